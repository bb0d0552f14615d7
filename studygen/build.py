"""Build lessons into output files: every exporter runs in memory, then all files are written.

A build that fails anywhere writes nothing, so the previous outputs stay as they were;
each lesson's folder is then replaced as a whole (`files.publish_folder`), so a build
killed while writing leaves all the old outputs or all the new ones.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic
from .export import (
    Exporter,
    FormatPluginError,
    LessonBuild,
    Output,
    failure,
    load_exporters,
    plugin_package,
    questions_for,
    unknown_formats,
)
from .export.manifest import MANIFEST_NAME, read_manifest, with_remembered_role_ids
from .export.withdrawn import Withdrawn
from .files import check_output_folder, is_staging, publish_folder, source_date_epoch
from .memory import gc_paused
from .model import Lesson
from .outputs import RECORD_NAME, lesson_fingerprint, plan_outputs
from .paths import DECKS_DIR, SEEDS_DIR
from .questions import QuestionSet


def build_time() -> int:
    """Now, or SOURCE_DATE_EPOCH when set (the reproducible-builds convention; empty counts as unset)."""
    epoch = source_date_epoch()
    return int(time.time()) if epoch is None else epoch


def source_date_epoch_problem() -> str | None:
    """What is wrong with SOURCE_DATE_EPOCH, when it is set to something that is not a time."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch == "" or source_date_epoch() is not None:
        return None
    return (
        f"SOURCE_DATE_EPOCH is {epoch!r}, not a time: set it to a whole number of seconds since "
        "1 January 1970 (as `date +%s` prints), or unset it to date the build now"
    )


@dataclass(frozen=True)
class Written:
    path: Path
    changed: bool


def deck_root(lesson_path: Path) -> Path:
    """Where a lesson's outputs go by default, wherever the command is run from: the `decks/` beside
    the `seeds/` folder that holds the lesson, or else beside the lesson's own folder. Building from
    another folder then still finds the deck's manifest."""
    parent = lesson_path.resolve().parent.parent
    return (parent.parent if parent.name == SEEDS_DIR else parent) / DECKS_DIR


def output_folder(lesson: Lesson, out_root: Path | None) -> Path:
    return (out_root if out_root is not None else deck_root(lesson.path)) / lesson.id


def remember_role_ids(lesson: Lesson, out_root: Path | None) -> Lesson:
    """The lesson with the role ids its deck already uses (see manifest.with_remembered_role_ids);
    make questions from this lesson so that a corrected role title keeps its Anki cards. Raises
    OutputError for an output folder that cannot be used, and ExportError for a damaged manifest
    whatever the formats (its role ids would name every format's questions)."""
    folder = output_folder(lesson, out_root)
    check_output_folder(folder)  # a link out of the decks folder is refused before its manifest is read
    return with_remembered_role_ids(lesson, read_manifest(folder / MANIFEST_NAME))


