"""Where each record's page lives, in one place: the site writes its pages there, and every export that
links to a page (ClaimReview ``url``, AVeriTeC) points there.

Pages are addressed by their path from the site root (``claims/smic-denial.html``); templates
prefix it with ``root`` (``""`` or ``"../"``), so every link is relative and the site works from
any sub-path and from ``file://``. With a base URL (``--base-url``), a page's absolute URL is the
base URL joined with that path.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import urljoin

from claimcheck.core.errors import OutputError, UsageError
from claimcheck.core.ids import is_id

__all__ = [
    "FOLDERS",
    "absolute",
    "check_base_url",
    "entity_url",
    "http_url",
    "listing_page",
    "map_page",
    "page_url",
    "record_page",
    "record_subpage",
    "root_of",
    "timeline_page",
]

_HTTP = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)
_QID = re.compile(r"^Q[1-9][0-9]*$")
#: Folders holding one page per record, by record kind.
FOLDERS = {"claim": "claims", "source": "sources", "document": "documents"}


def http_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL (so it may become a link), else ``None`` (shown as text)."""
    return url if url is not None and _HTTP.match(url) else None


def record_page(kind: str, record_id: str) -> str:
    """The path from the site root of a record's page: ``claims/<id>.html``.

    Raises :class:`OutputError` for an id that is not a slug (ids are slugs by schema; a corpus
    built in code might not be).
    """
    if not is_id(record_id):
        raise OutputError(
            f"{kind} id {record_id!r} is not a slug (expected lowercase letters, digits and single hyphens); no page can be written for it"
        )
    return f"{FOLDERS[kind]}/{record_id}.html"


def root_of(page: str) -> str:
    """The relative prefix from ``page`` back to the site root: ``""`` or ``"../"``..."""
    depth = len(PurePosixPath(page).parts) - 1
    return "../" * depth


def check_base_url(base_url: str | None) -> str | None:
    """``base_url`` when it can be where a site is published: an http(s) URL without white space, quotes
    or angle brackets (the schema's rule for URLs). Raises :class:`UsageError` otherwise: a base URL
    ``javascript:...`` would make every ClaimReview ``url`` a script."""
    if base_url is not None and not (_HTTP.match(base_url) and len(base_url) <= 2000):
        raise UsageError(f"--base-url: expected an http(s) URL such as https://example.org/checks/; found {base_url!r}")
    return base_url


def absolute(base_url: str, page: str) -> str:
    """The absolute URL of ``page`` (a path from the site root) on a site published at ``base_url``."""
    check_base_url(base_url)
    return urljoin(base_url if base_url.endswith("/") else base_url + "/", page)


def page_url(kind: str, record_id: str, base_url: str | None) -> str | None:
    """The absolute URL of a record's page on the published site, or ``None`` without a base URL."""
    return absolute(base_url, record_page(kind, record_id)) if base_url else None


def entity_url(same_as: str) -> str | None:
    """A ``same_as`` entry as a URL: a bare Wikidata QID as its entity (``http://www.wikidata.org/entity/Q42``), an
    http(s) URL as it is, ``None`` for one no link or IRI may be made of (:func:`http_url`)."""
    return f"http://www.wikidata.org/entity/{same_as}" if _QID.match(same_as) else http_url(same_as)


def record_subpage(kind: str, record_id: str, number: int) -> str:
    """Page ``number`` of a record's page when its lists are too long for one: ``sources/<id>/2.html``
    (page 1 is :func:`record_page`)."""
    first = record_page(kind, record_id)
    return first if number <= 1 else f"{FOLDERS[kind]}/{record_id}/{number}.html"


#: Site-wide listings, paged: page 1 is ``<name>.html``, page N ``<name>-N.html``.
LISTINGS = ("index", "parties", "documents", "map")


def listing_page(name: str, number: int = 1) -> str:
    """Page ``number`` of a site-wide listing: ``index.html``, ``index-2.html``, ``parties-3.html``."""
    if name not in LISTINGS:
        raise ValueError(f"unknown listing {name!r}")
    return f"{name}.html" if number <= 1 else f"{name}-{number}.html"


def timeline_page(key: str | None = None) -> str:
    """The timeline's overview (``timeline.html``), or one of its parts: ``timeline/2020-09.html``, ``timeline/undated.html``."""
    if key is None:
        return "timeline.html"
    if not re.fullmatch(r"(\d{4}(-\d{2})?(-p\d+)?|undated(-p\d+)?)", key):
        raise OutputError(f"timeline part {key!r} is not a year, a month or 'undated'")
    return f"timeline/{key}.html"


def map_page(key: str) -> str:
    """The map of one dispute or cluster of related claims: ``maps/dispute-3.html``."""
    if not is_id(key):
        raise OutputError(f"map {key!r} is not a slug")
    return f"maps/{key}.html"
