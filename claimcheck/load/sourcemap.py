"""Line and column for a JSON pointer in a YAML or JSON file.

Only files with problems are mapped. One pass over the parser's events (libyaml's C parser; no node
tree is built, no scalar resolved) records where every node of the file starts, and where its
mapping key does, under the node's JSON pointer: placing a problem is then a dictionary lookup.
The marks are plain values, so :func:`claimcheck.load.filecache.source_map` keeps them in the parse
cache beside the file's data, and a file seen before is never walked again. Valid files never pay
for this.
"""

from __future__ import annotations

from typing import Any

import yaml

from claimcheck.core.problems import split_pointer

__all__ = ["Marks", "SourceMap", "build_marks"]

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader

#: JSON pointer → (line, column) of the node, (line, column) of its mapping key (the node's own for
#: the root and sequence items), all 1-based.
Marks = dict[str, tuple[int, int, int, int]]

_SCALAR, _ALIAS, _MAP, _SEQ = yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _escape(part: str) -> str:
    return "/" + part.replace("~", "~0").replace("/", "~1") if "~" in part or "/" in part else "/" + part


def build_marks(text: str) -> Marks | None:
    """Where each node of ``text`` starts, by JSON pointer; ``None`` when the text cannot be mapped this
    way (too deep, malformed, or holding an alias: :class:`SourceMap` then composes it).

    The first of two equal keys wins, as a walk of the composed tree finds it.
    """
    from claimcheck.load.parsing import nesting_depth

    if nesting_depth(text)[1] is not None:
        return None  # too deep for libyaml to walk safely
    out: Marks = {}
    # one frame per open collection: [is a mapping, its pointer (None under a key that is not a scalar:
    # nothing there has one), expecting a key, the current key, where that key is, the next item's index]
    stack: list[list[Any]] = []
    documents = 0
    parser = _Loader(text)
    get = parser.get_event
    try:
        while True:
            event = get()
            kind = type(event)
            if kind is _SCALAR or kind is _MAP or kind is _SEQ:
                m = event.start_mark
                at = (m.line + 1, m.column + 1)
                key_at = at
                path: str | None
                if not stack:
                    path = ""
                else:
                    top = stack[-1]
                    if top[0]:
                        if top[2]:
                            top[2] = False
                            if kind is _SCALAR:
                                top[3], top[4] = event.value, at
                            else:  # a mapping or sequence as a key: walked past, never pointed into
                                top[3] = None
                                stack.append([kind is _MAP, None, True, None, at, 0])
                            continue
                        top[2] = True
                        path = None if top[1] is None or top[3] is None else top[1] + _escape(top[3])
                        key_at = top[4]
                    else:
                        path = None if top[1] is None else f"{top[1]}/{top[5]}"
                        top[5] += 1
                if path is not None and path not in out:
                    out[path] = (*at, *key_at)
                if kind is not _SCALAR:
                    stack.append([kind is _MAP, path, True, None, at, 0])
            elif kind in _ENDS:
                stack.pop()
            elif kind is _ALIAS:
                return None  # an alias points into its anchor's node: only the composed tree follows it
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    return None  # more than one document: composing refuses it, and so must this
            elif event is None or kind is yaml.StreamEndEvent:
                return out
    except (yaml.YAMLError, RecursionError, ValueError):
        return None
    finally:
        parser.dispose()


class SourceMap:
    """Maps pointers to 1-based (line, column) in one file's text."""

    def __init__(self, text: str = "", *, marks: Marks | None = None) -> None:
        self.marks: Marks | None = marks if marks is not None else build_marks(text) if text else None
        self.root: yaml.Node | None = None
        if self.marks is None and text:
            self.root = _compose(text)

    @property
    def mapped(self) -> bool:
        """Whether the text could be mapped at all (a malformed text puts everything at 1:1)."""
        return bool(self.marks) or self.root is not None

    def locate(self, ptr: str, *, key: bool = False) -> tuple[int, int]:
        """Where ``ptr`` is; with ``key``, where its mapping key is (for unknown-field problems).

        A pointer that goes past what exists gives the deepest node that does exist.
        """
        if self.marks is None:
            return _walk(self.root, ptr, key=key)
        at = self.marks.get(ptr)
        if at is not None:
            return (at[2], at[3]) if key else (at[0], at[1])
        while ptr:
            ptr = ptr[: ptr.rfind("/")]
            at = self.marks.get(ptr)
            if at is not None:
                return (at[0], at[1])
        return (1, 1)


def _compose(text: str) -> yaml.Node | None:
    from claimcheck.load.parsing import nesting_depth

    if nesting_depth(text)[1] is not None:
        return None  # too deep for libyaml to compose safely: the file's problem is located at 1:1
    try:
        return yaml.compose(text, Loader=_Loader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None


def _walk(root: yaml.Node | None, ptr: str, *, key: bool) -> tuple[int, int]:
    node = root
    if node is None:
        return (1, 1)
    mark = node.start_mark
    parts = split_pointer(ptr)
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == part:
                    mark = k.start_mark if (last and key) else v.start_mark
                    node = v
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and part.isdigit() and int(part) < len(node.value):
            node = node.value[int(part)]
            mark = node.start_mark
        else:
            break
    return (mark.line + 1, mark.column + 1)
