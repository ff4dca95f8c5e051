"""The output-path rules, in one place: where an output may be written, and what is done with a link there.

Two rules, checked before anything is written:

* **Links are written through.** An output path that is a symbolic link is replaced at the file (or
  folder) it leads to, atomically, and the link is kept. A link that leads nowhere is refused: the
  output would be created wherever it points.
* **Only regular files and folders are replaced.** An output path that exists and is a FIFO, a
  device or a socket is refused (writing would block, or replace a device node with a file).

And one rule for every command that reads a corpus and writes something else (exports, briefs, the
site, ``serve``): **nothing is written inside the corpus** (:func:`refuse_corpus_output`). The
corpus is its folder (or, for a corpus loaded from one file, that file and the ``claimcheck.yaml``
beside it), every file it was loaded from, and the folders its full texts are looked up in. Only
the editor's own commands (``add``, ``fmt``, ``import``, ``diff --write-corrections``) write corpus
files, each with rules of its own.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

from claimcheck.core.errors import OutputError

__all__ = ["CorpusLike", "corpus_paths", "refuse_corpus_output", "resolve_output", "shown_path"]

#: The config's file name (the loader's ``CONFIG_NAME``; core cannot import the loader).
CONFIG_NAME = "claimcheck.yaml"


def shown_path(path: str | os.PathLike[str]) -> str:
    """A path as messages show it: a file name that is not UTF-8 with its bytes as ``\\xe9`` escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def resolve_output(path: str | os.PathLike[str], *, folder: bool = False) -> Path:
    """Where the output named ``path`` is written: ``path`` itself, or the target of the link at ``path``
    (written through; the link is kept). Raises :class:`OutputError` for a link that leads nowhere, and
    for a path that exists and is neither a regular file nor a folder (a FIFO, a device, a socket); a
    folder where a file is expected (or a file where a folder is) is refused by the writer."""
    given = Path(path)
    try:
        st = os.lstat(given)
    except FileNotFoundError:
        return given
    except OSError as exc:
        raise OutputError(f"cannot write {shown_path(given)}: {exc.strerror or exc}") from exc
    target = given
    if stat.S_ISLNK(st.st_mode):
        target = Path(os.path.realpath(given))
        try:
            st = os.stat(target)
        except FileNotFoundError:
            raise OutputError(
                f"cannot write {shown_path(given)}: it is a symbolic link to {shown_path(os.readlink(given))}, which does not exist; "
                "remove the link or create its target"
            ) from None
        except OSError as exc:
            raise OutputError(f"cannot write {shown_path(given)}: {exc.strerror or exc}") from exc
    if not (stat.S_ISREG(st.st_mode) or stat.S_ISDIR(st.st_mode)):
        via = f" (through the link {shown_path(given)})" if target != given else ""
        raise OutputError(f"refusing to write {shown_path(target)}{via}: it is {_kind(st.st_mode)}, not a regular file")
    if folder and stat.S_ISREG(st.st_mode):
        raise OutputError(f"cannot write the folder {shown_path(target)}: a file of that name exists")
    return target


class _ConfigLike(Protocol):
    @property
    def fulltext_paths(self) -> Sequence[str]: ...


class CorpusLike(Protocol):
    """What the rule needs to know of a corpus (:class:`claimcheck.model.corpus.Corpus` has it)."""

    @property
    def root(self) -> Path: ...
    @property
    def files(self) -> Sequence[str]: ...
    @property
    def config(self) -> _ConfigLike: ...
    @property
    def single_file(self) -> bool: ...


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def corpus_paths(corpus: CorpusLike) -> tuple[list[Path], list[Path]]:
    """The files and the folders that make up ``corpus``, resolved: nothing may be written at those
    files, nor at, inside or above those folders."""
    root = _real(corpus.root)
    files = [_real(corpus.root / f) for f in corpus.files] + [root / CONFIG_NAME]
    folders = [] if corpus.single_file else [root]
    folders += [_real(corpus.root / p) for p in corpus.config.fulltext_paths]
    return files, folders


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def refuse_corpus_output(out: str | os.PathLike[str], corpora: Iterable[CorpusLike], *, what: str = "the output") -> None:
    """Raise :class:`OutputError` when ``out`` (followed through a link) is a file of one of ``corpora``,
    lies in a corpus folder or a full-text folder, or is a folder holding one of them."""
    target = _real(Path(out))
    for corpus in corpora:
        files, folders = corpus_paths(corpus)
        shown = shown_path(out)
        if target in files:
            raise OutputError(f"refusing to write {what} to {shown}: it is a file of the corpus {shown_path(corpus.root)}")
        for folder in folders:
            if _inside(target, folder):
                raise OutputError(
                    f"refusing to write {what} to {shown}: it is inside {shown_path(folder)}, which the corpus is read from; "
                    "write outputs outside the corpus"
                )
            if target in folder.parents:
                raise OutputError(f"refusing to write {what} to {shown}: the folder holds the corpus folder {shown_path(folder)}")
        if any(target in f.parents for f in files):
            raise OutputError(f"refusing to write {what} to {shown}: the folder holds files of the corpus {shown_path(corpus.root)}")
