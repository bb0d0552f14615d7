"""A lesson's questions read as one sheet: none may give another away.

Teachers read every question of a lesson against every other. So the questions are taken in the
order a teacher would keep them (multiple choice with its fair choices first, then blanks, short
answers, the matching and timeline exercises, and 'fact or account?' last), and a question is left
out when a kept one gives it away or it gives a kept one away (`giveaways`). A matching or a
timeline loses its offending items first, and is left out only when too few would remain.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Lesson
from .base import Question
from .chronology import timeline_summary
from .giveaways import Ask, Giveaways, clash, fold, shows
from .shapes import Shape
from .sourcing import matching_summary

MIN_ITEMS = {Shape.MATCHING: 3, Shape.ORDERING: 4}  # the kinds' own least: fewer is a guess
PRINTED = "the lesson's title and the article's"  # what every question is printed with


def order(questions: list[Question]) -> list[Question]:
    """The questions in the order they are kept (see the module's docstring)."""
    rank: dict[str, int] = {}
    seen: dict[str, int] = {}
    for question in questions:
        rank[question.id] = seen.get(question.kind, 0)
        seen[question.kind] = rank[question.id] + 1

    def key(question: Question) -> tuple[int, int, int]:
        tier = priority(question)
        group = 2 if question.kind == "claim" else 1 if question.shape in MIN_ITEMS else 0
        return group, rank[question.id] if group == 0 else 0, tier

    return sorted(questions, key=key)


def priority(question: Question) -> int:
    """Which of two questions in the same round a teacher keeps: the lower."""
    if question.kind == "claim":
        return 6  # a question about sources, asked of statements other questions ask about
    if question.shape is Shape.CHOICE:
        return 0 if question.kind != "when" else 1  # who did what before when
    if question.shape is Shape.CLOZE:
        return 2
    if question.shape is Shape.SHORT:
        return 3 if question.kind != "when" else 4
    return 5  # matching and timeline: they lose items rather than whole questions


@dataclass(frozen=True)
class LeftOut:
    """A question (or some items of one) left out, and the kept question it clashed with."""

    question: Question
    other: str  # the kept question's id
    why: str
    items: tuple[str, ...] = ()  # the items left out of a matching or timeline that stays


@dataclass
class _Kept:
    id: str
    shown: tuple[str, ...]
    asks: tuple[Ask, ...]


def select(
    lesson: Lesson, questions: list[Question], recount: Callable[[Question, int], str]
) -> tuple[list[Question], list[LeftOut]]:
    """The questions that give none another away, in their original order, and those left out.
    `recount(question, n)` words a matching or timeline prompt for n items."""
    detector = Giveaways(lesson)
    # The lesson's title and the article's are printed with every question: what they show is never
    # asked (a headline "Tolls 'a tax on patience', says Varga" answers "Who called tolls ...?"). Their
    # years are the gates' (`answer_not_in_title`, `date_not_in_citation`): a title's period, "1998",
    # gives no day of it away.
    printed = tuple(re.sub(r"\d+", " ", fold(title)) for title in (lesson.title, lesson.source.title) if title)
    # Read together, too: "Ann Hale's apology" above "PM sorry for harbour tolls" answers what office she held.
    printed += (" ".join(printed),) if len(printed) > 1 else ()
    kept: list[_Kept] = [_Kept(PRINTED, printed, ())]
    chosen: dict[str, Question] = {}
    left: list[LeftOut] = []

    def first_clash(shown: tuple[str, ...], asks: tuple[Ask, ...]) -> tuple[str, str] | None:
        for other in kept:
            if why := clash(shown, asks, other.shown, other.asks):
                return other.id, why
        return None

    for question in order(questions):
        if question.shape in MIN_ITEMS:
            keep: list[int] = []
            dropped: list[tuple[int, str, str]] = []
            for index in range(len(question.pairs)):
                found = first_clash(detector.item_shown(question, index), (detector.item_asks(question, index),))
                if question.shape is Shape.ORDERING and (date := _printed_date(question, index, lesson.title)):
                    found = PRINTED, f"its date ('{date}') is printed with every question: the event's place is given"
                if found is None:
                    keep.append(index)
                else:
                    dropped.append((index, *found))
            if not dropped:
                trimmed = question
            elif len(keep) >= MIN_ITEMS[question.shape]:
                trimmed = _trimmed(question, keep, recount)
                for index, other, why in dropped:
                    left.append(LeftOut(question, other, why, (_item_label(question, index),)))
            else:
                index, other, why = dropped[0]
                count = f"{len(dropped)} of its {len(question.pairs)} items clash with kept questions"
                label = _item_label(question, index)
                label = label if label.startswith("“") else f"“{label}”"
                left.append(LeftOut(question, other, f"{count} (the first, {label}: {why})"))
                continue
        else:
            shown, asks = detector.shown(question), detector.asks(question)
            found = first_clash(shown, asks)
            if found is not None:
                left.append(LeftOut(question, *found))
                continue
            chosen[question.id] = question
            kept.append(_Kept(question.id, shown, asks))
            continue
        chosen[question.id] = trimmed
        kept.append(_Kept(trimmed.id, detector.shown(trimmed), detector.asks(trimmed)))
    return [chosen[q.id] for q in questions if q.id in chosen], left


def _printed_date(question: Question, index: int, title: str) -> str | None:
    """A timeline event's date when the lesson's title or the article's citation shows it whole ("1974"
    in "The Orvik ferry, 1974-2005", the citation's day): as the worksheet leaves such events off."""
    date = question.pairs[index][0]
    return date if any(shows(fold(text), fold(date)) for text in (title, question.source)) else None


def _item_label(question: Question, index: int) -> str:
    left, right = question.pairs[index]
    return right if question.shape is Shape.ORDERING else left


def _trimmed(question: Question, keep: list[int], recount: Callable[[Question, int], str]) -> Question:
    """A matching or timeline with only the items `keep` (and their facts, and who gives their values),
    worded for their number."""
    pairs = tuple(question.pairs[i] for i in keep)
    facts = tuple(question.facts[i] for i in keep) if len(question.facts) == len(question.pairs) else question.facts
    if question.shape is Shape.ORDERING:
        labels = [label for _, label in pairs]
        items = tuple(item for item in question.items if item in labels)
        if list(items) == labels:  # never shown in order
            items = items[1:] + items[:1]
        answer, summary = " → ".join(labels), timeline_summary(pairs)
    else:
        items = question.items
        answer, summary = "; ".join(f"{left} — {right}" for left, right in pairs), matching_summary(len(pairs))
    sources = sources_of_pairs(question, keep)
    trimmed = dataclasses.replace(
        question, pairs=pairs, facts=facts, items=items, answer=answer, fact_summary=summary, sources=sources
    )
    return dataclasses.replace(trimmed, prompt=recount(trimmed, len(pairs)))


def sources_of_pairs(question: Question, keep: list[int]) -> tuple[tuple[str, str], ...]:
    """Who gives the values of a matching's or timeline's pairs `keep`: the sources of the pairs left out
    go (a date of an event no longer on the sheet is not the teacher's to show in the key)."""
    gone = {value for i, pair in enumerate(question.pairs) if i not in keep for value in pair}
    gone -= {value for i in keep for value in question.pairs[i]}
    return tuple(source for source in question.sources if source[0] not in gone)
