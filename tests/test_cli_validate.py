"""`claimcheck validate` through click's CliRunner (and once through the installed console script)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from support import CLAIMS

from claimcheck.cli import main
from claimcheck.core.problems import CATALOGUE, Severity

EXAMPLES = Path(__file__).resolve().parent / "examples"
INVALID = sorted(p for p in (EXAMPLES / "invalid").iterdir() if p.is_dir())
Materialise = Callable[[Path], tuple[Path, dict[str, Any]]]


@pytest.fixture(autouse=True)
def _no_fulltext_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Full texts come only from each case's own config."""
    monkeypatch.delenv("CLAIMCHECK_FULLTEXT_PATH", raising=False)


def run(*args: str) -> Any:
    """Invoke the CLI in-process, letting unexpected exceptions through."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def where(root: Path, e: dict[str, Any]) -> str:
    """The ``file:line:col pointer:`` prefix the text reporter prints for an expected problem."""
    text = (root / e["file"]).as_posix()
    if e["line"] is not None:
        text += f":{e['line']}:{e['column']}"
    return text + (f" {e['pointer']}" if e["pointer"] else "") + ":"


def exit_code_for(expected: dict[str, Any], fail_on: Severity = Severity.ERROR) -> int:
    """1 if any expected problem is at or above ``fail_on``, else 0."""
    return 1 if any(CATALOGUE[e["code"]].severity >= fail_on for e in expected["problems"]) else 0


def test_validate_smic_claims_exits_0() -> None:
    """The project's own SMIC corpus (claims/) validates cleanly."""
    result = run("validate", str(CLAIMS))
    assert result.exit_code == 0, result.output
    assert "no problems" in result.output


def test_validate_smic_claims_json_counts_records() -> None:
    """The JSON report of claims/ has no problems and counts the files and records read."""
    result = run("validate", str(CLAIMS), "--format", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["problems"] == []
    assert report["files"] >= 1
    assert report["records"] >= 30


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_validate_invalid_case_prints_located_problems(case: Path, materialise: Materialise) -> None:
    """Each invalid example exits 1 (0 if it has only warnings and notes) and prints one `file:line:col pointer:` line per problem."""
    root, expected = materialise(case)
    result = run("validate", str(root))
    assert result.exit_code == exit_code_for(expected), result.output
    lines = [line for line in result.stdout.splitlines() if line.endswith("]")]
    assert len(lines) == len(expected["problems"]), result.stdout
    for e in expected["problems"]:
        prefix = where(root, e)
        matching = [line for line in lines if line.startswith(prefix + " ") and line.endswith(f"[{e['code']}]")]
        assert matching, f"no line starts with {prefix!r} for {e['code']}:\n{result.stdout}"
        assert f": {CATALOGUE[e['code']].severity}: " in matching[0]


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_validate_json_reports_problems_with_positions(case: Path, materialise: Materialise) -> None:
    """`--format json` prints one JSON document whose problems carry file, line, column, pointer, code and severity."""
    root, expected = materialise(case)
    result = run("validate", str(root), "--format", "json")
    assert result.exit_code == exit_code_for(expected)
    report = json.loads(result.stdout)
    got = sorted(
        (Path(p["file"]).relative_to(root).as_posix(), p["line"], p["column"], p["pointer"], p["code"], p["severity"])
        for p in report["problems"]
    )
    want = sorted(
        (e["file"], e["line"], e["column"], e["pointer"], e["code"], str(CATALOGUE[e["code"]].severity)) for e in expected["problems"]
    )
    assert got == want
    assert all(p["message"] for p in report["problems"])
    assert report["summary"] != "no problems"


def test_validate_missing_path_exits_2_with_a_clear_message(tmp_path: Path) -> None:
    """A path that does not exist is a usage error: exit 2 and a message naming the path."""
    missing = tmp_path / "no-such-corpus"
    result = run("validate", str(missing))
    assert result.exit_code == 2
    assert "no corpus at" in result.stderr
    assert str(missing) in result.stderr
    assert result.stdout == ""


def test_validate_bad_option_value_exits_2() -> None:
    """An unknown --format or --fail-on value is rejected by click with exit 2."""
    assert run("validate", str(CLAIMS), "--format", "xml").exit_code == 2
    assert run("validate", str(CLAIMS), "--fail-on", "fatal").exit_code == 2


def test_fail_on_warning_turns_a_warning_only_corpus_into_exit_1(materialise: Materialise) -> None:
    """A corpus with only warnings exits 0 by default and 1 with --fail-on warning."""
    root, expected = materialise(EXAMPLES / "invalid" / "cites-without-document")
    assert {CATALOGUE[e["code"]].severity for e in expected["problems"]} == {Severity.WARNING}
    assert run("validate", str(root)).exit_code == 0
    assert run("validate", str(root), "--fail-on", "warning").exit_code == 1
    assert run("validate", str(root), "--fail-on", "info").exit_code == 1


def test_fail_on_info_turns_a_note_into_exit_1(materialise: Materialise) -> None:
    """A corpus whose only problem is a note exits 0 with --fail-on warning and 1 with --fail-on info."""
    root, expected = materialise(EXAMPLES / "invalid" / "fulltext-missing")
    assert {CATALOGUE[e["code"]].severity for e in expected["problems"]} == {Severity.INFO}
    assert run("validate", str(root), "--fail-on", "warning").exit_code == 0
    assert run("validate", str(root), "--fail-on", "info").exit_code == 1


def test_fulltext_option_supplies_a_folder(materialise: Materialise, tmp_path: Path) -> None:
    """--fulltext adds a folder to search: a missing full text found there is checked, and its quote found."""
    root, _ = materialise(EXAMPLES / "invalid" / "fulltext-missing")
    assert "[fulltext-missing]" in run("validate", str(root)).stdout
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "not-here.txt").write_text("suspected links with the Chinese military\n", encoding="utf-8")
    result = run("validate", str(root), "--fulltext", str(texts))
    assert result.exit_code == 1  # found, but the recorded sha256 is not this text's
    assert "[fulltext-mismatch]" in result.stdout


