"""The review workflow: what is not yet published, and where it is.

Claims, relations and reviews carry ``status`` (``draft``, ``in-review``, ``published``; the default
is published). Briefs, the site and balance checks leave out what is not published unless drafts are
asked for; :func:`unpublished` lists it for the editor, with the file and line to open.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs

from claimcheck.load.filecache import source_map
from claimcheck.load.sourcemap import SourceMap
from claimcheck.model import Claim, Record, Relation, Review
from claimcheck.model.corpus import Corpus

__all__ = ["Pending", "unpublished"]


@attrs.define(frozen=True, kw_only=True)
class Pending:
    """A record not yet published: its kind, id, workflow status, where it is, and a summary."""

    kind: str
    id: str
    status: str
    file: str
    line: int | None
    summary: str

    def format(self) -> str:
        """``claims/x.yaml:12: draft claim some-id: summary``."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.status} {self.kind} {self.id}: {self.summary}"

    def to_dict(self) -> dict[str, Any]:
        """The entry as a plain dict (for JSON)."""
        return attrs.asdict(self)


def _summary(corpus: Corpus, record: Record) -> str:
    if isinstance(record, Claim):
        return record.text.strip().replace("\n", " ")
    if isinstance(record, Relation):
        return f"{record.by or 'evidence from ' + (record.evidence.document if record.evidence else '?')} {record.type} {record.target}"
    if isinstance(record, Review):
        return f"verdict {record.verdict} on {record.claim}"
    return ""


def unpublished(corpus: Corpus, *, statuses: frozenset[str] = frozenset({"draft", "in-review"})) -> list[Pending]:
    """Every claim, relation and review whose status is in ``statuses``, in file and line order."""
    maps: dict[str, SourceMap] = {}
    out: list[Pending] = []
    records: list[Claim | Relation | Review] = [*corpus.claims.values(), *corpus.relations.values(), *corpus.reviews.values()]
    for record in records:
        if record.status not in statuses:
            continue
        file, line = "", None
        if record.origin is not None:
            file = (Path(corpus.root) / record.origin.file).as_posix()
            if file not in maps:
                try:
                    maps[file] = source_map(Path(file).read_bytes(), file)  # its marks from the parse cache
                except (OSError, UnicodeDecodeError):
                    maps[file] = SourceMap("")
            line = maps[file].locate(record.origin.pointer)[0] if maps[file].mapped else None
        out.append(Pending(kind=record.KIND, id=record.id, status=record.status, file=file, line=line, summary=_summary(corpus, record)))
    return sorted(out, key=lambda p: (p.file, p.line or 0, p.id))
