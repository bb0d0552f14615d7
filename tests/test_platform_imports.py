"""Issue 27: the QTI 2.1, Canvas, Kahoot!, Quizlet and Blooket files as each platform's importer reads them.

Every question of every shipped lesson, the hostile lesson and the stress lesson is built into each format by the
command line and read back by readers someone else wrote (xmlschema with the vendored IMS QTI XSDs,
ElementTree, Python's HTML parser, openpyxl, csv), following the rules of the platform's own
importer, read in its source:
- Canvas (Classic Quizzes) converts a QTI 2.1 item by the type named in the package's QTI metadata,
  else by guessing from its interactions (it has no guess for an orderInteraction); it takes a
  question's text from the item body's paragraphs (and a choiceInteraction's prompt), the accepted
  answers of a text entry from its correctResponse values, and a modalFeedback whose identifier holds
  "general_" as the general comment.
- The reader New Quizzes uses (instructure/qti) keeps the item body's HTML without the interactions
  in it, takes the accepted answers from correctResponse and the points from SCORE's normalMaximum.
- Canvas reads a QTI 1.2 mattext of texttype text/html as HTML.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest
import xmlschema

from studygen.export import LessonBuild
from studygen.export.canvas import CANVAS_TYPES, canvas_item, html_text
from studygen.export.classroom import BLANK_LINE, feedback, namespace_attributes, sentence_case, title, xml_bytes
from studygen.export.kahoot import ANSWER_MAX, QUESTION_MAX, export_kahoot
from studygen.export.plain_text import FORMULA_STARTS, plain, spreadsheet_cell
from studygen.export.qti import identifier, qti_item
from studygen.export.quizlet import CARD_MAX, export_quizlet
from studygen.export.quizlet import field as quizlet_field
from studygen.lessons import read_lesson
from studygen.questions import Question, QuestionSet, build_questions
from studygen.questions.shapes import Blank, ClozeText, Shape

from .conftest import ROOT
from .test_classroom_formats import CANVAS_XSD, QTI_XSD

LESSONS = {
    **{p.parent.name: p.parent for p in sorted((ROOT / "seeds").glob("*/facts.yaml"))},
    "hostile": Path(__file__).parent / "payloads" / "hostile",
    "stress": Path(__file__).parent / "lessons" / "stress",
}
FORMATS = ["qti", "canvas", "kahoot", "quizlet", "blooket"]
Q = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"
QTI12 = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
# Every character the issue names, accents, a control character and bidirectional controls.
STRESS = 'A/B & "C" {D} ~E #F =G \\H *I -> <none> <b>x</b> &amp; Zoë Ångström\x01\u202e\u2066 end'
STRESS_PLAIN = 'A/B & "C" {D} ~E #F =G \\H *I -> <none> <b>x</b> &amp; Zoë Ångström end'


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("platforms")
    result = subprocess.run(
        [sys.executable, "-m", "studygen", "build", "--format", *FORMATS, "-o", str(out), *map(str, LESSONS.values())],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out


def questions_of(lesson_id: str) -> list[Question]:
    checked = read_lesson(LESSONS[lesson_id] / "facts.yaml")
    assert checked.lesson is not None
    return build_questions(checked.lesson, checked.contexts()).questions


def accepted(blank: Blank) -> list[str]:
    """A gap's accepted answers as a file gives them back: the characters `plain` drops left out."""
    return list(dict.fromkeys(plain(text) for text in (blank.answer, *blank.alternatives)))


def gaps(question: Question) -> list[Blank]:
    return list(question.cloze.blanks) if question.cloze else [Blank(question.answer, question.alternatives)]


def texts(element: ET.Element | None) -> str:
    return "".join(element.itertext()) if element is not None else ""


# -- IMS QTI 2.1, read by the XSDs and by Canvas's and New Quizzes' rules ------------------------------


@pytest.fixture(scope="module")
def qti_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(QTI_XSD), allow="local")


