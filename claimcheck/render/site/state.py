"""The build state kept outside the site: each file's size, modification time and sha256, by site, and
the maps last drawn, by the digest of what they were drawn from.

The site's own manifest (``.claimcheck-build.json``) says what each file was built from and what it
holds, and is part of the published, byte-for-byte deterministic output, so it cannot hold file
times. This store, a SQLite file in claimcheck's cache folder (:func:`store_path`), holds them:
a file whose size and modification time are the ones recorded with its digest is known to hold
that digest without being read, which is what lets a rebuild leave ten thousand unchanged pages
unread. It is only a shortcut: a missing, stale or unreadable store means files are read and hashed
instead, never a wrong skip. Deleting it is always safe.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path

from claimcheck.load.filecache import cache_dir

#: (size in bytes, modification time in ns, sha256 of the content)
Recorded = tuple[int, int, str]

_SCHEMA = "CREATE TABLE IF NOT EXISTS files (site TEXT NOT NULL, path TEXT NOT NULL, size INTEGER, mtime INTEGER, sha256 TEXT, PRIMARY KEY (site, path))"


_MAPS = "CREATE TABLE IF NOT EXISTS maps (digest TEXT PRIMARY KEY, svg TEXT NOT NULL, width INTEGER NOT NULL)"


def store_path() -> Path | None:
    """Where the store lives: in ``$CLAIMCHECK_CACHE`` when it is set, else beside the parse cache under
    ``$XDG_CACHE_HOME/claimcheck``; ``None`` when claimcheck's cache is off."""
    parsed = cache_dir()
    if parsed is None:
        return None
    return (parsed if os.environ.get("CLAIMCHECK_CACHE") else parsed.parent) / "site-state.sqlite"


@contextlib.contextmanager
def _connect() -> Iterator[sqlite3.Connection | None]:
    where = store_path()
    if where is None:
        yield None
        return
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(where, timeout=5)
    except (OSError, sqlite3.Error):
        yield None
        return
    try:
        db.execute(_SCHEMA)
        db.execute(_MAPS)
        yield db
    finally:
        db.close()


def file_stat(path: str) -> tuple[int, int] | None:
    """A regular file's size and modification time (ns), or ``None``."""
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns) if os.path.isfile(path) and not os.path.islink(path) else None


def recorded(site: Path) -> dict[str, Recorded]:
    """What the store holds for the site at ``site`` (empty when nothing, or when it cannot be read)."""
    try:
        with _connect() as db:
            if db is None:
                return {}
            rows = db.execute("SELECT path, size, mtime, sha256 FROM files WHERE site = ?", (os.fspath(site),))
            return {path: (size, mtime, sha) for path, size, mtime, sha in rows}
    except sqlite3.Error:
        return {}


def record(site: Path, files: Mapping[str, Recorded]) -> None:
    """Replace what the store holds for ``site`` with ``files`` (silently skipped when it cannot be written)."""
    with contextlib.suppress(sqlite3.Error), _connect() as db:
        if db is None:
            return
        with db:
            gone = [(s,) for (s,) in db.execute("SELECT DISTINCT site FROM files") if not os.path.isdir(s)]
            db.executemany("DELETE FROM files WHERE site = ?", gone)  # sites deleted since: the store does not grow without end
            db.execute("DELETE FROM files WHERE site = ?", (os.fspath(site),))
            db.executemany(
                "INSERT INTO files (site, path, size, mtime, sha256) VALUES (?, ?, ?, ?, ?)",
                ((os.fspath(site), path, *entry) for path, entry in files.items()),
            )


def drawings() -> dict[str, tuple[str, int]]:
    """The maps drawn by the last build that drew any, by the digest of what each was drawn from (SVG, width).

    Laying a map out is the costliest part of its page; a map whose boxes and edges are unchanged is
    the same drawing, so a rebuild takes it from here."""
    try:
        with _connect() as db:
            if db is None:
                return {}
            return {digest: (svg, width) for digest, svg, width in db.execute("SELECT digest, svg, width FROM maps")}
    except sqlite3.Error:
        return {}


def save_drawings(drawn: Mapping[str, tuple[str, int]]) -> None:
    """Keep exactly ``drawn`` (the maps of the build just made), for the next build."""
    with contextlib.suppress(sqlite3.Error), _connect() as db:
        if db is None:
            return
        with db:
            db.execute("DELETE FROM maps")
            db.executemany("INSERT INTO maps (digest, svg, width) VALUES (?, ?, ?)", ((k, svg, w) for k, (svg, w) in drawn.items()))
