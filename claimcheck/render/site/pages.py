"""The context of each record's page: a claim, a source, a document.

Documents' full texts (``corpus.fulltexts``) are never read here: a document page holds the
passages quoted from it, in the document's order, and nothing else of its text.
"""

from __future__ import annotations

from typing import TypedDict

from claimcheck.analysis.attribution import name_in_sentence, sentence, topic_label
from claimcheck.core.problems import CATALOGUE, split_pointer
from claimcheck.model import Claim, Document, Hop, Relation, Source
from claimcheck.publish.urls import record_page, root_of
from claimcheck.render.site import context as cx
from claimcheck.render.site.common import MODE_WORDS, STATUS_EXPLANATIONS, SiteData, human, words
from claimcheck.render.site.jsonld import claim_jsonld, script_json


class Base(TypedDict):
    """The fields of :class:`~claimcheck.render.site.context.Page`, as keyword arguments."""

    site: cx.Site
    path: str
    root: str
    title: str
    nav: str
    jsonld: str


def base(data: SiteData, path: str, title: str, nav: str, jsonld: str = "") -> Base:
    """The fields every page has."""
    return {"site": data.site, "path": path, "root": root_of(path), "title": title, "nav": nav, "jsonld": jsonld}


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
        out.append(cx.Step(party=data.source_link(h.source), mode=mode, document=cited))
    out.append(cx.Step(party=data.document_link(document_id), mode="where the words appear", document=None))
    return tuple(out)


def verdicts(data: SiteData, claim: Claim) -> tuple[cx.Verdict, ...]:
    """The shown reviews of a claim with their rating-scale values, oldest first."""
    out = []
    for review in data.reviews_of(claim.id):
        scale = data.corpus.config.scale(review.scale)
        value = scale.value(review.verdict) if scale else None
        out.append(
            cx.Verdict(
                id=review.id,
                label=value.label if value else review.verdict,
                rating=value.rating if value else None,
                best=scale.best.rating if scale else None,
                worst=scale.worst.rating if scale else None,
                scale=scale.name if scale else (review.scale or "no declared scale"),
                description=value.description if value else None,
                rationale=review.rationale,
                reviewer=review.reviewer,
                date=review.date.human(),
                url=data.external(review.url, "The published fact check"),
                corrections=tuple(cx.Correction(date=c.date.human(), note=c.note or f"was: {c.before}") for c in review.corrections),
            )
        )
    return tuple(out)


def findings(data: SiteData, claim_id: str) -> tuple[cx.Finding, ...]:
    """The balance findings about a claim, without the claim's own sentence that every finding starts with
    (the page is the claim's)."""
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
            severity=str(f.severity),
        )
        for f in data.findings_by_claim.get(claim_id, ())
    )


def unanswered_subjects(data: SiteData, claim: Claim) -> list[str]:
    """Subjects of a claim that the balance analysis found have not answered it."""
    out = []
    for f in data.findings_by_claim.get(claim.id, ()):
        if f.code != "unanswered-accusation":
            continue
        parts = split_pointer(f.pointer)
        if len(parts) >= 2 and parts[-2] == "subjects" and parts[-1].isdigit() and int(parts[-1]) < len(claim.subjects):
            out.append(claim.subjects[int(parts[-1])])
    return out


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
        )
        for i, app in enumerate(claim.appearances, 1)
    )
    disputes = [
        cx.DisputeRef(link=cx.Link(text=d.title, href=f"index.html#{d.id}"), side=side)
        for d, side in data.disputes_by_claim.get(claim.id, ())
    ]
    anchor = f"timeline.html#claim-{claim.id}" if claim.date else "timeline.html#undated"
    ext = claim.external
    return cx.ClaimPage(
        **base(data, path, summary.sentence, "claim", script_json(claim_jsonld(data, claim, path, base_url))),
        claim=summary,
        status_explanation=STATUS_EXPLANATIONS[data.status(claim.id)],
        date_note=claim.date_note,
        topics=tuple(topic_label(t) for t in claim.topics),
        tags=claim.tags,
        subjects=tuple(data.source_link(s) for s in claim.subjects),
        quotes=quotes,
        supporting=data.items(corpus.supporting(claim.id)),
        opposing=data.items(corpus.opposing(claim.id)),
        responses=data.items(corpus.responses(claim.id)),
        comments=data.comments_on(claim),
        context_items=data.items(corpus.relations_to(claim.id, {"context", "qualifies"})),
        bears_on=data.items(corpus.relations_from(claim.id)),
        verdicts=verdicts(data, claim),
        findings=findings(data, claim.id),
        disputes=tuple(disputes),
        timeline=cx.Link(text=summary.date or "Undated", href=anchor),
        parent=data.summary(claim.parent) if claim.parent and claim.parent in data.claims else None,
        children=data.summaries(data.children.get(claim.id, ())),
        context_notes=claim.context,
        note=claim.note,
        external=data.external(ext.url, f"{ext.title}, {ext.publisher}, {ext.date.human()}") if ext else None,
    )


def source_page(data: SiteData, source: Source) -> cx.SourcePage:
    """The context of ``sources/<id>.html``."""
    corpus = data.corpus
    sid = source.id
    answers: list[Relation] = data.answers_by.get(sid, [])
    return cx.SourcePage(
        **base(data, record_page("source", sid), source.name, "source"),
        id=sid,
        name=source.name,
        kind=words(source.kind),
        unnamed=source.unnamed,
        description=source.description,
        url=data.external(source.url, source.url or ""),
        aliases=source.aliases,
        affiliations=tuple(data.source_link(a) for a in source.affiliations),
        members=tuple(data.source_link(s) for s in data.members.get(sid, ())),
        interests=tuple(
            cx.Interest(
                description=i.description,
                subjects=tuple(data.source_link(s) for s in i.subjects),
                topics=tuple(topic_label(t) for t in i.topics),
            )
            for i in source.interests
        ),
        claims_made=data.summaries(corpus.claims_by(sid)),
        claims_about=data.summaries(corpus.claims_about(sid)),
        responses=data.items(answers),
        comments=tuple(data.comment(c) for c in data.comments_by_subject.get(sid, ())),
        documents=tuple(data.document_link(d) for d in data.documents_of.get(sid, ())),
        note=source.note,
    )


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
    return cx.DocumentPage(
        **base(data, record_page("document", doc.id), doc.title, "document"),
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
        note=doc.note,
        external=data.external(ext.url, f"{ext.title}, {ext.publisher}, {ext.date.human()}") if ext else None,
        quotes=_document_quotes(data, doc),
        cited_by=data.summaries(cited),
        comments=tuple(data.comment(c) for c in data.comments_by_document.get(doc.id, ())),
    )
