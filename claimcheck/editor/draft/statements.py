"""The second pass: every sentence's attributions become statements with a speaker, an attribution
chain, a document, a date, a kind and subjects; sentences that report nobody are the outlet's own
words (or, for a party's reported act such as "In May, the US tightened restrictions", the actor's);
quotations that continue a speaker's words in the next sentence are that speaker's.
"""

from __future__ import annotations

import re

import attrs

from claimcheck.core.dates import PartialDate
from claimcheck.editor.draft.clauses import HEARINGS
from claimcheck.editor.draft.dates import find_dates
from claimcheck.editor.draft.names import kind_of, parse, proper_runs
from claimcheck.editor.draft.parties import Document, Party
from claimcheck.editor.draft.patterns import Attribution
from claimcheck.editor.draft.sentences import quotations, sentence_spans
from claimcheck.editor.draft.speakers import GROUP_SPEAKING_FOR, Context, resolve, subject_before
from claimcheck.editor.draft.walk import Sentence, Walk, document_verb

__all__ = ["Hop", "Statement", "statements"]

_STANCE = re.compile(
    r"^(?P<np>(?:[Tt]he\s+|[Aa]n?\s+)?[\w'’&. -]{2,60}?)\s+(?:has|have|had)\s+(?:concerns|fears|doubts|suspicions)\b|"
    r"^(?P<np2>(?:[Tt]he\s+|[Aa]n?\s+)?[\w'’&. -]{2,60}?)\s+(?:believes|believed|thinks|fears|suspects|is concerned|was concerned|wants|plans|intends|is considering|was considering)\b"
)
_OUR_PEOPLE = re.compile(
    r"^(?:And\s+|But\s+)?(?:Our|My)\s+(?P<who>members|staff|workers|colleagues|clients|customers|patients|residents|officers|people|engineers|drivers)\s+(?:think|say|believe|tell us|told us|report|fear|feel|know)\b"
)
_ACT = re.compile(
    r"^(?:(?:In|On|Last|Earlier|By|Since|During)\b[^,]{0,40},\s+)?(?P<np>(?:[Tt]he\s+)?[A-Z][\w'’&.-]*(?:\s+(?:of\s+)?[A-Z][\w'’&.-]*){0,5})\s+(?:has\s+|have\s+|had\s+)?(?:not\s+)?(?P<verb>[a-z]+ed|imposed|set|cut|made|took|sent|held|won|lost|sold|bought|began|began|put|built|shut|froze|gave|struck|signed)\b"
)


_GROUP_ACT = re.compile(
    r"^(?:[Tt]he\s+)?(?:[a-z]+\s+)?(?P<head>[a-z]+),\s+(?:from|at|of|with)\s+(?:the\s+)?(?P<org>[A-Z][\w'’&.-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w'’&.-]*)*),\s+(?:[a-z]+\s+)?[a-z]+ed\b"
)


@attrs.define(kw_only=True, eq=False)
class Hop:
    """One link of an attribution chain."""

    party: Party
    mode: str
    document: Document | None = None


@attrs.define(kw_only=True, eq=False)
class Statement:
    """One drafted claim: where it is, what it says, who says it and how the words reach the article."""

    sentence: Sentence
    start: int  # offsets in the block's text of the quote
    end: int
    content: str
    speaker: Party
    chain: list[Hop] = attrs.field(factory=list)
    document: Document | None = None
    quoted: bool = False
    verb: str = ""
    kind: str = ""
    kind_reason: str = ""
    subjects: list[Party] = attrs.field(factory=list)
    accused: Party | None = None
    #: "accused Y of": the accused as the article words it.
    accused_words: str = ""
    date: PartialDate | None = None
    date_note: str = ""
    #: Whether the date comes from words of the article (not the article's own date).
    dated_by_words: bool = False
    notes: list[str] = attrs.field(factory=list)
    original: str | None = None
    original_language: str | None = None
    translated_by: Party | None = None
    #: "Asked about the post": what the words answer, when the article says.
    reply_to: str = ""
    #: The words were the outlet's own (or an actor's reported act).
    unattributed: bool = False
    #: The words name their speaker (not a pronoun, a role or an unnamed group).
    named_speaker: bool = False
    text: str = ""

    @property
    def locator(self) -> str:
        """Where in the article."""
        return self.sentence.block.locator

    @property
    def quote(self) -> str:
        """The words as printed."""
        return self.sentence.block.text[self.start : self.end]


