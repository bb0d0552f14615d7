"""Fair choices and questions worth asking (issue 25), on an invented lesson of our own.

`tests/lessons/canal-treaty` holds two countries' ministers, quoted replies, claims and dates
inside and outside the period in its title. Each rule has a case it must reject and one it must
keep; the lesson is varied by small edits of its facts file where a rule needs another case.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studygen.cli import app
from studygen.export.worksheet_layout import compose, versions
from studygen.lessons import read_lesson
from studygen.questions import Question, QuestionSet, build_questions
from studygen.questions.choices import balance_letters
from studygen.questions.offices import one_of, place_of, several_hold
from studygen.questions.sourcing import ARTICLE_ANSWER, FACT_ANSWER, account_answer, fair_matching

from .conftest import ROOT, write_lesson

LESSON = ROOT / "tests" / "lessons" / "canal-treaty"
ARTICLE = (LESSON / "article.txt").read_text(encoding="utf-8")
FACTS = (LESSON / "facts.yaml").read_text(encoding="utf-8")
# The sheet without timeline and matching, whose dates and quotations would take most facts.
SINGLES = FACTS + "worksheet: {sections: {timeline: 0, matching: 0}}\n"
NORLAND = {"Ada Renn", "Ilse Brandt", "Tomas Hale", "Karl Oster"}
SUDMARK = {"Olek Varga", "Pavel Oren", "Greta Lund"}
runner = CliRunner()


def _build(tmp_path: Path | None = None, facts: str = FACTS, article: str = ARTICLE) -> tuple[object, QuestionSet]:
    checked = read_lesson(LESSON / "facts.yaml") if tmp_path is None else write_lesson(tmp_path, article, facts)
    assert checked.ok, [d.render() for d in checked.diagnostics]
    return checked.lesson, build_questions(checked.lesson, checked.contexts(), one_sheet=False)


@pytest.fixture(scope="module")
def canal() -> dict[str, Question]:
    return {q.id: q for q in _build()[1].questions}


def _notes(made: QuestionSet) -> list[str]:
    return [d.message for d in made.diagnostics]


# -- 1. wrong answers of the same kind ---------------------------------------------------------


def test_who_said_offers_only_people_the_lesson_quotes(canal) -> None:
    # Quoted, or giving an account the article reports (Pavel Oren's claims).
    quoted = {"Tomas Hale", "Greta Lund", "Karl Oster", "Mira Santos", "Olek Varga", "Ada Renn", "Pavel Oren"}
    offered = set()
    for question in canal.values():
        if question.kind == "attribution" and question.choices:
            assert set(question.choices) <= quoted, question.choices  # rejected: Ilse Brandt, never quoted
            offered.update(question.choices)
    assert "Mira Santos" in offered  # kept: quoted, though she holds no office


def test_who_said_without_three_quoted_people_is_a_short_answer_with_a_note(tmp_path: Path) -> None:
    # Only Hale and Lund are quoted: two wrong answers at most for anyone.
    facts = re.sub(r"  - id: (not-this-year|we-will-see|wanted-treaty)\n(    .*\n)+", "", FACTS)
    facts = facts.replace("reply: {by: varga, said: Tolls are a tax on our patience.}", "")
    facts = facts.replace("reply: {by: renn, said: A board without money is a silent choir.}", "")
    _, made = _build(tmp_path / "lesson", facts)
    schools = next(q for q in made.questions if q.id == "canal/schools/attribution")
    assert schools.choices == () and schools.answer == "Tomas Hale"  # rejected: no filler
    assert any("'schools' has no multiple-choice version" in note for note in _notes(made))


def test_a_reply_is_offered_only_other_replies(canal) -> None:
    reply = canal["canal/share-tolls/response"]
    assert set(reply.choices) == {
        "“Tolls are a tax on our patience.”",
        "“A board without money is a silent choir.”",  # kept: another reply
        "“Not this year.”",  # kept: a quotation the lesson cues as a reply
        "“We will see.”",
    }
    assert "“paid for every school in the north”" not in reply.choices  # rejected: not a reply


def test_an_office_is_offered_only_posts_of_its_country(canal) -> None:
    renn = canal["canal/renn.prime-minister-of-norland/office"]
    assert all(choice.endswith("of Norland") for choice in renn.choices)  # rejected: Sudmark's posts
    assert "Finance Minister of Norland" in renn.choices  # kept: a post of the same country
    varga = canal["canal/varga.president-of-sudmark/office"]
    assert varga.choices == ()  # three Sudmark posts in all: two wrong answers, so a short answer


def test_an_office_holder_is_offered_holders_of_comparable_posts_in_the_same_country_and_period(
    tmp_path: Path, canal
) -> None:
    brandt = canal["canal/brandt.foreign-minister-of-norland/office-holder"]
    assert set(brandt.choices) <= NORLAND and not set(brandt.choices) & SUDMARK
    # A Norland minister of sixty years later is of another period: never offered.
    facts = FACTS.replace(
        "  santos:\n",
        "  later:\n    name: Hugo Lind\n    from_teacher: true\n"
        "    roles: [{title: Education Minister of Norland, when: 1990-1994, from_teacher: true}]\n  santos:\n",
    )
    _, made = _build(tmp_path / "lesson", facts)
    for question in made.questions:
        if question.kind == "office-holder":
            assert "Hugo Lind" not in question.choices, question.id
    assert any(q.answer == "Hugo Lind" for q in made.questions)  # his own question is kept


def test_a_post_that_names_no_country_is_not_offered_beside_two_countries_posts(tmp_path: Path) -> None:
    facts = FACTS.replace(
        "  santos:\n",
        "  pell:\n    name: Rosa Pell\n    from_teacher: true\n"
        "    roles: [{title: Harbour Master, when: 1930-1936, from_teacher: true}]\n  santos:\n",
    )
    _, made = _build(tmp_path / "lesson", facts)
    questions = {q.id: q for q in made.questions}
    assert not any("Harbour Master" in q.choices for q in made.questions)  # rejected: of which country?
    assert questions["canal/pell.harbour-master/office"].choices == ()  # a short answer, with a note
    assert "Finance Minister of Norland" in questions["canal/renn.prime-minister-of-norland/office"].choices


def test_places_of_titles() -> None:
    assert place_of("Russian Foreign Minister") == place_of("President of Russia") == {"russia"}
    assert place_of("leader of East Germany") != place_of("Chancellor of West Germany")
    assert place_of("Soviet leader") == place_of("First Secretary of the Soviet Communist Party")
    assert place_of("Attorney General") == frozenset()


# -- 2. balanced letters ---------------------------------------------------------------------


def _letter_shares(questions: list[Question]) -> Counter[int]:
    return Counter(q.correct for q in questions if q.choices)


def test_letters_are_spread_over_the_lesson(canal) -> None:
    shares = _letter_shares(list(canal.values()))
    total = sum(shares.values())
    assert total >= 8
    assert max(shares.values()) <= -(-total // 4), shares


def test_balancing_moves_answers_off_a_crowded_letter_and_keeps_years_in_order() -> None:
    def question(qid: str, answer: str, choices: tuple[str, ...], answer_type: str = "person") -> Question:
        return Question(qid, "l", qid, "k", "s", "?", answer, answer_type, "src", choices=choices,
                        correct=choices.index(answer))  # fmt: skip

    crowded = [question(f"q{i}", "Ann", ("Ann", "Bo", "Cy", "Di")) for i in range(8)]
    years = question("y", "1950", ("1950", "1951", "1952", "1953"), "year")
    options = {"y": {0: ("1950", "1951", "1952", "1953"), 2: ("1948", "1949", "1950", "1951")}}
    balanced = balance_letters([*crowded, years], options)
    assert max(Counter(q.correct for q in balanced).values()) <= 3  # rejected: 9 of 9 at A
    for q in balanced:
        assert q.choices[q.correct] == q.answer
        if q.id == "y":
            assert list(q.choices) == sorted(q.choices) and q.choices in options["y"].values()
    assert [q for q in balance_letters(balanced, options)] == balanced  # kept: already even


def test_each_worksheet_version_spreads_its_letters(tmp_path: Path) -> None:
    lesson, made = _build(tmp_path / "lesson", SINGLES)
    for version in versions(lesson, made.questions):
        section = version.section("multiple_choice")
        letters = Counter(item.correct for item in section.items)
        assert max(letters.values()) <= max(2, -(-len(section.items) * 35 // 100)), (version.letter, letters)
        for item in section.items:
            if item.question.answer_type == "year":
                assert list(item.choices) == sorted(item.choices)  # years still read in order


# -- 3. fact or account? ----------------------------------------------------------------------


def test_every_claim_question_offers_stated_as_fact(canal) -> None:
    claims = [q for q in canal.values() if q.kind == "claim"]
    assert claims
    for question in claims:
        assert FACT_ANSWER in question.choices, question.prompt


def test_the_writers_interpretation_only_where_the_teacher_marks_it(tmp_path: Path, canal) -> None:
    assert not any(ARTICLE_ANSWER in q.choices for q in canal.values())  # rejected: nothing is marked
    facts = FACTS.replace(
        "  - id: floods\n    kind: event\n    what: floods closed the canal\n",
        "  - id: floods\n    kind: event\n    what: floods closed the canal\n    according_to: article\n",
    )
    _, made = _build(tmp_path / "lesson", facts)
    floods = next(q for q in made.questions if q.id == "canal/floods/claim")
    assert floods.answer == ARTICLE_ANSWER  # kept: marked by the teacher


def test_a_statement_never_names_whose_account_it_is(canal) -> None:
    _, made = _build()
    assert "canal/warned-cabinet/claim" not in canal  # rejected: "Oren had warned ..." -> Oren's account
    assert any("'warned-cabinet'" in note and "appears in the question" in note for note in _notes(made))
    assert canal["canal/half-the-cost/claim"].answer == "Pavel Oren's account"  # kept


# Accounts enough to pass a quarter: Oren's and the Norland officials' claims, and the facts they dispute.
DISPUTES = (
    ("oren", "toll-rise", "the tolls of 1934 were the highest on any river"),
    ("oren", "dredging", "Norland had never paid for the dredging of the canal"),
    ("norland-officials", "dredging-paid", "Norland had paid for the dredging of the canal every spring"),
    ("oren", "barges", "half the barges on the canal were Sudmark's"),
    ("norland-officials", "barge-count", "most barges on the canal flew Norland's flag"),
    ("oren", "flood-warning", "the flood warnings had reached Norland a week early"),
    ("norland-officials", "warning-late", "the flood warnings reached Norland too late"),
    ("oren", "pilots", "Norland's pilots were paid twice what Sudmark's were"),
)


def test_claims_are_at_most_a_quarter_and_accounts_come_first(tmp_path: Path) -> None:
    article, facts = _with_disputes(DISPUTES)
    _, made = _build(tmp_path / "lesson", facts, article)
    questions = [q for q in made.questions if q.choices]
    claims = [q for q in questions if q.kind == "claim"]
    assert 4 * len(claims) <= len(questions) < 4 * (len(claims) + 1)  # rejected: a claim past the quarter
    # Kept first: people's accounts; left out: those past the quarter, listed in one note.
    assert {q.answer for q in claims} <= {"Pavel Oren's account", "Norland officials' account"}
    assert any("at most a quarter" in note for note in _notes(made))


def _with_disputes(disputes: tuple[tuple[str, str, str], ...], facts: str = FACTS) -> tuple[str, str]:
    """The canal lesson's article and facts with more accounts: Oren's and the Norland officials' claims."""
    said = {"oren": "Oren claimed that", "norland-officials": "Norland officials said that"}
    article = ARTICLE + "".join(f"{said[who]} {what}.\n" for who, _, what in disputes)
    facts = facts.replace("  - id: treaty-signed\n", "".join(
        f"  - id: {key}\n    kind: event\n    what: {what}\n    according_to: {who}\n"
        f"    evidence: {said[who]} {what}\n" for who, key, what in disputes) + "  - id: treaty-signed\n")  # fmt: skip
    return article, facts


