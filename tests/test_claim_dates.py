"""A claim made at one time about something that happened at another: `said_when` dates the
account, `when` the event, and no question gives one date for the other."""

from __future__ import annotations

from pathlib import Path

from studygen.questions import build_questions

from .conftest import write_lesson

ARTICLE = """\
The ferry Aurora sank in the harbour of Port Ellis on 3 March 1921.
On 9 March 1921, harbour officials said the Aurora had sunk after striking a mine.
Captain Hugh Marsh said the crew "did everything that could be done".
Mayor Ann Cole said the town would build a memorial.
Engineer Tom Reed said the mine had lain there since 1918.
"""

FACTS = """\
lesson: {id: aurora, title: The Aurora, source: {file: article.txt}}
people:
  officials: {name: harbour officials, kind: group}
  marsh: {name: Hugh Marsh, aliases: [Captain Hugh Marsh]}
  cole: {name: Ann Cole, aliases: [Mayor Ann Cole]}
  reed: {name: Tom Reed, aliases: [Engineer Tom Reed]}
facts:
  - id: aurora-sank
    kind: event
    what: the Aurora sank after striking a mine
    when: 1921-03-03
    according_to: officials
    said_when: 1921-03-09
    evidence:
      - The ferry Aurora sank in the harbour of Port Ellis on 3 March 1921
      - On 9 March 1921, harbour officials said the Aurora had sunk after striking a mine
  - id: crew
    kind: quote
    by: marsh
    said: did everything that could be done
  - id: memorial
    kind: event
    what: the town would build a memorial
    according_to: cole
    evidence: Mayor Ann Cole said the town would build a memorial
  - id: mine-laid
    kind: event
    what: the mine had lain there since 1918
    according_to: reed
    evidence: Engineer Tom Reed said the mine had lain there since 1918
"""


LATER_CLAIM = FACTS.replace("said_when: 1921-03-09", "said_when: 1922-03-09")


def _questions(tmp_path: Path, facts: str = FACTS):
    checked = write_lesson(tmp_path / "aurora", ARTICLE, facts)
    assert checked.ok, [str(d) for d in checked.diagnostics]
    return build_questions(checked.lesson, checked.contexts()).questions


def test_the_event_date_is_asked_and_the_claim_date_names_the_account(tmp_path: Path) -> None:
    questions = {q.id: q for q in _questions(tmp_path)}
    assert "aurora/aurora-sank/cloze" not in questions  # the date is asked once, by the date question
    without_when = _questions(tmp_path / "no-when", FACTS + "questions: {skip_kinds: [when]}\n")
    cloze = {q.id: q for q in without_when}["aurora/aurora-sank/cloze"]
    assert cloze.prompt.startswith("According to what harbour officials said on 9 March 1921, the Aurora sank")
    assert cloze.answer == "3 March 1921"
    assert ("9 March 1921", "the article") in cloze.sources
    # The date question asks for the event's date by the officials' account; the date of their
    # account shares the year asked, so the prompt names them without it.
    when = questions["aurora/aurora-sank/when"]
    assert when.answer == "3 March 1921"
    assert when.prompt == "According to harbour officials, the Aurora sank after striking a mine: on what date?"
    assert ("3 March 1921", "harbour officials") in when.sources


def test_a_claim_date_in_another_year_is_named_in_the_date_question(tmp_path: Path) -> None:
    article = ARTICLE.replace("On 9 March 1921, harbour", "On 9 March 1922, harbour")
    facts = LATER_CLAIM.replace("On 9 March 1921, harbour", "On 9 March 1922, harbour")
    checked = write_lesson(tmp_path / "aurora", article, facts)
    assert checked.ok, [str(d) for d in checked.diagnostics]
    questions = build_questions(checked.lesson, checked.contexts())
    when = next(q for q in questions.questions if q.kind == "when")
    assert when.prompt.startswith("According to what harbour officials said on 9 March 1922, the Aurora sank")
    assert when.answer == "3 March 1921" and ("9 March 1922", "the article") in when.sources


def test_no_question_teaches_the_claim_date_as_the_events(tmp_path: Path) -> None:
    for question in _questions(tmp_path):
        shown = " ".join(
            [question.prompt, question.answer, question.cloze.filled() if question.cloze else "", *question.choices]
        )
        if "9 March 1921" in shown:
            assert "said on 9 March 1921" in shown, question.id  # only ever as the date of the account
            assert question.according_to and "said on 9 March 1921" in question.according_to


def test_said_when_needs_an_account(tmp_path: Path) -> None:
    facts = FACTS.replace("    according_to: officials\n", "")
    checked = write_lesson(tmp_path / "aurora", ARTICLE, facts)
    errors = [d for d in checked.diagnostics if d.code == "schema.missing"]
    assert len(errors) == 1 and "said_when" in errors[0].message and "according_to" in errors[0].hint
    line = facts.splitlines().index("    said_when: 1921-03-09") + 1
    assert (errors[0].line, errors[0].col) == (line, 5)


def test_a_claim_date_missing_from_the_evidence_is_a_warning(tmp_path: Path) -> None:
    checked = write_lesson(tmp_path / "aurora", ARTICLE, LATER_CLAIM)
    warnings = [d for d in checked.diagnostics if d.code == "ground.year-not-in-evidence"]
    assert len(warnings) == 1 and "1922" in warnings[0].message and "said_when" in warnings[0].hint
