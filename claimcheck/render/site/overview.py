"""The site-wide pages: the index (disputes first, paged, with a table of contents), the listings of
parties and documents, the timeline (an axis, then parts in date order), the map overview and one
map per dispute, and the search page. Which page holds what is decided in
:mod:`claimcheck.render.site.plan`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from claimcheck.analysis.attribution import topic_label
from claimcheck.core.dates import MONTHS
from claimcheck.publish.notes import unanswered_subjects
from claimcheck.publish.urls import listing_page, map_page, timeline_page
from claimcheck.render.site import context as cx
from claimcheck.render.site import plan
from claimcheck.render.site.common import STATUS_LABELS, SiteData, date_key, words
from claimcheck.render.site.graph import draw, legend
from claimcheck.render.site.pages import base, pager

BALANCE_LABELS = {
    "answered": "Answered: every claim on the asserting side has a response from the parties it concerns.",
    "partly-answered": "Partly answered: some parties concerned have not answered a claim about them.",
    "unanswered": "Unanswered: no response or denial is recorded.",
}
#: Entries on one page of the listings of parties, documents and maps.
LIST_PAGE_ITEMS = 250
KIND_LABELS = {
    "allegation": "Allegations",
    "assertion": "Assertions",
    "denial": "Denials",
    "action": "Actions",
    "assessment": "Assessments",
    "prediction": "Predictions",
    "background": "Background",
}


def _dispute_claim(data: SiteData, cid: str, unanswered: list[str]) -> cx.DisputeClaim:
    answered: list[str] = []
    for rel in data.corpus.relations_to(cid, {"responds-to", "denies", "contradicts"}):
        if data.live(rel) and rel.by and data.claims[rel.by].speaker not in answered:
            answered.append(data.claims[rel.by].speaker)
    return cx.DisputeClaim(
        claim=data.summary(cid),
        answered_by=tuple(data.source_link(s, short=True) for s in answered),
        unanswered=tuple(data.source_link(s, short=True) for s in unanswered),
    )


def _side(data: SiteData, label: str, claims: tuple[str, ...], parties: tuple[str, ...], evidence: tuple[str, ...]) -> cx.DisputeSide:
    return cx.DisputeSide(
        label=label,
        parties=tuple(data.source_link(p, short=True) for p in parties),
        claims=tuple(_dispute_claim(data, c, unanswered_subjects(data.claims[c], data.findings_by_claim.get(c, ()))) for c in claims),
        evidence=tuple(data.item(data.corpus.relations[r]) for r in evidence if r in data.corpus.relations),
    )


def dispute(data: SiteData, number: int) -> cx.Dispute:
    """One dispute found by the balance analysis, with both sides and whether it is answered."""
    d = data.report.disputes[number]
    assertion = _side(data, "Asserting", d.assertion.claims, d.assertion.parties, d.assertion.evidence)
    response = _side(data, "Responding", d.response.claims, d.response.parties, d.response.evidence)
    if not response.claims:
        balance = "unanswered"
    elif any(c.unanswered or not c.answered_by for c in assertion.claims):
        balance = "partly-answered"
    else:
        balance = "answered"
    return cx.Dispute(
        id=d.id,
        title=d.title,
        status=str(d.status),
        status_label=STATUS_LABELS[d.status],
        balance=balance,
        balance_label=BALANCE_LABELS[balance],
        assertion=assertion,
        response=response,
        map=data.dispute_map(d.id),
    )


def claim_filters(data: SiteData, claim_ids: Iterable[str]) -> tuple[cx.Filter, ...]:
    """The filters offered over a set of claim cards: kind, status and verdict, each value with its count."""
    kinds: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    verdicts: Counter[str] = Counter()
    for cid in claim_ids:
        s = data.summary(cid)
        kinds[s.kind] += 1
        statuses["reply" if s.reply else s.status] += 1
        verdicts[s.verdict.label if s.verdict else "none"] += 1
    status_words = {**{str(k): v for k, v in STATUS_LABELS.items()}, "reply": "Replies (denials and responses)"}
    return (
        cx.Filter(
            name="kind",
            label="Kind",
            options=tuple(cx.Option(value=k, label=KIND_LABELS.get(k, words(k)), count=n) for k, n in sorted(kinds.items())),
        ),
        cx.Filter(
            name="status",
            label="Status",
            options=tuple(cx.Option(value=k, label=status_words.get(k, k), count=n) for k, n in sorted(statuses.items())),
        ),
        cx.Filter(
            name="verdict",
            label="Verdict",
            options=tuple(
                cx.Option(value=k, label="No verdict" if k == "none" else k, count=n)
                for k, n in sorted(verdicts.items(), key=lambda kv: (kv[0] == "none", kv[0]))
            ),
        ),
    )


def _page_label(blocks: list[plan.Block], number: int) -> str:
    disputes = [b for b in blocks if b.kind == "dispute"]
    topics = list(dict.fromkeys(topic_label(b.key) if b.key else "Other claims" for b in blocks if b.kind == "topic"))
    parts = []
    if disputes:
        parts.append(
            f"disputes {disputes[0].key.removeprefix('dispute-')}–{disputes[-1].key.removeprefix('dispute-')}"
            if len(disputes) > 1
            else disputes[0].key.replace("-", " ")
        )
    if topics:
        parts.append(topics[0] if len(topics) == 1 else f"{topics[0]} to {topics[-1]}")
    return f"Page {number}: " + "; ".join(parts) if parts else f"Page {number}"


def index_pages(data: SiteData) -> list[cx.IndexPage]:
    """``index.html`` and ``index-N.html``: the disputes, then the other claims by topic, each page with the table of contents."""
    planned = data.index_plan
    number_of = {d.id: i for i, d in enumerate(data.report.disputes)}
    labels = [_page_label(blocks, n) for n, blocks in enumerate(planned, 1)]
    contents = tuple(
        cx.TocEntry(link=cx.Link(text=labels[n - 1], href=listing_page("index", n)), count=sum(len(b.claims) for b in blocks), detail="")
        for n, blocks in enumerate(planned, 1)
    )
    topic_contents = tuple(
        cx.TocEntry(
            link=cx.Link(text=topic_label(t) if t else "Other claims", href=f"{data.topic_page_of(t)}#topic-{t or 'none'}"),
            count=len(ids),
            detail="",
        )
        for t, ids in data.topic_groups.items()
    )
    out = []
    for n, blocks in enumerate(planned, 1):
        path = listing_page("index", n)
        ids = [c for b in blocks for c in b.claims]
        title = data.site.title if n == 1 else f"{data.site.title}: page {n} of {len(planned)}"
        out.append(
            cx.IndexPage(
                **base(data, path, title, "index"),
                disputes=tuple(dispute(data, number_of[b.key]) for b in blocks if b.kind == "dispute"),
                topics=tuple(
                    cx.TopicGroup(
                        id=f"topic-{b.key or 'none'}",
                        label=topic_label(b.key) if b.key else "Other claims",
                        claims=tuple(data.summary(c) for c in b.claims),
                        continued=b.continued,
                    )
                    for b in blocks
                    if b.kind == "topic"
                ),
                pager=pager(n, len(planned), lambda k: listing_page("index", k), lambda k: labels[k - 1]),
                contents=contents,
                topic_contents=topic_contents,
                filters=claim_filters(data, ids),
                claim_count=len(data.claims),
                dispute_count=len(data.report.disputes),
                drafts_excluded=data.drafts_excluded,
            )
        )
    return out


def _listing(data: SiteData, name: str, heading: str, intro: str, items: list[cx.ListItem]) -> list[cx.ListPage]:
    count = max(1, -(-len(items) // LIST_PAGE_ITEMS))
    out = []
    for n in range(1, count + 1):
        chunk = items[(n - 1) * LIST_PAGE_ITEMS : n * LIST_PAGE_ITEMS]
        first, last = chunk[0].link.text if chunk else "", chunk[-1].link.text if chunk else ""
        out.append(
            cx.ListPage(
                **base(data, listing_page(name, n), heading if n == 1 else f"{heading}: page {n} of {count}", name),
                heading=heading,
                intro=intro,
                items=tuple(chunk),
                pager=pager(n, count, lambda k: listing_page(name, k), lambda k: f"Page {k}"),
            )
        )
        del first, last
    return out


def list_pages(data: SiteData) -> list[cx.ListPage]:
    """``parties.html`` and ``documents.html``, paged: every party by name, every document by date."""
    sources = sorted(data.corpus.sources.values(), key=lambda s: (s.name.casefold(), s.id))
    made = Counter(c.speaker for c in data.claims.values())
    parties = [
        cx.ListItem(
            link=data.source_link(s.id),
            detail=f"{words(s.kind).capitalize()}; {made[s.id]} claim{'' if made[s.id] == 1 else 's'} recorded.",
        )
        for s in sources
    ]
    documents = sorted(data.corpus.documents.values(), key=lambda d: (*date_key(d.date), data.document_title(d).casefold(), d.id))
    docs = [
        cx.ListItem(
            link=data.document_link(d.id),
            detail=f"{words(d.kind).capitalize()}, {d.date.human() if d.date else 'undated'}{'' if d.seen else '; known only through reports of it'}.",
        )
        for d in documents
    ]
    return _listing(
        data, "parties", "Parties", "Everyone who speaks, publishes or is spoken about in this record, by name.", parties
    ) + _listing(
        data,
        "documents",
        "Documents",
        "Every document the record cites, by date. Only the passages quoted are published, never a full text.",
        docs,
    )


# ---- the timeline -------------------------------------------------------------------------------
def _entry(data: SiteData, key: str) -> cx.TimelineEntry:
    kind, _, rid = key.partition("-")
    if kind == "claim":
        claim = data.claims[rid]
        assert claim.date is not None
        summary = data.summary(rid)
        return cx.TimelineEntry(
            anchor=key,
            date=claim.date.human(),
            iso=None if claim.date.is_interval else claim.date.text,
            kind="claim",
            link=cx.Link(text=summary.sentence, href=summary.link.href),
            detail="",
            claim=summary,
        )
    doc = data.corpus.documents[rid]
    assert doc.date is not None
    publisher = data.corpus.source_name(doc.publisher) if doc.publisher else "an unnamed publisher"
    seen = "" if doc.seen else "; known only through reports of it"
    noun = words(doc.kind)
    article = "An" if noun[:1] in "aeiou" else "A"
    return cx.TimelineEntry(
        anchor=key,
        date=doc.date.human(),
        iso=None if doc.date.is_interval else doc.date.text,
        kind="document",
        link=data.document_link(doc.id),
        detail=f"{article} {noun} from {publisher}{seen}.",
        claim=None,
    )


def _part_label(part: plan.TimelinePart) -> str:
    if part.groups[0][0] == "undated":
        return "Undated claims" + (f" (part {part.key.rsplit('-p', 1)[1]})" if "-p" in part.key else "")
    first, last = part.groups[0][0], part.groups[-1][0]
    label = plan.group_label(first).removesuffix(" (month not given)")
    if last != first:
        label += f" to {plan.group_label(last).removesuffix(' (month not given)')}"
    if "-p" in part.key:
        label += f" (part {part.key.rsplit('-p', 1)[1]})"
    return label


def timeline_pages(data: SiteData) -> list[cx.Page]:
    """``timeline.html`` (the axis and the parts) and each part, ``timeline/<month>.html``."""
    parts = data.timeline_plan
    labels = [_part_label(p) for p in parts]
    links = tuple(cx.PageLink(number=n, href=timeline_page(p.key), label=labels[n - 1], current=False) for n, p in enumerate(parts, 1))
    group_part: dict[str, str] = {}
    for p in parts:
        for group, _ in p.groups:
            group_part.setdefault(group, p.key)
    counts = {g: len(v) for g, v in data.timeline_groups.items()}
    years = sorted({int(g[:4]) for g in counts})
    tallest = max(counts.values(), default=1)
    axis = []
    for year in years:
        marks = []
        for month in range(13):
            group = f"{year:04d}" if month == 0 else f"{year:04d}-{month:02d}"
            n = counts.get(group, 0)
            marks.append(
                cx.AxisMark(
                    label=plan.group_label(group),
                    short="?" if month == 0 else MONTHS[month - 1][:1],
                    count=n,
                    href=f"{timeline_page(group_part[group])}#{_group_id(group)}" if n else None,
                    x=month * 22,
                    height=max(2, round(48 * n / tallest)) if n else 0,
                )
            )
        axis.append(cx.AxisYear(id=f"year-{year}", label=str(year), count=sum(m.count for m in marks), marks=tuple(marks)))
    undated_parts = [p for p in parts if p.groups[0][0] == "undated"]
    undated = sum(len(e) for p in undated_parts for _, e in p.groups)
    out: list[cx.Page] = [
        cx.TimelinePage(
            **base(data, timeline_page(), "Timeline", "timeline", description="Every dated claim and document in date order."),
            years=tuple(axis),
            parts=links,
            undated=undated,
            undated_link=cx.Link(text="Undated claims", href=timeline_page(undated_parts[0].key)) if undated_parts else None,
            entries=sum(counts.values()),
        )
    ]
    for n, p in enumerate(parts, 1):
        undated_here = p.groups[0][0] == "undated"
        groups = (
            ()
            if undated_here
            else tuple(
                cx.TimelineGroup(id=_group_id(g), label=plan.group_label(g), entries=tuple(_entry(data, k) for k in keys))
                for g, keys in p.groups
            )
        )
        claims = [k.removeprefix("claim-") for _, keys in p.groups for k in keys if undated_here or k.startswith("claim-")]
        out.append(
            cx.TimelinePartPage(
                **base(data, timeline_page(p.key), f"Timeline: {labels[n - 1]}", "timeline"),
                groups=groups,
                undated=tuple(data.summary(c) for c in claims) if undated_here else (),
                pager=pager(n, len(parts), lambda k: timeline_page(parts[k - 1].key), lambda k: labels[k - 1]),
                filters=claim_filters(data, claims),
            )
        )
    return out


def _group_id(group: str) -> str:
    return f"month-{group}" if len(group) > 4 else f"year-{group}"


# ---- the maps -----------------------------------------------------------------------------------
def map_pages(data: SiteData) -> list[cx.Page]:
    """``map.html`` (paged: every map with what it shows) and one ``maps/<id>.html`` per dispute or cluster of related claims."""
    dispute_of = {d.id: i for i, d in enumerate(data.report.disputes)}
    entries: list[cx.MapEntry] = []
    maps: list[cx.Page] = []
    shown_legend = legend()
    for cluster in data.map_plan:
        drawing = draw(data, cluster)
        first = data.report.disputes[dispute_of[cluster.disputes[0]]] if cluster.disputes else None
        heading = (
            f"Dispute: {first.title}"
            if first
            else "Related claims: " + data.summary(next(k for k in cluster.members if not k.startswith("doc:"))).speaker.text
        )
        if cluster.parts > 1:
            heading += f" (part {cluster.part} of {cluster.parts})"
        claims = [k for k in cluster.members if not k.startswith("doc:")]
        parties = tuple(dict.fromkeys(data.summary(c).speaker.text for c in claims))
        d = dispute(data, dispute_of[first.id]) if first else None
        entries.append(
            cx.MapEntry(
                link=cx.Link(text=heading, href=map_page(cluster.key)),
                kind="dispute" if first else "related",
                claims=len(claims),
                relations=len(drawing.relations),
                balance_label=d.balance_label if d else None,
                parties=parties[:6],
            )
        )
        maps.append(
            cx.MapPage(
                **base(
                    data, map_page(cluster.key), heading, "map", description=f"Map of {len(claims)} claims and the relations between them."
                ),
                heading=heading,
                dispute=cx.Link(text=first.title, href=f"{data.index_page_of(first.id)}#{first.id}") if first else None,
                svg=drawing.svg,
                width=drawing.width,
                legend=shown_legend,
                relations=drawing.relations,
                claims=data.summaries(data.claims[c] for c in claims),
                parts=pager(cluster.part, cluster.parts, lambda k, keys=cluster.part_keys: map_page(keys[k - 1]), lambda k: f"Part {k}"),
            )
        )
    in_maps = {k for c in data.map_plan for k in c.members}
    isolated = sum(1 for c in data.claims if c not in in_maps)
    count = max(1, -(-len(entries) // LIST_PAGE_ITEMS))
    index = [
        cx.MapIndexPage(
            **base(
                data,
                listing_page("map", n),
                "Maps" if n == 1 else f"Maps: page {n} of {count}",
                "map",
                description="A map of each dispute.",
            ),
            maps=tuple(entries[(n - 1) * LIST_PAGE_ITEMS : n * LIST_PAGE_ITEMS]),
            pager=pager(n, count, lambda k: listing_page("map", k)),
            legend=shown_legend,
            isolated=isolated,
        )
        for n in range(1, count + 1)
    ]
    return [*index, *maps]


#: Parties offered by the search page's party filter: those with the most claims (any party can be chosen from its page).
SEARCH_PARTIES = 100


def search_page(data: SiteData, entries: int) -> cx.SearchPage:
    """The context of ``search.html``."""
    counts: Counter[str] = Counter()
    for claim in data.claims.values():
        counts.update(dict.fromkeys([claim.speaker, *claim.subjects], 1))
    top = sorted(counts, key=lambda sid: (-counts[sid], data.source_link(sid).text.casefold(), sid))[:SEARCH_PARTIES]
    parties = cx.Filter(
        name="party",
        label="Party",
        options=tuple(
            cx.Option(value=sid, label=data.source_link(sid).text, count=counts[sid])
            for sid in sorted(top, key=lambda sid: (data.source_link(sid).text.casefold(), sid))
        ),
    )
    return cx.SearchPage(
        **base(data, "search.html", "Search", "search", description="Search every claim, party and document."),
        entries=entries,
        filters=(*claim_filters(data, data.claims), parties),
    )
