"""Every classroom format, built by the command line for every shipped lesson and read back by a reader
someone else wrote: moodle-xml-parser (Moodle XML), pygiftparser (GIFT), the IMS QTI 2.1 XSD with
xmlschema (QTI), qti2latex's QTI 1.2 reader and the IMS QTI 1.2 XSD (Canvas), openpyxl (Kahoot!) and
the csv module (Quizlet, Blooket). Each must give back the lesson's questions: the same count per type,
the same correct answers.
"""

from __future__ import annotations

import csv
import html
import io
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from pathlib import Path

import openpyxl
import pytest
import xmlschema
from moodle_xml_parser.parser import parse_bytes as parse_moodle
from pygiftparser import parser as gift_parser
from pygiftparser.utils import reSpecialChar

from studygen.export import LessonBuild, load_exporters
from studygen.export.blooket import export_blooket
from studygen.export.classroom import BLANK_LINE, feedback, title
from studygen.export.gift import gift_question
from studygen.export.kahoot import ANSWER_MAX, QUESTION_MAX, TIME_LIMITS
from studygen.export.qti import identifier
from studygen.export.quizlet import CARD_MAX, export_quizlet
from studygen.export.quizlet import cards as quizlet_cards
from studygen.lessons import read_lesson
from studygen.questions import Question, QuestionSet, build_questions
from studygen.questions.shapes import Blank, Shape

from .conftest import ROOT

