"""One synthetic story: its own parties and documents, 10-30 claims, relations, comment requests and reviews.

A story is an affair: an accused party (a company from the shared pool, or a local official), accusers
(a ministry, an NGO, a whistleblower, unnamed officials), a research firm and the outlets reporting it.
Allegations are denied, answered, put to the accused for comment, or left unanswered; assessments
support, contradict or qualify them; background gives context. Everything depends only on the seed
and the story's index.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import synth_vocab as v
from synth_parties import Pool, iso, sha256, unique

FIVE = ("false", "mostly-false", "mixed", "mostly-true", "true")
THREE = ("inaccurate", "disputed", "accurate")
KIND_WEIGHTS = {"allegation": 25, "assertion": 15, "assessment": 20, "prediction": 8, "action": 10, "background": 22}
#: What becomes of an allegation: denied, answered, put to the accused (comment request), or nothing.
FATES = {"denial": 50, "response": 20, "comment": 15, "none": 15}


def pick(rng: random.Random, weights: dict[str, int]) -> str:
    """A key of ``weights``, chosen in proportion to its weight."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


class Story:
    """Builds one story file's records (:meth:`build`) and the full texts of its documents."""

    def __init__(self, pool: Pool, seed: int, index: int, n_claims: int, width: int, fulltext_share: float) -> None:
        self.pool, self.index, self.n, self.share = pool, index, n_claims, fulltext_share
        self.rng = random.Random(f"{seed}:story:{index}")  # noqa: S311 - seeded, reproducible test data, not secrets
        self.sid = f"s{index:0{width}d}"
        self.used: set[str] = set()
        self.names: dict[str, str] = {}
        self.sources: list[dict[str, Any]] = []
        self.documents: list[dict[str, Any]] = []
        self.claims: list[dict[str, Any]] = []
        self.relations: list[dict[str, Any]] = []
        self.comments: list[dict[str, Any]] = []
        self.reviews: list[dict[str, Any]] = []
        self.fulltexts: dict[str, str] = {}
        self.passages: dict[str, list[str]] = {}  # document id → quotes taken from it, in order
        self.edit_claim = ""
        self.misdeed: dict[str, int] = {}  # allegation id → index in MISDEEDS

    # ---- helpers ---------------------------------------------------------------------------------
    def new_id(self, *parts: str) -> str:
        """A unique id in this story: ``s00042-<parts>``."""
        return unique(v.slug(f"{self.sid}-{'-'.join(parts)}"), self.used)

    def name(self, sid: str) -> str:
        """The party's name as it reads in a sentence."""
        return self.names.get(sid) or self.pool.names[sid]

    def local(self, name: str, kind: str, description: str, *, short_name: str | None = None, **extra: Any) -> str:
        """Add a story-local source; return its id."""
        sid = self.new_id(name)
        rec: dict[str, Any] = {"id": sid, "name": name}
        if short_name:
            rec["short_name"] = short_name
        rec.update(kind=kind, description=description, **extra)
        self.sources.append(rec)
        self.names[sid] = short_name or name
        return sid

    def date_before(self, day: dt.date, *, background: bool = False) -> str | None:
        """A claim date at a realistic precision that cannot fall after ``day``."""
        r = self.rng.random()
        if background:
            return (
                str(day.year - self.rng.randint(0, 6)) if r < 0.8 else f"{day.year - self.rng.randint(1, 4)}-{self.rng.randint(1, 12):02d}"
            )
        if r < 0.30:
            return iso(day)
        if r < 0.50:
            return iso(day - dt.timedelta(days=self.rng.randint(1, 20)))
        if r < 0.75:
            return f"{day:%Y-%m}"
        if r < 0.90:
            return f"../{day:%Y-%m}"
        if r < 0.95:
            return f"{iso(day - dt.timedelta(days=7))}/{iso(day)}"
        return None

    # ---- the cast and the documents --------------------------------------------------------------
    def cast(self) -> None:
        rng, pool = self.rng, self.pool
        self.country, self.gov, ministries = rng.choice(pool.countries)
        self.ministry = rng.choice(ministries)
        self.city = v.place(rng)
        self.obj = rng.choice(v.OBJECTS).format(place=self.city)
        self.topics = sorted(rng.sample(v.TOPICS, 3))
        self.day = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randint(0, 3650))
        self.outlet, self.wire, self.third = rng.sample(pool.outlets, 3)
        self.firm, self.ngo = rng.choice(pool.firms), rng.choice(pool.ngos)
        if rng.random() < 0.7:
            self.accused = rng.choice(pool.companies)
            speaks_for = self.accused
            if rng.random() < 0.3:  # the accused is a local subsidiary; the parent's spokesperson answers for it
                parent = self.accused
                self.accused = self.local(
                    f"{self.name(parent)} {self.city}",
                    "company",
                    f"Subsidiary of {self.name(parent)} running {self.obj}.",
                    part_of=[parent],
                    interests=[{"description": "The accused party: its contracts depend on the answer.", "subjects": [], "stance": "for"}],
                )
                self.sources[-1]["interests"][0]["subjects"] = [self.accused]
            who = v.person(rng)
            self.spokesperson = self.local(
                who, "person", f"Spokesperson for {self.name(speaks_for)}.", represents=[speaks_for], aliases=[who.split()[-1]]
            )
        else:
            who = v.person(rng)
            self.accused = self.local(
                who,
                "person",
                f"Mayor of {self.city}.",
                affiliations=[self.gov],
                interests=[
                    {"description": f"The mayor approved {self.obj} and is accused over it.", "subjects": [], "topics": self.topics[:1]}
                ],
            )
            self.sources[-1]["interests"][0]["subjects"] = [self.accused]
            self.spokesperson = self.accused
        self.headline = f"{v.cap(self.name(self.accused))} accused over {self.obj}"
        self.slug = v.slug(f"{self.name(self.accused)} {self.city}")[:40].strip("-")
        self.whistleblower = self.local(
            v.person(rng),
            "person",
            f"Former engineer on {self.obj}.",
            interests=[
                {
                    "description": f"In a legal dispute with {self.name(self.accused)} over dismissal.",
                    "subjects": [self.accused],
                    "stance": "against",
                }
            ],
        )
        self.journalist = self.local(v.person(rng), "person", f"Reporter for {self.name(self.outlet)}.", affiliations=[self.outlet])
        self.unnamed = []
        for label, phrase in rng.sample(v.UNNAMED, rng.randint(0, 2)):
            self.unnamed.append(
                self.local(label, "unnamed-group", f"Cited without names by the articles on {self.obj}.", short_name=phrase)
            )
        self.accusers = [self.ministry, self.ngo, self.whistleblower, *self.unnamed]
        self.articles: list[str] = []
        self.publisher: dict[str, str] = {}
        for k in range(1, rng.randint(1, 3) + 1):
            day = self.day + dt.timedelta(days=(k - 1) * rng.randint(1, 5))
            publisher = self.outlet if k == 1 else self.wire
            doc = {
                "id": self.new_id("article", str(k)),
                "title": self.headline if k == 1 else f"{self.headline}: follow-up {k}",
                "kind": "article",
                "publisher": publisher,
                "authors": [self.journalist] if publisher == self.outlet else [],
                "date": iso(day),
                "url": f"https://{v.slug(self.name(publisher))}.example/{day.year}/{self.sid}-{k}",
                "retrieved": iso(day + dt.timedelta(days=rng.randint(10, 400))),
                "language": "en",
                "fulltext": rng.random() < self.share,
            }
            if not doc["authors"]:
                del doc["authors"]
            if k > 1 and rng.random() < 0.3:  # the wire's follow-up reprints the first story: one origin
                doc["reprints"] = self.articles[0]
                doc["title"] = self.headline
            if rng.random() < 0.08:
                doc["corrections"] = [
                    {
                        "date": iso(day + dt.timedelta(days=rng.randint(1, 9))),
                        "kind": rng.choice(("correction", "update", "clarification")),
                        "note": f"An earlier version of this article misstated the cost of {self.obj}.",
                    }
                ]
            self.documents.append(doc)
            self.articles.append(doc["id"])
            self.publisher[doc["id"]] = publisher
        self.own_doc: dict[str, str] = {}  # publisher → its unseen document
        self.doc_kind: dict[str, str] = {}
        for publisher, kind in rng.sample(
            [(self.ministry, "letter"), (self.accused, "statement"), (self.ngo, "report"), (self.gov, "filing")], rng.randint(1, 3)
        ):
            doc_id = self.new_id(kind, v.slug(self.name(publisher))[:24])
            self.documents.append(
                {
                    "id": doc_id,
                    "title": f"{v.cap(self.name(publisher))} {kind} on {self.obj} (title not given)",
                    "kind": kind,
                    "publisher": publisher,
                    "date": f"../{self.day:%Y-%m}",
                    "seen": False,
                    "note": "Known only from the articles, which do not date it.",
                }
            )
            self.own_doc[publisher] = doc_id
            self.doc_kind[doc_id] = kind
        self.report = None
        if rng.random() < 0.4:
            self.report = self.new_id("report", v.slug(self.name(self.firm))[:24])
            self.documents.append(
                {
                    "id": self.report,
                    "title": f"{v.cap(self.name(self.firm))} review of {self.obj}",
                    "kind": "report",
                    "publisher": self.firm,
                    "date": iso(self.day - dt.timedelta(days=rng.randint(1, 60))),
                    "url": f"https://{v.slug(self.name(self.firm))}.example/reports/{self.sid}",
                    "fulltext": rng.random() < self.share,
                }
            )

    # ---- claims ---------------------------------------------------------------------------------
    def fill(self, template: str) -> str:
        return template.format(
            obj=self.obj,
            obj_cap=v.cap(self.obj),
            place=self.city,
            year=self.day.year + self.rng.randint(0, 2),
            amount=self.rng.randint(12, 900),
        )

    def chain(self, speaker: str, kind: str, publisher: str) -> list[dict[str, Any]] | None:
        """1-3 hops from the speaker to the party before the document (whose publisher is never a hop)."""
        rng = self.rng
        relay = [o for o in (self.wire, self.third, self.outlet) if o != publisher]
        if speaker in self.unnamed:
            hops = [{"source": speaker, "mode": "unnamed-source"}]
            return [*hops, {"source": relay[0], "mode": "paraphrase"}] if rng.random() < 0.3 else hops
        if kind == "background" or speaker in (self.outlet, self.wire):
            return None
        r = rng.random()
        if r < 0.35:
            return None
        if r < 0.55:
            return [{"source": speaker, "mode": "direct-quote"}]
        if r < 0.70 and speaker in self.own_doc:
            return [{"source": speaker, "mode": "cites-document", "document": self.own_doc[speaker]}]
        if r < 0.85:
            return [{"source": speaker, "mode": "paraphrase"}, {"source": relay[0], "mode": "paraphrase"}]
        if r < 0.92 and self.unnamed:
            return [{"source": speaker, "mode": "paraphrase"}, {"source": self.unnamed[0], "mode": "unnamed-source"}]
        return [
            {"source": speaker, "mode": "direct-quote"},
            {"source": relay[0], "mode": "paraphrase"},
            {"source": relay[1], "mode": "paraphrase"},
        ]

    def quote(self, text: str, speaker: str, hops: list[dict[str, Any]] | None, kind: str) -> str:
        body = text.rstrip(".")
        lower = "the " + body[4:] if body.startswith("The ") else body
        who = v.cap(self.name(speaker))
        mode = hops[-1]["mode"] if hops else "paraphrase"
        if kind == "background":
            return body
        if mode == "direct-quote":
            return f'{who} said: "{body}"'
        if mode == "unnamed-source":
            return f"According to {self.name(hops[-1]['source'])}, {lower}"
        if mode == "cites-document":
            return f"In a {self.doc_kind[hops[0]['document']]}, {who} said that {lower}"
        if hops and len(hops) > 1:
            return f"{who} said that {lower}, {self.name(hops[-1]['source'])} reported"
        return f"{who} said that {lower}"

    def claim(self, kind: str, speaker: str, text: str, subjects: list[str], *, cid: str | None = None) -> dict[str, Any]:
        rng = self.rng
        cid = cid or self.new_id(f"{len(self.claims):02d}", kind)
        rec: dict[str, Any] = {"id": cid, "text": text, "speaker": speaker, "kind": kind}
        date = self.date_before(self.day, background=kind == "background")
        if date:
            rec["date"] = date
            if rng.random() < 0.3:
                rec["date_note"] = "Resolved against the date of the first article."
        rec["topics"] = sorted(rng.sample(self.topics, rng.randint(1, 2)))
        if subjects:
            rec["subjects"] = subjects
        if rng.random() < 0.15:
            rec["tags"] = sorted(rng.sample(v.TAGS, rng.randint(1, 2)))
        lead = cid.endswith("-lead")
        if not lead and rng.random() < 0.04 and kind not in ("denial", "background"):
            parents = [c["id"] for c in self.claims if c["kind"] in ("allegation", "assertion")]
            if parents:
                rec["parent"] = rng.choice(parents)
        if not lead and rng.random() < 0.05:
            rec["status"] = "draft" if rng.random() < 0.6 else "in-review"
        apps = []
        for doc in sorted(rng.sample(self.articles, 2 if len(self.articles) > 1 and rng.random() < 0.2 else 1)):
            hops = self.chain(speaker, kind, self.publisher[doc])
            app: dict[str, Any] = {"document": doc, "quote": self.quote(text, speaker, hops, kind)}
            self.passages.setdefault(doc, []).append(app["quote"])
            if hops:
                app["chain"] = hops
            if rng.random() < 0.6:
                app["locator"] = f"paragraph {len(self.passages[doc])}"
            r = rng.random()
            if r < 0.03 and kind != "background":  # the speaker's words, translated by the outlet
                app["original"] = {"text": f"{v.cap(self.name(speaker))} a dit : {text.rstrip('.')}", "language": "fr"}
                app["translated_by"] = self.publisher[doc]
            elif r < 0.05:
                published = dt.date.fromisoformat(next(d["date"] for d in self.documents if d["id"] == doc))
                app["corrections"] = [{"date": iso(published + dt.timedelta(days=2)), "before": app["quote"].replace(" the ", " a ", 1)}]
            apps.append(app)
        rec["appearances"] = apps
        if rng.random() < 0.05:
            rec["context"] = [f"{v.cap(self.obj)} was one of the largest public projects in {self.country} that year."]
        if rng.random() < 0.02:
            rec["external"] = {
                "publisher": "Fictional Review of Books",
                "title": f"Essay on {self.obj}",
                "date": f"{self.day.year - 1}",
                "url": f"https://review.example/{self.sid}",
            }
        if rng.random() < 0.08:
            rec["note"] = "Wording kept close to the article's; the article does not say who else was present."
        self.claims.append(rec)
        return rec

    def relation(self, kind: str, target: str, *, by: str | None = None, evidence: dict[str, Any] | None = None) -> None:
        rec: dict[str, Any] = {"id": self.new_id("r", f"{len(self.relations):02d}", kind), "type": kind, "target": target}
        if by:
            rec["by"] = by
        else:
            rec["evidence"] = evidence
        if self.rng.random() < 0.2:
            rec["note"] = f"Read as bearing on the claim because both concern {self.obj}."
        if self.rng.random() < 0.02:
            rec["status"] = "draft"
        self.relations.append(rec)

    def allegation(self, *, lead: bool = False) -> tuple[dict[str, Any], str]:
        rng = self.rng
        speaker = rng.choice(self.accusers)
        which = rng.randrange(len(v.MISDEEDS))
        misdeed = v.MISDEEDS[which][0]
        subjects = [self.accused] + ([self.gov] if rng.random() < 0.15 and self.gov != self.accused else [])
        text = f"{v.cap(self.name(self.accused))} {self.fill(misdeed)}."
        rec = self.claim("allegation", speaker, text, subjects, cid=f"{self.sid}-lead" if lead else None)
        self.misdeed[rec["id"]] = which
        if self.report and rng.random() < 0.25:
            quote = f"Our review of {self.obj} found {rng.choice(('irregular payments', 'missing safety records', 'no evidence of wrongdoing'))}"
            self.passages.setdefault(self.report, []).append(quote)
            self.relation(
                rng.choice(("supports", "contradicts")),
                rec["id"],
                evidence={"document": self.report, "quote": quote, "locator": f"p. {rng.randint(2, 40)}"},
            )
        return rec, pick(rng, FATES)

    def answer(self, allegation: dict[str, Any], fate: str) -> None:
        """The accused's denial of, or response to, an allegation."""
        if fate == "denial":
            denial = v.MISDEEDS[self.misdeed[allegation["id"]]][1]
            rec = self.claim("denial", self.spokesperson, f"{v.cap(self.name(self.accused))} {self.fill(denial)}.", [self.accused])
            self.relation("denies", allegation["id"], by=rec["id"])
        else:
            text = f"{v.cap(self.name(self.accused))} {self.fill(self.rng.choice(v.ASSERTIONS))}."
            rec = self.claim("assertion", self.spokesperson, text, [self.accused])
            self.relation("responds-to", allegation["id"], by=rec["id"])
            if self.rng.random() < 0.1:  # a concession: a statement against the accused's own interest
                rec["bearing"] = "adverse"

    def other(self, kind: str) -> None:
        rng = self.rng
        earlier = [c["id"] for c in self.claims if c["kind"] != "background"]
        if kind == "assertion":
            speaker = rng.choice([self.ministry, self.ngo, self.whistleblower, self.gov])
            rec = self.claim(kind, speaker, f"{v.cap(self.name(speaker))} {self.fill(rng.choice(v.ASSERTIONS))}.", [self.accused])
        elif kind == "assessment":
            speaker = rng.choice([self.firm, self.outlet, *self.unnamed[:1]])
            rec = self.claim(kind, speaker, self.fill(rng.choice(v.ASSESSMENTS)) + ".", [self.accused])
            allegations = [c["id"] for c in self.claims if c["kind"] == "allegation"]
            if allegations and rng.random() < 0.5:
                self.relation(rng.choice(("supports", "supports", "contradicts", "qualifies")), rng.choice(allegations), by=rec["id"])
        elif kind == "prediction":
            speaker = rng.choice([self.firm, self.ministry, self.ngo])
            rec = self.claim(kind, speaker, self.fill(rng.choice(v.PREDICTIONS)) + ".", [])
        elif kind == "action":
            speaker = rng.choice([self.ministry, self.gov])
            rec = self.claim(kind, speaker, f"{v.cap(self.name(speaker))} {self.fill(rng.choice(v.ACTIONS))}.", [self.accused])
        else:
            speaker = rng.choice([self.outlet, self.gov])
            rec = self.claim("background", speaker, self.fill(rng.choice(v.BACKGROUND)) + ".", [])
            if earlier and rng.random() < 0.5:
                self.relation("context", rng.choice(earlier), by=rec["id"])

    def build(self) -> dict[str, Any]:
        """The story file's contents; fills :attr:`fulltexts` and :attr:`edit_claim`."""
        rng = self.rng
        self.cast()
        pending: list[tuple[dict[str, Any], str]] = []
        fates: list[tuple[dict[str, Any], str]] = []

        def allege(lead: bool = False) -> None:
            fates.append(self.allegation(lead=lead))
            if fates[-1][1] in ("denial", "response"):
                pending.append(fates[-1])

        allege(lead=True)
        while len(self.claims) < self.n:  # each step adds exactly one claim
            if pending and rng.random() < 0.45:
                self.answer(*pending.pop(0))
                continue
            kind = pick(rng, KIND_WEIGHTS)
            if kind == "allegation":
                allege()
            else:
                self.other(kind)
        unanswered = {a["id"] for a, _ in pending}
        for k, (alleg, fate) in enumerate(fates):
            if fate == "comment" or alleg["id"] in unanswered:
                outcome = rng.choice(("asked", "declined", "not-reached", "declined", "no-response", "not-asked"))
                com: dict[str, Any] = {
                    "id": self.new_id("comment", str(k)),
                    "subject": self.accused,
                    "claims": [alleg["id"]],
                    "outcome": outcome,
                }
                if self.spokesperson != self.accused and rng.random() < 0.5:
                    com["asked_via"] = self.spokesperson
                if outcome == "not-asked":
                    com["reason"] = f"{v.cap(self.name(self.accused))} had been dissolved; nobody could answer for it."
                else:
                    com["asked"] = iso(self.day - dt.timedelta(days=2))
                if outcome not in ("asked", "not-asked", "no-response"):
                    com["date"] = iso(self.day - dt.timedelta(days=1))
                if rng.random() < 0.3:
                    com["document"] = self.articles[0]
                self.comments.append(com)
        if self.index > 1 and rng.random() < 0.08:
            other = f"s{max(1, self.index - rng.randint(1, 50)):0{len(self.sid) - 1}d}-lead"
            self.relation(rng.choice(("context", "supports")), other, by=f"{self.sid}-lead")
        for claim in self.claims:
            if claim["kind"] != "background" and rng.random() < 0.1:
                self.review(claim)
        self.edit_claim = next(c["id"] for c in self.claims[1:] + self.claims if "status" not in c)
        self.finish_documents()
        out = {"sources": self.sources, "documents": self.documents, "claims": self.claims, "relations": self.relations}
        if self.comments:
            out["comments"] = self.comments
        if self.reviews:
            out["reviews"] = self.reviews
        return out

    def review(self, claim: dict[str, Any]) -> None:
        rng = self.rng
        rec: dict[str, Any] = {"id": self.new_id("review", claim["id"].removeprefix(self.sid + "-")), "claim": claim["id"]}
        if rng.random() < 0.2:
            rec["scale"] = "three-point"
            rec["verdict"] = rng.choice(THREE)
        else:
            rec["verdict"] = rng.choice(FIVE)
        rec["rationale"] = f"Checked against the records of {self.obj} and the parties' statements."
        rec["reviewer"] = "Verification desk"
        rec["date"] = iso(self.day + dt.timedelta(days=rng.randint(3, 90)))
        if rng.random() < 0.3:
            rec["url"] = f"https://factcheck.example/{claim['id']}"
        if rng.random() < 0.05:
            rec["corrections"] = [{"date": iso(self.day + dt.timedelta(days=120)), "note": "The rationale misstated the contract's value."}]
        self.reviews.append(rec)

    def finish_documents(self) -> None:
        """Write the full texts of documents that have one (every quote from them inside), and record their sha256."""
        for doc in self.documents:
            wanted = doc.pop("fulltext", False)
            if not wanted:
                continue
            paragraphs = []
            for k, passage in enumerate(self.passages.get(doc["id"], [])):
                paragraphs.append(f"{v.FILLER[k % len(v.FILLER)]} {passage}.")
            text = f"{doc['title']}\n\n" + "\n\n".join(_wrap(p) for p in paragraphs) + "\n"
            if self.rng.random() < 0.5:  # typographic apostrophes and quotes, as publishers print them
                text = text.replace("'", "\u2019")
            name = f"{doc['id']}.txt"
            self.fulltexts[name] = text
            doc["fulltext"] = {"sha256": sha256(text), "file": name}


def _wrap(text: str, width: int = 78) -> str:
    """Break ``text`` into lines at spaces (quotes are matched across line breaks)."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])
