"""Loaded corpora kept between runs (``claimcheck.load.snapshot``): a corpus loaded again is the one a new
load would give, whatever changed (a file, the config, a full text, the limits); an entry that is
damaged, or names anything but claimcheck's own types, is never believed; ``validate`` and a ``build``
with nothing to do read only the summary."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import claimcheck
from claimcheck.core import limits
from claimcheck.load import loader, snapshot
from claimcheck.model import to_dict
from claimcheck.render.site import build_site, up_to_date

CLAIMS = Path(__file__).resolve().parent.parent / "claims"

STORY = """\
sources:
- id: harbour-board
  name: Harbour Board
  kind: organisation
- id: ferry-union
  name: Ferry Workers' Union
  kind: organisation
documents:
- id: bulletin
  title: Harbour bulletin
  kind: article
  publisher: harbour-board
  date: "2024-03-02"
  fulltext: {file: bulletin.txt, sha256: SHA}
claims:
- id: fares
  text: The board said ferry fares will rise by a tenth in April.
  kind: assertion
  speaker: harbour-board
  date: "2024-03-02"
  appearances:
  - document: bulletin
    quote: fares will rise by a tenth in April
"""
FULLTEXT = "Notice. The board confirms that fares will rise by a tenth in April, it said.\n"


def _corpus(root: Path, fulltext: str = FULLTEXT) -> Path:
    (root / ".texts").mkdir(parents=True)
    (root / ".texts" / "bulletin.txt").write_text(fulltext, encoding="utf-8")
    sha = hashlib.sha256(fulltext.encode()).hexdigest()
    (root / "claimcheck.yaml").write_text("title: Harbour\nfulltext_paths: [.texts]\n", encoding="utf-8")
    (root / "harbour.yaml").write_text(STORY.replace("SHA", sha), encoding="utf-8")
    return root


def _same(a: claimcheck.Corpus, b: claimcheck.Corpus) -> None:
    assert [to_dict(r) for r in a.records()] == [to_dict(r) for r in b.records()]
    assert a.problems == b.problems
    assert (a.files, a.root, a.source_digest, a.fulltexts) == (b.files, b.root, b.source_digest, b.fulltexts)


def _entries() -> list[Path]:
    where = snapshot.folder()
    assert where is not None
    return sorted(where.glob("*.pickle")) if where.is_dir() else []


def test_a_corpus_loaded_again_is_the_kept_one_and_the_same_as_a_new_load(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c")
    first = claimcheck.load(root)
    kept = claimcheck.load(root)
    assert kept is not first
    _same(kept, first)
    _same(kept, claimcheck.load(root, cache=False))
    assert kept.claims["fares"].appearances[0].match is not None  # the quote was found in its full text


def test_the_kept_corpus_is_used_and_not_built_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _corpus(tmp_path / "c")
    first = claimcheck.load(root)

    def refuse(*_args: object) -> None:
        raise AssertionError("the corpus was built again")

    monkeypatch.setattr(loader, "_build", refuse)
    _same(claimcheck.load(root), first)
    found = loader.summarise(root)
    assert (found.files, found.records, found.problems, found.source_digest) == (
        len(first.files),
        sum(1 for _ in first.records()),
        first.problems,
        first.source_digest,
    )


@pytest.mark.parametrize("change", ["story", "config", "fulltext", "new file", "removed file", "limits"])
def test_whatever_the_load_reads_changes_the_result(tmp_path: Path, change: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every input of a load is in the key: after each change the result is a new load's, never the kept one."""
    root = _corpus(tmp_path / "c")
    (root / "extra.yaml").write_text("sources:\n- {id: port-cafe, name: Port Cafe, kind: organisation}\n", encoding="utf-8")
    before = claimcheck.load(root)
    if change == "story":
        story = root / "harbour.yaml"
        story.write_text(story.read_text(encoding="utf-8").replace("by a tenth in April.", "by a fifth in May."), encoding="utf-8")
    elif change == "config":
        (root / "claimcheck.yaml").write_text("title: Harbour, renamed\nfulltext_paths: [.texts]\n", encoding="utf-8")
    elif change == "fulltext":
        (root / ".texts" / "bulletin.txt").write_text("Notice. Nothing about fares.\n", encoding="utf-8")
    elif change == "new file":
        (root / "more.yaml").write_text("sources:\n- {id: pier-shop, name: Pier Shop, kind: organisation}\n", encoding="utf-8")
    elif change == "removed file":
        (root / "extra.yaml").unlink()
    else:
        monkeypatch.setattr(limits, "MAX_RECORDS_PER_FILE", 2)
    after = claimcheck.load(root)
    _same(after, claimcheck.load(root, cache=False))
    assert (after.source_digest, after.problems, list(after.records())) != (before.source_digest, before.problems, list(before.records()))


