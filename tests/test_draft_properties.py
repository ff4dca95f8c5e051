"""Drafting never fails on an article it can read, and what it drafts always validates: property tests over
generated news copy (names, titles, quotations in three styles, apostrophes, numbers, dates, reporting
verbs, refusals) and over arbitrary text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck.core.quotes import NormalisedText
from claimcheck.editor import new_corpus
from claimcheck.editor.draft import draft_article, write_draft

NAMES = [
    "Marta Oyelaran",
    "Ferrybridge Logistics",
    "the Maritime Agency",
    "Ms Oyelaran",
    "Tidewatch Systems Ltd",
    "analysts",
    "a spokeswoman for the agency",
    "she",
    "it",
    "The company",
    "Dr Imke Valdés",
    "O'Neill & Sons",
]
VERBS = [
    "said",
    "says",
    "told the Gazette",
    "said on Tuesday",
    "wrote on Facebook",
    "denied",
    "accused the agency of",
    "said in a statement that",
    "warned",
    "expects",
    "believes",
    "added",
]
CLAUSES = [
    "the quay would reopen in April",
    "it had never cut corners",
    "prices rose by 12% last week",
    "the wall's stones were loose",
    "nothing had been hidden",
    "two berths are closed",
    "dredging will start on 2 October",
]
QUOTES = [("“", "”"), ('"', '"'), ("‘", "’")]


@st.composite
def sentence(draw: st.DrawFn) -> str:
    who, verb, what = draw(st.sampled_from(NAMES)), draw(st.sampled_from(VERBS)), draw(st.sampled_from(CLAUSES))
    shape = draw(st.integers(0, 5))
    left, right = draw(st.sampled_from(QUOTES))
    if shape == 0:
        return f"{who[0].upper()}{who[1:]} {verb} {what}."
    if shape == 1:
        return f"{what[0].upper()}{what[1:]}, {who} {verb.split()[0]}."
    if shape == 2:
        return f"{left}{what[0].upper()}{what[1:]},{right} {who} said."
    if shape == 3:
        return f"According to {who}, {what}."
    if shape == 4:
        return f"{who[0].upper()}{who[1:]} declined to comment."
    return f"{what[0].upper()}{what[1:]}."


@st.composite
def article(draw: st.DrawFn) -> str:
    paragraphs = [" ".join(draw(st.lists(sentence(), min_size=1, max_size=3))) for _ in range(draw(st.integers(1, 6)))]
    headline = draw(st.sampled_from(["Quay to reopen", "Harbour row: what happens next?", "Agency denies cover-up"]))
    byline = draw(st.sampled_from(["", "By Nell Ambrose\n\n", "By Nell Ambrose, The Harbour Gazette\n\n"]))
    return f"{headline}\n\n{byline}" + "\n\n".join(paragraphs) + "\n"


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("draft-props")
    (root / "texts").mkdir()
    new_corpus(root / "claims", texts=root / "texts", example=False)
    return root


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=article(), date=st.sampled_from(["2024-03-06", "2024-03", "2024", None]))
def test_drafted_news_copy_always_validates(text: str, date: str | None, corpus_dir: Path) -> None:
    """Every generated article drafts; every quote is in its text; the corpus loaded with the draft has no error."""
    corpus = claimcheck.load(corpus_dir / "claims")
    draft = draft_article(text.encode("utf-8"), corpus=corpus, publisher="The Harbour Gazette", date=date, text_name="generated.txt")
    full = NormalisedText(text)
    for claim in draft.data.get("claims", []):
        assert claim["status"] == "draft"
        assert full.find(claim["appearances"][0]["quote"]) is not None
    # a dry run loads the corpus with the draft in place and raises RecordError for any new error
    result = write_draft(
        draft,
        corpus_dir / "claims" / "generated.yaml",
        corpus,
        dry_run=True,
        texts=corpus_dir / "scratch",
        fulltext=[corpus_dir / "scratch"],
    )
    assert not result.file.exists()


@settings(max_examples=60, deadline=None)
@given(text=st.text(st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_any_text_drafts_or_is_refused_cleanly(text: str) -> None:
    """Arbitrary text either drafts (every quote verbatim) or is refused as holding no text."""
    try:
        draft = draft_article(text.encode("utf-8"), publisher="The Harbour Gazette", date="2024-03-06")
    except claimcheck.ClaimcheckError:
        assert not any(ch.isalpha() for ch in text)
        return
    full = NormalisedText(text.removeprefix("\ufeff"))
    for claim in draft.data.get("claims", []):
        assert full.find(claim["appearances"][0]["quote"]) is not None
        assert claim["text"].strip()
