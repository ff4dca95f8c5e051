"""Balance analysis: is every accusation answered, and what does each claim rest on?

:func:`analyse` returns a :class:`BalanceReport` holding findings (problems in the same form as
validation problems), the evidence-derived status of every claim, and the disputes: groups of
claims connected by contradictions and denials, split into the two sides, with their figures.
The rules are documented in ``docs/balance.md``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

import attrs

from claimcheck.attribution import name_in_sentence, topic_label
from claimcheck.corpus import Corpus
from claimcheck.model import Claim, Relation, Source
from claimcheck.problems import Problem, Severity, pointer
from claimcheck.status import OPPOSITE, Status, status_of

#: Claim kinds whose backing is examined (background, actions and denials are not).
EXAMINED = frozenset({"allegation", "assertion", "assessment", "prediction"})


@attrs.define(frozen=True, kw_only=True)
class Side:
    """One side of a dispute: its claims, the parties behind them and the evidence items they have."""

    claims: tuple[str, ...]
    parties: tuple[str, ...]
    evidence: tuple[str, ...]  # ids of relations quoting a document in support of this side's claims


@attrs.define(frozen=True, kw_only=True)
class Dispute:
    """A contested proposition: the claims asserting it, and those contradicting or denying them."""

    id: str
    title: str
    subjects: tuple[str, ...]
    topics: tuple[str, ...]
    assertion: Side
    response: Side
    status: Status


@attrs.define(frozen=True, kw_only=True)
class BalanceReport:
    """What :func:`analyse` found."""

    findings: tuple[Problem, ...]
    statuses: dict[str, Status]
    disputes: tuple[Dispute, ...]

    @property
    def ok(self) -> bool:
        """True when no finding is an error (balance findings are warnings unless configured)."""
        return all(f.severity < Severity.ERROR for f in self.findings)


def _published(claim: Claim, include_drafts: bool) -> bool:
    return include_drafts or claim.status == "published"


class _Analyser:
    def __init__(self, corpus: Corpus, include_drafts: bool, claim_ids: set[str] | None) -> None:
        self.c = corpus
        self.include_drafts = include_drafts
        self.claims = {
            cid: cl for cid, cl in corpus.claims.items() if _published(cl, include_drafts) and (claim_ids is None or cid in claim_ids)
        }
        self.statuses = {cid: status_of(corpus, cid, include_drafts=include_drafts) for cid in self.claims}

    # --- helpers -----------------------------------------------------------------------------
    def live(self, rel: Relation) -> bool:
        if not self.include_drafts and rel.status != "published":
            return False
        return rel.by is None or rel.by in self.claims or (rel.by in self.c.claims and self.include_drafts)

    def finding(self, code: str, claim: Claim, message: str, *path: str | int, severity: Severity | None = None) -> Problem:
        origin = claim.origin
        file = None
        if origin is not None:
            file = (self.c.root / origin.file).as_posix()
        kwargs = {"severity": severity} if severity is not None else {}
        return Problem(
            code=code, message=message, file=file, pointer=(origin.pointer if origin else "") + pointer(*path), record=claim.id, **kwargs
        )

    def name(self, source_id: str) -> str:
        return name_in_sentence(self.c.sources.get(source_id), source_id)

    def affiliated(self, source_id: str, party: str) -> bool:
        """Whether ``source_id`` is ``party`` or belongs to it (through affiliations)."""
        seen: set[str] = set()
        todo = [source_id]
        while todo:
            sid = todo.pop()
            if sid == party:
                return True
            if sid in seen:
                continue
            seen.add(sid)
            src = self.c.sources.get(sid)
            if src is not None:
                todo.extend(src.affiliations)
        return False

    def interested(self, source: Source | None, claim: Claim) -> str | None:
        """The description of ``source``'s declared interest in ``claim``, if it has one."""
        if source is None:
            return None
        for interest in source.interests:
            if not interest.subjects and not interest.topics:
                continue
            if interest.subjects and not set(interest.subjects) & set(claim.subjects):
                continue
            if interest.topics and not set(interest.topics) & set(claim.topics):
                continue
            return interest.description
        return None

    def backers(self, claim: Claim) -> list[tuple[str, Claim | None]]:
        """The parties behind a claim: its speaker, the speakers of supporting claims, and the
        publishers of supporting documents."""
        out: list[tuple[str, Claim | None]] = [(claim.speaker, claim)]
        for rel in self.c.supporting(claim.id):
            if not self.live(rel):
                continue
            if rel.by and rel.by in self.c.claims:
                out.append((self.c.claims[rel.by].speaker, self.c.claims[rel.by]))
            elif rel.evidence is not None:
                doc = self.c.documents.get(rel.evidence.document)
                out.append((doc.publisher if doc and doc.publisher else f"document:{rel.evidence.document}", None))
        return out

    # --- findings ----------------------------------------------------------------------------
    def findings(self) -> Iterator[Problem]:
        for claim in self.claims.values():
            if claim.kind == "allegation":
                yield from self.unanswered(claim)
            sourcing = list(self.sourcing(claim)) if claim.kind != "background" else []
            yield from sourcing
            # a reply comes from the party answering by nature: its interest is no finding
            is_reply = any(self.live(r) for r in self.c.relations_from(claim.id, Relation.RESPONSES))
            if claim.kind in EXAMINED and not is_reply:
                yield from self.backing(claim, second_hand=any(p.code == "second-hand-only" for p in sourcing))
        for review in self.c.reviews.values():
            if review.claim not in self.claims or (not self.include_drafts and review.status != "published"):
                continue
            yield from self.verdict(review.claim, review.id)

    def unanswered(self, claim: Claim) -> Iterator[Problem]:
        responses = [r for r in self.c.relations_to(claim.id, {"responds-to", "denies", "contradicts"}) if self.live(r) and r.by]
        for i, subject in enumerate(claim.subjects):
            if self.affiliated(claim.speaker, subject):
                continue
            answered = any(self.affiliated(self.c.claims[r.by].speaker, subject) for r in responses if r.by in self.c.claims)
            if answered:
                continue
            asked = [com for com in self.c.comments.values() if com.subject == subject and (not com.claims or claim.id in com.claims)]
            if asked:
                continue
            yield self.finding(
                "unanswered-accusation",
                claim,
                f"the allegation by {self.name(claim.speaker)} about {self.name(subject)} has no response or denial from "
                f"{self.name(subject)} and no recorded request for comment (add a relation of type denies or responds-to, "
                f"or a comments record: asked, declined or not-reached)",
                "subjects",
                i,
            )

    def backing(self, claim: Claim, *, second_hand: bool) -> Iterator[Problem]:
        backers = self.backers(claim)
        interests = []
        for party, _ in backers:
            why = self.interested(self.c.sources.get(party), claim)
            interests.append((party, why))
        parties = sorted({p for p, _ in backers})
        if all(why for _, why in interests):
            named = "; ".join(f"{self.name(p)} ({why.rstrip('.')})" for p, why in dict(interests).items() if why)
            yield self.finding(
                "interested-party-only",
                claim,
                f"everything behind this claim comes from parties with a declared interest in it: {named}",
                "speaker",
            )
            return
        if (
            not second_hand
            and claim.kind == "allegation"
            and len(parties) == 1
            and len({tuple(h.source for h in ch) for ch in claim.chains()}) == 1
        ):
            yield self.finding(
                "single-source",
                claim,
                f"this allegation rests on one source, {self.name(parties[0])}, through one attribution chain; nothing else supports it",
                "speaker",
            )

    def sourcing(self, claim: Claim) -> Iterator[Problem]:
        chains = claim.chains()
        if chains and all(len(ch) > 1 for ch in chains):
            via = sorted({self.name(ch[-1].source) for ch in chains})
            yield self.finding(
                "second-hand-only",
                claim,
                f"{self.name(claim.speaker)}'s words are known only through {', '.join(via)}'s report; no document of "
                f"{self.name(claim.speaker)} was seen",
                "appearances",
                0,
                "chain",
            )
        speaker = self.c.sources.get(claim.speaker)
        unnamed_hop = next(
            ((i, j) for i, ch in enumerate(claim.appearances) for j, h in enumerate(ch.chain) if h.mode == "unnamed-source"), None
        )
        if (speaker is not None and speaker.unnamed) or unnamed_hop is not None:
            who = name_in_sentence(speaker, claim.speaker) if speaker is not None and speaker.unnamed else "people who are not named"
            path: tuple[str | int, ...] = ("speaker",) if unnamed_hop is None else ("appearances", unnamed_hop[0], "chain", unnamed_hop[1])
            yield self.finding("unnamed-source", claim, f"this {claim.kind} comes from {who}; readers cannot weigh who said it", *path)

    def verdict(self, claim_id: str, review_id: str) -> Iterator[Problem]:
        claim = self.claims[claim_id]
        review = self.c.reviews[review_id]
        status = self.statuses[claim_id]
        scale = self.c.config.scale(review.scale)
        value = scale.value(review.verdict) if scale else None
        label = value.label if value else review.verdict
        if status is Status.UNVERIFIED:
            yield self.finding(
                "verdict-without-evidence",
                claim,
                f"review {review.id!r} rates this claim {label!r}, but no supporting or contradicting evidence is recorded",
                "id",
            )
        elif value is not None and value.status is not None and OPPOSITE.get(Status(value.status)) is status:
            yield self.finding(
                "verdict-contradicts-evidence",
                claim,
                f"review {review.id!r} rates this claim {label!r} ({value.status}), but the recorded evidence makes it {status}",
                "id",
            )

    # --- disputes ------------------------------------------------------------------------------
    def disputes(self) -> list[Dispute]:
        side: dict[str, int] = {}
        component: dict[str, int] = {}
        edges: dict[str, list[tuple[str, bool]]] = {cid: [] for cid in self.claims}
        has_opposition: set[str] = set()
        for rel in self.c.relations.values():
            if not self.live(rel) or rel.by is None or rel.by not in self.claims or rel.target not in self.claims:
                continue
            if rel.type in Relation.OPPOSING:
                flip = True
                has_opposition.add(rel.target)
            elif rel.type == "supports":
                flip = False
            else:
                continue
            edges[rel.target].append((rel.by, flip))
            edges[rel.by].append((rel.target, flip))
        n = 0
        for start in self.claims:  # corpus order: deterministic
            if start not in has_opposition or start in component:
                continue
            queue = deque([start])
            side[start], component[start] = 0, n
            while queue:
                cur = queue.popleft()
                for other, flip in edges[cur]:
                    if other in component:
                        continue
                    component[other] = n
                    side[other] = side[cur] ^ int(flip)
                    queue.append(other)
            n += 1
        members: list[list[str]] = [[] for _ in range(n)]
        for cid in self.claims:  # one pass, corpus order
            k = component.get(cid)
            if k is not None:
                members[k].append(cid)
        out = []
        for k in range(n):
            a = [cid for cid in members[k] if side[cid] == 0]
            b = [cid for cid in members[k] if side[cid] == 1]
            out.append(self._dispute(k, a, b))
        return out

    def _side(self, claim_ids: list[str]) -> Side:
        parties: list[str] = []
        evidence: list[str] = []
        for cid in claim_ids:
            claim = self.claims[cid]
            if claim.speaker not in parties:
                parties.append(claim.speaker)
            for rel in self.c.supporting(cid):
                if rel.evidence is not None and self.live(rel):
                    evidence.append(rel.id)
                    doc = self.c.documents.get(rel.evidence.document)
                    if doc and doc.publisher and doc.publisher not in parties:
                        parties.append(doc.publisher)
        return Side(claims=tuple(claim_ids), parties=tuple(parties), evidence=tuple(evidence))

    def _dispute(self, k: int, a: list[str], b: list[str]) -> Dispute:
        subjects: list[str] = []
        topics: dict[str, int] = {}
        for cid in a:
            for s in self.claims[cid].subjects:
                if s not in subjects:
                    subjects.append(s)
            for t in self.claims[cid].topics:
                topics[t] = topics.get(t, 0) + 1
        ranked = sorted(topics, key=lambda t: (-topics[t], t))
        about = " and ".join(name_in_sentence(self.c.sources.get(s), s, start=i == 0) for i, s in enumerate(subjects[:2])) or "the record"
        title = f"{topic_label(ranked[0])}: {about}" if ranked else f"Dispute about {about}"
        first = self.statuses[a[0]] if a else Status.UNVERIFIED
        return Dispute(
            id=f"dispute-{k + 1}",
            title=title,
            subjects=tuple(subjects),
            topics=tuple(ranked),
            assertion=self._side(a),
            response=self._side(b),
            status=first,
        )


def analyse(corpus: Corpus, *, include_drafts: bool = False, claims: Iterable[str] | None = None) -> BalanceReport:
    """Balance findings, statuses and disputes for ``corpus`` (optionally only some claims)."""
    an = _Analyser(corpus, include_drafts, set(claims) if claims is not None else None)
    findings = sorted(_locate(corpus, list(an.findings())), key=Problem.sort_key)
    return BalanceReport(findings=tuple(findings), statuses=an.statuses, disputes=tuple(an.disputes()))


def _locate(corpus: Corpus, findings: list[Problem]) -> list[Problem]:
    from claimcheck.loader import locate_problems

    return locate_problems(findings, corpus)
