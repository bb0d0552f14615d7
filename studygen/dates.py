"""Partial, honest dates: a year, a month, a day, a decade with a qualifier, or a span.

History sources rarely give full dates, and a study tool must not invent precision
the article does not have, so a date keeps exactly what the teacher wrote.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

_QUALIFIER_OFFSET = {"early": 1, "mid": 4, "late": 7, "": 0}

_YEAR = r"(?P<year>\d{3,4})"
_FULL = re.compile(rf"^{_YEAR}(?:-(?P<month>\d{{1,2}})(?:-(?P<day>\d{{1,2}}))?)?$")
_DECADE = re.compile(r"^(?:(?P<qual>early|mid|late)[- ])?(?P<decade>\d{2,3}0)s$")
_SPAN = re.compile(r"^(?P<start>\d{3,4})\s*(?:-|–|—|to)\s*(?P<end>\d{3,4})$")


class DateError(ValueError):
    """The text is not a date studygen understands; the message says why."""


@dataclass(frozen=True)
class PartialDate:
    """A date as precise as the source: `1990`, `2000-06`, `2017-06-12`, `mid-1950s`, `1998-2004`."""

    text: str
    start: int
    end: int
    month: int | None = None
    day: int | None = None
    qualifier: str | None = None
    decade: bool = False

    @property
    def is_span(self) -> bool:
        return self.start != self.end and not self.decade

    @property
    def sort_key(self) -> tuple[int, int, int]:
        if self.decade:
            return (self.start + _QUALIFIER_OFFSET[self.qualifier or ""], 0, 0)
        return (self.start, self.month or 0, self.day or 0)

    @property
    def first_day(self) -> tuple[int, int, int]:
        """The earliest day the date may mean, as (year, month, day): 1947 starts on 1 January 1947."""
        return (self.start, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> tuple[int, int, int]:
        """The latest day the date may mean: 1947 ends on 31 December, June 1947 on 30 June."""
        if self.month is not None:
            return (self.end, self.month, self.day or calendar.monthrange(self.end, self.month)[1])
        return (self.end, 12, 31)

    @property
    def years(self) -> tuple[str, ...]:
        """The numbers a passage must mention to support this date."""
        if self.decade:
            return (f"{self.start}s",)
        if self.is_span:
            return (str(self.start), str(self.end))
        return (str(self.start),)

    def display(self) -> str:
        """How the date reads in a sentence after "in": `1990`, `June 2000`, `the mid-1950s`."""
        if self.decade:  # "the mid-1950s" (a compound), "the early 1970s" (an adjective)
            qual = {"mid": "mid-", None: ""}.get(self.qualifier, f"{self.qualifier} ")
            return f"the {qual}{self.start}s"
        if self.is_span:
            return f"{self.start}–{self.end}"
        if self.day:
            return f"{self.day} {calendar.month_name[self.month or 1]} {self.start}"
        if self.month:
            return f"{calendar.month_name[self.month]} {self.start}"
        return str(self.start)

    def answer(self) -> str:
        """The answer form: `1990`, `the mid-1950s`, `1998–2004` (a decade is a noun phrase: "the 1990s")."""
        return self.display()

    def contains(self, other: PartialDate) -> bool:
        """Whether `other` falls within this date (used to tell distractors that are true)."""
        return self.start <= other.start and other.end <= self.end


def parse_date(value: object) -> PartialDate:
    """Parse what a teacher typed; raise DateError with a fix-it message when it is not a date."""
    if isinstance(value, bool) or value is None:
        raise DateError("expected a date such as 1990, 2000-06, mid-1950s or 1998-2004")
    text = str(value).strip()
    if match := _FULL.match(text):
        year = int(match["year"])
        month = int(match["month"]) if match["month"] else None
        day = int(match["day"]) if match["day"] else None
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"month {month} in '{text}' is not between 1 and 12")
        if day is not None and month is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(f"day {day} in '{text}' does not exist in that month")
        return PartialDate(text, year, year, month, day)
    if match := _DECADE.match(text):
        start = int(match["decade"])
        return PartialDate(text, start, start + 9, qualifier=match["qual"], decade=True)
    if match := _SPAN.match(text):
        start, end = int(match["start"]), int(match["end"])
        if end <= start:
            raise DateError(f"the span '{text}' ends before it starts; write the earlier year first")
        return PartialDate(text, start, end)
    raise DateError(f"'{text}' is not a date studygen understands")


DATE_HINT = (
    "write a year (1990), a year and month (2000-06), a full date (2017-06-12), "
    "a decade (1990s, mid-1950s) or a span (1998-2004), using digits only"
)
