"""Multiple choice: distractors of the answer's type that the lesson's facts make false.

Choices are deterministic for a lesson's seed, year options are in order, and the
correct answer's position is drawn from each question's own id, then evened out over the
lesson (`balance_letters`), so that no letter is right much more often than another.
"""

from __future__ import annotations

import bisect
import hashlib
import random
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

from ..dates import PartialDate, parse_date
from ..model import Fact, Lesson, teacher_gave, teacher_parts
from .base import Draft, Question, named_in, ranked_people
from .chronology import in_period, lesson_period, title_period

CHOICES = 4
MAX_AGE = 100  # years between a birth and the last the lesson shows of the person, at most
MIN_AGE = 10  # ... and between the birth and the first it shows, at least
YEAR_TYPES = ("year", "decade", "century", "era")  # read in date order
TYPED = ("person", "group", "document", "office", *YEAR_TYPES, "quote", "account")
MAX_QUOTE_WORDS = 8  # a longer quotation is a passage to read, not a choice
LIKELIEST = 5  # distractors are drawn from this many of the most plausible wrong answers


_BEGAN = re.compile(r"^(?P<subject>.+?) (?:was|were) (?P<verb>founded|created|established|formed|set up|born)\b")
_DECADE_PART = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}  # years of a decade each part covers


def _rng(seed: int, key: str) -> random.Random:
    return random.Random(f"{seed}:{key}")  # str seeds hash with SHA-512: the same everywhere


NEAR_PUBLICATION = 5  # years: an answer this close to the article's year may be offered that year
NEAR_YEARS = 5  # years (decades for a decade) after the answer within which a wrong year comes before later ones


