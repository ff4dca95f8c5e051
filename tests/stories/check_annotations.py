"""Check every tests/stories/*/story.yaml (and reprints.yaml) against its article.txt: shape, vocabulary, verbatim quotes, locators, order.
Check each story's corpus (claims/) and expected.yaml where they exist: the article's sha256, the quotes of reprints (which the
tool cannot check), and that every expected finding is a balance code about a record of the corpus."""

import hashlib
import re
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent

TOP_KEYS = [
    "title",
    "style",
    "publisher",
    "date",
    "url",
    "language",
    "sentences",
    "not_claims",
    "comment_requests",
    "documents_mentioned",
    "corrections",
    "editor_expects",
]
SENTENCE_KEYS = [
    "locator",
    "quote",
    "proposition",
    "speaker",
    "speaker_kind",
    "represents",
    "via",
    "mode",
    "document",
    "document_seen",
    "kind",
    "subjects",
    "date_expression",
    "date_resolved",
    "translated_from",
    "original",
    "translator",
]
SPEAKER_KINDS = {"person", "company", "government-body", "organisation", "news-outlet", "research-firm", "unnamed-group"}
MODES = {"direct-quote", "paraphrase", "cites-document", "unnamed-source"}
KINDS = {"allegation", "denial", "assertion", "assessment", "prediction", "action", "background"}
OUTCOMES = {"answered", "declined", "not-reached", "no-response-yet", "not-asked"}
DOC_KINDS = {"article", "letter", "report", "statement", "filing", "web-page", "broadcast", "interview", "social-media-post", "other"}
RELATIONS = {"reprints", "based-on", "quotes", None}
BALANCE_CODES = {
    "unanswered-accusation",
    "interested-party-only",
    "single-source",
    "second-hand-only",
    "unnamed-source",
    "single-origin",
    "outlet-only",
    "reply-not-sought",
    "possible-duplicate",
    "verdict-without-evidence",
    "verdict-contradicts-evidence",
}
DATE = r"\d{4}(-\d{2}(-\d{2})?)?"
EDTF = re.compile(rf"^({DATE}|\.\./{DATE}|{DATE}/\.\.|{DATE}/{DATE})$")


