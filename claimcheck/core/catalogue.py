"""The problem catalogue: every code claimcheck reports, with its group, severity, title and
description. ``docs/problems.md`` is generated from it (:func:`markdown`); a plugin adds codes of
its own through the ``claimcheck_problem_codes`` hook (:func:`register`).

Regenerate the page after changing the catalogue::

    python docs/generate.py            # writes docs/problems.md
    python docs/generate.py --check    # exit 1 if the committed file is stale
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterable
from pathlib import Path

import attrs

from claimcheck.core import atomic

__all__ = ["CATALOGUE", "Entry", "Severity", "groups", "markdown", "register"]


class Severity(enum.IntEnum):
    """How serious a problem is; ordered so that ``max()`` gives the worst."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return _SEVERITY_NAMES[self]

    @classmethod
    def parse(cls, text: str) -> Severity:
        """The severity named ``text`` (``info``, ``warning`` or ``error``)."""
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}: expected info, warning or error") from None


#: Each severity's name as written (``str()`` of one, for every problem of a report: ``name`` is slow).
_SEVERITY_NAMES = {s: s.name.lower() for s in Severity}


@attrs.define(frozen=True, kw_only=True)
class Entry:
    """A catalogue entry: what a problem code means, and the group it is listed under."""

    code: str
    title: str
    description: str
    severity: Severity
    group: str = "Other"


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741 - short names for the table below

