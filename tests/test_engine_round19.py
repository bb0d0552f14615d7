"""Rules from the nineteenth round of teachers' judgements, on the invented harbour town of Varel: a year
question offers wrong years on both sides of the answer unless one side is all in the lesson's period; an
undated office the article places earlier ("originally", "then") is not asked "at the time of the
article"; an undated office also accepts what else the article calls the person; a post held "since" a
year is asked "has been"; a day the teacher gave, in the month the article's date prints, is not asked;
a title that says most of what a "Who said ...?" asks gives it away; a quotation opening with "He" needs
`about`.

Each rule has a case it must reject and one it must keep.
"""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

from studygen.dates import parse_date
from studygen.export.worksheet_layout import _timeline_item
from studygen.model import Fact
from studygen.questions import TEACHER, Question, _with_teacher_values, build_questions
from studygen.questions.base import KINDS, fact_sentence, spoken
from studygen.questions.choices import Chooser
from studygen.questions.giveaways import quotation_passages
from studygen.questions.sourcing import claim_questions
from studygen.questions.triage import flag_reasons

from .conftest import write_lesson
from .test_engine_round15 import DAY, DAY_ARTICLE, TITLE, TITLE_ARTICLE


def _checked(folder: Path, article: str, facts: str):  # type: ignore[no-untyped-def]
    checked = write_lesson(folder, article, facts)
    assert checked.ok and checked.lesson is not None, [d.render() for d in checked.diagnostics]
    return checked


def _made(folder: Path, article: str, facts: str, one_sheet: bool = False):  # type: ignore[no-untyped-def]
    checked = _checked(folder, article, facts)
    return build_questions(checked.lesson, checked.contexts(), one_sheet=one_sheet)


def _questions(folder: Path, article: str, facts: str, one_sheet: bool = False) -> dict[str, Question]:
    return {q.id.split("/", 1)[1]: q for q in _made(folder, article, facts, one_sheet).questions}


def _notes(folder: Path, article: str, facts: str) -> str:
    return "\n".join(d.render() for d in _made(folder, article, facts).diagnostics)


# -- wrong years on both sides of the answer ------------------------------------------------------------

YEARS_ARTICLE = "The ferry service opened in 1961. The new pier was built in 1972. The night crossing closed in 1982.\n"
YEARS = """\
lesson: {id: years, title: "%s", source: {file: article.txt, title: Ferry years, published: 1982}}
people: {}
facts:
  - {id: opened, kind: event, what: The ferry service opened, when: 1961, evidence: The ferry service opened in 1961}
  - {id: pier, kind: event, what: The new pier was built, when: 1972, evidence: The new pier was built in 1972}
%s"""
CLOSED = (
    "  - {id: closed, kind: event, what: The night crossing closed, when: 1982,\n"
    "     evidence: The night crossing closed}\n"
)


def _places(folder: Path, title: str, more: str = CLOSED) -> dict[str, dict[int, tuple[str, ...]]]:
    lesson = _checked(folder, YEARS_ARTICLE, YEARS % (title, more)).lesson
    chooser = Chooser(lesson)
    return {draft.facts[0]: chooser.year_places(draft) for draft in KINDS["when"].make(lesson)}


def test_the_periods_first_year_is_never_the_first_of_four_later_ones(tmp_path: Path) -> None:
    """Judges, three rounds: the lesson's first year first, before three later ones: a student who sees
    that the lesson starts that year guesses the earliest. It takes a middle place, among years on both sides."""
    places = _places(tmp_path / "a", "The Varel ferry, 1961-1982")
    assert set(places["opened"]) == {1, 2}, places["opened"]  # rejected: 0, with 1962, 1963, 1964
    assert 0 in places["pier"] and 3 in places["pier"]  # kept: the period goes on both ways from 1972
    assert places["pier"][0] == ("1972", "1973", "1974", "1975")


def test_wrong_years_outside_the_period_are_not_all_on_one_side(tmp_path: Path) -> None:
    """A judge: 1958, 1959, 1960 before 1961 in a lesson whose only dated events are of 1961 and 1972:
    the tool itself flagged them outside the lesson's period."""
    places = _places(tmp_path / "b", "The Varel ferry", more="")
    assert 0 not in places["opened"]  # rejected: 1962, 1963, 1964 after the period's first year
    assert 3 not in places["pier"]  # rejected: the period's last year after three earlier ones
    assert 1 in places["opened"] and 2 in places["pier"]  # kept: years on both sides


