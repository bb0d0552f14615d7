"""Issue 26: no worksheet version gives an answer away, read as a student reads it.

`worksheet_check.leaks` reads each finished version (items, word bank, instructions, header and
footer); every build runs it. Here it reads every version of every shipped lesson and of
tests/lessons/giveaways, a lesson made to provoke each kind of leak, and each rule is tested on its
own: the composer leaves off what a rule forbids (with a note), and the check finds a version that
breaks the rule.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from studygen.build import build_lessons
from studygen.export.worksheet_check import leaks
from studygen.export.worksheet_compose import _rare_words, bank_type, blank_type, word_form, word_forms
from studygen.export.worksheet_layout import Item, Section, Version, compose, versions
from studygen.questions import Question
from studygen.questions.giveaways import Giveaways
from studygen.questions.shapes import Blank, ClozeText

from .conftest import PROVOKING, ROOT, lesson_and_questions

LESSONS = sorted(ROOT.glob("seeds/*/facts.yaml")) + sorted(ROOT.glob("tests/lessons/*/facts.yaml"))
T0 = 1_800_000_000


@pytest.fixture(scope="module")
def provoking():
    return lesson_and_questions(PROVOKING)


def _question(key: str, kind: str, prompt: str, answer: str, **fields) -> Question:
    defaults = dict(lesson="lenby-harbour", fact=key, facts=(key,), skill="", answer_type="person", source="")
    return Question(id=f"lenby-harbour/{key}/{kind}", kind=kind, prompt=prompt, answer=answer, **{**defaults, **fields})


def _cloze(key: str, before: str, answer: str, after: str) -> Question:
    return _question(key, "cloze", f"{before}[...]{after}", answer, answer_type="term",
                     cloze=ClozeText((before, Blank(answer), after)))  # fmt: skip


PROPOSER_CLOZE = _cloze("tolls", "In 1992, ", "Ann Hale", " proposed that the tolls be abolished.")
WHO_PROPOSED = _question("tolls", "proposal", "Who proposed that the tolls be abolished?", "Ann Hale")
WHO_SAID = _question("not-close", "attribution", "Who said “We will not close the harbour”?", "Ann Hale")
QUOTE_CLOZE = _cloze("not-close", "Ann Hale said: “We will not ", "close", " the harbour.”")
WHAT_OFFICE = _question("hale.leader-of-the-harbour-party", "office",
                        "What office did Ann Hale hold from 1990 to 1994?", "leader of the Harbour Party",
                        answer_type="office")  # fmt: skip
HALE_DIED = _question("hale-dies", "when", "In what year did the party leader Ann Hale die?", "1994",
                      answer_type="year")  # fmt: skip
MUSEUM = _question("museum", "when", "The harbour museum opened: on what date?", "21 August 2021", answer_type="date")


def _version(*sections: tuple[str, list[Question], tuple[str, ...]]) -> Version:
    """A version made by hand, as the layout would print it."""
    number = 0
    made = []
    for name, questions, bank in sections:
        items = []
        for question in questions:
            number += 1
            items.append(Item(number, question))
        made.append(Section(name, name, "", items, bank))
    return Version("A", made)


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.parent.name)
def test_no_version_of_a_lesson_gives_an_answer_away(path: Path) -> None:
    lesson, questions = lesson_and_questions(path)
    sheets = versions(lesson, questions.questions)
    assert sheets
    for version in sheets:
        assert leaks(lesson, version) == [], version.letter


def test_the_provoking_lesson_makes_a_full_sheet(provoking) -> None:
    lesson, questions = provoking
    version = versions(lesson, questions.questions)[0]
    assert sum(len(s.items) for s in version.sections) >= 8
    assert {s.name for s in version.sections} >= {"timeline", "fill_in", "short_answer"}


def test_rule_between_items(provoking) -> None:
    """Items that give each other away: the composer keeps one with a note; the check finds both on a sheet."""
    lesson, _ = provoking
    composition = compose(lesson, [WHO_SAID, QUOTE_CLOZE, WHAT_OFFICE, HALE_DIED])
    kept = [q.id for section in composition.sections.values() for q in section]
    assert (WHO_SAID.id in kept) != (QUOTE_CLOZE.id in kept)
    assert (WHAT_OFFICE.id in kept) != (HALE_DIED.id in kept)
    left = WHAT_OFFICE if WHAT_OFFICE.id not in kept else HALE_DIED
    assert "give each other's answers away (" in dict(composition.notes)[left.fact]
    found = leaks(lesson, _version(("short_answer", [WHO_SAID, WHAT_OFFICE], ()), ("fill_in", [QUOTE_CLOZE], ())))
    assert any("items 1 and 3 give each other away" in leak for leak in found), found
    found = leaks(lesson, _version(("short_answer", [WHAT_OFFICE, HALE_DIED], ())))
    assert any("shows the date ('1994')" in leak for leak in found), found  # the end of her years as leader
    undated = dataclasses.replace(WHAT_OFFICE, prompt="What office did Ann Hale hold until she died?")
    found = leaks(lesson, _version(("short_answer", [undated, HALE_DIED], ())))
    assert any("shows the office ('leader')" in leak for leak in found), found


def test_rule_same_question_twice(provoking) -> None:
    lesson, _ = provoking
    found = leaks(lesson, _version(("short_answer", [WHO_PROPOSED], ()), ("fill_in", [PROPOSER_CLOZE], ())))
    assert any("the fact 'tolls' is asked 2 times" in leak for leak in found)
    assert any("both ask the proposer of the same fact" in leak for leak in found)


def test_rule_header_and_footer(provoking) -> None:
    """The source line shows the lesson's publication date, 21 August 2021: the museum's date question
    goes from the set (the citation is printed with every question), and from the sheet, with a note,
    where a question asks it all the same; the footer stays."""
    lesson, questions = provoking
    assert "21 August 2021" in lesson.source.citation()
    assert MUSEUM.id not in {q.id for q in questions.questions}  # the set leaves it out
    assert any("'museum'" in d.message and "citation" in d.message for d in questions.diagnostics)
    composition = compose(lesson, [MUSEUM, HALE_DIED])  # a short-answer section it would be in
    kept = {q.id for section in composition.sections.values() for q in section}
    assert MUSEUM.id not in kept and HALE_DIED.id in kept
    assert "printed in the sheet's header or footer" in dict(composition.notes)["museum"]
    found = leaks(lesson, _version(("short_answer", [MUSEUM], ())))
    assert found and "header or footer" in found[0]
    renamed = dataclasses.replace(lesson, title="Lenby harbour, founded 1910")
    founded = _question("founded", "when", "In what year was the harbour of Lenby founded?", "1910", answer_type="year")
    assert any("'1910' is printed there" in leak for leak in leaks(renamed, _version(("short_answer", [founded], ()))))


def test_rule_header_names_a_person_written_with_no_choices(provoking) -> None:
    """A "Who said ...?" written with no choices under a header that names its speaker is answered by
    the header (a judge: "the student copies the name from the top of the page"); with four choices,
    the header's person is one of four and stays, and a header naming someone else leaves it."""
    lesson, _ = provoking
    titled = dataclasses.replace(lesson, title="Hale's last stand for the harbour")
    said = dataclasses.replace(WHO_SAID, alternatives=("Hale",))
    found = leaks(titled, _version(("short_answer", [said], ())))
    assert any("'hale' is printed there" in leak for leak in found), found
    composition = compose(titled, [said])
    assert said.id not in {q.id for q in composition.sections["short_answer"]}
    assert "printed in the sheet's header or footer" in dict(composition.notes)["not-close"]
    choices = dataclasses.replace(said, choices=("Ann Hale", "Bo Lind", "Piet Mors", "Jon Vik"))
    assert leaks(titled, _version(("multiple_choice", [choices], ()))) == []
    assert leaks(lesson, _version(("short_answer", [said], ()))) == []


