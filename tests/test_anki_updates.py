"""A term of corrections, as students live it: the shipped deck imported and studied with the real
Anki library, then each ordinary edit a teacher makes, rebuilt and imported again, with Anki's
"merge note types" option both on and off. After every import: no conflicting note, no second
note for one question, no note type changed, exactly the notes whose question changed updated,
and the student's reviews kept."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from studygen.build import build_lessons, remember_role_ids
from studygen.export import ExportError
from studygen.export.anki import MANY_CHANGES, anki_questions, apkg_name
from studygen.export.manifest import MANIFEST_NAME
from studygen.lessons import read_lesson
from studygen.model import Lesson
from studygen.questions import QuestionSet, build_questions

from .conftest import ROOT

LESSON = "russia-nato"
DECK = "History::Cold War::Russia and NATO"
SHIPPED = json.loads((ROOT / "decks" / LESSON / MANIFEST_NAME).read_text(encoding="utf-8"))
LATER = SHIPPED["latest"] + 86_400  # a build a day after the shipped one


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's lesson and its committed deck and manifest, as a teacher's clone has them."""
    shutil.copytree(ROOT / "seeds" / LESSON, tmp_path / "seeds" / LESSON)
    shutil.copytree(ROOT / "decks" / LESSON, tmp_path / "decks" / LESSON)
    return tmp_path


def _read(project: Path) -> tuple[Lesson, QuestionSet]:
    """The lesson and its questions as `studygen build` makes them: with the role ids its deck knows."""
    checked = read_lesson(project / "seeds" / LESSON / "facts.yaml")
    assert checked.ok and checked.lesson is not None, [str(d) for d in checked.diagnostics]
    lesson = remember_role_ids(checked.lesson, None)
    return lesson, build_questions(lesson, checked.contexts())


def _questions(project: Path) -> dict[str, dict]:
    """What each note asks, by the id its GUID comes from (a matching or chronology set's are its items)."""
    return {item.id: item.to_json() for q in _read(project)[1].questions for item in anki_questions(q)}


def _build(project: Path, now: int, **options: str) -> Path:
    """Build the way `studygen build` does, from another working folder: the deck goes to the project's decks/."""
    build_lessons([_read(project)], None, ["anki"], now=now, options=options)
    return project / "decks" / LESSON / apkg_name(LESSON)


def _edit(project: Path, old: str, new: str) -> None:
    facts = project / "seeds" / LESSON / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    facts.write_text(text.replace(old, new), encoding="utf-8")


def _import(col: Collection, apkg: Path, merge: bool):
    options = ImportAnkiPackageOptions(with_scheduling=False, merge_notetypes=merge)
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options)).log


def _snapshot(col: Collection) -> dict[str, tuple]:
    rows = col.db.all("select guid, mid, flds, tags from notes")
    return {guid: (mid, fields, tags) for guid, mid, fields, tags in rows}


def _study(col: Collection, count: int = 20) -> dict[int, tuple]:
    """Answer `count` cards (mostly Good, every fourth Again) and return each card's schedule."""
    col.decks.select(col.decks.id_for_name(DECK))
    for number in range(count):
        card = col.sched.getCard()
        assert card is not None
        col.sched.answerCard(card, 1 if number % 4 == 3 else 3)
    return {cid: (ivl, due, reps) for cid, ivl, due, reps in col.db.all("select id, ivl, due, reps from cards")}


@pytest.fixture
def student(tmp_path: Path):
    """A student who imported the shipped deck and studied 20 cards."""
    (tmp_path / "student").mkdir()
    col = Collection(str(tmp_path / "student" / "collection.anki2"))
    log = _import(col, ROOT / "decks" / LESSON / apkg_name(LESSON), merge=False)
    assert len(log.conflicting) == 0 and len(log.new) == col.note_count() > 0
    _study(col)
    yield col
    col.close()


def _guids(question_ids: set[str]) -> set[str]:
    return {genanki.guid_for(qid) for qid in question_ids}


