"""Rules from the eleventh round of teachers' judgements, on the invented harbour town of
tests/test_engine_round5.py: a year the teacher gives is offered no neighbouring year as a wrong answer;
an office whose title names no country or body ("Mayor") is flagged by check and not asked "Who
was Mayor then?"; a wire-copy code ("kq-zt") is no word to blank or offer in a word bank; a
quotation stands where its evidence is, not in a headline that holds the same words first; news
copy's short years ("1962-71", "the '60s") mention the year; the answer's name with two words of the
subject side by side ("the harbour tax") gives "Who ...?" away.
(A name written under a header that names it, and a word bank's grammatical forms:
tests/test_sheet_leaks.py.)

Each rule has a case it must reject and one it must keep.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from studygen.article import Article
from studygen.dates import parse_date
from studygen.ground import bare_post
from studygen.questions import TEACHER_DATE, Question
from studygen.questions.cloze import BLANK, GAP, _with_blank, keyword, keyword_candidates
from studygen.questions.gates import _text_problem
from studygen.questions.giveaways import Giveaways, _initials, fold, quotation_passages
from studygen.questions.sourcing import account_answer, claim_questions

from .conftest import PROVOKING, lesson_and_questions, write_lesson
from .test_engine_round5 import ARTICLE, FACTS, _lesson, _questions
from .test_engine_round9 import SOURCES, SOURCES_FACTS
from .test_sheet_leaks import WHAT_OFFICE

# -- a teacher's year ----------------------------------------------------------------------------

MUSEUM = (
    "  - {id: museum, kind: event, what: the ferry museum opened, when: 1993, evidence: The ferry museum opened%s}\n"
)


def _museum_years(folder: Path, teacher: str = "") -> tuple[str, ...]:
    said = "" if teacher else " in 1993"
    article = ARTICLE + f"The ferry museum opened{said} in the old customs house.\n"
    fact = MUSEUM % said
    if teacher:
        fact = fact.replace("}\n", f", from_teacher: [{teacher}]}}\n")
    questions, _ = _questions(folder, article, FACTS + fact)
    return questions["museum/when"].choices


def test_a_teachers_year_is_offered_no_neighbouring_year(tmp_path: Path) -> None:
    """A film out in December in one country and January in another: a year the teacher gives from
    memory may be the next one as well, so 1992 and 1994 are no wrong answers for the teacher's 1993."""
    for marked in ("when", "when.year"):  # the whole date, or its year
        years = _museum_years(tmp_path / marked, teacher=marked)
        assert "1993" in years and not {"1992", "1994"} & set(years), (marked, years)
    years = _museum_years(tmp_path / "article")  # the article's own year: its neighbours stay
    assert "1993" in years and {"1992", "1994"} & set(years), years


# -- a post many countries have, with nothing to say whose ----------------------------------------

MAYORS = """\
  ramsey: {name: Karl Ramsey, aliases: [Ramsey], roles: [{title: %s, when: 2010-2014, from_teacher: [when],
           evidence: "Mayor Karl Ramsey"}]}
"""


def test_a_post_that_names_no_place_is_flagged_and_not_asked_who_held_it(tmp_path: Path) -> None:
    """ "Who was Mayor from 2010 to 2014?" does not say of where: check warns, with the line of the title,
    and the question is left out with a note; "What office did Karl Ramsey hold?" stays."""
    article = ARTICLE + "Mayor Karl Ramsey opened the ferry museum.\n"
    checked = write_lesson(tmp_path / "bare", article, FACTS.replace("facts:\n", MAYORS % "Mayor" + "facts:\n", 1))
    warned = [d for d in checked.diagnostics if d.code == "role.no-place"]
    assert len(warned) == 1 and (warned[0].line, warned[0].col) == (7, 66), [d.render() for d in checked.diagnostics]
    assert "'Mayor' of 'ramsey' names no country or body" in warned[0].message
    questions, notes = _questions(
        tmp_path / "bare", article, FACTS.replace("facts:\n", MAYORS % "Mayor" + "facts:\n", 1)
    )
    assert "ramsey.mayor/office-holder" not in questions
    assert "'Who was Mayor from 2010 to 2014?' does not say of which country or body" in notes
    assert questions["ramsey.mayor/office"].answer == "Mayor"

    named = FACTS.replace("facts:\n", MAYORS % "Mayor of Orvik" + "facts:\n", 1)
    checked = write_lesson(tmp_path / "named", article, named)
    assert not [d for d in checked.diagnostics if d.code == "role.no-place"]
    questions, notes = _questions(tmp_path / "named", article, named)
    assert "does not say of which country" not in notes
    assert "ramsey.mayor-of-orvik/office-holder" in questions or "ramsey.mayor-of-orvik/office" in questions


