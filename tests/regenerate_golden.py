"""Regenerate the golden outputs of the SMIC case after a reviewed change: ``python3 tests/regenerate_golden.py``.

Writes the three briefs (tests/golden/smic-brief.*) and the whole site (tests/golden/site/). Review
the diff (`git diff tests/golden`) before committing it: each change of output should be intended.
"""

import shutil
import tempfile
from pathlib import Path

import claimcheck
from claimcheck.render.brief import build_context, render_brief

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
#: Left out of the golden site: the build's own bookkeeping, which records input hashes.
NOT_GOLDEN = {".claimcheck-build.json"}


def golden_site(corpus: claimcheck.Corpus, out: Path) -> None:
    """Build the site as the golden copy holds it (no base URL, drafts left out), without the build manifest."""
    claimcheck.build_site(corpus, out)
    for name in NOT_GOLDEN:
        (out / name).unlink(missing_ok=True)


if __name__ == "__main__":
    corpus = claimcheck.load(HERE.parent / "claims")
    context = build_context(corpus)
    for fmt in ("md", "html", "txt"):
        path = GOLDEN / f"smic-brief.{fmt}"
        path.write_text(render_brief(context, fmt), encoding="utf-8")
        print(f"wrote {path}")
    with tempfile.TemporaryDirectory() as tmp:
        built = Path(tmp) / "site"
        golden_site(corpus, built)
        shutil.rmtree(GOLDEN / "site", ignore_errors=True)
        shutil.copytree(built, GOLDEN / "site")
    print(f"wrote {GOLDEN / 'site'}")