def test_a_worksheet_holds_at_most_a_quarter_of_claims(tmp_path: Path) -> None:
    article, facts = _with_disputes(DISPUTES[:1], SINGLES)
    lesson, made = _build(tmp_path / "lesson", facts, article)
    chosen = compose(lesson, made.questions).sections["multiple_choice"]
    claims = sum(q.kind == "claim" for q in chosen)
    # Kept: two of eight (a ninth would show another's date; the historian's undated words have no choices:
    # no one else of her time is quoted); rejected: a third (the lesson has three).
    assert len(chosen) == 8 and claims == 2
    assert sum(q.kind == "claim" for q in made.questions) >= 3


def test_possessives_read_as_english(tmp_path: Path) -> None:
    lesson, _ = _build()
    assert account_answer(lesson, "norland-officials") == "Norland officials' account"  # not "officials's"
    facts = FACTS.replace("norland-officials: {name: Norland officials, kind: group}",
                          "norland-officials: {name: Norland engineers, aliases: [Norland officials]}")  # fmt: skip
    engineers, _ = _build(tmp_path / "lesson", facts)
    assert account_answer(engineers, "norland-officials") == "Norland engineers' account"  # a person's kind too
    assert account_answer(lesson, "oren") == "Pavel Oren's account"


# -- 4. worth asking ---------------------------------------------------------------------------


