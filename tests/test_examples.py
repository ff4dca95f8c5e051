"""Example corpora, check-jsonschema style: each invalid case lists the problems it must give, exactly.

``tests/examples/valid/<case>/`` are corpora that load without errors or warnings;
``tests/examples/invalid/<case>/`` each hold a corpus and ``expected.yaml`` with every problem expected
(file relative to the case, line, column, pointer, code; ``message`` is a substring of the message).
Files that should not be committed (bytes that are not UTF-8, NUL bytes, links out of the corpus) are
listed under ``generate`` and written by the ``materialise`` fixture into a copy of the case.

The problem catalogue is held to its documentation here too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import CLAIMS, ROOT

import claimcheck
from claimcheck.core import catalogue
from claimcheck.core.problems import CATALOGUE, Problem, Severity

EXAMPLES = Path(__file__).resolve().parent / "examples"
INVALID = sorted(p for p in (EXAMPLES / "invalid").iterdir() if p.is_dir())
VALID = sorted(p for p in (EXAMPLES / "valid").iterdir() if p.is_dir())

#: The modules claimcheck.load runs: every code they emit needs an invalid example (or a test in test_loader.py).
LOADER_MODULES = ("loader", "parsing", "integrity", "schema_problems", "sourcemap", "filecache")
#: Loader codes exercised in test_loader.py instead (they need a patched limit or an unreadable file).
TESTED_IN_TEST_LOADER = {"io-error", "file-too-large", "too-many-records", "too-deep"}

_EMITTED = re.compile(r'(?:\bcode\s*=\s*|\b(?:problem|_problem|finding|note)\(\s*)"(?P<code>[a-z][a-z0-9-]*)"')

Row = tuple[str | None, int | None, int | None, str, str]


def emitted_codes(modules: tuple[str, ...] | None = None) -> dict[str, set[str]]:
    """Problem codes written in the package source (``code="..."`` or ``problem("...", ...)``), by module path."""
    package = ROOT / "claimcheck"
    out: dict[str, set[str]] = {}
    for path in sorted(package.rglob("*.py")):
        if modules is not None and path.stem not in modules:
            continue
        codes = {m["code"] for m in _EMITTED.finditer(path.read_text(encoding="utf-8"))}
        if codes:
            out[path.relative_to(ROOT).as_posix()] = codes
    return out


def rows(problems: tuple[Problem, ...] | list[Problem], root: Path) -> list[Row]:
    """(file relative to ``root``, line, column, pointer, code) for each problem, sorted."""
    return sorted(((Path(p.file).relative_to(root).as_posix() if p.file else None), p.line, p.column, p.pointer, p.code) for p in problems)


def expected_rows(expected: dict[str, Any]) -> list[Row]:
    """The rows an expected.yaml lists, sorted."""
    return sorted((e["file"], e["line"], e["column"], e["pointer"], e["code"]) for e in expected["problems"])


@pytest.fixture(autouse=True)
def _no_fulltext_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Full texts come only from each case's own config."""
    monkeypatch.delenv("CLAIMCHECK_FULLTEXT_PATH", raising=False)


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_invalid_case_gives_exactly_the_expected_problems(case: Path, materialise: Callable[[Path], tuple[Path, dict[str, Any]]]) -> None:
    """Loading an invalid case gives exactly the problems its expected.yaml lists, located by file, line, column and pointer."""
    root, expected = materialise(case)
    corpus = claimcheck.load(root)
    assert rows(corpus.problems, root) == expected_rows(expected)


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_invalid_case_messages_and_severities(case: Path, materialise: Callable[[Path], tuple[Path, dict[str, Any]]]) -> None:
    """Each expected problem's message contains the expected words, and its severity is the catalogue's."""
    root, expected = materialise(case)
    corpus = claimcheck.load(root)
    by_row = {row: p for p, row in zip(corpus.problems, (rows([p], root)[0] for p in corpus.problems), strict=True)}
    for e in expected["problems"]:
        problem = by_row[(e["file"], e["line"], e["column"], e["pointer"], e["code"])]
        assert problem.severity == CATALOGUE[e["code"]].severity
        assert e.get("message", "") in problem.message


@pytest.mark.parametrize("case", [*VALID, CLAIMS], ids=lambda p: "smic-claims" if p == CLAIMS else p.name)
def test_valid_case_loads_without_errors_or_warnings(case: Path) -> None:
    """A valid case loads with records of its own and no problem worse than a note."""
    corpus = claimcheck.load(case)
    assert [p.format() for p in corpus.problems if p.severity >= Severity.WARNING] == []
    assert corpus.claims
    assert corpus.ok


