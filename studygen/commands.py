"""What each command does, behind the thin typer layer in `cli.py` (as MkDocs' commands/).

Kept apart from `cli.py` so that `studygen --help` imports typer only: the library is
imported when a command runs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from .confine import TooLarge, UnsafeFile, read_regular
from .console import console, counts, echo, plural
from .diagnostics import Diagnostic, make_strict
from .files import OutputError, OutputExists, write_atomic
from .paths import FACTS_FILE, display_path
from .schema import MAX_ID_CHARS, PAPER_SIZES, SLUG_PATTERN, json_schema_text, key_reference
from .terminal import Verbosity, json_printable

if TYPE_CHECKING:  # the lesson reader and the question engine are imported by the commands that use them
    from .build import Written
    from .export import Exporter
    from .export.withdrawn import Withdrawn
    from .lessons import CheckedLesson
    from .model import Lesson
    from .questions import QuestionSet


def say(text: str) -> None:
    """Print a line of what was done (on stdout, not with --quiet), control characters escaped."""
    console.status(text)


def fail(message: str, code: int) -> NoReturn:
    """Print `studygen: message` and stop with `code` (1 bad input, 2 usage or environment)."""
    console.failure(message)
    raise typer.Exit(code)


def print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    console.diagnostics(diagnostics)


def read_lessons(
    paths: list[Path] | None, strict: bool = False, prepare: Callable[[Lesson], Lesson] | None = None
) -> list[tuple[CheckedLesson, QuestionSet]]:
    """Read every lesson named on the command line and make its questions, with every diagnostic.

    Lessons with errors get an empty question set: their problems are reported, not built on.
    Entries still marked `draft:` make no question (drafts.py), with a note saying how many.
    `prepare` adjusts a lesson before its questions are made (build: the role ids its deck knows).
    """
    from .drafts import drafts_note, set_aside_drafts
    from .lessons import LessonNotFound, check_unique_ids, find_lessons, read_lesson
    from .questions import QuestionSet, build_questions

    try:
        files = find_lessons(paths)
    except LessonNotFound as exc:
        fail(str(exc), 2)
    checked = [read_lesson(path, strict=strict) for path in files]
    check_unique_ids(checked)
    results = []
    for item in checked:
        questions = QuestionSet()
        if item.ok and item.lesson is not None:
            if prepare is not None:
                item.lesson = prepare(item.lesson)
            item.lesson, aside = set_aside_drafts(item.lesson)
            if aside.total:
                item.diagnostics.append(drafts_note(display_path(item.path), aside))
            questions = build_questions(item.lesson, item.contexts())
            item.diagnostics += make_strict(questions.diagnostics) if strict else questions.diagnostics
        results.append((item, questions))
    return results


def write_output(path: Path, data: str, force: bool) -> None:
    """Write atomically; an existing file is a usage error unless --force."""
    try:
        write_atomic(path, data, overwrite=force)
    except (OutputExists, OutputError) as exc:
        fail(str(exc), 2)


def require_clean(results: list[tuple[CheckedLesson, QuestionSet]], reported_later: bool = False) -> None:
    """MkDocs-style: print every problem; then abort once if any was an error, or go on quietly (printing
    nothing when `reported_later`: a build prints each lesson's problems under its own line)."""
    bad = [item for item, _ in results if not item.ok]
    if not bad:
        for item, _ in results:
            if not reported_later:
                print_diagnostics(item.diagnostics)
        return
    for item, _ in results:
        say(f"{display_path(item.path)}: {counts(item.diagnostics)}{'; not built on' if not item.ok else ''}")
        print_diagnostics(item.diagnostics)
    names = [display_path(item.path) for item in bad]
    fail(f"stopped: {', '.join(names)} {'has' if len(names) == 1 else 'have'} errors", 1)


def review_counts(item: CheckedLesson, questions: QuestionSet) -> str:
    """`review: 80 approved, 5 to review, 4 rejected` for a lesson's summary line."""
    from .review import Counts, judge

    return f"review: {Counts.of(judge(item.ledger, questions.questions))}"


def reviewed_lessons(
    results: list[tuple[CheckedLesson, QuestionSet]], reviewed_only: bool, reports: list[str]
) -> tuple[list[tuple[Lesson, QuestionSet]], dict[str, tuple[Withdrawn, ...]]]:
    """The lessons as exporters get them: rejected questions out, and only approved ones where review is
    required (`lesson.review: required` or --reviewed-only). Each lesson's counts go to `reports` (for its
    line), a note of what was held back to its diagnostics."""
    from .review import apply_review, held_back_note

    lessons, withdrawn = [], {}
    for item, questions in results:
        if item.lesson is None:
            continue
        required = reviewed_only or item.lesson.review_required
        reviewed = apply_review(questions, item.ledger, required)
        reports.append(f"{item.lesson.id}: review: {reviewed.counts}")
        if reviewed.held_back:
            why = "--reviewed-only" if reviewed_only else "the lesson's review: required"
            item.diagnostics.append(held_back_note(item.lesson, reviewed.held_back, why))
        lessons.append((item.lesson, reviewed.questions))
        withdrawn[item.lesson.id] = reviewed.withdrawn
    return lessons, withdrawn


def check(paths: list[Path] | None, strict: bool) -> None:
    """`studygen check`: a line per lesson, then its problems."""
    results = read_lessons(paths, strict)
    for item, questions in results:
        name = display_path(item.path)
        if item.lesson is None:
            say(f"{name}: could not be read; {counts(item.diagnostics)}")
        else:
            lesson, report = item.lesson, item.report
            say(
                f"{name}: {len(lesson.facts)} facts, {len(lesson.people)} people, "
                f"{report.quotations_found}/{report.quotations_checked} quotations verified, "
                f"{len(questions.questions)} questions; {counts(item.diagnostics)}"
                + (f"; {review_counts(item, questions)}" if item.ok else "")
            )
        print_diagnostics(item.diagnostics)
    if not all(item.ok for item, _ in results):
        raise typer.Exit(1)


def questions(paths: list[Path] | None, as_json: bool) -> None:
    """`studygen questions`."""
    from .questions.triage import FIRST

    results = read_lessons(paths)
    require_clean(results)
    if as_json:
        data = [{**q.to_json(), "flags": list(qs.flags.get(q.id, ()))} for _, qs in results for q in qs.questions]
        echo(json_printable(json.dumps(data, indent=2, ensure_ascii=False)))
        return
    for item, qs in results:
        console.out(f"# {item.lesson.title if item.lesson else ''} ({len(qs.questions)} questions)")
        if flags := qs.triage():
            console.out(f"\n## Look at these first ({min(len(flags), FIRST)} of {len(flags)} flagged)")
            for flag in flags[:FIRST]:
                console.out(f"  {flag.target}: {'; '.join(flag.reasons)}")
            if len(flags) > FIRST:
                console.out(f"  ... and {len(flags) - FIRST} more: `studygen preview` lists them all")
        console.out("\n## Questions")
        for question in qs.questions:
            console.out(f"\n[{question.kind}] {question.id}\n  Q: {question.prompt}")
            for item_text in question.items:
                console.out(f"     - {item_text}")
            for index, choice in enumerate(question.choices):
                mark = "*" if index == question.correct else " "
                console.out(f"   {mark} {'ABCD'[index]}. {choice}")
            console.out(f"  A: {question.answer}")


def preview(paths: list[Path] | None, output: Path, force: bool) -> None:
    """`studygen preview`: replaces a review page it wrote before, never another file without --force."""
    from .preview import LessonQuestions, is_preview_page, render_preview

    results = read_lessons(paths)
    require_clean(results)
    reviewed = [(item, qs, review_counts(item, qs)) for item, qs in results]  # each lesson judged once
    page = render_preview([LessonQuestions(item.lesson, qs, line) for item, qs, line in reviewed if item.lesson])
    write_output(output, page, force or is_preview_page(output))
    count = sum(len(qs.questions) for _, qs in results)
    say(f"wrote {display_path(output)}: {count} questions")
    for item, _, line in reviewed:
        say(f"{display_path(item.path)}: {line}")


def build(
    paths: list[Path] | None,
    out: Path | None,
    formats: list[str] | None,
    list_formats: bool,
    paper: str | None,
    large_print: bool = False,
    new_manifest: bool = False,
    reviewed_only: bool = False,
    moodle_version: str | None = None,
) -> None:
    """`studygen build`."""
    from .build import build_lessons, remember_role_ids, source_date_epoch_problem
    from .export import (
        ExportError,
        FormatPluginError,
        MissingSystemPackage,
        load_exporters,
        moodle,
        plugin_problems,
        unknown_formats,
    )

    try:
        registry = load_exporters(skip_broken=list_formats)
    except FormatPluginError as exc:
        fail(str(exc), 2)
    if list_formats:  # what works, then what does not
        for line in format_list(registry):
            console.out(line)
        if problems := plugin_problems():
            fail("\nstudygen: ".join(problems), 2)
        return
    paths, formats = split_formats(paths, formats, registry)
    if formats == []:
        fail(f"--format names no format; choose from: {', '.join(registry)}", 2)
    if paper is not None and paper not in PAPER_SIZES:
        fail(f"--paper must be {' or '.join(PAPER_SIZES)}, not {paper}", 2)
    if problem := source_date_epoch_problem():
        fail(problem, 2)
    if moodle_version is not None:
        try:
            moodle.moodle_version(moodle_version)
        except ValueError as exc:
            fail(str(exc), 2)
    if unknown := unknown_formats(formats, registry):
        fail(f"unknown format {', '.join(unknown)}; choose from: {', '.join(registry)}", 2)
    options = {"paper": paper} if paper else {}
    if large_print:
        options["large_print"] = "yes"
    if new_manifest:
        options["new_manifest"] = "yes"
    if moodle_version is not None:
        options["moodle_version"] = moodle_version
    names = formats or [name for name, item in registry.items() if item.default]
    notes: list[Diagnostic] = []
    stale: list[tuple[Path, bool]] = []
    try:
        # Inside: reading a lesson reads its deck's manifest (role ids), which may be damaged or linked out.
        results = read_lessons(paths, prepare=None if new_manifest else lambda lesson: remember_role_ids(lesson, out))
        require_clean(results, reported_later=True)
        reports: list[str] = []  # a line for each lesson: its review's counts, then what exporters report
        lessons, withdrawn = reviewed_lessons(results, reviewed_only, reports)
        with console.progress(len(lessons) * len(names)) as progress:
            written = build_lessons(
                lessons,
                out,
                formats,
                progress=progress,
                options=options,
                on_note=notes.append,
                on_report=reports.append,
                on_stale=lambda path, removed: stale.append((path, removed)),
                withdrawn=withdrawn,
            )
    except OutputError as exc:
        fail(f"{exc}; the previous outputs are unchanged", 2)
    except FormatPluginError as exc:
        fail(str(exc), 2)
    except ExportError as exc:
        fail(f"{exc}; nothing was written", 1)
    except MissingSystemPackage as exc:
        working = " ".join(formats_that_build_here(registry, *lessons[0], out))
        fail(f"{exc}; nothing was written. The other formats build without it: studygen build --format {working}", 2)
    for lesson, _ in lessons:
        _report_build(lesson, names, out, results, notes, reports, written, stale)


def formats_that_build_here(
    registry: Mapping[str, Exporter], lesson: Lesson, questions: QuestionSet, out: Path | None
) -> list[str]:
    """The formats this machine can make as it is (a system package is missing): each tried in memory
    on one lesson, nothing written."""
    from .build import build_time, output_folder
    from .export import ExportError, LessonBuild, MissingSystemPackage, questions_for

    job = LessonBuild(lesson, questions, output_folder(lesson, out), build_time())
    working = []
    for name, exporter in registry.items():
        try:
            exporter.export(questions_for(job, exporter))
        except MissingSystemPackage:
            continue
        except ExportError:  # a problem of the lesson's outputs (a lost manifest), not of this machine
            pass
        working.append(name)
    return working


def _report_build(
    lesson: Lesson,
    names: list[str],
    out: Path | None,
    results: list[tuple[CheckedLesson, QuestionSet]],
    notes: list[Diagnostic],
    reports: list[str],
    written: list[Written],
    stale: list[tuple[Path, bool]],
) -> None:
    """A lesson's line (what was built where, what changed, the counts of problems), then its problems."""
    from .build import output_folder

    folder = output_folder(lesson, out)
    name = display_path(lesson.path)
    diagnostics = [d for item, _ in results if item.lesson is lesson for d in item.diagnostics]
    diagnostics += [note for note in notes if note.path == name]
    mine = [item for item in written if item.path.parent == folder]
    changed = sum(item.changed for item in mine)
    removed = [path for path, was_removed in stale if was_removed and path.parent == folder]
    kept = [path for path, was_removed in stale if not was_removed and path.parent == folder]
    summary = [f"{plural(len(mine), 'file')}, {changed} changed"]
    summary[0] += f", {len(removed)} out of date removed" if removed else ""
    summary += [text.removeprefix(f"{lesson.id}: ") for text in reports if text.startswith(f"{lesson.id}: ")]
    built = f"{lesson.id}: built {', '.join(names)} into {display_path(folder)}"
    say(f"{built}: {'; '.join(summary)}; {counts(diagnostics)}")
    print_diagnostics(diagnostics)
    for item in mine:
        console.status(f"{'wrote' if item.changed else 'unchanged'} {display_path(item.path)}", Verbosity.VERBOSE)
    for path in removed:
        console.status(f"removed {display_path(path)}: made from an earlier version of the lesson", Verbosity.VERBOSE)
    for path in kept:
        console.warning(
            f"{display_path(path)} is out of date: studygen made it from an earlier version of the lesson, and "
            "it has been changed since, so it is kept; delete it, or rename it to keep it"
        )


def serve(paths: list[Path] | None, port: int, editor: str | None, open_browser: bool) -> None:
    """`studygen serve`."""
    import signal
    import socket
    import webbrowser

    import uvicorn

    from .lessons import LessonNotFound, find_lessons
    from .server import Workbench, create_app, new_token
    from .workbench import open_lessons

    try:
        files = find_lessons(paths)
    except LessonNotFound as exc:
        fail(str(exc), 2)
    if editor is not None:
        try:
            editor.format(path="/lesson/facts.yaml", line=1, col=1)
        except (KeyError, IndexError, ValueError) as exc:
            fail(f"--editor {editor!r} is not a URL template with {{path}}, {{line}} and {{col}} ({exc})", 2)
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.bind(("127.0.0.1", port))  # this machine only; port 0: a free one
    except OSError as exc:
        listener.close()
        fail(f"cannot listen on 127.0.0.1:{port}: {exc.strerror}; choose another --port or leave it out", 2)
    bench = Workbench(open_lessons(files), new_token(), editor)
    for state in bench.lessons:
        print_diagnostics(state.problems)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/?token={bench.token}"
    say(f"studygen serve: {len(bench.lessons)} lesson(s) at\n  {url}\n(open the link; Ctrl-C stops the server)")
    if open_browser:
        webbrowser.open(url)
    config = uvicorn.Config(create_app(bench), log_level="warning", timeout_graceful_shutdown=1)
    # Ctrl-C is how a server is stopped: uvicorn shuts down on it, then raises it again, which would
    # otherwise end studygen as interrupted (exit 130).
    stopped = {signum: signal.signal(signum, lambda *_: None) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        uvicorn.Server(config).run(sockets=[listener])
    finally:
        for signum, handler in stopped.items():
            signal.signal(signum, handler)
    say("studygen serve: stopped")


def split_formats(
    paths: list[Path] | None, formats: list[str] | None, registry: Mapping[str, object]
) -> tuple[list[Path] | None, list[str] | None]:
    """`--format moodle gift qti` names three formats: after --format, a word that names a format and no
    existing file or folder is a format, not a lesson. `--format moodle,gift` works as well."""
    if not formats:
        return paths, formats
    chosen = [name.strip() for value in formats for name in value.split(",") if name.strip()]
    lessons = []
    for path in paths or []:
        if str(path) in registry and not path.exists():
            chosen.append(str(path))
        else:
            lessons.append(path)
    return lessons or None, chosen


def format_list(registry: Mapping[str, Exporter]) -> list[str]:
    """`build --list-formats`: each format, whether it is built by default, and what it does with each
    question shape."""
    from .questions.shapes import Shape

    lines = []
    for name, item in registry.items():
        lines.append(f"{name:10} {item.description}{' (default)' if item.default else ''}")
        for shape in Shape:
            lines.append(f"{'':12}{shape}: {item.writes.get(shape, 'left out, with a note')}")
    return lines


def _read_article(path: Path) -> tuple[str, bool]:
    """The article named on the command line, as text: a regular file of UTF-8 text, news SGML, a web page,
    a PDF or a Word file (draft/readers.py) with some text in it; and whether it is text as it stands
    (a lesson can name it as its article) or was extracted from another kind of file."""
    from .draft.readers import ArticleError, NotUtf8Error, article_text, kind_of

    try:
        data = read_regular(path)
        text = article_text(str(path), data)
        as_text = kind_of(str(path), data) == "text"
    except ArticleError as exc:
        fail(str(exc), 2 if isinstance(exc, NotUtf8Error) else 1)
    except (FileNotFoundError, ValueError):  # ValueError: a NUL in the path
        fail(f"no such article: {path}", 2)
    except TooLarge as exc:  # the input's fault, as for the same article in a lesson
        fail(f"cannot read {path}: {exc.message}; {exc.hint}", 1)
    except UnsafeFile as exc:
        fail(f"cannot read {path}: {exc.message}", 2)
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror}", 2)
    if not text.strip():
        fail(f"the article {path} is empty; nothing to draft", 1)
    return text, as_text


def _report_draft(path: Path) -> None:
    """Check what was written, as the teacher's next step would; a draft must never have errors."""
    from .lessons import read_lesson

    checked = read_lesson(path)
    print_diagnostics([d for d in checked.diagnostics if not d.code.startswith("draft.")])
    if checked.lesson is not None:
        marks = sum(d.code == "draft.unchecked" for d in checked.diagnostics)
        say(
            f"wrote {display_path(path)}: {len(checked.lesson.people)} people, {len(checked.lesson.facts)} facts; "
            f"each of its {marks} entries is marked draft: check them against the article, remove each mark "
            "when done (build leaves marked entries out), then run: studygen check"
        )
    if not checked.ok:
        raise typer.Exit(1)


def draft(article: Path, output: Path | None, force: bool) -> None:
    """`studygen draft`."""
    from .draft import draft_facts
    from .draft.text import clean
    from .draft.writer import slug

    raw, as_text = _read_article(article)
    if output is None:
        echo(draft_facts(raw, slug(article.stem), str(article) if as_text else "article.txt"), nl=False)
        return
    folder = output.parent
    if as_text and article.resolve().is_relative_to(folder.resolve()):
        source = str(article.resolve().relative_to(folder.resolve()))
        facts = draft_facts(raw, slug(article.stem), source)
    else:  # a lesson reads only text files inside its folder: give it the article's text as article.txt
        source = "article.txt"
        text = clean(raw).text
        facts = draft_facts(raw, slug(article.stem), source, text)
        _refuse_existing([output, folder / source], force)
        write_output(folder / source, text, force=True)
        say(f"wrote {display_path(folder / source)}: the article's text, which the facts file names")
    write_output(output, facts, force)
    _report_draft(output)


def _refuse_existing(paths: list[Path], force: bool) -> None:
    """Check every file before writing any, so that a refusal leaves nothing half-written."""
    if not force and (existing := [path for path in paths if path.exists()]):
        fail(f"{existing[0]} already exists; use --force to replace it", 2)


def new(article: Path, lesson_id: str, root: Path, force: bool) -> None:
    """`studygen new`."""
    from .draft import draft_facts
    from .draft.text import clean
    from .draft.writer import slug

    if not re.fullmatch(SLUG_PATTERN, lesson_id):
        example = slug(lesson_id)[:MAX_ID_CHARS]
        fail(f"--id must use lower-case letters, digits and '-', at most {MAX_ID_CHARS} of them, e.g. {example}", 2)
    raw, _ = _read_article(article)
    folder = root / lesson_id
    text = clean(raw).text
    facts = draft_facts(raw, lesson_id, "article.txt", text)
    _refuse_existing([folder / "article.txt", folder / FACTS_FILE], force)
    write_output(folder / "article.txt", text, force=True)
    write_output(folder / FACTS_FILE, facts, force=True)
    _report_draft(folder / FACTS_FILE)


def schema(markdown: bool) -> None:
    """`studygen schema`."""
    echo(key_reference() if markdown else json_schema_text(), nl=False)
