"""Options and helpers shared by every command, defined once (in their own module so that command
modules need not import the group that registers them)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from claimcheck.cli import report
from claimcheck.core.problems import Severity
from claimcheck.load.loader import Prepared, prepare
from claimcheck.load.loader import load as load_corpus
from claimcheck.load.snapshot import Summary
from claimcheck.model.corpus import Corpus

__all__ = [
    "PATH",
    "fail_on_option",
    "format_option",
    "fulltext_option",
    "include_drafts_option",
    "load",
    "path_argument",
    "prepared",
    "refuse_errors",
    "templates_option",
]

F = TypeVar("F", bound=Callable[..., Any])
PATH = click.Path(path_type=Path)

#: ``--format text|json``: the same flag, the same reporter, on every command.
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(report.FORMATS),
    default="text",
    show_default=True,
    help="Output for people (text) or machines (json).",
)
fail_on_option = click.option(
    "--fail-on",
    type=click.Choice(["info", "warning", "error"]),
    default="error",
    show_default=True,
    help="Exit 1 when a problem of this severity or worse is found.",
)
fulltext_option = click.option(
    "--fulltext",
    "fulltext",
    type=PATH,
    multiple=True,
    help="A folder to search for documents' private full texts (repeatable; never published).",
)
include_drafts_option = click.option("--include-drafts", is_flag=True, help="Include draft and in-review claims, relations and reviews.")
templates_option = click.option(
    "--templates",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="A folder of templates (and static/ assets) overriding the built-in ones file by file.",
)


def path_argument(func: F) -> F:
    """The corpus folder (or one file) a command reads; ``claims/`` when not given."""
    return click.argument("path", type=PATH, default=Path("claims"))(func)


def load(path: Path, fulltext: tuple[Path, ...] = ()) -> Corpus:
    """Load the corpus for a command."""
    return load_corpus(path, fulltext_paths=list(fulltext))


def prepared(path: Path, fulltext: tuple[Path, ...] = ()) -> Prepared:
    """The corpus for a command that may have nothing to do: its summary first, its records when asked."""
    return prepare(path, fulltext_paths=list(fulltext))


def refuse_errors(corpus: Corpus | Summary, fmt: str, what: str) -> None:
    """Exit 1, reporting the corpus's errors, when it has any: ``what`` ("brief not written") says what was refused."""
    errors = [p for p in corpus.problems if p.severity >= Severity.ERROR]
    if errors:
        report.emit(report.Outcome(problems=errors, title=f"{what}: ", data={"written": False}), fmt)
        raise SystemExit(1)
