"""The click group and its commands."""

from __future__ import annotations

import sys
from pathlib import Path

import click

import claimcheck
from claimcheck.cli import report
from claimcheck.cli.options import PATH, fail_on_option, format_option, fulltext_option, load
from claimcheck.errors import ClaimcheckError


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
    from claimcheck.balance import analyse
    from claimcheck.brief import dispute_figures

    corpus = load(path, fulltext)
    result = analyse(corpus, include_drafts=include_drafts)
    problems = [*corpus.problems, *result.findings]
    disputes = dispute_figures(corpus, result)
    if fmt == "text":
        for fig in disputes:
            click.echo(fig.describe())
    report.emit(
        problems, fmt, extra={"statuses": {k: str(v) for k, v in result.statuses.items()}, "disputes": [d.to_dict() for d in disputes]}
    )
    sys.exit(report.exit_code(problems, fail_on))


@main.command()
@click.argument("path", type=PATH, default=Path("claims"))
@click.option(
    "--format", "fmt", type=click.Choice(["md", "html", "txt"]), default=None, help="Output format (default: from the -o suffix, else md)."
)
@click.option("-o", "--output", type=PATH, default=None, help="File to write (default reports/brief.<format>); '-' for standard output.")
@click.option("--topic", multiple=True, help="Only claims with this topic (repeatable: any of them).")
@click.option("--subject", multiple=True, help="Only claims about this source id (repeatable).")
@click.option("--speaker", multiple=True, help="Only claims made by this source id (repeatable).")
@click.option("--tag", multiple=True, help="Only claims with this tag (repeatable).")
@click.option("--since", default=None, help="Only claims that may date from this date on (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", default=None, help="Only claims that may date up to this date.")
@click.option("--include-drafts", is_flag=True, help="Include draft and in-review claims (the brief says so).")
@click.option(
    "--templates",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="A folder of templates overriding the built-in ones file by file.",
)
@fulltext_option
def brief(
    path: Path,
    fmt: str | None,
    output: Path | None,
    topic: tuple[str, ...],
    subject: tuple[str, ...],
    speaker: tuple[str, ...],
    tag: tuple[str, ...],
    since: str | None,
    until: str | None,
    include_drafts: bool,
    templates: Path | None,
    fulltext: tuple[Path, ...],
) -> None:
    """Write the source-attributed brief of the corpus at PATH: disputed points with both sides,
    other statements, background, the balance check and the documents cited.

    Exits 1 (writing nothing) if the corpus has errors; fix them with `claimcheck validate`.
    """
    from claimcheck.brief import Selection, build_context, render, write_brief

    corpus = load(path, fulltext)
    errors = [p for p in corpus.problems if p.severity >= report.Severity.ERROR]
    if errors:
        report.emit(errors, "text", title="brief not written: ")
        sys.exit(1)
    selection = Selection(topics=topic, subjects=subject, speakers=speaker, tags=tag, since=since, until=until)
    if output is not None and str(output) == "-":
        click.echo(render(build_context(corpus, selection, include_drafts=include_drafts), fmt or "md", templates=templates), nl=False)
        return
    out = output or Path("reports") / f"brief.{fmt or 'md'}"
    written = write_brief(corpus, out, fmt, selection=selection, include_drafts=include_drafts, templates=templates)
    click.echo(f"wrote {written}", err=True)


# Commands defined in their own modules register themselves below, one line each.
from claimcheck.cli.interop import export_command, import_command  # noqa: E402 - registered after main is defined

main.add_command(export_command)
main.add_command(import_command)
from claimcheck.cli.site import build_command  # noqa: E402

main.add_command(build_command)
from claimcheck.cli.editor import add, diff, fmt, new, review, serve  # noqa: E402 - registered after main is defined

main.add_command(new)
main.add_command(add)
main.add_command(fmt)
main.add_command(serve)
main.add_command(review)
main.add_command(diff)
