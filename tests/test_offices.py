"""Office questions ask about offices, and never offer a wrong answer that is also true.

Each rule has a case it must reject and one it must keep: descriptions make no office
questions; a person's own title under another name is never a distractor; whoever the
lesson says held an office at the asked time is never offered as wrong; a rank word
("Deputy") makes another office, not a variant.
"""

from __future__ import annotations

from pathlib import Path

from studygen.questions import KINDS, build_questions
from studygen.questions.base import ranked_people
from studygen.questions.offices import is_variant, office_words

from .conftest import write_lesson


def _lesson(tmp_path: Path, people: str):
    """A checked lesson with these people (YAML)."""
    checked = write_lesson(
        tmp_path / "lesson",
        "Officials met in the capital to discuss the treaty.\n",
        "lesson: {id: offices, title: Offices, source: {file: article.txt}}\n"
        f"people:\n{people}"
        "facts:\n  - {id: met, kind: event, what: Officials met, evidence: Officials met in the capital}\n",
    )
    assert checked.ok, [d.render() for d in checked.diagnostics]
    return checked


def _questions(tmp_path: Path, people: str) -> dict[str, object]:
    """The office and office-holder questions of a lesson with these people (YAML), by id."""
    checked = _lesson(tmp_path, people)
    questions = build_questions(checked.lesson, checked.contexts(), one_sheet=False).questions
    return {q.id: q for q in questions if q.kind in ("office", "office-holder")}


def _draft(tmp_path: Path, people: str, kind: str, key: str):
    """One draft of a kind: its candidates and true values decide the choices, whatever the seed."""
    lesson = _lesson(tmp_path, people).lesson
    return next(d for d in KINDS[kind].make(lesson) if d.key == key)


def _person(pid: str, name: str, *roles: str) -> str:
    lines = [f"  {pid}:", f"    name: {name}", "    from_teacher: true", "    roles:"]
    lines += [f"      - {{{role}, from_teacher: true}}" for role in roles]
    return "\n".join(lines) + "\n"


def test_a_description_makes_no_office_question_and_is_no_distractor(tmp_path: Path) -> None:
    questions = _questions(
        tmp_path,
        _person("lukyanov", "Fyodor Lukyanov", "title: political analyst, kind: description")
        + _person("ivanov", "Igor Ivanov", "title: Russian Foreign Minister, when: 1998-2004")
        + _person("putin", "Vladimir Putin", "title: President of Russia, when: 2000")
        + _person("baker", "James Baker", "title: US Secretary of State, when: 1990")
        + _person("clinton", "Bill Clinton", "title: President of the United States, when: 1993-2001")
        + _person("sergeyev", "Igor Sergeyev", "title: Russian Defence Minister, when: 1997-2001")
        + _person("kasyanov", "Mikhail Kasyanov", "title: Russian Prime Minister, when: 2000-2004"),
    )
    assert not any("lukyanov" in key for key in questions)  # rejected: an analyst holds no office
    office = questions["offices/ivanov.russian-foreign-minister/office"]  # kept: an office
    # The roles are all the teacher's (from_teacher: true), their years too: said so on the front.
    assert (
        office.prompt
        == "What office did Igor Ivanov hold from 1998 to 2004? The years are your teacher's, not the article's."
    )
    assert "political analyst" not in office.choices and len(office.choices) == 4


def test_a_variant_of_the_persons_own_title_is_never_a_distractor(tmp_path: Path) -> None:
    people = (
        _person("wilson", "Harold Wilson", "title: Labour prime minister, when: 1964-1970")
        + _person("heath", "Edward Heath", "title: Prime Minister, when: 1970-1974")
        + _person("brown", "George Brown", "title: Foreign Secretary, when: 1966-1968")
        + _person("jenkins", "Roy Jenkins", "title: Chancellor of the Exchequer, when: 1967-1970")
        + _person("castle", "Barbara Castle", "title: Secretary of State for Employment, when: 1968-1970")
    )
    draft = _draft(tmp_path, people, "office", "wilson.labour-prime-minister")
    assert "Prime Minister" not in draft.candidates  # rejected: the same office, named otherwise
    assert "Foreign Secretary" in draft.candidates  # kept: another office
    office = _questions(tmp_path / "again", people)["offices/wilson.labour-prime-minister/office"]
    assert sorted(office.choices) == sorted(
        [
            "Labour prime minister",
            "Foreign Secretary",
            "Chancellor of the Exchequer",
            "Secretary of State for Employment",
        ]
    )


def test_who_held_an_office_never_offers_someone_who_held_it_then(tmp_path: Path) -> None:
    people = (
        _person("bush", "George H. W. Bush", "title: US President, when: 1989-1993")
        + _person("clinton", "Bill Clinton", "title: President of the United States, when: 1993-2001")
        + _person("baker", "James Baker", "title: US Secretary of State, when: 1989-1992")
        + _person("gore", "Al Gore", "title: US Vice President, when: 1993-2001")
        + _person("major", "John Major", "title: Prime Minister, when: 1990-1997")
    )
    draft = _draft(tmp_path, people, "office-holder", "clinton.president-of-the-united-states")
    assert "George H. W. Bush" in draft.true_values  # rejected as a distractor: in office in 1993 too
    assert "Al Gore" not in draft.true_values and "Al Gore" in draft.candidates  # kept
    clinton = _questions(tmp_path / "again", people)["offices/clinton.president-of-the-united-states/office-holder"]
    assert clinton.answer == "Bill Clinton" and "George H. W. Bush" not in clinton.choices


