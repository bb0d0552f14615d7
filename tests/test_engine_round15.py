"""Rules from the fifteenth round of teachers' judgements, on the invented harbour town of Varel: a
year the teacher gave for an office is said so on the front of "Who was ...?"; a birth is no deed, and
someone a fact names after its subject has done the deed ("Ann Hale overtook Bo Lind's record") does not
act in it; a name right before "died" dies ("Harbour master Jon Vik died"); an undated deed the article
places by its own day ("earlier this year") is of the article's year; nobody urges a body of which they
hold an office; words that mean the article's place or day ("here", "this morning"), and a name that
reads as a headline without "the", are flagged by check; a quotation "she added" in the next paragraph is
one passage with the one before it, and two "Who said ...?" of one passage are one question.
(The word bank's parts of speech: tests/test_sheet_leaks.py.)

Each rule has a case it must reject and one it must keep.
"""

from __future__ import annotations

from pathlib import Path

from studygen.model import Fact
from studygen.questions import (
    TEACHER_DATE,
    TEACHER_DATE_FROM,
    TEACHER_DATES,
    TEACHER_FRAME,
    TEACHER_OFFICE,
    TEACHER_YEAR,
    TEACHER_YEARS,
    Question,
    build_questions,
)
from studygen.questions.base import about_of, active_years, death_years, members_of
from studygen.questions.giveaways import Giveaways
from studygen.questions.sourcing import claim_questions

from .conftest import write_lesson


def _checked(folder: Path, article: str, facts: str):  # type: ignore[no-untyped-def]
    checked = write_lesson(folder, article, facts)
    assert checked.ok and checked.lesson is not None, [d.render() for d in checked.diagnostics]
    return checked


def _questions(folder: Path, article: str, facts: str, one_sheet: bool = True) -> dict[str, Question]:
    checked = _checked(folder, article, facts)
    made = build_questions(checked.lesson, checked.contexts(), one_sheet=one_sheet)
    return {q.id.split("/", 1)[1]: q for q in made.questions}


def _warnings(folder: Path, article: str, facts: str, code: str) -> list[str]:
    checked = write_lesson(folder, article, facts)
    return [d.message for d in checked.diagnostics if d.code == code]


# -- the teacher's years of an office, on the front ---------------------------------------------

OFFICES_ARTICLE = (
    "Ruth Sande, the mayor of Varel, opened the ferry terminal. Jon Vik, the harbour master of Varel "
    "from 1988 to 1996, was there. Eva Lund, the harbour master of Lenby, came too. Bo Lind, a former "
    "harbour master of Orvik, spoke. Ann Hale, once harbour master of Tarn, sent a letter.\n"
)
OFFICES = """\
lesson: {id: ferry, title: The Varel ferry, source: {file: article.txt, title: Ferry opens, published: 2001}}
people:
  sande: {name: Ruth Sande, roles: [{title: Mayor of Varel, evidence: "Ruth Sande, the mayor of Varel"}]}
  vik: {name: Jon Vik, roles: [{title: Harbour Master of Varel, when: "%s", %s
        evidence: "Jon Vik, the harbour master of Varel from 1988 to 1996"}]}
  lund: {name: Eva Lund, roles: [{title: Harbour Master of Lenby, when: 1990-1999, from_teacher: [when],
         evidence: "Eva Lund, the harbour master of Lenby"}]}
  lind: {name: Bo Lind, roles: [{title: Harbour Master of Orvik, when: 1980-1985, from_teacher: [when],
         evidence: "Bo Lind, a former harbour master of Orvik"}]}
  hale: {name: Ann Hale, roles: [{title: Harbour Master of Tarn, when: 1970-1975, from_teacher: [when],
         evidence: "Ann Hale, once harbour master of Tarn"}]}
facts:
  - {id: terminal, kind: event, what: Ruth Sande opened the ferry terminal, who: [sande],
     evidence: "Ruth Sande, the mayor of Varel, opened the ferry terminal"}
"""
HOLDER = "vik.harbour-master-of-varel/office-holder"


def article_office(folder: Path) -> Question:
    return _questions(folder, OFFICES_ARTICLE, OFFICES % ("1988-1996", ""), one_sheet=False)[
        "vik.harbour-master-of-varel/office"
    ]


def test_the_teachers_years_of_an_office_are_said_on_the_front_of_who_held_it(tmp_path: Path) -> None:
    """A judge: "Who was Mayor of Varel from 1979 to 1989?" with the years the teacher's and the front
    silent, while the when-question of a teacher's date says so. The article's years: nothing added."""
    article = _questions(tmp_path / "article", OFFICES_ARTICLE, OFFICES % ("1988-1996", ""))[HOLDER]
    assert article.prompt == "Who was Harbour Master of Varel from 1988 to 1996?"
    teacher = _questions(
        tmp_path / "years", OFFICES_ARTICLE, OFFICES % ("1989-1995", "from_teacher: [when],"), one_sheet=False
    )
    assert teacher[HOLDER].prompt == f"Who was Harbour Master of Varel from 1989 to 1995? {TEACHER_YEARS}"
    dated = OFFICES % ("1989-05-10 to 1995-06-30", "from_teacher: [when],")
    days = _questions(tmp_path / "days", OFFICES_ARTICLE, dated)
    assert days[HOLDER].prompt.endswith(f"to 30 June 1995? {TEACHER_DATES}")
    one = _questions(tmp_path / "one", OFFICES_ARTICLE, OFFICES % ("from 1989", "from_teacher: [when],"))
    assert one[HOLDER].prompt == f"Who was Harbour Master of Varel from 1989? {TEACHER_DATE}"
    # "What office did Jon Vik hold ...?" shows them too (a judge: "from 1987 to 1989", the teacher's, unmarked).
    office = teacher["vik.harbour-master-of-varel/office"]
    assert office.prompt == f"What office did Jon Vik hold from 1989 to 1995? {TEACHER_YEARS}"
    assert "teacher" not in article_office(tmp_path / "article-office").prompt


