"""docs/site.md documents every template context class, every field of each, and every option of `claimcheck build`."""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest

from claimcheck.cli.publishing import build as build_command
from claimcheck.render.site.context import DOCUMENTED, PAGE_TEMPLATES, Page

DOC = Path(__file__).resolve().parents[1] / "docs" / "site.md"


def own_fields(cls: type) -> list[str]:
    """The fields a class adds (a page class's shared ``Page`` fields are documented once, under ``Page``)."""
    names = [f.name for f in attrs.fields(cls)]
    if cls is not Page and issubclass(cls, Page):
        shared = {f.name for f in attrs.fields(Page)}
        names = [n for n in names if n not in shared]
    return names


def section(text: str, cls: type) -> str:
    """The part of the docs about ``cls``: its ``#### `Name``` table, or its paragraph under "The items"."""
    name = cls.__name__
    m = re.search(rf"^#### `{name}`.*?(?=^#### |\Z)", text, re.S | re.M)
    if m:
        return m[0]
    m = re.search(rf"^`{name}`(?::| \().*?(?=^\s*$)", text, re.S | re.M)
    assert m, f"docs/site.md has no section or paragraph for {name}"
    return m[0]


@pytest.mark.parametrize("cls", DOCUMENTED, ids=lambda c: c.__name__)
def test_every_context_field_is_documented(cls: type) -> None:
    """Each field of each context class is named, in backticks, in that class's part of docs/site.md."""
    part = section(DOC.read_text(encoding="utf-8"), cls)
    missing = [f for f in own_fields(cls) if f"`{f}`" not in part]
    assert not missing, f"docs/site.md does not document {cls.__name__}.{', '.join(missing)}"


def test_every_page_template_is_documented() -> None:
    """Each page template's file name and the class it receives appear in docs/site.md."""
    text = DOC.read_text(encoding="utf-8")
    for cls, template in PAGE_TEMPLATES.items():
        assert f"`{template}`" in text
        assert f"#### `{cls.__name__}`" in text


def test_every_build_option_is_documented() -> None:
    """Each option of `claimcheck build` appears in the options table of docs/site.md."""
    text = DOC.read_text(encoding="utf-8")
    for param in build_command.params:
        names = [n for n in param.opts if n.startswith("--")] or [param.human_readable_name]
        assert any(f"`{n}" in text for n in names), f"docs/site.md does not document {names}"
