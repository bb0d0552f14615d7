"""Sourcing: who said it, which quotation goes with which speaker, claim or fact."""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TypeVar

from ..model import ARTICLE, ARTICLE_ITSELF, REPORTS, RUMOUR, Fact, Lesson, teacher_parts
from ..sentences import sentence_starts
from .base import (
    Draft,
    PeopleRanking,
    Question,
    about_of,
    accepted_names,
    active_years,
    date_source,
    death_years,
    excluded_from,
    fact_sentence,
    kind,
    left_out,
    name_of,
    named_in,
    names_of,
    of_the_time,
    quoted,
    spoken,
)
from .choices import CHOICES, same_words
from .giveaways import content_stems, fold

MATCHING_MAX = 10
T = TypeVar("T")
# The choices of a claim question must differ in meaning: a plain statement of fact, the
# writer's own interpretation (`according_to: article`), or a named person's account.
FACT_ANSWER = "Stated as fact"
ARTICLE_ANSWER = "The writer's own interpretation"
CLAIM_SHARE = 4  # at most one in this many multiple-choice questions asks "fact or account?"
SHARED_FROM = 8  # questions in all (of any shape) from which the share is kept
# Reports and rumour whose source the article does not name: neither fact nor the writer's view.
UNNAMED_ANSWERS = {REPORTS: "Reports, source not named", RUMOUR: "Rumour, source not named"}
UNNAMED = frozenset(UNNAMED_ANSWERS.values())


@kind("attribution", "sourcing", "Who said it: the speaker of a quotation.")
def attribution_questions(lesson: Lesson) -> Iterator[Draft]:
    quotes = [f for f in lesson.facts if f.kind == "quote"]
    speakers_of: dict[str, set[str | None]] = {}
    for fact in quotes:
        speakers_of.setdefault(" ".join((fact.said or "").split()), set()).add(fact.by)
    ranking = PeopleRanking(lesson, (f.by for f in quotes))
    # "Who said ...?" offers only people whose words the lesson reports (quoted, or in an account it
    # attributes to them): someone who never speaks in it is no plausible speaker.
    quoted_people = {f.by for f in quotes} | {f.reply.by for f in lesson.facts if f.reply and f.reply.said}
    quoted_people |= {f.according_to for f in lesson.facts if f.according_to in lesson.people}
    speakers = {name_of(lesson, p) for p in quoted_people if p}
    active, died = active_years(lesson), death_years(lesson)
    # "Which document said ...?" of a lesson with one quoted document names it in the question.
    documents = {f.by for f in quotes if lesson.people[f.by].kind == "document"}  # type: ignore[index]
    drafts: list[Draft] = []
    for fact in quotes:
        if speakers_of[" ".join((fact.said or "").split())] != {fact.by}:
            yield left_out(fact.id, (fact.id,), fact.pos, "the same words are quoted from two speakers")
            continue
        speaker = lesson.people[fact.by]  # type: ignore[index]
        if not speaker.named:
            yield left_out(fact.id, (fact.id,), fact.pos, "the article does not name the speaker")
            continue
        if speaker.kind == "document" and len(documents) == 1:
            yield left_out(fact.id, (fact.id,), fact.pos,
                           f"'which document ...?' answers itself: {speaker.name} is the only document "
                           "the lesson quotes", "nothing to fix: the quotation is asked by the other kinds",
                           code="worth")  # fmt: skip
            continue
        owner = lesson.account_owner(fact)
        timely = of_the_time(lesson, fact, speakers, active, died) - _judged_authors(lesson, fact.said or "")
        drafts.append(Draft(
            key=fact.id,
            variables={
                "said": fact.said,
                "about": about_of(fact),
                "spoken": spoken(fact),
                "according_to": owner,
                "document": speaker.kind == "document",
                "author": bool(speaker.author),
            },
            answer=name_of(lesson, fact.by),
            alternatives=accepted_names(lesson, fact.by),
            answer_type=speaker.kind,
            facts=(fact.id,),
            pos=fact.pos,
            according_to=owner,
            forbidden=names_of(lesson, fact.by),
            context_keys=(fact.id,),
            summary=f"{name_of(lesson, fact.by)}: {quoted(fact.said or '')}",
            people=fact.people,
            candidates=tuple(n for n in ranking.for_answer(fact.by) if n in timely),  # type: ignore[arg-type]
            sources=((name_of(lesson, fact.by), lesson.owner_name(fact.according_to) or ARTICLE_ITSELF),),
        ))  # fmt: skip
    excluded = excluded_from(lesson, "attribution")  # the teacher's choice, not counted as asked
    yield from _without_drill([d for d in drafts if d.key not in excluded])