def test_bare_posts() -> None:
    bare = ("Prime Minister", "president", "Vice-President", "the Foreign Minister", "former Mayor", "Minister")
    assert all(bare_post(title) for title in bare)
    named = ("UK Prime Minister", "President of France", "Mayor of Orvik", "Home Secretary", "Prime Ministers")
    assert not any(bare_post(title) for title in named)


# -- no wire-copy codes as words -------------------------------------------------------------------


def test_a_wire_code_is_no_word_to_blank_or_offer() -> None:
    """ "kq-zt" and "brx-z" (a wire service's routing codes) are no words: no blank, no word-bank entry."""
    words = [w for w, _ in keyword_candidates("routed kq-zt and brx-z with the tug-of-war over quays")]
    assert words == ["routed", "tug-of-war", "quays"]


# -- a quotation its headline holds too ------------------------------------------------------------

HEADLINE = "Fares 'unfair' - Sande\n\nMayor Ruth Sande has called the ferry company's new fares \"unfair\".\n"
UNFAIR = """\
lesson: {id: fares, title: Ferry fares, source: {file: article.txt, title: Fares row, published: 2021}}
people:
  sande: {name: Ruth Sande, aliases: [Sande]}
facts:
  - {id: unfair, kind: quote, by: sande, said: unfair, frame: "%s",
     evidence: "Mayor Ruth Sande has called the ferry company's new fares \\"unfair\\"."}
"""


def test_a_quotation_is_placed_in_its_evidence_not_in_the_headline_before_it(tmp_path: Path) -> None:
    """The headline holds "unfair" first; the frame is the words around it in the sentence of its evidence
    (a judge: check compared the frame with the headline), and that is the passage the words stand in."""
    checked = write_lesson(tmp_path / "body", HEADLINE, UNFAIR % "has called the ferry company's new fares ...")
    assert not [d.render() for d in checked.diagnostics if d.code == "ground.frame-not-found"]
    # The body's paragraph, not the headline; -1 - 1: the passage no quotation "she added" goes on from.
    assert quotation_passages(checked.lesson)["unfair"] == {("sande", 1), ("sande", -2)}
    checked = write_lesson(tmp_path / "wrong", HEADLINE, UNFAIR % "has praised the ferry company's new fares ...")
    assert [d.code for d in checked.diagnostics if d.code == "ground.frame-not-found"] == ["ground.frame-not-found"]


def test_a_passage_is_found_in_the_first_evidence_that_holds_it() -> None:
    article = Article("Fares 'unfair'\n\nThe mayor spoke.\n\nShe called the fares \"unfair\".\n")
    headline, body = article.find("unfair"), article.original.rindex("unfair")
    assert article.find_in("unfair", ("She called the fares",)) == headline  # the evidence does not hold it
    assert article.find_in("unfair", ("The mayor spoke.", 'the fares "unfair"')) == (body, body + 6)
    assert article.find_in("unfair", ()) == headline


# -- a phrase of what "Who ...?" asks about, with the answer's name ---------------------------------


