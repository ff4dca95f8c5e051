"""Problems as data: every finding carries its location, a stable code, a severity and a message.

Each code has an entry in :mod:`claimcheck.core.catalogue` (title and description) from which
``docs/problems.md`` is generated.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from claimcheck.core.catalogue import CATALOGUE, Severity

__all__ = ["CATALOGUE", "Problem", "Severity", "most_relevant", "pointer", "split_pointer", "worst"]


@attrs.define(frozen=True, kw_only=True)
class Problem:
    """One finding, located: file, line, column, JSON pointer (RFC 6901), code, severity, message."""

    code: str = attrs.field()
    message: str
    severity: Severity = attrs.field(default=attrs.Factory(lambda self: CATALOGUE[self.code].severity, takes_self=True))
    file: str | None = None
    line: int | None = None
    column: int | None = None
    pointer: str = ""
    record: str | None = None
    #: What an editor can do about it ("record the company's reply…"); kept apart from the message,
    #: which states the fact, so that a reader's view can show the one without the other.
    hint: str | None = None

    @code.validator
    def _known_code(self, _attribute: object, value: str) -> None:
        if value not in CATALOGUE:
            raise ValueError(f"problem code {value!r} is not in the catalogue")

    def format(self) -> str:
        """``file:line:col pointer: message [code]``, leaving out what is unknown."""
        where = self.file or "<corpus>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        pointer = f" {self.pointer}" if self.pointer else ""
        hint = f" (to do: {self.hint})" if self.hint else ""
        return f"{where}{pointer}: {self.severity}: {self.message}{hint} [{self.code}]"

    def to_dict(self) -> dict[str, Any]:
        """A plain dict for JSON output."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "pointer": self.pointer,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "record": self.record,
            "hint": self.hint,
        }

    def sort_key(self) -> tuple[str, int, int, str, str]:
        """Order by file, position, then code: deterministic output."""
        return (self.file or "", self.line or 0, self.column or 0, self.code, self.message)


def worst(problems: Iterable[Problem]) -> Severity | None:
    """The highest severity among ``problems``, or ``None`` when there are none."""
    return max((p.severity for p in problems), default=None)


def most_relevant(problems: Iterable[Problem]) -> Problem | None:
    """The problem to raise first: the worst severity, then the first in file order."""
    ps = sorted(problems, key=lambda p: (-p.severity, p.sort_key()))
    return ps[0] if ps else None


def pointer(*parts: str | int) -> str:
    """An RFC 6901 JSON pointer from path parts (``~`` and ``/`` escaped)."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def split_pointer(ptr: str) -> list[str]:
    """The unescaped parts of an RFC 6901 pointer."""
    if not ptr:
        return []
    return [p.replace("~1", "/").replace("~0", "~") for p in ptr.split("/")[1:]]
