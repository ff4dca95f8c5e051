"""The claim/evidence model: frozen, keyword-only attrs classes mirroring ``schemas/``.

Every record converts to a plain dict in the shape of its JSON Schema and back without loss
(:mod:`claimcheck.model.convert`). Where a record came from (file and JSON pointer) is kept in
``origin`` and is not part of its data. Field metadata says what the schema cannot: which fields
name other records (:func:`ref`), which hold dates, which are nested records, which are computed.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs

from claimcheck.core.dates import PartialDate


def _nested(cls: type, *, many: bool = False) -> dict[str, Any]:
    return {"nested": cls, "many": many}


DATE: dict[str, Any] = {"date": True}


def ref(section: str, **more: Any) -> dict[str, Any]:
    """Field metadata: the value (or each value of a list) is the id of a record in ``section``.

    The loader's reference check and the editor's prompts read it (:func:`references`), so a
    reference is declared once, here.
    """
    return {"ref": section, **more}


@attrs.define(frozen=True, kw_only=True)
class Origin:
    """Where a record was read: the file (relative to the corpus root) and its JSON pointer there."""

    file: str
    pointer: str


@attrs.define(frozen=True, kw_only=True)
class Interest:
    """Why a source may gain from one answer, and which parties or topics it bears on."""

    description: str
    subjects: tuple[str, ...] = attrs.field(default=(), metadata=ref("sources"))
    topics: tuple[str, ...] = ()
    #: ``for`` (the party gains when its subjects fare well) or ``against``; ``None``: unknown.
    stance: str | None = None


@attrs.define(frozen=True, kw_only=True)
class Source:
    """A party that speaks or publishes, possibly an unnamed group."""

    KIND: ClassVar[str] = "source"
    NOUN: ClassVar[str] = "source"
    id: str
    name: str
    kind: str
    short_name: str | None = None
    description: str | None = None
    url: str | None = None
    aliases: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = attrs.field(default=(), metadata=ref("sources"))
    part_of: tuple[str, ...] = attrs.field(default=(), metadata=ref("sources"))
    represents: tuple[str, ...] = attrs.field(default=(), metadata=ref("sources"))
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
class Correction:
    """A dated correction or update: of a review's verdict, of a document, or of a claim's words in a document.

    ``before`` is the wording it replaced (for an appearance, its quote is the current wording);
    ``after`` a document's wording now; ``note`` the correction note as published or what changed.
    """

    date: PartialDate = attrs.field(metadata=DATE)
    note: str | None = None
    kind: str = "correction"
    before: str | None = None
    after: str | None = None


@attrs.define(frozen=True, kw_only=True)
class Document:
    """Where words appear: an article, a letter, a report, a statement..."""

    KIND: ClassVar[str] = "document"
    NOUN: ClassVar[str] = "document"
    id: str
    title: str
    kind: str
    publisher: str | None = attrs.field(default=None, metadata=ref("sources"))
    authors: tuple[str, ...] = attrs.field(default=(), metadata=ref("sources"))
    date: PartialDate | None = attrs.field(default=None, metadata=DATE)
    url: str | None = None
    archive_url: str | None = None
    retrieved: PartialDate | None = attrs.field(default=None, metadata=DATE)
    language: str | None = None
    seen: bool = True
    reprints: str | None = attrs.field(default=None, metadata=ref("documents"))
    based_on: tuple[str, ...] = attrs.field(default=(), metadata=ref("documents"))
    corrections: tuple[Correction, ...] = attrs.field(default=(), metadata=_nested(Correction, many=True))
    fulltext: Fulltext | None = attrs.field(default=None, metadata=_nested(Fulltext))
    external: External | None = attrs.field(default=None, metadata=_nested(External))
    note: str | None = None
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)


@attrs.define(frozen=True, kw_only=True)
class Hop:
    """One link of an attribution chain: a party, and how its words reach the next link."""

    source: str = attrs.field(metadata=ref("sources"))
    mode: str
    document: str | None = attrs.field(default=None, metadata=ref("documents"))


@attrs.define(frozen=True, kw_only=True)
class Original:
    """The words as the speaker said them, when a quote is a translation."""

    text: str
    language: str


@attrs.define(frozen=True, kw_only=True)
class Appearance:
    """Where a claim appears: the document, the verbatim quote, and the attribution chain there.

    ``match`` holds the quote's (start, end) character offsets in the document's full text when it
    was checked; it is computed, not authored.
    """

    document: str = attrs.field(metadata=ref("documents"))
    quote: str
    chain: tuple[Hop, ...] = attrs.field(default=(), metadata=_nested(Hop, many=True))
    locator: str | None = None
    language: str | None = None
    original: Original | None = attrs.field(default=None, metadata=_nested(Original))
    translated_by: str | None = attrs.field(default=None, metadata=ref("sources"))
    corrections: tuple[Correction, ...] = attrs.field(default=(), metadata=_nested(Correction, many=True))
    match: tuple[int, int] | None = attrs.field(default=None, eq=False, metadata={"computed": True})


@attrs.define(frozen=True, kw_only=True)
class Claim:
    """One proposition, neutrally worded, with its speaker and where it appears."""

    KIND: ClassVar[str] = "claim"
    NOUN: ClassVar[str] = "claim"
    id: str
    text: str
    speaker: str = attrs.field(metadata=ref("sources"))
    kind: str
    bearing: str | None = None
    date: PartialDate | None = attrs.field(default=None, metadata=DATE)
    date_note: str | None = None
    topics: tuple[str, ...] = ()
    subjects: tuple[str, ...] = attrs.field(default=(), metadata=ref("sources"))
    tags: tuple[str, ...] = ()
    parent: str | None = attrs.field(default=None, metadata=ref("claims"))
    status: str = "published"
    appearances: tuple[Appearance, ...] = attrs.field(default=(), metadata=_nested(Appearance, many=True))
    context: tuple[str, ...] = ()
    external: External | None = attrs.field(default=None, metadata=_nested(External))
    note: str | None = None
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def published(self) -> bool:
        """Whether the record's workflow status is ``published`` (draft and in-review records are not)."""
        return self.status == "published"

    def chains(self) -> list[tuple[Hop, ...]]:
        """Each appearance's attribution chain, the implied one (speaker, paraphrased) filled in."""
        return [a.chain or (Hop(source=self.speaker, mode="paraphrase"),) for a in self.appearances]


