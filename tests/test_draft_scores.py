"""How much of an article `claimcheck draft` gets right, measured on annotated articles it was not written from.

The SMIC article is scored on its claim-bearing sentences (``SENTENCES`` of test_smic_case.py) against the
claims recorded by hand in claims/smic-2020.yaml; each test story (tests/stories/<slug>/) on the
claim-bearing sentences or clauses its story.yaml annotates. The definitions, for every annotated entry
(a sentence, or an annotated quote with its speaker):

* **covered**: some drafted claim has a quote that lies within the entry's sentence, or that overlaps the
  entry's annotated quote (offsets in the article's full text; for SMIC the sentence is the quote). A
  story entry's sentence is its quote widened to the nearest full stop, question or exclamation mark
  followed by white space (or the block's ends).
* **right speaker**: of the drafted claims covering the entry, the one whose quote overlaps the annotated
  quote most has a speaker whose name, short name or an alias matches the annotated speaker's name (for
  SMIC, the name, short name or an alias of the speaker of a hand-recorded claim quoted from the
  sentence): equal when compared case-insensitively, without a leading article ("the", "a", "an") or
  title ("Dr", "Prof", "Mr", "Ms", "Mrs", "Cllr", "Sir", "Dame") and without letters after the name ("KC",
  "QC", "MP"), with typographic apostrophes read as ASCII; or one being the other with words added at its
  end, when the shorter has at least three words (an unnamed group described at more length). The
  drafted speaker being the draft's publisher matches an annotated speaker who is the article's publisher.

Accuracy is over all entries (an entry not covered has no right speaker). Each test prints its table; the
thresholds are the issue's for SMIC and floors a little under the measured figures for the stories, so a
change that makes drafting worse fails here.

The stories were read while the rules were written, so their figures are development figures. The two
articles of ``tests/data/draft/`` were written and annotated for drafting before it was ever run on them:
on that first run 6 of 13 (court-fraud-trial) and 4 of 15 (clinic-study-release) speakers were right, 6
and 9 under the rule above (which then did not yet ignore titles); the rules have been improved on them
since, so they too are now development figures.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_smic_case import ARTICLE_FILE, SENTENCES, SHARED_SOURCES

from claimcheck.core.quotes import NormalisedText
from claimcheck.editor.draft import Draft, draft_article

REPO = Path(__file__).resolve().parents[1]
STORIES = REPO / "tests" / "stories"
#: The stories scored, with the least coverage and speaker accuracy each must keep (measured, less a margin).
FLOORS = {
    "mine-collapse-wire": (0.9, 0.75),
    "mill-meadow-planning": (0.9, 0.7),
    "referral-memo-broadcast": (0.9, 0.7),
    "holmgren-logging-denial": (0.9, 0.7),
    "fjord-farms-translated": (0.9, 0.7),
    "lead-lines-correction": (0.9, 0.6),
    "potato-drought-trade": (0.85, 0.5),
    "waste-export-reply": (0.85, 0.6),
}


def _key(name: str) -> str:
    key = " ".join(name.replace("’", "'").replace("‘", "'").lower().split()).strip(" .,")
    key = re.sub(r"^(?:the|a|an)\s+", "", key)
    key = re.sub(r"^(?:dr|prof|professor|mr|ms|mrs|miss|cllr|sir|dame)\.?\s+", "", key)
    return re.sub(r"\s+(?:kc|qc|mp|msp|mep|phd)$", "", key)


def names_match(drafted: list[str], annotated: list[str]) -> bool:
    """The speaker rule of the module docstring."""
    for a in map(_key, drafted):
        for b in map(_key, annotated):
            if a == b:
                return True
            short, long = sorted((a.split(), b.split()), key=len)
            if len(short) >= 3 and long[: len(short)] == short:
                return True
    return False


def _speaker_names(draft: Draft, corpus_sources: dict[str, dict[str, Any]], speaker: str) -> list[str]:
    record = next((s for s in draft.data.get("sources", []) if s["id"] == speaker), None) or corpus_sources.get(speaker, {})
    return [n for n in [record.get("name"), record.get("short_name"), *record.get("aliases", [])] if n]


def _spans(text: NormalisedText, quote: str) -> tuple[int, int] | None:
    return text.find(quote)


def _sentence_of(full: str, span: tuple[int, int]) -> tuple[int, int]:
    block_start = full.rfind("\n\n", 0, span[0])
    block_start = 0 if block_start < 0 else block_start + 2
    block_end = full.find("\n\n", span[1])
    block_end = len(full) if block_end < 0 else block_end
    starts = [m.end() for m in re.finditer(r"[.!?][\"”’']?\s+", full[block_start : span[0]])]
    start = block_start + (starts[-1] if starts else 0)
    after = re.search(r"[.!?][\"”’']?(?=\s|$)", full[span[1] : block_end])
    end = span[1] + after.end() if after else block_end
    return start, end


def score(
    draft: Draft, full: str, entries: list[dict[str, Any]], *, publisher: set[str], corpus_sources: dict[str, dict[str, Any]] | None = None
) -> dict[str, Any]:
    """Coverage and speaker accuracy of ``draft`` on ``entries`` (each: ``quote``, ``sentence`` span or
    None, ``speakers``: annotated names)."""
    text = NormalisedText(full)
    publisher_id = next(d for d in draft.data["documents"] if d["id"] == draft.document_id)["publisher"]
    drafted = []
    for claim in draft.data.get("claims", []):
        for app in claim["appearances"]:
            span = _spans(text, app["quote"])
            assert span is not None, f"drafted quote not in the text: {app['quote']!r}"
            drafted.append((span, claim, app))
    covered = right = 0
    rows = []
    for entry in entries:
        quote = entry["span"]
        sentence = entry["sentence"]
        hits = [
            (span, claim, app)
            for span, claim, app in drafted
            if (sentence[0] <= span[0] and span[1] <= sentence[1]) or (span[0] < quote[1] and quote[0] < span[1])
        ]
        ok_speaker = False
        names: list[str] = []
        if hits:
            covered += 1
            span, claim, app = max(hits, key=lambda h: min(h[0][1], quote[1]) - max(h[0][0], quote[0]))
            names = _speaker_names(draft, corpus_sources or {}, claim["speaker"])
            ok_speaker = names_match(names, entry["speakers"]) or (
                claim["speaker"] == publisher_id and bool(publisher & set(entry["speakers"]))
            )
            right += ok_speaker
        rows.append((entry, bool(hits), ok_speaker, names[:1]))
    n = len(entries)
    return {"entries": n, "covered": covered, "right": right, "coverage": covered / n, "accuracy": right / n, "rows": rows}


def _table(title: str, results: dict[str, dict[str, Any]]) -> str:
    lines = [title, f"{'article':28} {'entries':>7} {'covered':>8} {'coverage':>9} {'speaker':>8} {'accuracy':>9}"]
    for name, r in results.items():
        lines.append(f"{name:28} {r['entries']:7d} {r['covered']:8d} {r['coverage']:9.0%} {r['right']:8d} {r['accuracy']:9.0%}")
    return "\n".join(lines)


def _misses(result: dict[str, Any]) -> str:
    return "\n".join(
        f"  {'covered' if hit else 'MISSED '} {'right' if ok else 'WRONG'} {e['locator']}: {e['quote'][:60]!r} ({e['speakers'][0]}; drafted: {', '.join(drafted) or '-'})"
        for e, hit, ok, drafted in result["rows"]
        if not (hit and ok)
    )


# ---- SMIC ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def smic_draft() -> tuple[Draft, str]:
    path = SHARED_SOURCES / ARTICLE_FILE
    if not path.is_file():
        pytest.skip(f"full text not available: {path}")
    # the article prints no date; September 2020 is what an editor would give it (see claims/smic-2020.yaml)
    return draft_article(path, date="2020-09"), path.read_text(encoding="utf-8")


def _smic_entries(full: str) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    case = yaml.safe_load((REPO / "claims" / "smic-2020.yaml").read_text(encoding="utf-8"))
    sources = {s["id"]: s for s in case["sources"]}
    text = NormalisedText(full)
    entries = []
    for sentence in SENTENCES:
        span = text.find(sentence)
        assert span is not None
        speakers: list[str] = []
        for claim in case["claims"]:
            for app in claim["appearances"]:
                qspan = text.find(app["quote"]) if app["document"] == "smic-article" else None
                if qspan and span[0] <= qspan[0] and qspan[1] <= span[1] + 1:
                    src = sources[claim["speaker"]]
                    speakers += [n for n in [src["name"], src.get("short_name"), *src.get("aliases", [])] if n]
        entries.append({"locator": "", "quote": sentence, "span": span, "sentence": span, "speakers": speakers or ["?"]})
    return entries, sources


def test_smic_draft_covers_the_article_with_the_right_speakers(smic_draft: tuple[Draft, str], capsys: pytest.CaptureFixture[str]) -> None:
    """At least 90 % of the SMIC article's claim-bearing sentences are covered, at least 80 % with the right speaker."""
    draft, full = smic_draft
    entries, _sources = _smic_entries(full)
    result = score(draft, full, entries, publisher={"The article's publisher"})
    with capsys.disabled():
        print("\n" + _table("claimcheck draft on the SMIC article", {"smic-2020": result}))
        print(_misses(result))
    assert result["coverage"] >= 0.9
    assert result["accuracy"] >= 0.8


