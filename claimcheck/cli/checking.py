"""``claimcheck validate`` and ``claimcheck check``: what is wrong with a corpus, and is it balanced."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimcheck.cli import report
from claimcheck.cli.options import fail_on_option, format_option, fulltext_option, include_drafts_option, path_argument, prepared
from claimcheck.load.loader import summarise


@click.command()
@path_argument
@format_option
@fail_on_option
@fulltext_option
def validate(path: Path, fmt: str, fail_on: str, fulltext: tuple[Path, ...]) -> None:
    """Validate the corpus at PATH (default: claims/): shape, references, chains, dates, quotes.

    Prints every problem as file:line:col pointer: severity: message [code].
    """
    found = summarise(path, fulltext_paths=list(fulltext))
    data = {"files": found.files, "records": found.records}
    report.emit(report.Outcome(problems=found.problems, data=data), fmt)
    sys.exit(report.exit_code(found.problems, fail_on))


@click.command()
@path_argument
@format_option
@fail_on_option
@fulltext_option
@include_drafts_option
def check(path: Path, fmt: str, fail_on: str, fulltext: tuple[Path, ...], include_drafts: bool) -> None:
    """Check the corpus at PATH for balance: unanswered accusations, claims resting only on
    interested parties, on a single, second-hand or unnamed source, and verdicts at odds with
    the evidence. Validation problems are reported too.
    """
    from claimcheck.analysis.disputes import checked

    found = prepared(path, fulltext)
    result, disputes = checked(found, include_drafts=include_drafts)
    problems = [*found.summary.problems, *result.findings]
    data = {"statuses": {k: str(v) for k, v in result.statuses.items()}, "disputes": [d.to_dict() for d in disputes]}
    report.emit(report.Outcome(problems=problems, data=data, lines=[d.describe() for d in disputes]), fmt)
    sys.exit(report.exit_code(problems, fail_on))
