"""The `studygen` command line: parse options, call the library, print, set the exit code.

Exit codes: 0 success (warnings allowed), 1 the input has errors, 2 usage error.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .diagnostics import Diagnostic
from .lessons import CheckedLesson, LessonNotFound, display_path, find_lessons, read_lesson
from .schema import json_schema_text

app = typer.Typer(
    name="studygen",
    help="Turn a history article and a teacher's facts file into checked questions, Anki decks and worksheets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_state = {"traceback": False}

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Lesson folders or facts files (default: every lesson under seeds/).", show_default=False),
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")]


class InputErrors(Exception):
    """The teacher's input has errors; they have been printed."""


def _version(value: bool) -> None:
    if value:
        typer.echo(f"studygen {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    show_traceback: Annotated[
        bool, typer.Option("--traceback", help="Show the Python traceback of an internal error (for bug reports).")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """studygen: study material a history teacher can trust."""
    _state["traceback"] = show_traceback


def print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        typer.echo(diagnostic.render(), err=True)


def read_lessons(paths: list[Path] | None, strict: bool = False) -> list[CheckedLesson]:
    """Read every lesson named on the command line, print all diagnostics, abort once if any has errors."""
    try:
        files = find_lessons(paths)
    except LessonNotFound as exc:
        typer.echo(f"studygen: {exc}", err=True)
        raise typer.Exit(2) from None
    checked = [read_lesson(path, strict=strict) for path in files]
    for item in checked:
        print_diagnostics(item.diagnostics)
    return checked


def require_clean(checked: list[CheckedLesson]) -> None:
    bad = [display_path(item.path) for item in checked if not item.ok]
    if bad:
        typer.echo(f"studygen: stopped: {', '.join(bad)} {'has' if len(bad) == 1 else 'have'} errors", err=True)
        raise typer.Exit(1)


@app.command()
def check(paths: PathsArg = None, strict: StrictOpt = False) -> None:
    """Check facts files against their articles and report every problem with file, line and column."""
    checked = read_lessons(paths, strict)
    for item in checked:
        errors = sum(d.is_error for d in item.diagnostics)
        warnings = len(item.diagnostics) - errors
        name = display_path(item.path)
        if item.lesson is None:
            typer.echo(f"{name}: {errors} error(s); could not be read")
            continue
        lesson, report = item.lesson, item.report
        typer.echo(
            f"{name}: {len(lesson.facts)} facts, {len(lesson.people)} people, "
            f"{report.quotations_found}/{report.quotations_checked} quotations verified, "
            f"{errors} error(s), {warnings} warning(s)"
        )
    if not all(item.ok for item in checked):
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of facts files (for editors with a YAML language server)."""
    typer.echo(json_schema_text(), nl=False)


def run() -> None:
    """Console-script entry point: turn unexpected exceptions into a short message."""
    try:
        app()
    except Exception as exc:
        if _state["traceback"]:
            traceback.print_exc()
        else:
            print(
                f"studygen: internal error: {type(exc).__name__}: {exc}\n"
                "  this is a bug in studygen, not in your files; rerun with --traceback and report it",
                file=sys.stderr,
            )
        sys.exit(3)
