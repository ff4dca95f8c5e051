"""AVeriTeC JSON of the reviewed claims, shaped as the shared task's data (MichSchli/AVeriTeC
``data/dev.json``) so that its ``eval.py`` reads it, with question-answer evidence derived from the
claim's evidence relations.

Each reviewed claim gives one item, labelled from its latest review's verdict through the scale's
``averitec`` mapping (a verdict without one is left out, ``export-skipped``). ``questions`` holds one
question a relation bearing on the claim (published, by published claims): for ``supports``,
``contradicts`` and ``denies`` a yes/no question, "Does <where> support the claim?", answered ``Yes`` or
``No`` (``answer_type`` ``Boolean``, the quote or the bearing claim as its ``boolean_explanation``);
for ``qualifies``, ``context`` and ``responds-to`` "What does <where> say about the claim?", answered by
the quote (``Extractive``) or the bearing claim's words (``Abstractive``). Each answer names its
``source_url`` (the document's url), ``cached_source_url`` (its ``archive_url``) and
``source_medium``. A claim with no evidence on record gets one question answered ``Unanswerable``, so
that no item has an empty ``questions`` list (``eval.py`` divides by its length).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from claimcheck.core import atomic
from claimcheck.core.problems import Problem
from claimcheck.interop.json_format import dumps
from claimcheck.interop.registry import Exporter, ExportOptions
from claimcheck.interop.reviewed import reviewed, skipped
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Claim, Document, Relation
from claimcheck.publish.claimreview import review_url

__all__ = ["export_averitec", "to_averitec"]

YES_NO = {"supports": "Yes", "contradicts": "No", "denies": "No"}


def _medium(doc: Document | None, media: bool = False) -> str:
    if doc is None:
        return "Other"
    if media or doc.kind in ("broadcast", "interview"):
        return "Video" if media else "Other"
    if doc.url and doc.url.lower().split("?")[0].endswith(".pdf"):
        return "PDF"
    return "Web text"


def _doc_phrase(corpus: Corpus, doc: Document) -> str:
    publisher = corpus.source_name(doc.publisher) if doc.publisher else None
    return f"{doc.title!r}" + (f" ({publisher})" if publisher else "")


def _answer(corpus: Corpus, rel: Relation) -> tuple[str, str, str, Document | None, bool]:
    """(where, the words, answer type for a non-boolean answer, the document, whether the words are in a recording)."""
    if rel.evidence is not None:
        doc = corpus.documents.get(rel.evidence.document)
        return (_doc_phrase(corpus, doc) if doc else rel.evidence.document), rel.evidence.quote, "Extractive", doc, False
    by: Claim = corpus.claims[rel.by or ""]
    app = by.appearances[0] if by.appearances else None
    doc = corpus.documents.get(app.document) if app else None
    where = corpus.source_name(by.speaker) + (f" in {_doc_phrase(corpus, doc)}" if doc else "")
    return where, f"{by.text} ({corpus.source_name(by.speaker)})", "Abstractive", doc, bool(app and app.media)


def _questions(corpus: Corpus, claim: Claim) -> list[dict[str, Any]]:
    questions = []
    for rel in corpus.relations_to(claim.id):
        if rel.by is not None and rel.by not in corpus.claims:
            continue
        where, words, kind, doc, media = _answer(corpus, rel)
        answer: dict[str, Any]
        if rel.type in YES_NO:
            question = f"Does {where} support the claim that {claim.text.rstrip('.')}?"
            answer = {"answer": YES_NO[rel.type], "answer_type": "Boolean", "boolean_explanation": words}
        else:
            question = f"What does {where} say about the claim that {claim.text.rstrip('.')}?"
            answer = {"answer": words, "answer_type": kind}
        answer["source_url"] = doc.url if doc else None
        if doc is not None and doc.archive_url:
            answer["cached_source_url"] = doc.archive_url
        answer["source_medium"] = _medium(doc, media)
        questions.append({"question": question, "answers": [answer], "relation": rel.id})
    if not questions:
        questions.append(
            {
                "question": f"What evidence is on record for the claim that {claim.text.rstrip('.')}?",
                "answers": [{"answer": "No answer could be found.", "answer_type": "Unanswerable"}],
            }
        )
    return questions


def to_averitec(corpus: Corpus, *, base_url: str | None = None, include_drafts: bool = False) -> tuple[list[dict[str, Any]], list[Problem]]:
    """AVeriTeC items for the reviewed claims, and the claims left out."""
    items: list[dict[str, Any]] = []
    problems: list[Problem] = []
    corpus = corpus.view(include_drafts=include_drafts)
    for claim, review, value in reviewed(corpus):
        if value is None or value.averitec is None:
            problems.append(skipped(review, "AVeriTeC"))
            continue
        docs = [corpus.documents[a.document] for a in claim.appearances if a.document in corpus.documents]
        first = next((d for d in docs if d.url), None)
        cached = (
            first.archive_url if first is not None and first.archive_url else next((d.archive_url for d in docs if d.archive_url), None)
        )
        reporting = docs[0].publisher if docs else None
        day = claim.date.start if claim.date is not None and claim.date.precision == "day" else None
        items.append(
            {
                "claim": claim.text,
                "required_reannotation": False,
                "label": value.averitec,
                "justification": review.rationale,
                "claim_date": f"{day.day:02d}-{day.month:02d}-{day.year:04d}" if day and day.day and day.month else None,
                "speaker": corpus.source_name(claim.speaker),
                "original_claim_url": first.url if first else None,
                "cached_original_claim_url": cached,
                "fact_checking_article": review_url(review, claim, base_url),
                "reporting_source": corpus.source_name(reporting) if reporting else None,
                "location_ISO_code": None,
                "claim_types": [],
                "fact_checking_strategies": [],
                "questions": _questions(corpus, claim),
                "claim_id": claim.id,
            }
        )
    return items, problems


def export_averitec(
    corpus: Corpus, out: str | os.PathLike[str], *, base_url: str | None = None, include_drafts: bool = False
) -> tuple[int, list[Problem]]:
    """Write an AVeriTeC JSON list (atomically); returns the number of items and the claims left out."""
    items, problems = to_averitec(corpus, base_url=base_url, include_drafts=include_drafts)
    atomic.write_text(out, dumps(items))
    return len(items), problems


def _export(corpus: Corpus, out: Path, options: ExportOptions) -> tuple[int, list[Problem]]:
    return export_averitec(corpus, out, base_url=options.base_url, include_drafts=options.include_drafts)


EXPORTER = Exporter(
    name="averitec", description="AVeriTeC JSON of the reviewed claims, evidence as question-answer pairs", write=_export, unit="items"
)
