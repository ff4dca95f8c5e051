"""The recurring parties of the synthetic corpus (``parties.yaml``), shared by every story, and small helpers."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from typing import Any

import synth_vocab as vocab


def iso(day: dt.date) -> str:
    """A day as YYYY-MM-DD."""
    return day.isoformat()


class Pool:
    """The recurring parties shared by every story (``parties.yaml``), by role."""

    def __init__(self, size: int, seed: int) -> None:
        rng = random.Random(f"{seed}:pool")  # noqa: S311 - seeded, reproducible test data, not secrets
        self.rng = rng
        self.used: set[str] = set()
        self.records: list[dict[str, Any]] = []
        self.countries: list[tuple[str, str, list[str]]] = []  # (country name, government id, ministry ids)
        self.companies: list[str] = []
        self.outlets: list[str] = []
        self.firms: list[str] = []
        self.ngos: list[str] = []
        self.names: dict[str, str] = {}
        n_countries = max(3, size // 25)
        for _ in range(n_countries):
            country = vocab.place(rng)
            gov = self.add(f"Government of {country}", "government-body", short=f"the {country} government", aliases=[country])
            ministries = [
                self.add(
                    f"{country} Ministry of {m}", "government-body", short=f"the {country} ministry of {m.lower()}", affiliations=[gov]
                )
                for m in rng.sample(vocab.MINISTRIES, 3)
            ]
            self.countries.append((country, gov, ministries))
        for _ in range(max(5, size * 2 // 5)):
            name = f"{vocab.place(rng)} {rng.choice(vocab.INDUSTRIES)}"
            cid = self.add(name, "company", short=name)
            self.records[-1]["interests"] = [
                {
                    "description": f"{name} is the subject of the allegations and stands to lose contracts if they are believed.",
                    "subjects": [cid],
                    "topics": sorted(rng.sample(vocab.TOPICS, 2)),
                }
            ]
            self.companies.append(cid)
        for _ in range(max(4, size // 12)):
            self.outlets.append(self.add(f"The {vocab.place(rng)} {rng.choice(vocab.PAPERS)}", "news-outlet"))
        for _ in range(max(3, size // 12)):
            fid = self.add(f"{vocab.place(rng)} {rng.choice(vocab.FIRMS)}", "research-firm")
            self.firms.append(fid)
            if rng.random() < 0.5:
                self.records[-1]["interests"] = [
                    {
                        "description": "Sells consulting to the governments whose policies it assesses.",
                        "topics": sorted(rng.sample(vocab.TOPICS, 3)),
                    }
                ]
        for _ in range(max(3, size // 10)):
            self.ngos.append(self.add(f"{rng.choice(vocab.NGO_WORDS)} {vocab.place(rng)}", "organisation"))

    def add(
        self, name: str, kind: str, *, short: str | None = None, aliases: list[str] | None = None, affiliations: list[str] | None = None
    ) -> str:
        """Record a party and return its new, unique id."""
        sid = unique(vocab.slug(name), self.used)
        rec: dict[str, Any] = {"id": sid, "name": name, "kind": kind}
        if short and short != name:
            rec["short_name"] = short
        rec["description"] = f"{vocab.KIND_WORDS[kind].capitalize()} that recurs across the corpus's stories."
        if aliases:
            rec["aliases"] = aliases
        if affiliations:
            rec["affiliations"] = affiliations
        self.records.append(rec)
        self.names[sid] = short or name
        return sid

    def file(self) -> dict[str, Any]:
        """The contents of ``parties.yaml``."""
        return {"sources": self.records}


def unique(base: str, used: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever is not in ``used`` (which it is added to)."""
    sid, n = base, 1
    while sid in used:
        n += 1
        sid = f"{base}-{n}"
    used.add(sid)
    return sid


def sha256(text: str) -> str:
    """The sha256 of ``text`` in UTF-8, as the loader computes it from the file's bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
