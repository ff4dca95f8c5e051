"""The draft as a story file: the records in the canonical layout (:mod:`claimcheck.editor.textedit`),
each after the comment lines that say what was guessed, under a header that says how to review it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from claimcheck.editor.draft.assemble import Proposal
from claimcheck.editor.records import build_record
from claimcheck.editor.textedit import render_item
from claimcheck.model import SECTIONS

__all__ = ["render"]

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _comment(text: str) -> str:
    return " ".join(_UNPRINTABLE.sub(" ", text).split())


def header(source: str, sha256: str) -> list[str]:
    """The comment heading a drafted story file."""
    lines = [
        f"Drafted by `claimcheck draft` from {source} (sha256 {sha256[:12]}...).",
        "",
        "Every record below is a proposal, and the comment above each says what was guessed and why.",
        "Claims and relations carry status: draft, so nothing here is published until an editor confirms it:",
        "check each against the article, correct it, and delete its status line (or set status: published).",
        "Sources, documents and comment requests have no status: each is marked as proposed in a comment;",
        "delete the comment once you have confirmed the record. `claimcheck review` lists the drafts.",
    ]
    return [f"# {_comment(line)}".rstrip() + "\n" for line in lines]


def render(proposals: Sequence[Proposal], *, source: str, sha256: str) -> str:
    """The YAML text of a drafted story file."""
    lines = [*header(source, sha256), "\n"]
    for section in SECTIONS:
        items = [p for p in proposals if p.section == section]
        if not items:
            continue
        lines.append(f"{section}:\n")
        for i, proposal in enumerate(items):
            if i:
                lines.append("\n")
            lines += [f"  # {_comment(c)}\n" for c in proposal.comments]
            lines += render_item(build_record(section, proposal.record), 2)
        lines.append("\n")
    while lines and lines[-1] == "\n":
        lines.pop()
    return "".join(lines)
