"""Import schema.org ClaimReview: from JSON-LD files (``.jsonld``/``.json``) and from HTML pages that
embed it (``<script type="application/ld+json">``), as a single object, a list or an ``@graph``.

Each ClaimReview becomes ordinary records: a source for the reviewer and one for the claim's author,
a document for each work the claim appears in (or, when none is named, for the fact check itself),
a claim for each ``claimReviewed`` and a review on a rating scale derived from the ratings (see
:meth:`Builder.verdict`). Every value that had to be interpreted gets an ``import-interpreted``
warning; every property left out an ``import-dropped`` note.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from claimcheck.core.dates import PartialDate
from claimcheck.core.problems import Problem
from claimcheck.interop.builder import Builder
from claimcheck.interop.claimreview_dates import review_date
from claimcheck.interop.claimreview_media import authenticity_label, is_media, media_of
from claimcheck.interop.claimreview_values import dropped, one, rating
from claimcheck.interop.jsonld_read import Where, find_typed, id_index, jsonld_blocks, resolve, types
from claimcheck.interop.registry import Importer, ImportOptions, ReadResult

#: The review types read: ClaimReview, and MediaReview (a review of a photo, video or audio item).
REVIEW_TYPES = frozenset({"ClaimReview", "MediaReview"})
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
    "VideoObjectSnapshot": "broadcast",
    "AudioObject": "broadcast",
    "AudioObjectSnapshot": "broadcast",
    "Clip": "broadcast",
    "Episode": "broadcast",
    "TVEpisode": "broadcast",
    "RadioEpisode": "broadcast",
    "PodcastEpisode": "broadcast",
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
    "dateModified",
    "dateCreated",
    "mediaAuthenticityCategory",
    "originalMediaContextDescription",
}


def _same_as(b: Builder, value: Any, where: Where, what: str) -> list[str]:
    """The http(s) URLs of a ``sameAs`` (one or a list); anything else is left out with a warning."""
    items = value if isinstance(value, list) else [value]
    out = []
    for i, item in enumerate(items):
        wi = (*where, i) if isinstance(value, list) else where
        if isinstance(item, str) and not item.strip():
            b.note("import-interpreted", wi, f"{what}: found {item!r}, left out")
            continue
        url = b.url(item, wi, what)
        if url is not None:
            out.append(url)
    return out


def _name_from_url(url: str) -> str:
    host = urlsplit(url).netloc.lower()
    return host.removeprefix("www.") or url


def _party(b: Builder, node: Any, where: Where, what: str, *, fallback_kind: str = "organisation") -> str | None:
    """A source for a Person or Organization node (or a bare name); ``None`` without a name or a url to name it by."""
    node = resolve(one(b, resolve(node, b.refs), where, what), b.refs)
    if isinstance(node, str):
        node = {"name": node}
    if not isinstance(node, dict):
        return None
    names = node.get("name")
    name = b.text(names, (*where, "name"), f"{what}.name", line=True)
    description = None
    if isinstance(names, list) and len(names) > 1:
        description = "Also given as: " + "; ".join(str(n) for n in names[1:] if isinstance(n, str))
    kinds = [PARTY_KINDS[t] for t in sorted(types(node)) if t in PARTY_KINDS]
    kind = kinds[0] if kinds else fallback_kind
    url = b.url(node.get("url"), (*where, "url"), f"{what}.url") if node.get("url") is not None else None
    same_as = _same_as(b, node["sameAs"], (*where, "sameAs"), f"{what}.sameAs") if node.get("sameAs") is not None else []
    if url is None and same_as:
        url = same_as[0]
        b.note("import-interpreted", (*where, "sameAs"), f"{what}.sameAs {url!r} kept as the source's url")
    if name is None:
        if url is None:
            return None
        name = _name_from_url(url)
        b.note("import-interpreted", where, f"{what}: no name; named {name!r} after its url {url!r}")
    dropped(b, node, {"@type", "@id", "name", "url", "sameAs"}, where, what)
    return b.source(name, kind, url=url, description=description, same_as=same_as)


def _work(b: Builder, node: Any, where: Where, what: str) -> tuple[str, str | None, dict[str, Any] | None] | None:
    """A document for a CreativeWork or media node: (id, date, media), or ``None`` when it has no name and no url."""
    node = resolve(node, b.refs)
    if not isinstance(node, dict):
        return None
    media = media_of(b, node, where, what) if is_media(node) else None
    part = resolve(node.get("hasPart"), b.refs)
    if media is None and isinstance(part, dict) and "Clip" in types(part):  # the words as a Clip of the work (as the export writes it)
        media = media_of(b, part, (*where, "hasPart"), f"{what}.hasPart")
    whole = resolve(node.get("partOfEpisode") or node.get("partOfSeries") or node.get("isPartOf"), b.refs) if is_media(node) else None
    page = whole if isinstance(whole, dict) and whole.get("url") else node
    url = None
    for key in ("url", "mainEntityOfPage", "accessedOnUrl") if page is node else ("url",):
        if page.get(key) is not None and not isinstance(page.get(key), dict):
            url = b.url(page[key], (*where, key), f"{what}.{key}")
            if url is not None:
                break
    if url is None and media and media.get("url"):
        url = media["url"]
    title = b.text(node.get("name") or node.get("headline") or page.get("name"), (*where, "name"), f"{what}.name", line=True)
    if title is None and url is None:
        if is_media(node):
            b.note("import-skipped", where, f"{what}: a media item with no url and no name: left out")
        return None
    if title is None:
        parts = urlsplit(url or "")
        title = f"Untitled {'recording' if media else 'work'} at {parts.netloc}{parts.path}"[:500]
        b.note("import-interpreted", where, f"{what}: no name; titled {title!r} after its url")
    kinds = [WORK_KINDS[t] for t in sorted(types(node) | types(page)) if t in WORK_KINDS]
    date = b.date(node.get("datePublished") or node.get("uploadDate"), (*where, "datePublished"), f"{what}.datePublished")
    publisher = _party(b, node["publisher"], (*where, "publisher"), f"{what}.publisher") if node.get("publisher") else None
    used = {"@type", "@id", "url", "name", "headline", "datePublished", "uploadDate", "publisher", "author", "creator", "mainEntityOfPage"}
    used |= {
        "contentUrl",
        "embedUrl",
        "startOffset",
        "endOffset",
        "startTime",
        "endTime",
        "partOfEpisode",
        "partOfSeries",
        "isPartOf",
        "hasPart",
    }
    dropped(b, node, used | {"accessedOnUrl", "archivedAt"}, where, what)
    archive = (
        b.url(node["archivedAt"], (*where, "archivedAt"), f"{what}.archivedAt") if isinstance(node.get("archivedAt"), (str, list)) else None
    )
    did = b.document(title, kinds[0] if kinds else "other", url=url, date=date, publisher=publisher, archive_url=archive)
    return did, date, media


def _strip_html(b: Builder, text: str, where: Where, what: str) -> str:
    # a tag cannot hold "<": without it, a text of many "<a" and no ">" took time quadratic in its length
    if not re.search(r"<[a-zA-Z/][^<>]*>", text):
        return text
    b.note("import-interpreted", where, f"{what}: HTML tags removed")
    plain = re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)
    plain = re.sub(r"<[^<>]+>", "", plain)
    return "\n".join(" ".join(line.split()) for line in plain.splitlines() if line.strip())


def _rationale(b: Builder, node: dict[str, Any], where: Where, reviewer: str, label: str, url: str | None) -> str:
    body = b.text(node.get("reviewBody"), (*where, "reviewBody"), "reviewBody")
    if body:
        return body
    desc = b.text(node.get("description"), (*where, "description"), "description")
    if desc:
        return _strip_html(b, desc, (*where, "description"), "description") or desc
    context = b.text(
        node.get("originalMediaContextDescription"), (*where, "originalMediaContextDescription"), "originalMediaContextDescription"
    )
    if context:
        b.note("import-interpreted", where, "no reviewBody or description: the original media context stands in as the rationale")
        return context
    name = b.text(node.get("name") or node.get("headline"), (*where, "name"), "name")
    if name:
        b.note("import-interpreted", where, "no reviewBody or description: the headline (name) stands in as the rationale")
        return name
    b.note("import-interpreted", where, "no reviewBody, description or name: the rationale says where the reasoning is")
    return f"Rated {label!r} by {reviewer}" + (f"; the reasoning is in the fact check at {url}." if url else ".")


def _texts(b: Builder, node: dict[str, Any], item: dict[str, Any], where: Where) -> list[str]:
    """The claims reviewed: ``claimReviewed`` (one or a list), else a MediaReview's ``interpretedAsClaim``."""
    texts_raw = node.get("claimReviewed")
    texts: list[str] = [t.strip() for t in _list(texts_raw) if isinstance(t, str) and t.strip()]
    if isinstance(texts_raw, list) and texts:
        many = (
            f"a list of {len(texts_raw)}; each text becomes a claim with the same review"
            if len(texts_raw) > 1
            else "a list holding one text; read as that text"
        )
        b.note("import-interpreted", (*where, "claimReviewed"), f"claimReviewed is {many}")
    if not texts:
        claim = resolve(item.get("interpretedAsClaim"), b.refs)
        claim = claim[0] if isinstance(claim, list) and claim else claim
        if isinstance(claim, dict):
            for key in ("description", "name", "text"):
                text = b.text(claim.get(key), (*where, "itemReviewed", "interpretedAsClaim", key), f"interpretedAsClaim.{key}")
                if text:
                    b.note(
                        "import-interpreted",
                        (*where, "itemReviewed", "interpretedAsClaim"),
                        f"no claimReviewed: the claim is the interpretedAsClaim's {key}",
                    )
                    texts = [text]
                    break
    out = []
    for text in texts:
        plain = html.unescape(text)
        if plain != text:
            b.note("import-interpreted", (*where, "claimReviewed"), f"HTML character references decoded in {text!r}")
        out.append(" ".join(plain.split()) if "\n" in plain or "\r" in plain else plain)
    return out


