"""The hostile inputs, as data: each a small function that writes its corpus and input files in a folder,
registered with its id, kind, description, the commands to run on it and what they must do.

Kinds: ``data-loss``, ``secrets``, ``traceback``, ``hang``, ``injection``, ``silent-acceptance`` and
``robustness`` (odd but legal or plainly broken files that must simply be handled). The invariants that
hold for every command (exit code, no traceback, no raw control character on the terminal, the corpus
untouched, a timeout, inert publications) are checked by :mod:`tests.hostile.runner`; what an input
declares on top (an exit code, a problem code, a message) is what the right answer is for it.

Nothing here imports claimcheck: the inputs are files and command lines only.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from .runner import Context, HostileInput, Publication, Request, Step, StepResult

REPO = Path(__file__).resolve().parents[2]
SMIC = REPO / "claims"
SOURCES = REPO.parent / "shared" / "sources"
#: Seconds for the inputs known to hang: a linear algorithm finishes each in a second or two.
HANG = 10.0

INPUTS: dict[str, HostileInput] = {}


def register(
    id: str,
    kind: str,
    description: str,
    *steps: Step,
    timeout: float | None = None,
    payload: str | None = None,
    protect: tuple[str, ...] = (),
) -> Callable[[Callable[[Context], None]], Callable[[Context], None]]:
    """Register the decorated builder as a hostile input."""

    def deco(build: Callable[[Context], None]) -> Callable[[Context], None]:
        assert id not in INPUTS, id
        INPUTS[id] = HostileInput(
            id=id, kind=kind, description=description, build=build, steps=steps, timeout=timeout, payload=payload, protect=protect
        )
        return build

    return deco


def S(*args: str, exit: set[int] | None = None, **kw: Any) -> Step:
    """A step: ``claimcheck ARGS...`` expected to exit with one of ``exit``."""
    return Step(args=tuple(args), exit=frozenset(exit) if exit is not None else None, **kw)


# ---- corpus building blocks -----------------------------------------------------------------------
def dump(data: Any) -> str:
    """YAML with every string kept as written (control characters and surrogates as escapes)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)


FIVE_POINT = {
    "id": "five-point",
    "name": "Five-point truth scale",
    "values": [
        {"id": "false", "label": "False", "rating": 1, "status": "contradicted", "fever": "REFUTES", "averitec": "Refuted"},
        {"id": "mostly-false", "label": "Mostly false", "rating": 2, "status": "contradicted", "fever": "REFUTES", "averitec": "Refuted"},
        {
            "id": "mixed",
            "label": "Mixed",
            "rating": 3,
            "status": "contested",
            "fever": "NOT ENOUGH INFO",
            "averitec": "Not Enough Evidence",
        },
        {"id": "mostly-true", "label": "Mostly true", "rating": 4, "status": "supported", "fever": "SUPPORTS", "averitec": "Supported"},
        {"id": "true", "label": "True", "rating": 5, "status": "supported", "fever": "SUPPORTS", "averitec": "Supported"},
    ],
}


def config(**extra: Any) -> dict[str, Any]:
    """A config with the five-point scale."""
    return {"title": "Hostile desk", "default_scale": "five-point", "rating_scales": [json.loads(json.dumps(FIVE_POINT))], **extra}


def records() -> dict[str, list[dict[str, Any]]]:
    """A small valid story: an allegation, its denial, the relation between them, a review and a comment request."""
    return {
        "sources": [
            {"id": "accuser", "name": "Alex Accuser", "kind": "person"},
            {"id": "accused", "name": "Acme Corp", "kind": "company"},
            {"id": "outlet", "name": "Daily News", "kind": "news-outlet"},
        ],
        "documents": [
            {
                "id": "article",
                "title": "Acme bridge report",
                "kind": "article",
                "publisher": "outlet",
                "date": "2020-05-10",
                "url": "https://example.org/story",
            }
        ],
        "claims": [
            {
                "id": "allegation",
                "text": "The Acme bridge is unsafe.",
                "speaker": "accuser",
                "kind": "allegation",
                "date": "2020-05-03",
                "topics": ["safety"],
                "subjects": ["accused"],
                "appearances": [{"document": "article", "quote": "the bridge is unsafe"}],
            },
            {
                "id": "denial",
                "text": "Acme says the bridge is safe.",
                "speaker": "accused",
                "kind": "denial",
                "date": "2020-05-04",
                "topics": ["safety"],
                "subjects": ["accused"],
                "appearances": [
                    {"document": "article", "quote": "the bridge is safe", "chain": [{"source": "accused", "mode": "paraphrase"}]}
                ],
            },
        ],
        "relations": [{"id": "acme-denies", "type": "denies", "target": "allegation", "by": "denial"}],
        "comments": [{"id": "acme-asked", "subject": "accused", "claims": ["allegation"], "outcome": "declined", "asked": "2020-05-04"}],
        "reviews": [
            {
                "id": "review-allegation",
                "claim": "allegation",
                "verdict": "mostly-false",
                "rationale": "Inspectors found the bridge sound.",
                "reviewer": "Desk",
                "date": "2020-06-01",
            }
        ],
    }


def write(ctx: Context, data: dict[str, Any] | None = None, cfg: dict[str, Any] | bool | None = True, name: str = "story.yaml") -> Path:
    """Write a corpus in ``ctx.corpus``: the story (``data``, default :func:`records`) as ``name`` and the config."""
    ctx.corpus.mkdir(parents=True, exist_ok=True)
    data = records() if data is None else data
    path = ctx.corpus / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=1) if name.endswith(".json") else dump(data)
    path.write_text(text, encoding="utf-8")
    if cfg is not False:
        (ctx.corpus / "claimcheck.yaml").write_text(dump(config() if cfg is True else cfg), encoding="utf-8")
    return path


def smic(ctx: Context) -> Path:
    """A copy of the SMIC case, its full-text folder pointing at the shared sources."""
    shutil.copytree(SMIC, ctx.corpus)
    cfg = ctx.corpus / "claimcheck.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace('"../../shared/sources"', json.dumps(SOURCES.as_posix())), encoding="utf-8")
    return ctx.corpus


def minimal(ctx: Context) -> Path:
    """The smallest corpus: one source, one document, one claim, no config."""
    return write(ctx, {k: records()[k] for k in ("sources", "documents")} | {"claims": [records()["claims"][0]]}, cfg=False)


def git(cwd: Path, *args: str) -> None:
    """Run git quietly, as a throwaway identity."""
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t"}
    env["GIT_COMMITTER_EMAIL"] = "t@example.org"
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def sha256(path: Path) -> str:
    """The sha256 of a file."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fever_line(**row: Any) -> str:
    """One FEVER JSON line."""
    base = {"id": 1, "claim": "Acme built the bridge.", "label": "SUPPORTS", "evidence": []}
    return json.dumps({**base, **row}) + "\n"


def claimreview(**over: Any) -> dict[str, Any]:
    """One ClaimReview item."""
    item = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://factcheck.example.org/acme",
        "claimReviewed": "Acme built the bridge.",
        "datePublished": "2020-06-01",
        "author": {"@type": "Organization", "name": "Fact Desk"},
        "reviewRating": {"@type": "Rating", "ratingValue": 2, "bestRating": 5, "worstRating": 1, "alternateName": "Mostly false"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Alex Accuser"}},
    }
    item.update(over)
    return item


def write_json(path: Path, data: Any, *, ascii_only: bool = True) -> None:
    """JSON as a tool would write it (lone surrogates as escapes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=ascii_only), encoding="utf-8")


# Commands used by many inputs.
VALIDATE = S("validate", "{corpus}")
CHECK = S("check", "{corpus}")
BUILD = S("build", "{corpus}", "-o", "{out}/site", publish=(Publication("site", "{out}/site"),))
BRIEF_MD = S("brief", "{corpus}", "-o", "{out}/brief.md", publish=(Publication("md", "{out}/brief.md"),))
BRIEF_HTML = S("brief", "{corpus}", "-o", "{out}/brief.html", publish=(Publication("html", "{out}/brief.html"),))
BRIEF_TXT = S("brief", "{corpus}", "-o", "{out}/brief.txt", publish=(Publication("txt", "{out}/brief.txt"),))


def exports(*fmts: str, exit: set[int] | None = None) -> tuple[Step, ...]:
    """An export step per format, into ``{out}``."""
    return tuple(S("export", "{corpus}", "--to", f, "-o", f"{{out}}/export-{f}" + ("" if f == "csv" else ".out"), exit=exit) for f in fmts)


ALL_EXPORTS = ("json", "csv", "sqlite", "claimreview", "fever", "averitec")


def still_a_link(link: str, target: str) -> Callable[[Context, StepResult], list[str]]:
    """A check: ``link`` is still a symbolic link to ``target``, and no ``.NAME.old-*`` or ``.NAME.build-*`` is left beside it."""

    def check(ctx: Context, _result: StepResult) -> list[str]:
        path = Path(ctx.fill(link))
        problems = []
        if not path.is_symlink():
            problems.append(f"{path.name} is no longer a symbolic link: it was replaced")
        elif os.readlink(path) != ctx.fill(target):
            problems.append(f"{path.name} now links to {os.readlink(path)}")
        left = sorted(p.name for p in path.parent.iterdir() if p.name.startswith((f".{path.name}.old-", f".{path.name}.build-")))
        if left:
            problems.append(f"left behind: {', '.join(left)}")
        return problems

    return check


def still_special(path: str, what: str = "fifo") -> Callable[[Context, StepResult], list[str]]:
    """A check: ``path`` is still a FIFO."""

    def check(ctx: Context, _result: StepResult) -> list[str]:
        p = Path(ctx.fill(path))
        return [] if p.is_fifo() or p.is_char_device() else [f"{p.name} was a {what} and was replaced by a regular file"]

    return check


# =====================================================================================================
# data loss: a command destroys or damages files it was not asked to replace
# =====================================================================================================
@register(
    "export-onto-story-file",
    "data-loss",
    "export -o onto the corpus's own story file replaces the story with the export",
    S("export", "{corpus}", "--to", "json", "-o", "{corpus}/story.yaml", exit={2}),
)
def _export_onto_story(ctx: Context) -> None:
    write(ctx)


@register(
    "export-onto-config",
    "data-loss",
    "export -o onto claimcheck.yaml replaces the corpus config (and its rating scales)",
    S("export", "{corpus}", "--to", "fever", "-o", "{corpus}/claimcheck.yaml", exit={2}),
)
def _export_onto_config(ctx: Context) -> None:
    write(ctx)


@register(
    "export-into-corpus-breaks-validate",
    "data-loss",
    "an export written into the corpus folder is read back as corpus data and the next validate fails",
    S("export", "{corpus}", "--to", "json", "-o", "{corpus}/export.json", exit={0, 2}, edits=True),
    S("validate", "{corpus}", exit={0}),
)
def _export_into_corpus(ctx: Context) -> None:
    write(ctx)


@register(
    "export-claimreview-into-corpus",
    "data-loss",
    "a ClaimReview export written as corpus/feed.json is then loaded as a corpus file and makes the corpus invalid",
    S("export", "{corpus}", "--to", "claimreview", "-o", "{corpus}/feed.json", exit={0, 2}, edits=True),
    S("validate", "{corpus}", exit={0}),
)
def _export_claimreview_into(ctx: Context) -> None:
    write(ctx)


@register(
    "export-sqlite-onto-story-file",
    "data-loss",
    "export --to sqlite -o onto a story file replaces the YAML with a database",
    S("export", "{corpus}", "--to", "sqlite", "-o", "{corpus}/story.yaml", exit={2}),
)
def _export_sqlite_onto_story(ctx: Context) -> None:
    write(ctx)


@register(
    "export-csv-onto-corpus-folder",
    "data-loss",
    "export --to csv -o the corpus folder itself must be refused (it holds files the export did not write)",
    S("export", "{corpus}", "--to", "csv", "-o", "{corpus}", exit={2}),
)
def _export_csv_onto_corpus(ctx: Context) -> None:
    write(ctx)


@register(
    "brief-onto-story-file",
    "data-loss",
    "brief -o onto the corpus's story file replaces the story with Markdown",
    S("brief", "{corpus}", "--to", "md", "-o", "{corpus}/story.yaml", exit={2}),
)
def _brief_onto_story(ctx: Context) -> None:
    write(ctx)


@register(
    "brief-onto-config",
    "data-loss",
    "brief -o onto claimcheck.yaml replaces the config",
    S("brief", "{corpus}", "--to", "txt", "-o", "{corpus}/claimcheck.yaml", exit={2}),
)
def _brief_onto_config(ctx: Context) -> None:
    write(ctx)


@register(
    "build-onto-corpus-folder",
    "data-loss",
    "build -o the corpus folder itself must be refused, not replace the corpus with a site",
    S("build", "{corpus}", "-o", "{corpus}", exit={2}),
)
def _build_onto_corpus(ctx: Context) -> None:
    write(ctx)


