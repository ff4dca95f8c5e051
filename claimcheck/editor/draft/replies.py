"""Headlines read against the body, the right of reply, and the relations the text makes explicit.

* A headline or standfirst compresses what the body attributes: it is given the speaker and chain of
  the body statement sharing most of its content words (at least three, or two that are most of its
  own), and keeps its own wording's attribution otherwise.
* Requests for comment: "declined to comment", "would not comment", "could not be reached", "was
  unable to reach X", "did not respond", "put its findings to X (through its chief executive Y) on 2
  March"; and replies given "Asked about …" or "In a reply dated …". One request per party, the latest
  outcome kept, asked through the person who answered or refused when that person speaks for it.
* A denial denies the allegation about the party it answers for that shares most words with it (the
  latest one for "denied the claim"); a reply "asked about" an allegation that is not a denial responds
  to it.
"""

from __future__ import annotations

import re

import attrs

from claimcheck.core.dates import PartialDate
from claimcheck.editor.draft.dates import find_dates
from claimcheck.editor.draft.lexicon import REPORTING_VERBS
from claimcheck.editor.draft.names import parse
from claimcheck.editor.draft.parties import Party, answers_for
from claimcheck.editor.draft.speakers import Context, resolve
from claimcheck.editor.draft.statements import Statement
from claimcheck.editor.draft.walk import DECLINED, NO_RESPONSE, NOT_REACHED, Sentence, refusal

__all__ = ["Relation", "Request", "lead", "relations", "requests"]

_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "with",
        "from",
        "as",
        "after",
        "before",
        "over",
        "under",
        "into",
        "than",
        "then",
        "but",
        "not",
        "no",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "their",
        "his",
        "her",
        "they",
        "he",
        "she",
        "we",
        "our",
        "you",
        "said",
        "says",
        "say",
        "told",
        "about",
        "more",
        "most",
        "also",
        "just",
        "up",
        "out",
        "so",
    ]
)
ASKED = re.compile(
    r"\b(?:put|sent|submitted|presented)\s+(?:its|our|their|the|these|detailed|written)?\s*(?:findings|questions|allegations|claims|points|case)\s+(?:the same day\s+)?to\s+(?P<who>[^.;]+)"
)


@attrs.define(kw_only=True, eq=False)
class Request:
    """A request for comment as the article reports it."""

    subject: Party
    outcome: str
    asked_via: Party | None = None
    asked: PartialDate | None = None
    date: PartialDate | None = None
    replies: list[Statement] = attrs.field(factory=list)
    locator: str = ""
    quote: str = ""
    notes: list[str] = attrs.field(factory=list)


@attrs.define(kw_only=True, eq=False)
class Relation:
    """A relation the text makes explicit between two drafted statements."""

    type: str
    target: Statement
    by: Statement
    note: str


def _words(text: str) -> set[str]:
    out = set()
    for w in re.findall(r"[a-z0-9][a-z0-9'’-]*", text.lower().replace("’", "'")):
        w = w.removesuffix("'s")
        if w in _STOP or w in REPORTING_VERBS or len(w) < 3:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 4:
                w = w[: -len(suffix)]
                break
        out.add(w)
    return out


