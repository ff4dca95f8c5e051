"""Runs a hostile input through claimcheck's command line and checks the invariants.

Everything goes through the ``claimcheck`` console script (or ``python -m claimcheck`` where the
package has a ``__main__``) in a subprocess with a timeout, so that this runner depends on nothing
inside the package and survives its restructuring. For each command of an input it checks:

(a) the exit code is 0, 1 or 2 (and the one the input expects, when it says);
(b) no Python traceback is printed;
(c) no raw control character (C0 other than newline and tab, DEL, C1, so no ESC sequence either)
    reaches the terminal;
(d) the corpus folder is byte-identical afterwards (every file's bytes, every link, every mode),
    unless the command is meant to edit it, and so is every other path the input protects;
(e) the command finishes within its timeout;
(f) what is meant for publication (a site, a brief) holds no raw control character and no markup
    made from the data: a Markdown brief is rendered with cmark-gfm (GitHub's CommonMark) and must
    have exactly the structure of the same brief built from a neutral word, with the payload shown
    as the text written; an HTML brief likewise; a site's pages hold no element, handler, script or
    link of the data's making;
(g) optionally, pages holding a payload are opened in headless Chromium and no script may run.

Each broken invariant is a :class:`Violation` with an outcome: ``crash``, ``hang``, ``data loss``,
``leak`` (something private published), ``injection`` or ``silent acceptance``.

Run one input from the shell: ``python -m tests.hostile.runner INPUT_ID [INPUT_ID...]`` (``--list``
lists them).
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import html.parser
import os
import re
import resource
import select
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The outcomes, from the most to the least severe (an input that breaks several is counted under the first).
OUTCOMES = ("hang", "crash", "data loss", "leak", "injection", "silent acceptance")
HANDLED = "handled well"
#: Default seconds a command may take (HOSTILE_TIMEOUT overrides it; an input may set a shorter one).
DEFAULT_TIMEOUT = float(os.environ.get("HOSTILE_TIMEOUT", "20"))
#: Address space a command may use, so that an expansion bomb fails instead of taking the machine.
MEMORY_LIMIT = int(os.environ.get("HOSTILE_MEMORY_LIMIT", str(6 * 1024**3)))
#: Largest file a command may write.
FILE_LIMIT = 2 * 1024**3
#: A raw control character on a terminal: C0 but newline and tab, DEL, C1 (ESC starts every escape sequence).
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
TRACEBACK = "Traceback (most recent call last)"
#: The word a payload is replaced with to build the baseline a publication is compared with.
NEUTRAL = "Neutralword"


# ---- what an input declares -----------------------------------------------------------------------
@dataclass(frozen=True)
class Publication:
    """Something a command writes for publication: ``kind`` is ``site``, ``md``, ``html`` or ``txt``;
    ``path`` is a placeholder path, or ``-`` for the command's standard output."""

    kind: str
    path: str = "-"
    #: Compare with the same output built from the neutral word instead of the payload (md and html).
    compare: bool = True
    #: Open the pages holding the payload in headless Chromium (site only).
    browser: bool = False


@dataclass(frozen=True)
class Request:
    """One HTTP request to ``serve``: what must not come back."""

    path: str
    host: str | None = None
    #: Statuses that are right; None: any.
    status: frozenset[int] | None = None
    #: A regex the body must not match (a secret).
    forbid_body: str | None = None
    outcome: str = "leak"


@dataclass(frozen=True)
class Step:
    """One command: ``args`` after ``claimcheck``, with placeholders ``{tmp}`` (the input's folder),
    ``{corpus}`` (``{tmp}/claims``) and ``{out}`` (``{tmp}/out``, outside the corpus)."""

    args: tuple[str, ...]
    #: Exit codes that are right (None: any of 0, 1, 2).
    exit: frozenset[int] | None = None
    #: Problem codes that must be reported (``[code]`` in the text output, or ``"code"`` in JSON).
    codes: tuple[str, ...] = ()
    #: Regexes the combined output must match / must not match.
    expect: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    #: The command is meant to change the corpus (fmt, add, import into it, diff --write-corrections).
    edits: bool = False
    publish: tuple[Publication, ...] = ()
    timeout: float | None = None
    cwd: str = "{tmp}"
    stdin: str | None = None
    #: The outcome of an expectation that does not hold (default: from the input's kind).
    fails_as: str | None = None
    #: Extra checks after the command: ``check(ctx, result)`` returns what is wrong.
    check: Callable[[Context, StepResult], list[str]] | None = None
    #: ``serve``: requests made once the server says where it listens.
    requests: tuple[Request, ...] = ()
    #: Most bytes of output that make sense (a flood of output is a failure too).
    max_output: int = 2_000_000

    @property
    def is_serve(self) -> bool:
        """Whether the step runs the server."""
        return bool(self.args) and self.args[0] == "serve"


