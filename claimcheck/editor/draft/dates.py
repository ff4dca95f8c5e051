"""Dates as articles write them ("on Tuesday", "last week", "In May", "dated 2 October", "Sept. 16"),
found in a text and resolved against the article's own date at their honest precision.

A weekday is the most recent such day on or before the article's date; a month or a day of the year
without a year, the most recent on or before it; "last week" the Monday-to-Sunday week before the
article's week (:func:`claimcheck.core.dates.resolve_relative`). When the article's date is itself
imprecise (a month), the result is the interval of every day the words can mean: "on Tuesday" in an
article of September 2020 is ``2020-08-25/2020-09-29``, never a day the text does not give.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from claimcheck.core.dates import DateError, PartialDate, as_date, resolve_relative
from claimcheck.editor.draft.lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

__all__ = ["DateMention", "find_dates", "resolve"]

_MONTH = "|".join(MONTHS)
_ABBR = "|".join(MONTH_ABBREVIATIONS)
_DAY = "|".join(WEEKDAYS)
_ORD = r"(?:st|nd|rd|th)?"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"

#: Each pattern, most specific first; the group ``phrase`` is what is resolved.
_PATTERNS = [
    ("between-days", rf"\bbetween (?P<d1>\d{{1,2}}){_ORD} and (?P<d2>\d{{1,2}}){_ORD} (?P<month>{_MONTH})(?: (?P<year>\d{{4}}))?"),
    ("between-months", rf"\bbetween (?P<m1>{_MONTH})(?: (?P<y1>\d{{4}}))? and (?P<m2>{_MONTH})(?: (?P<year>\d{{4}}))?"),
    ("day-month", rf"\b(?P<day>\d{{1,2}}){_ORD} (?P<month>{_MONTH})(?:,? (?P<year>\d{{4}}))?"),
    ("month-day", rf"\b(?P<month>{_MONTH}|(?:{_ABBR})\.?) (?P<day>\d{{1,2}}){_ORD}(?:,? (?P<year>\d{{4}}))?\b"),
    ("month", rf"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Tt]hroughout|[Ee]arly|[Ll]ate|[Mm]id-?|[Dd]uring|[Oo]f|[Ll]ast) (?:early |late |mid-?)?(?P<month>{_MONTH})(?: (?P<year>\d{{4}}))?\b"),
    ("month-start", rf"^(?P<month>{_MONTH})(?: (?P<year>\d{{4}}))?\b"),
    ("relative", r"\b(?P<rel>(?i:earlier this month|earlier this year|this month|this year|last week|last month|last year|this week|yesterday|today))\b"),
    ("weekday", rf"\b(?:(?:late |early )?on |since |early |late )?(?P<weekday>{_DAY}){_PART_OF_DAY}\b"),
    ("year", r"\b(?:[Ii]n|[Ss]ince|[Oo]f|[Dd]uring|[Tt]hroughout|[Uu]ntil|[Bb]y) (?P<year>(?:19|20)\d{2})\b"),
]  # fmt: skip
_COMPILED = [(name, re.compile(pattern)) for name, pattern in _PATTERNS]


@attrs.define(frozen=True, kw_only=True)
class DateMention:
    """A date expression in a text: where it is, its words, and what it means against a document date."""

    start: int
    end: int
    phrase: str
    kind: str
    groups: dict[str, str | None]

    def resolve(self, document: PartialDate | None, *, after: bool = False) -> tuple[PartialDate | None, str]:
        """The date the words mean against ``document`` (``None`` when they cannot be resolved), and how."""
        return resolve(self, document, after=after)


def find_dates(text: str) -> list[DateMention]:
    """Every date expression in ``text``, in order, none overlapping another."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _COMPILED:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append(m.span())
            found.append(DateMention(start=m.start(), end=m.end(), phrase=m.group(), kind=kind, groups=m.groupdict()))
    return sorted(found, key=lambda d: d.start)


def _month_number(word: str) -> int:
    word = word.rstrip(".")
    if word in MONTHS:
        return MONTHS.index(word) + 1
    return MONTH_ABBREVIATIONS[word]


def _on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _latest_month(month: int, before: dt.date) -> tuple[int, int]:
    return (before.year, month) if month <= before.month else (before.year - 1, month)


