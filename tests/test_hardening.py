"""Hardening (issue 8): hostile content stays inert in every output, hostile files and values over the limits are
refused with located problems, and the documented limits are the enforced ones.

The helpers here (the payload corpus, the page scanner, the export checks) are shared by the other
``test_hardening_*`` modules: the schema-driven fuzzing, the interrupted builds and the browser test.
"""

from __future__ import annotations

import contextlib
import copy
import csv
import json
import os
import re
import sqlite3
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from click.testing import CliRunner
from markdown_it import MarkdownIt

import claimcheck
from claimcheck.cli import main
from claimcheck.core import limits
from claimcheck.core.problems import CATALOGUE, Problem
from claimcheck.interop import export, exporters, read_import
from claimcheck.interop.csv_format import DANGEROUS, unescape_cell
from claimcheck.interop.tables import TABLES, corpus_tables
from claimcheck.load.filecache import cache_dir
from claimcheck.load.schemas import load_schemas, validator
from claimcheck.render.brief import build_context, render_brief
from claimcheck.render.site import build_site

REPO = Path(__file__).resolve().parents[1]

# ---- the payloads ---------------------------------------------------------------------------------
#: Strings that set ``window.PWNED`` or the page title if any output ever lets them run, one per line field.
PAYLOADS = (
    "<script>window.PWNED=1</script>",
    "<img src=x onerror=\"document.title='PWNED'\">",
    '<svg onload="window.PWNED=1"></svg>',
    '"><script>window.PWNED=1</script>',
    "'><img src=x onerror=window.PWNED=1>",
    "</script><script>window.PWNED=1</script><!--",
    "<!--<script>window.PWNED=1</script>-->",
    "javascript:window.PWNED=1",
    "data:text/html,<script>window.PWNED=1</script>",
    '<a href="javascript:window.PWNED=1">click</a>',
    "[click](javascript:window.PWNED=1)",
    '<iframe srcdoc="<script>parent.PWNED=1</script>"></iframe>',
    "{{ 7*7 }} {% raw %} ${7*7}",
    '=HYPERLINK("https://evil.invalid/?PWNED","click")',
    "+PWNED",
    "-PWNED",
    "@PWNED",
)
#: Payloads with characters a single-line field refuses: for free-text fields only.
TEXT_PAYLOADS = (*PAYLOADS, "\tPWNED tab", "\rPWNED carriage return", "line\u2028separator\u2029PWNED")
#: URLs that pass the schema (http(s), no white space) yet must never become a link or break an attribute.
URL_PAYLOADS = ('https://example.org/"><script>window.PWNED=1</script>', "https://example.org/'onmouseover='window.PWNED=1")
#: URLs the schema refuses wherever a URL is expected.
BAD_URLS = (
    "javascript:window.PWNED=1",
    "JaVaScRiPt:window.PWNED=1",
    "data:text/html,<script>window.PWNED=1</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.invalid/x",
    " https://example.org/leading-space",
    "https://example.org/a b",
    "https://example.org/trailing-newline\n",
)


def _text(i: int) -> str:
    return TEXT_PAYLOADS[i % len(TEXT_PAYLOADS)]


def _line(i: int) -> str:
    return PAYLOADS[i % len(PAYLOADS)]


