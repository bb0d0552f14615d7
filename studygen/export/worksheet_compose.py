"""Which questions go on a worksheet: each fact once, and no item giving away another's answer.

A sheet is read as a whole. A student who finds "Clinton replied, 'Why not?'" in one
quotation needs no thought for the question "What was Clinton's reply?" three items later,
and a word bank that holds a short answer answers it. So the composer adds items one by
one (timeline and matching first, then the other sections in turn) and takes an item only when
- none of its facts (counting every fact inside a timeline or matching item) is on the
  sheet already, and
- no answer it asks for is shown by an item already taken, and it shows no answer those
  items ask for (compared after folding case, quote marks, dashes and white space).

A choice that *is* another item's answer gives nothing away (a list of four names is a
list of candidates); an answer inside a longer choice, a prompt, a quotation, a timeline
label or the word bank does. Whatever is left off for these reasons gets a note.
"""

from __future__ import annotations

import itertools
import math
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..article import fold_text
from ..model import Lesson
from ..questions import KINDS, Question
from ..questions.cloze import BLANK, RARE_ZIPF, keyword_candidates
from ..questions.shapes import Shape
from ..questions.sourcing import CLAIM_SHARE, fair_matching

SECTIONS = ("timeline", "matching", "multiple_choice", "fill_in", "short_answer")  # in print order
DEFAULT_COUNTS = {"timeline": 1, "matching": 1, "multiple_choice": 10, "fill_in": 6, "short_answer": 4}
SHORT_ANSWER_KINDS = ("response", "when", "office", "attribution", "proposal", "office-holder")
MIN_QUOTE_WORDS = 3  # "dream" or "giant" alone, out of context, cannot be told apart
MIN_PAIRS = 3  # fewer, and matching is a guess between two
MAX_SAME_ANSWER = 2  # items on one sheet with the same answer
MAX_PAIRS = 6  # more quotations than this crowd out the blanks and questions that need them
MIN_EXTRA_WORDS = 2  # so that the last blank is never solved by elimination
HEADER = "the sheet's header or footer"

_WORD = re.compile(r"[^\W\d_][\w'-]*")


def fold(text: str) -> str:
    """Text as a reader compares it: case, quote marks, dashes and white space folded (quote
    marks and dashes as the article's own matching folds them, then quote marks dropped)."""
    return fold_text(text.replace(BLANK, " ")).replace('"', "").casefold()


def shows(text: str, secret: str) -> bool:
    """Whether folded `text` holds folded `secret` as whole words."""
    return bool(secret) and re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", text) is not None


@dataclass(frozen=True)
class View:
    """What one item puts in front of the student, and what it asks of them (all folded)."""

    shown: tuple[str, ...]  # prompts, quotations, timeline labels
    candidates: tuple[str, ...] = ()  # choices, speakers, word bank: whole values offered to pick from
    secrets: tuple[str, ...] = ()  # what the student must supply
    # A person as the answer: their names, and the other people the question names. "Putin" in
    # another prompt gives nothing away; "Putin told ... Robertson" does, when the question is
    # "Who proposed to George Robertson ...?".
    person: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())

    def reveals(self, secret: str) -> bool:
        return any(shows(text, secret) for text in self.shown) or any(
            shows(text, secret) and text != secret for text in self.candidates
        )

    def reveals_person(self, names: tuple[str, ...], cues: tuple[str, ...]) -> bool:
        return any(
            any(shows(text, name) for name in names) and any(shows(text, cue) for cue in cues) for text in self.shown
        )

    def gives_away(self, other: View) -> bool:
        """Whether this item shows an answer `other` asks for."""
        return any(self.reveals(secret) for secret in other.secrets) or self.reveals_person(*other.person)


def _folded(values: Iterable[str]) -> tuple[str, ...]:
    """Values as compared, once each; a value of less than two letters or digits is too short to matter."""
    return tuple(s for s in dict.fromkeys(fold(v) for v in values) if re.search(r"\w\w", s))


