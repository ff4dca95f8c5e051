"""The parts of a sentence the reporting patterns read: its leading phrase ("In a statement,", "Asked
about the post,"), its reporting verbs (not a noun such as "the yield estimates", not a participle, not
a refusal to say), the subject of each verb in the sentence's shape (see :meth:`Clauses.subject`),
and the adjuncts between a verb and what it reports (a time, a place, a document, a listener).

Every offset is into the block's text; quotations are masked, so nothing here ever reads inside one.
"""

from __future__ import annotations

import re

from claimcheck.editor.draft.lexicon import DOCUMENT_NOUNS, REPORTING_VERBS, SOCIAL_MEDIA
from claimcheck.editor.draft.sentences import MASK, Quote

__all__ = [
    "ACCORDING",
    "HEARINGS",
    "BOUNDARY",
    "DOCUMENT_ONLY",
    "DOC_NOUN",
    "INVERTED",
    "LISTENER",
    "VERB",
    "Clauses",
    "Span",
    "clause_like",
    "hearing_told",
    "quoted",
    "strip",
    "top_level_split",
]

Span = tuple[int, int]

_VERBS = "|".join(sorted(REPORTING_VERBS, key=len, reverse=True))
VERB = re.compile(rf"(?<![\w-])(?P<verb>{_VERBS}|saying|put (?:the|its|their) \w+(?: \w+)? at|points? to|pointed to)(?![\w-])")
_PASSIVE_OR_NEGATED = re.compile(
    r"(?:\b(?:not|never|n't|to|be|been|being|is|are|was|were|the|a|an|its|their|these|those|his|her|our|two|separate|such|any)\s+|n't\s+)$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?:that|which|who)\s+$")
