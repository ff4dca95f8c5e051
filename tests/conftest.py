"""Test configuration: make ``tests/support`` importable as ``support``; the one SMIC fixture; a parse cache
of the tests' own; copy example corpora into tmp_path; the suite's duration printed at the end."""

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import claimcheck

sys.path.insert(0, str(Path(__file__).resolve().parent))


def pytest_configure(config: pytest.Config) -> None:
    """Let hypothesis report a failure: its patch writer imports a deprecated mypy_extensions API, which the
    warnings-as-errors setting would turn into an internal error hiding the falsifying example."""
    config.addinivalue_line("filterwarnings", "ignore:mypy_extensions.TypedDict is deprecated:DeprecationWarning")


@pytest.fixture(autouse=True, scope="session")
def _own_parse_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Loads use a parse cache in a temporary folder: never the user's, whose entries may predate a parser change."""
    with pytest.MonkeyPatch.context() as mp:
        if "CLAIMCHECK_CACHE" not in os.environ:
            mp.setenv("CLAIMCHECK_CACHE", str(tmp_path_factory.mktemp("claimcheck-cache")))
        yield


@pytest.fixture(scope="session")
def smic() -> claimcheck.Corpus:
    """The SMIC case as committed, quotes checked against the shared sources; loaded once for the session."""
    from support import smic_corpus

    return smic_corpus()


@pytest.fixture
def materialise(tmp_path: Path) -> Callable[[Path], tuple[Path, dict[str, Any]]]:
    """Copy an example case into tmp_path without its expected.yaml, write the files expected.yaml lists
    under ``generate`` (bytes and links that are not committed), and return the copy and expected.yaml."""

    def make(case: Path) -> tuple[Path, dict[str, Any]]:
        expected_file = case / "expected.yaml"
        expected = yaml.safe_load(expected_file.read_text(encoding="utf-8")) if expected_file.exists() else {}
        root = tmp_path / case.name
        shutil.copytree(case, root, ignore=shutil.ignore_patterns("expected.yaml"))
        for spec in expected.get("generate", []):
            target = root / spec["path"]
            if "link_outside" in spec:  # a symbolic link to a file or folder beside the corpus, outside it
                outside = tmp_path / "outside" / spec["path"]
                outside.parent.mkdir(exist_ok=True)
                if spec["link_outside"] == "folder":
                    outside.mkdir()
                else:
                    outside.write_text(spec["link_outside"], encoding="utf-8")
                target.symlink_to(outside)
            else:
                target.write_bytes(spec["text"].encode(spec.get("encoding", "utf-8")))
        return root, expected

    return make


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the story suite's score: expected findings found, misses and false alarms, per story."""
    try:
        from test_stories import SCORES
    except ImportError:  # the story tests were not collected
        return
    if not SCORES:
        return
    write = terminalreporter.write_line
    terminalreporter.section("story suite: findings an editor expects")
    write(f"{'story':32} {'expected':>8} {'found':>6} {'missed':>6} {'false alarms':>12}")
    for name, expected, hit, missed, false in SCORES:
        write(f"{name:32} {expected:>8} {hit:>6} {len(missed):>6} {len(false):>12}")
    total = sum(s[1] for s in SCORES), sum(s[2] for s in SCORES), sum(len(s[3]) for s in SCORES), sum(len(s[4]) for s in SCORES)
    write(f"{'total':32} {total[0]:>8} {total[1]:>6} {total[2]:>6} {total[3]:>12}")


@pytest.fixture(scope="session")
def corpus_1k(tmp_path_factory: pytest.TempPathFactory) -> claimcheck.Corpus:
    """The benchmark generator's corpus of 1,000 claims (seed 1), loaded once for the session."""
    from support.sitecheck import generated

    return claimcheck.load(generated(1000, tmp_path_factory.mktemp("corpus-1k") / "corpus"))


@pytest.fixture(scope="session")
def site_1k(corpus_1k: claimcheck.Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The readers' site of the 1,000-claim corpus, built once for the session."""
    out = tmp_path_factory.mktemp("site-1k") / "site"
    claimcheck.build_site(corpus_1k, out)
    return out


@pytest.fixture(scope="session")
def smic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SMIC case's readers' site, built once for the session (treat it as read-only)."""
    out = tmp_path_factory.mktemp("smic") / "site"
    claimcheck.build_site(claimcheck.load(Path(__file__).resolve().parents[1] / "claims"), out)
    return out
