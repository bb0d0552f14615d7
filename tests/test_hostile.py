"""Run the hostile corpus (tests/hostile.py) through the real entry point.

For every case: the exit code and message it states, never a traceback or exit 3,
no file created, changed or removed (the lesson, and the outputs of an earlier build),
and no command run (the RCE templates would create PWNED).
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studygen import cli

from .conftest import CASES
from .hostile import ALL_CASES, Case


@pytest.fixture(scope="session")
def built_lesson(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small valid lesson and the outputs of its build: what every case starts from."""
    root = tmp_path_factory.mktemp("hostile-base")
    shutil.copytree(CASES / "valid-base", root / "lesson")
    result = CliRunner().invoke(cli.app, ["build", str(root / "lesson"), "--out", str(root / "decks")])
    assert result.exit_code == 0, result.output
    return root


def snapshot(root: Path) -> dict[str, object]:
    """Every entry under `root`: the bytes of regular files, the target of links, the type of the rest."""
    entries: dict[str, object] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = Path(folder) / name
            mode = path.lstat().st_mode
            key = str(path.relative_to(root))
            if stat.S_ISLNK(mode):
                entries[key] = ("link", os.readlink(path))
            elif stat.S_ISREG(mode):
                entries[key] = path.read_bytes()
            else:
                entries[key] = ("type", stat.S_IFMT(mode))
    return entries


def run_cli(args: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """`studygen ARGS` in this process, through the console script's own entry point."""
    monkeypatch.setattr(sys, "argv", ["studygen", *args])
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM)}
    try:
        with pytest.raises(SystemExit) as stopped:
            cli.run()
    finally:
        for signum, handler in handlers.items():
            signal.signal(signum, handler)
    captured = capsys.readouterr()
    code = stopped.value.code
    return (code if isinstance(code, int) else 0 if code is None else 1), captured.out + captured.err


def test_the_corpus_is_large_and_names_are_unique() -> None:
    assert len(ALL_CASES) >= 300
    assert len({case.name for case in ALL_CASES}) == len(ALL_CASES)


@pytest.mark.parametrize("case", ALL_CASES, ids=lambda case: case.name)
def test_hostile_case(
    case: Case,
    built_lesson: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = tmp_path / "case"
    shutil.copytree(built_lesson, root, symlinks=True)
    case.setup(root)
    before = snapshot(root)
    replace = {"{lesson}": str(root / "lesson"), "{out}": str(root / "decks"), "{root}": str(root)}
    args = [re.sub(r"\{(lesson|out|root)\}", lambda m: replace[m.group()], arg) for arg in case.args]
    monkeypatch.chdir(root)
    code, output = run_cli(args, monkeypatch, capsys)
    assert code == case.code, output[-3000:]
    assert "Traceback" not in output and "internal error" not in output, output[-3000:]
    assert re.search(case.pattern, output, re.MULTILINE), output[-3000:]
    assert snapshot(root) == before, "the command changed files"
    assert not (root / "PWNED").exists()


def test_a_full_disk_is_a_message_and_leaves_the_outputs(built_lesson: Path, tmp_path: Path) -> None:
    """A real write failure: the build runs with a file-size limit, so writing its deck fails (EFBIG)."""
    root = tmp_path / "case"
    shutil.copytree(built_lesson, root, symlinks=True)
    before = snapshot(root)
    (root / "lesson" / "facts.yaml").write_text(
        (root / "lesson" / "facts.yaml").read_text(encoding="utf-8").replace("about: Washington", "about: Moscow"),
        encoding="utf-8",
    )
    before["lesson/facts.yaml"] = (root / "lesson" / "facts.yaml").read_bytes()

    def limit_file_size() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    result = subprocess.run(
        [sys.executable, "-m", "studygen", "build", str(root / "lesson"), "--out", str(root / "decks")],
        capture_output=True,
        text=True,
        preexec_fn=limit_file_size,
        cwd=root,
        timeout=300,
    )
    assert result.returncode == 2, result.stderr
    assert re.search(r"studygen: cannot write .*\(free some space", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(root) == before
