"""Every classroom format escapes by its reader's rules (issue 29).

tests/payloads/hostile is a lesson whose names, quotations, title, deck and source carry text a
reader could take for syntax: spreadsheet formulas and links, GIFT weights, formats, arrows and
placeholders, Moodle cloze gaps, control characters, NUL, U+FFFE/U+FFFF, bidirectional overrides,
a 5,000-character quotation and accented letters. It is built by the command line into every
classroom format, and each file is read back by a reader someone else wrote (Moodle's own GIFT and
XML parsers, as Moodle 4.5 and as 4.3; the QTI XSDs; openpyxl; the csv module), which must give
every payload back as plain text.
"""

from __future__ import annotations

import csv
import html
import io
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xmlschema
from typer.testing import CliRunner

from studygen.cli import app
from studygen.draft import writer
from studygen.export import LessonBuild, gift, kahoot, load_exporters
from studygen.export.classroom import feedback, title
from studygen.export.plain_text import plain, spreadsheet_cell
from studygen.export.quizlet import CARD_MAX
from studygen.lessons import read_lesson
from studygen.questions import Question, QuestionSet, build_questions
from studygen.questions.shapes import Blank, ClozeText, Shape

from .moodle import FORMAT_HTML, FORMAT_PLAIN, moodle_accepts, moodle_category, moodle_import
from .test_classroom_formats import CANVAS_XSD, QTI_XSD

HOSTILE = Path(__file__).parent / "payloads" / "hostile"  # not in tests/lessons: not a lesson to print
FORMATS = ["moodle", "gift", "qti", "canvas", "kahoot", "quizlet", "blooket"]
# The people's names as the lesson gives them, and as every format must give them back.
NAMES = {
    "quill": "%100%Bill Clinton",
    "holt": '=HYPERLINK("https://x.example/?q="&A1,"click")',
    "finn": "https://evil.example/finn",
    "marr": "[html]<img src=https://x.example/a.png>",
    "vale": "@Eli Vale",  # U+202E and U+2066 dropped
    "rhee": "Zoë Ångström-Ibáñez",
    "sol": "Ina Sol[31m",  # NUL, ESC and U+FFFF dropped
    "pike": '+Ola {Pike}~#=\\*-><>&"/',
}
CLOZE_SYNTAX = "Fifty per cent {1:MULTICHOICE:=was~was not} agreed by the"
# Characters no XML 1.0 document may hold, and the bidirectional controls: none reaches an output.
DROPPED = {*map(chr, range(0x20)), "\ufffe", "\uffff"}
DROPPED |= {*map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))}
DROPPED -= {"\t", "\n", "\r"}


def as_plain(text: str) -> str:
    """What a lesson's text must come back as: the dropped characters gone, nothing else changed."""
    return "".join(char for char in text if char not in DROPPED)


def one_line(text: str) -> str:
    """As a format that writes each text on one line gives it back: runs of spaces made one."""
    return " ".join(as_plain(text).split())


@pytest.fixture(scope="module")
def questions() -> list[Question]:
    checked = read_lesson(HOSTILE / "facts.yaml")
    assert checked.lesson is not None
    return build_questions(checked.lesson, checked.contexts()).questions


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, str]:
    """Every classroom format of the hostile lesson, built by the command line as a teacher would; its
    folder and notes. Built for each test, in this process, so that a mutation tool (mutmut) knows
    every test that reads an exporter's output."""
    out = tmp_path / "decks"
    result = CliRunner().invoke(app, ["--verbose", "build", "--format", *FORMATS, "-o", str(out), str(HOSTILE)])
    assert result.exit_code == 0, result.stderr
    return out / "hostile", result.stderr


def test_the_lesson_carries_every_payload(questions: list[Question]) -> None:
    """The payloads reach the questions (and so the exporters) as the lesson gives them."""
    text = "\n".join(
        [q.prompt for q in questions] + [c for q in questions for c in q.choices] + [q.answer for q in questions]
    )
    for payload in ("\x00", "\x01", "\x1b", "\ufffe", "\uffff", "\u202e", "\u2066", CLOZE_SYNTAX, "->", "&&035;"):
        assert payload in text, payload
    assert any(len(c) > 5000 for q in questions for c in [q.prompt]), "the 5,000-character quotation"
    assert set(NAMES.values()) <= {one_line(c) for q in questions for c in q.choices}


