"""The editor's commands: ``new``, ``add``, ``fmt``, ``serve``, ``review`` and ``diff``, each a thin
layer over :mod:`claimcheck.editor` (see ``docs/editing.md``)."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from claimcheck import editor
from claimcheck.cli import report
from claimcheck.cli.options import PATH, format_option, fulltext_option, load, path_argument
from claimcheck.core.errors import UsageError
from claimcheck.editor.prompts import APPEARANCE_DOCUMENT, EVIDENCE_DOCUMENT, Asker
from claimcheck.load.loader import CONFIG_NAME
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import noun

F = TypeVar("F", bound=Callable[..., Any])


# ---- new ------------------------------------------------------------------------------------------
@click.command("new")
@click.argument("directory", type=PATH)
@click.option("--title", default=None, help="The corpus title (default: from the folder's name).")
@click.option("--no-example", is_flag=True, help="Write only claimcheck.yaml, without the example story.")
@click.option(
    "--texts", type=PATH, default=None, help="The folder where the documents' private full texts are kept (recorded in fulltext_paths)."
)
@format_option
def new(directory: Path, title: str | None, no_example: bool, texts: Path | None, fmt: str) -> None:
    """Start a corpus in DIRECTORY (new or empty): claimcheck.yaml with a rating scale, and a
    commented example story (sources, a document, an allegation, a denial and the relation between
    them) that validates as it is."""
    created = editor.new_corpus(directory, title=title, example=not no_example, texts=texts)
    report.emit(
        report.Outcome(
            data={"created": [str(p) for p in created]},
            lines=[f"created {report.path(p)}" for p in created],
            notes=[
                f"next: claimcheck add claim {report.path(directory)}   (asks for each field), then claimcheck validate {report.path(directory)}"
            ],
            summarise=False,
        ),
        fmt,
    )


# ---- add ------------------------------------------------------------------------------------------
def _add_options(func: F) -> F:
    for decorator in reversed(
        [
            path_argument,
            click.option("--file", "file", type=PATH, default=None, help="The story file to add to (default: the corpus's only one)."),
            click.option("--id", "record_id", default=None, help="The new record's id (default: suggested from its name or text)."),
            click.option("--no-input", is_flag=True, help="Never prompt: fail when a required value is missing or wrong."),
            click.option("--dry-run", is_flag=True, help="Check everything and show the record, but write nothing."),
            fulltext_option,
            format_option,
        ]
    ):
        func = decorator(func)
    return func


def _load(path: Path, fulltext: tuple[Path, ...]) -> Corpus:
    root, _file = editor.add.corpus_root(path)
    return load(root, fulltext)


class _AddGroup(click.Group):
    """Reports a record's problems (found while asking or before writing) and exits 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except editor.RecordError as exc:
            click.echo(f"claimcheck: error: {report.safe(exc)}", err=True)
            ctx.exit(1)


def _write(
    corpus: Corpus,
    path: Path,
    section: str,
    values: dict[str, Any],
    file: Path | None,
    opts: dict[str, Any],
    notes: list[str] | None = None,
) -> None:
    _root, given_file = editor.add.corpus_root(path)
    record = editor.build_record(section, values)
    result = editor.add_record(corpus, section, record, file=file or given_file, fulltext=opts["fulltext"], dry_run=opts["dry_run"])
    verb = "would add" if opts["dry_run"] else "added"
    data = {"added": not opts["dry_run"], "section": section, "id": record["id"], "file": str(result.file), "record": record}
    lines = [f"{verb} {noun(section)} {record['id']!r} to {report.path(result.file)}"]
    report.emit(
        report.Outcome(data=data, lines=lines, notes=[f"note: {n}" for n in [*(notes or []), *result.notes]], summarise=False), opts["fmt"]
    )


