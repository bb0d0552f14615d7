"""Find lessons and read them through load, validate and ground: the library's front door."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .article import Article
from .diagnostics import Diagnostic, DiagnosticSink, Severity, has_errors, make_strict, sorted_diagnostics
from .files import is_staging
from .ground import GroundReport, ground
from .load import load_yaml
from .memory import gc_paused
from .model import Lesson
from .paths import FACTS_FILE, SEEDS_DIR, display_path
from .printed_words import check_printed_words
from .review import REVIEW_FILE, Ledger, read_ledger
from .validate import validate


class LessonNotFound(Exception):
    """A path given by the user is not a lesson (a usage error, not an input error)."""


@dataclass
class CheckedLesson:
    """A lesson as read from disk: the model (when it could be built) and every diagnostic."""

    path: Path
    lesson: Lesson | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    report: GroundReport = field(default_factory=GroundReport)
    article: Article | None = None
    review: Ledger | None = None  # the teacher's review.yaml (empty when there is none or it is damaged)

    @property
    def ledger(self) -> Ledger:
        """The review read with the lesson, or an empty one."""
        return self.review or Ledger(self.path.parent / REVIEW_FILE)

    @property
    def ok(self) -> bool:
        return self.lesson is not None and not has_errors(self.diagnostics)

    def contexts(self) -> dict[str, str]:
        """For each fact id (and `person.roles.N`), the article sentences its evidence is in, in article
        order; passages from different places are joined with " … ", so none reads as one sentence."""
        if self.article is None:
            return {}
        article = self.article
        return {
            key: " … ".join(dict.fromkeys(article.passage_at(start, end) for start, end in sorted(spans)))
            for key, spans in self.report.spans.items()
            if spans
        }


def find_lessons(paths: list[Path] | None = None, root: Path | None = None) -> list[Path]:
    """Facts files for the given paths (a folder, a facts file, or a folder of lessons).

    With no paths, every lesson under `seeds/` of `root` (default: the working folder).
    """
    if not paths:
        seeds = (root or Path.cwd()) / SEEDS_DIR
        if not seeds.is_dir():
            raise LessonNotFound(f"no {SEEDS_DIR}/ folder here; give the path of a lesson folder or facts file")
        found = _lessons_in(seeds)
        if not found:
            raise LessonNotFound(f"no lessons under {SEEDS_DIR}/ (each lesson is a folder with a {FACTS_FILE})")
        return found
    result: list[Path] = []
    for path in paths:
        try:
            result.extend(_lesson_files(path))
        except (OSError, ValueError) as exc:  # a NUL byte, a name too long for the file system
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise LessonNotFound(f"{str(path)[:200]!r} cannot be used as a path: {reason}") from None
    return list(dict.fromkeys(result))  # a lesson named twice is read once


def _lessons_in(folder: Path) -> list[Path]:
    """The facts files of the lessons in `folder`; not those of the copies a build stages beside an output
    folder (`.<lesson>.studygen-new-*`, which a killed build can leave and the next build removes)."""
    return sorted(path for path in folder.glob(f"*/{FACTS_FILE}") if not is_staging(path.parent.name))


def _lesson_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if (path / FACTS_FILE).is_file():
        return [path / FACTS_FILE]
    if path.is_dir() and (nested := _lessons_in(path)):
        return nested
    raise LessonNotFound(f"'{path}' is not a lesson: expected a facts file or a folder holding {FACTS_FILE}")


def check_unique_ids(lessons: list[CheckedLesson]) -> None:
    """Two lessons with one id would write one output folder and share their Anki notes' GUIDs."""
    first: dict[str, CheckedLesson] = {}
    for item in lessons:
        if item.lesson is None:
            continue
        other = first.setdefault(item.lesson.id, item)
        if other is not item:
            pos = item.lesson.id_pos
            item.diagnostics.append(
                Diagnostic(
                    display_path(item.path), pos.line, pos.col, Severity.ERROR, "lesson.duplicate-id",
                    f"the lesson id '{item.lesson.id}' is also the id of {display_path(other.path)}",
                    "give each lesson its own id: it names the lesson's output folder and its Anki notes",
                )
            )  # fmt: skip


def read_lesson(path: Path, strict: bool = False, raw: bytes | None = None) -> CheckedLesson:
    """Load, validate and ground one lesson; never raises for bad input."""
    with gc_paused():
        return _read_lesson(path, strict, raw)


def _read_lesson(path: Path, strict: bool, raw: bytes | None) -> CheckedLesson:
    sink = DiagnosticSink(display_path(path))
    loaded = load_yaml(path, sink, raw)
    lesson = validate(loaded, sink) if loaded is not None else None
    report = GroundReport()
    article = None
    if lesson is not None:
        check_printed_words(lesson, sink)
    if lesson is not None and lesson.article:
        article = Article(lesson.article)
        report = ground(lesson, sink, article)
    review, problems = read_ledger(path.parent)
    diagnostics = sink.finish() + problems
    diagnostics = make_strict(diagnostics) if strict else diagnostics
    return CheckedLesson(path, lesson, sorted_diagnostics(diagnostics), report, article, review)
