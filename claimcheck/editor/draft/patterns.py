"""Reporting patterns: in one sentence, who is reported as saying what, and how.

The rules read the sentence with its quotations masked (:func:`claimcheck.editor.draft.sentences.masked`),
so a "said" inside a quotation is never a reporting verb. Each :class:`Attribution` gives the phrases
as written (the speaker, its appositives, the document, the listener, an intermediary) with their
offsets; resolving them to parties and documents is :mod:`claimcheck.editor.draft.resolve`'s job.

The patterns, each a family of sentences rather than a wording:

* ``X said (on Monday) (in a statement) (that) CONTENT``; ``X told Y (that) CONTENT``; ``X says``, ``X
  wrote on Facebook that``, ``X, which sells…, said``, ``X, a spokeswoman for Y, said``;
* ``CONTENT, X said.`` and ``CONTENT, said X, DESCRIPTION.``; ``"QUOTE," X said.`` and ``"QUOTE," said X``;
* ``According to X, CONTENT`` and ``CONTENT, according to X``, where X is a party or a document;
* ``In a statement, X said…``, ``Asked about Y, X said…``, ``In an interview with OUTLET, X said…``;
* ``A report by X says…``, ``The letter stated…``, ``Records show that…`` (a document as the subject);
* ``X has accused Y of CONTENT``, ``X denied…``, ``X expects…``, ``X sees Y as…``, ``…, saying CONTENT``.
"""

from __future__ import annotations

import re

import attrs

from claimcheck.editor.draft.clauses import (
    ACCORDING,
    BOUNDARY,
    DOC_NOUN,
    DOCUMENT_ONLY,
    INVERTED,
    LISTENER,
    VERB,
    Clauses,
    Span,
    hearing_told,
    quoted,
    strip,
    top_level_split,
)
from claimcheck.editor.draft.sentences import Quote

__all__ = ["Attribution", "analyse"]


@attrs.define(frozen=True, kw_only=True)
class Attribution:
    """One attribution in a sentence; every offset is into the block's text."""

    #: The whole clause: the words a claim's quote is taken from.
    span: Span
    #: The reported words: what the claim says.
    content: Span
    #: The subject phrase naming who speaks ("" when the sentence names nobody) and its offsets.
    speaker: str = ""
    speaker_span: Span | None = None
    #: Descriptions set off by commas after the speaker ("a Holmgren spokeswoman", "which sells…").
    appositives: tuple[str, ...] = ()
    verb: str = ""
    #: The listener of "told" ("the committee", "The Herald").
    listener: str = ""
    #: A document the words are taken from, as written ("in a statement", "a report by ForestTrace").
    document: str = ""
    #: Whether the speaker phrase is itself a document ("The memo says…").
    document_subject: bool = False
    #: "According to X": the party or document the words are credited to; ``stance`` when X reports
    #: another party's view ("According to the WSJ, the Pentagon has concerns…").
    according_to: str = ""
    #: Words before the subject ("Asked about the post", "In a reply dated 3 March").
    prefix: str = ""
    #: The words around the verb that may date the claim (prefix and adjuncts).
    when: tuple[Span, ...] = ()
    #: "accused Y of": the party accused.
    accused: str = ""
    #: Whether the content is, or holds, a quotation.
    quoted: bool = False
    #: The words were said to a hearing ("a jury heard", "the committee was told"): ``speaker`` is the
    #: hearing, and whoever spoke is looked for elsewhere.
    heard: bool = False


