"""Moodle's GIFT text format: one question a paragraph, answers in braces, every text escaped as
Moodle's GIFT parser (qformat_gift) reads it:
- `~ = # { } :` and the backslash are escaped with a backslash, and `*` in a short answer (Moodle's
  wildcard there);
- each text is on one line (a blank line ends the question);
- an answer that starts with `%` (a weight, as in `%100%`) or `[` (a text format, as in `[html]`)
  gets `[plain]` in front, which the parser takes off;
- a question GIFT cannot write is left out with a note: `->` in a short answer or on the left of a
  matching pair (it would become a matching question, or split the pair), the parser's own
  placeholders (`&&058;` and the like), which it turns into other characters, and a sentence with
  more than one gap (a missing-word question has one).
"""

from __future__ import annotations

import re

from ..questions import Question
from ..questions.shapes import Blank, Shape
from . import LessonBuild, Output, exporter
from .classroom import feedback, file_name, moodle_category, title
from .plain_text import plain

_SPECIAL = re.compile(r"([~=#{}:\\])")
_SPACE = re.compile(r"\s+")
# What qformat_gift puts in place of an escaped character while it reads a question, and then
# turns back into the character: the same text in a lesson would come back changed.
_PLACEHOLDER = re.compile(r"&&(?:058;|035;|061;|123;|125;|126;|092;|010)")
_MATCH_ARROW = "->"


def escape(text: str, strip: bool = True) -> str:
    """Text as GIFT reads it literally: special characters escaped, on one line (a blank line would end
    the question)."""
    one_line = _SPACE.sub(" ", plain(text))
    return _SPECIAL.sub(r"\\\1", one_line.strip() if strip else one_line)


def answer(text: str) -> str:
    """An answer, a matching pair's left side or a feedback: escaped, and with `[plain]` in front
    where the parser would read its start as a weight (`%50%`) or a text format (`[html]`)."""
    escaped = escape(text)
    return "[plain]" + escaped if escaped.startswith(("%", "[")) else escaped


def short_answer(text: str) -> str:
    """An accepted answer of a short-answer question: `*` is a star, not Moodle's wildcard."""
    return answer(text).replace("*", "\\*")


def _left_sides(question: Question) -> tuple[str, ...]:
    """The texts in braces that qformat_gift splits at their first `->`: every answer of a question
    without `~` (short answer, missing word), and the left side of each matching pair."""
    if question.shape is Shape.SHORT:
        return (question.answer, *question.alternatives)
    if question.shape is Shape.CLOZE:
        return tuple(text for blank in question.cloze.blanks for text in (blank.answer, *blank.alternatives))  # type: ignore[union-attr]
    if question.shape is Shape.MATCHING:
        return tuple(match.prompt for match in question.matches)
    if question.shape is Shape.ORDERING:
        return tuple(event.label for event in question.sequence)
    return ()


def unwritable(question: Question, written: str) -> str | None:
    """Why Moodle would read `written`, the question in GIFT, as another question; or None."""
    if question.cloze and len(question.cloze.blanks) > 1:
        return f"it has {len(question.cloze.blanks)} gaps, and GIFT asks one"
    if any(_MATCH_ARROW in escape(text) for text in _left_sides(question)):
        return "'->' in a short answer or on the left of a matching pair makes Moodle read a matching pair there"
    if found := _PLACEHOLDER.search(written):
        return f"it holds '{found[0]}', which Moodle's GIFT import turns into another character"
    return None


def _answers(question: Question) -> str:
    """The part in braces, with the general feedback after ####."""
    general = f"####{answer(feedback(question))}"
    if question.shape is Shape.CHOICE:
        options = [("=" if i == question.correct else "~") + answer(c) for i, c in enumerate(question.choices)]
    elif question.shape is Shape.MATCHING:
        options = [f"={answer(m.prompt)} -> {escape(m.answer)}" for m in question.matches]
    elif question.shape is Shape.ORDERING:  # GIFT has no ordering: each event matched to its place
        options = [f"={answer(e.label)} -> {place}" for place, e in enumerate(question.sequence, 1)]
    else:
        options = ["=" + short_answer(a) for a in (question.answer, *question.alternatives)]
    return "{\n\t" + "\n\t".join([*options, general]) + "\n}"


def gift_question(question: Question) -> str:
    head = f"::{escape(title(question))}::[plain]"
    if question.shape is Shape.CLOZE:  # the missing-word form: the answers stand where the gap is
        parts = question.cloze.parts  # type: ignore[union-attr]
        blank = next(p for p in parts if isinstance(p, Blank))
        cut = parts.index(blank)
        before = "".join(str(p) for p in parts[:cut])
        after = "".join(str(p) for p in parts[cut + 1 :])
        options = " ".join("=" + short_answer(a) for a in (blank.answer, *blank.alternatives))
        gap = f"{{{options} ####{answer(feedback(question))}}}"
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
    for question in build.questions.questions:
        written = gift_question(question)
        if reason := unwritable(question, written):
            build.note(
                question.fact,
                "gift.unwritable",
                f"question {question.id} is left out of the GIFT file: {reason}",
                "reword the fact, or use the Moodle XML file (moodle), which writes it",
            )
            continue
        blocks.append(written)
    return [Output(file_name(lesson.id, "gift", "txt"), ("\n\n".join(blocks) + "\n").encode("utf-8"))]
