"""Graph walks over the corpus's links (sub-claims and their parents, part_of and affiliations, reprints
and based_on), in time linear in the links and without recursion, whatever their shape.

:func:`cycles` finds every node that can reach itself (Tarjan's strongly connected components, with an
explicit stack). :func:`depths` gives, for every node, the length of the longest chain of links from
it, counted up to a limit (``limit + 1`` means "longer than the limit"), over the graph with its
cycles cut: a chain is what a reader, the balance rules or the site follow from that node. The
loader reports a chain longer than its limit (:data:`claimcheck.core.limits.MAX_CHAIN`) as a located
problem, so the walks of the analysis can stop there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

__all__ = ["cycles", "depths"]

Links = Callable[[str], Iterable[str]]


def _components(nodes: Sequence[str], links: Links, known: Mapping[str, object] | None) -> list[list[str]]:
    """The strongly connected components, each listed once, in reverse topological order (a component
    comes after every component it links to). Links to nodes outside ``known`` (when given) are ignored."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work: list[tuple[str, list[str], int]] = []
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        work.append((root, [n for n in links(root) if known is None or n in known], 0))
        while work:
            node, succ, i = work[-1]
            if i < len(succ):
                work[-1] = (node, succ, i + 1)
                nxt = succ[i]
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, [n for n in links(nxt) if known is None or n in known], 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                out.append(component)
    return out


def cycles(nodes: Sequence[str], links: Links, known: Mapping[str, object] | None = None) -> set[str]:
    """The nodes that can reach themselves through ``links`` (a node linking to itself included)."""
    found: set[str] = set()
    for component in _components(nodes, links, known):
        if len(component) > 1 or component[0] in links(component[0]):
            found.update(component)
    return found


def depths(nodes: Sequence[str], links: Links, limit: int, known: Mapping[str, object] | None = None) -> dict[str, int]:
    """For each node, how many links the longest chain from it has (0: it links nowhere), at most
    ``limit + 1``. A link inside a cycle is not followed (:func:`cycles` reports those)."""
    depth: dict[str, int] = {}
    for component in _components(nodes, links, known):  # every component after those it links to
        members = set(component)
        best = 0
        for node in component:
            for nxt in links(node):
                if nxt in members or (known is not None and nxt not in known):
                    continue
                best = max(best, min(limit + 1, depth.get(nxt, 0) + 1))
        for node in component:
            depth[node] = best
    return depth
