"""What `studygen serve` shows of a lesson, made from the library alone: the article with the passages
the facts rest on, each fact with its diagnostics and its questions, and each question's review status.

The server (`studygen.server`) only renders this and records decisions; a lesson that no
longer reads keeps its last good view beside its errors.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .diagnostics import Diagnostic, Severity
from .fields import DRAFTED
from .lessons import CheckedLesson, read_lesson
from .model import Lesson
from .paths import display_path
from .questions import build_questions
from .questions.base import role_key
from .review import Counts, Judged, Ledger, judge


@dataclass(frozen=True)
class Segment:
    """A run of the article's text and the keys of the facts (or roles) whose evidence covers it."""

    text: str
    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class FactGroup:
    """A fact (or a set of facts, for a matching or ordering question) with its problems and questions."""

    key: str
    title: str
    line: int  # where it starts in the facts file (0: not in it)
    diagnostics: tuple[Diagnostic, ...]
    questions: tuple[Judged, ...]
    has_passage: bool
    checks: tuple[str, ...] = ()  # what the draft asks the teacher to check (its `draft:` marks)


@dataclass(frozen=True)
class LessonView:
    lesson: Lesson
    segments: tuple[Segment, ...]
    groups: tuple[FactGroup, ...]
    general: tuple[Diagnostic, ...]  # diagnostics about no fact in particular
    counts: Counts
    ledger: Ledger
    flags: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # question id -> why to look (triage)

    @property
    def judged(self) -> list[Judged]:
        return [j for group in self.groups for j in group.questions]


def article_segments(text: str, spans: dict[str, list[tuple[int, int]]]) -> tuple[Segment, ...]:
    """The article cut where any evidence span starts or ends; overlapping passages share a segment."""
    cuts = sorted({0, len(text), *(offset for found in spans.values() for span in found for offset in span)})
    segments = []
    for start, end in itertools.pairwise(cuts):
        if start >= end:
            continue
        keys = tuple(sorted(key for key, found in spans.items() if any(a <= start and end <= b for a, b in found)))
        segments.append(Segment(text[start:end], keys))
    return tuple(segments)


def _fact_of_line(starts: list[tuple[int, str]], line: int) -> str | None:
    """The fact whose entry in the facts file holds `line` (entries run from one fact's line to the next's)."""
    index = bisect.bisect_right([start for start, _ in starts], line) - 1
    return starts[index][1] if index >= 0 else None


def make_view(checked: CheckedLesson) -> LessonView:
    """The view of a lesson that reads without errors (`checked.ok`)."""
    lesson = checked.lesson
    assert lesson is not None
    questions = build_questions(lesson, checked.contexts())
    ledger = checked.ledger
    judged = judge(ledger, questions.questions)
    facts_path = display_path(checked.path)
    # Entries of the facts file, by key: the facts, and each role (whose questions are keyed person.role).
    entries = {fact.id: (fact.pos.line, f"{fact.kind}: {fact.id}") for fact in lesson.facts}
    span_keys = {}
    for person in lesson.people.values():
        for index, role in enumerate(person.roles):
            key = role_key(person, role)
            entries[key] = (role.pos.line, f"role: {person.name}, {role.title}")
            span_keys[f"{person.id}.roles.{index}"] = key
    spans = {span_keys.get(key, key): found for key, found in checked.report.spans.items()}
    # Where each entry starts; a person's own lines (name, aliases) belong to no fact or role: key "".
    starts = sorted(
        [(line, key) for key, (line, _) in entries.items()] + [(p.pos.line, "") for p in lesson.people.values()]
    )
    by_fact: dict[str, list[Diagnostic]] = {}
    general = []
    for diagnostic in [*checked.diagnostics, *questions.diagnostics]:
        key = _fact_of_line(starts, diagnostic.line) if diagnostic.path == facts_path else None
        (by_fact.setdefault(key, []) if key else general).append(diagnostic)
    grouped: dict[str, list[Judged]] = {}
    for item in judged:
        grouped.setdefault(item.question.fact, []).append(item)
    keys = [key for _, key in starts if key] + [
        key for key in grouped if key not in entries
    ]  # the file's order, then sets
    checks = draft_checks(lesson)
    groups = sorted(
        (
            FactGroup(
                key,
                entries[key][1] if key in entries else _set_title(grouped[key]),
                entries[key][0] if key in entries else 0,
                tuple(by_fact.get(key, ())),
                tuple(grouped.get(key, ())),
                bool(spans.get(key)),
                tuple(checks.get(key, ())),
            )
            for key in keys
        ),
        key=lambda group: _doubt(group.checks),  # what the draft was unsure of first
    )
    text = checked.article.original if checked.article else ""
    segments = article_segments(text, spans)
    return LessonView(lesson, segments, tuple(groups), tuple(general), Counts.of(judged), ledger, questions.flags)


def draft_checks(lesson: Lesson) -> dict[str, list[str]]:
    """What the draft asks the teacher to check (its `draft:` marks), by fact or role key; a mark on a
    person goes to every fact that names the person. A mark with a reason of its own comes first."""
    found: dict[str, list[str]] = {}
    for fact in lesson.facts:
        if fact.draft:
            found.setdefault(fact.id, []).append(fact.draft)
    for person in lesson.people.values():
        for role in person.roles:
            if role.draft:
                found.setdefault(role_key(person, role), []).append(role.draft)
        if person.draft:
            for fact in lesson.facts:
                if person.id in fact.people:
                    found.setdefault(fact.id, []).append(f"{person.name}: {person.draft}")
    return {key: sorted(reasons, key=lambda reason: reason.endswith(DRAFTED)) for key, reasons in found.items()}


def _doubt(checks: tuple[str, ...]) -> int:
    """0 for an entry the draft gives a reason to doubt, 1 for one it only drafted, 2 for a checked one."""
    if not checks:
        return 2
    return 1 if all(reason.endswith(DRAFTED) for reason in checks) else 0


def _set_title(questions: list[Judged]) -> str:
    """A set's questions (matching, ordering) rest on several facts: name them."""
    return "set of facts: " + ", ".join(dict.fromkeys(f for j in questions for f in j.question.facts))


@dataclass
class LessonState:
    """One lesson as the server holds it: its last good view, and the problems of its files now."""

    path: Path
    view: LessonView | None = None
    problems: list[Diagnostic] = field(default_factory=list)  # errors that stop the lesson reading now
    version: int = 0

    @property
    def folder(self) -> Path:
        return self.path.parent

    def refresh(self) -> None:
        """Read the lesson again; keep the last good view when it no longer reads."""
        checked = read_lesson(self.path)
        if checked.ok:
            self.view, self.problems = make_view(checked), []
        else:
            self.problems = [d for d in checked.diagnostics if d.severity is Severity.ERROR]
        self.version += 1


def open_lessons(paths: Iterable[Path]) -> list[LessonState]:
    states = [LessonState(path) for path in paths]
    for state in states:
        state.refresh()
    return states


def rejudged(view: LessonView, ledger: Ledger) -> LessonView:
    """The same view after a decision: each question's status from `ledger`."""
    groups = tuple(
        replace(group, questions=tuple(judge(ledger, [j.question for j in group.questions]))) for group in view.groups
    )
    judged = [j for group in groups for j in group.questions]
    return replace(view, groups=groups, counts=Counts.of(judged), ledger=ledger)
