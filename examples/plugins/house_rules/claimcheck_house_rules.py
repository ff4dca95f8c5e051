"""An example claimcheck plugin: the house rules of a fictional newsroom, The Example Desk.

* a balance check, ``anonymity-unexplained``: the desk's standards (like many newsrooms') say that a
  claim resting on unnamed sources must say why anonymity was granted; the check asks for a ``note``
  on every such claim;
* an export, ``--to desk-tsv``: one line a claim (id, speaker, kind, text) for the desk's planning sheet;
* template variables for the site and the brief: the desk's name and its corrections-policy address.

Install it next to claimcheck (``pip install ./examples/plugins/house_rules``) and it is found through
its entry point; ``docs/plugins.md`` walks through each hook.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from claimcheck.analysis.checks import Check, CheckContext
from claimcheck.core import atomic
from claimcheck.core.catalogue import Entry, Severity
from claimcheck.core.plugins import hookimpl
from claimcheck.core.problems import Problem
from claimcheck.interop.registry import Exporter, ExportOptions
from claimcheck.model.corpus import Corpus


@hookimpl
def claimcheck_problem_codes() -> list[Entry]:
    return [
        Entry(
            code="anonymity-unexplained",
            title="Anonymity not explained",
            description="The Example Desk's rule: a claim resting on unnamed sources carries a note saying why they were granted anonymity.",
            severity=Severity.WARNING,
            group="The Example Desk's house rules",
        )
    ]


def _anonymity(ctx: CheckContext) -> Iterator[Problem]:
    for claim in ctx.claims.values():
        speaker = ctx.view.sources.get(claim.speaker)
        unnamed = (speaker is not None and speaker.unnamed) or any(h.mode == "unnamed-source" for a in claim.appearances for h in a.chain)
        if unnamed and not claim.note:
            yield ctx.finding(
                "anonymity-unexplained",
                claim,
                f"{ctx.sentence(claim)} rests on unnamed sources; add a note saying why they were granted anonymity",
                "speaker",
            )


@hookimpl
def claimcheck_checks() -> list[Check]:
    return [Check(name="house-anonymity", description="unnamed sources come with the reason for their anonymity", run=_anonymity)]


def _export(corpus: Corpus, out: Path, options: ExportOptions) -> tuple[int, list[Problem]]:
    view = corpus.view(include_drafts=options.include_drafts)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerow(["id", "speaker", "kind", "text"])
    for claim in view.claims.values():
        writer.writerow([claim.id, view.source_name(claim.speaker), claim.kind, " ".join(claim.text.split())])
    atomic.write_text(out, buffer.getvalue())
    return len(view.claims), []


@hookimpl
def claimcheck_exporters() -> list[Exporter]:
    return [Exporter(name="desk-tsv", description="one line a claim for The Example Desk's planning sheet", write=_export, unit="claims")]


@hookimpl
def claimcheck_template_globals(kind: str) -> dict[str, Any]:
    return {"house_name": "The Example Desk", "corrections_policy": "https://desk.example/corrections"}
