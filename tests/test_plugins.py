"""Plugins extend claimcheck through pluggy hooks: the example plugin's check, export and template
variables, found through a real entry point in a subprocess and registered in-process."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import claimcheck
from claimcheck.core import plugins
from claimcheck.core.catalogue import CATALOGUE
from claimcheck.interop.registry import exporters

ROOT = Path(__file__).resolve().parents[1]
PLUGIN_DIR = ROOT / "examples" / "plugins" / "house_rules"

STORY = """\
sources:
  - {id: ferry-co, name: Nordvik Ferries, kind: company}
  - {id: insiders, name: People familiar with the timetable, kind: unnamed-group}
  - {id: gazette, name: The Harbour Gazette, kind: news-outlet}
documents:
  - {id: story, title: Ferry timetable to be cut, kind: article, publisher: gazette, date: "2024-03-02"}
claims:
  - id: cuts-planned
    text: Nordvik Ferries plans to cut its winter timetable by a third.
    speaker: insiders
    kind: allegation
    subjects: [ferry-co]
    appearances:
      - {document: story, quote: "plans to cut its winter timetable by a third", chain: [{source: insiders, mode: unnamed-source}]}
  - id: cuts-explained
    text: Nordvik Ferries will run fewer crossings in winter.
    speaker: insiders
    kind: assertion
    note: The two staff members spoke on condition of anonymity because they were not authorised to speak.
    appearances:
      - {document: story, quote: "fewer crossings", chain: [{source: insiders, mode: unnamed-source}]}
"""


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    root = tmp_path / "claims"
    root.mkdir()
    (root / "ferry.yaml").write_text(STORY, encoding="utf-8")
    return root


@pytest.fixture
def house_rules() -> Iterator[object]:
    """The example plugin registered in this process, and removed afterwards."""
    sys.path.insert(0, str(PLUGIN_DIR))
    import claimcheck_house_rules

    plugins.register(claimcheck_house_rules, name="house_rules")
    try:
        yield claimcheck_house_rules
    finally:
        plugins.unregister(claimcheck_house_rules)
        sys.path.remove(str(PLUGIN_DIR))


def test_a_plugin_check_reports_its_own_code(house_rules: object, corpus_dir: Path) -> None:
    """The plugin's check runs beside the built-in ones; its code joins the catalogue with its group."""
    report = claimcheck.analyse(claimcheck.load(corpus_dir))
    mine = [f for f in report.findings if f.code == "anonymity-unexplained"]
    assert [f.record for f in mine] == ["cuts-planned"]  # the other claim explains the anonymity in its note
    assert mine[0].line is not None
    assert mine[0].file is not None
    assert mine[0].file.endswith("ferry.yaml")
    assert "Nordvik Ferries plans to cut its winter timetable by a third" in mine[0].message
    assert CATALOGUE["anonymity-unexplained"].group == "The Example Desk's house rules"
    assert any(f.code == "unnamed-source" for f in report.findings)  # the built-in checks still run


def test_a_plugin_export_is_registered(house_rules: object, corpus_dir: Path, tmp_path: Path) -> None:
    """The plugin's exporter is a format of the registry and of `claimcheck.export`."""
    assert "desk-tsv" in exporters()
    result = claimcheck.export(claimcheck.load(corpus_dir), "desk-tsv", tmp_path / "claims.tsv")
    lines = (tmp_path / "claims.tsv").read_text(encoding="utf-8").splitlines()
    assert result.count == 2
    assert result.unit == "claims"
    assert lines[0] == "id\tspeaker\tkind\ttext"
    assert (
        lines[1]
        == "cuts-planned\tPeople familiar with the timetable\tallegation\tNordvik Ferries plans to cut its winter timetable by a third."
    )


def test_plugin_template_variables_reach_templates(house_rules: object, corpus_dir: Path, tmp_path: Path) -> None:
    """A template overriding the built-in brief can use the variables a plugin provides."""
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "brief.md.j2").write_text(
        '{% extends "default:brief.md.j2" %}{% block title %}\n# {{ house_name }}: {{ brief.title }}\n{% endblock %}\n', encoding="utf-8"
    )
    from claimcheck.render.brief import build_context, render_brief

    text = render_brief(build_context(claimcheck.load(corpus_dir)), "md", templates=templates)
    assert text.startswith("# The Example Desk: ")


def test_a_plugin_clashing_with_a_builtin_format_is_refused(corpus_dir: Path) -> None:
    """A plugin registering a format name claimcheck already has is a clear error, not a silent replacement."""

    json_exporter = exporters()["json"]

    class Clash:
        @plugins.hookimpl
        def claimcheck_exporters(self) -> list[object]:
            return [json_exporter]

    clash = Clash()
    plugins.register(clash)
    try:
        with pytest.raises(claimcheck.UsageError, match="already registered"):
            exporters()
    finally:
        plugins.unregister(clash)


def test_an_installed_plugin_is_found_through_its_entry_point(tmp_path: Path, corpus_dir: Path) -> None:
    """With the plugin on the path and a distribution declaring the entry point, the command line finds it:
    its export is a --to choice and `check` reports its code."""
    site = tmp_path / "site-packages"
    dist = site / "claimcheck_house_rules-0.1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: claimcheck-house-rules\nVersion: 0.1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[claimcheck]\nhouse_rules = claimcheck_house_rules\n", encoding="utf-8")
    (site / "claimcheck_house_rules.py").write_text(
        (PLUGIN_DIR / "claimcheck_house_rules.py").read_text(encoding="utf-8"), encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")])}
    cli = [sys.executable, "-m", "claimcheck"]
    helped = subprocess.run([*cli, "export", "--help"], capture_output=True, text=True, env=env, timeout=60, check=True)
    assert "desk-tsv" in helped.stdout
    checked = subprocess.run([*cli, "check", str(corpus_dir)], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert "[anonymity-unexplained]" in checked.stdout, checked.stdout + checked.stderr
    plain = subprocess.run([*cli, "check", str(corpus_dir)], capture_output=True, text=True, timeout=60, check=False)
    assert "[anonymity-unexplained]" not in plain.stdout  # without the plugin installed, no house rule
