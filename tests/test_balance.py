"""Balance analysis on the SMIC case and on small constructed corpora."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner
from support import CLAIMS, copy_case

import claimcheck
from claimcheck.analysis.balance import analyse
from claimcheck.analysis.status import Status, status_of
from claimcheck.cli import main
from claimcheck.render.brief import build_context, render_brief

#: What a careful editor would flag in the SMIC case, and nothing more: (code, claim, pointer).
SMIC_FINDINGS = {
    ("interested-party-only", "administration-military-use-belief", "/claims/1/speaker"),
    ("interested-party-only", "commerce-letter-military-use-risk", "/claims/2/speaker"),
    # known only through the Commerce letter, which nobody here has seen (a seen: false document)
    ("second-hand-only", "commerce-letter-military-use-risk", "/claims/2/appearances/0/chain"),
    ("unanswered-accusation", "commerce-letter-military-use-risk", "/claims/2/subjects/1"),
    ("interested-party-only", "pentagon-military-links", "/claims/3/speaker"),
    ("second-hand-only", "pentagon-military-links", "/claims/3/appearances/0/chain"),
    ("second-hand-only", "pentagon-beijing-private-firms", "/claims/4/appearances/0/chain"),
    ("unanswered-accusation", "pentagon-beijing-private-firms", "/claims/4/subjects/0"),
    ("interested-party-only", "sos-report-us-equipment-military", "/claims/6/speaker"),
    # known only through SOS International's report and the Commerce statement, both unseen here
    ("second-hand-only", "sos-report-us-equipment-military", "/claims/6/appearances/0/chain"),
    ("second-hand-only", "commerce-monitoring-threats", "/claims/7/appearances/0/chain"),
    ("second-hand-only", "commerce-appropriate-measures", "/claims/8/appearances/0/chain"),
    # the article's own assessments, resting on the outlet alone
    ("outlet-only", "directive-could-escalate-conflict", "/claims/12/speaker"),
    ("outlet-only", "move-threatens-smic-supply", "/claims/13/speaker"),
    # assessments are examined like allegations: one unnamed source each
    ("single-source", "analysts-smic-crucial-for-beijing", "/claims/15/speaker"),
    ("unnamed-source", "analysts-smic-crucial-for-beijing", "/claims/15/appearances/0/chain/0"),
    ("single-source", "experts-part-of-crackdown", "/claims/16/speaker"),
    ("unnamed-source", "experts-part-of-crackdown", "/claims/16/appearances/0/chain/0"),
}


def test_smic_findings_are_pinned(smic: claimcheck.Corpus) -> None:
    """The check reports exactly the findings a careful editor would make on the SMIC case."""
    report = analyse(smic)
    found = {(f.code, f.record, f.pointer) for f in report.findings}
    assert found == SMIC_FINDINGS
    assert all(f.line and f.column and f.file for f in report.findings)


def test_smic_dispute_sides(smic: claimcheck.Corpus) -> None:
    """The military-links dispute puts the four allegations against SMIC's two denials."""
    (dispute,) = analyse(smic).disputes
    assert set(dispute.assertion.claims) == {
        "administration-military-use-belief",
        "commerce-letter-military-use-risk",
        "pentagon-military-links",
        "sos-report-us-equipment-military",
    }
    assert set(dispute.response.claims) == {"smic-no-military-relationship", "smic-no-military-end-users"}
    assert dispute.response.parties == ("smic",)
    assert dispute.status is Status.CONTESTED


def test_smic_statuses(smic: claimcheck.Corpus) -> None:
    """Denied allegations are contested; claims nothing bears on are unverified."""
    assert status_of(smic, "pentagon-military-links") is Status.CONTESTED
    assert status_of(smic, "pentagon-beijing-private-firms") is Status.UNVERIFIED
    assert status_of(smic, "smic-no-military-relationship") is Status.UNVERIFIED


def _drop_smic_denials(case: Path) -> None:
    path = case / "smic-2020.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    denials = {c["id"] for c in data["claims"] if c["speaker"] == "smic" and c["kind"] == "denial"}
    data["claims"] = [c for c in data["claims"] if c["id"] not in denials]
    data["relations"] = [r for r in data["relations"] if r.get("by") not in denials]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_removing_smic_denial_leaves_accusations_unanswered(tmp_path: Path) -> None:
    """Without SMIC's denials every allegation about SMIC is unanswered, and the brief says so."""
    case = copy_case(tmp_path)
    _drop_smic_denials(case)
    corpus = claimcheck.load(case)
    assert corpus.ok, [p.format() for p in corpus.problems]
    report = analyse(corpus)
    unanswered = {
        f.record
        for f in report.findings
        if f.code == "unanswered-accusation" and f.message.endswith("SMIC has not answered it and was not asked to")
    }
    assert unanswered == {
        "administration-military-use-belief",
        "commerce-letter-military-use-risk",
        "pentagon-military-links",
        "sos-report-us-equipment-military",
    }
    brief = render_brief(build_context(corpus), "md")
    assert "## Allegations without a recorded response" in brief
    assert (
        "Unanswered accusation: SMIC has links with the Chinese military, the Pentagon alleged, according to The Wall Street Journal: "
        "SMIC has not answered it and was not asked to" in brief
    )
    assert "Disputed points" not in brief


