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
    audience: str
    base_url: str | None
    date: str | None


@attrs.define(frozen=True, kw_only=True)
class Meta:
    """What a page says about itself to browsers, search engines and link previews."""

    description: str
    canonical: str | None
    og_type: str
    published: str | None
    updated: str | None


@attrs.define(frozen=True, kw_only=True)
class Badge:
    """An editor's verdict at a glance: its label on the declared scale and where it sits on it."""

    label: str
    rating: int | None
    best: int | None
    worst: int | None
    tone: str
    scale: str


@attrs.define(frozen=True, kw_only=True)
class ClaimSummary:
    """A claim as it is listed: the proposition, the attributed sentence, speaker, date, verdict and status."""

    id: str
    link: Link
    text: str
    sentence: str
    speaker: Link
    kind: str
    date: str | None
    status: str
    status_label: str
    verdict: Badge | None
    reply: str | None
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
    original: str | None
    original_language: str | None
    translation: str | None
    corrections: tuple[Correction, ...]


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
    via: Link | None
    reason: str | None
    replies: tuple[Link, ...]


@attrs.define(frozen=True, kw_only=True)
class Correction:
    """A dated correction, update or clarification: of a review, a document or a quote's wording."""

    date: str
    kind: str
    note: str
    before: str | None
    after: str | None


@attrs.define(frozen=True, kw_only=True)
class Verdict:
    """An editor's verdict on the claim, on its rating scale; shown apart from the evidence-derived status."""

    anchor: str
    badge: Badge
    description: str | None
    rationale: str
    reviewer: str
    date: str
    url: Link | None
    corrections: tuple[Correction, ...]


@attrs.define(frozen=True, kw_only=True)
class Finding:
    """A balance finding about a claim, for editors: what it is, what to do, and where."""

    code: str
    title: str
    message: str
    fix: str
    where: str
    severity: str


@attrs.define(frozen=True, kw_only=True)
class Cite:
    """How to cite a page: the text of the citation and the address it names."""

    text: str
    address: str


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
    map: Link


@attrs.define(frozen=True, kw_only=True)
class DisputeRef:
    """A pointer from a claim to the dispute it is part of, and on which side."""

    link: Link
    side: str


@attrs.define(frozen=True, kw_only=True)
class TopicGroup:
    """Claims listed under one topic, by date (``continued`` when the group began on an earlier page)."""

    id: str
    label: str
    claims: tuple[ClaimSummary, ...]
    continued: bool


@attrs.define(frozen=True, kw_only=True)
class PageLink:
    """One page of a paged listing, for the pager: its number, where it is, what it holds."""

    number: int
    href: str
    label: str
    current: bool


@attrs.define(frozen=True, kw_only=True)
class Pager:
    """Where a page sits in its listing: every page, the previous and the next."""

    number: int
    count: int
    pages: tuple[PageLink, ...]
    previous: Link | None
    next: Link | None


@attrs.define(frozen=True, kw_only=True)
class TocEntry:
    """An entry of a table of contents: a group and where it starts."""

    link: Link
    count: int
    detail: str


@attrs.define(frozen=True, kw_only=True)
class Option:
    """A value a filter can take, with how many items have it."""

    value: str
    label: str
    count: int


@attrs.define(frozen=True, kw_only=True)
class Filter:
    """A filter of claim cards: by kind, status or verdict."""

    name: str
    label: str
    options: tuple[Option, ...]


@attrs.define(frozen=True, kw_only=True)
class Interest:
    """A source's declared interest, and what it bears on."""

    description: str
    subjects: tuple[Link, ...]
    topics: tuple[str, ...]
    stance: str | None


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
    claim: ClaimSummary | None


@attrs.define(frozen=True, kw_only=True)
class TimelineGroup:
    """The timeline entries placed in one month (or, for a date known only to the year, in the year)."""

    id: str
    label: str
    entries: tuple[TimelineEntry, ...]


@attrs.define(frozen=True, kw_only=True)
class AxisMark:
    """One month (or the year itself) on the timeline's axis: how many entries it holds and where they are."""

    label: str
    short: str
    count: int
    href: str | None
    x: int
    height: int


@attrs.define(frozen=True, kw_only=True)
class AxisYear:
    """One year of the timeline's axis."""

    id: str
    label: str
    count: int
    marks: tuple[AxisMark, ...]


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
class MapEntry:
    """A map listed on the map overview: what it shows and how big it is."""

    link: Link
    kind: str
    claims: int
    relations: int
    balance_label: str | None
    parties: tuple[str, ...]


@attrs.define(frozen=True, kw_only=True)
class ListItem:
    """An entry of a listing of parties or documents."""

    link: Link
    detail: str


@attrs.define(frozen=True, kw_only=True)
class Page:
    """Fields every page receives."""

    site: Site
    path: str
    root: str
    title: str
    nav: str
    jsonld: str
    meta: Meta


@attrs.define(frozen=True, kw_only=True)
class IndexPage(Page):
    """``index.html`` and ``index-N.html``: the disputes first, then the other claims by topic, paged, with a table of contents."""

    disputes: tuple[Dispute, ...]
    topics: tuple[TopicGroup, ...]
    pager: Pager
    contents: tuple[TocEntry, ...]
    topic_contents: tuple[TocEntry, ...]
    filters: tuple[Filter, ...]
    claim_count: int
    dispute_count: int
    drafts_excluded: int


