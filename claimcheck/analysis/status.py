"""The evidence-derived status of a claim, always kept apart from any editor's verdict.

The rule (documented in docs/balance.md):

* **supporting items** are relations of type ``supports`` whose target is the claim (another
  claim, or a quoted passage of a document);
* **opposing items** are relations of type ``contradicts`` or ``denies`` whose target is the claim;
* only what is published counts (:meth:`Corpus.view`) unless drafts are included;
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

from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Relation

__all__ = ["OPPOSITE", "Status", "status_of", "statuses", "statuses_in"]


class Status(enum.StrEnum):
    """Evidence-derived status of a claim."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    CONTESTED = "contested"
    UNVERIFIED = "unverified"


OPPOSITE = {Status.SUPPORTED: Status.CONTRADICTED, Status.CONTRADICTED: Status.SUPPORTED}


def _own(corpus: Corpus, claim_id: str) -> Status | None:
    """The status from the claim's own items, or ``None`` when it has none."""
    supporting = corpus.relations_to(claim_id, Relation.SUPPORTING)
    opposing = corpus.relations_to(claim_id, Relation.OPPOSING)
    if supporting and opposing:
        return Status.CONTESTED
    if supporting:
        return Status.SUPPORTED
    if opposing:
        return Status.CONTESTED if all(r.type == "denies" for r in opposing) else Status.CONTRADICTED
    return None


def _combine(found: set[Status]) -> Status:
    if Status.CONTESTED in found or {Status.SUPPORTED, Status.CONTRADICTED} <= found:
        return Status.CONTESTED
    if found == {Status.SUPPORTED}:
        return Status.SUPPORTED
    if Status.CONTRADICTED in found and Status.SUPPORTED not in found:
        return Status.CONTRADICTED
    return Status.UNVERIFIED


def statuses(corpus: Corpus, *, include_drafts: bool = False) -> dict[str, Status]:
    """The status of every claim shown (published ones, or every one with ``include_drafts``), by id."""
    return statuses_in(corpus.view(include_drafts=include_drafts))


def statuses_in(view: Corpus) -> dict[str, Status]:
    """The status of every claim of ``view`` (a corpus already reduced to what is shown), by id.

    Sub-claims are resolved bottom-up without recursion, so a chain of any length is fine; a parent
    cycle (reported by ``validate``) is cut where it closes.
    """
    out: dict[str, Status] = {}
    for root in view.claims:
        if root in out:
            continue
        # depth-first over sub-claims with an explicit stack: (claim, children pending?)
        stack: list[tuple[str, bool]] = [(root, False)]
        on_path: set[str] = set()
        while stack:
            cid, expanded = stack.pop()
            if cid in out:
                continue
            own = _own(view, cid)
            if own is not None:
                out[cid] = own
                continue
            kids = [k for k in view.children(cid) if k in view.claims]
            if not expanded:
                on_path.add(cid)
                stack.append((cid, True))
                stack.extend((k, False) for k in reversed(kids) if k not in out and k not in on_path)
                continue
            on_path.discard(cid)
            found = {out[k] for k in kids if k in out}
            out[cid] = _combine(found) if found else Status.UNVERIFIED
    return out


def status_of(corpus: Corpus, claim_id: str, *, include_drafts: bool = False) -> Status:
    """The evidence-derived status of one claim (see the module's rule)."""
    view = corpus.view(include_drafts=include_drafts)
    own = _own(view, claim_id)
    if own is not None:
        return own
    if not view.children(claim_id):
        return Status.UNVERIFIED
    return statuses_in(view).get(claim_id, Status.UNVERIFIED)
