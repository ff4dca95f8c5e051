"""Attribution chains rendered in natural English.

``SMIC has links with the Chinese military, the US Department of Defense (the Pentagon) alleged,
according to The Wall Street Journal.`` Every rendered claim is a sentence that says who said it
and through whom; a disputed point is never asserted bare.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.model import Appearance, Claim, Hop, Source
from claimcheck.model.corpus import Corpus

#: The verb for a speaker, by claim kind. A denial's text states the speaker's own position ("SMIC
#: has no relationship with..."), so its speaker "said" it; background is reported, not said.
VERBS = {
    "allegation": "alleged",
    "assertion": "said",
    "denial": "said",
    "assessment": "assessed",
    "prediction": "predicted",
    "action": "said",
    "background": None,
}

DOC_NOUNS = {
    "article": "an article",
    "letter": "a letter",
    "report": "a report",
    "statement": "a statement",
    "filing": "a filing",
    "web-page": "a web page",
    "broadcast": "a broadcast",
    "interview": "an interview",
    "social-media-post": "a social-media post",
    "other": "a document",
}


def name_in_sentence(source: Source | None, fallback: str, *, start: bool = False) -> str:
    """A source's name as it reads inside a sentence ("unnamed analysts", "the article's publisher")."""
    if source is None:
        return fallback
    name = source.short_name or source.name
    lower = source.unnamed or (name.startswith("The ") and len(name) > 4 and name[4].islower())
    if lower and not start:
        name = name[0].lower() + name[1:]
    if start:
        name = name[0].upper() + name[1:]
    return name


def possessive(name: str) -> str:
    """``The Wall Street Journal's``, ``Reuters'``."""
    return name + ("'" if name.endswith("s") else "'s")


def join_words(items: Iterable[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    words = list(items)
    if len(words) <= 2:
        return " and ".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def _hop_phrase(corpus: Corpus, hop: Hop) -> str:
    """``a report by SOS International`` or ``The Wall Street Journal``."""
    src = corpus.sources.get(hop.source)
    name = name_in_sentence(src, hop.source)
    if hop.mode == "cites-document" and hop.document:
        doc = corpus.documents.get(hop.document)
        noun = DOC_NOUNS.get(doc.kind, "a document") if doc else "a document"
        return f"{noun} from {name}" if noun in {"a letter", "a statement"} else f"{noun} by {name}"
    if hop.mode == "unnamed-source" and src is not None and not src.unnamed:
        return f"unnamed people at {name}"
    return name


def attribution(corpus: Corpus, claim: Claim, appearance: Appearance | None = None) -> str:
    """The attribution clause that follows a proposition: ``the Pentagon alleged, according to The Wall Street Journal``."""
    app = appearance or (claim.appearances[0] if claim.appearances else None)
    chain = (app.chain if app and app.chain else None) or (Hop(source=claim.speaker, mode="paraphrase"),)
    speaker = corpus.sources.get(claim.speaker)
    first = chain[0]
    verb = VERBS.get(claim.kind)
    parts: list[str] = []
    if verb is None:
        # an action or a background fact: reported by the chain (or the document), not "said"
        via = [_hop_phrase(corpus, h) for h in chain[1:]] if first.source == claim.speaker else [_hop_phrase(corpus, h) for h in chain]
        if first.mode == "cites-document" and first.document:
            via.insert(0, _hop_phrase(corpus, first))
        if not via:
            doc = corpus.documents.get(app.document) if app else None
            publisher = corpus.sources.get(doc.publisher) if doc and doc.publisher else None
            via = [name_in_sentence(publisher, "the document") if publisher else "the document"]
        return "according to " + ", citing ".join(_dedupe(via))
    who = name_in_sentence(speaker, claim.speaker)
    if first.mode == "cites-document" and first.document:
        doc = corpus.documents.get(first.document)
        noun = DOC_NOUNS.get(doc.kind, "a document") if doc else "a document"
        parts.append(f"{who} {verb} in {noun}")
    elif first.mode == "unnamed-source" and speaker is not None and not speaker.unnamed:
        parts.append(f"{who} {verb}, according to people who were not named")
    else:
        parts.append(f"{who} {verb}")
    rest = [_hop_phrase(corpus, h) for h in chain[1:]]
    if rest:
        parts.append("according to " + ", citing ".join(reversed(rest)))
    return ", ".join(parts)


def _dedupe(items: list[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out


def sentence(corpus: Corpus, claim: Claim, appearance: Appearance | None = None) -> str:
    """The claim as one attributed sentence: ``<proposition>, <attribution>.``"""
    text = " ".join(claim.text.split())
    body = text[:-1] if text.endswith(".") else text
    return f"{body}, {attribution(corpus, claim, appearance)}."


#: Short words shown in capitals when a topic slug becomes a label.
ACRONYMS = frozenset({"us", "uk", "eu", "un", "ai", "nato", "who", "imf", "fbi", "cia", "nsa"})
#: Proper nouns and adjectives that keep their capital inside a topic label.
PROPER = frozenset(
    [
        "africa",
        "african",
        "america",
        "american",
        "asia",
        "asian",
        "australia",
        "australian",
        "britain",
        "british",
        "canada",
        "canadian",
        "china",
        "chinese",
        "europe",
        "european",
        "france",
        "french",
        "germany",
        "german",
        "india",
        "indian",
        "iran",
        "iranian",
        "israel",
        "israeli",
        "italy",
        "italian",
        "japan",
        "japanese",
        "korea",
        "korean",
        "mexico",
        "mexican",
        "russia",
        "russian",
        "taiwan",
        "taiwanese",
        "ukraine",
        "ukrainian",
        "huawei",
    ]
)


def topic_label(topic: str) -> str:
    """A topic slug as a label: ``us-china-tech-conflict`` → ``US China tech conflict``."""
    text = " ".join(w.upper() if w in ACRONYMS else w.capitalize() if w in PROPER else w for w in topic.split("-"))
    return text[:1].upper() + text[1:]
