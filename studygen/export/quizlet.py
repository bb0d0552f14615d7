"""Quizlet's import text: one card a line, term and definition split by a tab (also read by Knowt
and Gimkit). The format has no quoting, so tabs and line breaks inside a field become spaces. It is
pasted into the platform, not opened as a spreadsheet, so a field starting with `=` stays as it is."""

from __future__ import annotations

import re

from ..questions import Question
from ..questions.shapes import Shape
from . import LessonBuild, Output, exporter
from .classroom import BLANK_LINE, file_name, ordering_key, ordering_prompt
from .plain_text import plain

_BREAKS = re.compile(r"\s+")


def field(text: str) -> str:
    """One field of a line: a tab or a new line would start another field or card."""
    return _BREAKS.sub(" ", plain(text)).strip()


def cards(question: Question) -> list[tuple[str, str]]:
    """A question's flashcards (term, definition): one, or one per pair of a matching set."""
    if question.shape is Shape.MATCHING:
        return [(match.prompt, match.answer) for match in question.matches]
    if question.shape is Shape.ORDERING:
        dates = "; ".join(f"{event.when}: {event.label}" for event in question.sequence)
        return [(ordering_prompt(question), f"{ordering_key(question)} ({dates})")]
    if question.shape is Shape.CLOZE:
        blanks = question.cloze.blanks  # type: ignore[union-attr]
        return [(question.cloze.with_gaps(BLANK_LINE), " / ".join(b.answer for b in blanks))]  # type: ignore[union-attr]
    return [(question.prompt, question.answer)]


# What `cards` makes of each shape (the printed flashcards make the same cards).
CARDS_WRITTEN = {
    Shape.CHOICE: "card: question and answer (no choices)",
    Shape.SHORT: "card: question and answer",
    Shape.CLOZE: "card: sentence with a gap, and the missing words",
    Shape.MATCHING: "one card per pair: quotation and speaker",
    Shape.ORDERING: "card: items lettered, and the order with dates",
}


@exporter(
    "quizlet",
    "Quizlet flashcards (tab-separated text: Quizlet, Knowt, Gimkit)",
    writes=CARDS_WRITTEN,
)
def export_quizlet(build: LessonBuild) -> list[Output]:
    lines = [
        f"{field(term)}\t{field(definition)}\n"
        for question in build.questions.questions
        for term, definition in cards(question)
    ]
    return [Output(file_name(build.lesson.id, "quizlet", "txt"), "".join(lines).encode("utf-8"))]
