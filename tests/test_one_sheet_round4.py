"""One sheet, from the fourth round of teachers' judgements, on an invented lighthouse lesson: a rare
blanked word is given away in the plural too ("keepers" answers "the last [...]", keeper); and the drill
rule
("Who said ...?" in a row answered by one name) holds for the questions left on the sheet, not only
for those made before one-sheet selection took others away.

Each rule has a case it must reject and one it must keep.
"""

from __future__ import annotations

from pathlib import Path

from studygen.questions import Question, build_questions
from studygen.questions.giveaways import _number_forms

from .conftest import write_lesson

ARTICLE = """\
The Skarholm lighthouse

The lighthouse was built in 1871. Its lamp was electrified in 1924. The last keeper left in 1968,
and the tower was sold to the town in 1990.

"I was the last lamplighter on this coast," said Oskar Brandt, who kept the light from 1950. "The
lamplighters' cottages were pulled down in the spring."

Brandt said "nobody climbs the stairs any more".

He added "the gulls have the gallery now".

He also said "the sea took the jetty twice".

Town clerk Lena Holm said "the town will open the tower to visitors".

She said "the council bought the binoculars".

Holm said "a ferryman will bring the tourists".
"""
# Each quotation has a paragraph of its own: words of one speaker in one paragraph are one passage,
# and only one of them is asked "Who said ...?" (tests/test_engine_round5.py).

LESSON = """\
lesson:
  id: lighthouse
  title: The Skarholm lighthouse
  source: {file: article.txt, title: The lighthouse, published: 1995}
people:
  brandt: {name: Oskar Brandt, aliases: [Brandt]}
  holm: {name: Lena Holm, aliases: [Holm]}
facts:
  - {id: built, kind: event, what: The lighthouse was built, when: 1871, evidence: The lighthouse was built in 1871}
  - {id: lamp, kind: event, what: Its lamp was electrified, when: 1924, evidence: Its lamp was electrified in 1924}
  - {id: keeper, kind: event, what: The last keeper left, when: 1968, evidence: The last keeper left in 1968}
  - {id: sold, kind: event, what: the tower was sold to the town, when: 1990,
     evidence: the tower was sold to the town in 1990}
QUOTES
"""

LAMPLIGHTER = """\
  - {id: last, kind: quote, by: brandt, said: "I was the last lamplighter on this coast", blank: lamplighter}
  - {id: cottages, kind: quote, by: brandt, said: "The lamplighters' cottages were pulled down in the spring",
     blank: cottages}
"""

DRILL = """\
  - {id: stairs, kind: quote, by: brandt, said: nobody climbs the stairs any more}
  - {id: gulls, kind: quote, by: brandt, said: the gulls have the gallery now}
  - {id: jetty, kind: quote, by: brandt, said: the sea took the jetty twice}
  - {id: visitors, kind: quote, by: holm, said: the town will open the tower to visitors, blank: visitors}
  - {id: binoculars, kind: quote, by: holm, said: the council bought the binoculars, blank: binoculars}
  - {id: ferryman, kind: quote, by: holm, said: a ferryman will bring the tourists, blank: ferryman}
"""
# Brandt's words get no fill-in-the-blank; Holm's three do, and each is kept before its "Who said ...?",
# which leaves Brandt's three short answers the only "Who said ...?" on the sheet.
DRILL_SETTINGS = "questions:\n  skip_kinds: [when, chronology]\n" + (
    "  exclude: {cloze: [stairs, gulls, jetty, built, lamp, keeper, sold]}\n"
)


def _set(folder: Path, quotes: str = "", exclude: str = "") -> tuple[dict[str, Question], str]:
    facts = LESSON.replace("QUOTES\n", quotes) + exclude
    checked = write_lesson(folder, ARTICLE, facts)
    assert checked.ok and checked.lesson is not None, [d.render() for d in checked.diagnostics]
    made = build_questions(checked.lesson, checked.contexts())
    return {q.id: q for q in made.questions}, "\n".join(d.message for d in made.diagnostics)


def test_a_rare_blank_is_given_away_by_its_plural() -> None:
    assert _number_forms("lamplighter") == ("lamplighter", "lamplighters")
    assert _number_forms("lamplighters") == ("lamplighters", "lamplighter")
    assert _number_forms("secretary") == ("secretary", "secretaries")
    assert _number_forms("churches") == ("churches", "church")


def test_the_plural_of_one_blank_in_another_question_leaves_one_of_the_two_out(tmp_path: Path) -> None:
    questions, notes = _set(tmp_path, LAMPLIGHTER, "questions:\n  skip_kinds: [when, chronology, attribution]\n")
    clozes = [q for q in questions.values() if q.kind == "cloze" and q.fact in ("last", "cottages")]
    assert len(clozes) == 1, [q.prompt for q in clozes]
    assert "shows the missing word ('lamplighters')" in notes


