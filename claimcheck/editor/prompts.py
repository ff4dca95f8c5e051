"""Asking for a new record's fields: each value from an option when given, else from a prompt.

Every value is checked as it comes (:func:`claimcheck.editor.records.check_value`): at a prompt the
editor is told what is wrong and asked again; a bad option value is reported and, when prompting is
allowed, asked for again. Without prompting (``interactive=False``) a missing required value is a
:class:`UsageError` and a bad one a :class:`RecordError`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import click

from claimcheck.core.errors import UsageError
from claimcheck.core.ids import IdMaker, check_id
from claimcheck.editor.add import RecordError
from claimcheck.editor.records import FIELDS, Field, check_value, quote_problem
from claimcheck.model.corpus import Corpus

__all__ = ["APPEARANCE_DOCUMENT", "EVIDENCE_DOCUMENT", "Asker"]

APPEARANCE_DOCUMENT = Field(name="document", label="Document it appears in (id)", required=True, ref="documents")
EVIDENCE_DOCUMENT = Field(name="document", label="Document of the evidence (id)", required=True, ref="documents")


def _option(name: str) -> str:
    return "--" + name.replace("_", "-")


class Asker:
    """Collects the values of one new record of ``section``."""

    def __init__(self, corpus: Corpus, section: str, *, interactive: bool) -> None:
        self.corpus = corpus
        self.section = section
        self.interactive = interactive
        #: Whether the editor has been asked anything: then optional fields are offered too.
        self.asked = False
        self.fields = {f.name: f for f in FIELDS[section]}

    def _check(self, field: Field) -> Callable[[str], str]:
        def proc(text: str) -> str:
            text = text.strip()
            if not text and not field.required:
                return ""
            problem = check_value(self.corpus, self.section, field, text)
            if problem:
                raise click.BadParameter(problem)
            return text

        return proc

    def _prompt(self, label: str, proc: Callable[[str], str], *, default: str | None = None, choices: Sequence[str] = ()) -> str:
        self.asked = True
        shown = f"{label} ({', '.join(choices)})" if choices else label
        value: str = click.prompt(shown, default=default, value_proc=proc, show_default=default not in (None, ""))
        return value

    def _bad(self, problem: str) -> None:
        if not self.interactive:
            raise RecordError([problem])
        click.echo(f"Error: {problem}", err=True)

    def value(self, name: str, given: str | None, *, field: Field | None = None, offer: bool = False, always: bool = False) -> str | None:
        """The value of field ``name``: ``given`` if good, else asked for when required, when ``offer``ed
        in a session that has asked something already, or (``always``) in any interactive session;
        ``None`` for an optional field left empty."""
        field = field or self.fields[name]
        if given is not None:
            problem = check_value(self.corpus, self.section, field, given)
            if problem is None:
                return given
            self._bad(problem)
        elif not field.required and not (self.interactive and (always or (offer and self.asked))):
            return None
        elif field.required and not self.interactive:
            raise UsageError(f"{_option(field.name)} is required (or leave out --no-input to be asked for it)")
        optional_hint = "" if field.required or "Enter" in field.label else " (Enter to leave out)"
        value = self._prompt(field.label + optional_hint, self._check(field), default=None if field.required else "", choices=field.choices)
        return value or None

    def values(self, name: str, given: Sequence[str], *, offer: bool = False) -> list[str]:
        """The values of a list field: ``given`` (each checked), or asked for comma-separated when ``offer``ed."""
        field = self.fields[name]
        out: list[str] = []
        for item in given:
            problem = check_value(self.corpus, self.section, field, item)
            if problem is None:
                out.append(item)
            else:
                self._bad(problem)
        if out or given or not (offer and self.interactive and self.asked):
            return out

        def proc(text: str) -> str:
            for item in _split(text):
                problem = check_value(self.corpus, self.section, field, item)
                if problem:
                    raise click.BadParameter(problem)
            return text

        return _split(self._prompt(f"{field.label}, comma-separated (Enter for none)", proc, default=""))

    def quote(self, document: str, given: str | None, *, field: str = "quote") -> str:
        """A verbatim quote from ``document``, checked against its full text when that is available."""

        def proc(text: str) -> str:
            text = text.strip()
            if not text:
                raise click.BadParameter(f"{field}: expected the words as printed; found nothing")
            problem = quote_problem(self.corpus, field, document, text)
            if problem:
                raise click.BadParameter(problem)
            return text

        if given is not None:
            problem = (
                quote_problem(self.corpus, field, document, given)
                if given.strip()
                else f"{field}: expected the words as printed; found nothing"
            )
            if problem is None:
                return given
            self._bad(problem)
        elif not self.interactive:
            raise UsageError(f"--{field} is required (or leave out --no-input to be asked for it)")
        return self._prompt(f"Quote, verbatim from {document}", proc)

    def record_id(self, given: str | None, basis: str, *, words: int | None = None, fallback: str = "record") -> str:
        """The new record's id: ``given`` if free and well-formed, else a suggestion from ``basis``
        (offered at a prompt in an interactive session)."""
        taken = self.corpus.ids()
        suggestion = IdMaker(taken).suggest(basis, fallback, words=words)
        if given is not None:
            problem = check_id(given, taken)
            if problem is None:
                return given
            self._bad(f"{problem} (free: {suggestion!r})")
        elif not (self.interactive and self.asked):
            return suggestion

        def proc(text: str) -> str:
            problem = check_id(text.strip(), taken)
            if problem:
                raise click.BadParameter(problem)
            return text.strip()

        return self._prompt("Id", proc, default=suggestion)


def _split(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]
