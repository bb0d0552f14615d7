from __future__ import annotations

import pytest

from studygen.dates import DateError, parse_date


@pytest.mark.parametrize(
    ("text", "start", "end", "display"),
    [
        (1990, 1990, 1990, "1990"),
        ("2000-06", 2000, 2000, "June 2000"),
        ("2017-06-12", 2017, 2017, "12 June 2017"),
        ("1990s", 1990, 1999, "the 1990s"),
        ("mid-1950s", 1950, 1959, "the mid-1950s"),
        ("early 1990s", 1990, 1999, "the early 1990s"),  # an adjective: no hyphen
        ("1998-2004", 1998, 2004, "1998–2004"),
    ],
)
def test_valid_dates(text: object, start: int, end: int, display: str) -> None:
    date = parse_date(text)
    assert (date.start, date.end, date.display()) == (start, end, display)


@pytest.mark.parametrize("text", ["199O", "2004-1998", "1990-13", "2001-02-29", "soon", "", True, None, "19"])
def test_invalid_dates(text: object) -> None:
    with pytest.raises(DateError):
        parse_date(text)


def test_sorting_puts_the_mid_fifties_between_1949_and_1990() -> None:
    dates = [parse_date(t) for t in ("1990", "mid-1950s", "1949", "2000-06", "2000")]
    assert [d.text for d in sorted(dates, key=lambda d: d.sort_key)] == ["1949", "mid-1950s", "1990", "2000", "2000-06"]
