"""The click group and its commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click

import claimcheck
from claimcheck.cli import report
from claimcheck.errors import ClaimcheckError

PATH = click.Path(path_type=Path)
format_option = click.option(
    "--format", "fmt", type=click.Choice(report.FORMATS), default="text", show_default=True, help="Output for people (text) or machines (json)."
)
fail_on_option = click.option(
    "--fail-on", type=click.Choice(["info", "warning", "error"]), default="error", show_default=True,
    help="Exit 1 when a problem of this severity or worse is found.",
)
fulltext_option = click.option(
    "--fulltext", "fulltext", type=PATH, multiple=True, help="A folder to search for documents' private full texts (repeatable)."
)


class Group(click.Group):
    """Catches claimcheck's own errors once: message on stderr, exit 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except ClaimcheckError as exc:
            click.echo(f"claimcheck: error: {exc}", err=True)
            ctx.exit(2)
        except OSError as exc:
            click.echo(f"claimcheck: I/O error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(claimcheck.__version__, prog_name="claimcheck")
def main() -> None:
    """Record sourced claims and their evidence, check a story for balance, and publish
    source-attributed briefs, a static report site and research exports."""


def load(path: Path, fulltext: tuple[Path, ...]) -> claimcheck.Corpus:
    """Load the corpus for a command."""
    return claimcheck.load(path, fulltext_paths=list(fulltext))


@main.command()
@click.argument("path", type=PATH, default=Path("claims"))
@format_option
@fail_on_option
@fulltext_option
def validate(path: Path, fmt: str, fail_on: str, fulltext: tuple[Path, ...]) -> None:
    """Validate the corpus at PATH (default: claims/): shape, references, chains, dates, quotes.

    Prints every problem as file:line:col pointer: severity: message [code].
    """
    corpus = load(path, fulltext)
    report.emit(corpus.problems, fmt, extra={"files": len(corpus.files), "records": sum(1 for _ in corpus.records())})
    sys.exit(report.exit_code(corpus.problems, fail_on))


@main.command()
@click.argument("path", type=PATH, default=Path("claims"))
@format_option
@fail_on_option
@fulltext_option
@click.option("--include-drafts", is_flag=True, help="Include draft and in-review claims and relations.")
def check(path: Path, fmt: str, fail_on: str, fulltext: tuple[Path, ...], include_drafts: bool) -> None:
    """Check the corpus at PATH for balance: unanswered accusations, claims resting only on
    interested parties, on a single, second-hand or unnamed source, and verdicts at odds with
    the evidence. Validation problems are reported too.
    """
    from claimcheck.balance import analyse, figures

    corpus = load(path, fulltext)
    result = analyse(corpus, include_drafts=include_drafts)
    problems = [*corpus.problems, *result.findings]
    disputes = figures(corpus, result)
    if fmt == "text":
        for fig in disputes:
            click.echo(fig.describe())
    report.emit(problems, fmt, extra={"statuses": {k: str(v) for k, v in result.statuses.items()}, "disputes": [d.to_dict() for d in disputes]})
    sys.exit(report.exit_code(problems, fail_on))


# Commands defined in their own modules register themselves below, one line each.
