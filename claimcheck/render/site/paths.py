"""The guard that keeps every file a site build writes inside its output folder."""

from __future__ import annotations

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
    for key in ("", folder):
        if key not in cache:
            cache[key] = (root / key).resolve() if key else root.resolve()
    base, parent = cache[""], cache[folder]
    target = parent / name
    if (parent != base and base not in parent.parents) or target.is_symlink():
        raise OutputError(f"refusing to write {page!r}: it resolves to {target.resolve()}, outside the output folder {base}")
    return target