def test_the_answers_name_with_a_phrase_of_the_subject_gives_who_away() -> None:
    """ "Hale did not want the northern quay shut" answers "Who urged the harbour board to close the
    northern quay?" (a judge found such a pair bad), though it holds two of the subject's five words: two words
    side by side, in lower case, are the subject's own phrase. Names are no phrase, and one word is not."""
    lesson, _ = lesson_and_questions(PROVOKING)
    detector = Giveaways(lesson)
    urged = Question(id="lenby-harbour/quay/proposal", lesson="lenby-harbour", fact="quay", facts=("quay",),
                     kind="proposal", skill="", prompt="Who urged the harbour board to close the northern quay?",
                     answer="Ann Hale", answer_type="person", source="")  # fmt: skip
    assert (
        detector.gives_away(fold("Hale did not want the northern quay shut."), urged)
        == "it shows the proposer ('hale') with what the question is about"
    )
    assert detector.gives_away(fold("Hale walked along the quay to the north."), urged) is None
    proposed = dataclasses.replace(urged, prompt="Who proposed to Piet Mors that the quay be closed?")
    assert detector.gives_away(fold("Ann Hale wrote to Piet Mors."), proposed) is None  # a name: no phrase


# -- news copy's short years -----------------------------------------------------------------------


def test_news_copys_short_years_mention_the_year() -> None:
    """ "his 1962-71 term" gives 1971 and "moved to Varel in the `60s" the 1960s (wire copy: two false
    warnings)."""
    assert parse_date("1962-1971").unmentioned("his 1962-71 term") == []
    for text in ("moved to Varel in the `60s", "the '60s", "in the 60s", "the ’60s"):
        assert parse_date("1960s").unmentioned(text) == [], text
    assert parse_date("1990").unmentioned("the 1890-90 flood") == ["1990"]  # another century's span
    assert parse_date("1962-1971").unmentioned("from 1962 to 71 people") == ["1971"]  # no span
    assert parse_date("1962-1971").unmentioned("in 1962 71 people died") == ["1971"]
    assert parse_date("1960s").unmentioned("aged 60s and 70s") == ["1960s"]
    assert parse_date("1990").unmentioned("page 90") == ["1990"]


# -- the year an open span begins ------------------------------------------------------------------


def _harbour_master(folder: Path, when: str) -> tuple[str, ...]:
    article = ARTICLE + "Jon Vik won the council's vote in 1990.\n"
    facts = FACTS.replace(
        "  vik: {name: Jon Vik, aliases: [Vik]}",
        f"  vik: {{name: Jon Vik, aliases: [Vik], roles: [{{title: Orvik harbour master, when: {when},\n"
        "         evidence: Jon Vik won the council's vote in 1990, from_teacher: [when.to]}]}",
    ) + (
        "  - {id: took-over, kind: event, what: Jon Vik won the council's vote, who: [vik], when: 1990,\n"
        "     evidence: Jon Vik won the council's vote in 1990}\n"
        "questions: {skip_kinds: [office, office-holder]}\n"  # as if asked elsewhere: "... in 1995, besides ..."
    )
    questions, _ = _questions(folder, article, facts)
    return questions["took-over/when"].choices


def test_an_event_in_the_year_an_open_span_begins_is_offered_only_earlier_years(tmp_path: Path) -> None:
    """A seat held "from 1990": the year it was won is offered no later year, which other questions show
    the holder in it (a judge found three such later years bad beside "an MP in ..."), as a closed span was."""
    for when in ("from 1990", "1990-1999"):
        years = _harbour_master(tmp_path / when.replace(" ", "-"), when)
        assert years[-1] == "1990" and len(years) == 4, (when, years)


# -- an office by the verb of its head noun -------------------------------------------------------


def test_an_office_is_given_away_by_the_verb_its_title_is_made_from() -> None:
    """ "began her rule of Lenby" gives away "ruler of Lenby" (a judge, bad), and "in the lead of the Harbour
    Party" "leader of the Harbour Party", with the holder's name; a verb form does not ("ruled against")."""
    assert "rule" in Giveaways.office_forms("ruler of Lenby")
    assert not {"ruled", "ruling"} & set(Giveaways.office_forms("ruler of Lenby"))  # "ruled against him": a judge
    assert "lead" in Giveaways.office_forms("leader of the Harbour Party")
    assert not {"mayo", "may"} & set(Giveaways.office_forms("Mayor of Orvik"))  # no "-er": no verb
    lesson, _ = lesson_and_questions(PROVOKING)
    detector = Giveaways(lesson)
    assert detector.gives_away(fold("Ann Hale, in the lead of the Harbour Party since 1990"), WHAT_OFFICE) is not None
    assert detector.gives_away(fold("Ann Hale, leading the Harbour Party's campaign"), WHAT_OFFICE) is None


