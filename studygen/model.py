"""The lesson model: immutable values that every later stage reads and none changes."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .dates import PartialDate
from .diagnostics import Position
from .verbs import ProposalVerb, proposal_verb

FILE_START = Position(1, 1)
NEUTRAL_CUES = frozenset(
    [*"said says added adds continued noted stated explained told remarked commented".split(), "according to"]
)  # "according to" is no verb: "Who according to ...?" would be no question
OTHERS = frozenset("him her them us me you".split())  # a cue with one of these points outside the quotation

ARTICLE = "article"
ARTICLE_ITSELF = "the article"  # how `according_to: article` (and a plain fact's giver) reads
"""`according_to: article` marks a statement as the article's own, contestable account."""
REPORTS, RUMOUR = "reports", "rumour"
UNNAMED_SOURCES = (REPORTS, RUMOUR)
"""`according_to: reports` ("there are reports that", "she is said to") and `rumour` ("rumours
had it"): reported by sources the article does not name; read "According to reports, ..."."""
ACCOUNT_WORDS = (ARTICLE, *UNNAMED_SOURCES)  # the accounts that are no person of the lesson


@dataclass(frozen=True)
class Source:
    file: str
    title: str = ""
    author: str = ""
    publisher: str = ""
    published: PartialDate | None = None
    url: str = ""

    def citation(self) -> str:
        """A one-line citation for worksheets and card backs."""
        parts = [p for p in (self.author, f"“{self.title}”" if self.title else "", self.publisher) if p]
        if self.published:
            parts.append(self.published.display())
        if self.url:
            parts.append(self.url)
        return ", ".join(parts) or self.file


# Words after which a quotation runs on without a comma: "said that “The ...”", "called it “The Wall”".
_NO_COMMA_AFTER = frozenset(
    "that as whether if because was were is are be been the a an of to and or but by with it them him her "
    "called named dubbed termed described titled".split()
)


# Words a clause's subject starts with: a quotation that opens with one in lower case runs on from "that".
_SUBJECT_WORDS = frozenset(
    "any all no every each some the a an this that these those its their his her our my your he she it they we "
    "i you there one both neither either many most few".split()
)


# A verb no noun phrase has: "the ferry was never meant to ..." is a clause, "a river of debt that never
# runs dry" a noun phrase ('said “a river ...”' stays as the article has it).
_FINITE = frozenset(
    "is are was were will would shall should can could may might must has have had does do did isn't aren't wasn't "
    "weren't won't wouldn't shouldn't can't cannot couldn't mustn't hasn't haven't hadn't doesn't don't didn't".split()
)
# Verbs of saying that take "that": 'said that', 'warned that'; not 'called', 'dubbed'.
_THAT_VERBS = frozenset(
    "said warned recalled noted stressed insisted argued claimed added wrote explained lamented complained suggested "
    "admitted declared announced emphasised emphasized replied answered observed remarked conceded acknowledged "
    "told".split()
)


def _curly(text: str) -> str:
    """Straight double quotation marks as opening and closing curly ones, in turn."""
    parts = text.split('"')
    return "".join(part + ("“" if i % 2 == 0 else "”") for i, part in enumerate(parts[:-1])) + parts[-1]


def teacher_gave(from_teacher: frozenset[str], key: str) -> bool:
    """Whether a `from_teacher:` list marks the value `key` (or everything: "*") as the teacher's."""
    return key in from_teacher or "*" in from_teacher


_PART_WORDS = {"day": "day", "month": "month", "year": "year", "from": "start", "to": "end"}


def teacher_parts(from_teacher: frozenset[str], key: str) -> tuple[str, ...]:
    """The parts of a date the teacher gives, in date order, as words: 'year' for `from_teacher:
    [when.year]`, 'start' for `[when.from]` (the first end of a span), 'end' for `[when.to]`."""
    return tuple(word for part, word in _PART_WORDS.items() if f"{key}.{part}" in from_teacher)


