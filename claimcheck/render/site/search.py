"""The site's search index: ranked, multi-word, stemmed, filtered, and split so that a query loads
only what it needs, from a web server and from ``file://`` alike.

Every file is a script that hands its data to ``window.CLAIMCHECK_SEARCH`` (a ``fetch()`` of JSON,
or a module import as Pagefind does, is refused on ``file://``), loaded by ``static/search.js`` with
a ``<script>`` element when a query needs it:

* ``search/manifest.js``: the shard keys, how many entries there are and how they are chunked;
* ``search/t/<n>.js``: the postings of every stem starting with some prefixes (two letters, or more
  where two letters would make a shard over :data:`SHARD_BYTES`; neighbouring small shards share a
  file up to :data:`FILE_BYTES`): for each stem, the entries holding it (delta-coded numbers) and a
  precomputed BM25 weight for each, so that ranking is a sum;
* ``search/d/<n>.js``: the entries themselves, :data:`CHUNK` at a time: title, page, kind, status,
  verdict, the text the excerpt is cut from, a line of detail;
* filters are postings too: ``~k:<kind>``, ``~s:<status>``, ``~v:<verdict>``, ``~p:<party id>``,
  in the same shards, so a filter costs one small file.

Words are folded (accents removed, lower case), split on anything that is not a letter or a digit,
and stemmed with the Porter algorithm (:func:`stem`); ``static/search.js`` does the same to the
query, and a test holds the two to the same output over the whole vocabulary.
"""

from __future__ import annotations

import functools
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from claimcheck.analysis.attribution import topic_label
from claimcheck.publish.urls import record_page
from claimcheck.render.site.common import SiteData, human, words

#: Entries in one ``search/d/<n>.js`` chunk.
CHUNK = 6
#: A shard of postings larger than this is split by a longer prefix.
SHARD_BYTES = 24_000
#: Neighbouring shards are packed into one file up to this size.
FILE_BYTES = 8_000
#: BM25 parameters, and the weight of a word in an entry's title against its body.
K1, B, TITLE_WEIGHT = 1.2, 0.75, 3
#: Words that carry no meaning for search (also dropped from queries).
STOP = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "to",
        "was",
        "were",
        "which",
        "with",
    ]
)

_SPLIT = re.compile(r"[^a-z0-9]+")
_COMBINING = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """Lower case without accents, as ``search.js`` folds: ``Zürich`` → ``zurich``."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


def tokens(text: str) -> list[str]:
    """The words of ``text``, folded."""
    return [t for t in _SPLIT.split(fold(text)) if t]


# ---- the Porter stemmer (M. F. Porter, 1980), written as static/search.js writes it ------------
_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize", "bli": "ble", "alli": "al",
    "entli": "ent", "eli": "e", "ousli": "ous", "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al",
    "iveness": "ive", "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble", "logi": "log",
}  # fmt: skip
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
_c, _v = "[^aeiou]", "[aeiouy]"
_C, _V = _c + "[^aeiouy]*", _v + "[aeiou]*"
_MGR0 = re.compile("^(" + _C + ")?" + _V + _C)
_MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + ")?$")
_MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)
_S_V = re.compile("^(" + _C + ")?" + _v)
_CVC = re.compile("^" + _C + _v + "[^aeiouwxy]$")
_S2 = re.compile(
    r"^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$"
)
_S3 = re.compile(r"^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$")
_S4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Porter stem of a folded word: ``denies`` → ``deni``, ``restrictions`` → ``restrict`` (cached: a corpus
    repeats its words)."""
    if len(word) < 3 or not word.isalpha():
        return word
    w = word
    first_y = w[0] == "y"
    if first_y:
        w = "Y" + w[1:]
    if (m := re.match(r"^(.+?)(ss|i)es$", w)) or (m := re.match(r"^(.+?)([^s])s$", w)):
        w = m[1] + m[2]
    if m := re.match(r"^(.+?)eed$", w):
        if _MGR0.match(m[1]):
            w = w[:-1]
    elif (m := re.match(r"^(.+?)(ed|ing)$", w)) and _S_V.match(m[1]):
        w = m[1]
        if re.search(r"(at|bl|iz)$", w):
            w += "e"
        elif re.search(r"([^aeiouylsz])\1$", w):
            w = w[:-1]
        elif _CVC.match(w):
            w += "e"
    if (m := re.match(r"^(.+?)y$", w)) and _S_V.match(m[1]):
        w = m[1] + "i"
    if (m := _S2.match(w)) and _MGR0.match(m[1]):
        w = m[1] + _STEP2[m[2]]
    if (m := _S3.match(w)) and _MGR0.match(m[1]):
        w = m[1] + _STEP3[m[2]]
    if m := _S4.match(w):
        if _MGR1.match(m[1]):
            w = m[1]
    elif (m := re.match(r"^(.+?)(s|t)(ion)$", w)) and _MGR1.match(m[1] + m[2]):
        w = m[1] + m[2]
    if m := re.match(r"^(.+?)e$", w):
        s = m[1]
        if _MGR1.match(s) or (_MEQ1.match(s) and not _CVC.match(s)):
            w = s
    if re.search(r"ll$", w) and _MGR1.match(w):
        w = w[:-1]
    if first_y:
        w = "y" + w[1:]
    return w