DAY_ARTICLE = "Varel, 2 April 2001. The ferry board met %s and closed the night crossing.\n"
DAY = """\
lesson: {id: day, title: The Varel ferry, source: {file: article.txt, title: Crossing closed, published: 2001-04-02}}
people: {}
facts:
  - {id: closed, kind: event, what: the ferry board closed the night crossing, when: 2001-03-31, from_teacher: [when],
     evidence: "The ferry board met %s and closed the night crossing"}
"""


def test_a_teachers_day_worked_out_from_the_articles_weekday_says_so(tmp_path: Path) -> None:
    """A judge: "on what date? The date is your teacher's, not the article's" of an event the article dates
    "on Saturday night", two days before its dateline: the student can work it out from the article. (The
    dateline is in the next month: of the same month, the question is not asked at all, below.)"""
    for words, said in (("on Saturday night", "Saturday night"), ("yesterday", "yesterday"), ("in March", "")):
        question = _questions(tmp_path / words.replace(" ", "-"), DAY_ARTICLE % words, DAY % words)
        tail = TEACHER_DATE_FROM % said if said else TEACHER_DATE
        assert question["closed/when"].prompt.endswith(f"on what date? {tail}"), question["closed/when"].prompt
    assert (
        TEACHER_DATE_FROM % "Saturday night"
        == "The date is your teacher's, worked out from the article's “Saturday night”."
    )


def test_a_month_the_article_gives_with_the_teachers_year_says_whose_year(tmp_path: Path) -> None:
    """A judge: "in what month and year? November 1998", the year the teacher's, the front silent."""
    facts = DAY.replace("when: 2001-03-31, from_teacher: [when]", "when: 1990-03, from_teacher: [when.year]")
    question = _questions(tmp_path / "year", DAY_ARTICLE % "in March", facts % "in March", False)["closed/when"]
    assert question.prompt.endswith(f"in what month and year? {TEACHER_YEAR}"), question.prompt
    facts = DAY.replace("when: 2001-03-31, from_teacher: [when]", "when: 1990-03")
    question = _questions(tmp_path / "article", DAY_ARTICLE % "in March 1990", facts % "in March 1990", False)[
        "closed/when"
    ]
    assert question.prompt.endswith("in what month and year?"), question.prompt


TIMELINE_ARTICLE = (
    "The ferry began in 1950. The quay was rebuilt in 1962. The harbour froze in 1979. The night crossing "
    "closed in March.\n"
)
TIMELINE = """\
lesson: {id: timeline, title: The Varel ferry, source: {file: article.txt, title: Ferry, published: 2001}}
people: {}
facts:
  - {id: began, kind: event, what: the ferry began, when: 1950, evidence: The ferry began in 1950}
  - {id: quay, kind: event, what: the quay was rebuilt, when: 1962, evidence: The quay was rebuilt in 1962}
  - {id: froze, kind: event, what: the harbour froze, when: 1979, evidence: The harbour froze in 1979%s}
  - {id: closed, kind: event, what: the night crossing closed, when: 1990-03, from_teacher: [when.year],
     evidence: The night crossing closed in March}
"""


def test_a_timeline_says_which_events_the_teacher_dated(tmp_path: Path) -> None:
    """A judge: a film placed on the timeline by the teacher's year, said so only in the key."""
    article = TIMELINE_ARTICLE.replace(" in 1979", "")
    made = _questions(tmp_path / "teacher", article, TIMELINE.replace("in 1979%s}", "%s}") % ", from_teacher: [when]")
    items = made["set-1/chronology"].items
    assert sorted(items) == [
        "The ferry began",
        "The harbour froze (your teacher's date)",
        "The night crossing closed (the year is your teacher's)",
        "The quay was rebuilt",
    ]
    made = _questions(tmp_path / "article", TIMELINE_ARTICLE, TIMELINE % "")
    assert "The harbour froze" in made["set-1/chronology"].items


# -- who acts in a dated fact, and when an undated deed was done -----------------------------------

DEEDS_ARTICLE = (
    "Ann Hale was born in 1931. In 1960 Ann Hale overtook Bo Lind's record as the longest-serving "
    "harbour master. Bo Lind had been harbour master from 1901 to 1915. Harbour master Jon Vik died in "
    "1994. Ruth Sande met Eva Lund in 1999. Earlier this year Ann Hale proposed a toll on the new bridge. "
    "Piet Mors ran the ferry from 1998. Ann Hale was harbour master of Tarn from 1960 to 2000.\n"
)
DEEDS = """\
lesson: {id: deeds, title: Varel harbour, source: {file: article.txt, title: Varel harbour, published: 2001}}
people:
  hale: {name: Ann Hale, roles: [{title: Harbour Master of Tarn, when: 1960-2000,
         evidence: Ann Hale was harbour master of Tarn from 1960 to 2000}]}
  lind: {name: Bo Lind, roles: [{title: Harbour Master of Varel, when: 1901-1915,
         evidence: "Bo Lind had been harbour master from 1901 to 1915"}]}
  vik: {name: Jon Vik}
  sande: {name: Ruth Sande}
  lund: {name: Eva Lund}
  mors: {name: Piet Mors}
facts:
  - {id: born, kind: event, what: Ann Hale was born, who: [hale], when: 1931, evidence: Ann Hale was born in 1931}
  - {id: record, kind: event, what: Ann Hale overtook Bo Lind's record as the longest-serving harbour master,
     who: [hale, lind], when: 1960, evidence: In 1960 Ann Hale overtook Bo Lind's record}
  - {id: vik-died, kind: event, what: Harbour master Jon Vik died, who: [vik], when: 1994,
     evidence: Harbour master Jon Vik died in 1994}
  - {id: met, kind: event, what: Ruth Sande met Eva Lund, who: [sande, lund], when: 1999,
     evidence: Ruth Sande met Eva Lund in 1999}
  - {id: ferry, kind: event, what: Piet Mors ran the ferry, who: [mors], when: from 1998,
     evidence: Piet Mors ran the ferry from 1998}
  - {id: toll, kind: proposal, by: hale, what: a toll on the new bridge%s,
     evidence: "%s Ann Hale proposed a toll on the new bridge"}
"""


