"""``claimcheck serve``: the site, rebuilt on every change and reloaded in the browser.

The site is built with :func:`claimcheck.render.site.build_site` into a temporary folder (or ``out_dir``)
and served on 127.0.0.1 by :class:`http.server.ThreadingHTTPServer`; a thread watches the corpus
(and the templates) with ``watchfiles`` and rebuilds, bumping :attr:`DevServer.version`.

HTML responses -- never the built files -- get two tags before ``</head>``: the stylesheet
``/__claimcheck/overlay.css`` and the script ``/__claimcheck/reload.js``, which polls the version by
loading ``/__claimcheck/version.js``. Both are external files from the server's own origin, which the
pages' Content-Security-Policy (``script-src 'self'; style-src 'self'``) already allows; the policy is
not changed. When the corpus has problems (or the build failed) a banner listing them is put at the
top of each page, and they are printed in the terminal. ``/__claimcheck/version`` gives the version
and the problems as JSON.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Sequence
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

from claimcheck.core.errors import ClaimcheckError, CorpusNotFoundError, OutputError
from claimcheck.core.outputs import resolve_output
from claimcheck.core.problems import Problem, Severity
from claimcheck.load.loader import load

__all__ = ["PREFIX", "DevServer", "inject"]

PREFIX = "/__claimcheck/"
WATCHED = (".yaml", ".yml", ".json")
_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)
_BODY = re.compile(rb"<body\b[^>]*>", re.IGNORECASE)


def _asset(name: str) -> bytes:
    return (resources.files("claimcheck.editor") / "assets" / name).read_bytes()


def banner(problems: Sequence[Problem], build_error: str | None) -> str:
    """The HTML banner listing the build error and the corpus's problems (empty when there are none)."""
    if not problems and not build_error:
        return ""
    items = []
    if build_error:
        items.append(f'<li class="error">the site could not be rebuilt: {html.escape(build_error)}</li>')
    for p in problems:
        cls = ' class="error"' if p.severity >= Severity.ERROR else ""
        items.append(f"<li{cls}>{html.escape(p.format())}</li>")
    errors = sum(1 for p in problems if p.severity >= Severity.ERROR) + (1 if build_error else 0)
    title = f"claimcheck: {errors} error{'s' if errors != 1 else ''}, {len(problems) + bool(build_error) - errors} other problem(s)"
    return f'<div id="claimcheck-problems" role="alert"><h2>{html.escape(title)}</h2><ul>{"".join(items)}</ul></div>'


def inject(page: bytes, version: int, banner_html: str = "") -> bytes:
    """``page`` with the reload script and overlay stylesheet before ``</head>`` and ``banner_html``
    after ``<body>``; nothing else in it (its Content-Security-Policy included) is changed."""
    tags = (
        f'<link rel="stylesheet" href="{PREFIX}overlay.css"><script src="{PREFIX}reload.js" data-version="{version}" defer></script>'
    ).encode()
    m = _HEAD_END.search(page)
    page = page[: m.start()] + tags + page[m.start() :] if m else tags + page
    if banner_html:
        b = _BODY.search(page)
        at = b.end() if b else len(tags)
        page = page[:at] + banner_html.encode() + page[at:]
    return page


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    dev: DevServer


