"""The maps: one cluster of related claims laid out by grandalf's Sugiyama layout and drawn at build
time as inline SVG (no script, no external request).

The claim borne on sits above the claims that bear on it: an allegation at the top, its denials and
evidence below, every arrow pointing up to the claim it bears on. Each edge's label is a vertex of
the layout in its own right, so the layout keeps labels apart from each other and from the boxes,
exactly as it keeps boxes apart. Edges are drawn port to port (from the top of the box that bears on
another to the bottom of the box it bears on), pass straight down through each layer they cross at
the place the layout reserved for them, and are slanted only in the gaps between layers, where there
is no box: so no edge runs behind a box and no label covers another. ``tests/test_site_maps.py``
checks this on the SVG itself.

The layout is deterministic: vertices and edges are given to grandalf in the corpus's order (its own
connected-component split, which iterates a set, is not used), cycles are broken by the same rule
every time, and grandalf's x positions are rounded and then swept so that neighbours keep their gap.
"""

from __future__ import annotations

import functools
import hashlib
import textwrap
from collections import defaultdict
from importlib import metadata
from pathlib import Path
from typing import Any

import attrs
from grandalf.graphs import Edge, Vertex, graph_core
from grandalf.layouts import SugiyamaLayout
from markupsafe import Markup, escape

from claimcheck.analysis.attribution import name_in_sentence
from claimcheck.model import Relation
from claimcheck.publish.urls import map_page, record_page, root_of
from claimcheck.render.site import context as cx
from claimcheck.render.site.common import RELATION_LABELS, SiteData, words
from claimcheck.render.site.plan import Cluster

BOX_W, PAD, LINE, FONT = 224, 16, 17, 13
CHARS, HEADING_CHARS, MAX_LINES = 29, 25, 5
X_GAP, Y_GAP, LABEL_H = 28, 30, 20

#: Edge style by relation type: (css class, stroke colour, dash pattern or "", legend text).
EDGE_STYLES = {
    "supports": ("supports", "#146c43", "", "supports: solid green line, filled arrow"),
    "contradicts": ("opposes", "#b42318", "9 5", "contradicts or denies: dashed red line"),
    "denies": ("opposes", "#b42318", "9 5", ""),
    "responds-to": ("responds", "#1d4ed8", "2 4", "responds to: dotted blue line"),
    "qualifies": ("context", "#4b5563", "8 3 2 3", "qualifies or gives context to: dash-dot grey line"),
    "context": ("context", "#4b5563", "8 3 2 3", ""),
}
#: Node fill and border by side of a dispute.
SIDES = {"asserting": ("#fff4e0", "#8a5a00"), "responding": ("#e8f0ff", "#1d4ed8"), "": ("#f6f7f9", "#4b5563")}


@attrs.define(frozen=True, kw_only=True)
class Drawing:
    """One map: its SVG, its width in pixels, and its relations in words."""

    svg: Markup
    width: int
    relations: tuple[cx.MapRelation, ...]


class _View:
    """What grandalf reads of a vertex (``w``, ``h``) and writes (``xy``, its centre)."""

    def __init__(self, w: float, h: float) -> None:
        self.w, self.h = w, h
        self.xy: tuple[float, float] = (0.0, 0.0)


class _EdgeView:
    def __init__(self) -> None:
        self.pts: list[tuple[float, float]] = []

    def setpath(self, pts: list[tuple[float, float]]) -> None:
        self.pts = pts


@attrs.define(kw_only=True)
class _Box:
    key: str
    href: str
    heading: list[str]
    lines: list[str]
    side: str
    title: str

    @property
    def height(self) -> int:
        return 12 + LINE * (len(self.heading) + len(self.lines))


def _wrap(text: str, width: int, most: int) -> list[str]:
    lines = textwrap.wrap(text, width, break_long_words=True) or [""]
    if len(lines) > most:
        lines = [*lines[: most - 1], textwrap.shorten(" ".join(lines[most - 1 :]), width, placeholder=" …")]
    return lines


