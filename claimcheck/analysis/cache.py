"""Analysis results kept between runs, so ``claimcheck check`` on a corpus that has not changed does not
analyse it again.

A result is kept under a key that digests every input it depends on: the corpus's content
(:attr:`claimcheck.model.corpus.Corpus.source_digest`: each file's bytes, the config, the full texts
the quotes were checked against), the folder the corpus was read from (problems name their files by
it), the view (drafts or not), what was asked, and claimcheck's version and code; and the plugins
installed, by name and version. When a plugin adds balance checks, nothing is kept: its checks may
read anything. The results live in an ``analysis`` folder of the parse cache
(:func:`claimcheck.load.filecache.cache_dir`: ``CLAIMCHECK_CACHE=off`` turns both off; deleting it is
always safe), one file a key, written atomically, starting with the sha256 of the rest: a file damaged
on disk, or one that cannot be read or written, is simply not used, and the analysis is run again.
Only the :data:`KEEP` most recent results are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
from pathlib import Path
from typing import Any

from claimcheck.core import atomic
from claimcheck.core.errors import OutputError
from claimcheck.core.plugins import plugin_manager
from claimcheck.core.version import code_fingerprint
from claimcheck.load.filecache import cache_dir, prune
from claimcheck.model.corpus import Corpus

__all__ = ["KEEP", "folder", "get", "key", "key_of", "put"]

#: How many results the cache keeps (a check keeps two: the report and the dispute figures) (the oldest beyond these are removed when one is written).
KEEP = 16
_FORMAT = b"claimcheck analysis cache 1\n"


def folder() -> Path | None:
    """Where analysis results are kept, or ``None`` when caching is off."""
    base = cache_dir()
    return None if base is None else base / "analysis"


def _plugins() -> str | None:
    """The installed plugins, by name and version; ``None`` when one adds balance checks."""
    pm = plugin_manager()
    if any(pm.hook.claimcheck_checks()):
        return None
    dists = {id(plugin): f"{dist.project_name} {dist.version}" for plugin, dist in pm.list_plugin_distinfo()}
    return "\n".join(sorted(f"{name}\0{dists.get(id(plugin), '')}" for name, plugin in pm.list_name_plugin()))


def key(view: Corpus, *parts: str) -> str | None:
    """The key of what is asked (``parts``) of ``view``, or ``None`` when the result must not be kept: a
    corpus that cannot vouch for its content (not loaded by :func:`claimcheck.load`, or changed in memory
    since), plugins that add checks, or caching turned off."""
    return key_of(view.source_digest, view.root, view.single_file, *parts)


def key_of(source_digest: str | None, root: Path, single_file: bool, *parts: str) -> str | None:
    """:func:`key` of the view whose :attr:`~claimcheck.model.corpus.Corpus.source_digest` is
    ``source_digest``, read from ``root`` (one file of it when ``single_file``), without the view itself:
    a command asks before loading the records (from :class:`claimcheck.load.snapshot.Summary`)."""
    if source_digest is None or folder() is None:
        return None
    plugins = _plugins()
    if plugins is None:
        return None
    h = hashlib.sha256(_FORMAT)
    for part in (source_digest, root.as_posix(), str(single_file), code_fingerprint(), plugins, *parts):
        h.update(part.encode("utf-8", "surrogateescape") + b"\0\n")
    return h.hexdigest()


def get(k: str) -> Any:
    """The plain value kept under ``k``, or ``None`` when there is none that can be trusted."""
    where = folder()
    if where is None:
        return None
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        blob = (where / f"{k}.marshal").read_bytes()
        if hashlib.sha256(blob[32:]).digest() == blob[:32]:
            return marshal.loads(blob[32:])  # noqa: S302 - our own cache of plain values, checked by its digest
    return None


def put(k: str, value: Any) -> None:
    """Keep ``value`` (plain values only: what :mod:`marshal` holds) under ``k``; a cache that cannot be
    written is simply not used."""
    where = folder()
    if where is None:
        return
    try:
        payload = marshal.dumps(value)
    except ValueError:
        return
    with contextlib.suppress(OutputError):
        atomic.write_bytes(where / f"{k}.marshal", hashlib.sha256(payload).digest() + payload, durable=False)
    prune(where, "*.marshal", KEEP)
