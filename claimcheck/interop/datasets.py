"""Research datasets: FEVER (JSON Lines) and AVeriTeC (a JSON list) for reviewed claims, and FEVER import.

Each reviewed claim (published, with a published review) gives one item, labelled from its latest
review's verdict through the rating scale's ``fever`` or ``averitec`` mapping; a verdict without the
mapping is left out with an ``export-skipped`` problem.

FEVER items: ``id`` (1, 2, ... in corpus order), ``claim_id``, ``claim``, ``verifiable``, ``label`` and
``evidence``: a list of evidence sets, each a list of ``[document id, quote]`` pairs, in the place of
FEVER's ``[annotation, evidence, page, sentence]`` tuples. For SUPPORTS the sets are the claim's
supporting relations, for REFUTES its contradicting and denying ones: a quoted passage is a set of its
own, a bearing claim gives one set per appearance. NOT ENOUGH INFO items have no evidence.

AVeriTeC items follow the dataset's fields: ``claim``, ``required_reannotation`` (false), ``label``,
``justification`` (the rationale), ``claim_date`` (``DD-MM-YYYY`` when the claim's date is a day, else
null: no precision is invented), ``speaker`` (the speaker's name), ``original_claim_url`` (the url of
the first document it appears in that has one), ``fact_checking_article`` (the review's url),
``reporting_source`` (that document's publisher), ``location_ISO_code`` (null), ``claim_types``,
``fact_checking_strategies`` and ``questions`` (empty: claimcheck records no question-answer pairs),
plus ``claim_id``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimcheck.core import atomic
from claimcheck.core.problems import Problem
from claimcheck.interop.builder import Builder
from claimcheck.interop.json_format import dumps
from claimcheck.interop.registry import Exporter, ExportOptions, Importer, ImportOptions, ReadResult
from claimcheck.model import Claim, RatingValue, Relation, Review
from claimcheck.model.corpus import Corpus
from claimcheck.publish.claimreview import review_url

FEVER_LABELS = ("SUPPORTS", "REFUTES", "NOT ENOUGH INFO")
#: The scale FEVER labels are imported on.
FEVER_SCALE: dict[str, Any] = {
    "id": "fever-labels",
    "name": "FEVER labels",
    "values": [
        {"id": "refutes", "label": "Refutes", "rating": 1, "status": "contradicted", "fever": "REFUTES", "averitec": "Refuted"},
        {
            "id": "not-enough-info",
            "label": "Not enough info",
            "rating": 2,
            "status": "unverified",
            "fever": "NOT ENOUGH INFO",
            "averitec": "Not Enough Evidence",
        },
        {"id": "supports", "label": "Supports", "rating": 3, "status": "supported", "fever": "SUPPORTS", "averitec": "Supported"},
    ],
}


def _reviewed(corpus: Corpus) -> list[tuple[Claim, Review, RatingValue | None]]:
    out = []
    for claim in corpus.claims.values():
        reviews = corpus.reviews_of(claim.id)  # corpus is already the view exported
        review = reviews[-1] if reviews else None
        if review is None:
            continue
        scale = corpus.config.scale(review.scale)
        out.append((claim, review, scale.value(review.verdict) if scale else None))
    return out


def _skipped(review: Review, fmt: str) -> Problem:
    origin = review.origin
    return Problem(
        code="export-skipped",
        message=f"claim {review.claim!r} left out of the {fmt} export: the verdict {review.verdict!r} of review {review.id!r} has no {fmt} mapping on its scale",
        file=origin.file if origin else None,
        pointer=origin.pointer if origin else "",
        record=review.id,
    )


def _evidence_sets(corpus: Corpus, relations: list[Relation]) -> list[list[list[str]]]:
    sets: list[list[list[str]]] = []
    for rel in relations:
        if rel.evidence is not None:
            sets.append([[rel.evidence.document, rel.evidence.quote]])
        elif rel.by in corpus.claims:
            sets += [[[a.document, a.quote]] for a in corpus.claims[rel.by].appearances]
    return sets


def to_fever(corpus: Corpus, *, include_drafts: bool = False) -> tuple[list[dict[str, Any]], list[Problem]]:
    """FEVER items for the reviewed claims, and the claims left out."""
    items: list[dict[str, Any]] = []
    problems: list[Problem] = []
    corpus = corpus.view(include_drafts=include_drafts)
    for claim, review, value in _reviewed(corpus):
        if value is None or value.fever is None:
            problems.append(_skipped(review, "FEVER"))
            continue
        if value.fever == "SUPPORTS":
            rels = corpus.supporting(claim.id)
        elif value.fever == "REFUTES":
            rels = corpus.opposing(claim.id)
        else:
            rels = []
        items.append(
            {
                "id": len(items) + 1,
                "claim_id": claim.id,
                "claim": claim.text,
                "verifiable": "NOT VERIFIABLE" if value.fever == "NOT ENOUGH INFO" else "VERIFIABLE",
                "label": value.fever,
                "evidence": _evidence_sets(corpus, rels),
            }
        )
    return items, problems


def to_averitec(corpus: Corpus, *, base_url: str | None = None, include_drafts: bool = False) -> tuple[list[dict[str, Any]], list[Problem]]:
    """AVeriTeC items for the reviewed claims, and the claims left out."""
    items: list[dict[str, Any]] = []
    problems: list[Problem] = []
    corpus = corpus.view(include_drafts=include_drafts)
    for claim, review, value in _reviewed(corpus):
        if value is None or value.averitec is None:
            problems.append(_skipped(review, "AVeriTeC"))
            continue
        docs = [corpus.documents[a.document] for a in claim.appearances if a.document in corpus.documents]
        first = next((d for d in docs if d.url), None)
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
                "fact_checking_article": review_url(review, claim, base_url),
                "reporting_source": corpus.source_name(reporting) if reporting else None,
                "location_ISO_code": None,
                "claim_types": [],
                "fact_checking_strategies": [],
                "questions": [],
                "claim_id": claim.id,
            }
        )
    return items, problems


def export_fever(corpus: Corpus, out: str | os.PathLike[str], *, include_drafts: bool = False) -> tuple[int, list[Problem]]:
    """Write FEVER JSON Lines (atomically); returns the number of items and the claims left out."""
    items, problems = to_fever(corpus, include_drafts=include_drafts)
    # JSON leaves NEL, LS and PS unescaped, and readers that split lines the Unicode way (str.splitlines) would break a line there
    lines = (
        json.dumps(i, ensure_ascii=False).replace("\x85", "\\u0085").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        for i in items
    )
    atomic.write_text(out, "".join(line + "\n" for line in lines))
    return len(items), problems


def export_averitec(
    corpus: Corpus, out: str | os.PathLike[str], *, base_url: str | None = None, include_drafts: bool = False
) -> tuple[int, list[Problem]]:
    """Write an AVeriTeC JSON list (atomically); returns the number of items and the claims left out."""
    items, problems = to_averitec(corpus, base_url=base_url, include_drafts=include_drafts)
    atomic.write_text(out, dumps(items))
    return len(items), problems


# ---- FEVER import ------------------------------------------------------------------------------
def _fever_row(b: Builder, row: Any, n: int, speaker: str, document: str, review: tuple[str, str] | None) -> None:
    where = (n,)
    if not isinstance(row, dict):
        b.note("import-skipped", where, f"line {n}: expected a JSON object; found {type(row).__name__}")
        return
    text = b.text(row.get("claim"), (*where, "claim"), "claim")
    label = row.get("label")
    if text is None or label not in FEVER_LABELS:
        b.note("import-skipped", where, f"line {n}: needs a claim text and a label ({', '.join(FEVER_LABELS)}); found label {label!r}")
        return
    given = row.get("claim_id") if isinstance(row.get("claim_id"), str) else None
    cid = b.ids.make(given or " ".join(text.split()[:10]), "claim")
    claim: dict[str, Any] = {
        "id": cid,
        "text": text,
        "speaker": speaker,
        "kind": "assertion",
        "appearances": [{"document": document, "quote": text}],
    }
    if review is None:
        claim["note"] = f"FEVER label: {label}"
    b.sections["claims"].append(claim)
    if review is not None:
        reviewer, date = review
        value = {"SUPPORTS": "supports", "REFUTES": "refutes", "NOT ENOUGH INFO": "not-enough-info"}[label]
        rationale = f"Labelled {label} in {Path(b.file).name}."
        b.sections["reviews"].append(
            {
                "id": b.ids.make(f"review {cid}", "review"),
                "claim": cid,
                "scale": FEVER_SCALE["id"],
                "verdict": value,
                "rationale": rationale,
                "reviewer": reviewer,
                "date": date,
            }
        )
    tuples = 0
    for i, ev_set in enumerate(row.get("evidence") or []):
        for j, item in enumerate(ev_set if isinstance(ev_set, list) else []):
            # any non-empty strings, as the schema allows: a quote of whitespace alone is still a quote
            if isinstance(item, list) and len(item) == 2 and all(isinstance(x, str) and x for x in item):
                if label == "NOT ENOUGH INFO":
                    continue
                doc = b.document(item[0], "other")
                rel: dict[str, Any] = {
                    "id": b.ids.make(f"{cid} evidence", "evidence"),
                    "type": "supports" if label == "SUPPORTS" else "contradicts",
                }
                rel.update(target=cid, evidence={"document": doc, "quote": item[1]})
                b.sections["relations"].append(rel)
            elif isinstance(item, list) and len(item) == 4:
                tuples += 1
            else:
                b.note(
                    "import-skipped",
                    (*where, "evidence", i, j),
                    f"line {n}: evidence item {item!r} is neither [document, quote] nor FEVER's 4-tuple",
                )
    if tuples:
        b.note(
            "import-dropped",
            (*where, "evidence"),
            f"line {n}: {tuples} evidence tuple(s) name a Wikipedia sentence whose text is not in the file",
        )


def import_fever(
    paths: Sequence[str | os.PathLike[str]], *, taken: Sequence[str] = (), review_date: str | None = None, reviewer: str = "FEVER dataset"
) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]], list[Problem]]:
    """Records, the FEVER scale (when reviews were made) and problems from FEVER-style JSON Lines.

    Each file gets an unnamed-group source and a document standing for the file (FEVER rows name
    neither speaker nor source); each row a claim, and with ``review_date`` a review on the
    ``fever-labels`` scale (without it, the label goes in the claim's note).
    """
    b = Builder(taken)
    date = b.date(review_date, (), "review date") if review_date else None
    for path in map(Path, paths):
        b.file, b.line = str(path), None
        try:
            lines = path.read_text(encoding="utf-8-sig").split("\n")  # JSON Lines end at "\n" alone (a "\r" before it is JSON space)
        except (OSError, UnicodeDecodeError) as exc:
            b.problems.append(Problem(code="io-error", message=f"cannot read the file: {exc}", file=str(path)))
            continue
        speaker = b.source(
            f"Unattributed claims of {path.name}", "unnamed-group", description="FEVER-style rows do not say who made the claims."
        )
        document = b.document(f"FEVER-style dataset file {path.name}", "other")
        b.note(
            "import-interpreted",
            (),
            "FEVER rows name no speaker and no source: each claim is attributed to an unnamed group and appears in a document standing for the file",
        )
        if date is None:
            b.note("import-interpreted", (), "no review date given: each label is kept in its claim's note, not as a review")
        for n, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            b.line = n
            try:
                row = json.loads(line)
            except (ValueError, RecursionError) as exc:  # also a number of over 4,300 digits, or nesting Python cannot hold
                b.note("import-skipped", (), f"line {n}: malformed JSON: {exc.msg if isinstance(exc, json.JSONDecodeError) else exc}")
                continue
            _fever_row(b, row, n, speaker, document, (reviewer, date) if date else None)
        b.line = None
    scales = [FEVER_SCALE] if b.sections["reviews"] else []
    return b.sections, scales, b.problems


def _export_fever(corpus: Corpus, out: Path, options: ExportOptions) -> tuple[int, list[Problem]]:
    return export_fever(corpus, out, include_drafts=options.include_drafts)


def _export_averitec(corpus: Corpus, out: Path, options: ExportOptions) -> tuple[int, list[Problem]]:
    return export_averitec(corpus, out, base_url=options.base_url, include_drafts=options.include_drafts)


def _import_fever(paths: Sequence[Path], options: ImportOptions) -> ReadResult:
    records, scales, problems = import_fever(
        paths, taken=sorted(options.taken), review_date=options.review_date, reviewer=options.reviewer or "FEVER dataset"
    )
    return ReadResult(records=records, scales=scales, problems=problems)


FEVER_EXPORTER = Exporter(name="fever", description="FEVER JSON Lines of the reviewed claims", write=_export_fever, unit="items")
AVERITEC_EXPORTER = Exporter(name="averitec", description="AVeriTeC JSON of the reviewed claims", write=_export_averitec, unit="items")
FEVER_IMPORTER = Importer(name="fever", description="FEVER-style JSON Lines (claims and labels)", read=_import_fever)
