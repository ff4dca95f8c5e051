"""The built site in a real browser: headless Chromium driven by Selenium, over file:// and over a local HTTP server."""

from __future__ import annotations

import base64
import functools
import http.server
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from test_site import write_synthetic

import claimcheck
from claimcheck.render.site import build_site

REPO = Path(__file__).resolve().parents[1]
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)

if not os.environ.get("CI"):  # in CI the browser tests must run, and fail loudly if they cannot
    if not Path(CHROMEDRIVER).is_file():
        pytest.skip(f"chromedriver not found at {CHROMEDRIVER} (apt-get install chromium chromium-driver)", allow_module_level=True)
    pytest.importorskip("selenium", reason="selenium is not installed (pip install selenium)")

from selenium import webdriver  # noqa: E402 - only once we know it is there
from selenium.webdriver.chrome.service import Service  # noqa: E402 - imported once selenium is known to be installed
from selenium.webdriver.common.by import By  # noqa: E402 - imported once selenium is known to be installed
from selenium.webdriver.common.keys import Keys  # noqa: E402 - imported once selenium is known to be installed
from selenium.webdriver.remote.webelement import WebElement  # noqa: E402 - imported once selenium is known to be installed

pytestmark = pytest.mark.browser
SHOTS = Path(os.environ.get("CLAIMCHECK_SCREENSHOTS", "")) if os.environ.get("CLAIMCHECK_SCREENSHOTS") else None


class Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site without logging every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        """Say nothing."""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SMIC site and, in ``bridge/``, the synthetic site with markup in its data."""
    root = tmp_path_factory.mktemp("browser")
    build_site(claimcheck.load(REPO / "claims"), root / "smic")
    build_site(claimcheck.load(write_synthetic(root)), root / "bridge")
    return root


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """A local HTTP server on 127.0.0.1 (random port) serving the built sites, shut down afterwards."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    """Headless Chromium with a fresh profile, its console log kept."""
    options = webdriver.ChromeOptions()
    for arg in ARGS:
        options.add_argument(arg)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.add_argument("--window-size=1024,768")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture(params=["file", "http"])
def base(request: pytest.FixtureRequest, site: Path) -> str:
    """Where the sites are: a file:// URL or the local HTTP server."""
    if request.param == "file":
        return site.as_uri() + "/"
    return str(request.getfixturevalue("server"))


@pytest.fixture
def shoot(driver: webdriver.Chrome, tmp_path: Path) -> Callable[[str], Path]:
    """Save a full-page screenshot under tmp_path (and under $CLAIMCHECK_SCREENSHOTS when set)."""

    def save(name: str) -> Path:
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})
        data = base64.b64decode(shot["data"])
        path = tmp_path / f"{name}.png"
        path.write_bytes(data)
        if SHOTS is not None:
            SHOTS.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, SHOTS / path.name)
        assert data.startswith(b"\x89PNG")
        return path

    return save


def wait_for(condition: Callable[[], Any], timeout: float = 10) -> Any:
    """Poll ``condition`` until it returns something true; fail after ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {condition}")


def console_errors(driver: webdriver.Chrome) -> list[str]:
    """Errors logged by the pages since the last call (CSP violations, failed loads, script errors)."""
    entries: list[dict[str, Any]] = driver.get_log("browser")  # type: ignore[no-untyped-call]  # selenium leaves get_log untyped
    return [e["message"] for e in entries if e["level"] == "SEVERE"]


def click(driver: webdriver.Chrome, css: str) -> None:
    """Click the first element matching ``css`` and wait for the next page."""
    element: WebElement = driver.find_element(By.CSS_SELECTOR, css)
    old = driver.current_url
    element.click()
    wait_for(lambda: driver.current_url != old and driver.execute_script("return document.readyState") == "complete")


def heading(driver: webdriver.Chrome) -> str:
    """The page's h1."""
    return str(driver.find_element(By.TAG_NAME, "h1").text)


