"""The record of what a build wrote into a lesson's output folder, so a later build can tidy up.

Each build writes `studygen-outputs.json` beside its outputs (in the same atomic swap), naming
each file and the SHA-256 of the bytes it wrote. The next build removes the files the record names
that it does not make itself (a `.moodle.xml` of a build with `--format moodle`, when this build
makes only the defaults), but only while their bytes are still the ones studygen wrote: a file the
teacher has changed since is kept, and listed as out of date. A file the record does not name (the
teacher's own) is never touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .export.manifest import MANIFEST_NAME

RECORD_NAME = "studygen-outputs.json"
# State a later build reads, not an output: the Anki manifest keeps students' cards updating in place
# (a build of another format into the folder must not lose it).
NEVER_REMOVED = frozenset({MANIFEST_NAME})
_MAX_RECORD_BYTES = 1_000_000


@dataclass(frozen=True)
class OutputPlan:
    files: dict[str, bytes]  # the outputs and their record, to publish together
    removed: tuple[str, ...]  # earlier outputs this build does not make, as studygen wrote them: to remove
    out_of_date: tuple[str, ...]  # earlier outputs this build does not make, changed since: kept


def plan_outputs(folder: Path, outputs: Mapping[str, bytes]) -> OutputPlan:
    """The files to publish into `folder` (`outputs` and a new record) and what to do with earlier outputs."""
    removed, out_of_date = [], []
    earlier = read_record(folder)
    for name, digest in sorted(earlier.items()):
        if name in outputs or name in NEVER_REMOVED:
            continue
        current = _digest(folder / name)
        if current == digest:
            removed.append(name)
        elif current is not None:
            out_of_date.append(name)
    record = {name: _sha256(data) for name, data in outputs.items() if name != RECORD_NAME}
    record.update((name, earlier[name]) for name in out_of_date)  # listed again by the next build
    data = json.dumps({"generator": "studygen", "outputs": record}, indent=1, sort_keys=True) + "\n"
    return OutputPlan({**outputs, RECORD_NAME: data.encode("utf-8")}, tuple(removed), tuple(out_of_date))


def read_record(folder: Path) -> dict[str, str]:
    """The outputs an earlier build recorded in `folder`: {file name: SHA-256}. A missing, damaged or
    foreign record counts as empty: then nothing is removed."""
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
        name: digest
        for name, digest in outputs.items()
        if isinstance(digest, str) and _plain_name(name) and name != RECORD_NAME
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
