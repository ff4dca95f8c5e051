"""Fuzzing from our own schemas: corpora generated from ``schemas/*.json`` (bundled into one schema, hostile
strings mixed into every text, line and URL field) load, check, render, build and export without raising
anything but claimcheck's own errors, lose no record silently, and every output stays well formed."""

from __future__ import annotations

import functools
import itertools
import json
import sqlite3
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema
from test_hardening import BAD_URLS, PAYLOADS, TEXT_PAYLOADS, URL_PAYLOADS, check_brief, check_exports, check_site, payload_records

import claimcheck
from claimcheck.analysis.balance import analyse
from claimcheck.core.errors import ClaimcheckError
from claimcheck.core.problems import CATALOGUE
from claimcheck.interop import read_import, sqlite_format
from claimcheck.load.hygiene import FORBIDDEN
from claimcheck.load.schemas import load_schemas, validator
from claimcheck.render.site import build_site

pytestmark = pytest.mark.slow

FUZZ = settings(
    max_examples=30,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much, HealthCheck.large_base_example],
)
#: Ids drawn from a small pool so that references resolve, collide, point at the wrong kind, or name a device.
IDS = ["a", "b", "c", "d", "smic", "pentagon", "huawei", "con"]
#: Dates at every precision, open intervals, and a few impossible ones (hypothesis would mostly write 0000).
DATES = ["2020", "2020-05", "2020-05-03", "2020-05-01/2020-05-09", "../2020-09", "2021/..", "2020-02-30", "0000", "2020-09/2020-08"]
LONG = ("L" * 20_000, "O" * 20_001)  # a text at its maxLength, and one over it
_counter = itertools.count()
SECTIONS = {
    "sources": "source",
    "documents": "document",
    "claims": "claim",
    "relations": "relation",
    "comments": "comment",
    "reviews": "review",
}


def _name(file: str) -> str:
    return file.removesuffix(".schema.json")


def _rewrite(node: Any, here: str) -> Any:
    """``node`` with every ``$ref`` (to another file, into another file, or local) pointing into one ``$defs``."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if key == "$ref":
                file, _, fragment = value.partition("#")
                target = _name(file or here)
                out[key] = f"#/$defs/{target}__{fragment.rsplit('/', 1)[-1]}" if fragment else f"#/$defs/{target}"
            elif key not in ("$id", "$schema"):
                out[key] = _rewrite(value, here)
        return out
    if isinstance(node, list):
        return [_rewrite(v, here) for v in node]
    return node


def _bound(node: Any, items: int) -> None:
    """Cap every array at ``items`` (hypothesis would otherwise build corpora too large to check quickly)."""
    if isinstance(node, dict):
        if node.get("type") == "array":
            node["maxItems"] = min(node.get("maxItems", items), items)
        for value in node.values():
            _bound(value, items)
    elif isinstance(node, list):
        for value in node:
            _bound(value, items)


@functools.cache
def bundled(*, hostile: bool = True) -> dict[str, Any]:
    """Every schema file bundled into one ``$defs`` (``file``, ``claim``, ``claim__appearance``, ``defs__id``...),
    with ids from :data:`IDS` and, when ``hostile``, the payloads as alternatives in every text, line and URL field."""
    defs: dict[str, Any] = {}
    for file, schema in load_schemas().items():
        body = _rewrite(schema, file)
        for name, sub in body.pop("$defs", {}).items():
            defs[f"{_name(file)}__{name}"] = sub
        defs[_name(file)] = body
    _bound(defs, 3)
    defs["defs__id"] = {"enum": IDS}
    defs["defs__date"] = {"enum": DATES}
    if hostile:
        text, line = defs["defs__text"], defs["defs__line"]
        defs["defs__text"] = {"anyOf": [{**text, "maxLength": 30}, {"enum": [*TEXT_PAYLOADS, *LONG]}]}
        defs["defs__line"] = {"anyOf": [{**line, "maxLength": 30}, {"enum": [*PAYLOADS, "N" * 501]}]}
        defs["defs__valid_text"] = {"anyOf": [{**text, "maxLength": 30}, {"enum": [*TEXT_PAYLOADS, LONG[0]]}]}
        defs["defs__valid_line"] = {"anyOf": [{**line, "maxLength": 30}, {"enum": list(PAYLOADS)}]}
        # mostly URLs the schema accepts, so that records reach the outputs; the refused ones are tested one by one elsewhere
        defs["defs__url"] = {"enum": ["https://example.org/a?b=1&c=2", "http://example.org/", *URL_PAYLOADS, BAD_URLS[0], BAD_URLS[-1]]}
    return defs


def _loadable(node: Any) -> Any:
    """``node`` with each character the loader refuses in any text (a C0 or C1 control, a lone surrogate: a located
    error of its own, tested in test_hardening.py) replaced by ``?`` and its code point, so that what is drawn is a valid corpus."""
    if isinstance(node, str):
        return FORBIDDEN.sub(lambda m: f"?{ord(m.group()):x}", node)  # one stand-in a character: unique items stay unique
    if isinstance(node, dict):
        return {_loadable(k): _loadable(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_loadable(v) for v in node]
    return node


@functools.cache
def strategy(name: str) -> st.SearchStrategy[Any]:
    """Instances of the bundled definition ``name``."""
    return from_schema({"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": bundled(), "$ref": f"#/$defs/{name}"})


@functools.cache
def corpora() -> st.SearchStrategy[tuple[dict[str, Any], dict[str, Any], bool]]:
    """(records, config, as JSON?) for one corpus: each section a list of its record schema's instances (at least one
    source, document and claim), the config with a rating scale (built once: canonicalising the schemas takes seconds)."""
    least = {"sources": 1, "documents": 1, "claims": 1}
    records = st.fixed_dictionaries(
        {section: st.lists(strategy(name), min_size=least.get(section, 0), max_size=3) for section, name in SECTIONS.items()}
    )
    config = st.fixed_dictionaries(
        {"rating_scales": st.lists(strategy("config__scale"), min_size=1, max_size=2)},
        optional={"title": strategy("defs__line"), "description": strategy("defs__text"), "default_scale": strategy("defs__id")},
    )
    return st.tuples(records, config, st.booleans())


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A folder for this module's corpora, and SQLite exports without their per-statement disk syncs (0.7 s each
    here; what is tested is the file written, not its durability)."""

    def connect(path: Any) -> sqlite3.Connection:
        con = sqlite3.connect(path)
        con.execute("PRAGMA synchronous=OFF")
        return con

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(sqlite_format, "sqlite3", types.SimpleNamespace(connect=connect, Error=sqlite3.Error))
        yield tmp_path_factory.mktemp("fuzz")


