"""Partial dates: parsing at their real precision, words that keep it, ranges, and relative dates."""

from __future__ import annotations

import datetime as dt

import pytest

from claimcheck.core.dates import DateError, PartialDate, resolve_relative

D = dt.date


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2020", "year", D(2020, 1, 1), D(2020, 12, 31)),
        ("2020-02", "month", D(2020, 2, 1), D(2020, 2, 29)),
        ("2021-02", "month", D(2021, 2, 1), D(2021, 2, 28)),
        ("2020-09-14", "day", D(2020, 9, 14), D(2020, 9, 14)),
        ("2020-08-24/2020-09-27", "interval", D(2020, 8, 24), D(2020, 9, 27)),
        ("2020-05/2020-07", "interval", D(2020, 5, 1), D(2020, 7, 31)),
        ("../2020-09", "interval", None, D(2020, 9, 30)),
        ("2020-09/..", "interval", D(2020, 9, 1), None),
        ("2020-09/2020-09-01", "interval", D(2020, 9, 1), D(2020, 9, 1)),
    ],
)
def test_parse_keeps_precision_and_range(text: str, precision: str, earliest: D | None, latest: D | None) -> None:
    """Parsing keeps the text as written and gives the first and last day it can mean."""
    date = PartialDate.parse(text)
    assert date.text == str(date) == text
    assert date.precision == precision
    assert date.earliest == earliest
    assert date.latest == latest
    assert date.is_interval == ("/" in text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("2020", "2020"),
        ("2020-05", "May 2020"),
        ("2020-09-14", "14 September 2020"),
        ("2020-08-24/2020-09-27", "between 24 August and 27 September 2020"),
        ("2020-09-07/2020-09-13", "the week of 7 September 2020"),  # Monday to Sunday
        ("2020-09-08/2020-09-14", "between 8 and 14 September 2020"),  # seven days, but not a calendar week
        ("2020-09-01/2020-09-10", "between 1 and 10 September 2020"),
        ("2020-05/2020-07", "between May and July 2020"),
        ("2019-12-30/2020-01-02", "between 30 December 2019 and 2 January 2020"),
        ("2019/2020", "between 2019 and 2020"),
        ("../2020-09", "by September 2020"),
        ("2020-09/..", "from September 2020"),
    ],
)
def test_human_keeps_precision(text: str, words: str) -> None:
    """Dates read in words at the precision they were given, never more."""
    assert PartialDate.parse(text).human() == words


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2020-02-30", "day 30 does not exist in February 2020"),
        ("2021-02-29", "day 29 does not exist in February 2021"),
        ("2020-13", "month 13 does not exist"),
        ("2020-00-10", "month 0 does not exist"),
        ("2020-09-00", "day 0 does not exist"),
        ("0000", "year 0 does not exist"),
        ("0000/2020", "year 0 does not exist"),
        ("2020-09/2020-08", "ends before it starts"),
        ("2020-09-15/2020-09-14", "ends before it starts"),
        ("../..", "at least one end"),
        ("14/09/2020", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2020-9", "expected YYYY"),
        ("September 2020", "expected YYYY"),
        ("", "expected YYYY"),
        ("2020/", "expected YYYY"),
    ],
)
def test_parse_errors_say_what_was_expected(text: str, message: str) -> None:
    """Impossible or malformed dates raise DateError (a ValueError) with a message naming the problem."""
    with pytest.raises(DateError, match=message):
        PartialDate.parse(text)


def test_parse_rejects_non_strings() -> None:
    """A number (an unquoted YAML year) is refused with its type named."""
    with pytest.raises(DateError, match="expected a date string, found int 2020"):
        PartialDate.parse(2020)  # type: ignore[arg-type]  # the point: a number is refused
    assert issubclass(DateError, ValueError)


