"""Claim decomposition: a claim with sub-claims (``parent``) and no relations of its own takes the
combination of its sub-claims' statuses (claimcheck.analysis.status, docs/balance.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import Appearance, Claim, Corpus, Evidence, Relation
from claimcheck.analysis.status import Status, status_of, statuses

S, X, C, U = Status.SUPPORTED, Status.CONTRADICTED, Status.CONTESTED, Status.UNVERIFIED


def claim(cid: str, parent: str | None = None, status: str = "published") -> Claim:
    return Claim(
        id=cid, text=f"Claim {cid}.", speaker="someone", kind="assertion", parent=parent, status=status,
        appearances=(Appearance(document="doc", quote="q"),),
    )  # fmt: skip


def evidence(rid: str, rel_type: str, target: str, status: str = "published") -> Relation:
    return Relation(id=rid, type=rel_type, target=target, evidence=Evidence(document="doc", quote="q"), status=status)


def by_claim(rid: str, rel_type: str, target: str, by: str) -> Relation:
    return Relation(id=rid, type=rel_type, target=target, by=by)


def corpus_with(children: dict[str, Status], *, extra: list[Relation] = ()) -> Corpus:  # type: ignore[assignment]  # an empty tuple stands for no extra relations
    """A parent claim with one sub-claim per entry, each given relations that produce the wanted status."""
    claims = {"parent": claim("parent")}
    relations: dict[str, Relation] = {}
    for cid, wanted in children.items():
        claims[cid] = claim(cid, parent="parent")
        if wanted in (S, C):
            relations[f"{cid}-s"] = evidence(f"{cid}-s", "supports", cid)
        if wanted in (X, C):
            relations[f"{cid}-x"] = evidence(f"{cid}-x", "contradicts", cid)
    for rel in extra:
        relations[rel.id] = rel
    return Corpus(root=Path("."), claims=claims, relations=relations)


@pytest.mark.parametrize(
    ("children", "expected"),
    [
        ({"a": S, "b": S}, S),  # all supported
        ({"a": S}, S),
        ({"a": S, "b": X}, C),  # supported and contradicted
        ({"a": S, "b": C}, C),  # any contested
        ({"a": U, "b": C}, C),
        ({"a": X, "b": X}, X),  # contradicted, none supported
        ({"a": X, "b": U}, X),
        ({"a": S, "b": U}, U),  # supported but not all: not enough
        ({"a": U, "b": U}, U),
    ],
)
def test_parent_combines_its_sub_claims(children: dict[str, Status], expected: Status) -> None:
    """The parent's status follows the documented combination rule."""
    corpus = corpus_with(children)
    assert {cid: status_of(corpus, cid) for cid in children} == children
    assert status_of(corpus, "parent") == expected


def test_parent_without_sub_claims_is_unverified() -> None:
    """A claim with nothing bearing on it and no sub-claims is unverified."""
    assert status_of(corpus_with({}), "parent") == U


def test_parent_relations_take_precedence_over_sub_claims() -> None:
    """A parent with an item of its own is judged on it alone, whatever its sub-claims say."""
    corpus = corpus_with({"a": S, "b": S}, extra=[evidence("parent-x", "contradicts", "parent")])
    assert status_of(corpus, "parent") == X


def test_denied_sub_claim_makes_the_parent_contested() -> None:
    """A sub-claim that is only denied is contested, and so is its parent."""
    corpus = corpus_with({"a": S})
    claims = {**corpus.claims, "b": claim("b", parent="parent"), "denial": claim("denial")}
    relations = {**corpus.relations, "d": by_claim("d", "denies", "b", "denial")}
    corpus = Corpus(root=Path("."), claims=claims, relations=relations)
    assert status_of(corpus, "b") == C
    assert status_of(corpus, "parent") == C


def test_grandchildren_combine_upwards() -> None:
    """Sub-claims of sub-claims combine first, then into the top claim."""
    claims = {
        "top": claim("top"),
        "mid": claim("mid", parent="top"),
        "leaf1": claim("leaf1", parent="mid"),
        "leaf2": claim("leaf2", parent="mid"),
    }
    relations = {r.id: r for r in (evidence("l1", "supports", "leaf1"), evidence("l2", "supports", "leaf2"))}
    corpus = Corpus(root=Path("."), claims=claims, relations=relations)
    assert statuses(corpus) == {"top": S, "mid": S, "leaf1": S, "leaf2": S}


def test_a_parent_cycle_ends() -> None:
    """Two claims naming each other as parent do not recurse forever."""
    claims = {"a": claim("a", parent="b"), "b": claim("b", parent="a")}
    corpus = Corpus(root=Path("."), claims=claims, relations={"s": evidence("s", "supports", "b")})
    assert status_of(corpus, "b") == S
    assert status_of(corpus, "a") == S


def test_draft_relations_of_sub_claims_count_only_with_drafts() -> None:
    """A sub-claim supported only by a draft relation leaves the parent unverified unless drafts are included."""
    corpus = corpus_with({"a": S}, extra=[])
    relations = {"a-s": evidence("a-s", "supports", "a", status="draft")}
    corpus = Corpus(root=Path("."), claims=corpus.claims, relations=relations)
    assert status_of(corpus, "parent") == U
    assert status_of(corpus, "parent", include_drafts=True) == S


def test_draft_sub_claims_do_not_count_without_drafts() -> None:
    """A draft sub-claim, however well supported, does not make its published parent supported."""
    claims = {"parent": claim("parent"), "a": claim("a", parent="parent", status="draft")}
    corpus = Corpus(root=Path("."), claims=claims, relations={"a-s": evidence("a-s", "supports", "a")})
    assert status_of(corpus, "parent") == U
