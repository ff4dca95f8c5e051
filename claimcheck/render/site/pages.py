"""The context of each record's page: a claim, a source, a document.

Documents' full texts (``corpus.fulltexts``) are never read here: a document page holds the
passages quoted from it, in the document's order, and nothing else of its text.
"""

from __future__ import annotations

from typing import TypedDict

from claimcheck.analysis.attribution import name_in_sentence, sentence, topic_label
from claimcheck.core.problems import CATALOGUE
from claimcheck.model import Claim, Document, Hop, Relation, Source
from claimcheck.publish.claimreview import published
from claimcheck.publish.notes import editor_fix, language_name, reader_notes, where
from claimcheck.publish.urls import absolute, record_page, record_subpage, root_of
from claimcheck.render.site import context as cx
from claimcheck.render.site.common import MODE_WORDS, STATUS_EXPLANATIONS, SiteData, human, words
from claimcheck.render.site.jsonld import claim_jsonld, script_json

#: Claims listed on one page of a source's page; longer lists continue on ``sources/<id>/N.html``.
SOURCE_PAGE_CLAIMS = 60


class Base(TypedDict):
    """The fields of :class:`~claimcheck.render.site.context.Page`, as keyword arguments."""

    site: cx.Site
    path: str
    root: str
    title: str
    nav: str
    jsonld: str
    meta: cx.Meta


def shorten(text: str, limit: int = 200) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def base(
    data: SiteData,
    path: str,
    title: str,
    nav: str,
    jsonld: str = "",
    *,
    description: str | None = None,
    og_type: str = "website",
    published: str | None = None,
    updated: str | None = None,
) -> Base:
    """The fields every page has."""
    site_date = data.date.text if data.date is not None and not data.date.is_interval else None
    meta = cx.Meta(
        description=shorten(description or data.site.description or data.site.title),
        canonical=absolute(data.base_url, path) if data.base_url else None,
        og_type=og_type,
        published=published or site_date,
        updated=updated,
    )
    return {"site": data.site, "path": path, "root": root_of(path), "title": title, "nav": nav, "jsonld": jsonld, "meta": meta}


def pager(number: int, count: int, href: object, label: object = None) -> cx.Pager:
    """A pager for page ``number`` of ``count``; ``href(n)`` is page n's path, ``label(n)`` what it holds."""
    make_href = href if callable(href) else (lambda n: str(href))
    make_label = label if callable(label) else (lambda n: f"Page {n}")
    pages = tuple(cx.PageLink(number=n, href=make_href(n), label=make_label(n), current=n == number) for n in range(1, count + 1))
    return cx.Pager(
        number=number,
        count=count,
        pages=pages if count > 1 else (),
        previous=cx.Link(text="Previous page", href=make_href(number - 1)) if number > 1 else None,
        next=cx.Link(text="Next page", href=make_href(number + 1)) if number < count else None,
    )


def steps(data: SiteData, claim: Claim, chain: tuple[Hop, ...], document_id: str) -> tuple[cx.Step, ...]:
    """The attribution chain from the speaker outward, ending with the document where the words appear."""
    hops = chain or (Hop(source=claim.speaker, mode="paraphrase"),)
    out = []
    for i, h in enumerate(hops):
        after = hops[i + 1].source if i + 1 < len(hops) else None
        following = name_in_sentence(data.corpus.sources.get(after), after) if after else "the document"
        cited = data.document_link(h.document) if h.document and h.mode == "cites-document" else None
        mode = MODE_WORDS.get(h.mode, words(h.mode) + " to {next}").format(next=following)
        if h.mode == "cites-document" and cited is None:
            mode = mode.removesuffix(" from") + " from a document"
        elif h.mode != "cites-document" and h.document:
            mode += ", from"
            cited = data.document_link(h.document)
        out.append(cx.Step(party=data.source_link(h.source, short=True), mode=mode, document=cited))
    out.append(cx.Step(party=data.document_link(document_id), mode="where the words appear", document=None))
    return tuple(out)


