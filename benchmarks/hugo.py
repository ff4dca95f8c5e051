"""Convert a claimcheck corpus into an equivalent Hugo site, for the side-by-side build in ``run.py``.

    python3 benchmarks/hugo.py CORPUS OUT       # then: cd OUT && hugo --quiet -d public

One page per claim, source and document, as claimcheck's site has: ``content/claims/<id>.md`` with
front matter holding the same fields (speaker, kind, date, topics, subjects, quotes with their
attribution chains, relations both ways, reviews); ``content/sources/<id>.md`` (the party, its
interests, the claims it made); ``content/documents/<id>.md`` (the document and the passages quoted
from it). Names and titles of linked records are resolved here, in the front matter, so Hugo's
templates only render: the comparison does not ask Hugo to join records. The layouts are a minimal
``_default/single.html`` and ``list.html`` showing every field; taxonomies, RSS, sitemaps and
robots.txt are turned off, and URLs are ``<section>/<id>.html`` as claimcheck's are.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SECTIONS = ("sources", "documents", "claims", "relations", "comments", "reviews")

CONFIG = """\
baseURL = "https://example.invalid/"
title = "claimcheck benchmark (Hugo)"
languageCode = "en"
uglyURLs = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
"""

HEAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }}</title></head><body>
<nav><a href="{{ if .IsHome }}{{ else }}../{{ end }}index.html">Home</a></nav><main>
"""

SINGLE = (
    HEAD
    + """<h1>{{ .Title }}</h1>
<dl>
{{ with .Params.speaker_name }}<dt>Speaker</dt><dd><a href="../sources/{{ $.Params.speaker }}.html">{{ . }}</a></dd>{{ end }}
{{ with .Params.kind }}<dt>Kind</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.record_date }}<dt>Date</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.publisher_name }}<dt>Publisher</dt><dd><a href="../sources/{{ $.Params.publisher }}.html">{{ . }}</a></dd>{{ end }}
{{ with .Params.description }}<dt>About</dt><dd>{{ . }}</dd>{{ end }}
{{ with .Params.topics }}<dt>Topics</dt><dd>{{ delimit . ", " }}</dd>{{ end }}
{{ with .Params.subjects }}<dt>About</dt><dd>{{ range . }}<a href="../sources/{{ .id }}.html">{{ .name }}</a> {{ end }}</dd>{{ end }}
</dl>
{{ with .Params.quotes }}<h2>Where it appears</h2><ul>{{ range . }}
<li><a href="../documents/{{ .document }}.html">{{ .document_title }}</a>: <q>{{ .quote }}</q>
{{ with .chain }}<ol>{{ range . }}<li><a href="../sources/{{ .source }}.html">{{ .name }}</a> ({{ .mode }}){{ with .document }}, <a href="../documents/{{ . }}.html">document</a>{{ end }}</li>{{ end }}</ol>{{ end }}</li>
{{ end }}</ul>{{ end }}
{{ with .Params.relations }}<h2>Related claims</h2><ul>{{ range . }}
<li>{{ .direction }} {{ .type }}: {{ if .claim }}<a href="../claims/{{ .claim }}.html">{{ .text }}</a>{{ else }}{{ .text }}{{ end }}</li>
{{ end }}</ul>{{ end }}
{{ with .Params.reviews }}<h2>Verdicts</h2><ul>{{ range . }}<li>{{ .verdict }} ({{ .reviewer }}, {{ .date }}): {{ .rationale }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.interests }}<h2>Declared interests</h2><ul>{{ range . }}<li>{{ .description }}</li>{{ end }}</ul>{{ end }}
{{ with .Params.claims }}<h2>Claims</h2><ul>{{ range . }}<li><a href="../claims/{{ .id }}.html">{{ .text }}</a>{{ with .quote }}: <q>{{ . }}</q>{{ end }}</li>{{ end }}</ul>{{ end }}
{{ .Content }}
</main></body></html>
"""
)

LIST = (
    HEAD
    + """<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</main></body></html>
"""
)


def front_matter(data: dict[str, Any]) -> str:
    """Block-style YAML front matter, every string written as a (JSON-compatible) double-quoted scalar."""
    lines = ["---"]
    _emit(data, 0, lines)
    lines.append("---")
    return "\n".join(lines) + "\n"


def _emit(value: dict[str, Any], indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for key, item in value.items():
        if item is None or item == [] or item == {}:
            continue
        if isinstance(item, dict):
            lines.append(f"{pad}{key}:")
            _emit(item, indent + 2, lines)
        elif isinstance(item, list):
            lines.append(f"{pad}{key}:")
            for entry in item:
                if isinstance(entry, dict):
                    sub: list[str] = []
                    _emit(entry, indent + 4, sub)
                    if not sub:
                        continue
                    lines.append(f"{pad}  - {sub[0].lstrip()}")
                    lines.extend(sub[1:])
                else:
                    lines.append(f"{pad}  - {json.dumps(entry, ensure_ascii=False)}")
        else:
            lines.append(f"{pad}{key}: {json.dumps(item, ensure_ascii=False)}")


def read_corpus(corpus: Path) -> dict[str, list[dict[str, Any]]]:
    """Every record of the corpus by section, read straight from its YAML files (hidden ones skipped)."""
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in SECTIONS}
    for dirpath, dirnames, filenames in os.walk(corpus):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or not name.endswith((".yaml", ".yml")) or name == "claimcheck.yaml":
                continue
            data = yaml.load(Path(dirpath, name).read_text(encoding="utf-8"), Loader=Loader) or {}  # noqa: S506 - a safe loader
            for key in SECTIONS:
                out[key].extend(data.get(key) or [])
    return out


