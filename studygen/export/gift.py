"""Moodle's GIFT text format: one question a paragraph, answers in braces, every special
character of a quotation escaped (`~ = # { } :` and the backslash)."""

from __future__ import annotations

import re

from ..questions import Question
from ..questions.shapes import Blank, Shape
from . import LessonBuild, Output, exporter
from .classroom import feedback, file_name, moodle_category, title

_SPECIAL = re.compile(r"([~=#{}:\\])")
_SPACE = re.compile(r"\s+")


def escape(text: str, strip: bool = True) -> str:
    """Text as GIFT reads it literally: special characters escaped, on one line (a blank line would end
    the question)."""
    one_line = _SPACE.sub(" ", text)
    return _SPECIAL.sub(r"\\\1", one_line.strip() if strip else one_line)


def _answers(question: Question) -> str:
    """The part in braces, with the general feedback after ####."""
    general = f"####{escape(feedback(question))}"
    if question.shape is Shape.CHOICE:
        options = [("=" if i == question.correct else "~") + escape(c) for i, c in enumerate(question.choices)]
    elif question.shape is Shape.MATCHING:
        options = [f"={escape(m.prompt)} -> {escape(m.answer)}" for m in question.matches]
    elif question.shape is Shape.ORDERING:  # GIFT has no ordering: each event matched to its place
        options = [f"={escape(e.label)} -> {place}" for place, e in enumerate(question.sequence, 1)]
    else:
        options = ["=" + escape(a) for a in (question.answer, *question.alternatives)]
    return "{\n\t" + "\n\t".join([*options, general]) + "\n}"


def gift_question(question: Question) -> str:
    head = f"::{escape(title(question))}::[plain]"
    if question.shape is Shape.CLOZE:  # the missing-word form: the answers stand where the gap is
        parts = question.cloze.parts  # type: ignore[union-attr]
        blank = next(p for p in parts if isinstance(p, Blank))
        cut = parts.index(blank)
        before = "".join(str(p) for p in parts[:cut])
        after = "".join(str(p) for p in parts[cut + 1 :])
        options = " ".join("=" + escape(a) for a in (blank.answer, *blank.alternatives))
        gap = f"{{{options} ####{escape(feedback(question))}}}"
        return f"{head}{escape(before, strip=False)}{gap}{escape(after, strip=False)}"
    prompt = question.prompt
    if question.shape is Shape.ORDERING:
        prompt += " Number them from 1 (earliest)."
    return f"{head}{escape(prompt)} {_answers(question)}"


@exporter(
    "gift",
    "Moodle GIFT text (questions in the lesson's category)",
    writes={
        Shape.CHOICE: "multiple choice",
        Shape.SHORT: "short answer, alternatives accepted",
        Shape.CLOZE: "missing word (short answer in the sentence)",
        Shape.MATCHING: "matching",
        Shape.ORDERING: "as matching: each event to its place, 1 the earliest",
    },
)
def export_gift(build: LessonBuild) -> list[Output]:
    lesson = build.lesson
    blocks = [f"// {escape(lesson.title)}: made with studygen", f"$CATEGORY: {moodle_category(lesson.deck)}"]
    blocks += [gift_question(q) for q in build.questions.questions]
    return [Output(file_name(lesson.id, "gift", "txt"), ("\n\n".join(blocks) + "\n").encode("utf-8"))]
