"""Issue 26: no question of a lesson gives another away (the lesson's set read as one sheet).

The lesson tests/lessons/giveaways is written to provoke each kind of giveaway; each test below
names the rule it checks, and fails when that rule is removed from studygen/questions/giveaways.py
or selection.py.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import shutil
from pathlib import Path

import pytest

from studygen.questions import Question
from studygen.questions.giveaways import Giveaways, clash
from studygen.questions.selection import priority
from studygen.questions.shapes import Blank, ClozeText, Shape

from .conftest import PROVOKING, ROOT, lesson_and_questions

SEED_FIRST = ROOT / "seeds" / "russia-nato" / "facts.yaml"
LESSONS = sorted(ROOT.glob("seeds/*/facts.yaml")) + sorted(ROOT.glob("tests/lessons/*/facts.yaml"))
# The stress lesson keeps every kind's questions (questions: one_sheet: false): it is not one sheet.
ONE_SHEET = [path for path in LESSONS if "one_sheet: false" not in path.read_text(encoding="utf-8")]


@pytest.fixture(scope="module")
def provoking():
    return lesson_and_questions(PROVOKING)


def _question(lesson_id: str, key: str, kind: str, **fields) -> Question:
    defaults = dict(lesson=lesson_id, fact=key, facts=(key,), skill="", answer_type="person", source="")
    return Question(id=f"{lesson_id}/{key}/{kind}", kind=kind, **{**defaults, **fields})


def _notes(questions) -> list[str]:
    return [d.message for d in questions.diagnostics if " is kept and " in d.message]


@pytest.mark.parametrize("path", ONE_SHEET, ids=lambda p: p.parent.name)
def test_no_question_of_a_lesson_gives_another_away(path: Path) -> None:
    """Every pair of kept questions, both ways: no shown text gives the other's answer, no fact asked twice."""
    lesson, questions = lesson_and_questions(path)
    detector = Giveaways(lesson)
    for one, other in itertools.permutations(questions.questions, 2):
        for text in detector.shown(one):
            assert detector.gives_away(text, other) is None, (one.id, text, other.id)
        assert clash(detector.shown(one), detector.asks(one), detector.shown(other), detector.asks(other)) is None


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.parent.name)
def test_no_card_front_gives_its_own_back_away(path: Path) -> None:
    lesson, questions = lesson_and_questions(path)
    detector = Giveaways(lesson)
    for question in questions.questions:
        for text in detector.shown(question):
            assert detector.gives_away(text, question) is None, (question.id, text)


def _one_of(kept: set[str], *ids: str) -> bool:
    return sum(f"lenby-harbour/{i}" in kept for i in ids) == 1


