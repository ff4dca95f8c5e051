"""Import schema.org ClaimReview: from JSON-LD files (``.jsonld``/``.json``) and from HTML pages that
embed it (``<script type="application/ld+json">``), as a single object, a list or an ``@graph``.

Each ClaimReview becomes ordinary records: a source for the reviewer and one for the claim's author,
a document for each work the claim appears in (or, when none is named, for the fact check itself),
a claim for each ``claimReviewed`` and a review on a rating scale derived from the ratings (see
:meth:`Builder.verdict`). Every value that had to be interpreted gets an ``import-interpreted``
warning; every property left out an ``import-dropped`` note.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator, Sequence
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from claimcheck.core import limits
from claimcheck.core.dates import PartialDate
from claimcheck.core.problems import Problem
from claimcheck.interop.builder import Builder
from claimcheck.interop.registry import Importer, ImportOptions, ReadResult

Where = tuple[str | int, ...]
#: schema.org type → source kind (other types: organisation).
PARTY_KINDS = {
    "Person": "person",
    "GovernmentOrganization": "government-body",
    "NewsMediaOrganization": "news-outlet",
    "Corporation": "company",
    "ResearchOrganization": "research-firm",
}
#: schema.org type → document kind (other types: other).
WORK_KINDS = {
    "Article": "article",
    "NewsArticle": "article",
    "ReportageNewsArticle": "article",
    "BlogPosting": "article",
    "Report": "report",
    "WebPage": "web-page",
    "SocialMediaPosting": "social-media-post",
    "VideoObject": "broadcast",
    "CreativeWork": "other",
}
REVIEW_KEYS = {
    "@context",
    "@type",
    "@id",
    "url",
    "claimReviewed",
    "datePublished",
    "author",
    "reviewRating",
    "reviewBody",
    "description",
    "name",
    "headline",
    "itemReviewed",
}


class _Scripts(HTMLParser):
    """Collects the text of every ``<script type="application/ld+json">`` with its line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[int, str]] = []
        self._open: tuple[int, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = next((v for k, v in attrs if k == "type"), None) or ""
        if tag == "script" and kind.split(";")[0].strip().lower() == "application/ld+json":
            self._open = (self.getpos()[0], [])

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open[1].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            self.blocks.append((self._open[0], "".join(self._open[1])))
            self._open = None


def jsonld_blocks(path: Path, problems: list[Problem]) -> list[tuple[int | None, Any]]:
    """The JSON-LD in a file: the whole file, or each block embedded in an HTML page (with its line)."""
    name = str(path)
    try:
        if path.stat().st_size > limits.MAX_FILE_BYTES:
            problems.append(Problem(code="file-too-large", message=f"the file is over {limits.MAX_FILE_BYTES:,} bytes", file=name))
            return []
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(code="io-error", message=f"cannot read the file: {exc}", file=name))
        return []
    if path.suffix.lower() in (".html", ".htm") or text.lstrip().startswith("<"):
        parser = _Scripts()
        parser.feed(text)
        parser.close()
        raw: list[tuple[int | None, str]] = [(line, block) for line, block in parser.blocks]
        if not raw:
            problems.append(Problem(code="import-skipped", message='the page holds no <script type="application/ld+json">', file=name))
    else:
        raw = [(None, text)]
    out: list[tuple[int | None, Any]] = []
    for line, block in raw:
        try:
            out.append((line, json.loads(block)))
        except (ValueError, RecursionError) as exc:  # ValueError: malformed, or a number of over 4,300 digits
            problems.append(Problem(code="import-skipped", message=f"malformed JSON-LD, skipped: {exc}", file=name, line=line))
    return out


def types(node: Any) -> set[str]:
    """The node's schema.org types, prefixes removed (``schema:Claim``, ``https://schema.org/Claim``)."""
    raw = node.get("@type") if isinstance(node, dict) else None
    items = raw if isinstance(raw, list) else [raw]
    return {re.sub(r"^(https?://schema\.org/|schema:)", "", t) for t in items if isinstance(t, str)}


def claimreviews(data: Any, where: Where = ()) -> Iterator[tuple[Where, dict[str, Any]]]:
    """Every ClaimReview node: the object itself, the items of a list, the nodes of an ``@graph``."""
    if isinstance(data, list):
        for i, item in enumerate(data):
            yield from claimreviews(item, (*where, i))
    elif isinstance(data, dict):
        if "ClaimReview" in types(data):
            yield where, data
        elif isinstance(data.get("@graph"), list):
            yield from claimreviews(data["@graph"], (*where, "@graph"))