def test_rule_word_bank_types(provoking) -> None:
    """One person blank: the bank holds another person and nothing of a type no blank has."""
    lesson, _ = provoking
    detector = Giveaways(lesson)
    composition = compose(lesson, [PROPOSER_CLOZE])
    bank = composition.word_bank
    assert "Ann Hale" in bank
    assert len(bank) >= 3  # the answer and at least two more ...
    assert {bank_type(detector, word) for word in bank} == {"name:person"}  # ... all people
    found = leaks(lesson, _version(("fill_in", [PROPOSER_CLOZE], ("Ann Hale", "harbour", "tolls"))))
    assert any("a type no blank has (term:noun)" in leak for leak in found), found
    assert any("only name:person entry" in leak for leak in found), found
    assert leaks(lesson, _version(("fill_in", [PROPOSER_CLOZE], ("Ann Hale", "Bo Lind", "Piet Mors")))) == []


def test_word_forms_the_grammar_of_a_blank_asks_for() -> None:
    assert [word_form(w) for w in ("prospered", "warehouses", "opening", "harbourage", "crisis", "address")] == [
        "ed", "plural", "ing", "noun", "noun", "noun",
    ]  # fmt: skip
    assert [word_form(w) for w in ("red", "bring", "gas", "the harbour dues")] == ["adj", "verb", "noun", "plural"]
    # "it is [...] that" asks for an adjective, "grew [...]" for an adverb, "continue to [...]" for a verb (judges:
    # each the bank's only word of its part of speech, solved by grammar); a word the lexicon does not know
    # is a noun.
    assert [word_forms(w) for w in ("prudent", "steadily", "prosper", "tolbod")] == [
        ("adj",), ("adv",), ("verb",), ("noun",),
    ]  # fmt: skip
    assert set(word_forms("close")) >= {"adj", "verb", "noun"}
    # A plural without an "s" is a plural (a judge: one was told apart from a plural with one).
    assert [word_forms(w) for w in ("geese", "women", "data")] == [("plural",), ("plural",), ("noun",)]


