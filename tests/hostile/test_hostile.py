"""The hostile-input suite: every input of :mod:`tests.hostile.inputs` through the command line, each command
checked against the invariants of :mod:`tests.hostile.runner`. An input that breaks one fails its test; the
session ends with counts by kind and by outcome.

Run it alone with ``python -m pytest tests/hostile -p no:cacheprovider``; ``-k md-`` picks inputs by id.
HOSTILE_TIMEOUT sets the default seconds a command may take, HOSTILE_BROWSER=0 leaves Chromium out.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .inputs import INPUTS
from .runner import HANDLED, Browser, InputResult, run_in_temp, summary

pytestmark = pytest.mark.slow

RESULTS: list[InputResult] = []


class _Summary:
    """Prints the counts by kind and by outcome at the end of the session."""

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        """The table, then the failing inputs by outcome."""
        if not RESULTS:
            return
        terminalreporter.write_sep("=", "hostile inputs by kind and outcome")
        for line in summary(RESULTS).splitlines():
            terminalreporter.write_line(line)
        if Browser.unavailable:
            terminalreporter.write_line(f"(pages were not opened in Chromium: {Browser.unavailable})")


@pytest.fixture(scope="module", autouse=True)
def _session(request: pytest.FixtureRequest) -> Iterator[None]:
    plugin = _Summary()
    request.config.pluginmanager.register(plugin, "hostile-summary")
    try:
        yield
    finally:
        Browser.close()


@pytest.mark.parametrize("input_id", list(INPUTS))
def test_hostile_input(input_id: str) -> None:
    """The input's every command keeps every invariant and does what the input expects."""
    result = run_in_temp(INPUTS[input_id])
    RESULTS.append(result)
    assert result.outcome == HANDLED, result.describe()
