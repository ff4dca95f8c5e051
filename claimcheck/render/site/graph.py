"""The map: claims and the relations between them, laid out and drawn at build time as inline SVG.

No script, no library, no external request. The layout is deterministic: related claims form
clusters (disputes first); inside a cluster a claim that bears on another sits to its left
(longest-path layers), ordered by the average position of its neighbours. Claims with no
relation are set in a grid below. Support and opposition differ in colour, in dash pattern, in
arrowhead and by a text label on every edge, so the diagram does not rely on colour alone.
"""

from __future__ import annotations

import textwrap
from collections import defaultdict

import attrs
from markupsafe import Markup, escape

from claimcheck.analysis.attribution import name_in_sentence
from claimcheck.model import Relation
from claimcheck.publish.urls import record_page
from claimcheck.render.site import context as cx
from claimcheck.render.site.common import RELATION_LABELS, SiteData, words

BOX_W, GAP_X, GAP_Y, PAD, LINE = 260, 170, 22, 24, 16
CHARS, HEADING_CHARS = 32, 28
MAX_LINES = 4

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


@attrs.define(kw_only=True)
class Node:
    """A box on the map: a claim (or a document offering evidence)."""

    key: str
    href: str
    heading: str
    text: str
    side: str = ""
    x: int = 0
    y: int = 0
    lines: list[str] = attrs.field(factory=list)
    heading_lines: list[str] = attrs.field(factory=list)

    @property
    def height(self) -> int:
        return 14 + LINE * (len(self.lines) + len(self.heading_lines))


def _edges(data: SiteData) -> list[tuple[str, str, Relation]]:
    out = []
    for rel in data.relations:
        if rel.by:
            out.append((rel.by, rel.target, rel))
        elif rel.evidence is not None and rel.evidence.document in data.corpus.documents:
            out.append((f"doc:{rel.evidence.document}", rel.target, rel))
    return out


def _nodes(data: SiteData, edges: list[tuple[str, str, Relation]]) -> dict[str, Node]:
    side: dict[str, str] = {}
    for d in data.report.disputes:
        side.update(dict.fromkeys(d.assertion.claims, "asserting"))
        side.update(dict.fromkeys(d.response.claims, "responding"))
    nodes: dict[str, Node] = {}
    for claim in data.claims.values():
        speaker = name_in_sentence(data.corpus.sources.get(claim.speaker), claim.speaker, start=True)
        heading = f"{speaker} ({side[claim.id]})" if claim.id in side else speaker
        nodes[claim.id] = Node(
            key=claim.id,
            href=record_page("claim", claim.id),
            heading=heading,
            text=" ".join(claim.text.split()),
            side=side.get(claim.id, ""),
        )
    for by, _, _ in edges:
        if by.startswith("doc:") and by not in nodes:
            doc = data.corpus.documents[by[4:]]
            nodes[by] = Node(key=by, href=record_page("document", doc.id), heading=f"Document ({words(doc.kind)})", text=doc.title)
    for node in nodes.values():
        lines = textwrap.wrap(node.text, CHARS) or [""]
        if len(lines) > MAX_LINES:
            lines = [*lines[: MAX_LINES - 1], textwrap.shorten(" ".join(lines[MAX_LINES - 1 :]), CHARS, placeholder=" …")]
        node.lines = lines
        heads = textwrap.wrap(node.heading, HEADING_CHARS) or [""]
        if len(heads) > 2:
            heads = [heads[0], textwrap.shorten(" ".join(heads[1:]), HEADING_CHARS, placeholder=" …")]
        node.heading_lines = heads
    return nodes


def _clusters(data: SiteData, nodes: dict[str, Node], edges: list[tuple[str, str, Relation]]) -> list[list[str]]:
    parent = {k: k for k in nodes}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b, _ in edges:
        parent[find(a)] = find(b)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in nodes:
        groups[find(k)].append(k)
    order = {k: i for i, k in enumerate(nodes)}
    first_dispute = {cid: i for i, d in enumerate(data.report.disputes) for cid in (*d.assertion.claims, *d.response.claims)}
    related = [g for g in groups.values() if len(g) > 1]
    related.sort(key=lambda g: (min(first_dispute.get(k, len(first_dispute) + 1) for k in g), min(order[k] for k in g)))
    return related


def _layers(members: list[str], all_edges: list[tuple[str, str, Relation]]) -> list[list[str]]:
    inside = set(members)
    edges = [e for e in all_edges if e[0] in inside and e[1] in inside]
    layer = dict.fromkeys(members, 0)
    for _ in range(len(members)):  # longest path; bounded so that a cycle cannot loop forever
        changed = False
        for a, b, _rel in edges:
            if a in inside and b in inside and layer[b] < layer[a] + 1 <= len(members):
                layer[b] = layer[a] + 1
                changed = True
        if not changed:
            break
    columns = [[k for k in members if layer[k] == i] for i in range(max(layer.values()) + 1)]
    columns = [c for c in columns if c]
    neighbours: dict[str, list[str]] = defaultdict(list)
    for a, b, _rel in edges:
        if a in inside and b in inside:
            neighbours[a].append(b)
            neighbours[b].append(a)
    rank = {k: i for col in columns for i, k in enumerate(col)}
    for _sweep in range(2):  # barycentre ordering, two sweeps
        for col in columns:
            col.sort(key=lambda k: (sum(rank[n] for n in neighbours[k]) / len(neighbours[k]) if neighbours[k] else rank[k], rank[k]))
            rank.update({k: i for i, k in enumerate(col)})
    return columns


