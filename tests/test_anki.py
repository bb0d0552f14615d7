"""The Anki deck, imported with the real Anki library (PyPI `anki`) as a student's Anki would."""

from __future__ import annotations

import html
import itertools
import re
import shutil
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

from studygen.build import build_lessons
from studygen.export.anki import MODELS, anki_questions, apkg_name
from studygen.export.manifest import MANIFEST_NAME
from studygen.lessons import read_lesson
from studygen.questions import build_questions

from .conftest import ROOT, SEED

T0 = 1_800_000_000  # build times used by these tests


def _questions(facts: Path, one_sheet: bool = True) -> tuple:
    checked = read_lesson(facts)
    assert checked.ok, checked.diagnostics
    return checked.lesson, build_questions(checked.lesson, checked.contexts(), one_sheet=one_sheet)


def _build(facts: Path, out: Path, now: int, one_sheet: bool = True) -> Path:
    lesson, questions = _questions(facts, one_sheet)
    build_lessons([(lesson, questions)], out, ["anki"], now=now)
    return out / lesson.id / apkg_name(lesson.id)


def _import(col: Collection, apkg: Path):
    request = ImportAnkiPackageRequest(package_path=str(apkg), options=ImportAnkiPackageOptions(with_scheduling=False))
    return col.import_anki_package(request).log


@pytest.fixture
def col(tmp_path: Path):
    (tmp_path / "student").mkdir()
    collection = Collection(str(tmp_path / "student" / "collection.anki2"))
    yield collection
    collection.close()


@pytest.fixture
def lesson_copy(tmp_path: Path) -> Path:
    target = tmp_path / "seeds" / "russia-nato"
    shutil.copytree(SEED.parent, target)
    return target / "facts.yaml"


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def test_every_note_and_card_imports_and_renders(col: Collection, tmp_path: Path) -> None:
    _, questions = _questions(SEED)
    asked = [item for question in questions.questions for item in anki_questions(question)]
    apkg = _build(SEED, tmp_path / "out", T0)
    log = _import(col, apkg)
    # (Read as one sheet this lesson has no matching or timeline: test_set_items_are_notes_of_their_own
    # imports a set's items.)
    assert len(log.new) == len(asked) == len(questions.questions)
    assert col.note_count() == len(asked) and col.card_count() == len(asked)
    deck = col.decks.by_name("History::Cold War::Russia and NATO")
    assert deck is not None
    by_guid = {note.guid: note for note in (col.get_note(nid) for nid in col.find_notes(""))}

    for question in asked:
        note = by_guid[genanki.guid_for(question.id)]
        cards = note.cards()
        assert len(cards) == 1
        card = cards[0]
        assert card.did == deck["id"]
        front, back = card.question(), card.answer()
        assert "{{" not in front and "{{" not in back, question.id
        if question.kind == "cloze":
            assert "[...]" in _text(front) and question.answer in _text(back)
        else:
            assert question.prompt in " ".join(_text(front).split()), question.id
            assert question.answer in " ".join(_text(back).split()), question.id
        if question.choices:
            correct = re.search(r'<li class="correct">(.*?)</li>', back)
            assert correct and html.unescape(correct.group(1)) == question.answer
            assert 'class="correct"' not in front  # the front must not give it away
        assert f"kind::{question.kind}" in note.tags and "russia-nato" in note.tags
        for person in question.people:
            assert f"person::{person}" in note.tags
        if question.according_to:
            assert f"According to {question.according_to}" in back


def test_same_input_gives_identical_bytes(tmp_path: Path) -> None:
    first = _build(SEED, tmp_path / "a", T0).read_bytes()
    second = _build(SEED, tmp_path / "a", T0 + 500)  # same folder: the manifest keeps the times
    assert second.read_bytes() == first
    other = _build(SEED, tmp_path / "b", T0).read_bytes()  # a fresh folder, same build time
    assert other == first


def _review_one(col: Collection) -> int:
    """Study the first card of the lesson's deck and answer it 'Good'."""
    col.decks.select(col.decks.id_for_name("History::Cold War::Russia and NATO"))
    card = col.sched.getCard()
    assert card is not None
    col.sched.answerCard(card, 3)
    return card.id


