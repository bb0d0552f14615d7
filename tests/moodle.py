"""Moodle's own question import parsers (`shared/tools/moodle`, beside the repository) run as a
test's reader: what Moodle 4.5 (or 4.3, without the ordering type) makes of a Moodle XML or GIFT file,
and whether its short-answer matcher accepts a response.

The tools are looked for in `shared/tools/moodle` of the repository's parent folder, or of a folder
above it (a git worktree may sit one level deeper). Without them, or without PHP, a test fails and
says what to install: these are the only readers that follow Moodle's rules exactly.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT

FORMAT_HTML = 1  # Moodle's text formats, as its import gives them
FORMAT_PLAIN = 2


def tools() -> Path:
    for folder in ROOT.parents:
        candidate = folder / "shared" / "tools" / "moodle"
        if (candidate / "import.php").is_file():
            return candidate
    pytest.fail(
        f"Moodle's import parsers are not in shared/tools/moodle beside {ROOT} or above it; "
        "put the team's shared folder there (see its tools/moodle/README.md)"
    )


def _php() -> str:
    php = shutil.which("php")
    if php is None:
        pytest.fail("php is not installed: apt-get install php-cli php-xml php-mbstring (as .ci/run does)")
    return php


def _read(kind: str, path: Path, moodle_4_3: bool) -> dict:
    """import.php's report on the file: Moodle's import errors and the questions it would save."""
    env = {**os.environ, "MOODLE_WITHOUT_QTYPES": "ordering"} if moodle_4_3 else None
    result = subprocess.run(
        [_php(), str(tools() / "import.php"), kind, str(path)], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout[: result.stdout.rindex("}") + 1])  # Moodle's shim may print after it


def moodle_import(kind: str, path: Path, *, moodle_4_3: bool = False) -> list[dict]:
    """The questions Moodle would save from the file (`kind` "xml" or "gift"); fails on an import error."""
    data = _read(kind, path, moodle_4_3)
    assert data["importerrors"] == 0, data["errortext"]
    assert data["gradeerrors"] == [], data["gradeerrors"]
    return [q for q in data["questions"] if q["qtype"] != "category"]


def moodle_import_errors(kind: str, path: Path, *, moodle_4_3: bool = False) -> int:
    """How many import errors Moodle reports for the file (each one stops the whole import)."""
    return _read(kind, path, moodle_4_3)["importerrors"]


def moodle_category(kind: str, path: Path) -> str:
    """The question-bank category the file's questions go into."""
    return next(q["category"] for q in _read(kind, path, False)["questions"] if q["qtype"] == "category")


# grade.php's check for many pairs in one PHP process: the same Moodle function, called the same way.
_GRADE_ALL = """
require getenv('MOODLE_TOOLS') . '/shim.php';
require_once($CFG->libdir . '/questionlib.php');
require_once($CFG->dirroot . '/question/type/shortanswer/question.php');
$pairs = json_decode(stream_get_contents(STDIN), true);
echo json_encode(array_map(
    fn($p) => (bool) qtype_shortanswer_question::compare_string_with_wildcard($p[0], $p[1], true), $pairs));
"""


def moodle_accepts_all(pairs: list[tuple[str, str]]) -> list[bool]:
    """`moodle_accepts` for each (response, stored) pair, in one run of PHP."""
    result = subprocess.run(
        [_php(), "-r", _GRADE_ALL],
        input=json.dumps(pairs),
        capture_output=True,
        text=True,
        env={**os.environ, "MOODLE_TOOLS": str(tools())},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)
    assert len(answers) == len(pairs)
    return answers


def moodle_accepts(response: str, stored: str) -> bool:
    """Whether Moodle's short-answer matcher (cloze gaps too) accepts `response` for a stored answer."""
    result = subprocess.run(
        [_php(), str(tools() / "grade.php"), response, stored], capture_output=True, text=True, check=False
    )
    assert result.stdout.strip() in ("accepted", "rejected"), result.stderr
    return result.returncode == 0