LESSONS = sorted(p.parent.name for p in (ROOT / "seeds").glob("*/facts.yaml"))
FORMATS = ["moodle", "gift", "qti", "canvas", "kahoot", "quizlet", "blooket"]
QTI_XSD = Path(__file__).parent / "schemas" / "qti21" / "imsqti_v2p1p2.xsd"
CANVAS_XSD = Path(__file__).parent / "schemas" / "qti12" / "domainProfile_4" / "ims_qtiasiv1p2.xsd"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every format of every shipped lesson, built as a teacher would: `--format` followed by the names."""
    out = tmp_path_factory.mktemp("classroom")
    result = subprocess.run(
        [sys.executable, "-m", "studygen", "build", "--format", *FORMATS, "-o", str(out), str(ROOT / "seeds")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def questions_of(lesson_id: str) -> list[Question]:
    checked = read_lesson(ROOT / "seeds" / lesson_id / "facts.yaml")
    assert checked.lesson is not None
    return build_questions(checked.lesson, checked.contexts()).questions


def shapes(questions: list[Question]) -> Counter[Shape]:
    return Counter(q.shape for q in questions)


def output(built: Path, lesson_id: str, name: str, extension: str) -> bytes:
    return (built / lesson_id / f"{lesson_id}.{name}.{extension}").read_bytes()


# -- Moodle XML ---------------------------------------------------------------------------------


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_moodle_xml_gives_back_every_question(built: Path, lesson_id: str) -> None:
    questions = questions_of(lesson_id)
    data = output(built, lesson_id, "moodle", "xml")
    parsed = parse_moodle(data)  # moodle-xml-parser reads multiple choice and cloze
    counts = shapes(questions)
    assert len(parsed["multichoice"]) == counts[Shape.CHOICE]
    assert len(parsed["cloze"]) == counts[Shape.CLOZE]
    expected = {title(q): q for q in questions}
    for read in parsed["multichoice"]:
        question = expected[read.name]
        assert read.single and read.general_feedback == html.escape(feedback(question), quote=False)
        assert [html.unescape(o.answer) for o in read.options] == list(question.choices)
        assert [o.score_fraction for o in read.options].count(100) == 1
        assert html.unescape(next(o.answer for o in read.options if o.score_fraction == 100)) == question.answer
    for read in parsed["cloze"]:
        question = expected[read.name]
        (gap,) = read.gaps
        assert gap.sub_type == "SHORTANSWER"
        blank = question.cloze.blanks[0]
        assert [html.unescape(o.answer) for o in gap.options] == [blank.answer, *blank.alternatives]
        assert all(o.score == 100 for o in gap.options)

    # The rest by the structure Moodle's importer (question/format/xml) expects.
    root = ET.fromstring(data)
    assert root.tag == "quiz"
    category, *items = root.findall("question")
    assert category.get("type") == "category"
    assert category.findtext("category/text", "").startswith("$course$/top/")
    assert Counter(i.get("type") for i in items) == Counter(  # orderings as matching, which every Moodle has
        {"multichoice": counts[Shape.CHOICE], "shortanswer": counts[Shape.SHORT], "cloze": counts[Shape.CLOZE]}
    ) + Counter({"matching": counts[Shape.MATCHING] + counts[Shape.ORDERING]})
    for item in items:
        question = expected[item.findtext("name/text", "")]
        assert item.findtext("generalfeedback/text") == html.escape(feedback(question), quote=False)
        if item.get("type") == "shortanswer":
            accepted = [a.findtext("text") for a in item.findall("answer")]
            assert accepted == [t.replace("*", "\\*") for t in (question.answer, *question.alternatives)]
            assert {a.get("fraction") for a in item.findall("answer")} == {"100"}
        if item.get("type") == "matching":
            pairs = [
                (html.unescape(s.findtext("text", "")), s.findtext("answer/text")) for s in item.findall("subquestion")
            ]
            places = {e.label: str(n) for n, e in enumerate(question.sequence, 1)}
            expected_pairs = [(m.prompt, m.answer) for m in question.matches] or [
                (label, places[label]) for label in question.items
            ]
            assert pairs == expected_pairs and len(pairs) >= 2


# -- GIFT ------------------------------------------------------------------------------------------


def _unescape(text: str) -> str:
    return reSpecialChar.sub(r"\g<char>", text)


def read_gift(text: str) -> list:
    questions = gift_parser.parseFile(io.StringIO(text))
    assert all(q.valid for q in questions)
    return questions


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_gift_gives_back_every_question(built: Path, lesson_id: str) -> None:
    questions = questions_of(lesson_id)
    read = read_gift(output(built, lesson_id, "gift", "txt").decode("utf-8"))
    counts = shapes(questions)
    assert (
        Counter(type(q.answers).__name__ for q in read)
        == Counter(
            {
                "SelectSet": counts[Shape.CHOICE],
                "ShortSet": counts[Shape.SHORT] + counts[Shape.CLOZE],
                "MatchingSet": counts[Shape.MATCHING] + counts[Shape.ORDERING],
            }
        )
        - Counter()
    )
    expected = {title(q): q for q in questions}
    for item in read:
        question = expected[_unescape(item.title)]
        answers = item.answers.answers
        assert _unescape(item.generalFeedback) == feedback(question)
        if question.shape is Shape.CHOICE:
            assert [_unescape(a.answer) for a in answers] == list(question.choices)
            assert [_unescape(a.answer) for a in answers if a.select] == [question.answer]
        elif question.shape is Shape.MATCHING:
            assert [(_unescape(a.question).strip(), _unescape(a.answer).strip()) for a in answers] == [
                (m.prompt, m.answer) for m in question.matches
            ]
        elif question.shape is Shape.ORDERING:  # each event, as shown, to its place
            places = {e.label: str(n) for n, e in enumerate(question.sequence, 1)}
            assert [(_unescape(a.question).strip(), a.answer.strip()) for a in answers] == [
                (label, places[label]) for label in question.items
            ]
        elif question.shape is Shape.CLOZE:
            blank = question.cloze.blanks[0]
            assert [_unescape(a.answer) for a in answers] == [blank.answer, *blank.alternatives]
            before, after = question.cloze.with_gaps("\0").split("\0")
            assert (_unescape(item.text), _unescape(item.tail)) == (before.strip(), after.strip())
        else:
            assert [_unescape(a.answer) for a in answers] == [question.answer, *question.alternatives]
            assert _unescape(item.text) == question.prompt


SPECIAL = 'He said: "{x} = ~y # z" and 50% off'


def _question(**changes: object) -> Question:
    base = questions_of("russia-nato")
    question = next(q for q in base if q.shape is Shape.CHOICE)
    fields = {"prompt": f"Who said “{SPECIAL}”?", "choices": (SPECIAL, "B: b", "C {c}", "D ~ d"), "correct": 0}
    fields["answer"] = SPECIAL
    fields.update(changes)
    return Question(**{**{f: getattr(question, f) for f in question.__slots__}, **fields})  # type: ignore[arg-type]


def test_gift_escapes_every_special_character() -> None:
    """A quotation holding every character GIFT gives a meaning, in the question and in the answers.

    pygiftparser ends an answer list at the first closing brace even when it is escaped (its answer
    pattern is lazy and ignores escapes), so the answers it reads hold every special character but that
    one, and the escaped closing brace in an answer is checked on the text, by Moodle's rule."""
    no_brace = SPECIAL.replace("}", ")")
    question = _question(choices=(no_brace, "B: b", "C {c", "D ~ d = #"), answer=no_brace)
    (item,) = read_gift(gift_question(question) + "\n")
    assert _unescape(item.text) == question.prompt  # every special character, the closing brace too
    assert [_unescape(a.answer) for a in item.answers.answers] == list(question.choices)
    assert [a.select for a in item.answers.answers] == [True, False, False, False]
    assert '=He said\\: "\\{x\\} \\= \\~y \\# z" and 50% off' in gift_question(_question())


