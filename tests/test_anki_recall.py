"""Anki for recall, not positions (issue 26): multiple-choice cards show their choices in a new order at
each review, the same on both sides of one review, with the answer marked by its text; matching and
chronology sets are one note per item; and a student who studied the deck as it was built before all
this keeps every review through the change and a term of corrections after it.

The cards are rendered by the real Anki library (PyPI `anki`) and shown in real headless Chromium, the
engine of Anki desktop (Qt WebEngine) and AnkiDroid's WebView, in the two ways Anki apps show a back:
Anki desktop and AnkiMobile swap the back into the front's page; AnkiDroid loads a new page."""

from __future__ import annotations

import base64
import html
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import genanki
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from playwright.sync_api import Page

from studygen.build import build_lessons, remember_role_ids
from studygen.export.anki import CHOICE_MODEL, MODELS, SET_NOW_ITEMS, anki_questions, apkg_name
from studygen.export.manifest import MANIFEST_NAME
from studygen.export.withdrawn import WITHDRAWN_TAG
from studygen.lessons import read_lesson
from studygen.questions import Question, build_questions

from .browser import browser
from .conftest import ROOT

LESSON = "berlin-wall"
# With `one_sheet: false` (every kind's questions, as a teacher may want for a deck) it has matching and
# chronology sets, which are what the change to items is about; read as one sheet it has none.
EVERY_QUESTION = ("questions:\n", "questions:\n  one_sheet: false\n")
# The deck and manifest of this lesson as studygen built them before this change (commit d42ffd1):
# one Q/A note per set, the choices in a fixed order, the answer given as a letter.
V1 = Path(__file__).parent / "anki_v1"
V1_LATEST = json.loads((V1 / MANIFEST_NAME).read_text(encoding="utf-8"))["latest"]
DAY = 86_400


def _read(project: Path):
    """The lesson and its questions as `studygen build` makes them: with the role ids its deck knows."""
    checked = read_lesson(project / "seeds" / LESSON / "facts.yaml")
    assert checked.ok and checked.lesson is not None, [str(d) for d in checked.diagnostics]
    lesson = remember_role_ids(checked.lesson, None)
    return lesson, build_questions(lesson, checked.contexts())


def _questions(project: Path) -> list[Question]:
    return list(_read(project)[1].questions)


def _build(project: Path, now: int, reports: list[str] | None = None) -> Path:
    """Build as `studygen build` does: the deck and its manifest go to the project's decks/."""
    build_lessons([_read(project)], None, ["anki"], now=now, on_report=None if reports is None else reports.append)
    return project / "decks" / LESSON / apkg_name(LESSON)


def _manifest_notes(project: Path) -> dict[str, dict]:
    return json.loads((project / "decks" / LESSON / MANIFEST_NAME).read_text(encoding="utf-8"))["notes"]


def _import(col: Collection, apkg: Path, merge: bool = False):
    options = ImportAnkiPackageOptions(with_scheduling=False, merge_notetypes=merge)
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options)).log


def _study(col: Collection, count: int) -> int:
    """Answer `count` cards of the lesson's deck (Good, every fourth Again); return how many were answered."""
    deck = col.decks.id_for_name("History::Cold War::The Berlin Wall")
    config = col.decks.config_dict_for_deck_id(deck)
    config["new"]["perDay"] = 9999  # a term's worth of new cards in one test day
    col.decks.save(config)
    col.decks.select(deck)
    for number in range(count):
        card = col.sched.getCard()
        assert card is not None
        col.sched.answerCard(card, 1 if number % 4 == 3 else 3)
    return count


