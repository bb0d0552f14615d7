"""Text from a lesson made plain for every classroom format, before each format's own escaping.

Two kinds of character are dropped everywhere, so that every format says the same thing:
- those XML 1.0 forbids (C0 controls but tab and line breaks, lone surrogates, U+FFFE, U+FFFF):
  no XML parser accepts a file holding one, and Moodle's database refuses a NUL;
- the bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069), which
  reorder the text shown after them, so that a teacher reviewing a file could read another answer
  than the one stored. The marks U+200E, U+200F and U+061C are kept: they reorder nothing but set
  the direction of a neutral character beside them, which right-to-left names can need.

Spreadsheet cells are then neutralised as OWASP's guidance on CSV injection says.
"""

from __future__ import annotations

import re

_DROPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\u202a-\u202e\u2066-\u2069]")
# What starts a formula in Excel, LibreOffice and Google Sheets (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def plain(text: str) -> str:
    """`text` without the characters no XML file may hold and without bidirectional controls."""
    return _DROPPED.sub("", text)


def spreadsheet_cell(text: str) -> str:
    """A cell of a spreadsheet without types (CSV): text a spreadsheet would run as a formula gets an
    apostrophe in front, so that it opens as text (the student sees the apostrophe)."""
    text = plain(text)
    return "'" + text if text.startswith(FORMULA_STARTS) else text
