"""The model: records to and from plain dicts without loss, and the Corpus queries researchers use."""

from __future__ import annotations

import copy
import datetime as dt
import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from support import ROOT

import claimcheck
from claimcheck import (
    Appearance,
    Claim,
    Config,
    Hop,
    ProblemError,
    RatingScale,
    RatingValue,
    Source,
    from_dict,
    to_dict,
)
from claimcheck.core.problems import Severity, split_pointer

EXAMPLES = Path(__file__).resolve().parent / "examples"
FULL = EXAMPLES / "valid" / "full-featured"
#: Values a record may spell out that to_dict leaves out, being the defaults.
DEFAULTS = {"seen": True, "status": "published"}


def normalised(value: Any) -> Any:
    """``value`` as to_dict gives it back: defaults, nulls and empty lists left out, recursively."""
    if isinstance(value, dict):
        return {k: normalised(v) for k, v in value.items() if v is not None and v != [] and DEFAULTS.get(k, object()) != v}
    if isinstance(value, list):
        return [normalised(v) for v in value]
    return value


@functools.cache
def parsed(path: Path) -> Any:
    """A corpus file as plain data (read once)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def raw_record(corpus: claimcheck.Corpus, record: Any) -> dict[str, Any]:
    """The record as written in its file, found by its origin (file and JSON pointer)."""
    assert record.origin is not None
    data: Any = copy.deepcopy(parsed(corpus.root / record.origin.file))
    for part in split_pointer(record.origin.pointer):
        data = data[int(part)] if isinstance(data, list) else data[part]
    return data


def file_validator() -> Draft202012Validator:
    """A validator for schemas/file.schema.json, built here from the schema files."""
    schemas = [json.loads(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "schemas").glob("*.schema.json"))]
    registry: Registry[Any] = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in schemas)
    main = next(s for s in schemas if s["$id"].endswith("/file.schema.json"))
    return Draft202012Validator(main, registry=registry)


@pytest.fixture(scope="module")
def full() -> claimcheck.Corpus:
    """The full-featured valid example."""
    return claimcheck.load(FULL)


@pytest.mark.parametrize("which", ["smic", "full"])
def test_every_record_round_trips(which: str, request: pytest.FixtureRequest) -> None:
    """For every record, to_dict(from_dict(x)) is x with defaults left out, and from_dict gives back the loaded record."""
    corpus: claimcheck.Corpus = request.getfixturevalue(which)
    records = list(corpus.records())
    assert len(records) >= 20
    for record in records:
        raw = raw_record(corpus, record)
        rebuilt = from_dict(type(record), raw)
        assert rebuilt == record, record.id
        assert to_dict(rebuilt) == normalised(raw), record.id
        assert to_dict(record) == normalised(raw), record.id


def test_config_round_trips(full: claimcheck.Corpus) -> None:
    """The config converts to its dict and back without loss."""
    raw = yaml.safe_load((FULL / "claimcheck.yaml").read_text(encoding="utf-8"))
    assert to_dict(full.config) == normalised(raw)
    assert from_dict(Config, raw) == full.config


def test_to_dict_leaves_out_defaults_and_computed_fields(full: claimcheck.Corpus) -> None:
    """seen: true and status: published are defaults (left out); a quote's match offsets are computed (left out)."""
    article = full.documents["article"]
    assert article.seen is True
    assert "seen" not in to_dict(article)
    assert to_dict(full.documents["sos-report"])["seen"] is False
    claim = full.claims["military-links"]
    assert claim.appearances[0].match is not None
    assert "match" not in to_dict(claim)["appearances"][0]
    assert to_dict(full.claims["ban-review"])["status"] == "draft"
    assert "status" not in to_dict(claim)


@pytest.mark.parametrize("which", ["smic", "full"])
def test_corpus_to_dict_validates_against_the_file_schema(which: str, request: pytest.FixtureRequest) -> None:
    """Corpus.to_dict() is one valid corpus file holding every record."""
    corpus: claimcheck.Corpus = request.getfixturevalue(which)
    data = corpus.to_dict()
    assert [e.message for e in file_validator().iter_errors(data)] == []
    assert sum(len(v) for v in data.values()) == len(list(corpus.records()))


