"""The parties and documents an article names, merged across their mentions and matched with the
sources already in the corpus.

Two mentions are one party when their names are equal (ignoring case, articles and the kind of
apostrophe); when one is the other's surname ("Ms Aasen", "Whitfield" for Kari Lunde Aasen, Dana
Whitfield), acronym ("LPTA"), first word ("Northwind" for Northwind Gold Corp.) or a subset of its
words of at least two ("Commerce Department", "US Department of Commerce"); a person never merges with
a body. A corpus source matches by its name, short name or aliases the same way, and is reused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from claimcheck.core.dates import PartialDate
from claimcheck.editor.draft.lexicon import DOCUMENT_NOUNS
from claimcheck.editor.draft.names import kind_of, role_key, significant_tokens

__all__ = ["Document", "Documents", "Parties", "Party", "answers_for", "name_key"]


#: "Chinese", "Bolivian", "Dutch": adjectives of nationality, never a short name for a party.
_DEMONYM = re.compile(r"(?:ese|ish|ian|ean|an|ch|ic|i)$")


#: Titles before a name and letters after it, never a surname ("Sarah Whitlow KC" is Ms Whitlow).
_NOT_SURNAMES = frozenset({"Dr", "Prof", "Jr", "Sr", "KC", "QC", "MP", "MSP", "MEP", "PhD", "MD", "OBE", "MBE", "CBE", "II", "III"})


def name_key(name: str) -> str:
    """A name as two spellings of it share it: lowercase, ASCII apostrophes, no leading article, no
    trailing full stop."""
    key = " ".join(name.replace("’", "'").replace("‘", "'").lower().split()).strip(" .,")
    return re.sub(r"^(?:the|a|an)\s+", "", key)


def _acronym(name: str) -> str:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w[0].isupper() and w.lower() not in {"the", "of", "and", "for"}]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


@attrs.define(kw_only=True, eq=False)
class Party:
    """A party the article names (or an existing corpus source it matched)."""

    name: str
    kind: str | None = None
    kind_reason: str = ""
    short_name: str | None = None
    aliases: list[str] = attrs.field(factory=list)
    descriptions: list[str] = attrs.field(factory=list)
    #: Every word of its titles and descriptions in :func:`role_key` form, for matching "a councillor".
    role_words: set[str] = attrs.field(factory=set)
    represents: list[Party] = attrs.field(factory=list)
    part_of: list[Party] = attrs.field(factory=list)
    #: Descriptions that say what it sells, runs or whom it acts for: candidate interests.
    interests: list[str] = attrs.field(factory=list)
    #: Where the article first names it, and how it was proposed.
    first_seen: str = ""
    notes: list[str] = attrs.field(factory=list)
    #: The id of the existing corpus source it is, if any.
    source_id: str | None = None
    outlet: bool = False
    unnamed: bool = False
    person: bool = False

    def name_keys(self) -> set[str]:
        """Every exact-match key of the party's names."""
        return {name_key(n) for n in [self.name, self.short_name or "", *self.aliases] if n}

    def add_alias(self, alias: str) -> None:
        """Record another name the article uses for the party."""
        key = name_key(alias)
        if key and key != name_key(self.name) and key not in {name_key(a) for a in self.aliases} and len(alias) <= 200:
            self.aliases.append(alias.strip(" ,."))

    def describe(self, text: str) -> None:
        """Record something the article says the party is."""
        text = " ".join(text.split()).strip(" ,.")
        if text and text not in self.descriptions and len(text) <= 400:
            self.descriptions.append(text)
            self.role_words |= {role_key(w) for w in re.findall(r"[A-Za-z]+", text) if len(w) > 2}

    @property
    def surname(self) -> str | None:
        """The last word of a person's name."""
        if not self.person:
            return None
        words = [w.strip(",") for w in self.name.split() if w.strip(",.") not in _NOT_SURNAMES]
        return words[-1].lower() if words else None