def test_the_provoking_lesson_loses_each_kind_of_giveaway_with_a_note(provoking) -> None:
    _, questions = provoking
    notes = "\n".join(_notes(questions))
    kept = {q.id for q in questions.questions}
    # A quotation's speaker shown with its words: one of cloze, attribution and when is kept.
    assert _one_of(kept, "not-close/cloze", "not-close/attribution", "not-close/when")
    assert "shows the missing word ('not close the')" in notes
    # "Who proposed that the tolls be abolished?" and its proposer cloze: the same question twice.
    assert _one_of(kept, "tolls/proposal", "tolls/cloze")
    assert "both ask the person of the same fact" in notes
    # "The party leader Ann Hale died" answers what office Hale held; "Ann Hale's deputy stepped aside
    # to give Bo Lind a clear run at the party leadership" both Hale's (her name in the possessive) and
    # Lind's, so it goes beside Hale's office question, and Lind's asks Hale's office again;
    # "while Piet Mors was foreign minister" what office Mors held; "meetings with President Jon Olsen"
    # what office Olsen held.
    assert _one_of(kept, "hale.leader-of-the-harbour-party/office", "hale-dies/when")
    assert "lenby-harbour/hale.leader-of-the-harbour-party/office" in kept
    assert not _one_of(kept, "lind.leader-of-the-harbour-party/office", "clear-run/when")
    assert (
        "left out the when question about 'clear-run': lenby-harbour/hale.leader-of-the-harbour-party/office"
        " is kept and it shows the office ('leadership') that the other asks" in notes
    )
    assert _one_of(kept, "mors.foreign-minister-of-norland/office", "talks/when")
    assert _one_of(kept, "olsen.president-of-norland/office", "meetings/when")
    for form in ("'leader'", "'foreign minister'", "'president'"):
        assert f"shows the office ({form})" in notes
    # Bo Lind's office is Ann Hale's: asked once.
    assert "both ask for the same office (leader of the harbour party): once is enough" in notes
    # An office and its holder in the same span: one direction only.
    assert _one_of(kept, "brant.chancellor-of-norland/office", "brant.chancellor-of-norland/office-holder")
    # (A short office question is given away by its holder question's title first; with choices, by the rule.)
    assert "shows the office ('chancellor of norland') that the other asks" in notes
    # A statement that dates the event answers "In what year ...?"; the lawyers' account is shown by the when.
    assert _one_of(kept, "charged/claim", "charged/when") and "shows the date ('1993')" in notes
    # The claim states the year the when question asks; the when question says whose account it is.
    assert _one_of(kept, "acquitted/claim", "acquitted/when") and "shows the date ('1996')" in notes
    # The matching would repeat "Who said ...?" and print the quotations of the clozes; a timeline loses
    # the items the kept questions give away, or goes.
    assert not any(q.shape is Shape.MATCHING for q in questions.questions)
    assert "chronology question about" in notes


def test_a_bare_name_gives_nothing_away(provoking) -> None:
    """The speaker's name without the quotation's words is no answer to "Who said ...?"."""
    lesson, _ = provoking
    detector = Giveaways(lesson)
    said = _question(lesson.id, "not-close", "attribution", prompt="Who said “We will not close the harbour”?",
                     answer="Ann Hale")  # fmt: skip
    assert detector.gives_away("Ann Hale told the council about the harbour.", said) is None
    assert detector.gives_away("Hale said: “We will not close the harbour.”", said) is not None
    # A quotation of no content words ("!?"): its speaker's name alone, a choice, is still no answer.
    bare = _question(lesson.id, "shout", "attribution", prompt="Who said “?!”?", answer="Ann Hale")
    assert detector.gives_away("Ann Hale", bare) is None


def test_a_quotation_of_small_words_is_given_away_by_its_words(provoking) -> None:
    """ "Lind replied, 'Why not?'" answers "Who replied “Why not?”?", though "why" and "not" say little alone."""
    lesson, _ = provoking
    detector = Giveaways(lesson)
    replied = _question(lesson.id, "why-not", "attribution", prompt="Who replied “Why not?”", answer="Bo Lind")
    assert detector.gives_away("I asked whether we might join, and Lind replied, “Why not?”", replied) is not None
    assert detector.gives_away("Bo Lind said why she would not stand again.", replied) is None


def test_a_cloze_blank_is_given_away_in_its_context_only(provoking) -> None:
    lesson, _ = provoking
    detector = Giveaways(lesson)
    parts = ("Ann Hale said: “We will not ", Blank("close"), " the harbour.”")
    cloze = _question(lesson.id, "not-close", "cloze", prompt="Ann Hale said: “We will not [...] the harbour.”",
                      answer="close", answer_type="term", cloze=ClozeText(parts))  # fmt: skip
    assert detector.gives_away("Who said “We will not close the harbour”?", cloze) is not None
    assert detector.gives_away("The talks came close to a deal.", cloze) is None
    assert detector.gives_away("Hale: “We will not close — the harbour!”", cloze) is not None  # punctuation between
    assert detector.gives_away(cloze.prompt, cloze) is None  # its own front


