"""The built site in a real browser: headless Chromium driven by Selenium, over file:// and over a local HTTP server.

A reader's path through the site (index → another page of the index → a claim → its dispute's map → a two-word
search → a result) is walked at 1280 and 390 pixels on the SMIC site and (marked slow) on a 1,000-claim site, with
no console or CSP error. Set CLAIMCHECK_SCREENSHOTS=DIR to keep the screenshots."""

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
from support.browser import chrome_options
from test_site import write_synthetic

import claimcheck
from claimcheck.render.site import build_site

REPO = Path(__file__).resolve().parents[1]
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

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
def site(tmp_path_factory: pytest.TempPathFactory, smic_site: Path) -> Path:
    """The SMIC site and, in ``bridge/``, the synthetic site with markup in its data."""
    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(smic_site, root / "smic")
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
    options = chrome_options(tmp_path_factory.mktemp("chromium-profile"), window=(1024, 768))
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
    wait_for(lambda: driver.find_element(By.ID, "search-form").get_attribute("data-ready"))
    box = driver.find_element(By.ID, "search-input")
    box.send_keys("armed forces")
    first = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#search-results li a"))[0]
    assert first.get_attribute("href").endswith("claims/smic-no-military-relationship.html")
    wait_for(lambda: "for “armed forces”" in driver.find_element(By.ID, "search-status").text)
    assert driver.find_elements(By.CSS_SELECTOR, "#search-results li mark")  # the matched words are highlighted
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
    wait_for(lambda: driver.find_element(By.ID, "search-form").get_attribute("data-ready"))
    driver.find_element(By.ID, "search-input").send_keys("bridge is unsafe")
    results = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#search-results li"))
    assert 'The bridge is unsafe </script><!-- "quoted" & <b>bold</b>' in results[0].text
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
    driver.get(base + "bridge/claims/bridge-unsafe.html")
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
    """Each box on the dispute's map is a link; following one opens that claim's page."""
    driver.get(base + "smic/maps/dispute-1.html")
    nodes = driver.find_elements(By.CSS_SELECTOR, "svg a.map-node")
    assert len(nodes) == 7
    shoot(f"map-{base[:4]}")
    driver.execute_script(
        "document.querySelector('svg a.map-node[href=\"../claims/pentagon-military-links.html\"]').dispatchEvent(new MouseEvent('click', {bubbles: true}))"
    )
    wait_for(lambda: driver.current_url.endswith("claims/pentagon-military-links.html"))
    assert heading(driver) == "SMIC has links with the Chinese military, the Pentagon alleged, according to The Wall Street Journal."


