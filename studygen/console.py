"""What the command line says to the teacher, apart from a command's own output.

A line per lesson, then its errors and warnings (notes with --verbose, errors only with
--quiet), coloured by severity on a terminal, and a progress bar there for builds. The
command's own output (questions, JSON, a schema, a drafted file) goes to stdout as it is.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import typer

from .diagnostics import Diagnostic, Severity
from .terminal import Verbosity, paint, printable, wants_colour


class ClosedPipe(Exception):
    """The reader of the output closed it (`studygen questions | head`): nothing more is wanted."""


def echo(text: str, err: bool = False, nl: bool = True, colour: bool | None = None) -> None:
    """typer.echo, with a closed pipe raised as ClosedPipe (typer would turn it into exit code 1)."""
    try:
        typer.echo(text, err=err, nl=nl, color=colour)
    except BrokenPipeError:
        raise ClosedPipe from None


@dataclass
class Console:
    verbosity: Verbosity = Verbosity.NORMAL

    def out(self, text: str) -> None:
        """The command's own output, on stdout; never coloured, never held back by --quiet."""
        echo(printable(text))

    def status(self, text: str, least: Verbosity = Verbosity.NORMAL) -> None:
        """A line about what was done, on stdout, when the verbosity is at least `least`."""
        if self.verbosity >= least:
            echo(printable(text))

    def failure(self, message: str) -> None:
        """`studygen: message`, on stderr, whatever the verbosity (the command then stops)."""
        colour = wants_colour(sys.stderr)
        echo(paint("studygen:", "error", colour) + " " + printable(message), err=True, colour=colour)

    def warning(self, message: str) -> None:
        """`studygen: warning: message`, on stderr, unless --quiet."""
        if self.verbosity >= Verbosity.NORMAL:
            colour = wants_colour(sys.stderr)
            echo(f"studygen: {paint('warning:', 'warning', colour)} {printable(message)}", err=True, colour=colour)

    def shows(self, diagnostic: Diagnostic) -> bool:
        if diagnostic.severity is Severity.ERROR:
            return True
        if diagnostic.severity is Severity.WARNING:
            return self.verbosity >= Verbosity.NORMAL
        return self.verbosity >= Verbosity.VERBOSE

    def diagnostics(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Each diagnostic this verbosity shows, on stderr."""
        colour = wants_colour(sys.stderr)
        for diagnostic in diagnostics:
            if self.shows(diagnostic):
                echo(diagnostic.render(colour), err=True, colour=colour)

    @contextlib.contextmanager
    def progress(self, steps: int) -> Iterator[Callable[[str], None]]:
        """A function to call at the start of each of `steps` steps: a bar on a terminal's stderr (not
        with --quiet or --verbose), each step's name on a line with --verbose, else nothing."""
        if self.verbosity >= Verbosity.VERBOSE:
            yield lambda text: echo(printable(f"building {text}", one_line=True), err=True)
            return
        if self.verbosity <= Verbosity.QUIET or steps < 2 or not sys.stderr.isatty():
            yield lambda text: None
            return
        bar = typer.progressbar(length=steps, label="building", file=sys.stderr, show_pos=True, width=24)
        started = False
        with bar:

            def step(text: str) -> None:
                nonlocal started
                if started:
                    bar.update(1)
                started = True
                bar.label = printable(f"building {text.split(' (', 1)[0]}", one_line=True)[:60]
                bar.render_progress()

            yield step
            if started:
                bar.update(1)


def counts(diagnostics: Iterable[Diagnostic]) -> str:
    """`2 errors, 1 warning, 0 notes`."""
    tally = {severity: 0 for severity in Severity}
    for diagnostic in diagnostics:
        tally[diagnostic.severity] += 1
    return ", ".join(plural(tally[severity], severity.value) for severity in Severity)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


console = Console()  # set from the command line's --quiet and --verbose
