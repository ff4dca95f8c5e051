"""Checks of a built site that several tests share: the geometry of a map's SVG, the text a reader
sees on a page, and the generated benchmark corpora."""

from __future__ import annotations

import html
import itertools
import json
import re
import sys
from functools import cache
from pathlib import Path

from support import ROOT

Box = tuple[float, float, float, float]

_NODE = re.compile(
    r'<a href="[^"]*" class="map-node" id="([^"]+)">.*?<rect class="map-box" x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"',
    re.S,
)
_LABEL = re.compile(
    r'<g class="map-label" id="(label-\d+)"><rect class="map-label-box" x="([\d.-]+)" y="([\d.-]+)" width="([\d.]+)" height="([\d.]+)"'
)
_EDGE = re.compile(
    r'<g class="map-edge[^"]*" data-from="([^"]+)" data-to="([^"]+)" data-label="(label-\d+)"><path class="map-line" d="([^"]+)"'
)


def _box(x: str, y: str, w: str, h: str) -> Box:
    return (float(x), float(y), float(x) + float(w), float(y) + float(h))


def _inset(b: Box, by: float = 1.0) -> Box:
    return (b[0] + by, b[1] + by, b[2] - by, b[3] - by)


def crosses(p: tuple[float, float], q: tuple[float, float], box: Box) -> bool:
    """Whether the segment from p to q enters the inside of ``box`` (Liang and Barsky's clipping)."""
    x0, y0, x1, y1 = box
    dx, dy = q[0] - p[0], q[1] - p[1]
    lo, hi = 0.0, 1.0
    for edge_p, edge_q in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if edge_p == 0:
            if edge_q < 0:
                return False
            continue
        t = edge_q / edge_p
        if edge_p < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
        if lo > hi:
            return False
    return hi - lo > 1e-9


def overlap(a: Box, b: Box) -> bool:
    """Whether two boxes share any inside area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def map_problems(svg: str) -> list[str]:
    """Every way a map's drawing breaks its promise: an edge passing behind a box or a label not its
    own, a label overlapping another label or a box, two boxes overlapping. Empty when it keeps it."""
    nodes = {m[1]: _box(*m.groups()[1:]) for m in _NODE.finditer(svg)}
    labels = {m[1]: _box(*m.groups()[1:]) for m in _LABEL.finditer(svg)}
    edges = [(m[1], m[2], m[3], [tuple(map(float, pt.split(","))) for pt in m[4][1:].split(" L")]) for m in _EDGE.finditer(svg)]
    problems = []
    assert nodes, "no node found in the map"
    assert len(labels) == len(edges), "every edge has its label"
    for a, b, label, points in edges:
        for p, q in itertools.pairwise(points):
            for key, box in nodes.items():
                if crosses(p, q, _inset(box)):  # type: ignore[arg-type]  # points are pairs
                    problems.append(f"edge {a} → {b} passes behind the box {key}")
            for key, box in labels.items():
                if key != label and crosses(p, q, _inset(box)):  # type: ignore[arg-type]  # points are pairs
                    problems.append(f"edge {a} → {b} crosses the label {key}")
    names = sorted(labels)
    for i, one in enumerate(names):
        for other in names[i + 1 :]:
            if overlap(labels[one], labels[other]):
                problems.append(f"labels {one} and {other} overlap")
        for key, box in nodes.items():
            if overlap(labels[one], box):
                problems.append(f"label {one} overlaps the box {key}")
    keys = sorted(nodes)
    for i, one in enumerate(keys):
        for other in keys[i + 1 :]:
            if overlap(nodes[one], nodes[other]):
                problems.append(f"boxes {one} and {other} overlap")
    return problems


def svg_of(page: str) -> str:
    """The map's SVG in a map page."""
    m = re.search(r'<svg xmlns="http://www.w3.org/2000/svg" class="map-svg".*?</svg>', page, re.S)
    assert m, "no map in the page"
    return m[0]


def reader_text(page: str) -> str:
    """What a reader sees of a page, and what link previews and assistive technology read: text and the
    ``title``, ``aria-label``, ``alt``, ``content`` and ``placeholder`` attributes (not addresses, ids or data)."""
    body = re.sub(r"<script.*?</script>", " ", page, flags=re.S)
    shown = re.findall(r'\s(?:title|aria-label|alt|content|placeholder)="([^"]*)"', body)
    body = re.sub(r"<[^>]+>", " ", body)
    return html.unescape(" ".join([body, *shown]))


def search_text(site: Path) -> str:
    """What the search results show (titles, excerpts, details, badges), from every entry chunk of the index."""
    out = []
    manifest = (site / "search/manifest.js").read_text(encoding="utf-8")
    fields = json.loads(manifest[manifest.index(",") + 1 : -3])["fields"]
    shown = [i for i, f in enumerate(fields) if f not in ("url", "type", "status", "tone")]
    for chunk in sorted((site / "search/d").glob("*.js")):
        text = chunk.read_text(encoding="utf-8")
        for row in json.loads(text[text.index(",") + 1 : -3]):
            out.extend(str(row[i]) for i in shown)
    return "\n".join(out)


BENCH = ROOT / "benchmarks"


@cache
def generated(claims: int, dest: Path) -> Path:
    """A corpus from the benchmark generator (seed 1) written to ``dest`` once per session."""
    if str(BENCH) not in sys.path:
        sys.path.append(str(BENCH))
    import generate  # the benchmark generator, on the path added above

    if not (dest / "claimcheck.yaml").is_file():
        generate.generate(claims, dest, seed=1)
    return dest
