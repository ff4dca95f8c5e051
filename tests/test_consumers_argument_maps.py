"""Argument-map exports re-read by the tools of the field: the AIF by arguebuf (the Python library of
the argument-mining community, which reads AIFdb's JSON), the Argdown by @argdown/core's own parser
(installed from npm by .ci/run; skipped, saying so, when absent)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from support import DATA, FULL
from support.consumers import CONSUMERS, node

import claimcheck
from claimcheck.interop import export
from claimcheck.interop.argument_maps import escape_argdown

#: (premise, relation, conclusion) as the fixture records them, support and attack only (qualifies is left out).
EXPECTED = {
    ("company-said-fare-rise", "support", "fare-rise"),
    ("announced", "attack", "hiding"),
    ("dahl-knew", "support", "hiding"),
    ("minutes-contradict-hiding", "attack", "hiding"),
    ("minutes-support-announced", "support", "announced"),
}


def test_aif_is_read_by_arguebuf_with_every_claim_and_relation(tmp_path: Path) -> None:
    """arguebuf loads the file: claims and quoted evidence as atoms, support and attack as schemes between the right atoms."""
    ab = pytest.importorskip("arguebuf")
    corpus = claimcheck.load(FULL)
    result = export(corpus, "aif", tmp_path / "map.json")
    assert [p.record for p in result.problems] == ["minutes-named-no-figure"]
    data = json.loads(result.path.read_text(encoding="utf-8"))
    assert all(isinstance(n["nodeID"], str) for n in data["nodes"])  # integer ids lose edges in arguebuf
    graph = ab.load.file(result.path)
    texts = {a.plain_text for a in graph.atom_nodes.values()}
    assert {c.text for c in corpus.claims.values()} <= texts
    assert "The committee noted the presentation" in texts
    by_text = {c.text: c.id for c in corpus.claims.values()}
    by_text.update({r.evidence.quote: r.id for r in corpus.relations.values() if r.evidence})
    found = set()
    for scheme in graph.scheme_nodes.values():
        kind = "support" if isinstance(scheme.scheme, ab.Support) else "attack" if isinstance(scheme.scheme, ab.Attack) else "?"
        (premise,) = graph.incoming_atom_nodes(scheme)
        (conclusion,) = graph.outgoing_atom_nodes(scheme)
        found.add((by_text[premise.plain_text], kind, by_text[conclusion.plain_text]))
    assert found == EXPECTED
    speakers = {p["firstname"] + (" " + p["surname"] if p["surname"] else "") for p in data["participants"]}
    assert {"Ingrid Dahl", "Nordvik Ferries", "Harbour Users' Association"} <= speakers
    locution_nodes = {n["nodeID"]: n["text"] for n in data["nodes"] if n["type"] == "L"}
    assert {loc["nodeID"] for loc in data["locutions"]} == set(locution_nodes)
    assert "Ingrid Dahl : They knew in December and said nothing" in locution_nodes.values()


def _argdown_json(path: Path) -> dict[str, Any]:
    script = DATA / "consumers" / "argdown-parse.mjs"
    done = subprocess.run(
        [node() or "node", str(script), str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "CONSUMERS": str(CONSUMERS)},
    )
    assert done.returncode == 0, done.stderr
    out: dict[str, Any] = json.loads(done.stdout)
    return out


def test_argdown_is_parsed_by_argdown_core_without_errors(tmp_path: Path) -> None:
    """@argdown/core parses the export with no parser error, and finds every claim, argument and relation."""
    if node() is None:
        pytest.skip("@argdown/core is not installed (.ci/run installs it from npm into ~/.cache/claimcheck-consumers)")
    result = export(claimcheck.load(FULL), "argdown", tmp_path / "map.argdown")
    parsed = _argdown_json(result.path)
    assert parsed["errors"] == []
    data = parsed["json"]
    assert set(data["statements"]) == {"fare-rise", "hiding", "dahl-knew", "announced"}
    assert set(data["arguments"]) == {"company-said-fare-rise", "minutes-support-announced", "minutes-contradict-hiding"}
    assert {(r["from"], r["relationType"], r["to"]) for r in data["relations"]} == EXPECTED
    texts = {m.get("text") for s in data["statements"].values() for m in s["members"]}
    assert any(t and t.startswith("Nordvik Ferries hid its fare increase until after the council vote.") for t in texts)


def test_argdown_escapes_what_argdown_would_read_as_syntax(tmp_path: Path) -> None:
    """A claim text full of Argdown's own characters comes back from the parser as written."""
    if node() is None:
        pytest.skip("@argdown/core is not installed (.ci/run installs it from npm into ~/.cache/claimcheck-consumers)")
    hostile = "A [bracketed] <arg> #tag with *stars* and _under_ scores, @mention, {data} and a back\\slash"
    path = tmp_path / "hostile.argdown"
    path.write_text(f"[h]: {escape_argdown(hostile)}\n", encoding="utf-8")
    parsed = _argdown_json(path)
    assert parsed["errors"] == []
    (member,) = parsed["json"]["statements"]["h"]["members"]
    assert member["text"] == hostile
