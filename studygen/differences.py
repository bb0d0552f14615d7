"""The words in which a misquotation differs from the article's passage, marked, wherever they are.

A quotation copied with one word changed is the commonest error in a facts file; a message
that cuts the quotation at 80 characters may stop just before that word. Here both texts are
shown with the differing words in [brackets] and only a few words of context around each
difference, so the difference is always in view, however long the quotation.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .article import fold_text

CONTEXT = 5  # words shown on each side of a difference
_PUNCTUATION = re.compile(r"^\W+|\W+$")
_AROUND = re.compile(r"([\"'“‘(\[]*)(.*?)([\"'”’)\].,;:!?]*)", re.DOTALL)  # marks stay outside the brackets
_QUOTE_MARKS = "\"“”„'‘’‚ "


@dataclass(frozen=True)
class MarkedDifference:
    quoted: str  # the teacher's words, those that differ in brackets
    article: str  # the article's words, likewise


def mark_differences(quoted: str, passage: str) -> MarkedDifference | None:
    """`quoted` and the article's `passage` with the words that differ marked, or None when they share
    too little to be the same words misquoted. `passage` may run on past the quotation's end: its
    words after the last one they share are left out. Words compare ignoring case, punctuation
    around them and the style of quote marks and dashes."""
    ours, theirs = quoted.split(), passage.split()
    matcher = difflib.SequenceMatcher(None, [_key(w) for w in ours], [_key(w) for w in theirs], autojunk=False)
    if sum(block.size for block in matcher.get_matching_blocks()) * 2 < len(ours):
        return None
    opcodes = matcher.get_opcodes()
    while opcodes and opcodes[-1][0] == "insert":  # the article's words after the quotation's last
        opcodes.pop()
    while opcodes and opcodes[0][0] == "insert":  # and before its first
        opcodes.pop(0)
    shown_ours: list[tuple[str, bool]] = []
    shown_theirs: list[tuple[str, bool]] = []
    for number, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            shown_ours += [(word, False) for word in ours[i1:i2]]
            shown_theirs += [(word, False) for word in theirs[j1:j2]]
            continue
        if number == len(opcodes) - 1:  # the article runs on: as many of its words as the quotation has
            j2 = min(j2, j1 + max(1, i2 - i1))
        if number == 0:
            j1 = max(j1, j2 - max(1, i2 - i1))
        shown_ours.append((" ".join(ours[i1:i2]), True))
        shown_theirs.append((" ".join(theirs[j1:j2]), True))
    if not any(marked for _, marked in shown_ours):
        return None
    return MarkedDifference(_around_marks(shown_ours), _around_marks(shown_theirs).strip(_QUOTE_MARKS).rstrip(",.;:"))


def _key(word: str) -> str:
    return _PUNCTUATION.sub("", fold_text(word)).lower()


def _around_marks(words: list[tuple[str, bool]]) -> str:
    """The words, marked ones in brackets, with runs of more than CONTEXT words from any mark left out."""
    marks = [index for index, (_, marked) in enumerate(words) if marked]
    shown = []
    for index, (word, marked) in enumerate(words):
        if marked:
            before, core, after = _AROUND.fullmatch(word).groups()  # type: ignore[union-attr]
            shown.append(f"{before}[{core}]{after}")
        elif min(abs(index - mark) for mark in marks) <= CONTEXT:
            shown.append(word)
        elif not shown or shown[-1] != "…":
            shown.append("…")
    return " ".join(shown)