@dataclass(frozen=True)
class Role:
    title: str
    id: str = ""  # unique among the person's roles; questions about the role are keyed on it
    id_given: bool = False  # the teacher wrote the id (else it was made from the title)
    when: PartialDate | None = None
    kind: str = "office"  # or "description": not a post held for a time (analyst, film-maker)
    alternatives: tuple[str, ...] = ()  # other titles a student may write and be right ("Tory leader")
    shared: bool = False  # several people hold it at once ("one of two deputy presidents")
    alongside: bool = False  # a seat or party post held beside offices without competing with them
    according_to: str | None = None  # who gives the role, when it is only someone's word
    evidence: tuple[str, ...] = ()
    from_teacher: frozenset[str] = frozenset()
    draft: str = ""  # why the teacher should check it, while it is a draft (see drafts.py)
    note: str = ""
    pos: Position = FILE_START
    positions: Mapping[str, Position] = field(default_factory=dict, compare=False)

    @property
    def is_office(self) -> bool:
        return self.kind == "office"

    @property
    def is_main_office(self) -> bool:
        """An office that competes with the person's others for "What office did ... hold?"."""
        return self.is_office and not self.alongside


def title_slug(title: str) -> str:
    """A role's default id: its title in lower case, with '-' for anything but letters and digits."""
    slug = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")
    while "--" in slug:
        slug = slug.replace("--", "-")
    return slug or "role"