def convert(corpus: str | os.PathLike[str], out: str | os.PathLike[str]) -> dict[str, int]:
    """Write the Hugo site for ``corpus`` to ``out``; return the number of content pages by section."""
    recs = read_corpus(Path(corpus))
    site = Path(out)
    for folder in ("layouts/_default", "content/claims", "content/sources", "content/documents"):
        (site / folder).mkdir(parents=True, exist_ok=True)
    (site / "config.toml").write_text(CONFIG, encoding="utf-8")
    (site / "layouts/_default/single.html").write_text(SINGLE, encoding="utf-8")
    (site / "layouts/_default/list.html").write_text(LIST, encoding="utf-8")
    for section, title in (("claims", "Claims"), ("sources", "Sources"), ("documents", "Documents")):
        (site / "content" / section / "_index.md").write_text(front_matter({"title": title}), encoding="utf-8")
    (site / "content/_index.md").write_text(front_matter({"title": "claimcheck benchmark"}), encoding="utf-8")

    names = {s["id"]: s.get("short_name") or s["name"] for s in recs["sources"]}
    titles = {d["id"]: d["title"] for d in recs["documents"]}
    texts = {c["id"]: c["text"] for c in recs["claims"]}
    related: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rel in recs["relations"]:
        other = rel.get("by")
        text = texts.get(other, "") if other else f"{titles.get(rel['evidence']['document'], '')}: {rel['evidence']['quote']}"
        related[rel["target"]].append({"direction": "is", "type": rel["type"], "claim": other, "text": text})
        if other:
            related[other].append(
                {"direction": "bears on", "type": rel["type"], "claim": rel["target"], "text": texts.get(rel["target"], "")}
            )
    reviews: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rev in recs["reviews"]:
        reviews[rev["claim"]].append({k: rev[k] for k in ("verdict", "reviewer", "date", "rationale")})
    by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
    quoted: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in recs["claims"]:
        quotes = []
        for app in claim["appearances"]:
            chain = [{**hop, "name": names.get(hop["source"], hop["source"])} for hop in app.get("chain") or []]
            quotes.append(
                {"document": app["document"], "document_title": titles.get(app["document"]), "quote": app["quote"], "chain": chain}
            )
            quoted[app["document"]].append({"id": claim["id"], "text": claim["text"], "quote": app["quote"]})
        by_speaker[claim["speaker"]].append({"id": claim["id"], "text": claim["text"]})
        fm = {
            "title": claim["text"],
            "speaker": claim["speaker"],
            "speaker_name": names.get(claim["speaker"]),
            "kind": claim["kind"],
            "record_date": claim.get("date"),
            "topics": claim.get("topics"),
            "subjects": [{"id": s, "name": names.get(s, s)} for s in claim.get("subjects") or []],
            "quotes": quotes,
            "relations": related.get(claim["id"]),
            "reviews": reviews.get(claim["id"]),
        }
        (site / "content/claims" / f"{claim['id']}.md").write_text(front_matter(fm) + (claim.get("note") or "") + "\n", encoding="utf-8")
    for src in recs["sources"]:
        fm = {
            "title": src["name"],
            "kind": src["kind"],
            "description": src.get("description"),
            "interests": src.get("interests"),
            "claims": by_speaker.get(src["id"]),
        }
        (site / "content/sources" / f"{src['id']}.md").write_text(front_matter(fm), encoding="utf-8")
    for doc in recs["documents"]:
        fm = {
            "title": doc["title"],
            "kind": doc["kind"],
            "record_date": doc.get("date"),
            "publisher": doc.get("publisher"),
            "publisher_name": names.get(doc.get("publisher", "")),
            "claims": quoted.get(doc["id"]),
        }
        (site / "content/documents" / f"{doc['id']}.md").write_text(front_matter(fm) + (doc.get("note") or "") + "\n", encoding="utf-8")
    return {"claims": len(recs["claims"]), "sources": len(recs["sources"]), "documents": len(recs["documents"])}


def main(argv: list[str] | None = None) -> int:
    """The command line."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", type=Path, help="the corpus folder")
    p.add_argument("out", type=Path, help="the Hugo site folder to write")
    args = p.parse_args(argv)
    counts = convert(args.corpus, args.out)
    print(f"wrote {args.out}: " + ", ".join(f"{n:,} {k}" for k, n in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
