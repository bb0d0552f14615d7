"""The `studygen` command line: parse options and hand over to `commands`; set the exit code.

Exit codes: 0 success (warnings allowed), 1 the input has errors, 2 usage or environment,
3 a bug in studygen, 130 interrupted, 141 the reader of the output closed the pipe. Only typer
is imported here, so that `--help` and `--version` answer at once; a command imports the
library when it runs.
"""

from __future__ import annotations

import os
import signal
import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .console import ClosedPipe, console
from .paths import DECKS_DIR, SEEDS_DIR
from .terminal import Verbosity, printable

app = typer.Typer(
    name="studygen",
    help="Turn a history article and a teacher's facts file into checked questions, Anki decks and worksheets.",
    epilog="Example: studygen build   (checks and builds every lesson under seeds/ into decks/)",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: formatting it with rich would triple the start-up time
)

_state = {"traceback": False}
# Options of the whole program, accepted before or after the command's name (`run` moves them first).
GLOBAL_FLAGS = frozenset({"--traceback", "--quiet", "-q", "--verbose", "-v"})
CLOSED_PIPE = 141  # 128 + SIGPIPE, what `cat` or `git log` give when `head` stops reading

PathsArg = Annotated[
    list[Path] | None,
    typer.Argument(help="Lesson folders or facts files (default: every lesson under seeds/).", show_default=False),
]
StrictOpt = Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"studygen {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    show_traceback: Annotated[
        bool, typer.Option("--traceback", help="Show the Python traceback of an internal error (for bug reports).")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Print notes too, and each file written and each step.")
    ] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """studygen: study material a history teacher can trust.

    --traceback, --quiet and --verbose may also follow the command's name.
    """
    if quiet and verbose:
        raise typer.BadParameter("choose one of --quiet and --verbose", param_hint="--quiet/--verbose")
    _state["traceback"] = show_traceback
    console.verbosity = Verbosity.QUIET if quiet else Verbosity.VERBOSE if verbose else Verbosity.NORMAL


@app.command(epilog="Example: studygen check seeds/russia-nato --strict")
def check(paths: PathsArg = None, strict: StrictOpt = False) -> None:
    """Check facts files against their articles and report every problem with file, line and column."""
    from . import commands

    commands.check(paths, strict)


@app.command(epilog="Example: studygen questions seeds/russia-nato --json | head -40")
def questions(
    paths: PathsArg = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: one object per question, in a list.")] = False,
) -> None:
    """List every question of the lessons: kind, prompt, answer and choices."""
    from . import commands

    commands.questions(paths, as_json)


# Until version 0.1.0, preview and draft named their output -o/--output: still read, no longer shown.
OldOutputOpt = Annotated[
    Path | None, typer.Option("--output", hidden=True, dir_okay=False, help="The old name of -o/--out.")
]


@app.command(epilog="Example: studygen preview seeds/russia-nato -o review.html")
def preview(
    paths: PathsArg = None,
    out: Annotated[Path, typer.Option("-o", "--out", help="Where to write the HTML page.", dir_okay=False)] = Path(
        "preview.html"
    ),
    output: OldOutputOpt = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists and is not a page preview wrote.")
    ] = False,
) -> None:
    """Write one HTML page to review every question beside its fact and the article's sentence.

    A page preview wrote before is replaced; any other file only with --force.
    """
    from . import commands

    commands.preview(paths, output or out, force)


FormatOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--format",
        "-f",
        help="Output formats: --format moodle gift qti, or -f moodle,gift (default: anki and worksheet). "
        "See --list-formats.",
    ),
]


@app.command(
    epilog="Examples:\n\n\b\n  studygen build\n  studygen build seeds/russia-nato --format moodle gift -o exports"
)
def build(
    paths: PathsArg = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help=f"Folder for the outputs, one subfolder per lesson (default: the {DECKS_DIR}/ folder beside the "
            f"lesson's {SEEDS_DIR}/ folder, or beside the lesson's folder).",
        ),
    ] = None,
    formats: FormatOpt = None,
    list_formats: Annotated[bool, typer.Option("--list-formats", help="List the output formats and exit.")] = False,
    paper: Annotated[
        str | None, typer.Option("--paper", help="Worksheet paper size, A4 or Letter (default: the lesson's, else A4).")
    ] = None,
    large_print: Annotated[
        bool, typer.Option("--large-print", help="Worksheets in large print: bigger type, more room to write.")
    ] = False,
    moodle_version: Annotated[
        str | None,
        typer.Option(
            "--moodle-version",
            help="The Moodle release the Moodle XML file is for, e.g. 4.5: from 4.4 on, orderings are written as "
            "Moodle's ordering type (default: as matching, which every Moodle imports).",
        ),
    ] = None,
    new_manifest: Annotated[
        bool,
        typer.Option(
            "--new-manifest",
            help="Start a new Anki manifest where the old one is lost or belongs to another lesson "
            "(students' Anki then updates every note once).",
        ),
    ] = False,
    reviewed_only: Annotated[
        bool,
        typer.Option(
            "--reviewed-only", help="Export only the questions approved in each lesson's review.yaml (studygen serve)."
        ),
    ] = False,
) -> None:
    """Build each lesson's outputs (Anki deck, worksheets, or the classroom formats named) into decks/<lesson>/."""
    from . import commands

    commands.build(paths, out, formats, list_formats, paper, large_print, new_manifest, reviewed_only, moodle_version)


