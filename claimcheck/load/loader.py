"""Loading a corpus folder: discover files, parse, validate, build records, check, locate problems.

Every problem is collected, never just the first; a file that cannot be read or a record that
does not validate is reported and skipped, and the rest of the corpus still loads.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from claimcheck.core import limits
from claimcheck.core.errors import CorpusNotFoundError, UsageError
from claimcheck.core.outputs import shown_path
from claimcheck.core.problems import Problem, pointer
from claimcheck.core.suggest import did_you_mean
from claimcheck.load import hygiene, snapshot
from claimcheck.load.filecache import read_files, source_map
from claimcheck.load.integrity import Checker, check_config, check_quotes
from claimcheck.load.parsing import Parsed, parse_bytes, read_bytes
from claimcheck.load.schema_problems import describe, problems_from_errors
from claimcheck.load.schemas import RECORD_SCHEMAS, validator
from claimcheck.model.convert import FieldError, from_dict
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import SECTIONS, Config, Origin, noun

CONFIG_NAME = "claimcheck.yaml"
EXTENSIONS = (".yaml", ".yml", ".json")


def discover(root: Path) -> tuple[list[Path], list[Problem]]:
    """Corpus files under ``root`` in sorted order (hidden files and folders skipped), and a problem for
    each entry that is not read: a symbolic link leading outside the corpus (``outside-corpus``), and a
    name that is not UTF-8, a FIFO, a device or a socket, or an entry that cannot be examined (a path
    over the system's length limit, a link loop) (``io-error``). Nothing found is ever opened here."""
    root_real = Path(os.path.realpath(root))
    found: list[Path] = []
    problems: list[Problem] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for dname in list(dirnames):
            full = Path(dirpath, dname)
            try:
                outside = full.is_symlink() and not _inside(Path(os.path.realpath(full)), root_real)
            except OSError as exc:
                problems.append(Problem(code="io-error", message=f"cannot examine the folder: {exc.strerror or exc}", file=str(full)))
                dirnames.remove(dname)
                continue
            if outside:
                problems.append(
                    Problem(
                        code="outside-corpus",
                        message=f"folder link leads to {shown_path(os.path.realpath(full))}, outside the corpus; not followed",
                        file=str(full),
                    )
                )
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith(EXTENSIONS):
                continue
            path = Path(dirpath, name)
            problem = _unreadable(path, name, root_real)
            if problem is not None:
                problems.append(problem)
                continue
            found.append(path)
    return found, problems


def _unreadable(path: Path, name: str, root_real: Path) -> Problem | None:
    """Why the corpus file ``path`` is not read (``None`` when it is read)."""
    try:
        os.fsencode(name).decode("utf-8")
    except UnicodeDecodeError:
        return Problem(code="io-error", message="the file name is not UTF-8; rename the file to read it", file=str(path))
    try:
        if path.is_symlink():
            target = Path(os.path.realpath(path))
            if not _inside(target, root_real):
                msg = f"link leads to {shown_path(target)}, outside the corpus; not read"
                return Problem(code="outside-corpus", message=msg, file=str(path))
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None  # a dangling link inside the corpus: reading it reports the io-error
    except OSError as exc:
        return Problem(code="io-error", message=f"cannot examine the file: {exc.strerror or exc}", file=str(path))
    if not stat.S_ISREG(mode):
        what = "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file"
        return Problem(code="io-error", message=f"the entry is {what}, not a regular file; not read", file=str(path))
    return None


def _given(path: str | os.PathLike[str]) -> Path:
    """``path`` as a corpus to load; raises when there is none there."""
    given = Path(path)
    if not given.exists():
        raise CorpusNotFoundError(f"no corpus at {os.fspath(given)!r}: the path does not exist")
    if not (given.is_dir() or given.is_file()):
        raise UsageError(f"{os.fspath(given)!r} is neither a folder nor a regular file: give the corpus folder or one corpus file")
    return given


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def load(
    path: str | os.PathLike[str] = "claims",
    *,
    fulltext_paths: list[str | os.PathLike[str]] | None = None,
    check_quotes_: bool = True,
    cache: bool = True,
    jobs: int | None = None,
    overlay: Mapping[str, str] | None = None,
    _known: Mapping[str, Any] | None = None,
) -> Corpus:
    """Load the corpus at ``path`` (a folder, or a single file) and check it.

    The result holds every record that could be read and every problem found
    (:attr:`Corpus.problems`); it never raises for a problem in the data. ``fulltext_paths``
    adds folders to search for documents' full texts (besides the config's ``fulltext_paths``).
    Parsed files are cached by content hash (``cache=False`` or ``CLAIMCHECK_CACHE=off`` to
    disable) and files not in the cache are parsed by ``jobs`` processes (default: one a core).
    ``overlay`` maps file names (relative to the corpus folder, ``claimcheck.yaml`` included) to texts
    read in place of those files, or as new files: the corpus as it would be after an edit, loaded
    without writing anything (``add`` and ``import`` check their result this way). ``_known`` (for
    ``import`` only) gives the data some overlay texts were emitted from, so they are not parsed again.
    Raises :class:`CorpusNotFoundError` if ``path`` does not exist, and :class:`UsageError` if it is
    neither a folder nor a regular file (``/dev/null``, a FIFO).
    """
    given = _given(path)
    with _no_gc():
        return _load(given, fulltext_paths, check_quotes_, cache, jobs, dict(overlay or {}), dict(_known or {}))


@attrs.define(kw_only=True)
class _Plan:
    """What a load will read, found before anything is parsed: the files, the config, the full-text
    folders, and the key its result is kept under (``None`` when it is not kept)."""

    given: Path
    root: Path
    files: list[Path]
    problems: list[Problem]
    config_path: Path
    config: Config
    #: the bytes the config was read from (``None``: no config, or one not read)
    config_bytes: bytes | None
    folders: list[Path]
    replaced: dict[Path, bytes]
    key: str | None = None
    read_before: dict[Path, bytes] = attrs.Factory(dict)


@attrs.define(kw_only=True)
class Prepared:
    """A corpus about to be used (:func:`prepare`): what validating it finds now, its records when asked."""

    #: the files, records and problems of the corpus, and its digest
    summary: snapshot.Summary
    _plan: _Plan
    _corpus: Corpus | None = None
    _cache: bool = True

    def corpus(self) -> Corpus:
        """The loaded corpus: the one kept for these files when there is one, else loaded now (once)."""
        if self._corpus is None:
            with _no_gc():
                kept = snapshot.get(self._plan.key) if self._plan.key is not None else None
                self._corpus = kept if kept is not None else _build(self._plan, True, self._cache, None, {})
        return self._corpus


def prepare(
    path: str | os.PathLike[str] = "claims", *, fulltext_paths: list[str | os.PathLike[str]] | None = None, cache: bool = True
) -> Prepared:
    """Find what :func:`load` of ``path`` would find, loading the records only if they have to be.

    When a load of the same files was kept (:mod:`claimcheck.load.snapshot`), its
    :class:`~claimcheck.load.snapshot.Summary` is read without building a record, and
    :meth:`Prepared.corpus` builds them only when called; else the corpus is loaded now. A command
    that may have nothing to do (``validate``; ``build`` when the site is up to date) asks the summary
    first. Raises as :func:`load` does."""
    given = _given(path)
    with _no_gc():
        plan = _plan(given, fulltext_paths, True, cache, {})
        if plan.key is not None:
            kept = snapshot.summary(plan.key)
            if kept is not None:
                return Prepared(summary=kept, plan=plan, cache=cache)
        corpus = _build(plan, True, cache, None, {})
    return Prepared(summary=snapshot.summary_of(corpus), plan=plan, corpus=corpus, cache=cache)


def summarise(
    path: str | os.PathLike[str] = "claims", *, fulltext_paths: list[str | os.PathLike[str]] | None = None, cache: bool = True
) -> snapshot.Summary:
    """What :func:`load` of ``path`` would find, as counts and problems (see :func:`prepare`)."""
    return prepare(path, fulltext_paths=fulltext_paths, cache=cache).summary


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic collector off: building a large corpus allocates hundreds of thousands of objects and
    no cycles, and the collector would run many times for nothing (about a third of the load time)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _plan(
    given: Path, fulltext_paths: list[str | os.PathLike[str]] | None, check_quotes_: bool, cache: bool, overlay: dict[str, str]
) -> _Plan:
    if given.is_file():
        root, files, problems = given.parent, [given], list[Problem]()
    else:
        root = given
        files, problems = discover(root)
    config_path = root / CONFIG_NAME
    problems = [p for p in problems if p.file != str(config_path)]  # the config's own reading reports it
    replaced = {root / name: text.encode("utf-8") for name, text in overlay.items()}
    if not given.is_file():
        files = sorted({*files, *(p for p in replaced if p.suffix in EXTENSIONS)}, key=lambda p: p.as_posix())
    files = [f for f in files if f != config_path]

    config, config_problems, config_bytes = _load_config(config_path, replaced.get(config_path), root)
    problems.extend(config_problems)
    folders: list[Path] = []
    if check_quotes_:
        folders = [(root / p) for p in config.fulltext_paths] + [Path(p) for p in (fulltext_paths or [])]
        env = os.environ.get("CLAIMCHECK_FULLTEXT_PATH")
        if env:
            folders += [Path(p) for p in env.split(os.pathsep) if p]
    plan = _Plan(
        given=given,
        root=root,
        files=files,
        problems=problems,
        config_path=config_path,
        config=config,
        config_bytes=config_bytes,
        folders=folders,
        replaced=replaced,
    )
    if cache and not overlay and snapshot.folder() is not None:
        plan.key, plan.read_before = _snapshot_key(given, root, files, problems, config_bytes, folders)
    return plan


def _load(
    given: Path,
    fulltext_paths: list[str | os.PathLike[str]] | None,
    check_quotes_: bool,
    cache: bool,
    jobs: int | None,
    overlay: dict[str, str],
    known: dict[str, Any],
) -> Corpus:
    plan = _plan(given, fulltext_paths, check_quotes_, cache and not known, overlay)
    if plan.key is not None:
        kept = snapshot.get(plan.key)
        if kept is not None:
            return kept
    return _build(plan, check_quotes_, cache, jobs, known)


def _build(plan: _Plan, check_quotes_: bool, cache: bool, jobs: int | None, known: dict[str, Any]) -> Corpus:
    given, root, files, problems, config_path, config = plan.given, plan.root, plan.files, plan.problems, plan.config_path, plan.config
    replaced, folders = plan.replaced, plan.folders
    tables: dict[str, dict[str, Any]] = {key: {} for key in SECTIONS}
    first_seen: dict[str, tuple[str, str, str]] = {}  # id → (file, pointer, kind) where first seen
    display: dict[str, str] = {}
    paths: dict[str, Path] = {config_path.as_posix(): config_path}
    rel_files: list[str] = []
    broken: set[str] = set()
    suspicious: set[str] = set()
    names = [fpath.as_posix() for fpath in files]
    results = read_files(
        list(zip(files, names, strict=True)),
        cache=cache,
        jobs=jobs,
        overrides={**plan.read_before, **replaced},
        known={root / n: d for n, d in known.items()},
    )
    for fpath, name, parsed in zip(files, names, results, strict=True):
        rel = fpath.relative_to(root).as_posix() if fpath != given else fpath.name
        display[rel] = name
        paths[name] = fpath
        rel_files.append(rel)
        problems.extend(parsed.problems)
        if parsed.invisible:
            suspicious.add(rel)
        data = parsed.data
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.append(
                Problem(
                    code="not-a-mapping",
                    message=f"expected a mapping with keys such as claims, sources; found {describe(data)}",
                    file=name,
                    line=1,
                    column=1,
                )
            )
            continue
        count = sum(len(v) for v in data.values() if isinstance(v, list))
        if count > limits.MAX_RECORDS_PER_FILE:
            problems.append(
                Problem(
                    code="too-many-records",
                    message=f"the file holds {count:,} records; the limit is {limits.MAX_RECORDS_PER_FILE:,}: split it",
                    file=name,
                    line=1,
                    column=1,
                )
            )
            continue
        whole_valid = parsed.valid
        for key, items in data.items():
            if key not in SECTIONS:
                problems.append(
                    Problem(
                        code="unknown-field",
                        message=f"unknown section {key!r}{did_you_mean(str(key), SECTIONS)}; expected one of: {', '.join(SECTIONS)}",
                        file=name,
                        pointer=pointer(str(key)),
                    )
                )
                continue
            if not isinstance(items, list):
                problems.append(
                    Problem(
                        code="schema",
                        message=f"section {key!r}: expected a list of records; found {type(items).__name__}",
                        file=name,
                        pointer=pointer(key),
                    )
                )
                continue
            cls = SECTIONS[key]
            rec_validator = validator(RECORD_SCHEMAS[key])
            table = tables[key]
            for i, item in enumerate(items):
                rid = item.get("id") if isinstance(item, dict) else None
                if not isinstance(rid, str):
                    rid = None
                if (key, i) in parsed.tainted:  # a lone surrogate or a control character, already reported: not loaded
                    if rid:
                        broken.add(rid)
                    continue
                if not whole_valid and not rec_validator.is_valid(item):
                    problems.extend(
                        problems_from_errors(rec_validator.iter_errors(item), file=name, base=(key, i), record=rid, kind=noun(key))
                    )
                    if rid:
                        broken.add(rid)
                    continue
                ptr = f"/{key}/{i}"  # section names need no RFC 6901 escaping
                try:
                    record = from_dict(cls, item, Origin(file=rel, pointer=ptr))
                except FieldError as exc:
                    problems.append(Problem(code="bad-date", message=str(exc), file=name, pointer=pointer(key, i, *exc.path), record=rid))
                    if rid:
                        broken.add(rid)
                    continue
                prior = first_seen.get(record.id)
                if prior is not None:
                    where = f"{display.get(prior[0], prior[0])} {prior[1]}"
                    problems.append(
                        Problem(
                            code="duplicate-id",
                            message=f"duplicate id {record.id!r}: already used by the {prior[2]} at {where}",
                            file=name,
                            pointer=pointer(key, i, "id"),
                            record=record.id,
                        )
                    )
                    continue
                first_seen[record.id] = (rel, ptr, cls.KIND)
                table[record.id] = record

    checker = Checker(tables, config, display, frozenset(broken), frozenset(suspicious))
    problems.extend(checker.run())
    fulltexts: dict[str, str] = {}
    if check_quotes_:
        problems.extend(check_quotes(checker, folders, fulltexts))

    located = _locate(problems, paths, {p.as_posix(): raw for p, raw in replaced.items()}, cache=cache)
    digest = hashlib.sha256(b"claimcheck corpus 1\n")
    for rel, result in zip(rel_files, results, strict=True):
        digest.update(f"{rel}\0{result.digest}\n".encode("utf-8", "surrogateescape"))
    if plan.config_bytes is not None:  # the config as loaded: an overlay's text when one is given
        digest.update(b"config\0" + hashlib.sha256(plan.config_bytes).digest())
    for doc_id in sorted(fulltexts):
        digest.update(f"fulltext\0{doc_id}\0".encode() + hashlib.sha256(fulltexts[doc_id].encode()).digest())
    corpus = Corpus(
        root=root,
        config=config,
        problems=tuple(sorted(located, key=Problem.sort_key)),
        files=tuple(rel_files),
        fulltexts=fulltexts,
        **tables,
    )
    object.__setattr__(corpus, "source_digest", digest.hexdigest())
    object.__setattr__(corpus, "single_file", given.is_file())
    if plan.key is not None:
        snapshot.put(plan.key, corpus, snapshot.summary_of(corpus))
    return corpus


def _snapshot_key(
    given: Path, root: Path, files: list[Path], problems: list[Problem], config_bytes: bytes | None, folders: list[Path]
) -> tuple[str, dict[Path, bytes]]:
    """The :mod:`~claimcheck.load.snapshot` key of loading ``files`` (found under ``root``, with the
    ``problems`` found so far) with full texts from ``folders``, and the bytes of every file read for it
    (so the load, when there is nothing kept, does not read them again). Everything a load reads is
    digested: each file's bytes, the config's, every regular file in each full-text folder (a full text
    is found there by name or by digest); what it was asked, the folders, the limits it loads within
    (:mod:`claimcheck.core.limits`), and the problems of the files not read (named by where the corpus
    was found)."""
    bounds = sorted((name, value) for name, value in vars(limits).items() if name.isupper())
    parts: list[bytes | str] = [given.as_posix(), root.as_posix(), str(given.is_file()), repr(problems), repr(bounds)]
    read: dict[Path, bytes] = {}
    for path in files:
        raw = read_bytes(path, path.as_posix())
        if isinstance(raw, Parsed):
            parts += [path.as_posix(), "unreadable", repr(raw.problems)]
            continue
        read[path] = raw
        parts += [path.as_posix(), hashlib.sha256(raw).digest()]
    parts.append(b"absent" if config_bytes is None else b"config " + config_bytes)
    for folder in folders:
        parts.append(f"folder {folder.as_posix()}")
        with contextlib.suppress(OSError):
            for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                with contextlib.suppress(OSError):
                    if entry.is_file():
                        parts += [entry.name, hashlib.sha256(Path(entry.path).read_bytes()).digest()]
    return snapshot.key(parts), read


def _load_config(path: Path, text: bytes | None, root: Path) -> tuple[Config, list[Problem], bytes | None]:
    """The config at ``path`` (or of ``text``, an overlay's), its problems, and the bytes it was read from
    (``None`` when none were: no config, a link out of the corpus, a FIFO)."""
    name = path.as_posix()
    if text is None:
        unreadable = _unreadable(path, CONFIG_NAME, Path(os.path.realpath(root))) if os.path.lexists(path) else None
        if unreadable is not None:  # a link out of the corpus (to /etc/passwd, say) is never read, not even to quote it
            return Config(), [attrs.evolve(unreadable, file=name)], None
        if not path.is_file():
            return Config(), [], None
        raw = read_bytes(path, name)
        if isinstance(raw, Parsed):
            return Config(), list(raw.problems), None
        text = raw
    config, problems = _config_of(text, name)
    return config, problems, text


def _config_of(text: bytes, name: str) -> tuple[Config, list[Problem]]:
    """The config ``text`` holds, keeping what is valid of it, and its problems."""
    parsed = parse_bytes(text, name)
    if parsed.data is None:
        return Config(), [p for p in parsed.problems if p.code != "empty-file"]
    data, dirty = _clean_config(parsed.data, name)
    v = validator("config.schema.json")
    if v.is_valid(data):
        config = from_dict(Config, data)
        return config, dirty + list(check_config(config, name))
    errs = dirty + list(problems_from_errors(v.iter_errors(data), file=name, base=(), record=None, kind="config"))
    if not isinstance(data, dict):
        return Config(), errs
    # keep what is valid: one bad key must not throw away the rating scales every review depends on
    kept = {key: value for key, value in data.items() if v.is_valid({key: value})}
    config = from_dict(Config, kept)
    return config, errs + list(check_config(config, name))


def _clean_config(data: Any, name: str) -> tuple[Any, list[Problem]]:
    """The config without the values holding a lone surrogate or a control character (a rating scale
    holding one is left out whole, any other key dropped), and a problem for each."""
    found = hygiene.problems(data, name)
    if not found or not isinstance(data, dict):
        return data, [p for _, p in found]
    scales = data.get("rating_scales")
    bad_scales = {path[1] for path, _ in found if path[0] == "rating_scales" and len(path) > 1}
    bad_keys = {path[0] for path, _ in found if path and not (path[0] == "rating_scales" and len(path) > 1)}
    kept = {k: v for k, v in data.items() if k not in bad_keys}
    if bad_scales and isinstance(scales, list):
        kept["rating_scales"] = [s for i, s in enumerate(scales) if i not in bad_scales]
    return kept, [p for _, p in found]


def locate_problems(problems: list[Problem], corpus: Corpus) -> list[Problem]:
    """Fill in line and column for problems found after loading (balance findings)."""
    paths = {(corpus.root / f).as_posix(): corpus.root / f for f in corpus.files}
    # mapping a file allocates many objects; with a large corpus in memory the cyclic collector
    # would walk all of it again and again (12 ms a file at 10k claims, 42 ms at 100k)
    with _no_gc():
        return _locate(problems, paths)


#: Problems about a file as an entry (a link out of the corpus, a FIFO, a file too large), not about its
#: text: never located in it, so such a file is never opened to place them.
_ABOUT_THE_ENTRY = frozenset({"outside-corpus", "io-error", "file-too-large"})


def _locate(
    problems: list[Problem], paths: dict[str, Path], overlay: Mapping[str, bytes] | None = None, *, cache: bool = True
) -> list[Problem]:
    """Fill in line and column from each file's source map (its marks from the parse cache when the
    file's bytes were mapped before), taken once per file with problems and dropped as soon as that
    file's problems are placed."""
    out = list(problems)
    by_file: dict[str, list[int]] = {}
    for i, prob in enumerate(problems):
        if prob.line is None and prob.file is not None and prob.file in paths and prob.code not in _ABOUT_THE_ENTRY:
            by_file.setdefault(prob.file, []).append(i)
    for file, indices in by_file.items():
        path = paths[file]
        try:  # a file over the size limit, a FIFO or a device is never read, not even to locate its problem
            raw = (overlay or {}).get(file)
            if raw is None:
                found = read_bytes(path, file)
                raw = None if isinstance(found, Parsed) else found
            smap = source_map(raw, file, cache=cache) if raw is not None and len(raw) <= limits.MAX_FILE_BYTES else None
        except (OSError, UnicodeDecodeError):
            smap = None
        if smap is None:
            continue
        for i in indices:
            prob = problems[i]
            line, col = smap.locate(prob.pointer, key=prob.code == "unknown-field")
            out[i] = attrs.evolve(prob, line=line, column=col)
    return out
