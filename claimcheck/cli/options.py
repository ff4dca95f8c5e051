"""Options and helpers shared by the commands (in their own module so that command modules need not
import the group that registers them)."""

from __future__ import annotations

from pathlib import Path

import click

import claimcheck
from claimcheck.cli import report

PATH = click.Path(path_type=Path)
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
    "--fulltext", "fulltext", type=PATH, multiple=True, help="A folder to search for documents' private full texts (repeatable)."
)


def load(path: Path, fulltext: tuple[Path, ...]) -> claimcheck.Corpus:
    """Load the corpus for a command."""
    return claimcheck.load(path, fulltext_paths=list(fulltext))
