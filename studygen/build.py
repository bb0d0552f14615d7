"""Build lessons into output files: every exporter runs in memory, then all files are written.

A build that fails anywhere writes nothing, so the previous outputs stay as they were;
each lesson's folder is then replaced as a whole (`files.publish_folder`), so a build
killed while writing leaves all the old outputs or all the new ones.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic
from .export import LessonBuild, load_exporters, unknown_formats
from .files import check_output_folder, publish_folder
from .lessons import gc_paused
from .model import Lesson
from .questions import QuestionSet


def build_time() -> int:
    """Now, or SOURCE_DATE_EPOCH when set (the reproducible-builds convention)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return int(epoch) if epoch and epoch.isdigit() else int(time.time())


@dataclass(frozen=True)
class Written:
    path: Path
    changed: bool


def build_lessons(
    lessons: Iterable[tuple[Lesson, QuestionSet]],
    out_root: Path,
    formats: list[str] | None = None,
    now: int | None = None,
    progress: Callable[[str], None] | None = None,
    options: dict[str, str] | None = None,
    on_note: Callable[[Diagnostic], None] | None = None,
) -> list[Written]:
    """Run the chosen exporters (default: all) for each lesson into `out_root/<lesson id>/`.

    `on_note` receives what exporters tell the teacher (a worksheet item left off, say)."""
    registry = load_exporters()
    names = formats or list(registry)
    if unknown := unknown_formats(names):
        raise ValueError(f"unknown format {', '.join(unknown)}; available: {', '.join(registry)}")
    now = build_time() if now is None else now
    pending: dict[Path, dict[str, bytes]] = {}
    for lesson, questions in lessons:
        out_dir = out_root / lesson.id
        if out_dir in pending:
            raise ValueError(f"two lessons have the id '{lesson.id}'")  # the CLI reports this as a diagnostic
        check_output_folder(out_dir)  # before the work, not after it
        job = LessonBuild(lesson, questions, out_dir, now, options or {})
        outputs = pending.setdefault(out_dir, {})
        for name in names:
            if progress:
                progress(f"{lesson.id}: {name} ({registry[name].description})")
            with gc_paused():  # exporters build many small acyclic objects
                outputs.update((output.name, output.data) for output in registry[name].export(job))
        for note in job.notes if on_note else ():
            on_note(note)
    written = []
    for out_dir, outputs in pending.items():
        changed = publish_folder(out_dir, outputs)
        written += [Written(out_dir / name, changed[name]) for name in outputs]
    return written
