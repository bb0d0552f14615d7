"""What a question is, and the registry that question kinds add themselves to.

A kind is a small function from a lesson to `Draft`s: the template variables, the
answer and what the answer must not be confused with. Wording lives in Jinja2
templates (studygen/templates/questions/<kind>.j2) that teachers may override.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..dates import WEEKDAYS, PartialDate
from ..diagnostics import Position
from ..model import ARTICLE_ITSELF, Fact, Lesson, Person, Role, teacher_gave, teacher_parts
from .shapes import ClozeText, Event, Match, Shape


@dataclass(frozen=True, slots=True)
class Question:
    """One question, with everything an exporter or a reviewing teacher needs."""

    id: str
    lesson: str
    fact: str
    kind: str
    skill: str
    prompt: str
    answer: str
    answer_type: str
    source: str
    alternatives: tuple[str, ...] = ()
    according_to: str | None = None
    facts: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    correct: int | None = None
    items: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()  # read them as `matches` or `sequence`
    cloze: ClozeText | None = None
    context: str = ""
    fact_summary: str = ""
    people: tuple[str, ...] = ()
    # Who gives each value the question asks or shows: (value, "the article" | a person | "the teacher").
    sources: tuple[tuple[str, str], ...] = ()

    @property
    def teacher_note(self) -> str:
        """The values shown that rest on the teacher, not the article (students cannot find them in it):
        `from your teacher, not the article: 1987`, `... 12 June 2017 (the year)`."""
        given = [
            value if by == TEACHER else f"{value} ({by.split('; ', 1)[1].removesuffix(' from the teacher')})"
            for value, by in self.sources
            if by == TEACHER or by.endswith(" from the teacher")
        ]
        return f"from your teacher, not the article: {'; '.join(dict.fromkeys(given))}" if given else ""

    @property
    def shape(self) -> Shape:
        """What the student does: exporters choose their question type from this, never from the kind."""
        if self.cloze is not None:
            return Shape.CLOZE
        if self.answer_type == "pairs":
            return Shape.MATCHING
        if self.answer_type == "order":
            return Shape.ORDERING
        return Shape.CHOICE if self.choices else Shape.SHORT

    @property
    def matches(self) -> tuple[Match, ...]:
        """A matching question's pairs, in the order shown (empty for other shapes)."""
        return tuple(Match(left, right) for left, right in self.pairs) if self.answer_type == "pairs" else ()

    @property
    def sequence(self) -> tuple[Event, ...]:
        """An ordering question's items in their correct order, each with its date (`items` is the
        order shown to the student); empty for other shapes."""
        return tuple(Event(label, when) for when, label in self.pairs) if self.answer_type == "order" else ()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "lesson": self.lesson,
            "fact": self.fact,
            "facts": list(self.facts),
            "kind": self.kind,
            "skill": self.skill,
            "prompt": self.prompt,
            "answer": self.answer,
            "alternatives": list(self.alternatives),
            "answer_type": self.answer_type,
            "according_to": self.according_to,
            "source": self.source,
            "context": self.context,
        }
        if self.choices:
            data["choices"] = list(self.choices)
            data["correct"] = self.correct
        if self.items:
            data["items"] = list(self.items)
        if self.pairs:
            data["pairs"] = [list(pair) for pair in self.pairs]
        if self.cloze is not None:
            data["cloze"] = [
                part if isinstance(part, str) else {"blank": part.answer, "alternatives": list(part.alternatives)}
                for part in self.cloze.parts
            ]
        data["shape"] = str(self.shape)
        data["sources"] = [{"value": value, "given_by": given_by} for value, given_by in self.sources]
        return data


