"""The one reporter every command prints through: text for people, JSON for machines (``--format``).

A command hands over an :class:`Outcome`: the problems it found, the facts a machine wants (as a
dict), the lines a person reads on standard output and the notes (``wrote …``) that go to standard
error. ``--format json`` prints one JSON object holding ``problems``, ``summary`` and those facts,
and nothing else on standard output. Text from the data never reaches a terminal raw: control
characters (ESC, BEL, C1 codes…) are shown escaped, in text and JSON alike, so a hostile name cannot
clear a screen or forge a line.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs
import click

from claimcheck.core.problems import Problem, Severity

__all__ = ["FORMATS", "Outcome", "emit", "event", "exit_code", "safe", "summary"]

FORMATS = ("text", "json")

#: C0 controls except tab and newline, DEL, and the C1 controls; lone surrogates too.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: Line and paragraph separators: a terminal may break a line on them.
_SEPARATORS = re.compile("[\u2028\u2029\x85]")


def _escape(m: re.Match[str]) -> str:
    return f"\\x{ord(m.group()):02x}" if ord(m.group()) <= 0xFF else f"\\u{ord(m.group()):04x}"


def safe(text: object, *, one_line: bool = False) -> str:
    """``text`` with every control character shown as an escape (``\\x1b``); with ``one_line``,
    newlines and tabs too (a file name, a record id)."""
    out = _CONTROL.sub(_escape, str(text))
    out = _SEPARATORS.sub(_escape, out)
    if one_line:
        out = out.replace("\n", "\\n").replace("\t", "\\t")
    return out


def _safe_json(value: Any) -> Any:
    if isinstance(value, str):
        return safe(value)
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


def emit(outcome: Outcome, fmt: str) -> None:
    """Print ``outcome`` in ``fmt`` (``text`` or ``json``)."""
    if fmt == "json":
        doc: dict[str, Any] = {"problems": [p.to_dict() for p in outcome.problems], "summary": summary(outcome.problems)}
        doc.update(outcome.data)
        click.echo(json.dumps(_safe_json(doc), indent=2, ensure_ascii=False))
        return
    for line in outcome.lines:
        click.echo(safe(line))
    for p in outcome.problems:
        click.echo(format_problem(p))
    if outcome.problems or outcome.summarise:
        click.echo(f"{outcome.title}{summary(outcome.problems)}", err=True)
    for note in outcome.notes:
        click.echo(safe(note), err=True)


def exit_code(problems: Sequence[Problem], fail_on: str = "error") -> int:
    """1 if any problem is at or above ``fail_on``, else 0."""
    threshold = Severity.parse(fail_on)
    return 1 if any(p.severity >= threshold for p in problems) else 0


def event(fmt: str, kind: str, *, text: str | None = None, **fields: Any) -> None:
    """One event of a long-running command (``serve``): a line for people on standard error, or one
    JSON object per line on standard output (``{"event": kind, ...}``)."""
    if fmt == "json":
        click.echo(json.dumps(_safe_json({"event": kind, **({"text": text} if text else {}), **fields}), ensure_ascii=False))
        return
    message = text if text is not None else str(fields.get("message", ""))
    click.echo(safe(message), err=kind != "serving")