def test_smic_draft_has_the_wall_street_journal_hop(smic_draft: tuple[Draft, str]) -> None:
    """The Pentagon's concerns come through the Wall Street Journal: speaker the Pentagon, then a WSJ hop."""
    draft, _full = smic_draft
    claim = next(c for c in draft.data["claims"] if "Wall Street Journal" in c["appearances"][0]["quote"])
    chain = claim["appearances"][0]["chain"]
    sources = {s["id"]: s for s in draft.data["sources"]}
    assert names_match([sources[chain[0]["source"]]["name"]], ["Pentagon"])
    assert chain[0]["source"] == claim["speaker"]
    assert names_match([sources[chain[1]["source"]]["name"]], ["Wall Street Journal"])


# ---- the test stories -----------------------------------------------------------------------------------
def _story(slug: str) -> tuple[dict[str, Any], Path]:
    folder = STORIES / slug
    if not (folder / "story.yaml").is_file():
        pytest.skip(f"{folder} is not here (merge the stories branch)")
    return yaml.safe_load((folder / "story.yaml").read_text(encoding="utf-8")), folder / "article.txt"


def _story_entries(story: dict[str, Any], full: str) -> list[dict[str, Any]]:
    text = NormalisedText(full)
    entries = []
    for s in story["sentences"]:
        span = text.find(s["quote"])
        assert span is not None, s["quote"]
        entries.append(
            {"locator": s["locator"], "quote": s["quote"], "span": span, "sentence": _sentence_of(full, span), "speakers": [s["speaker"]]}
        )
    return entries


