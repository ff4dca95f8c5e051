"""Headless Chromium for the browser tests, the hostile suite and the page-weight benchmark: one set of flags."""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: Chromium started headless, without a sandbox (containers), and without any traffic of its own.
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chrome_options(profile: str | Path, *, window: tuple[int, int] | None = None, console_log: bool = True) -> Any:
    """Selenium options for Chromium with :data:`CHROMIUM_ARGS`, a fresh ``profile`` folder, the window size and the
    browser's console log kept (``driver.get_log("browser")``)."""
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    for arg in CHROMIUM_ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={profile}")
    if window is not None:
        options.add_argument(f"--window-size={window[0]},{window[1]}")
    if console_log:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return options