class Chooser:
    """Distractor sources of one lesson, gathered once and shared by all its questions."""

    def __init__(self, lesson: Lesson) -> None:
        self.lesson = lesson
        self.years = {
            decade: sorted(
                {f.when.start for f in lesson.facts if f.when and f.when.decade == decade and not f.when.is_span}
            )
            for decade in (False, True)
        }
        self.people = {kind: list(ranked_people(lesson, [], kind)) for kind in ("person", "group", "document")}
        # Every way the text names each person: the name, the aliases the teacher gave ("Mandela" for
        # Nelson Mandela) and the surname, unless two people share it ("Kennedy"): a question that names
        # a person makes them no wrong answer.
        forms = Counter(form for person in lesson.people.values() for form in person.names)
        self.forms_of = {
            p.name: tuple(f for f in p.names if f == p.name or f in p.aliases or forms[f] == 1)
            for p in lesson.people.values()
        }
        self._year_choices: dict[tuple[str, bool, frozenset[str], int, int, int], list[str] | None] = {}
        # Years a distractor may not leave: nothing after the article, nothing before what it is about began.
        self.latest = lesson.source.published.end if lesson.source.published else 9999
        self.period = title_period(lesson.title)
        self.shown_period = lesson_period(lesson)
        self.facts = {fact.id: fact for fact in lesson.facts}
        # What a fact is about began with it: its subject named in a fact, or a person born, among a
        # fact's people. A birth year is no year of anything they did, which came after it.
        self.beginnings = [
            (
                match["subject"].lower(),
                fact.id,
                fact.when.start + born,
                self._born(fact, match["subject"]) if born else frozenset(),
            )
            for fact in lesson.facts
            if fact.kind == "event" and fact.when and (match := _BEGAN.match(fact.what or ""))
            for born in (match["verb"] == "born",)
        ]
        # The first and last years the lesson shows each person whose birth it gives: no birth is offered
        # more than MAX_AGE years before the last ("c. 1880" for a man who sued in 1973), nor less than
        # MIN_AGE before the first (2018 for a woman who opened a museum then).
        self.births = {fact_id: born for _, fact_id, _, born in self.beginnings if born}
        self.seen: dict[str, tuple[int, int]] = {}
        for person_id in set().union(*self.births.values()):
            person = lesson.people[person_id]
            years = [year for role in person.roles if role.when for year in (role.when.start, role.when.end)]
            years += [
                year
                for fact in lesson.facts
                if fact.when and fact.id not in self.births
                and (person_id in fact.people or self._names_one_of(frozenset({person_id}), (fact.what or "").lower()))
                for year in (fact.when.start, fact.when.end)
            ]  # fmt: skip
            if years:
                self.seen[person_id] = (min(years), max(years))
        # The spans of each person's time: their roles' ("1962-71", "from 1985": open, it has no end to
        # keep years after) and those of spanned facts they are in.
        self.spans: dict[str, list[tuple[str, int, int | None]]] = {}
        for person_id, person in lesson.people.items():
            for role in person.roles:
                if role.when and role.when.is_span:
                    self.spans.setdefault(person_id, []).append(("", role.when.start, _closed_end(role.when)))
        for fact in lesson.facts:
            if fact.when and fact.when.is_span:
                for person_id in fact.people:
                    self.spans.setdefault(person_id, []).append((fact.id, fact.when.start, _closed_end(fact.when)))

    def bounds(self, draft: Draft) -> tuple[int, int]:
        """The years a date question's choices may span: after the founding of what its fact is about
        ("NATO was created in 1949": a bid to join NATO is not offered 1946), before the article,
        and on the near side of a span of its people's that the answer year opens or closes."""
        earliest, latest = self._founded(draft), self.latest
        for fact_id in draft.facts:
            for person_id in self.births.get(fact_id, ()):
                if person_id in self.seen:
                    first, last = self.seen[person_id]
                    earliest, latest = max(earliest, last - MAX_AGE), min(latest, first - MIN_AGE)
        if draft.answer_type == "year" and draft.answer.isdigit():
            earliest, latest = self._outside_spans(draft, int(draft.answer), earliest, latest)
        return earliest, latest

    def _outside_spans(self, draft: Draft, year: int, earliest: int, latest: int) -> tuple[int, int]:
        """An event in the year its people's span begins (a coup and the 1973-90 rule that followed)
        is offered no year inside or after the span, which the lesson shows elsewhere: only earlier
        years, and only later ones for an event in the year a span ends."""
        for person_id in draft.people:
            for fact_id, start, end in self.spans.get(person_id, ()):
                if fact_id in draft.facts:
                    continue
                if start == year:
                    latest = min(latest, year)
                if end == year:
                    earliest = max(earliest, year)
        return earliest, latest

    def _founded(self, draft: Draft) -> int:
        """The year what a draft's fact is about began (0 when the lesson does not say)."""
        if not self.beginnings:
            return 0
        facts = [self.facts[fact_id] for fact_id in draft.facts if fact_id in self.facts]
        text = " ".join(" ".join(filter(None, (f.what, f.said, f.about))) for f in facts).lower()
        earliest = max(
            (year for subject, fact_id, year, born in self.beginnings
             if fact_id not in draft.facts
             and (born & set(draft.people) or named_in(subject, text) or self._names_one_of(born, text))),
            default=0,
        )  # fmt: skip
        return earliest

    def _born(self, fact: Fact, subject: str) -> frozenset[str]:
        """Who a birth is of: the fact's people, or the person the sentence names ("Nelson Mandela was born")."""
        named = (
            p.id for p in self.lesson.people.values() if subject.lower() in (n.lower() for n in (p.name, *p.aliases))
        )
        return frozenset(fact.people) or frozenset(named)

    def _names_one_of(self, people: frozenset[str], text: str) -> bool:
        """Whether a fact's text names one of these people by any name of theirs ("Mandela joined ...")."""
        return any(named_in(name.lower(), text) for p in people for name in self.lesson.people[p].names)

    def pool(self, draft: Draft) -> list[str]:
        """Plausible wrong answers of the draft's type, best first (before removing true ones)."""
        if draft.candidates is not None:
            return list(draft.candidates)
        if draft.answer_type in self.people:
            return self.people[draft.answer_type]
        return []

    def year_choices(self, draft: Draft, position: int) -> list[str] | None:
        """Years (or decades) around the answer, in order, with the answer at `position`.

        Many questions share an answer year, so each choice list is worked out once.
        """
        bounds = self.bounds(draft)
        # Within the period the lesson's title gives, where the answer can take a middle place among years
        # of it ("1973" is a weak wrong year for a conviction in a lesson on 1974-2005): a student places
        # the events inside it. The period's first year has none: 1961 first among 1962, 1963 and 1964
        # is the year to guess in a lesson on 1961-1982, so it has a year before it as well (judges).
        # The letters are then balanced over the places it can take.
        year = re.search(r"\d{3,4}", draft.answer)
        if self.period and year and self.period[0] <= int(year.group()) <= self.period[1]:
            inside = (max(bounds[0], self.period[0]), min(bounds[1], self.period[1]))
            if any(self._years_at(draft, place, inside) for place in range(1, CHOICES - 1)):
                bounds = inside
        return self._years_at(draft, position, bounds)

    def year_places(self, draft: Draft, prompt: str = "") -> dict[int, tuple[str, ...]]:
        """The places the answer of a date question can take, each with its choices in order. The first
        and last are kept only where every wrong year lies in the lesson's period and the period goes on
        past the answer on the empty side, or where no middle place can be had: "1961" first among 1962,
        1963 and 1964 in a lesson on 1961-1982 is the year to guess, while a teacher offers years on both
        sides (1959, 1960, 1961, 1962)."""
        options = {p: c for p in range(CHOICES) if (c := self.choices(draft, p, prompt)[0])}
        first, last = self.shown_period
        answer = parse_date(draft.answer)

        def fair(place: int, choices: tuple[str, ...]) -> bool:
            if 0 < place < CHOICES - 1:
                return True
            beyond = answer.start > first if place == 0 else answer.end < last
            return beyond and all(in_period(c, self.shown_period) for c in choices if c != draft.answer)

        fair_options = {p: c for p, c in options.items() if fair(p, c)}
        return fair_options if any(0 < p < CHOICES - 1 for p in fair_options) else options

    def _teacher_year(self, draft: Draft) -> bool:
        """Whether the answer's year is the teacher's, not the article's: a year given from memory may
        be the one next to it as well (a film out in December in one country, January in another)."""
        facts = [self.facts[fact_id] for fact_id in draft.facts if fact_id in self.facts]
        return any(
            teacher_gave(f.from_teacher, "when") or "year" in teacher_parts(f.from_teacher, "when") for f in facts
        )

    def _years_at(self, draft: Draft, position: int, bounds: tuple[int, int]) -> list[str] | None:
        key = (
            draft.answer,
            draft.answer_type == "decade",
            draft.true_values,
            position,
            *bounds,
            self._teacher_year(draft),
        )
        if key not in self._year_choices:
            self._year_choices[key] = self._new_year_choices(*key)
        return self._year_choices[key]

    def _new_year_choices(
        self,
        answer: str,
        decade: bool,
        true_values: frozenset[str],
        position: int,
        earliest: int,
        latest: int,
        teacher: bool = False,
    ) -> list[str] | None:
        date = parse_date(answer)  # studygen reads back every date it prints
        if date.century is not None or date.start < 0 or date.approximate or date.uncertain or date.part_of_year:
            return _same_form_choices(date, true_values, position, earliest, latest)
        answer_year = int("".join(c for c in answer if c.isdigit())[:4])
        step = 10 if decade else 1
        ordered = self.years[decade]
        at = bisect.bisect_left(ordered, answer_year)
        lesson_years = set(ordered[max(0, at - CHOICES) : at + CHOICES + 1])  # the nearest of the lesson's own
        # The year the article appeared, printed under every question, is "now" to a student: no wrong
        # answer for an event long before it (2001 for a strike of 1968 in an obituary of 2001).
        if abs(self.latest - answer_year) > NEAR_PUBLICATION:
            lesson_years.discard(self.latest)
        qualifier = answer[: answer.index(str(answer_year))] if decade else ""

        def label(year: int) -> str:  # distractors share the answer's "mid-", so it gives nothing away
            return f"{qualifier}{year}s" if decade else str(year)

        part = _DECADE_PART.get(qualifier.replace("the", "").strip(" -"), (0, 9)) if decade else (0, 0)

        def possible(year: int) -> bool:  # a decade may start before `earliest` if its part reaches it
            if teacher and abs(year - answer_year) == step:  # the teacher's year may be its neighbour too
                return False
            return year + part[1] >= earliest and year + part[0] <= latest

        true = {label(answer_year)} | set(true_values)
        near = {answer_year + step * k for k in (-5, -3, -2, -1, 1, 2, 3, 5)}
        # The lesson's own years first (the plausible ones), then invented neighbours, nearest first; but a
        # lesson year long after the answer only after the near ones: it is often of what followed from it
        # (the ruling of 1977 offered for the fall of the pier in 1962 that led to it), which a student rules out by
        # the story alone (judges, three rounds).
        candidates = sorted(
            (lesson_years | near) - {answer_year},
            key=lambda y: (y - answer_year > NEAR_YEARS * step, y not in lesson_years, abs(y - answer_year)),
        )
        below = [y for y in candidates if y < answer_year and label(y) not in true and possible(y)]
        above = [y for y in candidates if y > answer_year and label(y) not in true and possible(y)]
        if len(below) < position or len(above) < CHOICES - 1 - position:
            return None
        years = sorted(below[:position] + [answer_year] + above[: CHOICES - 1 - position])
        return [label(y) for y in years]

    def choices(self, draft: Draft, position: int, prompt: str = "") -> tuple[tuple[str, ...], int | None]:
        """Choices with the answer at `position`, or () when three false ones are not to be had.
        A wrong answer the prompt names, in any of the ways the text names them ("Who proposed to John F
        Kennedy ...?" offering Kennedy, "... that Mandela be released?" offering Nelson Mandela), is ruled
        out by reading the question, so it is never offered."""
        if draft.answer_type not in TYPED:
            return (), None
        if draft.answer_type in YEAR_TYPES:
            years = self.year_choices(draft, position)
            return (tuple(years), years.index(draft.answer)) if years else ((), None)
        true = set(draft.true_values) | {draft.answer} | set(draft.alternatives)
        pool: list[str] = []  # the likeliest few false answers; a little variety among them
        # Choices that differ only in an article or a plural ("the account of an observer" and "of
        # observers") are two near-right answers: one of each set of words is offered.
        seen = {same_words(draft.answer)}
        for candidate in self.pool(draft):
            named = any(named_in(form, prompt) for form in self.forms_of.get(candidate, (candidate,)))
            if candidate not in true and same_words(candidate) not in seen and not named:
                seen.add(same_words(candidate))
                pool.append(candidate)
                if len(pool) == LIKELIEST:
                    break
        if len(pool) < CHOICES - 1:
            return (), None
        rng = _rng(self.lesson.questions.seed, draft.key + draft.answer_type)
        required = [c for c in draft.must_offer if c in pool][: CHOICES - 1]
        rest = [c for c in pool if c not in required]
        distractors = required + rng.sample(rest, CHOICES - 1 - len(required))
        rng.shuffle(distractors)
        return tuple(distractors[:position] + [draft.answer] + distractors[position:]), position