_RESULTS: dict[str, dict[str, Any]] = {}
WRITTEN = REPO / "tests" / "data" / "draft"
#: Articles written for drafting (see the module docstring), with their floors.
WRITTEN_FLOORS = {"court-fraud-trial": (1.0, 0.8), "clinic-study-release": (1.0, 0.9)}


@pytest.mark.parametrize("slug", list(WRITTEN_FLOORS))
def test_written_article_draft_scores(slug: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The two articles written for drafting are covered and their speakers found at least as well as measured."""
    annotations = yaml.safe_load((WRITTEN / slug / "annotations.yaml").read_text(encoding="utf-8"))
    path = WRITTEN / slug / "article.txt"
    full = path.read_text(encoding="utf-8")
    draft = draft_article(path, publisher=annotations["publisher"], date=str(annotations["date"]))
    result = score(draft, full, _story_entries(annotations, full), publisher={annotations["publisher"]})
    with capsys.disabled():
        print("\n" + _table(f"claimcheck draft on {slug} (written for drafting)", {slug: result}))
        print(_misses(result))
    coverage, accuracy = WRITTEN_FLOORS[slug]
    assert result["coverage"] >= coverage
    assert result["accuracy"] >= accuracy


@pytest.mark.parametrize("slug", list(FLOORS))
def test_story_draft_scores(slug: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Drafting a test story covers its annotated claims and finds their speakers at least as well as measured."""
    story, path = _story(slug)
    full = path.read_text(encoding="utf-8")
    draft = draft_article(path, publisher=story["publisher"], date=str(story["date"]), title=story["title"], url=story["url"])
    result = score(draft, full, _story_entries(story, full), publisher={story["publisher"]})
    _RESULTS[slug] = result
    with capsys.disabled():
        print("\n" + _table(f"claimcheck draft on {slug} ({story['style'][:60]})", {slug: result}))
        print(_misses(result))
    coverage, accuracy = FLOORS[slug]
    assert result["coverage"] >= coverage
    assert result["accuracy"] >= accuracy
