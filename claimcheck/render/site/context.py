"""What each template of the site receives: one frozen attrs class per page kind, and the items they hold.

A template gets the fields of its page class as variables (and the whole object as ``page``).
Every path in a :class:`Link` is relative to the site root; templates write ``{{ root }}{{ link.href }}``
(the ``link`` macro does it), so the site works from any sub-path and from ``file://``.
The fields are listed in ``docs/site.md``; a test checks that the list is complete.
"""

from __future__ import annotations

import attrs


@attrs.define(frozen=True, kw_only=True)
class Link:
    """A link: text and target; ``href`` is a path from the site root, an http(s) URL (``external``), or ``None`` (text only)."""

    text: str
    href: str | None = None
    external: bool = False


@attrs.define(frozen=True, kw_only=True)
class Site:
    """What every page shows of the site as a whole."""

    title: str
    description: str | None
    generator: str


@attrs.define(frozen=True, kw_only=True)
class ClaimSummary:
    """A claim as it is listed: the proposition, the attributed sentence, speaker, date and status."""

    id: str
    link: Link
    text: str
    sentence: str
    speaker: Link
    kind: str
    date: str | None
    status: str
    status_label: str
    draft: bool


@attrs.define(frozen=True, kw_only=True)
class Step:
    """One link of an attribution chain: a party (or, last, the document) and how the words passed on."""

    party: Link
    mode: str
    document: Link | None


@attrs.define(frozen=True, kw_only=True)
class QuoteItem:
    """An appearance of a claim: the verbatim quote, where it is, and the attribution chain to it."""

    anchor: str
    quote: str
    document: Link
    document_date: str | None
    locator: str | None
    seen: bool
    steps: tuple[Step, ...]
    sentence: str


@attrs.define(frozen=True, kw_only=True)
class EvidenceItem:
    """A relation shown on a page: another claim, or a quoted passage of a document, bearing on a claim."""

    id: str
    type: str
    label: str
    noun: str
    claim: ClaimSummary | None
    target: ClaimSummary | None
    quote: str | None
    document: Link | None
    locator: str | None
    note: str | None


@attrs.define(frozen=True, kw_only=True)
class CommentItem:
    """A right-of-reply record: who was asked, about which claims, and what came of it."""

    id: str
    subject: Link
    outcome: str
    asked: str | None
    date: str | None
    document: Link | None
    claims: tuple[Link, ...]
    note: str | None


@attrs.define(frozen=True, kw_only=True)
class Correction:
    """A dated correction to a review."""

    date: str
    note: str


@attrs.define(frozen=True, kw_only=True)
class Verdict:
    """An editor's verdict on the claim, on its rating scale; shown apart from the evidence-derived status."""

    id: str
    label: str
    rating: int | None
    best: int | None
    worst: int | None
    scale: str
    description: str | None
    rationale: str
    reviewer: str
    date: str
    url: Link | None
    corrections: tuple[Correction, ...]


@attrs.define(frozen=True, kw_only=True)
class Finding:
    """A balance finding about a claim, in plain words."""

    code: str
    title: str
    message: str
    severity: str


@attrs.define(frozen=True, kw_only=True)
class DisputeClaim:
    """A claim on one side of a dispute, with who answered it and which parties concerned have not."""

    claim: ClaimSummary
    answered_by: tuple[Link, ...]
    unanswered: tuple[Link, ...]


@attrs.define(frozen=True, kw_only=True)
class DisputeSide:
    """One side of a dispute: its parties, its claims and the documents quoted in their support."""

    label: str
    parties: tuple[Link, ...]
    claims: tuple[DisputeClaim, ...]
    evidence: tuple[EvidenceItem, ...]


@attrs.define(frozen=True, kw_only=True)
class Dispute:
    """A contested proposition: the claims asserting it against those contradicting or denying them."""

    id: str
    title: str
    status: str
    status_label: str
    balance: str
    balance_label: str
    assertion: DisputeSide
    response: DisputeSide


@attrs.define(frozen=True, kw_only=True)
class DisputeRef:
    """A pointer from a claim to the dispute it is part of, and on which side."""

    link: Link
    side: str


@attrs.define(frozen=True, kw_only=True)
class TopicGroup:
    """Claims listed under one topic, by date."""

    id: str
    label: str
    claims: tuple[ClaimSummary, ...]


@attrs.define(frozen=True, kw_only=True)
class Interest:
    """A source's declared interest, and what it bears on."""

    description: str
    subjects: tuple[Link, ...]
    topics: tuple[str, ...]


@attrs.define(frozen=True, kw_only=True)
class DocumentQuote:
    """A passage taken from a document, in the document's order, with the claim or relation using it."""

    anchor: str
    quote: str
    locator: str | None
    use: str
    claim: ClaimSummary | None
    target: ClaimSummary | None


@attrs.define(frozen=True, kw_only=True)
class TimelineEntry:
    """A dated claim or document on the timeline."""

    anchor: str
    date: str
    iso: str | None
    kind: str
    link: Link
    detail: str
    status_label: str | None


@attrs.define(frozen=True, kw_only=True)
class TimelineYear:
    """The timeline entries that start in one year (or have an open start)."""

    id: str
    label: str
    entries: tuple[TimelineEntry, ...]


