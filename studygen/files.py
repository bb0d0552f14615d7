"""Writing outputs: atomically, and never over a teacher's file without permission.

A single file is written beside its target and renamed into place. A lesson's output
folder is rebuilt as a whole in a staging folder beside it and swapped in with one
rename, so an interrupted build leaves either all the old outputs or all the new ones.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import signal
import stat
import tempfile
import threading
import time
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

import filelock

STAGING_MARK = ".studygen-"  # in the names of staging folders and temporary files, for clean-up


def is_staging(name: str) -> bool:
    """Whether `name` is that of a build's staging folder or temporary file (`.<name>.studygen-...`)."""
    return name.startswith(".") and STAGING_MARK in name


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH (the reproducible-builds convention) when it is a whole number of seconds;
    None when it is unset, empty, or something else (which `studygen build` refuses)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(epoch) if epoch.isascii() and epoch.isdigit() else None


class OutputExists(Exception):
    """The output file exists and overwriting it was not allowed."""


class OutputError(Exception):
    """An output could not be written (a read-only folder, a full disk, a folder in the way)."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def _as_output_error(path: Path) -> Iterator[None]:
    """Turn the operating system's refusal into one sentence that names the path."""
    try:
        yield
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            reason += " (free some space, or choose another folder)"
        raise OutputError(f"cannot write {path}: {reason}") from None
    except ValueError as exc:  # an embedded NUL in the path
        raise OutputError(f"cannot write {path!r}: {exc}") from None


def _check_target(path: Path) -> None:
    """Only a regular file (or nothing) may be replaced: never a folder, device or pipe."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        raise OutputError(f"cannot write {path}: it is a folder; give the path of a file")
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        raise OutputError(f"cannot write {path}: it is not a regular file (a device, pipe or socket)")


def write_atomic(path: Path, data: bytes | str, overwrite: bool = True) -> None:
    """Write to a temporary file beside `path`, then rename it into place.

    A failure at any point leaves the previous file as it was. Raises OutputExists when
    the file exists and `overwrite` is false, OutputError when it cannot be written.
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    with _as_output_error(path):
        _check_target(path)
        if not overwrite and path.exists():
            raise OutputExists(f"{path} already exists; use --force to replace it")
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}{STAGING_MARK}", suffix=".tmp")
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


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(first))


def _leftovers(folder: Path) -> Iterator[Path]:
    """Staging folders that builds of `folder` killed before they finished left beside it."""
    parent = folder.parent
    if parent.is_dir():
        yield from parent.glob(f".{folder.name}{STAGING_MARK}*")


def recover(folder: Path) -> None:
    """Undo what a killed build left: restore the old folder if the swap stopped halfway, then clean up."""
    old = folder.parent / f".{folder.name}{STAGING_MARK}old"
    if not folder.exists() and old.is_dir() and not old.is_symlink():
        old.rename(folder)
    for leftover in _leftovers(folder):
        _remove(leftover)


def _remove(path: Path) -> None:
    """Remove a file, a link (not what it points to) or a folder, as far as possible."""
    if path.is_symlink() or not path.is_dir():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def _copy_folder(source: Path, target: Path) -> None:
    """`target` as a copy of `source`, hard-linked where the file system allows (no data copied)."""

    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, symlinks=True, copy_function=link_or_copy, dirs_exist_ok=True)


def check_output_folder(folder: Path) -> None:
    """Refuse, before any work, a folder that cannot be made: a file in the way, a name too long."""
    with _as_output_error(folder):
        if folder.is_symlink():
            raise OutputError(
                f"cannot write into {folder}: it is a symbolic link; a lesson's outputs go into a real folder, "
                "so that no file from elsewhere is published with them: remove the link (the build then makes "
                "the folder), or choose the folder with --out"
            )
        place = folder
        while True:
            try:
                mode = place.stat().st_mode
            except (FileNotFoundError, NotADirectoryError):
                if place.parent == place:
                    return
                place = place.parent
                continue
            if not stat.S_ISDIR(mode):
                raise OutputError(f"cannot write into {place}: it is a file, not a folder")
            return