@register(
    "build-into-corpus-subfolder",
    "data-loss",
    "build -o a folder inside the corpus: the site's files are then read as corpus data",
    S("build", "{corpus}", "-o", "{corpus}/site", exit={0, 2}, edits=True),
    S("validate", "{corpus}", exit={0}),
)
def _build_into_corpus(ctx: Context) -> None:
    write(ctx)


@register(
    "import-output-is-its-input",
    "data-loss",
    "import FILE -o FILE --force reads the story and writes it back through the importer, losing its comments and layout",
    S("import", "{corpus}/story.yaml", "--from", "json", "-o", "{corpus}/story.yaml", "--force", exit={2}),
)
def _import_onto_itself(ctx: Context) -> None:
    path = write(ctx)
    path.write_text("# The editor's notes on this story: keep them.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")


@register(
    "import-onto-config",
    "data-loss",
    "import -o claimcheck.yaml --force replaces the corpus config with imported records",
    S("import", "{tmp}/in.jsonl", "--from", "fever", "-o", "{corpus}/claimcheck.yaml", "--force", exit={2}),
)
def _import_onto_config(ctx: Context) -> None:
    write(ctx)
    (ctx.tmp / "in.jsonl").write_text(fever_line(), encoding="utf-8")


@register(
    "import-config-is-a-story-file",
    "data-loss",
    "import --config naming a story file appends rating_scales to the story, which is then invalid",
    S("import", "{tmp}/in.jsonld", "--from", "claimreview", "-o", "{corpus}/new.yaml", "--config", "{corpus}/story.yaml", exit={2}),
)
def _import_config_story(ctx: Context) -> None:
    write(ctx)
    write_json(ctx.tmp / "in.jsonld", claimreview(reviewRating={"@type": "Rating", "alternateName": "Dubious"}))


@register(
    "add-file-outside-corpus",
    "data-loss",
    "add --file naming a file outside the corpus writes there",
    S(
        "add",
        "source",
        "{corpus}",
        "--file",
        "{tmp}/elsewhere/notes.yaml",
        "--name",
        "New Party",
        "--kind",
        "person",
        "--no-input",
        exit={2},
    ),
    protect=("{tmp}/elsewhere",),
)
def _add_outside(ctx: Context) -> None:
    write(ctx)
    (ctx.tmp / "elsewhere").mkdir()
    (ctx.tmp / "elsewhere" / "notes.yaml").write_text("# someone else's file\nsources: []\n", encoding="utf-8")


@register(
    "fmt-through-link-out-of-corpus",
    "data-loss",
    "fmt must never rewrite a file that a link inside the corpus points to outside it",
    S("fmt", "{corpus}", edits=True),
    protect=("{tmp}/outside.yaml",),
)
def _fmt_link(ctx: Context) -> None:
    write(ctx)
    (ctx.tmp / "outside.yaml").write_text("sources:\n    -   {id: far, name: Far, kind: person}\n", encoding="utf-8")
    (ctx.corpus / "linked.yaml").symlink_to(ctx.tmp / "outside.yaml")


@register(
    "write-corrections-through-link",
    "data-loss",
    "diff --write-corrections must not write through a link in NEW that leads outside it",
    S("diff", "{tmp}/old", "{corpus}", "--write-corrections", "--date", "2020-07-01", edits=True),
    protect=("{tmp}/outside",),
)
def _corrections_link(ctx: Context) -> None:
    old = Context(tmp=ctx.tmp / "oldtmp")
    write(old)
    (ctx.tmp / "oldtmp" / "claims").rename(ctx.tmp / "old")
    ctx.corpus.mkdir()
    (ctx.tmp / "outside").mkdir()
    data = records()
    data["reviews"][0]["verdict"] = "false"
    (ctx.tmp / "outside" / "story.yaml").write_text(dump(data), encoding="utf-8")
    (ctx.corpus / "claimcheck.yaml").write_text(dump(config()), encoding="utf-8")
    (ctx.corpus / "story.yaml").symlink_to(ctx.tmp / "outside" / "story.yaml")


# =====================================================================================================
# secrets: private material (full texts, files beside the corpus) published or served
# =====================================================================================================
SECRET = "SECRET-FULLTEXT-7f3a9c"  # noqa: S105 - a marker to look for, not a password


def _with_fulltext(ctx: Context, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = f"Full text, private. {SECRET}. The report said the bridge is unsafe. Acme said the bridge is safe.\n"
    (folder / "article.txt").write_text(text, encoding="utf-8")
    data = records()
    data["documents"][0]["fulltext"] = {"sha256": sha256(folder / "article.txt"), "file": "article.txt"}
    write(ctx, data, cfg=config(fulltext_paths=[os.path.relpath(folder, ctx.corpus)]))


@register(
    "serve-output-dot-serves-private-files",
    "secrets",
    "serve -o . is refused as a build folder, yet the server goes on serving that folder, full texts included",
    S(
        "serve",
        "{corpus}",
        "-o",
        ".",
        cwd="{tmp}",
        requests=(
            Request("/private/article.txt", forbid_body=SECRET),
            Request("/claims/claimcheck.yaml", forbid_body="rating_scales"),
        ),
    ),
)
def _serve_dot(ctx: Context) -> None:
    _with_fulltext(ctx, ctx.tmp / "private")


@register(
    "serve-answers-any-host",
    "secrets",
    "the preview server answers a request whose Host header names another site (DNS rebinding reads the corpus)",
    S("serve", "{corpus}", requests=(Request("/", host="evil.example", status=frozenset({400, 403, 421})),)),
)
def _serve_host(ctx: Context) -> None:
    write(ctx)


@register(
    "serve-nul-in-url",
    "secrets",
    "a %00 in a URL raises inside the request handler",
    S("serve", "{corpus}", requests=(Request("/claims/%00.html", status=frozenset({400, 404}), outcome="crash"),)),
)
def _serve_nul(ctx: Context) -> None:
    write(ctx)


@register(
    "serve-path-traversal",
    "secrets",
    "dot segments in the URL must not reach files beside the site",
    S(
        "serve",
        "{corpus}",
        "-o",
        "{tmp}/site",
        requests=(
            Request("/../private/article.txt", forbid_body=SECRET),
            Request("/%2e%2e/private/article.txt", forbid_body=SECRET),
            Request("/..%2fprivate%2farticle.txt", forbid_body=SECRET),
        ),
    ),
)
def _serve_traversal(ctx: Context) -> None:
    _with_fulltext(ctx, ctx.tmp / "private")


@register(
    "config-symlink-to-etc-passwd",
    "secrets",
    "claimcheck.yaml is a link to /etc/passwd outside the corpus: it is read anyway and its lines are quoted in problems",
    S("validate", "{corpus}", exit={1}, forbid=(r"root:x?:?0:0",)),
)
def _config_passwd(ctx: Context) -> None:
    write(ctx, cfg=False)
    (ctx.corpus / "claimcheck.yaml").symlink_to("/etc/passwd")


@register(
    "fulltext-paths-at-etc",
    "secrets",
    "a config whose fulltext_paths is /etc reads system files as full texts; nothing of them may reach the site or the problems",
    S("validate", "{corpus}", forbid=(r"/bin/(ba)?sh",)),
    S("build", "{corpus}", "-o", "{out}/site", check=lambda ctx, _r: _no_secret(ctx, ":/root:")),
    S("brief", "{corpus}", "-o", "-", forbid=(r"/bin/(ba)?sh",)),
)
def _fulltext_etc(ctx: Context) -> None:
    data = records()
    passwd = Path("/etc/passwd")
    data["documents"][0]["fulltext"] = {"sha256": sha256(passwd), "file": "passwd"}
    data["claims"][0]["appearances"][0]["quote"] = "root:x:0:0:root"
    data["claims"][1]["appearances"][0]["quote"] = "daemon:x:1:1"
    write(ctx, data, cfg=config(fulltext_paths=["/etc"]))


@register(
    "fulltext-dotdot-file-name",
    "secrets",
    "a full text's file name with '..' must be a located schema error, not a path out of the full-text folder",
    S("validate", "{corpus}", exit={1}, codes=("schema",)),
)
def _fulltext_dotdot(ctx: Context) -> None:
    (ctx.tmp / "ft").mkdir()
    (ctx.tmp / "secret.txt").write_text(SECRET, encoding="utf-8")
    data = records()
    data["documents"][0]["fulltext"] = {"sha256": sha256(ctx.tmp / "secret.txt"), "file": "../secret.txt"}
    write(ctx, data, cfg=config(fulltext_paths=["../ft"]))


@register(
    "fulltext-is-link-to-passwd",
    "secrets",
    "a full text in the full-text folder that is a link to /etc/passwd is read; it must not be published or quoted",
    S("validate", "{corpus}", forbid=(r"/bin/(ba)?sh",)),
    S("export", "{corpus}", "--to", "sqlite", "-o", "{out}/db.sqlite", check=lambda ctx, _r: _no_secret(ctx, "/bin/bash")),
)
def _fulltext_link(ctx: Context) -> None:
    (ctx.tmp / "ft").mkdir()
    (ctx.tmp / "ft" / "article.txt").symlink_to("/etc/passwd")
    data = records()
    data["documents"][0]["fulltext"] = {"sha256": sha256(Path("/etc/passwd")), "file": "article.txt"}
    data["claims"][0]["appearances"][0]["quote"] = "root:x:0:0"
    data["claims"][1]["appearances"][0]["quote"] = "daemon:x:1:1"
    write(ctx, data, cfg=config(fulltext_paths=["../ft"]))


def _no_secret(ctx: Context, secret: str) -> list[str]:
    found = [p.name for p in ctx.out.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]
    return [f"{', '.join(found)} holds the private text {secret!r}"] if found else []


@register(
    "exports-never-hold-full-texts",
    "secrets",
    "the SMIC case with its full text verified: no export and no site page may hold a passage of the full text that no quote holds",
    *exports("json", "sqlite", "csv"),
    S("build", "{corpus}", "-o", "{out}/site", check=lambda ctx, _r: _no_fulltext(ctx)),
)
def _exports_fulltext(ctx: Context) -> None:
    smic(ctx)


def _no_fulltext(ctx: Context) -> list[str]:
    """Passages of the SMIC full text that no string of the corpus holds must be in no output."""
    import html

    files = sorted(SOURCES.glob("*.txt"))
    if not files:
        return []
    text = " ".join(files[0].read_text(encoding="utf-8").split())
    data = yaml.safe_load((ctx.corpus / "smic-2020.yaml").read_text(encoding="utf-8"))
    strings: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, str):
            strings.append(" ".join(node.split()))
        elif isinstance(node, dict):
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(data)
    known = "\n".join(strings)
    windows = [text[i : i + 60] for i in range(0, len(text) - 60, 97)]
    unquoted = [w for w in windows if not any(w[j : j + 25] in known for j in range(0, 36, 5))]
    found = []
    for path in ctx.out.rglob("*"):
        if path.is_file():
            raw = path.read_bytes().decode("utf-8", "replace")
            shown = " ".join(html.unescape(raw).split())
            if any(w in shown for w in unquoted):
                found.append(path.relative_to(ctx.out).as_posix())
    return [f"a passage of the full text that no quote holds is published in {', '.join(found[:5])}"] if found else []


@register(
    "template-include-escape",
    "secrets",
    "a --templates file including ../../etc/passwd must fail cleanly and publish nothing of it",
    S("brief", "{corpus}", "--templates", "{tmp}/tpl", "-o", "-", exit={2}, forbid=(r"root:x?:?0:0",)),
)
def _template_escape(ctx: Context) -> None:
    write(ctx)
    (ctx.tmp / "tpl").mkdir()
    (ctx.tmp / "tpl" / "brief.md.j2").write_text('{% include "../../../../../../etc/passwd" %}\n', encoding="utf-8")


# =====================================================================================================
# tracebacks: a file or option crashes a command instead of being reported
# =====================================================================================================
def _surrogate_records() -> dict[str, Any]:
    data = records()
    data["claims"][0]["text"] = "The Acme bridge \udc00 is unsafe."
    data["sources"][0]["name"] = "Alex \ud800 Accuser"
    return data


@register(
    "surrogate-in-json-corpus",
    "traceback",
    'a lone surrogate escape ("\\udc00") in a JSON corpus file passes validate, then crashes build, brief and the exports',
    S("validate", "{corpus}", expect=(r"/claims/0/text",)),
    S("check", "{corpus}"),
    BUILD,
    BRIEF_MD,
    *exports("json", "csv", "sqlite", "claimreview"),
)
def _surrogate_json(ctx: Context) -> None:
    ctx.corpus.mkdir()
    write_json(ctx.corpus / "story.json", _surrogate_records())
    (ctx.corpus / "claimcheck.yaml").write_text(dump(config()), encoding="utf-8")


@register(
    "surrogate-in-yaml-corpus",
    "traceback",
    'a lone surrogate written as a YAML escape ("\\udc00") in a story file',
    S("validate", "{corpus}", expect=(r"story\.yaml",)),
    BUILD,
    BRIEF_TXT,
)
def _surrogate_yaml(ctx: Context) -> None:
    write(ctx, _surrogate_records())


