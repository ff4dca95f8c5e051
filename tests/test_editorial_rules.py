"""The editorial rules of the balance check, one small corpus each: who answers for whom (both ways),
which way an interest leans, unseen documents, shared origins, the outlet's own word, right of reply
in full, verdicts resting on nothing independent, and possible duplicates."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

import claimcheck
from claimcheck import analyse

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


def found(tmp_path: Path, data: dict[str, Any]) -> set[tuple[str, str | None]]:
    """The (code, claim) pairs the balance check reports on ``data``; the corpus must validate."""
    (tmp_path / "story.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    (tmp_path / "claimcheck.yaml").write_text(yaml.safe_dump(SCALE), encoding="utf-8")
    corpus = claimcheck.load(tmp_path)
    assert corpus.ok, [p.format() for p in corpus.problems]
    return {(f.code, f.record) for f in analyse(corpus).findings}


def claim(cid: str, speaker: str, kind: str, text: str, *, subjects: tuple[str, ...] = (), **more: Any) -> dict[str, Any]:
    app = more.pop("appearances", [{"document": "paper", "quote": text}])
    return {"id": cid, "text": text, "speaker": speaker, "kind": kind, "subjects": list(subjects), "appearances": app, **more}


def base() -> dict[str, Any]:
    """A regulator accuses a subsidiary, reported by one paper."""
    return {
        "sources": [
            {"id": "regulator", "name": "Water Regulator", "kind": "government-body"},
            {"id": "group", "name": "Halvorsen Group", "kind": "company"},
            {"id": "unit", "name": "Halvorsen Marine", "kind": "company", "part_of": ["group"]},
            {"id": "sister", "name": "Halvorsen Freight", "kind": "company", "part_of": ["group"]},
            {"id": "gazette", "name": "The Harbour Gazette", "kind": "news-outlet"},
        ],
        "documents": [{"id": "paper", "title": "Marine unit accused", "kind": "article", "publisher": "gazette", "date": "2024-05-02"}],
        "claims": [claim("accusation", "regulator", "allegation", "Halvorsen Marine dumped ballast water in the bay.", subjects=("unit",))],
    }


def with_reply(data: dict[str, Any], speaker: str) -> dict[str, Any]:
    out = copy.deepcopy(data)
    out["claims"].append(claim("reply", speaker, "denial", "No ballast water was dumped in the bay."))
    out["relations"] = [{"id": "reply-denies", "type": "denies", "target": "accusation", "by": "reply"}]
    return out


def test_an_unanswered_allegation_is_reported_with_its_sentence(tmp_path: Path) -> None:
    """With no reply and no request, the allegation is unanswered, and the message names it by its attributed sentence."""
    (tmp_path / "story.yaml").write_text(yaml.safe_dump(base(), sort_keys=False), encoding="utf-8")
    report = analyse(claimcheck.load(tmp_path))
    (finding,) = [f for f in report.findings if f.code == "unanswered-accusation"]
    assert finding.record == "accusation"
    assert finding.message.startswith("Halvorsen Marine dumped ballast water in the bay, Water Regulator alleged: Halvorsen Marine has not")
    assert finding.hint is not None
    assert "relation" in finding.hint


@pytest.mark.parametrize(
    ("replier", "answered"),
    [
        ("unit", True),  # the subject itself
        ("group", True),  # its parent company answers for it
        ("sister", False),  # a sibling does not
        ("regulator", False),  # the accuser does not
    ],
)
def test_a_parent_answers_for_its_subsidiary_and_a_sibling_does_not(tmp_path: Path, replier: str, answered: bool) -> None:
    """A reply by the subject, or by the body it is part of, answers the allegation; a sibling's reply does not."""
    codes = found(tmp_path, with_reply(base(), replier))
    assert (("unanswered-accusation", "accusation") in codes) is not answered


