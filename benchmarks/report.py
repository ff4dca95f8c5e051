"""The benchmark's figures as Markdown: one table per corpus size, then the issue's targets, pass or fail.

Every figure is the median of the repeated runs; peak memory is the largest seen. Rates divide the
step's units (records, claims, pages) by the median seconds. Targets are judged on the whole-process
figures, which are what a person running ``claimcheck`` waits for.
"""

from __future__ import annotations

import hashlib
import os
import statistics
from pathlib import Path
from typing import Any

#: (key, row label, unit its rate counts)
STEPS = (
    ("load", "load + validate, cold cache", "records"),
    ("load_warm", "load + validate, warm cache", "records"),
    ("check", "check (balance), analysis run", "claims"),
    ("check_kept", "check (balance), analysis kept", "claims"),
    ("build", "site build, full", "pages"),
    ("warm", "site rebuild, nothing changed", None),
    ("edit", "site rebuild, one claim edited", None),
    ("brief", "brief", "claims"),
    ("sqlite", "SQLite export", "records"),
    ("hugo", "Hugo build, same pages", "pages"),
    ("iofloor", "I/O floor, same files", "pages"),
)
MB = 1_000_000
GB = 1_000_000_000
#: The issue's targets on 2 cores, whole process, by corpus size: a size below 10k is judged on 10k's.
TARGETS: dict[int, dict[str, float]] = {
    10_000: {"hugo": 1.5, "edit": 1.0, "warm": 0.5, "records": 50_000, "check": 1.0, "memory": 500 * MB},
    100_000: {"hugo": 1.5, "edit": 2.0, "warm": 1.5, "records": 50_000, "check": 5.0, "memory": GB},
}


