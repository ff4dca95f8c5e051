"""The researchers' queries: claims by status and verdict, transitive support and contradiction."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import DATA

import claimcheck
from claimcheck import Inference

REPO = Path(__file__).resolve().parents[1]
GRAPH = DATA / "graph"


@pytest.fixture(scope="module")
def graph() -> claimcheck.Corpus:
    """The synthetic graph corpus, loaded once."""
    corpus = claimcheck.load(GRAPH)
    assert corpus.ok, [p.format() for p in corpus.problems]
    return corpus


def keys(inferences: list[Inference]) -> dict[str, tuple[str, ...]]:
    """Each inferred item's key mapped to the claims it passes through."""
    return {i.key: i.via for i in inferences}


def test_support_closure_follows_supporters_of_supporters(graph: claimcheck.Corpus) -> None:
    """Supporters of supporters, and a quoted passage supporting one of them, support the target."""
    assert keys(claimcheck.support_closure(graph, "target")) == {"s1": (), "c2": (), "s2": ("s1",), "c1": ("c2",), "r-ev": ("s2", "s1")}


def test_support_closure_reports_the_path_and_the_evidence(graph: claimcheck.Corpus) -> None:
    """An inference through evidence carries the quoted passage and the relations from it to the target."""
    via_evidence = next(i for i in claimcheck.support_closure(graph, "target") if i.evidence is not None)
    assert via_evidence.claim is None
    assert via_evidence.evidence is not None
    assert via_evidence.evidence.quote == "the quoted evidence"
    assert [r.id for r in via_evidence.path] == ["r-ev", "r-s2", "r-s1"]
    assert not via_evidence.direct
    assert all(i.effect == "supports" and i.target == "target" for i in claimcheck.support_closure(graph, "target"))


def test_contradiction_closure_takes_exactly_one_opposing_link(graph: claimcheck.Corpus) -> None:
    """Contradictors of supporters and supporters of contradictors contradict; a contradictor of a contradictor does not support."""
    assert keys(claimcheck.contradiction_closure(graph, "target")) == {"x2": (), "d1": (), "x1": ("s1",), "s3": ("x2",)}
    assert "y" not in keys(claimcheck.support_closure(graph, "target"))


def test_closures_leave_out_drafts_unless_asked(graph: claimcheck.Corpus) -> None:
    """A draft relation counts only with include_drafts, as for the evidence-derived status."""
    assert "z" not in keys(claimcheck.support_closure(graph, "target"))
    assert keys(claimcheck.support_closure(graph, "target", include_drafts=True))["z"] == ()


def test_closures_ignore_context_and_end_on_cycles(graph: claimcheck.Corpus) -> None:
    """Context relations are not followed, a supporting cycle ends, and the claim never supports itself."""
    assert keys(claimcheck.support_closure(graph, "c1")) == {"c2": ()}
    assert keys(claimcheck.support_closure(graph, "c2")) == {"c1": ()}
    assert "q" not in keys(claimcheck.support_closure(graph, "target")) | keys(claimcheck.contradiction_closure(graph, "target"))


def test_closure_rejects_an_unknown_effect(graph: claimcheck.Corpus) -> None:
    """Asking for an effect other than supports or contradicts is a caller's mistake."""
    from claimcheck.analysis.queries import closure

    with pytest.raises(ValueError, match="effect"):
        closure(graph, "target", "qualifies")


def test_smic_denials_are_direct_contradictions(smic: claimcheck.Corpus) -> None:
    """On the SMIC case, SMIC's denial is the only item opposing the Pentagon's allegation, and nothing supports it."""
    assert keys(claimcheck.contradiction_closure(smic, "pentagon-military-links")) == {"smic-no-military-relationship": ()}
    assert claimcheck.support_closure(smic, "pentagon-military-links") == []


def test_claims_by_status_on_smic(smic: claimcheck.Corpus) -> None:
    """The SMIC allegations that SMIC denies are contested; nothing is supported."""
    contested = [c.id for c in claimcheck.claims_by_status(smic, "contested")]
    assert contested == [
        "administration-military-use-belief",
        "commerce-letter-military-use-risk",
        "pentagon-military-links",
        "sos-report-us-equipment-military",
    ]
    assert claimcheck.claims_by_status(smic, "supported") == []
    assert len(claimcheck.claims_by_status(smic, "unverified")) == len(smic.claims) - len(contested)


def test_claims_by_status_rejects_an_unknown_status(smic: claimcheck.Corpus) -> None:
    """A status outside the four is refused."""
    with pytest.raises(ValueError, match="proven"):
        claimcheck.claims_by_status(smic, "proven")


def test_claims_by_verdict_uses_the_latest_published_review(graph: claimcheck.Corpus) -> None:
    """The target's later review (false) counts, not its first (unproven); a draft review counts only with drafts."""
    assert [c.id for c in claimcheck.claims_by_verdict(graph, "false")] == ["target"]
    assert claimcheck.claims_by_verdict(graph, "unproven") == []
    assert [c.id for c in claimcheck.claims_by_verdict(graph, "false", include_drafts=True)] == ["target", "x1"]
    assert [c.id for c in claimcheck.claims_by_verdict(graph, "true", scale="three-point")] == ["s1"]
    assert claimcheck.claims_by_verdict(graph, "true", scale="other-scale") == []
    review = claimcheck.latest_review(graph, "target")
    assert review is not None
    assert review.id == "rev-target-2"
