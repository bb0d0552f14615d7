"""What goes on a worksheet: which questions, in which sections, in each version's order.

Kept apart from rendering so that the choices a teacher cares about (one question per
fact, variety of kinds, every version the same questions in another order) are plain
data that tests can read without a PDF.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..html import LETTERS
from ..model import Lesson
from ..questions import KINDS, Question
from ..schema import WORKSHEET_SECTIONS

SECTIONS = ("timeline", "matching", "multiple_choice", "fill_in", "short_answer")  # in print order
assert set(SECTIONS) == set(WORKSHEET_SECTIONS)
DEFAULT_COUNTS = {"timeline": 1, "matching": 1, "multiple_choice": 10, "fill_in": 6, "short_answer": 4}
TITLES = {
    "multiple_choice": ("Multiple choice", "Circle the letter of the one correct answer."),
    "matching": (
        "Matching",
        "Write the letter of the speaker next to each quotation. A speaker may be used more than once.",
    ),
    "timeline": ("Timeline", "Put the events in order, earliest first, by writing their letters in the boxes."),
    "fill_in": ("Fill in the blank", "Complete each sentence with a word or phrase from the word bank."),
    "short_answer": ("Short answer", "Answer in a few words."),
}
SHORT_ANSWER_KINDS = ("response", "when", "office", "attribution", "proposal", "office-holder")


@dataclass
class Item:
    """One numbered question as it appears in one version, with its key."""

    number: int
    question: Question
    choices: tuple[str, ...] = ()
    correct: int | None = None
    left: tuple[str, ...] = ()  # matching: quotations; timeline: events
    right: tuple[str, ...] = ()  # matching: speakers
    key: tuple[str, ...] = ()  # matching: the letter for each quotation; timeline: letters in order

    @property
    def answer_letter(self) -> str:
        return LETTERS[self.correct] if self.correct is not None else ""


@dataclass
class Section:
    name: str
    title: str
    instructions: str
    items: list[Item] = field(default_factory=list)
    word_bank: tuple[str, ...] = ()


@dataclass
class Version:
    letter: str
    sections: list[Section]

    @property
    def questions(self) -> list[Question]:
        return [item.question for section in self.sections for item in section.items]

    def section(self, name: str) -> Section | None:
        return next((s for s in self.sections if s.name == name), None)


def _spread(questions: list[Question], count: int, used: set[str]) -> list[Question]:
    """Up to `count` questions, one per fact, taking kinds in turn so the section is varied."""
    by_kind: dict[str, list[Question]] = {}
    for question in questions:
        by_kind.setdefault(question.kind, []).append(question)
    queues = [by_kind[k] for k in KINDS if k in by_kind]
    chosen: list[Question] = []
    while len(chosen) < count and any(queues):
        for queue in queues:
            while queue and queue[0].fact in used:
                queue.pop(0)
            if queue and len(chosen) < count:
                question = queue.pop(0)
                chosen.append(question)
                used.add(question.fact)
    return chosen


def select(lesson: Lesson, questions: list[Question]) -> dict[str, list[Question]]:
    """The questions of each section, the same for every version."""
    counts = {**DEFAULT_COUNTS, **lesson.worksheet.sections}
    used: set[str] = set()
    chosen = {
        "timeline": [q for q in questions if q.kind == "chronology"][: counts["timeline"]],
        "matching": [q for q in questions if q.kind == "matching"][: counts["matching"]],
    }
    chosen["multiple_choice"] = _spread([q for q in questions if q.choices], counts["multiple_choice"], used)
    chosen["fill_in"] = _spread([q for q in questions if q.kind == "cloze"], counts["fill_in"], used)
    short = [q for q in questions if q.kind in SHORT_ANSWER_KINDS]
    chosen["short_answer"] = _spread(short, counts["short_answer"], used)
    return chosen


def _shuffled(items: list, rng: random.Random, avoid: list | None = None) -> list:
    """A shuffled copy, different from `avoid` (the other version's order) when it can be."""
    result = list(items)
    for _ in range(20):
        rng.shuffle(result)
        if len(result) < 2 or result != avoid:
            break
    return result


def _choices(question: Question, rng: random.Random) -> tuple[tuple[str, ...], int | None]:
    if not question.choices:
        return (), None
    if question.answer_type in ("year", "decade"):
        return question.choices, question.correct  # years stay in order
    order = list(question.choices)
    rng.shuffle(order)
    return tuple(order), order.index(question.answer)


def _matching_item(number: int, question: Question, rng: random.Random) -> Item:
    pairs = _shuffled(list(question.pairs), rng)
    speakers = sorted({right for _, right in pairs})
    rng.shuffle(speakers)
    return Item(
        number,
        question,
        left=tuple(left for left, _ in pairs),
        right=tuple(speakers),
        key=tuple(LETTERS[speakers.index(right)] for _, right in pairs),
    )


def _timeline_item(number: int, question: Question, rng: random.Random) -> Item:
    ordered = [label for _, label in question.pairs]
    shown = _shuffled(ordered, rng, avoid=ordered)
    return Item(number, question, left=tuple(shown), key=tuple(LETTERS[shown.index(label)] for label in ordered))


def versions(lesson: Lesson, questions: list[Question], count: int | None = None) -> list[Version]:
    """Versions A, B, ...: the same questions, in an order and with choices shuffled from the seed."""
    chosen = select(lesson, questions)
    count = count or lesson.worksheet.versions
    result: list[Version] = []
    for index in range(count):
        letter = LETTERS[index]
        rng = random.Random(f"{lesson.worksheet.seed}:{lesson.id}:worksheet:{letter}")
        number = 0
        sections = []
        for name in SECTIONS:
            if not chosen[name]:
                continue
            before = result[-1].section(name) if result else None
            previous = [item.question for item in before.items] if before else None
            order = _shuffled(chosen[name], rng, avoid=previous)
            title, instructions = TITLES[name]
            section = Section(name, title, instructions)
            for question in order:
                number += 1
                if name == "matching":
                    section.items.append(_matching_item(number, question, rng))
                elif name == "timeline":
                    section.items.append(_timeline_item(number, question, rng))
                elif name == "multiple_choice":
                    choices, correct = _choices(question, rng)
                    section.items.append(Item(number, question, choices, correct))
                else:  # fill in and short answer: the student writes the answer
                    section.items.append(Item(number, question))
            if name == "fill_in":
                section.word_bank = tuple(sorted((q.answer for q in order), key=str.lower))
            sections.append(section)
        result.append(Version(letter, sections))
    return result