def test_office_forms_derived_and_without_place(provoking) -> None:
    forms = Giveaways.office_forms("Russian Foreign Minister")
    assert "foreign minister" in forms
    assert {"leadership", "leaders"} <= set(Giveaways.office_forms("leader of the Harbour Party"))
    assert {"presidency", "presidential"} <= set(Giveaways.office_forms("President of Norland"))
    lesson, _ = provoking
    detector = Giveaways(lesson)
    office = _question(lesson.id, "lind.leader-of-the-harbour-party", "office",
                       prompt="What office did Bo Lind hold from 1994 to 2003?", answer="leader of the Harbour Party",
                       answer_type="office")  # fmt: skip
    assert detector.gives_away("to give Bo Lind a clear run at the party leadership", office) is not None
    assert detector.gives_away("Bo Lind called a press conference", office) is None


def test_a_statement_with_the_year_answers_the_when_question(provoking) -> None:
    lesson, _ = provoking
    detector = Giveaways(lesson)
    when = _question(lesson.id, "acquitted", "when", prompt="In what year were the two harbour officials acquitted?",
                     answer="1996", answer_type="year")  # fmt: skip
    assert detector.gives_away("The two harbour officials were acquitted in 1996.", when) is not None
    assert detector.gives_away("Two harbour officials were charged with fraud in 1993.", when) is None
    # A year anywhere else on the sheet is the one year of the choices a student has seen: it tells.
    assert detector.gives_away("The free port opened in 1996.", when) is not None
    assert detector.gives_away("1996", when) is None  # a choice of another year question tells nothing


def test_a_prompt_that_says_whose_account_answers_the_claim(provoking) -> None:
    lesson, _ = provoking
    detector = Giveaways(lesson)
    claim = _question(lesson.id, "acquitted", "claim", answer="The port's lawyers' account", answer_type="account",
                      prompt="How does the article present this: as fact, or as someone's account? "
                             "The two harbour officials were acquitted.",
                      according_to="the port's lawyers")  # fmt: skip
    why = detector.gives_away("According to the port's lawyers, when were the two harbour officials acquitted?", claim)
    assert why is not None and "whose account it is" in why
    assert detector.gives_away("When were the two harbour officials acquitted?", claim) is None


def test_a_month_is_given_away_by_its_year_and_a_day_only_whole(provoking) -> None:
    lesson, _ = provoking
    detector = Giveaways(lesson)
    month = _question(lesson.id, "froze", "when", prompt="The harbour accounts were frozen: in what month and year?",
                      answer="May 1997", answer_type="date")  # fmt: skip
    assert detector.gives_away("What office did Olga Brant hold from 1997 to 2001?", month) is not None
    assert detector.gives_away("The September 1997 report", month) is not None
    assert detector.gives_away("What office did Olga Brant hold from 1995 to 2001?", month) is None
    day = dataclasses.replace(month, answer="12 May 1997")
    assert detector.gives_away("What office did Olga Brant hold from 1997 to 2001?", day) is None
    assert detector.gives_away("On 12 May 1997, who said “Enough”?", day) is not None


def test_a_full_date_is_given_away_by_its_year_with_its_subject(provoking) -> None:
    lesson, _ = provoking
    detector = Giveaways(lesson)
    when = _question(lesson.id, "museum", "when", prompt="The harbour museum opened: on what date?",
                     answer="21 August 2021", alternatives=("2021-08-21",), answer_type="date")  # fmt: skip
    for text in (
        "The harbour museum opened in 2021.",
        "The museum opened in August 2021.",
        "The harbour museum: opened 2021-08-21.",
    ):
        assert detector.gives_away(text, when) is not None, text
    assert detector.gives_away("The Lenby Gazette was founded in 2021.", when) is None


