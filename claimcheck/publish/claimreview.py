"""schema.org ClaimReview for a reviewed claim, built once for the site's pages and for
``claimcheck export --to claimreview``, so the two always agree.

Mapping (documented in docs/interop.md):

* ``url``: the review's own ``url`` (a fact check published elsewhere), else the claim's page on the
  site (:func:`claimcheck.publish.urls.record_page`): absolute with a base URL, relative to the
  page in the site itself; a review with neither cannot be exported (ClaimReview requires a url);
* ``claimReviewed``: the claim's text; ``reviewBody``: the review's rationale;
* ``datePublished``: the review's date as written; for an interval, its end (published by then); left
  out for an interval open at its end (Google no longer requires it);
* ``dateModified``: the latest correction of the review, of the claim's documents or of its words
  there, when it is not before the review (:func:`date_modified`);
* ``author``: the config's ``publisher`` as an Organization (with ``logo``, ``publishingPrinciples``,
  ``correctionsPolicy`` and ``sameAs``), the reviewer then named as ``creator`` when it differs;
  without a publisher, an Organization named after the reviewer (with the ``url`` of a source of that name);
* ``reviewRating``: ``ratingValue`` = the verdict's ``rating``, ``bestRating``/``worstRating`` = the
  scale's best and worst ratings, ``alternateName`` = the verdict's label;
* ``itemReviewed``: a Claim whose ``author`` is the speaker (Person for a source of kind ``person``,
  else Organization), ``datePublished`` the claim's date when it is not an interval (a year or a
  month stays a year or a month: ISO 8601 allows reduced precision), ``appearance`` the documents it
  appears in (each once, in order) and ``firstAppearance`` the earliest of them with a date (the
  first listed when none has one); words in a recording give their work a ``hasPart`` Clip
  (``startOffset``/``endOffset`` in seconds); parties carry their ``same_as`` as ``sameAs``.

A claim without a review is described as a schema.org ``Claim`` (:func:`claim_node`).
"""

from __future__ import annotations

from typing import Any

from claimcheck.core.dates import PartialDate
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Claim, Document, Media, Publisher, Review, Source
from claimcheck.publish.urls import entity_url, http_url, page_url

__all__ = ["CONTEXT", "claim_node", "claimreview", "review_url"]


CONTEXT = "https://schema.org"
#: Document kind → schema.org type (others are CreativeWork).
DOC_TYPES = {"article": "Article", "report": "Report", "web-page": "WebPage", "social-media-post": "SocialMediaPosting"}


def schema_date(date: PartialDate | None) -> str | None:
    """The date as written when it is a year, a month or a day; ``None`` for an interval."""
    return None if date is None or date.is_interval else date.text


def published(date: PartialDate) -> str:
    """A review's date for ``datePublished``: as written, or an interval's end (published by then)."""
    point = (date.end or date.start) if date.is_interval else None
    return point.iso() if point is not None else date.text


def party(source: Source | None, fallback: str) -> dict[str, Any]:
    """A Person (a source of kind ``person``) or an Organization, with its name, url and ``sameAs``."""
    node: dict[str, Any] = {"@type": "Person" if source is not None and source.kind == "person" else "Organization"}
    node["name"] = source.name if source else fallback
    if source is not None and source.url:
        node["url"] = source.url
    if source is not None and source.same_as:
        node["sameAs"] = [u for u in map(entity_url, source.same_as) if u]
    return node


def publisher_node(publisher: Publisher) -> dict[str, Any]:
    """The config's publisher as the Organization that authors the corpus' ClaimReviews."""
    node: dict[str, Any] = {"@type": "Organization", "name": publisher.name}
    if publisher.url:
        node["url"] = publisher.url
    if publisher.logo:
        node["logo"] = {"@type": "ImageObject", "url": publisher.logo}
    if publisher.publishing_principles:
        node["publishingPrinciples"] = publisher.publishing_principles
    if publisher.corrections_policy:
        node["correctionsPolicy"] = publisher.corrections_policy
    if publisher.same_as:
        node["sameAs"] = [u for u in map(entity_url, publisher.same_as) if u]
    return node


def _clip(media: Media) -> dict[str, Any]:
    """Where in a recording the words are, as a schema.org Clip (offsets in seconds)."""
    node: dict[str, Any] = {"@type": "Clip"}
    if http_url(media.url):
        node["url"] = media.url
    if media.start is not None:
        node["startOffset"] = media.start
    if media.end is not None:
        node["endOffset"] = media.end
    return node


