"""An article prepared for look-ups: typography folded, passages found, sentences cut.

A quotation students memorise must be the article's words, so look-ups compare text
after folding curly and straight quotes, dashes, ellipses and white space, and map
what they find back to the article's own characters.
"""

from __future__ import annotations

import array
import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .diagnostics import Position
from .sentences import sentence_starts

_QUOTES = "\"“”„‟«»‹›'‘’‚‛`´"
_DASHES = "‐‑‒–—―−"
_SPACES = " \t\r\n\u00a0\u2009\u202f\u2007\u200a"
_KEY = 64  # characters of text after each word start that the index sorts by
_WORD = re.compile(r"\w+")
_COMMON = 1000  # a word this frequent says nothing about where a passage is
SHORT_PARAGRAPH = 400


@dataclass(frozen=True)
class NormalText:
    """Text with typography normalised, and the way back to the original's offsets.

    Only the folded pieces are recorded (where each starts in the normal text, the original
    characters it replaced and its length): between two pieces the texts differ by a fixed
    shift. A machine int per character would take 8 bytes of memory for each byte of text.
    """

    text: str
    piece_starts: list[int]  # in the normal text before its leading spaces were stripped
    pieces: list[tuple[int, int, int]]  # (original start, original end, length in the normal text)
    lead: int  # leading spaces stripped from the normal text

    def _original(self, offset: int) -> int:
        at = offset + self.lead
        index = bisect.bisect_right(self.piece_starts, at) - 1
        if index < 0:
            return at
        start, end, length = self.pieces[index]
        into = at - self.piece_starts[index]
        return start if into < length else end + into - length  # a folded character maps to its piece's start

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self._original(start), self._original(end - 1) + 1


# What folds into text of another length, and so moves the offsets after it: runs of white space,
# the wire's `` and '' (one quotation mark each) and the ellipsis. Everything else that folds is
# one character for one (a curly quote, a dash, a line break) and needs no offsets: a translation.
_RESIZED = re.compile(rf"[{_SPACES}]{{2,}}|``|''|…")
_ONE_FOR_ONE = str.maketrans(
    {**dict.fromkeys(_QUOTES, '"'), **dict.fromkeys(_DASHES, "-"), **dict.fromkeys(_SPACES, " ")}
)


def _replacement(token: str) -> str:
    if token[0] in _SPACES:
        return " "
    return "..." if token == "…" else '"'


def normalise(text: str) -> NormalText:
    """Fold quotes to '"', dashes to '-', '…' to '...', runs of white space to one space.

    `` and '' (news-wire style) count as one quotation mark.
    """
    piece_starts: list[int] = []
    pieces: list[tuple[int, int, int]] = []
    shift = 0  # how much longer the normal text is so far than the original

    def fold(match: re.Match[str]) -> str:
        nonlocal shift
        piece = _replacement(match.group())
        start, end = match.span()
        piece_starts.append(start + shift)
        pieces.append((start, end, len(piece)))
        shift += len(piece) - (end - start)
        return piece

    joined = _RESIZED.sub(fold, text).translate(_ONE_FOR_ONE)
    stripped = joined.strip(" ")
    return NormalText(stripped, piece_starts, pieces, len(joined) - len(joined.lstrip(" ")))


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _whole(text: str, start: int, needle: str) -> bool:
    """Whether `needle`, found at `start` of `text`, does not end inside a word."""
    end = start + len(needle)
    return not (_is_word(needle[-1]) and end < len(text) and _is_word(text[end]))


def fold_text(text: str) -> str:
    """`normalise(text).text` without the offsets, for the short passages looked up."""
    return _RESIZED.sub(lambda m: _replacement(m.group()), text).translate(_ONE_FOR_ONE).strip(" ")