def _one(b: Builder, value: Any, where: Where, what: str) -> Any:
    if isinstance(value, list):
        if len(value) != 1:
            b.note("import-interpreted", where, f"{what}: a list of {len(value)}; the first is read")
        return value[0] if value else None
    return value


def _number(b: Builder, value: Any, where: Where, what: str) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        b.note("import-interpreted", where, f"{what}: {value!r} read as the integer {int(value)}")
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
        b.note("import-interpreted", where, f"{what}: the text {value!r}, read as the number {int(value)}")
        return int(value)
    b.note("import-interpreted", where, f"{what}: expected an integer rating; found {value!r}, left out (the verdict is kept by its label)")
    return None


def _dropped(b: Builder, node: dict[str, Any], used: set[str], where: Where, what: str) -> None:
    extra = sorted(k for k in node if k not in used)
    if extra:
        b.note("import-dropped", where, f"{what}: {', '.join(extra)} not kept (no place in the claimcheck model)")


def _party(b: Builder, node: Any, where: Where, what: str, *, fallback_kind: str = "organisation") -> str | None:
    """A source for a Person or Organization node (or a bare name); ``None`` without a name."""
    node = _one(b, node, where, what)
    if isinstance(node, str):
        node = {"name": node}
    if not isinstance(node, dict):
        return None
    names = node.get("name")
    name = b.text(names, (*where, "name"), f"{what}.name", line=True)
    if name is None:
        return None
    description = None
    if isinstance(names, list) and len(names) > 1:
        description = "Also given as: " + "; ".join(str(n) for n in names[1:] if isinstance(n, str))
    kinds = [PARTY_KINDS[t] for t in sorted(types(node)) if t in PARTY_KINDS]
    kind = kinds[0] if kinds else fallback_kind
    url = b.url(node.get("url"), (*where, "url"), f"{what}.url") if node.get("url") is not None else None
    if url is None and node.get("sameAs") is not None:
        url = b.url(node["sameAs"], (*where, "sameAs"), f"{what}.sameAs")
        if url is not None:
            b.note("import-interpreted", (*where, "sameAs"), f"{what}.sameAs {url!r} kept as the source's url")
    _dropped(b, node, {"@type", "@id", "name", "url", "sameAs"}, where, what)
    return b.source(name, kind, url=url, description=description)


def _work(b: Builder, node: Any, where: Where, what: str) -> tuple[str, str | None] | None:
    """A document for a CreativeWork node: (id, date), or ``None`` when it has no name and no url."""
    if not isinstance(node, dict):
        return None
    url = b.url(node.get("url"), (*where, "url"), f"{what}.url") if node.get("url") is not None else None
    title = b.text(node.get("name") or node.get("headline"), (*where, "name"), f"{what}.name", line=True)
    if title is None and url is None:
        return None
    if title is None:
        parts = urlsplit(url or "")
        title = f"Untitled work at {parts.netloc}{parts.path}"[:500]
        b.note("import-interpreted", where, f"{what}: no name; titled {title!r} after its url")
    kinds = [WORK_KINDS[t] for t in sorted(types(node)) if t in WORK_KINDS]
    date = b.date(node.get("datePublished"), (*where, "datePublished"), f"{what}.datePublished")
    publisher = _party(b, node["publisher"], (*where, "publisher"), f"{what}.publisher") if node.get("publisher") else None
    _dropped(b, node, {"@type", "@id", "url", "name", "headline", "datePublished", "publisher", "author"}, where, what)
    return b.document(title, kinds[0] if kinds else "other", url=url, date=date, publisher=publisher), date


def _strip_html(b: Builder, text: str, where: Where, what: str) -> str:
    if not re.search(r"<[a-zA-Z/][^>]*>", text):
        return text
    b.note("import-interpreted", where, f"{what}: HTML tags removed")
    plain = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    plain = re.sub(r"<[^>]+>", "", plain)
    return "\n".join(" ".join(line.split()) for line in plain.splitlines() if line.strip())


