"""Writing imported records: a new YAML file in the target corpus, and the rating scales the reviews
need appended to the corpus config, both atomically.

The config is the ``claimcheck.yaml`` given, or else the nearest one in the output's folder or a
folder above it. Its text is kept byte for byte: the new scales are inserted after the last entry of
``rating_scales`` (or a ``rating_scales:`` block is added at the end), and the result is parsed to
check that it holds exactly the old config plus the new scales. A scale already declared with the
same content is reused; one declared with other content makes the import use a new id (``-2``...).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from claimcheck.core.errors import OutputError
from claimcheck.load.loader import CONFIG_NAME
from claimcheck.load.parsing import StrictLoader
from claimcheck.model import SECTIONS, RatingScale, from_dict, to_dict

Sections = dict[str, list[dict[str, Any]]]


def find_config(out: Path) -> Path | None:
    """The nearest ``claimcheck.yaml`` in ``out``'s folder or a folder above it."""
    for folder in [out.parent.resolve(), *out.parent.resolve().parents]:
        if (folder / CONFIG_NAME).is_file():
            return folder / CONFIG_NAME
    return None


def dump_yaml(data: Mapping[str, Any], header: str = "") -> str:
    """YAML as claimcheck writes it: keys in the given order, UTF-8 kept, block style; checked to read back the same."""
    text = yaml.safe_dump(dict(data), sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)
    if yaml.load(text, Loader=StrictLoader) != dict(data):  # noqa: S506 - StrictLoader is a SafeLoader
        raise OutputError("the YAML written would not read back as the records it holds")  # pragma: no cover - a PyYAML bug
    return header + text


def records_yaml(sections: Mapping[str, Sequence[Mapping[str, Any]]], header: str = "") -> str:
    """A corpus file holding the non-empty sections, in canonical order."""
    return dump_yaml({k: [dict(r) for r in sections[k]] for k in SECTIONS if sections.get(k)}, header)


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


def declared_scales(config_text: str) -> list[dict[str, Any]]:
    """The rating scales a config's text declares."""
    data = yaml.load(config_text, Loader=StrictLoader) if config_text.strip() else None  # noqa: S506 - StrictLoader is a SafeLoader
    scales = data.get("rating_scales") if isinstance(data, dict) else None
    return [s for s in scales if isinstance(s, dict)] if isinstance(scales, list) else []


def append_scales(config_text: str, scales: Sequence[Mapping[str, Any]]) -> str:
    """The config's text with ``scales`` appended to ``rating_scales``, the rest kept byte for byte."""
    data = yaml.load(config_text, Loader=StrictLoader) if config_text.strip() else None  # noqa: S506 - StrictLoader is a SafeLoader
    data = data if isinstance(data, dict) else {}
    items = [dict(s) for s in scales]
    node = yaml.compose(config_text, Loader=StrictLoader) if config_text.strip() else None
    seq = next((v for k, v in node.value if k.value == "rating_scales"), None) if isinstance(node, yaml.MappingNode) else None
    if isinstance(seq, yaml.SequenceNode) and seq.value and not seq.flow_style:
        content_col = seq.value[0].start_mark.column
        line = config_text.splitlines()[seq.value[0].start_mark.line]
        dash = line.rfind("-", 0, content_col)
        block = _indent(yaml.safe_dump(items, sort_keys=False, allow_unicode=True, width=110), dash)
        at = seq.end_mark.index
        prefix = "" if at == 0 or config_text[at - 1] == "\n" else "\n"
        new_text = config_text[:at] + prefix + block + config_text[at:]
    elif "rating_scales" in data and data["rating_scales"] not in (None, []):
        raise OutputError("the config's rating_scales is not a block list: add the new scales by hand")
    elif "rating_scales" in data:
        raise OutputError("the config has an empty rating_scales: remove it or add the new scales by hand")
    else:
        block = "rating_scales:\n" + _indent(yaml.safe_dump(items, sort_keys=False, allow_unicode=True, width=110), 2)
        sep = "" if not config_text or config_text.endswith("\n") else "\n"
        new_text = config_text + sep + block
    expected = {**data, "rating_scales": [*(data.get("rating_scales") or []), *items]}
    if yaml.load(new_text, Loader=StrictLoader) != expected:  # noqa: S506 - StrictLoader is a SafeLoader
        raise OutputError("could not append the rating scales to the config without changing it: add them by hand")
    return new_text


def _indent(text: str, n: int) -> str:
    return re.sub(r"(?m)^(?=.)", " " * n, text)