class Parties:
    """Every party of the article, in the order first named."""

    def __init__(self, existing: Iterable[Party] = ()) -> None:
        self.all: list[Party] = []
        self.existing = list(existing)

    def _candidates(self) -> list[Party]:
        return [*self.all, *self.existing]

    def lookup(self, name: str, *, person: bool | None = None) -> Party | None:
        """The party ``name`` names, if it is known (the article's parties first, then the corpus's)."""
        key = name_key(name)
        if not key:
            return None
        tokens = significant_tokens(name)
        words = name.split()
        for pool in (self.all, self.existing):
            for party in pool:
                if person is not None and party.kind is not None and party.person != person:
                    continue
                if key in party.name_keys():
                    return party
            if len(words) == 1:
                bare = words[0].strip(".,")
                for party in pool:
                    if person is not False and party.person and party.surname == bare.lower():
                        return party
                    if (
                        person is True
                        and party.kind is None
                        and not party.unnamed
                        and len(party.name.split()) >= 2
                        and [w for w in party.name.split() if w.strip(",.") not in _NOT_SURNAMES][-1].lower() == bare.lower()
                    ):
                        party.person, party.kind, party.kind_reason = True, "person", f'called "{name}" as a person'
                        return party
                    if person is not True and not party.person and bare.isupper() and len(bare) >= 2 and _acronym(party.name) == bare:
                        return party
                    if (
                        person is not True
                        and not party.person
                        and len(bare) >= 4
                        and not bare.isupper()
                        and not _DEMONYM.search(bare)
                        and party.name.split()[0].lower() == bare.lower()
                        and len(party.name.split()) > 1
                    ):
                        return party
            if len(tokens) >= 2:
                for party in pool:
                    if person is not None and party.kind is not None and party.person != person:
                        continue
                    for other in party.name_keys():
                        theirs = significant_tokens(other)
                        small, big = (tokens, theirs) if len(tokens) <= len(theirs) else (theirs, tokens)
                        if len(small) >= 2 and small <= big and not party.unnamed:
                            return party
        return None

    def add(
        self, name: str, *, where: str, kind: str | None = None, reason: str = "", person: bool = False, unnamed: bool = False
    ) -> Party:
        """A new party named ``name``."""
        if not name.strip(" ,."):
            raise ValueError("a party needs a name")
        guessed, why = kind_of(name)
        party = Party(
            name=name.strip(" ,."),
            kind=kind or guessed,
            kind_reason=reason or why,
            first_seen=where,
            person=person or kind == "person",
            unnamed=unnamed,
        )
        if party.person:
            party.kind, party.kind_reason = "person", reason or why or "named as a person"
        self.all.append(party)
        return party

    def named(self, name: str, *, where: str, person: bool | None = None, kind: str | None = None, reason: str = "") -> Party:
        """The party ``name`` names: a known one, or a new one."""
        found = self.lookup(name, person=person)
        if found is not None:
            if found in self.existing:
                self.existing.remove(found)
                self.all.append(found)
            if name_key(name) not in found.name_keys() and not found.source_id:
                found.add_alias(name)
            return found
        return self.add(name, where=where, kind=kind, reason=reason, person=bool(person))

    def unnamed(self, name: str, *, where: str, represents: Party | None = None) -> Party:
        """An unnamed source ("a former shift supervisor", "Unnamed analysts"), one per wording."""
        key = name_key(name)
        for party in [*self.all, *self.existing]:
            if party.unnamed and key in party.name_keys():
                if party in self.existing:
                    self.existing.remove(party)
                    self.all.append(party)
                return party
        party = self.add(name, where=where, kind="unnamed-group", reason="it is not named", unnamed=True)
        if represents is not None and represents is not party:
            party.represents.append(represents)
        return party


@attrs.define(kw_only=True, eq=False)
class Document:
    """A document the article cites (a statement, a report, a memo), known only through the article."""

    noun: str
    kind: str
    phrase: str
    author: Party | None = None
    date: PartialDate | None = None
    date_note: str = ""
    first_seen: str = ""
    notes: list[str] = attrs.field(factory=list)
    #: The outlet (or another party) it was published in or given to: "in an interview with Havnytt Vest".
    outlet: Party | None = None
    #: Where the article mentions it (offsets in the full text).
    seen_at: list[int] = attrs.field(factory=list)

    def last_seen(self, before: int) -> int:
        """The last place before ``before`` where the article mentions the document (-1 for none)."""
        return max((p for p in self.seen_at if p < before), default=-1)


class Documents:
    """The documents the article cites, merged across mentions ("a report by X" … "the report")."""

    def __init__(self) -> None:
        self.all: list[Document] = []

    @staticmethod
    def noun_of(phrase: str) -> str | None:
        """The document noun of ``phrase`` ("statement", "press release", "records"), if any."""
        lowered = phrase.lower()
        best: tuple[int, str] | None = None
        for noun in DOCUMENT_NOUNS:
            m = re.search(rf"\b{re.escape(noun)}\b", lowered)
            if m and (best is None or m.start() < best[0] or (m.start() == best[0] and len(noun) > len(best[1]))):
                best = (m.start(), noun)
        if re.search(r"\bon (?:facebook|twitter|x|instagram|linkedin|tiktok|threads|bluesky|social media|youtube)\b", lowered):
            return "post"
        return best[1] if best else None

    def find(self, noun: str, author: Party | None, *, definite: bool) -> Document | None:
        """The document a mention refers to: the latest of that noun by that author (or by anyone, for
        "the report" without an author)."""
        family = {noun, noun.rstrip("s"), noun + "s"}
        for doc in reversed(self.all):
            if doc.noun in family or (noun in {"review", "report", "study"} and doc.noun in {"review", "report", "study"}):
                if author is not None and doc.author is not None and doc.author is not author:
                    continue
                if author is None and not definite and doc.author is not None:
                    continue
                return doc
        return None

    def latest(self, before: int) -> Document | None:
        """The document mentioned last before offset ``before``."""
        seen = [(d.last_seen(before), i, d) for i, d in enumerate(self.all)]
        best = max(seen, key=lambda x: (x[0], x[1]), default=None)
        return best[2] if best is not None and best[0] >= 0 else None

    def mention(self, phrase: str, noun: str, author: Party | None, *, where: str, definite: bool, pos: int = -1) -> Document:
        """The document ``phrase`` mentions: a known one (given its author if it had none), or a new one.
        "A statement" with no author is always a new document; "the report" is the latest report."""
        found = self.find(noun, author, definite=definite) if definite or author is not None else None
        if found is not None:
            if found.author is None and author is not None:
                found.author = author
            found.seen_at.append(pos)
            return found
        doc = Document(noun=noun, kind=DOCUMENT_NOUNS.get(noun, "other"), phrase=phrase, author=author, first_seen=where, seen_at=[pos])
        self.all.append(doc)
        return doc


def answers_for(party: Party, everyone: list[Party]) -> set[int]:
    """The ids of the parties ``party`` answers for (docs/format.md): itself, whom it speaks for, and every
    party joined to either by part_of, in either direction."""
    speaks = [party, *party.represents]
    out = {id(p) for p in speaks}
    for p in speaks:
        out |= {id(q) for q in p.part_of} | {id(q) for q in everyone if p in q.part_of}
    return out