# -- GIFT, read by Moodle's own GIFT import ------------------------------------------------------

# (The lesson's matching and its quoted reply, which hold '->', are no longer in its set: the matching
# repeats the "Who said ...?" questions and the reply's question names the proposer that "Who proposed
# ...?" asks (issue 26). GIFT's matching is read back in test_gift_matching_pairs_come_back_exactly.)
LEFT_OUT_OF_GIFT = {
    "hostile/fee/attribution": "'&&035;'",
}


@pytest.mark.parametrize("moodle_4_3", [False, True], ids=["moodle-4.5", "moodle-4.3"])
def test_gift_gives_back_every_payload_as_plain_text(
    built: tuple[Path, str], questions: list[Question], moodle_4_3: bool
) -> None:
    folder, notes = built
    read = {q["name"]: q for q in moodle_import("gift", folder / "hostile.gift.txt", moodle_4_3=moodle_4_3)}
    written = [q for q in questions if q.id not in LEFT_OUT_OF_GIFT]
    assert set(read) == {title(q) for q in written}  # no question more (a blank line), none less
    for question in written:
        got = read[title(question)]
        assert got["questiontextformat"] == FORMAT_PLAIN
        assert got["generalfeedback"] == one_line(feedback(question))
        if question.shape is Shape.CHOICE:
            assert got["qtype"] == "multichoice"
            assert got["questiontext"] == one_line(question.prompt)
            assert [a["text"] for a in got["answer"]] == [one_line(c) for c in question.choices]
            assert {a["format"] for a in got["answer"]} == {FORMAT_PLAIN}
            assert got["fraction"] == [int(i == question.correct) for i in range(len(question.choices))]
        elif question.shape is Shape.SHORT:
            assert (got["qtype"], got["questiontext"]) == ("shortanswer", one_line(question.prompt))
            _accepts_exactly(got["answer"], [question.answer, *question.alternatives])
        else:
            assert question.shape is Shape.CLOZE
            before, after = _around_gap(question)
            assert got["qtype"] == "shortanswer"
            assert got["questiontext"] == (_runs(before) + "_____" + _runs(after)).strip()
            _accepts_exactly(got["answer"], [question.cloze.blanks[0].answer, *question.cloze.blanks[0].alternatives])
    for question_id, reason in LEFT_OUT_OF_GIFT.items():
        assert f"question {question_id} is left out of the GIFT file" in notes and reason in notes


def _runs(text: str) -> str:
    """Text on one line as it stands beside a gap: runs of spaces made one, the ends kept."""
    return re.sub(r"\s+", " ", as_plain(text))


def _around_gap(question: Question) -> tuple[str, str]:
    parts = question.cloze.parts
    cut = next(i for i, p in enumerate(parts) if isinstance(p, Blank))
    return "".join(parts[:cut]), "".join(parts[cut + 1 :])


def _accepts_exactly(stored: list[str], answers: list[str]) -> None:
    """Moodle's matcher accepts each answer, typed as plain text, and no other text ('*' is no wildcard)."""
    assert len(stored) == len(answers)
    for kept, answer in zip(stored, answers, strict=True):
        assert moodle_accepts(one_line(answer), kept), (answer, kept)
        assert not moodle_accepts(one_line(answer) + " and more", kept), kept


def test_gift_category_stays_one_line(built: tuple[Path, str]) -> None:
    """A deck with blank lines gives one category and no question of the deck's making."""
    category = moodle_category("gift", built[0] / "hostile.gift.txt")
    assert category == "$course$/top/Hostile/Deck/evil/Evil{=x} More/Ward-Zone"


# -- Moodle XML, read by Moodle's own XML import --------------------------------------------------


