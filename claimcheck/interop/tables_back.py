"""Table rows back to records in the shape of ``schemas/file.schema.json``: the inverse of
:func:`claimcheck.interop.tables.corpus_tables`, for the CSV import."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from claimcheck.interop.tables import ANCHOR, CORRECTION, EXTERNAL, TABLES, Row

__all__ = ["PARENTS", "orphans", "rows_to_publisher", "rows_to_scales", "tables_to_sections"]


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    """Drop absent values (``None``, empty lists and objects) so the dict is in the schema's shape."""
    return {k: v for k, v in data.items() if v is not None and v != [] and v != {}}


def _external(row: Row) -> dict[str, Any] | None:
    ext = {k[len("external_") :]: row.get(k) for k in EXTERNAL}
    return ext if any(v is not None for v in ext.values()) else None


def _nested(row: Row, prefix: str, names: Iterable[str]) -> dict[str, Any] | None:
    """The object flattened into ``prefix``-named columns, or ``None`` when every one is empty."""
    data = _clean({n: row.get(f"{prefix}{n}") for n in names})
    return data or None


def _index(row: Row) -> int:
    value = row.get("index")
    return value if isinstance(value, int) else 0


def _children(rows: Iterable[Row], key: str, *more: str) -> dict[tuple[Any, ...], list[Row]]:
    index: dict[tuple[Any, ...], list[Row]] = defaultdict(list)
    for row in rows:
        index[(row.get(key), *(row.get(m) for m in more))].append(row)
    for group in index.values():
        group.sort(key=_index)
    return index


def _status(row: Row) -> Any:
    return None if row.get("status") in (None, "published") else row.get("status")


def _corrections(rows: list[Row]) -> list[dict[str, Any]]:
    return [_clean({k: c.get(k) for k in CORRECTION}) for c in rows]


def _sources(t: Mapping[str, list[Row]]) -> list[dict[str, Any]]:
    aliases = _children(t["source_aliases"], "source")
    same_as = _children(t["source_same_as"], "source")
    interests = _children(t["interests"], "source")
    out = []
    for row in t["sources"]:
        key = (row.get("id"),)
        rec = {k: row.get(k) for k in ("id", "name", "short_name", "kind", "description", "url")}
        rec["aliases"] = [a["alias"] for a in aliases.get(key, [])]
        rec.update({k: row.get(k) or [] for k in ("affiliations", "part_of", "represents")})
        rec["same_as"] = [a["same_as"] for a in same_as.get(key, [])]
        rec["interests"] = [
            _clean({**{k: i.get(k) for k in ("description", "subjects", "topics", "stance")}}) for i in interests.get(key, [])
        ]
        rec["note"] = row.get("note")
        out.append(_clean(rec))
    return out


def _documents(t: Mapping[str, list[Row]]) -> list[dict[str, Any]]:
    corrections = _children(t["document_corrections"], "document")
    out = []
    for row in t["documents"]:
        keys = ("id", "title", "kind", "publisher", "authors", "date", "url", "archive_url", "retrieved", "language")
        rec = {k: row.get(k) for k in keys}
        rec["seen"] = None if row.get("seen") in (None, True) else row.get("seen")
        rec.update(reprints=row.get("reprints"), based_on=row.get("based_on"))
        rec["corrections"] = _corrections(corrections.get((row.get("id"),), []))
        if row.get("fulltext_sha256") is not None or row.get("fulltext_file") is not None:
            rec["fulltext"] = _clean({"sha256": row.get("fulltext_sha256"), "file": row.get("fulltext_file")})
        rec["external"] = _external(row)
        rec["note"] = row.get("note")
        out.append(_clean(rec))
    return out


def _claims(t: Mapping[str, list[Row]]) -> list[dict[str, Any]]:
    context = _children(t["claim_context"], "claim")
    appearances = _children(t["appearances"], "claim")
    hops = _children(t["hops"], "claim", "appearance")
    corrections = _children(t["appearance_corrections"], "claim", "appearance")
    out = []
    for row in t["claims"]:
        cid = row.get("id")
        keys = ("id", "text", "speaker", "kind", "bearing", "date", "date_note", "topics", "subjects", "tags", "parent")
        rec = {k: row.get(k) for k in keys}
        rec["status"] = _status(row)
        apps = []
        for a in appearances.get((cid,), []):
            app = {k: a.get(k) for k in ("document", "quote")}
            app["chain"] = [_clean({k: h.get(k) for k in ("source", "mode", "document")}) for h in hops.get((cid, a.get("index")), [])]
            app.update({k: a.get(k) for k in ("locator", "language")})
            app["original"] = _nested(a, "original_", ("text", "language"))
            app["translated_by"] = a.get("translated_by")
            app["corrections"] = _corrections(corrections.get((cid, a.get("index")), []))
            app["media"] = _nested(a, "media_", ("url", "start", "end"))
            app["anchor"] = _nested(a, "anchor_", ANCHOR)
            apps.append(_clean(app))
        rec["appearances"] = apps
        rec["context"] = [c.get("text") for c in context.get((cid,), [])]
        rec["external"] = _external(row)
        rec["note"] = row.get("note")
        out.append(_clean(rec))
    return out