def test_validate_accepts_a_single_file() -> None:
    """PATH may be one corpus file: it is validated with the config beside it."""
    result = run("validate", str(EXAMPLES / "valid" / "minimal" / "records.yaml"))
    assert result.exit_code == 0, result.output


def _commands() -> list[str]:
    return sorted(main.commands) if isinstance(main, click.Group) else []


@pytest.mark.parametrize("command", ["", *_commands()])
def test_help_lists_every_option(command: str) -> None:
    """`--help` of the group and of every command exits 0 and lists each of its options."""
    cmd = main if not command else main.commands[command]
    result = run(*([command] if command else []), "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output
    for param in cmd.params:
        if isinstance(param, click.Option) and not param.hidden:
            assert any(opt in result.output for opt in param.opts), f"{command or 'claimcheck'} --help does not list {param.opts}"
    if not command:
        for name in _commands():
            assert name in result.output


def test_commands_exist() -> None:
    """The group has a validate command with --format, --fail-on and --fulltext."""
    assert "validate" in _commands()
    opts = {opt for p in main.commands["validate"].params for opt in getattr(p, "opts", [])}
    assert {"--format", "--fail-on", "--fulltext"} <= opts


def _console_script() -> str:
    beside = Path(sys.executable).with_name("claimcheck")
    found = str(beside) if beside.exists() else shutil.which("claimcheck")
    assert found, "the claimcheck console script is not installed: pip install -e '.[test]'"
    return found


def test_console_script_validates(materialise: Materialise) -> None:
    """The installed `claimcheck validate` exits 1 on an invalid corpus and prints the located problem."""
    root, expected = materialise(EXAMPLES / "invalid" / "unknown-reference")
    proc = subprocess.run([_console_script(), "validate", str(root)], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 1, proc.stderr
    assert where(root, expected["problems"][0]) in proc.stdout
    assert "did you mean 'us-government'?" in proc.stdout