@pytest.mark.parametrize("moodle_4_3", [False, True], ids=["moodle-4.5", "moodle-4.3"])
def test_moodle_xml_gives_back_every_payload_as_plain_text(
    built: tuple[Path, str], questions: list[Question], moodle_4_3: bool
) -> None:
    read = {q["name"]: q for q in moodle_import("xml", built[0] / "hostile.moodle.xml", moodle_4_3=moodle_4_3)}
    assert set(read) == {title(q) for q in questions}
    for question in questions:
        got = read[title(question)]
        assert _text_of(got["generalfeedback"]) == as_plain(feedback(question))
        if question.shape is Shape.CHOICE:
            assert _text_of(got["questiontext"]) == as_plain(question.prompt)
            assert [_text_of(a["text"]) for a in got["answer"]] == [as_plain(c) for c in question.choices]
            assert got["fraction"] == [int(i == question.correct) for i in range(len(question.choices))]
        elif question.shape is Shape.SHORT:
            _accepts_exactly(got["answer"], [question.answer, *question.alternatives])
        elif question.shape is Shape.MATCHING:
            assert [_text_of(s["text"]) for s in got["subquestions"]] == [as_plain(m.prompt) for m in question.matches]
            assert got["subanswers"] == [as_plain(m.answer) for m in question.matches]
        else:
            assert got["qtype"] == "multianswer"
            before, after = _around_gap(question)
            assert _text_of(got["questiontext"]) == as_plain(before) + "{#1}" + as_plain(after)
            (gap,) = got["options"]["questions"].values()  # one gap: none of the text's making
            assert gap["qtype"] == "shortanswer"
            blank = question.cloze.blanks[0]
            _accepts_exactly(gap["answer"], [blank.answer, *blank.alternatives])


def _text_of(moodle_html: str) -> str:
    """HTML as Moodle shows it, when it holds no element: the text with its references decoded."""
    assert "<" not in moodle_html, moodle_html
    return html.unescape(moodle_html)


# -- QTI 2.1 and Canvas (QTI 1.2), read by their XSDs and an XML parser ------------------------------


def _zip_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def _all_text(document: bytes) -> str:
    """Every text and attribute value of an XML document, as its parser gives them."""
    root = ET.fromstring(document)
    return "\n".join(
        [t for element in root.iter() for t in (element.text, element.tail) if t]
        + [value for element in root.iter() for value in element.attrib.values()]
    )


def test_qti_gives_back_every_payload_as_plain_text(built: tuple[Path, str], questions: list[Question]) -> None:
    schema = xmlschema.XMLSchema(QTI_XSD)
    members = _zip_members(built[0] / "hostile.qti.zip")
    items = {name: data for name, data in members.items() if name.startswith("items/")}
    assert len(items) == len(questions)
    for data in items.values():
        schema.validate(data.decode("utf-8"))
    text = "\n".join(_all_text(data) for data in items.values())
    _gives_back(text, questions)


def test_canvas_gives_back_every_payload_as_plain_text(built: tuple[Path, str], questions: list[Question]) -> None:
    schema = xmlschema.XMLSchema(CANVAS_XSD)
    members = _zip_members(built[0] / "hostile.canvas.zip")
    (quiz,) = [data for name, data in members.items() if name != "imsmanifest.xml"]
    ET.fromstring(members["imsmanifest.xml"])
    schema.validate(quiz.decode("utf-8"))
    root = ET.fromstring(quiz)
    assert root.find(".//{*}assessment").get("title") == "=1+1"
    for mattext in root.iterfind(".//{*}mattext"):  # HTML as Canvas reads it: the escaped text decoded
        if mattext.get("texttype") == "text/html":
            assert "<" not in (mattext.text or "")
            mattext.text = html.unescape(mattext.text or "")
    _gives_back(_all_text(ET.tostring(root)), questions)


def _fields(question: Question) -> list[str]:
    """The texts of a question a format writes whole (a cloze as its text around the gap)."""
    if question.shape is Shape.CLOZE:
        blank = question.cloze.blanks[0]
        return [*_around_gap(question), blank.answer, *blank.alternatives]
    if question.shape is Shape.MATCHING:
        return [question.prompt, *(text for m in question.matches for text in (m.prompt, m.answer))]
    return [question.prompt, question.answer, *question.choices]


def _gives_back(text: str, questions: list[Question]) -> None:
    assert not DROPPED & set(text)
    for question in questions:
        for field in _fields(question):
            assert as_plain(field) in text, field[:80]
    for name in NAMES.values():
        assert name in text


