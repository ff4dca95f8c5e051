"""The package's structure holds: the layer contract, one mechanism per job."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "claimcheck"


def test_layer_contract_holds() -> None:
    """import-linter's layers contract (pyproject.toml) is kept: no module imports a layer above its own."""
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    proc = subprocess.run([exe], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]
    assert "1 kept, 0 broken" in proc.stdout


def _python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_published_status_is_tested_in_one_place() -> None:
    """Only the model compares a record's status with "published": everything else asks `Corpus.view` or `record.published`."""
    allowed = {PACKAGE / "model" / "records.py", PACKAGE / "interop" / "tables.py"}  # the property itself; the CSV column's default
    offenders = [
        f"{p.relative_to(ROOT)}:{n}"
        for p in _python_files()
        if p not in allowed
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"""status\s*[!=]=\s*["']published["']""", line)
    ]
    assert offenders == [], f"the visibility rule is restated at {offenders}: use Corpus.view(include_drafts=...)"


def test_files_are_written_by_the_one_writer() -> None:
    """No module but the atomic writer renames temporary files into place or opens files for writing by itself."""
    writer = PACKAGE / "core" / "atomic.py"
    offenders = []
    for p in _python_files():
        if p == writer:
            continue
        tree = ast.parse(p.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr in {"replace", "rename"} and getattr(node.value, "id", None) == "os":
                offenders.append(f"{p.relative_to(ROOT)}:{node.lineno}")
            if (
                isinstance(node, ast.Attribute)
                and node.attr in {"write_text", "write_bytes"}
                and not (isinstance(node.value, ast.Name) and node.value.id == "atomic")
            ):
                offenders.append(f"{p.relative_to(ROOT)}:{node.lineno}")
    assert offenders == [], f"files written outside claimcheck.core.atomic at {offenders}"


def test_one_template_environment_factory() -> None:
    """Every Jinja2 environment comes from claimcheck.render.templates.environment."""
    factory = PACKAGE / "render" / "templates.py"
    offenders = [
        str(p.relative_to(ROOT)) for p in _python_files() if p != factory and "jinja2.Environment(" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_one_id_module() -> None:
    """Slugs and the id pattern are defined once, in claimcheck.core.ids."""
    ids = PACKAGE / "core" / "ids.py"
    offenders = [
        str(p.relative_to(ROOT))
        for p in _python_files()
        if p != ids and re.search(r"def slugify|\[a-z0-9\]\+\(-\[a-z0-9\]\+\)\*", p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.mark.parametrize("module", ["claimcheck.render.site.build", "claimcheck.render.site", "claimcheck.analysis.balance"])
def test_library_layers_do_not_import_click(module: str) -> None:
    """Only the command line uses click: the library's build and analysis run without it."""
    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m == 'click' or m.startswith('click.')))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert proc.stdout.strip() == "[]"
