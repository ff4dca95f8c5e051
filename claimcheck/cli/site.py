"""``claimcheck build``: the static report site, a thin layer over :func:`claimcheck.site.build_site`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

import claimcheck
from claimcheck.cli import report
from claimcheck.problems import Severity

PATH = click.Path(path_type=Path)


@click.command("build")
@click.argument("path", type=PATH, default=Path("claims"))
@click.option("-o", "--output", type=PATH, default=Path("reports/site"), show_default=True, help="The site folder to write (replaced as a whole when the build succeeds).")
@click.option(
    "--templates", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None,
    help="A folder of templates (and static/ assets) overriding the built-in ones file by file.",
)
@click.option("--include-drafts", is_flag=True, help="Include draft and in-review claims, relations and reviews.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Render processes (default: every core, with 4 or more cores and over 500 pages to render; else one).")
@click.option("--base-url", default=None, help="Where the site will be published (https://...), to make ClaimReview urls absolute.")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when stderr is a terminal).")
@click.option("--format", "fmt", type=click.Choice(report.FORMATS), default="text", show_default=True, help="Summary for people (text) or machines (json).")
@click.option("--fulltext", "fulltext", type=PATH, multiple=True, help="A folder to search for documents' private full texts (repeatable; never published).")
def build_command(
    path: Path, output: Path, templates: Path | None, include_drafts: bool, jobs: int | None, base_url: str | None,
    progress: bool | None, fmt: str, fulltext: tuple[Path, ...],
) -> None:
    """Build the static report site of the corpus at PATH (default: claims/) into -o (default: reports/site/).

    Pages: an index with the contested propositions first, a page per claim, source and document, a
    timeline, a map and a search. The site works from a web server or from disk, makes no external
    request, and is replaced atomically; unchanged pages are not rewritten. Exits 1 (writing
    nothing) if the corpus has errors: fix them with `claimcheck validate`.
    """
    from claimcheck.site import build_site

    corpus = claimcheck.load(path, fulltext_paths=list(fulltext))
    errors = [p for p in corpus.problems if p.severity >= Severity.ERROR]
    if errors:
        report.emit(errors, fmt, title="the site was not built: ")
        sys.exit(1)
    result = build_site(
        corpus, output, templates=templates, include_drafts=include_drafts, jobs=jobs,
        progress=sys.stderr.isatty() if progress is None else progress, base_url=base_url,
    )
    if fmt == "json":
        click.echo(json.dumps({
            "output": str(result.out_dir), "pages": result.pages, "written": list(result.written), "unchanged": len(result.unchanged),
            "removed": list(result.removed), "rendered": result.rendered, "drafts_excluded": result.drafts_excluded,
            "elapsed": round(result.elapsed, 3),
        }, indent=2))
    else:
        click.echo(result.describe())
        if result.drafts_excluded:
            click.echo(f"{result.drafts_excluded} draft claim(s) left out (--include-drafts to show them)")
