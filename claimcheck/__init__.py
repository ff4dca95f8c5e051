"""claimcheck: record sourced claims and their evidence, check a story for balance, and render
source-attributed briefs, a static report site and research exports.

The public API::

    import claimcheck
    corpus = claimcheck.load("claims")        # every record and every problem
    for problem in corpus.problems: print(problem.format())
"""

from claimcheck.corpus import Corpus
from claimcheck.dates import PartialDate
from claimcheck.errors import ClaimcheckError, CorpusNotFoundError, OutputError, ProblemError, UsageError
from claimcheck.loader import load
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
from claimcheck.problems import CATALOGUE, Problem, Severity

__version__ = "0.1.0"

__all__ = [
    "CATALOGUE",
    "Appearance",
    "Claim",
    "ClaimcheckError",
    "CommentRequest",
    "Config",
    "Corpus",
    "CorpusNotFoundError",
    "Document",
    "Evidence",
    "Hop",
    "Interest",
    "OutputError",
    "PartialDate",
    "Problem",
    "ProblemError",
    "RatingScale",
    "RatingValue",
    "Relation",
    "Review",
    "Severity",
    "Source",
    "UsageError",
    "__version__",
    "from_dict",
    "load",
    "to_dict",
]
