"""Building the static site: atomic, deterministic and incremental.

* **Atomic**: the site is built in a temporary folder beside the target (same parent), then swapped
  in (old → backup, new → target, backup removed). A failed or interrupted build removes its
  temporary folder and leaves the previous site as it was; a lock file beside the target stops a
  second build into the same folder.
* **Deterministic**: same corpus, templates and version → byte-identical files (no timestamps,
  everything sorted).
* **Incremental**: ``.claimcheck-build.json`` in the site is the build state: for every file, the
  sha256 of its inputs (the page's whole context, which holds every record and figure the page
  shows, with the templates, the version and the code), of its content, and its size and
  modification time. A page whose inputs are unchanged and whose file is the one recorded is not
  rendered, written or even read again; a page that lists many records (an index page, a timeline
  part, a map, a search shard) has them all in its context, so it is rebuilt when any of them
  changes. The new folder starts as hard links to the previous site and only files whose content
  changed are written, so unchanged files keep their inode and mtime.
* **Parallel**: above :data:`PARALLEL_THRESHOLD` records, on :data:`MIN_PARALLEL_CORES` cores or more
  (where ``fork`` is available), pages are built and rendered in worker processes forked after the
  analysis (:mod:`claimcheck.render.site.units`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import jinja2

from claimcheck.core import atomic
from claimcheck.core.errors import ClaimcheckError, OutputError
from claimcheck.core.outputs import refuse_corpus_output, resolve_output, shown_path
from claimcheck.core.version import code_fingerprint
from claimcheck.model.corpus import Corpus
from claimcheck.publish.urls import check_base_url
from claimcheck.render.site import overview, pages, search, state, units
from claimcheck.render.site.common import SiteData
from claimcheck.render.site.context import Page
from claimcheck.render.site.lock import build_lock
from claimcheck.render.site.manifest import (
    MANIFEST,
    MANIFEST_FORMAT,
    BuildResult,
    build_inputs,
    fingerprint,
    manifest_doc,
    manifest_files,
    site_date,
    unchanged_site,
)
from claimcheck.render.site.paths import inside
from claimcheck.render.site.render import environment, render, static_files
from claimcheck.render.templates import TemplateFailure

#: Called as pages are built: (work done, work in all), counted in records (a claim, a source or a document), each overview page group counting one.
Progress = Callable[[int, int], None]

#: Build pages in forked workers when the site has more records than this (and ``jobs`` is not given)...
PARALLEL_THRESHOLD = 500
#: ...and the machine has at least this many cores. Forked workers inherit the corpus and its analysis
#: and send back only HTML; on a shared 2-core machine two of them built the 10k site in 86 s against
#: 136 s in one process once, but in the suite's interleaved pairs the gain against Hugo was within the
#: noise (0.23x against 0.26x) while the peak memory of the process tree rose from 400 to 572 MB, over
#: the 500 MB target: so two cores stay in one process unless ``jobs`` says otherwise.
MIN_PARALLEL_CORES = 4


def site_pages(data: SiteData, base_url: str | None = None) -> list[Page]:
    """Every page's context, in a stable order (the search page, which needs the index's size, apart)."""
    out: list[Page] = [*overview.index_pages(data), *overview.list_pages(data), *overview.timeline_pages(data), *overview.map_pages(data)]
    out += [pages.claim_page(data, c, base_url) for c in sorted(data.claims.values(), key=lambda c: c.id)]
    for source in sorted(data.corpus.sources.values(), key=lambda s: s.id):
        out += pages.source_pages(data, source)
    out += [pages.document_page(data, d) for d in sorted(data.corpus.documents.values(), key=lambda d: d.id)]
    return out


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_target(out_dir: Path, corpus: Corpus) -> None:
    """Raise :class:`OutputError` unless a site of ``corpus`` may be built into ``out_dir`` (a real path,
    links already followed): a new or empty folder, or one claimcheck built, outside the corpus."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"cannot build the site into {shown_path(out_dir)}: it exists and is not a folder")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / MANIFEST).is_file():
        raise OutputError(
            f"{shown_path(out_dir)} exists, is not empty and was not built by claimcheck (no {MANIFEST}); "
            "choose another output folder or empty it: a build replaces the whole folder"
        )
    refuse_corpus_output(out_dir, [corpus], what="the site")


