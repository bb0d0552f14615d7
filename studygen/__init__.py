"""studygen: turn a history article and a teacher's curated facts into study material.

The library never prints and never exits; `studygen.cli` is a thin layer over it.
Names are imported on first use, so that the command line starts quickly.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_HOMES = {
    "Diagnostic": "diagnostics",
    "Severity": "diagnostics",
    "CheckedLesson": "lessons",
    "find_lessons": "lessons",
    "read_lesson": "lessons",
    "Fact": "model",
    "Lesson": "model",
    "Person": "model",
    "Role": "model",
    "Source": "model",
    "QuestionSet": "questions",
    "build_questions": "questions",
    "Question": "questions",
    "Shape": "questions.shapes",
    "build_lessons": "build",
    "draft_facts": "draft",
    "Exporter": "export",
    "load_exporters": "export",
}

__all__ = [
    "CheckedLesson",
    "Diagnostic",
    "Exporter",
    "Fact",
    "Lesson",
    "Person",
    "Question",
    "QuestionSet",
    "Role",
    "Severity",
    "Shape",
    "Source",
    "__version__",
    "build_lessons",
    "build_questions",
    "draft_facts",
    "find_lessons",
    "load_exporters",
    "read_lesson",
]

if TYPE_CHECKING:
    from .build import build_lessons
    from .diagnostics import Diagnostic, Severity
    from .draft import draft_facts
    from .export import Exporter, load_exporters
    from .lessons import CheckedLesson, find_lessons, read_lesson
    from .model import Fact, Lesson, Person, Role, Source
    from .questions import Question, QuestionSet, build_questions
    from .questions.shapes import Shape


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module 'studygen' has no attribute '{name}'")
