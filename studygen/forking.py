"""Work shared with forked processes that leave interruptions to the process that started them
and never outlive it (the worksheet PDFs, the questions of a large lesson).

`multiprocessing`, `concurrent.futures` and `ctypes` are imported when a fork is made, not with
this module: the question engine imports it, and most lessons never fork.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    import concurrent.futures
    from multiprocessing.connection import Connection

T = TypeVar("T")

_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether there are cores to share work with, and forked processes to share it: not on Windows,
    and not from a program running other threads (a web server using the library, say), whose locks
    a fork would copy in whatever state they are."""
    return cores() > 1 and hasattr(os, "fork") and threading.active_count() == 1


def forked_pool(workers: int) -> concurrent.futures.ProcessPoolExecutor:
    """Worker processes forked from this one: they see its memory as it is when the first task is
    submitted, so that what they need is never pickled, only what they send back."""
    import concurrent.futures
    import multiprocessing

    return concurrent.futures.ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_start, initargs=(os.getpid(),)
    )


def _worker_start(parent: int) -> None:
    """A worker leaves interruptions to the process that started it, and never outlives it."""
    import ctypes

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the parent handles it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # Linux: be killed with the parent, even by SIGKILL, rather than wait on its queue forever.
    with contextlib.suppress(OSError, AttributeError):  # elsewhere the check below is what there is
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


class ForkedCall(Generic[T]):
    """`function(*args)` run in a forked process while this one goes on; `result()` waits for it.

    Used as a context manager: leaving it early (an error here, Ctrl-C) kills the process at once
    rather than waiting for its work. The function's value, or its exception, comes back pickled.
    """

    def __init__(self, function: Callable[..., T], *args: object) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_call, args=(os.getpid(), send, function, args), daemon=True)
        self._process.start()
        send.close()  # the child holds the only writing end: a child that dies unheard is an EOFError here

    @property
    def pid(self) -> int | None:
        return self._process.pid

    def result(self) -> T:
        try:
            failed, value = self._receive.recv()
        except EOFError:
            self._process.join(5)  # it closed the pipe by exiting: its exit code
            raise RuntimeError(f"a forked process stopped without an answer (exit {self._process.exitcode})") from None
        if failed:
            raise value
        return value

    def __enter__(self) -> ForkedCall[T]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._receive.close()


def _call(parent: int, send: Connection, function: Callable[..., object], args: tuple[object, ...]) -> None:
    _worker_start(parent)
    try:
        outcome = (False, function(*args))
    except Exception as exc:  # sent back, raised there
        outcome = (True, exc)
    send.send(outcome)
    send.close()
