"""What a noun phrase names: a party by its name ("Northwind spokeswoman Carla Menzies"), a role without a
name ("a mining engineer", "its chief executive"), an unnamed group ("analysts", "three people who
worked at the depot"), a pronoun, or a document ("the report by ForestTrace").

Names are runs of capitalised words joined by ``of``, ``for``, ``de``, ``&``…, never starting with a
word that only starts a sentence ("The", "In", "Asked"), months or weekdays. A run followed by a role
("Northwind spokeswoman") names the body the role belongs to; a run after a preposition ("a
spokeswoman for Health Minister Rachel Oduya") is a complement, not the head; titles before a name
("Fisheries Minister Kari Lunde Aasen", "chief executive Lorne Addair") are peeled off as roles.
"""

from __future__ import annotations

import re

import attrs

from claimcheck.editor.draft.lexicon import (
    BODY_ROLES,
    DESCRIPTION_CUES,
    DOCUMENT_NOUNS,
    GROUP_NOUNS,
    HONORIFIC_ROLES,
    HONORIFICS,
    KEPT_HONORIFICS,
    MONTHS,
    NAME_CUES,
    NOT_NAMES,
    PERSON_ROLES,
    STATE_NAMES,
    WEEKDAYS,
)

__all__ = ["Phrase", "kind_of", "parse", "proper_runs", "role_key", "significant_tokens"]

_TOKEN = re.compile(r"[^\W\d_][\w'’.&-]*|\d[\w,.]*|&|[()]")
_CONNECTORS = frozenset(
    {"of", "for", "de", "van", "von", "der", "den", "la", "le", "du", "da", "di", "del", "dos", "y", "&", "and", "the", "on"}
)
_PREPOSITIONS = frozenset({"for", "of", "at", "with", "from", "by", "to", "in", "on", "about", "against", "over", "behind"})
_DETERMINERS = re.compile(
    r"^(?:(?P<det>the|a|an|its|his|her|their|our|this|that|these|those|one of(?: its| their| the| his| her)?|some of(?: its| their| the)?|two|three|four|five|six|several|many|some|most|all|other|both|no)\s+)",
    re.IGNORECASE,
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "them", "you"})
#: Capitalised words that are titles when they stand before a name ("Fisheries Minister Kari Lunde Aasen").
_TITLES = frozenset(
    {"Minister", "Director", "President", "Secretary", "Mayor", "Governor", "Senator", "Chairman", "Chairwoman", "Chair", "Chief"}
    | {"Executive", "Commissioner", "Councilmember", "Councillor", "Cllr", "Spokesman", "Spokeswoman", "Spokesperson", "Professor"}
    | {"Judge", "Inspector", "Superintendent", "Sheriff", "Manager", "Editor", "Founder", "CEO", "Officer", "Leader", "Speaker"}
    | {"Attorney", "General", "Premier", "Chancellor", "Ambassador", "Commander", "Coordinator", "Organiser", "Analyst"}
)
#: Honorifics proper (a title like "Minister" is a role, not an honorific).
_PERSONAL = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "Rev", "Cllr", "Fr"})
_NOT_IN_NAMES = NOT_NAMES | frozenset(MONTHS) | frozenset(WEEKDAYS)
#: Lowercase body words that finish a name ("Trump administration", "Chinese government").
_BODY_TAILS = frozenset({"administration", "government", "military", "army", "navy", "police", "ministry", "council", "campaign"})
_OUTLET_TAIL = frozenset({w for w, k in NAME_CUES.items() if k == "news-outlet"})


