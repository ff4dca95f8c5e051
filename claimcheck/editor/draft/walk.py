"""Reading an article sentence by sentence: what each sentence reports, who says it, through whom and
from which document, and which sentences are not claims at all (bylines, subheadings, questions,
translation and correction notes, refusals to comment).

Two passes. The first finds every sentence's attributions (:mod:`claimcheck.editor.draft.patterns`)
and registers every party and document named anywhere, with what the article says of them, so that
the second, which resolves speakers in article order, can look ahead: "A mining engineer … said" is
resolved to the professor named in the next paragraph, "an internal memo … says" to the memo's author
named in the next. Headlines and standfirsts are read last, against the whole body.
"""

from __future__ import annotations

import re

import attrs

from claimcheck.core.dates import PartialDate
from claimcheck.editor.draft.article import Article, Block
from claimcheck.editor.draft.lexicon import DOCUMENT_VERBS, LANGUAGES
from claimcheck.editor.draft.names import parse, proper_runs
from claimcheck.editor.draft.parties import Document, Documents, Parties, Party
from claimcheck.editor.draft.patterns import Attribution, analyse
from claimcheck.editor.draft.sentences import masked, quotations, units
from claimcheck.editor.draft.speakers import Context, describe_with, full_name, looks_person

__all__ = ["DECLINED", "NOT_REACHED", "NO_RESPONSE", "Sentence", "Walk", "read", "refusal"]

_SUBHEADING_MAX_WORDS = 8
_CORRECTION = re.compile(r"^(?P<kind>Correction|Clarification|Editor's note|Editor’s note)\b.{0,60}?:\s+(?=[A-Z\"“‘'])", re.IGNORECASE)
_UPDATE = re.compile(r"^(?:Update|Updated)\b.{0,60}?:\s+(?=[A-Z\"“‘'])")
_TRANSLATION = re.compile(
    r"^(?:(?:[Aa]ll\s+)?(?:[Qq]uotes|[Qq]uotations|[Rr]emarks|[Cc]omments|[Ii]nterviews?)\s+(?:from|in)\s+(?P<lang>[A-Z][a-z]+)\s+(?:have been|were|are|has been)\s+translated(?:\s+(?:by|for)\s+(?P<by>[^.]+?))?|Translated\s+from\s+(?:the\s+)?(?P<lang2>[A-Z][a-z]+)(?:\s+by\s+(?P<by2>[^.]+?))?)\.?$"
)
DECLINED = re.compile(
    r"\b(?:declined|refused)\s+to\s+(?:comment|answer|respond)|\bwould\s+not\s+(?:comment|be\s+drawn)|\bdid\s+not\s+wish\s+to\s+comment|\bdeclined\s+(?:a\s+)?requests?\s+for\s+(?:comment|an\s+interview)|\bnot\s+be\s+appropriate\s+to\s+comment"
)
NOT_REACHED = re.compile(
    r"\bcould\s+not\s+be\s+(?:reached|contacted)|\b(?:was|were)\s+(?:also\s+)?unable\s+to\s+(?:reach|contact)\s+(?P<obj>[^.,;:]+)|\bcould\s+not\s+(?:reach|contact)\s+(?P<obj2>[^.,;:]+)|\bunavailable\s+for\s+comment"
)
NO_RESPONSE = re.compile(
    r"\bdid\s+not\s+(?:respond|reply|return)|\bhad\s+not\s+(?:responded|replied)|\bno\s+response\s+(?:was|had been)\s+received"
)
_BODY_TAIL = re.compile(r"\s+(administration|government|campaign|group|military|police)\b")


@attrs.define(kw_only=True, eq=False)
class Sentence:
    """One sentence (or semicolon clause) of the article and what the first pass found in it."""

    block_index: int
    block: Block
    start: int  # in the block's text
    end: int
    attributions: list[Attribution]
    #: Why it is not read for claims ("subheading", "question", "comment request"…), or "".
    skip: str = ""
    #: Where the words start, after a note's prefix ("Update, Sept. 16:").
    body_start: int = 0
    #: The document each attribution cites (in order), resolved in the first pass.
    documents: list[Document | None] = attrs.field(factory=list)

    @property
    def text(self) -> str:
        """The sentence as printed."""
        return self.block.text[self.start : self.end]

    @property
    def pos(self) -> int:
        """The sentence's offset in the full text."""
        return self.block.start + self.start