@dataclass
class Draft:
    """A question before wording, gates and choices: produced by a kind function."""

    key: str  # the fact (or role, or set) the question is about; part of the stable id
    variables: dict[str, Any]
    answer: str
    answer_type: str
    facts: tuple[str, ...]
    pos: Position
    according_to: str | None = None
    alternatives: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()  # words that would give the answer away
    items: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    cloze: ClozeText | None = None
    context_keys: tuple[str, ...] = ()
    summary: str = ""
    people: tuple[str, ...] = ()
    # Values besides the answer and its alternatives that would also be correct choices.
    true_values: frozenset[str] = frozenset()
    # The wrong answers of the same kind as the answer, best first (None: anyone of the answer's type).
    candidates: tuple[str, ...] | None = None
    must_offer: tuple[str, ...] = ()  # distractors always among the choices ("Stated as fact")
    left_out: str = ""  # why no question can be made from this draft (a note for the teacher)
    left_out_hint: str = ""  # what the teacher can do about it, when excluding the fact is not the answer
    left_out_code: str = ""  # the note's code (question.<code>), when not the kind's usual one
    sources: tuple[tuple[str, str], ...] = ()  # (value, who gives it) for the answer and a date it shows


TEACHER = "the teacher"


def value_source(lesson: Lesson, fact: Fact, key: str) -> str:
    """Who gives a fact's value: the teacher (from_teacher), someone named in `sources:`, the
    fact's account (`according_to`), or the article reporting it as fact."""
    if teacher_gave(fact.from_teacher, key):
        return TEACHER
    owner = lesson.owner_name(fact.sources[key]) if key in fact.sources else lesson.accounts_name(fact)
    parts = teacher_parts(fact.from_teacher, key)  # "12 August" from the article, the year from the teacher
    owner = owner or ARTICLE_ITSELF
    return f"{owner}; the {' and '.join(parts)} from the teacher" if parts else owner


def date_source(lesson: Lesson, fact: Fact, shown: str) -> tuple[tuple[str, str], ...]:
    """The fact's date and who gives it, when the text `shown` to the student holds it."""
    if fact.when is None or fact.when.display() not in shown:
        return ()
    return ((fact.when.display(), value_source(lesson, fact, "when")),)


def account_dates(lesson: Lesson, fact_ids: tuple[str, ...], shown: str) -> tuple[tuple[str, str], ...]:
    """The dates of accounts (`said_when`) that the text `shown` holds, and who gives them: the article
    reports when someone made a claim (or the teacher adds it)."""
    found = []
    for fact in lesson.facts_by_id(fact_ids):
        if fact.said_when is not None and fact.said_when.display() in shown:
            given_by = TEACHER if teacher_gave(fact.from_teacher, "said_when") else ARTICLE_ITSELF
            found.append((fact.said_when.display(), given_by))
    return tuple(found)


NAME_PART = f"{ARTICLE_ITSELF}; part of the name from the teacher"


def with_teacher_names(lesson: Lesson, sources: tuple[tuple[str, str], ...], shown: str) -> tuple[tuple[str, str], ...]:
    """Sources with the names of people the teacher named (from_teacher: [name], a first name the article
    omits) marked so wherever the question shows them or asks for them: the key then says it."""
    named = {p.name: p for p in lesson.people.values() if {"name", "*"} & p.from_teacher}
    if not named:
        return sources
    marked = [(value, NAME_PART if value in named and by == ARTICLE_ITSELF else by) for value, by in sources]
    known = {value for value, _ in marked}
    marked += [
        (name, TEACHER if "*" in person.from_teacher else NAME_PART)
        for name, person in named.items()
        if name not in known and named_in(name, shown)
    ]
    return tuple(marked)


def teacher_values(lesson: Lesson, fact_ids: tuple[str, ...], shown: str) -> tuple[tuple[str, str], ...]:
    """The values the teacher added (from_teacher) that the text `shown` holds, so that the answer key and
    the card back can say so: a date, a place, a person the article does not give."""
    found = []
    for fact in lesson.facts_by_id(fact_ids):
        if "*" in fact.from_teacher:
            # An event of a timeline or a set is named, so that the key says which is the teacher's (and
            # it goes with its item when a sheet leaves the item off).
            text = fact.what or ""
            text = text[:1].upper() + text[1:]
            found.append((text if text and text in shown else "the whole fact", TEACHER))
            continue
        for key in sorted(fact.from_teacher):
            value = getattr(fact, key, None) if "." not in key else None
            if key == "by":
                value = name_of(lesson, value)
            elif key == "to":
                value = lesson.names_of(fact.to)
            elif key == "verb":  # a proposal's `verb:`, not the quotation's cue (Fact.verb)
                value = fact.proposing.past
            elif key == "frame":  # the teacher's words around the quotation: "ended his statement ... "
                words = [p.strip() for p in (fact.frame or "").replace("…", "...").split("...") if p.strip()]
                if words and all(w in shown for w in words):
                    found.append((fact.frame or "", TEACHER))
                continue
            elif key == "who":
                value = ", ".join(name_of(lesson, p) for p in fact.who)
            elif key in ("when", "said_when"):
                value = value.display() if value else None
            if isinstance(value, str) and value and value in shown:
                found.append((value, TEACHER))
    return tuple(found)