@register(
    "surrogate-in-config-title",
    "traceback",
    "a lone surrogate in claimcheck.yaml's title and a rating label",
    VALIDATE,
    BUILD,
    BRIEF_HTML,
)
def _surrogate_config(ctx: Context) -> None:
    cfg = config(title="Desk \udc80")
    cfg["rating_scales"][0]["values"][1]["label"] = "Mostly \udfff false"
    write(ctx, cfg=cfg)


def _import_then_use(src: str, fmt: str, *extra: str) -> tuple[Step, ...]:
    return (
        S("import", src, "--from", fmt, "-o", "{corpus}/imported.yaml", *extra, edits=True),
        S("validate", "{corpus}"),
        BUILD,
        S("brief", "{corpus}", "-o", "-"),
        *exports("sqlite", "claimreview"),
    )


@register(
    "surrogate-in-fever-import",
    "traceback",
    "a FEVER line whose claim holds a lone surrogate is imported, then crashes build, brief and the exports",
    *_import_then_use("{tmp}/in.jsonl", "fever", "--review-date", "2020-06-01"),
)
def _surrogate_fever(ctx: Context) -> None:
    write(ctx)
    (ctx.tmp / "in.jsonl").write_text(fever_line(claim="Acme \udc00 built the bridge."), encoding="utf-8")


@register(
    "surrogate-in-claimreview-import",
    "traceback",
    "a ClaimReview whose claimReviewed and author hold lone surrogates",
    *_import_then_use("{tmp}/in.jsonld", "claimreview"),
)
def _surrogate_claimreview(ctx: Context) -> None:
    write(ctx)
    write_json(
        ctx.tmp / "in.jsonld", claimreview(claimReviewed="Acme \udc00 built it.", author={"@type": "Organization", "name": "Desk \ud83d"})
    )


@register(
    "surrogate-in-json-import",
    "traceback",
    "a JSON export (claimcheck's own format) whose source name holds a lone surrogate",
    *_import_then_use("{tmp}/in.json", "json"),
)
def _surrogate_json_import(ctx: Context) -> None:
    write(ctx)
    write_json(ctx.tmp / "in.json", {"sources": [{"id": "newcomer", "name": "New \udc00 Comer", "kind": "person"}]})


def _chain_of_parents(n: int) -> dict[str, Any]:
    data = records()
    claims = data["claims"]
    for i in range(n):
        claims.append(
            {
                "id": f"sub-{i}",
                "text": f"Sub-claim number {i} of the allegation.",
                "speaker": "accuser",
                "kind": "assertion",
                "parent": "allegation" if i == 0 else f"sub-{i - 1}",
                "appearances": [{"document": "article", "quote": f"part {i}"}],
            }
        )
    return data


@register(
    "parent-chain-700",
    "traceback",
    "a chain of 700 sub-claims (each the parent of the next) raises RecursionError in check, build, brief and export",
    S("check", "{corpus}", exit={0, 1}),
    S("build", "{corpus}", "-o", "{out}/site", exit={0, 1}),
    S("brief", "{corpus}", "-o", "{out}/brief.md", exit={0, 1}),
    *exports("json", "claimreview", exit={0, 1}),
)
def _parent_chain(ctx: Context) -> None:
    write(ctx, _chain_of_parents(700))


@register(
    "affiliation-chain-700",
    "traceback",
    "700 sources each affiliated with the next: interests inherited along affiliations must not recurse once per link",
    S("check", "{corpus}", exit={0, 1}),
    S("build", "{corpus}", "-o", "{out}/site", exit={0, 1}),
    S("brief", "{corpus}", "-o", "-", exit={0, 1}),
)
def _affiliation_chain(ctx: Context) -> None:
    data = records()
    n = 700
    data["sources"][0]["affiliations"] = ["aff-0"]
    data["sources"] += [
        {"id": f"aff-{i}", "name": f"Group {i}", "kind": "organisation", **({"affiliations": [f"aff-{i + 1}"]} if i + 1 < n else {})}
        for i in range(n)
    ]
    data["sources"][-1]["interests"] = [{"description": "Gains if the bridge is closed.", "subjects": ["accused"]}]
    write(ctx, data)


@register(
    "contradicts-chain-1500",
    "traceback",
    "1,500 claims each contradicting the next: the transitive contradiction closure must not recurse once per link",
    S("check", "{corpus}", exit={0, 1}),
    S("build", "{corpus}", "-o", "{out}/site", exit={0, 1}),
    *exports("sqlite", exit={0, 1}),
)
def _contradicts_chain(ctx: Context) -> None:
    data = records()
    n = 1500
    data["claims"] += [
        {
            "id": f"c-{i}",
            "text": f"Statement {i}.",
            "speaker": "accuser" if i % 2 else "accused",
            "kind": "assertion",
            "appearances": [{"document": "article", "quote": f"statement {i}"}],
        }
        for i in range(n)
    ]
    data["relations"] += [{"id": f"r-{i}", "type": "contradicts", "target": f"c-{i}", "by": f"c-{i + 1}"} for i in range(n - 1)]
    write(ctx, data)


@register(
    "malformed-config-crashes-import",
    "traceback",
    "a claimcheck.yaml that is not valid YAML crashes import when the rating scales are appended",
    S("import", "{tmp}/in.jsonld", "--from", "claimreview", "-o", "{corpus}/new.yaml", exit={1, 2}),
)
def _malformed_config_import(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "claimcheck.yaml").write_text("title: [unclosed\nrating_scales: {\n", encoding="utf-8")
    write_json(ctx.tmp / "in.jsonld", claimreview(reviewRating={"@type": "Rating", "alternateName": "Dubious"}))


@register(
    "config-bare-string-import",
    "traceback",
    "a claimcheck.yaml that is a bare string, when an import appends rating scales to it",
    S("validate", "{corpus}", exit={1}),
    S("import", "{tmp}/in.jsonld", "--from", "claimreview", "-o", "{corpus}/new.yaml", exit={1, 2}),
)
def _config_string_import(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "claimcheck.yaml").write_text('"just a string"\n', encoding="utf-8")
    write_json(ctx.tmp / "in.jsonld", claimreview(reviewRating={"@type": "Rating", "alternateName": "Dubious"}))


@register(
    "rating-written-as-float",
    "traceback",
    "a rating written 5.0 (an integer to JSON Schema) validates, then crashes the commands that use it",
    S("validate", "{corpus}"),
    CHECK,
    BUILD,
    BRIEF_MD,
    *exports("claimreview", "averitec", "csv", "sqlite"),
    S("import", "{tmp}/csv", "--from", "csv", "-o", "{tmp}/new/imported.yaml", exit={0, 1}),
)
def _rating_float(ctx: Context) -> None:
    (ctx.tmp / "new").mkdir()
    cfg = config()
    cfg["rating_scales"][0]["values"][4]["rating"] = 5.0
    cfg["rating_scales"][0]["values"][1]["rating"] = 2.0
    write(ctx, cfg=cfg)
    # the CSV export as it was written while 5.0 passed (once refused, no export is left to import): 5.0 in rating_values.csv
    out = _csv_export(ctx)
    values = out / "rating_values.csv"
    values.write_text(values.read_text(encoding="utf-8").replace(",5,", ",5.0,").replace(",2,", ",2.0,"), encoding="utf-8")


@register(
    "rating-too-large-for-sqlite",
    "traceback",
    "a rating of 10**20 is a valid integer that SQLite cannot store",
    S("validate", "{corpus}"),
    *exports("sqlite", "claimreview"),
)
def _rating_huge(ctx: Context) -> None:
    cfg = config()
    for i, value in enumerate(cfg["rating_scales"][0]["values"]):
        value["rating"] = 10**20 + i
    write(ctx, cfg=cfg)


def _csv_export(ctx: Context) -> Path:
    """A CSV export of the standard corpus, written by claimcheck's own export, for the CSV inputs to damage."""
    from .runner import claimcheck_command

    src = Context(tmp=ctx.tmp / "src")
    src.tmp.mkdir()
    write(src)
    out = ctx.tmp / "csv"
    subprocess.run([*claimcheck_command(), "export", str(src.corpus), "--to", "csv", "-o", str(out)], check=True, capture_output=True)
    shutil.rmtree(src.tmp)
    return out


def _drop_column(path: Path, column: str) -> None:
    import csv
    import io

    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    i = rows[0].index(column)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([r[:i] + r[i + 1 :] for r in rows])
    path.write_text(buf.getvalue(), encoding="utf-8")


@register(
    "csv-without-rating-column",
    "traceback",
    "a CSV export whose rating_values.csv has no rating column",
    S("import", "{tmp}/csv", "--from", "csv", "-o", "{tmp}/new/imported.yaml", exit={1}),
)
def _csv_no_rating(ctx: Context) -> None:
    out = _csv_export(ctx)
    _drop_column(out / "rating_values.csv", "rating")
    (ctx.tmp / "new").mkdir()


@register(
    "csv-without-id-column",
    "traceback",
    "a CSV export whose claims.csv has no id column",
    S("import", "{tmp}/csv", "--from", "csv", "-o", "{tmp}/new/imported.yaml", exit={1}),
)
def _csv_no_id(ctx: Context) -> None:
    out = _csv_export(ctx)
    _drop_column(out / "claims.csv", "id")
    (ctx.tmp / "new").mkdir()


@register(
    "csv-without-scale-column",
    "traceback",
    "a CSV export whose rating_values.csv has no scale column",
    S("import", "{tmp}/csv", "--from", "csv", "-o", "{tmp}/new/imported.yaml", exit={1}),
)
def _csv_no_scale(ctx: Context) -> None:
    out = _csv_export(ctx)
    _drop_column(out / "rating_values.csv", "scale")
    (ctx.tmp / "new").mkdir()