@attrs.define(kw_only=True, eq=False)
class Walk:
    """What the first pass found: the sentences, the parties and documents registered, and the notes
    the article carries (its corrections, updates and translation note)."""

    article: Article
    sentences: list[Sentence]
    ctx: Context
    corrections: list[dict[str, str]] = attrs.field(factory=list)
    language: str | None = None
    translator: Party | None = None


def refusal(sentence: Sentence) -> str | None:
    """The outcome a sentence reports for a request for comment, if it reports one."""
    text = masked(sentence.block.text, quotations(sentence.block.text))[sentence.body_start : sentence.end]
    for outcome, pattern in (("declined", DECLINED), ("not-reached", NOT_REACHED), ("no-response", NO_RESPONSE)):
        if pattern.search(text):
            return outcome
    return None


def refusal_in(masked_text: str, span: tuple[int, int]) -> bool:
    """Whether the words at ``span`` are a refusal or a failure to reach someone."""
    words = masked_text[span[0] : span[1]]
    return any(p.search(words) for p in (DECLINED, NOT_REACHED, NO_RESPONSE))


def _skip_reason(block: Block, text: str) -> str:
    if block.locator.startswith("paragraph") and len(text.split()) <= _SUBHEADING_MAX_WORDS and text.rstrip()[-1:] not in ".!?\"”’'":
        return "subheading"
    if text.rstrip().rstrip("\"”’'").endswith("?"):
        return "question"
    if _TRANSLATION.match(text.strip()):
        return "translation note"
    return ""


def read(article: Article, parties: Parties, outlet: Party, document_date: PartialDate | None) -> Walk:
    """The first pass over ``article``."""
    ctx = Context(parties=parties, documents=Documents(), outlet=outlet, text=article.text)
    walk = Walk(article=article, sentences=[], ctx=ctx)
    for bi, block in enumerate(article.blocks):
        ctx.block = bi
        quotes = quotations(block.text)
        mtext = masked(block.text, quotes)
        correction = _CORRECTION.match(block.text)
        if correction:
            walk.corrections.append(
                {
                    "kind": correction.group("kind").lower(),
                    "text": block.text[correction.end() :].strip(),
                    "prefix": block.text[: correction.end()],
                }
            )
        for unit in units(block.text, block.skip):
            text = block.text[unit.start : unit.end]
            sentence = Sentence(block_index=bi, block=block, start=unit.start, end=unit.end, attributions=[], body_start=unit.start)
            walk.sentences.append(sentence)
            if correction:
                sentence.skip = "correction note"
                continue
            update = _UPDATE.match(text)
            if update:
                walk.corrections.append({"kind": "update", "text": text[update.end() :].strip(), "prefix": text[: update.end()]})
                sentence.body_start = unit.start + update.end()
            translation = _TRANSLATION.match(text.strip())
            if translation:
                language = translation.group("lang") or translation.group("lang2")
                walk.language = LANGUAGES.get(language or "")
                by = translation.group("by") or translation.group("by2")
                if by:
                    walk.translator = parties.lookup(by.strip()) or parties.named(by.strip(), where=block.locator)
            sentence.skip = _skip_reason(block, text)
            if sentence.skip:
                continue
            inner = tuple(q for q in unit.quotes if q.start >= sentence.body_start)
            sentence.attributions = analyse(block.text, mtext, sentence.body_start, unit.end, inner)
            if refusal(sentence) is not None and all(refusal_in(mtext, a.content) for a in sentence.attributions):
                sentence.skip = "comment request"
    _register(walk, document_date)
    return walk


