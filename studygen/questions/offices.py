"""Offices: what office someone held, and who held an office at a given time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Lesson, Person, Role
from .base import SIMILAR_KEPT, Draft, date_phrase, kind, ranked_people, role_key, title_words


def _overlap(a: Role, b: Role) -> bool:
    """Whether two roles may have been held at the same time (undated roles may always)."""
    if a.when is None or b.when is None:
        return True
    return a.when.start <= b.when.end and b.when.start <= a.when.end


class TitleIndex:
    """The lesson's titles, to find the likeliest confusions for one without comparing all pairs."""

    COMMON = 50  # a word in more titles than this ("minister") says nothing about likeness

    def __init__(self, titles: Iterable[str]) -> None:
        self.titles = sorted(set(titles))
        self.by_word: dict[str, set[str]] = {}
        for title in self.titles:
            for word in title_words(title):
                self.by_word.setdefault(word, set()).add(title)

    def similar(self, title: str) -> tuple[str, ...]:
        """Up to SIMILAR_KEPT other titles: most words in common first, then A-Z."""
        words = title_words(title)
        shared: dict[str, int] = {}
        for word in words:
            group = self.by_word.get(word, set())
            if len(group) <= self.COMMON:
                for other in group:
                    shared[other] = shared.get(other, 0) + 1
        shared.pop(title, None)
        ranked = sorted(shared, key=lambda t: (-shared[t], t))[:SIMILAR_KEPT]
        for other in self.titles:  # too few alike: fill up in A-Z order
            if len(ranked) >= SIMILAR_KEPT:
                break
            if other != title and other not in ranked:
                ranked.append(other)
        return tuple(ranked)


def _summary(person: Person, role: Role) -> str:
    when = f" {date_phrase(role.when)}" if role.when else ""
    return f"{person.name}: {role.title}{when}."


@kind("office", "contextualisation", "What office did someone hold (in a year or span, when the lesson gives one).")
def office_questions(lesson: Lesson) -> Iterator[Draft]:
    titles = TitleIndex(role.title for person in lesson.people.values() for role in person.roles)
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
                true_values=frozenset(others),  # the person's other offices are not wrong
                candidates=titles.similar(role.title),
            )


@kind("office-holder", "contextualisation", "Who held an office in a given year or span (dated roles only).")
def office_holder_questions(lesson: Lesson) -> Iterator[Draft]:
    held_by: dict[str, list[tuple[Person, Role]]] = {}
    for person in lesson.people.values():
        for role in person.roles:
            held_by.setdefault(role.title.lower(), []).append((person, role))
    titles = TitleIndex(role.title for person in lesson.people.values() for role in person.roles)
    everyone = ranked_people(lesson, [])
    for person in lesson.people.values():
        for index, role in enumerate(person.roles):
            if role.when is None or person.kind != "person":
                continue
            # "Who was transport minister from 1960 to 1966?" has one answer even if the
            # successor took office in 1966: only someone in office the whole time also fits.
            holders = [
                other.name for other, r in held_by[role.title.lower()] if r.when is None or r.when.contains(role.when)
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
                # Holders of the most similar offices first, then everyone else.
                candidates=tuple(
                    dict.fromkeys(
                        [p.name for title in titles.similar(role.title) for p, _ in held_by[title.lower()]]
                        + list(everyone[: 2 * SIMILAR_KEPT])
                    )
                ),
            )
