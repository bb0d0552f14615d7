"""Moodle XML: every question of a lesson in one category named after its deck, with the source and
the attribution as general feedback, the question's id as its ID number and the lesson's and facts'
tags as its tags. Moodle's own types: multiple choice, short answer, embedded answers (cloze),
matching, and ordering where the teacher's Moodle has it.

Moodle's XML import stops the whole file at a question type it does not know ("Stop on error" is on
by default), and the ordering type is standard only since Moodle 4.4: so unless the build is told
the Moodle version (`--moodle-version 4.4` or later), an ordering is written as matching, each event
to its place in time, which every Moodle imports, and a note says how to get the native type.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..questions import Question
from ..questions.shapes import Blank, Shape
from . import LessonBuild, Output, exporter
from .classroom import (
    PLACES_PROMPT,
    bank_id,
    feedback,
    file_name,
    html_text,
    moodle_category,
    ordering_places,
    question_tags,
    title,
    xml_bytes,
)

MOODLE_TYPES = {
    Shape.CHOICE: "multichoice",
    Shape.SHORT: "shortanswer",
    Shape.CLOZE: "cloze",
    Shape.MATCHING: "matching",
    Shape.ORDERING: "ordering",
}
IDNUMBER_MAX = 100  # Moodle's column size
TAG_MAX = 50  # Moodle's TAG_MAX_LENGTH: a longer tag is cut there on import
ORDERING_SINCE = (4, 4)  # the first Moodle with the ordering question type as standard
VERSION = re.compile(r"(\d{1,2})\.(\d{1,2})")  # as Moodle numbers its releases: 3.11, 4.3, 5.0
# In embedded-answers text a gap is {n:TYPE:...}. Inside a gap an answer ends at ~ # or } unless
# `\`, `&` or `&amp;` comes just before it (ANSWER_ALTERNATIVE_ANSWER_REGEX of qtype_multianswer);
# Moodle then decodes the character references (html_entity_decode) and turns only `\}` and `\#`
# into `}` and `#`. So each of these characters is written as a numeric reference, which ends in
# `;`: the text then holds no gap, and no answer ends early or runs on into the next.
_CLOZE_REFERENCES = str.maketrans({char: f"&#{ord(char)};" for char in "{}~#\\&<>"})


def moodle_version(text: str) -> tuple[int, int]:
    """A Moodle release as `--moodle-version` gives it ("4.3"); ValueError if it is not one."""
    found = VERSION.fullmatch(text.strip())
    if found is None:
        raise ValueError(f"--moodle-version must be a Moodle release such as 4.3 or 4.5, not {text!r}")
    return int(found[1]), int(found[2])


def short_answer(text: str) -> str:
    """An accepted answer as Moodle's short-answer matcher reads it: `*` is its wildcard, `\\*` a star
    (a backslash before anything else is itself)."""
    return text.replace("*", "\\*")


def cloze_html(text: str) -> str:
    """Text of an embedded-answers question, in which Moodle's parser sees no gap."""
    return text.translate(_CLOZE_REFERENCES)


def cloze_answer(text: str) -> str:
    """An accepted answer inside a gap: Moodle decodes it back to `text` and matches it literally."""
    return short_answer(cloze_html(text))


def cloze_text(question: Question) -> str:
    """The sentence in Moodle's embedded-answers syntax: each blank {1:SHORTANSWER:=answer~=other},
    worth one point."""
    out = []
    for part in question.cloze.parts:  # type: ignore[union-attr]
        if isinstance(part, Blank):
            answers = "~".join("=" + cloze_answer(a) for a in (part.answer, *part.alternatives))
            out.append(f"{{1:SHORTANSWER:{answers}}}")
        else:
            out.append(cloze_html(part))
    return "".join(out)


def _text(parent: ET.Element, tag: str, text: str, html_format: bool = True) -> ET.Element:
    """<tag format="html"><text>…</text></tag>, the text escaped as HTML where it is HTML."""
    element = ET.SubElement(parent, tag, {"format": "html"} if html_format else {})
    ET.SubElement(element, "text").text = html_text(text) if html_format else text
    return element


def _matching(element: ET.Element, pairs: list[tuple[str, str]]) -> None:
    ET.SubElement(element, "shuffleanswers").text = "true"
    for left, right in pairs:
        sub = _text(element, "subquestion", left)
        ET.SubElement(ET.SubElement(sub, "answer"), "text").text = right


