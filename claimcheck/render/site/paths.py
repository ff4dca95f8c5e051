"""The guard that keeps every file a site build writes inside its output folder."""

from __future__ import annotations

import os
from pathlib import Path

from claimcheck.core.errors import OutputError

__all__ = ["inside"]


def inside(root: Path, page: str, resolved: dict[str, Path] | None = None) -> Path:
    """The file for ``page`` under ``root``, refusing any path that would resolve outside it.

    ``resolved`` caches resolved folders across the calls of one build (resolving is a system call
    per path component).
    """
    if page.startswith("/") or "\\" in page or any(part in {"", ".", ".."} for part in page.split("/")):
        raise OutputError(f"refusing to write {page!r}: a page path must be relative, without '.', '..' or empty parts")
    cache = resolved if resolved is not None else {}
    folder, _, name = page.rpartition("/")
    if "" not in cache:
        cache[""] = root.resolve()
    base = cache[""]
    if folder not in cache:  # each folder is resolved and checked once a build
        parent = (root / folder).resolve()
        if parent != base and base not in parent.parents:
            raise OutputError(f"refusing to write {page!r}: it resolves to {(parent / name).resolve()}, outside the output folder {base}")
        cache[folder] = parent
    target = os.path.join(cache[folder], name)  # strings from here: pathlib costs more than the check itself
    if os.path.islink(target):
        raise OutputError(f"refusing to write {page!r}: it resolves to {os.path.realpath(target)}, outside the output folder {base}")
    return Path(target)
