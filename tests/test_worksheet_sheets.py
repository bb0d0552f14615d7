"""Every sheet of every shipped lesson (and of the fixture lessons) read as a student reads it.

A sheet must not answer itself: no fact asked twice (counting the facts inside timeline
and matching items), a word bank without repeats and with at least two words too many, and
no quotation to match that is too short to recognise. The rules are written out here again,
plainly, rather than taken from the composer, so that a mistake in the composer's bookkeeping
shows up as a failure. (Whether one item's text gives another's answer away is read by
`worksheet_check`, tested in test_sheet_leaks.py with a test per rule.)
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studygen.export.worksheet_layout import Item, Version, compose, versions
from studygen.lessons import read_lesson
from studygen.questions import build_questions

from .conftest import ROOT, lesson_and_questions

LESSONS = sorted((ROOT / "seeds").glob("*/facts.yaml")) + sorted((ROOT / "tests" / "lessons").glob("*/facts.yaml"))


def _fold(text: str) -> str:
    for mark in "\"'‘’“”«»":
        text = text.replace(mark, "")
    for dash in "‐‑‒–—―−":
        text = text.replace(dash, "-")
    return " ".join(text.replace("[...]", " ").lower().split())


def _sheets(facts: Path):
    checked = read_lesson(facts)
    assert checked.ok, facts
    questions = build_questions(checked.lesson, checked.contexts()).questions
    return checked.lesson, versions(checked.lesson, questions), compose(checked.lesson, questions)


def _asked(section: str, item: Item) -> list[str]:
    """What the student must supply."""
    if section == "timeline":
        return [_fold(when) for when, _ in item.question.pairs]
    if section == "matching":
        return []
    return [_fold(item.question.answer)]


def _items(version: Version) -> list[tuple[str, Item]]:
    return [(section.name, item) for section in version.sections for item in section.items]


@pytest.mark.parametrize("facts", LESSONS, ids=lambda p: p.parent.name)
def test_no_fact_is_asked_twice_on_a_sheet(facts: Path) -> None:
    _, sheets, _ = _sheets(facts)
    for version in sheets:
        asked = [fact for _, item in _items(version) for fact in (item.question.facts or (item.question.fact,))]
        assert len(asked) == len(set(asked)), (version.letter, sorted(f for f in asked if asked.count(f) > 1))


@pytest.mark.parametrize("facts", LESSONS, ids=lambda p: p.parent.name)
def test_word_banks_have_no_repeats_and_two_extra_words(facts: Path) -> None:
    _, sheets, _ = _sheets(facts)
    for version in sheets:
        fill_in = version.section("fill_in")
        if fill_in is None:
            continue
        bank = [_fold(word) for word in fill_in.word_bank]
        assert len(bank) == len(set(bank)), bank
        answers = [_fold(item.question.answer) for item in fill_in.items]
        assert set(answers) <= set(bank)
        assert len(bank) - len(answers) >= 2, bank
        asked = {a for name, item in _items(version) if name != "fill_in" for a in _asked(name, item)}
        assert not (set(bank) - set(answers)) & asked, "an extra word is another item's answer"


@pytest.mark.parametrize("facts", LESSONS, ids=lambda p: p.parent.name)
def test_matching_quotations_are_recognisable(facts: Path) -> None:
    _, sheets, _ = _sheets(facts)
    for version in sheets:
        matching = version.section("matching")
        for item in matching.items if matching else ():
            assert len(item.left) >= 3 and len(set(item.right)) >= 2
            for quote in item.left:
                assert len(re.findall(r"\w+", re.sub(r"\(as [^)]*\)$", "", quote))) >= 3, quote


def test_the_sample_sheet_keeps_every_section() -> None:
    """Leaving items off must not empty the sheet: the Berlin lesson keeps four sections (its matching
    would repeat its "Who said ...?" questions, and the lesson's question set leaves it out: issue 26)."""
    _, sheets, _ = _sheets(ROOT / "seeds" / "berlin-wall" / "facts.yaml")
    names = [s.name for s in sheets[0].sections]
    assert names == ["timeline", "multiple_choice", "fill_in", "short_answer"]
    assert sum(len(s.items) for s in sheets[0].sections) >= 10


def test_a_clash_is_resolved_and_noted() -> None:
    """The Mandela lesson's source line reads "Nelson Mandela, prisoner who became president, dies at 95":
    it answers "What office did Nelson Mandela hold from 1994 to 1999?", which the question set leaves
    out, with a note (the article's title is printed with every question), and so no sheet has it."""
    _, sheets, _ = _sheets(ROOT / "seeds" / "mandela-obituary" / "facts.yaml")
    ids = {item.question.id for _, item in _items(sheets[0])}
    assert "mandela-obituary/mandela.president-of-south-africa/office" not in ids
    _, made = lesson_and_questions(ROOT / "seeds" / "mandela-obituary" / "facts.yaml")
    notes = [d.message for d in made.diagnostics if "'mandela.president-of-south-africa'" in d.message]
    assert any("the lesson's title and the article's, printed with every question" in why for why in notes)