_ABOUT_FILLER = frozenset({"the", "and", "for", "his", "her", "its", "their", "with", "from", "that", "this"})


def about_of(fact: Fact) -> str:
    """What a quotation is about, unless the quotation itself says it ("about the US delegation, 'the US
    delegation got very nervous'" says nothing twice)."""
    about = fact.about or ""
    said = (fact.said or "").lower()
    if not about or about.lower() in said:
        return ""
    # About a person the words name by surname ("about Jon Vik, 'when Mr Vik took the post ...'").
    names = about.split()
    if len(names) >= 2 and all(n[:1].isupper() for n in names) and named_in(names[-1].lower(), said):
        return ""
    # "about the toll on the ferry, 'the toll was never meant to be paid'": most of what it is about
    # is in the words already.
    words = {w for w in re.findall(r"[a-z]+", about.lower()) if len(w) > 2 and w not in _ABOUT_FILLER}
    return "" if words and len(words & set(re.findall(r"[a-z]+", said))) * 3 >= 2 * len(words) else about


def left_out(key: str, facts: tuple[str, ...], pos: Position, reason: str, hint: str = "", code: str = "") -> Draft:
    """A question a kind cannot make, and why: the engine turns it into a note for the teacher
    (`question.<code>`; by default the code of the kind's own refusals)."""
    return Draft(
        key=key, variables={}, answer="", answer_type="", facts=facts, pos=pos, left_out=reason, left_out_hint=hint,
        left_out_code=code,
    )  # fmt: skip


# Some kinds ask what another kind asks, in another form: a fact the teacher excludes from `when`
# gets no cloze whose blank is its date; one excluded from `proposal` no cloze whose blank is its
# proposer and no 'fact or whose account?'; one excluded from `attribution` no matching pair and no
# 'fact or whose account?' (the README's Questions section lists them).
def excluded_from(lesson: Lesson, kind_name: str) -> frozenset[str]:
    """The facts the teacher excluded from a kind: no kind asks them what that kind would."""
    return lesson.questions.exclude.get(kind_name, frozenset())


@dataclass(frozen=True)
class Kind:
    name: str
    skill: str
    description: str
    make: Callable[[Lesson], Iterable[Draft]]


KINDS: dict[str, Kind] = {}


def kind(name: str, skill: str, description: str) -> Callable[[Callable[[Lesson], Iterable[Draft]]], Any]:
    """Register a question kind (the order of registration is the order of output)."""

    def register(function: Callable[[Lesson], Iterable[Draft]]) -> Callable[[Lesson], Iterable[Draft]]:
        KINDS[name] = Kind(name, skill, description, function)
        return function

    return register


# -- shared wording helpers ---------------------------------------------------------------


def name_of(lesson: Lesson, person_id: str | None) -> str:
    return lesson.people[person_id].name if person_id else ""


def short_name(lesson: Lesson, person_id: str | None) -> str:
    """The name for a second mention: the surname when the article uses it alone ('Putin'), else the name."""
    if not person_id:
        return ""
    person = lesson.people[person_id]
    return person.surname if person.surname and person.surname in person.aliases else person.name


def named_in(name: str, text: str, ignore_case: bool = False) -> bool:
    """Whether `text` holds `name` as whole words ("Kennedy" is not in "Kennedys"); a plain substring
    test first, so that the pattern, compiled per name, runs only for the few names that occur at all."""
    if (name.lower() not in text.lower()) if ignore_case else (name not in text):
        return False
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE if ignore_case else 0) is not None


