"""studygen: turn a history article and a teacher's curated facts into study material.

The library never prints and never exits; `studygen.cli` is a thin layer over it.
"""

from .diagnostics import Diagnostic, Severity
from .lessons import CheckedLesson, find_lessons, read_lesson
from .model import Fact, Lesson, Person, Role, Source

__version__ = "0.1.0"

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
