"""Loaded corpora kept between runs, so a command run again on a corpus that has not changed does not
build and check every record again.

Loading a corpus whose files are all in the parse cache still builds every record and runs every
integrity check (about a second at 10,000 claims, ten at 100,000); a corpus that has not changed loads
to the same result. :func:`key` digests everything a load reads before anything is built: the files
found (and the problems of the ones not read), each file's bytes, the config's bytes, every file in the
full-text folders the load would search, the options, and claimcheck's version and code. A result is
kept under that key in a ``corpus`` folder of the parse cache (:func:`claimcheck.load.filecache.cache_dir`:
``CLAIMCHECK_CACHE=off`` turns it off; deleting it is always safe), written atomically and starting with
the sha256 of the rest; only the :data:`KEEP` most recent are kept.

Entries are pickled, as the corpus is made of attrs records that :mod:`marshal` cannot hold, and read
back by an unpickler that builds only claimcheck's own record types and a few standard value types: an
entry cannot name any other callable, so one planted in the cache cannot run code. One that fails its
digest or names anything else is not used, and the corpus is loaded again.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import pickle
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

import attrs

from claimcheck.core import atomic
from claimcheck.core.errors import OutputError
from claimcheck.core.problems import Problem
from claimcheck.core.version import code_fingerprint
from claimcheck.load.filecache import cache_dir, prune
from claimcheck.model.corpus import Corpus

__all__ = ["CHUNK", "KEEP", "Summary", "folder", "get", "key", "put", "summary", "summary_of"]

#: How many loaded corpora the cache keeps (the oldest beyond these are removed when one is written).
KEEP = 4
_FORMAT = b"claimcheck corpus snapshot 3\n"

#: The types an entry may hold besides claimcheck's model and core types (records, dates, problems).
_STANDARD = {
    ("claimcheck.load.snapshot", "Summary"),
    ("pathlib", "PosixPath"),
    ("pathlib", "WindowsPath"),
    ("pathlib", "PurePosixPath"),
    ("pathlib", "PureWindowsPath"),
}


@attrs.frozen(kw_only=True)
class Summary:
    """What validating a corpus finds, without its records: how many files and records it has, and its problems."""

    files: int
    records: int
    problems: tuple[Problem, ...]
    #: the corpus's :attr:`~claimcheck.model.corpus.Corpus.source_digest`, its folder and whether it is one file
    source_digest: str | None
    root: Path
    single_file: bool
    #: the digest of the corpus's published view and of its whole view (drafts included), by which its
    #: analysis is kept (:func:`claimcheck.analysis.cache.key_of`)
    view_digests: tuple[str | None, str | None]


def summary_of(corpus: Corpus) -> Summary:
    """The :class:`Summary` of a loaded corpus."""
    return Summary(
        files=len(corpus.files),
        records=sum(1 for _ in corpus.records()),
        problems=corpus.problems,
        source_digest=corpus.source_digest,
        root=corpus.root,
        single_file=corpus.single_file,
        view_digests=(corpus.view(include_drafts=False).source_digest, corpus.view(include_drafts=True).source_digest),
    )


def folder() -> Path | None:
    """Where loaded corpora are kept, or ``None`` when caching is off."""
    base = cache_dir()
    return None if base is None else base / "corpus"


def key(parts: Iterable[bytes | str]) -> str:
    """The key of a load whose inputs are ``parts`` (in order), salted with this claimcheck's code."""
    h = hashlib.sha256(_FORMAT)
    h.update(code_fingerprint().encode() + b"\0\n")
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


class _Unpickler(pickle.Unpickler):
    """Builds claimcheck's own types and the standard ones in :data:`_STANDARD`, nothing else."""

    def find_class(self, module: str, name: str) -> type:
        if module.startswith(("claimcheck.model.", "claimcheck.core.")) or (module, name) in _STANDARD:
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a corpus type")


class _Hashing:
    """A file writer that digests what goes through it."""

    def __init__(self, fh: BinaryIO) -> None:
        self.fh, self.h = fh, hashlib.sha256()

    def write(self, data: bytes) -> int:
        self.h.update(data)
        return self.fh.write(data)


