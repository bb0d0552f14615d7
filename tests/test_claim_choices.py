"""'Fact or account?' questions offer four choices even when the article names few claimants:
the lesson's speakers, whose account the statement is not, make the numbers up."""

from __future__ import annotations

from pathlib import Path

from studygen.questions import build_questions
from studygen.questions.sourcing import FACT_ANSWER, account_answer

from .conftest import write_lesson

ARTICLE = """\
The Lowmoor canal opened to barges in May 1884.
Mill owners said the canal would halve the price of coal.
The town council argued that the tolls would pay for a new bridge.
"We have waited forty years for this water," said Agnes Pell, who kept the lock.
The engineer, Silas Brand, told the opening crowd: "Every yard of it was dug by hand."
The first barge carried 40 tons of slate.
"""

FACTS = """\
lesson: {id: canal, title: The Lowmoor canal, source: {file: article.txt}}
people:
  owners: {name: the mill owners, aliases: [Mill owners], kind: group}
  council: {name: the town council, kind: group}
  pell: {name: Agnes Pell}
  brand: {name: Silas Brand, aliases: [Brand]}
facts:
  - id: opened
    kind: event
    what: the Lowmoor canal opened to barges
    when: 1884-05
    evidence: The Lowmoor canal opened to barges in May 1884
  - id: coal-price
    kind: event
    what: the canal would halve the price of coal
    according_to: owners
    evidence: Mill owners said the canal would halve the price of coal
  - id: tolls
    kind: event
    what: the tolls would pay for a new bridge
    according_to: council
    evidence: The town council argued that the tolls would pay for a new bridge
  - id: waited
    kind: quote
    by: pell
    said: We have waited forty years for this water
  - id: by-hand
    kind: quote
    by: brand
    said: Every yard of it was dug by hand.
  - id: first-barge
    kind: event
    what: the first barge carried 40 tons of slate
    evidence: The first barge carried 40 tons of slate
"""


def _claims(tmp_path: Path, article: str = ARTICLE, facts: str = FACTS):
    checked = write_lesson(tmp_path / "canal", article, facts)
    assert checked.ok, [str(d) for d in checked.diagnostics]
    questions = build_questions(checked.lesson, checked.contexts())
    assert not [d for d in questions.diagnostics if d.code == "question.no-choices" and "claim" in d.message]
    return {q.fact: q for q in questions.questions if q.kind == "claim"}


def test_two_claimants_and_the_speakers_make_four_choices(tmp_path: Path) -> None:
    claims = _claims(tmp_path)
    assert {"coal-price", "tolls"} <= set(claims)  # and as many established facts
    assert claims["coal-price"].answer == "The mill owners' account"
    assert claims["tolls"].answer == "The town council's account"
    for question in claims.values():
        assert len(question.choices) == 4, question.prompt
        assert question.choices.count(question.answer) == 1
        # Agnes Pell, the first speaker, makes up the four; the later speaker is not needed.
        assert set(question.choices) == {
            FACT_ANSWER,
            "The mill owners' account",
            "The town council's account",
            "Agnes Pell's account",
        }


def test_with_three_claimants_no_speaker_is_offered(tmp_path: Path) -> None:
    claim = "the canal had cost less than any in the county"
    article = ARTICLE + f"Brand later claimed that {claim}.\n"
    facts = FACTS + (
        f"  - id: cheapest\n    kind: event\n    what: {claim}\n"
        f"    according_to: brand\n    evidence: Brand later claimed that {claim}\n"
    )
    claims = _claims(tmp_path, article, facts)
    assert claims["cheapest"].answer == "Silas Brand's account"
    for question in claims.values():
        assert len(question.choices) == 4, question.prompt
        assert "Agnes Pell's account" not in question.choices, question.prompt


def test_accounts_read_as_english_possessives(tmp_path: Path) -> None:
    facts = FACTS.replace(
        "owners: {name: the mill owners, aliases: [Mill owners], kind: group}",
        "owners: {name: the owners of the mills, aliases: [Mill owners], kind: group}",
    ).replace("council: {name: the town council, kind: group}", "council: {name: the Council of Lowmoor, kind: group}")
    claims = _claims(tmp_path, facts=facts)
    assert claims["coal-price"].answer == "The account of the owners of the mills"  # not "... the mills's account"
    assert claims["tolls"].answer == "The Council of Lowmoor's account"
    # Too few sources of claims, and "the owners of the mills", named by what they are, among them: no
    # reports beside it, but a speaker of the lesson makes up four.
    assert "Reports, source not named" not in claims["tolls"].choices
    assert "Agnes Pell's account" in claims["tolls"].choices
    lesson = write_lesson(tmp_path / "again", ARTICLE, facts).lesson
    assert account_answer(lesson, "pell") == "Agnes Pell's account"
