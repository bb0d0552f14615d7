"""Proposals and their replies: who proposed what, and what the answer was."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Fact, Lesson
from .base import (
    Draft,
    PeopleRanking,
    accepted_names,
    active_years,
    date_phrase,
    date_source,
    death_years,
    kind,
    left_out,
    members_of,
    name_of,
    names_of,
    of_the_time,
    proposal_clause,
    quoted,
    short_name,
    sole_proposer,
    value_source,
)
from .choices import MAX_QUOTE_WORDS

_WORD = re.compile(r"[a-z0-9]+")
REPLY_CUES = frozenset("replied answered responded retorted rejoined".split())
_FILLER = {"that", "the", "a", "an", "might", "could", "should", "would", "to", "of"}


def _stem(word: str) -> str:
    """Crude, but enough for "join" and "joining" or "proposal" and "proposals" to meet."""
    for suffix in ("ing", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(text.lower())) - _FILLER


def _numbers(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in words if w.isdigit())


def similar(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two proposals (as word sets) could answer the same question ("join NATO" four times over).

    Different numbers ("measure 12", "measure 13") make proposals different whatever else they share.
    """
    return _numbers(a) == _numbers(b) and bool(a and b) and len(a & b) / len(a | b) >= 0.4


class ProposalIndex:
    """The lesson's proposals with their word sets, grouped by the numbers they mention."""

    def __init__(self, lesson: Lesson) -> None:
        self.groups: dict[frozenset[str], list[tuple[Fact, frozenset[str]]]] = {}
        for fact in lesson.facts:
            if fact.kind == "proposal":
                words = _words(fact.what or "")
                self.groups.setdefault(_numbers(words), []).append((fact, words))

    def fitting(self, fact: Fact, with_year: bool, with_to: bool) -> list[Fact]:
        """Proposals that a question built with these details would also describe."""
        words = _words(fact.what or "")
        found = []
        for other, other_words in self.groups.get(_numbers(words), []):
            if not similar(words, other_words):
                continue
            if with_year and other.when is not None and fact.when is not None and other.when.text != fact.when.text:
                continue
            if with_to and other.to != fact.to:
                continue
            found.append(other)
        return found

    def specific_enough(self, fact: Fact) -> tuple[bool, bool] | None:
        """The least detail (year, addressee) that gives a question about `fact` one answer.

        None when even the most specific wording fits several proposals.
        """
        for with_year, with_to in ((False, False), (False, True), (True, False), (True, True)):
            if (with_year and (fact.when is None or not fact.date_agrees)) or (with_to and not fact.to):
                continue
            if {f.by for f in self.fitting(fact, with_year, with_to)} == {fact.by}:
                return with_year, with_to
        return None


@kind("proposal", "contextualisation", "Who proposed it: the proposer of a proposal, with the year when needed.")
def proposal_questions(lesson: Lesson) -> Iterator[Draft]:
    index = ProposalIndex(lesson)
    ranking = PeopleRanking(lesson, (f.by for f in lesson.facts if f.kind == "proposal"))
    # "Who proposed ...?" offers people who act in the lesson, not those it describes only as
    # commentators (an analyst, a film-maker: roles, none of them an office; critics whose only part
    # is an account of something), nor, without an office, someone whose only part is their own words or
    # a deed (a mayor's old schoolfriend quoted on her; marchers offered for a town's request for a
    # new quay: judges), unless they take part in a proposal too.
    actors = {i for f in lesson.facts if f.kind == "proposal" for i in (f.by, *f.to, f.reply.by if f.reply else None)}
    involved = {i for f in lesson.facts for i in (f.by, *f.to, *f.who, f.reply.by if f.reply else None)}
    accounts_only = {i for f in lesson.facts for i in f.accounts} - involved
    bystanders = {i for f in lesson.facts if f.kind != "proposal" for i in (f.by, *f.who)} - actors
    commentators = {
        p.id
        for p in lesson.people.values()
        if not any(r.is_office for r in p.roles) and (p.roles or p.id in accounts_only or p.id in bystanders)
    }
    acting = {p.name for p in lesson.people.values() if p.id in actors or p.id not in commentators}
    sole = sole_proposer(lesson)
    active, died = active_years(lesson), death_years(lesson)
    for fact in lesson.facts:
        if fact.kind != "proposal":
            continue
        if sole is not None:
            yield left_out(fact.id, (fact.id,), fact.pos,
                           f"every proposal of the lesson is {name_of(lesson, sole)}'s, so 'Who proposed ...?' would "
                           "always have the same answer; the cloze asks for a word of the proposal instead",
                           "nothing to fix: add another person's proposal for this question to be asked",
                           code="worth")  # fmt: skip
            continue
        detail = index.specific_enough(fact)
        if detail is None:
            yield left_out(fact.id, (fact.id,), fact.pos,
                           "other proposals in the lesson fit the same words, year and addressee, "
                           "so it would have several answers")  # fmt: skip
            continue
        with_year, with_to = detail
        owner = lesson.account_owner(fact)
        # People who act in the lesson, and of the proposal's time (not dead by then, not decades away).
        timely = of_the_time(lesson, fact, acting, active, died)
        # ... and not of the body the proposal is made to ("Who urged the Varel government ...?": not
        # its ministers).
        timely -= {name_of(lesson, m) for to in fact.to for m in members_of(lesson, to)}
        yield Draft(
            key=fact.id,
            variables={
                "what": fact.what,
                "when": date_phrase(fact.when) if with_year else "",
                "date_first": (fact.what or "").startswith("that "),
                "to": lesson.names_of(fact.to),
                "proposed": fact.proposing.phrase("past", lesson.names_of(fact.to)),
                "proposing": fact.proposing.phrase("gerund", lesson.names_of(fact.to)),
                "according_to": owner,
                "self_account": fact.own_account,
            },
            answer=name_of(lesson, fact.by),
            alternatives=accepted_names(lesson, fact.by),
            answer_type=lesson.people[fact.by].kind,
            facts=(fact.id,),
            pos=fact.pos,
            according_to=owner,
            forbidden=names_of(lesson, fact.by),
            context_keys=(fact.id,),
            summary=proposal_clause(lesson, fact) + ".",
            people=fact.people,
            true_values=frozenset(name_of(lesson, f.by) for f in index.fitting(fact, with_year, with_to)),
            candidates=tuple(n for n in ranking.for_answer(fact.by) if n in timely),  # type: ignore[arg-type]
            sources=((name_of(lesson, fact.by), value_source(lesson, fact, "by")),)
            + (((fact.when.display(), value_source(lesson, fact, "when")),) if with_year and fact.when else ()),
        )


