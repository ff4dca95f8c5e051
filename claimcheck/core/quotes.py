"""Finding a quote in a document's full text, tolerating whitespace and typographic differences.

Both texts are normalised the same way (runs of whitespace → one space; curly quotes, primes and
apostrophes → their ASCII forms; dashes kept as written), and a match is mapped back to offsets
in the original text.
"""

from __future__ import annotations

import bisect
import re

_TYPOGRAPHIC = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
    }
)
_SPACE = re.compile(r"\s+")
_COLLAPSING = re.compile(r"^\s+|\s{2,}")


class NormalisedText:
    """A text normalised for quote matching, with a map back to the original offsets.

    Every whitespace character becomes a space in place, so offsets shift only where a run of
    whitespace longer than one character collapses (and where leading whitespace is dropped): the
    map holds those runs alone, found by a regex, a handful per text. A large corpus normalises
    thousands of full texts per load.
    """

    def __init__(self, original: str) -> None:
        self.original = original
        translated = _translate(original)
        # after each collapsing run: where it ends in the normalised text, and how many characters
        # were dropped up to there
        self._ends: list[int] = []
        self._dropped: list[int] = []
        dropped = 0
        for m in _COLLAPSING.finditer(translated):
            start, end = m.span()
            kept = 0 if start == 0 else 1
            dropped += (end - start) - kept
            self._ends.append(end - dropped)
            self._dropped.append(dropped)
        text = _SPACE.sub(" ", translated)
        self.text = text[1:] if text.startswith(" ") else text

    def _original(self, index: int) -> int:
        k = bisect.bisect_right(self._ends, index) - 1
        return index + (self._dropped[k] if k >= 0 else 0)

    def find(self, quote: str) -> tuple[int, int] | None:
        """The (start, end) offsets of ``quote`` in the original text, or ``None``."""
        needle = normalise(quote)
        if not needle:
            return None
        at = self.text.find(needle)
        if at < 0:
            return None
        return (self._original(at), self._original(at + len(needle) - 1) + 1)


def _translate(text: str) -> str:
    # str.translate walks the text in Python-level steps; ASCII text (most of it) has nothing to map but "`"
    if text.isascii() and "`" not in text:
        return text
    return text.translate(_TYPOGRAPHIC)


def normalise(text: str) -> str:
    """``text`` as :class:`NormalisedText` sees it: one space for each whitespace run, ASCII quotes."""
    return _SPACE.sub(" ", _translate(text)).strip()