def _boxes(data: SiteData, cluster: Cluster) -> dict[str, _Box]:
    side: dict[str, str] = {}
    for i in sorted(data.dispute_number[d] for d in cluster.disputes if d in data.dispute_number):  # in the report's order
        d = data.report.disputes[i]
        side.update(dict.fromkeys(d.assertion.claims, "asserting"))
        side.update(dict.fromkeys(d.response.claims, "responding"))
    out = {}
    root = root_of(map_page(cluster.key))
    for key in cluster.members:
        if key.startswith("doc:"):
            doc = data.corpus.documents[key[4:]]
            heading = f"Document ({words(doc.kind)})"
            text = data.document_title(doc)
            href = root + record_page("document", doc.id)
        else:
            claim = data.claims[key]
            speaker = name_in_sentence(data.corpus.sources.get(claim.speaker), claim.speaker, start=True)
            heading = f"{speaker}, {side[key]}" if key in side else speaker
            text = " ".join(claim.text.split())
            href = root + record_page("claim", key)
        out[key] = _Box(
            key=key,
            href=href,
            heading=_wrap(heading, HEADING_CHARS, 2),
            lines=_wrap(text, CHARS, MAX_LINES),
            side=side.get(key, ""),
            title=f"{heading}: {text}",
        )
    return out


def _acyclic(order: list[str], pairs: list[tuple[str, str]]) -> list[bool]:
    """For each (upper, lower) pair in order, whether it is kept as given (``False``: drawn reversed to break a cycle)."""
    below: dict[str, set[str]] = defaultdict(set)
    kept = []
    for upper, lower in pairs:

        def reaches(a: str, b: str) -> bool:
            seen, todo = set(), [a]
            while todo:
                n = todo.pop()
                if n == b:
                    return True
                if n not in seen:
                    seen.add(n)
                    todo.extend(below[n])
            return False

        if reaches(lower, upper):
            kept.append(False)
            below[lower].add(upper)
        else:
            kept.append(True)
            below[upper].add(lower)
    del order
    return kept


def _separate(layer: list[tuple[float, float, Any]]) -> dict[Any, float]:
    """x positions that keep the layout's order and at least ``X_GAP`` between neighbours (grandalf's average of its four alignments may not)."""
    out: dict[Any, float] = {}
    right: float | None = None
    for x, w, v in sorted(layer, key=lambda t: t[0]):
        left = x - w / 2
        if right is not None and left < right + X_GAP:
            x = right + X_GAP + w / 2
        out[v] = x
        right = x + w / 2
    return out


def draw(data: SiteData, cluster: Cluster) -> Drawing:
    """The map of one cluster: SVG, width and the relations in words."""
    boxes = _boxes(data, cluster)
    members = set(cluster.members)
    at = data.map_edges_from
    found = sorted({i for k in cluster.members for i in at.get(k, ())})  # the edges leaving a member, in the plan's order
    edges = [(a, b, r) for a, b, r in (data.map_edges[i] for i in found) if b in members and a != b]
    key = drawing_key(cluster, boxes, edges)
    known = data.drawings.get(key)
    if known is None:
        known = _layout(cluster, boxes, edges)
    data.drawn[key] = known
    svg, width = known
    relations = tuple(
        cx.MapRelation(
            by=_sentence_link(data, a) if not a.startswith("doc:") else data.document_link(a[4:]),
            label=RELATION_LABELS.get(rel.type, words(rel.type)),
            target=_sentence_link(data, b),
            note=data.prose(rel.note),
        )
        for a, b, rel in edges
    )
    return Drawing(svg=Markup(svg), width=width, relations=relations)  # noqa: S704 - every piece of data in it passed through escape()


@functools.cache
def _layout_version() -> str:
    """What besides its inputs shapes a drawing: this module's code and grandalf's version."""
    return hashlib.sha256(Path(__file__).read_bytes() + metadata.version("grandalf").encode()).hexdigest()


def drawing_key(cluster: Cluster, boxes: dict[str, _Box], edges: list[tuple[str, str, Relation]]) -> str:
    """The digest of everything a map's drawing is made from: its boxes in order, its edges and their types, the code."""
    shown = [attrs.astuple(boxes[k]) for k in cluster.members]
    return hashlib.sha256(repr((_layout_version(), shown, [(a, b, r.type) for a, b, r in edges])).encode()).hexdigest()


