"""Briefs and the whole site: golden outputs for the SMIC case, attribution, selection, overrides and markdownlint."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import CLAIMS, IN_CI, markdownlint

import claimcheck
from claimcheck import Selection
from claimcheck.cli import main
from claimcheck.render.brief import build_context, render_brief

GOLDEN = Path(__file__).resolve().parent / "golden"
FORMATS = ("md", "html", "txt")


@pytest.mark.parametrize("fmt", FORMATS)
def test_smic_brief_matches_golden(smic: claimcheck.Corpus, fmt: str) -> None:
    """The SMIC brief is byte-identical to the reviewed golden file (regenerate: python3 tests/regenerate_golden.py)."""
    expected = (GOLDEN / f"smic-brief.{fmt}").read_text(encoding="utf-8")
    assert render_brief(build_context(smic), fmt) == expected


def test_brief_is_deterministic(smic: claimcheck.Corpus) -> None:
    """Two renders of the same corpus are identical."""
    assert render_brief(build_context(smic), "md") == render_brief(build_context(claimcheck.load(CLAIMS)), "md")


def test_every_claim_sentence_is_attributed(smic: claimcheck.Corpus) -> None:
    """Each claim in the brief is one sentence naming who said it (never a bare assertion)."""
    ctx = build_context(smic)
    views = [v for d in ctx.disputes for v in (*d.assertion.claims, *d.response.claims)]
    views += [*ctx.unanswered, *ctx.background, *(v for g in ctx.others for v in g.claims)]
    assert {v.id for v in views} == set(smic.claims)
    # the allegations listed as unanswered are the ones the balance check flags, those inside a dispute too
    assert {v.id for v in ctx.unanswered} == {"commerce-letter-military-use-risk", "pentagon-beijing-private-firms"}
    attributions = ("alleged", "said", "assessed", "predicted", "according to")
    for view in views:
        assert any(word in view.sentence for word in attributions), view.sentence
    pentagon = next(v for v in views if v.id == "pentagon-military-links")
    assert pentagon.sentence == "SMIC has links with the Chinese military, the Pentagon alleged, according to The Wall Street Journal."


def test_both_sides_shown_with_figures(smic: claimcheck.Corpus) -> None:
    """The dispute shows assertions and responses, and the balance paragraph counts each side's words."""
    (d,) = build_context(smic).disputes
    assert len(d.assertion.claims) == 4
    assert len(d.response.claims) == 2
    assert d.assertion.words == sum(v.words for v in d.assertion.claims)
    assert f"given {d.response.words} words" in d.balance
    assert "from SMIC" in d.balance


def test_selection_by_topic_and_date(smic: claimcheck.Corpus) -> None:
    """Selection narrows the brief by topic, speaker and a date range that respects partial dates."""
    ctx = build_context(smic, Selection(topics=("huawei-restrictions",)))
    assert ctx.claim_count == 4
    assert not ctx.disputes
    assert ctx.scope == "topic huawei-restrictions"
    may = build_context(smic, Selection(since="2020-05-10", until="2020-05-20"))
    assert [v.id for v in may.background] == ["us-huawei-may-restrictions"]
    by_speaker = build_context(smic, Selection(speakers=("smic",)))
    assert by_speaker.claim_count == 3


def test_template_override_extends_default(smic: claimcheck.Corpus, tmp_path: Path) -> None:
    """A user template replaces one built-in file and can extend it with the default: prefix."""
    (tmp_path / "brief.txt.j2").write_text('NEWSROOM COPY\n{% include "default:brief.txt.j2" %}', encoding="utf-8")
    text = render_brief(build_context(smic), "txt", templates=tmp_path)
    assert text.startswith("NEWSROOM COPY\n")
    assert "DISPUTED POINTS" in text
    assert render_brief(build_context(smic), "md", templates=tmp_path).startswith("# ")


def test_markdown_escapes_data(tmp_path: Path) -> None:
    """Markup in the data is escaped in Markdown and HTML briefs, and non-http URLs are not linked."""
    (tmp_path / "c.yaml").write_text(
        """sources: [{id: s, name: "<b>Bold</b> *star*", kind: person}]
documents: [{id: d, title: "[x](javascript:alert(1))", kind: article}]
claims:
  - {id: c, text: "<script>alert(1)</script> _x_", speaker: s, kind: assertion, appearances: [{document: d, quote: "q"}]}
""",
        encoding="utf-8",
    )
    corpus = claimcheck.load(tmp_path)
    md = render_brief(build_context(corpus), "md")
    assert "<script>" not in md
    assert "\\<script\\>" in md
    assert "\\[x\\](javascript:alert(1))" in md
    html = render_brief(build_context(corpus), "html")
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_brief_cli_writes_atomically(tmp_path: Path) -> None:
    """`claimcheck brief -o` writes the file; a corpus with errors writes nothing and exits 1."""
    runner = CliRunner()
    out = tmp_path / "out" / "brief.md"
    result = runner.invoke(main, ["brief", str(CLAIMS), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == (GOLDEN / "smic-brief.md").read_text(encoding="utf-8")
    assert [p.name for p in out.parent.iterdir()] == ["brief.md"]
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.yaml").write_text("claims: [{id: X}]\n", encoding="utf-8")
    failed = runner.invoke(main, ["brief", str(bad), "-o", str(tmp_path / "none.md")], catch_exceptions=False)
    assert failed.exit_code == 1
    assert not (tmp_path / "none.md").exists()


def test_golden_markdown_passes_markdownlint(tmp_path: Path) -> None:
    """The SMIC Markdown brief passes markdownlint (the webcheck configuration)."""
    tool = markdownlint()
    if tool is None:
        if IN_CI:
            pytest.fail("markdownlint-cli2 is not installed: .ci/run installs it through the webcheck tool")
        pytest.skip("markdownlint-cli2 not installed (run ../shared/tools/webcheck/check.sh once)")
    config = tmp_path / ".markdownlint-cli2.jsonc"
    config.write_text('{"config": {"default": true, "MD013": false, "MD033": false}}', encoding="utf-8")
    result = subprocess.run(
        [str(tool), "--config", str(config), str(GOLDEN / "smic-brief.md")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NODE_PATH": str(tool.parents[1])},
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_smic_site_matches_golden(smic: claimcheck.Corpus, tmp_path: Path) -> None:
    """Every file of the SMIC site is byte-identical to the reviewed golden copy, and no file is missing or extra
    (regenerate: python3 tests/regenerate_golden.py)."""
    from regenerate_golden import golden_site

    out = tmp_path / "site"
    golden_site(smic, out)
    built = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    golden_root = GOLDEN / "site"
    golden = {p.relative_to(golden_root).as_posix(): p.read_bytes() for p in sorted(golden_root.rglob("*")) if p.is_file()}
    assert sorted(built) == sorted(golden)
    changed = [name for name in built if built[name] != golden[name]]
    assert changed == [], f"pages differ from tests/golden/site: {changed[:10]}"
