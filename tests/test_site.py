"""The static report site: pages, contents, safety, and the build's atomic, deterministic and incremental behaviour."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import textwrap
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner

import claimcheck
from claimcheck.cli import main
from claimcheck.core.errors import OutputError
from claimcheck.publish.urls import record_page
from claimcheck.render.site import MANIFEST, build_site
from claimcheck.render.site.lock import build_lock
from claimcheck.render.site.paths import inside

REPO = Path(__file__).resolve().parents[1]
SMIC = REPO / "claims"
CSP = "default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'"
UNQUOTED = "NEVER-QUOTED-PASSAGE"


# ---- helpers ----------------------------------------------------------------------------------
def files_of(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def text(root: Path, page: str) -> str:
    """A page's HTML."""
    return (root / page).read_text(encoding="utf-8")


def visible(page_html: str) -> str:
    """A page's text with tags removed, entities decoded and white space collapsed."""
    body = re.sub(r"<script.*?</script>", " ", page_html, flags=re.S)
    body = re.sub(
        r"</?(p|li|h[1-6]|div|section|article|dt|dd|br|blockquote|ol|ul|header|footer|nav|main|title|tspan|text)\b[^>]*>", " ", body
    )
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", body)).split())


def jsonld(page_html: str) -> Any:
    """The JSON-LD block of a page, parsed."""
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>', page_html, re.S)
    assert m, "no JSON-LD block"
    return json.loads(m[1])


class Links(HTMLParser):
    """Collects hrefs, srcs and ids of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        for key in ("href", "src"):
            if a.get(key):
                self.refs.append(a[key] or "")
        if a.get("id"):
            self.ids.add(a["id"] or "")


def parse(page_html: str) -> Links:
    """The links and ids of a page."""
    p = Links()
    p.feed(page_html)
    return p


SYNTHETIC = """\
sources:
  - id: alice
    name: Alice <script>alert('name')</script> Example
    kind: person
  - id: bob
    name: Bob & Co
    kind: company
  - id: newsroom
    name: The Newsroom
    kind: news-outlet
documents:
  - id: story
    title: Story with </script><!-- in its title
    kind: article
    publisher: newsroom
    date: "2020-05-10"
    url: https://example.org/story?a=1&b=2
    fulltext: {sha256: SHA, file: story.txt}
claims:
  - id: bridge-unsafe
    text: The bridge is unsafe </script><!-- "quoted" & <b>bold</b>.
    speaker: alice
    kind: allegation
    date: "2020-05-03"
    subjects: [bob]
    topics: [safety]
    appearances:
      - {document: story, quote: "Alice said the bridge is unsafe"}
  - id: bridge-safe
    text: The bridge is safe.
    speaker: bob
    kind: denial
    date: "2020-05"
    subjects: [bob]
    topics: [safety]
    appearances:
      - {document: story, quote: "Bob denied it"}
  - id: bridge-old
    text: The bridge is old.
    speaker: alice
    kind: assertion
    date: "2020-05-01/2020-05-09"
    topics: [age]
    appearances:
      - {document: story, quote: "The bridge is old"}
  - id: draft-claim
    text: DRAFT-ONLY-TEXT about the bridge.
    speaker: alice
    kind: assertion
    status: draft
    appearances:
      - {document: story, quote: "Alice said the bridge is unsafe"}
relations:
  - id: bob-denies
    type: denies
    target: bridge-unsafe
    by: bridge-safe
  - id: inspectors-support
    type: supports
    target: bridge-unsafe
    evidence: {document: story, quote: "Inspectors found cracks in the bridge"}
  - id: draft-supports
    type: supports
    target: bridge-unsafe
    by: draft-claim
reviews:
  - id: review-bridge
    claim: bridge-unsafe
    verdict: mostly-true
    rationale: Inspectors found cracks.
    reviewer: Example Desk
    date: "2020-06-01"
"""
FULLTEXT = f"The bridge is old. Alice said the bridge is unsafe. Bob denied it. A {UNQUOTED} nobody quotes. Inspectors found cracks in the bridge.\n"
CONFIG = """\
title: Bridge desk
fulltext_paths: ["../private"]
default_scale: five-point
rating_scales:
  - id: five-point
    name: Five-point truth scale
    values:
      - {id: "false", label: "False", rating: 1, status: contradicted}
      - {id: "mostly-false", label: "Mostly false", rating: 2, status: contradicted}
      - {id: "mixed", label: "Mixed", rating: 3, status: contested}
      - {id: "mostly-true", label: "Mostly true", rating: 4, status: supported}
      - {id: "true", label: "True", rating: 5, status: supported}
