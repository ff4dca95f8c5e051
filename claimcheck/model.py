"""The claim/evidence model: frozen, keyword-only attrs classes mirroring ``schemas/``.

Every record converts to a plain dict in the shape of its JSON Schema (:func:`to_dict`) and back
(:func:`from_dict`) without loss. Where a record came from (file and JSON pointer) is kept in
``origin`` and is not part of its data.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

import attrs

from claimcheck.dates import DateError, PartialDate

T = TypeVar("T")


def _nested(cls: type, *, many: bool = False) -> dict[str, Any]:
    return {"nested": cls, "many": many}


DATE: dict[str, Any] = {"date": True}


@attrs.define(frozen=True, kw_only=True)
class Origin:
    """Where a record was read: the file (relative to the corpus root) and its JSON pointer there."""

    file: str
    pointer: str


@attrs.define(frozen=True, kw_only=True)
class Interest:
    """Why a source may gain from one answer, and which parties or topics it bears on."""

    description: str
    subjects: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()


@attrs.define(frozen=True, kw_only=True)
class Source:
    """A party that speaks or publishes, possibly an unnamed group."""

    KIND: ClassVar[str] = "source"
    id: str
    name: str
    kind: str
    short_name: str | None = None
    description: str | None = None
    url: str | None = None
    aliases: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    interests: tuple[Interest, ...] = attrs.field(default=(), metadata=_nested(Interest, many=True))
    note: str | None = None
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def unnamed(self) -> bool:
        """True for an unnamed group ("analysts", "a person familiar with...")."""
        return self.kind == "unnamed-group"


@attrs.define(frozen=True, kw_only=True)
class Fulltext:
    """A private full-text copy of a document, verified by sha256 and never published."""

    sha256: str
    file: str | None = None


@attrs.define(frozen=True, kw_only=True)
class External:
    """Marks material from outside the case's own documents, with its citation."""

    publisher: str
    title: str
    date: PartialDate = attrs.field(metadata=DATE)
    url: str


@attrs.define(frozen=True, kw_only=True)
class Document:
    """Where words appear: an article, a letter, a report, a statement..."""

    KIND: ClassVar[str] = "document"
    id: str
    title: str
    kind: str
    publisher: str | None = None
    authors: tuple[str, ...] = ()
    date: PartialDate | None = attrs.field(default=None, metadata=DATE)
    url: str | None = None
    archive_url: str | None = None
    retrieved: PartialDate | None = attrs.field(default=None, metadata=DATE)
    language: str | None = None
    seen: bool = True
    fulltext: Fulltext | None = attrs.field(default=None, metadata=_nested(Fulltext))
    external: External | None = attrs.field(default=None, metadata=_nested(External))
    note: str | None = None
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)


@attrs.define(frozen=True, kw_only=True)
class Hop:
    """One link of an attribution chain: a party, and how its words reach the next link."""

    source: str
    mode: str
    document: str | None = None


@attrs.define(frozen=True, kw_only=True)
class Appearance:
    """Where a claim appears: the document, the verbatim quote, and the attribution chain there.

    ``match`` holds the quote's (start, end) character offsets in the document's full text when it
    was checked; it is computed, not authored.
    """

    document: str
    quote: str
    chain: tuple[Hop, ...] = attrs.field(default=(), metadata=_nested(Hop, many=True))
    locator: str | None = None
    match: tuple[int, int] | None = attrs.field(default=None, eq=False, metadata={"computed": True})


@attrs.define(frozen=True, kw_only=True)
class Claim:
    """One proposition, neutrally worded, with its speaker and where it appears."""

    KIND: ClassVar[str] = "claim"
    id: str
    text: str
    speaker: str
    kind: str
    date: PartialDate | None = attrs.field(default=None, metadata=DATE)
    date_note: str | None = None
    topics: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    parent: str | None = None
    status: str = "published"
    appearances: tuple[Appearance, ...] = attrs.field(default=(), metadata=_nested(Appearance, many=True))
    context: tuple[str, ...] = ()
    external: External | None = attrs.field(default=None, metadata=_nested(External))
    note: str | None = None
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)

    def chains(self) -> list[tuple[Hop, ...]]:
        """Each appearance's attribution chain, the implied one (speaker, paraphrased) filled in."""
        return [a.chain or (Hop(source=self.speaker, mode="paraphrase"),) for a in self.appearances]


