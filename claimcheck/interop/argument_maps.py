"""Argument maps: ``claimcheck export --to argdown`` (Argdown text) and ``--to aif`` (AIF JSON, the
Argument Interchange Format of AIFdb and OVA), of the published claims and the relations between them.

Both map the same structure: each claim is a statement (AIF: an I-node) and each quoted piece of
evidence an argument (an I-node), ``supports`` relations are support (an RA-node), ``contradicts`` and
``denies`` are attack (a CA-node). ``qualifies``, ``context`` and ``responds-to`` have no counterpart
in either and are left out (``export-skipped``). AIF also carries who said what: each claim's speaker
is a participant with a locution (an L-node "Speaker : words", asserting the claim through a YA-node).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from claimcheck.core import atomic
from claimcheck.core.problems import Problem
from claimcheck.interop.json_format import dumps
from claimcheck.interop.registry import Exporter, ExportOptions
from claimcheck.model.corpus import Corpus
from claimcheck.model.records import Claim, Relation

__all__ = ["to_aif", "to_argdown"]

SUPPORT = frozenset({"supports"})
ATTACK = frozenset({"contradicts", "denies"})
_ARGDOWN_SPECIAL = re.compile(r"([\\\[\]<>#*_@{}~`])")


def _mapped(corpus: Corpus) -> tuple[list[Relation], list[Problem]]:
    kept, problems = [], []
    for rel in corpus.relations.values():
        if rel.type in SUPPORT | ATTACK:
            kept.append(rel)
            continue
        origin = rel.origin
        problems.append(
            Problem(
                code="export-skipped",
                message=f"relation {rel.id!r} ({rel.type}) left out of the argument map: argument maps know support and attack only",
                file=origin.file if origin else None,
                pointer=origin.pointer if origin else "",
                record=rel.id,
            )
        )
    return kept, problems


# ---- Argdown ----------------------------------------------------------------------------------------
def escape_argdown(text: str) -> str:
    """Text as Argdown reads it literally: one line, every character Argdown gives a meaning escaped with ``\\``."""
    return _ARGDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _tag(text: str) -> str:
    return "#(" + escape_argdown(text).replace("(", "\\(").replace(")", "\\)") + ")"


def to_argdown(corpus: Corpus, *, include_drafts: bool = False) -> tuple[str, list[Problem]]:
    """The Argdown text of the published corpus (all of it with drafts), and the relations left out."""
    corpus = corpus.view(include_drafts=include_drafts)
    relations, problems = _mapped(corpus)
    title = corpus.config.title or "claimcheck corpus"
    lines = ["===", f"title: {json.dumps(' '.join(title.split()), ensure_ascii=False)}", "===", ""]
    by_target: dict[str, list[Relation]] = {}
    for rel in relations:
        by_target.setdefault(rel.target, []).append(rel)
    for claim in corpus.claims.values():
        lines.append(f"[{claim.id}]: {escape_argdown(claim.text)} #{claim.kind} {_tag(corpus.source_name(claim.speaker))}")
        for rel in by_target.get(claim.id, []):
            arrow = "<+" if rel.type in SUPPORT else "<-"
            lines.append(f"    {arrow} " + (f"[{rel.by}]" if rel.by else f"<{rel.id}>"))
        lines.append("")
    for rel in relations:
        if rel.evidence is None:
            continue
        doc = corpus.documents.get(rel.evidence.document)
        where = ", ".join(x for x in (doc.title if doc else rel.evidence.document, rel.evidence.locator) if x)
        lines.append(f"<{rel.id}>: {escape_argdown(chr(0x201C) + rel.evidence.quote + chr(0x201D))} ({escape_argdown(where)})")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n", problems


# ---- AIF --------------------------------------------------------------------------------------------
def _timestamp(corpus: Corpus, claim: Claim) -> str:
    """AIF's node timestamp (``YYYY-MM-DD HH:mm:ss``): the first day of the claim's date, else of its first
    document's; ``1970-01-01 00:00:00`` when neither is known (AIF requires one, and output is deterministic)."""
    dates = [claim.date] + [corpus.documents[a.document].date for a in claim.appearances if a.document in corpus.documents]
    day = next((d.earliest for d in dates if d is not None and d.earliest is not None), None)
    return f"{day.isoformat()} 00:00:00" if day else "1970-01-01 00:00:00"


