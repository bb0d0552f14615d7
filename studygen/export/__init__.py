"""Exporters: one small module per output format, registered by name (as Sphinx's builders).

An exporter turns a lesson's questions into files held in memory; `studygen.build`
writes them only when every exporter of every lesson has succeeded.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Position, Severity
from ..model import Lesson
from ..paths import display_path
from ..questions import QuestionSet
from ..questions.shapes import Shape

if TYPE_CHECKING:
    from .withdrawn import Withdrawn


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
    withdrawn: tuple[Withdrawn, ...] = ()  # rejected in review: Anki updates the notes students already have

    def note(self, fact_id: str, code: str, message: str, hint: str = "") -> None:
        """A note on the facts file, at the fact it is about."""
        facts = self.lesson.facts_by_id([fact_id])
        person = self.lesson.people.get(fact_id.split(".", 1)[0])  # a role's id: "<person>.<office>"
        pos = facts[0].pos if facts else person.pos if person else Position(1, 1)
        self._tell(pos, Severity.NOTE, code, message, hint)

    def warn(self, code: str, message: str, hint: str = "") -> None:
        """A warning about the whole lesson, at its `lesson:` line."""
        self._tell(self.lesson.id_pos, Severity.WARNING, code, message, hint)

    def lesson_note(self, code: str, message: str, hint: str = "") -> None:
        """A note about the whole lesson, at its `lesson:` line."""
        self._tell(self.lesson.id_pos, Severity.NOTE, code, message, hint)

    def _tell(self, pos: Position, severity: Severity, code: str, message: str, hint: str) -> None:
        self.notes.append(Diagnostic(display_path(self.lesson.path), pos.line, pos.col, severity, code, message, hint))

    def report(self, text: str) -> None:
        self.reports.append(text)


@dataclass
class Output:
    """One file an exporter made: its name inside the lesson's output folder, and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True)
class Exporter:
    """An output format: its name on the command line, what it writes, and what it does with each
    question shape (`writes`: shape → how, e.g. "multiple choice" or "as matching"). Questions of a
    shape it does not list never reach `export`; one note per lesson tells the teacher how many."""

    name: str
    description: str
    export: Callable[[LessonBuild], list[Output]]
    writes: Mapping[Shape, str] = field(default_factory=dict)
    default: bool = False  # built by `studygen build` without --format


EXPORTERS: dict[str, Exporter] = {}
ENTRY_POINT_GROUP = "studygen.formats"


class FormatPluginError(Exception):
    """A format package installed beside studygen failed to load; the message names it."""


def exporter(
    name: str, description: str, writes: Mapping[Shape, str], default: bool = False
) -> Callable[[Callable[[LessonBuild], list[Output]]], Callable[[LessonBuild], list[Output]]]:
    """Register a built-in format (a format of another package registers an `Exporter` through the
    `studygen.formats` entry point group instead)."""

    def register(function: Callable[[LessonBuild], list[Output]]) -> Callable[[LessonBuild], list[Output]]:
        EXPORTERS[name] = Exporter(name, description, function, writes, default)
        return function

    return register


def questions_for(build: LessonBuild, item: Exporter) -> LessonBuild:
    """The build as the format `item` sees it: only the questions of the shapes it writes. One note
    tells the teacher how many of each other shape are left out (the format has no type for them)."""
    questions = build.questions.questions
    kept = [q for q in questions if q.shape in item.writes]
    if len(kept) == len(questions):
        return build
    left = Counter(str(q.shape) for q in questions if q.shape not in item.writes)
    shapes = ", ".join(f"{count} {shape}" for shape, count in sorted(left.items()))
    complete = [name for name, e in EXPORTERS.items() if set(e.writes) == set(Shape)]
    build.lesson_note(
        f"{item.name}.left-out",
        f"{left.total()} of the {len(questions)} questions are left out of the {item.name} file ({shapes}): "
        "the format has no question type for them",
        f"`studygen build --list-formats` shows what each format writes; {', '.join(complete)} write every question",
    )
    return dataclasses.replace(build, questions=dataclasses.replace(build.questions, questions=kept))


def unknown_formats(names: list[str] | None, registry: Mapping[str, Exporter]) -> list[str]:
    """The names among `names` that no exporter of `registry` (from `load_exporters`) has."""
    return [name for name in names or [] if name not in registry]


def load_exporters() -> dict[str, Exporter]:
    """The registry: the built-in format modules (which register themselves), then every `Exporter`
    that an installed package declares in the `studygen.formats` entry point group; the default
    formats first, then the others by name (the order of --list-formats)."""
    from . import anki, blooket, canvas, flashcards, gift, kahoot, moodle, qti, quizlet, study_page, worksheet  # noqa: F401

    for item in _plugin_exporters():
        if EXPORTERS.setdefault(item.name, item) is not item:
            raise FormatPluginError(
                f"an installed package adds a format named '{item.name}', which studygen already has; "
                "uninstall that package or ask its author to rename the format"
            )
    return dict(sorted(EXPORTERS.items(), key=lambda pair: (not pair[1].default, pair[0])))


@functools.cache
def _plugin_exporters() -> tuple[Exporter, ...]:
    found = []
    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        try:
            item = entry.load()
        except Exception as exc:  # someone else's package: report it, do not crash
            raise FormatPluginError(
                f"the format '{entry.name}' ({entry.value}) failed to load: {type(exc).__name__}: {exc}; "
                "upgrade or uninstall the package that provides it"
            ) from None
        if not isinstance(item, Exporter):
            raise FormatPluginError(
                f"the format '{entry.name}' ({entry.value}) is not a studygen.export.Exporter; "
                "upgrade or uninstall the package that provides it"
            )
        found.append(item)
    return tuple(found)
