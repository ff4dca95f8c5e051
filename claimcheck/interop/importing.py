"""``import``: published fact-checks and other datasets as a new corpus file that validates.

The importer registered under the format's name reads the files into records; they are checked
against the schemas and the target corpus's ids, then written as YAML with the rating scales their
reviews need appended to the corpus's ``claimcheck.yaml`` (or given back as YAML to add by hand).
Nothing is written when an error is found.
"""

from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from claimcheck.core import atomic
from claimcheck.core.errors import OutputError, ProblemError, UsageError
from claimcheck.core.outputs import resolve_output, shown_path
from claimcheck.core.problems import Problem, Severity, pointer
from claimcheck.interop.registry import ImportOptions, importer
from claimcheck.interop.writer import append_scales, declared_scales, dump_yaml, find_config, reconcile, records_yaml
from claimcheck.load import hygiene
from claimcheck.load.loader import CONFIG_NAME, load
from claimcheck.load.parsing import read
from claimcheck.load.schema_problems import describe, problems_from_errors
from claimcheck.load.schemas import RECORD_SCHEMAS, validator
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import SECTIONS, noun

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
    cleaned = _clean_strings(got.records)
    scales = [_cleaned(s) for s in got.scales]  # a scale's name comes from the data too (a fact-checker's name)
    problems = [*got.problems, *cleaned, *_check(got.records, set(taken))]
    return ImportResult(records=got.records, scales=tuple(scales), problems=tuple(problems))


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


def _clean_strings(records: dict[str, list[dict[str, Any]]]) -> list[Problem]:
    """Replace, in place, each lone surrogate of the imported records by U+FFFD and remove each control
    character (no corpus file may hold them), with a warning for every value changed."""
    problems: list[Problem] = []
    if not hygiene.data_may_hold(records):
        return problems
    for key, items in records.items():
        for i, item in enumerate(items):
            found = list(hygiene.bad_strings(item))
            for bad in found:
                problems.append(
                    Problem(
                        code="import-interpreted",
                        message=f"{hygiene.message(bad).removesuffix('; remove it')}; "
                        + ("replaced by U+FFFD" if bad.surrogate else "replaced by a space" if bad.char.isspace() else "removed"),
                        file="<imported records>",
                        pointer=pointer(key, i, *bad.path),
                        record=item.get("id") if isinstance(item.get("id"), str) else None,
                    )
                )
            if found:
                items[i] = _cleaned(item)
    return problems