def analyse(text: str, masked_text: str, start: int, end: int, quotes: tuple[Quote, ...]) -> list[Attribution]:
    """Every attribution in the sentence ``text[start:end]`` of a block (``masked_text`` is the block with
    its quotations masked); an empty list when the sentence reports nobody's words."""
    s = Clauses(text, masked_text, start, end, quotes)
    base, prefix, when = s.prefix()
    # According to X, CONTENT  /  CONTENT, according to X
    acc = ACCORDING.search(s.m, base, end)
    if acc is None:
        return _analyse_verbs(s, base, end, prefix, when)
    segments = top_level_split(s.m, acc.end(), end)
    if not s.m[base : acc.start()].strip():
        source = segments[0]
        content = strip(s.m, (source[1], end))
        return [
            Attribution(
                span=strip(s.m, (start, end)),
                content=content,
                according_to=s.phrase(source),
                prefix=prefix,
                when=(*when, source),
                quoted=quoted(text, quotes, content),
            )
        ]
    source, apps, rest = segments[0], [], end
    for seg in segments[1:]:
        if re.match(r"\s*(?:and|but|while)\s", s.m[seg[0] : seg[1]]) and VERB.search(s.m, *seg):
            rest = seg[0]
            break
        apps.append(seg)
    source_end = apps[-1][1] if apps else source[1]
    inner = _analyse_verbs(s, base, acc.start(), prefix, when)
    if inner:
        last = inner[-1]
        inner[-1] = attrs.evolve(
            last, according_to=s.phrase(source), when=(*last.when, source), span=strip(s.m, (last.span[0], source_end))
        )
    else:
        content = strip(s.m, (base, acc.start()))
        inner = [
            Attribution(
                span=strip(s.m, (start, source_end)),
                content=content,
                according_to=s.phrase(source),
                appositives=tuple(s.phrase(a) for a in apps if s.phrase(a)),
                prefix=prefix,
                when=(*when, source),
                quoted=quoted(text, quotes, content),
            )
        ]
    if rest < end:
        inner += _analyse_verbs(s, rest, end, "", [])
    return inner


def _analyse_verbs(s: Clauses, base: int, end: int, prefix: str, when: list[Span]) -> list[Attribution]:
    out: list[Attribution] = []
    floor = base
    claimed: Span | None = None
    verbs = [v for v in s.verbs(base) if v.start() < end]
    if len(verbs) > 1:
        # "CONTENT with verbs of its own, X said.": the attribution at the end governs the sentence
        shape = s.subject(base, verbs[-1])[0]
        if shape in {"trailing", "inverted"}:
            last = _attribution(s, verbs[-1], verbs[-1].group("verb"), base, end, [], prefix, when)
            if last is not None and last.content[0] <= base + 1:
                return [last]
    for verb in verbs:
        if verb.start() >= end:
            break
        if claimed is not None and claimed[0] <= verb.start() < claimed[1]:
            boundary = list(BOUNDARY.finditer(s.m, claimed[0], verb.start()))
            if not boundary or not out:
                continue
            cut = boundary[-1].start()
            out[-1] = attrs.evolve(out[-1], content=strip(s.m, (out[-1].content[0], cut)), span=strip(s.m, (out[-1].span[0], cut)))
            floor = boundary[-1].end()
        verb_text = verb.group("verb")
        made = _attribution(s, verb, verb_text, floor, end, out, prefix if not out else "", when if not out else [])
        if made is None:
            continue
        out.append(made)
        claimed = (made.span[0], max(made.span[1], made.content[1]))
    return out


def _attribution(
    s: Clauses, verb: re.Match[str], verb_text: str, floor: int, end: int, out: list[Attribution], prefix: str, when: list[Span]
) -> Attribution | None:
    """The attribution of one reporting verb, or ``None`` when the verb reports nothing here."""
    made = _attribution_of(s, verb, verb_text, floor, end, out, prefix, when)
    if made is not None and verb_text in {"heard", "told"} and hearing_told(s.m[floor : verb.start()], verb_text):
        made = attrs.evolve(made, heard=True)
    return made


