"""What a claim rests on, in facts the balance rules weigh: who answers for whom, which way a party's
interest leans, where a claim's words come from (their origin), how they reached the reader (first-hand,
through intermediaries, through documents nobody here has seen), and which parties back it independently.

The rules are stated in docs/balance.md and docs/format.md; every walk here is iterative and bounded
(:data:`MAX_DEPTH` levels of part_of, reprints and based_on), so no input can make it recurse or loop.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

import attrs

from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Appearance, Claim, CommentRequest, Interest, Relation, Source

__all__ = ["MAX_DEPTH", "Knowing", "Provenance", "bearing"]

#: The deepest chain of part_of/affiliations or of reprints/based_on followed (a cycle is reported by validate).
MAX_DEPTH = 32

#: How a claim bears on its subjects when it does not say: by its kind.
DEFAULT_BEARING = {"allegation": "adverse", "denial": "favourable"}


def bearing(claim: Claim) -> str | None:
    """``adverse`` or ``favourable`` to the claim's subjects, or ``None`` when neither is known."""
    return claim.bearing or DEFAULT_BEARING.get(claim.kind)


@attrs.define(frozen=True, kw_only=True)
class Knowing:
    """How one appearance of a claim reached the reader."""

    #: The parties between the speaker and the document, nearest the speaker first.
    intermediaries: tuple[str, ...]
    #: Documents the words come through that nobody here has seen (``seen: false``).
    unseen: tuple[str, ...]
    #: Whether the speaker was quoted or paraphrased unnamed (an unnamed-source hop).
    unnamed_hop: bool
    #: Where the words come from: the root documents of the one they are taken from.
    origin: tuple[str, ...]

    @property
    def first_hand(self) -> bool:
        """True when the words reached the document from the speaker directly, through nothing unseen."""
        return not self.intermediaries and not self.unseen


