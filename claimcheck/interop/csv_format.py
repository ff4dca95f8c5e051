"""CSV export and import: a folder with one file per table (see :mod:`claimcheck.interop.tables`).

Spreadsheet safety (OWASP "CSV injection"): a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return could be run as a formula, so a single quote ``'`` is put in front of it; a cell
that already starts with ``'`` gets one too, so that the rule can be undone exactly. The importer
removes one leading ``'`` from a cell that starts with ``'`` followed by one of those characters or by
another ``'``, and from no other cell. Export then import gives back every cell as it was.

Cells: empty for an absent value; ``true``/``false`` for booleans; id lists joined with ``|``;
UTF-8 without a byte-order mark, ``\\n`` line ends, every cell quoted only where CSV needs it.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from claimcheck.core import atomic
from claimcheck.core.problems import Problem
from claimcheck.interop.registry import Exporter, ExportOptions, Importer, ImportOptions, ReadResult
from claimcheck.interop.tables import BOOLEANS, ID_LISTS, INTEGERS, NUMBERS, TABLES, Row, corpus_tables
from claimcheck.interop.tables_back import PARENTS, orphans, rows_to_scales, tables_to_sections
from claimcheck.model.corpus import Corpus

#: First characters a spreadsheet may read as the start of a formula.
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
FILES = tuple(f"{name}.csv" for name in TABLES)
#: The columns without which a table's rows cannot be placed or read: every record needs its id (a row
#: without one is reported by the schema check), every nested row the key of its record, every rating
#: value its scale, id, label and rating.
REQUIRED: dict[str, tuple[str, ...]] = {
    **{table: columns for table, (columns, _parent, _key) in PARENTS.items()},
    "hops": ("claim", "appearance"),
    "rating_values": ("scale", "id", "label", "rating"),
}


def escape_cell(text: str) -> str:
    """The cell as written: ``'`` put in front of a cell starting with a formula character or ``'``."""
    return "'" + text if text.startswith((*DANGEROUS, "'")) else text


def unescape_cell(text: str) -> str:
    """The inverse of :func:`escape_cell`: one leading ``'`` removed before a formula character or ``'``."""
    return text[1:] if len(text) > 1 and text[0] == "'" and text[1] in (*DANGEROUS, "'") else text


def _cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif column in ID_LISTS and isinstance(value, list):
        text = "|".join(value)
    else:
        text = str(value)
    return escape_cell(text)


def table_csv(name: str, rows: Iterable[Row]) -> str:
    """One table as CSV text, header first."""
    # The writer quotes a cell holding a character of its line end: told "\r\n", it quotes a cell with a bare "\r"
    # too (with "\n" alone it did not, and every reader split the row there); each row still ends with "\n".
    line = io.StringIO(newline="")
    writer = csv.writer(line, lineterminator="\r\n")
    columns = TABLES[name]
    out: list[str] = []
    for cells in (list(columns), *([_cell(c, row.get(c)) for c in columns] for row in rows)):
        writer.writerow(cells)
        out.append(line.getvalue()[:-2] + "\n")
        line.seek(0)
        line.truncate()
    return "".join(out)


def to_csv_files(corpus: Corpus) -> dict[str, str]:
    """Every table as CSV text, by file name."""
    tables = corpus_tables(corpus)
    return {f"{name}.csv": table_csv(name, tables[name]) for name in TABLES}


def export_csv(corpus: Corpus, out: str | os.PathLike[str]) -> int:
    """Write the corpus as a folder of CSV files (atomically); returns the number of records."""
    files = to_csv_files(corpus)
    atomic.write_folder(out, {n: t.encode("utf-8") for n, t in files.items()}, replaceable=FILES)
    return sum(1 for _ in corpus.records())


# ---- import ------------------------------------------------------------------------------------
def _value(column: str, text: str, where: tuple[str, int], problems: list[Problem]) -> Any:
    text = unescape_cell(text)
    if text == "":
        return None
    if column in ID_LISTS:
        return text.split("|")
    if column in BOOLEANS:
        if text in ("true", "false"):
            return text == "true"
        problems.append(
            Problem(
                code="import-interpreted",
                message=f"column {column!r}: expected true or false; found {text!r}, read as true",
                file=where[0],
                line=where[1],
            )
        )
        return True
    if column in INTEGERS or column in NUMBERS:
        try:
            return int(text) if column in INTEGERS or text.lstrip("-").isdigit() else float(text)
        except ValueError:
            problems.append(
                Problem(
                    code="import-skipped",
                    message=f"column {column!r}: expected {'an integer' if column in INTEGERS else 'a number'}; found {text!r}",
                    file=where[0],
                    line=where[1],
                )
            )
            return None
    return text


def read_table(path: Path, name: str, problems: list[Problem]) -> list[Row]:
    """The rows of one CSV table; unknown columns are reported and ignored. A table that cannot be read to
    its end (not UTF-8, a cell over the csv module's field limit) is an error, and none of its rows are kept."""
    try:
        return _read_table(path, name, problems)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(Problem(code="io-error", message=f"cannot read {name}.csv: {exc}", file=str(path)))
        return []


def _read_table(path: Path, name: str, problems: list[Problem]) -> list[Row]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, None)
        if header is None:
            return []
        known = set(TABLES[name])
        missing = [c for c in REQUIRED.get(name, ()) if c not in header]
        if missing:
            skipped = sum(1 for cells in reader if any(cells))
            problems.append(
                Problem(
                    code="import-skipped",
                    message=f"{name}.csv has no {', '.join(repr(c) for c in missing)} column: its {skipped} row{'s' if skipped != 1 else ''} "
                    f"cannot be imported (expected the columns {', '.join(TABLES[name])})",
                    file=str(path),
                )
            )
            return []
        for col in header:
            if col not in known:
                problems.append(
                    Problem(
                        code="import-dropped",
                        message=f"unknown column {col!r} in {name}.csv; expected: {', '.join(TABLES[name])}",
                        file=str(path),
                    )
                )
        rows = []
        for n, cells in enumerate(reader, start=2):
            if not any(cells):
                continue
            where = (str(path), n)
            row = {col: _value(col, cell, where, problems) for col, cell in zip(header, cells, strict=False) if col in known}
            rows.append(row)
        return rows


