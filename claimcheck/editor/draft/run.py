"""Drafting a story file from an article, and writing it: :func:`draft_article` reads and proposes,
:func:`write_draft` checks the proposal against the corpus and writes it with the article's full text.

Nothing is written unless the corpus, loaded with the new file in place (``claimcheck.load(...,
overlay=...)``) and the full text where ``fulltext_paths`` finds it, has no error it did not have
before. The full text goes to a full-text folder, never into the corpus unless the config puts one
there, and an existing different file of that name is never overwritten.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from claimcheck.core.atomic import write_bytes, write_text
from claimcheck.core.dates import DateError, PartialDate
from claimcheck.core.errors import UsageError
from claimcheck.core.ids import slugify
from claimcheck.core.problems import Problem, Severity
from claimcheck.editor.add import RecordError
from claimcheck.editor.draft.article import Article, from_html, from_text
from claimcheck.editor.draft.assemble import ArticleFacts, Proposal, assemble
from claimcheck.editor.draft.classify import classify
from claimcheck.editor.draft.dates import find_dates
from claimcheck.editor.draft.kinds import proposition
from claimcheck.editor.draft.names import kind_of, parse
from claimcheck.editor.draft.parties import Parties, Party, name_key
from claimcheck.editor.draft.render import render
from claimcheck.editor.draft.replies import lead, relations, requests
from claimcheck.editor.draft.statements import Statement, statements
from claimcheck.editor.draft.walk import read
from claimcheck.editor.yamlstyle import plain_load
from claimcheck.load.loader import CONFIG_NAME, load
from claimcheck.model.corpus import Corpus

__all__ = ["Draft", "DraftResult", "draft_article", "write_draft"]


@attrs.define(frozen=True, kw_only=True)
class Draft:
    """A drafted story file, not yet written: its text, its records, and the figures of the draft."""

    text: str
    data: dict[str, list[dict[str, Any]]]
    proposals: tuple[Proposal, ...]
    article: Article
    #: The text quotes are checked against (the file itself, or the text extracted from a page), and its file name.
    fulltext: bytes
    fulltext_name: str
    source_path: Path | None
    document_id: str
    #: Sentences read for claims, and how many of them have a drafted claim.
    sentences: int
    covered: int
    #: Sentences with no claim: (locator, sentence, why).
    skipped: tuple[tuple[str, str, str], ...]
    reused: tuple[str, ...]

    def counts(self) -> dict[str, int]:
        """How many records of each section the draft holds."""
        return {section: len(records) for section, records in self.data.items()}

    def summary(self) -> str:
        """The closing note: what was drafted, and how much of the article it covers."""
        c = self.counts()
        share = f"{100 * self.covered / self.sentences:.0f} %" if self.sentences else "no sentences"
        reused = f", {len(self.reused)} reused from the corpus" if self.reused else ""
        return (
            f"drafted {c.get('claims', 0)} claims covering {self.covered} of {self.sentences} claim-bearing sentences ({share}); "
            f"{c.get('sources', 0)} new sources{reused}, {c.get('documents', 0)} documents, {c.get('relations', 0)} relations, "
            f"{c.get('comments', 0)} comment requests; every claim and relation is a draft: run claimcheck review"
        )


@attrs.define(frozen=True, kw_only=True)
class DraftResult:
    """What :func:`write_draft` wrote (or would write, for a dry run)."""

    file: Path
    fulltext_file: Path
    fulltext_written: bool
    notes: tuple[str, ...] = ()


def _existing(corpus: Corpus | None) -> list[Party]:
    if corpus is None:
        return []
    out = []
    for source in corpus.sources.values():
        party = Party(name=source.name, kind=source.kind, short_name=source.short_name, source_id=source.id, first_seen="corpus")
        party.aliases = list(source.aliases)
        party.person = source.kind == "person"
        party.unnamed = source.kind == "unnamed-group"
        out.append(party)
    return out


def _outlet(parties: Parties, publisher: str | None, corpus: Corpus | None, byline: str | None) -> tuple[Party, list[str]]:
    notes: list[str] = []
    if publisher and corpus is not None and publisher in corpus.sources:
        party = next(p for p in parties.existing if p.source_id == publisher)
        parties.existing.remove(party)
        parties.all.append(party)
    elif publisher:
        party = parties.named(publisher, where="byline", kind="news-outlet", reason="the article's publisher")
    else:
        from_byline = None
        if byline:
            for part in reversed(re.split(r",\s*", byline.removeprefix("By "))[1:]):
                if kind_of(part.strip())[0] == "news-outlet":
                    from_byline = part.strip()
                    break
        if from_byline:
            party = parties.named(from_byline, where="byline", kind="news-outlet", reason="named in the byline")
        else:
            party = parties.add("The article's publisher", where="byline", kind="news-outlet", reason="the article's publisher")
            party.notes.append("the text names no publisher: give its name (claimcheck draft --publisher)")
            notes.append("the text names no publisher: pass --publisher NAME")
    party.outlet = True
    if party.kind is None or not party.source_id:
        party.kind = party.kind or "news-outlet"
    words = party.name.split()
    acronym = "".join(w[0] for w in words if w[:1].isupper() and w.lower() != "the")
    if len(acronym) >= 2 and not party.source_id:
        party.add_alias(acronym)
    if words[:1] == ["The"] and len(words) >= 3 and not party.source_id and not party.notes:
        party.add_alias(f"The {words[-1]}")
    return party, notes


def _authors(parties: Parties, byline: str | None) -> list[Party]:
    if not byline:
        return []
    out = []
    for part in re.split(r",\s*|\s+and\s+", byline.removeprefix("By ").strip()):
        part = re.sub(r"\s+in\s+[A-Z][\w ]*$", "", part.strip())
        words = part.split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words if w.lower() not in {"de", "van", "von", "der", "da"}):
            continue
        if kind_of(part)[0] is not None or any(w.lower() in {"reporter", "writer", "correspondent", "editor", "staff"} for w in words):
            continue
        phrase = parse(part)
        if phrase.name:
            party = parties.named(phrase.name, where="byline", person=True, kind="person", reason="named in the byline")
            out.append(party)
    return out


def _read(source: str | os.PathLike[str] | bytes, kind: str | None) -> tuple[Article, bytes, Path | None]:
    path = None
    if isinstance(source, bytes):
        raw = source
    else:
        path = Path(source)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise UsageError(f"{path}: cannot read the article: {exc.strerror or exc}") from None
    is_html = (kind == "html") or (kind is None and path is not None and path.suffix.lower() in {".html", ".htm", ".xhtml"})
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        if not is_html:
            raise UsageError(f"{path or 'the article'}: expected UTF-8 text") from None
        text = raw.decode("latin-1")
    if is_html:
        article = from_html(text)
        return article, article.text.encode("utf-8"), path
    return from_text(text), raw, path


def _date(given: str | None, article: Article) -> PartialDate | None:
    text = given or article.meta.get("date")
    if not text:
        return None
    m = re.match(r"\d{4}(?:-\d{2}(?:-\d{2})?)?(?:/\S+)?", text.strip())
    try:
        return PartialDate.parse(m.group() if m else text.strip())
    except DateError as exc:
        raise UsageError(f"--date {text!r}: {exc}") from None


_ORIGINAL = re.compile(r"\s*\(\s*[“\"‘'](?P<orig>[^”\"’']+)[”\"’']\s*\)")


def _originals(s: Statement, language: str | None, translator: Party) -> None:
    """A quotation followed by its original words in parentheses ("Le port est à nous") is a translation:
    the quote is the translation alone, and the original is recorded with the article's language note."""
    if not s.quoted:
        return
    original = _ORIGINAL.search(s.quote)
    if original is not None:
        s.end = s.start + original.start()
        s.content = s.content[: s.content.find(original.group())] if original.group() in s.content else s.content
        s.text = proposition(s.content, speaker_name=s.speaker.short_name or s.speaker.name, quoted=True)  # the translation alone
        s.original, s.original_language = original.group("orig").strip(" ,."), language
        s.translated_by = translator
        s.notes.append("a translation: the original words follow it in the article" + ("" if language else "; give their language"))
    elif language and not s.speaker.outlet:
        s.notes.append("the article says its quotes were translated: record the original and translated_by if this is one")