@click.group("add", cls=_AddGroup)
def add() -> None:
    """Add a source, document, claim, relation, comment request or review to a story file, asking for
    what the options do not give. Ids and references are checked against the corpus ("did you mean ...?"), quotes against the
    document's full text when it is available; the file keeps its comments and layout, and nothing is
    written unless the corpus still validates."""


@add.command("source")
@_add_options
@click.option("--name", default=None, help="The party's name.")
@click.option("--kind", default=None, help="person, organisation, government-body, company, news-outlet, research-firm or unnamed-group.")
@click.option("--short-name", default=None, help="The name inside a sentence ('the Pentagon').")
@click.option("--description", default=None, help="Who the party is.")
@click.option("--url", default=None, help="The party's web site.")
@click.option("--alias", "aliases", multiple=True, help="Another name it goes by (repeatable).")
@click.option("--affiliation", "affiliations", multiple=True, help="A source it belongs to or acts for (repeatable).")
@click.option("--note", default=None, help="A note for editors.")
def add_source(path: Path, file: Path | None, record_id: str | None, no_input: bool, **opts: Any) -> None:
    """Add a source (a party that speaks or publishes) to the corpus at PATH."""
    corpus = _load(path, opts["fulltext"])
    ask = Asker(corpus, "sources", interactive=not no_input)
    values: dict[str, Any] = {"name": ask.value("name", opts["name"]), "kind": ask.value("kind", opts["kind"])}
    for name in ("short_name", "description", "url", "note"):
        values[name] = ask.value(name, opts[name])
    values["aliases"] = ask.values("aliases", opts["aliases"])
    values["affiliations"] = ask.values("affiliations", opts["affiliations"])
    values["id"] = ask.record_id(record_id, values["name"], fallback="source")
    _write(corpus, path, "sources", values, file, opts)


@add.command("document")
@_add_options
@click.option("--title", default=None, help="The document's title.")
@click.option(
    "--kind", default=None, help="article, letter, report, statement, filing, web-page, broadcast, interview, social-media-post or other."
)
@click.option("--publisher", default=None, help="The source that published it.")
@click.option("--author", "authors", multiple=True, help="A source that wrote it (repeatable).")
@click.option("--date", default=None, help="When it was published (YYYY, YYYY-MM, YYYY-MM-DD or an interval).")
@click.option("--url", default=None, help="Where it is (http or https).")
@click.option("--archive-url", default=None, help="An archived copy.")
@click.option("--retrieved", default=None, help="When it was retrieved.")
@click.option("--language", default=None, help="Its language (en, fr, ...).")
@click.option("--unseen", is_flag=True, help="Known only from another document's report of it.")
@click.option(
    "--text",
    "text_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Its private full text (a UTF-8 file in a full-text folder): its sha256 is recorded and every quote from it is checked.",
)
@click.option("--note", default=None, help="A note, e.g. how the date was inferred.")
def add_document(path: Path, file: Path | None, record_id: str | None, no_input: bool, **opts: Any) -> None:
    """Add a document (where words appear) to the corpus at PATH."""
    corpus = _load(path, opts["fulltext"])
    ask = Asker(corpus, "documents", interactive=not no_input)
    values: dict[str, Any] = {"title": ask.value("title", opts["title"]), "kind": ask.value("kind", opts["kind"])}
    values["publisher"] = ask.value("publisher", opts["publisher"], offer=True)
    values["date"] = ask.value("date", opts["date"], offer=True)
    for name in ("url", "archive_url", "retrieved", "language", "note"):
        values[name] = ask.value(name, opts[name])
    values["authors"] = ask.values("authors", opts["authors"])
    values["seen"] = False if opts["unseen"] else None
    notes: list[str] = []
    if opts["text_file"] is not None:
        values["fulltext"], notes = editor.add.fulltext_record(corpus, opts["text_file"], opts["fulltext"])
    values["id"] = ask.record_id(record_id, values["title"], words=6, fallback="document")
    _write(corpus, path, "documents", values, file, opts, notes)