def test_where_only_one_side_can_be_had_the_edge_is_kept(tmp_path: Path) -> None:
    """A year no later year may follow (the lesson's article is of that year, 1972) keeps the last place:
    a question with choices on one side is better than none."""
    lesson = YEARS.replace("published: 1982", "published: 1972") % ("The Varel ferry", "")
    article = YEARS_ARTICLE.replace(" The night crossing closed in 1982.", "")
    checked = _checked(tmp_path / "c", article, lesson)
    chooser = Chooser(checked.lesson)
    pier = next(d for d in KINDS["when"].make(checked.lesson) if d.facts == ("pier",))
    assert set(chooser.year_places(pier)) == {3}


# -- an undated office the article places earlier -------------------------------------------------------

EARLIER_ARTICLE = (
    "The official originally in charge of the pier inquiry, deputy harbour master Jon Vik, said at the time "
    "that the pier was safe. Ruth Sande, the mayor of Varel, opened the pier. Bo Lind, then mayor of Lenby, "
    "came too. Eva Lund, the ferry manager, according to Ann Hale, was then chair of the Varel ferry board.\n"
)
EARLIER = """\
lesson: {id: earlier, title: The Varel pier, source: {file: article.txt, title: Pier opens, published: 2001}}
people:
  vik:
    name: Jon Vik
    roles: [{title: deputy harbour master of Varel, from_teacher: [title], evidence: deputy harbour master Jon Vik}]
  sande:
    name: Ruth Sande
    roles: [{title: mayor of Varel, evidence: "Ruth Sande, the mayor of Varel"}]
  lind:
    name: Bo Lind
    roles: [{title: mayor of Lenby, evidence: "Bo Lind, then mayor of Lenby"}]
  hale: {name: Ann Hale}
  lund:
    name: Eva Lund
    roles:
      - {title: ferry manager, kind: description, evidence: "Eva Lund, the ferry manager"}
      - {title: chair of the Varel ferry board, according_to: hale, evidence: then chair of the Varel ferry board}
facts:
  - {id: opened, kind: event, what: Ruth Sande opened the pier,
     evidence: "Ruth Sande, the mayor of Varel, opened the pier"}
"""


def test_an_undated_office_the_article_places_earlier_is_not_asked_as_now(tmp_path: Path) -> None:
    """Judges, three rounds: "What office did Jon Vik hold at the time of the article?" of "the official
    originally in charge ..., deputy harbour master Jon Vik, said at the time"."""
    asked = _questions(tmp_path / "a", EARLIER_ARTICLE, EARLIER)
    assert "vik.deputy-harbour-master-of-varel/office" not in asked  # rejected: "originally", "at the time"
    assert "lind.mayor-of-lenby/office" not in asked  # rejected: "then mayor"
    kept = asked["sande.mayor-of-varel/office"]
    assert kept.prompt == "What office did Ruth Sande hold at the time of the article?"
    # kept: "According to Ann Hale, what office did Eva Lund hold?" claims no time
    assert asked["lund.chair-of-the-varel-ferry-board/office"].prompt.startswith("According to Ann Hale, what")
    notes = _notes(tmp_path / "b", EARLIER_ARTICLE, EARLIER)
    assert "places Jon Vik's post as deputy harbour master of Varel before its own time ('originally')" in notes
    assert "places Bo Lind's post as mayor of Lenby before its own time ('then')" in notes


def test_the_words_that_place_an_office_must_stand_near_its_evidence(tmp_path: Path) -> None:
    """ "Originally" three sentences away places something else."""
    far = EARLIER_ARTICLE.replace("The official originally in charge of the pier inquiry, ", "The inquiry met. ")
    far = far.replace(", said at the time that", " said that")
    asked = _questions(tmp_path / "a", "The harbour was originally a fishing port. The quay is old. " + far, EARLIER)
    assert asked["vik.deputy-harbour-master-of-varel/office"].prompt.endswith("at the time of the article?")
    long = far.replace(
        "The inquiry met. ", "Originally the inquiry, which sat for many long weeks in the town hall, met "
    )
    asked = _questions(tmp_path / "b", long, EARLIER)  # in the sentence, but 60 characters and more before it
    assert asked["vik.deputy-harbour-master-of-varel/office"].prompt.endswith("at the time of the article?")


