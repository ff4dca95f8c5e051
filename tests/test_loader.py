"""claimcheck.load beyond the example cases: limits, unreadable files, hostile YAML, full texts, single files."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import claimcheck
from claimcheck.core import limits
from claimcheck.core.errors import ClaimcheckError, CorpusNotFoundError
from claimcheck.core.problems import CATALOGUE, Severity

EXAMPLES = Path(__file__).resolve().parent / "examples"
Materialise = Callable[[Path], tuple[Path, dict[str, Any]]]

GOOD = """\
sources:
  - id: pentagon
    name: US Department of Defense
    kind: government-body
"""


@pytest.fixture(autouse=True)
def _no_fulltext_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Full texts come only from what each test configures."""
    monkeypatch.delenv("CLAIMCHECK_FULLTEXT_PATH", raising=False)


def corpus_of(tmp_path: Path, **files: str) -> Path:
    """A corpus folder in tmp_path holding ``files`` (name → text; '__' in a name stands for '/')."""
    root = tmp_path / "corpus"
    for name, text in files.items():
        path = root / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def codes(corpus: claimcheck.Corpus) -> list[str]:
    """The codes of a corpus's problems, in report order."""
    return [p.code for p in corpus.problems]


def test_missing_path_raises_corpus_not_found(tmp_path: Path) -> None:
    """A path that does not exist raises CorpusNotFoundError, which is also a FileNotFoundError and a ClaimcheckError."""
    with pytest.raises(CorpusNotFoundError, match=r"no corpus at .*nowhere.*does not exist") as info:
        claimcheck.load(tmp_path / "nowhere")
    assert isinstance(info.value, FileNotFoundError)
    assert isinstance(info.value, ClaimcheckError)


def test_single_file_is_loaded_with_the_config_beside_it(tmp_path: Path) -> None:
    """Loading one file reads only that file, with the claimcheck.yaml of its folder."""
    root = corpus_of(tmp_path, **{"a.yaml": GOOD, "b.yaml": "sources: [{id: other, name: Other, kind: company}]\n"})
    (root / "claimcheck.yaml").write_text("title: Beside\n", encoding="utf-8")
    corpus = claimcheck.load(root / "a.yaml")
    assert corpus.files == ("a.yaml",)
    assert set(corpus.sources) == {"pentagon"}
    assert corpus.config.title == "Beside"


def test_records_know_their_origin(tmp_path: Path) -> None:
    """Each record keeps the file (relative to the corpus) and JSON pointer it was read from."""
    root = corpus_of(tmp_path, **{"sub__people.yaml": GOOD})
    origin = claimcheck.load(root).sources["pentagon"].origin
    assert origin is not None
    assert (origin.file, origin.pointer) == ("sub/people.yaml", "/sources/0")


def test_file_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file over the size limit is reported and not read; smaller files still load."""
    root = corpus_of(tmp_path, **{"big.yaml": GOOD + "# " + "x" * 200 + "\n", "small.yaml": "sources: []\n"})
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 150)
    corpus = claimcheck.load(root)
    assert codes(corpus) == ["file-too-large"]
    assert corpus.problems[0].file == (root / "big.yaml").as_posix()
    assert "the limit is 150" in corpus.problems[0].message
    assert corpus.files == ("big.yaml", "small.yaml")


def test_too_many_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file with more records than the per-file limit is refused whole; other files load."""
    many = "sources:\n" + "".join(f"  - {{id: s{i}, name: S{i}, kind: company}}\n" for i in range(3))
    root = corpus_of(tmp_path, **{"many.yaml": many, "one.yaml": GOOD})
    monkeypatch.setattr(limits, "MAX_RECORDS_PER_FILE", 2)
    corpus = claimcheck.load(root)
    assert [(p.code, p.line, p.column) for p in corpus.problems] == [("too-many-records", 1, 1)]
    assert set(corpus.sources) == {"pentagon"}


def test_unreadable_file_is_an_io_error(tmp_path: Path) -> None:
    """A link inside the corpus to a file that does not exist is reported as io-error, not raised."""
    root = corpus_of(tmp_path, **{"good.yaml": GOOD})
    (root / "dangling.yaml").symlink_to(root / "vanished.yaml")
    corpus = claimcheck.load(root)
    assert codes(corpus) == ["io-error"]
    assert corpus.problems[0].file == (root / "dangling.yaml").as_posix()
    assert "cannot read the file" in corpus.problems[0].message
    assert set(corpus.sources) == {"pentagon"}


