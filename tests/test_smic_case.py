"""Checks on the SMIC case (claims/smic-2020.yaml) and the corpus config, independent of the claimcheck package.

Only PyYAML, jsonschema (with a referencing registry over schemas/*.json) and hashlib are used, so these
tests hold the data to the format while the package that reads it is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "claims"
SCHEMAS = REPO / "schemas"
CASE = CORPUS / "smic-2020.yaml"
SHARED_SOURCES = Path(__file__).resolve().parents[2] / "shared" / "sources"
ARTICLE_ID = "smic-article"
ARTICLE_FILE = "smic-us-restrictions-2020.txt"
ARTICLE_SHA256 = "d184b19bd382c5c5becaf854c08cbd31817f94f6a6a0b4a536e0bd4c1e4599ea"
KINDS = ("sources", "documents", "claims", "relations", "comments", "reviews")

# Every sentence of the article that asserts anything (headline, standfirst and every sentence of every
# paragraph), each an exact substring of the supplied text.
SENTENCES = [
    "US imposes restrictions on technology sales to Chinese chip giant SMIC",
    ("The Trump administration believes that technologies supplied to the Chinese company could be used for military purposes"),
    (
        "The Trump administration has told American chip makers that they must obtain individual licenses before"
        " selling certain technology to Semiconductor Manufacturing International Corporation (SMIC) - the largest"
        " silicon chip maker in China."
    ),
    (
        "The directive, which could escalate the technology conflict between the two countries, came in a letter"
        " from the Commerce Department last week."
    ),
    (
        "The letter stated there was a risk that the Chinese government could use technologies supplied to SMIC or"
        " its subsidiaries for military purposes."
    ),
    (
        "According to the Wall Street Journal, the Pentagon has concerns over SMIC ' s suspected links with the"
        " Chinese military, and Beijing ' s practice of using private firms to advance its military aims."
    ),
    (
        "The Department of Defence said earlier this month that it was working with other federal agencies to"
        " determine whether there was a need to ban SMIC over its alleged ties with the Chinese military."
    ),
    (
        "The accusations against SMIC came after US defence contractor SOS International said in a report that"
        " SMIC researchers were using American equipment to develop new technologies for the Chinese military."
    ),
    (
        'In a statement, the Commerce Department said that it was "constantly monitoring and assessing any'
        ' potential threats to US national security and foreign policy interests," and would take appropriate'
        " measures as warranted."
    ),
    (
        'In a statement, SMIC said it had no relationship with the Chinese armed forces and that it "does not'
        ' manufacture for any military end users or end uses".'
    ),
    "The company also said that it was continuing to engage with the US Department of Commerce.",
    (
        "The Trump administration's latest move threatens to cut off SMIC from crucial US software and other"
        " technology that it needs to make its products."
    ),
    ("According to analysts, SMIC is crucial for Beijing to end its reliance on American firms in the chip manufacturing area."),
    (
        "Experts also see the latest decision against SMIC as part of the current administration's on-going"
        " efforts to crack down on Chinese tech firms that it deems are a threat to national security."
    ),
    (
        "In May, the US tightened restrictions on Chinese tech giant Huawei, by banning suppliers of software and"
        " manufacturing equipment worldwide from using American technology to manufacture components for the"
        " Chinese company without first obtaining a government license."
    ),
    ("To comply with US government directives, TSMC announced in July that it would not supply chips to Huawei after 14th September."),
    (
        "Last month, Huawei announced that it would stop production of its most advanced Kirin chipsets from"
        " September, due to the growing impact of US sanctions."
    ),
    (
        "In August, the US Commerce Department added 38 Huawei affiliates to its list of companies that are"
        " considered to pose threats to the national security."
    ),
]

# Share of each sentence's characters that the quotes inside it must span together, so that a
# sentence holding several propositions is not passed off with one short fragment.
MIN_SENTENCE_SPAN = 0.9


def _load(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _corpus_files() -> list[Path]:
    files = [p for ext in ("*.yaml", "*.yml", "*.json") for p in CORPUS.rglob(ext)]
    return sorted(p for p in files if p != CORPUS / "claimcheck.yaml")


def _validator(schema_file: str) -> Draft202012Validator:
    schemas = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(SCHEMAS.glob("*.json"))]
    registry = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    main = json.loads((SCHEMAS / schema_file).read_text(encoding="utf-8"))
    return Draft202012Validator(main, registry=registry)


def _errors(validator: Draft202012Validator, data: object) -> list[str]:
    return [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]


@pytest.fixture(scope="module")
def case() -> dict:
    return _load(CASE)


@pytest.fixture(scope="module")
def records() -> dict[str, list[dict]]:
    merged: dict[str, list[dict]] = {kind: [] for kind in KINDS}
    for path in _corpus_files():
        data = _load(path) or {}
        for kind in KINDS:
            merged[kind].extend(data.get(kind) or [])
    return merged


@pytest.fixture(scope="module")
def article_text() -> str:
    path = SHARED_SOURCES / ARTICLE_FILE
    if not path.is_file():
        pytest.skip(f"full text not available: {path}")
    return path.read_text(encoding="ascii")


def _article_quotes(data: dict) -> list[tuple[str, str]]:
    """(record id, quote) for every appearance and evidence quote taken from the article."""
    quotes = [
        (claim["id"], app["quote"]) for claim in data.get("claims") or [] for app in claim["appearances"] if app["document"] == ARTICLE_ID
    ]
    quotes += [
        (rel["id"], rel["evidence"]["quote"])
        for rel in data.get("relations") or []
        if "evidence" in rel and rel["evidence"]["document"] == ARTICLE_ID
    ]
    return quotes


def test_config_matches_schema() -> None:
    """The corpus config claims/claimcheck.yaml validates against config.schema.json."""
    config = _load(CORPUS / "claimcheck.yaml")
    assert _errors(_validator("config.schema.json"), config) == []
    scale_ids = {s["id"] for s in config["rating_scales"]}
    assert config["default_scale"] in scale_ids
    for scale in config["rating_scales"]:
        ids = [v["id"] for v in scale["values"]]
        ratings = [v["rating"] for v in scale["values"]]
        assert all(isinstance(i, str) for i in ids), "a value id parsed as a non-string (unquoted false/true?)"
        assert len(set(ids)) == len(ids)
        assert ratings == sorted(set(ratings))


@pytest.mark.parametrize("path", _corpus_files(), ids=lambda p: p.name)
def test_corpus_file_matches_schema(path: Path) -> None:
    """Every records file under claims/ validates against file.schema.json."""
    assert _errors(_validator("file.schema.json"), _load(path)) == []


def test_case_has_the_expected_shape(case: dict) -> None:
    """The case file holds sources, documents, claims and relations, and no reviews (the article gives no verdicts)."""
    assert set(case) <= {"sources", "documents", "claims", "relations", "comments"}
    for kind in ("sources", "documents", "claims", "relations"):
        assert case.get(kind), f"no {kind}"
    assert "reviews" not in case


def test_article_fulltext_hash(case: dict, article_text: str) -> None:
    """The article document's recorded sha256 equals the sha256 of the supplied full text."""
    doc = next(d for d in case["documents"] if d["id"] == ARTICLE_ID)
    assert doc["fulltext"]["file"] == ARTICLE_FILE
    digest = hashlib.sha256((SHARED_SOURCES / ARTICLE_FILE).read_bytes()).hexdigest()
    assert doc["fulltext"]["sha256"] == digest == ARTICLE_SHA256
    assert article_text.isascii()


