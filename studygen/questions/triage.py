"""Triage: the questions a reviewing teacher should look at first, and why.

A teacher with eighty questions to read starts with those most likely to need a change: a value
the teacher supplied (shown as the teacher's, but worth a second look), a short answer standing in
for multiple choice, wrong answers that are weak, and questions the gates left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..dates import parse_date
from ..diagnostics import Diagnostic
from ..model import Lesson
from .base import TEACHER, Question
from .choices import TYPED, YEAR_TYPES
from .chronology import in_period, lesson_period
from .sourcing import account_answer

# Reasons, most pressing first: a teacher's value can put the wrong words in the article's mouth.
SUPPLIED = "shows a value you supplied ({values}): check it reads as yours, not the article's"
SHORT = "short answer in place of multiple choice: the lesson has fewer than three wrong answers of the same kind"
OUTSIDE_YEARS = "weak choices: {years} outside the lesson's period ({first}-{last})"
NON_CLAIMANTS = "weak choices: {names} make no claim in the lesson"


@dataclass(frozen=True)
class Flag:
    """One entry of the list: a question (by id) or a question left out (by its note), and why."""

    target: str
    reasons: tuple[str, ...]
    left_out: bool = False


def flag_reasons(lesson: Lesson, questions: Iterable[Question]) -> dict[str, tuple[str, ...]]:
    """Why each question needs a look (questions that need none are not listed), most pressing first."""
    first, last = lesson_period(lesson)
    claimants = {account_answer(lesson, f.according_to) for f in lesson.facts if f.according_to}
    reasons: dict[str, tuple[str, ...]] = {}
    for question in questions:
        found = []
        supplied = [value for value, given_by in question.sources if given_by == TEACHER]
        if supplied:
            found.append(SUPPLIED.format(values=", ".join(dict.fromkeys(supplied))))
        if question.answer_type in TYPED and not question.choices:
            found.append(SHORT)
        wrong = [c for i, c in enumerate(question.choices) if i != question.correct]
        # A year beyond the period beside its first or last year is how that answer has years on both sides.
        if (
            question.answer_type in YEAR_TYPES
            and first < (shown := parse_date(question.answer)).start
            and shown.end < last
        ):
            outside = [c for c in wrong if not in_period(c, (first, last))]
            if outside:
                found.append(OUTSIDE_YEARS.format(years=", ".join(outside), first=first, last=last))
        if question.answer_type == "account":
            others = [c for c in wrong if c.endswith("account") and c not in claimants]
            if others:
                found.append(NON_CLAIMANTS.format(names=", ".join(others)))
        if found:
            reasons[question.id] = tuple(found)
    return reasons


FIRST = 10  # how many a teacher is pointed to first
# Questions left out for a reason the facts file may be the cause of (a cloze without a rare word is not).
_WORTH_A_LOOK = ("question.answer-in-prompt", "question.attribution", "question.not-unique", "question.worth")


def triage(reasons: dict[str, tuple[str, ...]], notes: Iterable[Diagnostic]) -> list[Flag]:
    """The flagged questions, most pressing first: a value the teacher supplied, weak wrong answers,
    questions left out for a reason the facts may cause, short answers standing in for choices, then
    questions left out as not worth asking (the answer in the title, a date asked already)."""
    flags = [(_rank(why), Flag(question_id, why)) for question_id, why in reasons.items()]
    flags += [
        (4 if note.code == "question.worth" else 2, Flag(target, (why,), left_out=True))
        for note in notes
        if note.code in _WORTH_A_LOOK and note.message.startswith("left out")
        for target, why in [note.message.split(": ", 1)]
    ]
    return [flag for _, flag in sorted(flags, key=lambda item: item[0])]


def _rank(reasons: tuple[str, ...]) -> int:
    if any(r.startswith(SUPPLIED.split("(")[0]) for r in reasons):
        return 0
    return 1 if any(r.startswith("weak choices") for r in reasons) else 3
