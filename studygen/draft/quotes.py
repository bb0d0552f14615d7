"""Finding quotations in a paragraph: paired marks, unclosed continuations, nested quotes."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation in a paragraph: offsets of the words between the marks."""

    start: int
    end: int
    closed: bool = True  # False: ran on to the next quotation or the end of the paragraph
    nested_in: int | None = None  # index of the enclosing quotation

    def text(self, paragraph: str) -> str:
        """The quoted words, without a trailing comma or full stop (a full stop after ?/! stays)."""
        words = paragraph[self.start : self.end].strip()
        words = re.sub(r"(?<![?!])[,.]+$", "", words).strip()
        return words


def _opening(text: str, at: int) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:,") and not after.isspace()


def _closing(text: str, at: int) -> bool:
    before = text[at - 1] if at > 0 else " "
    after = text[at + 1] if at + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def double_quotes(paragraph: str) -> list[QuoteSpan]:
    """Quotations between '"' marks. An opening mark while a quotation is open ends it
    there (the convention of a new paragraph of the same speech), and so does the end
    of the paragraph."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for match in re.finditer('"', paragraph):
        at = match.start()
        if open_at is None:
            if _opening(paragraph, at) or not _closing(paragraph, at):
                open_at = at + 1
        elif _closing(paragraph, at):
            spans.append(QuoteSpan(open_at, at))
            open_at = None
        elif _opening(paragraph, at):
            spans.append(QuoteSpan(open_at, at, closed=False))
            open_at = at + 1
    if open_at is not None and len(paragraph) - open_at > 1:
        spans.append(QuoteSpan(open_at, len(paragraph), closed=False))
    return [s for s in spans if paragraph[s.start : s.end].strip()]


_NESTED = re.compile(r"(?:^|[\s(:,])'(?=\S)(.+?)(?<=\S)'(?=[\s,.;:!?)\"]|$)")


def nested_quotes(paragraph: str, outer: list[QuoteSpan]) -> list[QuoteSpan]:
    """Single-quoted speech inside a quotation ("Clinton replied, 'Why not?'")."""
    found = []
    for index, span in enumerate(outer):
        inner = paragraph[span.start : span.end]
        for match in _NESTED.finditer(inner):
            found.append(QuoteSpan(span.start + match.start(1), span.start + match.end(1), nested_in=index))
    return found
