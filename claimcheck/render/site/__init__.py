"""The static report site: ``build_site(corpus, "reports/site")``.

An index with the disputes first, a page per claim, source and document, a timeline, a map drawn
as inline SVG and a client-side search; relative links throughout, no external request, a
Content-Security-Policy on every page. See ``docs/site.md``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.core.lazy import attributes

if TYPE_CHECKING:
    from claimcheck.render.site.build import PARALLEL_THRESHOLD, build_site, site_pages
    from claimcheck.render.site.common import SiteData
    from claimcheck.render.site.manifest import MANIFEST, BuildResult, up_to_date

#: Loaded on first use, so that :mod:`claimcheck.render.site.manifest` (asked whether a build has
#: anything to do) does not bring the renderer with it: name → module.
_LAZY = {
    **dict.fromkeys(("PARALLEL_THRESHOLD", "build_site", "site_pages"), "claimcheck.render.site.build"),
    "SiteData": "claimcheck.render.site.common",
    **dict.fromkeys(("MANIFEST", "BuildResult", "up_to_date"), "claimcheck.render.site.manifest"),
}


__getattr__ = attributes(__name__, _LAZY)


__all__ = ["MANIFEST", "PARALLEL_THRESHOLD", "BuildResult", "SiteData", "build_site", "site_pages", "up_to_date"]