#: What an expectation that does not hold means, by kind of input.
KIND_OUTCOME = {
    "data-loss": "data loss",
    "secrets": "leak",
    "traceback": "crash",
    "hang": "hang",
    "injection": "injection",
    "silent-acceptance": "silent acceptance",
}


@dataclass(frozen=True)
class HostileInput:
    """A hostile input: files built in a folder, the commands to run on them, and what is expected."""

    id: str
    kind: str
    description: str
    build: Callable[[Context], None]
    steps: tuple[Step, ...]
    timeout: float | None = None
    #: The payload that the publications must show as text (the baseline uses :data:`NEUTRAL`).
    payload: str | None = None
    #: Paths (placeholders) outside the corpus that must not change.
    protect: tuple[str, ...] = ()
    #: Skip the corpus snapshot (inputs whose corpus cannot be walked safely, like 10,000 files: still checked).
    requires: tuple[str, ...] = ()

    @property
    def default_outcome(self) -> str:
        """The outcome an unmet expectation of this input has."""
        return KIND_OUTCOME.get(self.kind, "silent acceptance")


@dataclass
class Context:
    """Where an input's files are: ``tmp`` (its folder), ``corpus``, ``out``; ``payload`` is the text to write."""

    tmp: Path
    payload: str = NEUTRAL
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def corpus(self) -> Path:
        """The corpus folder (``{tmp}/claims``)."""
        return self.tmp / "claims"

    @property
    def out(self) -> Path:
        """An output folder outside the corpus (``{tmp}/out``)."""
        return self.tmp / "out"

    def fill(self, text: str) -> str:
        """``text`` with its placeholders filled in."""
        return text.replace("{tmp}", str(self.tmp)).replace("{corpus}", str(self.corpus)).replace("{out}", str(self.out))


# ---- what happened --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Violation:
    """A broken invariant or unmet expectation."""

    outcome: str
    message: str


@dataclass
class StepResult:
    """One command's run."""

    argv: list[str]
    exit: int | None
    stdout: str
    stderr: str
    elapsed: float
    timed_out: bool
    violations: list[Violation] = field(default_factory=list)

    def tail(self, lines: int = 6) -> str:
        """The last lines of the output (for reports)."""
        text = (self.stdout + "\n" + self.stderr).strip()
        return "\n".join(text.splitlines()[-lines:])


@dataclass
class InputResult:
    """An input's run: each command's result, and every violation."""

    input: HostileInput
    steps: list[StepResult]

    @property
    def violations(self) -> list[Violation]:
        """Every violation of every command."""
        return [v for s in self.steps for v in s.violations]

    @property
    def outcome(self) -> str:
        """The most severe outcome, or :data:`HANDLED`."""
        found = {v.outcome for v in self.violations}
        return next((o for o in OUTCOMES if o in found), HANDLED)

    def describe(self) -> str:
        """Every command with its exit code and time, and every violation."""
        lines = [f"{self.input.id} [{self.input.kind}]: {self.input.description}"]
        for s in self.steps:
            code = "timeout" if s.timed_out else str(s.exit)
            lines.append(f"  $ claimcheck {' '.join(_shown(a) for a in s.argv)}  -> {code} in {s.elapsed:.1f} s")
            for v in s.violations:
                lines.append(f"    {v.outcome}: {v.message}")
            if s.violations:
                lines += ["    | " + line for line in _visible(s.tail()).splitlines()]
        return "\n".join(lines)


def _shown(arg: str) -> str:
    arg = _visible(arg)
    return arg if len(arg) <= 90 else arg[:87] + "..."


def _visible(text: str) -> str:
    """``text`` with control characters shown as escapes (so a report never carries them raw)."""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text.encode("utf-8", "backslashreplace").decode("utf-8"))


