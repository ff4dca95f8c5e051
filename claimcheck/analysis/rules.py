"""The built-in balance checks, each a :class:`~claimcheck.analysis.checks.Check`.

The rules, stated precisely in ``docs/balance.md``:

* **right of reply**: an allegation about a subject is answered when a party that answers for the
  subject replied (a responds-to, denies or contradicts relation, or a comment request's replies), or
  was asked for comment (any outcome but not-asked). Otherwise `unanswered-accusation`; a subject not
  asked for a recorded reason is a note (`reply-not-sought`).
* **provenance** of allegations, assertions, assessments and predictions (not background, actions or
  replies): `unnamed-source`, `second-hand-only` (every appearance through intermediaries or unseen
  documents, and no independent first-hand backing), `interested-party-only` (every party behind it has
  an interest leaning its way), `outlet-only` (the outlet's own word and nothing else), `single-source`
  (one independent party, one origin, about someone other than the speaker), `single-origin` (several
  documents, one origin);
* **verdicts**: `verdict-without-evidence` (nothing independent of the dispute's parties bears on the
  reviewed claim), `verdict-contradicts-evidence`;
* **duplicates**: `possible-duplicate` (unrelated claims of one speaker or subject saying nearly the same).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from claimcheck.analysis.checks import Check, CheckContext
from claimcheck.analysis.provenance import Knowing
from claimcheck.analysis.status import OPPOSITE, Status
from claimcheck.core.problems import Problem
from claimcheck.model.records import Claim, CommentRequest, Relation

__all__ = ["ANSWERS", "BUILTIN", "EXAMINED"]

#: Claim kinds whose provenance is examined (background, actions and denials are not).
EXAMINED = frozenset({"allegation", "assertion", "assessment", "prediction"})
#: Relations by which a party answers a claim.
ANSWERS = frozenset({"responds-to", "denies", "contradicts"})


def _quoted(ctx: CheckContext, claim: Claim) -> str:
    """The claim as it is named in a message: its attributed sentence, without the final full stop."""
    return ctx.sentence(claim).rstrip(".")


def _list(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# ---- right of reply ------------------------------------------------------------------------------
def _requests(ctx: CheckContext, claim: Claim, subject: str) -> list[CommentRequest]:
    """The comment requests covering ``claim`` made to a party that answers for ``subject``."""
    by_subject = ctx.prov.comments_by_subject()
    return [
        com
        for party in sorted(ctx.prov.answerers(subject))
        for com in by_subject.get(party, ())
        if not com.claims or claim.id in com.claims
    ]


def unanswered(ctx: CheckContext, claim: Claim) -> Iterator[Problem]:
    """An allegation's subjects who have neither replied nor been asked."""
    repliers = [ctx.view.claims[r.by].speaker for r in ctx.view.relations_to(claim.id, ANSWERS) if r.by in ctx.view.claims]
    for i, subject in enumerate(claim.subjects):
        if ctx.prov.answers_for(claim.speaker, subject):
            continue  # the subject's own word about itself is not an accusation owed a reply
        if any(ctx.prov.answers_for(who, subject) for who in repliers):
            continue
        requests = _requests(ctx, claim, subject)
        if any(com.outcome != "not-asked" for com in requests):
            continue
        if any(set(com.replies) for com in requests):
            continue
        if requests:
            reasons = "; ".join(com.reason or "no reason recorded" for com in requests)
            yield ctx.finding(
                "reply-not-sought",
                claim,
                f"{_quoted(ctx, claim)}: {ctx.name(subject)} was not asked to answer it, for this reason: {reasons}",
                "subjects",
                i,
            )
            continue
        yield ctx.finding(
            "unanswered-accusation",
            claim,
            f"{_quoted(ctx, claim)}: {ctx.name(subject)} has not answered it and was not asked to",
            "subjects",
            i,
            hint=f"record {ctx.name(subject)}'s reply (a relation of type denies or responds-to) or the request for comment "
            "(a comments record: asked, answered, declined, not-reached or no-response)",
        )