def test_a_blank_asks_for_the_part_of_speech_the_word_before_it_wants(provoking) -> None:
    """ "will not [...]" asks for a verb, "the [...]" for a noun, "so [...]" for an adjective: "close" is
    each, and the bank must offer another word of the part the blank's sentence asks for."""
    detector = Giveaways(provoking[0])
    assert blank_type(detector, QUOTE_CLOZE) == "term:verb"
    assert blank_type(detector, _cloze("near", "They sailed to the ", "close", " of the bay.")) == "term:noun"
    assert blank_type(detector, _cloze("near", "The quay was so ", "close", " to town.")) == "term:adj"
    assert blank_type(detector, _cloze("near", "", "close", " to town.")) == "term:adj"  # no word before: the first
    assert blank_type(detector, _cloze("near", "The ", "quay", " was old.")) == "term:noun"  # one part only


def test_rule_word_bank_offers_each_blank_a_word_of_its_grammatical_form(provoking) -> None:
    """ "all [...] and other boats" asks for a plural: a bank whose only plural is its answer is
    solved by grammar (a judge), so the composer adds another plural, and the check flags a bank without."""
    lesson, _ = provoking
    plural = _cloze("dues", "The harbour raised its ", "dues", " twice.")
    found = leaks(lesson, _version(("fill_in", [plural, QUOTE_CLOZE], ("close", "dues", "harbour", "quay"))))
    assert any("only term:plural entry is a blank's answer" in leak for leak in found), found
    assert leaks(lesson, _version(("fill_in", [plural, QUOTE_CLOZE], ("close", "dues", "harbour", "tolls")))) == []
    composition = compose(lesson, [plural, QUOTE_CLOZE])
    assert [q.id for q in composition.sections["fill_in"]] == [plural.id, QUOTE_CLOZE.id]
    forms = Counter(form for word in composition.word_bank for form in word_forms(word))
    assert forms["plural"] >= 2 and forms["verb"] >= 2, composition.word_bank


def test_rule_word_bank_leaves_off_a_blank_alone_of_its_type(provoking) -> None:
    """A blank whose answer is a month and year, in a lesson with no other month and year: the bank would
    offer it alone of its kind, so it is left off (with a note) and the term blank stays."""
    lesson, _ = provoking
    month = _cloze("charged", "Two harbour officials were charged with fraud in ", "March 1993", ".")
    composition = compose(lesson, [QUOTE_CLOZE, month])
    assert [q.id for q in composition.sections["fill_in"]] == [QUOTE_CLOZE.id]
    assert "the only date in the word bank" in dict(composition.notes)["charged"]
    assert "March 1993" not in composition.word_bank


def test_rule_furniture_shows_an_answer_with_its_subject(provoking) -> None:
    """A title that names Ann Hale as party leader answers what office she held, though it does not print
    the office's whole title."""
    lesson, _ = provoking
    titled = dataclasses.replace(lesson, title="Ann Hale, party leader")
    found = leaks(titled, _version(("short_answer", [WHAT_OFFICE], ())))
    assert any("shows the office ('leader')" in leak for leak in found), found
    assert leaks(lesson, _version(("short_answer", [WHAT_OFFICE], ()))) == []


def test_rule_word_bank_gives_nothing_away(provoking) -> None:
    lesson, _ = provoking
    found = leaks(
        lesson, _version(("short_answer", [HALE_DIED], ()), ("fill_in", [QUOTE_CLOZE], ("close", "open", "1994")))
    )
    assert any("extra entry '1994' is the answer of item 1" in leak for leak in found), found


def test_a_leak_is_a_warning_of_the_build(tmp_path: Path, provoking) -> None:
    """The check runs in every build: a question set that leaks (made by hand here) is warned about."""
    lesson, questions = provoking
    from studygen.export import worksheet_compose

    class Careless(worksheet_compose.Composer):  # a composer that checks nothing, as a fault would
        def _fits(self, section, question, chosen):
            self.sheet.take(question, worksheet_compose.view(section, question, self.detector))
            return True

    original = worksheet_compose.Composer
    try:
        import studygen.export.worksheet_layout as layout

        layout.Composer = Careless  # type: ignore[misc]
        notes = []
        build_lessons([(lesson, questions)], tmp_path, ["worksheet"], now=T0, on_note=notes.append)
    finally:
        layout.Composer = original  # type: ignore[misc]
    assert any(note.code == "worksheet.leak" for note in notes)


