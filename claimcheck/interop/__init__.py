"""Interoperability: exports (JSON, CSV, SQLite, ClaimReview, FEVER, AVeriTeC), imports (ClaimReview,
FEVER, CSV, JSON) and the researchers' queries behind :class:`claimcheck.Corpus`."""

from claimcheck.interop.queries import Inference

__all__ = ["Inference"]