# ---- a reader's path through the site, at two widths --------------------------------------------
def _no_sideways_scroll(driver: webdriver.Chrome) -> bool:
    return bool(driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"))


def _two_words(sentence: str, names: str = "") -> str:
    """A two-word query a reader might type for a claim: its two longest words that are not in the names of the parties
    (a party's name finds the party's own page first, as it should)."""
    named = {w.strip(".,;:()").lower() for w in names.split()}
    words = sorted({w.strip(".,;:“”\"'()").lower() for w in sentence.split()} - named, key=lambda w: (-len(w), w))
    return " ".join(words[:2])


def walk(driver: webdriver.Chrome, start: str, width: int, shoot: Callable[[str], Path], name: str) -> dict[str, str]:
    """Index → another page of the index (when there is one) → a claim in a dispute → its map → a two-word search → the
    first result; at ``width`` pixels; no console or CSP error, nothing wider than the screen but the map's own frame."""
    driver.set_window_size(width, 900)
    wait_for(lambda: abs(driver.execute_script("return window.innerWidth") - width) < 40)
    console_errors(driver)
    seen: dict[str, str] = {}
    driver.get(start + "index.html")
    assert _no_sideways_scroll(driver)
    shoot(f"{name}-{width}-1-index")
    pages = driver.find_elements(By.CSS_SELECTOR, "nav.pager ol.pages a")
    if pages:
        target = pages[0]  # page 2: the disputes continue there
        href = target.get_attribute("href")
        driver.execute_script("arguments[0].scrollIntoView()", target)
        target.click()
        wait_for(lambda: driver.current_url == href)
        assert "page" in heading(driver)
        assert _no_sideways_scroll(driver)
        shoot(f"{name}-{width}-2-index-page")
    seen["index"] = driver.current_url
    claim = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, ".dispute .claims a.claim-link"))[0]
    driver.get(str(claim.get_attribute("href")))
    seen["claim"] = heading(driver)
    seen["names"] = " ".join(a.text for a in driver.find_elements(By.CSS_SELECTOR, ".facts dd a"))
    assert driver.find_element(By.CSS_SELECTOR, ".glance-box").is_displayed()
    assert _no_sideways_scroll(driver)
    shoot(f"{name}-{width}-3-claim")
    map_link = driver.find_element(By.XPATH, "//dt[.='On the map']/following-sibling::dd[1]/a")
    driver.get(str(map_link.get_attribute("href")))
    assert heading(driver).startswith("Dispute: ")
    assert _no_sideways_scroll(driver)  # the map scrolls inside its frame, the page does not
    svg = driver.find_element(By.CSS_SELECTOR, "svg.map-svg")
    drawn = driver.execute_script("return arguments[0].getBoundingClientRect().width", svg)
    assert abs(drawn - int(svg.get_attribute("width"))) < 1  # drawn at its real size: never shrunk to fit a phone
    size = driver.execute_script("return parseFloat(getComputedStyle(document.querySelector('.map-text')).fontSize)")
    assert size >= 12
    too_wide = driver.execute_script(
        "return Array.from(document.querySelectorAll('a.map-node')).filter(a => {"
        " const box = a.querySelector('rect').getBBox();"
        " return Array.from(a.querySelectorAll('tspan')).some(t => t.getComputedTextLength() > box.width - 12); }).length"
    )
    assert too_wide == 0  # every line of text fits inside its box
    shoot(f"{name}-{width}-4-map")
    query = _two_words(seen["claim"].split(",")[0], seen["names"])
    driver.find_element(By.CSS_SELECTOR, '.site-nav a[href$="search.html"]').click()
    wait_for(lambda: driver.current_url.split("?")[0].endswith("search.html"))
    wait_for(lambda: driver.find_element(By.ID, "search-form").get_attribute("data-ready"))
    driver.find_element(By.ID, "search-input").send_keys(query + " ")
    results = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#search-results li .result-head a"))
    assert driver.find_elements(By.CSS_SELECTOR, "#search-results mark")
    titles = [r.text for r in results]
    assert seen["claim"] in titles, (query, titles[:5])
    assert _no_sideways_scroll(driver)
    shoot(f"{name}-{width}-5-search")
    first = results[0]
    href = str(first.get_attribute("href"))
    first.click()
    wait_for(lambda: driver.current_url == href)
    assert heading(driver)
    shoot(f"{name}-{width}-6-result")
    assert console_errors(driver) == []
    seen["query"] = query
    return seen


@pytest.mark.parametrize("width", [1280, 390])
def test_a_reader_walks_the_smic_site(driver: webdriver.Chrome, base: str, width: int, shoot: Callable[[str], Path]) -> None:
    """On the SMIC site: index → a claim → its dispute map → a two-word search → a result, at 1280 and 390 pixels."""
    try:
        seen = walk(driver, base + "smic/", width, shoot, f"smic-{base[:4]}")
    finally:
        driver.set_window_size(1024, 768)
    assert seen["claim"].endswith(".")


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory, site_1k: Path) -> Path:
    """The 1,000-claim site, served from disk or by the local server beside the others."""
    return site_1k