def translation(data: SiteData, language: str, translator: str | None) -> str:
    """``Translated from Norwegian by The Nordic Tribune``."""
    by = f" by {name_in_sentence(data.corpus.sources.get(translator), translator)}" if translator else ""
    return f"Translated from {language_name(language)}{by}"


def verdicts(data: SiteData, claim: Claim) -> tuple[cx.Verdict, ...]:
    """The shown reviews of a claim with their rating-scale values, oldest first."""
    out = []
    for i, review in enumerate(data.reviews_of(claim.id), 1):
        scale = data.scale(review)
        value = scale.value(review.verdict) if scale else None
        out.append(
            cx.Verdict(
                anchor=f"verdict-{i}",
                badge=data.badge(review),
                description=value.description if value else None,
                rationale=data.prose(review.rationale) or "",
                reviewer=review.reviewer,
                date=review.date.human(),
                url=data.external(review.url, "The published fact check"),
                corrections=tuple(data.correction(c) for c in review.corrections),
            )
        )
    return tuple(out)


def findings(data: SiteData, claim_id: str) -> tuple[cx.Finding, ...]:
    """The balance findings about a claim, for editors (none in the readers' view), without the claim's own
    sentence that every finding starts with (the page is the claim's)."""
    if not data.editor:
        return ()
    claim = data.claims[claim_id]
    own = sentence(data.corpus, claim, claim.appearances[0] if claim.appearances else None).rstrip(".") + ": "

    def said(message: str) -> str:
        text = message.removeprefix(own)
        return (text[:1].upper() + text[1:]).rstrip(".")

    return tuple(
        cx.Finding(
            code=f.code,
            title=CATALOGUE[f.code].title,
            message=said(f.message),
            fix=(f.hint or editor_fix(f.code)).rstrip("."),
            where=where(data.corpus, f.file, f.line),
            severity=str(f.severity),
        )
        for f in data.findings_by_claim.get(claim_id, ())
    )


def _dates(data: SiteData, claim: Claim) -> tuple[str | None, str | None]:
    """A claim page's published and updated dates: its first review's, and its reviews' latest correction."""
    reviews = data.reviews_of(claim.id)
    if not reviews:
        return None, None
    first = published(reviews[0].date)
    later = [c.date for r in reviews for c in r.corrections] + [r.date for r in reviews[1:]]
    latest = max(later, key=lambda d: d.sort_key()[::-1]) if later else None
    return first, published(latest) if latest is not None else None


def cite(data: SiteData, title: str, path: str, date: str | None) -> cx.Cite:
    """How to cite a page: the site, the page's title, its date and its address (absolute with ``--base-url``)."""
    address = absolute(data.base_url, path) if data.base_url else path
    when = f" {date[:1].upper()}{date[1:]}." if date else ""
    return cx.Cite(text=f"{data.site.title.rstrip('.')}. “{title.rstrip('.')}.”{when}", address=address)


