"""Offices: what office someone held, and who held an office at a given time."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Lesson, Person, Role
from .base import Draft, by_similarity, date_phrase, kind, ranked_people, role_key


def _overlap(a: Role, b: Role) -> bool:
    """Whether two roles may have been held at the same time (undated roles may always)."""
    if a.when is None or b.when is None:
        return True
    return a.when.start <= b.when.end and b.when.start <= a.when.end


def _holders_by_similarity(title: str, holders: dict[str, list[str]]) -> list[str]:
    """Ids of people whose offices are most like `title`: the likeliest wrong answers."""
    return [pid for other in by_similarity(title, holders) for pid in holders[other]]


def _summary(person: Person, role: Role) -> str:
    when = f" {date_phrase(role.when)}" if role.when else ""
    return f"{person.name}: {role.title}{when}."


@kind("office", "contextualisation", "What office did someone hold (in a year or span, when the lesson gives one).")
def office_questions(lesson: Lesson) -> Iterator[Draft]:
    titles = {role.title for person in lesson.people.values() for role in person.roles}
    for person in lesson.people.values():
        for index, role in enumerate(person.roles):
            # One answer only: no other role of the same person may fit the same time.
            if any(_overlap(role, other) for other in person.roles if other is not role):
                continue
            others = [r.title for r in person.roles if r is not role]
            yield Draft(
                key=role_key(person, role),
                variables={"person": person.name, "when": date_phrase(role.when), "description": person.description},
                answer=role.title,
                answer_type="office",
                facts=(),
                pos=role.pos,
                forbidden=(role.title,),
                context_keys=(f"{person.id}.roles.{index}",),
                summary=_summary(person, role),
                people=(person.id,),
                true_values=frozenset([role.title, *others]),
                candidates=by_similarity(role.title, titles),
            )


@kind("office-holder", "contextualisation", "Who held an office in a given year or span (dated roles only).")
def office_holder_questions(lesson: Lesson) -> Iterator[Draft]:
    held_by: dict[str, list[str]] = {}
    for person in lesson.people.values():
        for role in person.roles:
            held_by.setdefault(role.title, []).append(person.id)
    for person in lesson.people.values():
        for index, role in enumerate(person.roles):
            if role.when is None or person.kind != "person":
                continue
            # "Who was transport minister from 1960 to 1966?" has one answer even if the
            # successor took office in 1966: only someone in office the whole time also fits.
            holders = [
                other.name
                for other in lesson.people.values()
                for r in other.roles
                if r.title.lower() == role.title.lower() and (r.when is None or r.when.contains(role.when))
            ]
            if holders != [person.name]:
                continue
            yield Draft(
                key=role_key(person, role),
                variables={"title": role.title, "when": date_phrase(role.when)},
                answer=person.name,
                alternatives=person.names[1:],
                answer_type="person",
                facts=(),
                pos=role.pos,
                forbidden=person.names,
                context_keys=(f"{person.id}.roles.{index}",),
                summary=_summary(person, role),
                people=(person.id,),
                true_values=frozenset([person.name]),
                candidates=ranked_people(lesson, _holders_by_similarity(role.title, held_by)),
            )
