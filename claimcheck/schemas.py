"""The JSON Schemas in ``schemas/``, and the two-speed validator built from them.

Valid records pay only for ``jsonschema-rs`` (about 100k records/s here); a record that fails is
validated again with ``jsonschema`` to get its rich, located messages. Without ``jsonschema-rs``
everything goes through ``jsonschema``, slower but the same answers.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import referencing

jsonschema_rs: Any
try:  # the fast path is optional: the answers are the same without it
    import jsonschema_rs
except ImportError:  # pragma: no cover - exercised only where the wheel is unavailable
    jsonschema_rs = None

BASE = "https://claimcheck.invalid/schemas/v1/"
RECORD_SCHEMAS = {
    "sources": "source.schema.json",
    "documents": "document.schema.json",
    "claims": "claim.schema.json",
    "relations": "relation.schema.json",
    "comments": "comment.schema.json",
    "reviews": "review.schema.json",
}


def schema_dir() -> Path:
    """The folder holding the schemas: inside the installed package, or ``schemas/`` of a checkout."""
    packaged = Path(str(resources.files("claimcheck"))) / "schemas"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "schemas"


@functools.cache
def load_schemas() -> dict[str, dict[str, Any]]:
    """Every schema, by file name."""
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(schema_dir().glob("*.schema.json"))}


@functools.cache
def registry() -> referencing.Registry[Any]:
    """A registry holding every schema under its ``$id``."""
    resources_ = [(s["$id"], referencing.Resource.from_contents(s)) for s in load_schemas().values()]
    return referencing.Registry().with_resources(resources_)


class SchemaValidator:
    """Validates instances against one of the schemas, fast first and richly on failure."""

    def __init__(self, name: str) -> None:
        schemas = load_schemas()
        self.schema = schemas[name]
        self._rich = jsonschema.Draft202012Validator(self.schema, registry=registry())
        self._fast: Any = None
        if jsonschema_rs is not None:
            reg = jsonschema_rs.Registry([(s["$id"], s) for s in schemas.values()])
            self._fast = jsonschema_rs.Draft202012Validator(self.schema, registry=reg)

    def is_valid(self, instance: Any) -> bool:
        """Whether ``instance`` is valid, as fast as this machine allows."""
        if self._fast is not None:
            try:
                return bool(self._fast.is_valid(instance))
            except (ValueError, OverflowError):  # values jsonschema-rs cannot convert: let jsonschema decide
                pass
        return bool(self._rich.is_valid(instance))

    def iter_errors(self, instance: Any) -> Iterator[jsonschema.ValidationError]:
        """Every error, with jsonschema's paths and messages."""
        return self._rich.iter_errors(instance)


@functools.cache
def validator(name: str) -> SchemaValidator:
    """The (cached) validator for the schema file ``name``."""
    return SchemaValidator(name)
