"""The site-wide pages: the index (disputes first), the timeline, the map and the search page, and
the search index that the search page loads as a script."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from claimcheck.analysis.attribution import topic_label
from claimcheck.model import Claim
from claimcheck.publish.urls import record_page
from claimcheck.render.site import context as cx
from claimcheck.render.site.common import STATUS_LABELS, SiteData, date_key, human
from claimcheck.render.site.graph import draw, legend
from claimcheck.render.site.pages import base, unanswered_subjects

BALANCE_LABELS = {
    "answered": "Answered: every claim on the asserting side has a response from the parties it concerns.",
    "partly-answered": "Partly answered: some parties concerned have not answered a claim about them.",
    "unanswered": "Unanswered: no response or denial is recorded.",
}


def _dispute_claim(data: SiteData, cid: str) -> cx.DisputeClaim:
    claim = data.claims[cid]
    answered: list[str] = []
    for rel in data.corpus.relations_to(cid, {"responds-to", "denies", "contradicts"}):
        if data.live(rel) and rel.by and data.claims[rel.by].speaker not in answered:
            answered.append(data.claims[rel.by].speaker)
    return cx.DisputeClaim(
        claim=data.summary(cid),
        answered_by=tuple(data.source_link(s) for s in answered),
        unanswered=tuple(data.source_link(s) for s in unanswered_subjects(data, claim)),
    )


def _side(data: SiteData, label: str, claims: tuple[str, ...], parties: tuple[str, ...], evidence: tuple[str, ...]) -> cx.DisputeSide:
    return cx.DisputeSide(
        label=label,
        parties=tuple(data.source_link(p) for p in parties),
        claims=tuple(_dispute_claim(data, c) for c in claims),
        evidence=tuple(data.item(data.corpus.relations[r]) for r in evidence if r in data.corpus.relations),
    )


def disputes(data: SiteData) -> tuple[cx.Dispute, ...]:
    """The disputes found by the balance analysis, each with both sides and whether it is answered."""
    out = []
    for d in data.report.disputes:
        assertion = _side(data, "Asserting", d.assertion.claims, d.assertion.parties, d.assertion.evidence)
        response = _side(data, "Responding", d.response.claims, d.response.parties, d.response.evidence)
        if not response.claims:
            balance = "unanswered"
        elif any(c.unanswered or not c.answered_by for c in assertion.claims):
            balance = "partly-answered"
        else:
            balance = "answered"
        out.append(
            cx.Dispute(
                id=d.id,
                title=d.title,
                status=str(d.status),
                status_label=STATUS_LABELS[d.status],
                balance=balance,
                balance_label=BALANCE_LABELS[balance],
                assertion=assertion,
                response=response,
            )
        )
    return tuple(out)


def index_page(data: SiteData) -> cx.IndexPage:
    """The context of ``index.html``."""
    in_dispute = {c for d in data.report.disputes for c in (*d.assertion.claims, *d.response.claims)}
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in data.claims.values():
        if claim.id not in in_dispute:
            groups[claim.topics[0] if claim.topics else ""].append(claim)
    topics = tuple(
        cx.TopicGroup(
            id=f"topic-{t}" if t else "topic-none", label=topic_label(t) if t else "Other claims", claims=data.summaries(groups[t])
        )
        for t in sorted(groups, key=lambda t: (t == "", topic_label(t)))
    )
    sources = sorted(data.corpus.sources.values(), key=lambda s: (s.name.casefold(), s.id))
    documents = sorted(data.corpus.documents.values(), key=lambda d: (*date_key(d.date), d.title.casefold(), d.id))
    return cx.IndexPage(
        **base(data, "index.html", data.site.title, "index"),
        disputes=disputes(data),
        topics=topics,
        sources=tuple(data.source_link(s.id) for s in sources),
        documents=tuple(data.document_link(d.id) for d in documents),
        claim_count=len(data.claims),
        drafts_excluded=data.drafts_excluded,
    )


def timeline_page(data: SiteData) -> cx.TimelinePage:
    """The context of ``timeline.html``: claims and documents by date, undated claims apart."""
    rows: list[tuple[tuple[int, int, int], int, str, cx.TimelineEntry, int]] = []
    for claim in data.claims.values():
        if claim.date is None:
            continue
        summary = data.summary(claim.id)
        entry = cx.TimelineEntry(
            anchor=f"claim-{claim.id}",
            date=claim.date.human(),
            iso=None if claim.date.is_interval else claim.date.text,
            kind="claim",
            link=cx.Link(text=summary.sentence, href=summary.link.href),
            detail="",
            status_label=summary.status_label,
        )
        rows.append((date_key(claim.date), 0, claim.id, entry, (claim.date.start or claim.date.end).year))  # type: ignore[union-attr]  # a date has a start or an end: ".." alone is not a date
    for doc in data.corpus.documents.values():
        if doc.date is None:
            continue
        publisher = data.corpus.source_name(doc.publisher) if doc.publisher else "an unnamed publisher"
        seen = "" if doc.seen else "; known only through reports of it"
        entry = cx.TimelineEntry(
            anchor=f"document-{doc.id}",
            date=doc.date.human(),
            iso=None if doc.date.is_interval else doc.date.text,
            kind="document",
            link=data.document_link(doc.id),
            detail=f"A {doc.kind.replace('-', ' ')} from {publisher}{seen}.",
            status_label=None,
        )
        rows.append((date_key(doc.date), 1, doc.id, entry, (doc.date.start or doc.date.end).year))  # type: ignore[union-attr]  # a date has a start or an end
    rows.sort(key=lambda r: r[:3])
    by_year: dict[int, list[cx.TimelineEntry]] = defaultdict(list)
    for *_, entry, year in rows:
        by_year[year].append(entry)
    years = tuple(cx.TimelineYear(id=f"year-{y}", label=str(y), entries=tuple(by_year[y])) for y in sorted(by_year))
    undated = data.summaries(c for c in data.claims.values() if c.date is None)
    return cx.TimelinePage(**base(data, "timeline.html", "Timeline", "timeline"), years=years, undated=undated)


def map_page(data: SiteData) -> cx.MapPage:
    """The context of ``map.html``."""
    svg, relations, isolated = draw(data)
    return cx.MapPage(
        **base(data, "map.html", "Map of claims and relations", "map"), svg=svg, legend=legend(), relations=relations, isolated=isolated
    )


def search_entries(data: SiteData) -> list[dict[str, str]]:
    """What the search page searches: claims, sources, documents and quotes, each with a page path."""
    out: list[dict[str, str]] = []
    for claim in data.claims.values():
        s = data.summary(claim.id)
        page = record_page("claim", claim.id)
        topics = " ".join(topic_label(t) for t in claim.topics)
        out.append(
            {
                "type": "claim",
                "title": s.text,
                "text": f"{s.sentence} {topics}",
                "meta": f"{s.speaker.text}; {s.date or 'undated'}; {s.status_label}",
                "url": page,
            }
        )
        for i, app in enumerate(claim.appearances, 1):
            doc = data.corpus.documents.get(app.document)
            where = doc.title if doc else app.document
            out.append(
                {
                    "type": "quote",
                    "title": " ".join(app.quote.split()),
                    "text": s.text,
                    "meta": f"Quoted in {where}",
                    "url": f"{page}#quote-{i}",
                }
            )
    for src in data.corpus.sources.values():
        text = " ".join([*src.aliases, src.description or ""])
        out.append(
            {"type": "source", "title": src.name, "text": text, "meta": src.kind.replace("-", " "), "url": record_page("source", src.id)}
        )
    for doc in data.corpus.documents.values():
        out.append(
            {
                "type": "document",
                "title": doc.title,
                "text": doc.note or "",
                "meta": human(doc.date) or "undated",
                "url": record_page("document", doc.id),
            }
        )
    return out


def search_script(entries: list[dict[str, str]]) -> str:
    """``search-index.js``: the entries assigned to ``window.CLAIMCHECK_INDEX`` (a script, so it loads from file:// too)."""
    text = json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    return f"window.CLAIMCHECK_INDEX = {text};\n"


def search_page(data: SiteData, entries: list[Any]) -> cx.SearchPage:
    """The context of ``search.html``."""
    return cx.SearchPage(**base(data, "search.html", "Search", "search"), entries=len(entries))