def test_no_answer_in_the_lessons_title(canal) -> None:
    _, made = _build()
    assert "canal/talks-began/when" not in canal  # rejected: 1931 is in the title
    assert any("'talks-began'" in n and "in the lesson's title" in n for n in _notes(made))
    assert canal["canal/floods/when"].answer == "1934"  # kept


def test_nothing_printed_in_the_sheets_footer_is_asked_on_the_sheet(tmp_path: Path) -> None:
    facts = SINGLES.replace("title: How the Velmar canal was shared", "title: The canal floods of 1934")
    lesson, made = _build(tmp_path / "lesson", facts)
    # The citation is printed with every question (the card's back, the platforms' feedback): the
    # question set leaves it out, and so does the sheet.
    assert "canal/floods/when" not in {q.id for q in made.questions}
    assert any("'floods'" in n and "in the article's citation" in n for n in _notes(made))
    composition = compose(lesson, made.questions)
    on_sheet = {q.id for items in composition.sections.values() for q in items}
    assert "canal/floods/when" not in on_sheet  # rejected: 1934 is printed on every page
    assert "canal/neutral-canal/when" in on_sheet  # kept: 1933 is not
    lesson, made = _build(tmp_path / "lesson", SINGLES)
    composition = compose(lesson, made.questions)
    assert "canal/floods/when" in {q.id for items in composition.sections.values() for q in items}


