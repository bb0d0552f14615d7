"""Quizlet's import text: one card a line, term and definition split by a tab (also read by Knowt
and Gimkit). The format has no quoting, so tabs and line breaks inside a field become spaces. It is
pasted into the platform, not opened as a spreadsheet, so a field starting with `=` stays as it is.

A card has one definition, so a question's other accepted answers ("USSR" beside "the Soviet
Union") have no place in the file: a note counts the cards that lose them. A card with a side over
CARD_MAX characters (a long quotation, an ordering of many events) is left out with a note: a
flashcard is read at a glance."""

from __future__ import annotations

import re

from ..questions import Question
from ..questions.shapes import Shape
from . import LessonBuild, Output, exporter
from .classroom import BLANK_LINE, file_name, ordering_key, ordering_prompt, sentence_case
from .plain_text import plain

_BREAKS = re.compile(r"\s+")
CARD_MAX = 250  # characters on a side: about 40 words, what a student reads at a glance


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
        sentence = sentence_case(question.cloze.with_gaps(BLANK_LINE))  # type: ignore[union-attr]
        return [(sentence, " / ".join(b.answer for b in blanks))]
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
    lines = []
    without_alternatives = 0
    for question in build.questions.questions:
        written = [(field(term), field(definition)) for term, definition in cards(question)]
        kept = [(term, definition) for term, definition in written if max(len(term), len(definition)) <= CARD_MAX]
        if len(kept) < len(written):
            build.note(
                question.fact,
                "quizlet.too-long",
                (f"{len(written) - len(kept)} of the {len(written)} Quizlet cards of " if kept else "")
                + f"question {question.id} {'are' if kept else 'is'} left out of the Quizlet file: a side of "
                f"{'each' if kept else 'its card'} is over {CARD_MAX} characters, too long to read at a glance",
                "shorten the fact's wording or quotation, or use another format for this question",
            )
        if not kept:
            continue
        lines += [f"{term}\t{definition}\n" for term, definition in kept]
        blanks = question.cloze.blanks if question.cloze else ()
        without_alternatives += bool(question.alternatives or any(blank.alternatives for blank in blanks))
    if without_alternatives:
        build.lesson_note(
            "quizlet.alternatives",
            f"{without_alternatives} Quizlet cards have other accepted answers that the file cannot hold "
            "(a card has one definition, the first answer)",
            "tell students which other answers count, or use the qti, canvas or moodle format, which keep them",
        )
    return [Output(file_name(build.lesson.id, "quizlet", "txt"), "".join(lines).encode("utf-8"))]