def read_csv_tables(paths: Sequence[str | os.PathLike[str]], problems: list[Problem]) -> dict[str, list[Row]]:
    """The tables in ``paths`` (folders holding ``<table>.csv`` files, or the files themselves)."""
    found: dict[str, list[Path]] = {}
    for given in map(Path, paths):
        for f in sorted(given.glob("*.csv")) if given.is_dir() else [given]:
            name = f.name.removesuffix(".csv")
            if name not in TABLES:
                problems.append(
                    Problem(code="import-skipped", message=f"{f.name} is not one of the tables: {', '.join(FILES)}", file=str(f))
                )
                continue
            found.setdefault(name, []).append(f)
    tables: dict[str, list[Row]] = {}
    for name, files in found.items():
        tables[name] = [row for f in files for row in read_table(f, name, problems)]
    return tables


def import_csv(paths: Sequence[str | os.PathLike[str]]) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]], list[Problem]]:
    """Records (file-schema shape), rating scales (config shape) and problems from CSV tables; a warning for
    every row that belongs to no record (an alias of a source no table holds)."""
    problems: list[Problem] = []
    tables = read_csv_tables(paths, problems)
    for table, key, count in orphans(tables):
        (columns, parent, _) = PARENTS[table]
        named = ", ".join(f"{c} {v!r}" for c, v in zip(columns, key, strict=True))
        problems.append(
            Problem(
                code="import-skipped",
                message=f"{count} row{'s' if count != 1 else ''} of {table}.csv belong{'s' if count == 1 else ''} to no "
                f"{parent.removesuffix('s')} imported ({named}): not imported",
                file=f"{table}.csv",
            )
        )
    if tables.get("publisher"):
        problems.append(
            Problem(
                code="import-dropped",
                message="publisher.csv: the publisher belongs in claimcheck.yaml (publisher:), which an import does not change; copy it there by hand",
            )
        )
    return tables_to_sections(tables), rows_to_scales(tables.get("rating_values", [])), problems


def describe_columns() -> Mapping[str, tuple[str, ...]]:
    """Each CSV file and its columns (the documentation is checked against this)."""
    return {f"{name}.csv": cols for name, cols in TABLES.items()}


__all__ = ["DANGEROUS", "FILES", "describe_columns", "escape_cell", "export_csv", "import_csv", "unescape_cell"]


def _export(corpus: Corpus, out: Path, _options: ExportOptions) -> tuple[int, list[Problem]]:
    return export_csv(corpus, out), []


def _import(paths: Sequence[Path], _options: ImportOptions) -> ReadResult:
    records, scales, problems = import_csv(paths)
    return ReadResult(records=records, scales=scales, problems=problems)


EXPORTER = Exporter(
    name="csv", description="a folder of CSV tables, one per record kind, safe to open in a spreadsheet", write=_export, folder=True
)
IMPORTER = Importer(name="csv", description="the tables of a claimcheck CSV export (a folder or its files)", read=_import)
