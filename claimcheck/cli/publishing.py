"""``claimcheck brief`` and ``claimcheck build``: the source-attributed brief and the static report site."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import attrs
import click

from claimcheck.cli import report
from claimcheck.cli.options import (
    PATH,
    format_option,
    fulltext_option,
    include_drafts_option,
    load,
    path_argument,
    prepared,
    refuse_errors,
    templates_option,
)
from claimcheck.publish.notes import AUDIENCES, BRIEF_FORMATS


@click.command()
@path_argument
@click.option(
    "--to", "to", type=click.Choice(list(BRIEF_FORMATS)), default=None, help="The brief's format (default: from the -o suffix, else md)."
)
@click.option("-o", "--output", type=PATH, default=None, help="File to write (default reports/brief.<format>); '-' for standard output.")
@click.option("--topic", multiple=True, help="Only claims with this topic (repeatable: any of them).")
@click.option("--subject", multiple=True, help="Only claims about this source id (repeatable).")
@click.option("--speaker", multiple=True, help="Only claims made by this source id (repeatable).")
@click.option("--tag", multiple=True, help="Only claims with this tag (repeatable).")
@click.option("--since", default=None, help="Only claims that may date from this date on (YYYY, YYYY-MM or YYYY-MM-DD).")
@click.option("--until", default=None, help="Only claims that may date up to this date.")
@click.option(
    "--audience",
    type=click.Choice(sorted(AUDIENCES)),
    default="editor",
    show_default=True,
    help="editor: the balance findings with what to do and where; reader: each claim's sourcing in plain words, no instruction.",
)
@include_drafts_option
@templates_option
@fulltext_option
@format_option
def brief(
    path: Path,
    to: str | None,
    output: Path | None,
    topic: tuple[str, ...],
    subject: tuple[str, ...],
    speaker: tuple[str, ...],
    tag: tuple[str, ...],
    since: str | None,
    until: str | None,
    audience: str,
    include_drafts: bool,
    templates: Path | None,
    fulltext: tuple[Path, ...],
    fmt: str,
) -> None:
    """Write the source-attributed brief of the corpus at PATH: disputed points with both sides,
    other statements, background, the balance check and the documents cited.

    Exits 1 (writing nothing) if the corpus has errors; fix them with `claimcheck validate`.
    """
    from claimcheck.model.selection import Selection
    from claimcheck.render.brief import brief_format, build_context, render_brief, write_brief

    corpus = load(path, fulltext)
    refuse_errors(corpus, fmt, "brief not written")
    selection = Selection(topics=topic, subjects=subject, speakers=speaker, tags=tag, since=since, until=until)
    if output is not None and str(output) == "-":
        context = build_context(corpus, selection, include_drafts=include_drafts, audience=audience)
        report.publication(render_brief(context, to or "md", templates=templates))
        return
    chosen = to or (brief_format(output) if output is not None else "md")
    out = output or Path("reports") / f"brief.{chosen}"
    written = write_brief(corpus, out, chosen, selection=selection, include_drafts=include_drafts, templates=templates, audience=audience)
    data = {
        "written": True,
        "path": str(written),
        "format": chosen,
        "drafts_excluded": corpus.view(include_drafts=include_drafts).drafts_excluded,
    }
    report.emit(report.Outcome(data=data, notes=[f"wrote {report.path(written)}"], summarise=False), fmt)


@click.command("build")
@path_argument
@click.option(
    "-o",
    "--output",
    type=PATH,
    default=Path("reports/site"),
    show_default=True,
    help="The site folder to write (replaced as a whole when the build succeeds).",
)
@templates_option
@include_drafts_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes building the pages, forked after the analysis (default: every core, with 4 or more cores and over 500 records; else one).",
)
@click.option(
    "--base-url", default=None, help="Where the site will be published (https://...): ClaimReview urls and canonical links are absolute."
)
@click.option(
    "--audience",
    type=click.Choice(list(AUDIENCES)),
    default="reader",
    show_default=True,
    help="reader: the site to publish; editor: adds the balance findings with what to do and where.",
)
@click.option("--date", default=None, help="The publication date pages show (YYYY-MM-DD; default $SOURCE_DATE_EPOCH when set, else none).")
@click.option("--progress/--no-progress", default=None, help="Show a progress bar (default: when stderr is a terminal).")
@format_option
@fulltext_option
def build(
    path: Path,
    output: Path,
    templates: Path | None,
    include_drafts: bool,
    jobs: int | None,
    base_url: str | None,
    audience: str,
    date: str | None,
    progress: bool | None,
    fmt: str,
    fulltext: tuple[Path, ...],
) -> None:
    """Build the static report site of the corpus at PATH (default: claims/) into -o (default: reports/site/).

    Pages: an index with the contested propositions first, a page per claim, source and document, a
    timeline, a map and a search. The site works from a web server or from disk, makes no external
    request, and is replaced atomically; unchanged pages are not rewritten. Exits 1 (writing
    nothing) if the corpus has errors: fix them with `claimcheck validate`.
    """
    from claimcheck.render.site.manifest import up_to_date

    found = prepared(path, fulltext)
    refuse_errors(found.summary, fmt, "the site was not built")
    t0 = time.perf_counter()
    # nothing to do: said without loading a record or importing the renderer
    result = up_to_date(
        found.summary.source_digest,
        output,
        templates=templates,
        include_drafts=include_drafts,
        base_url=base_url,
        audience=audience,
        date=date,
    )
    if result is not None:
        result = attrs.evolve(result, elapsed=time.perf_counter() - t0)
    else:
        from claimcheck.render.site import build_site

        show = sys.stderr.isatty() if progress is None else progress
        with _ProgressBar(show) as bar:
            result = build_site(
                found.corpus(),
                output,
                templates=templates,
                include_drafts=include_drafts,
                jobs=jobs,
                progress=bar.update,
                base_url=base_url,
                audience=audience,
                date=date,
            )
    data = {
        "output": str(result.out_dir),
        "pages": result.pages,
        "written": list(result.written),
        "unchanged": len(result.unchanged),
        "removed": list(result.removed),
        "rendered": result.rendered,
        "drafts_excluded": result.drafts_excluded,
        "elapsed": round(result.elapsed, 3),
    }
    lines = [result.describe()]
    if result.drafts_excluded:
        lines.append(f"{result.drafts_excluded} draft claim(s) left out (--include-drafts to show them)")
    report.emit(report.Outcome(data=data, lines=lines, summarise=False), fmt)


class _ProgressBar:
    """click's progress bar on standard error, fed by the build's progress callback."""

    def __init__(self, show: bool) -> None:
        self.show = show
        self.bar: object | None = None
        self.done = 0

    def __enter__(self) -> _ProgressBar:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)  # type: ignore[attr-defined]  # click types its bar privately

    def update(self, done: int, total: int) -> None:
        if not self.show:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="Building pages", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)  # type: ignore[attr-defined]  # click types its bar privately
        self.done = done