def canvas_classic_type(item: ET.Element, resource: ET.Element) -> str:
    """The converter Canvas picks: the QTI metadata's interaction type, else its guess from the item."""
    named = resource.find(f"{CP}metadata/{Q}qtiMetadata/{Q}interactionType")
    if named is not None:
        return {"orderInteraction": "ordering_question"}.get(named.text or "", "unexpected")
    for tag, kind in [
        ("choiceInteraction", "multiple_choice_question"),
        ("textEntryInteraction", "fill_in_multiple_blanks_question"),
        ("matchInteraction", "matching_question"),
    ]:
        if item.find(f".//{Q}{tag}") is not None:
            return kind
    return "Error"  # no guess: "No question type used", imported as an Error question


def canvas_classic_text(item: ET.Element, kind: str) -> list[str]:
    """The question's text as Canvas takes it: the body's paragraphs and divs (a choice's prompt too)."""
    body = item.find(f"{Q}itemBody")
    nodes = [n for n in body if n.tag in (f"{Q}p", f"{Q}div")]  # type: ignore[union-attr]
    if kind not in ("matching_question", "fill_in_multiple_blanks_question"):
        nodes += body.findall(f"{Q}choiceInteraction/{Q}prompt")  # type: ignore[union-attr]
    return [texts(n) for n in nodes if texts(n).strip()]


def new_quizzes_text(item: ET.Element) -> str:
    """The item body as the reader New Quizzes uses keeps it: every interaction's own content dropped
    (a prompt kept), so a gap written only as an interaction leaves nothing."""
    parts = []
    for element in item.find(f"{Q}itemBody").iter():  # type: ignore[union-attr]
        if not element.tag.endswith("Interaction"):
            parts.append(element.text or "")
        parts.append(element.tail or "")
    return "".join(parts)


def score_when_all_right(item: ET.Element) -> float:
    """SCORE for a response giving every correct value, by the item's own response processing."""
    mapped: dict[str, float] = {}
    for declaration in item.findall(f"{Q}responseDeclaration"):
        mapping = {e.get("mapKey"): float(e.get("mappedValue", "0")) for e in declaration.iter(f"{Q}mapEntry")}
        values = [v.text for v in declaration.iter(f"{Q}value")]
        given = values[:1] if declaration.get("cardinality") == "single" else values  # one typed answer
        mapped[declaration.get("identifier", "")] = sum(mapping.get(v, 0.0) for v in given)
    processing = item.find(f"{Q}responseProcessing")
    assert processing is not None
    template = processing.get("template", "")
    if template.endswith("match_correct"):
        return 1.0
    if template.endswith("map_response"):
        return mapped["RESPONSE"]
    divide = processing.find(f"{Q}setOutcomeValue/{Q}divide")
    assert divide is not None and processing.find(f"{Q}setOutcomeValue").get("identifier") == "SCORE"  # type: ignore[union-attr]
    total = sum(mapped[m.get("identifier", "")] for m in divide.iter(f"{Q}mapResponse"))
    return total / float(divide.find(f"{Q}baseValue").text)  # type: ignore[arg-type, union-attr]


def read_qti(built: Path, lesson_id: str, schema: xmlschema.XMLSchema) -> list[tuple[ET.Element, ET.Element]]:
    """Each item of a lesson's QTI package, validated, with its manifest resource."""
    with zipfile.ZipFile(built / lesson_id / f"{lesson_id}.qti.zip") as package:
        files = {name: package.read(name) for name in package.namelist()}
    schema.validate(files["assessment.xml"])
    manifest = ET.fromstring(files["imsmanifest.xml"])
    items = []
    for resource in manifest.iter(f"{CP}resource"):
        if resource.get("type") == "imsqti_item_xmlv2p1":
            schema.validate(files[resource.get("href", "")])  # raises on the first error
            items.append((ET.fromstring(files[resource.get("href", "")]), resource))
    return items


EXPECTED_CANVAS_TYPE = {
    Shape.CHOICE: "multiple_choice_question",
    Shape.SHORT: "fill_in_multiple_blanks_question",
    Shape.CLOZE: "fill_in_multiple_blanks_question",
    Shape.MATCHING: "matching_question",
    Shape.ORDERING: "ordering_question",
}


def expected_sentence(question: Question) -> str:
    """A cloze's sentence as a student sees it: a line for each gap, numbered when there are several."""
    parts = question.cloze.parts  # type: ignore[union-attr]
    several = len(question.cloze.blanks) > 1  # type: ignore[union-attr]
    numbers = iter(range(1, len(parts) + 1))
    return sentence_case(
        "".join((f"({next(numbers)}) " if several else "") + BLANK_LINE if isinstance(p, Blank) else p for p in parts)
    )


