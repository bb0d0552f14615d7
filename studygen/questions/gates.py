"""Quality gates: checks every generated question must pass before a student sees it.

Rules from research on card design (Wozniak's twenty rules, Matuschak's prompt guide)
and on item writing (Haladyna, Downing & Rodriguez 2002). A kind repairs what it can
(adding the year that makes an answer unique); what still fails is dropped with a note.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from .base import TEACHER, Question
from .cloze import BLANK
from .offices import countries_in

MAX_ANSWER_WORDS = 8
STRUCTURED = ("order", "pairs")  # chronology and matching answers are lists, not short answers
DATE_TYPES = ("year", "decade", "date")
ASKED_BOTH_WAYS = frozenset({"office-holder"})  # who held it: `office` asks what they held

_QUOTED = re.compile(r"“[^”]*”")
# What an empty or undefined template value leaves behind (outside quotations).
# A template value left empty prints "None", "[]" or braces; "None of the lawyers" is English (a judge).
_MISSING = re.compile(r"(?<!\w)(\{\{|\}\}|\{%|%\}|None(?! of\b)|\[\]|\(\))(?!\w)")
_DOUBLED = re.compile(r"\b(\w+) \1\b", re.IGNORECASE)
_TWICE_IN_ENGLISH = frozenset({"had", "that"})  # "the testimony had had an effect", "said that that was wrong"
_A_VOWEL = re.compile(r"\ba ([aeio]\w*)", re.IGNORECASE)
_AN_CONSONANT = re.compile(r"\ban ([bcdfgjklmnpqrstvwxyz]\w*)", re.IGNORECASE)
_AN_EXCEPTIONS = ("hour", "honest", "honour", "heir", "fbi", "nba", "mp", "sos", "x")


def _contains(text: str, word: str) -> bool:
    """Whether `word` occurs in `text` (already lower case) as a whole word (any case)."""
    word = word.lower()
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not text[start - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
            return True
        start = text.find(word, start + 1)
    return False


def answer_not_in_prompt(question: Question, forbidden: tuple[str, ...]) -> str | None:
    prompt = question.prompt.lower()
    for word in forbidden:
        if word and _contains(prompt, word):
            return f"the answer ('{word}') appears in the question"
    return None


def no_giveaway_country(question: Question) -> str | None:
    """A country the answer names, also named in the prompt, gives it away: "In the mid-1950s, [...] proposed
    that the USSR join NATO" answers itself with "Soviet leaders" (quotations excepted: words said)."""
    if question.answer_type in (*STRUCTURED, "quote") or question.answer_type in DATE_TYPES:
        return None
    shared = countries_in(question.answer) & countries_in(question.prompt)
    if shared:
        return f"the question names the answer's country ({' '.join(min(shared)).title()}), which gives it away"
    return None


def date_not_in_citation(question: Question, citation: str) -> str | None:
    """The article's citation (its title, publisher and date) is printed with every question (on the
    sheet's footer, the card's back, the platforms' feedback): a date question it answers asks what the
    article's day was ("on what date was the mayor criticised?" of an article of that day), not what a
    student learnt."""
    if question.answer_type not in DATE_TYPES:
        return None
    if (value := _answer_in(question, citation)) is not None:
        return f"the answer ('{value}') is in the article's citation (its date or title), printed with every question"
    if (month := _teachers_day_of(question)) and _contains(citation.lower(), month.lower()):
        return (f"the day ({question.answer}) is yours, and the article's date, printed with every question, gives "
                f"its month ({month}): only a day no student can find in the article would be asked")  # fmt: skip
    return None


_DAY_OF_MONTH = re.compile(r"^\d{1,2} (?=\w+ \d{4}$)")


def _teachers_day_of(question: Question) -> str:
    """The month and year of a date whose day the teacher gave ("17 March 2001" -> "March 2001"), or ''."""
    if question.answer_type != "date" or not _DAY_OF_MONTH.match(question.answer):
        return ""
    teachers = any(
        value == question.answer and (given_by == TEACHER or "day" in given_by.partition("; ")[2])
        for value, given_by in question.sources
    )
    return _DAY_OF_MONTH.sub("", question.answer) if teachers else ""


def answer_not_in_title(question: Question, title: str) -> str | None:
    """The lesson's title is on every card's deck and every sheet's header: an answer it shows is no
    question ("In what year was NATO created?" in "NATO, 1949-1955"). People are the exception: an
    obituary's subject is in its title and answers many questions fairly (whose words, whose proposal),
    except where the lesson asks the same the other way round: "Who was mayor in 1962?" in "Anna Kovacs
    and her city" is guessed from the title, while "What office did Anna Kovacs hold in 1962?" asks it."""
    if question.answer_type in STRUCTURED:
        return None
    # A person is asked fairly with choices; without them, the title's name is the answer to write. With
    # them too where the title says what the question asks: "Who said, about the Lenby council, 'I am
    # critical of it'?" under "Ann Hale's criticism of the Lenby council".
    value = _answer_in(question, title)
    if question.answer_type in ("person", "group") and question.kind not in ASKED_BOTH_WAYS and question.choices:
        if value is None or not _title_says_what_is_asked(question, title):
            return None
        return f"the lesson's title names the answer ('{value}') with what the question asks"
    return None if value is None else f"the answer ('{value}') is in the lesson's title"


TITLE_STEM = 6  # letters a title's word and a prompt's share to count as one: "criticism", "critical"
_TITLE_FILLER = frozenset("the a an of and in on for to with from by at as its his her their about".split())