def test_an_undated_office_accepts_what_else_the_article_calls_them(tmp_path: Path) -> None:
    """A judge: "What office did Eva Lund hold at the time of the article? chair of the ferry board", while
    the article also calls her the ferry manager, which a student may fairly write."""
    lund = EARLIER.replace("according_to: hale, evidence: then chair", "evidence: then chair")
    lund = lund.replace(
        "{title: chair of the Varel ferry board, evidence: then chair of the Varel ferry board}",
        "{title: chair of the Varel ferry board, evidence: chair of the Varel ferry board}",
    )
    article = EARLIER_ARTICLE.replace("according to Ann Hale, was then chair", "is chair")
    asked = _questions(tmp_path / "a", article, lund)
    assert "ferry manager" in asked["lund.chair-of-the-varel-ferry-board/office"].alternatives
    board = "evidence: chair of the Varel ferry board}"
    dated = lund.replace(board, "when: 1990, " + board)
    asked = _questions(tmp_path / "b", article + "She became chair in 1990.\n", dated)
    question = asked["lund.chair-of-the-varel-ferry-board/office"]
    assert "in 1990" in question.prompt and "ferry manager" not in question.alternatives  # not then, perhaps


# -- a post held since a year ---------------------------------------------------------------------------

SINCE_ARTICLE = "Ruth Sande %s. Bo Lind, the harbour master of Lenby, spoke.\n"
SINCE = """\
lesson: {id: since, title: The Varel ferry board, source: {file: article.txt, title: Ferry board, published: 2001}}
people:
  sande:
    name: Ruth Sande
    roles: [{title: chair of the Varel ferry board, when: from 1990, evidence: "%s"}]
  lind:
    name: Bo Lind
    roles: [{title: harbour master of Lenby, evidence: "Bo Lind, the harbour master of Lenby"}]
facts:
%s"""
CHAIRED = "has chaired the Varel ferry board since 1990"
BECAME = "became chair of the Varel ferry board in 1990"
SPOKE = '  - {id: spoke, kind: event, what: Bo Lind spoke, evidence: "Bo Lind, the harbour master of Lenby, spoke"}\n'


def _since(folder: Path, words: str, facts: str = SPOKE, article: str = "") -> dict[str, Question]:
    return _questions(folder, SINCE_ARTICLE % words + article, SINCE % (words, facts))


def test_a_post_held_since_a_year_is_asked_as_held_still(tmp_path: Path) -> None:
    """A judge: "Who was chair ... from 1990?" reads as a post she had left; the article says she "has
    chaired it since 1990", and she holds it still."""
    asked = _since(tmp_path / "since", CHAIRED)
    key = "sande.chair-of-the-varel-ferry-board"
    assert asked[f"{key}/office-holder"].prompt == "Who has been chair of the Varel ferry board since 1990?"
    assert asked[f"{key}/office"].prompt == "What office has Ruth Sande held since 1990?"
    became = _since(tmp_path / "became", BECAME)  # kept: "became ... in 1990" says nothing of now
    assert became[f"{key}/office-holder"].prompt == "Who was chair of the Varel ferry board from 1990?"
    died = _since(tmp_path / "died", CHAIRED, SPOKE + "  - {id: died, kind: event, what: Ruth Sande died, "
                  "when: 2001, evidence: Ruth Sande died}\n", "Ruth Sande died in 2001.\n")  # fmt: skip
    assert died[f"{key}/office-holder"].prompt == "Who was chair of the Varel ferry board from 1990?"


# -- a day the teacher gave, in the month the article's date prints ---------------------------------------


