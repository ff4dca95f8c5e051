"""Balance analysis: is every accusation answered, and what does each claim rest on?

:func:`analyse` runs every registered check (:func:`claimcheck.analysis.checks.checks`) and returns a
:class:`BalanceReport` holding the findings (problems in the same form as validation problems), the
evidence-derived status of every claim examined, and the disputes: groups of claims connected by
contradictions and denials, split into the two sides. The rules are documented in ``docs/balance.md``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from typing import Any

import attrs

from claimcheck.analysis import cache
from claimcheck.analysis.attribution import name_in_sentence, topic_label
from claimcheck.analysis.checks import CheckContext, checks
from claimcheck.analysis.status import Status
from claimcheck.core.problems import Problem, Severity
from claimcheck.load.loader import locate_problems
from claimcheck.load.snapshot import Summary
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Relation

__all__ = ["BalanceReport", "Dispute", "Side", "analyse", "kept"]


@attrs.define(frozen=True, kw_only=True)
class Side:
    """One side of a dispute: its claims, the parties behind them and the evidence items they have."""

    claims: tuple[str, ...]
    parties: tuple[str, ...]
    evidence: tuple[str, ...]  # ids of relations quoting a document in support of this side's claims


@attrs.define(frozen=True, kw_only=True)
class Dispute:
    """A contested proposition: the claims asserting it, and those contradicting or denying them."""

    id: str
    title: str
    subjects: tuple[str, ...]
    topics: tuple[str, ...]
    assertion: Side
    response: Side
    status: Status


@attrs.define(frozen=True, kw_only=True)
class BalanceReport:
    """What :func:`analyse` found."""

    findings: tuple[Problem, ...]
    statuses: dict[str, Status]
    disputes: tuple[Dispute, ...]

    @property
    def ok(self) -> bool:
        """True when no finding is an error (balance findings are warnings unless configured)."""
        return all(f.severity < Severity.ERROR for f in self.findings)


def find_disputes(ctx: CheckContext) -> list[Dispute]:
    """Groups of examined claims joined by contradictions and denials (and the supports among them),
    each split into its two sides, in corpus order."""
    side: dict[str, int] = {}
    component: dict[str, int] = {}
    edges: dict[str, list[tuple[str, bool]]] = {cid: [] for cid in ctx.claims}
    has_opposition: set[str] = set()
    for rel in ctx.c.relations.values():
        if rel.by is None or rel.by not in ctx.claims or rel.target not in ctx.claims:
            continue
        if rel.type in Relation.OPPOSING:
            flip = True
            has_opposition.add(rel.target)
        elif rel.type == "supports":
            flip = False
        else:
            continue
        edges[rel.target].append((rel.by, flip))
        edges[rel.by].append((rel.target, flip))
    n = 0
    for start in ctx.claims:  # corpus order: deterministic
        if start not in has_opposition or start in component:
            continue
        queue = deque([start])
        side[start], component[start] = 0, n
        while queue:
            cur = queue.popleft()
            for other, flip in edges[cur]:
                if other in component:
                    continue
                component[other] = n
                side[other] = side[cur] ^ int(flip)
                queue.append(other)
        n += 1
    members: list[list[str]] = [[] for _ in range(n)]
    for cid in ctx.claims:  # one pass, corpus order
        k = component.get(cid)
        if k is not None:
            members[k].append(cid)
    out = []
    for k in range(n):
        a = [cid for cid in members[k] if side[cid] == 0]
        b = [cid for cid in members[k] if side[cid] == 1]
        out.append(_dispute(ctx, k, a, b))
    return out


def _side(ctx: CheckContext, claim_ids: list[str]) -> Side:
    parties: list[str] = []
    evidence: list[str] = []
    for cid in claim_ids:
        claim = ctx.claims[cid]
        if claim.speaker not in parties:
            parties.append(claim.speaker)
        for rel in ctx.c.supporting(cid):
            if rel.evidence is not None:
                evidence.append(rel.id)
                doc = ctx.c.documents.get(rel.evidence.document)
                if doc and doc.publisher and doc.publisher not in parties:
                    parties.append(doc.publisher)
    return Side(claims=tuple(claim_ids), parties=tuple(parties), evidence=tuple(evidence))


def _dispute(ctx: CheckContext, k: int, a: list[str], b: list[str]) -> Dispute:
    subjects: list[str] = []
    topics: dict[str, int] = {}
    for cid in a:
        for s in ctx.claims[cid].subjects:
            if s not in subjects:
                subjects.append(s)
        for t in ctx.claims[cid].topics:
            topics[t] = topics.get(t, 0) + 1
    ranked = sorted(topics, key=lambda t: (-topics[t], t))
    about = " and ".join(name_in_sentence(ctx.c.sources.get(s), s, start=i == 0) for i, s in enumerate(subjects[:2])) or "the record"
    title = f"{topic_label(ranked[0])}: {about}" if ranked else f"Dispute about {about}"
    first = ctx.statuses[a[0]] if a else Status.UNVERIFIED
    return Dispute(
        id=f"dispute-{k + 1}",
        title=title,
        subjects=tuple(subjects),
        topics=tuple(ranked),
        assertion=_side(ctx, a),
        response=_side(ctx, b),
        status=first,
    )


def analyse(corpus: Corpus, *, include_drafts: bool = False, claims: Iterable[str] | None = None) -> BalanceReport:
    """Balance findings, statuses and disputes for what ``corpus`` publishes (everything, with
    ``include_drafts``), examining only the claims whose ids are in ``claims`` when it is given.

    The report of a whole corpus loaded by :func:`claimcheck.load` is kept between runs
    (:mod:`claimcheck.analysis.cache`) and given back while none of its inputs has changed.
    """
    view = corpus.view(include_drafts=include_drafts)
    k = cache.key(view, "balance", f"drafts={include_drafts}") if claims is None else None
    if k is not None:
        kept = _from_plain(cache.get(k))
        if kept is not None:
            return kept
    ctx = CheckContext(view, claims)
    found = [problem for check in checks() for problem in check.run(ctx)]
    findings = sorted(locate_problems(found, view), key=Problem.sort_key)
    report = BalanceReport(findings=tuple(findings), statuses=ctx.statuses, disputes=tuple(find_disputes(ctx)))
    if k is not None:
        cache.put(k, _to_plain(report))
    return report


def kept(summary: Summary, *, include_drafts: bool = False) -> BalanceReport | None:
    """The report :func:`analyse` kept for the corpus ``summary`` describes (the whole corpus, this
    view), read without the corpus's records; ``None`` when none is kept."""
    k = cache.key_of(summary.view_digests[include_drafts], summary.root, summary.single_file, "balance", f"drafts={include_drafts}")
    return _from_plain(cache.get(k)) if k is not None else None


