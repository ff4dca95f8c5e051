"""``claimcheck diff``: what changed between two versions of a corpus, and the corrections it calls for.

Claims and relations added and removed; wording changes (a claim's text or a quote) shown as a word
diff; evidence-derived status changes (:func:`claimcheck.analysis.status.statuses`); workflow status changes
(draft, in-review, published); and verdict changes of the latest published review of each claim.
A verdict change comes with a suggested correction ``{date, note}`` that
:func:`write_corrections` appends to the review's ``corrections`` in the new version.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import subprocess
import tarfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs

from claimcheck.analysis.queries import latest_review
from claimcheck.analysis.status import Status, statuses
from claimcheck.core.anchors import word_diff
from claimcheck.core.atomic import write_text
from claimcheck.core.errors import UsageError
from claimcheck.core.problems import split_pointer
from claimcheck.editor.textedit import append_item
from claimcheck.editor.yamlstyle import EditError, plain_load
from claimcheck.model import Claim, Review
from claimcheck.model.corpus import Corpus

__all__ = ["Change", "CorpusDiff", "diff_corpora", "export_revision", "word_diff", "write_corrections"]


@attrs.define(frozen=True, kw_only=True)
class Change:
    """One difference. ``kind`` is ``added``, ``removed``, ``wording``, ``status``, ``workflow`` or ``verdict``;
    ``record`` the claim (or relation, or review) it is about; ``field`` what changed in it."""

    kind: str
    record_kind: str
    record: str
    field: str | None = None
    old: str | None = None
    new: str | None = None
    diff: str | None = None
    review: str | None = None
    correction: dict[str, str] | None = None

    def describe(self) -> str:
        """One line (two with a correction) for people."""
        what = f"{self.record_kind} {self.record}"
        if self.kind == "added":
            return f"+ {what}: {self.new}"
        if self.kind == "removed":
            return f"- {what}: {self.old}"
        if self.kind == "wording":
            return f"~ {what} {self.field}: {self.diff}"
        if self.kind == "verdict":
            line = f"! {what}: verdict {self.old} -> {self.new} (review {self.review})"
            if self.correction:
                line += f"\n    suggested correction: date {self.correction['date']}, note {self.correction['note']!r}"
            return line
        label = "evidence-derived status" if self.kind == "status" else "workflow status"
        return f"~ {what}: {label} {self.old} -> {self.new}"

    def to_dict(self) -> dict[str, Any]:
        """The change as a plain dict, empty fields left out (for JSON)."""
        return {k: v for k, v in attrs.asdict(self).items() if v is not None}


@attrs.define(frozen=True, kw_only=True)
class CorpusDiff:
    """Every change from an old corpus to a new one, in a stable order."""

    changes: tuple[Change, ...] = ()

    @property
    def corrections(self) -> list[Change]:
        """The verdict changes that call for a correction."""
        return [c for c in self.changes if c.correction]

    def format(self) -> str:
        """The changes for people, grouped under headings; ``no changes`` when there are none."""
        titles = {
            "added": "Added",
            "removed": "Removed",
            "wording": "Wording changed",
            "status": "Evidence-derived status changed",
            "workflow": "Workflow status changed",
            "verdict": "Verdict changed",
        }
        blocks = []
        for kind, title in titles.items():
            items = [c for c in self.changes if c.kind == kind]
            if items:
                blocks.append(f"{title} ({len(items)}):\n" + "\n".join("  " + c.describe().replace("\n", "\n  ") for c in items))
        return "\n\n".join(blocks) if blocks else "no changes"

    def to_dict(self) -> dict[str, Any]:
        """The diff as a plain dict (for JSON)."""
        return {"changes": [c.to_dict() for c in self.changes], "corrections": [c.to_dict() for c in self.corrections]}


def _quotes(claim: Claim) -> list[str]:
    return [a.quote for a in claim.appearances]


def _wording(cid: str, a: Claim, b: Claim) -> Iterator[Change]:
    if " ".join(a.text.split()) != " ".join(b.text.split()):
        yield Change(kind="wording", record_kind="claim", record=cid, field="text", old=a.text, new=b.text, diff=word_diff(a.text, b.text))
    qa, qb = _quotes(a), _quotes(b)
    for i in range(max(len(qa), len(qb))):
        old, new = (qa[i] if i < len(qa) else ""), (qb[i] if i < len(qb) else "")
        if " ".join(old.split()) != " ".join(new.split()):
            yield Change(
                kind="wording", record_kind="claim", record=cid, field=f"appearances/{i}/quote", old=old, new=new, diff=word_diff(old, new)
            )


def _label(corpus: Corpus, review: Review) -> str:
    scale = corpus.config.scale(review.scale)
    value = scale.value(review.verdict) if scale else None
    return value.label if value else review.verdict


def diff_corpora(old: Corpus, new: Corpus, *, today: dt.date | None = None) -> CorpusDiff:
    """The changes from ``old`` to ``new``; suggested corrections are dated ``today`` (default: the real today)."""
    day = (today or dt.date.today()).isoformat()
    changes: list[Change] = []
    for cid, claim in new.claims.items():
        if cid not in old.claims:
            changes.append(Change(kind="added", record_kind="claim", record=cid, new=claim.text))
    for cid, claim in old.claims.items():
        if cid not in new.claims:
            changes.append(Change(kind="removed", record_kind="claim", record=cid, old=claim.text))
    for rid, rel in new.relations.items():
        if rid not in old.relations:
            changes.append(Change(kind="added", record_kind="relation", record=rid, new=f"{rel.by or 'evidence'} {rel.type} {rel.target}"))
    for rid, rel in old.relations.items():
        if rid not in new.relations:
            changes.append(
                Change(kind="removed", record_kind="relation", record=rid, old=f"{rel.by or 'evidence'} {rel.type} {rel.target}")
            )
    both = [cid for cid in new.claims if cid in old.claims]
    for cid in both:
        changes.extend(_wording(cid, old.claims[cid], new.claims[cid]))
    old_status, new_status = statuses(old), statuses(new)
    for cid in both:
        before, after = old_status.get(cid, Status.UNVERIFIED), new_status.get(cid, Status.UNVERIFIED)  # a draft has no evidence status
        if before != after:
            changes.append(Change(kind="status", record_kind="claim", record=cid, old=str(before), new=str(after)))
    for kind, a_table, b_table in (
        ("claim", old.claims, new.claims),
        ("relation", old.relations, new.relations),
        ("review", old.reviews, new.reviews),
    ):
        for rid, rec in b_table.items():
            prior = a_table.get(rid)
            if prior is not None and prior.status != rec.status:
                changes.append(Change(kind="workflow", record_kind=kind, record=rid, old=prior.status, new=rec.status))
    for cid in both:
        a, b = latest_review(old, cid), latest_review(new, cid)
        if a is None or b is None or (a.verdict, a.scale) == (b.verdict, b.scale):
            continue
        note = f"Verdict changed from {_label(old, a)} to {_label(new, b)}"
        changes.append(
            Change(
                kind="verdict",
                record_kind="claim",
                record=cid,
                old=a.verdict,
                new=b.verdict,
                review=b.id,
                correction={"date": day, "note": note},
            )
        )
    return CorpusDiff(changes=tuple(changes))


def write_corrections(new: Corpus, diff: CorpusDiff) -> list[tuple[Path, str]]:
    """Append each suggested correction to its review's ``corrections`` in the files of ``new``
    (comments and layout kept, each file written atomically once); a correction already recorded
    is skipped. Returns (file, review id) for each correction written. Raises :class:`EditError`
    (nothing written for that file) when a file cannot be edited safely."""
    by_file: dict[Path, list[tuple[int, Change]]] = {}
    for change in diff.corrections:
        review = new.reviews.get(change.review or "")
        if review is None or review.origin is None or change.correction is None:
            continue
        if any(c.date.text == change.correction["date"] and c.note == change.correction["note"] for c in review.corrections):
            continue
        index = int(split_pointer(review.origin.pointer)[1])
        by_file.setdefault(new.root / review.origin.file, []).append((index, change))
    written: list[tuple[Path, str]] = []
    for file, items in sorted(by_file.items()):
        text = file.read_text(encoding="utf-8-sig")
        expected = plain_load(text)
        for index, change in items:
            assert change.correction is not None
            text = append_item(text, ("reviews", index, "corrections"), dict(change.correction))
            record = expected["reviews"][index]
            record["corrections"] = [*(record.get("corrections") or []), dict(change.correction)]
        if plain_load(text) != expected:
            raise EditError(
                f"{file}: the corrections could not be added without changing what else the file holds; run `claimcheck fmt` on it first"
            )
        write_text(file, text)
        written.extend((file, c.review or "") for _, c in items)
    return written


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    # git is looked up on PATH as the user's own tool; arguments are passed as a list, never through a shell
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)  # noqa: S603, S607 - git from PATH, our own fixed arguments and the user's revisions as arguments, never a shell


_REV = re.compile(r"^[^-\s][^\s]*$")


def _extract(tar: tarfile.TarFile, dest: Path, skipped: list[str]) -> None:
    """Extract ``tar`` into ``dest`` with tarfile's ``data`` filter, leaving out (and naming in ``skipped``)
    each member it refuses: a link that leads out of ``dest`` (to /etc/passwd, or up through ../..), a
    device. The corpus loader would not follow such a link either."""

    def keep(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
        try:
            return tarfile.data_filter(member, path)
        except tarfile.FilterError as exc:
            target = f" (to {member.linkname})" if member.issym() or member.islnk() else ""
            why = {
                tarfile.AbsoluteLinkError: "an absolute link, outside the corpus",
                tarfile.LinkOutsideDestinationError: "a link out of the corpus",
                tarfile.SpecialFileError: "not a regular file",
            }.get(type(exc), str(exc))
            skipped.append(f"{member.name}{target}: {why}; not compared")
            return None

    tar.extractall(dest, filter=keep)  # noqa: S202 - every member passes tarfile.data_filter, or is left out


def export_revision(rev: str, path: str | os.PathLike[str], dest: Path, *, skipped: list[str] | None = None) -> Path:
    """Extract ``path`` (a corpus folder in a git work tree) as it was at revision ``rev`` into
    ``dest`` with ``git archive``; returns the corpus folder inside ``dest``. A member that cannot be
    extracted safely (a link out of the corpus) is left out and named in ``skipped``. Raises :class:`UsageError`."""
    if not _REV.match(rev):
        raise UsageError(f"bad git revision {rev!r}")
    where = Path(os.path.realpath(path))
    probe = where if where.is_dir() else where.parent
    while not probe.is_dir():
        probe = probe.parent
    top = _git(["rev-parse", "--show-toplevel"], probe)
    if top.returncode != 0:
        raise UsageError(f"{path} is not in a git work tree: {top.stderr.decode(errors='replace').strip()}")
    root = Path(top.stdout.decode().strip())
    rel = where.relative_to(root.resolve()) if where.is_relative_to(root.resolve()) else where.relative_to(root)
    archive = _git(["archive", "--format=tar", rev, "--", rel.as_posix() or "."], root)
    if archive.returncode != 0:
        raise UsageError(f"git archive {rev} {rel.as_posix()}: {archive.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        _extract(tar, dest, skipped if skipped is not None else [])
    out = dest / rel
    if not out.exists():
        raise UsageError(f"{rel.as_posix()} does not exist at revision {rev}")
    return out
