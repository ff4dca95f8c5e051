"""The IRIs the linked-data exports (W3C Web Annotation, PROV-O) give records, in one place.

Without a base URL a record is ``urn:claimcheck:<kind>:<id>`` (with ``:<part>`` for a part of it, such as
an appearance). With one, a source, document or claim is its page on the site with the fragment
``#it`` (``BASE/claims/<id>.html#it``; a part is ``#appearance-0``...), and other records are
``BASE/#<kind>-<id>``. A bare Wikidata QID in ``same_as`` is ``http://www.wikidata.org/entity/<QID>``.
"""

from __future__ import annotations

from claimcheck.publish.urls import FOLDERS, absolute, entity_url, record_page

__all__ = ["entity_iri", "iri"]


def iri(kind: str, record_id: str, base_url: str | None, part: str | None = None) -> str:
    """The IRI of a record (``kind``: source, document, claim, relation...), or of a ``part`` of it."""
    if base_url is None:
        return f"urn:claimcheck:{kind}:{record_id}" + (f":{part}" if part else "")
    if kind in FOLDERS:
        return absolute(base_url, record_page(kind, record_id)) + "#" + (part or "it")
    return absolute(base_url, "") + f"#{kind}-{record_id}" + (f"-{part}" if part else "")


def entity_iri(same_as: str) -> str | None:
    """A ``same_as`` entry as an IRI (:func:`claimcheck.publish.urls.entity_url`), or ``None``."""
    return entity_url(same_as)
