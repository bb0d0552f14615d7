"""The fourth round of teachers' judgements, reproduced on an invented ferry dispute and fixed by general
rules: a deadline ("must decide by Friday") is asked "by what date?", never as the day it happened; "Who
was one of the wardens?" only where the article counts the wardens the lesson names; a lesson whose
proposals are all one body's asks for a word of each proposal, not its proposer four times; a proposal
the article calls an appeal or a demand gets a warning until the teacher gives its verb; and "when Kohl
asked Gorbachev to accept" keeps its addressee where the verb needs one.

Each rule has a case it must reject and one it must keep.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from studygen.lessons import CheckedLesson
from studygen.model import Fact
from studygen.questions import TEACHER_DATE_FROM, Question, build_questions
from studygen.questions.base import Draft, by_deadline, event_date_phrase
from studygen.questions.cloze import cloze_questions
from studygen.questions.offices import office_holder_questions
from studygen.questions.proposals import proposal_questions
from studygen.questions.sourcing import attribution_questions

from .conftest import write_lesson

ARTICLE = """\
The Orrin ferry dispute, 1931

The harbour board must decide by Friday whether the old ferry can sail again. The board met on
Tuesday. By 1929 the ferry company had closed its office.

Wardens Ilse Marr and Jon Brede were the two wardens of the Orrin Ferry Trust in 1930. Pia Lund and
Odd Rask were among five inspectors of the Orrin Ferry Trust in 1930.

The Sund report recommended that the ferry be given a new rudder. The report also recommended that
the fares be cut by 20 per cent, and that the pier be rebuilt in stone.

The ferrymen made a direct appeal to the board to reopen the crossing. Mayor Hedda Vik asked the
board to accept that the ferry would stay in Orrin, and the board agreed.
"""

LESSON = """\
lesson:
  id: ferry
  title: The Orrin ferry dispute
  source: {file: article.txt, title: The ferry dispute, published: 1931}
people:
  board: {name: the harbour board, kind: group}
  company: {name: the ferry company, kind: group}
  marr:
    name: Ilse Marr
    roles:
      - {title: Warden of the Orrin Ferry Trust, shared: true, when: 1930,
         evidence: Wardens Ilse Marr and Jon Brede were the two wardens of the Orrin Ferry Trust in 1930}
  brede:
    name: Jon Brede
    roles:
      - {title: Warden of the Orrin Ferry Trust, shared: true, when: 1930,
         evidence: Wardens Ilse Marr and Jon Brede were the two wardens of the Orrin Ferry Trust in 1930}
  lund:
    name: Pia Lund
    roles:
      - {title: Inspector of the Orrin Ferry Trust, shared: true, when: 1930,
         evidence: Pia Lund and Odd Rask were among five inspectors of the Orrin Ferry Trust in 1930}
  rask:
    name: Odd Rask
    roles:
      - {title: Inspector of the Orrin Ferry Trust, shared: true, when: 1930,
         evidence: Pia Lund and Odd Rask were among five inspectors of the Orrin Ferry Trust in 1930}
  report: {name: the Sund report, aliases: [the report], kind: document}
  ferrymen: {name: the ferrymen, kind: group}
  vik: {name: Hedda Vik, aliases: [Vik]}
facts:
  - id: deadline
    kind: event
    who: [board]
    what: the harbour board had to decide whether the old ferry could sail again
    when: 1931-03-13
    from_teacher: [when]
    evidence: The harbour board must decide by Friday whether the old ferry can sail again
  - id: met
    kind: event
    who: [board]
    what: the harbour board met
    when: 1931-03-10
    from_teacher: [when]
    evidence: The board met on Tuesday
  - id: closed
    kind: event
    who: [company]
    what: the ferry company had closed its office
    when: 1929
    evidence: By 1929 the ferry company had closed its office
PROPOSALS
"""

REPORT_PROPOSALS = """\
  - {id: hull, kind: proposal, by: report, verb: recommended, what: that the ferry be given a new rudder,
     evidence: The Sund report recommended that the ferry be given a new rudder}
  - {id: fares, kind: proposal, by: report, verb: recommended, what: that the fares be cut by 20 per cent,
     evidence: recommended that the fares be cut by 20 per cent}
  - {id: pier, kind: proposal, by: report, verb: recommended, what: that the pier be rebuilt in stone,
     evidence: and that the pier be rebuilt in stone}
