"""The question engine over the first lesson and two fixture lessons of other shapes."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from studygen.lessons import read_lesson
from studygen.model import ARTICLE, Lesson
from studygen.questions import KINDS, Question, build_questions
from studygen.questions.sourcing import ARTICLE_ANSWER

from .conftest import ROOT, SEED, write_lesson

SHIPPED = {path.parent.name: path for path in sorted((ROOT / "seeds").glob("*/facts.yaml"))}
LESSONS = {
    **SHIPPED,
    "biography": ROOT / "tests" / "lessons" / "biography" / "facts.yaml",
    "treaty": ROOT / "tests" / "lessons" / "treaty" / "facts.yaml",
}
GOLDEN = ROOT / "tests" / "golden"


def _build(path: Path, one_sheet: bool = True) -> tuple[Lesson, list[Question]]:
    checked = read_lesson(path)
    assert checked.ok and checked.lesson is not None, checked.diagnostics
    return checked.lesson, build_questions(checked.lesson, checked.contexts(), one_sheet=one_sheet).questions


def _mentions(text: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word.lower())}(?!\w)", text.lower()) is not None


@pytest.fixture(scope="module", params=list(LESSONS))
def built(request: pytest.FixtureRequest) -> tuple[Lesson, list[Question]]:
    return _build(LESSONS[request.param])


def test_first_lesson_has_enough_questions_and_kinds() -> None:
    _, questions = _build(SEED, one_sheet=False)
    kinds = Counter(q.kind for q in questions)
    assert len(questions) >= 40
    assert len(kinds) >= 8, kinds
    # Read as one sheet, about half are left out as giving another away (issue 26): enough remain.
    _, questions = _build(SEED)
    kinds = Counter(q.kind for q in questions)
    assert len(questions) >= 18  # a second "Who said ...?" of words "he added" gives the first away (judges)
    assert len(kinds) >= 6, kinds


def test_answer_never_given_away(built: tuple[Lesson, list[Question]]) -> None:
    lesson, questions = built
    for q in questions:
        shown = " ".join([q.prompt, *q.items])
        words = [q.answer, *q.alternatives]
        person = next((p for p in lesson.people.values() if p.name == q.answer), None)
        if person is not None:
            words += list(person.names)
        for word in words:
            assert not _mentions(shown, word.strip("“”")), (q.id, word, q.prompt)


def test_wording_is_clean(built: tuple[Lesson, list[Question]]) -> None:
    _, questions = built
    for q in questions:
        for text in (q.prompt, q.answer, *q.choices, *q.items):
            assert "{{" not in text and "{%" not in text, q.id
            assert not re.search(r"\bNone\b", re.sub(r"“[^”]*”", "", text)), (q.id, text)
            assert "  " not in text and text == text.strip(), (q.id, text)
            assert not re.search(r"\b(\w+) \1\b", text, re.IGNORECASE), (q.id, text)
        assert q.prompt[0].isupper(), q.prompt
        assert q.prompt.rstrip("”’'\"").endswith(("?", ".", "!", "]")), q.prompt
        assert not re.search(r"\ba [aeio]", q.prompt, re.IGNORECASE), q.prompt


def test_answers_are_short_and_quotations_stay_in_the_question(built: tuple[Lesson, list[Question]]) -> None:
    _, questions = built
    for q in questions:
        if q.answer_type not in ("order", "pairs"):
            assert len(q.answer.split()) <= 8, (q.id, q.answer)


def test_every_question_knows_its_origin(built: tuple[Lesson, list[Question]]) -> None:
    lesson, questions = built
    fact_ids = {f.id for f in lesson.facts}
    for q in questions:
        assert q.lesson == lesson.id and q.kind in KINDS and q.skill
        assert q.source == lesson.source.citation()
        assert set(q.facts) <= fact_ids
        assert q.fact in fact_ids or q.kind in ("office", "office-holder", "chronology", "matching")


def test_attributed_facts_keep_their_attribution(built: tuple[Lesson, list[Question]]) -> None:
    lesson, questions = built
    facts = {f.id: f for f in lesson.facts}
    for q in questions:
        for fact_id in q.facts:
            fact = facts[fact_id]
            if fact.according_to is None:
                continue
            owner = lesson.owner_name(fact.according_to)  # the name; the account may add its date
            assert owner is not None
            shown = " ".join([q.prompt, *q.items, *(left for left, _ in q.pairs)])
            if q.kind == "claim":  # the attribution is the answer
                expected = ARTICLE_ANSWER if fact.according_to == ARTICLE else owner
                answer = q.answer.lower().removeprefix("the account of ")  # "The account of Sudmark's historians"
                assert answer.startswith(expected.lower()), (q.id, q.answer)
            elif fact.according_to == fact.by and q.answer == lesson.people[fact.by].name:
                assert "recall" in q.prompt, q.prompt  # "Who recalls proposing ...": the account is the speaker's own
            else:
                assert owner in shown or owner.split()[-1] in shown, (q.id, shown)
            if len(q.facts) == 1:
                assert q.according_to and owner in q.according_to


def test_one_answer_per_question(built: tuple[Lesson, list[Question]]) -> None:
    lesson, questions = built
    seen: dict[tuple[str, str, tuple[str, ...]], str] = {}
    for q in questions:
        key = (q.kind, q.prompt, q.items or tuple(left for left, _ in q.pairs))
        assert seen.setdefault(key, q.answer) == q.answer, (q.id, q.prompt)
    # The four proposals to join NATO differ only by year: a question about one must carry it.
    for q in questions:
        if q.kind == "proposal" and lesson.id == "russia-nato" and "join NATO" in q.prompt:
            assert re.search(r"\b(19|20)\d\d|mid-1950s|Bill Clinton", q.prompt), q.prompt


def test_multiple_choice_rules(built: tuple[Lesson, list[Question]]) -> None:
    lesson, questions = built
    facts = {f.id: f for f in lesson.facts}
    for q in questions:
        if not q.choices:
            continue
        assert len(q.choices) == 4 and len(set(q.choices)) == 4, q.id
        assert q.choices.count(q.answer) == 1 and q.choices[q.correct] == q.answer, q.id
        assert not any("of the above" in c.lower() for c in q.choices)
        if q.answer_type in ("year", "decade"):
            years = [int(re.search(r"\d{4}", c).group()) for c in q.choices]
            assert years == sorted(years), q.choices
            assert all(facts[q.fact].when.answer() != c for i, c in enumerate(q.choices) if i != q.correct)
        if q.kind == "attribution":
            speakers = {lesson.people[f.by].name for f in lesson.facts if f.said == facts[q.fact].said}
            assert speakers & set(q.choices) == {q.answer}
        if q.kind == "office":
            person = next(p for p in lesson.people.values() if f"hat office did {p.name} " in q.prompt)
            held = {r.title for r in person.roles}
            assert held & set(q.choices) == {q.answer}, q.id


def test_correct_position_is_spread_evenly() -> None:
    balanced = []
    for name, path in SHIPPED.items():
        _, questions = _build(path)
        positions = Counter(q.correct for q in questions if q.choices)
        total = sum(positions.values())
        if total < 8:  # balance is asked of eight multiple-choice questions or more
            continue
        balanced.append(name)
        for index in range(4):
            assert 0.15 <= positions[index] / total <= 0.35, (name, positions)
    assert len(balanced) >= 2, balanced  # the obituary and the Berlin Wall have twelve or more


@pytest.mark.parametrize("name", list(SHIPPED))
def test_questions_are_deterministic_and_golden(golden, name: str) -> None:
    first = [q.to_json() for q in _build(SHIPPED[name])[1]]
    second = [q.to_json() for q in _build(SHIPPED[name])[1]]
    assert first == second
    golden(GOLDEN / f"{name}.questions.json", json.dumps(first, indent=2, ensure_ascii=False) + "\n")


def test_ids_survive_unrelated_edits(tmp_path: Path) -> None:
    lesson_dir = tmp_path / "russia-nato"
    lesson_dir.mkdir()
    (lesson_dir / "article.txt").write_bytes((SEED.parent / "article.txt").read_bytes())
    text = SEED.read_text(encoding="utf-8")
    edited = text.replace(
        "    about: US missile defence\n    cue: asked", "    about: the American missile shield\n    cue: asked"
    )
    edited = edited.replace(
        "  - id: nato-founded\n",
        "  - id: showtime\n    kind: event\n    what: The series was made for Showtime\n"
        "    evidence: an upcoming Showtime series\n  - id: nato-founded\n",
    )
    assert edited != text
    (lesson_dir / "facts.yaml").write_text(edited, encoding="utf-8")
    before = {q.id: q for q in _build(SEED, one_sheet=False)[1]}
    after = {q.id: q for q in _build(lesson_dir / "facts.yaml", one_sheet=False)[1]}
    unchanged = [qid for qid in before if "/supposed-to-do/" not in qid and "/set-" not in qid]
    # 'Fact or account?' is capped at a quarter of the multiple-choice questions: a new fact may take
    # the place of one claim question, never more, and no question of another kind.
    lost = set(unchanged) - set(after)
    assert len(lost) <= 1 and all(qid.endswith("/claim") for qid in lost), lost
    assert before["russia-nato/vassals/attribution"].prompt == after["russia-nato/vassals/attribution"].prompt
    assert "American missile shield" in after["russia-nato/supposed-to-do/attribution"].prompt


NAMED_ARTICLE = """\
In 1842 Charles Wheatstone proposed that Lovelace translate the Menabrea memoir.
In 1843 Charles Babbage proposed that the Countess add notes of her own.
Ada Lovelace wrote the notes over nine months.
Luigi Menabrea had published the memoir in French.
Mary Somerville had introduced Lovelace to Babbage.
Augustus De Morgan taught her mathematics.
Michael Faraday wrote to Babbage about the engine.
"""

NAMED_FACTS = """\
lesson: {id: engine, title: The Analytical Engine notes, source: {file: article.txt}}
people:
  wheatstone: {name: Charles Wheatstone}
  babbage: {name: Charles Babbage}
  lovelace: {name: Ada Lovelace, aliases: [the Countess]}
  menabrea: {name: Luigi Menabrea}
  somerville: {name: Mary Somerville}
  demorgan: {name: Augustus De Morgan}
  faraday: {name: Michael Faraday}