@attrs.define(frozen=True, kw_only=True)
class Evidence:
    """A quoted passage of a document offered as evidence."""

    document: str = attrs.field(metadata=ref("documents"))
    quote: str
    locator: str | None = None
    match: tuple[int, int] | None = attrs.field(default=None, eq=False, metadata={"computed": True})


@attrs.define(frozen=True, kw_only=True)
class Relation:
    """What bears on a claim (``target``): another claim (``by``) or a quoted passage (``evidence``)."""

    KIND: ClassVar[str] = "relation"
    NOUN: ClassVar[str] = "relation"
    SUPPORTING: ClassVar[frozenset[str]] = frozenset({"supports"})
    OPPOSING: ClassVar[frozenset[str]] = frozenset({"contradicts", "denies"})
    RESPONSES: ClassVar[frozenset[str]] = frozenset({"responds-to", "denies"})
    id: str
    type: str
    target: str = attrs.field(metadata=ref("claims"))
    by: str | None = attrs.field(default=None, metadata=ref("claims"))
    evidence: Evidence | None = attrs.field(default=None, metadata=_nested(Evidence))
    note: str | None = None
    status: str = "published"
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def published(self) -> bool:
        """Whether the record's workflow status is ``published`` (draft and in-review records are not)."""
        return self.status == "published"


@attrs.define(frozen=True, kw_only=True)
class CommentRequest:
    """A subject's right of reply: who was asked on its behalf, when, what came of it, and the replies it gave."""

    KIND: ClassVar[str] = "comment"
    NOUN: ClassVar[str] = "comment request"
    id: str
    subject: str = attrs.field(metadata=ref("sources"))
    outcome: str
    claims: tuple[str, ...] = attrs.field(default=(), metadata=ref("claims"))
    asked_via: str | None = attrs.field(default=None, metadata=ref("sources"))
    reason: str | None = None
    asked: PartialDate | None = attrs.field(default=None, metadata=DATE)
    date: PartialDate | None = attrs.field(default=None, metadata=DATE)
    replies: tuple[str, ...] = attrs.field(default=(), metadata=ref("claims"))
    document: str | None = attrs.field(default=None, metadata=ref("documents"))
    note: str | None = None
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)


@attrs.define(frozen=True, kw_only=True)
class Review:
    """An editor's verdict on a claim, on a declared rating scale."""

    KIND: ClassVar[str] = "review"
    NOUN: ClassVar[str] = "review"
    id: str
    claim: str = attrs.field(metadata=ref("claims"))
    verdict: str
    rationale: str
    reviewer: str
    date: PartialDate = attrs.field(metadata=DATE)
    scale: str | None = None
    url: str | None = None
    status: str = "published"
    corrections: tuple[Correction, ...] = attrs.field(default=(), metadata=_nested(Correction, many=True))
    origin: Origin | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def published(self) -> bool:
        """Whether the record's workflow status is ``published`` (draft and in-review records are not)."""
        return self.status == "published"


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


def noun(section: str) -> str:
    """The record kind of a section in words: ``comments`` → ``comment request``."""
    return SECTIONS[section].NOUN
