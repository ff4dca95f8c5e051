"""The analysis cache: a kept report equals a fresh one, and any change of an input gives a fresh analysis;
a damaged or unwritable cache is never believed and never fails the analysis."""

from __future__ import annotations

import hashlib
import marshal
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from support import CLAIMS, SOURCES

import claimcheck
from claimcheck.analysis import balance, cache
from claimcheck.analysis.checks import Check
from claimcheck.analysis.rules import BUILTIN
from claimcheck.cli import main
from claimcheck.core import plugins
from claimcheck.core.problems import Problem

STORIES = sorted((Path(__file__).resolve().parent / "stories").glob("*/claims"))


@pytest.fixture
def cache_at(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache of this test's own."""
    where = tmp_path / "cache"
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(where))
    return where / "analysis"


def _load(path: Path) -> claimcheck.Corpus:
    return claimcheck.load(path, fulltext_paths=[SOURCES]) if path == CLAIMS else claimcheck.load(path)


def _fresh(path: Path, monkeypatch: pytest.MonkeyPatch, *, include_drafts: bool = False) -> balance.BalanceReport:
    with monkeypatch.context() as mp:
        mp.setenv("CLAIMCHECK_CACHE", "off")
        return balance.analyse(_load(path), include_drafts=include_drafts)


def _no_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any analysis run from now on fails the test: a report must come from the cache."""

    def refuse() -> list[Check]:
        raise AssertionError("the analysis ran again")

    monkeypatch.setattr(balance, "checks", refuse)


@pytest.mark.parametrize("path", [CLAIMS, *STORIES], ids=lambda p: p.parent.name if p != CLAIMS else "smic")
@pytest.mark.parametrize("include_drafts", [False, True])
def test_a_kept_report_equals_a_fresh_one(path: Path, include_drafts: bool, cache_at: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The SMIC case and every story: analysed with no cache, analysed and kept, read back; all three equal."""
    fresh = _fresh(path, monkeypatch, include_drafts=include_drafts)
    kept = balance.analyse(_load(path), include_drafts=include_drafts)
    assert len(list(cache_at.glob("*.marshal"))) == 1
    _no_analysis(monkeypatch)
    again = balance.analyse(_load(path), include_drafts=include_drafts)
    assert kept == fresh
    assert again == fresh
    assert [f.severity for f in again.findings] == [f.severity for f in fresh.findings]
    assert list(again.statuses) == list(fresh.statuses)