@pytest.mark.slow
@pytest.mark.parametrize("width", [1280, 390])
def test_a_reader_walks_a_1k_site(driver: webdriver.Chrome, site_1k: Path, width: int, shoot: Callable[[str], Path]) -> None:
    """On a 1,000-claim site over HTTP: index → page 2 of the index → a claim → its dispute map → a two-word search →
    a result, at 1280 and 390 pixels."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site_1k)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        seen = walk(driver, f"http://127.0.0.1:{httpd.server_address[1]}/", width, shoot, "1k")
    finally:
        driver.set_window_size(1024, 768)
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)
    assert "index-2.html" in seen["index"]


@pytest.mark.slow
def test_a_reader_walks_a_1k_site_from_disk(driver: webdriver.Chrome, site_1k: Path, shoot: Callable[[str], Path]) -> None:
    """The same walk from file://: paging, maps, filters and the sharded search all work from disk."""
    try:
        walk(driver, site_1k.as_uri() + "/", 1280, shoot, "1k-file")
    finally:
        driver.set_window_size(1024, 768)


def test_the_javascript_stemmer_is_the_python_one(driver: webdriver.Chrome, site: Path, corpus_1k: claimcheck.Corpus) -> None:
    """static/search.js stems every word of a 1,000-claim corpus, the SMIC case and this project's documentation (and a few
    hard cases) exactly as the index was stemmed."""
    from claimcheck.render.site.common import SiteData
    from claimcheck.render.site.search import entries, stem, tokens

    vocabulary = {t for e in entries(SiteData(corpus_1k)) for f in ("title", "body", "excerpt") for t in tokens(str(e[f]))}
    vocabulary |= {t for e in entries(SiteData(claimcheck.load(REPO / "claims"))) for t in tokens(str(e["title"]) + " " + str(e["body"]))}
    vocabulary |= {"denies", "denied", "denial", "restrictions", "restricted", "yielding", "generalizations", "relational", "hopping"}
    words = sorted(vocabulary)
    words = sorted(
        vocabulary | {t for f in [REPO / "README.md", *(REPO / "docs").glob("*.md")] for t in tokens(f.read_text(encoding="utf-8"))}
    )
    assert len(words) > 2000
    driver.get((site / "smic" / "search.html").as_uri())
    got = driver.execute_script("return arguments[0].map(w => window.CLAIMCHECK_STEM(w))", words)
    assert {w: g for w, g in zip(words, got, strict=True) if g != stem(w)} == {}
    assert stem("denies") == stem("denied") == "deni"


def test_index_filters_hide_cards_in_the_browser(driver: webdriver.Chrome, base: str) -> None:
    """The index's filters work without a server: choosing "Denials" leaves only the denial cards shown."""
    driver.get(base + "smic/index.html")
    form = driver.find_element(By.ID, "filters")
    assert form.is_displayed()
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element(By.ID, "filter-kind")).select_by_value("denial")
    shown = [c for c in driver.find_elements(By.CSS_SELECTOR, "main .card[data-kind]") if c.is_displayed()]
    assert shown
    assert {c.get_attribute("data-kind") for c in shown} == {"denial"}
    assert "2 of 21 claims on this page shown." in driver.find_element(By.ID, "filter-note").text


def test_search_filters_by_party_status_and_verdict(driver: webdriver.Chrome, base: str) -> None:
    """A party's search link lists what it said and what was said about it; a status filter narrows a word query; the
    party's name, not its id, is what the filter shows."""
    driver.get(base + "smic/search.html?party=smic&party_name=SMIC")
    wait_for(lambda: driver.find_element(By.ID, "search-form").get_attribute("data-ready"))
    titles = [r.text for r in wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#search-results .result-head a"))]
    assert "SMIC has no relationship with the Chinese armed forces, SMIC said in a statement." in titles
    assert "SMIC has links with the Chinese military, the Pentagon alleged, according to The Wall Street Journal." in titles
    assert not any(t.startswith("The Chinese government uses private firms") for t in titles)  # about another party
    from selenium.webdriver.support.ui import Select

    assert "(SMIC)" in Select(driver.find_element(By.ID, "filter-party")).first_selected_option.text
    driver.get(base + "smic/search.html?q=military&status=reply")
    wait_for(lambda: driver.find_element(By.ID, "search-form").get_attribute("data-ready"))
    badges = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#search-results .status"))
    assert {b.text for b in badges} == {"Denial"}
    assert console_errors(driver) == []
