"""Which questions go on a worksheet: each fact once, and no item giving away another's answer.

A sheet is read as a whole. A student who finds "Clinton replied, 'Why not?'" in one
quotation needs no thought for the question "What was Clinton's reply?" three items later,
and a word bank that holds a short answer answers it. So the composer adds items one by
one (timeline and matching first, then the other sections in turn) and takes an item only when
- none of its facts (counting every fact inside a timeline or matching item) is on the
  sheet already,
- no text it shows gives away an answer an item already taken asks for, and no text of those
  items gives away its own (`questions.giveaways`: a name, office, date or quotation in any
  form the lesson knows, shown with what the question is about), and
- the sheet's header and footer (the lesson's title and source line) show none of its answers (a
  person's name only where the student writes it: with choices, the header's person is one of four).

A choice that *is* another item's answer gives nothing away (a list of four names is a
list of candidates). The word bank offers, for each blank, at least one other entry of the
blank's own type (a person with another person, a date with a date of the same form, a term
with a term), and no entry of a type no blank has; a blank that cannot have that is left off.
Whatever is left off for these reasons gets a note; `worksheet_check` reads each finished
version again.
"""

from __future__ import annotations

import functools
import itertools
import math
import random
import re
from dataclasses import dataclass, field, replace

from ..draft.text import clean
from ..model import Lesson
from ..questions import KINDS, Question
from ..questions.base import ranked_people
from ..questions.cloze import RARE_ZIPF, keyword_candidates
from ..questions.giveaways import Ask, Giveaways, clash, fold, is_date, shows, text_gives_away
from ..questions.selection import MIN_ITEMS, sources_of_pairs
from ..questions.shapes import Shape
from ..questions.sourcing import CLAIM_SHARE, fair_matching

SECTIONS = ("timeline", "matching", "multiple_choice", "fill_in", "short_answer")  # in print order
DEFAULT_COUNTS = {"timeline": 1, "matching": 1, "multiple_choice": 10, "fill_in": 6, "short_answer": 4}
SHORT_ANSWER_KINDS = ("response", "when", "office", "attribution", "proposal", "office-holder")
MIN_QUOTE_WORDS = 3  # "dream" or "giant" alone, out of context, cannot be told apart
MAX_SAME_ANSWER = 2  # items on one sheet with the same answer
MAX_PAIRS = 6  # more quotations than this crowd out the blanks and questions that need them
MIN_EXTRA_WORDS = 2  # so that the last blank is never solved by elimination
HEADER = "the sheet's header or footer"

_WORD = re.compile(r"[^\W\d_][\w'-]*")


@dataclass(frozen=True)
class View:
    """What one item puts in front of the student (folded texts) and what it asks of them."""

    shown: tuple[str, ...]
    asks: tuple[Ask, ...] = ()
    values: tuple[str, ...] = ()  # whole answers asked (people only where written), folded: never in the furniture

    def clash(self, other: View) -> str | None:
        """Why this item and `other` give each other away (None: they do not)."""
        return clash(self.shown, self.asks, other.shown, other.asks)


def view(section: str, question: Question, detector: Giveaways) -> View:
    """What a question shows and asks on a sheet, in the section it is printed in."""
    if section in ("timeline", "matching"):
        indices = range(len(question.pairs))
        shown = tuple(text for i in indices for text in detector.item_shown(question, i))
        if section == "matching":
            shown += tuple(dict.fromkeys(fold(right) for _, right in question.pairs))  # the speakers to pick from
        values = tuple(fold(when) for when, _ in question.pairs) if section == "timeline" else ()
        return View(shown, tuple(detector.item_asks(question, i) for i in indices), values)
    shown = detector.shown(question) if section == "multiple_choice" else (fold(question.prompt),)
    # A person is one choice of four fairly, even the one the header names; written with no choices, the
    # header's name is the one to write ("Who said ...?" under "Lord Varga's attack on the council").
    person = question.answer_type in ("person", "group") and section != "short_answer"
    values = () if person else tuple(dict.fromkeys(fold(v) for v in (question.answer, *question.alternatives)))
    return View(shown, detector.asks(question), values)


