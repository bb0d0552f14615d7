"""Issue 31: a build records what it wrote, removes its own out-of-date outputs and nothing else;
preview replaces its own page; two builds into one folder take turns."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import filelock
import pytest
from typer.testing import CliRunner

from studygen.cli import app
from studygen.export.manifest import MANIFEST_NAME
from studygen.files import LOCK_NAME
from studygen.outputs import RECORD_NAME, read_record

from .conftest import ROOT, SEED

runner = CliRunner()
LESSON = SEED.parent
ID = "russia-nato"


@pytest.fixture
def lesson(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds" / ID
    shutil.copytree(SEED.parent, folder)
    return folder


def _edit(lesson: Path) -> None:
    """A correction the teacher makes: every output made before it is out of date."""
    facts = lesson / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    asked = "    what: Washington refused to reciprocate"  # a fact its questions show
    assert asked in text
    facts.write_text(text.replace(asked, "    what: Washington declined to reciprocate"), "utf-8")


def _build(lesson: Path, out: Path, *formats: str, verbose: bool = False):
    args = ["--verbose"] if verbose else []
    result = runner.invoke(app, [*args, "build", str(lesson), "-o", str(out), *(["-f", *formats] if formats else [])])
    assert result.exit_code == 0, result.output
    return result


def test_outputs_of_the_same_lesson_stay_whichever_formats_a_build_makes(lesson: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(lesson, out, "moodle", "gift")
    folder = out / ID
    assert set(read_record(folder)) == {f"{ID}.moodle.xml", f"{ID}.gift.txt"}
    assert json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))["generator"] == "studygen"
    result = _build(lesson, out, "anki")
    assert "out of date" not in result.stdout + result.stderr
    assert {p.name for p in folder.iterdir()} == {
        f"{ID}.moodle.xml", f"{ID}.gift.txt", f"{ID}.apkg", MANIFEST_NAME, RECORD_NAME
    }  # fmt: skip
    assert set(read_record(folder)) == {f"{ID}.moodle.xml", f"{ID}.gift.txt", f"{ID}.apkg", MANIFEST_NAME}


def test_a_build_removes_its_outputs_of_an_earlier_version_of_the_lesson_and_nothing_else(
    lesson: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _build(lesson, out, "moodle", "gift")
    folder = out / ID
    (folder / "my notes.txt").write_text("the teacher's own file", encoding="utf-8")
    (folder / f"{ID}.qti.zip").write_bytes(b"a file named like an output, which no build here wrote")
    _edit(lesson)
    result = _build(lesson, out, "gift", verbose=True)
    assert not (folder / f"{ID}.moodle.xml").exists()
    assert (folder / "my notes.txt").read_text(encoding="utf-8") == "the teacher's own file"
    assert (folder / f"{ID}.qti.zip").read_bytes().startswith(b"a file named like an output")
    assert set(read_record(folder)) == {f"{ID}.gift.txt"}
    assert "1 file, 1 changed, 1 out of date removed" in result.stdout
    assert f"removed {os.path.relpath(folder / f'{ID}.moodle.xml')}: made from an earlier version" in result.stdout


def test_an_output_the_teacher_changed_is_kept_and_listed_as_out_of_date(lesson: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(lesson, out, "moodle", "gift")
    folder = out / ID
    moodle = folder / f"{ID}.moodle.xml"
    moodle.write_bytes(moodle.read_bytes() + b"<!-- edited by the teacher -->")
    edited = moodle.read_bytes()
    _edit(lesson)
    for _ in range(2):  # listed by every build until the teacher deletes or renames it
        result = _build(lesson, out, "gift")
        assert moodle.read_bytes() == edited
        assert f"{ID}.moodle.xml is out of date" in result.stderr and "it is kept" in result.stderr
    moodle.rename(folder / "my-moodle.xml")
    assert "out of date" not in _build(lesson, out, "gift").stderr
    assert (folder / "my-moodle.xml").read_bytes() == edited


def test_the_anki_manifest_outlives_the_deck(lesson: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(lesson, out, "anki")
    folder = out / ID
    manifest = (folder / MANIFEST_NAME).read_bytes()
    _edit(lesson)
    _build(lesson, out, "gift")
    assert not (folder / f"{ID}.apkg").exists()  # made from the lesson before the correction
    assert (folder / MANIFEST_NAME).read_bytes() == manifest  # what students' cards depend on


def test_a_record_naming_files_outside_the_folder_removes_nothing_there(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _build(SEED.parent, out, "gift")
    folder = out / ID
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me", encoding="utf-8")
    digest = hashlib.sha256(b"keep me").hexdigest()
    names = ["../../precious.txt", str(outside), "..", "sub/x", "..\\precious.txt"]
    entry = {"sha256": digest, "lesson": "an earlier lesson"}
    record = {"generator": "studygen", "outputs": dict.fromkeys(names, entry)}
    (folder / RECORD_NAME).write_text(json.dumps(record), encoding="utf-8")
    assert read_record(folder) == {}
    _build(SEED.parent, out, "gift")
    assert outside.read_text(encoding="utf-8") == "keep me"


def test_preview_replaces_its_own_page_but_not_a_teachers_file(tmp_path: Path) -> None:
    page = tmp_path / "preview.html"
    assert runner.invoke(app, ["preview", str(LESSON), "-o", str(page)]).exit_code == 0
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<p>old</p></body>"), encoding="utf-8")
    again = runner.invoke(app, ["preview", str(LESSON), "-o", str(page)])
    assert again.exit_code == 0, again.output
    assert "<p>old</p>" not in page.read_text(encoding="utf-8")
    mine = tmp_path / "mine.html"
    mine.write_text("<!DOCTYPE html><title>my lesson plan</title>", encoding="utf-8")
    refused = runner.invoke(app, ["preview", str(LESSON), "-o", str(mine)])
    assert refused.exit_code == 2 and "already exists; use --force" in refused.stderr
    assert mine.read_text(encoding="utf-8") == "<!DOCTYPE html><title>my lesson plan</title>"
    assert runner.invoke(app, ["preview", str(LESSON), "-o", str(mine), "--force"]).exit_code == 0
    assert "my lesson plan" not in mine.read_text(encoding="utf-8")


def _start_build(out: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "studygen", "build", str(LESSON), "-f", "gift", "-o", str(out)]
    return subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_builds_into_one_folder_take_turns(tmp_path: Path) -> None:
    started = time.monotonic()
    alone = _start_build(tmp_path / "alone")
    assert alone.wait(timeout=120) == 0
    takes = time.monotonic() - started
    out = tmp_path / "out"
    out.mkdir()
    with filelock.FileLock(out / LOCK_NAME):  # another build holds the folder
        build = _start_build(out)
        time.sleep(2 * takes + 1)
        assert build.poll() is None, build.communicate()  # waiting for its turn
        assert not (out / ID).exists()
    _, error = build.communicate(timeout=120)
    assert build.returncode == 0, error
    assert (out / ID / f"{ID}.gift.txt").is_file()
