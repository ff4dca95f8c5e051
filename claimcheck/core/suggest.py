""" "Did you mean …?": the nearest valid value for a mistyped one, fast enough for thousands of lookups.

``difflib`` compares a value against every choice; a corpus with 100,000 ids and 2,000 mistyped
references would make 200 million comparisons. A :class:`Suggester` indexes its choices once by
character trigrams and compares a value only against the few dozen choices sharing most trigrams
with it, then ranks those with ``difflib`` as before (the same similarity cutoff, 0.6).
"""

from __future__ import annotations

import difflib
import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable

__all__ = ["Suggester", "did_you_mean"]

#: Below this many choices every one is compared (the index would cost more than it saves).
_SMALL = 64
#: How many candidates, by shared trigrams, are compared in full.
_CANDIDATES = 40
#: The longest value examined: beyond it nothing sensible is "nearly" a valid choice.
_LONGEST = 200


def _grams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class Suggester:
    """The nearest of a fixed set of choices, for any number of values."""

    def __init__(self, choices: Iterable[str]) -> None:
        self.choices = [c for c in dict.fromkeys(choices) if isinstance(c, str)]
        self._index: dict[str, list[int]] | None = None

    def _candidates(self, value: str) -> list[str]:
        if len(self.choices) <= _SMALL:
            return self.choices
        if self._index is None:
            index: dict[str, list[int]] = defaultdict(list)
            for i, choice in enumerate(self.choices):
                for gram in _grams(choice[:_LONGEST]):
                    index[gram].append(i)
            self._index = dict(index)
        shared: Counter[int] = Counter()
        for gram in _grams(value):
            posting = self._index.get(gram)
            if posting is not None and len(posting) <= 5 * len(self.choices) // 10 + _CANDIDATES:
                shared.update(posting)
        best = heapq.nlargest(_CANDIDATES, shared.items(), key=lambda kv: (kv[1], -kv[0]))
        return [self.choices[i] for i, _ in sorted(best, key=lambda kv: kv[0])]

    def nearest(self, value: object) -> str | None:
        """The nearest choice to ``value`` (similarity 0.6 or more), or ``None``."""
        if not isinstance(value, str) or not value or len(value) > _LONGEST:
            return None
        close = difflib.get_close_matches(value, self._candidates(value), n=1, cutoff=0.6)
        return close[0] if close else None

    def hint(self, value: object) -> str:
        """`` (did you mean 'x'?)`` for the nearest choice, or nothing."""
        near = self.nearest(value)
        return f" (did you mean {near!r}?)" if near is not None else ""


def did_you_mean(value: object, choices: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the nearest of ``choices``, or nothing (for one lookup)."""
    return Suggester(choices).hint(value)
