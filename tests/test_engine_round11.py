"""Rules from the eleventh round of teachers' judgements, on the invented harbour town of
tests/test_engine_round5.py: a year the teacher gives is offered no neighbouring year as a wrong answer.
(A name written under a header that names it, and a word bank's grammatical forms:
tests/test_sheet_leaks.py.)

Each rule has a case it must reject and one it must keep.
"""

from __future__ import annotations

from pathlib import Path

from .test_engine_round5 import ARTICLE, FACTS, _questions

# -- a teacher's year ----------------------------------------------------------------------------

MUSEUM = "  - {id: museum, kind: event, what: the ferry museum opened, when: 1993, evidence: The ferry museum opened%s}\n"


def _museum_years(folder: Path, teacher: str = "") -> tuple[str, ...]:
    said = "" if teacher else " in 1993"
    article = ARTICLE + f"The ferry museum opened{said} in the old customs house.\n"
    fact = MUSEUM % said
    if teacher:
        fact = fact.replace("}\n", f", from_teacher: [{teacher}]}}\n")
    questions, notes = _questions(folder, article, FACTS + fact)
    return questions["museum/when"].choices


def test_a_teachers_year_is_offered_no_neighbouring_year(tmp_path: Path) -> None:
    """A film out in December in one country and January in another: a year the teacher gives from
    memory may be the next one as well, so 1992 and 1994 are no wrong answers for the teacher's 1993."""
    for marked in ("when", "when.year"):  # the whole date, or its year
        years = _museum_years(tmp_path / marked, teacher=marked)
        assert "1993" in years and not {"1992", "1994"} & set(years), (marked, years)
    years = _museum_years(tmp_path / "article")  # the article's own year: its neighbours stay
    assert "1993" in years and {"1992", "1994"} & set(years), years
