"""The API reference builds from the docstrings with Sphinx, warnings as errors, and documents the public API."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

import claimcheck


@pytest.mark.slow
def test_api_reference_builds_without_warnings(tmp_path: Path) -> None:
    """`python -m sphinx -W -b html docs/api OUT` succeeds, and the page describes the corpus view and the loader."""
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html", str(ROOT / "docs" / "api"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    page = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "The corpus as it is shown: the one visibility rule every output follows." in page
    assert "claimcheck.load" in page


def test_every_public_name_has_a_docstring() -> None:
    """Each name in claimcheck.__all__ that is a function or a class says what it is."""
    missing = [
        name
        for name in claimcheck.__all__
        if callable(obj := getattr(claimcheck, name))
        and not isinstance(obj, type(claimcheck.Severity.INFO))
        and not (obj.__doc__ or "").strip()
    ]
    assert missing == []