def test_correcting_a_fact_updates_one_note_and_keeps_reviews(
    col: Collection, lesson_copy: Path, tmp_path: Path
) -> None:
    out = tmp_path / "decks"
    _import(col, _build(lesson_copy, out, T0))
    reviewed = _review_one(col)
    reviews_before = col.db.scalar("select count() from revlog where cid = ?", reviewed)
    ivl_before = col.get_card(reviewed).ivl
    assert reviews_before == 1

    # The teacher words Washington's refusal as the article does: it "ultimately" refused. (A change of
    # whose account it is would also change which accounts 'fact or account?' asks, by design.)
    facts = lesson_copy.read_text(encoding="utf-8")
    corrected = facts.replace("what: Washington refused", "what: Washington ultimately refused")
    assert corrected != facts
    lesson_copy.write_text(corrected, encoding="utf-8")
    notes_before = col.note_count()
    log = _import(col, _build(lesson_copy, out, T0 + 3600))

    # Anki's log lists matched notes it left alone as "duplicate": here, every other note.
    assert len(log.updated) == 1 and len(log.new) == 0 and len(log.duplicate) == notes_before - 1
    assert col.note_count() == notes_before
    claim = [col.get_note(n) for n in col.find_notes("tag:kind::claim") if "reciprocate" in col.get_note(n)["Question"]]
    assert len(claim) == 1
    assert "ultimately refused" in claim[0]["Question"] and "Fyodor Lukyanov's account" in claim[0]["Answer"]
    assert col.db.scalar("select count() from revlog where cid = ?", reviewed) == reviews_before
    assert col.get_card(reviewed).ivl == ivl_before
    guids = col.db.list("select guid from notes")
    assert len(guids) == len(set(guids))

    # Re-importing the same build changes nothing.
    again = _import(col, out / "russia-nato" / apkg_name("russia-nato"))
    assert len(again.updated) == 0 and len(again.new) == 0


