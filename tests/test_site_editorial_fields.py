"""The record fields of the editorial rules shown in the site and the brief: a translated quote with its original,
a document's corrections and updates, a reprint ("also carried by"), and a request for comment asked through a
spokesperson and answered (tests/data/new-fields)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import DATA
from support.sitecheck import reader_text

import claimcheck
from claimcheck.render.brief import build_context, render_brief
from claimcheck.render.site import build_site

CASE = DATA / "new-fields"


@pytest.fixture(scope="module")
def corpus() -> claimcheck.Corpus:
    """The small story, loaded without a problem."""
    corpus = claimcheck.load(CASE)
    assert corpus.ok, [p.format() for p in corpus.problems]
    return corpus


@pytest.fixture(scope="module")
def site(corpus: claimcheck.Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Its readers' site."""
    out = tmp_path_factory.mktemp("new-fields") / "site"
    build_site(corpus, out)
    return out


def page(site: Path, path: str) -> str:
    """What a reader sees of a page, white space collapsed (and none left before punctuation that followed a tag)."""
    return re.sub(r" ([,.;:)])", r"\1", " ".join(reader_text((site / path).read_text(encoding="utf-8")).split()))


def test_a_translated_quote_shows_its_original(site: Path, corpus: claimcheck.Corpus) -> None:
    """The claim page gives the translation, who translated it from which language, and the original words marked with their language."""
    text = page(site, "claims/minister-no-industry.html")
    assert "Translated from Norwegian by The Nordic Tribune. The original words: Vi vil ikke la fjordene bli industriområder" in text
    assert '<blockquote lang="no">' in (site / "claims/minister-no-industry.html").read_text(encoding="utf-8")
    brief = render_brief(build_context(corpus), "md")
    assert "(translated from Norwegian by The Nordic Tribune; the original: “Vi vil ikke la fjordene bli industriområder”)" in brief


def test_corrections_and_reprints_are_shown(site: Path, corpus: claimcheck.Corpus) -> None:
    """A document's page lists its corrections and updates and who carries it; the reprint names what it reprints; the brief
    prints the reprinted words once and says who else carried them."""
    tribune = page(site, "documents/tribune-story.html")
    assert (
        "Correction, 11 April 2025: An earlier version misstated the number of farms. Before: “twelve farms”; now: “two farms”." in tribune
    )
    assert "Update, 12 April 2025: Updated with a response from Fjord Farms." in tribune
    assert "Also carried by Fjords to stay free of industry, says minister" in tribune
    assert "Reprints Minister vows to keep fjords free of industry" in page(site, "documents/herald-story.html")
    brief = render_brief(build_context(corpus), "md")
    assert brief.count("“We will not allow the fjords to become industrial zones”") == 1
    assert "Also carried by [2], from the same origin." in brief
    assert "Corrected 11 April 2025: An earlier version misstated the number of farms (was: “twelve farms”)." in brief
    assert "\n2. Fjords to stay free of industry" in brief


def test_a_request_for_comment_shows_who_was_asked_and_the_answer(site: Path, corpus: claimcheck.Corpus) -> None:
    """The request asked through the chief executive, answered: the claim page says so and links the answer; the brief too."""
    text = page(site, "claims/minister-no-industry.html")
    assert "Fjord Farms ASA answered a request for comment (asked through Ingrid Dahl, 11 April 2025), 12 April 2025" in text
    assert "Its answer: Fjord Farms operates within its licences." in text
    assert "Answered for by Ingrid Dahl" in page(site, "sources/fjord-farms.html")
    brief = render_brief(build_context(corpus), "md")
    assert (
        "Right of reply: Fjord Farms answered a request for comment (asked 11 April 2025), 12 April 2025. [1] Asked through Ingrid Dahl."
        in brief
    )
    reader = render_brief(build_context(corpus, audience="reader"), "md")
    assert "Sourcing: Every report of it goes back to one origin: “Minister vows to keep fjords free of industry”." in reader
