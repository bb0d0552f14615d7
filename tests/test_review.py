"""The review ledger (issue 28): review.yaml read, validated and written; builds honour it; a rejected
question already in students' Anki is withdrawn, as the real Anki importer shows."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from typer.testing import CliRunner

from studygen.cli import app
from studygen.export.anki import apkg_name
from studygen.export.withdrawn import WITHDRAWN_TAG
from studygen.lessons import read_lesson
from studygen.questions import build_questions
from studygen.review import (
    REVIEW_FILE,
    Decision,
    Ledger,
    ReviewFileDamaged,
    Status,
    Verdict,
    judge,
    read_ledger,
    save_decision,
    shown_hash,
)

from .conftest import ROOT

runner = CliRunner()
LESSON = "russia-nato"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A teacher's copy of the first lesson and its shipped deck and manifest."""
    shutil.copytree(ROOT / "seeds" / LESSON, tmp_path / "seeds" / LESSON)
    shutil.copytree(ROOT / "decks" / LESSON, tmp_path / "decks" / LESSON)
    return tmp_path


def _questions(folder: Path):
    checked = read_lesson(folder / "facts.yaml")
    assert checked.ok, [d.render() for d in checked.diagnostics]
    return checked, build_questions(checked.lesson, checked.contexts()).questions


def _decide(folder: Path, verdicts: dict[int, tuple[Verdict, str | None]]) -> list:
    """Record verdicts on questions by index, as `studygen serve` does; return the questions."""
    checked, questions = _questions(folder)
    ledger = checked.review
    for index, (verdict, reason) in verdicts.items():
        ledger = save_decision(ledger, LESSON, Decision.of(questions[index], verdict, reason)).ledger
    return questions


def test_a_decision_is_written_sorted_and_read_back(project: Path) -> None:
    folder = project / "seeds" / LESSON
    questions = _decide(folder, {3: (Verdict.REJECTED, "false"), 0: (Verdict.APPROVED, None)})
    text = (folder / REVIEW_FILE).read_text(encoding="utf-8")
    assert text.index(f"id: {min(questions[0].id, questions[3].id)}") < text.index(
        f"id: {max(questions[0].id, questions[3].id)}"
    )
    assert "reason: 'false'" in text and f"shown: {shown_hash(questions[3])}" in text
    ledger, problems = read_ledger(folder)
    assert problems == []
    statuses = {j.question.id: j.status for j in judge(ledger, questions)}
    assert statuses[questions[0].id] is Status.APPROVED and statuses[questions[3].id] is Status.REJECTED
    assert sum(s is Status.TO_REVIEW for s in statuses.values()) == len(questions) - 2


def test_scalars_are_read_as_the_teacher_wrote_them(tmp_path: Path) -> None:
    (tmp_path / REVIEW_FILE).write_text(
        "questions:\n  - id: l/f/when\n    verdict: rejected\n    reason: false\n    shown: 0123456789012345\n"
        "    note: no\n    answer: 1949\n",
        encoding="utf-8",
    )
    ledger, problems = read_ledger(tmp_path)
    assert problems == []
    decision = ledger.decisions["l/f/when"]
    assert (decision.reason, decision.shown, decision.note, decision.answer) == (
        "false",
        "0123456789012345",
        "no",
        "1949",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("questions:\n  - id: a\n    verdict: aproved\n    shown: x\n", "3:14: error: the verdict cannot be 'aproved'"),
        ("questions:\n  - id: a\n    verdict: rejected\n    reason: wrong\n    shown: x\n", "4:13: error: the reason"),
        ("questions:\n  - id: a\n    verdict: approved\n", "2:5: error: the entry lacks shown"),
        ("questions:\n  - id: a\n    verdict: approved\n    shwn: x\n", "4:5: error: unknown key 'shwn'"),
        (
            "questions:\n  - id: a\n    verdict: approved\n    shown: x\n"
            "  - id: a\n    verdict: skipped\n    shown: y\n",
            "5:5: error: the question a is reviewed twice (also at line 2)",
        ),
        ("questions:\n  - id: 'a\n", "error: YAML syntax error"),
        ("- just a list\n", "1:1: error: review.yaml must be a mapping"),
    ],
)
def test_a_damaged_review_is_an_error_at_its_place(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / REVIEW_FILE).write_text(text, encoding="utf-8")
    ledger, problems = read_ledger(tmp_path)
    assert ledger.decisions == {} and problems
    assert any(expected in d.render() for d in problems), [d.render() for d in problems]
    assert all(d.path.endswith(REVIEW_FILE) for d in problems)


