"""Reading JSON-LD as published: from ``.jsonld``/``.json`` files and from HTML pages that embed it
(``<script type="application/ld+json">``), the nodes of a type wherever they are nested, and the
nodes that others name only by ``@id`` (as Yoast's ``@graph`` does for a page's author).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from claimcheck.core import limits
from claimcheck.core.problems import Problem

__all__ = ["Where", "find_typed", "id_index", "jsonld_blocks", "resolve", "types"]

Where = tuple[str | int, ...]


class _Scripts(HTMLParser):
    """Collects the text of every ``<script type="application/ld+json">`` with its line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[int, str]] = []
        self._open: tuple[int, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = next((v for k, v in attrs if k == "type"), None) or ""
        if tag == "script" and kind.split(";")[0].strip().lower() == "application/ld+json":
            self._open = (self.getpos()[0], [])

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            self.blocks.append((self._open[0], "".join(self._open[1])))
            self._open = None


def _parse(block: str, name: str, line: int | None, problems: list[Problem]) -> tuple[bool, Any]:
    try:
        return True, json.loads(block)
    except (ValueError, RecursionError) as exc:  # ValueError: malformed, or a number of over 4,300 digits
        first = exc
    try:
        # Real pages paste text with raw line breaks into JSON strings (JSON forbids control characters there)
        data = json.loads(block, strict=False)
    except (ValueError, RecursionError):
        problems.append(Problem(code="import-skipped", message=f"malformed JSON-LD, skipped: {first}", file=name, line=line))
        return False, None
    problems.append(
        Problem(
            code="import-interpreted",
            message=f"the JSON-LD holds control characters (raw line breaks) inside strings, which JSON forbids ({first}); read leniently",
            file=name,
            line=line,
        )
    )
    return True, data


def jsonld_blocks(path: Path, problems: list[Problem]) -> list[tuple[int | None, Any]]:
    """The JSON-LD in a file: the whole file, or each block embedded in an HTML page (with its line)."""
    name = str(path)
    try:
        if path.stat().st_size > limits.MAX_FILE_BYTES:
            problems.append(Problem(code="file-too-large", message=f"the file is over {limits.MAX_FILE_BYTES:,} bytes", file=name))
            return []
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(code="io-error", message=f"cannot read the file: {exc}", file=name))
        return []
    if path.suffix.lower() in (".html", ".htm") or text.lstrip().startswith("<"):
        parser = _Scripts()
        parser.feed(text)
        parser.close()
        raw: list[tuple[int | None, str]] = [(line, block) for line, block in parser.blocks]
        if not raw:
            problems.append(Problem(code="import-skipped", message='the page holds no <script type="application/ld+json">', file=name))
    else:
        raw = [(None, text)]
    out: list[tuple[int | None, Any]] = []
    for line, block in raw:
        ok, data = _parse(block, name, line, problems)
        if ok:
            out.append((line, data))
    return out


def types(node: Any) -> set[str]:
    """The node's schema.org types, prefixes removed (``schema:Claim``, ``https://schema.org/Claim``)."""
    raw = node.get("@type") if isinstance(node, dict) else None
    items = raw if isinstance(raw, list) else [raw]
    return {re.sub(r"^(https?://schema\.org/|schema:)", "", t) for t in items if isinstance(t, str)}


def find_typed(data: Any, wanted: frozenset[str], where: Where = ()) -> Iterator[tuple[Where, dict[str, Any]]]:
    """Every node of one of the ``wanted`` types, wherever it is: the object itself, the items of a list,
    the nodes of an ``@graph``, or nested in another node's properties (a WebPage's ``mainEntity``, an
    Article's ``review``). A node found is not searched further."""
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from find_typed(item, wanted, (*where, i))
    elif isinstance(data, dict):
        if types(data) & wanted:
            yield where, data
            return
        for key, value in data.items():
            if isinstance(value, (dict, list)) and key != "@context":
                yield from find_typed(value, wanted, (*where, key))


def id_index(blocks: list[tuple[int | None, Any]]) -> dict[str, dict[str, Any]]:
    """Every node with an ``@id`` and more than its ``@id`` and ``@type``, by ``@id``, across a file's blocks."""
    index: dict[str, dict[str, Any]] = {}

    def walk(data: Any) -> None:
        if isinstance(data, list):
            for item in data:
                walk(item)
        elif isinstance(data, dict):
            key = data.get("@id")
            if isinstance(key, str) and set(data) - {"@id", "@type"}:
                index.setdefault(key, data)
            for k, value in data.items():
                if k != "@context":
                    walk(value)

    for _, data in blocks:
        walk(data)
    return index


def resolve(node: Any, index: dict[str, dict[str, Any]]) -> Any:
    """The node itself, or the full node it names when it is only a reference (``{"@id": ...}``)."""
    if isinstance(node, dict) and isinstance(node.get("@id"), str) and not set(node) - {"@id", "@type"}:
        return index.get(node["@id"], node)
    if isinstance(node, list):
        return [resolve(n, index) for n in node]
    return node