_SPEECH = frozenset({"says", "said", "claims", "claimed", "insists", "argues", "maintains", "warns", "fears", "believes", "admits"})
_AUX = re.compile(
    r"(?:\s+(?:has|have|had|also|later|previously|then|again|now|separately|publicly|privately|earlier|repeatedly|was|were|been))+\s*$"
)
_SUBORDINATE = re.compile(r"\b(?:after|before|while|when|as|because|although|though|once|until|whereas|if)\s+(?=\S)")
#: Where a new clause (and so a new attribution) can start inside a sentence.
BOUNDARY = re.compile(r",\s+(?:after|before|while|when|as|but|although|though|whereas|and)\s+|,\s+(?=saying\b)|;\s+|\s+—\s+")
ACCORDING = re.compile(r"(?<!\w)[Aa]ccording to\s+")
_THAT = re.compile(r"\bthat\s+")
_LEAD_QUOTE = re.compile(rf"\s*[“\"‘'][{MASK}\s]*[”\"’']?(?:\s*\(\s*[“\"‘'][{MASK}\s]*[”\"’']?\s*\))?[,.?!]*\s*")
INVERTED = re.compile(r"\s+(?P<np>[^,.;]+?)(?P<rest>(?:,[^;]*)?)[.!?]?\s*$")
_TIME_LEAD = re.compile(
    r"(?:Throughout|During|Since|Until|After|Before|Last|Earlier|Later|Then|Meanwhile|In|On|By)\s+(?:[a-z0-9][\w-]*\s+){0,4}?(?=[A-Z])"
)
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|do|be|been|must|should)\b")
#: Reporting verbs that are also nouns: a verb only when a clause or its object follows.
_NOUN_TOO = frozenset(
    {"estimates", "estimate", "forecast", "forecasts", "reports", "claims", "fears", "views", "notes", "finds", "shows", "projects"}
    | {"counters", "regards", "results", "promises", "pledges", "orders"}
)
DOCUMENT_ONLY = frozenset(
    {"found", "finds", "find", "shows", "show", "showed", "suggests", "suggested", "concluded", "indicates", "reveals", "revealed"}
)
#: What may stand between a reporting verb and "that": a listener, a time, a place, a document.
_GAP = re.compile(
    r"\s*(?:,|$|(?:on|in|at|to|by|from|during|after|before|through|with|via|earlier|last|late|early|this|yesterday|today|later|also|again|publicly|privately|separately|repeatedly|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
)
_PREFIX_WORDS = (
    "In|On|At|After|Asked|Speaking|Responding|Replying|Writing|Last|Earlier|Later|To|Throughout|During|Since|For|Under|"
    "Despite|Like|Unlike|Separately|Meanwhile|Months|Weeks|Days|Hours|Overnight|Yesterday|Today|This|Following|Before|Once"
)
_PREFIX_ALTERNATION = "|".join(f"[{w[0]}{w[0].lower()}]{w[1:]}" for w in _PREFIX_WORDS.split("|"))
_PREFIX = re.compile(rf"(?:(?:But|And|However|Yet|Still|So),?\s+)?(?P<prefix>(?:{_PREFIX_ALTERNATION})\b[^,{MASK}]*?),\s+")
_PREFIX_TAIL = re.compile(
    r"(?P<tail>(?:published|issued|dated|seen|sent|released|obtained|taken|made|posted|broadcast|written)\b[^,]*),\s+"
)
_APPOSITIVE_TAIL = re.compile(r"(?P<tail>(?:a|an|the)\s+[a-z][^,]*),\s+")
_DOC_WORDS = "|".join(sorted((re.escape(n) for n in DOCUMENT_NOUNS), key=len, reverse=True))
_SOCIAL = "|".join(re.escape(s) for s in SOCIAL_MEDIA)
DOC_NOUN = re.compile(rf"\b(?:{_DOC_WORDS})\b")
_ADJUNCTS = [
    re.compile(
        rf",?\s*(?:in|on|at|via)\s+(?:(?:a|an|its|the|his|her|their|our)\s+)?(?:[\w'’-]+\s+){{0,4}}?(?:{_DOC_WORDS})\b(?:\s+(?:to|with|on|from|issued|published|sent|dated|posted)\b(?:\s+(?!that\b)[\w'’&.-]+){{1,6}}?(?=\s+that\b|,|\s*$|\s+[a-z]+ed\b))?"
    ),
    re.compile(rf",?\s*(?:on|via)\s+(?:{_SOCIAL})\b"),
    re.compile(
        r",?\s*(?:at|during)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:press conference|meeting|hearing|briefing|rally|debate|event|conference|news conference|summit|vigil|inquiry|trial)(?:\s+(?:of|in|at|on)\s+(?:the\s+)?[\w'’&.-]+(?:\s+(?!that\b)[\w'’&.-]+){0,5}?(?=\s+that\b|,|\s*$|\s+(?:on|in)\s))?"
    ),
    re.compile(
        r",?\s*(?:by telephone|by video link|by phone|by email|by e-mail|in an interview|in interviews|to reporters|to journalists|through a spokesperson|through a spokesman|through a spokeswoman|through an interpreter|through a lawyer|in court|in parliament|in Parliament|in person|online|later|also|again|publicly|privately|separately|on camera|on condition of anonymity)\b"
    ),
    re.compile(
        r",?\s*(?:on|late on|early on|since|from|until)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b"
    ),
    re.compile(
        r",?\s*(?:earlier this month|earlier this year|earlier this week|this month|this year|this week|last week|last month|last year|yesterday|today|on \d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]+(?: \d{4})?|in [A-Z][a-z]+(?: \d{4})?|in \d{4}|early|late)\b"
    ),
]
LISTENER = re.compile(
    r"\s+(?P<listener>(?:the |a |an )?(?:[A-Z][\w'’&.-]*(?:\s+(?:of|and|&|the|for)?\s*[A-Z][\w'’&.-]*)*(?:['’]s(?:\s+[a-z]+){1,2})?|reporters|journalists|councillors|MPs|lawmakers|investors|analysts|parliament|the [a-z]+(?:\s+[a-z]+)?(?=\s+that\b)|the [a-z]+))"
)