def _schedules(col: Collection) -> dict[int, tuple]:
    return {
        cid: (nid, ivl, due, reps)
        for cid, nid, ivl, due, reps in col.db.all("select id, nid, ivl, due, reps from cards")
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """The lesson as a teacher's clone has it, with the deck and manifest built before this change."""
    shutil.copytree(ROOT / "seeds" / LESSON, tmp_path / "seeds" / LESSON)
    _edit(tmp_path, *EVERY_QUESTION)
    (tmp_path / "decks" / LESSON).mkdir(parents=True)
    for name in (apkg_name(LESSON), MANIFEST_NAME):
        shutil.copy(V1 / name, tmp_path / "decks" / LESSON / name)
    return tmp_path


def _edit(project: Path, old: str, new: str) -> None:
    facts = project / "seeds" / LESSON / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    facts.write_text(text.replace(old, new), encoding="utf-8")


def _check_import(col: Collection, apkg: Path, merge: bool, old: dict[str, dict], new: dict[str, dict]) -> set[str]:
    """Import a rebuilt deck: no note changes its type or is doubled, exactly the notes the manifest
    re-dated are updated, the new ones added, and every card keeps its reviews and schedule."""
    notes = {guid: mid for guid, mid in col.db.all("select guid, mid from notes")}
    schedules, reviews = _schedules(col), col.db.scalar("select count() from revlog")
    log = _import(col, apkg, merge)
    assert len(log.conflicting) == 0 and len(log.missing_notetype) == 0
    changed = {guid for guid in new if guid in old and new[guid]["mod"] != old[guid]["mod"]}
    assert {col.get_note(entry.id.nid).guid for entry in log.updated} == changed & set(notes)
    assert {col.get_note(entry.id.nid).guid for entry in log.new} == set(new) - set(old)
    after = {guid: mid for guid, mid in col.db.all("select guid, mid from notes")}
    assert len(after) == col.note_count()  # one note per GUID
    assert all(after[guid] == mid for guid, mid in notes.items()), "a note changed its note type"
    assert col.db.scalar("select count() from revlog") == reviews
    now = _schedules(col)
    assert all(now[cid] == schedule for cid, schedule in schedules.items())
    studygen_types = sorted(m.name for m in col.models.all_names_and_ids() if m.name.startswith("studygen"))
    assert studygen_types == sorted(m.name for m in MODELS if m.model_id in set(after.values()))  # no copies
    return changed


def _note(col: Collection, question_id: str):
    nid = col.db.scalar("select id from notes where guid = ?", genanki.guid_for(question_id))
    assert nid, question_id
    return col.get_note(nid)


@pytest.mark.parametrize("merge", [False, True], ids=["merge-off", "merge-on"])
def test_a_term_from_the_old_deck_keeps_every_review(project: Path, tmp_path: Path, merge: bool) -> None:
    col = Collection(str(tmp_path / "student.anki2"))
    try:
        assert len(_import(col, project / "decks" / LESSON / apkg_name(LESSON)).new) == col.note_count()
        answered = _study(col, 30)
        old_sets = {q.id for q in _questions(project) if anki_questions(q) != [q]}
        old = _manifest_notes(project)
        assert {genanki.guid_for(qid) for qid in old_sets} <= set(old)  # the students hold one note per set

        # The first build after the change: sets become items, multiple-choice notes get their new look.
        built, reports = V1_LATEST + DAY, []
        changed = _check_import(col, _build(project, built, reports), merge, old, new := _manifest_notes(project))
        sets = len(old_sets)
        assert f"{sets} matching or chronology sets shipped as one note each are now one note per item" in str(reports)
        assert changed and set(new) - set(old)
        for set_id in old_sets:  # the old set notes say what happened, and keep their cards and reviews
            note = _note(col, set_id)
            assert WITHDRAWN_TAG in note.tags and SET_NOW_ITEMS in note.fields[0]
        questions = {q.id: q for q in _questions(project)}
        for set_id in old_sets:
            items = anki_questions(questions[set_id])
            assert len(items) == len(questions[set_id].pairs) - (questions[set_id].kind == "chronology")
            for item in items:
                note = _note(col, item.id)
                assert note.mid == CHOICE_MODEL.model_id and len(note.cards()) == 1
                marked = re.findall(r'<li class="correct">(.*?)</li>', note.cards()[0].answer())
                assert [html.unescape(text) for text in marked] == [item.answer]
        student_type = col.models.get(CHOICE_MODEL.model_id)
        assert "studygen.choices" in student_type["tmpls"][0]["qfmt"]  # the note type took the new templates

        # A term of corrections, studied between each.
        edits = [
            ("    what: Erich Honecker was forced to resign\n", "    what: Erich Honecker was forced out of office\n"),
            ("    when: 1989-11\n", "    when: 1989\n"),
            (
                "    said: will still be standing in 50 and even in 100 years\n",
                "    said: still be standing in 50 and even in 100 years\n",
            ),
        ]
        for old_text, new_text in edits:
            answered += _study(col, 10)
            old = _manifest_notes(project)
            _edit(project, old_text, new_text)
            built += DAY
            reports = []
            changed = _check_import(col, _build(project, built, reports), merge, old, _manifest_notes(project))
            assert changed and reports and "now one note per item" not in str(reports)  # said once

        # The last edit corrected one quotation: its item's note changed, its set's other items did not.
        (matching,) = [q for q in _questions(project) if q.kind == "matching" and "fifty-years" in q.facts]
        items = {item.fact: genanki.guid_for(item.id) for item in anki_questions(matching)}
        assert items.pop("fifty-years") in changed and items and not set(items.values()) & changed
        assert col.db.scalar("select count() from revlog") == answered  # every review of the term
        set_notes = [_note(col, set_id).id for set_id in old_sets]
        col.remove_notes(set_notes)  # a student who deletes the withdrawn set notes, as their notice says
        assert col.db.scalar("select count() from revlog") == answered
    finally:
        col.close()


# --- The cards in a browser ---------------------------------------------------------------------

ORIGIN = "http://anki.invalid"  # Anki desktop serves its cards from a local web server; sessionStorage needs an origin


def _serve(page: Page, pages: dict[str, str]) -> None:
    page.route(
        f"{ORIGIN}/**",
        lambda route: route.fulfill(body=pages[route.request.url], content_type="text/html; charset=utf-8"),
    )


SWAP = """html => {
  const qa = document.getElementById('qa');
  qa.innerHTML = html;
  for (const old of qa.querySelectorAll('script')) {  // as Anki's reviewer does: run the card's scripts
    const script = document.createElement('script');
    script.textContent = old.textContent;
    old.replaceWith(script);
  }
}"""


def _choices(page: Page) -> list[str]:
    return page.locator("ol.choices > li").all_inner_texts()


def _marked(page: Page) -> list[str]:
    return page.locator("ol.choices > li.correct").all_inner_texts()


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[tuple[str, str, str, list[str]]]]:
    """Multiple-choice cards of a fresh build as the real Anki library renders them: (front, back,
    answer, the choices in the note's own order)."""
    folder = tmp_path_factory.mktemp("deck")
    shutil.copytree(ROOT / "seeds" / LESSON, folder / "seeds" / LESSON)
    _edit(folder, *EVERY_QUESTION)
    col = Collection(str(folder / "student.anki2"))
    _import(col, _build(folder, V1_LATEST))
    found = []
    for nid in col.find_notes(f'"note:{CHOICE_MODEL.name}"'):
        note = col.get_note(nid)
        own = [html.unescape(text) for text in re.findall(r"<li>(.*?)</li>", note["Choices"])]
        if len(own) >= 4:
            card = note.cards()[0]
            found.append((card.question(), card.answer(), html.unescape(note["Answer"]), own))
    col.close()
    assert len(found) > 20
    yield found


