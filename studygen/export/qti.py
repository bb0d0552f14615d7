"""IMS QTI 2.1 content package (a zip with imsmanifest.xml): one assessmentItem a question and one
assessmentTest holding them all, the interchange format read by Canvas New Quizzes, Blackboard,
Brightspace and other platforms. Scoring uses QTI's standard response-processing templates."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..questions import Question
from ..questions.shapes import Blank, Shape
from . import LessonBuild, Output, exporter
from .classroom import feedback, file_name, namespace_attributes, title, xml_bytes, zip_bytes

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p2.xsd"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
_NOT_IN_ID = re.compile(r"[^A-Za-z0-9._-]")


def identifier(question_id: str) -> str:
    """A QTI identifier (an XML name) from a question id: 'russia-nato/set-1/matching' becomes
    'Q_russia-nato.set-1.matching'."""
    return "Q_" + _NOT_IN_ID.sub("_", question_id.replace("/", "."))


def _sub(parent: ET.Element, tag: str, attrib: dict[str, str] | None = None, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib or {})
    if text is not None:
        element.text = text
    return element


def _response(item: ET.Element, cardinality: str, base_type: str, correct: list[str]) -> ET.Element:
    declaration = _sub(
        item, "responseDeclaration", {"identifier": "RESPONSE", "cardinality": cardinality, "baseType": base_type}
    )
    values = _sub(declaration, "correctResponse")
    for value in correct:
        _sub(values, "value", text=value)
    return declaration


def _mapping(declaration: ET.Element, keys: list[str]) -> None:
    """Full marks for any accepted answer (text answers compared without regard to case)."""
    mapping = _sub(declaration, "mapping", {"defaultValue": "0"})
    for key in dict.fromkeys(keys):
        _sub(mapping, "mapEntry", {"mapKey": key, "mappedValue": "1", "caseSensitive": "false"})


def _text_entry(parent: ET.Element, answers: tuple[str, ...]) -> ET.Element:
    return _sub(
        parent,
        "textEntryInteraction",
        {"responseIdentifier": "RESPONSE", "expectedLength": str(max(map(len, answers)) + 5)},
    )


def qti_item(question: Question) -> ET.Element:
    item = ET.Element(
        "assessmentItem",
        {
            **namespace_attributes(QTI, QTI_XSD),
            "identifier": identifier(question.id),
            "title": title(question),
            "adaptive": "false",
            "timeDependent": "false",
        },
    )
    shape = question.shape
    if shape is Shape.CHOICE:
        _response(item, "single", "identifier", [f"C{question.correct}"])
        template = "match_correct"
    elif shape in (Shape.SHORT, Shape.CLOZE):
        blank = question.cloze.blanks[0] if question.cloze else Blank(question.answer, question.alternatives)
        accepted = (blank.answer, *blank.alternatives)
        _mapping(_response(item, "single", "string", [blank.answer]), list(accepted))
        template = "map_response"
    elif shape is Shape.MATCHING:
        speakers = sorted({m.answer for m in question.matches})
        pairs = [f"P{i} S{speakers.index(m.answer)}" for i, m in enumerate(question.matches)]
        _mapping(_response(item, "multiple", "directedPair", pairs), pairs)
        template = "map_response"
    else:
        order = [f"E{question.items.index(e.label)}" for e in question.sequence]
        _response(item, "ordered", "identifier", order)
        template = "match_correct"
    outcome = _sub(item, "outcomeDeclaration", {"identifier": "SCORE", "cardinality": "single", "baseType": "float"})
    _sub(_sub(outcome, "defaultValue"), "value", text="0")
    body = _sub(item, "itemBody")
    if shape is Shape.CHOICE:
        interaction = _sub(
            body, "choiceInteraction", {"responseIdentifier": "RESPONSE", "shuffle": "false", "maxChoices": "1"}
        )
        _sub(interaction, "prompt", text=question.prompt)
        for index, choice in enumerate(question.choices):
            _sub(interaction, "simpleChoice", {"identifier": f"C{index}"}, choice)
    elif shape is Shape.SHORT:
        _sub(body, "p", text=question.prompt)
        _text_entry(_sub(body, "p"), (question.answer, *question.alternatives))
    elif shape is Shape.CLOZE:
        sentence = _sub(body, "p")
        last: ET.Element | None = None
        for part in question.cloze.parts:  # type: ignore[union-attr]
            if isinstance(part, Blank):
                last = _text_entry(sentence, (part.answer, *part.alternatives))
            elif last is None:
                sentence.text = (sentence.text or "") + part
            else:
                last.tail = (last.tail or "") + part
    elif shape is Shape.MATCHING:
        speakers = sorted({m.answer for m in question.matches})
        interaction = _sub(
            body,
            "matchInteraction",
            {"responseIdentifier": "RESPONSE", "shuffle": "false", "maxAssociations": str(len(question.matches))},
        )
        _sub(interaction, "prompt", text=question.prompt)
        prompts = _sub(interaction, "simpleMatchSet")
        for index, match in enumerate(question.matches):
            _sub(prompts, "simpleAssociableChoice", {"identifier": f"P{index}", "matchMax": "1"}, match.prompt)
        answers = _sub(interaction, "simpleMatchSet")
        for index, speaker in enumerate(speakers):
            _sub(
                answers,
                "simpleAssociableChoice",
                {"identifier": f"S{index}", "matchMax": str(len(question.matches))},
                speaker,
            )
    else:
        interaction = _sub(body, "orderInteraction", {"responseIdentifier": "RESPONSE", "shuffle": "false"})
        _sub(interaction, "prompt", text=question.prompt)
        for index, label in enumerate(question.items):
            _sub(interaction, "simpleChoice", {"identifier": f"E{index}"}, label)
    _sub(body, "p", text=feedback(question))  # the attribution and source, as the student answers
    _sub(item, "responseProcessing", {"template": TEMPLATES + template})
    return item


def qti_test(lesson_id: str, title: str, items: list[tuple[str, str]]) -> ET.Element:
    test = ET.Element(
        "assessmentTest",
        {**namespace_attributes(QTI, QTI_XSD), "identifier": f"T_{_NOT_IN_ID.sub('_', lesson_id)}", "title": title},
    )
    part = _sub(
        test, "testPart", {"identifier": "part", "navigationMode": "nonlinear", "submissionMode": "simultaneous"}
    )
    section = _sub(part, "assessmentSection", {"identifier": "section", "title": title, "visible": "true"})
    for ident, href in items:
        _sub(section, "assessmentItemRef", {"identifier": ident, "href": href})
    return test


def manifest(lesson_id: str, test_href: str, items: list[tuple[str, str]]) -> ET.Element:
    root = ET.Element(
        "manifest",
        {**namespace_attributes(CP, CP_XSD), "identifier": f"M_{_NOT_IN_ID.sub('_', lesson_id)}"},
    )
    metadata = _sub(root, "metadata")
    _sub(metadata, "schema", text="QTIv2.1 Package")
    _sub(metadata, "schemaversion", text="1.0.0")
    _sub(root, "organizations")
    resources = _sub(root, "resources")
    test = _sub(resources, "resource", {"identifier": "R_test", "type": "imsqti_test_xmlv2p1", "href": test_href})
    _sub(test, "file", {"href": test_href})
    for ident, _ in items:
        _sub(test, "dependency", {"identifierref": f"R_{ident}"})
    for ident, href in items:
        resource = _sub(
            resources, "resource", {"identifier": f"R_{ident}", "type": "imsqti_item_xmlv2p1", "href": href}
        )
        _sub(resource, "file", {"href": href})
    return root


@exporter(
    "qti",
    "IMS QTI 2.1 package (zip: Canvas New Quizzes, Blackboard, Brightspace and others)",
    writes={
        Shape.CHOICE: "choiceInteraction",
        Shape.SHORT: "textEntryInteraction, alternatives accepted",
        Shape.CLOZE: "textEntryInteraction inside the sentence",
        Shape.MATCHING: "matchInteraction",
        Shape.ORDERING: "orderInteraction",
    },
)
def export_qti(build: LessonBuild) -> list[Output]:
    lesson = build.lesson
    members: list[tuple[str, bytes]] = []
    items: list[tuple[str, str]] = []
    for question in build.questions.questions:
        ident = identifier(question.id)
        href = f"items/{ident}.xml"
        items.append((ident, href))
        members.append((href, xml_bytes(qti_item(question))))
    test_href = "assessment.xml"
    package = xml_bytes(manifest(lesson.id, test_href, items))
    members = [("imsmanifest.xml", package), (test_href, xml_bytes(qti_test(lesson.id, lesson.title, items))), *members]
    return [Output(file_name(lesson.id, "qti", "zip"), zip_bytes(members))]
