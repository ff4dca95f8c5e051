"""The story suite: original news stories in eight house styles, each recorded as a corpus with the
findings a standards editor expects (and only those). Every expected finding must be reported and
nothing else: a miss or a false alarm fails. The score is printed at the end of the test session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from support import ROOT

import claimcheck

STORIES = ROOT / "tests" / "stories"
CASES = sorted(p.parent.parent for p in STORIES.glob("*/claims/claimcheck.yaml"))
#: The findings the suite scores: those of the balance check.
SCORED = {e.code for e in claimcheck.CATALOGUE.values() if e.group == "Balance (claimcheck check)"}
#: (story, expected, found, missed, false alarms), filled as the tests run, printed by conftest.
SCORES: list[tuple[str, int, int, list[str], list[str]]] = []


def expected_findings(case: Path) -> set[tuple[str, str]]:
    """The (code, claim id) pairs an editor expects of a story, from its expected.yaml."""
    doc: dict[str, Any] = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))
    return {(e["code"], e["record"]) for e in doc.get("expected") or []}


def test_the_suite_has_its_stories() -> None:
    """At least five stories are recorded, each with its expectations."""
    assert len(CASES) >= 5
    assert all((c / "expected.yaml").is_file() and (c / "article.txt").is_file() for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_story_findings_are_exactly_those_an_editor_expects(case: Path) -> None:
    """The story validates (its quotes checked against its article), and the balance check reports every finding
    expected.yaml lists and no other."""
    corpus = claimcheck.load(case / "claims")
    assert corpus.ok, [p.format() for p in corpus.problems]
    assert corpus.fulltexts, "the article's full text was not found: its quotes went unchecked"
    found = {(f.code, f.record or "") for f in claimcheck.analyse(corpus).findings if f.code in SCORED}
    expected = expected_findings(case)
    missed = sorted(f"{code} {record}" for code, record in expected - found)
    false_alarms = sorted(f"{code} {record}" for code, record in found - expected)
    SCORES.append((case.name, len(expected), len(expected & found), missed, false_alarms))
    assert (missed, false_alarms) == ([], []), f"missed: {missed}; false alarms: {false_alarms}"