def right_of_reply(ctx: CheckContext) -> Iterator[Problem]:
    """Every allegation is answered by the parties it concerns, or they were asked."""
    for claim in ctx.claims.values():
        if claim.kind == "allegation":
            yield from unanswered(ctx, claim)


# ---- provenance ------------------------------------------------------------------------------------
def _self_statement(ctx: CheckContext, claim: Claim) -> bool:
    """A claim whose every subject the speaker answers for: its word about itself (its own actions,
    plans, position or fields), which is first-hand by nature."""
    return bool(claim.subjects) and all(ctx.prov.answers_for(claim.speaker, s) for s in claim.subjects)


def _outlet(ctx: CheckContext, claim: Claim) -> bool:
    """Whether the claim is the outlet's own word: its speaker publishes every document it appears in."""
    publishers = ctx.prov.publishers(claim)
    return bool(publishers) and all(ctx.prov.answers_for(claim.speaker, p) for p in publishers) and len(claim.appearances) > 0


def _unnamed(ctx: CheckContext, claim: Claim, knowings: list[Knowing]) -> Iterator[Problem]:
    speaker_unnamed = not ctx.prov.named(claim.speaker)
    hop = next(
        (
            (i, j)
            for i, app in enumerate(claim.appearances)
            for j, h in enumerate(app.chain)
            if h.mode == "unnamed-source" and not ctx.prov.named_hop(h.source)
        ),
        None,
    )
    if not speaker_unnamed and hop is None:
        return
    who = ctx.name(claim.speaker) if speaker_unnamed else f"people at {ctx.name(claim.speaker)} who are not named"
    path: tuple[str | int, ...] = ("speaker",) if hop is None else ("appearances", hop[0], "chain", hop[1])
    yield ctx.finding(
        "unnamed-source",
        claim,
        f"{_quoted(ctx, claim)}: it comes from {who}, so readers cannot weigh who said it",
        *path,
        hint="name the source, or say in the claim's note why anonymity was granted and what the source is placed to know",
    )


def _second_hand(ctx: CheckContext, claim: Claim, knowings: list[Knowing]) -> Iterator[Problem]:
    if not knowings or any(k.first_hand for k in knowings):
        return
    # independent first-hand backing: the claim does not rest on the second-hand report alone
    for party, by, _ in ctx.prov.supporters(claim):
        if by is not None and not ctx.prov.same_side(party, claim.speaker) and ctx.prov.first_hand(by):
            return
    through = sorted({ctx.name(i) for k in knowings for i in k.intermediaries})
    unseen = [ctx.view.documents[d].title for d in dict.fromkeys(d for k in knowings for d in k.unseen) if d in ctx.view.documents]
    routes = []
    if through:
        routes.append(_list([f"{n}'s report" for n in through]))
    if unseen:
        routes.append(f"{'a document' if len(unseen) == 1 else 'documents'} nobody here has seen ({'; '.join(unseen)})")
    yield ctx.finding(
        "second-hand-only",
        claim,
        f"{_quoted(ctx, claim)}: {ctx.name(claim.speaker)}'s words are known only through {' and '.join(routes)}",
        "appearances",
        0,
        "chain" if claim.appearances and claim.appearances[0].chain else "document",
        hint="find the first-hand source (the speaker's own statement or document) or independent support",
    )


def _single_origin(ctx: CheckContext, claim: Claim, knowings: list[Knowing]) -> Iterator[Problem]:
    documents = {a.document for a in claim.appearances}
    origins = {k.origin for k in knowings}
    if len(documents) > 1 and len(origins) == 1:
        (origin,) = origins
        roots = [ctx.view.documents[d].title if d in ctx.view.documents else d for d in origin]
        yield ctx.finding(
            "single-origin",
            claim,
            f"{_quoted(ctx, claim)}: the {len(documents)} documents carrying it all reprint or draw on {_list(roots)}, "
            f"one origin, not {len(documents)} sources",
            "appearances",
        )


