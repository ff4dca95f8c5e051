"""Exports: JSON, CSV (spreadsheet-safe), SQLite with full-text search, ClaimReview, FEVER and AVeriTeC."""

from __future__ import annotations

import asyncio
import csv
import json
import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from support import CLAIMS, SCHEMAORG_CHECK, WEBCHECK_PYTHON, copy_smic

import claimcheck
from claimcheck.cli import main
from claimcheck.core.errors import OutputError
from claimcheck.interop import export, exporters
from claimcheck.interop.averitec_export import to_averitec
from claimcheck.interop.claimreview_export import to_claimreview
from claimcheck.interop.csv_format import DANGEROUS, FILES, escape_cell, unescape_cell
from claimcheck.interop.fever_export import to_fever
from claimcheck.interop.tables import TABLES
from claimcheck.load.schemas import validator

DOCS = Path(__file__).resolve().parents[1] / "docs" / "interop.md"


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> claimcheck.Corpus:
    """A copy of the SMIC case with two published test reviews and one draft."""
    corpus = claimcheck.load(copy_smic(tmp_path_factory.mktemp("reviewed") / "claims", reviews=True))
    assert corpus.ok, [p.format() for p in corpus.problems]
    return corpus


def leftovers(folder: Path) -> list[str]:
    """Temporary files an atomic write may have left behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# ---- JSON ------------------------------------------------------------------------------------------
def test_json_export_is_the_corpus_in_the_file_schema(smic: claimcheck.Corpus, tmp_path: Path) -> None:
    """The JSON export holds exactly corpus.to_dict(), is valid against file.schema.json and ends with a newline."""
    out = export(smic, "json", tmp_path / "smic.json").path
    text = out.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data == smic.to_dict()
    assert validator("file.schema.json").is_valid(data)
    assert text.endswith("}\n")
    assert leftovers(tmp_path) == []


def test_json_export_is_deterministic_and_keeps_unicode(tmp_path: Path) -> None:
    """Two exports of the same corpus are byte-identical, and non-ASCII text is written as is."""
    root = copy_smic(tmp_path / "c")
    (root / "extra.yaml").write_text("sources:\n  - {id: cafe, name: Café Réseau, kind: company}\n", encoding="utf-8")
    corpus = claimcheck.load(root)
    first = export(corpus, "json", tmp_path / "a.json").path.read_bytes()
    second = export(claimcheck.load(root), "json", tmp_path / "b.json").path.read_bytes()
    assert first == second
    assert "Café Réseau".encode() in first


# ---- CSV -------------------------------------------------------------------------------------------
def test_csv_export_writes_one_table_per_kind_with_the_documented_columns(smic: claimcheck.Corpus, tmp_path: Path) -> None:
    """The CSV folder holds every table, each with its header, and one row per record or nested item."""
    out = export(smic, "csv", tmp_path / "csv").path
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)
    for name, columns in TABLES.items():
        with open(out / f"{name}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert tuple(rows[0]) == columns
    with open(out / "claims.csv", encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == len(smic.claims)
    with open(out / "appearances.csv", encoding="utf-8", newline="") as fh:
        assert len(list(csv.DictReader(fh))) == sum(len(c.appearances) for c in smic.claims.values())
    assert leftovers(tmp_path) == []


def test_docs_list_every_csv_column() -> None:
    """docs/interop.md names each CSV file with its columns in order."""
    text = DOCS.read_text(encoding="utf-8")
    for name, columns in TABLES.items():
        assert f"| `{name}.csv` | {', '.join(columns)} |" in text, name


@given(st.text(max_size=30))
def test_csv_cell_escape_is_undone_exactly(text: str) -> None:
    """Unescaping an escaped cell gives the text back, and no escaped cell starts with a formula character."""
    escaped = escape_cell(text)
    assert unescape_cell(escaped) == text
    assert not escaped.startswith(DANGEROUS)


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("'quoted", "''quoted"),
        ("plain", "plain"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_csv_cell_escape_rule(cell: str, written: str) -> None:
    """A quote is put only before a formula character or a quote, as documented."""
    assert escape_cell(cell) == written


def test_csv_export_of_formula_like_text_is_safe(tmp_path: Path) -> None:
    """Text that a spreadsheet would run as a formula is written with a leading quote in every table."""
    root = copy_smic(tmp_path / "c")
    (root / "evil.yaml").write_text(
        "sources:\n"
        '  - id: evil\n    name: \'=HYPERLINK("http://x.invalid","click")\'\n    kind: person\n'
        "    aliases: ['@SUM(1+1)', '+1', '-1', \"'kept\"]\n    note: \"\\tTabbed note\"\n",
        encoding="utf-8",
    )
    out = export(claimcheck.load(root), "csv", tmp_path / "csv").path
    for f in out.iterdir():
        with open(f, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                assert not any(cell.startswith(DANGEROUS) for cell in row), (f.name, row)
    text = (out / "source_aliases.csv").read_text(encoding="utf-8")
    assert "evil,0,'@SUM(1+1)" in text
    assert "evil,3,''kept" in text


def test_csv_export_refuses_to_replace_a_folder_it_did_not_write(smic: claimcheck.Corpus, tmp_path: Path) -> None:
    """A folder holding other files is never replaced; an earlier export is, atomically."""
    foreign = tmp_path / "notes"
    foreign.mkdir()
    (foreign / "thesis.docx").write_text("precious", encoding="utf-8")
    with pytest.raises(OutputError, match=r"refusing to replace .*thesis\.docx"):
        export(smic, "csv", foreign)
    assert (foreign / "thesis.docx").read_text(encoding="utf-8") == "precious"
    out = tmp_path / "csv"
    export(smic, "csv", out)
    (out / "claims.csv").write_text("stale", encoding="utf-8")
    export(smic, "csv", out)
    assert (out / "claims.csv").read_text(encoding="utf-8").startswith("id,text,")
    assert leftovers(tmp_path) == []


def test_a_failed_write_leaves_the_previous_export(smic: claimcheck.Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the final rename fails, the previous file is untouched and no temporary file is left."""
    out = tmp_path / "smic.json"
    out.write_text("previous", encoding="utf-8")

    def fail(*_args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OutputError, match="No space left"):
        export(smic, "json", out)
    assert out.read_text(encoding="utf-8") == "previous"
    assert leftovers(tmp_path) == []


