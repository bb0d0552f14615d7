"""Words of a facts file that read right in the article but wrong once printed on a card or a sheet.

A question stands alone: "here" and "this morning" meant the article's place and day, and a name
that is a description ("Harbour report") or a body's ("Harbour Council") reads as a headline when a
question starts with it.
"""

from __future__ import annotations

import re

from .diagnostics import DiagnosticSink, Position
from .model import Lesson

# Words that point at the article's place or day; a question printed later points nowhere. "Today,"
# with its comma is the present of the one speaking ("lamented that today, ..."), not a day.
_DEICTIC = re.compile(
    r"\b(?:here|today(?!,)|tonight|yesterday|tomorrow|"
    r"this (?:morning|afternoon|evening|week|month|year|spring|summer|autumn|winter)|"
    r"last (?:night|week|month|year|spring|summer|autumn|winter)|"
    r"(?:earlier|later) this (?:week|month|year))\b",
    re.IGNORECASE,
)
# A quotation that opens with a pronoun ("He wanted a better place ...") means someone the article
# named before it; printed on its own, no student can tell whom.
_OPENING_PRONOUN = re.compile(r"[\"'“‘]?(he|she|him|her|his|they|them|their)\b", re.IGNORECASE)
_DETERMINERS = frozenset("the a an one two three some several many this that these those".split())


def check_printed_words(lesson: Lesson, sink: DiagnosticSink) -> None:
    """Warn of a fact's or a speaker's words that only the article's day and place explain, and of
    names that need "the" at the start of a question."""
    for fact in lesson.facts:
        for key in ("what", "frame", "about"):
            text = getattr(fact, key)
            if text and key not in fact.from_teacher and (word := _deictic(text)):
                _warn_deictic(sink, fact.field_pos(key), f"the {key} of '{fact.id}'", word)
        if fact.said and not fact.about and (opening := _OPENING_PRONOUN.match(fact.said.strip())):
            sink.warning(
                fact.field_pos("said"),
                "text.pronoun",
                f"the quotation of '{fact.id}' opens with '{opening.group(1)}': printed on its own, it does not "
                "say whom that means",
                "write whom it means under about: (about: Jon Vik), which questions show with the quotation",
            )
    for person in lesson.people.values():
        if "name" not in person.from_teacher and (word := _deictic(person.name)):
            _warn_deictic(sink, person.positions.get("name", person.pos), f"the name of '{person.id}'", word)
        elif common_noun_name(person.name):
            sink.warning(
                person.positions.get("name", person.pos),
                "name.needs-article",
                f"the name '{person.name}' of '{person.id}' reads as a headline without 'the': questions "
                f"would start '{person.name} said ...'",
                f"write name: the {person.name} (an alias may keep '{person.name}')",
            )


def _deictic(text: str) -> str | None:
    """The first word of `text` that points at the article's day or place; a capital inside a sentence
    makes it a name ("Varel Radio's Today programme")."""
    for match in _DEICTIC.finditer(text):
        if match.start() == 0 or match.group()[0].islower():
            return match.group()
    return None


def _warn_deictic(sink: DiagnosticSink, pos: Position, where: str, word: str) -> None:
    sink.warning(
        pos,
        "text.deictic",
        f"{where} says '{word}', which means the article's place or day: a question printed "
        "on its own does not say where or when that is",
        'write the place or the date instead ("an observer in Orvik", "on 3 May 1990") and list the '
        "key under from_teacher: (the article's words stay in evidence:)",
    )


def common_noun_name(name: str) -> bool:
    """Whether a name reads as a headline without "the": a description, "Harbour report", "Lenby
    inquiry" (a proper name's words are capitalised; a plural, "Orvik dockers", needs none), or a
    body's name that English writes with "the", "Varel Harbour Council", "United Nations"."""
    words = name.split()
    if len(words) < 2 or words[0].lower() in _DETERMINERS or not words[0][:1].isupper() or "'" in name or "’" in name:
        return False
    last = words[-1]
    if last in _BODIES:
        return "the" not in words  # "Lawyers from the Varel Harbour Council" has its own
    return last.isalpha() and last.islower() and not last.endswith("s")


# The last word of a body's name that takes "the": "the Varel Harbour Council", "the United Nations".
_BODIES = frozenset(
    "Nations Union States Kingdom Republic Federation Council Commission Committee Party Government Ministry "
    "Office Department Court Parliament Assembly Senate Congress Army Navy Police Church Bank Agency Board "
    "Service Institute Foundation Center Centre Organisation Organization Association League Society "
    "Tribunal Inquiry Commissioner Secretariat Cabinet Treasury Press".split()
)
