"""Quote anchors in a full text: taking them, finding them again after the text changed, numbering a
text's sentences, and a word diff of what changed.

An anchor is what the W3C Web Annotation model calls a ``TextQuoteSelector`` (``exact``, ``prefix``,
``suffix``) with a ``TextPositionSelector`` (``start``, ``end``), offsets in code points (Python ``str``
indexes), as Hypothesis takes them: 32 characters of context either side.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

import attrs

__all__ = ["CONTEXT", "Located", "locate", "quote_context", "sentence_ids", "sentences", "word_diff"]

#: Characters of context kept before and after a quote (Hypothesis's ``contextLen``).
CONTEXT = 32
#: A sentence ends at ., ! or ? (and closing quotes or brackets after it) followed by white space, or at a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"'\u201d\u2019)\]]*(?=\s)|\n")


def quote_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The passage ``text[start:end]`` with up to :data:`CONTEXT` characters before and after it."""
    return text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of ``text``, in order, white space trimmed, empty ones left out.

    A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or brackets after it)
    followed by white space, and at every line break: a heading or a list item is a sentence.
    """
    spans: list[tuple[int, int]] = []
    at = 0
    for m in _SENTENCE_END.finditer(text):
        spans += _trimmed(text, at, m.end())
        at = m.end()
    spans += _trimmed(text, at, len(text))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[tuple[int, int]]:
    piece = text[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    lead = len(piece) - len(piece.lstrip())
    return [(start + lead, start + lead + len(stripped))]


def sentence_ids(spans: list[tuple[int, int]], start: int, end: int) -> list[int]:
    """The indexes of the sentences that the passage ``[start, end)`` overlaps."""
    return [i for i, (s, e) in enumerate(spans) if s < end and start < e]


@attrs.define(frozen=True, kw_only=True)
class Located:
    """Where an anchored quote is in a text now: ``unchanged`` (the same passage at the same place),
    ``moved`` (the same passage elsewhere), ``changed`` (its context found around different words) or
    ``gone``; with its new offsets and words when found."""

    status: str
    start: int | None = None
    end: int | None = None
    found: str | None = None


def _occurrences(text: str, needle: str) -> Iterator[int]:
    if not needle:
        return
    at = text.find(needle)
    while at >= 0:
        yield at
        at = text.find(needle, at + 1)


def _context_score(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of the old prefix and suffix still stand right before and after ``[start, end)``."""
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    score = 0
    for a, b in zip(reversed(before), reversed(prefix), strict=False):
        if a != b:
            break
        score += 1
    for a, b in zip(after, suffix, strict=False):
        if a != b:
            break
        score += 1
    return score


def locate(text: str, exact: str, *, prefix: str = "", suffix: str = "", start: int | None = None) -> Located:
    """Find an anchored passage in ``text``, which may have changed since the anchor was taken.

    The passage itself first: where it was (``unchanged``), else the occurrence whose surroundings keep
    most of the old prefix and suffix, nearest the old place (``moved``). Failing that, the old prefix
    and suffix are looked for with at most a few times the passage's length between them, and what
    stands there now is the passage (``changed``); failing that, ``gone``.
    """
    if start is not None and text[start : start + len(exact)] == exact:
        return Located(status="unchanged", start=start, end=start + len(exact), found=exact)
    hits = list(_occurrences(text, exact))
    if hits:
        best = max(hits, key=lambda at: (_context_score(text, at, at + len(exact), prefix, suffix), -abs(at - (start or 0))))
        return Located(status="moved", start=best, end=best + len(exact), found=exact)
    limit = 3 * len(exact) + 200
    candidates: list[tuple[int, int, int]] = []
    for p in _occurrences(text, prefix) if len(prefix) >= 8 else ():
        begin = p + len(prefix)
        for s in _occurrences(text[begin : begin + limit + len(suffix)], suffix) if len(suffix) >= 8 else ():
            candidates.append((begin, begin + s, abs(s - len(exact))))
            break
    if candidates:
        begin, stop, _ = min(candidates, key=lambda c: (c[2], abs(c[0] - (start or 0))))
        return Located(status="changed", start=begin, end=stop, found=text[begin:stop])
    for anchor_text, before in ((prefix, True), (suffix, False)):
        if len(anchor_text) < 16:
            continue
        for at in _occurrences(text, anchor_text):
            reach = 2 * len(exact) + 20
            begin = at + len(anchor_text) if before else max(0, at - reach)
            window = text[begin : begin + reach] if before else text[begin:at]
            blocks = [b for b in difflib.SequenceMatcher(None, exact, window, autojunk=False).get_matching_blocks() if b.size]
            if not blocks:
                continue
            # the passage runs from where its context ends to the last of its words still there (or the reverse)
            start_at, stop = (begin, begin + blocks[-1].b + blocks[-1].size) if before else (begin + blocks[0].b, at)
            found = text[start_at:stop]
            if difflib.SequenceMatcher(None, found, exact, autojunk=False).ratio() >= 0.5:
                return Located(status="changed", start=start_at, end=stop, found=found)
    return Located(status="gone")


def word_diff(old: str, new: str) -> str:
    """A word diff in git's plain form: removed words as ``[-…-]``, added ones as ``{+…+}``."""
    a, b = old.split(), new.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out += a[i1:i2]
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)