# -- Kahoot! (xlsx, read by openpyxl) ------------------------------------------------------------


def test_kahoot_writes_text_cells_only(built: tuple[Path, str], questions: list[Question]) -> None:
    """Text beginning with = + - @ is a text cell, never a formula; https://... is never a link."""
    workbook = openpyxl.load_workbook(built[0] / "hostile.kahoot.xlsx")
    assert workbook.properties.title == "=1+1"
    sheet = workbook.active
    assert sheet["B3"].value == "=1+1. Source: “@SUM(A1:A2)”, -2+3. Made with studygen."
    rows = [row for row in sheet.iter_rows(min_row=9) if row[1].value]
    fitting = [
        [one_line(text) for text in (q.prompt, *q.choices)]
        for q in questions
        if q.shape is Shape.CHOICE and len(one_line(q.prompt)) <= 120 and all(len(one_line(c)) <= 75 for c in q.choices)
    ]
    assert len(rows) == len(fitting)
    written = [[cell.value for cell in row[1 : len(texts) + 1]] for row, texts in zip(rows, fitting, strict=True)]
    assert written == fitting
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type in ("s", "n"), (cell.coordinate, cell.value)
            assert cell.hyperlink is None, cell.coordinate
    cells = {cell.value for row in rows for cell in row[1:6]}
    assert set(NAMES.values()) <= cells
    assert not any(set(str(value)) & DROPPED for value in cells)


# -- Blooket (csv) and Quizlet (tab-separated), read by the csv module -----------------------------


def test_blooket_neutralises_every_formula(built: tuple[Path, str], questions: list[Question]) -> None:
    """A cell a spreadsheet would run as a formula starts with an apostrophe (OWASP); others are exact."""
    rows = list(csv.reader(io.StringIO((built[0] / "hostile.blooket.csv").read_text(encoding="utf-8"))))[2:]
    choices = [q for q in questions if q.shape is Shape.CHOICE]
    assert len(rows) == len(choices)
    for row, question in zip(rows, choices, strict=True):
        expected = [as_plain(t) for t in (question.prompt, *question.choices)]
        expected = ["'" + t if t[:1] in ("=", "+", "-", "@", "\t", "\r") else t for t in expected]
        assert row[1 : 2 + len(question.choices)] == expected
    cells = {cell for row in rows for cell in row}
    assert {"'" + NAMES["holt"], "'" + NAMES["vale"], "'" + NAMES["pike"], NAMES["quill"], NAMES["finn"]} <= cells


def test_quizlet_gives_back_every_card_as_plain_text(built: tuple[Path, str], questions: list[Question]) -> None:
    lines = (built[0] / "hostile.quizlet.txt").read_text(encoding="utf-8").split("\n")
    assert lines.pop() == ""
    cards = [line.split("\t") for line in lines]
    assert all(len(card) == 2 for card in cards)
    text = "\n".join(field for card in cards for field in card)
    assert not DROPPED & set(text)
    for question in questions:  # a card over CARD_MAX characters a side is left out with a note
        if question.shape in (Shape.CHOICE, Shape.SHORT) and len(one_line(question.prompt)) <= CARD_MAX:
            assert [one_line(question.prompt), one_line(question.answer)] in cards


# -- Each defect of issue 29 for these formats, on one question ------------------------------------


def _hostile_question(shape: Shape, **changes: object) -> Question:
    """A question of the hostile lesson, of `shape`, with some of its fields replaced."""
    checked = read_lesson(HOSTILE / "facts.yaml")
    assert checked.lesson is not None
    base_shape = Shape.CHOICE if shape is Shape.SHORT else shape  # the lesson's short answers all have choices
    made = build_questions(checked.lesson, checked.contexts(), one_sheet=False)  # every shape, the matching too
    base = next(q for q in made.questions if q.shape is base_shape)
    if shape is Shape.SHORT:
        changes = {"choices": (), "correct": None, **changes}
    return Question(**{**{f: getattr(base, f) for f in base.__slots__}, **changes})  # type: ignore[arg-type]


