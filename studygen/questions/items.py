"""A set's items as questions of their own: for a format that grades item by item (Anki), the questions
say what each item asks, so that the exporter only lays them out."""

from __future__ import annotations

from dataclasses import replace

from .base import Question
from .shapes import Shape


def set_items(question: Question) -> list[Question]:
    """A matching or chronology set as one multiple-choice question per item, which a student grades
    on its own (a set of seven graded pass or fail teaches little); any other question as it is."""
    if question.shape is Shape.MATCHING:
        return _matching_items(question)
    if question.shape is Shape.ORDERING:
        return _ordering_items(question)
    return [question]


def _item(question: Question, fact: str, prompt: str, choices: list[str], answer: str, **rest: object) -> Question:
    """One item of a set as a multiple-choice question of its own, keyed on the fact it asks about,
    so that a teacher's edit to one item, or a new item, leaves the others' notes and reviews alone."""
    return replace(
        question,
        id=f"{question.id}/{fact}",
        fact=fact,
        facts=(fact,),
        prompt=prompt,
        answer=answer,
        answer_type="item",
        choices=tuple(choices),
        correct=choices.index(answer),
        items=(),
        pairs=(),
        **rest,  # type: ignore[arg-type]
    )


def _matching_items(question: Question) -> list[Question]:
    """Each quotation of a matching set: whose words, among the set's speakers ("Who lamented that ...?"
    where the quotation comes with its verb)."""
    speakers = sorted({match.answer for match in question.matches})
    taught = question.sources[len(question.matches) :]  # values the teacher gave, for whichever item shows them
    return [
        _item(
            question,
            fact,
            f"Who {match.prompt}?" if match.prompt[:1].islower() else f"Whose words are these? {match.prompt}",
            speakers,
            match.answer,
            context="",  # the quotation is on the card; the set's context was every quotation's
            sources=(source, *(s for s in taught if s[0].removesuffix("...").strip() in match.prompt)),
        )
        for fact, match, source in zip(question.facts, question.matches, question.sources, strict=False)
    ]


def _ordering_items(question: Question) -> list[Question]:
    """Each event of a chronology set but the last: which of the set's other events came next. The
    back shows the whole timeline with its dates."""
    events = question.sequence
    timeline = " · ".join(f"{event.when}: {event.label}" for event in events)
    return [
        _item(
            question,
            fact,
            f"Which of these came next after “{event.label}”?",
            [label for label in question.items if label != event.label],
            following.label,
            context=timeline,
        )
        for fact, event, following in zip(question.facts, events, events[1:], strict=False)
    ]
