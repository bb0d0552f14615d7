"""The teacher's review page: every question, front and back, beside its fact and source sentence."""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .html import html_templates
from .model import Lesson
from .questions import KINDS, QuestionSet
from .questions.triage import FIRST

_GENERATOR_MARK = b'<meta name="generator" content="studygen '  # in preview.html.j2's head


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


def is_preview_page(path: Path) -> bool:
    """Whether `path` is a review page studygen wrote (its generator mark near the start), which
    `preview` may replace; anything else, a teacher's own file, only with --force."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return False
        with path.open("rb") as page:
            start = page.read(1024)
    except OSError:
        return False
    return start.startswith(b"<!DOCTYPE html>") and _GENERATOR_MARK in start