def _clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    return start, end


def _chain(speaker: Party, mode: str, document: Document | None, via: list[Hop], outlet: Party) -> list[Hop]:
    if speaker is outlet:
        return []
    hops = [Hop(party=speaker, mode=mode, document=document if mode in {"cites-document", "direct-quote"} else None)]
    for hop in via:
        if hop.party is not outlet and all(h.party is not hop.party for h in hops):
            hops.append(hop)
    if len(hops) == 1 and hops[0].mode == "paraphrase" and hops[0].document is None:
        return []
    return hops


def _mode(speaker: Party, quoted: bool, document: Document | None) -> str:
    if speaker.unnamed and not speaker.represents:
        return "unnamed-source"
    if quoted:
        return "direct-quote"
    return "cites-document" if document is not None else "paraphrase"


def _content_parts(block_text: str, att: Attribution) -> list[tuple[int, int]]:
    """The claims one attribution holds: each sentence of a quotation, or each "and that" clause."""
    s, e = att.content
    words = block_text[s:e]
    qs = [q for q in quotations(block_text) if q.start >= s - 1 and q.end <= e + 1]
    if att.quoted and qs and qs[0].start <= s + 1 and len(qs) == 1:
        q = qs[0]
        spans = sentence_spans(block_text, q.inner_start, q.inner_end)
        if len(spans) > 1:
            return [_clean_span(block_text, a, b) for a, b in spans]
    parts = [m.start() for m in re.finditer(r"(?:,\s*)?\s+and\s+that\s+|,\s+that\s+(?=it\b|the\b|they\b)", words)]
    if not parts:
        return [(s, e)]
    out, pos = [], s
    for p in parts:
        out.append(_clean_span(block_text, pos, s + p))
        pos = s + p + len(re.match(r"(?:,\s*)?\s+and\s+that\s+|,\s+that\s+", words[p:]).group())  # type: ignore[union-attr]
    out.append(_clean_span(block_text, pos, e))
    return [p for p in out if p[1] > p[0]]


