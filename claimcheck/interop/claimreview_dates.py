"""The date of an imported review when its markup gives none: Google no longer lists ``datePublished``
among ClaimReview's fields, and real markup often leaves it out.

In order, each with a located warning: the review's ``dateModified`` or ``dateCreated``; the
``datePublished`` of the page that carries it (an Article or WebPage node of the same file, the one
whose url is the review's, else the only one); the date given to the import (``--review-date``); a
date in the review's URL (``/2022/09/30/``, ``-2022-09-30``); and last the open interval "on or after"
the latest date of the claim and the works it appears in. Nothing else is invented: with none of
these the review is skipped, and the warning says to give ``--review-date``.
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.core.dates import DateError, PartialDate
from claimcheck.interop.builder import Builder
from claimcheck.interop.jsonld_read import Where, find_typed

__all__ = ["review_date"]

PAGE_TYPES = frozenset({"Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "BlogPosting", "WebPage", "ItemPage"})
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([/-])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def _urls(node: dict[str, Any]) -> set[str]:
    out = set()
    for key in ("url", "@id", "mainEntityOfPage"):
        value = node.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str):
            out.add(value.strip().split("#")[0].rstrip("/"))
    return out


def _page_date(b: Builder, node: dict[str, Any], url: str | None) -> tuple[str, Where, int | None] | None:
    wanted = _urls(node) | ({url.split("#")[0].rstrip("/")} if url else set())
    dated: list[tuple[Where, int | None, dict[str, Any]]] = []
    for line, data in b.pages:
        for where, page in find_typed(data, PAGE_TYPES):
            if page is not node and isinstance(page.get("datePublished"), str):
                dated.append((where, line, page))
    same = [d for d in dated if _urls(d[2]) & wanted]
    chosen = same[0] if same else dated[0] if len(dated) == 1 else None
    if chosen is None:
        return None
    where, line, page = chosen
    return str(page["datePublished"]), (*where, "datePublished"), line


def _quiet_date(b: Builder, value: str) -> str | None:
    """A date read the way :meth:`Builder.date` reads it, without its warnings (the caller gives its own)."""
    kept = len(b.problems)
    out = b.date(value, (), "date")
    del b.problems[kept:]
    return out


def review_date(
    b: Builder,
    node: dict[str, Any],
    where: Where,
    fallback: str | None,
    claim_date: str | None,
    work_dates: list[str | None],
    url: str | None,
) -> str | None:
    """The review's date in claimcheck's notation, or ``None`` (with a warning) when nothing dates it."""
    if node.get("datePublished") is not None:
        date = b.date(node.get("datePublished"), (*where, "datePublished"), "datePublished")
        if date is not None:
            return date
    for key in ("dateModified", "dateCreated"):
        if node.get(key) is not None:
            date = b.date(node[key], (*where, key), key)
            if date is not None:
                b.note("import-interpreted", (*where, key), f"no usable datePublished: the review is dated by its {key}, {date}")
                return date
    page = _page_date(b, node, url)
    if page is not None:
        text, page_where, page_line = page
        date = _quiet_date(b, text)
        if date is not None:
            b.note(
                "import-interpreted",
                where,
                f"no datePublished: the review is dated {date}, the datePublished of the page that carries it"
                f" ({'line ' + str(page_line) + ', ' if page_line else ''}{'/'.join(map(str, page_where))})",
            )
            return date
    if fallback is not None:
        b.note("import-interpreted", where, f"no datePublished: the review is dated {fallback}, the date given to the import")
        return fallback
    found = _URL_DATE.search(url or "")
    if found:
        try:
            date = PartialDate.parse(f"{found[1]}-{found[3]}-{found[4]}").text
        except DateError:
            date = None
        if date is not None:
            b.note("import-interpreted", (*where, "url"), f"no datePublished: the review is dated {date}, the date in its url")
            return date
    known = [PartialDate.parse(d) for d in (claim_date, *work_dates) if d]
    latest = max((d.start for d in known if d.start is not None), key=lambda p: p.earliest, default=None)
    if latest is not None:
        date = f"{latest.iso()}/.."
        b.note(
            "import-interpreted",
            where,
            f"no datePublished: the review is dated {date}, on or after the latest date of the claim and its works",
        )
        return date
    b.note(
        "import-skipped",
        where,
        "the review has no usable date (no datePublished, no page date, none in its url): skipped; give the date with --review-date",
    )
    return None