"""


def write_synthetic(folder: Path) -> Path:
    """Write the synthetic corpus (and its private full text) under ``folder``; return the corpus folder."""
    private = folder / "private"
    private.mkdir()
    (private / "story.txt").write_text(FULLTEXT, encoding="utf-8")
    root = folder / "claims"
    root.mkdir()
    (root / "claimcheck.yaml").write_text(CONFIG, encoding="utf-8")
    sha = hashlib.sha256(FULLTEXT.encode()).hexdigest()
    (root / "bridge.yaml").write_text(SYNTHETIC.replace("SHA", sha), encoding="utf-8")
    return root


@pytest.fixture
def synthetic(tmp_path: Path) -> claimcheck.Corpus:
    """A small corpus with a review, a draft, a private full text and hostile text in names and claims."""
    corpus = claimcheck.load(write_synthetic(tmp_path))
    assert corpus.ok, [p.format() for p in corpus.problems]
    assert corpus.fulltexts["story"] == FULLTEXT
    return corpus


# ---- pages -----------------------------------------------------------------------------------
def test_smic_site_has_every_page(smic_site: Path) -> None:
    """The SMIC site holds the index, the listings, the timeline and its parts, a map per dispute, the search and its index,
    and a page per claim, source and document."""
    corpus = claimcheck.load(SMIC)
    expected = {
        "index.html",
        "parties.html",
        "documents.html",
        "timeline.html",
        "timeline/2020-05.html",
        "map.html",
        "maps/dispute-1.html",
        "maps/related-1.html",
        "maps/related-2.html",
        "search.html",
        "search/manifest.js",
        "static/site.css",
        "static/search.js",
        "static/filter.js",
        MANIFEST,
    }
    expected |= {f"claims/{c}.html" for c in corpus.claims} | {f"sources/{s}.html" for s in corpus.sources}
    expected |= {f"documents/{d}.html" for d in corpus.documents}
    found = set(files_of(smic_site))
    assert expected - found == set()
    assert {f for f in found - expected if not re.fullmatch(r"search/(t/[a-z0-9_.-]+|d/\d+)\.js", f)} == set()


def test_index_lists_the_dispute_before_other_claims(smic_site: Path) -> None:
    """The index opens with the military-links dispute, both sides' parties and its balance, then the other claims by topic."""
    page = visible(text(smic_site, "index.html"))
    assert (
        page.index("Contested propositions")
        < page.index("Military links: SMIC and the Chinese government")
        < page.index("Other claims, by topic")
    )
    assert "Asserting side The Trump administration, The Commerce Department, The Pentagon, SOS International" in page
    assert "Responding side SMIC" in page
    assert "Partly answered" in page
    assert "No response from The Chinese government, whom it concerns" in page
    assert "What is asserted: Contested" in page
    assert page.index("Export controls") < page.index("Huawei restrictions") < page.index("US China tech conflict")
    # a reply is shown as a reply, never as "Unverified" beside the "Contested" it answers
    assert "SMIC said in a statement. By September 2020. Denial" in page


def test_claim_page_shows_the_full_attribution_chain(smic_site: Path) -> None:
    """The Pentagon claim's chain runs Pentagon → Wall Street Journal → the article, with each hop's mode in words."""
    page = text(smic_site, "claims/pentagon-military-links.html")
    chain = re.search(r'<ol class="chain">(.*?)</ol>', page, re.S)
    assert chain
    steps = [visible(li) for li in re.findall(r"<li>(.*?)</li>", chain[1], re.S)]
    assert steps == [
        "The Pentagon paraphrased by The Wall Street Journal",
        "The Wall Street Journal paraphrased by the document",
        "US imposes restrictions on technology sales to Chinese chip giant SMIC where the words appear",
    ]
    assert "SMIC has links with the Chinese military, the Pentagon alleged, according to The Wall Street Journal." in visible(page)


