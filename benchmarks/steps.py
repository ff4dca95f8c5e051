"""The in-process side of each benchmark step, run by ``run.py`` in a fresh Python process per measurement.

    python3 benchmarks/steps.py STEP --corpus DIR [--out PATH] [--files N --bytes B]

Each step loads what it needs first (untimed), then times only the step's own library call with
``time.perf_counter``, and prints one JSON object on the last line of standard output: ``seconds``,
counts, ``setup_rss`` (peak RSS before the timed call) and ``peak_rss`` (peak RSS at the end, this
process and its waited-for children), both in bytes. A step whose code is not there yet prints
``{"skipped": "<why>"}``.

Steps: ``load`` (claimcheck.load), ``check`` (balance.analyse + the dispute figures, as the CLI does),
``build`` (claimcheck.render.site.build_site into --out, which may hold a previous build), ``brief``
(brief.write_brief to --out), ``sqlite`` (the SQLite export to --out), ``iofloor`` (plain Python writing
--files files of --bytes bytes each, spread over three folders as a site's pages are).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any


def rss() -> int:
    """Peak RSS so far of this process and of its waited-for children, in bytes (Linux reports kB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) * 1024


def _load(corpus: Path) -> Any:
    import claimcheck

    return claimcheck.load(corpus)


def step_load(args: argparse.Namespace) -> dict[str, Any]:
    import claimcheck

    setup = rss()
    start = time.perf_counter()
    corpus = claimcheck.load(args.corpus)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "setup_rss": setup,
        "records": sum(1 for _ in corpus.records()),
        "claims": len(corpus.claims),
        "problems": len(corpus.problems),
        "errors": sum(1 for p in corpus.problems if p.severity >= claimcheck.Severity.ERROR),
        "fulltexts": len(corpus.fulltexts),
    }


def step_check(args: argparse.Namespace) -> dict[str, Any]:
    from claimcheck.analysis.balance import analyse
    from claimcheck.analysis.disputes import figures as dispute_figures

    corpus = _load(args.corpus)
    setup = rss()
    start = time.perf_counter()
    result = analyse(corpus)
    disputes = dispute_figures(corpus, result)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "setup_rss": setup,
        "claims": len(corpus.claims),
        "findings": len(result.findings),
        "disputes": len(disputes),
    }


def step_build(args: argparse.Namespace) -> dict[str, Any]:
    try:
        from claimcheck.render.site import build_site
    except ImportError as exc:
        return {"skipped": f"claimcheck.render.site.build_site is not importable ({exc})"}
    corpus = _load(args.corpus)
    setup = rss()
    start = time.perf_counter()
    build_site(corpus, args.out)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "setup_rss": setup, "claims": len(corpus.claims)}


def step_brief(args: argparse.Namespace) -> dict[str, Any]:
    from claimcheck.render.brief import write_brief

    corpus = _load(args.corpus)
    setup = rss()
    start = time.perf_counter()
    write_brief(corpus, args.out)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "setup_rss": setup, "claims": len(corpus.claims), "bytes": Path(args.out).stat().st_size}


def sqlite_exporter() -> Any:
    """The library function behind ``claimcheck export --to sqlite``, or ``None`` while there is none."""
    try:
        from claimcheck.interop.sqlite_format import export_sqlite
    except ImportError:
        return None
    return export_sqlite


def step_sqlite(args: argparse.Namespace) -> dict[str, Any]:
    export = sqlite_exporter()
    if export is None:
        return {"skipped": "claimcheck.interop.sqlite_format.export_sqlite is not importable"}
    corpus = _load(args.corpus)
    Path(args.out).unlink(missing_ok=True)
    setup = rss()
    start = time.perf_counter()
    export(corpus, args.out)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "setup_rss": setup, "records": sum(1 for _ in corpus.records()), "bytes": Path(args.out).stat().st_size}


def step_iofloor(args: argparse.Namespace) -> dict[str, Any]:
    out = Path(args.out)
    folders = [out / name for name in ("claims", "sources", "documents")]
    payload = (b"<p>claimcheck benchmark I/O floor.</p>\n" * (args.bytes // 40 + 1))[: args.bytes]
    setup = rss()
    start = time.perf_counter()
    for folder in folders:
        folder.mkdir(parents=True, exist_ok=True)
    for i in range(args.files):
        with open(folders[i % 3] / f"page-{i}.html", "wb") as fh:
            fh.write(payload)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "setup_rss": setup, "files": args.files, "bytes": args.files * args.bytes}


STEPS = {"load": step_load, "check": step_check, "build": step_build, "brief": step_brief, "sqlite": step_sqlite, "iofloor": step_iofloor}


def main(argv: list[str] | None = None) -> int:
    """Run one step and print its JSON result."""
    p = argparse.ArgumentParser(description="Run one benchmark step in this process (used by run.py).")
    p.add_argument("step", choices=sorted(STEPS))
    p.add_argument("--corpus", type=Path, default=None)
    p.add_argument("--out", type=Path, default=None)
    p.add_argument("--files", type=int, default=0)
    p.add_argument("--bytes", type=int, default=0)
    args = p.parse_args(argv)
    result = STEPS[args.step](args)
    result.setdefault("peak_rss", rss())
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