def check_qti_item(item: ET.Element, resource: ET.Element, question: Question) -> None:
    """One item against its question, as Canvas Classic and New Quizzes read it."""
    shape = question.shape
    kind = canvas_classic_type(item, resource)
    assert kind == EXPECTED_CANVAS_TYPE[shape], question.id
    shown = canvas_classic_text(item, kind)
    nq_text = new_quizzes_text(item)
    body = item.find(f"{Q}itemBody")
    assert body is not None
    # Type and text.
    if shape is Shape.CLOZE:
        assert shown[0] == plain(expected_sentence(question))
        assert (
            nq_text.count(BLANK_LINE) == len(question.cloze.blanks) == len(body.findall(f".//{Q}textEntryInteraction"))
        )  # type: ignore[union-attr]
        sentence_paragraph = body.find(f"{Q}p")
        assert sentence_paragraph is not None and not list(sentence_paragraph)  # no input inside the sentence
    elif shape is Shape.ORDERING:
        assert texts(body.find(f"{Q}orderInteraction/{Q}prompt")) == plain(question.prompt)
    else:
        assert shown[0] == plain(question.prompt)
        assert plain(question.prompt) in nq_text
    # Every correct answer and alternative, where Canvas and New Quizzes read them (correctResponse)
    # and where a QTI player scores them (the mapping).
    declarations = {d.get("identifier"): d for d in item.findall(f"{Q}responseDeclaration")}
    if shape in (Shape.SHORT, Shape.CLOZE):
        names = (
            ["RESPONSE"] if len(gaps(question)) == 1 else [f"RESPONSE_{n}" for n in range(1, len(gaps(question)) + 1)]
        )
        assert list(declarations) == names
        for name, blank in zip(names, gaps(question), strict=True):
            declaration = declarations[name]
            assert [v.text for v in declaration.iter(f"{Q}value")] == accepted(blank)
            entries = list(declaration.iter(f"{Q}mapEntry"))
            assert [e.get("mapKey") for e in entries] == accepted(blank)
            assert {(e.get("mappedValue"), e.get("caseSensitive")) for e in entries} == {("1", "false")}
            assert body.find(f".//{Q}textEntryInteraction[@responseIdentifier='{name}']") is not None
    elif shape is Shape.CHOICE:
        choices = {c.get("identifier"): texts(c) for c in body.iter(f"{Q}simpleChoice")}
        assert list(choices.values()) == [plain(c) for c in question.choices]
        assert [choices[v.text] for v in declarations["RESPONSE"].iter(f"{Q}value")] == [plain(question.answer)]
    elif shape is Shape.MATCHING:
        left, right = body.findall(f"{Q}matchInteraction/{Q}simpleMatchSet")
        prompts = {c.get("identifier"): texts(c) for c in left}
        speakers = {c.get("identifier"): texts(c) for c in right}
        pairs = [(v.text or "").split() for v in declarations["RESPONSE"].iter(f"{Q}value")]
        assert [(prompts[p], speakers[s]) for p, s in pairs] == [
            (plain(m.prompt), plain(m.answer)) for m in question.matches
        ]
    else:
        labels = {c.get("identifier"): texts(c) for c in body.iter(f"{Q}simpleChoice")}
        order = [labels[v.text] for v in declarations["RESPONSE"].iter(f"{Q}value")]
        assert order == [plain(e.label) for e in question.sequence]
    # Points: 1 for every question, declared where readers look, and what all-right scores.
    outcomes = {o.get("identifier"): o for o in item.findall(f"{Q}outcomeDeclaration")}
    assert outcomes["SCORE"].get("normalMaximum") == "1"
    assert outcomes["MAXSCORE"].findtext(f"{Q}defaultValue/{Q}value") == "1"
    assert score_when_all_right(item) == 1.0
    # The source, after answering only.
    (shown_after,) = item.findall(f"{Q}modalFeedback")
    assert texts(shown_after.find(f"{Q}p")) == plain(feedback(question))
    assert "general_" in shown_after.get("identifier", "") and shown_after.get("showHide") == "show"
    assert outcomes["FEEDBACK"].findtext(f"{Q}defaultValue/{Q}value") == shown_after.get("identifier")
    while_answering = texts(body)
    assert "Source:" not in while_answering and plain(feedback(question)) not in while_answering
    assert question.id not in while_answering


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_qti_gives_back_every_question_as_canvas_and_new_quizzes_read_it(
    built: Path, lesson_id: str, qti_schema: xmlschema.XMLSchema
) -> None:
    questions = {identifier(q.id): q for q in questions_of(lesson_id)}
    items = read_qti(built, lesson_id, qti_schema)
    assert len(items) == len(questions)
    for number, (item, resource) in enumerate(items, 1):
        question = questions[item.get("identifier", "")]
        assert item.get("title") == f"Question {number}"  # no fact id a player could show: 'soviet-bid-1949'
        check_qti_item(item, resource, question)


