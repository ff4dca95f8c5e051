"""The corpus as tables, one per record kind, and back: shared by the CSV, SQLite and Parquet exports.

Nested values become rows of their own tables (appearances, hops, interests, corrections...) keyed by
their record's id and an ``index`` (0-based, as in JSON pointers); a nested object that occurs once
(an appearance's ``media``, ``original`` and ``anchor``, a relation's ``evidence``) becomes columns
named after it (``media_url``, ``anchor_exact``); lists of ids are joined with ``|`` (an id never
holds one); lists of free text and of URLs (aliases, context notes, ``same_as``) are rows of their own.
Cells are Python values: ``None`` for absent, ``bool`` for ``seen``, ``int`` for ratings and offsets,
numbers for media times.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from claimcheck.model import RatingScale, to_dict
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Config, Correction

Row = dict[str, Any]
EXTERNAL = ("external_publisher", "external_title", "external_date", "external_url")
ANCHOR = ("exact", "prefix", "suffix", "start", "end", "sha256")
ANCHOR_COLUMNS = tuple(f"anchor_{k}" for k in ANCHOR)
CORRECTION = ("date", "kind", "before", "after", "note")

#: Table name → its columns, in the order the exports write them.
TABLES: dict[str, tuple[str, ...]] = {
    "sources": ("id", "name", "short_name", "kind", "description", "url", "affiliations", "part_of", "represents", "note"),
    "source_aliases": ("source", "index", "alias"),
    "source_same_as": ("source", "index", "same_as"),
    "interests": ("source", "index", "description", "subjects", "topics", "stance"),
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
        "reprints",
        "based_on",
        "fulltext_sha256",
        "fulltext_file",
        *EXTERNAL,
        "note",
    ),
    "document_corrections": ("document", "index", *CORRECTION),
    "claims": (
        "id",
        "text",
        "speaker",
        "kind",
        "bearing",
        "date",
        "date_note",
        "topics",
        "subjects",
        "tags",
        "parent",
        "status",
        *EXTERNAL,
        "note",
    ),
    "claim_context": ("claim", "index", "text"),
    "appearances": (
        "claim",
        "index",
        "document",
        "quote",
        "locator",
        "language",
        "original_text",
        "original_language",
        "translated_by",
        "media_url",
        "media_start",
        "media_end",
        *ANCHOR_COLUMNS,
    ),
    "appearance_corrections": ("claim", "appearance", "index", *CORRECTION),
    "hops": ("claim", "appearance", "index", "source", "mode", "document"),
    "relations": (
        "id",
        "type",
        "target",
        "by",
        "evidence_document",
        "evidence_quote",
        "evidence_locator",
        *(f"evidence_{c}" for c in ANCHOR_COLUMNS),
        "note",
        "status",
    ),
    "comments": ("id", "subject", "claims", "asked_via", "outcome", "reason", "asked", "date", "replies", "document", "note"),
    "reviews": ("id", "claim", "scale", "verdict", "rationale", "reviewer", "date", "url", "status"),
    "corrections": ("review", "index", *CORRECTION),
    "rating_values": ("scale", "scale_name", "is_default", "index", "id", "label", "rating", "description", "status", "fever", "averitec"),
    "publisher": ("name", "url", "logo", "publishing_principles", "corrections_policy"),
    "publisher_same_as": ("index", "same_as"),
}
#: Columns holding ``|``-joined id lists.
ID_LISTS = frozenset({"affiliations", "part_of", "represents", "subjects", "topics", "authors", "tags", "claims", "based_on", "replies"})
#: Columns holding booleans, integers and numbers (int or float).
BOOLEANS = frozenset({"seen", "is_default"})
INTEGERS = frozenset({"index", "appearance", "rating", "anchor_start", "anchor_end", "evidence_anchor_start", "evidence_anchor_end"})
NUMBERS = frozenset({"media_start", "media_end"})


def _ext(data: Mapping[str, Any]) -> Row:
    ext = data.get("external") or {}
    return {f"external_{k}": ext.get(k) for k in ("publisher", "title", "date", "url")}


def _pick(data: Mapping[str, Any], *names: str) -> Row:
    return {n: data.get(n) for n in names}


def _flat(data: Mapping[str, Any] | None, prefix: str, names: Iterable[str]) -> Row:
    return {f"{prefix}{n}": (data or {}).get(n) for n in names}


def _corrections(corrections: Iterable[Correction], **key: Any) -> list[Row]:
    return [{**key, "index": i, **_pick(to_dict(c), *CORRECTION)} for i, c in enumerate(corrections)]


def corpus_tables(corpus: Corpus) -> dict[str, list[Row]]:
    """Every table's rows, in corpus order (files sorted, records in file order)."""
    out: dict[str, list[Row]] = {name: [] for name in TABLES}
    for src in corpus.sources.values():
        d = to_dict(src)
        row = _pick(d, "id", "name", "short_name", "kind", "description", "url", "note")
        row.update(affiliations=list(src.affiliations), part_of=list(src.part_of), represents=list(src.represents))
        out["sources"].append(row)
        out["source_aliases"] += [{"source": src.id, "index": i, "alias": a} for i, a in enumerate(src.aliases)]
        out["source_same_as"] += [{"source": src.id, "index": i, "same_as": a} for i, a in enumerate(src.same_as)]
        out["interests"] += [
            {
                "source": src.id,
                "index": i,
                **_pick(to_dict(it), "description", "stance"),
                "subjects": list(it.subjects),
                "topics": list(it.topics),
            }
            for i, it in enumerate(src.interests)
        ]
    for doc in corpus.documents.values():
        d = to_dict(doc)
        row = _pick(d, "id", "title", "kind", "publisher", "date", "url", "archive_url", "retrieved", "language", "reprints", "note")
        row.update(authors=list(doc.authors), based_on=list(doc.based_on), seen=doc.seen, **_ext(d))
        row["fulltext_sha256"] = doc.fulltext.sha256 if doc.fulltext else None
        row["fulltext_file"] = doc.fulltext.file if doc.fulltext else None
        out["documents"].append(row)
        out["document_corrections"] += _corrections(doc.corrections, document=doc.id)
    for claim in corpus.claims.values():
        d = to_dict(claim)
        row = _pick(d, "id", "text", "speaker", "kind", "bearing", "date", "date_note", "parent", "note")
        row.update(topics=list(claim.topics), subjects=list(claim.subjects), tags=list(claim.tags), status=claim.status, **_ext(d))
        out["claims"].append(row)
        out["claim_context"] += [{"claim": claim.id, "index": i, "text": t} for i, t in enumerate(claim.context)]
        for i, app in enumerate(claim.appearances):
            a = to_dict(app)
            row = {"claim": claim.id, "index": i, **_pick(a, "document", "quote", "locator", "language", "translated_by")}
            row.update(_flat(a.get("original"), "original_", ("text", "language")))
            row.update(_flat(a.get("media"), "media_", ("url", "start", "end")))
            row.update(_flat(a.get("anchor"), "anchor_", ANCHOR))
            out["appearances"].append(row)
            out["appearance_corrections"] += _corrections(app.corrections, claim=claim.id, appearance=i)
            out["hops"] += [
                {"claim": claim.id, "appearance": i, "index": j, "source": h.source, "mode": h.mode, "document": h.document}
                for j, h in enumerate(app.chain)
            ]
    for rel in corpus.relations.values():
        ev = to_dict(rel.evidence) if rel.evidence else {}
        row = {"id": rel.id, "type": rel.type, "target": rel.target, "by": rel.by}
        row.update(_flat(ev, "evidence_", ("document", "quote", "locator")))
        row.update(_flat(ev.get("anchor"), "evidence_anchor_", ANCHOR))
        row.update(note=rel.note, status=rel.status)
        out["relations"].append(row)
    for com in corpus.comments.values():
        d = to_dict(com)
        row = _pick(d, "id", "subject", "asked_via", "outcome", "reason", "asked", "date", "document", "note")
        row.update(claims=list(com.claims), replies=list(com.replies))
        out["comments"].append(row)
    for rev in corpus.reviews.values():
        d = to_dict(rev)
        out["reviews"].append({**_pick(d, "id", "claim", "scale", "verdict", "rationale", "reviewer", "date", "url"), "status": rev.status})
        out["corrections"] += _corrections(rev.corrections, review=rev.id)
    out["rating_values"] = scale_rows(corpus.config.rating_scales, corpus.config.default_scale)
    out["publisher"], out["publisher_same_as"] = publisher_rows(corpus.config)
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


def publisher_rows(config: Config) -> tuple[list[Row], list[Row]]:
    """The config's publisher (one row, or none) and its ``same_as`` rows."""
    if config.publisher is None:
        return [], []
    pub = to_dict(config.publisher)
    return [_pick(pub, *TABLES["publisher"])], [{"index": i, "same_as": s} for i, s in enumerate(config.publisher.same_as)]
