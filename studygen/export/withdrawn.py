"""Questions a teacher withdrew after their Anki notes went out.

Anki never deletes a note on import, so a rejected question cannot simply leave the deck:
its note is updated to say that the teacher withdrew it and why, and tagged so that a
student finds every withdrawn card with one search (`tag:studygen::withdrawn`) and deletes them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..questions import Question

WITHDRAWN_TAG = "studygen::withdrawn"
SEARCH = f"tag:{WITHDRAWN_TAG}"


@dataclass(frozen=True)
class Withdrawn:
    """A rejected question, and why, in words a student reads ("it is not true")."""

    question: Question
    why: str


def notice(item: Withdrawn) -> str:
    return (
        f"Your teacher withdrew this card: {item.why}. You can delete it: in Anki's Browse window, search "
        f"{SEARCH}, select all and delete."
    )


def withdrawn_fields(item: Withdrawn, type_: str, escape: Callable[[str], str]) -> list[str]:
    """The note's fields in its note type (`qa`, `choice` or `cloze`, as in students' collections): the
    notice where the question was, the old prompt struck through so the student knows which card it was."""
    question = item.question
    text = escape(notice(item))
    was = f"<p><s>{escape(question.prompt)}</s></p>"
    details = ["", escape(question.source), "withdrawn", ""]  # Context, Source, Skill, Account
    if type_ == "cloze":  # a cloze note needs a deletion, or Anki has no card to show
        return [f"{{{{c1::Withdrawn}}}}: {text}{was}", *details]
    if type_ == "choice":
        return [f"{text}{was}", "", "", "Withdrawn", *details]
    return [f"{text}{was}", "Withdrawn", *details]
