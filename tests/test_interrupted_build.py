"""A build killed at any moment leaves all the old outputs or all the new ones, and no temporary files.

Each trial starts a real `python -m studygen build` of a large generated lesson, waits
until it reaches the worksheet stage (the last before the outputs are written), then
kills it after a random delay. The delays are drawn in turn from each third of that
stage's length (and a little beyond), so that early kills and kills that land while the
outputs are being swapped in are both tried. Ctrl-C and SIGTERM clean up at once; after
SIGKILL (which no program can catch) the next build clears what was left.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from bench.generate import write_lesson

from .conftest import ROOT

FACTS = 600
TRIALS = 3  # one for each signal


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def _leftovers(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if ".studygen-" in p.name)


def _build(lesson: Path, out: Path, epoch: int) -> subprocess.Popen[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(epoch)}
    return subprocess.Popen(
        [sys.executable, "-m", "studygen", "build", str(lesson), "--out", str(out), "--verbose"],  # names each step
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _running(marker: str) -> list[int]:
    """Processes whose command line holds `marker`: a build, or a renderer it forked."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if marker.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _none_left(marker: str) -> bool:
    deadline = time.monotonic() + 10
    while _running(marker) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not _running(marker)


def _wait_for_last_stage(process: subprocess.Popen[str]) -> None:
    assert process.stderr is not None
    for line in process.stderr:
        if ": worksheet (" in line:
            return


def _finish(process: subprocess.Popen[str]) -> None:
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0, err


def test_a_killed_build_leaves_old_or_new_outputs_and_no_temporary_files(tmp_path: Path) -> None:
    lesson = tmp_path / "lesson"
    write_lesson(lesson, FACTS)
    old_out, new_out = tmp_path / "old", tmp_path / "new"
    _finish(_build(lesson, old_out, 1_700_000_000))
    old = _files(old_out / "bench")

    # The correction: every quotation's fact gets a subject, so most notes change.
    facts = lesson / "facts.yaml"
    facts.write_text(
        facts.read_text(encoding="utf-8").replace("    kind: quote\n", "    kind: quote\n    about: the alliance\n")
    )
    shutil.copytree(old_out, new_out)
    process = _build(lesson, new_out, 1_800_000_000)
    _wait_for_last_stage(process)
    started = time.monotonic()
    _finish(process)
    last_stage = time.monotonic() - started  # rendering the worksheets, then writing every output
    new = _files(new_out / "bench")
    assert new != old and set(new) == set(old)

    rng = random.Random(20261128)
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGKILL]
    outcomes = []
    for trial in range(TRIALS):
        out = tmp_path / f"trial-{trial}"
        shutil.copytree(old_out, out)
        process = _build(lesson, out, 1_800_000_000)
        _wait_for_last_stage(process)
        time.sleep(last_stage * 1.2 * rng.uniform(trial / TRIALS, (trial + 1) / TRIALS))
        sent = signals[trial % len(signals)]
        process.send_signal(sent)
        _, err = process.communicate(timeout=300)
        assert _none_left(str(out)), f"trial {trial}: processes outlived the build after {sent.name}"
        result = _files(out / "bench")
        assert result in (old, new), f"trial {trial}: a mix of old and new outputs after {sent.name}"
        outcomes.append("new" if result == new else "old")
        if sent is not signal.SIGKILL:
            # 130: stopped by studygen's handler; 0 or -signal: the signal came as it was exiting
            assert process.returncode in (0, 130, -sent), (process.returncode, err)
            assert "Traceback" not in err
            assert _leftovers(out) == [], f"trial {trial}: {sent.name} left {_leftovers(out)}"
        else:  # whatever SIGKILL left, the next build finishes the job and cleans up
            _finish(_build(lesson, out, 1_800_000_000))
            assert _files(out / "bench") == new
            assert _leftovers(out) == []
    assert "old" in outcomes  # the kills did land before the outputs were replaced