def _judged_authors(lesson: Lesson, said: str) -> set[str]:
    """The documents that words speak of ("The report is a whitewash"), and their authors: none is a
    plausible speaker of words that judge the document from outside."""
    words = said.lower()
    judged = set()
    for person in lesson.people.values():
        head = person.name.split()[-1].lower() if person.name.split() else ""
        if person.kind == "document" and (named_in(head, words) or named_in(person.name.lower(), words)):
            judged.add(person.name)
            if person.author:
                judged.add(lesson.people[person.author].name)
    return judged


SHORT_PER_SPEAKER = 2  # short-answer "Who said ...?" questions kept of a speaker who answers most of them


def _without_drill(drafts: list[Draft]) -> Iterator[Draft]:
    """The attribution drafts, with at most SHORT_PER_SPEAKER short-answer ones (too few other speakers
    for choices) of a speaker who would answer more than half of them: four "Who said ...?" in a row
    all answered by one name are a drill, not a question about sources. Those kept come first in a
    hash of ids, so adding or removing a quotation changes few others."""
    short = [d for d in drafts if len([c for c in d.candidates or () if c != d.answer]) < CHOICES - 1]
    count = Counter(d.answer for d in short)
    dropped = drilled([(d.key, d.answer) for d in short], len(drafts))
    for draft in drafts:
        if draft.key not in dropped:
            yield draft
            continue
        yield left_out(draft.key, draft.facts, draft.pos,
                       f"{draft.answer} would answer {count[draft.answer]} of the lesson's {len(drafts)} "
                       f"'who said ...?' questions, with too few other speakers for choices; {SHORT_PER_SPEAKER} "
                       "are kept, so that it stays a question about sources rather than a drill",
                       "nothing to fix; exclude a kept one under questions: exclude: attribution: to ask this one "
                       "instead", code="worth")  # fmt: skip


def drilled(short: list[tuple[str, str]], asked: int, limit: int = SHORT_PER_SPEAKER) -> set[str]:
    """Of the "Who said ...?" questions (key, answer) among `asked` in all, the keys to leave out: those
    past `limit` of a speaker who answers more than half (see `_without_drill`)."""
    count = Counter(answer for _, answer in short)
    many = {answer for answer, n in count.items() if n > limit and n * 2 > asked}
    kept: Counter[str] = Counter()
    dropped = set()
    for key, answer in sorted((i for i in short if i[1] in many), key=lambda i: hashlib.sha256(i[0].encode()).digest()):
        kept[answer] += 1
        if kept[answer] > limit:
            dropped.add(key)
    return dropped


PER_SPEAKER = 3  # "Who said ...?" questions of any form kept of a speaker who answers most of the sheet's
TITLED_PER_SPEAKER = 2  # ... of such a speaker whom the lesson's title names


def without_drill(questions: list[Question], title: str = "") -> tuple[list[Question], list[Question]]:
    """The questions of a set after one-sheet selection, with the drill rule applied again (selection
    may have left out other speakers' "Who said ...?"), and then to every "Who said ...?", choices or
    not: at most PER_SPEAKER of a speaker who answers more than half, and TITLED_PER_SPEAKER of one the
    lesson's `title` names. Returns those kept and those left out."""
    said = [q for q in questions if q.kind == "attribution"]
    dropped = drilled([(q.fact, q.answer) for q in said if not q.choices], len(said))
    # With choices too: seven "Who said ...?" of eleven answered by the lesson's subject are guessed.
    left = [q for q in said if q.fact not in dropped]
    dropped |= drilled([(q.fact, q.answer) for q in left], len(left), PER_SPEAKER)
    # The person the title names is every student's first guess: a third of theirs is answered by it.
    left = [q for q in said if q.fact not in dropped]
    titled = [(q.fact, q.answer) for q in left if q.answer.split() and named_in(q.answer.split()[-1], title)]
    dropped |= drilled(titled, len(left), TITLED_PER_SPEAKER)
    return [q for q in questions if q.kind != "attribution" or q.fact not in dropped], [
        q for q in said if q.fact in dropped
    ]