def _layout(cluster: Cluster, boxes: dict[str, _Box], edges: list[tuple[str, str, Relation]]) -> tuple[str, int]:
    """The SVG of a map and its width: the Sugiyama layout, the ports, the paths and the labels."""
    vertex = {k: Vertex(k) for k in cluster.members}
    for k, v in vertex.items():
        v.view = _View(BOX_W, boxes[k].height)
    kept = _acyclic(list(cluster.members), [(b, a) for a, b, _ in edges])
    labels: list[Vertex] = []
    layout_edges: list[tuple[Edge, Edge]] = []
    for i, (a, b, rel) in enumerate(edges):
        word = RELATION_LABELS.get(rel.type, words(rel.type))
        label = Vertex(f"label:{i}")
        label.view = _View(7 * len(word) + 14, LABEL_H)
        labels.append(label)
        upper, lower = (vertex[b], vertex[a]) if kept[i] else (vertex[a], vertex[b])
        e1, e2 = Edge(upper, label), Edge(label, lower)
        e1.view, e2.view = _EdgeView(), _EdgeView()
        layout_edges.append((e1, e2))
    all_vertices = [*vertex.values(), *labels]
    graph = graph_core(all_vertices, [e for pair in layout_edges for e in pair])
    sug = SugiyamaLayout(graph)
    sug.xspace, sug.yspace = X_GAP, Y_GAP
    sug.dw, sug.dh = 10, 10  # grandalf's own dummies (long edges): thin, not a median box wide
    roots = [v for v in all_vertices if not v.e_in()]
    sug.init_all(roots=roots, inverted_edges=[])
    sug.draw(3)

    # bands: each layer's vertical extent, stacked with Y_GAP between them
    bands: list[tuple[float, float]] = []
    rank_of: dict[Any, int] = {}
    x_of: dict[Any, float] = {}
    y = float(PAD + 4)
    for r, layer in enumerate(sug.layers):
        h = max(v.view.h for v in layer)
        bands.append((y, y + h))
        y += h + Y_GAP
        x_of.update(_separate([(v.view.xy[0], v.view.w, v) for v in layer]))
        for v in layer:
            rank_of[v] = r
    min_x = min(x_of[v] - v.view.w / 2 for v in x_of)
    shift = PAD - min_x
    width = round(max(x_of[v] + v.view.w / 2 for v in x_of) + shift + PAD)
    height = round(y - Y_GAP + PAD)

    def box_of(v: Any) -> tuple[float, float, float, float]:
        view = v.view
        top, bottom = bands[rank_of[v]]
        cy = (top + bottom) / 2
        cx_ = x_of[v] + shift
        return (cx_ - view.w / 2, cy - view.h / 2, cx_ + view.w / 2, cy + view.h / 2)

    def chain(e: Any) -> list[Any]:
        upper, lower = e.v
        inner = [sug.ctrls[e][r] for r in range(rank_of[upper] + 1, rank_of[lower])] if e in sug.ctrls else []
        return [upper, *inner, lower]

    # ports: edges leaving the bottom of a box or entering its top are spread along that side
    out_ports: dict[Any, list[tuple[float, int]]] = defaultdict(list)
    in_ports: dict[Any, list[tuple[float, int]]] = defaultdict(list)
    chains: list[list[Any]] = []
    for i, (e1, e2) in enumerate(layout_edges):
        path = chain(e1)[:-1] + chain(e2)
        chains.append(path)
        out_ports[path[0]].append((x_of[path[1]], i))
        in_ports[path[-1]].append((x_of[path[-2]], i))
    port_x: dict[tuple[int, str], float] = {}
    for which, table in (("out", out_ports), ("in", in_ports)):
        for v, items in table.items():
            x0, _, x1, _ = box_of(v)
            items.sort()
            for slot, (_, i) in enumerate(items, 1):
                port_x[(i, which)] = x0 + (x1 - x0) * slot / (len(items) + 1)

    parts: list[str] = []
    label_parts: list[str] = []
    for i, path in enumerate(chains):
        a, b, rel = edges[i]
        points: list[tuple[float, float]] = []
        for j, v in enumerate(path):
            x0, y0, x1, y1 = box_of(v)
            top, bottom = bands[rank_of[v]]
            if j == 0:
                px = port_x[(i, "out")]
                points += [(px, y1), (px, bottom)]
            elif j == len(path) - 1:
                px = port_x[(i, "in")]
                points += [(px, top), (px, y0)]
            else:
                cxv = (x0 + x1) / 2
                points += [(cxv, top), (cxv, bottom)]
        if kept[i]:
            points.reverse()  # drawn from the claim that bears on the other, up to it
        cls, colour, dash, _ = EDGE_STYLES.get(rel.type, EDGE_STYLES["context"])
        d = "M" + " L".join(f"{round(px, 1):g},{round(py, 1):g}" for px, py in _squash(points))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<g class="map-edge map-edge-{cls}" data-from="{escape(_node_id(a))}" data-to="{escape(_node_id(b))}" data-label="label-{i}">'
            f'<path class="map-line" d="{d}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr} marker-end="url(#map-arrow-{cls})"/></g>'
        )
        lx0, ly0, lx1, ly1 = box_of(labels[i])
        word = RELATION_LABELS.get(rel.type, words(rel.type))
        label_parts.append(
            f'<g class="map-label" id="label-{i}"><rect class="map-label-box" x="{lx0:g}" y="{ly0:g}" width="{lx1 - lx0:g}" height="{ly1 - ly0:g}" rx="3" '
            f'fill="#ffffff" stroke="{colour}" stroke-width="0.75"/>'
            f'<text x="{(lx0 + lx1) / 2:g}" y="{ly1 - 6:g}" text-anchor="middle" class="map-label-text" fill="{colour}">{escape(word)}</text></g>'
        )
    node_parts = [_box(boxes[k], box_of(vertex[k])) for k in cluster.members]
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map-svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="group" aria-labelledby="map-svg-title">'
        f'<title id="map-svg-title">Map of the claims and the relations between them</title>'
        f"{_markers()}{''.join(parts)}{''.join(node_parts)}{''.join(label_parts)}</svg>"
    )
    return svg, width


