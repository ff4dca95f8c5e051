"""The built-in balance checks, each a :class:`~claimcheck.analysis.checks.Check` (the rules are
stated in ``docs/balance.md``)."""

from __future__ import annotations

from collections.abc import Iterator

from claimcheck.analysis.attribution import join_words, name_in_sentence, possessive
from claimcheck.analysis.checks import Check, CheckContext
from claimcheck.analysis.status import OPPOSITE, Status
from claimcheck.core.problems import Problem
from claimcheck.model.records import Claim, Relation

__all__ = ["BUILTIN", "EXAMINED"]

#: Claim kinds whose backing is examined (background, actions and denials are not).
EXAMINED = frozenset({"allegation", "assertion", "assessment", "prediction"})


def unanswered(ctx: CheckContext, claim: Claim) -> Iterator[Problem]:
    responses = [r for r in ctx.c.relations_to(claim.id, {"responds-to", "denies", "contradicts"}) if r.by]
    for i, subject in enumerate(claim.subjects):
        if ctx.affiliated(claim.speaker, subject):
            continue
        answered = any(ctx.affiliated(ctx.c.claims[r.by].speaker, subject) for r in responses if r.by in ctx.c.claims)
        if answered:
            continue
        asked = [com for com in ctx.c.comments.values() if com.subject == subject and (not com.claims or claim.id in com.claims)]
        if asked:
            continue
        yield ctx.finding(
            "unanswered-accusation",
            claim,
            f"the allegation by {ctx.name(claim.speaker)} about {ctx.name(subject)} has no response or denial from "
            f"{ctx.name(subject)} and no recorded request for comment",
            "subjects",
            i,
        )


def backing(ctx: CheckContext, claim: Claim, *, second_hand: bool) -> Iterator[Problem]:
    backers = ctx.backers(claim)
    interests = []
    for party, _ in backers:
        why = ctx.interested(ctx.c.sources.get(party), claim)
        interests.append((party, why))
    parties = sorted({p for p, _ in backers})
    if all(why for _, why in interests):
        named = "; ".join(f"{ctx.name(p)}: {why[:1].lower()}{why[1:].rstrip('.')}" for p, why in dict(interests).items() if why)
        yield ctx.finding(
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
        yield ctx.finding(
            "single-source",
            claim,
            f"this allegation rests on one source, {ctx.name(parties[0])}, through one attribution chain; nothing else supports it",
            "speaker",
        )


def sourcing(ctx: CheckContext, claim: Claim) -> Iterator[Problem]:
    chains = claim.chains()
    if chains and all(len(ch) > 1 for ch in chains):
        via = sorted({ctx.name(ch[-1].source) for ch in chains})
        reports = f"{possessive(via[0])} report" if len(via) == 1 else f"{join_words(possessive(v) for v in via)} reports"
        yield ctx.finding(
            "second-hand-only",
            claim,
            f"{possessive(ctx.name(claim.speaker))} words are known only through {reports}; no document of "
            f"{ctx.name(claim.speaker)} was seen",
            "appearances",
            0,
            "chain",
        )
    speaker = ctx.c.sources.get(claim.speaker)
    unnamed_hop = next(
        ((i, j) for i, ch in enumerate(claim.appearances) for j, h in enumerate(ch.chain) if h.mode == "unnamed-source"), None
    )
    if (speaker is not None and speaker.unnamed) or unnamed_hop is not None:
        who = name_in_sentence(speaker, claim.speaker) if speaker is not None and speaker.unnamed else "people who are not named"
        path: tuple[str | int, ...] = ("speaker",) if unnamed_hop is None else ("appearances", unnamed_hop[0], "chain", unnamed_hop[1])
        yield ctx.finding("unnamed-source", claim, f"this {claim.kind} comes from {who}; readers cannot weigh who said it", *path)


def verdict(ctx: CheckContext, claim_id: str, review_id: str) -> Iterator[Problem]:
    claim = ctx.claims[claim_id]
    review = ctx.c.reviews[review_id]
    status = ctx.statuses[claim_id]
    scale = ctx.c.config.scale(review.scale)
    value = scale.value(review.verdict) if scale else None
    label = value.label if value else review.verdict
    if status is Status.UNVERIFIED:
        yield ctx.finding(
            "verdict-without-evidence",
            claim,
            f"review {review.id!r} rates this claim {label!r}, but no supporting or contradicting evidence is recorded",
            "id",
        )
    elif value is not None and value.status is not None and OPPOSITE.get(Status(value.status)) is status:
        yield ctx.finding(
            "verdict-contradicts-evidence",
            claim,
            f"review {review.id!r} rates this claim {label!r} ({value.status}), but the recorded evidence makes it {status}",
            "id",
        )


def right_of_reply(ctx: CheckContext) -> Iterator[Problem]:
    """Every allegation is answered by the parties it concerns, or they were asked."""
    for claim in ctx.claims.values():
        if claim.kind == "allegation":
            yield from unanswered(ctx, claim)


def provenance(ctx: CheckContext) -> Iterator[Problem]:
    """What each claim rests on: second-hand or unnamed sources, interested parties only, one source."""
    for claim in ctx.claims.values():
        found = list(sourcing(ctx, claim)) if claim.kind != "background" else []
        yield from found
        # a reply comes from the party answering by nature: its interest is no finding
        is_reply = bool(ctx.c.relations_from(claim.id, Relation.RESPONSES))
        if claim.kind in EXAMINED and not is_reply:
            yield from backing(ctx, claim, second_hand=any(p.code == "second-hand-only" for p in found))


def verdicts(ctx: CheckContext) -> Iterator[Problem]:
    """Each verdict has evidence and does not contradict it."""
    for review in ctx.c.reviews.values():
        if review.claim in ctx.claims:
            yield from verdict(ctx, review.claim, review.id)


BUILTIN = (
    Check(
        name="right-of-reply", description="every allegation is answered by the parties it concerns, or they were asked", run=right_of_reply
    ),
    Check(name="provenance", description="what each claim rests on: second-hand, unnamed, interested or single sources", run=provenance),
    Check(name="verdicts", description="every verdict rests on evidence and agrees with it", run=verdicts),
)