# ---- SQLite ----------------------------------------------------------------------------------------
def test_sqlite_export_has_keys_links_and_derived_columns(reviewed: claimcheck.Corpus, tmp_path: Path) -> None:
    """Tables have primary and foreign keys that all resolve, link tables, and each claim's status and latest verdict."""
    out = export(reviewed, "sqlite", tmp_path / "c.db").path
    con = sqlite3.connect(out)
    try:
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == len(reviewed.claims)
        fks = {row[2] for row in con.execute("PRAGMA foreign_key_list(appearances)")}
        assert fks == {"claims", "documents", "sources"}  # the translator is a source
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        row = con.execute(
            "SELECT evidence_status, verdict, verdict_label, verdict_rating FROM claims WHERE id = 'pentagon-military-links'"
        ).fetchone()
        assert row == ("contested", "mixed", "Mixed", 3)
        subjects = {r[0] for r in con.execute("SELECT claim FROM claim_subjects WHERE subject = 'chinese-government'")}
        assert "commerce-letter-military-use-risk" in subjects
        hit = con.execute("SELECT id FROM claims WHERE rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH 'Kirin')").fetchall()
        assert hit == [("huawei-stop-kirin-production",)]
    finally:
        con.close()
    assert leftovers(tmp_path) == []


def test_sqlite_export_opens_in_datasette_and_finds_a_quote(smic: claimcheck.Corpus, tmp_path: Path) -> None:
    """Datasette serves the exported database, and a full-text query on quotes finds SMIC's denial."""
    datasette_app = pytest.importorskip("datasette.app")
    out = export(smic, "sqlite", tmp_path / "smic.db").path

    async def fetch() -> tuple[Any, Any]:
        ds = datasette_app.Datasette([str(out)])
        claims = await ds.client.get("/smic/claims.json?_shape=array&_size=max")
        sql = "select claim, quote from quotes_fts where quotes_fts match 'armed forces' order by claim"
        quotes = await ds.client.get("/smic.json", params={"sql": sql, "_shape": "array"})
        assert claims.status_code == quotes.status_code == 200
        return claims.json(), quotes.json()

    claims, quotes = asyncio.run(asyncio.wait_for(fetch(), timeout=30))
    assert {c["id"] for c in claims} == set(smic.claims)
    assert [q["claim"] for q in quotes] == ["smic-no-military-end-users", "smic-no-military-relationship"]
    assert "armed forces" in quotes[0]["quote"]


