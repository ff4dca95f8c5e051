"""``claimcheck new``: a new corpus folder with a config and a commented example story.

The example validates with no problems and is written in the canonical style (``claimcheck fmt
--check`` passes on it), so an editor can copy a record, change it and keep going.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

from claimcheck.core.atomic import write_text
from claimcheck.core.errors import UsageError
from claimcheck.load.loader import CONFIG_NAME

__all__ = ["EXAMPLE_NAME", "config_text", "example_text", "new_corpus"]

EXAMPLE_NAME = "example-story.yaml"

_CONFIG = """\
# claimcheck corpus config: the corpus title, rating scales for reviews, and where private full
# texts live. Every other .yaml, .yml or .json file under this folder holds records.
title: {title}
description: >-
  Claims and evidence recorded from reporting, one story per file, each claim with its speaker,
  verbatim quotes and attribution chain.
# Folders (relative to this folder) searched for documents' private full texts, e.g. ["../sources"].
# A document that records a full text (fulltext: {{sha256: ..., file: ...}}) has every quote
# checked against it; full texts are never copied into briefs or the site.
fulltext_paths: {fulltext_paths}
default_scale: five-point
rating_scales:
  - id: five-point
    name: Five-point truth scale
    values:  # worst to best; ids are quoted because bare false/true are YAML booleans
      - id: "false"
        label: "False"
        rating: 1
        description: The claim is wrong.
        status: contradicted  # the evidence-derived status this verdict agrees with
        fever: REFUTES  # the label used by the FEVER data set
        averitec: Refuted  # and by AVeriTeC
      - id: "mostly-false"
        label: "Mostly false"
        rating: 2
        description: The claim holds an element of truth but is wrong in what matters.
        status: contradicted
        fever: REFUTES
        averitec: Refuted
      - id: "mixed"
        label: "Mixed"
        rating: 3
        description: The claim is partly right and partly wrong, or the evidence conflicts.
        status: contested
        fever: NOT ENOUGH INFO
        averitec: Conflicting Evidence/Cherrypicking
      - id: "mostly-true"
        label: "Mostly true"
        rating: 4
        description: The claim is right in what matters but needs clarification or detail.
        status: supported
        fever: SUPPORTS
        averitec: Supported
      - id: "true"
        label: "True"
        rating: 5
        description: The claim is right.
        status: supported
        fever: SUPPORTS
        averitec: Supported
"""

EXAMPLE = """\
# An example story: copy a record, change it, and delete this file when you have your own.
# Add records without writing YAML by hand:  claimcheck add claim PATH  (it asks for each field).
# Check the corpus:  claimcheck validate PATH;  for balance:  claimcheck check PATH.
#
# Ids are readable slugs (lowercase letters, digits, single hyphens), unique across the corpus.

sources:
  # Parties that speak or publish. kind: person | organisation | government-body | company |
  # news-outlet | research-firm | unnamed-group ("analysts": never promoted to a named party).
  - id: example-council
    name: Example Town Council
    short_name: "the council"  # the name as it reads inside a sentence
    kind: government-body
    description: The council that commissioned the new bridge.
    interests:  # why the party may gain from one answer (claimcheck check warns of claims resting on them alone)
      - description: It commissioned the bridge and answers for its cost.
        subjects: [example-builder]
        topics: [bridge-contract]

  - id: example-builder
    name: Example Builders Ltd
    short_name: "Example Builders"
    kind: company
    description: The contractor building the bridge.

  - id: example-gazette
    name: The Example Gazette
    kind: news-outlet
    description: Local newspaper.

documents:
  # Where words appear. A document known only from another's report of it gets seen: false.
  - id: example-gazette-bridge-article
    title: Council and builder at odds over bridge deadline
    kind: article
    publisher: example-gazette
    date: "2024-03"  # dates keep their real precision: 2024, 2024-03, 2024-03-14, 2024-03-01/2024-03-07
    language: en
    note: An invented article, to show the format.

claims:
  # One proposition each, neutrally worded, with who said it and where (the quote is verbatim).
  # kind: allegation | assertion | denial | action | assessment | prediction | background
  - id: council-builder-missed-deadline
    text: Example Builders missed the contractual deadline for the bridge.
    speaker: example-council
    kind: allegation
    date: "2024-03"
    topics: [bridge-contract]
    subjects: [example-builder]  # the parties it is about: each is owed a reply to an allegation
    appearances:
      - document: example-gazette-bridge-article
        quote: The council said the builder had missed the contractual deadline
        locator: paragraph 1
        chain:  # from the speaker outward; omitted, the speaker paraphrased by the document
          - {source: example-council, mode: paraphrase}

  - id: builder-deadline-met
    text: Example Builders met every deadline in its contract for the bridge.
    speaker: example-builder
    kind: denial
    date: "2024-03"
    topics: [bridge-contract]
    subjects: [example-builder]
    # status: draft  # draft | in-review | published (the default): drafts stay out of briefs and the site
    appearances:
      - document: example-gazette-bridge-article
        quote: We have met every deadline in our contract
        locator: paragraph 2
        chain:
          - {source: example-builder, mode: direct-quote}

relations:
  # What bears on a claim: another claim (by) or a quoted passage (evidence: {document, quote}).
  # type: supports | contradicts | qualifies | context | responds-to | denies
  - id: builder-denies-missed-deadline
    type: denies
    target: council-builder-missed-deadline
    by: builder-deadline-met
    note: The builder answers the council's allegation directly.
"""


def config_text(title: str, fulltext_paths: Sequence[str] = ()) -> str:
    """The ``claimcheck.yaml`` of a new corpus titled ``title``, looking for full texts in ``fulltext_paths``."""
    return _CONFIG.format(title=json.dumps(title, ensure_ascii=False), fulltext_paths=json.dumps(list(fulltext_paths)))


def example_text() -> str:
    """The commented example story of a new corpus."""
    return EXAMPLE


def new_corpus(
    path: str | os.PathLike[str], *, title: str | None = None, example: bool = True, texts: str | os.PathLike[str] | None = None
) -> list[Path]:
    """Create a corpus at ``path``: ``claimcheck.yaml`` and (``example``) the example story.

    ``texts`` is the folder where the documents' private full texts will be kept; the config records
    it relative to the corpus (``fulltext_paths``). Refuses (:class:`UsageError`) a ``path`` that is
    a file or a folder that is not empty. Returns the files written.
    """
    root = Path(path)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise UsageError(f"{root} already exists and is not an empty folder: choose a new folder for the corpus")
    written = [root / CONFIG_NAME]
    folders = [os.path.relpath(Path(texts).resolve(), root.resolve()).replace(os.sep, "/")] if texts is not None else []
    name = title or root.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize() or "Claims"
    write_text(written[0], config_text(name, folders))
    if example:
        written.append(root / EXAMPLE_NAME)
        write_text(written[1], example_text())
    return written
