"""What goes on a worksheet: which questions, in which sections, in each version's order.

Kept apart from rendering so that the choices a teacher cares about (one question per
fact, no item giving another away (`worksheet_compose`), every version the same questions
in another order) are plain data that tests can read without a PDF.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from ..html import LETTERS
from ..model import Lesson
from ..questions import Question
from ..questions.choices import YEAR_TYPES
from ..schema import WORKSHEET_SECTIONS
from .worksheet_compose import SECTIONS, Composer, Composition

assert set(SECTIONS) == set(WORKSHEET_SECTIONS)
TITLES = {
    "multiple_choice": ("Multiple choice", "Circle the letter of the one correct answer."),
    "matching": (
        "Matching",
        "Write the letter of the speaker next to each quotation. A speaker may be used more than once.",
    ),
    "timeline": ("Timeline", "Put the events in order by writing their letters in the boxes, earliest first."),
    "fill_in": (
        "Fill in the blank",
        "Complete each sentence with a word or phrase from the word bank. Some words are not used.",
    ),
    "short_answer": ("Short answer", "Answer in a few words."),
}


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

    @property
    def lines(self) -> int:
        """Lines to write a short answer on: one for a name or a date, more for a sentence."""
        length = len(self.question.answer)
        return 1 if length <= 30 else 2 if length <= 80 else 3


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


def _shuffled(items: list, rng: random.Random, avoid: tuple[list, ...] = ()) -> list:
    """A shuffled copy, none of the orders in `avoid` when it can be."""
    result = list(items)
    for _ in range(20):
        rng.shuffle(result)
        if len(result) < 2 or result not in avoid:
            break
    return result


def _choices(question: Question, rng: random.Random, used: Counter[int]) -> tuple[tuple[str, ...], int | None]:
    """The choices shuffled, with the answer at a letter right least often so far on this version
    (`used`, which counts the years' letters from the start), so that no letter is right much
    more often than another. Years stay in order, at the letters they have."""
    if not question.choices or question.answer_type in YEAR_TYPES:
        return question.choices, question.correct
    places = range(len(question.choices))
    fewest = min(used[p] for p in places)
    correct = rng.choice([p for p in places if used[p] == fewest])
    used[correct] += 1
    others = [c for c in question.choices if c != question.answer]
    rng.shuffle(others)
    return tuple(others[:correct] + [question.answer] + others[correct:]), correct


def _matching_item(number: int, question: Question, rng: random.Random) -> Item:
    matches = _shuffled(list(question.matches), rng)
    speakers = sorted({match.answer for match in matches})
    rng.shuffle(speakers)
    return Item(
        number,
        question,
        left=tuple(match.prompt for match in matches),
        right=tuple(speakers),
        key=tuple(LETTERS[speakers.index(match.answer)] for match in matches),
    )


def _timeline_item(number: int, question: Question, rng: random.Random) -> Item:
    ordered = [event.label for event in question.sequence]
    # Neither in order nor in reverse order (a judge: the four events printed last to first), where
    # there are three events or more to leave it.
    shown = _shuffled(ordered, rng, avoid=(ordered, ordered[::-1]) if len(ordered) > 2 else (ordered,))
    return Item(number, question, left=tuple(shown), key=tuple(LETTERS[shown.index(label)] for label in ordered))


def compose(lesson: Lesson, questions: list[Question]) -> Composition:
    """The questions of the sheet, its word bank and notes on what was left off."""
    return Composer(lesson, questions).compose()


def versions(
    lesson: Lesson, questions: list[Question], count: int | None = None, composition: Composition | None = None
) -> list[Version]:
    """Versions A, B, ...: the same questions, in an order and with choices shuffled from the seed."""
    composition = composition or compose(lesson, questions)
    chosen = composition.sections
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
            order = _shuffled(chosen[name], rng, avoid=(previous,) if previous else ())
            title, instructions = TITLES[name]
            section = Section(name, title, instructions)
            # Years keep their letters; the other answers are spread around them.
            used = Counter(q.correct for q in order if q.answer_type in YEAR_TYPES and q.correct is not None)
            for question in order:
                number += 1
                if name == "matching":
                    section.items.append(_matching_item(number, question, rng))
                elif name == "timeline":
                    section.items.append(_timeline_item(number, question, rng))
                elif name == "multiple_choice":
                    choices, correct = _choices(question, rng, used)
                    section.items.append(Item(number, question, choices, correct))
                else:  # fill in and short answer: the student writes the answer
                    section.items.append(Item(number, question))
            if name == "fill_in":
                section.word_bank = composition.word_bank
            sections.append(section)
        result.append(Version(letter, sections))
    return result