def names_of(lesson: Lesson, person_id: str | None) -> tuple[str, ...]:
    return lesson.people[person_id].names if person_id else ()


def accepted_names(lesson: Lesson, person_id: str | None) -> tuple[str, ...]:
    """The other answers that name a person: the teacher's aliases and the surname. Of a first name and
    a surname, after any title ('Sir', 'Dr'), the last word ('Rusk'), with its particle ('de Klerk'); of
    a longer name the last word if the article uses it alone, else the last two if it does ('Lloyd
    George', never 'George');
    never a place after 'of' ('Romania' for a princess of Romania). Of a document, its author too: the
    words of 'His report' are his."""
    if not person_id:
        return ()
    person = lesson.people[person_id]
    author = lesson.people[person.author] if person.author else None
    names = (*person.aliases, *_surname(lesson, person))
    if author is not None:
        names += (author.name, *author.aliases, *_surname(lesson, author))
    return tuple(dict.fromkeys(n for n in names if n != person.name))


# Titles before a name, which are not part of it: "Sir Paul Kemp" is a first name and a surname.
_HONORIFICS = frozenset(
    "sir dame lord lady dr mr mrs ms miss prof professor president prince princess king queen general "
    "colonel captain admiral judge justice rev reverend sheikh saint st".split()
)


def _surname(lesson: Lesson, person: Person) -> tuple[str, ...]:
    words = person.name.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in _HONORIFICS:
        words = words[1:]
    if person.kind != "person" or len(words) < 2 or "of" in words:
        return ()
    if " " in person.surname:  # "de Klerk", never "Klerk"
        return (person.surname,)
    if len(words) == 2:
        return (words[1],)
    for size in (1, 2):
        if _used_alone(lesson.article, words[-size - 1], " ".join(words[-size:])):
            return (" ".join(words[-size:]),)
    return ()


@functools.lru_cache(maxsize=1024)  # the same article for all of a lesson's people
def _used_alone(article: str, before: str, surname: str) -> bool:
    """Whether the article names someone by `surname` without the word before it in their name
    ("Mr Cole", "Cole said" for Anna Maria Cole; never "George" without "Lloyd")."""
    pattern = rf"(?<![\w-])(?<!{re.escape(before)} ){re.escape(surname)}(?![\w-])"
    return re.search(pattern, article) is not None


def date_phrase(date: PartialDate | None) -> str:
    """`in 1990`, `in the mid-1950s`, `on 12 June 2017`, `from 1998 to 2004`, `in about 1200`."""
    return date.phrase() if date is not None else ""


_DAY = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTH = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan\\.|feb\\.|aug\\.|sept?\\.|oct\\.|nov\\.|dec\\."
)
# "must decide by Friday", "by the end of March", "by 1990 the party had ...": the date is a deadline or
# the latest time, never the day it happened. A number only as a year or a day of a month, so that
# "cut by 20 per cent" and "won by 3-2" are not deadlines.
_BY_DATE = re.compile(
    rf"\bby (?:(?:early |mid-?|late |next |this )?(?:{_DAY}|{_MONTH}|[12]\d{{3}}|tomorrow|tonight|midnight|noon)"
    rf"|\d{{1,2}}(?:st|nd|rd|th)? (?:{_MONTH})"
    rf"|(?:the (?:end|middle|start|beginning) of|next|this) (?:the )?(?:week|month|year|{_DAY}|{_MONTH}|[12]\d{{3}}))"
    rf"(?!\w)",
    re.IGNORECASE,
)


def by_deadline(fact: Fact) -> bool:
    """Whether the article dates an event with 'by' ('must decide by Friday'): asked "by what date?", since
    "on what date?" would teach the deadline as the day it happened. A year after 'by' must be the event's."""
    if fact.kind != "event" or fact.when is None:
        return False
    for passage in (fact.what or "", *fact.evidence):
        for match in _BY_DATE.finditer(passage):
            years = re.findall(r"\b[12]\d{3}\b", match.group(0))
            if not years or set(years) & set(fact.when.years):
                return True
    return False


