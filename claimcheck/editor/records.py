"""What an editor fills in for each kind of record, and the checks a new record must pass.

Each kind lists its :class:`Field` s (the ones ``claimcheck add`` asks for, in order); a value is
checked as soon as it is given (:func:`check_value`), the whole record before it is written
(:func:`check_record`). Messages name the field, what was expected and what was found, with
"did you mean" for a reference that names no record.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from claimcheck.core.dates import DateError, PartialDate
from claimcheck.core.ids import check_id
from claimcheck.core.quotes import NormalisedText
from claimcheck.core.suggest import did_you_mean
from claimcheck.editor.yamlstyle import key_order
from claimcheck.load import hygiene
from claimcheck.load.schemas import load_schemas
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import SECTIONS, noun

__all__ = ["FIELDS", "KINDS", "Field", "build_record", "check_record", "check_value", "enum", "quote_problem"]

#: ``claimcheck add KIND`` → the corpus section the record goes to.
KINDS = {
    "source": "sources",
    "document": "documents",
    "claim": "claims",
    "relation": "relations",
    "comment": "comments",
    "review": "reviews",
}


@functools.cache
def enum(schema: str, *path: str) -> tuple[str, ...]:
    """The allowed values of an enum in a schema, e.g. ``enum("claim", "kind")``."""
    node: Any = load_schemas()[f"{schema}.schema.json"]
    for part in path:
        node = node[part]
    return tuple(node["enum"])


@attrs.define(frozen=True, kw_only=True)
class Field:
    """One field a new record may have: how it is asked for and checked.

    What the model already says of a field (:func:`claimcheck.model.records.ref` for a reference, a
    tuple for a list, date metadata for a date) is read from it by :func:`_from_model`, not restated.
    """

    name: str
    label: str
    required: bool = False
    choices: tuple[str, ...] = ()
    ref: str | None = None  # the section a reference names a record of
    many: bool = False
    date: bool = False


def _from_model(section: str, field: Field) -> Field:
    """``field`` with its reference, list and date facts taken from the model's field of that name."""
    model = attrs.fields_dict(SECTIONS[section]).get(field.name)
    if model is None:
        return field
    return attrs.evolve(
        field,
        ref=model.metadata.get("ref", field.ref),
        many=field.many or "tuple" in str(model.type),
        date=field.date or "date" in model.metadata,
    )


def _fields() -> dict[str, tuple[Field, ...]]:
    workflow = enum("defs", "$defs", "workflow")
    table = {
        "sources": (
            Field(name="name", label="Name", required=True),
            Field(name="kind", label="Kind", required=True, choices=enum("source", "properties", "kind")),
            Field(name="short_name", label="Name inside a sentence ('the Pentagon')"),
            Field(name="description", label="Description"),
            Field(name="url", label="URL"),
            Field(name="aliases", label="Aliases"),
            Field(name="affiliations", label="Affiliations (source ids)"),
            Field(name="note", label="Note"),
        ),
        "documents": (
            Field(name="title", label="Title", required=True),
            Field(name="kind", label="Kind", required=True, choices=enum("document", "properties", "kind")),
            Field(name="publisher", label="Publisher (source id)"),
            Field(name="authors", label="Authors (source ids)"),
            Field(name="date", label="Date (YYYY, YYYY-MM, YYYY-MM-DD or an interval)"),
            Field(name="url", label="URL"),
            Field(name="archive_url", label="Archive URL"),
            Field(name="retrieved", label="Retrieved on"),
            Field(name="language", label="Language (en, fr...)"),
            Field(name="note", label="Note"),
        ),
        "claims": (
            Field(name="text", label="Claim, neutrally worded", required=True),
            Field(name="speaker", label="Speaker (source id)", required=True),
            Field(name="kind", label="Kind", required=True, choices=enum("claim", "properties", "kind")),
            Field(name="date", label="Date made (YYYY, YYYY-MM, YYYY-MM-DD or an interval)"),
            Field(name="date_note", label="How the date was worked out"),
            Field(name="topics", label="Topics"),
            Field(name="subjects", label="Subjects (source ids)"),
            Field(name="tags", label="Tags"),
            Field(name="parent", label="Parent claim (id)"),
            Field(name="status", label="Status", choices=workflow),
            Field(name="context", label="Context notes"),
            Field(name="note", label="Note"),
        ),
        "relations": (
            Field(name="type", label="Type", required=True, choices=enum("relation", "properties", "type")),
            Field(name="target", label="Target claim (id)", required=True),
            Field(name="by", label="Claim bearing on it (id)"),
            Field(name="note", label="Note"),
            Field(name="status", label="Status", choices=workflow),
        ),
        "comments": (
            Field(name="subject", label="Whose reply was sought (source id)", required=True),
            Field(name="outcome", label="Outcome", required=True, choices=enum("comment", "properties", "outcome")),
            Field(name="asked_via", label="Asked through (source id: a spokesperson, a lawyer)"),
            Field(name="claims", label="Claims put to it (ids; none: every allegation about it)"),
            Field(name="asked", label="Asked on (YYYY-MM-DD)"),
            Field(name="date", label="Answered, declined or given up on (YYYY-MM-DD)"),
            Field(name="replies", label="Claims made in reply (ids)"),
            Field(name="reason", label="Why it was not asked"),
            Field(name="document", label="Document recording the request (id)"),
            Field(name="note", label="Note"),
        ),
        "reviews": (
            Field(name="claim", label="Claim reviewed (id)", required=True),
            Field(name="verdict", label="Verdict (a value of the rating scale)", required=True),
            Field(name="rationale", label="Rationale", required=True),
            Field(name="reviewer", label="Reviewer", required=True),
            Field(name="date", label="Date (YYYY-MM-DD)", required=True),
            Field(name="scale", label="Rating scale (id; default: the config's)"),
            Field(name="url", label="URL"),
            Field(name="status", label="Status", choices=workflow),
        ),
    }
    return {section: tuple(_from_model(section, f) for f in fields) for section, fields in table.items()}