def payload_records(*, link_url: str = "https://example.org/story?a=1&b=2") -> tuple[dict[str, Any], dict[str, Any]]:
    """A schema-valid corpus (records, config) whose every displayed field holds a payload."""
    config = {
        "title": "Desk <script>window.PWNED=1</script>",
        "description": _text(1),
        "default_scale": "verdicts",
        "rating_scales": [
            {
                "id": "verdicts",
                "name": _line(2),
                "values": [
                    {
                        "id": "false",
                        "label": _line(3),
                        "rating": 1,
                        "status": "contradicted",
                        "fever": "REFUTES",
                        "averitec": "Refuted",
                        "description": _text(4),
                    },
                    {"id": "true", "label": _line(5), "rating": 5, "status": "supported", "fever": "SUPPORTS", "averitec": "Supported"},
                ],
            }
        ],
    }
    sources = [
        {
            "id": "accuser",
            "name": f"{_line(1)} Accuser",
            "short_name": _line(6),
            "kind": "person",
            "description": _text(7),
            "url": URL_PAYLOADS[0],
            "aliases": list(PAYLOADS),
            "interests": [{"description": _text(8), "subjects": ["accused"], "topics": ["safety"]}],
            "note": _text(9),
        },
        {"id": "accused", "name": "Ev\u202eil Corp\u200b", "kind": "company", "url": "https://example.org/accused", "note": _text(10)},
        {"id": "outlet", "name": "javascript:window.PWNED=1", "kind": "news-outlet", "url": URL_PAYLOADS[1]},
        {"id": "insiders", "name": _line(11), "kind": "unnamed-group", "description": _text(12)},
    ]
    documents = [
        {
            "id": "story",
            "title": _line(13),
            "kind": "article",
            "publisher": "outlet",
            "authors": ["accuser"],
            "date": "2020-05-10",
            "url": link_url,
            "archive_url": URL_PAYLOADS[0],
            "retrieved": "2020-06-01",
            "language": "en",
            "note": _text(14),
            "external": {"publisher": _line(15), "title": _line(16), "date": "2020", "url": "https://example.org/external"},
        },
        {"id": "reply", "title": _line(0), "kind": "statement", "publisher": "accused", "date": "2020-05", "seen": False},
    ]
    claims = [
        {
            "id": "allegation",
            "text": f"The bridge is unsafe {_text(0)} {_text(2)}",
            "speaker": "accuser",
            "kind": "allegation",
            "date": "2020-05-03",
            "date_note": _text(17),
            "topics": ["safety"],
            "subjects": ["accused"],
            "tags": ["xss"],
            "appearances": [
                {
                    "document": "story",
                    "quote": _text(18),
                    "locator": _line(8),
                    "chain": [{"source": "accuser", "mode": "direct-quote"}, {"source": "insiders", "mode": "unnamed-source"}],
                },
            ],
            "context": [_text(19), _text(3)],
            "note": TEXT_PAYLOADS[17],
            "external": {"publisher": _line(9), "title": _line(10), "date": "2020-05", "url": "https://example.org/ext"},
        },
        {
            "id": "denial",
            "text": _text(5),
            "speaker": "accused",
            "kind": "denial",
            "date": "2020-05-04/2020-05-09",
            "subjects": ["accused"],
            "topics": ["safety"],
            "appearances": [
                {"document": "story", "quote": _text(6), "chain": [{"source": "accused", "mode": "cites-document", "document": "reply"}]}
            ],
        },
        {
            "id": "part",
            "text": _text(11),
            "speaker": "accuser",
            "kind": "assertion",
            "parent": "allegation",
            "status": "draft",
            "appearances": [{"document": "story", "quote": _text(12)}],
        },
    ]
    relations = [
        {"id": "denies", "type": "denies", "target": "allegation", "by": "denial", "note": _text(13)},
        {
            "id": "evidence",
            "type": "supports",
            "target": "allegation",
            "evidence": {"document": "story", "quote": _text(14), "locator": _line(12)},
            "note": _text(15),
        },
        {"id": "context", "type": "context", "target": "denial", "by": "allegation"},
    ]
    comments = [
        {
            "id": "asked",
            "subject": "accused",
            "claims": ["allegation"],
            "outcome": "declined",
            "asked": "2020-05-04",
            "date": "2020-05-05",
            "note": _text(16),
        }
    ]
    reviews = [
        {
            "id": "review",
            "claim": "allegation",
            "scale": "verdicts",
            "verdict": "false",
            "rationale": _text(17),
            "reviewer": _line(7),
            "date": "2020-06-01",
            "url": "https://example.org/review",
            "corrections": [{"date": "2020-06-02", "note": _text(18)}],
        }
    ]
    records = {
        "sources": sources,
        "documents": documents,
        "claims": claims,
        "relations": relations,
        "comments": comments,
        "reviews": reviews,
    }
    return records, config


def dump(data: Any) -> str:
    """YAML from libyaml's emitter, every string kept as written."""
    return yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=1_000_000)


def write_payload_corpus(folder: Path) -> Path:
    """Write the payload corpus under ``folder``; return its root."""
    records, config = payload_records()
    root = folder / "claims"
    root.mkdir(parents=True)
    (root / "claimcheck.yaml").write_text(dump(config), encoding="utf-8")
    (root / "payloads.yaml").write_text(dump(records), encoding="utf-8")
    return root