@app.command(epilog="Example: studygen serve seeds/russia-nato --editor 'vscode://file/{path}:{line}:{col}'")
def serve(
    paths: PathsArg = None,
    port: Annotated[int, typer.Option("--port", help="Port on 127.0.0.1 (default: a free one).", min=0, max=65535)] = 0,
    editor: Annotated[
        str | None,
        typer.Option(
            "--editor",
            help="Open files at a line in your editor: a URL template such as vscode://file/{path}:{line}:{col}.",
        ),
    ] = None,
    open_browser: Annotated[bool, typer.Option("--open/--no-open", help="Open the page in your web browser.")] = True,
) -> None:
    """Open the teacher's workbench: the article, facts, checks and questions, live; review by keyboard."""
    from . import commands

    commands.serve(paths, port, editor, open_browser)


ArticleArg = Annotated[
    Path, typer.Argument(help="The article: plain text, SGML news (<DOC>, <P>), a web page (.html), a PDF or a .docx.")
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace files that already exist.")]


@app.command(epilog="Example: studygen draft article.txt -o seeds/strike/facts.yaml")
def draft(
    article: ArticleArg,
    out: Annotated[
        Path | None, typer.Option("-o", "--out", help="Where to write the facts file (default: print it).")
    ] = None,
    output: OldOutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Draft a facts file from a raw article: people, quotations, dated events, proposals."""
    from . import commands

    commands.draft(article, output or out, force)


@app.command(epilog="Example: studygen new article.txt --id treaty-of-orsk")
def new(
    article: ArticleArg,
    lesson_id: Annotated[str, typer.Option("--id", help="Short id of the new lesson, e.g. treaty-of-orsk.")],
    root: Annotated[Path, typer.Option("--seeds", help="Folder of lessons.")] = Path(SEEDS_DIR),
    force: ForceOpt = False,
) -> None:
    """Start a lesson: seeds/<id>/article.txt (the article's text) and a drafted facts.yaml."""
    from . import commands

    commands.new(article, lesson_id, root, force)


@app.command(epilog="Example: studygen schema > facts.schema.json")
def schema(
    markdown: Annotated[
        bool, typer.Option("--markdown", help="Print the key reference as Markdown (as in the README) instead.")
    ] = False,
) -> None:
    """Print the JSON Schema of facts files (for editors with a YAML language server)."""
    from . import commands

    commands.schema(markdown)


class Interrupted(BaseException):
    """Ctrl-C or a kill: raised where the program is, so that clean-up code runs on the way out."""


def _interrupt(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def globals_first(args: list[str]) -> list[str]:
    """The command line with the whole program's options (GLOBAL_FLAGS) moved before the command's
    name, where they are read: `studygen build --quiet` as `studygen --quiet build`. After `--`,
    every word is an argument."""
    end = args.index("--") if "--" in args else len(args)
    flags = [arg for arg in args[:end] if arg in GLOBAL_FLAGS]
    return flags + [arg for index, arg in enumerate(args) if index >= end or arg not in GLOBAL_FLAGS]


def _quiet_stdout() -> None:
    """Point stdout at the null device, so that Python's last flush at exit finds no closed pipe."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())


def run() -> None:
    """Console-script entry point: every failure ends in a one-line message and an exit code.

    0 success, 1 the input has errors, 2 usage or environment (a path, the disk),
    3 a bug in studygen, 130 interrupted, 141 the output's reader closed the pipe.
    """
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupt)
    if any("\0" in arg for arg in sys.argv[1:]):  # no file name can hold one; some path checks raise on it
        print("studygen: the command line holds an embedded null byte (NUL); retype the argument", file=sys.stderr)
        sys.exit(2)
    try:
        app(args=globals_first(sys.argv[1:]), prog_name="studygen")
    except ClosedPipe:  # `studygen questions | head`: the reader has all it wanted
        _quiet_stdout()
        sys.exit(CLOSED_PIPE)
    except Interrupted:
        print("studygen: interrupted; each output folder holds all its old files or all its new ones", file=sys.stderr)
        sys.exit(130)
    except OSError as exc:  # the environment, not the input: a vanished folder, a full disk
        where = f" {printable(str(exc.filename), one_line=True)}:" if exc.filename else ""
        print(f"studygen:{where} {exc.strerror or exc}", file=sys.stderr)
        sys.exit(2)
    except Exception as exc:
        if _state["traceback"]:
            traceback.print_exc()
        else:
            print(
                f"studygen: internal error: {type(exc).__name__}: {printable(str(exc), one_line=True)[:500]}\n"
                "  this is a bug in studygen, not in your files; rerun with --traceback and report it",
                file=sys.stderr,
            )
        sys.exit(3)