def _verdict(b: Builder, node: dict[str, Any], where: Where, reviewer: str) -> tuple[str, str] | None:
    if node.get("reviewRating") is None and "MediaReview" in types(node):
        label = authenticity_label(b, node.get("mediaAuthenticityCategory"), (*where, "mediaAuthenticityCategory"))
        if label is None:
            b.note("import-skipped", where, "the MediaReview has neither a reviewRating nor a mediaAuthenticityCategory: skipped")
            return None
        return b.verdict(reviewer, label, None, None, None, (*where, "mediaAuthenticityCategory"))
    return rating(b, node, where, reviewer)


def _works(b: Builder, item: dict[str, Any], iw: Where) -> list[tuple[str, str | None, dict[str, Any] | None]]:
    """The documents (with date and media) a claim appears in, from what ``itemReviewed`` names."""
    works: list[tuple[str, str | None, dict[str, Any] | None]] = []
    listed: list[tuple[str, int | None, Any]] = []
    keys: tuple[str, ...]
    if "Claim" in types(item):
        keys = ("appearance", "firstAppearance")
    elif "MediaReviewItem" in types(item):
        keys = ("mediaItemAppearance",)
    else:
        keys = ()
        if item:
            listed.append(("", None, item))
    for key in keys:
        value = resolve(item.get(key), b.refs)
        listed += [(key, i if isinstance(value, list) else None, w) for i, w in enumerate(_list(value))]
    for key, i, w in listed:
        wp = (*iw, key, i) if i is not None else (*iw, key) if key else iw
        made = _work(b, w, wp, f"itemReviewed.{key}" if key else "itemReviewed")
        if made is not None and made[0] not in [x[0] for x in works]:
            works.append(made)
    return works


