"""``claimcheck export --to prov`` (JSON-LD) and ``--to prov-turtle``: sources, documents, quotes and
attribution chains in the W3C PROV Ontology, so linked-data tools can follow who said what to whom.

* a source is a ``prov:Agent`` (and ``prov:Person`` or ``prov:Organization``), with ``rdfs:label``,
  ``rdfs:seeAlso`` its url and ``owl:sameAs`` its ``same_as`` entries;
* a document is a ``prov:Entity`` attributed (``prov:wasAttributedTo``) to its publisher and authors,
  ``dcterms:issued`` its date at its precision, ``rdfs:seeAlso`` its url, ``prov:alternateOf`` its
  archived copy; a reprint ``prov:hadPrimarySource`` the original, ``based_on`` is ``prov:wasDerivedFrom``;
* an appearance's quote is a ``prov:Entity`` with ``prov:value`` the words as printed,
  ``dcterms:isPartOf`` its document, ``prov:specializationOf`` its claim; its attribution chain is a
  line of entities, the words as each party gave them, each ``prov:wasAttributedTo`` that party, and
  each link says how the words reached the next one: ``prov:wasQuotedFrom`` (with a qualified
  ``prov:Quotation``) for ``direct-quote``, ``prov:wasDerivedFrom`` for ``paraphrase`` and
  ``unnamed-source``, ``prov:hadPrimarySource`` the cited document (with a qualified
  ``prov:PrimarySource``) for ``cites-document``; ``cc:mode`` records the mode on each qualified influence;
* a relation's quoted evidence is a ``prov:Entity`` ``prov:wasQuotedFrom`` its document (qualified too)
  and attributed to the document's publisher;
* a claim is a ``prov:Entity`` attributed to its speaker, with ``rdfs:label`` its text.

Record IRIs are those of :mod:`claimcheck.interop.iris`. The JSON-LD carries its own context (no
remote document is needed to read it); the Turtle holds the same triples, written from the same
nodes (the tests parse both with rdflib and compare the graphs).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from claimcheck.core import atomic
from claimcheck.core.problems import Problem
from claimcheck.interop.iris import entity_iri, iri
from claimcheck.interop.json_format import dumps
from claimcheck.interop.registry import Exporter, ExportOptions
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Appearance, Claim, Document, Source
from claimcheck.publish.urls import http_url

__all__ = ["CONTEXT", "export_prov", "export_prov_turtle", "to_prov", "to_turtle"]

CONTEXT: dict[str, Any] = {
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
    "cc": "https://claimcheck.invalid/vocab#",
}
_DATE_TYPES = {4: "xsd:gYear", 7: "xsd:gYearMonth", 10: "xsd:date"}


def _ref(value: str) -> dict[str, str]:
    return {"@id": value}


def _date(text: str) -> dict[str, str]:
    return {"@value": text, "@type": _DATE_TYPES[len(text)]}


class _Graph:
    def __init__(self, corpus: Corpus, base_url: str | None) -> None:
        self.corpus = corpus
        self.base = base_url
        self.nodes: list[dict[str, Any]] = []

    def iri(self, kind: str, record_id: str, part: str | None = None) -> str:
        return iri(kind, record_id, self.base, part)

    def source(self, src: Source) -> None:
        node: dict[str, Any] = {
            "@id": self.iri("source", src.id),
            "@type": ["prov:Agent", "prov:Person" if src.kind == "person" else "prov:Organization"],
            "rdfs:label": src.name,
        }
        if http_url(src.url):
            node["rdfs:seeAlso"] = _ref(src.url or "")
        if src.same_as:
            node["owl:sameAs"] = [_ref(u) for u in map(entity_iri, src.same_as) if u]
        for whole in src.part_of:
            node.setdefault("dcterms:isPartOf", []).append(_ref(self.iri("source", whole)))
        for party in src.represents:
            node.setdefault("prov:actedOnBehalfOf", []).append(_ref(self.iri("source", party)))
        self.nodes.append(node)

    def document(self, doc: Document) -> None:
        node: dict[str, Any] = {"@id": self.iri("document", doc.id), "@type": "prov:Entity", "rdfs:label": doc.title, "cc:kind": doc.kind}
        agents = [a for a in (doc.publisher, *doc.authors) if a]
        if agents:
            node["prov:wasAttributedTo"] = [_ref(self.iri("source", a)) for a in dict.fromkeys(agents)]
        if doc.date is not None and not doc.date.is_interval:
            node["dcterms:issued"] = _date(doc.date.text)
        if http_url(doc.url):
            node["rdfs:seeAlso"] = _ref(doc.url or "")
        if http_url(doc.archive_url):
            node["prov:alternateOf"] = _ref(doc.archive_url or "")
        if doc.reprints:
            original = self.iri("document", doc.reprints)
            node["prov:hadPrimarySource"] = _ref(original)
            node["prov:qualifiedPrimarySource"] = {"@type": "prov:PrimarySource", "prov:entity": _ref(original)}
        if doc.based_on:
            node["prov:wasDerivedFrom"] = [_ref(self.iri("document", d)) for d in doc.based_on]
        self.nodes.append(node)

    def claim(self, claim: Claim) -> None:
        node: dict[str, Any] = {
            "@id": self.iri("claim", claim.id),
            "@type": "prov:Entity",
            "rdfs:label": claim.text,
            "cc:kind": claim.kind,
            "prov:wasAttributedTo": _ref(self.iri("source", claim.speaker)),
        }
        self.nodes.append(node)
        for i, app in enumerate(claim.appearances):
            self.appearance(claim, i, app)

    def _link(self, node: dict[str, Any], mode: str, earlier: str, cited: str | None) -> None:
        """How the words of ``node`` came from the entity ``earlier`` (the words as the previous party gave them)."""
        if mode == "direct-quote":
            node["prov:wasQuotedFrom"] = _ref(earlier)
            node["prov:qualifiedQuotation"] = {"@type": "prov:Quotation", "prov:entity": _ref(earlier), "cc:mode": mode}
        elif mode == "cites-document" and cited is not None:
            node["prov:hadPrimarySource"] = _ref(cited)
            node["prov:qualifiedPrimarySource"] = {"@type": "prov:PrimarySource", "prov:entity": _ref(cited), "cc:mode": mode}
            node["prov:wasDerivedFrom"] = _ref(earlier)
        else:
            node["prov:wasDerivedFrom"] = _ref(earlier)
            node["prov:qualifiedDerivation"] = {"@type": "prov:Derivation", "prov:entity": _ref(earlier), "cc:mode": mode}

    def appearance(self, claim: Claim, i: int, app: Appearance) -> None:
        chain = claim.chains()[i]
        doc = self.corpus.documents.get(app.document)
        quote_iri = self.iri("claim", claim.id, f"appearance-{i}")
        quote: dict[str, Any] = {
            "@id": quote_iri,
            "@type": "prov:Entity",
            "prov:value": app.quote,
            "dcterms:isPartOf": _ref(self.iri("document", app.document)),
            "prov:specializationOf": _ref(self.iri("claim", claim.id)),
            "prov:wasAttributedTo": _ref(self.iri("source", doc.publisher if doc and doc.publisher else chain[-1].source)),
        }
        if app.locator:
            quote["cc:locator"] = app.locator
        if app.original is not None:
            quote["cc:originalText"] = {"@value": app.original.text, "@language": app.original.language}
        if app.media is not None and http_url(app.media.url):
            quote["cc:media"] = _ref(app.media.url or "")
        earlier: str | None = None
        for j, hop in enumerate(chain):
            words = {
                "@id": self.iri("claim", claim.id, f"appearance-{i}-hop-{j}"),
                "@type": "prov:Entity",
                "rdfs:label": f"the words as {self.corpus.source_name(hop.source)} gave them",
                "prov:wasAttributedTo": _ref(self.iri("source", hop.source)),
            }
            if earlier is not None:
                previous = chain[j - 1]
                self._link(words, previous.mode, earlier, self.iri("document", previous.document) if previous.document else None)
            self.nodes.append(words)
            earlier = str(words["@id"])
        last = chain[-1]
        assert earlier is not None
        self._link(quote, last.mode, earlier, self.iri("document", last.document) if last.document else None)
        self.nodes.append(quote)

    def evidence(self) -> None:
        for rel in self.corpus.relations.values():
            if rel.evidence is None:
                continue
            doc = self.corpus.documents.get(rel.evidence.document)
            source = self.iri("document", rel.evidence.document)
            node: dict[str, Any] = {
                "@id": self.iri("relation", rel.id, "evidence"),
                "@type": "prov:Entity",
                "prov:value": rel.evidence.quote,
                "dcterms:isPartOf": _ref(source),
                "prov:wasQuotedFrom": _ref(source),
                "prov:qualifiedQuotation": {"@type": "prov:Quotation", "prov:entity": _ref(source)},
                "prov:wasAttributedTo": _ref(self.iri("source", doc.publisher)) if doc and doc.publisher else None,
                "cc:bearsOn": _ref(self.iri("claim", rel.target)),
                "cc:relation": rel.type,
            }
            if node["prov:wasAttributedTo"] is None:
                del node["prov:wasAttributedTo"]
            self.nodes.append(node)


def to_prov(corpus: Corpus, *, base_url: str | None = None, include_drafts: bool = False) -> dict[str, Any]:
    """The PROV-O JSON-LD document of the published corpus (every claim with drafts)."""
    corpus = corpus.view(include_drafts=include_drafts)
    graph = _Graph(corpus, base_url)
    for src in corpus.sources.values():
        graph.source(src)
    for doc in corpus.documents.values():
        graph.document(doc)
    for claim in corpus.claims.values():
        graph.claim(claim)
    graph.evidence()
    return {"@context": CONTEXT, "@graph": graph.nodes}


def export_prov(corpus: Corpus, out: str | os.PathLike[str], *, base_url: str | None = None, include_drafts: bool = False) -> int:
    """Write the PROV-O JSON-LD (atomically); returns the number of nodes."""
    doc = to_prov(corpus, base_url=base_url, include_drafts=include_drafts)
    atomic.write_text(out, dumps(doc))
    return len(doc["@graph"])


_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_IRI_FORBIDDEN = set('<>"{}|^`\\') | {chr(c) for c in range(0x21)}


def _turtle_iri(value: str) -> str:
    """An IRI as Turtle writes it: a prefixed name (``prov:Agent``), else ``<...>`` with a character IRIs
    may not hold as a ``\\u`` escape."""
    prefix, _, local = value.partition(":")
    if prefix in CONTEXT:  # a compact IRI of the context: written as the prefixed name it is
        return value if _LOCAL.match(local) else _turtle_iri(CONTEXT[prefix] + local)
    return "<" + "".join(f"\\u{ord(c):04X}" if c in _IRI_FORBIDDEN else c for c in value) + ">"


def _turtle_string(value: str) -> str:
    out = []
    for c in value:
        if c in ('"', "\\"):
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == "\t":
            out.append("\\t")
        elif ord(c) < 0x20 or ord(c) == 0x7F:
            out.append(f"\\u{ord(c):04X}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def _turtle_term(value: Any, indent: str) -> str:
    if isinstance(value, dict) and "@id" in value:
        return _turtle_iri(value["@id"])
    if isinstance(value, dict) and "@value" in value:
        text = _turtle_string(str(value["@value"]))
        if "@language" in value:
            return f"{text}@{value['@language']}"
        return f"{text}^^{_turtle_iri(value['@type'])}" if "@type" in value else text
    if isinstance(value, dict):  # a node without an id: a blank node
        return "[ " + _turtle_predicates(value, indent + "    ", " ;\n" + indent + "    ") + " ]"
    return _turtle_string(str(value))


def _turtle_predicates(node: dict[str, Any], indent: str, sep: str) -> str:
    parts = []
    kinds = node.get("@type")
    if kinds:
        parts.append("a " + ", ".join(_turtle_iri(k) for k in (kinds if isinstance(kinds, list) else [kinds])))
    for key, value in node.items():
        if key.startswith("@"):
            continue
        values = value if isinstance(value, list) else [value]
        parts.append(_turtle_iri(key) + " " + ", ".join(_turtle_term(v, indent) for v in values))
    return sep.join(parts)


def to_turtle(doc: dict[str, Any]) -> str:
    """The PROV-O JSON-LD document (:func:`to_prov`) as Turtle: the same triples, one subject a block."""
    lines = [f"@prefix {prefix}: <{namespace}> ." for prefix, namespace in CONTEXT.items()]
    for node in doc["@graph"]:
        lines.append("")
        lines.append(_turtle_iri(node["@id"]) + " " + _turtle_predicates(node, "    ", " ;\n    ") + " .")
    return "\n".join(lines) + "\n"


def export_prov_turtle(corpus: Corpus, out: str | os.PathLike[str], *, base_url: str | None = None, include_drafts: bool = False) -> int:
    """Write the PROV-O graph as Turtle (atomically); returns the number of subjects."""
    doc = to_prov(corpus, base_url=base_url, include_drafts=include_drafts)
    atomic.write_text(out, to_turtle(doc))
    return len(doc["@graph"])


def _export(corpus: Corpus, out: Path, options: ExportOptions) -> tuple[int, list[Problem]]:
    return export_prov(corpus, out, base_url=options.base_url, include_drafts=options.include_drafts), []


def _export_turtle(corpus: Corpus, out: Path, options: ExportOptions) -> tuple[int, list[Problem]]:
    return export_prov_turtle(corpus, out, base_url=options.base_url, include_drafts=options.include_drafts), []


EXPORTER = Exporter(
    name="prov",
    description="PROV-O JSON-LD of sources, documents, quotes and attribution chains",
    write=_export,
    unit="nodes",
)
TURTLE_EXPORTER = Exporter(
    name="prov-turtle",
    description="the same PROV-O graph as Turtle",
    write=_export_turtle,
    unit="nodes",
)
