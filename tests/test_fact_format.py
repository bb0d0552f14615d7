"""The fact format says what an article says (issue 24): dates as historians write them, YAML read as
meant, a quotation's frame, hearsay, unnamed speakers, several sources, sources on roles, shared and
concurrent offices, and the teacher's values shown to students. Texts are invented for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studygen.dates import DateError, parse_date
from studygen.export.anki import note_fields
from studygen.questions import build_questions
from studygen.questions.base import Question
from studygen.questions.sourcing import account_answer

from .conftest import write_lesson

MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

# -- dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown", "first", "last"),
    [
        ("44 BC", "44 BC", (-44, 1, 1), (-44, 12, 31)),
        ("AD 43", "AD 43", (43, 1, 1), (43, 12, 31)),
        ("0044", "AD 44", (44, 1, 1), (44, 12, 31)),
        ("c. 1200", "c. 1200", (1200, 1, 1), (1200, 12, 31)),
        ("1200~", "c. 1200", (1200, 1, 1), (1200, 12, 31)),
        ("1200?", "1200?", (1200, 1, 1), (1200, 12, 31)),
        ("the 5th century BC", "the 5th century BC", (-500, 1, 1), (-401, 12, 31)),
        ("twelfth century", "the 12th century", (1101, 1, 1), (1200, 12, 31)),
        ("the 1920s", "the 1920s", (1920, 1, 1), (1929, 12, 31)),
        ("440s BC", "the 440s BC", (-449, 1, 1), (-440, 12, 31)),
        ("spring 1986", "the spring of 1986", (1986, 3, 1), (1986, 5, 31)),
        ("winter 1941", "the winter of 1941", (1941, 12, 1), (1942, 2, 28)),
        ("2010-05 to 2014-07", "May 2010 – July 2014", (2010, 5, 1), (2014, 7, 31)),
        ("2010-05/2014-07", "May 2010 – July 2014", (2010, 5, 1), (2014, 7, 31)),
        ("1914-18", "1914–1918", (1914, 1, 1), (1918, 12, 31)),
        ("1914-05", "May 1914", (1914, 5, 1), (1914, 5, 31)),
        ("13 May 1999", "13 May 1999", (1999, 5, 13), (1999, 5, 13)),
        ("Aug. 12, 2000", "12 August 2000", (2000, 8, 12), (2000, 8, 12)),
        ("490-479 BC", "490–479 BC", (-490, 1, 1), (-479, 12, 31)),
        ("44 BC – AD 14", "44 BC – AD 14", (-44, 1, 1), (14, 12, 31)),
    ],
)
def test_dates_as_historians_write_them(text: str, shown: str, first: tuple, last: tuple) -> None:
    date = parse_date(text)
    assert (date.display(), date.first_day, date.last_day) == (shown, first, last)
    again = parse_date(date.display())  # what studygen prints, it reads back
    assert (again.first_day, again.last_day, again.display()) == (first, last, shown)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("12/08/2000", "write the date as 2000-08-12 or 12 August 2000"),
        ("08/2000", "write the month as 2000-08 or August 2000"),
        ("-44", "write 44 BC"),
        ("199O", "write digits, not letters: 1990"),
        ("1949-13", "the month from 01 to 12"),
        ("2004-1998", "write the earlier year first: 1998-2004"),
        ("2010-05 to 2014", "give both ends alike: 2010-05 to 2014-07"),
        ("c. 1990s", "write c. 1200 or 1200~"),
    ],
)
def test_an_unknown_date_gets_the_nearest_accepted_form(text: str, hint: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_date(text)
    assert hint in caught.value.hint


def test_there_is_no_year_zero() -> None:
    with pytest.raises(DateError, match="year 0"):
        parse_date("0000")
    assert parse_date("1 BC").moved(1) == parse_date("AD 1")
    assert parse_date("the 1st century BC").moved(1).display() == "the 1st century"  # type: ignore[union-attr]


@given(
    year=st.integers(1, 2100),
    bc=st.booleans(),
    form=st.sampled_from(["year", "month", "day", "circa", "uncertain", "century", "season", "span"]),
    month=st.integers(1, 12),
    day=st.integers(1, 28),
)
def test_every_printed_date_reads_back_as_itself(year: int, bc: bool, form: str, month: int, day: int) -> None:
    era = " BC" if bc else ""
    text = {
        "year": f"{year}{era}",
        "month": f"{year:04d}-{month:02d}",
        "day": f"{day} {MONTHS[month - 1]} {year}{era}",
        "circa": f"c. {year}{era}",
        "uncertain": f"{year}{era}?",
        "century": f"{year % 21 + 1}th century{era}",
        "season": f"summer {year:04d}",
        "span": f"{year + 99} to {year + 99 + month}",
    }[form]
    if form in ("year", "circa", "uncertain") and year < 100 and not bc:
        text = f"AD {text.replace('c. ', '').rstrip('?')}" if form == "year" else text.replace(str(year), f"AD {year}")
    date = parse_date(text)
    again = parse_date(date.display())
    assert (again.first_day, again.last_day, again.approximate, again.uncertain, again.century, again.season) == (
        date.first_day,
        date.last_day,
        date.approximate,
        date.uncertain,
        date.century,
        date.season,
    )


def test_month_spans_in_one_year_do_not_overlap() -> None:
    first, second = parse_date("2010-05 to 2014-07"), parse_date("2014-09 to 2016-02")
    assert not first.overlaps(second)
    assert first.overlaps(parse_date("2014"))  # a year shares July 2014 with the first


# -- lessons written for these tests ------------------------------------------------------

ARTICLE = (
    "Harbour reforms in Kestrel Bay\n\n"
    "On 3 March 1921 the council of Kestrel Bay voted to build a new breakwater. Mayor Ada Linnet told "
    'colleagues she did not "like the sound of the new levy". The harbour master, Tomas Grebe, is said to '
    'believe that "the sea always wins". An official said "the works will finish by autumn".\n\n'
    "Grebe served as harbour master from May 1915 to July 1921 and was then port warden from September 1921 "
    "to 1930. He sat on the town council from 1910 to 1940.\n\n"
    "Linnet and Orla Pike were the town's two deputy mayors in 1925.\n\n"
    "According to dock workers and engineers, the breakwater cracked in the winter of 1929.\n\n"
    'Pike replied: "we will pay".\n\n'
    'Grebe added: "the old stone will hold".\n\n'
    "The stone came from a quarry first worked in the 5th century BC, and the old quay was built c. 1200.\n"
)
PEOPLE = (
    "people:\n"
    "  linnet:\n    name: Ada Linnet\n    aliases: [Linnet, Mayor Ada Linnet]\n    roles:\n"
    "      - title: Deputy Mayor of Kestrel Bay\n        shared: true\n        when: 1925\n"
    "        evidence: Linnet and Orla Pike were the town's two deputy mayors in 1925\n"
    "  pike:\n    name: Orla Pike\n    roles:\n"
    "      - title: Deputy Mayor of Kestrel Bay\n        shared: true\n        when: 1925\n"
    "        evidence: Linnet and Orla Pike were the town's two deputy mayors in 1925\n"
    "  grebe:\n    name: Tomas Grebe\n    aliases: [Grebe]\n    roles:\n"
    "      - title: Harbour Master of Kestrel Bay\n        when: 1915-05 to 1921-07\n"
    "        evidence: Grebe served as harbour master from May 1915 to July 1921\n"
    "      - title: Port Warden of Kestrel Bay\n        when: 1921-09 to 1930-12\n        from_teacher: [when.month]\n"
    "        evidence: was then port warden from September 1921 to 1930\n"
    "      - title: member of the town council\n        alongside: true\n        when: 1910-1940\n"
    "        evidence: He sat on the town council from 1910 to 1940\n"
    "  official:\n    name: an official\n    kind: unnamed\n"
    "  workers:\n    name: dock workers\n    kind: group\n"
    "  engineers:\n    name: engineers\n    kind: group\n"
    "  council:\n    name: the council of Kestrel Bay\n    kind: group\n"
)
FACTS = (
    "facts:\n"
    "  - id: levy\n    kind: quote\n    by: linnet\n    said: like the sound of the new levy\n    blank: levy\n"
    "    frame: told colleagues she did not ...\n"
    "  - id: pay\n    kind: quote\n    by: pike\n    said: we will pay\n    blank: pay\n"
    "  - id: old-stone\n    kind: quote\n    by: grebe\n    said: the old stone will hold\n"
    "  - id: sea-wins\n    kind: quote\n    by: grebe\n    said: the sea always wins\n"
    "    hearsay: true\n    frame: is said to believe that ...\n"
    "  - id: by-autumn\n    kind: quote\n    by: official\n    said: the works will finish by autumn\n"
    "  - id: vote\n    kind: event\n    who: [council]\n"
    "    what: the council of Kestrel Bay voted to build a new breakwater\n"
    "    when: 1921-03-03\n    evidence: On 3 March 1921 the council of Kestrel Bay voted to build a new breakwater\n"
    "  - id: cracked\n    kind: event\n    what: the breakwater cracked\n    when: winter 1929\n"
    "    according_to: [workers, engineers]\n"
    "    evidence: According to dock workers and engineers, the breakwater cracked in the winter of 1929\n"
    "  - id: quarry\n    kind: event\n    what: the quarry was first worked\n    when: 5th century BC\n"
    "    evidence: a quarry first worked in the 5th century BC\n"
    "  - id: old-quay\n    kind: event\n    what: the old quay was built\n    when: c. 1200\n"
    "    evidence: the old quay was built c. 1200\n"
)


def _harbour(tmp_path: Path, facts: str = FACTS, people: str = PEOPLE, article: str = ARTICLE):
    checked = write_lesson(
        tmp_path / "harbour", article, "lesson: {id: harbour, title: Harbour reforms, source: {file: article.txt}}\n"
        + people + facts,
    )  # fmt: skip
    assert checked.lesson is not None, [d.render() for d in checked.diagnostics]
    return checked


def _questions(tmp_path: Path, **kwargs) -> dict[str, Question]:
    checked = _harbour(tmp_path, **kwargs)
    return {
        q.id.split("/", 1)[1]: q for q in build_questions(checked.lesson, checked.contexts(), one_sheet=False).questions
    }


def _codes(checked) -> list[str]:
    return [d.code for d in checked.diagnostics if d.severity.value != "note"]


def test_the_shared_lesson_checks_clean(tmp_path: Path) -> None:
    checked = _harbour(tmp_path)
    assert not [d.render() for d in checked.diagnostics if d.severity.value != "note"]


def test_a_frame_goes_with_the_quotation_everywhere(tmp_path: Path) -> None:
    questions = _questions(tmp_path)
    frame = "told colleagues she did not “like the sound of the new levy”"
    assert questions["levy/attribution"].prompt == f"Who {frame}?"
    assert questions["levy/cloze"].prompt.startswith("Ada Linnet told colleagues she did not “")
    matching = questions["set-1/matching"]
    assert any(m.prompt == frame for m in matching.matches)
    assert all("said “like" not in q.prompt for q in questions.values())


def test_without_a_frame_the_negation_is_lost_and_check_says_so(tmp_path: Path) -> None:
    checked = _harbour(tmp_path, facts=FACTS.replace("    frame: told colleagues she did not ...\n", ""))
    warning = next(d for d in checked.diagnostics if d.code == "ground.frame-missing")
    text = (checked.path).read_text(encoding="utf-8")
    assert (warning.line, warning.col) == (text[: text.index("said: like")].count("\n") + 1, 11)
    assert "'not' comes right before the quotation of fact 'levy'" in warning.message
    assert "frame: told colleagues she did not ..." in warning.hint


def test_hearsay_is_never_asked_as_saying(tmp_path: Path) -> None:
    questions = _questions(tmp_path)
    assert questions["sea-wins/attribution"].prompt == "Who is said to believe that “the sea always wins”?"
    assert all("the sea always wins" not in m.prompt for m in questions["set-1/matching"].matches)
    spoken = _questions(tmp_path / "b", facts=FACTS.replace("    hearsay: true\n", ""))["set-1/matching"]
    assert any("the sea always wins" in m.prompt for m in spoken.matches)


def test_hearsay_needs_a_frame(tmp_path: Path) -> None:
    checked = _harbour_unchecked(tmp_path, FACTS.replace("    hearsay: true\n    frame: is said to believe that ...\n",
                                                          "    hearsay: true\n"))  # fmt: skip
    error = next(d for d in checked.diagnostics if d.code == "schema.missing")
    assert "is hearsay but has no frame" in error.message and "frame: is said to believe ..." in error.hint


def test_a_frame_marks_the_quotation_once(tmp_path: Path) -> None:
    checked = _harbour_unchecked(tmp_path, FACTS.replace("she did not ...", "she did not ... or ..."))
    assert any("marks the quotation twice" in d.message for d in checked.diagnostics)


def _harbour_unchecked(tmp_path: Path, facts: str):
    return write_lesson(
        tmp_path / "harbour", ARTICLE, "lesson: {id: harbour, title: Harbour reforms, source: {file: article.txt}}\n"
        + PEOPLE + facts,
    )  # fmt: skip


def test_an_unnamed_speaker_is_never_asked_for_nor_offered(tmp_path: Path) -> None:
    questions = _questions(tmp_path)
    assert "by-autumn/attribution" not in questions
    assert all("an official" not in q.choices for q in questions.values())
    assert all("an official" not in {m.answer for m in q.matches} for q in questions.values())


def test_several_sources_of_one_claim(tmp_path: Path) -> None:
    questions = _questions(tmp_path)
    assert questions["cracked/when"].prompt.startswith("According to dock workers and engineers,")
    assert questions["cracked/when"].answer == "the winter of 1929"
    claim = questions["cracked/claim"]
    assert claim.answer == "The account of dock workers and engineers"
    assert all("an official's" not in c.lower() for q in questions.values() for c in q.choices)


def test_a_century_is_asked_as_a_century_with_centuries_for_choices(tmp_path: Path) -> None:
    question = _questions(tmp_path)["quarry/when"]
    assert "in which century" in question.prompt.lower()
    assert question.answer == "the 5th century BC"
    order = [parse_date(c).first_day for c in question.choices]
    assert order == sorted(order) and all(c.startswith("the ") and "century" in c for c in question.choices)


def test_a_circa_year_is_never_asked_as_an_exact_year(tmp_path: Path) -> None:
    question = _questions(tmp_path)["old-quay/when"]
    assert question.prompt.lower().startswith("about when")
    assert question.answer == "c. 1200" and all(c.startswith("c. ") for c in question.choices)


def test_offices_that_follow_within_a_year_are_both_asked(tmp_path: Path) -> None:
    questions = _questions(tmp_path)
    assert questions["grebe.harbour-master-of-kestrel-bay/office"].answer == "Harbour Master of Kestrel Bay"
    assert questions["grebe.port-warden-of-kestrel-bay/office"].answer == "Port Warden of Kestrel Bay"
    assert "grebe.member-of-the-town-council/office" not in questions  # held alongside: not asked
    with_overlap = PEOPLE.replace("1915-05 to 1921-07", "1915-05 to 1921-10")
    assert "grebe.harbour-master-of-kestrel-bay/office" not in _questions(tmp_path / "b", people=with_overlap)


def test_co_holders_of_a_shared_office_are_all_right(tmp_path: Path) -> None:
    question = _questions(tmp_path)["linnet.deputy-mayor-of-kestrel-bay/office-holder"]
    assert question.prompt == "Who was a deputy mayor of Kestrel Bay in 1925?"
    assert "Orla Pike" in question.alternatives and "Orla Pike" not in question.choices
    unshared = PEOPLE.replace("        shared: true\n", "")
    assert "linnet.deputy-mayor-of-kestrel-bay/office-holder" not in _questions(tmp_path / "b", people=unshared)


def test_a_part_of_a_date_from_the_teacher_is_shown_as_theirs(tmp_path: Path) -> None:
    question = _questions(tmp_path)["grebe.port-warden-of-kestrel-bay/office"]
    assert ("September 1921 – December 1930", "the article; the month from the teacher") in question.sources
    assert (
        "From your teacher, not the article: September 1921 – December 1930 (the month)"
        in note_fields(question, "qa")[-1]
    )


def test_a_role_known_from_someone_else_is_asked_according_to_them(tmp_path: Path) -> None:
    people = PEOPLE.replace("      - title: Port Warden", "      - title: Port Warden of the North\n"
                            "        according_to: official\n        when: 1931\n        from_teacher: [when]\n"
                            "        evidence: port warden\n"
                            "      - title: Old")  # fmt: skip
    questions = _questions(tmp_path, people=people)
    question = questions["grebe.port-warden-of-the-north/office-holder"]
    assert question.prompt.startswith("According to an official, who was")
    assert ("Port Warden of the North", "an official") in question.sources


def test_from_teacher_reaches_the_answer_key_and_the_card(tmp_path: Path) -> None:
    proposal = ("  - id: breakwater\n    kind: proposal\n    by: linnet\n"
                "    what: that the council build a new breakwater\n"
                "{teacher}    evidence: the council of Kestrel Bay voted to build a new breakwater\n")  # fmt: skip
    plain = _questions(tmp_path / "a", facts=FACTS + proposal.format(teacher=""))["breakwater/proposal"]
    marked = _questions(tmp_path / "b", facts=FACTS + proposal.format(teacher="    from_teacher: [by]\n"))
    question = marked["breakwater/proposal"]
    assert plain.teacher_note == "" and ("Ada Linnet", "the article") in plain.sources
    assert question.teacher_note == "from your teacher, not the article: Ada Linnet"
    assert "From your teacher, not the article: Ada Linnet" in note_fields(question, "choice")[-1]


def test_matching_items_carry_who_gives_them(tmp_path: Path) -> None:
    matching = _questions(tmp_path)["set-1/matching"]
    assert {value for value, _ in matching.sources} == {m.answer for m in matching.matches}


# -- YAML read as meant -------------------------------------------------------------------


def test_yaml_1_1_surprises_stay_what_the_teacher_typed(tmp_path: Path) -> None:
    article = ARTICLE + 'Pike answered "no" and then "on", at 1:20 by the clock.\n'
    facts = FACTS + (
        "  - id: answered-no\n    kind: quote\n    by: pike\n    said: no\n"
        "  - id: answered-on\n    kind: quote\n    by: pike\n    said: on\n"
        "  - id: time\n    kind: event\n    what: Pike answered\n    where: 1:20\n    when: 0044\n"
        "    from_teacher: [when, where]\n    evidence: Pike answered\n"
    )
    lesson = _harbour(tmp_path, facts=facts, article=article).lesson
    by_id = {f.id: f for f in lesson.facts}
    assert (by_id["answered-no"].said, by_id["answered-on"].said, by_id["time"].where) == ("no", "on", "1:20")
    assert by_id["time"].when.display() == "AD 44"  # type: ignore[union-attr]


def test_a_word_for_true_is_a_word(tmp_path: Path) -> None:
    checked = _harbour_unchecked(tmp_path, FACTS.replace("    hearsay: true\n", "    hearsay: yes\n"))
    error = next(d for d in checked.diagnostics if d.code == "schema.type")
    assert "must be true or false, not text" in error.message and "write true or false" in error.hint


# -- what check catches --------------------------------------------------------------------

WARNING_ARTICLE = (
    "The vote was close.\n\n"
    'Mayor Linnet is remembered as saying that "the tide turns for no one". The words were in fact her clerk '
    "Jon Ashby's summary of the debate.\n\n"
    "According to the partial results, the levy passed on 4 June 1922.\n\n"
    "In 1923 the quay reopened and the ferry returned.\n\n"
    'Ashby said the council "would not wait," and left.\n'
)
WARNING_PEOPLE = (
    "people:\n  linnet: {name: Ada Linnet, aliases: [Linnet], from_teacher: [name]}\n"
    "  ashby: {name: Jon Ashby, aliases: [Ashby]}\n"
)


def _warned(tmp_path: Path, facts: str) -> list[str]:
    checked = write_lesson(
        tmp_path / "w", WARNING_ARTICLE,
        "lesson: {id: warn, title: Warnings, source: {file: article.txt}}\n" + WARNING_PEOPLE + "facts:\n" + facts,
    )  # fmt: skip
    for diagnostic in checked.diagnostics:
        assert diagnostic.line > 1 and diagnostic.col >= 1  # every one has a place in the file
        assert not diagnostic.code.startswith("ground.") or diagnostic.hint
    return _codes(checked)


def test_evidence_that_names_another_speaker(tmp_path: Path) -> None:
    quote = ("  - id: tide\n    kind: quote\n    by: {by}\n    said: the tide turns for no one\n"
             "    frame: '{frame}'\n    evidence: The words were in fact her clerk Jon Ashby's summary\n")  # fmt: skip
    wrong = _warned(tmp_path / "a", quote.format(by="linnet", frame="is remembered as saying that ..."))
    right = _warned(tmp_path / "b", quote.format(by="ashby", frame="summed up the debate as ..."))
    assert "ground.other-speaker" in wrong and "ground.other-speaker" not in right


def test_words_that_are_one_persons_not_anothers(tmp_path: Path) -> None:
    article = "Ashby's words, not Linnet's: \"the tide turns for no one\".\n"
    facts = "  - id: tide\n    kind: quote\n    by: {by}\n    said: the tide turns for no one\n"
    codes = {}
    for by in ("linnet", "ashby"):
        checked = write_lesson(tmp_path / by, article, "lesson: {id: w, title: W, source: {file: article.txt}}\n"
                               + WARNING_PEOPLE + "facts:\n" + facts.format(by=by))  # fmt: skip
        codes[by] = _codes(checked)
    assert "ground.other-speaker" in codes["linnet"] and "ground.other-speaker" not in codes["ashby"]


def test_a_claim_reported_as_fact(tmp_path: Path) -> None:
    event = ("  - id: levy\n    kind: event\n    what: the levy passed\n    when: 1922-06-04\n{account}"
             "    evidence: According to the partial results, the levy passed on 4 June 1922\n")  # fmt: skip
    plain = _warned(tmp_path / "a", event.format(account=""))
    attributed = _warned(tmp_path / "b", event.format(account="    according_to: article\n"))
    assert "ground.unattributed-claim" in plain and "ground.unattributed-claim" not in attributed


def test_a_date_not_in_the_evidence(tmp_path: Path) -> None:
    event = "  - id: levy\n    kind: event\n    what: the levy passed\n    when: {when}\n{teacher}" \
            "    evidence: According to the partial results, the levy passed\n    according_to: article\n"  # fmt: skip
    missing = _warned(tmp_path / "a", event.format(when="1922-07-04", teacher=""))
    given = _warned(tmp_path / "b", event.format(when="1922-07-04", teacher="    from_teacher: [when]\n"))
    assert "ground.year-not-in-evidence" in missing and "ground.date-not-in-evidence" in missing
    assert not {"ground.year-not-in-evidence", "ground.date-not-in-evidence"} & set(given)
    found = _warned(tmp_path / "c", event.replace("the levy passed\n    according", "the levy passed on 4 June 1922\n"
                                                  "    according").format(when="1922-06-04", teacher=""))  # fmt: skip
    assert not {"ground.year-not-in-evidence", "ground.date-not-in-evidence"} & set(found)


def test_a_month_from_the_article_and_a_year_from_the_teacher(tmp_path: Path) -> None:
    event = ("  - id: levy\n    kind: event\n    what: the levy passed\n    when: 1922-06-04\n"
             "    according_to: article\n{teacher}    evidence: the levy passed on 4 June\n")  # fmt: skip
    article_only = WARNING_ARTICLE.replace("on 4 June 1922", "on 4 June")
    codes = {}
    for name, teacher in (("plain", ""), ("year", "    from_teacher: [when.year]\n")):
        checked = write_lesson(tmp_path / name, article_only, "lesson: {id: w, title: W, source: {file: article.txt}}\n"
                               + WARNING_PEOPLE + "facts:\n" + event.format(teacher=teacher))  # fmt: skip
        codes[name] = _codes(checked)
    assert "ground.year-not-in-evidence" in codes["plain"] and not codes["year"]


def test_two_facts_on_one_sentence(tmp_path: Path) -> None:
    facts = (
        "  - id: quay\n    kind: event\n    what: the quay reopened\n    when: 1923\n"
        "    evidence: In 1923 the quay reopened\n"
        "  - id: ferry\n    kind: event\n    what: the ferry returned\n    when: 1923\n"
        "    evidence: In 1923 the quay reopened and the ferry returned\n"
    )
    assert "ground.same-sentence" in _warned(tmp_path / "a", facts)
    excluded = facts + "questions:\n  exclude:\n    when: [ferry]\n"
    assert "ground.same-sentence" not in _warned(tmp_path / "b", excluded)


def test_punctuation_copied_into_a_quotation(tmp_path: Path) -> None:
    quote = '  - id: wait\n    kind: quote\n    by: ashby\n    said: "{said}"\n    frame: said the council ...\n'
    assert "ground.quote-punctuation" in _warned(tmp_path / "a", quote.format(said="would not wait,"))
    assert "ground.quote-punctuation" not in _warned(tmp_path / "b", quote.format(said="would not wait"))


def test_passages_from_different_places_are_joined_with_an_ellipsis(tmp_path: Path) -> None:
    facts = ("  - id: levy\n    kind: event\n    what: the levy passed\n    when: 1922-06-04\n"
             "    according_to: article\n"
             "    evidence:\n      - The vote was close.\n      - the levy passed on 4 June 1922\n")  # fmt: skip
    checked = write_lesson(tmp_path / "w", WARNING_ARTICLE, "lesson: {id: w, title: W, source: {file: article.txt}}\n"
                           + WARNING_PEOPLE + "facts:\n" + facts)  # fmt: skip
    assert checked.contexts()["levy"].startswith("The vote was close. … According to the partial results")


def test_an_unnamed_source_reads_as_the_article_has_it(tmp_path: Path) -> None:
    people = PEOPLE.replace("    name: an official\n", "    name: An official\n")
    lesson = _harbour(tmp_path, people=people).lesson
    assert account_answer(lesson, "official") == "The account of an official"  # not "An official's account"
    assert account_answer(lesson, "grebe") == "Tomas Grebe's account"
