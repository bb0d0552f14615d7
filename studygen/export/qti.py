"""IMS QTI 2.1 content package (a zip with imsmanifest.xml): one assessmentItem a question and one
assessmentTest holding them all, the interchange format read by Canvas (Classic and New Quizzes),
Blackboard, Brightspace and other platforms. Scoring uses QTI's standard response-processing
templates, and a share of the point per part where a question has several (matching pairs, gaps).

Written as Canvas's QTI converter and the reader New Quizzes uses (instructure/qti) read an item:
accepted answers in correctResponse, the question's text in the body's paragraphs, points in
SCORE's normalMaximum, the source in a modalFeedback (shown after answering, never in the body)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..questions import Question
from ..questions.shapes import Blank, ClozeText, Shape
from . import LessonBuild, Output, exporter
from .classroom import (
    BLANK_LINE,
    feedback,
    file_name,
    namespace_attributes,
    sentence_case,
    xml_bytes,
    zip_bytes,
)

QTI = "http://www.imsglobal.org/xsd/imsqti_v2p1"
QTI_XSD = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p2.xsd"
CP = "http://www.imsglobal.org/xsd/imscp_v1p1"
CP_XSD = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
TEMPLATES = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
_NOT_IN_ID = re.compile(r"[^A-Za-z0-9._-]")
POINTS = "1"  # every question, as in the other formats
# The modal feedback's identifier: Canvas imports a modalFeedback whose identifier holds "general_"
# as the question's general comment.
FEEDBACK_SHOWN = "general_fb"


def identifier(question_id: str) -> str:
    """A QTI identifier (an XML name) from a question id: 'russia-nato/set-1/matching' becomes
    'Q_russia-nato.set-1.matching'."""
    return "Q_" + _NOT_IN_ID.sub("_", question_id.replace("/", "."))


def _sub(parent: ET.Element, tag: str, attrib: dict[str, str] | None = None, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, tag, attrib or {})
    if text is not None:
        element.text = text
    return element


def _response(
    item: ET.Element, cardinality: str, base_type: str, correct: list[str], ident: str = "RESPONSE"
) -> ET.Element:
    declaration = _sub(
        item, "responseDeclaration", {"identifier": ident, "cardinality": cardinality, "baseType": base_type}
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


def _typed(item: ET.Element, blank: Blank, ident: str = "RESPONSE") -> None:
    """A typed answer's response: every accepted answer is a correct response as well as a mapped one.
    Canvas's QTI converter and the reader New Quizzes uses take the accepted answers from
    correctResponse alone (one value kept the first answer only); a QTI player scores by the mapping.
    (QTI 2.1 means one value for a single response; the schema takes several, and no reader checked
    refuses them.)"""
    accepted = list(dict.fromkeys((blank.answer, *blank.alternatives)))
    _mapping(_response(item, "single", "string", accepted, ident), accepted)


def _text_entry(parent: ET.Element, blank: Blank, ident: str = "RESPONSE") -> ET.Element:
    longest = max(len(text) for text in (blank.answer, *blank.alternatives))
    return _sub(parent, "textEntryInteraction", {"responseIdentifier": ident, "expectedLength": str(longest + 5)})


def _score(item: ET.Element) -> None:
    """SCORE, worth 1 for every question whatever its shape (a matching set scores a share of 1 per pair),
    declared with its maximum where QTI readers look for the points (normalMaximum, MAXSCORE)."""
    outcome = _sub(
        item,
        "outcomeDeclaration",
        {"identifier": "SCORE", "cardinality": "single", "baseType": "float", "normalMaximum": POINTS},
    )
    _sub(_sub(outcome, "defaultValue"), "value", text="0")
    maximum = _sub(item, "outcomeDeclaration", {"identifier": "MAXSCORE", "cardinality": "single", "baseType": "float"})
    _sub(_sub(maximum, "defaultValue"), "value", text=POINTS)
    # Always FEEDBACK_SHOWN, so the platform shows the modal feedback (the source) once a student has answered.
    shown = _sub(
        item, "outcomeDeclaration", {"identifier": "FEEDBACK", "cardinality": "single", "baseType": "identifier"}
    )
    _sub(_sub(shown, "defaultValue"), "value", text=FEEDBACK_SHOWN)


def _share_of_points(item: ET.Element, responses: list[str], parts: int) -> None:
    """Response processing that gives each of `parts` parts (a gap, a pair) an equal share of the point:
    the sum of the mapped responses divided by their number, so that all right is exactly 1."""
    processing = _sub(item, "responseProcessing")
    total = _sub(_sub(processing, "setOutcomeValue", {"identifier": "SCORE"}), "divide")
    summed = _sub(total, "sum")
    for ident in responses:
        _sub(summed, "mapResponse", {"identifier": ident})
    _sub(total, "baseValue", {"baseType": "float"}, str(parts))


def _prompt(body: ET.Element, text: str) -> None:
    """The question's text as a paragraph of the item body, before its interaction: Canvas Classic
    takes a matching item's text from the body's paragraphs only (a <prompt> there is lost)."""
    _sub(body, "p", text=text)


def _cloze(item: ET.Element, body: ET.Element, cloze: ClozeText) -> list[str]:
    """A cloze: the sentence with each gap shown as a line, then one text entry per gap (numbered when
    there are several). The reader New Quizzes uses keeps the item body's text and drops any
    interaction inside it, so a gap written only as an interaction in the sentence vanished."""
    blanks = cloze.blanks
    several = len(blanks) > 1
    idents = [f"RESPONSE_{n}" if several else "RESPONSE" for n in range(1, len(blanks) + 1)]
    for ident, blank in zip(idents, blanks, strict=True):
        _typed(item, blank, ident)
    gaps = iter(range(1, len(blanks) + 1))
    sentence = "".join(
        (f"({next(gaps)}) {BLANK_LINE}" if several else BLANK_LINE) if isinstance(part, Blank) else part
        for part in cloze.parts
    )
    _sub(body, "p", text=sentence_case(sentence))
    for number, (ident, blank) in enumerate(zip(idents, blanks, strict=True), 1):
        line = _sub(body, "p", text=f"({number}) " if several else None)
        _text_entry(line, blank, ident)
    return idents


def qti_item(question: Question, number: int = 1) -> ET.Element:
    """A question as an item; its title 'Question N', since a QTI player may show the title to the student
    (the fact id a question bank names questions by could hold the answer: 'soviet-bid-1949')."""
    item = ET.Element(
        "assessmentItem",
        {
            **namespace_attributes(QTI, QTI_XSD),
            "identifier": identifier(question.id),
            "title": f"Question {number}",
            "adaptive": "false",
            "timeDependent": "false",
        },
    )
    shape = question.shape
    template: str | None = None
    if shape is Shape.CHOICE:
        _response(item, "single", "identifier", [f"C{question.correct}"])
        template = "match_correct"
    elif shape is Shape.SHORT:
        _typed(item, Blank(question.answer, question.alternatives))
        template = "map_response"
    elif shape is Shape.MATCHING:
        speakers = sorted({m.answer for m in question.matches})
        pairs = [f"P{i} S{speakers.index(m.answer)}" for i, m in enumerate(question.matches)]
        _mapping(_response(item, "multiple", "directedPair", pairs), pairs)
    elif shape is Shape.ORDERING:
        order = [f"E{question.items.index(e.label)}" for e in question.sequence]
        _response(item, "ordered", "identifier", order)
        template = "match_correct"
    body = ET.Element("itemBody")
    responses = ["RESPONSE"]
    if shape is Shape.CHOICE:
        interaction = _sub(
            body, "choiceInteraction", {"responseIdentifier": "RESPONSE", "shuffle": "false", "maxChoices": "1"}
        )
        _sub(interaction, "prompt", text=question.prompt)
        for index, choice in enumerate(question.choices):
            _sub(interaction, "simpleChoice", {"identifier": f"C{index}"}, choice)
    elif shape is Shape.SHORT:
        _prompt(body, question.prompt)
        _text_entry(_sub(body, "p"), Blank(question.answer, question.alternatives))
    elif shape is Shape.CLOZE:
        responses = _cloze(item, body, question.cloze)  # type: ignore[arg-type]
        template = "map_response" if len(responses) == 1 else None
    elif shape is Shape.MATCHING:
        speakers = sorted({m.answer for m in question.matches})
        _prompt(body, question.prompt)
        interaction = _sub(
            body,
            "matchInteraction",
            {"responseIdentifier": "RESPONSE", "shuffle": "false", "maxAssociations": str(len(question.matches))},
        )
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
    _score(item)
    item.append(body)
    if template is not None:
        _sub(item, "responseProcessing", {"template": TEMPLATES + template})
    else:
        _share_of_points(item, responses, len(question.matches) or len(responses))
    # The attribution and source, shown once the student has answered: in the item body it would
    # tell "fact or account?" and name the speaker while the student answers.
    shown = _sub(
        item,
        "modalFeedback",
        {"outcomeIdentifier": "FEEDBACK", "showHide": "show", "identifier": FEEDBACK_SHOWN},
    )
    _sub(shown, "p", text=feedback(question))
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


def manifest(lesson_id: str, test_href: str, items: list[tuple[str, str, Shape]]) -> ET.Element:
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
    for ident, _, _ in items:
        _sub(test, "dependency", {"identifierref": f"R_{ident}"})
    for ident, href, shape in items:
        resource = _sub(
            resources, "resource", {"identifier": f"R_{ident}", "type": "imsqti_item_xmlv2p1", "href": href}
        )
        if shape is Shape.ORDERING:
            # Canvas Classic guesses an item's type from its interactions and has no guess for an
            # orderInteraction (the item imported as an "Error" question); told the type in the QTI
            # metadata, as its own QTI 1.2 converter writes it, it imports the item as matching each
            # item to its place.
            qti_metadata = _sub(_sub(resource, "metadata"), "qtiMetadata", {"xmlns": QTI})
            _sub(qti_metadata, "interactionType", text="orderInteraction")
        _sub(resource, "file", {"href": href})
    return root


@exporter(
    "qti",
    "IMS QTI 2.1 package (zip: Canvas Classic and New Quizzes, Blackboard, Brightspace and others)",
    writes={
        Shape.CHOICE: "choiceInteraction",
        Shape.SHORT: "textEntryInteraction, alternatives accepted",
        Shape.CLOZE: "the sentence with a line for each gap, a textEntryInteraction for each gap below it",
        Shape.MATCHING: "matchInteraction",
        Shape.ORDERING: "orderInteraction (Canvas Classic Quizzes import it as matching each event to its place)",
    },
)
def export_qti(build: LessonBuild) -> list[Output]:
    lesson = build.lesson
    members: list[tuple[str, bytes]] = []
    items: list[tuple[str, str, Shape]] = []
    for number, question in enumerate(build.questions.questions, 1):
        ident = identifier(question.id)
        href = f"items/{ident}.xml"
        items.append((ident, href, question.shape))
        members.append((href, xml_bytes(qti_item(question, number))))
    test_href = "assessment.xml"
    package = xml_bytes(manifest(lesson.id, test_href, items))
    refs = [(ident, href) for ident, href, _ in items]
    members = [("imsmanifest.xml", package), (test_href, xml_bytes(qti_test(lesson.id, lesson.title, refs))), *members]
    return [Output(file_name(lesson.id, "qti", "zip"), zip_bytes(members))]
