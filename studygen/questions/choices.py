"""Multiple choice: distractors of the answer's type that the lesson's facts make false.

Choices are deterministic for a lesson's seed, year options are in order, and the
position of the correct answer is spread evenly over A-D across the lesson.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from ..model import Lesson
from .base import Draft, ranked_people

CHOICES = 4
YEAR_TYPES = ("year", "decade")
TYPED = ("person", "group", "office", *YEAR_TYPES, "quote", "account")
MAX_QUOTE_WORDS = 8


def _rng(seed: int, key: str) -> random.Random:
    return random.Random(f"{seed}:{key}")  # str seeds hash with SHA-512: the same everywhere


def _pool(lesson: Lesson, draft: Draft) -> list[str]:
    """Plausible wrong answers of the draft's type, best first (before removing true ones)."""
    kind = draft.answer_type
    if draft.candidates:
        return list(draft.candidates)
    if kind in ("person", "group"):
        return list(ranked_people(lesson, [], kind))
    if kind == "quote":
        said = [f.said for f in lesson.facts if f.kind == "quote" and f.said]
        said += [f.reply.said for f in lesson.facts if f.reply]
        short = [s for s in dict.fromkeys(said) if len(s.split()) <= MAX_QUOTE_WORDS]
        return [f"“{s}”" for s in short]
    return []


def _year_choices(lesson: Lesson, draft: Draft, position: int) -> list[str] | None:
    """Years (or decades) around the answer, in order, with the answer at `position`."""
    decade = draft.answer_type == "decade"
    answer_year = int("".join(c for c in draft.answer if c.isdigit())[:4])
    step = 10 if decade else 1
    lesson_years = {
        f.when.start for f in lesson.facts if f.when is not None and f.when.decade == decade and not f.when.is_span
    }

    qualifier = draft.answer[: draft.answer.index(str(answer_year))] if decade else ""

    def label(year: int) -> str:  # distractors share the answer's "mid-", so it gives nothing away
        return f"{qualifier}{year}s" if decade else str(year)

    true = {label(y) for y in (answer_year,)} | set(draft.true_values)
    below = sorted({y for y in lesson_years if y < answer_year} | {answer_year - step * k for k in (1, 2, 3, 5)})
    above = sorted({y for y in lesson_years if y > answer_year} | {answer_year + step * k for k in (1, 2, 3, 5)})
    below = [y for y in below if label(y) not in true][::-1]  # nearest first
    above = [y for y in above if label(y) not in true]
    # Prefer the lesson's own years (plausible) over invented neighbours.
    below.sort(key=lambda y: (y not in lesson_years, answer_year - y))
    above.sort(key=lambda y: (y not in lesson_years, y - answer_year))
    want_below = position
    if len(below) < want_below or len(above) < CHOICES - 1 - want_below:
        return None
    years = sorted(below[:want_below] + [answer_year] + above[: CHOICES - 1 - want_below])
    return [label(y) for y in years]


def add_choices(lesson: Lesson, draft: Draft, position: int) -> tuple[tuple[str, ...], int | None]:
    """Choices for a draft with the answer at `position`, or () when three false ones are not to be had."""
    if draft.answer_type not in TYPED:
        return (), None
    if draft.answer_type in YEAR_TYPES:
        years = _year_choices(lesson, draft, position)
        return (tuple(years), years.index(draft.answer)) if years else ((), None)
    true = set(draft.true_values) | {draft.answer} | set(draft.alternatives)
    pool = [c for c in dict.fromkeys(_pool(lesson, draft)) if c not in true]
    if len(pool) < CHOICES - 1:
        return (), None
    rng = _rng(lesson.questions.seed, draft.key + draft.answer_type)
    best = pool[: max(CHOICES - 1, 5)]  # a little variety among the most plausible
    distractors = rng.sample(best, CHOICES - 1)
    rng.shuffle(distractors)
    choices = distractors[:position] + [draft.answer] + distractors[position:]
    return tuple(choices), position


def positions(count: int, seed: int, key: str) -> Iterable[int]:
    """Correct positions for `count` questions: each of A-D equally often, in shuffled order."""
    cycle = [i % CHOICES for i in range(count)]
    _rng(seed, key).shuffle(cycle)
    return cycle
