"""Time expressions in news text, and the partial dates they give where they can."""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass

from ..dates import DateError, PartialDate
from ..dates import parse_date as _parse_date
from .text import ends_just_before

# The dates of a long article repeat ("1990", "2003-03"): each text is parsed once (a PartialDate is frozen).
parse_date = functools.lru_cache(maxsize=4096)(_parse_date)

MONTHS = "January February March April May June July August September October November December".split()
_MONTH = r"(?P<month>" + "|".join(MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
# Each pattern opens with a look-ahead for the characters it can start with: the regex engine then passes
# over most positions at once, instead of trying a look-behind, a \b or every month's name at each (the
# patterns that open with a month are twice as fast).
_AT_MONTH = "(?=[" + "".join(sorted({month[0] for month in MONTHS})) + "])"
_AT_YEAR = "(?=[12])"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
PATTERNS = [
    ("span", rf"(?=[Bb])\b[Bb]etween\s+(?P<a>{_YEAR})\s+and\s+(?P<b>{_YEAR})\b"),
    ("span", rf"(?=[Ff])\b[Ff]rom\s+(?P<a>{_YEAR})\s+(?:to|until|through)\s+(?P<b>{_YEAR})\b"),
    ("span", rf"{_AT_YEAR}\b(?P<a>{_YEAR})\s*[-–]\s*(?P<b>{_YEAR})\b"),
    ("date", rf"(?=\d)\b(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>{_YEAR})\b"),
    ("date", rf"{_AT_MONTH}\b{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>{_YEAR})\b"),
    ("month-year", rf"{_AT_MONTH}\b{_MONTH}\s+(?:of\s+)?(?P<year>{_YEAR})\b"),
    ("day", rf"(?=\d)\b(?P<day>\d{{1,2}})\s+{_MONTH}(?![\w])"),
    ("day", rf"{_AT_MONTH}\b{_MONTH}\s+(?P<day>\d{{1,2}})(?!\d)"),
    # A period that starts or ends then, not the date of what happened: "since 1945", "until 1989", "by 2026".
    ("period", rf"(?=[SsUuBbAa])\b(?:[Ss]ince|[Uu]ntil|[Bb]efore|[Aa]fter|[Bb]y)\s+"
     rf"(?:{_MONTH}\s+)?(?P<year>{_YEAR})\b"),
    ("decade", r"(?=[eml\d])\b(?P<qual>(?:early|mid|late)[- ])?(?P<decade>\d{3}0)s\b"),
    ("year", rf"{_AT_YEAR}(?<![\d$.,-])(?P<year>{_YEAR})(?![\d%])(?!-\d)"),
    ("weekday", r"(?=[MTWFS])\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("month", _AT_MONTH + r"(?:(?<=\bin )|(?<=\bon )|(?<=\bsince )|(?<=\buntil )|(?<=\bpassed )|(?<=\blast )"
     r"|(?<=\bnext )|(?<=\bearly )|(?<=\blate )|(?<=\bmid-)|(?<=\bof ))" + _MONTH + r"\b"),
    ("relative", r"(?=[lntey])\b(?:(?:last|next|this|earlier this|later this)\s+"
     r"(?:year|month|week|spring|summer|autumn|fall|winter)|yesterday|tomorrow)\b"),
]  # fmt: skip
_COMPILED = [(kind, re.compile(pattern)) for kind, pattern in PATTERNS]
# What each pattern needs in a sentence before it can match, tested once per sentence:
# most sentences have no month, many no digit, so most patterns need not run at all.
_CUES = {
    "digit": re.compile(r"\d"),
    "month": re.compile(_AT_MONTH + _MONTH),
    "weekday": re.compile(r"day\b"),
    "relative": re.compile(r"(?=[lnty])\b(?:last|next|this|later|yesterday|tomorrow)\b"),
}
# Looked for only in a sentence with a digit: a year (two for a span), or a decade's "0s".
_YEAR_CUE = re.compile(_YEAR)
_DECADE_CUE = re.compile(r"\d0s")
_NEEDS_BY_KIND = {
    "span": {"digit", "two years"}, "date": {"digit", "year", "month"}, "month-year": {"digit", "year", "month"},
    "day": {"digit", "month"}, "period": {"digit", "year"}, "decade": {"digit", "decade"},
    "year": {"digit", "year"}, "weekday": {"weekday"}, "month": {"month"}, "relative": {"relative"},
}  # fmt: skip

_BEFORE_DIGIT = len("Before September ")


@functools.cache
def _patterns_for(present: frozenset[str]) -> list[tuple[str, re.Pattern[str], bool]]:
    """The patterns that can match in a sentence with these cues, in priority order (one list per set of
    cues), each with whether it needs a digit."""
    return [
        (kind, pattern, "digit" in _NEEDS_BY_KIND[kind])
        for kind, pattern in _COMPILED
        if _NEEDS_BY_KIND[kind] <= present
    ]


# Numbers that look like years but are not: "resolution 1441", "flight 1549", "route 1901".
_NOT_YEAR_BEFORE = re.compile(
    r"(?:resolution|number|no\.|flight|route|page|article|section|chapter|model|code|room|bill|law|h\.r\.|s\.)\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    text: str
    kind: str
    date: PartialDate | None  # None when the text gives no year ("June 12", "Thursday")


def _month_number(name: str) -> int:
    return next(i for i, m in enumerate(MONTHS, 1) if m.lower().startswith(name.rstrip(".").lower()[:3]))


def _as_date(kind: str, match: re.Match[str]) -> PartialDate | None:
    try:
        if kind == "span":
            return parse_date(f"{match['a']}-{match['b']}")
        if kind == "date":
            return parse_date(f"{match['year']}-{_month_number(match['month']):02d}-{int(match['day']):02d}")
        if kind == "month-year":
            return parse_date(f"{match['year']}-{_month_number(match['month']):02d}")
        if kind == "decade":
            qualifier = (match["qual"] or "").strip(" -")
            return parse_date(f"{qualifier}-{match['decade']}s" if qualifier else f"{match['decade']}s")
        if kind == "year":
            return parse_date(match["year"])
    except DateError:
        return None
    return None


def find_times(sentence: str) -> list[TimeExpression]:
    """Every time expression of a sentence, longest first where they overlap."""
    taken = bytearray(len(sentence))  # 1 where a time expression found so far stands
    found: list[TimeExpression] = []
    cues = {need: hit for need, cue in _CUES.items() if (hit := cue.search(sentence))}
    present = set(cues)
    first_digit = 0
    if "digit" in cues:
        # A pattern with a digit matches no further back than this from the first digit ("Before September 1").
        first_digit = max(0, cues["digit"].start() - _BEFORE_DIGIT)
        years = len(_YEAR_CUE.findall(sentence, first_digit))
        if years:
            present.add("year")
        if years > 1:
            present.add("two years")
        if _DECADE_CUE.search(sentence, first_digit):
            present.add("decade")
    for kind, pattern, needs_digit in _patterns_for(frozenset(present)):
        for match in pattern.finditer(sentence, first_digit if needs_digit else 0):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            if kind == "year" and ends_just_before(_NOT_YEAR_BEFORE, sentence, start):
                continue
            if kind == "month" and match["month"] == "May" and start == 0:
                continue
            taken[start:end] = b"\x01" * (end - start)
            found.append(TimeExpression(start, end, match.group(), kind, _as_date(kind, match)))
    return sorted(found, key=lambda t: t.start)


WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_RELATIVE_YEAR = {"last year": -1, "this year": 0, "next year": 1}
_RELATIVE_DAY = {"yesterday": -1, "tomorrow": 1}
_DAY_MONTH = re.compile(rf"^(?P<day>\d{{1,2}})\s+{_MONTH}$")
_MONTH_DAY = re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}})$")


