"""Regenerate the documentation pages made from the code: ``docs/problems.md`` from the problem catalogue.

python docs/generate.py            # write the pages
python docs/generate.py --check    # exit 1 if a committed page is stale
"""

import sys

from claimcheck.core import catalogue

if __name__ == "__main__":
    sys.exit(catalogue.main(sys.argv[1:]))
