"""Issue 29: a lesson, its outputs, its manifest and format plugins are untrusted.

Nothing outside the lesson is followed or shown, a plugin fails as a plugin, a tampered
manifest is an input error, hostile sizes cost linear time, a killed build's leftovers are
removed, and every refusal has its exit code, message and hint.
"""

from __future__ import annotations

import time
from pathlib import Path

from studygen.lessons import read_lesson
from studygen.load import MAX_LINE_CHARS

from .conftest import CASES

# -- Bounded cost ------------------------------------------------------------------------------


def _cpu_seconds_of_check(facts: Path) -> tuple[float, list[str]]:
    started = time.process_time()
    checked = read_lesson(facts)
    return time.process_time() - started, [d.code for d in checked.diagnostics if d.is_error]


def test_long_comment_lines_are_measured_in_linear_time(tmp_path: Path) -> None:
    """20 comment lines of 100,000 characters took 50 s: a pattern for a long line restarted at every
    character. At the limit the lines are accepted, one character over they are refused."""
    facts = (CASES / "valid-base" / "facts.yaml").read_text(encoding="utf-8")
    (tmp_path / "article.txt").write_bytes((CASES / "valid-base" / "article.txt").read_bytes())
    comments = "".join(f"# {'x' * (MAX_LINE_CHARS - 2)}\n" for _ in range(20))
    (tmp_path / "facts.yaml").write_text(comments + facts, encoding="utf-8")
    seconds, errors = _cpu_seconds_of_check(tmp_path / "facts.yaml")
    assert errors == [] and seconds < 5
    (tmp_path / "facts.yaml").write_text(comments + "#" + comments + facts, encoding="utf-8")
    checked = read_lesson(tmp_path / "facts.yaml")
    [error] = checked.diagnostics
    assert (error.line, error.code) == (21, "load.long-line")
    assert error.message == "a line is longer than 100,000 characters"
    assert error.hint == "write one value per line; long text can be split over lines with a '>' block"


def test_thousands_of_facts_with_a_common_word_as_evidence_are_found_through_the_index(tmp_path: Path) -> None:
    """3,000 facts whose evidence is "the" in a 2 MB article took 300 s: each walked every "the..."."""
    sentence = "There the theory of the treaty then met the other nation and the minister said so. "
    (tmp_path / "article.txt").write_text(sentence * (2_000_000 // len(sentence)), encoding="utf-8")
    facts = [
        "lesson:\n  id: common\n  title: Common words\n  source: {file: article.txt, title: Words}\n",
        "people:\n  ann: {name: Ann Vale, from_teacher: true}\nfacts:\n",
    ]
    facts += [f"  - {{id: f{i}, kind: event, what: event {i}, evidence: the}}\n" for i in range(3000)]
    (tmp_path / "facts.yaml").write_text("".join(facts), encoding="utf-8")
    seconds, errors = _cpu_seconds_of_check(tmp_path / "facts.yaml")
    assert errors == [] and seconds < 5
    checked = read_lesson(tmp_path / "facts.yaml")
    first_the = sentence.index(" the ") + 1
    assert {tuple(spans) for spans in checked.report.spans.values()} == {((first_the, first_the + 3),)}