def _workers(jobs: int | None, data: SiteData) -> int:
    """How many processes build and render the pages: ``jobs`` when given, else every core on
    :data:`MIN_PARALLEL_CORES` or more above :data:`PARALLEL_THRESHOLD` records, else this one."""
    if jobs is not None:
        return max(1, jobs)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    records = len(data.claims) + len(data.corpus.sources) + len(data.corpus.documents)
    return cores if cores >= MIN_PARALLEL_CORES and records > PARALLEL_THRESHOLD else 1


def _link_tree(src: Path, dst: Path) -> None:
    """Fill ``dst`` with hard links to every file of ``src`` (copies, mtimes kept, where links fail)."""
    top = os.fspath(src)
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames.sort()
        rel = os.path.relpath(dirpath, top)
        into = os.path.join(dst, rel) if rel != "." else os.fspath(dst)
        os.makedirs(into, exist_ok=True)
        for name in sorted(filenames):
            s, d = os.path.join(dirpath, name), os.path.join(into, name)
            if os.path.islink(s):
                continue
            try:
                os.link(s, d)
            except OSError:
                shutil.copy2(s, d)


def _recover(out: Path) -> None:
    """Clean up after a build that was killed (the lock is held, so no build is running)."""
    atomic.recover_folder(out, is_whole=lambda folder: (folder / MANIFEST).is_file(), leftovers=[f".{out.name}.build-"])


def build_site(
    corpus: Corpus,
    out_dir: str | os.PathLike[str],
    *,
    templates: str | os.PathLike[str] | None = None,
    include_drafts: bool = False,
    jobs: int | None = None,
    progress: Progress | None = None,
    base_url: str | None = None,
    audience: str = "reader",
    date: str | None = None,
) -> BuildResult:
    """Build the static site of ``corpus`` into ``out_dir`` (see the module for how) and say what changed.

    ``templates`` is a folder of templates (and ``static/`` assets) overriding the built-in ones file
    by file; drafts are left out unless ``include_drafts``; ``jobs`` sets the number of processes
    building pages (default: all cores above :data:`PARALLEL_THRESHOLD` records on 4 cores or more, else in-process);
    ``progress`` is called as pages are built, with the work done and the work in all (in records); ``base_url`` (where the site will be published)
    makes the ClaimReview ``url`` and each page's canonical URL absolute; ``audience`` is ``reader``
    (the published site) or ``editor`` (adds the balance findings, with what to do and where);
    ``date`` is the publication date the pages show (see :func:`site_date`). Raises :class:`OutputError` when the site cannot be
    written; the previous site is then left as it was.
    """
    t0 = time.perf_counter()
    check_base_url(base_url)
    out = resolve_output(Path(out_dir).absolute(), folder=True)  # a link is built through: the folder it leads to
    tdir = os.fspath(templates) if templates is not None else None
    if tdir is not None and not Path(tdir).is_dir():
        raise OutputError(f"templates folder {tdir} does not exist or is not a folder")
    published = site_date(date)
    out.parent.mkdir(parents=True, exist_ok=True)
    check_target(out, corpus)
    with build_lock(out):
        _recover(out)
        templates_print = fingerprint(tdir)
        doc = manifest_doc(out) if out.is_dir() else None
        inputs = build_inputs(corpus.source_digest, templates_print, include_drafts, base_url, audience, published)
        same = unchanged_site(out, inputs, doc)
        if same is not None:
            return attrs.evolve(same, elapsed=time.perf_counter() - t0)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
        os.chmod(tmp, 0o755)  # noqa: S103 - mkdtemp makes it private; a published site is world-readable
        try:
            data = SiteData(corpus, include_drafts=include_drafts, audience=audience, base_url=base_url, date=published)
            result = _build(
                data,
                out,
                tmp,
                tdir,
                jobs=jobs,
                progress=progress,
                base_url=base_url,
                build_inputs=inputs,
                previous=manifest_files(doc),
                templates_print=templates_print,
            )
            atomic.swap_folder(tmp, out)
        except BaseException as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            if isinstance(exc, TemplateFailure):
                raise OutputError(f"{exc}; the previous site at {shown_path(out)} is unchanged") from exc
            if isinstance(exc, ClaimcheckError):
                raise
            if isinstance(exc, jinja2.TemplateError):
                where = f"{exc.filename}:{exc.lineno}: " if isinstance(exc, jinja2.TemplateSyntaxError) else ""
                raise OutputError(f"template error: {where}{exc}; the previous site at {out} is unchanged") from exc
            if isinstance(exc, OSError):
                raise OutputError(f"the site could not be written ({exc}); the previous site at {out} is unchanged") from exc
            raise
    return attrs.evolve(result, elapsed=time.perf_counter() - t0)


