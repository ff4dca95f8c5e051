"""The benchmark suite (benchmarks/) cannot rot: its corpora load clean and a small run writes every row.

No test here times anything: the figures come from ``python3 benchmarks/run.py`` on a quiet machine.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from support import ROOT

import claimcheck

BENCH = ROOT / "benchmarks"
if str(BENCH) not in sys.path:
    sys.path.append(str(BENCH))  # appended, not prepended: the scripts' modules never shadow anything

import generate  # noqa: E402 - found through the path added just above
import hugo  # noqa: E402 - benchmarks/ is put on the path first
import report  # noqa: E402 - benchmarks/ is put on the path first


@pytest.fixture(scope="module")
def corpus_1k(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    """A generated corpus of 1,000 claims and its manifest."""
    root = tmp_path_factory.mktemp("bench") / "corpus"
    return root, generate.generate(1000, root, seed=1)


def test_generated_corpus_loads_without_problems(corpus_1k: tuple[Path, dict[str, object]]) -> None:
    """The generated corpus loads with no problem at all, and holds exactly what its manifest says."""
    root, manifest = corpus_1k
    corpus = claimcheck.load(root)
    assert corpus.ok
    assert [p.format() for p in corpus.problems] == []
    counts = {"sources": corpus.sources, "documents": corpus.documents, "claims": corpus.claims}
    counts |= {"relations": corpus.relations, "comments": corpus.comments, "reviews": corpus.reviews}
    assert {k: len(v) for k, v in counts.items()} == manifest["counts"]
    assert len(corpus.claims) == 1000
    assert len(corpus.fulltexts) == manifest["fulltexts"] > 0  # full texts verified, so quotes were checked


def test_generated_corpus_is_realistic(corpus_1k: tuple[Path, dict[str, object]]) -> None:
    """Every claim kind and relation type, unnamed groups, interests, unseen documents, 1-3 hop chains,
    comment requests and reviews on both declared scales are all present."""
    corpus = claimcheck.load(corpus_1k[0])
    assert set(Counter(c.kind for c in corpus.claims.values())) == {
        "allegation",
        "assertion",
        "denial",
        "action",
        "assessment",
        "prediction",
        "background",
    }
    assert {r.type for r in corpus.relations.values()} == {"supports", "contradicts", "qualifies", "context", "responds-to", "denies"}
    assert any(s.unnamed for s in corpus.sources.values())
    assert any(s.interests for s in corpus.sources.values())
    assert any(not d.seen for d in corpus.documents.values())
    assert {len(a.chain) for c in corpus.claims.values() for a in c.appearances} == {0, 1, 2, 3}
    assert {r.evidence is not None for r in corpus.relations.values()} == {True, False}
    assert corpus.comments
    assert {r.scale for r in corpus.reviews.values()} == {None, "three-point"}
    stories = list((corpus_1k[0] / "stories").glob("*.yaml"))
    assert all(10 <= len(yaml.safe_load(p.read_text(encoding="utf-8"))["claims"]) <= 30 for p in stories)


def test_generator_is_deterministic(tmp_path: Path) -> None:
    """The command line with the same seed writes byte-identical corpora with one worker process or two."""
    for jobs in ("1", "2"):
        cmd = [sys.executable, str(BENCH / "generate.py"), "--claims", "300", "--out", str(tmp_path / jobs), "--seed", "7", "--jobs", jobs]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    one = {p.relative_to(tmp_path / "1"): p.read_bytes() for p in sorted((tmp_path / "1").rglob("*")) if p.is_file()}
    two = {p.relative_to(tmp_path / "2"): p.read_bytes() for p in sorted((tmp_path / "2").rglob("*")) if p.is_file()}
    assert one == two
    assert len(one) > 10


def test_edit_changes_only_one_claim(tmp_path: Path) -> None:
    """The rebuild step's edit changes one claim's text and nothing else, and the corpus still loads clean."""
    root = tmp_path / "corpus"
    manifest = generate.generate(100, root, seed=3)
    before = claimcheck.load(root)
    original = generate.edit_claim(root, manifest["edit"], "test 1")
    after = claimcheck.load(root)
    assert after.ok
    assert not after.problems
    cid = manifest["edit"]["claim"]
    assert after.claims[cid].text == "Edited (test 1) " + before.claims[cid].text
    assert [k for k in before.claims if before.claims[k] != after.claims[k]] == [cid]
    (root / manifest["edit"]["file"]).write_bytes(original)
    assert claimcheck.load(root).claims[cid].text == before.claims[cid].text


def test_hugo_front_matter_reads_back() -> None:
    """The Hugo converter's front matter is YAML that reads back as the data written, quotes and all."""
    data = {
        "title": 'He said: "no" — it\'s 2020-09: #1',
        "topics": ["a", "b"],
        "quotes": [{"quote": "x", "chain": [{"source": "s", "mode": "paraphrase"}]}, {"quote": "y"}],
        "empty": [],
    }
    text = hugo.front_matter(data)
    assert text.startswith("---\n")
    assert text.endswith("---\n")
    del data["empty"]
    assert yaml.safe_load(text.strip().strip("-")) == data


@pytest.mark.slow
def test_smoke_run_writes_every_row(tmp_path: Path) -> None:
    """A one-repeat run at 1,000 claims prints the table and writes it, with a row for every step and the
    targets, to --results-dir (Hugo is left out when it is not installed)."""
    cmd = [sys.executable, str(BENCH / "run.py"), "--sizes", "1k", "--repeat", "1", "--label", "smoke"]
    cmd += ["--results-dir", str(tmp_path / "results"), "--work-dir", str(tmp_path / "work")]
    if shutil.which("hugo") is None:
        cmd.append("--no-hugo")
    done = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=600)
    table = (tmp_path / "results" / "smoke.md").read_text(encoding="utf-8")
    assert table == done.stdout
    for _key, label, _unit in report.STEPS:
        assert f"\n| {label} |" in table
    assert "## 1,000 claims" in table
    assert "## Targets (1,000 claims, whole process)" in table
    raw = json.loads((tmp_path / "results" / "smoke.json").read_text(encoding="utf-8"))
    steps = raw["runs"]["1000"]["steps"]
    assert steps["load"]["process"]
    assert steps["load"]["inproc"]
    assert steps["check"]["process"]
    assert steps["check"]["inproc"]
    assert raw["meta"]["machine"]["nproc"] >= 1


@pytest.mark.slow
def test_site_weights_runs_and_keeps_the_limits(tmp_path: Path) -> None:
    """benchmarks/site_weights.py at 1,000 claims builds the site, finds no page over 250 KB and (with Chromium) no query
    loading more; its figures are written as JSON."""
    import site_weights  # benchmarks/ is on the path (added above)

    browser = Path("/usr/bin/chromedriver").is_file()
    out = tmp_path / "weights.json"
    argv = ["--claims", "1000", "--work-dir", str(tmp_path), "--json", str(out)] + ([] if browser else ["--no-browser"])
    assert site_weights.main(argv) == 0
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["largest"][0]["bytes"] <= site_weights.PAGE_LIMIT
    if browser:
        assert all(0 < s["total"] <= site_weights.SEARCH_LIMIT and s["query_files"] > 0 for s in figures["searches"])