def test_a_card_shows_its_choices_in_a_new_order_at_each_review_and_the_back_keeps_it(cards) -> None:
    """Anki desktop and AnkiMobile: one page, the back swapped in where the front was."""
    front, back, answer, own = cards[0]
    with browser() as chromium:
        page = chromium.new_page()
        _serve(page, {f"{ORIGIN}/reviewer": '<div id="qa"></div>'})
        page.goto(f"{ORIGIN}/reviewer")
        shown, places = [], set()
        for _ in range(12):
            page.evaluate(SWAP, front)
            order = _choices(page)
            assert sorted(order) == sorted(own) and not _marked(page)  # the front marks nothing
            assert not shown or order != shown[-1]  # never the same order twice in a row
            shown.append(order)
            page.evaluate(SWAP, back)
            assert _choices(page) == order  # the back in the front's order
            assert _marked(page) == [answer]  # and the answer marked by its text, wherever it is
            places.add(order.index(answer))
            assert answer in page.locator("div.answer").inner_text()
        assert shown[0] != own  # a first review does not show the order the note was built with
        assert len(places) >= 2  # the answer moves (all 12 in one place: about 1 in 4 million)


def test_a_back_loaded_as_a_new_page_keeps_the_fronts_order(cards) -> None:
    """AnkiDroid: the back is a new page; the tab's sessionStorage carries the order over."""
    with browser() as chromium:
        page = chromium.new_page()
        for number, (front, back, answer, own) in enumerate(cards[:8]):
            _serve(page, {f"{ORIGIN}/front{number}": front, f"{ORIGIN}/back{number}": back})
            page.goto(f"{ORIGIN}/front{number}")
            first = _choices(page)
            page.goto(f"{ORIGIN}/front{number}")  # the same card opened twice
            order = _choices(page)
            assert order != first and sorted(order) == sorted(own)
            page.goto(f"{ORIGIN}/back{number}")
            assert _choices(page) == order and _marked(page) == [answer]