@register(
    "csv-ragged-rows",
    "traceback",
    "CSV rows longer and shorter than the header (cells with no column, columns with no cell)",
    S("import", "{tmp}/csv", "--from", "csv", "-o", "{tmp}/new/imported.yaml", exit={0, 1}),
)
def _csv_ragged(ctx: Context) -> None:
    out = _csv_export(ctx)
    lines = (out / "sources.csv").read_text(encoding="utf-8").splitlines()
    lines[1] += ",extra,cells,here"
    lines[2] = lines[2].split(",")[0]
    (out / "sources.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (ctx.tmp / "new").mkdir()


@register(
    "fever-evidence-is-a-number",
    "traceback",
    "a FEVER line whose evidence is a number",
    S("import", "{tmp}/in.jsonl", "--from", "fever", "-o", "{tmp}/new/imported.yaml", exit={0, 1}, codes=("import-skipped",)),
)
def _fever_evidence_number(ctx: Context) -> None:
    (ctx.tmp / "new").mkdir()
    (ctx.tmp / "in.jsonl").write_text(fever_line(evidence=5) + fever_line(id=2, claim="Second.", evidence={"a": 1}), encoding="utf-8")


@register(
    "fever-fields-of-the-wrong-type",
    "traceback",
    "FEVER lines whose claim is a list, label a dict, claim_id a number and evidence sets of numbers",
    S("import", "{tmp}/in.jsonl", "--from", "fever", "-o", "{tmp}/new/imported.yaml", "--review-date", "2020-06-01", exit={0, 1}),
)
def _fever_types(ctx: Context) -> None:
    (ctx.tmp / "new").mkdir()
    lines = [
        fever_line(claim=["a", "list"]),
        fever_line(label={"x": 1}),
        fever_line(claim_id=7, claim="Numbered claim id."),
        fever_line(claim="Evidence of numbers.", evidence=[[1, 2, 3], [[None, None]], "text"]),
        fever_line(claim="   "),
        "[1, 2, 3]\n",
        "null\n",
    ]
    (ctx.tmp / "in.jsonl").write_text("".join(lines), encoding="utf-8")


@register(
    "claimreview-fields-of-the-wrong-type",
    "traceback",
    "ClaimReview items whose author is a number, reviewRating a list of strings, itemReviewed a string and url a list",
    S("import", "{tmp}/in.jsonld", "--from", "claimreview", "-o", "{tmp}/new/imported.yaml", exit={0, 1}),
)
def _claimreview_types(ctx: Context) -> None:
    (ctx.tmp / "new").mkdir()
    items = [
        claimreview(author=42),
        claimreview(reviewRating=["Mostly false", "x"]),
        claimreview(itemReviewed="a string", url=["https://a.example", 3]),
        claimreview(datePublished=20200601, claimReviewed=["a", 5, None]),
        claimreview(reviewRating={"ratingValue": "2", "bestRating": "five", "worstRating": None, "alternateName": 7}),
        claimreview(itemReviewed={"@type": "Claim", "appearance": [5, "x", {"url": 5}], "datePublished": ["2020"]}),
    ]
    write_json(ctx.tmp / "in.jsonld", {"@graph": items})


@register(
    "claimreview-date-in-the-future-of-its-work",
    "traceback",
    "a ClaimReview whose claim is dated with a time zone and an impossible day",
    S("import", "{tmp}/in.jsonld", "--from", "claimreview", "-o", "{tmp}/new/imported.yaml", exit={0, 1}),
)
def _claimreview_dates(ctx: Context) -> None:
    (ctx.tmp / "new").mkdir()
    item = claimreview(
        datePublished="2020-02-30T25:61:00+99:99",
        itemReviewed={
            "@type": "Claim",
            "datePublished": "2021-13-01",
            "appearance": {"url": "https://x.example", "datePublished": "0000-00-00"},
        },
    )
    write_json(ctx.tmp / "in.jsonld", item)


@register(
    "diff-git-absolute-symlink",
    "traceback",
    "diff --git on a revision holding an absolute symbolic link",
    S("diff", "--git", "HEAD~1", "HEAD", "claims", exit={0, 1, 2}),
)
def _diff_git_symlink(ctx: Context) -> None:
    write(ctx)
    git(ctx.tmp, "init", "-q")
    git(ctx.tmp, "add", ".")
    git(ctx.tmp, "commit", "-qm", "one")
    (ctx.corpus / "passwd.yaml").symlink_to("/etc/passwd")
    git(ctx.tmp, "add", ".")
    git(ctx.tmp, "commit", "-qm", "two")


@register(
    "diff-git-relative-link-escaping",
    "traceback",
    "diff --git on a revision holding a link that climbs out of the corpus (../../..)",
    S("diff", "--git", "HEAD~1", "HEAD", "claims", exit={0, 1, 2}),
)
def _diff_git_relative(ctx: Context) -> None:
    write(ctx)
    git(ctx.tmp, "init", "-q")
    git(ctx.tmp, "add", ".")
    git(ctx.tmp, "commit", "-qm", "one")
    (ctx.corpus / "up.yaml").symlink_to("../../../../../../etc/hostname")
    git(ctx.tmp, "add", ".")
    git(ctx.tmp, "commit", "-qm", "two")


@register(
    "diff-git-revision-option-injection",
    "traceback",
    "diff --git with a revision that looks like a git option",
    S("diff", "--git", "--output=/tmp/hostile-pwned", "HEAD", "claims", exit={2}),
)
def _diff_git_option(ctx: Context) -> None:
    write(ctx)
    git(ctx.tmp, "init", "-q")
    git(ctx.tmp, "add", ".")
    git(ctx.tmp, "commit", "-qm", "one")


@register(
    "brief-since-impossible-day",
    "traceback",
    "brief --since with an impossible day and --until with words",
    S("brief", "{corpus}", "--since", "2020-02-30", "-o", "-", exit={2}),
    S("brief", "{corpus}", "--until", "last week", "-o", "-", exit={2}),
    S("brief", "{corpus}", "--since", "2020-05-01/2020-06-01", "-o", "-", exit={0, 2}),
)
def _brief_since(ctx: Context) -> None:
    write(ctx)


@register(
    "keys-that-are-not-strings",
    "traceback",
    "YAML keys that are numbers, booleans and null, in a record, a section map and the config",
    S("validate", "{corpus}", exit={1}),
    S("fmt", "--check", "{corpus}", exit={0, 1}),
)
def _odd_keys(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "keys.yaml").write_text(
        "sources:\n  - id: k\n    name: K\n    kind: person\n    1: one\n    true: yes\n    null: nothing\n    2020-01-01: day\n"
        "claims:\n  - {id: kc, text: T, speaker: k, kind: assertion, appearances: [{document: article, quote: q, 3.5: x}]}\n"
        "7: seven\n",
        encoding="utf-8",
    )
    (ctx.corpus / "claimcheck.yaml").write_text(dump(config()) + "1: one\nnull: x\n", encoding="utf-8")


@register(
    "template-that-raises",
    "traceback",
    "a --templates brief template that raises (undefined name, division by zero)",
    S("brief", "{corpus}", "--templates", "{tmp}/tpl", "-o", "-", exit={2}),
    S("brief", "{corpus}", "--templates", "{tmp}/tpl", "--to", "html", "-o", "-", exit={2}),
)
def _template_raises(ctx: Context) -> None:
    write(ctx)
    (ctx.tmp / "tpl").mkdir()
    (ctx.tmp / "tpl" / "brief.md.j2").write_text("{{ no_such_thing.attribute }}\n", encoding="utf-8")
    (ctx.tmp / "tpl" / "brief.html.j2").write_text("{{ 1 // 0 }}\n", encoding="utf-8")


@register(
    "template-that-recurses",
    "traceback",
    "a --templates template whose macro calls itself, and a site template that extends itself",
    S("brief", "{corpus}", "--templates", "{tmp}/tpl", "-o", "-", exit={2}),
    S("build", "{corpus}", "--templates", "{tmp}/tpl", "-o", "{out}/site", exit={2}),
)
def _template_recurses(ctx: Context) -> None:
    write(ctx)
    (ctx.tmp / "tpl").mkdir()
    (ctx.tmp / "tpl" / "brief.md.j2").write_text("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(0) }}\n", encoding="utf-8")
    (ctx.tmp / "tpl" / "base.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")


@register(
    "template-syntax-error",
    "traceback",
    "a --templates site template with a syntax error",
    S("build", "{corpus}", "--templates", "{tmp}/tpl", "-o", "{out}/site", exit={2}),
)
def _template_syntax(ctx: Context) -> None:
    write(ctx)
    (ctx.tmp / "tpl").mkdir()
    (ctx.tmp / "tpl" / "claim.html").write_text("{% if %}\n", encoding="utf-8")
    (ctx.tmp / "tpl" / "index.html").write_text("{% for x in %}{% endif %}\n", encoding="utf-8")


@register(
    "non-utf8-file-name",
    "traceback",
    "a corpus file whose name is not UTF-8 (café in Latin-1), holding a problem to report",
    S("validate", "{corpus}", exit={1}),
    S("validate", "{corpus}", "--format", "json", exit={1}),
    S("fmt", "--check", "{corpus}", exit={0, 1}),
)
def _latin1_name(ctx: Context) -> None:
    write(ctx)
    name = os.fsencode(ctx.corpus) + b"/caf\xe9.yaml"
    with open(name, "wb") as fh:
        fh.write(b"sources:\n  - {id: cafe, name: Cafe, kind: nonsense}\n")


@register(
    "add-with-non-utf8-argument",
    "traceback",
    "add source --name with bytes that are not UTF-8",
    S("add", "source", "{corpus}", "--name", os.fsdecode(b"Caf\xe9"), "--kind", "person", "--no-input", exit={1, 2}),
)
def _add_latin1(ctx: Context) -> None:
    write(ctx)


# =====================================================================================================
# hangs: inputs far under the size limits that keep a command running
# =====================================================================================================
@register(
    "json-escaped-quotes-160k",
    "hang",
    "a 160 KB malformed JSON file of escaped quotes (the depth scan's string regex backtracks quadratically)",
    S("validate", "{corpus}", exit={1}, codes=("parse-error",)),
    timeout=HANG,
)
def _json_quotes(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "quotes.json").write_text("[]" * 70 + '"' + '\\"' * 80_000, encoding="utf-8")


@register(
    "fifo-in-corpus",
    "hang",
    "a FIFO named like a corpus file blocks the loader forever",
    S("validate", "{corpus}", exit={1}),
    timeout=HANG,
)
def _fifo(ctx: Context) -> None:
    write(ctx)
    os.mkfifo(ctx.corpus / "pipe.yaml")


@register(
    "fifo-as-fulltext",
    "hang",
    "a FIFO as a document's full text must be skipped (not opened, which would block)",
    S("validate", "{corpus}", exit={0, 1}),
    timeout=HANG,
)
def _fifo_fulltext(ctx: Context) -> None:
    (ctx.tmp / "ft").mkdir()
    os.mkfifo(ctx.tmp / "ft" / "article.txt")
    data = records()
    data["documents"][0]["fulltext"] = {"sha256": "0" * 64, "file": "article.txt"}
    write(ctx, data, cfg=config(fulltext_paths=["../ft"]))


@register(
    "fulltext-is-dev-zero",
    "hang",
    "a full text that is a link to /dev/zero must be skipped, not read whole (without end) to check its sha256",
    S("validate", "{corpus}", exit={0, 1}),
    timeout=HANG,
)
def _devzero(ctx: Context) -> None:
    (ctx.tmp / "ft").mkdir()
    (ctx.tmp / "ft" / "article.txt").symlink_to("/dev/zero")
    data = records()
    data["documents"][0]["fulltext"] = {"sha256": "0" * 64, "file": "article.txt"}
    write(ctx, data, cfg=config(fulltext_paths=["../ft"]))


@register(
    "mistyped-references-2000",
    "hang",
    "2,000 mistyped speaker references among 2,000 sources: 'did you mean' compares every pair",
    S("validate", "{corpus}", exit={1}, codes=("unknown-reference",)),
    timeout=HANG,
)
def _mistyped(ctx: Context) -> None:
    n = 2000
    data = records()
    data["sources"] += [{"id": f"party-number-{i}", "name": f"Party {i}", "kind": "person"} for i in range(n)]
    data["claims"] += [
        {
            "id": f"claim-{i}",
            "text": f"Claim {i}.",
            "speaker": f"partty-nmber-{i}",
            "kind": "assertion",
            "appearances": [{"document": "article", "quote": f"q {i}"}],
        }
        for i in range(n)
    ]
    write(ctx, data)


def _supports_chain(n: int) -> dict[str, Any]:
    data = records()
    data["claims"] += [
        {
            "id": f"s-{i}",
            "text": f"Step {i}.",
            "speaker": "accuser",
            "kind": "assertion",
            "appearances": [{"document": "article", "quote": f"s {i}"}],
        }
        for i in range(n)
    ]
    data["relations"] += [{"id": f"sr-{i}", "type": "supports", "target": f"s-{i}", "by": f"s-{i + 1}"} for i in range(n - 1)]
    return data


@register(
    "supports-chain-map-12000",
    "hang",
    "a 12,000-claim supports chain (as in the issue): the map's layered layout relaxes every edge once per node, and lists each layer"
    " by scanning every claim; 12,000 pages take about 25 s to render on 2 cores even when the layout is linear",
    S("build", "{corpus}", "-o", "{out}/site", exit={0}),
    timeout=40,
)
def _supports_chain_big(ctx: Context) -> None:
    write(ctx, _supports_chain(12_000))  # listed along the chain: one more layer settles per pass, the worst order


@register(
    "fever-duplicate-lines-20000",
    "hang",
    "20,000 identical FEVER lines: each id is found by counting up from -2",
    S("import", "{tmp}/in.jsonl", "--from", "fever", "-o", "{tmp}/new/imported.yaml", exit={0, 1}),
    timeout=HANG,
)
def _fever_dupes(ctx: Context) -> None:
    (ctx.tmp / "new").mkdir()
    (ctx.tmp / "in.jsonl").write_text(fever_line() * 20_000, encoding="utf-8")


@register(
    "claimreview-duplicate-items-16000",
    "hang",
    "16,000 identical ClaimReview items: each id is found by counting up from -2",
    S("import", "{tmp}/in.jsonld", "--from", "claimreview", "-o", "{tmp}/new/imported.yaml", exit={0, 1}),
    timeout=HANG,
)
def _claimreview_dupes(ctx: Context) -> None:
    (ctx.tmp / "new").mkdir()
    write_json(ctx.tmp / "in.jsonld", [claimreview()] * 16_000)


@register(
    "claimreview-unclosed-tags",
    "hang",
    "600 ClaimReview descriptions of '<a' x 10,000: the tag-stripping regex backtracks quadratically",
    S("import", "{tmp}/in.jsonld", "--from", "claimreview", "-o", "{tmp}/new/imported.yaml", exit={0, 1}),
    timeout=HANG,
)
def _claimreview_tags(ctx: Context) -> None:
    (ctx.tmp / "new").mkdir()
    items = [claimreview(claimReviewed=f"Claim {i}.", description="<a" * 10_000) for i in range(600)]
    write_json(ctx.tmp / "in.jsonld", items)


@register(
    "alias-bomb-in-config-during-import",
    "hang",
    "a billion-laughs alias bomb in claimcheck.yaml, expanded when an import reads the declared rating scales",
    S("import", "{tmp}/in.jsonld", "--from", "claimreview", "-o", "{corpus}/new.yaml", exit={2}, codes=("yaml-alias",)),
    timeout=HANG,
)
def _alias_bomb(ctx: Context) -> None:
    write(ctx)
    levels = ["&a0 [" + ", ".join(['"x"'] * 9) + "]"] + [f"&a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    cfg = ctx.corpus / "claimcheck.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + "bomb: [" + ", ".join(levels) + "]\n", encoding="utf-8")
    write_json(ctx.tmp / "in.jsonld", claimreview(reviewRating={"@type": "Rating", "alternateName": "Dubious"}))


@register(
    "duplicate-ids-20000",
    "hang",
    "20,000 records all with the same id, each a located duplicate-id problem",
    S("validate", "{corpus}", exit={1}, codes=("duplicate-id",), max_output=20_000_000),
    timeout=HANG,
)
def _dupe_ids(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "dupes.yaml").write_text("sources:\n" + "  - {id: same, name: Same, kind: person}\n" * 20_000, encoding="utf-8")


@register(
    "schema-errors-5000",
    "hang",
    "5,000 invalid records in one file, each a located schema problem",
    S("validate", "{corpus}", exit={1}, codes=("schema",), max_output=30_000_000),
    timeout=HANG,
)
def _many_schema(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "bad.yaml").write_text(
        "sources:\n" + "".join(f"  - {{id: s{i}, name: S, kind: wizard}}\n" for i in range(5_000)), encoding="utf-8"
    )


@register(
    "quote-not-found-in-large-fulltext",
    "hang",
    "200 quotes of 5,000 characters checked against a 2 MB full text that holds none of them",
    S("validate", "{corpus}", exit={1}, codes=("quote-not-found",)),
    timeout=HANG,
)
def _quote_large(ctx: Context) -> None:
    (ctx.tmp / "ft").mkdir()
    (ctx.tmp / "ft" / "article.txt").write_text(("the bridge is unsafe and " * 80_000)[:2_000_000], encoding="utf-8")
    data = records()
    data["documents"][0]["fulltext"] = {"sha256": sha256(ctx.tmp / "ft" / "article.txt"), "file": "article.txt"}
    data["claims"] += [
        {
            "id": f"long-{i}",
            "text": "A long quote.",
            "speaker": "accuser",
            "kind": "assertion",
            "appearances": [{"document": "article", "quote": ("the bridge is unsafe and " * 200)[:4990] + f" {i}"}],
        }
        for i in range(200)
    ]
    write(ctx, data, cfg=config(fulltext_paths=["../ft"]))


@register(
    "diff-reworded-long-texts",
    "hang",
    "diff of 100 claims whose 3,000-word texts were reworded throughout (the word diff must stay near-linear)",
    S("diff", "{tmp}/old", "{corpus}", exit={0, 1}, max_output=50_000_000),
    timeout=HANG,
)
def _diff_long(ctx: Context) -> None:
    import random

    rng = random.Random(7)  # noqa: S311 - test data
    words = [f"w{i}" for i in range(400)]

    def corpus(folder: Path, shuffle: bool) -> None:
        data = records()
        for i in range(100):
            text = [rng.choice(words) for _ in range(3000)]
            if shuffle:
                rng.shuffle(text)
            data["claims"].append(
                {
                    "id": f"long-{i}",
                    "text": " ".join(text)[:19_000],
                    "speaker": "accuser",
                    "kind": "assertion",
                    "appearances": [{"document": "article", "quote": f"q{i}"}],
                }
            )
        sub = Context(tmp=folder)
        write(sub, data)

    corpus(ctx.tmp / "o", False)
    (ctx.tmp / "o" / "claims").rename(ctx.tmp / "old")
    corpus(ctx.tmp, True)


@register(
    "contradiction-paths-explode",
    "hang",
    "a layered graph of 30 levels of 2 claims, each contradicting both of the next level: 2**30 paths, 120 relations",
    S("check", "{corpus}", exit={0, 1}),
    S("build", "{corpus}", "-o", "{out}/site", exit={0, 1}),
    S("export", "{corpus}", "--to", "sqlite", "-o", "{out}/db.sqlite", exit={0, 1}),
    timeout=HANG,
)
def _paths_explode(ctx: Context) -> None:
    data = records()
    levels = 30
    for lv in range(levels):
        for k in range(2):
            data["claims"].append(
                {
                    "id": f"l{lv}-{k}",
                    "text": f"Level {lv} claim {k}.",
                    "speaker": "accuser" if lv % 2 else "accused",
                    "kind": "assertion",
                    "appearances": [{"document": "article", "quote": f"level {lv} {k}"}],
                }
            )
    n = 0
    for lv in range(levels - 1):
        for a in range(2):
            for b in range(2):
                data["relations"].append({"id": f"x{n}", "type": "contradicts", "target": f"l{lv}-{a}", "by": f"l{lv + 1}-{b}"})
                n += 1
    write(ctx, data)


# =====================================================================================================
# injection: data that becomes terminal control or markup
# =====================================================================================================
ESC_NAME = "\x1b]0;pwned\x07Evil\x1b[2J\x1b[31m Corp"


@register(
    "esc-in-source-name-check",
    "injection",
    "ESC/OSC sequences in a source name reach the terminal raw through check",
    S("check", "{corpus}"),
    S("check", "{corpus}", "--include-drafts", "--fail-on", "info"),
)
def _esc_check(ctx: Context) -> None:
    data = records()
    data["sources"][0]["name"] = ESC_NAME
    data["claims"].append(
        {
            "id": "lonely",
            "text": "Acme cut corners.",
            "speaker": "accuser",
            "kind": "allegation",
            "subjects": ["accused"],
            "appearances": [{"document": "article", "quote": "cut corners"}],
        }
    )
    write(ctx, data)


@register(
    "esc-in-source-name-diff",
    "injection",
    "ESC/OSC sequences in a source name and a claim text reach the terminal raw through diff",
    S("diff", "{tmp}/old", "{corpus}"),
)
def _esc_diff(ctx: Context) -> None:
    old = Context(tmp=ctx.tmp / "o")
    write(old)
    (ctx.tmp / "o" / "claims").rename(ctx.tmp / "old")
    data = records()
    data["sources"][0]["name"] = ESC_NAME
    data["claims"][0]["text"] = "The Acme bridge is \x1b[8mhidden\x1b[0m unsafe."
    data["claims"].append(
        {
            "id": "added",
            "text": "Acme \x1b]0;t\x07lied.",
            "speaker": "accuser",
            "kind": "allegation",
            "subjects": ["accused"],
            "appearances": [{"document": "article", "quote": "Acme lied"}],
        }
    )
    data["reviews"][0]["verdict"] = "false"
    write(ctx, data)


@register(
    "newline-in-file-name-forges-a-problem",
    "injection",
    "a file name holding a newline forges a problem line in validate's output",
    S("validate", "{corpus}", exit={1}, forbid=(r"^forged\.yaml:1:1",)),
)
def _newline_name(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "x.yaml\nforged.yaml:1:1: error: the corpus was tampered with [parse-error]\nx.yaml").write_text(
        "sources: {broken\n", encoding="utf-8"
    )


@register(
    "esc-in-file-name",
    "injection",
    "a file name holding ESC sequences, printed by validate and fmt",
    S("validate", "{corpus}", exit={1}),
    S("fmt", "{corpus}", exit={0, 1}, edits=True),
)
def _esc_name(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "\x1b[2J\x1b]0;owned\x07evil.yaml").write_text("sources:\n  -   {id: e, name: E, kind: wrong}\n", encoding="utf-8")


@register(
    "rtl-override-in-file-name",
    "injection",
    "a file name holding U+202E (right-to-left override) reaches the terminal raw, so 'txt.yaml' reads as 'lmay.txt'",
    S("validate", "{corpus}", exit={1}, forbid=("\u202e",)),
)
def _rtl_name(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "report\u202etxt.yaml").write_text("sources: [\n", encoding="utf-8")


@register(
    "esc-in-unknown-key",
    "injection",
    "ESC sequences in a record's unknown key and in a wrong enum value, echoed by validate's messages",
    S("validate", "{corpus}", exit={1}),
)
def _esc_key(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "keys.yaml").write_text(
        'sources:\n  - {id: k, name: K, kind: "\\e[2Jwizard", "\\e]0;title\\a": 1}\n"\\e[31msection": []\n', encoding="utf-8"
    )


@register(
    "esc-in-reference",
    "injection",
    "a C1 CSI (U+009B) and ESC in a reference (speaker) echoed by the unknown-reference message",
    S("validate", "{corpus}", exit={1}),
)
def _esc_reference(ctx: Context) -> None:
    data = records()
    data["claims"][0]["speaker"] = "accuser\x9b2J"
    data["claims"][1]["subjects"] = ["acc\x1b[5mused"]
    write(ctx, data)


@register(
    "esc-in-review-listing",
    "injection",
    "ESC sequences in a draft claim's text, printed by review",
    S("review", "{corpus}"),
)
def _esc_review(ctx: Context) -> None:
    data = records()
    data["claims"][0]["status"] = "draft"
    data["claims"][0]["text"] = "Unsafe \x1b[1A\x1b[2Kbridge."
    write(ctx, data)


@register(
    "esc-in-import-warnings",
    "injection",
    "ESC sequences in a FEVER label and a ClaimReview author, echoed by import's warnings",
    S("import", "{tmp}/in.jsonl", "--from", "fever", "-o", "{tmp}/new/a.yaml", exit={0, 1}),
    S("import", "{tmp}/in.jsonld", "--from", "claimreview", "-o", "{tmp}/new/b.yaml", exit={0, 1}),
)
def _esc_import(ctx: Context) -> None:
    (ctx.tmp / "new").mkdir()
    (ctx.tmp / "in.jsonl").write_text(fever_line(label="\x1b[2JSUPPORTS") + fever_line(id=2, claim="\x1b]0;t\x07Claim"), encoding="utf-8")
    write_json(
        ctx.tmp / "in.jsonld",
        claimreview(author={"@type": "Organization", "name": "Desk\x1b[31m", "url": "javascript:\x1b"}, datePublished="\x1b[2J"),
    )


@register(
    "esc-in-add-option",
    "injection",
    "ESC sequences in add's option values, echoed by its refusal",
    S("add", "source", "{corpus}", "--name", "Ev\x1b[2Jil", "--kind", "\x1b]0;t\x07person", "--no-input", exit={1, 2}),
    S(
        "add",
        "claim",
        "{corpus}",
        "--text",
        "T",
        "--speaker",
        "acc\x1b[1Auser",
        "--kind",
        "assertion",
        "--document",
        "article",
        "--quote",
        "q",
        "--no-input",
        exit={1, 2},
    ),
)
def _esc_add(ctx: Context) -> None:
    write(ctx)


@register(
    "esc-in-brief-to-terminal",
    "injection",
    "a claim text with ESC sequences printed by brief -o - (the brief on standard output)",
    S("brief", "{corpus}", "-o", "-"),
    S("brief", "{corpus}", "--to", "txt", "-o", "-"),
)
def _esc_brief(ctx: Context) -> None:
    data = records()
    data["claims"][1]["text"] = "Acme says \x1b[2J\x1b[H the bridge is safe."
    write(ctx, data)


@register(
    "esc-in-serve-log",
    "injection",
    "a source name with ESC sequences and an invisible character, logged by serve as a problem",
    S("serve", "{corpus}", requests=(Request("/"),)),
)
def _esc_serve(ctx: Context) -> None:
    data = records()
    data["sources"][0]["name"] = "Ev\u200bil\x1b[2J"
    write(ctx, data)


def _md_corpus(ctx: Context, *, inline: bool = False) -> None:
    """The standard corpus with the payload in the config's description, a claim's context note, a review's rationale and
    (for payloads without a line break) a document's title and a source's name."""
    data = records()
    cfg = config(description=ctx.payload)
    data["claims"][0]["context"] = [ctx.payload]
    data["reviews"][0]["rationale"] = ctx.payload
    if inline:
        data["documents"][0]["title"] = ctx.payload
        data["sources"][2]["name"] = ctx.payload
    write(ctx, data, cfg=cfg)


MARKDOWN = {
    "md-setext-equals": ("a === underline turns the line above into a heading", "Intro words\n==="),
    "md-setext-dash": ("a --- underline turns the line above into a heading", "Intro words\n---"),
    "md-thematic-break": ("a line of --- alone is a rule", "---"),
    "md-four-space-code": ("four spaces after a blank line make a code block", "Intro words\n\n    indented code"),
    "md-tab-code": ("a tab after a blank line makes a code block", "Intro words\n\n\tindented code"),
    "md-strikethrough": ("~~ pairs strike text through (GFM)", "the ~~struck~~ words"),
    "md-single-tilde": ("single ~ pairs strike text through too (GFM)", "the ~struck~ words"),
    "md-www-autolink": ("a bare www. address becomes a link (GFM)", "see www.evil.example now"),
    "md-http-autolink": ("a bare http address becomes a link (GFM)", "see https://evil.example/path now"),
    "md-email-autolink": ("a bare e-mail address becomes a mailto link (GFM)", "write to evil@evil.example now"),
    "md-html-block": ("<div> starts an HTML block", "<div>block</div>"),
    "md-link-reference-definition": ("[x]: http://... defines a link", "[x]: http://evil.example/"),
    "md-table": ("| table | rows make a table (GFM)", "| a | b |\n| --- | --- |\n| c | d |"),
    "md-ordered-list-paren": ("1) at a line start starts a list (escaped as \\1, which shows the backslash)", "Intro words\n1) first"),
    "md-ordered-list-dot": ("2. at a line start starts a list", "Intro words\n2. second"),
    "md-atx-heading": ("# at a line start is a heading", "Intro words\n# Heading"),
    "md-backtick-fence": ("a ``` fence is a code block", "Intro words\n```\nfenced\n```"),
    "md-tilde-fence": ("a ~~~ fence is a code block", "Intro words\n~~~\nfenced\n~~~"),
    "md-html-entities": ("HTML entities (&lt; &amp; &#x41;) are shown decoded, not as written", "&lt;b&gt; &amp;amp; &#x41; &copy;"),
    "md-carriage-return-lines": ("a lone CR is a line end to CommonMark: a === after it is a heading", "Intro words\r===\r- item"),
    "md-hard-line-break": ("two spaces at a line end make a hard break", "line one  \nline two"),
    "md-backslash-line-end": ("a backslash at a line end makes a hard break", "line one\\\nline two"),
    "md-emphasis-and-code": (
        "emphasis, strong and code spans (escaped: must stay text)",
        "*em* __strong__ `code` <b>x</b> [l](page.html) ![i](x.png)",
    ),
    "md-angle-autolink": ("<https://...> is an autolink", "see <https://evil.example/> now"),
    "md-block-quote-and-list": ("> and - at a line start (escaped: must stay text)", "Intro words\n> quoted\n- listed\n+ plus"),
}

for _id, (_desc, _payload) in MARKDOWN.items():
    _inline = "\n" not in _payload and "\r" not in _payload
    register(
        _id,
        "injection",
        f"Markdown in free text: {_desc}",
        BRIEF_MD,
        *((BRIEF_HTML,) if _id in ("md-html-entities", "md-html-block", "md-emphasis-and-code") else ()),
        payload=_payload,
    )(lambda ctx, _inline=_inline: _md_corpus(ctx, inline=_inline))


@register(
    "site-script-payloads",
    "injection",
    "script payloads in every kind of name and text, built and opened in headless Chromium",
    S("build", "{corpus}", "-o", "{out}/site", publish=(Publication("site", "{out}/site", browser=True),)),
    payload='<img src=x onerror="window.PWNED=1"><script>window.PWNED=1</script>',
)
def _site_scripts(ctx: Context) -> None:
    data = records()
    data["sources"][0]["name"] = ctx.payload
    data["documents"][0]["title"] = ctx.payload
    data["claims"][0]["text"] = "The bridge " + ctx.payload
    data["claims"][0]["context"] = [ctx.payload]
    data["reviews"][0]["rationale"] = ctx.payload
    write(ctx, data, cfg=config(title=ctx.payload))


@register(
    "base-url-javascript",
    "injection",
    "build and export --base-url javascript:... make every ClaimReview url a script link",
    S(
        "build",
        "{corpus}",
        "-o",
        "{out}/site",
        "--base-url",
        "javascript:window.PWNED=1//",
        exit={2},
        publish=(Publication("site", "{out}/site"),),
    ),
    S("export", "{corpus}", "--to", "claimreview", "-o", "{out}/cr.json", "--base-url", "javascript:alert(1)//", exit={2}),
)
def _base_url(ctx: Context) -> None:
    data = records()
    del data["relations"]
    write(ctx, data)


@register(
    "base-url-breaks-out",
    "injection",
    "--base-url holding quotes and angle brackets",
    S(
        "build",
        "{corpus}",
        "-o",
        "{out}/site",
        "--base-url",
        'https://x.example/"><script>window.PWNED=1</script>',
        exit={0, 2},
        publish=(Publication("site", "{out}/site"),),
    ),
)
def _base_url_quotes(ctx: Context) -> None:
    write(ctx)


@register(
    "csv-formula-in-every-cell",
    "injection",
    "formula payloads in ids are impossible, but in names, quotes and notes they must come out neutralised in the CSV",
    S("export", "{corpus}", "--to", "csv", "-o", "{out}/csv", check=lambda ctx, _r: _csv_safe(ctx)),
)
def _csv_formula(ctx: Context) -> None:
    data = records()
    data["sources"][0]["name"] = '=HYPERLINK("https://evil.example","x")'
    data["sources"][0]["aliases"] = ["+1+1", "-2", "@SUM(A1)", "\tTAB", "\uff1dFULLWIDTH()", " =SPACE()"]
    data["claims"][0]["text"] = "=1+1"
    data["claims"][0]["context"] = ["|pipe", "\n=newline first"]
    write(ctx, data)


def _csv_safe(ctx: Context) -> list[str]:
    import csv

    bad = []
    for path in sorted((ctx.out / "csv").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.reader(fh):
                bad += [f"{path.name}: {c[:30]!r}" for c in row if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    return [f"cells a spreadsheet would run: {', '.join(bad[:4])}"] if bad else []


# =====================================================================================================
# silent acceptance: something wrong goes through without a word
# =====================================================================================================
@register(
    "c0-controls-in-names-and-texts",
    "silent-acceptance",
    "C0 control characters (NUL, ESC, BEL, BS) in names and texts are accepted and reach the built pages",
    S("validate", "{corpus}", expect=(r"/sources/0/name",)),
    BUILD,
    BRIEF_HTML,
)
def _c0(ctx: Context) -> None:
    data = records()
    data["sources"][0]["name"] = "Alex\x00 Acc\x1buser\x07"
    data["claims"][0]["text"] = "The bridge\x08\x08 is unsafe.\x0c"
    data["documents"][0]["title"] = "Title\x7f\x1b[0m"
    write(ctx, data)


@register(
    "c1-controls-in-texts",
    "silent-acceptance",
    "C1 control characters (U+0085 NEL, U+009B CSI) in a title and a quote reach the built pages",
    S("validate", "{corpus}", expect=(r"/documents/0/title",)),
    BUILD,
)
def _c1(ctx: Context) -> None:
    data = records()
    data["documents"][0]["title"] = "Acme\x9b2J report\x85"
    data["claims"][0]["appearances"][0]["quote"] = "the bridge\x90 is unsafe"
    write(ctx, data)


for _id, (_desc, _date) in {
    "date-mathematical-digits": ("mathematical bold digits", "𝟐𝟎𝟐𝟎-𝟎𝟓-𝟎𝟏"),
    "date-arabic-indic-digits": ("Arabic-Indic digits", "٢٠٢٠-٠٥-٠١"),
    "date-fullwidth-digits": ("fullwidth digits", "２０２０-０５"),
    "date-devanagari-interval": ("Devanagari digits in an interval", "../२०२०-०५"),
}.items():
    register(
        _id,
        "silent-acceptance",
        f"a date written in {_desc} ({_date}) validates",
        S("validate", "{corpus}", exit={1}, expect=(r"/claims/0/date: error",)),
    )(lambda ctx, _date=_date: write(ctx, _dated(_date)))


def _dated(date: str) -> dict[str, Any]:
    data = records()
    data["claims"][0]["date"] = date
    return data


@register(
    "date-option-non-ascii-digits",
    "silent-acceptance",
    "brief --since and import --review-date in non-ASCII digits are taken as dates",
    S("brief", "{corpus}", "--since", "٢٠٢٠", "-o", "-", exit={2}),
    S("import", "{tmp}/in.jsonl", "--from", "fever", "-o", "{tmp}/new/x.yaml", "--review-date", "𝟐𝟎𝟐𝟎-𝟎𝟔-𝟎𝟏", exit={2}),
)
def _date_option(ctx: Context) -> None:
    write(ctx)
    (ctx.tmp / "new").mkdir()
    (ctx.tmp / "in.jsonl").write_text(fever_line(), encoding="utf-8")


def _csv_with_scale_id(ctx: Context, scale_id: str) -> None:
    import csv
    import io

    ctx.corpus.mkdir()
    (ctx.corpus / "claimcheck.yaml").write_text(dump(config()), encoding="utf-8")
    out = _csv_export(ctx)
    for name, column in (("rating_values.csv", "scale"),):  # the reviews keep their declared scale: only the new one is wrong
        rows = list(csv.reader(io.StringIO((out / name).read_text(encoding="utf-8"))))
        i = rows[0].index(column)
        for row in rows[1:]:
            row[i] = scale_id
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(rows)
        (out / name).write_text(buf.getvalue(), encoding="utf-8")


for _id, (_desc, _scale) in {
    "import-appends-scale-id-over-limit": ("a 130-character scale id", "s" * 130),
    "import-appends-scale-id-dotdot": ("the scale id '../A'", "../A"),
}.items():
    register(
        _id,
        "silent-acceptance",
        f"a CSV import whose rating_values.csv names {_desc}: the scale is appended to claimcheck.yaml, which is then invalid",
        S("import", "{tmp}/csv", "--from", "csv", "-o", "{corpus}/imported.yaml", exit={0, 1, 2}, edits=True),
        S("validate", "{corpus}", exit={0}),
    )(lambda ctx, _scale=_scale: _csv_with_scale_id(ctx, _scale))


@register(
    "claimreview-long-fact-checker-name",
    "silent-acceptance",
    "a ClaimReview whose fact-checker has a 300-character name: the derived scale id must stay within the id limit",
    S("import", "{tmp}/in.jsonld", "--from", "claimreview", "-o", "{corpus}/imported.yaml", exit={0, 1, 2}, edits=True),
    S("validate", "{corpus}", exit={0}),
)
def _scale_long(ctx: Context) -> None:
    write(ctx)
    name = " ".join(["Verylongfactcheckername"] * 13)
    write_json(ctx.tmp / "in.jsonld", claimreview(author={"@type": "Organization", "name": name}))


@register(
    "import-makes-reviews-ambiguous",
    "silent-acceptance",
    "an import appends a scale while the config has no default_scale: existing reviews without a scale become ambiguous",
    S("import", "{tmp}/in.jsonld", "--from", "claimreview", "-o", "{corpus}/imported.yaml", exit={0, 1, 2}, edits=True),
    S("validate", "{corpus}", exit={0}),
)
def _scale_ambiguous(ctx: Context) -> None:
    cfg = config()
    del cfg["default_scale"]
    write(ctx, cfg=cfg)
    write_json(ctx.tmp / "in.jsonld", claimreview())


@register(
    "import-scale-collides-with-declared",
    "silent-acceptance",
    "an imported FEVER scale whose id is already declared with other values",
    S(
        "import",
        "{tmp}/in.jsonl",
        "--from",
        "fever",
        "--review-date",
        "2020-06-01",
        "-o",
        "{corpus}/imported.yaml",
        exit={0, 1, 2},
        edits=True,
    ),
    S("validate", "{corpus}", exit={0}),
)
def _scale_collides(ctx: Context) -> None:
    cfg = config()
    cfg["rating_scales"].append(
        {"id": "fever-labels", "name": "Mine", "values": [{"id": "a", "label": "A", "rating": 1}, {"id": "b", "label": "B", "rating": 2}]}
    )
    data = records()
    data["reviews"].append(
        {
            "id": "review-denial",
            "claim": "denial",
            "scale": "fever-labels",
            "verdict": "a",
            "rationale": "R",
            "reviewer": "D",
            "date": "2020-06-01",
        }
    )
    write(ctx, data, cfg=cfg)
    (ctx.tmp / "in.jsonl").write_text(fever_line(), encoding="utf-8")


@register(
    "csv-rows-for-missing-records",
    "silent-acceptance",
    "CSV rows (aliases, appearances, hops) for records that do not exist are dropped without a word",
    S("import", "{tmp}/csv", "--from", "csv", "-o", "{tmp}/new/imported.yaml", codes=("import-skipped",)),
)
def _csv_orphans(ctx: Context) -> None:
    out = _csv_export(ctx)
    with open(out / "source_aliases.csv", "a", encoding="utf-8") as fh:
        fh.write("nobody,0,An alias of no one\n")
    with open(out / "appearances.csv", "a", encoding="utf-8") as fh:
        fh.write("no-such-claim,0,article,a quote,\n")
    with open(out / "claim_context.csv", "a", encoding="utf-8") as fh:
        fh.write("ghost,0,Context of a ghost\n")
    (ctx.tmp / "new").mkdir()
    (ctx.tmp / "new" / "claimcheck.yaml").write_text(dump(config()), encoding="utf-8")


@register(
    "csv-row-without-id",
    "silent-acceptance",
    "a CSV row whose id cell is empty",
    S("import", "{tmp}/csv", "--from", "csv", "-o", "{tmp}/new/imported.yaml", exit={1}),
)
def _csv_empty_id(ctx: Context) -> None:
    out = _csv_export(ctx)
    with open(out / "sources.csv", "a", encoding="utf-8") as fh:
        fh.write(",Nameless,person,,,,,\n")
    (ctx.tmp / "new").mkdir()


@register(
    "build-output-is-a-symlink",
    "silent-acceptance",
    "build -o a symbolic link replaces the link with a folder and leaves .link.old-* behind",
    S("build", "{corpus}", "-o", "{tmp}/public/site", exit={0, 2}, check=still_a_link("{tmp}/public/site", "{tmp}/real-site")),
    S("build", "{corpus}", "-o", "{tmp}/public/site", exit={0, 2}, check=still_a_link("{tmp}/public/site", "{tmp}/real-site")),
)
def _build_symlink(ctx: Context) -> None:
    write(ctx)
    (ctx.tmp / "real-site").mkdir()
    (ctx.tmp / "public").mkdir()
    (ctx.tmp / "public" / "site").symlink_to(ctx.tmp / "real-site")


@register(
    "export-output-is-a-symlink",
    "silent-acceptance",
    "export -o a symbolic link replaces the link with a file",
    S(
        "export",
        "{corpus}",
        "--to",
        "json",
        "-o",
        "{tmp}/link.json",
        exit={0, 2},
        check=still_a_link("{tmp}/link.json", "{tmp}/target.json"),
    ),
)
def _export_symlink(ctx: Context) -> None:
    write(ctx)
    (ctx.tmp / "target.json").write_text("{}", encoding="utf-8")
    (ctx.tmp / "link.json").symlink_to(ctx.tmp / "target.json")


@register(
    "export-output-is-a-fifo",
    "silent-acceptance",
    "export -o a FIFO replaces the FIFO with a file",
    S("export", "{corpus}", "--to", "fever", "-o", "{tmp}/pipe", exit={2}, check=still_special("{tmp}/pipe")),
)
def _export_fifo(ctx: Context) -> None:
    write(ctx)
    os.mkfifo(ctx.tmp / "pipe")


@register(
    "brief-output-is-a-symlink",
    "silent-acceptance",
    "brief -o a symbolic link replaces the link",
    S("brief", "{corpus}", "-o", "{tmp}/brief.md", exit={0, 2}, check=still_a_link("{tmp}/brief.md", "{tmp}/real-brief.md")),
)
def _brief_symlink(ctx: Context) -> None:
    write(ctx)
    (ctx.tmp / "real-brief.md").write_text("old brief\n", encoding="utf-8")
    (ctx.tmp / "brief.md").symlink_to(ctx.tmp / "real-brief.md")


@register(
    "add-file-into-hidden-folder",
    "silent-acceptance",
    "add --file writes into a hidden folder, which the loader never reads: the record is lost from view",
    S(
        "add",
        "source",
        "{corpus}",
        "--file",
        "{corpus}/.drafts/new.yaml",
        "--name",
        "Hidden Party",
        "--kind",
        "person",
        "--no-input",
        exit={2},
    ),
)
def _add_hidden(ctx: Context) -> None:
    write(ctx)


@register(
    "add-file-not-yaml",
    "silent-acceptance",
    "add --file naming a .txt file, which the loader never reads",
    S("add", "source", "{corpus}", "--file", "{corpus}/notes.txt", "--name", "Text Party", "--kind", "person", "--no-input", exit={2}),
)
def _add_txt(ctx: Context) -> None:
    write(ctx)


@register(
    "add-file-is-the-config",
    "silent-acceptance",
    "add --file claimcheck.yaml appends a sources section to the config",
    S(
        "add",
        "source",
        "{corpus}",
        "--file",
        "{corpus}/claimcheck.yaml",
        "--name",
        "Config Party",
        "--kind",
        "person",
        "--no-input",
        exit={1, 2},
    ),
)
def _add_config(ctx: Context) -> None:
    write(ctx)


@register(
    "add-file-is-json",
    "silent-acceptance",
    "add --file naming a JSON corpus file (fmt and add leave JSON alone)",
    S("add", "source", "{corpus}", "--file", "{corpus}/story.json", "--name", "Json Party", "--kind", "person", "--no-input", exit={2}),
)
def _add_json(ctx: Context) -> None:
    write(ctx, name="story.json")


@register(
    "fever-unknown-labels-dropped",
    "silent-acceptance",
    "FEVER lines with labels in lower case or unknown are skipped, each with a warning",
    S("import", "{tmp}/in.jsonl", "--from", "fever", "-o", "{tmp}/new/x.yaml", exit={0, 1}, codes=("import-skipped",)),
)
def _fever_labels(ctx: Context) -> None:
    (ctx.tmp / "new").mkdir()
    (ctx.tmp / "in.jsonl").write_text(fever_line(label="supports") + fever_line(id=2, claim="Other.", label="MAYBE"), encoding="utf-8")


@register(
    "unicode-confusable-ids",
    "silent-acceptance",
    "ids in Cyrillic and fullwidth letters that look like taken ids must be schema errors",
    S("validate", "{corpus}", exit={1}, codes=("schema",)),
)
def _confusable_ids(ctx: Context) -> None:
    data = records()
    data["sources"].append({"id": "асcuser", "name": "Impostor", "kind": "person"})  # Cyrillic a and c (U+0430, U+0441)
    data["sources"].append({"id": "ａccused", "name": "Impostor 2", "kind": "company"})
    write(ctx, data)


@register(
    "invisible-characters-in-ids-of-references",
    "silent-acceptance",
    "a zero-width space inside a reference must be refused, not resolved or silently dropped",
    S("validate", "{corpus}", exit={1}, codes=("schema",)),
)
def _zw_reference(ctx: Context) -> None:
    data = records()
    data["claims"][0]["speaker"] = "accu\u200bser"
    write(ctx, data)


@register(
    "rtl-override-in-name-warned",
    "silent-acceptance",
    "a right-to-left override in a source name and in a topic label is an invisible-characters warning",
    S("validate", "{corpus}", exit={0}, codes=("invisible-characters",)),
)
def _rtl_name_warned(ctx: Context) -> None:
    data = records()
    data["sources"][0]["name"] = "Alex \u202eresucca"
    data["sources"][0]["aliases"] = ["\u2066isolated\u2069"]
    write(ctx, data)


@register(
    "story-file-is-a-directory",
    "silent-acceptance",
    "a folder named x.yaml in the corpus, given to add --file, import -o and fmt",
    VALIDATE,
    S("add", "source", "{corpus}", "--file", "{corpus}/x.yaml", "--name", "Dir Party", "--kind", "person", "--no-input", exit={1, 2}),
    S("import", "{tmp}/in.jsonl", "--from", "fever", "-o", "{corpus}/x.yaml", "--force", exit={1, 2}),
    S("fmt", "{corpus}", exit={0, 1}, edits=True),
)
def _dir_yaml(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "x.yaml").mkdir()
    (ctx.corpus / "x.yaml" / "inner.yaml").write_text(
        dump({"sources": [{"id": "inner", "name": "Inner", "kind": "person"}]}), encoding="utf-8"
    )
    (ctx.tmp / "in.jsonl").write_text(fever_line(), encoding="utf-8")


# =====================================================================================================
# robustness: odd but legal files, broken files, limits, permissions
# =====================================================================================================
@register(
    "crlf-story-file",
    "robustness",
    "a story written with CRLF line ends validates, builds and fmt keeps its data",
    S("validate", "{corpus}", exit={0}),
    S("fmt", "--check", "{corpus}", exit={0, 1}),
    BRIEF_MD,
)
def _crlf(ctx: Context) -> None:
    path = write(ctx)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))


@register(
    "cr-only-story-file",
    "robustness",
    "a story with old-Mac CR-only line ends",
    S("validate", "{corpus}", exit={0, 1}),
    S("fmt", "{corpus}", exit={0, 1}, edits=True),
    S("validate", "{corpus}", exit={0, 1}),
)
def _cr_only(ctx: Context) -> None:
    path = write(ctx)
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))


