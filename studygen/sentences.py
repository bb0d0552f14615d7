"""Where sentences end, in an article or one paragraph of it: one splitter for the drafter and the card backs.

A full stop ends a sentence unless it ends an abbreviation ("Mr.", "Rep.", "R-Pa.", an initial),
and a sentence starts with a capital, a digit or an opening mark. Runs of text without full stops
are cut at spaces into pieces of bounded length, so the work done on each stays bounded.
"""

from __future__ import annotations

import re

# Letters of Latin-script names, not just ASCII: "Émile", "Erdoğan", "Łukasz", "Müller". Each class is
# two ranges: Python compiles a class of more ranges that reaches past Latin-1 into a 64K-entry table,
# and the name patterns hold dozens of them (a tenth of a second at every start). So UPPER also holds
# the small accented letters (Latin Extended-A mixes both cases anyway): a name starting with one is rare.
UPPER = "A-ZÀ-\u017f"
LOWER = "a-zß-\u017f"

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof rep sen gov gen lt col capt sgt adm st jr sr inc co corp ltd vs no u.s u.k u.n "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon coun ald det insp supt maj fr".split()
)
MAX_SENTENCE = 1_500  # characters; longer "sentences" are text without full stops, cut at spaces

# A full stop, ! or ? (and closing marks) followed by a capital, a digit or an opening mark.
SENTENCE_END = re.compile(rf"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[{UPPER}0-9…])")


def _is_abbreviation(before: str, after: str) -> bool:
    """Whether the full stop at the end of `before` ends an abbreviation, `after` being what follows it:
    not when a closing mark follows ('answer yes or no.' Then), and "no" only before a number (No. 10)."""
    if after[:1] and after[0] in "\"'”’)]":
        return False
    word = before.rsplit(" ", 1)[-1].rstrip(".").lower().lstrip('("“‘')
    if word == "no":
        return after.lstrip()[:1].isdigit()
    if word in ABBREVIATIONS or len(word) == 1:
        return True
    return bool(re.fullmatch(r"[a-z]-[a-z.]{1,4}", word))  # party and state: R-Pa., R-S.C.


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Sentences of one paragraph as (start, end) offsets, careful with Mr., Rep. and R-Pa."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(paragraph):
        end = match.end()
        if paragraph[match.start()] == "." and _is_abbreviation(
            paragraph[start : match.start() + 1], paragraph[match.start() + 1 : end + 1]
        ):
            continue
        spans.append((start, end))
        start = end
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return [piece for span in spans for piece in _cut_long(paragraph, *span)]


def sentence_starts(text: str) -> list[int]:
    """Where each sentence of `text` starts; a line break always ends one (a paragraph, or a wrapped line)."""
    starts, offset = [], 0
    for line in text.split("\n"):
        starts += [offset + start for start, _ in sentence_spans(line)]
        offset += len(line) + 1
    return starts or [0]


def _cut_long(paragraph: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut into pieces of at most MAX_SENTENCE characters, so that the work on each stays bounded."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = paragraph.rfind(" ", start + 1, start + MAX_SENTENCE)
        cut = cut + 1 if cut > start else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces
