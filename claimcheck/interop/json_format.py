"""JSON export and import: the whole corpus as one document in the shape of ``schemas/file.schema.json``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from claimcheck.core import atomic
from claimcheck.core.problems import Problem, pointer
from claimcheck.interop.registry import Exporter, ExportOptions, Importer, ImportOptions, ReadResult
from claimcheck.load.parsing import read
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import SECTIONS

__all__ = ["EXPORTER", "IMPORTER", "dumps", "export_json", "read_json"]


def dumps(data: Any) -> str:
    """JSON as every claimcheck export writes it: indented, UTF-8 characters kept, a final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def export_json(corpus: Corpus, out: Path) -> int:
    """Write the whole corpus as one JSON document (atomically); returns the number of records."""
    atomic.write_text(out, dumps(corpus.to_dict()))
    return sum(1 for _ in corpus.records())


def read_json(paths: Sequence[Path]) -> tuple[dict[str, list[dict[str, Any]]], list[Problem]]:
    """The records of claimcheck JSON exports (or corpus files), section by section."""
    records: dict[str, list[dict[str, Any]]] = {k: [] for k in SECTIONS}
    problems: list[Problem] = []
    for path in paths:
        parsed = read(path, str(path))
        problems += parsed.problems
        if parsed.data is None:
            continue
        if not isinstance(parsed.data, dict):
            problems.append(
                Problem(
                    code="not-a-mapping",
                    message=f"expected a mapping with keys such as claims; found a {type(parsed.data).__name__}",
                    file=str(path),
                )
            )
            continue
        for key, items in parsed.data.items():
            if key in SECTIONS and isinstance(items, list):
                records[key] += items
            else:
                problems.append(
                    Problem(
                        code="import-skipped",
                        message=f"section {key!r} is not a list of records of a known kind: skipped",
                        file=str(path),
                        pointer=pointer(str(key)),
                    )
                )
    return records, problems


def _export(corpus: Corpus, out: Path, _options: ExportOptions) -> tuple[int, list[Problem]]:
    return export_json(corpus, out), []


def _import(paths: Sequence[Path], _options: ImportOptions) -> ReadResult:
    records, problems = read_json(paths)
    return ReadResult(records=records, problems=problems)


EXPORTER = Exporter(name="json", description="the whole corpus as one JSON document in the shape of schemas/", write=_export)
IMPORTER = Importer(name="json", description="a claimcheck JSON export", read=_import)
