"""Which page holds what, decided once for the whole site: the index's pages, the timeline's parts and
the maps. Every page that links to a dispute, a timeline entry or a map node asks here, so a link
always points at the page that holds its target.

* **Index**: the disputes in the balance analysis's order, then the other claims by topic (each by
  date), packed into pages of about :data:`INDEX_PAGE_CLAIMS` claim cards; a dispute is never split,
  a long topic continues on the next page.
* **Timeline**: every dated claim and document placed honestly: at its start ("between 24 August and
  27 September 2020" in August), a date open at the start at its end ("by September 2020" at the end
  of September, never before May), a date known only to the year in that year before its months.
  Months are packed into parts of about :data:`TIMELINE_PART_ENTRIES` entries; a larger month is cut.
* **Maps**: claims joined by any shown relation form a cluster; a cluster holding a dispute is drawn
  on that dispute's map (``maps/dispute-N.html``), any other on ``maps/related-N.html``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from claimcheck.analysis.balance import Dispute
from claimcheck.core.dates import MONTHS, PartialDate, Point
from claimcheck.model import Claim, Document, Relation

#: About this many claim cards on one page of the index.
INDEX_PAGE_CLAIMS = 60
#: About this many entries in one part of the timeline.
TIMELINE_PART_ENTRIES = 150


@attrs.define(frozen=True, kw_only=True)
class Block:
    """What one page of the index holds: a dispute, or (part of) a topic group."""

    kind: str  # "dispute" or "topic"
    key: str  # the dispute's id, or the topic ("" for claims without one)
    claims: tuple[str, ...]
    continued: bool = False


def index_pages(disputes: Sequence[Dispute], topics: dict[str, list[str]], order: Callable[[str], Any]) -> list[list[Block]]:
    """The index's pages: the disputes, then the topic groups (``topics`` in the order given, each
    group's claims sorted by ``order``), packed into pages of about :data:`INDEX_PAGE_CLAIMS` claims."""
    pages: list[list[Block]] = [[]]
    room = INDEX_PAGE_CLAIMS

    def new_page() -> None:
        nonlocal room
        pages.append([])
        room = INDEX_PAGE_CLAIMS

    for d in disputes:
        size = len(d.assertion.claims) + len(d.response.claims)
        if size > room and pages[-1]:
            new_page()
        pages[-1].append(Block(kind="dispute", key=d.id, claims=(*d.assertion.claims, *d.response.claims)))
        room -= size
    for topic, members in topics.items():
        ids = sorted(members, key=order)
        first = True
        while ids:
            if room < min(10, len(ids)) and pages[-1]:
                new_page()
            take, ids = ids[:room], ids[room:]
            pages[-1].append(Block(kind="topic", key=topic, claims=tuple(take), continued=not first))
            room -= len(take)
            first = False
    return pages if pages[-1] or len(pages) == 1 else pages[:-1]


# ---- the timeline --------------------------------------------------------------------------------
@attrs.define(frozen=True, kw_only=True)
class Placed:
    """A dated record's place on the timeline: its group (a month, or a year) and its order in it."""

    group: str  # "2020-09", or "2020" for a date known only to the year
    key: tuple[dt.date, dt.date, int, str]
    year: int


def _group(point: Point) -> tuple[str, int]:
    return (f"{point.year:04d}-{point.month:02d}" if point.month else f"{point.year:04d}", point.year)


def placement(date: PartialDate, kind: int, record_id: str) -> Placed:
    """Where a date goes: at its start; a date open at the start ("by September 2020") at its end, last in that month."""
    if date.start is None:
        assert date.end is not None  # a date has at least one end
        group, year = _group(date.end)
        last = date.end.latest
        return Placed(group=group, key=(last, last, kind, record_id), year=year)
    group, year = _group(date.start)
    return Placed(group=group, key=(date.start.earliest, date.latest or dt.date.max, kind, record_id), year=year)


def group_label(group: str) -> str:
    """``September 2020``, or ``2020 (month not given)`` for a year's own group."""
    if len(group) == 4:
        return f"{group} (month not given)"
    return f"{MONTHS[int(group[5:]) - 1]} {group[:4]}"


def group_order(group: str) -> tuple[int, int]:
    """A year's own group before its months."""
    return (int(group[:4]), int(group[5:]) if len(group) > 4 else 0)


@attrs.define(frozen=True, kw_only=True)
class TimelinePart:
    """One page of the timeline: its key (the file name) and the groups (or the part of a group) it holds."""

    key: str
    groups: tuple[tuple[str, tuple[str, ...]], ...]  # (group, entry keys in order)


def timeline_parts(groups: dict[str, list[str]]) -> list[TimelinePart]:
    """Consecutive groups packed into parts of about :data:`TIMELINE_PART_ENTRIES` entries; a larger group is cut."""
    parts: list[TimelinePart] = []
    current: list[tuple[str, tuple[str, ...]]] = []
    size = 0

    def close() -> None:
        nonlocal current, size
        if current:
            parts.append(TimelinePart(key=current[0][0], groups=tuple(current)))
        current, size = [], 0

    for group in sorted(groups, key=group_order):
        entries = groups[group]
        if size + len(entries) > TIMELINE_PART_ENTRIES and current:
            close()
        if len(entries) <= TIMELINE_PART_ENTRIES:
            current.append((group, tuple(entries)))
            size += len(entries)
            continue
        for n, start in enumerate(range(0, len(entries), TIMELINE_PART_ENTRIES), 1):
            chunk = tuple(entries[start : start + TIMELINE_PART_ENTRIES])
            key = group if n == 1 else f"{group}-p{n}"
            parts.append(TimelinePart(key=key, groups=((group, chunk),)))
    close()
    return parts


