"""Issue 31: messages in a teacher's words: indentation, misquotations, missing system libraries."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

from studygen.diagnostics import DiagnosticSink
from studygen.differences import mark_differences
from studygen.load import load_yaml

from .conftest import SEED, write_lesson

FACTS = """\
lesson:
  id: river-ferry
  title: The river ferry
  source:
    file: article.txt
people:
  vale:
    name: Ines Vale
    roles:
      - title: mayor
        when: 1911
facts:
  - id: ferry-opens
    kind: event
    what: the ferry opened
"""


def _load(text: str, tmp_path: Path) -> list:
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    sink = DiagnosticSink(path)
    assert load_yaml(path, sink) is None
    return sink.finish()


def _changed(line: int, old: str, new: str) -> str:
    lines = FACTS.splitlines(keepends=True)
    assert lines[line - 1].startswith(old)
    lines[line - 1] = new + lines[line - 1][len(old) :]
    return "".join(lines)


def test_one_space_too_many_is_shown_against_the_line_above(tmp_path: Path) -> None:
    [problem] = _load(_changed(3, "  title", "   title"), tmp_path)
    assert (problem.code, problem.line, problem.col) == ("load.indentation", 3, 4)
    assert problem.message == (
        "line 3 is indented 3 spaces, line 2 above it 2 spaces, so YAML reads it as part of the value on line 2"
    )
    assert "must be quoted" not in problem.render()
    assert problem.hint.splitlines() == [
        "indent line 3 by 2 spaces, so that 'title' lines up with 'id':",
        "2 |   id: river-ferry",
        "3 |    title: The river ferry",
        "  |    ^ one space too many",
    ]


def test_one_space_too_few_is_shown_against_the_line_above(tmp_path: Path) -> None:
    [problem] = _load(_changed(8, "    name", "   name"), tmp_path)
    assert problem.code == "load.indentation" and problem.line == 9
    assert problem.message.startswith("line 9 is indented 4 spaces, line 8 above it 3 spaces")
    assert problem.hint.splitlines()[-1] == "  |     ^ one space too many"
    [problem] = _load(_changed(11, "        when", "       when"), tmp_path)
    assert problem.code == "load.indentation" and problem.line == 11
    assert "indent line 11 by 8 spaces, so that 'when' lines up with 'title'" in problem.hint
    assert problem.hint.splitlines()[-1] == "   |        ^ one space too few"


def test_a_line_between_two_levels_names_both(tmp_path: Path) -> None:
    [problem] = _load(_changed(12, "facts", " facts"), tmp_path)
    assert problem.code == "load.indentation"
    assert "indent 'facts' by 2 spaces to line up with 'vale' on line 7 or by 0 spaces" in problem.hint
    assert problem.hint.splitlines()[-1] == "   |  ^ off by one space"


def test_a_colon_in_a_value_still_says_to_quote_it(tmp_path: Path) -> None:
    [problem] = _load(FACTS.replace("what: the ferry opened", "what: the ferry: it opened"), tmp_path)
    assert problem.code == "load.syntax" and "must be quoted" in problem.hint


QUOTE = (
    "We built this ferry for the farmers on the far bank, for the children who cross it to school every "
    "morning, and for the market women who carry their baskets across the water before dawn"
)


def _misquoted(tmp_path: Path, said: str) -> str:
    article = f'The mayor, Ines Vale, said: "{QUOTE}."\n'
    facts = FACTS.replace(
        "  - id: ferry-opens\n    kind: event\n    what: the ferry opened\n",
        f"  - id: ferry-words\n    kind: quote\n    by: vale\n    said: {said}\n",
    )
    checked = write_lesson(tmp_path / "lesson", article, facts)
    [problem] = [d for d in checked.diagnostics if d.code == "ground.quote-not-found"]
    return problem.render()


def test_a_misquotation_marks_the_words_that_differ_wherever_they_are(tmp_path: Path) -> None:
    late = _misquoted(tmp_path, QUOTE.replace("before dawn", "before sunrise"))
    assert len(QUOTE) > 160
    assert 'not in the article: "… baskets across the water before [sunrise]"' in late
    assert 'the article has: "… baskets across the water before [dawn]"' in late
    early = _misquoted(tmp_path, QUOTE.replace("We built", "We made"))
    assert 'not in the article: "We [made] this ferry for the farmers …"' in early
    missing = _misquoted(tmp_path, QUOTE.replace("every morning", "morning"))
    assert "school [] morning" in missing and "school [every] morning" in missing


def test_marked_differences_ignore_case_punctuation_and_quote_styles() -> None:
    assert mark_differences("“Why not?” he asked", '"why not?" he asked') is None
    marked = mark_differences("the vote was close", "the vote was not close at all")
    assert marked is not None and (marked.quoted, marked.article) == (
        "the vote was [] close",
        "the vote was [not] close",
    )
    assert mark_differences("entirely other words here", "the vote was close") is None


def test_without_pango_the_message_names_what_still_builds_and_that_works(tmp_path: Path) -> None:
    fake = tmp_path / "lib"
    fake.mkdir()
    (fake / "libgobject-2.0.so.0").write_text("not a library")
    env = {**os.environ, "LD_LIBRARY_PATH": str(fake)}
    out = tmp_path / "out"
    command = [sys.executable, "-m", "studygen", "build", str(SEED.parent), "-o", str(out)]
    failed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert failed.returncode == 2 and not out.exists()
    assert "apt-get install libpango-1.0-0" in failed.stderr
    suggestion = failed.stderr.split("The other formats build without it: ", 1)[1].strip()
    words = shlex.split(suggestion)
    assert words[:3] == ["studygen", "build", "--format"] and "anki" in words and "worksheet" not in words
    built = subprocess.run(
        [*command, *words[2:]], env=env, capture_output=True, text=True, check=False
    )  # the command it names, on the same machine
    assert built.returncode == 0, built.stderr
    assert (out / "russia-nato" / "russia-nato.apkg").is_file()


def test_a_quotation_left_open_is_not_called_an_indentation_mistake(tmp_path: Path) -> None:
    text = FACTS.replace("    name: Ines Vale\n", '    name: "Ines Vale\n').replace(
        "      - title: mayor\n", '      # the "mayor" of the town\n      - title: mayor\n'
    )
    [problem] = _load(text, tmp_path)
    assert problem.code == "load.syntax" and "quotation mark" in problem.hint
