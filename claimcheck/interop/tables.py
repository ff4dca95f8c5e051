"""The corpus as tables, one per record kind, and back: shared by the CSV and SQLite exports.

Nested values become rows of their own tables (appearances, hops, interests...) keyed by their
record's id and an ``index`` (0-based, as in JSON pointers); lists of ids are joined with ``|``
(an id never holds one); lists of free text (aliases, context notes) are rows of their own.
Cells are Python values: ``None`` for absent, ``bool`` for ``seen``, ``int`` for ratings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from claimcheck.model import RatingScale, to_dict
from claimcheck.model.corpus import Corpus

Row = dict[str, Any]
EXTERNAL = ("external_publisher", "external_title", "external_date", "external_url")

#: Table name → its columns, in the order the exports write them.
TABLES: dict[str, tuple[str, ...]] = {
    "sources": ("id", "name", "short_name", "kind", "description", "url", "affiliations", "note"),
    "source_aliases": ("source", "index", "alias"),
    "interests": ("source", "index", "description", "subjects", "topics"),
    "documents": (
        "id",
        "title",
        "kind",
        "publisher",
        "authors",
        "date",
        "url",
        "archive_url",
        "retrieved",
        "language",
        "seen",
        "fulltext_sha256",
        "fulltext_file",
        *EXTERNAL,
        "note",
    ),
    "claims": ("id", "text", "speaker", "kind", "date", "date_note", "topics", "subjects", "tags", "parent", "status", *EXTERNAL, "note"),
    "claim_context": ("claim", "index", "text"),
    "appearances": ("claim", "index", "document", "quote", "locator"),
    "hops": ("claim", "appearance", "index", "source", "mode", "document"),
    "relations": ("id", "type", "target", "by", "evidence_document", "evidence_quote", "evidence_locator", "note", "status"),
    "comments": ("id", "subject", "claims", "outcome", "asked", "date", "document", "note"),
    "reviews": ("id", "claim", "scale", "verdict", "rationale", "reviewer", "date", "url", "status"),
    "corrections": ("review", "index", "date", "note"),
    "rating_values": ("scale", "scale_name", "is_default", "index", "id", "label", "rating", "description", "status", "fever", "averitec"),
}
#: Columns holding ``|``-joined id lists.
ID_LISTS = frozenset({"affiliations", "subjects", "topics", "authors", "tags", "claims"})
#: Columns holding booleans and integers.
BOOLEANS = frozenset({"seen", "is_default"})
INTEGERS = frozenset({"index", "appearance", "rating"})


def _ext(data: Mapping[str, Any]) -> Row:
    ext = data.get("external") or {}
    return {f"external_{k}": ext.get(k) for k in ("publisher", "title", "date", "url")}


def _pick(data: Mapping[str, Any], *names: str) -> Row:
    return {n: data.get(n) for n in names}


def corpus_tables(corpus: Corpus) -> dict[str, list[Row]]:
    """Every table's rows, in corpus order (files sorted, records in file order)."""
    out: dict[str, list[Row]] = {name: [] for name in TABLES}
    for src in corpus.sources.values():
        d = to_dict(src)
        out["sources"].append(
            {**_pick(d, "id", "name", "short_name", "kind", "description", "url", "note"), "affiliations": list(src.affiliations)}
        )
        out["source_aliases"] += [{"source": src.id, "index": i, "alias": a} for i, a in enumerate(src.aliases)]
        out["interests"] += [
            {"source": src.id, "index": i, "description": it.description, "subjects": list(it.subjects), "topics": list(it.topics)}
            for i, it in enumerate(src.interests)
        ]
    for doc in corpus.documents.values():
        d = to_dict(doc)
        row = _pick(d, "id", "title", "kind", "publisher", "date", "url", "archive_url", "retrieved", "language", "note")
        row.update(authors=list(doc.authors), seen=doc.seen, **_ext(d))
        row["fulltext_sha256"] = doc.fulltext.sha256 if doc.fulltext else None
        row["fulltext_file"] = doc.fulltext.file if doc.fulltext else None
        out["documents"].append(row)
    for claim in corpus.claims.values():
        d = to_dict(claim)
        row = _pick(d, "id", "text", "speaker", "kind", "date", "date_note", "parent", "note")
        row.update(topics=list(claim.topics), subjects=list(claim.subjects), tags=list(claim.tags), status=claim.status, **_ext(d))
        out["claims"].append(row)
        out["claim_context"] += [{"claim": claim.id, "index": i, "text": t} for i, t in enumerate(claim.context)]
        for i, app in enumerate(claim.appearances):
            out["appearances"].append({"claim": claim.id, "index": i, "document": app.document, "quote": app.quote, "locator": app.locator})
            out["hops"] += [
                {"claim": claim.id, "appearance": i, "index": j, "source": h.source, "mode": h.mode, "document": h.document}
                for j, h in enumerate(app.chain)
            ]
    for rel in corpus.relations.values():
        ev = rel.evidence
        out["relations"].append(
            {
                "id": rel.id,
                "type": rel.type,
                "target": rel.target,
                "by": rel.by,
                "evidence_document": ev.document if ev else None,
                "evidence_quote": ev.quote if ev else None,
                "evidence_locator": ev.locator if ev else None,
                "note": rel.note,
                "status": rel.status,
            }
        )
    for com in corpus.comments.values():
        d = to_dict(com)
        out["comments"].append({**_pick(d, "id", "subject", "outcome", "asked", "date", "document", "note"), "claims": list(com.claims)})
    for rev in corpus.reviews.values():
        d = to_dict(rev)
        out["reviews"].append({**_pick(d, "id", "claim", "scale", "verdict", "rationale", "reviewer", "date", "url"), "status": rev.status})
        out["corrections"] += [{"review": rev.id, "index": i, "date": c.date.text, "note": c.note} for i, c in enumerate(rev.corrections)]
    out["rating_values"] = scale_rows(corpus.config.rating_scales, corpus.config.default_scale)
    return out


