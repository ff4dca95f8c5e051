"""Where claimcheck's built-in templates and static assets are, and the files of a template folder."""

from __future__ import annotations

from pathlib import Path

__all__ = ["BUILTIN", "BUILTIN_STATIC", "files"]

#: The built-in templates, one folder per output (``brief``, ``site``).
BUILTIN = Path(__file__).resolve().parents[1] / "templates"
#: The site's built-in static assets (styles, scripts).
BUILTIN_STATIC = BUILTIN.parent / "static"


def files(folder: Path) -> list[tuple[str, Path]]:
    """Every file under ``folder`` but hidden ones, by path relative to it, sorted; none when it is not a folder."""
    if not folder.is_dir():
        return []
    return sorted((p.relative_to(folder).as_posix(), p) for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
