"""Interoperability: exports for researchers and other tools, and imports from fact-checking formats
(see docs/interop.md). Each format is registered by name in :mod:`claimcheck.interop.registry`::

    import claimcheck
    from claimcheck.interop import export, import_into

    corpus = claimcheck.load("claims")
    export(corpus, "sqlite", "out/claims.db")
    report = import_into(["factcheck.html"], "claimreview", "claims/imported.yaml")
"""

from claimcheck.interop.exporting import ExportResult, export
from claimcheck.interop.importing import ImportReport, ImportResult, import_into, read_import
from claimcheck.interop.registry import Exporter, Importer, exporters, importers

__all__ = [
    "ExportResult",
    "Exporter",
    "ImportReport",
    "ImportResult",
    "Importer",
    "export",
    "exporters",
    "import_into",
    "importers",
    "read_import",
]
