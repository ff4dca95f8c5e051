"""Editing a corpus file in place: new YAML inserted as text, every other byte left as written.

ruamel.yaml reads the file (for where each key and item starts) and writes the new item in the
canonical style; the item is then put into the text after the last line of its list. ruamel's own
tree is not dumped back, because it attaches the blank line and the comment that precede a section
or a record to the last value *before* them: an item appended through the tree would land between
that value and its comment, and the comment heading the next section would end up above the new
record. Callers check the edited text by parsing it again (see :func:`claimcheck.editor.add`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from claimcheck.editor.yamlstyle import EditError, dump, load_rt, to_yaml
from claimcheck.model import SECTIONS

__all__ = ["append_item", "render_item", "uses_blank_lines"]

Path = tuple[str | int, ...]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def trailing_line(line: str, limit: int) -> bool:
    """A blank line, or a comment indented no deeper than ``limit`` (it belongs to what follows)."""
    stripped = line.strip()
    return not stripped or (stripped.startswith("#") and _indent(line) <= limit)


def _shift(lines: list[str], by: int) -> list[str]:
    if by >= 0:
        return [" " * by + line if line.strip() else line for line in lines]
    return [line[-by:] if line[:-by].strip() == "" else line for line in lines]


def render_item(item: Any, dash_col: int) -> list[str]:
    """``item`` as the lines of one list item in the canonical style, its dash at ``dash_col``."""
    lines = dump({"x": [to_yaml(item, indent=dash_col + 2)]}).splitlines(keepends=True)[1:]
    return _shift(lines, dash_col - 2)


def _render_key(key: str, items: list[Any], key_col: int) -> list[str]:
    lines = dump({key: [to_yaml(i, indent=key_col + 4) for i in items]}).splitlines(keepends=True)
    return _shift(lines, key_col)


def _walk(data: CommentedMap, path: Path) -> tuple[Any, int | None]:
    """The node at ``path`` and the first line after it (where its next sibling, or an ancestor's, starts)."""
    node: Any = data
    boundary: int | None = None
    for part in path:
        nxt: int | None = None
        if isinstance(node, CommentedMap) and part in node:
            keys = list(node)
            at = keys.index(part)
            if at + 1 < len(keys):
                nxt = node.lc.key(keys[at + 1])[0]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            if part + 1 < len(node):
                nxt = node.lc.item(part + 1)[0]
        else:
            raise EditError(f"nothing at {'/'.join(map(str, path))} to add to")
        if nxt is not None:
            boundary = nxt if boundary is None else min(boundary, nxt)
        node = node[part]
    return node, boundary


def content_end(lines: list[str], start: int, boundary: int | None, limit: int) -> int:
    """The index after the last line that belongs to the node starting at ``start``."""
    end = len(lines) if boundary is None else boundary
    while end - 1 > start and trailing_line(lines[end - 1], limit):
        end -= 1
    return end


def uses_blank_lines(text: str) -> bool:
    """Whether the records of ``text`` are separated by blank lines (true for a file with too few to tell)."""
    try:
        data = load_rt(text)
    except EditError:
        return True
    if not isinstance(data, CommentedMap):
        return True
    lines = text.splitlines()
    seen_blank = seen_tight = False
    for key in data:
        seq = data[key]
        if key not in SECTIONS or not isinstance(seq, CommentedSeq) or seq.fa.flow_style():
            continue
        for i in range(1, len(seq)):
            line, col = seq.lc.item(i)
            dash = lines[line].rfind("-", 0, col)
            prev = line - 1
            while prev > 0 and lines[prev].strip().startswith("#") and _indent(lines[prev]) <= dash:
                prev -= 1
            if lines[prev].strip():
                seen_tight = True
            else:
                seen_blank = True
    return seen_blank or not seen_tight


_EMPTY_KEY = r"^(?P<indent> *){key}:[ \t]*(?:(?:\[[ \t]*\]|null|~)[ \t]*)?(?P<comment>#.*)?$"  # no two adjacent runs to backtrack over


def append_item(text: str, path: Sequence[str | int], item: Any, *, blank_line: bool | None = None) -> str:
    """``text`` with ``item`` appended to the list at ``path`` (``("claims",)`` or
    ``("reviews", 3, "corrections")``).

    A missing list is created: a section in its canonical place among the others, a key at the end of
    its record. ``blank_line`` puts a blank line before the item (default: as the file separates its
    records, for a section; none in a nested list). Raises :class:`EditError` when the list is written in
    flow style or the place cannot be found.
    """
    path = tuple(path)
    if not path:
        raise EditError("no list to add to")
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    data = load_rt(text) if text.strip() else None
    if blank_line is None:
        blank_line = len(path) == 1 and uses_blank_lines(text)
    if data is None:
        if len(path) != 1:
            raise EditError("the file is empty: there is no record to add to")
        return "".join([*lines, f"{path[0]}:\n", *render_item(item, 2)])
    if not isinstance(data, CommentedMap):
        raise EditError(f"the file holds a {type(data).__name__}, not a mapping of sections")
    parent, boundary = _walk(data, path[:-1])
    key = path[-1]
    if not isinstance(parent, CommentedMap) or not isinstance(key, str):
        raise EditError(f"{'/'.join(map(str, path[:-1])) or 'the file'} is not a mapping")
    if key in parent:
        _append_existing(lines, parent, key, item, boundary, blank_line)
    elif parent is data:
        _add_section(lines, data, key, item)
    else:
        key_line, key_col = parent.lc.key(next(iter(parent)))
        end = content_end(lines, key_line, boundary, key_col - 1)
        lines[end:end] = _render_key(key, [item], key_col)
    return "".join(lines)


def _append_existing(lines: list[str], parent: CommentedMap, key: str, item: Any, boundary: int | None, blank_line: bool) -> None:
    seq = parent[key]
    key_line, key_col = parent.lc.key(key)
    if seq is None or (isinstance(seq, CommentedSeq) and not seq):
        m = re.match(_EMPTY_KEY.format(key=re.escape(key)), lines[key_line].rstrip("\r\n"))
        if m is None:
            raise EditError(f"cannot add to the empty list {key!r}: write it as '{key}:' or '{key}: []'")
        head = f"{m['indent']}{key}:" + (f"  {m['comment']}" if m["comment"] else "") + "\n"
        lines[key_line : key_line + 1] = [head, *render_item(item, key_col + 2)]
        return
    if not isinstance(seq, CommentedSeq):
        raise EditError(f"{key!r} holds a {type(seq).__name__}, not a list")
    if seq.fa.flow_style():
        raise EditError(f"the list {key!r} is written in flow style ([...]); write it one item a line to add to it")
    keys = list(parent)
    at = keys.index(key)
    if at + 1 < len(keys):
        nxt = parent.lc.key(keys[at + 1])[0]
        boundary = nxt if boundary is None else min(boundary, nxt)
    last_line, content_col = seq.lc.item(len(seq) - 1)
    dash = lines[last_line].rfind("-", 0, content_col)
    if dash < 0:
        raise EditError(f"cannot find where the list {key!r} ends")
    end = content_end(lines, last_line, boundary, dash)
    lines[end:end] = (["\n"] if blank_line else []) + render_item(item, dash)


def _add_section(lines: list[str], data: CommentedMap, key: str, item: Any) -> None:
    order = list(SECTIONS)
    rank = order.index(key) if key in order else len(order)
    later = sorted(data.lc.key(k)[0] for k in data if k in order and order.index(k) > rank)
    block = [f"{key}:\n", *render_item(item, 2)]
    if later:
        start = later[0]
        while start > 0 and lines[start - 1].startswith("#"):
            start -= 1
        lines[start:start] = [*block, "\n"]
        return
    if lines and lines[-1].strip():
        lines.append("\n")
    lines.extend(block)
