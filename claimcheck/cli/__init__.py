"""The ``claimcheck`` command line: a thin layer over the public API.

Each command parses its options, calls one public function, hands the result to a reporter and
returns an exit code: 0 clean, 1 problems found, 2 usage or I/O error.
"""

from claimcheck.cli.main import main

__all__ = ["main"]
