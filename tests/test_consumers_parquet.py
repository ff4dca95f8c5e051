"""The Parquet export as analysts read it: DuckDB queries the folder with SQL, joins tables and unnests
the id lists; pyarrow reads the types back; the tables are those of the CSV export, row for row."""

from __future__ import annotations

import builtins
import csv
from pathlib import Path
from typing import Any

import pytest
from support import FULL

import claimcheck
from claimcheck.interop import export
from claimcheck.interop.parquet_format import FILES
from claimcheck.interop.tables import TABLES

duckdb = pytest.importorskip("duckdb")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The full fixture exported as Parquet."""
    out = tmp_path_factory.mktemp("pq") / "tables"
    result = export(claimcheck.load(FULL), "parquet", out)
    assert result.count == len(list(claimcheck.load(FULL).records()))
    return out


def test_duckdb_queries_the_tables(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Joins, list columns and numbers work in SQL as they would on a corpus of any size."""
    monkeypatch.chdir(folder)  # the queries name the files as an analyst in that folder would
    con = duckdb.connect()
    claims = con.sql("SELECT id, kind FROM 'claims.parquet' ORDER BY id").fetchall()
    assert claims == [("announced", "denial"), ("dahl-knew", "allegation"), ("fare-rise", "assertion"), ("hiding", "allegation")]
    subjects = con.sql("SELECT id, unnest(subjects) AS subject FROM 'claims.parquet' WHERE id = 'hiding'").fetchall()
    assert subjects == [("hiding", "nordvik")]
    joined = con.sql(
        """SELECT c.id, s.name, count(*) AS appearances
            FROM 'claims.parquet' c
            JOIN 'sources.parquet' s ON s.id = c.speaker
            JOIN 'appearances.parquet' a ON a.claim = c.id
            GROUP BY c.id, s.name ORDER BY appearances DESC, c.id"""
    ).fetchall()
    assert joined[0] == ("hiding", "Harbour Users' Association", 2)
    (clip,) = con.sql("SELECT media_start, media_end FROM 'appearances.parquet' WHERE media_url IS NOT NULL").fetchall()
    assert clip == (65.0, 80.5)
    verdicts = con.sql(
        """SELECT r.claim, v.label FROM 'reviews.parquet' r
            JOIN 'rating_values.parquet' v ON v.id = r.verdict ORDER BY r.claim"""
    ).fetchall()
    assert verdicts == [("announced", "Mostly true"), ("fare-rise", "True"), ("hiding", "Mostly false")]


def test_types_are_kept(folder: Path) -> None:
    """Lists of ids are list<string>, offsets int64, media times double, seen a bool."""
    appearances = pq.read_schema(folder / "appearances.parquet")
    assert str(appearances.field("anchor_start").type) == "int64"
    assert str(appearances.field("media_end").type) == "double"
    claims = pq.read_schema(folder / "claims.parquet")
    subjects = claims.field("subjects").type
    assert str(subjects.value_type) == "string"
    assert subjects.num_fields == 1  # a list (pyarrow 26 names its item 'element' when read back)
    assert str(pq.read_schema(folder / "documents.parquet").field("seen").type) == "bool"


def test_every_table_holds_the_rows_of_the_csv_export(folder: Path, tmp_path: Path) -> None:
    """Each Parquet file has the CSV file's columns and as many rows."""
    assert sorted(p.name for p in folder.iterdir()) == sorted(FILES)
    csv_folder = export(claimcheck.load(FULL), "csv", tmp_path / "csv").path
    for name, columns in TABLES.items():
        table = pq.read_table(folder / f"{name}.parquet")
        assert tuple(table.column_names) == columns
        with open(csv_folder / f"{name}.csv", encoding="utf-8", newline="") as fh:
            assert table.num_rows == len(list(csv.reader(fh))) - 1, name


def test_without_pyarrow_the_export_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With pyarrow missing, --to parquet is a usage error naming the parquet extra, and nothing is written."""
    from claimcheck.core.errors import UsageError

    real = builtins.__import__

    def no_pyarrow(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pyarrow" or name.startswith("pyarrow."):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(UsageError, match=r"claimcheck\[parquet\]"):
        export(claimcheck.load(FULL), "parquet", tmp_path / "out")
    assert not (tmp_path / "out").exists()
