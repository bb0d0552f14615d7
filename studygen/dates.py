"""Partial, honest dates, as historians write them.

A year, a month, a day, a season, a decade or century (with early/mid/late), a span of
any of the first three; BC and AD; circa and uncertain. History sources rarely give
full dates, and a study tool must not invent precision the article does not have, so
a date keeps exactly what the teacher wrote. Every form studygen prints is also read
back ("13 May 1999", "the mid-1950s", "c. 1200", "44 BC", "1998–2004").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

_QUALIFIER_OFFSET = {"early": 1, "mid": 4, "late": 7, "": 0}  # years into a decade (times 10 for a century)
SEASONS = ("spring", "summer", "autumn", "winter")
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}
_SEASON_WORDS = {**{s: s for s in SEASONS}, "fall": "autumn"}
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS |= {name.lower(): number for number, name in enumerate(calendar.month_abbr) if name}
_MONTHS["sept"] = 9
# The days of the week, as a pattern: news dates what it reports by them ("on Tuesday", "Saturday night").
WEEKDAYS = "|".join(calendar.day_name)
_MONTH = r"(?P<mname>[A-Za-z]{3,9})\.?"

_BC = r"(?:BC|BCE|B\.C\.|B\.C\.E\.)"
_AD = r"(?:AD|CE|A\.D\.|C\.E\.)"
_ERA_AFTER = rf"(?:\s*(?P<bc>{_BC})|\s*(?P<ad>{_AD}))?"
_CIRCA = re.compile(r"^(?:c\.|ca\.|circa|c)\s*(?=\d|AD\b|CE\b)", re.I)
_AD_FIRST = rf"(?:{_AD}\s+)?"  # 12 May AD 44
_ISO = re.compile(r"^(?P<year>\d{3,4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?(?P<mark>[~?%])?$")
_ERA_YEAR = re.compile(rf"^(?:(?P<adfirst>{_AD})\s*)?(?P<year>\d{{1,4}}){_ERA_AFTER}(?P<mark>[~?%])?$", re.I)
_DAY_MONTH = re.compile(rf"^(?P<day>\d{{1,2}})\s+{_MONTH},?\s+{_AD_FIRST}(?P<year>\d{{1,4}}){_ERA_AFTER}$", re.I)
_MONTH_DAY = re.compile(rf"^{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+{_AD_FIRST}(?P<year>\d{{1,4}}){_ERA_AFTER}$", re.I)
_MONTH_YEAR = re.compile(rf"^{_MONTH},?\s+{_AD_FIRST}(?P<year>\d{{1,4}}){_ERA_AFTER}$", re.I)
_SEASON = re.compile(
    rf"^(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_AD_FIRST}(?P<year>\d{{1,4}}){_ERA_AFTER}$", re.I
)
_QUAL = r"(?:(?P<qual>early|mid|late)(?:-|\s+))?"
_DECADE = re.compile(rf"^{_QUAL}(?P<decade>\d{{1,3}}0)s{_ERA_AFTER}$", re.I)
_CENTURY = re.compile(
    rf"^{_QUAL}(?:(?P<number>\d{{1,2}})(?:st|nd|rd|th)|(?P<word>[a-z]+))[- ]century{_ERA_AFTER}$", re.I
)
_PART_OF_YEAR = re.compile(
    rf"^(?P<qual>early|mid|late)(?:-|\s+)(?:in\s+)?{_AD_FIRST}(?P<year>\d{{3,4}}){_ERA_AFTER}$", re.I
)
_YEAR_THIRDS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}  # the months "early 2002" may mean
_OPEN_START = re.compile(r"^(?:from|since)\s+(?P<start>.+)$", re.I)  # from 1994: the article gives no end
_OPEN_DASH = re.compile(r"^(?P<start>.+?)\s*[-–—]$")  # 1994-
_SHORT_SPAN = re.compile(r"^(?P<start>\d{3,4})\s*[-–—]\s*(?P<end>\d{2})$")  # 1914-18
_SPAN_SEPARATORS = re.compile(r"\s+(?:to|until)\s+|\s*/\s*|\s*[–—]\s*|\s+-\s+")
_YEARS_SPAN = re.compile(rf"^(?P<start>\d{{3,4}})-(?P<end>\d{{3,4}})(?:\s*(?P<bc>{_BC}))?$")


class DateError(ValueError):
    """The text is not a date studygen understands; the message says why."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def year_text(year: int) -> str:
    """A signed year as written: 1990, 44 BC (year -44; there is no year 0), AD 43 (a short year alone)."""
    if year < 0:
        return f"{-year} BC"
    return f"AD {year}" if year < 100 else str(year)


