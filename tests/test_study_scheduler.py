"""The study page's scheduler (SM-2 with four grades), run in headless Chromium as the page runs it.

Expected intervals are worked out here by hand from SM-2's rules (first good 1 day, second 6,
then the interval times the ease of 2.5; hard x1.2 and ease -0.15; easy x ease x1.3 and ease +0.15;
again: back in ten minutes, a lapse once learned, ease -0.2, never below 1.3), not read from the code.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources import files
from typing import Any

import pytest
from playwright.sync_api import Page

from .browser import browser

DAY = 86_400_000
MINUTE = 60_000
NOW = 1_800_000_000_000  # a fixed time in milliseconds


@pytest.fixture(scope="module")
def page() -> Iterator[Page]:
    script = files("studygen").joinpath("templates", "study", "scheduler.js").read_text(encoding="utf-8")
    with browser() as chromium:
        page = chromium.new_page()
        page.set_content("<!DOCTYPE html><title>scheduler</title>")
        page.add_script_tag(content=script + "\nwindow.studyScheduler = studyScheduler;")
        yield page


def run(page: Page, grades: list[str], start: dict[str, Any] | None = None, step_days: float | None = None) -> list:
    """The states after each grade, each review made when the card falls due (or `step_days` apart)."""
    return page.evaluate(
        """([grades, start, now, step]) => {
            let state = start, time = now, out = [];
            for (const g of grades) {
                state = studyScheduler.review(state, g, time);
                out.push(state);
                time = step === null ? Math.max(state.due, time) : time + step;
            }
            return out;
        }""",
        [grades, start, NOW, None if step_days is None else step_days * DAY],
    )


def test_a_new_card_after_each_grade(page: Page) -> None:
    after = {grade: run(page, [grade])[0] for grade in ("again", "hard", "good", "easy")}
    assert after["again"]["due"] == NOW + 10 * MINUTE and after["again"]["interval"] == 0
    assert [after[g]["interval"] for g in ("hard", "good", "easy")] == [1, 1, 4]
    assert [after[g]["due"] for g in ("hard", "good", "easy")] == [NOW + DAY, NOW + DAY, NOW + 4 * DAY]
    assert [round(after[g]["ease"], 2) for g in ("again", "hard", "good", "easy")] == [2.5, 2.35, 2.5, 2.65]
    assert [after[g]["reps"] for g in ("again", "hard", "good", "easy")] == [0, 1, 1, 1]
    assert [after[g]["lapses"] for g in ("again", "hard", "good", "easy")] == [0, 0, 0, 0]  # not learned yet
    assert all(state["last"] == NOW for state in after.values())


def test_intervals_of_review_histories(page: Page) -> None:
    good = [s["interval"] for s in run(page, ["good"] * 6)]
    assert good == [1, 6, 15, 38, 95, 238]  # 6 x 2.5 = 15; 15 x 2.5 = 37.5 -> 38; 38 x 2.5 = 95; 237.5 -> 238
    hard = run(page, ["hard"] * 4)
    assert [s["interval"] for s in hard] == [1, 2, 3, 4]  # x1.2 would not grow a short interval: a day more
    assert [round(s["ease"], 2) for s in hard] == [2.35, 2.2, 2.05, 1.9]
    easy = run(page, ["easy"] * 3)
    assert [s["interval"] for s in easy] == [4, 14, 51]  # 4 x 2.65 x 1.3 = 13.78; 14 x 2.8 x 1.3 = 50.96
    assert [round(s["ease"], 2) for s in easy] == [2.65, 2.8, 2.95]
    mixed = [s["interval"] for s in run(page, ["good", "easy", "hard", "good"])]
    # easy second: 1 x 2.5 x 1.3 = 3.25, but never below good's 6; hard: 6 + 1 (7.2 -> 7), ease back to
    # 2.65 - 0.15 = 2.5; good: 7 x 2.5 = 17.5 -> 18
    assert mixed == [1, 6, 7, 18]


def test_each_review_is_due_its_interval_after_it_was_made(page: Page) -> None:
    states = run(page, ["good", "good", "hard", "easy"], step_days=3)
    for i, state in enumerate(states):
        assert state["last"] == NOW + i * 3 * DAY
        assert state["due"] == state["last"] + state["interval"] * DAY


def test_a_lapse_relearns_from_a_day_with_a_lower_ease(page: Page) -> None:
    states = run(page, ["good", "good", "good", "again", "good", "good", "good", "again"])
    lapse = states[3]
    assert (lapse["interval"], lapse["reps"], lapse["lapses"], round(lapse["ease"], 2)) == (0, 0, 1, 2.3)
    assert lapse["due"] == lapse["last"] + 10 * MINUTE
    assert [s["interval"] for s in states[4:7]] == [1, 6, 14]  # 6 x 2.3 = 13.8
    assert (states[7]["lapses"], round(states[7]["ease"], 2)) == (2, 2.1)


def test_the_ease_never_falls_below_1_3(page: Page) -> None:
    lapses = run(page, ["good", "again"] * 10)
    assert [round(s["ease"], 2) for s in lapses[1::2]] == [2.3, 2.1, 1.9, 1.7, 1.5, 1.3, 1.3, 1.3, 1.3, 1.3]
    assert lapses[-1]["lapses"] == 10
    assert round(run(page, ["hard"] * 20)[-1]["ease"], 2) == 1.3


def test_an_unknown_grade_is_refused(page: Page) -> None:
    with pytest.raises(Exception, match="unknown grade"):
        page.evaluate("studyScheduler.review(null, 'perfect', 0)")


def test_the_buttons_show_when_each_grade_brings_the_card_back(page: Page) -> None:
    learned = run(page, ["good", "good"])[-1]  # interval 6, ease 2.5
    assert page.evaluate("([s, now]) => studyScheduler.preview(s, now)", [learned, NOW]) == {
        "again": "10 min",
        "hard": "7 d",  # max(6 + 1, round(7.2))
        "good": "15 d",
        "easy": "20 d",  # 6 x 2.5 x 1.3 = 19.5
    }


def _state(due_in_ms: int) -> dict[str, Any]:
    return {"reps": 1, "lapses": 0, "ease": 2.5, "interval": 1, "due": NOW + due_in_ms, "last": NOW - DAY}


def test_due_cards_come_first_the_longest_overdue_first_then_new_then_the_soonest(page: Page) -> None:
    keys = ["a", "b", "c", "d", "e", "f"]
    states = {"b": _state(-2 * DAY), "c": _state(-60 * MINUTE), "d": _state(3 * DAY), "f": _state(DAY)}
    order = page.evaluate("([k, s, now]) => studyScheduler.order(k, s, now)", [keys, states, NOW])
    assert order == ["b", "c", "a", "e", "f", "d"]
    assert page.evaluate("([k, s, now]) => studyScheduler.next(k, s, now)", [keys, states, NOW]) == "b"
    assert page.evaluate("([k, s, now]) => studyScheduler.next(k, s, now)", [["d", "f"], states, NOW]) is None


def test_a_failed_card_waits_for_new_cards_but_not_for_nothing(page: Page) -> None:
    failed = run(page, ["good", "again"])[-1]  # due ten minutes after the lapse
    now = failed["last"] + MINUTE
    nxt = "([k, s, now]) => studyScheduler.next(k, s, now)"
    assert page.evaluate(nxt, [["failed", "new"], {"failed": failed}, now]) == "new"
    assert page.evaluate(nxt, [["failed"], {"failed": failed}, now]) == "failed"  # due within 20 minutes
    far = dict(failed, due=now + 21 * MINUTE)
    assert page.evaluate(nxt, [["failed"], {"failed": far}, now]) is None
    assert page.evaluate(nxt, [["failed"], {"failed": far}, now + MINUTE]) == "failed"  # exactly 20 minutes
