"""The one Jinja2 environment factory, for the brief and the site: templates overridable one file at a
time, the filters both use, and the variables plugins add (``claimcheck_template_globals``).

Lookup order: the user's folder (``--templates DIR``), then the built-in templates. A user
template can extend the built-in one it replaces with ``{% extends "default:NAME" %}``.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

import jinja2

from claimcheck.core.errors import UsageError
from claimcheck.core.plugins import plugin_manager
from claimcheck.render.assets import BUILTIN

#: ASCII punctuation that CommonMark or GFM may read anywhere in a line, escaped wherever it is (``$`` for
#: GitHub's maths). Left out, because no construct reads them once these are escaped: ' " , ; ? % / ( ) ! and
#: . - : (escaped where they do mean something, below).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&=$^+])")
#: At the start of a value: a list item (``-``, ``1.``, ``1)``); ``+``, ``>``, ``#`` and ``=`` are escaped anyway.
_MD_START = re.compile(r"^(?:(-)|([0-9]{1,9})([.)]))")
#: GFM's extended autolinks: ``www.``, and a scheme's ``://`` (``https://``, ``ftp://``).
_MD_WWW = re.compile(r"(?i)(www)\.")
_MD_SCHEME = re.compile(r":(?=//)")
#: After an ``@``, an invisible WORD JOINER: GFM links any ``name@host.tld`` as ``mailto:``, escape or not,
#: because it looks for e-mail addresses in the text once it is parsed.
_WORD_JOINER = "\u2060"


def md_escape(text: object) -> str:
    """Escape text for Markdown so that no character in the data is read as markup by CommonMark or GFM.

    The value becomes one line: its lines are joined by single spaces, so that nothing in it can
    start a block (a setext underline, an indented or fenced code block, a list, a quote, a table row,
    a hard line break, a new paragraph). Then every ASCII punctuation character that an inline or
    block construct reads is escaped with a backslash (which CommonMark allows for each of them), a
    list marker at the start is escaped, ``www.`` is written ``www\\.`` and ``://`` ``\\://``, and an ``@`` is followed by
    U+2060 WORD JOINER (invisible) so that no e-mail address becomes a ``mailto:`` link. Rendered,
    the value reads exactly as written, but for that invisible character.
    """
    out = " ".join(str(text).split())
    out = _MD_SPECIAL.sub(r"\\\1", out)
    out = _MD_WWW.sub(r"\1\\.", out)
    out = _MD_SCHEME.sub(r"\\:", out)
    out = _MD_START.sub(lambda m: "\\-" if m[1] else f"{m[2]}\\{m[3]}", out)
    return out.replace("@", "@" + _WORD_JOINER)


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


def _where(exc: BaseException, folder: Path) -> str:
    """``FILE:LINE: `` of the innermost frame of ``exc`` in a template of ``folder`` (Jinja2 rewrites its
    traceback to show template lines), or nothing when no frame is there."""
    found = ""
    tb = exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.endswith(".j2") or Path(name).is_relative_to(folder):
            found = f"{name}:{tb.tb_lineno}: "
        tb = tb.tb_next
    if isinstance(exc, jinja2.TemplateSyntaxError):
        found = f"{exc.filename or exc.name}:{exc.lineno}: "
    return found


class TemplateFailure(UsageError):
    """A user's template failed while rendering (see :func:`template_errors`)."""


@contextlib.contextmanager
def template_errors(env: jinja2.Environment) -> Iterator[None]:
    """Turn an error raised while rendering with a user's templates (``--templates``: an undefined name,
    ``1 // 0``, a macro calling itself, a syntax error) into a :class:`UsageError` naming the template
    and its line (a :class:`TemplateFailure`). With the built-in templates alone, an error is claimcheck's own and is left as it is."""
    folder = getattr(env, "claimcheck_templates", None)
    if folder is None:
        yield
        return
    try:
        yield
    except UsageError:
        raise
    except RecursionError as exc:
        raise TemplateFailure(f"template error: {_where(exc, folder)}the templates call or extend themselves without end") from None
    except Exception as exc:  # anything a user's template raises is the template's error, reported
        message = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else f"{type(exc).__name__}: {exc}"
        raise TemplateFailure(f"template error: {_where(exc, folder)}{message}") from None


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
        # an environment serves one build or one brief: its templates are not edited meanwhile, so none is
        # looked at again on disk (the check cost a file status for each of 48,000 lookups at 10k claims)
        auto_reload=False,
    )
    # the user's folder, for template_errors (Environment.extend is Jinja2's way to add attributes)
    env.extend(claimcheck_templates=Path(os.path.realpath(templates)) if templates is not None else None)
    env.filters["md"] = md_escape
    env.filters["safe_url"] = safe_url
    env.filters["wrap"] = wrap
    for extra in plugin_manager().hook.claimcheck_template_globals(kind=subdir):
        clash = sorted(set(extra) & (set(env.globals) | set(env.filters)))
        if clash:
            raise UsageError(f"a plugin's template variables {', '.join(clash)} clash with claimcheck's own")
        env.globals.update(extra)
    return env
