"""A proposal that was an appeal, a request or a demand (issue 24): `verb:` words every question about it
so, and check warns when the evidence has no word of the verb. Texts are invented."""

from __future__ import annotations

import re
from pathlib import Path

from studygen.lessons import CheckedLesson
from studygen.questions import build_questions
from studygen.questions.base import Question

from .conftest import write_lesson

HEAD = "lesson: {id: ferry, title: The Ostley ferry dispute, source: {file: article.txt}}\n"
ARTICLE = (
    "The Ostley ferry dispute\n\n"
    "In 1921 the ferry company raised its fares twice. The dockers struck in 1922.\n\n"
    "In 1923 the boatmen's guild made a direct appeal to Nora Fell and Anton Brisk to end their quarrel "
    'over the landing stage. Brisk answered: "the quarrel is hers alone".\n\n'
    "In 1924 Nora Fell proposed that the landing stage be shared.\n\n"
    "The new pier opened in 1925.\n"
)
PEOPLE = (
    "people:\n"
    "  guild: {name: the boatmen's guild, kind: group}\n"
    "  fell: {name: Nora Fell, aliases: [Fell]}\n"
    "  brisk: {name: Anton Brisk, aliases: [Brisk]}\n"
    "  company: {name: the ferry company, kind: group}\n"
    "  dockers: {name: the dockers, kind: group}\n"
)
APPEAL = (
    "  - id: end-quarrel\n    kind: proposal\n    by: guild\n    to: [fell, brisk]\n{verb}"
    "    what: to end their quarrel over the landing stage\n    when: 1923\n"
    "    evidence: In 1923 the boatmen's guild made a direct appeal to Nora Fell and Anton Brisk to end their "
    "quarrel over the landing stage\n"
    "    reply: {{by: brisk, said: the quarrel is hers alone}}\n"
)
OTHERS = (
    "  - id: fares\n    kind: event\n    who: [company]\n    what: the ferry company raised its fares twice\n"
    "    when: 1921\n    evidence: In 1921 the ferry company raised its fares twice\n"
    "  - id: strike\n    kind: event\n    who: [dockers]\n    what: the dockers struck\n    when: 1922\n"
    "    evidence: The dockers struck in 1922\n"
    "  - id: share\n    kind: proposal\n    by: fell\n    what: that the landing stage be shared\n    when: 1924\n"
    "    evidence: In 1924 Nora Fell proposed that the landing stage be shared\n"
    "  - id: pier\n    kind: event\n    what: the new pier opened\n    when: 1925\n"
    "    evidence: The new pier opened in 1925\n"
)


def _lesson(tmp_path: Path, verb: str = "    verb: appealed\n") -> CheckedLesson:
    return write_lesson(tmp_path, ARTICLE, HEAD + PEOPLE + "facts:\n" + APPEAL.format(verb=verb) + OTHERS)


def _codes(checked: CheckedLesson) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for diagnostic in checked.diagnostics:
        if diagnostic.severity.value != "note":
            found.setdefault(diagnostic.code, []).append(diagnostic.render())
    return found


def _texts(checked: CheckedLesson) -> list[str]:
    """Every text a student reads: prompts, answers, choices, card backs."""
    assert checked.lesson is not None, [d.render() for d in checked.diagnostics]
    made = build_questions(checked.lesson, checked.contexts(), one_sheet=False)
    return [text for q in made.questions for text in _shown(q)]


def _shown(question: Question) -> list[str]:
    return [question.prompt, question.answer, *question.choices, *question.items, question.fact_summary]


def test_an_appeal_checks_clean_and_every_question_says_appealed(tmp_path: Path) -> None:
    checked = _lesson(tmp_path)
    assert not _codes(checked), _codes(checked)
    about = [t for t in _texts(checked) if "end their quarrel" in t]
    assert "Who appealed to Nora Fell and Anton Brisk to end their quarrel over the landing stage?" in about
    assert any("[...] appealed to Nora Fell and Anton Brisk to end their quarrel" in t for t in about), about
    assert any("when the boatmen's guild appealed to Nora Fell and Anton Brisk" in t for t in about), about
    assert "In what year did the boatmen's guild appeal to Nora Fell and Anton Brisk to end their quarrel" in about[0]
    # The timeline's label and the statements of "fact or account?" are the same clause.
    assert any("→ The boatmen's guild appealed to Nora Fell and Anton Brisk to end" in t for t in _texts(checked))
    assert about and not any(re.search(r"propos\w* to Nora Fell", t) for t in about), about
    # The other proposal keeps its own verb.
    assert any(t.startswith("Who proposed") and "landing stage be shared" in t for t in _texts(checked))


def test_a_verb_the_evidence_does_not_have_is_flagged(tmp_path: Path) -> None:
    """A verb of "demanded" for an appeal puts a word in the guild's mouth: check says so and names the key."""
    codes = _codes(_lesson(tmp_path, "    verb: demanded\n"))
    assert list(codes) == ["ground.verb-not-found"], codes
    (message,) = codes["ground.verb-not-found"]
    assert "facts.yaml:" in message and "verb: demanded" in message and "from_teacher" in message, message


def test_a_verb_the_teacher_chose_is_not_flagged(tmp_path: Path) -> None:
    assert not _codes(_lesson(tmp_path, "    verb: urged\n    from_teacher: [verb]\n"))


def test_an_unknown_verb_is_an_error_with_the_nearest(tmp_path: Path) -> None:
    checked = _lesson(tmp_path, "    verb: apealed\n")
    (error,) = [d for d in checked.diagnostics if d.severity.value == "error"]
    assert error.code == "schema.value" and "'apealed'" in error.message and "appealed" in error.hint, error.render()


def test_the_verbs_read_as_english_with_and_without_an_addressee() -> None:
    from studygen.verbs import PROPOSAL_VERBS

    assert PROPOSAL_VERBS["asked"].phrase("base", "Ada Vane") == "ask Ada Vane"
    assert PROPOSAL_VERBS["demanded"].phrase("past", "the board") == "demanded of the board"
    assert PROPOSAL_VERBS["pleaded"].phrase("gerund", "them") == "pleading with them"
    assert PROPOSAL_VERBS["urged"].phrase("past", "") == "urged"
    assert PROPOSAL_VERBS["proposed"].stem == "propos"
