"""claimcheck fmt: the SMIC file's layout for every corpus file, comments kept, data unchanged, only
changed files written, and files that cannot be parsed left alone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result
from support import CLAIMS

from claimcheck.cli import main
from claimcheck.editor import EditError, format_paths, format_text
from claimcheck.load.parsing import StrictLoader

MESSY = """\
# A story written by hand.

# the claims
claims:
    # the first claim
    -   text: The council missed the deadline.   # as reported (end-of-line comments keep their column)
        id: council-missed-deadline
        # who said it
        speaker: council
        appearances:
            -   document: article
                quote: missed the deadline
        kind: allegation

    # the second claim, in flow style
    -   {text: The builder met it., id: builder-met-deadline, speaker: builder, kind: denial, appearances: [{document: article, quote: met it}]}
sources:
    -   name: Council
        id: council
        kind: government-body
        aliases: [the council]
    -   {kind: company, id: builder, name: Builder}
# trailing words
"""

EXPECTED = """\
# A story written by hand.

sources:
  - id: council
    name: Council
    kind: government-body
    aliases: [the council]
  - {id: builder, name: Builder, kind: company}
# trailing words

# the claims
claims:
  # the first claim
  - id: council-missed-deadline
    text: The council missed the deadline.       # as reported (end-of-line comments keep their column)
    # who said it
    speaker: council
    kind: allegation
    appearances:
      - document: article
        quote: missed the deadline

  # the second claim, in flow style
  - {id: builder-met-deadline, text: The builder met it., speaker: builder, kind: denial, appearances: [{document: article, quote: met it}]}
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def load(text: str) -> object:
    return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - StrictLoader is a SafeLoader


def test_smic_corpus_is_already_canonical() -> None:
    """fmt --check passes on claims/ as committed: the canonical style is the SMIC file's style."""
    result = run("fmt", "--check", str(CLAIMS))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    for name in ("smic-2020.yaml", "claimcheck.yaml"):
        text = (CLAIMS / name).read_text(encoding="utf-8")
        assert format_text(text, config=name == "claimcheck.yaml") == text


def test_messy_file_gets_the_canonical_layout() -> None:
    """Sections and record keys go in schema order, indentation becomes 2/4/2, every comment moves with its key."""
    assert format_text(MESSY) == EXPECTED
    assert load(EXPECTED) == load(MESSY)
    assert sorted(line.strip() for line in EXPECTED.splitlines() if line.lstrip().startswith("#")) == sorted(
        line.strip() for line in MESSY.splitlines() if line.lstrip().startswith("#")
    )


def test_format_is_idempotent() -> None:
    """Formatting a formatted file changes nothing."""
    assert format_text(EXPECTED) == EXPECTED


def test_config_keys_follow_the_config_schema() -> None:
    """In claimcheck.yaml the keys go in the config schema's order, the comment above a key with it."""
    text = "default_scale: s\n# where full texts are\nfulltext_paths: []\ntitle: T\n"
    assert format_text(text, config=True) == "title: T\n\n# where full texts are\nfulltext_paths: []\n\ndefault_scale: s\n"


def test_check_lists_files_that_would_change_and_writes_nothing(tmp_path: Path) -> None:
    """--check exits 1 naming the file that would change and leaves it as it was."""
    (tmp_path / "story.yaml").write_text(MESSY, encoding="utf-8")
    result = run("fmt", "--check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == f"would reformat {tmp_path / 'story.yaml'}\n"
    assert (tmp_path / "story.yaml").read_text(encoding="utf-8") == MESSY


def test_fmt_writes_only_files_that_change(tmp_path: Path) -> None:
    """A canonical file is not touched (same inode, same mtime); the messy one is rewritten."""
    shutil.copy(CLAIMS / "smic-2020.yaml", tmp_path / "smic.yaml")
    (tmp_path / "story.yaml").write_text(MESSY, encoding="utf-8")
    before = (tmp_path / "smic.yaml").stat()
    result = run("fmt", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"reformatted {tmp_path / 'story.yaml'}\n"
    after = (tmp_path / "smic.yaml").stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert (tmp_path / "story.yaml").read_text(encoding="utf-8") == EXPECTED
    assert run("fmt", "--check", str(tmp_path)).exit_code == 0


def test_unparsable_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    """A file fmt cannot parse is a problem (exit 1) and keeps its bytes; the other files are still formatted."""
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(b"claims:\n    - id: a\n   text: [unclosed\n")
    (tmp_path / "story.yaml").write_text(MESSY, encoding="utf-8")
    result = run("fmt", str(tmp_path))
    assert result.exit_code == 1
    assert f"{bad}: error: cannot parse the YAML" in result.stdout  # problems print as everywhere: file: severity: message [code]
    assert "[not-formatted]" in result.stdout
    assert bad.read_bytes() == b"claims:\n    - id: a\n   text: [unclosed\n"
    assert (tmp_path / "story.yaml").read_text(encoding="utf-8") == EXPECTED


@pytest.mark.parametrize("text", ["- a\n- b\n", "claims: [a, &x b, *x]\n"])
def test_files_that_are_not_corpus_files_are_refused(text: str) -> None:
    """A list at the top, or an alias PyYAML would expand differently, is not formatted."""
    try:
        out = format_text(text)
    except EditError:
        return
    assert load(out) == load(text)


def test_format_paths_returns_what_it_did(tmp_path: Path) -> None:
    """The library call reports changed, unchanged and failed files."""
    (tmp_path / "a.yaml").write_text(MESSY, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(EXPECTED, encoding="utf-8")
    (tmp_path / "c.yaml").write_text("claims: [\n", encoding="utf-8")
    result = format_paths(tmp_path, check=True)
    assert [p.name for p in result.changed] == ["a.yaml"]
    assert [p.name for p in result.unchanged] == ["b.yaml"]
    assert [Path(p.file).name for p in result.problems if p.file] == ["c.yaml"]
    assert not result.ok


def test_comments_survive_add_then_fmt(tmp_path: Path) -> None:
    """Round trip: every comment of a hand-written file survives `add` and then `fmt`, and the file validates."""
    root = tmp_path / "story"
    root.mkdir()
    (root / "story.yaml").write_text(MESSY.replace("article", "the-article"), encoding="utf-8")
    (root / "docs.yaml").write_text("documents:\n  - id: the-article\n    title: The article\n    kind: article\n", encoding="utf-8")
    comments = sorted(line.strip() for line in MESSY.splitlines() if line.lstrip().startswith("#"))
    result = run(
        "add", "claim", str(root), "--file", str(root / "story.yaml"), "--no-input", "--text", "The council sued the builder.",
        "--speaker", "council", "--kind", "action", "--document", "the-article", "--quote", "sued",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert run("fmt", str(root)).exit_code == 0
    text = (root / "story.yaml").read_text(encoding="utf-8")
    assert sorted(line.strip() for line in text.splitlines() if line.lstrip().startswith("#")) == comments
    assert "  - id: council-sued-builder\n    text: The council sued the builder.\n" in text
    assert run("validate", str(root)).exit_code == 0
