"""claimcheck serve: real HTTP requests to the server on a free port, a file change, the rebuild and
the reload signal, the problems banner, and a clean shutdown (the CLI through Ctrl-C)."""

from __future__ import annotations

import _thread
import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import main
from claimcheck.core.atomic import write_text
from claimcheck.editor import new_corpus
from claimcheck.editor.scaffold import EXAMPLE_NAME
from claimcheck.editor.serve import DevServer, inject

TIMEOUT = 10.0
OLD_TEXT = "Example Builders missed the contractual deadline for the bridge."
NEW_TEXT = "Example Builders missed the second deadline for the bridge."


def get(url: str) -> tuple[int, str, str]:
    """Status, content type and body of a GET (errors included)."""
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as resp:  # noqa: S310 - a local http URL the test built
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers.get("Content-Type", ""), exc.read().decode("utf-8")


def wait_for(condition: Callable[[], bool], timeout: float = TIMEOUT) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return condition()


def version(url: str) -> int:
    return int(json.loads(get(url + "__claimcheck/version")[2])["version"])


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """A new corpus with the example story."""
    new_corpus(tmp_path / "story")
    return tmp_path / "story"


@pytest.fixture
def server(story: Path) -> Iterator[DevServer]:
    """A DevServer on a free port, answering in a thread; closed and joined afterwards."""
    with DevServer(story, port=0) as dev:
        thread = threading.Thread(target=dev.serve_forever, daemon=True)
        thread.start()
        yield dev
    thread.join(TIMEOUT)
    assert not thread.is_alive()


def change_until_rebuilt(dev: DevServer, file: Path, old: str, new: str) -> int:
    """Write the change (again, if the watcher was not yet listening) until the version moves on."""
    assert dev.watching.wait(TIMEOUT)
    start = version(dev.url)
    text = file.read_text(encoding="utf-8").replace(old, new)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        write_text(file, text)
        if wait_for(lambda: version(dev.url) > start, timeout=2.0):
            return version(dev.url)
    raise AssertionError("the site was not rebuilt within the time limit")


def test_pages_are_served_with_the_reload_script(server: DevServer, story: Path) -> None:
    """An HTML page comes with the external reload script and overlay; the built file on disk has neither."""
    status, ctype, body = get(server.url)
    assert status == 200
    assert ctype.startswith("text/html")
    assert '<script src="/__claimcheck/reload.js" data-version="1" defer></script></head>' in body.replace("\n", "")
    assert "script-src 'self'" in body  # the page's policy is served as built
    assert "<script>" not in body  # nothing inline is added
    assert "__claimcheck" not in (server.out_dir / "index.html").read_text(encoding="utf-8")
    status, ctype, script = get(server.url + "__claimcheck/reload.js")
    assert (status, ctype) == (200, "text/javascript")
    assert "/__claimcheck/version.js" in script
    assert get(server.url + "__claimcheck/version.js")[2] == "window.__claimcheckVersion && window.__claimcheckVersion(1);\n"
    assert get(server.url + "__claimcheck/nothing")[0] == 404
    head = urllib.request.Request(server.url, method="HEAD")  # noqa: S310 - a local http URL the test built
    with urllib.request.urlopen(head, timeout=TIMEOUT) as resp:  # noqa: S310 - a local http URL the test built
        assert int(resp.headers["Content-Length"]) == len(body.encode("utf-8"))
        assert resp.read() == b""
    status, ctype, css = get(server.url + "static/site.css")
    assert status == 200
    assert "__claimcheck" not in css


def test_a_changed_claim_is_rebuilt_and_served(server: DevServer, story: Path) -> None:
    """Changing a claim's text bumps the version and the claim's page then shows the new text."""
    page = server.url + "claims/council-builder-missed-deadline.html"
    assert OLD_TEXT in get(page)[2]
    bumped = change_until_rebuilt(server, story / EXAMPLE_NAME, OLD_TEXT, NEW_TEXT)
    assert bumped >= 2
    body = get(page)[2]
    assert NEW_TEXT in body
    assert f'data-version="{bumped}"' in body


def test_problems_are_shown_in_the_page(server: DevServer, story: Path) -> None:
    """A reference error appears in a banner at the top of every page and in /__claimcheck/version."""
    change_until_rebuilt(server, story / EXAMPLE_NAME, "speaker: example-council", "speaker: example-councl")
    state = json.loads(get(server.url + "__claimcheck/version")[2])
    assert any("did you mean 'example-council'" in p["message"] for p in state["problems"])
    body = get(server.url)[2]
    assert '<div id="claimcheck-problems" role="alert">' in body
    assert "unknown source &#x27;example-councl&#x27;" in body or "unknown source 'example-councl'" in body


def test_inject_changes_nothing_else() -> None:
    """Injection adds the two tags and the banner, and keeps the rest of the page byte for byte."""
    page = b"<html><head><meta http-equiv='Content-Security-Policy' content=\"default-src 'none'\"></head><body class=x><p>hi</p></body></html>"
    out = inject(page, 7, "<div>b</div>")
    tags = b'<link rel="stylesheet" href="/__claimcheck/overlay.css"><script src="/__claimcheck/reload.js" data-version="7" defer></script>'
    assert out.replace(tags, b"").replace(b"<div>b</div>", b"") == page
    assert out.index(tags) < out.index(b"</head>") < out.index(b"<div>b</div>") < out.index(b"<p>hi</p>")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_command_serves_until_interrupted(story: Path) -> None:
    """The CLI serves on the given port, answers a request, and shuts down cleanly on Ctrl-C."""
    port = free_port()
    seen: dict[str, tuple[int, str, str]] = {}

    def client() -> None:
        if wait_for(lambda: _up(port), timeout=TIMEOUT):
            seen["index"] = get(f"http://127.0.0.1:{port}/")
            _thread.interrupt_main()  # what Ctrl-C does

    thread = threading.Thread(target=client, daemon=True)
    thread.start()
    result = CliRunner().invoke(main, ["serve", str(story), "--port", str(port)], catch_exceptions=False)
    thread.join(TIMEOUT)
    assert result.exit_code == 0, result.output
    assert f"serving {story} at http://127.0.0.1:{port}/" in result.stdout
    assert "built version 1" in result.stderr
    assert "stopped" in result.stderr
    status, _, body = seen["index"]
    assert status == 200
    assert "/__claimcheck/reload.js" in body


def _up(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False