def test_the_qti_reader_sees_what_canvas_saw_before(qti_schema: xmlschema.XMLSchema) -> None:
    """The readers above can fail: an ordering without the metadata is an Error question in Canvas, and
    an inline gap leaves New Quizzes' text without it."""
    ordering = next(q for q in questions_of("stress") if q.shape is Shape.ORDERING)
    item = qti_item(ordering)
    assert canvas_classic_type(item, ET.Element(f"{CP}resource")) == "Error"
    paragraph = ET.Element(f"{Q}p")
    paragraph.text = "In 1949, "
    ET.SubElement(paragraph, f"{Q}textEntryInteraction").tail = " proposed it."
    body = ET.Element(f"{Q}assessmentItem")
    ET.SubElement(body, f"{Q}itemBody").append(paragraph)
    assert new_quizzes_text(body) == "In 1949,  proposed it."


def _two_gaps() -> Question:
    base = next(q for q in questions_of("russia-nato") if q.shape is Shape.CLOZE)
    cloze = ClozeText(("in ", Blank("1949", ("forty-nine",)), ", ", Blank("the Soviet Union", ("USSR",)), " asked."))
    return Question(**{**{f: getattr(base, f) for f in base.__slots__}, "cloze": cloze})  # type: ignore[arg-type]


def test_a_two_gap_cloze_has_a_response_per_gap(qti_schema: xmlschema.XMLSchema) -> None:
    question = _two_gaps()
    data = xml_bytes(qti_item(question))
    qti_schema.validate(data.decode("utf-8"))
    item = ET.fromstring(data)
    resource = ET.Element(f"{CP}resource")
    check_qti_item(item, resource, question)
    assert canvas_classic_text(item, "fill_in_multiple_blanks_question")[0] == "In (1) _____, (2) _____ asked."


def test_qti_escapes_every_character_by_xml_rules(qti_schema: xmlschema.XMLSchema) -> None:
    """QTI's escaping (xml_bytes: ElementTree's XML escaping after `plain`): every character of the
    stress text comes back from the XML parser as written, the control and bidi characters left out."""
    base = next(q for q in questions_of("russia-nato") if q.shape is Shape.SHORT)
    question = Question(
        **{
            **{f: getattr(base, f) for f in base.__slots__},
            "prompt": STRESS,
            "answer": STRESS,
            "alternatives": ("<none>",),
        }  # type: ignore[arg-type]
    )
    data = xml_bytes(qti_item(question)).decode("utf-8")
    qti_schema.validate(data)
    item = ET.fromstring(data)
    assert canvas_classic_text(item, "fill_in_multiple_blanks_question")[0] == STRESS_PLAIN
    values = [v.text for v in item.find(f"{Q}responseDeclaration").iter(f"{Q}value")]  # type: ignore[union-attr]
    assert values == [STRESS_PLAIN, "<none>"]
    assert "<none>" not in data and "&lt;none&gt;" in data


# -- Canvas (QTI 1.2), read by the XSD, ElementTree and Python's HTML parser ----------------------------


