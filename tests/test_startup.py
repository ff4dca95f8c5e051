"""What a command imports: its own module only, and jsonschema only when a record needs its messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CLAIMS = Path(__file__).resolve().parent.parent / "claims"

_PROBE = """
import json, sys
from claimcheck.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.startswith(("claimcheck.", "jsonschema", "jinja2")))), file=sys.stderr)
"""


def _imported(*args: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", _PROBE, *args], capture_output=True, text=True, check=False, timeout=120)
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def test_check_imports_neither_the_editor_nor_the_site_nor_the_exporters() -> None:
    """``check`` and ``validate`` leave the other commands' modules unimported."""
    for command in ("check", "validate"):
        modules = _imported(command, str(CLAIMS), "--format", "json")
        assert "claimcheck.cli.checking" in modules
        assert not {m for m in modules if m.startswith(("claimcheck.editor", "claimcheck.render.site", "claimcheck.interop", "jinja2"))}


def test_a_valid_corpus_loads_without_jsonschema() -> None:
    """A corpus the fast validator accepts never imports jsonschema (jsonschema-rs decides alone)."""
    modules = _imported("validate", str(CLAIMS), "--format", "json")
    assert "claimcheck.load.schemas" in modules
    assert not {m for m in modules if m == "jsonschema" or m.startswith("jsonschema.")}


def test_the_brief_formats_offered_are_the_renderers() -> None:
    """``brief --to`` lists its choices without importing the renderer: they are the renderer's own."""
    from claimcheck.cli.publishing import BRIEF_FORMATS
    from claimcheck.render.brief import FORMATS

    assert list(BRIEF_FORMATS) == list(FORMATS)


def test_a_build_with_nothing_to_do_imports_neither_the_renderer_nor_the_analysis(tmp_path: Path) -> None:
    """The second build of an unchanged corpus is answered from the corpus's summary and the site's manifest."""
    site = tmp_path / "site"
    first = _imported("build", str(CLAIMS), "-o", str(site), "--format", "json")
    assert "claimcheck.render.site.build" in first
    again = _imported("build", str(CLAIMS), "-o", str(site), "--format", "json")
    assert "claimcheck.render.site.manifest" in again
    assert not {m for m in again if m.startswith(("claimcheck.render.site.build", "claimcheck.analysis.balance", "jinja2"))}
