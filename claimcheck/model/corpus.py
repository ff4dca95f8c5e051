"""The loaded corpus: every record by kind and id, the config, every problem found, the indexes that
answer "what bears on this claim?" in one step, and the one rule for what is published (:meth:`Corpus.view`).

Iteration is in a stable order: files sorted by path, records in file order.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

import attrs

from claimcheck.core.errors import ProblemError
from claimcheck.core.problems import Problem, Severity, most_relevant, worst
from claimcheck.model.convert import to_dict
from claimcheck.model.records import (
    Claim,
    CommentRequest,
    Config,
    Document,
    Record,
    Relation,
    Review,
    Source,
)
from claimcheck.model.selection import Selection


@attrs.define(frozen=True, kw_only=True)
class Corpus:
    """Everything loaded from a corpus folder, and every problem found while loading it."""

    root: Path
    config: Config = attrs.field(factory=Config)
    sources: dict[str, Source] = attrs.field(factory=dict)
    documents: dict[str, Document] = attrs.field(factory=dict)
    claims: dict[str, Claim] = attrs.field(factory=dict)
    relations: dict[str, Relation] = attrs.field(factory=dict)
    comments: dict[str, CommentRequest] = attrs.field(factory=dict)
    reviews: dict[str, Review] = attrs.field(factory=dict)
    problems: tuple[Problem, ...] = ()
    files: tuple[str, ...] = ()
    #: (document id) → the private full text, when it was found and verified. Never published.
    fulltexts: dict[str, str] = attrs.field(factory=dict, repr=False, eq=False)
    #: A hash of everything this corpus was loaded from (files, config, verified full texts), set by
    #: :func:`claimcheck.load`. Not an init argument, so a corpus changed in memory with
    #: ``attrs.evolve`` has none: outputs that skip work when their inputs are unchanged rely on it.
    source_digest: str | None = attrs.field(default=None, init=False, repr=False, eq=False)
    #: How many draft or in-review claims :meth:`view` left out (0 for a corpus as loaded).
    drafts_excluded: int = attrs.field(default=0, init=False, eq=False)
    _published: Corpus | None = attrs.field(default=None, init=False, repr=False, eq=False)
    _whole: Corpus | None = attrs.field(default=None, init=False, repr=False, eq=False)

    # ---- what is published -------------------------------------------------------------------
    def view(self, *, include_drafts: bool = False) -> Corpus:
        """The corpus as it is shown: the one visibility rule every output follows.

        A corpus (computed once, then cached; the corpus itself when nothing is left out) holding:

        * the claims whose ``status`` is ``published`` (every claim with ``include_drafts``);
        * the relations among them: published (any, with drafts), whose target and ``by`` claim are
          both shown (a relation quoting a document needs only its target);
        * the published reviews (any, with drafts) of claims shown;
        * the comment requests, each naming only claims shown; one whose claims are all left out is
          left out too (it would otherwise read as covering every allegation about its subject);
        * every source and document (they have no workflow status).

        A relation, review or comment naming a claim that does not exist (a corpus built in code with
        a dangling reference) is left out of every view. Problems, files, full texts and the config
        are those of the corpus.
        """
        key = "_whole" if include_drafts else "_published"
        cached: Corpus | None = getattr(self, key)
        if cached is not None:
            return cached
        view = self._reduce(include_drafts)
        object.__setattr__(self, key, view)
        if view is not self:
            object.__setattr__(view, "_published", view)
            object.__setattr__(view, "_whole", view)
        return view

    def _reduce(self, include_drafts: bool) -> Corpus:
        def shown(record: Claim | Relation | Review) -> bool:
            return include_drafts or record.published

        claims = {cid: c for cid, c in self.claims.items() if shown(c)}
        relations = {rid: r for rid, r in self.relations.items() if shown(r) and r.target in claims and (r.by is None or r.by in claims)}
        reviews = {rid: r for rid, r in self.reviews.items() if shown(r) and r.claim in claims}
        comments: dict[str, CommentRequest] = {}
        for cid, com in self.comments.items():
            kept = tuple(c for c in com.claims if c in claims)
            if com.claims and not kept:
                continue
            comments[cid] = com if kept == com.claims else attrs.evolve(com, claims=kept)
        same = (len(claims), len(relations), len(reviews), len(comments)) == (
            len(self.claims),
            len(self.relations),
            len(self.reviews),
            len(self.comments),
        ) and all(comments[c] is self.comments[c] for c in comments)
        if same:
            return self
        view = Corpus(
            root=self.root,
            config=self.config,
            sources=self.sources,
            documents=self.documents,
            claims=claims,
            relations=relations,
            comments=comments,
            reviews=reviews,
            problems=self.problems,
            files=self.files,
            fulltexts=self.fulltexts,
        )
        object.__setattr__(view, "drafts_excluded", len(self.claims) - len(claims))
        if self.source_digest is not None:
            object.__setattr__(view, "source_digest", f"{self.source_digest}:{'whole' if include_drafts else 'published'}")
        return view

    # ---- validity ---------------------------------------------------------------------------
    @property
    def ok(self) -> bool:
        """True when no problem is an error."""
        return (worst(self.problems) or Severity.INFO) < Severity.ERROR

    def raise_for_problems(self, at_least: Severity = Severity.ERROR) -> Corpus:
        """Raise :class:`ProblemError` with the most relevant problem at or above ``at_least``; else return self."""
        bad = [p for p in self.problems if p.severity >= at_least]
        first = most_relevant(bad)
        if first is not None:
            raise ProblemError(first, tuple(bad))
        return self

    # ---- lookup ------------------------------------------------------------------------------
    def get(self, record_id: str) -> Record | None:
        """The record with this id, whatever its kind."""
        tables: tuple[Mapping[str, Record], ...] = (self.claims, self.sources, self.documents, self.relations, self.comments, self.reviews)
        for table in tables:
            if record_id in table:
                return table[record_id]
        return None

    def records(self) -> Iterator[Record]:
        """Every record, kind by kind in canonical order."""
        for table in (self.sources, self.documents, self.claims, self.relations, self.comments, self.reviews):
            yield from table.values()

    def ids(self) -> set[str]:
        """Every id in use, whatever the record kind."""
        return {r.id for r in self.records()}

    def source_name(self, source_id: str | None) -> str:
        """The display name of a source (its id if unknown)."""
        if source_id is None:
            return "an unknown party"
        src = self.sources.get(source_id)
        return src.name if src else source_id

    # ---- relations ---------------------------------------------------------------------------
    @cached_property
    def _relations_to(self) -> dict[str, list[Relation]]:
        index: dict[str, list[Relation]] = defaultdict(list)
        for rel in self.relations.values():
            index[rel.target].append(rel)
        return index

    @cached_property
    def _relations_from(self) -> dict[str, list[Relation]]:
        index: dict[str, list[Relation]] = defaultdict(list)
        for rel in self.relations.values():
            if rel.by:
                index[rel.by].append(rel)
        return index

    def relations_to(self, claim_id: str, types: Iterable[str] | None = None) -> list[Relation]:
        """Relations whose target is ``claim_id`` (optionally only of these types)."""
        wanted = set(types) if types is not None else None
        return [r for r in self._relations_to.get(claim_id, []) if wanted is None or r.type in wanted]

    def relations_from(self, claim_id: str, types: Iterable[str] | None = None) -> list[Relation]:
        """Relations in which ``claim_id`` bears on another claim."""
        wanted = set(types) if types is not None else None
        return [r for r in self._relations_from.get(claim_id, []) if wanted is None or r.type in wanted]

    def supporting(self, claim_id: str) -> list[Relation]:
        """Relations that support the claim."""
        return self.relations_to(claim_id, Relation.SUPPORTING)

    def opposing(self, claim_id: str) -> list[Relation]:
        """Relations that contradict or deny the claim."""
        return self.relations_to(claim_id, Relation.OPPOSING)

    def responses(self, claim_id: str) -> list[Relation]:
        """Relations recording a response to or a denial of the claim."""
        return self.relations_to(claim_id, Relation.RESPONSES)

    @cached_property
    def _children(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for claim in self.claims.values():
            if claim.parent is not None:
                index[claim.parent].append(claim.id)
        return index

    def children(self, claim_id: str) -> list[str]:
        """The ids of a claim's sub-claims, in corpus order."""
        return list(self._children.get(claim_id, ()))

    @cached_property
    def _reviews_by_claim(self) -> dict[str, list[Review]]:
        index: dict[str, list[Review]] = defaultdict(list)
        for review in sorted(self.reviews.values(), key=lambda r: r.date.sort_key()):
            index[review.claim].append(review)
        return index

    def reviews_of(self, claim_id: str) -> list[Review]:
        """The reviews of a claim, oldest first."""
        return list(self._reviews_by_claim.get(claim_id, ()))

    # ---- queries -----------------------------------------------------------------------------
    @cached_property
    def _by_speaker(self) -> dict[str, list[Claim]]:
        index: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims.values():
            index[claim.speaker].append(claim)
        return index

    @cached_property
    def _by_subject(self) -> dict[str, list[Claim]]:
        index: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims.values():
            for subject in claim.subjects:
                index[subject].append(claim)
        return index

    def claims_by(self, source_id: str) -> list[Claim]:
        """The claims a source made."""
        return list(self._by_speaker.get(source_id, []))

    def claims_about(self, source_id: str) -> list[Claim]:
        """The claims whose subjects include a source."""
        return list(self._by_subject.get(source_id, []))

    def find_claims(
        self,
        *,
        speaker: str | None = None,
        subject: str | None = None,
        topic: str | None = None,
        tag: str | None = None,
        kind: str | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        certain: bool = False,
    ) -> list[Claim]:
        """Claims matching every given criterion, in corpus order (see :class:`Selection`, which this
        builds from single values: ``speaker="smic"`` is ``Selection(speakers=("smic",))``).

        ``since``/``until`` respect partial dates: a claim dated "May 2020" matches a range that
        overlaps May 2020, or (``certain=True``) only a range that contains all of it. Undated
        claims never match a date range.
        """

        def one(value: str | None) -> tuple[str, ...]:
            return () if value is None else (value,)

        selection = Selection(
            speakers=one(speaker),
            subjects=one(subject),
            topics=one(topic),
            tags=one(tag),
            kinds=one(kind),
            since=since,
            until=until,
            certain=certain,
        )
        return selection.apply(self)

    def to_dict(self) -> dict[str, Any]:
        """The whole corpus as one plain dict in the shape of ``schemas/file.schema.json``."""
        return {
            "sources": [to_dict(r) for r in self.sources.values()],
            "documents": [to_dict(r) for r in self.documents.values()],
            "claims": [to_dict(r) for r in self.claims.values()],
            "relations": [to_dict(r) for r in self.relations.values()],
            "comments": [to_dict(r) for r in self.comments.values()],
            "reviews": [to_dict(r) for r in self.reviews.values()],
        }