@pytest.mark.parametrize(
    ("text", "lo", "hi", "overlaps", "within"),
    [
        ("2020-05", D(2020, 5, 31), None, True, False),
        ("2020-05", D(2020, 6, 1), None, False, False),
        ("2020-05", None, D(2020, 4, 30), False, False),
        ("2020-05", None, D(2020, 5, 1), True, False),
        ("2020-05", D(2020, 5, 1), D(2020, 5, 31), True, True),
        ("2020-05", D(2020, 5, 2), D(2020, 12, 31), True, False),
        ("2020-05", None, None, True, True),
        ("2020", D(2020, 6, 1), D(2020, 6, 30), True, False),
        ("2020-09-14", D(2020, 9, 14), D(2020, 9, 14), True, True),
        ("../2020-09", D(2000, 1, 1), D(2000, 12, 31), True, False),  # open start: may be any time before
        ("../2020-09", None, D(2020, 12, 31), True, True),
        ("../2020-09", D(2020, 10, 1), None, False, False),
        ("2020-09/..", D(2030, 1, 1), None, True, False),
        ("2020-09/..", None, D(2020, 8, 31), False, False),
    ],
)
def test_overlaps_and_within(text: str, lo: D | None, hi: D | None, overlaps: bool, within: bool) -> None:
    """overlaps says the date may fall in the range; within says it certainly does (None is an open end)."""
    date = PartialDate.parse(text)
    assert date.overlaps(lo, hi) is overlaps
    assert date.within(lo, hi) is within


def test_sort_key_orders_by_earliest_then_narrowest() -> None:
    """Dates sort by their first day, the narrower first among equals, open starts first."""
    texts = ["2020-09", "2020", "../2020-09", "2020-09-14", "2020-09-01", "2019/..", "2020-09/.."]
    ordered = sorted((PartialDate.parse(t) for t in texts), key=PartialDate.sort_key)
    assert [d.text for d in ordered] == ["../2020-09", "2019/..", "2020", "2020-09-01", "2020-09", "2020-09/..", "2020-09-14"]


@pytest.mark.parametrize(
    ("expression", "against", "resolved"),
    [
        ("last week", "2020-09", "2020-08-24/2020-09-27"),
        ("last week", "2020-09-14", "2020-09-07/2020-09-13"),  # a Monday: the whole previous week
        ("last week", "2020-09-16", "2020-09-07/2020-09-13"),  # a Wednesday: still that week
        ("Last Week ", "2020-09-16", "2020-09-07/2020-09-13"),
        ("last month", "2020-09", "2020-08"),
        ("last month", "2020-09-14", "2020-08"),
        ("last month", "2020-01-15", "2019-12"),
        ("last month", "2020-08-24/2020-09-27", "2020-07/2020-08"),
        ("earlier this month", "2020-09", "2020-09"),
        ("earlier this month", "2020-09-14", "2020-09-01/2020-09-14"),
        ("this month", "2020-09-30", "2020-09"),
        ("this year", "2020-09", "2020-01/2020-09"),
        ("earlier this year", "2020-12-31", "2020"),
        ("last year", "2020-09", "2019"),
        ("last year", "2020/2021", "2019/2020"),
    ],
)
def test_resolve_relative(expression: str, against: str, resolved: str) -> None:
    """A relative expression resolves against the document's date to every day it can mean, in the least precise notation."""
    assert resolve_relative(expression, PartialDate.parse(against)).text == resolved


def test_resolve_relative_last_week_is_monday_to_sunday() -> None:
    """Every "last week" interval runs from a Monday to a Sunday."""
    for day in range(1, 31):
        date = resolve_relative("last week", PartialDate.parse(f"2020-09-{day:02d}"))
        assert date.earliest is not None
        assert date.latest is not None
        assert date.earliest.weekday() == 0
        assert date.latest.weekday() == 6
        assert (date.latest - date.earliest).days == 6
        assert date.latest < D(2020, 9, day)


@pytest.mark.parametrize(
    ("expression", "against", "message"),
    [
        ("next week", "2020-09", "unknown relative expression 'next week'"),
        ("yesterday", "2020-09-14", "unknown relative expression"),
        ("last week", "../2020-09", "cannot resolve 'last week' against an open date"),
        ("last month", "2020-09/..", "against an open date"),
    ],
)
def test_resolve_relative_errors(expression: str, against: str, message: str) -> None:
    """Unknown expressions and open document dates raise DateError."""
    with pytest.raises(DateError, match=message):
        resolve_relative(expression, PartialDate.parse(against))
