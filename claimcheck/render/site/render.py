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
import jinja2.runtime
from markupsafe import Markup

from claimcheck.render.assets import BUILTIN_STATIC
from claimcheck.render.assets import files as _files
from claimcheck.render.site.context import PAGE_TEMPLATES, Page
from claimcheck.render.templates import environment as templates_environment
from claimcheck.render.templates import template_errors


def environment(templates: str | os.PathLike[str] | None = None) -> jinja2.Environment:
    """The site's Jinja2 environment (autoescaped), from the one factory, with :class:`Once` as ``once``."""
    env = templates_environment("site", templates, autoescape=True)
    env.globals["once"] = Once()
    return env


class Once:
    """``{{ once(macro, item, *args, root=root) }}``: ``macro(item, *args)``, rendered the first time and
    given again after, for the life of the environment (one build). A claim's card is listed on the
    index, its parties' and documents' pages, the timeline and its map, and rendering it once instead
    of five to eight times pays. The macro must depend only on what it is given and on ``root`` (the
    page's way back to the site's top, which pages at other depths write otherwise)."""

    def __init__(self) -> None:
        self._made: dict[tuple[object, ...], tuple[object, Markup]] = {}

    def __call__(self, macro: jinja2.runtime.Macro, item: object, *args: object, root: str = "") -> Markup:
        key = (macro.name, id(item), root, *args)
        made = self._made.get(key)
        if made is None or made[0] is not item:  # the item is held, so its id is never another's
            made = (item, Markup(macro(item, *args)))  # noqa: S704 - the macro's own autoescaped output
            self._made[key] = made
        return made[1]


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
