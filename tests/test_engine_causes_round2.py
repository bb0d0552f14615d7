"""The second round of teachers' judgements, reproduced on an invented harbour inquiry and fixed by
general rules: no drill of short-answer "Who said ...?" all answered by one name, no two choices that
read the same, no "Which document ...?" of a lesson's only document, and no matching set that offers
a document and a person for words that may be both theirs.

Each rule has a case it must reject and one it must keep.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from studygen.lessons import CheckedLesson
from studygen.questions import Question, QuestionSet, build_questions
from studygen.questions.base import KINDS
from studygen.questions.choices import Chooser, same_words
from studygen.questions.sourcing import claim_questions, within_share

from .conftest import write_lesson

ARTICLE = """\
The Kestrel Bay harbour inquiry sat in 1961. Mayor Alma Voss said "the harbour belongs to the
fishermen". She added "no crane will rise on the north quay". Voss later said "the council was never
consulted", and "we will rebuild the fish market". An engineer here said "the sea wall is sinking".
Engineers here said the dredging had been stopped in 1958; an engineer here said the pilots had
warned of silt. The Brant report said "the dredging was begun too late". Its author, Judge Otto
Brant, said "nobody listened to the pilots". The pilots' leader Ruth Kell said "we warned them
every winter". The clerk Piet Arne said "the minutes were lost". Sela Dorn, a trawler owner, said
"half the fleet moved to Orrin". The Kell memo said "the silt doubled in ten years". The council
rebuilt the sea wall in 1963. Alma Voss was elected mayor in 1961 and was mayor of Kestrel Bay from
1961 to 1970. From 1964 she also chaired the Fishermen's Relief Fund; in 1958 she had chaired the
Harbour Choir. The pilots said the channel had silted up; the fishermen said the fish had left the
bay; there were rumours that the harbour would close.
"""

PEOPLE = """\
lesson:
  id: harbour
  title: The Kestrel Bay harbour inquiry
  source: {file: article.txt, title: The harbour inquiry, published: 1965}
people:
  voss:
    name: Alma Voss
    aliases: [Voss]
    roles: [ROLES]
  brant: {name: Otto Brant}
  report: {name: the Brant report, kind: document}
  engineer: {name: an engineer here, kind: unnamed}
  engineers: {name: engineers here, kind: unnamed}
"""

FACTS = """\
facts:
  - {id: belongs, kind: quote, by: voss, said: the harbour belongs to the fishermen}
  - {id: crane, kind: quote, by: voss, said: no crane will rise on the north quay}
  - {id: consulted, kind: quote, by: voss, said: the council was never consulted}
  - {id: market, kind: quote, by: voss, said: we will rebuild the fish market}
  - {id: sinking, kind: quote, by: engineer, said: the sea wall is sinking}
  - {id: too-late, kind: quote, by: report, said: the dredging was begun too late}
  - {id: pilots, kind: quote, by: brant, said: nobody listened to the pilots}
  - {id: stopped, kind: event, what: the dredging had been stopped, when: 1958, according_to: engineers,
     evidence: Engineers here said the dredging had been stopped in 1958}
  - {id: warned, kind: event, what: the pilots had warned of silt, according_to: engineer,
     evidence: an engineer here said the pilots had warned of silt}
  - {id: inquiry, kind: event, what: The Kestrel Bay harbour inquiry sat, when: 1961}
  - {id: rebuilt, kind: event, what: The council rebuilt the sea wall, when: 1963}
  - {id: elected, kind: event, what: Alma Voss was elected mayor, who: [voss], when: 1961}
"""

# Three more speakers, and a second document.
MORE_PEOPLE = """\
  kell: {name: Ruth Kell}
  arne: {name: Piet Arne}
  dorn: {name: Sela Dorn}
  memo: {name: the Kell memo, kind: document}
"""
MORE_FACTS = """\
  - {id: winter, kind: quote, by: kell, said: we warned them every winter}
  - {id: minutes, kind: quote, by: arne, said: the minutes were lost}
  - {id: fleet, kind: quote, by: dorn, said: half the fleet moved to Orrin}
  - {id: silt, kind: quote, by: memo, said: the silt doubled in ten years}
"""


MAYOR = "{title: Mayor of Kestrel Bay, when: 1961-1970, evidence: was mayor of Kestrel Bay from 1961 to 1970}"


# A rumour, and two more sources of claims.
RUMOUR_PEOPLE = "  pilot-group: {name: the pilots, kind: group}\n  fishermen: {name: the fishermen, kind: group}\n"
RUMOUR_FACTS = """\
  - {id: silted, kind: event, what: the channel had silted up, according_to: pilot-group,
     evidence: The pilots said the channel had silted up}
  - {id: fish-left, kind: event, what: the fish had left the bay, according_to: fishermen,
     evidence: the fishermen said the fish had left the bay}
  - {id: closing, kind: event, what: the harbour would close, according_to: rumour,
     evidence: there were rumours that the harbour would close}
