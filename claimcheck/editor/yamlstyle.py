"""The canonical YAML style of a corpus file, and ruamel.yaml set up to read and write it.

The style is the one of ``claims/smic-2020.yaml``: two-space mappings, sequence dashes indented two
spaces under their key (``sequence=4, offset=2``), lines never re-wrapped, quotes kept as written.
New values follow the same file: dates in double quotes, lists of ids in flow style (``[a, b]``),
attribution hops as flow mappings, long single-line text as a folded block (``>-``) cut near 100
columns, and a value PyYAML would read as something other than the text (``no``, ``2020``) quoted.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Mapping, Sequence
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString

from claimcheck.core.errors import ClaimcheckError
from claimcheck.load.parsing import StrictLoader
from claimcheck.load.schemas import RECORD_SCHEMAS, load_schemas

__all__ = [
    "DATE_FIELDS",
    "FLOW_LISTS",
    "EditError",
    "YAMLError",
    "dump",
    "key_order",
    "load_rt",
    "make_yaml",
    "plain_load",
    "to_yaml",
]

#: Fields holding dates: always written in double quotes, as the SMIC file does.
DATE_FIELDS = frozenset({"date", "asked", "retrieved"})
#: Lists written in flow style (``[a, b]``): ids and short labels.
FLOW_LISTS = frozenset({"topics", "subjects", "tags", "aliases", "affiliations", "authors", "claims"})
#: Text longer than this is written as a folded block cut near :data:`FOLD_WIDTH` columns.
FOLD_AT = 100
FOLD_WIDTH = 96


class EditError(ClaimcheckError, ValueError):
    """A file cannot be edited safely: it is left as it was."""


def make_yaml() -> YAML:
    """A ruamel.yaml round-trip instance in the canonical style (a new one each call: they hold state)."""
    y = YAML(typ="rt")
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096  # never re-wrap a line the editor wrote
    y.preserve_quotes = True
    return y


def load_rt(text: str) -> Any:
    """The round-trip tree of ``text`` (comments and line numbers kept); raises :class:`EditError`."""
    try:
        return make_yaml().load(text)
    except (YAMLError, ValueError) as exc:
        raise EditError(f"cannot parse the YAML: {_one_line(exc)}") from None


def plain_load(text: str) -> Any:
    """``text`` as the corpus loader reads it (PyYAML, dates kept as strings); raises :class:`EditError`."""
    try:
        return yaml.load(text, Loader=StrictLoader)  # noqa: S506 - StrictLoader is a SafeLoader
    except yaml.YAMLError as exc:
        raise EditError(f"cannot parse the YAML: {_one_line(exc)}") from None


def dump(data: Any) -> str:
    """``data`` (a round-trip tree or plain values) as YAML text in the canonical style."""
    buf = io.StringIO()
    make_yaml().dump(data, buf)
    return buf.getvalue()


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


@functools.cache
def key_order(section: str) -> tuple[str, ...]:
    """The keys of a record of ``section`` in the schema's property order (``id`` first)."""
    schema = load_schemas()[RECORD_SCHEMAS[section]] if section in RECORD_SCHEMAS else load_schemas()["config.schema.json"]
    return tuple(schema["properties"])


def _reads_back(text: str) -> bool:
    """Whether PyYAML reads ``text`` written plain as that same text."""
    try:
        return bool(yaml.load(text, Loader=StrictLoader) == text)  # noqa: S506 - StrictLoader is a SafeLoader
    except yaml.YAMLError:
        return False


def _foldable(text: str) -> bool:
    return len(text) > FOLD_AT and text == text.strip() and "  " not in text and not any(c in text for c in "\n\r\t")


def _fold(text: str, indent: int) -> FoldedScalarString:
    """A folded block cut at spaces so that lines stay near :data:`FOLD_WIDTH` columns."""
    out: FoldedScalarString = FoldedScalarString(text)
    width = max(40, FOLD_WIDTH - indent)
    positions: list[int] = []
    start = 0
    while len(text) - start > width:
        cut = text.rfind(" ", start, start + width)
        if cut <= start:
            cut = text.find(" ", start + width)
            if cut < 0:
                break
        positions.append(cut)
        start = cut + 1
    out.fold_pos = positions  # type: ignore[attr-defined]  # ruamel's stubs do not declare the slot it reads
    return out


def _scalar(key: str | None, value: str, indent: int) -> Any:
    if key in DATE_FIELDS:
        return DoubleQuotedScalarString(value)
    if _foldable(value):
        return _fold(value, indent)
    if not _reads_back(value):
        return DoubleQuotedScalarString(value)
    return value


def to_yaml(value: Any, *, key: str | None = None, indent: int = 0) -> Any:
    """Plain values (dicts, lists, strings) as ruamel nodes in the canonical style; dict order is kept."""
    if isinstance(value, Mapping):
        out = CommentedMap()
        for k, v in value.items():
            out[k] = to_yaml(v, key=k, indent=indent + 2)
        if key == "hop":  # an attribution hop: {source: x, mode: y}, as the SMIC file writes them
            out.fa.set_flow_style()
        return out
    if isinstance(value, Sequence) and not isinstance(value, str):
        seq = CommentedSeq(to_yaml(v, key="hop" if key == "chain" else None, indent=indent + 4) for v in value)
        if key in FLOW_LISTS and all(isinstance(v, str) for v in value):
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str):
        return _scalar(key, value, indent)
    return value
