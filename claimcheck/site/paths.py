"""Where each page of the site lives, and the guards that keep every file inside the output folder.

Pages are addressed by their path from the site root (``claims/smic-denial.html``); templates
prefix it with ``root`` (``""`` or ``"../"``), so every link is relative and the site works from
any sub-path and from ``file://``.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from claimcheck.errors import OutputError

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_HTTP = re.compile(r"^https?://[^\s<>\"'`]+$", re.IGNORECASE)
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
    if not SLUG.match(record_id):
        raise OutputError(f"{kind} id {record_id!r} is not a slug (expected lowercase letters, digits and single hyphens); no page can be written for it")
    return f"{FOLDERS[kind]}/{record_id}.html"


def root_of(page: str) -> str:
    """The relative prefix from ``page`` back to the site root: ``""`` or ``"../"``..."""
    depth = len(PurePosixPath(page).parts) - 1
    return "../" * depth


def inside(root: Path, page: str, resolved: dict[str, Path] | None = None) -> Path:
    """The file for ``page`` under ``root``, refusing any path that would resolve outside it.

    ``resolved`` caches resolved folders across the calls of one build (resolving is a system call
    per path component).
    """
    if page.startswith("/") or "\\" in page or any(part in {"", ".", ".."} for part in page.split("/")):
        raise OutputError(f"refusing to write {page!r}: a page path must be relative, without '.', '..' or empty parts")
    cache = resolved if resolved is not None else {}
    folder, _, name = page.rpartition("/")
    for key in ("", folder):
        if key not in cache:
            cache[key] = (root / key).resolve() if key else root.resolve()
    base, parent = cache[""], cache[folder]
    target = parent / name
    if (parent != base and base not in parent.parents) or target.is_symlink():
        raise OutputError(f"refusing to write {page!r}: it resolves to {target.resolve()}, outside the output folder {base}")
    return target
