"""Records to and from plain dicts in the shape of their JSON Schemas, and the references a record makes.

:func:`from_dict` builds a record from data already validated against its schema (the loader's hot
path: a builder generated once per class); :func:`to_dict` gives it back without defaults or
computed fields; :func:`references` lists the ids a record names, from the fields' metadata.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

import attrs

from claimcheck.core.dates import DateError, PartialDate
from claimcheck.model.records import Origin

__all__ = ["FieldError", "from_dict", "references", "to_dict"]

T = TypeVar("T")


class FieldError(ValueError):
    """A value that matches the schema but cannot be used (an impossible date); ``path`` locates it."""

    def __init__(self, path: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.path = path


_PLAIN, _LIST, _DATE, _ONE, _MANY = range(5)


@functools.cache
def _plan(cls: Any) -> dict[str, tuple[int, Any]]:
    """How each field of ``cls`` is built from data: computed once per class (this is the hot path)."""
    plan: dict[str, tuple[int, Any]] = {}
    for field in attrs.fields(cls):
        meta = field.metadata
        if field.name == "origin" or meta.get("computed"):
            continue
        if "nested" in meta:
            plan[field.name] = (_MANY if meta["many"] else _ONE, meta["nested"])
        elif "date" in meta:
            plan[field.name] = (_DATE, None)
        else:
            plan[field.name] = (_LIST if "tuple" in str(field.type) else _PLAIN, None)
    return plan


@functools.lru_cache(maxsize=65536)
def _date(text: str) -> PartialDate:
    return PartialDate.parse(text)


def from_dict(cls: type[T], data: Mapping[str, Any], origin: Origin | None = None, *, _path: tuple[str | int, ...] = ()) -> T:
    """Build ``cls`` from a dict in the shape of its schema (which it is assumed to match).

    Raises :class:`FieldError` for a value the schema cannot rule out, such as 30 February.
    """
    try:
        return _builder(cls)(data, origin)  # type: ignore[no-any-return, arg-type]  # the generated builder is untyped; it builds cls
    except DateError:
        return _from_dict_slow(cls, data, origin, _path)


@functools.cache
def _builder(cls: Any) -> Any:
    """A function building ``cls`` from a dict, generated once from its fields: loading a large
    corpus builds hundreds of thousands of records, and a generic loop over fields per record
    costs twice as much. Impossible dates raise :class:`DateError`; the slow path then locates them."""
    lines = [f"def build_{cls.__name__}(d, origin):", "    g = d.get", "    return cls("]
    env: dict[str, Any] = {"cls": cls, "_date": _date}
    for name, (kind, nested) in _plan(cls).items():
        if kind == _PLAIN:
            if attrs.fields_dict(cls)[name].default is attrs.NOTHING:
                lines.append(f"        {name}=d[{name!r}],")
            else:
                lines.append(f"        {name}=g({name!r}, _d_{name}),")
                env[f"_d_{name}"] = attrs.fields_dict(cls)[name].default
        elif kind == _LIST:
            lines.append(f"        {name}=tuple(g({name!r}, ())),")
        elif kind == _DATE:
            required = attrs.fields_dict(cls)[name].default is attrs.NOTHING
            lines.append(
                f"        {name}=_date(d[{name!r}]),"
                if required
                else f"        {name}=_date(v) if (v := g({name!r})) is not None else None,"
            )
        elif kind == _ONE:
            env[f"_b_{name}"] = _builder(nested)
            lines.append(f"        {name}=_b_{name}(v, None) if (v := g({name!r})) is not None else None,")
        else:
            env[f"_b_{name}"] = _builder(nested)
            lines.append(f"        {name}=tuple([_b_{name}(x, None) for x in g({name!r}, ())]),")
    if "origin" in attrs.fields_dict(cls):
        lines.append("        origin=origin,")
    lines.append("    )")
    exec("\n".join(lines), env)  # noqa: S102 - code generated from our own attrs field list, no input data
    return env[f"build_{cls.__name__}"]


def _from_dict_slow(cls: type[T], data: Mapping[str, Any], origin: Origin | None, _path: tuple[str | int, ...]) -> T:
    kwargs: dict[str, Any] = {}
    plan = _plan(cls)  # type: ignore[arg-type]  # any attrs class; _plan is cached by class, typed as Any
    for name, value in data.items():
        how = plan.get(name)
        if how is None:
            continue
        kind, nested = how
        if kind == _PLAIN:
            kwargs[name] = value
        elif kind == _LIST:
            kwargs[name] = tuple(value)
        elif kind == _DATE:
            try:
                kwargs[name] = _date(value)
            except DateError as exc:
                raise FieldError((*_path, name), f"field {name!r}: {exc}") from None
        elif kind == _ONE:
            kwargs[name] = _from_dict_slow(nested, value, None, (*_path, name))
        else:
            kwargs[name] = tuple(_from_dict_slow(nested, v, None, (*_path, name, i)) for i, v in enumerate(value))
    if origin is not None:
        kwargs["origin"] = origin
    return cls(**kwargs)


def to_dict(record: Any) -> dict[str, Any]:
    """The record as a plain dict in the shape of its schema: defaults and computed fields left out."""
    out: dict[str, Any] = {}
    for field in attrs.fields(type(record)):
        name = field.name
        if name == "origin" or field.metadata.get("computed"):
            continue
        value = getattr(record, name)
        if value is None or value == () or (field.default is not attrs.NOTHING and value == field.default and name != "id"):
            continue
        if "nested" in field.metadata:
            value = [to_dict(v) for v in value] if field.metadata["many"] else to_dict(value)
        elif "date" in field.metadata:
            value = value.text
        elif isinstance(value, tuple):
            value = list(value)
        out[name] = value
    return out


@functools.cache
def _ref_plan(cls: Any) -> tuple[tuple[tuple[str, str, bool], ...], tuple[tuple[str, bool], ...]]:
    """The reference fields of ``cls`` (name, section, whether a list) and its nested fields (name, many):
    read once per class from the field metadata (the loader walks every record)."""
    refs = []
    nested = []
    for field in attrs.fields(cls):
        if field.name == "origin":
            continue
        if "ref" in field.metadata:
            refs.append((field.name, field.metadata["ref"], "tuple" in str(field.type)))
        elif "nested" in field.metadata and _ref_plan(field.metadata["nested"]) != ((), ()):
            nested.append((field.name, bool(field.metadata["many"])))
    return tuple(refs), tuple(nested)


def references(record: Any, *, _path: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """Every reference ``record`` makes, declared by :func:`~claimcheck.model.records.ref` metadata:
    (path to the value inside the record, the id named, the section it must be a record of)."""
    refs, nested = _ref_plan(type(record))
    for name, section, many in refs:
        value = getattr(record, name)
        if value is None:
            continue
        if many:
            for i, item in enumerate(value):
                yield (*_path, name, i), item, section
        else:
            yield (*_path, name), value, section
    for name, many in nested:
        value = getattr(record, name)
        if value is None:
            continue
        if many:
            for i, item in enumerate(value):
                yield from references(item, _path=(*_path, name, i))
        else:
            yield from references(value, _path=(*_path, name))