class _Pass:
    def __init__(self, walk: Walk, document_date: PartialDate | None) -> None:
        self.walk = walk
        self.ctx = walk.ctx
        self.outlet = walk.ctx.outlet
        self.date = document_date
        self.out: list[Statement] = []
        self.last_quoted: Statement | None = None

    # ---- dates --------------------------------------------------------------------------------
    def dated(self, statement: Statement, spans: list[tuple[int, int]], *, anywhere: bool = False) -> None:
        text = statement.sentence.block.text
        candidates = [text[a:b] for a, b in spans]
        if anywhere:
            candidates.append(statement.sentence.text)
        for words in candidates:
            for mention in find_dates(words):
                when, how = mention.resolve(self.date)
                if when is None:
                    continue
                if self.date and self.date.latest and when.earliest and when.earliest > self.date.latest:
                    continue
                statement.date, statement.date_note, statement.dated_by_words = when, how, True
                return
        doc = statement.document
        if doc is not None and doc.date is not None:
            statement.date, statement.date_note = doc.date, "dated as the document it is taken from"
            return
        if self.date is None:
            return
        if statement.speaker is self.outlet:
            statement.date, statement.date_note = self.date, "the article's own words, dated as the article"
        else:
            statement.date = PartialDate.parse(f"../{self.date.text}") if not self.date.is_interval else self.date
            statement.date_note = "the article does not date it: made by its publication"

    def heard_by(self, sentence: Sentence, att: Attribution) -> tuple[Party | None, list[str]]:
        """Who said what "a jury heard": the speaker the article says told that hearing, in this paragraph
        or the next two ("…told the jury that…"), else an unnamed source at the hearing."""
        hearing = HEARINGS.search(att.speaker)
        noun = hearing.group().lower() if hearing else "hearing"
        for later in self.walk.sentences:
            if later.block_index < sentence.block_index or later.block_index > sentence.block_index + 2 or later.pos < sentence.pos:
                continue
            for other in later.attributions:
                if other is att or other.heard or not other.speaker:
                    continue
                if HEARINGS.search(other.listener) and HEARINGS.search(other.listener).group().lower() == noun:  # type: ignore[union-attr]
                    party, _found = resolve(self.ctx, other.speaker, other.appositives)
                    if party is not None:
                        return party, [f'"{att.speaker} heard": read as {party.name}, who told the {noun} ({later.block.locator})']
        party = self.ctx.parties.unnamed(f"Unnamed speaker at the {noun}", where=sentence.block.locator)
        return party, [f'"{att.speaker} heard": the article does not say who said it']

    # ---- one attribution ----------------------------------------------------------------------
    def attributed(
        self, sentence: Sentence, att: Attribution, document: Document | None, *, continuing: Party | None = None
    ) -> list[Statement]:
        ctx = self.ctx
        if att.speaker_span is not None:
            ctx.pos = sentence.block.start + att.speaker_span[0]
        notes: list[str] = []
        via: list[Hop] = []
        speaker: Party | None = None
        content = att.content
        if att.according_to and not att.speaker:
            source = parse(att.according_to)
            if document is not None and source.is_document:
                if document.author is None and source.determiner in {"its", "their"}:
                    document.author = _first_named(ctx, sentence.block.text[content[0] : content[1]]) or subject_before(ctx, person=False)
                speaker = document.author
                notes.append(f'"according to {att.according_to}": the words are the document\'s')
            else:
                speaker, found = resolve(ctx, att.according_to, att.appositives)
                notes += found
                stance = _STANCE.match(sentence.block.text[content[0] : content[1]])
                if stance and speaker is not None:
                    holder, found = resolve(ctx, stance.group("np") or stance.group("np2"))
                    if holder is not None and holder is not speaker:
                        notes.append(f'the view is {holder.name}\'s, reported by {speaker.name} ("according to {att.according_to}")')
                        via.append(Hop(party=speaker, mode="paraphrase"))
                        speaker = holder
        elif att.document_subject:
            speaker = document.author if document is not None else None
            if document is not None and document.author is None and re.fullmatch(r"(?i)its?", att.speaker.strip()) is None:
                notes.append(f'"{att.speaker}": the article does not say whose document it is; recorded as the outlet\'s')
        elif att.heard:
            speaker, found = self.heard_by(sentence, att)
            notes += found
        elif not att.speaker.strip():
            speaker = None
        else:
            speaker, found = resolve(ctx, att.speaker, att.appositives, document_verb=document_verb(att.verb))
            notes += found
            if speaker is None and att.speaker.strip().lower() == "it":
                document = document or ctx.documents.latest(ctx.pos)
                speaker = document.author if document is not None else None
        if speaker is None:
            speaker = continuing or self.outlet
        if document is not None and document.author is None and speaker is not self.outlet and not att.document_subject:
            document.author = speaker
        if att.according_to and att.speaker and document is not None and document.author is not speaker and document.author is not None:
            via.append(Hop(party=document.author, mode="cites-document", document=document))
        if document is not None and document.outlet is not None:
            via.append(Hop(party=document.outlet, mode="cites-document", document=document))
            notes.append(f"given to {document.outlet.name} ({document.phrase}), which the article cites")
        listener = parse(att.listener) if att.listener else None
        if listener is not None and listener.name:
            party = ctx.parties.lookup(listener.name)
            kind, _why = kind_of(listener.name)
            if party is not self.outlet and (kind == "news-outlet" or (party is not None and party.kind == "news-outlet")):
                party = party or ctx.parties.named(listener.name, where=sentence.block.locator, kind="news-outlet")
                if party is not self.outlet:
                    via.append(Hop(party=party, mode="paraphrase"))
                    notes.append(f"told {party.name}, which the article cites")
        for app in att.appositives:
            quoted_in = re.search(r"\bquoted\s+in\s+(?:the|a)\s+(?P<noun>report|memo|letter|statement|review|study)", app)
            if quoted_in:
                cited = self.ctx.documents.find(quoted_in.group("noun"), None, definite=True)
                if cited is not None and cited.author is not None:
                    via.append(Hop(party=cited.author, mode="cites-document", document=cited))
                    notes.append(f"known only through {cited.author.name}'s {cited.noun}")
        ctx.note(speaker, spoke=True)
        behalf = re.search(
            r"\bon behalf of\s+(?P<who>(?:the|its|their)\s+[a-z]+|[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*)",
            sentence.block.text[content[0] : content[1]],
        )
        if behalf is not None and speaker is not self.outlet:
            client, _found = resolve(ctx, behalf.group("who"))
            if client is not None and client is not speaker and client not in speaker.represents:
                speaker.represents.append(client)
                notes.append(f'it says it speaks for {client.name} ("on behalf of {behalf.group("who")}")')
        out = []
        for start, end in _content_parts(sentence.block.text, att):
            quoted = att.quoted and bool(quotations(sentence.block.text[start:end]) or sentence.block.text[start - 1 : start] in "“\"‘'")
            if (start, end) == att.content:
                span = att.span
            else:
                span = (start, end)
                quoted = (
                    att.quoted and any(q.inner_start <= start and q.inner_end >= end for q in quotations(sentence.block.text))
                ) or quoted
            words = sentence.block.text[start:end]
            who = speaker
            hops = list(via)
            ours = _OUR_PEOPLE.match(words)
            if ours and quoted:
                represented = speaker.represents[0] if speaker.represents else speaker
                body = represented.short_name or represented.name
                the = "the " if kind_of(body)[0] in {"organisation", "government-body"} and not body.startswith("The ") else ""
                who = ctx.parties.unnamed(f"Members of {the}{body}", where=sentence.block.locator, represents=None)
                hops = [Hop(party=speaker, mode="direct-quote"), *via]
                notes = [*notes, f"{speaker.name} reports what {who.name.lower()} think"]
            mode = _mode(who, quoted, document)
            statement = Statement(
                sentence=sentence,
                start=span[0],
                end=span[1],
                content=words,
                speaker=who,
                chain=_chain(who, mode, document, hops, self.outlet),
                document=document,
                quoted=quoted,
                verb=att.verb,
                notes=list(notes),
                named_speaker=bool(parse(att.speaker).name) if att.speaker else False,
                reply_to=att.prefix
                if att.prefix.lower().startswith(("asked", "responding", "replying", "in a reply", "in reply", "in response"))
                else "",
            )
            if att.accused:
                accused, _found = resolve(ctx, att.accused)
                statement.accused, statement.accused_words = accused, att.accused
            self.dated(statement, list(att.when))
            out.append(statement)
        return out

    # ---- sentences without an attribution -----------------------------------------------------
    def unattributed(self, sentence: Sentence) -> list[Statement]:
        text = sentence.block.text
        start, end = _clean_span(text, sentence.body_start, sentence.end)
        words = text[start:end]
        qs = quotations(text[sentence.start : sentence.end])
        prev = self.last_quoted
        if (
            qs
            and words[:1] in "“\"‘'"
            and prev is not None
            and prev.sentence.block_index >= sentence.block_index - 1
            and (qs[0].end - qs[0].start) >= 0.8 * len(words)
        ):
            # a quotation continuing the last speaker's words
            att = Attribution(span=(start, end), content=(start, end), quoted=True)
            statements = self.attributed(sentence, att, prev.document, continuing=prev.speaker)
            for s in statements:
                s.speaker = prev.speaker if s.speaker is self.outlet else s.speaker
                s.chain = _chain(s.speaker, _mode(s.speaker, True, prev.document), prev.document, prev.chain[1:], self.outlet)
                s.notes.append(f"continues the words of {prev.speaker.name} ({prev.locator})")
                if not s.dated_by_words and prev.dated_by_words:
                    s.date, s.date_note = prev.date, f"dated as the words it continues ({prev.locator})"
            return statements
        speaker, notes, actor = self.outlet, ["the article's own words"], False
        act = _ACT.match(words)
        group = _GROUP_ACT.match(words)
        if group is not None and group.group("head") in GROUP_SPEAKING_FOR:
            speaker = self.ctx.parties.named(group.group("org"), where=sentence.block.locator)
            notes, actor = [f"an act of the {group.group('head')} of {speaker.name}, reported in the article's own voice"], True
            act = None
        if act is not None:
            np = parse(act.group("np"))
            if np.name:
                kind, _why = kind_of(np.name)
                party = self.ctx.parties.lookup(np.name)
                kind = party.kind if party is not None and party.kind else kind
                if kind in {"government-body", "company", "organisation"}:
                    speaker = party or self.ctx.parties.named(np.name, where=sentence.block.locator)
                    notes, actor = [f"an act of {speaker.name} the article reports in its own voice; or record it as the outlet's"], True
        document = None
        prefix_doc = re.match(
            r"In\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,3}?(?P<noun>photographs|photos|report|statement|letter|filing|documents|records)\b[^,]*?\bby\s+(?:the\s+)?(?P<who>[A-Z][^,]+)",
            words,
        )
        if prefix_doc:
            author = self.ctx.parties.named(prefix_doc.group("who").strip(), where=sentence.block.locator)
            document = self.ctx.documents.mention(
                prefix_doc.group(0), prefix_doc.group("noun"), author, where=sentence.block.locator, definite=False
            )
            speaker, notes = author, [f"taken from {prefix_doc.group('noun')} by {author.name}"]
        statement = Statement(
            sentence=sentence,
            start=start,
            end=end,
            content=words,
            speaker=speaker,
            notes=notes,
            unattributed=speaker is self.outlet or actor,
            document=document,
        )
        if document is not None:
            statement.chain = _chain(speaker, "cites-document", document, [], self.outlet)
        self.ctx.note(speaker, spoke=speaker is not self.outlet)
        self.dated(statement, [], anywhere=True)
        if actor:
            statement.kind, statement.kind_reason = "action", "an act the article reports in its own voice"
        return [statement]