def test_a_damaged_review_stops_check_and_build_and_is_never_written_over(project: Path) -> None:
    folder = project / "seeds" / LESSON
    damaged = "questions:\n  - id: x\n    verdict: maybe\n    shown: y\n"
    (folder / REVIEW_FILE).write_text(damaged, encoding="utf-8")
    checked = read_lesson(folder / "facts.yaml")
    assert not checked.ok
    result = runner.invoke(app, ["check", str(folder)])
    assert result.exit_code == 1 and "review.yaml:3:14: error: the verdict cannot be 'maybe'" in result.stderr
    assert runner.invoke(app, ["build", str(folder), "-f", "gift"]).exit_code == 1
    questions = build_questions(checked.lesson, checked.contexts()).questions
    with pytest.raises(ReviewFileDamaged, match=r"review\.yaml:3:14"):
        save_decision(checked.review, LESSON, Decision.of(questions[0], Verdict.APPROVED))
    assert (folder / REVIEW_FILE).read_text(encoding="utf-8") == damaged


def test_a_review_linked_out_of_the_lesson_is_refused(project: Path, tmp_path: Path) -> None:
    folder = project / "seeds" / LESSON
    outside = tmp_path / "elsewhere.yaml"
    outside.write_text("questions: []\n", encoding="utf-8")
    os.symlink(outside, folder / REVIEW_FILE)
    _, problems = read_ledger(folder)
    assert [d.code for d in problems] == ["review.unreadable"] and "outside the lesson folder" in problems[0].message


def test_a_changed_question_returns_to_review(project: Path) -> None:
    folder = project / "seeds" / LESSON
    questions = _decide(folder, {index: (Verdict.APPROVED, None) for index in range(len(_questions(folder)[1]))})
    facts = folder / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("name: Igor Ivanov", "name: Igor S. Ivanov"), "utf-8")
    checked, after = _questions(folder)
    judged = judge(checked.review, after)
    changed = [j for j in judged if j.changed]
    assert changed and all(j.status is Status.TO_REVIEW and "Igor Ivanov" in str(j.decision) for j in changed)
    assert all("Igor S. Ivanov" in json.dumps(j.question.to_json()) for j in changed)
    unchanged = {q.id for q in questions} - {j.question.id for j in changed}
    assert all(j.status is Status.APPROVED for j in judged if j.question.id in unchanged)


def test_a_review_changed_on_disk_meanwhile_is_kept(project: Path) -> None:
    folder = project / "seeds" / LESSON
    checked, questions = _questions(folder)
    first = save_decision(checked.review, LESSON, Decision.of(questions[0], Verdict.APPROVED))
    assert not first.changed_on_disk
    # The teacher (or another window) records a decision behind our back.
    other = save_decision(Ledger(first.ledger.path, first.ledger.decisions, first.ledger.read_bytes), LESSON,
                          Decision.of(questions[1], Verdict.REJECTED, "trivial"))  # fmt: skip
    assert not other.changed_on_disk
    ours = save_decision(first.ledger, LESSON, Decision.of(questions[2], Verdict.SKIPPED))
    assert ours.changed_on_disk
    decisions = read_ledger(folder)[0].decisions
    assert {questions[0].id, questions[1].id, questions[2].id} == set(decisions)


def _build(project: Path, *args: str):
    return runner.invoke(app, ["--verbose", "build", str(project / "seeds" / LESSON), *args])  # with notes


