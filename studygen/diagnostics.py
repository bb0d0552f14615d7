"""Diagnostics: what is wrong with a teacher's input, where, and how to fix it.

Every stage returns diagnostics instead of raising, so that one run reports every
problem at once (the way MkDocs collects configuration errors before aborting).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from .terminal import paint, printable


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # information for the teacher; never fails a check, even with --strict


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    col: int


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int
    col: int
    severity: Severity
    code: str
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def render(self, colour: bool = False) -> str:
        """`path:line:col: severity: message [code]`, then the hint, indented (its later lines, such as
        lines of the file shown with a gutter, under its first). `colour`: the severity in its colour."""
        severity = paint(f"{self.severity.value}:", self.severity.value, colour)
        text = printable(f"{self.path}:{self.line}:{self.col}: ", True) + severity
        text += printable(f" {self.message} [{self.code}]", True)
        for number, line in enumerate(self.hint.splitlines()):
            text += ("\n  hint: " if number == 0 else "\n        ") + printable(line, True)
        return text

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.col, self.code)


class DiagnosticSink:
    """Collects diagnostics for one file; stages append to it and never stop early."""

    LIMIT = 500  # past this, problems are counted, not kept: a teacher fixes the first ones first

    def __init__(self, path: Path | str) -> None:
        self.path = str(path)
        self.items: list[Diagnostic] = []
        self.dropped = 0
        self.dropped_errors = 0  # of those dropped: a summary of warnings alone fails nothing

    def add(
        self,
        severity: Severity,
        pos: Position | None,
        code: str,
        message: str,
        hint: str = "",
        path: str | None = None,
    ) -> None:
        pos = pos or Position(1, 1)
        self.keep(Diagnostic(path or self.path, pos.line, pos.col, severity, code, message, hint))

    def keep(self, diagnostic: Diagnostic) -> None:
        """Keep a diagnostic made elsewhere (by another stage's sink), up to the limit."""
        if len(self.items) >= self.LIMIT:
            self.dropped += 1
            self.dropped_errors += diagnostic.is_error
            return
        self.items.append(diagnostic)

    def error(self, pos: Position | None, code: str, message: str, hint: str = "") -> None:
        self.add(Severity.ERROR, pos, code, message, hint)

    def warning(self, pos: Position | None, code: str, message: str, hint: str = "") -> None:
        self.add(Severity.WARNING, pos, code, message, hint)

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.items)

    def finish(self) -> list[Diagnostic]:
        """The diagnostics kept, with a last one counting those left out."""
        if not self.dropped:
            return self.items
        if not self.dropped_errors:  # a long draft's marks, say
            summary = Diagnostic(self.path, 1, 1, Severity.WARNING, "load.too-many-problems",
                                 f"{self.dropped:,} more warnings are not shown",
                                 "deal with the warnings above and check again")  # fmt: skip
            return [*self.items, summary]
        summary = Diagnostic(self.path, 1, 1, Severity.ERROR, "load.too-many-problems",
                             f"{self.dropped:,} more problems are not shown",
                             "fix the problems above and check again")  # fmt: skip
        return [*self.items, summary]


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def make_strict(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """`--strict`: warnings become errors (notes stay notes)."""
    return [
        Diagnostic(d.path, d.line, d.col, Severity.ERROR, d.code, d.message, d.hint)
        if d.severity is Severity.WARNING
        else d
        for d in diagnostics
    ]


def sorted_diagnostics(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=Diagnostic.sort_key)


def render_all(diagnostics: list[Diagnostic]) -> str:
    return "\n".join(d.render() for d in sorted_diagnostics(diagnostics))
