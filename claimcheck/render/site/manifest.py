"""What a site was built from, and whether building it again has anything to do.

Every site holds a manifest (:data:`MANIFEST`): for each file the digest of its inputs and of its
content, and the digest of the whole build's inputs (:func:`build_inputs`: the corpus's content, the
templates, claimcheck's code and the options). :func:`up_to_date` answers "is this site already the
build of these inputs?" from the corpus's digest alone, so ``claimcheck build`` on a corpus and a
site that have not changed can say so without loading a record, rendering a page or importing the
renderer; this module imports nothing heavier than :mod:`json`.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import attrs

from claimcheck.core.dates import DateError, PartialDate
from claimcheck.core.errors import UsageError
from claimcheck.core.outputs import resolve_output
from claimcheck.core.version import __version__, code_fingerprint
from claimcheck.render.assets import BUILTIN, files

__all__ = [
    "MANIFEST",
    "MANIFEST_FORMAT",
    "BuildResult",
    "build_inputs",
    "fingerprint",
    "manifest_doc",
    "manifest_files",
    "site_date",
    "unchanged_site",
    "up_to_date",
]

MANIFEST = ".claimcheck-build.json"
MANIFEST_FORMAT = 1


@attrs.define(frozen=True, kw_only=True)
class BuildResult:
    """What a build did: files written and left unchanged (paths from the site root), and how long it took."""

    out_dir: Path
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    rendered: int
    pages: int
    drafts_excluded: int
    elapsed: float

    def describe(self) -> str:
        """One line for people: ``site/: 45 pages; 3 files written, 44 unchanged, 0 removed in 0.21 s``."""
        return (
            f"{self.out_dir}: {self.pages} pages; {len(self.written)} files written, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed in {self.elapsed:.2f} s"
        )


def site_date(date: str | None) -> PartialDate | None:
    """The publication date pages show: ``date`` (ISO, at any precision), else ``$SOURCE_DATE_EPOCH``
    (the reproducible-builds convention) when set, else none: a build never reads the clock."""
    if date is None and os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        stamp = dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), tz=dt.UTC)
        date = stamp.date().isoformat()
    if date is None:
        return None
    try:
        return PartialDate.parse(date)
    except DateError as exc:
        raise UsageError(f"--date: {exc}") from exc


def fingerprint(templates: str | os.PathLike[str] | None = None) -> str:
    """A hash of everything besides a page's context that shapes its HTML: the templates and the version."""
    digest = hashlib.sha256(f"claimcheck {__version__}\n".encode())
    folders = [BUILTIN / "site"] + ([Path(templates)] if templates is not None else [])
    for i, folder in enumerate(folders):
        for name, path in files(folder):
            if i and name.startswith("static/"):
                continue
            digest.update(f"{i}:{name}\n".encode())
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def build_inputs(
    source_digest: str | None,
    templates_print: str,
    include_drafts: bool,
    base_url: str | None,
    audience: str,
    published: PartialDate | None,
) -> str | None:
    """A hash of everything a build depends on (``templates_print`` is :func:`fingerprint` of its
    templates), or ``None`` when the corpus cannot vouch for its content (``source_digest`` is ``None``:
    one not loaded by :func:`claimcheck.load`, or changed in memory since)."""
    if source_digest is None:
        return None
    h = hashlib.sha256(f"{source_digest}\n{templates_print}\n{code_fingerprint()}\n".encode())
    h.update(f"drafts={include_drafts}\nbase_url={base_url}\nview={audience} {published}\n".encode())
    return h.hexdigest()


def manifest_doc(out_dir: Path) -> dict[str, Any] | None:
    """The site's manifest, when it has one of this format that can be read."""
    try:
        doc = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) and doc.get("format") == MANIFEST_FORMAT else None


def manifest_files(doc: dict[str, Any] | None) -> dict[str, dict[str, object]]:
    """The files a manifest (:func:`manifest_doc`) lists, with their digests (empty for none)."""
    found = doc.get("files") if doc is not None else None
    return found if isinstance(found, dict) else {}


def unchanged_site(out: Path, inputs: str | None, doc: dict[str, Any] | None) -> BuildResult | None:
    """The result of a build that has nothing to do: the site at ``out``, whose manifest is ``doc``, was
    built from exactly these inputs and every file it wrote is still there. ``None`` when a real build is
    needed."""
    if inputs is None or doc is None or doc.get("build_inputs") != inputs:
        return None
    listed = doc.get("files")
    top = os.fspath(out)
    if not isinstance(listed, dict) or not all(os.path.isfile(os.path.join(top, p)) for p in listed):
        return None
    return BuildResult(
        out_dir=out,
        written=(),
        unchanged=tuple(sorted(listed)),
        removed=(),
        rendered=0,
        pages=int(doc.get("pages", 0)),
        drafts_excluded=int(doc.get("drafts_excluded", 0)),
        elapsed=0.0,
    )


def up_to_date(
    source_digest: str | None,
    out_dir: str | os.PathLike[str],
    *,
    templates: str | os.PathLike[str] | None = None,
    include_drafts: bool = False,
    base_url: str | None = None,
    audience: str = "reader",
    date: str | None = None,
) -> BuildResult | None:
    """What :func:`claimcheck.render.site.build_site` would return, with the same options, for a corpus
    of digest ``source_digest`` (:attr:`claimcheck.load.snapshot.Summary.source_digest`) when it has
    nothing to do (the site at ``out_dir`` is that build, whole); ``None`` when it has work to do, or
    cannot tell (a templates folder that is not there: the build says so; a build running or killed,
    whose leftovers beside the site the build recovers). Reads the manifest and looks
    at each file's entry; writes nothing."""
    if templates is not None and not Path(templates).is_dir():
        return None
    published = site_date(date)
    out = resolve_output(Path(out_dir).absolute(), folder=True)
    if not out.is_dir() or any(out.parent.glob(f".{glob.escape(out.name)}.*")):
        return None  # a build's lock, temporary folder or set-aside site: a build running, or one to recover
    inputs = build_inputs(source_digest, fingerprint(templates), include_drafts, base_url, audience, published)
    return unchanged_site(out, inputs, manifest_doc(out))