def test_a_damaged_or_foreign_entry_is_never_believed(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c")
    claimcheck.load(root)
    plan = loader._plan(root, None, True, True, {})
    assert plan.key is not None
    where = snapshot.folder()
    assert where is not None
    entry = where / f"{plan.key}.pickle"
    assert entry.is_file()

    blob = bytearray(entry.read_bytes())
    blob[-3] ^= 0xFF
    entry.write_bytes(bytes(blob))
    assert snapshot.get(plan.key) is None
    _same(claimcheck.load(root), claimcheck.load(root, cache=False))  # and it is written again, whole
    assert snapshot.get(plan.key) is not None

    marker = tmp_path / "ran"

    class Planted:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {marker}",))

    head = pickle.dumps(Planted())
    payload = len(head).to_bytes(8, "big") + head + pickle.dumps(Planted())
    entry.write_bytes(hashlib.sha256(payload).digest() + payload)  # a right digest: only the types are wrong
    assert snapshot.get(plan.key) is None
    assert snapshot.summary(plan.key) is None
    _same(claimcheck.load(root), claimcheck.load(root, cache=False))
    assert not marker.exists()


def test_nothing_is_kept_with_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _corpus(tmp_path / "c")
    monkeypatch.setenv("CLAIMCHECK_CACHE", "off")
    assert snapshot.folder() is None
    claimcheck.load(root)
    assert loader._plan(root, None, True, True, {}).key is None


def test_only_the_most_recent_are_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))
    for i in range(snapshot.KEEP + 3):
        root = _corpus(tmp_path / f"c{i}", fulltext=FULLTEXT + f"Edition {i}.\n")
        claimcheck.load(root)
    assert len(_entries()) == snapshot.KEEP


def test_a_site_up_to_date_is_said_so_from_the_digest_alone(tmp_path: Path) -> None:
    root = _corpus(tmp_path / "c")
    corpus = claimcheck.load(root)
    site = tmp_path / "site"
    built = build_site(corpus, site, date="2024-04-01")
    digest = corpus.source_digest
    same = up_to_date(digest, site, date="2024-04-01")
    assert same is not None
    assert (same.written, same.removed, same.pages) == ((), (), built.pages)
    assert set(same.unchanged) == set(built.written) | set(built.unchanged)
    assert up_to_date(digest, site) is None  # another date
    assert up_to_date(digest, site, date="2024-04-01", audience="editor") is None
    assert up_to_date(digest, site, date="2024-04-01", include_drafts=True) is None
    assert up_to_date("0" * 64, site, date="2024-04-01") is None
    assert up_to_date(None, site, date="2024-04-01") is None
    assert up_to_date(digest, site, date="2024-04-01", templates=tmp_path / "no-templates") is None  # the build says what is wrong
    (tmp_path / ".site.build-killed").mkdir()  # a killed build's leftovers: the build recovers them
    assert up_to_date(digest, site, date="2024-04-01") is None
    (tmp_path / ".site.build-killed").rmdir()
    assert up_to_date(digest, site, date="2024-04-01") is not None
    victim = next(p for p in site.rglob("*.html"))
    victim.unlink()
    assert up_to_date(digest, site, date="2024-04-01") is None
    assert up_to_date(digest, tmp_path / "no-site", date="2024-04-01") is None


def _build(corpus: Path, site: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "build", str(corpus), "-o", str(site), "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return done.stdout


def test_build_with_nothing_to_do_says_so_and_a_changed_byte_builds_again(tmp_path: Path) -> None:
    """(What the second build imports is in ``test_startup``.)"""
    corpus = tmp_path / "claims"
    shutil.copytree(CLAIMS, corpus)
    site = tmp_path / "site"
    first = json.loads(_build(corpus, site))
    assert first["written"]
    again = json.loads(_build(corpus, site))
    assert (again["written"], again["removed"], again["rendered"], again["pages"]) == ([], [], 0, first["pages"])
    assert again["unchanged"] == len(first["written"])
    story = corpus / "smic-2020.yaml"
    text = story.read_text(encoding="utf-8")
    story.write_text(
        text.replace("The Trump administration told American chip makers", "The Trump administration told US chip makers"), encoding="utf-8"
    )
    edited = json.loads(_build(corpus, site))
    assert edited["rendered"] > 0
    assert edited["written"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_the_key_never_reads_a_config_the_load_refuses(tmp_path: Path) -> None:
    """A FIFO config, or one linking out of the corpus, is reported and never opened, the cache on
    (finding the key reads only what the load reads)."""
    fifo = _corpus(tmp_path / "fifo")
    (fifo / "claimcheck.yaml").unlink()
    os.mkfifo(fifo / "claimcheck.yaml")
    outside = tmp_path / "secret.yaml"
    outside.write_text("title: not the corpus's\n", encoding="utf-8")
    linked = _corpus(tmp_path / "linked")
    (linked / "claimcheck.yaml").unlink()
    (linked / "claimcheck.yaml").symlink_to(outside)
    for root in (fifo, linked):
        done = subprocess.run(
            [sys.executable, "-m", "claimcheck", "validate", str(root), "--format", "json"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        found = json.loads(done.stdout)
        assert any(p["file"].endswith("claimcheck.yaml") for p in found["problems"]), root
        assert claimcheck.load(root).config.title != "not the corpus's"
