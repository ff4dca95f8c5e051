"""What every page is built from: the published part of the corpus, its balance analysis, and the
small pieces (links, claim summaries, evidence items) that the pages share.

Every page shows one view of the corpus (:meth:`Corpus.view`): drafts are left out unless
``include_drafts``, and a relation is shown only when every claim it names is shown, so no page
links to a page that was not built.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property

from claimcheck.analysis.attribution import sentence
from claimcheck.analysis.balance import BalanceReport, Dispute, analyse
from claimcheck.analysis.status import Status
from claimcheck.core.dates import PartialDate
from claimcheck.core.problems import Problem
from claimcheck.core.version import __version__
from claimcheck.model import Claim, CommentRequest, Relation, Review
from claimcheck.model.corpus import Corpus
from claimcheck.publish.urls import http_url, record_page
from claimcheck.render.site import context as cx

STATUS_LABELS = {
    Status.SUPPORTED: "Supported",
    Status.CONTRADICTED: "Contradicted",
    Status.CONTESTED: "Contested",
    Status.UNVERIFIED: "Unverified",
}
STATUS_EXPLANATIONS = {
    Status.SUPPORTED: "Recorded evidence supports this claim and nothing recorded contradicts it.",
    Status.CONTRADICTED: "Recorded evidence contradicts this claim and nothing recorded supports it.",
    Status.CONTESTED: (
        "The record holds both sides: items for this claim and items against it, or a denial that no independent "
        "evidence settles either way."
    ),
    Status.UNVERIFIED: "No supporting or contradicting evidence is recorded for this claim.",
}
RELATION_LABELS = {
    "supports": "supports",
    "contradicts": "contradicts",
    "denies": "denies",
    "responds-to": "responds to",
    "qualifies": "qualifies",
    "context": "gives context to",
}
RELATION_NOUNS = {
    "supports": "support",
    "contradicts": "contradiction",
    "denies": "denial",
    "responds-to": "response",
    "qualifies": "qualification",
    "context": "context",
}
#: How a hop's words reach the next link, ``{next}`` naming it.
MODE_WORDS = {
    "direct-quote": "quoted directly by {next}",
    "paraphrase": "paraphrased by {next}",
    "cites-document": "cited by {next} from",
    "unnamed-source": "passed to {next} by people who were not named",
}
OUTCOMES = {"asked": "was asked for comment", "declined": "declined to comment", "not-reached": "could not be reached for comment"}


def words(slug: str) -> str:
    """``government-body`` → ``government body``."""
    return slug.replace("-", " ")


def human(date: PartialDate | None) -> str | None:
    """A date in words at its real precision, or ``None``."""
    return date.human() if date is not None else None


class SiteData:
    """The published corpus and the analysis the pages are built from."""

    def __init__(self, corpus: Corpus, *, include_drafts: bool = False) -> None:
        #: What the site shows: the corpus as published (or whole, with drafts).
        self.view = corpus.view(include_drafts=include_drafts)
        self.corpus = self.view
        self.include_drafts = include_drafts
        self.claims: dict[str, Claim] = self.view.claims
        self.drafts_excluded = self.view.drafts_excluded
        self.report: BalanceReport = analyse(corpus, include_drafts=include_drafts)
        self.site = cx.Site(
            title=corpus.config.title or "claimcheck report",
            description=corpus.config.description,
            generator=f"claimcheck {__version__}",
        )
        self._summaries: dict[str, cx.ClaimSummary] = {}

    # ---- what is shown --------------------------------------------------------------------
    def live(self, rel: Relation) -> bool:
        """Whether a relation is shown (it is in the view)."""
        return self.view.relations.get(rel.id) is rel

    @cached_property
    def relations(self) -> list[Relation]:
        """The shown relations, in corpus order."""
        return [r for r in self.corpus.relations.values() if self.live(r)]

    @cached_property
    def order(self) -> dict[str, int]:
        """Each shown claim's position in corpus order."""
        return {cid: i for i, cid in enumerate(self.claims)}

    @cached_property
    def children(self) -> dict[str, list[Claim]]:
        """The shown sub-claims of each claim, in corpus order."""
        out: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims.values():
            if claim.parent:
                out[claim.parent].append(claim)
        return out

    @cached_property
    def citing(self) -> dict[str, list[Claim]]:
        """The shown claims whose attribution chain cites each document, in corpus order."""
        out: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.claims.values():
            for doc in dict.fromkeys(h.document for app in claim.appearances for h in app.chain if h.document):
                out[doc].append(claim)
        return out

    @cached_property
    def findings_by_claim(self) -> dict[str, list[Problem]]:
        """The balance findings, by the claim they are about."""
        out: dict[str, list[Problem]] = defaultdict(list)
        for f in self.report.findings:
            if f.record is not None:
                out[f.record].append(f)
        return out

    @cached_property
    def disputes_by_claim(self) -> dict[str, list[tuple[Dispute, str]]]:
        """The disputes each claim is part of, with its side (``asserting`` or ``responding``)."""
        out: dict[str, list[tuple[Dispute, str]]] = defaultdict(list)
        for d in self.report.disputes:
            for cid in d.assertion.claims:
                out[cid].append((d, "asserting"))
            for cid in d.response.claims:
                out[cid].append((d, "responding"))
        return out

    def reviews_of(self, claim_id: str) -> list[Review]:
        """The shown reviews of a claim, oldest first."""
        return self.view.reviews_of(claim_id)

    def status(self, claim_id: str) -> Status:
        """The evidence-derived status of a shown claim."""
        return self.report.statuses.get(claim_id, Status.UNVERIFIED)

    # ---- links -------------------------------------------------------------------------------
    def source_link(self, source_id: str) -> cx.Link:
        """A link to a source's page (text only for an unknown id)."""
        src = self.corpus.sources.get(source_id)
        if src is None:
            return cx.Link(text=source_id)
        return cx.Link(text=src.name, href=record_page("source", source_id))

    def document_link(self, document_id: str) -> cx.Link:
        """A link to a document's page (text only for an unknown id)."""
        doc = self.corpus.documents.get(document_id)
        if doc is None:
            return cx.Link(text=document_id)
        return cx.Link(text=doc.title, href=record_page("document", document_id))

    def claim_link(self, claim_id: str) -> cx.Link:
        """A link to a shown claim's page (text only when it is not shown)."""
        claim = self.claims.get(claim_id)
        if claim is None:
            return cx.Link(text=claim_id)
        return cx.Link(text=claim.text, href=record_page("claim", claim_id))

    @staticmethod
    def external(url: str | None, text: str) -> cx.Link | None:
        """An outside link when ``url`` is http(s); other URLs are kept as text; ``None`` without a URL."""
        if url is None:
            return None
        safe = http_url(url)
        return cx.Link(text=text, href=safe, external=True) if safe else cx.Link(text=f"{text} ({url})")

    # ---- claims ------------------------------------------------------------------------------
    def summary(self, claim_id: str) -> cx.ClaimSummary:
        """A shown claim as it is listed."""
        if claim_id not in self._summaries:
            claim = self.claims[claim_id]
            status = self.status(claim_id)
            self._summaries[claim_id] = cx.ClaimSummary(
                id=claim.id,
                link=self.claim_link(claim_id),
                text=" ".join(claim.text.split()),
                sentence=sentence(self.corpus, claim, claim.appearances[0] if claim.appearances else None),
                speaker=self.source_link(claim.speaker),
                kind=claim.kind,
                date=human(claim.date),
                status=str(status),
                status_label=STATUS_LABELS[status],
                draft=not claim.published,
            )
        return self._summaries[claim_id]

    def summaries(self, claims: Iterable[Claim]) -> tuple[cx.ClaimSummary, ...]:
        """Summaries of the shown claims among ``claims``, by date (undated last), then corpus order."""
        order = self.order
        shown = [c for c in claims if c.id in self.claims]
        shown.sort(key=lambda c: (*date_key(c.date), order[c.id]))
        return tuple(self.summary(c.id) for c in shown)

    def item(self, rel: Relation) -> cx.EvidenceItem:
        """A shown relation as an evidence item."""
        ev = rel.evidence
        return cx.EvidenceItem(
            id=rel.id,
            type=rel.type,
            label=RELATION_LABELS.get(rel.type, words(rel.type)),
            noun=RELATION_NOUNS.get(rel.type, words(rel.type)),
            claim=self.summary(rel.by) if rel.by else None,
            target=self.summary(rel.target),
            quote=" ".join(ev.quote.split()) if ev else None,
            document=self.document_link(ev.document) if ev else None,
            locator=ev.locator if ev else None,
            note=rel.note,
        )

    def items(self, relations: Iterable[Relation]) -> tuple[cx.EvidenceItem, ...]:
        """The shown relations among ``relations`` as evidence items, in corpus order."""
        return tuple(self.item(r) for r in relations if self.live(r))

    def comment(self, com: CommentRequest) -> cx.CommentItem:
        """A right-of-reply record for display."""
        return cx.CommentItem(
            id=com.id,
            subject=self.source_link(com.subject),
            outcome=OUTCOMES.get(com.outcome, words(com.outcome)),
            asked=human(com.asked),
            date=human(com.date),
            document=self.document_link(com.document) if com.document else None,
            claims=tuple(self.claim_link(c) for c in com.claims if c in self.claims),
            note=com.note,
        )

    # ---- indexes: each page looks up what concerns it instead of scanning the corpus ----------
    @cached_property
    def _comments_index(self) -> tuple[dict[str, list[CommentRequest]], dict[str, list[CommentRequest]]]:
        by_claim: dict[str, list[CommentRequest]] = defaultdict(list)
        general: dict[str, list[CommentRequest]] = defaultdict(list)  # naming no claim: by subject
        for com in self.corpus.comments.values():
            for cid in com.claims:
                by_claim[cid].append(com)
            if not com.claims:
                general[com.subject].append(com)
        return by_claim, general

    @cached_property
    def comments_by_subject(self) -> dict[str, list[CommentRequest]]:
        """Comment requests by the subject asked, in corpus order."""
        out: dict[str, list[CommentRequest]] = defaultdict(list)
        for com in self.corpus.comments.values():
            out[com.subject].append(com)
        return out

    @cached_property
    def comments_by_document(self) -> dict[str, list[CommentRequest]]:
        """Comment requests by the document recording them."""
        out: dict[str, list[CommentRequest]] = defaultdict(list)
        for com in self.corpus.comments.values():
            if com.document:
                out[com.document].append(com)
        return out

    @cached_property
    def members(self) -> dict[str, list[str]]:
        """The sources affiliated with each source, in corpus order."""
        out: dict[str, list[str]] = defaultdict(list)
        for src in self.corpus.sources.values():
            for aff in src.affiliations:
                out[aff].append(src.id)
        return out

    @cached_property
    def documents_of(self) -> dict[str, list[str]]:
        """The documents each source published or wrote, in corpus order."""
        out: dict[str, list[str]] = defaultdict(list)
        for doc in self.corpus.documents.values():
            for sid in dict.fromkeys((doc.publisher, *doc.authors)):
                if sid:
                    out[sid].append(doc.id)
        return out

    @cached_property
    def answers_by(self) -> dict[str, list[Relation]]:
        """The shown responses and denials, by the speaker who made them."""
        out: dict[str, list[Relation]] = defaultdict(list)
        for r in self.relations:
            if r.type in Relation.RESPONSES and r.by is not None:
                out[self.claims[r.by].speaker].append(r)
        return out

    @cached_property
    def quoted_from(self) -> dict[str, list[tuple[int, Claim | None, Relation | None]]]:
        """Per document, in corpus order: (appearance index, claim, None) for each quote of a shown
        claim, then (-1, None, relation) for each quoted piece of evidence."""
        out: dict[str, list[tuple[int, Claim | None, Relation | None]]] = defaultdict(list)
        for claim in self.claims.values():
            for i, app in enumerate(claim.appearances):
                out[app.document].append((i, claim, None))
        for rel in self.relations:
            if rel.evidence is not None:
                out[rel.evidence.document].append((-1, None, rel))
        return out

    def comments_on(self, claim: Claim) -> tuple[cx.CommentItem, ...]:
        """Requests for comment covering a claim: naming it, or (naming none) every allegation about the subject."""
        by_claim, general = self._comments_index
        found = list(by_claim.get(claim.id, ()))
        if claim.kind == "allegation":
            for subject in claim.subjects:
                found += general.get(subject, ())
        if len(found) > 1:
            found.sort(key=lambda c: self._comment_order[c.id])
        return tuple(self.comment(com) for com in dict.fromkeys(found))

    @cached_property
    def _comment_order(self) -> dict[str, int]:
        return {cid: i for i, cid in enumerate(self.corpus.comments)}


def date_key(date: PartialDate | None) -> tuple[int, int, int]:
    """A sort key putting undated last: (undated?, earliest day, latest day), open ends at the extremes."""
    if date is None:
        return (1, 0, 0)
    lo, hi = date.sort_key()
    return (0, lo.toordinal(), hi.toordinal())
