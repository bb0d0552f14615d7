"""The teacher's review page: every question, front and back, beside its fact and source sentence."""

from __future__ import annotations

from dataclasses import dataclass

from . import __version__
from .html import html_templates
from .model import Lesson
from .questions import KINDS, QuestionSet
from .questions.triage import FIRST


@dataclass(frozen=True)
class LessonQuestions:
    lesson: Lesson
    questions: QuestionSet
    review: str = ""  # the review's counts: "review: 80 approved, 5 to review, 4 rejected"


def render_preview(items: list[LessonQuestions]) -> str:
    """One self-contained HTML page (no scripts, no external files) for all lessons."""
    lessons = [
        {
            "id": item.lesson.id,
            "title": item.lesson.title,
            "citation": item.lesson.source.citation(),
            "review": item.review,
            "questions": item.questions.questions,
            "by_kind": item.questions.by_kind(),
            "notes": [d.render().splitlines()[0] for d in item.questions.diagnostics],
            "triage": item.questions.triage(),
            "flags": item.questions.flags,
        }
        for item in items
    ]
    template = html_templates.get_template("preview.html.j2")
    return template.render(
        first=FIRST,
        lessons=lessons,
        total=sum(len(item.questions.questions) for item in items),
        kinds={name: kind.description for name, kind in KINDS.items()},
        version=__version__,
    )