def lead(statements: list[Statement], outlet: Party) -> None:
    """Attribute headline and standfirst statements as the body attributes the same words."""
    body = [s for s in statements if s.locator not in {"headline", "standfirst"}]
    for s in statements:
        if s.locator not in {"headline", "standfirst"}:
            continue
        own = _words(s.quote)
        if not own:
            continue
        scored = [(len(own & _words(b.quote)), b) for b in body]
        top = max((score for score, _b in scored), default=0)
        if not (top >= 3 or (top >= 2 and top / len(own) >= 0.6)):
            continue
        # a headline sums up the lede: of the close matches, the earliest
        best = next(b for score, b in scored if score >= 0.75 * top)
        if best.speaker is not s.speaker:
            named = s.speaker is not outlet and not s.speaker.unnamed and s.named_speaker
            if named and s.speaker not in best.speaker.represents:
                s.notes.append(
                    f"the body gives these words to {best.speaker.name} ({best.locator}); the {s.locator} itself credits {s.speaker.name}"
                )
                continue
            if s.speaker is not outlet:
                s.notes.append(f"the {s.locator}'s own wording credits {s.speaker.name}")
            s.speaker, s.chain, s.document = best.speaker, list(best.chain), best.document
            s.unattributed = False
        s.notes.append(f"attributed as the body attributes the same words ({best.locator})")
        if best.dated_by_words:
            s.date, s.date_note, s.dated_by_words = best.date, f"dated as {best.locator}", True
        if not s.kind and best.kind:
            s.kind, s.kind_reason = best.kind, f"as {best.locator}"


def _date(words: str, document_date: PartialDate | None) -> PartialDate | None:
    for mention in find_dates(words):
        when, _how = mention.resolve(document_date)
        if when is not None and not (document_date and document_date.latest and when.earliest and when.earliest > document_date.latest):
            return when
    return None


def _speaks_for(party: Party) -> Party:
    return party.represents[0] if party.represents else party


class _Requests:
    def __init__(self, ctx: Context, document_date: PartialDate | None) -> None:
        self.ctx = ctx
        self.date = document_date
        self.all: list[Request] = []

    def record(self, party: Party, outcome: str, sentence: Sentence, *, when: PartialDate | None, asked: bool = False) -> Request:
        subject = _speaks_for(party)
        via = party if subject is not party else None
        for req in self.all:
            if req.subject is subject or (via is not None and req.asked_via is via) or req.asked_via is party:
                if asked:
                    req.asked = req.asked or when
                else:
                    req.outcome, req.date = outcome, when or req.date
                    req.locator, req.quote = sentence.block.locator, sentence.text
                if via is not None and req.asked_via is None:
                    req.asked_via = via
                return req
        req = Request(subject=subject, outcome=outcome, asked_via=via, locator=sentence.block.locator, quote=sentence.text)
        if asked:
            req.asked = when
        else:
            req.date = when
        self.all.append(req)
        return req

    def asked(self, sentence: Sentence) -> None:
        for m in ASKED.finditer(sentence.text):
            when = _date(sentence.text[m.start() :], self.date)
            who = m.group("who")
            through = re.search(r"\s+through\s+(?:its|their|his|her)\s+(?P<role>[a-z][a-z ]*?),\s*(?P<name>[A-Z][^,]+)", who)
            person = None
            if through is not None:
                person = self.ctx.parties.named(through.group("name").strip(), where=sentence.block.locator, person=True)
                who = who[: through.start()] + who[through.end() :]
            first = True
            for target in re.split(r",\s*|\s+and\s+(?:sent\s+\w+\s+)?|\bto\s+", who):
                target = re.sub(r"^(?:and|or)\s+", "", target.strip()).strip(" .;:")
                if (
                    not target
                    or re.match(r"(?:on|by|the same|that|this|last|in)\b", target)
                    or (find_dates(target) and len(target.split()) <= 3)
                ):
                    continue
                if re.match(r"(?:sent|put|emailed|asked)\b", target):
                    continue
                party, _notes = resolve(self.ctx, target)
                if party is None or party.outlet:
                    continue
                req = self.record(party, "asked", sentence, when=when, asked=True)
                if first and person is not None and through is not None:
                    person.describe(f"{through.group('role')} of {req.subject.name}")
                    if req.subject not in person.represents and req.subject is not person:
                        person.represents.append(req.subject)
                    req.asked_via = person
                first = False


