"""The Anki manifest: what students' collections already hold, committed beside the deck.

Anki matches an imported note to a student's note by GUID, updates it only when the
imported note is newer, and cannot change a note's type without damaging the
collection. So the manifest records, for every note a build has shipped, a content
hash, the note's time and its note type; and for every person, the ids of their roles,
so that a corrected role title keeps its cards. A note's time changes exactly when its
content does, and a new time is always later than every time shipped before.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..confine import UnsafeFile, read_regular
from ..fields import SLUG
from ..model import Lesson, title_slug
from . import ExportError

MANIFEST_NAME = "anki-manifest.json"
MAX_MANIFEST_BYTES = 64_000_000  # about 80 bytes a note


@dataclass(frozen=True)
class Entry:
    hash: str
    mod: int
    type: str = ""  # the note type's key ("qa", "choice", "cloze"); "" in manifests written before it was kept


@dataclass
class Manifest:
    """A previous build's record; `lesson` is None when there was no manifest."""

    lesson: str | None = None
    notes: dict[str, Entry] = field(default_factory=dict)
    roles: dict[str, list[str]] = field(default_factory=dict)  # person id -> role ids, in the file's order
    latest: int = 0  # the latest note time ever shipped

    def stamp(self, guid: str, hash_: str, type_: str, now: int) -> Entry:
        """A note's entry: the old one if the content is unchanged, else a time later than any shipped."""
        old = self.notes.get(guid)
        if old is not None and old.hash == hash_:
            return replace(old, type=type_)
        return Entry(hash_, max(now, self.latest + 1), type_)


def content_hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:16]


def read_manifest(path: Path) -> Manifest:
    """The previous build's manifest (an empty one when there is none yet).

    A damaged manifest stops the build (ExportError): guessing would give notes times
    that make students' Anki keep old cards or re-date unchanged ones. The file is checked
    as untrusted input: its role ids become question ids, and its times are written back.
    """
    try:
        return _manifest(json.loads(read_regular(path, MAX_MANIFEST_BYTES).decode("utf-8")))
    except FileNotFoundError:
        return Manifest()
    except UnsafeFile as exc:
        problem = exc.message
    except _Damaged as exc:
        problem = str(exc)
    except (ValueError, RecursionError) as exc:  # not JSON, not UTF-8, nested too deep
        problem = f"it is not a studygen manifest ({type(exc).__name__}: {str(exc)[:120]})"
    raise ExportError(
        f"cannot read {path}: {problem}; restore it from version control, or delete it and build with "
        "--new-manifest (every note then gets a new time, and students' Anki updates all of them once)"
    )


MAX_TIME = 253_402_300_799  # the last second of the year 9999: a later note time was not written by a build
MAX_ROLE_ID_CHARS = 1_000  # a role id is made from a title; a title of a thousand characters is not a title
_HASH = re.compile("[0-9a-f]{16}")  # content_hash
_NOTE_TYPE = re.compile("[a-z]{0,16}")  # a key of the Anki exporter's note types, checked there
_MAX_GUID_CHARS = 64  # genanki's are 10


class _Damaged(ValueError):
    """What is wrong with a manifest's content, in a sentence."""


def _shown(value: object) -> str:
    text = json.dumps(value, ensure_ascii=True)
    return text if len(text) <= 40 else text[:37] + "..."


def _field(data: object, key: str, kind: type, where: str) -> Any:
    """`data[key]`, which must be of the type `kind` (not a subclass: true is not a time)."""
    present = isinstance(data, dict) and key in data
    if not present or type(data[key]) is not kind:
        what = {dict: "an object", str: "a string", int: "a whole number"}[kind]
        raise _Damaged(f"{where}'{key}' is {_shown(data[key]) if present else 'missing'}, not {what}")
    return data[key]


def _time(value: int, what: str) -> int:
    if not 0 <= value <= MAX_TIME:
        raise _Damaged(f"{what} is {value}, not a time (whole seconds since 1970, before the year 10000)")
    return value


