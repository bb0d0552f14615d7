"""Whether a text a student reads gives away a question's answer: the one test behind a lesson's
question set, every worksheet version and every card front.

A text gives a question away when it holds the answer *together with* what the question is about:
"Putin told Stone ..." does not answer "Who said 'Why not?'", but "Putin replied 'Why not?'" does.
What counts as the answer is every form the lesson knows of it: a person's full name, aliases and
surname ("President Carter" holds "Carter"); an office's title, the title without its place or body
("foreign minister" of "Russian Foreign Minister") and the head noun's derived forms (leadership,
presidency); a date as studygen prints it, in ISO form and as the bare year; a
cloze's blank between its neighbouring words. What the question is about is the person named in an
office question, the office of an office-holder question, and otherwise the content words of its
prompt (most of them must be there too: "Mandela was arrested in 1962" answers "In what year was
Mandela arrested?", "Mandela was president in 1994" does not answer "In what year was Mandela
arrested?").

Besides what a text shows, two questions give each other away when they ask the same thing: the same
fact with the same answer (a proposal cloze and "Who proposed ...?", a matching pair and "Who said
...?"), an office and its holder in the same span (asked in one direction only), or the same date of
one occasion (two quotations of one press conference, both "On what date ...?").
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..article import Article, fold_text, paragraph_starts
from ..model import Lesson, Person, Role
from .base import Question, accepted_names, named_in
from .cloze import BLANK
from .offices import adjectives_of
from .shapes import Blank, Shape

SUBJECT_SHARE = 0.6  # of the content words of what a question is about, a text must hold this share
# ... or this share, when the answer is who did it (not who said words, which are asked whole): a name
# beside half of what was done is the answer
# ("Ruth Sande wrote to the council about the old ferry" answers "Who urged the council to sell the old
# ferry to the islanders?").
PERSON_SHARE = 0.5
STEM = 6  # words compared by their first letters: "acquitted" and "acquittal", "proposed" and "proposal"

_WORD = re.compile(r"[^\W_][\w'’-]*")
_QUOTED = re.compile(r"“([^”]+)”")
_YEAR = re.compile(r"(?<!\d)\d{3,4}(?!\d)")
# Words that say nothing of what a question is about: function words, and the words of the questions.
_STOPWORDS = frozenset(
    "a an the and or but of to in on at by for from with as into onto about after before during until since "
    "than then that this these those there their they them his her hers its it he she we you i me my our your "
    "be is are was were been being has have had do does did not no yes so if when what which who whom whose "
    "why how where while also only just very more most some any all each every other such own same too can "
    "could would should will shall may might must up down out over under again further once here one two "
    "year years date month decade century office held hold said says say person people called call".split()
)
_DERIVED = ("s", "ship", "ships")  # leader: leaders, leadership; chairman: chairmanship


def fold(text: str) -> str:
    """Text as a reader compares it: case, quote marks, dashes and white space folded (quote marks
    and dashes as the article's own matching folds them, then quote marks dropped), blanks as gaps.
    An apostrophe inside a word parts it, so that "Varga's plan" names Varga."""
    return _APOSTROPHE.sub(" ", fold_text(text.replace(BLANK, " "))).replace('"', "").casefold()


_APOSTROPHE = re.compile(r'(?<=\w)"(?=\w)')


def shows(text: str, secret: str) -> bool:
    """Whether folded `text` holds folded `secret` as whole words."""
    return bool(secret) and named_in(secret, text)


# A lesson's questions are compared pairwise (`selection`): the same texts and answer forms come back
# thousands of times, so their words and stems are worked out once.
@functools.lru_cache(maxsize=65_536)
def words_of(text: str) -> str:
    """A folded text as its words alone, one space apart."""
    return " ".join(_WORD.findall(text))


def _stem(word: str) -> str:
    return word[:STEM]


def content_stems(text: str, besides: Iterable[str] = ()) -> frozenset[str]:
    """The stems of a folded text's content words, leaving out those of `besides` (the answer's forms)."""
    if not besides:
        return _content_stems(text)
    left_out = {_stem(w) for phrase in besides for w in _WORD.findall(phrase)}
    return frozenset(
        _stem(w) for w in _WORD.findall(text) if w not in _STOPWORDS and len(w) > 1 and _stem(w) not in left_out
    )


@functools.lru_cache(maxsize=16_384)
def _words_in(texts: tuple[str, ...]) -> frozenset[str]:
    """Every word of some folded texts."""
    return frozenset(word for text in texts for word in _WORD.findall(text))


@functools.lru_cache(maxsize=65_536)
def _content_stems(text: str) -> frozenset[str]:
    return frozenset(_stem(w) for w in _WORD.findall(text) if w not in _STOPWORDS and len(w) > 1)


@dataclass(frozen=True)
class Ask:
    """One thing a question (or one item of a matching or timeline) asks a student to supply."""

    what: str  # for notes: "the speaker", "the date", "the office", ...
    answer: str  # folded
    facts: tuple[str, ...]
    forms: tuple[str, ...]  # folded forms of the answer: a text holding any of them shows it
    names: tuple[str, ...] = ()  # a subject that is named: a text must hold one of these (folded) ...
    subject: frozenset[str] = frozenset()  # ... or else this share of these content stems
    occasion: frozenset[str] = frozenset()  # a day or month date: the people its occasion involves
    role: str = ""  # an office question's role (person.role), asked in one direction only
    alone: bool = True  # without a subject to show it with, the answer alone gives it away (not a name or a date)
    quotation: str = ""  # the words of a quotation it shows (words only): a text holding them shows its subject
    about: frozenset[str] = frozenset()  # the content stems of its whole prompt, to tell one thing asked twice
    # Forms that give a date away wherever they stand in a text that is more than a date: "the March
    # 1993 harbour report" answers "In what month and year ...?", "from 1990 to 1994" its year. A day's date is
    # given away by itself, not by its year ("1961" leaves "27 October 1961" to ask).
    telling: tuple[str, ...] = ()
    passages: frozenset[tuple[str, int]] = frozenset()  # (speaker, passage) of the words it shows or asks
    # Two content words side by side in what a "Who ...?" asks about ("the harbour tax"): with the
    # answer's name, they show the subject however little else of it a text holds.
    phrases: tuple[str, ...] = ()

    def shown_by(self, text: str) -> str | None:
        """The form of the answer a folded text shows with the subject, if it does (words compared without
        the punctuation between them: "open this gate! Mr Gorbachev" holds "this gate mr")."""
        plain = words_of(text)
        form = next((f for f in self.forms if shows(plain, words_of(f))), None)
        if form is None:
            return None
        # A choice that is only a date tells nothing.
        telling = next((f for f in self.telling if shows(plain, words_of(f))), None) if self.telling else None
        if telling is not None and not is_date(text):
            return telling
        if self.names:
            return form if any(shows(plain, words_of(n)) for n in self.names) else None
        if self.quotation and shows(plain, self.quotation):
            return form  # "Clinton replied, 'Why not?'" answers "Who replied “Why not?”?"
        if not self.subject and not self.alone:
            return None  # a name or a date alone is a candidate, not an answer
        if self.subject:
            present = self.subject & content_stems(text)
            share = PERSON_SHARE if self.what in _WHO and not self.quotation else SUBJECT_SHARE
            if len(present) < math.ceil(share * len(self.subject)) and not any(shows(plain, p) for p in self.phrases):
                return None
        return form


_DAY = re.compile(r"(?<!\d)\d{1,2}(?!\d)")


def _verb_forms(noun: str) -> list[str]:
    """The word an agent noun is made from, as the noun it also is: "ruler" -> rule ("began his rule of
    Lenby" gives away "ruler of Lenby"), "leader" -> lead. Not its verb forms: "the judge who ruled against
    him" is no ruler (a judge)."""
    if len(noun) < 5 or not noun.endswith("er"):
        return []
    return [noun[:-1], noun[:-2]]  # rule-r or lead-er: the letters do not tell, and a non-word matches nothing


def _phrases(text: str, besides: tuple[str, ...]) -> tuple[str, ...]:
    """Pairs of content words side by side in a text ("the harbour tax"), folded: words in lower
    case only (a name is a person of its own, "Ivo Maric" no subject), none of the answer's forms."""
    left_out = {w for form in besides for w in _WORD.findall(form)}
    words = _WORD.findall(fold_text(text))
    content = [w.islower() and len(w) > 2 and w not in _STOPWORDS and w not in left_out for w in words]
    pairs = (f"{a} {b}" for i, (a, b) in enumerate(itertools.pairwise(words)) if content[i] and content[i + 1])
    return tuple(dict.fromkeys(pairs))


def _date_forms(values: Iterable[str], day_by_year: bool = True) -> tuple[str, ...]:
    """A date answer as studygen prints it and its alternatives (ISO), and as the year (a month and
    year holds its year), unless `day_by_year` is false and the date is a day's: the forms that give
    it away alone ("1961" leaves "27 October 1961" to ask)."""
    forms: list[str] = []
    for value in values:
        folded = fold(value)
        forms.append(folded)
        if day_by_year or not _DAY.search(_YEAR.sub("", folded)):
            forms += _YEAR.findall(folded)
    return tuple(f for f in dict.fromkeys(forms) if f)


def _initials(title: str) -> str:
    """A title of two capitalised words by their initials, as headlines write it: "pm" of "Prime Minister"
    and of "UK Prime Minister" (a country's initials before it aside), "mp" of "Member of Parliament" (""
    for any other title)."""
    words = re.findall(r"[\w'-]+", title)
    while words and words[0].isupper():
        words = words[1:]
    capitals = [w for w in words if w[:1].isupper() and w[1:].islower()]
    return "".join(w[0] for w in capitals).lower() if len(capitals) == 2 == len(words) - ("of" in words) else ""


# The words a date may hold besides its numbers: "12 June 2017", "early 2002", "the mid-1950s", "c. 1200".
_DATE_WORDS = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"spring|summer|autumn|winter|early|mid|late|the|in|about|c\.|bc|ad|s|to|and)\b"
)


