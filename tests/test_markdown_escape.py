"""The Markdown escaping is held to real renderers: cmark-gfm (GitHub's CommonMark with its extensions) and
markdown-it-py (CommonMark), never to string inspection. Whatever the text, escaped and put where the brief's
templates put values (a paragraph, a list item, a heading, a quote), it renders as exactly one text run showing
the text as written."""

from __future__ import annotations

import html
import re
import string

import cmarkgfm
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from claimcheck.render.templates import md_escape

#: Where the templates put a value: (Markdown around it, the element holding it once rendered).
PLACES = {
    "paragraph": ("{}\n", "p"),
    "list item": ("- {} [1]\n", "li"),
    "heading": ("### 1. {}\n", "h3"),
    "quote": ("  > “{}” [1]\n", "blockquote"),
    "after text": ("Intro words {} end.\n", "p"),
}

#: Pieces of every construct CommonMark and GFM read, to assemble texts from.
PIECES = [
    "\n", "\r", "\r\n", "\n\n", "    ", "\t", "  \n", "\\\n", "=", "===", "-", "---", "- ", "+ ", "* ", "> ", "#", "# ",
    "1.", "1)", "2. ", "10) ", "~", "~~", "~~~", "`", "```", "*", "**", "_", "__", "[", "]", "(", ")", "[x]: ", "![",
    "<", ">", "</div>", "<div>", "<!--", "&", "&amp;", "&#x41;", "&copy;", "|", "| a | b |", "|---|", ":", "http://",
    "https://evil.example/p", "www.", "www.evil.example", "ftp://x.example", "evil@evil.example", "mailto:", "$", "$x$",
    "^", "{", "}", "\\", "!", "[ ] ", "[x] ", "word", "Word", " ", "2020", ".", "'", '"',
]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join) | st.text(alphabet=string.printable, max_size=40)
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_MD = MarkdownIt("commonmark")


def _shown(value: str) -> str:
    """The text a reader should see: the value as written, its white space runs one space."""
    return " ".join(value.split())


def _only_text(rendered: str, element: str) -> str | None:
    """The text inside the single ``element`` of ``rendered`` when that element holds nothing but text, else ``None``."""
    rendered = rendered.strip()
    if element == "li":
        m = re.fullmatch(r"<ul>\s*<li>(.*)</li>\s*</ul>", rendered, re.DOTALL)
    elif element == "blockquote":
        m = re.fullmatch(r"<blockquote>\s*<p>(.*)</p>\s*</blockquote>", rendered, re.DOTALL)
    else:
        m = re.fullmatch(rf"<{element}>(.*)</{element}>", rendered, re.DOTALL)
    if m is None or "<" in m.group(1):
        return None
    return html.unescape(m.group(1)).replace("@\u2060", "@")


@SETTINGS
@pytest.mark.parametrize("place", list(PLACES))
@given(value=texts)
def test_escaped_text_renders_as_written_in_cmark_gfm(place: str, value: str) -> None:
    """cmark-gfm (tables, strikethrough, autolinks, tag filter, task lists) makes nothing of an escaped value but its text."""
    around, element = PLACES[place]
    if not value.split():
        return
    rendered = cmarkgfm.github_flavored_markdown_to_html(around.format(md_escape(value)))
    text = _only_text(rendered, element)
    assert text is not None, rendered
    assert _shown(value) in _shown(text), (text, value)


@SETTINGS
@pytest.mark.parametrize("place", list(PLACES))
@given(value=texts)
def test_escaped_text_renders_as_written_in_commonmark(place: str, value: str) -> None:
    """markdown-it-py's CommonMark makes nothing of an escaped value but its text."""
    around, element = PLACES[place]
    if not value.split():
        return
    rendered = _MD.render(around.format(md_escape(value)))
    text = _only_text(rendered, element)
    assert text is not None, rendered
    assert _shown(value) in _shown(text), (text, value)


@pytest.mark.parametrize(
    "payload",
    ["Intro words\n===", "---", "Intro words\n\n    indented code", "the ~~struck~~ words", "see www.evil.example now", "see https://evil.example/p",
     "write to evil@evil.example now", "[x]: http://evil.example/", "Intro words\n1) first", "&lt;b&gt; &amp;amp; &#x41; &copy;",
     "Intro words\r===\r- item", "line one  \nline two", "a $x$ b", "| a | b |\n|---|---|"],
)  # fmt: skip
def test_the_reported_payloads_stay_text(payload: str) -> None:
    """Each payload the hostile suite found read as markup renders as one paragraph of its own text."""
    rendered = cmarkgfm.github_flavored_markdown_to_html(md_escape(payload))
    assert _only_text(rendered, "p") == _shown(payload)