def _register(walk: Walk, document_date: PartialDate | None) -> None:
    """Register every named party (with its descriptions) and every document, in article order."""
    ctx = walk.ctx
    lead = [s for s in walk.sentences if s.block.locator in {"headline", "standfirst"}]
    for sentence in [*[s for s in walk.sentences if s not in lead], *lead]:
        ctx.block, ctx.pos, ctx.headline, ctx.where = sentence.block_index, sentence.pos, sentence in lead, sentence.block.locator
        ctx.sentence = sentence.pos
        text = sentence.block.text
        for att in sentence.attributions:
            for phrase_text in [att.speaker, *att.appositives, att.according_to, att.listener, att.accused]:
                if not phrase_text or re.match(r"(?:which|who|that|whose|where)\b", phrase_text):
                    continue
                phrase = parse(phrase_text)
                if phrase.name and not phrase.is_document:
                    apps = tuple(parse(a) for a in att.appositives) if phrase_text is att.speaker else ()
                    person = looks_person(phrase, apps) or None
                    name = phrase.name
                    if phrase.honorific and " " not in name and ctx.parties.lookup(name, person=True) is None:
                        name = full_name(ctx, name) or name  # "Mr Brannock": the Ivo Brannock the article names
                    party = ctx.parties.named(name, where=sentence.block.locator, person=person)
                    if phrase.honorific and name != phrase.name:
                        party.short_name = party.short_name or f"{phrase.honorific} {phrase.name}"
                    if person and party.kind is None:
                        party.person, party.kind, party.kind_reason = True, "person", "the article gives a person's role or title"
                    if phrase.roles:
                        party.role_words |= set(_keys(phrase.roles))
                    if phrase_text is att.speaker:
                        for app in att.appositives:
                            describe_with(ctx, party, parse(app))
                    ctx.note(party, spoke=False, pos=sentence.block.start + (att.speaker_span[0] if att.speaker_span else sentence.start))
                elif phrase_text is att.speaker and not phrase.name:
                    named = [parse(a) for a in att.appositives if parse(a).name]
                    if named:
                        party = ctx.parties.named(named[0].name or "", where=sentence.block.locator, person=True)
                        party.role_words |= set(_keys(phrase.roles)) | set(_keys(named[0].roles))
                        party.describe(phrase.text)
                        ctx.note(party, spoke=False, pos=sentence.pos)
            sentence.documents.append(_document_of(ctx, sentence, att, text))
        _register_runs(ctx, sentence)
        _ties(ctx, sentence)
        _authorship(ctx, sentence)
        if not sentence.attributions and not sentence.skip:
            _loose_documents(ctx, sentence, document_date)
    ctx.headline = False
    _study_authors(walk)


_RESEARCHERS = re.compile(
    r"\b(?:[Tt]he\s+)?(?:researchers|authors|scientists|team|academics)\s*,?\s+(?:from|at|of|led by)\s+(?:the\s+)?(?P<org>[A-Z][\w'’&.-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w'’&.-]*)*)"
)


def _study_authors(walk: Walk) -> None:
    """A study or report the article cites without saying whose, followed in the next two paragraphs by
    "the researchers, from the University of X": the university's."""
    ctx = walk.ctx
    body = min((s.pos for s in walk.sentences if s.block.locator.startswith("paragraph")), default=0)
    for doc in ctx.documents.all:
        if doc.author is not None or doc.noun not in {"study", "report", "survey", "review", "analysis", "paper", "results"}:
            continue
        first = min((p for p in doc.seen_at if p >= body), default=min(doc.seen_at, default=-1))
        block = next((s.block_index for s in walk.sentences if s.pos >= first), None)
        for sentence in walk.sentences:
            if block is None or sentence.pos < first or sentence.block_index > block + 2:
                continue
            m = _RESEARCHERS.search(sentence.text)
            if m is not None:
                doc.author = ctx.parties.named(m.group("org"), where=sentence.block.locator)
                doc.notes.append(f"its authors: {m.group(0)!r} ({sentence.block.locator})")
                break


_LOOSE_DOC = re.compile(
    r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?P<noun>letter|report|statement|memo|review|study|email|filing|press release)\s+"
    r"(?:from|by|sent by|written by|issued by)\s+(?:the\s+)?(?P<who>[A-Z][\w'’&.-]*(?:\s+(?:of\s+)?[A-Z][\w'’&.-]*)*)(?P<rest>[^,.;]*)"
)


def _loose_documents(ctx: Context, sentence: Sentence, document_date: PartialDate | None) -> None:
    """A document named in a sentence that reports nobody ("The directive came in a letter from the
    Commerce Department last week"), registered with its author and date for the sentences that cite it."""
    from claimcheck.editor.draft.dates import find_dates

    for m in _LOOSE_DOC.finditer(sentence.text):
        author = ctx.parties.named(m.group("who"), where=sentence.block.locator)
        doc = ctx.documents.mention(m.group(0), m.group("noun"), author, where=sentence.block.locator, definite=False, pos=sentence.pos)
        for mention in find_dates(m.group("rest")):
            when, how = mention.resolve(document_date)
            if when is not None and doc.date is None:
                doc.date, doc.date_note = when, f"{how} ({sentence.block.locator})"


def _keys(roles: tuple[str, ...]) -> list[str]:
    from claimcheck.editor.draft.names import role_key

    return [role_key(r) for r in roles]


