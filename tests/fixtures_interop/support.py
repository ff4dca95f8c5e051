"""Helpers shared by the interop tests: corpus copies in a temporary folder."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CLAIMS = REPO / "claims"
HERE = Path(__file__).resolve().parent
SHARED = REPO.parent / "shared"
FIXTURES = SHARED / "fixtures" / "claimreview"
WEBCHECK_PYTHON = Path.home() / ".cache" / "claimcheck-webcheck" / "venv" / "bin" / "python"
SCHEMAORG_CHECK = SHARED / "tools" / "webcheck" / "check_schemaorg.py"


def copy_smic(dest: Path, *, reviews: bool = False) -> Path:
    """A copy of the SMIC case at ``dest`` (with the test reviews added when asked), its full-text
    folder pointed at the shared sources so that quotes are still checked."""
    dest.mkdir(parents=True, exist_ok=True)
    for f in CLAIMS.glob("*.yaml"):
        shutil.copy(f, dest / f.name)
    config = dest / "claimcheck.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("../../shared/sources", str(SHARED / "sources")), encoding="utf-8")
    if reviews:
        shutil.copy(HERE / "smic-reviews.yaml", dest / "smic-reviews.yaml")
    return dest


def empty_corpus(dest: Path, config: str = "") -> Path:
    """A folder holding only a claimcheck.yaml with ``config`` as its text."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "claimcheck.yaml").write_text(config, encoding="utf-8")
    return dest