@attrs.define(frozen=True, kw_only=True)
class Evidence:
    """A quoted passage of a document offered as evidence."""

    document: str
    quote: str
    locator: str | None = None
    match: tuple[int, int] | None = attrs.field(default=None, eq=False, metadata={"computed": True})


@attrs.define(frozen=True, kw_only=True)
class Relation:
    """What bears on a claim (``target``): another claim (``by``) or a quoted passage (``evidence``)."""

    KIND: ClassVar[str] = "relation"
    SUPPORTING: ClassVar[frozenset[str]] = frozenset({"supports"})
    OPPOSING: ClassVar[frozenset[str]] = frozenset({"contradicts", "denies"})
    RESPONSES: ClassVar[frozenset[str]] = frozenset({"responds-to", "denies"})
    id: str
    type: str
    target: str
    by: str | None = None
    evidence: Evidence | None = attrs.field(default=None, metadata=_nested(Evidence))
    note: str | None = None
    status: str = "published"
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)


@attrs.define(frozen=True, kw_only=True)
class CommentRequest:
    """A subject's right of reply: asked for comment, declined, or not reached."""

    KIND: ClassVar[str] = "comment"
    id: str
    subject: str
    outcome: str
    claims: tuple[str, ...] = ()
    asked: PartialDate | None = attrs.field(default=None, metadata=DATE)
    date: PartialDate | None = attrs.field(default=None, metadata=DATE)
    document: str | None = None
    note: str | None = None
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)


@attrs.define(frozen=True, kw_only=True)
class Correction:
    """A dated correction note on a review."""

    date: PartialDate = attrs.field(metadata=DATE)
    note: str


@attrs.define(frozen=True, kw_only=True)
class Review:
    """An editor's verdict on a claim, on a declared rating scale."""

    KIND: ClassVar[str] = "review"
    id: str
    claim: str
    verdict: str
    rationale: str
    reviewer: str
    date: PartialDate = attrs.field(metadata=DATE)
    scale: str | None = None
    url: str | None = None
    status: str = "published"
    corrections: tuple[Correction, ...] = attrs.field(default=(), metadata=_nested(Correction, many=True))
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)


@attrs.define(frozen=True, kw_only=True)
class RatingValue:
    """One value of a rating scale, with its mappings to schema.org, FEVER and AVeriTeC."""

    id: str
    label: str
    rating: int
    description: str | None = None
    status: str | None = None
    fever: str | None = None
    averitec: str | None = None


@attrs.define(frozen=True, kw_only=True)
class RatingScale:
    """A rating scale declared as data, values from worst to best."""

    id: str
    name: str
    values: tuple[RatingValue, ...] = attrs.field(metadata=_nested(RatingValue, many=True))

    @property
    def best(self) -> RatingValue:
        """The value with the highest rating."""
        return max(self.values, key=lambda v: v.rating)

    @property
    def worst(self) -> RatingValue:
        """The value with the lowest rating."""
        return min(self.values, key=lambda v: v.rating)

    def value(self, value_id: str) -> RatingValue | None:
        """The value with this id, or ``None``."""
        return next((v for v in self.values if v.id == value_id), None)


@attrs.define(frozen=True, kw_only=True)
class Config:
    """The corpus config (``claimcheck.yaml``)."""

    title: str | None = None
    description: str | None = None
    fulltext_paths: tuple[str, ...] = ()
    default_scale: str | None = None
    rating_scales: tuple[RatingScale, ...] = attrs.field(default=(), metadata=_nested(RatingScale, many=True))

    def scale(self, scale_id: str | None) -> RatingScale | None:
        """The scale with this id (the default scale for ``None``)."""
        wanted = scale_id or self.default_scale
        if wanted is None and len(self.rating_scales) == 1:
            return self.rating_scales[0]
        return next((s for s in self.rating_scales if s.id == wanted), None)


Record = Source | Document | Claim | Relation | CommentRequest | Review

#: The top-level key of a corpus file for each record class, in canonical order.
SECTIONS: dict[str, type[Record]] = {
    "sources": Source,
    "documents": Document,
    "claims": Claim,
    "relations": Relation,
    "comments": CommentRequest,
    "reviews": Review,
}


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
        return _builder(cls)(data, origin)  # type: ignore[no-any-return, arg-type]
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
            lines.append(f"        {name}=_date(d[{name!r}])," if required else f"        {name}=_date(v) if (v := g({name!r})) is not None else None,")
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
    plan = _plan(cls)  # type: ignore[arg-type]
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
