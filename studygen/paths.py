"""Where lessons and outputs live by default: names shared by the CLI and the library."""

import os
from pathlib import Path

FACTS_FILE = "facts.yaml"
SEEDS_DIR = "seeds"
DECKS_DIR = "decks"


def display_path(path: Path) -> str:
    """A path as the teacher typed it: relative to the working folder when inside it."""
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)