def _export(format_name: str, question: Question, tmp_path: Path) -> tuple[Path, list[str]]:
    """One question exported as `format_name` into `tmp_path`: the file and the notes."""
    checked = read_lesson(HOSTILE / "facts.yaml")
    assert checked.lesson is not None
    build = LessonBuild(checked.lesson, QuestionSet([question]), tmp_path, 0)
    (output,) = load_exporters()[format_name].export(build)
    path = tmp_path / output.name
    path.write_bytes(output.data)
    return path, [note.message for note in build.notes]


def _left_out_of_gift(question: Question, tmp_path: Path) -> str:
    """Why the GIFT file leaves `question` out, from its note; the file then holds no question."""
    path, notes = _export("gift", question, tmp_path)
    assert moodle_import("gift", path) == []
    (note,) = notes
    head = f"question {question.id} is left out of the GIFT file: "
    assert note.startswith(head)
    return note.removeprefix(head)


WRONG = "%100%Bill Clinton"


def test_gift_a_wrong_answer_with_a_weight_scores_nothing(tmp_path: Path) -> None:
    question = _hostile_question(Shape.CHOICE, choices=("Ada Quill", WRONG, "%50%Bram Holt"), correct=0)
    (got,) = moodle_import("gift", _export("gift", question, tmp_path)[0])
    assert got["fraction"] == [1, 0, 0]
    assert [a["text"] for a in got["answer"]] == ["Ada Quill", WRONG, "%50%Bram Holt"]


def test_gift_an_answer_in_a_format_prefix_stays_plain_text(tmp_path: Path) -> None:
    html_answer = "[html]<img src=https://x.example/a.png>"
    question = _hostile_question(Shape.CHOICE, choices=(html_answer, "[markdown]*b*", "[moodle]c"), correct=0)
    (got,) = moodle_import("gift", _export("gift", question, tmp_path)[0])
    assert [(a["text"], a["format"]) for a in got["answer"]] == [
        (html_answer, FORMAT_PLAIN),
        ("[markdown]*b*", FORMAT_PLAIN),
        ("[moodle]c", FORMAT_PLAIN),
    ]


def test_gift_leaves_out_a_short_answer_with_an_arrow(tmp_path: Path) -> None:
    """`->` in a short answer would make it a matching question: GIFT cannot write it."""
    question = _hostile_question(Shape.SHORT, answer="Ada -> Quill", alternatives=())
    assert _left_out_of_gift(question, tmp_path) == "'->' in a typed answer makes Moodle read a matching pair there"


def test_gift_writes_an_arrow_where_it_means_nothing(tmp_path: Path) -> None:
    """On the right of a matching pair, in a multiple-choice answer and in question text `->` is text."""
    question = _hostile_question(Shape.CHOICE, prompt="Who said “a -> b”?", choices=("a -> b", "c"), correct=1)
    (got,) = moodle_import("gift", _export("gift", question, tmp_path)[0])
    assert (got["questiontext"], [a["text"] for a in got["answer"]]) == ("Who said “a -> b”?", ["a -> b", "c"])


def test_gift_a_star_in_a_short_answer_is_no_wildcard(tmp_path: Path) -> None:
    question = _hostile_question(Shape.SHORT, answer="Quill*", alternatives=("a\\*b",))
    (got,) = moodle_import("gift", _export("gift", question, tmp_path)[0])
    assert moodle_accepts("Quill*", got["answer"][0]) and not moodle_accepts("Quill and co", got["answer"][0])
    assert moodle_accepts("a\\*b", got["answer"][1]) and not moodle_accepts("a\\b", got["answer"][1])


def test_gift_a_blank_line_in_a_text_starts_no_question(tmp_path: Path) -> None:
    question = _hostile_question(Shape.CHOICE, prompt="Who?\n\n::evil::Pick{=x ~y}\n\nOr", choices=("a", "b"))
    (got,) = moodle_import("gift", _export("gift", question, tmp_path)[0])
    assert got["questiontext"] == "Who? ::evil::Pick{=x ~y} Or"