def test_one_thing_asked_twice_in_other_words(provoking) -> None:
    """Two facts, one event: "Who recalls proposing ...?" and "Who recalled '... I proposed ...'?" share their
    answer and most of what they are about."""
    lesson, _ = provoking
    detector = Giveaways(lesson)
    proposed = _question(lesson.id, "tolls", "proposal", prompt="Who proposed that the tolls be abolished?",
                         answer="Ann Hale")  # fmt: skip
    prompt = "Who recalled “I proposed that the harbour tolls be abolished”?"
    recalled = _question(lesson.id, "recalls", "attribution", prompt=prompt, answer="Ann Hale")
    why = clash(detector.shown(proposed), detector.asks(proposed), detector.shown(recalled), detector.asks(recalled))
    assert why is not None and "in other words" in why
    other = _question(lesson.id, "not-close", "attribution", prompt="Who said “We will not close the harbour”?",
                      answer="Ann Hale")  # fmt: skip
    assert clash(detector.shown(proposed), detector.asks(proposed), detector.shown(other), detector.asks(other)) is None


def test_one_occasion_s_date_is_asked_once(provoking) -> None:
    lesson, _ = provoking
    detector = Giveaways(lesson)
    first = _question(lesson.id, "press-conference", "when", prompt="Bo Lind called a press conference: on what date?",
                      answer="3 March 2002", answer_type="date")  # fmt: skip
    second = _question(lesson.id, "open-to-every-ship", "when",
                       prompt="On what date was it that Bo Lind said “The harbour is open to every ship”?",
                       answer="3 March 2002", answer_type="date")  # fmt: skip
    why = clash(detector.shown(first), detector.asks(first), detector.shown(second), detector.asks(second))
    assert why is not None and "one occasion" in why
    other_day = _question(lesson.id, "meetings", "when", prompt="On what date did Bo Lind meet Jon Olsen?",
                          answer="4 March 2002", answer_type="date")  # fmt: skip
    assert (
        clash(detector.shown(first), detector.asks(first), detector.shown(other_day), detector.asks(other_day)) is None
    )


def test_multiple_choice_is_kept_before_a_bare_cloze_and_claims_last() -> None:
    choice = _question("l", "f", "attribution", prompt="Who?", answer="A", choices=("A", "B", "C", "D"), correct=0)
    short = _question("l", "f", "attribution", prompt="Who?", answer="A")
    assert priority(choice) < priority(short)
    claim = _question("l", "f", "claim", prompt="?", answer="Stated as fact", choices=("a", "b", "c"), correct=0)
    assert priority(claim) > priority(short)


def test_a_timeline_loses_the_offending_item_and_keeps_the_rest() -> None:
    _, questions = lesson_and_questions(ROOT / "seeds" / "berlin-wall" / "facts.yaml")
    notes = _notes(questions)
    assert any(n.startswith("left out of the chronology") and "ten-point plan" in n for n in notes)
    timelines = [q for q in questions.questions if q.shape is Shape.ORDERING]
    assert timelines and all(len(q.pairs) >= 4 for q in timelines)
    for question in timelines:
        assert str(len(question.pairs)) in question.prompt  # worded for the items it kept
        assert set(question.items) == {label for _, label in question.pairs}
        assert "ten-point plan" not in " ".join(question.items)
        assert "ten-point plan" not in question.fact_summary + question.answer
        assert len(question.facts) == len(question.pairs) and "ten-point-plan" not in question.facts
        assert list(question.items) != [label for _, label in question.pairs]  # never shown in order


def test_no_kind_crowds_out_another() -> None:
    """Each kind's first question before any kind's second: of the first lesson's quotations some are
    asked "Who said ...?" and some as blanks, not all one way."""
    _, questions = lesson_and_questions(ROOT / "seeds" / "russia-nato" / "facts.yaml")
    kinds = [q.kind for q in questions.questions]
    assert kinds.count("attribution") >= 3 and kinds.count("cloze") >= 3, kinds


HINTED = [(PROVOKING, "tolls"), (PROVOKING, "brant.chancellor-of-norland"), (SEED_FIRST, "cannot-be-excluded")]