def is_date(answer: str) -> bool:
    """Whether an answer is a date as studygen prints one: a year with at most date words around it."""
    return bool(_YEAR.search(answer)) and not re.search(r"[^\W\d_]{3,}", _DATE_WORDS.sub("", answer.lower()))


class Giveaways:
    """The forms a lesson knows of its answers, and the test of a text against a question."""

    def __init__(self, lesson: Lesson) -> None:
        self.lesson = lesson
        self._people: dict[str, Person] = {}
        for person in lesson.people.values():
            for name in (person.name, *person.aliases):
                self._people.setdefault(fold(name), person)
        self._cache: dict[Question, tuple[Ask, ...]] = {}
        # Where quotations and accounts stand, found once (the article is indexed for it): "Who said ...?"
        # and the rest use the quotations' places, "fact or account?" the accounts' too.
        self._account_passages = quotation_passages(lesson, accounts=True)
        quotes = {fact.id for fact in lesson.facts if fact.kind == "quote"}
        self._passages = {fact: places for fact, places in self._account_passages.items() if fact in quotes}
        # A surname two people share ("Vik" of a harbour master and his daughter) names neither of them.
        bearers = Counter(fold(n) for person in lesson.people.values() for n in set(person.names) - {person.name})
        self._shared = {form for form, count in bearers.items() if count > 1}

    def person(self, answer: str) -> Person | None:
        """The lesson's person (or group, document) an answer names by full name or alias."""
        return self._people.get(fold(answer))

    # -- what a student sees -----------------------------------------------------------------------

    @staticmethod
    def shown(question: Question) -> tuple[str, ...]:
        """The texts a student reads of a question, each as one unit: the prompt (a cloze with its gap),
        each choice, each quotation of a matching and each event of a timeline."""
        texts = [question.prompt, *question.choices]
        if question.shape is Shape.MATCHING:
            texts += [left for left, _ in question.pairs]
        elif question.shape is Shape.ORDERING:
            texts += question.items or tuple(label for _, label in question.pairs)
        return tuple(fold(t) for t in texts)

    @staticmethod
    def item_shown(question: Question, index: int) -> tuple[str, ...]:
        """What one item of a matching or timeline shows: its quotation or its event."""
        left, right = question.pairs[index]
        return (fold(right if question.shape is Shape.ORDERING else left),)

    # -- what a question asks ----------------------------------------------------------------------

    def person_forms(self, person: Person) -> tuple[str, ...]:
        """Every name a text may give a person by: full name, aliases, surname (which "President
        Carter" and "Mr Carter" hold), but a surname another person of the lesson bears too; a country
        by its adjective too ("a Norwegian ship" names Norway)."""
        names = (*person.names, *accepted_names(self.lesson, person.id))
        forms = [fold(n) for n in names]
        if person.kind == "group":
            forms += [a for n in names for a in adjectives_of(n)]
        return tuple(
            dict.fromkeys(f for f in forms if len(f) > 1 and (f == fold(person.name) or f not in self._shared))
        )

    @staticmethod
    def office_forms(title: str) -> tuple[str, ...]:
        """An office as a text may give it: the title; without its place or body ("President" of
        "President of South Africa"); its last two words ("foreign minister" of "Russian Foreign
        Minister"), or its head noun when it is one word, with the head noun's derived forms; a title of
        two capitalised words by their initials too ("PM" of "Prime Minister", "MP" of "Member of Parliament")."""
        folded = fold(title)
        head = _BEFORE_PLACE.split(folded, maxsplit=1)[0]
        words = head.split()
        forms = [folded, head, " ".join(words[-2:])]
        # "PM" of "Prime Minister of the United Kingdom" too: the post before its place.
        if initials := _initials(title) or _initials(_BEFORE_PLACE.split(title, maxsplit=1)[0]):
            forms.append(initials)
        if len(words) == 1:
            noun = words[0]
            forms += [noun + ending for ending in _DERIVED]
            if noun.endswith("ent"):  # president: presidency, presidential
                forms += [noun[:-1] + "cy", noun + "ial"]
            forms += _verb_forms(noun)
        return tuple(dict.fromkeys(forms))

    def _office_of(self, question: Question) -> tuple[Person, Role] | None:
        person_id, _, role_id = question.fact.partition(".")
        person = self.lesson.people.get(person_id)
        if person is None:
            return None
        role = next((r for r in person.roles if r.id == role_id), None)
        return (person, role) if role else None

    def _answer_ask(self, what: str, answer: str, alternatives: tuple[str, ...], facts: tuple[str, ...],
                    about: str) -> Ask:  # fmt: skip
        """What a question asks when its answer is a person, a date or words, about the text `about`."""
        person = self.person(answer)
        telling: tuple[str, ...] = ()
        if person is not None:
            forms = self.person_forms(person)
            what = what or "the person"
        elif is_date(answer):
            forms = _date_forms((answer, *alternatives))
            what = "the date"
            telling = _date_forms((answer, *alternatives), day_by_year=False)
        else:
            forms = tuple(f for f in dict.fromkeys(fold(a) for a in (answer, *alternatives)) if len(f) > 1)
            what = what or "the answer"
        # A question that quotes someone is about the quotation: its words, not the frame around them.
        quoted = max(_QUOTED.findall(about), key=len, default="")
        subject = content_stems(fold(quoted or about), forms)
        quotation = words_of(fold(quoted)) if len(_WORD.findall(quoted)) >= 2 else ""
        alone = person is None and what != "the date"
        whole = content_stems(fold(about), forms)
        phrases = _phrases(about, forms) if what in _WHO and not quotation else ()
        return Ask(what, fold(answer), facts, forms, subject=subject, alone=alone, quotation=quotation, about=whole,
                   telling=telling, phrases=phrases)  # fmt: skip

    def asks(self, question: Question) -> tuple[Ask, ...]:
        """What a question asks (one Ask per item of a matching or a timeline)."""
        if (cached := self._cache.get(question)) is None:
            cached = self._cache[question] = tuple(self._placed(ask) for ask in self._asks(question))
        return cached

    def _placed(self, ask: Ask) -> Ask:
        """An ask with the passages of the quotations its facts show."""
        places = frozenset(place for fact in ask.facts for place in self._passages.get(fact, ()))
        return dataclasses.replace(ask, passages=places) if places else ask

    def item_asks(self, question: Question, index: int) -> Ask:
        """What one item of a matching or timeline asks: the speaker of its quotation, the date of its event."""
        return self._placed(self._item_ask(question, index))

    def _item_ask(self, question: Question, index: int) -> Ask:
        left, right = question.pairs[index]
        facts = (question.facts[index],) if len(question.facts) == len(question.pairs) else question.facts
        if question.shape is Shape.ORDERING:  # (date, event): asks the order, which the event's date shows
            return Ask("the date that places an event", "", facts, _date_forms((left,)),
                       subject=content_stems(fold(right)), alone=False)  # fmt: skip
        return self._answer_ask("the speaker", right, (), facts, left)

    def _asks(self, question: Question) -> tuple[Ask, ...]:
        facts = question.facts or (question.fact,)
        if question.shape in (Shape.MATCHING, Shape.ORDERING):
            return tuple(self._item_ask(question, i) for i in range(len(question.pairs)))
        if question.kind == "office" and (office := self._office_of(question)):
            person, role = office
            # The teacher's alternative titles count whole ("tory leader" of "Leader of the Conservative Party").
            alternatives = tuple(fold(a) for a in role.alternatives)
            forms = (*self.office_forms(role.title), *alternatives)
            # Without choices to tell it from, the title anywhere on the sheet answers it: "Who was harbour
            # master from 1970 to 1979?" beside "What office did Jon Vik hold from 1980 to 1991?".
            shown = (fold(role.title), *(_initials(t) for t in (role.title, *role.alternatives)), *alternatives)
            telling = () if question.choices else tuple(f for f in shown if f)
            names = self.person_forms(person)
            return (
                Ask("the office", fold(role.title), facts, forms, names=names, role=question.fact, telling=telling),
            )
        if question.kind == "office-holder" and (office := self._office_of(question)):
            person, role = office
            titles = (*self.office_forms(role.title), *(fold(a) for a in role.alternatives))
            return (Ask("the office-holder", fold(person.name), facts, self.person_forms(person), names=titles,
                        role=question.fact),)  # fmt: skip
        if question.cloze is not None:
            return tuple(self._blank_ask(question, facts, i) for i, _ in enumerate(question.cloze.blanks))
        if question.kind == "claim":
            return self._claim_asks(question, facts)
        about = question.prompt
        ask = self._answer_ask(_WHAT.get(question.kind, ""), question.answer, question.alternatives, facts, about)
        if ask.what == "the date" and re.search(r"\d{1,2} |[a-z] \d", ask.answer):  # a day or a month
            people = frozenset(p.id for name, p in self._people.items() if shows(fold(about), name))
            ask = dataclasses.replace(ask, occasion=people | set(question.people))
        return (ask,)

    def _blank_ask(self, question: Question, facts: tuple[str, ...], index: int) -> Ask:
        """A cloze's blank: a person or a date with the rest of the sentence, or a word between its neighbours."""
        parts = question.cloze.parts  # type: ignore[union-attr]
        positions = [i for i, part in enumerate(parts) if isinstance(part, Blank)]
        at = positions[index]
        blank = parts[at]
        assert isinstance(blank, Blank)
        if fold(blank.answer) in self._people or is_date(blank.answer):
            return self._answer_ask("", blank.answer, blank.alternatives, facts, question.prompt)
        before = _WORD.findall(fold(str(parts[at - 1]))) if at > 0 else []
        after = _WORD.findall(fold(str(parts[at + 1]))) if at + 1 < len(parts) else []
        forms = []
        for answer in (blank.answer, *blank.alternatives):
            if not _WORD.search(fold(answer)):
                continue  # a blank of punctuation ("~") has no words to show: its neighbours alone are no answer
            words = [*before[-1:], fold(answer), *after[:1]]
            if len(words) < 3:  # at one end of the sentence: two words on the other side
                words = [*before[-2:], fold(answer)] if not after else [fold(answer), *after[:2]]
            forms.append(" ".join(words))
        # A rare word of one word is the answer whatever its neighbours: "biggest net contributors" answers
        # "the biggest [...] to the budget" (contributor), in the singular or the plural.
        rare = [fold(a) for a in (blank.answer, *blank.alternatives) if " " not in a.strip() and len(a) >= MIN_RARE]
        forms += [form for word in rare for form in _number_forms(word)]
        return Ask("the missing word", fold(blank.answer), facts, tuple(dict.fromkeys(forms)))

    def _claim_asks(self, question: Question, facts: tuple[str, ...]) -> tuple[Ask, ...]:
        """'Fact or account?': a text that says whose account the statement is, with the statement."""
        owners = [
            p for p in self._people.values() if question.according_to and fold(p.name) in fold(question.according_to)
        ]
        if not owners:
            return ()
        statement = question.prompt.split("?", 1)[-1]
        forms = tuple(f for p in owners for f in self.person_forms(p))
        # "According to Jon Vik, what office did Eva Lund hold?" beside "Eva Lund took the case": whose
        # word about a person the statement names is shown, and so whose account it is.
        named = tuple(
            f
            for p in self._people.values()
            if p not in owners
            for f in self.person_forms(p)
            if shows(words_of(fold(statement)), words_of(f))
        )
        account = Ask(
            "whose account it is",
            fold(question.answer),
            facts,
            forms,
            subject=(stems := content_stems(fold(statement), forms)),
            about=stems,
            alone=False,
            passages=frozenset(place for fact in facts for place in self._account_passages.get(fact, ())),
        )
        if not named:
            return (account,)
        according = tuple(f"according to {form}" for form in forms)
        return (account, dataclasses.replace(account, forms=according, names=named, passages=frozenset()))

    # -- the test ----------------------------------------------------------------------------------

    def gives_away(self, text: str, question: Question) -> str | None:
        """Why `text`, one unit a student reads (a prompt, a choice, a quotation, an event, a line of the
        page), gives away the answer of `question` (None: it does not)."""
        folded = fold(text)
        for ask in self.asks(question):
            if (form := ask.shown_by(folded)) is not None:
                return f"it shows {ask.what} ('{form}') with what the question is about"
        return None