def test_one_date_question_per_occasion(tmp_path: Path) -> None:
    dated = "    when: 1933-03-06\n    from_teacher: [when]\n"
    facts = FACTS.replace("    about: the canal\n", "    about: the canal\n" + dated)
    facts = facts.replace("    about: the board\n", "    about: the board\n" + dated)
    facts = facts.replace("    about: the tolls\n", "    about: the tolls\n" + dated.replace("06", "07"))
    _, made = _build(tmp_path / "lesson", facts)
    ids = {q.id for q in made.questions}
    assert "canal/river-of-debt/when" in ids  # kept: the first of Lund's words that day
    assert "canal/not-this-year/when" not in ids  # rejected: the same occasion's date again
    assert "canal/schools/when" in ids  # kept: Hale's words, another occasion
    assert any("'not-this-year'" in n and "asked once for the occasion" in n for n in _notes(made))


def test_a_date_blank_stands_only_after_one_clause(tmp_path: Path) -> None:
    facts = FACTS + "questions: {skip_kinds: [when]}\n"
    _, made = _build(tmp_path / "lesson", facts)
    clozes = {q.fact: q for q in made.questions if q.kind == "cloze"}
    assert clozes["floods"].prompt == "Floods closed the canal in [...]."  # kept
    assert "reopened" not in clozes  # rejected: "..., though traffic stayed light for years in [...]"


