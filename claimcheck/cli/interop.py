"""``claimcheck export`` and ``claimcheck import``: thin layers over :mod:`claimcheck.interop`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimcheck.cli import report
from claimcheck.cli.options import PATH, fulltext_option, load
from claimcheck.dates import DateError, PartialDate
from claimcheck.errors import UsageError
from claimcheck.interop import EXPORT_FORMATS, IMPORT_FORMATS, export, import_into
from claimcheck.problems import Severity

report_option = click.option(
    "--report",
    "report_fmt",
    type=click.Choice(report.FORMATS),
    default="text",
    show_default=True,
    help="Problems for people (text) or machines (json).",
)


@click.command("export")
@click.argument("path", type=PATH, default=Path("claims"))
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="The export format.")
@click.option("-o", "--output", type=PATH, required=True, help="The file to write (a folder for csv); replaced atomically.")
@click.option("--base-url", default=None, help="ClaimReview/AVeriTeC: the URL a claim id is appended to, for reviews without a url.")
@click.option("--include-drafts", is_flag=True, help="ClaimReview/FEVER/AVeriTeC: include draft and in-review claims and reviews.")
@report_option
@fulltext_option
def export_command(
    path: Path, fmt: str, output: Path, base_url: str | None, include_drafts: bool, report_fmt: str, fulltext: tuple[Path, ...]
) -> None:
    """Export the corpus at PATH (default: claims/) as json, csv (a folder of tables), sqlite (with
    full-text search), claimreview (schema.org JSON-LD), fever (JSON Lines) or averitec (JSON).

    Exits 1, writing nothing, if the corpus has errors; records left out of an export are reported
    as warnings.
    """
    corpus = load(path, fulltext)
    errors = [p for p in corpus.problems if p.severity >= Severity.ERROR]
    if errors:
        report.emit(errors, report_fmt, title="not exported: ")
        sys.exit(1)
    result = export(corpus, fmt, output, base_url=base_url, include_drafts=include_drafts)
    report.emit(result.problems, report_fmt, extra={"path": str(result.path), "format": fmt, "count": result.count})
    click.echo(
        f"wrote {result.count} {'items' if fmt in ('claimreview', 'fever', 'averitec') else 'records'} to {result.path} ({fmt})", err=True
    )
    sys.exit(report.exit_code(result.problems, "error"))


@click.command("import")
@click.argument("files", type=click.Path(exists=True, path_type=Path), nargs=-1, required=True)
@click.option("--from", "fmt", type=click.Choice(IMPORT_FORMATS), required=True, help="The format of FILES.")
@click.option("-o", "--output", type=PATH, required=True, help="The new corpus file to write (.yaml).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option(
    "--config",
    type=PATH,
    default=None,
    help="The claimcheck.yaml to add the rating scales to (default: the nearest at or above the output).",
)
@click.option("--no-config", is_flag=True, help="Change no config: print the rating scales to add by hand.")
@click.option("--review-date", default=None, help="FEVER: the date of the reviews made from the labels (without it, labels go in notes).")
@click.option("--reviewer", default=None, help="FEVER: the reviewer named on those reviews (default: FEVER dataset).")
@report_option
def import_command(
    files: tuple[Path, ...],
    fmt: str,
    output: Path,
    force: bool,
    config: Path | None,
    no_config: bool,
    review_date: str | None,
    reviewer: str | None,
    report_fmt: str,
) -> None:
    """Import FILES as a new corpus file: ClaimReview JSON-LD (.jsonld/.json, or HTML pages that
    embed it), FEVER JSON Lines, a CSV export's tables (a folder or files) or a JSON export.

    Every value that had to be interpreted is reported as a warning. Exits 1, writing nothing, if the
    imported records have errors.
    """
    if config is not None and no_config:
        raise UsageError("--config and --no-config cannot be used together")
    if review_date is not None:
        try:
            PartialDate.parse(review_date)
        except DateError as exc:
            raise UsageError(f"--review-date: {exc}") from None
    result = import_into(
        files, fmt, output, force=force, config=config, update_config=not no_config, review_date=review_date, reviewer=reviewer
    )
    report.emit(
        result.problems,
        report_fmt,
        extra={"path": str(result.path), "written": result.written, "count": result.count, "scales_added": list(result.scales_added)},
    )
    if not result.written:
        click.echo(f"nothing written to {result.path}: the imported records have errors", err=True)
        sys.exit(1)
    click.echo(f"wrote {result.count} records to {result.path}", err=True)
    if result.scales_added:
        click.echo(f"added rating scales {', '.join(result.scales_added)} to {result.config}", err=True)
    if result.scales_yaml:
        click.echo("no config was changed: add these rating scales to the corpus' claimcheck.yaml for the reviews to validate:", err=True)
        click.echo(result.scales_yaml, err=True, nl=False)
    sys.exit(report.exit_code(result.problems, "error"))