def test_an_edited_file_gives_a_fresh_analysis(tmp_path: Path, cache_at: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Editing one claim's text changes the findings, and the kept report of the old text is not given back."""
    corpus = tmp_path / "story"
    shutil.copytree(STORIES[0], corpus)
    before = balance.analyse(claimcheck.load(corpus))
    first = next(f for f in before.findings if f.record is not None and f.file is not None)
    story = Path(first.file or "")
    text = story.read_text(encoding="utf-8")
    story.write_text("# an edit moves every line down\n" + text, encoding="utf-8")
    after = balance.analyse(claimcheck.load(corpus))
    assert after == _fresh(corpus, monkeypatch)
    assert after != before
    moved = [f for f in after.findings if f.code == first.code and f.record == first.record and f.pointer == first.pointer]
    assert [f.line for f in moved][:1] == [(first.line or 0) + 1]
    assert len(list(cache_at.glob("*.marshal"))) == 2


def test_each_input_is_in_the_key(tmp_path: Path, cache_at: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The config, the folder, what is asked and claimcheck's code each change the key."""
    corpus = tmp_path / "story"
    shutil.copytree(STORIES[0], corpus)
    base = claimcheck.load(corpus).view()
    k = cache.key(base, "balance")
    assert k is not None
    assert cache.key(claimcheck.load(corpus).view(), "balance") == k
    assert cache.key(base, "other") != k
    config = corpus / "claimcheck.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "\n# a comment is a change\n", encoding="utf-8")
    assert cache.key(claimcheck.load(corpus).view(), "balance") != k
    moved = tmp_path / "elsewhere"
    shutil.copytree(corpus, moved)
    assert cache.key(claimcheck.load(moved).view(), "balance") != cache.key(claimcheck.load(corpus).view(), "balance")
    monkeypatch.setattr(cache, "code_fingerprint", lambda: "another claimcheck")
    assert cache.key(base, "balance") != k


def test_an_overlaid_config_is_in_the_key(tmp_path: Path, cache_at: Path) -> None:
    """A config given as an overlay (the corpus as it would be after an edit) is what the key digests."""
    corpus = tmp_path / "story"
    shutil.copytree(STORIES[0], corpus)
    text = (corpus / "claimcheck.yaml").read_text(encoding="utf-8")
    plain = claimcheck.load(corpus).view()
    overlaid = claimcheck.load(corpus, overlay={"claimcheck.yaml": text + "\n# changed\n"}).view()
    assert cache.key(plain, "balance") != cache.key(overlaid, "balance")


def test_no_key_for_a_corpus_changed_in_memory_or_with_the_cache_off(monkeypatch: pytest.MonkeyPatch, cache_at: Path) -> None:
    """A corpus not loaded from files cannot vouch for its content; with the cache off nothing is kept."""
    import attrs

    corpus = claimcheck.load(STORIES[0])
    assert cache.key(corpus, "balance") is not None
    assert cache.key(attrs.evolve(corpus), "balance") is None
    monkeypatch.setenv("CLAIMCHECK_CACHE", "off")
    assert cache.key(corpus, "balance") is None
    balance.analyse(corpus)
    assert not cache_at.exists()


class _ExtraCheck:
    """A plugin adding a balance check that flags every claim."""

    @plugins.hookimpl
    def claimcheck_checks(self) -> list[Check]:
        def run(ctx: object) -> list[Problem]:
            return [Problem(code="unanswered-accusation", message="flagged by the plugin", record="x")]

        return [Check(name="flag-everything", description="flags", run=run)]


class _Quiet:
    """A plugin that adds no check."""

    @plugins.hookimpl
    def claimcheck_checks(self) -> list[Check]:
        return []


def test_plugins_that_add_checks_are_never_cached(cache_at: Path) -> None:
    """With a plugin adding a check nothing is kept, and its finding is there; a plugin adding none changes the key."""
    corpus = claimcheck.load(STORIES[0])
    k = cache.key(corpus.view(), "balance")
    balance.analyse(corpus)
    extra, quiet = _ExtraCheck(), _Quiet()
    plugins.register(extra, name="extra-check")
    try:
        assert cache.key(corpus.view(), "balance") is None
        report = balance.analyse(corpus)
        assert any(f.message == "flagged by the plugin" for f in report.findings)
    finally:
        plugins.unregister(extra)
    plugins.register(quiet, name="quiet")
    try:
        assert cache.key(corpus.view(), "balance") not in {None, k}
    finally:
        plugins.unregister(quiet)
    assert cache.key(corpus.view(), "balance") == k
    assert all(f.message != "flagged by the plugin" for f in balance.analyse(corpus).findings)
    assert len(BUILTIN) > 0


@pytest.mark.parametrize(
    "damage",
    [
        lambda blob: b"",
        lambda blob: blob[:-10],
        lambda blob: blob[:50] + b"\x00" + blob[51:],
        lambda blob: hashlib.sha256(marshal.dumps((1, 2))).digest() + marshal.dumps((1, 2)),
        lambda blob: (
            hashlib.sha256(marshal.dumps(((("no-such-code",) * 9,), (), ()))).digest() + marshal.dumps(((("no-such-code",) * 9,), (), ()))
        ),
    ],
    ids=["empty", "truncated", "altered", "not-a-report", "unknown-code"],
)
def test_a_damaged_result_is_analysed_again(damage: object, cache_at: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A kept result that is truncated, altered or not a report is not believed: the analysis runs again, correctly."""
    fresh = _fresh(STORIES[0], monkeypatch)
    balance.analyse(_load(STORIES[0]))
    (kept,) = cache_at.glob("*.marshal")
    kept.write_bytes(damage(kept.read_bytes()))  # type: ignore[operator]  # the parametrised callables
    assert balance.analyse(_load(STORIES[0])) == fresh


def test_an_unwritable_cache_still_analyses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache path that is a file (nothing can be written under it) is simply not used."""
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(blocker))
    fresh = _fresh(STORIES[0], monkeypatch)
    assert balance.analyse(_load(STORIES[0])) == fresh


def test_only_the_most_recent_results_are_kept(tmp_path: Path, cache_at: Path) -> None:
    """Writing more than KEEP results removes the oldest."""
    for i in range(cache.KEEP + 3):
        cache.put(f"{i:064x}", ("value", i))
    assert len(list(cache_at.glob("*.marshal"))) == cache.KEEP
    assert cache.get(f"{cache.KEEP + 2:064x}") == ("value", cache.KEEP + 2)


def test_check_prints_the_same_from_the_cache(tmp_path: Path, cache_at: Path) -> None:
    """``claimcheck check`` prints the same JSON when its report comes from the cache."""
    corpus = tmp_path / "story"
    shutil.copytree(STORIES[0], corpus)
    runner = CliRunner()
    first = runner.invoke(main, ["check", str(corpus), "--format", "json"], catch_exceptions=False)
    assert len(list(cache_at.glob("*.marshal"))) == 2  # the report and the dispute figures
    second = runner.invoke(main, ["check", str(corpus), "--format", "json"], catch_exceptions=False)
    assert second.output == first.output
    assert second.exit_code == first.exit_code


@pytest.mark.parametrize("path", [CLAIMS, *STORIES[:3]], ids=lambda p: p.parent.name if p != CLAIMS else "smic")
@pytest.mark.parametrize("include_drafts", [False, True])
def test_a_kept_check_is_read_without_the_records(
    path: Path, include_drafts: bool, cache_at: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The report and dispute figures a check keeps come back equal to fresh ones, from the corpus's
    summary alone: neither the analysis nor the records are built again."""
    from claimcheck.analysis.disputes import checked, figures
    from claimcheck.load.loader import Prepared, prepare

    fulltexts = [SOURCES] if path == CLAIMS else None
    with monkeypatch.context() as mp:
        mp.setenv("CLAIMCHECK_CACHE", "off")
        corpus = _load(path)
        fresh = balance.analyse(corpus, include_drafts=include_drafts)
        fresh_figures = figures(corpus, fresh, include_drafts=include_drafts)
    first = checked(prepare(path, fulltext_paths=fulltexts), include_drafts=include_drafts)
    _no_analysis(monkeypatch)

    def no_records(self: Prepared) -> claimcheck.Corpus:
        raise AssertionError("the records were built")

    monkeypatch.setattr(Prepared, "corpus", no_records)
    again = checked(prepare(path, fulltext_paths=fulltexts), include_drafts=include_drafts)
    assert first == (fresh, fresh_figures)
    assert again == (fresh, fresh_figures)
    with pytest.raises(AssertionError, match="the records were built"):  # the other view was never kept
        checked(prepare(path, fulltext_paths=fulltexts), include_drafts=not include_drafts)