@pytest.mark.parametrize("placeholder", ["&&058;", "&&035;", "&&061;", "&&123;", "&&125;", "&&126;", "&&092;", "&&010"])
def test_gift_leaves_out_text_holding_its_placeholders(placeholder: str, tmp_path: Path) -> None:
    """Moodle's GIFT import turns these into other characters: a text holding one cannot come back."""
    question = _hostile_question(Shape.CHOICE, prompt=f"Who wrote {placeholder} here?", choices=("a", "b"))
    assert _left_out_of_gift(question, tmp_path) == (
        f"it holds '{placeholder}', which Moodle's GIFT import turns into another character"
    )


def test_gift_a_question_name_keeps_its_colons(tmp_path: Path) -> None:
    """`::` ends a question's name in GIFT: a name holding it (from the Python API) is escaped."""
    question = _hostile_question(Shape.CHOICE, fact="a::b: c", prompt="Who?", choices=("a", "b"))
    (got,) = moodle_import("gift", _export("gift", question, tmp_path)[0])
    assert (got["name"], got["questiontext"]) == (title(question), "Who?")


def test_moodle_cloze_text_with_cloze_syntax_adds_no_gap(tmp_path: Path) -> None:
    """A sentence holding `{1:MULTICHOICE:=was~was not}` stays text; answers holding } ~ # \\ / " * are
    accepted as typed."""
    syntax = "NATO {1:MULTICHOICE:=was~was not} created {#2} {:SA:=x}"
    answers = ("a}b", "c~d#e", 'f\\g/h"i', "j*", "k\\*l\\")
    question = _hostile_question(
        Shape.CLOZE,
        cloze=ClozeText((syntax + " by ", Blank(answers[0], answers[1:]), ".")),
    )
    (got,) = moodle_import("xml", _export("moodle", question, tmp_path)[0])
    assert html.unescape(got["questiontext"]) == syntax + " by {#1}."
    (gap,) = got["options"]["questions"].values()
    _accepts_exactly(gap["answer"], list(answers))


@pytest.mark.parametrize("format_name", ["moodle", "qti", "canvas"])
def test_xml_formats_drop_what_xml_forbids(format_name: str, tmp_path: Path) -> None:
    """Control characters, NUL, U+FFFE, U+FFFF and a lone surrogate leave a file every parser reads."""
    forbidden = "A\x00B\x01C\x08D\x0bE\x1fF\ufffeG\uffffH\ud800I"
    question = _hostile_question(Shape.CHOICE, prompt=f"Who said {forbidden}?", choices=(forbidden, "Tab\there"))
    path, _ = _export(format_name, question, tmp_path)
    documents = [path.read_bytes()] if format_name == "moodle" else list(_zip_members(path).values())
    assert all(document.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<') for document in documents)
    texts = "\n".join(_all_text(document) for document in documents)
    assert "Who said ABCDEFGHI?" in texts and "Tab\there" in texts
    if format_name == "moodle":
        (got,) = moodle_import("xml", path)
        assert [a["text"] for a in got["answer"]] == ["ABCDEFGHI", "Tab\there"]


def test_blooket_prefixes_every_formula_start(tmp_path: Path) -> None:
    starts = ("=1+1", "+44", "-2", "@SUM(A1)", "\tTab", "\rReturn")
    question = _hostile_question(Shape.CHOICE, prompt='=HYPERLINK("https://x")', choices=starts[:4], correct=2)
    path, _ = _export("blooket", question, tmp_path)
    row = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))[2]
    assert row == ["1", '\'=HYPERLINK("https://x")', "'=1+1", "'+44", "'-2", "'@SUM(A1)", "20", "3"]
    question = _hostile_question(Shape.CHOICE, prompt="Which?", choices=(*starts[4:], " =no"), correct=0)
    data = _export("blooket", question, tmp_path)[0].read_bytes().decode("utf-8")
    row = list(csv.reader(io.StringIO(data, newline="")))[2]
    assert row == ["1", "Which?", "'\tTab", "'\rReturn", " =no", "", "20", "1"]
    question = _hostile_question(Shape.CHOICE, prompt="Which?", choices=("-1", "2"), correct=1)
    data = _export("blooket", question, tmp_path)[0].read_bytes().decode("utf-8")
    assert list(csv.reader(io.StringIO(data, newline="")))[2] == ["1", "Which?", "'-1", "2", "", "", "20", "2"]


