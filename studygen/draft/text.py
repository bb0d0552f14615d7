"""Article text for drafting: news markup removed, paragraphs, sentences and quote marks.

Real news files come as plain text with one paragraph per line, as plain text with
blank lines between paragraphs, or as SGML (<DOC>, <TEXT>, <P>) hard-wrapped at 70
columns with ``wire-style quotes''. All become paragraphs of single-spaced text.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

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


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # all but tab and line breaks


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


def ends_just_before(pattern: re.Pattern[str], text: str, end: int) -> bool:
    """Whether `pattern`, a word or two anchored at its end by $, matches just before `end` ("the company"
    before a name, "flight" before a number). Only the forty characters before `end` are searched: from
    the text's start, the pattern would be tried at every position before it, once for each name or number."""
    return pattern.search(text, max(0, end - 40), end) is not None