@dataclass(frozen=True)
class Person:
    """A person or a group (the Soviet Union, Soviet leaders) that facts refer to by id."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "person"
    description: str = ""
    author: str | None = None  # who wrote a document: a person id
    speaks_for: str | None = None  # whose voice they are: a spokesman's government, a party's spokeswoman's party
    roles: tuple[Role, ...] = ()
    from_teacher: frozenset[str] = frozenset()
    draft: str = ""  # why the teacher should check it, while it is a draft (see drafts.py)
    pos: Position = FILE_START
    positions: Mapping[str, Position] = field(default_factory=dict, compare=False)

    @property
    def named(self) -> bool:
        """Whether the article names them: an unnamed speaker ("an official") is never a wrong answer."""
        return self.kind != "unnamed"

    @property
    def names(self) -> tuple[str, ...]:
        """Every way the text may name this person: full name, aliases and (for people) surname."""
        names = [self.name, *self.aliases]
        if self.surname:
            names.append(self.surname)
        return tuple(dict.fromkeys(names))

    @property
    def surname(self) -> str:
        """A person's surname, with its particle ("de Klerk" of "F. W. de Klerk", "van Beethoven"), or ""
        (a group, a one-word name, a name that is all surname: "De Klerk")."""
        words = self.name.split()
        if self.kind != "person" or len(words) < 2:
            return ""
        at = len(words) - 1
        while at > 0 and words[at - 1].lower() in SURNAME_PARTICLES:
            at -= 1
        return " ".join(words[at:]) if at > 0 else ""


# Words that belong to the surname after them: "de Klerk", "van Gogh", "von Stauffenberg", "da Silva".
SURNAME_PARTICLES = frozenset("de da di do dos du del della der den la le van von ter ten bin ibn al el".split())


@dataclass(frozen=True)
class Reply:
    """The answer a proposal received: the words of the reply, or how the article reports the reaction."""

    said: str | None = None  # quoted words of the reply
    reaction: str | None = None  # "dismissed the idea as a “dream”": reported, not quoted
    by: str | None = None
    evidence: tuple[str, ...] = ()
    pos: Position = FILE_START


@dataclass(frozen=True)
class Fact:
    """One curated fact. `kind` decides which fields it uses (see schema.FACT_KINDS)."""

    id: str
    kind: str
    by: str | None = None
    to: tuple[str, ...] = ()  # to whom it was said or proposed: one person or several
    who: tuple[str, ...] = ()
    said: str | None = None
    what: str | None = None
    about: str | None = None
    when: PartialDate | None = None
    where: str | None = None
    purpose: str | None = None
    frame: str | None = None  # the words around a quotation, "..." where it stands
    hearsay: bool = False  # others attribute the words to `by`
    cue: str | None = None
    blank: str | None = None  # the word of a quotation the teacher wants blanked
    reply: Reply | None = None
    proposal_verb: str | None = None  # the teacher's `verb:` of a proposal ("appealed"); "proposed" when None
    according_to: str | None = None  # the first of `accounts`: whose account this is
    accounts: tuple[str, ...] = ()  # every source of the claim ("navy officials and experts")
    said_when: PartialDate | None = None  # when the account (according_to) was given
    sources: Mapping[str, str] = field(default_factory=dict)  # {"when": "ordzhonikidze"}: who gives a value
    evidence: tuple[str, ...] = ()
    from_teacher: frozenset[str] = frozenset()
    tags: tuple[str, ...] = ()
    note: str = ""
    draft: str = ""  # why the teacher should check it, while it is a draft (see drafts.py)
    pos: Position = FILE_START
    positions: Mapping[str, Position] = field(default_factory=dict, compare=False)

    @property
    def date_agrees(self) -> bool:
        """Whether the date is given by the fact's own account (it may be someone else's: `sources`)."""
        return self.sources.get("when", self.according_to) == self.according_to

    @property
    def own_account(self) -> bool:
        """The fact is only its subject's own account ("Putin says he proposed...")."""
        return self.according_to is not None and self.according_to == self.by

    @property
    def proposing(self) -> ProposalVerb:
        """The verb a proposal is asked with: its `verb:` ('appealed', 'urged'), else 'proposed'."""
        return proposal_verb(self.proposal_verb)

    def field_pos(self, name: str) -> Position:
        return self.positions.get(name, self.pos)

    @property
    def verb(self) -> str:
        """The verb questions say the words with: the cue ('shouted', 'warned'), unless it only carries the
        article's narration on ('added', 'continued'), which out of context reads as 'said'."""
        cue = (self.cue or "").strip()
        # "told him privately" names nobody out of its sentence: a frame can say who "him" is.
        if not cue or cue.lower() in NEUTRAL_CUES or not OTHERS.isdisjoint(cue.lower().split()):
            return "said"
        return cue

    @property
    def runs_on(self) -> bool:
        """Whether the quotation is a clause the article's sentence runs into ('and that “any officer who
        ...”'): it opens in lower case with a word that starts a clause's subject, so that a question says
        'said that “any officer ...”', not 'said: “any officer ...”' as if it were a whole sentence."""
        words = (self.said or "").split()
        return (
            bool(words) and words[0][:1].islower() and words[0] in _SUBJECT_WORDS
            and self.verb in _THAT_VERBS and any(w.lower() in _FINITE for w in words)
        )  # fmt: skip

    def framed(self, quotation: str | None = None) -> str:
        """The quotation in its frame, after the speaker: 'told colleagues she did not “like it”', 'is said
        to believe “...”', 'shouted “...”', 'said “...”' (`quotation` replaces the words, e.g. with a blank)."""
        words = self.said if quotation is None else quotation
        frame = self.frame or f"{self.verb}{' that' if self.runs_on else ''} ..."
        # A frame whose marks open around the "..." holds words of the quotation that the article's
        # interruption sets apart ('said: “Even so, ...”' for '"Even so," she said, "the ferry ...'):
        # the words go inside those marks, not in a second pair. Marks elsewhere in it are other words
        # quoted ('called it "well meant" and the plan ...'): the quotation takes its own.
        frame = _curly(frame) if '"' in frame else frame
        at = min((i for i in (frame.find("..."), frame.find("…")) if i >= 0), default=len(frame))
        if frame[:at].count("“") > frame[:at].count("”"):
            shown = words
        else:
            shown = f"“{words}”"
            # "told the board, “The quay is too small”": a whole sentence after words of the frame's own
            # takes a comma, as a writer sets it; "said “The ...”" and "did not “like it”" take none.
            lead = frame.split("...")[0].split("…")[0].rstrip()
            last = lead.split()[-1].lower() if lead else ""
            if len(lead.split()) > 1 and lead[-1:].isalnum() and words[:1].isupper() and last not in _NO_COMMA_AFTER:
                frame = frame.replace(lead, lead + ",", 1)
        for mark in ("...", "…"):
            if mark in frame:
                return frame.replace(mark, shown, 1)
        return f"{frame} {shown}"

    @property
    def people(self) -> tuple[str, ...]:
        """Ids of everyone the fact involves, in a stable order."""
        ids = [self.by, *self.to, *self.who, self.reply.by if self.reply else None, *self.accounts]
        return tuple(dict.fromkeys(i for i in ids if i and i not in ACCOUNT_WORDS))


