"""Who "I" is in an extract from a diary, a memoir or letters printed with an editor's introduction.

In such an extract, 'I said, "..."' outside any quotation is the writer's own words. The writer is the
person the introduction names in the sentence that presents the extract ("In this extract from his memoir,
... Harold Ainsworth ...", "His diary, ...": the one named in it or just before). An article that does not
say it prints an extract has no narrator: a reporter's "I asked" is not the subject's.
"""

from __future__ import annotations

import re

from .attribution import outside_quotes
from .people import People, Person

_EXTRACT = re.compile(r"\b(?:[Ee]xtracts?|[Ee]xcerpts?)\b")
_WRITINGS = re.compile(r"\b(?:diary|diaries|memoirs?|journals?|letters|notebooks|autobiography)\b")
_INTRODUCTION = 4  # paragraphs: a headline, a byline, an editor's note or two


def narrator(paragraphs: list[str], people: People) -> Person | None:
    """The writer of the extract the article prints, when its introduction says whose it is; else None."""
    intro = [outside_quotes(p) for p in paragraphs[:_INTRODUCTION]]
    if not any(_EXTRACT.search(p) for p in intro):
        return None
    previous = ""
    for paragraph in intro:
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
            if writings := _WRITINGS.search(sentence):
                # named before the word ("Walter Briggs's diary"), else just before the sentence ("Walter Briggs
                # was station master. His diary, given by his granddaughter, Susan Briggs, ..."), else after it
                # ("In this extract from his memoir, ... Harold Ainsworth remembers")
                for text in (sentence[: writings.start()], previous, sentence[writings.end() :]):
                    # named in full: not "Smoke" of a title, "Cotton and Smoke"
                    if named := [person for _, person in people.mentions(text) if " " in person.name]:
                        return named[0]
            previous = sentence
    return None