def _squash(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Drop repeated points (a stub of zero length)."""
    out: list[tuple[float, float]] = []
    for p in points:
        if not out or (abs(out[-1][0] - p[0]) > 0.05 or abs(out[-1][1] - p[1]) > 0.05):
            out.append(p)
    return out


def _node_id(key: str) -> str:
    return "node-" + key.replace(":", "-")


def _box(box: _Box, where: tuple[float, float, float, float]) -> str:
    fill, stroke = SIDES[box.side]
    x0, y0, x1, y1 = where
    tx = x0 + 9
    rows = [(line, ' class="map-heading"') for line in box.heading] + [(line, "") for line in box.lines]
    text = [f'<tspan x="{tx:g}" y="{y0 + 18 + LINE * i:g}"{cls}>{escape(line)}</tspan>' for i, (line, cls) in enumerate(rows)]
    return (
        f'<a href="{escape(box.href)}" class="map-node" id="{escape(_node_id(box.key))}"><title>{escape(box.title)}</title>'
        f'<rect class="map-box" x="{x0:g}" y="{y0:g}" width="{x1 - x0:g}" height="{y1 - y0:g}" rx="6" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'
        f'<text class="map-text">{"".join(text)}</text></a>'
    )


def _markers() -> str:
    out = []
    for cls, colour, _dash, _legend in {v[0]: v for v in EDGE_STYLES.values()}.values():
        shape = "M0,0 L10,5 L0,10 z" if cls != "opposes" else "M0,0 L10,5 L0,10 L3,5 z"
        out.append(
            f'<marker id="map-arrow-{cls}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">'
            f'<path d="{shape}" fill="{colour}"/></marker>'
        )
    return "<defs>" + "".join(out) + "</defs>"


def _sentence_link(data: SiteData, claim_id: str) -> cx.Link:
    """A link to a claim whose text says who made it: a disputed point is never listed bare."""
    summary = data.summary(claim_id)
    return cx.Link(text=summary.sentence, href=summary.link.href)


def legend() -> tuple[cx.LegendItem, ...]:
    """The map's legend: each kind of edge, then each node colour."""
    edges = tuple(
        cx.LegendItem(kind="edge", marker=cls, stroke=colour, fill="none", dash=dash, text=text)
        for cls, colour, dash, text in EDGE_STYLES.values()
        if text
    )
    side_words = {
        "asserting": "a claim on the asserting side of a dispute",
        "responding": "a claim on the responding side",
        "": "any other claim, or a document quoted as evidence",
    }
    nodes = tuple(
        cx.LegendItem(kind="node", marker="", stroke=stroke, fill=fill, dash="", text=side_words[side])
        for side, (fill, stroke) in SIDES.items()
    )
    return edges + nodes


__all__ = ["EDGE_STYLES", "SIDES", "Drawing", "Relation", "draw", "legend"]
