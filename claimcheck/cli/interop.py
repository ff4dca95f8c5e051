"""``claimcheck export`` and ``claimcheck import``: thin layers over :mod:`claimcheck.interop`, their
format choices taken from its registry (built-in formats and plugins')."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path

import click

from claimcheck.cli import report
from claimcheck.cli.options import PATH, format_option, fulltext_option, load, path_argument, refuse_errors
from claimcheck.core.dates import DateError, PartialDate
from claimcheck.core.errors import UsageError
from claimcheck.interop import Exporter, Importer, export, exporters, import_into, importers


def _listing(registry: Mapping[str, Exporter] | Mapping[str, Importer]) -> str:
    """The formats of a registry, one a line (click keeps the lines of a paragraph opened by \\b)."""
    width = max(map(len, registry), default=0)
    return "\n".join(f"  {name.ljust(width)}  {item.description}" for name, item in registry.items())


EXPORTERS = exporters()
IMPORTERS = importers()


@click.command(
    "export",
    help=f"""Export the corpus at PATH (default: claims/) in the format --to names.

\b
Formats:
{_listing(EXPORTERS)}

Exits 1, writing nothing, if the corpus has errors; records left out of an export are reported as warnings.""",
)
@path_argument
@click.option("-t", "--to", "to", type=click.Choice(list(EXPORTERS)), required=True, help="The export format.")
@click.option("-o", "--output", type=PATH, required=True, help="The file to write (a folder for csv); replaced atomically.")
@click.option("--base-url", default=None, help="ClaimReview/AVeriTeC: where the site is published, for the URL of each claim's page.")
@click.option("--include-drafts", is_flag=True, help="ClaimReview/FEVER/AVeriTeC: include draft and in-review claims and reviews.")
@format_option
@fulltext_option
def export_command(
    path: Path, to: str, output: Path, base_url: str | None, include_drafts: bool, fmt: str, fulltext: tuple[Path, ...]
) -> None:
    corpus = load(path, fulltext)
    refuse_errors(corpus, fmt, "not exported")
    result = export(corpus, to, output, base_url=base_url, include_drafts=include_drafts)
    data = {"path": str(result.path), "format": to, "count": result.count}
    notes = [f"wrote {result.count} {result.unit} to {report.path(result.path)} ({to})"]
    report.emit(report.Outcome(problems=result.problems, data=data, notes=notes), fmt)
    sys.exit(report.exit_code(result.problems, "error"))


@click.command(
    "import",
    help=f"""Import FILES as a new corpus file, in the format --from names.

\b
Formats:
{_listing(IMPORTERS)}

Every value that had to be interpreted is reported as a warning. Exits 1, writing nothing, if the
imported records have errors.""",
)
@click.argument("files", type=click.Path(exists=True, path_type=Path), nargs=-1, required=True)
@click.option("--from", "source_format", type=click.Choice(list(IMPORTERS)), required=True, help="The format of FILES.")
@click.option("-o", "--output", type=PATH, required=True, help="The new corpus file to write (.yaml).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option(
    "--config",
    type=PATH,
    default=None,
    help="The claimcheck.yaml to add the rating scales to (default: the nearest at or above the output).",
)
@click.option("--no-config", is_flag=True, help="Change no config: print the rating scales to add by hand.")
@click.option(
    "--review-date",
    default=None,
    help="FEVER: the date of the reviews made from the labels (without it, labels go in notes). ClaimReview: the date of reviews whose markup and page give none.",
)
@click.option("--reviewer", default=None, help="FEVER: the reviewer named on those reviews (default: FEVER dataset).")
@format_option
def import_command(
    files: tuple[Path, ...],
    source_format: str,
    output: Path,
    force: bool,
    config: Path | None,
    no_config: bool,
    review_date: str | None,
    reviewer: str | None,
    fmt: str,
) -> None:
    if config is not None and no_config:
        raise UsageError("--config and --no-config cannot be used together")
    if review_date is not None:
        try:
            PartialDate.parse(review_date)
        except DateError as exc:
            raise UsageError(f"--review-date: {exc}") from None
    result = import_into(
        files, source_format, output, force=force, config=config, update_config=not no_config, review_date=review_date, reviewer=reviewer
    )
    notes: list[str] = []
    if not result.written:
        notes.append(f"nothing written to {report.path(result.path)}: the imported records have errors")
    else:
        notes.append(f"wrote {result.count} records to {report.path(result.path)}")
    if result.scales_added:
        notes.append(f"added rating scales {', '.join(result.scales_added)} to {report.path(result.config) if result.config else ''}")
    if result.scales_yaml:
        notes.append("no config was changed: add these rating scales to the corpus' claimcheck.yaml for the reviews to validate:")
        notes.append(result.scales_yaml.rstrip("\n"))
    data = {"path": str(result.path), "written": result.written, "count": result.count, "scales_added": list(result.scales_added)}
    report.emit(report.Outcome(problems=result.problems, data=data, notes=notes), fmt)
    sys.exit(1 if not result.written else report.exit_code(result.problems, "error"))
