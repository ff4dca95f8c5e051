"""The tables every tabular export shares (CSV, SQLite, Parquet) carry every field of the model, the
editorial-rules fields and the anchors, media and entity ids included, and the CSV import reads them back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from support import FULL, empty_corpus, full_config_elsewhere

import claimcheck
from claimcheck.interop import export, import_into
from claimcheck.interop.tables import TABLES, corpus_tables


def test_every_field_of_the_full_corpus_reaches_a_table() -> None:
    """Each optional field the fixture sets shows in some table row (a field missing from the tables would be lost)."""
    tables = corpus_tables(claimcheck.load(FULL))
    cells = {
        (name, column) for name, rows in tables.items() for row in rows for column, value in row.items() if value not in (None, [], False)
    }
    for expected in [
        ("sources", "part_of"),
        ("sources", "represents"),
        ("source_same_as", "same_as"),
        ("interests", "stance"),
        ("documents", "reprints"),
        ("documents", "based_on"),
        ("document_corrections", "kind"),
        ("claims", "bearing"),
        ("appearances", "original_text"),
        ("appearances", "translated_by"),
        ("appearances", "media_end"),
        ("appearances", "anchor_prefix"),
        ("appearance_corrections", "before"),
        ("relations", "evidence_anchor_sha256"),
        ("comments", "asked_via"),
        ("comments", "reason"),
        ("comments", "replies"),
        ("corrections", "before"),
        ("publisher", "corrections_policy"),
        ("publisher_same_as", "same_as"),
    ]:
        assert expected in cells, expected


def test_csv_round_trip_keeps_every_field(tmp_path: Path) -> None:
    """The full corpus exported as CSV and imported gives the same records, and exporting again the same files."""
    original = claimcheck.load(FULL)
    first = export(original, "csv", tmp_path / "first").path
    target = empty_corpus(tmp_path / "new", full_config_elsewhere())
    report = import_into([first], "csv", target / "ferry.yaml")
    assert report.written, [p.format() for p in report.problems]
    assert any(p.code == "import-dropped" and "publisher.csv" in p.message for p in report.problems)
    corpus = claimcheck.load(target)
    assert [p.format() for p in corpus.problems if p.severity >= claimcheck.Severity.ERROR] == []
    assert corpus.to_dict() == original.to_dict()
    second = export(corpus, "csv", tmp_path / "second").path
    assert {p.name: p.read_bytes() for p in second.iterdir()} == {p.name: p.read_bytes() for p in first.iterdir()}


def test_sqlite_holds_the_new_tables_with_keys_and_links(tmp_path: Path) -> None:
    """The SQLite export has every table, the new link tables, consistent foreign keys, and REAL media offsets."""
    out = export(claimcheck.load(FULL), "sqlite", tmp_path / "c.db").path
    con = sqlite3.connect(out)
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert set(TABLES) <= names
        assert {"source_part_of", "source_represents", "document_based_on", "comment_replies"} <= names
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("SELECT whole FROM source_part_of WHERE source = 'nordvik'").fetchall() == [("nordvik-group",)]
        assert con.execute("SELECT claim FROM comment_replies WHERE comment = 'nordvik-asked'").fetchall() == [("announced",)]
        start, end = con.execute("SELECT media_start, media_end FROM appearances WHERE media_url IS NOT NULL").fetchone()
        assert (start, end) == (65, 80.5)
        assert con.execute("SELECT typeof(media_end) FROM appearances WHERE media_url IS NOT NULL").fetchone() == ("real",)
        assert con.execute("SELECT same_as FROM source_same_as WHERE source = 'nordvik' ORDER BY \"index\"").fetchall() == [
            ("Q12345678",),
            ("https://nordvik.example/",),
        ]
    finally:
        con.close()