def test_two_blanks_of_different_words_both_stay(tmp_path: Path) -> None:
    other = LAMPLIGHTER.replace(
        "The lamplighters' cottages were pulled down in the spring", "nobody climbs the stairs any more"
    ).replace("blank: cottages", "blank: stairs")
    questions, _ = _set(tmp_path, other, "questions:\n  skip_kinds: [when, chronology, attribution]\n")
    assert len([q for q in questions.values() if q.kind == "cloze" and q.fact in ("last", "cottages")]) == 2


def test_the_drill_rule_holds_for_the_questions_left_on_the_sheet(tmp_path: Path) -> None:
    questions, notes = _set(tmp_path, DRILL, DRILL_SETTINGS)
    said = [q for q in questions.values() if q.kind == "attribution"]
    assert [q.answer for q in said] == ["Oskar Brandt", "Oskar Brandt"] and all(not q.choices for q in said)
    assert "Oskar Brandt would answer most of the 'who said ...?' questions left on the sheet" in notes


def test_before_selection_the_three_are_no_drill(tmp_path: Path) -> None:
    checked = write_lesson(tmp_path, ARTICLE, LESSON.replace("QUOTES\n", DRILL) + DRILL_SETTINGS)
    every = build_questions(checked.lesson, checked.contexts(), one_sheet=False)  # type: ignore[arg-type]
    said = [q.answer for q in every.questions if q.kind == "attribution"]
    assert said.count("Oskar Brandt") == 3 and said.count("Lena Holm") == 3  # half each: no drill yet


MANY = """\
  - {id: stairs, kind: quote, by: brandt, said: nobody climbs the stairs any more}
  - {id: gulls, kind: quote, by: brandt, said: the gulls have the gallery now}
  - {id: jetty, kind: quote, by: brandt, said: the sea took the jetty twice}
  - {id: last, kind: quote, by: brandt, said: "I was the last lamplighter on this coast"}
  - {id: cottages, kind: quote, by: brandt, said: "The lamplighters' cottages were pulled down in the spring"}
  - {id: visitors, kind: quote, by: holm, said: the town will open the tower to visitors}
  - {id: binoculars, kind: quote, by: dahl, said: the council bought the binoculars}
  - {id: ferryman, kind: quote, by: ek, said: a ferryman will bring the tourists}
"""
MANY_PEOPLE = "  dahl: {name: Per Dahl, aliases: [Dahl]}\n  ek: {name: Siri Ek, aliases: [Ek]}\nfacts:\n"
ONLY_WHO_SAID = "questions:\n  skip_kinds: [when, chronology, cloze, matching]\n"


def _many(folder: Path, quotes: str) -> dict[str, Question]:
    others = 'Per Dahl said "the council bought the binoculars".\n\nSiri Ek said "a ferryman will bring the tourists".'
    article = ARTICLE.replace("Town clerk Lena Holm", f"{others}\n\nTown clerk Lena Holm")
    facts = LESSON.replace("facts:\n", MANY_PEOPLE, 1).replace("QUOTES\n", quotes) + ONLY_WHO_SAID
    checked = write_lesson(folder, article, facts)
    assert checked.ok and checked.lesson is not None, [d.render() for d in checked.diagnostics]
    return {q.id: q for q in build_questions(checked.lesson, checked.contexts()).questions}


def test_who_said_with_choices_answered_by_one_speaker_in_most_is_cut_to_three(tmp_path: Path) -> None:
    said = [q for q in _many(tmp_path, MANY).values() if q.kind == "attribution"]
    brandt = [q for q in said if q.answer == "Oskar Brandt"]
    assert len(brandt) == 3 and all(q.choices for q in brandt)  # 5 of 8 asked, with choices: 3 kept
    assert len(said) == 6


def test_who_said_answered_by_one_speaker_in_half_is_kept(tmp_path: Path) -> None:
    cottages = next(line + "\n" for line in MANY.splitlines() if "id: cottages" in line)
    four = MANY.replace(cottages, "").replace(
        "  - {id: visitors,", cottages.replace("by: brandt", "by: holm") + "  - {id: visitors,"
    )
    said = [q for q in _many(tmp_path, four).values() if q.kind == "attribution"]
    assert len([q for q in said if q.answer == "Oskar Brandt"]) == 4  # 4 of 8: not more than half, no drill


def test_a_timeline_trimmed_on_a_sheet_keeps_only_its_events_sources() -> None:
    """The composer leaves an event off a version's timeline: the key no longer lists who gave its date."""
    from studygen.export.worksheet_compose import _set_pairs

    from .conftest import ROOT, lesson_and_questions

    _, questions = lesson_and_questions(ROOT / "tests" / "lessons" / "stress" / "facts.yaml")
    timeline = next(q for q in questions.questions if q.kind == "chronology")
    dates = [when for when, _ in timeline.pairs]
    assert {value for value, _ in timeline.sources} >= set(dates)
    kept = _set_pairs(timeline, list(range(len(dates) - 1)))
    assert {value for value, _ in kept.sources} & set(dates) == set(dates[:-1])