def count_pages(folder: Path) -> tuple[int, int]:
    """The number of HTML pages under ``folder`` and their total size in bytes."""
    pages = nbytes = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            if name.endswith(".html"):
                pages += 1
                nbytes += os.stat(os.path.join(dirpath, name)).st_size
    return pages, nbytes


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under ``folder``: its modification time (ns) and a digest of its content."""
    out = {}
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(dirpath, name)
            with open(path, "rb") as fh:
                digest = hashlib.file_digest(fh, "blake2b").hexdigest()
            out[os.path.relpath(path, folder)] = (os.stat(path).st_mtime_ns, digest)
    return out


def diff(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> dict[str, int]:
    """Files whose content changed (added and removed ones included), and files written at all."""
    keys = before.keys() | after.keys()
    changed = sum(1 for k in keys if (before.get(k) or (0, ""))[1] != (after.get(k) or (0, ""))[1])
    rewritten = sum(1 for k in keys if before.get(k) != after.get(k))
    return {"changed": changed, "rewritten": rewritten}


def median(runs: list[dict[str, Any]], key: str = "seconds") -> float | None:
    values = [r[key] for r in runs if r.get(key) is not None]
    return statistics.median(values) if values else None


def peak(runs: list[dict[str, Any]]) -> int | None:
    values = [r["peak"] for r in runs if r.get("peak")]
    return max(values) if values else None


def secs(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if value < 1 else f"{value:.2f}" if value < 10 else f"{value:.1f}" if value < 100 else f"{value:,.0f}"


def mb(value: int | None) -> str:
    return "-" if value is None else f"{value / 1e6:,.0f}"


def units(step: str, unit: str | None, info: dict[str, Any], runs: list[dict[str, Any]]) -> int | None:
    """How many units the step handled (for its rate)."""
    if unit is None:
        return None
    if unit == "pages":
        n = median(runs, "pages")
        return int(n) if n else None
    if unit == "records":
        return info.get("records")
    return (info.get("counts") or {}).get("claims")


def rate(n: int | None, seconds: float | None, unit: str | None) -> str:
    if not n or not seconds or unit is None:
        return "-"
    return f"{n / seconds:,.0f} {unit}/s"


def pages_per_s(steps: dict[str, Any], step: str, mode: str = "process") -> float | None:
    runs = steps[step][mode]
    s, n = median(runs), median(runs, "pages")
    return n / s if s and n else None


def hugo_ratio(run: dict[str, Any]) -> float | None:
    """claimcheck's full build pages/s ÷ Hugo's: the median of the interleaved pairs' ratios, else
    (a run without pairs) the ratio of the two medians."""
    pairs = run.get("pairs") or []
    if pairs:
        return statistics.median(p["ratio"] for p in pairs)
    mine, hugo = pages_per_s(run["steps"], "build"), pages_per_s(run["steps"], "hugo")
    return mine / hugo if mine and hugo else None


def compared(step: str, run: dict[str, Any], mode: str) -> str:
    """The ratios column: claimcheck ÷ Hugo and ÷ the I/O floor (pages/s), counts of changed pages."""
    steps = run["steps"]
    parts = []
    if step in ("build", "hugo"):
        mine = pages_per_s(steps, step, mode)
        floor = pages_per_s(steps, "iofloor")
        ratio = hugo_ratio(run)
        if ratio and step == "build" and mode == "process":
            pairs = len(run.get("pairs") or [])
            parts.append(f"{ratio:.2f}× Hugo" + (f" (median of {pairs} interleaved pairs)" if pairs else ""))
        if mine and floor:
            parts.append(f"{mine / floor:.3f}× I/O floor")
    if step in ("warm", "edit"):
        runs = steps[step][mode]
        changed, rewritten = median(runs, "changed"), median(runs, "rewritten")
        if changed is not None:
            parts.append(f"{changed:,.0f} files changed, {rewritten:,.0f} written")
    return "; ".join(parts)


def size_table(size: int, run: dict[str, Any]) -> list[str]:
    info, steps = run["info"], run["steps"]
    head = f"## {size:,} claims"
    lines = [head, ""]
    desc = f"{info.get('records', 0):,} records in {info.get('files', 0):,} files ({info.get('bytes', 0) / 1e6:,.1f} MB, {info.get('fulltexts', 0):,} full texts)"
    if info.get("site_pages"):
        desc += f"; the site has {info['site_pages']:,} pages ({info['site_bytes'] / 1e6:,.1f} MB)"
    if info.get("hugo_pages"):
        desc += f"; Hugo's has {info['hugo_pages']:,} ({info['hugo_bytes'] / 1e6:,.1f} MB)"
    if info.get("generate_seconds"):
        desc += f"; generated in {secs(info['generate_seconds'])} s"
    lines += [desc + ".", ""]
    lines.append(
        "| step | process s | process rate | process peak MB | in-process s | in-process rate | in-process peak MB | compared / notes |"
    )
    lines.append("|---|--:|--:|--:|--:|--:|--:|---|")
    for key, label, unit in STEPS:
        d = steps[key]
        cells = [label]
        for mode in ("process", "inproc"):
            runs = d[mode]
            s = median(runs)
            n = units(key, unit, info, runs)
            cells += [secs(s), rate(n, s, unit), mb(peak(runs))]
        notes = [x for x in (compared(key, run, "process") or compared(key, run, "inproc"), *d["notes"]) if x]
        cells.append("; ".join(notes).replace("|", "\\|") or "")
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, "", *sites_side_by_side(info), *pair_table(run)]


def sites_side_by_side(info: dict[str, Any]) -> list[str]:
    """The two sites' page counts and total page weight (HTML), side by side."""
    if not info.get("site_pages") and not info.get("hugo_pages"):
        return []

    def cells(pages: int | None, nbytes: int | None) -> list[str]:
        if not pages:
            return ["-", "-", "-"]
        return [f"{pages:,}", f"{(nbytes or 0) / MB:,.1f}", f"{(nbytes or 0) / pages / 1000:,.1f}"]

    mine = cells(info.get("site_pages"), info.get("site_bytes"))
    hugo = cells(info.get("hugo_pages"), info.get("hugo_bytes"))
    rows = ["| | claimcheck | Hugo |", "|---|--:|--:|"]
    for i, label in enumerate(("HTML pages", "total page weight, MB", "average page, kB")):
        rows.append(f"| {label} | {mine[i]} | {hugo[i]} |")
    return [*rows, ""]


def pair_table(run: dict[str, Any]) -> list[str]:
    """Each interleaved pair: claimcheck's full build, Hugo's build just after it, and the ratio of pages/s."""
    pairs = run.get("pairs") or []
    if not pairs:
        return []
    rows = ["| pair | claimcheck build s | Hugo build s | claimcheck ÷ Hugo, pages/s |", "|--:|--:|--:|--:|"]
    rows += [f"| {i} | {secs(p['claimcheck'])} | {secs(p['hugo'])} | {p['ratio']:.2f}× |" for i, p in enumerate(pairs, 1)]
    rows.append(f"| median | | | {statistics.median(p['ratio'] for p in pairs):.2f}× |")
    return [*rows, ""]


