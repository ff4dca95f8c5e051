"""Building records from imported data: ids, sources and documents made once, rating scales derived
from the ratings seen, and a problem for every value that had to be interpreted."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

from claimcheck.core.dates import DateError, PartialDate
from claimcheck.core.ids import IdMaker, slugify
from claimcheck.core.problems import Problem, pointer

_SPACE = " \t\r\n"
URL = re.compile(r"^https?://\S+$")
_HOST_PATH = re.compile(r"^(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?:[/?#]\S*)?$", re.ASCII)
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})([T ])(\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$", re.ASCII)

#: Verdict labels whose meaning is plain enough to map (lower case, ``_``/``-`` read as spaces):
#: (evidence status, FEVER label, AVeriTeC label). Anything else is left unmapped.
KNOWN_LABELS: dict[str, tuple[str, str, str]] = {
    **dict.fromkeys(("false", "incorrect", "fake", "wrong", "pants on fire", "fabricated"), ("contradicted", "REFUTES", "Refuted")),
    **dict.fromkeys(("mostly false", "mostly incorrect"), ("contradicted", "REFUTES", "Refuted")),
    **dict.fromkeys(("true", "correct", "accurate", "mostly true", "mostly correct"), ("supported", "SUPPORTS", "Supported")),
    **dict.fromkeys(
        ("half true", "mixed", "mixture", "partly true", "partly false", "misleading", "cherry picking"),
        ("contested", "NOT ENOUGH INFO", "Conflicting Evidence/Cherrypicking"),
    ),
    **dict.fromkeys(("unproven", "unverified", "unsupported", "no evidence"), ("unverified", "NOT ENOUGH INFO", "Not Enough Evidence")),
}


@attrs.define(kw_only=True)
class ScaleDraft:
    """A rating scale being derived from the ratings seen: value id → (label, rating), fillers marked."""

    id: str
    name: str
    publisher: str
    worst: int | None
    best: int | None
    values: dict[int, dict[str, Any]] = attrs.field(factory=dict)
    fillers: set[int] = attrs.field(factory=set)

    def to_dict(self) -> dict[str, Any]:
        """The scale in the config's shape, worst to best."""
        return {"id": self.id, "name": self.name, "values": [self.values[r] for r in sorted(self.values)]}