def test_build_never_exports_a_rejected_question_and_reviewed_only_exports_approved_ones(project: Path) -> None:
    folder = project / "seeds" / LESSON
    count = len(_questions(folder)[1])
    questions = _decide(folder, {0: (Verdict.APPROVED, None), 1: (Verdict.REJECTED, "ambiguous"),
                                 2: (Verdict.APPROVED, None), 3: (Verdict.SKIPPED, None)})  # fmt: skip
    result = _build(project, "-f", "quizlet", "--out", str(project / "all"))
    assert result.exit_code == 0, result.stderr
    assert f"; review: 2 approved, {count - 3} to review, 1 rejected;" in result.stdout  # on the lesson's line
    lines = (project / "all" / LESSON / f"{LESSON}.quizlet.txt").read_text(encoding="utf-8")
    assert questions[1].prompt.split("\n")[0] not in lines and questions[0].prompt.split("\n")[0] in lines
    result = _build(project, "-f", "quizlet", "--reviewed-only", "--out", str(project / "approved"))
    assert result.exit_code == 0, result.stderr
    assert f"held back {count - 3} question(s) not approved in review.yaml (--reviewed-only)" in result.stderr
    assert questions[3].id in result.stderr
    cards = (project / "approved" / LESSON / f"{LESSON}.quizlet.txt").read_text(encoding="utf-8").splitlines()
    assert len(cards) == 2


def test_lesson_review_required_acts_as_reviewed_only(project: Path) -> None:
    folder = project / "seeds" / LESSON
    _decide(folder, {5: (Verdict.APPROVED, None)})
    facts = folder / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("  tags:", "  review: required\n  tags:", 1), "utf-8")
    result = _build(project, "-f", "quizlet", "--out", str(project / "out"))
    assert result.exit_code == 0, result.stderr
    assert "(the lesson's review: required)" in result.stderr
    assert len((project / "out" / LESSON / f"{LESSON}.quizlet.txt").read_text(encoding="utf-8").splitlines()) == 1


def test_check_and_preview_show_the_counts(project: Path) -> None:
    folder = project / "seeds" / LESSON
    count = len(_decide(folder, {0: (Verdict.APPROVED, None), 1: (Verdict.REJECTED, "other")}))
    summary = f"review: 1 approved, {count - 2} to review, 1 rejected"
    assert summary in runner.invoke(app, ["check", str(folder)]).stdout
    page = project / "preview.html"
    result = runner.invoke(app, ["preview", str(folder), "-o", str(page)])
    assert summary in result.stdout and summary in page.read_text(encoding="utf-8")


def _import(col: Collection, apkg: Path):
    options = ImportAnkiPackageOptions(with_scheduling=False, merge_notetypes=False)
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options)).log


def test_a_question_rejected_after_shipping_is_withdrawn_in_students_anki(project: Path, tmp_path: Path) -> None:
    folder = project / "seeds" / LESSON
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        shipped = _import(col, project / "decks" / LESSON / apkg_name(LESSON))
        assert len(shipped.new) > 0
        # the deck's matching sets, withdrawn when they became one note per item (issue 26)
        already = {col.get_note(nid).guid for nid in col.find_notes(f"tag:{WITHDRAWN_TAG}")}
        _, questions = _questions(folder)
        cloze = next(q for q in questions if q.kind == "cloze")
        choice = next(q for q in questions if q.choices)
        _decide(folder, {questions.index(cloze): (Verdict.REJECTED, "misattributed"),
                         questions.index(choice): (Verdict.REJECTED, "false")})  # fmt: skip
        result = _build(project, "-f", "anki")
        assert result.exit_code == 0, result.stderr
        assert "2 rejected questions already shipped" in result.stdout
        log = _import(col, project / "decks" / LESSON / apkg_name(LESSON))
        assert len(log.conflicting) == 0 and len(log.new) == 0
        updated = {col.get_note(entry.id.nid).guid for entry in log.updated}
        assert updated == {genanki.guid_for(cloze.id), genanki.guid_for(choice.id)}
        found = col.find_notes(f"tag:{WITHDRAWN_TAG}")  # the one search the README gives students
        assert {col.get_note(nid).guid for nid in found} == updated | already and not updated & already
        notes = {col.get_note(nid).guid: col.get_note(nid) for nid in found}
        assert "it is not true" in notes[genanki.guid_for(choice.id)].fields[0]
        assert "wrong person" in notes[genanki.guid_for(cloze.id)].fields[0]
        assert col.get_note(found[0]).cards(), "a withdrawn note still has a card to show"
        # Building again changes nothing more in students' collections.
        assert _build(project, "-f", "anki").exit_code == 0
        assert len(_import(col, project / "decks" / LESSON / apkg_name(LESSON)).updated) == 0
    finally:
        col.close()