def claim_page(data: SiteData, claim: Claim, base_url: str | None = None) -> cx.ClaimPage:
    """The context of ``claims/<id>.html``."""
    corpus = data.corpus
    path = record_page("claim", claim.id)
    summary = data.summary(claim.id)
    quotes = tuple(
        cx.QuoteItem(
            anchor=f"quote-{i}",
            quote=" ".join(app.quote.split()),
            document=data.document_link(app.document),
            document_date=human(corpus.documents[app.document].date) if app.document in corpus.documents else None,
            locator=app.locator,
            seen=corpus.documents[app.document].seen if app.document in corpus.documents else False,
            steps=steps(data, claim, app.chain, app.document),
            sentence=sentence(corpus, claim, app),
            original=" ".join(app.original.text.split()) if app.original else None,
            original_language=app.original.language if app.original else None,
            translation=translation(data, app.original.language, app.translated_by) if app.original else None,
            corrections=tuple(data.correction(c) for c in app.corrections),
        )
        for i, app in enumerate(claim.appearances, 1)
    )
    disputes = [
        cx.DisputeRef(link=cx.Link(text=d.title, href=f"{data.index_page_of(d.id)}#{d.id}"), side=side)
        for d, side in data.disputes_by_claim.get(claim.id, ())
    ]
    anchor = data.timeline_anchor(claim)
    ext = claim.external
    first, updated = _dates(data, claim)
    page_date = summary.date
    if first:
        page_date = data.reviews_of(claim.id)[0].date.human()
    elif data.date is not None:
        page_date = data.date.human()
    jsonld = script_json(claim_jsonld(data, claim, path, base_url or data.base_url))
    return cx.ClaimPage(
        **base(
            data, path, summary.sentence, "claim", jsonld, description=summary.sentence, og_type="article", published=first, updated=updated
        ),
        claim=summary,
        status_explanation=STATUS_EXPLANATIONS[data.status(claim.id)],
        date_note=data.prose(claim.date_note),
        topics=tuple(topic_label(t) for t in claim.topics),
        tags=claim.tags,
        subjects=tuple(data.source_link(s) for s in claim.subjects),
        quotes=quotes,
        supporting=data.items(corpus.supporting(claim.id)),
        opposing=data.items(corpus.opposing(claim.id)),
        responses=data.items(corpus.relations_to(claim.id, {"responds-to"})),
        comments=data.comments_on(claim),
        context_items=data.items(corpus.relations_to(claim.id, {"context", "qualifies"})),
        bears_on=data.items(corpus.relations_from(claim.id)),
        verdicts=verdicts(data, claim),
        sourcing=reader_notes(corpus, claim, data.findings_by_claim.get(claim.id, ()), data.provenance),
        findings=findings(data, claim.id),
        disputes=tuple(disputes),
        map=data.map_link(claim.id),
        timeline=cx.Link(text=summary.date or "Undated", href=anchor),
        parent=data.summary(claim.parent) if claim.parent and claim.parent in data.claims else None,
        children=data.summaries(data.children.get(claim.id, ())),
        context_notes=tuple(data.prose(n) or "" for n in claim.context),
        note=data.prose(claim.note),
        external=data.external(ext.url, f"{ext.title}, {ext.publisher}, {ext.date.human()}") if ext else None,
        cite=cite(data, summary.sentence, path, page_date),
    )