def test_a_subsidiary_answers_for_its_parent(tmp_path: Path) -> None:
    """The other way round: an allegation against the parent, answered by its subsidiary."""
    data = base()
    data["claims"][0]["subjects"] = ["group"]
    assert ("unanswered-accusation", "accusation") not in found(tmp_path, with_reply(data, "unit"))


@pytest.mark.parametrize("kind", ["person", "unnamed-group"])
def test_a_spokesperson_answers_for_the_body_and_its_parts(tmp_path: Path, kind: str) -> None:
    """A spokesperson of the parent (named or not) answers for the subsidiary; an unnamed one of a named body is not an unnamed source."""
    data = base()
    data["sources"].append({"id": "spokes", "name": "A Halvorsen spokesperson", "kind": kind, "represents": ["group"]})
    data["claims"].append(
        claim(
            "spokes-view",
            "spokes",
            "assertion",
            "The bay's water quality met every standard last year.",
            appearances=[
                {
                    "document": "paper",
                    "quote": "The bay's water quality met every standard last year.",
                    "chain": [{"source": "spokes", "mode": "unnamed-source"}],
                }
            ],
        )
    )
    codes = found(tmp_path, with_reply(data, "spokes"))
    assert ("unanswered-accusation", "accusation") not in codes
    assert ("unnamed-source", "spokes-view") not in codes


def test_a_lawyer_answers_for_the_client_personally(tmp_path: Path) -> None:
    """An allegation against a chief executive, answered through the lawyer who represents him."""
    data = base()
    data["sources"] += [
        {"id": "ceo", "name": "Tomas Berg", "kind": "person", "part_of": ["unit"]},
        {"id": "lawyer", "name": "Lucia Ferrer", "kind": "person", "represents": ["ceo"]},
    ]
    data["claims"][0]["subjects"] = ["ceo"]
    assert ("unanswered-accusation", "accusation") not in found(tmp_path, with_reply(data, "lawyer"))


def test_a_statement_against_interest_is_not_interested_party_only(tmp_path: Path) -> None:
    """An internal memo admitting a fault (adverse to the party, whose interest is for itself) is no interested-party claim;
    the same party's reassurance (favourable) is."""
    data = base()
    data["sources"][1]["interests"] = [{"description": "Its reputation and licences.", "subjects": ["group"], "stance": "for"}]
    data["claims"] += [
        claim("admission", "group", "assertion", "Our monitoring failed for eleven weeks.", subjects=("group",), bearing="adverse"),
        claim(
            "reassurance", "group", "assertion", "Our monitoring is the best in the industry.", subjects=("group",), bearing="favourable"
        ),
    ]
    codes = found(tmp_path, data)
    assert ("interested-party-only", "admission") not in codes
    assert ("interested-party-only", "reassurance") in codes
    assert ("single-source", "admission") not in codes  # its word about itself needs no second source


def test_a_paid_consultant_supporting_its_client_is_interested(tmp_path: Path) -> None:
    """A consultant paid by the developer, vouching for the developer's scheme, has an interest leaning the claim's way."""
    data = base()
    data["sources"].append(
        {
            "id": "consultant",
            "name": "Ridgeway Planning",
            "kind": "company",
            "interests": [{"description": "Paid by Halvorsen Group for the scheme.", "subjects": ["group"], "stance": "for"}],
        }
    )
    data["claims"].append(
        claim("assurance", "consultant", "assertion", "The scheme meets every flood standard.", subjects=("group",), bearing="favourable")
    )
    assert ("interested-party-only", "assurance") in found(tmp_path, data)


def test_a_claim_known_only_through_an_unseen_memo_is_second_hand_and_names_it(tmp_path: Path) -> None:
    """Whatever the hop types, words known only through a document nobody here has seen are second-hand; the message names it."""
    data = base()
    data["documents"].append(
        {"id": "memo", "title": "Internal memo on ballast monitoring", "kind": "other", "publisher": "group", "seen": False}
    )
    data["claims"][0]["appearances"][0]["chain"] = [{"source": "regulator", "mode": "direct-quote", "document": "memo"}]
    (tmp_path / "story.yaml").write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    (finding,) = [f for f in analyse(claimcheck.load(tmp_path)).findings if f.code == "second-hand-only"]
    assert "Internal memo on ballast monitoring" in finding.message