def test_a_date_is_asked_once_per_event(canal) -> None:
    assert "canal/floods/when" in canal and "canal/floods/cloze" not in canal


def test_matters_outside_the_titles_period_are_not_asked(tmp_path: Path, canal) -> None:
    assert not any("tv-film" in q.facts for q in canal.values())  # rejected: a film of 1998
    assert any(q.facts == ("treaty-signed",) for q in canal.values())  # kept: 1936
    widened = FACTS.replace("The Velmar canal treaty, 1931-1936", "The Velmar canal treaty, 1931-2000")
    _, made = _build(tmp_path / "lesson", widened)
    assert any("tv-film" in q.facts for q in made.questions)  # the teacher asks for it


def test_a_country_in_the_prompt_never_gives_away_the_answer(tmp_path: Path) -> None:
    article = ARTICLE + "French diplomats proposed that France chair the canal board. They also proposed a survey.\n"
    facts = FACTS.replace("  santos:\n", "  french: {name: French diplomats, kind: group}\n  santos:\n")
    facts += (
        "  - {id: france-chair, kind: proposal, by: french, what: that France chair the canal board,\n"
        "     evidence: French diplomats proposed that France chair the canal board}\n"
        "  - {id: survey, kind: proposal, by: french, what: a survey of the canal's locks,\n"
        "     evidence: They also proposed a survey}\n"
    )
    _, made = _build(tmp_path / "lesson", facts, article)
    ids = {q.id for q in made.questions}
    assert "canal/france-chair/proposal" not in ids  # rejected: "Who proposed that France ...?" -> French diplomats
    assert any("'france-chair'" in n and "names the answer's country (France)" in n for n in _notes(made))
    assert "canal/survey/proposal" in ids  # kept: the same answer, nothing in the prompt gives it


def test_no_prompt_holds_its_answer(canal) -> None:
    for question in canal.values():
        if question.answer_type not in ("pairs", "order"):
            assert question.answer.lower().strip("“”.") not in question.prompt.lower(), question.id


# -- 5. matching -----------------------------------------------------------------------------


def test_matching_needs_three_speakers_none_with_more_than_half() -> None:
    def speaker(item: str) -> str:
        return item[0]

    assert fair_matching(["a1", "a2", "b1", "b2"], speaker, 6) == []  # rejected: two speakers
    assert fair_matching(["a1", "a2", "a3", "a4", "b1", "c1"], speaker, 6) == ["a1", "a2", "b1", "c1"]  # trimmed
    assert fair_matching(["a1", "b1", "c1", "a2"], speaker, 6) == ["a1", "b1", "c1", "a2"]  # kept whole


def test_a_matching_of_two_speakers_is_left_out_with_a_note(tmp_path: Path, canal) -> None:
    matching = canal["canal/set-1/matching"]
    speakers = Counter(right for _, right in matching.pairs)
    assert len(speakers) >= 3 and 2 * max(speakers.values()) <= len(matching.pairs)
    facts = re.sub(r"  - id: (we-will-see|wanted-treaty)\n(    .*\n)+", "", FACTS)
    _, made = _build(tmp_path / "lesson", facts)
    assert not any(q.kind == "matching" for q in made.questions)
    assert any("matching set 1" in n for n in _notes(made))


# -- 6. wording ------------------------------------------------------------------------------