def test_index_to_claim_to_speaker_to_document(driver: webdriver.Chrome, base: str, shoot: Callable[[str], Path]) -> None:
    """From the index a reader reaches a claim, its speaker and the speaker's statement, without a console error."""
    console_errors(driver)
    driver.get(base + "smic/index.html")
    assert heading(driver) == "claimcheck case corpus"
    assert "Military links: SMIC and the Chinese government" in driver.find_element(By.ID, "dispute-1").text
    shoot(f"index-{base[:4]}")
    click(driver, '#dispute-1 a[href="claims/smic-no-military-relationship.html"]')
    assert heading(driver) == "SMIC has no relationship with the Chinese armed forces, SMIC said in a statement."
    assert "Evidence-derived status: Contested" not in driver.page_source  # a denial is not itself contested
    shoot(f"claim-{base[:4]}")
    click(driver, '.facts a[href="../sources/smic.html"]')
    assert heading(driver) == "Semiconductor Manufacturing International Corporation (SMIC)"
    click(driver, '.facts a[href="../documents/smic-statement.html"]')
    assert heading(driver).startswith("SMIC statement on its relationship with the Chinese armed forces")
    assert "No: this document is known only through reports of it." in driver.find_element(By.TAG_NAME, "main").text
    assert console_errors(driver) == []


def test_search_finds_the_smic_denial(driver: webdriver.Chrome, base: str, shoot: Callable[[str], Path]) -> None:
    """Typing "armed forces" lists the SMIC denial claim first, and its link opens the claim page."""
    console_errors(driver)
    driver.get(base + "smic/search.html")
    box = driver.find_element(By.ID, "search-input")
    box.send_keys("armed forces")
    first = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#search-results li a"))[0]
    assert first.get_attribute("href").endswith("claims/smic-no-military-relationship.html")
    assert "results for “armed forces”" in driver.find_element(By.ID, "search-status").text
    shoot(f"search-{base[:4]}")
    click(driver, "#search-results li a")
    assert heading(driver) == "SMIC has no relationship with the Chinese armed forces, SMIC said in a statement."
    driver.get(base + "smic/search.html?q=Wall%20Street%20Journal")
    results = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#search-results li"))
    assert any("The Wall Street Journal" in r.text for r in results)
    assert console_errors(driver) == []


def test_search_shows_markup_in_data_as_text(driver: webdriver.Chrome, base: str) -> None:
    """A claim whose text holds </script> and <b> is listed as text: no element is created from the data."""
    driver.get(base + "bridge/search.html")
    driver.find_element(By.ID, "search-input").send_keys("bridge is unsafe")
    results = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#search-results li"))
    assert 'The bridge is unsafe </script><!-- "quoted" & <b>bold</b>.' in results[0].text
    assert driver.execute_script("return document.querySelectorAll('#search-results b, #search-results script').length") == 0


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(driver: webdriver.Chrome, base: str) -> None:
    """The first Tab reaches the visible skip link; following it moves focus to the main content."""
    driver.get(base + "smic/claims/pentagon-military-links.html")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    assert active.text == "Skip to main content"
    assert active.is_displayed()
    assert active.location["y"] >= 0
    active.send_keys(Keys.ENTER)
    wait_for(lambda: driver.execute_script("return document.activeElement.id") == "main")


def test_claim_page_fits_a_phone_and_prints_without_navigation(driver: webdriver.Chrome, base: str, shoot: Callable[[str], Path]) -> None:
    """On a 390-pixel screen nothing overflows sideways and the evidence columns stack; in print the navigation is hidden."""
    driver.get(base + "smic/claims/pentagon-military-links.html")
    driver.set_window_size(390, 844)
    try:
        wait_for(lambda: driver.execute_script("return window.innerWidth") <= 400)
        assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
        supporting, against = driver.find_elements(By.CSS_SELECTOR, ".evidence-grid > section")
        assert against.location["y"] > supporting.location["y"]  # stacked
        shoot(f"phone-claim-{base[:4]}")
    finally:
        driver.set_window_size(1024, 768)
    supporting, against = driver.find_elements(By.CSS_SELECTOR, ".evidence-grid > section")
    assert against.location["y"] == supporting.location["y"]  # side by side
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not driver.find_element(By.CSS_SELECTOR, ".site-nav").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_map_nodes_link_to_claim_pages(driver: webdriver.Chrome, base: str, shoot: Callable[[str], Path]) -> None:
    """Each box on the map is a link; following one opens that claim's page."""
    driver.get(base + "smic/map.html")
    nodes = driver.find_elements(By.CSS_SELECTOR, "svg a.map-node")
    assert len(nodes) == 21
    shoot(f"map-{base[:4]}")
    driver.execute_script(
        "document.querySelector('svg a.map-node[href=\"claims/pentagon-military-links.html\"]').dispatchEvent(new MouseEvent('click', {bubbles: true}))"
    )
    wait_for(lambda: driver.current_url.endswith("claims/pentagon-military-links.html"))
    assert heading(driver) == "SMIC has links with the Chinese military, the Pentagon alleged, according to The Wall Street Journal."