def test_gift_doubles_a_backslash() -> None:
    """Moodle's GIFT importer reads \\\\ as one backslash (pygiftparser does not unescape it, so this is
    checked on the text): a quotation's backslash must not escape the character after it."""
    question = _question(prompt="Is a\\n new line?")
    assert "Is a\\\\n new line?" in gift_question(question)


# -- IMS QTI 2.1 ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def qti_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(QTI_XSD), allow="local")  # the vendored XSDs, nothing from the network


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_qti_package_is_valid_and_gives_back_every_question(
    built: Path, lesson_id: str, qti_schema: xmlschema.XMLSchema
) -> None:
    questions = questions_of(lesson_id)
    with zipfile.ZipFile(io.BytesIO(output(built, lesson_id, "qti", "zip"))) as package:
        names = package.namelist()
        files = {name: package.read(name) for name in names}
    manifest = ET.fromstring(files["imsmanifest.xml"])
    cp = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
    resources = manifest.findall(f"{cp}resources/{cp}resource")
    assert {r.get("href") for r in resources} == set(names) - {"imsmanifest.xml"}
    items = [r.get("href") for r in resources if r.get("type") == "imsqti_item_xmlv2p1"]
    assert len(items) == len(questions)
    qti_schema.validate(files["assessment.xml"])
    interactions: Counter[str] = Counter()
    expected = {identifier(q.id): q for q in questions}
    for href in items:
        qti_schema.validate(files[href])  # raises on the first error
        item = qti_schema.to_dict(files[href])
        question = expected[item["@identifier"]]
        body = item["itemBody"]
        kind = (
            next(k for k in body if k.endswith("Interaction"))
            if any(k.endswith("Interaction") for k in body)
            else "textEntryInteraction"
        )
        interactions[kind] += 1
        correct = item["responseDeclaration"][0]["correctResponse"]["value"]
        if kind == "choiceInteraction":
            choices = {c["@identifier"]: c["$"] for c in body[kind][0]["simpleChoice"]}
            assert list(choices.values()) == list(question.choices)
            assert [choices[v] for v in correct] == [question.answer]
        elif kind == "orderInteraction":
            labels = {c["@identifier"]: c["$"] for c in body[kind][0]["simpleChoice"]}
            assert [labels[v] for v in correct] == [e.label for e in question.sequence]
        elif kind == "matchInteraction":
            left, right = body[kind][0]["simpleMatchSet"]
            prompts = {c["@identifier"]: c["$"] for c in left["simpleAssociableChoice"]}
            speakers = {c["@identifier"]: c["$"] for c in right["simpleAssociableChoice"]}
            pairs = [tuple(v.split()) for v in correct]
            assert [(prompts[p], speakers[s]) for p, s in pairs] == [(m.prompt, m.answer) for m in question.matches]
        else:
            blank = question.cloze.blanks[0] if question.cloze else Blank(question.answer, question.alternatives)
            assert correct == [blank.answer, *blank.alternatives]  # every accepted answer: Canvas reads them here
    counts = shapes(questions)
    assert (
        interactions
        == Counter(
            {
                "choiceInteraction": counts[Shape.CHOICE],
                "textEntryInteraction": counts[Shape.SHORT] + counts[Shape.CLOZE],
                "matchInteraction": counts[Shape.MATCHING],
                "orderInteraction": counts[Shape.ORDERING],
            }
        )
        - Counter()
    )