def test_claim_page_sets_evidence_side_by_side(smic_site: Path, synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """A claim with both supporting and opposing items shows them as two sections of one grid; a claim with only one side
    shows no empty box; each denial appears once on the page."""
    page = text(smic_site, "claims/pentagon-military-links.html")
    assert '<div class="evidence-grid">' not in page
    assert "Nothing recorded supports this claim." in visible(page)
    assert visible(page).count("Denial by SMIC") == 1
    assert page.count('href="../claims/smic-no-military-relationship.html"') == 1
    out = tmp_path / "site"
    build_site(synthetic, out)
    both = text(out, "claims/bridge-unsafe.html")
    grid = re.search(r'<div class="evidence-grid">(.*?)</div>\s*(<section|</section>)', both, re.S)
    assert grid
    support, against = re.split(r'<section class="against"', grid[1])
    assert "Support" in visible(support)
    assert "Contradicting or denying" in visible(against)
    css = (smic_site / "static/site.css").read_text(encoding="utf-8")
    wide = css[css.index("@media (min-width: 48rem)") :]
    assert re.search(r"\.evidence-grid[^{]*\{ grid-template-columns: 1fr 1fr; \}", wide[: wide.index("\n}")])


def test_claim_page_keeps_status_apart_from_verdict(smic_site: Path) -> None:
    """A claim page shows the evidence-derived status apart from the verdict, and the sourcing in plain words, not as a to-do."""
    page = visible(text(smic_site, "claims/pentagon-military-links.html"))
    assert "Status Contested" in page
    assert "No editor's verdict has been given on this claim." in page
    assert "Known only through The Wall Street Journal's report: no document of the Pentagon's own was seen." in page
    assert "Military links: SMIC and the Chinese government, on the asserting side" in page
    assert "Balance check" not in page


def test_partial_dates_keep_their_precision(smic_site: Path) -> None:
    """Claim pages and the timeline say "between 24 August and 27 September 2020", "by September 2020", "May 2020"."""
    assert "between 24 August and 27 September 2020" in visible(text(smic_site, "claims/commerce-letter-military-use-risk.html"))
    timeline = " ".join(visible(text(smic_site, p)) for p in files_of(smic_site) if p.startswith("timeline/"))
    for words in ("By September 2020", "May 2020", "Between 24 August and 27 September 2020", "September 2020", "July 2020"):
        assert words in timeline
    assert "2020-09-01" not in timeline


def test_timeline_is_in_date_order(smic_site: Path) -> None:
    """The timeline runs forwards: each entry is placed at its start, a "by" date at its end (never before May), in month
    groups; each claim page links to its own entry."""
    corpus = claimcheck.load(SMIC)
    page = text(smic_site, "timeline/2020-05.html")
    anchors = re.findall(r'<li id="(claim|document)-([a-z0-9-]+)"', page)
    dates = [(corpus.claims[i] if k == "claim" else corpus.documents[i]).date for k, i in anchors]
    assert len(anchors) == 21 + 5
    placed = [(d.end.latest if d.start is None else d.start.earliest) for d in dates if d is not None]
    assert placed == sorted(placed)
    groups = re.findall(r'<h2 id="month-(\d{4}-\d{2})-heading">', page)
    assert groups == sorted(groups) == ["2020-05", "2020-07", "2020-08", "2020-09"]
    september = visible(page[page.index('id="month-2020-09"') :])
    assert september.index("September 2020 claim") < september.index("By September 2020 claim")
    assert 'href="../timeline/2020-05.html#claim-pentagon-ban-review"' in text(smic_site, "claims/pentagon-ban-review.html")
    axis = visible(text(smic_site, "timeline.html"))
    assert "May 2020 (1)" in axis


def test_document_page_lists_quotes_in_document_order(smic_site: Path) -> None:
    """The article's page lists each quoted passage once per use, ordered by its offset in the full text."""
    corpus = claimcheck.load(SMIC)
    page = text(smic_site, "documents/smic-article.html")
    quotes = [html.unescape(q) for q in re.findall(r"<blockquote><p>(.*?)</p></blockquote>", page, re.S)]
    offsets = sorted((a.match[0], i) for i, a in enumerate(a for c in corpus.claims.values() for a in c.appearances) if a.match)
    ordered = [a for c in corpus.claims.values() for a in c.appearances]
    assert quotes == [" ".join(ordered[i].quote.split()) for _, i in offsets]
    assert "Only these passages are published, never the full text." in visible(page)


def test_source_page_shows_claims_by_and_about_and_replies(smic_site: Path) -> None:
    """SMIC's page lists its denials, what was claimed about it, and its declared interest."""
    page = visible(text(smic_site, "sources/smic.html"))
    assert "Denies: SMIC has links with the Chinese military, the Pentagon alleged" in page
    assert "What was claimed about Semiconductor Manufacturing International Corporation (SMIC)" in page
    assert "The accused party" in page
    assert "Also called SMIC" in page


def test_every_page_has_csp_lang_landmarks_and_relative_links(smic_site: Path) -> None:
    """Each page has the CSP, lang, a skip link to main, no inline style or script, and only relative links that resolve."""
    pages = {p: parse(text(smic_site, p)) for p in files_of(smic_site) if p.endswith(".html")}
    for path, links in pages.items():
        source = text(smic_site, path)
        assert f"content=\"{CSP}; base-uri 'none'; form-action 'none'\"" in source, path
        assert '<html lang="en">' in source
        assert '<a class="skip-link" href="#main">' in source
        assert '<main id="main"' in source
        assert not any("style" in a for _, a in links.tags), path
        assert not any(t == "script" and a.get("type") != "application/ld+json" and not a.get("src") for t, a in links.tags), path
        for ref in links.refs:
            if ref.startswith("https://") or ref == "data:,":  # outside links; the empty icon (no favicon request)
                continue
            assert not re.match(r"^[a-z]+:|^/", ref), (path, ref)
            target, _, fragment = ref.partition("#")
            resolved = os.path.normpath(os.path.join(os.path.dirname(path), target)) if target else path
            assert (smic_site / resolved).is_file(), (path, ref)
            if fragment and resolved.endswith(".html"):
                ids = pages[resolved].ids if resolved in pages else parse(text(smic_site, resolved)).ids
                assert fragment in ids, (path, ref)


def test_map_draws_every_claim_and_tells_support_from_opposition(smic_site: Path, synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """Each dispute has its map: inline SVG with a link per claim; support is solid green, opposition dashed red, both labelled;
    a text list follows; the overview lists every map."""
    corpus = claimcheck.load(SMIC)
    drawn: set[str] = set()
    for name in ("dispute-1", "related-1", "related-2"):
        svg = re.search(r"<svg xmlns.*?</svg>", text(smic_site, f"maps/{name}.html"), re.S)
        assert svg
        drawn |= set(re.findall(r'<a href="\.\./(claims/[a-z0-9-]+\.html)" class="map-node"', svg[0]))
    related = {c for r in corpus.relations.values() for c in (r.by, r.target) if c}
    assert drawn == {f"claims/{c}.html" for c in related}
    page = text(smic_site, "maps/dispute-1.html")
    assert 'stroke="#b42318" stroke-width="2" stroke-dasharray="9 5"' in page
    assert ">denies</text>" in page
    assert visible(page).count(" denies ") >= 5
    assert "Dispute: Military links: SMIC and the Chinese government" in visible(text(smic_site, "map.html"))
    out = tmp_path / "site"
    build_site(synthetic, out)
    bridge = " ".join(text(out, p) for p in files_of(out) if p.startswith("maps/"))
    assert re.search(r'stroke="#146c43" stroke-width="2" marker-end="url\(#map-arrow-supports\)"', bridge)
    assert ">supports</text>" in bridge
    assert 'href="../documents/story.html"' in bridge
    assert "&lt;/script&gt;" in bridge


def test_search_index_is_a_script_with_claims_sources_and_quotes(smic_site: Path) -> None:
    """The search index is scripts handing data to CLAIMCHECK_SEARCH: a manifest, postings by stem prefix and entry chunks;
    "armed forces" is in the SMIC denial's entry, whose page it names."""
    corpus = claimcheck.load(SMIC)
    manifest = text(smic_site, "search/manifest.js")
    assert manifest.startswith('CLAIMCHECK_SEARCH.add("manifest",')
    data = json.loads(manifest[len('CLAIMCHECK_SEARCH.add("manifest",') : -3])
    assert data["entries"] == len(corpus.claims) + len(corpus.sources) + len(corpus.documents)
    shard = text(smic_site, f"search/t/{data['shards']['ar']}.js")
    terms = json.loads(shard[shard.index(",") + 1 : -3])
    assert "arm" in terms  # "armed" stemmed
    chunks = [json.loads(text(smic_site, f"search/d/{n}.js").split(",", 1)[1][:-3]) for n in range(-(-data["entries"] // data["chunk"]))]
    rows = [r for chunk in chunks for r in chunk]
    url = data["fields"].index("url")
    assert any("armed forces" in r[data["fields"].index("excerpt")] and r[url] == "claims/smic-no-military-relationship.html" for r in rows)
    search = text(smic_site, "search.html")
    assert '<script src="static/search.js"></script>' in search
    js = text(smic_site, "static/search.js")
    assert "innerHTML" not in js
    assert "fetch(" not in js
    assert "textContent" in js


# ---- JSON-LD ------------------------------------------------------------------------------------
def test_claim_jsonld_has_a_date_only_when_single(smic_site: Path) -> None:
    """A claim without review is a schema.org Claim; datePublished appears for "2020-09" and never for an interval."""
    single = jsonld(text(smic_site, "claims/pentagon-ban-review.html"))
    assert single["@type"] == "Claim"
    assert single["datePublished"] == "2020-09"
    assert single["author"] == {"@type": "Organization", "name": "US Department of Defense (the Pentagon)"}
    assert single["appearance"][0]["name"] == "US imposes restrictions on technology sales to Chinese chip giant SMIC"
    for cid in ("pentagon-military-links", "commerce-letter-military-use-risk"):
        assert "datePublished" not in jsonld(text(smic_site, f"claims/{cid}.html"))


def test_claimreview_has_googles_required_fields(synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """A reviewed claim carries a ClaimReview with claimReviewed, reviewRating from the scale, url, author, date and the Claim."""
    out = tmp_path / "site"
    build_site(synthetic, out, base_url="https://news.example/desk")
    data = jsonld(text(out, "claims/bridge-unsafe.html"))
    assert data["@type"] == "ClaimReview"
    assert data["claimReviewed"] == 'The bridge is unsafe </script><!-- "quoted" & <b>bold</b>.'
    assert data["reviewRating"] == {"@type": "Rating", "ratingValue": 4, "bestRating": 5, "worstRating": 1, "alternateName": "Mostly true"}
    assert data["url"] == "https://news.example/desk/claims/bridge-unsafe.html"
    assert data["author"] == {"@type": "Organization", "name": "Example Desk"}
    assert data["datePublished"] == "2020-06-01"
    item = data["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["@type"] == "Person"
    assert item["datePublished"] == "2020-05-03"
    assert item["appearance"] == [
        {
            "@type": "Article",
            "name": "Story with </script><!-- in its title",
            "url": "https://example.org/story?a=1&b=2",
            "datePublished": "2020-05-10",
            "publisher": {"@type": "Organization", "name": "The Newsroom"},
        }
    ]


def test_claim_page_jsonld_is_the_exported_claimreview(synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """The ClaimReview a claim page carries is exactly the one `export --to claimreview` writes for that review."""
    from claimcheck.interop.claimreview_export import to_claimreview

    out = tmp_path / "site"
    build_site(synthetic, out, base_url="https://news.example/desk")
    page = jsonld(text(out, "claims/bridge-unsafe.html"))
    exported, _ = to_claimreview(synthetic, base_url="https://news.example/desk")
    node = next(n for n in exported["@graph"] if n["url"] == page["url"])
    assert page == {"@context": exported["@context"], **node}
    page = visible(text(out, "claims/bridge-unsafe.html"))
    assert "Verdict Mostly true 4 on a scale from 1 to 5 (Five-point truth scale)" in page
    assert page.index("Verdict Mostly true") < page.index("Status Contested")


def test_jsonld_cannot_break_out_of_its_script(synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """ "</script>", "<!--" and "&" in data are written as \\u003c, \\u003e and \\u0026 inside the JSON-LD block."""
    out = tmp_path / "site"
    build_site(synthetic, out)
    page = text(out, "claims/bridge-unsafe.html")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert block
    assert "<" not in block[1]
    assert ">" not in block[1]
    assert "&" not in block[1]
    assert "\\u003c/script\\u003e\\u003c!--" in block[1]
    assert page.count("</script>") == 1


# ---- safety -------------------------------------------------------------------------------------
def test_text_is_escaped_everywhere(synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """Markup in names, titles and claims is shown as text on every page, never as markup."""
    out = tmp_path / "site"
    build_site(synthetic, out)
    for path, content in files_of(out).items():
        if path.endswith(".html"):
            page = content.decode()
            assert "<script>alert" not in page, path
            assert "<b>bold</b>" not in page, path
            assert "<!-- in its title" not in page, path
    assert "Alice &lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; Example" in text(out, "sources/alice.html")
    index = " ".join(text(out, p) for p in files_of(out) if p.startswith("search/"))
    assert "\\u003cscript\\u003e" in index
    assert "<script>" not in index


def test_only_http_urls_become_links(synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """A javascript: URL is shown as text; an https URL becomes an external link."""
    bob = attrs.evolve(synthetic.sources["bob"], url="javascript:alert(1)")
    corpus = attrs.evolve(synthetic, sources={**synthetic.sources, "bob": bob})
    out = tmp_path / "site"
    build_site(corpus, out)
    page = text(out, "sources/bob.html")
    assert 'href="javascript' not in page
    assert "javascript:alert(1)" in page
    assert '<a href="https://example.org/story?a=1&amp;b=2" rel="external noopener noreferrer">' in text(out, "documents/story.html")


def test_fulltext_is_never_published(synthetic: claimcheck.Corpus, smic_site: Path, tmp_path: Path) -> None:
    """Neither a full text nor an unquoted passage of it appears in any file of the site."""
    out = tmp_path / "site"
    build_site(synthetic, out, include_drafts=True)
    for content in files_of(out).values():
        assert UNQUOTED.encode() not in content
    article = " ".join(claimcheck.load(SMIC).fulltexts["smic-article"].split())
    # quotes are sentence-sized: no paragraph of two sentences or more is ever published whole
    paragraphs = [" ".join(p.split()) for p in claimcheck.load(SMIC).fulltexts["smic-article"].split("\n\n") if ". " in p.strip()]
    assert len(paragraphs) >= 3
    for content in files_of(smic_site).values():
        flat = " ".join(html.unescape(content.decode()).split())
        assert article not in flat
        assert not any(p in flat for p in paragraphs)


def test_ids_cannot_place_files_outside_the_site(synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """A claim id that is not a slug stops the build; a page path with '..' is refused."""
    claim = attrs.evolve(synthetic.claims["bridge-old"], id="../../evil")
    corpus = attrs.evolve(synthetic, claims={**synthetic.claims, "../../evil": claim})
    with pytest.raises(OutputError, match="is not a slug"):
        build_site(corpus, tmp_path / "site")
    assert not (tmp_path / "evil.html").exists()
    assert not (tmp_path / "site").exists()
    with pytest.raises(OutputError, match="must be relative"):
        inside(tmp_path, "claims/../../x.html")
    with pytest.raises(OutputError):
        record_page("claim", "Bad_ID")


# ---- drafts ---------------------------------------------------------------------------------------
def test_drafts_are_left_out_and_the_index_says_so(synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """A draft claim has no page and no mention unless include_drafts; the index counts what was left out."""
    out = tmp_path / "site"
    result = build_site(synthetic, out)
    assert result.drafts_excluded == 1
    assert not (out / "claims/draft-claim.html").exists()
    assert not any(b"DRAFT-ONLY-TEXT" in c for c in files_of(out).values())
    assert "1 draft claim was left out of this site" in visible(text(out, "index.html"))
    with_drafts = tmp_path / "drafts"
    build_site(synthetic, with_drafts, include_drafts=True)
    assert "This claim is a draft" in visible(text(with_drafts, "claims/draft-claim.html"))
    assert "left out" not in visible(text(with_drafts, "index.html"))


# ---- the build ----------------------------------------------------------------------------------
def test_build_is_deterministic_serial_or_parallel(tmp_path: Path) -> None:
    """Two builds of the same corpus, one in worker processes, are byte-identical."""
    corpus = claimcheck.load(SMIC)
    build_site(corpus, tmp_path / "a")
    build_site(corpus, tmp_path / "b", jobs=2)
    assert files_of(tmp_path / "a") == files_of(tmp_path / "b")


def _copy_smic(tmp_path: Path) -> Path:
    root = tmp_path / "claims"
    root.mkdir()
    for f in SMIC.iterdir():
        (root / f.name).write_bytes(f.read_bytes())
    config = (root / "claimcheck.yaml").read_text(encoding="utf-8")
    shared = (REPO.parent / "shared" / "sources").as_posix()
    (root / "claimcheck.yaml").write_text(config.replace('["../../shared/sources"]', json.dumps([shared])), encoding="utf-8")
    return root


def test_rebuild_rewrites_only_changed_pages(tmp_path: Path) -> None:
    """After editing one claim, its page is rewritten while an unrelated page keeps its inode and mtime."""
    root = _copy_smic(tmp_path)
    out = tmp_path / "site"
    first = build_site(claimcheck.load(root), out)
    assert first.unchanged == ()
    edited, untouched = out / "claims/tsmc-stop-supplying-huawei.html", out / "claims/pentagon-military-links.html"
    before_edited, before = edited.read_bytes(), os.stat(untouched)
    case = root / "smic-2020.yaml"
    case.write_text(
        case.read_text(encoding="utf-8").replace("TSMC would not supply chips", "TSMC would no longer supply chips"), encoding="utf-8"
    )
    second = build_site(claimcheck.load(root), out)
    after = os.stat(untouched)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert edited.read_bytes() != before_edited
    assert b"TSMC would no longer supply chips" in edited.read_bytes()
    assert "claims/tsmc-stop-supplying-huawei.html" in second.written
    assert "claims/pentagon-military-links.html" in second.unchanged
    assert {p for p in second.written if not p.startswith("search/")} <= {
        "claims/tsmc-stop-supplying-huawei.html",
        "index.html",
        "timeline/2020-05.html",
        "sources/tsmc.html",
        "sources/huawei.html",
        "documents/smic-article.html",
        "sources/article-publisher.html",
    }
    assert second.rendered < second.pages
    third = build_site(claimcheck.load(root), out)
    assert third.written == ()
    assert third.rendered == 0


def test_a_deleted_claim_loses_its_page(synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """A rebuild removes the page of a claim that is no longer in the corpus."""
    out = tmp_path / "site"
    build_site(synthetic, out)
    claims = {k: v for k, v in synthetic.claims.items() if k != "bridge-old"}
    result = build_site(attrs.evolve(synthetic, claims=claims), out)
    assert [p for p in result.removed if not p.startswith("search/")] == ["claims/bridge-old.html"]
    assert not (out / "claims/bridge-old.html").exists()


def test_a_failed_build_leaves_the_previous_site(synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """A template error stops the build with its location; the old site is untouched and no temporary folder remains."""
    out = tmp_path / "out" / "site"
    build_site(synthetic, out)
    before = files_of(out)
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "claim.html").write_text("{% extends 'default:claim.html' %}{% block content %}{{ oops( }}{% endblock %}", encoding="utf-8")
    with pytest.raises(OutputError, match=r"template error: .*claim\.html:1: .*previous site at .* is unchanged"):
        build_site(synthetic, out, templates=broken)
    assert files_of(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]


def test_a_second_build_into_the_same_folder_is_refused(synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """While a build holds the lock, another build into the same folder fails with a clear message and writes nothing."""
    out = tmp_path / "site"
    with build_lock(out.absolute()), pytest.raises(OutputError, match=r"another build into .* is running"):
        build_site(synthetic, out)
    assert not out.exists()
    build_site(synthetic, out)
    assert (out / "index.html").is_file()
    assert not list(tmp_path.glob(".site.*"))


def test_a_folder_not_built_by_claimcheck_is_not_replaced(synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """An existing non-empty folder without a build manifest, or the corpus itself, is never replaced."""
    out = tmp_path / "notes"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError, match="was not built by claimcheck"):
        build_site(synthetic, out)
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"
    with pytest.raises(OutputError):
        build_site(synthetic, synthetic.root)


def test_templates_and_static_files_override_one_at_a_time(synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """A user base.html extending "default:base.html" changes every page; a user site.css replaces the built-in one."""
    tdir = tmp_path / "templates"
    (tdir / "static").mkdir(parents=True)
    (tdir / "base.html").write_text(
        '{% extends "default:base.html" %}{% block footer %}<footer><p>Published by the {{ site.title }} &amp; friends.</p></footer>{% endblock %}',
        encoding="utf-8",
    )
    (tdir / "static" / "site.css").write_text("body { color: #000; }\n", encoding="utf-8")
    (tdir / "static" / "extra.css").write_text("p { margin: 0; }\n", encoding="utf-8")
    out = tmp_path / "site"
    build_site(synthetic, out, templates=tdir)
    for page in ("index.html", "claims/bridge-unsafe.html", "map.html", "maps/dispute-1.html"):
        assert "Published by the Bridge desk &amp; friends." in text(out, page)
        assert "Built with claimcheck" not in text(out, page)
    assert "It comes from the evidence recorded and is not a verdict." in text(
        out, "claims/bridge-unsafe.html"
    )  # the other templates are still the built-in ones
    assert text(out, "static/site.css") == "body { color: #000; }\n"
    assert (out / "static/extra.css").is_file()


def test_cli_builds_the_site_and_refuses_a_corpus_with_errors(tmp_path: Path) -> None:
    """`claimcheck build PATH -o DIR` writes the site and reports it; a corpus with errors exits 1 and writes nothing."""
    runner = CliRunner()
    out = tmp_path / "site"
    result = runner.invoke(main, ["build", str(SMIC), "-o", str(out), "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["pages"] == len(list(out.rglob("*.html"))) == 49
    assert len(report["written"]) == len([p for p in out.rglob("*") if p.is_file() and p.name != MANIFEST])
    assert (out / "index.html").is_file()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.yaml").write_text(
        textwrap.dedent("""\
        claims:
          - {id: c, text: T, speaker: nobody, kind: assertion, appearances: [{document: nowhere, quote: q}]}
        """),
        encoding="utf-8",
    )
    result = runner.invoke(main, ["build", str(bad), "-o", str(tmp_path / "bad-site")], catch_exceptions=False)
    assert result.exit_code == 1
    assert "unknown source 'nobody'" in result.output
    assert not (tmp_path / "bad-site").exists()


def test_cli_reports_a_busy_lock_as_an_error(synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """When another build holds the lock, the CLI exits 2 with the reason on stderr."""
    out = tmp_path / "site"
    with build_lock(out.absolute()):
        result = CliRunner().invoke(main, ["build", str(synthetic.root), "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 2
    assert "another build into" in result.output


def test_progress_bar_goes_to_stderr(monkeypatch: pytest.MonkeyPatch, synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """With progress on, the render progress bar is drawn on stderr, and the summary on stdout."""
    seen: list[dict[str, Any]] = []
    import click

    real: Callable[..., Any] = click.progressbar

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs)
        return real(*args, **kwargs)

    monkeypatch.setattr(click, "progressbar", spy)
    result = CliRunner().invoke(main, ["build", str(synthetic.root), "-o", str(tmp_path / "site"), "--progress"], catch_exceptions=False)
    assert result.exit_code == 0
    assert seen
    assert seen[0]["label"] == "Building pages"
    shown = claimcheck.load(synthetic.root).view(include_drafts=False)  # the published claims, every source and document
    assert seen[0]["length"] == len(shown.claims) + len(shown.sources) + len(shown.documents) + 4  # and four groups of overview pages


def test_parallel_rendering_is_chosen_by_size_and_cores(
    monkeypatch: pytest.MonkeyPatch, synthetic: claimcheck.Corpus, tmp_path: Path
) -> None:
    """Forked workers are used above the record threshold on four cores or more, never on two; the site is the same."""
    from claimcheck.render.site import build, units

    pools: list[int] = []

    class FakePool:
        """Records its size and builds in-process."""

        def __init__(self, workers: int) -> None:
            pools.append(workers)

        def __enter__(self) -> FakePool:
            return self

        def __exit__(self, *_: object) -> None:
            return None

        def imap(self, fn: Callable[[Any], Any], items: list[Any]) -> Iterator[Any]:
            return (fn(i) for i in items)

    monkeypatch.setattr(units, "pool", FakePool)
    monkeypatch.setattr(build, "PARALLEL_THRESHOLD", 3)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1})
    build_site(synthetic, tmp_path / "two")
    assert pools == []
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3})
    build_site(synthetic, tmp_path / "four")
    assert pools == [4]
    assert files_of(tmp_path / "two") == files_of(tmp_path / "four")


def test_an_interrupted_build_leaves_the_previous_site(
    monkeypatch: pytest.MonkeyPatch, synthetic: claimcheck.Corpus, tmp_path: Path
) -> None:
    """Ctrl-C during a rebuild leaves the previous site and no temporary folder or lock behind."""
    from claimcheck.render.site import build

    out = tmp_path / "out" / "site"
    build_site(synthetic, out)
    before = files_of(out)

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "_place_one", interrupt)  # mid-write: some pages placed, some not
    with pytest.raises(KeyboardInterrupt):
        build_site(attrs.evolve(synthetic, claims={}), out)
    assert files_of(out) == before
    assert sorted(p.name for p in out.parent.iterdir()) == ["site"]


def test_a_build_killed_during_the_swap_is_recovered(synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """If a build died after moving the old site aside, the next build restores it first and removes the leftovers."""
    out = tmp_path / "site"
    build_site(synthetic, out)
    os.rename(out, tmp_path / ".site.old-abc123")
    (tmp_path / ".site.build-def456").mkdir()
    inode = os.stat(tmp_path / ".site.old-abc123" / "index.html").st_ino
    result = build_site(synthetic, out)
    assert result.written == ()
    assert os.stat(out / "index.html").st_ino == inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims", "private", "site"]


def test_pages_carry_publishing_conventions(synthetic: claimcheck.Corpus, tmp_path: Path) -> None:
    """With --base-url, each page has its canonical URL and og:url; a reviewed claim page is an article with the review's
    published date; every page has Open Graph and Twitter card tags; "cite this" gives the absolute address; --date
    dates the other pages; without a base URL no absolute URL is written."""
    out = tmp_path / "site"
    build_site(synthetic, out, base_url="https://news.example/desk/", date="2026-11-24")
    page = text(out, "claims/bridge-unsafe.html")
    assert '<link rel="canonical" href="https://news.example/desk/claims/bridge-unsafe.html">' in page
    assert '<meta property="og:url" content="https://news.example/desk/claims/bridge-unsafe.html">' in page
    assert '<meta property="og:type" content="article">' in page
    assert '<meta property="article:published_time" content="2020-06-01">' in page
    assert '<meta name="twitter:card" content="summary">' in page
    assert re.search(r'<meta property="og:title" content="The bridge is unsafe &lt;/script&gt;', page)
    assert "https://news.example/desk/claims/bridge-unsafe.html</code>" in page  # cite this
    index = text(out, "index.html")
    assert '<link rel="canonical" href="https://news.example/desk/index.html">' in index
    assert '<meta property="article:published_time" content="2026-11-24">' in index
    assert "Published 24 November 2026." in visible(index)
    plain = tmp_path / "plain"
    build_site(synthetic, plain)
    assert "canonical" not in text(plain, "index.html")
    assert "https://news.example" not in text(plain, "claims/bridge-unsafe.html")


def test_once_renders_a_fragment_once_per_item_root_and_arguments() -> None:
    """``once`` gives the first rendering again for the same item, arguments and ``root``, and renders anew
    for another item (even an equal one), other arguments or another ``root``."""
    from markupsafe import Markup

    from claimcheck.render.site.render import Once

    calls: list[tuple[object, ...]] = []

    class Card:
        name = "card"

        def __call__(self, item: object, *args: object) -> str:
            calls.append((item, *args))
            return f"<li>{item}{args}</li>"

    once, card = Once(), Card()
    a, b = ["x"], ["x"]  # equal, not the same
    first = once(card, a, True, root="../")  # type: ignore[arg-type]
    assert isinstance(first, Markup)
    assert once(card, a, True, root="../") is first  # type: ignore[arg-type]
    once(card, a, False, root="../")  # type: ignore[arg-type]
    once(card, a, True, root="")  # type: ignore[arg-type]
    once(card, b, True, root="../")  # type: ignore[arg-type]
    assert calls == [(a, True), (a, False), (a, True), (b, True)]
