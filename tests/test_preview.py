"""`studygen preview`: one self-contained page, checked in a real headless browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from studygen.cli import app
from studygen.lessons import read_lesson
from studygen.questions import build_questions

from .browser import browser
from .conftest import ROOT, SEED

runner = CliRunner()
LESSONS = [SEED.parent, ROOT / "tests" / "lessons" / "biography", ROOT / "tests" / "lessons" / "treaty"]


def _all_questions():
    result = []
    for folder in LESSONS:
        checked = read_lesson(folder / "facts.yaml")
        assert checked.lesson is not None
        result += build_questions(checked.lesson, checked.contexts()).questions
    return result


def test_preview_shows_every_question_without_errors(tmp_path: Path) -> None:
    out = tmp_path / "preview.html"
    result = runner.invoke(app, ["preview", *map(str, LESSONS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    questions = _all_questions()
    html = out.read_text(encoding="utf-8")
    assert "<script" not in html and "http://" not in html and "https://" not in html  # self-contained
    with browser() as chromium:
        page = chromium.new_page()
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("requestfailed", lambda r: problems.append(r.url))
        page.goto(out.as_uri())
        assert problems == []
        assert page.locator("article.question").count() == len(questions)
        for question in questions:
            card = page.locator(f"article[id='{question.id}']")
            assert card.is_visible()
            assert card.locator("p.prompt").inner_text() == question.prompt
            if question.choices:
                assert card.locator("ol.choices li").count() == len(question.choices)
                assert card.locator("li.correct").inner_text().startswith(question.answer)
        # Grouped by kind, with a heading per kind.
        assert page.locator("h3").count() >= 8


def test_preview_escapes_markup_in_facts(tmp_path: Path) -> None:
    folder = tmp_path / "lesson"
    folder.mkdir()
    (folder / "article.txt").write_text('The envoy said "<script>alert(1)</script> is not a treaty" in 1921.\n')
    (folder / "facts.yaml").write_text(
        "lesson: {id: x, title: Markup <b>test</b>, source: {file: article.txt}}\n"
        "people: {envoy: {name: The envoy, kind: group}, b: {name: B}, c: {name: C}, d: {name: D}}\n"
        "facts:\n  - {id: q, kind: quote, by: envoy, said: '<script>alert(1)</script> is not a treaty'}\n",
    )
    out = tmp_path / "p.html"
    result = runner.invoke(app, ["preview", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>test</b>" not in html
    with browser() as chromium:
        page = chromium.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(out.as_uri())
        assert dialogs == []
        assert "<script>alert(1)</script>" in page.locator("article.question p.prompt").first.inner_text()


def test_preview_never_overwrites_without_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "mine.html"
    out.write_text("the teacher's own notes")
    result = runner.invoke(app, ["preview", "-o", str(out)])
    assert result.exit_code == 2
    assert out.read_text() == "the teacher's own notes"
    assert runner.invoke(app, ["preview", "-o", str(out), "--force"]).exit_code == 0
    assert "Question review" in out.read_text()