def _label(lesson: Lesson, fact: Fact) -> str:
    """The quotation (in its frame, when the article gives one: 'is said to believe “...”')."""
    text = " ".join((fact.said or "").split())
    words = text.split()
    if len(words) > 30:
        text = " ".join(words[:28]) + " …"
    owner = lesson.accounts_name(fact)
    shown = fact.framed(text) if fact.frame else quoted(text)
    return shown + (f" (as {owner} tells it)" if owner else "")


MATCHING_SPEAKERS = 3  # fewer, and matching is a guess between two


def fair_matching(items: list[T], speaker: Callable[[T], str], most: int) -> list[T]:
    """At most `most` of the items, in their order, from at least three speakers with none having
    more than half of them, taking the speakers in turn; [] when no such set of three or more is
    to be had (six quotations of two speakers, four of them one's, is a coin flip, not a matching)."""
    queues: dict[str, list[int]] = {}
    for index, item in enumerate(items):
        queues.setdefault(speaker(item), []).append(index)
    if len(queues) < MATCHING_SPEAKERS:
        return []
    in_turn = [i for round_ in itertools.zip_longest(*queues.values()) for i in round_ if i is not None]
    for size in range(min(most, len(in_turn)), MATCHING_SPEAKERS - 1, -1):
        taken = in_turn[:size]
        if max(Counter(speaker(items[i]) for i in taken).values()) * 2 <= size:
            return [items[i] for i in sorted(taken)]
    return []