def test_a_teachers_day_in_the_month_of_the_articles_date_is_not_asked(tmp_path: Path) -> None:
    """Judges, four rounds: "on what date? 17 March 2001, your teacher's" of an article dated 22 March
    2001: the footer gives the month, and the day is arithmetic with a calendar."""
    same_month = DAY.replace("published: 2001-04-02", "published: 2001-03-22").replace("2001-03-31", "2001-03-17")
    article = DAY_ARTICLE.replace("2 April 2001", "22 March 2001") % "on Saturday night"
    assert "closed/when" not in _questions(tmp_path / "a", article, same_month % "on Saturday night")
    notes = _notes(tmp_path / "b", article, same_month % "on Saturday night")
    assert "the day (17 March 2001) is yours, and the article's date, printed with every question, gives its " \
        "month (March 2001)" in notes  # fmt: skip
    # kept: the article's own day, and a teacher's day in another month than the article's date
    own = same_month.replace(", from_teacher: [when]", "")
    assert "closed/when" in _questions(tmp_path / "c", article.replace("on Saturday night", "on 17 March"),
                                       own % "on 17 March")  # fmt: skip
    assert "closed/when" in _questions(tmp_path / "d", DAY_ARTICLE % "on Saturday night", DAY % "on Saturday night")


# -- a title that says most of what "Who said ...?" asks ------------------------------------------------


def test_a_title_that_says_half_of_what_is_asked_gives_the_speaker_away(tmp_path: Path) -> None:
    """A judge: "Who said 'I would be critical of the present council ...'?" under "Ann Hale's criticism
    of the Lenby council": the quotation never names Lenby, yet the title answers it. Two of the title's
    words and half of them are enough."""
    unnamed = TITLE.replace("about: the Lenby council,\n     said", "said")
    given = _questions(tmp_path / "a", TITLE_ARTICLE, unnamed % "Ann Hale's criticism of the Lenby council")
    assert "critical/attribution" not in given and "ferry/attribution" in given  # 2 of 3
    title = "Ann Hale's criticism of the Lenby council's ferry fares and quay tolls"
    kept = _questions(tmp_path / "b", TITLE_ARTICLE, unnamed % title)  # 2 of 7: a topic, not the answer
    assert kept["critical/attribution"].choices


# -- a quotation that opens with a pronoun ----------------------------------------------------------------

PRONOUN_ARTICLE = 'Jon Vik spoke of Bo Lind. "%s wanted a better quay for the ferry," Vik said.\n'
PRONOUN = """\
lesson: {id: pronoun, title: The Varel quay, source: {file: article.txt, title: Quay, published: 2001}}
people:
  vik: {name: Jon Vik, aliases: [Vik]}
facts:
  - {id: quay, kind: quote, by: vik, said: "%s wanted a better quay for the ferry"%s}
"""


def _pronoun_warnings(folder: Path, opening: str, about: str = "") -> list[str]:
    checked = write_lesson(folder, PRONOUN_ARTICLE % opening, PRONOUN % (opening, about))
    return [d.message for d in checked.diagnostics if d.code == "text.pronoun"]


def test_a_quotation_opening_with_a_pronoun_needs_about(tmp_path: Path) -> None:
    """Judges, two rounds: "Jon Vik said: 'He wanted a better quay for the [...]'": the sheet never says
    who "he" is."""
    for opening in ("He", "She", "They", "His son", "Their crew"):
        warned = _pronoun_warnings(tmp_path / opening.replace(" ", "-"), opening)
        assert warned == [f"the quotation of 'quay' opens with '{opening.split()[0]}': printed on its own, it "
                          "does not say whom that means"], warned  # fmt: skip
    assert _pronoun_warnings(tmp_path / "about", "He", ", about: Bo Lind") == []  # kept: about says who
    assert _pronoun_warnings(tmp_path / "hero", "Heroes") == []  # a word that starts like one is none
    assert _pronoun_warnings(tmp_path / "we", "We") == []  # the speaker's own people: the speaker is named