def _chain(specs: tuple[str, ...]) -> list[dict[str, str]]:
    hops = []
    for spec in specs:
        parts = spec.split(":")
        if len(parts) not in (2, 3) or not all(parts):
            raise UsageError(f"--chain {spec!r}: expected SOURCE:MODE or SOURCE:MODE:DOCUMENT")
        hops.append(dict(zip(("source", "mode", "document"), parts, strict=False)))
    return hops


@add.command("claim")
@_add_options
@click.option("--text", default=None, help="The claim, one proposition, neutrally worded.")
@click.option("--speaker", default=None, help="The source that made it.")
@click.option("--kind", default=None, help="allegation, assertion, denial, action, assessment, prediction or background.")
@click.option("--document", default=None, help="The document it appears in.")
@click.option("--quote", default=None, help="The words as printed in the document.")
@click.option("--locator", default=None, help="Where in the document (paragraph 3, p. 4).")
@click.option("--chain", "chain", multiple=True, help="An attribution hop SOURCE:MODE[:DOCUMENT], speaker first (repeatable).")
@click.option("--date", default=None, help="When it was made (YYYY, YYYY-MM, YYYY-MM-DD or an interval).")
@click.option("--date-note", default=None, help="How the date was worked out.")
@click.option("--topic", "topics", multiple=True, help="A topic (repeatable).")
@click.option("--subject", "subjects", multiple=True, help="A source the claim is about (repeatable).")
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--parent", default=None, help="The claim this one is a sub-claim of.")
@click.option("--status", default=None, help="draft, in-review or published (the default).")
@click.option("--context", "context", multiple=True, help="A context note (repeatable).")
@click.option("--note", default=None, help="A note for editors.")
def add_claim(path: Path, file: Path | None, record_id: str | None, no_input: bool, **opts: Any) -> None:
    """Add a claim (what was said, by whom, where) to the corpus at PATH."""
    corpus = _load(path, opts["fulltext"])
    ask = Asker(corpus, "claims", interactive=not no_input)
    values: dict[str, Any] = {
        "text": ask.value("text", opts["text"]),
        "speaker": ask.value("speaker", opts["speaker"]),
        "kind": ask.value("kind", opts["kind"]),
    }
    document = ask.value("document", opts["document"], field=APPEARANCE_DOCUMENT)
    assert document is not None
    appearance: dict[str, Any] = {"document": document, "quote": ask.quote(document, opts["quote"])}
    if opts["chain"]:
        appearance["chain"] = _chain(opts["chain"])
    if opts["locator"]:
        appearance["locator"] = opts["locator"]
    values["date"] = ask.value("date", opts["date"], offer=True)
    values["subjects"] = ask.values("subjects", opts["subjects"], offer=True)
    for name in ("date_note", "parent", "status", "note"):
        values[name] = ask.value(name, opts[name])
    values["topics"] = ask.values("topics", opts["topics"])
    values["tags"] = ask.values("tags", opts["tags"])
    values["context"] = list(opts["context"])
    values["appearances"] = [{k: appearance[k] for k in ("document", "quote", "chain", "locator") if k in appearance}]
    values["id"] = ask.record_id(record_id, values["text"], words=6, fallback="claim")
    _write(corpus, path, "claims", values, file, opts)


