"""Templates and static assets, overridable one file at a time, and the rendering of one page.

Lookup order for a template: the user's folder (``--templates DIR``), then the built-in set
(``claimcheck/templates/site``). ``default:NAME`` always names the built-in template, so a user
template can ``{% extends "default:base.html" %}`` and replace one block. Static assets: a file
``DIR/static/<name>`` replaces (or adds to) the built-in ``claimcheck/static/<name>``.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs
import jinja2

from claimcheck.render.assets import BUILTIN_STATIC
from claimcheck.render.assets import files as _files
from claimcheck.render.site.context import PAGE_TEMPLATES, Page
from claimcheck.render.templates import environment as templates_environment
from claimcheck.render.templates import template_errors


def environment(templates: str | os.PathLike[str] | None = None) -> jinja2.Environment:
    """The site's Jinja2 environment (autoescaped), from the one factory."""
    return templates_environment("site", templates, autoescape=True)


def render(env: jinja2.Environment, page: Page) -> str:
    """The HTML of one page: its template gets the page's fields as variables, and ``page`` itself."""
    with template_errors(env):
        template = env.get_template(PAGE_TEMPLATES[type(page)])
        fields = {f.name: getattr(page, f.name) for f in attrs.fields(type(page))}
        return template.render(page=page, **fields)


def static_files(templates: str | os.PathLike[str] | None = None) -> dict[str, bytes]:
    """The static assets by path under ``static/``: built-in ones, replaced or added to by ``DIR/static/``."""
    found = dict(_files(BUILTIN_STATIC))
    if templates is not None:
        found.update(_files(Path(templates) / "static"))
    return {name: found[name].read_bytes() for name in sorted(found)}


# ---- worker processes ---------------------------------------------------------------------------
_ENV: jinja2.Environment | None = None


def init_worker(templates: str | None) -> None:
    """Set up a worker process's environment (``ProcessPoolExecutor`` initializer)."""
    global _ENV
    _ENV = environment(templates)


def render_in_worker(page: Page) -> str:
    """Render a page in a worker process set up by :func:`init_worker`."""
    assert _ENV is not None, "init_worker was not called"
    return render(_ENV, page)