def _backing(ctx: CheckContext, claim: Claim, knowings: list[Knowing], *, second_hand: bool) -> Iterator[Problem]:
    prov = ctx.prov
    parties = [claim.speaker, *(p for p, _, _ in prov.supporters(claim))]
    interests = {p: prov.interest(p, claim) for p in dict.fromkeys(parties)}
    if all(interests.values()):
        named = "; ".join(f"{ctx.name(p)} ({i.description.rstrip('.')})" for p, i in interests.items() if i is not None)
        yield ctx.finding(
            "interested-party-only",
            claim,
            f"{_quoted(ctx, claim)}: everything behind it comes from parties with a declared interest leaning its way: {named}",
            "speaker",
            hint="look for support from a party with no stake in the answer",
        )
        return
    independent = prov.independent_backers(claim)
    if len(independent) > 1:
        return
    if _outlet(ctx, claim):
        yield ctx.finding(
            "outlet-only",
            claim,
            f"{_quoted(ctx, claim)}: it is the outlet's own {claim.kind}, and nothing else supports it",
            "speaker",
            hint="attribute it to a source, or support it with evidence",
        )
        return
    if _self_statement(ctx, claim) or second_hand:
        return  # its own word about itself needs no second source; second-hand-only already says what it rests on
    if len({k.origin for k in knowings}) > 1 and len({tuple(h.source for h in a.chain) for a in claim.appearances}) > 1:
        return  # the speaker's words reached the reader by two independent routes
    yield ctx.finding(
        "single-source",
        claim,
        f"{_quoted(ctx, claim)}: it rests on one source, {ctx.name(claim.speaker)}, through one attribution chain",
        "speaker",
        hint="seek a second, independent source or evidence",
    )


def provenance(ctx: CheckContext) -> Iterator[Problem]:
    """What each claim rests on: unnamed, second-hand, interested, the outlet's own, single or single-origin sources."""
    replies = ctx.prov.replies()
    for claim in ctx.claims.values():
        if claim.kind not in EXAMINED or claim.id in replies:
            continue
        knowings = ctx.prov.knowings(claim)
        yield from _unnamed(ctx, claim, knowings)
        second = list(_second_hand(ctx, claim, knowings))
        yield from second
        yield from _backing(ctx, claim, knowings, second_hand=bool(second))
        yield from _single_origin(ctx, claim, knowings)


# ---- verdicts --------------------------------------------------------------------------------------
def _dispute_parties(ctx: CheckContext, claim: Claim) -> list[str]:
    return [claim.speaker, *claim.subjects]


def _independent_items(ctx: CheckContext, claim: Claim) -> list[Relation]:
    """Relations bearing on the claim (for or against) from outside the dispute's own parties."""
    parties = _dispute_parties(ctx, claim)
    out = []
    for rel in ctx.view.relations_to(claim.id, Relation.SUPPORTING | Relation.OPPOSING):
        if rel.by is not None and rel.by in ctx.view.claims:
            who = ctx.view.claims[rel.by].speaker
        elif rel.evidence is not None and (doc := ctx.view.documents.get(rel.evidence.document)) is not None:
            who = doc.publisher or f"document:{doc.id}"
        else:
            continue
        if not any(ctx.prov.same_side(who, p) for p in parties):
            out.append(rel)
    return out


def verdict(ctx: CheckContext, claim_id: str, review_id: str) -> Iterator[Problem]:
    """A verdict needs independent evidence, and should agree with it."""
    claim = ctx.claims[claim_id]
    review = ctx.view.reviews[review_id]
    status = ctx.statuses[claim_id]
    scale = ctx.view.config.scale(review.scale)
    value = scale.value(review.verdict) if scale else None
    label = value.label if value else review.verdict
    if not _independent_items(ctx, claim):
        yield ctx.finding(
            "verdict-without-evidence",
            claim,
            f"{_quoted(ctx, claim)}: {review.reviewer} rates it {label!r}, but nothing independent of the parties to it bears on it",
            "id",
            hint="record the evidence the verdict rests on (a supports or contradicts relation quoting a document)",
        )
    elif value is not None and value.status is not None and OPPOSITE.get(Status(value.status)) is status:
        yield ctx.finding(
            "verdict-contradicts-evidence",
            claim,
            f"{_quoted(ctx, claim)}: {review.reviewer} rates it {label!r} ({value.status}), but the recorded evidence makes it {status}",
            "id",
        )