@pytest.mark.parametrize(("path", "about"), HINTED, ids=[about for _, about in HINTED])
def test_the_note_s_hint_brings_the_question_back(tmp_path: Path, path: Path, about: str) -> None:
    """A teacher who prefers the question left out follows the note's hint: the other goes, it comes back
    (another fact's question is excluded; a role's, which cannot be, and one of the same fact, whose
    exclusion would leave out both, by skipping its kind)."""
    first, questions = lesson_and_questions(path)
    note = next(d for d in questions.diagnostics if f"about '{about}'" in d.message and " is kept " in d.message)
    left_out = note.message.split("left out the ", 1)[1].split(" question", 1)[0]
    kept = note.message.split(": ", 1)[1].split(" is kept", 1)[0]
    if found := re.search(r"list '([^']+)' under questions: exclude: ([\w-]+):", note.hint):
        setting = f"    {found.group(2)}: [{found.group(1)}]\n"
        marker = "  exclude:\n"
    else:
        skipped = re.search(r"list ([\w-]+) under questions: skip_kinds:", note.hint)
        assert skipped is not None, note.hint
        setting, marker = f"  skip_kinds: [{skipped.group(1)}]\n", ""
    lesson = tmp_path / path.parent.name
    shutil.copytree(path.parent, lesson)
    text = (lesson / "facts.yaml").read_text(encoding="utf-8")
    if "\nquestions:\n" not in text:
        text += "\nquestions:\n"
    if marker and "\n  exclude:\n" not in text:
        text += marker
    (lesson / "facts.yaml").write_text(text.replace("\n  exclude:\n", "\n  exclude:\n" + setting, 1) if marker
                                       else text.replace("\nquestions:\n", "\nquestions:\n" + setting, 1),
                                       encoding="utf-8")  # fmt: skip
    _, again = lesson_and_questions(lesson / "facts.yaml")
    ids = {q.id for q in again.questions}
    assert f"{first.id}/{about}/{left_out}" in ids and kept not in ids


def test_a_short_office_question_is_given_away_by_its_title_anywhere(provoking) -> None:
    lesson, _ = provoking
    detector = Giveaways(lesson)
    office = _question(lesson.id, "hale.leader-of-the-harbour-party", "office", answer="leader of the Harbour Party",
                       prompt="What office did Ann Hale hold from 1990 to 1994?", answer_type="office")  # fmt: skip
    office = dataclasses.replace(office, fact="hale.leader-of-the-harbour-party")
    other_holder = "Who was leader of the Harbour Party from 1995 to 1999?"
    assert detector.gives_away(other_holder, office) is not None  # rejected: no choices to tell it from
    choices = ("leader of the Harbour Party", "Chancellor of Norland", "Mayor of Lenby", "Foreign Minister of Norland")
    with_choices = dataclasses.replace(office, choices=choices, correct=0)
    assert detector.gives_away(other_holder, with_choices) is None  # kept: the other offices are on the sheet too


def test_an_office_with_choices_and_its_holder_are_asked_in_one_direction(provoking) -> None:
    lesson, _ = provoking
    detector = Giveaways(lesson)
    key = "brant.chancellor-of-norland"
    choices = ("Chancellor of Norland", "leader of the Harbour Party", "Mayor of Lenby", "Foreign Minister of Norland")
    office = _question(lesson.id, key, "office", prompt="What office did Olga Brant hold from 1996 to 2001?",
                       answer="Chancellor of Norland", answer_type="office", choices=choices, correct=0)  # fmt: skip
    holder = _question(lesson.id, key, "office-holder", prompt="Who was Chancellor of Norland from 1996 to 2001?",
                       answer="Olga Brant")  # fmt: skip
    shown = (detector.shown(office), detector.asks(office), detector.shown(holder), detector.asks(holder))
    assert clash(*shown) == "an office and its holder in the same span: asked in one direction only"
