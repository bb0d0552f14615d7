"""Work shared with forked processes that leave interruptions to the process that started them
and never outlive it (the worksheet PDFs, the questions of a large lesson)."""

from __future__ import annotations

import concurrent.futures
import contextlib
import ctypes
import multiprocessing
import os
import signal

_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether there are cores to share work with, and forked processes to share it (not on Windows)."""
    return cores() > 1 and "fork" in multiprocessing.get_all_start_methods()


def forked_pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    """Worker processes forked from this one: they see its memory as it is when the first task is
    submitted, so that what they need is never pickled, only what they send back."""
    return concurrent.futures.ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_start, initargs=(os.getpid(),)
    )


def _worker_start(parent: int) -> None:
    """A worker leaves interruptions to the process that started it, and never outlives it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent handles it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # Linux: be killed with the parent, even by SIGKILL, rather than wait on its queue forever.
    with contextlib.suppress(OSError, AttributeError):  # elsewhere the check below is what there is
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)
