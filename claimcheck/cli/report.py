"""The one reporter every command prints through: text for people, JSON for machines (``--format``).

A command hands over an :class:`Outcome`: the problems it found, the facts a machine wants (as a
dict), the lines a person reads on standard output and the notes (``wrote …``) that go to standard
error. ``--format json`` prints one JSON object holding ``problems``, ``summary`` and those facts,
and nothing else on standard output. Text from the data never reaches a terminal raw: control
characters (ESC, BEL, C1 codes…), line separators, zero-width characters and bidirectional controls
are shown escaped (:func:`claimcheck.core.terminal.safe`), in text and JSON alike, so a hostile name
cannot clear a screen, forge a line or read backwards; file names are shown on one line
(:func:`path`).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from json.encoder import encode_basestring as _encode_string
from typing import Any

import attrs
import click
import orjson

from claimcheck.core.problems import Problem, Severity
from claimcheck.core.terminal import ACTIVE, acts_utf8, path, safe

__all__ = ["FORMATS", "REPEATS_SHOWN", "Outcome", "emit", "event", "exit_code", "path", "problem_lines", "publication", "safe", "summary"]

FORMATS = ("text", "json")


_active = ACTIVE.search


class _Unusual(Exception):
    """A value :func:`_indented` leaves to :func:`json.dumps` (a key that is not a string, a float that is not finite)."""


def _string(text: str) -> str:
    return _encode_string(text if _active(text) is None else safe(text))


def _indented(value: Any, pad: str = "") -> str:
    """``value`` with every string made :func:`safe`, as ``json.dumps(value, indent=2, ensure_ascii=False)``
    writes it but for floats, written as orjson writes them (as the usual output is), built by joining
    strings (the standard library's encoder takes a generator step for every token once it indents)."""
    if isinstance(value, str):
        return _string(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):  # as orjson writes it (shortest round trip; a NaN or an infinity is null)
        return orjson.dumps(value).decode("ascii")
    inner = pad + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        if not all(isinstance(k, str) for k in value):
            raise _Unusual
        items = [f"{inner}{_string(k)}: {_indented(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(inner + _indented(v, inner) for v in value) + "\n" + pad + "]"
    raise _Unusual


#: An escape in orjson's output other than a quote, a backslash, a newline or a tab: a string holding a
#: character :func:`safe` would show otherwise (a carriage return, a control character), or a false alarm
#: (an escaped backslash before a letter), either way written by :func:`_indented` instead.
_OTHER_ESCAPE = re.compile(rb'\\[^"\\nt]')


def dumps(doc: Any) -> str:
    """``doc`` as indented JSON, every string of it made :func:`safe`, as ``json.dumps(doc, indent=2,
    ensure_ascii=False)`` writes it, but for floats, written as orjson writes them (``1e-8``, not
    ``1e-08``; a NaN or an infinity, which JSON cannot hold, as ``null``); see :func:`dump_bytes`."""
    return dump_bytes(doc).decode("utf-8")


def dump_bytes(doc: Any) -> bytes:
    """:func:`dumps` as UTF-8. orjson writes it when no string of it needs :func:`safe` (the usual case:
    its output holds no active character and no other escape, searched as bytes), else :func:`_indented`."""
    try:
        fast = orjson.dumps(doc, option=orjson.OPT_INDENT_2)
    except (TypeError, ValueError):  # a key that is not a string, an integer over 64 bits, a lone surrogate
        fast = None
    if fast is not None and _OTHER_ESCAPE.search(fast) is None and not acts_utf8(fast, c0=False):  # orjson escapes C0
        return fast
    try:
        text = _indented(doc)
    except (_Unusual, RecursionError):
        text = json.dumps(_safe_json(doc), indent=2, ensure_ascii=False)
    return text.encode("utf-8", "surrogateescape")


def _safe_json(value: Any) -> Any:
    if isinstance(value, str):
        return safe(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {safe(k) if isinstance(k, str) else k: _safe_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_safe_json(v) for v in value]
    return value


@attrs.define(frozen=True, kw_only=True)
class Outcome:
    """What a command reports."""

    problems: Sequence[Problem] = ()
    #: Facts for machines, merged into the JSON object (``{"path": …, "count": …}``).
    data: dict[str, Any] = attrs.field(factory=dict)
    #: Lines for people on standard output (text only).
    lines: Sequence[str] = ()
    #: Lines for people on standard error (text only): what was written, what to do next.
    notes: Sequence[str] = ()
    #: Put before the problem summary ("brief not written: ").
    title: str = ""
    #: Print the summary line even when there are no problems.
    summarise: bool = True


def summary(problems: Sequence[Problem]) -> str:
    """``2 errors, 1 warning`` (or ``no problems``)."""
    counts = Counter(p.severity for p in problems)
    parts = []
    for sev, noun in ((Severity.ERROR, "error"), (Severity.WARNING, "warning"), (Severity.INFO, "note")):
        n = counts.get(sev, 0)
        if n:
            parts.append(f"{n} {noun}{'s' if n != 1 else ''}")
    return ", ".join(parts) or "no problems"


def format_problem(problem: Problem) -> str:
    """A problem on one line, with every character of the data that could act on a terminal escaped."""
    return safe(problem.format(), one_line=True)


#: Warnings and notes of one code printed as text before the rest are counted instead (errors are always
#: all printed; ``--format json`` lists every problem).
REPEATS_SHOWN = 200


def problem_lines(problems: Sequence[Problem]) -> list[str]:
    """Each problem on its line; past :data:`REPEATS_SHOWN` warnings or notes of one code, one line counting
    the rest, so that a feed of 16,000 items gives a readable report rather than megabytes of the same warning."""
    seen: Counter[str] = Counter()
    lines = []
    for p in problems:
        if p.severity < Severity.ERROR:
            seen[p.code] += 1
            if seen[p.code] > REPEATS_SHOWN:
                continue
        lines.append(format_problem(p))
    for code, count in seen.items():
        if count > REPEATS_SHOWN:
            rest = count - REPEATS_SHOWN
            lines.append(f"... and {rest:,} more [{code}] like these, not shown (--format json lists every one)")
    return lines


def emit(outcome: Outcome, fmt: str) -> None:
    """Print ``outcome`` in ``fmt`` (``text`` or ``json``)."""
    if fmt == "json":
        doc: dict[str, Any] = {"problems": [p.to_dict() for p in outcome.problems], "summary": summary(outcome.problems)}
        doc.update(outcome.data)
        click.echo(dump_bytes(doc))  # bytes: a 100 MB report is not decoded and encoded again
        return
    shown = [safe(line) for line in outcome.lines] + problem_lines(outcome.problems)
    if shown:  # one write: tens of thousands of warnings (an import of a large feed) print in a blink
        click.echo("\n".join(shown))
    if outcome.problems or outcome.summarise:
        click.echo(f"{outcome.title}{summary(outcome.problems)}", err=True)
    for note in outcome.notes:
        click.echo(safe(note), err=True)


def exit_code(problems: Sequence[Problem], fail_on: str = "error") -> int:
    """1 if any problem is at or above ``fail_on``, else 0."""
    threshold = Severity.parse(fail_on)
    return 1 if any(p.severity >= threshold for p in problems) else 0


def publication(text: str) -> None:
    """A publication (a brief) on standard output: as written, but for the characters that would act on
    the terminal, shown escaped (write it to a file with ``-o FILE`` for every character as it is)."""
    click.echo(safe(text), nl=False)


def event(fmt: str, kind: str, *, text: str | None = None, **fields: Any) -> None:
    """One event of a long-running command (``serve``): a line for people on standard error, or one
    JSON object per line on standard output (``{"event": kind, ...}``)."""
    if fmt == "json":
        click.echo(json.dumps(_safe_json({"event": kind, **({"text": text} if text else {}), **fields}), ensure_ascii=False))
        return
    message = text if text is not None else str(fields.get("message", ""))
    click.echo(safe(message), err=kind != "serving")
