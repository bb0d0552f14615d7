"""Pausing Python's cyclic garbage collector around work that builds many small acyclic objects."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic objects.

    Reading a 10,000-fact lesson or drafting from a long article allocates hundreds of
    thousands of objects; the collector would scan them repeatedly for cycles that cannot
    exist (a third of a lesson's reading time, a twentieth of a draft's).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
