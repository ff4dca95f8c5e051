"""What every page is built from: the published part of the corpus, its balance analysis, and the
small pieces (links, claim summaries, evidence items) that the pages share.

Every page shows one view of the corpus (:meth:`Corpus.view`): drafts are left out unless
``include_drafts``, and a relation is shown only when every claim it names is shown, so no page
links to a page that was not built.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cached_property

from claimcheck.analysis.attribution import name_in_sentence, sentence, topic_label
from claimcheck.analysis.balance import BalanceReport, Dispute, analyse
from claimcheck.analysis.provenance import Provenance
from claimcheck.analysis.status import Status
from claimcheck.core.dates import PartialDate
from claimcheck.core.errors import UsageError
from claimcheck.core.problems import Problem
from claimcheck.core.version import __version__
from claimcheck.model import Claim, CommentRequest, Document, RatingScale, Relation, Review
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Correction as ModelCorrection
from claimcheck.publish.notes import AUDIENCES, OUTCOMES
from claimcheck.publish.urls import http_url, listing_page, map_page, record_page, timeline_page
from claimcheck.render.site import context as cx
from claimcheck.render.site import plan

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


#: A record id inside prose: lowercase words joined by hyphens, not part of a path or an address.
_ID = re.compile(r"(?<![\w/.#-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w/-])")
#: Marks a descriptive title: the document's own title is not known (docs/format.md).
UNTITLED = "(title not given)"


def words(slug: str) -> str:
    """``government-body`` → ``government body``."""
    return slug.replace("-", " ")


def human(date: PartialDate | None) -> str | None:
    """A date in words at its real precision, or ``None``."""
    return date.human() if date is not None else None


class SiteData:
    """The published corpus and the analysis the pages are built from."""

    def __init__(
        self,
        corpus: Corpus,
        *,
        include_drafts: bool = False,
        audience: str = "reader",
        base_url: str | None = None,
        date: PartialDate | None = None,
    ) -> None:
        if audience not in AUDIENCES:
            raise UsageError(f"unknown audience {audience!r}: expected one of {', '.join(AUDIENCES)}")
        #: What the site shows: the corpus as published (or whole, with drafts).
        self.view = corpus.view(include_drafts=include_drafts)
        self.corpus = self.view
        self.include_drafts = include_drafts
        #: ``reader`` (the published site) or ``editor`` (adds the findings, with what to do and where).
        self.audience = audience
        self.base_url = base_url
        #: The site's publication date, when one is given (pages carry no clock time otherwise).
        self.date = date
        self.claims: dict[str, Claim] = self.view.claims
        self.drafts_excluded = self.view.drafts_excluded
        self.report: BalanceReport = analyse(corpus, include_drafts=include_drafts)
        #: Who answers for whom and where each claim's words come from, computed once for every page.
        self.provenance = Provenance(self.view)
        self.site = cx.Site(
            title=corpus.config.title or "claimcheck report",
            description=corpus.config.description,
            generator=f"claimcheck {__version__}",
            audience=audience,
            base_url=base_url,
            date=date.human() if date is not None else None,
        )
        self._summaries: dict[str, cx.ClaimSummary] = {}
        #: Maps drawn by earlier builds, by the digest of what they were drawn from (``graph.drawing_key``): SVG and width.
        self.drawings: dict[str, tuple[str, int]] = {}
        #: The maps this build drew or reused, to be kept for the next.
        self.drawn: dict[str, tuple[str, int]] = {}

    @property
    def editor(self) -> bool:
        """Whether this is the editors' view (findings shown, with what to do and where)."""
        return self.audience == "editor"

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
    def source_link(self, source_id: str, *, short: bool = False) -> cx.Link:
        """A link to a source's page (text only for an unknown id); ``short`` names it as a sentence
        does ("SMIC", "the Pentagon"), so that a card does not repeat a full legal name."""
        src = self.corpus.sources.get(source_id)
        if src is None:
            return cx.Link(text=source_id)
        text = name_in_sentence(src, source_id, start=True) if short else src.name
        return cx.Link(text=text, href=record_page("source", source_id))

    def document_link(self, document_id: str) -> cx.Link:
        """A link to a document's page (text only for an unknown id)."""
        doc = self.corpus.documents.get(document_id)
        if doc is None:
            return cx.Link(text=document_id)
        return cx.Link(text=self.document_title(doc), href=record_page("document", document_id))

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
        """A shown claim as it is listed: its verdict (the latest shown review) and status at a glance,
        and, for a reply, what kind of reply it is instead of a bare status."""
        if claim_id not in self._summaries:
            claim = self.claims[claim_id]
            status = self.status(claim_id)
            reviews = self.reviews_of(claim_id)
            self._summaries[claim_id] = cx.ClaimSummary(
                id=claim.id,
                link=self.claim_link(claim_id),
                text=" ".join(claim.text.split()),
                sentence=sentence(self.corpus, claim, claim.appearances[0] if claim.appearances else None),
                speaker=self.source_link(claim.speaker, short=True),
                kind=claim.kind,
                date=human(claim.date),
                status=str(status),
                status_label=STATUS_LABELS[status],
                verdict=self.badge(reviews[-1]) if reviews else None,
                reply=self.reply_label(claim),
                draft=not claim.published,
            )
        return self._summaries[claim_id]

    def scale(self, review: Review) -> RatingScale | None:
        """The rating scale a review uses (its own, or the default)."""
        return self.corpus.config.scale(review.scale)

    def badge(self, review: Review) -> cx.Badge:
        """A review's verdict at a glance: its label, and its place on the scale as a tone (low, middle, high)."""
        scale = self.scale(review)
        value = scale.value(review.verdict) if scale else None
        if scale is None or value is None:
            return cx.Badge(
                label=review.verdict, rating=None, best=None, worst=None, tone="none", scale=review.scale or "no declared scale"
            )
        best, worst = scale.best.rating, scale.worst.rating
        position = (value.rating - worst) / (best - worst) if best != worst else 0.5
        tone = "low" if position < 1 / 3 else "high" if position > 2 / 3 else "middle"
        return cx.Badge(label=value.label, rating=value.rating, best=best, worst=worst, tone=tone, scale=scale.name)

    def reply_label(self, claim: Claim) -> str | None:
        """``Denial`` or ``Response`` for a claim that answers another (a reply is not "unverified": it is a reply)."""
        answers = self.replies_from.get(claim.id, ())
        if any(r.type == "denies" for r in answers) or (claim.kind == "denial" and not answers):
            return "Denial"
        return "Response" if answers else None

    @cached_property
    def replies_from(self) -> dict[str, list[Relation]]:
        """The shown responses and denials, by the claim that makes them."""
        out: dict[str, list[Relation]] = defaultdict(list)
        for r in self.relations:
            if r.type in Relation.RESPONSES and r.by is not None:
                out[r.by].append(r)
        return out

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
            note=self.prose(rel.note),
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
            note=self.prose(com.note),
            via=self.source_link(com.asked_via, short=True) if com.asked_via else None,
            reason=self.prose(com.reason),
            replies=tuple(self.claim_link(c) for c in com.replies if c in self.claims),
        )

    def correction(self, c: ModelCorrection) -> cx.Correction:
        """A correction, update or clarification for display."""
        return cx.Correction(
            date=c.date.human(),
            kind=c.kind,
            note=self.prose(c.note) or (f"was: {c.before}" if c.before else ""),
            before=c.before,
            after=c.after,
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
    def carried_by(self) -> dict[str, list[str]]:
        """The documents that reprint or are based on each document, in corpus order."""
        out: dict[str, list[str]] = defaultdict(list)
        for doc in self.corpus.documents.values():
            for up in dict.fromkeys(((doc.reprints,) if doc.reprints else ()) + doc.based_on):
                out[up].append(doc.id)
        return out

    @cached_property
    def represented_by(self) -> dict[str, list[str]]:
        """The sources that are part of, or speak for, each source, in corpus order."""
        out: dict[str, list[str]] = defaultdict(list)
        for src in self.corpus.sources.values():
            for body in dict.fromkeys((*src.part_of, *src.represents)):
                out[body].append(src.id)
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

    # ---- which page holds what (claimcheck.render.site.plan) --------------------------------------
    @cached_property
    def topic_groups(self) -> dict[str, list[str]]:
        """The claims in no dispute, by their first topic ("" for none), topics in label order, "" last."""
        in_dispute = {c for d in self.report.disputes for c in (*d.assertion.claims, *d.response.claims)}
        groups: dict[str, list[str]] = defaultdict(list)
        for claim in self.claims.values():
            if claim.id not in in_dispute:
                groups[claim.topics[0] if claim.topics else ""].append(claim.id)
        return {t: groups[t] for t in sorted(groups, key=lambda t: (t == "", topic_label(t)))}

    @cached_property
    def index_plan(self) -> list[list[plan.Block]]:
        """The index's pages and what each holds."""
        order = self.order
        return plan.index_pages(self.report.disputes, self.topic_groups, lambda c: (*date_key(self.claims[c].date), order[c]))

    @cached_property
    def _index_page_of(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for n, blocks in enumerate(self.index_plan, 1):
            for block in blocks:
                out.setdefault(f"{block.kind}:{block.key}", n)
        return out

    def index_page_of(self, dispute_id: str) -> str:
        """The index page holding a dispute."""
        return listing_page("index", self._index_page_of.get(f"dispute:{dispute_id}", 1))

    def topic_page_of(self, topic: str) -> str:
        """The index page where a topic's group starts."""
        return listing_page("index", self._index_page_of.get(f"topic:{topic}", 1))

    @cached_property
    def timeline_groups(self) -> dict[str, list[str]]:
        """The dated entries (``claim-<id>``, ``document-<id>``) by month (or year), each in date order."""
        return plan.timeline_entries(list(self.claims.values()), list(self.corpus.documents.values()))

    @cached_property
    def timeline_plan(self) -> list[plan.TimelinePart]:
        """The timeline's parts: the dated ones in date order, then the undated claims."""
        undated = [c.id for c in sorted((c for c in self.claims.values() if c.date is None), key=lambda c: self.order[c.id])]
        return plan.timeline_parts(self.timeline_groups) + plan.undated_parts(undated)

    @cached_property
    def _part_of(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for part in self.timeline_plan:
            for group, entries in part.groups:
                for key in entries:
                    out[key if group != "undated" else f"claim-{key}"] = part.key
        return out

    def timeline_anchor(self, claim: Claim) -> str:
        """A claim's place on the timeline: ``timeline/2020-09.html#claim-<id>`` (or among the undated)."""
        part = self._part_of.get(f"claim-{claim.id}")
        return f"{timeline_page(part)}#claim-{claim.id}" if part else timeline_page()

    @cached_property
    def map_edges(self) -> list[tuple[str, str, Relation]]:
        """Every edge the maps draw."""
        return plan.edges(self.relations, set(self.corpus.documents))

    @cached_property
    def map_edges_from(self) -> dict[str, list[int]]:
        """The positions in :attr:`map_edges` of the edges leaving each node, so a map finds its own in its members' lists."""
        out: dict[str, list[int]] = defaultdict(list)
        for i, (a, _b, _rel) in enumerate(self.map_edges):
            out[a].append(i)
        return out

    @cached_property
    def dispute_number(self) -> dict[str, int]:
        """Each dispute's position in the balance report, by its id."""
        return {d.id: i for i, d in enumerate(self.report.disputes)}

    @cached_property
    def map_plan(self) -> list[plan.Cluster]:
        """The maps: one per dispute (with the claims related to it), one per other cluster of related claims."""
        return plan.clusters(list(self.claims), self.map_edges, self.report.disputes)

    @cached_property
    def _map_of(self) -> dict[str, str]:
        return {k: cluster.key for cluster in self.map_plan for k in cluster.members}

    def map_link(self, node: str) -> cx.Link | None:
        """A link to a claim's box on its map, or ``None`` for a claim with no relation."""
        key = self._map_of.get(node)
        if not key:
            return None
        text = "The map of this dispute" if key.startswith("dispute-") else "The map of the claims related to it"
        return cx.Link(text=text, href=f"{map_page(key)}#node-{node.replace(':', '-')}")

    def dispute_map(self, dispute_id: str) -> cx.Link:
        """A link to the map a dispute is drawn on."""
        first = next((c for c in self.map_plan if dispute_id in c.disputes), None)
        return cx.Link(text="Map of this dispute", href=map_page(first.key if first else dispute_id))

    @cached_property
    def _names(self) -> dict[str, str]:
        """What to call each record a note may name by its id: a party by its name, a document by its title, a claim by its words."""
        out: dict[str, str] = {}
        for src in self.corpus.sources.values():
            out[src.id] = src.name
        for doc in self.corpus.documents.values():
            out[doc.id] = f"“{self.document_title(doc)}”"
        for claim in self.corpus.claims.values():
            out[claim.id] = f"the claim “{' '.join(claim.text.split()).rstrip('.')}”"
        for rel in self.corpus.relations.values():
            out.setdefault(rel.id, "the relation recorded between these claims")
        for rev in self.corpus.reviews.values():
            out.setdefault(rev.id, f"the review by {rev.reviewer}")
        for com in self.corpus.comments.values():
            out.setdefault(com.id, "the request for comment")
        return out

    def prose(self, text: str | None) -> str | None:
        """An editor's note as readers see it: a record named by its id ("see commerce-letter") is named in words instead."""
        if not text:
            return text
        names = self._names
        return _ID.sub(lambda m: names.get(m[0], m[0]), text)

    @staticmethod
    def document_title(doc: Document) -> str:
        """A document's title as shown: a descriptive title marked "(title not given)" is shown without the mark."""
        return doc.title.removesuffix(UNTITLED).rstrip() or doc.title

    @cached_property
    def _comment_order(self) -> dict[str, int]:
        return {cid: i for i, cid in enumerate(self.corpus.comments)}


def date_key(date: PartialDate | None) -> tuple[int, int, int]:
    """A sort key putting undated last: (undated?, earliest day, latest day), open ends at the extremes."""
    if date is None:
        return (1, 0, 0)
    lo, hi = date.sort_key()
    return (0, lo.toordinal(), hi.toordinal())