def test_a_year_beyond_the_period_beside_its_edge_is_not_flagged_weak(tmp_path: Path) -> None:
    """1960 before 1961 in a lesson on 1961-1972 is what gives the first year years on both sides: the
    teacher's list of questions to look at does not call it weak. Beside a year inside, it is."""
    checked = _checked(tmp_path, YEARS_ARTICLE, YEARS % ("The Varel ferry", ""))  # its period: 1961-1972
    made = build_questions(checked.lesson, checked.contexts(), one_sheet=False)
    asked = next(q for q in made.questions if q.kind == "when")
    edge = replace(asked, id="edge", answer="1961", choices=("1960", "1961", "1962", "1963"), correct=1)
    inside = replace(asked, id="inside", answer="1967", choices=("1960", "1967", "1968", "1969"), correct=1)
    last = replace(asked, id="last", answer="1972", choices=("1970", "1971", "1972", "1973"), correct=2)
    reasons = flag_reasons(checked.lesson, [edge, inside, last])
    assert "edge" not in reasons and "last" not in reasons  # kept: no flag
    assert reasons["inside"] == ("weak choices: 1960 outside the lesson's period (1961-1972)",)


# -- a quotation that is a clause the article's sentence runs into ------------------------------------


def test_a_quotation_that_runs_on_from_that_is_said_so(tmp_path: Path) -> None:
    """A judge: 'The board said: “any pilot who refuses will find it ...”' prints a fragment, in lower
    case, as a whole sentence; the article has 'and that “any pilot ...”'."""
    clause = Fact(id="q", kind="quote", by="vik", said="any pilot who refuses will find it hard")
    assert clause.runs_on and spoken(clause) == "said that “any pilot who refuses will find it hard”"
    kept = {
        "Any pilot who refuses will find it hard": "a whole sentence",
        "a river of debt that never runs dry": "a noun phrase: no verb a noun phrase lacks",
        "has no allies, but only vassals": "no subject",
    }
    for said, why in kept.items():
        assert not Fact(id="q", kind="quote", by="vik", said=said).runs_on, why
    called = Fact(id="q", kind="quote", by="vik", said="the pier will fall", cue="called")
    assert called.verb == "called" and not called.runs_on  # "called that" is no English
    article = 'The board said that "any pilot who refuses will find it hard to work in Varel."\n'
    facts = """\
lesson: {id: runs, title: Varel pilots, source: {file: article.txt, title: Pilots, published: 2001}}
people:
  board: {name: the Varel harbour board, kind: group}
facts:
  - {id: pilot, kind: quote, by: board, said: any pilot who refuses will find it hard to work in Varel, blank: pilot}
"""
    asked = _questions(tmp_path, article, facts)
    assert asked["pilot/cloze"].prompt == (
        "The Varel harbour board said that “any [...] who refuses will find it hard to work in Varel”."
    )


# -- a quotation left open at a paragraph's end -------------------------------------------------------


def test_a_quotation_left_open_runs_on_past_an_apostrophe(tmp_path: Path) -> None:
    """A judge: a quotation opened at a paragraph's end and carried on in the next was two passages,
    because the paragraph's "the pilots' wages" was read as a closing mark (an apostrophe)."""
    article = (
        "The pilots' wages grew. Ruth Sande said: \"The ferry must run every day of the year.\n\n"
        '"The quay is the oldest in Varel." Jon Vik said the tolls were high.\n'
    )
    facts = """\
lesson: {id: open, title: Varel ferry, source: {file: article.txt, title: Ferry, published: 2001}}
people:
  sande: {name: Ruth Sande}
  vik: {name: Jon Vik}
facts:
  - {id: ferry, kind: quote, by: sande, said: The ferry must run every day of the year}
  - {id: quay, kind: quote, by: sande, said: The quay is the oldest in Varel}
"""
    curly = article.replace('said: "The', "said: “The").replace(
        '"The quay is the oldest in Varel."', "“The quay is the oldest in Varel.”"
    )
    typed = article.replace('said: "The', "said: ``The").replace(
        '"The quay is the oldest in Varel."', "``The quay is the oldest in Varel.''"
    )
    for name, text in (("a", article), ("curly", curly), ("typed", typed)):
        passages = quotation_passages(_checked(tmp_path / name, text, facts).lesson)
        assert passages["ferry"] & passages["quay"], name  # one passage
    closed = article.replace("every day of the year.\n", 'every day of the year."\n')
    lesson = _checked(tmp_path / "b", closed, facts).lesson
    passages = quotation_passages(lesson)
    assert not passages["ferry"] & passages["quay"]  # kept apart: the first closes its marks


