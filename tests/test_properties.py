"""Property tests: claimcheck.load returns problems, never raises, whatever the files hold."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import claimcheck
from claimcheck.core.problems import CATALOGUE
from claimcheck.load.schemas import load_schemas
from claimcheck.model import SECTIONS

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_counter = itertools.count()

#: Every field name any record kind has, so that hostile records are shaped like real ones.
FIELDS = sorted(
    {name for schema in load_schemas().values() for name in schema.get("properties", {})}
    | {name for schema in load_schemas().values() for d in schema.get("$defs", {}).values() for name in d.get("properties", {})}
)
REFERENCES = ["pentagon", "smic", "article", "military-links", "con", "Pentagon", "", "a" * 121]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(
        ["2020-02-30", "2020-09/2020-08", "0000", "../..", "javascript:alert(1)", "published", "denies", "\u202e", *REFERENCES]
    )
)
structures = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=15
)
hostile_value = (
    scalars | st.lists(scalars, max_size=3) | st.dictionaries(st.sampled_from(FIELDS), scalars | st.lists(scalars, max_size=2), max_size=3)
)
hostile_record = st.dictionaries(st.sampled_from(FIELDS), hostile_value, max_size=10)
hostile_file = st.dictionaries(st.sampled_from(list(SECTIONS)), st.lists(hostile_record, max_size=3), min_size=1, max_size=2)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for this module's corpora; each example gets a fresh corpus folder inside it."""
    return tmp_path_factory.mktemp("properties")


def load_files(base: Path, files: dict[str, bytes]) -> tuple[Path, claimcheck.Corpus]:
    """Write ``files`` into a fresh corpus folder and load it."""
    root = base / f"corpus-{next(_counter)}"
    root.mkdir()
    for name, data in files.items():
        (root / name).write_bytes(data)
    return root, claimcheck.load(root)


def check(root: Path, corpus: claimcheck.Corpus, names: set[str]) -> None:
    """Every problem is catalogued, belongs to one of the files, and has a sensible position; problems are sorted."""
    for p in corpus.problems:
        assert p.code in CATALOGUE
        assert p.severity == CATALOGUE[p.code].severity
        assert p.file is not None
        assert Path(p.file).relative_to(root).as_posix() in names
        assert p.line is None or p.line >= 1
        assert p.column is None or p.column >= 1
        assert p.pointer == "" or p.pointer.startswith("/")
        assert p.message
    assert list(corpus.problems) == sorted(corpus.problems, key=lambda p: p.sort_key())


def dump(data: Any, **kwargs: Any) -> str:
    """YAML for ``data`` from libyaml's emitter (PyYAML's own is slow enough to dominate these tests)."""
    return yaml.dump(data, Dumper=yaml.CSafeDumper, **kwargs)


def encode(text: str) -> bytes:
    """UTF-8, letting lone surrogates through as the invalid bytes they become."""
    return text.encode("utf-8", "surrogatepass")


@SETTINGS
@given(text=st.text(max_size=300))
def test_arbitrary_text_never_raises(base: Path, text: str) -> None:
    """Any text at all, as a YAML file and as a JSON file, gives problems rather than an exception."""
    root, corpus = load_files(base, {"a.yaml": encode(text), "b.json": encode(text)})
    check(root, corpus, {"a.yaml", "b.json"})


yaml_texts = st.lists(
    st.sampled_from(
        [
            "sources:",
            "claims:",
            "- ",
            "  ",
            "id: ",
            "x",
            "[",
            "]",
            "{",
            "}",
            ", ",
            ": ",
            "&a ",
            "*a",
            "!!int ",
            "!!str ",
            "'",
            '"',
            "#",
            "|",
            ">",
            "? ",
            "\n",
            "\t",
            "---",
            "...",
            "%YAML 1.2\n",
            "\x00",
            "\ufeff",
            "\r\n",
        ]
    ),
    max_size=40,
).map("".join)


@SETTINGS
@given(text=yaml_texts)
def test_yaml_looking_fragments_never_raise(base: Path, text: str) -> None:
    """Text assembled from YAML's syntax (anchors, tags, flow brackets, documents, block scalars) never makes load raise."""
    root, corpus = load_files(base, {"a.yaml": encode(text)})
    check(root, corpus, {"a.yaml"})


@SETTINGS
@given(data=structures)
def test_arbitrary_structures_never_raise(base: Path, data: Any) -> None:
    """Any structure of mappings, lists and scalars, dumped as YAML and as JSON, loads into problems, never an exception."""
    dumped_yaml = encode(dump(data, allow_unicode=True))
    dumped_json = encode(json.dumps(data, ensure_ascii=False))
    root, corpus = load_files(base, {"a.yaml": dumped_yaml, "b.json": dumped_json})
    check(root, corpus, {"a.yaml", "b.json"})
    if not isinstance(data, dict) and data is not None:
        assert {p.code for p in corpus.problems} <= {"not-a-mapping", "not-utf8", "empty-file", "parse-error"}