def _relations(t: Mapping[str, list[Row]]) -> list[dict[str, Any]]:
    out = []
    for row in t["relations"]:
        rec = {k: row.get(k) for k in ("id", "type", "target", "by")}
        evidence = _nested(row, "evidence_", ("document", "quote", "locator"))
        if evidence is not None:
            anchor = _nested(row, "evidence_anchor_", ANCHOR)
            rec["evidence"] = {**evidence, **({"anchor": anchor} if anchor else {})}
        rec["note"] = row.get("note")
        rec["status"] = _status(row)
        out.append(_clean(rec))
    return out


def tables_to_sections(tables: Mapping[str, list[Row]]) -> dict[str, list[dict[str, Any]]]:
    """Records in the shape of ``schemas/file.schema.json`` from table rows (the inverse of ``corpus_tables``)."""
    t = {name: list(tables.get(name, [])) for name in TABLES}
    corrections = _children(t["corrections"], "review")
    out: dict[str, list[dict[str, Any]]] = {
        "sources": _sources(t),
        "documents": _documents(t),
        "claims": _claims(t),
        "relations": _relations(t),
        "comments": [],
        "reviews": [],
    }
    for row in t["comments"]:
        keys = ("id", "subject", "claims", "asked_via", "outcome", "reason", "asked", "date", "replies", "document", "note")
        out["comments"].append(_clean({k: row.get(k) for k in keys}))
    for row in t["reviews"]:
        rec = {k: row.get(k) for k in ("id", "claim", "scale", "verdict", "rationale", "reviewer", "date", "url")}
        rec["status"] = _status(row)
        rec["corrections"] = _corrections(corrections.get((row.get("id"),), []))
        out["reviews"].append(_clean(rec))
    return out


def rows_to_scales(rows: Iterable[Row]) -> list[dict[str, Any]]:
    """Rating scales (config shape) from ``rating_values`` rows, in the order they first appear."""
    rows = list(rows)
    scales: dict[str, dict[str, Any]] = {}
    for row in sorted(rows, key=_index):
        sid = str(row.get("scale") or "")
        scale = scales.setdefault(sid, _clean({"id": sid or None, "name": row.get("scale_name"), "values": []}) | {"values": []})
        scale["values"].append(_clean({k: row.get(k) for k in ("id", "label", "rating", "description", "status", "fever", "averitec")}))
    order = dict.fromkeys(str(r.get("scale") or "") for r in rows)
    return [scales[s] for s in order]


def rows_to_publisher(rows: Iterable[Row], same_as: Iterable[Row]) -> dict[str, Any] | None:
    """The config's publisher (config shape) from the ``publisher`` and ``publisher_same_as`` rows."""
    first = next(iter(rows), None)
    if first is None:
        return None
    return _clean({**{k: first.get(k) for k in TABLES["publisher"]}, "same_as": [r.get("same_as") for r in sorted(same_as, key=_index)]})


#: Each table of nested values: the columns naming its record, and that record's table and key columns
#: (parents before their children).
PARENTS: dict[str, tuple[tuple[str, ...], str, tuple[str, ...]]] = {
    "source_aliases": (("source",), "sources", ("id",)),
    "source_same_as": (("source",), "sources", ("id",)),
    "interests": (("source",), "sources", ("id",)),
    "document_corrections": (("document",), "documents", ("id",)),
    "claim_context": (("claim",), "claims", ("id",)),
    "appearances": (("claim",), "claims", ("id",)),
    "appearance_corrections": (("claim", "appearance"), "appearances", ("claim", "index")),
    "hops": (("claim", "appearance"), "appearances", ("claim", "index")),
    "corrections": (("review",), "reviews", ("id",)),
}


def orphans(tables: Mapping[str, list[Row]]) -> list[tuple[str, tuple[Any, ...], int]]:
    """The rows of nested values whose record no table holds (:func:`tables_to_sections` cannot place
    them): (table, the record's key, how many rows), in table order."""
    kept: dict[str, set[tuple[Any, ...]]] = {
        name: {(r.get("id"),) for r in tables.get(name, [])} for name in ("sources", "documents", "claims", "reviews")
    }
    out: list[tuple[str, tuple[Any, ...], int]] = []
    for name, (columns, parent, _parent_key) in PARENTS.items():
        homes = kept[parent]
        lost: dict[tuple[Any, ...], int] = {}
        for row in tables.get(name, []):
            key = tuple(row.get(c) for c in columns)
            if key not in homes:
                lost[key] = lost.get(key, 0) + 1
        if name == "appearances":  # hops and corrections hang from the appearances that are placed
            kept["appearances"] = {(r.get("claim"), r.get("index")) for r in tables.get(name, []) if (r.get("claim"),) in homes}
        out += [(name, key, n) for key, n in lost.items()]
    return out
