"""Writing imported records: a new YAML file in the target corpus, and the rating scales the reviews
need appended to the corpus config, both atomically.

The config is the ``claimcheck.yaml`` given, or else the nearest one in the output's folder or a
folder above it. Its text is kept byte for byte: the new scales are inserted after the last entry of
``rating_scales`` (or a ``rating_scales:`` block is added at the end), and the result is parsed to
check that it holds exactly the old config plus the new scales. A scale already declared with the
same content is reused; one declared with other content makes the import use a new id (``-2``...).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from claimcheck.core.errors import OutputError
from claimcheck.load.loader import CONFIG_NAME
from claimcheck.load.parsing import StrictLoader, parse_bytes
from claimcheck.model import SECTIONS, RatingScale, from_dict, to_dict

Sections = dict[str, list[dict[str, Any]]]


def find_config(out: Path) -> Path | None:
    """The nearest ``claimcheck.yaml`` in ``out``'s folder or a folder above it."""
    for folder in [out.parent.resolve(), *out.parent.resolve().parents]:
        if (folder / CONFIG_NAME).is_file():
            return folder / CONFIG_NAME
    return None


try:
    _Dumper: type = yaml.CSafeDumper
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Dumper = yaml.SafeDumper


def _dump(data: Any) -> str:
    """PyYAML's safe dump with libyaml's emitter where built (the Python one takes a second a megabyte)."""
    return yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)


#: A string that reads back as itself when written plain: it starts with a letter (so it is no number, date or
#: indicator), holds no ": ", " #" or other flow or comment character, and does not end in white space.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 _'(),./-]*[A-Za-z0-9_'()./-]|[A-Za-z]")
#: Plain words YAML 1.1 reads as booleans or null.
_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


def _string(value: str) -> yaml.ScalarEvent:
    plain = _PLAIN.fullmatch(value) is not None and value.lower() not in _WORDS
    return yaml.ScalarEvent(anchor=None, tag=None, implicit=(plain, not plain), value=value, style=None if plain else '"')


def _events(value: Any, out: list[yaml.Event], strings: dict[str, yaml.ScalarEvent]) -> None:
    """Append the YAML events of plain data (mappings with string keys, lists, strings, integers, booleans,
    None) to ``out`` (appended, not yielded: a chain of generators costs more than the emitter itself).
    ``strings`` keeps the event of each string met (keys and ids repeat in every record)."""
    if isinstance(value, dict):
        out.append(yaml.MappingStartEvent(anchor=None, tag=None, implicit=True, flow_style=not value))
        for key, item in value.items():
            _events(str(key), out, strings)
            _events(item, out, strings)
        out.append(yaml.MappingEndEvent())
    elif isinstance(value, list):
        out.append(yaml.SequenceStartEvent(anchor=None, tag=None, implicit=True, flow_style=not value))
        for item in value:
            _events(item, out, strings)
        out.append(yaml.SequenceEndEvent())
    elif isinstance(value, str):
        event = strings.get(value)
        if event is None:
            event = strings[value] = _string(value)
        out.append(event)
    elif isinstance(value, bool):
        out.append(yaml.ScalarEvent(anchor=None, tag=None, implicit=(True, False), value="true" if value else "false"))
    elif isinstance(value, int):
        out.append(yaml.ScalarEvent(anchor=None, tag=None, implicit=(True, False), value=str(value)))
    elif value is None:
        out.append(yaml.ScalarEvent(anchor=None, tag=None, implicit=(True, False), value="null"))
    elif isinstance(value, float) and math.isfinite(value):  # seconds into a recording (a Clip's offsets)
        text = repr(value)  # YAML 1.1 reads a float only with its dot: 1e-05 is written 1.0e-05
        out.append(yaml.ScalarEvent(anchor=None, tag=None, implicit=(True, False), value=text if "." in text else text.replace("e", ".0e")))
    else:
        raise OutputError(f"cannot write a {type(value).__name__} as YAML")  # pragma: no cover - importers build plain data


def _emit(data: Mapping[str, Any]) -> str:
    """``data`` as block YAML through libyaml's emitter, from events made here: a string is plain when it
    reads back as itself (:data:`_PLAIN`), else double-quoted with libyaml's escapes. PyYAML's representer
    and resolver, which cost most of a dump, are never run; the importer reads the text back."""
    events: list[yaml.Event] = [yaml.StreamStartEvent(encoding=None), yaml.DocumentStartEvent(explicit=False)]
    _events(dict(data), events, {})
    events += [yaml.DocumentEndEvent(explicit=False), yaml.StreamEndEvent()]
    text: str = yaml.emit(events, Dumper=_Dumper, allow_unicode=True, width=110)
    return text


