"""Who a speaker phrase is: a named party, the person a role or a pronoun points to, the body a
description ("the company", "the health district") stands for, or an unnamed source.

Pronouns and descriptions look back: "she" is the last person who spoke, "it" the last body (or the
last document, for "it says"), "the company" the last company named, "the health district" the last
party whose name holds "health" and "district". A role without a name ("a mining engineer", "the
president of the union local", "council member") is the named person the article gives that role,
looked for in the next two paragraphs and then anywhere before (anywhere at all for a headline); else
it stays an unnamed source. Every choice is noted for the editor.
"""

from __future__ import annotations

import bisect
import re

import attrs

from claimcheck.editor.draft.lexicon import BODY_ROLES, GROUP_NOUNS, NOT_NAMES, PERSON_ROLES
from claimcheck.editor.draft.names import Phrase, kind_of, parse, role_key
from claimcheck.editor.draft.parties import Documents, Parties, Party, name_key

__all__ = ["GROUP_SPEAKING_FOR", "Context", "Mention", "resolve"]

#: Roles whose holder speaks for the body the role belongs to.
REPRESENTING = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "executive", "chief", "director", "president", "chairman", "chairwoman", "chair"}
    | {"lawyer", "attorney", "solicitor", "barrister", "organiser", "organizer", "coordinator", "manager", "secretary", "official"}
    | {"officer", "representative", "agent", "head", "leader", "founder", "owner", "treasurer"}
)
#: Descriptions that stand only for a party named that way ("the ministry" for a Ministry of…).
_SPECIFIC = frozenset(
    {"ministry", "department", "council", "district", "agency", "authority", "police", "office", "association", "union"}
    | {"alliance", "campaign", "institute", "regulator", "administration", "government", "federation", "charity", "newspaper"}
)
GROUP_SPEAKING_FOR = frozenset({"analysts", "economists", "researchers", "officials", "experts", "staff", "scientists", "strategists"})


@attrs.define(kw_only=True, eq=False)
class Mention:
    """A party named at a place in the article (for looking back and ahead)."""

    party: Party
    block: int
    pos: int
    spoke: bool = False
    #: Where the sentence it is named in starts (mentions of one sentence share it).
    sentence: int = 0


@attrs.define(kw_only=True, eq=False)
class Context:
    """What the resolution of a phrase can look at: every party and document, and where each was named."""

    parties: Parties
    documents: Documents
    outlet: Party
    mentions: list[Mention] = attrs.field(factory=list)
    block: int = 0
    pos: int = 0
    headline: bool = False
    #: The locator of the current place ("paragraph 3"), for saying where a party was first named.
    where: str = ""
    #: Where the current sentence starts.
    sentence: int = 0
    #: The article's full text (where a surname's first names are looked for).
    text: str = ""

    def before(self) -> list[Mention]:
        """Mentions before the current place, latest first."""
        return [m for m in reversed(self.mentions) if m.pos < self.pos]

    def ahead(self, blocks: int = 2) -> list[Mention]:
        """Mentions after the current place within ``blocks`` blocks (all of them for a headline), nearest first."""
        return [m for m in self.mentions if m.pos > self.pos and (self.headline or m.block <= self.block + blocks)]

    def note(self, party: Party, *, spoke: bool, pos: int | None = None) -> None:
        """Record that ``party`` is named (or speaks) here (or at ``pos``), keeping mentions in article order."""
        at = self.pos if pos is None else pos
        mention = Mention(party=party, block=self.block, pos=at, spoke=spoke, sentence=self.sentence)
        bisect.insort(self.mentions, mention, key=lambda m: m.pos)


def _person_by_role(ctx: Context, phrase: Phrase) -> Party | None:
    keys = {role_key(r) for r in phrase.roles} | ({role_key(phrase.head)} if phrase.head else set())
    keys.discard("")
    if not keys:
        return None

    def score(party: Party) -> int:
        return max((len(k) for k in keys if k in party.role_words), default=0)

    for pool in (ctx.ahead(), ctx.before(), ctx.ahead(blocks=99) if ctx.headline else []):
        best = max((m.party for m in pool if m.party.person), key=score, default=None)
        if best is not None and score(best) >= 5:
            return best
    return None


