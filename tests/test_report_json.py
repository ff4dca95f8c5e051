"""The JSON reporter's fast writer prints exactly what ``json.dumps(indent=2)`` of the escaped document prints."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.cli import report
from claimcheck.core.problems import Severity

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True, allow_infinity=True) | st.text()
_VALUES = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=20
)


def _slow(doc: Any) -> str:
    return json.dumps(report._safe_json(doc), indent=2, ensure_ascii=False)


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