class _Handler(SimpleHTTPRequestHandler):
    server: _Server

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, directory=str(kwargs.pop("directory")), **kwargs)

    def log_message(self, format: str, *args: Any) -> None:
        self.server.dev.log_request(format % args)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _internal(self, name: str) -> None:
        dev = self.server.dev
        if name == "version":
            state = dev.state()
            self._send(HTTPStatus.OK, json.dumps(state).encode(), "application/json")
        elif name == "version.js":
            self._send(
                HTTPStatus.OK, f"window.__claimcheckVersion && window.__claimcheckVersion({dev.version});\n".encode(), "text/javascript"
            )
        elif name == "reload.js":
            self._send(HTTPStatus.OK, _asset("reload.js"), "text/javascript")
        elif name == "overlay.css":
            self._send(HTTPStatus.OK, _asset("overlay.css"), "text/css")
        else:
            self.send_error(HTTPStatus.NOT_FOUND)

    def parse_request(self) -> bool:
        """The request line and headers; any method but GET and HEAD is answered 405 (not 501: the request is
        what is wrong, not the server)."""
        if not super().parse_request():
            return False
        if self.command not in ("GET", "HEAD"):
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED, "the preview answers GET and HEAD only")
            return False
        return True

    def _host_ok(self) -> bool:
        """Whether the request names this server: ``127.0.0.1``, ``localhost`` or ``[::1]`` at its port. A page
        of another site that rebinds its own name to 127.0.0.1 sends that name, and is refused (DNS rebinding)."""
        host = (self.headers.get("Host") or "").strip().lower()
        port = self.server.server_address[1]
        return host in {f"{name}:{port}" for name in ("127.0.0.1", "localhost", "[::1]", self.server.dev.host)}

    def do_GET(self) -> None:
        """Internal files, HTML pages with the reload script injected, everything else as built; a 4xx for
        any request that names another host or a path that cannot be a file of the site."""
        if not self._host_ok():
            self.send_error(HTTPStatus.MISDIRECTED_REQUEST, "this preview answers only http://127.0.0.1:PORT/ and http://localhost:PORT/")
            return
        path = urllib.parse.urlsplit(self.path).path
        if "\0" in urllib.parse.unquote(path) or "\0" in path:
            self.send_error(HTTPStatus.BAD_REQUEST, "the path holds a NUL byte")
            return
        if path.startswith(PREFIX):
            self._internal(path[len(PREFIX) :])
            return
        try:
            self._site_file(path)
        except (OSError, ValueError, UnicodeError):  # a path no file system can hold: the request is bad, not the server
            self.send_error(HTTPStatus.BAD_REQUEST, "the path cannot name a file of the site")

    def _site_file(self, path: str) -> None:
        from claimcheck.render.site.manifest import MANIFEST  # deferred with the rest of the site (see rebuild)

        dev = self.server.dev
        with dev.lock:
            root = Path(os.path.realpath(self.directory))
            if dev.refused is not None or not (root / MANIFEST).is_file():
                # never serve a folder claimcheck did not build (serve -o . in a repository would publish it whole)
                body = inject(b"<!doctype html><title>claimcheck</title><body></body>", dev.version, banner(dev.problems, dev.build_error))
                self._send(HTTPStatus.SERVICE_UNAVAILABLE, body, "text/html; charset=utf-8")
                return
            local = Path(self.translate_path(self.path))
            if local.is_dir() and path.endswith("/"):
                local = local / "index.html"
            real = Path(os.path.realpath(local))
            if (real != root and root not in real.parents) or real.name == MANIFEST:
                self.send_error(HTTPStatus.NOT_FOUND)  # a link out of the site, or the build's own bookkeeping
                return
            if local.suffix == ".html" and local.is_file():
                body = inject(local.read_bytes(), dev.version, banner(dev.problems, dev.build_error))
                self._send(HTTPStatus.OK, body, "text/html; charset=utf-8")
                return
            if self.command == "HEAD":
                super().do_HEAD()
            else:
                super().do_GET()

    def do_HEAD(self) -> None:
        """As GET, without the body (and with the length of the page as served)."""
        self.do_GET()


