"""Finding quotations in a paragraph: paired marks, unclosed continuations, nested quotes."""

from __future__ import annotations

import bisect
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
        kept = words.rstrip(",.")
        if kept.endswith(("?", "!")) and len(kept) < len(words):
            kept = words[: len(kept) + 1]  # "Why not?."
        return kept.strip()


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
    at = paragraph.find('"')
    while at >= 0:
        if open_at is None:
            if _opening(paragraph, at) or not _closing(paragraph, at):
                open_at = at + 1
        elif _closing(paragraph, at):
            spans.append(QuoteSpan(open_at, at))
            open_at = None
        elif _opening(paragraph, at):
            spans.append(QuoteSpan(open_at, at, closed=False))
            open_at = at + 1
        at = paragraph.find('"', at + 1)
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


_POSSESSIVE_FOLLOWERS = re.compile(r"\s+[a-z]")
_NOT_POSSESSIVE = re.compile(r"\s+(?:he|she|they|it|we|said|says|added|told|asked|according)\b")


def single_as_double(paragraph: str) -> str:
    """A paragraph quoted in British style ('We will win,' she said) with its quotation marks turned
    into double ones, so that the rest of the drafter reads it as it reads any other paragraph.
    Apostrophes stay: inside words (don't, Putin's), before a year ('90s) and after a plural
    possessive (the workers' pay). Double marks, a quotation inside a quotation in British style,
    become single ones, as in American style. The result has the same length as the paragraph."""
    marks: list[int] = []
    open_at: int | None = None
    for match in re.finditer("'", paragraph):
        at = match.start()
        before = paragraph[at - 1] if at > 0 else " "
        after = paragraph[at + 1] if at + 1 < len(paragraph) else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word
        opening = (before.isspace() or before in "([{—–-:,") and after.isalpha()
        closing = not before.isspace() and (after.isspace() or after in ",.;:!?)]—–-")
        if closing and before in "sS" and _POSSESSIVE_FOLLOWERS.match(paragraph, at + 1):
            closing = bool(_NOT_POSSESSIVE.match(paragraph, at + 1))
        if open_at is None:
            if opening:
                open_at = at
        elif closing:
            marks += [open_at, at]
            open_at = None
        elif opening:
            marks.append(open_at)  # a new paragraph of the same speech: the last one ran on
            open_at = at
    if open_at is not None and len(paragraph) - open_at > 2:
        marks.append(open_at)
    chars = list(paragraph.replace('"', "'"))
    for at in marks:
        chars[at] = '"'
    return "".join(chars)


_MAYBE_OPENING = re.compile(r"'(?<!\w')")  # not after a letter: the mark first, for the engine's quick scan


def as_american(paragraphs: list[str]) -> list[str] | None:
    """An article quoted in British style, its paragraphs with their quotation marks as `single_as_double`
    turns them; None for an article that is not. It is British when more single quotation marks stand
    outside double-quoted text than there are double marks. (In British style, double marks are
    quotations inside quotations; in American style, single marks are, and titles are often in single marks.)"""
    # A quick bound first: each single quotation opens after a space or a sign, and pairs with a closing
    # mark, so an article with few such marks and many double ones is not British (most articles).
    openings = sum(len(_MAYBE_OPENING.findall(p)) for p in paragraphs)
    if 2 * openings <= sum(p.count('"') for p in paragraphs):
        return None
    converted = [single_as_double(p) for p in paragraphs]  # their double marks are the single quotation marks
    singles = doubles = 0
    for paragraph, american in zip(paragraphs, converted, strict=True):
        double_at = [m.start() for m in re.finditer('"', paragraph)]
        doubles += len(double_at)
        singles += sum(bisect.bisect(double_at, m.start()) % 2 == 0 for m in re.finditer('"', american))
    return converted if singles > doubles else None
