"""FEVER import: FEVER-style JSON Lines (the shared task's files, or this tool's FEVER export) as claims,
with reviews made from the labels when a review date is given. The exports are
:mod:`claimcheck.interop.fever_export` and :mod:`claimcheck.interop.averitec_export`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimcheck.core.problems import Problem
from claimcheck.interop.builder import Builder
from claimcheck.interop.registry import Importer, ImportOptions, ReadResult

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
    # this tool's export gives the quotes beside FEVER's sentence-id groups: read those, not the ids
    key = "evidence_quotes" if isinstance(row.get("evidence_quotes"), list) else "evidence"
    evidence = row.get(key) or []
    if not isinstance(evidence, list):
        b.note("import-skipped", (*where, key), f"line {n}: {key}: expected a list of evidence sets; found {type(evidence).__name__}")
        evidence = []
    for i, ev_set in enumerate(evidence):
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
                    (*where, key, i, j),
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


def _import_fever(paths: Sequence[Path], options: ImportOptions) -> ReadResult:
    records, scales, problems = import_fever(
        paths, taken=sorted(options.taken), review_date=options.review_date, reviewer=options.reviewer or "FEVER dataset"
    )
    return ReadResult(records=records, scales=scales, problems=problems)


FEVER_IMPORTER = Importer(name="fever", description="FEVER-style JSON Lines (claims and labels)", read=_import_fever)