def test_a_birth_is_no_deed_and_the_object_of_a_deed_does_not_act_in_it(tmp_path: Path) -> None:
    """A judge: a harbour master the lesson shows only in 1901-15 was offered for a toll of 2001 because
    another's record "overtook" his in 1960; the birth made a 1931-2000 span of its subject."""
    lesson = _checked(tmp_path, DEEDS_ARTICLE, DEEDS % ("", "Earlier this year")).lesson
    active = active_years(lesson)
    assert active["hale"] == (1960, 2000)  # not from her birth in 1931
    assert active["lind"] == (1901, 1915)  # his office, not the year another overtook his record
    assert active["sande"] == active["lund"] == (1999, 1999)  # both subjects of "Ruth Sande met Eva Lund"
    assert active["mors"] == (1998, 10**6)  # "from 1998": no last year


def test_someone_only_ever_named_after_the_subject_is_of_the_time_they_are_named_in(tmp_path: Path) -> None:
    facts = DEEDS.replace("  lind: {name: Bo Lind, roles: [{title: Harbour Master of Varel, when: 1901-1915,\n"
                          "         evidence: \"Bo Lind had been harbour master from 1901 to 1915\"}]}\n",
                          "  lind: {name: Bo Lind}\n")  # fmt: skip
    lesson = _checked(tmp_path, DEEDS_ARTICLE, facts % ("", "Earlier this year")).lesson
    assert active_years(lesson)["lind"] == (1960, 1960)


def test_a_name_right_before_died_dies(tmp_path: Path) -> None:
    lesson = _checked(tmp_path, DEEDS_ARTICLE, DEEDS % ("", "Earlier this year")).lesson
    assert death_years(lesson) == {"vik": 1994}
    son = DEEDS.replace("what: Harbour master Jon Vik died", "what: Harbour master Jon Vik's son died")
    lesson = _checked(tmp_path / "son", DEEDS_ARTICLE.replace("Jon Vik died", "Jon Vik's son died"),
                      son.replace("evidence: Harbour master Jon Vik died in 1994",
                                  "evidence: Harbour master Jon Vik's son died in 1994") % ("", "Earlier this year"),
                      ).lesson  # fmt: skip
    assert death_years(lesson) == {}


def test_an_undated_deed_of_earlier_this_year_is_offered_nobody_dead_or_long_gone(tmp_path: Path) -> None:
    """A judge: a man the lesson shows dead in 1994 offered for a toll of "earlier this year" (2001).
    Without the article's own day, the deed is of its doer's years (1960 to 2000 here), and he stays."""
    article = (
        DEEDS_ARTICLE.replace("Piet Mors ran the ferry from 1998. ", "")
        + "Mayor Ruth Sande and councillor Eva Lund spoke.\n"
    )
    facts = DEEDS.replace("  mors: {name: Piet Mors}\n", "").replace(
        "  - {id: ferry, kind: event, what: Piet Mors ran the ferry, who: [mors], when: from 1998,\n"
        "     evidence: Piet Mors ran the ferry from 1998}\n", "")  # fmt: skip
    # Offices: people whose only part is a deed are no wrong answers for a proposal (round 19).
    for person, role in (
        ("vik: {name: Jon Vik", "harbour master of Varel, evidence: Harbour master Jon Vik"),
        ("sande: {name: Ruth Sande", "Mayor of Varel, evidence: Mayor Ruth Sande"),
        ("lund: {name: Eva Lund", "councillor of Varel, evidence: councillor Eva Lund"),
    ):
        facts = facts.replace(person + "}", f"{person}, roles: [{{title: {role}}}]}}")  # fmt: skip
    recent = _questions(tmp_path / "recent", article, facts % ("", "Earlier this year"), one_sheet=False)
    assert recent["toll/proposal"].choices == ()  # Vik died in 1994, Lind was gone by 1915: two left
    once = article.replace("Earlier this year ", "Once ")
    undated = _questions(tmp_path / "undated", once, facts % ("", "Once"), one_sheet=False)
    assert set(undated["toll/proposal"].choices) == {"Ann Hale", "Jon Vik", "Ruth Sande", "Eva Lund"}  # not Lind


# -- a body's own people do not urge it ------------------------------------------------------------

URGE_ARTICLE = (
    "Varel's prime minister Ruth Sande and its harbour minister Jon Vik must decide by Friday. Eva Lund, "
    "a Varel widow, handed in a letter urging the Varel government to keep the ferry. Bo Lind, the mayor of "
    "Lenby, and Piet Mors, a Lenby councillor, spoke against it. Ann Hale, Government Auditor of Tarn, "
    "also spoke. Government spokeswoman Jo Berg did not comment.\n"
)
URGE = """\
lesson: {id: urge, title: The Varel ferry, source: {file: article.txt, title: Ferry letter, published: 2001}}
people:
  sande: {name: Ruth Sande, roles: [{title: Varel Prime Minister, evidence: "Varel's prime minister Ruth Sande"}]}
  vik: {name: Jon Vik, roles: [{title: Varel Harbour Minister, evidence: "its harbour minister Jon Vik"}]}
  lund: {name: Eva Lund, roles: [{title: Varel widow, kind: description, evidence: "Eva Lund, a Varel widow"}]}
  lind: {name: Bo Lind, roles: [{title: Mayor of Lenby, evidence: "Bo Lind, the mayor of Lenby"}]}
  mors: {name: Piet Mors, roles: [{title: Lenby councillor, evidence: "Piet Mors, a Lenby councillor"}]}
  hale: {name: Ann Hale, roles: [{title: Government Auditor of Tarn, evidence: "Ann Hale, Government Auditor of Tarn"}]}
  berg: {name: Jo Berg, speaks_for: government}
  government: {name: the %s Government, kind: group, from_teacher: [name]}
facts:
  - {id: letter, kind: proposal, by: lund, to: [government], verb: urged, what: to keep the ferry,
     evidence: "handed in a letter urging the Varel government to keep the ferry"}
  - {id: against, kind: event, what: Bo Lind and Piet Mors spoke against the ferry, who: [lind, mors],
     evidence: "Bo Lind, the mayor of Lenby, and Piet Mors, a Lenby councillor, spoke against it"}
"""