def test_a_year_two_presidents_share_has_no_holder_question(tmp_path: Path) -> None:
    people = (
        _person("bush", "George H. W. Bush", "title: US President, when: 1989-1993")
        + _person("clinton", "Bill Clinton", "title: President of the United States, when: 1993")
        + _person("yeltsin", "Boris Yeltsin", "title: President of Russia, when: 1991-1999")
    )
    questions = _questions(tmp_path, people)
    assert "offices/clinton.president-of-the-united-states/office-holder" not in questions  # two answers
    assert "offices/yeltsin.president-of-russia/office-holder" in questions
    checked = _lesson(tmp_path / "notes", people)
    notes = build_questions(checked.lesson, checked.contexts(), one_sheet=False).diagnostics
    assert any("George H. W. Bush also held" in d.message and "clinton" in d.message for d in notes)


def test_overlapping_offices_are_left_out_with_a_note(tmp_path: Path) -> None:
    people = _person("putin", "Vladimir Putin", "title: President of Russia, when: 2000-2008",
                     "title: Chairman of the Security Council, when: 2000") + _person(
        "ivanov", "Igor Ivanov", "title: Russian Foreign Minister, when: 1998-2004")  # fmt: skip
    checked = _lesson(tmp_path, people)
    made = build_questions(checked.lesson, checked.contexts(), one_sheet=False)
    ids = {q.id for q in made.questions}
    assert "offices/putin.president-of-russia/office" not in ids  # rejected: two offices in 2000
    assert any("held another office at the same time" in d.message for d in made.diagnostics)
    assert "offices/ivanov.russian-foreign-minister/office" in ids  # kept: one office at a time


def test_variants_and_ranks() -> None:
    same = [
        ("NATO General Secretary", "NATO Secretary General"),
        ("US Secretary of State", "Secretary of State"),
        ("US President", "President of the United States"),
        ("Prime Minister", "Labour prime minister"),
    ]
    different = [
        ("Foreign Minister", "Deputy Foreign Minister"),
        ("President", "Vice President"),
        ("President of Russia", "President of the United States"),
        ("Secretary of State", "Under Secretary of State"),
    ]
    for a, b in same:
        assert is_variant(office_words(a), office_words(b)), (a, b)
    for a, b in different:
        assert not is_variant(office_words(a), office_words(b)), (a, b)


def test_two_names_of_one_office_are_never_both_offered(tmp_path: Path) -> None:
    people = (
        _person("wilson", "Harold Wilson", "title: Chancellor of the Exchequer, when: 1964-1970")
        + _person("bush", "George H. W. Bush", "title: US President, when: 1989-1993")
        + _person("clinton", "Bill Clinton", "title: President of the United States, when: 1993-2001")
        + _person("brown", "George Brown", "title: Foreign Secretary, when: 1966-1968")
        + _person("heath", "Edward Heath", "title: Prime Minister, when: 1970-1974")
    )
    draft = _draft(tmp_path, people, "office", "wilson.chancellor-of-the-exchequer")
    presidents = [t for t in draft.candidates if "President" in t]
    assert len(presidents) == 1, draft.candidates  # rejected: the same office twice
    assert "Foreign Secretary" in draft.candidates and "Prime Minister" in draft.candidates  # kept


def test_people_distractors_are_office_holders_before_people_described(tmp_path: Path) -> None:
    people = (
        _person("stone", "Oliver Stone", "title: film-maker, kind: description")
        + _person("lukyanov", "Fyodor Lukyanov", "title: political analyst, kind: description")
        + _person("baker", "James Baker", "title: US Secretary of State, when: 1990")
        + _person("ivanov", "Igor Ivanov", "title: Russian Foreign Minister, when: 1998-2004")
        + _person("robertson", "George Robertson", "title: NATO Secretary General, when: 1999-2003")
    )
    checked = _lesson(tmp_path, people)
    ranked = ranked_people(checked.lesson, [])
    assert ranked[:3] == ("James Baker", "Igor Ivanov", "George Robertson")  # kept first: office holders
    assert set(ranked[3:]) == {"Oliver Stone", "Fyodor Lukyanov"}  # last: a film-maker and an analyst


def test_a_seat_many_hold_at_once_is_asked_as_an_office_not_who_held_it(tmp_path: Path) -> None:
    questions = _questions(
        tmp_path,
        _person(
            "fenn",
            "Alma Fenn",
            "title: Member of Parliament, when: 1945",
            "title: Mayor of Kestrel Bay, when: 1938",
        )
        + _person("rowe", "Ida Rowe", "title: U.S. Senator, when: 1950")
        + _person("pym", "Arthur Pym", "title: Speaker of the House, when: 1950"),
    )
    assert "offices/fenn.member-of-parliament/office" in questions  # "What office did Alma Fenn hold in 1945?"
    assert "offices/fenn.member-of-parliament/office-holder" not in questions  # hundreds held it in 1945
    assert "offices/rowe.u-s-senator/office" in questions
    assert "offices/rowe.u-s-senator/office-holder" not in questions
    assert "offices/fenn.mayor-of-kestrel-bay/office-holder" in questions  # one mayor at a time
    assert "offices/pym.speaker-of-the-house/office-holder" in questions