@SETTINGS
@given(
    data=hostile_file,
    config=st.none() | st.dictionaries(st.sampled_from(["title", "default_scale", "rating_scales", "fulltext_paths", "x"]), hostile_value),
)
def test_schema_shaped_hostile_records_never_raise(base: Path, data: dict[str, Any], config: dict[str, Any] | None) -> None:
    """Records with real field names but hostile values (wrong types, huge numbers, impossible dates, odd ids) give problems, not exceptions."""
    files = {"records.yaml": encode(dump(data, allow_unicode=True))}
    if config is not None:
        files["claimcheck.yaml"] = encode(dump(config, allow_unicode=True))
    root, corpus = load_files(base, files)
    check(root, corpus, set(files))
    assert all(record.origin is not None for record in corpus.records())


slugs = st.sampled_from(["a", "b", "c", "con", "smic", "pentagon"])
dates = st.sampled_from(
    ["2020", "2020-09", "2020-09-14", "2020-02-30", "0000", "2020-09/2020-08", "../2020-09", "2021/..", "2020-08-24/2020-09-27"]
)
hops = st.lists(
    st.fixed_dictionaries(
        {"source": slugs, "mode": st.sampled_from(["direct-quote", "paraphrase", "cites-document", "unnamed-source"])},
        optional={"document": slugs},
    ),
    min_size=1,
    max_size=3,
)
tangled = st.fixed_dictionaries(
    {
        "sources": st.lists(
            st.fixed_dictionaries(
                {"id": slugs, "name": st.just("N"), "kind": st.just("company")},
                optional={"affiliations": st.lists(slugs, max_size=2, unique=True)},
            ),
            max_size=3,
        ),
        "documents": st.lists(
            st.fixed_dictionaries(
                {"id": slugs, "title": st.just("T"), "kind": st.just("article")},
                optional={"date": dates, "seen": st.booleans(), "publisher": slugs},
            ),
            max_size=2,
        ),
        "claims": st.lists(
            st.fixed_dictionaries(
                {
                    "id": slugs,
                    "text": st.just("T"),
                    "speaker": slugs,
                    "kind": st.just("allegation"),
                    "appearances": st.lists(
                        st.fixed_dictionaries({"document": slugs, "quote": st.just("q")}, optional={"chain": hops}), min_size=1, max_size=2
                    ),
                },
                optional={"date": dates, "parent": slugs, "subjects": st.lists(slugs, max_size=2, unique=True)},
            ),
            max_size=3,
        ),
        "relations": st.lists(
            st.fixed_dictionaries(
                {"id": slugs, "type": st.sampled_from(["supports", "denies", "responds-to", "context"]), "target": slugs, "by": slugs}
            ),
            max_size=2,
        ),
        "reviews": st.lists(
            st.fixed_dictionaries(
                {"id": slugs, "claim": slugs, "verdict": slugs, "rationale": st.just("R"), "reviewer": st.just("D"), "date": dates},
                optional={"scale": slugs},
            ),
            max_size=2,
        ),
    }
)


@SETTINGS
@given(data=tangled)
def test_schema_valid_records_with_tangled_references_never_raise(base: Path, data: dict[str, Any]) -> None:
    """Schema-valid records that reuse ids, refer in circles, to themselves, to the wrong kind or to nothing give problems, never exceptions, and no record is lost silently."""
    root, corpus = load_files(base, {"records.yaml": encode(dump(data))})
    check(root, corpus, {"records.yaml"})
    # every record is either kept or dropped with exactly one problem saying why (a duplicate id, an impossible date)
    kept = list(corpus.records())
    dropped = [p for p in corpus.problems if p.code in {"duplicate-id", "bad-date"}]
    assert len(kept) + len(dropped) == sum(len(v) for v in data.values())
    assert len({r.id for r in kept}) == len(kept)
    assert not any(p.code in {"schema", "unknown-field", "missing-field"} for p in corpus.problems)


valid_source = st.builds(
    lambda i, kind, name: {"id": f"s-{i}", "name": name, "kind": kind},
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from(["person", "organisation", "government-body", "company", "news-outlet", "research-firm", "unnamed-group"]),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), min_size=1, max_size=40),
)


@SETTINGS
@given(sources=st.lists(valid_source, max_size=8, unique_by=lambda s: s["id"]))
def test_valid_sources_always_load_cleanly(base: Path, sources: list[dict[str, Any]]) -> None:
    """Any list of well-formed sources loads with no problems and every record kept (so the properties above are not vacuous)."""
    _, corpus = load_files(base, {"sources.yaml": encode(dump({"sources": sources}, allow_unicode=True))})
    assert [p.format() for p in corpus.problems] == []
    assert list(corpus.sources) == [s["id"] for s in sources]
    assert all(corpus.sources[s["id"]].name == s["name"] for s in sources)
