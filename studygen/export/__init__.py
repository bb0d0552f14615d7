"""Exporters: one small module per output format, registered by name (as Sphinx's builders).

An exporter turns a lesson's questions into files held in memory; `studygen.build`
writes them only when every exporter of every lesson has succeeded.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, Position, Severity
from ..lessons import display_path
from ..model import Lesson
from ..questions import QuestionSet


class ExportError(Exception):
    """An exporter cannot go on (a damaged manifest, say); the message says what to do."""


class MissingSystemPackage(Exception):
    """A library or font the machine lacks (Pango for PDFs); the message names the package to install."""


@dataclass(frozen=True)
class LessonBuild:
    """Everything an exporter reads: the lesson, its questions, where its outputs go, and when."""

    lesson: Lesson
    questions: QuestionSet
    out_dir: Path
    now: int  # build time (Unix seconds) for anything new; reused times keep builds reproducible
    options: Mapping[str, str] = field(default_factory=dict)  # command-line overrides, e.g. paper
    notes: list[Diagnostic] = field(default_factory=list)  # what an exporter tells the teacher (left-off items)
    reports: list[str] = field(default_factory=list)  # one-line summaries ("3 notes changed")

    def note(self, fact_id: str, code: str, message: str, hint: str = "") -> None:
        """A note on the facts file, at the fact it is about."""
        fact = next((f for f in self.lesson.facts if f.id == fact_id), None)
        person = self.lesson.people.get(fact_id.split(".", 1)[0])  # a role's id: "<person>.<office>"
        pos = fact.pos if fact else person.pos if person else Position(1, 1)
        self.notes.append(
            Diagnostic(display_path(self.lesson.path), pos.line, pos.col, Severity.NOTE, code, message, hint)
        )

    def warn(self, code: str, message: str, hint: str = "") -> None:
        """A warning about the whole lesson, at its `lesson:` line."""
        pos = self.lesson.id_pos
        path = display_path(self.lesson.path)
        self.notes.append(Diagnostic(path, pos.line, pos.col, Severity.WARNING, code, message, hint))

    def report(self, text: str) -> None:
        self.reports.append(text)


@dataclass
class Output:
    """One file an exporter made: its name inside the lesson's output folder, and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Exporter:
    name: str
    description: str
    export: Callable[[LessonBuild], list[Output]]
    requires: tuple[str, ...] = field(default=())


EXPORTERS: dict[str, Exporter] = {}


def exporter(
    name: str, description: str
) -> Callable[[Callable[[LessonBuild], list[Output]]], Callable[[LessonBuild], list[Output]]]:
    def register(function: Callable[[LessonBuild], list[Output]]) -> Callable[[LessonBuild], list[Output]]:
        EXPORTERS[name] = Exporter(name, description, function)
        return function

    return register


def unknown_formats(names: list[str] | None) -> list[str]:
    """The names among `names` that no exporter has (none means: every format)."""
    registry = load_exporters()
    return [name for name in names or [] if name not in registry]


def load_exporters() -> dict[str, Exporter]:
    """Import the format modules (which register themselves) and return the registry."""
    from . import anki, worksheet  # noqa: F401

    return EXPORTERS