def _by_description(ctx: Context, phrase: Phrase) -> Party | None:
    """The party a description such as "the company" or "the health district" stands for."""
    head = phrase.head
    kind = BODY_ROLES.get(head)
    if kind is None:
        return None
    text = phrase.text.lower()
    if phrase.possessor:
        text = text.replace(phrase.possessor.lower(), " ")  # "the mine's owner": the owner, not a party named "mine"
    words = [w for w in re.findall(r"[a-z]+", text) if w not in {"the", "a", "an", "its", "their", "his", "her", "s"}]
    qualifiers = [w for w in words if w != head]

    def fits(party: Party) -> bool:
        if party.person or party.outlet or party.unnamed:
            return False
        lowered = " ".join([party.name, *party.aliases]).lower()
        named_by_head = re.search(rf"\b{head}", lowered) is not None
        if qualifiers and not all(re.search(rf"\b{q}", lowered) for q in qualifiers[:2]) and not named_by_head:
            return False
        if named_by_head:
            return True
        if head in _SPECIFIC:
            return False  # "the ministry" is a party named as a ministry, not any government body
        if kind == "":
            return party.kind in {"organisation", "company", "research-firm"}
        return party.kind == kind or (kind == "company" and party.kind == "research-firm" and head in {"company", "firm", "owner"})

    for m in ctx.before():
        if fits(m.party):
            return m.party
    if kind == "company" or head in {"owner", "operator", "developer"}:
        for m in ctx.ahead(blocks=2):
            if fits(m.party):
                return m.party
    return None


def _personal_name(party: Party) -> bool:
    """Whether a party of unknown kind has a name shaped like a person's ("Harriet Tull", "Femke de Rooij")."""
    words = party.name.split()
    return (
        party.kind is None
        and not party.unnamed
        and 2 <= len(words) <= 4
        and all((w[:1].isupper() and not w.isupper()) or w in {"de", "van", "von", "der", "da", "di", "del", "la", "le"} for w in words)
        and kind_of(party.name)[0] is None
    )


def _pronoun(ctx: Context, pronoun: str, *, document_verb: bool) -> Party | None:
    spoken = [m for m in ctx.before() if m.spoke]
    if pronoun in {"he", "she"}:
        found = next((m.party for m in spoken if m.party.person or _personal_name(m.party)), None)
        found = found or next((m.party for m in ctx.before() if m.party.person), None)
        if found is not None and not found.person:
            found.person, found.kind, found.kind_reason = True, "person", f'the article calls it "{pronoun}"'
        return found
    if pronoun == "they":
        return next((m.party for m in spoken if m.party.unnamed or not m.party.person), None)
    if pronoun == "it":
        body = next((m for m in spoken if not m.party.person), None)
        document = ctx.documents.latest(ctx.pos)
        if document_verb and document is not None and (body is None or document.last_seen(ctx.pos) > body.pos):
            return None  # "It says…": the document last cited
        return body.party if body is not None else None
    return None


def subject_before(ctx: Context, *, person: bool) -> Party | None:
    """The first party of the right sort named in the latest sentence that names one: what "its" or
    "her" points back to ("Bramwell Haulage, which moved containers from Greyling's depot, … One of its
    drivers" is Bramwell Haulage's)."""
    before = [m for m in ctx.before() if m.party.person == person and not m.party.outlet]
    if not before:
        return None
    latest = before[0].sentence
    return min((m for m in before if m.sentence == latest), key=lambda m: m.pos).party


def _possessor(ctx: Context, phrase: Phrase) -> Party | None:
    """The party "its" (or "Northwind's") names in a phrase."""
    if phrase.possessor in {"its", "their"}:
        return subject_before(ctx, person=False)
    if phrase.possessor in {"his", "her"}:
        return subject_before(ctx, person=True)
    if phrase.possessor and phrase.possessor[:1].isupper():
        return ctx.parties.named(phrase.possessor, where=_where(ctx))
    return None


def _where(ctx: Context) -> str:
    return ctx.where or "article"


def _org_party(ctx: Context, phrase: Phrase) -> Party | None:
    if phrase.org is None:
        return _possessor(ctx, phrase)
    if phrase.org.startswith("the "):
        return _by_description(ctx, parse(phrase.org)) or ctx.parties.add(
            phrase.org, where=_where(ctx), kind=BODY_ROLES.get(phrase.org[4:])
        )
    if phrase.org.lower() in {"fisheries", "health"} or not phrase.org[:1].isupper():
        return None
    inner = parse(phrase.org)
    if inner.name and inner.roles:
        return named_party(ctx, inner)
    return ctx.parties.named(phrase.org, where=_where(ctx))


