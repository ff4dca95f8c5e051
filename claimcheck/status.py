"""The evidence-derived status of a claim, always kept apart from any editor's verdict.

The rule (documented in docs/balance.md):

* **supporting items** are relations of type ``supports`` whose target is the claim (another
  claim, or a quoted passage of a document);
* **opposing items** are relations of type ``contradicts`` or ``denies`` whose target is the claim;
* only published relations count, and only those whose ``by`` claim is published (unless drafts
  are included);
* the status is ``supported`` (supporting items, no opposing ones), ``contradicted`` (opposing,
  no supporting), ``contested`` (both) or ``unverified`` (neither);
* a **denial** is an opposing item, but a claim whose only opposing items are denials and which
  has no supporting item is ``contested``, not ``contradicted``: the speaker asserts it, the
  denier rejects it, and nothing independent settles it either way;
* a claim with sub-claims and no items of its own takes the combination of its sub-claims'
  statuses: all supported → supported; any contradicted and none supported → contradicted;
  supported and contradicted (or any contested) → contested; otherwise unverified.

A status says what the record holds, not what is true: a denial by the accused is an opposing item.
"""

from __future__ import annotations

import enum

from claimcheck.corpus import Corpus
from claimcheck.model import Relation


class Status(enum.StrEnum):
    """Evidence-derived status of a claim."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    CONTESTED = "contested"
    UNVERIFIED = "unverified"


OPPOSITE = {Status.SUPPORTED: Status.CONTRADICTED, Status.CONTRADICTED: Status.SUPPORTED}


def _counts(corpus: Corpus, claim_id: str, include_drafts: bool) -> tuple[list[Relation], list[Relation]]:
    def live(rel: Relation) -> bool:
        if include_drafts:
            return True
        if rel.status != "published":
            return False
        by = corpus.claims.get(rel.by) if rel.by else None
        return by is None or by.status == "published"

    return [r for r in corpus.supporting(claim_id) if live(r)], [r for r in corpus.opposing(claim_id) if live(r)]


def status_of(corpus: Corpus, claim_id: str, *, include_drafts: bool = False) -> Status:
    """The evidence-derived status of one claim (see the module's rule)."""
    return _status(corpus, claim_id, include_drafts, set())


def _status(corpus: Corpus, claim_id: str, include_drafts: bool, seen: set[str]) -> Status:
    supporting, opposing = _counts(corpus, claim_id, include_drafts)
    if supporting or opposing:
        if supporting and opposing:
            return Status.CONTESTED
        if supporting:
            return Status.SUPPORTED
        if all(r.type == "denies" for r in opposing):
            return Status.CONTESTED
        return Status.CONTRADICTED
    children = [
        cid
        for cid in corpus.children(claim_id)
        if cid not in seen and (include_drafts or corpus.claims[cid].status == "published")
    ]
    if not children:
        return Status.UNVERIFIED
    seen = seen | {claim_id}
    statuses = {_status(corpus, cid, include_drafts, seen) for cid in children}
    if Status.CONTESTED in statuses or {Status.SUPPORTED, Status.CONTRADICTED} <= statuses:
        return Status.CONTESTED
    if statuses == {Status.SUPPORTED}:
        return Status.SUPPORTED
    if Status.CONTRADICTED in statuses and Status.SUPPORTED not in statuses:
        return Status.CONTRADICTED
    return Status.UNVERIFIED


def statuses(corpus: Corpus, *, include_drafts: bool = False) -> dict[str, Status]:
    """The status of every claim, by id."""
    return {cid: status_of(corpus, cid, include_drafts=include_drafts) for cid in corpus.claims}