#: Group → (code, severity, title, description), in the order docs/problems.md lists them.
_TABLE: dict[str, tuple[tuple[str, Severity, str, str], ...]] = {
    "Reading files": (
        ("io-error", E, "File cannot be read", "The file exists but could not be read (permissions, a vanished file)."),
        ("not-utf8", E, "Not UTF-8", "Corpus files must be UTF-8 text; the problem gives the first byte that is not."),
        ("binary-file", E, "Binary file", "The file holds NUL bytes: it is not a text file."),
        ("empty-file", W, "Empty file", "The file holds no records. It is skipped."),
        ("file-too-large", E, "File too large", "The file is over the size limit (see Security and limits)."),
        (
            "outside-corpus",
            E,
            "Link leads outside the corpus",
            "A symbolic link resolves to a path outside the corpus folder; it is not followed.",
        ),
        ("parse-error", E, "Malformed YAML or JSON", "The file cannot be parsed; the location is where the parser stopped."),
        ("yaml-alias", E, "YAML alias", "Anchors and aliases (&a / *a) are refused: they let a small file expand without bound."),
        ("too-deep", E, "Nested too deeply", "The document nests deeper than the limit."),
        ("not-a-mapping", E, "Not a mapping", "A corpus file must be a mapping with keys such as sources, documents, claims."),
        (
            "lone-surrogate",
            E,
            "Lone surrogate in a text",
            "A string holds half of a UTF-16 surrogate pair (JSON lets an unpaired escape such as \\udc00 through). It is not a character and no UTF-8 output can hold it: the record holding it is not loaded.",
        ),
        (
            "control-character",
            E,
            "Control character in a text",
            "A string holds a C0 control character (other than tab, line feed and carriage return), DEL or a C1 control. They act on terminals (ESC starts every escape sequence) and are not allowed in HTML or XML: the record holding it is not loaded.",
        ),
        ("too-many-records", E, "Too many records", "The file holds more records than the per-file limit."),
    ),
    "Shape": (
        (
            "schema",
            E,
            "Does not match the schema",
            "A value does not have the shape the JSON Schema requires; the message names the field, the expectation and the value found.",
        ),
        ("unknown-field", E, "Unknown field", "A field that the record kind does not have (often a typo)."),
        ("missing-field", E, "Missing required field", "A field the record kind requires is absent."),
        (
            "bad-date",
            E,
            "Impossible date",
            "The date matches the notation but does not exist (30 February) or its interval ends before it starts.",
        ),
    ),
    "Integrity": (
        ("duplicate-id", E, "Duplicate id", "Ids are unique across the corpus, whatever the record kind."),
        ("reserved-id", E, "Reserved id", "The id is a name that some systems reserve for devices (con, nul, aux, com1...)."),
        ("unknown-reference", E, "Unknown reference", "A reference names no record; the message suggests the nearest id."),
        (
            "wrong-kind-reference",
            E,
            "Reference to the wrong kind of record",
            "A reference names a record of another kind (a claim where a source is expected).",
        ),
        (
            "chain-speaker-mismatch",
            E,
            "Attribution chain does not start with the speaker",
            "The first hop of an appearance's chain must be the claim's speaker.",
        ),
        (
            "chain-too-long",
            E,
            "Chain of links too long",
            "A chain of sub-claims (parent), of part_of and affiliations, or of reprints and based_on is longer than the limit (see Security and limits). The walks of the balance rules and the site stop there.",
        ),
        ("chain-cycle", E, "Cycle in an attribution chain", "The same party appears twice in one attribution chain."),
        ("cites-without-document", W, "Citing hop without a document", "A hop of mode cites-document should name the document it cites."),
        ("self-relation", E, "Claim related to itself", "A claim cannot deny, support or answer itself."),
        (
            "response-needs-claim",
            E,
            "Response without a claim",
            "Relations of type responds-to and denies need `by`: the claim made in reply.",
        ),
        ("parent-cycle", E, "Sub-claim cycle", "A claim is, through its parents, a sub-claim of itself."),
        ("claim-after-document", E, "Claim dated after its document", "A claim cannot have been made after the document that reports it."),
        ("unknown-verdict", E, "Verdict not on the scale", "The review's verdict is not a value of its rating scale."),
        (
            "unknown-scale",
            E,
            "Unknown rating scale",
            "The review names a rating scale the config does not declare, or there is no default scale.",
        ),
        ("duplicate-scale-value", E, "Duplicate rating value", "A rating scale lists the same value id or rating twice."),
        (
            "quote-not-found",
            E,
            "Quote not found in the document",
            "The document's full text is available and the quote is not in it (whitespace and typographic quotes are tolerated).",
        ),
        (
            "fulltext-mismatch",
            E,
            "Full text does not match its sha256",
            "The full-text file was found but its sha256 differs from the one recorded.",
        ),
        (
            "fulltext-missing",
            I,
            "Full text not available",
            "The document records a full text that is not in any configured folder, so its quotes were not checked.",
        ),
        (
            "invisible-characters",
            W,
            "Invisible or direction-changing characters",
            "A name, title, claim or quote holds zero-width characters or bidirectional controls, which can make text display differently from what it says. They are kept as written, and escaped where output shows them.",
        ),
        (
            "quote-from-unseen-document",
            W,
            "Quote from an unseen document",
            "The document is marked seen: false, yet a quote is taken from it.",
        ),
        (
            "origin-cycle",
            E,
            "Documents reprint each other",
            "Following reprints and based_on from the document leads back to it: no document can be the origin of the others.",
        ),
        (
            "correction-before-document",
            E,
            "Correction dated before its document",
            "A correction or update of a document (or of a claim's words in it) is dated before the document was published.",
        ),
        (
            "reply-before-request",
            E,
            "Reply dated before its request",
            "A comment request records an answer, a refusal or the end of the attempt (date) earlier than the request itself (asked).",
        ),
    ),
    "Balance (claimcheck check)": (
        (
            "unanswered-accusation",
            W,
            "Unanswered accusation",
            "An allegation about a subject with no response or denial from that subject, nor from a party that answers for it (its parent body or part, its spokesperson, its lawyer), and no recorded request for comment.",
        ),
        (
            "interested-party-only",
            W,
            "Support only from interested parties",
            "Everything behind an allegation, assertion, assessment or prediction (not a reply) comes from parties with a declared interest leaning the claim's way (a statement against the speaker's own interest is not one).",
        ),
        (
            "single-source",
            W,
            "Single source",
            "An allegation, assertion, assessment or prediction (not a reply) rests on one source: no independent party supports it, and it reaches the reader through one attribution chain from one origin. A first-hand account (a witness's, or a party's word about itself) needs no second source unless the speaker's interest leans its way; the outlet's own word is outlet-only instead.",
        ),
        (
            "second-hand-only",
            W,
            "Second-hand only",
            "A claim (of any kind but background) is known only through an intermediary's report, or only through a document nobody here has seen (a letter an article describes, a memo 'seen by' the outlet), and no independent party supports it first-hand: the finding names the intermediaries and documents.",
        ),
        (
            "unnamed-source",
            W,
            "Unnamed source",
            "The claim comes from, or through, people who are not named (an unnamed spokesperson of a named body is not an unnamed source).",
        ),
        (
            "single-origin",
            W,
            "Several appearances, one origin",
            "The claim appears in several documents that all reprint or draw on one origin (a wire story carried by three papers): one source, not several.",
        ),
        (
            "outlet-only",
            W,
            "Resting on the outlet alone",
            "An assessment, prediction or assertion is the outlet's own, and nothing else supports it.",
        ),
        (
            "reply-not-sought",
            I,
            "Reply not sought",
            "An allegation's subject was not asked for comment; the comment request records why.",
        ),
        (
            "possible-duplicate",
            I,
            "Possible duplicate",
            "Two claims with the same speaker or subject say nearly the same thing: merge them, or relate them.",
        ),
        (
            "verdict-without-evidence",
            W,
            "Verdict without evidence",
            "A review rates a claim on which nothing bears but the dispute's own parties (a denial by the accused is not evidence for a False verdict): no independent evidence is recorded.",
        ),
        (
            "verdict-contradicts-evidence",
            W,
            "Verdict contradicts the evidence",
            "The verdict's status (declared on the rating scale) is the opposite of the evidence-derived status.",
        ),
    ),
    "Import and export (claimcheck import / claimcheck export)": (
        (
            "import-interpreted",
            W,
            "Imported value interpreted",
            "An imported value did not fit the format as published (a rating given as text, a date that is not ISO 8601, a list where one value is expected, a sameAs that is not a URL) and was read, or left out, as the message says.",
        ),
        (
            "import-dropped",
            I,
            "Imported value not kept",
            "An imported property has no place in the claimcheck model (a logo, a modification date) and was left out.",
        ),
        (
            "import-skipped",
            W,
            "Imported item skipped",
            "An item of the imported file could not be turned into records (no claim text, no rating) and was skipped; the rest was imported.",
        ),
        (
            "import-invalid",
            E,
            "Imported records invalid",
            "The records built from the imported file do not match the schema or clash with the target corpus; nothing was written.",
        ),
        (
            "export-skipped",
            W,
            "Record left out of an export",
            "A record could not be expressed in the export format (a review with no URL for ClaimReview, a verdict with no FEVER mapping) and was left out.",
        ),
        (
            "export-unanchored",
            I,
            "Quote with no place in its full text",
            "An export that points into documents (FEVER sentence ids, a Web Annotation's selectors, a PROV-O quotation's offsets) found no full text at hand for the quote's document, or did not find the quote in it, and gave the quote without that place.",
        ),
    ),
    "Source drift (claimcheck verify-sources)": (
        (
            "quote-moved",
            W,
            "Quote moved",
            "The quoted passage is still in the document's text, word for word, but elsewhere than the anchor recorded: text was added or removed before it.",
        ),
        (
            "quote-changed",
            E,
            "Quote changed",
            "The quote's surroundings are still in the document's text, but the words between them changed (the message gives a word diff): a stealth edit, or a correction to record.",
        ),
        (
            "quote-gone",
            E,
            "Quote gone",
            "Neither the quoted passage nor its surroundings are in the document's text any more.",
        ),
        (
            "quote-unverifiable",
            I,
            "Quote not verifiable",
            "The quote cannot be checked against the text: the document records no full text, the text is not at hand, or the quote has neither a stored anchor nor a place in the current text to compare with.",
        ),
    ),
    "Editing (claimcheck fmt, add, diff)": (
        (
            "not-formatted",
            E,
            "File not formatted",
            "claimcheck fmt could not read or rewrite the file (it does not parse as YAML, or holds what the canonical layout cannot keep); it is left exactly as it was.",
        ),
    ),
}

