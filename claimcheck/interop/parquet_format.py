"""``claimcheck export --to parquet``: a folder with one Parquet file per table of
:mod:`claimcheck.interop.tables` (the CSV export's tables), typed, so that DuckDB, Polars, pandas or
Spark read the corpus at any scale.

Columns keep their types: strings, ``int64`` for indexes, ratings and anchor offsets, ``double`` for
media times, ``bool`` for ``seen`` and ``is_default``, and **lists of ids are lists of strings**
(``list<string>``, not the CSV's ``|``-joined cells). Files are zstd-compressed. Written with pyarrow
(the ``parquet`` extra), built in a temporary folder beside the target and swapped in, as the CSV folder is.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from claimcheck.core import atomic
from claimcheck.core.errors import UsageError
from claimcheck.core.problems import Problem
from claimcheck.interop.registry import Exporter, ExportOptions
from claimcheck.interop.tables import BOOLEANS, ID_LISTS, INTEGERS, NUMBERS, TABLES, corpus_tables
from claimcheck.model.corpus import Corpus

__all__ = ["FILES", "export_parquet"]

FILES = tuple(f"{name}.parquet" for name in TABLES)


def _pyarrow() -> Any:
    try:
        import pyarrow  # optional: only this format needs it (the parquet extra)
        import pyarrow.parquet
    except ImportError:
        raise UsageError("export --to parquet needs pyarrow: install the parquet extra (pip install 'claimcheck[parquet]')") from None
    return pyarrow


def _type(pa: Any, column: str) -> Any:
    if column in ID_LISTS:
        return pa.list_(pa.string())
    if column in BOOLEANS:
        return pa.bool_()
    if column in INTEGERS:
        return pa.int64()
    if column in NUMBERS:
        return pa.float64()
    return pa.string()


def parquet_files(corpus: Corpus) -> dict[str, bytes]:
    """Every table as the bytes of a Parquet file, by file name."""
    pa = _pyarrow()
    tables = corpus_tables(corpus)
    out: dict[str, bytes] = {}
    for name, columns in TABLES.items():
        schema = pa.schema([pa.field(c, _type(pa, c)) for c in columns])
        rows = tables[name]
        data = {c: [_cell(c, row.get(c)) for row in rows] for c in columns}
        table = pa.table(data, schema=schema)
        sink = pa.BufferOutputStream()
        pa.parquet.write_table(table, sink, compression="zstd")
        out[f"{name}.parquet"] = sink.getvalue().to_pybytes()
    return out


def _cell(column: str, value: Any) -> Any:
    if column in ID_LISTS:
        return list(value) if value else []
    if column in NUMBERS and value is not None:
        return float(value)
    return value


def export_parquet(corpus: Corpus, out: str | os.PathLike[str]) -> int:
    """Write the corpus as a folder of Parquet files (atomically); returns the number of records."""
    files = parquet_files(corpus)
    atomic.write_folder(out, files, replaceable=FILES)
    return sum(1 for _ in corpus.records())


def _export(corpus: Corpus, out: Path, _options: ExportOptions) -> tuple[int, list[Problem]]:
    return export_parquet(corpus, out), []


EXPORTER = Exporter(
    name="parquet",
    description="a folder of typed Parquet files, one per table, for DuckDB, Polars or Spark (needs the parquet extra: pyarrow)",
    write=_export,
    folder=True,
)