def target_set(size: int) -> tuple[int, dict[str, float]]:
    """The targets a run at ``size`` is judged on: those of the smallest target size at or above it (else the largest)."""
    at = min((t for t in TARGETS if t >= size), default=max(TARGETS))
    return at, TARGETS[at]


def targets(size: int, run: dict[str, Any]) -> list[str]:
    """The issue's targets (2 cores, whole process), judged on the whole-process figures at ``size``."""
    info, steps = run["info"], run["steps"]
    at, want = target_set(size)
    lines = [f"## Targets ({size:,} claims, whole process)", ""]
    if at != size:
        lines += [f"Judged on the targets set for {at:,} claims.", ""]
    lines += ["| target | wanted | measured | result |", "|---|---|---|---|"]

    def row(name: str, wanted: str, value: float | None, shown: str, ok: bool | None) -> None:
        verdict = "n/a" if value is None or ok is None else "PASS" if ok else "FAIL"
        lines.append(f"| {name} | {wanted} | {shown if value is not None else 'not measured'} | {verdict} |")

    ratio = hugo_ratio(run)
    pairs = len(run.get("pairs") or [])
    how = f", median of {pairs} interleaved pairs" if pairs else ""
    row(
        "full site build",
        f"≥ {want['hugo']:.1f}× Hugo's pages/s",
        ratio,
        f"{ratio or 0:.2f}×{how}",
        ratio is not None and ratio >= want["hugo"],
    )
    edit = median(steps["edit"]["process"])
    changed = median(steps["edit"]["process"], "changed")
    shown = f"{secs(edit)} s ({changed or 0:,.0f} files changed)"
    row("rebuild after one edited claim", f"≤ {want['edit']:g} s", edit, shown, edit is not None and edit <= want["edit"])
    warm = median(steps["warm"]["process"])
    row("rebuild, nothing changed", f"≤ {want['warm']:g} s", warm, f"{secs(warm)} s", warm is not None and warm <= want["warm"])
    load_s = median(steps["load_warm"]["process"])
    load_rate = info["records"] / load_s if load_s else None
    row(
        "validate, warm parse cache",
        f"≥ {want['records']:,.0f} records/s",
        load_rate,
        f"{load_rate or 0:,.0f} records/s",
        load_rate is not None and load_rate >= want["records"],
    )
    for key, what in (("check", "check, the analysis run (after an edit)"), ("check_kept", "check, the analysis kept (nothing changed)")):
        check = median(steps[key]["process"])
        if check is not None or key == "check":
            row(what, f"≤ {want['check']:g} s", check, f"{secs(check)} s", check is not None and check <= want["check"])
    peaks = [
        p
        for key in ("load", "load_warm", "check", "check_kept", "build", "warm", "edit", "brief", "sqlite")
        for mode in ("process", "inproc")
        if (p := peak(steps[key][mode]))
    ]
    top = max(peaks) if peaks else None
    row(
        "peak memory, any claimcheck step",
        f"≤ {mb(int(want['memory']))} MB",
        top,
        f"{mb(top)} MB",
        top is not None and top <= want["memory"],
    )
    return [*lines, ""]


def markdown(meta: dict[str, Any], runs: dict[int, dict[str, Any]]) -> str:
    """The whole results file."""
    m = meta["machine"]
    lines = [
        f"# claimcheck benchmarks: {meta['label']}",
        "",
        f"`{meta['command']}`: {meta['date']}, medians of {meta['repeat']} runs (seed {meta['seed']}), {meta['minutes']:.1f} minutes in all.",
        "See benchmarks/README.md for what each step measures.",
        "",
        "| machine | |",
        "|---|---|",
    ]
    lines += [f"| {k} | {str(v).replace('|', '/')} |" for k, v in m.items()]
    lines.append("")
    for size, run in runs.items():
        lines += size_table(size, run)
    for size, run in runs.items():
        lines += targets(size, run)
    return "\n".join(lines).rstrip() + "\n"
