"""Text from a lesson made safe to print: control characters shown as escapes.

A lesson folder is untrusted, so a value in it may hold terminal escape sequences
(which can rewrite what a teacher sees, or the terminal's title) or bidirectional
overrides that reorder a line; printed, they become visible `\\x1b`-style escapes.
"""

from __future__ import annotations

import re

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