def _rating(b: Builder, node: dict[str, Any], where: Where, publisher: str) -> tuple[str, str] | None:
    rating = _one(b, node.get("reviewRating"), (*where, "reviewRating"), "reviewRating")
    rw = (*where, "reviewRating")
    if not isinstance(rating, dict):
        b.note("import-skipped", rw, "the ClaimReview has no reviewRating: skipped")
        return None
    value = _number(b, rating.get("ratingValue"), (*rw, "ratingValue"), "ratingValue")
    best = _number(b, rating.get("bestRating"), (*rw, "bestRating"), "bestRating")
    worst = _number(b, rating.get("worstRating"), (*rw, "worstRating"), "worstRating")
    label = b.text(rating.get("alternateName"), (*rw, "alternateName"), "alternateName", line=True)
    if value is not None and (best, worst) == (None, None):
        best, worst = 5, 1
        b.note("import-interpreted", rw, "no bestRating or worstRating: schema.org's defaults, 5 and 1, are used")
    if value == best == worst == -1:
        b.note(
            "import-interpreted",
            rw,
            "ratingValue, bestRating and worstRating are all -1 (no numeric rating): the verdict is kept by its label",
        )
        value = best = worst = None
    elif value is not None and (best is None or worst is None or not worst <= value <= best or worst == best):
        b.note("import-interpreted", rw, f"rating {value} does not sit on a scale {worst} to {best}: the verdict is kept by its label")
        value = best = worst = None
    if label is None:
        if value is None:
            b.note("import-skipped", rw, "the rating has neither a usable ratingValue nor an alternateName: skipped")
            return None
        label = f"{value} on a scale of {worst} to {best}"
        b.note("import-interpreted", rw, f"no alternateName: the verdict is labelled {label!r}")
    _dropped(b, rating, {"@type", "ratingValue", "bestRating", "worstRating", "alternateName"}, rw, "reviewRating")
    return b.verdict(publisher, label, value, worst, best, rw)


def _rationale(b: Builder, node: dict[str, Any], where: Where, reviewer: str, label: str, url: str | None) -> str:
    body = b.text(node.get("reviewBody"), (*where, "reviewBody"), "reviewBody")
    if body:
        return body
    desc = b.text(node.get("description"), (*where, "description"), "description")
    if desc:
        return _strip_html(b, desc, (*where, "description"), "description") or desc
    name = b.text(node.get("name") or node.get("headline"), (*where, "name"), "name")
    if name:
        b.note("import-interpreted", where, "no reviewBody or description: the headline (name) stands in as the rationale")
        return name
    b.note("import-interpreted", where, "no reviewBody, description or name: the rationale says where the reasoning is")
    return f"Rated {label!r} by {reviewer}" + (f"; the reasoning is in the fact check at {url}." if url else ".")


