"""The values of published ClaimReview markup that need reading with care: one value given as a list,
ratings given as text, and the rating itself (see docs/interop.md for each rule)."""

from __future__ import annotations

import re
from typing import Any

from claimcheck.interop.builder import Builder
from claimcheck.interop.jsonld_read import Where

__all__ = ["dropped", "one", "rating"]


def one(b: Builder, value: Any, where: Where, what: str) -> Any:
    if isinstance(value, list):
        if len(value) != 1:
            b.note("import-interpreted", where, f"{what}: a list of {len(value)}; the first is read")
        return value[0] if value else None
    return value


def _number(b: Builder, value: Any, where: Where, what: str) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        b.note("import-interpreted", where, f"{what}: {value!r} read as the integer {int(value)}")
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*[+-]?[0-9]+\s*", value):
        b.note("import-interpreted", where, f"{what}: the text {value!r}, read as the number {int(value)}")
        return int(value)
    b.note("import-interpreted", where, f"{what}: expected an integer rating; found {value!r}, left out (the verdict is kept by its label)")
    return None


def dropped(b: Builder, node: dict[str, Any], used: set[str], where: Where, what: str) -> None:
    extra = sorted(k for k in node if k not in used)
    if extra:
        b.note("import-dropped", where, f"{what}: {', '.join(extra)} not kept (no place in the claimcheck model)")


def rating(b: Builder, node: dict[str, Any], where: Where, publisher: str) -> tuple[str, str] | None:
    rating = one(b, node.get("reviewRating"), (*where, "reviewRating"), "reviewRating")
    rw = (*where, "reviewRating")
    if not isinstance(rating, dict):
        b.note("import-skipped", rw, "the ClaimReview has no reviewRating: skipped")
        return None
    value = _number(b, rating.get("ratingValue"), (*rw, "ratingValue"), "ratingValue")
    best = _number(b, rating.get("bestRating"), (*rw, "bestRating"), "bestRating")
    worst = _number(b, rating.get("worstRating"), (*rw, "worstRating"), "worstRating")
    label = b.text(rating.get("alternateName"), (*rw, "alternateName"), "alternateName", line=True)
    if value is not None and (best, worst) == (None, None):
        best, worst = 5, 1
        b.note("import-interpreted", rw, "no bestRating or worstRating: schema.org's defaults, 5 and 1, are used")
    elif value is not None and worst is None:
        worst = 1
        b.note("import-interpreted", rw, "no worstRating: schema.org's default, 1, is used")
    elif value is not None and best is None:
        best = 5
        b.note("import-interpreted", rw, "no bestRating: schema.org's default, 5, is used")
    if value == best == worst == -1:
        b.note(
            "import-interpreted",
            rw,
            "ratingValue, bestRating and worstRating are all -1 (no numeric rating): the verdict is kept by its label",
        )
        value = best = worst = None
    elif value is not None and (best is None or worst is None or not worst <= value <= best or worst == best):
        b.note("import-interpreted", rw, f"rating {value} does not sit on a scale {worst} to {best}: the verdict is kept by its label")
        value = best = worst = None
    if label is None:
        if value is None:
            b.note("import-skipped", rw, "the rating has neither a usable ratingValue nor an alternateName: skipped")
            return None
        label = f"{value} on a scale of {worst} to {best}"
        b.note("import-interpreted", rw, f"no alternateName: the verdict is labelled {label!r}")
    dropped(b, rating, {"@type", "ratingValue", "bestRating", "worstRating", "alternateName"}, rw, "reviewRating")
    return b.verdict(publisher, label, value, worst, best, rw)