# -- a birth on a timeline of the same life --------------------------------------------------------

LIFE = """\
  - {id: born, kind: event, what: Ruth Sande was born, who: [sande], when: 1950, evidence: Sande was born in 1950}
  - {id: elected, kind: event, what: Sande was elected mayor, who: [sande], when: 2015,
     evidence: Sande was elected mayor in 2015}
  - {id: quay, kind: event, what: the quay was built, when: 1970, evidence: The quay was built in 1970}
"""


def test_a_birth_is_no_item_on_a_timeline_of_the_same_life(tmp_path: Path) -> None:
    """ "Ruth Sande was born" beside what she did later is first by nature (two judges: "the set is really
    three items"); a birth of someone the other events do not name stays."""
    article = ARTICLE + "Sande was born in 1950. Sande was elected mayor in 2015. The quay was built in 1970.\n"
    article += "Lund was born in 1988.\n"
    facts = FACTS + LIFE
    by_name = facts.replace("what: Sande was elected mayor, who: [sande]", "what: Sande was elected mayor")
    by_who = facts.replace(
        "what: Sande was elected mayor, who: [sande]", "what: The new mayor was elected, who: [sande]"
    )
    for name, lesson in (("people", by_who), ("named", by_name)):  # of the same people, or naming her
        questions, _ = _questions(tmp_path / name, article, lesson)
        timeline = [q for q in questions.values() if q.kind == "chronology"]
        assert timeline and not any("Ruth Sande was born" in label for q in timeline for _, label in q.pairs), name
    other = facts.replace("what: Ruth Sande was born, who: [sande]", "what: Eva Lund was born, who: [lund]")
    other = other.replace("Sande was born in 1950", "Lund was born in 1988").replace("when: 1950", "when: 1988")
    questions, _ = _questions(tmp_path / "other", article, other)
    labels = [label for q in questions.values() if q.kind == "chronology" for _, label in q.pairs]
    assert "Eva Lund was born" in labels, labels


# -- an undated deed is of its doer's years, or the article's --------------------------------------

ELDERS = """\
  brand: {name: Ole Brand, aliases: [Brand], roles: [{title: Mayor of Orvik, when: 1950-1960,
          evidence: Ole Brand was mayor from 1950 to 1960}]}
  holm: {name: Per Holm, aliases: [Holm], roles: [{title: Orvik harbour master, when: 1952-1958,
         evidence: Per Holm was harbour master from 1952 to 1958}]}
  berg: {name: Kari Berg, aliases: [Berg]}
"""
LETTER = """\
  - {id: letter, kind: proposal, by: %s, what: that the ferry be sold, verb: urged,
     evidence: urged in a letter that the ferry be sold}
  - {id: toll, kind: proposal, by: lund, what: that the quay charge a toll,
     evidence: Lund proposed that the quay charge a toll}
  - {id: night, kind: proposal, by: berg, what: that the ferry run at night,
     evidence: Berg proposed that the ferry run at night}
"""


def _letter_choices(folder: Path, by: str) -> tuple[str, ...]:
    article = ARTICLE + (
        "Ole Brand was mayor from 1950 to 1960. Per Holm was harbour master from 1952 to 1958.\n"
        f"{by.title()} urged in a letter that the ferry be sold. Lund proposed that the quay charge a toll.\n"
        "Kari Berg spoke next. Berg proposed that the ferry run at night.\n"
    )
    facts = FACTS.replace("facts:\n", ELDERS + "facts:\n", 1) + LETTER % by
    # The mayor holds an office: a fair wrong answer for a proposal (a third beside the two proposers).
    mayor = "roles: [{title: Mayor of Orvik, evidence: Mayor Ruth Sande}]"
    facts = facts.replace(
        "sande: {name: Ruth Sande, aliases: [Sande]}", f"sande: {{name: Ruth Sande, aliases: [Sande], {mayor}}}"
    )
    questions, _ = _questions(folder, article, facts)
    return questions["letter/proposal"].choices