@contextlib.contextmanager
def _signals_deferred() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the folder is swapped in and the staging copy removed.

    Publishing takes milliseconds; an interruption in the middle of its clean-up would
    leave a staging folder behind. The signal is delivered as soon as it is done.
    """
    deferred = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, deferred)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


LOCK_NAME = ".studygen.lock"  # in a folder a build holds: outputs' parent, a scratch folder


def _locked(folder: Path) -> filelock.BaseFileLock:
    """An exclusive lock on `folder`, held by a lock file in it, so that concurrent builds take turns:
    `filelock` locks with the operating system's own calls on Linux, macOS and Windows, and a killed
    process's lock goes with it."""
    return filelock.FileLock(folder / LOCK_NAME)


SCRATCH_GRACE_SECONDS = 10  # younger, a scratch folder may be one a build has made and not yet locked


@contextlib.contextmanager
def scratch_folder(kind: str) -> Iterator[Path]:
    """A private temporary folder `TMPDIR/studygen-<kind>-*`, removed afterwards and locked while in use.

    A build that is killed (SIGKILL, a power cut) cannot remove its folder; its lock goes with
    its process, so the next build removes every such folder that no live build holds.
    """
    prefix = f"studygen-{kind}-"
    _remove_abandoned(Path(tempfile.gettempdir()), prefix)
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        with _locked(folder).acquire(blocking=False):
            yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _remove_abandoned(parent: Path, prefix: str) -> None:
    """Remove this user's `parent/prefix*` folders that no process holds locked and that are not brand new."""
    for folder in parent.glob(f"{prefix}*"):
        try:
            info = folder.lstat()
            if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
                continue
            if time.time() - info.st_mtime < SCRATCH_GRACE_SECONDS:
                continue
            with _locked(folder).acquire(blocking=False):
                shutil.rmtree(folder, ignore_errors=True)
        except (OSError, filelock.Timeout):  # gone meanwhile, or locked by a live build
            continue


def publish_folder(folder: Path, files: Mapping[str, bytes], remove: Collection[str] = ()) -> dict[str, bool]:
    """Write `files` into `folder` and remove the files named in `remove`, all at once; other files
    there are kept.

    Returns, for each name, whether its bytes changed. Raises OutputError.
    """
    with _as_output_error(folder):
        check_output_folder(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        with _locked(folder.parent), _signals_deferred():
            return _publish(folder, files, remove)


def _publish(folder: Path, files: Mapping[str, bytes], remove: Collection[str]) -> dict[str, bool]:
    """Stage, write and swap in; `publish_folder` turns OS errors into OutputError."""
    recover(folder)
    changed = {name: _differs(folder / name, data) for name, data in files.items()}
    if not any(changed.values()) and not remove:
        return changed
    stage = Path(tempfile.mkdtemp(dir=folder.parent, prefix=f".{folder.name}{STAGING_MARK}new-"))
    try:
        os.chmod(stage, 0o777 & ~_umask())
        if folder.is_dir():
            _copy_folder(folder, stage)
        for name, data in files.items():
            if changed[name]:
                write_atomic(stage / name, data)
        for name in remove:
            (stage / name).unlink(missing_ok=True)
        _swap_in(stage, folder)
    finally:
        shutil.rmtree(stage, ignore_errors=True)  # after the swap, it holds the old outputs
    return changed


def _swap_in(stage: Path, folder: Path) -> None:
    if not folder.exists():
        stage.rename(folder)
        stage.mkdir()  # so that the caller's clean-up has something to remove
        return
    if _exchange(stage, folder):
        return
    old = folder.parent / f".{folder.name}{STAGING_MARK}old"  # `recover` restores it if killed here
    folder.rename(old)
    stage.rename(folder)
    old.rename(stage)


def _differs(path: Path, data: bytes) -> bool:
    try:
        return path.read_bytes() != data
    except FileNotFoundError:
        return True
    except IsADirectoryError:
        raise OutputError(f"cannot write {path}: it is a folder; move it out of the way") from None