def _ordering(element: ET.Element, question: Question) -> None:
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
        _text(element, "answer", event.label).set("fraction", "1")


def moodle_question(question: Question, tags: list[str], native_ordering: bool = True) -> ET.Element:
    """One question; an ordering as matching unless `native_ordering`."""
    as_matching = question.shape is Shape.ORDERING and not native_ordering
    element = ET.Element("question", {"type": "matching" if as_matching else MOODLE_TYPES[question.shape]})
    _text(element, "name", title(question), html_format=False)
    if question.shape is Shape.CLOZE:
        text = ET.SubElement(ET.SubElement(element, "questiontext", {"format": "html"}), "text")
        text.text = cloze_text(question)
    else:
        _text(element, "questiontext", question.prompt + (PLACES_PROMPT if as_matching else ""))
    _text(element, "generalfeedback", feedback(question))
    # Every question is worth one point (a cloze one a gap: Moodle adds up its gaps' marks).
    ET.SubElement(element, "defaultgrade").text = str(len(question.cloze.blanks)) if question.cloze else "1"
    ET.SubElement(element, "penalty").text = "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = bank_id(question, IDNUMBER_MAX)
    if question.shape is Shape.CHOICE:
        ET.SubElement(element, "single").text = "true"
        ET.SubElement(element, "shuffleanswers").text = "true"
        ET.SubElement(element, "answernumbering").text = "abc"
        for index, choice in enumerate(question.choices):
            _text(element, "answer", choice).set("fraction", "100" if index == question.correct else "0")
    elif question.shape is Shape.SHORT:
        ET.SubElement(element, "usecase").text = "0"
        for accepted in (question.answer, *question.alternatives):
            answer = _text(element, "answer", short_answer(accepted), html_format=False)
            answer.attrib.update({"fraction": "100", "format": "moodle_auto_format"})
    elif question.shape is Shape.MATCHING:
        _matching(element, [(m.prompt, m.answer) for m in question.matches])
    elif as_matching:
        _matching(element, ordering_places(question))
    elif question.shape is Shape.ORDERING:
        _ordering(element, question)
    if tags:
        listed = ET.SubElement(element, "tags")
        for tag in tags:
            ET.SubElement(ET.SubElement(listed, "tag"), "text").text = tag
    return element


@exporter(
    "moodle",
    "Moodle XML question bank (a category per lesson)",
    writes={
        Shape.CHOICE: "multiple choice",
        Shape.SHORT: "short answer, alternatives accepted",
        Shape.CLOZE: "embedded answers (cloze)",
        Shape.MATCHING: "matching",
        Shape.ORDERING: "as matching: each event to its place, 1 the earliest "
        "(Moodle's ordering type with --moodle-version 4.4 or later)",
    },
)
def export_moodle(build: LessonBuild) -> list[Output]:
    lesson = build.lesson
    version = build.options.get("moodle_version")
    native_ordering = version is not None and moodle_version(version) >= ORDERING_SINCE
    orderings = [q for q in build.questions.questions if q.shape is Shape.ORDERING]
    if orderings and not native_ordering:
        build.lesson_note(
            "moodle.ordering-as-matching",
            f"{len(orderings)} ordering question{'s are' if len(orderings) > 1 else ' is'} written in the Moodle XML "
            "file as matching (each event to its place, 1 the earliest), which every Moodle imports; a Moodle "
            "older than 4.4 without the Ordering plugin would import nothing of a file holding the ordering type",
            "on Moodle 4.4 or later, build with --moodle-version 4.4 (or your version) to write Moodle's ordering type",
        )
    quiz = ET.Element("quiz")
    category = ET.SubElement(quiz, "question", {"type": "category"})
    _text(category, "category", moodle_category(lesson.deck), html_format=False)
    _text(category, "info", f"{lesson.title}. Source: {lesson.source.citation()}. Made with studygen.")
    cut: set[str] = set()
    for question in build.questions.questions:
        tags = question_tags(lesson, question)
        cut.update(tag for tag in tags if len(tag) > TAG_MAX)
        quiz.append(moodle_question(question, tags, native_ordering))
    if cut:
        build.lesson_note(
            "moodle.tag-cut",
            f"Moodle keeps the first {TAG_MAX} characters of a tag: {', '.join(sorted(cut))} will be cut there",
            f"use tags of at most {TAG_MAX} characters to find them whole in Moodle's question bank",
        )
    return [Output(file_name(lesson.id, "moodle", "xml"), xml_bytes(quiz))]
