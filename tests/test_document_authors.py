"""A document's author (issue 24): `author:` on a `kind: document` person makes the author an accepted
answer where a question asks whose words they are, keeps the document and its author from being two
speakers in one matching set, and one source in "fact or account?". Texts are invented."""

from __future__ import annotations

from pathlib import Path

from studygen.lessons import CheckedLesson
from studygen.questions import build_questions
from studygen.questions.base import Draft, Question
from studygen.questions.sourcing import claim_questions

from .conftest import write_lesson

HEAD = "lesson: {id: harbour, title: The Kelby harbour inquiry, source: {file: article.txt}}\n"
ARTICLE = (
    "The Kelby harbour inquiry\n\n"
    'Judge Owen Pryce delivered his report in 1931. The Pryce report found that "the contractors cut corners" '
    "and proposed that the harbour board be dissolved. According to the report, the board ignored three "
    "warnings.\n\n"
    'Pryce told reporters: "I was shocked by what we found". He said the board had lost its records, '
    "according to Pryce.\n\n"
    'The Dunn memo said "the money ran out". Councillor Beth Quill said "we were misled". '
    'The harbourmaster, Tomas Reyne, said "the gates held for a year". Reyne proposed that the quay be '
    "widened.\n"
)
PEOPLE = (
    "people:\n"
    "  pryce: {name: Judge Owen Pryce, aliases: [Pryce]}\n"
    "  report: {name: the Pryce report, kind: document{author}}\n"
    "  dunn: {name: the Dunn memo, kind: document}\n"
    "  quill: {name: Beth Quill, aliases: [Councillor Beth Quill, Quill]}\n"
    "  reyne: {name: Tomas Reyne, aliases: [Reyne]}\n"
    "  board: {name: the harbour board, kind: group}\n"
)
FACTS = (
    "facts:\n"
    "  - id: corners\n    kind: quote\n    by: report\n    said: the contractors cut corners\n"
    "    frame: found that ...\n"
    "  - id: shocked\n    kind: quote\n    by: pryce\n    said: I was shocked by what we found\n"
    "    frame: 'told reporters: ...'\n"
    "  - id: money\n    kind: quote\n    by: dunn\n    said: the money ran out\n"
    "  - id: misled\n    kind: quote\n    by: quill\n    said: we were misled\n"
    "  - id: gates\n    kind: quote\n    by: reyne\n    said: the gates held for a year\n"
    "  - id: dissolve\n    kind: proposal\n    by: report\n    what: that the harbour board be dissolved\n"
    '    evidence: The Pryce report found that "the contractors cut corners" and proposed that the harbour board '
    "be dissolved\n"
    "  - id: widen\n    kind: proposal\n    by: reyne\n    what: that the quay be widened\n"
    "    evidence: Reyne proposed that the quay be widened\n"
    "  - id: warnings\n    kind: event\n    who: [board]\n    what: the harbour board ignored three warnings\n"
    "    according_to: report\n"
    "    evidence: According to the report, the board ignored three warnings\n"
    "  - id: records\n    kind: event\n    who: [board]\n    what: the harbour board had lost its records\n"
    "    according_to: pryce\n"
    "    evidence: He said the board had lost its records, according to Pryce\n"
)


def _lesson(tmp_path: Path, author: str = ", author: pryce") -> CheckedLesson:
    return write_lesson(tmp_path, ARTICLE, HEAD + PEOPLE.replace("{author}", author) + FACTS)


def _questions(checked: CheckedLesson) -> dict[str, Question]:
    assert checked.lesson is not None, [d.render() for d in checked.diagnostics]
    made = build_questions(checked.lesson, checked.contexts(), one_sheet=False)
    return {q.id.split("/", 1)[1]: q for q in made.questions}


def _errors(checked: CheckedLesson) -> list[str]:
    return [d.render() for d in checked.diagnostics if d.severity.value == "error"]


def test_the_lesson_checks_clean(tmp_path: Path) -> None:
    checked = _lesson(tmp_path)
    assert not [d for d in checked.diagnostics if d.severity.value != "note"], [d.render() for d in checked.diagnostics]