def stems(text: str) -> list[str]:
    """The stems of the words of ``text`` that are not stop words."""
    return [stem(t) for t in tokens(text) if t not in STOP]


# ---- the entries ---------------------------------------------------------------------------------
def entries(data: SiteData) -> list[dict[str, object]]:
    """What search finds: every claim (with its quotes), party and document, each with its page and filters."""
    out: list[dict[str, object]] = []
    for claim in data.claims.values():
        s = data.summary(claim.id)
        quotes = " … ".join(" ".join(a.quote.split()) for a in claim.appearances)
        topics = ", ".join(topic_label(t) for t in claim.topics)
        answers = " ".join(
            f"{words(r.type)} {data.summary(r.target).speaker.text}" for r in data.corpus.relations_from(claim.id) if data.live(r)
        )
        out.append(
            {
                "type": "claim",
                "title": s.sentence,
                "body": f"{quotes} {topics} {s.speaker.text} {claim.kind} {answers}",
                "excerpt": f"{s.text} {('“' + quotes + '”') if quotes else ''}".strip(),
                "url": record_page("claim", claim.id),
                "meta": f"{s.speaker.text}; {s.date or 'undated'}",
                "kind": claim.kind,
                "status": "reply" if s.reply else s.status,
                "status_label": s.reply or s.status_label,
                "verdict": s.verdict.label if s.verdict else "",
                "tone": s.verdict.tone if s.verdict else "",
                "parties": list(dict.fromkeys([claim.speaker, *claim.subjects])),
            }
        )
    for src in data.corpus.sources.values():
        out.append(
            {
                "type": "party",
                "title": src.name,
                "body": " ".join([src.short_name or "", *src.aliases, src.description or ""]),
                "excerpt": src.description or words(src.kind).capitalize(),
                "url": record_page("source", src.id),
                "meta": words(src.kind),
                "kind": "party",
                "status": "",
                "status_label": "",
                "verdict": "",
                "tone": "",
                "parties": [src.id],
            }
        )
    for doc in data.corpus.documents.values():
        publisher = data.corpus.source_name(doc.publisher) if doc.publisher else ""
        note = data.prose(doc.note) or ""
        out.append(
            {
                "type": "document",
                "title": data.document_title(doc),
                "body": f"{publisher} {note} {words(doc.kind)}",
                "excerpt": f"{words(doc.kind).capitalize()}{' by ' + publisher if publisher else ''}. {note}".strip(),
                "url": record_page("document", doc.id),
                "meta": human(doc.date) or "undated",
                "kind": "document",
                "status": "",
                "status_label": "",
                "verdict": "",
                "tone": "",
                "parties": [p for p in (doc.publisher, *doc.authors) if p],
            }
        )
    return out