def write(base: Path, records: dict[str, Any], config: dict[str, Any], as_json: bool) -> Path:
    """Write one generated corpus: a config and one records file (YAML or JSON)."""
    root = base / f"corpus-{next(_counter)}"
    root.mkdir()
    (root / "claimcheck.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    name, text = (
        ("records.json", json.dumps(records, ensure_ascii=False))
        if as_json
        else ("records.yaml", yaml.safe_dump(records, allow_unicode=True))
    )
    (root / name).write_text(text, encoding="utf-8")
    return root


def load_checked(root: Path, records: dict[str, Any]) -> claimcheck.Corpus:
    """Load a generated corpus and check the problems: catalogued, in our files, located by line and column,
    sorted; and no record lost silently (each is loaded, or a problem points into it)."""
    corpus = claimcheck.load(root, cache=False)
    names = {"claimcheck.yaml", "records.yaml", "records.json"}
    for p in corpus.problems:
        assert p.code in CATALOGUE
        assert Path(p.file or "").name in names, p.format()
        assert p.line is not None, p.format()
        assert p.column is not None, p.format()
    assert list(corpus.problems) == sorted(corpus.problems, key=lambda p: p.sort_key())
    kept = {r.origin.pointer for r in corpus.records() if r.origin is not None}
    pointers = [p.pointer for p in corpus.problems if Path(p.file or "").name != "claimcheck.yaml"]
    for section, items in records.items():
        for i in range(len(items)):
            at = f"/{section}/{i}"
            assert at in kept or any(ptr == at or ptr.startswith(at + "/") for ptr in pointers), f"{at} was dropped without a problem"
    return corpus


@FUZZ
@given(generated=corpora())
def test_generated_corpora_load_check_render_and_export(base: Path, generated: tuple[dict[str, Any], dict[str, Any], bool]) -> None:
    """Schema-generated corpora with payloads lose no record silently, analyse, render in every brief format and export
    to every format well formed, raising at most claimcheck's own errors (a corpus with errors may refuse SQLite)."""
    records, config, as_json = _loadable(generated[0]), _loadable(generated[1]), generated[2]
    root = write(base, records, config, as_json)
    corpus = load_checked(root, records)
    report = analyse(corpus)
    assert all(f.code in CATALOGUE for f in report.findings)
    check_brief(corpus)
    failure: ClaimcheckError | None = None
    try:
        check_exports(corpus, root.parent / f"{root.name}-out")
    except ClaimcheckError as exc:
        failure = exc
    if failure is not None:  # only a corpus with errors (duplicate scale values, say) may fail to export, saying why once
        assert not corpus.ok, failure
        assert str(failure).count("cannot write") == 1, failure