def _kept(out: Path, path: str, old: dict[str, object] | None, known: dict[str, state.Recorded]) -> bool:
    """Whether the previous site's file at ``path`` holds what its manifest says: its size and modification
    time are those the build state recorded with that digest, else (no state, or a file touched since)
    its content hashes to it."""
    if not old:
        return False
    where = os.path.join(out, path)
    seen = known.get(path)
    if seen is not None and seen[2] == old.get("sha256") and state.file_stat(where) == seen[:2]:
        return True
    try:
        with open(where, "rb") as fh:
            return _sha(fh.read()) == old.get("sha256")
    except OSError:
        return False


def _build(
    data: SiteData,
    out: Path,
    tmp: Path,
    templates: str | None,
    *,
    jobs: int | None,
    progress: Progress | None,
    base_url: str | None,
    build_inputs: str | None,
    previous: dict[str, dict[str, object]],
    templates_print: str,
) -> BuildResult:
    """Build into ``tmp``, which becomes ``out``: a page whose context digest (with the templates and the
    code) is the one the previous site's manifest records for it, and whose file is still that build's,
    is neither rendered nor written nor read; the new folder starts as hard links to the previous site.
    ``previous`` is that manifest's entries, and ``templates_print`` the templates' fingerprint, both as
    :func:`build_site` found them."""
    known = state.recorded(out) if previous else {}
    search_files, entries = search.files(data)  # also fills the claim summaries every page shares, before any fork
    prints = f"{templates_print}\n{code_fingerprint()}"

    def valid(path: str, digest: str) -> bool:
        old = previous.get(path)
        return old is not None and old.get("inputs") == digest and _kept(out, path, old, known)

    data.drawings = state.drawings()
    job = units.Job(data=data, base_url=base_url, templates=templates, prints=prints, valid=valid)
    if data.claims:  # the plans and tables every claim page reads, computed once here rather than in each worker
        pages.claim_page(data, data.claims[min(data.claims)], base_url)
    if out.is_dir():
        _link_tree(out, tmp)
    inputs: dict[str, str] = {}
    shas: dict[str, str] = {}  # of each file this build made
    written: list[str] = []
    resolved: dict[str, Path] = {}
    kept: set[str] = set()  # the previous site's files, valid as they are
    rendered = 0

    def place(path: str, content: bytes) -> None:
        """Write a page as soon as it is rendered: a build holds no more HTML than a unit's (all of it,
        1.4 GB at 100,000 claims, was held until the end)."""
        shas[path] = _sha(content)
        if _place_one(tmp, path, content, resolved):
            written.append(path)

    plan = units.units(data)
    total, done = sum(units.weight(u) for u in plan), 0
    for unit, results in zip(plan, units.run(job, _workers(jobs, data)), strict=True):
        done += units.weight(unit)
        for path, digest, html in results:
            inputs[path] = digest
            if html is None:
                kept.add(path)
            else:
                place(path, html)
                rendered += 1
        if progress is not None:
            progress(done, total)
    last = overview.search_page(data, entries)
    inputs[last.path] = units.digest(prints, last)
    if valid(last.path, inputs[last.path]):
        kept.add(last.path)
    else:
        place(last.path, render(environment(templates), last).encode("utf-8"))
        rendered += 1
    page_count = len(inputs)
    generated = dict(search_files)  # made in full each time (search index, assets): kept when the same
    for name, content in static_files(templates).items():
        generated[f"static/{name}"] = content
    for path in sorted(generated):
        content = generated[path]
        sha = _sha(content)
        inputs.setdefault(path, sha)
        old = previous.get(path)
        if path not in kept and old and old.get("sha256") == sha and _kept(out, path, old, known):
            kept.add(path)
        else:
            place(path, content)
    every = kept | set(shas)
    removed = _prune(tmp, every)
    entry: dict[str, dict[str, object]] = {}
    stats: dict[str, state.Recorded] = {}
    for path in sorted(every):
        sha = str(previous[path]["sha256"]) if path in kept else shas[path]
        entry[path] = {"inputs": inputs[path], "sha256": sha}
        seen = state.file_stat(os.path.join(tmp, path))  # the same inode, and so the same times, once swapped in
        if seen is not None:
            stats[path] = (*seen, sha)
    state.record(out, stats)
    if data.drawn:  # drawn in this process (forked workers' drawings are not sent back)
        state.save_drawings(data.drawn)
    manifest: dict[str, object] = {
        "format": MANIFEST_FORMAT,
        "generator": "claimcheck",
        "files": entry,
        "pages": page_count,
        "drafts_excluded": data.drafts_excluded,
    }
    if build_inputs is not None:
        manifest["build_inputs"] = build_inputs
    atomic.write_bytes(tmp / MANIFEST, (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode(), durable=False)
    return BuildResult(
        out_dir=out,
        written=tuple(sorted(written)),
        unchanged=tuple(sorted(kept)),
        removed=removed,
        rendered=rendered,
        pages=page_count,
        drafts_excluded=data.drafts_excluded,
        elapsed=0.0,
    )


def _place_one(root: Path, path: str, content: bytes, resolved: dict[str, Path]) -> bool:
    """Write one file under ``root`` (which may hold hard links to the previous site: those are replaced,
    never written through), unless the file already there has the same content; whether it was written."""
    target = inside(root, path, resolved)
    try:
        with open(target, "xb") as fh:  # a new file in the build's own folder: nothing to replace
            fh.write(content)
        os.chmod(target, 0o644)
        return True
    except FileExistsError:
        pass
    except FileNotFoundError:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "xb") as fh:
            fh.write(content)
        os.chmod(target, 0o644)
        return True
    try:
        same = not target.is_symlink() and target.read_bytes() == content
    except OSError:
        same = False
    if not same:
        atomic.write_bytes(target, content, durable=False)
    return not same


def _prune(root: Path, keep: set[str]) -> tuple[str, ...]:
    """Remove files of the previous site that this build does not produce (a deleted claim's page)."""
    removed: list[str] = []
    top = os.fspath(root)
    for dirpath, dirnames, filenames in os.walk(top, topdown=False):
        rel = os.path.relpath(dirpath, top)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        for name in filenames:
            path = prefix + name
            if path not in keep and path != MANIFEST:
                os.unlink(os.path.join(dirpath, name))
                removed.append(path)
        for name in dirnames:
            with contextlib.suppress(OSError):
                os.rmdir(os.path.join(dirpath, name))  # only when empty
    return tuple(sorted(removed))