facts:
  - id: translate
    kind: proposal
    by: wheatstone
    what: that Lovelace translate the Menabrea memoir
    when: 1842
    evidence: In 1842 Charles Wheatstone proposed that Lovelace translate the Menabrea memoir.
  - id: notes
    kind: proposal
    by: babbage
    what: that the Countess add notes of her own
    when: 1843
    evidence: In 1843 Charles Babbage proposed that the Countess add notes of her own.
"""


def _who_proposed(folder: Path, article: str, facts: str) -> dict[str, Question]:
    """The 'Who proposed ...?' questions of a lesson written to `folder`, by fact."""
    checked = write_lesson(folder, article, facts)
    assert checked.ok and checked.lesson is not None, [str(d) for d in checked.diagnostics]
    questions = build_questions(checked.lesson, checked.contexts()).questions
    return {q.fact: q for q in questions if q.kind == "proposal" and q.prompt.startswith("Who proposed")}


def test_a_person_the_prompt_names_by_alias_or_surname_is_no_wrong_answer(tmp_path: Path) -> None:
    """'Who proposed that Lovelace ...?' offering Ada Lovelace is answered by reading the question."""
    asked = _who_proposed(tmp_path / "engine", NAMED_ARTICLE, NAMED_FACTS)
    assert set(asked) == {"translate", "notes"}, [q.prompt for q in asked.values()]
    for fact in ("translate", "notes"):
        assert len(asked[fact].choices) == 4, asked[fact].prompt
        assert "Ada Lovelace" not in asked[fact].choices, (asked[fact].prompt, asked[fact].choices)
    assert "Luigi Menabrea" not in asked["translate"].choices  # 'the Menabrea memoir'


def test_a_surname_two_people_share_rules_out_neither(tmp_path: Path) -> None:
    """'Kennedy' alone names neither John nor Robert Kennedy: both stay possible wrong answers
    (here they are needed to make four choices at all)."""
    article = (
        "In 1961 Dean Rusk proposed that Kennedy meet the Soviet leader in Vienna.\n"
        "John Kennedy flew to Vienna. Robert Kennedy stayed in Washington. Adlai Stevenson spoke at the UN.\n"
    )
    facts = """\
lesson: {id: vienna, title: Vienna 1961, source: {file: article.txt}}
people:
  rusk: {name: Dean Rusk}
  jfk: {name: John Kennedy}
  rfk: {name: Robert Kennedy}
  stevenson: {name: Adlai Stevenson}
facts:
  - id: summit
    kind: proposal
    by: rusk
    what: that Kennedy meet the Soviet leader in Vienna
    when: 1961
    evidence: In 1961 Dean Rusk proposed that Kennedy meet the Soviet leader in Vienna.
"""
    (asked,) = _who_proposed(tmp_path / "vienna", article, facts).values()
    assert sorted(asked.choices) == ["Adlai Stevenson", "Dean Rusk", "John Kennedy", "Robert Kennedy"], asked
