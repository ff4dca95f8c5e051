"""The one ClaimReview builder (claim pages and `export --to claimreview`): the config's publisher as
author with the policies IFCN signatories publish, sameAs for entity ids, a Clip for words in a
recording, and dateModified from the latest correction; and the import reading them back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support import FULL, empty_corpus

import claimcheck
from claimcheck.interop import export, import_into
from claimcheck.interop.claimreview_export import to_claimreview


def _by_claim(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {node["url"].rsplit("/", 1)[-1].removesuffix(".html"): node for node in doc["@graph"]}


def test_the_publisher_is_the_author_with_its_policies() -> None:
    """With a publisher in the config, every ClaimReview's author is that Organization, logo and policies included."""
    doc, problems = to_claimreview(claimcheck.load(FULL), base_url="https://gazette.example/site")
    assert problems == []
    author = doc["@graph"][0]["author"]
    assert author == {
        "@type": "Organization",
        "name": "Harbour Gazette Fact Desk",
        "url": "https://gazette.example/factcheck",
        "logo": {"@type": "ImageObject", "url": "https://gazette.example/logo.png"},
        "publishingPrinciples": "https://gazette.example/principles",
        "correctionsPolicy": "https://gazette.example/corrections",
        "sameAs": ["http://www.wikidata.org/entity/Q4115189", "https://twitter.com/gazettefacts"],
    }
    assert all("creator" not in node for node in doc["@graph"])  # the reviewer is the publisher itself


def test_date_modified_comes_from_the_latest_correction() -> None:
    """The review corrected on 9 March has dateModified 2024-03-09; a document corrected before the review adds none."""
    nodes = _by_claim(to_claimreview(claimcheck.load(FULL), base_url="https://gazette.example/site")[0])
    assert nodes["hiding"]["dateModified"] == "2024-03-09"
    assert nodes["hiding"]["datePublished"] == "2024-03-07"
    assert "dateModified" not in nodes["fare-rise"]  # its article was corrected on the 5th, before the review of the 7th


def test_entity_ids_and_clips_are_carried() -> None:
    """Parties carry sameAs (a QID as its Wikidata entity); words in a recording give their work a Clip."""
    nodes = _by_claim(to_claimreview(claimcheck.load(FULL), base_url="https://gazette.example/site")[0])
    speaker = nodes["fare-rise"]["itemReviewed"]["author"]
    assert speaker["sameAs"] == ["http://www.wikidata.org/entity/Q12345678", "https://nordvik.example/"]
    radio = next(w for w in nodes["hiding"]["itemReviewed"]["appearance"] if w["name"].startswith("Morning interview"))
    assert radio["hasPart"] == {
        "@type": "Clip",
        "url": "https://radio.example/2024-03-06/morning.mp3",
        "startOffset": 65,
        "endOffset": 80.5,
    }


def test_the_import_reads_them_back_and_exports_them_again(tmp_path: Path) -> None:
    """Imported, the Clip is the appearance's media, sameAs the sources' same_as, dateModified an update; exported again, the same."""
    first = export(claimcheck.load(FULL), "claimreview", tmp_path / "first.jsonld", base_url="https://gazette.example/site").path
    target = empty_corpus(tmp_path / "c")
    report = import_into([first], "claimreview", target / "imported.yaml")
    assert report.written, [p.format() for p in report.problems]
    corpus = claimcheck.load(target)
    assert [p.format() for p in corpus.problems if p.severity >= claimcheck.Severity.ERROR] == []
    hiding = next(c for c in corpus.claims.values() if c.text.startswith("Nordvik Ferries hid"))
    media = [a.media for a in hiding.appearances if a.media]
    assert [(m.url, m.start, m.end) for m in media] == [("https://radio.example/2024-03-06/morning.mp3", 65, 80.5)]
    nordvik = next(s for s in corpus.sources.values() if s.name == "Nordvik Ferries")
    assert nordvik.same_as == ("http://www.wikidata.org/entity/Q12345678", "https://nordvik.example/")
    review = next(r for r in corpus.reviews.values() if r.claim == hiding.id)
    assert [(c.date.text, c.kind) for c in review.corrections] == [("2024-03-09", "update")]
    second = _by_claim(to_claimreview(corpus)[0])
    assert second["hiding"]["dateModified"] == "2024-03-09"
    assert (
        second["hiding"]["itemReviewed"]["appearance"]
        == _by_claim(to_claimreview(claimcheck.load(FULL), base_url="https://gazette.example/site")[0])["hiding"]["itemReviewed"][
            "appearance"
        ]
    )
