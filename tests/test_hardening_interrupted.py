"""Interrupted and concurrent work: a build killed at any moment leaves the previous site (or the new one) whole,
two builds into one folder never corrupt it, and ``import`` and ``fmt`` change a file only when they succeed,
and never a file they were not asked to change."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from support import FIXTURES

import claimcheck
from claimcheck.cli import main
from claimcheck.core import atomic
from claimcheck.render.site import build_site

CLI = [sys.executable, "-c", "from claimcheck.cli import main; main()"]
SEED = random.randrange(2**32)  # noqa: S311 - when to kill a build, not a secret


# ---- helpers ------------------------------------------------------------------------------------
def generated_corpus(root: Path, claims: int, tag: str) -> Path:
    """A valid corpus of ``claims`` claims (a sixth as many sources and documents), each claim's text carrying ``tag``."""
    k = claims // 6
    records = {
        "sources": [{"id": f"s{i}", "name": f"Source {i}", "kind": "company"} for i in range(k)],
        "documents": [
            {"id": f"d{i}", "title": f"Document {i}", "kind": "article", "publisher": f"s{i}", "date": "2020-12"} for i in range(k)
        ],
        "claims": [
            {
                "id": f"c{i}",
                "text": f"Claim {i} ({tag}) says something.",
                "speaker": f"s{i % k}",
                "kind": "assertion",
                "date": f"2020-{i % 12 + 1:02d}",
                "topics": [f"t{i % 7}"],
                "appearances": [{"document": f"d{i % k}", "quote": f"quote {i}"}],
            }
            for i in range(claims)
        ],
        "relations": [{"id": f"r{i}", "type": "supports", "target": f"c{i}", "by": f"c{i + 1}"} for i in range(0, claims - 1, 3)],
    }
    root.mkdir(parents=True, exist_ok=True)
    (root / "records.yaml").write_text(yaml.dump(records, Dumper=yaml.CSafeDumper), encoding="utf-8")
    return root


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by relative path (empty if it does not exist)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes | str]]:
    """Every entry under ``folder``, hidden ones and links included: (inode, mtime in ns, bytes or link target); a folder
    only by its inode (its mtime moves whenever a temporary file comes and goes in it)."""
    out: dict[str, tuple[int, int, bytes | str]] = {}
    for path in sorted(folder.rglob("*")):
        st = path.lstat()
        if path.is_dir() and not path.is_symlink():
            out[path.relative_to(folder).as_posix()] = (st.st_ino, 0, "<folder>")
            continue
        content: bytes | str = os.readlink(path) if path.is_symlink() else path.read_bytes()
        out[path.relative_to(folder).as_posix()] = (st.st_ino, st.st_mtime_ns, content)
    return out


def changed(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    """Entries added, removed or changed in any way between two snapshots."""
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}


def build_args(corpus: Path, out: Path) -> list[str]:
    """The command line of an in-process-rendering build (``-j 1``: no worker processes left behind by a kill)."""
    return [*CLI, "build", str(corpus), "-o", str(out), "-j", "1", "--no-progress"]