def resolve(time: TimeExpression, published: datetime.date) -> PartialDate | None:
    """The date a time expression without a year stands for in an article published on `published`:
    "Wednesday" is the last Wednesday up to that day, "yesterday" the day before, "last year" the
    year before, "June 12" or "March" in the year that puts them within six months before or after.
    None for what cannot be pinned to a date ("last week", "this fall")."""
    text = time.text.strip()
    lower = text.lower()
    if time.kind == "weekday":
        back = (published.weekday() - WEEKDAYS.index(text.capitalize())) % 7
        return _day(published - datetime.timedelta(days=back))
    if lower in _RELATIVE_DAY:
        return _day(published + datetime.timedelta(days=_RELATIVE_DAY[lower]))
    if lower in _RELATIVE_YEAR:
        return parse_date(str(published.year + _RELATIVE_YEAR[lower]))
    if time.kind in ("day", "month"):
        match = (_DAY_MONTH.match(text) or _MONTH_DAY.match(text)) if time.kind == "day" else re.match(_MONTH, text)
        if match is None:
            return None
        month = _month_number(match["month"])
        day = int(match["day"]) if time.kind == "day" else 1
        for year in (published.year, published.year - 1, published.year + 1):
            try:
                candidate = datetime.date(year, month, day)
            except ValueError:
                return None
            if abs((candidate - published).days) <= 183:
                return _day(candidate) if time.kind == "day" else parse_date(f"{year}-{month:02d}")
    return None


def _day(date: datetime.date) -> PartialDate:
    return parse_date(date.isoformat())
