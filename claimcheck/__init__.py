"""claimcheck: record sourced claims and their evidence, check a story for balance, and render
source-attributed briefs, a static report site and research exports.

The public API::

    import claimcheck
    corpus = claimcheck.load("claims")        # every record and every problem
    for problem in corpus.problems: print(problem.format())
    report = claimcheck.analyse(corpus)       # balance findings, statuses, disputes

The package is layered (each layer imports only those below it): ``core`` → ``model`` → ``load`` →
``analysis`` → ``publish`` → ``render`` | ``interop`` → ``editor`` → ``cli``. The names below are
the stable API; everything is importable from its own module too. The rendering, export and
editing functions are loaded on first use, so ``import claimcheck`` stays quick.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from claimcheck.analysis.balance import BalanceReport, Dispute, analyse
from claimcheck.analysis.queries import (
    Inference,
    claims_by_status,
    claims_by_verdict,
    contradiction_closure,
    latest_review,
    support_closure,
)
from claimcheck.analysis.status import Status, status_of, statuses
from claimcheck.core.dates import PartialDate
from claimcheck.core.errors import ClaimcheckError, CorpusNotFoundError, OutputError, ProblemError, UsageError
from claimcheck.core.problems import CATALOGUE, Problem, Severity
from claimcheck.core.version import __version__
from claimcheck.load.loader import load
from claimcheck.model import (
    Appearance,
    Claim,
    CommentRequest,
    Config,
    Document,
    Evidence,
    Hop,
    Interest,
    RatingScale,
    RatingValue,
    Relation,
    Review,
    Source,
    from_dict,
    to_dict,
)
from claimcheck.model.corpus import Corpus
from claimcheck.model.selection import Selection

if TYPE_CHECKING:
    from claimcheck.interop.exporting import ExportResult, export
    from claimcheck.interop.importing import ImportReport, import_into, read_import
    from claimcheck.render.brief import build_context, render_brief, write_brief
    from claimcheck.render.site import BuildResult, build_site

#: Names loaded on first use: (module, attribute).
_LAZY = {
    "export": "claimcheck.interop.exporting",
    "ExportResult": "claimcheck.interop.exporting",
    "import_into": "claimcheck.interop.importing",
    "read_import": "claimcheck.interop.importing",
    "ImportReport": "claimcheck.interop.importing",
    "build_context": "claimcheck.render.brief",
    "render_brief": "claimcheck.render.brief",
    "write_brief": "claimcheck.render.brief",
    "build_site": "claimcheck.render.site",
    "BuildResult": "claimcheck.render.site",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'claimcheck' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "CATALOGUE",
    "Appearance",
    "BalanceReport",
    "BuildResult",
    "Claim",
    "ClaimcheckError",
    "CommentRequest",
    "Config",
    "Corpus",
    "CorpusNotFoundError",
    "Dispute",
    "Document",
    "Evidence",
    "ExportResult",
    "Hop",
    "ImportReport",
    "Inference",
    "Interest",
    "OutputError",
    "PartialDate",
    "Problem",
    "ProblemError",
    "RatingScale",
    "RatingValue",
    "Relation",
    "Review",
    "Selection",
    "Severity",
    "Source",
    "Status",
    "UsageError",
    "__version__",
    "analyse",
    "build_context",
    "build_site",
    "claims_by_status",
    "claims_by_verdict",
    "contradiction_closure",
    "export",
    "from_dict",
    "import_into",
    "latest_review",
    "load",
    "read_import",
    "render_brief",
    "status_of",
    "statuses",
    "support_closure",
    "to_dict",
    "write_brief",
]
