"""Moodle's GIFT text format: one question a paragraph, answers in braces, every text escaped as
Moodle's GIFT parser (qformat_gift) reads it:
- `~ = # { } :` and the backslash are escaped with a backslash, and `*` in a short answer (Moodle's
  wildcard there);
- each text is on one line (a blank line ends the question);
- an answer that starts with `%` (a weight, as in `%100%`) or `[` (a text format, as in `[html]`)
  gets `[plain]` in front, which the parser takes off;
- the left side of a matching pair holding `->` (where the parser splits the pair) is written as
  HTML (`[html]`), its `>` as `&gt;`: Moodle shows it as it is;
- a question GIFT cannot write is left out with a note: `->` in a typed answer (it would become a
  matching question), the parser's own placeholders (`&&058;` and the like), which it turns into
  other characters, and a sentence with more than one gap (a missing-word question has one);
- each question's id and tags go in the comment line above it (`// [id:...] [tag:...]`), which
  Moodle's GIFT import reads as its ID number and tags.
"""

from __future__ import annotations

import re

from ..questions import Question
from ..questions.shapes import Blank, Shape
from . import LessonBuild, Output, exporter
from .classroom import (
    PLACES_PROMPT,
    bank_id,
    feedback,
    file_name,
    html_text,
    moodle_category,
    ordering_places,
    question_tags,
    title,
)
from .moodle import IDNUMBER_MAX
from .moodle import short_answer as moodle_short_answer
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
    return moodle_short_answer(answer(text))


def left_side(text: str) -> str:
    """The left side of a matching pair, which the parser splits at its first `->`: one holding `->`
    is written as HTML, where `>` is `&gt;`."""
    if _MATCH_ARROW in escape(text):
        return "[html]" + escape(html_text(text))
    return answer(text)


def comment(question: Question, tags: list[str]) -> str:
    """The comment line Moodle reads a question's ID number and tags from. Moodle reads comments
    as they are, but for `\\]`, a `]` inside a token; each is on one line."""
    tokens = [("id", bank_id(question, IDNUMBER_MAX)), *(("tag", tag) for tag in tags)]
    return "// " + " ".join(f"[{key}:{_comment_value(value)}]" for key, value in tokens)


def _comment_value(value: str) -> str:
    return " ".join(plain(value).split()).replace("]", "\\]")


def _typed_answers(question: Question) -> tuple[str, ...]:
    """The answers a student types (short answer, missing word): in braces without `~`, where the
    parser reads `->` as a matching pair."""
    if question.shape is Shape.SHORT:
        return (question.answer, *question.alternatives)
    if question.shape is Shape.CLOZE:
        return tuple(text for blank in question.cloze.blanks for text in (blank.answer, *blank.alternatives))  # type: ignore[union-attr]
    return ()


def unwritable(question: Question) -> str | None:
    """Why GIFT cannot hold the question as it is; or None."""
    if question.cloze and len(question.cloze.blanks) > 1:
        return f"it has {len(question.cloze.blanks)} gaps, and GIFT asks one"
    if any(_MATCH_ARROW in escape(text) for text in _typed_answers(question)):
        return "'->' in a typed answer makes Moodle read a matching pair there"
    return None


def misread(written: str) -> str | None:
    """Why Moodle would read `written`, a question in GIFT, otherwise than it is written; or None."""
    if found := _PLACEHOLDER.search(written):
        return f"it holds '{found[0]}', which Moodle's GIFT import turns into another character"
    return None


def _answers(question: Question) -> str:
    """The part in braces, with the general feedback after ####."""
    general = f"####{answer(feedback(question))}"
    if question.shape is Shape.CHOICE:
        options = [("=" if i == question.correct else "~") + answer(c) for i, c in enumerate(question.choices)]
    elif question.shape is Shape.MATCHING:
        options = [f"={left_side(m.prompt)} -> {escape(m.answer)}" for m in question.matches]
    elif question.shape is Shape.ORDERING:  # GIFT has no ordering: each event matched to its place
        options = [f"={left_side(label)} -> {place}" for label, place in ordering_places(question)]
    else:
        options = ["=" + short_answer(a) for a in (question.answer, *question.alternatives)]
    return "{\n\t" + "\n\t".join([*options, general]) + "\n}"


def gift_question(question: Question) -> str:
    """The question in GIFT, with a name but without its comment line; a cloze of one gap only (see
    `unwritable`)."""
    head = f"::{escape(title(question))}::[plain]"
    if question.shape is Shape.CLOZE:  # the missing-word form: the answers stand where the gap is
        parts = question.cloze.parts  # type: ignore[union-attr]
        cut = next(i for i, part in enumerate(parts) if isinstance(part, Blank))
        blank = question.cloze.blanks[0]  # type: ignore[union-attr]
        before = "".join(part for part in parts[:cut] if isinstance(part, str))
        after = "".join(part for part in parts[cut + 1 :] if isinstance(part, str))
        options = " ".join("=" + short_answer(a) for a in (blank.answer, *blank.alternatives))
        gap = f"{{{options} ####{answer(feedback(question))}}}"
        return f"{head}{escape(before, strip=False)}{gap}{escape(after, strip=False)}"
    prompt = question.prompt + (PLACES_PROMPT if question.shape is Shape.ORDERING else "")
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
        written = "" if (reason := unwritable(question)) else gift_question(question)
        if reason := reason or misread(written):
            build.note(
                question.fact,
                "gift.unwritable",
                f"question {question.id} is left out of the GIFT file: {reason}",
                "reword the fact, or use the Moodle XML file (moodle), which writes it",
            )
            continue
        blocks.append(f"{comment(question, question_tags(lesson, question))}\n{written}")
    return [Output(file_name(lesson.id, "gift", "txt"), ("\n\n".join(blocks) + "\n").encode("utf-8"))]