def test_corpus_to_dict_loads_back_to_the_same_records(full: claimcheck.Corpus, tmp_path: Path) -> None:
    """Writing Corpus.to_dict() as one file and loading it again gives equal records."""
    (tmp_path / "all.yaml").write_text(yaml.safe_dump(full.to_dict(), sort_keys=False, allow_unicode=True), encoding="utf-8")
    (tmp_path / "claimcheck.yaml").write_text((FULL / "claimcheck.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    again = claimcheck.load(tmp_path, check_quotes_=False)
    assert [p for p in again.problems if p.severity >= Severity.WARNING] == []
    assert list(again.records()) == list(full.records())


def test_records_are_frozen_and_keyword_only() -> None:
    """Records cannot be changed in place (attrs.evolve makes a changed copy) and take keyword arguments only."""
    src = Source(id="smic", name="SMIC", kind="company")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        src.name = "x"  # type: ignore[misc]  # the point: frozen records refuse it
    with pytest.raises(TypeError):
        Source("smic", "SMIC", "company")  # type: ignore[misc]  # the point: fields are keyword-only
    assert attrs.evolve(src, kind="unnamed-group").unnamed
    assert not src.unnamed


def test_claim_chains_fill_in_the_implied_chain() -> None:
    """An appearance without a chain is the speaker alone, paraphrased."""
    claim = Claim(
        id="c",
        text="T",
        speaker="smic",
        kind="denial",
        appearances=(
            Appearance(document="d", quote="q"),
            Appearance(document="d", quote="r", chain=(Hop(source="smic", mode="direct-quote"), Hop(source="wsj", mode="paraphrase"))),
        ),
    )
    assert claim.chains() == [(Hop(source="smic", mode="paraphrase"),), claim.appearances[1].chain]


def test_rating_scale_and_config_lookups(full: claimcheck.Corpus) -> None:
    """Scales give their best and worst values and look values up by id; the config finds the default scale."""
    scale = full.config.scale(None)
    assert scale is not None
    assert scale.id == "three-point"
    assert scale.best.id == "true"
    assert scale.worst.id == "false"
    assert scale.value("mixed") == RatingValue(
        id="mixed", label="Mixed", rating=2, status="contested", fever="NOT ENOUGH INFO", averitec="Conflicting Evidence/Cherrypicking"
    )
    assert scale.value("mostly-true") is None
    assert full.config.scale("binary") is not None
    assert full.config.scale("nine-point") is None
    only = RatingScale(id="only", name="Only", values=(RatingValue(id="a", label="A", rating=1), RatingValue(id="b", label="B", rating=2)))
    assert Config(rating_scales=(only,)).scale(None) == only  # a single scale is the default
    assert Config().scale(None) is None


def test_from_dict_reports_impossible_dates_with_their_path() -> None:
    """from_dict raises FieldError locating an impossible date, nested or not."""
    from claimcheck.model import FieldError, Review

    data = {"id": "r", "claim": "c", "verdict": "v", "rationale": "R", "reviewer": "D", "date": "2020-10-01"}
    data["corrections"] = [{"date": "2020-10-02", "note": "ok"}, {"date": "2020-02-31", "note": "bad"}]
    with pytest.raises(FieldError, match="day 31 does not exist") as info:
        from_dict(Review, data)
    assert info.value.path == ("corrections", 1, "date")


# ---- Corpus queries -------------------------------------------------------------------------------


def ids(records: list[Any]) -> list[str]:
    """The ids of ``records``, in order."""
    return [r.id for r in records]


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({"speaker": "pentagon"}, ["military-links", "ban-review"]),
        ({"subject": "smic"}, ["military-links", "researchers-work-for-military", "no-military-links", "ban-review", "smic-crucial"]),
        ({"topic": "chip-industry"}, ["smic-crucial", "industry-growth"]),
        ({"tag": "export-controls"}, ["military-links"]),
        ({"kind": "allegation"}, ["military-links", "researchers-work-for-military"]),
        ({"speaker": "nobody"}, []),
        ({"speaker": "pentagon", "kind": "action"}, ["ban-review"]),
        # date ranges: a claim matches if it may fall in the range; undated claims never match
        ({"since": "2020-09-11"}, ["military-links", "researchers-work-for-military", "no-military-links", "smic-crucial"]),
        ({"since": "2020-09-11", "certain": True}, ["no-military-links"]),
        ({"until": "2020-08"}, ["researchers-work-for-military", "smic-crucial", "industry-growth"]),
        ({"since": "2020-09", "until": "2020-09", "certain": True}, ["military-links", "no-military-links", "ban-review"]),
        ({"since": "2019", "until": "2019"}, ["researchers-work-for-military", "industry-growth"]),
        ({"since": dt.date(2020, 9, 5), "speaker": "pentagon"}, ["military-links", "ban-review"]),
        (
            {"since": dt.date(2020, 9, 11), "until": dt.date(2020, 9, 13)},
            ["military-links", "researchers-work-for-military", "smic-crucial"],
        ),
    ],
)
def test_find_claims(full: claimcheck.Corpus, criteria: dict[str, Any], expected: list[str]) -> None:
    """find_claims combines speaker, subject, topic, tag, kind and partial-date ranges, in corpus order."""
    assert ids(full.find_claims(**criteria)) == expected