def looks_person(phrase: Phrase, appositives: tuple[Phrase, ...] = ()) -> bool:
    """Whether a named phrase names a person: an honorific, a person's title or role before the name
    or in an appositive ("Denise Gauthier, president of…"), and no word of the name saying otherwise."""
    assert phrase.name is not None
    if kind_of(phrase.name)[0] is not None:
        return False
    person = bool(phrase.roles and any(r in PERSON_ROLES for r in phrase.roles)) or phrase.honorific is not None
    person = person or any(any(r in PERSON_ROLES for r in a.roles) and (a.name is None or a.org is not None or a.head) for a in appositives)
    if not person and phrase.description:
        person = any(w.lower().strip(",.") in PERSON_ROLES for w in phrase.description.split())
    return person


def full_name(ctx: Context, surname: str) -> str | None:
    """The full name the article prints for "Mr Coyle": the first "<First> Coyle" it holds."""
    for m in re.finditer(rf"\b((?:[A-Z][\w'’-]+\s+){{1,2}}){re.escape(surname)}\b", ctx.text):
        words = m.group(1).split()
        if all(w not in NOT_NAMES and w.rstrip(".") not in {"Mr", "Ms", "Mrs", "Dr", "Miss", "Mx", "Cllr"} for w in words):
            return f"{m.group(1)}{surname}"
    return None


def named_party(ctx: Context, phrase: Phrase, appositives: tuple[Phrase, ...] = ()) -> Party:
    """The party a phrase with a name names, with what the phrase and its appositives say of it."""
    name = phrase.name
    assert name is not None
    if phrase.honorific and len(name.split()) == 1 and ctx.parties.lookup(name, person=True) is None:
        full = full_name(ctx, name)
        if full is not None:
            name = full
            phrase = attrs.evolve(phrase, name=full)
            found = ctx.parties.named(full, where=_where(ctx), person=True)
            found.short_name = found.short_name or f"{phrase.honorific} {full.split()[-1]}"
    person = looks_person(phrase, appositives)
    kind, reason = kind_of(name, " ".join([phrase.description or "", *(a.text for a in appositives)]))
    if kind is not None and kind != "person":
        person = False
    party = ctx.parties.named(name, where=_where(ctx), person=True if person else None, kind=kind, reason=reason)
    if person and not party.person and party.kind is None:
        party.person, party.kind, party.kind_reason = True, "person", "the article gives a person's role or title"
    if phrase.honorific and len(name.split()) == 1 and not party.source_id:
        party.short_name = party.short_name or f"{phrase.honorific} {name}"
    if phrase.parenthetical:
        if re.fullmatch(r"[A-Z][A-Z0-9&.-]{1,9}", phrase.parenthetical):
            party.add_alias(phrase.parenthetical)
        else:
            party.describe(phrase.parenthetical)
    if phrase.description:
        party.describe(phrase.description)
    for role in phrase.roles:
        party.role_words.add(role_key(role))
    body = _org_party(ctx, phrase)
    if body is not None and body is not party and any(r in REPRESENTING for r in phrase.roles) and body not in party.represents:
        party.represents.append(body)
    for app in appositives:
        describe_with(ctx, party, app)
    return party


def describe_with(ctx: Context, party: Party, app: Phrase) -> None:
    """Take what an appositive says of ``party``: a description, a role, whom it acts for."""
    party.describe(app.text)
    lowered = app.text.lower()
    if party.kind is None:
        kind, reason = kind_of(party.name, app.text, app.roles)
        if kind:
            party.kind, party.kind_reason, party.person = kind, reason, kind == "person"
    acting = re.search(
        r"\b(?:acting for|acts for|on behalf of|working for|hired by|paid by|retained by)\s+(?P<who>[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*)",
        app.text,
    )
    if acting:
        client = ctx.parties.named(acting.group("who"), where=_where(ctx))
        if client is not party and client not in party.represents:
            party.represents.append(client)
        party.interests.append(app.text)
    elif app.roles and any(r in REPRESENTING for r in app.roles):
        body = _org_party(ctx, app)
        if body is not None and body is not party and body not in party.represents:
            party.represents.append(body)
    if re.search(r"\b(?:sells?|makes?|operates?|runs?|supplies|builds?|built|manufactures?|owns?|holds?|employs?|represents?)\b", lowered):
        party.interests.append(app.text)


