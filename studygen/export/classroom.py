"""What the classroom-platform formats share: file names, titles, feedback and the answer key of a set.

Each platform module (moodle, gift, qti, canvas, kahoot, quizlet, blooket) reads questions only
through their shape (`studygen.questions.shapes`) and these helpers.
"""

from __future__ import annotations

import hashlib
import html
import io
import xml.etree.ElementTree as ET
import zipfile

from ..html import LETTERS
from ..model import Lesson
from ..questions import Question
from .plain_text import plain

BLANK_LINE = "_____"  # a cloze's gap where the platform shows the sentence as text
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed member dates: the same questions give the same bytes
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def file_name(lesson_id: str, format_name: str, extension: str) -> str:
    return f"{lesson_id}.{format_name}.{extension}"


def moodle_category(deck: str) -> str:
    """A deck name as a Moodle question-bank category: Anki's "History::Cold War" is
    "$course$/top/History/Cold War", on one line (a GIFT file ends a question at a blank line)."""
    parts = (" ".join(plain(part).split()).replace("/", "-") for part in deck.split("::"))
    return "$course$/top/" + "/".join(part for part in parts if part)


def html_text(text: str) -> str:
    """Text for a field a platform reads as HTML (Canvas's text/html mattext, Moodle's format="html", GIFT's
    `[html]`): `&`, `<` and `>` as references, so that a literal `<none>` or `&amp;` is shown as written
    and no markup runs; without the characters `plain` drops."""
    return html.escape(plain(text), quote=False)


def title(question: Question) -> str:
    """A question's name in a question bank: its fact and kind, which a teacher recognises."""
    return f"{question.fact} ({question.kind})"


def question_tags(lesson: Lesson, question: Question) -> list[str]:
    """The tags a question bank files a question under: the lesson's id and tags, and its facts' tags."""
    facts = lesson.facts_by_id(question.facts)
    return sorted({lesson.id, *lesson.tags, *(tag for fact in facts for tag in fact.tags)})


def bank_id(question: Question, limit: int) -> str:
    """The question's id as a question bank's id of at most `limit` characters: the id itself, or
    where it is longer its start and a digest of the whole, so that it stays the same from build
    to build and differs from every other question's."""
    if len(question.id) <= limit:
        return question.id
    digest = hashlib.sha256(question.id.encode("utf-8")).hexdigest()[:12]
    return f"{question.id[: limit - len(digest) - 1]}-{digest}"


def feedback(question: Question) -> str:
    """The general feedback: whose account the question reports, and where it comes from."""
    account = f"According to {question.according_to}. " if question.according_to else ""
    return f"{account}Source: {question.source}."


def sentence_case(text: str) -> str:
    """A sentence shown to a student starting with a capital, as a sentence does (a cloze cut from the
    article can start in lower case); a gap or a quotation mark at the start is left as it is, and so is
    a letter whose capital is two letters ('ß')."""
    first = text[:1]
    return first.upper() + text[1:] if first.islower() and len(first.upper()) == 1 else text


def ordering_prompt(question: Question) -> str:
    """An ordering question as text: the prompt and its items lettered as shown."""
    items = "; ".join(f"{LETTERS[i]}. {item}" for i, item in enumerate(question.items))
    return f"{question.prompt} {items}"


def ordering_letters(question: Question) -> list[str]:
    """The letters of an ordering question's items (lettered as shown) in their correct order."""
    return [LETTERS[question.items.index(event.label)] for event in question.sequence]


PLACES_PROMPT = " Number them from 1 (earliest)."


def ordering_places(question: Question) -> list[tuple[str, str]]:
    """An ordering written as matching, for a platform without an ordering type: each event, in the
    order shown, with its place in time ("1" the earliest). The prompt gets PLACES_PROMPT."""
    place = {event.label: str(number) for number, event in enumerate(question.sequence, 1)}
    return [(label, place[label]) for label in question.items]


def ordering_key(question: Question) -> str:
    """The ordering as the letters a student answers with ("C, A, B")."""
    return ", ".join(ordering_letters(question))


def time_limit(question: Question, allowed: tuple[int, ...]) -> int:
    """Seconds to read a question and its choices and answer it: about 20 for a short one, 3 words a
    second beyond that (a reader of 180 words a minute), as the nearest longer of the `allowed` values."""
    words = len(" ".join([question.prompt, *question.choices]).split())
    wanted = max(20, 10 + words // 3)
    return next((seconds for seconds in allowed if seconds >= wanted), allowed[-1])


def namespace_attributes(namespace: str, schema: str) -> dict[str, str]:
    """A root element's namespace declarations, written as attributes: the tree's tags stay unqualified,
    so the file has one default namespace and no prefixes (what every platform's importer expects)."""
    return {"xmlns": namespace, "xmlns:xsi": XSI, "xsi:schemaLocation": f"{namespace} {schema}"}


def xml_bytes(element: ET.Element) -> bytes:
    """An XML document, indented, in UTF-8 with its declaration, without the characters XML forbids
    (and so with nothing an XML parser refuses): see `plain_text`."""
    ET.indent(element)
    document = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(element, encoding="unicode") + "\n"
    return plain(document).encode("utf-8")


def zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    """A zip of `members` in the order given, with fixed dates and permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