@dataclass(frozen=True)
class QuestionSettings:
    """Per-lesson control over question generation (the `questions:` section)."""

    skip_kinds: frozenset[str] = frozenset()
    exclude: Mapping[str, frozenset[str]] = field(default_factory=dict)
    templates: Mapping[str, str] = field(default_factory=dict)
    template_positions: Mapping[str, Position] = field(default_factory=dict, compare=False)
    seed: int = 0
    key_terms: frozenset[str] = frozenset()  # lower case: words a teacher counts as worth a blank
    one_sheet: bool = True  # leave out each question another gives away (questions.selection)


@dataclass(frozen=True)
class WorksheetSettings:
    """Per-lesson worksheet layout (the `worksheet:` section)."""

    versions: int = 2
    paper: str = "A4"
    seed: int = 0
    sections: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Lesson:
    id: str
    title: str
    deck: str
    source: Source
    people: Mapping[str, Person]
    facts: tuple[Fact, ...]
    path: Path
    article: str
    tags: tuple[str, ...] = ()
    questions: QuestionSettings = QuestionSettings()
    worksheet: WorksheetSettings = WorksheetSettings()
    review_required: bool = False  # `lesson.review: required`: only approved questions are exported
    id_pos: Position = field(default=FILE_START, compare=False)

    @property
    def directory(self) -> Path:
        return self.path.parent

    @functools.cached_property
    def _facts_index(self) -> dict[str, Fact]:
        return {fact.id: fact for fact in self.facts}

    def facts_by_id(self, ids: Iterable[str]) -> list[Fact]:
        """The facts with these ids (a set's question names several), skipping ids that are not facts."""
        index = self._facts_index
        return [index[i] for i in ids if i in index]

    def account_owner(self, fact: Fact) -> str | None:
        """Whose account an attributed fact is, as words: `Putin`, `the article`, or None; with the
        date of the account when the teacher gives it: `what Russian officials said on 21 August 2000`."""
        owner = self.accounts_name(fact)
        if owner is None or fact.said_when is None:
            return owner
        when = fact.said_when
        return f"what {owner} said {'on' if when.day else 'in'} {when.display()}"

    def date_owner(self, fact: Fact) -> str | None:
        """Who gives the fact's date, as words (None: the article reports it as fact)."""
        return self.owner_name(fact.sources.get("when", fact.according_to))

    def owner_name(self, owner: str | None) -> str | None:
        if owner is None:
            return None
        if owner == ARTICLE:
            return ARTICLE_ITSELF
        if owner in UNNAMED_SOURCES:
            return owner  # "According to reports, ...", "According to rumour, ..."
        return self.people[owner].name

    def accounts_name(self, fact: Fact) -> str | None:
        """Everyone whose account the fact is, as words: `Putin`, `navy officials and experts`."""
        names = [self.owner_name(owner) or "" for owner in fact.accounts]
        if len(names) <= 1:
            return self.owner_name(fact.according_to)
        return listed(names)

    def one_source(self, person_id: str | None) -> frozenset[str]:
        """Who speaks with this person's voice: a document and its author are one source of words, and so
        are a spokesman and whom they speak for."""
        if person_id not in self.people:
            return frozenset()
        person = self.people[person_id]
        linked = {p.id for p in self.people.values() if person_id in (p.author, p.speaks_for)}
        return frozenset({person_id, *linked, *(i for i in (person.author, person.speaks_for) if i)})

    def names_of(self, ids: Iterable[str]) -> str:
        """The people's names as one phrase: `Bill Clinton`, `Sande and Lund`, `A, B and C`."""
        return listed([self.people[i].name for i in ids])


def listed(names: list[str]) -> str:
    """`A`, `A and B`, `A, B and C`."""
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)