_WHO = frozenset({"the speaker", "the proposer", "the person"})
_WHAT = {"attribution": "the speaker", "proposal": "the proposer", "response": "the reply", "when": "the date"}


def text_gives_away(texts: Iterable[str], asks: Iterable[Ask]) -> str | None:
    """Why one of the folded `texts` shows one of `asks` (None: none does). An ask none of whose forms
    has its first word among the texts' words cannot be shown: it is not looked for (the same answer
    either way, found without reading every text for every ask of every pair of questions)."""
    texts = tuple(texts)
    present = _words_in(texts)
    asks = tuple(ask for ask in asks if any(words_of(form).partition(" ")[0] in present for form in ask.forms))
    if not asks:
        return None
    for text in texts:
        for ask in asks:
            if (form := ask.shown_by(text)) is not None:
                return f"it shows {ask.what} ('{form}')"
    return None


MIN_RARE = 7  # letters of a blank's word that is, alone, the answer ("contributor", not "vote")


def _number_forms(word: str) -> tuple[str, ...]:
    """A word in the singular and the plural, as English mostly makes them."""
    if word.endswith("ies"):
        return (word, word[:-3] + "y")
    if word.endswith(("ses", "xes", "ches", "shes")):
        return (word, word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        return (word, word[:-1])
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return (word, word[:-1] + "ies")
    return (word, word + ("es" if word.endswith(("s", "x", "ch", "sh")) else "s"))


# Where an office's place or body begins: "Prime Minister | of the United Kingdom".
_BEFORE_PLACE = re.compile(r" (?:of|to|for|in) ")
# A paragraph of wire copy that goes on with the last one's speaker: "'... on a wall,' she added." (or
# "Sande added": the passage is one where the speakers are one).
_ADDED = re.compile(
    r'"[^"]+"\s*,?\s*(?:he|she|they|[A-Z][\w.\'’-]*(?: [A-Z][\w.\'’-]*)*)\s+(?:added|continued|went on)\b'
)


def _leaves_open(paragraph: str) -> bool:
    """Whether a paragraph ends inside a quotation: its double marks, counted as written (folded text
    reads the apostrophe of "member states' budgets" as a closing mark)."""
    return (
        paragraph.count('"') % 2 == 1 or paragraph.count("“") > paragraph.count("”")
        or paragraph.count("``") > paragraph.count("''")
    )  # fmt: skip


def quotation_passages(lesson: Lesson, accounts: bool = False) -> dict[str, frozenset[tuple[str, int]]]:
    """Where each quotation stands: its speaker and its passage (a paragraph, with the paragraphs a
    quotation runs on into: an opening mark left open at its end, a next paragraph that opens with one),
    and the passages it goes on from with a quotation "he added", as negative numbers (-1 - passage).
    Once a student reads whose one part of a passage is, the speaker of the rest is no question. With
    `accounts`, each person's account too (`according_to`), where its evidence stands."""
    if not lesson.article:
        return {}
    article = Article(lesson.article)
    starts = paragraph_starts(lesson.article)
    passage_of: list[int] = []
    added_to: list[int] = []  # the passage a quotation "he added" goes on from, as -1 - its number
    passage, open_mark = -1, False
    for start, end in zip(starts, [*starts[1:], len(lesson.article)], strict=True):
        paragraph = fold_text(lesson.article[start:end]).strip()
        if not (open_mark and paragraph.startswith('"')):  # a paragraph that does not carry the quotation on
            passage += 1
            if not _ADDED.match(paragraph):
                added_to.append(-1 - passage)
            else:
                added_to.append(added_to[-1] if added_to else -1 - passage)
        else:
            added_to.append(added_to[-1])
        open_mark = _leaves_open(lesson.article[start:end])
        passage_of.append(passage)
    places: dict[str, frozenset[tuple[str, int]]] = {}
    for fact in lesson.facts:
        if fact.kind == "quote" and fact.said and fact.by and (found := article.find_in(fact.said, fact.evidence)):
            at = bisect.bisect(starts, found[0]) - 1
            places[fact.id] = frozenset({(fact.by, passage_of[at]), (fact.by, added_to[at])})
        # A person's account ("Howells suggested that ...") stands in their passage too: "whose account?"
        # of it is "who said?" of the words around it (`accounts`: only "fact or account?" asks so).
        elif accounts and fact.according_to in lesson.people and (found := article.find(" ".join(fact.evidence[:1]))):
            places[fact.id] = frozenset({(fact.according_to, passage_of[bisect.bisect(starts, found[0]) - 1])})
    return places


def same_ask(one: Ask, other: Ask) -> str | None:
    """Why two asks are one question asked twice (None: they are not)."""
    if one.answer and one.answer == other.answer and set(one.facts) & set(other.facts):
        return f"both ask {one.what} of the same fact"
    if one.answer and one.answer == other.answer and _same_subject(one.about, other.about):
        return f"both ask {one.what} of the same thing, in other words"
    shared = one.passages & other.passages
    # Words "she added" in the next paragraph (a negative place) are one passage with the words before
    # them: two questions that each ask who spoke them have one answer, which a student who knows one
    # knows for the other (judges, three rounds).
    if shared and "the speaker" in (one.what, other.what) and "the date" not in (one.what, other.what):
        return "both come from one passage of one speaker's words, and one asks who spoke"
    if one.what == other.what == "the missing word" and _one_word(one.answer, other.answer):
        return f"both blank one word ({one.answer}, {other.answer}): the word bank and its grammar tell them apart"
    if one.what == other.what == "the office" and one.answer == other.answer:
        return f"both ask for the same office ({one.answer}): once is enough"
    if one.role and one.role == other.role:
        return "an office and its holder in the same span: asked in one direction only"
    if one.answer and one.occasion & other.occasion and one.answer == other.answer:
        return f"both ask the same date of one occasion ({one.answer})"
    return None


def _one_word(one: str, other: str) -> bool:
    """Whether two blanked words are one word in the singular and the plural ("contributor", "contributors")."""
    return " " not in one and " " not in other and bool(set(_number_forms(one)) & set(_number_forms(other)))


def _same_subject(one: frozenset[str], other: frozenset[str]) -> bool:
    """Whether two questions are about the same thing: most content words of the shorter are in the other."""
    shorter, longer = sorted((one, other), key=len)
    return bool(shorter) and len(shorter & longer) >= max(2, math.ceil(SUBJECT_SHARE * len(shorter)))


def clash(
    shown_a: tuple[str, ...], asks_a: tuple[Ask, ...], shown_b: tuple[str, ...], asks_b: tuple[Ask, ...]
) -> str | None:
    """Why two questions (or items) give each other away, in either direction (None: they do not)."""
    if why := text_gives_away(shown_a, asks_b):
        return f"{why} that the other asks"
    if why := text_gives_away(shown_b, asks_a):
        return f"the other {why.removeprefix('it ')} that it asks"
    for one in asks_a:
        for other in asks_b:
            if why := same_ask(one, other):
                return why
    return None
