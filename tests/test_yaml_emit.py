"""The importer's YAML writer emits events to libyaml itself (PyYAML's representer costs most of a dump): whatever
the data, the text reads back as exactly that data, with claimcheck's own parser."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.interop.writer import dump_yaml
from claimcheck.load.parsing import parse_bytes

#: Strings like those YAML reads as something else: numbers, dates, booleans, nulls, indicators, comments, breaks.
TRICKY = st.sampled_from(
    ["yes", "No", "ON", "null", "~", "1.5", "0x10", "1e3", "2020-05-01", "12:30", ".inf", "-", "- x", "? x", ": x", "x: y", "a #b",
     "#c", "'q'", '"q"', "[a]", "{a}", "&a", "*a", "!t", "%d", "@x", "`x", "|", ">", " lead", "trail ", "", "\t", "\n", "\r\n",
     "\u2028", "\u2029", "\x85", "\ufeff", "é", "\U0001f600", "\\", "it's", "(a)", "x - y", "a,b"]
)  # fmt: skip
TEXT = st.lists(TRICKY | st.text(max_size=12), max_size=4).map("".join).filter(lambda s: "\x00" not in s)
SCALARS = TEXT | st.integers(min_value=-(10**18), max_value=10**18) | st.booleans() | st.none()
DATA = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4), max_leaves=20)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(
    sections=st.dictionaries(
        st.sampled_from(["sources", "claims", "reviews"]), st.lists(st.dictionaries(TEXT, DATA, max_size=5), max_size=3)
    )
)
def test_emitted_yaml_reads_back_as_the_data(sections: dict[str, Any]) -> None:
    """Every string, number, boolean and null, nested any way, reads back unchanged (no check by PyYAML's own dumper)."""
    from claimcheck.load.hygiene import FORBIDDEN

    text = dump_yaml(sections, "# header\n", check=False)
    parsed = parse_bytes(text.encode("utf-8"), "x.yaml")
    if any(FORBIDDEN.search(s) for s in _strings(sections)):
        return  # control characters: the importer removes them first, and the parser's hygiene is the loader's
    assert parsed.data == sections, text


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []
