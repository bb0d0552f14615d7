"""The review ledger: a teacher's verdict on each question, kept in `review.yaml` beside the facts.

Each entry is stored against a hash of what the student sees (as annotation tools such as
Prodigy do), so a question whose prompt, choices or answer changed since it was judged
comes back for review. The file is part of the lesson: read inside its folder, validated
with file:line:col diagnostics, never overwritten when it is damaged, and written whole
(sorted, one entry per question) so that a decision is a small diff.
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .confine import UnsafeFile, inside, read_regular
from .diagnostics import Diagnostic, DiagnosticSink, Position, Severity
from .export.withdrawn import Withdrawn
from .fields import suggest, type_name
from .files import write_atomic
from .load import load_yaml
from .model import Lesson
from .paths import display_path
from .questions import Question, QuestionSet

REVIEW_FILE = "review.yaml"
MAX_REVIEW_BYTES = 16_000_000  # about 200 bytes a question


class Verdict(enum.Enum):
    APPROVED = "approved"
    REJECTED = "rejected"
    SKIPPED = "skipped"  # looked at, decided later: still to review


# Why a question is rejected, as written in review.yaml -> why, as the student's withdrawn card says it.
REASONS: dict[str, str] = {
    "false": "it is not true",
    "misattributed": "it gives words or a claim to the wrong person",
    "trivial": "it is not worth learning",
    "ambiguous": "it has more than one right answer",
    "badly worded": "it is badly worded",
    "other": "your teacher decided not to use it",
}


class Status(enum.Enum):
    """Where a question stands for a build."""

    APPROVED = "approved"
    TO_REVIEW = "to review"
    REJECTED = "rejected"


_SHOWN_KEYS = ("prompt", "choices", "correct", "answer", "alternatives", "items", "pairs", "cloze", "according_to")


def shown_hash(question: Question) -> str:
    """A hash of what the student sees of a question (prompt, choices, answer, items, whose account)."""
    data = question.to_json()
    shown = {key: data.get(key) for key in _SHOWN_KEYS}
    text = json.dumps(shown, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Decision:
    """A teacher's verdict on one question, with what the question showed when it was judged."""

    question: str  # the question's id, as `studygen questions --json` gives it
    verdict: Verdict
    shown: str  # shown_hash of the question when judged
    reason: str | None = None  # one of REASONS, for a rejection
    note: str = ""  # the teacher's own words
    prompt: str = ""
    choices: tuple[str, ...] = ()
    answer: str = ""
    pos: Position = field(default=Position(1, 1), compare=False)

    @classmethod
    def of(cls, question: Question, verdict: Verdict, reason: str | None = None, note: str = "") -> Decision:
        return cls(question.id, verdict, shown_hash(question), reason if verdict is Verdict.REJECTED else None,
                   note, question.prompt, question.choices, question.answer)  # fmt: skip


@dataclass(frozen=True)
class Ledger:
    """The decisions of one lesson's review.yaml, and the bytes they were read from (None: no file)."""

    path: Path
    decisions: Mapping[str, Decision] = field(default_factory=dict)
    read_bytes: bytes | None = None

    def with_decision(self, decision: Decision) -> Ledger:
        return replace(self, decisions={**self.decisions, decision.question: decision})


@dataclass(frozen=True)
class Judged:
    """A question with its status; `decision` is the last verdict, `changed` true when the question no
    longer shows what was judged (the decision is then kept only to show what changed)."""

    question: Question
    status: Status
    decision: Decision | None
    changed: bool


def judge(ledger: Ledger, questions: Iterable[Question]) -> list[Judged]:
    """Each question's status: its verdict while it shows what was judged, else to review."""
    judged = []
    for question in questions:
        decision = ledger.decisions.get(question.id)
        changed = decision is not None and decision.shown != shown_hash(question)
        if decision is None or changed or decision.verdict is Verdict.SKIPPED:
            status = Status.TO_REVIEW
        else:
            status = Status.APPROVED if decision.verdict is Verdict.APPROVED else Status.REJECTED
        judged.append(Judged(question, status, decision, changed))
    return judged


@dataclass(frozen=True)
class Counts:
    approved: int = 0
    to_review: int = 0
    rejected: int = 0
    changed: int = 0  # of those to review, the ones judged before and changed since

    @classmethod
    def of(cls, judged: Iterable[Judged]) -> Counts:
        items = list(judged)
        return cls(
            sum(j.status is Status.APPROVED for j in items),
            sum(j.status is Status.TO_REVIEW for j in items),
            sum(j.status is Status.REJECTED for j in items),
            sum(j.changed for j in items),
        )

    def __str__(self) -> str:
        changed = f" ({self.changed} changed since judged)" if self.changed else ""
        return f"{self.approved} approved, {self.to_review} to review{changed}, {self.rejected} rejected"