@attrs.define(frozen=True, kw_only=True)
class MapRelation:
    """One edge of the map in words: the claim that bears on another, how, and the other."""

    by: Link
    label: str
    target: Link
    note: str | None


@attrs.define(frozen=True, kw_only=True)
class LegendItem:
    """One entry of the map's legend: an edge style (``kind`` "edge") or a node colour ("node")."""

    kind: str
    marker: str
    stroke: str
    fill: str
    dash: str
    text: str


@attrs.define(frozen=True, kw_only=True)
class Page:
    """Fields every page receives."""

    site: Site
    path: str
    root: str
    title: str
    nav: str
    jsonld: str


@attrs.define(frozen=True, kw_only=True)
class IndexPage(Page):
    """``index.html``: disputes first, then the other claims by topic, then the parties and documents."""

    disputes: tuple[Dispute, ...]
    topics: tuple[TopicGroup, ...]
    sources: tuple[Link, ...]
    documents: tuple[Link, ...]
    claim_count: int
    drafts_excluded: int


@attrs.define(frozen=True, kw_only=True)
class ClaimPage(Page):
    """``claims/<id>.html``: one claim with its chain, quotes, evidence, responses, status and verdict."""

    claim: ClaimSummary
    status_explanation: str
    date_note: str | None
    topics: tuple[str, ...]
    tags: tuple[str, ...]
    subjects: tuple[Link, ...]
    quotes: tuple[QuoteItem, ...]
    supporting: tuple[EvidenceItem, ...]
    opposing: tuple[EvidenceItem, ...]
    responses: tuple[EvidenceItem, ...]
    comments: tuple[CommentItem, ...]
    context_items: tuple[EvidenceItem, ...]
    bears_on: tuple[EvidenceItem, ...]
    verdicts: tuple[Verdict, ...]
    findings: tuple[Finding, ...]
    disputes: tuple[DisputeRef, ...]
    timeline: Link
    parent: ClaimSummary | None
    children: tuple[ClaimSummary, ...]
    context_notes: tuple[str, ...]
    note: str | None
    external: Link | None


@attrs.define(frozen=True, kw_only=True)
class SourcePage(Page):
    """``sources/<id>.html``: what a party claimed, what was claimed about it, its replies and interests."""

    id: str
    name: str
    kind: str
    unnamed: bool
    description: str | None
    url: Link | None
    aliases: tuple[str, ...]
    affiliations: tuple[Link, ...]
    members: tuple[Link, ...]
    interests: tuple[Interest, ...]
    claims_made: tuple[ClaimSummary, ...]
    claims_about: tuple[ClaimSummary, ...]
    responses: tuple[EvidenceItem, ...]
    comments: tuple[CommentItem, ...]
    documents: tuple[Link, ...]
    note: str | None


@attrs.define(frozen=True, kw_only=True)
class DocumentPage(Page):
    """``documents/<id>.html``: a document's metadata and the passages quoted from it, in order (never its full text)."""

    id: str
    kind: str
    publisher: Link | None
    authors: tuple[Link, ...]
    date: str | None
    retrieved: str | None
    url: Link | None
    archive_url: Link | None
    language: str | None
    seen: bool
    note: str | None
    external: Link | None
    quotes: tuple[DocumentQuote, ...]
    cited_by: tuple[ClaimSummary, ...]
    comments: tuple[CommentItem, ...]


@attrs.define(frozen=True, kw_only=True)
class TimelinePage(Page):
    """``timeline.html``: dated claims and documents by date, at their real precision; undated claims apart."""

    years: tuple[TimelineYear, ...]
    undated: tuple[ClaimSummary, ...]


@attrs.define(frozen=True, kw_only=True)
class MapPage(Page):
    """``map.html``: claims and relations as an inline SVG diagram, with the relations in words."""

    svg: str
    legend: tuple[LegendItem, ...]
    relations: tuple[MapRelation, ...]
    isolated: int


@attrs.define(frozen=True, kw_only=True)
class SearchPage(Page):
    """``search.html``: the search form; results come from ``search-index.js``."""

    entries: int


#: Page classes by template name.
PAGE_TEMPLATES: dict[type[Page], str] = {
    IndexPage: "index.html",
    ClaimPage: "claim.html",
    SourcePage: "source.html",
    DocumentPage: "document.html",
    TimelinePage: "timeline.html",
    MapPage: "map.html",
    SearchPage: "search.html",
}

#: Every class whose fields templates see, for the documentation test.
DOCUMENTED: tuple[type, ...] = (
    Page,
    IndexPage,
    ClaimPage,
    SourcePage,
    DocumentPage,
    TimelinePage,
    MapPage,
    SearchPage,
    Site,
    Link,
    ClaimSummary,
    Step,
    QuoteItem,
    EvidenceItem,
    CommentItem,
    Verdict,
    Correction,
    Finding,
    Dispute,
    DisputeSide,
    DisputeClaim,
    DisputeRef,
    TopicGroup,
    Interest,
    DocumentQuote,
    TimelineEntry,
    TimelineYear,
    MapRelation,
    LegendItem,
)
