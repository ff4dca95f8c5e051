"""The one Jinja2 environment factory, for the brief and the site: templates overridable one file at a
time, the filters both use, and the variables plugins add (``claimcheck_template_globals``).

Lookup order: the user's folder (``--templates DIR``), then the built-in templates. A user
template can extend the built-in one it replaces with ``{% extends "default:NAME" %}``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import jinja2

from claimcheck.core.errors import UsageError
from claimcheck.core.plugins import plugin_manager

BUILTIN = Path(__file__).resolve().parents[1] / "templates"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")
_MD_LINE_START = re.compile(r"^(\s*)([-+>]|\d+[.)])(\s)")


def md_escape(text: object) -> str:
    """Escape text for Markdown so that no character in the data is read as markup."""
    out = _MD_SPECIAL.sub(r"\\\1", str(text))
    return "\n".join(_MD_LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}{m[3]}", line) for line in out.split("\n"))


def safe_url(url: object) -> str | None:
    """``url`` if it is an http(s) URL, else ``None`` (so it is shown as text, never linked)."""
    text = str(url or "")
    return text if re.match(r"^https?://[^\s<>\"']+$", text) else None


def wrap(text: object, first: str = "", rest: str = "", width: int = 88) -> str:
    """``text`` as one paragraph wrapped at ``width`` with the given indents."""
    import textwrap

    return textwrap.fill(
        " ".join(str(text).split()),
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


class _MemoryBytecode(jinja2.BytecodeCache):
    """Compiled templates kept for the life of the process, keyed by name and source checksum (so an override never
    gets the built-in template's code): a program that builds many sites compiles each template once."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Give the bucket its compiled code, when this process compiled the same source before."""
        code = self._code.get(f"{bucket.key}:{bucket.checksum}")
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep the bucket's compiled code."""
        self._code[f"{bucket.key}:{bucket.checksum}"] = bucket.bytecode_to_string()


_BYTECODE = _MemoryBytecode()


def environment(subdir: str, templates: str | os.PathLike[str] | None = None, *, autoescape: bool = False) -> jinja2.Environment:
    """An environment for the built-in ``subdir`` of templates (``brief`` or ``site``), overridden by ``templates``."""
    builtin = jinja2.FileSystemLoader(str(BUILTIN / subdir))
    loaders: list[jinja2.BaseLoader] = []
    if templates is not None:
        loaders.append(jinja2.FileSystemLoader(os.fspath(templates)))
    loaders.append(jinja2.PrefixLoader({"default": builtin}, delimiter=":"))
    loaders.append(builtin)
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=autoescape,  # noqa: S701 - on for HTML; Markdown escapes data with |md, plain text needs none
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_BYTECODE,
    )
    env.filters["md"] = md_escape
    env.filters["safe_url"] = safe_url
    env.filters["wrap"] = wrap
    for extra in plugin_manager().hook.claimcheck_template_globals(kind=subdir):
        clash = sorted(set(extra) & (set(env.globals) | set(env.filters)))
        if clash:
            raise UsageError(f"a plugin's template variables {', '.join(clash)} clash with claimcheck's own")
        env.globals.update(extra)
    return env
