"""Source-attributed briefs: the context the templates receive, and the rendering.

Every claim is rendered as one attributed sentence (:func:`claimcheck.analysis.attribution.sentence`), with
its verbatim quotes and numbered citations. Each dispute shows its assertion side and its
response side with the same structure and prominence; background is kept apart; the balance
findings and figures close the brief. Output is deterministic: no clock, stable order.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import attrs

from claimcheck.analysis.attribution import name_in_sentence, sentence, topic_label
from claimcheck.analysis.balance import BalanceReport, Dispute, Side, analyse
from claimcheck.analysis.disputes import SideFigures, dispute_figures
from claimcheck.core.atomic import write_text
from claimcheck.core.errors import UsageError
from claimcheck.core.problems import CATALOGUE
from claimcheck.model import Claim
from claimcheck.model.corpus import Corpus
from claimcheck.model.selection import Selection
from claimcheck.render.templates import environment

FORMATS = {"md": "brief.md.j2", "html": "brief.html.j2", "txt": "brief.txt.j2"}


@attrs.define(frozen=True, kw_only=True)
class Citation:
    """A document cited by the brief, numbered in order of first citation."""

    number: int
    id: str
    title: str
    kind: str
    publisher: str | None
    date: str | None
    url: str | None
    seen: bool


@attrs.define(frozen=True, kw_only=True)
class QuoteView:
    """A verbatim quote and the citation number of its document."""

    text: str
    citation: int
    locator: str | None


@attrs.define(frozen=True, kw_only=True)
class VerdictView:
    """An editor's verdict, shown apart from the evidence-derived status."""

    label: str
    rating: int | None
    best: int | None
    worst: int | None
    rationale: str
    reviewer: str
    date: str


@attrs.define(frozen=True, kw_only=True)
class ClaimView:
    """A claim as the brief shows it: one attributed sentence, its quotes, status and verdict."""

    id: str
    sentence: str
    kind: str
    date: str | None
    status: str
    quotes: tuple[QuoteView, ...]
    verdicts: tuple[VerdictView, ...]
    context: tuple[str, ...]
    workflow: str = "published"

    @property
    def words(self) -> int:
        """Words the brief gives this claim: its sentence and its quotes."""
        return len(self.sentence.split()) + sum(len(q.text.split()) for q in self.quotes)


@attrs.define(frozen=True, kw_only=True)
class SideView:
    """One side of a dispute, with its figures."""

    claims: tuple[ClaimView, ...]
    parties: tuple[str, ...]
    evidence: int
    words: int


@attrs.define(frozen=True, kw_only=True)
class DisputeView:
    """A contested proposition: the assertions and the responses, with equal prominence."""

    id: str
    title: str
    status: str
    assertion: SideView
    response: SideView
    balance: str


@attrs.define(frozen=True, kw_only=True)
class FindingView:
    """A balance finding in plain words, with where to act on it."""

    code: str
    title: str
    severity: str
    claim: str | None
    message: str
    where: str


@attrs.define(frozen=True, kw_only=True)
class TopicGroup:
    """Claims outside any dispute, grouped under their first topic."""

    topic: str
    claims: tuple[ClaimView, ...]


@attrs.define(frozen=True, kw_only=True)
class BriefContext:
    """Everything a brief template receives (as ``brief``)."""

    title: str
    description: str | None
    scope: str | None
    drafts_excluded: int
    drafts_included: int
    claim_count: int
    disputes: tuple[DisputeView, ...]
    unanswered: tuple[ClaimView, ...]
    others: tuple[TopicGroup, ...]
    background: tuple[ClaimView, ...]
    findings: tuple[FindingView, ...]
    citations: tuple[Citation, ...]


class _Builder:
    def __init__(self, corpus: Corpus, report: BalanceReport, claim_ids: list[str]) -> None:
        self.c = corpus
        self.report = report
        self.claim_ids = claim_ids
        self.citations: dict[str, Citation] = {}

    def cite(self, doc_id: str) -> int:
        if doc_id not in self.citations:
            doc = self.c.documents.get(doc_id)
            publisher = name_in_sentence(self.c.sources.get(doc.publisher), doc.publisher) if doc and doc.publisher else None
            self.citations[doc_id] = Citation(
                number=len(self.citations) + 1,
                id=doc_id,
                title=doc.title if doc else doc_id,
                kind=doc.kind if doc else "document",
                publisher=publisher,
                date=doc.date.human() if doc and doc.date else None,
                url=doc.url if doc else None,
                seen=doc.seen if doc else True,
            )
        return self.citations[doc_id].number

    def claim(self, cid: str) -> ClaimView:
        claim = self.c.claims[cid]
        quotes = tuple(
            QuoteView(text=" ".join(a.quote.split()), citation=self.cite(a.document), locator=a.locator) for a in claim.appearances
        )
        verdicts = []
        for review in self.c.reviews_of(cid):
            scale = self.c.config.scale(review.scale)
            value = scale.value(review.verdict) if scale else None
            verdicts.append(
                VerdictView(
                    label=value.label if value else review.verdict,
                    rating=value.rating if value else None,
                    best=scale.best.rating if scale else None,
                    worst=scale.worst.rating if scale else None,
                    rationale=review.rationale,
                    reviewer=review.reviewer,
                    date=review.date.human(),
                )
            )
        return ClaimView(
            id=cid,
            sentence=sentence(self.c, claim, claim.appearances[0] if claim.appearances else None),
            kind=claim.kind,
            date=claim.date.human() if claim.date else None,
            status=str(self.report.statuses.get(cid, "unverified")),
            quotes=quotes,
            verdicts=tuple(verdicts),
            context=claim.context,
            workflow=claim.status,
        )

    def side(self, side: Side, figures: SideFigures) -> SideView:
        for rid in side.evidence:
            ev = self.c.relations[rid].evidence
            if ev is not None:
                self.cite(ev.document)
        return SideView(
            claims=tuple(self.claim(cid) for cid in side.claims), parties=figures.parties, evidence=figures.evidence, words=figures.words
        )

    def dispute(self, d: Dispute) -> DisputeView:
        fig = dispute_figures(self.c, d)
        return DisputeView(
            id=d.id,
            title=d.title,
            status=str(d.status),
            assertion=self.side(d.assertion, fig.assertion),
            response=self.side(d.response, fig.response),
            balance=fig.balance,
        )