def _cleaned(value: Any) -> Any:
    if isinstance(value, str):
        return hygiene.clean(value)
    if isinstance(value, dict):
        return {(hygiene.clean(k) if isinstance(k, str) else k): _cleaned(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_cleaned(v) for v in value]
    return value


def _check_scales(scales: Sequence[dict[str, Any]]) -> list[Problem]:
    """The rating scales an import would add, checked against the config schema before anything else uses them."""
    v = validator("config.schema.json")
    problems: list[Problem] = []
    for i, scale in enumerate(scales):
        errors = list(v.iter_errors({"rating_scales": [scale]})) if not v.is_valid({"rating_scales": [scale]}) else []
        for p in problems_from_errors(errors, file="<imported rating scales>", base=(), record=None, kind="rating scale"):
            where = p.pointer.replace("/rating_scales/0", f"/rating_scales/{i}", 1)
            problems.append(
                attrs.evolve(
                    p, code="import-invalid", pointer=where, message=f"the rating scale would make the config invalid: {p.message}"
                )
            )
        values = scale.get("values") if isinstance(scale, dict) else None
        for j, value in enumerate(values if isinstance(values, list) else []):
            rating = value.get("rating") if isinstance(value, dict) else None
            if isinstance(rating, float):
                problems.append(
                    Problem(
                        code="import-invalid",
                        message=f"rating: expected an integer; found {rating!r}",
                        file="<imported rating scales>",
                        pointer=pointer("rating_scales", i, "values", j, "rating"),
                    )
                )
    return problems


@functools.lru_cache(maxsize=4096)
def _real(path: str) -> str:
    return os.path.realpath(path)


def _same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (links followed; asked once per problem, so the answers are kept)."""
    return _real(os.fspath(a)) == _real(os.fspath(b))


def _check_output(target: Path, paths: Sequence[str | os.PathLike[str]], config_path: Path | None, root: Path) -> None:
    """Refuse (writing nothing) an output that would replace the config, one of the files being imported,
    or a file the loader never reads (in a hidden folder)."""
    if target.name == CONFIG_NAME or (config_path is not None and _same_file(target, config_path)):
        raise UsageError(f"output: {shown_path(target)} is the corpus config; name a new corpus file (claims/NEW.yaml)")
    real = Path(os.path.realpath(target))
    for given in map(Path, paths):
        source = Path(os.path.realpath(given))
        if real == source or source in real.parents:
            raise OutputError(f"refusing to write {shown_path(target)}: it is one of the files being imported")
    try:
        rel = real.relative_to(Path(os.path.realpath(root)))
    except ValueError:
        return
    hidden = [part for part in rel.parts if part.startswith(".")]
    if hidden:
        raise UsageError(f"output: {shown_path(target)} is in a hidden folder or file ({hidden[0]}), which the corpus never reads")


def _read_config(config_path: Path | None) -> tuple[str, Any]:
    """The config's text and data, read by the loader's own parser (aliases, duplicate keys and depth
    refused). Raises :class:`ProblemError` (exit 2, nothing written) when it cannot be read or is not a mapping."""
    if config_path is None or not config_path.exists():
        return "", None
    name = config_path.as_posix()
    parsed = read(config_path, name)
    problems = [p for p in parsed.problems if p.code != "empty-file"]
    if not problems and parsed.data is not None and not isinstance(parsed.data, dict):
        problems = [
            Problem(code="not-a-mapping", message=f"the config must be a mapping; found {describe(parsed.data)}", file=name, line=1)
        ]
    if problems:
        first = problems[0]
        raise ProblemError(
            attrs.evolve(first, message=f"{first.message}; fix the config before importing (or pass --no-config)"), tuple(problems)
        )
    return parsed.text or "", parsed.data


def _key(p: Problem) -> tuple[str | None, str, str, str]:
    return (p.file, p.pointer, p.code, p.message)


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

    ``out`` is never replaced unless ``force``, and never when it is the config or one of ``paths``.
    The rating scales the imported reviews need are appended to ``config`` (default: the nearest
    ``claimcheck.yaml`` at or above ``out``'s folder; none with ``update_config=False``), else
    returned as YAML to add by hand. Before anything is written, the corpus is loaded as it would be
    after the import (:func:`claimcheck.load` with an overlay): if the import would add an error
    anywhere in it, nothing is written and the errors are reported.
    """
    target = Path(out)
    if target.suffix not in (".yaml", ".yml"):
        raise UsageError(f"output: expected a .yaml file; found {target.name!r}")
    if config is not None and Path(config).name != CONFIG_NAME:
        raise UsageError(f"--config: expected the corpus's {CONFIG_NAME}; found {shown_path(config)}")
    config_path = Path(config) if config is not None else find_config(target) if update_config else None
    root = config_path.parent if config_path is not None else target.parent
    _check_output(target, paths, config_path, root)
    target = resolve_output(target)  # a link is written through; a FIFO or a device is refused
    if target.exists() and not force:
        raise OutputError(f"{shown_path(target)} exists: pass --force to replace it")
    config_text, config_data = _read_config(config_path)
    before = load(root, check_quotes_=False) if root.is_dir() else None
    if before is not None and config_path is not None:
        config_errors = [
            p for p in before.problems if p.severity >= Severity.ERROR and p.file is not None and _same_file(Path(p.file), config_path)
        ]
        if config_errors:
            first = config_errors[0]
            raise ProblemError(
                attrs.evolve(first, message=f"{first.message}; fix the config before importing (or pass --no-config)"), tuple(config_errors)
            )
    taken = [] if before is None else [r.id for r in before.records() if r.origin is None or not _same_file(root / r.origin.file, target)]
    result = read_import(paths, fmt, taken=taken, review_date=review_date, reviewer=reviewer)
    scale_problems = _check_scales(result.scales)
    if not result.ok or scale_problems:
        problems = (*result.problems, *scale_problems)
        return ImportReport(path=target, written=False, count=result.count, config=config_path, problems=problems)
    declared = declared_scales(config_data)
    records, to_add = reconcile(result.records, result.scales, declared)
    names = ", ".join(Path(p).name for p in paths)
    header = f"# Imported by claimcheck from {fmt}: {names}\n# Imported values may have been interpreted: see the import's warnings before publishing.\n"
    text = records_yaml(records, header, check=False)  # read back below, with the whole corpus
    scales_yaml = ""
    new_config: str | None = None
    if to_add and config_path is not None:  # worked out before anything is written: it may refuse
        # a review without a scale relies on the only scale there is: name it the default before adding others
        only = (
            declared[0].get("id") if len(declared) == 1 and isinstance(config_data, dict) and "default_scale" not in config_data else None
        )
        new_config = append_scales(config_text, config_data, to_add, default_scale=only if isinstance(only, str) else None)
    elif to_add:
        scales_yaml = dump_yaml({"rating_scales": to_add})
    # with no config to change, the corpus is checked as it will be once the printed scales are added by hand
    virtual_path, virtual = (config_path, new_config) if not scales_yaml else _with_scales(root / CONFIG_NAME, to_add)
    written = {k: [dict(r) for r in records[k]] for k in SECTIONS if records.get(k)}  # what records_yaml wrote
    after = _after(root, target, text, written, virtual_path, virtual)
    printed = {s["id"] for s in to_add} if scales_yaml else set()
    added = _added_errors(before, after, target, printed)
    in_target = tuple(p for p in after.problems if p.file is not None and _same_file(Path(p.file), target))
    rel = os.path.relpath(os.path.realpath(target), os.path.realpath(root)) if root.is_dir() else target.name
    read_back = sum(1 for r in after.records() if r.origin is not None and r.origin.file == Path(rel).as_posix())
    if not added and read_back != sum(len(v) for v in records.values()):  # the file is read back with the whole corpus
        raise OutputError("the YAML written would not read back as the records it holds; nothing was written")
    if added:
        return ImportReport(path=target, written=False, count=result.count, config=config_path, problems=(*result.problems, *added))
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
        problems=result.problems + in_target + _undeclared(records, printed, target),
    )


