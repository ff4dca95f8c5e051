"""schema.org JSON-LD for claim pages: a ``ClaimReview`` where a review exists, a ``Claim`` otherwise.

The ClaimReview carries Google's required fields (``claimReviewed``, ``reviewRating`` with
``ratingValue``/``bestRating``/``worstRating``/``alternateName`` from the rating scale, ``url``)
and the recommended ones (``author``, ``datePublished``, ``itemReviewed``). A date goes into
``datePublished`` only when it is a single date, never an interval. :func:`script_json` serialises
so that no text in the data can close the ``<script>`` element.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from claimcheck.dates import PartialDate
from claimcheck.model import Claim, Review
from claimcheck.site.common import SiteData
from claimcheck.site.paths import http_url

CONTEXT = "https://schema.org"


def script_json(data: Any) -> Markup:
    """JSON safe to place inside ``<script type="application/ld+json">``: ``<``, ``>`` and ``&`` escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S704 - escaped above


def single_date(date: PartialDate | None) -> str | None:
    """The date's ISO text when it is one date (at any precision), ``None`` for an interval."""
    return date.text if date is not None and not date.is_interval else None


def _party(data: SiteData, source_id: str) -> dict[str, Any]:
    src = data.corpus.sources.get(source_id)
    name = src.name if src else source_id
    return {"@type": "Person" if src is not None and src.kind == "person" else "Organization", "name": name}


def claim_node(data: SiteData, claim: Claim) -> dict[str, Any]:
    """The claim as a schema.org ``Claim`` (no ``@context``)."""
    node: dict[str, Any] = {"@type": "Claim", "text": " ".join(claim.text.split()), "author": _party(data, claim.speaker)}
    date = single_date(claim.date)
    if date:
        node["datePublished"] = date
    appearances = []
    for doc_id in dict.fromkeys(a.document for a in claim.appearances):
        doc = data.corpus.documents.get(doc_id)
        work: dict[str, Any] = {"@type": "CreativeWork", "name": doc.title if doc else doc_id}
        url = http_url(doc.url) if doc else None
        if url:
            work["url"] = url
        doc_date = single_date(doc.date) if doc else None
        if doc_date:
            work["datePublished"] = doc_date
        appearances.append(work)
    if appearances:
        node["appearance"] = appearances
    return node


def _review_url(review: Review, page: str, base_url: str | None) -> str:
    url = http_url(review.url)
    if url:
        return url
    if base_url:
        return urljoin(base_url if base_url.endswith("/") else base_url + "/", page)
    return page.rsplit("/", 1)[-1]  # relative to the claim page itself


def claim_jsonld(data: SiteData, claim: Claim, page: str, base_url: str | None = None) -> dict[str, Any]:
    """The JSON-LD object for a claim page: a ClaimReview of the latest shown review, else a Claim."""
    reviews = data.reviews_of(claim.id)
    node = claim_node(data, claim)
    review = reviews[-1] if reviews else None
    scale = data.corpus.config.scale(review.scale) if review else None
    value = scale.value(review.verdict) if scale and review else None
    if review is None or scale is None or value is None:
        return {"@context": CONTEXT, **node}
    out: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": _review_url(review, page, base_url),
        "claimReviewed": node["text"],
        "author": {"@type": "Organization", "name": review.reviewer},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value.rating,
            "bestRating": scale.best.rating,
            "worstRating": scale.worst.rating,
            "alternateName": value.label,
        },
        "itemReviewed": node,
    }
    date = single_date(review.date)
    if date:
        out["datePublished"] = date
    return out
