"""Source drift: is each quote still in its document? The check behind ``claimcheck verify-sources``.

Every quote is found again in the document's text as it is now (its full-text file, read even when its
sha256 no longer matches the record), or in a new or archived copy given for the document. What the
quote is looked for by is its stored anchor (``anchor``: the passage, its context and offsets as they
stood when it was recorded), else the place the loader found it in the verified full text. Each quote
is then ``unchanged`` (the same words at the same place), ``moved`` (the same words elsewhere: text was
added or removed before them), ``changed`` (its context found around other words: a word diff says
what) or ``gone``; a quote that cannot be checked is ``unverifiable`` (no full text, no copy, no anchor).
Each but ``unchanged`` is a problem: ``quote-moved``, ``quote-changed``, ``quote-gone``, ``quote-unverifiable``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from claimcheck.analysis.anchoring import QuoteRef, anchor_of, quotes
from claimcheck.core.anchors import locate, word_diff
from claimcheck.core.errors import UsageError
from claimcheck.core.problems import Problem
from claimcheck.core.suggest import did_you_mean
from claimcheck.load.integrity import find_fulltext
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Anchor

__all__ = ["DriftReport", "QuoteCheck", "resolve_against", "verify_sources"]

CODES = {"moved": "quote-moved", "changed": "quote-changed", "gone": "quote-gone", "unverifiable": "quote-unverifiable"}


@attrs.define(frozen=True, kw_only=True)
class QuoteCheck:
    """What became of one quote: its ``status``, where it stood and stands, and what changed."""

    quote: str
    record: str
    document: str
    status: str
    #: The text the quote was looked for in (a file), when there was one.
    against: str | None = None
    old: tuple[int, int] | None = None
    new: tuple[int, int] | None = None
    #: The words now where the quote stood (``changed``), and the word diff from the quote's to them.
    found: str | None = None
    diff: str | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The check as plain data, for ``--format json``."""
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in attrs.asdict(self).items() if v is not None}


@attrs.define(frozen=True, kw_only=True)
class DriftReport:
    """Every quote's check, and a problem for each that is not unchanged."""

    checks: tuple[QuoteCheck, ...]
    problems: tuple[Problem, ...]

    def counts(self) -> dict[str, int]:
        """How many quotes have each status."""
        out = dict.fromkeys(("unchanged", "moved", "changed", "gone", "unverifiable"), 0)
        for check in self.checks:
            out[check.status] += 1
        return out

    @property
    def changed(self) -> bool:
        """Whether any quote moved, changed or is gone."""
        return any(c.status in ("moved", "changed", "gone") for c in self.checks)


def _texts(corpus: Corpus, against: Mapping[str, str | os.PathLike[str]], folders: list[Path]) -> dict[str, tuple[str, str] | str]:
    """Each document's text to check against, as (path, text), or the reason there is none."""
    out: dict[str, tuple[str, str] | str] = {}
    for doc in corpus.documents.values():
        given = against.get(doc.id)
        path: Path | None = Path(given) if given is not None else None
        if path is None and doc.fulltext is not None:
            path = find_fulltext(doc, folders)
        if path is None:
            out[doc.id] = (
                "the document records no full text" if doc.fulltext is None else "its full-text file is not in any full-text folder"
            )
            continue
        try:
            out[doc.id] = (str(path), path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            out[doc.id] = f"cannot read {path}: {exc}"
    return out


def _check(ref: QuoteRef, anchor: Anchor | None, text: tuple[str, str] | str | None) -> QuoteCheck:
    def made(**more: Any) -> QuoteCheck:
        return QuoteCheck(quote=ref.key, record=ref.record, document=ref.document, **more)

    if not isinstance(text, tuple):
        return made(status="unverifiable", reason=text or "the document is not in the corpus")
    path, body = text
    if anchor is None:
        return made(status="unverifiable", against=path, reason="the quote has no stored anchor and was not found in a verified full text")
    old = (anchor.start, anchor.end) if anchor.start is not None and anchor.end is not None else None
    located = locate(body, anchor.exact, prefix=anchor.prefix, suffix=anchor.suffix, start=anchor.start)
    new = (located.start, located.end) if located.start is not None and located.end is not None else None
    if located.status == "changed":
        return made(
            status="changed", against=path, old=old, new=new, found=located.found, diff=word_diff(anchor.exact, located.found or "")
        )
    return made(status=located.status, against=path, old=old, new=new)


def _message(check: QuoteCheck) -> str:
    where = f" in {check.against}" if check.against else ""
    if check.status == "moved":
        return f"{check.quote}: the quote moved{where}, from characters {_span(check.old)} to {_span(check.new)}"
    if check.status == "changed":
        return f"{check.quote}: the quote's words changed{where} (characters {_span(check.new)}): {check.diff}"
    if check.status == "gone":
        return f"{check.quote}: neither the quote nor its surroundings are{where} any more"
    return f"{check.quote}: cannot be verified: {check.reason}"


def _span(span: tuple[int, int] | None) -> str:
    return f"{span[0]}-{span[1]}" if span else "?"


def verify_sources(
    corpus: Corpus, *, against: Mapping[str, str | os.PathLike[str]] | None = None, fulltext_paths: Sequence[str | os.PathLike[str]] = ()
) -> DriftReport:
    """Find every quote of ``corpus`` (drafts included) again in its document's current text, or in the
    copy ``against`` gives for the document (document id → file); ``fulltext_paths`` adds folders to
    search for full texts besides the config's."""
    folders: list[Path] = [corpus.root / p for p in corpus.config.fulltext_paths] + [Path(p) for p in fulltext_paths]
    texts = _texts(corpus, dict(against or {}), folders)
    checks: list[QuoteCheck] = []
    problems: list[Problem] = []
    for ref in quotes(corpus):
        check = _check(ref, ref.stored or anchor_of(corpus, ref), texts.get(ref.document))
        checks.append(check)
        if check.status in CODES:
            file, ptr = ref.located()
            problems.append(Problem(code=CODES[check.status], message=_message(check), file=file, pointer=ptr, record=ref.record))
    return DriftReport(checks=tuple(checks), problems=tuple(problems))


def resolve_against(corpus: Corpus, specs: Sequence[str]) -> dict[str, Path]:
    """The copies to check documents against, by document id, from ``DOC=FILE``, a folder (its files
    named as documents' full-text files) or a file (named as one document's full-text file).

    Raises :class:`UsageError` for an unknown document, or a file or folder that names none."""
    out: dict[str, Path] = {}
    by_file: dict[str, list[str]] = {}
    for doc in corpus.documents.values():
        if doc.fulltext is not None and doc.fulltext.file:
            by_file.setdefault(doc.fulltext.file, []).append(doc.id)
    for spec in specs:
        doc_id, sep, file = spec.partition("=")
        if sep and doc_id in corpus.documents:
            out[doc_id] = Path(file)
            continue
        if sep and not Path(spec).exists():
            raise UsageError(f"--against {spec!r}: no document {doc_id!r} in the corpus{did_you_mean(doc_id, list(corpus.documents))}")
        path = Path(spec)
        if path.is_dir():
            found = {d: path / name for name, docs in by_file.items() for d in docs if (path / name).is_file()}
            if not found:
                raise UsageError(
                    f"--against {spec!r}: the folder holds no file named as a document's full text ({', '.join(sorted(by_file)) or 'none recorded'})"
                )
            out.update(found)
        elif path.name in by_file:
            out.update(dict.fromkeys(by_file[path.name], path))
        else:
            raise UsageError(f"--against {spec!r}: no document's full text is named {path.name!r}; give the document as DOC=FILE")
    return out