def event_date_phrase(fact: Fact) -> str:
    """An event's date as its sentence says it: 'on 11 December 1998', or 'by 11 December 1998' for a deadline."""
    phrase = date_phrase(fact.when)
    if phrase and by_deadline(fact):
        return "by " + phrase.split(" ", 1)[1]
    return phrase


def precision(date: PartialDate) -> str:
    """What a date question asks for: a 'c. 1200' is never asked as an exact year."""
    if date.is_period:  # "the mid-1950s" is part of a decade: asked "when", not "in what decade"
        unit = "century" if date.century is not None else "decade"
        return f"part of a {unit}" if date.qualifier else unit
    if date.approximate or date.uncertain:
        return "approximate"
    if date.part_of_year:  # "early 2002" is never asked as the year
        return "part of a year"
    if date.season:
        return "season"
    if date.day:
        return "date"
    if date.month:
        return "month"
    return "span" if date.is_span else "year"


def date_answer_type(date: PartialDate) -> str:
    """The answer type of a date: year and decade choices as before; a century, a BC year and a circa or
    uncertain year ('era') get wrong answers of their own form; other dates are written out."""
    if date.day or date.month or date.season:
        return "date"
    if date.century is not None:
        return "century"
    if date.start < 0 or date.approximate or date.uncertain or date.part_of_year:
        return "era"
    return "decade" if date.decade else "year"


def spoken(fact: Fact) -> str:
    """A quotation after its speaker, as the article frames it ('told colleagues she did not “...”', 'is
    said to believe “...”'), or 'said, about Washington, “...”' when the fact gives no frame."""
    if fact.frame:
        return fact.framed()
    about = about_of(fact)
    return f"{fact.verb}{f', about {about},' if about else ''}{' that' if fact.runs_on else ''} “{fact.said}”"


def proposal_clause(lesson: Lesson, fact: Fact, with_date: bool = True) -> str:
    """`Mikhail Gorbachev proposed in 1990 that the Soviet Union might join NATO`;
    `the Soviet Union proposed joining NATO in 1949` (a date before a gerund reads badly)."""
    proposed = fact.proposing.phrase("past", lesson.names_of(fact.to) if fact.to else "")
    # A date someone else gives is not part of the account (sources: {when: ...}).
    when = f" {date_phrase(fact.when)}" if with_date and fact.when and fact.date_agrees else ""
    what = fact.what or ""
    if when and not what.startswith("that "):  # "that ..." is a clause of its own: the date goes before it
        return f"{name_of(lesson, fact.by)} {proposed} {what}{when}"
    return f"{name_of(lesson, fact.by)} {proposed}{when} {what}"


# Verbs of saying that frame a quotation on their own ("Who recalled ...?"); another cue ("added", "told him
# privately", "was quoted as saying") reads as "said" in a question.
def fact_sentence(lesson: Lesson, fact: Fact, with_date: bool = True) -> str:
    """The fact as one plain sentence, without its attribution."""
    if fact.kind == "proposal":
        text = proposal_clause(lesson, fact, with_date) + "."
    elif fact.kind == "quote":
        text = f"{name_of(lesson, fact.by)} {fact.framed()}"
        text += "" if text.rstrip("”").endswith((".", "?", "!")) else "."
    else:
        # "During the 1963 inquiry, ... in 1963" says its year twice (a judge).
        said_already = fact.when is not None and any(year in (fact.what or "") for year in fact.when.years)
        dated = with_date and fact.when and fact.date_agrees and not said_already
        when = f" {event_date_phrase(fact)}" if dated else ""
        text = f"{fact.what}{when}."
    return text[:1].upper() + text[1:]


SOLE_PROPOSER_FROM = 3  # or two, when the proposer is the lesson's subject (in its title or its source's)
_ARTICLE = re.compile(r"^(?:the|a|an) ", re.IGNORECASE)


