"""``claimcheck fmt``: one layout for every corpus file, comments kept.

The canonical layout is the one of ``claims/smic-2020.yaml`` (see :mod:`claimcheck.editor.yamlstyle`):

1. the file is read and written again by ruamel.yaml's round-trip mode in the canonical style, which
   sets the indentation (two spaces; list dashes two spaces under their key) and keeps comments,
   quotes, flow lists and folded text as written;
2. the keys of each record are put in the schema's property order (``id`` first; keys the schema does
   not know last, as they were): each key moves with the comment lines directly above it;
3. the sections are put in the order sources, documents, claims, relations, comments, reviews (the
   config's keys in its schema's order), each with the comment lines above it, one blank line apart.

Keys inside a record's nested values (an appearance's ``locator`` before its ``chain``) are left in
the order written. Steps 2 and 3 move whole lines rather than ruamel's tree, because ruamel attaches
the comment before a key to the value ending before it. The result must read back as the same data,
or the file is reported and left alone; so is a file that cannot be parsed.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from claimcheck.core.atomic import write_text
from claimcheck.core.errors import CorpusNotFoundError
from claimcheck.core.problems import Problem
from claimcheck.editor.textedit import content_end, trailing_line
from claimcheck.editor.yamlstyle import EditError, dump, key_order, load_rt, plain_load
from claimcheck.load.loader import CONFIG_NAME, discover
from claimcheck.model import SECTIONS

__all__ = ["FmtResult", "format_paths", "format_text"]


@attrs.define(frozen=True, kw_only=True)
class FmtResult:
    """Which files changed (or would, with ``check``), which were already canonical, which failed."""

    changed: tuple[Path, ...] = ()
    unchanged: tuple[Path, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every file is (now) canonical and none failed."""
        return not self.problems


def _rank(order: Sequence[str]) -> Callable[[tuple[int, str]], tuple[int, int]]:
    def rank(item: tuple[int, str]) -> tuple[int, int]:
        index, key = item
        return (order.index(key) if key in order else len(order), index)

    return rank


def _wanted(keys: list[str], order: Sequence[str]) -> list[str]:
    return [k for _, k in sorted(enumerate(keys), key=_rank(order))]


def _record_orders(data: CommentedMap) -> None:
    """Put the keys of flow-style records (``- {id: a, name: b}``) in order in the tree itself."""
    for section in data:
        seq = data[section]
        if section not in SECTIONS or not isinstance(seq, CommentedSeq):
            continue
        for i, rec in enumerate(seq):
            if isinstance(rec, CommentedMap) and rec.fa.flow_style() and all(isinstance(k, str) for k in rec):
                want = _wanted([str(k) for k in rec], key_order(section))
                if want != list(rec):
                    new = CommentedMap((k, rec[k]) for k in want)
                    new.fa.set_flow_style()
                    seq[i] = new


def _reorder_records(text: str, data: CommentedMap) -> str:
    lines = text.splitlines(keepends=True)
    top = list(data)
    edits: list[tuple[int, int, list[str]]] = []
    for si, section in enumerate(top):
        seq = data[section]
        if section not in SECTIONS or not isinstance(seq, CommentedSeq) or seq.fa.flow_style():
            continue
        section_end = data.lc.key(top[si + 1])[0] if si + 1 < len(top) else len(lines)
        for i, rec in enumerate(seq):
            if not isinstance(rec, CommentedMap) or rec.fa.flow_style() or not rec or not all(isinstance(k, str) for k in rec):
                continue
            keys = [str(k) for k in rec]
            want = _wanted(keys, key_order(section))
            if want != keys:
                boundary = seq.lc.item(i + 1)[0] if i + 1 < len(seq) else section_end
                edit = _reorder_block(lines, rec, want, boundary)
                if edit is None:
                    raise EditError(f"cannot reorder the keys of /{section}/{i}: its first key is not on the line of its dash")
                edits.append(edit)
    for start, end, new in sorted(edits, reverse=True):
        lines[start:end] = new
    return "".join(lines)


def _reorder_block(lines: list[str], rec: CommentedMap, want: list[str], boundary: int) -> tuple[int, int, list[str]] | None:
    keys = list(rec)
    key_lines = {k: rec.lc.key(k)[0] for k in keys}
    col = rec.lc.key(keys[0])[1]
    first = key_lines[keys[0]]
    prefix = lines[first][:col]
    if prefix.strip() != "-":
        return None
    end = content_end(lines, first, boundary, col - 1)
    starts = {keys[0]: first}
    for prev, key in itertools.pairwise(keys):
        s = key_lines[key]
        while s - 1 > key_lines[prev] and trailing_line(lines[s - 1], col):
            s -= 1
        starts[key] = s
    bounds = [starts[k] for k in keys[1:]] + [end]
    chunks = {k: list(lines[starts[k] : b]) for k, b in zip(keys, bounds, strict=True)}
    chunks[keys[0]][0] = " " * col + lines[first][col:]
    out: list[str] = []
    for n, key in enumerate(want):
        chunk = chunks[key]
        if n == 0:
            at = key_lines[key] - starts[key]
            chunk = [*chunk[:at], prefix + chunk[at][col:], *chunk[at + 1 :]]
        out.extend(chunk)
    return first, end, out


