"""Hostile files are refused with located problems; nothing crashes the interpreter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import claimcheck

CASES = {
    "deep.yaml": ("claims: " + "[" * 100_000 + "]" * 100_000 + "\n", "too-deep"),
    "deep.json": ('{"claims": ' + "[" * 100_000 + "]" * 100_000 + "}", "too-deep"),
    "deepmap.yaml": ("".join(" " * i + "a:\n" for i in range(300)) + " " * 300 + "b: 1\n", "too-deep"),
    "bomb.yaml": ('a: &a ["x", "x"]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n', "yaml-alias"),
    "tag.yaml": ("claims: !!python/object/apply:os.system ['echo pwned']\n", "parse-error"),
    "multi.yaml": ("claims: []\n---\nclaims: []\n", "parse-error"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_file_is_refused_in_a_subprocess(tmp_path: Path, name: str) -> None:
    """Each hostile file yields its problem code, in a child process so a crash would show as a failure."""
    text, code = CASES[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    script = (
        "import claimcheck, sys; c = claimcheck.load(sys.argv[1]); print('\\n'.join(f'{p.code} {p.line} {p.column}' for p in c.problems))"
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    codes = [line.split()[0] for line in done.stdout.split("\n") if line]
    assert codes == [code]
    line, column = done.stdout.split()[1:3]
    assert line != "None"
    assert column != "None"


def test_hostile_tag_never_runs(tmp_path: Path) -> None:
    """A YAML tag that would run a command constructs nothing."""
    marker = tmp_path / "pwned"
    (tmp_path / "x.yaml").write_text(f"claims: !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    corpus = claimcheck.load(tmp_path)
    assert not marker.exists()
    assert [p.code for p in corpus.problems] == ["parse-error"]


def test_invisible_characters_are_flagged_not_rewritten(tmp_path: Path) -> None:
    """Bidi overrides and zero-width characters in names and quotes are warned about and kept as written."""
    (tmp_path / "x.yaml").write_text(
        'sources: [{id: evil, name: "Ev\\u202eil", kind: person}]\n'
        "documents: [{id: d, title: t, kind: article}]\n"
        'claims: [{id: c, text: x, speaker: evil, kind: assertion, appearances: [{document: d, quote: "q\\u200b"}]}]\n',
        encoding="utf-8",
    )
    corpus = claimcheck.load(tmp_path)
    found = {(p.code, p.pointer, p.line) for p in corpus.problems}
    assert found == {("invisible-characters", "/sources/0/name", 1), ("invisible-characters", "/claims/0/appearances/0/quote", 3)}
    assert corpus.sources["evil"].name == "Ev\u202eil"
    assert "'quote' holds U+200B ZERO WIDTH SPACE" in next(p.message for p in corpus.problems if "claims" in p.pointer)
