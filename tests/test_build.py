"""`studygen build`: the registry, atomic outputs, and what a failed build leaves behind."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studygen.build import build_lessons
from studygen.cli import app
from studygen.export import EXPORTERS, Exporter, load_exporters
from studygen.lessons import read_lesson
from studygen.questions import build_questions

from .conftest import ROOT, SEED

runner = CliRunner()


def _lesson(path: Path):
    checked = read_lesson(path)
    assert checked.ok
    return checked.lesson, build_questions(checked.lesson, checked.contexts())


def test_formats_come_from_the_registry() -> None:
    registry = load_exporters()
    assert set(registry) == {
        *("anki", "worksheet", "moodle", "gift", "qti", "canvas", "kahoot", "quizlet", "blooket"),
        *("study", "flashcards"),
    }
    result = runner.invoke(app, ["build", "--list-formats"])
    assert result.exit_code == 0
    for name, item in registry.items():
        assert name in result.stdout and item.description in result.stdout
    bad = runner.invoke(app, ["build", str(SEED.parent), "--format", "pdf"])
    assert (
        bad.exit_code == 2
        and "unknown format pdf; choose from: anki, worksheet, blooket, canvas, flashcards, gift, " in bad.stderr
    )


def test_a_failing_build_leaves_earlier_outputs_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "decks"
    first = [_lesson(SEED)]
    build_lessons(first, out, ["anki"], now=1_800_000_000)
    before = {p: p.read_bytes() for p in (out / "russia-nato").iterdir()}

    treaty = _lesson(ROOT / "tests" / "lessons" / "treaty" / "facts.yaml")
    real = EXPORTERS["anki"]

    def failing(job):  # the second lesson's deck cannot be made (a full disk, a bug...)
        if job.lesson.id == "orsk":
            raise OSError("No space left on device")
        return real.export(job)

    monkeypatch.setitem(EXPORTERS, "anki", Exporter("anki", real.description, failing))
    facts = SEED.read_text().replace("    about: Washington\n", "    about: the United States\n")
    changed_dir = tmp_path / "russia-nato"
    shutil.copytree(SEED.parent, changed_dir)
    (changed_dir / "facts.yaml").write_text(facts)
    with pytest.raises(OSError):
        build_lessons([_lesson(changed_dir / "facts.yaml"), treaty], out, ["anki"], now=1_800_000_600)
    assert {p: p.read_bytes() for p in (out / "russia-nato").iterdir()} == before
    assert not (out / "orsk").exists()
    assert not list(out.rglob("*.tmp"))


def test_lessons_with_errors_build_nothing(tmp_path: Path) -> None:
    out = tmp_path / "decks"
    result = runner.invoke(app, ["build", str(ROOT / "tests" / "cases" / "several-problems"), "--out", str(out)])
    assert result.exit_code == 1
    assert "stopped:" in result.stderr and not out.exists()


def test_a_build_prints_each_warning_once(tmp_path: Path) -> None:
    lesson = tmp_path / "lesson"
    shutil.copytree(SEED.parent, lesson)
    facts = lesson / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("    when: 1949\n", "    when: 1948\n", 1), encoding="utf-8")
    result = runner.invoke(app, ["build", str(lesson), "--format", "gift", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if ": warning: " in line]
    assert warnings and len(warnings) == len(set(warnings)), result.output


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "studygen", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stdout.startswith("studygen ")


def test_an_empty_source_date_epoch_is_unset_and_a_malformed_one_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `SOURCE_DATE_EPOCH= studygen build`: the build is dated now and the PDFs render (fontTools,
    # which subsets the fonts, cannot read an empty value).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    result = runner.invoke(app, ["build", str(SEED.parent), "--format", "worksheet", "--out", str(tmp_path / "empty")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "empty" / "russia-nato" / "worksheet-A.pdf").read_bytes().startswith(b"%PDF")
    for value in ("yesterday", "1.7e9", "-5"):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
        refused = runner.invoke(app, ["build", str(SEED.parent), "--out", str(tmp_path / "bad")])
        assert refused.exit_code == 2, refused.output
        assert f"SOURCE_DATE_EPOCH is '{value}', not a time" in refused.stderr
        assert not (tmp_path / "bad").exists()
