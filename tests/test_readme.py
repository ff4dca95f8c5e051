"""The README is true for a newcomer: its commands table renders whole and lists every command, its
tutorial runs as written, and its Python snippets run as written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token
from support import ROOT, copy_case

from claimcheck.cli import main

README = ROOT / "README.md"


def _tokens() -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(README.read_text(encoding="utf-8"))


def _section(title: str) -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(f"## {title}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end >= 0 else len(text)]


def _blocks(text: str, lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```$", text, flags=re.M | re.S)


def test_the_commands_table_renders_as_one_table_listing_every_command() -> None:
    """CommonMark with tables reads the commands section as a single table whose rows name every command of the CLI."""
    tokens = _tokens()
    tables = [i for i, t in enumerate(tokens) if t.type == "table_open"]
    assert len(tables) == 1, "the commands section must be one table (a blank line splits it)"
    rows = [tokens[i + 2].content for i, t in enumerate(tokens) if t.type == "tr_open" and tokens[i + 1].type == "td_open"]
    named = {m.group(1) for r in rows if (m := re.match(r"`claimcheck ([a-z-]+)", r))}
    commands = set(main.list_commands(click.Context(main)))
    assert named == commands


@pytest.mark.slow
def test_the_tutorial_runs_as_written(tmp_path: Path) -> None:
    """The five-minute tutorial, run with bash -e in an empty folder, succeeds and leaves a balanced story, a brief and a site."""
    (script,) = _blocks(_section("Five minutes: your own story"), "sh")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, capture_output=True, text=True, env=env, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "not balanced yet" in proc.stdout  # step 3 found the unanswered accusation
    assert "[unanswered-accusation]" in proc.stdout.split("not balanced yet")[0]
    after = proc.stdout.split("not balanced yet")[1]
    assert "[unanswered-accusation]" not in after  # the denial answers it
    brief = (tmp_path / "reports" / "ferry-fares.md").read_text(encoding="utf-8")
    assert "Nordvik Ferries hid its fare increase until after the council vote" in brief
    assert "Nordvik Ferries announced the increase to the council in January" in brief
    assert (tmp_path / "reports" / "site" / "index.html").is_file()
    validated = subprocess.run(["claimcheck", "validate", "my-desk"], cwd=tmp_path, env=env, capture_output=True, text=True, check=False)
    assert validated.returncode == 0
    assert "no problems" in validated.stderr


@pytest.mark.parametrize("index", range(len(_blocks(README.read_text(encoding="utf-8"), "python"))))
def test_the_python_snippets_run_as_written(index: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each Python block of the README runs on its own, as written, in a folder holding the SMIC case as claims/."""
    block = _blocks(README.read_text(encoding="utf-8"), "python")[index]
    copy_case(tmp_path)
    monkeypatch.chdir(tmp_path)
    exec(compile(block, f"README.md python block {index + 1}", "exec"), {"__name__": "__readme__"})  # noqa: S102 - the README's own code