def test_find_claims_rejects_a_bad_date(full: claimcheck.Corpus) -> None:
    """A range end that is not a date raises DateError."""
    with pytest.raises(ValueError, match="expected YYYY"):
        full.find_claims(since="last week")


def test_claims_by_and_about(full: claimcheck.Corpus) -> None:
    """claims_by gives a source's own claims; claims_about the claims naming it as a subject."""
    assert ids(full.claims_by("pentagon")) == ["military-links", "ban-review"]
    assert ids(full.claims_by("smic")) == ["no-military-links"]
    assert full.claims_by("nobody") == []
    assert len(full.claims_about("smic")) == 5
    assert full.claims_about("chip-council") == []


def test_relations_queries(full: claimcheck.Corpus) -> None:
    """relations_to, relations_from, opposing, supporting and responses follow the relations' types."""
    assert ids(full.relations_to("military-links")) == ["smic-denies-links", "report-supports-links", "article-qualifies-links"]
    assert ids(full.relations_to("military-links", {"denies"})) == ["smic-denies-links"]
    assert ids(full.opposing("military-links")) == ["smic-denies-links"]
    assert ids(full.opposing("researchers-work-for-military")) == ["denial-contradicts-report"]
    assert ids(full.supporting("military-links")) == ["report-supports-links"]
    assert ids(full.responses("ban-review")) == ["smic-responds-to-review"]
    assert ids(full.relations_from("no-military-links")) == ["smic-denies-links", "smic-responds-to-review", "denial-contradicts-report"]
    assert full.opposing("ban-within-weeks") == []
    assert ids(full.reviews_of("military-links")) == ["links-review"]


def test_smic_queries(smic: claimcheck.Corpus) -> None:
    """On the SMIC case: the Pentagon's claims, the denials of its allegation, and September 2020 for certain."""
    assert ids(smic.claims_by("pentagon")) == ["pentagon-military-links", "pentagon-beijing-private-firms", "pentagon-ban-review"]
    assert {r.by for r in smic.opposing("pentagon-military-links")} == {"smic-no-military-relationship"}
    september = ids(smic.find_claims(since="2020-09", until="2020-09", certain=True))
    assert "pentagon-ban-review" in september
    assert "pentagon-military-links" not in september  # dated ../2020-09: not certainly in September


def test_get_and_source_name(full: claimcheck.Corpus) -> None:
    """get finds a record of any kind by id; source_name gives the display name, or the id when unknown."""
    assert isinstance(full.get("smic"), Source)
    assert isinstance(full.get("military-links"), Claim)
    assert full.get("no-such-id") is None
    assert full.source_name("wsj") == "The Wall Street Journal"
    assert full.source_name("ghost") == "ghost"
    assert full.source_name(None) == "an unknown party"


def test_raise_for_problems(full: claimcheck.Corpus, materialise: Callable[[Path], tuple[Path, dict[str, Any]]]) -> None:
    """A clean corpus returns itself; one with errors raises ProblemError carrying the most relevant problem first."""
    assert full.raise_for_problems() is full
    broken = claimcheck.load(materialise(EXAMPLES / "invalid" / "wrong-kind-reference")[0])
    with pytest.raises(ProblemError) as info:
        broken.raise_for_problems()
    assert info.value.problem.code == "wrong-kind-reference"
    assert info.value.problem.line == 13
    assert len(info.value.problems) == 2
    assert str(info.value) == info.value.problem.format()
