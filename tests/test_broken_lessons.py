"""Each fixture under tests/cases/ is a lesson with known problems and its expected diagnostics."""

from __future__ import annotations

from pathlib import Path

import pytest

from studygen.diagnostics import render_all
from studygen.lessons import read_lesson

from .conftest import CASES

CASE_DIRS = sorted(p for p in CASES.iterdir() if (p / "facts.yaml").exists())


def test_there_are_enough_cases() -> None:
    broken = [p for p in CASE_DIRS if (p / "expected.txt").exists() and (p / "expected.txt").read_text()]
    assert len(broken) >= 30


@pytest.mark.parametrize("case", CASE_DIRS, ids=lambda p: p.name)
def test_case_diagnostics(case: Path, golden, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(case)
    checked = read_lesson(Path("facts.yaml"))
    rendered = render_all(checked.diagnostics)
    golden(case / "expected.txt", rendered + "\n" if rendered else "")
    for diagnostic in checked.diagnostics:
        assert diagnostic.path == "facts.yaml"
        assert diagnostic.line >= 1 and diagnostic.col >= 1
        assert diagnostic.message and diagnostic.code


def test_valid_cases_have_no_errors() -> None:
    for name in (
        "valid-base",
        "date-valid-forms",
        "quote-curly-normalised",
        "name-from-teacher",
        "evidence-with-ellipsis",
    ):
        checked = read_lesson(CASES / name / "facts.yaml")
        assert checked.ok, render_all(checked.diagnostics)
        assert checked.diagnostics == []
