"""Reading the files a lesson names: inside its own folder, regular, and of bounded size.

A lesson folder is shared between teachers, so the paths in it are untrusted: an
article at `/etc/passwd`, `../../secret` or a symlink out of the folder would be copied
into decks that students receive, and a FIFO or `/dev/zero` would hang or exhaust memory.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MAX_FILE_BYTES = 32_000_000  # the facts file's limit too; a long article is well under 1 MB


class UnsafeFile(Exception):
    """A file a lesson names that studygen will not read; `hint` says what to do instead."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


class TooLarge(UnsafeFile):
    """The file is over the size limit."""


def inside(folder: Path, name: str) -> Path:
    """`folder/name`, refused unless it stays inside `folder` once `..` and symlinks are resolved."""
    if "\0" in name:
        raise UnsafeFile(f"the path {name!r} holds a NUL character", "write a plain file name")
    if Path(name).is_absolute() or (len(name) > 1 and name[1] == ":"):
        raise UnsafeFile(
            f"'{name}' is an absolute path; a lesson may only name files inside its own folder",
            f"copy the file into the lesson folder and write its name, e.g. {Path(name).name}",
        )
    try:
        root = folder.resolve()
        target = (folder / name).resolve()
    except (RuntimeError, OSError) as exc:  # a symbolic link loop, a name too long
        raise UnsafeFile(f"'{name}' cannot be followed: {getattr(exc, 'strerror', None) or exc}",
                         "name an ordinary file inside the lesson folder") from None  # fmt: skip
    if target != root and root not in target.parents:
        if ".." in Path(name).parts:
            raise UnsafeFile(
                f"'{name}' leads outside the lesson folder",
                "put the file inside the lesson folder and name it relative to facts.yaml",
            )
        raise UnsafeFile(
            f"'{name}' leads outside the lesson folder (through a symbolic link)",
            "copy what the link points to into the lesson folder in place of the link",
        )
    return folder / name


def _a_folder(path: Path) -> UnsafeFile:
    return UnsafeFile(f"'{path.name}' is a folder, not a file", "name the file inside it")


def _refuse_unless_regular(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise _a_folder(path)
    if not stat.S_ISREG(mode):
        raise UnsafeFile(
            f"'{path.name}' is not a regular file (a pipe, device or socket)", "save the text as an ordinary file"
        )


def _missing(path: Path) -> FileNotFoundError:
    """A file where a folder of the path should be: nothing is there either."""
    return FileNotFoundError(errno.ENOENT, "No such file or directory", str(path))


def read_regular(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; never blocks on a FIFO or device.

    Raises FileNotFoundError when it does not exist, UnsafeFile for anything else wrong.
    """
    try:
        kind = os.stat(path).st_mode  # before opening: opening a device or socket can have effects
    except FileNotFoundError:
        raise
    except NotADirectoryError:
        raise _missing(path) from None
    except (OSError, ValueError) as exc:  # a loop of links, a name too long, a NUL in the path
        raise UnsafeFile(
            f"cannot read '{path.name}': {getattr(exc, 'strerror', None) or exc}",
            "name an ordinary file inside the lesson folder",
        ) from None
    _refuse_unless_regular(path, kind)
    try:
        # O_NONBLOCK: if it became a FIFO since, opening it would otherwise wait forever.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise
    except NotADirectoryError:
        raise _missing(path) from None
    except OSError as exc:  # it became a socket since the stat (a folder opens, and is refused below)
        raise UnsafeFile(f"cannot read '{path.name}': {exc.strerror}", "check the file's permissions") from None
    try:
        info = os.fstat(descriptor)
        _refuse_unless_regular(path, info.st_mode)  # again: it may have been replaced since the stat
        if info.st_size > limit:
            raise TooLarge(
                f"the file is {info.st_size / 1e6:.1f} MB; at most {limit / 1e6:.0f} MB can be read",
                "split it into smaller lessons",
            )
        os.set_blocking(descriptor, True)
        stream = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with stream:
        try:
            data = stream.read(limit + 1)
        except OSError as exc:
            raise UnsafeFile(
                f"cannot read '{path.name}': {exc.strerror}", "check the disk, or copy the file again"
            ) from None
    if len(data) > limit:  # it grew while we read, or is a special file that gives more than its size says
        raise TooLarge(f"'{path.name}' is larger than {limit:,} bytes", "split it into smaller lessons")
    return data