def _open(k: str) -> tuple[BinaryIO, int] | None:
    """The entry kept under ``k``, open after its header, and the length of its summary, when its digest
    holds. Read twice (digested, then unpickled), never whole into memory (a 100k-claim corpus is 100 MB)."""
    where = folder()
    if where is None:
        return None
    fh: BinaryIO | None = None
    try:
        fh = open(where / f"{k}.pickle", "rb")  # noqa: SIM115 - handed to the caller, who closes it
        expected = fh.read(32)
        h = hashlib.sha256()
        while chunk := fh.read(1 << 20):
            h.update(chunk)
        if h.digest() == expected:
            fh.seek(32)
            length = int.from_bytes(fh.read(8), "big")
            return fh, length
    except OSError:
        pass
    if fh is not None:
        fh.close()
    return None


def _unpickle(fh: BinaryIO, kind: type) -> object | None:
    with contextlib.suppress(
        OSError, ValueError, EOFError, TypeError, AttributeError, ImportError, IndexError, KeyError, pickle.UnpicklingError
    ):
        found = _Unpickler(fh).load()
        if isinstance(found, kind):
            return found
    return None


#: Records pickled together: a pickler remembers every object of its pickle (to write a shared one once),
#: so a corpus pickled whole held a second index of all of it while it was written (180 MB at 100,000
#: claims); pickled in runs of this many records, it holds one run's.
CHUNK = 5000
_SECTIONS = ("sources", "documents", "claims", "relations", "comments", "reviews")


def get(k: str) -> Corpus | None:
    """The corpus kept under ``k``, or ``None`` when there is none that can be trusted."""
    opened = _open(k)
    if opened is None:
        return None
    fh, length = opened
    with fh:
        fh.seek(40 + length)
        head = _unpickle(fh, tuple)
        if not (isinstance(head, tuple) and len(head) == 8 and isinstance(head[7], tuple) and len(head[7]) == len(_SECTIONS)):
            return None
        root, config, problems, files, fulltexts, digest, single_file, counts = head
        tables: dict[str, dict[str, object]] = {}
        for section, count in zip(_SECTIONS, counts, strict=True):
            table: dict[str, object] = {}
            while len(table) < count:
                chunk = _unpickle(fh, list)
                if not isinstance(chunk, list) or not chunk:
                    return None
                for record in chunk:
                    rid = getattr(record, "id", None)
                    if not isinstance(rid, str):
                        return None
                    table[rid] = record
            tables[section] = table
    try:
        corpus = Corpus(root=root, config=config, problems=problems, files=files, fulltexts=fulltexts, **tables)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    object.__setattr__(corpus, "source_digest", digest)
    object.__setattr__(corpus, "single_file", single_file)
    return corpus


def summary(k: str) -> Summary | None:
    """The summary of the corpus kept under ``k`` (read without building its records), or ``None``."""
    opened = _open(k)
    if opened is None:
        return None
    fh, length = opened
    with fh:
        found = _unpickle(io.BytesIO(fh.read(length)), Summary)
    return found if isinstance(found, Summary) else None


def put(k: str, corpus: Corpus, about: Summary) -> None:
    """Keep ``corpus`` and its summary ``about`` under ``k``; a cache that cannot be written is simply not used.
    The corpus is pickled straight to the file, never whole in memory, its records in runs of :data:`CHUNK`."""
    where = folder()
    if where is None:
        return

    def write(tmp: Path) -> None:
        with open(tmp, "wb") as fh:
            fh.write(bytes(32))
            out = _Hashing(fh)
            head = pickle.dumps(about, protocol=pickle.HIGHEST_PROTOCOL)
            out.write(len(head).to_bytes(8, "big") + head)
            tables = [getattr(corpus, section) for section in _SECTIONS]
            fields = (corpus.root, corpus.config, corpus.problems, corpus.files, corpus.fulltexts, corpus.source_digest, corpus.single_file)
            pickle.dump((*fields, tuple(len(t) for t in tables)), out, protocol=pickle.HIGHEST_PROTOCOL)
            for table in tables:
                records = list(table.values())
                for start in range(0, len(records), CHUNK):
                    pickle.dump(records[start : start + CHUNK], out, protocol=pickle.HIGHEST_PROTOCOL)
            fh.seek(0)
            fh.write(out.h.digest())

    with contextlib.suppress(OutputError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
        atomic.write_file_with(where / f"{k}.pickle", write, durable=False)
    prune(where, "*.pickle", KEEP)
