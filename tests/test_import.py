"""Imports: round trips through JSON, CSV and ClaimReview, the real ClaimReview fixtures, HTML pages,
FEVER, and the rules for writing (never overwrite, config scales appended byte for byte)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import CLAIMS, FIXTURES, copy_smic, empty_corpus

import claimcheck
from claimcheck.cli import main
from claimcheck.core.errors import OutputError, UsageError
from claimcheck.interop import export, import_into, read_import
from claimcheck.interop.fever_export import to_fever

FIXTURE_FILES = sorted(FIXTURES.glob("*.jsonld"))


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file of a folder, by name."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def errors(corpus: claimcheck.Corpus) -> list[str]:
    """The corpus' errors, formatted."""
    return [p.format() for p in corpus.problems if p.severity >= claimcheck.Severity.ERROR]


# ---- round trips -------------------------------------------------------------------------------
def test_json_round_trip_on_smic_is_identical(tmp_path: Path) -> None:
    """SMIC exported as JSON, imported into a new corpus and exported again gives the same bytes."""
    first = export(claimcheck.load(CLAIMS), "json", tmp_path / "first.json").path
    target = empty_corpus(tmp_path / "new", (CLAIMS / "claimcheck.yaml").read_text(encoding="utf-8"))
    report = import_into([first], "json", target / "smic.yaml")
    assert report.written
    assert report.count == 50
    assert report.scales_added == ()
    corpus = claimcheck.load(target)
    assert errors(corpus) == []
    second = export(corpus, "json", tmp_path / "second.json").path
    assert second.read_bytes() == first.read_bytes()


def test_csv_round_trip_on_smic_is_identical(tmp_path: Path) -> None:
    """SMIC exported as CSV, imported and exported again gives the same files, and the same records as dicts."""
    smic = claimcheck.load(CLAIMS)
    first = export(smic, "csv", tmp_path / "first").path
    target = empty_corpus(tmp_path / "new", (CLAIMS / "claimcheck.yaml").read_text(encoding="utf-8"))
    import_into([first], "csv", target / "smic.yaml")
    corpus = claimcheck.load(target)
    assert errors(corpus) == []
    assert corpus.to_dict() == smic.to_dict()
    second = export(corpus, "csv", tmp_path / "second").path
    assert files_of(second) == files_of(first)


def test_csv_round_trip_keeps_formula_like_text(tmp_path: Path) -> None:
    """Cells escaped for spreadsheets come back exactly, the leading quote of real text included."""
    root = copy_smic(tmp_path / "c")
    (root / "evil.yaml").write_text(
        "sources:\n  - id: evil\n    name: '=1+1'\n    kind: person\n    aliases: ['@x', \"'kept\", \"''twice\", '-1', \"'=\"]\n"
        '    note: "\\tTabbed\\r\\nnote"\n',
        encoding="utf-8",
    )
    original = claimcheck.load(root)
    first = export(original, "csv", tmp_path / "first").path
    target = empty_corpus(tmp_path / "new", (root / "claimcheck.yaml").read_text(encoding="utf-8"))
    import_into([first], "csv", target / "all.yaml")
    corpus = claimcheck.load(target)
    assert corpus.sources["evil"] == original.sources["evil"]
    assert files_of(export(corpus, "csv", tmp_path / "second").path) == files_of(first)


def test_claimreview_round_trip_is_identical(tmp_path: Path) -> None:
    """ClaimReview exported from SMIC with reviews, imported and exported again gives the same JSON-LD."""
    reviewed = claimcheck.load(copy_smic(tmp_path / "reviewed", reviews=True))
    first = export(reviewed, "claimreview", tmp_path / "first.jsonld", base_url="https://factdesk.invalid/claims").path
    target = empty_corpus(tmp_path / "new")
    report = import_into([first], "claimreview", target / "imported.yaml")
    assert report.written
    assert report.scales_added == ("test-fact-desk-1-to-5",)
    corpus = claimcheck.load(target)
    assert errors(corpus) == []
    assert len(corpus.reviews) == 2
    second = export(corpus, "claimreview", tmp_path / "second.jsonld").path
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_import_is_deterministic(tmp_path: Path) -> None:
    """Importing the same files twice writes the same bytes (ids, order, scales)."""
    outs = []
    for n in (1, 2):
        target = empty_corpus(tmp_path / f"t{n}")
        import_into(FIXTURE_FILES, "claimreview", target / "fixtures.yaml")
        outs.append((target / "fixtures.yaml").read_bytes() + (target / "claimcheck.yaml").read_bytes())
    assert outs[0] == outs[1]


