"""Readable, unique, deterministic ids for imported records: slugs of their names."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from claimcheck.integrity import RESERVED_IDS

MAX_LENGTH = 60


def slugify(text: str, *, max_length: int = MAX_LENGTH) -> str:
    """``"Réseaux sociaux"`` → ``"reseaux-sociaux"``: ASCII letters and digits joined by single
    hyphens, cut at a hyphen to at most ``max_length`` characters; empty when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
    return slug.strip("-")


class IdMaker:
    """Hands out ids unique among themselves and ``taken`` (the target corpus' ids): the slug of a
    name, then ``-2``, ``-3``... The same inputs in the same order give the same ids."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.used = set(taken) | RESERVED_IDS

    def make(self, text: str, fallback: str = "item") -> str:
        """A new id from ``text`` (``fallback`` when ``text`` has no letters or digits)."""
        base = slugify(text) or fallback
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.used.add(candidate)
        return candidate
