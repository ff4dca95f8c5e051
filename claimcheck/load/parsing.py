"""Reading one corpus file: bytes → text → data, each failure a located problem for that file."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, ClassVar

import attrs
import yaml

from claimcheck.core import limits
from claimcheck.core.problems import Problem

try:
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader


class StrictLoader(_Base):  # type: ignore[misc]  # the base is chosen at run time (the C loader where built)
    """PyYAML's safe loader (the C one where built), with timestamps left as the strings written.

    ``date: 2020-09-14`` stays the text ``"2020-09-14"``: claimcheck keeps dates at their precision
    and never lets the parser turn them into something else.
    """

    yaml_implicit_resolvers: ClassVar[dict[Any, list[tuple[str, Any]]]] = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """A mapping, refusing a key written twice: YAML forbids it, and PyYAML would silently keep the last
        (a second ``claims:`` section would hide the first)."""
        seen: set[tuple[str, str]] = set()
        for key_node, _value in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if (key_node.tag, key_node.value) in seen:
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping", node.start_mark, f"found the key {key_node.value!r} twice", key_node.start_mark
                    )
                seen.add((key_node.tag, key_node.value))
        return super().construct_mapping(node, deep)  # type: ignore[no-any-return]  # PyYAML's loaders are untyped


@attrs.define(frozen=True, kw_only=True)
class Parsed:
    """A file's text and data, or the problems that stopped it being read."""

    text: str | None = None
    data: Any = None
    problems: tuple[Problem, ...] = ()


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    col = offset - (before.rfind(b"\n") + 1) + 1
    return line, col


def read_bytes(path: Path, name: str) -> bytes | Parsed:
    """The bytes of ``path``, or a :class:`Parsed` holding the problem that stopped them being read."""
    try:
        size = path.stat().st_size
        if size > limits.MAX_FILE_BYTES:
            msg = f"file is {size:,} bytes; the limit is {limits.MAX_FILE_BYTES:,}"
            return Parsed(problems=(Problem(code="file-too-large", message=msg, file=name),))
        return path.read_bytes()
    except OSError as exc:
        return Parsed(problems=(Problem(code="io-error", message=f"cannot read the file: {exc.strerror or exc}", file=name),))


def parse_bytes(raw: bytes, name: str) -> Parsed:
    """Decode and parse a file's bytes (JSON if ``name`` ends in .json, else YAML)."""

    def problem(code: str, message: str, line: int | None = None, column: int | None = None) -> Parsed:
        return Parsed(problems=(Problem(code=code, message=message, file=name, line=line, column=column),))

    if b"\x00" in raw:
        line, col = _line_col(raw, raw.index(b"\x00"))
        return problem("binary-file", "the file holds NUL bytes: expected UTF-8 text, found binary data", line, col)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _line_col(raw, exc.start)
        return problem("not-utf8", f"expected UTF-8 text, found byte 0x{raw[exc.start]:02x} that is not UTF-8", line, col)
    if not text.strip():
        return Parsed(text=text, problems=(Problem(code="empty-file", message="the file is empty", file=name),))
    if name.endswith(".json"):
        return _parse_json(text, name)
    return _parse_yaml(text, name)


def read(path: Path, name: str) -> Parsed:
    """Read and parse ``path`` (shown as ``name`` in problems)."""
    raw = read_bytes(path, name)
    return raw if isinstance(raw, Parsed) else parse_bytes(raw, name)


_JSON_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKeyError(key)
        out[key] = value
    return out


def _json_too_deep(text: str) -> tuple[int, int] | None:
    """Where a JSON text first nests deeper than the limit (strings skipped), or ``None``."""
    if text.count("[") + text.count("{") <= limits.MAX_DEPTH:
        return None
    depth = 0
    for m in _JSON_TOKENS.finditer(text):
        tok = m.group()
        if tok in "[{":
            depth += 1
            if depth > limits.MAX_DEPTH:
                before = text[: m.start()]
                return before.count("\n") + 1, m.start() - (before.rfind("\n") + 1) + 1
        elif tok in "]}":
            depth -= 1
    return None