# -- wrong years long after the answer -------------------------------------------------------------------

LATER_ARTICLE = (
    "The Lenby pier fell in 1962. The harbour master was charged in 1963. "
    "The charge was quashed in 1977. The harbour master was pardoned in 1979.\n"
)
LATER = """\
lesson: {id: later, title: "The Lenby pier, 1962-1993", source: {file: article.txt, title: Pier, published: 1993}}
people: {}
facts:
  - {id: fell, kind: event, what: The Lenby pier fell, when: 1962, evidence: The Lenby pier fell in 1962}
  - {id: charged, kind: event, what: The harbour master was charged, when: 1963,
     evidence: The harbour master was charged in 1963}
  - {id: quashed, kind: event, what: The charge was quashed, when: 1977, evidence: The charge was quashed in 1977}
  - {id: pardoned, kind: event, what: The harbour master was pardoned, when: 1979,
     evidence: The harbour master was pardoned in 1979}
"""


def test_a_lesson_year_long_after_the_answer_comes_after_the_near_ones(tmp_path: Path) -> None:
    """Judges, three rounds: "1961 / 1962 / 1977 / 1979" for the fall of the pier that led to the rulings
    of 1977 and 1979: a student rules the rulings out by the story alone. Years near the answer come
    first; the lesson's years before it keep their place (1962 for the charge of 1963)."""
    lesson = _checked(tmp_path, LATER_ARTICLE, LATER).lesson
    chooser = Chooser(lesson)
    drafts = {d.facts[0]: d for d in KINDS["when"].make(lesson)}
    offered = {fact: {y for c in chooser.year_places(d).values() for y in c} for fact, d in drafts.items()}
    assert not offered["fell"] & {"1977", "1979"}, offered["fell"]  # rejected: what followed from it
    assert {"1963", "1964"} <= offered["fell"]  # kept: near it, the lesson's own first
    assert "1962" in offered["charged"] and "1963" in offered["pardoned"]  # kept: the lesson's years before it
    assert {"1977", "1979"} <= offered["quashed"] | offered["pardoned"]  # near each other: both offered


def test_a_statement_that_says_its_year_is_not_given_it_again(tmp_path: Path) -> None:
    """A judge: "During the 1963 inquiry, the harbour master was charged ... in 1963"."""
    lesson = _checked(tmp_path, LATER_ARTICLE, LATER).lesson
    said = Fact(id="c", kind="event", what="during the 1963 inquiry, the harbour master was charged",
                when=parse_date("1963"))  # fmt: skip
    assert fact_sentence(lesson, said) == "During the 1963 inquiry, the harbour master was charged."
    plain = Fact(id="c", kind="event", what="the harbour master was charged", when=parse_date("1963"))
    assert fact_sentence(lesson, plain) == "The harbour master was charged in 1963."


# -- a timeline printed in reverse order ----------------------------------------------------------------


def test_a_timeline_is_printed_neither_in_order_nor_in_reverse(tmp_path: Path) -> None:
    """A judge: version A printed the four events last to first, so the key read D, C, B, A."""
    events = [SimpleNamespace(label=label) for label in ("pier", "toll", "quay", "ferry")]
    question = SimpleNamespace(sequence=events)
    ordered = [e.label for e in events]
    shown = [list(_timeline_item(1, question, random.Random(seed)).left) for seed in range(300)]  # type: ignore[arg-type]
    assert ordered not in shown and ordered[::-1] not in shown
    assert len({tuple(s) for s in shown}) == 22  # every other order of four is printed
    two = SimpleNamespace(sequence=events[:2])  # two events: only the right order is avoided
    assert {tuple(_timeline_item(1, two, random.Random(seed)).left) for seed in range(50)} == {("toll", "pier")}  # type: ignore[arg-type]


# -- the teacher's date of an account, on the key ---------------------------------------------------------