# ---- the command line -----------------------------------------------------------------------------
def claimcheck_command() -> list[str]:
    """How to run claimcheck: ``$HOSTILE_CLAIMCHECK``, the console script beside this Python, on the PATH, or ``-m``."""
    if os.environ.get("HOSTILE_CLAIMCHECK"):
        return os.environ["HOSTILE_CLAIMCHECK"].split()
    beside = Path(sys.executable).parent / "claimcheck"
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("claimcheck")
    if found:
        return [found]
    return [sys.executable, "-m", "claimcheck"]


def _limits() -> None:  # runs in the child before exec
    os.setsid()
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_LIMIT, FILE_LIMIT))
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def environment(cache: Path) -> dict[str, str]:
    """The commands' environment: a parse cache of the input's own, no colours, no terminal."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CLAIMCHECK_", "PYTEST_", "COV_"))}
    env.update(CLAIMCHECK_CACHE=str(cache), NO_COLOR="1", TERM="dumb", PYTHONUNBUFFERED="1", LC_ALL="C.UTF-8")
    return env


def _kill(proc: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    with contextlib.suppress(Exception):
        proc.kill()


def run_command(argv: Sequence[str], *, cwd: Path, env: dict[str, str], timeout: float, stdin: str | None = None) -> StepResult:
    """Run one command, killed (with every process it started) after ``timeout`` seconds."""
    t0 = time.monotonic()
    proc = subprocess.Popen(
        [*claimcheck_command(), *argv],
        cwd=cwd,
        env=env,
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_limits,
    )
    timed_out = False
    try:
        out, err = proc.communicate(input=stdin.encode() if stdin is not None else None, timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill(proc)
        out, err = proc.communicate()
    finally:
        _kill(proc)  # whatever it left running in its session
    return StepResult(
        argv=list(argv),
        exit=None if timed_out else proc.returncode,
        stdout=out.decode("utf-8", "surrogateescape"),
        stderr=err.decode("utf-8", "surrogateescape"),
        elapsed=time.monotonic() - t0,
        timed_out=timed_out,
    )


# ---- snapshots ------------------------------------------------------------------------------------
def snapshot(path: Path) -> dict[str, tuple[Any, ...]]:
    """Every entry at and under ``path`` (hidden ones included, links not followed): its type, mode and
    bytes (as sha256) or link target. Special files are never opened."""
    out: dict[str, tuple[Any, ...]] = {}

    def entry(p: Path, rel: str) -> None:
        try:
            st = p.lstat()
        except OSError:
            out[rel] = ("missing",)
            return
        mode = stat.S_IMODE(st.st_mode)
        if stat.S_ISLNK(st.st_mode):
            out[rel] = ("link", os.readlink(p))
        elif stat.S_ISDIR(st.st_mode):
            out[rel] = ("dir", mode)
        elif stat.S_ISREG(st.st_mode):
            digest = hashlib.sha256()
            try:
                with open(p, "rb") as fh:
                    for chunk in iter(lambda: fh.read(1 << 20), b""):
                        digest.update(chunk)
            except OSError as exc:
                digest.update(f"unreadable {exc}".encode())
            out[rel] = ("file", mode, st.st_size, digest.hexdigest())
        else:
            out[rel] = ("special", stat.S_IFMT(st.st_mode), mode)

    if not os.path.lexists(path):
        return {}
    entry(path, ".")
    if path.is_dir() and not path.is_symlink():
        for dirpath, dirnames, filenames in os.walk(path):
            for name in sorted(dirnames + filenames):
                full = Path(dirpath, name)
                entry(full, os.path.relpath(full, path))
    return out


def changes(before: dict[str, tuple[Any, ...]], after: dict[str, tuple[Any, ...]]) -> list[str]:
    """What was added, removed or changed between two snapshots, in words."""
    found = []
    for key in sorted(before.keys() | after.keys()):
        if key not in after:
            found.append(f"{key} removed")
        elif key not in before:
            found.append(f"{key} added")
        elif before[key] != after[key]:
            what = "replaced" if before[key][0] != after[key][0] else "changed"
            found.append(f"{key} {what} ({before[key][0]} -> {after[key][0]})")
    return found


# ---- publications ---------------------------------------------------------------------------------
class Structure(html.parser.HTMLParser):
    """An HTML document's elements (counted by name), its text, and what is wrong with it as a page of ours."""

    FORBIDDEN = frozenset({"iframe", "frame", "frameset", "object", "embed", "base", "applet", "meta-refresh"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.text: list[str] = []
        self.problems: list[str] = []
        self.comments: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Count the element; flag handlers, inline styles, forbidden elements, foreign scripts and odd links."""
        a = {k: v or "" for k, v in attrs}
        name = "meta-refresh" if tag == "meta" and a.get("http-equiv", "").lower() == "refresh" else tag
        self.tags[name] += 1
        if name in self.FORBIDDEN:
            self.problems.append(f"<{tag}> element")
        for key in a:
            if key.startswith("on") or key in {"srcdoc", "formaction"}:
                self.problems.append(f"<{tag} {key}=...> attribute")
        foreign = set(a) - {"src", "defer", "type"} or _scheme(a.get("src", ""))
        if tag == "script" and a.get("type") != "application/ld+json" and foreign:
            self.problems.append(f"<script {a}>: only the site's own scripts may load")
        if tag in ("script", "style"):
            self._skip += 1
        for key in ("href", "src", "xlink:href", "action", "poster", "data", "formaction"):
            target = a.get(key)
            if target is not None and _scheme(target) not in ("", "http", "https") and not (tag == "link" and target == "data:,"):
                self.problems.append(f"<{tag} {key}={target!r}>: not a relative or http(s) link")

    def handle_endtag(self, tag: str) -> None:
        """Leave a script or style."""
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        """Collect the text shown."""
        if not self._skip:
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        """Collect comments (cmark-gfm leaves ``raw HTML omitted`` where the data held HTML)."""
        self.comments.append(data)


def _scheme(url: str) -> str:
    plain = re.sub(r"[\t\n\r]", "", url).lstrip("".join(map(chr, range(33))))
    m = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", plain)
    return m.group(1).lower() if m else ""


def structure(page: str) -> Structure:
    """Parse ``page``."""
    parser = Structure()
    parser.feed(page)
    parser.close()
    return parser


#: A location in a brief's finding: ``claims/story.yaml:63``.
LOCATION = re.compile(r"(\.(?:ya?ml|json)):[0-9]+")


def normal(text: str) -> str:
    """Text with every run of white space one space."""
    return " ".join(text.split())


#: Elements a Markdown brief may only have where its template puts them.
MARKDOWN_STRUCTURE = (
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "code", "a", "img", "table", "thead", "tbody", "tr", "th", "td",
    "ul", "ol", "li", "del", "blockquote", "em", "strong", "input", "br", "p",
)  # fmt: skip


def render_markdown(text: str) -> str:
    """The Markdown rendered as GitHub renders it (cmark-gfm with the table, strikethrough, autolink, tag filter and task list
    extensions); raw HTML is left out as ``<!-- raw HTML omitted -->``, which counts as structure."""
    try:
        import cmarkgfm
    except ImportError as exc:  # the test extra should bring it
        raise RuntimeError("the Markdown checks need cmarkgfm (GitHub's cmark-gfm): pip install cmarkgfm") from exc

    return cmarkgfm.github_flavored_markdown_to_html(text)


def control_characters(text: str) -> list[str]:
    """The raw control characters in ``text``, by code point and where (the first few)."""
    found = []
    for m in list(CONTROL.finditer(text))[:3]:
        before = text[max(0, m.start() - 30) : m.start()]
        found.append(f"U+{ord(m.group()):04X} after {_visible(before)!r}")
    return found


def compare_structure(kind: str, hostile: str, baseline: str, payload: str) -> list[str]:
    """What differs between a publication holding ``payload`` and the same publication holding the neutral word:
    elements the data made, and text that is not the payload as written."""
    problems = []
    if kind == "md":
        hostile_html, baseline_html = render_markdown(hostile), render_markdown(baseline)
    else:
        hostile_html, baseline_html = hostile, baseline
    h, b = structure(hostile_html), structure(baseline_html)
    wanted = MARKDOWN_STRUCTURE if kind == "md" else tuple(set(h.tags) | set(b.tags))
    extra = {t: h.tags[t] - b.tags[t] for t in wanted if h.tags[t] != b.tags[t]}
    if extra:
        problems.append(f"the data made structure of its own: {', '.join(f'{t} {n:+d}' for t, n in sorted(extra.items()))}")
    omitted = sum("raw HTML omitted" in c for c in h.comments) - sum("raw HTML omitted" in c for c in b.comments)
    if omitted:
        problems.append(f"the data made {omitted} raw HTML block(s) of its own (GitHub would drop them)")
    # a Markdown brief follows each @ with U+2060 WORD JOINER, invisible, so that GFM does not link an e-mail address
    # (it finds them in the parsed text, escaped or not): a reader sees the payload as written
    # a payload of several lines moves the records after it: their locations (story.yaml:63) are not the payload
    shown = LOCATION.sub(r"\1:N", normal("".join(h.text).replace("@\u2060", "@")))
    expected = LOCATION.sub(r"\1:N", normal("".join(b.text).replace(NEUTRAL, payload)))
    if shown != expected:
        i = next((i for i, (x, y) in enumerate(zip(shown, expected, strict=False)) if x != y), min(len(shown), len(expected)))
        problems.append(
            f"the payload is not shown as written: {_visible(shown[max(0, i - 40) : i + 40])!r} "
            f"where {_visible(expected[max(0, i - 40) : i + 40])!r} was expected"
        )
    return problems


def check_site(site: Path, payload: str | None) -> list[str]:
    """A built site: no raw control character in any text file, no element, handler, script or link made from the data,
    and the payload (when it has no control character) shown as text somewhere."""
    problems = []
    if not site.is_dir():
        return problems
    texts = []
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in (".html", ".js", ".json", ".css", ".svg", ".xml", ".txt"):
            continue
        text = path.read_bytes().decode("utf-8", "replace")
        rel = path.relative_to(site).as_posix()
        for found in control_characters(text):
            problems.append(f"{rel}: raw control character {found}")
        if path.suffix == ".html":
            parsed = structure(text)
            problems += [f"{rel}: {p}" for p in parsed.problems]
            texts.append(normal("".join(parsed.text)))
    if payload and not CONTROL.search(payload) and texts and not any(normal(payload) in t for t in texts):
        problems.append(f"the payload {_visible(payload)!r} is shown as text on no page")
    return problems[:12]


# ---- the browser ----------------------------------------------------------------------------------
class Browser:
    """Headless Chromium through chromedriver, started once and shared (see tests/test_hardening_browser.py)."""

    FLAG = "return [window.PWNED === undefined, document.title]"
    _driver: Any = None
    _profile: str | None = None
    unavailable: str | None = None

    @classmethod
    def driver(cls) -> Any:
        """The shared driver, or None (``unavailable`` says why) when Chromium cannot be driven or HOSTILE_BROWSER=0."""
        if cls._driver is not None or cls.unavailable:
            return cls._driver
        chromedriver = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
        if os.environ.get("HOSTILE_BROWSER", "1") == "0":
            cls.unavailable = "HOSTILE_BROWSER=0"
        elif not Path(chromedriver).is_file():
            cls.unavailable = f"no chromedriver at {chromedriver}"
        else:
            try:
                from selenium import webdriver
                from selenium.webdriver.chrome.service import Service
                from support.browser import chrome_options
            except ImportError:
                cls.unavailable = "selenium is not installed"
                return None
            cls._profile = tempfile.mkdtemp(prefix="hostile-chromium-")
            options = chrome_options(cls._profile, console_log=False)
            try:
                cls._driver = webdriver.Chrome(service=Service(chromedriver), options=options)
            except Exception as exc:
                cls.unavailable = f"Chromium did not start: {exc}"
        return cls._driver

    @classmethod
    def close(cls) -> None:
        """Quit the browser."""
        if cls._driver is not None:
            with contextlib.suppress(Exception):
                cls._driver.quit()
            cls._driver = None
        if cls._profile:
            shutil.rmtree(cls._profile, ignore_errors=True)

    @classmethod
    def check(cls, site: Path, marker: str) -> list[str]:
        """Open every page holding ``marker`` (at most 15): no script of the data may have run."""
        driver = cls.driver()
        if driver is None:
            return []
        problems = []
        pages = [p for p in sorted(site.rglob("*.html")) if marker in p.read_text(encoding="utf-8", errors="replace")][:15]
        for page in pages:
            driver.get(page.as_uri())
            end = time.monotonic() + 5
            while driver.execute_script("return document.readyState") != "complete" and time.monotonic() < end:
                time.sleep(0.02)
            time.sleep(0.1)
            untouched, title = driver.execute_script(cls.FLAG)
            if not untouched or "PWNED" in str(title):
                problems.append(f"{page.relative_to(site)}: a script from the data ran in Chromium")
        return problems


# ---- serve ----------------------------------------------------------------------------------------
def _http(port: int, req: Request, timeout: float = 5.0) -> tuple[int | None, bytes, str | None]:
    """Send one raw GET (the path as given, byte for byte, and the Host header given) and read the status and body."""
    host = req.host or f"127.0.0.1:{port}"
    raw = f"GET {req.path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode("latin-1")
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
            sock.sendall(raw)
            chunks = []
            while True:
                try:
                    data = sock.recv(65536)
                except TimeoutError:
                    break
                if not data:
                    break
                chunks.append(data)
    except OSError as exc:
        return None, b"", f"no answer: {exc}"
    data = b"".join(chunks)
    head, _, body = data.partition(b"\r\n\r\n")
    m = re.match(rb"HTTP/\d\.\d (\d{3})", head)
    return (int(m.group(1)) if m else None), body, None


def run_serve(step: Step, ctx: Context, argv: list[str], env: dict[str, str], timeout: float) -> StepResult:
    """Start ``serve`` on a free port, wait until it listens, make the step's requests, stop it with Ctrl-C."""
    t0 = time.monotonic()
    if "--port" not in argv:
        argv = [*argv, "--port", "0"]
    proc = subprocess.Popen(
        [*claimcheck_command(), *argv],
        cwd=Path(ctx.fill(step.cwd)),
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_limits,
    )
    out, err = bytearray(), bytearray()
    violations: list[Violation] = []
    port = None
    timed_out = False
    try:
        end = t0 + timeout
        assert proc.stdout is not None
        assert proc.stderr is not None
        streams = {proc.stdout.fileno(): out, proc.stderr.fileno(): err}

        def pump(wait: float) -> bool:
            ready, _, _ = select.select(list(streams), [], [], wait)
            got = False
            for fd in ready:
                data = os.read(fd, 65536)
                if data:
                    streams[fd].extend(data)
                    got = True
            return got

        while port is None and time.monotonic() < end and proc.poll() is None:
            pump(0.1)
            m = re.search(rb"http://127\.0\.0\.1:(\d+)/", bytes(out))
            if m:
                port = int(m.group(1))
        if port is None and proc.poll() is None:
            timed_out = True
        for req in step.requests if port is not None else ():
            status, body, error = _http(port, req)
            pump(0.05)
            if error:
                violations.append(Violation("crash", f"GET {req.path!r}: {error}"))
            elif req.status is not None and status not in req.status:
                violations.append(
                    Violation(
                        req.outcome,
                        f"GET {_visible(req.path)!r} (Host: {req.host or 'own'}) answered {status}, expected {sorted(req.status)}",
                    )
                )
            if req.forbid_body and re.search(req.forbid_body.encode(), body):
                violations.append(Violation(req.outcome, f"GET {_visible(req.path)!r} served what must stay private ({req.forbid_body!r})"))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)
            stop = time.monotonic() + 5
            while proc.poll() is None and time.monotonic() < stop:
                pump(0.1)
        while pump(0):
            pass
    finally:
        _kill(proc)
        with contextlib.suppress(Exception):
            rest_out, rest_err = proc.communicate(timeout=5)
            out.extend(rest_out)
            err.extend(rest_err)
    code = proc.returncode
    if code is not None and code < 0 and code == -signal.SIGKILL and not timed_out:
        code = 0  # stopped by us after Ctrl-C was not enough: not the command's fault here, the requests said it all
    if code is not None and code == -signal.SIGINT:
        code = 0
    result = StepResult(
        argv=argv,
        exit=None if timed_out else code,
        stdout=bytes(out).decode("utf-8", "surrogateescape"),
        stderr=bytes(err).decode("utf-8", "surrogateescape"),
        elapsed=time.monotonic() - t0,
        timed_out=timed_out,
    )
    result.violations += violations
    return result


# ---- the invariants -------------------------------------------------------------------------------
def _reported_codes(text: str) -> set[str]:
    codes = set(re.findall(r"\[([a-z][a-z0-9-]*)\]", text))
    codes |= set(re.findall(r'"code": "([a-z][a-z0-9-]*)"', text))
    return codes


def _read_publication(ctx: Context, pub: Publication, result: StepResult) -> str | None:
    if pub.path == "-":
        return result.stdout
    path = Path(ctx.fill(pub.path))
    return path.read_bytes().decode("utf-8", "surrogateescape") if path.is_file() else None


def check_step(inp: HostileInput, step: Step, ctx: Context, result: StepResult, baseline: dict[int, str] | None) -> None:
    """Add the violations of one command's run to ``result``."""
    v = result.violations
    expected = step.fails_as or inp.default_outcome
    if result.timed_out:
        v.append(Violation("hang", f"still running after {result.elapsed:.0f} s (killed)"))
    elif result.exit not in (0, 1, 2):
        signal_name = f" (signal {signal.Signals(-result.exit).name})" if result.exit is not None and result.exit < 0 else ""
        v.append(Violation("crash", f"exit code {result.exit}{signal_name}"))
    output = result.stdout + result.stderr
    if TRACEBACK in output:
        after = output[output.rindex(TRACEBACK) :]
        last = re.findall(r"^[A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning)\b.*$", after, re.MULTILINE)[-1:]
        v.append(Violation("crash", f"a Python traceback: {_visible(last[0])[:200] if last else '?'}"))
    for name, text in (("stdout", result.stdout), ("stderr", result.stderr)):
        found = control_characters(text)
        if found:
            v.append(Violation("injection", f"raw control character on {name}: {found[0]}"))
    if len(output) > step.max_output:
        v.append(Violation(expected if expected != "hang" else "silent acceptance", f"{len(output):,} characters of output"))
    if result.timed_out:
        return  # what it would have said is unknown
    if step.exit is not None and result.exit not in step.exit and result.exit in (0, 1, 2):
        v.append(Violation(expected, f"exit code {result.exit}; expected {' or '.join(map(str, sorted(step.exit)))}"))
    reported = _reported_codes(output)
    missing = [c for c in step.codes if c not in reported]
    if missing:
        v.append(Violation(expected, f"problem code(s) not reported: {', '.join(missing)}"))
    for rx in step.expect:
        if not re.search(rx, output, re.MULTILINE):
            v.append(Violation(expected, f"output does not say {rx!r}"))
    for rx in step.forbid:
        m = re.search(rx, output, re.MULTILINE)
        if m:
            v.append(Violation(expected, f"output holds {_visible(m.group())[:120]!r}"))
    for i, pub in enumerate(step.publish):
        text = _read_publication(ctx, pub, result)
        if pub.kind == "site":
            site = Path(ctx.fill(pub.path))
            for problem in check_site(site, inp.payload):
                v.append(Violation("injection", f"site: {problem}"))
            if pub.browser and inp.payload and site.is_dir():
                marker = inp.payload if not CONTROL.search(inp.payload) else "PWNED"
                for problem in Browser.check(site, html.escape(marker, quote=False) if "<" in marker else marker):
                    v.append(Violation("injection", problem))
            continue
        if text is None:
            continue
        for found in control_characters(text)[:1]:
            v.append(Violation("injection", f"{pub.kind} brief: raw control character {found}"))
        if pub.compare and inp.payload and pub.kind in ("md", "html") and baseline is not None and i in baseline and result.exit == 0:
            for problem in compare_structure(pub.kind, text, baseline[i], inp.payload):
                v.append(Violation("injection", f"{pub.kind} brief: {problem}"))
    if step.check is not None:
        for problem in step.check(ctx, result):
            v.append(Violation(expected, problem))


def _baselines(inp: HostileInput, work: Path, cache: Path, timeout: float) -> dict[int, dict[int, str]]:
    """For each step publishing a brief to compare, the same brief built from the neutral word instead of the payload."""
    wanted = [(n, s) for n, s in enumerate(inp.steps) if any(p.compare and p.kind in ("md", "html") for p in s.publish)]
    if not wanted or inp.payload is None:
        return {}
    ctx = Context(tmp=work / "baseline", payload=NEUTRAL)
    ctx.tmp.mkdir()
    ctx.out.mkdir()
    inp.build(ctx)
    env = environment(cache)
    out: dict[int, dict[int, str]] = {}
    for n, step in enumerate(inp.steps):
        result = run_command([ctx.fill(a) for a in step.args], cwd=Path(ctx.fill(step.cwd)), env=env, timeout=timeout, stdin=step.stdin)
        if any(n == w for w, _ in wanted):
            out[n] = {i: t for i, p in enumerate(step.publish) if (t := _read_publication(ctx, p, result)) is not None}
    return out


def run_input(inp: HostileInput, work: Path, *, timeout: float | None = None) -> InputResult:
    """Build ``inp`` in ``work`` (an empty folder), run each of its commands and check the invariants."""
    limit = timeout or inp.timeout or DEFAULT_TIMEOUT
    cache = work / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    ctx = Context(tmp=work / "input", payload=inp.payload or NEUTRAL)
    ctx.tmp.mkdir()
    ctx.out.mkdir()
    inp.build(ctx)
    baselines = _baselines(inp, work, work / "cache-baseline", limit)
    env = environment(cache)
    results = []
    for n, step in enumerate(inp.steps):
        argv = [ctx.fill(a) for a in step.args]
        guarded = [ctx.corpus, *(Path(ctx.fill(p)) for p in inp.protect)]
        before = [snapshot(p) for p in guarded]
        step_limit = step.timeout or limit
        if step.is_serve:
            result = run_serve(step, ctx, argv, env, step_limit)
        else:
            result = run_command(argv, cwd=Path(ctx.fill(step.cwd)), env=env, timeout=step_limit, stdin=step.stdin)
        for path, old in zip(guarded, before, strict=True):
            if path == ctx.corpus and step.edits:
                continue
            diff = changes(old, snapshot(path))
            if diff:
                where = "the corpus" if path == ctx.corpus else str(path.relative_to(ctx.tmp) if path.is_relative_to(ctx.tmp) else path)
                result.violations.append(Violation("data loss", f"{where} changed: {'; '.join(_visible(d) for d in diff[:4])}"))
        check_step(inp, step, ctx, result, baselines.get(n))
        results.append(result)
    return InputResult(input=inp, steps=results)


def run_in_temp(inp: HostileInput, *, timeout: float | None = None) -> InputResult:
    """:func:`run_input` in a fresh temporary folder, removed afterwards (special files and modes included)."""
    work = Path(tempfile.mkdtemp(prefix=f"hostile-{inp.id[:40]}-"))
    try:
        return run_input(inp, work, timeout=timeout)
    finally:
        _remove(work)


def _remove(path: Path) -> None:
    for dirpath, dirnames, _filenames in os.walk(path):
        for d in dirnames:
            with contextlib.suppress(OSError):
                full = Path(dirpath, d)
                if not full.is_symlink():
                    full.chmod(0o755)
    shutil.rmtree(path, ignore_errors=True)


# ---- summary --------------------------------------------------------------------------------------
def summary(results: Sequence[InputResult]) -> str:
    """Counts by kind and by outcome, and the failing inputs by outcome."""
    kinds = Counter(r.input.kind for r in results)
    outcomes = Counter(r.outcome for r in results)
    table: dict[str, Counter[str]] = {}
    for r in results:
        table.setdefault(r.input.kind, Counter())[r.outcome] += 1
    cols = (HANDLED, *OUTCOMES)
    width = max([len(k) for k in kinds] + [18])
    lines = [f"{'kind':<{width}} {'inputs':>6} " + " ".join(f"{c:>12}" for c in cols)]
    for kind in sorted(kinds):
        lines.append(f"{kind:<{width}} {kinds[kind]:>6} " + " ".join(f"{table[kind][c]:>12}" for c in cols))
    lines.append(f"{'all':<{width}} {len(results):>6} " + " ".join(f"{outcomes[c]:>12}" for c in cols))
    for outcome in OUTCOMES:
        ids = [r.input.id for r in results if r.outcome == outcome]
        if ids:
            lines.append(f"{outcome} ({len(ids)}): {', '.join(ids)}")
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    """Run the inputs named (all with no name) and print what happened."""
    from .inputs import INPUTS

    if "--list" in argv:
        for inp in INPUTS.values():
            print(f"{inp.id:<48} {inp.kind:<18} {inp.description}")
        return 0
    wanted = [a for a in argv if not a.startswith("-")] or list(INPUTS)
    results = []
    try:
        for name in wanted:
            result = run_in_temp(INPUTS[name])
            results.append(result)
            print(result.describe(), flush=True)
    finally:
        Browser.close()
    print(summary(results))
    return 0 if all(r.outcome == HANDLED for r in results) else 1


@contextlib.contextmanager
def browser_session() -> Iterator[None]:
    """Close the shared browser at the end."""
    try:
        yield
    finally:
        Browser.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
