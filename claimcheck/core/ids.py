"""Record ids, in one place: the slug pattern every id follows, the names some systems reserve,
readable ids made from names and texts, and the check an id must pass before it is written.

The rule (the schemas' ``defs.id``): lowercase ASCII letters and digits in runs joined by single
hyphens, at most :data:`MAX_LENGTH` characters, never a device name that Windows reserves
(:data:`RESERVED_IDS`). Ids are unique across a corpus, whatever the record kind.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable

__all__ = ["ID_PATTERN", "MAX_LENGTH", "RESERVED_IDS", "SLUG_LENGTH", "IdMaker", "check_id", "is_id", "slugify"]

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*\Z")
#: The longest id the schemas allow.
MAX_LENGTH = 120
#: The longest id made from a name or a text (a readable slug, not a sentence).
SLUG_LENGTH = 60
#: Names Windows reserves for devices: a page or file named after one cannot be written there.
RESERVED_IDS = frozenset({"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)})
#: Words left out of an id made from a claim's text when ``words`` is given.
_STOP = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "is", "are", "was", "were", "be", "been", "it", "its"}
    | {"that", "this", "with", "as", "from", "has", "have", "had"}
)
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def is_id(value: object) -> bool:
    """Whether ``value`` is a valid id (the slug pattern and length; reserved names are valid slugs)."""
    return isinstance(value, str) and len(value) <= MAX_LENGTH and ID_PATTERN.match(value) is not None


def slugify(text: str, *, words: int | None = None, max_length: int = SLUG_LENGTH) -> str:
    """``"Réseaux sociaux"`` → ``"reseaux-sociaux"``: ASCII letters and digits joined by single hyphens;
    with ``words``, only the first that many significant words; cut at a hyphen to at most
    ``max_length`` characters; empty when nothing is left."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    parts = [p for p in _NOT_ALNUM.split(ascii_text) if p]
    if words is not None:
        significant = [p for p in parts if p not in _STOP]
        parts = (significant or parts)[:words]
    slug = "-".join(parts)
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
    return slug.strip("-")


class IdMaker:
    """Hands out ids unique among themselves and ``taken``: the slug of a text (``fallback`` when it has
    no letters or digits; ``<slug>-<fallback>`` when the slug is a reserved name), then ``-2``, ``-3``...

    The same inputs in the same order give the same ids. Each base remembers the last number it gave,
    so a thousand records of one name cost a thousand steps, not half a million.
    """

    def __init__(self, taken: Iterable[str] | Container[str] = ()) -> None:
        self._taken: Container[str] = taken if not isinstance(taken, Iterable) or isinstance(taken, (set, frozenset, dict)) else set(taken)
        self._made: set[str] = set()
        self._next: dict[str, int] = {}

    def __contains__(self, value: object) -> bool:
        return value in self._made or value in self._taken

    def free(self, base: str) -> str:
        """The first free id of ``base``, ``base-2``, ``base-3``... (without taking it)."""
        if base not in self:
            return base
        n = self._next.get(base, 1)
        while True:
            n += 1
            candidate = f"{base}-{n}"
            if candidate not in self:
                self._next[base] = n
                return candidate

    def make(self, text: str, fallback: str = "item", *, words: int | None = None) -> str:
        """A new id from ``text``, taken at once."""
        base = slugify(text, words=words) or fallback
        if base in RESERVED_IDS:
            base = f"{base}-{fallback}"
        candidate = self.free(base)
        self._made.add(candidate)
        return candidate

    def suggest(self, text: str, fallback: str = "record", *, words: int | None = None) -> str:
        """The id :meth:`make` would give, without taking it."""
        base = slugify(text, words=words) or fallback
        if base in RESERVED_IDS:
            base = f"{base}-{fallback}"
        return self.free(base)


def check_id(value: str, taken: Container[str]) -> str | None:
    """What is wrong with ``value`` as a new id (``None`` when it can be used)."""
    if not value:
        return "id: expected a slug such as 'smic-denies-links'; found nothing"
    if not is_id(value):
        hint = slugify(value, max_length=MAX_LENGTH)
        did = f" (did you mean {hint!r}?)" if hint and hint != value else ""
        return f"id: expected lowercase letters, digits and single hyphens (at most {MAX_LENGTH} characters); found {value!r}{did}"
    if value in RESERVED_IDS:
        return f"id: {value!r} is a reserved device name on some systems; choose another"
    if value in taken:
        return f"id: {value!r} is already used in the corpus; choose another"
    return None
