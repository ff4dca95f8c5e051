"""Loading a corpus folder: discover files, parse them (cached by content), validate against the
schemas, build the records, check references, chains, dates and quotes, and locate every problem."""