def test_link_inside_the_corpus_is_followed(tmp_path: Path) -> None:
    """A link to a file inside the corpus is read like any file (here giving a duplicate id, as it should)."""
    root = corpus_of(tmp_path, **{"a.yaml": GOOD})
    (root / "b.yaml").symlink_to(root / "a.yaml")
    assert codes(claimcheck.load(root)) == ["duplicate-id"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        pytest.param("deep.yaml", "sources: " + "[" * 70 + "]" * 70 + "\n", id="yaml-flow"),
        pytest.param("deep.json", '{"sources": ' + "[" * 70 + "]" * 70 + "}", id="json"),
        pytest.param(
            "deep-block.yaml", "sources:\n" + "".join("  " * i + "- \n" for i in range(1, 70)) + "  " * 70 + "- x\n", id="yaml-block"
        ),
    ],
)
def test_nesting_beyond_the_limit_is_too_deep(tmp_path: Path, name: str, text: str) -> None:
    """Data nested deeper than limits.MAX_DEPTH is refused as too-deep; the rest of the corpus loads."""
    root = corpus_of(tmp_path, **{name: text, "good.yaml": GOOD})
    corpus = claimcheck.load(root)
    assert codes(corpus) == ["too-deep"]
    assert corpus.problems[0].line is not None
    assert set(corpus.sources) == {"pentagon"}


def test_nesting_within_the_limit_is_a_schema_problem(tmp_path: Path) -> None:
    """Nesting below the limit is read and reported by the schema, not as too-deep."""
    root = corpus_of(tmp_path, **{"nested.yaml": "sources: " + "[" * 20 + "]" * 20 + "\n"})
    assert codes(claimcheck.load(root)) == ["schema"]


@pytest.mark.parametrize(
    "text",
    [
        "sources: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "sources: " + '["]", ' * 100_000 + "]" * 100_000 + "\n",  # closers in quotes
        "sources:\n  - " + "- " * 100_000 + "x\n",  # compact block nesting, no indentation
        "sources: " + "[ # ]\n" * 100_000 + "]" * 100_000 + "\n",  # closers in comments
    ],
    ids=["brackets", "quoted-closers", "compact-block", "commented-closers"],
)
def test_extreme_nesting_does_not_crash_the_interpreter(tmp_path: Path, text: str) -> None:
    """100,000 levels of nesting, however disguised, give a too-deep problem rather than a crash (run in a subprocess)."""
    root = corpus_of(tmp_path, **{"deep.yaml": text})
    script = "import sys, claimcheck; print(*[p.code for p in claimcheck.load(sys.argv[1]).problems])"
    proc = subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr[-500:]}"
    assert proc.stdout.split() == ["too-deep"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: !!int abc\n", "parse-error"),
        ("a: !!float abc\n", "parse-error"),
        ("a: !!int\n", "parse-error"),
        ("a: !!timestamp not-a-date\n", "parse-error"),
        ("a: !!timestamp 2020-02-30\n", "parse-error"),
        ("a: !!python/name:os.system\n", "parse-error"),
        ("sources: !!binary aGVsbG8=\n", "schema"),
        ("sources: [{1: a, zz: b, null: c}]\n", "unknown-field"),
        ("sources: [{id: x, name: !!timestamp 2020-01-01, kind: company}]\n", "schema"),
        ("sources: !!set {a, b}\n", "schema"),
        ("1: sources\n", "unknown-field"),
        ("sources:\n  - {id: x, name: X, kind: company}\nsources:\n  - {id: y, name: Y, kind: company}\n", "parse-error"),
    ],
)
def test_hostile_yaml_gives_problems_not_exceptions(tmp_path: Path, text: str, expected: str) -> None:
    """Explicit tags, non-string keys, sets and repeated keys are reported as problems; load never raises for them."""
    root = corpus_of(tmp_path, **{"hostile.yaml": text})
    corpus = claimcheck.load(root)
    assert expected in codes(corpus)
    assert all(p.file == (root / "hostile.yaml").as_posix() for p in corpus.problems)


