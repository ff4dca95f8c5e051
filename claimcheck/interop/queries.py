"""Transitive support and contradiction, and the verdict-based queries behind :class:`Corpus`'s methods.

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
* as for the evidence-derived status, only published relations whose ``by`` claim is published count
  unless drafts are included; cycles are cut, and the claim itself is never its own supporter.

Each item is reported once per effect, with the shortest chain that gives it (the first found in
corpus order among equals).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

import attrs

from claimcheck.model import Claim, Evidence, Relation, Review

if TYPE_CHECKING:
    from claimcheck.corpus import Corpus

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
            if rel.by == claim_id or not is_live(corpus, rel, include_drafts):
                continue
            chain = (rel, *path)
            key = (rel.by or rel.id, now_opposed)
            if key not in found:
                found[key] = Inference(target=claim_id, effect=CONTRADICTS if now_opposed else SUPPORTS, path=chain)
            if rel.by is not None and (rel.by, now_opposed) not in seen:
                seen.add((rel.by, now_opposed))
                queue.append((rel.by, now_opposed, chain))
    return [inf for inf in found.values() if inf.effect == effect]


def is_live(corpus: Corpus, rel: Relation, include_drafts: bool) -> bool:
    """Whether a relation counts: published, by a published claim (or anything, with drafts)."""
    if include_drafts:
        return True
    if rel.status != "published":
        return False
    by = corpus.claims.get(rel.by) if rel.by else None
    return by is None or by.status == "published"


def latest_review(corpus: Corpus, claim_id: str, *, include_drafts: bool = False) -> Review | None:
    """The claim's most recent review (published only, unless drafts are included)."""
    reviews = [r for r in corpus.reviews_of(claim_id) if include_drafts or r.status == "published"]
    return reviews[-1] if reviews else None


def claims_by_verdict(corpus: Corpus, verdict: str, *, scale: str | None = None, include_drafts: bool = False) -> list[Claim]:
    """Claims whose latest review gives ``verdict`` (a value id), on ``scale`` when one is named
    (a review without a scale is on the config's default scale)."""
    out = []
    for claim in corpus.claims.values():
        if not include_drafts and claim.status != "published":
            continue
        review = latest_review(corpus, claim.id, include_drafts=include_drafts)
        if review is None or review.verdict != verdict:
            continue
        if scale is not None and (review.scale or corpus.config.default_scale) != scale:
            continue
        out.append(claim)
    return out
