"""The site's pages in units of work, each built, digested and (when its digest changed) rendered in one go,
in this process or in workers forked once the corpus is loaded and analysed.

A unit is a group of pages built by one generator: the index pages, the listings, the timeline, the
maps, or a run of claims, sources or documents in id order. A worker receives only the unit's name
and ids; the corpus, its analysis and the previous build's manifest are inherited through ``fork``
(copy-on-write) instead of being sent, and only the rendered HTML comes back. Every page's context is
a pure function of the corpus and the options, so the pages are the same whichever process builds
them and in whatever order (``tests/test_site.py`` holds a serial and a parallel build to the same
bytes).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import sys
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import jinja2

from claimcheck.render.site import overview, pages
from claimcheck.render.site.common import SiteData
from claimcheck.render.site.context import Page
from claimcheck.render.site.render import environment, render

#: Records a unit of claims, sources or documents holds.
UNIT_RECORDS = 250

#: (kind, ids): ``("maps", ())``, ``("claims", ("c-1", "c-2", ...))``...
Unit = tuple[str, tuple[str, ...]]
#: What a unit gives back for each page: its path, the digest of its inputs, and its HTML (``None`` when
#: the previous build's file is still valid and was not rendered).
Done = tuple[str, str, bytes | None]


@attrs.define(frozen=True, kw_only=True)
class Job:
    """What every unit of one build needs: the data, the options, and how to tell a page still valid."""

    data: SiteData
    base_url: str | None
    templates: str | None
    #: the templates', version's and code's fingerprint, part of every page's digest
    prints: str
    #: ``(path, digest)`` → whether the previous site's file for that page, built from that digest, is still there intact
    valid: Callable[[str, str], bool]


def units(data: SiteData) -> list[Unit]:
    """Every unit of the site's pages (the search page apart), the costliest first so workers finish together."""
    out: list[Unit] = [("maps", ()), ("index", ()), ("timeline", ()), ("lists", ())]
    for kind, ids in (
        ("claims", sorted(data.claims)),
        ("sources", sorted(data.corpus.sources)),
        ("documents", sorted(data.corpus.documents)),
    ):
        out += [(kind, tuple(ids[i : i + UNIT_RECORDS])) for i in range(0, len(ids), UNIT_RECORDS)]
    return out


def weight(unit: Unit) -> int:
    """How much of the build's work a unit is, for progress: its records, or one for a group of overview pages."""
    return len(unit[1]) or 1


def unit_pages(data: SiteData, unit: Unit, base_url: str | None) -> list[Page]:
    """The contexts of one unit's pages."""
    kind, ids = unit
    if kind == "maps":
        return overview.map_pages(data)
    if kind == "index":
        return list(overview.index_pages(data))
    if kind == "timeline":
        return overview.timeline_pages(data)
    if kind == "lists":
        return list(overview.list_pages(data))
    if kind == "claims":
        return [pages.claim_page(data, data.claims[i], base_url) for i in ids]
    if kind == "sources":
        return [p for i in ids for p in pages.source_pages(data, data.corpus.sources[i])]
    if kind == "documents":
        return [pages.document_page(data, data.corpus.documents[i]) for i in ids]
    raise ValueError(f"unknown unit of pages {kind!r}")


def digest(prints: str, page: Page) -> str:
    """The digest of a page's inputs: its whole context (every record and figure it shows) and the fingerprint."""
    return hashlib.sha256(f"{prints}\n{page!r}".encode()).hexdigest()


def run_unit(job: Job, env: jinja2.Environment, unit: Unit) -> list[Done]:
    """Build a unit's pages; render those whose inputs changed."""
    out: list[Done] = []
    for page in unit_pages(job.data, unit, job.base_url):
        inputs = digest(job.prints, page)
        out.append((page.path, inputs, None if job.valid(page.path, inputs) else render(env, page).encode("utf-8")))
    return out


# ---- forked workers ------------------------------------------------------------------------------
#: The job of the build under way, set just before the workers fork so that they inherit it.
_JOB: Job | None = None
_ENV: jinja2.Environment | None = None


def _in_worker(unit: Unit) -> list[Done]:
    global _ENV
    assert _JOB is not None, "the job is set before the workers fork"
    if _ENV is None:
        _ENV = environment(_JOB.templates)
    return run_unit(_JOB, _ENV, unit)


def can_fork() -> bool:
    """Whether workers can inherit the build's data (``fork``: Linux and the other Unixes but macOS, where it is unsafe)."""
    return "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"


def pool(workers: int) -> Any:
    """A pool of ``workers`` forked processes (a separate function, so a test can replace it)."""
    return multiprocessing.get_context("fork").Pool(workers)


def run(job: Job, workers: int) -> Iterator[list[Done]]:
    """Every unit's results, in the order of :func:`units`: in this process with one worker, else in forked workers."""
    todo = units(job.data)
    if workers <= 1 or len(todo) < 2 or not can_fork():
        env = environment(job.templates)
        for unit in todo:
            yield run_unit(job, env, unit)
        return
    global _JOB
    _JOB = job
    try:
        with pool(workers) as workers_pool:
            yield from workers_pool.imap(_in_worker, todo)
    finally:
        _JOB = None
