"""The balance findings as each audience reads them, for the brief and the site alike.

Readers get what the record says about a claim's sourcing, stated plainly ("Known only through The
Wall Street Journal's report"): no record id, no instruction. Editors get the finding itself, what to
do about it and where (file:line). Findings about the editor's own work (a verdict without evidence)
are for editors only.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from claimcheck.analysis.attribution import join_words, name_in_sentence, possessive
from claimcheck.analysis.provenance import Provenance
from claimcheck.core.problems import Problem, split_pointer
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Claim

__all__ = [
    "BRIEF_FORMATS",
    "OUTCOMES",
    "LANGUAGES",
    "language_name",
    "AUDIENCES",
    "FIXES",
    "editor_fix",
    "join_words",
    "possessive",
    "reader_notes",
    "unanswered_subjects",
    "where",
]

#: What came of a request for comment, after the party's name ("SMIC declined to comment").
OUTCOMES = {
    "asked": "was asked for comment",
    "declined": "declined to comment",
    "not-reached": "could not be reached for comment",
    "no-response": "did not respond to a request for comment by publication",
    "answered": "answered a request for comment",
    "not-asked": "was not asked for comment",
}

#: Who an output is for: ``reader`` (published) or ``editor`` (adds the findings and what to do).
AUDIENCES = ("reader", "editor")
#: The brief's formats (``claimcheck brief --to``), each written by ``brief.<format>.j2``.
BRIEF_FORMATS = ("md", "html", "txt")

#: What an editor does about each built-in finding.
FIXES = {
    "unanswered-accusation": (
        "Record the reply of the party concerned (a relation of type denies or responds-to from a claim it made), "
        "or the request for comment (a comments record: asked, declined or not-reached)."
    ),
    "interested-party-only": "Find support from a party without a stake in the answer, or say in the copy who has the interest.",
    "single-source": "Find a second, independent source, or say in the copy that the allegation rests on one.",
    "second-hand-only": "Find and record the speaker's own document, or keep the attribution to the intermediary in the copy.",
    "unnamed-source": "Say in a note why the source is not named, and keep the anonymity visible in the copy.",
    "verdict-without-evidence": "Record the evidence the verdict rests on (a supports or contradicts relation), or withdraw the verdict.",
    "verdict-contradicts-evidence": "Check the verdict against the recorded evidence, and correct one or the other.",
}


#: Languages by BCP 47 code, for "translated from Norwegian" (others are shown by their code).
LANGUAGES = {
    "ar": "Arabic", "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish", "fi": "Finnish",
    "fr": "French", "he": "Hebrew", "hi": "Hindi", "it": "Italian", "ja": "Japanese", "ko": "Korean", "nb": "Norwegian",
    "nl": "Dutch", "nn": "Norwegian", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ru": "Russian",
    "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian", "zh": "Chinese",
}  # fmt: skip


def language_name(code: str) -> str:
    """``no`` → ``Norwegian``, ``pt-BR`` → ``Portuguese``; an unknown code as it is."""
    return LANGUAGES.get(code.split("-")[0].lower(), code)


def editor_fix(code: str) -> str:
    """What an editor does about a finding (plugin findings carry their advice in their message)."""
    return FIXES.get(code, "")


def unanswered_subjects(claim: Claim, findings: Iterable[Problem]) -> list[str]:
    """The subjects of ``claim`` that the balance analysis found have not answered it (from the findings' pointers)."""
    out = []
    for f in findings:
        if f.code != "unanswered-accusation":
            continue
        parts = split_pointer(f.pointer)
        if len(parts) >= 2 and parts[-2] == "subjects" and parts[-1].isdigit() and int(parts[-1]) < len(claim.subjects):
            subject = claim.subjects[int(parts[-1])]
            if subject not in out:
                out.append(subject)
    return out


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _title(view: Corpus, doc_id: str) -> str:
    doc = view.documents.get(doc_id)
    title = doc.title if doc else doc_id
    return title.removesuffix("(title not given)").rstrip() or title


def reader_notes(view: Corpus, claim: Claim, findings: Iterable[Problem], prov: Provenance | None = None) -> tuple[str, ...]:
    """What the findings about ``claim`` tell a reader about its sourcing, one plain sentence each
    (``prov``: the view's :class:`~claimcheck.analysis.provenance.Provenance`, shared between calls)."""
    prov = prov or Provenance(view)
    out: list[str] = []
    found = list(findings)
    codes = {f.code for f in found}
    speaker = view.sources.get(claim.speaker)
    who = name_in_sentence(speaker, claim.speaker)
    knowings = prov.knowings(claim)
    if "second-hand-only" in codes:
        via = list(
            dict.fromkeys(
                name_in_sentence(view.sources.get(k.intermediaries[-1]), k.intermediaries[-1]) for k in knowings if k.intermediaries
            )
        )
        unseen = list(dict.fromkeys(d for k in knowings for d in k.unseen))
        if via:
            reports = "report" if len(via) == 1 else "reports"
            out.append(
                f"Known only through {join_words(possessive(v) for v in via)} {reports}: no document of {possessive(who)} own was seen."
            )
        elif unseen:
            titles = join_words(f"“{_title(view, d)}”" for d in unseen)
            out.append(f"Known only through what others report of {titles}, which nobody here has seen.")
    if "unnamed-source" in codes:
        if speaker is not None and speaker.unnamed:
            out.append(f"Its source is not named: the reporting attributes it to {who}.")
        else:
            out.append("It reached the reporting through people who were not named.")
    if "interested-party-only" in codes:
        parties = [
            name_in_sentence(view.sources.get(p), p) for p in dict.fromkeys([claim.speaker, *(s for s, _, _ in prov.supporters(claim))])
        ]
        if len(parties) == 1:
            out.append(f"It rests only on {parties[0]}, which has a declared interest in the answer.")
        else:
            out.append(f"It rests only on {join_words(parties)}, each with a declared interest in the answer.")
    if "outlet-only" in codes:
        outlets = join_words(name_in_sentence(view.sources.get(p), p) for p in sorted(prov.publishers(claim)))
        out.append(f"Only {outlets}, which published it, vouches for it.")
    if "single-origin" in codes:
        origins = list(dict.fromkeys(o for k in knowings for o in k.origin))
        out.append(f"Every report of it goes back to one origin: {join_words(f'“{_title(view, o)}”' for o in origins)}.")
    if "single-source" in codes:
        out.append(f"It rests on one source, {who}, and on one report of it.")
    silent = unanswered_subjects(claim, found)
    if silent:
        names = join_words(name_in_sentence(view.sources.get(s), s) for s in silent)
        out.append(f"No response from {names} is recorded, nor any request for comment.")
    return tuple(_capital(n) for n in out)


def where(corpus: Corpus, file: str | None, line: int | None) -> str:
    """``claims/story.yaml:12``: relative to the corpus folder's parent, so it reads the same wherever the corpus lives."""
    if not file:
        return ""
    try:
        shown = (Path(corpus.root.resolve().name) / Path(file).resolve().relative_to(corpus.root.resolve())).as_posix()
    except ValueError:
        shown = file
    return f"{shown}:{line}" if line else shown