@kind("response", "close reading", "What was the reply: the answer a proposal received, in the article's words.")
def response_questions(lesson: Lesson) -> Iterator[Draft]:
    # A reply's wrong answers are other replies: the lesson's quoted replies and quotations it cues
    # as answers ("replied", "answered"), short enough to read as choices.
    replies = [f.reply.said for f in lesson.facts if f.kind == "proposal" and f.reply and f.reply.said]
    replies += [f.said for f in lesson.facts if f.kind == "quote" and f.said and (f.cue or "").lower() in REPLY_CUES]
    replies = [quoted(r) for r in dict.fromkeys(replies) if len(r.split()) <= MAX_QUOTE_WORDS]
    for fact in lesson.facts:
        if fact.kind != "proposal" or fact.reply is None:
            continue
        owner = lesson.account_owner(fact)
        said, reaction = fact.reply.said, fact.reply.reaction
        # A quoted reply is asked for in its words; a reported reaction is what it is, not a reply.
        answer = quoted(said) if said else reaction or ""
        shown_date = date_phrase(fact.when) if fact.date_agrees else ""  # never a date from another source
        # "According to Vladimir Putin, ... when Putin proposed": no full name twice in one question.
        by = short_name(lesson, fact.by) if owner == name_of(lesson, fact.by) else name_of(lesson, fact.by)
        # "when Putin proposed to Clinton" is redundant in "what was Clinton's reply"; "when Kohl asked
        # Gorbachev to accept" is not: a verb without "to" before its addressee needs it (the short name,
        # the full one having been said).
        to = lesson.names_of(fact.to) if fact.to != (fact.reply.by,) else ""
        if not to and not fact.proposing.before_to:
            to = short_name(lesson, fact.reply.by)
        yield Draft(
            key=fact.id,
            variables={
                "by": by,
                "reply_by": name_of(lesson, fact.reply.by),
                "what": fact.what,
                "when": shown_date,
                "date_first": (fact.what or "").startswith("that "),
                "to": to,
                "proposed": fact.proposing.phrase("past", to),
                "according_to": owner,
                "reaction": bool(reaction),
            },
            answer=answer,
            alternatives=(said,) if said else (),
            answer_type="quote" if said else "reaction",
            facts=(fact.id,),
            pos=fact.reply.pos,
            according_to=owner,
            forbidden=(said or answer,),
            context_keys=(fact.id,),
            summary=proposal_clause(lesson, fact)
            + (f"; the reply: {answer}." if said else f"; the response: {answer}."),
            people=fact.people,
            # The replier's other quotations may be more of the same reply: never offered as wrong.
            true_values=frozenset(
                quoted(f.said) for f in lesson.facts if f.kind == "quote" and f.said and f.by == fact.reply.by
            ),
            candidates=tuple(r for r in replies if r != answer) if said else (),
            sources=((answer, value_source(lesson, fact, "reply")), *date_source(lesson, fact, shown_date)),
        )