FIELDS: dict[str, tuple[Field, ...]] = _fields()


def _known(corpus: Corpus, section: str) -> list[str]:
    table: Mapping[str, Any] = getattr(corpus, section)
    return list(table)


def check_value(corpus: Corpus, section: str, field: Field, value: str) -> str | None:
    """What is wrong with one value of ``field`` (``None`` when nothing is)."""
    bad = hygiene.FORBIDDEN.search(value)
    if bad is not None:  # what the loader would refuse (an argument that is not UTF-8 arrives as lone surrogates)
        code = ord(bad.group())
        if 0xDC80 <= code <= 0xDCFF:
            return f"{field.name}: expected UTF-8 text; found the byte 0x{code - 0xDC00:02x}, which is not UTF-8, at character {bad.start() + 1}"
        return f"{field.name}: expected text without control characters; found {hygiene.describe(bad.group())} at character {bad.start() + 1} in {value!r}"
    if field.ref is not None:
        return check_reference(field.name, value, noun(field.ref), _known(corpus, field.ref))
    if field.choices and value not in field.choices:
        return f"{field.name}: expected one of {', '.join(field.choices)}; found {value!r}{did_you_mean(value, field.choices)}"
    if field.date:
        try:
            PartialDate.parse(value)
        except DateError as exc:
            return f"{field.name}: {exc}"
    if field.name in {"url", "archive_url"} and not value.startswith(("http://", "https://")):
        return f"{field.name}: expected an absolute http(s) URL; found {value!r}"
    if not value.strip():
        return f"{field.name}: expected some text; found nothing"
    return None


def quote_problem(corpus: Corpus, field: str, document: str, quote: str) -> str | None:
    """Why ``quote`` cannot be from ``document``'s full text (``None`` when it is there, or no text is available)."""
    text = corpus.fulltexts.get(document)
    if text is None or NormalisedText(text).find(quote) is not None:
        return None
    return f"{field}: the quote is not in the full text of {document!r} (whitespace and typographic quotes are tolerated)"