@register(
    "bom-in-json-and-yaml",
    "robustness",
    "UTF-8 byte-order marks at the start of a JSON story, a YAML story and the config",
    S("validate", "{corpus}", exit={0}),
    BUILD,
)
def _bom(ctx: Context) -> None:
    write(ctx, name="story.json")
    for p in (ctx.corpus / "story.json", ctx.corpus / "claimcheck.yaml"):
        p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())
    (ctx.corpus / "more.yaml").write_bytes(b"\xef\xbb\xbfsources:\n  - {id: more, name: More, kind: person}\n")


@register(
    "double-bom-and-utf16",
    "robustness",
    "a file with two byte-order marks and a file in UTF-16 are located problems",
    S("validate", "{corpus}", exit={1}),
)
def _double_bom(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "two.yaml").write_bytes(b"\xef\xbb\xbf\xef\xbb\xbfsources: []\n")
    (ctx.corpus / "wide.yaml").write_bytes("sources: []\n".encode("utf-16"))


@register(
    "yaml-scalar-and-list-files",
    "robustness",
    "YAML files that are a bare string, a number, a list and null; the config a list",
    S("validate", "{corpus}", exit={1}, codes=("not-a-mapping",)),
    S("fmt", "--check", "{corpus}", exit={0, 1}),
    S("import", "{tmp}/in.jsonld", "--from", "claimreview", "-o", "{corpus}/new.yaml", exit={1, 2}),
)
def _scalars(ctx: Context) -> None:
    write(ctx)
    for name, text in {"s.yaml": "just a string\n", "n.yaml": "42\n", "l.yaml": "- a\n- b\n", "z.yaml": "~\n", "f.json": "3.5"}.items():
        (ctx.corpus / name).write_text(text, encoding="utf-8")
    (ctx.corpus / "claimcheck.yaml").write_text("- rating_scales\n- title\n", encoding="utf-8")
    write_json(ctx.tmp / "in.jsonld", claimreview(reviewRating={"alternateName": "Odd"}))


