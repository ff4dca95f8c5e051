"""Regenerate the golden briefs after a reviewed change: ``python3 tests/regenerate_golden.py``."""

from pathlib import Path

import claimcheck
from claimcheck.brief import build_context, render

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    corpus = claimcheck.load(HERE.parent / "claims")
    context = build_context(corpus)
    for fmt in ("md", "html", "txt"):
        path = HERE / "golden" / f"smic-brief.{fmt}"
        path.write_text(render(context, fmt), encoding="utf-8")
        print(f"wrote {path}")