def blocks_of(article: str) -> dict[str, str]:
    """Map each locator to its block: headline, standfirst (if block 2 is not a byline), byline (a block that
    starts with 'By '), then paragraph 1, 2, ... for every later block, subheadings and notes included."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", article.strip())]
    out = {"headline": blocks[0]}
    i = 1
    if not blocks[1].startswith("By "):
        out["standfirst"] = blocks[1]
        i = 2
    if blocks[i].startswith("By "):
        out["byline"] = blocks[i]
        i += 1
    for n, block in enumerate(blocks[i:], start=1):
        out[f"paragraph {n}"] = block
    return out


def order_key(blocks: dict[str, str], locator: str, quote: str) -> tuple[int, int]:
    names = list(blocks)
    return names.index(locator), blocks[locator].find(quote)


def check_claim(where: str, s: dict[str, Any], blocks: dict[str, str], errors: list[str]) -> None:
    keys = list(s)
    if keys != SENTENCE_KEYS:
        errors.append(f"{where}: keys {keys} are not {SENTENCE_KEYS}")
        return
    if s["locator"] not in blocks:
        errors.append(f"{where}: no block {s['locator']!r}")
    elif s["quote"] not in blocks[s["locator"]]:
        errors.append(f"{where}: quote not verbatim in {s['locator']}: {s['quote']!r}")
    for key, allowed in (("speaker_kind", SPEAKER_KINDS), ("mode", MODES), ("kind", KINDS)):
        if s[key] not in allowed:
            errors.append(f"{where}: {key} {s[key]!r} not in {sorted(allowed)}")
    if not isinstance(s["via"], list) or not isinstance(s["subjects"], list):
        errors.append(f"{where}: via and subjects must be lists")
    if s["document_seen"] not in (True, False, None):
        errors.append(f"{where}: document_seen must be true, false or null")
    if (s["document"] is None) != (s["document_seen"] is None):
        errors.append(f"{where}: document and document_seen must both be null or both be set")
    if s["mode"] == "cites-document" and s["document"] is None:
        errors.append(f"{where}: cites-document without a document")
    if s["mode"] == "unnamed-source" and s["speaker_kind"] != "unnamed-group":
        errors.append(f"{where}: unnamed-source mode with a {s['speaker_kind']} speaker")
    if (s["date_expression"] is None) != (s["date_resolved"] is None):
        errors.append(f"{where}: date_expression and date_resolved must both be null or both be set")
    if s["date_resolved"] is not None and not EDTF.match(str(s["date_resolved"])):
        errors.append(f"{where}: date_resolved {s['date_resolved']!r} is not EDTF")
    if s["original"] is not None and s["translated_from"] is None:
        errors.append(f"{where}: original words without translated_from")
    if s["translated_from"] is None and s["translator"] is not None:
        errors.append(f"{where}: translator without translated_from")


def check_story(folder: Path) -> tuple[list[str], str]:
    errors: list[str] = []
    name = folder.name
    article = (folder / "article.txt").read_text(encoding="utf-8")
    try:
        story = yaml.safe_load((folder / "story.yaml").read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return [f"{name}: story.yaml does not parse: {exc}"], ""
    blocks = blocks_of(article)
    if list(story) != TOP_KEYS:
        errors.append(f"{name}: top-level keys {list(story)} are not {TOP_KEYS}")
        return errors, ""
    if story["title"] != blocks["headline"]:
        errors.append(f"{name}: title differs from the headline")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(story["date"])):
        errors.append(f"{name}: date must be YYYY-MM-DD")
    paragraphs = [k for k in blocks if k.startswith("paragraph ")]
    if not 6 <= len(paragraphs) <= 14:
        errors.append(f"{name}: {len(paragraphs)} paragraphs, not 6 to 14")
    sentences = story["sentences"]
    if not 6 <= len(sentences) <= 20:
        errors.append(f"{name}: {len(sentences)} sentences, not 6 to 20")
    last = (-1, -1)
    for n, s in enumerate(sentences, start=1):
        where = f"{name} sentence {n}"
        check_claim(where, s, blocks, errors)
        if s.get("locator") in blocks and s.get("quote") in blocks[s["locator"]]:
            key = order_key(blocks, s["locator"], s["quote"])
            if key < last:
                errors.append(f"{where}: out of article order")
            last = key
    for text in story["not_claims"]:
        if text not in article:
            errors.append(f"{name}: not_claim not verbatim: {text!r}")
        if any(text in s["quote"] or s["quote"] in text for s in sentences):
            errors.append(f"{name}: not_claim overlaps an annotated quote: {text!r}")
    for c in story["comment_requests"]:
        if list(c) != ["subject", "asked", "outcome", "date_expression", "quote"]:
            errors.append(f"{name}: comment request keys {list(c)}")
        elif c["quote"] not in article:
            errors.append(f"{name}: comment request quote not verbatim: {c['quote']!r}")
        if c.get("outcome") not in OUTCOMES:
            errors.append(f"{name}: comment outcome {c.get('outcome')!r}")
    for d in story["documents_mentioned"]:
        if list(d) != ["name", "kind", "publisher", "seen", "relation"]:
            errors.append(f"{name}: document keys {list(d)}")
        elif d["kind"] not in DOC_KINDS or d["relation"] not in RELATIONS or d["seen"] not in (True, False):
            errors.append(f"{name}: document {d['name']!r} has a bad kind, relation or seen")
    for c in story["corrections"]:
        if list(c) != ["date", "before", "after"]:
            errors.append(f"{name}: correction keys {list(c)}")
        elif c["after"] not in article or c["before"] in article:
            errors.append(f"{name}: correction {c['before']!r} -> {c['after']!r} does not match the corrected text")
    expects = story["editor_expects"]
    for e in expects:
        if list(e) != ["flag", "about", "finding", "why"] or e["flag"] not in (True, False):
            errors.append(f"{name}: editor_expects entry {e.get('about')!r} is malformed")
    true_n = sum(1 for e in expects if e.get("flag") is True)
    false_n = sum(1 for e in expects if e.get("flag") is False)
    if true_n < 4 or false_n < 4:
        errors.append(f"{name}: editor_expects has {true_n} true and {false_n} false (want at least 4 of each)")
    reprints = folder / "reprints.yaml"
    if reprints.exists():
        check_reprints(name, yaml.safe_load(reprints.read_text(encoding="utf-8")), blocks, errors)
    summary = f"{name}: {len(paragraphs)} paragraphs, {len(sentences)} sentences, editor_expects {true_n} true / {false_n} false"
    if (folder / "claims").is_dir():
        summary += check_corpus(folder, article, errors)
    return errors, summary


def check_corpus(folder: Path, article: str, errors: list[str]) -> str:
    """The corpus in claims/ and expected.yaml: what `claimcheck validate` cannot see (reprinted quotes, the
    expectations' shape and references). Returns the summary's tail."""
    name = folder.name
    config = yaml.safe_load((folder / "claims" / "claimcheck.yaml").read_text(encoding="utf-8"))
    if config.get("fulltext_paths") != [".."]:
        errors.append(f"{name}: claims/claimcheck.yaml fulltext_paths is not ['..']")
    records: dict[str, list[dict[str, Any]]] = {}
    for path in sorted((folder / "claims").glob("*.yaml")):
        if path.name == "claimcheck.yaml":
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for kind, items in data.items():
            records.setdefault(kind, []).extend(items or [])
    ids = {r["id"] for items in records.values() for r in items}
    documents = {d["id"]: d for d in records.get("documents", [])}
    digest = hashlib.sha256((folder / "article.txt").read_bytes()).hexdigest()
    if not any(d.get("fulltext", {}).get("file") == "article.txt" and d["fulltext"]["sha256"] == digest for d in documents.values()):
        errors.append(f"{name}: no document records article.txt with its sha256")
    papers: dict[str, dict[str, Any]] = {}
    if (folder / "reprints.yaml").exists():
        papers = {r["url"]: r for r in yaml.safe_load((folder / "reprints.yaml").read_text(encoding="utf-8"))["reprints"]}
    blocks = blocks_of(article)
    flat = lambda text: " ".join(text.split())  # noqa: E731
    for claim in records.get("claims", []):
        for a in claim["appearances"]:
            doc = documents.get(a["document"], {})
            if not doc.get("reprints"):
                continue
            paper = papers.get(doc.get("url", ""))
            if paper is None:
                errors.append(f"{name}: reprint {a['document']} is not in reprints.yaml (matched by url)")
                continue
            own = [paper["headline"]] + [c.get("after") or c.get("text") or "" for c in paper["changes"] if c["change"] != "removed"]
            carried = [blocks[loc] for loc in paper["carries"]]
            if not any(flat(a["quote"]) in flat(text) for text in own + carried):
                errors.append(
                    f"{name}: {claim['id']}: quote in {a['document']} is not in a paragraph that paper carries, nor its own change"
                )
    path = folder / "expected.yaml"
    if not path.exists():
        errors.append(f"{name}: claims/ without expected.yaml")
        return ""
    expected = yaml.safe_load(path.read_text(encoding="utf-8"))
    if list(expected) != ["expected", "not_expected", "not_checkable"]:
        errors.append(f"{name}: expected.yaml keys {list(expected)}")
        return ""
    seen: dict[tuple[str, str], str] = {}
    for section in ("expected", "not_expected"):
        for e in expected[section] or []:
            if list(e) != ["code", "record", "because"] or e["code"] not in BALANCE_CODES or e["record"] not in ids:
                errors.append(f"{name}: {section} entry {e} is malformed, not a balance code, or about no record")
                continue
            key = (e["code"], e["record"])
            if key in seen:
                errors.append(f"{name}: {key} is listed twice ({seen[key]}, {section})")
            seen[key] = section
    for e in expected["not_checkable"] or []:
        if list(e) != ["about", "why"]:
            errors.append(f"{name}: not_checkable entry {e} is malformed")
    counts = [len(records.get(k, [])) for k in ("claims", "relations", "comments", "reviews")]
    counts += [len(expected[k] or []) for k in ("expected", "not_expected", "not_checkable")]
    return "; corpus {} claims, {} relations, {} comments, {} reviews; expected {} / not {} / not checkable {}".format(*counts)


def check_reprints(name: str, data: dict[str, Any], blocks: dict[str, str], errors: list[str]) -> None:
    shared: set[str] | None = None
    for r in data["reprints"]:
        where = f"{name} reprint {r['publisher']}"
        carries = set(r["carries"])
        for loc in carries:
            if loc not in blocks:
                errors.append(f"{where}: carries unknown {loc!r}")
        shared = carries if shared is None else shared & carries
        added = " ".join(c["text"] for c in r["changes"] if c["change"] == "added")
        for c in r["changes"]:
            loc = c["locator"]
            if c["change"] == "removed" and (blocks.get(loc) != c["text"] or loc in carries):
                errors.append(f"{where}: removed text is not the wire's {loc}, or it is still carried")
            if c["change"] == "changed" and c["before"] not in blocks.get(loc, ""):
                errors.append(f"{where}: changed text not in the wire's {loc}")
        for n, s in enumerate(r["added_claims"], start=1):
            if s["quote"] not in added:
                errors.append(f"{where} added claim {n}: quote not in the added text")
    if sorted(shared or ()) != sorted(data["carried_by_all"]):
        errors.append(f"{name}: carried_by_all {data['carried_by_all']} is not what all reprints carry {sorted(shared or ())}")


def main() -> int:
    failures = 0
    for folder in sorted(p for p in HERE.iterdir() if (p / "story.yaml").exists()):
        errors, summary = check_story(folder)
        for e in errors:
            print("ERROR", e)
        failures += len(errors)
        if summary:
            print(summary)
    print("ok" if not failures else f"{failures} problem(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
