"""Atomic outputs: a file is written beside its target, flushed to disk, then renamed over it; a
folder of files is built beside its target, then swapped in.

A reader never sees a half-written export, and a failed write leaves the previous output as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from claimcheck.errors import OutputError


def _fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (the renames) to disk where the platform allows it."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically (temp file in the same folder, fsync, ``os.replace``)."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"cannot write {target}: it is a folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):  # an OutputError already says what failed
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
        raise
    _fsync_dir(target.parent)
    return target


def write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    return write_bytes(path, text.encode("utf-8"))


def write_file_with(path: str | os.PathLike[str], build: Callable[[Path], None]) -> Path:
    """Have ``build`` write a temporary file beside ``path`` (a database, say), then move it into place."""
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"cannot write {target}: it is a folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name)
    try:
        tmp.unlink()  # build gets a path that does not exist yet (sqlite creates it)
        build(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):  # an OutputError already says what failed
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
        raise
    _fsync_dir(target.parent)
    return target


def write_folder(path: str | os.PathLike[str], files: dict[str, bytes], *, replaceable: Iterable[str]) -> Path:
    """Write ``files`` (name → bytes) as the folder ``path``: built in a temporary folder beside it, then
    swapped in with two renames, the old folder removed last.

    An existing folder is replaced only if every entry in it is a file whose name is in
    ``replaceable`` (an earlier export of the same kind): a folder holding anything else is refused.
    """
    target = Path(path)
    allowed = set(replaceable)
    if target.exists():
        if not target.is_dir():
            raise OutputError(f"cannot write the folder {target}: a file of that name exists")
        strangers = sorted(p.name for p in target.iterdir() if p.name not in allowed or not p.is_file() or p.is_symlink())
        if strangers:
            raise OutputError(
                f"refusing to replace the folder {target}: it holds {', '.join(strangers[:3])}"
                f"{' ...' if len(strangers) > 3 else ''}, which an export did not write; choose an empty or new folder"
            )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    old: Path | None = None
    try:
        for name, data in files.items():
            with open(tmp / name, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o755)  # noqa: S103 - an export folder is readable like any output (mkdtemp made it 0o700)
        _fsync_dir(tmp)
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
            os.replace(target, old / target.name)
        os.replace(tmp, target)
    except BaseException as exc:
        if old is not None and (old / target.name).exists() and not target.exists():
            with contextlib.suppress(OSError):
                os.replace(old / target.name, target)  # put the previous export back
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        if isinstance(exc, OSError) and not isinstance(exc, OutputError):  # an OutputError already says what failed
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
        raise
    _fsync_dir(target.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return target
