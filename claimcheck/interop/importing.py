"""``import``: published fact-checks and other datasets as a new corpus file that validates.

The importer registered under the format's name reads the files into records; they are checked
against the schemas and the target corpus's ids, then written as YAML with the rating scales their
reviews need appended to the corpus's ``claimcheck.yaml`` (or given back as YAML to add by hand).
Nothing is written when an error is found.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from claimcheck.core import atomic
from claimcheck.core.errors import OutputError, UsageError
from claimcheck.core.problems import Problem, Severity, pointer
from claimcheck.interop.registry import ImportOptions, importer
from claimcheck.interop.writer import append_scales, declared_scales, dump_yaml, find_config, reconcile, records_yaml
from claimcheck.load.loader import load
from claimcheck.load.schema_problems import problems_from_errors
from claimcheck.load.schemas import RECORD_SCHEMAS, validator
from claimcheck.model.records import noun

__all__ = ["ImportReport", "ImportResult", "import_into", "read_import"]


@attrs.define(frozen=True, kw_only=True)
class ImportResult:
    """Records read from files in another format, not yet written: in the shape of
    ``schemas/file.schema.json``, with the rating scales their reviews need (config shape)."""

    records: dict[str, list[dict[str, Any]]]
    scales: tuple[dict[str, Any], ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when no problem is an error."""
        return all(p.severity < Severity.ERROR for p in self.problems)

    @property
    def count(self) -> int:
        """How many records were read."""
        return sum(len(v) for v in self.records.values())


@attrs.define(frozen=True, kw_only=True)
class ImportReport:
    """What :func:`import_into` did: the file written (if any), the scales added to the config (or the
    YAML to add by hand when there is no config), and every problem."""

    path: Path
    written: bool
    count: int
    config: Path | None = None
    scales_added: tuple[str, ...] = ()
    scales_yaml: str = ""
    problems: tuple[Problem, ...] = ()


def read_import(
    paths: Sequence[str | os.PathLike[str]],
    fmt: str,
    *,
    taken: Sequence[str] = (),
    review_date: str | None = None,
    reviewer: str | None = None,
) -> ImportResult:
    """Read ``paths`` in ``fmt`` (a name of :func:`claimcheck.interop.registry.importers`) into records.

    ``claimreview`` and ``fever`` make ids (slugs of names, avoiding ``taken``); ``csv`` and
    ``json`` keep the ids they hold. ``review_date`` and ``reviewer`` are for FEVER labels.
    """
    if not paths:
        raise UsageError("no file to import")
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise UsageError(f"no such file: {', '.join(missing)}")
    chosen = importer(fmt)
    got = chosen.read([Path(p) for p in paths], ImportOptions(taken=frozenset(taken), review_date=review_date, reviewer=reviewer))
    problems = [*got.problems, *_check(got.records, set(taken))]
    return ImportResult(records=got.records, scales=tuple(got.scales), problems=tuple(problems))


def _check(records: dict[str, list[dict[str, Any]]], taken: set[str]) -> list[Problem]:
    """Schema problems, and ids used twice or already used in the target corpus."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for key, items in records.items():
        rec_validator = validator(RECORD_SCHEMAS[key])
        for i, item in enumerate(items):
            rid = item.get("id") if isinstance(item, dict) else None
            rid = rid if isinstance(rid, str) else None
            if not rec_validator.is_valid(item):
                problems += problems_from_errors(
                    rec_validator.iter_errors(item), file="<imported records>", base=(key, i), record=rid, kind=noun(key)
                )
            if rid is None:
                continue
            if rid in taken:
                problems.append(
                    Problem(
                        code="import-invalid",
                        message=f"id {rid!r} is already used in the target corpus",
                        file="<imported records>",
                        pointer=pointer(key, i, "id"),
                        record=rid,
                    )
                )
            elif rid in seen:
                problems.append(
                    Problem(
                        code="import-invalid",
                        message=f"id {rid!r} is used twice in the imported records",
                        file="<imported records>",
                        pointer=pointer(key, i, "id"),
                        record=rid,
                    )
                )
            seen.add(rid)
    return problems


def _corpus_ids(root: Path, out: Path) -> list[str]:
    """The ids of the corpus at ``root``, leaving out those of ``out`` (a file being replaced)."""
    if not root.is_dir():
        return []
    corpus = load(root, check_quotes_=False)
    rel = out.resolve().relative_to(root.resolve()).as_posix() if out.resolve().is_relative_to(root.resolve()) else None
    return [r.id for r in corpus.records() if r.origin is None or r.origin.file != rel]


def import_into(
    paths: Sequence[str | os.PathLike[str]],
    fmt: str,
    out: str | os.PathLike[str],
    *,
    force: bool = False,
    config: str | os.PathLike[str] | None = None,
    update_config: bool = True,
    review_date: str | None = None,
    reviewer: str | None = None,
) -> ImportReport:
    """Import ``paths`` (in ``fmt``) as the new corpus file ``out`` (YAML), atomically.

    ``out`` is never replaced unless ``force``. The rating scales the imported reviews need are
    appended to ``config`` (default: the nearest ``claimcheck.yaml`` at or above ``out``'s folder;
    none with ``update_config=False``), else returned as YAML to add by hand. Nothing is written when
    an error is found. After writing, the corpus is loaded again and the problems in ``out`` are
    reported with the import's own.
    """
    target = Path(out)
    if target.suffix not in (".yaml", ".yml"):
        raise UsageError(f"output: expected a .yaml file; found {target.name!r}")
    if target.exists() and not force:
        raise OutputError(f"{target} exists: pass --force to replace it")
    config_path = Path(config) if config is not None else find_config(target) if update_config else None
    root = config_path.parent if config_path is not None else target.parent
    result = read_import(paths, fmt, taken=_corpus_ids(root, target), review_date=review_date, reviewer=reviewer)
    if not result.ok:
        return ImportReport(path=target, written=False, count=result.count, config=config_path, problems=result.problems)
    declared = declared_scales(config_path.read_text(encoding="utf-8")) if config_path is not None and config_path.exists() else []
    records, to_add = reconcile(result.records, result.scales, declared)
    names = ", ".join(Path(p).name for p in paths)
    header = f"# Imported by claimcheck from {fmt}: {names}\n# Imported values may have been interpreted: see the import's warnings before publishing.\n"
    text = records_yaml(records, header)
    scales_yaml = ""
    new_config: str | None = None
    if to_add and config_path is not None:  # worked out before anything is written: it may refuse
        new_config = append_scales(config_path.read_text(encoding="utf-8") if config_path.exists() else "", to_add)
    elif to_add:
        scales_yaml = dump_yaml({"rating_scales": to_add})
    old_target = target.read_bytes() if target.exists() else None
    atomic.write_text(target, text)
    if config_path is not None and new_config is not None:
        try:
            atomic.write_text(config_path, new_config)
        except BaseException:  # no half import: the new file goes (or the one it replaced comes back)
            if old_target is None:
                target.unlink(missing_ok=True)
            else:
                atomic.write_bytes(target, old_target)
            raise
    return ImportReport(
        path=target,
        written=True,
        count=result.count,
        config=config_path if to_add else None,
        scales_added=tuple(s["id"] for s in to_add) if config_path is not None else (),
        scales_yaml=scales_yaml,
        problems=result.problems + _after(root, target),
    )


def _after(root: Path, out: Path) -> tuple[Problem, ...]:
    """The problems the corpus now has in the written file."""
    corpus = load(root, check_quotes_=False)
    return tuple(p for p in corpus.problems if p.file is not None and Path(p.file).resolve() == out.resolve())
