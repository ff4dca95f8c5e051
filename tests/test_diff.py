"""claimcheck diff: claims added and removed, word diffs, status and verdict changes with correction
notes, between two folders or two git revisions; --write-corrections appends them in place."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import claimcheck
from claimcheck.cli import main
from claimcheck.editor import new_corpus, word_diff
from claimcheck.editor.scaffold import EXAMPLE_NAME

REVIEW = """
reviews:
  # The desk's verdict.
  - id: deadline-review
    claim: council-builder-missed-deadline
    verdict: mixed
    rationale: The contract allows two readings of the deadline.
    reviewer: Bridge desk
    date: "2024-04-01"
"""

CONTRADICTS = """
  - id: minutes-contradict-deadline-met
    type: contradicts
    target: council-builder-missed-deadline
    evidence: {document: example-gazette-bridge-article, quote: the deadline was moved}
"""

NEW_CLAIM = """
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


def edit(root: Path) -> None:
    """The new version: reworded text and quote, a claim added, a relation added, a new verdict, a workflow change."""
    file = root / EXAMPLE_NAME
    text = file.read_text(encoding="utf-8")
    text = text.replace("missed the contractual deadline for the bridge.", "missed the agreed deadline for the bridge.")
    text = text.replace("quote: The council said the builder had missed", "quote: The council said the builder missed")
    text = text.replace("\nrelations:\n", NEW_CLAIM + "\nrelations:\n")
    text = text.replace("\nreviews:\n", CONTRADICTS + "\nreviews:\n")
    text = text.replace("verdict: mixed", "verdict: mostly-false")
    text = text.replace("  - id: builder-deadline-met\n", "  - id: builder-deadline-met\n    status: in-review\n")
    file.write_text(text, encoding="utf-8")


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    """An old corpus (the example story with a review) and a new one edited from it."""
    old = tmp_path / "old"
    new_corpus(old)
    with (old / EXAMPLE_NAME).open("a", encoding="utf-8") as fh:
        fh.write(REVIEW)
    new = tmp_path / "new"
    shutil.copytree(old, new)
    edit(new)
    assert claimcheck.load(old).ok
    assert claimcheck.load(new).ok
    return old, new


def test_word_diff_marks_words_gone_and_added() -> None:
    """The word diff reads like git's --word-diff=plain."""
    assert word_diff("missed the contractual deadline", "missed the agreed deadline") == "missed the [-contractual-] {+agreed+} deadline"
    assert word_diff("a b", "a b c") == "a b {+c+}"


def test_diff_of_two_folders(versions: tuple[Path, Path]) -> None:
    """Text output lists the added claim, both wording changes, the status, workflow and verdict changes."""
    old, new = versions
    result = run("diff", str(old), str(new), "--date", "2024-05-02")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Added (2):\n  + claim council-will-sue: The council will sue Example Builders." in out
    assert "  + relation minutes-contradict-deadline-met: evidence contradicts council-builder-missed-deadline" in out
    assert (
        "~ claim council-builder-missed-deadline text: Example Builders missed the [-contractual-] {+agreed+} deadline for the bridge."
        in out
    )
    assert "~ claim council-builder-missed-deadline appearances/0/quote: The council said the builder [-had-] missed" in out
    assert "~ claim council-builder-missed-deadline: evidence-derived status contested -> contradicted" in out
    assert "~ claim builder-deadline-met: workflow status published -> in-review" in out
    assert "! claim council-builder-missed-deadline: verdict mixed -> mostly-false (review deadline-review)" in out
    assert "suggested correction: date 2024-05-02, note 'Verdict changed from Mixed to Mostly false'" in out


def test_diff_json_and_no_changes(versions: tuple[Path, Path]) -> None:
    """--format json gives every change and the corrections; a corpus compared with itself has none."""
    old, new = versions
    doc = json.loads(run("diff", str(old), str(new), "--format", "json", "--date", "2024-05-02").stdout)
    kinds = sorted({c["kind"] for c in doc["changes"]})
    assert kinds == ["added", "status", "verdict", "wording", "workflow"]
    assert doc["corrections"] == [
        {
            "kind": "verdict",
            "record_kind": "claim",
            "record": "council-builder-missed-deadline",
            "old": "mixed",
            "new": "mostly-false",
            "review": "deadline-review",
            "correction": {"date": "2024-05-02", "note": "Verdict changed from Mixed to Mostly false"},
        }
    ]
    assert run("diff", str(old), str(old)).stdout == "no changes\n"
    removed = run("diff", str(new), str(old)).stdout
    assert "Removed (2):\n  - claim council-will-sue" in removed


def test_write_corrections_appends_to_the_review(versions: tuple[Path, Path]) -> None:
    """--write-corrections adds the dated note to the review in NEW, keeps the file's comments, and never twice."""
    old, new = versions
    file = new / EXAMPLE_NAME
    before = file.read_text(encoding="utf-8")
    result = run("diff", str(old), str(new), "--date", "2024-05-02", "--write-corrections")
    assert result.exit_code == 0, result.output
    assert "wrote a correction to review 'deadline-review'" in result.stderr
    after = file.read_text(encoding="utf-8")
    added = '    corrections:\n      - date: "2024-05-02"\n        note: Verdict changed from Mixed to Mostly false\n'
    assert after == before + added
    review = claimcheck.load(new).reviews["deadline-review"]
    assert [(c.date.text, c.note) for c in review.corrections] == [("2024-05-02", "Verdict changed from Mixed to Mostly false")]
    run("diff", str(old), str(new), "--date", "2024-05-02", "--write-corrections")
    assert file.read_text(encoding="utf-8") == after


def test_usage_errors() -> None:
    """A bad --date, PATH without --git, and --write-corrections with revisions are usage errors (exit 2)."""
    assert run("diff", "a", "b", "--date", "May 2").exit_code == 2
    assert run("diff", "a", "b", "c").exit_code == 2
    assert run("diff", "--git", "HEAD~1", "HEAD", "--write-corrections").exit_code == 2


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_diff_of_two_git_revisions(versions: tuple[Path, Path], tmp_path: Path) -> None:
    """--git REV1 REV2 PATH exports each revision of PATH with git archive and compares them."""
    old, new = versions
    repo = tmp_path / "repo"
    shutil.copytree(old, repo / "claims")
    git(repo, "init", "-q")
    git(repo, "add", "claims")
    git(repo, "commit", "-q", "-m", "old")
    shutil.rmtree(repo / "claims")
    shutil.copytree(new, repo / "claims")
    git(repo, "add", "-A", "claims")
    git(repo, "commit", "-q", "-m", "new")
    result = run("diff", "--git", "HEAD~1", "HEAD", str(repo / "claims"), "--date", "2024-05-02")
    assert result.exit_code == 0, result.output
    assert "Verdict changed from Mixed to Mostly false" in result.stdout
    assert "+ claim council-will-sue" in result.stdout
    missing = run("diff", "--git", "HEAD~1", "no-such-revision", str(repo / "claims"))
    assert missing.exit_code == 2
    assert "git archive no-such-revision" in missing.stderr
