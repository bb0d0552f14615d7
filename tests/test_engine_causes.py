"""What a teacher judged wrong in lessons the project had never seen, reproduced on an invented
profile of our own (`tests/lessons/profile`) and fixed by general rules: exclusions that hold
across kinds, a profile's subject as the answer, office choices of the right side and party,
accepted names that name the person, year choices after a birth, and claim choices that fit.

Each rule has a case it must reject and one it must keep.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from studygen.lessons import read_lesson
from studygen.model import Lesson
from studygen.questions import Question, QuestionSet, build_questions
from studygen.questions.base import Draft, accepted_names
from studygen.questions.offices import office_holder_questions, office_questions, parties_in
from studygen.questions.sourcing import claim_questions

from .conftest import ROOT, write_lesson

LESSON = ROOT / "tests" / "lessons" / "profile"
ARTICLE = (LESSON / "article.txt").read_text(encoding="utf-8")
FACTS = (LESSON / "facts.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def profile() -> tuple[Lesson, QuestionSet]:
    checked = read_lesson(LESSON / "facts.yaml")
    assert checked.ok and checked.lesson is not None, [d.render() for d in checked.diagnostics]
    return checked.lesson, build_questions(checked.lesson, checked.contexts(), one_sheet=False)


@pytest.fixture(scope="module")
def questions(profile) -> dict[str, Question]:
    return {q.id: q for q in profile[1].questions}


def _build(tmp_path: Path, facts: str, article: str = ARTICLE) -> tuple[Lesson, dict[str, Question]]:
    checked = write_lesson(tmp_path / "lesson", article, facts)
    assert checked.ok and checked.lesson is not None, [d.render() for d in checked.diagnostics]
    made = build_questions(checked.lesson, checked.contexts(), one_sheet=False)
    return checked.lesson, {q.id: q for q in made.questions}


def _drafts(kind, lesson: Lesson) -> dict[str, Draft]:
    return {d.key: d for d in kind(lesson) if not d.left_out}


# -- 1. an exclusion holds for every kind that asks the same thing ------------------------------


def test_a_fact_excluded_from_when_gets_no_cloze_on_its_date(questions) -> None:
    assert "profile/ridley-dies/cloze" not in questions  # rejected: its blank would be the excluded date
    assert not any(q.fact == "ridley-dies" and q.answer == "1994" for q in questions.values())
    assert questions["profile/hotel/when"].answer == "1994"  # kept: the same year, of a fact not excluded


def test_without_the_exclusion_the_date_is_asked_by_when_and_not_twice(tmp_path: Path) -> None:
    _, made = _build(tmp_path, FACTS.replace("    when: [ridley-dies]", "    when: []"))
    assert made["profile/ridley-dies/when"].answer == "1994"
    assert "profile/ridley-dies/cloze" not in made  # one date question per event


def test_skipping_the_when_kind_leaves_the_date_to_the_cloze(tmp_path: Path) -> None:
    # `skip_kinds` chooses the forms of question, `exclude` what is not asked: the date is still worth a blank.
    _, made = _build(tmp_path, FACTS.replace("questions:\n", "questions:\n  skip_kinds: [when]\n"))
    assert made["profile/by-elections/cloze"].prompt == "Labour lost four by-elections in [...]."
    assert "profile/ridley-dies/cloze" not in made  # still excluded


def test_a_fact_excluded_from_proposal_gets_no_cloze_on_its_proposer_and_no_claim(profile, questions) -> None:
    assert not any(q.fact == "arrest-figures" for q in questions.values())  # rejected: cloze, proposal, claim
    assert "arrest-figures" not in _drafts(claim_questions, profile[0])
    assert questions["profile/police-pay/cloze"].answer == "Grace Penhale"  # kept: the other proposal
    assert questions["profile/police-pay/proposal"].answer == "Grace Penhale"
    assert "police-pay" in _drafts(claim_questions, profile[0])


def test_a_quotation_excluded_from_attribution_is_not_matched_to_its_speaker(questions) -> None:
    matched = [left for q in questions.values() if q.kind == "matching" for left, _ in q.pairs]
    assert not any("small things" in left for left in matched)  # rejected: who said it, asked again
    assert any("coldest eye" in left for left in matched)  # kept


# -- 2. the person the title names, asked "who held it?" ----------------------------------------


def test_who_held_an_office_is_not_asked_of_the_person_the_title_names(profile, questions) -> None:
    assert "profile/marlowe.home-secretary/office-holder" not in questions  # rejected: guessed from the title
    notes = [d.message for d in profile[1].diagnostics]
    assert any("'marlowe.home-secretary'" in n and "in the lesson's title" in n for n in notes)
    assert questions["profile/marlowe.home-secretary/office"].answer == "Home Secretary"  # kept: the reverse
    assert questions["profile/fenwick-hale.home-secretary/office-holder"].answer == "Walter Fenwick Hale"
    assert questions["profile/sentences/proposal"].answer == "Edith Marlowe"  # whose proposal: kept


# -- 3. office choices of the right side, party and time ----------------------------------------


def test_office_choices_are_of_the_persons_side_and_party(profile) -> None:
    drafts = _drafts(office_questions, profile[0])
    shadow = drafts["penhale.shadow-foreign-secretary"].candidates
    # rejected: government posts; kept: a party's own post and a seat, which fit either side
    assert shadow and all("Shadow" in t or parties_in(t) or t == "MP for Linmouth" for t in shadow), shadow
    assert "Leader of the Labour Party" in shadow
    for key in ("marlowe.home-secretary", "penhale.foreign-secretary", "vance.leader-of-the-labour-party"):
        assert not any(parties_in(t) - {"labour"} for t in drafts[key].candidates), key  # rejected: Tory posts
    tory = drafts["dane.tory-spokesman-on-trade"].candidates
    # rejected: Labour's government posts in a year the lesson shows Labour in government
    assert not {"Foreign Secretary", "Chancellor of the Exchequer", "Prime Minister", "Home Secretary"} & set(tory)
    assert "Tory spokesman on health" in tory  # kept: a post of his party (and the opposition's shadow posts)
    labour_pm = drafts["vance.prime-minister"].candidates
    assert "Home Secretary" not in labour_pm  # rejected: the title's subject held it the whole time
    assert "Chancellor of the Exchequer" not in labour_pm  # rejected: a Tory held it then
    home = drafts["marlowe.home-secretary"].candidates
    assert {"Prime Minister", "Foreign Secretary"} <= set(home)  # kept: her party's posts, held by others then


def test_office_holder_choices_are_of_the_holders_party_and_alive_then(profile) -> None:
    drafts = _drafts(office_holder_questions, profile[0])
    leader = drafts["vance.leader-of-the-labour-party"].candidates
    assert not {"Giles Orme", "Rupert Dane"} & set(leader)  # rejected: Tories as Labour's leader
    assert "Tom Ridley" in leader  # kept: Labour, alive in 1989
    assert "Tom Ridley" not in drafts["penhale.foreign-secretary"].candidates  # rejected: dead since 1994
    assert "Tom Ridley" in drafts["penhale.shadow-foreign-secretary"].candidates  # kept: alive in 1990
    assert not {"Edith Marlowe", "Harold Vance"} & set(drafts["orme.chancellor-of-the-exchequer"].candidates)


def test_posts_held_by_others_stay_choices_when_the_lesson_names_no_party(tmp_path: Path) -> None:
    facts = re.sub(r" +description: Labour politician\n", "", FACTS)
    facts = facts.replace("title: Tory spokesman", "title: Spokesman").replace(
        "title: Leader of the Labour Party", "title: Party leader"
    )
    lesson, _ = _build(tmp_path, facts)
    home = _drafts(office_questions, lesson)["marlowe.home-secretary"].candidates
    assert "Prime Minister" in home and "Foreign Secretary" in home
    chancellor = _drafts(office_holder_questions, lesson)["orme.chancellor-of-the-exchequer"].candidates
    assert "Harold Vance" in chancellor  # no party known: a fair confusion


# -- 4. accepted answers name the person ---------------------------------------------------------


def test_accepted_names_are_names_of_the_person(profile, questions) -> None:
    lesson = profile[0]
    assert accepted_names(lesson, "fenwick-hale") == ("Fenwick Hale",)  # rejected: "Hale" of a two-word surname
    assert accepted_names(lesson, "ilona") == ()  # rejected: "Brask", the place she is of
    assert questions["profile/committees/attribution"].alternatives == ()
    assert accepted_names(lesson, "dane") == ("Dane",)  # kept: a first name and a surname
    assert accepted_names(lesson, "marlowe") == ("Ms Marlowe", "Marlowe")  # kept: the teacher's aliases
    assert questions["profile/fenwick-hale.home-secretary/office-holder"].alternatives == ("Fenwick Hale",)


def test_the_last_word_of_a_long_name_is_accepted_where_the_article_uses_it_alone(tmp_path: Path) -> None:
    lesson, _ = _build(tmp_path, FACTS, ARTICLE + "\nHale was later knighted.\n")
    assert accepted_names(lesson, "fenwick-hale") == ("Hale",)


def test_a_title_before_a_name_is_not_part_of_it(tmp_path: Path) -> None:
    facts = FACTS.replace("Walter Fenwick Hale", "Sir Walter Hale")
    lesson, _ = _build(tmp_path, facts, ARTICLE.replace("Walter Fenwick Hale", "Sir Walter Hale"))
    assert accepted_names(lesson, "fenwick-hale") == ("Hale",)  # a first name and a surname, after 'Sir'


# -- 5. year choices after the birth of the person they are about -------------------------------


def test_a_year_before_or_at_the_persons_birth_is_no_choice(questions) -> None:
    hotel = questions["profile/hotel/when"]  # names 'Marlowe' only, among its people
    assert all(int(y) > 1950 for y in hotel.choices), hotel.choices  # rejected: her birth year
    easthaven = questions["profile/easthaven/when"]
    assert all(int(y) > 1950 for y in easthaven.choices)
    assert "1949" in questions["profile/born/when"].choices  # kept: the birth itself is asked around its year


# -- 6. 'fact or account?' with choices that fit -------------------------------------------------


def test_a_birth_or_a_death_stated_as_fact_is_not_asked_fact_or_account(profile) -> None:
    drafts = _drafts(claim_questions, profile[0])
    assert "son-dies" not in drafts and "born" not in drafts  # rejected: nobody's account
    assert "by-elections" in drafts  # kept: a public event stated as fact


def test_a_claim_never_offers_the_account_of_someone_its_statement_names(profile) -> None:
    drafts = _drafts(claim_questions, profile[0])
    assert drafts["sentences"].variables["statement"].startswith("Edith Marlowe proposed")
    assert "Edith Marlowe's account" not in drafts["sentences"].candidates  # rejected
    assert "Edith Marlowe's account" not in drafts["leaked"].candidates  # 'Marlowe had leaked ...'
    assert "Edith Marlowe's account" in drafts["by-elections"].candidates  # kept: the statement names her not
    assert len(drafts["sentences"].candidates) >= 3  # the lesson's other accounts fill the choices
