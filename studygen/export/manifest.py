"""The Anki manifest: note GUID -> content hash and modification time, committed beside the deck.

Anki updates a matched note only when the imported note is newer, so a note's time must
change exactly when its content does: reused while the hash is unchanged, the build
time (always later than the previous time) when it changes.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

MANIFEST_NAME = "anki-manifest.json"


@dataclass(frozen=True)
class Entry:
    hash: str
    mod: int


def content_hash(*parts: str) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()[:16]


def read_manifest(path: Path) -> dict[str, Entry]:
    """The previous build's manifest; an unreadable one counts as empty (every note gets a new time)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return {guid: Entry(item["hash"], int(item["mod"])) for guid, item in raw["notes"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def stamp(previous: dict[str, Entry], guid: str, hash_: str, now: int) -> Entry:
    """The entry for a note: its old time if unchanged, else a time later than the old one."""
    old = previous.get(guid)
    if old is not None and old.hash == hash_:
        return old
    return Entry(hash_, max(now, old.mod + 1) if old else now)


def manifest_bytes(lesson_id: str, entries: dict[str, Entry]) -> bytes:
    # One note per line, so that a correction shows as a one-line diff in version control.
    lines = [
        f'  {json.dumps(guid, ensure_ascii=False)}: {{"hash": "{e.hash}", "mod": {e.mod}}}'
        for guid, e in sorted(entries.items())
    ]
    head = {
        "lesson": lesson_id,
        "about": "each Anki note's time, kept so that re-imports update exactly the changed notes",
    }
    text = json.dumps(head, ensure_ascii=False)[:-1] + ', "notes": {\n' + ",\n".join(lines) + "\n}}\n"
    return text.encode("utf-8")
