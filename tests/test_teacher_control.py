"""Teachers turn kinds off, leave facts out, and reword kinds with their own templates."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studygen.cli import app
from studygen.lessons import read_lesson
from studygen.questions import build_questions

from .conftest import ROOT

TREATY = ROOT / "tests" / "lessons" / "treaty"
runner = CliRunner()


@pytest.fixture
def lesson_dir(tmp_path: Path) -> Path:
    target = tmp_path / "treaty"
    shutil.copytree(TREATY, target)
    return target


def _with_settings(folder: Path, settings: str) -> Path:
    path = folder / "facts.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + settings, encoding="utf-8")
    return path


def _questions(path: Path):
    checked = read_lesson(path)
    assert checked.lesson is not None, checked.diagnostics
    return checked, build_questions(checked.lesson, checked.contexts(), one_sheet=False)


def test_skip_kinds_and_exclude(lesson_dir: Path) -> None:
    path = _with_settings(lesson_dir, "questions:\n  skip_kinds: [claim, cloze]\n  exclude:\n    when: [talks-open]\n")
    checked, result = _questions(path)
    assert checked.ok
    kinds = {q.kind for q in result.questions}
    assert "claim" not in kinds and "cloze" not in kinds
    assert "orsk/talks-open/when" not in {q.id for q in result.questions}
    assert "orsk/treaty-signed/when" in {q.id for q in result.questions}


def test_inline_template_overrides_wording(lesson_dir: Path) -> None:
    path = _with_settings(
        lesson_dir, 'questions:\n  templates:\n    attribution: "Whose words are these: “{{ said }}”?"\n'
    )
    _, result = _questions(path)
    prompts = [q.prompt for q in result.questions if q.kind == "attribution"]
    assert "Whose words are these: “worked better than either government”?" in prompts


def test_template_file_next_to_the_lesson(lesson_dir: Path) -> None:
    (lesson_dir / "templates").mkdir()
    (lesson_dir / "templates" / "office.j2").write_text("Which post did {{ person }} occupy {{ when }}?\n")
    _, result = _questions(lesson_dir / "facts.yaml")
    assert "Which post did Karl Weiss occupy from 1919 to 1922?" in [q.prompt for q in result.questions]


def test_bad_template_syntax_is_reported_with_file_and_line(lesson_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (lesson_dir / "templates").mkdir()
    (lesson_dir / "templates" / "office.j2").write_text("Which post\ndid {{ person }} occupy {% if when %}?\n")
    monkeypatch.chdir(lesson_dir)
    result = runner.invoke(app, ["check", "."])
    assert result.exit_code == 1
    assert "templates/office.j2:2:1: error: the office template has a syntax error" in result.stderr
    assert "[questions.template-syntax]" in result.stderr


def test_inline_template_error_points_into_facts_yaml(lesson_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _with_settings(lesson_dir, "questions:\n  templates:\n    when: 'In {{ yeer }}?'\n")
    monkeypatch.chdir(lesson_dir)
    result = runner.invoke(app, ["check", "."])
    assert result.exit_code == 1
    line = sum(1 for _ in (lesson_dir / "facts.yaml").open())
    assert (
        f"facts.yaml:{line}:11: error: the when template failed for 'talks-open': 'yeer' is undefined" in result.stderr
    )


def test_dropped_questions_are_notes_in_check(lesson_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A template that names the answer: every attribution question fails the gate.
    _with_settings(
        lesson_dir,
        "questions:\n  templates:\n    attribution: \"Did {{ according_to or 'Ivo Maric' }} say “{{ said }}”?\"\n",
    )
    monkeypatch.chdir(lesson_dir)
    result = runner.invoke(app, ["--verbose", "check", "--strict", "."])
    assert result.exit_code == 0, result.output  # notes never fail a check
    assert (
        "note: left out the attribution question about 'worked-better': the answer ('Ivo Maric') appears"
        in result.stderr
    )


def test_questions_json(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["questions", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert len(data) >= 40
    fields = {"id", "lesson", "fact", "kind", "skill", "prompt", "answer", "alternatives", "source", "according_to"}
    for item in data:
        assert fields <= set(item)
        if "choices" in item:
            assert item["choices"][item["correct"]] == item["answer"]


def test_questions_text_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["questions"])
    assert result.exit_code == 0
    assert "Q: Who lamented that today, “NATO is a mere instrument of US foreign policy”?" in result.stdout
