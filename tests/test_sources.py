"""A value can come from someone else than the fact's account: `sources: {when: ordzhonikidze}`.

Putin recalls proposing to Clinton that Russia might join NATO, but gives no year; the year 2000
is Ordzhonikidze's. No question may put the year in Putin's mouth, nor Putin's account in
Ordzhonikidze's.
"""

from __future__ import annotations

from pathlib import Path

from studygen.questions import build_questions

from .conftest import write_lesson

ARTICLE = (
    "\"During the meeting I said, 'we should consider an option that Russia might join NATO.' "
    "Clinton replied, 'Why not?'\" Putin recalled.\n"
    "The same strategy may have been employed by Putin in his meeting with Clinton in 2000, Ordzhonikidze added.\n"
    "When NATO was created in 1949, the Soviet Union proposed joining the alliance, Ordzhonikidze said.\n"
    "In 1990, Gorbachev proposed that the Soviet Union might join NATO.\n"
)
PEOPLE = (
    "people:\n"
    "  putin: {name: Vladimir Putin, aliases: [Putin], from_teacher: [name]}\n"
    "  clinton: {name: Bill Clinton, aliases: [Clinton], from_teacher: [name]}\n"
    "  ordzhonikidze: {name: Sergei Ordzhonikidze, aliases: [Ordzhonikidze], from_teacher: [name]}\n"
    "  gorbachev: {name: Mikhail Gorbachev, aliases: [Gorbachev], from_teacher: [name]}\n"
    "  soviet-union: {name: the Soviet Union, kind: group}\n"
)
PUTIN_ASKS = (
    "  - id: putin-asks\n    kind: proposal\n    by: putin\n    to: clinton\n"
    "    what: that Russia might join NATO\n    when: 2000\n    according_to: putin\n{sources}"
    "    reply: {{by: clinton, said: Why not?}}\n"
    "    evidence:\n      - we should consider an option that Russia might join NATO\n"
    "      - The same strategy may have been employed by Putin in his meeting with Clinton in 2000\n"
)
OTHERS = (
    "  - id: nato-founded\n    kind: event\n    what: NATO was created\n    when: 1949\n"
    "    evidence: When NATO was created in 1949\n"
    "  - id: soviet-bid\n    kind: proposal\n    by: soviet-union\n    what: joining NATO\n    when: 1949\n"
    "    sources: {when: ordzhonikidze}\n    evidence: the Soviet Union proposed joining the alliance\n"
    "  - id: gorbachev-bid\n    kind: proposal\n    by: gorbachev\n    what: that the Soviet Union might join NATO\n"
    "    when: 1990\n    evidence: 'In 1990, Gorbachev proposed that the Soviet Union might join NATO'\n"
)


def _lesson(tmp_path: Path, sources: str = "    sources: {when: ordzhonikidze}\n", others: str = OTHERS):
    return write_lesson(
        tmp_path / "lesson",
        ARTICLE,
        "lesson: {id: sources, title: Sources, source: {file: article.txt}}\n"
        + PEOPLE
        + "facts:\n"
        + PUTIN_ASKS.format(sources=sources)
        + others,
    )


def test_a_date_from_someone_else_never_enters_the_account(tmp_path: Path) -> None:
    checked = _lesson(tmp_path)
    assert checked.ok, [d.render() for d in checked.diagnostics]
    made = build_questions(checked.lesson, checked.contexts(), one_sheet=False)
    questions = {q.id: q for q in made.questions}
    assert "sources/putin-asks/when" not in questions  # rejected: "In what year does Putin recall proposing"
    assert any(d.code == "question.attribution" and "putin-asks" in d.message for d in made.diagnostics)
    about_putin = [q for q in made.questions if "putin-asks" in q.facts]
    assert about_putin, "the fact still makes questions"
    for question in about_putin:
        shown = " ".join([question.prompt, *question.items, *question.choices, question.answer])
        assert "2000" not in shown, (question.id, question.prompt)
    assert questions["sources/putin-asks/proposal"].prompt == (
        "Who recalls proposing to Bill Clinton that Russia might join NATO?"  # kept, without the year
    )
    for question in made.questions:  # nor on a timeline, where its place would be Ordzhonikidze's year
        assert not (question.kind == "chronology" and "putin-asks" in question.facts)


def test_an_established_fact_dated_by_someone_is_asked_according_to_them(tmp_path: Path) -> None:
    checked = _lesson(tmp_path)
    questions = {q.id: q for q in build_questions(checked.lesson, checked.contexts(), one_sheet=False).questions}
    when = questions["sources/soviet-bid/when"]
    assert when.prompt == "According to Sergei Ordzhonikidze, in what year did the Soviet Union propose joining NATO?"
    assert when.according_to == "Sergei Ordzhonikidze" and when.answer == "1949"


def test_without_a_source_the_account_gives_the_date(tmp_path: Path) -> None:
    checked = _lesson(tmp_path, sources="")
    questions = {q.id: q for q in build_questions(checked.lesson, checked.contexts(), one_sheet=False).questions}
    assert questions["sources/putin-asks/when"].prompt.startswith("In what year does Vladimir Putin recall proposing")


def test_sources_are_checked(tmp_path: Path) -> None:
    wrong_key = _lesson(tmp_path / "a", sources="    sources: {where: ordzhonikidze}\n")
    assert [d.code for d in wrong_key.diagnostics if d.is_error] == ["schema.unknown-key"]
    unknown = _lesson(tmp_path / "b", sources="    sources: {when: ordjonikidze}\n")
    errors = [d for d in unknown.diagnostics if d.is_error]
    assert [d.code for d in errors] == ["ref.unknown-person"] and "ordzhonikidze" in errors[0].hint
    missing = _lesson(tmp_path / "c", others=OTHERS.replace("    when: 1949\n    sources", "    sources"))
    assert [d.code for d in missing.diagnostics if d.is_error] == ["schema.value"]


def test_every_date_a_question_shows_says_who_gives_it(tmp_path: Path) -> None:
    """Provenance: each year in a question's prompt or answer is listed with the one who gives it."""
    checked = _lesson(tmp_path)
    lesson = checked.lesson
    facts = {fact.id: fact for fact in lesson.facts}
    for question in build_questions(lesson, checked.contexts(), one_sheet=False).questions:
        if question.kind in ("chronology", "matching") or len(question.facts) != 1:
            continue
        fact = facts[question.facts[0]]
        sources = dict(question.sources)
        assert question.answer in sources, (question.id, question.sources)
        if fact.when is not None and fact.when.display() in question.prompt + " " + question.answer:
            expected = lesson.date_owner(fact) or "the article"
            assert sources.get(fact.when.display()) == expected, (question.id, question.sources)
    as_json = {q.id: q.to_json() for q in build_questions(lesson, checked.contexts(), one_sheet=False).questions}
    assert as_json["sources/soviet-bid/when"]["sources"] == [
        {"value": "1949", "given_by": "Sergei Ordzhonikidze"},
        {"value": "Sergei Ordzhonikidze", "given_by": "the article; part of the name from the teacher"},
    ]
