"""The editor's workflow: start a corpus, add records without writing YAML by hand, keep files in
one layout, preview the site as it changes, see what is not yet published, and compare versions.

Each command of ``claimcheck`` (``new``, ``add``, ``draft``, ``fmt``, ``serve``, ``review``, ``diff``)
calls one function here; see ``docs/editing.md``.
"""

from claimcheck.editor import draft
from claimcheck.editor.add import AddResult, RecordError, add_record, story_file
from claimcheck.editor.diff import Change, CorpusDiff, diff_corpora, export_revision, word_diff, write_corrections
from claimcheck.editor.fmt import FmtResult, format_paths, format_text
from claimcheck.editor.records import FIELDS, KINDS, Field, build_record, check_record
from claimcheck.editor.review import Pending, unpublished
from claimcheck.editor.scaffold import new_corpus
from claimcheck.editor.yamlstyle import EditError

__all__ = [
    "FIELDS",
    "KINDS",
    "AddResult",
    "Change",
    "CorpusDiff",
    "EditError",
    "Field",
    "FmtResult",
    "Pending",
    "RecordError",
    "add_record",
    "build_record",
    "check_record",
    "diff_corpora",
    "draft",
    "export_revision",
    "format_paths",
    "format_text",
    "new_corpus",
    "story_file",
    "unpublished",
    "word_diff",
    "write_corrections",
]