def _closed_end(when: PartialDate) -> int | None:
    """The last year of a span, or None for an open one ("from 1985")."""
    return None if when.open_end else when.end


def _same_form_choices(
    date: PartialDate, true_values: frozenset[str], position: int, earliest: int, latest: int
) -> list[str] | None:
    """Wrong answers of the answer's own form (44 BC, c. 1200, the 5th century BC), in date order."""
    true = {date.answer(), *true_values}

    def side(sign: int) -> list[PartialDate]:
        moved = (date.moved(sign * step) for step in range(1, 6))
        return [d for d in moved if d and d.answer() not in true and (not earliest or d.end >= earliest)
                and d.start <= latest]  # fmt: skip

    below, above = side(-1), side(1)
    if len(below) < position or len(above) < CHOICES - 1 - position:
        return None
    return [d.answer() for d in [*below[:position][::-1], date, *above[: CHOICES - 1 - position]]]


def _spread(order: list[Question], places: Mapping[str, tuple[int, ...]], at: dict[str, int]) -> None:
    """Move answers (`at`, by question id) from the fullest letters to the emptiest they can take
    (`places`), the first of `order` first, until no letter holds two more than another can take."""
    moved = True
    while moved:  # each move lowers the sum of squared counts, so this ends
        count = Counter(at[q.id] for q in order)
        moved = False
        for letter in sorted(range(CHOICES), key=lambda letter: -count[letter]):
            for question in order:
                free = [p for p in places[question.id] if count[p] < count[letter] - 1]
                if at[question.id] == letter and free:
                    at[question.id] = min(free, key=lambda p: (count[p], p))
                    moved = True
                    break
            if moved:
                break


