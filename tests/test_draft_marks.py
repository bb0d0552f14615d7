"""Issue 32: a drafted entry is marked `draft:` until the teacher has checked it; `check` warns of each
mark and `build` leaves marked entries out of every output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from typer.testing import CliRunner

from studygen.cli import app
from studygen.drafts import set_aside_drafts

from .conftest import write_lesson

runner = CliRunner()

ARTICLE = (
    "Harbour talks resume in Varel\n\n"
    "VAREL -- Talks on the harbour resumed on Monday, officials said.\n\n"
    '"We will not give up the quays," said Nora Hale, the union leader.\n\n'
    'Mayor Tomas Berg said the city "cannot wait another winter."\n\n'
    "Berg was elected mayor in 2019.\n"
)
FACTS = """\
lesson: {id: varel, title: Varel harbour, source: {file: article.txt}}
people:
  hale: {name: Nora Hale, roles: [{title: union leader, kind: description}]}
  berg:
    name: Tomas Berg
    roles:
      - {title: Mayor, when: 2019, draft: true}
facts:
  - {id: hale-quote, kind: quote, by: hale, said: "We will not give up the quays"}
  - {id: berg-quote, kind: quote, by: berg, said: cannot wait another winter, draft: "speaker could be berg or hale"}
"""


def _new_lesson(tmp_path: Path) -> Path:
    (tmp_path / "art.txt").write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["new", str(tmp_path / "art.txt"), "--id", "varel", "--seeds", str(tmp_path / "seeds")])
    assert result.exit_code == 0, result.output
    return tmp_path / "seeds" / "varel"


def test_check_warns_of_each_mark_with_its_place_reason_and_hint(tmp_path: Path) -> None:
    write_lesson(tmp_path / "l", ARTICLE, FACTS)
    result = runner.invoke(app, ["check", str(tmp_path / "l")])
    assert result.exit_code == 0, result.output  # a warning, not an error
    assert re.search(
        r"facts\.yaml:10:\d+: warning: fact 'berg-quote' is a draft: speaker could be berg or hale "
        r"\[draft\.unchecked\]",
        result.output,
    )
    assert "warning: the role 'Mayor' of 'berg' is a draft: drafted, not yet checked [draft.unchecked]" in result.output
    assert "hint: remove the draft mark once you have checked this entry" in result.output
    assert result.output.count("[draft.unchecked]") == 2
    strict = runner.invoke(app, ["check", "--strict", str(tmp_path / "l")])
    assert strict.exit_code == 1  # --strict: a draft is not ready


@pytest.mark.parametrize(("value", "warned"), [("false", False), ("true", True), ('"why"', True)])
def test_a_mark_is_true_false_or_a_reason(tmp_path: Path, value: str, warned: bool) -> None:
    facts = FACTS.replace("draft: true}", f"draft: {value}}}")
    checked = write_lesson(tmp_path / "l", ARTICLE, facts)
    assert checked.ok
    role_warnings = [d for d in checked.diagnostics if d.code == "draft.unchecked" and "Mayor" in d.message]
    assert bool(role_warnings) is warned


@pytest.mark.parametrize("value", ["3", '""', "[a]"])
def test_a_mark_of_another_type_is_an_error(tmp_path: Path, value: str) -> None:
    checked = write_lesson(tmp_path / "l", ARTICLE, FACTS.replace("draft: true}", f"draft: {value}}}"))
    (error,) = [d for d in checked.diagnostics if d.is_error]
    assert (error.line, error.code) == (7, "schema.type")
    assert "true, false or the reason to check the entry" in error.message


def test_marked_entries_and_facts_of_marked_people_make_no_question(tmp_path: Path) -> None:
    checked = write_lesson(tmp_path / "l", ARTICLE, FACTS.replace("  hale: {", "  hale: {draft: true, "))
    lesson, aside = set_aside_drafts(checked.lesson)
    assert (aside.facts, aside.people, aside.roles) == (2, 1, 1)  # hale-quote goes with Hale
    assert lesson.facts == () and list(lesson.people) == ["berg"] and lesson.people["berg"].roles == ()
    unmarked = write_lesson(tmp_path / "m", ARTICLE, FACTS.replace(', draft: "speaker could be berg or hale"', ""))
    lesson, aside = set_aside_drafts(unmarked.lesson)
    assert [f.id for f in lesson.facts] == ["hale-quote", "berg-quote"] and aside.roles == 1


def _outputs_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.suffix in (".html", ".txt"))


def _anki_notes(apkg: Path, tmp_path: Path) -> list[str]:
    (tmp_path / "student").mkdir(parents=True)
    col = Collection(str(tmp_path / "student" / "collection.anki2"))
    try:
        options = ImportAnkiPackageOptions(with_scheduling=False)
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options))
        return [" ".join(col.get_note(nid).fields) for nid in col.find_notes("")]
    finally:
        col.close()


def test_an_unedited_draft_exports_nothing_drafted_and_builds_fully_once_cleared(tmp_path: Path) -> None:
    lesson = _new_lesson(tmp_path)
    facts = (lesson / "facts.yaml").read_text(encoding="utf-8")
    drafted = yaml.safe_load(facts)
    assert all("draft" in fact for fact in drafted["facts"]) and all("draft" in p for p in drafted["people"].values())
    out = tmp_path / "decks"
    result = runner.invoke(app, ["build", str(lesson), "-o", str(out), "-f", "anki,worksheet,gift"])
    assert result.exit_code == 0, result.output  # a warning, shown without --verbose: nothing printed blank unseen
    assert "warning: " in result.output
    assert "still marked draft: left out of the questions and every output [draft.set-aside]" in result.output
    text = _outputs_text(out / "varel")
    assert "quays" not in text and "Nora Hale" not in text and "Tomas Berg" not in text
    assert _anki_notes(out / "varel" / "varel.apkg", tmp_path / "before") == []

    (lesson / "facts.yaml").write_text(re.sub(r"(?m)^ *draft: .*\n", "", facts), encoding="utf-8")
    result = runner.invoke(app, ["--verbose", "build", str(lesson), "-o", str(out), "-f", "anki,worksheet,gift"])
    assert result.exit_code == 0, result.output
    assert "[draft." not in result.output
    text = _outputs_text(out / "varel")
    # (asked as a blank, "We will not give up the [...]": "Who said ...?" would show its word: issue 26)
    assert "We will not give up the" in text and "quays" in text and "Nora Hale" in text
    notes = _anki_notes(out / "varel" / "varel.apkg", tmp_path / "after")
    assert any("We will not give up the" in note and "quays" in note for note in notes)
