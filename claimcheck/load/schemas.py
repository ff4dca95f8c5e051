"""The JSON Schemas in ``schemas/``, and the two-speed validator built from them.

Valid records pay only for ``jsonschema-rs`` (about 100k records/s here); a record that fails is
validated again with ``jsonschema`` to get its rich, located messages. Without ``jsonschema-rs``
everything goes through ``jsonschema``, slower but the same answers. ``jsonschema`` is imported only
when it is needed (a tenth of a second a process), so loading a valid corpus never imports it.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jsonschema
    import referencing
    from jsonschema.protocols import Validator

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
    return Path(__file__).resolve().parents[2] / "schemas"


@functools.cache
def load_schemas() -> dict[str, dict[str, Any]]:
    """Every schema, by file name."""
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(schema_dir().glob("*.schema.json"))}


@functools.cache
def _ecma_pattern(pattern: str) -> re.Pattern[str]:
    """``pattern`` as JSON Schema (ECMA-262) means it: a final ``$`` matches only at the very end, where
    Python's also matches before a final newline (``"smic\\n"`` is not an id)."""
    return re.compile(pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith("\\$") else pattern)


@functools.cache
def rich_validator_class() -> type[Validator]:
    """jsonschema's Draft 2020-12 validator with ECMA-262 ``$``, so that it agrees with jsonschema-rs."""
    import jsonschema

    def pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[jsonschema.ValidationError]:
        if validator.is_type(instance, "string") and not _ecma_pattern(pattern).search(instance):
            yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")

    return jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": pattern})  # type: ignore[no-any-return, no-untyped-call]  # jsonschema leaves extend untyped


@functools.cache
def _rich_registry() -> referencing.Registry[Any]:
    """The schemas for :func:`rich_validator_class`'s validators: without ``$schema`` (declared Draft 2020-12 here instead),
    since a ``$ref`` into a schema naming its dialect would switch back to jsonschema's own class."""
    import referencing
    from referencing.jsonschema import DRAFT202012

    bare = [{k: v for k, v in s.items() if k != "$schema"} for s in load_schemas().values()]
    return referencing.Registry().with_resources((s["$id"], DRAFT202012.create_resource(s)) for s in bare)


class SchemaValidator:
    """Validates instances against one of the schemas, fast first and richly on failure."""

    def __init__(self, name: str) -> None:
        schemas = load_schemas()
        self.schema = schemas[name]
        self._rich_validator: Any = None
        self._fast: Any = None
        if jsonschema_rs is not None:
            reg = jsonschema_rs.Registry([(s["$id"], s) for s in schemas.values()])
            self._fast = jsonschema_rs.Draft202012Validator(self.schema, registry=reg)

    @property
    def _rich(self) -> Any:
        """jsonschema's validator, built on first use."""
        if self._rich_validator is None:
            bare = {k: v for k, v in self.schema.items() if k != "$schema"}
            self._rich_validator = rich_validator_class()(bare, registry=_rich_registry())
        return self._rich_validator

    def is_valid(self, instance: Any) -> bool:
        """Whether ``instance`` is valid, as fast as this machine allows.

        jsonschema decides whenever jsonschema-rs says no: the two read a few regular expressions
        differently (``\\s`` and U+FEFF), and a record refused without a message would be lost silently.
        """
        if self._fast is not None:
            try:
                if self._fast.is_valid(instance):
                    return True
            except (ValueError, OverflowError):  # values jsonschema-rs cannot convert: let jsonschema decide
                pass
        return bool(self._rich.is_valid(instance))

    def iter_errors(self, instance: Any) -> Iterator[jsonschema.ValidationError]:
        """Every error, with jsonschema's paths and messages."""
        return self._rich.iter_errors(instance)  # type: ignore[no-any-return]  # jsonschema's validators are built at run time


@functools.cache
def validator(name: str) -> SchemaValidator:
    """The (cached) validator for the schema file ``name``."""
    return SchemaValidator(name)
