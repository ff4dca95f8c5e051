"""Documented limits on input, each enforced with a located problem rather than by running out of memory."""

#: Largest corpus file read, in bytes.
MAX_FILE_BYTES = 32 * 1024 * 1024
#: Most records (of all kinds) in one file.
MAX_RECORDS_PER_FILE = 200_000
#: Longest free-text field, in characters (also in ``schemas/defs.schema.json``).
MAX_TEXT = 20_000
#: Deepest nesting of mappings and lists that a parser is allowed to build.
MAX_DEPTH = 64
#: Longest chain of links between records of one kind that the walks follow: sub-claims (``parent``),
#: ``part_of`` and ``affiliations``, ``reprints`` and ``based_on``.
MAX_CHAIN = 32
