"""The reviewed claims the dataset exports are made of, and the problem for one left out."""

from __future__ import annotations

from claimcheck.core.problems import Problem
from claimcheck.model import Claim, RatingValue, Review
from claimcheck.model.corpus import Corpus

__all__ = ["reviewed", "skipped"]


def reviewed(corpus: Corpus) -> list[tuple[Claim, Review, RatingValue | None]]:
    """Each claim of ``corpus`` (already the view exported) with its latest review and that verdict's scale value."""
    out = []
    for claim in corpus.claims.values():
        reviews = corpus.reviews_of(claim.id)
        review = reviews[-1] if reviews else None
        if review is None:
            continue
        scale = corpus.config.scale(review.scale)
        out.append((claim, review, scale.value(review.verdict) if scale else None))
    return out


def skipped(review: Review, fmt: str) -> Problem:
    """``export-skipped``: the claim of ``review`` is left out, its verdict having no ``fmt`` mapping."""
    origin = review.origin
    return Problem(
        code="export-skipped",
        message=f"claim {review.claim!r} left out of the {fmt} export: the verdict {review.verdict!r} of review {review.id!r} has no {fmt} mapping on its scale",
        file=origin.file if origin else None,
        pointer=origin.pointer if origin else "",
        record=review.id,
    )