def source_pages(data: SiteData, source: Source) -> list[cx.SourcePage]:
    """The context of ``sources/<id>.html``, and of ``sources/<id>/N.html`` when its lists of claims are long."""
    corpus = data.corpus
    sid = source.id
    made = data.summaries(corpus.claims_by(sid))
    about = data.summaries(corpus.claims_about(sid))
    count = max(1, -(-max(len(made), len(about)) // SOURCE_PAGE_CLAIMS))
    answers: list[Relation] = data.answers_by.get(sid, [])
    out = []
    for n in range(1, count + 1):
        lo, hi = (n - 1) * SOURCE_PAGE_CLAIMS, n * SOURCE_PAGE_CLAIMS
        path = record_subpage("source", sid, n)
        title = source.name if n == 1 else f"{source.name} (page {n})"
        first = n == 1
        out.append(
            cx.SourcePage(
                **base(
                    data,
                    path,
                    title,
                    "source",
                    description=source.description or f"What {source.name} claimed and what was claimed about it.",
                ),
                id=sid,
                name=source.name,
                kind=words(source.kind),
                unnamed=source.unnamed,
                description=source.description,
                url=data.external(source.url, source.url or ""),
                aliases=source.aliases,
                affiliations=tuple(data.source_link(a) for a in source.affiliations),
                members=tuple(data.source_link(s) for s in data.members.get(sid, ())),
                part_of=tuple(data.source_link(a) for a in source.part_of),
                represents=tuple(data.source_link(a) for a in source.represents),
                answered_for_by=tuple(data.source_link(s) for s in data.represented_by.get(sid, ())),
                interests=tuple(
                    cx.Interest(
                        description=i.description,
                        subjects=tuple(data.source_link(s, short=True) for s in i.subjects),
                        topics=tuple(topic_label(t) for t in i.topics),
                        stance={"for": "it gains when they fare well", "against": "it gains when they fare badly"}.get(i.stance or ""),
                    )
                    for i in source.interests
                )
                if first
                else (),
                claims_made=made[lo:hi],
                claims_made_count=len(made),
                claims_about=about[lo:hi],
                claims_about_count=len(about),
                responses=data.items(answers) if first else (),
                comments=tuple(data.comment(c) for c in data.comments_by_subject.get(sid, ())) if first else (),
                documents=tuple(data.document_link(d) for d in data.documents_of.get(sid, ())) if first else (),
                note=data.prose(source.note),
                pager=pager(n, count, lambda k, sid=sid: record_subpage("source", sid, k)),
            )
        )
    return out


def _document_quotes(data: SiteData, doc: Document) -> tuple[cx.DocumentQuote, ...]:
    """Passages quoted from a document: by their offset in it when known, else in file order."""
    found: list[tuple[tuple[int, int, int], str, str | None, str, str | None, str | None]] = []
    for seq, (i, claim, rel) in enumerate(data.quoted_from.get(doc.id, ())):
        if claim is not None:
            app = claim.appearances[i]
            found.append(((app.match is None, app.match[0] if app.match else 0, seq), app.quote, app.locator, "claim", claim.id, None))
        elif rel is not None and rel.evidence is not None:
            ev = rel.evidence
            found.append(((ev.match is None, ev.match[0] if ev.match else 0, seq), ev.quote, ev.locator, rel.type, None, rel.target))
    found.sort(key=lambda f: f[0])
    out = []
    for i, (_, quote, locator, use, claim_id, target) in enumerate(found, 1):
        out.append(
            cx.DocumentQuote(
                anchor=f"quote-{i}",
                quote=" ".join(quote.split()),
                locator=locator,
                use="the words of a claim" if use == "claim" else f"evidence that {words(use)} a claim",
                claim=data.summary(claim_id) if claim_id else None,
                target=data.summary(target) if target else None,
            )
        )
    return tuple(out)


def document_page(data: SiteData, doc: Document) -> cx.DocumentPage:
    """The context of ``documents/<id>.html``."""
    ext = doc.external
    cited = data.citing.get(doc.id, [])
    publisher = data.corpus.source_name(doc.publisher) if doc.publisher else None
    return cx.DocumentPage(
        **base(
            data,
            record_page("document", doc.id),
            data.document_title(doc),
            "document",
            description=f"{words(doc.kind).capitalize()}{' by ' + publisher if publisher else ''}: the passages quoted from it.",
        ),
        id=doc.id,
        kind=words(doc.kind),
        publisher=data.source_link(doc.publisher) if doc.publisher else None,
        authors=tuple(data.source_link(a) for a in doc.authors),
        date=human(doc.date),
        retrieved=human(doc.retrieved),
        url=data.external(doc.url, doc.url or ""),
        archive_url=data.external(doc.archive_url, doc.archive_url or ""),
        language=doc.language,
        seen=doc.seen,
        note=data.prose(doc.note),
        external=data.external(ext.url, f"{ext.title}, {ext.publisher}, {ext.date.human()}") if ext else None,
        reprints=data.document_link(doc.reprints) if doc.reprints else None,
        based_on=tuple(data.document_link(d) for d in doc.based_on),
        carried_by=tuple(data.document_link(d) for d in data.carried_by.get(doc.id, ())),
        corrections=tuple(data.correction(c) for c in doc.corrections),
        quotes=_document_quotes(data, doc),
        cited_by=data.summaries(cited),
        comments=tuple(data.comment(c) for c in data.comments_by_document.get(doc.id, ())),
    )
