"""The QTI 1.2 zip that Canvas Classic Quizzes imports: imsmanifest.xml and one assessment, each
question an item with Canvas's question_type. Classic Quizzes have no ordering type, so an ordering
becomes a matching question: each event to its place."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..questions import Question
from ..questions.shapes import Blank, Shape
from . import LessonBuild, Output, exporter
from .classroom import (
    feedback,
    file_name,
    html_text,
    namespace_attributes,
    ordering_places,
    sentence_case,
    title,
    xml_bytes,
    zip_bytes,
)
from .qti import CP, identifier

QTI12 = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
QTI12_XSD = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd"
CANVAS_TYPES = {
    Shape.CHOICE: "multiple_choice_question",
    Shape.SHORT: "short_answer_question",
    Shape.CLOZE: "fill_in_multiple_blanks_question",
    Shape.MATCHING: "matching_question",
    Shape.ORDERING: "matching_question",
}


def _material(parent: ET.Element, text: str) -> ET.Element:
    """Text a student reads: written as HTML, where Canvas (and New Quizzes' reader, which drops what
    looks like a tag in a text/plain mattext) read HTML."""
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", {"texttype": "text/html"}).text = html_text(text)
    return material


def _plain(parent: ET.Element, text: str) -> ET.Element:
    """Text Canvas's converter takes as it is, not as HTML: a blank's name, the answers it compares
    with what a student types, a matching set's right-hand options (an HTML entity there would be
    shown as written)."""
    material = ET.SubElement(parent, "material")
    ET.SubElement(material, "mattext", {"texttype": "text/plain"}).text = text
    return material


def _metadata(item: ET.Element, fields: dict[str, str]) -> None:
    metadata = ET.SubElement(ET.SubElement(item, "itemmetadata"), "qtimetadata")
    for label, entry in fields.items():
        _metadata_field(metadata, label, entry)


def _metadata_field(metadata: ET.Element, label: str, entry: str) -> None:
    field = ET.SubElement(metadata, "qtimetadatafield")
    ET.SubElement(field, "fieldlabel").text = label
    ET.SubElement(field, "fieldentry").text = entry


def _condition(processing: ET.Element, response: str, value: str, score: str, action: str = "Set") -> None:
    condition = ET.SubElement(processing, "respcondition", {"continue": "Yes" if action == "Add" else "No"})
    ET.SubElement(ET.SubElement(condition, "conditionvar"), "varequal", {"respident": response}).text = value
    ET.SubElement(condition, "setvar", {"action": action, "varname": "SCORE"}).text = score


def _pairs(question: Question) -> tuple[list[tuple[str, str]], list[str]]:
    """A matching question's (left, right) pairs and its right-hand options; an ordering's events and places."""
    if question.shape is Shape.MATCHING:
        pairs = [(m.prompt, m.answer) for m in question.matches]
        return pairs, sorted({right for _, right in pairs})
    pairs = ordering_places(question)
    return pairs, [str(n) for n in range(1, len(pairs) + 1)]


def canvas_item(question: Question) -> ET.Element:
    item = ET.Element("item", {"ident": identifier(question.id), "title": title(question)})
    _metadata(item, {"question_type": CANVAS_TYPES[question.shape], "points_possible": "1.0"})
    presentation = ET.SubElement(item, "presentation")
    processing = ET.Element("resprocessing")
    ET.SubElement(
        ET.SubElement(processing, "outcomes"),
        "decvar",
        {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"},
    )
    shape = question.shape
    if shape is Shape.CHOICE:
        _material(presentation, question.prompt)
        lid = ET.SubElement(presentation, "response_lid", {"ident": "response1", "rcardinality": "Single"})
        render = ET.SubElement(lid, "render_choice")
        for index, choice in enumerate(question.choices):
            _material(ET.SubElement(render, "response_label", {"ident": f"C{index}"}), choice)
        _condition(processing, "response1", f"C{question.correct}", "100")
    elif shape is Shape.SHORT:
        _material(presentation, question.prompt)
        text = ET.SubElement(presentation, "response_str", {"ident": "response1", "rcardinality": "Single"})
        ET.SubElement(ET.SubElement(text, "render_fib"), "response_label", {"ident": "answer1", "rshuffle": "No"})
        for accepted in (question.answer, *question.alternatives):
            _condition(processing, "response1", accepted, "100")
    elif shape is Shape.CLOZE:
        # Canvas names each blank in the text ([blank1]) and lists its accepted answers.
        blanks = [p for p in question.cloze.parts if isinstance(p, Blank)]  # type: ignore[union-attr]
        names = {id(b): f"blank{n}" for n, b in enumerate(blanks, 1)}
        sentence = "".join(
            f"[{names[id(p)]}]" if isinstance(p, Blank) else p.replace("[", "(").replace("]", ")")
            for p in question.cloze.parts  # type: ignore[union-attr]
        )
        _material(presentation, sentence_case(sentence))
        for blank in blanks:
            name = names[id(blank)]
            lid = ET.SubElement(presentation, "response_lid", {"ident": f"response_{name}"})
            _plain(lid, name)
            render = ET.SubElement(lid, "render_choice")
            for index, accepted in enumerate((blank.answer, *blank.alternatives)):
                _plain(ET.SubElement(render, "response_label", {"ident": f"{name}_{index}"}), accepted)
                _condition(processing, f"response_{name}", f"{name}_{index}", f"{100 / len(blanks):.2f}", "Add")
    else:
        prompt = (
            question.prompt
            if shape is Shape.MATCHING
            else f"{question.prompt} Match each event to its place, 1 the earliest."
        )
        _material(presentation, prompt)
        pairs, options = _pairs(question)
        for index, (left, right) in enumerate(pairs):
            lid = ET.SubElement(presentation, "response_lid", {"ident": f"response_{index}"})
            _material(lid, left)
            render = ET.SubElement(lid, "render_choice")
            for number, option in enumerate(options):
                _plain(ET.SubElement(render, "response_label", {"ident": f"O{number}"}), option)
            _condition(processing, f"response_{index}", f"O{options.index(right)}", f"{100 / len(pairs):.2f}", "Add")
    item.append(processing)
    general = ET.SubElement(item, "itemfeedback", {"ident": "general_fb"})
    _material(ET.SubElement(general, "flow_mat"), feedback(question))
    return item


@exporter(
    "canvas",
    "Canvas Classic Quizzes (QTI 1.2 zip)",
    writes={
        Shape.CHOICE: "multiple choice",
        Shape.SHORT: "short answer (fill in the blank), alternatives accepted",
        Shape.CLOZE: "fill in multiple blanks",
        Shape.MATCHING: "matching",
        Shape.ORDERING: "as matching: each event to its place, 1 the earliest",
    },
)
def export_canvas(build: LessonBuild) -> list[Output]:
    lesson = build.lesson
    quiz_id = "A_" + identifier(lesson.id)[2:]
    root = ET.Element("questestinterop", namespace_attributes(QTI12, QTI12_XSD))
    assessment = ET.SubElement(root, "assessment", {"ident": quiz_id, "title": lesson.title})
    _metadata_field(ET.SubElement(assessment, "qtimetadata"), "cc_maxattempts", "1")
    section = ET.SubElement(assessment, "section", {"ident": "root_section"})
    section.extend(canvas_item(q) for q in build.questions.questions)
    href = f"{quiz_id}/{quiz_id}.xml"
    manifest = ET.Element("manifest", {"xmlns": CP, "identifier": f"M_{quiz_id}"})
    ET.SubElement(manifest, "organizations")
    resource = ET.SubElement(
        ET.SubElement(manifest, "resources"),
        "resource",
        {"identifier": quiz_id, "type": "imsqti_xmlv1p2", "href": href},
    )
    ET.SubElement(resource, "file", {"href": href})
    members = [("imsmanifest.xml", xml_bytes(manifest)), (href, xml_bytes(root))]
    return [Output(file_name(lesson.id, "canvas", "zip"), zip_bytes(members))]
