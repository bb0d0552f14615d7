"""Entries still marked `draft:` are kept out of every question and output until the teacher checks them.

`studygen draft` marks everything it writes, because a drafted speaker or date may be wrong;
`check` warns of each mark (fields.FieldChecker.draft) and this module takes the marked
entries out of the lesson the questions are made from. A fact goes with a drafted person
it involves, so that no question names someone the teacher has not checked.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .diagnostics import Diagnostic, Severity
from .model import ARTICLE, Lesson


@dataclass(frozen=True)
class SetAside:
    """How many drafted entries a lesson's outputs leave out."""

    facts: int = 0
    people: int = 0
    roles: int = 0

    @property
    def total(self) -> int:
        return self.facts + self.people + self.roles

    def describe(self) -> str:
        """ "3 facts, 1 person" """
        counts = [(self.facts, "fact", "facts"), (self.people, "person", "people"), (self.roles, "role", "roles")]
        return ", ".join(f"{count} {one if count == 1 else many}" for count, one, many in counts if count)


def set_aside_drafts(lesson: Lesson) -> tuple[Lesson, SetAside]:
    """The lesson without its drafted entries, and how many were left out."""
    people = {pid: person for pid, person in lesson.people.items() if not person.draft}
    roles = sum(1 for person in people.values() for role in person.roles if role.draft)
    if roles:
        people = {
            pid: replace(person, roles=tuple(role for role in person.roles if not role.draft))
            for pid, person in people.items()
        }
    facts = tuple(
        fact
        for fact in lesson.facts
        if not fact.draft and all(pid in people for pid in (*fact.people, *fact.sources.values()) if pid != ARTICLE)
    )
    aside = SetAside(len(lesson.facts) - len(facts), len(lesson.people) - len(people), roles)
    if not aside.total:
        return lesson, aside
    return replace(lesson, people=people, facts=facts), aside


def drafts_note(path: str, aside: SetAside) -> Diagnostic:
    """What a build says of the entries it left out: a warning, shown without --verbose, so that a
    teacher does not print an empty sheet of a lesson whose every entry is still a draft."""
    return Diagnostic(
        path, 1, 1, Severity.WARNING, "draft.set-aside",
        f"{aside.describe()} still marked draft: left out of the questions and every output",
        "check each entry the warnings above name, then remove its draft mark (or set it to false)",
    )  # fmt: skip