class _Aif:
    def __init__(self) -> None:
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.locutions: list[dict[str, Any]] = []
        self.participants: dict[str, dict[str, Any]] = {}

    def node(self, text: str, kind: str, timestamp: str) -> str:
        node_id = str(len(self.nodes) + 1)  # AIFdb's ids are strings; arguebuf drops edges whose ids differ in type
        self.nodes.append({"nodeID": node_id, "text": text, "type": kind, "timestamp": timestamp})
        return node_id

    def edge(self, start: str, end: str) -> None:
        self.edges.append({"edgeID": str(len(self.edges) + 1), "fromID": start, "toID": end, "formEdgeID": None})


def to_aif(corpus: Corpus, *, include_drafts: bool = False) -> tuple[dict[str, Any], list[Problem]]:
    """The AIF document of the published corpus (all of it with drafts), and the relations left out."""
    corpus = corpus.view(include_drafts=include_drafts)
    relations, problems = _mapped(corpus)
    aif = _Aif()
    inode: dict[str, str] = {}
    for claim in corpus.claims.values():
        stamp = _timestamp(corpus, claim)
        inode[claim.id] = aif.node(" ".join(claim.text.split()), "I", stamp)
        speaker = corpus.sources.get(claim.speaker)
        name = corpus.source_name(claim.speaker)
        person = aif.participants.setdefault(
            claim.speaker,
            {"participantID": str(len(aif.participants) + 1), "firstname": name, "surname": "", "claimcheckID": claim.speaker},
        )
        if speaker is not None and speaker.kind == "person" and " " in speaker.name:
            person["firstname"], person["surname"] = speaker.name.rsplit(" ", 1)
        words = claim.appearances[0].quote if claim.appearances else claim.text
        locution = aif.node(f"{name} : {' '.join(words.split())}", "L", stamp)
        asserting = aif.node("Asserting", "YA", stamp)
        aif.edge(locution, asserting)
        aif.edge(asserting, inode[claim.id])
        doc = corpus.documents.get(claim.appearances[0].document) if claim.appearances else None
        aif.locutions.append(
            {
                "nodeID": locution,
                "personID": person["participantID"],
                "timestamp": stamp,
                "start": None,
                "end": None,
                "source": doc.url if doc else None,
            }
        )
    for rel in relations:
        target = corpus.claims[rel.target]
        stamp = _timestamp(corpus, target)
        if rel.by is not None:
            premise = inode[rel.by]
        else:
            assert rel.evidence is not None
            premise = aif.node(" ".join(rel.evidence.quote.split()), "I", stamp)
        scheme = aif.node("Default Inference" if rel.type in SUPPORT else "Default Conflict", "RA" if rel.type in SUPPORT else "CA", stamp)
        aif.edge(premise, scheme)
        aif.edge(scheme, inode[rel.target])
    graph = {"nodes": aif.nodes, "edges": aif.edges, "locutions": aif.locutions, "participants": list(aif.participants.values())}
    return graph, problems


def _export_argdown(corpus: Corpus, out: Path, options: ExportOptions) -> tuple[int, list[Problem]]:
    text, problems = to_argdown(corpus, include_drafts=options.include_drafts)
    atomic.write_text(out, text)
    return len(corpus.view(include_drafts=options.include_drafts).claims), problems


def _export_aif(corpus: Corpus, out: Path, options: ExportOptions) -> tuple[int, list[Problem]]:
    doc, problems = to_aif(corpus, include_drafts=options.include_drafts)
    atomic.write_text(out, dumps(doc))
    return len(doc["nodes"]), problems


def export_argdown(corpus: Corpus, out: str | os.PathLike[str], *, include_drafts: bool = False) -> tuple[int, list[Problem]]:
    """Write the Argdown text (atomically); returns the number of claims and the relations left out."""
    return _export_argdown(corpus, Path(out), ExportOptions(include_drafts=include_drafts))


def export_aif(corpus: Corpus, out: str | os.PathLike[str], *, include_drafts: bool = False) -> tuple[int, list[Problem]]:
    """Write the AIF JSON (atomically); returns the number of nodes and the relations left out."""
    return _export_aif(corpus, Path(out), ExportOptions(include_drafts=include_drafts))


ARGDOWN_EXPORTER = Exporter(
    name="argdown", description="an Argdown argument map: claims as statements, support and attack", write=_export_argdown, unit="claims"
)
AIF_EXPORTER = Exporter(
    name="aif",
    description="AIF JSON (AIFdb, OVA): claims as I-nodes, support as RA, attack as CA, speakers as locutions",
    write=_export_aif,
    unit="nodes",
)