@dataclass(frozen=True)
class PartialDate:
    """A date as precise as the source: `1990`, `2000-06`, `2017-06-12`, `mid-1950s`, `1998-2004`,
    `44 BC`, `c. 1200`, `1200?`, `the 5th century BC`, `spring 1986`, `2010-05 to 2014-07`.

    Years are signed (44 BC is -44, there is no year 0); `start` and `end` are the first and last
    year the date may mean, so a century or decade spans its years and a plain year has start == end.
    """

    text: str
    start: int
    end: int
    month: int | None = None
    day: int | None = None
    qualifier: str | None = None
    decade: bool = False
    century: int | None = None  # 5 for the 5th century, -5 for the 5th century BC
    season: str | None = None
    approximate: bool = False  # c. 1200
    uncertain: bool = False  # 1200?
    end_month: int | None = None  # a span's last month and day: 2010-05 to 2014-07
    end_day: int | None = None
    open_end: bool = False  # from 1994: a span whose end the source does not give (never taken as ended)

    @property
    def part_of_year(self) -> bool:
        """early 2002, mid-2002, late 2002: a third of one year."""
        return self.qualifier is not None and not self.is_period

    @property
    def is_span(self) -> bool:
        spans = self.start != self.end or self.end_month is not None or self.open_end
        return spans and not self.decade and self.century is None

    @property
    def is_period(self) -> bool:
        """A decade or century: asked "in which decade/century", never as a year."""
        return self.decade or self.century is not None

    @property
    def sort_key(self) -> tuple[int, int, int]:
        if self.is_period:
            step = 100 if self.century is not None else 10
            return (self.start + _QUALIFIER_OFFSET[self.qualifier or ""] * step // 10, 0, 0)
        if self.season:
            return (self.start, _SEASON_MONTHS[self.season][0], 0)
        if self.part_of_year:
            return (self.start, _YEAR_THIRDS[self.qualifier or "early"][0], 0)
        return (self.start, self.month or 0, self.day or 0)

    @property
    def first_day(self) -> tuple[int, int, int]:
        """The earliest day the date may mean, as (year, month, day): 1947 starts on 1 January 1947."""
        if self.season:
            return (self.start, _SEASON_MONTHS[self.season][0], 1)
        if self.part_of_year:
            return (self.start, _YEAR_THIRDS[self.qualifier or "early"][0], 1)
        return (self.start, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> tuple[int, int, int]:
        """The latest day the date may mean: 1947 ends on 31 December, June 1947 on 30 June."""
        if self.season:
            last = _SEASON_MONTHS[self.season][1]
            year = self.start + (1 if last < _SEASON_MONTHS[self.season][0] else 0)
            return (year, last, calendar.monthrange(_calendar_year(year), last)[1])
        if self.open_end:
            return (9999, 12, 31)  # not known to have ended
        if self.part_of_year:
            last = _YEAR_THIRDS[self.qualifier or "early"][1]
            return (self.start, last, calendar.monthrange(_calendar_year(self.start), last)[1])
        month = self.end_month if self.end_month is not None else (self.month if not self.is_span else None)
        day = self.end_day if self.end_month is not None else self.day
        if month is not None:
            return (self.end, month, day or calendar.monthrange(_calendar_year(self.end), month)[1])
        return (self.end, 12, 31)

    @property
    def years(self) -> tuple[str, ...]:
        """The numbers (or words) a passage must mention to support this date."""
        if self.century is not None:
            return (_ordinal(abs(self.century)) + " century",)
        if self.decade:
            return (f"{abs(self.start) if self.start >= 0 else -self.end}s",)
        if self.is_span and self.start != self.end:
            return (str(abs(self.start)), str(abs(self.end)))
        return (str(abs(self.start)),)

    def unmentioned(self, text: str) -> list[str]:
        """The parts of `years` that `text` does not mention ('fifth century' counts as '5th century', and
        news copy's short forms count: '1962-71' mentions 1971, "the '60s" the 1960s)."""
        lowered = text.lower()
        missing = []
        for year in self.years:
            found = year.lower() in lowered or _short_year(year, lowered)
            if not found and self.century is not None and abs(self.century) <= len(_ORDINAL_WORDS):
                found = f"{_ORDINAL_WORDS[abs(self.century) - 1]} century" in lowered
            if not found:
                missing.append(year)
        return missing

    def _single(self, year: int, month: int | None, day: int | None, era: bool) -> str:
        shown = year_text(year) if era else str(year)
        if day:
            return f"{day} {calendar.month_name[month or 1]} {shown}"
        if month:
            return f"{calendar.month_name[month]} {shown}"
        return shown

    def display(self) -> str:
        """How the date reads in a sentence after "in": `1990`, `June 2000`, `the mid-1950s`, `c. 1200`,
        `the 5th century BC`, `the spring of 1986`, `44 BC`."""
        if self.century is not None:
            qual = {"mid": "mid-", None: ""}.get(self.qualifier, f"{self.qualifier} ")
            return f"the {qual}{_ordinal(abs(self.century))} century{' BC' if self.century < 0 else ''}"
        if self.decade:  # "the mid-1950s" (a compound), "the early 1970s" (an adjective)
            qual = {"mid": "mid-", None: ""}.get(self.qualifier, f"{self.qualifier} ")
            if self.start < 0:
                return f"the {qual}{-self.end}s BC"
            return f"the {qual}{self.start}s"
        if self.season:
            return f"the {self.season} of {year_text(self.start)}"
        if self.open_end:
            return f"from {self._single(self.start, self.month, self.day, True)}"
        if self.part_of_year:
            return f"{'mid-' if self.qualifier == 'mid' else f'{self.qualifier} '}{year_text(self.start)}"
        if self.is_span:
            bc = self.start < 0
            if self.month is None and self.end_month is None:
                if bc and self.end > 0:
                    return f"{year_text(self.start)} – AD {self.end}"
                end = year_text(self.end) if bc else str(self.end)
                return f"{-self.start if bc else self.start}–{end}"
            first = self._single(self.start, self.month, self.day, bc)
            return f"{first} – {self._single(self.end, self.end_month, self.end_day, bc)}"
        shown = self._single(self.start, self.month, self.day, True)
        if self.approximate:
            return f"c. {shown}"
        return f"{shown}?" if self.uncertain else shown

    def answer(self) -> str:
        """The answer form: `1990`, `the mid-1950s`, `1998–2004` (a decade is a noun phrase: "the 1990s")."""
        return self.display()

    def phrase(self) -> str:
        """The date after a verb: `in 1990`, `on 12 June 2017`, `from 1998 to 2004`, `in about 1200`,
        `probably in 1200`, `in the spring of 1986`."""
        if self.open_end:
            return self.display()
        if self.is_span:
            bc = self.start < 0 or self.end < 0
            first = self._single(self.start, self.month, self.day, bc)
            return f"from {first} to {self._single(self.end, self.end_month, self.end_day, bc or self.start < 0)}"
        plain = self._single(self.start, self.month, self.day, True)
        if self.approximate:
            return f"in about {plain}"
        if self.uncertain:
            return f"probably {'on' if self.day else 'in'} {plain}"
        return ("on " if self.day else "in ") + self.display()

    def contains(self, other: PartialDate) -> bool:
        """Whether `other` falls within this date (used to tell distractors that are true)."""
        return self.first_day <= other.first_day and other.last_day <= self.last_day

    def moved(self, steps: int) -> PartialDate | None:
        """The date of the same form `steps` of its own unit away (a century, a year, ten years for a
        circa or uncertain year), for wrong answers of the answer's form; None for other forms."""
        if self.century is not None:
            number = _step_over_zero(self.century, steps)
            return parse_date(f"the {_ordinal(abs(number))} century{' BC' if number < 0 else ''}")
        if self.is_span or self.decade or self.season or self.month:
            return None
        year = year_text(_step_over_zero(self.start, steps * (10 if self.approximate or self.uncertain else 1)))
        if self.part_of_year:
            return parse_date(f"{self.qualifier} {year}")
        return parse_date(f"c. {year}" if self.approximate else f"{year}?" if self.uncertain else year)

    def overlaps(self, other: PartialDate) -> bool:
        """Whether the two may share a day: 2010-05 to 2014-07 and 2014-09 to 2016 do not."""
        return self.first_day <= other.last_day and other.first_day <= self.last_day


def _step_over_zero(number: int, steps: int) -> int:
    """Count `steps` from a year or century, with no year 0 between 1 BC (-1) and AD 1."""
    moved = (number if number > 0 else number + 1) + steps
    return moved if moved > 0 else moved - 1


def _calendar_year(year: int) -> int:
    return year if year > 0 else 4 - (-year % 4)  # leap years BC only matter for 29 February


def _signed(year: int, bc: object) -> int:
    return -year if bc else year


def _check_year(year: int, text: str) -> None:
    if year == 0:
        raise DateError(f"'{text}' names the year 0, which the calendar does not have", "1 BC is followed by AD 1")


def _month_number(name: str, text: str) -> int:
    number = _MONTHS.get(name.lower().rstrip("."))
    if number is None:
        raise DateError(f"'{name}' in '{text}' is not a month", "write the month's English name, e.g. 13 May 1999")
    return number


def _day_date(
    text: str, year: int, month: int | None, day: int | None, bc: object = None, mark: str = ""
) -> PartialDate:
    _check_year(year, text)
    if month is not None and not 1 <= month <= 12:
        raise DateError(
            f"month {month} in '{text}' is not between 1 and 12",
            "write year-month-day with the month from 01 to 12, e.g. 1949-04-04, or 1914-18 for a span",
        )
    signed = _signed(year, bc)
    if day is not None and month is not None:
        last = calendar.monthrange(_calendar_year(signed), month)[1]
        if not 1 <= day <= last:
            raise DateError(
                f"day {day} in '{text}' does not exist in that month",
                f"that month has {last} days; write year-month-day, e.g. 1961-08-13",
            )
    return PartialDate(text, signed, signed, month, day, approximate=mark in "~%" and mark != "",
                       uncertain=mark in "?%" and mark != "")  # fmt: skip


def _single(text: str) -> PartialDate:
    """One date that is not a span."""
    body = text
    if circa := _CIRCA.match(body):
        body = body[circa.end() :]
        date = _single(body)
        if date.is_period or date.season or date.approximate or date.uncertain:
            raise DateError(f"'{text}': circa goes with a year, month or day", "write c. 1200 or 1200~")
        return PartialDate(text, date.start, date.end, date.month, date.day, approximate=True)
    if match := _ISO.match(body):
        return _day_date(text, int(match["year"]), _int(match["month"]), _int(match["day"]), None, match["mark"] or "")
    if match := _ERA_YEAR.match(body):
        if match["adfirst"] and match["bc"]:
            raise DateError(f"'{text}' is both AD and BC")
        if not (match["bc"] or match["ad"] or match["adfirst"]) and len(match["year"]) < 3:
            raise DateError(f"'{text}' is too short for a year", "write AD 43 or 43 AD for a year before 100")
        return _day_date(text, int(match["year"]), None, None, match["bc"], match["mark"] or "")
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        if match := pattern.match(body):
            month = _month_number(match["mname"], text)
            return _day_date(text, int(match["year"]), month, int(match["day"]), match["bc"])
    if match := _PART_OF_YEAR.match(body):  # early 2002, mid-2002
        year = _signed(int(match["year"]), match["bc"])
        _check_year(year, text)
        return PartialDate(text, year, year, qualifier=match["qual"].lower())
    if match := _SEASON.match(body):
        year = _signed(int(match["year"]), match["bc"])
        _check_year(year, text)
        return PartialDate(text, year, year, season=_SEASON_WORDS[match["season"].lower()])
    if match := _MONTH_YEAR.match(body):
        return _day_date(text, int(match["year"]), _month_number(match["mname"], text), None, match["bc"])
    if match := _DECADE.match(body):
        start = int(match["decade"])
        if match["bc"]:  # the 440s BC run from 449 BC to 440 BC
            return PartialDate(text, -(start + 9), -start, qualifier=_lower(match["qual"]), decade=True)
        return PartialDate(text, start, start + 9, qualifier=_lower(match["qual"]), decade=True)
    if match := _CENTURY.match(body):
        if match["number"]:
            number = int(match["number"])
        elif match["word"] and match["word"].lower() in _ORDINAL_WORDS:
            number = _ORDINAL_WORDS.index(match["word"].lower()) + 1
        else:
            raise DateError(f"'{text}' is not a century studygen understands", "write 5th century BC, 12th century")
        if number == 0:
            raise DateError(f"'{text}': centuries start at the 1st")
        qual = _lower(match["qual"])
        if match["bc"]:  # the 5th century BC: 500 BC to 401 BC
            return PartialDate(text, -100 * number, -100 * (number - 1) - 1, qualifier=qual, century=-number)
        return PartialDate(text, 100 * (number - 1) + 1, 100 * number, qualifier=qual, century=number)
    raise DateError(f"'{text}' is not a date studygen understands", _nearest(text))


def _int(text: str | None) -> int | None:
    return int(text) if text else None


def _lower(text: str | None) -> str | None:
    return text.lower() if text else None


def _span(text: str, start: PartialDate, end: PartialDate) -> PartialDate:
    for part in (start, end):
        if part.is_period or part.season or part.approximate or part.uncertain:
            raise DateError(f"the span '{text}' must join two years, months or days",
                            "write 1998-2004, 2010-05 to 2014-07 or 44 BC to AD 14")  # fmt: skip
    if (start.day is None) != (end.day is None) or (start.month is None) != (end.month is None):
        raise DateError(f"the span '{text}' mixes precisions", "give both ends alike: 2010-05 to 2014-07")
    if end.last_day <= start.first_day or (start.day is None and end.first_day <= start.last_day):
        raise DateError(f"the span '{text}' ends before it starts; write the earlier date first")
    return PartialDate(text, start.start, end.end, start.month, start.day, end_month=end.month, end_day=end.day)


def _open_span(text: str, body: str, start_text: str) -> PartialDate:
    """`from 1994`, `since May 1994`, `1994-`: held or going on from a date, with no end given
    (`from 1998 to 2004`, as studygen prints a span after a verb, is the span)."""
    if _OPEN_START.match(body) and _SPAN_SEPARATORS.search(start_text):  # from 1998 to 2004: both ends
        return replace(parse_date(start_text), text=text)
    start = _single(start_text.strip())
    if start.is_period or start.season or start.part_of_year or start.approximate or start.uncertain:
        raise DateError(f"the span '{text}' must start at a year, month or day", "write from 1994 or 1994-")
    return replace(start, text=text, open_end=True)


def parse_date(value: object) -> PartialDate:
    """Parse what a teacher typed; raise DateError with a fix-it message when it is not a date."""
    if isinstance(value, bool) or value is None:
        raise DateError("expected a date such as 1990, 2000-06, mid-1950s or 1998-2004")
    text = " ".join(str(value).split())
    body = re.sub(r"^the\s+", "", text, flags=re.I)
    if (isinstance(value, int) and value < 0) or body.startswith("-"):
        raise DateError(f"'{text}': write a year before Christ with BC", f"write {str(value).lstrip('-0')} BC")
    if match := _OPEN_START.match(body) or _OPEN_DASH.match(body):
        return _open_span(text, body, match["start"])
    if match := _SHORT_SPAN.match(body):  # 1914-18, but 1914-05 is May 1914
        start, end = int(match["start"]), int(match["start"][:-2] + match["end"])
        if int(match["end"]) > 12 and end > start:  # else a month: 1949-13 is month 13, not 1913
            return PartialDate(text, start, end)
    if match := _YEARS_SPAN.match(body):
        start, end = _signed(int(match["start"]), match["bc"]), _signed(int(match["end"]), match["bc"])
        if end <= start:
            raise DateError(
                f"the span '{text}' ends before it starts",
                f"write the earlier year first: {match['end']}-{match['start']}",
            )
        return PartialDate(text, start, end)
    parts = _SPAN_SEPARATORS.split(body)
    if len(parts) == 1:
        try:
            date = _single(body)
        except DateError as exc:
            raise DateError(str(exc), exc.hint or _nearest(text)) from None
        return replace(date, text=text)
    if len(parts) == 2 and all(parts):
        first, last = parts
        if re.search(_BC, last, re.I) and not re.search(_BC + "|" + _AD, first, re.I):
            first += " BC"  # 490–479 BC: both ends are BC
        try:
            ends = _single(first.strip()), _single(last.strip())
        except DateError:  # the hint of one end ("'08' is too short for a year") would mislead
            ends = None
        if ends is not None:
            return _span(text, *ends)
    raise DateError(f"'{text}' is not a date studygen understands", _nearest(text))  # 12/08/2000


def _nearest(text: str) -> str:
    """The accepted form nearest to what the teacher wrote, from the numbers in it."""
    if re.search(r"\d[oOlI]|[oOlI]\d", text):
        fixed = re.sub(r"(?<=\d)[oO]|[oO](?=\d)", "0", re.sub(r"(?<=\d)[lI]|[lI](?=\d)", "1", text))
        return f"write digits, not letters: {fixed}"
    numbers = re.findall(r"\d+", text)
    four = [n for n in numbers if len(n) == 4]
    if len(numbers) == 3 and four:  # 12/08/2000, 2000.08.12
        year = four[0]
        day, month = [int(n) for n in numbers if n != year][:2]
        if 1 <= month <= 12:
            return f"write the date as {year}-{month:02d}-{day:02d} or {day} {calendar.month_name[month]} {year}"
    if len(four) == 2:
        return f"write a span as {four[0]}-{four[1]} or {four[0]} to {four[1]}"
    if len(numbers) == 2 and four:  # 08/2000
        other = int(next(n for n in numbers if n != four[0]))
        if 1 <= other <= 12:
            return f"write the month as {four[0]}-{other:02d} or {calendar.month_name[other]} {four[0]}"
    if four:
        return f"write the year alone ({four[0]}) or one of the forms: {DATE_FORMS}"
    return f"use one of the forms: {DATE_FORMS}"


DATE_FORMS = (
    "1990, 2000-06, 2017-06-12 or 12 June 2017, spring 1986, 1990s or mid-1950s, the 5th century BC, "
    "44 BC or AD 43, c. 1200, 1200?, early 2002 or mid-2002, 1998-2004, 1914-18, 2010-05 to 2014-07, "
    "from 1994 or 1994-"
)
DATE_HINT = f"write a date in one of the forms: {DATE_FORMS}"


def _short_year(year: str, text: str) -> bool:
    """Whether `text` gives a year or decade in news copy's short form: the end of a span after a year of
    the same century ("1962-71" for 1971), or a decade by its last two digits ("the '60s", "the `60s", "the 60s")."""
    match = re.fullmatch(r"(\d\d)(\d\d)(s?)", year)
    if match is None:
        return False
    century, tail, decade = match.groups()
    if decade:
        return re.search(rf"(?:['`‘’]|\bthe ){tail}s\b", text) is not None
    return re.search(rf"\b{century}\d\d\s*[-–]\s*{tail}\b", text) is not None
