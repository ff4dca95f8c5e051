"""The annotations export as Web Annotation tools read it: each quote one W3C Web Annotation, valid
against the model's MUSTs (tests/data/consumers/web-annotation.schema.json), parsed as RDF with rdflib,
and re-anchored from its selectors the way annotation clients do."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from support import DATA, FULL

import claimcheck
from claimcheck.core.anchors import locate
from claimcheck.interop import export

CONSUMERS = DATA / "consumers"
OA = "http://www.w3.org/ns/oa#"


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The full fixture's annotations, as the exporter writes them."""
    out = tmp_path_factory.mktemp("anno") / "anno.jsonld"
    result = export(claimcheck.load(FULL), "annotations", out, base_url="https://gazette.example/site")
    assert result.count == 9
    assert [p.code for p in result.problems] == ["export-unanchored"]  # the radio interview has no full text
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_each_annotation_meets_the_models_musts(collection: dict[str, Any]) -> None:
    """Every item validates against the MUSTs, once given the collection's context as a stand-alone annotation would carry it."""
    schema = json.loads((CONSUMERS / "web-annotation.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    items = collection["first"]["items"]
    assert len(items) == collection["total"]
    for item in items:
        errors = [e.message for e in validator.iter_errors({"@context": collection["@context"], **item})]
        assert errors == [], item["id"]
    ids = [i["id"] for i in items]
    assert len(set(ids)) == len(ids)


def test_selectors_re_anchor_in_the_full_text(collection: dict[str, Any]) -> None:
    """TextPositionSelector offsets (code points) give back the TextQuoteSelector's exact words in the full text."""
    texts = {
        "https://gazette.example/2024/03/04/ferry-fares": (FULL / "texts" / "ferry-fares.txt").read_text(encoding="utf-8"),
        "https://council.example/minutes/2024-01-14": (FULL / "texts" / "council-minutes.txt").read_text(encoding="utf-8"),
    }
    anchored = 0
    for item in collection["first"]["items"]:
        targets = item["target"] if isinstance(item["target"], list) else [item["target"]]
        target = targets[0]
        selectors = target["selector"] if isinstance(target["selector"], list) else [target["selector"]]
        quote = next(s for s in selectors if s["type"] == "TextQuoteSelector")
        position = next((s for s in selectors if s["type"] == "TextPositionSelector"), None)
        if position is None:
            continue
        text = texts[target["source"]]
        assert text[position["start"] : position["end"]] == quote["exact"]
        assert text[: position["start"]].endswith(quote.get("prefix", ""))
        assert text[position["end"] :].startswith(quote.get("suffix", ""))
        moved = "\n\nA paragraph added at the top.\n" + text
        assert locate(moved, quote["exact"], prefix=quote["prefix"], suffix=quote["suffix"], start=position["start"]).status == "moved"
        anchored += 1
    assert anchored == 8


def test_a_quote_in_a_recording_targets_the_clip(collection: dict[str, Any]) -> None:
    """An appearance with media also targets the audio file with a Media Fragments selector."""
    item = next(i for i in collection["first"]["items"] if i["id"].endswith("hiding.html#appearance-1"))
    clip = item["target"][1]
    assert clip["source"] == "https://radio.example/2024-03-06/morning.mp3"
    assert clip["selector"] == {"type": "FragmentSelector", "conformsTo": "http://www.w3.org/TR/media-frags/", "value": "t=65,80.5"}


# rdflib 7's JSON-LD parser builds a ConjunctiveGraph internally and warns about it
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_annotations_parse_as_rdf(collection: dict[str, Any]) -> None:
    """rdflib reads the export (its context supplied locally, as the published one is on the web) into oa: triples."""
    rdflib = pytest.importorskip("rdflib")
    context = json.loads((CONSUMERS / "anno-terms.jsonld").read_text(encoding="utf-8"))["@context"]
    doc = {**collection, "@context": context}
    graph = rdflib.Graph().parse(data=json.dumps(doc), format="json-ld")
    oa = rdflib.Namespace(OA)
    annotations = set(graph.subjects(rdflib.RDF.type, oa.Annotation))
    assert len(annotations) == collection["total"]
    starts = list(graph.objects(None, oa.start))
    assert len(starts) == 8
    assert all(s.datatype == rdflib.XSD.nonNegativeInteger for s in starts)
    exact = {str(o) for o in graph.objects(None, oa.exact)}
    assert "Nordvik Ferries will raise its fares by 12 percent in April" in exact
    for annotation in annotations:
        assert (annotation, oa.hasTarget, None) in graph
        assert (annotation, oa.motivatedBy, None) in graph


def test_cli_export_annotations(tmp_path: Path) -> None:
    """`claimcheck export --to annotations` writes the collection and reports the count."""
    from click.testing import CliRunner

    from claimcheck.cli import main

    out = tmp_path / "a.jsonld"
    result = CliRunner().invoke(
        main, ["export", str(FULL), "--to", "annotations", "-o", str(out), "--format", "json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["count"] == 9
    assert json.loads(out.read_text(encoding="utf-8"))["type"] == "AnnotationCollection"