def test_nobody_urges_a_government_of_which_they_hold_an_office(tmp_path: Path) -> None:
    """A judge: "Who urged the Varel government to keep the ferry?" offered its Prime Minister and
    Harbour Minister. Officers of another body stay, and so do a Varel widow (no office) and the
    Government Auditor of Tarn ("Government" says what kind of body, not whose)."""
    checked = _checked(tmp_path / "varel", URGE_ARTICLE, URGE % "Varel")
    assert members_of(checked.lesson, "government") == {"sande", "vik", "berg"}  # its officers, its voice
    question = _questions(tmp_path / "varel2", URGE_ARTICLE, URGE % "Varel", one_sheet=False)["letter/proposal"]
    assert question.choices and not {"Ruth Sande", "Jon Vik"} & set(question.choices)
    assert set(question.choices) - {"Eva Lund"} <= {"Bo Lind", "Piet Mors", "Ann Hale"}
    # The government of Lenby has other members: the Varel ministers may be offered for it.
    checked = _checked(tmp_path / "lenby", URGE_ARTICLE, URGE % "Lenby")
    assert members_of(checked.lesson, "government") == {"lind", "mors", "berg"}
    assert members_of(checked.lesson, "lund") == frozenset()  # a person is no body


# -- words that mean the article's place or day; names that need "the" -----------------------------

PLACE_ARTICLE = (
    "An observer here said the talks went well. Ruth Sande told Varel Radio's Today programme this morning "
    'that "the ferry will run". She said that today, "the harbour is full". The Harbour report said '
    '"dredging must start". Orvik dockers said "we will strike".\n'
)
PLACE = """\
lesson: {id: place, title: Varel talks, source: {file: article.txt, title: Talks, published: 2001}}
people:
  observer: {name: %s, kind: unnamed%s}
  sande: {name: Ruth Sande}
  report: {name: %s, kind: document}
  dockers: {name: Orvik dockers, kind: group}
facts:
  - {id: talks, kind: event, what: the talks went well, according_to: observer,
     evidence: An observer here said the talks went well}
  - {id: ferry, kind: quote, by: sande, said: the ferry will run, frame: "%s", %s
     evidence: "Ruth Sande told Varel Radio's Today programme this morning"}
  - {id: full, kind: quote, by: sande, said: the harbour is full, frame: "said that today, ..."}
  - {id: dredging, kind: quote, by: report, said: dredging must start}
  - {id: strike, kind: quote, by: dockers, said: we will strike}
"""


def _place(name: str = "an observer here", teacher: str = "", frame: str = "told Varel Radio's Today programme "
           "this morning that ...", frame_teacher: str = "", report: str = "Harbour report") -> str:  # fmt: skip
    return PLACE % (name, teacher, report, frame, frame_teacher)


def test_words_that_mean_the_articles_place_or_day_are_flagged(tmp_path: Path) -> None:
    """Judges: "Who told reporters this morning ...?" and "An observer here said" on a sheet
    mean nothing. "Today programme" (a name, in capitals) and "today, ..." (the speaker's present) are no day."""
    found = _warnings(tmp_path / "as-is", PLACE_ARTICLE, _place(), "text.deictic")
    assert found == [
        "the name of 'observer' says 'here', which means the article's place or day: a question printed "
        "on its own does not say where or when that is",
        "the frame of 'ferry' says 'this morning', which means the article's place or day: a question printed "
        "on its own does not say where or when that is",
    ]
    fixed = _place("an observer in Varel", ", from_teacher: [name]", "told Varel Radio's Today programme that ...",
                   "from_teacher: [frame],")  # fmt: skip
    assert _warnings(tmp_path / "fixed", PLACE_ARTICLE, fixed, "text.deictic") == []
    # The teacher keeps the words, knowing: listed under from_teacher, they are not flagged.
    kept = _place(teacher=", from_teacher: [name]", frame_teacher="from_teacher: [frame],")
    assert _warnings(tmp_path / "kept", PLACE_ARTICLE, kept, "text.deictic") == []


def test_a_name_that_reads_as_a_headline_without_the_is_flagged(tmp_path: Path) -> None:
    """A judge: six prompts that start "Harbour report said ..."; "the Harbour report", a plural ("Orvik
    dockers") and a possessive are English as they stand."""
    found = _warnings(tmp_path / "bare", PLACE_ARTICLE, _place(), "name.needs-article")
    assert found == [
        "the name 'Harbour report' of 'report' reads as a headline without 'the': questions would start "
        "'Harbour report said ...'"
    ]
    assert _warnings(tmp_path / "the", PLACE_ARTICLE, _place(report="the Harbour report"), "name.needs-article") == []
    assert _warnings(tmp_path / "The", PLACE_ARTICLE, _place(report="The Harbour report"), "name.needs-article") == []
    article = PLACE_ARTICLE.replace("The Harbour report", "Varel's report")
    assert _warnings(tmp_path / "own", article, _place(report="Varel's report"), "name.needs-article") == []
    article = PLACE_ARTICLE.replace("The Harbour report", "The Harbour Report")
    assert _warnings(tmp_path / "proper", article, _place(report="Harbour Report"), "name.needs-article") == []
    # A body's name English writes with "the" ("Harbour Council said ..." reads as a headline), unless
    # the name holds its own ("Pilots of the Harbour Council").
    article = PLACE_ARTICLE.replace("The Harbour report", "The Harbour Council")
    council = _warnings(tmp_path / "council", article, _place(report="Harbour Council"), "name.needs-article")
    assert [m.split(":")[0] for m in council] == [
        "the name 'Harbour Council' of 'report' reads as a headline without 'the'"
    ]
    article = PLACE_ARTICLE.replace("The Harbour report", "Pilots of the Harbour Council")
    pilots = _place(report="Pilots of the Harbour Council")
    assert _warnings(tmp_path / "pilots", article, pilots, "name.needs-article") == []


