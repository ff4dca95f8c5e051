"""``claimcheck verify-sources --record-anchors``: write each quote's anchor into its record, so that the
quote can be found again after its document's text changes (see :mod:`claimcheck.analysis.drift`).

An anchor is recorded for every quote found in a verified full text whose stored anchor is missing or
differs (another sha256, other offsets): the current text is taken as the one the quote was checked
against. The ``anchor`` key is written (or rewritten) in the appearance or evidence mapping, the rest of
each file left byte for byte as it was (an evidence mapping written in flow style is rewritten in block
style); each file is written atomically, once, and checked to hold exactly what it held plus the anchors.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from claimcheck.analysis.anchoring import anchor_of, quotes
from claimcheck.core.atomic import write_text
from claimcheck.core.problems import split_pointer
from claimcheck.editor.textedit import _shift, _walk, content_end
from claimcheck.editor.yamlstyle import EditError, dump, load_rt, plain_load, to_yaml
from claimcheck.model import to_dict
from claimcheck.model.corpus import Corpus

__all__ = ["record_anchors", "set_key"]


def set_key(text: str, path: tuple[str | int, ...], key: str, value: Any) -> str:
    """``text`` with ``key: value`` set in the block mapping at ``path``: replaced where the key is, else
    added after the mapping's last key. Raises :class:`EditError` for a mapping in flow style."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    parent, boundary = _walk(load_rt(text), path)
    if not isinstance(parent, CommentedMap) or not parent:
        raise EditError(f"{'/'.join(map(str, path))} is not a mapping")
    if parent.fa.flow_style():
        raise EditError(f"{'/'.join(map(str, path))} is written in flow style ({{...}}); write it one key a line to add {key!r} to it")
    keys = list(parent)
    key_col = parent.lc.key(keys[0])[1]
    rendered = _shift(dump({key: to_yaml(value, key=key, indent=key_col + 2)}).splitlines(keepends=True), key_col)
    if key in parent:
        at = keys.index(key)
        start = parent.lc.key(key)[0]
        nxt = parent.lc.key(keys[at + 1])[0] if at + 1 < len(keys) else boundary
        lines[start : content_end(lines, start, nxt, key_col - 1)] = rendered
    else:
        end = content_end(lines, parent.lc.key(keys[-1])[0], boundary, key_col - 1)
        lines[end:end] = rendered
    return "".join(lines)


def _set_anchor(text: str, where: tuple[str | int, ...], data: dict[str, Any], plain: Any) -> str:
    """Set the anchor of the quote mapping at ``where``; a mapping in flow style that is the value of a key
    (``evidence: {document: x, quote: y}``) is rewritten in block style with its anchor."""
    try:
        return set_key(text, where, "anchor", data)
    except EditError:
        if not isinstance(where[-1], str):
            raise
    node = plain
    for part in where:
        node = node[part]
    return set_key(text, where[:-1], where[-1], {**node, "anchor": data})


def record_anchors(corpus: Corpus) -> tuple[list[tuple[Path, str]], list[tuple[Path, str, str]]]:
    """Write the anchor of every quote found in a verified full text whose stored anchor is missing or
    stale. Returns (file, quote key) for each written, and (file, quote key, reason) for each that could
    not be written without changing what else its file holds (a quote written in flow style in a list)."""
    by_file: dict[Path, list[tuple[tuple[str | int, ...], dict[str, Any], str]]] = {}
    for ref in quotes(corpus):
        if ref.origin is None or ref.match is None or ref.document not in corpus.fulltexts:
            continue
        anchor = anchor_of(corpus, ref)
        if anchor is None or anchor == ref.stored:
            continue
        section, index = split_pointer(ref.origin.pointer)
        where: tuple[str | int, ...] = (section, int(index), *(("appearances", ref.index) if ref.kind == "appearance" else ("evidence",)))
        by_file.setdefault(corpus.root / ref.origin.file, []).append((where, to_dict(anchor), ref.key))
    written: list[tuple[Path, str]] = []
    skipped: list[tuple[Path, str, str]] = []
    for file, items in sorted(by_file.items()):
        text = file.read_text(encoding="utf-8-sig")
        expected = plain_load(text)
        done = []
        for where, data, key in items:
            try:
                edited = _set_anchor(text, where, data, plain_load(text))
            except EditError as exc:
                skipped.append((file, key, str(exc)))
                continue
            node = expected
            for part in where:
                node = node[part]
            node["anchor"] = data
            if plain_load(edited) != expected:
                del node["anchor"]
                skipped.append(
                    (file, key, "the anchor could not be added without changing what else the file holds; run `claimcheck fmt` first")
                )
                continue
            text = edited
            done.append(key)
        if done:
            write_text(file, text)
            written += [(file, key) for key in done]
    return written, skipped
