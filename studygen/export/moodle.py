"""Moodle XML: every question of a lesson in one category named after its deck, with the source and
the attribution as general feedback. Moodle's own types throughout: multiple choice, short answer,
embedded answers (cloze), matching and ordering (a standard type since Moodle 4.4)."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from ..questions import Question
from ..questions.shapes import Blank, Shape
from . import LessonBuild, Output, exporter
from .classroom import feedback, file_name, moodle_category, title, xml_bytes

MOODLE_TYPES = {
    Shape.CHOICE: "multichoice",
    Shape.SHORT: "shortanswer",
    Shape.CLOZE: "cloze",
    Shape.MATCHING: "matching",
    Shape.ORDERING: "ordering",
}
IDNUMBER_MAX = 100  # Moodle's column size
# In embedded-answers text a gap is {n:TYPE:...}; inside one, ~ # } end an answer unless an & (of a
# character reference) comes before them (qtype_multianswer's ANSWER_REGEX), and Moodle decodes the
# references before it stores the answer. So these characters are written as references.
_CLOZE_REFERENCES = str.maketrans({char: f"&#{ord(char)};" for char in "{}~#\\"})


def _text(parent: ET.Element, tag: str, text: str, html_format: bool = True) -> ET.Element:
    """<tag format="html"><text>…</text></tag>, the text HTML-escaped where it is HTML."""
    element = ET.SubElement(parent, tag, {"format": "html"} if html_format else {})
    ET.SubElement(element, "text").text = html.escape(text, quote=False) if html_format else text
    return element


def _short_answer(text: str) -> str:
    """A short-answer answer: `*` is Moodle's wildcard there (and `\\*` a star)."""
    return text.replace("*", "\\*")


def cloze_html(text: str) -> str:
    """Text as HTML in which Moodle's embedded-answers parser sees no gap and no end of an answer."""
    return html.escape(text, quote=False).translate(_CLOZE_REFERENCES)


def cloze_text(question: Question) -> str:
    """The sentence in Moodle's embedded-answers syntax: each blank {1:SHORTANSWER:=answer~=other}."""
    out = []
    for part in question.cloze.parts:  # type: ignore[union-attr]
        if isinstance(part, Blank):
            answers = "~".join("=" + _short_answer(cloze_html(a)) for a in (part.answer, *part.alternatives))
            out.append(f"{{1:SHORTANSWER:{answers}}}")
        else:
            out.append(cloze_html(part))
    return "".join(out)


def moodle_question(question: Question) -> ET.Element:
    element = ET.Element("question", {"type": MOODLE_TYPES[question.shape]})
    _text(element, "name", title(question), html_format=False)
    if question.shape is Shape.CLOZE:
        text = ET.SubElement(ET.SubElement(element, "questiontext", {"format": "html"}), "text")
        text.text = cloze_text(question)
    else:
        _text(element, "questiontext", question.prompt)
    _text(element, "generalfeedback", feedback(question))
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    if len(question.id) <= IDNUMBER_MAX:
        ET.SubElement(element, "idnumber").text = question.id
    if question.shape is Shape.CHOICE:
        ET.SubElement(element, "single").text = "true"
        ET.SubElement(element, "shuffleanswers").text = "true"
        ET.SubElement(element, "answernumbering").text = "abc"
        for index, choice in enumerate(question.choices):
            answer = _text(element, "answer", choice)
            answer.set("fraction", "100" if index == question.correct else "0")
    elif question.shape is Shape.SHORT:
        ET.SubElement(element, "usecase").text = "0"
        for accepted in (question.answer, *question.alternatives):
            answer = _text(element, "answer", _short_answer(accepted), html_format=False)
            answer.attrib.update({"fraction": "100", "format": "moodle_auto_format"})
    elif question.shape is Shape.MATCHING:
        ET.SubElement(element, "shuffleanswers").text = "true"
        for match in question.matches:
            sub = _text(element, "subquestion", match.prompt)
            ET.SubElement(ET.SubElement(sub, "answer"), "text").text = match.answer
    elif question.shape is Shape.ORDERING:
        for tag, value in (
            ("layouttype", "VERTICAL"),
            ("selecttype", "ALL"),
            ("selectcount", "0"),
            ("gradingtype", "ABSOLUTE_POSITION"),
            ("showgrading", "SHOW"),
            ("numberingstyle", "none"),
        ):
            ET.SubElement(element, tag).text = value
        for event in question.sequence:  # in the correct order; Moodle shuffles them for the student
            answer = _text(element, "answer", event.label)
            answer.set("fraction", "1")
    return element


@exporter(
    "moodle",
    "Moodle XML question bank (a category per lesson)",
    writes={
        Shape.CHOICE: "multiple choice",
        Shape.SHORT: "short answer, alternatives accepted",
        Shape.CLOZE: "embedded answers (cloze)",
        Shape.MATCHING: "matching",
        Shape.ORDERING: "ordering (Moodle 4.4 and later, or the Ordering plugin)",
    },
)
def export_moodle(build: LessonBuild) -> list[Output]:
    lesson = build.lesson
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", {"type": "category"})
    _text(category, "category", moodle_category(lesson.deck), html_format=False)
    _text(category, "info", f"{lesson.title}. Source: {lesson.source.citation()}. Made with studygen.")
    quiz.extend(moodle_question(q) for q in build.questions.questions)
    return [Output(file_name(lesson.id, "moodle", "xml"), xml_bytes(quiz))]
