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

from ..confine import UnsafeFile, read_regular
from . import ExportError

MANIFEST_NAME = "anki-manifest.json"
MAX_MANIFEST_BYTES = 64_000_000  # about 60 bytes a note


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
    """The previous build's manifest ({} when there is none yet).

    A damaged manifest stops the build (ExportError): guessing would give notes times
    that make students' Anki keep old cards or re-date unchanged ones.
    """
    try:
        raw = json.loads(read_regular(path, MAX_MANIFEST_BYTES).decode("utf-8"))
        entries = {}
        for guid, item in raw["notes"].items():
            mod = item["mod"]
            if not isinstance(guid, str) or not isinstance(item["hash"], str) or type(mod) is not int or mod < 0:
                raise ValueError(f"the entry of note {guid!r} is not a hash and a time")
            entries[guid] = Entry(item["hash"], mod)
        return entries
    except FileNotFoundError:
        return {}
    except UnsafeFile as exc:
        problem = exc.message
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        problem = f"it is not a studygen manifest ({type(exc).__name__}: {str(exc)[:120]})"
    raise ExportError(
        f"cannot read {path}: {problem}; restore it from version control, or delete it "
        "(every note then gets a new time, and students' Anki updates all of them once)"
    )


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
