"""Support shared by the tests: where the project, its SMIC case and the shared tools are, and the
one SMIC fixture (``tests/conftest.py`` provides it as ``smic``)."""

from __future__ import annotations

import os
import shutil
from functools import cache
from pathlib import Path

import claimcheck

ROOT = Path(__file__).resolve().parents[2]
CLAIMS = ROOT / "claims"
SHARED = ROOT.parent / "shared"
SOURCES = SHARED / "sources"
WEBCHECK = SHARED / "tools" / "webcheck"
DATA = ROOT / "tests" / "data"
#: A small corpus that uses every optional field, with its full texts, for the interoperability tests.
FULL = DATA / "interop_full"
#: Real published ClaimReview markup (shared with the other projects of this workplace's steering repo).
FIXTURES = SHARED / "fixtures" / "claimreview"
#: Where ``shared/tools/webcheck/check.sh`` installs its checkers: worked out as it does.
TOOLS = Path(os.environ.get("TOOLS") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimcheck-webcheck")
WEBCHECK_PYTHON = TOOLS / "venv" / "bin" / "python"
SCHEMAORG_CHECK = WEBCHECK / "check_schemaorg.py"
IN_CI = bool(os.environ.get("CI"))

__all__ = [
    "CLAIMS",
    "DATA",
    "FIXTURES",
    "FULL",
    "IN_CI",
    "ROOT",
    "SCHEMAORG_CHECK",
    "SHARED",
    "SOURCES",
    "TOOLS",
    "WEBCHECK",
    "WEBCHECK_PYTHON",
    "copy_case",
    "copy_full",
    "copy_smic",
    "empty_corpus",
    "full_config_elsewhere",
    "markdownlint",
    "smic_corpus",
]


def copy_smic(dest: Path, *, reviews: bool = False) -> Path:
    """A copy of the SMIC case in the folder ``dest`` (with the test reviews of ``tests/data`` when asked),
    its full-text folder pointing at the shared sources so that quotes are still checked."""
    dest.mkdir(parents=True, exist_ok=True)
    for f in CLAIMS.glob("*.yaml"):
        shutil.copy(f, dest / f.name)
    config = dest / "claimcheck.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace('"../../shared/sources"', f'"{SOURCES.as_posix()}"'), encoding="utf-8")
    if reviews:
        shutil.copy(DATA / "smic-reviews.yaml", dest / "smic-reviews.yaml")
    return dest


def copy_full(dest: Path) -> Path:
    """A copy of the every-field corpus (tests/data/interop_full) in ``dest``, its full texts included."""
    shutil.copytree(FULL, dest)
    return dest


def full_config_elsewhere() -> str:
    """The every-field corpus' config, its full texts found where they are (for a corpus in another folder)."""
    text = (FULL / "claimcheck.yaml").read_text(encoding="utf-8")
    return text.replace("fulltext_paths: [texts]", f'fulltext_paths: ["{(FULL / "texts").as_posix()}"]')


def copy_case(dest: Path) -> Path:
    """A copy of the SMIC case as ``dest/claims`` (see :func:`copy_smic`)."""
    return copy_smic(dest / "claims")


def empty_corpus(dest: Path, config: str = "") -> Path:
    """A folder holding only a claimcheck.yaml with ``config`` as its text."""
    dest.mkdir(parents=True, exist_ok=True)
    (dest / "claimcheck.yaml").write_text(config, encoding="utf-8")
    return dest


@cache
def smic_corpus() -> claimcheck.Corpus:
    """The SMIC case as committed, loaded once for the whole session (records are frozen: share freely)."""
    return claimcheck.load(CLAIMS, fulltext_paths=[SOURCES])


def markdownlint() -> Path | None:
    """The markdownlint-cli2 installed by the shared webcheck tool, if it is."""
    path = TOOLS / "node_modules" / ".bin" / "markdownlint-cli2"
    return path if path.exists() else None