# ---- ClaimReview -----------------------------------------------------------------------------------
GOOGLE_REQUIRED = ("claimReviewed", "reviewRating", "url", "author", "datePublished")


def test_claimreview_has_googles_required_fields_and_the_reviews_scale(reviewed: claimcheck.Corpus) -> None:
    """Each published review becomes a ClaimReview with Google's required fields, rated on its own scale."""
    doc, problems = to_claimreview(reviewed, base_url="https://factdesk.invalid/")
    assert problems == []
    graph = doc["@graph"]
    assert doc["@context"] == "https://schema.org"
    assert [n["claimReviewed"] for n in graph] == [
        "SMIC has links with the Chinese military.",
        "SMIC is the largest silicon chip maker in China.",
    ]
    for node in graph:
        assert all(node.get(k) for k in GOOGLE_REQUIRED), node
        assert node["reviewRating"]["alternateName"]
        assert node["author"] == {"@type": "Organization", "name": "Test Fact Desk", "url": "https://factdesk.invalid/"}
    first, second = graph
    assert first["reviewRating"] == {"@type": "Rating", "ratingValue": 3, "bestRating": 5, "worstRating": 1, "alternateName": "Mixed"}
    assert first["url"] == "https://factdesk.invalid/reviews/pentagon-military-links"
    # the claim's page on the site published at the base URL: the page the site builds, not the bare id
    assert second["url"] == "https://factdesk.invalid/claims/smic-largest-chip-maker-china.html"
    assert first["itemReviewed"]["author"] == {"@type": "Organization", "name": "US Department of Defense (the Pentagon)"}
    assert "datePublished" not in first["itemReviewed"]  # "../2020-09" is an interval: no precision invented
    assert second["itemReviewed"]["datePublished"] == "2020-09"
    assert second["itemReviewed"]["firstAppearance"]["name"].startswith("US imposes restrictions")


def test_claimreview_leaves_out_reviews_without_a_url(reviewed: claimcheck.Corpus) -> None:
    """Without a base URL, a review that has no url is left out with an export-skipped warning."""
    doc, problems = to_claimreview(reviewed)
    assert len(doc["@graph"]) == 1
    assert [(p.code, p.record) for p in problems] == [("export-skipped", "review-smic-largest")]
    with_drafts, _ = to_claimreview(reviewed, base_url="https://x.invalid", include_drafts=True)
    assert len(with_drafts["@graph"]) == 3