def test_where_scripts_do_not_run_both_sides_show_the_notes_own_shuffled_order(cards) -> None:
    with browser() as chromium:
        page = chromium.new_page(java_script_enabled=False)
        places = []
        for number, (front, back, answer, own) in enumerate(cards):
            _serve(page, {f"{ORIGIN}/front{number}": front, f"{ORIGIN}/back{number}": back})
            page.goto(f"{ORIGIN}/front{number}")
            assert _choices(page) == own
            page.goto(f"{ORIGIN}/back{number}")
            assert _choices(page) == own and _marked(page) == [answer]
            places.append(own.index(answer))
    assert len(set(places)) >= 3  # the built order is shuffled: the answers are not all in one place


def test_where_storage_is_refused_both_sides_keep_the_notes_own_order(cards) -> None:
    """A page that may not keep anything (a data: URL here) cannot keep the order for the back, so the
    front does not shuffle: the two sides still agree."""
    front, back, answer, own = cards[0]
    with browser() as chromium:
        page = chromium.new_page()
        for side in (front, back):
            page.goto("data:text/html;charset=utf-8;base64," + base64.b64encode(side.encode("utf-8")).decode("ascii"))
            refused = "() => { try { sessionStorage.length; return false; } catch (e) { return true; } }"
            assert page.evaluate(refused)
            assert _choices(page) == own
        assert _marked(page) == [answer]


def test_the_order_of_a_notes_choices_is_the_same_on_every_build(tmp_path: Path, cards) -> None:
    """The built order comes from the note's id: rebuilding gives the same cards."""
    folder = tmp_path / "again"
    shutil.copytree(ROOT / "seeds" / LESSON, folder / "seeds" / LESSON)
    _edit(folder, *EVERY_QUESTION)
    col = Collection(str(folder / "student.anki2"))
    try:
        _import(col, _build(folder, V1_LATEST))
        fronts = {col.get_card(cid).question() for cid in col.find_cards(f'"note:{CHOICE_MODEL.name}"')}
        assert {front for front, *_ in cards} <= fronts
    finally:
        col.close()
