"""The benchmark suite: one command that times every step at each corpus size and writes the table.

    python3 benchmarks/run.py --sizes 1k,10k,100k --repeat 3

For each size it generates (or reuses) a synthetic corpus (``generate.py``), then times, ``--repeat``
times each: load + validate, check, a full site build, a warm rebuild with nothing changed, a rebuild
after one claim's text is edited, the brief and the SQLite export, each both as a whole process (the
``claimcheck`` command) and in-process (the library call alone, in a fresh Python process, see
``steps.py``); beside them Hugo building the same pages from the same corpus (``hugo.py``) and the I/O
floor (plain Python writing as many files of the same average size). The full build and Hugo's run
as interleaved pairs (claimcheck, Hugo, claimcheck, Hugo...; ``--pairs``, at least 3) and the
comparison is the median of the per-pair ratios of pages/s. The Markdown table (medians,
rates, peak memory, ratios to Hugo and to the I/O floor, and the issue's targets passed or failed) is
printed and written to ``benchmarks/results/<label>.md`` with the raw figures in ``<label>.json``.
See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import generate
import measure
import report
from hugo import convert

HERE = Path(__file__).resolve().parent
STEPS = report.STEPS


def log(message: str) -> None:
    """Progress on standard error."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def claimcheck_argv() -> list[str]:
    """How to run the ``claimcheck`` command of this Python."""
    script = Path(sys.executable).parent / "claimcheck"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from claimcheck.cli import main; main()"]


def cli_args(command: str, corpus: Path, out: Path, fmt: str | None = None) -> list[str] | None:
    """Arguments for ``claimcheck COMMAND`` writing ``corpus``'s output to ``out``, read from the command's
    own click parameters (the corpus is the first argument; the output is ``-o``/``--output``/``--out``
    or the second argument; ``fmt`` goes to whichever choice option offers it); ``None`` if there is no
    such command yet."""
    import click

    from claimcheck.cli import main

    cmd = main.get_command(click.Context(main), command)
    if cmd is None:
        return None
    args: list[str] = []
    positional = [p for p in cmd.params if isinstance(p, click.Argument)]
    out_opt = next(
        (p for p in cmd.params if isinstance(p, click.Option) and {"-o", "--output", "--out", "--out-dir", "--output-dir"} & set(p.opts)),
        None,
    )
    args.append(str(corpus))
    if out_opt is not None:
        args += [out_opt.opts[0], str(out)]
    elif len(positional) > 1:
        args.append(str(out))
    else:
        args += ["-o", str(out)]
    if fmt is not None:
        opt = next(
            (p for p in cmd.params if isinstance(p, click.Option) and isinstance(p.type, click.Choice) and fmt in p.type.choices), None
        )
        if opt is None:
            return None
        args += [opt.opts[0], fmt]
    return [command, *args]


