"""Third-party checks of the built site: W3C Nu Html Checker, lychee, axe-core and schema.org (webcheck's check.sh)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from test_site import write_synthetic

import claimcheck
from claimcheck.render.site import build_site

REPO = Path(__file__).resolve().parents[1]
CHECK = Path(os.environ.get("CLAIMCHECK_WEBCHECK", REPO.parent / "shared" / "tools" / "webcheck" / "check.sh"))
TOOLS_MISSING = not (shutil.which("java") and shutil.which("chromium") and CHECK.is_file())

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        TOOLS_MISSING and not os.environ.get("CI"), reason="java, chromium or webcheck's check.sh is missing (CI would run this)"
    ),
]


def webcheck(site: Path, logs: Path, axe_pages: int = 0) -> str:
    """Run check.sh on ``site`` with axe on every page (or on ``axe_pages`` spread evenly); fail with its output unless
    every check passes."""
    assert CHECK.is_file(), f"webcheck not found at {CHECK} (set CLAIMCHECK_WEBCHECK)"
    env = {**os.environ, "OUT": str(logs), "AXE_MAX": str(axe_pages)}
    run = subprocess.run(["bash", str(CHECK), str(site)], capture_output=True, text=True, timeout=1200, env=env, check=False)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert "webcheck: 4 passed, 0 failed" in output, output
    return output


def test_smic_site_passes_webcheck(tmp_path: Path) -> None:
    """The SMIC site has no HTML error, no broken link or fragment, no axe violation and valid schema.org JSON-LD."""
    site = tmp_path / "site"
    build_site(claimcheck.load(REPO / "claims"), site)
    output = webcheck(site, tmp_path / "logs")
    for check in ("html-vnu", "links-lychee", "a11y-axe", "jsonld-schemaorg"):
        assert f"PASS {check}" in output


def test_reviewed_and_hostile_site_passes_webcheck(tmp_path: Path) -> None:
    """A site with a ClaimReview, drafts shown, and markup in every text field passes the same checks."""
    site = tmp_path / "site"
    build_site(claimcheck.load(write_synthetic(tmp_path)), site, include_drafts=True, base_url="https://news.example/desk/")
    webcheck(site, tmp_path / "logs")


def test_1k_site_passes_webcheck(site_1k: Path, tmp_path: Path) -> None:
    """The readers' site of 1,000 claims (1,600 pages: index and timeline pages, maps, search): no HTML error, no broken
    link or fragment, no axe violation on 60 pages spread over the site, valid schema.org JSON-LD."""
    output = webcheck(site_1k, tmp_path / "logs", axe_pages=60)
    for check in ("html-vnu", "links-lychee", "a11y-axe", "jsonld-schemaorg"):
        assert f"PASS {check}" in output
