"""claimcheck: record sourced claims and their evidence, check a story for balance, and render
source-attributed briefs, a static report site and research exports.

The public API::

    import claimcheck
    corpus = claimcheck.load("claims")        # every record and every problem
    for problem in corpus.problems: print(problem.format())
    report = claimcheck.analyse(corpus)       # balance findings, statuses, disputes

The package is layered (each layer imports only those below it): ``core`` → ``model`` → ``load`` →
``analysis`` → ``publish`` → ``render`` | ``interop`` → ``editor`` → ``cli``. The names below are
the stable API; everything is importable from its own module too. Each is loaded on first use, so
``import claimcheck`` (and every command, which imports only the modules it needs) stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.core.lazy import attributes

if TYPE_CHECKING:
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
    from claimcheck.interop.exporting import ExportResult, export
    from claimcheck.interop.importing import ImportReport, import_into, read_import
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
    from claimcheck.render.brief import build_context, render_brief, write_brief
    from claimcheck.render.site import BuildResult, build_site

from claimcheck.core.version import __version__

# ``load`` names both the function and the ``claimcheck.load`` package: bound here, after the package,
# so that the function wins whatever is imported later (importing a submodule would bind the package).
from claimcheck.load.loader import load

#: Every public name but the version and ``load``, loaded on first use (so that a command imports only what it
#: needs): name → module.
_LAZY = {
    **dict.fromkeys(("BalanceReport", "Dispute", "analyse"), "claimcheck.analysis.balance"),
    **dict.fromkeys(
        ("Inference", "claims_by_status", "claims_by_verdict", "contradiction_closure", "latest_review", "support_closure"),
        "claimcheck.analysis.queries",
    ),
    **dict.fromkeys(("Status", "status_of", "statuses"), "claimcheck.analysis.status"),
    "PartialDate": "claimcheck.core.dates",
    **dict.fromkeys(("ClaimcheckError", "CorpusNotFoundError", "OutputError", "ProblemError", "UsageError"), "claimcheck.core.errors"),
    **dict.fromkeys(("CATALOGUE", "Problem", "Severity"), "claimcheck.core.problems"),
    **dict.fromkeys(("export", "ExportResult"), "claimcheck.interop.exporting"),
    **dict.fromkeys(("import_into", "read_import", "ImportReport"), "claimcheck.interop.importing"),
    **dict.fromkeys(
        (
            "Appearance",
            "Claim",
            "CommentRequest",
            "Config",
            "Document",
            "Evidence",
            "Hop",
            "Interest",
            "RatingScale",
            "RatingValue",
            "Relation",
            "Review",
            "Source",
            "from_dict",
            "to_dict",
        ),
        "claimcheck.model",
    ),
    "Corpus": "claimcheck.model.corpus",
    "Selection": "claimcheck.model.selection",
    **dict.fromkeys(("build_context", "render_brief", "write_brief"), "claimcheck.render.brief"),
    **dict.fromkeys(("build_site", "BuildResult"), "claimcheck.render.site"),
}


__getattr__ = attributes(__name__, _LAZY)


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


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