def test_article_quotes_are_verbatim(case: dict, article_text: str) -> None:
    """Every appearance and evidence quote from the article occurs verbatim in its full text."""
    quotes = _article_quotes(case)
    assert quotes
    missing = [(rid, q) for rid, q in quotes if q not in article_text]
    assert missing == []


def test_listed_sentences_are_in_the_article(article_text: str) -> None:
    """Every hard-coded claim-bearing sentence is an exact substring of the article, and none is listed twice."""
    assert len(set(SENTENCES)) == len(SENTENCES)
    assert [s for s in SENTENCES if s not in article_text] == []


def test_listed_sentences_cover_the_article(article_text: str) -> None:
    """The hard-coded sentences account for all of the article's text apart from whitespace."""
    rest = article_text
    for sentence in SENTENCES:
        rest = rest.replace(sentence, "", 1)
    assert rest.strip() == ""


def test_every_sentence_is_covered_by_a_quote(case: dict) -> None:
    """Every claim-bearing sentence contains at least one quote from the article."""
    quotes = [q for _, q in _article_quotes(case)]
    uncovered = [s for s in SENTENCES if not any(q in s for q in quotes)]
    assert uncovered == []


def test_quotes_span_each_sentence(case: dict) -> None:
    """The quotes inside each sentence together span nearly all of it, so no proposition in it goes unrecorded."""
    quotes = [q for _, q in _article_quotes(case)]
    thin = {}
    for sentence in SENTENCES:
        covered = [False] * len(sentence)
        for quote in quotes:
            start = sentence.find(quote)
            while start != -1:
                covered[start : start + len(quote)] = [True] * len(quote)
                start = sentence.find(quote, start + 1)
        share = sum(covered) / len(sentence)
        if share < MIN_SENTENCE_SPAN:
            thin[sentence] = round(share, 2)
    assert thin == {}


