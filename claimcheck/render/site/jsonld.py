"""schema.org JSON-LD for claim pages: the ClaimReview of the latest review shown, exactly as
``claimcheck export --to claimreview`` writes it (:mod:`claimcheck.publish.claimreview`), or a
``Claim`` for a claim without one. :func:`script_json` serialises so that no text in the data can
close the ``<script>`` element.
"""

from __future__ import annotations

import json
from typing import Any

import orjson
from markupsafe import Markup

from claimcheck.model.records import Claim
from claimcheck.publish.claimreview import CONTEXT, claim_node, claimreview, review_url
from claimcheck.render.site.common import SiteData

__all__ = ["claim_jsonld", "script_json"]


def script_json(data: Any) -> Markup:
    """JSON safe to place inside ``<script type="application/ld+json">``: ``<``, ``>`` and ``&`` escaped.

    Written compact by orjson (a third of a claim page's build time went to the standard library's
    indenting encoder), by the standard library when orjson refuses a value."""
    try:
        text = orjson.dumps(data).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError: a value it does not write (an integer over 64 bits)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))  # noqa: S704 - escaped above


def claim_jsonld(data: SiteData, claim: Claim, page: str, base_url: str | None = None) -> dict[str, Any]:
    """The JSON-LD object for a claim page: the ClaimReview of the latest shown review, else a Claim.

    Without a base URL (and without a URL of the review's own) the ClaimReview's ``url`` is the page
    itself, relative to it.
    """
    corpus = data.view
    reviews = corpus.reviews_of(claim.id)
    if reviews:
        review = reviews[-1]
        url = review_url(review, claim, base_url) or page.rsplit("/", 1)[-1]
        node = claimreview(corpus, review, claim, url=url)
        if not isinstance(node, str):
            return {"@context": CONTEXT, **node}
    node = claim_node(corpus, claim)
    return {"@context": CONTEXT, "@type": node.pop("@type"), "text": " ".join(claim.text.split()), **node}
