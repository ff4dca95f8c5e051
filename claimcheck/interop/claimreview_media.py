"""Media in published fact checks: the audio, video and image items that a ClaimReview's ``itemReviewed``
or ``appearance`` names (``Clip``, ``VideoObject``, MediaReview's ``mediaItemAppearance``), with their
URLs and time offsets, and the verdict a MediaReview gives (``mediaAuthenticityCategory``).
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.interop.builder import Builder
from claimcheck.interop.jsonld_read import Where, types

__all__ = ["MEDIA_TYPES", "authenticity_label", "is_media", "media_of", "seconds"]

#: schema.org types of media items (Snapshot types come from Google's Fact Check Markup Tool).
MEDIA_TYPES = frozenset(
    {
        "Clip",
        "MediaObject",
        "VideoObject",
        "AudioObject",
        "ImageObject",
        "VideoObjectSnapshot",
        "AudioObjectSnapshot",
        "ImageObjectSnapshot",
        "MediaReviewItem",
    }
)
_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$")
_DURATION = re.compile(r"^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$", re.IGNORECASE)


def is_media(node: Any) -> bool:
    """Whether the node is an audio, video or image item (or a Clip of one)."""
    return bool(types(node) & MEDIA_TYPES)


def seconds(b: Builder, value: Any, where: Where, what: str) -> float | int | None:
    """A time offset in seconds from a number, a clock time (``00:01:05``) or an ISO 8601 duration (``PT1M5S``)."""
    if value is None:
        return None
    if isinstance(value, bool):
        b.note("import-interpreted", where, f"{what}: expected a time offset; found {value!r}, left out")
        return None
    if isinstance(value, (int, float)):
        if value >= 0:
            return value
        b.note("import-interpreted", where, f"{what}: a negative offset {value!r}, left out")
        return None
    text = value.strip() if isinstance(value, str) else ""
    total: float | None = None
    clock = _CLOCK.match(text)
    duration = _DURATION.match(text) if text.upper() != "PT" else None
    if clock:
        total = int(clock[1] or 0) * 3600 + int(clock[2]) * 60 + float(clock[3])
    elif duration and any(duration.groups()):
        h, m, s = (float(g) if g else 0.0 for g in duration.groups())
        total = h * 3600 + m * 60 + s
    elif re.fullmatch(r"\d+(\.\d+)?", text):
        total = float(text)
    if total is None:
        b.note(
            "import-interpreted", where, f"{what}: expected a time offset in seconds, a clock time or a duration; found {value!r}, left out"
        )
        return None
    result: float | int = int(total) if total.is_integer() else total
    b.note("import-interpreted", where, f"{what}: {value!r} read as {result} seconds")
    return result


def media_of(b: Builder, node: dict[str, Any], where: Where, what: str) -> dict[str, Any] | None:
    """An appearance's ``media`` (url, start, end) for a media item, or ``None`` when it gives none of them."""
    url = None
    for key in ("contentUrl", "embedUrl", "url"):
        if node.get(key) is not None:
            url = b.url(node[key], (*where, key), f"{what}.{key}")
            if url is not None:
                break
    if "Clip" in types(node):
        start = seconds(b, node.get("startOffset"), (*where, "startOffset"), f"{what}.startOffset")
        end = seconds(b, node.get("endOffset"), (*where, "endOffset"), f"{what}.endOffset")
    else:
        start = seconds(b, node.get("startTime"), (*where, "startTime"), f"{what}.startTime")
        end = seconds(b, node.get("endTime"), (*where, "endTime"), f"{what}.endTime")
    if start is not None and end is not None and end < start:
        b.note("import-interpreted", where, f"{what}: ends ({end} s) before it starts ({start} s); the end is left out")
        end = None
    media = {k: v for k, v in {"url": url, "start": start, "end": end}.items() if v is not None}
    return media or None


def authenticity_label(b: Builder, value: Any, where: Where) -> str | None:
    """A MediaReview's ``mediaAuthenticityCategory`` as a verdict label: ``DecontextualizedContent`` →
    ``Decontextualized content`` (the first of a list; a schema.org URL read as its name)."""
    if isinstance(value, list):
        names = [v for v in value if isinstance(v, str) and v.strip()]
        if len(names) > 1:
            b.note("import-interpreted", where, f"mediaAuthenticityCategory: a list of {len(names)}; the first, {names[0]!r}, is kept")
        value = names[0] if names else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("name")
    if not isinstance(value, str) or not value.strip():
        return None
    name = re.sub(r"^(https?://schema\.org/|schema:)", "", value.strip())
    words = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).split()
    label = " ".join([words[0], *(w.lower() for w in words[1:])]) if words else name
    b.note("import-interpreted", where, f"MediaReview: mediaAuthenticityCategory {value!r} kept as the verdict label {label!r}")
    return label
