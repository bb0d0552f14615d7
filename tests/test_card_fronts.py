"""Issue 26: no Anki card's front gives away its own back, as the real Anki library renders the card.

The rule is the question set's (`questions.giveaways`), read over each card: the exporter decides
nothing, the set simply holds no such question. Each deck is imported into a real collection and
every card's `card.question()` is read as a student reads it.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from studygen.build import build_lessons
from studygen.export.anki import anki_questions, apkg_name
from studygen.lessons import read_lesson
from studygen.questions import build_questions
from studygen.questions.giveaways import Giveaways

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted(ROOT.glob("seeds/*/facts.yaml")) + [ROOT / "tests" / "lessons" / "giveaways" / "facts.yaml"]
T0 = 1_800_000_000


def _text(rendered: str) -> str:
    """A rendered card as the student reads it: the tags and the script gone, the entities read."""
    rendered = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", rendered)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())


def _units(rendered: str) -> list[str]:
    """The card's texts each as a unit, as the front sets them apart: the prompt, each choice, each item
    (a list of candidates is no sentence: a choice beside the prompt gives nothing away)."""
    blocks = re.split(r"(?i)<(?:li|p|div|br|td|tr|h\d)\b[^>]*>", rendered)
    return [text for block in blocks if (text := _text(block))]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.parent.name)
def test_no_card_front_gives_its_back_away(path: Path, tmp_path: Path) -> None:
    checked = read_lesson(path)
    assert checked.ok and checked.lesson is not None
    lesson = checked.lesson
    questions = build_questions(lesson, checked.contexts())
    build_lessons([(lesson, questions)], tmp_path / "decks", ["anki"], now=T0)
    col = Collection(str(tmp_path / "collection.anki2"))
    try:
        options = ImportAnkiPackageOptions(with_scheduling=False)
        apkg = tmp_path / "decks" / lesson.id / apkg_name(lesson.id)
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options))
        # A matching or timeline is a note per item (anki_questions): each item's front against its own back.
        by_guid = {genanki.guid_for(item.id): item for q in questions.questions for item in anki_questions(q)}
        detector = Giveaways(lesson)
        fronts = 0
        for note_id in col.find_notes(""):
            note = col.get_note(note_id)
            question = by_guid[note.guid]
            for card in note.cards():
                rendered = card.question()
                assert question.prompt.split("[...]")[0][:30].strip() in _text(rendered)  # the question's front
                for unit in _units(rendered):
                    assert detector.gives_away(unit, question) is None, (question.id, unit)
                fronts += 1
        assert fronts == len(by_guid) >= len(questions.questions)
    finally:
        col.close()


def test_a_front_that_shows_its_answer_is_found(tmp_path: Path) -> None:
    """The check over a front is not blind: a front holding the speaker beside the quotation fails it."""
    checked = read_lesson(LESSONS[-1])
    lesson = checked.lesson
    assert lesson is not None
    questions = build_questions(lesson, checked.contexts(), one_sheet=False).questions
    said = next(q for q in questions if q.kind == "attribution" and q.fact == "not-close")
    detector = Giveaways(lesson)
    front = f"<div>{said.prompt} (Ann Hale, 1991)</div><ol><li>Bo Lind</li><li>Ann Hale</li></ol>"
    assert any(detector.gives_away(unit, said) for unit in _units(front))
    assert not any(detector.gives_away(unit, said) for unit in _units(front.replace(" (Ann Hale, 1991)", "")))
