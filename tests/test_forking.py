"""Work shared with a forked process comes back as it would have been made here, and an
interruption here never waits for the process's work."""

from __future__ import annotations

import os
import threading
import time

import pytest

from studygen.forking import ForkedCall, can_fork, cores


def _square_and_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def _fail() -> None:
    raise ValueError("a template value is missing")


def _vanish() -> None:
    os._exit(7)


def test_the_value_comes_back_from_another_process() -> None:
    with ForkedCall(_square_and_pid, 12) as call:
        square, pid = call.result()
    assert square == 144 and pid != os.getpid()


def test_an_error_there_is_raised_here() -> None:
    with ForkedCall(_fail) as call, pytest.raises(ValueError, match="a template value is missing"):
        call.result()


def test_a_process_that_dies_without_an_answer_is_an_error_not_a_hang() -> None:
    with ForkedCall(_vanish) as call, pytest.raises(RuntimeError, match="exit 7"):
        call.result()


def test_leaving_early_kills_the_process_at_once() -> None:
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt), ForkedCall(_sleep, 60) as call:
        pid = call.pid
        raise KeyboardInterrupt  # Ctrl-C while this process does its own share
    assert time.monotonic() - started < 5
    assert pid is not None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # gone, and reaped


def test_a_program_running_other_threads_does_not_fork() -> None:
    alone = threading.active_count() == 1
    assert can_fork() == (alone and cores() > 1)
    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert not can_fork()  # a fork would copy the other thread's locks in whatever state they are
    finally:
        stop.set()
        helper.join()