def _register_runs(ctx: Context, sentence: Sentence) -> None:
    """Note every party named in the sentence, and register the ones whose kind their names tell."""
    text = sentence.text
    for rs, re_ in proper_runs(text):
        name = text[rs:re_]
        tail = _BODY_TAIL.match(text, re_)
        if tail:
            name = text[rs : tail.end()]
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        party = ctx.parties.lookup(name)
        if party is None:
            from claimcheck.editor.draft.names import kind_of

            kind, _why = kind_of(name)
            if kind is None or len(name) < 3:
                continue
            party = ctx.parties.add(name, where=sentence.block.locator)
        ctx.note(party, spoke=False, pos=sentence.pos + rs)


_NAME = r"[A-Z][\w'’&.-]*(?:\s+(?:de\s+|of\s+)?[A-Z][\w'’&.-]*)*"
_STAKE = re.compile(rf"(?P<x>{_NAME}),\s+in which\s+(?P<y>{_NAME})\s+(?:holds|owns|has)\s+[^,.;]*?\bstake\b")
_SUBSIDIARY = re.compile(rf"(?P<y>{_NAME})['’]s\s+(?:[A-Za-z-]+\s+){{0,2}}(?:subsidiary|unit|division|arm|affiliate),?\s+(?P<x>{_NAME})")
_PART_OF = re.compile(
    rf"(?P<x>{_NAME}),\s+(?:a|an|the)\s+(?:[A-Za-z-]+\s+){{0,2}}(?:subsidiary|unit|division|arm|affiliate)\s+of\s+(?P<y>{_NAME})"
)


def _ties(ctx: Context, sentence: Sentence) -> None:
    """Who the text says is part of whom: "Maderas Río Sereno, in which Holmgren holds a 70 per cent stake",
    "Holmgren's Bolivian subsidiary, Maderas Río Sereno", "Río Sereno, a subsidiary of Holmgren"."""
    for pattern in (_STAKE, _SUBSIDIARY, _PART_OF):
        for m in pattern.finditer(sentence.text):
            child = ctx.parties.named(m.group("x"), where=sentence.block.locator, person=False)
            parent = ctx.parties.named(m.group("y"), where=sentence.block.locator, person=False)
            if child is not parent and parent not in child.part_of:
                child.part_of.append(parent)
                child.notes.append(f"part of {parent.name}: {m.group(0)!r} ({sentence.block.locator})")
                if child.kind is None and parent.kind == "company":
                    child.kind, child.kind_reason = "company", f"a company {parent.name} holds"


_WRITTEN_BY = re.compile(
    r"(?P<doc>(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){0,3}?(?:memo|memorandum|report|letter|email|review|study|statement|note|briefing))\s+"
    r"was\s+(?:written|sent|drafted|prepared|produced|compiled|signed|issued)\b(?P<mid>[^.]*?)\bby\s+(?P<author>[^.;]+)"
)


def _authorship(ctx: Context, sentence: Sentence) -> None:
    """ "The memo was written last month by …, Dr Anil Mehra": the memo's author."""
    m = _WRITTEN_BY.search(sentence.text)
    if m is None:
        return
    noun = Documents.noun_of(m.group("doc"))
    if noun is None:
        return
    segments = [s.strip() for s in re.split(r",\s*", m.group("author")) if s.strip()]
    named = [parse(s) for s in segments if parse(s).name]
    author = None
    if named and named[0].name:
        author = ctx.parties.named(named[0].name, where=sentence.block.locator, person=bool(named[0].honorific or named[0].roles) or None)
        for s in segments:
            if parse(s).name is None:
                describe_with(ctx, author, parse(s))
    doc = ctx.documents.mention(m.group("doc"), noun, author, where=sentence.block.locator, definite=True, pos=sentence.pos)
    if author is not None:
        doc.author = author
    from claimcheck.editor.draft.dates import find_dates

    dated = find_dates(m.group("mid"))
    if dated and doc.date is None:
        doc.notes.append(f"dated from {dated[0].phrase!r} in {sentence.block.locator}")
        doc.date_note = dated[0].phrase