def sole_proposer(lesson: Lesson) -> str | None:
    """The one proposer of all a lesson's proposals, when there are SOLE_PROPOSER_FROM or more, or two by the
    lesson's subject (a report's recommendations in "Report finds ..."): asking who proposed each would drill
    one answer the student can guess."""
    proposers = {f.by for f in lesson.facts if f.kind == "proposal"}
    count = sum(f.kind == "proposal" for f in lesson.facts)
    if len(proposers) != 1 or count < 2:
        return None
    (proposer,) = proposers
    titles = f"{lesson.title} {lesson.source.title}"
    subject = any(named_in(_ARTICLE.sub("", name), titles, ignore_case=True) for name in names_of(lesson, proposer))
    return proposer if count >= SOLE_PROPOSER_FROM or subject else None


def role_key(person: Person, role: Role) -> str:
    return f"{person.id}.{role.id}"


def quoted(text: str) -> str:
    return f"“{text}”"


def title_words(title: str) -> set[str]:
    return {w for w in title.lower().replace("-", " ").split() if len(w) > 2}


SIMILAR_KEPT = 8  # distractors are drawn from the few likeliest; the rest never matter


def ranked_people(lesson: Lesson, preferred: Iterable[str | None], kind: str = "person") -> tuple[str, ...]:
    """Names of the lesson's people as distractors: `preferred` ids first, then holders of offices
    (the same kind of people as the actors of a history lesson), then the rest (an analyst, a film-maker)."""
    declared = {pid: i for i, pid in enumerate(lesson.people)}
    order = {pid: i for i, pid in enumerate(dict.fromkeys(p for p in preferred if p))}
    people = [p for p in lesson.people.values() if p.kind == kind]
    people.sort(key=lambda p: (order.get(p.id, len(order)), not any(r.is_office for r in p.roles), declared[p.id]))
    return tuple(p.name for p in people)


def active_years(lesson: Lesson) -> dict[str, tuple[int, int]]:
    """The first and last year each person acts in the lesson, as its dated facts and roles show them
    (a role held 'from 1994' has no last year). People with nothing dated are not listed. A birth is
    no deed ("Ann Hale was born in 1951"), and someone a fact names only after its subject has done
    the deed ("Ann Hale overtook Bo Lind's record") does not act in it, unless the lesson shows them
    doing nothing else."""
    spans: dict[str, tuple[int, int]] = {}

    def add(person_id: str, date: PartialDate) -> None:
        first, last = spans.get(person_id, (date.start, date.end))
        spans[person_id] = (min(first, date.start), max(last, 10**6 if date.open_end else date.end))

    named: dict[str, list[PartialDate]] = {}  # where the lesson only names them, by date
    for fact in lesson.facts:
        if fact.when is not None and not _BORN.search(fact.what or ""):
            acting = acting_in(lesson, fact)
            for person_id in fact.people:
                if person_id in acting:
                    add(person_id, fact.when)
                elif person_id in lesson.people:
                    named.setdefault(person_id, []).append(fact.when)
    for person in lesson.people.values():
        for role in person.roles:
            if role.when is not None:
                add(person.id, role.when)
    for person_id, dates in named.items():  # someone only ever named is of the time they are named in
        if person_id not in spans:
            for date in dates:
                add(person_id, date)
    return spans


_BORN = re.compile(r"\b(?:was|were) born\b")
# The words a sentence's subject may hold besides names: "Ann Hale and Bo Lind met", "Eva Lund of Orvik".
_IN_SUBJECT = frozenset({"and", "of", "the", "de", "van", "von", "da", "al", "bin"})


def acting_in(lesson: Lesson, fact: Fact) -> tuple[str, ...]:
    """The fact's people who act in it: those its sentence's subject names, where it names any of them,
    or else all of them."""
    people = [p for p in fact.people if p in lesson.people]
    what = fact.what or ""
    words = what.split()
    end = next((i for i, w in enumerate(words) if w[:1].islower() and w not in _IN_SUBJECT), len(words))
    subject = " ".join(words[:end])
    named = [p for p in people if any(named_in(n, subject) for n in lesson.people[p].names)]
    return tuple(named or people)