def test_deleting_a_fact_then_reimporting_is_harmless(col: Collection, lesson_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "decks"
    _import(col, _build(lesson_copy, out, T0))
    count = col.note_count()
    before = {q.id: q for q in _questions(lesson_copy)[1].questions}
    facts = lesson_copy.read_text(encoding="utf-8")
    start = facts.index("  - id: washington-refused\n")
    end = facts.index("  # --- Quotations")
    lesson_copy.write_text(facts[:start] + facts[end:], encoding="utf-8")
    log = _import(col, _build(lesson_copy, out, T0 + 60))
    after = {q.id: q for q in _questions(lesson_copy)[1].questions}
    # One note is added for this fixture: another 'fact or account?' question takes the deleted one's place
    # (at most a quarter of the multiple-choice questions ask it). Letters are spread over the lesson,
    # so an answer could move to another letter (that note would update, the same question with the same
    # choices); for this fixture one moves, and its note alone changes.
    added = set(after) - set(before)
    assert added == {"russia-nato/west-would-reject/claim"} and len(log.new) == len(added)
    moved = [i for i in before.keys() & after.keys() if before[i] != after[i]]
    assert moved == ["russia-nato/hardly-prepared/attribution"] and len(log.updated) == len(moved)
    for question_id in moved:
        old, new = before[question_id], after[question_id]
        assert (old.prompt, old.answer, sorted(old.choices)) == (new.prompt, new.answer, sorted(new.choices))
    assert col.note_count() == count + len(added)  # Anki keeps the student's old notes; nothing breaks
    manifest = (out / "russia-nato" / MANIFEST_NAME).read_text()
    assert "washington-refused" not in manifest


def test_markup_in_a_fact_shows_as_text(col: Collection, tmp_path: Path) -> None:
    folder = tmp_path / "markup"
    folder.mkdir()
    (folder / "article.txt").write_text(
        'In 1921 the envoy said "<script>alert(1)</script> & <b>no</b> treaty" loudly.\n'
    )
    (folder / "facts.yaml").write_text(
        "lesson: {id: markup, title: Markup, source: {file: article.txt}}\n"
        "people: {envoy: {name: Envoy Smith}, b: {name: B Jones}, c: {name: C Brown}, d: {name: D Green}}\n"
        "facts:\n  - {id: q, kind: quote, by: envoy, said: '<script>alert(1)</script> & <b>no</b> treaty'}\n"
    )
    _import(col, _build(folder / "facts.yaml", tmp_path / "out", T0))
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        for value in note.fields:
            assert "<script>" not in value and "<b>no</b>" not in value
        card = note.cards()[0]
        if "&lt;script&gt;" in card.question():
            assert "<script>alert(1)</script>" in html.unescape(card.question())
            break
    else:
        pytest.fail("the quotation was not on any card")


def test_note_types_keep_their_ids_and_fields() -> None:
    # Changing fields without a new id and version would corrupt students' collections.
    expected = {
        1_733_100_001: ("studygen Q/A v1", ["Question", "Answer", "Context", "Source", "Skill", "Account"]),
        1_733_100_002: (
            "studygen Multiple choice v1",
            ["Question", "Choices", "ChoicesMarked", "Answer", "Context", "Source", "Skill", "Account"],
        ),
        1_733_100_003: ("studygen Cloze v1", ["Text", "Context", "Source", "Skill", "Account"]),
    }
    assert {m.model_id: (m.name, [f["name"] for f in m.fields]) for m in MODELS} == expected


def test_committed_deck_is_up_to_date(tmp_path: Path) -> None:
    committed = ROOT / "decks" / "russia-nato"
    out = tmp_path / "decks"
    (out / "russia-nato").mkdir(parents=True)
    shutil.copy(committed / MANIFEST_NAME, out / "russia-nato" / MANIFEST_NAME)
    apkg = _build(SEED, out, T0)
    assert apkg.read_bytes() == (committed / apkg_name("russia-nato")).read_bytes(), "run: studygen build"
    assert (out / "russia-nato" / MANIFEST_NAME).read_bytes() == (committed / MANIFEST_NAME).read_bytes()


def test_set_items_are_notes_of_their_own(col: Collection, tmp_path: Path) -> None:
    """A matching or chronology set is one multiple-choice note per item, graded on its own: each quotation
    asks whose words, among the set's speakers; each event but the last which of the others came next,
    and its back shows the set's timeline. No note holds the whole set."""
    berlin = SEED.parent.parent / "berlin-wall" / "facts.yaml"  # its dates make timelines; the first lesson's do not
    # Every kind's questions: read as one sheet, the lesson's matching repeats its "Who said ...?" questions.
    _, questions = _questions(berlin, one_sheet=False)
    _import(col, _build(berlin, tmp_path / "out", T0, one_sheet=False))
    by_guid = {note.guid: note for note in (col.get_note(nid) for nid in col.find_notes(""))}
    sets = [q for q in questions.questions if q.answer_type in ("pairs", "order")]
    assert {q.kind for q in sets} == {"matching", "chronology"}
    for question in sets:
        assert genanki.guid_for(question.id) not in by_guid
        items = {item.fact: by_guid[genanki.guid_for(item.id)] for item in anki_questions(question)}
        if question.kind == "matching":
            assert list(items) == list(question.facts)
            expected = [(quote, speaker, sorted({s for _, s in question.pairs})) for quote, speaker in question.pairs]
        else:
            assert list(items) == list(question.facts[:-1])
            labels = [label for _, label in question.pairs]
            expected = [(label, after, sorted(set(labels) - {label})) for label, after in itertools.pairwise(labels)]
        for note, (shown, answer, choices) in zip(items.values(), expected, strict=True):
            card = note.cards()[0]
            assert len(note.cards()) == 1 and shown in _text(card.question())
            found = re.findall(r"<li(?: class=\"correct\")?>(.*?)</li>", card.question())
            assert sorted(html.unescape(choice) for choice in found) == choices
            marked = re.findall(r'<li class="correct">(.*?)</li>', card.answer())
            assert [html.unescape(text) for text in marked] == [answer]
            assert "<blockquote" not in card.answer() or question.kind == "chronology"
            if question.kind == "chronology":  # the whole timeline, with its dates
                assert all(f"{when}: {label}" in html.unescape(card.answer()) for when, label in question.pairs)