def _reorder_top(text: str, data: CommentedMap, order: Sequence[str]) -> str:
    keys = [str(k) for k in data]
    want = _wanted(keys, order)
    if want == keys:
        return text
    lines = text.splitlines(keepends=True)
    key_lines = [data.lc.key(k)[0] for k in data]
    starts: list[int] = []
    for i, line_no in enumerate(key_lines):
        s = line_no
        floor = key_lines[i - 1] + 1 if i else 0
        while s - 1 >= floor and (lines[s - 1].startswith("#") or (i > 0 and not lines[s - 1].strip())):
            s -= 1
        starts.append(s)
    header = lines[: starts[0]]
    chunks: dict[str, list[str]] = {}
    for i, key in enumerate(keys):
        chunk = lines[starts[i] : starts[i + 1] if i + 1 < len(keys) else len(lines)]
        while chunk and not chunk[0].strip():
            chunk.pop(0)
        while chunk and not chunk[-1].strip():
            chunk.pop()
        chunks[key] = chunk
    out = list(header)
    for n, key in enumerate(want):
        if n:
            out.append("\n")
        out.extend(chunks[key])
    return "".join(out)


def _aligned_comments(text: str) -> dict[str, bool]:
    """Each full-line comment (stripped) → whether it is indented as the content line that follows it."""
    lines = text.splitlines()
    out: dict[str, bool] = {}
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not stripped.startswith("#") or stripped in out:
            continue
        nxt = next((n for n in lines[i + 1 :] if n.strip() and not n.strip().startswith("#")), None)
        out[stripped] = nxt is not None and _indent(nxt) == _indent(line)
    return out


def _realign_comments(text: str, aligned: dict[str, bool]) -> str:
    """Indent each comment that was aligned with the line after it like that line again (ruamel
    keeps a comment's column when it re-indents the data around it)."""
    lines = text.splitlines(keepends=True)
    for i in range(len(lines) - 1, -1, -1):
        stripped = lines[i].strip()
        if not stripped.startswith("#") or not aligned.get(stripped):
            continue
        nxt = next((n for n in lines[i + 1 :] if n.strip() and not n.strip().startswith("#")), None)
        if nxt is not None and _indent(nxt) != _indent(lines[i]):
            lines[i] = " " * _indent(nxt) + lines[i].lstrip(" ")
    return "".join(lines)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def format_text(text: str, *, config: bool = False) -> str:
    """``text`` (a corpus file, or with ``config`` the corpus config) in the canonical layout.

    Raises :class:`EditError` when the text cannot be parsed or its data would not survive.
    """
    original = plain_load(text)
    data = load_rt(text)
    if data is None:
        return text
    if not isinstance(data, CommentedMap):
        raise EditError(f"expected a mapping of sections (sources, claims...); found a {type(data).__name__}")
    if not config:
        _record_orders(data)
    out = dump(data)
    if out != text:
        out = _realign_comments(out, _aligned_comments(text))
        data = load_rt(out)  # line numbers of the new text (ruamel is slow: only reloaded when something changed)
    if not config:
        ordered = _reorder_records(out, data)
        if ordered != out:
            out, data = ordered, load_rt(ordered)
    out = _reorder_top(out, data, key_order("config") if config else list(SECTIONS))
    if plain_load(out) != original:
        raise EditError("formatting would change the data the file holds; it is left as it was (please report this)")
    return out


def _files(path: Path) -> tuple[Path, list[Path]]:
    if not path.exists():
        raise CorpusNotFoundError(f"no corpus at {os.fspath(path)!r}: the path does not exist")
    if path.is_file():
        return path.parent, [path]
    found, _links = discover(path)
    return path, [f for f in found if f.suffix in {".yaml", ".yml"}]


def format_paths(path: str | os.PathLike[str] = "claims", *, check: bool = False) -> FmtResult:
    """Format every YAML file of the corpus at ``path`` (a folder, or one file); with ``check``, write nothing.

    Only files that change are written, each atomically. JSON files are left alone.
    """
    root, files = _files(Path(path))
    changed: list[Path] = []
    unchanged: list[Path] = []
    problems: list[Problem] = []
    for file in files:
        try:
            text = file.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(code="io-error", message=f"cannot read the file: {exc}", file=str(file)))
            continue
        try:
            out = format_text(text, config=file.name == CONFIG_NAME and file.parent == root)
        except EditError as exc:
            problems.append(Problem(code="not-formatted", message=f"{exc}; the file is left as it was", file=str(file)))
            continue
        if out == text:
            unchanged.append(file)
            continue
        changed.append(file)
        if not check:
            write_text(file, out)
    return FmtResult(changed=tuple(changed), unchanged=tuple(unchanged), problems=tuple(problems))
