"""The format-neutral shapes of a question, for exporters: no Anki syntax, no kind strings.

Every question has exactly one shape. An exporter reads the shape and the typed parts it
needs (`Question.cloze_text`, `Question.matches`, `Question.sequence`) and never looks at
how the question engine stores them, so a new format needs no knowledge of question kinds.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Shape(StrEnum):
    """What a student does with a question."""

    CHOICE = "choice"  # pick the one correct answer among `choices`
    SHORT = "short"  # type the answer (or one of its alternatives)
    CLOZE = "cloze"  # fill the blank of a sentence
    MATCHING = "matching"  # pair each prompt with its answer
    ORDERING = "ordering"  # put items in order


@dataclass(frozen=True, slots=True)
class Blank:
    """The gap of a cloze: what fills it, and other words that fill it as well."""

    answer: str
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ClozeText:
    """A sentence as text segments and blanks, in reading order."""

    parts: tuple[str | Blank, ...]

    @property
    def blanks(self) -> tuple[Blank, ...]:
        return tuple(part for part in self.parts if isinstance(part, Blank))

    def filled(self) -> str:
        """The sentence with every blank filled by its answer."""
        return "".join(part.answer if isinstance(part, Blank) else part for part in self.parts)

    def with_gaps(self, gap: str) -> str:
        """The sentence with every blank shown as `gap` (a worksheet's '[...]')."""
        return "".join(gap if isinstance(part, Blank) else part for part in self.parts)


@dataclass(frozen=True, slots=True)
class Match:
    """One pair of a matching question: a prompt (a quotation) and its answer (the speaker)."""

    prompt: str
    answer: str


@dataclass(frozen=True, slots=True)
class Event:
    """One item of an ordering question, with the date that places it."""

    label: str
    when: str
