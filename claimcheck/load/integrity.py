"""Checks beyond shape: references, duplicate ids, attribution chains, dates, verdicts, quotes."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimcheck.core.dates import PartialDate
from claimcheck.core.ids import RESERVED_IDS
from claimcheck.core.problems import Problem, pointer
from claimcheck.core.quotes import NormalisedText
from claimcheck.core.suggest import Suggester, did_you_mean
from claimcheck.load.parsing import INVISIBLE
from claimcheck.model.convert import references
from claimcheck.model.records import Claim, CommentRequest, Config, Correction, Document, Relation, Review, Source, noun

#: Names some systems reserve for devices; refused as ids because ids become file names.
Tables = dict[str, dict[str, Any]]

#: The displayed text fields examined for them, by record class.
INSPECTED = {
    "Source": ("name", "short_name", "aliases"),
    "Document": ("title",),
    "Claim": ("text", "appearances"),
}


class Checker:
    """Runs every integrity check over the records of a corpus."""

    def __init__(
        self,
        tables: Tables,
        config: Config,
        display: dict[str, str],
        broken: frozenset[str] = frozenset(),
        suspicious: frozenset[str] | None = None,
    ) -> None:
        self.t = tables
        self.broken = broken  # ids of records that failed validation: already reported, not re-reported as unknown
        # files (relative to the root) holding invisible characters somewhere; None: examine every record
        self.suspicious = suspicious
        self.config = config
        self.display = display  # origin file (relative to root) → name shown in problems
        self.kind_of: dict[str, str] = {}
        for kind, table in tables.items():
            for rid in table:
                self.kind_of[rid] = kind
        self._suggesters: dict[str, Suggester] = {}

    def _suggester(self, kind: str) -> Suggester:
        """One "did you mean" index per record kind, built on first use and shared by every lookup."""
        if kind not in self._suggesters:
            self._suggesters[kind] = Suggester(self.t[kind])
        return self._suggesters[kind]

    def problem(self, code: str, message: str, record: Any, *path: str | int) -> Problem:
        """A problem located at ``path`` inside ``record``."""
        origin = record.origin
        return Problem(
            code=code,
            message=message,
            file=self.display.get(origin.file, origin.file) if origin else None,
            pointer=(origin.pointer if origin else "") + pointer(*path),
            record=record.id,
        )

    def ref(self, record: Any, value: str | None, expected: str, *path: str | int) -> Iterator[Problem]:
        """A problem if ``value`` does not name a record of kind ``expected``."""
        if value is None:
            return
        kind = self.kind_of.get(value)
        if kind == expected or (kind is None and value in self.broken):
            return
        if kind is None:
            hint = self._suggester(expected).hint(value)
            yield self.problem("unknown-reference", f"unknown {noun(expected)} {value!r}{hint}", record, *path)
        else:
            yield self.problem("wrong-kind-reference", f"{value!r} is a {noun(kind)}, expected a {noun(expected)}", record, *path)

    def invisible(self, rec: Any) -> Iterator[Problem]:
        """A warning for each displayed text field holding zero-width or bidirectional control characters."""
        for name in INSPECTED.get(type(rec).__name__, ()):
            values = getattr(rec, name)
            items = list(enumerate(values)) if isinstance(values, tuple) else [(None, values)]
            for i, value in items:
                text = value.quote if hasattr(value, "quote") else value
                m = INVISIBLE.search(text) if isinstance(text, str) else None
                if m is None:
                    continue
                ch = m.group()
                path: tuple[str | int, ...] = (name,) if i is None else (name, i, "quote") if hasattr(value, "quote") else (name, i)
                yield self.problem(
                    "invisible-characters",
                    f"field {('quote' if hasattr(value, 'quote') else name)!r} holds U+{ord(ch):04X} {unicodedata.name(ch, 'CONTROL CHARACTER')} at character {m.start() + 1}; "
                    "it can make the text display differently from what it says",
                    rec,
                    *path,
                )

    def run(self) -> Iterator[Problem]:
        """Every integrity problem, record by record."""
        for table in self.t.values():
            for rec in table.values():
                if self.suspicious is None or (rec.origin is not None and rec.origin.file in self.suspicious):
                    yield from self.invisible(rec)
                if rec.id in RESERVED_IDS:
                    yield self.problem("reserved-id", f"id {rec.id!r} is a reserved device name on some systems; choose another", rec, "id")
                for path, value, section in references(rec):
                    yield from self.ref(rec, value, section, *path)
        for src in self.t["sources"].values():
            yield from self.source(src)
        for doc in self.t["documents"].values():
            yield from self.document(doc)
        for com in self.t["comments"].values():
            yield from self.comment(com)
        for claim in self.t["claims"].values():
            yield from self.claim(claim)
        for rel in self.t["relations"].values():
            yield from self.relation(rel)
        for rev in self.t["reviews"].values():
            yield from self.review(rev)

    def source(self, src: Source) -> Iterator[Problem]:
        """A source may not belong to itself."""
        for field in ("affiliations", "part_of", "represents"):
            for i, other in enumerate(getattr(src, field)):
                if other == src.id:
                    yield self.problem("self-relation", f"source {src.id!r} lists itself among its {field}", src, field, i)

    def claim(self, claim: Claim) -> Iterator[Problem]:
        """Chains, dates and parents of a claim."""
        if claim.parent is not None:
            if claim.parent == claim.id:
                yield self.problem("self-relation", "a claim cannot be its own parent", claim, "parent")
            elif self._parent_cycle(claim):
                yield self.problem("parent-cycle", f"claim {claim.id!r} is, through its parents, a sub-claim of itself", claim, "parent")
        for i, app in enumerate(claim.appearances):
            doc = self.t["documents"].get(app.document)
            if doc is not None:
                if not doc.seen:
                    yield self.problem(
                        "quote-from-unseen-document",
                        f"document {doc.id!r} is marked seen: false, yet this quote is taken from it",
                        claim,
                        "appearances",
                        i,
                        "quote",
                    )
                latest = _latest_version(doc)
                if claim.date and latest is not None and claim.date.earliest and latest.latest and claim.date.earliest > latest.latest:
                    updated = f", last updated {latest.human()}" if latest is not doc.date else ""
                    yield self.problem(
                        "claim-after-document",
                        f"the claim is dated {claim.date.text} ({claim.date.human()}), after document {doc.id!r} that reports it "
                        f"({doc.date.text if doc.date else 'undated'}, {doc.date.human() if doc.date else ''}{updated}); a claim added in a "
                        "later update needs the document's correction or update, dated",
                        claim,
                        "date",
                    )
                for j, corr in enumerate(app.corrections):
                    yield from self._correction_date(claim, doc, corr, "appearances", i, "corrections", j, "date")
            yield from self.chain(claim, i)

    def _correction_date(self, record: Any, doc: Document, corr: Correction, *path: str | int) -> Iterator[Problem]:
        """A correction cannot precede the document it corrects."""
        if doc.date is not None and corr.date.latest and doc.date.earliest and corr.date.latest < doc.date.earliest:
            yield self.problem(
                "correction-before-document",
                f"the {corr.kind} is dated {corr.date.text} ({corr.date.human()}), before document {doc.id!r} was published "
                f"({doc.date.text}, {doc.date.human()})",
                record,
                *path,
            )

    def document(self, doc: Document) -> Iterator[Problem]:
        """A document's corrections follow it, and its reprints and sources lead to an origin."""
        for j, corr in enumerate(doc.corrections):
            yield from self._correction_date(doc, doc, corr, "corrections", j, "date")
        if doc.reprints == doc.id or doc.id in doc.based_on:
            field = "reprints" if doc.reprints == doc.id else "based_on"
            yield self.problem("self-relation", f"document {doc.id!r} cannot reprint or be based on itself", doc, field)
        elif self._origin_cycle(doc):
            yield self.problem(
                "origin-cycle",
                f"following reprints and based_on from document {doc.id!r} leads back to it: no document is the origin",
                doc,
                "reprints" if doc.reprints else "based_on",
            )

    def _origin_cycle(self, start: Document) -> bool:
        """Whether ``start`` can reach itself through reprints/based_on (iterative: any depth is fine)."""
        documents = self.t["documents"]
        todo = [d for d in (start.reprints, *start.based_on) if d]
        seen: set[str] = set()
        while todo:
            did = todo.pop()
            if did == start.id:
                return True
            if did in seen:
                continue
            seen.add(did)
            nxt = documents.get(did)
            if nxt is not None:
                todo.extend(d for d in (nxt.reprints, *nxt.based_on) if d)
        return False

    def chain(self, claim: Claim, i: int) -> Iterator[Problem]:
        """The attribution chain of one appearance."""
        chain = claim.appearances[i].chain
        if not chain:
            return
        if chain[0].source != claim.speaker:
            yield self.problem(
                "chain-speaker-mismatch",
                f"the chain starts with {chain[0].source!r}; expected the claim's speaker {claim.speaker!r}",
                claim,
                "appearances",
                i,
                "chain",
                0,
                "source",
            )
        seen: set[str] = set()
        for j, hop in enumerate(chain):
            if hop.source in seen:
                yield self.problem(
                    "chain-cycle", f"{hop.source!r} appears twice in this attribution chain", claim, "appearances", i, "chain", j, "source"
                )
            seen.add(hop.source)
            if hop.document is None and hop.mode == "cites-document":
                yield self.problem(
                    "cites-without-document",
                    f"hop {hop.source!r} has mode cites-document but names no document; add document: <id>",
                    claim,
                    "appearances",
                    i,
                    "chain",
                    j,
                )

    def _parent_cycle(self, claim: Claim) -> bool:
        seen = {claim.id}
        parent = claim.parent
        while parent is not None:
            if parent in seen:
                return True
            seen.add(parent)
            nxt = self.t["claims"].get(parent)
            parent = nxt.parent if nxt is not None else None
        return False

    def relation(self, rel: Relation) -> Iterator[Problem]:
        """Consistency of a relation."""
        if rel.by is not None and rel.by == rel.target:
            verb = {"denies": "deny", "supports": "support", "contradicts": "contradict"}.get(rel.type, "answer")
            yield self.problem("self-relation", f"claim {rel.by!r} cannot {verb} itself", rel, "by")
        if rel.type in Relation.RESPONSES and rel.by is None:
            yield self.problem("response-needs-claim", f"a relation of type {rel.type} needs 'by': the claim made in reply", rel, "type")

    def comment(self, com: CommentRequest) -> Iterator[Problem]:
        """A reply cannot come before its request."""
        if (
            com.asked is not None
            and com.date is not None
            and com.date.latest
            and com.asked.earliest
            and com.date.latest < com.asked.earliest
        ):
            yield self.problem(
                "reply-before-request",
                f"the comment request records its outcome ({com.outcome}) on {com.date.human()}, before the request was made "
                f"({com.asked.human()})",
                com,
                "date",
            )

    def review(self, rev: Review) -> Iterator[Problem]:
        """The scale and verdict of a review."""
        scale = self.config.scale(rev.scale)
        if scale is None:
            names = [s.id for s in self.config.rating_scales]
            if rev.scale:
                msg = f"unknown rating scale {rev.scale!r}{did_you_mean(rev.scale, names)}; declared: {', '.join(names) or 'none'}"
            else:
                msg = "the review names no scale and claimcheck.yaml declares no default_scale"
            yield self.problem("unknown-scale", msg, rev, "scale" if rev.scale else "verdict")
        elif scale.value(rev.verdict) is None:
            ids = [v.id for v in scale.values]
            yield self.problem(
                "unknown-verdict",
                f"verdict {rev.verdict!r} is not on scale {scale.id!r}{did_you_mean(rev.verdict, ids)}; expected one of {', '.join(ids)}",
                rev,
                "verdict",
            )


