"""Every quote of a corpus with its anchor in the document's full text: taken now from the verified
full text (the offsets the loader found), or else the anchor stored in the record.

Used by the exports that point into documents (FEVER sentence ids, W3C Web Annotations, PROV-O) and by
``claimcheck verify-sources``, which finds each anchor again in a changed or archived copy.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

import attrs

from claimcheck.core.anchors import quote_context, sentence_ids, sentences
from claimcheck.core.problems import pointer
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Anchor, Origin

__all__ = ["QuoteRef", "anchor_of", "quote_sentences", "quotes"]


@attrs.define(frozen=True, kw_only=True)
class QuoteRef:
    """One quote: an appearance of a claim (``kind`` ``appearance``, with its ``index``) or the quoted
    evidence of a relation (``kind`` ``evidence``)."""

    kind: str
    record: str
    index: int | None
    document: str
    quote: str
    #: The JSON pointer of the quote's object inside its record: ``/appearances/0`` or ``/evidence``.
    path: str
    stored: Anchor | None = None
    match: tuple[int, int] | None = None
    origin: Origin | None = None

    @property
    def key(self) -> str:
        """A readable key, unique in the corpus: ``claim-id/appearances/0`` or ``relation-id/evidence``."""
        return self.record + self.path

    def located(self, file: str | None = None) -> tuple[str | None, str]:
        """The file and JSON pointer of the quote in the corpus files, for problems."""
        base = self.origin.pointer if self.origin else ""
        return (self.origin.file if self.origin else file), base + self.path + "/quote"


def quotes(corpus: Corpus) -> Iterator[QuoteRef]:
    """Every quote of the corpus, in corpus order: claims' appearances, then relations' evidence."""
    for claim in corpus.claims.values():
        for i, app in enumerate(claim.appearances):
            yield QuoteRef(
                kind="appearance",
                record=claim.id,
                index=i,
                document=app.document,
                quote=app.quote,
                path=pointer("appearances", i),
                stored=app.anchor,
                match=app.match,
                origin=claim.origin,
            )
    for rel in corpus.relations.values():
        if rel.evidence is not None:
            ev = rel.evidence
            yield QuoteRef(
                kind="evidence",
                record=rel.id,
                index=None,
                document=ev.document,
                quote=ev.quote,
                path="/evidence",
                stored=ev.anchor,
                match=ev.match,
                origin=rel.origin,
            )


def anchor_of(corpus: Corpus, ref: QuoteRef) -> Anchor | None:
    """The quote's anchor: taken from the verified full text where the loader found it, else the stored one."""
    doc = corpus.documents.get(ref.document)
    text = corpus.fulltexts.get(ref.document)
    if doc is not None and doc.fulltext is not None and text is not None and ref.match is not None:
        exact, prefix, suffix = quote_context(text, *ref.match)
        return Anchor(exact=exact, prefix=prefix, suffix=suffix, start=ref.match[0], end=ref.match[1], sha256=doc.fulltext.sha256)
    return ref.stored


def quote_sentences(corpus: Corpus, ref: QuoteRef) -> list[int] | None:
    """The ids (0-based) of the sentences of the document's full text that the quote overlaps, or ``None``
    when the full text is not at hand or the quote was not found in it (see :func:`claimcheck.core.anchors.sentences`)."""
    text = corpus.fulltexts.get(ref.document)
    if text is None or ref.match is None:
        return None
    return sentence_ids(_sentences(text), *ref.match) or None


@functools.lru_cache(maxsize=256)
def _sentences(text: str) -> list[tuple[int, int]]:
    return sentences(text)