# -- a quotation "she added" ---------------------------------------------------------------------

ADDED_ARTICLE = (
    "Mayor Ruth Sande defended the harbour board.\n"
    '"The pilots have always stood by the harbour board," Ms. Sande told the Varel Post.\n'
    '"Bo Lind was a stubborn choice for the tolls committee," she %s.\n'
    '"The bridge will be built," Jon Vik said.\n'
)
ADDED = """\
lesson: {id: added, title: Varel board, source: {file: article.txt, title: Board row, published: 2001}}
people:
  sande: {name: Ruth Sande, aliases: [Ms. Sande, Sande]}
  vik: {name: Jon Vik}
  lind: {name: Bo Lind}
  lund: {name: Eva Lund}
  hale: {name: Ann Hale}
facts:
  - {id: pilots, kind: quote, by: sande, said: The pilots have always stood by the harbour board}
  - {id: lind, kind: quote, by: sande, said: Bo Lind was a stubborn choice for the tolls committee, blank: stubborn}
  - {id: bridge, kind: quote, by: vik, said: The bridge will be built}
questions:
  exclude: {cloze: [pilots]}
"""


def test_a_quotation_she_added_is_one_passage_with_the_one_before(tmp_path: Path) -> None:
    """Judges: "Sande said: 'Bo Lind was a [...] choice ...'" printed beside "Who said 'The pilots have
    always ...'?": wire copy gives each sentence its own paragraph, and "she added" goes on with the
    last. A next paragraph that only "said" it is another passage."""
    added = _questions(tmp_path / "added", ADDED_ARTICLE % "added", ADDED)
    assert ("pilots/attribution" in added) != ("lind/cloze" in added), sorted(added)
    said = _questions(tmp_path / "said", ADDED_ARTICLE % "said", ADDED)
    assert {"pilots/attribution", "lind/cloze"} <= set(said), sorted(said)
    # By name, and in news SGML, whose paragraphs are its <P> tags, the lines hard-wrapped.
    named = ADDED_ARTICLE.replace('," she %s.', '," Ms. Sande %s.') % "added"
    added = _questions(tmp_path / "named", named, ADDED)
    assert ("pilots/attribution" in added) != ("lind/cloze" in added), sorted(added)
    paragraphs = [
        p.replace("the harbour board,", "the harbour\nboard,") for p in (ADDED_ARTICLE % "added").splitlines()
    ]
    sgml = "<DOC>\n<TEXT>\n" + "".join(f"<P>\n{p}\n</P>\n" for p in paragraphs) + "</TEXT>\n</DOC>\n"
    added = _questions(tmp_path / "sgml", sgml, ADDED)
    assert ("pilots/attribution" in added) != ("lind/cloze" in added), sorted(added)
    said = _questions(tmp_path / "sgml-said", sgml.replace("she added", "she said"), ADDED)
    assert {"pilots/attribution", "lind/cloze"} <= set(said), sorted(said)


def test_two_questions_that_each_ask_who_spoke_one_passage_are_one(tmp_path: Path) -> None:
    """Judges, three rounds: "the second 'Who said ...?' from one passage of one speaker: she 'added' this
    line; both have the same answer, so a student who knows one knows the other". One is kept; words the
    next paragraph only "said" are another passage, and both stay."""
    facts = ADDED.replace("exclude: {cloze: [pilots]}", "exclude: {cloze: [pilots, lind]}")
    added = _questions(tmp_path / "added", ADDED_ARTICLE % "added", facts)
    assert ("pilots/attribution" in added) != ("lind/attribution" in added), sorted(added)
    said = _questions(tmp_path / "said", ADDED_ARTICLE % "said", facts)
    assert {"pilots/attribution", "lind/attribution"} <= set(said), sorted(said)


# -- "about" a person the words name -------------------------------------------------------------


def test_about_a_person_the_quotation_names_by_surname_is_not_said_twice() -> None:
    """A judge: "Who said, about Jon Vik, 'when Mr Vik took the post ...'?": the words name him."""
    said = "When Mr Vik took the post we thought him stubborn"
    assert about_of(Fact(id="q", kind="quote", said=said, about="Jon Vik")) == ""
    assert about_of(Fact(id="q", kind="quote", said=said, about="Bo Lind")) == "Bo Lind"  # kept: not named
    assert about_of(Fact(id="q", kind="quote", said=said, about="the Vik report")) == "the Vik report"  # no name


# -- a title that says what the question asks --------------------------------------------------------

TITLE_ARTICLE = (
    'Ann Hale said of the Lenby council: "I am critical of the council, which sells more than it builds." '
    'Bo Lind said: "The ferry will run." Jon Vik said: "The quay is old." Eva Lund said: "Tolls must go."\n'
)
TITLE = """\
lesson: {id: title, title: "%s", source: {file: article.txt, title: Council row, published: 2001}}
people:
  hale: {name: Ann Hale, aliases: [Hale]}
  lind: {name: Bo Lind}
  vik: {name: Jon Vik}
  lund: {name: Eva Lund}
facts:
  - {id: critical, kind: quote, by: hale, about: the Lenby council,
     said: "I am critical of the council, which sells more than it builds"}
  - {id: ferry, kind: quote, by: lind, said: The ferry will run}
  - {id: quay, kind: quote, by: vik, said: The quay is old}
  - {id: tolls, kind: quote, by: lund, said: Tolls must go}
"""


