"""The draft as records: sources, documents, claims, relations and comment requests in the corpus format,
each with the comment that says what was guessed and why.

Claims and relations get ``status: draft``. Sources, documents and comment requests have no status in
the format, so each carries a comment saying it was proposed and needs confirming. Parties the corpus
already knows are referred to by their ids and not proposed again. Ids are made unique against the
corpus (:class:`claimcheck.core.ids.IdMaker`).
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

import attrs

from claimcheck.core.dates import PartialDate
from claimcheck.core.ids import IdMaker
from claimcheck.editor.draft.parties import Document, Party
from claimcheck.editor.draft.replies import Relation, Request
from claimcheck.editor.draft.statements import Statement

__all__ = ["Proposal", "ArticleFacts", "assemble"]


@attrs.define(frozen=True, kw_only=True)
class Proposal:
    """One drafted record and the comment lines written above it."""

    section: str
    record: dict[str, Any]
    comments: tuple[str, ...] = ()


@attrs.define(frozen=True, kw_only=True)
class ArticleFacts:
    """What is known of the article itself."""

    title: str
    date: PartialDate | None
    url: str | None
    language: str | None
    sha256: str
    file: str
    authors: tuple[Party, ...] = ()
    corrections: tuple[dict[str, str], ...] = ()
    notes: tuple[str, ...] = ()


class _Ids:
    def __init__(self, taken: Container[str]) -> None:
        self.maker = IdMaker(taken)
        self.of: dict[int, str] = {}

    def party(self, party: Party) -> str:
        if party.source_id:
            return party.source_id
        if id(party) not in self.of:
            self.of[id(party)] = self.maker.make(party.name, "source", words=6)
        return self.of[id(party)]

    def thing(self, obj: object, basis: str, fallback: str, words: int = 6) -> str:
        if id(obj) not in self.of:
            self.of[id(obj)] = self.maker.make(basis, fallback, words=words)
        return self.of[id(obj)]


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _source(ids: _Ids, party: Party, used: list[Party]) -> Proposal:
    kind = party.kind or ("person" if party.person else "organisation")
    record: dict[str, Any] = {"id": ids.party(party), "name": party.name, "kind": kind}
    if party.short_name and party.short_name != party.name:
        record["short_name"] = party.short_name
    if party.descriptions:
        record["description"] = _one_line("; ".join(party.descriptions[:3]), 400)
    if party.aliases:
        record["aliases"] = list(dict.fromkeys(party.aliases))
    part_of = [ids.party(p) for p in party.part_of if p in used and p is not party]
    if part_of:
        record["part_of"] = list(dict.fromkeys(part_of))
    represents = [ids.party(p) for p in party.represents if p in used and p is not party]
    if represents:
        record["represents"] = list(dict.fromkeys(represents))
    if party.interests:
        subjects = [ids.party(party), *represents]
        record["interests"] = [
            {
                "description": _one_line(
                    f"Proposed from the article's description ({party.interests[0]}): say what it stands to gain, or delete.", 400
                ),
                "subjects": list(dict.fromkeys(subjects)),
                "stance": "for",
            }
        ]
    comments = [f"proposed: named in the {party.first_seen or 'article'}" if not party.outlet else "proposed: the article's publisher"]
    if party.kind is None:
        comments.append(f"kind {kind}: the article does not say; check it")
    elif party.kind_reason:
        comments.append(f"kind {kind} {party.kind_reason}")
    if represents:
        comments.append("speaks for " + ", ".join(represents) + " (from its role or description)")
    if party.interests:
        comments.append("the interest is a candidate from its description: confirm it, or delete it")
    comments += party.notes
    comments.append("confirm or correct, then delete these comments")
    return Proposal(section="sources", record=record, comments=tuple(_one_line(c) for c in comments))


def _cited(ids: _Ids, doc: Document, facts: ArticleFacts) -> Proposal:
    noun = doc.noun.capitalize() if doc.noun != "post" else "Social-media post"
    by = f" by {doc.author.name}" if doc.author else ""
    title = _one_line(f"{noun}{by} (title not given)", 200)
    record: dict[str, Any] = {
        "id": ids.thing(doc, f"{doc.author.name if doc.author else ''} {doc.noun}", "document"),
        "title": title,
        "kind": doc.kind,
    }
    if doc.author is not None:
        record["publisher"] = ids.party(doc.author)
    if doc.date is not None:
        record["date"] = doc.date.text
    elif facts.date is not None:
        record["date"] = f"../{facts.date.text}" if not facts.date.is_interval else facts.date.text
    record["seen"] = False
    record["note"] = _one_line(
        f'Known only from the article ("{doc.phrase}", {doc.first_seen}).' + (f" Dated from {doc.date_note}." if doc.date_note else ""), 600
    )
    comments = ["proposed: a document the article cites; seen: false until you have read it yourself"]
    if doc.author is None:
        comments.append("the article does not say who wrote or issued it")
    return Proposal(section="documents", record=record, comments=tuple(comments))


def _article(ids: _Ids, facts: ArticleFacts, outlet: Party, used: list[Party]) -> Proposal:
    record: dict[str, Any] = {"id": ids.thing(facts, facts.title, "article"), "title": _one_line(facts.title, 500), "kind": "article"}
    record["publisher"] = ids.party(outlet)
    authors = [ids.party(a) for a in facts.authors if a in used]
    if authors:
        record["authors"] = authors
    if facts.date is not None:
        record["date"] = facts.date.text
    if facts.url:
        record["url"] = facts.url
    if facts.language:
        record["language"] = facts.language
    record["fulltext"] = {"sha256": facts.sha256, "file": facts.file}
    corrections = []
    for c in facts.corrections:
        entry: dict[str, Any] = {
            "date": c["date"],
            "kind": c["kind"] if c["kind"] in {"correction", "update", "clarification"} else "correction",
            "note": c["text"],
        }
        corrections.append(entry)
    if corrections:
        record["corrections"] = corrections
    comments = ["proposed: the article drafted; its full text is kept where fulltext_paths finds it, never in the corpus", *facts.notes]
    return Proposal(section="documents", record=record, comments=tuple(comments))


def _hop(ids: _Ids, hop: Any, docs: dict[int, str]) -> dict[str, str]:
    out = {"source": ids.party(hop.party), "mode": hop.mode}
    if hop.document is not None and id(hop.document) in docs:
        out["document"] = docs[id(hop.document)]
    elif hop.mode == "cites-document":
        out["mode"] = "paraphrase"
    return out


def _claim(ids: _Ids, s: Statement, article_id: str, docs: dict[int, str], facts: ArticleFacts) -> Proposal:
    text = s.text.strip() or s.quote
    record: dict[str, Any] = {
        "id": ids.thing(s, text, "claim"),
        "text": _one_line(text, 2000),
        "speaker": ids.party(s.speaker),
        "kind": s.kind,
    }
    if s.date is not None:
        record["date"] = s.date.text
        if s.date_note:
            record["date_note"] = _one_line(s.date_note, 400)
    subjects = [ids.party(p) for p in s.subjects]
    if subjects:
        record["subjects"] = list(dict.fromkeys(subjects))
    record["status"] = "draft"
    appearance: dict[str, Any] = {"document": article_id, "quote": s.quote.strip(), "locator": s.locator}
    chain = [_hop(ids, h, docs) for h in s.chain]
    if chain:
        appearance["chain"] = chain
    if s.original and s.original_language:
        appearance["original"] = {"text": s.original, "language": s.original_language}
    if s.original and s.translated_by is not None:
        appearance["translated_by"] = ids.party(s.translated_by)
    record["appearances"] = [appearance]
    who = f"speaker {record['speaker']}"
    comments = [f"draft from the {s.locator}: {who}; kind {s.kind} ({s.kind_reason or 'guessed'})"]
    comments += s.notes
    if s.date is not None:
        comments.append(f"date {s.date.text}: {s.date_note}")
    if s.quoted:
        comments.append("the text repeats the quoted words: reword them as a neutral proposition")
    comments.append("check it against the article, then delete the status line to publish")
    return Proposal(section="claims", record=record, comments=tuple(_one_line(c) for c in comments))


def _request(ids: _Ids, r: Request, claim_ids: dict[int, str]) -> Proposal:
    subject = ids.party(r.subject)
    record: dict[str, Any] = {"id": ids.thing(r, f"{subject} {r.outcome}", "comment", words=8), "subject": subject}
    if r.asked_via is not None and r.asked_via is not r.subject:
        record["asked_via"] = ids.party(r.asked_via)
    record["outcome"] = r.outcome
    if r.asked is not None:
        record["asked"] = r.asked.text
    if r.date is not None and not (r.asked is not None and r.asked.earliest and r.date.latest and r.date.latest < r.asked.earliest):
        record["date"] = r.date.text
    replies = [claim_ids[id(s)] for s in r.replies if id(s) in claim_ids]
    if replies:
        record["replies"] = replies
    comments = (
        f'proposed from the {r.locator}: "{_one_line(r.quote, 110)}"',
        "comment requests have no status: confirm it, then delete these comments",
    )
    return Proposal(section="comments", record=record, comments=comments)


def assemble(
    *,
    facts: ArticleFacts,
    outlet: Party,
    statements: list[Statement],
    relations: list[Relation],
    requests: list[Request],
    taken: Container[str],
) -> list[Proposal]:
    """Every record of the draft, in the order sources, documents, claims, relations, comments."""
    ids = _Ids(taken)
    article_id = ids.thing(facts, facts.title, "article")
    used: list[Party] = []

    def use(party: Party | None) -> None:
        if party is not None and party not in used:
            used.append(party)
            for p in [*party.represents, *party.part_of]:
                use(p)

    use(outlet)
    cited: list[Document] = []
    for s in statements:
        use(s.speaker)
        for hop in s.chain:
            use(hop.party)
            if hop.document is not None and hop.document not in cited:
                cited.append(hop.document)
        for p in s.subjects:
            use(p)
        use(s.translated_by)
    for doc in cited:
        use(doc.author)
    for r in requests:
        use(r.subject)
        use(r.asked_via)
    for a in facts.authors:
        use(a)
    sources = [_source(ids, p, used) for p in used if not p.source_id]
    docs = {id(d): ids.thing(d, f"{d.author.name if d.author else ''} {d.noun}", "document") for d in cited}
    documents = [_article(ids, facts, outlet, used), *(_cited(ids, d, facts) for d in cited)]
    claims = [_claim(ids, s, article_id, docs, facts) for s in statements]
    claim_ids = {id(s): p.record["id"] for s, p in zip(statements, claims, strict=True)}
    rels = []
    for rel in relations:
        by, target = claim_ids[id(rel.by)], claim_ids[id(rel.target)]
        record = {"id": ids.thing(rel, f"{by} {rel.type} {target}", "relation", words=12), "type": rel.type, "target": target, "by": by}
        record["note"] = rel.note
        record["status"] = "draft"
        rels.append(
            Proposal(
                section="relations",
                record=record,
                comments=("proposed: the text makes this explicit; check that the reply answers this allegation",),
            )
        )
    comments = [_request(ids, r, claim_ids) for r in requests]
    return [*sources, *documents, *claims, *rels, *comments]