@add.command("relation")
@_add_options
@click.option("--type", "rel_type", default=None, help="supports, contradicts, qualifies, context, responds-to or denies.")
@click.option("--target", default=None, help="The claim it bears on.")
@click.option("--by", default=None, help="The claim that bears on the target.")
@click.option("--evidence-document", default=None, help="Instead of --by: the document of a quoted passage.")
@click.option("--evidence-quote", default=None, help="The passage, verbatim.")
@click.option("--evidence-locator", default=None, help="Where the passage is.")
@click.option("--note", default=None, help="Why the relation holds.")
@click.option("--status", default=None, help="draft, in-review or published (the default).")
def add_relation(path: Path, file: Path | None, record_id: str | None, no_input: bool, rel_type: str | None, **opts: Any) -> None:
    """Add a relation (what bears on a claim: another claim, or a quoted passage) to the corpus at PATH."""
    corpus = _load(path, opts["fulltext"])
    ask = Asker(corpus, "relations", interactive=not no_input)
    values: dict[str, Any] = {"type": ask.value("type", rel_type), "target": ask.value("target", opts["target"])}
    needs_by = values["type"] in {"responds-to", "denies"}
    if opts["by"] is not None or opts["evidence_document"] is None:
        if opts["by"] is None and not ask.interactive:
            raise UsageError("--by (a claim) or --evidence-document and --evidence-quote (a quoted passage) is required")
        label = "Claim bearing on it (id)" + ("" if needs_by else "; Enter to cite a passage of a document instead")
        by_field = editor.records.Field(name="by", label=label, required=needs_by, ref="claims")
        values["by"] = ask.value("by", opts["by"], field=by_field, always=True)
    if values.get("by") is None:
        document = ask.value("document", opts["evidence_document"], field=EVIDENCE_DOCUMENT)
        assert document is not None
        evidence: dict[str, Any] = {"document": document, "quote": ask.quote(document, opts["evidence_quote"], field="evidence-quote")}
        if opts["evidence_locator"]:
            evidence["locator"] = opts["evidence_locator"]
        values["evidence"] = evidence
    values["note"] = ask.value("note", opts["note"], offer=True)
    values["status"] = ask.value("status", opts["status"])
    basis = f"{values.get('by') or values['evidence']['document']} {values['type']} {values['target']}"
    values["id"] = ask.record_id(record_id, basis, fallback="relation")
    _write(corpus, path, "relations", values, file, opts)


@add.command("comment")
@_add_options
@click.option("--subject", default=None, help="The source whose reply was sought.")
@click.option("--outcome", default=None, help="asked, answered, declined, not-reached, no-response or not-asked.")
@click.option("--asked-via", default=None, help="Who was asked on the subject's behalf (a spokesperson, a lawyer).")
@click.option("--claim", "claims", multiple=True, help="A claim put to the subject (repeatable; none: every allegation about it).")
@click.option("--asked", default=None, help="When the request was made (YYYY-MM-DD).")
@click.option("--date", default=None, help="When the subject answered or declined, or the attempt ended.")
@click.option("--reply", "replies", multiple=True, help="A claim the subject made in reply (repeatable; for answered).")
@click.option("--reason", default=None, help="Why the subject was not asked (required for not-asked).")
@click.option("--document", default=None, help="The document that records the request.")
@click.option("--note", default=None, help="A note for editors.")
def add_comment(path: Path, file: Path | None, record_id: str | None, no_input: bool, **opts: Any) -> None:
    """Add a comment request (a subject's right of reply: who was asked, when, and what came of it)
    to the corpus at PATH."""
    corpus = _load(path, opts["fulltext"])
    ask = Asker(corpus, "comments", interactive=not no_input)
    values: dict[str, Any] = {"subject": ask.value("subject", opts["subject"]), "outcome": ask.value("outcome", opts["outcome"])}
    values["asked_via"] = ask.value("asked_via", opts["asked_via"], offer=True)
    values["asked"] = ask.value("asked", opts["asked"], offer=True)
    values["date"] = ask.value("date", opts["date"], offer=values["outcome"] != "asked")
    values["claims"] = ask.values("claims", opts["claims"])
    values["replies"] = ask.values("replies", opts["replies"], offer=values["outcome"] == "answered")
    values["reason"] = ask.value("reason", opts["reason"], offer=values["outcome"] == "not-asked")
    for name in ("document", "note"):
        values[name] = ask.value(name, opts[name])
    values["id"] = ask.record_id(record_id, f"{values['subject']} {values['outcome']}", fallback="comment")
    _write(corpus, path, "comments", values, file, opts)