class _Markup(HTMLParser):
    """Everything of an HTML file a student can see by viewing its source besides the text: attributes, comments."""

    def __init__(self) -> None:
        super().__init__()
        self.attributes: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [f"{name}={value or ''}" for name, value in attrs]

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)


@pytest.mark.parametrize("path", [*sorted(ROOT.glob("seeds/*/facts.yaml")), PROVOKING], ids=lambda p: p.parent.name)
def test_student_html_carries_no_ids_answers_or_comments(tmp_path: Path, path: Path) -> None:
    lesson, questions = lesson_and_questions(path)
    build_lessons([(lesson, questions)], tmp_path, ["worksheet"], now=T0)
    folder = tmp_path / lesson.id
    secrets = {q.id for q in questions.questions} | {f.id for f in lesson.facts}
    secrets |= {q.answer for q in questions.questions}
    for sheet in sorted(folder.glob("worksheet-*.html")):
        markup = _Markup()
        markup.feed(sheet.read_text(encoding="utf-8"))
        assert markup.comments == [], sheet.name
        for attribute in markup.attributes:
            value = attribute.split("=", 1)[1]
            assert not any(len(s) > 2 and s in value for s in secrets), (sheet.name, attribute)
    key = _Markup()
    key.feed((folder / "answer-key.html").read_text(encoding="utf-8"))
    assert any(a.startswith("data-question=") for a in key.attributes)  # the teacher's key keeps them


def test_every_question_left_off_the_sheet_says_why(provoking) -> None:
    """A full section, the share of "fact or account?", a shape no section prints: each question the sheet
    leaves out gets a note (judges found items missing with none)."""
    lesson, _ = provoking
    one = dataclasses.replace(lesson, worksheet=dataclasses.replace(lesson.worksheet, sections={"short_answer": 1}))
    composition = compose(one, [HALE_DIED, WHO_PROPOSED])
    assert [q.id for q in composition.sections["short_answer"]] == [HALE_DIED.id]
    assert dict(composition.notes)["tolls"] == (
        f"left {WHO_PROPOSED.id} off the worksheet: short answer (1 item) full; raise the count under worksheet: "
        "sections:"
    )
    claim = _question("charged", "claim", "Fact or account? The officials were charged.", "Stated as fact")
    composition = compose(lesson, [claim])
    assert (
        dict(composition.notes)["charged"]
        == f"left {claim.id} off the worksheet: no section prints a claim question of its shape"
    )
    asked = dataclasses.replace(claim, choices=("Stated as fact", "Ann Hale's account", "Bo Lind's account", "Rumour"))
    notes = dict(compose(lesson, [asked]).notes)
    assert notes["charged"].endswith('"fact or account?" is at most a quarter of the multiple-choice items')
    assert compose(lesson, [HALE_DIED]).notes == []  # on the sheet: no note
    mandela, questions = lesson_and_questions(ROOT / "seeds" / "mandela-obituary" / "facts.yaml")
    composition = compose(mandela, questions.questions)
    assert composition.sections["timeline"]  # a set says per item what it left out, never "no section"
    assert not any("chronology" in why for _, why in composition.notes), composition.notes


def test_word_bank_words_come_from_the_articles_body(provoking) -> None:
    """A wire file's header ("amends slugline per desk") is no article text: no word of it in the bank."""
    lesson, _ = provoking
    wire = "<DOC>\n<HEADER>\namends slugline per desk\n</HEADER>\n<TEXT>\n<P>\nThe quay was dredged.\n</P>\n</TEXT>\n"
    words = _rare_words(dataclasses.replace(lesson, article=wire + "</DOC>\n"))
    assert "dredged" in words and not {"amends", "slugline"} & set(words), words


def test_no_word_bank_entry_is_printed_in_a_blanks_sentence(provoking) -> None:
    """ "such a(n) [...] and delay" with "delay" in the bank: crossed off at once (a judge)."""
    lesson, _ = provoking
    # The lesson's other rare nouns are printed in this sentence, so the two left must both be offered.
    elsewhere = _cloze("dredged", "The harbour pilots would scuttle or dredge the ", "quay", " first.")
    assert set(compose(lesson, [elsewhere]).word_bank) == {"quay", "trawler", "lighthouse"}
    printed = _cloze("dredged", "The trawler crew said the ", "quay", " was old.")
    bank = compose(lesson, [printed]).word_bank
    assert "quay" in bank and "trawler" not in bank, bank  # printed beside the blank: not offered