def scale_rows(scales: Iterable[RatingScale], default: str | None = None) -> list[Row]:
    """The rating values of ``scales`` as rows, worst to best as declared."""
    rows = []
    for scale in scales:
        for i, v in enumerate(scale.values):
            rows.append(
                {
                    "scale": scale.id,
                    "scale_name": scale.name,
                    "is_default": scale.id == default,
                    "index": i,
                    "id": v.id,
                    "label": v.label,
                    "rating": v.rating,
                    "description": v.description,
                    "status": v.status,
                    "fever": v.fever,
                    "averitec": v.averitec,
                }
            )
    return rows


# ---- back: rows → records in the shape of the schemas ------------------------------------------
def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    """Drop absent values (``None``, empty lists) so the dict is in the schema's shape."""
    return {k: v for k, v in data.items() if v is not None and v != []}


def _external(row: Row) -> dict[str, Any] | None:
    ext = {k[len("external_") :]: row.get(k) for k in EXTERNAL}
    return ext if any(v is not None for v in ext.values()) else None


def _children(rows: Iterable[Row], key: str, *more: str) -> dict[tuple[Any, ...], list[Row]]:
    index: dict[tuple[Any, ...], list[Row]] = defaultdict(list)
    for row in rows:
        index[(row.get(key), *(row.get(m) for m in more))].append(row)
    for group in index.values():
        group.sort(key=_index)
    return index


def tables_to_sections(tables: Mapping[str, list[Row]]) -> dict[str, list[dict[str, Any]]]:
    """Records in the shape of ``schemas/file.schema.json`` from table rows (the inverse of :func:`corpus_tables`)."""
    t = {name: list(tables.get(name, [])) for name in TABLES}
    aliases = _children(t["source_aliases"], "source")
    interests = _children(t["interests"], "source")
    context = _children(t["claim_context"], "claim")
    appearances = _children(t["appearances"], "claim")
    hops = _children(t["hops"], "claim", "appearance")
    corrections = _children(t["corrections"], "review")
    out: dict[str, list[dict[str, Any]]] = {"sources": [], "documents": [], "claims": [], "relations": [], "comments": [], "reviews": []}
    for row in t["sources"]:
        rec = {k: row.get(k) for k in ("id", "name", "short_name", "kind", "description", "url")}
        rec["aliases"] = [a["alias"] for a in aliases.get((row.get("id"),), [])]
        rec["affiliations"] = row.get("affiliations") or []
        rec["interests"] = [
            _clean({"description": i.get("description"), "subjects": i.get("subjects") or [], "topics": i.get("topics") or []})
            for i in interests.get((row.get("id"),), [])
        ]
        rec["note"] = row.get("note")
        out["sources"].append(_clean(rec))
    for row in t["documents"]:
        rec = {
            k: row.get(k) for k in ("id", "title", "kind", "publisher", "authors", "date", "url", "archive_url", "retrieved", "language")
        }
        rec["seen"] = None if row.get("seen") in (None, True) else row.get("seen")
        if row.get("fulltext_sha256") is not None or row.get("fulltext_file") is not None:
            rec["fulltext"] = _clean({"sha256": row.get("fulltext_sha256"), "file": row.get("fulltext_file")})
        rec["external"] = _external(row)
        rec["note"] = row.get("note")
        out["documents"].append(_clean(rec))
    for row in t["claims"]:
        cid = row.get("id")
        rec = {k: row.get(k) for k in ("id", "text", "speaker", "kind", "date", "date_note", "topics", "subjects", "tags", "parent")}
        rec["status"] = None if row.get("status") in (None, "published") else row.get("status")
        rec["appearances"] = [
            _clean(
                {
                    "document": a.get("document"),
                    "quote": a.get("quote"),
                    "chain": [_clean({k: h.get(k) for k in ("source", "mode", "document")}) for h in hops.get((cid, a.get("index")), [])],
                    "locator": a.get("locator"),
                }
            )
            for a in appearances.get((cid,), [])
        ]
        rec["context"] = [c.get("text") for c in context.get((cid,), [])]
        rec["external"] = _external(row)
        rec["note"] = row.get("note")
        out["claims"].append(_clean(rec))
    for row in t["relations"]:
        rec = {k: row.get(k) for k in ("id", "type", "target", "by")}
        if any(row.get(k) is not None for k in ("evidence_document", "evidence_quote", "evidence_locator")):
            rec["evidence"] = _clean(
                {"document": row.get("evidence_document"), "quote": row.get("evidence_quote"), "locator": row.get("evidence_locator")}
            )
        rec["note"] = row.get("note")
        rec["status"] = None if row.get("status") in (None, "published") else row.get("status")
        out["relations"].append(_clean(rec))
    for row in t["comments"]:
        rec = {k: row.get(k) for k in ("id", "subject", "claims", "outcome", "asked", "date", "document", "note")}
        out["comments"].append(_clean(rec))
    for row in t["reviews"]:
        rec = {k: row.get(k) for k in ("id", "claim", "scale", "verdict", "rationale", "reviewer", "date", "url")}
        rec["status"] = None if row.get("status") in (None, "published") else row.get("status")
        rec["corrections"] = [_clean({"date": c.get("date"), "note": c.get("note")}) for c in corrections.get((row.get("id"),), [])]
        out["reviews"].append(_clean(rec))
    return out


def _index(row: Row) -> int:
    value = row.get("index")
    return value if isinstance(value, int) else 0


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