def _parse_json(text: str, name: str) -> Parsed:
    deep = _json_too_deep(text)
    if deep is not None:
        msg = f"the JSON nests deeper than {limits.MAX_DEPTH} levels"
        return Parsed(text=text, problems=(Problem(code="too-deep", message=msg, file=name, line=deep[0], column=deep[1]),))
    try:
        return Parsed(text=text, data=json.loads(text, object_pairs_hook=_no_duplicates))
    except _DuplicateKeyError as exc:
        key = json.dumps(exc.key)
        first = text.find(key)
        second = text.find(key, first + 1) if first >= 0 else -1
        at = second if second >= 0 else 0
        before = text[:at]
        line, col = before.count("\n") + 1, at - (before.rfind("\n") + 1) + 1
        msg = f"malformed JSON: the key {exc.key!r} appears twice in one object (the second would silently replace the first)"
        return Parsed(text=text, problems=(Problem(code="parse-error", message=msg, file=name, line=line, column=col),))
    except json.JSONDecodeError as exc:
        msg = f"malformed JSON: {exc.msg}"
        return Parsed(text=text, problems=(Problem(code="parse-error", message=msg, file=name, line=exc.lineno, column=exc.colno),))
    except ValueError:  # a number of over 4,300 digits (Python's guard against slow conversion)
        return _long_number(text, name, "JSON")
    except RecursionError:
        msg = f"the JSON nests too deeply (the limit is {limits.MAX_DEPTH} levels)"
        return Parsed(text=text, problems=(Problem(code="too-deep", message=msg, file=name, line=1, column=1),))


#: Zero-width characters and bidirectional controls (Unicode TR9 embeddings, overrides, isolates).
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
#: The same characters written as YAML or JSON escapes (``\u200b``, ``\U0000202E``).
ESCAPED_INVISIBLE = re.compile(r"\\(?:u|U0000)(?:200[b-fB-F]|202[a-eA-E]|206[0-46-9]|[fF][eE][fF][fF])")

_BRACKETS = re.compile(r"[^\[\]{}]+")
_BLOCK_PREFIX = re.compile(r"^[ \t?:-]*", re.MULTILINE)
_DEEP_INDENT = re.compile(rf"^ {{{2 * limits.MAX_DEPTH},}}", re.MULTILINE)
#: Nesting libyaml's recursive C composer survives with room to spare (100k levels overflow its stack).
_SAFE_COMPOSE_DEPTH = 500


def _may_nest_deeper(text: str, depth: int) -> bool:
    """Whether ``text`` could nest deeper than ``depth``, by a bound that nothing in the text can fool: every
    flow level takes a ``[`` or ``{`` (counted even inside quotes and comments), and every two block levels
    at least one more column (``- - - x`` nests without indentation)."""
    openers = text.count("[") + text.count("{")
    # block levels open only in a line's leading run of blanks and indicators ("    - ", "- - - ", "? ")
    prefix = max(map(len, _BLOCK_PREFIX.findall(text)), default=0)
    return openers + 2 * prefix + 2 > depth


