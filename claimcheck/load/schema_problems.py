"""jsonschema's errors turned into claimcheck problems whose messages name the field, what was
expected and what was found, with "did you mean ...?" where there is a nearest valid value."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from claimcheck.core.problems import Problem, pointer
from claimcheck.core.suggest import did_you_mean

if TYPE_CHECKING:
    import jsonschema

_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping",
    "null": "nothing",
}


#: What a nested object is called in messages, by the key that holds it.
_NESTED_NOUNS = {
    "appearances": "an appearance",
    "chain": "an attribution-chain hop",
    "evidence": "the evidence",
    "interests": "an interest",
    "fulltext": "the fulltext",
    "external": "the external citation",
    "rating_scales": "a rating scale",
    "values": "a rating value",
    "corrections": "a correction",
}


def describe(value: Any) -> str:
    """A short description of a found value for messages."""
    kind = {bool: "boolean", int: "integer", float: "number", str: "string", list: "list", dict: "mapping"}.get(
        type(value), type(value).__name__
    )
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"boolean {'true' if value else 'false'}"
    if isinstance(value, (list, dict)):
        return f"a {kind} of {len(value)} item{'s' if len(value) != 1 else ''}"
    shown = repr(value) if not isinstance(value, str) or len(value) <= 60 else repr(value[:57] + "...")
    return f"{kind} {shown}"


def _field(path: list[str | int]) -> str:
    named = [p for p in path if isinstance(p, str)]
    return f"field '{named[-1]}'" if named else "the record"


def problems_from_errors(
    errors: Iterable[jsonschema.ValidationError], *, file: str, base: tuple[str | int, ...], record: str | None, kind: str
) -> Iterator[Problem]:
    """One problem per leaf error (``oneOf``/``anyOf`` reported once, in words), located under ``base``."""
    for err in errors:
        path = [*base, *err.absolute_path]
        ptr = pointer(*path)
        yield _problem(err, path, ptr, file=file, record=record, kind=kind)


def _problem(err: jsonschema.ValidationError, path: list[Any], ptr: str, *, file: str, record: str | None, kind: str) -> Problem:
    v, value = err.validator, err.instance
    schema: Any = err.schema
    expected: Any = err.validator_value
    where = _field(path)
    desc = schema.get("description", "") if isinstance(schema, dict) else ""
    if v == "additionalProperties":
        extras = (
            sorted(set(value) - set(schema.get("properties", {})), key=str) if isinstance(value, dict) else []
        )  # YAML keys may be numbers
        known = sorted(schema.get("properties", {}))
        name = extras[0] if extras else "?"
        return Problem(
            code="unknown-field",
            message=f"unknown field {name!r} in {kind}{did_you_mean(name, known)}; expected one of: {', '.join(known)}",
            file=file,
            pointer=pointer(*path, name),
            record=record,
        )
    if v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        nested = [p for p in err.absolute_path if isinstance(p, str)]
        noun = _NESTED_NOUNS.get(nested[-1], f"this {kind}") if nested else f"this {kind}"
        return Problem(code="missing-field", message=f"{noun} is missing required field {missing!r}", file=file, pointer=ptr, record=record)
    if v == "enum":
        options = ", ".join(map(str, expected))
        return Problem(
            code="schema",
            message=f"{where}: expected one of {options}; found {describe(value)}{did_you_mean(str(value), map(str, expected)) if isinstance(value, str) else ''}",
            file=file,
            pointer=ptr,
            record=record,
        )
    if v == "type":
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
        hint = ""
        if expected == "string" and isinstance(value, (int, float, bool)):
            hint = f' (YAML read it as {_yaml_kind(value)}: put it in quotes, "{_yaml_text(value)}")'
        return Problem(
            code="schema", message=f"{where}: expected {wanted}; found {describe(value)}{hint}", file=file, pointer=ptr, record=record
        )
    if v == "pattern":
        expectation = desc.rstrip(".") if desc else f"text matching {expected}"
        expectation = expectation[0].lower() + expectation[1:]
        return Problem(
            code="schema", message=f"{where}: expected {expectation}; found {describe(value)}", file=file, pointer=ptr, record=record
        )
    if v == "oneOf" and kind == "relation":
        return Problem(
            code="schema",
            message="a relation needs exactly one of 'by' (the claim that bears on the target) or 'evidence' (a quoted passage); found "
            + ("both" if isinstance(value, dict) and "by" in value and "evidence" in value else "neither"),
            file=file,
            pointer=ptr,
            record=record,
        )
    if v in {"minItems", "maxItems", "minLength", "maxLength", "uniqueItems"}:
        limits_ = {
            "minItems": f"at least {expected} item(s)",
            "maxItems": f"at most {expected} items",
            "minLength": f"at least {expected} character(s)",
            "maxLength": f"at most {expected:,} characters",
            "uniqueItems": "no repeated items",
        }
        found = describe(value) if not isinstance(value, str) else f"{len(value):,} characters"
        return Problem(code="schema", message=f"{where}: expected {limits_[v]}; found {found}", file=file, pointer=ptr, record=record)
    return Problem(code="schema", message=f"{where}: {err.message}", file=file, pointer=ptr, record=record)


def _yaml_kind(value: Any) -> str:
    return "true or false" if isinstance(value, bool) else "a number"


def _yaml_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