def _check_import(col: Collection, apkg: Path, merge: bool, before_q: dict, after_q: dict) -> set[str]:
    """Import a rebuilt deck; assert what any correction must guarantee; return the updated GUIDs."""
    notes_before = _snapshot(col)
    schedules = {cid: (ivl, due, reps) for cid, ivl, due, reps in col.db.all("select id, ivl, due, reps from cards")}
    reviews = col.db.scalar("select count() from revlog")
    log = _import(col, apkg, merge)

    assert len(log.conflicting) == 0 and len(log.missing_notetype) == 0
    changed = _guids({qid for qid in after_q if qid in before_q and after_q[qid] != before_q[qid]})
    added = _guids(set(after_q) - set(before_q))
    updated = {col.get_note(entry.id.nid).guid for entry in log.updated}
    assert updated == changed
    assert {col.get_note(entry.id.nid).guid for entry in log.new} == added
    notes_after = _snapshot(col)
    assert set(notes_after) == set(notes_before) | added  # never a second note for one question
    assert len(notes_after) == col.note_count()
    for guid, (mid, fields, tags) in notes_before.items():
        assert notes_after[guid][0] == mid, "a note changed its note type"
        if guid not in changed:
            assert notes_after[guid] == (mid, fields, tags), "a note that did not change was touched"
    # The student's reviews and scheduling are kept.
    assert col.db.scalar("select count() from revlog") == reviews
    now = {cid: (ivl, due, reps) for cid, ivl, due, reps in col.db.all("select id, ivl, due, reps from cards")}
    assert all(now[cid] == schedule for cid, schedule in schedules.items())
    return updated


MERGE = pytest.mark.parametrize("merge", [False, True], ids=["merge-off", "merge-on"])


@MERGE
def test_an_unchanged_rebuild_updates_nothing(student: Collection, project: Path, merge: bool) -> None:
    questions = _questions(project)
    apkg = _build(project, LATER)
    assert apkg.read_bytes() == (ROOT / "decks" / LESSON / apkg_name(LESSON)).read_bytes()
    assert _check_import(student, apkg, merge, questions, questions) == set()


# Edits that change how precise a date is: under the old rule each moved its note to another note
# type (a year has choices, a full date has none), which Anki either refused or let scramble
# every other multiple-choice note.
# (The Soviet leaders' bid: the year of Gorbachev's is asked "Who proposed in 1990 ...?", not "When ...?".)
DECADE = "    what: that the USSR join NATO\n    when: mid-1950s\n"
FULL_DATE = "    what: that the USSR join NATO\n    when: 1955-05-01\n    from_teacher: [when]\n"
PRECISION_EDITS = {"decade-to-full-date": (DECADE, FULL_DATE), "full-date-to-decade": (FULL_DATE, DECADE)}


@MERGE
@pytest.mark.parametrize("edit", PRECISION_EDITS, ids=list(PRECISION_EDITS))
def test_a_date_precision_change_keeps_the_note_type(
    student: Collection, project: Path, merge: bool, edit: str
) -> None:
    old, new = PRECISION_EDITS[edit]
    when_id = f"{LESSON}/soviet-bid-1950s/when"
    built = LATER
    if old == FULL_DATE:  # the shipped lesson has the decade: this student imported a deck with the full date
        _edit(project, DECADE, FULL_DATE)
        deck = _build(project, built)
        built += 86_400
        student.close()
        student = Collection(str(project / "other-student.anki2"))
        assert len(_import(student, deck, merge=False).new) == student.note_count()
        _study(student)
    before = _questions(project)
    _edit(project, old, new)
    after = _questions(project)
    assert bool(before[when_id].get("choices")) != bool(after[when_id].get("choices")), "the edit must move choices"
    updated = _check_import(student, _build(project, built), merge, before, after)
    assert genanki.guid_for(when_id) in updated

    note = student.get_note(student.db.scalar("select id from notes where guid = ?", genanki.guid_for(when_id)))
    front = note.cards()[0].question()
    for choice in after[when_id].get("choices", []):  # choices gained are shown, whatever the note type
        assert choice in front
    if not after[when_id].get("choices"):
        assert "<li" not in front
    assert after[when_id]["answer"] in note.cards()[0].answer()
    if old == FULL_DATE:
        student.close()


