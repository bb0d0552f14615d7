"""Each finished worksheet version read again as a student reads it: does anything on it give an
answer away? Run on every build (a finding is a warning: the composer should have prevented it) and
by the tests over every shipped lesson.

What a student reads: every item's prompt, choices, quotations and speakers, timeline events; the
word bank; the section titles and instructions; the header (the lesson's title) and the footer
(the source line). The rules, each a function of its own below:
- no item's text gives away another item's answer, and no two items ask one thing (`giveaways`);
- no fact is asked twice;
- the header, footer and instructions show no value an item asks for;
- the word bank: no entry gives away a question outside the fill-in section, no extra entry is
  another item's answer, each blank has another entry of its own type and no entry is of a type
  no blank has.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Lesson
from ..questions.giveaways import Giveaways, fold, shows, text_gives_away
from .worksheet_compose import HEADER, View, bank_type, bank_types, blank_type, furniture_shows, view
from .worksheet_layout import Item, Version


@dataclass(frozen=True)
class _Printed:
    """One numbered item as printed: every text of it (folded), what it asks, its answer."""

    number: int
    section: str
    facts: tuple[str, ...]
    view: View
    answer: str
    blank: str = ""  # the kind of word bank entry a fill-in item asks for (`blank_type`)


def _printed(section: str, item: Item, detector: Giveaways) -> _Printed:
    question = item.question
    texts = tuple(fold(t) for t in (question.prompt, *item.choices, *item.left, *item.right))
    asked = view(section, question, detector)
    facts = question.facts or (question.fact,)
    blank = blank_type(detector, question) if section == "fill_in" else ""
    return _Printed(item.number, section, facts, View(texts, asked.asks, asked.values), fold(question.answer), blank)


def leaks(lesson: Lesson, version: Version, detector: Giveaways | None = None) -> list[str]:
    """Every way the version gives an answer away, as sentences for the teacher (none: it is clean)."""
    detector = detector or Giveaways(lesson)
    items = [_printed(s.name, item, detector) for s in version.sections for item in s.items]
    bank = [word for s in version.sections for word in s.word_bank]
    found = _between_items(items) + _facts_twice(items) + _furniture(lesson, version, items)
    found += _word_bank(detector, items, bank)
    return [f"worksheet {version.letter}: {leak}" for leak in found]


def _between_items(items: list[_Printed]) -> list[str]:
    found = []
    for index, one in enumerate(items):
        for other in items[index + 1 :]:
            if why := one.view.clash(other.view):
                found.append(f"items {one.number} and {other.number} give each other away: {why}")
    return found


def _facts_twice(items: list[_Printed]) -> list[str]:
    asked = Counter(fact for item in items for fact in item.facts)
    return [f"the fact '{fact}' is asked {count} times" for fact, count in sorted(asked.items()) if count > 1]


def _furniture(lesson: Lesson, version: Version, items: list[_Printed]) -> list[str]:
    """The header, the footer and the sections' titles and instructions show no answer."""
    texts = (fold(lesson.title), fold(lesson.source.citation()))
    texts += tuple(fold(f"{s.title} {s.instructions}") for s in version.sections)
    found = []
    for item in items:
        if why := furniture_shows(texts, item.view):
            found.append(f"item {item.number}: {HEADER} or the instructions give its answer away ({why})")
    return found


def _word_bank(detector: Giveaways, items: list[_Printed], bank: list[str]) -> list[str]:
    if not bank:
        return []
    folded = [fold(word) for word in bank]
    answers = {item.answer for item in items if item.section == "fill_in"}
    found = []
    for item in items:
        if item.section == "fill_in":
            continue
        if why := text_gives_away(folded, item.view.asks):
            found.append(f"the word bank gives item {item.number} away: {why}")
        for word in folded:
            if any(shows(word, value) and word != value for value in item.view.values):
                found.append(f"the word bank entry '{word}' holds the answer of item {item.number}")
            elif word not in answers and (word == item.answer or word in item.view.values):
                found.append(f"the word bank's extra entry '{word}' is the answer of item {item.number}")
    asked = {item.blank for item in items if item.section == "fill_in"}
    types = {word: bank_types(detector, word) for word in bank}
    for word in bank:
        if not types[word] & asked:
            found.append(f"the word bank has an entry of a type no blank has ({bank_type(detector, word)})")
    for kind in sorted(asked):
        if sum(kind in types[word] for word in bank) < 2:
            found.append(f"the word bank's only {kind} entry is a blank's answer: solved by its type")
    return found
