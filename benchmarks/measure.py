"""Running one timed process: wall time, exit status, and peak memory of it and every process it starts.

Peak memory is the larger of two figures:

* the process's own peak resident set, from GNU ``/usr/bin/time -v`` when it is installed (Debian
  package ``time``), else from ``os.wait4``'s resource usage for that one child;
* the peak, sampled every 0.1 s, of the summed proportional set size (PSS, so pages shared between
  forked workers count once) over the process and its descendants, which covers builds that fan out
  to worker processes. Sampling only starts to matter once there is more than one process.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import attrs


def gnu_time() -> str | None:
    """The path of GNU time if it is installed (it understands ``-v`` and ``-o``)."""
    path = shutil.which("time", path="/usr/bin:/bin") or None
    if path is None:
        return None
    try:
        probe = subprocess.run([path, "-v", "true"], capture_output=True, text=True, timeout=10, check=False)  # noqa: S603 - a fixed tool
    except (OSError, subprocess.SubprocessError):
        return None
    return path if "Maximum resident set size" in probe.stderr else None


GNU_TIME = gnu_time()
MEMORY_METHOD = (
    "GNU time -v (max RSS) and sampled PSS of the process tree" if GNU_TIME else "os.wait4 ru_maxrss and sampled PSS of the process tree"
)


@attrs.define(kw_only=True)
class Run:
    """One finished process."""

    seconds: float
    returncode: int
    timed_out: bool
    peak_bytes: int | None
    stdout: str
    stderr: str

    def tail(self, n: int = 300) -> str:
        """The end of stderr, on one line, for a note in the table."""
        return " ".join(self.stderr.split())[-n:]


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        kids.setdefault(int(fields[1]), []).append(int(entry.name))
    return kids


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class TreeSampler(threading.Thread):
    """Samples the summed PSS of a process tree while it runs (only when it holds several processes)."""

    def __init__(self, root: int, skip: int | None = None, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.root, self.skip, self.interval = root, skip, interval
        self.peak_kb = 0
        self.done = threading.Event()

    def run(self) -> None:
        if not os.path.isdir("/proc"):
            return
        while not self.done.wait(self.interval):
            kids = _children()
            tree, todo = [], [self.root]
            while todo:
                pid = todo.pop()
                tree.append(pid)
                todo.extend(kids.get(pid, []))
            workers = [p for p in tree if p != self.skip]
            if len(workers) > 1:
                self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in workers))


def run(
    argv: list[str], *, cwd: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None, timeout: float | None = None
) -> Run:
    """Run ``argv`` to completion and measure it; stdout and stderr are kept (in temporary files)."""
    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-run-") as tmp:
        out_path, err_path, time_path = Path(tmp, "out"), Path(tmp, "err"), Path(tmp, "time")
        full = [GNU_TIME, "-v", "-o", str(time_path), *argv] if GNU_TIME else list(argv)
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            start = time.perf_counter()
            proc = subprocess.Popen(full, cwd=cwd, env=env, stdout=out, stderr=err, stdin=subprocess.DEVNULL)  # noqa: S603 - argv built by run.py
            sampler = TreeSampler(proc.pid, skip=proc.pid if GNU_TIME else None)
            sampler.start()
            peak_kb, timed_out = 0, False
            try:
                if GNU_TIME:
                    proc.wait(timeout=timeout)
                    returncode = proc.returncode
                else:
                    returncode, peak_kb = _wait4(proc, timeout)
            except subprocess.TimeoutExpired:
                _kill_tree(proc.pid)
                proc.wait()
                returncode, timed_out = -9, True
            seconds = time.perf_counter() - start
            sampler.done.set()
            sampler.join()
        if GNU_TIME and time_path.exists():
            peak_kb, returncode = _parse_time(time_path.read_text(encoding="utf-8", errors="replace"), returncode)
        peak = max(peak_kb, sampler.peak_kb)
        return Run(
            seconds=seconds,
            returncode=returncode,
            timed_out=timed_out,
            peak_bytes=peak * 1024 if peak else None,
            stdout=out_path.read_text(encoding="utf-8", errors="replace"),
            stderr=err_path.read_text(encoding="utf-8", errors="replace"),
        )


def _kill_tree(root: int) -> None:
    """Kill a timed-out process and everything it started (only that tree: found by parent pid)."""
    kids = _children()
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(kids.get(pid, []))
    for pid in reversed(tree):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def _wait4(proc: subprocess.Popen[Any], timeout: float | None) -> tuple[int, int]:
    """Wait for ``proc`` with ``os.wait4``, which gives that one child's peak RSS (kB on Linux)."""
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            code = os.waitstatus_to_exitcode(status)
            proc.returncode = code  # reaped here: tell Popen, so it does not wait again
            return code, int(usage.ru_maxrss)
        if deadline is not None and time.monotonic() > deadline:
            raise subprocess.TimeoutExpired(proc.args, timeout or 0)
        time.sleep(0.01)


_MAXRSS = re.compile(r"Maximum resident set size \(kbytes\): (\d+)")
_EXIT = re.compile(r"Exit status: (\d+)")


def _parse_time(text: str, returncode: int) -> tuple[int, int]:
    """Peak RSS (kB) and exit status from GNU time's report (time exits with the command's status)."""
    rss = _MAXRSS.search(text)
    code = _EXIT.search(text)
    return (int(rss[1]) if rss else 0), (int(code[1]) if code else returncode)
