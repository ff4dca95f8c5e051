"""Two audiences: the readers' site holds no record id and no editor instruction (the whole built site is
searched, the search index too); the editors' view adds the findings with what to do and where."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.sitecheck import reader_text, search_text

import claimcheck
from claimcheck.render.brief import build_context, render_brief
from claimcheck.render.site import build_site

#: Phrases that tell an editor what to do, or point at the corpus's files: never on a reader's page.
INSTRUCTIONS = re.compile(
    r"add a (relation|comments record)|What to do|a relation of type|comments record|--include-drafts|consider whether"
    r"|record the (reply|evidence)|\.ya?ml:\d+|\.ya?ml\b|Balance check|not-reached|responds-to",
    re.I,
)


def _ids(corpus: claimcheck.Corpus) -> set[str]:
    """The record ids a reader could not mistake for a word: those with a hyphen or a digit."""
    every = [*corpus.claims, *corpus.sources, *corpus.documents, *corpus.relations, *corpus.comments, *corpus.reviews]
    return {i for i in every if "-" in i or any(ch.isdigit() for ch in i)}


def leaks(site: Path, corpus: claimcheck.Corpus) -> list[str]:
    """Every record id or editor instruction in what readers see of ``site``."""
    ids = _ids(corpus)
    found = []
    texts = {p.relative_to(site).as_posix(): reader_text(p.read_text(encoding="utf-8")) for p in site.rglob("*.html")}
    texts["search index"] = search_text(site)
    for where, text in texts.items():
        for token in set(re.findall(r"(?<![\w/.#-])[a-z0-9]+(?:-[a-z0-9]+)*(?![\w/-])", text)):
            if token in ids:
                found.append(f"{where}: record id {token!r}")
        found += [f"{where}: instruction {m[0]!r}" for m in INSTRUCTIONS.finditer(text)]
    return sorted(found)


def test_the_leak_check_finds_what_it_looks_for(tmp_path: Path, smic: claimcheck.Corpus) -> None:
    """A page holding a record id or an instruction is reported (the check could fail)."""
    site = tmp_path / "site"
    (site / "search/d").mkdir(parents=True)
    (site / "search/manifest.js").write_text('CLAIMCHECK_SEARCH.add("manifest",{"fields":["title","url"]});\n', encoding="utf-8")
    (site / "search/d/0.js").write_text('CLAIMCHECK_SEARCH.add("d:0",[["see sos-report","claims/x.html"]]);\n', encoding="utf-8")
    (site / "p.html").write_text('<p title="x">Review pentagon-military-links: add a relation of type denies</p>', encoding="utf-8")
    assert leaks(site, smic) == [
        "p.html: instruction 'add a relation'",
        "p.html: record id 'pentagon-military-links'",
        "search index: record id 'sos-report'",
    ]


def test_smic_reader_site_has_no_record_id_and_no_instruction(smic_site: Path, smic: claimcheck.Corpus) -> None:
    """The SMIC readers' site: no record id and no instruction anywhere a reader looks, and the sourcing said plainly."""
    assert leaks(smic_site, smic) == []
    page = reader_text((smic_site / "claims/pentagon-military-links.html").read_text(encoding="utf-8"))
    assert "Known only through The Wall Street Journal's report" in page


@pytest.mark.slow
def test_1k_reader_site_has_no_record_id_and_no_instruction(site_1k: Path, corpus_1k: claimcheck.Corpus) -> None:
    """The readers' site of the 1,000-claim corpus, every page and the search index: no record id, no instruction."""
    assert leaks(site_1k, corpus_1k) == []


def test_editor_view_adds_findings_with_what_to_do_and_where(smic: claimcheck.Corpus, tmp_path: Path) -> None:
    """`build --audience editor` shows each claim's findings with what to do and the file and line."""
    out = tmp_path / "editor"
    build_site(smic, out, audience="editor")
    page = reader_text((out / "claims/pentagon-beijing-private-firms.html").read_text(encoding="utf-8"))
    assert "Balance check (editors)" in page
    assert "Unanswered accusation." in page
    assert "What to do: Record the Chinese government's reply" in page
    assert re.search(r"claims/smic-2020\.yaml:\d+", page)
    assert "Editors' view" in page


def test_reader_brief_has_no_instruction_and_editor_brief_names_claims(smic: claimcheck.Corpus) -> None:
    """The readers' brief states sourcing and holds no instruction or file:line; the editors' brief names each finding's
    claim by its attributed sentence, with what to do and where."""
    reader = render_brief(build_context(smic, audience="reader"), "md")
    assert not INSTRUCTIONS.search(reader.replace("claimcheck case corpus", ""))
    assert "Sourcing: Known only through The Wall Street Journal's report" in reader
    editor = render_brief(build_context(smic), "md")
    assert (
        "Second-hand only: SMIC has links with the Chinese military, the Pentagon alleged, according to The Wall Street Journal: "
        "the Pentagon's words are known only through The Wall Street Journal's report." in editor
    )
    assert "What to do:" in editor
    assert re.search(r"\(claims/smic-2020\.yaml:\d+\)", editor)