def test_a_title_that_names_the_speaker_with_what_the_question_asks_gives_it_away(tmp_path: Path) -> None:
    """A judge: "Who said, about the Lenby council, 'I would be critical of ...'?" under the title
    "Ann Hale's criticism of the Lenby council". A title that names the speaker with less of it
    ("Ann Hale and the Lenby council") leaves the question to the quotation."""
    given = _questions(tmp_path / "given", TITLE_ARTICLE, TITLE % "Ann Hale's criticism of the Lenby council", False)
    assert "critical/attribution" not in given and "ferry/attribution" in given
    kept = _questions(tmp_path / "kept", TITLE_ARTICLE, TITLE % "Ann Hale and the harbour", False)
    assert kept["critical/attribution"].choices
    # One word of the title in the prompt is a topic, not the question ("Ann Hale's council").
    one = _questions(tmp_path / "one", TITLE_ARTICLE, TITLE % "Ann Hale's council", False)
    assert one["critical/attribution"].choices


# -- "according to" a source, beside a person its account names ---------------------------------------

ACCOUNT_ARTICLE = (
    "Eva Lund, %s, took Ann Hale's case, according to Jon Vik, and won it within a month. The ferry "
    "company said the fares were fair. Critics said the tolls were too high. Bo Lind said the quay was "
    "safe.\n"
)
ACCOUNT = """\
lesson: {id: account, title: The Varel case, source: {file: article.txt, title: Case won, published: 2001}}
people:
  lund: {name: Eva Lund, roles: [{title: Director of the Varel Law Centre, %s
         evidence: "Eva Lund, %s, took"}]}
  hale: {name: Ann Hale}
  vik: {name: Jon Vik}
  lind: {name: Bo Lind}
  company: {name: the ferry company, kind: group}
  critics: {name: critics, kind: unnamed}
facts:
  - {id: took-case, kind: event, what: Eva Lund took Ann Hale's case and won it within a month, according_to: vik,
     evidence: "took Ann Hale's case, according to Jon Vik, and won it within a month"}
  - {id: fares, kind: event, what: the fares were fair, according_to: company,
     evidence: The ferry company said the fares were fair}
  - {id: tolls, kind: event, what: the tolls were too high, according_to: critics,
     evidence: Critics said the tolls were too high}
  - {id: quay, kind: event, what: the quay was safe, according_to: lind, evidence: Bo Lind said the quay was safe}
"""


def test_according_to_a_source_beside_a_person_its_account_names_shows_whose_account(tmp_path: Path) -> None:
    """A judge: "According to August Thompson, what office did ... hold?" on the sheet beside "fact or
    account? [that person] took the case" (Thompson's account): the student reads whose word it is."""
    title = "director of the Varel Law Centre"
    on_his_word = ACCOUNT % ("according_to: vik,", title)
    made = _questions(tmp_path / "word", ACCOUNT_ARTICLE % title, on_his_word)
    office = "lund.director-of-the-varel-law-centre/office"
    assert made[office].prompt.startswith("According to Jon Vik, what office did Eva Lund hold")
    assert "took-case/claim" not in made
    plain = _questions(tmp_path / "plain", ACCOUNT_ARTICLE % title, ACCOUNT % ("", title))
    assert "took-case/claim" in plain and not plain[office].prompt.startswith("According")


# -- an office whose holder died in the year asked --------------------------------------------------

DIED_ARTICLE = (
    "Jon Vik, harbour master of Varel from 1980, died in 1990. Eva Lund was harbour master of Lenby in 1990. "
    "Bo Lind was harbour master of Orvik in 1990. Ann Hale was harbour master of Tarn in 1990.\n"
)
DIED = """\
lesson: {id: died, title: Harbour masters, source: {file: article.txt, title: Harbour masters, published: 2001}}
people:
  vik: {name: Jon Vik, roles: [{title: Harbour Master of Varel, when: "%s",
        evidence: "Jon Vik, harbour master of Varel from 1980, died in 1990"}]}
  lund: {name: Eva Lund, roles: [{title: Harbour Master of Lenby, when: 1990,
         evidence: Eva Lund was harbour master of Lenby in 1990}]}
  lind: {name: Bo Lind, roles: [{title: Harbour Master of Orvik, when: 1990,
         evidence: Bo Lind was harbour master of Orvik in 1990}]}
  hale: {name: Ann Hale, roles: [{title: Harbour Master of Tarn, when: 1990,
         evidence: Ann Hale was harbour master of Tarn in 1990}]}
facts:
  - {id: vik-died, kind: event, what: Jon Vik died, who: [vik], when: 1990,
     evidence: "Jon Vik, harbour master of Varel from 1980, died in 1990"}
"""


def test_who_held_an_office_in_the_year_its_holder_died_has_two_answers(tmp_path: Path) -> None:
    """A judge: "Who was Leader of ... in 1989?" of a leader who died in 1989: his successor was too."""
    made = _questions(tmp_path / "year", DIED_ARTICLE, DIED % "1990", False)
    assert "vik.harbour-master-of-varel/office-holder" not in made
    assert "lund.harbour-master-of-lenby/office-holder" in made  # alive all year: one answer
    made = _questions(tmp_path / "span", DIED_ARTICLE, DIED % "1980-1990", False)
    question = made["vik.harbour-master-of-varel/office-holder"]
    assert question.prompt == "Who was Harbour Master of Varel from 1980 to 1990?"


# -- a proposal's blank, the teacher's choice --------------------------------------------------------