def unnamed_name(ctx: Context, phrase: Phrase) -> str:
    """The name an unnamed source gets: "Unnamed analysts" for a bare plural, else the phrase as
    written with "its" replaced by whom it stands for ("One of Bramwell Haulage's drivers")."""
    text = phrase.text
    if phrase.determiner is None and phrase.head in GROUP_NOUNS and len(text.split()) == 1:
        return f"Unnamed {text.lower()}"
    if phrase.determiner and phrase.determiner.endswith(("its", "their")):
        owner = _possessor(ctx, attrs.evolve(phrase, possessor="its"))
        if owner is not None:
            text = re.sub(r"\b(?:its|their)\b", f"{owner.short_name or owner.name}'s", text, count=1)
    return text[:1].upper() + text[1:]


def resolve(ctx: Context, text: str, appositives: tuple[str, ...] = (), *, document_verb: bool = False) -> tuple[Party | None, list[str]]:
    """The party a speaker phrase names, and notes on how it was found (``None``: "it" stands for a document)."""
    phrase = parse(text)
    apps = tuple(parse(a) for a in appositives)
    notes: list[str] = []
    if phrase.pronoun:
        party = _pronoun(ctx, phrase.pronoun, document_verb=document_verb)
        if party is None:
            return None, [f'"{text}": no earlier speaker it can stand for']
        return party, [f'"{text}" read as {party.name} (the last {"person" if party.person else "party"} to speak)']
    named_app = next((a for a in apps if a.name and not a.head), None)
    if phrase.name is None and named_app is not None:
        # "Its chairman, retired civil engineer Colin Ashdown" / "a lawyer for Mr Arriaga, Lucía Ferrer"
        party = named_party(
            ctx, attrs.evolve(named_app, roles=(*named_app.roles, *phrase.roles)), tuple(a for a in apps if a is not named_app)
        )
        party.describe(phrase.text)
        body = _org_party(ctx, phrase)
        if body is not None and body is not party and any(r in REPRESENTING for r in phrase.roles) and body not in party.represents:
            party.represents.append(body)
        return party, notes
    if phrase.name is not None:
        if phrase.head and phrase.org is None:
            pass
        return named_party(ctx, phrase, apps), notes
    org_app = next((a.org for a in apps if a.org and re.match(r"(?:from|at|of|with)\b", a.text)), None)
    if phrase.head in GROUP_SPEAKING_FOR and (phrase.org or org_app) and (phrase.org or org_app or "")[:1].isupper():
        party = ctx.parties.named(phrase.org or org_app or "", where=_where(ctx))
        return party, [f'"{text}": recorded as {party.name}, whose {phrase.head} they are']
    if phrase.head.startswith("spokes") or (phrase.head in PERSON_ROLES and phrase.org and phrase.head in REPRESENTING):
        body = _org_party(ctx, phrase)
        party = ctx.parties.unnamed(unnamed_name(ctx, phrase), where=_where(ctx), represents=body)
        for app in apps:
            describe_with(ctx, party, app)
        return party, [f'"{text}": not named; speaks for {body.name}' if body else f'"{text}": not named']
    if phrase.head in PERSON_ROLES or phrase.roles:
        person = _person_by_role(ctx, phrase)
        if person is not None:
            return person, [f'"{text}" read as {person.name}, whom the article gives that role']
    if phrase.head in {"subsidiary", "unit", "division", "affiliate"} and phrase.determiner in {"the", "its", "their"}:
        owner = next((m.party for m in ctx.before() if m.spoke and not m.party.person), None)
        child = next((p for p in ctx.parties.all if owner is not None and owner in p.part_of), None)
        if child is not None:
            return child, [f'"{text}" read as {child.name}, part of {owner.name if owner else "it"}']
    described = _by_description(ctx, phrase)
    if described is not None:
        return described, [f'"{text}" read as {described.name}']
    if phrase.head in BODY_ROLES and phrase.determiner == "the":
        party = ctx.parties.named(phrase.text, where=_where(ctx), kind=BODY_ROLES[phrase.head] or None)
        party.notes.append(f'the article names it only as "{phrase.text}": give its full name')
        return party, [f'"{text}": the article does not name it']
    party = ctx.parties.unnamed(unnamed_name(ctx, phrase), where=_where(ctx))
    for app in apps:
        describe_with(ctx, party, app)
    return party, [f'"{text}": not named']


def same_party(a: Party, b: Party) -> bool:
    """Whether two parties are one, or one speaks for the other."""
    return a is b or b in a.represents or a in b.represents or name_key(a.name) == name_key(b.name)