# An undated deed the article places by its own day ("earlier this year", "on Tuesday"): of its year.
_RECENT = re.compile(
    r"\b(?:(?:earlier |later )?this (?:year|month|week|spring|summer|autumn|fall|winter|morning)|"
    r"last (?:year|month|week|spring|summer|autumn|fall|winter|night)|yesterday|today|tonight|"
    rf"on (?:{WEEKDAYS}))\b",
    re.IGNORECASE,
)


# Words of a body's name that say what kind of body it is, not whose: "the British government" is Britain's.
_BODY_WORDS = frozenset(
    "the a an of government ministry cabinet council parliament party office department administration "
    "state states national federal royal court committee commission authorities authority".split()
)


def members_of(lesson: Lesson, group_id: str) -> frozenset[str]:
    """The people who speak for a body, or hold an office of it: those whose office names the body's own
    word ("British Home Secretary" of "the British government", "President of Varel" of "Varel's
    government"). Nobody urges a government of which they are a minister."""
    group = lesson.people.get(group_id)
    if group is None or group.kind == "person":
        return frozenset()
    own = {w for w in re.findall(r"[A-Z][\w-]*", re.sub(r"['’]s\b", "", group.name)) if w.lower() not in _BODY_WORDS}
    return frozenset(
        p.id
        for p in lesson.people.values()
        if p.speaks_for == group_id
        or (own and any(r.is_office and own & set(re.findall(r"[\w-]+", r.title)) for r in p.roles))
    )


SAME_TIME_YEARS = 20  # someone the lesson shows this far from a dated deed is no plausible doer of it
_DIED = re.compile(r"(?:died|was killed|was executed|was assassinated)\b")


def death_years(lesson: Lesson) -> dict[str, int]:
    """The year each person the lesson shows dying died: "Nelson Mandela died ...", "Harbour master Jon
    Vik died", not "Edith Marlowe's son died" (a name of theirs right before the verb)."""
    return {
        person_id: fact.when.end
        for fact in lesson.facts
        if fact.kind == "event" and fact.when is not None and _DIED.search(fact.what or "")
        for person_id in fact.people
        if person_id in lesson.people
        and any(
            re.search(rf"(?<![\w'’]){re.escape(name)}\s+{_DIED.pattern}", fact.what or "")
            for name in lesson.people[person_id].names
        )
    }


def of_the_time(
    lesson: Lesson, fact: Fact, names: Iterable[str], active: dict[str, tuple[int, int]], died: dict[str, int]
) -> set[str]:
    """The people (by name) who could have said or done something: not someone the lesson shows only
    decades later or earlier (Obama offered for Mandela's words from the dock in 1964), nor someone it
    shows dead by then (`death_years`). Anyone with nothing dated stays. An undated deed is of its doer's
    years, or, where the article dates it by its own day ("earlier this year") or the lesson dates nothing
    of theirs, of the article's (an undated letter in a report of 1990 is offered no mayor ousted in 1950)."""
    names = set(names)
    published = lesson.source.published
    if fact.when is not None:
        earliest = latest = fact.when.start
    elif published is not None and any(_RECENT.search(text) for text in fact.evidence):
        earliest, latest = published.start - 1, published.start
    elif fact.by in active:
        earliest, latest = active[fact.by]
    elif published is not None:
        earliest = latest = published.start
    else:
        return names
    return {
        name
        for person_id, (first, last) in active.items()
        if (name := name_of(lesson, person_id)) in names
        and first - SAME_TIME_YEARS <= latest
        and earliest <= min(last + SAME_TIME_YEARS, died.get(person_id, earliest))
    } | {name_of(lesson, person_id) for person_id in lesson.people if person_id not in active} & names


class PeopleRanking:
    """`ranked_people` for each kind of answer, computed once per question kind, not per question."""

    def __init__(self, lesson: Lesson, preferred: Iterable[str | None]) -> None:
        self.lesson = lesson
        self.preferred = list(preferred)
        self._cache: dict[str, tuple[str, ...]] = {}

    def for_answer(self, person_id: str) -> tuple[str, ...]:
        kind = self.lesson.people[person_id].kind
        if kind not in self._cache:
            self._cache[kind] = ranked_people(self.lesson, self.preferred, kind)
        return self._cache[kind]