def nesting_depth(text: str) -> tuple[int, tuple[int, int] | None]:
    """How deep ``text`` nests, and where it first passes the limit.

    libyaml's C composer can crash the interpreter on extreme nesting, so this must run before it:
    a quick bound from bracket depth and indentation, and an exact event scan only when the bound
    passes the limit.
    """
    depth = best = 0
    for ch in _BRACKETS.sub("", text):
        depth = depth + 1 if ch in "[{" else max(0, depth - 1)
        best = max(best, depth)
    # the walk above counts a "]" inside quotes or a comment as a closer, and sees no depth in "- - - x":
    # only the sound bound may let a text reach libyaml's composer unscanned
    if best <= limits.MAX_DEPTH and not _DEEP_INDENT.search(text) and not _may_nest_deeper(text, _SAFE_COMPOSE_DEPTH):
        return best, None
    depth = best = 0
    try:
        for event in yaml.parse(text, Loader=_Base):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > limits.MAX_DEPTH:
                    mark = event.start_mark
                    return depth, (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as exc:
        if _refused_as_too_deep(exc):  # libyaml 0.2.6 (PyYAML 6.0.4) refuses deep nesting before any event
            return limits.MAX_DEPTH + 1, _mark(exc)
        # anything else the full parse reports
    return best, None


def _refused_as_too_deep(exc: yaml.YAMLError) -> bool:
    """Whether libyaml itself refused the text for its nesting (its own limit, far above ours)."""
    return "maximum nesting depth" in str(exc)


def _mark(exc: yaml.YAMLError) -> tuple[int, int]:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _parse_yaml(text: str, name: str) -> Parsed:
    _, deep = nesting_depth(text)
    if deep is not None:
        msg = f"the YAML nests deeper than {limits.MAX_DEPTH} levels"
        return Parsed(text=text, problems=(Problem(code="too-deep", message=msg, file=name, line=deep[0], column=deep[1]),))
    if "&" in text and "*" in text:  # only then can there be aliases: look closer
        alias = _first_alias(text)
        if alias is not None:
            msg = "YAML anchors and aliases are refused (they let a small file expand without bound); write the value out"
            return Parsed(text=text, problems=(Problem(code="yaml-alias", message=msg, file=name, line=alias[0], column=alias[1]),))
    try:
        data = yaml.load(text, Loader=StrictLoader)  # noqa: S506 - StrictLoader is a SafeLoader
    except yaml.MarkedYAMLError as exc:
        if _refused_as_too_deep(exc):
            line, col = _mark(exc)
            msg = f"the YAML nests deeper than {limits.MAX_DEPTH} levels"
            return Parsed(text=text, problems=(Problem(code="too-deep", message=msg, file=name, line=line, column=col),))
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(str(x) for x in (exc.context, exc.problem) if x)
        if "could not determine a constructor" in what:
            what = f"YAML tags that construct objects are refused: {exc.problem}"
        elif "expected a single document" in what:
            what = "the file holds more than one YAML document (---); put all records in one"
        at: tuple[int | None, int | None] = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        return Parsed(
            text=text, problems=(Problem(code="parse-error", message=f"malformed YAML: {what}", file=name, line=at[0], column=at[1]),)
        )
    except yaml.YAMLError as exc:
        return Parsed(text=text, problems=(Problem(code="parse-error", message=f"malformed YAML: {exc}", file=name),))
    except RecursionError:
        msg = f"the YAML nests too deeply (the limit is {limits.MAX_DEPTH} levels)"
        return Parsed(text=text, problems=(Problem(code="too-deep", message=msg, file=name),))
    except Exception as exc:  # PyYAML's constructors fail untidily on a tag they cannot build: !!int abc, !!int with no text
        if isinstance(exc, ValueError) and _LONG_NUMBER.search(text):  # Python refuses to convert a number of over 4,300 digits
            return _long_number(text, name, "YAML")
        msg = f"malformed YAML: a tagged value cannot be read ({type(exc).__name__}: {exc})"
        return Parsed(text=text, problems=(Problem(code="parse-error", message=msg, file=name),))
    if data is None:
        return Parsed(text=text, problems=(Problem(code="empty-file", message="the file holds no YAML data", file=name),))
    return Parsed(text=text, data=data)


_LONG_NUMBER = re.compile(r"\d{4301,}")


def _long_number(text: str, name: str, what: str) -> Parsed:
    """The problem for a number too long for Python to convert, at the first run of over 4,300 digits."""
    m = _LONG_NUMBER.search(text)
    at = m.start() if m else 0
    line, col = text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
    msg = f"malformed {what}: a number of over 4,300 digits cannot be read"
    return Parsed(text=text, problems=(Problem(code="parse-error", message=msg, file=name, line=line, column=col),))


def _first_alias(text: str) -> tuple[int, int] | None:
    try:
        for event in yaml.parse(text, Loader=_Base):
            mark = event.start_mark
            if isinstance(event, yaml.AliasEvent) and mark is not None:
                return (mark.line + 1, mark.column + 1)
    except yaml.YAMLError:
        return None  # the full parse will report it
    return None