def load_payloads(folder: Path) -> claimcheck.Corpus:
    """The payload corpus, loaded: no errors (the payloads are valid data), only the invisible-characters warnings."""
    corpus = claimcheck.load(write_payload_corpus(folder))
    assert corpus.ok, [p.format() for p in corpus.problems]
    assert {p.code for p in corpus.problems} == {"invisible-characters"}
    return corpus


# ---- checking what was written --------------------------------------------------------------------
_STRIP = re.compile(r"[\t\n\r]")


def scheme(url: str) -> str:
    """The scheme a browser would see: tabs and newlines removed, leading controls and spaces stripped (WHATWG URL)."""
    return urlsplit(_STRIP.sub("", url).lstrip("".join(map(chr, range(33))))).scheme.lower()


class PageScan(HTMLParser):
    """One page's structure: every element and attribute, its JSON-LD blocks, its text, and what is wrong."""

    FORBIDDEN = frozenset({"iframe", "frame", "object", "embed", "base", "img", "style", "applet", "meta-refresh"})

    def __init__(self, allow: frozenset[str] = frozenset()) -> None:
        super().__init__(convert_charrefs=True)
        self.forbidden = self.FORBIDDEN - allow
        self.problems: list[str] = []
        self.jsonld: list[str] = []
        self.links: list[str] = []
        self.text: list[str] = []
        self._script: list[str] | None = None
        self.opened = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Record the element; flag handlers, inline styles, forbidden elements, scripts and links that are not ours."""
        a = {k: v or "" for k, v in attrs}
        name = "meta-refresh" if tag == "meta" and a.get("http-equiv", "").lower() == "refresh" else tag
        if name in self.forbidden:
            self.problems.append(f"<{tag}> element")
        for key in a:
            if key.startswith("on") or key in {"style", "srcdoc", "formaction"}:
                self.problems.append(f"<{tag} {key}=...> attribute")
        if tag == "script":
            self.opened += 1
            if a.get("type") == "application/ld+json" and "src" not in a:
                self._script = []
            elif set(a) != {"src"} or scheme(a["src"]) or a["src"].startswith("/"):
                self.problems.append(f"<script {a}>: only our own relative scripts may load")
        for key in ("href", "src", "xlink:href", "action", "poster", "data"):
            if key in a:
                target = a[key]
                self.links.append(target)
                icon = tag == "link" and a.get("rel") == "icon" and target == "data:,"
                if scheme(target) not in ("", "http", "https") and not icon:
                    self.problems.append(f"<{tag} {key}={target!r}>: not a relative or http(s) link")

    def handle_endtag(self, tag: str) -> None:
        """Close a JSON-LD block."""
        if tag == "script" and self._script is not None:
            self.jsonld.append("".join(self._script))
            self._script = None

    def handle_data(self, data: str) -> None:
        """Collect the text (a JSON-LD block's raw text apart)."""
        if self._script is not None:
            self._script.append(data)
        else:
            self.text.append(data)


def scan(page: str, allow: frozenset[str] = frozenset()) -> PageScan:
    """Scan a page (``allow``: elements to let through), checking that every JSON-LD block parses and cannot close its script early."""
    parser = PageScan(allow)
    parser.feed(page)
    parser.close()
    for block in parser.jsonld:
        json.loads(block)
        if re.search(r"[<>&]", block):
            parser.problems.append("a raw <, > or & inside JSON-LD")
    if page.count("</script>") != parser.opened:
        parser.problems.append(f"{page.count('</script>')} </script> for {parser.opened} <script>")
    return parser


def check_site(out: Path) -> str:
    """Every page of the site at ``out`` is inert (see :class:`PageScan`) and each file of the search index is one safe call;
    returns the text of every page, for checking that the payloads are shown."""
    texts = []
    pages = sorted(out.rglob("*.html"))
    assert pages
    for page in pages:
        html_text = page.read_text(encoding="utf-8")
        parsed = scan(html_text)
        assert parsed.problems == [], (page.relative_to(out).as_posix(), parsed.problems)
        assert "Content-Security-Policy" in html_text
        if page.parent.name == "claims":
            assert len(parsed.jsonld) == 1, page
        texts.append("".join(parsed.text))
    scripts = sorted((out / "search").rglob("*.js"))
    assert scripts
    for script in scripts:  # each file of the search index is one call handing its data over, nothing else
        index = script.read_text(encoding="utf-8")
        m = re.fullmatch(r'CLAIMCHECK_SEARCH\.add\("([a-z]:?[^"\\<>&]*|manifest)",(.*)\);\n', index, re.S)
        assert m, script
        assert not re.search(r"[<>&\u2028\u2029]", m[2]), script
        json.loads(m[2])
    return "\n".join(texts)


def check_brief(corpus: claimcheck.Corpus) -> dict[str, str]:
    """The brief in every format: the HTML inert, the Markdown with no markup or link from the data."""
    context = build_context(corpus)
    out = {fmt: render_brief(context, fmt) for fmt in ("md", "html", "txt")}
    parsed = scan(out["html"], allow=frozenset({"style"}))  # the brief's own stylesheet: a brief has no CSP to keep
    assert parsed.problems == []
    assert parsed.opened == 0
    md = out["md"]
    targets = re.findall(r"(?<!\\)\]\(<([^>]*)>\)", md)  # the template's links: [text](<url>)
    assert all(scheme(t) in ("http", "https") for t in targets), targets
    assert not re.findall(r"(?<!\\)\]\((?!<)", md), "a link made from the data"
    assert not re.search(r"(?<!\\)<(?!https?://)[a-zA-Z!/]", md), "raw markup in the Markdown brief"
    return out


@contextlib.contextmanager
def opened(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to an SQLite file, always closed."""
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        yield con
    finally:
        con.close()


def check_exports(corpus: claimcheck.Corpus, folder: Path) -> dict[str, Path]:
    """Run every export into ``folder`` and check each is well formed: JSON that parses (in the file schema's shape),
    CSV that parses to one row per table row with no cell a spreadsheet would run, an SQLite file that opens and
    passes its integrity check, ClaimReview JSON-LD, FEVER JSON Lines and an AVeriTeC list of the counts reported."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for fmt in exporters():
        result = export(corpus, fmt, folder / f"out-{fmt}", base_url="https://example.org/checks/")
        assert all(p.code in CATALOGUE for p in result.problems)
        path = paths[fmt] = result.path
        if fmt == "json":
            data = json.loads(path.read_text(encoding="utf-8"))
            assert validator("file.schema.json").is_valid(data)
            assert sum(len(v) for v in data.values()) == result.count
        elif fmt == "csv":
            tables = corpus_tables(corpus)
            for name, columns in TABLES.items():
                with open(path / f"{name}.csv", encoding="utf-8", newline="") as fh:
                    rows = list(csv.reader(fh))
                assert rows[0] == list(columns), name
                assert len(rows) - 1 == len(tables[name]), name
                assert not [c for row in rows for c in row if c.startswith(DANGEROUS)], name
        elif fmt == "sqlite":
            with opened(path) as con:
                assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
                assert con.execute("SELECT count(*) FROM claims").fetchone() == (len(corpus.claims),)
                assert con.execute("SELECT count(*) FROM sources").fetchone() == (len(corpus.sources),)
        elif fmt == "claimreview":
            graph = json.loads(path.read_text(encoding="utf-8"))["@graph"]
            assert len(graph) == result.count
            assert all({"url", "claimReviewed", "reviewRating", "author"} <= set(item) for item in graph)
        elif fmt in ("fever", "fever-predictions"):
            lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            assert len(lines) == result.count
        elif fmt == "parquet":
            import pyarrow.parquet as pq

            tables = corpus_tables(corpus)
            for name, columns in TABLES.items():
                table = pq.read_table(path / f"{name}.parquet")
                assert tuple(table.column_names) == columns, name
                assert table.num_rows == len(tables[name]), name
        elif fmt == "annotations":
            assert json.loads(path.read_text(encoding="utf-8"))["total"] == result.count
        elif fmt == "prov":
            assert len(json.loads(path.read_text(encoding="utf-8"))["@graph"]) == result.count
        elif fmt == "prov-turtle":
            import rdflib

            graph = rdflib.Graph().parse(data=path.read_text(encoding="utf-8"), format="turtle")
            # the count is of the nodes with an IRI (qualified quotations are blank nodes of their own)
            assert len({s for s in graph.subjects() if isinstance(s, rdflib.URIRef)}) == result.count
        elif fmt == "argdown":
            text = path.read_text(encoding="utf-8")
            # one statement line a claim, each starting with its id in brackets: nothing in the data broke a line
            assert sum(1 for line in text.splitlines() if line.startswith("[")) == result.count
        elif fmt == "aif":
            assert len(json.loads(path.read_text(encoding="utf-8"))["nodes"]) == result.count
        else:
            assert len(json.loads(path.read_text(encoding="utf-8"))) == result.count
    return paths


def located(problems: tuple[Problem, ...] | list[Problem], code: str) -> list[tuple[str, int | None, int | None, str]]:
    """(file name, line, column, pointer) of each problem with ``code``."""
    return [(Path(p.file or "").name, p.line, p.column, p.pointer) for p in problems if p.code == code]


# ---- hostile content: the site, the brief, the exports ---------------------------------------------
@pytest.fixture(scope="module")
def payload_corpus(tmp_path_factory: pytest.TempPathFactory) -> claimcheck.Corpus:
    """The payload corpus, loaded once for the module."""
    return load_payloads(tmp_path_factory.mktemp("payloads"))


def test_payloads_in_every_field_stay_text_on_every_page(payload_corpus: claimcheck.Corpus, tmp_path: Path) -> None:
    """Built with drafts, no page holds an element, handler, script or link made from the data, and the payloads are shown as text."""
    out = tmp_path / "site"
    build_site(payload_corpus, out, include_drafts=True)
    text = check_site(out)
    for payload in PAYLOADS:
        assert payload in text, payload
    assert "Desk <script>window.PWNED=1</script>" in text  # the config's title, in every page's header


def test_urls_in_text_fields_and_odd_http_urls_never_become_links(payload_corpus: claimcheck.Corpus, tmp_path: Path) -> None:
    """An http(s) URL holding quotes or brackets is shown as text; a javascript: name is text; a plain https URL is a link."""
    out = tmp_path / "site"
    build_site(payload_corpus, out)
    links = [link for page in out.rglob("*.html") for link in scan(page.read_text(encoding="utf-8")).links]
    assert "https://example.org/story?a=1&b=2" in links
    assert not [link for link in links if "PWNED" in link or 'example.org/"' in link]
    assert URL_PAYLOADS[0] in "".join(scan((out / "documents/story.html").read_text(encoding="utf-8")).text)
    assert URL_PAYLOADS[1] in "".join(scan((out / "sources/outlet.html").read_text(encoding="utf-8")).text)


@pytest.mark.parametrize("bad", BAD_URLS, ids=lambda u: re.sub(r"\W+", "-", u)[:24])
def test_the_schema_refuses_every_url_that_is_not_http(tmp_path: Path, bad: str) -> None:
    """Each URL field refuses javascript:, data:, file:, scheme-relative and padded URLs with a located schema problem."""
    records, _ = payload_records()
    records["sources"][1]["url"] = bad
    records["documents"][0]["url"] = bad
    records["documents"][0]["archive_url"] = bad
    records["documents"][0]["external"]["url"] = bad
    records["claims"][0]["external"]["url"] = bad
    records["reviews"][0]["url"] = bad
    root = tmp_path / "claims"
    root.mkdir()
    (root / "x.yaml").write_text(dump(records), encoding="utf-8")
    found = {
        pointer for name, line, column, pointer in located(claimcheck.load(root).problems, "schema") if line and column and name == "x.yaml"
    }
    assert found == {
        "/sources/1/url",
        "/documents/0/url",
        "/documents/0/archive_url",
        "/documents/0/external/url",
        "/claims/0/external/url",
        "/reviews/0/url",
    }


def test_brief_keeps_payloads_inert_in_every_format(payload_corpus: claimcheck.Corpus) -> None:
    """The HTML brief has no markup, handler or link from the data, the Markdown escapes it, and the text brief keeps it verbatim."""
    out = check_brief(payload_corpus)
    assert "](<https://example.org/story?a=1&b=2>)" in out["md"]  # the one http(s) document URL is the one link
    assert "<script>window.PWNED=1</script>" in out["txt"]
    assert "\\<script\\>window.PWNED\\=1\\</script\\>" in out["md"]  # "=" too: a line of them would underline a heading
    rendered = MarkdownIt("commonmark").render(out["md"])
    assert "<script" not in rendered
    assert "&lt;script&gt;window.PWNED=1&lt;/script&gt;" in rendered
    assert "&lt;script&gt;window.PWNED=1&lt;/script&gt;" in out["html"]


def test_exports_stay_well_formed_and_keep_payloads_exactly(payload_corpus: claimcheck.Corpus, tmp_path: Path) -> None:
    """Every export parses; CSV formula prefixes are neutralised and undone on import; ClaimReview and SQLite keep each payload byte for byte."""
    paths = check_exports(payload_corpus, tmp_path / "out")
    with open(paths["csv"] / "source_aliases.csv", encoding="utf-8", newline="") as fh:
        aliases = [row[2] for row in csv.reader(fh)][1:]
    assert [unescape_cell(a) for a in aliases] == list(PAYLOADS)
    assert aliases[4] == "''><img src=x onerror=window.PWNED=1>"  # a leading quote is doubled, so that the rule can be undone
    with open(paths["csv"] / "claims.csv", encoding="utf-8", newline="") as fh:
        notes = {row[0]: row[TABLES["claims"].index("note")] for row in csv.reader(fh)}
    assert notes["allegation"] == "'\tPWNED tab"  # a leading tab is neutralised with a quote
    back = read_import([paths["csv"]], "csv")
    assert back.ok
    assert {r["id"]: r for r in back.records["claims"]}["allegation"]["note"] == "\tPWNED tab"
    graph = json.loads(paths["claimreview"].read_text(encoding="utf-8"))["@graph"]
    assert graph[0]["reviewBody"] == _text(17)
    assert graph[0]["author"]["name"] == _line(7)
    with opened(paths["sqlite"]) as con:
        hits = con.execute("SELECT ref FROM quotes_fts WHERE quotes_fts MATCH '\"PWNED\"' ORDER BY ref").fetchall()
        name = con.execute("SELECT name FROM sources WHERE id = 'accused'").fetchone()
    assert hits
    assert name == ("Ev\u202eil Corp\u200b",)


# ---- hostile ids and values over the limits --------------------------------------------------------
@pytest.mark.parametrize(
    ("rid", "code"),
    [
        ("../../x", "schema"),
        ("..", "schema"),
        ("a/b", "schema"),
        ("a\\b", "schema"),
        ("/etc/passwd", "schema"),
        ("x\n", "schema"),
        ("CON", "schema"),
        ("con", "reserved-id"),
        ("nul", "reserved-id"),
        ("aux", "reserved-id"),
        ("prn", "reserved-id"),
        ("com1", "reserved-id"),
        ("lpt9", "reserved-id"),
        ("\uff53mic", "schema"),
    ],
    ids=repr,
)
def test_ids_that_could_name_a_path_or_device_are_refused_where_written(tmp_path: Path, rid: str, code: str) -> None:
    """An id that is a path, a device name or not a slug is an error located at the id; the build then writes nothing."""
    root = tmp_path / "claims"
    root.mkdir()
    (root / "x.yaml").write_text(dump({"sources": [{"id": rid, "name": "N", "kind": "company"}]}), encoding="utf-8")
    corpus = claimcheck.load(root)
    assert located(corpus.problems, code) == [("x.yaml", 2, 7, "/sources/0/id")]  # "- id: <here>"
    result = CliRunner().invoke(main, ["build", str(root), "-o", str(tmp_path / "site")], catch_exceptions=False)
    assert result.exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims"]


def _over(definition: str) -> int:
    return int(load_schemas()["defs.schema.json"]["$defs"][definition]["maxLength"])


LENGTHS = [
    pytest.param("sources", {"id": "s", "name": "N", "kind": "company", "description": "d" * limits.MAX_TEXT}, "description", id="text"),
    pytest.param("sources", {"id": "s", "name": "n" * _over("line"), "kind": "company"}, "name", id="line"),
    pytest.param("sources", {"id": "s" * _over("id"), "name": "N", "kind": "company"}, "id", id="id"),
    pytest.param(
        "sources", {"id": "s", "name": "N", "kind": "company", "url": "https://x.org/" + "u" * (_over("url") - 14)}, "url", id="url"
    ),
    pytest.param(
        "documents",
        {"id": "d", "title": "T", "kind": "article", "fulltext": {"sha256": "a" * 64, "file": "f" * 255}},
        "fulltext/file",
        id="file",
    ),
]


@pytest.mark.parametrize(("section", "record", "field"), LENGTHS)
def test_strings_at_the_schema_limit_load_and_one_more_is_located(tmp_path: Path, section: str, record: dict[str, Any], field: str) -> None:
    """A string of exactly the schema's maxLength loads; one character more is a schema error at the field's line and column."""
    record = copy.deepcopy(record)
    root = tmp_path / "claims"
    root.mkdir()
    (root / "x.yaml").write_text(dump({section: [record]}), encoding="utf-8")
    at_limit = claimcheck.load(root, check_quotes_=False)
    assert located(at_limit.problems, "schema") == []
    assert len(getattr(at_limit, section)) == 1
    keys = field.split("/")
    holder = record
    for key in keys[:-1]:
        holder = holder[key]
    holder[keys[-1]] = holder[keys[-1]] + "x"
    (root / "x.yaml").write_text(dump({section: [record]}), encoding="utf-8")
    over = claimcheck.load(root, check_quotes_=False)
    [(name, line, column, ptr)] = located(over.problems, "schema")
    assert (name, ptr) == ("x.yaml", f"/{section}/0/{field}")
    assert line is not None
    assert column is not None
    assert "expected at most" in next(p.message for p in over.problems if p.code == "schema")
    assert getattr(over, section) == {}


def test_limits_are_refused_with_clear_messages_through_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Over the size limit a file is never read at all; over the record limit it is refused at 1:1; too deep it is refused where it passes the limit."""
    root = tmp_path / "claims"
    root.mkdir()
    (root / "big.yaml").write_text("sources: []\n" + "#" * 300 + "\n", encoding="utf-8")
    (root / "many.yaml").write_text(
        "sources:\n" + "".join(f"  - {{id: s{i}, name: S, kind: company}}\n" for i in range(4)), encoding="utf-8"
    )
    (root / "deep.json").write_text('{"sources": ' + "[" * (limits.MAX_DEPTH + 1) + "]" * (limits.MAX_DEPTH + 1) + "}", encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 200)
    monkeypatch.setattr(limits, "MAX_RECORDS_PER_FILE", 3)
    monkeypatch.setenv("CLAIMCHECK_CACHE", "off")
    read: list[str] = []
    real = Path.read_bytes

    def spy(self: Path) -> bytes:
        read.append(self.name)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    monkeypatch.setattr(Path, "read_text", lambda self, *a, **k: spy(self).decode(k.get("encoding") or "utf-8"))
    result = CliRunner().invoke(main, ["validate", str(root), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 1
    assert "big.yaml" not in read
    found = {(Path(p["file"]).name, p["line"], p["column"], p["code"]): p["message"] for p in json.loads(result.stdout)["problems"]}
    assert found == {
        ("big.yaml", None, None, "file-too-large"): "file is 313 bytes; the limit is 200",
        ("many.yaml", 1, 1, "too-many-records"): "the file holds 4 records; the limit is 3: split it",
        ("deep.json", 1, 12 + limits.MAX_DEPTH, "too-deep"): f"the JSON nests deeper than {limits.MAX_DEPTH} levels",
    }


@pytest.mark.parametrize("suffix", [".json", ".yaml"])
def test_a_number_python_will_not_convert_is_a_located_parse_error(tmp_path: Path, suffix: str) -> None:
    """A number of over 4,300 digits (Python refuses to convert it) is a parse error at the number, not a ValueError."""
    root = tmp_path / "claims"
    root.mkdir()
    text = '{"sources": [{"id": "a", "name": "A", "kind": "company", "note": ' + "9" * 5000 + "}]}"
    (root / f"x{suffix}").write_text(text, encoding="utf-8")
    corpus = claimcheck.load(root)
    assert located(corpus.problems, "parse-error") == [(f"x{suffix}", 1, text.index("9999") + 1, "")]
    assert "over 4,300 digits" in corpus.problems[0].message


HOSTILE_IMPORTS = {
    "deep.jsonl": ("fever", '{"claim": "x", "label": "SUPPORTS", "evidence": ' + "[" * 100_000 + "]" * 100_000 + "}\n", "import-skipped"),
    "long.jsonl": ("fever", '{"claim": "x", "label": "SUPPORTS", "id": ' + "9" * 5000 + "}\n", "import-skipped"),
    "long.jsonld": ("claimreview", '{"@type": "ClaimReview", "ratingValue": ' + "9" * 5000 + "}", "import-skipped"),
    "csv-long-cell/sources.csv": ("csv", "id,name,kind\na," + "x" * 200_000 + ",company\n", "io-error"),
    "csv-latin1/sources.csv": ("csv", "id,name,kind\na,caf\xe9,company\n", "io-error"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_IMPORTS))
def test_hostile_import_files_are_problems_and_nothing_is_written(tmp_path: Path, name: str) -> None:
    """Deep nesting, numbers Python will not convert, CSV cells over the csv module's limit and Latin-1 are problems, never exceptions;
    an unreadable table makes the import write nothing, and the config is never touched."""
    fmt, text, code = HOSTILE_IMPORTS[name]
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("latin-1" if "latin1" in name else "utf-8"))
    given = path.parent if fmt == "csv" else path
    assert code in {p.code for p in read_import([given], fmt).problems}
    root = tmp_path / "claims"
    root.mkdir()
    (root / "claimcheck.yaml").write_text("title: T\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(given), "--from", fmt, "-o", str(root / "new.yaml")], catch_exceptions=False)
    assert result.exit_code in (0, 1)  # a skipped line leaves an empty, valid import (0); an unreadable table is an error (1)
    if code == "io-error":
        assert sorted(p.name for p in root.iterdir()) == ["claimcheck.yaml"]
    assert (root / "claimcheck.yaml").read_text(encoding="utf-8") == "title: T\n"


def test_fever_lines_holding_unicode_line_separators_stay_whole(tmp_path: Path) -> None:
    """JSON Lines end at "\\n" alone: a claim holding NEL, LS or PS unescaped (valid JSON) is read whole, not split into broken lines."""
    path = tmp_path / "other-tool.jsonl"
    text = "Line\u2028separators\u2029in a claim\x85whole"
    path.write_text(json.dumps({"claim": text, "label": "SUPPORTS", "evidence": []}, ensure_ascii=False) + "\r\n", encoding="utf-8")
    result = read_import([path], "fever")
    # NEL is a C1 control character: refused in text like every other, replaced by a space with a warning
    assert [c["text"] for c in result.records["claims"]] == ["Line\u2028separators\u2029in a claim whole"]
    assert any("U+0085" in p.message for p in result.problems)
    assert "import-skipped" not in {p.code for p in result.problems}


def test_fast_and_rich_validators_agree_on_a_trailing_newline() -> None:
    """A slug or URL with a final newline is refused by both validators, with a message, rather than refused silently by one."""
    for record in (
        {"id": "smic\n", "name": "S", "kind": "company"},
        {"id": "s", "name": "S", "kind": "company", "url": "https://x.org/\n"},
    ):
        assert not validator("source.schema.json").is_valid(record)
        assert list(validator("source.schema.json").iter_errors(record))
        assert not validator("file.schema.json").is_valid({"sources": [record]})


# ---- the documentation ---------------------------------------------------------------------------
SECURITY = REPO / "docs" / "security.md"


def test_security_doc_states_the_enforced_limits() -> None:
    """docs/security.md's limits table gives the values in claimcheck/limits.py and the schemas' maxLengths."""
    text = SECURITY.read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| `([A-Za-z_./#$ -]+)` \| ([\d,]+) ", text, re.MULTILINE))
    defs = load_schemas()["defs.schema.json"]["$defs"]
    config = load_schemas()["config.schema.json"]["properties"]
    document = load_schemas()["document.schema.json"]["properties"]
    chain = load_schemas()["claim.schema.json"]["$defs"]["appearance"]["properties"]["chain"]
    expected = {
        "limits.MAX_FILE_BYTES": limits.MAX_FILE_BYTES,
        "limits.MAX_RECORDS_PER_FILE": limits.MAX_RECORDS_PER_FILE,
        "limits.MAX_DEPTH": limits.MAX_DEPTH,
        "limits.MAX_TEXT": limits.MAX_TEXT,
        "defs.text": defs["text"]["maxLength"],
        "defs.line": defs["line"]["maxLength"],
        "defs.id": defs["id"]["maxLength"],
        "defs.url": defs["url"]["maxLength"],
        "document.fulltext.file": document["fulltext"]["properties"]["file"]["maxLength"],
        "config.fulltext_paths": config["fulltext_paths"]["items"]["maxLength"],
        "claim.appearance.chain": chain["maxItems"],
    }
    assert {k: int(v.replace(",", "")) for k, v in rows.items()} == expected
    assert defs["text"]["maxLength"] == limits.MAX_TEXT
    assert "```sh\nrm -rf ~/.cache/claimcheck/parsed" in text  # how to clear the parse cache
    assert cache_dir() == Path(os.environ["CLAIMCHECK_CACHE"])  # the tests' own, not the one the command clears
