"""Blooket's spreadsheet import (CSV): two heading rows, then one multiple-choice question a row with
two to four answers, a time limit and the number of the correct answer. A text a spreadsheet would
run as a formula starts with an apostrophe (`plain_text.spreadsheet_cell`)."""

from __future__ import annotations

import csv
import io

from ..questions import Question
from ..questions.shapes import Shape
from . import LessonBuild, Output, exporter
from .classroom import file_name, time_limit
from .plain_text import spreadsheet_cell

HEADINGS = (
    ("Blooket\nImport Template", "", "", "", "", "", "", ""),
    (
        "Question #",
        "Question Text",
        "Answer 1",
        "Answer 2",
        "Answer 3\n(Optional)",
        "Answer 4\n(Optional)",
        "Time Limit (sec)\n(Max: 300 seconds)",
        "Correct Answer(s)\n(Only include Answer #)",
    ),
)
TIME_LIMITS = (20, 30, 60, 90, 120)


def blooket_row(number: int, question: Question) -> list[str | int]:
    """A question's row: its number, text, four answer cells (the unused ones empty), time limit and
    the number of its correct answer."""
    answers = [spreadsheet_cell(choice) for choice in question.choices] + ["", "", ""]
    seconds = time_limit(question, TIME_LIMITS)
    return [number, spreadsheet_cell(question.prompt), *answers[:4], seconds, (question.correct or 0) + 1]


@exporter(
    "blooket",
    "Blooket question set (CSV of Blooket's import template)",
    writes={Shape.CHOICE: "multiple choice, 2-4 answers"},
)
def export_blooket(build: LessonBuild) -> list[Output]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(HEADINGS)
    writer.writerows(blooket_row(number, question) for number, question in enumerate(build.questions.questions, 1))
    return [Output(file_name(build.lesson.id, "blooket", "csv"), buffer.getvalue().encode("utf-8"))]