def test_the_qti_schema_rejects_a_broken_item(built: Path, qti_schema: xmlschema.XMLSchema) -> None:
    """The validation above can fail: an item without its response declaration's cardinality is refused."""
    with zipfile.ZipFile(io.BytesIO(output(built, "russia-nato", "qti", "zip"))) as package:
        href = next(n for n in package.namelist() if n.startswith("items/"))
        text = package.read(href).decode("utf-8")
    assert qti_schema.is_valid(text)
    assert not qti_schema.is_valid(text.replace('cardinality="single" ', "", 1))


# -- Canvas (QTI 1.2) ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def canvas_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(CANVAS_XSD), allow="local")


def places_given(item: ET.Element) -> dict[str, str]:
    """What each left-hand side of a Canvas matching item is matched to when answered right, read from
    the item's own response processing (qti2latex pools every side's correct choices into one set)."""
    ns = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"}
    options = {
        label.get("ident"): label.findtext(".//q:mattext", namespaces=ns)
        for label in item.iterfind(".//q:response_lid/q:render_choice/q:response_label", ns)
    }
    sides = {
        lid.get("ident"): lid.findtext("q:material/q:mattext", namespaces=ns)
        for lid in item.iterfind(".//q:response_lid", ns)
    }
    return {
        sides[equal.get("respident")]: options[equal.text]
        for equal in item.iterfind(".//q:respcondition/q:conditionvar/q:varequal", ns)
    }


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_canvas_zip_gives_back_every_question(
    built: Path, lesson_id: str, tmp_path: Path, canvas_schema: xmlschema.XMLSchema
) -> None:
    import qti2latex  # a Canvas QTI 1.2 reader from the package index

    questions = questions_of(lesson_id)
    zip_path = tmp_path / "canvas.zip"
    zip_path.write_bytes(output(built, lesson_id, "canvas", "zip"))
    folder = qti2latex.extract_zip_to_tmp(zip_path)
    (quiz,) = qti2latex.read_qti_dir(folder)
    canvas_schema.validate(str(quiz))  # raises on the first error
    items = qti2latex.findall_anyns(ET.parse(quiz).getroot(), "item")
    counts = shapes(questions)
    types = Counter(qti2latex.guess_type(qti2latex.get_qti_metadata(i), i) for i in items)
    assert (
        types
        == Counter(
            {
                "multiple_choice_question": counts[Shape.CHOICE],
                "short_answer_question": counts[Shape.SHORT],
                "fill_in_multiple_blanks_question": counts[Shape.CLOZE],
                "matching_question": counts[Shape.MATCHING] + counts[Shape.ORDERING],
            }
        )
        - Counter()
    )
    expected = {title(q): q for q in questions}
    for item in items:
        question = expected[item.get("title")]
        choices = dict(qti2latex.get_choices(item))
        correct = qti2latex.get_correct_idents(item)
        if question.shape is Shape.CHOICE:
            assert list(choices.values()) == list(question.choices)
            assert [choices[c] for c in correct] == [question.answer]
        elif question.shape is Shape.SHORT:
            assert correct == {question.answer, *question.alternatives}
        elif question.shape is Shape.CLOZE:
            blank = question.cloze.blanks[0]
            assert {choices[c] for c in correct} == {blank.answer, *blank.alternatives}
            assert qti2latex.get_item_stem(item) == question.cloze.with_gaps("[blank1]")
        elif question.shape is Shape.MATCHING:
            assert {choices[c] for c in correct} == {m.answer for m in question.matches}
            assert places_given(item) == {m.prompt: m.answer for m in question.matches}
        else:  # an ordering, written as matching each event to its place
            assert places_given(item) == {e.label: str(n) for n, e in enumerate(question.sequence, 1)}


def test_the_canvas_schema_rejects_a_broken_item(built: Path, canvas_schema: xmlschema.XMLSchema) -> None:
    """The validation above can fail: an item without its required ident is refused."""
    with zipfile.ZipFile(io.BytesIO(output(built, "russia-nato", "canvas", "zip"))) as package:
        name = next(n for n in package.namelist() if n != "imsmanifest.xml")
        text = package.read(name).decode("utf-8")
    assert canvas_schema.is_valid(text)
    assert not canvas_schema.is_valid(re.sub(r'<item ident="[^"]*"', "<item", text, count=1))
    assert not canvas_schema.is_valid(text.replace("<presentation>", "<presentation><itemfeedback/>", 1))


# -- Kahoot! ---------------------------------------------------------------------------------------

