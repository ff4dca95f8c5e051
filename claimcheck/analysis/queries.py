"""The researchers' queries: claims by evidence-derived status and by verdict, the latest review of a
claim, and transitive support and contradiction.

The rule for transitivity (documented in docs/interop.md):

* the edges are relations of type ``supports`` (a *supporting* edge) and ``contradicts`` or
  ``denies`` (an *opposing* edge) from the item that bears (``by``, or a quoted ``evidence``
  passage) to the claim it bears on (``target``); ``qualifies``, ``context`` and ``responds-to``
  are not followed;
* an item **supports** a claim transitively when a chain of supporting edges leads from it to the
  claim: supporters of supporters support;
* an item **contradicts** a claim transitively when the chain holds exactly one opposing edge, wherever
  it is: contradictors of supporters contradict, and supporters of contradictors contradict;
* a chain with two or more opposing edges is not followed: contradicting a contradiction is not
  evidence for the claim (a denial of an allegation's critic does not support the allegation);
* as for the evidence-derived status, only what is published counts (:meth:`Corpus.view`) unless
  drafts are included; cycles are cut, and the claim itself is never its own supporter.

Each item is reported once per effect, with the shortest chain that gives it (the first found in
corpus order among equals).
"""

from __future__ import annotations

from collections import deque

import attrs

from claimcheck.analysis.status import Status, statuses_in
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Claim, Evidence, Relation, Review

__all__ = [
    "CONTRADICTS",
    "SUPPORTS",
    "Inference",
    "claims_by_status",
    "claims_by_verdict",
    "closure",
    "contradiction_closure",
    "latest_review",
    "support_closure",
]

SUPPORTS = "supports"
CONTRADICTS = "contradicts"


@attrs.define(frozen=True, kw_only=True)
class Inference:
    """How one item (a claim, or a quoted passage) bears on a claim through a chain of relations.

    ``path`` runs from the item to the claim: ``path[0]`` is the relation whose ``by`` (or
    ``evidence``) is the item, ``path[-1]`` the relation whose ``target`` is the claim asked about.
    """

    target: str
    effect: str
    path: tuple[Relation, ...]

    @property
    def claim(self) -> str | None:
        """The id of the claim that bears on the target, or ``None`` for a quoted passage."""
        return self.path[0].by

    @property
    def evidence(self) -> Evidence | None:
        """The quoted passage that bears on the target, or ``None`` for a claim."""
        return self.path[0].evidence

    @property
    def key(self) -> str:
        """The bearing claim's id, or the id of the relation that quotes the passage."""
        return self.path[0].by or self.path[0].id

    @property
    def direct(self) -> bool:
        """True when the item bears on the target itself, through one relation."""
        return len(self.path) == 1

    @property
    def via(self) -> tuple[str, ...]:
        """The ids of the claims between the item and the target, nearest the item first."""
        return tuple(rel.target for rel in self.path[:-1])


def closure(corpus: Corpus, claim_id: str, effect: str, *, include_drafts: bool = False) -> list[Inference]:
    """Every item that supports (``effect="supports"``) or contradicts (``"contradicts"``) the claim,
    directly or transitively, nearest first (see the module's rule)."""
    if effect not in (SUPPORTS, CONTRADICTS):
        raise ValueError(f"effect: expected 'supports' or 'contradicts', found {effect!r}")
    corpus = corpus.view(include_drafts=include_drafts)
    found: dict[tuple[str, bool], Inference] = {}
    seen: set[tuple[str, bool]] = {(claim_id, False)}
    queue: deque[tuple[str, bool, tuple[Relation, ...]]] = deque([(claim_id, False, ())])
    while queue:
        node, opposed, path = queue.popleft()
        for rel in corpus.relations_to(node):
            if rel.type in Relation.SUPPORTING:
                now_opposed = opposed
            elif rel.type in Relation.OPPOSING and not opposed:
                now_opposed = True
            else:
                continue
            if rel.by == claim_id:
                continue
            chain = (rel, *path)
            key = (rel.by or rel.id, now_opposed)
            if key not in found:
                found[key] = Inference(target=claim_id, effect=CONTRADICTS if now_opposed else SUPPORTS, path=chain)
            if rel.by is not None and (rel.by, now_opposed) not in seen:
                seen.add((rel.by, now_opposed))
                queue.append((rel.by, now_opposed, chain))
    return [inf for inf in found.values() if inf.effect == effect]


def latest_review(corpus: Corpus, claim_id: str, *, include_drafts: bool = False) -> Review | None:
    """The claim's most recent review (published only, unless drafts are included)."""
    reviews = corpus.view(include_drafts=include_drafts).reviews_of(claim_id)
    return reviews[-1] if reviews else None


def claims_by_verdict(corpus: Corpus, verdict: str, *, scale: str | None = None, include_drafts: bool = False) -> list[Claim]:
    """Claims whose latest review gives ``verdict`` (a value id), on ``scale`` when one is named
    (a review without a scale is on the config's default scale)."""
    view = corpus.view(include_drafts=include_drafts)
    out = []
    for claim in view.claims.values():
        reviews = view.reviews_of(claim.id)
        review = reviews[-1] if reviews else None
        if review is None or review.verdict != verdict:
            continue
        if scale is not None and (review.scale or corpus.config.default_scale) != scale:
            continue
        out.append(claim)
    return out


def claims_by_status(corpus: Corpus, status: str, *, include_drafts: bool = False) -> list[Claim]:
    """Claims whose evidence-derived status (:mod:`claimcheck.analysis.status`) is ``status``
    (``supported``, ``contradicted``, ``contested`` or ``unverified``), in corpus order.

    Draft and in-review claims are left out unless ``include_drafts``.
    """
    wanted = Status(status)
    view = corpus.view(include_drafts=include_drafts)
    found = statuses_in(view)
    return [c for c in view.claims.values() if found[c.id] == wanted]


def support_closure(corpus: Corpus, claim_id: str, *, include_drafts: bool = False) -> list[Inference]:
    """Everything that supports the claim, directly or transitively: supporters of supporters
    support. Each item once, with its shortest chain of relations, nearest first."""
    return closure(corpus, claim_id, SUPPORTS, include_drafts=include_drafts)


def contradiction_closure(corpus: Corpus, claim_id: str, *, include_drafts: bool = False) -> list[Inference]:
    """Everything that contradicts (or denies) the claim, directly or transitively: contradictors of
    supporters and supporters of contradictors contradict; a chain with two opposing relations is
    not followed. Each item once, with its shortest chain, nearest first."""
    return closure(corpus, claim_id, CONTRADICTS, include_drafts=include_drafts)
