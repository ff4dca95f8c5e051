"""The payload site in headless Chromium: no payload ever runs. Each page is opened from disk, every link whose address is
not relative or http(s) is clicked, the search is run for the payloads, and the flag a payload would set is checked."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.browser import chrome_options
from test_hardening import load_payloads

from claimcheck.render.site import build_site

CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

if not os.environ.get("CI"):  # in CI the browser tests must run, and fail loudly if they cannot
    if not Path(CHROMEDRIVER).is_file():
        pytest.skip(f"chromedriver not found at {CHROMEDRIVER} (apt-get install chromium chromium-driver)", allow_module_level=True)
    pytest.importorskip("selenium", reason="selenium is not installed (pip install selenium)")

from selenium import webdriver  # noqa: E402 - only once we know it is there
from selenium.webdriver.chrome.service import Service  # noqa: E402 - imported once selenium is known to be installed

pytestmark = [pytest.mark.browser, pytest.mark.slow]
#: What a payload would do: set window.PWNED (or parent.PWNED from a frame), or change the title to PWNED.
FLAG = "return [window.PWNED === undefined, document.title]"
#: Mark (data-odd="i") and list every element whose address is neither relative nor http(s), SVG links included;
#: the site's one such address, its empty icon "data:,", is left alone.
ODD = """
const odd = [];
for (const e of document.querySelectorAll('[href], [src], [action], [*|href]')) {
  const raw = e.getAttribute('href') ?? e.getAttribute('xlink:href') ?? e.getAttribute('src') ?? e.getAttribute('action') ?? '';
  const plain = raw.replace(/[\\t\\n\\r]/g, '').replace(/^[\\x00-\\x20]+/, '');
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(plain) ? plain.split(':')[0].toLowerCase() : '';
  if (scheme === '' || scheme === 'http' || scheme === 'https' || (e.localName === 'link' && raw === 'data:,')) continue;
  e.setAttribute('data-odd', String(odd.length));
  odd.push(e.localName + ' ' + raw);
}
return odd;
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The payload corpus built with drafts included, so that every field appears somewhere."""
    root = tmp_path_factory.mktemp("payload-site")
    out = root / "site"
    build_site(load_payloads(root), out, include_drafts=True)
    return out


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    """Headless Chromium with a fresh profile and its console log kept."""
    options = chrome_options(tmp_path_factory.mktemp("chromium-profile"))
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield browser
    finally:
        browser.quit()


def settle(driver: webdriver.Chrome) -> None:
    """Wait for the page to load and give failing images a moment to fire their error handlers."""
    end = time.monotonic() + 10
    while driver.execute_script("return document.readyState") != "complete" and time.monotonic() < end:
        time.sleep(0.02)
    time.sleep(0.1)


def severe(driver: webdriver.Chrome) -> list[str]:
    """Errors the pages logged since the last call (a script refused by the CSP, a failed load)."""
    entries = driver.get_log("browser")  # type: ignore[no-untyped-call]  # selenium leaves get_log untyped
    return [e["message"] for e in entries if e["level"] == "SEVERE"]


def test_the_flag_and_link_detectors_work(driver: webdriver.Chrome, tmp_path: Path) -> None:
    """Payloads written as markup set the flag and the title, and javascript: links (HTML and SVG) are found and, clicked,
    set the flag: the checks below would see a payload that ran or a link that could run one."""
    page = tmp_path / "control.html"
    page.write_text(
        "<!doctype html><title>Control</title><img src=x onerror=\"document.title='PWNED'\"><script>window.PWNED=1</script>",
        encoding="utf-8",
    )
    driver.get(page.as_uri())
    settle(driver)
    assert driver.execute_script(FLAG) == [False, "PWNED"]
    links = tmp_path / "links.html"
    links.write_text(
        '<!doctype html><title>Links</title><link rel="icon" href="data:,"><a href="x.html">ok</a><a href="https://example.org/">ok</a>'
        '<a href=" JaVa\tScript:window.PWNED=1">bad</a><svg><a href="javascript:window.PWNED=1"><text>bad</text></a></svg>',
        encoding="utf-8",
    )
    driver.get(links.as_uri())
    settle(driver)
    assert driver.execute_script(ODD) == [" a  JaVa\tScript:window.PWNED=1".strip(), "a javascript:window.PWNED=1"]
    driver.execute_script("document.querySelector('[data-odd=\"0\"]').click()")
    settle(driver)
    assert driver.execute_script(FLAG)[0] is False
    severe(driver)


def test_no_payload_runs_on_any_page_or_link(driver: webdriver.Chrome, site: Path) -> None:
    """Every page opens with its own title, no flag set and no console error, and has no address that is not relative or
    http(s); any such link is clicked before the test fails, so that what it does is seen."""
    severe(driver)
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 10
    odd: list[str] = []
    for page in pages:
        driver.get(page.as_uri())
        settle(driver)
        title = driver.title
        assert title.endswith("Desk <script>window.PWNED=1</script>"), title  # the config's title, shown as text
        assert driver.execute_script(FLAG) == [True, title], page.name
        found = driver.execute_script(ODD)
        for i, address in enumerate(found):
            odd.append(f"{page.relative_to(site)}: {address}")
            driver.execute_script(f"document.querySelector('[data-odd=\"{i}\"]').dispatchEvent(new MouseEvent('click', {{bubbles: true}}))")
            settle(driver)
            assert driver.execute_script(FLAG)[0], odd[-1]
            driver.get(page.as_uri())
            settle(driver)
            driver.execute_script(ODD)
        assert severe(driver) == [], page.name
    assert odd == []


def test_searching_for_the_payloads_runs_none(driver: webdriver.Chrome, site: Path) -> None:
    """Searching for words of the payloads lists them as text; no result is an element made from the data, and no flag is set."""
    for query in ("PWNED", "onerror", "script", "javascript"):
        driver.get(f"{(site / 'search.html').as_uri()}?q={query}")
        settle(driver)
        results = driver.execute_script("return Array.from(document.querySelectorAll('#search-results li')).map(li => li.textContent)")
        assert results, query
        assert (
            driver.execute_script(
                "return document.querySelectorAll('#search-results img, #search-results script, #search-results svg, #search-results iframe').length"
            )
            == 0
        )
        assert driver.execute_script(FLAG)[0], query
    assert severe(driver) == []
