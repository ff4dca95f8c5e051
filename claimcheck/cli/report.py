"""Reporters for problems: text for people, JSON for machines."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence

import click

from claimcheck.problems import Problem, Severity

__all__ = ["FORMATS", "Severity", "emit", "exit_code", "summary"]

FORMATS = ("text", "json")


def summary(problems: Sequence[Problem]) -> str:
    """``2 errors, 1 warning`` (or ``no problems``)."""
    counts = Counter(p.severity for p in problems)
    parts = []
    for sev in (Severity.ERROR, Severity.WARNING, Severity.INFO):
        n = counts.get(sev, 0)
        if n:
            noun = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}[sev]
            parts.append(f"{n} {noun}{'s' if n != 1 else ''}")
    return ", ".join(parts) or "no problems"


def emit(problems: Sequence[Problem], fmt: str, *, extra: dict[str, object] | None = None, title: str = "") -> None:
    """Write ``problems`` to stdout in ``fmt``."""
    if fmt == "json":
        doc: dict[str, object] = {"problems": [p.to_dict() for p in problems], "summary": summary(problems)}
        doc.update(extra or {})
        click.echo(json.dumps(doc, indent=2, ensure_ascii=False))
        return
    for p in problems:
        click.echo(p.format())
    click.echo(f"{title}{summary(problems)}", err=bool(problems))


def exit_code(problems: Sequence[Problem], fail_on: str) -> int:
    """1 if any problem is at or above ``fail_on``, else 0."""
    threshold = Severity.parse(fail_on)
    return 1 if any(p.severity >= threshold for p in problems) else 0