def _document_of(ctx: Context, sentence: Sentence, att: Attribution, text: str) -> Document | None:
    """The document an attribution cites, registered with its author when the phrase names one."""
    for phrase_text, subject in (
        (att.speaker if att.document_subject else "", True),
        (att.document, False),
        (att.prefix, False),
        (att.according_to, False),
    ):
        if not phrase_text:
            continue
        noun = Documents.noun_of(phrase_text)
        if noun is None:
            continue
        author = _author(ctx, phrase_text, sentence)
        definite = (bool(re.match(r"(?i)(?:in\s+|according to\s+)?(?:the|this|that)\b", phrase_text)) or ctx.headline) and author is None
        if phrase_text.lower().startswith(("it ", "it")) and phrase_text.lower() == "it":
            continue
        doc = ctx.documents.mention(phrase_text, noun, author, where=sentence.block.locator, definite=definite, pos=sentence.pos)
        interview = re.search(
            r"\binterview with\s+(?:the\s+)?(?:[a-z]+\s+){0,3}(?P<who>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*)", phrase_text
        )
        if interview:
            doc.kind = "interview"
            doc.outlet = ctx.parties.named(
                interview.group("who"), where=sentence.block.locator, kind="news-outlet", reason="an interview with it is cited"
            )
            described = re.search(r"\binterview with\s+(?:the\s+)?(?P<desc>(?:[a-z]+\s+){1,3})[A-Z]", phrase_text)
            if described:
                doc.outlet.describe(described.group("desc"))
        _ = subject, text
        return doc
    return None


def _author(ctx: Context, phrase_text: str, sentence: Sentence) -> Party | None:
    """The author a document phrase names: "by X", "from X", "X's report", "Companies House records"."""
    cleaned = re.sub(
        r"\b(?:seen|obtained|commissioned|reviewed|held)\s+by\s+(?:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*", "", phrase_text
    )
    by = re.search(
        r"\b(?:by|from)\s+(?P<who>(?:the\s+|a\s+|an\s+)?(?:[\w'’&.-]+\s+){0,6}?[A-Z][\w'’&.-]*(?:\s+(?:of|for|and|&)?\s*[A-Z][\w'’&.-]*)*)",
        cleaned,
    )
    if by:
        phrase = parse(by.group("who"))
        if phrase.name:
            party = ctx.parties.named(phrase.name, where=sentence.block.locator)
            if phrase.description:
                party.describe(phrase.description)
            return party
    by_role = re.search(
        r"\bby\s+(?P<who>[A-Z][\w]*['’]s\s+(?:[a-z]+\s+){0,2}(?:manager|director|executive|chief|officer|head|chairman|secretary|spokesman|spokeswoman|spokesperson|adviser|lawyer))\b",
        cleaned,
    )
    if by_role:
        from claimcheck.editor.draft.speakers import resolve

        author, _notes = resolve(ctx, by_role.group("who"))
        return author
    body = re.search(
        r"\b(?:the\s+)?(?P<body>ministry|council|company|police|department|government|court|agency|district|union|group)['’]?s?\s+(?:[a-z]+\s+){0,2}(?:records|documents|data|report|filings|figures|minutes)\b",
        cleaned,
        re.IGNORECASE,
    )
    if body:
        from claimcheck.editor.draft.speakers import _by_description

        found = _by_description(ctx, parse(f"the {body.group('body').lower()}"))
        if found is not None:
            return found
    phrase = parse(re.sub(r"^(?:in|on|at|according to)\s+", "", cleaned.strip(), flags=re.IGNORECASE))
    if phrase.possessor and phrase.possessor[:1].isupper():
        return ctx.parties.named(phrase.possessor, where=sentence.block.locator)
    if (
        phrase.org
        and phrase.org[:1].isupper()
        and phrase.is_document
        and (len(phrase.org.split()) > 1 or ctx.parties.lookup(phrase.org))
        and re.search(rf"{re.escape(phrase.org)}['’]?s?\s+(?:[\w-]+\s+){{0,2}}{re.escape(phrase.head)}\b", cleaned)
    ):
        return ctx.parties.named(phrase.org, where=sentence.block.locator)  # "Companies House records"
    runs = proper_runs(cleaned)
    if runs and phrase.is_document:
        name = cleaned[runs[-1][0] : runs[-1][1]]
        if re.search(
            rf"{re.escape(name)}(?:['’]s)?\s+(?:[\w-]+\s+){{0,3}}(?:records|documents|data|report|filings|register|accounts)\b", cleaned
        ):
            return ctx.parties.named(name, where=sentence.block.locator)
    return None


def document_verb(verb: str) -> bool:
    """Whether ``verb`` is one a document is the subject of ("it says", "records show")."""
    return verb in DOCUMENT_VERBS
