"""Sentences and quotations in a block of an article.

Quotations are found first: double quotes (straight or curly) pair in order; single quotes (British
house style, ‘…’ or '…') open only at the start of a word and close only at its end, so that
apostrophes (didn’t, the mine's, SMIC ' s) are never taken for quotation marks. Sentences are then cut
at a full stop, question or exclamation mark followed by a capital, a digit or an opening quote, but
never after an abbreviation (Mr, Corp., Sept., a.m.) or an initial, and never inside a quotation unless
the quotation itself ends there: ``"...the rock. Noise in the walls...," said Prakash Venner`` is one
sentence, attributed as a whole. A semicolon outside quotations ends a clause, which is read as a
sentence of its own.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["MASK", "Quote", "Unit", "masked", "quotations", "sentence_spans", "units"]

#: The character quotation contents are replaced with in :func:`masked` text.
MASK = "\u2063"
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "sr",
        "jr",
        "corp",
        "inc",
        "ltd",
        "co",
        "bros",
        "no",
        "nos",
        "vs",
        "etc",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "cllr",
        "dept",
        "univ",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "ont",
        "calif",
        "ariz",
        "mass",
        "fla",
        "ga",
        "ill",
        "mich",
        "minn",
        "pa",
        "tex",
        "va",
        "wash",
        "wis",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "approx",
        "est",
        "fig",
        "al",
    ]
)
_END = re.compile(r"[.!?]+[\"”’'»)\]]*(?=\s+[\"“‘'«(]?[A-Z0-9\u00c0-\u024f])")


@attrs.define(frozen=True, kw_only=True)
class Quote:
    """A quotation: the offsets of its marks (``start``, ``end``) and of the words inside them."""

    start: int
    end: int
    inner_start: int
    inner_end: int

    def inner(self, text: str) -> str:
        """The quoted words."""
        return text[self.inner_start : self.inner_end]


@attrs.define(frozen=True, kw_only=True)
class Unit:
    """A sentence (or a clause after a semicolon) of a block: its offsets and the quotations inside it."""

    start: int
    end: int
    quotes: tuple[Quote, ...]


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def quotations(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order; a double quotation left open runs to the end of the text."""
    quotes: list[Quote] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch == "“" and open_at is None:
            open_at = i
        elif ch == "”" and open_at is not None:
            quotes.append(Quote(start=open_at, end=i + 1, inner_start=open_at + 1, inner_end=i))
            open_at = None
        elif ch == '"':
            if open_at is None:
                open_at = i
            else:
                quotes.append(Quote(start=open_at, end=i + 1, inner_start=open_at + 1, inner_end=i))
                open_at = None
    if open_at is not None and len(text) - open_at > 1:
        quotes.append(Quote(start=open_at, end=len(text), inner_start=open_at + 1, inner_end=len(text)))
    quotes += _single_quotations(text, quotes)
    return sorted(quotes, key=lambda q: q.start)


def _single_quotations(text: str, doubles: list[Quote]) -> list[Quote]:
    inside = [False] * (len(text) + 1)
    for q in doubles:
        for k in range(q.start, q.end):
            inside[k] = True
    out: list[Quote] = []
    open_at: int | None = None
    for i, ch in enumerate(text):
        if ch not in "‘’'" or inside[i]:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        opens = (before.isspace() or before in '([—–-/"“') and not after.isspace() and ch in "‘'"
        closes = not before.isspace() and not _is_word_char(after) and ch in "’'"
        if open_at is None and opens:
            open_at = i
        elif open_at is not None and closes and i > open_at + 1:
            out.append(Quote(start=open_at, end=i + 1, inner_start=open_at + 1, inner_end=i))
            open_at = None
    return out


def masked(text: str, quotes: list[Quote] | tuple[Quote, ...], offset: int = 0) -> str:
    """``text`` (which starts at ``offset`` of the text the quotes were found in) with every quoted word
    replaced by :data:`MASK`, so that rules reading the reporting clause never match inside a quotation."""
    chars = list(text)
    for q in quotes:
        for k in range(max(q.inner_start - offset, 0), min(q.inner_end - offset, len(chars))):
            chars[k] = MASK
    return "".join(chars)


def _abbreviation_before(text: str, end: int) -> bool:
    """Whether the full stop at ``end`` closes an abbreviation or an initial."""
    m = re.search(r"([A-Za-z][A-Za-z.]*)\.$", text[: end + 1])
    if m is None:
        return False
    word = m.group(1).lower()
    return word in _ABBREVIATIONS or (len(word) == 1 and m.group(1).isupper())


def sentence_spans(
    text: str, start: int = 0, end: int | None = None, quotes: tuple[Quote, ...] | list[Quote] = ()
) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]`` as offsets, not cut inside any of ``quotes``."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for m in _END.finditer(text, start, end):
        cut = m.end()
        stop = m.start()
        if text[stop] == "." and _abbreviation_before(text, stop) and m.group() == ".":
            continue
        if any(q.inner_start < cut < q.inner_end or q.inner_start < cut <= q.inner_end - 1 for q in quotes):
            continue
        spans.append((pos, cut))
        pos = cut
        while pos < end and text[pos].isspace():
            pos += 1
    if pos < end and text[pos:end].strip():
        spans.append((pos, end))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def units(text: str, start: int = 0) -> list[Unit]:
    """The sentences (and semicolon clauses) of a block's ``text`` from ``start``, each with its quotations."""
    quotes = [q for q in quotations(text) if q.end > start]
    out: list[Unit] = []
    for s, e in sentence_spans(text, start, len(text), quotes):
        pieces: list[tuple[int, int]] = []
        pos = s
        for m in re.finditer(r";\s+", text[s:e]):
            at = s + m.start()
            if any(q.inner_start <= at < q.inner_end for q in quotes):
                continue
            pieces.append((pos, at))
            pos = s + m.end()
        pieces.append((pos, e))
        for ps, pe in pieces:
            if text[ps:pe].strip():
                inside = tuple(q for q in quotes if (q.start >= ps and q.end <= pe) or (q.start >= ps and q.start < pe))
                out.append(Unit(start=ps, end=pe, quotes=inside))
    return out
