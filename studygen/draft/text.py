"""Article text for drafting: news markup removed, paragraphs, sentences and quote marks.

Real news files come as plain text with one paragraph per line, as plain text with
blank lines between paragraphs, or as SGML (<DOC>, <TEXT>, <P>) hard-wrapped at 70
columns with ``wire-style quotes''. All become paragraphs of single-spaced text.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

# Letters of Latin-script names, not just ASCII: "Émile", "Erdoğan", "Łukasz", "Müller". Each class is
# two ranges: Python compiles a class of more ranges that reaches past Latin-1 into a 64K-entry table,
# and the name patterns hold dozens of them (a tenth of a second at every start). So UPPER also holds
# the small accented letters (Latin Extended-A mixes both cases anyway): a name starting with one is rare.
UPPER = "A-ZÀ-\u017f"
LOWER = "a-zß-\u017f"
_SGML_HINT = re.compile(r"<(DOC|TEXT|BODY|P)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>\n]{1,80}>")
# "WASHINGTON (AP) -- ", "BERLIN (Reuters) - ", "LONDON — "
_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'-]{1,40}?(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?)?\s*(?:\([A-Za-z. ]{1,20}\))?"
    r"\s+(?:--|—|–|-|_)\s+"
)
_DATE_TIME = re.compile(r"<DATE_TIME>\s*(\d{4})-(\d{2})-(\d{2})", re.IGNORECASE)
_HEADLINE = re.compile(r"<HEADLINE>(.*?)</HEADLINE>", re.IGNORECASE | re.DOTALL)
# Double quote marks of every style become '"'; curly single quotes become "'".
_DOUBLE = re.compile(r"``|''|[“”„‟«»\"]")
_SINGLE = re.compile(r"[‘’‚‛]")

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof rep sen gov gen lt col capt sgt adm st jr sr inc co corp ltd vs no u.s u.k u.n "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon".split()
)


@dataclass(frozen=True)
class CleanArticle:
    title: str
    paragraphs: tuple[str, ...]
    published: datetime.date | None = None  # from the SGML <DATE_TIME>: what "Monday" and "last year" count from

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs) + "\n"


def normalise_marks(text: str) -> str:
    return _SINGLE.sub("'", _DOUBLE.sub('"', text))


# Control characters but tab and line breaks, and the noncharacters U+FFFE and U+FFFF: the quotations
# drafted from the article go into a YAML file, which may not hold them.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def clean(raw: str) -> CleanArticle:
    """Paragraphs of the article's body, each on one line, with markup and datelines removed."""
    title = ""
    published = None
    raw = _CONTROL.sub("", raw)
    if _SGML_HINT.search(raw):
        if stamp := _DATE_TIME.search(raw):
            try:
                published = datetime.date(int(stamp[1]), int(stamp[2]), int(stamp[3]))
            except ValueError:
                published = None
        if match := _HEADLINE.search(raw):
            title = " ".join(_TAG.sub(" ", match.group(1)).split())
        body = raw
        if (start := re.search(r"<TEXT>", raw, re.IGNORECASE)) and (end := re.search(r"</TEXT>", raw, re.IGNORECASE)):
            body = raw[start.end() : end.start()]
        pieces = re.split(r"</?P>", body, flags=re.IGNORECASE)
        paragraphs = [" ".join(_TAG.sub(" ", piece).split()) for piece in pieces]
    elif re.search(r"\n\s*\n", raw.strip()):
        paragraphs = [" ".join(block.split()) for block in re.split(r"\n\s*\n", raw)]
    else:
        paragraphs = [" ".join(line.split()) for line in raw.splitlines()]
    paragraphs = [p for p in paragraphs if p]
    for index, paragraph in enumerate(paragraphs[:3]):  # after a byline or a slug line, the story starts
        if _DATELINE.match(paragraph):
            paragraphs[index] = _DATELINE.sub("", paragraph)
            break
    if not title and len(paragraphs) > 1 and len(paragraphs[0].split()) <= 12 and not paragraphs[0].endswith("."):
        title = paragraphs[0]  # a headline line
    return CleanArticle(title, tuple(paragraphs), published)


def _is_abbreviation(before: str) -> bool:
    word = before.rsplit(" ", 1)[-1].rstrip(".").lower().lstrip('("')
    if word in ABBREVIATIONS or len(word) == 1:
        return True
    return bool(re.fullmatch(r"[a-z]-[a-z.]{1,4}", word))  # party and state: R-Pa., R-S.C.


# A full stop, ! or ? (and closing marks) followed by a capital, a digit or an opening mark.
_SENTENCE_END = re.compile(rf"[.!?][\"')\]]*\s+(?=[\"'(\[]?[{UPPER}0-9…])")


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """Sentences of one paragraph as (start, end) offsets, careful with Mr., Rep. and R-Pa."""
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        end = match.end()
        if paragraph[match.start()] == "." and _is_abbreviation(paragraph[start : match.start() + 1]):
            continue
        spans.append((start, end))
        start = end
    if start < len(paragraph):
        spans.append((start, len(paragraph)))
    return [piece for span in spans for piece in _cut_long(paragraph, *span)]


def ends_just_before(pattern: re.Pattern[str], text: str, end: int) -> bool:
    """Whether `pattern`, a word or two anchored at its end by $, matches just before `end` ("the company"
    before a name, "flight" before a number). Only the forty characters before `end` are searched: from
    the text's start, the pattern would be tried at every position before it, once for each name or number."""
    return pattern.search(text, max(0, end - 40), end) is not None


MAX_SENTENCE = 1_500  # characters; longer "sentences" are text without full stops, cut at spaces


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
