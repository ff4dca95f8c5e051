"""Extension points, as pytest and datasette do them: pluggy hooks, and plugins found through the
``claimcheck`` entry-point group of installed packages.

A newsroom adds its own balance checks, exports, importers, problem codes and template variables
without forking claimcheck. A plugin is a module (or object) with functions named after the hooks
below and marked with :data:`hookimpl`; a package makes it found by declaring it in its
``pyproject.toml``::

    [project.entry-points.claimcheck]
    house_rules = "claimcheck_house_rules"

See ``docs/plugins.md`` for each hook with a worked example (``examples/plugins/house_rules``).
The registries that read the hooks live with what they extend: exporters and importers in
:mod:`claimcheck.interop.registry`, balance checks in :mod:`claimcheck.analysis.checks`, template
variables in :mod:`claimcheck.render.templates`.
"""

from __future__ import annotations

import functools
from typing import Any

import pluggy

from claimcheck.core import catalogue

__all__ = ["PROJECT", "HookSpecs", "hookimpl", "hookspec", "plugin_manager", "register", "reset", "unregister"]

PROJECT = "claimcheck"
hookspec = pluggy.HookspecMarker(PROJECT)
#: Marks a plugin's implementation of a hook: ``@hookimpl def claimcheck_exporters(): ...``
hookimpl = pluggy.HookimplMarker(PROJECT)


class HookSpecs:
    """The hooks a plugin may implement. Each returns a list (or a dict); claimcheck gathers the
    results of every plugin."""

    @hookspec
    def claimcheck_problem_codes(self) -> list[Any]:  # type: ignore[empty-body]  # a hook spec: plugins give the body
        """Problem codes the plugin's checks report: a list of :class:`claimcheck.core.catalogue.Entry`
        (code, title, description, severity, group). They join the catalogue, so ``validate`` and
        ``check`` print them like the built-in ones."""

    @hookspec
    def claimcheck_checks(self) -> list[Any]:  # type: ignore[empty-body]  # a hook spec: plugins give the body
        """Balance checks: a list of :class:`claimcheck.analysis.checks.Check`, each run by
        ``claimcheck check``, the brief and the site over every examined claim."""

    @hookspec
    def claimcheck_exporters(self) -> list[Any]:  # type: ignore[empty-body]  # a hook spec: plugins give the body
        """Export formats: a list of :class:`claimcheck.interop.registry.Exporter`; each becomes a
        choice of ``claimcheck export --to``."""

    @hookspec
    def claimcheck_importers(self) -> list[Any]:  # type: ignore[empty-body]  # a hook spec: plugins give the body
        """Import formats: a list of :class:`claimcheck.interop.registry.Importer`; each becomes a
        choice of ``claimcheck import --from``."""

    @hookspec
    def claimcheck_template_globals(self, kind: str) -> dict[str, Any]:  # type: ignore[empty-body]  # a hook spec: plugins give the body
        """Variables every template of ``kind`` (``"site"`` or ``"brief"``) receives, such as the
        newsroom's name or a corrections-policy URL. A name claimcheck already defines is refused."""


@functools.cache
def plugin_manager() -> pluggy.PluginManager:
    """The plugin manager, with every installed plugin loaded (once a process); their problem codes
    are added to the catalogue."""
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(HookSpecs)
    pm.load_setuptools_entrypoints(PROJECT)
    _register_codes(pm)
    return pm


def _register_codes(pm: pluggy.PluginManager) -> None:
    for entries in pm.hook.claimcheck_problem_codes():
        catalogue.register(entries)


def register(plugin: object, name: str | None = None) -> None:
    """Register a plugin object in this process (tests and embedding applications; installed
    packages are found through their entry points)."""
    plugin_manager().register(plugin, name=name)
    hook = getattr(plugin, "claimcheck_problem_codes", None)
    if hook is not None:
        catalogue.register(hook())


def unregister(plugin: object) -> None:
    """Remove a plugin registered with :func:`register` (its problem codes stay known)."""
    plugin_manager().unregister(plugin)


def reset() -> None:
    """Forget the plugin manager, so the next use loads the installed plugins again."""
    plugin_manager.cache_clear()