def test_kahoot_never_writes_a_formula_or_a_link(tmp_path: Path) -> None:
    question = _hostile_question(
        Shape.CHOICE, prompt="=1+1", choices=('=HYPERLINK("https://x.example")', "https://x.example", "@a"), correct=0
    )
    sheet = openpyxl.load_workbook(_export("kahoot", question, tmp_path)[0]).active
    cells = [sheet.cell(9, column) for column in range(2, 6)]
    assert [(c.value, c.data_type, c.hyperlink) for c in cells] == [
        ("=1+1", "s", None),
        ('=HYPERLINK("https://x.example")', "s", None),
        ("https://x.example", "s", None),
        ("@a", "s", None),
    ]


# -- draft and new write only what check reads -------------------------------------------------------

NONCHARACTERS = (
    "Talks end\n\n"
    '"Equal \ufffeseats for unequal\uffff banks? Never," Foreign Minister Karl Weiss said.\n\n'
    "In 1921, Ivo Maric, Sudmark's envoy to the talks, proposed that the commission have \ufffeequal seats.\n"
)


@pytest.mark.parametrize("command", ["draft", "new"])
def test_draft_and_new_write_no_character_check_refuses(command: str, tmp_path: Path) -> None:
    """An article holding U+FFFE and U+FFFF gives a facts file that check reads (YAML refuses both)."""
    article = tmp_path / "talks.txt"
    article.write_text(NONCHARACTERS, encoding="utf-8")
    facts = tmp_path / "lesson" / "facts.yaml"
    arguments = ["-o", str(facts)] if command == "draft" else ["--id", "lesson", "--seeds", str(tmp_path)]
    result = CliRunner().invoke(app, [command, str(article), *arguments])
    assert result.exit_code == 0, result.stderr
    checked = read_lesson(facts)
    assert checked.ok, [d.render() for d in checked.diagnostics]
    assert [f.said for f in checked.lesson.facts if f.kind == "quote"] == ["Equal seats for unequal banks? Never"]
    assert not {"\ufffe", "\uffff"} & set(facts.read_text(encoding="utf-8"))


# -- The shared rules, at their edges ---------------------------------------------------------------


def test_plain_drops_exactly_what_xml_forbids_and_the_bidi_controls() -> None:
    assert plain("\x00\x08\t\n\x0b\x0c\r\x0e\x1f \x7f\x85\x9f") == "\t\n\r \x7f\x85\x9f"  # C1 is allowed in XML
    assert plain("\ud7ff\ud800\udbff\udc00\udfff\ue000") == "\ud7ff\ue000"
    assert plain("\ufffd\ufffe\uffff\U00010000") == "\ufffd\U00010000"
    assert plain("\u2029\u202a\u202b\u202c\u202d\u202e\u202f") == "\u2029\u202f"
    assert plain("\u2065\u2066\u2067\u2068\u2069\u206a") == "\u2065\u206a"
    assert plain("\u200e\u200f\u061c") == "\u200e\u200f\u061c"  # marks reorder nothing: kept


def test_a_spreadsheet_cell_is_prefixed_only_where_a_formula_would_start() -> None:
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert spreadsheet_cell(start + "1") == "'" + start + "1"
    for text in ("", " =1", "a=1", "'=1", "\n=1", "＝1", "1-2"):
        assert spreadsheet_cell(text) == text
    assert spreadsheet_cell("\x00=1") == "'=1"  # dropped first: what a spreadsheet would see decides
    assert spreadsheet_cell("\u202e+1") == "'+1"


def test_gift_answer_starts_are_neutralised_after_what_is_dropped() -> None:
    """A weight or format start hidden behind a dropped character is still neutralised."""
    assert gift.answer("\x00%100%x") == "[plain]%100%x"
    assert gift.answer(" [html]<b>") == "[plain][html]<b>"
    assert gift.answer("50%") == "50%" and gift.answer("a[html]") == "a[html]"
    assert gift.short_answer("%1%*") == "[plain]%1%\\*"
    assert gift.escape("a\n\n b\u2028c") == "a b c"
    assert gift.escape("  a  ", strip=False) == " a " and gift.escape("  a  ") == "a"