@kind("matching", "sourcing", f"Match quotations to their speakers, at most {MATCHING_MAX} pairs a set.")
def matching_questions(lesson: Lesson) -> Iterator[Draft]:
    # Words others attribute to someone (hearsay) are not theirs to match; nor are an unnamed speaker's.
    quotes = [f for f in lesson.facts if f.kind == "quote" and not f.hearsay and lesson.people[f.by].named]  # type: ignore[index]
    quotes = [f for f in quotes if f.id not in excluded_from(lesson, "attribution")]  # asked who said it
    # A document's words are its author's too: a report and a person side by side would give its
    # quotations two right speakers, so a set of people's words leaves the documents' out.
    documents = [f for f in quotes if lesson.people[f.by].kind == "document"]  # type: ignore[index]
    if documents and len(documents) < len(quotes):
        yield left_out(documents[0].id, tuple(f.id for f in documents), documents[0].pos,
                       f"the quotations of documents ({', '.join(f.id for f in documents[:6])}"
                       f"{', ...' if len(documents) > 6 else ''}) are not matched with people's: a document's "
                       "words may be its author's, two right answers",
                       "nothing to fix: the quotations are asked by the other kinds", code="worth")  # fmt: skip
        quotes = [f for f in quotes if f not in documents]
    if len(quotes) < MATCHING_SPEAKERS:
        return
    sets = -(-len(quotes) // MATCHING_MAX)
    for number in range(sets):
        chunk = quotes[number::sets]  # interleaved, so that each set mixes the article's speakers
        fair = fair_matching(chunk, lambda f: f.by or "", MATCHING_MAX)
        left = [f for f in chunk if f not in fair]
        if left:
            why = ("fewer than three speakers, or one with more than half the quotations" if not fair
                   else "no speaker may have more than half of a set's quotations")  # fmt: skip
            yield left_out(left[0].id, tuple(f.id for f in left), left[0].pos,
                           f"{len(left)} of the {len(chunk)} quotations of matching set {number + 1} were left out "
                           f"({', '.join(f.id for f in left[:6])}{', ...' if len(left) > 6 else ''}): {why}, "
                           "so that matching is not a guess",
                           "nothing to fix: the quotations are asked by the other kinds", code="worth")  # fmt: skip
        if not fair:
            continue
        pairs = tuple((_label(lesson, f), name_of(lesson, f.by)) for f in fair)
        yield Draft(
            key=f"set-{number + 1}",
            variables={"count": len(fair)},
            answer="; ".join(f"{left} — {right}" for left, right in pairs),
            answer_type="pairs",
            facts=tuple(f.id for f in fair),
            pos=fair[0].pos,
            pairs=pairs,
            context_keys=tuple(f.id for f in fair),
            summary=matching_summary(len(fair)),
            people=tuple(dict.fromkeys(p for f in fair for p in f.people)),
            sources=tuple(
                (right, lesson.accounts_name(f) or ARTICLE_ITSELF) for f, (_, right) in zip(fair, pairs, strict=True)
            ),
        )


def matching_summary(count: int) -> str:
    return f"{count} quotations and their speakers."


def _claim_order(facts: list[Fact]) -> list[Fact]:
    """The facts worth asking 'fact or account?' first: claims whose source matters most (a person's
    account whose date or another value someone else gives, or given at another time), then other
    people's accounts, the writer's own interpretations, with an established fact every fourth place
    so that 'stated as fact' is sometimes the answer; within each, one account of each source in turn.
    Ties in a hash of ids, so adding or removing a fact moves few others."""

    def rank(fact: Fact) -> tuple[int, bytes]:
        disputed = bool(fact.sources) or fact.said_when is not None
        level = 2 if fact.according_to == ARTICLE else 0 if disputed else 1
        return level, hashlib.sha256(fact.id.encode()).digest()

    ranked = sorted((f for f in facts if f.according_to is not None), key=rank)
    # Within a level, each source in turn: the first questions asked are of different people's accounts.
    turns: dict[tuple[int, str | None], list[Fact]] = {}
    for fact in ranked:
        turns.setdefault((rank(fact)[0], fact.according_to), []).append(fact)
    attributed = []
    for level in sorted({level for level, _ in turns}):
        queues = [queue for (at, _), queue in turns.items() if at == level]
        attributed += [f for round_ in itertools.zip_longest(*queues) for f in round_ if f is not None]
    established = sorted((f for f in facts if f.according_to is None), key=rank)
    ordered: list[Fact] = []
    while attributed or established:
        source = established if established and (len(ordered) % 4 == 3 or not attributed) else attributed
        ordered.append(source.pop(0))
    return ordered


def within_share(questions: list[Question]) -> tuple[list[Question], list[Question]]:
    """The questions with 'fact or account?' at most a quarter of the multiple-choice ones (the
    first of them, which the claim kind orders by how much their source matters), and those left out.
    A lesson of a handful of questions keeps them all, and one of a handful of multiple-choice
    questions among short answers keeps one: a quarter of a handful is none, and the kind would
    never be asked."""
    # Those with no choices (too few accounts that fit) count too, after the others: a short answer
    # is no way out of the share.
    claims = sorted((q for q in questions if q.kind == "claim"), key=lambda q: not q.choices)
    others = sum(1 for q in questions if q.choices and q.kind != "claim")
    if len(questions) < SHARED_FROM:
        return questions, []
    room = max(1, others // (CLAIM_SHARE - 1))
    dropped = claims[room:]
    left = {q.id for q in dropped}
    return [q for q in questions if q.id not in left], dropped


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
    # Not "Some historians of engineering's account" (but "The Ministry of X's"); not "A local official's";
    # not a possessive of a possessive.
    if not person.named:  # "an official", as the article has it, even where the teacher wrote "An official"
        first, _, rest = person.name.partition(" ")
        # "Observers here" at a sentence's start is "observers here" inside one: a word the article
        # capitalises only where a sentence starts; "Lenby officials", "EU diplomats" keep their capital.
        common = first.lower() in ("a", "an", "the") or _common_word(first, lesson.article or "")
        named = f"{first.lower()} {rest}" if rest and common else person.name
        return f"The account of {named}"
    # Not "the Sande review's report's account", nor "critics, including Lenby and Varel's account" (Varel's?).
    if (of and head.endswith("s")) or re.search(r"['’]s\b|,| and ", person.name):
        return f"The account of {person.name}"
    first, _, rest = person.name.partition(" ")
    if rest and first.lower() in ("a", "an"):  # not "A harbour report's account" (a judge)
        return f"The account of {first.lower()} {rest}"
    # "Russian officials' account", "the Allies' account": a plural takes the apostrophe alone; a
    # name does not ("James's", "Agnes Pell's"), and a plural's last word is a common noun in lower case.
    last = person.name.split()[-1]
    plural = last.endswith("s") and not last.endswith("ss") and (person.kind == "group" or last.islower())
    name = person.name[:1].upper() + person.name[1:]  # a choice of its own: "The Allies' account"
    return f"{name}{chr(39) if plural else chr(39) + 's'} account"


# Events of a life, not claims: "was born", "died", "married".
_LIFE_EVENT = re.compile(r"\b(?:(?:was|were) born|died|married|(?:was|were) buried)\b")


@functools.lru_cache(maxsize=1024)  # asked for every claim's choices: the article's sentences found once a word
def _common_word(word: str, article: str) -> bool:
    """Whether a capitalised word is a common one: in lower case in the article, or capitalised there only
    where a sentence starts; an acronym ("EU") and a word the article does not hold never are."""
    if not word[1:].islower():
        return False
    if named_in(word.lower(), article):
        return True
    starts = set(sentence_starts(article))
    found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", article)]
    return bool(found) and all(_at_start(offset, starts, article) for offset in found)


def _at_start(offset: int, starts: set[int], article: str) -> bool:
    """Whether `offset` is where a sentence's words begin (after its opening marks and spaces)."""
    begin = offset
    while begin > 0 and article[begin - 1] in " \t\"'“‘(":
        begin -= 1
    return begin in starts


def _vague(lesson: Lesson, owner: str | None) -> bool:
    """Whether a source is named only by what it is, as hearsay is ("the media", "critics", "observers
    here", an unnamed speaker: a group whose name, after its article, has no capital), not who ("the
    Lenby council", "the Lenby Harbour Trust", "the government of Varel")."""
    person = lesson.people.get(owner or "")
    if person is None:
        return False
    words = person.name.split()
    words = words[1:] if words and words[0].lower() in ("a", "an", "the") else words
    return not person.named or (person.kind == "group" and not any(w[:1].isupper() for w in words))


def _named_after(lesson: Lesson, owner: str) -> str:
    """The name a group's name is made of ("Hale" of "Hale's supporters", "Mrs Hale's supporters"), or ""."""
    person = lesson.people.get(owner)
    if person is None or person.kind == "person":
        return ""
    match = re.search(r"\b([A-Z][\w-]+)['’]s?\s", person.name)
    return match.group(1) if match else ""


def _sole_owner(fact: Fact) -> str | None:
    """Whose account a fact is, when it is one source's."""
    return fact.according_to if len(fact.accounts) <= 1 else None


def _names(lesson: Lesson, owner: str | None, text: str) -> bool:
    """Whether a text names a person or group, in any of the ways the lesson names them, or the other
    half of their one source (a document and its author)."""
    names = [n for source in sorted(lesson.one_source(owner)) for n in names_of(lesson, source)]
    return any(named_in(n, text, ignore_case=True) for n in names)


DISPUTE_WORDS = 2  # words of its matter (not names) an established fact shares with someone's account


def _in_dispute(lesson: Lesson) -> set[str]:
    """The established facts on a matter of which the lesson also gives someone's account: only there is
    "stated as fact" an answer worth learning. Of an undisputed event ("X interviewed Y", a birth, a
    death), the others' "accounts" offered beside it read as absurd and the answer is obvious."""
    names = {w for person in lesson.people.values() for n in person.names for w in content_stems(fold(n))}

    def matter(fact: Fact) -> frozenset[str]:  # a date is no matter: two events of 1962 are not one
        return content_stems(fold(fact_sentence(lesson, fact, with_date=False))) - names

    accounts = [matter(f) for f in lesson.facts if f.according_to is not None]
    return {
        fact.id
        for fact in lesson.facts
        if fact.according_to is None
        and fact.kind != "quote"
        and any(len(matter(fact) & account) >= DISPUTE_WORDS for account in accounts)
    }


@kind("claim", "sourcing", "Claim or fact: does the article report this as fact, or as whose account?")
def claim_questions(lesson: Lesson) -> Iterator[Draft]:
    owners = list(dict.fromkeys(f.according_to for f in lesson.facts if f.according_to))
    if not owners:
        return  # with nothing attributed, every answer would be "reported as fact"
    # Sorted, so that adding or deleting a fact does not reshuffle every other question's choices;
    # each with whose account it is (none for an account of several sources), to leave out of a
    # statement that names them.
    accounts = {account_answer(lesson, f.according_to, f): _sole_owner(f) for f in lesson.facts if f.according_to}
    options = {FACT_ANSWER: None, **{answer: accounts[answer] for answer in sorted(accounts)}}
    # Too few accounts for four choices: those of the lesson's speakers are plausible.
    speakers = dict.fromkeys(f.by for f in lesson.facts if f.kind == "quote" and f.by and f.by not in owners)
    spare = {account_answer(lesson, p): p for p in speakers}
    disputed = _in_dispute(lesson)
    askable = [
        fact
        for fact in lesson.facts
        if not (fact.kind == "quote" and fact.according_to is None)  # that someone said their own words
        and "*" not in fact.from_teacher  # the teacher's own fact: the article reports it neither way
        and (fact.according_to is not None or fact.id in disputed)
        # A birth or a death the article states is nobody's account: choices of accounts would read as absurd.
        and not (fact.according_to is None and _LIFE_EVENT.search(fact.what or ""))
        # Whose proposal or words it is, which the teacher chose not to ask.
        and fact.id not in excluded_from(lesson, "proposal") | excluded_from(lesson, "attribution")
    ]
    for fact in _claim_order(askable):
        answer = account_answer(lesson, fact.according_to, fact)
        # What the article reports, without a date the teacher added to it (or a part of one: its year).
        teacher_dated = "when" in fact.from_teacher or bool(teacher_parts(fact.from_teacher, "when"))
        statement = fact_sentence(lesson, fact, with_date=not teacher_dated)
        # Never the account of someone the statement names: "The board proposed ..." would be theirs too.
        # Nor reports against rumour: a student would weigh two words for the same unnamed hearsay.
        fair = [
            o
            for o, owner in options.items()
            if same_words(o) != same_words(answer)  # "of an observer" beside "of observers": both right
            and not _names(lesson, owner, statement)
            and not {o, answer} <= UNNAMED
            # "The media's account" beside "Reports, source not named": a careful student defends both.
            and not (o in UNNAMED and _vague(lesson, _sole_owner(fact)))
            # A document's account and its author's are one: neither is a wrong answer for the other.
            and not (owner and owner in lesson.one_source(_sole_owner(fact)))
        ]
        # The same the other way round, where other claims are left to make up four: beside reports or
        # rumour as the answer, no source named only by what it is ("the media").
        clear = [o for o in fair if not (answer in UNNAMED and _vague(lesson, options[o]))]
        fair = clear if len(clear) >= CHOICES - 1 else fair
        # Nor, as two wrong answers, such a source and reports or rumour (a judge: "The media's account"
        # beside "Reports, source not named").
        vague_foil = any(o not in UNNAMED and _vague(lesson, options[o]) for o in fair)
        fair = [o for o in fair if not (vague_foil and o in UNNAMED)]
        # Only to make up four: a claim's foils are other claims, and a speaker quoted on something
        # else is no source of one ("a princess's account" of a rumoured reshuffle).
        firsts: dict[tuple[str, ...], str] = {}
        for option in fair:  # one of each set of words
            firsts.setdefault(same_words(option), option)
        fair = list(firsts.values())
        hearsay = [o for o in fair if o in UNNAMED][1:]  # reports or rumour, never both among the choices
        fair = [o for o in fair if o not in hearsay]
        # Too few sources of claims: that no one is named is a fair confusion for a named source's account
        # (judges found speakers quoted on something else absurd as sources: a supporter accusing his own side).
        if (
            len(fair) < CHOICES - 1
            and not UNNAMED & {answer, *fair}
            and not _vague(lesson, _sole_owner(fact))
            and not vague_foil
        ):
            fair.append(UNNAMED_ANSWERS[REPORTS])
        fair += [
            o
            for o, p in spare.items()
            if not _names(lesson, p, statement) and p not in lesson.one_source(_sole_owner(fact))
        ][: max(0, CHOICES - 1 - len(fair))]
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
            candidates=tuple(fair),
            must_offer=(FACT_ANSWER,),  # the article stating it is always one of the choices
            # A statement that names whose account it is answers itself ("... while Ivanov was minister").
            # So does one that names who a source is named after ("Hale's supporters" of "... Ann Hale ...").
            forbidden=tuple(n for owner in fact.accounts if owner in lesson.people for n in names_of(lesson, owner))
            + tuple(name for owner in fact.accounts if (name := _named_after(lesson, owner))),
            sources=((answer, ARTICLE_ITSELF), *date_source(lesson, fact, statement)),  # how the article presents it
        )