# ---- the real ClaimReview fixtures -------------------------------------------------------------
QUIRKS = {
    "africacheck_2020.jsonld": [
        ("/@graph/0/reviewRating/bestRating", "the text '6'"),
        ("/@graph/0/itemReviewed/author/name", "a list of 2"),
    ],
    "afp_factcheck_2020.jsonld": [
        ("/@graph/0/datePublished", "'2020-06-24 00:03' is not ISO 8601"),
        ("/@graph/0/reviewRating/ratingValue", "the text '1'"),
    ],
    "thequint_2020.jsonld": [
        ("/claimReviewed", "claimReviewed is a list holding one text"),
        ("/itemReviewed/author/sameAs", "found '', left out"),
    ],
    "20minutes_2022.jsonld": [
        ("/reviewRating", "all -1 (no numeric rating)"),
        ("/itemReviewed/author/sameAs", "found 'Réseaux sociaux', left out"),
    ],
}


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.name)
def test_real_claimreview_imports_and_validates_with_a_warning_per_quirk(fixture: Path, tmp_path: Path) -> None:
    """Each real fixture imports, loads without errors, and warns (file and pointer) for each value it had to interpret."""
    target = empty_corpus(tmp_path / "c")
    report = import_into([fixture], "claimreview", target / "imported.yaml")
    assert report.written, [p.format() for p in report.problems]
    corpus = claimcheck.load(target)
    assert errors(corpus) == []
    assert len(corpus.reviews) == len(corpus.claims) == 1
    warnings = [(p.pointer, p.message) for p in report.problems if p.code == "import-interpreted"]
    assert all(p.file == str(fixture) for p in report.problems if p.code.startswith("import-"))
    for ptr, text in QUIRKS[fixture.name]:
        assert any(w[0] == ptr and text in w[1] for w in warnings), (ptr, text, warnings)


def test_real_claimreviews_import_together_with_their_scales(tmp_path: Path) -> None:
    """All four fixtures import into one file; each publisher's rating range gets a scale, ratings and dates as published."""
    target = empty_corpus(tmp_path / "c")
    report = import_into(FIXTURE_FILES, "claimreview", target / "fixtures.yaml")
    assert report.scales_added == ("20-minutes-labels", "afp-fact-check-1-to-5", "taryn-willows-1-to-6", "the-quint-0-to-5")
    corpus = claimcheck.load(target)
    assert errors(corpus) == []
    by_reviewer = {r.reviewer: r for r in corpus.reviews.values()}
    afp = by_reviewer["AFP Fact Check"]
    assert (afp.date.text, afp.verdict, afp.url) == (
        "2020-06-24",
        "false",
        "https://factcheck.afp.com/cdc-does-not-add-flu-and-pneumonia-deaths-covid-19-toll",
    )
    scale = corpus.config.scale("taryn-willows-1-to-6")
    assert scale is not None
    assert (scale.worst.rating, scale.best.rating) == (1, 6)
    minutes = by_reviewer["20 minutes"]
    assert minutes.url is not None
    assert minutes.url.startswith("https://www.20minutes.fr/monde/")
    assert corpus.config.scale("20-minutes-labels").value(minutes.verdict).label == "really_false"  # type: ignore[union-attr]  # the import added the scale
    speaker = corpus.sources[corpus.claims[by_reviewer["Taryn Willows"].claim].speaker]
    assert (speaker.name, speaker.url) == ("Mzwandile Masina", "https://en.wikipedia.org/wiki/Mzwandile_Masina")


