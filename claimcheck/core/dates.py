"""Partial and uncertain dates, kept at their real precision from input to output.

The notation is a subset of ISO 8601 / EDTF: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, and intervals
``START/END`` of those where either end may be ``..`` (open). A date is never given a day the
source did not give: ``2020-05`` stays "May 2020" all the way to the output.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import attrs

#: ASCII digits only: ``\d`` would also read mathematical, fullwidth or Arabic-Indic digits as a year; ISO 8601 is ASCII.
_PART = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
MONTHS = tuple(calendar.month_name)[1:]


class DateError(ValueError):
    """The text is not a date in claimcheck's notation, or names a date that does not exist."""


@attrs.define(frozen=True, kw_only=True, order=False)
class Point:
    """One end of a date: a year, a month or a day, with the range of days it covers."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """``year``, ``month`` or ``day``."""
        return "day" if self.day else "month" if self.month else "year"

    @property
    def earliest(self) -> dt.date:
        """The first day this point can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day this point can mean."""
        if self.day:
            return dt.date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        """The point in the notation it was written in."""
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text

    def human(self, *, with_year: bool = True) -> str:
        """``2020``, ``May 2020`` or ``14 September 2020``."""
        year = f" {self.year}" if with_year else ""
        if self.day and self.month:
            return f"{self.day} {MONTHS[self.month - 1]}{year}"
        if self.month:
            return f"{MONTHS[self.month - 1]}{year}"
        return str(self.year)


def _point(text: str) -> Point:
    m = _PART.match(text)
    if not m:
        raise DateError(f"expected YYYY, YYYY-MM or YYYY-MM-DD, found {text!r}")
    year, month, day = int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None
    if year == 0:  # the notation allows 0000, but there was no year 0 (and Python's dates cannot hold it)
        raise DateError(f"year 0 does not exist in {text!r}: 1 BC is followed by AD 1")
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"month {month} does not exist in {text!r}")
    if day is not None and month is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise DateError(f"day {day} does not exist in {MONTHS[month - 1]} {year} ({text!r})")
    return Point(year=year, month=month, day=day)


@attrs.define(frozen=True, kw_only=True)
class PartialDate:
    """A date or an interval at its real precision; ``start``/``end`` are ``None`` for an open end."""

    text: str
    start: Point | None
    end: Point | None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``text``; raises :class:`DateError` with what was expected and found."""
        if not isinstance(text, str):
            raise DateError(f"expected a date string, found {type(text).__name__} {text!r}")
        if "/" in text:
            left, _, right = text.partition("/")
            start = None if left == ".." else _point(left)
            end = None if right == ".." else _point(right)
            if start is None and end is None:
                raise DateError("an interval needs at least one end, found '../..'")
            if start and end and start.earliest > end.latest:
                raise DateError(f"interval {text!r} ends before it starts")
            return cls(text=text, start=start, end=end)
        point = _point(text)
        return cls(text=text, start=point, end=point)

    @property
    def is_interval(self) -> bool:
        """True for ``START/END`` notation."""
        return "/" in self.text

    @property
    def earliest(self) -> dt.date | None:
        """The first day the date can mean, ``None`` if open at the start."""
        return self.start.earliest if self.start else None

    @property
    def latest(self) -> dt.date | None:
        """The last day the date can mean, ``None`` if open at the end."""
        return self.end.latest if self.end else None

    @property
    def precision(self) -> str:
        """``day``, ``month``, ``year`` or ``interval``."""
        return "interval" if self.is_interval else self.start.precision if self.start else "interval"

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """Earliest first; among equals, the narrower first. Open ends sort at the extremes."""
        return (self.earliest or dt.date.min, self.latest or dt.date.max)

    def overlaps(self, earliest: dt.date | None, latest: dt.date | None) -> bool:
        """Whether the date may fall within ``earliest``..``latest`` (``None`` is open)."""
        if latest is not None and self.earliest is not None and self.earliest > latest:
            return False
        return not (earliest is not None and self.latest is not None and self.latest < earliest)

    def within(self, earliest: dt.date | None, latest: dt.date | None) -> bool:
        """Whether the date certainly falls within ``earliest``..``latest``."""
        if earliest is not None and (self.earliest is None or self.earliest < earliest):
            return False
        return not (latest is not None and (self.latest is None or self.latest > latest))

    def human(self) -> str:
        """Words that keep the precision: "May 2020", "between 24 August and 27 September 2020"."""
        s, e = self.start, self.end
        if not self.is_interval and s:
            return s.human()
        if s is None and e is not None:
            return f"by {e.human()}"
        if e is None and s is not None:
            return f"from {s.human()}"
        assert s is not None
        assert e is not None
        if s.precision == "day" and e.precision == "day" and (e.latest - s.earliest).days == 6 and s.earliest.weekday() == 0:
            return f"the week of {s.human()}"
        same_year = s.year == e.year and "year" not in (s.precision, e.precision)
        if same_year and s.precision == e.precision == "day" and s.month == e.month:
            return f"between {s.day} and {e.human()}"
        return f"between {s.human(with_year=not same_year)} and {e.human()}"

    def __str__(self) -> str:
        return self.text


def resolve_relative(expression: str, document_date: PartialDate) -> PartialDate:
    """Resolve "last week", "last month", "earlier this month", "this year", "last year" against a
    document's date, giving every day the expression can mean and nothing more precise."""
    lo, hi = document_date.earliest, document_date.latest
    if lo is None or hi is None:
        raise DateError(f"cannot resolve {expression!r} against an open date {document_date.text!r}")
    phrase = expression.strip().lower()
    if phrase == "last week":
        start = lo - dt.timedelta(days=lo.weekday() + 7)
        end = hi - dt.timedelta(days=hi.weekday() + 1)
    elif phrase in {"earlier this month", "this month"}:
        start, end = lo.replace(day=1), hi
    elif phrase == "last month":
        first = (lo.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        last = hi.replace(day=1) - dt.timedelta(days=1)
        return as_date(first, last)
    elif phrase in {"this year", "earlier this year"}:
        start, end = lo.replace(month=1, day=1), hi
    elif phrase == "last year":
        return as_date(dt.date(lo.year - 1, 1, 1), dt.date(hi.year - 1, 12, 31))
    else:
        raise DateError(f"unknown relative expression {expression!r}")
    return as_date(start, end)


def as_date(first: dt.date, last: dt.date) -> PartialDate:
    """The least precise notation that says exactly ``first``..``last``."""
    whole_month_end = calendar.monthrange(last.year, last.month)[1] == last.day
    if first.day == 1 and whole_month_end:
        if (first.year, first.month) == (last.year, last.month):
            return PartialDate.parse(f"{first.year:04d}-{first.month:02d}")
        if first.month == 1 and last.month == 12:
            return PartialDate.parse(f"{first.year:04d}" if first.year == last.year else f"{first.year:04d}/{last.year:04d}")
        return PartialDate.parse(f"{first:%Y-%m}/{last:%Y-%m}")
    if first == last:
        return PartialDate.parse(first.isoformat())
    return PartialDate.parse(f"{first.isoformat()}/{last.isoformat()}")
