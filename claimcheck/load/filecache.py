"""Reading many corpus files fast: a content-hash cache of parsed, validated files, and parallel
parsing of the files the cache does not hold.

Parsing YAML is most of the cost of loading a corpus (PyYAML's C loader still builds every value
in Python). A file whose bytes have been seen before is not parsed again: its data and whether it
is schema-valid are kept under the sha256 of its bytes (salted with the claimcheck version and the
schemas), serialised with ``marshal``, which cannot build arbitrary objects. Only files that parsed
without problems are cached. The cache lives in ``$CLAIMCHECK_CACHE`` (``off`` disables it),
else ``$XDG_CACHE_HOME/claimcheck`` or ``~/.cache/claimcheck``; deleting it is always safe. The same
folder holds each mapped file's source marks (:func:`source_map`) and, in ``analysis/``, the balance
reports of :mod:`claimcheck.analysis.cache`.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import marshal
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from claimcheck.core import atomic
from claimcheck.core.errors import OutputError
from claimcheck.core.problems import Problem
from claimcheck.load import hygiene
from claimcheck.load.parsing import ESCAPED_INVISIBLE, INVISIBLE, Parsed, parse_bytes, read_bytes
from claimcheck.load.schemas import load_schemas, validator
from claimcheck.load.sourcemap import SourceMap

#: Below these, parsing in one process is faster than starting workers.
PARALLEL_MIN_FILES = 24
PARALLEL_MIN_BYTES = 2 * 1024 * 1024


@attrs.define(frozen=True, kw_only=True)
class FileResult:
    """A file's data (``None`` if it could not be read), whether it is schema-valid as a whole, and its problems."""

    data: Any = None
    valid: bool = False
    problems: tuple[Problem, ...] = ()
    #: whether the text holds zero-width or bidirectional control characters anywhere
    invisible: bool = True
    #: the salted sha256 of the file's bytes ("" when it could not be read)
    digest: str = ""
    #: (section, index) of each record holding a lone surrogate or a control character (reported among
    #: ``problems``; the loader does not load them)
    tainted: frozenset[tuple[str, int]] = frozenset()


def cache_dir() -> Path | None:
    """Where parsed files are cached, or ``None`` when caching is off."""
    env = os.environ.get("CLAIMCHECK_CACHE")
    if env is not None:
        return None if env.strip().lower() in {"", "0", "off", "no", "false"} else Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "claimcheck" / "parsed"


@functools.cache
def _salt() -> bytes:
    from claimcheck.core.version import __version__

    h = hashlib.sha256(f"claimcheck {__version__} parse-cache 1\\n".encode())
    for name, schema in sorted(load_schemas().items()):
        h.update(name.encode())
        h.update(repr(schema).encode())
    return h.digest()


def _digest(raw: bytes, name: str) -> str:
    h = hashlib.sha256(_salt())
    h.update(b"json" if name.endswith(".json") else b"yaml")
    h.update(raw)
    return h.hexdigest()


def _parse(raw: bytes, name: str, known: Any = None) -> FileResult:
    """Parse and check one file; ``known`` is the data its bytes are known to parse to (see :func:`read_files`)."""
    parsed = parse_bytes(raw, name) if known is None else Parsed(text=raw.decode("utf-8"), data=known)
    data = parsed.data
    valid = isinstance(data, dict) and not parsed.problems and validator("file.schema.json").is_valid(data)
    text = parsed.text
    invisible = text is None or INVISIBLE.search(text) is not None or ESCAPED_INVISIBLE.search(text) is not None
    # a file that is not a mapping is not loaded at all (not-a-mapping): there is no record to locate
    found = hygiene.problems(data, name) if isinstance(data, dict) and hygiene.may_hold(text) else []
    tainted = frozenset((p[0], p[1]) for p, _ in found if len(p) >= 2 and isinstance(p[0], str) and isinstance(p[1], int))
    return FileResult(
        data=data, valid=valid, problems=(*parsed.problems, *(prob for _, prob in found)), invisible=invisible, tainted=tainted
    )


def _parse_many(batch: list[tuple[bytes, str]]) -> list[FileResult]:
    return [_parse(raw, name) for raw, name in batch]


def _get(directory: Path, digest: str) -> FileResult | None:
    try:
        blob = (directory / digest[:2] / f"{digest}.marshal").read_bytes()
        data, valid, invisible = marshal.loads(blob)  # noqa: S302 - our own cache of plain values, keyed by content hash
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return FileResult(data=data, valid=bool(valid), invisible=bool(invisible))


