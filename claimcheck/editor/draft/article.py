"""An article as the drafting rules read it: its blocks (headline, standfirst, byline, paragraphs) with
their offsets in the full text, from a plain-text file or a web page.

Plain text: blocks are separated by blank lines (or, in a text with no blank line between its
paragraphs, are its lines); the first is the headline; the second is the
standfirst unless it begins with ``By `` (a byline), is the last block, or runs to more than
:data:`STANDFIRST_WORDS` words (then it is the first paragraph); a block that begins with ``By `` is the byline;
every later block is ``paragraph 1``, ``paragraph 2``… (subheadings and notes included, so locators
count as a reader does). A web page is reduced to the same shape with the standard library's
``html.parser``: the ``<h1>`` (or ``<title>``), a standfirst (an element whose class says so, or an
``<h2>`` before the first paragraph), a byline, and every ``<p>`` of the ``<article>`` (or of the
page); the text so extracted is what quotes are checked against.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import attrs

__all__ = ["Article", "Block", "from_html", "from_text"]

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")
#: The longest block read as a standfirst.
STANDFIRST_WORDS = 45
#: "CALDER LAKE, Ont. (NWS) — ": a dateline opening the first paragraph of wire copy.
DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+,(?: [A-Z][A-Za-z.]*)*(?: \([A-Za-z]+\))? ?[—–-]+ ")


@attrs.define(frozen=True, kw_only=True)
class Block:
    """One block of the article: where it is, what it is, its text (an exact slice of the full text)."""

    locator: str
    start: int
    text: str
    #: Characters at the start of the block that are not part of its sentences (a dateline).
    skip: int = 0

    @property
    def end(self) -> int:
        """The offset in the full text just after the block."""
        return self.start + len(self.text)


@attrs.define(frozen=True, kw_only=True)
class Article:
    """The article's full text and its blocks, with what the page itself says of it (title, date…)."""

    text: str
    blocks: tuple[Block, ...]
    byline: str | None = None
    meta: dict[str, str] = attrs.field(factory=dict)

    @property
    def headline(self) -> str | None:
        """The headline's text."""
        return next((b.text for b in self.blocks if b.locator == "headline"), None)


def from_text(text: str) -> Article:
    """The blocks of a plain-text article (see the module's docstring for the layout)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    spans = [(a, b) for a, b in spans if text[a:b].strip()]
    lines = [m.span() for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    if len(spans) <= 2 and len(lines) >= 4:
        spans = lines  # a text with no blank lines between its paragraphs: one paragraph a line
    blocks: list[Block] = []
    byline: str | None = None
    paragraph = 0
    for index, (start, end) in enumerate(spans):
        last = index == len(spans) - 1
        raw = text[start:end]
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if not body:
            continue
        start += lead
        if not blocks and byline is None:
            locator = "headline"
        elif body.startswith("By ") and byline is None and paragraph == 0:
            byline = body
            continue
        elif len(blocks) == 1 and byline is None and paragraph == 0 and not last and len(body.split()) <= STANDFIRST_WORDS:
            locator = "standfirst"
        else:
            paragraph += 1
            locator = f"paragraph {paragraph}"
        skip = 0
        if paragraph == 1 and locator == "paragraph 1":
            dateline = DATELINE.match(body)
            skip = dateline.end() if dateline else 0
        blocks.append(Block(locator=locator, start=start, text=body, skip=skip))
    return Article(text=text, blocks=tuple(blocks), byline=byline)


_SKIPPED = frozenset({"script", "style", "nav", "footer", "aside", "figure", "figcaption", "noscript", "template", "form", "button"})
_STANDFIRST = re.compile(r"standfirst|dek|subtitle|subhead|summary|lede|intro|strap|description", re.IGNORECASE)
_BYLINE = re.compile(r"byline|author", re.IGNORECASE)
_META = {
    "og:title": "title",
    "og:site_name": "publisher",
    "og:url": "url",
    "article:published_time": "date",
    "date": "date",
    "dc.date": "date",
    "author": "author",
}


class _Page(HTMLParser):
    """Collects the headline, standfirst, byline, paragraphs and metadata of a news page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.h1 = ""
        self.standfirst = ""
        self.byline = ""
        self.paragraphs: list[str] = []
        self.article_paragraphs: list[str] = []
        self.meta: dict[str, str] = {}
        self._skip = 0
        self._article = 0
        self._capture: list[str] | None = None
        self._role = ""
        self._tag_stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "html" and values.get("lang"):
            self.meta.setdefault("language", values["lang"].strip().split("-")[0].lower())
        if tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            if key in _META and values.get("content") and _META[key] not in self.meta:
                self.meta[_META[key]] = values["content"].strip()
            return
        if tag == "link" and values.get("rel", "").lower() == "canonical" and values.get("href"):
            self.meta.setdefault("url", values["href"].strip())
            return
        if tag == "time" and values.get("datetime"):
            self.meta.setdefault("date", values["datetime"].strip())
        if tag in _SKIPPED:
            self._skip += 1
        if tag == "article":
            self._article += 1
        if self._skip or self._capture is not None:
            return
        classes = values.get("class", "") + " " + values.get("id", "")
        if tag in {"title", "h1", "h2", "p"} or (tag in {"div", "span"} and (_STANDFIRST.search(classes) or _BYLINE.search(classes))):
            role = tag
            if _BYLINE.search(classes):
                role = "byline"
            elif _STANDFIRST.search(classes) and tag != "title":
                role = "standfirst"
            self._capture, self._role = [], role
            self._tag_stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED and self._skip:
            self._skip -= 1
        if tag == "article" and self._article:
            self._article -= 1
        if self._capture is None or not self._tag_stack or tag != self._tag_stack[-1]:
            return
        self._tag_stack.pop()
        text = " ".join("".join(self._capture).split())
        role, self._capture = self._role, None
        if not text:
            return
        if role == "title":
            self.title = self.title or text
        elif role == "h1":
            self.h1 = self.h1 or text
        elif role == "standfirst" or (role == "h2" and not self.paragraphs and not self.standfirst and self.h1):
            self.standfirst = self.standfirst or text
        elif role == "byline" or (role == "p" and text.startswith("By ") and not self.paragraphs and not self.byline):
            self.byline = self.byline or text
        elif role == "p":
            self.paragraphs.append(text)
            if self._article:
                self.article_paragraphs.append(text)

    def handle_data(self, data: str) -> None:
        if self._capture is not None and not self._skip:
            self._capture.append(data)


def from_html(html: str) -> Article:
    """The article of a web page: its text rebuilt as plain text (headline, standfirst, byline,
    paragraphs, blank lines between), which is what its quotes are checked against."""
    page = _Page()
    page.feed(html)
    page.close()
    headline = page.h1 or page.meta.get("title") or page.title
    paragraphs = page.article_paragraphs or page.paragraphs
    parts = [p for p in (headline, page.standfirst) if p]
    if page.byline:
        parts.append(page.byline)
    parts += paragraphs
    text = "\n\n".join(parts) + "\n"
    article = from_text(text)
    meta = dict(page.meta)
    meta.setdefault("title", headline)
    if not page.standfirst and len(article.blocks) > 1 and article.blocks[1].locator == "standfirst":
        # no standfirst on the page: the second block is the first paragraph
        blocks = [article.blocks[0]]
        for n, block in enumerate(article.blocks[1:], start=1):
            blocks.append(attrs.evolve(block, locator=f"paragraph {n}"))
        article = attrs.evolve(article, blocks=tuple(blocks))
    return attrs.evolve(article, meta={k: v for k, v in meta.items() if v})