BLANK_ARTICLE = (
    "The Harbour report recommended that officers be made personally liable under harbour law. "
    "Bo Lind proposed a toll. Jon Vik proposed a bridge. Eva Lund proposed a museum.\n"
)
BLANK = """\
lesson: {id: blank, title: Varel harbour law, source: {file: article.txt, title: Report, published: 2001}}
people:
  report: {name: the Harbour report, kind: document}
  lind: {name: Bo Lind}
  vik: {name: Jon Vik}
  lund: {name: Eva Lund}
facts:
  - {id: liable, kind: proposal, by: report, verb: recommended, what: that officers be made personally liable
     under harbour law, %s evidence: recommended that officers be made personally liable under harbour law}
  - {id: toll, kind: proposal, by: lind, what: a toll, evidence: Bo Lind proposed a toll}
  - {id: bridge, kind: proposal, by: vik, what: a bridge, evidence: Jon Vik proposed a bridge}
  - {id: museum, kind: proposal, by: lund, what: a museum, evidence: Eva Lund proposed a museum}
"""


def test_a_proposals_blank_is_the_teachers_word(tmp_path: Path) -> None:
    """A judge: the cloze of a recommendation blanked its rarest word, not its point, and the format let
    the teacher choose the blank of a quotation only."""
    chosen = _questions(tmp_path / "chosen", BLANK_ARTICLE, BLANK % "blank: personally,", False)["liable/cloze"]
    assert chosen.answer == "personally"
    assert chosen.prompt == "The Harbour report recommended that officers be made [...] liable under harbour law."
    plain = _questions(tmp_path / "plain", BLANK_ARTICLE, BLANK % "", False)["liable/cloze"]
    assert plain.answer == "the Harbour report"  # the proposer, by default
    checked = write_lesson(tmp_path / "wrong", BLANK_ARTICLE, BLANK % "blank: personal,")
    assert [d.message for d in checked.diagnostics if d.code == "schema.value"] == [
        "blank: 'personal' is not a word of the proposal of fact 'liable'"
    ]


# -- "fact or account?": a source named after a person, and hearsay beside hearsay -----------------------

CLAIMS_ARTICLE = (
    "Hale's supporters say no deal for Ann Hale to stand down ever existed. The two are portrayed by the "
    "media as locked in conflict. Bo Lind said the toll was unfair. Jon Vik said the quay was unsafe. There "
    "are reports that the ferry will close.\n"
)
CLAIMS = """\
lesson: {id: claims, title: Varel politics, source: {file: article.txt, title: Rivals, published: 2001}}
people:
  hale: {name: Ann Hale}
  supporters: {name: Hale's supporters, kind: group}
  media: {name: the media, kind: group}
  lind: {name: Bo Lind}
  vik: {name: Jon Vik}
facts:
  - {id: no-deal, kind: event, what: No deal for Ann Hale to stand down ever existed, according_to: supporters,
     evidence: no deal for Ann Hale to stand down ever existed}
  - {id: conflict, kind: event, what: the two rivals were locked in conflict, according_to: media,
     evidence: portrayed by the media as locked in conflict}
  - {id: toll, kind: event, what: the toll was unfair, according_to: lind, evidence: Bo Lind said the toll was unfair}
  - {id: quay, kind: event, what: the quay was unsafe, according_to: vik, evidence: Jon Vik said the quay was unsafe}
  - {id: close, kind: event, what: the ferry will close, according_to: reports,
     evidence: There are reports that the ferry will close}
"""


def test_a_claim_of_a_source_named_after_a_person_the_statement_names_is_not_asked(tmp_path: Path) -> None:
    """A judge: "No deal for Ann Hale ... ever existed" → "The account of Hale's supporters", the only
    choice with "Hale" in it."""
    made = _questions(tmp_path / "named", CLAIMS_ARTICLE, CLAIMS, False)
    assert "no-deal/claim" not in made and "toll/claim" in made
    other = CLAIMS.replace(
        "what: No deal for Ann Hale to stand down ever existed", "what: No deal to stand down ever existed"
    )
    assert "no-deal/claim" in _questions(tmp_path / "unnamed", CLAIMS_ARTICLE, other, False)


def test_a_source_named_by_what_it_is_and_reports_are_never_both_wrong_answers(tmp_path: Path) -> None:
    """A judge: "The media's account" beside "Reports, source not named": a careful student defends both."""
    made = _questions(tmp_path / "claims", CLAIMS_ARTICLE, CLAIMS, False)
    for key in ("toll/claim", "quay/claim"):
        choices = set(made[key].choices)
        assert not {"The media's account", "Reports, source not named"} <= choices, choices
    assert any("The media's account" in made[k].choices for k in ("toll/claim", "quay/claim"))
    # Fewer sources: reports are not brought back to make up four beside the media.
    few = CLAIMS.replace("according_to: supporters,", "").replace("according_to: vik,", "")
    toll = _questions(tmp_path / "few", CLAIMS_ARTICLE, few, False)["toll/claim"]
    assert "Reports, source not named" not in toll.choices, toll.choices
    # Without the media's account, reports are a wrong answer beside named sources.
    named = CLAIMS.replace("according_to: media,", "")
    drafts = {d.key: d for d in claim_questions(_checked(tmp_path / "named", CLAIMS_ARTICLE, named).lesson)}
    assert "Reports, source not named" in drafts["toll"].candidates, drafts["toll"].candidates
    assert len(drafts["toll"].candidates) >= 3  # not brought in to make up four


# -- a frame that quotes other words ---------------------------------------------------------------


def test_a_frame_that_quotes_other_words_keeps_the_quotations_own_marks() -> None:
    """A judge: 'said the plans were "well meant" and the toll was [...] of the harbour' printed the
    quotation without its marks, the frame's other words in theirs: no student sees which are the speaker's."""
    frame = 'said the plans were "well meant" and the toll was ...'
    fact = Fact(id="q", kind="quote", said="ruinous for the harbour", frame=frame)
    assert fact.framed() == "said the plans were “well meant” and the toll was “ruinous for the harbour”"
    inside = Fact(id="q", kind="quote", said="the toll is ruinous", frame='said: "Even so, ..."')
    assert inside.framed() == "said: “Even so, the toll is ruinous”"  # the marks open around the "...": its own