class _HTMLText(HTMLParser):
    """The text a browser shows for an HTML fragment, and the elements it would make of it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.elements: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(tag)


def shown_by_canvas(mattext: ET.Element) -> str:
    """A mattext as Canvas shows it: HTML read as HTML (it must make no element), other text as it is."""
    if mattext.get("texttype") != "text/html":
        return mattext.text or ""
    reader = _HTMLText()
    reader.feed(mattext.text or "")
    reader.close()
    assert reader.elements == [], mattext.text
    return "".join(reader.text)


@pytest.fixture(scope="module")
def canvas_schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(CANVAS_XSD), allow="local")


def read_canvas(built: Path, lesson_id: str, schema: xmlschema.XMLSchema) -> list[ET.Element]:
    with zipfile.ZipFile(built / lesson_id / f"{lesson_id}.canvas.zip") as package:
        (quiz,) = [package.read(n) for n in package.namelist() if n != "imsmanifest.xml"]
    schema.validate(quiz.decode("utf-8"))
    return list(ET.fromstring(quiz).iter(f"{QTI12}item"))


def check_canvas_item(item: ET.Element, question: Question) -> None:
    fields = {
        f.findtext(f"{QTI12}fieldlabel"): f.findtext(f"{QTI12}fieldentry")
        for f in item.iter(f"{QTI12}qtimetadatafield")
    }
    assert fields == {"question_type": CANVAS_TYPES[question.shape], "points_possible": "1.0"}
    presentation = item.find(f"{QTI12}presentation")
    assert presentation is not None
    stem = presentation.find(f"{QTI12}material/{QTI12}mattext")
    assert stem is not None and stem.get("texttype") == "text/html"
    shown = shown_by_canvas(stem)
    conditions = [
        (c.find(f".//{QTI12}varequal"), c.findtext(f"{QTI12}setvar")) for c in item.iter(f"{QTI12}respcondition")
    ]
    labels = {
        label.get("ident"): shown_by_canvas(label.find(f".//{QTI12}mattext"))  # type: ignore[arg-type]
        for label in presentation.iter(f"{QTI12}response_label")
        if label.find(f".//{QTI12}mattext") is not None
    }
    if question.shape is Shape.CHOICE:
        assert shown == plain(question.prompt)
        assert list(labels.values()) == [plain(c) for c in question.choices]
        assert [labels[e.text] for e, score in conditions if score == "100"] == [plain(question.answer)]  # type: ignore[union-attr]
    elif question.shape is Shape.SHORT:
        assert shown == plain(question.prompt)
        assert [e.text for e, _ in conditions] == accepted(gaps(question)[0])  # type: ignore[union-attr]
    elif question.shape is Shape.CLOZE:
        names = iter(range(1, 100))
        parts = question.cloze.parts  # type: ignore[union-attr]
        sentence = "".join(
            f"[blank{next(names)}]" if isinstance(p, Blank) else p.replace("[", "(").replace("]", ")") for p in parts
        )
        assert shown == plain(sentence_case(sentence))
        for number, blank in enumerate(gaps(question), 1):
            given = [labels[e.text] for e, _ in conditions if e.get("respident") == f"response_blank{number}"]  # type: ignore[union-attr]
            assert given == accepted(blank)
    else:
        sides = {
            lid.get("ident"): shown_by_canvas(lid.find(f"{QTI12}material/{QTI12}mattext"))  # type: ignore[arg-type]
            for lid in presentation.iter(f"{QTI12}response_lid")
        }
        pairs = {sides[e.get("respident")]: labels[e.text] for e, _ in conditions}  # type: ignore[union-attr]
        if question.shape is Shape.MATCHING:
            assert shown == plain(question.prompt)
            assert pairs == {plain(m.prompt): plain(m.answer) for m in question.matches}
        else:
            assert shown.startswith(plain(question.prompt))
            assert pairs == {plain(e.label): str(n) for n, e in enumerate(question.sequence, 1)}
    # While answering: no source and no id; after answering: the source, as general feedback.
    while_answering = "\n".join(shown_by_canvas(m) for m in presentation.iter(f"{QTI12}mattext"))
    assert "Source:" not in while_answering and question.id not in while_answering
    general = item.find(f"{QTI12}itemfeedback[@ident='general_fb']//{QTI12}mattext")
    assert general is not None and shown_by_canvas(general) == plain(feedback(question))


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_canvas_gives_back_every_question_as_canvas_shows_it(
    built: Path, lesson_id: str, canvas_schema: xmlschema.XMLSchema
) -> None:
    questions = {title(q): q for q in questions_of(lesson_id)}
    items = read_canvas(built, lesson_id, canvas_schema)
    assert len(items) == len(questions)
    for item in items:
        check_canvas_item(item, questions[item.get("title", "")])


def test_a_two_gap_cloze_in_canvas_has_each_gap_and_its_answers(canvas_schema: xmlschema.XMLSchema) -> None:
    question = _two_gaps()
    quiz = ET.Element("questestinterop", namespace_attributes(QTI12[1:-1], "ims_qtiasiv1p2.xsd"))
    section = ET.SubElement(ET.SubElement(quiz, "assessment", {"ident": "A", "title": "t"}), "section", {"ident": "s"})
    section.append(canvas_item(question))
    data = xml_bytes(quiz)
    canvas_schema.validate(data.decode("utf-8"))
    (item,) = ET.fromstring(data).iter(f"{QTI12}item")
    check_canvas_item(item, question)


def test_canvas_html_escapes_every_character() -> None:
    """Canvas's escaping (html_text): markup characters shown as written, controls and bidi left out."""
    reader = _HTMLText()
    reader.feed(html_text(STRESS))
    reader.close()
    assert reader.elements == [] and "".join(reader.text) == STRESS_PLAIN
    assert html_text("<none>") == "&lt;none&gt;" and html_text("a & b") == "a &amp; b"