def _day_before(month: int, day: int, before: dt.date) -> dt.date | None:
    for year in (before.year, before.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= before:
            return candidate
    return None


def _day_after(month: int, day: int, after: dt.date) -> dt.date | None:
    for year in (after.year, after.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= after:
            return candidate
    return None


def _span(lo: dt.date, hi: dt.date) -> PartialDate:
    return as_date(lo, hi) if lo <= hi else as_date(hi, lo)


def _absolute(mention: DateMention, words: str) -> PartialDate | None:
    """The date of words that carry their own year ("in 2022", "3 July 2025", "between January and October 2025")."""
    g = mention.groups
    year = int(str(g["year"])) if g.get("year") else None
    if year is None:
        return None
    if mention.kind == "year":
        return PartialDate.parse(f"{year:04d}")
    if mention.kind in {"month", "month-start"}:
        return PartialDate.parse(f"{year:04d}-{_month_number(str(g['month'])):02d}")
    if mention.kind in {"day-month", "month-day"}:
        return PartialDate.parse(dt.date(year, _month_number(str(g["month"])), int(str(g["day"]))).isoformat())
    if mention.kind == "between-days":
        month = _month_number(str(g["month"]))
        return _span(dt.date(year, month, int(str(g["d1"]))), dt.date(year, month, int(str(g["d2"]))))
    if mention.kind == "between-months":
        y1 = int(str(g["y1"])) if g.get("y1") else year
        return PartialDate.parse(f"{y1:04d}-{_month_number(str(g['m1'])):02d}/{year:04d}-{_month_number(str(g['m2'])):02d}")
    return None


def _relative(
    mention: DateMention, words: str, document: PartialDate, lo: dt.date, hi: dt.date, *, after: bool = False
) -> tuple[PartialDate | None, str]:
    """The date of words that need the article's date ("on Tuesday", "In May", "last week"); ``after``
    reads a day of the year as the first on or after it (a correction dated "Sept. 17")."""
    g = mention.groups
    if after and mention.kind in {"day-month", "month-day"}:
        month, day = _month_number(str(g["month"])), int(str(g["day"]))
        day_after = _day_after(month, day, lo)
        if day_after is None:
            return None, f"{words}: no such day on or after the article's date"
        return _span(day_after, day_after), f"{words}: the first such day on or after the article's date"
    if mention.kind in {"month", "month-start"} and g.get("month"):
        month = _month_number(str(g["month"]))
        first, last = _latest_month(month, lo), _latest_month(month, hi)
        text = f"{first[0]:04d}-{first[1]:02d}" + ("" if first == last else f"/{last[0]:04d}-{last[1]:02d}")
        return PartialDate.parse(text), f"{words}: the most recent {MONTHS[month - 1]} on or before the article's date"
    if mention.kind in {"day-month", "month-day"}:
        month, day = _month_number(str(g["month"])), int(str(g["day"]))
        early, late = _day_before(month, day, lo), _day_before(month, day, hi)
        if early is None or late is None:
            return None, f"{words}: no such day on or before the article's date"
        return _span(early, late), f"{words}: the most recent such day on or before the article's date"
    if mention.kind == "weekday":
        weekday = WEEKDAYS.index(str(g["weekday"]))
        return _span(_on_or_before(lo, weekday), _on_or_before(hi, weekday)), f"{words}: the {g['weekday']} on or before the article's date"
    if mention.kind == "relative":
        rel = str(g["rel"]).lower()
        if rel == "yesterday":
            return _span(lo - dt.timedelta(days=1), hi - dt.timedelta(days=1)), f"{words}: the day before the article's date"
        if rel == "today":
            return _span(lo, hi), f"{words}: the article's date"
        if rel == "this week":
            return _span(lo - dt.timedelta(days=lo.weekday()), hi), f"{words}: from the Monday of the article's week to its date"
        return resolve_relative(rel, document), f"{words}, resolved against the article's date"
    return None, f"{words}: not resolved"


def resolve(mention: DateMention, document: PartialDate | None, *, after: bool = False) -> tuple[PartialDate | None, str]:
    """What ``mention`` means against the document's date, and a note saying how it was read (``after``:
    words dating something after the document, such as a correction)."""
    words = f'"{mention.phrase.strip()}"'
    try:
        absolute = _absolute(mention, words)
        if absolute is not None:
            return absolute, f"{words}, as the article gives it"
        if mention.kind in {"year", "between-days", "between-months"}:
            return None, f"{words}: not resolved"
        lo = document.earliest if document else None
        hi = document.latest if document else None
        if document is None or lo is None or hi is None:
            return None, f"{words}: the article's date is needed to resolve it"
        return _relative(mention, words, document, lo, hi, after=after)
    except (DateError, ValueError) as exc:
        return None, f"{words}: {exc}"
