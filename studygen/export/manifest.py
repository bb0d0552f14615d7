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
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..confine import UnsafeFile, read_regular
from ..model import Lesson
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
    that make students' Anki keep old cards or re-date unchanged ones.
    """
    try:
        raw = json.loads(read_regular(path, MAX_MANIFEST_BYTES).decode("utf-8"))
        notes = {}
        for guid, item in raw["notes"].items():
            mod, type_ = item["mod"], item.get("type", "")
            if not isinstance(item["hash"], str) or type(mod) is not int or mod < 0 or not isinstance(type_, str):
                raise ValueError(f"the entry of note {guid!r} is not a hash, a time and a note type")
            notes[guid] = Entry(item["hash"], mod, type_)
        roles = raw.get("roles", {})
        if not all(isinstance(ids, list) and all(isinstance(i, str) for i in ids) for ids in roles.values()):
            raise ValueError("'roles' is not a list of role ids for each person")
        latest = raw.get("latest", max((e.mod for e in notes.values()), default=0))
        if type(latest) is not int or not isinstance(raw["lesson"], str):
            raise ValueError("'latest' is not a time, or 'lesson' is not an id")
        return Manifest(raw["lesson"], notes, roles, latest)
    except FileNotFoundError:
        return Manifest()
    except UnsafeFile as exc:
        problem = exc.message
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        problem = f"it is not a studygen manifest ({type(exc).__name__}: {str(exc)[:120]})"
    raise ExportError(
        f"cannot read {path}: {problem}; restore it from version control, or delete it and build with "
        "--new-manifest (every note then gets a new time, and students' Anki updates all of them once)"
    )


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