def run(*args: str) -> Result:
    """Run the CLI in-process."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# ---- builds killed and builds at once ---------------------------------------------------------------
@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A corpus in two versions, the site of each built by the CLI into folders of their own, and the time a build takes."""
    base = tmp_path_factory.mktemp("kill")
    one, two = generated_corpus(base / "one", 600, "one"), generated_corpus(base / "two", 600, "two")
    build_site(claimcheck.load(one), base / "site-one")
    t0 = time.monotonic()
    done = subprocess.run(build_args(two, base / "site-two"), capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return {
        "base": base,
        "one": one,
        "two": two,
        "site-one": files_of(base / "site-one"),
        "site-two": files_of(base / "site-two"),
        "seconds": time.monotonic() - t0,
    }


@pytest.mark.slow
def test_a_build_killed_at_random_moments_leaves_a_whole_site(sites: dict[str, Any], tmp_path: Path) -> None:
    """SIGKILL at moments spread over a build leaves the previous site byte for byte (or the finished new one, or the
    previous one set aside for recovery), and the next build recovers and completes."""
    out = tmp_path / "site"
    shutil.copytree(sites["base"] / "site-one", out)
    rng = random.Random(SEED)  # noqa: S311 - when to kill a build, not a secret
    previous, outcomes = sites["site-one"], []  # the last complete site, and what each kill left
    for fraction in (0.25, 0.5, 0.75, 0.9, 1.0, 1.1):  # of the time a whole build takes: the end and the swap too
        version = "one" if previous == sites["site-two"] else "two"  # always build the other version: a build with work to do
        with subprocess.Popen(build_args(sites[version], out), stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
            time.sleep(sites["seconds"] * (fraction + rng.uniform(-0.1, 0.1)))
            proc.send_signal(signal.SIGKILL)
            proc.communicate(timeout=60)
        where = f"seed {SEED}, kill at {fraction:.0%} of building {version}, after {outcomes}"
        if out.exists():
            after = files_of(out)
            assert after in (previous, sites[f"site-{version}"]), f"{where}: a half-built site"
            outcomes.append("finished" if after != previous else "previous")
            previous = after
        else:  # killed between the two renames of the swap: the previous site is whole, set aside for the next build
            backups = sorted(tmp_path.glob(".site.old-*"))
            assert len(backups) == 1, where
            assert files_of(backups[0]) == previous, where
            outcomes.append("set aside")
    assert "previous" in outcomes or "set aside" in outcomes, f"seed {SEED}: no kill interrupted a build: {outcomes}"
    done = subprocess.run(build_args(sites["two"], out), capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, (SEED, outcomes, done.stderr)
    assert files_of(out) == sites["site-two"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], (SEED, outcomes)


def test_builds_into_one_folder_at_once_leave_one_complete_site(sites: dict[str, Any], tmp_path: Path) -> None:
    """Three builds started together into the same folder either finish or refuse with a clear message (exit 2); the
    folder is then exactly the site of the corpus, with no leftovers."""
    out = tmp_path / "site"
    shutil.copytree(sites["base"] / "site-one", out)
    procs = [subprocess.Popen(build_args(sites["two"], out), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = []
    for proc in procs:
        with proc:
            _, err = proc.communicate(timeout=120)
        results.append((proc.returncode, err))
    assert {code for code, _ in results} <= {0, 2}, results
    assert 0 in {code for code, _ in results}
    for code, err in results:
        if code == 2:
            assert "another build into" in err
            assert "is running" in err
    assert files_of(out) == sites["site-two"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


# ---- import ---------------------------------------------------------------------------------------
AFP = FIXTURES / "afp_factcheck_2020.jsonld"
EXISTING = "# an existing story\nsources:\n  - {id: existing, name: Existing, kind: company}\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A corpus with a config, a story, a hidden file, a JSON file, a sub-folder and a link to a file outside it."""
    root = tmp_path / "claims"
    (root / "sub").mkdir(parents=True)
    (root / "claimcheck.yaml").write_text("# the desk's config\ntitle: Desk\n", encoding="utf-8")
    (root / "story.yaml").write_text(EXISTING, encoding="utf-8")
    (root / "sub" / "more.yaml").write_text(
        "claims:\n- text: T\n  id: c\n  speaker: existing\n  kind: assertion\n  appearances: [{document: d, quote: q}]\n", encoding="utf-8"
    )
    (root / "data.json").write_text('{"documents": [{"kind": "article", "id": "d", "title": "T"}]}', encoding="utf-8")
    (root / ".draft.yaml").write_text("sources:\n- {kind: company, id: hidden, name: H}\n", encoding="utf-8")
    (tmp_path / "outside.yaml").write_text("sources:\n- {kind: company, id: outside, name: O}\n", encoding="utf-8")
    (root / "linked.yaml").symlink_to(tmp_path / "outside.yaml")
    return root


def failing_replace(target_name: str) -> Any:
    """An ``os.replace`` that fails like a full disk when it would move a file into place as ``target_name``."""
    real = os.replace

    def replace(src: Any, dst: Any) -> None:
        if Path(dst).name == target_name:
            raise OSError(28, "No space left on device")
        real(src, dst)

    return replace


@pytest.mark.parametrize("fails", ["new.yaml", "claimcheck.yaml"])
def test_an_import_that_cannot_write_changes_nothing(corpus: Path, monkeypatch: pytest.MonkeyPatch, fails: str) -> None:
    """When moving the new file or the config into place fails, the import exits 2 and every file (the config too) is as it was."""
    before = snapshot(corpus.parent)
    monkeypatch.setattr(atomic.os, "replace", failing_replace(fails))
    result = run("import", str(AFP), "--from", "claimreview", "-o", str(corpus / "new.yaml"))
    assert result.exit_code == 2
    assert f"cannot write {corpus / fails}: No space left on device" in result.stderr
    assert changed(before, snapshot(corpus.parent)) == set()


def test_an_import_with_errors_never_replaces_the_file_it_was_forced_over(corpus: Path, tmp_path: Path) -> None:
    """--force over an existing file with input that has errors (an id the corpus already uses) exits 1 and writes nothing."""
    export = tmp_path / "export.json"
    export.write_text(
        '{"sources": [{"id": "existing", "name": "Again", "kind": "company"}, {"id": "x", "kind": "company"}]}', encoding="utf-8"
    )
    before = snapshot(corpus.parent)
    result = run("import", str(export), "--from", "json", "-o", str(corpus / "sub" / "more.yaml"), "--force")
    assert result.exit_code == 1
    assert "nothing written" in result.stderr
    assert changed(before, snapshot(corpus.parent)) == set()


def test_an_import_touches_only_its_output_and_the_config(corpus: Path) -> None:
    """A successful import creates its file and appends to the config; no other entry changes, and no temporary file remains."""
    before = snapshot(corpus.parent)
    result = run("import", str(AFP), "--from", "claimreview", "-o", str(corpus / "new.yaml"))
    assert result.exit_code == 0, result.output
    after = snapshot(corpus.parent)
    assert changed(before, after) == {"claims/new.yaml", "claims/claimcheck.yaml"}
    assert after["claims/claimcheck.yaml"][2].startswith(before["claims/claimcheck.yaml"][2])  # type: ignore[union-attr]  # a file, so its text is there


# ---- fmt ----------------------------------------------------------------------------------------
MESSY = "claims:\n- text: T\n  id: c\n  speaker: existing\n  kind: assertion\n  appearances: [{document: d, quote: q}]\n"


def test_fmt_that_cannot_write_leaves_every_file_whole(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When moving a formatted file into place fails, fmt exits 2; that file keeps its bytes and no temporary file remains."""
    (corpus / "story.yaml").write_text(MESSY.replace("id: c", "id: c2"), encoding="utf-8")
    before = snapshot(corpus.parent)
    monkeypatch.setattr(atomic.os, "replace", failing_replace("story.yaml"))
    result = run("fmt", str(corpus))
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    after = snapshot(corpus.parent)
    assert changed(before, after) <= {"claims/sub/more.yaml"}  # formatted whole before the failure, or not at all
    assert yaml.safe_load(after["claims/sub/more.yaml"][2]) == yaml.safe_load(MESSY)  # type: ignore[arg-type]  # a file, so its text is there


def test_fmt_changes_only_the_files_it_is_given(corpus: Path, tmp_path: Path) -> None:
    """`fmt FILE` formats that file alone; `fmt FOLDER` never touches JSON, hidden files, the canonical ones or a file outside the corpus."""
    before = snapshot(tmp_path)
    assert run("fmt", str(corpus / "sub" / "more.yaml")).exit_code == 0
    middle = snapshot(tmp_path)
    assert changed(before, middle) == {"claims/sub/more.yaml"}
    result = run("fmt", str(corpus))
    assert result.exit_code == 0, result.output
    assert changed(middle, snapshot(tmp_path)) == set()
    assert (tmp_path / "outside.yaml").read_bytes() == before["outside.yaml"][2]