def dump_yaml(data: Mapping[str, Any], header: str = "", *, check: bool = True) -> str:
    """YAML as claimcheck writes it: keys in the given order, UTF-8 kept, block style; checked to read back
    the same (unless not ``check``: the caller reads it back itself)."""
    if not check:
        return header + _emit(data)
    text = _dump(dict(data))
    try:
        same = yaml.load(text, Loader=StrictLoader) == dict(data)  # noqa: S506 - StrictLoader is a SafeLoader
    except yaml.YAMLError:  # a string no YAML can hold (a lone surrogate): the importers clean them first
        same = False
    if not same:
        raise OutputError("the YAML written would not read back as the records it holds")
    return header + text


def records_yaml(sections: Mapping[str, Sequence[Mapping[str, Any]]], header: str = "", *, check: bool = True) -> str:
    """A corpus file holding the non-empty sections, in canonical order (``check``: see :func:`dump_yaml`)."""
    return dump_yaml({k: [dict(r) for r in sections[k]] for k in SECTIONS if sections.get(k)}, header, check=check)


def _normal(scale: Mapping[str, Any]) -> dict[str, Any]:
    return to_dict(from_dict(RatingScale, scale))


def reconcile(
    sections: Sections, scales: Sequence[Mapping[str, Any]], declared: Sequence[Mapping[str, Any]]
) -> tuple[Sections, list[dict[str, Any]]]:
    """The records with their reviews' scale ids adjusted, and the scales still to be declared."""
    existing = {str(s.get("id")): _normal(s) for s in declared}
    used = set(existing)
    rename: dict[str, str] = {}
    to_add: list[dict[str, Any]] = []
    for scale in scales:
        norm = _normal(scale)
        sid = norm["id"]
        if existing.get(sid) == norm:
            continue
        new_id, n = sid, 1
        while new_id in used:
            n += 1
            new_id = f"{sid}-{n}"
        used.add(new_id)
        if new_id != sid:
            rename[sid] = new_id
        to_add.append({**norm, "id": new_id})
    if rename:
        sections = {
            **sections,
            "reviews": [{**r, "scale": rename.get(r.get("scale", ""), r.get("scale"))} for r in sections.get("reviews", [])],
        }
    return sections, to_add


def declared_scales(config: Any) -> list[dict[str, Any]]:
    """The rating scales a config (its parsed data) declares."""
    scales = config.get("rating_scales") if isinstance(config, dict) else None
    return [s for s in scales if isinstance(s, dict)] if isinstance(scales, list) else []


def append_scales(config_text: str, config: Any, scales: Sequence[Mapping[str, Any]], *, default_scale: str | None = None) -> str:
    """The config's text with ``scales`` appended to ``rating_scales`` (and ``default_scale`` set, when
    given), the rest kept byte for byte. ``config`` is the text's data, already read and checked by the
    loader's parser (no aliases, no duplicate keys, not too deep)."""
    if config is not None and not isinstance(config, dict):
        raise OutputError(f"the config is not a mapping (it holds {type(config).__name__}): fix it before importing, or pass --no-config")
    data: dict[str, Any] = config or {}
    items = [dict(s) for s in scales]
    node = yaml.compose(config_text, Loader=StrictLoader) if config_text.strip() else None
    seq = next((v for k, v in node.value if k.value == "rating_scales"), None) if isinstance(node, yaml.MappingNode) else None
    if isinstance(seq, yaml.SequenceNode) and seq.value and not seq.flow_style:
        content_col = seq.value[0].start_mark.column
        line = config_text.splitlines()[seq.value[0].start_mark.line]
        dash = line.rfind("-", 0, content_col)
        block = _indent(_dump(items), dash)
        at = seq.end_mark.index
        prefix = "" if at == 0 or config_text[at - 1] == "\n" else "\n"
        new_text = config_text[:at] + prefix + block + config_text[at:]
    elif "rating_scales" in data and data["rating_scales"] not in (None, []):
        raise OutputError("the config's rating_scales is not a block list: add the new scales by hand")
    elif "rating_scales" in data:
        raise OutputError("the config has an empty rating_scales: remove it or add the new scales by hand")
    else:
        block = "rating_scales:\n" + _indent(_dump(items), 2)
        sep = "" if not config_text or config_text.endswith("\n") else "\n"
        new_text = config_text + sep + block
    expected = {**data, "rating_scales": [*(data.get("rating_scales") or []), *items]}
    if default_scale is not None and "default_scale" not in data:
        new_text += ("" if new_text.endswith("\n") else "\n") + f"default_scale: {default_scale}\n"
        expected["default_scale"] = default_scale
    reread = parse_bytes(new_text.encode("utf-8"), CONFIG_NAME)
    if reread.problems or reread.data != expected:
        raise OutputError("could not append the rating scales to the config without changing it: add them by hand")
    return new_text


def _indent(text: str, n: int) -> str:
    return re.sub(r"(?m)^(?=.)", " " * n, text)