KAHOOT_HEADERS = [
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
]


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_kahoot_sheet_follows_the_template_and_its_limits(built: Path, lesson_id: str) -> None:
    questions = [q for q in questions_of(lesson_id) if q.shape is Shape.CHOICE]
    lesson = read_lesson(ROOT / "seeds" / lesson_id / "facts.yaml").lesson
    assert lesson is not None
    sheet = openpyxl.load_workbook(io.BytesIO(output(built, lesson_id, "kahoot", "xlsx"))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[7][1:8]) == KAHOOT_HEADERS
    data = [row for row in rows[8:] if any(row)]
    assert data, "no question fits Kahoot's limits"
    by_prompt = {" ".join(q.prompt.split()): q for q in questions}
    for number, (index, prompt, *answers, seconds, correct) in enumerate(data, 1):
        filled = [a for a in answers if a]
        assert index == number and len(prompt) <= QUESTION_MAX and 2 <= len(filled) <= 4
        assert all(len(a) <= ANSWER_MAX for a in filled) and seconds in TIME_LIMITS
        assert isinstance(correct, int) and answers[correct - 1]
        question = by_prompt.get(prompt)
        if question is not None:  # not shortened: the same answers, the same correct one
            assert filled == list(question.choices) and answers[correct - 1] == question.answer
        else:  # shortened: only given names left out (a full name as the surname the article uses)
            given = {w for p in lesson.people.values() for w in p.name.split()[:-1]}
            original = next(
                q
                for q in questions
                if q.answer == answers[correct - 1]
                and list(q.choices) == filled
                and set(prompt.split()) <= set(q.prompt.split())
            )
            assert len(original.prompt) > QUESTION_MAX and set(original.prompt.split()) - set(prompt.split()) <= given
    assert len(data) <= len(questions)


# -- Quizlet and Blooket ---------------------------------------------------------------------------


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_quizlet_cards_give_back_every_answer(built: Path, lesson_id: str) -> None:
    questions = questions_of(lesson_id)
    text = output(built, lesson_id, "quizlet", "txt").decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert all(len(row) == 2 and all(row) for row in rows)
    expected = [(q.prompt, q.answer) for q in questions if q.shape in (Shape.CHOICE, Shape.SHORT)]
    expected += [(m.prompt, m.answer) for q in questions for m in q.matches]
    expected += [(q.cloze.with_gaps(BLANK_LINE), q.cloze.blanks[0].answer) for q in questions if q.cloze]
    expected = [pair for pair in expected if max(len(" ".join(x.split())) for x in pair) <= CARD_MAX]
    for pair in expected:
        assert [" ".join(x.split()) for x in pair] in rows
    # An ordering's card (its items lettered, the order with dates), unless a side is over the limit.
    orderings = [card for q in questions if q.shape is Shape.ORDERING for card in quizlet_cards(q)]
    orderings = [card for card in orderings if max(len(" ".join(x.split())) for x in card) <= CARD_MAX]
    for card in orderings:
        assert [" ".join(x.split()) for x in card] in rows
    assert len(rows) == len(expected) + len(orderings)


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_blooket_csv_gives_back_every_multiple_choice_question(built: Path, lesson_id: str) -> None:
    questions = [q for q in questions_of(lesson_id) if q.shape is Shape.CHOICE]
    rows = list(csv.reader(io.StringIO(output(built, lesson_id, "blooket", "csv").decode("utf-8"), newline="")))
    assert rows[0][0] == "Blooket\nImport Template" and rows[1][1] == "Question Text"
    assert len(rows) - 2 == len(questions)
    for number, (row, question) in enumerate(zip(rows[2:], questions, strict=True), 1):
        index, prompt, *answers, seconds, correct = row
        assert int(index) == number
        assert prompt == question.prompt and [a for a in answers if a] == list(question.choices)
        assert answers[int(correct) - 1] == question.answer and 0 < int(seconds) <= 300


def _build_of(question: Question) -> LessonBuild:
    checked = read_lesson(ROOT / "seeds" / "russia-nato" / "facts.yaml")
    assert checked.lesson is not None
    return LessonBuild(checked.lesson, QuestionSet([question]), Path("."), 0)