def test_quizlet_and_blooket_escaping_give_the_stress_text_back() -> None:
    """Quizlet's field (one line, no tab) and Blooket's cell (OWASP's apostrophe before a formula): every
    character of the stress text as written, control and bidi characters left out."""
    assert quizlet_field(STRESS) == STRESS_PLAIN and quizlet_field("a\tb\nc") == "a b c"
    assert spreadsheet_cell(STRESS) == STRESS_PLAIN and spreadsheet_cell("=" + STRESS) == "'=" + STRESS_PLAIN


def test_a_literal_tag_survives_in_canvas(canvas_schema: xmlschema.XMLSchema) -> None:
    base = next(q for q in questions_of("russia-nato") if q.shape is Shape.CHOICE)
    question = Question(
        **{**{f: getattr(base, f) for f in base.__slots__}, "prompt": "Which is <none> & <b>bold</b>?"}  # type: ignore[arg-type]
    )
    item = ET.fromstring(xml_bytes(canvas_item(question)))  # one item: its tags carry no namespace
    stem = item.find("presentation/material/mattext")
    # New Quizzes' reader parses a mattext's text as HTML whatever its texttype (a text/plain "<none>"
    # is an unknown element, dropped); as HTML, the text is escaped and survives.
    assert stem is not None and stem.get("texttype") == "text/html"
    assert shown_by_canvas(stem) == "Which is <none> & <b>bold</b>?"


# -- Kahoot!, Quizlet and Blooket, read by openpyxl and csv ---------------------------------------------


def _lesson(lesson_id: str):  # type: ignore[no-untyped-def]
    checked = read_lesson(LESSONS[lesson_id] / "facts.yaml")
    assert checked.lesson is not None
    return checked.lesson


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_kahoot_shortens_a_name_only_to_a_surname_no_one_else_bears(built: Path, lesson_id: str) -> None:
    """Every row is a question of the lesson, within Kahoot's limits; where Kahoot's file gives a person
    by surname alone and the question did not, no other person of the lesson bears that surname."""
    people = list(_lesson(lesson_id).people.values())
    questions = [q for q in questions_of(lesson_id) if q.shape is Shape.CHOICE]
    sheet = openpyxl.load_workbook(built / lesson_id / f"{lesson_id}.kahoot.xlsx").active
    for row in sheet.iter_rows(min_row=9, values_only=True):
        if not row[1]:
            continue
        prompt, answers = str(row[1]), [str(a) for a in row[2:6] if a]
        assert len(prompt) <= QUESTION_MAX and all(len(a) <= ANSWER_MAX for a in answers)
        words = set(prompt.split())
        original = next(
            q for q in questions if len(q.choices) == len(answers) and words <= set(plain(q.prompt).split())
        )
        for person in people:
            surname = person.name.split()[-1]
            if person.name in original.prompt and person.name not in prompt:
                bearers = [p.name for p in people if surname in p.name.split()]
                assert bearers == [person.name], (prompt, bearers)


