"""Chronology: when something happened, and putting events in order."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

from ..dates import parse_date
from ..model import Fact, Lesson, teacher_gave, teacher_parts
from .base import (
    Draft,
    about_of,
    by_deadline,
    date_answer_type,
    fact_sentence,
    kind,
    left_out,
    name_of,
    named_in,
    precision,
    proposal_clause,
    spoken,
    value_source,
)

ORDER_MIN, ORDER_MAX = 4, 6
_PASSIVE = re.compile(r"^(?P<subject>.+?) (?P<verb>was|were|had been) (?P<rest>\S.*)$")


_CLAUSE_WORDS = {"that", "who", "which", "whom", "whose", "when", "where", "and", "but"}
_VERB_AGAIN = re.compile(r"\b(was|were|had been|is|are)\b")


def inverted(what: str) -> str:
    """'NATO was created' as a question's word order: 'was NATO created'; empty when the clause is not
    one simple passive ('Zorin replied that he was ...', 'a U-2 was shot down and its pilot was killed')."""
    match = _PASSIVE.match(what.strip().rstrip("."))
    if not match:
        return ""
    subject_words = match["subject"].split()
    if any(w in _CLAUSE_WORDS or (w.islower() and w.endswith("ed")) for w in subject_words):
        return ""  # the subject holds a verb or a clause of its own
    if _VERB_AGAIN.search(match["rest"]):
        return ""  # a second clause follows
    return f"{match['verb']} {match['subject']} {match['rest']}"


_PERIOD = re.compile(r"(?<!\d)(\d{4})\s*[-–]\s*(\d{4})(?!\d)")


def title_period(title: str) -> tuple[int, int] | None:
    """The years a lesson's title spans ('The Berlin Wall, 1961-1990' -> (1961, 1990)), if it gives them."""
    match = _PERIOD.search(title)
    if match is None or int(match[2]) < int(match[1]):
        return None
    return int(match[1]), int(match[2])


def lesson_period(lesson: Lesson) -> tuple[int, int]:
    """The years a student reads the lesson as spanning: its title's, else those of its dated facts."""
    years = [f.when.start for f in lesson.facts if f.when is not None]
    return title_period(lesson.title) or (min(years, default=0), max(years, default=9999))


def in_period(date: str, period: tuple[int, int]) -> bool:
    """Whether a date as studygen prints it ("1987", "the 1980s", "44 BC") starts inside the period."""
    return period[0] <= parse_date(date).start <= period[1]


def outside_period(lesson: Lesson) -> list[Fact]:
    """Events and proposals dated wholly outside the period the lesson's title gives: matters beside its
    subject (a TV premiere in a lesson on 1949-2000), asked only if the teacher widens the period.
    Quotations stay: words said later about the period are its sources."""
    period = title_period(lesson.title)
    if period is None:
        return []
    first, last = period
    return [
        fact
        for fact in lesson.facts
        if fact.kind in ("event", "proposal") and fact.when is not None
        and (fact.when.end < first or fact.when.start > last)
    ]  # fmt: skip


def _occasions(fact: Fact) -> set[tuple[str, str]]:
    """The occasions a dated fact belongs to, as (person, date): quotations of one speaker on one date are
    one occasion (a letter, a speech), and so is an event of that date the speaker takes part in."""
    if fact.when is None or fact.kind == "proposal":
        return set()
    people = (fact.by,) if fact.kind == "quote" else fact.who
    return {(person, fact.when.text) for person in people if person}


@kind("when", "chronology", "When did it happen: the year, decade or date of a dated fact.")
def when_questions(lesson: Lesson) -> Iterator[Draft]:
    # Each occasion's date is asked of one fact: an event's first (what happened), else the first quotation.
    asked: dict[tuple[str, str], str] = {}
    for fact in sorted(lesson.facts, key=lambda f: f.kind != "event"):
        if fact.when is not None and not fact.when.is_span and not any(o in asked for o in _occasions(fact)):
            asked.update(dict.fromkeys(_occasions(fact), fact.id))
    for fact in lesson.facts:
        if fact.when is None or fact.when.is_span:
            continue
        # Of its occasions, one another fact asks ("Hale took the seat in 1983"), another none asks (Lind's).
        if same := next((asked[o] for o in sorted(_occasions(fact)) if asked.get(o, fact.id) != fact.id), None):
            yield left_out(fact.id, (fact.id,), fact.pos,
                           f"its date, {fact.when.display()}, is asked once for the occasion, with '{same}'",
                           code="worth")  # fmt: skip
            continue
        owner = lesson.account_owner(fact)
        if fact.said_when is not None and set(fact.said_when.years) & set(fact.when.years):
            owner = lesson.owner_name(fact.according_to)  # "said in 1921" would give away the year asked
        refusal = ""
        if not fact.date_agrees:
            if fact.according_to is None:  # an established fact, dated by someone: ask according to them
                owner = lesson.date_owner(fact)
            else:  # the fact is one account, its date another's: asking for it would merge the two
                refusal = (f"the date is {lesson.date_owner(fact)}'s, the fact {owner}'s account: "
                            "asking for it would put one's word in the other's mouth")  # fmt: skip
        yield Draft(
            key=fact.id,
            variables={
                "fact_kind": fact.kind,
                "precision": precision(fact.when),
                "by": name_of(lesson, fact.by),
                "to": lesson.names_of(fact.to),
                "propose": fact.proposing.phrase("base", lesson.names_of(fact.to)),
                "proposing": fact.proposing.phrase("gerund", lesson.names_of(fact.to)),
                "what": fact.what or "",
                "said": fact.said or "",
                "spoken": spoken(fact) if fact.kind == "quote" else "",
                "framed": bool(fact.frame) or fact.verb != "said",
                "about": about_of(fact),
                "according_to": owner,
                "self_account": fact.own_account and fact.date_agrees,
                "inverted": inverted(fact.what or "") if fact.kind == "event" else "",
                "deadline": by_deadline(fact),
            },
            answer=fact.when.answer(),
            alternatives=(fact.when.text,) if fact.when.text != fact.when.answer() else (),
            answer_type=date_answer_type(fact.when),
            facts=(fact.id,),
            pos=fact.field_pos("when"),
            according_to=owner,
            forbidden=fact.when.years,
            context_keys=(fact.id,),
            summary=fact_sentence(lesson, fact),
            people=fact.people,
            left_out=refusal,
            sources=((fact.when.answer(), value_source(lesson, fact, "when")),),
        )