@add.command("review")
@_add_options
@click.option("--claim", default=None, help="The claim reviewed.")
@click.option("--verdict", default=None, help="A value of the rating scale (see claimcheck.yaml).")
@click.option("--rationale", default=None, help="Why: the evidence the verdict rests on.")
@click.option("--reviewer", default=None, help="Who reviewed it (a desk or a name).")
@click.option("--date", default=None, help="When (YYYY-MM-DD).")
@click.option("--scale", default=None, help="The rating scale (default: the config's default_scale).")
@click.option("--url", default=None, help="Where the review is published.")
@click.option("--status", default=None, help="draft, in-review or published (the default).")
def add_review(path: Path, file: Path | None, record_id: str | None, no_input: bool, **opts: Any) -> None:
    """Add a review (an editor's verdict on a claim, on a rating scale of claimcheck.yaml) to the corpus at PATH."""
    corpus = _load(path, opts["fulltext"])
    ask = Asker(corpus, "reviews", interactive=not no_input)
    values: dict[str, Any] = {"claim": ask.value("claim", opts["claim"])}
    scale = corpus.config.scale(opts["scale"])
    verdict_field = editor.records.Field(
        name="verdict", label="Verdict", required=True, choices=tuple(v.id for v in scale.values) if scale is not None else ()
    )
    values["verdict"] = ask.value("verdict", opts["verdict"], field=verdict_field)
    for name in ("rationale", "reviewer", "date"):
        values[name] = ask.value(name, opts[name])
    for name in ("scale", "url", "status"):
        values[name] = ask.value(name, opts[name])
    values["id"] = ask.record_id(record_id, f"review {values['claim']}", fallback="review")
    _write(corpus, path, "reviews", values, file, opts)


# ---- draft ----------------------------------------------------------------------------------------
def _corpus_of(output: Path) -> Path:
    """The corpus folder holding ``output``: the nearest folder above it with a claimcheck.yaml."""
    for folder in [output.resolve().parent, *output.resolve().parent.parents]:
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise UsageError(f"-o {output}: no {CONFIG_NAME} in any folder above it: start a corpus with claimcheck new DIR")


@click.command("draft")
@click.argument("article", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=PATH, required=True, help="The new story file to write, inside a corpus (claims/NEW.yaml).")
@click.option("--title", default=None, help="The article's title (default: its headline).")
@click.option("--publisher", default=None, help="Who published it: a source id of the corpus, or a name.")
@click.option("--date", default=None, help="When it was published (YYYY-MM-DD, or YYYY-MM when only the month is known).")
@click.option("--url", default=None, help="Where it was published (http or https).")
@click.option("--language", default=None, help="The article's language (en, fr...).")
@click.option("--html", "as_html", is_flag=True, help="Read ARTICLE as a web page whatever its suffix (.html and .htm are by default).")
@click.option(
    "--texts", type=PATH, default=None, help="The full-text folder to keep the article's text in (default: a fulltext_paths folder)."
)
@click.option("--text-name", default=None, help="The file name of the article's full text (default: the article's own, or from it).")
@click.option("--dry-run", is_flag=True, help="Draft and check everything, print the story file, write nothing.")
@fulltext_option
@format_option
def draft(
    article: Path,
    output: Path,
    title: str | None,
    publisher: str | None,
    date: str | None,
    url: str | None,
    language: str | None,
    as_html: bool,
    texts: Path | None,
    text_name: str | None,
    dry_run: bool,
    fulltext: tuple[Path, ...],
    fmt: str,
) -> None:
    """Draft a story file from ARTICLE (a .txt or .html file): one draft claim per claim-bearing
    sentence or clause, with its speaker, quote, attribution chain, document and date; the sources,
    documents, denials and comment requests the text makes explicit. Every guess is commented, claims
    and relations are status: draft, and nothing is written unless the corpus still validates. The
    article's text is kept in a full-text folder, never in the corpus."""
    corpus = load(_corpus_of(output), fulltext)
    made = editor.draft.draft_article(
        article,
        corpus=corpus,
        title=title,
        publisher=publisher,
        date=date,
        url=url,
        text_name=text_name,
        input_format="html" if as_html else None,
        language=language,
    )
    result = editor.draft.write_draft(made, output, corpus, texts=texts, fulltext=fulltext, dry_run=dry_run)
    verb = "would write" if dry_run else "wrote"
    data = {
        "written": not dry_run,
        "file": str(result.file),
        "fulltext": str(result.fulltext_file),
        "fulltext_written": result.fulltext_written,
        "counts": made.counts(),
        "sentences": made.sentences,
        "covered": made.covered,
        "reused": list(made.reused),
        "not_drafted": [{"locator": loc, "sentence": text, "why": why} for loc, text, why in made.skipped],
    }
    lines = [made.text] if dry_run else []
    lines += [f"{verb} {result.file}" + (f" and the article's text {result.fulltext_file}" if result.fulltext_written else "")]
    lines += [f"  not drafted ({why}): {loc}: {text}" for loc, text, why in made.skipped]
    notes = [f"note: {n}" for n in result.notes] + [made.summary(), f"next: claimcheck review {result.file.parent}"]
    report.emit(report.Outcome(data=data, lines=lines, notes=notes, summarise=False), fmt)