@attrs.define(frozen=True, kw_only=True)
class Phrase:
    """A noun phrase read for who it names."""

    text: str
    #: The proper name it is built on (honorifics dropped, "Dr" and "Prof" kept), if any.
    name: str | None = None
    honorific: str | None = None
    #: Role nouns the phrase gives its head ("spokeswoman", "chief executive" → "executive").
    roles: tuple[str, ...] = ()
    #: A body the role belongs to, as written ("Northwind", "Health Minister Rachel Oduya").
    org: str | None = None
    #: "its", "Northwind" in "Northwind's annual report", "the mine" in "the mine's owner".
    possessor: str | None = None
    determiner: str | None = None
    #: The head noun of a phrase without a name ("company", "engineer", "analysts", "report").
    head: str = ""
    pronoun: str | None = None
    plural: bool = False
    #: Words describing the named party within the phrase ("US defence contractor").
    description: str | None = None
    #: A parenthesis after the name ("LPTA", "Liberal Democrat, Fenbridge").
    parenthetical: str | None = None

    @property
    def is_document(self) -> bool:
        """Whether the phrase names a document ("the memo", "Companies House records")."""
        return self.head in DOCUMENT_NOUNS

    @property
    def is_group(self) -> bool:
        """Whether the phrase is an unnamed group ("analysts", "two former employees")."""
        return self.name is None and (self.head in GROUP_NOUNS or self.plural)


def significant_tokens(name: str) -> frozenset[str]:
    """The lowercase words of a name that identify it (no articles or connectors, no possessive 's)."""
    words = re.findall(r"[^\W_][\w&-]*", name.replace("’", "'").lower().replace("'s ", " ").replace("'", ""))
    return frozenset(w for w in words if w not in {"the", "of", "for", "and", "&", "de", "a", "an", "s"})


def role_key(role: str) -> str:
    """A role in a form two wordings share: "council member" and "Councilmember" → "councilmember";
    "engineering" and "engineers" → "engineer"."""
    key = re.sub(r"[^a-z]", "", role.lower())
    if key.endswith("ing") and len(key) > 7:
        key = key[:-3]
    if key.endswith("s") and not key.endswith("ss") and len(key) > 4:
        key = key[:-1]
    return key


def _capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word == "&")


