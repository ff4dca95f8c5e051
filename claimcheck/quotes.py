"""Finding a quote in a document's full text, tolerating whitespace and typographic differences.

Both texts are normalised the same way (runs of whitespace → one space; curly quotes, primes and
apostrophes → their ASCII forms; dashes kept as written), and a match is mapped back to offsets
in the original text.
"""

from __future__ import annotations

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


class NormalisedText:
    """A text normalised for quote matching, with a map back to the original offsets."""

    def __init__(self, original: str) -> None:
        self.original = original
        chars: list[str] = []
        offsets: list[int] = []
        in_space = False
        for i, ch in enumerate(original.translate(_TYPOGRAPHIC)):
            if ch.isspace():
                if in_space or not chars:
                    continue
                in_space = True
                ch = " "
            else:
                in_space = False
            chars.append(ch)
            offsets.append(i)
        self.text = "".join(chars)
        self.offsets = offsets

    def find(self, quote: str) -> tuple[int, int] | None:
        """The (start, end) offsets of ``quote`` in the original text, or ``None``."""
        needle = normalise(quote)
        if not needle:
            return None
        at = self.text.find(needle)
        if at < 0:
            return None
        return (self.offsets[at], self.offsets[at + len(needle) - 1] + 1)


def normalise(text: str) -> str:
    """``text`` as :class:`NormalisedText` sees it: one space for each whitespace run, ASCII quotes."""
    return _SPACE.sub(" ", text.translate(_TYPOGRAPHIC)).strip()
