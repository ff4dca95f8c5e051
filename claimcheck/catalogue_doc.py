"""``docs/problems.md``, generated from the problem catalogue (:data:`claimcheck.problems.CATALOGUE`).

Regenerate it after changing the catalogue::

    python -m claimcheck.catalogue_doc            # writes docs/problems.md
    python -m claimcheck.catalogue_doc --check    # exit 1 if the committed file is stale

Codes are grouped as the catalogue groups them: under the ``# comment`` that precedes them in
``claimcheck/problems.py``. A code with no comment above it is listed under "Other".
"""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path

from claimcheck import problems
from claimcheck.problems import CATALOGUE, Entry, Severity

DOC = Path(__file__).resolve().parent.parent / "docs" / "problems.md"

_COMMENT = re.compile(r"^\s*#\s*(?P<group>\S.*?)\s*$")
_CODE = re.compile(r'^\s*\(?\s*"(?P<code>[a-z][a-z0-9-]*)",')
_SEVERITY_WORDS = {
    Severity.ERROR: "error: the command exits 1",
    Severity.WARNING: "warning: exits 1 with `--fail-on warning`",
    Severity.INFO: "info: a note; exits 1 only with `--fail-on info`",
}


def groups() -> dict[str, list[Entry]]:
    """Catalogue entries by group, each group and each entry in catalogue order."""
    source = inspect.getsource(problems)
    table = source[source.index("CATALOGUE") :]
    group_of: dict[str, str] = {}
    current = "Other"
    for line in table.splitlines():
        comment = _COMMENT.match(line)
        if comment:
            current = comment["group"][:1].upper() + comment["group"][1:]
            continue
        entry = _CODE.match(line)
        if entry and entry["code"] in CATALOGUE and entry["code"] not in group_of:
            group_of[entry["code"]] = current
    out: dict[str, list[Entry]] = {}
    for code, listed in CATALOGUE.items():
        out.setdefault(group_of.get(code, "Other"), []).append(listed)
    return out


def render() -> str:
    """The whole of ``docs/problems.md``."""
    lines = [
        "# Problem codes",
        "",
        "<!-- Generated from claimcheck.problems.CATALOGUE by `python -m claimcheck.catalogue_doc`: do not edit by hand. -->",
        "",
        "Every problem claimcheck reports carries a stable code, a severity, and where it is: the file, the line",
        "and column, and the JSON pointer of the value (RFC 6901). `claimcheck validate` prints each as",
        "`file:line:col pointer: severity: message [code]`; `--format json` gives the same fields.",
        "",
    ]
    for group, entries in groups().items():
        lines += [f"## {group}", "", "| Code | Severity | Title |", "| --- | --- | --- |"]
        lines += [f"| [`{e.code}`](#{e.code}) | {e.severity} | {e.title} |" for e in entries]
        lines.append("")
        for e in entries:
            lines += [f"### {e.code}", "", f"**{e.title}** ({_SEVERITY_WORDS[e.severity]}).", "", e.description, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write ``docs/problems.md``, or with ``--check`` report whether it is current (exit 1 if not)."""
    args = sys.argv[1:] if argv is None else argv
    text = render()
    if "--check" in args:
        current = DOC.is_file() and DOC.read_text(encoding="utf-8") == text
        print(f"{DOC}: {'up to date' if current else 'stale: run python -m claimcheck.catalogue_doc'}")
        return 0 if current else 1
    DOC.write_text(text, encoding="utf-8")
    print(f"wrote {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