def _corpus(tmp_path: Path, data: dict[str, object], config: dict[str, object] | None = None) -> claimcheck.Corpus:
    (tmp_path / "c.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    if config is not None:
        (tmp_path / "claimcheck.yaml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    corpus = claimcheck.load(tmp_path)
    assert corpus.ok, [p.format() for p in corpus.problems]
    return corpus


BASE: dict[str, list[dict[str, object]]] = {
    "sources": [
        {"id": "accuser", "name": "Accuser", "kind": "organisation"},
        {"id": "firm", "name": "Firm", "kind": "company"},
        {"id": "auditor", "name": "Auditor", "kind": "research-firm"},
    ],
    "documents": [{"id": "doc", "title": "Doc", "kind": "article", "date": "2021-03"}],
    "claims": [
        {
            "id": "fraud",
            "text": "Firm committed fraud.",
            "speaker": "accuser",
            "kind": "allegation",
            "subjects": ["firm"],
            "appearances": [{"document": "doc", "quote": "fraud"}],
        },
    ],
}


def test_comment_request_answers_the_right_of_reply(tmp_path: Path) -> None:
    """A recorded request for comment to the subject silences the unanswered-accusation finding."""
    data = {**BASE, "comments": [{"id": "asked", "subject": "firm", "outcome": "declined", "asked": "2021-03-01"}]}
    report = analyse(_corpus(tmp_path, data))
    assert "unanswered-accusation" not in {f.code for f in report.findings}
    assert "single-source" in {f.code for f in report.findings}


def test_independent_support_is_not_single_source(tmp_path: Path) -> None:
    """An allegation supported by another party's claim is neither single-source nor interested-only."""
    claims = [
        *BASE["claims"],
        {
            "id": "audit",
            "text": "Accounts were falsified.",
            "speaker": "auditor",
            "kind": "assertion",
            "appearances": [{"document": "doc", "quote": "audit"}],
        },
    ]
    data = {**BASE, "claims": claims, "relations": [{"id": "r", "type": "supports", "target": "fraud", "by": "audit"}]}
    report = analyse(_corpus(tmp_path, data))
    codes = {(f.code, f.record) for f in report.findings}
    assert ("single-source", "fraud") not in codes
    assert ("unanswered-accusation", "fraud") in codes
    assert report.statuses["fraud"] is Status.SUPPORTED


SCALE = {
    "default_scale": "s",
    "rating_scales": [
        {
            "id": "s",
            "name": "S",
            "values": [
                {"id": "false", "label": "False", "rating": 1, "status": "contradicted"},
                {"id": "true", "label": "True", "rating": 2, "status": "supported"},
            ],
        }
    ],
}


def test_verdict_findings(tmp_path: Path) -> None:
    """A verdict with no evidence, and one opposite to the evidence, are both flagged."""
    claims = [
        *BASE["claims"],
        {
            "id": "audit",
            "text": "Accounts were clean.",
            "speaker": "auditor",
            "kind": "assertion",
            "appearances": [{"document": "doc", "quote": "audit"}],
        },
    ]
    data = {
        **BASE,
        "claims": claims,
        "relations": [{"id": "r", "type": "contradicts", "target": "fraud", "by": "audit"}],
        "reviews": [
            {"id": "v1", "claim": "fraud", "verdict": "true", "rationale": "x", "reviewer": "Desk", "date": "2021-04-01"},
            {"id": "v2", "claim": "audit", "verdict": "true", "rationale": "x", "reviewer": "Desk", "date": "2021-04-01"},
        ],
    }
    report = analyse(_corpus(tmp_path, data, SCALE))
    codes = {(f.code, f.record) for f in report.findings}
    assert ("verdict-contradicts-evidence", "fraud") in codes
    assert ("verdict-without-evidence", "audit") in codes
    assert report.statuses["fraud"] is Status.CONTRADICTED


def test_check_cli_json_and_fail_on(tmp_path: Path) -> None:
    """`claimcheck check --format json` reports findings and figures; --fail-on warning exits 1."""
    runner = CliRunner()
    ok = runner.invoke(main, ["check", str(CLAIMS), "--format", "json"], catch_exceptions=False)
    assert ok.exit_code == 0
    import json

    doc = json.loads(ok.output)
    assert {p["code"] for p in doc["problems"]} >= {"unanswered-accusation", "interested-party-only"}
    (fig,) = doc["disputes"]
    assert fig["response"]["parties"] == ["SMIC"]
    assert fig["assertion"]["claims"] == 4
    assert fig["assertion"]["words"] > 0
    assert fig["response"]["words"] > 0
    strict = runner.invoke(main, ["check", str(CLAIMS), "--fail-on", "warning"], catch_exceptions=False)
    assert strict.exit_code == 1
    assert "unanswered-accusation" in strict.output