def test_a_post_several_hold_is_asked_with_a(canal) -> None:
    assert several_hold("Deputy Foreign Minister of Norland") and not several_hold("Foreign Minister of Norland")
    assert one_of("Russian Deputy Foreign Minister") == "a Russian deputy foreign minister"
    assert one_of("Vice President") == "a vice president"
    # A body's name before the rank, and after "of", keeps its capitals (a judge: "a Metropolitan police ...").
    assert one_of("Lenby Police Deputy Assistant Commissioner") == "a Lenby Police deputy assistant commissioner"
    assert one_of("Deputy President of the Harbour Council") == "a deputy president of the Harbour Council"
    oster = canal["canal/oster.deputy-foreign-minister-of-norland/office-holder"]
    assert oster.prompt == "Who was a deputy foreign minister of Norland from 1932 to 1934?"
    # Rejected: any Norland minister of the time might have been another deputy the lesson does not name.
    assert oster.choices == ()
    brandt = canal["canal/brandt.foreign-minister-of-norland/office-holder"]
    assert brandt.prompt == "Who was Foreign Minister of Norland from 1931 to 1935?"


def test_cloze_sentences_start_with_a_capital_everywhere(canal) -> None:
    for question in canal.values():
        if question.cloze is not None:
            first = question.cloze.parts[0]
            assert not isinstance(first, str) or not first or first[0].isupper(), question.id
    assert canal["canal/share-tolls/cloze"].cloze.parts[0] == "In 1931, "


# -- 7. triage -------------------------------------------------------------------------------


def test_the_questions_to_look_at_come_first_with_why(tmp_path: Path) -> None:
    facts = FACTS.replace(
        "    when: 1934\n    evidence: Floods", "    when: 1934\n    from_teacher: [when]\n    evidence: Floods"
    )
    _, made = _build(tmp_path / "lesson", facts)
    flags = made.triage()
    assert flags[0].target == "canal/floods/when" and "you supplied (1934)" in flags[0].reasons[0]
    short = next(f for f in flags if f.target == "canal/varga.president-of-sudmark/office")
    assert "short answer in place of multiple choice" in short.reasons[0]
    assert any(f.left_out and "'warned-cabinet'" in f.target for f in flags)
    assert "canal/renn.prime-minister-of-norland/office" not in made.flags  # nothing to look at


def test_questions_and_the_preview_show_the_list(tmp_path: Path) -> None:
    result = runner.invoke(app, ["questions", str(LESSON)])
    assert result.exit_code == 0
    head = result.stdout.split("## Questions")[0]
    short = "canal/varga.president-of-sudmark/office: short answer in place of multiple choice"
    assert "## Look at these first (10 of" in head and short in head
    data = json.loads(runner.invoke(app, ["questions", "--json", str(LESSON)]).stdout)
    reviews = {q["id"]: q["flags"] for q in data}
    assert (
        reviews["canal/varga.president-of-sudmark/office"]
        and reviews["canal/renn.prime-minister-of-norland/office"] == []
    )
    page = tmp_path / "preview.html"
    assert runner.invoke(app, ["preview", str(LESSON), "-o", str(page)]).exit_code == 0
    html = page.read_text(encoding="utf-8")
    assert 'class="triage"' in html and '<a href="#canal/varga.president-of-sudmark/office">' in html


def test_a_quotation_is_asked_with_the_verb_the_article_frames_it_with(tmp_path: Path, canal) -> None:
    assert canal["canal/not-this-year/attribution"].prompt == "Who replied, about the board, “Not this year”?"
    assert canal["canal/schools/attribution"].prompt.startswith("Who said, about the tolls,")  # no cue: "said"
    facts = FACTS.replace(
        "    cue: replied\n    said: Not this year.", "    cue: told him privately\n    said: Not this year."
    )
    _, made = _build(tmp_path / "lesson", facts)
    asked = next(q for q in made.questions if q.id == "canal/not-this-year/attribution")
    assert asked.prompt.startswith("Who said,")  # rejected: "Who told him privately ...?" names nobody
