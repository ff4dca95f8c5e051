"""FEVER round trip of evidence whose quote is whitespace alone (found by the fuzz tests under hypothesis 6.170.9)."""

from __future__ import annotations

import json
from pathlib import Path

from claimcheck.interop import read_import


def test_whitespace_only_quote_reads_back(tmp_path: Path) -> None:
    """A [document, quote] evidence item whose quote is a vertical tab is imported, not skipped: as a space, since no
    corpus file may hold a control character (the import says so)."""
    path = tmp_path / "fever.jsonl"
    row = {"id": 1, "claim": "0", "verifiable": "VERIFIABLE", "label": "REFUTES", "evidence": [[["story", "\u000b"]]]}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = read_import([path], "fever")
    assert "import-skipped" not in {p.code for p in result.problems}
    assert any(p.code == "import-interpreted" and "U+000B" in p.message for p in result.problems)
    (relation,) = result.records["relations"]
    assert relation["evidence"]["quote"] == " "
    assert relation["type"] == "contradicts"
