"""Balance checks as a registry: each :class:`Check` looks at the claims being examined through a
:class:`CheckContext` and yields findings. The built-in checks are in :mod:`claimcheck.analysis.rules`;
plugins add theirs through the ``claimcheck_checks`` hook (see ``docs/plugins.md``), with their
problem codes through ``claimcheck_problem_codes``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from claimcheck.analysis.attribution import name_in_sentence, sentence
from claimcheck.analysis.provenance import Provenance
from claimcheck.analysis.status import Status, statuses_in
from claimcheck.core.errors import UsageError
from claimcheck.core.plugins import plugin_manager
from claimcheck.core.problems import Problem, Severity, pointer
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Claim, Source

__all__ = ["Check", "CheckContext", "checks"]


class CheckContext:
    """What a check sees: the view of the corpus being analysed (:meth:`Corpus.view`), the claims it
    examines, their evidence-derived statuses, and helpers that every rule needs.

    A selection restricts which claims are examined, never what counts as an answer: a denial
    recorded anywhere in the view answers the allegation it denies.
    """

    def __init__(self, view: Corpus, claim_ids: Iterable[str] | None = None) -> None:
        wanted = set(claim_ids) if claim_ids is not None else None
        #: The corpus as shown (published, or everything with drafts).
        self.view = view
        #: The claims examined, in corpus order.
        self.claims = {cid: cl for cid, cl in view.claims.items() if wanted is None or cid in wanted}
        every = statuses_in(view)
        #: The evidence-derived status of each examined claim.
        self.statuses: dict[str, Status] = {cid: every[cid] for cid in self.claims}
        #: Who answers for whom, origins, how each claim is known, who backs it.
        self.prov = Provenance(view)

    @property
    def c(self) -> Corpus:
        """Short for :attr:`view`."""
        return self.view

    def sentence(self, claim: Claim) -> str:
        """The claim as one attributed sentence, for naming it in a message."""
        return sentence(self.view, claim, claim.appearances[0] if claim.appearances else None)

    def finding(
        self, code: str, claim: Claim, message: str, *path: str | int, severity: Severity | None = None, hint: str | None = None
    ) -> Problem:
        """A finding about ``claim``, located at ``path`` inside it (file and pointer; the line is filled in
        later); ``message`` states the fact, ``hint`` what an editor can do about it."""
        origin = claim.origin
        file = None
        if origin is not None:
            file = (self.c.root / origin.file).as_posix()
        kwargs = {"severity": severity} if severity is not None else {}
        return Problem(
            code=code,
            message=message,
            file=file,
            pointer=(origin.pointer if origin else "") + pointer(*path),
            record=claim.id,
            hint=hint,
            **kwargs,
        )

    def name(self, source_id: str) -> str:
        """A source as it is named inside a sentence."""
        return name_in_sentence(self.c.sources.get(source_id), source_id)

    def affiliated(self, source_id: str, party: str) -> bool:
        """Whether ``source_id``'s word is ``party``'s own (see :meth:`Provenance.answers_for`)."""
        return self.prov.answers_for(source_id, party)

    def interested(self, source: Source | None, claim: Claim) -> str | None:
        """The description of ``source``'s declared interest leaning ``claim``'s way, if it has one."""
        if source is None:
            return None
        interest = self.prov.interest(source.id, claim)
        return interest.description if interest is not None else None


@attrs.define(frozen=True, kw_only=True)
class Check:
    """A balance check: a name, what it looks for, and the function that yields its findings."""

    name: str
    description: str
    run: Callable[[CheckContext], Iterable[Problem]]


def checks() -> list[Check]:
    """Every balance check: the built-in ones (:data:`claimcheck.analysis.rules.BUILTIN`), then plugins'."""
    from claimcheck.analysis.rules import BUILTIN

    out = list(BUILTIN)
    names = {c.name for c in out}
    for batch in plugin_manager().hook.claimcheck_checks():
        for check in batch:
            if check.name in names:
                raise UsageError(f"a plugin registers the balance check {check.name!r}, which is already registered")
            names.add(check.name)
            out.append(check)
    return out
