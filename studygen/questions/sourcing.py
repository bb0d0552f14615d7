"""Sourcing: who said it, which quotation goes with which speaker, claim or fact."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from ..model import ARTICLE, ARTICLE_ITSELF, REPORTS, RUMOUR, Fact, Lesson, teacher_parts
from .base import (
    Draft,
    PeopleRanking,
    about_of,
    date_source,
    fact_sentence,
    kind,
    left_out,
    name_of,
    names_of,
    quoted,
    spoken,
)
from .choices import CHOICES

MATCHING_MAX = 10
# The choices of a claim question must differ in meaning: a plain statement of fact, the
# writer's own interpretation (`according_to: article`), or a named person's account.
FACT_ANSWER = "Established fact"
ARTICLE_ANSWER = "The writer's own interpretation"
# Reports and rumour whose source the article does not name: neither fact nor the writer's view.
UNNAMED_ANSWERS = {REPORTS: "Reports, source not named", RUMOUR: "Rumour, source not named"}


@kind("attribution", "sourcing", "Who said it: the speaker of a quotation.")
def attribution_questions(lesson: Lesson) -> Iterator[Draft]:
    quotes = [f for f in lesson.facts if f.kind == "quote"]
    speakers_of: dict[str, set[str | None]] = {}
    for fact in quotes:
        speakers_of.setdefault(" ".join((fact.said or "").split()), set()).add(fact.by)
    ranking = PeopleRanking(lesson, (f.by for f in quotes))
    for fact in quotes:
        if speakers_of[" ".join((fact.said or "").split())] != {fact.by}:
            yield left_out(fact.id, (fact.id,), fact.pos, "the same words are quoted from two speakers")
            continue
        speaker = lesson.people[fact.by]  # type: ignore[index]
        if not speaker.named:
            yield left_out(fact.id, (fact.id,), fact.pos, "the article does not name the speaker")
            continue
        owner = lesson.account_owner(fact)
        yield Draft(
            key=fact.id,
            variables={
                "said": fact.said,
                "about": about_of(fact),
                "spoken": spoken(fact),
                "according_to": owner,
                "document": speaker.kind == "document",
            },
            answer=name_of(lesson, fact.by),
            alternatives=names_of(lesson, fact.by)[1:],
            answer_type=speaker.kind,
            facts=(fact.id,),
            pos=fact.pos,
            according_to=owner,
            forbidden=names_of(lesson, fact.by),
            context_keys=(fact.id,),
            summary=f"{name_of(lesson, fact.by)}: {quoted(fact.said or '')}",
            people=fact.people,
            candidates=ranking.for_answer(fact.by),  # type: ignore[arg-type]
            sources=((name_of(lesson, fact.by), lesson.owner_name(fact.according_to) or ARTICLE_ITSELF),),
        )


def _label(lesson: Lesson, fact: Fact) -> str:
    """The quotation (in its frame, when the article gives one: 'is said to believe “...”')."""
    text = " ".join((fact.said or "").split())
    words = text.split()
    if len(words) > 30:
        text = " ".join(words[:28]) + " …"
    owner = lesson.accounts_name(fact)
    shown = fact.framed(text) if fact.frame else quoted(text)
    return shown + (f" (as {owner} tells it)" if owner else "")


@kind("matching", "sourcing", f"Match quotations to their speakers, at most {MATCHING_MAX} pairs a set.")
def matching_questions(lesson: Lesson) -> Iterator[Draft]:
    # Words others attribute to someone (hearsay) are not theirs to match; nor are an unnamed speaker's.
    quotes = [f for f in lesson.facts if f.kind == "quote" and not f.hearsay and lesson.people[f.by].named]  # type: ignore[index]
    speakers = {f.by for f in quotes}
    if len(quotes) < 3 or len(speakers) < 2:
        return
    sets = -(-len(quotes) // MATCHING_MAX)
    for number in range(sets):
        chunk = quotes[number::sets]  # interleaved, so that each set mixes the article's speakers
        if len(chunk) < 3 or len({f.by for f in chunk}) < 2:
            continue
        pairs = tuple((_label(lesson, f), name_of(lesson, f.by)) for f in chunk)
        yield Draft(
            key=f"set-{number + 1}",
            variables={"count": len(chunk)},
            answer="; ".join(f"{left} — {right}" for left, right in pairs),
            answer_type="pairs",
            facts=tuple(f.id for f in chunk),
            pos=chunk[0].pos,
            pairs=pairs,
            context_keys=tuple(f.id for f in chunk),
            summary=f"{len(chunk)} quotations and their speakers.",
            people=tuple(dict.fromkeys(p for f in chunk for p in f.people)),
            sources=tuple(
                (right, lesson.accounts_name(f) or ARTICLE_ITSELF) for f, (_, right) in zip(chunk, pairs, strict=True)
            ),
        )


def _established_foils(facts: list[Fact]) -> set[str]:
    """The established facts asked 'fact or account?': as many as the attributed ones, picked by a hash
    of their ids, so that adding or removing one fact changes few others' questions."""
    attributed = sum(f.according_to is not None for f in facts)
    established = [f.id for f in facts if f.according_to is None]
    ranked = sorted(established, key=lambda fact_id: hashlib.sha256(fact_id.encode()).digest())
    return set(ranked[:attributed])


