"""SQLite export: the tables of :mod:`claimcheck.interop.tables` with primary keys, foreign keys and
indexes, link tables for id lists, derived columns for research, and full-text search (FTS5).

* ``claims`` also holds ``date_earliest``/``date_latest`` (the days the date can mean, ISO, for range
  queries), ``evidence_status`` (:func:`claimcheck.analysis.status.status_of`) and the latest published
  review's ``verdict``, ``verdict_label`` and ``verdict_rating``;
* ``claim_subjects``, ``claim_topics``, ``claim_tags``, ``document_authors``, ``document_based_on``,
  ``source_affiliations``, ``source_part_of``, ``source_represents``, ``comment_claims`` and
  ``comment_replies`` hold the ``|``-joined lists one row per item;
* ``claims_fts`` indexes the claims' text (external content: ``claims``), ``quotes_fts`` every quote:
  appearances (``kind`` ``appearance``) and quoted evidence (``kind`` ``evidence``).

The database is built in a temporary file beside the target and moved into place.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from claimcheck.analysis.queries import latest_review
from claimcheck.analysis.status import Status, statuses
from claimcheck.core import atomic
from claimcheck.core.errors import OutputError
from claimcheck.core.problems import Problem
from claimcheck.interop.registry import Exporter, ExportOptions
from claimcheck.interop.tables import ID_LISTS, INTEGERS, NUMBERS, TABLES, Row, corpus_tables
from claimcheck.model.corpus import Corpus

#: Per table: primary key columns, and column → referenced table.
KEYS: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {
    "sources": (("id",), {}),
    "source_aliases": (("source", "index"), {"source": "sources"}),
    "source_same_as": (("source", "index"), {"source": "sources"}),
    "interests": (("source", "index"), {"source": "sources"}),
    "documents": (("id",), {"publisher": "sources", "reprints": "documents"}),
    "document_corrections": (("document", "index"), {"document": "documents"}),
    "claims": (("id",), {"speaker": "sources", "parent": "claims"}),
    "claim_context": (("claim", "index"), {"claim": "claims"}),
    "appearances": (("claim", "index"), {"claim": "claims", "document": "documents", "translated_by": "sources"}),
    "appearance_corrections": (("claim", "appearance", "index"), {"claim": "claims"}),
    "hops": (("claim", "appearance", "index"), {"claim": "claims", "source": "sources", "document": "documents"}),
    "relations": (("id",), {"target": "claims", "by": "claims", "evidence_document": "documents"}),
    "comments": (("id",), {"subject": "sources", "asked_via": "sources", "document": "documents"}),
    "reviews": (("id",), {"claim": "claims"}),
    "corrections": (("review", "index"), {"review": "reviews"}),
    "rating_values": (("scale", "id"), {}),
    "publisher": (("name",), {}),
    "publisher_same_as": (("index",), {}),
}
DERIVED = {
    "claims": ("date_earliest", "date_latest", "evidence_status", "verdict", "verdict_label", "verdict_rating"),
    "documents": ("date_earliest", "date_latest"),
}
#: Link tables: name → (owner table, owner column, list column, item column, item table or None).
LINKS = {
    "source_affiliations": ("sources", "source", "affiliations", "affiliation", "sources"),
    "source_part_of": ("sources", "source", "part_of", "whole", "sources"),
    "source_represents": ("sources", "source", "represents", "party", "sources"),
    "document_based_on": ("documents", "document", "based_on", "origin", "documents"),
    "comment_replies": ("comments", "comment", "replies", "claim", "claims"),
    "document_authors": ("documents", "document", "authors", "author", "sources"),
    "claim_subjects": ("claims", "claim", "subjects", "subject", "sources"),
    "claim_topics": ("claims", "claim", "topics", "topic", None),
    "claim_tags": ("claims", "claim", "tags", "tag", None),
    "comment_claims": ("comments", "comment", "claims", "claim", "claims"),
}
INTEGER_COLUMNS = frozenset({"index", "appearance", "rating", "seen", "is_default", "verdict_rating"}) | INTEGERS
REAL_COLUMNS = NUMBERS


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _ddl(name: str, columns: tuple[str, ...], pk: tuple[str, ...], refs: dict[str, str]) -> list[str]:
    cols = [
        f"{_q(c)} {'INTEGER' if c in INTEGER_COLUMNS else 'REAL' if c in REAL_COLUMNS else 'TEXT'}"
        + (f" REFERENCES {_q(refs[c])}(id)" if c in refs else "")
        for c in columns
    ]
    cols.append(f"PRIMARY KEY ({', '.join(map(_q, pk))})")
    stmts = [f"CREATE TABLE {_q(name)} (\n  " + ",\n  ".join(cols) + "\n)"]
    stmts += [f"CREATE INDEX {_q(f'{name}_{c}')} ON {_q(name)} ({_q(c)})" for c in refs if (c,) != pk[:1]]
    return stmts


def schema_sql() -> list[str]:
    """Every CREATE statement, tables first, then link tables, then full-text indexes."""
    stmts: list[str] = []
    for name, columns in TABLES.items():
        pk, refs = KEYS[name]
        stmts += _ddl(name, (*columns, *DERIVED.get(name, ())), pk, refs)
    for name, (owner, owner_col, _list, item_col, item_table) in LINKS.items():
        refs = {owner_col: owner, **({item_col: item_table} if item_table else {})}
        stmts += _ddl(name, (owner_col, item_col), (owner_col, item_col), refs)
        if item_table is None:
            stmts.append(f"CREATE INDEX {_q(f'{name}_{item_col}')} ON {_q(name)} ({_q(item_col)})")
    stmts.append("CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims')")
    stmts.append("CREATE VIRTUAL TABLE quotes_fts USING fts5(quote, claim UNINDEXED, document UNINDEXED, kind UNINDEXED, ref UNINDEXED)")
    return stmts


def _sql_value(column: str, value: Any) -> Any:
    if isinstance(value, list):
        return "|".join(value) if column in ID_LISTS else None
    if isinstance(value, bool):
        return int(value)
    return value


def _derive(corpus: Corpus, tables: dict[str, list[Row]]) -> None:
    shown = statuses(corpus)  # published claims; a draft claim's evidence status is left unverified
    for row in tables["claims"]:
        claim = corpus.claims[row["id"]]
        row["date_earliest"] = claim.date.earliest.isoformat() if claim.date and claim.date.earliest else None
        row["date_latest"] = claim.date.latest.isoformat() if claim.date and claim.date.latest else None
        row["evidence_status"] = str(shown.get(claim.id, Status.UNVERIFIED))
        review = latest_review(corpus, claim.id)
        scale = corpus.config.scale(review.scale) if review else None
        value = scale.value(review.verdict) if scale and review else None
        row["verdict"] = review.verdict if review else None
        row["verdict_label"] = value.label if value else None
        row["verdict_rating"] = value.rating if value else None
    for row in tables["documents"]:
        doc = corpus.documents[row["id"]]
        row["date_earliest"] = doc.date.earliest.isoformat() if doc.date and doc.date.earliest else None
        row["date_latest"] = doc.date.latest.isoformat() if doc.date and doc.date.latest else None


def build(corpus: Corpus, path: Path) -> None:
    """Create the database at ``path`` (which must not exist)."""
    tables = corpus_tables(corpus)
    _derive(corpus, tables)
    con = sqlite3.connect(path)
    try:
        with con:
            for stmt in schema_sql():
                con.execute(stmt)
            for name, columns in TABLES.items():
                cols = (*columns, *DERIVED.get(name, ()))
                sql = f"INSERT INTO {_q(name)} ({', '.join(map(_q, cols))}) VALUES ({', '.join('?' for _ in cols)})"  # noqa: S608 - names are this module's constants, quoted; values are bound
                con.executemany(sql, [[_sql_value(c, row.get(c)) for c in cols] for row in tables[name]])
            for name, (owner, _owner_col, list_col, _item, _table) in LINKS.items():
                pairs = {(row["id"], item): None for row in tables[owner] for item in row.get(list_col) or []}
                con.executemany(f"INSERT INTO {_q(name)} VALUES (?, ?)", list(pairs))  # noqa: S608 - a constant table name, quoted
            con.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
            quotes = [(r["quote"], r["claim"], r["document"], "appearance", r["claim"]) for r in tables["appearances"]]
            quotes += [
                (r["evidence_quote"], r["target"], r["evidence_document"], "evidence", r["id"])
                for r in tables["relations"]
                if r.get("evidence_quote")
            ]
            con.executemany("INSERT INTO quotes_fts(quote, claim, document, kind, ref) VALUES (?, ?, ?, ?, ?)", quotes)
        con.execute("VACUUM")
    finally:
        con.close()


def export_sqlite(corpus: Corpus, out: str | os.PathLike[str]) -> int:
    """Write the corpus as an SQLite database (atomically); returns the number of records."""

    def _build(tmp: Path) -> None:
        try:
            build(corpus, tmp)
        except sqlite3.Error as exc:
            raise OutputError(f"cannot write {out}: SQLite: {exc}") from exc
        except OverflowError as exc:  # a schema-valid integer (a rating) beyond SQLite's 64 bits
            raise OutputError(f"cannot write {out}: SQLite holds integers of at most 64 bits: {exc}") from exc

    atomic.write_file_with(out, _build)
    return sum(1 for _ in corpus.records())


def _export(corpus: Corpus, out: Path, _options: ExportOptions) -> tuple[int, list[Problem]]:
    return export_sqlite(corpus, out), []


EXPORTER = Exporter(
    name="sqlite", description="an SQLite database with keys, indexes and full-text search (opens in Datasette)", write=_export
)