def _put(directory: Path, digest: str, result: FileResult) -> None:
    try:
        blob = marshal.dumps((result.data, result.valid, result.invisible))
    except ValueError:
        return  # a value marshal cannot hold (a YAML !!timestamp): simply not cached
    with contextlib.suppress(OutputError):  # a cache that cannot be written is simply not used
        atomic.write_bytes(directory / digest[:2] / f"{digest}.marshal", blob, durable=False)


def prune(where: Path, pattern: str, keep: int) -> None:
    """Remove all but the ``keep`` most recently written entries matching ``pattern`` in the cache folder
    ``where`` (the analysis results, the loaded corpora); one that cannot be removed is left."""
    with contextlib.suppress(OSError):
        kept = sorted(where.glob(pattern), key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in kept[keep:]:
            with contextlib.suppress(OSError):
                os.unlink(old)


def source_map(raw: bytes, name: str, *, cache: bool = True) -> SourceMap:
    """The source map of a file's bytes, its marks taken from the cache when these bytes were mapped
    before (and kept there when not). Raises :class:`UnicodeDecodeError` for bytes that are not UTF-8.

    A marks file starts with the sha256 of the rest, so one damaged on disk is never believed: the text
    is mapped again."""
    directory = cache_dir() if cache else None
    digest = _digest(raw, name)
    where = directory / digest[:2] / f"{digest}.marks" if directory is not None else None
    if where is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            blob = where.read_bytes()
            if hashlib.sha256(blob[32:]).digest() == blob[:32]:
                marks = marshal.loads(blob[32:])  # noqa: S302 - our own cache of plain values, checked by its digest
                if isinstance(marks, dict):
                    return SourceMap(marks=marks)
    smap = SourceMap(raw.decode("utf-8-sig"))
    if where is not None and smap.marks:
        payload = marshal.dumps(smap.marks)
        with contextlib.suppress(OutputError):  # a cache that cannot be written is simply not used
            atomic.write_bytes(where, hashlib.sha256(payload).digest() + payload, durable=False)
    return smap


def read_files(
    files: Sequence[tuple[Path, str]],
    *,
    cache: bool = True,
    jobs: int | None = None,
    overrides: Mapping[Path, bytes] | None = None,
    known: Mapping[Path, Any] | None = None,
) -> list[FileResult]:
    """Read and parse ``files`` ((path, display name) pairs), in order, using the cache and workers;
    ``overrides`` gives the bytes of some paths instead of reading them, and ``known`` the data some of
    those bytes are known to parse to (the importer's own YAML, which it built from that data), which is
    then checked like parsed data without parsing the text again."""
    directory = cache_dir() if cache else None
    results: list[FileResult | None] = [None] * len(files)
    misses: list[tuple[int, bytes, str, str]] = []
    for i, (path, name) in enumerate(files):
        given = (overrides or {}).get(path)
        raw = given if given is not None else read_bytes(path, name)
        if isinstance(raw, Parsed):
            results[i] = FileResult(problems=raw.problems)
            continue
        if given is not None and known is not None and path in known:
            results[i] = attrs.evolve(_parse(raw, name, known[path]), digest=_digest(raw, name))
            continue
        digest = _digest(raw, name)
        hit = _get(directory, digest) if directory is not None else None
        if hit is not None:
            results[i] = attrs.evolve(hit, digest=digest)
        else:
            misses.append((i, raw, name, digest))
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    total = sum(len(raw) for _, raw, _, _ in misses)
    if workers > 1 and len(misses) >= PARALLEL_MIN_FILES and total >= PARALLEL_MIN_BYTES:
        from concurrent.futures import ProcessPoolExecutor

        batches = [[(raw, name) for _, raw, name, _ in misses[k::workers]] for k in range(workers)]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            parsed_batches = list(pool.map(_parse_many, batches))
        for k, batch in enumerate(parsed_batches):
            for (i, _, _, digest), result in zip(misses[k::workers], batch, strict=True):
                results[i] = attrs.evolve(result, digest=digest)
    else:
        for i, raw, name, digest in misses:
            results[i] = attrs.evolve(_parse(raw, name), digest=digest)
    if directory is not None:
        for i, _, _, digest in misses:
            done = results[i]
            if done is not None and not done.problems and isinstance(done.data, dict):
                _put(directory, digest, done)
    return [r if r is not None else FileResult() for r in results]