@register(
    "sections-of-the-wrong-shape",
    "robustness",
    "sections that are a mapping, a string and null; records that are lists, numbers and strings",
    S("validate", "{corpus}", exit={1}),
    S("fmt", "{corpus}", exit={0, 1}, edits=True),
    S("review", "{corpus}"),
)
def _wrong_shapes(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "shapes.yaml").write_text(
        "sources: {id: a}\nclaims: text\nrelations: ~\ndocuments:\n  - [1, 2]\n  - 5\n  - just text\n  - {}\n", encoding="utf-8"
    )


@register(
    "deep-nesting-under-the-limit",
    "robustness",
    "a note nested 60 levels deep (under the limit of 64) in YAML and in JSON",
    S("validate", "{corpus}", exit={1}, codes=("schema",)),
    S("fmt", "{corpus}", exit={0, 1}, edits=True),
)
def _deep_under(ctx: Context) -> None:
    write(ctx)
    deep: Any = "x"
    for _ in range(58):
        deep = [deep]
    write_json(ctx.corpus / "deep.json", {"sources": [{"id": "deep", "name": "D", "kind": "person", "note": deep}]})
    deep_yaml: Any = "x"
    for _ in range(58):
        deep_yaml = {"k": deep_yaml}
    (ctx.corpus / "deep.yaml").write_text(
        dump({"sources": [{"id": "deep2", "name": "D", "kind": "person", "note": deep_yaml}]}), encoding="utf-8"
    )


