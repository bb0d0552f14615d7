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
}

__all__ = [
    "CheckedLesson",
    "Diagnostic",
    "Fact",
    "Lesson",
    "Person",
    "Role",
    "Severity",
    "Source",
    "__version__",
    "find_lessons",
    "read_lesson",
]

if TYPE_CHECKING:
    from .diagnostics import Diagnostic, Severity
    from .lessons import CheckedLesson, find_lessons, read_lesson
    from .model import Fact, Lesson, Person, Role, Source


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(importlib.import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module 'studygen' has no attribute '{name}'")
