"""The one writer: every file claimcheck writes (exports, briefs, imports, the editor's edits, site
pages, the parse cache) goes through here.

A file is written beside its target, flushed to disk, then renamed over it; a folder of files is
built beside its target, then swapped in (:func:`swap_folder`). The rules of
:func:`claimcheck.core.outputs.resolve_output` hold for every target: a symbolic link is written
through (its target replaced, the link kept), and a FIFO, a device or a socket is never replaced. A reader never sees a half-written
output, and a failed write leaves the previous output as it was. ``durable=False`` skips the
flush for files that are part of a folder swapped in whole (site pages) or that can be rebuilt
(the parse cache).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from claimcheck.core.errors import OutputError
from claimcheck.core.outputs import resolve_output, shown_path


def _fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (the renames) to disk where the platform allows it."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_bytes(path: str | os.PathLike[str], data: bytes, *, durable: bool = True, mode: int = 0o644) -> Path:
    """Write ``data`` to ``path`` atomically (temp file in the same folder, fsync unless not
    ``durable``, ``os.replace``). A hard link at ``path`` is replaced, never written through; a
    symbolic link is written through (see the module). Returns the path written."""
    target = resolve_output(path)
    if target.is_dir():
        raise OutputError(f"cannot write {shown_path(target)}: it is a folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {shown_path(target)}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if durable:
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):  # an OutputError already says what failed
            raise OutputError(f"cannot write {shown_path(target)}: {exc.strerror or exc}") from exc
        raise
    if durable:
        _fsync_dir(target.parent)
    return target


def write_text(path: str | os.PathLike[str], text: str, *, durable: bool = True) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    return write_bytes(path, text.encode("utf-8"), durable=durable)


def write_file_with(path: str | os.PathLike[str], build: Callable[[Path], None], *, durable: bool = True) -> Path:
    """Have ``build`` write a temporary file beside ``path`` (a database, say), then move it into place;
    ``durable=False`` (a cache entry) leaves out the flushes to disk."""
    target = resolve_output(path)
    if target.is_dir():
        raise OutputError(f"cannot write {shown_path(target)}: it is a folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"cannot write {shown_path(target)}: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name)
    try:
        tmp.unlink()  # build gets a path that does not exist yet (sqlite creates it)
        build(tmp)
        if durable:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):  # an OutputError already says what failed
            raise OutputError(f"cannot write {shown_path(target)}: {exc.strerror or exc}") from exc
        raise
    if durable:
        _fsync_dir(target.parent)
    return target


def write_folder(path: str | os.PathLike[str], files: dict[str, bytes], *, replaceable: Iterable[str]) -> Path:
    """Write ``files`` (name → bytes) as the folder ``path``: built in a temporary folder beside it, then
    swapped in with two renames, the old folder removed last.

    An existing folder is replaced only if every entry in it is a file whose name is in
    ``replaceable`` (an earlier export of the same kind): a folder holding anything else is refused.
    """
    target = resolve_output(path, folder=True)
    allowed = set(replaceable)
    if target.exists():
        strangers = sorted(p.name for p in target.iterdir() if p.name not in allowed or not p.is_file() or p.is_symlink())
        if strangers:
            raise OutputError(
                f"refusing to replace the folder {shown_path(target)}: it holds {', '.join(strangers[:3])}"
                f"{' ...' if len(strangers) > 3 else ''}, which an export did not write; choose an empty or new folder"
            )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    except OSError as exc:
        raise OutputError(f"cannot write {shown_path(target)}: {exc.strerror or exc}") from exc
    try:
        for name, data in files.items():
            with open(tmp / name, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o755)  # noqa: S103 - an export folder is readable like any output (mkdtemp made it 0o700)
        _fsync_dir(tmp)
        swap_folder(tmp, target)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):  # an OutputError already says what failed
            raise OutputError(f"cannot write {shown_path(target)}: {exc.strerror or exc}") from exc
        raise
    return target


def backup_prefix(target: Path) -> str:
    """The name prefix of the backup :func:`swap_folder` keeps of ``target`` while it swaps."""
    return f".{target.name}.old-"


def swap_folder(new: Path, target: Path) -> None:
    """Put the folder ``new`` in the place of ``target`` (which may not exist) with two renames: the
    old folder moves to a backup beside it, ``new`` takes its name, the backup is removed last. If the
    second rename fails the old folder is put back; a process killed between the renames leaves the
    backup, which :func:`recover_folder` restores."""
    if not target.exists():
        os.rename(new, target)
        _fsync_dir(target.parent)
        return
    backup = Path(tempfile.mkdtemp(prefix=backup_prefix(target), dir=target.parent))
    os.rmdir(backup)
    os.rename(target, backup)
    try:
        os.rename(new, target)
    except BaseException:
        os.rename(backup, target)
        raise
    _fsync_dir(target.parent)
    shutil.rmtree(backup, ignore_errors=True)


def recover_folder(target: Path, *, is_whole: Callable[[Path], bool], leftovers: Iterable[str] = ()) -> None:
    """After a process was killed while writing ``target``: if it died between the two renames of
    :func:`swap_folder` (no ``target``, one backup that ``is_whole``), put the backup back; then remove
    every backup and every folder whose name starts with one of ``leftovers`` (temporary builds)."""
    backups = sorted(target.parent.glob(backup_prefix(target) + "*"))
    if not target.exists() and len(backups) == 1 and is_whole(backups[0]):
        os.rename(backups[0], target)
        backups = []
    stale = backups + [p for prefix in leftovers for p in sorted(target.parent.glob(prefix + "*"))]
    for leftover in stale:
        shutil.rmtree(leftover, ignore_errors=True)
