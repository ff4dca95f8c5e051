"""The static report site: ``build_site(corpus, "reports/site")``.

An index with the disputes first, a page per claim, source and document, a timeline, a map drawn
as inline SVG and a client-side search; relative links throughout, no external request, a
Content-Security-Policy on every page. See ``docs/site.md``.
"""

from claimcheck.render.site.build import MANIFEST, PARALLEL_THRESHOLD, BuildResult, build_site, site_pages
from claimcheck.render.site.common import SiteData

__all__ = ["MANIFEST", "PARALLEL_THRESHOLD", "BuildResult", "SiteData", "build_site", "site_pages"]