"""

OTHER_PROPOSALS = """\
  - {id: reopen, kind: proposal, by: ferrymen, to: [board], what: to reopen the crossing,
     evidence: The ferrymen made a direct appeal to the board to reopen the crossing}
  - id: stay
    kind: proposal
    by: vik
    to: [board]
    what: to accept that the ferry would stay in Orrin
    verb: asked
    reply: {by: board, reaction: agreed, evidence: "and the board agreed"}
    evidence: Mayor Hedda Vik asked the board to accept that the ferry would stay in Orrin
"""


def _lesson(folder: Path, proposals: str = REPORT_PROPOSALS) -> CheckedLesson:
    return write_lesson(folder, ARTICLE, LESSON.replace("PROPOSALS\n", proposals))


def _questions(folder: Path, proposals: str = REPORT_PROPOSALS) -> dict[str, Question]:
    lesson = _lesson(folder, proposals)
    assert lesson.ok and lesson.lesson is not None, [d.render() for d in lesson.diagnostics]
    return {q.id: q for q in build_questions(lesson.lesson, lesson.contexts()).questions}


def _drafts(folder: Path, kind, proposals: str = REPORT_PROPOSALS) -> dict[str, Draft]:  # type: ignore[no-untyped-def]
    """A kind's drafts, asked or left out, before the set's selection (which keeps one of two questions
    that give each other away) takes any: the rules here are the kinds' own."""
    return {d.key: d for d in kind(_lesson(folder, proposals).lesson)}


def _fact(folder: Path, fact_id: str) -> Fact:
    return next(f for f in _lesson(folder).lesson.facts if f.id == fact_id)


# --- a deadline is asked as one ------------------------------------------------------------------


def test_a_deadline_is_asked_by_what_date_and_blanked_after_by(tmp_path: Path) -> None:
    questions = _questions(tmp_path)
    assert questions["ferry/deadline/when"].prompt == (
        "The harbour board had to decide whether the old ferry could sail again: by what date? "
        + TEACHER_DATE_FROM % "Friday"  # the day is the teacher's, from the article's weekday
    )
    assert event_date_phrase(_fact(tmp_path / "b", "deadline")) == "by 13 March 1931"


def test_a_day_it_happened_is_asked_on_what_date(tmp_path: Path) -> None:
    questions = _questions(tmp_path)
    assert questions["ferry/met/when"].prompt == f"The harbour board met: on what date? {TEACHER_DATE_FROM % 'Tuesday'}"
    assert event_date_phrase(_fact(tmp_path / "b", "met")) == "on 10 March 1931"


def test_by_and_a_year_is_a_deadline_only_for_that_year(tmp_path: Path) -> None:
    closed = _fact(tmp_path, "closed")
    assert by_deadline(closed)
    assert not by_deadline(closed.__class__(**{**closed.__dict__, "when": _fact(tmp_path / "b", "met").when}))


@pytest.mark.parametrize(
    ("evidence", "deadline"),
    [
        ("must decide by Friday whether", True),
        ("is due to report by the end of March", True),
        ("will answer by 12 March", True),
        ("by next week", True),
        ("fares were cut by 20 per cent", False),
        ("the vote was won by 3-2", False),
        ("rows sorted by year", False),
        ("they passed by marching bands", False),
    ],
)
def test_what_counts_as_a_deadline(tmp_path: Path, evidence: str, deadline: bool) -> None:
    met = _fact(tmp_path, "met")
    assert by_deadline(met.__class__(**{**met.__dict__, "evidence": (evidence,)})) is deadline


# --- a shared office is asked only where the lesson names every holder ---------------------------


def test_who_was_one_of_the_wardens_when_the_article_counts_the_two_the_lesson_names(tmp_path: Path) -> None:
    draft = _drafts(tmp_path, office_holder_questions)["marr.warden-of-the-orrin-ferry-trust"]
    assert not draft.left_out
    assert draft.variables["title"] == "a Warden of the Orrin Ferry Trust"
    assert draft.answer == "Ilse Marr" and "Jon Brede" in draft.alternatives


