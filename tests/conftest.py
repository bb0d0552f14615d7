"""Shared test helpers: the golden-file option and paths of the fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from studygen.lessons import CheckedLesson, read_lesson

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).resolve().parent / "cases"
SEED = ROOT / "seeds" / "russia-nato" / "facts.yaml"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="Rewrite golden files from the current output instead of comparing with them.",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest):
    """Compare text with a golden file, or rewrite it under --update-goldens."""
    update = request.config.getoption("--update-goldens")

    def check(path: Path, actual: str) -> None:
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"missing golden file {path}; run pytest --update-goldens and review the diff"
        assert actual == path.read_text(encoding="utf-8")

    return check


def write_lesson(folder: Path, article: str, facts: str) -> CheckedLesson:
    """A lesson folder holding this article and facts file (YAML text), read as studygen reads it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text(article, encoding="utf-8")
    (folder / "facts.yaml").write_text(facts, encoding="utf-8")
    return read_lesson(folder / "facts.yaml")


PROVOKING = ROOT / "tests" / "lessons" / "giveaways" / "facts.yaml"  # a lesson made to provoke every giveaway


def lesson_and_questions(path: Path):  # type: ignore[no-untyped-def]
    """A lesson folder's model and its question set, as `studygen questions` makes them."""
    from studygen.questions import build_questions

    item = read_lesson(path)
    assert item.ok and item.lesson is not None, [d.render() for d in item.diagnostics]
    return item.lesson, build_questions(item.lesson, item.contexts())
