"""The maps keep their promise on the SVG itself: no edge passes behind a box or across another edge's
label, no label overlaps a label or a box, no two boxes overlap — on every map of the SMIC case and of a
1,000-claim corpus. And the layout is the same whatever the hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import CLAIMS, ROOT
from support.sitecheck import crosses, map_problems, svg_of

import claimcheck
from claimcheck.render.site import build_site


def test_the_checker_sees_an_edge_behind_a_box() -> None:
    """The geometric check is not vacuous: a segment through a box, or two overlapping labels, are reported."""
    assert crosses((0, 0), (100, 100), (40, 40, 60, 60))
    assert not crosses((0, 0), (100, 0), (40, 10, 60, 60))
    assert not crosses((50, 0), (50, 10), (40, 10, 60, 60))  # ends on the border: touching is not passing behind
    svg = (
        '<a href="x" class="map-node" id="node-a"><rect class="map-box" x="0" y="0" width="100" height="50"/></a>'
        '<a href="y" class="map-node" id="node-b"><rect class="map-box" x="0" y="200" width="100" height="50"/></a>'
        '<a href="z" class="map-node" id="node-c"><rect class="map-box" x="0" y="100" width="100" height="50"/></a>'
        '<g class="map-edge" data-from="node-b" data-to="node-a" data-label="label-0"><path class="map-line" d="M50,200 L50,50"/></g>'
        '<g class="map-label" id="label-0"><rect class="map-label-box" x="30" y="110" width="40" height="20"/></g>'
    )
    assert map_problems(svg) == ["edge node-b → node-a passes behind the box node-c", "label label-0 overlaps the box node-c"]


def _maps(site: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((site / "maps").glob("*.html"))}


def test_smic_maps_have_no_edge_behind_a_box(smic_site: Path) -> None:
    """The SMIC dispute map, the case the issue was found on: SMIC's denials reach the administration's claim without
    passing behind the Commerce Department's box, and no label covers another."""
    maps = _maps(smic_site)
    assert set(maps) == {"dispute-1.html", "related-1.html", "related-2.html"}
    for name, page in maps.items():
        assert map_problems(svg_of(page)) == [], name


@pytest.mark.slow
def test_every_map_of_a_1k_corpus_keeps_its_geometry(site_1k: Path, corpus_1k: claimcheck.Corpus) -> None:
    """Every dispute's map (and every other map) of the 1,000-claim corpus passes the geometric check."""
    maps = _maps(site_1k)
    disputes = [n for n in maps if n.startswith("dispute-")]
    assert len(disputes) > 50
    found = {name: map_problems(svg_of(page)) for name, page in maps.items()}
    assert {name: p for name, p in found.items() if p} == {}


def test_layout_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Builds under two different PYTHONHASHSEED values draw byte-identical maps (grandalf's own component split,
    which iterates a set, is not used)."""
    script = "import sys, claimcheck; from claimcheck.render.site import build_site;build_site(claimcheck.load(sys.argv[1]), sys.argv[2])"
    outs = []
    for seed in ("1", "4242"):
        out = tmp_path / f"site-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(CLAIMS), str(out)], check=True, env=env, cwd=ROOT)
        outs.append(_maps(out))
    assert outs[0] == outs[1]


def test_a_cycle_of_denials_is_drawn(tmp_path: Path) -> None:
    """Two claims denying each other (a cycle) still make a map, each edge drawn once and labelled."""
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "c.yaml").write_text(
        """\
sources:
  - {id: a, name: Party A, kind: company}
  - {id: b, name: Party B, kind: company}
documents:
  - {id: d, title: A story, kind: article, publisher: a}
claims:
  - {id: one, text: B broke the rules., speaker: a, kind: allegation, subjects: [b], appearances: [{document: d, quote: one}]}
  - {id: two, text: A broke the rules., speaker: b, kind: allegation, subjects: [a], appearances: [{document: d, quote: two}]}
relations:
  - {id: r1, type: denies, target: one, by: two}
  - {id: r2, type: denies, target: two, by: one}
""",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    build_site(claimcheck.load(tmp_path / "claims"), out)
    (page,) = _maps(out).values()
    svg = svg_of(page)
    assert svg.count('class="map-edge') == 2
    assert map_problems(svg) == []


def test_a_cluster_too_large_for_one_map_is_drawn_in_parts(tmp_path: Path) -> None:
    """A chain of 150 claims supporting each other is drawn on three maps of at most MAP_LIMIT boxes, each a
    run of the chain with its relations, linked to each other; every claim's page links to the part it is on."""
    from claimcheck.render.site.plan import MAP_LIMIT

    n = 150
    claims = "\n".join(
        f"  - {{id: s-{i}, text: Step {i}., speaker: a, kind: assertion, appearances: [{{document: d, quote: s {i}}}]}}" for i in range(n)
    )
    relations = "\n".join(f"  - {{id: r-{i}, type: supports, target: s-{i}, by: s-{i + 1}}}" for i in range(n - 1))
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "c.yaml").write_text(
        f"sources:\n  - {{id: a, name: Party A, kind: company}}\ndocuments:\n  - {{id: d, title: A story, kind: article, publisher: a}}\n"
        f"claims:\n{claims}\nrelations:\n{relations}\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    build_site(claimcheck.load(tmp_path / "claims"), out)
    maps = _maps(out)
    assert sorted(maps) == ["related-1-part-2.html", "related-1-part-3.html", "related-1.html"]
    boxes = {name: svg_of(page).count('class="map-node"') for name, page in maps.items()}
    assert boxes == {"related-1.html": MAP_LIMIT, "related-1-part-2.html": MAP_LIMIT, "related-1-part-3.html": n - 2 * MAP_LIMIT}
    for name, page in maps.items():
        svg = svg_of(page)
        assert svg.count('class="map-edge') == svg.count('class="map-node"') - 1, name  # a run of the chain: all its links
        assert map_problems(svg) == [], name
    assert "(part 2 of 3)" in maps["related-1-part-2.html"]
    assert 'href="../maps/related-1-part-3.html" rel="next"' in maps["related-1-part-2.html"]
    assert 'href="../maps/related-1-part-3.html#node-s-149"' in (out / "claims" / "s-149.html").read_text(encoding="utf-8")