def test_the_teachers_date_of_an_account_is_marked_on_the_key(tmp_path: Path) -> None:
    """Judges, two rounds: the key said "according to what Jon Vik said in March 2001", a month the teacher
    worked out from "last week", without saying so."""
    article = "Jon Vik said %s that the night ferry would run again.\n"
    facts = """\
lesson: {id: said, title: Varel ferry, source: {file: article.txt, title: Ferry, published: 2001-03-22}}
people:
  vik: {name: Jon Vik}
facts:
  - {id: run, kind: event, what: the night ferry would run again, according_to: vik, said_when: 2001-03, %s
     evidence: Jon Vik said %s that the night ferry would run again}
"""
    for words, mark, given_by in (("last week", "from_teacher: [said_when],", TEACHER),
                                  ("in March 2001", "", "the article")):  # fmt: skip
        lesson = _checked(tmp_path / str(bool(mark)), article % words, facts % (mark, words)).lesson
        draft = next(d for d in claim_questions(lesson) if not d.left_out)
        assert draft.according_to == "what Jon Vik said in March 2001"
        assert ("March 2001", given_by) in _with_teacher_values(lesson, draft, "the night ferry would run again")


# -- "urged to ..." with no one urged ----------------------------------------------------------------------


def test_a_proposal_urged_to_with_no_one_urged_is_warned_of(tmp_path: Path) -> None:
    """A judge: "Who urged to block the sale and close the quay?": the fact named no one urged."""
    article = "Ruth Sande handed in a letter urging the council to block the sale. Bo Lind proposed a toll.\n"
    facts = """\
lesson: {id: urge, title: Varel quay, source: {file: article.txt, title: Quay, published: 2001}}
people:
  sande: {name: Ruth Sande}
  lind: {name: Bo Lind}
  council: {name: the Varel council, aliases: [the council], kind: group}
facts:
  - {id: letter, kind: proposal, by: sande, verb: %s, what: %s%s,
     evidence: Ruth Sande handed in a letter urging the council to block the sale}
"""

    def warned(verb: str, what: str, to: str = "") -> list[str]:
        checked = write_lesson(tmp_path / f"{verb}-{what[:4]}-{bool(to)}", article, facts % (verb, what, to))
        return [d.message for d in checked.diagnostics if d.code == "ground.proposal-wording"]

    assert warned("urged", "to block the sale") == [
        "fact 'letter' is asked 'urged to ...', which is not English without whom they urged"
    ]
    assert warned("urged", "to block the sale", ", to: council") == []  # kept: "urged the Varel council to ..."
    assert warned("urged", "that the sale be blocked") == []  # kept: "urged that ..."
    # Judges, two lessons: "Who urged the council that the council block the sale?"
    assert warned("urged", "that the council block the sale", ", to: council") == [
        "fact 'letter' is asked 'urged <whom> that ...', which is not English: after whom, 'urged' takes 'to ...'"
    ]


# -- an office the article's headline shows ---------------------------------------------------------------


def test_an_office_the_articles_headline_shows_is_not_asked(tmp_path: Path) -> None:
    """Judges, two rounds: "What office has X held since 1990? director and chairman of Y" under the
    headline "Judge ... is Y director", printed on every page."""
    article = "Ruth Sande has been director and chairman of the Varel Ferry Trust since 1990. Bo Lind spoke.\n"
    facts = """\
lesson: {id: trust, title: The Varel ferry, source: {file: article.txt, title: "%s", published: 2001}}
people:
  sande:
    name: Ruth Sande
    roles: [{title: director and chairman of the Varel Ferry Trust, when: from 1990,
             evidence: Ruth Sande has been director and chairman of the Varel Ferry Trust since 1990}]
  lind: {name: Bo Lind}
facts:
  - {id: spoke, kind: event, what: Bo Lind spoke, evidence: Bo Lind spoke}
"""
    key = "sande.director-and-chairman-of-the-varel-ferry-trust/office"
    shown = _questions(tmp_path / "shown", article, facts % "Mayor is Varel Ferry Trust director")
    assert key not in shown  # rejected: 4 of its 5 words (director, varel, ferry, trust) on every page
    notes = _notes(tmp_path / "notes", article, facts % "Mayor is Varel Ferry Trust director")
    assert "the article's citation, printed with every question, shows most of the answer" in notes
    kept = _questions(tmp_path / "kept", article, facts % "Mayor speaks on the ferry")  # ferry: 1 of 5
    assert kept[key].prompt == "What office has Ruth Sande held since 1990?"
