"""``claimcheck verify-sources``: is every quote still in its document? A thin layer over
:func:`claimcheck.analysis.drift.verify_sources` (and, with ``--record-anchors``,
:func:`claimcheck.editor.anchors.record_anchors`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claimcheck.analysis.drift import resolve_against, verify_sources
from claimcheck.cli import report
from claimcheck.cli.options import format_option, fulltext_option, load, path_argument
from claimcheck.core.errors import UsageError
from claimcheck.editor.anchors import record_anchors


@click.command("verify-sources")
@path_argument
@click.option(
    "--against",
    multiple=True,
    metavar="DOC=FILE|FILE|DIR",
    help="A new or archived copy to check a document against: DOC=FILE, a file named as a document's full text, "
    "or a folder of such files (repeatable). Default: each document's current full-text file.",
)
@click.option(
    "--record-anchors",
    "record_anchors_",
    is_flag=True,
    help="Write each quote's anchor (its words, context and offsets in the verified full text) into its record, for later checks.",
)
@format_option
@fulltext_option
def verify_sources_command(path: Path, against: tuple[str, ...], record_anchors_: bool, fmt: str, fulltext: tuple[Path, ...]) -> None:
    """Find every quote of the corpus at PATH (default: claims/) again in its document's text as it is now,
    or in the copy --against gives, by its stored anchor: each is unchanged, moved, changed (with a word
    diff) or gone. Exits 1 if any quote moved, changed or is gone: the check for edits made after the fact.
    """
    if record_anchors_ and against:
        raise UsageError("--record-anchors records anchors in the current full texts; it cannot be combined with --against")
    corpus = load(path, fulltext)
    result = verify_sources(corpus, against=resolve_against(corpus, against), fulltext_paths=fulltext)
    data: dict[str, object] = {"counts": result.counts(), "quotes": [c.to_dict() for c in result.checks]}
    notes = [", ".join(f"{n} {status}" for status, n in result.counts().items()) + f" of {len(result.checks)} quotes"]
    if record_anchors_:
        written, skipped = record_anchors(corpus)
        data["anchors_written"] = [{"file": str(f), "quote": q} for f, q in written]
        data["anchors_skipped"] = [{"file": str(f), "quote": q, "reason": why} for f, q, why in skipped]
        notes.append(f"recorded {len(written)} anchor(s) in {len({f for f, _ in written})} file(s)")
        notes += [f"anchor of {q} not recorded: {why}" for _, q, why in skipped]
    report.emit(report.Outcome(problems=result.problems, data=data, notes=notes), fmt)
    sys.exit(1 if result.changed else 0)