def wipe(path: Path) -> None:
    """Remove a file or folder if it exists."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


class Bench:
    """Runs the suite for one corpus size and collects every measurement."""

    def __init__(self, args: argparse.Namespace, size: int) -> None:
        self.args, self.size = args, size
        self.work: Path = args.work_dir
        self.work.mkdir(parents=True, exist_ok=True)
        self.cache = self.work / "xdg-cache"  # claimcheck's parse cache lives under $XDG_CACHE_HOME
        self.env = {**os.environ, "XDG_CACHE_HOME": str(self.cache)}
        self.env.pop("CLAIMCHECK_CACHE", None)
        # Compiled modules are kept, as they are after pip installs a wheel: an editable install run
        # with PYTHONDONTWRITEBYTECODE set would compile every module again in every process (about
        # 0.1 s for validate, 0.6 s for a build), which no installed claimcheck pays. They go to a
        # folder of the work dir, never into the source tree.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env["PYTHONPYCACHEPREFIX"] = str(self.work / "pycache")
        import claimcheck

        package = Path(claimcheck.__file__).parent
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(package)], env=self.env, check=False)  # noqa: S603
        self.cc = claimcheck_argv()
        self.data: dict[str, Any] = {k: {"process": [], "inproc": [], "notes": []} for k, _, _ in STEPS}
        self.info: dict[str, Any] = {"claims": size}
        self.given_up: set[tuple[str, str]] = set()
        self.pairs: list[dict[str, float]] = []  # interleaved (claimcheck full build, Hugo build) pairs
        chosen = {k.strip() for k in (args.steps or "").split(",") if k.strip()}
        self.wanted = chosen or {k for k, _, _ in STEPS}
        for key in {k for k, _, _ in STEPS} - self.wanted:
            self.data[key]["notes"].append("not selected (--steps)")

    # ---- the corpus ------------------------------------------------------------------------------
    def corpus(self) -> Path:
        """The generated corpus for this size (reused when the generator and seed are the same)."""
        root = self.work / f"corpus-{self.size}-seed{self.args.seed}-v{generate.VERSION}"
        backup = self.work / f"{root.name}.edit-backup"
        manifest_path = root / generate.MANIFEST
        if not manifest_path.exists():
            wipe(root)
            log(f"generating {self.size:,} claims into {root}")
            start = time.perf_counter()
            generate.generate(self.size, root, seed=self.args.seed, jobs=os.cpu_count() or 1)
            self.info["generate_seconds"] = time.perf_counter() - start
        self.manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if backup.exists():  # a previous run stopped mid-edit: put the file back
            Path(root, self.manifest["edit"]["file"]).write_bytes(backup.read_bytes())
            backup.unlink()
        self.backup = backup
        self.info.update({k: self.manifest[k] for k in ("records", "files", "bytes", "stories", "counts", "fulltexts")})
        return root

    def clean_state(self, root: Path) -> None:
        """Remove anything a build left beside the corpus (caches), so a full build starts cold."""
        keep = {"claimcheck.yaml", "parties.yaml", "stories", generate.FULLTEXTS, generate.MANIFEST}
        for entry in root.iterdir():
            if entry.name not in keep:
                wipe(entry)
        wipe(self.cache)

    # ---- running ----------------------------------------------------------------------------------
    def gave_up(self, step: str, mode: str, run: measure.Run | None = None) -> bool:
        """Whether ``step`` timed out before in ``mode`` (or just did, in ``run``): it is not run again at this size."""
        if run is not None and run.timed_out:
            self.note(
                step,
                f"{'process' if mode == 'process' else 'in-process'}: not finished after {self.args.timeout:,.0f} s (--timeout); not run again",
            )
            self.given_up.add((step, mode))
            return True
        return (step, mode) in self.given_up

    def process(self, step: str, argv: list[str], ok: tuple[int, ...] = (0,), cwd: Path | None = None) -> dict[str, Any] | None:
        if self.gave_up(step, "process"):
            return None
        run = measure.run(argv, cwd=cwd, env=self.env, timeout=self.args.timeout)
        if self.gave_up(step, "process", run):
            return None
        if run.returncode not in ok:
            self.note(step, f"process exited {run.returncode}: {run.tail()}")
            return None
        result = {"seconds": run.seconds, "peak": run.peak_bytes}
        self.data[step]["process"].append(result)
        log(f"{self.size:,} {step}, process: {run.seconds:.2f} s")
        return result

    def worker(self, step: str, name: str, **kw: Any) -> dict[str, Any] | None:
        if self.args.process_only:
            return None
        if self.gave_up(step, "inproc"):
            return None
        argv = [sys.executable, str(HERE / "steps.py"), name]
        for key, value in kw.items():
            argv += [f"--{key}", str(value)]
        run = measure.run(argv, env=self.env, timeout=self.args.timeout)
        if self.gave_up(step, "inproc", run):
            return None
        lines = run.stdout.strip().splitlines()
        if run.returncode != 0 or not lines:
            self.note(step, f"in-process step failed (exit {run.returncode}): {run.tail()}")
            return None
        result = json.loads(lines[-1])
        if "skipped" in result:
            self.note(step, result["skipped"])
            return None
        result["peak"] = max(result.get("peak_rss") or 0, run.peak_bytes or 0) or None
        result["wall"] = run.seconds
        self.data[step]["inproc"].append(result)
        log(f"{self.size:,} {step}, in-process: {result['seconds']:.2f} s")
        return result

    def note(self, step: str, text: str) -> None:
        if text not in self.data[step]["notes"]:
            self.data[step]["notes"].append(text)
            log(f"{step}: {text}")

    # ---- the steps -------------------------------------------------------------------------------
    def run(self) -> dict[str, Any]:
        root = self.corpus()
        out = self.work / "out"
        out.mkdir(exist_ok=True)
        for r in range(1, self.args.repeat + 1):
            log(f"{self.size:,} claims, repeat {r}/{self.args.repeat}")
            validate = [*self.cc, "validate", str(root), "--format", "json"]
            if "load" in self.wanted:
                wipe(self.cache)
                self.process("load", validate, ok=(0, 1))
                if not self.args.process_only:  # the worker's cold load; else the cache stays warm for load_warm
                    wipe(self.cache)
                loaded = self.worker("load", "load", corpus=root)
                if loaded and loaded.get("errors"):
                    self.note("load", f"the generated corpus has {loaded['errors']} errors: the figures are not comparable")
            if "load_warm" in self.wanted:
                if "load" not in self.wanted:  # fill the parse cache first, untimed
                    measure.run(validate, env=self.env, timeout=self.args.timeout)
                self.process("load_warm", validate, ok=(0, 1))  # run after a load: the parse cache holds every file
                self.worker("load_warm", "load", corpus=root)
            check = [*self.cc, "check", str(root), "--format", "json"]
            kept_analysis = self.cache / "claimcheck" / "parsed" / "analysis"
            if "check" in self.wanted:  # the first check of these files: the balance analysis runs
                wipe(kept_analysis)  # what an earlier run kept would answer
                self.process("check", check, ok=(0, 1))
                if not self.args.process_only:
                    wipe(kept_analysis)
                self.worker("check", "check", corpus=root)
            if "check_kept" in self.wanted:  # again: the report and figures a check kept are read
                measure.run(check, env=self.env, timeout=self.args.timeout)  # untimed: makes sure both are kept
                self.process("check_kept", check, ok=(0, 1))
                self.worker("check_kept", "check", corpus=root)
            if self.wanted & {"build", "warm", "edit"}:
                for mode in ("process",) if self.args.process_only else ("process", "inproc"):
                    self.site(root, mode, r)
            if "brief" in self.wanted:
                brief = out / "brief.md"
                self.process("brief", [*self.cc, "brief", str(root), "-o", str(brief)])
                self.worker("brief", "brief", corpus=root, out=brief)
            if "sqlite" in self.wanted:
                self.sqlite(root, out / "claims.sqlite")
            if "hugo" in self.wanted and not self.paired():
                self.hugo(root)
            if "iofloor" in self.wanted:
                self.iofloor()
        while self.paired() and len(self.pairs) < self.args.pairs:  # top up to --pairs interleaved pairs
            log(f"{self.size:,} claims, pair {len(self.pairs) + 1}/{self.args.pairs}")
            before = len(self.pairs)
            self.pair(root, self.work / "site-pair")
            if len(self.pairs) == before:  # a build or Hugo failed or timed out: its note says why
                break
        return {"info": self.info, "steps": self.data, "pairs": self.pairs}

    def paired(self) -> bool:
        """Whether claimcheck's full build and Hugo's are run as interleaved pairs (both wanted, Hugo there)."""
        return {"build", "hugo"} <= self.wanted and shutil.which("hugo") is not None and not self.args.no_hugo

    def pair(self, root: Path, site: Path) -> dict[str, Any] | None:
        """One pair: claimcheck's full build from nothing, then at once Hugo's build of the same pages, so
        both see the same load on a shared machine; their ratio of pages/s is kept per pair."""
        wipe(site)
        self.clean_state(root)
        full = self.build("build", root, site, "process")
        if full is None:
            return None
        full["pages"], full["bytes"] = report.count_pages(site)
        self.info.setdefault("site_pages", full["pages"])
        self.info.setdefault("site_bytes", full["bytes"])
        hugo = self.hugo(root)
        if hugo is not None and full["seconds"] and hugo["seconds"]:
            mine, theirs = full["pages"] / full["seconds"], hugo["pages"] / hugo["seconds"]
            self.pairs.append({"claimcheck": full["seconds"], "hugo": hugo["seconds"], "ratio": mine / theirs})
        return full

    def build(self, step: str, root: Path, site: Path, mode: str) -> dict[str, Any] | None:
        """One site build, measured as ``step`` (the full build, or a rebuild)."""
        if mode == "inproc":
            return self.worker(step, "build", corpus=root, out=site)
        argv = cli_args("build", root, site)
        if argv is None:
            self.note(step, "no `claimcheck build` command yet: the whole-process figures are missing")
            return None
        return self.process(step, [*self.cc, *argv])

    def site(self, root: Path, mode: str, r: int) -> None:
        """Full build from nothing, warm rebuild, and rebuild after editing one claim, in ``mode``."""
        site = self.work / f"site-{mode}"
        if mode == "process" and self.paired():
            full = self.pair(root, site)
        else:
            wipe(site)
            self.clean_state(root)
            full = self.build("build", root, site, mode)
            if full is not None:
                full["pages"], full["bytes"] = report.count_pages(site)
                self.info.setdefault("site_pages", full["pages"])
                self.info.setdefault("site_bytes", full["bytes"])
        if full is None:
            return
        before = report.snapshot(site)
        warm = self.build("warm", root, site, mode)
        if warm is None:
            return
        after = report.snapshot(site)
        warm.update(report.diff(before, after))
        original = generate.edit_claim(root, self.manifest["edit"], f"{mode} {r}")
        self.backup.write_bytes(original)
        try:
            edited = self.build("edit", root, site, mode)
            final = report.snapshot(site)
        finally:
            Path(root, self.manifest["edit"]["file"]).write_bytes(original)
            self.backup.unlink()
        if edited is not None:
            edited.update(report.diff(after, final))
            if edited["changed"] == 0:
                self.note("edit", "the rebuild after the edit changed no page: the edited claim's page is stale")

    def sqlite(self, root: Path, db: Path) -> None:
        argv = cli_args("export", root, db, fmt="sqlite")
        if argv is None:
            self.note("sqlite", "no `claimcheck export --to sqlite` yet: the whole-process figures are missing")
        else:
            wipe(db)
            self.process("sqlite", [*self.cc, *argv])
        wipe(db)
        self.worker("sqlite", "sqlite", corpus=root, out=db)

    def hugo(self, root: Path) -> dict[str, Any] | None:
        exe = shutil.which("hugo")
        if exe is None or self.args.no_hugo:
            self.note("hugo", "Hugo is not installed (apt-get install hugo)" if exe is None else "skipped (--no-hugo)")
            return None
        hsite = self.work / f"hugo-{root.name}"
        if not (hsite / ".converted").exists():
            wipe(hsite)
            log(f"converting the corpus to a Hugo site in {hsite}")
            convert(root, hsite)
            (hsite / ".converted").write_text("ok\n", encoding="utf-8")
        public = self.work / "hugo-public"
        wipe(public)
        wipe(hsite / "resources")
        result = self.process("hugo", [exe, "--quiet", "-d", str(public)], cwd=hsite)
        if result is not None:
            result["pages"], result["bytes"] = report.count_pages(public)
            self.info.setdefault("hugo_pages", result["pages"])
            self.info.setdefault("hugo_bytes", result["bytes"])
        wipe(public)
        return result

    def iofloor(self) -> None:
        pages = self.info.get("site_pages") or self.info.get("hugo_pages")
        nbytes = self.info.get("site_bytes") or self.info.get("hugo_bytes")
        if not pages:
            counts = self.info["counts"]
            pages = counts["claims"] + counts["sources"] + counts["documents"]
            nbytes = pages * 8000
            self.note("iofloor", "no site or Hugo output to copy: assumed one 8 kB page per claim, source and document")
        folder = self.work / "iofloor"
        wipe(folder)
        result = self.worker("iofloor", "iofloor", out=folder, files=pages, bytes=max(1, nbytes // pages))
        if result is not None:
            self.data["iofloor"]["process"].append({"seconds": result["wall"], "peak": result["peak"], "pages": pages})
            result["pages"] = pages
        wipe(folder)


def _output(argv: list[str]) -> str:
    """A tool's standard output, stripped ("" if it cannot run)."""
    try:
        return subprocess.run(argv, capture_output=True, text=True, check=False, timeout=60).stdout.strip()  # noqa: S603 - fixed tools
    except (OSError, subprocess.SubprocessError):
        return ""