def _review(b: Builder, node: dict[str, Any], where: Where, fallback_date: str | None) -> None:
    kind = "MediaReview" if "MediaReview" in types(node) and "ClaimReview" not in types(node) else "ClaimReview"
    author = node.get("author") or node.get("publisher")
    reviewer_id = _party(b, author, (*where, "author"), "author")
    if reviewer_id is None and node.get("author") and node.get("publisher"):
        reviewer_id = _party(b, node["publisher"], (*where, "publisher"), "publisher")
    if reviewer_id is None:
        b.note("import-skipped", where, f"the {kind} names no author (the fact-checker) with a name or url: skipped")
        return
    reviewer = next(s["name"] for s in b.sections["sources"] if s["id"] == reviewer_id)
    item = resolve(one(b, resolve(node.get("itemReviewed"), b.refs), (*where, "itemReviewed"), "itemReviewed"), b.refs)
    item = item if isinstance(item, dict) else {}
    iw = (*where, "itemReviewed")
    texts = _texts(b, node, item, where)
    if not texts:
        b.note("import-skipped", where, f"the {kind} has no claimReviewed text: skipped")
        return
    verdict = _verdict(b, node, where, reviewer)
    if verdict is None:
        return
    url = b.url(node.get("url"), (*where, "url"), "url") if node.get("url") is not None else None
    scale, value = verdict
    label = next(str(v["label"]) for d in b.scales if d.id == scale for v in d.values.values() if v["id"] == value)
    rationale = _rationale(b, node, where, reviewer, label, url)
    speaker = _party(b, item.get("author"), (*iw, "author"), "itemReviewed.author")
    if speaker is None and item.get("creator") is not None:
        speaker = _party(b, item.get("creator"), (*iw, "creator"), "itemReviewed.creator")
        if speaker is not None:
            b.note("import-interpreted", (*iw, "creator"), "itemReviewed names a creator and no author: the creator is the claim's speaker")
    if speaker is None:
        speaker = b.source("Unknown claimant", "unnamed-group", description="The ClaimReview does not name who made the claim.")
        b.note("import-interpreted", iw, "itemReviewed names no author: the claim is attributed to an unknown claimant")
    claim_date = None
    if "Claim" in types(item):
        claim_date = b.date(item.get("datePublished"), (*iw, "datePublished"), "itemReviewed.datePublished")
        used = {"@type", "@id", "author", "datePublished", "appearance", "firstAppearance"}
        dropped(b, item, used | (set() if item.get("appearance") or item.get("firstAppearance") else {"url", "name"}), iw, "itemReviewed")
    works = _works(b, item, iw)
    if not works and "Claim" in types(item) and item.get("url") is not None:
        made = _work(b, {**item, "@type": "CreativeWork"}, iw, "itemReviewed")
        if made is not None:
            works.append(made)
            b.note("import-interpreted", (*iw, "url"), "the Claim's own url is read as where it appeared")
    date = review_date(b, node, where, fallback_date, claim_date, [d for _, d, _ in works], url)
    if date is None:
        return
    if not works:
        title = b.text(node.get("name") or node.get("headline"), (*where, "name"), "name", line=True) or f"Fact check by {reviewer}"
        fc_date = date if "/" not in date else None
        works.append((b.document(title, "article", url=url, date=fc_date, publisher=reviewer_id), fc_date, None))
        b.note("import-interpreted", iw, "no work is named where the claim appeared: it is recorded as appearing in the fact check itself")
    claim_date = _not_after(b, claim_date, [d for _, d, _ in works], iw)
    modified = _modified(b, node, where, date)
    dropped(b, node, REVIEW_KEYS, where, kind)
    for text in texts:
        cid = b.ids.make(" ".join(text.split()[:10]), "claim")
        claim: dict[str, Any] = {"id": cid, "text": text, "speaker": speaker, "kind": "assertion", "date": claim_date}
        claim["appearances"] = [{k: v for k, v in {"document": doc, "quote": text, "media": media}.items() if v} for doc, _, media in works]
        b.sections["claims"].append({k: v for k, v in claim.items() if v})
        b.note(
            "import-interpreted",
            iw,
            f"claim {cid!r}: {kind} does not carry the words as printed; the claim text stands in as the quote",
        )
        review: dict[str, Any] = {"id": b.ids.make(f"review {cid}", "review"), "claim": cid, "scale": scale, "verdict": value}
        review.update(rationale=rationale, reviewer=reviewer, date=date, url=url, corrections=modified)
        b.sections["reviews"].append({k: v for k, v in review.items() if v})


