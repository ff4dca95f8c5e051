"""The JSON Schemas in schemas/: valid Draft 2020-12, uniquely identified, every $ref resolving, and the
fast validator (jsonschema-rs) agreeing with the rich one (jsonschema) on every example record."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest
import yaml
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from support import CLAIMS, ROOT

from claimcheck.load.schemas import RECORD_SCHEMAS, validator

SCHEMA_FILES = sorted((ROOT / "schemas").glob("*.json"))
SCHEMAS = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMA_FILES}
EXAMPLES = Path(__file__).resolve().parent / "examples"


def refs(node: Any, where: str = "") -> Iterator[tuple[str, str]]:
    """Every ($ref value, JSON pointer of the $ref) in a schema."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value, where
            else:
                yield from refs(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from refs(value, f"{where}/{i}")


def registry() -> Registry[Any]:
    """Every schema under its $id, built here independently of claimcheck.load.schemas."""
    return Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in SCHEMAS.values())


def example_records() -> list[tuple[str, Any]]:
    """(schema file, record) for every record in every example and SMIC file that parses as a mapping of sections."""
    out: list[tuple[str, Any]] = []
    files = [*sorted(EXAMPLES.rglob("*.y*ml")), *sorted(EXAMPLES.rglob("*.json")), *sorted(CLAIMS.glob("*.yaml"))]
    for path in files:
        if path.name in {"expected.yaml", "claimcheck.yaml"}:
            continue
        try:
            text = path.read_text(encoding="utf-8")
            data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
        except (ValueError, yaml.YAMLError):
            continue  # the parse-error examples
        if not isinstance(data, dict):
            continue
        for section, items in data.items():
            if section in RECORD_SCHEMAS and isinstance(items, list):
                out += [(RECORD_SCHEMAS[section], item) for item in items]
    return out


RECORDS = example_records()


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_schema_passes_the_metaschema(path: Path) -> None:
    """Each schema file is a valid Draft 2020-12 schema and declares that dialect."""
    schema = SCHEMAS[path.name]
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith("/" + path.name)


def test_schema_ids_are_unique() -> None:
    """No two schema files share an $id."""
    ids = [s["$id"] for s in SCHEMAS.values()]
    assert len(SCHEMAS) >= 9
    assert len(set(ids)) == len(ids)


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_ref_resolves(path: Path) -> None:
    """Every $ref in a schema resolves against the registry of all the schemas."""
    schema = SCHEMAS[path.name]
    resolver = registry().resolver(base_uri=schema["$id"])
    found = list(refs(schema))
    unresolved = []
    for ref, where in found:
        try:
            resolver.lookup(ref)
        except Unresolvable:
            unresolved.append(f"{where}: {ref}")
    assert unresolved == []
    if path.name != "defs.schema.json":
        assert found  # every record schema uses the shared definitions


def test_a_broken_ref_would_be_caught() -> None:
    """The resolver used above does raise for a $ref that names nothing (so the test above can fail)."""
    resolver = registry().resolver(base_uri=SCHEMAS["claim.schema.json"]["$id"])
    with pytest.raises(Unresolvable):
        resolver.lookup("defs.schema.json#/$defs/no-such-definition")


def test_record_schemas_cover_every_section() -> None:
    """file.schema.json holds exactly the six record sections, each referring to its record schema."""
    props = SCHEMAS["file.schema.json"]["properties"]
    assert set(props) == set(RECORD_SCHEMAS)
    for section, name in RECORD_SCHEMAS.items():
        assert props[section]["items"]["$ref"] == name


def test_examples_hold_valid_and_invalid_records() -> None:
    """The example records include many valid and many invalid ones, so the agreement test means something."""
    rich = {name: jsonschema.Draft202012Validator(SCHEMAS[name], registry=registry()) for name in set(RECORD_SCHEMAS.values())}
    verdicts = [rich[name].is_valid(record) for name, record in RECORDS]
    assert verdicts.count(True) >= 50
    assert verdicts.count(False) >= 10


@pytest.mark.parametrize("name", sorted(set(RECORD_SCHEMAS.values())))
def test_fast_and_rich_validators_agree(name: str) -> None:
    """jsonschema-rs and jsonschema give the same valid/invalid answer for every example record, and so does claimcheck's two-speed validator."""
    rich = jsonschema.Draft202012Validator(SCHEMAS[name], registry=registry())
    fast = jsonschema_rs.Draft202012Validator(SCHEMAS[name], registry=jsonschema_rs.Registry([(s["$id"], s) for s in SCHEMAS.values()]))
    ours = validator(name)
    records = [record for schema, record in RECORDS if schema == name]
    assert records
    disagree = [record for record in records if not rich.is_valid(record) == fast.is_valid(record) == ours.is_valid(record)]
    assert disagree == []


@pytest.mark.parametrize(
    ("name", "record"),
    [
        ("source.schema.json", {"id": "a", "name": "A", "kind": "company", "url": "javascript:alert(1)"}),
        ("source.schema.json", {"id": "a", "name": "line\nbreak", "kind": "company"}),
        ("source.schema.json", {"id": "a-", "name": "A", "kind": "company"}),
        ("source.schema.json", {"id": "a" * 121, "name": "A", "kind": "company"}),
        ("source.schema.json", {"id": "a", "name": "A", "kind": "company", "aliases": ["x", "x"]}),
        ("document.schema.json", {"id": "d", "title": "T", "kind": "article", "date": "2020-9"}),
        ("document.schema.json", {"id": "d", "title": "T", "kind": "article", "fulltext": {"sha256": "ABC"}}),
        ("document.schema.json", {"id": "d", "title": "T", "kind": "article", "fulltext": {"sha256": "a" * 64, "file": "../x.txt"}}),
        ("document.schema.json", {"id": "d", "title": "T", "kind": "article", "language": "English"}),
        ("claim.schema.json", {"id": "c", "text": "T", "speaker": "s", "kind": "allegation", "appearances": []}),
        (
            "claim.schema.json",
            {"id": "c", "text": "", "speaker": "s", "kind": "allegation", "appearances": [{"document": "d", "quote": "q"}]},
        ),
        ("relation.schema.json", {"id": "r", "type": "denies", "target": "t"}),
        ("relation.schema.json", {"id": "r", "type": "denies", "target": "t", "by": "b", "evidence": {"document": "d", "quote": "q"}}),
        (
            "review.schema.json",
            {"id": "r", "claim": "c", "verdict": "v", "rationale": "R", "reviewer": "D", "date": "2020-10-01", "rating": 3},
        ),
        ("comment.schema.json", {"id": "c", "subject": "s", "outcome": "refused"}),
    ],
)
def test_validators_agree_on_hostile_records(name: str, record: dict[str, Any]) -> None:
    """Hand-made invalid records are refused by both validators and by claimcheck's."""
    rich = jsonschema.Draft202012Validator(SCHEMAS[name], registry=registry())
    fast = jsonschema_rs.Draft202012Validator(SCHEMAS[name], registry=jsonschema_rs.Registry([(s["$id"], s) for s in SCHEMAS.values()]))
    assert rich.is_valid(record) is False
    assert fast.is_valid(record) is False
    assert validator(name).is_valid(record) is False