class People:
    """The lesson's people by every name a sheet may show them under (folded)."""

    def __init__(self, lesson: Lesson) -> None:
        self.names = [_folded(person.names) for person in lesson.people.values()]

    def of(self, answer: str) -> tuple[str, ...]:
        folded = fold(answer)
        return next((names for names in self.names if folded in names), ())

    def named_in(self, text: str, besides: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(name for names in self.names if names != besides for name in names if shows(text, name))


def view(section: str, question: Question, people: People) -> View:
    """What a question shows and asks on a sheet, in the section it is printed in."""
    if section == "timeline":
        events = question.sequence
        return View(_folded(e.label for e in events), secrets=_folded(e.when for e in events))
    if section == "matching":
        matches = question.matches
        return View(_folded(m.prompt for m in matches), candidates=_folded(m.answer for m in matches))
    prompt = fold(question.prompt)
    # Choices are offered beside a multiple-choice item; a blank's answer, in the word bank.
    offered = question.choices if section == "multiple_choice" else (question.answer,) if section == "fill_in" else ()
    candidates = _folded(offered)
    if names := people.of(question.answer):
        return View((prompt,), candidates, person=(names, people.named_in(prompt, names)))
    return View((prompt,), candidates, _folded((question.answer, *question.alternatives)))


@dataclass
class Composition:
    """The questions of each section (the same in every version), the word bank, and notes."""

    sections: dict[str, list[Question]]
    word_bank: tuple[str, ...] = ()
    notes: list[tuple[str, str]] = field(default_factory=list)  # (fact id, why something was left off)


class _Sheet:
    """The items taken so far, and the test a new one must pass."""

    def __init__(self) -> None:
        self.facts: set[str] = set()
        self.views: list[tuple[str, View]] = []  # (what the item is, for notes; what it shows and asks)
        self.answers: list[str] = []

    def clash(self, new: View) -> str | None:
        """The item already on the sheet that `new` would give away, or that would give `new` away."""
        for other, taken in self.views:
            if taken.gives_away(new) or new.gives_away(taken):
                return other
        return None

    def secrets_of(self, ids: Iterable[str]) -> set[str]:
        """The answers the given items on the sheet ask for."""
        wanted = set(ids)
        return {secret for item, taken in self.views if item in wanted for secret in taken.secrets}

    def answering(self, answer: str) -> int:
        """How many items on the sheet have this answer."""
        return self.answers.count(answer)

    def take(self, question: Question, new: View) -> None:
        self.facts.update(_facts(question))
        self.views.append((question.id, new))
        self.answers.append(fold(question.answer))


def _facts(question: Question) -> tuple[str, ...]:
    return question.facts or (question.fact,)


def _set_pairs(question: Question, keep: list[int]) -> Question:
    """A timeline or matching question with only some of its pairs (and their facts)."""
    facts = question.facts if len(question.facts) == len(question.pairs) else ()
    return replace(
        question,
        pairs=tuple(question.pairs[i] for i in keep),
        facts=tuple(facts[i] for i in keep) if facts else question.facts,
    )


def _by_kind(questions: list[Question]) -> list[list[Question]]:
    by_kind: dict[str, list[Question]] = {}
    for question in questions:
        by_kind.setdefault(question.kind, []).append(question)
    return [by_kind[k] for k in KINDS if k in by_kind]


def _word_count(quotation: str) -> int:
    return len(_WORD.findall(re.sub(r"\(as [^)]*\)$", "", quotation)))


class Composer:
    def __init__(self, lesson: Lesson, questions: list[Question]) -> None:
        self.lesson = lesson
        self.questions = questions
        self.counts = {**DEFAULT_COUNTS, **lesson.worksheet.sections}
        self.sheet = _Sheet()
        self.people = People(lesson)
        # The header (the lesson's title) and the footer (the source) are on every page: an answer
        # they show is no question ("In what year ...?" under "NATO, 1949-1955").
        self.sheet.views.append((HEADER, View((fold(lesson.title), fold(lesson.source.citation())))))
        self.left_off: dict[str, str] = {}  # fact: why a question of it was left off (said if none is on)

    def compose(self) -> Composition:
        chosen: dict[str, list[Question]] = {name: [] for name in SECTIONS}
        questions = self.questions
        # Timeline and matching first (each item holds several facts), then blanks, short answers
        # and multiple choice one at a time in turn, so that no section takes every fact it could.
        chosen["timeline"] = self._sets("timeline", [q for q in questions if q.shape is Shape.ORDERING])
        chosen["matching"] = self._sets("matching", [q for q in questions if q.shape is Shape.MATCHING])
        chosen.update(self._singles())
        answers = [q.answer for q in chosen["fill_in"]]
        bank = tuple(sorted(answers + self._extra_words(answers), key=str.lower))
        notes = [(fact, why) for fact, why in self.left_off.items() if fact not in self.sheet.facts]
        return Composition(chosen, bank, notes)

    def _sets(self, section: str, questions: list[Question]) -> list[Question]:
        """Timeline or matching items: each keeps only the pairs whose facts are free and that give
        nothing away, and is left off when too few remain."""
        taken: list[Question] = []
        for question in questions:
            if len(taken) >= self.counts[section]:
                break
            facts = _facts(question)
            keep: list[int] = []
            for index, (left, _) in enumerate(question.pairs):
                fact = facts[index] if len(facts) == len(question.pairs) else question.fact
                if fact in self.sheet.facts:
                    continue
                if section == "matching" and _word_count(left) < MIN_QUOTE_WORDS:
                    self.left_off.setdefault(fact, f"left {left} out of the matching: too short to recognise")
                    continue
                other = self.sheet.clash(view(section, _set_pairs(question, [index]), self.people))
                if other is not None:
                    self.left_off.setdefault(fact, f"left {left} out of the {section}: it and {other} would "
                                             "give each other's answers away")  # fmt: skip
                    continue
                keep.append(index)
            if section == "matching":  # three speakers or more, none with more than half the items
                speakers = [right for _, right in question.pairs]
                keep = fair_matching(keep, speakers.__getitem__, MAX_PAIRS)
            trimmed = _set_pairs(question, keep[:MAX_PAIRS])
            if len(trimmed.pairs) < MIN_PAIRS:
                continue
            self.sheet.take(trimmed, view(section, trimmed, self.people))
            taken.append(trimmed)
        return taken

    def _singles(self) -> dict[str, list[Question]]:
        """Fill-in, short-answer and multiple-choice items, taken a question per section in turn."""
        pools = {
            "fill_in": [q for q in self.questions if q.shape is Shape.CLOZE],
            "short_answer": [q for q in self.questions if q.kind in SHORT_ANSWER_KINDS],
            "multiple_choice": [q for q in self.questions if q.choices],
        }
        queues = {name: _by_kind(pool) for name, pool in pools.items()}
        chosen: dict[str, list[Question]] = {name: [] for name in pools}
        progress = True
        while progress:
            progress = False
            for name in pools:
                if len(chosen[name]) < self.counts[name] and (question := self._next(name, queues[name], chosen[name])):
                    chosen[name].append(question)
                    progress = True
        return chosen

    def _next(self, section: str, queues: list[list[Question]], chosen: list[Question]) -> Question | None:
        """The section's next question that fits the sheet, taking kinds in turn so it is varied.
        A kind with no room on the sheet yet ("fact or account?" beyond its share) waits its turn."""
        waiting = 0
        while len(queues) > waiting:
            queue = queues.pop(0)
            if not _room_for(queue[0], chosen):
                queues.append(queue)
                waiting += 1
                continue
            waiting = 0
            while queue:
                question = queue.pop(0)
                if self._fits(section, question, chosen):
                    if queue:
                        queues.append(queue)  # this kind again after the others
                    return question
        return None

    def _fits(self, section: str, question: Question, chosen: list[Question]) -> bool:
        if any(fact in self.sheet.facts for fact in _facts(question)):
            return False
        new = view(section, question, self.people)
        if section == "fill_in" and set(new.secrets) & self.sheet.secrets_of(q.id for q in chosen):
            return False  # two blanks with one answer: the bank would list it twice
        if self.sheet.answering(fold(question.answer)) >= MAX_SAME_ANSWER:
            return False  # a sheet whose answer is "Vladimir Putin" five times teaches little
        other = self.sheet.clash(new)
        if other is not None:
            clash = f"it and {other} would give each other's answers away"
            why = f"its answer is printed in {HEADER}" if other == HEADER else clash
            self.left_off.setdefault(question.fact, f"left {question.id} off the worksheet: {why}")
            return False
        self.sheet.take(question, new)
        return True

    def _extra_words(self, answers: list[str]) -> list[str]:
        """A few words of the same kinds as the blanks' answers that answer nothing on the sheet."""
        if not answers:
            return []
        wanted = max(MIN_EXTRA_WORDS, math.ceil(len(answers) / 3))
        dates = list(dict.fromkeys(f.when.display() for f in self.lesson.facts if f.when is not None))
        people = sorted(self.lesson.people.values(), key=lambda p: (p.kind != "person", p.id))
        names = [p.name for p in people]
        rare = _rare_words(self.lesson)
        kinds = dict.fromkeys("date" if a in dates else "name" if a in names else "term" for a in answers)
        pools = [list({"date": dates, "name": names, "term": rare}[kind]) for kind in kinds]
        rng = random.Random(f"{self.lesson.worksheet.seed}:{self.lesson.id}:word-bank")
        for pool in pools:
            rng.shuffle(pool)
        pools.append(rare)  # when the answers' own kinds run out
        taken = {fold(a) for a in answers}
        answers_on_sheet = [*self.sheet.answers, *(s for _, v in self.sheet.views for s in v.secrets)]
        extras: list[str] = []
        for word in _in_turn(pools):
            folded = fold(word)
            if len(extras) == wanted:
                break
            if folded in taken or any(folded[:5] == t[:5] for t in taken if len(t) >= 5):
                continue  # the same word, or another form of it
            if any(shows(folded, s) or shows(s, folded) for s in answers_on_sheet):
                continue  # it would give away, or be, another item's answer
            taken.add(folded)
            extras.append(word)
        return extras


def _room_for(question: Question, chosen: list[Question]) -> bool:
    """Whether a section can take a question of this kind: "fact or account?" is at most a quarter
    of a sheet's multiple-choice items (counting it), so it stays a question and not a drill."""
    if question.kind != "claim" or not question.choices:
        return True
    claims = sum(q.kind == "claim" for q in chosen) + 1
    return claims * CLAIM_SHARE <= len(chosen) + 1


def _in_turn(pools: list[list[str]]) -> Iterable[str]:
    """One word from each pool in turn, so that the extras are of every kind the answers are."""
    for round_ in itertools.zip_longest(*pools):
        yield from (word for word in round_ if word is not None)


def _rare_words(lesson: Lesson) -> list[str]:
    """Rare words of the lesson's quotations, then of its article, rarest first: terms of the same
    kind as a cloze's key term."""
    quotations = " ".join(f.said or "" for f in lesson.facts)
    words = keyword_candidates(quotations) + keyword_candidates(lesson.article)
    rare = [w for w in dict.fromkeys(words) if w[1] < RARE_ZIPF and "'" not in w[0]]  # no "alliance's"
    return [w for w, _ in sorted(rare, key=lambda item: (item[1], item[0]))][:40]