class Provenance:
    """The facts about parties, documents and claims of one view of a corpus, computed once."""

    def __init__(self, view: Corpus) -> None:
        self.view = view
        self._origins: dict[str, tuple[str, ...]] = {}
        self._answerers: dict[str, frozenset[str]] = {}

    # ---- parties ------------------------------------------------------------------------------
    def source(self, source_id: str) -> Source | None:
        """The source with this id, or ``None``."""
        return self.view.sources.get(source_id)

    def ancestors(self, source_id: str) -> frozenset[str]:
        """The bodies ``source_id`` is part of (``part_of`` and ``affiliations``), transitively."""
        return self._ancestors.get(source_id, frozenset())

    @cached_property
    def _ancestors(self) -> dict[str, frozenset[str]]:
        out: dict[str, frozenset[str]] = {}
        for sid, src in self.view.sources.items():
            found: set[str] = set()
            frontier = [*src.part_of, *src.affiliations]
            depth = 0
            while frontier and depth < MAX_DEPTH:
                nxt: list[str] = []
                for up in frontier:
                    if up in found or up == sid:
                        continue
                    found.add(up)
                    parent = self.view.sources.get(up)
                    if parent is not None:
                        nxt.extend((*parent.part_of, *parent.affiliations))
                frontier, depth = nxt, depth + 1
            out[sid] = frozenset(found)
        return out

    def bodies(self, source_id: str) -> frozenset[str]:
        """The party itself and the parties it speaks or acts for (``represents``, one step)."""
        src = self.view.sources.get(source_id)
        return frozenset((source_id, *(src.represents if src is not None else ())))

    def answers_for(self, party: str, subject: str) -> bool:
        """Whether ``party``'s word is ``subject``'s own: it is the subject, speaks for it, or is joined to
        it by part_of/affiliations in either direction (a parent for its subsidiary and back, a ministry
        for its government); not a sibling."""
        return any(body == subject or subject in self.ancestors(body) or body in self.ancestors(subject) for body in self.bodies(party))

    def answerers(self, subject: str) -> frozenset[str]:
        """Every party that answers for ``subject`` (the reverse of :meth:`answers_for`), from indexes."""
        cached = self._answerers.get(subject)
        if cached is not None:
            return cached
        family = {subject, *self.ancestors(subject), *self._descendants.get(subject, ())}
        found = set(family)
        for body in family:
            found.update(self._representers.get(body, ()))
        out = frozenset(x for x in found if self.answers_for(x, subject))
        self._answerers[subject] = out
        return out

    @cached_property
    def _descendants(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for sid, ups in self._ancestors.items():
            for up in ups:
                out.setdefault(up, set()).add(sid)
        return out

    @cached_property
    def _representers(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for sid, src in self.view.sources.items():
            for body in src.represents:
                out.setdefault(body, set()).add(sid)
        return out

    def same_side(self, a: str, b: str) -> bool:
        """Whether two parties are not independent of each other (either answers for the other)."""
        return self.answers_for(a, b) or self.answers_for(b, a)

    def named(self, source_id: str) -> bool:
        """Whether a party is named, or speaks for a named body (a council's unnamed spokesperson)."""
        src = self.view.sources.get(source_id)
        if src is None:
            return True
        if not src.unnamed:
            return True
        return any((body := self.view.sources.get(b)) is not None and not body.unnamed for b in (*src.represents, *src.part_of))

    def publishers(self, claim: Claim) -> frozenset[str]:
        """The publishers of the documents the claim appears in."""
        docs = (self.view.documents.get(a.document) for a in claim.appearances)
        return frozenset(d.publisher for d in docs if d is not None and d.publisher)

    # ---- interests ------------------------------------------------------------------------------
    def interest(self, party: str, claim: Claim) -> Interest | None:
        """``party``'s declared interest that bears on ``claim`` and leans the claim's way, or ``None``.

        An interest bears on a claim through a shared subject or topic (an interest with neither bears on
        nothing). It leans the claim's way unless its ``stance`` and the claim's bearing on the subjects
        they share point apart: ``for`` its subjects and the claim adverse to them (a statement against its
        own interest), or ``against`` them and the claim favourable. Without a stance or a bearing, it is
        taken to lean the claim's way.
        """
        src = self.view.sources.get(party)
        if src is None:
            return None
        direction = bearing(claim)
        for interest in src.interests:
            if not interest.subjects and not interest.topics:
                continue
            shared = set(interest.subjects) & set(claim.subjects)
            if interest.subjects and not shared:
                continue
            if interest.topics and not set(interest.topics) & set(claim.topics):
                continue
            if shared and interest.stance is not None and direction is not None:
                against = (interest.stance == "for") == (direction == "adverse")
                if against:
                    continue
            return interest
        return None

    # ---- documents and origins ------------------------------------------------------------------
    def origin_of(self, document_id: str) -> tuple[str, ...]:
        """The root documents ``document_id`` reprints or draws on (itself, when it does neither), sorted."""
        cached = self._origins.get(document_id)
        if cached is not None:
            return cached
        roots: set[str] = set()
        seen: set[str] = set()
        frontier = [document_id]
        depth = 0
        while frontier and depth <= MAX_DEPTH:
            nxt: list[str] = []
            for did in frontier:
                if did in seen:
                    continue
                seen.add(did)
                doc = self.view.documents.get(did)
                ups = [d for d in ((doc.reprints,) if doc and doc.reprints else ()) + (doc.based_on if doc else ()) if d]
                if ups:
                    nxt.extend(ups)
                else:
                    roots.add(did)
            frontier, depth = nxt, depth + 1
        roots.update(frontier)  # past the bound (a cycle validate reports): stop where the walk stopped
        found = tuple(sorted(roots)) or (document_id,)
        self._origins[document_id] = found
        return found

    def knowing(self, claim: Claim, appearance: Appearance) -> Knowing:
        """How the words of ``appearance`` reached the reader, and where they come from."""
        chain = appearance.chain
        intermediaries = tuple(h.source for h in chain[1:] if h.source != claim.speaker)
        cited = [h.document for h in chain if h.document]
        unseen = tuple(d for d in dict.fromkeys(cited) if (doc := self.view.documents.get(d)) is not None and not doc.seen)
        source_doc = cited[0] if cited else appearance.document
        return Knowing(
            intermediaries=intermediaries,
            unseen=unseen,
            unnamed_hop=any(h.mode == "unnamed-source" and not self.named_hop(h.source) for h in chain),
            origin=self.origin_of(source_doc),
        )

    def named_hop(self, source_id: str) -> bool:
        """An unnamed-source hop through someone who speaks for (or is part of) a named body — a council's
        spokesperson, not named — is not an unnamed source."""
        src = self.view.sources.get(source_id)
        if src is None:
            return False
        return any((body := self.view.sources.get(b)) is not None and not body.unnamed for b in (*src.represents, *src.part_of))

    def knowings(self, claim: Claim) -> list[Knowing]:
        """How each appearance of the claim reached the reader."""
        return [self.knowing(claim, a) for a in claim.appearances]

    def first_hand(self, claim: Claim) -> bool:
        """Whether some appearance of the claim reached the reader first-hand."""
        return any(k.first_hand for k in self.knowings(claim))

    # ---- backing -----------------------------------------------------------------------------
    def supporters(self, claim: Claim) -> list[tuple[str, Claim | None, Relation]]:
        """What supports the claim: (party, its claim or ``None`` for a quoted passage, the relation)."""
        out: list[tuple[str, Claim | None, Relation]] = []
        for rel in self.view.supporting(claim.id):
            if rel.by and rel.by in self.view.claims:
                by = self.view.claims[rel.by]
                out.append((by.speaker, by, rel))
            elif rel.evidence is not None:
                doc = self.view.documents.get(rel.evidence.document)
                out.append((doc.publisher if doc and doc.publisher else f"document:{rel.evidence.document}", None, rel))
        return out

    def independent_backers(self, claim: Claim) -> list[str]:
        """The parties behind a claim counted once per side: the speaker, then each supporter that is
        not on the same side as one already counted."""
        counted = [claim.speaker]
        for party, _, _ in self.supporters(claim):
            if not any(self.same_side(party, other) for other in counted):
                counted.append(party)
        return counted

    def replies(self) -> frozenset[str]:
        """The claims made in reply to another (the ``by`` of a responds-to or denies relation, or listed
        as a comment request's replies)."""
        return self._replies

    @cached_property
    def _replies(self) -> frozenset[str]:
        found = {r.by for r in self.view.relations.values() if r.type in Relation.RESPONSES and r.by}
        found.update(c for com in self.view.comments.values() for c in com.replies)
        return frozenset(x for x in found if x is not None)

    def comments_by_subject(self) -> dict[str, list[CommentRequest]]:
        """The comment requests by the party asked, in corpus order."""
        return self._comments_by_subject

    @cached_property
    def _comments_by_subject(self) -> dict[str, list[CommentRequest]]:
        out: dict[str, list[CommentRequest]] = {}
        for com in self.view.comments.values():
            out.setdefault(com.subject, []).append(com)
        return out

    def names(self, ids: Iterable[str]) -> list[str]:
        """Source ids as names."""
        return [self.view.source_name(i) for i in ids]
