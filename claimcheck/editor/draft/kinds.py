"""The kind of a drafted claim and its neutral wording.

The kind comes from the reporting verb when it says one ("accused" → allegation, "denied" → denial,
"expects" → prediction, "believes" → assessment, "promised" → action); else from the words reported:
blame of another party → allegation; a negation by a party that an earlier allegation is about (or
after it "denied the claim") → denial; a future commitment by the speaker itself → action; other
futures → prediction; hedged or evaluative words → assessment; the article's own statements of fact
→ background. Every kind is a guess, and its reason is written beside it in the draft.

The wording is the reported content as a sentence of its own: "that" and the reporting verb dropped,
a pronoun standing for the speaker replaced by its name, a capital and a full stop added. Quoted words
are kept as quoted (they are the speaker's, first person and all), and a comment asks for rewording.
"""

from __future__ import annotations

import re

from claimcheck.editor.draft.lexicon import BLAME_WORDS, EVALUATIVE, FUTURE, IRREGULAR_PAST, NEGATIONS, REPORTING_VERBS

__all__ = ["infer_kind", "proposition"]

_QUOTES = "“”\"‘’'"


def infer_kind(
    verb: str,
    content: str,
    *,
    outlet: bool,
    speaker_accused: bool,
    after_denial: bool,
    self_subject: bool,
    actor: bool = False,
) -> tuple[str, str]:
    """The claim kind and why."""
    by_verb = REPORTING_VERBS.get(verb, "")
    lowered = f" {content.lower()} "
    if by_verb:
        return by_verb, f'from the verb "{verb}"'
    if actor:
        return "action", "an act the article reports in its own voice"
    negated = any(n in lowered for n in NEGATIONS)
    if (speaker_accused and negated) or after_denial:
        return (
            "denial",
            "a negation by a party an allegation in the article is about" if not after_denial else "it follows the speaker's denial",
        )
    if any(w in lowered for w in BLAME_WORDS) and not outlet:
        return "allegation", "it blames a party for a fault"
    if any(f in lowered for f in FUTURE):
        if self_subject:
            return "action", "the speaker says what it will do"
        return "prediction", "it says what will happen"
    if any(w in lowered for w in EVALUATIVE):
        return "assessment", "it weighs or judges rather than reports a fact"
    if outlet:
        return "background", "the article's own statement of fact"
    return "assertion", "a statement of fact by the speaker"


def _capitalise(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
    return text


_CLAIM_NOUNS = re.compile(
    r"^(?:the|these|those|such|any|all|its|their)\s+(?:\w+\s+)?(?P<noun>claims?|allegations?|accusations?|charges?|suggestions?|reports?|account)\b",
    re.I,
)


def _past(gerund_phrase: str) -> str:
    """ "keeping back a study" → "kept back a study"; "overstating its progress" → "overstated its progress"."""
    first, _, rest = gerund_phrase.partition(" ")
    lowered = first.lower().strip("‘’'\"“”")
    if lowered in IRREGULAR_PAST:
        verb = IRREGULAR_PAST[lowered]
    elif lowered.endswith("ing") and len(lowered) > 5:
        verb = lowered[:-3] + "ed"
    else:
        return gerund_phrase
    return f"{verb} {rest}".strip()


def proposition(content: str, *, speaker_name: str, quoted: bool, verb_kind: str = "", accused: str = "", verb: str = "") -> str:
    """The claim's text: the reported words standing alone. For a denial by its verb ("denied that X"), the
    words denied are negated ("It is not the case that X"); for "accused Y of doing X", "Y did X"; for an
    act ("recommended the scheme"), the act itself ("Officers recommended the scheme")."""
    text = " ".join(content.split()).strip(" ,;:—–-")
    if verb_kind == "action" and verb and not quoted and not text.lower().startswith("that "):
        return _capitalise(f"{speaker_name} {verb} {text.rstrip('.')}.")
    if quoted and text[:1] in _QUOTES and text[-1:] in _QUOTES + ",.":
        text = text.strip(_QUOTES + ",. ")
    text = re.sub(r"^(?:that|and that|and|but|so)\s+", "", text, flags=re.IGNORECASE)
    if not quoted:
        name = speaker_name
        text = re.sub(
            r"^(?:it|he|she|they)\s+(?=(?:had|has|have|was|were|is|are|would|will|could|did|does|do)\b)", name + " ", text, count=1
        )
        text = re.sub(r"^(?:its|his|her|their)\s+", name + "'s ", text, count=1)
    if verb_kind == "denial" and not quoted:
        noun = _CLAIM_NOUNS.match(text)
        if noun:
            plural = noun.group("noun").lower().endswith("s") and noun.group("noun").lower() != "account"
            return _capitalise(f"{text.rstrip('.')} {'are' if plural else 'is'} not true.")
        return _capitalise(f"it is not the case that {text.rstrip('.')}.")
    if verb_kind == "allegation" and accused:
        text = f"{accused} {_past(text)}"
    text = _capitalise(text.rstrip(" ,;:"))
    if text and text[-1] not in ".!?" + _QUOTES:
        text += "."
    return text
