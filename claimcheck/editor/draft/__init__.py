"""Drafting a story file from an article's text: claims, speakers, attribution chains, quotes and dates
proposed for an editor to confirm (``claimcheck draft``; see ``docs/editing.md``).

The rules read the article sentence by sentence (:mod:`.article`, :mod:`.sentences`), find who is
reported as saying what (:mod:`.patterns`), resolve speakers and documents (:mod:`.names`,
:mod:`.parties`, :mod:`.speakers`), date what they said (:mod:`.dates`), and write every proposal with
a comment saying why (:mod:`.assemble`, :mod:`.render`); :func:`draft_article` and :func:`write_draft`
are the entry points.
"""

from claimcheck.editor.draft.run import Draft, DraftResult, draft_article, write_draft

__all__ = ["Draft", "DraftResult", "draft_article", "write_draft"]
