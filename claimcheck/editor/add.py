"""Adding a record to a story file: checked, inserted with the file's comments and layout kept,
validated with the whole corpus, and only then written (atomically).

Nothing is written if anything fails: a problem with the record, a file that cannot be parsed, an
insertion that would not read back as exactly the old data plus the record, or a new error in the
corpus loaded with the edited file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from claimcheck.core.atomic import write_text
from claimcheck.core.errors import ClaimcheckError, UsageError
from claimcheck.core.problems import Problem, Severity
from claimcheck.editor.records import check_record
from claimcheck.editor.textedit import append_item
from claimcheck.editor.yamlstyle import EditError, plain_load
from claimcheck.load.loader import CONFIG_NAME, load
from claimcheck.load.schema_problems import problems_from_errors
from claimcheck.load.schemas import RECORD_SCHEMAS, validator
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import noun

__all__ = ["AddResult", "RecordError", "add_record", "corpus_root", "story_file", "validate_edit"]


class RecordError(ClaimcheckError, ValueError):
    """The new record has problems; nothing was written. ``problems`` holds every message."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("the record was not added:\n  " + "\n  ".join(problems))
        self.problems = tuple(problems)


@attrs.define(frozen=True, kw_only=True)
class AddResult:
    """What ``add`` wrote: the file, the record, and notes for the editor (a quote not checked...)."""

    file: Path
    record: dict[str, Any]
    notes: tuple[str, ...] = ()


def corpus_root(path: str | os.PathLike[str]) -> tuple[Path, Path | None]:
    """The corpus folder for ``path``, and the file when ``path`` is one."""
    given = Path(path)
    if given.is_file():
        return given.parent, given
    return given, None


def story_file(corpus: Corpus, file: str | os.PathLike[str] | None) -> Path:
    """The file a new record goes to: ``file`` (relative to the current folder, else to the corpus),
    or the corpus's only YAML story file. Raises :class:`UsageError` when it cannot be told."""
    root = corpus.root
    if file is None:
        stories = [f for f in corpus.files if f.endswith((".yaml", ".yml")) and f != CONFIG_NAME]
        if len(stories) != 1:
            found = (
                f"{len(stories)} YAML story files ({', '.join(stories[:5])}{'...' if len(stories) > 5 else ''})"
                if stories
                else "no YAML story file"
            )
            raise UsageError(f"{root} holds {found}: name the file to add to with --file")
        return root / stories[0]
    chosen = Path(file)
    if not chosen.is_absolute() and not chosen.exists() and (root / chosen).parent.is_dir():
        chosen = root / chosen
    if chosen.suffix not in {".yaml", ".yml"} or chosen.name == CONFIG_NAME:
        raise UsageError(f"--file {file}: expected a YAML story file (.yaml or .yml, not {CONFIG_NAME})")
    try:
        chosen.resolve().relative_to(root.resolve())
    except ValueError:
        raise UsageError(f"--file {file}: the file is not inside the corpus {root}") from None
    return chosen


def _schema_problems(section: str, record: Mapping[str, Any], name: str) -> list[str]:
    v = validator(RECORD_SCHEMAS[section])
    if v.is_valid(record):
        return []
    kind = noun(section)
    return [f"{p.pointer}: {p.message}" for p in problems_from_errors(v.iter_errors(record), file=name, base=(), record=None, kind=kind)]


def _key(problem: Problem, root: str) -> tuple[str, str, str, str]:
    file = problem.file or ""
    if file.startswith(root):
        file = file[len(root) :].lstrip("/")
    return (file, problem.pointer, problem.code, problem.record or "")


def validate_edit(corpus: Corpus, target: Path, new_text: str, fulltext: Sequence[str | os.PathLike[str]] = ()) -> list[Problem]:
    """The errors that loading the corpus with ``target`` holding ``new_text`` finds and loading it as it is
    does not. The corpus is loaded with the new text in place of the file (:func:`claimcheck.load`'s
    ``overlay``); nothing is written."""
    root = corpus.root
    rel = target.resolve().relative_to(root.resolve()).as_posix()
    after = load(root, fulltext_paths=list(fulltext), overlay={rel: new_text})
    before = {_key(p, root.as_posix()) for p in corpus.problems if p.severity >= Severity.ERROR}
    return [p for p in after.problems if p.severity >= Severity.ERROR and _key(p, root.as_posix()) not in before]


def add_record(
    corpus: Corpus,
    section: str,
    record: Mapping[str, Any],
    *,
    file: str | os.PathLike[str] | None = None,
    fulltext: Sequence[str | os.PathLike[str]] = (),
    dry_run: bool = False,
) -> AddResult:
    """Append ``record`` to the ``section`` of a story file of ``corpus`` (see :func:`story_file`).

    Raises :class:`RecordError` listing every problem, or :class:`UsageError` / :class:`EditError`
    when the file cannot be chosen or edited; in every such case nothing is written. ``dry_run``
    does everything but the write.
    """
    if section not in RECORD_SCHEMAS:
        raise UsageError(f"unknown section {section!r}: expected one of {', '.join(RECORD_SCHEMAS)}")
    target = story_file(corpus, file)
    record = dict(record)
    problems = check_record(corpus, section, record) + _schema_problems(section, record, target.name)
    if problems:
        raise RecordError(list(dict.fromkeys(problems)))
    old_text = target.read_text(encoding="utf-8-sig") if target.exists() else ""
    old = plain_load(old_text) if old_text.strip() else None
    if old is not None and not isinstance(old, dict):
        raise EditError(f"{target}: the file holds a {type(old).__name__}, not a mapping of sections")
    new_text = append_item(old_text, (section,), record)
    expected = dict(old or {})
    expected[section] = [*(expected.get(section) or []), record]
    if plain_load(new_text) != expected:
        raise EditError(
            f"{target}: the record could not be inserted without changing what else the file holds; run `claimcheck fmt` on it first"
        )
    errors = validate_edit(corpus, target, new_text, fulltext)
    if errors:
        raise RecordError([f"{p.pointer or p.file}: {p.message} [{p.code}]" for p in errors])
    notes = []
    for i, app in enumerate(record.get("appearances") or []):
        if app.get("document") not in corpus.fulltexts:
            notes.append(f"appearances/{i}/quote: no full text of {app.get('document')!r} is available; the quote was not checked")
    if not dry_run:
        write_text(target, new_text)
    return AddResult(file=target, record=record, notes=tuple(notes))


def fulltext_record(
    corpus: Corpus, text_file: str | os.PathLike[str], fulltext: Sequence[str | os.PathLike[str]] = ()
) -> tuple[dict[str, str], list[str]]:
    """The ``fulltext`` value of a document whose private full text is ``text_file`` (its sha256 and
    file name), and notes for the editor: where quotes will not be checked, and why."""
    path = Path(text_file)
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise UsageError(f"--text {path}: cannot read the full text: {exc.strerror or exc}") from None
    folders = [(corpus.root / p).resolve() for p in corpus.config.fulltext_paths] + [Path(p).resolve() for p in fulltext]
    notes = []
    if path.resolve().parent not in folders:
        notes.append(
            f"{path} is not in a full-text folder of the corpus ({', '.join(map(str, folders)) or 'none configured'}): add its folder "
            "to fulltext_paths in claimcheck.yaml (or pass --fulltext), or this document's quotes are not checked"
        )
    return {"sha256": digest, "file": path.name}, notes
