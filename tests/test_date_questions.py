"""Date questions read as a teacher would write them, and their choices are plausible and false.

Decades are noun phrases ("the mid-1950s", "the early 1970s") and a part of a decade is asked
"When ...?", not "in what decade"; an event in the passive is asked in question word order;
year choices never fall before what the fact is about began, nor after the article.
"""

from __future__ import annotations

from pathlib import Path

from studygen.dates import parse_date
from studygen.questions import build_questions
from studygen.questions.chronology import inverted

from .conftest import write_lesson

ARTICLE = (
    "When NATO was created in 1949, the Soviet Union proposed joining the alliance.\n"
    "In the mid-1950s, Soviet leaders proposed that the USSR join NATO.\n"
    "In the early 1970s, talks on arms control opened in Helsinki.\n"
    "In 1990, Gorbachev proposed that the Soviet Union might join NATO.\n"
    "In 2000, Putin proposed to Clinton that Russia might join NATO.\n"
)


def _questions(tmp_path: Path, published: str = "2017-06") -> tuple[dict, list]:
    checked = write_lesson(
        tmp_path / "lesson",
        ARTICLE,
        f"lesson: {{id: dates, title: Dates, source: {{file: article.txt, published: {published}}}}}\n"
        "people:\n"
        "  soviet-union: {name: the Soviet Union, kind: group}\n"
        "  soviet-leaders: {name: Soviet leaders, kind: group}\n"
        "  gorbachev: {name: Mikhail Gorbachev, aliases: [Gorbachev], from_teacher: [name]}\n"
        "  putin: {name: Vladimir Putin, aliases: [Putin], from_teacher: [name]}\n"
        "  clinton: {name: Bill Clinton, aliases: [Clinton], from_teacher: [name]}\n"
        "facts:\n"
        "  - {id: nato-founded, kind: event, what: NATO was created, when: 1949,"
        " evidence: When NATO was created in 1949}\n"
        "  - {id: bid-1949, kind: proposal, by: soviet-union, what: joining NATO, when: 1949,"
        " evidence: the Soviet Union proposed joining the alliance}\n"
        "  - {id: bid-1950s, kind: proposal, by: soviet-leaders, what: that the USSR join NATO, when: mid-1950s,"
        " evidence: Soviet leaders proposed that the USSR join NATO}\n"
        "  - {id: helsinki, kind: event, what: talks on arms control opened in Helsinki, when: early-1970s,"
        " evidence: talks on arms control opened in Helsinki}\n"
        "  - {id: bid-1990, kind: proposal, by: gorbachev, what: that the Soviet Union might join NATO, when: 1990,"
        " evidence: 'In 1990, Gorbachev proposed that the Soviet Union might join NATO'}\n"
        "  - {id: bid-2000, kind: proposal, by: putin, to: clinton, what: that Russia might join NATO, when: 2000,"
        " evidence: 'In 2000, Putin proposed to Clinton that Russia might join NATO'}\n",
    )
    assert checked.ok, [d.render() for d in checked.diagnostics]
    made = build_questions(checked.lesson, checked.contexts(), one_sheet=False)
    return {q.id: q for q in made.questions}, made.diagnostics


def _years(choices: tuple[str, ...]) -> list[int]:
    return [int("".join(c for c in choice if c.isdigit())[:4]) for choice in choices]


def test_decades_are_noun_phrases() -> None:
    assert parse_date("mid-1950s").answer() == "the mid-1950s"
    assert parse_date("early-1970s").answer() == "the early 1970s"
    assert parse_date("late-1980s").display() == "the late 1980s"
    assert parse_date("1990s").answer() == "the 1990s"


def test_part_of_a_decade_is_asked_when(tmp_path: Path) -> None:
    questions, _ = _questions(tmp_path)
    mid = questions["dates/bid-1950s/when"]
    assert mid.prompt == "When did Soviet leaders propose that the USSR join NATO?"  # not "in what decade"
    assert mid.answer == "the mid-1950s" and all(c.startswith("the mid-") for c in mid.choices)
    early = questions["dates/helsinki/when"]  # its cloze would ask the same date again
    assert "dates/helsinki/cloze" not in questions and early.answer == "the early 1970s"


def test_a_passive_event_is_asked_in_question_word_order(tmp_path: Path) -> None:
    questions, _ = _questions(tmp_path)
    assert questions["dates/nato-founded/when"].prompt == "In what year was NATO created?"
    assert inverted("NATO was created") == "was NATO created"
    assert inverted("talks on arms control opened in Helsinki") == ""  # kept in its old form


