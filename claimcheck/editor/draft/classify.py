"""The kind of every drafted statement, and its wording (:mod:`claimcheck.editor.draft.kinds` has the rules).

Kinds are read in article order, from the verb and the words; then what a denial makes explicit is
applied: the claims of others about the party denying (or a party it answers for) that share words with
the denial are allegations, and that party's other negations are denials too.
"""

from __future__ import annotations

import re

from claimcheck.editor.draft.kinds import infer_kind, proposition
from claimcheck.editor.draft.lexicon import REPORTING_VERBS
from claimcheck.editor.draft.parties import Party, answers_for
from claimcheck.editor.draft.statements import Statement

__all__ = ["classify"]


def classify(statements_: list[Statement], outlet: Party, everyone: list[Party] | None = None) -> None:
    """Give each statement its kind and its wording.

    In article order, from the verb and the words (a denial needs the allegations before it); then what
    a denial makes explicit: the claims of others about the party denying (or one it answers for) that
    share words with the denial are allegations, and that party's other negations are denials too.
    """
    parties = everyone or []
    _kinds(statements_, outlet, parties, accused=set())
    denials = [s for s in statements_ if s.kind == "denial"]
    accused: set[int] = set()
    for d in denials:
        mine = answers_for(d.speaker, parties)
        words = _content_words(d.content)
        for s in statements_:
            others = s.speaker is not outlet and s.speaker is not d.speaker and not (mine & answers_for(s.speaker, parties))
            about = mine & {id(p) for p in s.subjects} and words & _content_words(s.content)
            if s.kind in {"assertion", "assessment"} and others and about:
                s.kind, s.kind_reason = "allegation", f"{d.speaker.name} denies it ({d.locator})"
                accused |= {id(p) for p in s.subjects}
    if accused:
        redo = [s for s in statements_ if s.kind == "assertion" and answers_for(s.speaker, parties) & accused]
        for s in redo:
            s.kind = ""
        _kinds(redo, outlet, parties, accused=accused)
    for s in statements_:
        s.text = proposition(
            s.content,
            speaker_name=s.speaker.short_name or s.speaker.name,
            quoted=s.quoted and s.content.strip()[:1] in "“\"‘'",
            verb_kind=REPORTING_VERBS.get(s.verb, ""),
            accused=s.accused_words,
            verb=s.verb,
        )


def _content_words(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in re.findall(r"[A-Za-z][\w'’-]{3,}", text)} - {
        "that",
        "which",
        "with",
        "from",
        "this",
        "have",
        "been",
        "were",
        "would",
        "said",
        "says",
    }


def _kinds(statements_: list[Statement], outlet: Party, everyone: list[Party], *, accused: set[int]) -> None:
    denied_in: dict[int, int] = {}
    for s in statements_:
        speaker = s.speaker
        if s.kind:
            continue
        answers = answers_for(speaker, everyone)
        after_denial = denied_in.get(id(speaker)) == s.sentence.block_index
        self_subject = bool(
            re.match(r"(?i)(?:that\s+)?(?:it|we|the company|the group)\s+(?:would|will|is to|plans)", s.content.strip("“\"‘' "))
        )
        s.kind, s.kind_reason = infer_kind(
            s.verb,
            s.content,
            outlet=speaker is outlet,
            speaker_accused=bool(answers & accused),
            after_denial=after_denial,
            self_subject=self_subject,
        )
        if s.kind == "denial" and s.kind_reason.startswith("from the verb"):
            denied_in[id(speaker)] = s.sentence.block_index
        if s.kind == "allegation":
            accused |= {id(p) for p in s.subjects}
