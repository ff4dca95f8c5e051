"""Source-attributed briefs: the context the templates receive, and the rendering.

Every claim is rendered as one attributed sentence (:func:`claimcheck.analysis.attribution.sentence`), with
its verbatim quotes and numbered citations, the evidence passages quoted about it and the requests
for comment that cover it. Each dispute shows its assertion side and its response side with the
same structure and prominence; background is kept apart. Every document named anywhere in the brief
(where a claim appears, the report or letter an attribution chain cites, a quoted passage, a request
for comment) is cited. Two audiences: ``editor`` (the default) closes with the balance findings, each
naming its claim by its sentence, with what to do and where; ``reader`` states the sourcing of each
claim plainly instead and holds no instruction. Output is deterministic: no clock, stable order.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import attrs

from claimcheck.analysis.attribution import name_in_sentence, sentence, topic_label
from claimcheck.analysis.balance import BalanceReport, Dispute, Side, analyse
from claimcheck.analysis.disputes import SideFigures, dispute_figures
from claimcheck.analysis.provenance import Provenance
from claimcheck.core.atomic import write_text
from claimcheck.core.errors import UsageError
from claimcheck.core.outputs import refuse_corpus_output
from claimcheck.core.problems import CATALOGUE, Problem
from claimcheck.model import Claim, CommentRequest
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Appearance, Correction
from claimcheck.model.selection import Selection
from claimcheck.publish.notes import (
    AUDIENCES,
    BRIEF_FORMATS,
    OUTCOMES,
    editor_fix,
    join_words,
    language_name,
    reader_notes,
    unanswered_subjects,
    where,
)
from claimcheck.render.templates import environment, template_errors

FORMATS = {fmt: f"brief.{fmt}.j2" for fmt in BRIEF_FORMATS}
NOUNS = {
    "supports": "Support",
    "contradicts": "Contradiction",
    "denies": "Denial",
    "qualifies": "Qualification",
    "context": "Context",
    "responds-to": "Response",
}
#: A descriptive title, recorded when the document's own is not known (docs/format.md).
UNTITLED = "(title not given)"


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
    corrections: tuple[str, ...] = ()


@attrs.define(frozen=True, kw_only=True)
class QuoteView:
    """A verbatim quote and the citation number of its document; for a translation, the original words and
    who translated them; ``also`` lists the other documents carrying the same words from the same origin."""

    text: str
    citation: int
    locator: str | None
    original: str | None = None
    translation: str | None = None
    corrections: tuple[str, ...] = ()
    also: tuple[int, ...] = ()


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
class EvidenceView:
    """A passage of a document quoted as evidence about a claim: what it does, the words, the citation."""

    noun: str
    text: str
    citation: int
    locator: str | None


@attrs.define(frozen=True, kw_only=True)
class CommentView:
    """A request for comment covering a claim, and what came of it."""

    subject: str
    outcome: str
    asked: str | None
    date: str | None
    citation: int | None
    note: str | None

    @property
    def sentence(self) -> str:
        """``SMIC declined to comment (asked 25 September 2020), 26 September 2020.``"""
        asked = f" (asked {self.asked})" if self.asked else ""
        date = f", {self.date}" if self.date else ""
        return f"{self.subject[:1].upper()}{self.subject[1:]} {self.outcome}{asked}{date}."


@attrs.define(frozen=True, kw_only=True)
class ClaimView:
    """A claim as the brief shows it: one attributed sentence, its quotes, status and verdict, the
    evidence quoted about it, the requests for comment covering it and (for readers) its sourcing."""

    id: str
    sentence: str
    kind: str
    date: str | None
    status: str
    quotes: tuple[QuoteView, ...]
    verdicts: tuple[VerdictView, ...]
    context: tuple[str, ...]
    workflow: str = "published"
    citations: tuple[int, ...] = ()
    evidence: tuple[EvidenceView, ...] = ()
    comments: tuple[CommentView, ...] = ()
    notes: tuple[str, ...] = ()
    unanswered: str | None = None

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
    """A balance finding in plain words, naming its claim by its attributed sentence, with what to do and where."""

    code: str
    title: str
    severity: str
    claim: str | None
    sentence: str | None
    message: str
    fix: str
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
    audience: str
    scope: str | None
    drafts_excluded: int
    drafts_included: int
    claim_count: int
    disputes: tuple[DisputeView, ...]
    unanswered: tuple[ClaimView, ...]
    disputed: frozenset[str]
    others: tuple[TopicGroup, ...]
    background: tuple[ClaimView, ...]
    findings: tuple[FindingView, ...]
    citations: tuple[Citation, ...]


class _Builder:
    def __init__(self, corpus: Corpus, report: BalanceReport, claim_ids: list[str], audience: str) -> None:
        self.c = corpus
        self.report = report
        self.claim_ids = claim_ids
        self.audience = audience
        self.citations: dict[str, Citation] = {}
        self.provenance = Provenance(corpus)
        self.findings: dict[str, list[Problem]] = {}
        for f in report.findings:
            if f.record is not None:
                self.findings.setdefault(f.record, []).append(f)
        self.general: dict[str, list[CommentRequest]] = {}
        self.named: dict[str, list[CommentRequest]] = {}
        for com in corpus.comments.values():
            for cid in com.claims:
                self.named.setdefault(cid, []).append(com)
            if not com.claims:
                self.general.setdefault(com.subject, []).append(com)

    def cite(self, doc_id: str) -> int:
        if doc_id not in self.citations:
            doc = self.c.documents.get(doc_id)
            publisher = name_in_sentence(self.c.sources.get(doc.publisher), doc.publisher) if doc and doc.publisher else None
            title = doc.title if doc else doc_id
            self.citations[doc_id] = Citation(
                number=len(self.citations) + 1,
                id=doc_id,
                title=title.removesuffix(UNTITLED).rstrip() or title,
                kind=doc.kind if doc else "document",
                publisher=publisher,
                date=doc.date.human() if doc and doc.date else None,
                url=doc.url if doc else None,
                seen=doc.seen if doc else True,
                corrections=tuple(_correction(c) for c in doc.corrections) if doc else (),
            )
        return self.citations[doc_id].number

    def claim(self, cid: str) -> ClaimView:
        claim = self.c.claims[cid]
        # words carried by several documents from one origin (a wire story reprinted) are printed once
        by_origin: dict[tuple[str, ...], list[Appearance]] = {}
        for app in claim.appearances:
            by_origin.setdefault(self.provenance.knowing(claim, app).origin, []).append(app)
        quotes = []
        for apps in by_origin.values():
            first = apps[0]
            original = first.original
            quotes.append(
                QuoteView(
                    text=" ".join(first.quote.split()),
                    citation=self.cite(first.document),
                    locator=first.locator,
                    original=" ".join(original.text.split()) if original else None,
                    translation=self._translation(original.language, first.translated_by) if original else None,
                    corrections=tuple(_correction(c) for c in first.corrections),
                    also=tuple(dict.fromkeys(self.cite(a.document) for a in apps[1:] if a.document != first.document)),
                )
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
        # every document the attributed sentence names ("in a letter", "a report by ...") is cited
        for app in claim.appearances:
            for hop in app.chain:
                if hop.document:
                    self.cite(hop.document)
        numbers = [n for q in quotes for n in (q.citation, *q.also)]
        numbers += [self.citations[h.document].number for a in claim.appearances for h in a.chain if h.document]
        evidence = []
        for rel in self.c.relations_to(cid):
            if rel.evidence is not None:
                ev = rel.evidence
                evidence.append(
                    EvidenceView(
                        noun=NOUNS.get(rel.type, rel.type),
                        text=" ".join(ev.quote.split()),
                        citation=self.cite(ev.document),
                        locator=ev.locator,
                    )
                )
        found = self.findings.get(cid, [])
        silent = unanswered_subjects(claim, found)
        return ClaimView(
            id=cid,
            sentence=sentence(self.c, claim, claim.appearances[0] if claim.appearances else None),
            kind=claim.kind,
            date=claim.date.human() if claim.date else None,
            status=str(self.report.statuses.get(cid, "unverified")),
            quotes=tuple(quotes),
            verdicts=tuple(verdicts),
            context=claim.context,
            workflow=claim.status,
            citations=tuple(dict.fromkeys(numbers)),
            evidence=tuple(evidence),
            comments=self.comments(claim),
            notes=reader_notes(self.c, claim, found, self.provenance) if self.audience == "reader" else (),
            unanswered=join_words(name_in_sentence(self.c.sources.get(s), s) for s in silent) or None,
        )

    def _translation(self, language: str, translator: str | None) -> str:
        by = f" by {name_in_sentence(self.c.sources.get(translator), translator)}" if translator else ""
        return f"translated from {language_name(language)}{by}"

    def comments(self, claim: Claim) -> tuple[CommentView, ...]:
        found = list(self.named.get(claim.id, ()))
        if claim.kind == "allegation":
            for subject in claim.subjects:
                found += self.general.get(subject, ())
        out = []
        for com in dict.fromkeys(found):
            out.append(
                CommentView(
                    subject=name_in_sentence(self.c.sources.get(com.subject), com.subject),
                    outcome=OUTCOMES.get(com.outcome, com.outcome.replace("-", " ")),
                    asked=com.asked.human() if com.asked else None,
                    date=com.date.human() if com.date else None,
                    citation=self.cite(com.document) if com.document else None,
                    note=" ".join(
                        part
                        for part in (
                            f"Asked through {name_in_sentence(self.c.sources.get(com.asked_via), com.asked_via)}." if com.asked_via else "",
                            f"Why: {com.reason.rstrip('.')}." if com.reason else "",
                            "Its answer: " + "; ".join(sentence(self.c, self.c.claims[r]) for r in com.replies if r in self.c.claims)
                            if any(r in self.c.claims for r in com.replies)
                            else "",
                            com.note or "",
                        )
                        if part
                    )
                    or None,
                )
            )
        return tuple(out)

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


def _correction(c: Correction) -> str:
    """``Corrected 11 April 2025: An earlier version misstated … (was: “12,400 lead service lines”)``."""
    verb = {"correction": "Corrected", "update": "Updated", "clarification": "Clarified"}.get(c.kind, c.kind.capitalize())
    was = f" (was: “{c.before}”)" if c.before else ""
    return f"{verb} {c.date.human()}: {(c.note or '').rstrip('.')}{was}".rstrip(": ")


def select(corpus: Corpus, selection: Selection | None = None, *, include_drafts: bool = False) -> tuple[list[str], int]:
    """The ids of the claims a brief covers, in corpus order, and how many selected drafts were left out."""
    sel = selection or Selection()
    view = corpus.view(include_drafts=include_drafts)
    ids = [c.id for c in sel.apply(view)]
    drafts = 0 if view is corpus else len(sel.apply(corpus)) - len(ids)
    return ids, drafts


def build_context(
    corpus: Corpus,
    selection: Selection | None = None,
    *,
    include_drafts: bool = False,
    report: BalanceReport | None = None,
    audience: str = "editor",
) -> BriefContext:
    """The context a brief template receives: disputes, allegations without a response, other claims,
    background, findings and citations, for the selected claims; ``audience`` is ``editor`` (the
    findings with what to do and where) or ``reader`` (each claim's sourcing in plain words, no findings)."""
    if audience not in AUDIENCES:
        raise UsageError(f"unknown audience {audience!r}: expected one of {', '.join(AUDIENCES)}")
    ids, drafts = select(corpus, selection, include_drafts=include_drafts)
    report = report or analyse(corpus, include_drafts=include_drafts, claims=ids)
    published = corpus
    corpus = corpus.view(include_drafts=include_drafts)
    b = _Builder(corpus, report, ids, audience)
    disputes = tuple(b.dispute(d) for d in report.disputes)
    in_dispute = {v.id for d in disputes for v in (*d.assertion.claims, *d.response.claims)}
    unanswered_ids = {f.record for f in report.findings if f.code == "unanswered-accusation"}
    # every allegation the balance check flags, those inside a dispute too (another party concerned has not answered)
    unanswered = tuple(b.claim(cid) for cid in ids if cid in unanswered_ids)
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
    findings = (
        tuple(
            FindingView(
                code=f.code,
                title=CATALOGUE[f.code].title,
                severity=str(f.severity),
                claim=f.record,
                sentence=b.claim(f.record).sentence if f.record in corpus.claims else None,
                message=f.message.rstrip("."),
                fix=(f.hint or editor_fix(f.code)).rstrip("."),
                where=where(corpus, f.file, f.line),
            )
            for f in report.findings
        )
        if audience == "editor"
        else ()
    )
    return BriefContext(
        title=corpus.config.title or "Brief",
        description=corpus.config.description,
        audience=audience,
        scope=(selection or Selection()).describe(),
        drafts_excluded=drafts,
        drafts_included=sum(1 for cid in ids if not published.claims[cid].published),
        claim_count=len(ids),
        disputes=disputes,
        unanswered=unanswered,
        disputed=frozenset(in_dispute),
        others=tuple(TopicGroup(topic=topic_label(t), claims=tuple(v)) for t, v in sorted(groups.items())),
        background=tuple(background),
        findings=findings,
        citations=tuple(sorted(b.citations.values(), key=lambda c: c.number)),
    )


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
    with template_errors(env):
        return env.get_template(FORMATS[fmt]).render(brief=context, name_in_sentence=name_in_sentence)


def write_brief(
    corpus: Corpus,
    out: str | os.PathLike[str],
    fmt: str | None = None,
    *,
    selection: Selection | None = None,
    include_drafts: bool = False,
    templates: str | os.PathLike[str] | None = None,
    audience: str = "editor",
) -> Path:
    """Render the brief and write it atomically to ``out``; the format defaults to the file's suffix.
    Raises :class:`~claimcheck.core.errors.OutputError`, writing nothing, when ``out`` is inside the corpus."""
    path = Path(out)
    refuse_corpus_output(path, [corpus], what="the brief")
    fmt = fmt or brief_format(path)
    text = render_brief(build_context(corpus, selection, include_drafts=include_drafts, audience=audience), fmt, templates=templates)
    write_text(path, text)
    return path