# -- round 17: the teacher's office, initials, the printed titles together, a body's "the" ---------------


def test_an_office_wholly_the_teachers_says_so_not_only_its_years(tmp_path: Path) -> None:
    """A judge: "Who was UK Prime Minister from 1979 to 1990? The years are your teacher's": the article
    never calls her that either."""
    facts = (OFFICES % ("1988-1996", "")).replace(
        "when: 1990-1999, from_teacher: [when],", "when: 1990-1999, from_teacher: [title, when],"
    )
    made = _questions(tmp_path, OFFICES_ARTICLE, facts, False)
    lund = made["lund.harbour-master-of-lenby/office-holder"]
    assert lund.prompt == f"Who was Harbour Master of Lenby from 1990 to 1999? {TEACHER_OFFICE}"
    lind = made["lind.harbour-master-of-orvik/office-holder"]  # the title the article's: the years only
    assert lind.prompt == f"Who was Harbour Master of Orvik from 1980 to 1985? {TEACHER_YEARS}"


def test_a_post_before_its_place_is_named_by_its_initials() -> None:
    forms = Giveaways.office_forms("Prime Minister of Varel")
    assert "pm" in forms and "prime minister" in forms
    assert "pm" not in Giveaways.office_forms("Deputy Prime Minister of Varel")  # a deputy is no "PM"


PRINTED_ARTICLE = "Ann Hale, the prime minister, said sorry for the tolls. Bo Lind, the mayor, did not.\n"
PRINTED = """\
lesson: {id: printed, title: Ann Hale's apology for the tolls, source: {file: article.txt, title: "%s",
         published: 2001}}
people:
  hale: {name: Ann Hale, roles: [{title: Prime Minister of Varel, evidence: "Ann Hale, the prime minister"}]}
  lind: {name: Bo Lind, roles: [{title: Mayor of Lenby, evidence: "Bo Lind, the mayor"}]}
facts:
  - {id: sorry, kind: event, what: Ann Hale said sorry for the tolls, who: [hale],
     evidence: "Ann Hale, the prime minister, said sorry for the tolls"}
"""


def test_the_lessons_title_and_the_articles_read_together(tmp_path: Path) -> None:
    """A judge: the header "Ann Hale's apology ..." and the footer "PM sorry over tolls" together answer
    "What office did Ann Hale hold?"; each alone does not."""
    made = _questions(tmp_path / "pm", PRINTED_ARTICLE, PRINTED % "PM sorry over tolls")
    assert "hale.prime-minister-of-varel/office" not in made
    made = _questions(tmp_path / "plain", PRINTED_ARTICLE, PRINTED % "Sorry over tolls")
    assert "hale.prime-minister-of-varel/office" in made


def test_a_bodys_the_is_english_not_a_word_the_article_must_have(tmp_path: Path) -> None:
    """A judge: check asked for "the Lenby Harbour Trust", then warned that the article has no "the"."""
    article = "Lenby Harbour Trust said the quay was safe.\n"
    facts = """\
lesson: {id: trust, title: The quay, source: {file: article.txt, title: Quay, published: 2001}}
people:
  trust: {name: %s, kind: group}
facts:
  - {id: safe, kind: quote, by: trust, said: the quay was safe}
"""
    assert _warnings(tmp_path / "the", article, facts % "the Lenby Harbour Trust", "ground.name-not-in-article") == []
    other = _warnings(tmp_path / "other", article, facts % "the Varel Harbour Trust", "ground.name-not-in-article")
    assert len(other) == 1


def test_an_occasion_one_fact_asks_and_another_no_fact_asks_is_no_crash(tmp_path: Path) -> None:
    """A judge: check stopped with an internal error on an event of 1983 with two people, when another
    event of 1983 had asked the date of one of them."""
    article = "In 1983 Ann Hale took the harbour seat. That year she came to share an office with Jo Berg.\n"
    # The other person's id sorts first ("berg" before "hale"): their occasion is looked up first.
    facts = """\
lesson: {id: seat, title: Varel harbour, source: {file: article.txt, title: Seat, published: 2001}}
people:
  hale: {name: Ann Hale}
  berg: {name: Jo Berg}
facts:
  - {id: seat, kind: event, what: Ann Hale took the harbour seat, who: [hale], when: 1983,
     evidence: In 1983 Ann Hale took the harbour seat}
  - {id: office, kind: event, what: Ann Hale came to share an office with Jo Berg, who: [hale, berg], when: 1983,
     evidence: That year she came to share an office with Jo Berg}
"""
    made = _questions(tmp_path, article, facts, False)
    assert "seat/when" in made and "office/when" not in made  # the occasion's date, asked once


def test_a_frame_in_the_teachers_words_is_said_so_on_the_front(tmp_path: Path) -> None:
    """A judge: "Who charged that ...?" with the frame marked as the teacher's, said so in the key only,
    though the README promised students are told."""
    article = 'Bo Lind said the toll was "a tax on the poor". Jon Vik said: "The quay is old."\n'
    facts = """\
lesson: {id: frame, title: Varel tolls, source: {file: article.txt, title: Tolls, published: 2001}}
people:
  lind: {name: Bo Lind}
  vik: {name: Jon Vik}
facts:
  - {id: tax, kind: quote, by: lind, said: a tax on the poor, frame: "%s"%s}
  - {id: quay, kind: quote, by: vik, said: The quay is old}
"""
    own = facts % ("called the toll ...", ", from_teacher: [frame]")
    made = _questions(tmp_path / "own", article, own, False)
    assert made["tax/attribution"].prompt == f"Who called the toll “a tax on the poor”? {TEACHER_FRAME}"
    made = _questions(tmp_path / "article", article, facts % ("said the toll was ...", ""), False)
    assert made["tax/attribution"].prompt == "Who said the toll was “a tax on the poor”?"
