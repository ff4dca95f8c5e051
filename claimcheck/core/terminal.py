"""Text for a terminal: every character of the data that could act on it, or hide from it, shown escaped.

A name holding ``ESC ] 0 ; … BEL`` would set the terminal's title, ``ESC [ 2 J`` clear its screen, a
carriage return or a line separator start a line that looks like another problem, and a right-to-left
override (U+202E) show a file ``report<U+202E>txt.yaml`` as ``reportlmay.txt``. :func:`safe` shows each as an
escape (``\\x1b``, ``\\u202e``); the command line prints through :mod:`claimcheck.cli.report`, which uses
it for every line, and the editor's prompts use it too.
"""

from __future__ import annotations

import os
import re

__all__ = ["ACTIVE", "acts_utf8", "path", "safe"]

#: C0 controls but tab and newline, DEL, the C1 controls and lone surrogates; line and paragraph
#: separators; zero-width characters and bidirectional controls (embeddings, overrides, isolates, marks).
ACTIVE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u2028\u2029\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
#: :data:`ACTIVE`'s characters as UTF-8 bytes (lone surrogates have none), in patterns that each start
#: with a fixed byte, which the regular expression engine finds at memory speed (one pattern of
#: alternatives is tried at every byte: 2.2 s against 0.2 s on a 100 MB report); the C0 controls apart.
_C0_UTF8 = re.compile(rb"[\x00-\x08\x0b-\x1f]")
_OTHERS_UTF8 = tuple(
    re.compile(p)
    for p in (
        rb"\x7f",
        rb"\xc2[\x80-\x9f]",
        rb"\xd8\x9c",
        rb"\xe2\x80[\x8b-\x8f\xa8-\xae]",
        rb"\xe2\x81[\xa0-\xa4\xa6-\xa9]",
        rb"\xef\xbb\xbf",
    )
)


def acts_utf8(encoded: bytes, *, c0: bool = True) -> bool:
    """Whether UTF-8 ``encoded`` holds a character of :data:`ACTIVE`, searched without decoding it;
    ``c0=False`` leaves out the C0 controls (for text that escapes them itself, as JSON writers do)."""
    return (c0 and _C0_UTF8.search(encoded) is not None) or any(p.search(encoded) is not None for p in _OTHERS_UTF8)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    if code <= 0xFF:
        return f"\\x{code:02x}"
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8, as Python decodes it
        return f"\\x{code - 0xDC00:02x}"
    return f"\\u{code:04x}"


def safe(text: object, *, one_line: bool = False) -> str:
    """``text`` with every character that could act on a terminal, or hide from it, shown as an escape;
    with ``one_line``, newlines and tabs too (a file name, a record id, a problem)."""
    out = ACTIVE.sub(_escape, str(text))
    if one_line:
        out = out.replace("\n", "\\n").replace("\t", "\\t")
    return out


def path(value: str | os.PathLike[str]) -> str:
    """A file name as a terminal shows it: on one line, with its bytes that are not UTF-8 as ``\\xe9``."""
    return safe(os.fspath(value), one_line=True)
