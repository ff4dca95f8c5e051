"""The foundation every layer stands on: errors, problems and their catalogue, dates, ids, limits,
quote matching, atomic writing and the plugin hooks. Nothing here imports another claimcheck layer."""
