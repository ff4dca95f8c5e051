"""The loaded corpus: every record by kind and id, the config, and every problem found.

Iteration is in a stable order: files sorted by path, records in file order. Queries that
researchers need (claims by speaker, subject, topic, date...) live here too.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from claimcheck.dates import PartialDate
from claimcheck.errors import ProblemError
from claimcheck.model import (
    Claim,
    CommentRequest,
    Config,
    Document,
    Record,
    Relation,
    Review,
    Source,
    to_dict,
)
from claimcheck.problems import Problem, Severity, most_relevant, worst

if TYPE_CHECKING:
    from claimcheck.interop.queries import Inference


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
        tables: tuple[dict[str, Record], ...] = (self.claims, self.sources, self.documents, self.relations, self.comments, self.reviews)  # type: ignore[assignment]
        for table in tables:
            if record_id in table:
                return table[record_id]
        return None

    def records(self) -> Iterator[Record]:
        """Every record, kind by kind in canonical order."""
        for table in (self.sources, self.documents, self.claims, self.relations, self.comments, self.reviews):
            yield from table.values()

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
        """Claims matching every given criterion, in corpus order.

        ``since``/``until`` respect partial dates: a claim dated "May 2020" matches a range that
        overlaps May 2020, or (``certain=True``) only a range that contains all of it. Undated
        claims never match a date range.
        """
        lo = _as_date(since, first=True)
        hi = _as_date(until, first=False)
        out = []
        for claim in self.claims.values():
            if speaker is not None and claim.speaker != speaker:
                continue
            if subject is not None and subject not in claim.subjects:
                continue
            if topic is not None and topic not in claim.topics:
                continue
            if tag is not None and tag not in claim.tags:
                continue
            if kind is not None and claim.kind != kind:
                continue
            if lo is not None or hi is not None:
                if claim.date is None:
                    continue
                if not (claim.date.within(lo, hi) if certain else claim.date.overlaps(lo, hi)):
                    continue
            out.append(claim)
        return out

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

    # ---- researchers' queries: status, verdicts, transitive support ---------------------------
    def claims_by_status(self, status: str, *, include_drafts: bool = False) -> list[Claim]:
        """Claims whose evidence-derived status (:func:`claimcheck.status.status_of`) is ``status``
        (``supported``, ``contradicted``, ``contested`` or ``unverified``), in corpus order.

        Draft and in-review claims are left out unless ``include_drafts``.
        """
        from claimcheck.status import Status, status_of  # deferred: claimcheck.status imports this module

        wanted = Status(status)
        return [
            c
            for c in self.claims.values()
            if (include_drafts or c.status == "published") and status_of(self, c.id, include_drafts=include_drafts) == wanted
        ]

    def latest_review(self, claim_id: str, *, include_drafts: bool = False) -> Review | None:
        """The claim's most recent review (published only, unless ``include_drafts``), or ``None``."""
        from claimcheck.interop.queries import latest_review  # deferred: the queries import this module

        return latest_review(self, claim_id, include_drafts=include_drafts)

    def claims_by_verdict(self, verdict: str, *, scale: str | None = None, include_drafts: bool = False) -> list[Claim]:
        """Claims whose latest review gives ``verdict`` (a rating value's id), optionally on ``scale``."""
        from claimcheck.interop.queries import claims_by_verdict  # deferred: the queries import this module

        return claims_by_verdict(self, verdict, scale=scale, include_drafts=include_drafts)

    def support_closure(self, claim_id: str, *, include_drafts: bool = False) -> list[Inference]:
        """Everything that supports the claim, directly or transitively: supporters of supporters
        support. Each item once, with its shortest chain of relations, nearest first."""
        from claimcheck.interop.queries import closure  # deferred: the queries import this module

        return closure(self, claim_id, "supports", include_drafts=include_drafts)

    def contradiction_closure(self, claim_id: str, *, include_drafts: bool = False) -> list[Inference]:
        """Everything that contradicts (or denies) the claim, directly or transitively: contradictors of
        supporters and supporters of contradictors contradict; a chain with two opposing relations is
        not followed. Each item once, with its shortest chain, nearest first."""
        from claimcheck.interop.queries import closure  # deferred: the queries import this module

        return closure(self, claim_id, "contradicts", include_drafts=include_drafts)


def _as_date(value: dt.date | str | None, *, first: bool) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    parsed = PartialDate.parse(value)
    return parsed.earliest if first else parsed.latest