"""


def _read(tmp_path: Path, more: bool = False, roles: str = MAYOR, rumour: bool = False) -> CheckedLesson:
    facts = PEOPLE.replace("ROLES", roles) + (MORE_PEOPLE if more else "") + (RUMOUR_PEOPLE if rumour else "")
    facts += FACTS + (MORE_FACTS if more else "") + (RUMOUR_FACTS if rumour else "")
    checked = write_lesson(tmp_path / "lesson", ARTICLE, facts)
    assert checked.ok and checked.lesson is not None, [d.render() for d in checked.diagnostics]
    return checked


def _build(tmp_path: Path, more: bool = False, roles: str = MAYOR, rumour: bool = False) -> QuestionSet:
    checked = _read(tmp_path, more, roles, rumour)
    return build_questions(checked.lesson, checked.contexts(), one_sheet=False)  # type: ignore[arg-type]


def _asked(made: QuestionSet, kind: str) -> dict[str, Question]:
    return {q.fact: q for q in made.questions if q.kind == kind}


def _notes(made: QuestionSet) -> str:
    return "\n".join(d.render() for d in made.diagnostics)


# -- 1. short-answer "Who said ...?" all answered by one name ------------------------------------


def test_one_speaker_answers_at_most_two_short_who_said_questions(tmp_path: Path) -> None:
    made = _build(tmp_path)
    asked = _asked(made, "attribution")
    of_voss = [q for q in asked.values() if q.answer == "Alma Voss"]
    assert len(of_voss) == 2 and not any(q.choices for q in of_voss)  # rejected: the other two of four
    assert asked["pilots"].answer == "Otto Brant"  # kept: the other speaker's
    assert "Alma Voss would answer 4 of the lesson's 5 'who said ...?' questions" in _notes(made)


def test_with_choices_every_who_said_question_is_kept(tmp_path: Path) -> None:
    asked = _asked(_build(tmp_path, more=True), "attribution")
    of_voss = [q for q in asked.values() if q.answer == "Alma Voss"]
    assert len(of_voss) == 4 and all(q.choices for q in of_voss)  # kept: a choice between speakers


# -- 2. two choices that read the same -----------------------------------------------------------


def test_same_words_drops_articles_plurals_and_case() -> None:
    assert same_words("The account of engineers here") == same_words("The account of an engineer here")
    assert same_words("One engineer's account") == same_words("the engineers' account")
    assert same_words("One engineer’s account") == same_words("the engineers’ account")
    assert same_words("The account of engineers here") != same_words("The account of a pilot here")


def test_a_claim_never_offers_two_choices_that_differ_in_number(tmp_path: Path) -> None:
    claims = _asked(_build(tmp_path, more=True), "claim")
    for fact in ("stopped", "warned"):
        assert claims[fact].choices, fact
        readings = [same_words(c) for c in claims[fact].choices]
        assert len(set(readings)) == len(readings), claims[fact].choices  # rejected: singular and plural
    assert claims["stopped"].answer == "The account of engineers here"  # kept: the right one offered
    assert "The account of engineers here" in claims["stopped"].choices


# -- 6. "Which document ...?" of the only document -----------------------------------------------


def test_the_only_document_is_not_asked_which_document(tmp_path: Path) -> None:
    made = _build(tmp_path)
    assert "too-late" not in _asked(made, "attribution")  # rejected: it answers itself
    assert "the Brant report is the only document the lesson quotes" in _notes(made)


def test_of_two_documents_which_document_is_asked(tmp_path: Path) -> None:
    asked = _asked(_build(tmp_path, more=True), "attribution")
    assert asked["too-late"].answer == "the Brant report"  # kept
    assert asked["too-late"].prompt.startswith("Which document")
    assert asked["silt"].answer == "the Kell memo"


# -- 7. a document and a person in one matching set ----------------------------------------------


def test_matching_leaves_out_documents_beside_people(tmp_path: Path) -> None:
    made = _build(tmp_path, more=True)
    sets = [q for q in made.questions if q.kind == "matching"]
    assert sets  # kept: the people's quotations are matched
    rights = {right for q in sets for _, right in q.pairs}
    assert "Otto Brant" in rights and "Alma Voss" in rights
    assert not rights & {"the Brant report", "the Kell memo"}  # rejected: a report beside its author
    assert "the quotations of documents (too-late, silt) are not matched with people's" in _notes(made)


def test_a_claim_without_choices_counts_in_the_share_after_those_with_choices(tmp_path: Path) -> None:
    made = _build(tmp_path, more=True)
    other = next(q for q in made.questions if q.kind != "claim" and q.choices)
    claim = next(q for q in made.questions if q.kind == "claim" and q.choices)
    others = [replace(other, id=f"other-{n}") for n in range(6)]  # room for two claims
    short = [replace(claim, id=f"short-{n}", choices=(), correct=None) for n in range(2)]
    kept, dropped = within_share([*others, short[0], claim, short[1]])
    assert [q.id for q in dropped] == ["short-1"]  # rejected: a short answer is no way out of the share
    assert claim in kept and short[0] in kept  # kept: the multiple-choice claim first, then one short


# -- 3. year choices inside a span the answer year opens ------------------------------------------


def _years_offered(checked: CheckedLesson, fact_id: str) -> set[str]:
    """Every year any place of the fact's date question offers (the place is the letters' to choose)."""
    lesson = checked.lesson
    assert lesson is not None
    draft = next(d for d in KINDS["when"].make(lesson) if d.facts == (fact_id,))
    return {year for choices in Chooser(lesson).year_places(draft).values() for year in choices}


def test_an_event_that_opens_its_persons_span_is_offered_only_earlier_years(tmp_path: Path) -> None:
    asked = _asked(_build(tmp_path), "when")
    assert asked["elected"].choices == ("1958", "1959", "1960", "1961")  # rejected: 1962, 1963 (in her term)
    assert _years_offered(_read(tmp_path), "elected") == {"1958", "1959", "1960", "1961"}
    assert "1962" in _years_offered(_read(tmp_path), "inquiry")  # kept: the same year, of a fact not hers


def test_without_the_span_later_years_are_offered(tmp_path: Path) -> None:
    offered = _years_offered(_read(tmp_path, roles=MAYOR.replace("1961-1970", "1961")), "elected")
    assert any(int(year) > 1961 for year in offered), offered


# -- 4. "What office did X hold then?" of someone with another role at that time ------------------

FUND = "{title: chair of the Fishermen's Relief Fund, kind: description, when: from 1964, evidence: From 1964}"
CHOIR = "{title: chair of the Harbour Choir, kind: description, when: 1958, evidence: in 1958 she had chaired}"


def test_a_role_of_the_same_time_is_accepted_as_the_office_held(tmp_path: Path) -> None:
    asked = {q.id: q for q in _build(tmp_path, roles=f"{MAYOR}, {FUND}").questions}
    office = asked["harbour/voss.mayor-of-kestrel-bay/office"]
    assert office.prompt == "What office did Alma Voss hold from 1961 to 1970?"
    assert office.answer == "Mayor of Kestrel Bay"
    assert office.alternatives == ("chair of the Fishermen's Relief Fund",)  # accepted: she held it then


def test_a_role_of_another_time_is_not_accepted(tmp_path: Path) -> None:
    asked = {q.id: q for q in _build(tmp_path, roles=f"{MAYOR}, {CHOIR}").questions}
    assert asked["harbour/voss.mayor-of-kestrel-bay/office"].alternatives == ()  # rejected: before her term


# -- 5. the foils of a claim ----------------------------------------------------------------------


def test_with_enough_claims_no_speakers_account_is_a_foil(tmp_path: Path) -> None:
    drafts = {d.key: d for d in claim_questions(_read(tmp_path, more=True, rumour=True).lesson)}  # type: ignore[arg-type]
    claimants = {"Stated as fact", "The account of engineers here", "The account of an engineer here",
                 "The pilots' account", "The fishermen's account", "Rumour, source not named"}  # fmt: skip
    for fact in ("closing", "stopped"):
        assert set(drafts[fact].candidates) <= claimants, drafts[fact].candidates  # rejected: "Alma Voss's account"
    assert len(drafts["closing"].candidates) == 4, drafts["closing"].candidates
    # Beside "engineers here", a source named only by what it is, rumour is no wrong answer: three are left.
    assert drafts["stopped"].candidates == ("Stated as fact", "The fishermen's account", "The pilots' account")


def test_with_too_few_claims_a_speakers_account_makes_up_four(tmp_path: Path) -> None:
    named = _asked(_build(tmp_path, more=True), "claim")["stopped"]
    assert any(c.endswith("'s account") for c in named.choices), named.choices  # kept