def verdicts(ctx: CheckContext) -> Iterator[Problem]:
    """Each verdict has evidence and does not contradict it."""
    for review in ctx.view.reviews.values():
        if review.claim in ctx.claims:
            yield from verdict(ctx, review.claim, review.id)


# ---- duplicates ------------------------------------------------------------------------------------
_WORD = re.compile(r"\w+")
#: Two claims are possibly the same when their distinct words overlap this much (Jaccard)...
SIMILAR = 0.8
#: ...or their character trigrams overlap this much (a changed word or two in a long sentence).
CLOSE = 0.75
#: A group (one speaker or one subject) larger than this is compared through word buckets only.
_BUCKET = 50


def _words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(text))


def _grams(text: str) -> frozenset[str]:
    t = " ".join(text.casefold().split())
    return frozenset(t[k : k + 3] for k in range(max(1, len(t) - 2)))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def duplicates(ctx: CheckContext) -> Iterator[Problem]:
    """Unrelated claims of one speaker or one subject saying nearly the same thing."""
    related: set[frozenset[str]] = {frozenset((r.by, r.target)) for r in ctx.view.relations.values() if r.by}
    related |= {frozenset((c.id, c.parent)) for c in ctx.view.claims.values() if c.parent}
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in ctx.claims.values():
        groups[f"speaker:{claim.speaker}"].append(claim)
        for s in claim.subjects:
            groups[f"subject:{s}"].append(claim)
    words = {c.id: _words(c.text) for c in ctx.claims.values()}
    grams: dict[str, frozenset[str]] = {}

    def alike(a: Claim, b: Claim) -> bool:
        jaccard = _jaccard(words[a.id], words[b.id])
        if jaccard >= SIMILAR:
            return True
        if jaccard < SIMILAR / 2:
            return False  # far apart: not worth the character comparison
        ga = grams.setdefault(a.id, _grams(a.text))
        gb = grams.setdefault(b.id, _grams(b.text))
        return _jaccard(ga, gb) >= CLOSE

    reported: set[frozenset[str]] = set()
    for members in groups.values():
        # candidate pairs share their rarest word within the group (near-identical texts always do)
        if len(members) > _BUCKET:
            count: dict[str, int] = defaultdict(int)
            for c in members:
                for w in words[c.id]:
                    count[w] += 1
            buckets: dict[str, list[Claim]] = defaultdict(list)
            for c in members:
                if words[c.id]:
                    buckets[min(words[c.id], key=lambda w: (count[w], w))].append(c)
            batches = list(buckets.values())
        else:
            batches = [members]
        for batch in batches:
            for i, a in enumerate(batch):
                for b in batch[i + 1 :]:
                    pair = frozenset((a.id, b.id))
                    if a.id == b.id or pair in related or pair in reported:
                        continue
                    if words[a.id] and words[b.id] and alike(a, b):
                        reported.add(pair)
                        yield ctx.finding(
                            "possible-duplicate",
                            b,
                            f"{_quoted(ctx, b)}: it says nearly what another claim says: {_quoted(ctx, a)}",
                            "text",
                            hint=f"merge it with claim {a.id} (one claim, with both appearances) or relate the two",
                        )


BUILTIN = (
    Check(
        name="right-of-reply",
        description="every allegation is answered by the parties it concerns, or they were asked",
        run=right_of_reply,
    ),
    Check(
        name="provenance",
        description="what each claim rests on: unnamed, second-hand, interested, the outlet's own, single or single-origin sources",
        run=provenance,
    ),
    Check(name="verdicts", description="every verdict rests on independent evidence and agrees with it", run=verdicts),
    Check(name="duplicates", description="claims that say nearly the same thing", run=duplicates),
)
