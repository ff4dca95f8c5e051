"""How heavy the report site is for a reader, at any size: the largest pages, and the bytes a search loads.

    python3 benchmarks/site_weights.py --claims 10000 [--seed 1] [--work-dir DIR] [--no-browser] [--walk]

Generates the corpus (kept and reused in the work folder), builds the readers' site, prints the five
largest HTML pages and the total, then, in headless Chromium over a local HTTP server, types two-word
queries into the search page and counts every byte the page loads for them (from the browser's own
resource timing: the search script, the manifest, the postings and the entry chunks). With ``--walk``
it also walks index → page 2 → a claim → its map → a search → a result at 1280 and 390 pixels and
saves the screenshots in the work folder. Exits 1 when a page is over :data:`PAGE_LIMIT` or a query
loads more than :data:`SEARCH_LIMIT`, so it can run as a check.

No figure here is a time measured against a target: build time is printed for information.
"""

from __future__ import annotations

import argparse
import base64
import functools
import http.server
import json
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
#: No HTML page may be larger than this (issue 14).
PAGE_LIMIT = 250_000
#: Nor may one query load more than this (everything the search page fetches for it, search.js included).
SEARCH_LIMIT = 250_000
QUERIES = ("state loan", "denies allegation", "ministry report", "minister said", "pollution controls")


class Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site without logging every request."""

    def log_message(self, format: str, *args: Any) -> None:
        """Say nothing."""


def pages(site: Path) -> list[tuple[int, str]]:
    """Every HTML page's size and path, largest first."""
    return sorted(((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")), reverse=True)


def driver(profile: Path, width: int = 1280) -> Any:
    """Headless Chromium with a fresh profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    sys.path.insert(0, str(HERE.parent / "tests"))
    from support.browser import chrome_options  # the flags the browser tests use

    options = chrome_options(profile, window=(width, 900))
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})  # every query measured cold
    return browser


def search_bytes(browser: Any, base: str, query: str) -> dict[str, Any]:
    """Load the search page, type ``query``, wait for results; the bytes of every resource fetched from the moment the page
    was ready to search, and the script itself."""
    from selenium.webdriver.common.by import By

    browser.get(base + "search.html")
    end = time.monotonic() + 30
    while not browser.find_element(By.ID, "search-form").get_attribute("data-ready"):
        if time.monotonic() > end:
            raise RuntimeError("the search page never became ready")
        time.sleep(0.05)
    before = browser.execute_script("return performance.getEntriesByType('resource').length")
    browser.find_element(By.ID, "search-input").send_keys(query + " ")
    end = time.monotonic() + 30
    while not browser.find_element(By.ID, "search-status").text:
        if time.monotonic() > end:
            raise RuntimeError(f"no result status for {query!r}")
        time.sleep(0.05)
    time.sleep(0.3)
    entries = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => [e.name, e.encodedBodySize || e.transferSize || 0])"
    )
    script = sum(size for name, size in entries if name.endswith("static/search.js"))
    index_at_load = sum(size for name, size in entries[:before] if "/search/" in name)
    query_files = [(name, size) for name, size in entries[before:] if "/search/" in name]
    results = browser.execute_script("return document.querySelectorAll('#search-results li').length")
    return {
        "query": query,
        "results": results,
        "status": browser.find_element(By.ID, "search-status").text,
        "script": script,
        "index_on_load": index_at_load,
        "query_files": len(query_files),
        "query_bytes": sum(size for _, size in query_files),
        "total": script + index_at_load + sum(size for _, size in query_files),
    }


def walk(site: Path, base: str, out: Path) -> list[str]:
    """The reader's walk of the browser tests, at 1280 and 390 pixels, screenshots saved in ``out``."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    import test_browser  # the walk the tests run

    shots: list[str] = []
    out.mkdir(parents=True, exist_ok=True)
    for width in (1280, 390):
        with tempfile.TemporaryDirectory() as profile:
            browser = driver(Path(profile), width)
            try:

                def shoot(name: str, browser: Any = browser) -> Path:
                    shot = browser.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False})
                    path = out / f"{name}.png"
                    path.write_bytes(base64.b64decode(shot["data"]))
                    shots.append(path.name)
                    return path

                seen = test_browser.walk(browser, base, width, shoot, f"{site.name}-walk")
                print(
                    f"walk at {width} px: {seen['index']} → {seen['claim'][:60]}… → map → search {seen['query']!r} → result: no console error"
                )
            finally:
                browser.quit()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work-dir", type=Path, default=Path(tempfile.gettempdir()) / "claimcheck-bench")
    parser.add_argument("--no-browser", action="store_true", help="leave out the search measurements in Chromium")
    parser.add_argument("--walk", action="store_true", help="also walk the site at 1280 and 390 px and save screenshots")
    parser.add_argument("--json", type=Path, default=None, help="write the figures to this file too")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(HERE))
    import generate

    import claimcheck
    from claimcheck.render.site import build_site

    corpus_dir = args.work_dir / f"weights-corpus-{args.claims}-seed{args.seed}"
    if not (corpus_dir / "claimcheck.yaml").is_file():
        generate.generate(args.claims, corpus_dir, seed=args.seed)
    site = args.work_dir / f"weights-site-{args.claims}"
    corpus = claimcheck.load(corpus_dir)
    start = time.perf_counter()
    result = build_site(corpus, site)
    built = time.perf_counter() - start
    sizes = pages(site)
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    figures: dict[str, Any] = {
        "claims": len(corpus.claims),
        "pages": len(sizes),
        "files": len(result.written) + len(result.unchanged),
        "site_bytes": total,
        "build_seconds": round(built, 2),
        "largest": [{"path": path, "bytes": size} for size, path in sizes[:5]],
    }
    print(f"{args.claims} claims: {len(sizes)} HTML pages, {figures['files']} files, {total / 1e6:.1f} MB, built in {built:.1f} s")
    print("largest pages:")
    for size, path in sizes[:5]:
        print(f"  {size / 1000:8.1f} KB  {path}")
    failed = sizes[0][0] > PAGE_LIMIT if sizes else False
    if failed:
        print(f"FAIL: {sizes[0][1]} is over {PAGE_LIMIT / 1000:.0f} KB")
    if not args.no_browser:
        handler = functools.partial(Quiet, directory=str(site))
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        thread = threading.Thread(target=httpd.serve_forever, daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{httpd.server_address[1]}/"
        try:
            searches = []
            with tempfile.TemporaryDirectory() as profile:
                browser = driver(Path(profile))
                try:
                    for query in QUERIES:
                        searches.append(search_bytes(browser, base, query))
                finally:
                    browser.quit()
            figures["searches"] = searches
            print("bytes a two-word search loads (search.js + index files fetched for the query):")
            for s in searches:
                print(
                    f"  {s['query']!r:24} {s['results']:3} shown  search.js {s['script'] / 1000:5.1f} KB + manifest {s['index_on_load'] / 1000:5.1f} KB"
                    f" + {s['query_files']:2} files {s['query_bytes'] / 1000:6.1f} KB = {s['total'] / 1000:6.1f} KB"
                )
                if s["total"] > SEARCH_LIMIT:
                    failed = True
                    print(f"FAIL: the query {s['query']!r} loads over {SEARCH_LIMIT / 1000:.0f} KB")
            if args.walk:
                figures["screenshots"] = walk(site, base, args.work_dir / f"weights-shots-{args.claims}")
        finally:
            httpd.shutdown()
            httpd.server_close()
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    print("ok: every page and every query under the limits" if not failed else "over a limit")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