@MERGE
def test_a_corrected_role_title_updates_its_cards(student: Collection, project: Path, merge: bool) -> None:
    before = _questions(project)
    # The title corrected and its id left out: the deck's manifest remembers the id the cards have.
    _edit(project, "      - title: NATO Secretary General ", "      - title: NATO Secretary-General ")
    _edit(project, "        id: nato-general-secretary ", "        # ")
    after = _questions(project)
    assert set(after) == set(before)  # the same questions, under the same ids
    updated = _check_import(student, _build(project, LATER), merge, before, after)
    assert updated and all("Secretary-General" in str(after[qid]) for qid in after if genanki.guid_for(qid) in updated)
    manifest = json.loads((project / "decks" / LESSON / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["roles"]["robertson"] == ["nato-general-secretary"]  # the id the deck knows, remembered


def test_a_role_id_in_the_file_wins(project: Path) -> None:
    _edit(project, "        id: nato-general-secretary ", "        id: sg ")
    assert any("/robertson.sg/" in qid for qid in _questions(project))


@MERGE
def test_a_renamed_person_updates_exactly_the_notes_that_show_the_name(
    student: Collection, project: Path, merge: bool
) -> None:
    before = _questions(project)
    _edit(project, "    name: Fyodor Lukyanov\n", "    name: Fyodor A. Lukyanov\n")
    after = _questions(project)
    showing = {qid for qid, question in before.items() if "Fyodor Lukyanov" in json.dumps(question)}
    assert showing and {qid for qid in after if after[qid] != before[qid]} == showing
    updated = _check_import(student, _build(project, LATER), merge, before, after)
    assert updated == _guids(showing)


@MERGE
def test_a_correction_arrives_when_the_clock_is_behind_the_last_build(
    student: Collection, project: Path, merge: bool
) -> None:
    before = _questions(project)
    _edit(project, "    what: that the Soviet Union might join NATO\n", "    what: that the USSR might join NATO\n")
    after = _questions(project)
    updated = _check_import(student, _build(project, SHIPPED["latest"] - 10 * 86_400), merge, before, after)
    assert genanki.guid_for(f"{LESSON}/gorbachev-bid-1990/proposal") in updated


def test_a_lost_manifest_stops_the_build(project: Path) -> None:
    (project / "decks" / LESSON / MANIFEST_NAME).unlink()
    deck = (project / "decks" / LESSON / apkg_name(LESSON)).read_bytes()
    with pytest.raises(ExportError, match=r"no anki-manifest\.json"):
        _build(project, LATER)
    assert (project / "decks" / LESSON / apkg_name(LESSON)).read_bytes() == deck
    _build(project, LATER, new_manifest="yes")
    assert (project / "decks" / LESSON / MANIFEST_NAME).is_file()


def test_another_lessons_manifest_stops_the_build(project: Path) -> None:
    manifest = project / "decks" / LESSON / MANIFEST_NAME
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"lesson": "russia-nato"', '"lesson": "other"'))
    with pytest.raises(ExportError, match="belongs to the lesson 'other'"):
        _build(project, LATER)


def _studygen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(LATER)}
    return subprocess.run([sys.executable, "-m", "studygen", *args], cwd=cwd, env=env, capture_output=True, text=True)


def test_the_command_finds_the_projects_decks_and_reports_what_changed(project: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    lesson = project / "seeds" / LESSON
    before = _questions(project)
    _edit(project, "    what: NATO was created\n", "    what: the North Atlantic Treaty Organization was created\n")
    after = _questions(project)
    changed = sum(after[qid] != before[qid] for qid in after)
    run = _studygen("build", str(lesson), "--format", "anki", cwd=elsewhere)
    assert run.returncode == 0, run.stderr
    assert not (elsewhere / "decks").exists()
    shipped = len(json.loads((project / "decks" / LESSON / MANIFEST_NAME).read_text(encoding="utf-8"))["notes"])
    assert f"Anki deck: 0 notes added, {changed} changed, {shipped - changed} unchanged" in run.stdout

    (project / "decks" / LESSON / MANIFEST_NAME).unlink()
    run = _studygen("build", str(lesson), "--format", "anki", cwd=elsewhere)
    assert run.returncode == 1 and "no anki-manifest.json" in run.stderr and "--new-manifest" in run.stderr
    assert "Traceback" not in run.stderr
    run = _studygen("build", str(lesson), "--format", "anki", "--new-manifest", cwd=elsewhere)
    assert run.returncode == 0, run.stderr


def test_a_change_to_many_notes_is_a_warning(project: Path) -> None:
    # Two renamed people: every note that shows either name, as a question or a choice, changes.
    _edit(project, "    name: Vladimir Putin\n", "    name: Vladimir V. Putin\n")
    _edit(project, "    name: Sergei Ordzhonikidze\n", "    name: Sergei A. Ordzhonikidze\n")
    run = _studygen("build", "--format", "anki", cwd=project)
    assert run.returncode == 0, run.stderr
    changed = int(re.search(r"(\d+) changed, \d+ unchanged", run.stdout)[1])  # type: ignore[index]
    assert changed > MANY_CHANGES
    assert "warning: this build changes" in run.stderr and "[anki.many-changes]" in run.stderr
    assert "marked, leech" in run.stderr
