"""`studygen check` and `studygen schema` as a teacher runs them."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from typer.main import get_command
from typer.testing import CliRunner

from studygen.cli import app
from studygen.diagnostics import DiagnosticSink
from studygen.lessons import read_lesson
from studygen.load import load_yaml
from studygen.schema import json_schema, json_schema_text

from .conftest import CASES, ROOT, SEED

runner = CliRunner()


def test_first_lesson_is_clean() -> None:
    checked = read_lesson(SEED)
    assert checked.ok and checked.diagnostics == []
    lesson = checked.lesson
    assert lesson is not None
    quotes = [f for f in lesson.facts if f.kind == "quote"]
    assert len(quotes) == 14
    proposals = {f.when.text for f in lesson.facts if f.kind == "proposal" and f.when}
    assert proposals == {"1949", "mid-1950s", "1990", "2000"}
    assert checked.report.quotations_found == checked.report.quotations_checked == 17


def test_first_lesson_article_is_the_seed_byte_for_byte() -> None:
    # sha256 of ../shared/seeds/000_d47402965f4da4de.txt, the article as published to the team
    digest = hashlib.sha256((SEED.parent / "article.txt").read_bytes()).hexdigest()
    assert digest == "7c53297d65f49c46d6dbd03aae6c3922d9b6e85003860c507abe8203c44e4a47"


def test_check_default_finds_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0, result.output
    assert "seeds/russia-nato/facts.yaml: 25 facts, 11 people, 17/17 quotations verified" in result.stdout


def test_check_reports_errors_with_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES / "several-problems")
    result = runner.invoke(app, ["check", "."])
    assert result.exit_code == 1
    assert "facts.yaml:27:5: error: unknown key 'abut' in fact 'vassals' [schema.unknown-key]" in result.stderr
    assert "  hint: did you mean 'about'?" in result.stderr
    assert result.stderr.count(": error:") == 3


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    lesson = tmp_path / "lesson"
    shutil.copytree(CASES / "no-evidence", lesson)
    assert runner.invoke(app, ["check", str(lesson)]).exit_code == 0
    strict = runner.invoke(app, ["check", "--strict", str(lesson)])
    assert strict.exit_code == 1
    assert "error: the fact 'nato-founded' has no evidence" in strict.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "is not a lesson" in result.stderr
    assert runner.invoke(app, ["check", "--no-such-option"]).exit_code == 2


def test_bad_input_never_shows_a_traceback() -> None:
    for case in sorted(p for p in CASES.iterdir() if p.is_dir()):
        result = runner.invoke(app, ["check", str(case)])
        has_errors = ": error:" in (case / "expected.txt").read_text()
        assert result.exit_code == (1 if has_errors else 0), (case.name, result.output)
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_schema_command_prints_the_shipped_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()
    shipped = ROOT / "studygen" / "schema" / "facts.schema.json"
    assert shipped.read_text(encoding="utf-8") == json_schema_text(), "run: studygen schema > " + str(shipped)


def test_first_lesson_validates_against_the_json_schema() -> None:
    loaded = load_yaml(SEED, DiagnosticSink(SEED))
    assert loaded is not None
    jsonschema.validate(loaded.data, json_schema())


def test_json_schema_rejects_what_check_rejects() -> None:
    for name in ("unknown-key-fact", "missing-required-said", "bad-fact-kind", "wrong-type-list"):
        loaded = load_yaml(CASES / name / "facts.yaml", DiagnosticSink("x"))
        assert loaded is not None
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(loaded.data, json_schema())


def test_every_command_and_option_has_help() -> None:
    command = get_command(app)
    assert command.commands
    for name, sub in command.commands.items():
        assert sub.help, f"command {name} has no help"
        for param in sub.params:
            assert getattr(param, "help", None), f"{name} {param.name} has no help"