def draft_article(
    source: str | os.PathLike[str] | bytes,
    *,
    corpus: Corpus | None = None,
    title: str | None = None,
    publisher: str | None = None,
    date: str | None = None,
    url: str | None = None,
    text_name: str | None = None,
    input_format: str | None = None,
    language: str | None = None,
) -> Draft:
    """Draft a story file from an article (a path to a ``.txt``/``.html`` file, or its bytes).

    ``corpus`` is read to reuse its sources (by name, alias or short name) and to keep ids unique;
    ``publisher`` is a source id of the corpus or a name. Raises :class:`UsageError` for an article
    that cannot be read.
    """
    article, fulltext, path = _read(source, input_format)
    if not any(ch.isalpha() for block in article.blocks for ch in block.text):
        raise UsageError("the article holds no text")
    parties = Parties(_existing(corpus))
    notes: list[str] = []
    digest = hashlib.sha256(fulltext).hexdigest()
    known = next((d for d in corpus.documents.values() if d.fulltext is not None and d.fulltext.sha256 == digest), None) if corpus else None
    if known is not None:
        notes.append(f"the corpus already records this text as document {known.id}: merge the two, or delete this draft")
        if publisher is None and known.publisher is not None:
            publisher = known.publisher
    outlet, outlet_notes = _outlet(parties, publisher or article.meta.get("publisher"), corpus, article.byline)
    notes += outlet_notes
    authors = _authors(parties, article.byline)
    document_date = _date(date, article)
    if document_date is None:
        notes.append("the article's date is not given: relative dates were not resolved; pass --date")
    walk = read(article, parties, outlet, document_date)
    found = statements(walk, document_date)
    classify(found, outlet, parties.all)
    lead(found, outlet)
    for s in found:
        _originals(s, walk.language, walk.translator or outlet)
    asked = requests(walk.ctx, walk.sentences, found, document_date)
    rels = relations(found, parties.all)
    name = text_name or (path.name if path is not None and path.suffix.lower() in {".txt", ".md", ".text"} else None)
    if name is None:
        stem = path.stem if path is not None else (title or article.headline or "article")
        name = (slugify(stem, max_length=80) or "article") + ".txt"
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name):
        name = (slugify(Path(name).stem, max_length=80) or "article") + ".txt"
    corrections = []
    for c in walk.corrections:
        when = next((m.resolve(document_date, after=True)[0] for m in find_dates(c["prefix"])), None) or document_date
        if when is not None and c["text"]:
            corrections.append({"date": when.text, "kind": c["kind"], "text": c["text"]})
    facts = ArticleFacts(
        title=title or article.meta.get("title") or article.headline or "Untitled article",
        date=document_date,
        url=url or article.meta.get("url"),
        language=language or article.meta.get("language"),
        sha256=digest,
        file=name,
        authors=tuple(authors),
        corrections=tuple(corrections),
        notes=tuple(notes),
    )
    taken = corpus.ids() if corpus is not None else set()
    proposals = assemble(facts=facts, outlet=outlet, statements=found, relations=rels, requests=asked, taken=taken)
    text = render(proposals, source=path.name if path is not None else "the article", sha256=facts.sha256)
    data: dict[str, list[dict[str, Any]]] = {}
    for p in proposals:
        data.setdefault(p.section, []).append(p.record)
    read_sentences = [
        s for s in walk.sentences if s.skip not in {"subheading", "question", "translation note", "correction note", "comment request"}
    ]
    covered_ids = {id(s.sentence) for s in found}
    skipped = tuple((s.block.locator, s.text, s.skip or "no claim drafted") for s in walk.sentences if id(s) not in covered_ids)
    reused = tuple(sorted({p.source_id for p in parties.all if p.source_id}))
    return Draft(
        text=text,
        data=data,
        proposals=tuple(proposals),
        article=article,
        fulltext=fulltext,
        fulltext_name=name,
        source_path=path,
        document_id=str(proposals[[p.section for p in proposals].index("documents")].record["id"]),
        sentences=len(read_sentences),
        covered=sum(1 for s in read_sentences if id(s) in covered_ids),
        skipped=skipped,
        reused=reused,
    )


