"""FEVER JSON Lines of the reviewed claims, in the shared task's exact shape, and the matching
``predicted_label``/``predicted_evidence`` file, so that the official scorer (sheffieldnlp/fever-scorer,
``src/fever/scorer.py``) reads both.

Each reviewed claim (published, with a published review) gives one item, labelled from its latest
review's verdict through the rating scale's ``fever`` mapping; a verdict without one is left out
(``export-skipped``). ``evidence`` is a list of evidence groups, each sufficient on its own, each a
list of ``[annotation_id, evidence_id, page, sentence_id]``: the page is the document's id and the
sentence id the 0-based number of a sentence of the document's full text
(:func:`claimcheck.core.anchors.sentences`), so the groups point at sentences the way FEVER's point at
Wikipedia lines. For ``SUPPORTS`` the groups are the claim's supporting relations, for ``REFUTES`` its
contradicting and denying ones: a quoted passage is a group (of every sentence it overlaps), a bearing
claim gives a group per appearance. A quote whose full text is not at hand cannot be numbered: its
group is left out of ``evidence`` with an ``export-unanchored`` note, and kept in ``evidence_quotes``
(``[document, quote]`` pairs, one list per group, numbered or not), which the FEVER import reads back.
``NOT ENOUGH INFO`` items have FEVER's ``[[[annotation_id, null, null, null]]]``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from claimcheck.analysis.anchoring import QuoteRef, quote_sentences, quotes
from claimcheck.core import atomic
from claimcheck.core.problems import Problem
from claimcheck.interop.registry import Exporter, ExportOptions
from claimcheck.interop.reviewed import reviewed, skipped
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Relation

__all__ = ["export_fever", "export_fever_predictions", "fever_predictions", "to_fever"]


def _groups(corpus: Corpus, relations: list[Relation]) -> list[list[QuoteRef]]:
    by_key = {(q.kind, q.record, q.index): q for q in quotes(corpus)}
    groups: list[list[QuoteRef]] = []
    for rel in relations:
        if rel.evidence is not None:
            groups.append([by_key[("evidence", rel.id, None)]])
        elif rel.by in corpus.claims:
            groups += [[by_key[("appearance", rel.by, i)]] for i in range(len(corpus.claims[rel.by].appearances))]
    return groups


def _unanchored(ref: QuoteRef, claim_id: str) -> Problem:
    file, ptr = ref.located()
    return Problem(
        code="export-unanchored",
        message=f"claim {claim_id!r}: the evidence quote {ref.key} cannot be given FEVER sentence ids (the full text of "
        f"{ref.document!r} is not at hand, or the quote is not found in it); kept in evidence_quotes only",
        file=file,
        pointer=ptr,
        record=ref.record,
    )


def to_fever(corpus: Corpus, *, include_drafts: bool = False) -> tuple[list[dict[str, Any]], list[Problem]]:
    """FEVER items (gold, with evidence groups) for the reviewed claims, and the problems met."""
    items: list[dict[str, Any]] = []
    problems: list[Problem] = []
    corpus = corpus.view(include_drafts=include_drafts)
    annotation = evidence_id = 0
    for claim, review, value in reviewed(corpus):
        if value is None or value.fever is None:
            problems.append(skipped(review, "FEVER"))
            continue
        rels = corpus.supporting(claim.id) if value.fever == "SUPPORTS" else corpus.opposing(claim.id) if value.fever == "REFUTES" else []
        groups = _groups(corpus, rels)
        evidence: list[list[list[Any]]] = []
        for group in groups:
            numbered = [(ref, quote_sentences(corpus, ref)) for ref in group]
            missing = [ref for ref, ids in numbered if ids is None]
            if missing:
                problems += [_unanchored(ref, claim.id) for ref in missing]
                continue
            annotation += 1
            items_of_group = []
            for ref, ids in numbered:
                for sentence in ids or []:
                    evidence_id += 1
                    items_of_group.append([annotation, evidence_id, ref.document, sentence])
            evidence.append(items_of_group)
        if value.fever == "NOT ENOUGH INFO":
            annotation += 1
            evidence = [[[annotation, None, None, None]]]
        items.append(
            {
                "id": len(items) + 1,
                "claim_id": claim.id,
                "claim": claim.text,
                "verifiable": "NOT VERIFIABLE" if value.fever == "NOT ENOUGH INFO" else "VERIFIABLE",
                "label": value.fever,
                "evidence": evidence,
                "evidence_quotes": [[[ref.document, ref.quote] for ref in group] for group in groups],
            }
        )
    return items, problems


def fever_predictions(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The predictions form of FEVER items: ``predicted_label`` and ``predicted_evidence``, the
    ``[page, sentence_id]`` pairs of every evidence group in order, each once (NOT ENOUGH INFO: none)."""
    out = []
    for item in items:
        pairs: list[list[Any]] = []
        for group in item["evidence"]:
            for e in group:
                if e[3] is not None and [e[2], e[3]] not in pairs:
                    pairs.append([e[2], e[3]])
        out.append({"id": item["id"], "claim_id": item["claim_id"], "predicted_label": item["label"], "predicted_evidence": pairs})
    return out


def _jsonl(items: list[dict[str, Any]]) -> str:
    # JSON leaves NEL, LS and PS unescaped, and readers that split lines the Unicode way (str.splitlines) would break a line there
    lines = (
        json.dumps(i, ensure_ascii=False).replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        for i in items
    )
    return "".join(line + "\n" for line in lines)


def export_fever(corpus: Corpus, out: str | os.PathLike[str], *, include_drafts: bool = False) -> tuple[int, list[Problem]]:
    """Write FEVER JSON Lines (atomically); returns the number of items and the problems met."""
    items, problems = to_fever(corpus, include_drafts=include_drafts)
    atomic.write_text(out, _jsonl(items))
    return len(items), problems


def export_fever_predictions(corpus: Corpus, out: str | os.PathLike[str], *, include_drafts: bool = False) -> tuple[int, list[Problem]]:
    """Write the FEVER predictions form of the same items (atomically)."""
    items, problems = to_fever(corpus, include_drafts=include_drafts)
    atomic.write_text(out, _jsonl(fever_predictions(items)))
    return len(items), problems


def _export(corpus: Corpus, out: Path, options: ExportOptions) -> tuple[int, list[Problem]]:
    return export_fever(corpus, out, include_drafts=options.include_drafts)


def _export_predictions(corpus: Corpus, out: Path, options: ExportOptions) -> tuple[int, list[Problem]]:
    return export_fever_predictions(corpus, out, include_drafts=options.include_drafts)


EXPORTER = Exporter(
    name="fever", description="FEVER JSON Lines of the reviewed claims, evidence as full-text sentence ids", write=_export, unit="items"
)
PREDICTIONS_EXPORTER = Exporter(
    name="fever-predictions",
    description="the same items as FEVER predictions (predicted_label, predicted_evidence), for the scorer",
    write=_export_predictions,
    unit="items",
)
