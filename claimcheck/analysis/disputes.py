"""The figures of each dispute: claims, evidence items, parties and words on each side, and a
sentence saying whether one side is given far more room than the other.

Words are counted as a brief prints them: each claim's attributed sentence and its verbatim quotes,
and each quoted evidence passage. ``claimcheck check`` prints these figures; the brief shows them
under each dispute.
"""

from __future__ import annotations

import attrs

from claimcheck.analysis.attribution import name_in_sentence, sentence
from claimcheck.analysis.balance import BalanceReport, Dispute, Side
from claimcheck.model.corpus import Corpus

__all__ = ["DisputeFigures", "SideFigures", "claim_words", "figures"]

#: A side given this many times the other's words is flagged as possibly under-represented.
IMBALANCE = 2.0


@attrs.define(frozen=True, kw_only=True)
class SideFigures:
    """One side of a dispute in numbers."""

    claims: int
    evidence: int
    parties: tuple[str, ...]
    words: int


@attrs.define(frozen=True, kw_only=True)
class DisputeFigures:
    """A dispute's figures and the sentence that states them."""

    id: str
    title: str
    status: str
    assertion: SideFigures
    response: SideFigures
    balance: str

    def to_dict(self) -> dict[str, object]:
        """The figures as a plain dict (for ``check --format json``)."""
        return {
            "id": self.id,
            "title": self.title,
            "status": self.status,
            "assertion": {**attrs.asdict(self.assertion), "parties": list(self.assertion.parties)},
            "response": {**attrs.asdict(self.response), "parties": list(self.response.parties)},
        }

    def describe(self) -> str:
        """The figures in one paragraph of plain text."""
        return f"{self.title} ({self.status}): {self.balance}"


def claim_words(corpus: Corpus, claim_id: str) -> int:
    """The words a brief gives a claim: its attributed sentence and its quotes."""
    claim = corpus.claims[claim_id]
    first = claim.appearances[0] if claim.appearances else None
    return len(sentence(corpus, claim, first).split()) + sum(len(a.quote.split()) for a in claim.appearances)


def _side(corpus: Corpus, side: Side) -> SideFigures:
    evidence_words = 0
    for rid in side.evidence:
        ev = corpus.relations[rid].evidence
        if ev is not None:
            evidence_words += len(ev.quote.split())
    return SideFigures(
        claims=len(side.claims),
        evidence=len(side.evidence),
        parties=tuple(name_in_sentence(corpus.sources.get(p), p) for p in side.parties),
        words=sum(claim_words(corpus, cid) for cid in side.claims) + evidence_words,
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def balance_sentence(a: SideFigures, b: SideFigures) -> str:
    """``The assertion side has 3 claims and 0 evidence items from …, given 120 words; the response side …``"""

    def side(label: str, s: SideFigures) -> str:
        who = ", ".join(s.parties) or "no party"
        return f"the {label} side has {_count(s.claims, 'claim')} and {_count(s.evidence, 'evidence item')} from {who}, given {_count(s.words, 'word')}"

    first = side("assertion", a)
    text = f"{first[0].upper()}{first[1:]}; {side('response', b)}."
    if not b.claims:
        return text + " No response is recorded."
    ratio = max(a.words, b.words) / max(1, min(a.words, b.words))
    if ratio >= IMBALANCE:
        more = "assertion" if a.words > b.words else "response"
        text += f" The brief gives the {more} side {ratio:.1f} times as many words as the other: consider whether the other side's case is fully represented."
    return text


def dispute_figures(corpus: Corpus, dispute: Dispute) -> DisputeFigures:
    """The figures of one dispute of ``corpus`` (the view it was found in)."""
    a, b = _side(corpus, dispute.assertion), _side(corpus, dispute.response)
    return DisputeFigures(
        id=dispute.id, title=dispute.title, status=str(dispute.status), assertion=a, response=b, balance=balance_sentence(a, b)
    )


def figures(corpus: Corpus, report: BalanceReport, *, include_drafts: bool = False) -> list[DisputeFigures]:
    """The figures of every dispute in ``report`` (found by :func:`~claimcheck.analysis.balance.analyse`
    with the same ``include_drafts``)."""
    view = corpus.view(include_drafts=include_drafts)
    return [dispute_figures(view, d) for d in report.disputes]
