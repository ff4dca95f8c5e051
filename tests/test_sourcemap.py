"""Source maps: the event walk places every pointer where a walk of the composed tree does, and its marks
are kept in the parse cache, which a corrupted or unwritable cache never makes wrong."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest
import yaml

from claimcheck.core.problems import pointer
from claimcheck.load import filecache
from claimcheck.load.sourcemap import SourceMap, build_marks

ROOT = Path(__file__).resolve().parent.parent
CORPUS_FILES = sorted(
    [*(ROOT / "claims").glob("*.yaml"), *(ROOT / "tests" / "stories").glob("*/claims/*.yaml"), *(ROOT / "examples").rglob("*.yaml")]
)


def _pointers(node: yaml.Node, parts: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = [parts]
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode):
                out += _pointers(v, (*parts, k.value))
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            out += _pointers(v, (*parts, str(i)))
    return out


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_marks_agree_with_the_composed_tree(path: Path) -> None:
    """Every node's pointer, its key and a pointer past it are placed as the composed tree places them."""
    text = path.read_text(encoding="utf-8-sig")
    marks = build_marks(text)
    assert marks is not None
    composed = SourceMap(text)
    tree = SourceMap("")
    tree.root = yaml.compose(text, Loader=yaml.CSafeLoader)
    assert tree.root is not None
    for parts in _pointers(tree.root):
        ptr = pointer(*parts)
        for key in (False, True):
            assert composed.locate(ptr, key=key) == tree.locate(ptr, key=key), (ptr, key)
        assert composed.locate(ptr + "/nothing/here") == tree.locate(ptr + "/nothing/here")


@pytest.mark.parametrize(
    ("text", "ptr", "expected"),
    [
        ("a: 1\nb:\n  - x\n  - {c: 2}\n", "/b/1/c", (4, 9)),
        ("a: 1\nb:\n  - x\n  - {c: 2}\n", "/b/7", (3, 3)),
        ("? [k]\n: {inner: 1}\nz: 2\n", "/z", (3, 4)),
        ("a/b: 1\nt~: 2\n", "/a~1b", (1, 6)),
        ("a/b: 1\nt~: 2\n", "/t~0", (2, 5)),
        ("a: 1\na: 2\n", "/a", (1, 4)),
        ("", "/a", (1, 1)),
        ("# only a comment\n", "/a", (1, 1)),
    ],
)
def test_pointers_are_placed(text: str, ptr: str, expected: tuple[int, int]) -> None:
    """Nested flow collections, pointers past the end, complex keys, escaped parts, a repeated key (the first
    wins) and texts holding no node."""
    assert SourceMap(text).locate(ptr) == expected


def test_key_marks_for_unknown_fields() -> None:
    """With ``key``, a mapping value is placed at its key, a sequence item at itself."""
    smap = SourceMap("claims:\n  - id: x\n    spekaer: y\n")
    assert smap.locate("/claims/0/spekaer", key=True) == (3, 5)
    assert smap.locate("/claims/0/spekaer") == (3, 14)
    assert smap.locate("/claims/0", key=True) == (2, 5)


@pytest.mark.parametrize(
    ("text", "ptr", "expected"),
    [
        ("a: &x {b: 1}\nc: *x\n", "/c/b", (1, 11)),  # an alias: composed, and followed into its anchor
        ("a: 1\n---\nb: 2\n", "/b", (1, 1)),  # two documents: refused, as composing refuses them
        ("a: [1, 2\n", "/a", (1, 1)),  # malformed
    ],
)
def test_texts_the_event_walk_leaves_to_the_composer(text: str, ptr: str, expected: tuple[int, int]) -> None:
    """Aliases, several documents and malformed texts are placed as the composed tree places them."""
    assert build_marks(text) is None
    assert SourceMap(text).locate(ptr) == expected


def test_marks_are_cached_by_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first map of some bytes is kept in the cache and read back the next time; other bytes are mapped afresh."""
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))
    raw = b"claims:\n  - id: x\n    text: y\n"
    first = filecache.source_map(raw, "a.yaml")
    kept = list((tmp_path / "cache").rglob("*.marks"))
    assert len(kept) == 1
    again = filecache.source_map(raw, "a.yaml")
    assert again.marks == first.marks
    assert again.root is None
    assert again.locate("/claims/0/text") == (3, 11)
    other = filecache.source_map(b"claims:\n\n  - id: x\n    text: y\n", "a.yaml")
    assert other.locate("/claims/0/text") == (4, 11)
    assert len(list((tmp_path / "cache").rglob("*.marks"))) == 2


@pytest.mark.parametrize("junk", [b"", b"\x00garbage", b"\xe9" * 40])
def test_a_corrupted_marks_file_is_mapped_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, junk: bytes) -> None:
    """A marks file that is truncated, altered or not ours is ignored: the text is mapped again, correctly."""

    monkeypatch.setenv("CLAIMCHECK_CACHE", str(tmp_path / "cache"))
    raw = b"a: 1\nb: 2\n"
    filecache.source_map(raw, "a.yaml")
    (kept,) = (tmp_path / "cache").rglob("*.marks")
    good = kept.read_bytes()
    for blob in (junk, good[:-3], good[:40] + junk + good[40:], marshal.dumps({"/b": (1, 2)}), bytes(32) + marshal.dumps({"/b": (1, 2)})):
        kept.write_bytes(blob)
        assert filecache.source_map(raw, "a.yaml").locate("/b") == (2, 4)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a folder this user cannot write")
def test_an_unwritable_cache_still_maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder that cannot be written is simply not used."""
    cache = tmp_path / "cache"
    cache.mkdir()
    cache.chmod(0o500)
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(cache))
    try:
        assert filecache.source_map(b"a: 1\nb: 2\n", "a.yaml").locate("/b") == (2, 4)
    finally:
        cache.chmod(0o700)


def test_a_cache_path_that_is_a_file_still_maps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache 'folder' that is a file (so nothing can be written under it) is simply not used."""
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("CLAIMCHECK_CACHE", str(blocker))
    assert filecache.source_map(b"a: 1\nb: 2\n", "a.yaml").locate("/b") == (2, 4)
