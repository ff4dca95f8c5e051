"""Ids for new records: checked against the slug pattern and the corpus, and suggested from a name."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable

from claimcheck.corpus import Corpus
from claimcheck.integrity import RESERVED_IDS
from claimcheck.schema_problems import suggest

__all__ = ["ID_PATTERN", "check_id", "check_reference", "corpus_ids", "slugify", "suggest_id"]

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_LENGTH = 120
#: Words left out of an id suggested from a claim's text.
_STOP = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "is", "are", "was", "were", "be", "been", "it", "its"}
    | {"that", "this", "with", "as", "from", "has", "have", "had"}
)


def slugify(text: str, *, words: int | None = None, max_length: int = 60) -> str:
    """``"Réseaux sociaux"`` → ``"reseaux-sociaux"``; with ``words``, only the first that many
    significant words; cut at a hyphen to at most ``max_length`` characters; empty when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    parts = [p for p in re.split(r"[^a-z0-9]+", ascii_text) if p]
    if words is not None:
        significant = [p for p in parts if p not in _STOP]
        parts = (significant or parts)[:words]
    slug = "-".join(parts)
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
    return slug.strip("-")


def corpus_ids(corpus: Corpus) -> set[str]:
    """Every id in use in the corpus, whatever the record kind."""
    return {r.id for r in corpus.records()}


def suggest_id(text: str, taken: Container[str], *, words: int | None = None, fallback: str = "record") -> str:
    """A free id from ``text``: its slug, then ``-2``, ``-3``..."""
    base = slugify(text, words=words) or fallback
    if base in RESERVED_IDS:
        base = f"{base}-{fallback}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def check_id(value: str, taken: Container[str]) -> str | None:
    """What is wrong with ``value`` as a new id (``None`` when it can be used)."""
    if not value:
        return "id: expected a slug such as 'smic-denies-links'; found nothing"
    if len(value) > MAX_LENGTH or not ID_PATTERN.match(value):
        hint = slugify(value, max_length=MAX_LENGTH)
        did = f" (did you mean {hint!r}?)" if hint and hint != value else ""
        return f"id: expected lowercase letters, digits and single hyphens (at most {MAX_LENGTH} characters); found {value!r}{did}"
    if value in RESERVED_IDS:
        return f"id: {value!r} is a reserved device name on some systems; choose another"
    if value in taken:
        return f"id: {value!r} is already used in the corpus; choose another"
    return None


def check_reference(field: str, value: str, noun: str, known: Iterable[str]) -> str | None:
    """What is wrong with ``value`` as a reference to a ``noun`` (``None`` when it names one)."""
    choices = list(known)
    if value in choices:
        return None
    return f"{field}: unknown {noun} {value!r}{suggest(value, choices)}"