def test_independent_first_hand_support_lifts_second_hand(tmp_path: Path) -> None:
    """A second-hand claim that an independent party supports first-hand does not rest on the report alone."""
    data = base()
    data["sources"].append({"id": "agency", "name": "Marine Data Agency", "kind": "research-firm"})
    data["claims"][0]["appearances"][0]["chain"] = [
        {"source": "regulator", "mode": "paraphrase"},
        {"source": "gazette", "mode": "paraphrase"},
    ]
    data["claims"].append(claim("samples", "agency", "assertion", "Samples from the bay showed ballast water."))
    data["relations"] = [{"id": "samples-support", "type": "supports", "target": "accusation", "by": "samples"}]
    codes = found(tmp_path, data)
    assert ("second-hand-only", "accusation") not in codes
    assert ("single-source", "accusation") not in codes


def test_three_reprints_of_one_wire_story_are_one_origin(tmp_path: Path) -> None:
    """A claim carried by three papers that reprint the wire story is single-origin, and still single-source."""
    data = base()
    data["sources"] += [{"id": f"p{i}", "name": f"Paper {i}", "kind": "news-outlet"} for i in range(3)]
    data["documents"] = [{"id": "wire", "title": "Wire story", "kind": "article", "publisher": "gazette", "date": "2024-05-02"}] + [
        {"id": f"print-{i}", "title": f"Print {i}", "kind": "article", "publisher": f"p{i}", "reprints": "wire"} for i in range(3)
    ]
    text = data["claims"][0]["text"]
    data["claims"][0]["appearances"] = [{"document": f"print-{i}", "quote": text} for i in range(3)]
    codes = found(tmp_path, data)
    assert ("single-origin", "accusation") in codes
    assert ("single-source", "accusation") in codes


def test_two_independent_reports_are_not_single_origin(tmp_path: Path) -> None:
    """The same words reported by two papers that reprint nothing share no origin."""
    data = base()
    data["sources"].append({"id": "post", "name": "The Post", "kind": "news-outlet"})
    data["documents"].append({"id": "post-story", "title": "Post story", "kind": "article", "publisher": "post"})
    text = data["claims"][0]["text"]
    data["claims"][0]["appearances"].append({"document": "post-story", "quote": text})
    assert ("single-origin", "accusation") not in found(tmp_path, data)


def test_the_outlets_own_prediction_says_so(tmp_path: Path) -> None:
    """A prediction in the paper's own voice, with nothing behind it, rests on the outlet alone (not single-source)."""
    data = base()
    data["claims"].append(claim("forecast", "gazette", "prediction", "Fines for ballast dumping will double next year."))
    codes = found(tmp_path, data)
    assert ("outlet-only", "forecast") in codes
    assert ("single-source", "forecast") not in codes


@pytest.mark.parametrize("kind", ["assertion", "assessment", "prediction"])
def test_every_kind_a_reader_weighs_is_examined_but_background_is_not(tmp_path: Path, kind: str) -> None:
    """single-source applies to assertions, assessments and predictions about others, never to background."""
    data = base()
    data["claims"] += [
        claim("weighed", "regulator", kind, "Halvorsen Marine's tanks leak.", subjects=("unit",)),
        claim("context", "regulator", "background", "The bay is a protected area.", subjects=("unit",)),
    ]
    codes = found(tmp_path, data)
    assert ("single-source", "weighed") in codes
    assert not {c for c in codes if c[1] == "context"}


