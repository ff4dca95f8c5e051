"""An incremental rebuild renders and writes only the pages whose context changed, and the site it leaves
is byte for byte the site a full build of the same corpus writes."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import attrs
import pytest
from support import copy_case
from support.sitecheck import generated

import claimcheck
from claimcheck.render.site import build_site


def files_of(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by relative path, the hidden manifest included."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def edit_text(story: Path, claim_id: str, tag: str) -> None:
    """Prefix one claim's text in its story file with ``Edited (tag)``, as a person editing the file would."""
    text = story.read_text(encoding="utf-8")
    found = re.compile(rf"- id: {re.escape(claim_id)}\n(?:[^\n]*\n)*?\s+text: ['\"]?").search(text)
    assert found is not None
    story.write_text(f"{text[: found.end()]}Edited ({tag}) {text[found.end() :]}", encoding="utf-8")


def assert_incremental_edit(root: Path, story: Path, claim_id: str, tmp_path: Path, most: float) -> None:
    """Build, edit the claim's text, rebuild over the first site and build the edited corpus from nothing:
    the two sites are identical, every page the rebuild wrote mentions the claim, and it rendered
    fewer than ``most`` of the pages."""
    out, fresh = tmp_path / "site", tmp_path / "fresh"
    first = build_site(claimcheck.load(root), out)
    edit_text(story, claim_id, "incremental")
    rebuilt = build_site(claimcheck.load(root), out)
    build_site(claimcheck.load(root), fresh)
    assert files_of(out) == files_of(fresh)

    page = f"claims/{claim_id}.html"
    assert page in rebuilt.written
    assert "Edited (incremental)" in (out / page).read_text(encoding="utf-8")
    pages = [p for p in rebuilt.written if p.endswith(".html")]
    link = re.compile(rf"claims/{re.escape(claim_id)}\.html")
    strays = [p for p in pages if not link.search(html := (out / p).read_text(encoding="utf-8")) and "Edited (incremental)" not in html]
    assert strays == []  # every page rewritten links to the edited claim or quotes its words: no other page was touched
    assert {p.split("/")[0] for p in rebuilt.written if not p.endswith(".html")} <= {"search"}
    assert rebuilt.rendered == len(pages) < first.pages * most
    assert rebuilt.removed == ()


def test_an_edited_claim_of_the_smic_case_rebuilds_only_its_pages(tmp_path: Path) -> None:
    """SMIC case: after one claim's text is edited, the rebuilt site equals a full build, and only the
    pages that show the claim were rendered and written."""
    root = copy_case(tmp_path)
    assert_incremental_edit(root, root / "smic-2020.yaml", "pentagon-military-links", tmp_path, most=0.3)


@pytest.mark.slow
def test_an_edited_claim_of_a_generated_corpus_rebuilds_only_its_pages(tmp_path: Path) -> None:
    """A generated 1,000-claim corpus: the same, for the claim the benchmark edits."""
    root = tmp_path / "corpus"
    shutil.copytree(generated(1000, tmp_path.parent / "incremental-1k"), root)
    edit = json.loads((root / ".benchmark.json").read_text(encoding="utf-8"))["edit"]
    assert_incremental_edit(root, root / edit["file"], edit["claim"], tmp_path, most=0.02)


def test_a_deleted_claim_loses_its_page_and_the_rest_matches_a_full_build(tmp_path: Path) -> None:
    """A claim removed from the corpus loses its page, and the pages that listed it no longer do: the
    rebuilt site is the one a full build writes."""
    root = copy_case(tmp_path)
    corpus = claimcheck.load(root)
    out, fresh = tmp_path / "site", tmp_path / "fresh"
    build_site(corpus, out)
    gone = next(cid for cid in sorted(corpus.claims) if not corpus.relations_to(cid, None) and not corpus.relations_from(cid))
    smaller = attrs.evolve(corpus, claims={k: v for k, v in corpus.claims.items() if k != gone})
    rebuilt = build_site(smaller, out)
    build_site(smaller, fresh)
    assert f"claims/{gone}.html" in rebuilt.removed
    assert not (out / f"claims/{gone}.html").exists()
    assert files_of(out) == files_of(fresh)


def test_a_changed_template_or_audience_rebuilds_every_page(tmp_path: Path) -> None:
    """A template that every page extends, or the other audience, changes every page's inputs: all are rendered again."""
    root = copy_case(tmp_path)
    corpus = claimcheck.load(root)
    out = tmp_path / "site"
    first = build_site(corpus, out)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "base.html").write_text("{% extends 'default:base.html' %}", encoding="utf-8")
    assert build_site(corpus, out, templates=templates).rendered == first.pages
    assert build_site(corpus, out, templates=templates, audience="editor").rendered == first.pages
    assert build_site(corpus, out, templates=templates, audience="editor").rendered == 0
    fresh = tmp_path / "fresh"
    build_site(corpus, fresh, templates=templates, audience="editor")
    assert files_of(out) == files_of(fresh)


def test_a_page_changed_by_hand_is_rebuilt(tmp_path: Path) -> None:
    """A page edited in the built site (its size or time no longer the recorded ones) is read, found
    different and written again; the build state never vouches for a file it did not see."""
    root = copy_case(tmp_path)
    out, fresh = tmp_path / "site", tmp_path / "fresh"
    build_site(claimcheck.load(root), out)
    page = out / "claims/pentagon-military-links.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Pentagon", "Pentagram"), encoding="utf-8")
    edit_text(root / "smic-2020.yaml", "tsmc-stop-supplying-huawei", "other")
    rebuilt = build_site(claimcheck.load(root), out)
    assert "claims/pentagon-military-links.html" in rebuilt.written
    build_site(claimcheck.load(root), fresh)
    assert files_of(out) == files_of(fresh)