def _fulltext_folder(
    corpus: Corpus, given: Path | None, extra: Sequence[str | os.PathLike[str]], source: Path | None
) -> tuple[Path, list[str]]:
    folders = [(corpus.root / p).resolve() for p in corpus.config.fulltext_paths] + [Path(p).resolve() for p in extra]
    if source is not None and source.resolve().parent in folders and given is None:
        return source.resolve().parent, []
    if given is not None:
        notes = []
        if given.resolve() not in folders:
            notes.append(
                f"{given} is not a full-text folder of the corpus: add it to fulltext_paths in {CONFIG_NAME} (or pass --fulltext {given}) or validate reports fulltext-missing"
            )
        return given, notes
    if not folders:
        raise UsageError(
            f"{corpus.root / CONFIG_NAME} names no full-text folder (fulltext_paths): add one, or pass --texts DIR, so that the article's text is kept where its quotes can be checked"
        )
    return folders[0], []


def write_draft(
    draft: Draft,
    output: str | os.PathLike[str],
    corpus: Corpus,
    *,
    texts: str | os.PathLike[str] | None = None,
    fulltext: Sequence[str | os.PathLike[str]] = (),
    dry_run: bool = False,
) -> DraftResult:
    """Write ``draft`` as the new story file ``output`` inside ``corpus`` and the article's full text to a
    full-text folder (``texts``, else the folder the article is already in, else the config's first).

    Raises :class:`UsageError` (nothing written) for an output outside the corpus or already there, or a
    different file already holding the full text's name; :class:`RecordError` when the corpus would
    not validate with the draft.
    """
    target = Path(output)
    root = corpus.root
    try:
        rel = target.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise UsageError(f"-o {target}: the file is not inside the corpus {root}") from None
    if target.suffix not in {".yaml", ".yml"} or target.name == CONFIG_NAME:
        raise UsageError(f"-o {target}: expected a new YAML story file (.yaml or .yml)")
    if target.exists():
        raise UsageError(f"-o {target}: the file exists; draft into a new file (or delete it first)")
    folder, notes = _fulltext_folder(corpus, Path(texts) if texts is not None else None, fulltext, draft.source_path)
    text_file = folder / draft.fulltext_name
    if text_file.exists() and text_file.read_bytes() != draft.fulltext:
        raise UsageError(f"{text_file} exists and holds a different text: refusing to overwrite it (pass --text-name NAME)")
    try:
        text_file.resolve().relative_to(root.resolve())
        inside = not any(Path(root / p).resolve() == folder.resolve() for p in corpus.config.fulltext_paths)
    except ValueError:
        inside = False
    if inside:
        raise UsageError(f"{folder} is inside the corpus and not one of its fulltext_paths: the full text is never copied into the corpus")
    if plain_load(draft.text) != draft.data:
        raise RecordError(["the drafted file does not read back as its records (a bug: please report it)"])
    with tempfile.TemporaryDirectory(prefix="claimcheck-draft-") as tmp:
        write_bytes(Path(tmp, draft.fulltext_name), draft.fulltext, durable=False)
        after = load(root, fulltext_paths=[*map(str, fulltext), str(folder), tmp], overlay={rel: draft.text})
    before = {(p.code, p.pointer, p.record) for p in corpus.problems if p.severity >= Severity.ERROR}
    errors: list[Problem] = [p for p in after.problems if p.severity >= Severity.ERROR and (p.code, p.pointer, p.record) not in before]
    if errors:
        raise RecordError([f"{p.file or rel}:{p.pointer}: {p.message} [{p.code}]" for p in errors])
    written = False
    if not dry_run:
        if not text_file.exists():
            write_bytes(text_file, draft.fulltext)
            written = True
        write_text(target, draft.text)
    return DraftResult(file=target, fulltext_file=text_file, fulltext_written=written, notes=tuple(notes))


def same_name(a: str, b: str) -> bool:
    """Whether two names are the same, ignoring case, leading articles and apostrophe style."""
    return name_key(a) == name_key(b)
