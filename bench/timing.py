"""Timing whole commands as a teacher waits for them: wall time, CPU time and peak memory.

Every benchmark here runs studygen as a separate process, beside a reference process
timed in the same run, and reports the ratio: absolute times depend on the machine and
its load, ratios much less.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
_SCRIPT = Path(sys.executable).parent / "studygen"  # the console script, as a teacher runs it
STUDYGEN = [str(_SCRIPT)] if _SCRIPT.exists() else [PYTHON, "-m", "studygen"]
# Loading a facts file with PyYAML's C loader: the least any command that reads the file can take.
YAML_FLOOR = "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.CSafeLoader)"


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # user + system seconds of the process and its children
    peak_mb: float  # largest resident set of the process (or of its largest child)


def run(command: Sequence[str], cwd: Path = ROOT, one_core: bool = False, expect: int | None = 0) -> Sample:
    """Run `command` once, its output discarded, and measure it."""
    preexec = (lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})) if one_core else None
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=preexec
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if expect is not None and process.returncode != expect:
        raise SystemExit(f"{' '.join(map(str, command))} exited with {process.returncode}, expected {expect}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def best(command: Sequence[str], times: int = 3, **options: object) -> Sample:
    """The fastest of `times` runs (the least disturbed by other work on the machine)."""
    samples = [run(command, **options) for _ in range(times)]  # type: ignore[arg-type]
    fastest = min(samples, key=lambda s: s.wall)
    return Sample(fastest.wall, fastest.cpu, max(s.peak_mb for s in samples))


def median_wall(command: Sequence[str], times: int = 10, **options: object) -> float:
    return statistics.median(run(command, **options).wall for _ in range(times))  # type: ignore[arg-type]


def report(label: str, ours: Sample, reference: Sample, reference_label: str, target: float | None = None) -> None:
    ratio = ours.wall / reference.wall
    verdict = "" if target is None else f"   target <= {target:g}x: {'met' if ratio <= target else 'NOT met'}"
    print(f"{label}: {ours.wall:.2f} s wall, {ours.cpu:.2f} s cpu, {ours.peak_mb:.0f} MB peak")
    print(
        f"  {reference_label}: {reference.wall:.2f} s wall, {reference.cpu:.2f} s cpu, {reference.peak_mb:.0f} MB peak"
    )
    print(f"  ratio {ratio:.2f}x{verdict}")