def machine() -> dict[str, Any]:
    """The machine and the versions of everything measured."""
    from importlib import metadata

    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "not installed"

    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        kb = int(next(x for x in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines() if x.startswith("MemTotal")).split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration, ValueError):
        pass
    hugo = shutil.which("hugo")
    hugo_v = _output([hugo, "version"]) if hugo else "not installed"
    commit = _output([shutil.which("git") or "git", "-C", str(HERE), "describe", "--always", "--dirty"])
    import yaml

    import claimcheck

    return {
        "nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu": cpu,
        "memory": mem,
        "os": f"{os.uname().sysname} {os.uname().release}",
        "python": sys.version.split()[0],
        "claimcheck": f"{claimcheck.__version__} ({commit or 'no git'})",
        "hugo": hugo_v,
        "jinja2": version("Jinja2"),
        "jsonschema-rs": version("jsonschema_rs"),
        "jsonschema": version("jsonschema"),
        "pyyaml": f"{version('PyYAML')} (libyaml {'yes' if getattr(yaml, '__with_libyaml__', False) else 'no'})",
        "memory method": measure.MEMORY_METHOD,
    }


def main(argv: list[str] | None = None) -> int:
    """The command line."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", default="1k,10k,100k", help="corpus sizes in claims, comma-separated (default 1k,10k,100k)")
    p.add_argument("--repeat", type=int, default=3, help="runs of each step; the table shows medians (default 3)")
    p.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    p.add_argument("--label", default=None, help="results file name (default: today's date, UTC)")
    p.add_argument("--results-dir", type=Path, default=HERE / "results", help="where to write <label>.md and <label>.json")
    p.add_argument(
        "--work-dir", type=Path, default=Path(tempfile.gettempdir()) / "claimcheck-bench", help="corpora (kept for reuse) and outputs"
    )
    p.add_argument("--no-hugo", action="store_true", help="leave out the Hugo build")
    p.add_argument(
        "--process-only",
        action="store_true",
        help="time only whole processes, what the targets are judged on (the in-process column stays empty): half the time at 100k",
    )
    p.add_argument(
        "--pairs", type=int, default=3, help="interleaved pairs (claimcheck full build, then Hugo) at least, whatever --repeat (default 3)"
    )
    keys = ",".join(k for k, _, _ in STEPS)
    p.add_argument("--steps", default=None, help=f"only these steps, comma-separated ({keys}; default: all)")
    p.add_argument("--timeout", type=float, default=3600.0, help="seconds before one process is killed (default 3600)")
    args = p.parse_args(argv)
    unknown = {k.strip() for k in (args.steps or "").split(",") if k.strip()} - {k for k, _, _ in STEPS}
    if unknown:
        p.error(f"unknown steps {', '.join(sorted(unknown))}; expected some of {keys}")
    sizes = [generate.parse_size(s) for s in args.sizes.split(",") if s.strip()]
    label = args.label or dt.datetime.now(dt.UTC).strftime("%Y-%m-%d")
    started = time.perf_counter()
    runs = {}
    for size in sizes:
        runs[size] = Bench(args, size).run()
    meta = {
        "label": label,
        "command": " ".join(["python3", "benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])]),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "repeat": args.repeat,
        "seed": args.seed,
        "minutes": (time.perf_counter() - started) / 60,
        "machine": machine(),
    }
    text = report.markdown(meta, runs)
    sys.stdout.write(text)
    args.results_dir.mkdir(parents=True, exist_ok=True)
    (args.results_dir / f"{label}.md").write_text(text, encoding="utf-8")
    raw = {"meta": meta, "runs": {str(k): v for k, v in runs.items()}}
    (args.results_dir / f"{label}.json").write_text(json.dumps(raw, indent=1, default=str) + "\n", encoding="utf-8")
    log(f"wrote {args.results_dir / (label + '.md')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
