"""Every shipped lesson, read as a teacher would hand it out: it checks clean, its questions keep the
meaning rules whatever the article, and its committed decks and worksheets are what a build makes.

The rules here are restated from the README, not imported from the engine, so that a bug in the
engine's own check cannot hide itself."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from wordfreq import zipf_frequency

from studygen.build import build_lessons
from studygen.diagnostics import Severity
from studygen.export.manifest import MANIFEST_NAME
from studygen.lessons import read_lesson
from studygen.model import Lesson
from studygen.questions import Question, build_questions

from .conftest import ROOT

SHIPPED = sorted((ROOT / "seeds").glob("*/facts.yaml"))
TEACHER, ARTICLE = "the teacher", "the article"
YEAR = re.compile(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


@pytest.fixture(scope="module", params=SHIPPED, ids=[p.parent.name for p in SHIPPED])
def shipped(request: pytest.FixtureRequest) -> tuple[Lesson, list[Question]]:
    checked = read_lesson(request.param)
    assert checked.ok and checked.lesson is not None
    problems = [str(d) for d in checked.diagnostics if d.severity in (Severity.ERROR, Severity.WARNING)]
    assert not problems, problems
    return checked.lesson, build_questions(checked.lesson, checked.contexts()).questions


def test_there_are_four_lessons_of_different_kinds_each_with_25_facts(shipped) -> None:
    lesson, questions = shipped
    assert len(SHIPPED) >= 4
    kinds = {fact.kind for fact in lesson.facts}
    assert len(lesson.facts) >= 25 and kinds == {"quote", "proposal", "event"}
    assert any(f.according_to for f in lesson.facts), "claims"
    assert any(f.reply for f in lesson.facts), "proposals with replies"
    assert any(role.when for person in lesson.people.values() for role in person.roles), "offices with tenures"
    teacher = [f for f in lesson.facts if f.from_teacher] + [p for p in lesson.people.values() if p.from_teacher]
    teacher += [r for p in lesson.people.values() for r in p.roles if r.from_teacher]
    assert teacher, "values a teacher added"
    # Read as one sheet, about half of every kind's questions give another away; a second "Who said ...?"
    # of words "he added" to a passage, and its cloze, are among them (judges): 18 at least remain.
    assert len(questions) >= 18


def test_every_year_a_question_states_is_the_articles_or_marked_as_the_teachers(shipped) -> None:
    lesson, questions = shipped
    for q in questions:
        stated = " ".join(
            [q.prompt, q.answer, q.cloze.filled() if q.cloze else "", *q.items, *(f"{a} {b}" for a, b in q.pairs)]
        )
        stated = QUOTED.sub("", stated)  # a quotation is checked against the article word for word
        for year in set(YEAR.findall(stated)):
            if year in lesson.article:
                continue
            givers = {giver for value, giver in q.sources if year in value}
            # The teacher's whole value, or its year ("the article; the year from the teacher").
            assert any(g == TEACHER or "year" in g.partition("; ")[2] for g in givers), (q.id, year, q.sources)


def test_a_date_is_given_by_the_person_the_question_says(shipped) -> None:
    lesson, questions = shipped
    names = {p.name for p in lesson.people.values()}
    for q in questions:
        for value, given_by in q.sources:
            giver, _, parts = given_by.partition("; ")  # "the article; the year from the teacher"
            assert giver in (TEACHER, ARTICLE) or giver in names, (q.id, value, giver)
            assert not parts or parts.endswith(" from the teacher"), (q.id, value, given_by)
            # A timeline says whose account each event is, a matching item whose account each quotation is.
            shown = " ".join([q.prompt, *q.items, *(m.prompt for m in q.matches)])
            if giver in names and q.kind != "claim" and value not in (q.answer, *q.alternatives):
                assert giver in shown or giver.split()[-1] in shown, (q.id, value, giver)
            if giver in names and q.kind == "when":
                # "According to X, in what year ...": the date is X's, and the question says so.
                assert q.according_to and giver in q.according_to, (q.id, giver, q.according_to)


def test_claim_questions_hold_no_value_the_teacher_added(shipped) -> None:
    lesson, questions = shipped
    facts = {f.id: f for f in lesson.facts}
    for q in (q for q in questions if q.kind == "claim"):
        fact = facts[q.fact]
        assert "*" not in fact.from_teacher
        if "when" in fact.from_teacher and fact.when is not None:
            assert fact.when.display() not in q.prompt, q.id
        assert not any(giver.endswith(TEACHER) for _, giver in q.sources), q.id  # nor a part: "the year from ..."


def test_every_cloze_blank_carries_meaning(shipped) -> None:
    lesson, questions = shipped
    facts = {f.id: f for f in lesson.facts}
    names = {word for p in lesson.people.values() for name in p.names for word in name.split()}
    for q in (q for q in questions if q.kind == "cloze"):
        answer = q.answer
        if any(ch.isdigit() for ch in answer) or set(answer.split()) <= names:
            continue  # a date, a number or a name
        chosen = facts[q.fact].blank or ""
        assert answer == chosen or answer.lower() in lesson.questions.key_terms or zipf_frequency(answer, "en") < 4.0, (
            q.id,
            answer,
        )


def test_year_choices_stay_inside_the_article_and_the_lessons_period(shipped) -> None:
    lesson, questions = shipped
    latest = lesson.source.published.end if lesson.source.published else 9999
    for q in (q for q in questions if q.answer_type in ("year", "decade") and q.choices):
        years = [int(YEAR.search(c).group()) for c in q.choices]
        assert years == sorted(years) and max(years) <= latest, (q.id, q.choices)


def test_choices_differ_in_meaning(shipped) -> None:
    _, questions = shipped
    for q in (q for q in questions if q.choices):
        folded = [re.sub(r"\W+", " ", c).strip().casefold() for c in q.choices]
        assert len(set(folded)) == len(folded), (q.id, q.choices)
        assert not {"established fact", "reported as fact"} <= set(folded), q.id


def test_no_doubled_names_or_punctuation(shipped) -> None:
    lesson, questions = shipped
    for q in questions:
        for text in (q.prompt, q.cloze.filled() if q.cloze else q.prompt):
            outside = QUOTED.sub("“”", text)
            for person in lesson.people.values():
                assert outside.count(person.name) <= 1, (q.id, person.name, text)
            assert not re.search(r"[.?!,;:][”’\"']?[.?!,;:]", text.replace("...", "…")), (q.id, text)
            assert "  " not in text and not re.search(r"\b(\w+) \1\b", outside, re.IGNORECASE), (q.id, text)


def test_no_wrong_answer_is_named_in_its_question(shipped) -> None:
    """Named by the full name, an alias, or a surname no one else in the lesson has."""
    lesson, questions = shipped
    surnames = Counter(p.name.split()[-1] for p in lesson.people.values() if p.kind == "person")
    forms = {choice: {choice} for q in questions for choice in q.choices}
    for person in lesson.people.values():
        surname = person.name.split()[-1]
        unshared = {surname} if person.kind == "person" and surnames[surname] == 1 else set()
        forms[person.name] = {person.name, *person.aliases, *unshared}
    for q in (q for q in questions if q.choices):
        for index, choice in enumerate(q.choices):
            if index != q.correct and q.answer_type in ("person", "group"):
                for form in forms[choice]:
                    assert not re.search(rf"(?<!\w){re.escape(form)}(?!\w)", q.prompt), (q.id, choice, form)


def test_committed_outputs_are_what_a_build_makes(tmp_path: Path) -> None:
    """Decks and worksheets of every shipped lesson, byte for byte (run `studygen build` after a change)."""
    out = tmp_path / "decks"
    lessons = []
    for facts in SHIPPED:
        checked = read_lesson(facts)
        assert checked.lesson is not None
        lessons.append((checked.lesson, build_questions(checked.lesson, checked.contexts())))
        committed = ROOT / "decks" / checked.lesson.id
        (out / checked.lesson.id).mkdir(parents=True)
        shutil.copy(committed / MANIFEST_NAME, out / checked.lesson.id / MANIFEST_NAME)
    build_lessons(lessons, out, now=2_000_000_000)
    for lesson, _ in lessons:
        built = sorted(p.name for p in (out / lesson.id).iterdir())
        committed = ROOT / "decks" / lesson.id
        assert built == sorted(p.name for p in committed.iterdir()), lesson.id
        for name in built:
            assert (out / lesson.id / name).read_bytes() == (committed / name).read_bytes(), (lesson.id, name)