@register(
    "huge-single-line",
    "robustness",
    "a claim text of 8 million characters on one line: a schema error whose message must not repeat the text",
    S("validate", "{corpus}", exit={1}, codes=("schema",), max_output=100_000),
    S("validate", "{corpus}", "--format", "json", exit={1}, max_output=100_000),
)
def _huge_line(ctx: Context) -> None:
    data = records()
    data["claims"][0]["text"] = "x" * 8_000_000
    write(ctx, data)


@register(
    "ten-thousand-files",
    "robustness",
    "10,000 files of one record each",
    S("validate", "{corpus}", exit={0}),
)
def _many_files(ctx: Context) -> None:
    write(ctx)
    sub = ctx.corpus / "many"
    sub.mkdir()
    for i in range(10_000):
        (sub / f"s{i:05d}.yaml").write_text(f"sources:\n  - {{id: many-{i}, name: Many {i}, kind: person}}\n", encoding="utf-8")


@register(
    "very-long-file-names",
    "robustness",
    "a 250-character file name and a path of 60 nested folders",
    S("validate", "{corpus}", exit={0}),
    BUILD,
    S("fmt", "{corpus}", exit={0}, edits=True),
)
def _long_names(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / ("n" * 245 + ".yaml")).write_text("sources:\n  - {id: long-name, name: L, kind: person}\n", encoding="utf-8")
    deep = ctx.corpus.joinpath(*[f"folder-{i:02d}" for i in range(60)])
    deep.mkdir(parents=True)
    (deep / "deep.yaml").write_text("sources:\n  - {id: deep-folder, name: D, kind: person}\n", encoding="utf-8")


@register(
    "path-over-path-max",
    "robustness",
    "a corpus file whose full path is over PATH_MAX (4,096 bytes)",
    S("validate", "{corpus}", exit={0, 1}),
)
def _path_max(ctx: Context) -> None:
    write(ctx)
    fd_path = ctx.corpus
    os.makedirs(fd_path, exist_ok=True)
    here = os.open(fd_path, os.O_RDONLY)
    try:
        for _ in range(20):
            name = "d" * 250
            os.mkdir(name, dir_fd=here)
            nxt = os.open(name, os.O_RDONLY, dir_fd=here)
            os.close(here)
            here = nxt
        fd = os.open("far.yaml", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=here)
        os.write(fd, b"sources:\n  - {id: far-away, name: F, kind: person}\n")
        os.close(fd)
    finally:
        os.close(here)


@register(
    "unreadable-files",
    "robustness",
    "a story file and a folder with permissions 000 (as root they are still readable: no crash either way)",
    S("validate", "{corpus}", exit={0, 1}),
    S("fmt", "--check", "{corpus}", exit={0, 1}),
)
def _mode_000(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "locked.yaml").write_text("sources:\n  - {id: locked, name: L, kind: person}\n", encoding="utf-8")
    (ctx.corpus / "locked.yaml").chmod(0)
    (ctx.corpus / "closed").mkdir()
    (ctx.corpus / "closed" / "in.yaml").write_text("sources: []\n", encoding="utf-8")
    (ctx.corpus / "closed").chmod(0)


