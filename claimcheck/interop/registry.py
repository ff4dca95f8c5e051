"""The registries of export and import formats: the built-in ones, and those plugins add through the
``claimcheck_exporters`` / ``claimcheck_importers`` hooks (:mod:`claimcheck.core.plugins`).

``claimcheck export --to`` and ``claimcheck import --from`` offer exactly the names registered here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

from claimcheck.core.errors import UsageError
from claimcheck.core.plugins import plugin_manager
from claimcheck.core.problems import Problem
from claimcheck.model.corpus import Corpus

__all__ = ["ExportOptions", "Exporter", "ImportOptions", "Importer", "ReadResult", "exporter", "exporters", "importer", "importers"]


@attrs.define(frozen=True, kw_only=True)
class ExportOptions:
    """What every exporter is given besides the corpus and the output path."""

    #: Where the site is (or will be) published; makes ClaimReview and AVeriTeC URLs absolute.
    base_url: str | None = None
    #: Include draft and in-review material (exports of reviewed claims only; json, csv and sqlite hold every record).
    include_drafts: bool = False


#: An exporter writes ``corpus`` to ``out`` atomically and returns how many records or items it wrote
#: and the records it had to leave out (``export-skipped`` problems).
ExportFunction = Callable[[Corpus, Path, ExportOptions], tuple[int, list[Problem]]]


@attrs.define(frozen=True, kw_only=True)
class Exporter:
    """An export format."""

    name: str
    description: str
    write: ExportFunction
    #: What the count counts, for messages ("records", "items").
    unit: str = "records"
    #: Whether the output is a folder of files (csv) rather than one file.
    folder: bool = False


@attrs.define(frozen=True, kw_only=True)
class ImportOptions:
    """What every importer is given besides the files."""

    #: Ids already used in the target corpus: new ids avoid them.
    taken: frozenset[str] = frozenset()
    #: FEVER: the date of the reviews made from the labels.
    review_date: str | None = None
    #: FEVER: the reviewer named on those reviews.
    reviewer: str | None = None


@attrs.define(frozen=True, kw_only=True)
class ReadResult:
    """Records read from files in another format: sections in the shape of ``schemas/file.schema.json``,
    the rating scales their reviews need (config shape), and every value that had to be interpreted."""

    records: dict[str, list[dict[str, Any]]]
    scales: list[dict[str, Any]] = attrs.field(factory=list)
    problems: list[Problem] = attrs.field(factory=list)


ImportFunction = Callable[[Sequence[Path], ImportOptions], ReadResult]


@attrs.define(frozen=True, kw_only=True)
class Importer:
    """An import format."""

    name: str
    description: str
    read: ImportFunction


def _builtin_exporters() -> list[Exporter]:
    from claimcheck.interop import (
        annotations,
        argument_maps,
        averitec_export,
        claimreview_export,
        csv_format,
        fever_export,
        json_format,
        parquet_format,
        prov,
        sqlite_format,
    )

    return [
        json_format.EXPORTER,
        csv_format.EXPORTER,
        sqlite_format.EXPORTER,
        parquet_format.EXPORTER,
        claimreview_export.EXPORTER,
        fever_export.EXPORTER,
        fever_export.PREDICTIONS_EXPORTER,
        averitec_export.EXPORTER,
        annotations.EXPORTER,
        prov.EXPORTER,
        prov.TURTLE_EXPORTER,
        argument_maps.ARGDOWN_EXPORTER,
        argument_maps.AIF_EXPORTER,
    ]


def _builtin_importers() -> list[Importer]:
    from claimcheck.interop import claimreview_import, csv_format, datasets, json_format

    return [claimreview_import.IMPORTER, datasets.FEVER_IMPORTER, csv_format.IMPORTER, json_format.IMPORTER]


def _merge(kind: str, builtin: list[Any], extra: list[list[Any]]) -> dict[str, Any]:
    out = {item.name: item for item in builtin}
    for batch in extra:
        for item in batch:
            if item.name in out:
                raise UsageError(f"a plugin registers the {kind} format {item.name!r}, which is already registered")
            out[item.name] = item
    return out


def exporters() -> dict[str, Exporter]:
    """Every export format by name: built-in ones first, then plugins' in the order they load."""
    return _merge("export", _builtin_exporters(), plugin_manager().hook.claimcheck_exporters())


def importers() -> dict[str, Importer]:
    """Every import format by name: built-in ones first, then plugins'."""
    return _merge("import", _builtin_importers(), plugin_manager().hook.claimcheck_importers())


def exporter(name: str) -> Exporter:
    """The export format ``name``; :class:`UsageError` naming the choices otherwise."""
    found = exporters()
    if name not in found:
        raise UsageError(f"export format: expected one of {', '.join(found)}; found {name!r}")
    return found[name]


def importer(name: str) -> Importer:
    """The import format ``name``; :class:`UsageError` naming the choices otherwise."""
    found = importers()
    if name not in found:
        raise UsageError(f"import format: expected one of {', '.join(found)}; found {name!r}")
    return found[name]