def test_a_repeated_key_is_located_where_it_repeats(tmp_path: Path) -> None:
    """A field written twice in a record is a parse error at the second one, not a silent overwrite."""
    root = corpus_of(tmp_path, **{"twice.yaml": GOOD + "    name: The Pentagon\n"})
    corpus = claimcheck.load(root)
    assert [(p.code, p.line, p.column) for p in corpus.problems] == [("parse-error", 5, 5)]
    assert "'name' twice" in corpus.problems[0].message


def test_empty_config_is_accepted_and_a_broken_one_reported(tmp_path: Path) -> None:
    """An empty claimcheck.yaml means the defaults; one that cannot be parsed is a located parse-error."""
    root = corpus_of(tmp_path, **{"a.yaml": GOOD, "claimcheck.yaml": ""})
    assert claimcheck.load(root).problems == ()
    (root / "claimcheck.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    corpus = claimcheck.load(root)
    assert [(p.code, Path(p.file or "").name) for p in corpus.problems] == [("parse-error", "claimcheck.yaml")]
    assert set(corpus.sources) == {"pentagon"}


def test_problems_are_sorted_located_and_catalogued(materialise: Materialise) -> None:
    """Problems come sorted by file and position, each with a file, a line, a column and a catalogued severity."""
    root, _ = materialise(EXAMPLES / "invalid" / "unknown-reference")
    problems = claimcheck.load(root).problems
    assert list(problems) == sorted(problems, key=lambda p: p.sort_key())
    for p in problems:
        assert p.file is not None
        assert p.line is not None
        assert p.column is not None
        assert p.severity == CATALOGUE[p.code].severity
        assert p.format().startswith(f"{p.file}:{p.line}:{p.column} {p.pointer}: {p.severity}: ")
        assert p.format().endswith(f"[{p.code}]")
        assert p.record == "pentagon" or p.record in {"smic-article", "military-links"}


def quote_case(tmp_path: Path, *, config: str) -> tuple[Path, Path]:
    """The quote-not-found example with its full texts moved out of the corpus, and the folder they went to."""
    root = corpus_of(tmp_path, **{"records.yaml": (EXAMPLES / "invalid" / "quote-not-found" / "records.yaml").read_text(encoding="utf-8")})
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "article.txt").write_bytes((EXAMPLES / "invalid" / "quote-not-found" / "fulltext" / "article.txt").read_bytes())
    (root / "claimcheck.yaml").write_text(config, encoding="utf-8")
    return root, texts


def test_fulltext_missing_without_a_folder(tmp_path: Path) -> None:
    """Without a full-text folder, a recorded full text is a note saying none is configured, and quotes go unchecked."""
    root, _ = quote_case(tmp_path, config="title: No texts\n")
    corpus = claimcheck.load(root)
    assert codes(corpus) == ["fulltext-missing"]
    assert "no full-text folder is configured" in corpus.problems[0].message
    assert corpus.ok


@pytest.mark.parametrize("how", ["argument", "environment", "config"])
def test_fulltext_folders_from_argument_environment_or_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """Full texts are found through load(fulltext_paths=...), $CLAIMCHECK_FULLTEXT_PATH or the config, and the quotes checked."""
    root, texts = quote_case(tmp_path, config="fulltext_paths: [../texts]\n" if how == "config" else "")
    kwargs: dict[str, Any] = {}
    if how == "argument":
        kwargs["fulltext_paths"] = [texts]
    elif how == "environment":
        monkeypatch.setenv("CLAIMCHECK_FULLTEXT_PATH", f"{tmp_path / 'elsewhere'}:{texts}")
    corpus = claimcheck.load(root, **kwargs)
    assert codes(corpus) == ["quote-not-found", "quote-not-found"]
    assert set(corpus.fulltexts) == {"article"}


def test_check_quotes_can_be_turned_off(tmp_path: Path) -> None:
    """load(check_quotes_=False) neither looks for full texts nor checks quotes."""
    root, texts = quote_case(tmp_path, config="")
    corpus = claimcheck.load(root, fulltext_paths=[texts], check_quotes_=False)
    assert corpus.problems == ()
    assert corpus.fulltexts == {}