def _attribution_of(
    s: Clauses, verb: re.Match[str], verb_text: str, floor: int, end: int, out: list[Attribution], prefix: str, when: list[Span]
) -> Attribution | None:
    """The attribution of one reporting verb, or ``None`` when the verb reports nothing here."""
    relative = re.search(r"(?:^|,)\s*(?:which|who)\s+$", s.m[floor : verb.start()])
    if relative is not None:
        # "The group, which says it has 600 members, fears…": the relative clause reports the group's words
        head = strip(s.m, top_level_split(s.m, floor, floor + relative.start())[-1])
        nxt = top_level_split(s.m, verb.end(), end)
        content = strip(s.m, nxt[0] if len(nxt) > 1 else (verb.end(), end))
        if not s.m[slice(*head)].strip() or not s.m[slice(*content)].strip():
            return None
        made = _make(s, subject=head, apps=[], verb=verb_text, content=content, prefix="", when=[])
        return attrs.evolve(made, span=strip(s.m, (floor + relative.start(), content[1])))
    if verb_text == "saying":
        if not out or out[-1].speaker_span is None:
            return None
        content, skipped, document, _listener, _accused = s.content_after(verb.end(), end)
        made = _make(s, subject=out[-1].speaker_span, apps=[], verb=verb_text, content=content, prefix="", when=skipped, document=document)
        return attrs.evolve(made, span=strip(s.m, (verb.start(), content[1])))
    shape, subject, appositives, before = s.subject(floor, verb)
    after = verb.end()
    stop = min(end if shape in {"lead-quote", "inverted", "trailing"} else s.clause_end(after), end)
    if shape == "lead-quote" or shape == "inverted":
        tail = s.m[after:stop]
        if subject is None:
            inverted = INVERTED.match(tail)
            if inverted is None or len(inverted.group("np").split()) > 10 or "that" in inverted.group("np").split():
                return None
            np_span, dated = _split_dated(s, (after + inverted.start("np"), after + inverted.end("np")))
            apps = top_level_split(s.m, after + inverted.start("rest"), stop)[1:]
            made = _make(s, subject=np_span, apps=apps, verb=verb_text, content=before, prefix=prefix, when=[*when, *dated])
            return attrs.evolve(made, span=strip(s.m, (before[0], stop)))
        listener = ""
        if verb_text in {"told", "tells", "tell"}:
            m = LISTENER.match(s.m, after, stop)
            listener = s.phrase((m.start("listener"), m.end("listener"))) if m else ""
        made = _make(
            s,
            subject=subject,
            apps=appositives,
            verb=verb_text,
            content=before,
            prefix=prefix,
            when=[*when, (after, stop)],
            listener=listener,
        )
        return attrs.evolve(made, span=strip(s.m, (before[0], stop)))
    assert subject is not None
    if shape == "trailing":
        pos, skipped, document = s.adjuncts(after, end)
        if not s.m[pos:end].strip(" .!?,"):
            made = _make(
                s, subject=subject, apps=[], verb=verb_text, content=before, prefix=prefix, when=[*when, *skipped], document=document
            )
            return attrs.evolve(made, span=strip(s.m, (before[0], end)))
    subject_text = s.m[slice(*subject)]
    if not subject_text.strip() or len(subject_text.split()) > 18:
        return None
    pronoun = subject_text.strip().lower() in {"they", "it", "we"}
    if verb_text in DOCUMENT_ONLY and not DOC_NOUN.search(subject_text.lower()) and not re.search(r"[A-Z]", subject_text) and not pronoun:
        return None  # "a plumber she hired later found lead": not a report of anyone's words
    content, skipped, document, listener, accused = s.content_after(after, stop)
    if not s.m[slice(*content)].strip():
        return None
    return _make(
        s,
        subject=subject,
        apps=appositives,
        verb=verb_text,
        content=content,
        prefix=prefix,
        when=[*when, *skipped],
        document=document,
        listener=listener,
        accused=accused,
    )


def _split_dated(s: Clauses, span: Span) -> tuple[Span, list[Span]]:
    """``said X on Tuesday``: the subject without the time phrase, which is returned for dating."""
    m = re.search(
        r"\s+(?:on|late on|early on|in|at|last|earlier|this)\s+.*$|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$",
        s.m[slice(*span)],
    )
    if m is None:
        return span, []
    return (span[0], span[0] + m.start()), [(span[0] + m.start(), span[1])]


def _make(
    s: Clauses,
    *,
    subject: Span,
    apps: list[Span],
    verb: str,
    content: Span,
    prefix: str,
    when: list[Span],
    document: str = "",
    listener: str = "",
    accused: str = "",
    clause_start: int | None = None,
) -> Attribution:
    speaker = s.phrase(subject)
    noun = DOC_NOUN.search(speaker.lower())
    is_doc = bool(noun) and not re.match(r"(?i)^(?:a|an|the)?\s*(?:\w+\s+)?(?:spokes\w+|lawyer|analysts?|member)\b", speaker)
    lo = min(subject[0], content[0], clause_start if clause_start is not None else subject[0])
    hi = max(subject[1], content[1])
    return Attribution(
        span=strip(s.m, (lo, hi)),
        content=content,
        speaker=speaker,
        speaker_span=subject,
        appositives=tuple(p for p in (s.phrase(a) for a in apps) if p),
        verb=verb,
        listener=listener,
        document=document,
        document_subject=is_doc,
        prefix=prefix,
        when=tuple(when),
        accused=accused,
        quoted=quoted(s.text, s.quotes, content),
    )
