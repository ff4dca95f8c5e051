"""The editor's commands are documented: each has help, and docs/editing.md names it and its options."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from claimcheck.cli import main

DOC = (Path(__file__).resolve().parents[1] / "docs" / "editing.md").read_text(encoding="utf-8")
COMMANDS = ("new", "add", "draft", "fmt", "serve", "review", "diff")


def options(command: click.Command) -> list[str]:
    return [name for p in command.params if isinstance(p, click.Option) for name in p.opts if name.startswith("--") and name != "--help"]


@pytest.mark.parametrize("name", COMMANDS)
def test_command_is_registered_with_help(name: str) -> None:
    """`claimcheck NAME --help` works and describes the command."""
    result = CliRunner().invoke(main, [name, "--help"], catch_exceptions=False)
    assert result.exit_code == 0
    command = main.commands[name]
    assert command.help
    assert len(command.help.split()) >= 8


@pytest.mark.parametrize("name", [c for c in COMMANDS if c != "add"])
def test_docs_name_the_command_and_every_option(name: str) -> None:
    """docs/editing.md shows `claimcheck NAME` and mentions each of its options."""
    assert f"claimcheck {name}" in DOC
    missing = [opt for opt in options(main.commands[name]) if opt not in DOC]
    assert not missing


@pytest.mark.parametrize("kind", ["source", "document", "claim", "relation", "comment", "review"])
def test_add_subcommands_are_documented(kind: str) -> None:
    """Each `claimcheck add KIND` has help and appears in the docs; --no-input and --dry-run are explained."""
    add = main.commands["add"]
    assert isinstance(add, click.Group)
    assert add.commands[kind].help
    assert f"claimcheck add {kind}" in DOC
    for opt in ("--no-input", "--dry-run", "--file", "--id"):
        assert opt in options(add.commands[kind])
        assert opt in DOC