def test_claimreview_embedded_in_html_pages(tmp_path: Path) -> None:
    """ClaimReviews are found in every ld+json script of a page, as an object, a list or an @graph, with the script's line."""
    node = json.loads((FIXTURES / "afp_factcheck_2020.jsonld").read_text(encoding="utf-8"))["@graph"][0]
    other = dict(node, url="https://factcheck.afp.com/other", claimReviewed="Another claim entirely.")
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><head><title>x</title>\n<script>var a = 1;</script>\n"
        f'<script type="application/ld+json">{json.dumps([node])}</script>\n'
        f'<script type="application/ld+json; charset=utf-8">{json.dumps({"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, other]})}</script>\n'
        "</head><body><p>text</p></body></html>\n",
        encoding="utf-8",
    )
    result = read_import([page], "claimreview")
    assert result.ok
    assert [c["text"] for c in result.records["claims"]] == [node["claimReviewed"], "Another claim entirely."]
    assert {p.line for p in result.problems if p.code == "import-interpreted"} == {3, 4}
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body>no markup</body></html>", encoding="utf-8")
    assert [p.code for p in read_import([empty], "claimreview").problems] == ["import-skipped"]


# ---- writing rules -----------------------------------------------------------------------------
def test_import_never_overwrites_without_force(tmp_path: Path) -> None:
    """An existing output file is left alone (exit 2) unless --force is given."""
    target = empty_corpus(tmp_path / "c")
    out = target / "imported.yaml"
    out.write_text("# mine\n", encoding="utf-8")
    args = ["import", str(FIXTURE_FILES[0]), "--from", "claimreview", "-o", str(out)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "# mine\n"
    assert (target / "claimcheck.yaml").read_text(encoding="utf-8") == ""
    result = CliRunner().invoke(main, [*args, "--force"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "import-interpreted" in result.stdout
    assert "wrote 5 records" in result.stderr
    assert out.read_text(encoding="utf-8").startswith("# Imported by claimcheck from claimreview: 20minutes_2022.jsonld\n")


def test_scales_are_appended_to_the_config_byte_for_byte(tmp_path: Path) -> None:
    """The SMIC config keeps every byte (comments too) and gains the new scale; importing again adds nothing."""
    root = copy_smic(tmp_path / "c")
    before = (root / "claimcheck.yaml").read_bytes()
    report = import_into([FIXTURES / "afp_factcheck_2020.jsonld"], "claimreview", root / "imported" / "afp.yaml")
    after = (root / "claimcheck.yaml").read_bytes()
    assert report.config == root / "claimcheck.yaml"
    assert report.scales_added == ("afp-fact-check-1-to-5",)
    assert after.startswith(before)
    assert b"  - id: afp-fact-check-1-to-5\n" in after[len(before) :]
    corpus = claimcheck.load(root)
    assert errors(corpus) == []
    assert corpus.config.scale("five-point") is not None
    again = import_into([FIXTURES / "afp_factcheck_2020.jsonld"], "claimreview", root / "imported" / "afp.yaml", force=True)
    assert again.scales_added == ()
    assert (root / "claimcheck.yaml").read_bytes() == after


def test_a_scale_declared_differently_gets_a_new_id(tmp_path: Path) -> None:
    """When the config already has a scale of the same id with other values, the import uses a new id."""
    config = "rating_scales:\n  - id: afp-fact-check-1-to-5\n    name: Mine\n    values: [{id: a, label: A, rating: 1}, {id: b, label: B, rating: 5}]\n"
    target = empty_corpus(tmp_path / "c", config)
    report = import_into([FIXTURES / "afp_factcheck_2020.jsonld"], "claimreview", target / "afp.yaml")
    assert report.scales_added == ("afp-fact-check-1-to-5-2",)
    corpus = claimcheck.load(target)
    assert errors(corpus) == []
    assert [r.scale for r in corpus.reviews.values()] == ["afp-fact-check-1-to-5-2"]


def test_without_a_config_the_scales_are_printed(tmp_path: Path) -> None:
    """With --no-config, no config is written, the scales to add are printed as YAML, and the unknown scale is reported (exit 1)."""
    target = empty_corpus(tmp_path / "c", "title: untouched\n")
    result = CliRunner().invoke(
        main,
        ["import", str(FIXTURES / "thequint_2020.jsonld"), "--from", "claimreview", "-o", str(target / "q.yaml"), "--no-config"],
        catch_exceptions=False,
    )
    assert result.exit_code == 1, result.output
    assert "rating_scales:\n- id: the-quint-0-to-5" in result.stderr
    assert "unknown rating scale 'the-quint-0-to-5'" in result.stdout
    assert (target / "claimcheck.yaml").read_text(encoding="utf-8") == "title: untouched\n"


def test_imported_ids_avoid_the_target_corpus(tmp_path: Path) -> None:
    """Generated ids never reuse an id of the target corpus; kept ids that clash stop the import."""
    root = copy_smic(tmp_path / "c")
    (root / "afp.yaml").write_text("sources:\n  - {id: afp-fact-check, name: Someone else, kind: person}\n", encoding="utf-8")
    import_into([FIXTURES / "afp_factcheck_2020.jsonld"], "claimreview", root / "new.yaml")
    corpus = claimcheck.load(root)
    assert errors(corpus) == []
    assert corpus.sources["afp-fact-check-2"].name == "AFP Fact Check"
    first = export(claimcheck.load(CLAIMS), "json", tmp_path / "smic.json").path
    clash = import_into([first], "json", root / "again.yaml")
    assert not clash.written
    assert not (root / "again.yaml").exists()
    assert {p.code for p in clash.problems} == {"import-invalid"}


def test_invalid_imported_records_are_reported_and_not_written(tmp_path: Path) -> None:
    """A CSV with a bad value and a broken record is reported, located, and nothing is written."""
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "claims.csv").write_text("id,text,speaker,kind\nbad claim,Text,x,rumour\n", encoding="utf-8")
    (folder / "rating_values.csv").write_text("scale,scale_name,index,id,label,rating\ns,S,0,a,A,one\n", encoding="utf-8")
    (folder / "notes.csv").write_text("x\n", encoding="utf-8")
    target = empty_corpus(tmp_path / "c")
    report = import_into([folder], "csv", target / "x.yaml")
    assert not report.written
    assert not (target / "x.yaml").exists()
    codes = sorted({p.code for p in report.problems})
    assert codes == ["import-invalid", "import-skipped", "missing-field", "schema"]  # import-invalid: the scale has one value, no rating
    assert any(p.line == 2 and "expected an integer" in p.message for p in report.problems)


def test_import_rejects_bad_arguments(tmp_path: Path) -> None:
    """A non-YAML output, a missing input and an unknown format are usage errors."""
    with pytest.raises(UsageError, match=r"\.yaml"):
        import_into(FIXTURE_FILES, "claimreview", tmp_path / "out.json")
    with pytest.raises(UsageError, match="no such file"):
        read_import([tmp_path / "missing.jsonld"], "claimreview")
    with pytest.raises(UsageError, match="format"):
        read_import(FIXTURE_FILES, "rdf")
    result = CliRunner().invoke(
        main, ["import", str(FIXTURE_FILES[0]), "--from", "fever", "-o", str(tmp_path / "x.yaml"), "--review-date", "2020-13"]
    )
    assert result.exit_code == 2
    assert "--review-date" in result.stderr


# ---- FEVER -------------------------------------------------------------------------------------
def test_fever_export_imports_back_with_labels_and_evidence(tmp_path: Path) -> None:
    """FEVER items exported with drafts import as claims reviewed on the FEVER scale, with their evidence as relations."""
    reviewed = claimcheck.load(copy_smic(tmp_path / "reviewed", reviews=True))
    fever = export(reviewed, "fever", tmp_path / "smic.jsonl", include_drafts=True).path
    target = empty_corpus(tmp_path / "c")
    report = import_into([fever], "fever", target / "fever.yaml", review_date="2021-01-02", reviewer="Test import")
    assert report.written
    assert report.scales_added == ("fever-labels",)
    corpus = claimcheck.load(target)
    assert errors(corpus) == []
    verdicts = {r.claim: r.verdict for r in corpus.reviews.values()}
    assert verdicts == {
        "pentagon-military-links": "not-enough-info",
        "sos-report-us-equipment-military": "refutes",
        "smic-largest-chip-maker-china": "supports",
    }
    assert [r.type for r in corpus.relations.values()] == ["contradicts", "contradicts"]
    again, _ = to_fever(corpus)
    assert [(i["claim_id"], i["label"], len(i["evidence_quotes"])) for i in again] == [
        ("pentagon-military-links", "NOT ENOUGH INFO", 0),
        ("sos-report-us-equipment-military", "REFUTES", 2),
        ("smic-largest-chip-maker-china", "SUPPORTS", 0),
    ]


def test_fever_rows_without_a_review_date_keep_the_label_in_a_note(tmp_path: Path) -> None:
    """Original FEVER rows import as claims; without a review date the label is noted, and Wikipedia tuples are reported."""
    rows = tmp_path / "train.jsonl"
    rows.write_text(
        '{"id": 75397, "verifiable": "VERIFIABLE", "label": "SUPPORTS", "claim": "Nikolaj Coster-Waldau worked with the Fox Broadcasting Company.",'
        ' "evidence": [[[92206, 104971, "Nikolaj_Coster-Waldau", 7], [92206, 104971, "Fox_Broadcasting_Company", 0]]]}\n\n'
        '{"id": 2, "label": "MAYBE", "claim": "x"}\nnot json\n',
        encoding="utf-8",
    )
    target = empty_corpus(tmp_path / "c")
    report = import_into([rows], "fever", target / "fever.yaml")
    assert report.written
    assert report.scales_added == ()
    corpus = claimcheck.load(target)
    assert errors(corpus) == []
    (claim,) = corpus.claims.values()
    assert claim.note == "FEVER label: SUPPORTS"
    assert corpus.reviews == {}
    codes = [(p.code, p.line) for p in report.problems]
    assert ("import-dropped", 1) in codes
    assert ("import-skipped", 3) in codes
    assert ("import-skipped", 4) in codes


def test_cli_import_json_report(tmp_path: Path) -> None:
    """`claimcheck import --format json` prints the problems and what was written, for machines."""
    target = empty_corpus(tmp_path / "c")
    shutil.copy(FIXTURES / "africacheck_2020.jsonld", tmp_path / "a.json")
    result = CliRunner().invoke(
        main,
        ["import", str(tmp_path / "a.json"), "--from", "claimreview", "-o", str(target / "a.yaml"), "--format", "json"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["written"] is True
    assert doc["scales_added"] == ["taryn-willows-1-to-6"]
    assert {p["code"] for p in doc["problems"]} == {"import-interpreted", "import-dropped"}


def test_output_error_is_a_claimcheck_error() -> None:
    """OutputError is both a ClaimcheckError and an OSError, as the CLI expects."""
    assert issubclass(OutputError, claimcheck.ClaimcheckError)
    assert issubclass(OutputError, OSError)


def test_an_import_into_a_folder_still_to_be_made_gets_its_own_config(tmp_path: Path) -> None:
    """Importing the SMIC case's CSV tables into a new folder writes the story, and the check before writing reads
    the config it would write as the config, not as a story file (it was refused as one with "unknown section")."""
    corpus = claimcheck.load(copy_smic(tmp_path / "claims"))
    export(corpus, "csv", tmp_path / "csv")
    report = import_into([tmp_path / "csv"], "csv", tmp_path / "restored" / "smic.yaml")
    assert report.written
    assert not [p for p in report.problems if p.code == "unknown-field"]
    restored = claimcheck.load(tmp_path / "restored")
    assert restored.ok
    assert sorted(restored.claims) == sorted(corpus.claims)