def test_claimreview_export_passes_the_schemaorg_check(reviewed: claimcheck.Corpus, tmp_path: Path) -> None:
    """The written JSON-LD passes the offline schema.org vocabulary check (skipped when the checker is not installed)."""
    out = export(reviewed, "claimreview", tmp_path / "reviews.jsonld", base_url="https://factdesk.invalid/claims").path
    assert json.loads(out.read_text(encoding="utf-8"))["@graph"]
    if not WEBCHECK_PYTHON.exists() or not SCHEMAORG_CHECK.exists():
        pytest.skip("the webcheck venv is not installed (run shared/tools/webcheck/check.sh once)")
    done = subprocess.run([str(WEBCHECK_PYTHON), str(SCHEMAORG_CHECK), str(out)], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip().endswith("OK")


# ---- FEVER and AVeriTeC ----------------------------------------------------------------------------
def test_fever_items_take_their_label_and_evidence_from_the_scale_and_relations(reviewed: claimcheck.Corpus, tmp_path: Path) -> None:
    """A 'mixed' verdict maps to NOT ENOUGH INFO without evidence; a draft review is left out; the file is JSON Lines."""
    items, problems = to_fever(reviewed)
    assert problems == []
    assert [(i["id"], i["claim_id"], i["label"], i["verifiable"]) for i in items] == [
        (1, "pentagon-military-links", "NOT ENOUGH INFO", "NOT VERIFIABLE"),
        (2, "smic-largest-chip-maker-china", "SUPPORTS", "VERIFIABLE"),
    ]
    assert items[0]["evidence"] == [[[1, None, None, None]]]  # FEVER's shape for NOT ENOUGH INFO
    assert items[1]["evidence"] == items[1]["evidence_quotes"] == []  # nothing supports it on record
    drafts, _ = to_fever(reviewed, include_drafts=True)
    refuted = next(i for i in drafts if i["label"] == "REFUTES")
    assert refuted["claim_id"] == "sos-report-us-equipment-military"
    # SMIC's two denials, each a group of [annotation, evidence, page, sentence] items numbered in the article's full text
    assert [[e[2] for e in group] for group in refuted["evidence"]] == [["smic-article"], ["smic-article"]]
    assert all(isinstance(e[0], int) and isinstance(e[1], int) and isinstance(e[3], int) for g in refuted["evidence"] for e in g)
    assert [g[0][0] for g in refuted["evidence_quotes"]] == ["smic-article", "smic-article"]
    lines = export(reviewed, "fever", tmp_path / "f.jsonl").path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == items


def test_averitec_items_follow_the_dataset_fields(reviewed: claimcheck.Corpus) -> None:
    """AVeriTeC items carry the label mapping, the rationale as justification, and no invented date precision."""
    items, problems = to_averitec(reviewed, base_url="https://factdesk.invalid/")
    assert problems == []
    first = items[0]
    assert set(first) >= {"claim", "label", "justification", "claim_date", "speaker", "original_claim_url", "questions"}
    assert (first["label"], first["claim_date"], first["speaker"]) == (
        "Conflicting Evidence/Cherrypicking",
        None,
        "US Department of Defense (the Pentagon)",
    )
    assert first["justification"].startswith("SMIC denies")
    assert items[1]["label"] == "Supported"
    assert items[1]["fact_checking_article"] == "https://factdesk.invalid/claims/smic-largest-chip-maker-china.html"


def test_a_verdict_without_a_dataset_mapping_is_reported(tmp_path: Path) -> None:
    """A scale value with no fever/averitec mapping leaves its claim out with an export-skipped warning."""
    root = copy_smic(tmp_path / "c", reviews=True)
    config = root / "claimcheck.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        fever: NOT ENOUGH INFO\n        averitec: Conflicting Evidence/Cherrypicking\n", ""
        ),
        encoding="utf-8",
    )
    corpus = claimcheck.load(root)
    fever, fever_problems = to_fever(corpus)
    averitec, averitec_problems = to_averitec(corpus)
    assert [i["claim_id"] for i in fever] == [i["claim_id"] for i in averitec] == ["smic-largest-chip-maker-china"]
    assert [p.code for p in fever_problems + averitec_problems] == ["export-skipped", "export-skipped"]


# ---- CLI -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", list(exporters()))
def test_cli_export_writes_every_format(fmt: str, tmp_path: Path) -> None:
    """`claimcheck export --to FMT -o OUT` writes OUT and says how much it wrote."""
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(main, ["export", str(CLAIMS), "--to", fmt, "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert out.exists()
    assert f"to {out} ({fmt})" in result.stderr


def test_cli_export_refuses_a_corpus_with_errors(tmp_path: Path) -> None:
    """A corpus with errors is not exported: exit 1, the errors listed, nothing written."""
    root = copy_smic(tmp_path / "c")
    (root / "bad.yaml").write_text(
        "claims:\n  - {id: bad, text: x, speaker: nobody, kind: assertion, appearances: [{document: smic-article, quote: y}]}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["export", str(root), "--to", "json", "-o", str(out), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "unknown-reference" in result.stdout
    assert not out.exists()


def test_docs_python_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Python examples in docs/interop.md run, in order, against a copy of the SMIC case."""
    import re

    copy_smic(tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    blocks = re.findall(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), flags=re.DOTALL)
    assert len(blocks) == 2
    namespace: dict[str, Any] = {}
    for block in blocks:
        exec(compile(block, str(DOCS), "exec"), namespace)  # noqa: S102 - running the documentation's own examples
    assert (tmp_path / "restored" / "smic.yaml").exists()
