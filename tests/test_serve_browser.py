"""`studygen serve` in a real headless Chromium (issue 28): review by keyboard alone, review.yaml
written, the page following edits of the facts file on disk, and a build of what was approved."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import genanki
import pytest
import uvicorn
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from markupsafe import escape
from playwright.sync_api import Page, expect
from typer.testing import CliRunner

from studygen.cli import app
from studygen.lessons import read_lesson
from studygen.questions import build_questions
from studygen.review import Verdict, read_ledger
from studygen.server import Workbench, create_app, new_token
from studygen.workbench import open_lessons

from .browser import browser
from .conftest import ROOT

LESSON = "russia-nato"  # the first lesson


@pytest.fixture
def lesson(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds" / LESSON, tmp_path / "seeds" / LESSON)
    return tmp_path / "seeds" / LESSON


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """`studygen serve` on a free port of 127.0.0.1, as the command runs it; yields the URL it prints."""
    bench = Workbench(open_lessons([folder / "facts.yaml"]), new_token())
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(bench), log_level="warning", timeout_graceful_shutdown=1))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/?token={bench.token}"
    finally:
        server.should_exit = True
        thread.join(10)


@contextmanager
def page_of(folder: Path) -> Iterator[Page]:
    with serving(folder) as url, browser() as chromium:
        page = chromium.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url)
        page.wait_for_selector("article.q.current")
        yield page


def _current(page: Page) -> str:
    return page.eval_on_selector("article.q.current", "card => card.dataset.id")


def _left(page: Page) -> str:
    return page.inner_text('[data-count="to_review"]')


def _review_by_keyboard(page: Page, verdicts: dict[str, tuple[str, ...]] | None = None, limit: int = 0) -> dict:
    """Decide the current question, then the next, by keys alone: 'a', or 'r' and a reason's digit.
    `verdicts` gives keys for some questions (default 'a'); returns {question id: keys pressed}."""
    pressed: dict[str, tuple[str, ...]] = {}
    count = int(_left(page))
    for _ in range(limit or count):
        question = _current(page)
        assert question not in pressed, "the page came back to a question already decided"
        keys = (verdicts or {}).get(question, ("a",))
        for key in keys:
            page.keyboard.press(key)
        pressed[question] = keys
        count -= 1
        expect(page.locator('[data-count="to_review"]')).to_have_text(str(count))
    return pressed


def test_a_teacher_reviews_the_first_lesson_by_keyboard_with_two_keys_at_most(lesson: Path) -> None:
    with page_of(lesson) as page:
        total = page.locator("article.q").count()
        checked = read_lesson(lesson / "facts.yaml")
        assert total == len(build_questions(checked.lesson, checked.contexts()).questions) and _left(page) == str(total)
        ids = page.eval_on_selector_all("article.q", "cards => cards.map(card => card.dataset.id)")
        # Every fifth question is rejected, each reason in turn ('r' then its number).
        verdicts = {qid: ("r", str(1 + n % 6)) for n, qid in enumerate(ids[::5])}
        pressed = _review_by_keyboard(page, verdicts)
        assert _left(page) == "0"
        assert page.inner_text('[data-count="rejected"]') == str(len(verdicts))
    keys = sum(len(k) for k in pressed.values())
    assert set(pressed) == set(ids) and keys <= 2 * total
    print(f"\n{total} questions reviewed with {keys} key presses ({keys / total:.2f} a question)")
    ledger, problems = read_ledger(lesson)
    assert problems == [] and set(ledger.decisions) == set(ids)
    reasons = ("false", "misattributed", "trivial", "ambiguous", "badly worded", "other")
    for qid, decision in ledger.decisions.items():
        if qid in verdicts:
            assert (decision.verdict, decision.reason) == (Verdict.REJECTED, reasons[int(verdicts[qid][1]) - 1])
        else:
            assert decision.verdict is Verdict.APPROVED and decision.reason is None


def test_skip_and_moving_by_j_and_k(lesson: Path) -> None:
    with page_of(lesson) as page:
        first = _current(page)
        page.keyboard.press("j")
        second = _current(page)
        page.keyboard.press("k")
        assert _current(page) == first != second
        page.keyboard.press("s")
        assert _current(page) == second
        page.keyboard.press("r")
        page.keyboard.press("Escape")  # not a reason: nothing is decided
        expect(page.locator(".reasons:not([hidden])")).to_have_count(0)
        assert _current(page) == second
    assert read_ledger(lesson)[0].decisions[first].verdict is Verdict.SKIPPED


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_page_follows_edits_on_disk_and_a_changed_question_returns_to_review(lesson: Path) -> None:
    facts = lesson / "facts.yaml"
    with page_of(lesson) as page:
        card = page.locator('article.q[data-id$="/ivanov.russian-foreign-minister/office"]')
        card.click()
        page.keyboard.press("a")
        assert card.get_attribute("data-status") == "approved"
        expect(page.locator('[data-count="approved"]')).to_have_text("1")
        left = _left(page)
        current = _current(page)
        page.evaluate("window.scrollTo(0, 900)")
        scrolled = page.evaluate("window.scrollY")
        start = time.monotonic()
        _edit(facts, "name: Igor Ivanov", "name: Igor S. Ivanov")
        expect(card).to_have_attribute("data-status", "to review", timeout=5000)
        took = time.monotonic() - start
        print(f"\nthe page showed the edit {took:.2f} s after the save")
        assert took < 2.0
        assert "Igor S. Ivanov" in card.inner_text() and "Changed since you judged it approved" in card.inner_text()
        assert "Igor Ivanov" in card.locator(".changed del").first.inner_text()
        assert int(_left(page)) == int(left) + 1
        assert page.evaluate("window.scrollY") == scrolled and _current(page) == current  # scroll and focus kept
        assert page.evaluate("document.activeElement.dataset.id") == current

        # A syntax error: shown with its place, the last good view kept; then fixed.
        cards = page.locator("article.q").count()
        _edit(facts, "said: Why not?", 'said: "Why not?')
        page.wait_for_selector(".problems", timeout=5000)
        problem = page.inner_text(".problems")
        assert "facts.yaml:" in problem and "YAML syntax error" in problem and "last version that read" in problem
        assert page.locator("article.q").count() == cards
        _edit(facts, 'said: "Why not?', "said: Why not?")
        page.wait_for_selector(".problems", state="detached", timeout=5000)
        assert page.locator("article.q").count() == cards

        # The article is watched too: a quotation it no longer holds is an error at its fact.
        article = lesson / "article.txt"
        _edit(article, "but only vassals", "but only friends")
        page.wait_for_selector(".problems", timeout=5000)
        assert "vassals" in page.inner_text(".problems") and "facts.yaml:" in page.inner_text(".problems")
        _edit(article, "but only friends", "but only vassals")
        page.wait_for_selector(".problems", state="detached", timeout=5000)


def test_highlights_lead_to_facts_and_facts_to_their_passage(lesson: Path) -> None:
    with page_of(lesson) as page:
        mark = page.locator('mark[data-keys~="mere-instrument"]').first
        mark.click()
        group = page.locator("#fact-mere-instrument")
        assert "flash" in group.get_attribute("class") and group.locator("article.q").count() >= 1
        page.locator("#fact-nato-founded button.passage").click()
        passage = page.locator("mark.flash")
        assert passage.count() >= 1 and "1949" in passage.first.inner_text()


def _import(apkg: Path, tmp_path: Path) -> set[str]:
    col = Collection(str(tmp_path / "student.anki2"))
    try:
        options = ImportAnkiPackageOptions(with_scheduling=False, merge_notetypes=False)
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(apkg), options=options))
        return set(col.db.list("select guid from notes"))
    finally:
        col.close()


def test_a_reviewed_only_build_exports_exactly_the_approved_questions(lesson: Path, tmp_path: Path) -> None:
    with page_of(lesson) as page:
        ids = page.eval_on_selector_all(
            "article.q", "cards => cards.filter(c => c.querySelector('.choices')).map(c => c.dataset.id)"
        )
        chosen = ids[:8]
        verdicts = {qid: ("r", "3") for qid in chosen[1::3]}
        for qid in chosen:  # eight multiple-choice questions, each clicked, then decided by keyboard
            page.locator(f'article.q[data-id="{qid}"] .prompt').click()
            for key in verdicts.get(qid, ("a",)):
                page.keyboard.press(key)
        expect(page.locator('[data-count="rejected"]')).to_have_text(str(len(verdicts)))
        expect(page.locator('[data-count="approved"]')).to_have_text(str(len(chosen) - len(verdicts)))
    approved = [qid for qid in chosen if qid not in verdicts]
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["-v", "build", str(lesson), "--reviewed-only", "-f", "anki,worksheet,quizlet", "--out", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert f"; review: {len(approved)} approved" in result.stdout and "held back" in result.stderr  # -v: notes
    assert _import(out / LESSON / f"{LESSON}.apkg", tmp_path) == {genanki.guid_for(qid) for qid in approved}
    checked = read_lesson(lesson / "facts.yaml")
    questions = {q.id: q for q in build_questions(checked.lesson, checked.contexts()).questions}
    cards = (out / LESSON / f"{LESSON}.quizlet.txt").read_text(encoding="utf-8").splitlines()
    assert sorted(card.split("\t")[0] for card in cards) == sorted(
        " ".join(questions[q].prompt.split()) for q in approved
    )
    sheet = (out / LESSON / "worksheet-A.html").read_text(encoding="utf-8")
    on_sheet = [q for q in questions if str(escape(questions[q].prompt)) in sheet]
    assert on_sheet and set(on_sheet) <= set(approved)