class DevServer:
    """Builds the site of the corpus at ``path``, serves it and rebuilds it on change.

    Use as a context manager; :meth:`serve_forever` answers requests in the calling thread (run it in
    a thread of its own to keep going). ``port=0`` picks a free port (see :attr:`url`). ``log`` receives
    what to print in the terminal.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        out_dir: str | os.PathLike[str] | None = None,
        templates: str | os.PathLike[str] | None = None,
        include_drafts: bool = False,
        fulltext: Sequence[str | os.PathLike[str]] = (),
        log: Callable[[str], None] | None = None,
        log_requests: bool = False,
        debounce_ms: int = 200,
    ) -> None:
        self.path = Path(path)
        self.host, self.port = host, port
        self.templates = Path(templates) if templates is not None else None
        self.include_drafts = include_drafts
        self.fulltext = list(fulltext)
        self.log = log or (lambda _message: None)
        self.log_requests = log_requests
        self.debounce_ms = debounce_ms
        self._tmp = None if out_dir is not None else tempfile.mkdtemp(prefix="claimcheck-serve-")
        self.out_dir = Path(out_dir) if out_dir is not None else Path(self._tmp or ".") / "site"
        self.lock = threading.Lock()
        self.version = 0
        self.problems: tuple[Problem, ...] = ()
        self.build_error: str | None = None
        #: Why the site cannot be built into ``out_dir`` (it holds files claimcheck did not write, or the
        #: corpus): nothing is served then, and :meth:`start` stops.
        self.refused: OutputError | None = None
        self._stop = threading.Event()
        self.watching = threading.Event()
        self._watcher: threading.Thread | None = None
        self._httpd: _Server | None = None
        self._serving = False

    # ---- lifecycle -----------------------------------------------------------------------------
    def __enter__(self) -> DevServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        """Build the site, open the socket and start watching (requests are answered by :meth:`serve_forever`)."""
        if not self.path.exists():
            self.close()
            raise CorpusNotFoundError(f"no corpus at {os.fspath(self.path)!r}: the path does not exist")
        try:
            self.rebuild()
            if self.refused is not None:
                raise self.refused
            httpd = _Server((self.host, self.port), lambda *a: _Handler(*a, directory=self.out_dir))
        except BaseException:
            self.close()
            raise
        httpd.dev = self
        self._httpd = httpd
        self._watcher = threading.Thread(target=self._watch, name="claimcheck-watch", daemon=True)
        self._watcher.start()

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT/``."""
        assert self._httpd is not None, "start() first"
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}/"

    def serve_forever(self) -> None:
        """Answer requests until :meth:`close` (from another thread) or an interrupt."""
        assert self._httpd is not None, "start() first"
        self._serving = True
        try:
            self._httpd.serve_forever(poll_interval=0.2)
        finally:
            self._serving = False

    def close(self) -> None:
        """Stop serving and watching, close the socket and remove the temporary site."""
        self._stop.set()
        if self._httpd is not None:
            if self._serving:
                self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None
        if self._watcher is not None:
            self._watcher.join(timeout=10)
            self._watcher = None
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    # ---- building --------------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """The version and the problems (for ``/__claimcheck/version``)."""
        return {"version": self.version, "build_error": self.build_error, "problems": [p.to_dict() for p in self.problems]}

    def rebuild(self) -> None:
        """Load the corpus, build the site, bump the version and report the problems."""
        from claimcheck.render.site import build_site  # deferred: the site is a large import the other commands do not need
        from claimcheck.render.site.build import check_target

        t0 = time.perf_counter()
        with self.lock:
            error: str | None = None
            problems: tuple[Problem, ...] = ()
            refused: OutputError | None = None
            try:
                corpus = load(self.path, fulltext_paths=list(self.fulltext))
                problems = corpus.problems
                out = resolve_output(self.out_dir.absolute(), folder=True)
                check_target(out, corpus)  # before every build: a refused folder is never served
                build_site(corpus, out, templates=self.templates, include_drafts=self.include_drafts, audience="editor")
            except OutputError as exc:
                error, refused = str(exc), exc
            except ClaimcheckError as exc:
                error = str(exc)
            self.problems, self.build_error, self.refused = problems, error, refused
            self.version += 1
        for p in problems:
            self.log(p.format())
        if error:
            self.log(f"claimcheck serve: the site could not be rebuilt: {error}")
        self.log(f"built version {self.version} in {time.perf_counter() - t0:.2f} s ({len(problems)} problem(s))")

    def _relevant(self, _change: object, path: str) -> bool:
        name = os.path.basename(path)
        if name.startswith("."):
            return False
        if self.templates is not None and Path(path).is_relative_to(self.templates.resolve()):
            return True
        return name.endswith(WATCHED)

    def _watch(self) -> None:
        import watchfiles

        paths = [self.path] + ([self.templates] if self.templates is not None else [])
        self.watching.set()
        for _changes in watchfiles.watch(
            *paths,
            watch_filter=self._relevant,
            debounce=self.debounce_ms,
            step=50,
            stop_event=self._stop,
            rust_timeout=1000,
            raise_interrupt=False,
        ):
            if self._stop.is_set():
                break
            self.rebuild()

    def log_request(self, message: str) -> None:
        """A request line, printed only with ``log_requests``."""
        if self.log_requests:
            self.log(message)
