"""Profile one step on a generated corpus, to find where the time goes.

    python3 benchmarks/profile_step.py load  --corpus /tmp/claimcheck-bench/corpus-100000-seed1-v3 [--cache cold|warm] [--jobs 1]
    python3 benchmarks/profile_step.py check --corpus ... [--top 30] [--pyinstrument]

``load`` profiles ``claimcheck.load`` (``--cache cold`` empties the parse cache first; ``--jobs 1``
parses in this process, so the profiler sees the parsing too); ``check`` loads first, unprofiled, and
profiles ``balance.analyse`` and the dispute figures, as ``claimcheck check`` runs them. The report is
cProfile's top functions by own time and by cumulative time, or pyinstrument's call tree with
``--pyinstrument`` (``pip install pyinstrument``).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def main(argv: list[str] | None = None) -> int:
    """The command line."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("step", choices=("load", "check"))
    p.add_argument("--corpus", type=Path, required=True)
    p.add_argument("--cache", choices=("cold", "warm"), default="cold", help="parse cache emptied first (cold) or primed (warm)")
    p.add_argument("--jobs", type=int, default=1, help="parsing processes for load (default 1: all in the profiled process)")
    p.add_argument("--top", type=int, default=25, help="functions to list (default 25)")
    p.add_argument("--pyinstrument", action="store_true", help="print pyinstrument's call tree instead of cProfile's tables")
    args = p.parse_args(argv)
    cache = Path(tempfile.gettempdir()) / "claimcheck-bench-profile-cache"
    os.environ["CLAIMCHECK_CACHE"] = str(cache)
    import claimcheck
    from claimcheck.analysis.balance import analyse
    from claimcheck.analysis.disputes import figures as dispute_figures

    if args.cache == "cold":
        shutil.rmtree(cache, ignore_errors=True)
    elif not cache.exists():
        claimcheck.load(args.corpus)  # prime the cache
    call: Callable[[], Any]
    if args.step == "load":

        def call() -> Any:
            return claimcheck.load(args.corpus, jobs=args.jobs)

        units, unit = None, "records"
    else:
        corpus = claimcheck.load(args.corpus)

        def call() -> Any:
            return dispute_figures(corpus, analyse(corpus))

        units, unit = len(corpus.claims), "claims"
    start = time.perf_counter()
    if args.pyinstrument:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
        result = call()
        profiler.stop()
        seconds = time.perf_counter() - start
        report = profiler.output_text(color=False, show_all=False)
    else:
        prof = cProfile.Profile()
        result = prof.runcall(call)
        seconds = time.perf_counter() - start
        out = io.StringIO()
        stats = pstats.Stats(prof, stream=out)
        stats.sort_stats("tottime").print_stats(args.top)
        stats.sort_stats("cumulative").print_stats(args.top)
        report = out.getvalue()
    if units is None:
        units = sum(1 for _ in result.records())
    print(report)
    print(
        f"{args.step} ({args.cache} cache) on {args.corpus}: {seconds:.2f} s under the profiler, {units / seconds:,.0f} {unit}/s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
