"""ClaimReview and MediaReview markup as fact-checkers publish it (tests/data/claimreview_wild, with the
reviews each file holds written down by hand in expected.yaml, and the four samples of
../shared/fixtures/claimreview): every review is kept, with its claim, verdict and URL, and the
import writes a corpus that loads without errors."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import DATA, FIXTURES, empty_corpus

import claimcheck
from claimcheck.interop import import_into, read_import

WILD = DATA / "claimreview_wild"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load((WILD / "expected.yaml").read_text(encoding="utf-8"))
#: The shared samples, read by hand the same way (claim, verdict label, url).
SHARED: dict[str, list[dict[str, Any]]] = {
    "20minutes_2022.jsonld": [
        {
            "claim": "Le rôle de l'URSS dans la victoire de la Seconde guerre mondiale est minimisée à l'école",
            "rating_label": "really_false",
            "url": "https://www.20minutes.fr/monde/ukraine/3288079-20220511-guerre-ukraine-role-urss-pendant-seconde-guerre-mondiale-sous-estime-enseignement-france",
        }
    ],
    "afp_factcheck_2020.jsonld": [
        {
            "claim": "The US Centers for Disease Control and Prevention lied about the number of deaths caused by COVID-19 by combining the count with pneumonia and influenza fatalities",
            "rating_label": "False",
            "url": "https://factcheck.afp.com/cdc-does-not-add-flu-and-pneumonia-deaths-covid-19-toll",
        }
    ],
    "africacheck_2020.jsonld": [
        {
            "claim": "Interferon alpha-2b a Covid-19 ‘vaccine’",
            "rating_label": "Incorrect",
            "url": "https://africacheck.org/fact-checks/reports/south-african-mayor-incorrect-about-covid-19-vaccine",
        }
    ],
    "thequint_2020.jsonld": [
        {
            "claim": "Last Tweets of Sushant Singh Rajput shared on 14 June",
            "rating_label": "False",
            "url": "https://www.thequint.com/news/webqoof/are-these-last-tweets-of-sushant-singh-rajput-no-images-are-fake-fact-check",
        }
    ],
}
CASES = [(WILD / name, spec["reviews"]) for name, spec in EXPECTED.items()] + [(FIXTURES / name, revs) for name, revs in SHARED.items()]


def _claim(expected: dict[str, Any]) -> str:
    """The claim text as the importer keeps it: claimReviewed (else the MediaReview's interpreted claim),
    trimmed, HTML character references decoded (expected.yaml copies them verbatim)."""
    text = expected.get("claim") or expected.get("interpreted_claim")
    assert text, expected
    return html.unescape(text).strip()


def _url(given: str) -> str:
    """The review url as kept: a url published without a scheme is read as https."""
    return given if given.startswith(("http://", "https://")) else "https://" + given


@pytest.mark.parametrize(("path", "expected"), CASES, ids=[p.name for p, _ in CASES])
def test_every_published_review_is_kept_with_its_claim_verdict_and_url(path: Path, expected: list[dict[str, Any]], tmp_path: Path) -> None:
    """Each file imports with exactly the reviews read by hand; each has the expected claim, verdict label, url and media."""
    result = read_import([path], "claimreview")
    records = result.records
    claims = {c["id"]: c for c in records["claims"]}
    documents = {d["id"]: d for d in records["documents"]}
    scales = {s["id"]: {v["id"]: v for v in s["values"]} for s in result.scales}
    assert len(records["reviews"]) == len(expected), [p.format() for p in result.problems]
    for review, want in zip(records["reviews"], expected, strict=True):
        claim = claims[review["claim"]]
        assert claim["text"] == _claim(want)
        assert review["url"] == _url(want["url"])
        label = scales[review["scale"]][review["verdict"]]["label"]
        if want.get("rating_label"):
            assert label == " ".join(want["rating_label"].split())
        elif want.get("media_authenticity_category"):
            assert label.replace(" ", "").lower() == want["media_authenticity_category"].lower()
        else:  # neither a label nor a category: the numeric rating names the verdict
            assert str(want["rating_value"]) in label
        urls = [documents[a["document"]].get("url") for a in claim["appearances"]]
        for appearance_url in want.get("appearance_urls") or []:
            assert appearance_url in urls
        if want.get("media_url"):
            assert want["media_url"] in [a.get("media", {}).get("url") for a in claim["appearances"]]
        if want.get("date_published"):
            assert review["date"] == want["date_published"][:10]
    target = empty_corpus(tmp_path / "c")
    report = import_into([path], "claimreview", target / "imported.yaml")
    assert report.count == 0 or report.written, [p.format() for p in report.problems]
    if report.written:
        corpus = claimcheck.load(target)
        assert [p.format() for p in corpus.problems if p.severity >= claimcheck.Severity.ERROR] == []


def test_every_wild_fixture_is_listed_in_expected_yaml() -> None:
    """No fixture is left untested, and expected.yaml names only files that exist."""
    files = {p.name for p in WILD.iterdir() if p.suffix in (".jsonld", ".html")}
    assert files == set(EXPECTED)


WARNINGS = {
    # a review without datePublished is dated by the date in its url, with a warning at /url
    "indiatoday_2022_modi_gujarat_coast.jsonld": ("/url", "the date in its url"),
    # an author with a url and no name is named after the url
    "schemaorg_example_2014_politifact_claimreview.jsonld": ("/author", "named 'politifact.com' after its url"),
    # a MediaReview's verdict is its mediaAuthenticityCategory
    "schemaorg_example_2021_politifact_mediareview.jsonld": (
        "/mediaAuthenticityCategory",
        "kept as the verdict label 'Decontextualized content'",
    ),
    # a url published without a scheme
    "aosfatos_2022_drauzio_drogas.jsonld": ("/url", "has no scheme; read as https://aosfatos.org/"),
    # raw line breaks inside a JSON string: read leniently (and the file holds no review)
    "aosfatos_2022_drauzio_videoobject.jsonld": ("", "read leniently"),
    # HTML character references in claimReviewed
    "vishvasnews_2022_sunak_manmohan.jsonld": ("/claimReviewed", "HTML character references decoded"),
}


@pytest.mark.parametrize("name", sorted(WARNINGS))
def test_each_interpretation_is_a_located_warning(name: str) -> None:
    """The value read differently from how it was published is reported at its file and JSON pointer."""
    pointer, text = WARNINGS[name]
    result = read_import([WILD / name], "claimreview")
    found = [(p.pointer, p.message) for p in result.problems if p.code == "import-interpreted" and p.file == str(WILD / name)]
    assert any(ptr == pointer and text in msg for ptr, msg in found), found


def test_all_wild_reviews_import_together_into_one_valid_corpus(tmp_path: Path) -> None:
    """Every file at once: one corpus file with every review (16 wild and 4 shared files), loading without errors."""
    paths = [p for p, _ in CASES]
    target = empty_corpus(tmp_path / "c")
    report = import_into(paths, "claimreview", target / "wild.yaml")
    assert report.written, [p.format() for p in report.problems if p.severity >= claimcheck.Severity.ERROR]
    corpus = claimcheck.load(target)
    assert [p.format() for p in corpus.problems if p.severity >= claimcheck.Severity.ERROR] == []
    assert len(corpus.reviews) == sum(len(revs) for _, revs in CASES) == 19
