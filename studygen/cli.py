"""The `studygen` command line: parse options and hand over to `commands`; set the exit code.

Exit codes: 0 success (warnings allowed), 1 the input has errors, 2 usage or environment,
3 a bug in studygen, 130 interrupted. Only typer is imported here, so that `--help` and
`--version` answer at once; a command imports the library when it runs.
"""

from __future__ import annotations

import signal
import sys
import traceback
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .paths import DECKS_DIR, SEEDS_DIR
from .terminal import printable

app = typer.Typer(
    name="studygen",
    help="Turn a history article and a teacher's facts file into checked questions, Anki decks and worksheets.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: formatting it with rich would triple the start-up time
)

_state = {"traceback": False}

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
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """studygen: study material a history teacher can trust."""
    _state["traceback"] = show_traceback


@app.command()
def check(paths: PathsArg = None, strict: StrictOpt = False) -> None:
    """Check facts files against their articles and report every problem with file, line and column."""
    from . import commands

    commands.check(paths, strict)


@app.command()
def questions(
    paths: PathsArg = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON: one object per question, in a list.")] = False,
) -> None:
    """List every question of the lessons: kind, prompt, answer and choices."""
    from . import commands

    commands.questions(paths, as_json)


@app.command()
def preview(
    paths: PathsArg = None,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Where to write the HTML page.", dir_okay=False)
    ] = Path("preview.html"),
    force: Annotated[bool, typer.Option("--force", help="Replace the output file if it exists.")] = False,
) -> None:
    """Write one HTML page to review every question beside its fact and the article's sentence."""
    from . import commands

    commands.preview(paths, output, force)


FormatOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--format",
        "-f",
        help="Output formats: --format moodle gift qti, or -f moodle,gift (default: anki and worksheet). "
        "See --list-formats.",
    ),
]


@app.command()
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

    commands.build(paths, out, formats, list_formats, paper, large_print, new_manifest, reviewed_only)


@app.command()
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


@app.command()
def draft(
    article: ArticleArg,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Where to write the facts file (default: print it).")
    ] = None,
    force: ForceOpt = False,
) -> None:
    """Draft a facts file from a raw article: people, quotations, dated events, proposals."""
    from . import commands

    commands.draft(article, output, force)


@app.command()
def new(
    article: ArticleArg,
    lesson_id: Annotated[str, typer.Option("--id", help="Short id of the new lesson, e.g. treaty-of-orsk.")],
    root: Annotated[Path, typer.Option("--seeds", help="Folder of lessons.")] = Path(SEEDS_DIR),
    force: ForceOpt = False,
) -> None:
    """Start a lesson: seeds/<id>/article.txt (the article's text) and a drafted facts.yaml."""
    from . import commands

    commands.new(article, lesson_id, root, force)


@app.command()
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


def run() -> None:
    """Console-script entry point: every failure ends in a one-line message and an exit code.

    0 success, 1 the input has errors, 2 usage or environment (a path, the disk),
    3 a bug in studygen, 130 interrupted.
    """
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupt)
    if any("\0" in arg for arg in sys.argv[1:]):  # no file name can hold one; some path checks raise on it
        print("studygen: the command line holds an embedded null byte (NUL); retype the argument", file=sys.stderr)
        sys.exit(2)
    try:
        app()
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
