"""Text hygiene at load: characters that no output can hold, or that act on whatever shows them.

A lone surrogate (``"\\udc00"``, which JSON lets through as an escape) cannot be written as UTF-8 at
all; a C0 control other than tab, line feed and carriage return, DEL or a C1 control is refused by
XML, is a parse error in HTML, and moves the cursor, clears the screen or sets the title of a
terminal. Each is a located error (``lone-surrogate``, ``control-character``) and the record holding
it is not loaded, so nothing downstream ever sees it. Zero-width characters and bidirectional
controls, which are merely invisible, are warnings of their own (``invisible-characters``).

YAML and JSON can only carry such a character raw or as a backslash escape, so a file whose text
holds neither (almost every file) is never walked.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from claimcheck.core.problems import Problem, pointer

__all__ = ["FORBIDDEN", "Bad", "bad_strings", "clean", "data_may_hold", "describe", "may_hold", "problems"]

#: Lone surrogates, C0 controls but tab, line feed and carriage return, DEL, and the C1 controls.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
#: What a file's text must hold for any of its values to hold one: the character itself, or a backslash (an escape).
_MAY_HOLD = re.compile("[\\\\\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")

_NAMES = {
    0x00: "NUL",
    0x07: "BEL (bell)",
    0x08: "BS (backspace)",
    0x0B: "VT (vertical tab)",
    0x0C: "FF (form feed)",
    0x1B: "ESC (escape)",
    0x7F: "DEL",
    0x85: "NEL (next line)",
    0x9B: "CSI (control sequence introducer)",
}


def may_hold(text: str | None) -> bool:
    """Whether values parsed from ``text`` may hold a forbidden character (``None``: unknown, so yes)."""
    return text is None or _MAY_HOLD.search(text) is not None


#: In JSON text (``ensure_ascii=False``), how a C0 control is written: ``\u0000``-``\u001f``, or ``\b`` and ``\f``.
_JSON_C0 = re.compile(r"\\u00[01][0-9a-fA-F]|\\[bf]")


def data_may_hold(data: Any) -> bool:
    """Whether any string of ``data`` (plain data, as an importer builds it) may hold a forbidden character:
    one pass of the C JSON encoder instead of a walk in Python. A yes may be wrong (``\\b`` written in a
    text); a no never is."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return FORBIDDEN.search(text) is not None or _JSON_C0.search(text) is not None


def describe(ch: str) -> str:
    """``U+001B ESC (escape)``, ``U+DC00 (a lone surrogate)``."""
    code = ord(ch)
    if 0xD800 <= code <= 0xDFFF:
        return f"U+{code:04X} (a lone surrogate)"
    name = _NAMES.get(code) or unicodedata.name(ch, "C1 control" if 0x80 <= code <= 0x9F else "control")
    return f"U+{code:04X} {name}"


class Bad:
    """A string holding a forbidden character: where it is, the character, and its position in the string."""

    __slots__ = ("char", "key", "offset", "path", "value")

    def __init__(self, path: tuple[str | int, ...], value: str, offset: int, key: bool) -> None:
        self.path, self.value, self.char, self.offset, self.key = path, value, value[offset], offset, key

    @property
    def surrogate(self) -> bool:
        """Whether the character is a lone surrogate (else a control character)."""
        return 0xD800 <= ord(self.char) <= 0xDFFF


def bad_strings(data: Any) -> Iterator[Bad]:
    """Every string (mapping keys included) of ``data`` holding a forbidden character, in document order.

    Iterative: the depth of ``data`` is bounded by the parser's limit, but the walk needs no stack of its own.
    """
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            m = FORBIDDEN.search(value)
            if m is not None:
                yield Bad(path, value, m.start(), False)
        elif isinstance(value, dict):
            items = list(value.items())
            for key, item in reversed(items):
                k = key if isinstance(key, (str, int)) else str(key)
                if isinstance(key, str):
                    m = FORBIDDEN.search(key)
                    if m is not None:
                        yield Bad((*path, k), key, m.start(), True)
                stack.append(((*path, k), item))
        elif isinstance(value, list):
            stack.extend(((*path, i), item) for i, item in reversed(list(enumerate(value))))


def _field(path: tuple[str | int, ...]) -> str:
    named = [p for p in path if isinstance(p, str)]
    return named[-1] if named else "value"


def message(bad: Bad) -> str:
    """What is wrong, in words."""
    what = f"the key {_field(bad.path)!r}" if bad.key else f"field {_field(bad.path)!r}"
    if bad.surrogate:
        why = "a lone surrogate is not a character and cannot be written as UTF-8 (a JSON escape such as \\udc00 left unpaired)"
    else:
        why = "control characters are refused: they act on terminals and are not allowed in HTML or XML"
    start = max(0, bad.offset - 20)
    shown = ("..." if start else "") + bad.value[start : bad.offset + 20] + ("..." if len(bad.value) > bad.offset + 20 else "")
    return f"{what} holds {describe(bad.char)} at character {bad.offset + 1} ({shown!r}): {why}; remove it"


def problems(data: Any, file: str, base: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], Problem]]:
    """A located problem for each string of ``data`` holding a forbidden character, with its path."""
    out = []
    for bad in bad_strings(data):
        code = "lone-surrogate" if bad.surrogate else "control-character"
        record = _record_id(data, bad.path)
        out.append((bad.path, Problem(code=code, message=message(bad), file=file, pointer=pointer(*base, *bad.path), record=record)))
    return out


def _record_id(data: Any, path: tuple[str | int, ...]) -> str | None:
    """The id of the record (``/section/index``) a path leads into, when it has one."""
    if len(path) < 2 or not isinstance(data, dict) or not isinstance(path[1], int):
        return None
    section = data.get(path[0])
    item = section[path[1]] if isinstance(section, list) and path[1] < len(section) else None
    rid = item.get("id") if isinstance(item, dict) else None
    return rid if isinstance(rid, str) and not FORBIDDEN.search(rid) else None


def _replacement(m: re.Match[str]) -> str:
    ch = m.group()
    if 0xD800 <= ord(ch) <= 0xDFFF:
        return "\ufffd"
    return " " if ch.isspace() else ""  # a vertical tab, a form feed, NEL: white space, kept as a space


def clean(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, every forbidden white-space character (a
    vertical tab, a form feed, NEL) by a space, and every other forbidden character removed."""
    return FORBIDDEN.sub(_replacement, text)
