"""Issue 31: the command line's conventions, as a teacher meets them in a terminal, a pipe or a script."""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from studygen.cli import CLOSED_PIPE, app, globals_first

from .conftest import CASES, ROOT, SEED

runner = CliRunner()
COLOUR = "\x1b["
WARNING_CASE = CASES / "no-evidence"  # one warning, no error
ERROR_CASE = CASES / "several-problems"


def _env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key not in ("NO_COLOR", "FORCE_COLOR")}
    return {**env, **extra}


def _studygen(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studygen", *args], cwd=cwd, env=_env(**env), capture_output=True, text=True, check=False
    )


def _in_terminal(*args: str, **env: str) -> tuple[int, str]:
    """Run studygen with a pseudo-terminal as its stdin, stdout and stderr; return its code and all it printed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "studygen", *args],
        cwd=ROOT,
        env=_env(COLUMNS="200", **env),
        stdin=follower,
        stdout=follower,
        stderr=follower,
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # EIO: the last process holding the terminal has gone
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return process.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


def test_every_command_has_help_with_an_example_under_h_and_help() -> None:
    commands = get_command(app).commands
    assert set(commands) >= {"check", "questions", "preview", "build", "draft", "new", "schema", "serve"}
    for name in [*commands, None]:
        args = [name] if name else []
        long = runner.invoke(app, [*args, "--help"])
        short = runner.invoke(app, [*args, "-h"])
        assert long.exit_code == short.exit_code == 0, (name, long.output, short.output)
        assert long.output == short.output
        assert re.search(rf"Examples?:\s+studygen {name or 'build'}\b", long.output), (name, long.output)


def test_h_works_from_the_installed_entry_point() -> None:
    result = _studygen("build", "-h")
    assert result.returncode == 0 and result.stdout.startswith("Usage: studygen build")


def test_one_name_for_the_output_option_and_the_old_one_still_works(tmp_path: Path) -> None:
    for name in ("preview", "draft", "build"):
        shown = runner.invoke(app, [name, "--help"]).output
        assert "-o, --out" in shown, name
        assert "--output" not in shown, name
    old = tmp_path / "old.html"
    new = tmp_path / "new.html"
    assert runner.invoke(app, ["preview", str(SEED.parent), "--output", str(old)]).exit_code == 0
    assert runner.invoke(app, ["preview", str(SEED.parent), "-o", str(new)]).exit_code == 0
    assert old.read_bytes() == new.read_bytes()
    article = tmp_path / "article.txt"
    article.write_text('Ada Roe, the mayor, said: "The bridge opens in May."\n', encoding="utf-8")
    drafted = runner.invoke(app, ["draft", str(article), "--output", str(tmp_path / "facts.yaml")])
    assert drafted.exit_code == 0, drafted.output
    assert (tmp_path / "facts.yaml").is_file()


def test_shell_completion_can_be_shown_installed_and_answers(tmp_path: Path) -> None:
    shown = _studygen("--show-completion", "bash")
    assert shown.returncode == 0 and "complete -o default -F _studygen_completion studygen" in shown.stdout
    installed = _studygen("--install-completion", "bash", HOME=str(tmp_path), SHELL="/bin/bash")
    assert installed.returncode == 0, installed.stderr
    script = tmp_path / ".bash_completions" / "studygen.sh"
    assert "_STUDYGEN_COMPLETE=complete_bash" in script.read_text()
    assert f"source '{script}'" in (tmp_path / ".bashrc").read_text()
    answer = _studygen(_STUDYGEN_COMPLETE="complete_bash", COMP_WORDS="studygen build --fo", COMP_CWORD="2")
    assert answer.stdout.split() == ["--format"]


def test_global_options_are_read_before_or_after_the_command() -> None:
    assert globals_first(["check", "x", "--quiet"]) == ["--quiet", "check", "x"]
    assert globals_first(["build", "-v", "--", "-q"]) == ["-v", "build", "--", "-q"]  # after --, an argument
    before = _studygen("--quiet", "check", str(WARNING_CASE))
    after = _studygen("check", str(WARNING_CASE), "--quiet")
    assert before.returncode == after.returncode == 0
    assert (before.stdout, before.stderr) == (after.stdout, after.stderr) == ("", "")
    traced = _studygen("check", "--traceback", str(WARNING_CASE))
    assert traced.returncode == 0 and "no such option" not in traced.stderr
    both = _studygen("check", "-q", "-v", str(WARNING_CASE))
    assert both.returncode == 2 and "choose one of --quiet and --verbose" in both.stderr


def test_default_quiet_and_verbose_say_what_they_promise() -> None:
    default = _studygen("check", str(SEED.parent), str(WARNING_CASE))
    assert default.returncode == 0
    assert default.stdout.count("\n") == 2  # a line per lesson
    notes = [int(n) for n in re.findall(r"0 errors, [01] warnings?, (\d+) notes?", default.stdout)]
    assert len(notes) == 2 and sum(notes) > 0, default.stdout  # counted on each lesson's line
    assert "0 errors, 1 warning, " in default.stdout.splitlines()[1]
    assert "warning: the fact 'nato-founded' has no evidence" in default.stderr
    assert "note:" not in default.stderr
    verbose = _studygen("check", str(SEED.parent), str(WARNING_CASE), "--verbose")
    assert verbose.stdout == default.stdout and verbose.stderr.count(": note: ") == sum(notes)
    quiet = _studygen("check", str(SEED.parent), str(WARNING_CASE), "-q")
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    errors = _studygen("check", str(ERROR_CASE), str(WARNING_CASE), "--quiet")
    assert errors.returncode == 1 and errors.stdout == ""
    lines = [line for line in errors.stderr.splitlines() if not line.startswith("  ")]
    assert lines and all(": error: " in line for line in lines), errors.stderr
    assert _studygen("check", str(ERROR_CASE), str(WARNING_CASE)).stderr.count(": warning: ") == 1  # held back


def test_colour_on_a_terminal_only_and_as_no_color_and_force_color_say() -> None:
    code, shown = _in_terminal("check", str(WARNING_CASE))
    assert code == 0 and "\x1b[33m\x1b[1mwarning:\x1b[0m" in shown, shown
    code, plain = _in_terminal("check", str(WARNING_CASE), NO_COLOR="1")
    assert code == 0 and "warning:" in plain and COLOUR not in plain
    piped = _studygen("check", str(WARNING_CASE))
    assert "warning:" in piped.stderr and COLOUR not in piped.stderr + piped.stdout
    forced = _studygen("check", str(WARNING_CASE), FORCE_COLOR="1")
    assert "\x1b[33m\x1b[1mwarning:\x1b[0m" in forced.stderr
    errors = _studygen("check", str(ERROR_CASE), FORCE_COLOR="1")
    assert "\x1b[31m\x1b[1merror:\x1b[0m" in errors.stderr
    stopped = _studygen("check", "no-such-lesson", FORCE_COLOR="1")
    assert stopped.returncode == 2 and stopped.stderr.startswith("\x1b[31m\x1b[1mstudygen:\x1b[0m ")
    assert COLOUR not in _studygen("questions", "--json", str(SEED.parent), FORCE_COLOR="1").stdout


def test_a_progress_bar_on_a_terminal_and_none_in_a_pipe(tmp_path: Path) -> None:
    args = ("build", str(SEED.parent), "-f", "moodle", "gift", "qti", "-o", str(tmp_path / "out"))
    code, shown = _in_terminal(*args)
    assert code == 0, shown
    assert "building russia-nato: qti" in shown and "3/3" in shown
    piped = _studygen(*args)
    assert piped.returncode == 0 and "building" not in piped.stderr and piped.stderr == ""
    assert piped.stdout.count("\n") == 1
    verbose = _studygen(*args, "-v")
    assert "building russia-nato: moodle (" in verbose.stderr and "\r" not in verbose.stderr


@pytest.mark.parametrize("args", [["questions"], ["questions", "--json"], ["schema"]])
def test_a_closed_pipe_ends_quietly_with_its_exit_code(args: list[str]) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "studygen", *args],
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # as `head` does once it has its lines
    error = process.stderr.read()
    assert process.wait(timeout=120) == CLOSED_PIPE == 141
    assert error == b""


def test_the_first_build_of_the_shipped_lessons_is_a_line_per_lesson(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "seeds", project / "seeds")
    result = _studygen("build", cwd=project)
    assert result.returncode == 0, result.stderr
    lessons = sorted(path.name for path in (project / "seeds").iterdir())
    lines = result.stdout.splitlines()
    assert [line.split(":", 1)[0] for line in lines] == lessons
    for line in lines:
        assert re.search(
            r": built anki, worksheet into decks/[a-z-]+: 8 files, 8 changed; review: .*; Anki deck: ", line
        )
        assert re.search(r"; 0 errors, \d+ warnings?, \d+ notes?$", line), line
    problems = [line for line in result.stderr.splitlines() if not line.startswith("  ")]
    assert all(": warning: " in line for line in problems), result.stderr
