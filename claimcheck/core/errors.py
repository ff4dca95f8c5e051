"""The exception hierarchy: one root, each subclass also the natural builtin.

Problems found in a corpus are data (:class:`claimcheck.core.problems.Problem`), not exceptions; these
exceptions are for the caller's mistakes (a missing path, a bad option) and for the ``..._or_raise``
forms of the API.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.core.problems import Problem


class ClaimcheckError(Exception):
    """The root of every error claimcheck raises."""


class UsageError(ClaimcheckError, ValueError):
    """An argument or option the caller gave cannot be used."""


class CorpusNotFoundError(ClaimcheckError, FileNotFoundError):
    """The corpus path does not exist."""


class OutputError(ClaimcheckError, OSError):
    """An output could not be written (it is left as it was)."""


class ProblemError(ClaimcheckError, ValueError):
    """Raised by the ``..._or_raise`` forms: carries the most relevant problem and all of them."""

    def __init__(self, problem: Problem, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(problem.format())
        self.problem = problem
        self.problems = problems or (problem,)