#: Every problem code, by code.
CATALOGUE: dict[str, Entry] = {
    code: Entry(code=code, severity=sev, title=title, description=desc, group=group)
    for group, rows in _TABLE.items()
    for code, sev, title, desc in rows
}


def register(entries: Iterable[Entry]) -> None:
    """Add a plugin's problem codes to the catalogue; a code already listed is refused."""
    for entry in entries:
        known = CATALOGUE.get(entry.code)
        if known is not None and known != entry:
            raise ValueError(f"problem code {entry.code!r} is already in the catalogue ({known.title!r})")
        CATALOGUE[entry.code] = entry


def groups() -> dict[str, list[Entry]]:
    """Catalogue entries by group, each group and each entry in catalogue order."""
    out: dict[str, list[Entry]] = {}
    for entry in CATALOGUE.values():
        out.setdefault(entry.group, []).append(entry)
    return out


DOC = Path(__file__).resolve().parents[2] / "docs" / "problems.md"
_SEVERITY_WORDS = {
    Severity.ERROR: "error: the command exits 1",
    Severity.WARNING: "warning: exits 1 with `--fail-on warning`",
    Severity.INFO: "info: a note; exits 1 only with `--fail-on info`",
}


def markdown() -> str:
    """The whole of ``docs/problems.md``."""
    lines = [
        "# Problem codes",
        "",
        "<!-- Generated from claimcheck.core.catalogue by `python docs/generate.py`: do not edit by hand. -->",
        "",
        "Every problem claimcheck reports carries a stable code, a severity, and where it is: the file, the line",
        "and column, and the JSON pointer of the value (RFC 6901). `claimcheck validate` prints each as",
        "`file:line:col pointer: severity: message [code]`; `--format json` gives the same fields.",
        "",
    ]
    for group, entries in groups().items():
        lines += [f"## {group}", "", "| Code | Severity | Title |", "| --- | --- | --- |"]
        lines += [f"| [`{e.code}`](#{e.code}) | {e.severity} | {e.title} |" for e in entries]
        lines.append("")
        for e in entries:
            lines += [f"### {e.code}", "", f"**{e.title}** ({_SEVERITY_WORDS[e.severity]}).", "", e.description, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write ``docs/problems.md``, or with ``--check`` report whether it is current (exit 1 if not)."""
    args = sys.argv[1:] if argv is None else argv
    text = markdown()
    if "--check" in args:
        current = DOC.is_file() and DOC.read_text(encoding="utf-8") == text
        print(f"{DOC}: {'up to date' if current else 'stale: run python docs/generate.py'}")
        return 0 if current else 1
    atomic.write_text(DOC, text)
    print(f"wrote {DOC}")
    return 0