def test_every_quote_lies_within_one_sentence(case: dict) -> None:
    """No quote runs across sentences, so quotes stay short and the article is never copied whole."""
    stray = [(rid, q) for rid, q in _article_quotes(case) if not any(q in s for s in SENTENCES)]
    assert stray == []


def test_ids_are_unique(records: dict[str, list[dict]]) -> None:
    """Ids are unique across the corpus, whatever the record kind."""
    ids = [r["id"] for kind in KINDS for r in records[kind]]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_references_resolve_to_the_right_kind(records: dict[str, list[dict]]) -> None:
    """Every reference names a record of the kind it expects."""
    kind_of = {r["id"]: kind for kind in KINDS for r in records[kind]}
    bad: list[str] = []

    def expect(ref: str | None, kind: str, where: str) -> None:
        if ref is not None and kind_of.get(ref) != kind:
            bad.append(f"{where}: {ref!r} is {kind_of.get(ref) or 'unknown'}, expected {kind}")

    for src in records["sources"]:
        for ref in src.get("affiliations") or []:
            expect(ref, "sources", f"{src['id']}.affiliations")
        for interest in src.get("interests") or []:
            for ref in interest.get("subjects") or []:
                expect(ref, "sources", f"{src['id']}.interests.subjects")
    for doc in records["documents"]:
        expect(doc.get("publisher"), "sources", f"{doc['id']}.publisher")
        for ref in doc.get("authors") or []:
            expect(ref, "sources", f"{doc['id']}.authors")
    for claim in records["claims"]:
        cid = claim["id"]
        expect(claim["speaker"], "sources", f"{cid}.speaker")
        expect(claim.get("parent"), "claims", f"{cid}.parent")
        for ref in claim.get("subjects") or []:
            expect(ref, "sources", f"{cid}.subjects")
        for app in claim["appearances"]:
            expect(app["document"], "documents", f"{cid}.appearances.document")
            for hop in app.get("chain") or []:
                expect(hop["source"], "sources", f"{cid}.chain.source")
                expect(hop.get("document"), "documents", f"{cid}.chain.document")
    for rel in records["relations"]:
        expect(rel["target"], "claims", f"{rel['id']}.target")
        expect(rel.get("by"), "claims", f"{rel['id']}.by")
        if "evidence" in rel:
            expect(rel["evidence"]["document"], "documents", f"{rel['id']}.evidence.document")
    for com in records["comments"]:
        expect(com["subject"], "sources", f"{com['id']}.subject")
        expect(com.get("document"), "documents", f"{com['id']}.document")
        for ref in com.get("claims") or []:
            expect(ref, "claims", f"{com['id']}.claims")
    for rev in records["reviews"]:
        expect(rev["claim"], "claims", f"{rev['id']}.claim")
    assert bad == []