def _with_scales(config_path: Path, scales: Sequence[dict[str, Any]]) -> tuple[Path, str | None]:
    """The config at ``config_path`` as it would be with ``scales`` added (``None`` when it cannot be read)."""
    try:
        text, data = _read_config(config_path)
        return config_path, append_scales(text, data, scales)
    except (ProblemError, OutputError):
        return config_path, None


def _undeclared(records: dict[str, list[dict[str, Any]]], scales: set[str], target: Path) -> tuple[Problem, ...]:
    """One error for each rating scale the written reviews use that no config declares (printed to add by hand)."""
    uses: dict[str, list[int]] = {}
    for i, review in enumerate(records.get("reviews", [])):
        if review.get("scale") in scales:
            uses.setdefault(review["scale"], []).append(i)
    return tuple(
        Problem(
            code="unknown-scale",
            message=f"unknown rating scale {sid!r}, used by {len(found)} review{'s' if len(found) != 1 else ''}: no config was changed; "
            "add the rating scale printed below to the corpus's claimcheck.yaml",
            file=target.as_posix(),
            pointer=pointer("reviews", found[0], "scale"),
        )
        for sid, found in uses.items()
    )


def _after(root: Path, target: Path, text: str, data: dict[str, Any], config_path: Path | None, new_config: str | None) -> Corpus:
    """The corpus as it will be once the import is written, loaded without writing anything. The new
    file's text is emitted from ``data`` by libyaml, event by event (tested to read back as the data), so
    it is checked as that data instead of being parsed again: parsing 20,000 records takes seconds."""
    with contextlib.ExitStack() as stack:
        folder = root if root.is_dir() else Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="claimcheck-import-")))
        name = os.path.relpath(os.path.realpath(target), os.path.realpath(folder)) if root.is_dir() else target.name
        overlay = {name: text}
        if config_path is not None and new_config is not None:
            # a corpus folder still to be made: its config is the stand-in folder's own
            key = os.path.relpath(os.path.realpath(config_path), os.path.realpath(folder)) if root.is_dir() else CONFIG_NAME
            overlay[key] = new_config
        corpus = load(folder, check_quotes_=False, overlay=overlay, _known={name: data})
        if not root.is_dir():  # name the problems after the file that will be written
            tmp_name = (folder / target.name).as_posix()
            problems = tuple(attrs.evolve(p, file=target.as_posix()) if p.file == tmp_name else p for p in corpus.problems)
            corpus = attrs.evolve(corpus, problems=problems)
        return corpus


def _added_errors(before: Corpus | None, after: Corpus, target: Path, printed_scales: set[str]) -> tuple[Problem, ...]:
    """The errors the import would add to the corpus (none were there before), leaving out the unknown
    scales of reviews whose scales are given back to add by hand (``--no-config``)."""
    old = (
        {_key(p) for p in before.problems if not (p.file is not None and _same_file(Path(p.file), target))} if before is not None else set()
    )

    def expected(p: Problem) -> bool:
        return p.code == "unknown-scale" and any(f"{s!r}" in p.message for s in printed_scales)

    return tuple(p for p in after.problems if p.severity >= Severity.ERROR and _key(p) not in old and not expected(p))
