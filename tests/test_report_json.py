"""The JSON reporter's fast writer prints exactly what ``json.dumps(indent=2)`` of the escaped document prints."""

from __future__ import annotations

import json
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.cli import report
from claimcheck.core.problems import Severity

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text()
_VALUES = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=20
)


#: Stands for a float while the standard library writes the rest (no generated text holds it).
_MARK = "float-7f3c9a1e5b2d4c60-"


def _slow(doc: Any) -> str:
    """The standard library's indented JSON of the escaped document, its floats as orjson writes them."""
    floats: list[float] = []

    def mark(value: Any) -> Any:
        if isinstance(value, float):
            floats.append(value)
            return f"{_MARK}{len(floats) - 1}"
        if isinstance(value, dict):
            return {k: mark(v) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return [mark(v) for v in value]
        return value

    text = json.dumps(report._safe_json(mark(doc)), indent=2, ensure_ascii=False)
    for i, value in reversed(list(enumerate(floats))):  # float12 before float1
        text = text.replace(f'"{_MARK}{i}"', orjson.dumps(value).decode())
    return text


@settings(max_examples=300, deadline=None)
@given(_VALUES)
def test_fast_writer_matches_the_standard_encoder(doc: Any) -> None:
    """Any JSON value, strings holding any character (controls, separators, surrogates, backslashes)."""
    assert report.dumps(doc) == _slow(doc)


@pytest.mark.parametrize(
    "doc",
    [
        {"a": "plain", "b": [1, 2.5, None, True, False], "c": {}, "d": [], "e": ()},
        {"escape": "\x1b]0;title\x07", "cr": "a\rb", "nl": "a\nb\tc", "bs": "back\\slash\\b", "q": 'say "hi"'},
        {"rtl": "report\u202etxt.yaml", "zw": "a\u200bb", "sep": "a\u2028b", "del": "a\x7fb", "sur": "\udce9"},
        {"\x1bkey": 1, "severity": Severity.WARNING, "nan": float("nan")},
        {1: "a key that is not a string"},
        ["\\\\u0000", "\\\\\\r", "\\r"],
    ],
)
def test_fast_writer_on_hostile_values(doc: Any) -> None:
    """Terminal escapes, a right-to-left override, lone surrogates, enums, a NaN, a key that is not a string."""
    assert report.dumps(doc) == _slow(doc)


def test_the_utf8_search_finds_exactly_the_active_characters() -> None:
    """``acts_utf8`` (searching encoded output) finds the UTF-8 of every character ``ACTIVE`` matches, and of
    no other, over all of Unicode but the lone surrogates (which UTF-8 cannot hold); with ``c0=False``, all
    but the C0 controls."""
    from claimcheck.core.terminal import ACTIVE, acts_utf8

    wrong = [
        hex(cp)
        for cp in range(0x110000)
        if not 0xD800 <= cp <= 0xDFFF and (ACTIVE.match(chr(cp)) is not None) != acts_utf8(f"a{chr(cp)}b".encode())
    ]
    assert wrong == []
    assert not acts_utf8(b"\x1b[2J", c0=False)
    assert acts_utf8(b"\x1b[2J")
    assert acts_utf8("x\u202ey".encode(), c0=False)


def test_json_output_is_utf8_bytes_as_the_text_would_be() -> None:
    """What ``--format json`` writes (bytes) is the UTF-8 of :func:`report.dumps`, on plain and hostile text."""
    for doc in ({"name": "Åsa Lindqvist — “quoted”", "n": [1, 2]}, {"bad": "a\u202eb", "x": 0.5}, {"c": "\x1b[2J"}):
        assert report.dump_bytes(doc) == report.dumps(doc).encode("utf-8")
        assert report.dumps(doc) == _slow(doc)
