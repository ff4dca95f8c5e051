"""Shared helpers for the tests: where the project, its SMIC case and the shared tools are."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT / "claims"
SHARED = ROOT.parent / "shared"
SOURCES = SHARED / "sources"
WEBCHECK = SHARED / "tools" / "webcheck"
TOOLS = Path(os.environ.get("TOOLS", Path.home() / ".cache" / "claimcheck-webcheck"))
IN_CI = bool(os.environ.get("CI"))


def copy_case(dest: Path) -> Path:
    """A copy of the SMIC corpus in ``dest``, its full-text folder pointing at the shared sources."""
    target = dest / "claims"
    shutil.copytree(CLAIMS, target)
    config = target / "claimcheck.yaml"
    text = config.read_text(encoding="utf-8").replace('"../../shared/sources"', f'"{SOURCES.as_posix()}"')
    config.write_text(text, encoding="utf-8")
    return target


def markdownlint() -> Path | None:
    """The markdownlint-cli2 installed by the shared webcheck tool, if it is."""
    path = TOOLS / "node_modules" / ".bin" / "markdownlint-cli2"
    return path if path.exists() else None