def test_right_of_reply_in_full(tmp_path: Path) -> None:
    """Asked through its chief executive and declined: answered. Not asked, with a reason: a note, not a warning."""
    data = base()
    data["sources"].append({"id": "ceo", "name": "Tomas Berg", "kind": "person", "represents": ["unit"]})
    data["claims"].append(claim("second", "regulator", "allegation", "Halvorsen Freight overloaded its barges.", subjects=("sister",)))
    data["comments"] = [
        {"id": "asked-unit", "subject": "unit", "asked_via": "ceo", "outcome": "declined", "asked": "2024-05-01", "date": "2024-05-01"},
        {
            "id": "not-asked",
            "subject": "sister",
            "outcome": "not-asked",
            "reason": "The company was in administration; no one could answer for it.",
        },
    ]
    codes = found(tmp_path, data)
    assert ("unanswered-accusation", "accusation") not in codes
    assert ("unanswered-accusation", "second") not in codes
    assert ("reply-not-sought", "second") in codes


def test_replies_listed_on_a_comment_request_answer(tmp_path: Path) -> None:
    """A reply given in answer to a request (recorded as the request's replies) answers the allegation without a relation."""
    data = base()
    data["claims"].append(claim("answer", "unit", "denial", "We dumped nothing."))
    data["comments"] = [
        {"id": "asked", "subject": "unit", "outcome": "answered", "asked": "2024-05-01", "date": "2024-05-02", "replies": ["answer"]}
    ]
    codes = found(tmp_path, data)
    assert ("unanswered-accusation", "accusation") not in codes
    assert not {c for c in codes if c[1] == "answer"}  # a reply is not examined


def test_a_verdict_resting_only_on_the_accuseds_denial_has_no_evidence(tmp_path: Path) -> None:
    """A False verdict on an allegation that only the accused denies rests on nothing independent; an auditor's finding is."""
    data = with_reply(base(), "unit")
    data["reviews"] = [
        {"id": "verdict", "claim": "accusation", "verdict": "false", "rationale": "Denied.", "reviewer": "Desk", "date": "2024-05-10"}
    ]
    (tmp_path / "a").mkdir()
    assert ("verdict-without-evidence", "accusation") in found(tmp_path / "a", data)
    data["sources"].append({"id": "auditor", "name": "Bay Auditors", "kind": "research-firm"})
    data["claims"].append(claim("audit", "auditor", "assertion", "The auditors found no ballast in the bay."))
    data["relations"].append({"id": "audit-contradicts", "type": "contradicts", "target": "accusation", "by": "audit"})
    (tmp_path / "b").mkdir()
    assert ("verdict-without-evidence", "accusation") not in found(tmp_path / "b", data)


def test_near_identical_unrelated_claims_are_possible_duplicates(tmp_path: Path) -> None:
    """Two claims of one speaker saying nearly the same thing are noted once; related ones are not."""
    data = base()
    data["claims"].append(
        claim("again", "regulator", "allegation", "Halvorsen Marine dumped ballast water into the bay.", subjects=("unit",))
    )
    (tmp_path / "one").mkdir()
    codes = found(tmp_path / "one", data)
    assert ("possible-duplicate", "again") in codes
    assert ("possible-duplicate", "accusation") not in codes
    data["relations"] = [{"id": "same", "type": "supports", "target": "accusation", "by": "again"}]
    (tmp_path / "two").mkdir()
    assert not {c for c in found(tmp_path / "two", data) if c[0] == "possible-duplicate"}


def test_duplicate_search_is_bounded_on_large_groups(tmp_path: Path) -> None:
    """Three thousand claims of one speaker are compared through word buckets, not pairwise: the two duplicates are found."""
    data = base()
    data["claims"] += [
        claim(f"c{i}", "regulator", "assertion", f"Reading number {i} at buoy {i * 7} was {i % 13} units.") for i in range(3000)
    ]
    data["claims"].append(claim("dup", "regulator", "assertion", "Reading number 17 at buoy 119 was 4 units."))
    hits = {c for c in found(tmp_path, data) if c[0] == "possible-duplicate"}
    assert hits == {("possible-duplicate", "dup")}