@dataclass(frozen=True)
class Reviewed:
    """What a build exports after review: never a rejected question; with `required`, only approved ones."""

    questions: QuestionSet
    withdrawn: tuple[Withdrawn, ...]  # rejected: Anki updates the notes students already have
    held_back: tuple[str, ...]  # ids of questions not yet approved, left out because review is required
    counts: Counts


def apply_review(questions: QuestionSet, ledger: Ledger, required: bool) -> Reviewed:
    """Filter a lesson's questions once, before every exporter."""
    judged = judge(ledger, questions.questions)
    keep = {Status.APPROVED} if required else {Status.APPROVED, Status.TO_REVIEW}
    kept = [j.question for j in judged if j.status in keep]
    withdrawn = tuple(
        Withdrawn(j.question, REASONS.get(j.decision.reason or "other", REASONS["other"]))
        for j in judged
        if j.status is Status.REJECTED and j.decision is not None
    )
    held = tuple(j.question.id for j in judged if required and j.status is Status.TO_REVIEW)
    return Reviewed(replace(questions, questions=kept), withdrawn, held, Counts.of(judged))


HELD_BACK_SHOWN = 10  # question ids a held-back note names; the rest are counted


def held_back_note(lesson: Lesson, held: tuple[str, ...], why: str) -> Diagnostic:
    """A note naming the questions a build left out because review is required and they are not approved."""
    named = ", ".join(held[:HELD_BACK_SHOWN])
    if len(held) > HELD_BACK_SHOWN:
        named += f" and {len(held) - HELD_BACK_SHOWN} more"
    pos = lesson.id_pos
    return Diagnostic(
        display_path(lesson.path), pos.line, pos.col, Severity.NOTE, "review.held-back",
        f"held back {len(held)} question(s) not approved in {REVIEW_FILE} ({why}): {named}",
        "review them with `studygen serve`; approved questions are exported",
    )  # fmt: skip


# -- reading ---------------------------------------------------------------------------


class _Checker:
    """Turns the YAML data of review.yaml into decisions, reporting each problem at its place."""

    ENTRY_KEYS = ("id", "verdict", "reason", "note", "shown", "prompt", "choices", "answer")

    def __init__(self, sink: DiagnosticSink) -> None:
        self.sink = sink

    def error(self, pos: Position, code: str, message: str, hint: str = "") -> None:
        self.sink.error(pos, f"review.{code}", message, hint)

    def text(self, value: Any, pos: Position, what: str) -> str | None:
        if isinstance(value, str):
            return value
        self.error(pos, "type", f"{what} must be text, not {type_name(value)}", "write it on one line after the key")
        return None

    def entry(self, data: Any, pos: Position, positions: Mapping[str, Position], keys: Mapping[str, Position]) -> Any:
        if not isinstance(data, dict):
            self.error(
                pos, "type", f"each entry must be a mapping with id:, verdict: and shown:, not {type_name(data)}"
            )
            return None
        for key in data:
            if key not in self.ENTRY_KEYS:
                hint = suggest(key, list(self.ENTRY_KEYS)) or f"the keys are: {', '.join(self.ENTRY_KEYS)}"
                self.error(keys.get(key, pos), "unknown-key", f"unknown key '{key}' in a review entry", hint)
        missing = [key for key in ("id", "verdict", "shown") if key not in data]
        if missing:
            self.error(
                pos, "missing", f"the entry lacks {', '.join(missing)}", "review the question again in studygen serve"
            )
            return None
        values = {key: self.text(data[key], positions.get(key, pos), key) for key in ("id", "verdict", "shown")}
        if None in values.values():
            return None
        verdicts = [v.value for v in Verdict]
        if values["verdict"] not in verdicts:
            hint = suggest(values["verdict"], verdicts) or f"write one of: {', '.join(verdicts)}"
            self.error(positions["verdict"], "value", f"the verdict cannot be '{values['verdict']}'", hint)
            return None
        verdict = Verdict(values["verdict"])
        reason = data.get("reason") or None
        if verdict is Verdict.REJECTED and reason is not None:
            reason = self.text(reason, positions["reason"], "reason")
            if reason is not None and reason not in REASONS:
                hint = suggest(reason, list(REASONS)) or f"write one of: {', '.join(REASONS)}"
                self.error(positions["reason"], "value", f"the reason cannot be '{reason}'", hint)
                return None
        choices = data.get("choices") or []
        if not (isinstance(choices, list) and all(isinstance(c, str) for c in choices)):
            self.error(positions.get("choices", pos), "type", "choices must be a list of text")
            return None
        others = {
            key: self.text(data.get(key) or "", positions.get(key, pos), key) for key in ("note", "prompt", "answer")
        }
        if None in others.values():
            return None
        return Decision(
            values["id"],
            verdict,
            values["shown"],
            reason if verdict is Verdict.REJECTED else None,
            others["note"] or "",
            others["prompt"] or "",
            tuple(choices),
            others["answer"] or "",
            pos,
        )


def review_path(folder: Path) -> Path:
    return folder / REVIEW_FILE