def test_who_wrote_the_words_is_an_accepted_answer(tmp_path: Path) -> None:
    questions = _questions(_lesson(tmp_path))
    corners = questions["corners/attribution"]
    assert corners.prompt == "Who or which document found that “the contractors cut corners”?"
    assert corners.answer == "the Pryce report" and "Judge Owen Pryce" in corners.alternatives
    for key in ("dissolve/proposal", "dissolve/cloze"):
        assert questions[key].answer == "the Pryce report", key
        assert {"Judge Owen Pryce", "Pryce"} <= set(questions[key].alternatives), key
    # A document without an author is asked as before: only the document is right.
    assert questions["money/attribution"].prompt == "Which document said “the money ran out”?"
    assert questions["money/attribution"].alternatives == ()


def test_without_an_author_the_document_is_the_only_answer(tmp_path: Path) -> None:
    corners = _questions(_lesson(tmp_path, author=""))["corners/attribution"]
    assert corners.prompt.startswith("Which document found") and corners.alternatives == ()


def test_matching_never_offers_a_document_and_its_author_as_two_speakers(tmp_path: Path) -> None:
    (matching,) = [q for q in _questions(_lesson(tmp_path)).values() if q.kind == "matching"]
    speakers = {right for _, right in matching.pairs}
    # Kept: the author's words; left out: the report's (beside people, a document's words may be its
    # author's, whether or not the lesson says who wrote it: see test_engine_causes_round2).
    assert "Judge Owen Pryce" in speakers and "the Pryce report" not in speakers, matching.pairs


def _claims(checked: CheckedLesson) -> dict[str, Draft]:
    """The claim kind's own questions, before the lesson's share of "fact or account?" keeps some."""
    assert checked.lesson is not None, [d.render() for d in checked.diagnostics]
    return {d.key: d for d in claim_questions(checked.lesson) if not d.left_out}


# Reyne's account disputes the report's proposal: "stated as fact" is worth asking of it.
DISPUTE = (
    "Reyne said the proposal to dissolve the board was premature.\n",
    "  - id: premature\n    kind: event\n    what: the proposal to dissolve the board was premature\n"
    "    according_to: reyne\n    evidence: Reyne said the proposal to dissolve the board was premature\n",
)


def test_fact_or_account_treats_a_document_and_its_author_as_one_source(tmp_path: Path) -> None:
    claims = _claims(write_lesson(tmp_path, ARTICLE + DISPUTE[0], HEAD + PEOPLE.replace("{author}", ", author: pryce")
                                  + FACTS + DISPUTE[1]))  # fmt: skip
    assert claims["records"].answer == "Judge Owen Pryce's account"
    assert "The Pryce report's account" not in claims["records"].candidates
    assert claims["warnings"].answer == "The Pryce report's account"
    assert "Judge Owen Pryce's account" not in claims["warnings"].candidates
    # A statement naming the document is not offered its author's account either.
    assert "Judge Owen Pryce's account" not in claims["dissolve"].candidates
    plain = _claims(_lesson(tmp_path / "plain", author=""))
    assert "The Pryce report's account" in plain["records"].candidates


def test_a_misspelt_author_is_an_error_with_the_id(tmp_path: Path) -> None:
    (error,) = _errors(_lesson(tmp_path, author=", author: pryse"))
    assert "facts.yaml:4:" in error and "'pryse'" in error and "pryce" in error, error


def test_an_author_only_belongs_to_a_document(tmp_path: Path) -> None:
    checked = write_lesson(
        tmp_path,
        ARTICLE,
        HEAD
        + PEOPLE.replace("{author}", "").replace(
            "  quill: {name: Beth Quill,", "  quill: {author: pryce, name: Beth Quill,"
        )
        + FACTS,
    )
    (error,) = _errors(checked)
    assert "person 'quill' has an author but is not a document" in error and "kind: document" in error, error


def test_a_document_is_not_its_own_author_nor_another_documents(tmp_path: Path) -> None:
    (error,) = _errors(_lesson(tmp_path / "own", author=", author: report"))
    assert "the author of the document 'report' is 'report', a document" in error, error
    (error,) = _errors(_lesson(tmp_path / "other", author=", author: dunn"))
    assert "the author of the document 'report' is 'dunn', a document" in error and "person or group" in error, error