def _to_plain(report: BalanceReport) -> tuple[Any, ...]:
    """``report`` as plain values (tuples, strings, numbers), for the cache."""

    def side(s: Side) -> tuple[Any, ...]:
        return (s.claims, s.parties, s.evidence)

    return (
        tuple((f.code, f.message, int(f.severity), f.file, f.line, f.column, f.pointer, f.record, f.hint) for f in report.findings),
        tuple((cid, str(status)) for cid, status in report.statuses.items()),
        tuple((d.id, d.title, d.subjects, d.topics, side(d.assertion), side(d.response), str(d.status)) for d in report.disputes),
    )


def _from_plain(value: Any) -> BalanceReport | None:
    """The report :func:`_to_plain` made ``value`` from, or ``None`` when ``value`` is not one."""
    if value is None:
        return None
    try:
        findings, statuses, disputes = value
        severity = {int(s): s for s in Severity}  # a lookup, not an enum call, for each of 100,000 findings
        status = {str(s): s for s in Status}
        return BalanceReport(
            findings=tuple(
                Problem(code=c, message=m, severity=severity[sev], file=f, line=ln, column=col, pointer=p, record=rec, hint=h)
                for c, m, sev, f, ln, col, p, rec, h in findings
            ),
            statuses={cid: status[s] for cid, s in statuses},
            disputes=tuple(
                Dispute(
                    id=i,
                    title=t,
                    subjects=tuple(sub),
                    topics=tuple(top),
                    assertion=Side(claims=tuple(a[0]), parties=tuple(a[1]), evidence=tuple(a[2])),
                    response=Side(claims=tuple(r[0]), parties=tuple(r[1]), evidence=tuple(r[2])),
                    status=Status(st),
                )
                for i, t, sub, top, a, r, st in disputes
            ),
        )
    except (TypeError, ValueError, KeyError):  # not a report of this form: analysed again
        return None