def creative_work(corpus: Corpus, doc: Document, media: Media | None = None) -> dict[str, Any]:
    """A document as a CreativeWork (or the schema.org type of its kind), with the Clip of the words when in a recording."""
    node: dict[str, Any] = {"@type": DOC_TYPES.get(doc.kind, "CreativeWork"), "name": doc.title}
    if doc.url:
        node["url"] = doc.url
    if schema_date(doc.date):
        node["datePublished"] = schema_date(doc.date)
    if doc.publisher:
        node["publisher"] = party(corpus.sources.get(doc.publisher), doc.publisher)
    if media is not None:
        node["hasPart"] = _clip(media)
    return node


def claim_node(corpus: Corpus, claim: Claim) -> dict[str, Any]:
    """The claim as a schema.org Claim: its speaker, date and appearances."""
    node: dict[str, Any] = {"@type": "Claim", "author": party(corpus.sources.get(claim.speaker), claim.speaker)}
    if schema_date(claim.date):
        node["datePublished"] = schema_date(claim.date)
    docs = [corpus.documents[d] for d in dict.fromkeys(a.document for a in claim.appearances) if d in corpus.documents]
    media = {d.id: next((a.media for a in claim.appearances if a.document == d.id and a.media), None) for d in docs}
    if docs:
        node["appearance"] = [creative_work(corpus, d, media[d.id]) for d in docs]
        dated = [d for d in docs if schema_date(d.date)]
        first = min(dated, key=_date_key) if dated else docs[0]
        node["firstAppearance"] = creative_work(corpus, first, media[first.id])
    return node


def _date_key(doc: Document) -> tuple[object, ...]:
    return doc.date.sort_key() if doc.date else ()


def date_modified(corpus: Corpus, review: Review, claim: Claim) -> str | None:
    """``dateModified``: the latest correction of the review, of the documents the claim appears in, or of its
    words there, when it is not before the review's own date (a correction the review already took in
    did not modify it); ``None`` when there is none."""
    corrections = list(review.corrections)
    for app in claim.appearances:
        corrections += app.corrections
        doc = corpus.documents.get(app.document)
        if doc is not None:
            corrections += doc.corrections
    dated = [c.date for c in corrections if c.date.latest is not None]
    if not dated:
        return None
    latest = max(dated, key=lambda d: (d.latest, d.earliest or d.latest))
    since = review.date.earliest
    if since is not None and latest.latest is not None and latest.latest < since:
        return None
    return published(latest)


def review_url(review: Review, claim: Claim, base_url: str | None) -> str | None:
    """The ClaimReview ``url`` of a review: its own http(s) URL, else the absolute URL of the claim's
    page on the site published at ``base_url``, else ``None`` (the site then links the page relatively)."""
    return http_url(review.url) or page_url("claim", claim.id, base_url)


def claimreview(corpus: Corpus, review: Review, claim: Claim, *, url: str | None) -> dict[str, Any] | str:
    """The ClaimReview node for one review (without ``@context``), or the reason it cannot be built."""
    scale = corpus.config.scale(review.scale)
    value = scale.value(review.verdict) if scale else None
    if scale is None or value is None:
        return f"its verdict {review.verdict!r} is not on a declared rating scale"
    if url is None:
        return "it has no url and no base URL was given (--base-url): ClaimReview requires a url"
    reviewer = next((s for s in corpus.sources.values() if s.name == review.reviewer), None)
    publisher = corpus.config.publisher
    if publisher is not None:
        author = publisher_node(publisher)
    else:
        author = party(reviewer, review.reviewer)
        author["@type"] = "Organization"
    node: dict[str, Any] = {"@type": "ClaimReview", "url": url, "claimReviewed": claim.text}
    if not (review.date.is_interval and review.date.end is None):  # "on or after" a day: when is not known
        node["datePublished"] = published(review.date)
    modified = date_modified(corpus, review, claim)
    if modified is not None:
        node["dateModified"] = modified
    node["author"] = author
    if publisher is not None and review.reviewer != publisher.name:
        node["creator"] = party(reviewer, review.reviewer)
    return {
        **node,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value.rating,
            "bestRating": scale.best.rating,
            "worstRating": scale.worst.rating,
            "alternateName": value.label,
        },
        "reviewBody": review.rationale,
        "itemReviewed": claim_node(corpus, claim),
    }
