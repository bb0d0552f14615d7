"""Text from a lesson made safe to print: control characters shown as escapes.

A lesson folder is untrusted, so a value in it may hold terminal escape sequences
(which can rewrite what a teacher sees, or the terminal's title) or bidirectional
overrides that reorder a line; printed, they become visible `\\x1b`-style escapes.
The colours studygen adds itself are chosen here too: on a terminal only.
"""

from __future__ import annotations

import enum
import os
import re
from typing import TextIO

_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNPRINTABLE_OR_NEW_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, one_line: bool = False) -> str:
    """`text` with control characters (but tabs, and new lines unless `one_line`) written as escapes."""
    return (_UNPRINTABLE_OR_NEW_LINE if one_line else _UNPRINTABLE).sub(_escape, text)


def json_printable(text: str) -> str:
    """JSON text with the characters `printable` escapes written as \\u escapes (still valid JSON)."""
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class Verbosity(enum.IntEnum):
    """How much the command line says besides a command's own output: --quiet, the default, --verbose."""

    QUIET = 0  # errors only
    NORMAL = 1  # a line per lesson, errors and warnings
    VERBOSE = 2  # also notes, each file written and each step of a build


def wants_colour(stream: TextIO) -> bool:
    """Colour on a terminal only; NO_COLOR (no-color.org) turns it off, FORCE_COLOR on, even into a pipe."""
    if os.environ.get("NO_COLOR", ""):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


_STYLES = {"error": {"fg": "red", "bold": True}, "warning": {"fg": "yellow", "bold": True}, "note": {"fg": "cyan"}}


def paint(text: str, severity: str, colour: bool) -> str:
    """`text` in the colour of `severity` (error, warning or note) when `colour`, else as it is."""
    if not colour:
        return text
    import typer  # only when colouring: the library prints nothing and need not load it

    return typer.style(text, **_STYLES[severity])