_ARTICLES = frozenset({"a", "an", "the", "one", "some"})


def same_words(text: str) -> tuple[str, ...]:
    """A choice's words without articles, case, possessives or plural endings: what a student reads
    as the same answer ("The account of observers here" and "The account of an observer here")."""
    words = re.findall(r"\w+", re.sub(r"['’]s\b", "", text.lower()))
    return tuple(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words if w not in _ARTICLES)


def position_for(seed: int, question_id: str) -> int:
    """Where the correct answer goes: uniform over A-D, and fixed per question.

    Drawn from the question's own id rather than its rank in the lesson, so that adding
    or deleting a fact never moves the answers of other questions (and so never makes
    Anki update their notes).
    """
    return _rng(seed, question_id).randrange(CHOICES)


def balance_letters(
    questions: list[Question], year_options: Mapping[str, Mapping[int, tuple[str, ...]]]
) -> list[Question]:
    """The questions with the right answers spread evenly over the letters, as far as the choices
    allow: no letter right in two questions more than another, among the year questions (so that
    "the earliest" is not a rule) and over all multiple-choice questions.

    Year choices stay in order (`year_options`: each position the answer can take, with its years),
    so the years are spread first, among themselves; then the others around them. A question keeps
    the place its id gives it unless its letter is the fullest; then the question first in a hash
    of ids moves to the emptiest letter it can take.
    """
    asked = [q for q in questions if q.choices and q.correct is not None]
    at: dict[str, int] = {q.id: q.correct for q in asked}  # type: ignore[misc]
    order = sorted(asked, key=lambda q: hashlib.sha256(q.id.encode()).digest())
    years = [q for q in order if q.id in year_options]
    _spread(years, {q.id: tuple(year_options[q.id]) for q in years}, at)
    _spread(order, {q.id: (at[q.id],) if q.id in year_options else tuple(range(len(q.choices))) for q in order}, at)
    changed = {}
    for question in asked:
        place = at[question.id]
        if place == question.correct:
            continue
        if question.id in year_options:
            choices = year_options[question.id][place]
        else:
            others = [c for i, c in enumerate(question.choices) if i != question.correct]
            choices = tuple(others[:place] + [question.answer] + others[place:])
        changed[question.id] = replace(question, choices=choices, correct=place)
    return [changed.get(q.id, q) for q in questions]