def _is_role_id(value: object) -> bool:
    """Whether `value` is an id a teacher may give a role, or one a build made from a title."""
    if not isinstance(value, str):
        return False
    return bool(SLUG.fullmatch(value)) or (len(value) <= MAX_ROLE_ID_CHARS and title_slug(value) == value)


def _manifest(raw: object) -> Manifest:
    """The Manifest the parsed JSON `raw` describes; _Damaged names the first value that is wrong."""
    if not isinstance(raw, dict):
        raise _Damaged(f"it holds {_shown(raw)}, not a studygen manifest (an object with 'lesson' and 'notes')")
    lesson = _field(raw, "lesson", str, "")
    if not SLUG.fullmatch(lesson):
        raise _Damaged(f"'lesson' is {_shown(lesson)}, not a lesson id")
    notes = {}
    for guid, item in _field(raw, "notes", dict, "").items():
        where = f"the note {_shown(guid)}: "
        if not 0 < len(guid) <= _MAX_GUID_CHARS or not guid.isprintable():
            raise _Damaged(f"{_shown(guid)} is not a note's GUID")
        hash_ = _field(item, "hash", str, where)
        type_ = item.get("type", "")
        if not _HASH.fullmatch(hash_) or not isinstance(type_, str) or not _NOTE_TYPE.fullmatch(type_):
            raise _Damaged(f"{where}'hash' or 'type' is not what a build writes")
        notes[guid] = Entry(hash_, _time(_field(item, "mod", int, where), f"{where}'mod'"), type_)
    roles: dict[str, list[str]] = {}
    for person, ids in (_field(raw, "roles", dict, "") if "roles" in raw else {}).items():
        if not SLUG.fullmatch(person) or not isinstance(ids, list):
            raise _Damaged(f"'roles' holds {_shown(person)}: {_shown(ids)}, not a person's id and a list of role ids")
        for role in ids:
            if not _is_role_id(role):
                raise _Damaged(f"a role id of '{person}' is {_shown(role)}, not an id a build writes")
        roles[person] = ids
    latest = _field(raw, "latest", int, "") if "latest" in raw else max((e.mod for e in notes.values()), default=0)
    return Manifest(lesson, notes, roles, _time(latest, "'latest'"))


def manifest_bytes(lesson_id: str, entries: dict[str, Entry], roles: dict[str, list[str]], latest: int) -> bytes:
    # One note per line, so that a correction shows as a one-line diff in version control.
    lines = [
        f'  {json.dumps(guid, ensure_ascii=False)}: {{"hash": "{e.hash}", "mod": {e.mod}, "type": "{e.type}"}}'
        for guid, e in sorted(entries.items())
    ]
    head = {
        "lesson": lesson_id,
        "about": "what students' Anki already holds: each note's time and type, each person's role ids",
        "latest": latest,
        "roles": {person: ids for person, ids in sorted(roles.items()) if ids},
    }
    text = json.dumps(head, ensure_ascii=False)[:-1] + ', "notes": {\n' + ",\n".join(lines) + "\n}}\n"
    return text.encode("utf-8")


def with_remembered_role_ids(lesson: Lesson, manifest: Manifest) -> Lesson:
    """The lesson with each role's id as the deck knows it.

    A role without an `id:` in the file gets one made from its title. When the teacher
    corrects the title, that id is new; if the person still has as many roles as at the
    last build, and the id at the role's place is no longer in use, the role takes it
    back, so its cards update rather than being duplicated. A teacher's own `id:` always wins.
    """
    people = dict(lesson.people)
    changed = False
    for person_id, person in lesson.people.items():
        known = manifest.roles.get(person_id, [])
        if len(known) != len(person.roles):
            continue
        in_use = {role.id for role in person.roles}
        roles = tuple(
            replace(role, id=old) if not role.id_given and role.id not in known and old not in in_use else role
            for role, old in zip(person.roles, known, strict=True)
        )
        if roles != person.roles:
            people[person_id] = replace(person, roles=roles)
            changed = True
    return replace(lesson, people=people) if changed else lesson


def role_ids(lesson: Lesson) -> dict[str, list[str]]:
    return {person.id: [role.id for role in person.roles] for person in lesson.people.values()}