def test_gift_writes_an_ordering_with_an_arrow_in_an_event(tmp_path: Path) -> None:
    """GIFT writes an ordering as matching, each event (as shown) on the left of a pair, where `->`
    would split it: that event is written as HTML, its `>` as `&gt;` (issue 27)."""
    events = (("1990", "the wall -> fell"), ("1991", "%1% [html]"))
    shown = ("%1% [html]", events[0][1])
    question = _hostile_question(Shape.CHOICE, answer_type="order", choices=(), correct=None, pairs=events, items=shown)
    assert question.shape is Shape.ORDERING
    (got,) = moodle_import("gift", _export("gift", question, tmp_path)[0])
    assert (got["qtype"], got["questiontext"]) == ("match", question.prompt + " Number them from 1 (earliest).")
    assert [(s["text"], s["format"]) for s in got["subquestions"]] == [
        ("%1% [html]", FORMAT_PLAIN),
        ("the wall -&gt; fell", FORMAT_HTML),
    ]
    assert got["subanswers"] == ["2", "1"]


def test_gift_matching_pairs_come_back_exactly(tmp_path: Path) -> None:
    """Each pair's left side keeps a format or weight start as text, the right side keeps `->` and `%`."""
    pairs = (("[html]<b>We stay.</b>", "%100%Bill Clinton -> Ada"), ("%50% of us", "[plain]Bram ~ Holt"))
    question = _hostile_question(Shape.MATCHING, pairs=pairs)
    (got,) = moodle_import("gift", _export("gift", question, tmp_path)[0])
    assert got["qtype"] == "match"
    assert [(s["text"], s["format"]) for s in got["subquestions"]] == [(left, FORMAT_PLAIN) for left, _ in pairs]
    assert got["subanswers"] == [right for _, right in pairs]
    assert got["questiontext"] == question.prompt


def test_gift_writes_the_text_around_the_gap_exactly(tmp_path: Path) -> None:
    """Moodle's GIFT import puts _____ where the answers stand: the text on both sides comes back whole,
    with its spaces."""
    parts = ("Talks ", "in  Orsk ", Blank("stalled", ("broke down",)), " in", " 1921 ", "again.")
    question = _hostile_question(Shape.CLOZE, cloze=ClozeText(parts))
    (got,) = moodle_import("gift", _export("gift", question, tmp_path)[0])
    assert got["questiontext"] == "Talks in Orsk _____ in 1921 again."
    _accepts_exactly(got["answer"], ["stalled", "broke down"])


def test_gift_leaves_out_a_cloze_of_two_gaps(tmp_path: Path) -> None:
    """A missing-word question in GIFT has one gap: a sentence with two cannot be asked as it is."""
    question = _hostile_question(Shape.CLOZE, cloze=ClozeText(("In ", Blank("1921"), " talks ", Blank("stalled"), ".")))
    assert _left_out_of_gift(question, tmp_path) == "it has 2 gaps, and GIFT asks one"


def test_kahoot_fits_a_text_at_its_limit_and_no_further() -> None:
    assert kahoot.fit("a" * 120, 120, {}) == "a" * 120
    assert kahoot.fit("a" * 121, 120, {}) is None
    assert kahoot.fit(" a \x00 b\u202e ", 3, {}) == "a b"
    surnames = {"Vladimir Putin": "Putin", "Bill Clinton": "Clinton"}
    assert kahoot.fit("Vladimir Putin met Bill Clinton", 27, surnames) == "Putin met Bill Clinton"
    assert kahoot.fit("Vladimir Putin met Bill Clinton", 20, surnames) == "Putin met Clinton"
    assert kahoot.fit("Vladimir Putin met Bill Clinton", 16, surnames) is None
    assert kahoot.fit("Vladimir Putin", 14, surnames) == "Vladimir Putin"  # at the limit: left whole


def test_the_draft_writes_no_character_yaml_refuses() -> None:
    assert writer._q("a\x00b\x7f\x9fc\ufffe\uffff\ud800\udfffd\x1fe") == '"abcd e"'
    assert writer._q("Zoë \u202e\u200e ok\t\nthen") == '"Zoë \u202e\u200e ok then"'