@attrs.define(frozen=True, kw_only=True)
class ListPage(Page):
    """``parties.html`` and ``documents.html`` (paged): every party or document, by name or date."""

    heading: str
    intro: str
    items: tuple[ListItem, ...]
    pager: Pager


@attrs.define(frozen=True, kw_only=True)
class ClaimPage(Page):
    """``claims/<id>.html``: one claim with its verdict and status, chain, quotes, evidence and replies."""

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
    sourcing: tuple[str, ...]
    findings: tuple[Finding, ...]
    disputes: tuple[DisputeRef, ...]
    map: Link | None
    timeline: Link
    parent: ClaimSummary | None
    children: tuple[ClaimSummary, ...]
    context_notes: tuple[str, ...]
    note: str | None
    external: Link | None
    cite: Cite


@attrs.define(frozen=True, kw_only=True)
class SourcePage(Page):
    """``sources/<id>.html`` (and ``sources/<id>/N.html`` for long lists): what a party claimed, what was claimed about it, its replies."""

    id: str
    name: str
    kind: str
    unnamed: bool
    description: str | None
    url: Link | None
    aliases: tuple[str, ...]
    affiliations: tuple[Link, ...]
    members: tuple[Link, ...]
    part_of: tuple[Link, ...]
    represents: tuple[Link, ...]
    answered_for_by: tuple[Link, ...]
    interests: tuple[Interest, ...]
    claims_made: tuple[ClaimSummary, ...]
    claims_made_count: int
    claims_about: tuple[ClaimSummary, ...]
    claims_about_count: int
    responses: tuple[EvidenceItem, ...]
    comments: tuple[CommentItem, ...]
    documents: tuple[Link, ...]
    note: str | None
    pager: Pager


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
    reprints: Link | None
    based_on: tuple[Link, ...]
    carried_by: tuple[Link, ...]
    corrections: tuple[Correction, ...]
    quotes: tuple[DocumentQuote, ...]
    cited_by: tuple[ClaimSummary, ...]
    comments: tuple[CommentItem, ...]


@attrs.define(frozen=True, kw_only=True)
class TimelinePage(Page):
    """``timeline.html``: the axis (every year and month with how many entries it holds) and the parts of the timeline."""

    years: tuple[AxisYear, ...]
    parts: tuple[PageLink, ...]
    undated: int
    undated_link: Link | None
    entries: int


@attrs.define(frozen=True, kw_only=True)
class TimelinePartPage(Page):
    """``timeline/<month>.html``: the dated claims and documents of some months, in date order, grouped by month."""

    groups: tuple[TimelineGroup, ...]
    undated: tuple[ClaimSummary, ...]
    pager: Pager
    filters: tuple[Filter, ...]


@attrs.define(frozen=True, kw_only=True)
class MapIndexPage(Page):
    """``map.html`` (paged): every dispute's map and every other cluster of related claims."""

    maps: tuple[MapEntry, ...]
    pager: Pager
    legend: tuple[LegendItem, ...]
    isolated: int


@attrs.define(frozen=True, kw_only=True)
class MapPage(Page):
    """``maps/<id>.html``: one dispute (or cluster of related claims) as an inline SVG diagram, with the relations in words."""

    heading: str
    dispute: Link | None
    svg: str
    width: int
    legend: tuple[LegendItem, ...]
    relations: tuple[MapRelation, ...]
    claims: tuple[ClaimSummary, ...]
    #: The parts of a cluster too large for one map (a pager of one page otherwise).
    parts: Pager


@attrs.define(frozen=True, kw_only=True)
class SearchPage(Page):
    """``search.html``: the search form and its filters; results come from the index under ``search/``."""

    entries: int
    filters: tuple[Filter, ...]


#: Page classes by template name.
PAGE_TEMPLATES: dict[type[Page], str] = {
    IndexPage: "index.html",
    ListPage: "list.html",
    ClaimPage: "claim.html",
    SourcePage: "source.html",
    DocumentPage: "document.html",
    TimelinePage: "timeline.html",
    TimelinePartPage: "timeline-part.html",
    MapIndexPage: "maps.html",
    MapPage: "map.html",
    SearchPage: "search.html",
}

#: Every class whose fields templates see, for the documentation test.
DOCUMENTED: tuple[type, ...] = (
    Page,
    IndexPage,
    ListPage,
    ClaimPage,
    SourcePage,
    DocumentPage,
    TimelinePage,
    TimelinePartPage,
    MapIndexPage,
    MapPage,
    SearchPage,
    Site,
    Meta,
    Link,
    Badge,
    ClaimSummary,
    Step,
    QuoteItem,
    EvidenceItem,
    CommentItem,
    Verdict,
    Correction,
    Finding,
    Cite,
    Dispute,
    DisputeSide,
    DisputeClaim,
    DisputeRef,
    TopicGroup,
    PageLink,
    Pager,
    TocEntry,
    Filter,
    Option,
    Interest,
    DocumentQuote,
    TimelineEntry,
    TimelineGroup,
    AxisYear,
    AxisMark,
    MapRelation,
    LegendItem,
    MapEntry,
    ListItem,
)
