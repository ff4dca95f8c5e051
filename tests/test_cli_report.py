"""How commands report problems as text: every error, and warnings of one code up to a limit, then a count."""

from __future__ import annotations

import json

import click
from click.testing import CliRunner

from claimcheck.cli import report
from claimcheck.core.problems import Problem


def _run(outcome: report.Outcome, fmt: str) -> str:
    @click.command()
    def show() -> None:
        report.emit(outcome, fmt)

    return CliRunner().invoke(show, []).stdout


def test_repeated_warnings_are_counted_past_the_limit_and_errors_are_all_shown() -> None:
    many = report.REPEATS_SHOWN + 57
    problems = [Problem(code="import-interpreted", message=f"item {i}", file="feed.json") for i in range(many)]
    problems += [Problem(code="unknown-scale", message=f"scale {i}", file="new.yaml") for i in range(report.REPEATS_SHOWN + 3)]
    lines = _run(report.Outcome(problems=problems), "text").splitlines()
    assert sum("[import-interpreted]" in line and "item " in line for line in lines) == report.REPEATS_SHOWN
    assert "item 199" in lines[report.REPEATS_SHOWN - 1]
    assert not any("item 200:" in line or line.endswith("item 200") for line in lines)
    assert sum("[unknown-scale]" in line for line in lines) == report.REPEATS_SHOWN + 3  # errors: every one
    assert lines[-1] == "... and 57 more [import-interpreted] like these, not shown (--format json lists every one)"


def test_json_lists_every_problem() -> None:
    problems = [Problem(code="import-interpreted", message=f"item {i}") for i in range(report.REPEATS_SHOWN + 5)]
    doc = json.loads(_run(report.Outcome(problems=problems), "json"))
    assert [p["message"] for p in doc["problems"]] == [f"item {i}" for i in range(report.REPEATS_SHOWN + 5)]


def test_below_the_limit_nothing_is_counted() -> None:
    problems = [Problem(code="import-interpreted", message=f"item {i}") for i in range(3)]
    out = _run(report.Outcome(problems=problems), "text")
    assert out.count("[import-interpreted]") == 3
    assert "more [" not in out
