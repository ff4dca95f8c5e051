"""The version of claimcheck, in one place (the package, the parse cache's salt and the site's generator tag
read it), and the fingerprint of its code, which every result kept between runs is keyed by."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

__version__ = "0.1.0"


@functools.cache
def code_fingerprint() -> str:
    """A hash of the package's own code, so a changed claimcheck never reuses an old result (a site, an
    analysis) even when its version number has not moved."""
    h = hashlib.sha256(__version__.encode() + b"\0")
    package = Path(__file__).resolve().parents[1]
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()