@dataclass
class Composition:
    """The questions of each section (the same in every version), the word bank, and notes."""

    sections: dict[str, list[Question]]
    word_bank: tuple[str, ...] = ()
    notes: list[tuple[str, str]] = field(default_factory=list)  # (fact id, why something was left off)


class _Sheet:
    """The items taken so far, and the test a new one must pass."""

    def __init__(self, lesson: Lesson) -> None:
        self.facts: set[str] = set()
        self.views: list[tuple[str, View]] = []  # (what the item is, for notes; what it shows and asks)
        self.answers: list[str] = []
        self.furniture = (fold(lesson.title), fold(lesson.source.citation()))

    def clash(self, new: View) -> tuple[str, str] | None:
        """The item already on the sheet (or the header and footer) that `new` would give away, or that
        would give `new` away, and why."""
        if why := furniture_shows(self.furniture, new):
            return HEADER, why
        for other, taken in self.views:
            if why := new.clash(taken):
                return other, why
        return None

    def answering(self, answer: str) -> int:
        """How many items on the sheet have this answer."""
        return self.answers.count(answer)

    def take(self, question: Question, new: View) -> None:
        self.facts.update(_facts(question))
        self.views.append((question.id, new))
        self.answers.append(fold(question.answer))


def furniture_shows(furniture: tuple[str, ...], item: View) -> str | None:
    """Why the sheet's header or footer gives an item away: it shows one of its answers as a whole
    value, or with what the question is about."""
    for text in furniture:
        if value := next((v for v in item.values if shows(text, v)), None):
            return f"'{value}' is printed there"
    return text_gives_away(furniture, item.asks)


def _facts(question: Question) -> tuple[str, ...]:
    return question.facts or (question.fact,)