# ---- fmt ------------------------------------------------------------------------------------------
@click.command("fmt")
@path_argument
@click.option("--check", is_flag=True, help="Write nothing; exit 1 listing the files that would change (for CI).")
@format_option
def fmt_command(path: Path, check: bool, fmt: str) -> None:
    """Put the YAML files of the corpus at PATH (default: claims/) in the canonical layout: sections
    and record keys in schema order, two-space indentation, comments kept. Only files that change are
    written; a file that cannot be parsed is reported and left alone."""
    result = editor.format_paths(path, check=check)
    verb = "would be reformatted" if check else "reformatted"
    data = {"changed": [str(f) for f in result.changed], "unchanged": [str(f) for f in result.unchanged], "check": check}
    lines = [f"{'would reformat' if check else 'reformatted'} {report.path(file)}" for file in result.changed]
    notes = [f"{len(result.changed)} file(s) {verb}, {len(result.unchanged)} unchanged, {len(result.problems)} could not be formatted"]
    report.emit(report.Outcome(problems=result.problems, data=data, lines=lines, notes=notes, summarise=False), fmt)
    sys.exit(1 if result.problems or (check and result.changed) else 0)


# ---- serve ----------------------------------------------------------------------------------------
@click.command("serve")
@path_argument
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="The port on 127.0.0.1 (0: any free port).")
@click.option("-o", "--output", type=PATH, default=None, help="Build into this folder (default: a temporary one, removed on exit).")
@click.option(
    "--templates",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Templates overriding the built-in ones (watched too).",
)
@click.option("--include-drafts", is_flag=True, help="Include draft and in-review claims, relations and reviews.")
@click.option("--verbose", is_flag=True, help="Print every request.")
@fulltext_option
@format_option
def serve(
    path: Path,
    port: int,
    output: Path | None,
    templates: Path | None,
    include_drafts: bool,
    verbose: bool,
    fulltext: tuple[Path, ...],
    fmt: str,
) -> None:
    """Serve the site of the corpus at PATH on http://127.0.0.1:PORT/, rebuilt whenever a corpus file
    (or template) changes; open pages reload themselves. Problems are shown at the top of each page
    and printed here. Stop with Ctrl-C. With --format json, each event is one JSON line on standard output."""
    from claimcheck.editor.serve import DevServer

    def log(message: str) -> None:
        report.event(fmt, "log", message=message)

    with DevServer(
        path,
        port=port,
        out_dir=output,
        templates=templates,
        include_drafts=include_drafts,
        fulltext=fulltext,
        log=log,
        log_requests=verbose,
    ) as server:
        report.event(fmt, "serving", text=f"serving {report.path(path)} at {server.url} (Ctrl-C to stop)", url=server.url, path=str(path))
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            report.event(fmt, "stopped", text="stopped")


