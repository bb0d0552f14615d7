"""Over every shipped lesson and every lesson of ours: letters spread, 'fact or account?' at most a
quarter of the multiple-choice questions, no prompt holding its answer (issue 25's checks on the lot)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from studygen.export.worksheet_layout import versions
from studygen.lessons import read_lesson
from studygen.questions import build_questions

from .conftest import ROOT

LESSONS = sorted((ROOT / "seeds").glob("*/facts.yaml")) + sorted((ROOT / "tests" / "lessons").glob("*/facts.yaml"))
SHARE = 0.35  # no letter right more often than this, with eight multiple-choice questions or more


def _made(path: Path):
    checked = read_lesson(path)
    assert checked.ok, path
    return checked.lesson, build_questions(checked.lesson, checked.contexts()).questions


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[“”\"'‘’.,;:?!]", " ", text).lower().split())


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.parent.name)
def test_no_letter_is_right_too_often(path: Path) -> None:
    lesson, questions = _made(path)
    asked = [q for q in questions if q.choices]
    if len(asked) >= 8:
        letters = Counter(q.correct for q in asked)
        assert max(letters.values()) <= SHARE * len(asked), letters
    for version in versions(lesson, questions):
        section = version.section("multiple_choice")
        items = section.items if section else []
        letters = Counter(item.correct for item in items)
        if len(items) >= 8:
            assert max(letters.values()) <= SHARE * len(items), (version.letter, letters)
        elif items:
            assert max(letters.values()) <= -(-len(items) // 4) + 1, (version.letter, letters)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.parent.name)
def test_fact_or_account_is_at_most_a_quarter(path: Path) -> None:
    lesson, questions = _made(path)
    asked = [q for q in questions if q.choices]
    if len(asked) >= 8:
        assert 4 * sum(q.kind == "claim" for q in asked) <= len(asked)
    for version in versions(lesson, questions):
        section = version.section("multiple_choice")
        items = [item.question for item in section.items] if section else []
        assert 4 * sum(q.kind == "claim" for q in items) <= max(len(items), 3), version.letter


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.parent.name)
def test_no_prompt_holds_its_answer(path: Path) -> None:
    _, questions = _made(path)
    for question in questions:
        if question.answer_type in ("pairs", "order"):
            continue
        prompt = f" {_fold(question.prompt)} "
        for value in (question.answer, *question.alternatives):
            assert f" {_fold(value)} " not in prompt, (question.id, value)
