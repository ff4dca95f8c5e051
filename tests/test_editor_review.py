"""The review workflow: claimcheck review lists what is not yet published with file:line, and the
brief leaves drafts out unless --include-drafts, saying so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import claimcheck
from claimcheck.cli import main
from claimcheck.editor import new_corpus, unpublished
from claimcheck.editor.scaffold import EXAMPLE_NAME

DRAFT_TEXT = "The council will sue Example Builders."
EXTRA = """
  - id: council-will-sue
    text: The council will sue Example Builders.
    speaker: example-council
    kind: prediction
    status: draft
    appearances:
      - document: example-gazette-bridge-article
        quote: The council will sue
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """The example story with a draft claim and an in-review relation."""
    root = tmp_path / "story"
    new_corpus(root)
    file = root / EXAMPLE_NAME
    text = file.read_text(encoding="utf-8").replace("\nrelations:\n", EXTRA + "\nrelations:\n")
    text = text.replace("    by: builder-deadline-met\n", "    by: builder-deadline-met\n    status: in-review\n")
    file.write_text(text, encoding="utf-8")
    assert claimcheck.load(root).ok
    return root


def line_of(file: Path, needle: str) -> int:
    return next(i for i, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_review_lists_unpublished_records_with_file_and_line(story: Path) -> None:
    """Each draft or in-review record is listed as file:line, status, kind, id and a summary."""
    file = (story / EXAMPLE_NAME).as_posix()
    result = run("review", str(story))
    assert result.exit_code == 0
    claim_line = line_of(story / EXAMPLE_NAME, "- id: council-will-sue")
    rel_line = line_of(story / EXAMPLE_NAME, "- id: builder-denies-missed-deadline")
    assert result.stdout.splitlines() == [
        f"{file}:{claim_line}: draft claim council-will-sue: {DRAFT_TEXT}",
        f"{file}:{rel_line}: in-review relation builder-denies-missed-deadline: builder-deadline-met denies council-builder-missed-deadline",
    ]
    assert "2 record(s) not yet published" in result.stderr


def test_review_filters_by_status_and_speaks_json(story: Path) -> None:
    """--status narrows the list; --format json gives the same entries for machines."""
    assert [p.id for p in unpublished(claimcheck.load(story), statuses=frozenset({"in-review"}))] == ["builder-denies-missed-deadline"]
    doc = json.loads(run("review", str(story), "--status", "draft", "--format", "json").stdout)
    assert [(e["id"], e["status"], e["kind"]) for e in doc["unpublished"]] == [("council-will-sue", "draft", "claim")]


def test_review_of_a_published_corpus(tmp_path: Path) -> None:
    """A corpus with everything published says so."""
    new_corpus(tmp_path / "story")
    result = run("review", str(tmp_path / "story"))
    assert result.stdout == ""
    assert "everything is published" in result.stderr


def test_brief_leaves_drafts_out_and_says_so(story: Path) -> None:
    """Without --include-drafts the draft claim is absent and the brief counts what it left out; with it, the claim is in."""
    without = run("brief", str(story), "-o", "-").stdout
    with_drafts = run("brief", str(story), "-o", "-", "--include-drafts").stdout
    assert without != with_drafts
    assert DRAFT_TEXT.rstrip(".") not in without
    assert "1 draft or in-review claim not included." in without
    assert "- (draft) The council will sue Example Builders, the council predicted. [1]" in with_drafts
    assert "This brief includes 1 draft or in-review claim, marked as such: it is not for publication." in with_drafts
    assert "not included" not in with_drafts
    assert "This brief covers 2 claims" in without
    assert "This brief covers 3 claims" in with_drafts


def test_in_review_relation_does_not_count_until_published(story: Path) -> None:
    """The denial recorded by an in-review relation is not a published answer: the brief shows no dispute until drafts are included."""
    without = run("brief", str(story), "-o", "-").stdout
    with_drafts = run("brief", str(story), "-o", "-", "--include-drafts").stdout
    assert "## Disputed points" not in without
    assert "## Disputed points" in with_drafts
