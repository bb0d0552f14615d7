"""A large lesson's question kinds are shared with a forked process: the questions and the notes
are the same, in the same order, as when one process makes them all."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.generate import write_lesson
from studygen.diagnostics import Diagnostic
from studygen.lessons import read_lesson
from studygen.questions import build_questions

from .conftest import ROOT

SHIPPED = sorted((ROOT / "seeds").glob("*/facts.yaml"))


def _both_ways(facts: Path) -> list[tuple[list[dict], list[Diagnostic]]]:
    """The questions (as `questions --json` gives them) and notes made alone, then shared."""
    checked = read_lesson(facts)
    assert checked.lesson is not None
    made = [
        build_questions(checked.lesson, checked.contexts(), share=share, one_sheet=False) for share in (False, True)
    ]
    return [([q.to_json() for q in m.questions], m.diagnostics) for m in made]


@pytest.mark.parametrize("facts", SHIPPED, ids=lambda p: p.parent.name)
def test_every_kind_and_note_of_the_shipped_lessons(facts: Path) -> None:
    alone, shared = _both_ways(facts)
    assert shared == alone
    # ('fact or account?' too where the lesson has room for it: at most a quarter of its multiple choice)
    assert {question["kind"] for question in alone[0]} >= {"when", "cloze", "attribution"}


def test_a_generated_lesson_with_more_notes_than_are_kept(tmp_path: Path) -> None:
    alone, shared = _both_ways(write_lesson(tmp_path / "big", 1_500))
    assert shared == alone
    assert len(alone[0]) > 1_000 and len(alone[1]) == 500  # the notes past the first 500 are counted, not kept
