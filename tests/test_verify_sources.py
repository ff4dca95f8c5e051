"""`claimcheck verify-sources`: every quote found again in its document's current text, or in a new or
archived copy, by its anchor; unchanged, moved, changed (with a word diff) or gone; exit 1 on any change;
and `--record-anchors` writes the anchors into the records, the rest of each file untouched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import FULL, copy_full

import claimcheck
from claimcheck.analysis.drift import verify_sources
from claimcheck.cli import main
from claimcheck.core.anchors import locate, sentences, word_diff
from claimcheck.core.errors import UsageError

ARTICLE = "ferry-fares.txt"


def run(*args: str) -> tuple[int, dict[str, object]]:
    """The command's exit code and its JSON report."""
    result = CliRunner().invoke(main, ["verify-sources", *args, "--format", "json"], catch_exceptions=False)
    return result.exit_code, json.loads(result.output)


def statuses(report: dict[str, object]) -> dict[str, str]:
    quotes = report["quotes"]
    assert isinstance(quotes, list)
    return {q["quote"]: q["status"] for q in quotes}


def test_an_unchanged_corpus_verifies_clean() -> None:
    """Against the current full texts, every anchored or located quote is unchanged; the recording is unverifiable."""
    code, report = run(str(FULL))
    assert code == 0
    assert report["counts"] == {"unchanged": 8, "moved": 0, "changed": 0, "gone": 0, "unverifiable": 1}
    assert statuses(report)["hiding/appearances/1"] == "unverifiable"  # the radio interview has no full text


def test_a_stealth_edit_is_caught_with_a_word_diff(tmp_path: Path) -> None:
    """The article edited after the fact: a paragraph inserted (quotes move), a quote's words changed, a sentence removed."""
    root = copy_full(tmp_path / "c")
    text = (root / "texts" / ARTICLE).read_text(encoding="utf-8")
    edited = (
        text.replace("Ferry fares to rise by 12 percent\n\n", "Ferry fares to rise by 12 percent\n\nUpdated on Tuesday.\n\n")
        .replace(
            "accused the company of hiding the increase until after the council vote",
            "accused the company of delaying the news until after the council vote",
        )
        .replace(' "They knew in December and said nothing," its chair, Ingrid Dahl, said.', "")
    )
    (root / "texts" / ARTICLE).write_text(edited, encoding="utf-8")
    code, report = run(str(root))
    assert code == 1
    found = statuses(report)
    assert found["fare-rise/appearances/0"] == "moved"
    assert found["hiding/appearances/0"] == "changed"
    assert found["dahl-knew/appearances/0"] == "unverifiable"  # no stored anchor, and its text no longer verifies
    assert found["minutes-support-announced/evidence"] == "unchanged"  # the minutes did not change
    changed = next(q for q in report["quotes"] if q["quote"] == "hiding/appearances/0")  # type: ignore[union-attr]  # a list of dicts
    assert changed["diff"] == "accused the company of [-hiding-] {+delaying+} the [-increase-] {+news+} until after the council vote"
    problems = {p["code"] for p in report["problems"]}  # type: ignore[union-attr]  # a list of dicts
    assert {"quote-moved", "quote-changed"} <= problems
    located = next(p for p in report["problems"] if p["code"] == "quote-changed")  # type: ignore[union-attr]  # a list of dicts
    assert (located["file"], located["pointer"]) == ("ferry.yaml", "/claims/1/appearances/0/quote")


def test_an_archived_copy_is_compared_with_against(tmp_path: Path) -> None:
    """--against DOC=FILE checks a document against another copy; a copy without the passage makes the quote gone."""
    archived = tmp_path / "archived.txt"
    archived.write_text("Ferry fares\n\nThe page was replaced by a notice.\n", encoding="utf-8")
    code, report = run(str(FULL), "--against", f"ferry-article={archived}")
    assert code == 1
    found = statuses(report)
    assert found["fare-rise/appearances/0"] == "gone"
    assert found["minutes-support-announced/evidence"] == "unchanged"
    same = tmp_path / "copies"
    same.mkdir()
    (same / ARTICLE).write_text((FULL / "texts" / ARTICLE).read_text(encoding="utf-8"), encoding="utf-8")
    assert run(str(FULL), "--against", str(same))[0] == 0  # a folder of copies named as the full texts