class Builder:
    """Collects the records, scales and problems of one import."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.ids = IdMaker(taken)
        self.sections: dict[str, list[dict[str, Any]]] = {
            k: [] for k in ("sources", "documents", "claims", "relations", "comments", "reviews")
        }
        self.problems: list[Problem] = []
        self.scales: list[ScaleDraft] = []
        self._sources: dict[str, str] = {}
        self._documents: dict[tuple[str, str], str] = {}
        self.file = ""
        self.line: int | None = None
        #: The nodes of the file being read by ``@id``, for values that only name one.
        self.refs: dict[str, dict[str, Any]] = {}
        #: The JSON-LD blocks of the file being read (a page's other nodes date a review that has no date).
        self.pages: list[tuple[int | None, Any]] = []

    # ---- problems ------------------------------------------------------------------------------
    def note(self, code: str, where: tuple[str | int, ...], message: str) -> None:
        """A problem at ``where`` (a JSON path) in the file being read."""
        self.problems.append(Problem(code=code, message=message, file=self.file, line=self.line, pointer=pointer(*where)))

    # ---- records -------------------------------------------------------------------------------
    def source(self, name: str, kind: str, *, url: str | None = None, description: str | None = None, same_as: Iterable[str] = ()) -> str:
        """The id of the source with this name (made on first use)."""
        key = name.casefold()
        if key in self._sources:
            return self._sources[key]
        sid = self.ids.make(name, "source")
        rec = {"id": sid, "name": name, "kind": kind, "description": description, "url": url, "same_as": list(dict.fromkeys(same_as))}
        self.sections["sources"].append({k: v for k, v in rec.items() if v})
        self._sources[key] = sid
        return sid

    def document(
        self,
        title: str,
        kind: str,
        *,
        url: str | None = None,
        date: str | None = None,
        publisher: str | None = None,
        archive_url: str | None = None,
    ) -> str:
        """The id of the document with this url (or, without one, this title), made on first use."""
        key = ("url", url) if url else ("title", title)
        if key in self._documents:
            return self._documents[key]
        did = self.ids.make(title, "document")
        rec = {"id": did, "title": title, "kind": kind, "publisher": publisher, "date": date, "url": url, "archive_url": archive_url}
        self.sections["documents"].append({k: v for k, v in rec.items() if v})
        self._documents[key] = did
        return did

    # ---- values --------------------------------------------------------------------------------
    def url(self, value: Any, where: tuple[str | int, ...], what: str) -> str | None:
        """An http(s) URL, or ``None`` (with a warning when something unusable was given)."""
        if value is None:
            return None
        if isinstance(value, list):
            urls = [v for v in value if isinstance(v, str) and URL.match(v.strip())]
            if urls:
                self.note("import-interpreted", where, f"{what}: a list of {len(value)}; the first URL, {urls[0]!r}, is kept")
                return urls[0].strip()
            value = value[0] if value else ""
        text = value.strip() if isinstance(value, str) else value
        if isinstance(text, str) and URL.match(text) and len(text) <= 2000:
            if text != value:
                self.note("import-interpreted", where, f"{what}: white space around the URL removed")
            return text
        if isinstance(text, str) and _HOST_PATH.match(text) and len(text) <= 1990:
            self.note("import-interpreted", where, f"{what}: {text!r} has no scheme; read as https://{text}")
            return "https://" + text
        self.note("import-interpreted", where, f"{what}: expected an http(s) URL; found {value!r}, left out")
        return None

    def date(self, value: Any, where: tuple[str | int, ...], what: str) -> str | None:
        """A date in claimcheck's notation, at the precision given; times of day are dropped."""
        if value is None:
            return None
        if isinstance(value, str):
            text = value.strip()
            try:
                return PartialDate.parse(text).text
            except DateError:
                pass
            m = _DAY.match(text)
            if m:
                if m[2] == " ":
                    self.note(
                        "import-interpreted",
                        where,
                        f"{what}: {value!r} is not ISO 8601 (a space where 'T' belongs); read as the day {m[1]}",
                    )
                else:
                    self.note(
                        "import-interpreted",
                        where,
                        f"{what}: {value!r} is a date and time; kept as the day {m[1]}, as the publisher dated it",
                    )
                try:
                    return PartialDate.parse(m[1]).text
                except DateError:
                    pass
        self.note("import-interpreted", where, f"{what}: expected an ISO 8601 date; found {value!r}, left out")
        return None

    def text(self, value: Any, where: tuple[str | int, ...], what: str, *, line: bool = False) -> str | None:
        """A non-empty string (the first of a list, with a warning); a line has its breaks folded.

        Only ASCII white space is trimmed: a text the schema accepts (``"\\x1c"``, a no-break space)
        is kept as written, so an export always reads back."""
        if isinstance(value, list):
            items = [v for v in value if isinstance(v, str) and v.strip(_SPACE)]
            if not items:
                return None
            if len(value) > 1:
                self.note("import-interpreted", where, f"{what}: a list of {len(value)}; the first, {items[0]!r}, is kept")
            else:
                self.note("import-interpreted", where, f"{what}: a list holding one text; read as that text")
            value = items[0]
        if not isinstance(value, str) or not value.strip(_SPACE):
            return None
        text = value.strip(_SPACE)
        if line and ("\n" in text or "\r" in text):
            text = " ".join(text.split())
            self.note("import-interpreted", where, f"{what}: line breaks folded into spaces")
        limit = 500 if line else 20000
        if len(text) > limit:
            self.note("import-interpreted", where, f"{what}: {len(text):,} characters cut to {limit:,}")
            text = text[:limit]
        return text

    # ---- scales --------------------------------------------------------------------------------
    def verdict(
        self, publisher: str, label: str, rating: int | None, worst: int | None, best: int | None, where: tuple[str | int, ...]
    ) -> tuple[str, str]:
        """The (scale id, value id) for a rating seen in the file: a scale per publisher and range,
        a new variant when a rating is seen with two labels."""
        numeric = rating is not None and worst is not None and best is not None
        for draft in self.scales:
            if draft.publisher == publisher and (draft.worst, draft.best) == ((worst, best) if numeric else (None, None)):
                found = self._place(draft, label, rating, where)
                if found is not None:
                    return draft.id, found
        if worst is not None and best is not None and rating is not None:
            name = f"{publisher} rating scale, {worst} to {best}"
            draft = ScaleDraft(
                id=self.ids.make(f"{publisher} {worst} to {best}", "scale"), name=name, publisher=publisher, worst=worst, best=best
            )
            for r, end in ((worst, "worst"), (best, "best")):
                draft.values[r] = {"id": f"rating-{r}".replace("--", "-minus-"), "label": f"Rating {r} ({end})", "rating": r}
                draft.fillers.add(r)
        else:
            name = f"{publisher} verdict labels (no numeric ratings)"
            draft = ScaleDraft(id=self.ids.make(f"{publisher} labels", "scale"), name=name, publisher=publisher, worst=None, best=None)
            draft.values[0] = {"id": "placeholder", "label": "(placeholder: the publisher gives no numeric rating)", "rating": 0}
            draft.fillers.add(0)
        self.scales.append(draft)
        found = self._place(draft, label, rating, where)
        assert found is not None
        return draft.id, found

    def _place(self, draft: ScaleDraft, label: str, rating: int | None, where: tuple[str | int, ...]) -> str | None:
        if rating is None:  # a label-only scale: ratings are placeholders in the order labels are seen
            same = next((v for v in draft.values.values() if v["label"] == label), None)
            if same is not None:
                return str(same["id"])
            rating = max(draft.values) + 1
        current = draft.values.get(rating)
        if current is not None and rating not in draft.fillers:
            return str(current["id"]) if current["label"] == label else None
        taken = {str(v["id"]) for r, v in draft.values.items() if r != rating}
        base = slugify(label) or f"rating-{rating}"
        vid, n = base, 1
        while vid in taken:
            n += 1
            vid = f"{base}-{n}"
        value: dict[str, Any] = {"id": vid, "label": label, "rating": rating}
        mapped = KNOWN_LABELS.get(" ".join(label.lower().replace("_", " ").replace("-", " ").split()))
        if mapped:
            value.update(status=mapped[0], fever=mapped[1], averitec=mapped[2])
            self.note(
                "import-interpreted",
                where,
                f"verdict label {label!r} read as evidence status {mapped[0]}, FEVER {mapped[1]}, AVeriTeC {mapped[2]!r}",
            )
        draft.values[rating] = value
        draft.fillers.discard(rating)
        return vid

    def result_scales(self) -> list[dict[str, Any]]:
        """The derived scales in the config's shape."""
        return [d.to_dict() for d in self.scales]