def _postings(items: list[dict[str, object]]) -> dict[str, list[tuple[int, int]]]:
    """Each stem (and filter term) → (entry number, weight), entries in order."""
    counts: list[Counter[str]] = []
    lengths: list[int] = []
    for item in items:
        tf: Counter[str] = Counter()
        for s in stems(str(item["title"])):
            tf[s] += TITLE_WEIGHT
        for s in stems(str(item["body"])):
            tf[s] += 1
        counts.append(tf)
        lengths.append(sum(tf.values()))
    n = len(items)
    avg = (sum(lengths) / n if n else 0.0) or 1.0  # items of no words at all (punctuation alone) have length 0
    df: Counter[str] = Counter()
    for tf in counts:
        df.update(tf.keys())
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, tf in enumerate(counts):
        norm = K1 * (1 - B + B * lengths[i] / avg)
        for term, f in tf.items():
            idf = math.log(1 + (n - df[term] + 0.5) / (df[term] + 0.5))
            out[term].append((i, max(1, round(10 * idf * f * (K1 + 1) / (f + norm)))))
    for i, item in enumerate(items):
        out[f"~k:{item['kind']}"].append((i, 0))
        if item["status"]:
            out[f"~s:{item['status']}"].append((i, 0))
        if item["type"] == "claim":
            out[f"~v:{fold(str(item['verdict'])) or 'none'}"].append((i, 0))
        for party in item["parties"]:  # type: ignore[attr-defined]  # a list of source ids
            out[f"~p:{party}"].append((i, 0))
    return out


def _encode(postings: list[tuple[int, int]]) -> list[int]:
    flat: list[int] = []
    last = 0
    for doc, weight in postings:
        flat += [doc - last, weight]
        last = doc
    return flat


def _script(name: str, payload: object) -> str:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    text = (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
    return f"CLAIMCHECK_SEARCH.add({json.dumps(name)},{text});\n"


def _shards(terms: dict[str, list[int]]) -> dict[str, dict[str, list[int]]]:
    """Terms split by prefix: two characters, longer where a shard would be too big."""

    def size(group: Iterable[str]) -> int:
        return sum(len(t) + 4 + 3 * len(terms[t]) for t in group)

    out: dict[str, dict[str, list[int]]] = {}
    todo = [(2, sorted(terms))]
    while todo:
        width, group = todo.pop()
        by_key: dict[str, list[str]] = defaultdict(list)
        for t in group:
            by_key[t[:width]].append(t)
        for key, members in by_key.items():
            exact = [t for t in members if len(t) <= width]
            longer = [t for t in members if len(t) > width]
            if size(members) > SHARD_BYTES and longer and width < 12:
                todo.append((width + 1, longer))
                if exact:
                    out[key + "="] = {t: terms[t] for t in exact}
            else:
                out[key] = {t: terms[t] for t in members}
    return out


def _pack(shards: dict[str, dict[str, list[int]]]) -> list[tuple[list[str], dict[str, list[int]]]]:
    """Shards in key order, neighbours packed into one file up to :data:`FILE_BYTES` (a small corpus has many tiny
    shards: one file each would cost more requests and writes than bytes)."""
    files: list[tuple[list[str], dict[str, list[int]]]] = []
    size = FILE_BYTES
    for key in sorted(shards):
        terms = shards[key]
        weight = sum(len(t) + 4 + 3 * len(v) for t, v in terms.items())
        if size + weight > FILE_BYTES:
            files.append(([], {}))
            size = 0
        files[-1][0].append(key)
        files[-1][1].update(terms)
        size += weight
    return files


def files(data: SiteData) -> tuple[dict[str, bytes], int]:
    """Every file of the search index by its path in the site, and how many entries it holds."""
    items = entries(data)
    postings = _postings(items)
    shards = _shards({t: _encode(p) for t, p in postings.items()})
    out: dict[str, bytes] = {}
    owner: dict[str, int] = {}
    for n, (keys, terms) in enumerate(_pack(shards)):
        out[f"search/t/{n}.js"] = _script(f"t:{n}", terms).encode()
        owner.update(dict.fromkeys(keys, n))
    fields = ("type", "title", "url", "excerpt", "meta", "status", "status_label", "verdict", "tone")
    for start in range(0, len(items), CHUNK):
        chunk = [[item[f] for f in fields] for item in items[start : start + CHUNK]]
        out[f"search/d/{start // CHUNK}.js"] = _script(f"d:{start // CHUNK}", chunk).encode()
    manifest = {
        "entries": len(items),
        "chunk": CHUNK,
        "fields": list(fields),
        "shards": {key: owner[key] for key in sorted(shards)},
        "stop": sorted(STOP),
    }
    out["search/manifest.js"] = _script("manifest", manifest).encode()
    return out, len(items)