def read_ledger(folder: Path, raw: bytes | None = None) -> tuple[Ledger, list[Diagnostic]]:
    """The review of the lesson in `folder` (empty when there is none) and every problem of the file.

    A damaged file gives an empty ledger and errors: the lesson then does not build, and
    studygen never writes over it."""
    path = review_path(folder)
    sink = DiagnosticSink(display_path(path))
    if raw is None:
        try:
            raw = read_regular(inside(folder, REVIEW_FILE), MAX_REVIEW_BYTES)
        except FileNotFoundError:
            return Ledger(path), []
        except UnsafeFile as exc:
            sink.error(None, "review.unreadable", exc.message, exc.hint or f"make {REVIEW_FILE} an ordinary file")
            return Ledger(path), sink.finish()
    loaded = load_yaml(path, sink, raw, plain=True)
    if loaded is None:
        return Ledger(path, read_bytes=raw), sink.finish()
    checker = _Checker(sink)
    root = loaded.data
    decisions: dict[str, Decision] = {}
    if not isinstance(root, dict) or not isinstance(root.get("questions", []), list):
        checker.error(
            loaded.pos(()),
            "top-level",
            "review.yaml must be a mapping with a list under questions:",
            f"restore {REVIEW_FILE} from version control, or delete it to start the review again",
        )
        return Ledger(path, read_bytes=raw), sink.finish()
    for key in root:
        if key not in ("lesson", "questions"):
            checker.error(loaded.key_pos((key,)), "unknown-key", f"unknown key '{key}' in review.yaml",
                          "the keys are: lesson, questions")  # fmt: skip
    entries = root.get("questions") or []
    for index, data in enumerate(entries):
        where = ("questions", index)
        positions = loaded.value_positions(data)
        keys = {key: loaded.key_pos((*where, key)) for key in data} if isinstance(data, dict) else {}
        decision = checker.entry(data, loaded.pos(where), positions, keys)
        if decision is None:
            continue
        if decision.question in decisions:
            first = decisions[decision.question].pos
            checker.error(decision.pos, "duplicate", f"the question {decision.question} is reviewed twice "
                          f"(also at line {first.line})", "keep one of the two entries")  # fmt: skip
            continue
        decisions[decision.question] = decision
    diagnostics = sink.finish()
    if any(d.is_error for d in diagnostics):
        decisions = {}
    return Ledger(path, decisions, raw), diagnostics


# -- writing ---------------------------------------------------------------------------

HEADER = """\
# The teacher's review of this lesson's questions: one entry per question, sorted by id.
# Written by `studygen serve`; you may edit it. verdict: approved, rejected or skipped;
# reason (of a rejection): false, misattributed, trivial, ambiguous, badly worded or other.
# shown: a hash of what the student sees; when the question changes, it returns to review.
"""


def ledger_text(lesson_id: str, decisions: Iterable[Decision]) -> str:
    entries = []
    for decision in sorted(decisions, key=lambda d: d.question):
        entry: dict[str, Any] = {"id": decision.question, "verdict": decision.verdict.value}
        if decision.reason:
            entry["reason"] = decision.reason
        if decision.note:
            entry["note"] = decision.note
        entry["shown"] = decision.shown
        entry["prompt"] = decision.prompt
        if decision.choices:
            entry["choices"] = list(decision.choices)
        entry["answer"] = decision.answer
        entries.append(entry)
    body = yaml.safe_dump(
        {"lesson": lesson_id, "questions": entries}, sort_keys=False, allow_unicode=True, width=1_000_000
    )
    return HEADER + body


class ReviewFileDamaged(Exception):
    """review.yaml on disk has errors: it is not written over; the message says where."""


@dataclass(frozen=True)
class Saved:
    ledger: Ledger
    changed_on_disk: bool  # the file was changed by someone else since it was read; their edits are kept


def save_decision(ledger: Ledger, lesson_id: str, decision: Decision) -> Saved:
    """Record one decision in review.yaml, atomically, on top of what the file holds now.

    The file is read again first: decisions made on disk since `ledger` was read (the teacher
    edited it, another window decided) are kept, and a damaged file is never written over
    (ReviewFileDamaged)."""
    folder = ledger.path.parent
    try:
        current = read_regular(inside(folder, REVIEW_FILE), MAX_REVIEW_BYTES)
    except FileNotFoundError:
        current = None
    except UnsafeFile as exc:
        raise ReviewFileDamaged(f"{display_path(ledger.path)}: {exc.message}") from None
    changed = current != ledger.read_bytes
    on_disk, problems = read_ledger(folder, current) if current is not None else (Ledger(ledger.path), [])
    if errors := [d for d in problems if d.severity is Severity.ERROR]:
        raise ReviewFileDamaged(errors[0].render())
    ledger = on_disk.with_decision(decision)
    data = ledger_text(lesson_id, ledger.decisions.values()).encode("utf-8")
    write_atomic(inside(folder, REVIEW_FILE), data)
    return Saved(replace(ledger, read_bytes=data), changed)