class Article:
    """An article prepared for repeated look-ups."""

    def __init__(self, text: str) -> None:
        self.original = text
        self.normal = normalise(text)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._sentence_starts: list[int] | None = None
        self._paragraph_starts: list[int] | None = None
        self._word_spans: tuple[list[tuple[int, int]], dict[str, list[int]]] | None = None
        # The article's word starts sorted by the text that follows them: a passage that
        # starts at a word is found by binary search instead of a scan of the article.
        # Only the offsets are kept (an array of ints), not the text after them: for a long
        # article the keys would take hundreds of megabytes; bisect computes them as it goes.
        text = self.normal.text
        starts = [m.start() for m in _WORD.finditer(text)]  # only word starts are looked up
        starts.sort(key=lambda i: text[i : i + _KEY])  # stable: equal keys stay in article order
        self._index = array.array("q", starts)
        self._occurrences: dict[str, array.array[int]] = {}  # needle -> its whole-word starts

    def _key(self, start: int) -> str:
        return self.normal.text[start : start + _KEY]

    def _find(self, needle: str, cursor: int = 0) -> int:
        """The first whole-word occurrence of `needle` at or after `cursor` in the normalised article.

        Whole-word: "ussia might join NAT" is not a passage of "Russia might join NATO".
        A needle that starts with a letter or digit can only start where a word does, so
        the word index finds it by binary search instead of a scan of the article.
        """
        text = self.normal.text
        if not _is_word(needle[0]):
            found = text.find(needle, cursor)
            while found >= 0 and not _whole(text, found, needle):
                found = text.find(needle, found + 1)
            return found
        if len(needle) < _KEY:
            starts = self._whole_word_starts(needle)
            at = bisect.bisect_left(starts, cursor)
            return starts[at] if at < len(starts) else -1
        # Entries with one full key are in article order: the first that fits is the answer.
        prefix = needle[:_KEY]
        at = bisect.bisect_left(self._index, prefix, key=self._key)
        while at < len(self._index) and text.startswith(prefix, self._index[at]):
            start = self._index[at]
            if start >= cursor and text.startswith(needle, start) and _whole(text, start, needle):
                return start
            at += 1
        return -1

    def _whole_word_starts(self, needle: str) -> array.array[int]:
        """Every whole-word occurrence of a needle shorter than the index key, in article order.

        Its index entries are sorted by the text after them, not by place, so finding the first
        means walking them all: done once per needle and kept, since thousands of facts can have
        the same evidence ("the", a name)."""
        starts = self._occurrences.get(needle)
        if starts is None:
            text, found = self.normal.text, []
            at = bisect.bisect_left(self._index, needle, key=self._key)
            while at < len(self._index) and text.startswith(needle, self._index[at]):
                if _whole(text, self._index[at], needle):
                    found.append(self._index[at])
                at += 1
            starts = self._occurrences[needle] = array.array("q", sorted(found))
        return starts

    def find(self, passage: str) -> tuple[int, int] | None:
        """Locate a passage (pieces separated by '...' are found in order); original offsets."""
        needle = fold_text(passage).strip(' "')
        span = self._locate(needle) if needle else None
        return self.normal.original_span(*span) if span else None

    def find_in(self, passage: str, evidence: Iterable[str]) -> tuple[int, int] | None:
        """Locate a passage where the first of the evidence passages that holds it stands (a headline may
        hold a quotation's words before its sentence does: "Fares 'unfair'"), else as `find`."""
        needle = fold_text(passage).strip(' "')
        for container in evidence:
            outer_needle = fold_text(container).strip(' "')
            outer = self._locate(outer_needle) if outer_needle and needle else None
            start = self._find(needle, outer[0]) if outer else -1
            if outer and start >= 0 and start + len(needle) <= outer[1]:
                return self.normal.original_span(start, start + len(needle))
        return self.find(passage)

    def _locate(self, needle: str) -> tuple[int, int] | None:
        """Where a folded passage is in the normal text: whole, or as its '...' pieces in order."""
        start = self._find(needle)
        if start >= 0:
            return start, start + len(needle)
        pieces = [p.strip(' "') for p in needle.split("...") if p.strip(' "')]
        if len(pieces) < 2:
            return None
        cursor, first = 0, -1
        for piece in pieces:
            found = self._find(piece, cursor)
            if found < 0:
                return None
            first = found if first < 0 else first
            cursor = found + len(piece)
        return first, cursor

    def contains(self, passage: str) -> bool:
        """Whether the article has `passage` (as `find`, but any occurrence will do)."""
        return self._has(fold_text(passage).strip(' "'))

    def _has(self, needle: str) -> bool:
        """`contains` for a folded needle."""
        if not needle:
            return False
        if not _is_word(needle[0]) or len(needle) >= _KEY or "..." in needle:
            return self._locate(needle) is not None
        return self._has_short(needle)

    def _has_short(self, needle: str) -> bool:
        """Whether a folded needle that starts at a word and is shorter than the index key occurs
        as whole words: the first whole-word entry will do, not the first in article order (a
        surname can occur thousands of times in a long text)."""
        at = bisect.bisect_left(self._index, needle, key=self._key)
        text = self.normal.text
        while at < len(self._index) and text.startswith(needle, self._index[at]):
            if _whole(text, self._index[at], needle):
                return True
            at += 1
        return False

    def closest(self, passage: str) -> str:
        """The article passage most like `passage`, for a 'did you mean' hint.

        Each word the passage shares with the article votes for where the passage would
        start if it were there; rare words count more. The work is proportional to how
        often the passage's words occur, not to the article's length.
        """
        words = [m.group().lower() for m in _WORD.finditer(fold_text(passage))]
        if not words:
            return ""
        starts, positions = self._words()
        votes: dict[int, float] = {}
        for offset, word in enumerate(words):
            found = positions.get(word, ())
            if not found or len(found) > _COMMON:
                continue
            weight = 1 / len(found)
            for at in found:
                if at >= offset:
                    votes[at - offset] = votes.get(at - offset, 0.0) + weight
        if not votes:
            return ""
        first_word = max(votes, key=lambda at: (votes[at], -at))
        last_word = min(first_word + len(words), len(starts)) - 1
        start, end = starts[first_word][0], starts[last_word][1]
        first, last = self.normal.original_span(start, end)
        return " ".join(self.original[first:last].split()).strip(_QUOTES + " ,.")

    def _words(self) -> tuple[list[tuple[int, int]], dict[str, list[int]]]:
        """The article's words as (start, end) in the normal text, and where each word occurs (built once)."""
        if self._word_spans is None:
            spans = [m.span() for m in _WORD.finditer(self.normal.text)]
            positions: dict[str, list[int]] = {}
            text = self.normal.text
            for number, (start, end) in enumerate(spans):
                positions.setdefault(text[start:end].lower(), []).append(number)
            self._word_spans = (spans, positions)
        return self._word_spans

    def mentions(self, word: str) -> bool:
        """Whether the article has `word` (a name, an alias) as whole words: a look-up in the word index.
        A name in lower case ("the East German government") may open a sentence in capitals."""
        needle = fold_text(word)
        return self._has(needle) or (needle[:1].islower() and self._has(needle[0].upper() + needle[1:]))

    def position(self, offset: int) -> Position:
        """Line and column (1-based) of an original offset, for article citations."""
        line = bisect.bisect_right(self._line_starts, offset)
        return Position(line, offset - self._line_starts[line - 1] + 1)

    def _starts(self) -> list[int]:
        if self._sentence_starts is None:
            self._sentence_starts = sentence_starts(self.original)
        return self._sentence_starts

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        """The start and end of the sentence around `offset` (original offsets)."""
        starts = self._starts()
        index = bisect.bisect_right(starts, offset) - 1
        return starts[index], starts[index + 1] if index + 1 < len(starts) else len(self.original)

    def paragraph_bounds(self, offset: int) -> tuple[int, int]:
        """The start and end of the paragraph around `offset` (original offsets; see `paragraph_starts`)."""
        if self._paragraph_starts is None:
            self._paragraph_starts = paragraph_starts(self.original)
        starts = self._paragraph_starts
        index = bisect.bisect_right(starts, offset) - 1
        return starts[index], starts[index + 1] if index + 1 < len(starts) else len(self.original)

    def passage_at(self, start: int, end: int) -> str:
        """The context a card back shows: the paragraph around a span when it is short, else its sentences."""
        first_line = self.original.rfind("\n", 0, start) + 1
        last_line = self.original.find("\n", end)
        last_line = len(self.original) if last_line < 0 else last_line
        if last_line - first_line <= SHORT_PARAGRAPH:
            return " ".join(self.original[first_line:last_line].split())
        starts = self._starts()
        first = starts[bisect.bisect_right(starts, start) - 1]
        after = bisect.bisect_left(starts, end)
        last = starts[after] if after < len(starts) else len(self.original)
        return " ".join(self.original[first:last].split())


def paragraph_starts(text: str) -> list[int]:
    """Where an article's paragraphs start: after a blank line, at an indented line where the article
    marks paragraphs so (wire copy: hard-wrapped lines, each paragraph's first indented), and after a
    news SGML file's <P> tag; in an article with none of these, at every line."""
    blank = [match.end() for match in _BLANK_LINE.finditer(text)]
    indented = [match.start() + 1 for match in _INDENTED_LINE.finditer(text)]
    if len(indented) < INDENTED_FROM:
        indented = []
    indented += [match.end() for match in _PARAGRAPH_TAG.finditer(text)]  # news SGML's <P>
    if not blank and not indented:
        return [0, *(match.end() for match in _LINE_BREAK.finditer(text))]
    return sorted({0, *blank, *indented})


INDENTED_FROM = 2  # indented lines that make an article's paragraphs (one may be a stray space)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_INDENTED_LINE = re.compile(r"\n(?=[ \t]+\S)")
_LINE_BREAK = re.compile(r"\n")
_PARAGRAPH_TAG = re.compile(r"<p>[ \t]*\n?", re.IGNORECASE)