def test_quizlet_and_blooket_keep_tabs_commas_quotes_and_new_lines_readable() -> None:
    awkward = 'She said, "one\ttwo"\nand then: three, four'
    question = _question(prompt=awkward, answer=awkward, choices=(awkward, "b", "c", "d"))
    load_exporters()
    (quizlet,) = export_quizlet(_build_of(question))
    rows = list(
        csv.reader(io.StringIO(quizlet.data.decode("utf-8"), newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    )
    assert rows == [[" ".join(awkward.split())] * 2]  # Quizlet has no quoting: breaks become spaces
    (blooket,) = export_blooket(_build_of(question))
    row = list(csv.reader(io.StringIO(blooket.data.decode("utf-8"), newline="")))[2]
    assert row[1] == awkward and row[2] == awkward  # CSV quoting keeps them whole


# -- The registry ----------------------------------------------------------------------------------


def test_every_format_declares_what_it_writes() -> None:
    registry = load_exporters()
    for name in FORMATS:
        assert registry[name].writes and set(registry[name].writes) <= set(Shape)
    assert list(registry) == ["anki", "worksheet", *sorted([*FORMATS, "flashcards", "study"])]


def test_same_lesson_same_bytes(built: Path, tmp_path: Path) -> None:
    again = subprocess.run(
        [
            sys.executable,
            "-m",
            "studygen",
            "build",
            "-f",
            ",".join(FORMATS),
            "-o",
            str(tmp_path),
            str(ROOT / "seeds" / "russia-nato"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 0, again.stderr
    for path in sorted((tmp_path / "russia-nato").iterdir()):
        assert path.read_bytes() == (built / "russia-nato" / path.name).read_bytes(), path.name


PLUGIN = """
from studygen.export import Exporter, Output
from studygen.questions.shapes import Shape


def export(build):
    lines = [q.prompt + " | " + q.answer for q in build.questions.questions if q.shape is Shape.SHORT]
    return [Output(build.lesson.id + ".answers.txt", "\\n".join(lines).encode())]


exporter = Exporter("answers", "One line a short-answer question", export, {Shape.SHORT: "a line"})
"""


def test_a_format_from_another_package_is_found_by_its_entry_point(tmp_path: Path) -> None:
    """What the README shows: a package declares an Exporter in the studygen.formats entry point group."""
    (tmp_path / "answers_format.py").write_text(PLUGIN, encoding="utf-8")
    info = tmp_path / "answers_format-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: answers-format\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[studygen.formats]\nanswers = answers_format:exporter\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    listed = subprocess.run(
        [sys.executable, "-m", "studygen", "build", "--list-formats"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert listed.returncode == 0 and "answers    One line a short-answer question" in listed.stdout
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "studygen",
            "build",
            "--verbose",  # with its notes
            "-f",
            "answers",
            "-o",
            str(tmp_path / "out"),
            str(ROOT / "seeds" / "russia-nato"),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    lines = (tmp_path / "out" / "russia-nato" / "russia-nato.answers.txt").read_text(encoding="utf-8").splitlines()
    assert lines == [f"{q.prompt} | {q.answer}" for q in questions_of("russia-nato") if q.shape is Shape.SHORT]
    assert "left out of the answers file" in built.stderr  # one note for the shapes it does not write


def test_a_broken_format_package_is_named_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "broken_format.py").write_text("raise ImportError('no such thing')\n", encoding="utf-8")
    info = tmp_path / "broken_format-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken-format\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[studygen.formats]\nbroken = broken_format:exporter\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "studygen", "build", "--list-formats"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 2
    assert "the format 'broken' (broken_format:exporter) failed to load: ImportError: no such thing" in result.stderr


def test_build_without_format_writes_what_it_always_wrote(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "studygen", "build", "-o", str(tmp_path), str(ROOT / "seeds" / "russia-nato")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "russia-nato").iterdir())
    assert names == sorted(p.name for p in (ROOT / "decks" / "russia-nato").iterdir())


def test_the_readme_python_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### The Python API", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    shutil.copytree(ROOT / "seeds" / "russia-nato", tmp_path / "seeds" / "russia-nato")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "choice When did Soviet leaders propose" in result.stdout and "  id: new-lesson" in result.stdout
    assert sorted(p.name for p in (tmp_path / "out" / "russia-nato").iterdir()) == [
        "russia-nato.gift.txt",
        "russia-nato.moodle.xml",
        "studygen-outputs.json",
    ]