def test_an_undated_proposal_offers_people_of_its_proposers_years_or_the_articles(tmp_path: Path) -> None:
    """An undated letter in an article of 2021, by someone the lesson dates nothing of, is offered no mayor
    of the 1950s (a judge: a mayor ousted decades before offered for a recent letter); by the 1950s
    harbour master, the mayor of his time is a fair wrong answer."""
    choices = _letter_choices(tmp_path / "today", "vik")
    assert "Jon Vik" in choices and "Ole Brand" not in choices, choices
    choices = _letter_choices(tmp_path / "then", "holm")
    assert "Per Holm" in choices and "Ole Brand" in choices, choices


def test_a_source_named_with_a_or_an_is_the_account_of_it(tmp_path: Path) -> None:
    """Not "A harbour report's account" (a judge) but "The account of a harbour report"; a name keeps its
    possessive."""
    facts = FACTS.replace("review: {name: the Sande review's report, kind: document}",
                          "review: {name: A harbour report, kind: document}")  # fmt: skip
    facts = facts.replace("evidence: The Sande review's report said", "evidence: A harbour report said")
    lesson = _lesson(tmp_path, ARTICLE.replace("The Sande review's report said", "A harbour report said"), facts)
    assert account_answer(lesson.lesson, "review") == "The account of a harbour report"
    assert account_answer(lesson.lesson, "lund") == "Eva Lund's account"


# -- whose date, in someone's account of an office -------------------------------------------------


def _mayor_prompt(folder: Path, dated_by_vik: bool) -> str:
    said = (
        "In 2015, Vik said, the talks were led by Sande, who was then mayor."
        if dated_by_vik
        else "The talks were led by Sande, who was then mayor, Vik said.\n\nThe ferry talks began in 2015."
    )
    year = "In 2015, Vik said" if dated_by_vik else "The ferry talks began in 2015"
    facts = FACTS.replace(
        "  sande: {name: Ruth Sande, aliases: [Sande]}",
        "  sande: {name: Ruth Sande, aliases: [Sande], roles: [{title: Mayor of Orvik, when: 2015, according_to: vik,\n"
        f"          evidence: [Sande, who was then mayor, {year}]}}]}}",
    )
    questions, _ = _questions(folder, ARTICLE + "\n" + said + "\n", facts)
    return questions["sande.mayor-of-orvik/office"].prompt


def test_someones_account_of_an_office_carries_only_their_own_date(tmp_path: Path) -> None:
    """ "According to X, what office did Y hold in 1985?" reads as X's year, which was another sentence's
    ("who was then harbour master", a judge); a year in X's own paragraph is theirs and stays."""
    assert _mayor_prompt(tmp_path / "other", False) == "According to Jon Vik, what office did Ruth Sande hold?"
    assert _mayor_prompt(tmp_path / "own", True) == "According to Jon Vik, what office did Ruth Sande hold in 2015?"


def test_a_participle_after_have_or_been_is_no_blank() -> None:
    """ "have [...] greatly" takes prospered, gained or profited alike (a judge): no blank; a participle that
    stands alone as the verb stays."""
    assert keyword("The harbour towns have prospered mightily from the new ferry timetable") == "timetable"
    assert keyword("The harbour towns prospered mightily from the new ferry timetable") == "prospered"
    assert keyword("The quay has been dredged twice since the storm") is None
    assert keyword("The quay was dredged twice since the storm") == "dredged"


