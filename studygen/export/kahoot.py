"""Kahoot!'s quiz spreadsheet (xlsx), laid out as Kahoot's own template: a title, then from row 8 the
columns Question, Answer 1-4, Time limit and Correct answer(s).

Kahoot limits a question to 120 characters and an answer to 75. A question that is too long is
shortened only in ways that keep it true (spaces, and a person's full name given as the surname
the article uses for them, when no other person of the lesson bears it); otherwise it is left out
with a note.

Every text is written as a text cell: never a formula (`=1+1`) or a link (`https://...`), whatever
it starts with (see `plain_text` for the characters left out).
"""

from __future__ import annotations

import datetime
import io

from ..model import Lesson
from ..questions import Question
from ..questions.base import named_in, short_name
from ..questions.shapes import Shape
from . import LessonBuild, Output, exporter
from .classroom import file_name, time_limit
from .plain_text import plain

QUESTION_MAX = 120
ANSWER_MAX = 75
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
HEADER_ROW = 7  # zero-based: row 8, as in Kahoot's template
HEADERS = (
    "",
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
# The workbook's "created" date: fixed, so that the same questions give the same bytes.
CREATED = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)


def fit(text: str, limit: int, surnames: dict[str, str]) -> str | None:
    """`text` within `limit` characters without changing what it says, or None."""
    text = " ".join(plain(text).split())
    for full, short in surnames.items():
        if len(text) <= limit:
            break
        text = text.replace(full, short)
    return text if len(text) <= limit else None


def _surnames(lesson: Lesson) -> dict[str, str]:
    """Full names and the surnames the article also uses for them, longest names first; never a surname
    that another person of the lesson also bears ("Kennedy" for John Kennedy beside Robert Kennedy),
    which would make the shortened question name either of them."""
    pairs = {person.name: short_name(lesson, pid) for pid, person in lesson.people.items()}
    names = [person.name for person in lesson.people.values()]
    unique = {
        full: short
        for full, short in pairs.items()
        if full != short and not any(other != full and named_in(short, other) for other in names)
    }
    return dict(sorted(unique.items(), key=lambda p: -len(p[0])))


def kahoot_row(question: Question, surnames: dict[str, str]) -> list[str | int] | None:
    prompt = fit(question.prompt, QUESTION_MAX, surnames)
    answers = [fit(choice, ANSWER_MAX, surnames) for choice in question.choices]
    if prompt is None or None in answers or len(set(answers)) < len(answers):
        return None
    padded = [*answers, "", "", ""][:4]
    return [prompt, *padded, time_limit(question, TIME_LIMITS), (question.correct or 0) + 1]  # type: ignore[list-item]


@exporter(
    "kahoot",
    "Kahoot! quiz spreadsheet (xlsx of Kahoot's template)",
    writes={Shape.CHOICE: "quiz question, 2-4 answers, within Kahoot's lengths"},
)
def export_kahoot(build: LessonBuild) -> list[Output]:
    import xlsxwriter

    lesson = build.lesson
    surnames = _surnames(lesson)
    buffer = io.BytesIO()
    # Text stays text: xlsxwriter would otherwise write "=..." as a formula and "https://..." as a link.
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    workbook.set_properties({"title": plain(lesson.title), "created": CREATED, "author": "studygen"})
    sheet = workbook.add_worksheet("Sheet1")
    bold = workbook.add_format({"bold": True})
    sheet.write(1, 1, "Quiz template", bold)
    sheet.write(2, 1, plain(f"{lesson.title}. Source: {lesson.source.citation()}. Made with studygen."))
    sheet.write_row(HEADER_ROW, 0, HEADERS, bold)
    sheet.set_column(1, 1, 60)
    sheet.set_column(2, 5, 30)
    number = 0
    for question in build.questions.questions:
        row = kahoot_row(question, surnames)
        if row is None:
            build.note(
                question.fact,
                "kahoot.too-long",
                f"question {question.id} is left out of the Kahoot! file: its question is over {QUESTION_MAX} "
                f"characters or an answer over {ANSWER_MAX}, and it cannot be shortened without changing it",
                "shorten the fact's wording, or use another format for this question",
            )
            continue
        number += 1
        sheet.write_row(HEADER_ROW + number, 0, [number, *row])
    workbook.close()
    return [Output(file_name(lesson.id, "kahoot", "xlsx"), buffer.getvalue())]