def test_no_who_was_one_of_five_inspectors_when_the_lesson_names_two(tmp_path: Path) -> None:
    draft = _drafts(tmp_path, office_holder_questions)["lund.inspector-of-the-orrin-ferry-trust"]
    assert "Inspector of the Orrin Ferry Trust at once" in draft.left_out
    # The other way round is still asked: what office each of them held.
    assert _questions(tmp_path / "b")["ferry/lund.inspector-of-the-orrin-ferry-trust/office"].answer == (
        "Inspector of the Orrin Ferry Trust"
    )


# --- one proposer for every proposal: ask what, not who ------------------------------------------


def test_a_lesson_whose_proposals_are_all_one_bodys_asks_a_word_of_each(tmp_path: Path) -> None:
    questions = _questions(tmp_path)
    assert not [q for q in questions.values() if q.kind == "proposal"]
    cloze = questions["ferry/hull/cloze"]
    assert cloze.prompt.startswith("The Sund report recommended that the ferry be given a new [...]")
    assert cloze.answer == "rudder"


def test_proposals_of_several_people_ask_who_proposed(tmp_path: Path) -> None:
    proposals = _drafts(tmp_path, proposal_questions, REPORT_PROPOSALS + OTHER_PROPOSALS)
    assert not proposals["hull"].left_out and proposals["hull"].answer == "the Sund report"
    assert _drafts(tmp_path / "b", cloze_questions, REPORT_PROPOSALS + OTHER_PROPOSALS)["hull"].answer == (
        "the Sund report"
    )


# --- the article's verb of proposing -------------------------------------------------------------


def test_an_appeal_without_its_verb_is_warned_of(tmp_path: Path) -> None:
    lesson = _lesson(tmp_path, OTHER_PROPOSALS)
    warned = [d for d in lesson.diagnostics if d.code == "ground.verb-not-given"]
    assert [d.message for d in warned] == [
        "fact 'reopen' is asked as 'proposed', but its evidence says 'appeal' and no word like 'propose'"
    ]
    assert warned[0].hint == "add verb: appealed to the fact, so that its questions say what the article says"


def test_an_appeal_with_its_verb_or_a_proposal_the_article_calls_one_is_not(tmp_path: Path) -> None:
    given = OTHER_PROPOSALS.replace("what: to reopen the crossing,", "what: to reopen the crossing, verb: appealed,")
    lesson = _lesson(tmp_path, given)
    assert not [d for d in lesson.diagnostics if d.code.startswith("ground.verb")]
    proposed = OTHER_PROPOSALS.replace("made a direct appeal to", "proposed to")
    article_lesson = write_lesson(
        tmp_path / "b", ARTICLE.replace("made a direct appeal to", "proposed to"),
        LESSON.replace("PROPOSALS\n", proposed),
    )  # fmt: skip
    assert not [d for d in article_lesson.diagnostics if d.code.startswith("ground.verb")]


def test_a_reply_keeps_the_addressee_a_verb_needs(tmp_path: Path) -> None:
    questions = _questions(tmp_path, REPORT_PROPOSALS + OTHER_PROPOSALS)
    assert questions["ferry/stay/response"].prompt == (
        "How did the harbour board respond when Hedda Vik asked the harbour board to accept that the ferry "
        "would stay in Orrin?"
    )
    appealed = OTHER_PROPOSALS.replace(
        "what: to reopen the crossing,", "what: to reopen the crossing, verb: appealed, reply: {by: board, "
        "reaction: refused, evidence: The ferrymen made a direct appeal},"
    )  # fmt: skip
    reply = _questions(tmp_path / "b", REPORT_PROPOSALS + appealed)["ferry/reopen/response"]
    assert "when the ferrymen appealed to reopen the crossing" in reply.prompt