def statements(walk: Walk, document_date: PartialDate | None) -> list[Statement]:
    """Every statement of the article, in article order (headline and standfirst read against the body)."""
    run = _Pass(walk, document_date)
    lead = [s for s in walk.sentences if s.block.locator in {"headline", "standfirst"}]
    body = [s for s in walk.sentences if s not in lead]
    for group in (body, lead):
        for sentence in group:
            run.ctx.block, run.ctx.pos, run.ctx.headline, run.ctx.where = (
                sentence.block_index,
                sentence.pos,
                sentence in lead,
                sentence.block.locator,
            )
            run.ctx.sentence = sentence.pos
            if sentence.skip:
                continue
            made: list[Statement] = []
            for att, document in zip(sentence.attributions, sentence.documents, strict=False):
                made += run.attributed(sentence, att, document)
            if not sentence.attributions:
                made = run.unattributed(sentence)
            run.out += made
            quoted = [s for s in made if s.quoted and s.speaker is not walk.ctx.outlet]
            if quoted:
                run.last_quoted = quoted[-1]
            elif made and not any(s.quoted for s in made) and sentence.attributions:
                run.last_quoted = None
    run.out = [s for s in run.out if any(ch.isalnum() for ch in s.quote) and any(ch.isalnum() for ch in s.content)]
    run.out.sort(key=lambda s: (s.sentence.pos, s.start))
    for statement in run.out:
        statement.subjects = _subjects(walk, statement)
    return run.out


def _first_named(ctx: Context, words: str) -> Party | None:
    """The first known party named in ``words``."""
    for rs, re_ in proper_runs(words):
        party = ctx.parties.lookup(words[rs:re_].removesuffix("'s").removesuffix("’s"))
        if party is not None and not party.outlet:
            return party
    return None


def _subjects(walk: Walk, statement: Statement) -> list[Party]:
    """The parties a statement is about: those its words name, the party accused, and the speaker when
    the words are about itself."""
    found: list[Party] = []
    if statement.accused is not None:
        found.append(statement.accused)
    words = statement.content
    for rs, re_ in proper_runs(words):
        name = words[rs:re_]
        party = walk.ctx.parties.lookup(name.removesuffix("'s").removesuffix("’s"))
        if party is not None and party not in found and party is not walk.ctx.outlet:
            found.append(party)
    about_itself = re.match(r"(?i)(?:that\s+)?(?:it|its|we|our)\b", words.strip("“\"‘' "))
    if about_itself and statement.speaker is not walk.ctx.outlet and statement.speaker not in found:
        found.insert(0, statement.speaker)
    for party in list(found):
        if party.outlet:
            found.remove(party)
    return found[:4]