def build_lessons(
    lessons: Iterable[tuple[Lesson, QuestionSet]],
    out_root: Path | None = None,
    formats: list[str] | None = None,
    now: int | None = None,
    progress: Callable[[str], None] | None = None,
    options: dict[str, str] | None = None,
    on_note: Callable[[Diagnostic], None] | None = None,
    on_report: Callable[[str], None] | None = None,
    on_stale: Callable[[Path, bool], None] | None = None,
    withdrawn: Mapping[str, tuple[Withdrawn, ...]] | None = None,
) -> list[Written]:
    """Run the chosen exporters (default: those marked `default`, the Anki deck and the worksheets) for
    each lesson into `out_root/<lesson id>/` (default: `deck_root`).

    `on_note` receives what exporters tell the teacher (a worksheet item left off, say), and
    `on_report` their one-line summaries (how many Anki notes changed). An earlier build's output that
    this build does not make is kept while it is of the same lesson, else removed, or kept when changed
    since (see `outputs`); `on_stale` receives each of the last two, and whether it was removed.
    `withdrawn`: for each lesson id, the questions rejected in review (`review.apply_review`), whose
    Anki notes students may hold."""
    registry = load_exporters()
    names = list(dict.fromkeys(formats or (name for name, item in registry.items() if item.default)))
    if unknown := unknown_formats(names, registry):
        raise ValueError(f"unknown format {', '.join(unknown)}; available: {', '.join(registry)}")
    now = build_time() if now is None else now
    pending: dict[Path, dict[str, bytes]] = {}
    made_from: dict[Path, str] = {}  # each folder's lesson_fingerprint, for its record of outputs
    for lesson, questions in lessons:
        out_dir = output_folder(lesson, out_root)
        if out_dir in pending:
            raise ValueError(f"two lessons have the id '{lesson.id}'")  # the CLI reports this as a diagnostic
        check_output_folder(out_dir)  # before the work, not after it
        job = LessonBuild(
            lesson, questions, out_dir, now, options or {}, withdrawn=(withdrawn or {}).get(lesson.id, ())
        )
        outputs = pending.setdefault(out_dir, {})
        made_by: dict[str, str] = {}  # file name -> the format that made it
        made_from[out_dir] = lesson_fingerprint(lesson, questions)
        for name in names:
            if progress:
                progress(f"{lesson.id}: {name} ({registry[name].description})")
            with gc_paused():  # exporters build many small acyclic objects
                for output in _export(registry[name], job, made_by):
                    outputs[output.name] = output.data
                    made_by[output.name] = name
        for note in job.notes if on_note else ():
            on_note(note)
        for text in job.reports if on_report else ():
            on_report(text)
    written = []
    for out_dir, outputs in pending.items():
        plan = plan_outputs(out_dir, outputs, made_from[out_dir])
        changed = publish_folder(out_dir, plan.files, remove=plan.removed)
        written += [Written(out_dir / name, changed[name]) for name in outputs]
        for name in plan.removed + plan.out_of_date if on_stale else ():
            on_stale(out_dir / name, name in plan.removed)
    return written


def _export(item: Exporter, job: LessonBuild, made_by: dict[str, str]) -> list[Output]:
    """The files of one format. A format of another package is someone else's code: whatever it raises
    (SystemExit too), and a file it names outside the output folder or over the manifest or another
    format's file, is a FormatPluginError that names the package and the format."""
    package = plugin_package(item.name)
    if package is None:
        return item.export(questions_for(job, item))
    problem = f"the format '{item.name}' of the package {package}"
    try:
        outputs = list(item.export(questions_for(job, item)))
    except (Exception, SystemExit) as exc:
        raise FormatPluginError(f"{problem} failed: {failure(exc)}; {_UNINSTALL.format(package)}") from None
    for output in outputs:
        if not (isinstance(output, Output) and isinstance(output.name, str) and isinstance(output.data, bytes)):
            raise FormatPluginError(f"{problem} made {type(output).__name__}, not an Output of bytes; "
                                    f"{_UNINSTALL.format(package)}")  # fmt: skip
        if reason := _not_its_own(output.name, made_by):
            raise FormatPluginError(
                f"{problem} names its file {output.name!r}, {reason}: a format writes only files of its own, named "
                f"without a folder, inside the lesson's output folder; {_UNINSTALL.format(package)}"
            )
    return outputs


_UNINSTALL = "nothing was written; upgrade or uninstall {} (or build without that format)"


def _not_its_own(name: str, made_by: dict[str, str]) -> str:
    """Why a format of another package may not write the file `name`; "" when it may."""
    if name in made_by:
        return f"the {made_by[name]} format's file"
    if name == MANIFEST_NAME:
        return "the Anki manifest"
    if name == RECORD_NAME:
        return "the record of the build's outputs"
    if name in ("", ".", "..") or not name.isprintable() or any(sep in name for sep in "/\\:") or is_staging(name):
        return "not a plain file name"  # a folder in it, a drive, a control character, a build's staging name
    return ""
