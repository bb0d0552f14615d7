"""The record of what a build wrote into a lesson's output folder, so a later build can tidy up.

Each build writes `studygen-outputs.json` beside its outputs (in the same atomic swap), naming each
file, the SHA-256 of the bytes it wrote and a fingerprint of the lesson it was made from. A later
build keeps the outputs it does not make itself while they are of the same lesson (a `.moodle.xml`
beside a default build of the unchanged lesson is still current), and removes those made from an
earlier version of the lesson, but only while their bytes are still the ones studygen wrote: a file
the teacher has changed since is kept, and listed as out of date. A file the record does not name
(the teacher's own) is never touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .export.manifest import MANIFEST_NAME
from .model import Lesson
from .questions import QuestionSet

RECORD_NAME = "studygen-outputs.json"
# State a later build reads, not an output: the Anki manifest keeps students' cards updating in place
# (a build of another format into the folder must not lose it).
NEVER_REMOVED = frozenset({MANIFEST_NAME})
_MAX_RECORD_BYTES = 10_000_000


@dataclass(frozen=True)
class Recorded:
    sha256: str  # of the bytes written
    lesson: str  # lesson_fingerprint of what it was made from


@dataclass(frozen=True)
class OutputPlan:
    files: dict[str, bytes]  # the outputs and their record, to publish together
    removed: tuple[str, ...]  # outputs of an earlier version of the lesson, as studygen wrote them: to remove
    out_of_date: tuple[str, ...]  # outputs of an earlier version of the lesson, changed since: kept


def lesson_fingerprint(lesson: Lesson, questions: QuestionSet) -> str:
    """What the outputs of a lesson are made from, in one hash: studygen's version, the facts file's text,
    the article and every question as it is asked (so templates and review decisions count too)."""
    digest = hashlib.sha256(f"studygen {__version__}\0{lesson.id}\0".encode())
    try:
        digest.update(lesson.path.read_bytes().replace(b"\r\n", b"\n"))  # as git checks it out anywhere
    except OSError:
        digest.update(b"\0unreadable")
    digest.update(lesson.article.replace("\r\n", "\n").encode("utf-8", "surrogatepass"))
    for question in questions.questions:
        parts = (question.id, question.prompt, question.answer, *question.choices, *question.items)
        digest.update(("\0".join(parts) + "\n").encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def plan_outputs(folder: Path, outputs: Mapping[str, bytes], lesson: str) -> OutputPlan:
    """The files to publish into `folder` (`outputs` and a new record, made from the lesson whose
    fingerprint is `lesson`) and what to do with the outputs earlier builds recorded there."""
    removed, out_of_date = [], []
    kept: dict[str, Recorded] = {}
    for name, entry in sorted(read_record(folder).items()):
        if name in outputs or name in NEVER_REMOVED:
            continue
        current = _digest(folder / name)
        if current is None:
            continue  # gone already
        if entry.lesson == lesson:
            kept[name] = entry  # another format's output of this same lesson: still current
        elif current == entry.sha256:
            removed.append(name)
        else:
            out_of_date.append(name)
            kept[name] = entry  # listed again by the next build, until the teacher removes or renames it
    record = {name: Recorded(_sha256(data), lesson) for name, data in outputs.items() if name != RECORD_NAME}
    record.update(kept)
    entries = {name: {"sha256": entry.sha256, "lesson": entry.lesson} for name, entry in record.items()}
    data = json.dumps({"generator": "studygen", "outputs": entries}, indent=1, sort_keys=True) + "\n"
    return OutputPlan({**outputs, RECORD_NAME: data.encode("utf-8")}, tuple(removed), tuple(out_of_date))


def read_record(folder: Path) -> dict[str, Recorded]:
    """The outputs earlier builds recorded in `folder`. A missing, damaged or foreign record counts as
    empty: then nothing is removed."""
    path = folder / RECORD_NAME
    try:
        if not stat.S_ISREG(path.lstat().st_mode) or path.lstat().st_size > _MAX_RECORD_BYTES:
            return {}
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    outputs = data.get("outputs") if isinstance(data, dict) and data.get("generator") == "studygen" else None
    if not isinstance(outputs, dict):
        return {}
    return {
        name: Recorded(entry["sha256"], entry["lesson"])
        for name, entry in outputs.items()
        if _plain_name(name)
        and name != RECORD_NAME
        and isinstance(entry, dict)
        and isinstance(entry.get("sha256"), str)
        and isinstance(entry.get("lesson"), str)
    }


def _plain_name(name: object) -> bool:
    """A file name of the folder itself: the record is read from disk, so it may have been edited."""
    return (
        isinstance(name, str)
        and name not in ("", ".", "..")
        and "\0" not in name
        and not any(mark in name for mark in ("/", "\\", ":"))
    )


def _digest(path: Path) -> str | None:
    """The SHA-256 of a regular file, None for anything else (gone, a folder, a link, a device)."""
    try:
        if not stat.S_ISREG(path.lstat().st_mode):
            return None
        with open(path, "rb", opener=lambda name, flags: os.open(name, flags | getattr(os, "O_NOFOLLOW", 0))) as f:
            return hashlib.file_digest(f, "sha256").hexdigest()
    except OSError:
        return None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
