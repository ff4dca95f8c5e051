"""``claimcheck export --to claimreview``: one schema.org ClaimReview per published review, as a JSON-LD
``@graph``. The nodes are built by :mod:`claimcheck.publish.claimreview`, exactly as the site's pages carry them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from claimcheck.core import atomic
from claimcheck.core.problems import Problem
from claimcheck.interop.json_format import dumps
from claimcheck.interop.registry import Exporter, ExportOptions
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Review
from claimcheck.publish.claimreview import CONTEXT, claimreview, review_url


def to_claimreview(corpus: Corpus, *, base_url: str | None = None, include_drafts: bool = False) -> tuple[dict[str, Any], list[Problem]]:
    """The JSON-LD document (``@context`` and an ``@graph`` of ClaimReviews) and the reviews left out."""
    graph: list[dict[str, Any]] = []
    problems: list[Problem] = []
    corpus = corpus.view(include_drafts=include_drafts)
    for review in corpus.reviews.values():
        claim = corpus.claims.get(review.claim)
        if claim is None:
            continue
        node = claimreview(corpus, review, claim, url=review_url(review, claim, base_url))
        if isinstance(node, str):
            problems.append(_skipped(review, f"review {review.id!r} left out of the ClaimReview export: {node}"))
            continue
        graph.append(node)
    return {"@context": CONTEXT, "@graph": graph}, problems


def _skipped(review: Review, message: str) -> Problem:
    origin = review.origin
    return Problem(
        code="export-skipped",
        message=message,
        file=origin.file if origin else None,
        pointer=origin.pointer if origin else "",
        record=review.id,
    )


def export_claimreview(
    corpus: Corpus, out: str | os.PathLike[str], *, base_url: str | None = None, include_drafts: bool = False
) -> tuple[int, list[Problem]]:
    """Write the ClaimReview JSON-LD (atomically); returns the number of ClaimReviews and the problems."""
    doc, problems = to_claimreview(corpus, base_url=base_url, include_drafts=include_drafts)
    atomic.write_text(out, dumps(doc))
    return len(doc["@graph"]), problems


def _export(corpus: Corpus, out: Path, options: ExportOptions) -> tuple[int, list[Problem]]:
    return export_claimreview(corpus, out, base_url=options.base_url, include_drafts=options.include_drafts)


EXPORTER = Exporter(name="claimreview", description="schema.org ClaimReview JSON-LD, one per published review", write=_export, unit="items")