def _place(nodes: dict[str, Node], columns: list[list[str]], top: int) -> int:
    heights = [sum(nodes[k].height for k in col) + GAP_Y * (len(col) - 1) for col in columns]
    tallest = max(heights)
    for i, col in enumerate(columns):
        y = top + (tallest - heights[i]) // 2
        for k in col:
            nodes[k].x, nodes[k].y = PAD + i * (BOX_W + GAP_X), y
            y += nodes[k].height + GAP_Y
    return top + tallest


def _box(node: Node) -> str:
    fill, stroke = SIDES[node.side]
    label = escape(f"{node.heading}: {node.text}")
    tx = node.x + 10
    rows = [(line, ' class="map-heading"') for line in node.heading_lines] + [(line, "") for line in node.lines]
    text = [f'<tspan x="{tx}" y="{node.y + 20 + LINE * i}"{cls}>{escape(line)}</tspan>' for i, (line, cls) in enumerate(rows)]
    return (
        f'<a href="{escape(node.href)}" class="map-node"><title>{label}</title>'
        f'<rect x="{node.x}" y="{node.y}" width="{BOX_W}" height="{node.height}" rx="6" fill="{fill}" stroke="{stroke}" stroke-width="1.5"/>'
        f'<text class="map-text">{"".join(text)}</text></a>'
    )


def _ports(nodes: dict[str, Node], edges: list[tuple[str, str, Relation]]) -> dict[int, tuple[int, int]]:
    """Where each edge leaves its source and enters its target: spread along the box's side, in the
    order of the other end's height, so that edges into one claim do not meet in a point."""
    outgoing: dict[str, list[int]] = defaultdict(list)
    incoming: dict[str, list[int]] = defaultdict(list)
    for i, (a, b, _) in enumerate(edges):
        outgoing[a].append(i)
        incoming[b].append(i)
    ports: dict[int, list[int]] = {i: [0, 0] for i in range(len(edges))}
    for key, items in outgoing.items():
        items.sort(key=lambda i: (nodes[edges[i][1]].y, i))
        node = nodes[key]
        for k, i in enumerate(items):
            ports[i][0] = node.y + (k + 1) * node.height // (len(items) + 1)
    for key, items in incoming.items():
        items.sort(key=lambda i: (nodes[edges[i][0]].y, i))
        node = nodes[key]
        for k, i in enumerate(items):
            ports[i][1] = node.y + (k + 1) * node.height // (len(items) + 1)
    return {i: (p[0], p[1]) for i, p in ports.items()}