def build_record(section: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """A record dict with keys in the schema's order; empty values left out."""
    order = key_order(section)
    present = {k: v for k, v in values.items() if v is not None and v != "" and v != [] and v != ()}
    keys = sorted(present, key=lambda k: order.index(k) if k in order else len(order))
    return {k: list(present[k]) if isinstance(present[k], tuple) else present[k] for k in keys}


def check_record(corpus: Corpus, section: str, record: Mapping[str, Any]) -> list[str]:
    """Every problem with ``record`` as a new record of ``section`` in ``corpus``."""
    problems: list[str] = []
    problem = check_id(str(record.get("id", "")), corpus.ids())
    if problem:
        problems.append(problem)
    for field in FIELDS[section]:
        value = record.get(field.name)
        if value is None:
            if field.required:
                problems.append(f"{field.name}: required; found nothing")
            continue
        for item in value if field.many else [value]:
            problem = check_value(corpus, section, field, str(item))
            if problem:
                problems.append(problem)
    if section == "claims":
        problems += _claim_problems(corpus, record)
    elif section == "relations":
        problems += _relation_problems(corpus, record)
    elif section == "comments":
        problems += _comment_problems(record)
    elif section == "reviews":
        problems += _review_problems(corpus, record)
    return problems


def _comment_problems(record: Mapping[str, Any]) -> list[str]:
    problems = []
    if record.get("outcome") == "not-asked" and not record.get("reason"):
        problems.append("reason: an outcome of not-asked needs the reason the subject was not asked")
    if record.get("replies") and record.get("outcome") != "answered":
        problems.append(f"replies: only an answered request has replies; the outcome is {record.get('outcome')!r}")
    return problems


def _review_problems(corpus: Corpus, record: Mapping[str, Any]) -> list[str]:
    scale_id = record.get("scale")
    scale = corpus.config.scale(str(scale_id) if scale_id else None)
    if scale is None:
        names = [s.id for s in corpus.config.rating_scales]
        if scale_id:
            return [f"scale: unknown rating scale {scale_id!r}{did_you_mean(str(scale_id), names)}; declared: {', '.join(names) or 'none'}"]
        return ["scale: claimcheck.yaml declares no default_scale: name the rating scale"]
    verdict = str(record.get("verdict", ""))
    values = [v.id for v in scale.values]
    if verdict not in values:
        return [f"verdict: expected one of {', '.join(values)} (scale {scale.id!r}); found {verdict!r}{did_you_mean(verdict, values)}"]
    return []


def _claim_problems(corpus: Corpus, record: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    appearances = record.get("appearances") or []
    if not appearances:
        problems.append("appearances: a claim needs at least one (a document and the quote in it)")
    modes = enum("claim", "$defs", "hop", "properties", "mode")
    for i, app in enumerate(appearances):
        where = f"appearances/{i}"
        problem = check_reference(f"{where}/document", str(app.get("document", "")), "document", corpus.documents)
        if problem:
            problems.append(problem)
        quote = app.get("quote")
        if not quote:
            problems.append(f"{where}/quote: required; found nothing")
        else:
            problem = quote_problem(corpus, f"{where}/quote", str(app.get("document")), str(quote))
            if problem:
                problems.append(problem)
        for j, hop in enumerate(app.get("chain") or []):
            at = f"{where}/chain/{j}"
            problems += [p for p in [check_reference(f"{at}/source", str(hop.get("source")), "source", corpus.sources)] if p]
            if hop.get("mode") not in modes:
                problems.append(f"{at}/mode: expected one of {', '.join(modes)}; found {hop.get('mode')!r}")
            if hop.get("document"):
                problems += [p for p in [check_reference(f"{at}/document", str(hop["document"]), "document", corpus.documents)] if p]
        chain = app.get("chain") or []
        if chain and chain[0].get("source") != record.get("speaker"):
            problems.append(
                f"{where}/chain/0/source: the chain starts with the speaker {record.get('speaker')!r}; found {chain[0].get('source')!r}"
            )
    if record.get("parent") and record.get("parent") == record.get("id"):
        problems.append("parent: a claim cannot be its own sub-claim")
    return problems


def _relation_problems(corpus: Corpus, record: Mapping[str, Any]) -> list[str]:
    problems: list[str] = []
    by, evidence = record.get("by"), record.get("evidence")
    if (by is None) == (evidence is None):
        problems.append(
            "by/evidence: a relation needs exactly one of 'by' (the claim that bears on the target) or 'evidence' (a quoted passage); found "
            + ("both" if by is not None else "neither")
        )
    if record.get("type") in {"responds-to", "denies"} and by is None:
        problems.append(f"by: a relation of type {record.get('type')} needs the claim made in reply")
    if by is not None and by == record.get("target"):
        problems.append("by: a claim cannot bear on itself")
    if evidence is not None:
        problem = check_reference("evidence/document", str(evidence.get("document", "")), "document", corpus.documents)
        if problem:
            problems.append(problem)
        elif evidence.get("quote"):
            problem = quote_problem(corpus, "evidence/quote", str(evidence["document"]), str(evidence["quote"]))
            if problem:
                problems.append(problem)
        if not evidence.get("quote"):
            problems.append("evidence/quote: required; found nothing")
    return problems


def check_reference(field: str, value: str, kind: str, known: Iterable[str]) -> str | None:
    """What is wrong with ``value`` as a reference to a record of ``kind`` (``None`` when it names one)."""
    choices = list(known)
    if value in choices:
        return None
    return f"{field}: unknown {kind} {value!r}{did_you_mean(value, choices)}"