def test_a_vague_source_is_no_wrong_answer_beside_reports(tmp_path: Path) -> None:
    """Reports or rumour as the answer, "The press's account" as a wrong one: a careful student defends both
    (a judge); a named source's account stays. Where only vague sources make claims, they stay rather than
    speakers quoted on something else (tests/test_engine_causes_round2.py)."""
    lesson = _lesson(tmp_path, SOURCES, SOURCES_FACTS).lesson
    drafts = {d.key: d for d in claim_questions(lesson) if not d.left_out}
    assert drafts["resign"].answer == "Reports, source not named"
    vague = {"The press's account", "The account of observers here", "The account of Lenby officials"}
    assert not vague & set(drafts["resign"].candidates)
    assert "Eva Lund's account" in drafts["resign"].candidates


def test_an_article_before_a_blank_reads_a_n() -> None:
    """ "an [...]" tells a word that starts with a vowel (a judge: the bank's only one); "a(n) [...]" does not."""
    assert _with_blank(f"There must be an {GAP} welcome.", "honest", ())[0] == f"There must be a(n) {BLANK} welcome."
    assert _with_blank(f"It was a {GAP} day.", "grey", ())[0] == f"It was a(n) {BLANK} day."
    assert _with_blank(f"An {GAP} crowd came.", "eager", ())[0] == f"A(n) {BLANK} crowd came."
    assert _with_blank(f"Ask Dana {GAP} now.", "twice", ())[0] == f"Ask Dana {BLANK} now."  # a name's end: no article


def test_an_undated_office_is_asked_at_the_time_of_the_article(tmp_path: Path) -> None:
    """ "What office did Jon Vik hold?" has a second answer in any post he held before or after (two judges);
    of someone the lesson shows dead, every post is past, and the question stays as it was."""
    facts = FACTS.replace(
        "  vik: {name: Jon Vik, aliases: [Vik]}",
        "  vik: {name: Jon Vik, aliases: [Vik],\n"
        "        roles: [{title: Orvik harbour master, evidence: Harbour master Jon Vik}]}",
    )
    questions, _ = _questions(tmp_path / "alive", ARTICLE, facts)
    assert questions["vik.orvik-harbour-master/office"].prompt == (
        "What office did Jon Vik hold at the time of the article?"
    )
    died = facts + "  - {id: vik-died, kind: event, what: Jon Vik died, who: [vik], when: 2021, evidence: Vik died}\n"
    questions, _ = _questions(tmp_path / "dead", ARTICLE + "Vik died in 2021.\n", died)
    assert questions["vik.orvik-harbour-master/office"].prompt == "What office did Jon Vik hold?"


def test_a_date_only_the_teacher_gives_says_so_on_the_front(tmp_path: Path) -> None:
    """ "died on Tuesday" made a day by the teacher: no student finds it in the article, and the front says
    so (judges in three rounds: "the key says so, but the student's sheet does not"); the article's own
    year says nothing."""
    article = ARTICLE + "The ferry museum opened in the old customs house.\n"
    teacher = (FACTS + MUSEUM % "").replace(
        "evidence: The ferry museum opened}", "evidence: The ferry museum opened, from_teacher: [when]}"
    )
    questions, _ = _questions(tmp_path / "teacher", article, teacher)
    assert questions["museum/when"].prompt.endswith("? " + TEACHER_DATE)
    questions, _ = _questions(tmp_path / "article", ARTICLE + "The ferry museum opened in 1993.\n", FACTS + MUSEUM % "")
    assert TEACHER_DATE not in questions["museum/when"].prompt


def test_had_had_is_english_not_a_doubled_word() -> None:
    """ "the testimony had had an effect" is right (a judge: a claim left out for a "doubled word")."""
    assert _text_problem("Her testimony had had an effect on the board.") is None
    assert _text_problem("Was that that harbour?") is None
    assert _text_problem("The the harbour closed.") == "the word 'The' is doubled"


def test_a_countrys_post_is_named_by_its_initials_too() -> None:
    """ "PM apology" in the footer answers "What office did X hold? UK Prime Minister" (a judge)."""
    assert _initials("UK Prime Minister") == "pm" == _initials("Prime Minister")
    assert _initials("US President") == "" and _initials("UK") == ""
    assert _text_problem("None of the harbour lawyers would take the case.") is None
    assert _text_problem("Who said None?") == "the text contains 'None': a template value is missing"
