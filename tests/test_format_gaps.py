"""What the fact format could still not say (issue 24, second round): hearsay with no named source,
frames checked against the article, a document as the speaker, open spans and parts of a year, one end
of a span from the teacher, a proposal to several people, notes on roles, and a name the article gives
in parts. Each case has text that must be flagged and text that must pass. Texts are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from studygen.dates import DateError, parse_date
from studygen.lessons import CheckedLesson
from studygen.questions import build_questions
from studygen.questions.base import Question
from studygen.questions.sourcing import claim_questions

from .conftest import write_lesson

HEAD = "lesson: {id: canal, title: The Wrenmouth canal, source: {file: article.txt}}\n"
ARTICLE = (
    "The Wrenmouth canal inquiry\n\n"
    "In 1930 the engineer Silas Marrow is said to have slept beside the new lock for a month. Rumours in "
    "the town had Marrow leaving for the Ministry of Works. "
    "There are reports that Marrow is to revive the harbour scheme.\n\n"
    "The lock gates failed early in 1931. Ivo Drake met Marrow at the lock. He told him plainly: "
    '"the gates were never tested". Councillor Beth Quill wrote to the board: "we were misled".\n\n'
    'The Hale report found that "the contractors cut corners". The Dunn memo said "the money ran out".\n\n'
    "Quill has chaired the canal committee since 1929. She was the town's treasurer until 1926.\n\n"
    "Marrow proposed to Quill and the mayor, Ivo Drake, that the lock be rebuilt.\n\n"
    "Peter and Ruth Sallow kept the lock cottage.\n"
)
PEOPLE = (
    "people:\n"
    "  marrow: {name: Silas Marrow, aliases: [Marrow]}\n"
    "  drake: {name: Ivo Drake}\n"
    "  quill:\n    name: Beth Quill\n    aliases: [Quill, Councillor Beth Quill]\n    roles:\n"
    "      - title: chair of the canal committee\n        when: from 1929\n"
    "        evidence: Quill has chaired the canal committee since 1929\n"
    "  hale: {name: the Hale report, kind: document}\n"
    "  dunn: {name: the Dunn memo, kind: document}\n"
)
FACTS = (
    "facts:\n"
    "  - id: long-hours\n    kind: event\n    who: [marrow]\n"
    "    what: Silas Marrow slept beside the new lock for a month\n    when: 1930\n    according_to: reports\n"
    "    evidence: In 1930 the engineer Silas Marrow is said to have slept beside the new lock for a month\n"
    "  - id: moved\n    kind: event\n    who: [marrow]\n    what: Silas Marrow would leave for the Ministry of Works\n"
    "    according_to: rumour\n    evidence: Rumours in the town had Marrow leaving for the Ministry of Works\n"
    "  - id: gates-failed\n    kind: event\n    what: the lock gates failed\n    when: early 1931\n"
    "    evidence: The lock gates failed early in 1931\n"
    "  - id: never-tested\n    kind: quote\n    by: marrow\n    to: [drake]\n    said: the gates were never tested\n"
    "    frame: 'told Ivo Drake plainly: ...'\n"
    "  - id: misled\n    kind: quote\n    by: quill\n    said: we were misled\n    frame: 'wrote to the board: ...'\n"
    "  - id: corners\n    kind: quote\n    by: hale\n    said: the contractors cut corners\n    frame: found that ...\n"
    "  - id: money\n    kind: quote\n    by: dunn\n    said: the money ran out\n"
    "  - id: rebuild\n    kind: proposal\n    by: marrow\n    to: [quill, drake]\n    what: that the lock be rebuilt\n"
    "    evidence: Marrow proposed to Quill and the mayor, Ivo Drake, that the lock be rebuilt\n"
)


def _lesson(tmp_path: Path, people: str = PEOPLE, facts: str = FACTS, article: str = ARTICLE) -> CheckedLesson:
    return write_lesson(tmp_path, article, HEAD + people + facts)


def _warnings(checked: CheckedLesson) -> dict[str, list]:
    found: dict[str, list] = {}
    for diagnostic in checked.diagnostics:
        if diagnostic.severity.value != "note":
            found.setdefault(diagnostic.code, []).append(diagnostic)
    return found


def _questions(checked: CheckedLesson) -> dict[str, Question]:
    assert checked.lesson is not None, [d.render() for d in checked.diagnostics]
    made = build_questions(checked.lesson, checked.contexts(), one_sheet=False)
    return {q.id.split("/", 1)[1]: q for q in made.questions}


def test_the_lesson_checks_clean(tmp_path: Path) -> None:
    checked = _lesson(tmp_path)
    assert not _warnings(checked), [d.render() for d in checked.diagnostics]


# -- 1. reports and rumour with no named source --------------------------------------------


def test_unsourced_hearsay_is_asked_according_to_reports_never_as_fact(tmp_path: Path) -> None:
    questions = _questions(_lesson(tmp_path))
    when = questions["long-hours/when"]
    assert when.prompt.startswith("According to reports, ") and when.according_to == "reports"
    # The kind's own questions, before the lesson's share of "fact or account?" keeps some of them.
    claims = {d.key: d for d in claim_questions(_lesson(tmp_path / "again").lesson)}
    claim = claims["long-hours"]
    assert claim.answer == "Reports, source not named"
    # Stated as fact is always a choice; the writer's own view only where the teacher marks one (issue 25).
    assert "Stated as fact" in claim.must_offer and "The writer's own interpretation" not in claim.candidates
    assert "Rumour, source not named" not in claim.candidates
    rumour = claims["moved"]
    assert rumour.answer == "Rumour, source not named" and "Reports, source not named" not in rumour.candidates
    # never labelled the writer's own view, nor established fact
    for answer in (when.answer, claim.answer, rumour.answer):
        assert answer not in ("Stated as fact", "The writer's own interpretation")
    assert ("1930", "reports") in when.sources


def test_hearsay_without_a_source_is_flagged_and_the_hint_names_reports(tmp_path: Path) -> None:
    plain = FACTS.replace("    according_to: rumour\n", "").replace("    according_to: reports\n", "")
    warnings = _warnings(_lesson(tmp_path, facts=plain))["ground.unattributed-claim"]
    assert len(warnings) == 2  # "is said to have" and "Rumours"
    assert all("'reports' or 'rumour'" in w.hint for w in warnings)


def test_a_misspelt_unnamed_source_is_an_error_with_the_right_word(tmp_path: Path) -> None:
    checked = _lesson(tmp_path, facts=FACTS.replace("according_to: rumour", "according_to: rumours"))
    error = next(d for d in checked.diagnostics if d.code == "ref.unknown-person")
    assert "did you mean 'rumour'?" in error.hint


# -- 2. frames checked against the article ----------------------------------------------------


def test_a_frame_in_the_teachers_own_words_is_flagged_with_the_articles(tmp_path: Path) -> None:
    checked = _lesson(tmp_path, facts=FACTS.replace("'wrote to the board: ...'", "'shouted at the board: ...'"))
    warning = _warnings(checked)["ground.frame-not-found"][0]
    assert "'misled'" in warning.message and "shouted at the board" in warning.message
    assert "wrote to the board:" in warning.hint and "from_teacher" in warning.hint
    text = checked.path.read_text(encoding="utf-8")
    assert warning.line == text[: text.index("frame: 'shouted")].count("\n") + 1


def test_a_frame_negated_by_the_teacher_is_flagged(tmp_path: Path) -> None:
    checked = _lesson(tmp_path, facts=FACTS.replace("found that ...", "never found that ..."))
    assert "ground.frame-not-found" in _warnings(checked)


def test_a_name_in_a_frame_may_stand_for_the_articles_pronoun(tmp_path: Path) -> None:
    # The article: 'He told him plainly: "..."'; the frame names whom "him" means.
    assert "ground.frame-not-found" not in _warnings(_lesson(tmp_path / "a"))
    other = FACTS.replace("told Ivo Drake plainly", "told Ivo Drake quietly")
    assert "ground.frame-not-found" in _warnings(_lesson(tmp_path / "b", facts=other))


WIRE = (
    "The Wrenmouth canal inquiry\n\n"
    "   Ivo Drake met Marrow at the lock. Councillor Beth Quill, a member of the board, said that\n"
    "the engineer, who had built the lock gates in the spring, never tested\n"
    "them ``because he thought the board would not pay for it.''\n"
    "   Marrow said nothing.\n"
)
WIRE_FACTS = (
    "facts:\n  - id: untested\n    kind: quote\n    by: quill\n"
    "    said: because he thought the board would not pay for it.\n"
    "    frame: said that the engineer, who had built the lock gates in the spring, never tested them ...\n"
)


def test_a_frame_over_the_wrapped_lines_of_wire_copy_is_the_articles(tmp_path: Path) -> None:
    # Each line of hard-wrapped wire copy ends a "sentence": the quotation's paragraph is searched too.
    assert "ground.frame-not-found" not in _warnings(_lesson(tmp_path / "a", facts=WIRE_FACTS, article=WIRE))
    own = WIRE_FACTS.replace("never tested them", "never checked them")
    assert "ground.frame-not-found" in _warnings(_lesson(tmp_path / "b", facts=own, article=WIRE))


def test_a_frame_the_teacher_wrote_is_marked_and_shown_as_theirs(tmp_path: Path) -> None:
    own = FACTS.replace("'wrote to the board: ...'", "'complained to the board: ...'\n    from_teacher: [frame]")
    checked = _lesson(tmp_path, facts=own)
    assert "ground.frame-not-found" not in _warnings(checked)
    question = _questions(checked)["misled/attribution"]
    # The front says so too (the README promised students are told; a judge found only the key did).
    assert (
        question.prompt
        == "Who complained to the board: “we were misled”? The words around the quotation are your teacher's."
    )
    assert question.teacher_note == "from your teacher, not the article: complained to the board: ..."


# -- 3. a document as the speaker -----------------------------------------------------------


def test_a_document_is_asked_which_document_and_falls_back_to_short_answer(tmp_path: Path) -> None:
    checked = _lesson(tmp_path)
    assert checked.lesson is not None
    made = build_questions(checked.lesson, checked.contexts(), one_sheet=False)
    question = next(q for q in made.questions if q.id == "canal/corners/attribution")
    assert question.prompt == "Which document found that “the contractors cut corners”?"
    assert question.answer == "the Hale report" and question.choices == ()  # one other document only
    notes = [d for d in made.diagnostics if d.code == "question.no-choices"]
    assert any("'corners'" in d.message for d in notes)


def test_a_document_has_only_documents_for_wrong_answers(tmp_path: Path) -> None:
    # Wrong answers for "which document said?" are other documents the lesson quotes (issue 25).
    article = ARTICLE + 'The Orme letter said "the lock was sound". The Pike survey said "the banks held".\n'
    people = (
        PEOPLE + "  orme: {name: the Orme letter, kind: document}\n  pike: {name: the Pike survey, kind: document}\n"
    )
    facts = (
        FACTS
        + "  - id: sound\n    kind: quote\n    by: orme\n    said: the lock was sound\n"
        + "  - id: banks\n    kind: quote\n    by: pike\n    said: the banks held\n"
    )
    question = _questions(_lesson(tmp_path, people=people, facts=facts, article=article))["corners/attribution"]
    assert set(question.choices) == {"the Hale report", "the Dunn memo", "the Orme letter", "the Pike survey"}


# -- 4. dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown", "phrase", "first", "last"),
    [
        ("early 2002", "early 2002", "in early 2002", (2002, 1, 1), (2002, 4, 30)),
        ("mid-2002", "mid-2002", "in mid-2002", (2002, 5, 1), (2002, 8, 31)),
        ("late in 2002", "late 2002", "in late 2002", (2002, 9, 1), (2002, 12, 31)),
        ("from 1994", "from 1994", "from 1994", (1994, 1, 1), (9999, 12, 31)),
        ("1994-", "from 1994", "from 1994", (1994, 1, 1), (9999, 12, 31)),
        ("since May 1994", "from May 1994", "from May 1994", (1994, 5, 1), (9999, 12, 31)),
        ("from 1998 to 2004", "1998–2004", "from 1998 to 2004", (1998, 1, 1), (2004, 12, 31)),
    ],
)
def test_parts_of_a_year_and_open_spans(text: str, shown: str, phrase: str, first: tuple, last: tuple) -> None:
    date = parse_date(text)
    assert (date.display(), date.phrase(), date.first_day, date.last_day) == (shown, phrase, first, last)
    assert parse_date(date.display()).display() == shown  # what studygen prints, it reads back


@pytest.mark.parametrize("text", ["from the 1990s", "from c. 1200", "early 1990s BC to 1995"])
def test_an_open_span_starts_at_a_year_month_or_day(text: str) -> None:
    with pytest.raises(DateError):
        parse_date(text)


def test_a_part_of_a_year_is_never_asked_as_the_year(tmp_path: Path) -> None:
    question = _questions(_lesson(tmp_path))["gates-failed/when"]
    assert question.prompt == "The lock gates failed: when?" and question.answer == "early 1931"
    assert question.choices and all(c.startswith("early ") for c in question.choices)


def test_an_open_span_is_never_taken_as_ended(tmp_path: Path) -> None:
    questions = _questions(_lesson(tmp_path))
    holder = questions["quill.chair-of-the-canal-committee/office-holder"]
    # "has chaired ... since 1929": held still, as the article says (never "was", as if it had ended)
    assert holder.prompt == "Who has been chair of the canal committee since 1929?"
    assert " to " not in holder.prompt
    later = PEOPLE.replace(
        "        evidence: Quill has chaired the canal committee since 1929\n",
        "        evidence: Quill has chaired the canal committee since 1929\n"
        "      - title: town treasurer\n        when: 1935\n        from_teacher: true\n",
    )  # an office in 1935 overlaps one held from 1929 with no end: neither is asked as her only office
    asked = _questions(_lesson(tmp_path / "b", people=later))
    assert "quill.chair-of-the-canal-committee/office" not in asked


def test_one_end_of_a_span_from_the_teacher(tmp_path: Path) -> None:
    role = (
        "      - title: town treasurer\n        when: 1920-1926\n{teacher}"
        "        evidence: She was the town's treasurer until 1926\n"
    )
    marker = "        evidence: Quill has chaired the canal committee since 1929\n"
    flagged = _lesson(tmp_path / "a", people=PEOPLE.replace(marker, marker + role.format(teacher="")))
    warning = _warnings(flagged)["ground.year-not-in-evidence"][0]
    assert "does not mention 1920" in warning.message
    given = role.format(teacher="        from_teacher: [when.from]\n")
    checked = _lesson(tmp_path / "b", people=PEOPLE.replace(marker, marker + given))
    assert "ground.year-not-in-evidence" not in _warnings(checked)
    question = _questions(checked)["quill.town-treasurer/office"]
    assert ("1920–1926", "the article; the start from the teacher") in question.sources
    assert question.teacher_note == "from your teacher, not the article: 1920–1926 (the start)"
    one_date = role.replace("1920-1926", "1926").format(teacher="        from_teacher: [when.from]\n")
    refused = _lesson(tmp_path / "d", people=PEOPLE.replace(marker, marker + one_date))
    error = next(d for d in refused.diagnostics if d.code == "schema.value")
    assert "'when.from', an end of a span, but when: 1926 is one date" in error.message
    wrong_end = role.format(teacher="        from_teacher: [when.to]\n")
    assert "ground.year-not-in-evidence" in _warnings(
        _lesson(tmp_path / "c", people=PEOPLE.replace(marker, marker + wrong_end))
    )


# -- 5. a proposal to two people ----------------------------------------------------------------


def test_a_proposal_to_two_people(tmp_path: Path) -> None:
    question = _questions(_lesson(tmp_path))["rebuild/proposal"]
    assert "to Beth Quill and Ivo Drake" in question.fact_summary
    assert {"quill", "drake"} <= set(question.people)


def test_an_unknown_person_in_a_list_of_addressees(tmp_path: Path) -> None:
    checked = _lesson(tmp_path, facts=FACTS.replace("to: [quill, drake]", "to: [quill, drak]"))
    error = next(d for d in checked.diagnostics if d.code == "ref.unknown-person")
    text = checked.path.read_text(encoding="utf-8")
    line = text[: text.index("to: [quill, drak]")].count("\n") + 1
    assert (error.line, "did you mean 'drake'?") == (line, error.hint)


# -- 6. a note on a role ------------------------------------------------------------------------


def test_a_role_takes_a_note_never_shown_to_students(tmp_path: Path) -> None:
    note = "THE-TEACHERS-OWN-NOTE"
    people = PEOPLE.replace("        when: from 1929\n", f"        when: from 1929\n        note: {note}\n")
    checked = _lesson(tmp_path, people=people)
    assert not _warnings(checked)
    assert checked.lesson is not None and checked.lesson.people["quill"].roles[0].note == note
    for question in _questions(checked).values():
        assert note not in repr(question)


# -- 7. a name the article gives in parts ----------------------------------------------------


def _name_warnings(tmp_path: Path, article: str, person: str) -> list:
    people = "people:\n  sallow: " + person + "\n"
    fact = "facts:\n  - id: cottage\n    kind: event\n    who: [sallow]\n    what: the Sallows kept the cottage\n" \
           "    from_teacher: true\n"  # fmt: skip
    checked = write_lesson(tmp_path, article, HEAD + people + fact)
    return [d for d in checked.diagnostics if d.code == "ground.name-not-in-article"]


@pytest.mark.parametrize(
    "article",
    [
        "Peter and Ruth Sallow kept the lock cottage.\n",
        "Peter, Ruth and Anna Sallow kept the lock cottage.\n",
        "Peter and Mary Ann Sallow kept the lock cottage.\n",
    ],
)
def test_a_surname_shared_after_and_gives_the_name(tmp_path: Path, article: str) -> None:
    assert _name_warnings(tmp_path, article, "{name: Peter Sallow}") == []


def test_a_name_given_in_aliases_the_article_uses(tmp_path: Path) -> None:
    article = "Peter kept the lock cottage. Everyone on the canal knew Sallow.\n"
    assert _name_warnings(tmp_path / "a", article, "{name: Peter Sallow, aliases: [Peter]}") == []
    assert _name_warnings(tmp_path / "b", article, "{name: Peter Sallow}")  # no alias: not the article's name


@pytest.mark.parametrize(
    "article",
    [
        "Peter kept the lock cottage with Ruth Sallow.\n",  # Sallow is Ruth's name here, not shared
        "Peter kept the lock cottage.\n",  # the alias is there, the surname nowhere
        "Peter and Ruth Sallowby kept the lock cottage.\n",  # another surname
    ],
)
def test_a_name_the_article_does_not_give_is_still_flagged(tmp_path: Path, article: str) -> None:
    person = "{name: Peter Sallow, aliases: [Peter]}" if "with Ruth" not in article else "{name: Peter Sallow}"
    assert _name_warnings(tmp_path, article, person)
