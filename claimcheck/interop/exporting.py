"""``export``: the corpus in another format, written atomically, by the exporter registered under that name."""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from claimcheck.core.problems import Problem
from claimcheck.interop.registry import ExportOptions, exporter
from claimcheck.model.corpus import Corpus

__all__ = ["ExportResult", "export"]


@attrs.define(frozen=True, kw_only=True)
class ExportResult:
    """What an export wrote: the path, the format, how many records or items, and what was left out."""

    path: Path
    format: str
    count: int
    unit: str = "records"
    problems: tuple[Problem, ...] = ()


def export(
    corpus: Corpus, fmt: str, out: str | os.PathLike[str], *, base_url: str | None = None, include_drafts: bool = False
) -> ExportResult:
    """Write ``corpus`` to ``out`` in ``fmt`` (a name of :func:`claimcheck.interop.registry.exporters`), atomically.

    ``json``, ``csv`` and ``sqlite`` hold every record (drafts included, with their status);
    ``claimreview``, ``fever`` and ``averitec`` hold published reviewed claims only, unless
    ``include_drafts``. ``base_url`` gives ClaimReview and AVeriTeC a URL for reviews without one.
    """
    chosen = exporter(fmt)
    path = Path(out)
    count, problems = chosen.write(corpus, path, ExportOptions(base_url=base_url, include_drafts=include_drafts))
    return ExportResult(path=path, format=fmt, count=count, unit=chosen.unit, problems=tuple(problems))
