"""Where the field's own tools are, when ``.ci/run`` has installed them: the official FEVER scorer
(unpacked from its PyPI sdist, which no longer builds with current setuptools) and Argdown's parser
(npm ``@argdown/core``). Tests that need one skip, saying why, when it is absent."""

from __future__ import annotations

import importlib
import os
import shutil
import sys
from pathlib import Path
from types import ModuleType

#: The folder ``.ci/run`` installs the consumers into.
CONSUMERS = Path(
    os.environ.get("CLAIMCHECK_CONSUMERS") or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimcheck-consumers"
)
FEVER_SCORER_SRC = CONSUMERS / "fever-scorer-2.0.39" / "src"
ARGDOWN = CONSUMERS / "node_modules" / "@argdown" / "core"


def fever_scorer() -> ModuleType | None:
    """The official ``fever.scorer`` module, or ``None`` when it (or the ``six`` it imports) is not installed."""
    if not (FEVER_SCORER_SRC / "fever" / "scorer.py").is_file():
        return None
    if str(FEVER_SCORER_SRC) not in sys.path:
        sys.path.insert(0, str(FEVER_SCORER_SRC))
    try:
        return importlib.import_module("fever.scorer")
    except ImportError:
        return None


def node() -> str | None:
    """The node binary, when Argdown can run."""
    return shutil.which("node") if ARGDOWN.is_dir() else None