def requests(ctx: Context, sentences: list[Sentence], statements: list[Statement], document_date: PartialDate | None) -> list[Request]:
    """Every request for comment the article reports, in order of first mention."""
    book = _Requests(ctx, document_date)
    by_sentence: dict[int, list[Statement]] = {}
    for s in statements:
        by_sentence.setdefault(id(s.sentence), []).append(s)
    for sentence in sentences:
        ctx.block, ctx.pos, ctx.where = sentence.block_index, sentence.pos, sentence.block.locator
        book.asked(sentence)
        outcome = refusal(sentence) if not sentence.skip or sentence.skip == "comment request" else None
        if outcome is not None:
            when = _date(sentence.text, document_date)
            party = _refuser(ctx, sentence, outcome)
            if party is not None and not party.outlet:
                book.record(party, outcome, sentence, when=when)
        for s in by_sentence.get(id(sentence), []):
            if s.reply_to:
                req = book.record(s.speaker, "answered", sentence, when=s.date if s.dated_by_words else None)
                req.replies.append(s)
    return book.all


def _refuser(ctx: Context, sentence: Sentence, outcome: str) -> Party | None:
    """Who refused, could not be reached or did not respond."""
    text = sentence.text[sentence.body_start - sentence.start :]
    if outcome == "not-reached":
        m = NOT_REACHED.search(text)
        obj = m and (m.group("obj") or m.group("obj2"))
        if obj:
            party, _notes = resolve(ctx, obj.strip())
            return party
    said = re.search(r"\b(?:said|says|told)\b", text)
    pattern = {"declined": DECLINED, "not-reached": NOT_REACHED, "no-response": NO_RESPONSE}[outcome]
    m = pattern.search(text)
    if m is None:
        return None
    if said is not None and said.start() < m.start():
        speaker = text[: said.start()]
        speaker = re.sub(r"^[^,]*\b(?:Asked|Contacted|Approached)\b[^,]*,\s*", "", speaker).strip()
        party, _notes = resolve(ctx, speaker)
        return party
    head = re.sub(r"^(?:(?:But|And|However),?\s+)?(?:(?:In|On|When|Asked|Contacted|Approached)\b[^,]*,\s*)?", "", text[: m.start()]).strip()
    head = re.sub(r"\s+(?:also|has|have|had|again|repeatedly|so far)$", "", head)
    if not head or len(head.split()) > 12:
        return None
    phrase = parse(head)
    if phrase.pronoun and phrase.pronoun not in {"he", "she", "it", "they"}:
        return None
    party, _notes = resolve(ctx, head)
    return party


def relations(statements: list[Statement], everyone: list[Party] | None = None) -> list[Relation]:
    """Denials of allegations about the party that denies, and replies to what they were asked about."""
    out: list[Relation] = []
    allegations: list[Statement] = []
    parties = everyone or []
    for s in statements:
        if s.kind == "allegation":
            allegations.append(s)
            continue
        if s.kind != "denial" and not s.reply_to:
            continue
        mine = answers_for(s.speaker, parties)
        later = [a for a in statements if a.kind == "allegation" and a not in allegations]
        about = [a for a in [*allegations, *later] if mine & {id(p) for p in a.subjects} and a.speaker is not s.speaker]
        if not about:
            continue
        if re.search(r"\b(?:the|these|those) (?:claims?|allegations?|accusations?|account)\b", s.content + " " + s.reply_to):
            target = about[-1]
            why = f'{s.speaker.name} answers "{_short(s.reply_to or s.content)}"; read as the latest allegation about it'
        else:
            words = _words(s.content)
            overlap, target = max(((len(words & _words(a.content)), a) for a in about), key=lambda x: x[0])
            if overlap == 0:
                target = about[-1]
            why = (
                f"{s.speaker.name}'s reply shares most words with this allegation"
                if overlap
                else "the latest allegation about the party that answers"
            )
        kind = "denies" if s.kind == "denial" else "responds-to"
        out.append(Relation(type=kind, target=target, by=s, note=f"Proposed: {why}."))
    return out


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:57] + "..."
