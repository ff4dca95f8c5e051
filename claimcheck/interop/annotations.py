"""``claimcheck export --to annotations``: every quote as a W3C Web Annotation (JSON-LD), the form
Hypothesis and annotation tools read, so a quote can be found again in its document.

One annotation per quote (claims' appearances, then relations' quoted evidence), gathered in an
``AnnotationCollection`` whose ``first`` page lists them. Each targets its document (the url, else the
archive url, else its IRI) with a ``TextQuoteSelector`` (``exact``, and the 32 characters of
``prefix`` and ``suffix`` around it) and a ``TextPositionSelector`` (``start``, ``end``, in code points),
taken from the verified full text or the stored anchor; a quote with neither has the quote alone as
its ``exact`` (``export-unanchored``). Words in a recording (an appearance's ``media``) also target the
audio or video file with a Media Fragments selector (``t=65,80.5``). An appearance is ``identifying`` its claim; quoted evidence is
``assessing`` the claim it bears on, its body saying how.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from claimcheck.analysis.anchoring import QuoteRef, anchor_of, quotes
from claimcheck.core import atomic
from claimcheck.core.problems import Problem
from claimcheck.interop.iris import entity_iri, iri
from claimcheck.interop.json_format import dumps
from claimcheck.interop.registry import Exporter, ExportOptions
from claimcheck.model.corpus import Corpus
from claimcheck.publish.urls import http_url

__all__ = ["CONTEXT", "export_annotations", "to_annotations"]

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
VERBS = {
    "supports": "Supports",
    "contradicts": "Contradicts",
    "denies": "Denies",
    "qualifies": "Qualifies",
    "context": "Gives context to",
    "responds-to": "Responds to",
}


def _creator(corpus: Corpus) -> dict[str, Any] | None:
    pub = corpus.config.publisher
    if pub is None:
        return None
    node: dict[str, Any] = {"type": "Organization", "name": pub.name}
    if pub.url:
        node["homepage"] = pub.url
    same = [u for u in map(entity_iri, pub.same_as) if u]
    if same:
        node["id"] = same[0]
    return node


def _target(corpus: Corpus, ref: QuoteRef, base_url: str | None) -> tuple[dict[str, Any], bool]:
    doc = corpus.documents.get(ref.document)
    source = (http_url(doc.url) or http_url(doc.archive_url)) if doc else None
    anchor = anchor_of(corpus, ref)
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": anchor.exact if anchor else ref.quote}
    selectors: list[dict[str, Any]] = [quote]
    if anchor is not None:
        quote.update({k: v for k, v in (("prefix", anchor.prefix), ("suffix", anchor.suffix)) if v})
        if anchor.start is not None and anchor.end is not None and anchor.start <= anchor.end:
            selectors.append({"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end})
    target: dict[str, Any] = {"type": "SpecificResource", "source": source or iri("document", ref.document, base_url)}
    target["selector"] = selectors if len(selectors) > 1 else quote
    if doc is not None and doc.archive_url and source != doc.archive_url and doc.date is not None and not doc.date.is_interval:
        target["state"] = {"type": "TimeState", "cached": doc.archive_url, "sourceDate": _datetime(doc.date.text)}
    return target, anchor is not None


def _datetime(date: str) -> str:
    """A date of the corpus as the xsd:dateTime TimeState needs: its first moment, UTC."""
    parts = [*date.split("-"), "01", "01"][:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def _annotation(corpus: Corpus, ref: QuoteRef, base_url: str | None) -> tuple[dict[str, Any], bool]:
    target, anchored = _target(corpus, ref, base_url)
    if ref.kind == "appearance":
        claim = corpus.claims[ref.record]
        motivation = "identifying"
        text = f"{corpus.source_name(claim.speaker)}: {claim.text}"
        about = iri("claim", claim.id, base_url)
    else:
        rel = corpus.relations[ref.record]
        claim = corpus.claims[rel.target]
        motivation = "assessing"
        text = f"{VERBS.get(rel.type, rel.type)} the claim: {claim.text}"
        about = iri("claim", claim.id, base_url)
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "value": text, "format": "text/plain", "purpose": motivation},
        {"type": "SpecificResource", "source": about, "purpose": "linking"},
    ]
    targets: list[dict[str, Any]] = [target]
    media = corpus.claims[ref.record].appearances[ref.index or 0].media if ref.kind == "appearance" else None
    if media is not None and http_url(media.url):
        # the words in the recording: a Media Fragments selector (t=start,end, seconds)
        clip: dict[str, Any] = {"type": "SpecificResource", "source": media.url or ""}
        if media.start is not None or media.end is not None:
            span = f"t={_seconds(media.start) if media.start is not None else ''}" + (
                f",{_seconds(media.end)}" if media.end is not None else ""
            )
            clip["selector"] = {"type": "FragmentSelector", "conformsTo": "http://www.w3.org/TR/media-frags/", "value": span}
        targets.append(clip)
    node: dict[str, Any] = {
        "id": iri("claim" if ref.kind == "appearance" else "relation", ref.record, base_url, _part(ref)),
        "type": "Annotation",
        "motivation": motivation,
        "body": body,
        "target": targets if len(targets) > 1 else target,
    }
    creator = _creator(corpus)
    if creator is not None:
        node["creator"] = creator
    return node, anchored


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _part(ref: QuoteRef) -> str:
    return f"appearance-{ref.index}" if ref.kind == "appearance" else "evidence"


def to_annotations(corpus: Corpus, *, base_url: str | None = None, include_drafts: bool = False) -> tuple[dict[str, Any], list[Problem]]:
    """The AnnotationCollection of every quote of the published corpus (all of it with drafts), and the quotes unanchored."""
    corpus = corpus.view(include_drafts=include_drafts)
    items: list[dict[str, Any]] = []
    problems: list[Problem] = []
    for ref in quotes(corpus):
        node, anchored = _annotation(corpus, ref, base_url)
        items.append(node)
        if not anchored:
            file, ptr = ref.located()
            problems.append(
                Problem(
                    code="export-unanchored",
                    message=f"{ref.key}: no full text at hand and no stored anchor for document {ref.document!r}: the annotation selects the quote by its words alone",
                    file=file,
                    pointer=ptr,
                    record=ref.record,
                )
            )
    collection: dict[str, Any] = {
        "@context": CONTEXT,
        "id": iri("collection", "annotations", base_url),
        "type": "AnnotationCollection",
        "label": f"Quotes of {corpus.config.title or 'the corpus'}",
        "total": len(items),
    }
    if items:
        collection["first"] = {"type": "AnnotationPage", "startIndex": 0, "items": items}
    return collection, problems


def export_annotations(
    corpus: Corpus, out: str | os.PathLike[str], *, base_url: str | None = None, include_drafts: bool = False
) -> tuple[int, list[Problem]]:
    """Write the Web Annotation JSON-LD (atomically); returns the number of annotations and the problems."""
    collection, problems = to_annotations(corpus, base_url=base_url, include_drafts=include_drafts)
    atomic.write_text(out, dumps(collection))
    return int(collection["total"]), problems


def _export(corpus: Corpus, out: Path, options: ExportOptions) -> tuple[int, list[Problem]]:
    return export_annotations(corpus, out, base_url=options.base_url, include_drafts=options.include_drafts)


EXPORTER = Exporter(
    name="annotations",
    description="W3C Web Annotation JSON-LD, one annotation per quote with its text-quote and text-position selectors",
    write=_export,
    unit="annotations",
)
