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
_DATE_TIME = re.compile(r"<DATE_TIME>([^<]{1,60})</DATE_TIME>", re.IGNORECASE)
# The date stamps of news files: ISO ("2003-02-11 08:45:10", "2024-03-05T09:00:00Z"), the wire's
# "12/06/1998 23:10:00" (month first) and RFC 2822 ("Sun, 06 Dec 1998 23:10:00 -0500").
_ISO_STAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_US_STAMP = re.compile(r"(\d{2})/(\d{2})/(\d{4})(?:\s+\d{2}:\d{2}(?::\d{2})?)?")
_RFC_2822 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s+)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4}\s+\d{2}:\d{2}(?::\d{2})?"
    r"\s+(?:[+-]\d{4}|GMT|UT|[ECMP][SD]T)"
)
# Typewriter quotation marks of wire copy, turned into the marks they stand for.
_TYPEWRITER = {"``": "“", "''": "”"}
_TYPEWRITER_MARKS = re.compile("``|''")
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


# Control characters but tab and line breaks, and the noncharacters U+FFFE and U+FFFF: the quotations
# drafted from the article go into a YAML file, which may not hold them.
# "Mr. D. GWILYM PARRY (Lab.)": a name printed in capitals after its title, as parliamentary reports did.
_CAPITALS_AFTER_TITLE = re.compile(
    r"\b(?:Mr|Mrs|Miss|Ms|Dr|Sir|Lord|Lady|Captain|Colonel|Major|General|Alderman|Coun)\.?\s+"
    r"(?:[A-Z]\.\s+)*(?P<name>[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2})\b"
)
_CAPITAL_WORD = re.compile(r"[A-Z]{2,}(?:['’-][A-Z]+)*")
_TWO_CAPITALS = re.compile(r"[A-Z]{2}")


def names_in_capitals(paragraph: str) -> str:
    """`paragraph` with names printed in capitals after a title ("Mr. D. GWILYM PARRY") as names are written
    ("Mr. D. Gwilym Parry"), so that the drafter reads them as names. The same length: offsets hold."""
    if not _TWO_CAPITALS.search(paragraph):
        return paragraph  # most paragraphs: no word in capitals

    def title_case(match: re.Match[str]) -> str:
        words = _CAPITAL_WORD.sub(lambda word: _title_word(word.group()), match["name"])
        return match.group()[: match.start("name") - match.start()] + words

    return _CAPITALS_AFTER_TITLE.sub(title_case, paragraph)


def _title_word(word: str) -> str:
    """ "LLOYD-PRICE" -> "Lloyd-Price", "O'BRIEN" -> "O'Brien"."""
    return re.sub(r"[A-Z]+", lambda part: part.group().capitalize(), word)


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def clean(raw: str) -> CleanArticle:
    """Paragraphs of the article's body, each on one line, with markup and datelines removed."""
    title = ""
    published = None
    raw = _CONTROL.sub("", raw)
    if _SGML_HINT.search(raw):
        if stamp := _DATE_TIME.search(raw):
            published = date_stamp(stamp[1])
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
    paragraphs = [_TYPEWRITER_MARKS.sub(lambda m: _TYPEWRITER[m.group()], p) for p in paragraphs if p]
    for index, paragraph in enumerate(paragraphs[:3] if published is None else ()):
        if (published := date_stamp(paragraph)) is not None:  # a line with only the date: the article's date
            del paragraphs[index]
            break
    for index, paragraph in enumerate(paragraphs[:3]):  # after a byline or a slug line, the story starts
        if _DATELINE.match(paragraph):
            paragraphs[index] = _DATELINE.sub("", paragraph)
            break
    if not title and len(paragraphs) > 1 and len(paragraphs[0].split()) <= 12 and not paragraphs[0].endswith("."):
        title = paragraphs[0]  # a headline line
    return CleanArticle(title, tuple(paragraphs), published)


def date_stamp(text: str) -> datetime.date | None:
    """The date of a news file's date stamp, when `text` is only that (see _ISO_STAMP and the others)."""
    text = text.strip()
    try:
        if match := _ISO_STAMP.fullmatch(text):
            return datetime.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _US_STAMP.fullmatch(text):
            return datetime.date(int(match[3]), int(match[1]), int(match[2]))
        if _RFC_2822.fullmatch(text):
            import email.utils  # rarely needed: not at every start

            return email.utils.parsedate_to_datetime(text).date()
    except (ValueError, TypeError):  # "02/30/1998": no such day
        return None
    return None


def ends_just_before(pattern: re.Pattern[str], text: str, end: int) -> bool:
    """Whether `pattern`, a word or two anchored at its end by $, matches just before `end` ("the company"
    before a name, "flight" before a number). Only the forty characters before `end` are searched: from
    the text's start, the pattern would be tried at every position before it, once for each name or number."""
    return pattern.search(text, max(0, end - 40), end) is not None