@settings(FUZZ, max_examples=20)
@given(generated=corpora())
def test_generated_corpora_build_inert_sites(base: Path, generated: tuple[dict[str, Any], dict[str, Any], bool]) -> None:
    """Schema-generated corpora with payloads, drafts included, build a site whose every page is inert and well formed."""
    records, config, as_json = _loadable(generated[0]), _loadable(generated[1]), generated[2]
    root = write(base, records, config, as_json)
    corpus = claimcheck.load(root, cache=False)
    out = root.parent / f"{root.name}-site"
    build_site(corpus, out, include_drafts=True)
    check_site(out)


fields = st.sampled_from(["id", "name", "url", "date", "language"])
strings = st.text(st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["smic\n", "https://x.org/\ufeff", "https://x.org/\x85", "2020\n", "en\n"]
)


@settings(FUZZ, max_examples=60)
@given(field=fields, value=strings)
def test_a_refused_value_is_always_explained(field: str, value: str) -> None:
    """Whatever string a pattern-checked field holds, a record claimcheck's validator refuses comes with a message, and
    the file's validator agrees (jsonschema-rs and jsonschema read a few regular expressions differently)."""
    if field in ("id", "name", "url"):
        record, schema = {"id": "s", "name": "S", "kind": "company", field: value}, "source.schema.json"
    else:
        record, schema = {"id": "d", "title": "T", "kind": "article", field: value}, "document.schema.json"
    check = validator(schema)
    valid = check.is_valid(record)
    assert valid or list(check.iter_errors(record)), "refused without a message"
    assert validator("file.schema.json").is_valid({"sources" if field in ("id", "name", "url") else "documents": [record]}) == valid


#: Fields holding a single line (``defs.line``) or free text (``defs.text``), and lists of them, by key.
LINE_KEYS = {"name", "short_name", "title", "label", "reviewer", "locator"}
TEXT_KEYS = {"description", "note", "text", "quote", "rationale", "date_note"}


def redraw(draw: st.DrawFn, node: Any, parent: str = "") -> Any:
    """``node`` with every text and line field (and the external ``publisher``) drawn again from the schema's definitions
    (payloads included, values over the limits left out)."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            kind = "line" if key in LINE_KEYS or (parent == "external" and key == "publisher") else "text" if key in TEXT_KEYS else None
            if kind and isinstance(value, str):
                out[key] = draw(strategy(f"defs__valid_{kind}"))
            elif key in ("aliases", "context"):
                drawn = [draw(strategy("defs__valid_line" if key == "aliases" else "defs__valid_text")) for _ in value]
                out[key] = list(dict.fromkeys(drawn))  # aliases must be unique
            else:
                out[key] = redraw(draw, value, key)
        return out
    if isinstance(node, list):
        return [redraw(draw, item, parent) for item in node]
    return node


@settings(FUZZ, max_examples=20)
@given(data=st.data())
def test_a_valid_corpus_with_any_schema_text_gives_well_formed_outputs(base: Path, data: st.DataObject) -> None:
    """The reviewed payload corpus with every text and line field drawn from the schema stays valid, and its site, brief and
    exports are well formed, with ClaimReview keeping the rationale, FEVER reading back, and CSV giving back every record exactly."""
    records, config = payload_records()
    records, config = _loadable(redraw(data.draw, records)), _loadable(redraw(data.draw, config))
    root = write(base, records, config, data.draw(st.booleans()))
    corpus = load_checked(root, records)
    assert corpus.ok, [p.format() for p in corpus.problems]
    out = root.parent / f"{root.name}-out"
    build_site(corpus, out / "site", include_drafts=True)
    check_site(out / "site")
    check_brief(corpus)
    paths = check_exports(corpus, out)
    graph = json.loads(paths["claimreview"].read_text(encoding="utf-8"))["@graph"]
    assert [item["reviewBody"] for item in graph] == [records["reviews"][0]["rationale"]]
    fever = read_import([paths["fever"]], "fever")  # every line read back: none split by a line separator in the data
    assert [c["id"] for c in fever.records["claims"]] == ["allegation"]
    assert "import-skipped" not in {p.code for p in fever.problems}
    back = read_import([paths["csv"]], "csv")
    assert back.ok, [p.format() for p in back.problems]
    exported = corpus.to_dict()
    for section, items in back.records.items():
        assert sorted(items, key=lambda r: r["id"]) == sorted(exported[section], key=lambda r: r["id"]), section
