"""A rebuild with nothing changed does no work, and never skips a change."""

from __future__ import annotations

from pathlib import Path

import attrs
from support import copy_case

import claimcheck
from claimcheck.render.site import build_site


def test_unchanged_rebuild_is_skipped_and_changes_are_not(tmp_path: Path) -> None:
    """Same inputs → nothing rendered or written; an edited file, drafts, or an in-memory change → a real build."""
    case = copy_case(tmp_path)
    out = tmp_path / "site"
    first = build_site(claimcheck.load(case), out)
    assert first.rendered > 0
    index_mtime = (out / "index.html").stat().st_mtime_ns

    again = build_site(claimcheck.load(case), out)
    assert (again.rendered, again.written, again.pages) == (0, (), first.pages)
    assert (out / "index.html").stat().st_mtime_ns == index_mtime

    manifest = (out / ".claimcheck-build.json").read_text(encoding="utf-8")
    build_site(claimcheck.load(case), out, include_drafts=True)
    assert (out / ".claimcheck-build.json").read_text(encoding="utf-8") != manifest  # another option: a real build

    story = case / "smic-2020.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace("SMIC has links with", "SMIC has ties with"), encoding="utf-8")
    edited = build_site(claimcheck.load(case), out)
    assert "claims/pentagon-military-links.html" in edited.written
    assert "SMIC has ties with" in (out / "claims/pentagon-military-links.html").read_text(encoding="utf-8")

    corpus = claimcheck.load(case)
    claim = corpus.claims["pentagon-military-links"]
    changed = attrs.evolve(corpus, claims={**corpus.claims, claim.id: attrs.evolve(claim, text="Changed in memory.")})
    assert changed.source_digest is None
    rebuilt = build_site(changed, out)
    assert "claims/pentagon-military-links.html" in rebuilt.written


def test_a_deleted_page_is_rebuilt(tmp_path: Path) -> None:
    """If a file of the site has gone, the skip does not apply and the page comes back."""
    case = copy_case(tmp_path)
    out = tmp_path / "site"
    build_site(claimcheck.load(case), out)
    (out / "timeline.html").unlink()
    result = build_site(claimcheck.load(case), out)
    assert (out / "timeline.html").is_file()
    assert "timeline.html" in result.written
