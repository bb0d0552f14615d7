"""Writing outputs: atomically, and never over a teacher's file without permission."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class OutputExists(Exception):
    """The output file exists and overwriting it was not allowed."""


def write_atomic(path: Path, data: bytes | str, overwrite: bool = True) -> None:
    """Write to a temporary file beside `path`, then rename it into place.

    A failure at any point leaves the previous file as it was.
    """
    if not overwrite and path.exists():
        raise OutputExists(f"{path} already exists; use --force to replace it")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes it private; outputs are shared
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