def test_chains_start_with_the_speaker(records: dict[str, list[dict]]) -> None:
    """Each appearance's attribution chain starts with the claim's speaker and names each party once."""
    bad = []
    for claim in records["claims"]:
        for app in claim["appearances"]:
            chain = app.get("chain") or [{"source": claim["speaker"], "mode": "paraphrase"}]
            sources = [hop["source"] for hop in chain]
            if sources[0] != claim["speaker"] or len(set(sources)) != len(sources):
                bad.append((claim["id"], sources))
            bad += [(claim["id"], hop) for hop in chain if hop["mode"] == "cites-document" and "document" not in hop]
    assert bad == []


def test_unseen_documents_hold_no_quotes(records: dict[str, list[dict]]) -> None:
    """Documents known only from the article (seen: false) are never quoted."""
    unseen = {d["id"] for d in records["documents"] if d.get("seen") is False}
    quoted = {app["document"] for c in records["claims"] for app in c["appearances"]}
    quoted |= {r["evidence"]["document"] for r in records["relations"] if "evidence" in r}
    assert unseen
    assert not (unseen & quoted)


def test_replies_name_the_replying_claim(records: dict[str, list[dict]]) -> None:
    """Relations of type denies and responds-to name the claim made in reply, which is not the target."""
    bad = [r["id"] for r in records["relations"] if r["type"] in {"denies", "responds-to"} and "by" not in r]
    bad += [r["id"] for r in records["relations"] if r.get("by") == r["target"]]
    assert bad == []


def test_smic_denial_answers_the_allegations(case: dict) -> None:
    """Every allegation about SMIC is answered by a denial or response from SMIC."""
    claims = {c["id"]: c for c in case["claims"]}
    answered = {r["target"] for r in case["relations"] if r["type"] in {"denies", "responds-to"} and claims[r["by"]]["speaker"] == "smic"}
    allegations = {cid for cid, c in claims.items() if c["kind"] == "allegation" and "smic" in (c.get("subjects") or [])}
    assert allegations
    assert allegations <= answered


def _last_week(month_start: dt.date, month_end: dt.date) -> str:
    """The Monday-to-Sunday weeks that "last week" can mean for a document dated within the month."""
    first = month_start - dt.timedelta(days=month_start.weekday() + 7)
    last = month_end - dt.timedelta(days=month_end.weekday() + 1)
    return f"{first.isoformat()}/{last.isoformat()}"


def test_relative_dates_resolve_against_the_article(case: dict) -> None:
    """Relative dates keep their real precision: "last week" of September 2020 is 2020-08-24/2020-09-27, and so on."""
    docs = {d["id"]: d for d in case["documents"]}
    claims = {c["id"]: c for c in case["claims"]}
    assert docs[ARTICLE_ID]["date"] == "2020-09"
    last_week = _last_week(dt.date(2020, 9, 1), dt.date(2020, 9, 30))
    assert last_week == "2020-08-24/2020-09-27"
    assert docs["commerce-letter"]["date"] == last_week
    assert claims["administration-licence-directive"]["date"] == last_week
    assert claims["commerce-letter-military-use-risk"]["date"] == last_week
    assert claims["pentagon-ban-review"]["date"] == "2020-09"  # "earlier this month"
    assert claims["huawei-stop-kirin-production"]["date"] == "2020-08"  # "last month"
    assert claims["us-huawei-may-restrictions"]["date"] == "2020-05"
    assert claims["tsmc-stop-supplying-huawei"]["date"] == "2020-07"
    assert claims["commerce-huawei-affiliates-listed"]["date"] == "2020-08"
    for claim in case["claims"]:
        if claim.get("date") and "/" in claim["date"]:
            assert claim.get("date_note"), f"{claim['id']} has an interval date without a date_note"


def test_no_outside_material_unmarked(case: dict) -> None:
    """Every claim appears in the article or, if it comes from outside, carries an external citation."""
    bad = [c["id"] for c in case["claims"] if not any(a["document"] == ARTICLE_ID for a in c["appearances"]) and "external" not in c]
    assert bad == []