def account_answer(lesson: Lesson, owner_id: str | None, fact: Fact | None = None) -> str:
    """'Established fact', 'The writer's own interpretation' or whose account: of `owner_id`, or of all
    the sources of `fact` ('The account of navy officials and experts')."""
    if fact is not None and len(fact.accounts) > 1:
        return f"The account of {lesson.accounts_name(fact)}"
    if owner_id is None:
        return FACT_ANSWER
    if owner_id == ARTICLE:
        return ARTICLE_ANSWER
    if owner_id in UNNAMED_ANSWERS:
        return UNNAMED_ANSWERS[owner_id]
    person = lesson.people[owner_id]
    head, of, _ = person.name.partition(" of ")
    # Not "Some historians of engineering's account" (but "The Ministry of X's"); not "A local official's".
    if not person.named:  # "an official", as the article has it, even where the teacher wrote "An official"
        first, _, rest = person.name.partition(" ")
        named = f"{first.lower()} {rest}" if first.lower() in ("a", "an", "the") and rest else person.name
        return f"The account of {named}"
    if of and head.endswith("s"):
        return f"The account of {person.name}"
    plural = person.kind == "group" and person.name.endswith("s")
    name = person.name[:1].upper() + person.name[1:]  # a choice of its own: "The Allies' account"
    return f"{name}{chr(39) if plural else chr(39) + 's'} account"


@kind("claim", "sourcing", "Claim or fact: does the article report this as fact, or as whose account?")
def claim_questions(lesson: Lesson) -> Iterator[Draft]:
    owners = list(dict.fromkeys(f.according_to for f in lesson.facts if f.according_to))
    if not owners:
        return  # with nothing attributed, every answer would be "reported as fact"
    # Sorted, so that adding or deleting a fact does not reshuffle every other question's choices.
    options = (
        FACT_ANSWER,
        *sorted({account_answer(lesson, f.according_to, f) for f in lesson.facts if f.according_to}),
    )
    unnamed = [answer for answer in UNNAMED_ANSWERS.values() if answer in options]
    if unnamed and ARTICLE_ANSWER not in options:  # unsourced reports are not the writer's own view: ask which
        options += (ARTICLE_ANSWER,)
    wanted = CHOICES + max(len(unnamed) - 1, 0)  # reports and rumour are never choices of one question
    if len(options) < wanted:  # too few accounts for four choices: those of the lesson's speakers are plausible
        speakers = dict.fromkeys(f.by for f in lesson.facts if f.kind == "quote" and f.by and f.by not in owners)
        options += tuple(account_answer(lesson, p) for p in speakers)[: wanted - len(options)]
    askable = [
        fact
        for fact in lesson.facts
        if not (fact.kind == "quote" and fact.according_to is None)  # that someone said their own words
        and "*" not in fact.from_teacher  # the teacher's own fact: the article reports it neither way
    ]
    foils = _established_foils(askable)
    left = [f for f in askable if f.according_to is None and f.id not in foils]
    if left:
        yield left_out(left[0].id, (left[0].id,), left[0].pos,
                       f"'fact or account?' is asked of as many established facts as attributed ones, so that "
                       f"the answer is not always 'established fact'; {len(left)} established facts were left out "
                       f"({', '.join(f.id for f in left[:6])}{', ...' if len(left) > 6 else ''})",
                       "nothing to fix: attribute more facts with according_to: where the article reports them "
                       "as someone's claim")  # fmt: skip
    for fact in askable:
        if fact.according_to is None and fact.id not in foils:
            continue
        answer = account_answer(lesson, fact.according_to, fact)
        # What the article reports, without a date the teacher added to it (or a part of one: its year).
        teacher_dated = "when" in fact.from_teacher or bool(teacher_parts(fact.from_teacher, "when"))
        statement = fact_sentence(lesson, fact, with_date=not teacher_dated)
        yield Draft(
            key=fact.id,
            variables={"statement": statement},
            answer=answer,
            answer_type="account",
            facts=(fact.id,),
            pos=fact.pos,
            according_to=lesson.account_owner(fact),
            context_keys=(fact.id,),
            summary=statement,
            people=fact.people,
            # Reports against rumour would ask a student to weigh two words for the same unnamed hearsay.
            candidates=tuple(o for o in options if o != answer and not {o, answer} <= set(UNNAMED_ANSWERS.values())),
            sources=((answer, ARTICLE_ITSELF), *date_source(lesson, fact, statement)),  # how the article presents it
        )
