"""The PROV-O export as linked-data tools read it: the JSON-LD and the Turtle parse with rdflib into the
same graph, the graph conforms to SHACL shapes written for it (tests/data/consumers/prov-shapes.ttl,
checked with pyshacl), and an attribution chain can be followed back from the words as printed to
the party that first said them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from support import DATA, FULL

import claimcheck
from claimcheck.interop import export

rdflib = pytest.importorskip("rdflib")
pyshacl = pytest.importorskip("pyshacl")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
SHAPES = DATA / "consumers" / "prov-shapes.ttl"
# rdflib 7's JSON-LD parser builds a ConjunctiveGraph internally, and pyshacl 0.40 reads Dataset.default_context
# and Dataset.identifier: each warns about rdflib's own deprecations, which are not ours to fix
pytestmark = [
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Dataset.identifier is deprecated:DeprecationWarning"),
]


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Any]:
    """The full fixture exported as PROV-O JSON-LD and as Turtle, each parsed by rdflib."""
    out = tmp_path_factory.mktemp("prov")
    corpus = claimcheck.load(FULL)
    export(corpus, "prov", out / "prov.jsonld")
    export(corpus, "prov-turtle", out / "prov.ttl")
    jsonld = rdflib.Graph().parse(out / "prov.jsonld", format="json-ld")
    turtle = rdflib.Graph().parse(out / "prov.ttl", format="turtle")
    return jsonld, turtle


def test_json_ld_and_turtle_are_the_same_graph(graphs: tuple[Any, Any]) -> None:
    """Both serialisations hold the same triples (blank nodes aside)."""
    from rdflib.compare import isomorphic

    jsonld, turtle = graphs
    assert len(jsonld) > 100
    assert isomorphic(jsonld, turtle)


def test_the_graph_conforms_to_the_shapes(graphs: tuple[Any, Any]) -> None:
    """pyshacl finds every shape met; removing one attribution breaks a named shape."""
    graph, _ = graphs
    conforms, _, text = pyshacl.validate(graph, shacl_graph=str(SHAPES))
    assert conforms, text
    broken = rdflib.Graph()
    for triple in graph:
        broken.add(triple)
    quote = rdflib.URIRef("urn:claimcheck:claim:dahl-knew:appearance-0")
    broken.remove((quote, PROV.wasAttributedTo, None))
    conforms, _, text = pyshacl.validate(broken, shacl_graph=str(SHAPES))
    assert not conforms
    assert "wasAttributedTo" in text


def test_a_chain_leads_back_to_the_first_speaker(graphs: tuple[Any, Any]) -> None:
    """From the radio quote, wasQuotedFrom leads to the words of the users' association, attributed to it."""
    graph, _ = graphs
    quote = rdflib.URIRef("urn:claimcheck:claim:hiding:appearance-1")
    (earlier,) = graph.objects(quote, PROV.wasQuotedFrom)
    assert set(graph.objects(earlier, PROV.wasAttributedTo)) == {rdflib.URIRef("urn:claimcheck:source:users-association")}
    (qualified,) = graph.objects(quote, PROV.qualifiedQuotation)
    assert (qualified, PROV.entity, earlier) in graph
    reprint = rdflib.URIRef("urn:claimcheck:document:ferry-reprint")
    assert (reprint, PROV.hadPrimarySource, rdflib.URIRef("urn:claimcheck:document:ferry-article")) in graph
    nordvik = rdflib.URIRef("urn:claimcheck:source:nordvik")
    same = {str(o) for o in graph.objects(nordvik, rdflib.OWL.sameAs)}
    assert same == {"http://www.wikidata.org/entity/Q12345678", "https://nordvik.example/"}


def test_the_json_ld_needs_no_remote_context(tmp_path: Path) -> None:
    """The context is inline: parsing touches no network (a remote context would raise offline)."""
    out = export(claimcheck.load(FULL), "prov", tmp_path / "p.jsonld").path
    context = json.loads(out.read_text(encoding="utf-8"))["@context"]
    assert isinstance(context, dict)
    assert all(isinstance(v, str) and v.startswith("http") for v in context.values())


def test_turtle_escapes_what_turtle_would_read_as_syntax(tmp_path: Path) -> None:
    """Literals holding quotes, backslashes, line breaks and control characters, and IRIs holding characters
    IRIs may not, come back from rdflib's Turtle parser as they were."""
    from claimcheck.interop.prov import to_turtle

    hostile = 'a "quoted" \\back\\slash, a line\nbreak, a tab\t, a bell \x07 and """triple""" quotes'
    odd = "https://example.org/a{b}|c^d`e\\f"
    doc = {"@context": {}, "@graph": [{"@id": odd, "@type": "prov:Entity", "prov:value": hostile, "rdfs:seeAlso": {"@id": odd}}]}
    graph = rdflib.Graph().parse(data=to_turtle(doc), format="turtle")
    (value,) = graph.objects(None, PROV.value)
    assert str(value) == hostile
    (subject,) = graph.subjects(PROV.value, None)
    assert str(subject) == odd