def proper_runs(text: str) -> list[tuple[int, int]]:
    """The spans of the proper names in ``text``."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        s, e, tok = tokens[i]
        bare = tok.rstrip(".,")
        if not _capitalised(tok) or bare in _NOT_IN_NAMES or tok in "()":
            i += 1
            continue
        start, end, j = s, e, i + 1
        segment = 1  # capitalised words since the run's start or its last connector
        while j < len(tokens):
            _ns, ne, nxt = tokens[j]
            prev = tokens[j - 1][2]
            if prev.endswith(("'s", "’s")) and not (j < len(tokens) and _capitalised(nxt)):
                break
            if _capitalised(nxt) and nxt.rstrip(".,") not in _NOT_IN_NAMES and nxt not in "()":
                end, j = ne, j + 1
                segment += 1
                continue
            if nxt[0].isdigit() and _capitalised(prev) and "," not in nxt:
                end, j = ne, j + 1
                continue
            k = j + 1
            if nxt.lower() in {"of", "for", "on"} and k < len(tokens) and tokens[k][2] == "the":
                k += 1  # "Local 2214 of the Mine and Mill Workers' Union"
            if (
                nxt.lower() in _CONNECTORS
                and nxt.lower() != "the"
                and k < len(tokens)
                and _capitalised(tokens[k][2])
                and "." not in prev[-1:]
            ):
                if nxt.lower() == "and" and segment > 1:
                    break  # "Tamar Export and Bramwell Haulage" are two names
                if tokens[k][2].rstrip(".,") in _NOT_IN_NAMES:
                    break
                j = k
                segment = 0
                continue
            break
        if text[start:end].endswith((".", ",")) and not text[start:end].endswith(("Corp.", "Inc.", "Co.", "Ltd.", "Jr.", "Sr.")):
            end -= 1
        runs.append((start, end))
        i = j
    return runs


def _strip_possessive(name: str) -> str:
    return re.sub(r"['’]s?$", "", name)


def _peel_title(run: str) -> tuple[str | None, str, str | None]:
    """``(title, name, honorific)`` of a capitalised run: "Fisheries Minister Kari Lunde Aasen" →
    ("Fisheries Minister", "Kari Lunde Aasen", None); "Dr Anil Mehra" → (None, "Dr Anil Mehra", "Dr")."""
    words = run.split()
    honorific = None
    cut = -1
    for k, w in enumerate(words[:-1]):
        if w in _TITLES or w.rstrip(".") in _PERSONAL:
            cut = k
    if cut < 0:
        return None, run, None
    title_words, name_words = words[: cut + 1], words[cut + 1 :]
    last = title_words[-1]
    if last.rstrip(".") in _PERSONAL:
        honorific = last
        if last in KEPT_HONORIFICS or last + "." in KEPT_HONORIFICS:
            name_words = [last, *name_words]
        title_words = title_words[:-1]
    return (" ".join(title_words) or None), " ".join(name_words), honorific


def parse(text: str) -> Phrase:
    """Read the noun phrase ``text``."""
    raw = " ".join(text.split()).strip(" ,;:")
    paren = re.search(r"\s*\(([^)]*)\)", raw)
    parenthetical = paren.group(1).strip() if paren else None
    phrase = (raw[: paren.start()] + raw[paren.end() :]).strip() if paren else raw
    if phrase.lower() in _PRONOUNS:
        return Phrase(text=raw, pronoun=phrase.lower(), plural=phrase.lower() in {"they", "them", "we"})
    det_match = _DETERMINERS.match(phrase)
    determiner = det_match.group("det").lower() if det_match else None
    body = phrase[det_match.end() :] if det_match else phrase
    runs = [r for r in proper_runs(body) if not _common_noun(body[r[0] : r[1]])]
    lower_words = [w.lower().strip(",.") for w in re.findall(r"[\w'’-]+", body)]
    # the head run: the last run that is not the complement of a preposition, nor a modifier of a noun
    head_run: tuple[int, int] | None = None
    org: str | None = None
    possessor: str | None = determiner if determiner in {"its", "his", "her", "their"} else None
    for rs, re_ in runs:
        before = [w for w in body[:rs].split() if w.lower() not in {"the", "a", "an"}]
        after = body[re_:].split()
        run = body[rs:re_]
        prev = before[-1].lower() if before else ""
        nxt = after[0].lower().strip(",.") if after else ""
        if run.endswith(("'s", "’s")) or (after and after[0] in {"'s", "’s"}):
            possessor = _strip_possessive(run)
            continue
        if prev in _PREPOSITIONS:
            org = org or run
            continue
        if body[:1].islower() and any(w.lower() in _PREPOSITIONS or w.lower() in {"who", "which", "that"} for w in before):
            org = org or run  # "a study published … in the journal X": X is not what the phrase names
            continue
        if nxt in _BODY_TAILS:
            head_run = (rs, re_ + len(body[re_:]) - len(body[re_:].lstrip()) + len(after[0]))
            continue
        if (
            nxt
            and nxt.isalpha()
            and (nxt in PERSON_ROLES or nxt in GROUP_NOUNS or nxt.rstrip("s") in PERSON_ROLES or nxt in DOCUMENT_NOUNS)
        ):
            org = org or run
            continue
        if (
            after
            and after[0][:1].islower()
            and nxt not in _PREPOSITIONS
            and nxt not in {"who", "which", "that", "whose", "and", "or", "said", "says"}
        ):
            org = org or run  # "American chip makers", "Northwind shares": the name qualifies a noun
            continue
        head_run = (rs, re_)
    description = None
    honorific = None
    name = None
    roles: list[str] = []
    if head_run is not None:
        run = body[head_run[0] : head_run[1]]
        title, name, honorific = _peel_title(run)
        lead = body[: head_run[0]].strip(" ,")
        if lead and not lead.endswith(("for", "at", "of", "with", "by")):
            description = lead
        if title:
            description = f"{description} {title}".strip() if description else title
            title_words = title.split()
            roles.append(title_words[-1].lower())
            if len(title_words) > 1 and any(NAME_CUES.get(w) for w in title_words[:-1]):
                org = org or " ".join(title_words[:-1])
        if honorific and honorific.rstrip(".") in {h.rstrip(".") for h in HONORIFIC_ROLES} and honorific.rstrip(".") not in {"Dr", "Prof"}:
            roles.append(HONORIFIC_ROLES.get(honorific, HONORIFIC_ROLES.get(honorific + ".", "")))
        if determiner == "the" and name.split()[-1] in _OUTLET_TAIL:
            name = f"The {name}"
        if name in HONORIFICS or name in _TITLES:
            roles.append(HONORIFIC_ROLES.get(name, name.lower()))
            name = None
    for w in (description or "").split() if name else lower_words:
        w = w.lower().strip(",.'’")
        if w in PERSON_ROLES:
            roles.append(w)
    if name is None:
        joined = " ".join(lower_words)
        for compound in ("council member", "chief executive", "member of parliament", "board member", "committee member"):
            if compound in joined:
                roles.append(role_key(compound))
    head = ""
    if name is None:
        head = _head_noun(lower_words)
        if not possessor:
            m = re.match(r"^(?:(?:the|a|an)\s+)?((?:[\w-]+\s+){0,2}[\w-]+)['’]s\s", phrase, re.IGNORECASE)
            possessor = m.group(1) if m and not proper_runs(m.group(1)) else possessor
        if org is None:
            m = re.search(
                r"\b(ministry|department|council|district|government|agency|company|group|union|police)\s+(?:spokes\w+|officials?|officers?)\b",
                body.lower(),
            )
            org = f"the {m.group(1)}" if m else None
    plural = bool(head) and (head in GROUP_NOUNS or (head.endswith("s") and head not in DOCUMENT_NOUNS and not head.endswith("ss")))
    return Phrase(
        text=raw,
        name=name,
        honorific=honorific,
        roles=tuple(dict.fromkeys(r for r in roles if r)),
        org=org,
        possessor=possessor,
        determiner=determiner,
        head=head,
        plural=plural and name is None,
        description=description,
        parenthetical=parenthetical,
    )


def _common_noun(run: str) -> bool:
    """A capitalised word that is only a common noun starting a sentence ("Prosecutors say…", "Researchers found…")."""
    word = run.lower()
    return " " not in run and (word in GROUP_NOUNS or (word.endswith("s") and word[:-1] in PERSON_ROLES))


def _head_noun(words: list[str]) -> str:
    """The head noun of a phrase without a name: the first role, group or document noun before any
    preposition or relative pronoun, else the last word before them."""
    stop = next((k for k, w in enumerate(words) if w in _PREPOSITIONS or w in {"who", "which", "that", "whose"}), len(words))
    head_words = words[:stop] or words[:1]
    for w in head_words:
        if w in DOCUMENT_NOUNS or w in GROUP_NOUNS:
            return w
    for w in reversed(head_words):
        if w in PERSON_ROLES or w in BODY_ROLES:
            return w
    return head_words[-1] if head_words else ""


def kind_of(name: str, description: str = "", roles: tuple[str, ...] = ()) -> tuple[str | None, str]:
    """The kind of party ``name`` is, from its words and what the article says of it, with the reason;
    ``None`` when nothing tells."""
    words = [w.strip(",.") for w in name.split()]
    for w in reversed(words):
        cue = NAME_CUES.get(w) or NAME_CUES.get(w.rstrip(".")) or NAME_CUES.get(w.capitalize())
        if cue:
            return cue, f'from "{w}" in its name'
    if name.strip() in STATE_NAMES or name.removeprefix("the ").strip() in STATE_NAMES:
        return "government-body", "a state named for its government"
    lowered = description.lower()
    for kind, cues in DESCRIPTION_CUES:
        for cue in cues:
            if re.search(rf"\b{re.escape(cue)}", lowered):
                return kind, f'from "{cue}" in the article\'s description'
    if any(r in PERSON_ROLES for r in roles):
        return "person", f"from the role {next(r for r in roles if r in PERSON_ROLES)!r}"
    return None, ""