def _modified(b: Builder, node: dict[str, Any], where: Where, date: str) -> list[dict[str, Any]]:
    """A ``dateModified`` after the review's date, as a dated update of the review (what changed is not in the markup)."""
    if node.get("dateModified") is None or node.get("datePublished") is None:
        return []
    kept = len(b.problems)
    modified = b.date(node["dateModified"], (*where, "dateModified"), "dateModified")
    if modified is None:
        return []
    del b.problems[kept:]  # a date-time is dated as the publisher gave it: no need to say so twice
    changed, published = PartialDate.parse(modified), PartialDate.parse(date)
    if changed.earliest is None or published.latest is None or changed.earliest <= published.latest:
        return []
    b.note("import-interpreted", (*where, "dateModified"), f"dateModified {modified}: recorded as an update of the review")
    return [
        {
            "date": modified,
            "kind": "update",
            "note": f"The fact check was modified on {modified} (dateModified); the markup does not say what changed.",
        }
    ]


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
    paths: Sequence[str | os.PathLike[str]], *, taken: Sequence[str] = (), review_date: str | None = None
) -> tuple[dict[str, list[dict[str, Any]]], list[dict[str, Any]], list[Problem]]:
    """Records (file-schema shape), derived rating scales (config shape) and problems from ClaimReview files.

    ``review_date`` dates the reviews whose markup gives no date and no page date (see docs/interop.md).
    """
    b = Builder(taken)
    fallback = b.date(review_date, (), "review date") if review_date else None
    for path in map(Path, paths):
        b.file, b.line = str(path), None
        blocks = jsonld_blocks(path, b.problems)
        b.refs = id_index(blocks)
        b.pages = blocks
        found = 0
        for line, data in blocks:
            b.line = line
            for where, node in find_typed(data, REVIEW_TYPES):
                found += 1
                _review(b, node, where, fallback)
        if blocks and not found:
            b.problems.append(Problem(code="import-skipped", message="no ClaimReview or MediaReview found in the file", file=str(path)))
    return b.sections, b.result_scales(), b.problems


def _import(paths: Sequence[Path], options: ImportOptions) -> ReadResult:
    records, scales, problems = import_claimreview(paths, taken=sorted(options.taken), review_date=options.review_date)
    return ReadResult(records=records, scales=scales, problems=problems)


IMPORTER = Importer(
    name="claimreview",
    description="published fact-checks: ClaimReview or MediaReview JSON-LD, or HTML pages embedding it",
    read=_import,
)
