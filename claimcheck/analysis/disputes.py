"""The figures of each dispute: claims, evidence items, parties and words on each side, and a
sentence saying whether one side is given far more room than the other.

Words are counted as a brief prints them: each claim's attributed sentence and its verbatim quotes,
and each quoted evidence passage. ``claimcheck check`` prints these figures; the brief shows them
under each dispute.
"""

from __future__ import annotations

from typing import Any

import attrs

from claimcheck.analysis import cache
from claimcheck.analysis.attribution import name_in_sentence, sentence
from claimcheck.analysis.balance import BalanceReport, Dispute, Side, analyse, kept
from claimcheck.load.loader import Prepared
from claimcheck.model.corpus import Corpus

__all__ = ["DisputeFigures", "SideFigures", "checked", "claim_words", "figures"]

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


def checked(found: Prepared, *, include_drafts: bool = False) -> tuple[BalanceReport, list[DisputeFigures]]:
    """The balance report and the dispute figures of a prepared corpus (:func:`claimcheck.load.loader.prepare`),
    what ``claimcheck check`` prints. When both were kept for these files (:mod:`claimcheck.analysis.cache`)
    they are read without building the corpus's records; else the corpus is analysed, and both kept."""
    summary = found.summary
    k = cache.key_of(summary.view_digests[include_drafts], summary.root, summary.single_file, "figures", f"drafts={include_drafts}")
    report = kept(summary, include_drafts=include_drafts)
    if report is not None and k is not None:
        figs = _figures_from_plain(cache.get(k))
        if figs is not None:
            return report, figs
    corpus = found.corpus()
    report = analyse(corpus, include_drafts=include_drafts)
    figs = figures(corpus, report, include_drafts=include_drafts)
    if k is not None:
        cache.put(k, tuple(_figures_to_plain(f) for f in figs))
    return report, figs


def _side_plain(s: SideFigures) -> tuple[Any, ...]:
    return (s.claims, s.evidence, s.parties, s.words)


def _figures_to_plain(f: DisputeFigures) -> tuple[Any, ...]:
    return (f.id, f.title, f.status, _side_plain(f.assertion), _side_plain(f.response), f.balance)


def _figures_from_plain(value: Any) -> list[DisputeFigures] | None:
    """The figures :func:`_figures_to_plain` made ``value`` from, or ``None`` when it is not such."""
    if value is None:
        return None
    try:
        return [
            DisputeFigures(
                id=i,
                title=t,
                status=st,
                assertion=SideFigures(claims=a[0], evidence=a[1], parties=tuple(a[2]), words=a[3]),
                response=SideFigures(claims=r[0], evidence=r[1], parties=tuple(r[2]), words=r[3]),
                balance=b,
            )
            for i, t, st, a, r, b in value
        ]
    except (TypeError, ValueError, IndexError):  # not figures of this form: computed again
        return None
