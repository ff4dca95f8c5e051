"""A lock file beside the output folder, so that two builds never write the same site at once.

On POSIX the lock is an ``flock`` on ``.<name>.lock`` in the output's parent folder: it is released
by the operating system if the build dies, so a crash never leaves a stale lock. Elsewhere the
file is created exclusively and removed when the build ends.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from claimcheck.core.errors import OutputError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]  # no fcntl on Windows: the lock falls back to an exclusive file


def lock_path(out_dir: Path) -> Path:
    """The lock file for builds into ``out_dir``."""
    return out_dir.parent / f".{out_dir.name}.lock"


def _busy(path: Path, holder: str) -> OutputError:
    who = f" (held by process {holder})" if holder else ""
    return OutputError(
        f"another build into {path.parent / path.name[1:-5]} is running{who}: lock file {path} is held; "
        "wait for it to finish (nothing was changed)"
    )


@contextlib.contextmanager
def build_lock(out_dir: Path) -> Iterator[Path]:
    """Hold the build lock for ``out_dir`` while the block runs; raise :class:`OutputError` if it is taken."""
    path = lock_path(out_dir)
    if fcntl is None:  # pragma: no cover - Windows
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            raise _busy(path, path.read_text(errors="replace").strip()) from None
        try:
            os.write(fd, f"{os.getpid()}\n".encode())
            yield path
        finally:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(path)
        return
    while True:
        fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip()
            os.close(fd)
            raise _busy(path, holder) from None
        # the holder before us may have removed the file after we opened it: lock the file on disk
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield path
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)