def top_level_split(text: str, lo: int = 0, hi: int | None = None) -> list[Span]:
    """``text[lo:hi]`` cut at commas outside parentheses (quotations are masked already)."""
    hi = len(text) if hi is None else hi
    spans: list[Span] = []
    depth = 0
    start = lo
    for i in range(lo, hi):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif ch == "," and depth == 0 and not (0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit()):
            spans.append((start, i))
            start = i + 1
    spans.append((start, hi))
    return spans


def strip(text: str, span: Span) -> Span:
    s, e = span
    while s < e and (text[s].isspace() or text[s] in ",:;—–-"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:.—–"):
        e -= 1
    return (s, e)


def quoted(text: str, quotes: tuple[Quote, ...], span: Span) -> bool:
    words = 0
    for q in quotes:
        if q.start >= span[0] - 1 and q.end <= span[1] + 1:
            words += len(text[q.inner_start : q.inner_end].split())
    return words >= 2 or (words >= 1 and any(q.start <= span[0] + 1 and q.end >= span[1] - 1 for q in quotes))


#: What a hearing is called: "a jury … heard", "the inquest was told".
HEARINGS = re.compile(
    r"\b(?:jury|jurors|court|inquest|tribunal|inquiry|hearing|committee|meeting|panel|magistrates|commission)\b", re.IGNORECASE
)


def hearing_told(left: str, verb: str) -> bool:
    """Whether ``verb`` ("heard", "was told") has a hearing as its subject: the words were said to it."""
    tail = left.split(",")[-1]
    if verb == "told" and not re.search(r"\b(?:was|were|had been|has been)\s+$", left):
        return False
    return bool(HEARINGS.search(tail))


class Clauses:
    """The working state for one sentence: its text, masked text and offsets."""

    def __init__(self, text: str, masked_text: str, start: int, end: int, quotes: tuple[Quote, ...]) -> None:
        self.text = text  # the block's text
        self.m = masked_text  # the block's text with quotations masked
        self.start = start
        self.end = end
        self.quotes = quotes

    def phrase(self, span: Span) -> str:
        s, e = strip(self.text, span)
        return self.text[s:e]

    # ---- leading phrases -------------------------------------------------------------------------
    def prefix(self) -> tuple[int, str, list[Span]]:
        """Where the sentence's subject part starts, the leading phrase before it, and its dating spans."""
        base = self.start
        m = _PREFIX.match(self.m, base, self.end)
        if m is None or (VERB.search(self.m, m.start("prefix"), m.end("prefix")) and "Asked" not in m.group("prefix")):
            return base, "", []
        prefix_end = m.end()
        tail = _PREFIX_TAIL.match(self.m, prefix_end, self.end)
        if tail is None and re.search(r"[A-Z][\w.’']*$", m.group("prefix")):
            tail = _APPOSITIVE_TAIL.match(self.m, prefix_end, self.end)
        if tail is not None and not VERB.search(self.m, tail.start("tail"), tail.end("tail")):
            prefix_end = tail.end()
        prefix = self.phrase((m.start("prefix"), prefix_end))
        return prefix_end, prefix, [(m.start("prefix"), prefix_end)]

    # ---- the verbs -----------------------------------------------------------------------------
    def verbs(self, base: int) -> list[re.Match[str]]:
        out = []
        for m in VERB.finditer(self.m, base, self.end):
            before = self.m[max(base, m.start() - 24) : m.start()]
            verb = m.group("verb")
            if verb in {"heard", "told"} and hearing_told(self.m[base : m.start()], verb):
                out.append(m)  # "a jury heard", "the committee was told": words said to a hearing
                continue
            if verb == "heard":
                continue
            if _PASSIVE_OR_NEGATED.search(before) and not re.search(r"\b(?:has|have|had)\s+$", before):
                continue
            if verb in {"reported", "reports", "report"} and not re.match(
                rf"\s*(?:to\s+[^,.]+?\s+)?(?:that\b|[.,:]|$|[“\"‘'{MASK}])", self.m[m.end() : self.end]
            ):
                continue  # "nurses reported injuries": what happened to them, not words they said
            if _RELATIVE.search(before) and verb not in _SPEECH:
                continue
            trailing = not self.m[m.end() : self.end].strip(" .!?")
            if (
                verb in {"found", "find", "finds", "show", "showed"}
                and not trailing
                and re.search(r"\b(?:she|he|they|we|i|had|has)\s+(?:\w+\s+)?$", before, re.I)
            ):
                continue  # "a plumber she hired later found lead": not a report; "…, they found." is
            if verb in _NOUN_TOO and not re.match(
                rf"\s*(?:that\b|it\b|they\b|he\b|she\b|the\b|a\b|an\b|[A-Z0-9]|:|[“\"‘'{MASK}]|[.,]|$)", self.m[m.end() : self.end]
            ):
                continue  # "the yield estimates against…", "its latest forecast shows": nouns
            if REPORTING_VERBS.get(verb) == "action" and not re.match(
                r"\s*(?:to|that|the|a|an|its|their|his|her|on|[A-Z])\b", self.m[m.end() : self.end]
            ):
                continue  # "contracts agreed with processors": a participle
            if verb in {"added", "adds"} and not re.match(rf"\s*(?:that\b|:|[“\"‘'{MASK}]|[.,]|$)", self.m[m.end() : self.end]):
                continue  # "added 38 affiliates to its list": an act, not words
            out.append(m)
        return out

    def subject(self, floor: int, verb: re.Match[str]) -> tuple[str, Span | None, list[Span], Span]:
        """The shape of the attribution of ``verb`` and its parts: ``(shape, subject, appositives, before)``.

        Shapes: ``lead-quote`` ("QUOTE," X said / "QUOTE," said X: ``before`` is the quotation),
        ``inverted`` (CONTENT, said X), ``trailing`` (CONTENT, X said), ``appositive`` (X, WHO…, said
        CONTENT) and ``plain`` (X said CONTENT). ``subject`` is ``None`` when it follows the verb.
        """
        left_end = verb.start()
        aux = _AUX.search(self.m, floor, left_end)
        if aux is not None and aux.end() == left_end:
            left_end = aux.start()
        lead = _LEAD_QUOTE.match(self.m, floor, left_end)
        if lead is not None and MASK in lead.group():
            quote = strip(self.m, (floor, lead.end()))
            rest = (lead.end(), left_end)
            if not self.m[slice(*rest)].strip():
                return "lead-quote", None, [], quote
            segments = [strip(self.m, g) for g in top_level_split(self.m, *rest)]
            segments = [g for g in segments if self.m[slice(*g)].strip()]
            return "lead-quote", segments[0], segments[1:], quote
        segments = top_level_split(self.m, floor, left_end)
        if len(segments) == 1:
            return "plain", self._cut(strip(self.m, segments[0])), [], (floor, floor)
        first = strip(self.m, segments[0])
        if not self.m[slice(*segments[-1])].strip():
            middle = [strip(self.m, g) for g in segments[1:-1]]
            if clause_like(self.m[slice(*first)]) or not self.m[slice(*first)].strip():
                return "inverted", None, [], strip(self.m, (floor, segments[-1][0]))
            return "appositive", first, middle, (floor, floor)
        last = self._cut(strip(self.m, segments[-1]))
        return "trailing", last, [], strip(self.m, (floor, segments[-1][0]))

    def _cut(self, span: Span) -> Span:
        """A subject phrase without the clause it follows ("… came after X" → X) or a leading "and"."""
        for cut in _SUBORDINATE.finditer(self.m, *span):
            span = (cut.end(), span[1])
        lead_and = re.match(r"(?:and|but|so|yet)\s+", self.m[span[0] : span[1]])
        if lead_and:
            span = (span[0] + lead_and.end(), span[1])
        timed = _TIME_LEAD.match(self.m, *span)
        if timed is not None and timed.end() < span[1]:
            span = (timed.end(), span[1])  # "Throughout that period Greyling reported"
        return span

    def adjuncts(self, pos: int, stop: int) -> tuple[int, list[Span], str]:
        """Skip the adjuncts after a verb: returns where the content may start, the spans skipped (for
        dates and documents) and the document phrase among them."""
        skipped: list[Span] = []
        document = ""
        moved = True
        while moved:
            moved = False
            for pattern in _ADJUNCTS:
                m = pattern.match(self.m, pos, stop)
                if m is not None and m.end() > pos:
                    skipped.append((m.start(), m.end()))
                    words = self.m[m.start() : m.end()]
                    if not document and (re.search(rf"\b(?:{_DOC_WORDS})\b", words) or re.search(rf"\b(?:{_SOCIAL})\b", words)):
                        document = self.phrase((m.start(), m.end()))
                    pos = m.end()
                    moved = True
        return pos, skipped, document

    def content_after(self, pos: int, stop: int) -> tuple[Span, list[Span], str, str, str]:
        """The content after a verb at ``pos``: its span, adjunct spans, document, listener and accused."""
        listener = accused = ""
        verb_text = self.m[:pos].rstrip().rsplit(" ", 1)[-1]
        skipped: list[Span] = []
        that = _THAT.search(self.m, pos, stop)
        head_end = that.start() if that else stop
        if verb_text in {"told", "tells", "tell"} and that is not None and len(self.m[pos : that.start()].split()) <= 12:
            gap = strip(self.m, (pos, that.start()))
            listener = self.phrase(gap)
            dated = re.search(
                r"\s+(?:on|in|at|last|earlier|this)\s.*$|\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$",
                self.m[slice(*gap)],
            )
            if dated:
                listener = self.phrase((gap[0], gap[0] + dated.start()))
                skipped.append((gap[0] + dated.start(), gap[1]))
            pos = that.end()
            that = None
        elif verb_text in {"told", "tells", "tell"}:
            m = LISTENER.match(self.m, pos, head_end)
            if m is not None:
                listener = self.phrase((m.start("listener"), m.end("listener")))
                pos = m.end("listener")
        if verb_text in {"accused", "accuses", "accuse"}:
            m = re.compile(r"\s+(?P<who>.+?)\s+of\s+(?=[\w" + MASK + "‘“\"'])").match(self.m, pos, stop)
            if m is not None:
                who_end, dated = m.end("who"), re.search(r"\s+(?:on|in|at|last|earlier)\b.*$", m.group("who"))
                if dated:
                    skipped.append((m.start("who") + dated.start(), who_end))
                    who_end = m.start("who") + dated.start()
                accused = self.phrase((m.start("who"), who_end))
                pos = m.end()
        pos, more, document = self.adjuncts(pos, stop)
        skipped += more
        gap_words = self.m[pos : that.start()] if that is not None else ""
        adjunct_gap = bool(_GAP.match(gap_words)) or (verb_text in {"told", "tells", "tell"} and not listener)
        if that is not None and adjunct_gap and that.start() - pos <= 60 and gap_words.strip(" ,").count(" ") <= 8:
            # "said in a report to clients on Tuesday that": everything up to "that" is adjunct
            gap = (pos, that.start())
            if self.m[slice(*gap)].strip():
                skipped.append(gap)
                words = self.m[slice(*gap)]
                if not document and re.search(rf"\b(?:{_DOC_WORDS})\b", words):
                    document = self.phrase(gap)
                if verb_text in {"told", "tells", "tell"} and not listener:
                    listener = self.phrase(gap)
            pos = that.end()
        content = strip(self.m, (pos, stop))
        return content, skipped, document, listener, accused

    def clause_end(self, pos: int) -> int:
        """Where the clause starting at ``pos`` ends: the next clause boundary with its own reporting verb."""
        for b in BOUNDARY.finditer(self.m, pos, self.end):
            nxt = VERB.search(self.m, b.end(), self.end)
            window = self.m[b.end() : nxt.start()] if nxt else ""
            if nxt is not None and len(window.split()) <= 10 and "," not in window:
                return b.start()
        acc = ACCORDING.search(self.m, pos, self.end)
        return acc.start() if acc is not None and acc.start() > pos else self.end


def clause_like(text: str) -> bool:
    """Whether ``text`` reads as a clause (it has a verb) rather than a name or a short description."""
    return len(text.split()) > 16 or bool(_AUXILIARY.search(text)) or bool(VERB.search(text))