def test_valid_multi_file_case_skips_hidden_and_other_files() -> None:
    """Hidden files and folders and files of other extensions are not read; .yaml, .yml and .json in subfolders are."""
    corpus = claimcheck.load(EXAMPLES / "valid" / "multi-file")
    assert sorted(corpus.files) == ["documents.json", "sources.yaml", "stories/nested/claims.yml"]
    assert set(corpus.claims) == {"military-links", "no-military-links"}
    assert corpus.config.title == "Records spread over YAML, YML and JSON files in nested folders"


def test_mixed_case_still_loads_the_good_records(materialise: Callable[[Path], tuple[Path, dict[str, Any]]]) -> None:
    """A broken file and a record that fails the schema do not stop the rest of the corpus from loading."""
    root, _ = materialise(EXAMPLES / "invalid" / "mixed")
    corpus = claimcheck.load(root)
    assert set(corpus.sources) == {"pentagon", "smic", "wsj"}  # 'analysts' failed the schema
    assert set(corpus.claims) == {"military-links", "smic-crucial"}
    assert set(corpus.documents) == {"article"}
    assert set(corpus.relations) == {"no-denial"}
    assert corpus.claims["smic-crucial"].origin is not None
    assert corpus.claims["smic-crucial"].origin.file == "partly.yaml"
    assert not corpus.ok


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_expected_files_are_well_formed(case: Path) -> None:
    """Every invalid case lists at least one problem, each with exactly the keys the tests read and a catalogued code."""
    expected = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))
    assert expected["description"]
    assert expected["problems"]
    for e in expected["problems"]:
        assert set(e) - {"message"} == {"file", "line", "column", "pointer", "code"}
        assert e["code"] in CATALOGUE


def test_valid_cases_have_no_expected_file() -> None:
    """A valid case holds no expected.yaml (it would be read as a corpus file)."""
    assert VALID
    assert [p.name for p in VALID if (p / "expected.yaml").exists()] == []


def test_examples_cover_every_code_the_loader_emits() -> None:
    """Every problem code the loader's modules can emit has an invalid example or a test in test_loader.py."""
    emitted = set().union(*emitted_codes(LOADER_MODULES).values())
    covered = {e["code"] for case in INVALID for e in yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))["problems"]}
    assert len(INVALID) >= 25
    assert emitted - covered - TESTED_IN_TEST_LOADER == set()
    assert emitted >= TESTED_IN_TEST_LOADER


# ---- the catalogue and docs/problems.md ---------------------------------------------------------


def test_every_emitted_code_is_in_the_catalogue() -> None:
    """Every problem code written in the package source has a catalogue entry (and the search finds codes at all)."""
    found = emitted_codes()
    assert sum(len(codes) for codes in found.values()) >= 20
    missing = {path: sorted(codes - set(CATALOGUE)) for path, codes in found.items() if codes - set(CATALOGUE)}
    assert missing == {}


def test_catalogue_entries_are_complete() -> None:
    """Each catalogue entry has a slug code matching its key, a title and a one-sentence-or-more description."""
    for code, entry in CATALOGUE.items():
        assert entry.code == code
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", code)
        assert entry.title
        assert entry.title[0].isupper()
        assert entry.description.endswith((".", ")"))


def test_problems_doc_is_generated_from_the_catalogue() -> None:
    """docs/problems.md is exactly what `python docs/generate.py` writes (regenerate it when the catalogue changes)."""
    committed = (ROOT / "docs" / "problems.md").read_text(encoding="utf-8")
    assert committed == catalogue.markdown(), "docs/problems.md is stale: run python docs/generate.py"


def test_problems_doc_lists_every_code_once_in_its_group() -> None:
    """The generated page has a section for each code under the group its comment in problems.py names."""
    text = catalogue.markdown()
    for code, entry in CATALOGUE.items():
        assert text.count(f"\n### {code}\n") == 1
        assert entry.description in text
    groups = catalogue.groups()
    assert [e.code for entries in groups.values() for e in entries] == list(CATALOGUE)
    assert "parse-error" in [e.code for e in groups["Reading files"]]
    assert "unknown-reference" in [e.code for e in groups["Integrity"]]
    assert "Other" not in groups


def test_catalogue_check_reports_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """`python docs/generate.py --check` exits 1 for a stale page, and writing makes it current."""
    monkeypatch.setattr(catalogue, "DOC", tmp_path / "problems.md")
    (tmp_path / "problems.md").write_text("# Problem codes\n", encoding="utf-8")
    assert catalogue.main(["--check"]) == 1
    assert catalogue.main([]) == 0
    assert catalogue.main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out