def _set_pairs(question: Question, keep: list[int]) -> Question:
    """A timeline or matching question with only some of its pairs (and their facts)."""
    facts = question.facts if len(question.facts) == len(question.pairs) else ()
    return replace(
        question,
        pairs=tuple(question.pairs[i] for i in keep),
        facts=tuple(facts[i] for i in keep) if facts else question.facts,
        sources=sources_of_pairs(question, keep),
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
        # The header (the lesson's title) and the footer (the source) are on every page: an answer
        # they show is no question ("In what year ...?" under "NATO, 1949-1955"): the item goes.
        self.sheet = _Sheet(lesson)
        self.detector = Giveaways(lesson)
        self.left_off: dict[str, str] = {}  # fact: why a question of it was left off (said if none is on)
        # The questions each single-item section may take: to fill them, and to say why one was not taken.
        self.pools = {
            "fill_in": [q for q in questions if q.shape is Shape.CLOZE],
            "short_answer": [q for q in questions if q.kind in SHORT_ANSWER_KINDS],
            "multiple_choice": [q for q in questions if q.choices],
        }

    def compose(self) -> Composition:
        chosen: dict[str, list[Question]] = {name: [] for name in SECTIONS}
        questions = self.questions
        # Timeline and matching first (each item holds several facts), then blanks, short answers
        # and multiple choice one at a time in turn, so that no section takes every fact it could.
        chosen["timeline"] = self._sets("timeline", [q for q in questions if q.shape is Shape.ORDERING])
        chosen["matching"] = self._sets("matching", [q for q in questions if q.shape is Shape.MATCHING])
        chosen.update(self._singles())
        chosen["fill_in"], extras = self._word_bank(chosen["fill_in"])
        bank = tuple(sorted([q.answer for q in chosen["fill_in"]] + extras, key=str.lower))
        for question in self.questions:  # every fact the sheet leaves out says why (sets say it per item)
            if question.shape not in (Shape.ORDERING, Shape.MATCHING):
                self.left_off.setdefault(question.fact, self._why_not_taken(question, chosen))
        notes = [(fact, why) for fact, why in self.left_off.items() if fact not in self.sheet.facts]
        return Composition(chosen, bank, notes)

    def _why_not_taken(self, question: Question, chosen: dict[str, list[Question]]) -> str:
        """Why a question no rule left off is not on the sheet: its sections were full, "fact or account?"
        had its share, its answer was on the sheet often enough, or no section prints its shape."""
        left = f"left {question.id} off the worksheet:"
        sections = [name for name, pool in self.pools.items() if question in pool]
        full = [name for name in sections if len(chosen[name]) >= self.counts[name]]
        if not sections:
            return f"{left} no section prints a {question.kind} question of its shape"
        if full == sections:
            names = " and ".join(
                f"{name.replace('_', ' ')} ({self.counts[name]} item{'s' * (self.counts[name] != 1)})" for name in full
            )
            return f"{left} {names} full; raise the count under worksheet: sections:"
        if question.kind == "claim":
            return f'{left} "fact or account?" is at most a quarter of the multiple-choice items'
        return f"{left} its answer is already that of {MAX_SAME_ANSWER} items, or of another blank"

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
                found = self.sheet.clash(view(section, _set_pairs(question, [index]), self.detector))
                if found is not None:
                    self.left_off.setdefault(fact, f"left {left} out of the {section}: {_why(*found)}")
                    continue
                keep.append(index)
            if section == "matching":  # three speakers or more, none with more than half the items
                speakers = [right for _, right in question.pairs]
                keep = fair_matching(keep, speakers.__getitem__, MAX_PAIRS)
            trimmed = _set_pairs(question, keep[:MAX_PAIRS])
            if len(trimmed.pairs) < MIN_ITEMS[question.shape]:
                continue
            self.sheet.take(trimmed, view(section, trimmed, self.detector))
            taken.append(trimmed)
        return taken

    def _singles(self) -> dict[str, list[Question]]:
        """Fill-in, short-answer and multiple-choice items, taken a question per section in turn."""
        pools = self.pools
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
        new = view(section, question, self.detector)
        if section == "fill_in" and fold(question.answer) in {fold(q.answer) for q in chosen}:
            return False  # two blanks with one answer: the bank would list it twice
        if self.sheet.answering(fold(question.answer)) >= MAX_SAME_ANSWER:
            return False  # a sheet whose answer is "Vladimir Putin" five times teaches little
        found = self.sheet.clash(new)
        if found is not None:
            self.left_off.setdefault(question.fact, f"left {question.id} off the worksheet: {_why(*found)}")
            return False
        self.sheet.take(question, new)
        return True

    def _word_bank(self, blanks: list[Question]) -> tuple[list[Question], list[str]]:
        """The blanks kept and the extra words of the bank: for each type of answer the blanks have, at
        least one entry more of that type than the blanks (a third more for many), at least
        MIN_EXTRA_WORDS in all, each answering nothing on the sheet, and none of a type no blank has.
        A blank whose type has no such word is left off (its answer would be the only one of its kind), and
        every blank when fewer than MIN_EXTRA_WORDS extra words fit (the last would be solved by elimination)."""
        types = {q.id: blank_type(self.detector, q) for q in blanks}
        pools = {t: self._pool(t) for t in dict.fromkeys(types.values())}
        taken = {fold(q.answer) for q in blanks}
        answers_on_sheet = [*self.sheet.answers, *(v for _, view_ in self.sheet.views for v in view_.values)]
        # A word the blanks' own sentences print is crossed off at once ("a(n) [...] and a delay", "delay").
        printed = " ".join(fold(q.prompt) for q in blanks)
        free = {
            t: [w for w in pool if _free(w, taken, answers_on_sheet) and not shows(printed, fold(w))]
            for t, pool in pools.items()
        }
        kept = [q for q in blanks if free[types[q.id]]]
        for question in blanks:
            if question not in kept:
                only = _kind_name(types[question.id])
                self._leave_off(question, f"its answer would be the only {only} in the word bank")
        counts = {t: sum(types[q.id] == t for q in kept) for t in free}
        wanted = {t: max(1, math.ceil(n / 3)) for t, n in counts.items() if n}
        extras: list[str] = []
        for kind in itertools.cycle(list(wanted)) if wanted else ():
            if len(extras) >= max(MIN_EXTRA_WORDS, sum(wanted.values())) or not any(free[t] for t in wanted):
                break
            pool = free[kind]
            while pool:
                word = pool.pop(0)
                if _free(word, taken, answers_on_sheet):
                    taken.add(fold(word))
                    extras.append(word)
                    break
        if kept and len(extras) < MIN_EXTRA_WORDS:
            for question in kept:
                self._leave_off(question, f"fewer than {MIN_EXTRA_WORDS} other words of its kind for the word bank")
            return [], []
        return kept, extras

    def _leave_off(self, question: Question, why: str) -> None:
        """A blank taken, then left off for its word bank: its facts are free again, and noted."""
        self.left_off.setdefault(question.fact, f"left {question.id} off the worksheet: {why}")
        self.sheet.facts.difference_update(_facts(question))

    def _pool(self, kind: str) -> list[str]:
        """Candidate extra entries of one type, in a stable shuffled order (people: holders of offices first)."""
        lesson = self.lesson
        if kind.startswith("name:"):
            return list(ranked_people(lesson, (), kind.split(":", 1)[1]))
        rng = random.Random(f"{lesson.worksheet.seed}:{lesson.id}:word-bank:{kind}")
        if kind.startswith("date:"):
            pool = [d for d in dict.fromkeys(f.when.display() for f in lesson.facts if f.when is not None)
                    if f"date:{_date_form(d)}" == kind]  # fmt: skip
        else:
            pool = [word for word in _rare_words(lesson) if kind.removeprefix("term:") in word_forms(word)]
        rng.shuffle(pool)
        return pool


def bank_type(detector: Giveaways, entry: str) -> str:
    """What kind of entry a word bank entry is, at its likeliest: a person (or a group, ...), a date of
    one form, a term of one grammatical form."""
    return _types(detector, entry)[0]


def bank_types(detector: Giveaways, entry: str) -> frozenset[str]:
    """Every kind a word bank entry can be: "close" fills a blank that asks for a verb ("will not
    [...]") and one that asks for an adjective ("[...] to the quay")."""
    return frozenset(_types(detector, entry))


def blank_type(detector: Giveaways, question: Question) -> str:
    """The kind of entry a blank asks for: its answer's, and where the answer can be several parts of
    speech, the one the word before the blank asks for ("will not [...]": a verb)."""
    kinds = _types(detector, question.answer)
    if question.cloze is None or len(kinds) == 1:
        return kinds[0]
    before = question.cloze.parts[0] if isinstance(question.cloze.parts[0], str) else ""
    words = re.findall(r"[\w’']+", before.lower())
    wanted = _ASKED_BY.get(words[-1], "") if words else ""
    return f"term:{wanted}" if f"term:{wanted}" in kinds else kinds[0]


def _types(detector: Giveaways, entry: str) -> list[str]:
    person = detector.person(entry)
    if person is not None:
        return [f"name:{person.kind}"]
    if is_date(entry):
        return [f"date:{_date_form(entry)}"]
    return [f"term:{form}" for form in word_forms(entry)]


def word_form(term: str) -> str:
    """The likeliest grammatical form of a term (see `word_forms`)."""
    return word_forms(term)[0]


def word_forms(term: str) -> tuple[str, ...]:
    """The grammatical forms a term can fill a blank as, likeliest first: by the (last) word's ending,
    'ed' (a past participle: "have [...] greatly"), 'ing' or 'plural' ("all [...] and other boats");
    else its parts of speech, of 'noun', 'adj' ("it is [...] that"), 'adv' and 'verb' ("continue to
    [...]"). Each blank needs another entry of its form, or the grammar alone fills it."""
    word = term.split()[-1].lower() if term.split() else ""
    if len(word) > 4 and word.endswith("ed"):
        return ("ed",)
    if len(word) > 5 and word.endswith("ing"):
        return ("ing",)
    if len(word) > 3 and word.endswith("s") and not word.endswith(_NOT_PLURAL):
        return ("plural",)
    return parts_of_speech(word)


@functools.cache
def parts_of_speech(word: str) -> tuple[str, ...]:
    """A word's parts of speech in an English lexicon (LemmInflect's, in its order), or 'plural' for a noun
    the lexicon knows as another's plural ("geese"); a word it does not know is taken for a noun
    (a name, a borrowed term: "tolbod")."""
    import lemminflect

    lemmas = lemminflect.getAllLemmas(word)
    if lemmas and word not in lemmas.get("NOUN", (word,)):  # a plural of its own: "geese", "women"
        return ("plural",)
    forms = dict.fromkeys(_POS[tag] for tag in lemmas if tag in _POS)
    return tuple(forms) or ("noun",)


_POS = {"NOUN": "noun", "PROPN": "noun", "ADJ": "adj", "ADV": "adv", "VERB": "verb", "AUX": "verb"}
# The part of speech the word before a blank asks for, where the blank's answer can be several.
_ASKED_BY = dict.fromkeys("to will would can could shall should must may might not n't did does do".split(), "verb")
_ASKED_BY |= dict.fromkeys("a an the this that these those his her its their our my your".split(), "noun")
_ASKED_BY |= dict.fromkeys("very so too more most less least slightly quite rather seems seemed".split(), "adj")


_NOT_PLURAL = ("ss", "us", "is", "ics")  # "address", "census", "crisis", "politics"


def _kind_name(kind: str) -> str:
    """A bank type as a teacher reads it: 'person', 'date', 'word ending in -ed', 'plural'."""
    group, form = kind.split(":", 1)
    if group != "term":
        return group if group == "date" else form
    names = {"ed": "word ending in -ed", "ing": "word ending in -ing", "plural": "plural", "adj": "adjective"}
    names |= {"adv": "adverb", "verb": "verb", "noun": "noun"}
    return names.get(form, "term")


def _why(other: str, why: str) -> str:
    if other == HEADER:
        return f"its answer is printed in {HEADER} ({why})"
    return f"it and {other} would give each other's answers away ({why})"


def _date_form(date: str) -> str:
    """'day' (12 June 2017), 'month' (June 2017), 'year' (2017) or 'other' (the 1950s, c. 1200)."""
    if re.fullmatch(r"\d{1,2} [A-Za-z]+ \d{3,4}", date):
        return "day"
    if re.fullmatch(r"[A-Za-z]+ \d{3,4}", date):
        return "month"
    return "year" if re.fullmatch(r"\d{3,4}", date) else "other"


def _free(word: str, taken: set[str], answers_on_sheet: list[str]) -> bool:
    """Whether a word can join the bank: not already there in any form, and not another item's answer."""
    folded = fold(word)
    if folded in taken or any(folded[:5] == t[:5] for t in taken if len(t) >= 5):
        return False  # the same word, or another form of it
    return not any(shows(folded, s) or shows(s, folded) for s in answers_on_sheet)


def _room_for(question: Question, chosen: list[Question]) -> bool:
    """Whether a section can take a question of this kind: "fact or account?" is at most a quarter
    of a sheet's multiple-choice items (counting it), so it stays a question and not a drill."""
    if question.kind != "claim" or not question.choices:
        return True
    claims = sum(q.kind == "claim" for q in chosen) + 1
    return claims * CLAIM_SHARE <= len(chosen) + 1


def _rare_words(lesson: Lesson) -> list[str]:
    """Rare words of the lesson's quotations, then of its article's body, rarest first: terms of the same
    kind as a cloze's key term (not a wire file's header: "amends slugline per desk")."""
    quotations = " ".join(f.said or "" for f in lesson.facts)
    body = " ".join(clean(lesson.article or "").paragraphs)
    words = keyword_candidates(quotations) + keyword_candidates(body)
    rare = [w for w in dict.fromkeys(words) if w[1] < RARE_ZIPF and "'" not in w[0]]  # no "alliance's"
    return [w for w, _ in sorted(rare, key=lambda item: (item[1], item[0]))][:40]
