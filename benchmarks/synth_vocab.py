"""Words for the synthetic corpus: fictional places, parties, people, topics and the phrases claims are made of.

Every name is invented from syllables; nothing refers to a real party.
"""

from __future__ import annotations

import random
import re
import unicodedata

_ONSETS = (
    "b",
    "br",
    "c",
    "d",
    "dr",
    "f",
    "g",
    "gr",
    "h",
    "k",
    "kel",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "st",
    "t",
    "tr",
    "v",
    "z",
    "ar",
    "or",
    "el",
)
_VOWELS = ("a", "e", "i", "o", "u", "ae", "ia", "ou", "y")
_CODAS = ("", "", "n", "r", "s", "l", "th", "nd", "x", "m", "k")
_ENDINGS = ("ia", "an", "ar", "en", "or", "ova", "ey", "ion", "istan", "land", "mark", "vale", "port", "burg")

MINISTRIES = ("Trade", "Defence", "Health", "Finance", "Energy", "Transport", "the Interior", "Justice", "Agriculture", "Environment")
INDUSTRIES = (
    "Semiconductor",
    "Holdings",
    "Shipping",
    "Pharmaceuticals",
    "Energy",
    "Mining Group",
    "Telecom",
    "Construction",
    "Motors",
    "Chemicals",
    "Logistics",
    "Airlines",
)
PAPERS = ("Herald", "Times", "Courier", "Observer", "Gazette", "Ledger", "Wire", "Post", "Chronicle", "Dispatch")
FIRMS = ("Analytics", "Research Institute", "Policy Centre", "Economics", "Risk Advisory", "Data Lab")
NGO_WORDS = ("Transparency Watch", "Citizens for", "Open Books", "Clean Air Alliance", "Workers' Union of", "Friends of")
KIND_WORDS = {
    "person": "a person",
    "organisation": "an organisation",
    "government-body": "a government body",
    "company": "a company",
    "news-outlet": "a news outlet",
    "research-firm": "a research firm",
    "unnamed-group": "an unnamed group",
}
TOPICS = tuple(
    f"{a}-{b}"
    for a in (
        "export",
        "public",
        "water",
        "defence",
        "health",
        "energy",
        "labour",
        "tax",
        "housing",
        "data",
        "port",
        "rail",
        "mining",
        "food",
    )
    for b in ("controls", "contracts", "safety", "subsidies", "procurement", "pollution", "privacy", "lobbying")
)
TAGS = ("follow-up", "exclusive", "corrected", "explainer", "investigation", "wire-copy")
FIRST = (
    "Amara",
    "Bogdan",
    "Chiara",
    "Dmitri",
    "Élodie",
    "Farid",
    "Greta",
    "Hiroshi",
    "Ines",
    "Jonas",
    "Kwame",
    "Leila",
    "Mateus",
    "Nadia",
    "Oskar",
    "Priya",
    "Quentin",
    "Rosa",
    "Søren",
    "Tomás",
    "Uma",
    "Viktor",
    "Wen",
    "Yara",
    "Zoë",
)
LAST = (
    "Abara",
    "Brandt",
    "Castell",
    "Dimitrov",
    "Esposito",
    "Fernández",
    "Gallagher",
    "Haddad",
    "Ivanova",
    "Jovanović",
    "Kowalski",
    "Lindqvist",
    "Mensah",
    "Nakamura",
    "Okafor",
    "Petrov",
    "Quist",
    "Rahman",
    "Santos",
    "Takahashi",
    "Urquhart",
    "Varga",
    "Weber",
    "Yilmaz",
    "Zhou",
)
ROLES = (
    "spokesperson",
    "chief executive",
    "minister",
    "auditor",
    "union leader",
    "engineer",
    "whistleblower",
    "lawyer",
    "mayor",
    "analyst",
)
UNNAMED = (
    ("Unnamed officials", "officials who asked not to be named"),
    ("People familiar with the matter", "people familiar with the matter"),
    ("Unnamed analysts", "analysts"),
    ("Unnamed employees", "employees who spoke on condition of anonymity"),
    ("Unnamed diplomats", "diplomats briefed on the talks"),
)
OBJECTS = (
    "the {place} harbour expansion",
    "the {place} water utility contract",
    "the new {place} rail link",
    "a state loan for the {place} smelter",
    "the {place} hospital tender",
    "the export licence for its {place} plant",
    "the {place} grid upgrade",
    "emissions tests at its {place} refinery",
)
MISDEEDS = (
    ("diverted public money meant for {obj}", "did not divert any public money meant for {obj}"),
    ("concealed safety failures in {obj}", "concealed no safety failures in {obj}"),
    ("paid intermediaries to win {obj}", "paid no intermediaries to win {obj}"),
    ("understated the cost of {obj} by a third", "did not understate the cost of {obj}"),
    ("ignored warnings from its own engineers about {obj}", "acted on every warning from its engineers about {obj}"),
    ("sold restricted equipment through {obj}", "sold no restricted equipment through {obj}"),
)
ASSERTIONS = (
    "is cooperating fully with the inquiry into {obj}",
    "published every document about {obj} on its website",
    "commissioned an independent audit of {obj}",
    "had followed the tender rules for {obj}",
    "expects {obj} to be finished on budget",
)
ASSESSMENTS = (
    "The dispute over {obj} could delay other projects in {place} by a year",
    "The penalties discussed so far are small beside the value of {obj}",
    "{obj_cap} accounts for about a fifth of public investment in {place}",
    "The rules governing {obj} leave wide room for discretion",
)
PREDICTIONS = (
    "The inquiry into {obj} will report before the end of {year}",
    "Prices in {place} will rise if {obj} is halted",
    "Parliament in {place} will vote on new procurement rules by {year}",
)
ACTIONS = (
    "suspended payments for {obj}",
    "opened a formal investigation into {obj}",
    "referred {obj} to the competition authority",
    "froze the accounts linked to {obj}",
)
BACKGROUND = (
    "{obj_cap} was approved in {year}",
    "{place} introduced a public procurement law in {year}",
    "{obj_cap} has been the subject of two earlier audits",
    "The contract for {obj} is worth about {amount} million",
)
FILLER = (
    "The documents were reviewed by reporters over several weeks.",
    "Officials did not say when a decision would be made.",
    "The figures could not be independently verified.",
    "The project has drawn protests from residents since it was announced.",
    "Several people interviewed declined to be identified.",
)


def place(rng: random.Random) -> str:
    """A fictional place name: ``Kelmaria``, ``Drouvale``."""
    parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(rng.randint(1, 2))]
    return ("".join(parts) + rng.choice(_ENDINGS)).capitalize()


def person(rng: random.Random) -> str:
    """A fictional person's name."""
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A claimcheck id from a name: ASCII lowercase words joined by single hyphens (at most 60 characters)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_SLUG.sub("-", ascii_text).strip("-")[:60].strip("-") or "x"


def cap(text: str) -> str:
    """``text`` with its first letter upper-cased (the rest untouched)."""
    return text[:1].upper() + text[1:]