def test_fulltext_found_by_sha256_when_no_file_is_named(tmp_path: Path) -> None:
    """A full text recorded by sha256 alone is found among the folder's files by its hash."""
    text = "The Pentagon has concerns over SMIC's suspected links with the Chinese military.\n"
    digest = hashlib.sha256(text.encode()).hexdigest()
    root = corpus_of(
        tmp_path,
        **{
            "records.yaml": f"""\
            sources: [{{id: pentagon, name: Pentagon, kind: government-body}}]
            documents:
              - {{id: article, title: An article, kind: article, fulltext: {{sha256: {digest}}}}}
            claims:
              - id: links
                text: SMIC has links with the Chinese military.
                speaker: pentagon
                kind: allegation
                appearances: [{{document: article, quote: "SMIC’s suspected links"}}]
            """,
            "claimcheck.yaml": "fulltext_paths: [../texts]\n",
        },
    )
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a-decoy.txt").write_text("something else\n", encoding="utf-8")
    (tmp_path / "texts" / "whatever-name.txt").write_text(text, encoding="utf-8")
    corpus = claimcheck.load(root)
    assert corpus.problems == ()
    match = corpus.claims["links"].appearances[0].match
    assert match is not None
    assert corpus.fulltexts["article"][match[0] : match[1]] == "SMIC's suspected links"


def test_quote_matches_map_back_to_the_original_text() -> None:
    """Quotes found despite curly quotes and line breaks carry offsets that cut the original words out of the full text."""
    corpus = claimcheck.load(EXAMPLES / "valid" / "full-featured")
    text = corpus.fulltexts["article"]
    links = corpus.claims["military-links"].appearances[0].match
    denial = corpus.claims["no-military-links"].appearances[0].match
    evidence = corpus.relations["article-qualifies-links"].evidence
    assert links is not None
    assert denial is not None
    assert evidence is not None
    assert evidence.match is not None
    assert text[links[0] : links[1]] == "the Pentagon has concerns over SMIC’s suspected links with the Chinese military"
    assert text[denial[0] : denial[1]] == "SMIC said it had “no relationship with the Chinese armed forces”"
    assert text[evidence.match[0] : evidence.match[1]] == "“no relationship with the Chinese armed forces”"
    assert corpus.claims["industry-growth"].appearances[0].match is None  # its document has no full text


def test_unknown_section_does_not_stop_the_others(tmp_path: Path) -> None:
    """A misspelt section is reported, and the file's other sections still load."""
    root = corpus_of(tmp_path, **{"a.yaml": GOOD + "claim:\n  - id: x\n"})
    corpus = claimcheck.load(root)
    assert [(p.code, p.line, p.column, p.pointer) for p in corpus.problems] == [("unknown-field", 5, 1, "/claim")]
    assert "did you mean 'claims'" in corpus.problems[0].message
    assert set(corpus.sources) == {"pentagon"}


def test_a_section_that_is_not_a_list(tmp_path: Path) -> None:
    """A section holding a mapping instead of a list of records is a schema problem located at the section."""
    root = corpus_of(tmp_path, **{"a.yaml": "sources:\n  id: pentagon\n"})
    corpus = claimcheck.load(root)
    assert [(p.code, p.pointer, p.line) for p in corpus.problems] == [("schema", "/sources", 2)]
    assert "expected a list of records" in corpus.problems[0].message


def test_warnings_alone_leave_the_corpus_ok(materialise: Materialise) -> None:
    """A corpus with only warnings is ok, and raise_for_problems raises only when asked to stop at warnings."""
    root, _ = materialise(EXAMPLES / "invalid" / "quote-from-unseen-document")
    corpus = claimcheck.load(root)
    assert corpus.ok
    assert corpus.raise_for_problems() is corpus
    with pytest.raises(claimcheck.ProblemError, match="quote-from-unseen-document"):
        corpus.raise_for_problems(Severity.WARNING)


def test_json_duplicate_key_is_a_located_parse_error(tmp_path: Path) -> None:
    """A key written twice in one JSON object is refused where it is repeated, not silently replaced."""
    root = corpus_of(tmp_path, **{"dup.json": '{"sources": [],\n "sources": [{"id": "x"}]}', "good.yaml": GOOD})
    corpus = claimcheck.load(root)
    dup = [p for p in corpus.problems if p.file and p.file.endswith("dup.json")]
    assert [(p.code, p.line, p.column) for p in dup] == [("parse-error", 2, 2)]
    assert "'sources' appears twice" in dup[0].message