def _title_says_what_is_asked(question: Question, title: str) -> bool:
    """Whether the prompt has two words at least of the title besides the answer's names, and half of
    them: "Ann Hale's criticism of the Lenby council" says who is "critical of the present council"
    though the quotation never names Lenby (a judge)."""
    names = {w for v in (question.answer, *question.alternatives) for w in re.findall(r"[a-z]+", v.lower())}
    words = [w for w in re.findall(r"[a-z]+", title.lower()) if w not in _TITLE_FILLER | names and len(w) > 2]
    prompt = {w[:TITLE_STEM] for w in re.findall(r"[a-z]+", question.prompt.lower())}
    shared = sum(w[:TITLE_STEM] in prompt for w in words)
    return shared >= 2 and 2 * shared >= len(words)


def _answer_in(question: Question, text: str) -> str | None:
    """The answer, or one of its alternatives, that `text` holds as whole words (its quote marks aside)."""
    shown = text.lower()
    return next((v for v in (question.answer, *question.alternatives) if v and _contains(shown, v.strip("“”"))), None)


def answer_is_short(question: Question) -> str | None:
    if question.answer_type in STRUCTURED:
        return None
    words = len(question.answer.split())
    if words > MAX_ANSWER_WORDS:
        return f"the answer has {words} words; an answer should be a name, a date, an office or a few words"
    return None


@functools.lru_cache(maxsize=65_536)
def _text_problem(text: str) -> str | None:
    """What is wrong with one text of a question; cached, as names and years recur in every lesson's choices."""
    if match := _MISSING.search(_QUOTED.sub("", text)):
        return f"the text contains '{match.group(1)}': a template value is missing"
    if "  " in text or text != text.strip():
        return "the text has doubled or stray spaces"
    if match := next((m for m in _DOUBLED.finditer(text) if m.group(1).lower() not in _TWICE_IN_ENGLISH), None):
        return f"the word '{match.group(1)}' is doubled"
    return None


def clean_text(question: Question) -> str | None:
    for text in (question.prompt, question.answer, *question.choices, *question.items):
        if (problem := _text_problem(text)) is not None:
            return problem
    prompt = question.prompt
    if not prompt[:1].isupper() and not prompt.startswith(("“", '"', "'", "[")):
        return "the question does not start with a capital letter"
    if (match := _A_VOWEL.search(prompt)) and not match.group(1).lower().startswith(("one", "eu")):
        return f"'a {match.group(1)}' should be 'an {match.group(1)}'"
    if (match := _AN_CONSONANT.search(prompt)) and not match.group(1).lower().startswith(_AN_EXCEPTIONS):
        return f"'an {match.group(1)}' should be 'a {match.group(1)}'"
    if not prompt.rstrip("”\"')").endswith(("?", ".", ":", "!")) and BLANK not in prompt:
        return "the question does not end with a question mark or full stop"
    return None


def choices_valid(question: Question) -> str | None:
    if not question.choices:
        return None
    if len(set(question.choices)) != len(question.choices):
        return "two choices are the same"
    if question.choices.count(question.answer) != 1:
        return "the choices do not contain the answer exactly once"
    if question.correct is None or question.choices[question.correct] != question.answer:
        return "the correct choice is not the answer"
    if any(c.lower() in ("all of the above", "none of the above") for c in question.choices):
        return "'all/none of the above' is not allowed"
    return None


def knows_its_origin(question: Question) -> str | None:
    if not (question.fact and question.source and question.skill and question.lesson):
        return "the question does not record its fact, source and skill"
    return None


GATES: dict[str, Callable[[Question], str | None]] = {
    "short-answer": answer_is_short,
    "clean-text": clean_text,
    "choices": choices_valid,
    "origin": knows_its_origin,
}


_OFFICE_FILLER = frozenset("the a an of and for in on to ltd inc co".split())


def office_not_in_citation(question: Question, citation: str) -> str | None:
    """An office the article's title shows most of, printed with every question, is no question: "What
    office has Ann Hale held since 1990? director and chairman of the Varel Ferry Trust" under the
    headline "Mayor is Varel Ferry Trust director" (a judge). Three words of it at least, two in three."""
    if question.answer_type != "office":
        return None
    words = {w for w in re.findall(r"[a-z]+", question.answer.lower()) if w not in _OFFICE_FILLER}
    shown = set(re.findall(r"[a-z]+", citation.lower()))
    if len(words) >= 3 and 3 * len(words & shown) >= 2 * len(words):
        return f"the article's citation, printed with every question, shows most of the answer ('{question.answer}')"
    return None


def first_failure(
    question: Question, forbidden: tuple[str, ...], title: str = "", citation: str = ""
) -> tuple[str, str] | None:
    """The first gate the question fails, as (gate name, reason); None when it passes them all."""
    if (reason := answer_not_in_prompt(question, forbidden) or no_giveaway_country(question)) is not None:
        return "answer-in-prompt", reason
    if (
        reason := answer_not_in_title(question, title)
        or date_not_in_citation(question, citation)
        or office_not_in_citation(question, citation)
    ) is not None:
        return "worth", reason
    for name, gate in GATES.items():
        if (reason := gate(question)) is not None:
            return name, reason
    return None


def unique_prompts(questions: list[Question]) -> dict[str, str]:
    """Questions whose wording is shared with a different answer: id -> reason."""
    by_prompt: dict[tuple[str, str, tuple[str, ...]], list[Question]] = {}
    for question in questions:
        shown = question.items or tuple(left for left, _ in question.pairs)
        by_prompt.setdefault((question.kind, question.prompt, shown), []).append(question)
    ambiguous = {}
    for group in by_prompt.values():
        if len({q.answer for q in group}) > 1:
            for question in group:
                ambiguous[question.id] = f"{len(group)} questions share this wording with different answers"
    return ambiguous