def test_two_proposals_of_the_lesson_subject_ask_a_word_and_two_of_another_ask_who(tmp_path: Path) -> None:
    two = REPORT_PROPOSALS.split("  - {id: pier")[0]
    assert not _drafts(tmp_path, proposal_questions, two)["hull"].left_out  # the report is not the subject
    subject = LESSON.replace("title: The ferry dispute,", "title: Report condemns the ferry,")
    lesson = write_lesson(tmp_path / "b", ARTICLE, subject.replace("PROPOSALS\n", two)).lesson
    assert "every proposal of the lesson" in {d.key: d for d in proposal_questions(lesson)}["hull"].left_out  # type: ignore[arg-type]
    assert {d.key: d for d in cloze_questions(lesson)}["hull"].answer == "rudder"  # type: ignore[arg-type]


# --- a proposal's words after its addressee ------------------------------------------------------


def test_urged_with_a_noun_after_its_addressee_is_warned_of(tmp_path: Path) -> None:
    urged = OTHER_PROPOSALS.replace(
        "what: to reopen the crossing,", "what: a reopening of the crossing, verb: appealed,"
    ).replace(
        "what: to accept that the ferry would stay in Orrin\n    verb: asked", "what: an assurance\n    verb: asked"
    )
    lesson = _lesson(tmp_path, urged)
    warned = [d for d in lesson.diagnostics if d.code == "ground.proposal-wording"]
    assert [d.message for d in warned] == [
        "fact 'stay' is asked 'asked <whom> an ...', which is not English: after whom, 'asked' takes 'to ...' or "
        "'for ...' or 'whether ...' or 'if ...'"
    ]  # 'appealed to the board a reopening' is not warned of: 'appealed' takes its addressee after 'to'


def test_a_clause_after_the_addressee_is_not_warned_of(tmp_path: Path) -> None:
    lesson = _lesson(tmp_path, OTHER_PROPOSALS)
    assert not [d for d in lesson.diagnostics if d.code == "ground.proposal-wording"]


# --- a blank its neighbours fill ---------------------------------------------------------------


def test_a_possessive_is_as_common_as_its_word() -> None:
    from studygen.questions.cloze import keyword

    assert keyword("the council read out the prime minister's letter at noon") is None
    assert keyword("the council read out the viceroy's letter at noon") == "viceroy's"


# --- "Who said ...?" offers speakers of the quotation's time ---------------------------------------

ERAS = """\
Mayor Ada Holt said in 1931 "the ferry will sail every hour". Pilot Bo Rask said in 1931 "the channel
is too shallow". Clerk Eva Lund said in 1933 "the fares must fall". Decades later, in 1998, the
historian Tor Vik said "nobody remembers the ferry now".
"""
ERA_FACTS = """\
lesson:
  id: eras
  title: The Orrin ferry
  source: {file: article.txt, title: The ferry}
people:
  holt: {name: Ada Holt}
  rask: {name: Bo Rask}
  lund: {name: Eva Lund}
  vik: {name: Tor Vik}
facts:
  - {id: hourly, kind: quote, by: holt, said: the ferry will sail every hour, when: 1931}
  - {id: shallow, kind: quote, by: rask, said: the channel is too shallow, when: 1931}
  - {id: fares, kind: quote, by: lund, said: the fares must fall, when: 1933}
  - {id: remembers, kind: quote, by: vik, said: nobody remembers the ferry now, when: 1998}
"""


def test_who_said_offers_no_speaker_the_lesson_shows_only_decades_away(tmp_path: Path) -> None:
    lesson = write_lesson(tmp_path, ERAS, ERA_FACTS).lesson
    drafts = {d.key: d for d in attribution_questions(lesson)}  # type: ignore[arg-type]
    assert "Tor Vik" not in drafts["hourly"].candidates  # 1998 for words of 1931
    assert {"Bo Rask", "Eva Lund"} <= set(drafts["hourly"].candidates)  # 1931 and 1933: of the time
    assert "Ada Holt" not in drafts["remembers"].candidates  # 1931 for words of 1998


def test_undated_words_or_speakers_keep_every_speaker(tmp_path: Path) -> None:
    undated = ERA_FACTS.replace(", when: 1998}", "}")
    lesson = write_lesson(tmp_path, ERAS, undated).lesson
    drafts = {d.key: d for d in attribution_questions(lesson)}  # type: ignore[arg-type]
    assert "Tor Vik" in drafts["hourly"].candidates  # nothing dates him
    assert {"Ada Holt", "Bo Rask", "Eva Lund"} <= set(drafts["remembers"].candidates)