def test_the_kennedy_question_is_left_out_of_kahoot_not_made_ambiguous() -> None:
    """John F Kennedy and Robert Kennedy are both in the Cuban missile crisis lesson: the question that
    is too long with "John F Kennedy" is left out with a note, never asked about "Kennedy"."""
    lesson = _lesson("cuban-missile-crisis")
    questions = [q for q in questions_of("cuban-missile-crisis") if q.shape is Shape.CHOICE]
    asked = next(q for q in questions if q.prompt.startswith("Who proposed to John F Kennedy"))
    build = LessonBuild(lesson, QuestionSet([asked]), Path("."), 0)
    (output,) = export_kahoot(build)
    rows = list(openpyxl.load_workbook(io.BytesIO(output.data)).active.iter_rows(min_row=9, values_only=True))
    assert not any(row[1] for row in rows)
    assert [n.code for n in build.notes] == ["kahoot.too-long"]


def _build(lesson_id: str, questions: list[Question]) -> LessonBuild:
    return LessonBuild(_lesson(lesson_id), QuestionSet(questions), Path("."), 0)


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_quizlet_cards_within_the_limit_and_notes_for_the_rest(lesson_id: str) -> None:
    """Read by csv as Quizlet's import splits it (tab, new line): every question has its cards, each
    side within CARD_MAX, or a note; one note counts the cards whose alternatives the file cannot hold."""
    questions = questions_of(lesson_id)
    build = _build(lesson_id, questions)
    (output,) = export_quizlet(build)
    rows = list(
        csv.reader(io.StringIO(output.data.decode("utf-8"), newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    )
    assert all(len(row) == 2 and 0 < len(row[0]) <= CARD_MAX and 0 < len(row[1]) <= CARD_MAX for row in rows)
    short = [q for q in questions if q.shape is not Shape.MATCHING]
    left_out = {q.id for q in short if any(n.message.startswith(f"question {q.id} is left out") for n in build.notes)}
    kept = [q for q in questions if q.id not in left_out]
    expected = []
    for question in kept:
        if question.shape is Shape.MATCHING:
            expected += [[one_line(m.prompt), one_line(m.answer)] for m in question.matches]
        elif question.shape is Shape.CLOZE:
            sentence = sentence_case(question.cloze.with_gaps(BLANK_LINE))  # type: ignore[union-attr]
            expected.append([one_line(sentence), one_line(" / ".join(b.answer for b in question.cloze.blanks))])  # type: ignore[union-attr]
        elif question.shape is not Shape.ORDERING:
            expected.append([one_line(question.prompt), one_line(question.answer)])
    expected = [card for card in expected if max(map(len, card)) <= CARD_MAX]  # a matching set's long pair
    assert [row for row in rows if row in expected] == expected
    assert len(rows) == len(expected) + sum(q.shape is Shape.ORDERING for q in kept)
    for question in questions:  # a note for each question that lost a card, saying how many
        lost = sum(max(len(one_line(m.prompt)), len(one_line(m.answer))) > CARD_MAX for m in question.matches)
        if question.shape is Shape.MATCHING and lost:
            said = f"{lost} of the {len(question.matches)} Quizlet cards of question {question.id} are left out"
            assert any(n.message.startswith(said) for n in build.notes)
        if question.id in left_out:
            sentence = question.cloze.with_gaps(BLANK_LINE) if question.cloze else ""
            assert sum(len(one_line(text)) for text in [question.prompt, sentence, *question.items]) > CARD_MAX
    with_alternatives = sum(any(b.alternatives for b in gaps(q)) for q in kept)
    notes = [n.message for n in build.notes if n.code == "quizlet.alternatives"]
    if with_alternatives:
        (note,) = notes
        assert note.startswith(f"{with_alternatives} Quizlet cards have other accepted answers")
    else:
        assert notes == []


def one_line(text: str) -> str:
    return " ".join(plain(text).split())


def test_quizlet_card_limit_edges() -> None:
    base = next(q for q in questions_of("russia-nato") if q.shape is Shape.SHORT)
    at, over = ("x" * CARD_MAX, "x" * (CARD_MAX + 1))
    fits = Question(**{**{f: getattr(base, f) for f in base.__slots__}, "prompt": at, "id": "a/at"})  # type: ignore[arg-type]
    long = Question(**{**{f: getattr(base, f) for f in base.__slots__}, "prompt": over, "id": "a/over"})  # type: ignore[arg-type]
    build = _build("russia-nato", [fits, long])
    (output,) = export_quizlet(build)
    assert [line.split("\t")[0] for line in output.data.decode("utf-8").splitlines()] == [at]
    notes = [n.message for n in build.notes if n.code == "quizlet.too-long"]
    assert notes == [
        f"question a/over is left out of the Quizlet file: a side of its card is over {CARD_MAX} characters, "
        "too long to read at a glance"
    ]


def test_a_matching_set_loses_only_its_long_pair_in_quizlet() -> None:
    base = next(q for q in questions_of("stress") if q.shape is Shape.MATCHING)
    pairs = (("a" * CARD_MAX, "Putin"), ("b" * (CARD_MAX + 1), "Putin"), ("Why not?", "Clinton"))
    question = Question(**{**{f: getattr(base, f) for f in base.__slots__}, "pairs": pairs})  # type: ignore[arg-type]
    build = _build("russia-nato", [question])
    (output,) = export_quizlet(build)
    assert output.data.decode("utf-8") == f"{'a' * CARD_MAX}\tPutin\nWhy not?\tClinton\n"
    (note,) = [n.message for n in build.notes if n.code == "quizlet.too-long"]
    assert note.startswith(f"1 of the 3 Quizlet cards of question {question.id} are left out of the Quizlet file")


def test_a_cloze_sentence_starts_with_a_capital_in_every_format(qti_schema: xmlschema.XMLSchema) -> None:
    base = next(q for q in questions_of("russia-nato") if q.shape is Shape.CLOZE)
    cloze = ClozeText(("in 1949, ", Blank("the Soviet Union", ("USSR",)), " proposed joining NATO."))
    question = Question(**{**{f: getattr(base, f) for f in base.__slots__}, "cloze": cloze})  # type: ignore[arg-type]
    qti = ET.fromstring(xml_bytes(qti_item(question)))
    assert (
        canvas_classic_text(qti, "fill_in_multiple_blanks_question")[0]
        == f"In 1949, {BLANK_LINE} proposed joining NATO."
    )
    canvas = ET.fromstring(xml_bytes(canvas_item(question)))
    assert shown_by_canvas(canvas.find("presentation/material/mattext")) == "In 1949, [blank1] proposed joining NATO."  # type: ignore[arg-type]
    (quizlet,) = export_quizlet(_build("russia-nato", [question]))
    assert quizlet.data.decode("utf-8").startswith(f"In 1949, {BLANK_LINE} proposed")
    assert sentence_case("ßa") == "ßa" and sentence_case("“the") == "“the" and sentence_case("") == ""


@pytest.mark.parametrize("lesson_id", LESSONS)
def test_blooket_rows_follow_the_template(built: Path, lesson_id: str) -> None:
    """Read by csv: the template's two heading rows, then each multiple-choice question with 2-4
    answers, a time limit within Blooket's 300 seconds and the number of its correct answer."""
    questions = [q for q in questions_of(lesson_id) if q.shape is Shape.CHOICE]
    data = (built / lesson_id / f"{lesson_id}.blooket.csv").read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(data, newline="")))
    assert rows[1][:2] == ["Question #", "Question Text"] and len(rows) - 2 == len(questions)
    for number, (row, question) in enumerate(zip(rows[2:], questions, strict=True), 1):
        index, prompt, *answers, seconds, correct = row
        assert int(index) == number and prompt == as_cell(question.prompt)
        assert [a for a in answers if a] == [as_cell(c) for c in question.choices]
        assert answers[int(correct) - 1] == as_cell(question.answer) and 0 < int(seconds) <= 300


def as_cell(text: str) -> str:
    """A text as Blooket shows it from the CSV: with the apostrophe OWASP's guidance puts before a formula."""
    return "'" + plain(text) if plain(text).startswith(FORMULA_STARTS) else plain(text)
