"""Which claims a brief, a query or an export covers: one filter, used by :meth:`Corpus.find_claims`
and by ``claimcheck brief --topic/--subject/--speaker/--tag/--since/--until``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from claimcheck.core.dates import DateError, PartialDate
from claimcheck.core.errors import UsageError
from claimcheck.model.records import Claim

if TYPE_CHECKING:
    from claimcheck.model.corpus import Corpus

__all__ = ["Selection", "date_bound"]


def date_bound(value: dt.date | str | None, *, first: bool) -> dt.date | None:
    """The earliest (``first``) or latest day of a bound given as a date or as partial-date text.

    Raises :class:`UsageError` for text that is not a date.
    """
    if value is None or isinstance(value, dt.date):
        return value
    try:
        parsed = PartialDate.parse(value)
    except DateError as exc:
        raise UsageError(f"bad date {value!r}: {exc}") from None
    return parsed.earliest if first else parsed.latest


@attrs.define(frozen=True, kw_only=True)
class Selection:
    """Which claims are covered. Every criterion given must hold; within one, any value may match
    (``topics=("a", "b")``: claims with topic a or b).

    ``since``/``until`` respect partial dates: a claim dated "May 2020" is selected by a range that
    overlaps May 2020, or (``certain=True``) only by a range that contains all of it. Undated claims
    are never selected by a date range.
    """

    topics: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    since: dt.date | str | None = None
    until: dt.date | str | None = None
    certain: bool = False

    def describe(self) -> str | None:
        """The selection in words, or ``None`` for the whole corpus."""
        parts = []
        for label, values in (
            ("topic", self.topics),
            ("subject", self.subjects),
            ("speaker", self.speakers),
            ("tag", self.tags),
            ("kind", self.kinds),
        ):
            if values:
                parts.append(f"{label} {' or '.join(values)}")
        if self.since or self.until:
            since = f"from {self.since}" if self.since else ""
            until = f"until {self.until}" if self.until else ""
            parts.append(f"dated {' '.join(p for p in (since, until) if p)}")
        return "; ".join(parts) or None

    def matcher(self) -> _Matcher:
        """A function telling whether a claim is selected (the date bounds parsed once)."""
        return _Matcher(self, date_bound(self.since, first=True), date_bound(self.until, first=False))

    def matches(self, claim: Claim) -> bool:
        """Whether ``claim`` is selected."""
        return self.matcher()(claim)

    def filter(self, claims: Iterable[Claim]) -> list[Claim]:
        """The selected claims among ``claims``, in their order."""
        match = self.matcher()
        return [c for c in claims if match(c)]

    def apply(self, corpus: Corpus) -> list[Claim]:
        """The selected claims of ``corpus``, in corpus order."""
        return self.filter(corpus.claims.values())


@attrs.define(frozen=True)
class _Matcher:
    selection: Selection
    lo: dt.date | None
    hi: dt.date | None

    def __call__(self, claim: Claim) -> bool:
        sel = self.selection
        if sel.topics and not set(sel.topics) & set(claim.topics):
            return False
        if sel.subjects and not set(sel.subjects) & set(claim.subjects):
            return False
        if sel.speakers and claim.speaker not in sel.speakers:
            return False
        if sel.tags and not set(sel.tags) & set(claim.tags):
            return False
        if sel.kinds and claim.kind not in sel.kinds:
            return False
        if self.lo is not None or self.hi is not None:
            if claim.date is None:
                return False
            return claim.date.within(self.lo, self.hi) if sel.certain else claim.date.overlaps(self.lo, self.hi)
        return True