def select(corpus: Corpus, selection: Selection | None = None, *, include_drafts: bool = False) -> tuple[list[str], int]:
    """The ids of the claims a brief covers, in corpus order, and how many selected drafts were left out."""
    sel = selection or Selection()
    view = corpus.view(include_drafts=include_drafts)
    ids = [c.id for c in sel.apply(view)]
    drafts = 0 if view is corpus else len(sel.apply(corpus)) - len(ids)
    return ids, drafts


def build_context(
    corpus: Corpus, selection: Selection | None = None, *, include_drafts: bool = False, report: BalanceReport | None = None
) -> BriefContext:
    """The context a brief template receives: disputes, one-sided allegations, other claims,
    background, findings and citations, for the selected claims."""
    ids, drafts = select(corpus, selection, include_drafts=include_drafts)
    report = report or analyse(corpus, include_drafts=include_drafts, claims=ids)
    published = corpus
    corpus = corpus.view(include_drafts=include_drafts)
    b = _Builder(corpus, report, ids)
    disputes = tuple(b.dispute(d) for d in report.disputes)
    in_dispute = {v.id for d in disputes for v in (*d.assertion.claims, *d.response.claims)}
    unanswered_ids = {f.record for f in report.findings if f.code == "unanswered-accusation"}
    unanswered = tuple(b.claim(cid) for cid in ids if cid in unanswered_ids and cid not in in_dispute)
    shown = in_dispute | {v.id for v in unanswered}
    groups: dict[str, list[ClaimView]] = {}
    background = []
    for cid in sorted((i for i in ids if i not in shown), key=lambda i: _date_key(corpus.claims[i])):
        claim = corpus.claims[cid]
        if claim.kind == "background":
            background.append(b.claim(cid))
        else:
            topic = claim.topics[0] if claim.topics else "other"
            groups.setdefault(topic, []).append(b.claim(cid))
    findings = tuple(
        FindingView(
            code=f.code,
            title=CATALOGUE[f.code].title,
            severity=str(f.severity),
            claim=f.record,
            message=f.message,
            where=_where(corpus, f.file, f.line),
        )
        for f in report.findings
    )
    return BriefContext(
        title=corpus.config.title or "Brief",
        description=corpus.config.description,
        scope=(selection or Selection()).describe(),
        drafts_excluded=drafts,
        drafts_included=sum(1 for cid in ids if not published.claims[cid].published),
        claim_count=len(ids),
        disputes=disputes,
        unanswered=unanswered,
        others=tuple(TopicGroup(topic=topic_label(t), claims=tuple(v)) for t, v in sorted(groups.items())),
        background=tuple(background),
        findings=findings,
        citations=tuple(sorted(b.citations.values(), key=lambda c: c.number)),
    )


def _where(corpus: Corpus, file: str | None, line: int | None) -> str:
    """``claims/story.yaml:12``: relative to the corpus folder, so a brief reads the same wherever the corpus lives."""
    if not file:
        return ""
    try:
        shown = (Path(corpus.root.resolve().name) / Path(file).resolve().relative_to(corpus.root.resolve())).as_posix()
    except ValueError:
        shown = file
    return f"{shown}:{line}" if line else shown


def _date_key(claim: Claim) -> tuple[dt.date, dt.date, str]:
    if claim.date is None:
        return (dt.date.max, dt.date.max, claim.id)
    return (*claim.date.sort_key(), claim.id)


def brief_format(path: str | os.PathLike[str]) -> str:
    """The brief format a file name asks for by its suffix (``md`` when it says nothing)."""
    return {".md": "md", ".html": "html", ".htm": "html", ".txt": "txt"}.get(Path(path).suffix.lower(), "md")


def render_brief(context: BriefContext, fmt: str = "md", *, templates: str | os.PathLike[str] | None = None) -> str:
    """The brief as text in ``fmt`` (md, html or txt)."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown brief format {fmt!r}: expected one of {', '.join(FORMATS)}")
    env = environment("brief", templates, autoescape=fmt == "html")
    return env.get_template(FORMATS[fmt]).render(brief=context, name_in_sentence=name_in_sentence)


def write_brief(
    corpus: Corpus,
    out: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    selection: Selection | None = None,
    include_drafts: bool = False,
    templates: str | os.PathLike[str] | None = None,
) -> Path:
    """Render the brief and write it atomically to ``out``; the format defaults to the file's suffix."""
    path = Path(out)
    fmt = fmt or brief_format(path)
    text = render_brief(build_context(corpus, selection, include_drafts=include_drafts), fmt, templates=templates)
    write_text(path, text)
    return path