# ---- review ---------------------------------------------------------------------------------------
@click.command("review")
@path_argument
@format_option
@click.option(
    "--status", "wanted", multiple=True, type=click.Choice(["draft", "in-review"]), help="Only this status (repeatable; default both)."
)
def review(path: Path, fmt: str, wanted: tuple[str, ...]) -> None:
    """List the claims, relations and reviews of the corpus at PATH that are not yet published
    (draft or in-review), with the file and line of each."""
    corpus = load(path)
    pending = editor.unpublished(corpus, statuses=frozenset(wanted or ("draft", "in-review")))
    note = f"{len(pending)} record(s) not yet published" if pending else "everything is published"
    data = {"unpublished": [p.to_dict() for p in pending]}
    report.emit(report.Outcome(data=data, lines=[item.format() for item in pending], notes=[note], summarise=False), fmt)


# ---- diff -----------------------------------------------------------------------------------------
@click.command("diff")
@click.argument("old")
@click.argument("new")
@click.argument("path", type=PATH, required=False)
@click.option("--git", "use_git", is_flag=True, help="OLD and NEW are git revisions of the corpus at PATH (default: claims/).")
@format_option
@click.option("--date", "today", default=None, help="The date of suggested corrections, YYYY-MM-DD (default: today).")
@click.option("--write-corrections", is_flag=True, help="Append the suggested corrections to the reviews in NEW (a folder).")
@fulltext_option
def diff(
    old: str, new: str, path: Path | None, use_git: bool, fmt: str, today: str | None, write_corrections: bool, fulltext: tuple[Path, ...]
) -> None:
    """Compare two versions of a corpus: folders OLD and NEW, or with --git two revisions of PATH.
    Shows claims added and removed, wording changes as a word diff, evidence-derived and workflow status
    changes, and verdict changes with a suggested correction note."""
    try:
        day = dt.date.fromisoformat(today) if today else None
    except ValueError:
        raise UsageError(f"--date {today!r}: expected YYYY-MM-DD") from None
    if path is not None and not use_git:
        raise UsageError("PATH is only for --git: compare two folders as `claimcheck diff OLD NEW`")
    if use_git and write_corrections:
        raise UsageError("--write-corrections needs NEW to be a folder, not a git revision")
    with tempfile.TemporaryDirectory(prefix="claimcheck-diff-") as tmp:
        if use_git:
            corpus_path = path or Path("claims")
            left_out: dict[str, list[str]] = {old: [], new: []}
            old_root = editor.export_revision(old, corpus_path, Path(tmp) / "old", skipped=left_out[old])
            new_root = editor.export_revision(new, corpus_path, Path(tmp) / "new", skipped=left_out[new])
            skipped_notes = [f"left out of {rev}: {item}" for rev, items in left_out.items() for item in items]
        else:
            old_root, new_root = Path(old), Path(new)
            skipped_notes = []
        before = load(old_root, fulltext)
        after = load(new_root, fulltext)
        result = editor.diff_corpora(before, after, today=day)
        written = editor.write_corrections(after, result) if write_corrections else []
    data = {**result.to_dict(), "written": [{"file": str(f), "review": r} for f, r in written]}
    notes = [*skipped_notes, *(f"wrote a correction to review {review_id!r} in {report.path(file)}" for file, review_id in written)]
    report.emit(report.Outcome(data=data, lines=[result.format()], notes=notes, summarise=False), fmt)
