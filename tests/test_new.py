"""claimcheck new: a corpus that validates as created, in the canonical layout, never over existing files."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import claimcheck
from claimcheck.analysis.balance import analyse
from claimcheck.cli import main
from claimcheck.editor import format_text
from claimcheck.editor.scaffold import EXAMPLE_NAME


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_new_corpus_validates_with_no_problems(tmp_path: Path) -> None:
    """The config and the example story load with no problem at all."""
    code, out, _ = run("new", str(tmp_path / "story"))
    assert code == 0
    assert f"created {tmp_path / 'story' / 'claimcheck.yaml'}" in out
    corpus = claimcheck.load(tmp_path / "story")
    assert corpus.ok
    assert corpus.problems == ()
    assert corpus.config.default_scale == "five-point"
    assert [v.fever for v in corpus.config.scale(None).values] == ["REFUTES", "REFUTES", "NOT ENOUGH INFO", "SUPPORTS", "SUPPORTS"]  # type: ignore[union-attr]  # the new corpus has its scale


def test_example_story_has_allegation_denial_and_relation(tmp_path: Path) -> None:
    """The example holds an allegation, its subject's denial and the denies relation, so the accusation is answered."""
    run("new", str(tmp_path / "story"))
    corpus = claimcheck.load(tmp_path / "story")
    kinds = sorted(c.kind for c in corpus.claims.values())
    assert kinds == ["allegation", "denial"]
    (relation,) = corpus.relations.values()
    assert relation.type == "denies"
    assert corpus.claims[relation.target].kind == "allegation"
    assert corpus.claims[relation.by].kind == "denial"  # type: ignore[index]  # the example relation has a by
    assert not [f for f in analyse(corpus).findings if f.code == "unanswered-accusation"]


def test_new_files_are_commented_and_canonical(tmp_path: Path) -> None:
    """Both files explain themselves in comments and are already in the layout fmt writes."""
    run("new", str(tmp_path / "story"), "--title", "Bridge desk")
    config = (tmp_path / "story" / "claimcheck.yaml").read_text(encoding="utf-8")
    story = (tmp_path / "story" / EXAMPLE_NAME).read_text(encoding="utf-8")
    assert 'title: "Bridge desk"' in config
    assert "fulltext_paths: []" in config
    assert sum(line.lstrip().startswith("#") for line in story.splitlines()) >= 10
    assert format_text(config, config=True) == config
    assert format_text(story) == story
    code, _, _ = run("fmt", "--check", str(tmp_path / "story"))
    assert code == 0


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    """An existing non-empty folder is left alone: exit 2 and the file in it unchanged."""
    target = tmp_path / "taken"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    code, _, err = run("new", str(target))
    assert code == 2
    assert "not an empty folder" in err
    assert sorted(p.name for p in target.iterdir()) == ["notes.txt"]


def test_new_accepts_an_empty_folder(tmp_path: Path) -> None:
    """An existing empty folder is fine; --no-example writes only the config."""
    target = tmp_path / "empty"
    target.mkdir()
    code, _, _ = run("new", str(target), "--no-example")
    assert code == 0
    assert sorted(p.name for p in target.iterdir()) == ["claimcheck.yaml"]