def check_config(config: Config, file: str) -> Iterator[Problem]:
    """Duplicate values and an unknown default in the rating scales."""
    for i, scale in enumerate(config.rating_scales):
        for attr in ("id", "rating"):
            seen: set[Any] = set()
            for j, value in enumerate(scale.values):
                key = getattr(value, attr)
                if key in seen:
                    msg = f"rating scale {scale.id!r} lists {attr} {key!r} twice"
                    yield Problem(
                        code="duplicate-scale-value", message=msg, file=file, pointer=pointer("rating_scales", i, "values", j, attr)
                    )
                seen.add(key)
    if config.default_scale and config.scale(config.default_scale) is None:
        names = [s.id for s in config.rating_scales]
        msg = f"default_scale {config.default_scale!r} is not declared{did_you_mean(config.default_scale, names)}"
        yield Problem(code="unknown-scale", message=msg, file=file, pointer="/default_scale")


def find_fulltext(doc: Document, folders: list[Path]) -> Path | None:
    """The full-text file of a document in ``folders`` (by file name, else by sha256)."""
    assert doc.fulltext is not None
    for folder in folders:
        if doc.fulltext.file:
            candidate = folder / doc.fulltext.file
            if candidate.is_file():
                return candidate
        elif folder.is_dir():
            for candidate in sorted(folder.iterdir()):
                if candidate.is_file() and _sha256(candidate) == doc.fulltext.sha256:
                    return candidate
    return None


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_quotes(checker: Checker, folders: list[Path], fulltexts: dict[str, str]) -> Iterator[Problem]:
    """Verify full texts by sha256 and find every quote in them, recording the match offsets.

    Each quote found gets its ``match`` offsets; verified texts are put in ``fulltexts``
    (document id → text).
    """
    texts: dict[str, NormalisedText] = {}
    for doc in checker.t["documents"].values():
        if doc.fulltext is None:
            continue
        path = find_fulltext(doc, folders)
        if path is None:
            name = doc.fulltext.file or f"with sha256 {doc.fulltext.sha256[:12]}..."
            where = (
                f"in {', '.join(str(f) for f in folders)}"
                if folders
                else "(no full-text folder is configured: set fulltext_paths in claimcheck.yaml or pass --fulltext)"
            )
            yield checker.problem("fulltext-missing", f"full text {name} not found {where}; its quotes were not checked", doc, "fulltext")
            continue
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != doc.fulltext.sha256:
            yield checker.problem(
                "fulltext-mismatch", f"{path} has sha256 {digest}; the document records {doc.fulltext.sha256}", doc, "fulltext", "sha256"
            )
            continue
        text = raw.decode("utf-8", errors="replace")
        fulltexts[doc.id] = text
        texts[doc.id] = NormalisedText(text)
    if not texts:
        return
    # ``match`` is a computed field of records this load has just built and nobody else holds yet:
    # it is recorded in place rather than by rebuilding each claim (attrs.evolve cost a second at 100k)
    for claim in checker.t["claims"].values():
        for i, app in enumerate(claim.appearances):
            nt = texts.get(app.document)
            if nt is None:
                continue
            match = nt.find(app.quote)
            if match is None and app.original is not None:  # the full text may hold the words as said, not as translated
                match = nt.find(app.original.text)
            if match is None:
                yield checker.problem("quote-not-found", _not_found(app.quote, app.document), claim, "appearances", i, "quote")
            else:
                object.__setattr__(app, "match", match)
    for rel in checker.t["relations"].values():
        ev = rel.evidence
        if ev is None or ev.document not in texts:
            continue
        match = texts[ev.document].find(ev.quote)
        if match is None:
            yield checker.problem("quote-not-found", _not_found(ev.quote, ev.document), rel, "evidence", "quote")
        else:
            object.__setattr__(ev, "match", match)


def _not_found(quote: str, document: str) -> str:
    shown = quote if len(quote) <= 80 else quote[:77] + "..."
    return f"quote {shown!r} is not in the full text of document {document!r}"


def _latest_version(doc: Document) -> PartialDate | None:
    """The date of a document's latest version: its last correction or update, else its own date."""
    dated = [c.date for c in doc.corrections]
    if not dated:
        return doc.date
    return max(dated, key=lambda d: d.sort_key()[1])