@register(
    "read-only-output-folder",
    "robustness",
    "build, export and brief into a read-only folder fail cleanly (as root the folder is still writable)",
    S("build", "{corpus}", "-o", "{tmp}/ro/site", exit={0, 2}),
    S("export", "{corpus}", "--to", "sqlite", "-o", "{tmp}/ro/db.sqlite", exit={0, 2}),
    S("brief", "{corpus}", "-o", "{tmp}/ro/brief.md", exit={0, 2}),
)
def _read_only(ctx: Context) -> None:
    write(ctx)
    (ctx.tmp / "ro").mkdir()
    (ctx.tmp / "ro").chmod(0o555)


@register(
    "output-is-a-device",
    "data-loss",
    "export and brief -o a character device (a private copy of /dev/full): the device node is replaced by a regular file",
    S("brief", "{corpus}", "-o", "{tmp}/full", exit={2}, check=still_special("{tmp}/full", "character device")),
    S("export", "{corpus}", "--to", "json", "-o", "{tmp}/full", exit={2}, check=still_special("{tmp}/full", "character device")),
)
def _device(ctx: Context) -> None:
    write(ctx)
    try:  # never the real /dev/full: as root the write would replace the machine's device node
        os.mknod(ctx.tmp / "full", 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    except PermissionError:
        os.mkfifo(ctx.tmp / "full")


@register(
    "symlink-loop-in-corpus",
    "robustness",
    "a folder link pointing at its own parent and a file link pointing at itself",
    S("validate", "{corpus}", exit={0, 1}),
    S("fmt", "--check", "{corpus}", exit={0, 1}),
    BUILD,
)
def _link_loop(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "loop").symlink_to(ctx.corpus)
    (ctx.corpus / "self.yaml").symlink_to(ctx.corpus / "self.yaml")
    (ctx.corpus / "dangling.yaml").symlink_to(ctx.corpus / "nowhere.yaml")


@register(
    "corpus-is-a-file-or-device",
    "robustness",
    "validate and build given /dev/null, a .txt file and a missing path as the corpus",
    S("validate", "/dev/null", exit={1, 2}),
    S("validate", "{tmp}/notes.txt", exit={1, 2}),
    S("build", "{tmp}/missing", "-o", "{out}/site", exit={2}),
    S("check", "{corpus}/story.yaml", exit={0, 1}),
)
def _odd_corpus(ctx: Context) -> None:
    write(ctx)
    (ctx.tmp / "notes.txt").write_text("just some notes\n", encoding="utf-8")


@register(
    "yaml-special-values",
    "robustness",
    "YAML's yes/no/on/off, .nan, .inf, 0x10, 1e3 and !!binary as ids, kinds and texts",
    S("validate", "{corpus}", exit={1}),
    S("fmt", "{corpus}", exit={0, 1}, edits=True),
)
def _yaml_specials(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "special.yaml").write_text(
        "sources:\n  - {id: yes, name: no, kind: on}\n  - {id: .nan, name: .inf, kind: person}\n"
        "  - {id: 0x10, name: 1e3, kind: person}\n  - {id: b, name: !!binary aGVsbG8=, kind: person}\n"
        "  - {id: c, name: !!timestamp 2001-12-14, kind: person}\n  - {id: d, name: !!int 12abc, kind: person}\n",
        encoding="utf-8",
    )


@register(
    "tagged-and-merge-keys",
    "robustness",
    "a YAML merge key (<<) and !!set, !!omap and !!pairs tags",
    S("validate", "{corpus}", exit={1}),
)
def _merge_keys(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "merge.yaml").write_text(
        "sources:\n  - {<<: {name: M, kind: person}, id: merged}\n  - !!set {a, b}\n  - !!omap [{id: o}, {name: O}]\n  - !!pairs [[id, p]]\n",
        encoding="utf-8",
    )


@register(
    "json-oddities",
    "robustness",
    "JSON with NaN, Infinity, a trailing comma, a 1e400 number, comments and duplicate keys",
    S("validate", "{corpus}", exit={1}, codes=("parse-error",)),
)
def _json_odd(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "nan.json").write_text('{"sources": [{"id": "n", "name": "N", "kind": "person", "note": NaN}]}', encoding="utf-8")
    (ctx.corpus / "inf.json").write_text('{"sources": [{"id": "i", "name": "I", "kind": "person", "rating": 1e400}]}', encoding="utf-8")
    (ctx.corpus / "comma.json").write_text('{"sources": [],}', encoding="utf-8")
    (ctx.corpus / "dupe.json").write_text('{"sources": [], "sources": []}', encoding="utf-8")


@register(
    "fmt-with-odd-comments-and-anchors",
    "robustness",
    "fmt on a file mixing flow and block styles, tabs in comments, a document end marker and a folded text",
    S("fmt", "{corpus}", exit={0, 1}, edits=True),
    S("validate", "{corpus}", exit={0}),
    S("fmt", "--check", "{corpus}", exit={0}),
)
def _fmt_odd(ctx: Context) -> None:
    write(ctx)
    (ctx.corpus / "odd.yaml").write_text(
        "%YAML 1.1\n---\n# lead\t\tcomment\nsources: [ {kind: person, id: odd, name: \"Odd\"} ,  # trailing\n   {id: odd2,\n    name: 'two\n      lines', kind: person}]\n"
        "claims:\n- text: >-\n    folded\n    text\n  id: odd-claim\n  kind: assertion\n  speaker: odd\n  appearances:\n  - {quote: q, document: article}\n...\n",
        encoding="utf-8",
    )


@register(
    "new-into-odd-places",
    "robustness",
    "new into an existing file, into /dev/null and into a folder name holding a newline",
    S("new", "{tmp}/afile", exit={2}),
    S("new", "/dev/null/x", exit={2}),
    S("new", "{tmp}/odd\nname", exit={0, 2}),
)
def _new_odd(ctx: Context) -> None:
    (ctx.tmp / "afile").write_text("x", encoding="utf-8")


@register(
    "diff-of-unrelated-folders",
    "robustness",
    "diff between an empty folder, a file and a folder of broken YAML",
    S("diff", "{tmp}/empty", "{corpus}", exit={0, 1}),
    S("diff", "{corpus}", "{tmp}/broken", exit={0, 1, 2}),
    S("diff", "{tmp}/nowhere", "{corpus}", exit={2}),
)
def _diff_odd(ctx: Context) -> None:
    write(ctx)
    (ctx.tmp / "empty").mkdir()
    (ctx.tmp / "broken").mkdir()
    (ctx.tmp / "broken" / "b.yaml").write_text("claims: [\n", encoding="utf-8")


@register(
    "diff-date-and-git-odd-revisions",
    "robustness",
    "diff --date with an impossible day, --git outside a repository and --git with a missing revision",
    S("diff", "{tmp}/old", "{corpus}", "--date", "2020-02-30", exit={2}),
    S("diff", "--git", "HEAD~5", "HEAD", "{corpus}", exit={2}),
)
def _diff_dates(ctx: Context) -> None:
    write(ctx)
    shutil.copytree(ctx.corpus, ctx.tmp / "old")


@register(
    "import-of-html-page",
    "robustness",
    "a ClaimReview HTML page with unclosed script elements, a script in a comment and a JSON-LD block that is an array of junk",
    S("import", "{tmp}/page.html", "--from", "claimreview", "-o", "{tmp}/new/x.yaml", exit={0, 1}),
)
def _html_page(ctx: Context) -> None:
    (ctx.tmp / "new").mkdir()
    block = json.dumps(claimreview()).replace("</", "<\\/")
    (ctx.tmp / "page.html").write_text(
        f'<html><head><!-- <script type="application/ld+json">{{"x": </script> -->'
        f'<script type="application/ld+json">[1, "two", null, {block}]</script>'
        '<script type="application/ld+json">{"@type": "ClaimReview"',
        encoding="utf-8",
    )


@register(
    "import-into-missing-folder",
    "robustness",
    "import -o into a folder that does not exist, and -o with a .json suffix",
    S("import", "{tmp}/in.jsonl", "--from", "fever", "-o", "{tmp}/nowhere/deeper/x.yaml", exit={0, 2}),
    S("import", "{tmp}/in.jsonl", "--from", "fever", "-o", "{tmp}/x.json", exit={2}),
)
def _import_missing(ctx: Context) -> None:
    (ctx.tmp / "in.jsonl").write_text(fever_line(), encoding="utf-8")


@register(
    "import-empty-and-binary-files",
    "robustness",
    "imports of an empty file, a binary file and a folder in every format",
    S("import", "{tmp}/empty.jsonl", "--from", "fever", "-o", "{tmp}/new/a.yaml", exit={0, 1}),
    S("import", "{tmp}/bin.jsonld", "--from", "claimreview", "-o", "{tmp}/new/b.yaml", exit={0, 1}),
    S("import", "{tmp}/bin.jsonld", "--from", "json", "-o", "{tmp}/new/c.yaml", exit={1}),
    S("import", "{tmp}/new", "--from", "fever", "-o", "{tmp}/new/d.yaml", exit={1, 2}),
)
def _import_empty(ctx: Context) -> None:
    (ctx.tmp / "new").mkdir()
    (ctx.tmp / "empty.jsonl").write_text("", encoding="utf-8")
    (ctx.tmp / "bin.jsonld").write_bytes(bytes(range(256)) * 4)


@register(
    "smic-case-every-command",
    "robustness",
    "the real SMIC case through every read-only command (the control: all must pass)",
    S("validate", "{corpus}", exit={0}),
    S("check", "{corpus}", exit={0}),
    S("build", "{corpus}", "-o", "{out}/site", exit={0}, publish=(Publication("site", "{out}/site"),)),
    S("brief", "{corpus}", "-o", "{out}/brief.md", exit={0}, publish=(Publication("md", "{out}/brief.md", compare=False),)),
    S("fmt", "--check", "{corpus}", exit={0}),
    S("review", "{corpus}", exit={0}),
    *exports(*ALL_EXPORTS, exit={0}),
)
def _smic_all(ctx: Context) -> None:
    smic(ctx)


@register(
    "smic-quote-mutated",
    "robustness",
    "the SMIC case with a quote changed by one word: a located quote-not-found, and build and brief refuse",
    S("validate", "{corpus}", exit={1}, codes=("quote-not-found",)),
    S("build", "{corpus}", "-o", "{out}/site", exit={1}),
)
def _smic_mutated(ctx: Context) -> None:
    smic(ctx)
    story = ctx.corpus / "smic-2020.yaml"
    text = story.read_text(encoding="utf-8")
    story.write_text(
        text.replace(
            "has told American chip makers that they must obtain individual",
            "has told American chip makers that they must get individual",
            1,
        ),
        encoding="utf-8",
    )


@register(
    "smic-fulltext-swapped",
    "robustness",
    "the SMIC case with its full text replaced by another file of the same name: a fulltext-mismatch",
    S("validate", "{corpus}", exit={1}, codes=("fulltext-mismatch",)),
)
def _smic_swapped(ctx: Context) -> None:
    smic(ctx)
    ft = ctx.tmp / "ft"
    ft.mkdir()
    for f in SOURCES.glob("*.txt"):
        (ft / f.name).write_text("Not the article.\n", encoding="utf-8")
    cfg = ctx.corpus / "claimcheck.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8").replace(json.dumps(SOURCES.as_posix()), '"../ft"'), encoding="utf-8")


@register(
    "add-with-hostile-values",
    "robustness",
    "add with a reference that is nearly right, a date of the wrong shape and an http URL with a quote: refused, file unchanged",
    S(
        "add",
        "claim",
        "{corpus}",
        "--text",
        "T.",
        "--speaker",
        "accuserr",
        "--kind",
        "assertion",
        "--document",
        "article",
        "--quote",
        "q",
        "--no-input",
        exit={1},
        expect=(r"accuser",),
    ),
    S("add", "document", "{corpus}", "--title", "T", "--kind", "article", "--date", "May 2020", "--no-input", exit={1}),
    S(
        "add",
        "source",
        "{corpus}",
        "--name",
        "Quote",
        "--kind",
        "person",
        "--url",
        'https://x.example/"onmouseover=1',
        "--no-input",
        "--dry-run",
        exit={0, 1},
    ),
)
def _add_values(ctx: Context) -> None:
    write(ctx)


@register(
    "add-interactive-eof",
    "robustness",
    "add without --no-input and with standard input closed (every prompt reads end of file)",
    S("add", "claim", "{corpus}", stdin="", exit={1, 2}),
    S("add", "source", "{corpus}", stdin="\x04\x1b[A\n\n\n", exit={1, 2}),
)
def _add_eof(ctx: Context) -> None:
    write(ctx)


@register(
    "build-json-format-and-jobs",
    "robustness",
    "build --format json -j 3 with a corpus holding only drafts",
    S("build", "{corpus}", "-o", "{out}/site", "--format", "json", "-j", "3", exit={0}),
)
def _build_drafts(ctx: Context) -> None:
    data = records()
    for section in ("claims", "relations", "reviews"):
        for r in data[section]:
            r["status"] = "draft"
    write(ctx, data)