def test_year_choices_stay_within_what_the_fact_is_about_and_the_article(tmp_path: Path) -> None:
    questions, _ = _questions(tmp_path, published="2001")
    bid = questions["dates/bid-1949/when"]
    assert bid.choices and min(_years(bid.choices)) >= 1949  # rejected: 1946-1948, before NATO existed
    for question in questions.values():
        if question.answer_type in ("year", "decade") and question.choices:
            assert max(_years(question.choices)) <= 2001, question.id  # never after the article
    founded = questions["dates/nato-founded/when"]
    assert founded.choices and min(_years(founded.choices)) < 1949  # kept: NATO's own founding year


def test_a_question_without_its_choices_gets_a_note(tmp_path: Path) -> None:
    _, notes = _questions(tmp_path)
    assert any(d.code == "question.no-choices" and "bid-1949" in d.message for d in notes)


def test_a_date_follows_a_gerund_and_precedes_a_that_clause(tmp_path: Path) -> None:
    questions, _ = _questions(tmp_path)
    assert questions["dates/bid-1990/proposal"].prompt == "Who proposed in 1990 that the Soviet Union might join NATO?"
    bid = questions["dates/bid-1949/proposal"]
    assert bid.prompt == "Who proposed joining NATO in 1949?"  # not "proposed in 1949 joining NATO"


def test_claim_questions_never_show_a_date_the_teacher_added(tmp_path: Path) -> None:
    checked = write_lesson(
        tmp_path / "lesson",
        "The network said the series will premiere on Showtime on June 12.\n"
        "\"We should consider a rapprochement with Moscow, and Clinton replied, 'Why not?'\" Putin recalled.\n",
        "lesson: {id: claims, title: Claims, source: {file: article.txt}}\n"
        "people:\n  putin: {name: Putin}\n  clinton: {name: Clinton}\n  network: {name: the network, kind: group}\n"
        "facts:\n"
        "  - {id: premiere, kind: event, what: The series premiered on Showtime, when: 2017-06-12,"
        " according_to: network, from_teacher: [when], evidence: the series will premiere on Showtime on June 12}\n"
        "  - id: recalled\n    kind: quote\n    by: putin\n"
        "    said: \"We should consider a rapprochement with Moscow, and Clinton replied, 'Why not?'\"\n"
        "    according_to: putin\n",
    )
    assert checked.ok, [d.render() for d in checked.diagnostics]
    questions = {q.id: q for q in build_questions(checked.lesson, checked.contexts(), one_sheet=False).questions}
    claim = questions["claims/premiere/claim"]
    assert "2017" not in claim.prompt and "June" not in claim.prompt  # rejected: the teacher's date
    assert claim.prompt.endswith("The series premiered on Showtime.")  # kept: what the article reports
    cloze = questions["claims/recalled/cloze"]
    assert cloze.prompt.endswith("'Why not?'”"), cloze.prompt  # not "'Why not?'”." (doubled punctuation)


def test_dates_of_one_year_are_put_in_order_by_day(tmp_path: Path) -> None:
    """Events days apart in one year have one right order; a bare year overlaps them and is left out."""
    article = (
        "On 3 May 1911 the strike began at the Harwell docks.\n"
        "On 19 May 1911 troops arrived in the town.\n"
        "On 2 June 1911 the owners offered a shorter working day.\n"
        "Later in 1911 the union doubled its membership.\n"
        "On 14 March 1912 the docks were sold.\n"
    )
    events = [
        ("strike", "the strike began at the Harwell docks", "1911-05-03", "On 3 May 1911 the strike began"),
        ("troops", "troops arrived in the town", "1911-05-19", "On 19 May 1911 troops arrived"),
        ("offer", "the owners offered a shorter working day", "1911-06-02", "On 2 June 1911 the owners offered"),
        ("members", "the union doubled its membership", "1911", "Later in 1911 the union doubled its membership"),
        ("sold", "the docks were sold", "1912-03-14", "On 14 March 1912 the docks were sold"),
    ]
    facts = "".join(
        f"  - {{id: {key}, kind: event, what: {what}, when: {when}, evidence: {evidence}}}\n"
        for key, what, when, evidence in events
    )
    header = "lesson: {id: docks, title: Docks, source: {file: article.txt}}\npeople: {}\nfacts:\n"
    checked = write_lesson(tmp_path / "docks", article, header + facts)
    assert checked.ok, [str(d) for d in checked.diagnostics]
    questions = build_questions(checked.lesson, checked.contexts(), one_sheet=False).questions
    (timeline,) = [q for q in questions if q.kind == "chronology"]
    assert timeline.facts == ("strike", "troops", "offer", "sold")
    assert [date for date, _ in timeline.pairs] == ["3 May 1911", "19 May 1911", "2 June 1911", "14 March 1912"]