class _Labels:
    """Places edge labels on their curves, inside the gaps between columns, without overlapping."""

    CELL = 64

    def __init__(self) -> None:
        self.placed: dict[int, list[tuple[int, int, int, int]]] = defaultdict(list)  # by horizontal band of CELL pixels

    def _bands(self, box: tuple[int, int, int, int]) -> range:
        return range((box[1] - 3) // self.CELL, (box[3] + 3) // self.CELL + 1)

    def free(self, box: tuple[int, int, int, int]) -> bool:
        """Whether ``box`` keeps 3 pixels clear of every placed label."""
        return not any(
            box[0] < o[2] + 3 and o[0] < box[2] + 3 and box[1] < o[3] + 3 and o[1] < box[3] + 3
            for band in self._bands(box)
            for o in self.placed.get(band, ())
        )

    @staticmethod
    def in_gap(x0: int, x1: int) -> bool:
        period = BOX_W + GAP_X
        left = x0 - PAD
        col = left // period
        return left - col * period >= BOX_W + 4 and x1 - PAD - col * period <= period - 4

    def place(self, width: int, curve: tuple[tuple[int, int], ...], x_target: int) -> tuple[int, int]:
        samples = [_point(curve, k / 60) for k in range(1, 60)]
        preferred = x_target - GAP_X // 2
        samples.sort(key=lambda p: (abs(p[0] - preferred), p[1]))
        fallback = samples[0] if samples else curve[0]
        for x, y in samples:
            box = (x - width // 2, y - 10, x + width // 2, y + 7)
            if not self.in_gap(box[0], box[2]):
                continue
            if not self.free(box):
                continue
            for band in self._bands(box):
                self.placed[band].append(box)
            return x, y
        return fallback


def _edge(a: Node, b: Node, rel: Relation, ports: tuple[int, int], labels: _Labels) -> str:
    cls, colour, dash, _ = EDGE_STYLES.get(rel.type, EDGE_STYLES["context"])
    x1, y1 = a.x + BOX_W, ports[0]
    x2, y2 = b.x, ports[1]
    word = RELATION_LABELS.get(rel.type, words(rel.type))
    width = 7 * len(word) + 10
    if x2 <= x1:  # same column or backwards: loop out to the right and back in
        x2 = b.x + BOX_W
        reach = x1 + GAP_X // 2
        curve = ((x1, y1), (reach, y1), (reach, y2), (x2 + 6, y2))
        lx, ly = labels.place(width, curve, x1 + GAP_X)
    else:
        bend = min(GAP_X, (x2 - x1) // 2)
        curve = ((x1, y1), (x1 + bend, y1), (x2 - bend, y2), (x2 - 6, y2))
        lx, ly = labels.place(width, curve, x2)
    (p0, p1, p2, p3) = curve
    path = f"M{p0[0]},{p0[1]} C{p1[0]},{p1[1]} {p2[0]},{p2[1]} {p3[0]},{p3[1]}"
    dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
    return (
        f'<g class="map-edge map-edge-{cls}"><path d="{path}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr} marker-end="url(#map-arrow-{cls})"/>'
        f'<rect x="{lx - width // 2}" y="{ly - 10}" width="{width}" height="16" rx="3" fill="#ffffff" stroke="{colour}" stroke-width="0.75"/>'
        f'<text x="{lx}" y="{ly + 2}" text-anchor="middle" class="map-label" fill="{colour}">{escape(word)}</text></g>'
    )


def _point(curve: tuple[tuple[int, int], ...], t: float) -> tuple[int, int]:
    """The point at ``t`` on a cubic Bézier curve, rounded."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = curve
    u = 1 - t
    x = u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3
    y = u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3
    return round(x), round(y)


def _markers() -> str:
    out = []
    for cls, colour, _dash, _legend in {v[0]: v for v in EDGE_STYLES.values()}.values():
        shape = "M0,0 L10,5 L0,10 z" if cls != "opposes" else "M0,0 L10,5 L0,10 L3,5 z"
        out.append(
            f'<marker id="map-arrow-{cls}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">'
            f'<path d="{shape}" fill="{colour}"/></marker>'
        )
    return "<defs>" + "".join(out) + "</defs>"


def draw(data: SiteData) -> tuple[Markup, tuple[cx.MapRelation, ...], int]:
    """The map as inline SVG, its relations in words, and how many claims have no relation."""
    edges = _edges(data)
    nodes = _nodes(data, edges)
    clusters = _clusters(data, nodes, edges)
    in_cluster = {k for c in clusters for k in c}
    dispute_title = {cid: d.title for d in data.report.disputes for cid in (*d.assertion.claims, *d.response.claims)}
    parts: list[str] = []
    y = PAD
    width = PAD * 2 + BOX_W
    for members in clusters:
        title = next((dispute_title[k] for k in members if k in dispute_title), None)
        heading = f"Dispute: {title}" if title else "Related claims"
        parts.append(f'<text x="{PAD}" y="{y + 14}" class="map-cluster">{escape(heading)}</text>')
        columns = _layers(members, edges)
        width = max(width, PAD * 2 + len(columns) * BOX_W + (len(columns) - 1) * GAP_X)
        y = _place(nodes, columns, y + 30) + PAD * 2
    isolated = [k for k in nodes if k not in in_cluster]
    if isolated:
        per_row = max(1, (width - PAD * 2 + 30) // (BOX_W + 30))
        parts.append(f'<text x="{PAD}" y="{y + 14}" class="map-cluster">Claims with no recorded relation</text>')
        y += 30
        for start in range(0, len(isolated), per_row):
            row = isolated[start : start + per_row]
            for i, k in enumerate(row):
                nodes[k].x, nodes[k].y = PAD + i * (BOX_W + 30), y
            y += max(nodes[k].height for k in row) + GAP_Y
        width = max(width, PAD * 2 + min(per_row, len(isolated)) * (BOX_W + 30) - 30)
    height = y + PAD
    ports = _ports(nodes, edges)
    labels = _Labels()
    drawn_edges = [_edge(nodes[a], nodes[b], rel, ports[i], labels) for i, (a, b, rel) in enumerate(edges)]
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map-svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'role="group" aria-labelledby="map-svg-title">'
        f'<title id="map-svg-title">Map of the claims and the relations between them</title>'
        f"{_markers()}{''.join(parts)}{''.join(drawn_edges)}{''.join(_box(n) for n in nodes.values())}</svg>"
    )
    relations = tuple(
        cx.MapRelation(
            by=_sentence_link(data, a) if not a.startswith("doc:") else data.document_link(a[4:]),
            label=RELATION_LABELS.get(rel.type, words(rel.type)),
            target=_sentence_link(data, b),
            note=rel.note,
        )
        for a, b, rel in edges
    )
    return Markup(svg), relations, len(isolated)  # noqa: S704 - every piece of data in it passed through escape()


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
        "": "any other claim",
    }
    nodes = tuple(
        cx.LegendItem(kind="node", marker="", stroke=stroke, fill=fill, dash="", text=side_words[side])
        for side, (fill, stroke) in SIDES.items()
    )
    return edges + nodes