def test_against_names_a_real_document() -> None:
    """An unknown document, or a file named as no full text, is a usage error with a suggestion."""
    corpus = claimcheck.load(FULL)
    from claimcheck.analysis.drift import resolve_against

    with pytest.raises(UsageError, match="did you mean 'ferry-article'"):
        resolve_against(corpus, ["ferry-articel=/nonexistent.txt"])
    with pytest.raises(UsageError, match="DOC=FILE"):
        resolve_against(corpus, [str(FULL / "claimcheck.yaml")])


def test_record_anchors_writes_them_and_keeps_the_rest(tmp_path: Path) -> None:
    """--record-anchors adds anchors to quotes found in verified texts; the file still loads to the same records plus anchors."""
    root = copy_full(tmp_path / "c")
    before = claimcheck.load(root)
    code, report = run(str(root), "--record-anchors")
    assert code == 0
    written = {w["quote"] for w in report["anchors_written"]}  # type: ignore[union-attr]  # a list of dicts
    assert written == {
        "dahl-knew/appearances/0",
        "announced/appearances/0",
        "company-said-fare-rise/evidence",
        "minutes-named-no-figure/evidence",
        "minutes-contradict-hiding/evidence",
    }
    after = claimcheck.load(root)
    assert [p.format() for p in after.problems] == []
    anchor = after.claims["dahl-knew"].appearances[0].anchor
    assert anchor is not None
    assert anchor.exact == "They knew in December and said nothing"
    assert (anchor.start, anchor.end) == before.claims["dahl-knew"].appearances[0].match
    assert after.claims["hiding"].appearances[0].anchor == before.claims["hiding"].appearances[0].anchor  # already there, kept
    text = (root / "ferry.yaml").read_text(encoding="utf-8")
    assert text.startswith((FULL / "ferry.yaml").read_text(encoding="utf-8").split("  - id: dahl-knew")[0])
    assert run(str(root), "--record-anchors")[1]["anchors_written"] == []  # nothing left to record


def test_locate_prefers_the_occurrence_in_its_old_context() -> None:
    """A passage that occurs twice is found where its prefix and suffix still stand."""
    text = "A said yes. Then B said no. Later A said yes, again."
    located = locate(text, "said yes", prefix="Later A ", suffix=", again.", start=0)
    assert (located.status, located.start) == ("moved", text.rindex("said yes"))


def test_word_diff_and_sentences() -> None:
    """The word diff marks what was removed and added; sentences end at final punctuation and line breaks."""
    assert word_diff("the fares rise by 12 percent", "the fares rise by 15 percent") == "the fares rise by [-12-] {+15+} percent"
    text = 'Title\n\nOne. "Two," she said. Three?\nFour'
    assert [text[a:b] for a, b in sentences(text)] == ["Title", "One.", '"Two," she said.', "Three?", "Four"]


def test_verify_sources_is_a_library_function() -> None:
    """The command's work is reachable from Python."""
    report = verify_sources(claimcheck.load(FULL))
    assert not report.changed
    assert report.counts()["unchanged"] == 8


def test_the_command_and_its_options_are_documented() -> None:
    """docs/interop.md names every option of verify-sources, and the command has help."""
    from support import ROOT

    command = main.commands["verify-sources"]
    assert command.help
    doc = (ROOT / "docs" / "interop.md").read_text(encoding="utf-8")
    options = [o for p in command.params for o in p.opts if o.startswith("--") and o != "--help"]
    assert options
    assert [o for o in options if f"`{o}" not in doc] == []