def event_label(lesson: Lesson, fact: Fact) -> str:
    """A dated fact as a timeline entry, without its date."""
    if fact.kind == "proposal":
        text = proposal_clause(lesson, fact, with_date=False)
    elif fact.kind == "quote":
        text = f"{name_of(lesson, fact.by)} {fact.framed()}"
    else:
        text = fact.what or ""
    owner = lesson.account_owner(fact)
    text = text[:1].upper() + text[1:]
    return text + (f" (according to {owner})" if owner else "")


def timeline_summary(pairs: tuple[tuple[str, str], ...]) -> str:
    """A timeline's events with their dates, in order: `1949: NATO was created; 1990: ...`."""
    return "; ".join(f"{when}: {label}" for when, label in pairs)


def _timeline_sets(facts: list[Fact]) -> list[list[Fact]]:
    """Sets of 4-6 facts whose dates do not overlap, so that there is one right order.

    Dates overlap by the days they may mean: 5 June and 2 July 1947 have an order, 1947 and
    June 1947 do not. The earliest-ending date is taken first, which keeps the most facts.
    """
    dated = sorted(
        (f for f in facts if f.when is not None),
        key=lambda f: (f.when.last_day, f.when.first_day),  # type: ignore[union-attr]
    )
    chosen: list[Fact] = []
    for fact in dated:
        if chosen and chosen[-1].when.last_day >= fact.when.first_day:  # type: ignore[union-attr]
            continue  # an overlapping date has no single right order
        chosen.append(fact)
    if len(chosen) < ORDER_MIN:
        return []
    sets = -(-len(chosen) // ORDER_MAX)
    # Interleave, so that each set spans the whole period rather than one stretch of it.
    groups = [chosen[i::sets] for i in range(sets)]
    return [g for g in groups if len(g) >= ORDER_MIN]


_BORN = re.compile(r"^(?P<subject>.+?) (?:was|were) born\b")


def _first_of_a_life(lesson: Lesson, fact: Fact, facts: list[Fact]) -> bool:
    """A birth among other dated events of the same person ("Ann Hale was born" beside what she did later,
    by her `who:` or any of her names): first by nature, it is no item to place (two judges: "the set is
    really three items")."""
    match = _BORN.match(fact.what or "")
    if match is None:
        return False
    subject = match["subject"].lower()
    people = set(fact.people) | {p.id for p in lesson.people.values() if subject in (n.lower() for n in p.names)}
    names = [name for person_id in people for name in lesson.people[person_id].names]
    return any(
        other is not fact
        and other.when is not None
        and (people & set(other.people) or any(named_in(name, other.what or "") for name in names))
        for other in facts
    )


def _teacher_date_mark(fact: Fact) -> str:
    """What an event placed by the teacher's date says of it, where students read it: no student finds
    that date in the article (a judge: a film placed by the teacher's year, said so only in the key)."""
    if teacher_gave(fact.from_teacher, "when"):
        return " (your teacher's date)"
    if "year" in teacher_parts(fact.from_teacher, "when"):
        return " (the year is your teacher's)"
    return ""


@kind("chronology", "chronology", f"Put {ORDER_MIN}-{ORDER_MAX} dated facts in order, earliest first.")
def chronology_questions(lesson: Lesson) -> Iterator[Draft]:
    # A fact dated by someone else than its account has no place on the account's timeline, nor a
    # deadline ("must decide by Friday") on a timeline of what happened.
    candidates = [f for f in lesson.facts if f.kind in ("proposal", "event") and f.date_agrees and not by_deadline(f)]
    candidates = [f for f in candidates if not _first_of_a_life(lesson, f, candidates)]
    for number, group in enumerate(_timeline_sets(candidates)):
        labels = tuple(event_label(lesson, f) + _teacher_date_mark(f) for f in group)
        shown = list(labels)
        rng = random.Random(f"{lesson.questions.seed}:chronology:{number}")
        while shown == list(labels):  # never show the events already in order
            rng.shuffle(shown)
        dates = tuple(f.when.answer() for f in group)  # type: ignore[union-attr]
        yield Draft(
            key=f"set-{number + 1}",
            variables={"count": len(group)},
            answer=" → ".join(labels),
            answer_type="order",
            facts=tuple(f.id for f in group),
            pos=group[0].pos,
            items=tuple(shown),
            pairs=tuple(zip(dates, labels, strict=True)),
            context_keys=tuple(f.id for f in group),
            summary=timeline_summary(tuple(zip(dates, labels, strict=True))),
            people=tuple(dict.fromkeys(p for f in group for p in f.people)),
            sources=tuple((f.when.answer(), value_source(lesson, f, "when")) for f in group),  # type: ignore[union-attr]
        )