def undated_parts(claim_ids: list[str]) -> list[TimelinePart]:
    """The undated claims, in parts of :data:`TIMELINE_PART_ENTRIES`: ``undated``, ``undated-p2``..."""
    out = []
    for n, start in enumerate(range(0, len(claim_ids), TIMELINE_PART_ENTRIES), 1):
        out.append(
            TimelinePart(
                key="undated" if n == 1 else f"undated-p{n}", groups=(("undated", tuple(claim_ids[start : start + TIMELINE_PART_ENTRIES])),)
            )
        )
    return out


def timeline_entries(claims: Sequence[Claim], documents: Sequence[Document]) -> dict[str, list[str]]:
    """Every dated claim (``claim-<id>``) and document (``document-<id>``) by group, each group in date order."""
    placed: dict[str, list[tuple[tuple[dt.date, dt.date, int, str], str]]] = defaultdict(list)
    for claim in claims:
        if claim.date is not None:
            p = placement(claim.date, 0, claim.id)
            placed[p.group].append((p.key, f"claim-{claim.id}"))
    for doc in documents:
        if doc.date is not None:
            p = placement(doc.date, 1, doc.id)
            placed[p.group].append((p.key, f"document-{doc.id}"))
    return {g: [k for _, k in sorted(rows)] for g, rows in placed.items()}


# ---- the maps ------------------------------------------------------------------------------------
def edges(relations: Sequence[Relation], documents: set[str]) -> list[tuple[str, str, Relation]]:
    """The map's edges: (the claim, or ``doc:<id>`` for a quoted document, that bears on the target; the target; the relation)."""
    out = []
    for rel in relations:
        if rel.by:
            out.append((rel.by, rel.target, rel))
        elif rel.evidence is not None and rel.evidence.document in documents:
            out.append((f"doc:{rel.evidence.document}", rel.target, rel))
    return out


@attrs.define(frozen=True, kw_only=True)
class Cluster:
    """Claims (and quoted documents) joined by relations, drawn on one map."""

    key: str  # "dispute-3" or "related-2"; "dispute-3-part-2" for the second part of a large one
    members: tuple[str, ...]
    disputes: tuple[str, ...]
    #: A cluster of more than :data:`MAP_LIMIT` claims is drawn on several maps, parts of about that size.
    part: int = 1
    parts: int = 1
    #: The key of each part, in order (just ``(key,)`` for a cluster drawn whole).
    part_keys: tuple[str, ...] = ()


#: Most boxes on one map: a larger cluster is cut into parts along its relations. The layout's cost grows
#: faster than the number of boxes (12,000 claims in one chain did not finish in 10 minutes), and a
#: drawing of more than a few dozen boxes is not read as a map anyway.
MAP_LIMIT = 60


def _split(members: list[str], near: dict[str, list[str]]) -> list[list[str]]:
    """``members`` in parts of at most :data:`MAP_LIMIT`, each a run of a breadth-first walk from the first
    member (``near``: each node's neighbours, across every relation), so that related claims stay together."""
    if len(members) <= MAP_LIMIT:
        return [members]
    order: list[str] = []
    seen: set[str] = set()
    for start in members:
        if start in seen:
            continue
        seen.add(start)
        queue = [start]
        for k in queue:  # the list grows as the walk goes: a queue without pops
            order.append(k)
            for n in near.get(k, ()):
                if n not in seen:
                    seen.add(n)
                    queue.append(n)
    return [order[i : i + MAP_LIMIT] for i in range(0, len(order), MAP_LIMIT)]


def _parts(key: str, members: list[str], disputes: tuple[str, ...], near: dict[str, list[str]]) -> list[Cluster]:
    chunks = _split(members, near)
    keys = tuple(key if n == 1 else f"{key}-part-{n}" for n in range(1, len(chunks) + 1))
    return [
        Cluster(key=k, members=tuple(c), disputes=disputes, part=n, parts=len(chunks), part_keys=keys)
        for n, (k, c) in enumerate(zip(keys, chunks, strict=True), 1)
    ]


def clusters(claim_order: Sequence[str], all_edges: list[tuple[str, str, Relation]], disputes: Sequence[Dispute]) -> list[Cluster]:
    """Connected groups of claims, those holding a dispute first (in the disputes' order), each named after its first dispute."""
    parent: dict[str, str] = {}

    def find(k: str) -> str:
        parent.setdefault(k, k)
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    near: dict[str, list[str]] = defaultdict(list)  # a walk inside a cluster stays in it: every edge joins one
    for a, b, _ in all_edges:
        near[a].append(b)
        near[b].append(a)
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    position = {cid: i for i, cid in enumerate(claim_order)}
    groups: dict[str, list[str]] = defaultdict(list)
    nodes = list(dict.fromkeys([k for a, b, _ in all_edges for k in (a, b)]))
    nodes.sort(key=lambda k: (position.get(k, len(position)), k))
    for k in nodes:
        groups[find(k)].append(k)
    by_root: dict[str, list[str]] = defaultdict(list)
    for d in disputes:
        first = d.assertion.claims[0] if d.assertion.claims else d.response.claims[0]
        by_root[find(first)].append(d.id)
    out: list[Cluster] = []
    done: set[str] = set()
    for d in disputes:
        first = d.assertion.claims[0] if d.assertion.claims else d.response.claims[0]
        root = find(first)
        if root in done:
            continue
        done.add(root)
        out += _parts(d.id, groups[root] or [first], tuple(by_root[root]), near)
    rest = [r for r in groups if r not in done]
    rest.sort(key=lambda r: min(position.get(k, len(position)) for k in groups[r]))
    for related, root in enumerate(rest, 1):
        out += _parts(f"related-{related}", groups[root], (), near)
    return out