def _review(b: Builder, node: dict[str, Any], where: Where) -> None:
    author = node.get("author") or node.get("publisher")
    reviewer_id = _party(b, author, (*where, "author"), "author")
    if reviewer_id is None:
        b.note("import-skipped", where, "the ClaimReview names no author (the fact-checker): skipped")
        return
    reviewer = next(s["name"] for s in b.sections["sources"] if s["id"] == reviewer_id)
    date = b.date(node.get("datePublished"), (*where, "datePublished"), "datePublished")
    if date is None:
        b.note("import-skipped", where, "the ClaimReview has no usable datePublished: skipped")
        return
    texts_raw = node.get("claimReviewed")
    texts: list[str] = [t.strip() for t in _list(texts_raw) if isinstance(t, str) and t.strip()]
    if not texts:
        b.note("import-skipped", where, "the ClaimReview has no claimReviewed text: skipped")
        return
    if isinstance(texts_raw, list):
        many = (
            f"a list of {len(texts_raw)}; each text becomes a claim with the same review"
            if len(texts_raw) > 1
            else "a list holding one text; read as that text"
        )
        b.note("import-interpreted", (*where, "claimReviewed"), f"claimReviewed is {many}")
    verdict = _rating(b, node, where, reviewer)
    if verdict is None:
        return
    url = b.url(node.get("url"), (*where, "url"), "url") if node.get("url") is not None else None
    scale, value = verdict
    label = next(str(v["label"]) for d in b.scales if d.id == scale for v in d.values.values() if v["id"] == value)
    rationale = _rationale(b, node, where, reviewer, label, url)
    item = _one(b, node.get("itemReviewed"), (*where, "itemReviewed"), "itemReviewed")
    item = item if isinstance(item, dict) else {}
    iw = (*where, "itemReviewed")
    speaker = _party(b, item.get("author"), (*iw, "author"), "itemReviewed.author")
    if speaker is None:
        speaker = b.source("Unknown claimant", "unnamed-group", description="The ClaimReview does not name who made the claim.")
        b.note("import-interpreted", iw, "itemReviewed names no author: the claim is attributed to an unknown claimant")
    claim_date = None
    works: list[tuple[str, str | None]] = []
    if "Claim" in types(item):
        claim_date = b.date(item.get("datePublished"), (*iw, "datePublished"), "itemReviewed.datePublished")
        listed = [("appearance", i, w) for i, w in enumerate(_list(item.get("appearance")))]
        listed += [("firstAppearance", i, w) for i, w in enumerate(_list(item.get("firstAppearance")))]
        for key, i, w in listed:
            wp = (*iw, key, i) if isinstance(item.get(key), list) else (*iw, key)
            made = _work(b, w, wp, f"itemReviewed.{key}")
            if made is not None and made[0] not in [x[0] for x in works]:
                works.append(made)
        _dropped(b, item, {"@type", "@id", "author", "datePublished", "appearance", "firstAppearance"}, iw, "itemReviewed")
    elif item:
        made = _work(b, item, iw, "itemReviewed")
        if made is not None:
            works.append(made)
    if not works:
        title = b.text(node.get("name") or node.get("headline"), (*where, "name"), "name", line=True) or f"Fact check by {reviewer}"
        works.append((b.document(title, "article", url=url, date=date, publisher=reviewer_id), date))
        b.note("import-interpreted", iw, "no work is named where the claim appeared: it is recorded as appearing in the fact check itself")
    claim_date = _not_after(b, claim_date, [d for _, d in works], iw)
    _dropped(b, node, REVIEW_KEYS, where, "ClaimReview")
    for text in texts:
        cid = b.ids.make(" ".join(text.split()[:10]), "claim")
        claim: dict[str, Any] = {"id": cid, "text": text, "speaker": speaker, "kind": "assertion", "date": claim_date}
        claim["appearances"] = [{"document": doc, "quote": text} for doc, _ in works]
        b.sections["claims"].append({k: v for k, v in claim.items() if v})
        b.note(
            "import-interpreted",
            iw,
            f"claim {cid!r}: ClaimReview does not carry the words as printed; the claim text stands in as the quote",
        )
        review: dict[str, Any] = {"id": b.ids.make(f"review {cid}", "review"), "claim": cid, "scale": scale, "verdict": value}
        review.update(rationale=rationale, reviewer=reviewer, date=date, url=url)
        b.sections["reviews"].append({k: v for k, v in review.items() if v})


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _not_after(b: Builder, claim_date: str | None, doc_dates: list[str | None], where: Where) -> str | None:
    """The claim's date, unless it falls after a document it appears in (then left out, with a warning)."""
    if claim_date is None:
        return None
    start = PartialDate.parse(claim_date).earliest
    for d in doc_dates:
        latest = PartialDate.parse(d).latest if d else None
        if start is not None and latest is not None and start > latest:
            b.note(
                "import-interpreted",
                (*where, "datePublished"),
                f"the claim's date {claim_date} falls after a work it appears in ({d}): left out",
            )
            return None
    return claim_date


def import_claimreview(
    paths: Sequence[str | os.PathLike[str]], *, taken: Sequence[str] = ()
) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]], list[Problem]]:
    """Records (file-schema shape), derived rating scales (config shape) and problems from ClaimReview files."""
    b = Builder(taken)
    for path in map(Path, paths):
        b.file, b.line = str(path), None
        blocks = jsonld_blocks(path, b.problems)
        found = 0
        for line, data in blocks:
            b.line = line
            for where, node in claimreviews(data):
                found += 1
                _review(b, node, where)
        if blocks and not found:
            b.problems.append(Problem(code="import-skipped", message="no ClaimReview found in the file", file=str(path)))
    return b.sections, b.result_scales(), b.problems


def _import(paths: Sequence[Path], options: ImportOptions) -> ReadResult:
    records, scales, problems = import_claimreview(paths, taken=sorted(options.taken))
    return ReadResult(records=records, scales=scales, problems=problems)


IMPORTER = Importer(name="claimreview", description="published fact-checks: ClaimReview JSON-LD, or HTML pages embedding it", read=_import)
