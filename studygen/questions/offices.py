"""Offices: what office someone held, and who held an office at a given time."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator

from ..article import Article
from ..dates import PartialDate
from ..ground import bare_post
from ..model import ARTICLE_ITSELF, Lesson, Person, Role, teacher_gave, teacher_parts
from ..sentences import SENTENCE_END
from .base import (
    SIMILAR_KEPT,
    TEACHER,
    Draft,
    accepted_names,
    date_phrase,
    death_years,
    kind,
    left_out,
    named_in,
    role_key,
    title_words,
)

PERIOD_YEARS = 10  # posts held this close in time are of the same period


def _overlap(a: Role, b: Role, margin: int = 0) -> bool:
    """Whether two roles may have been held at the same time, or within `margin` years of each other
    (undated roles may always)."""
    if a.when is None or b.when is None:
        return True
    if margin:  # posts of one period: by years, `margin` apart at most
        return a.when.start <= b.when.end + margin and b.when.start <= a.when.end + margin
    return a.when.overlaps(b.when)  # by the months they name: 2010-05 to 2014-07, then 2014-09 to 2016


class TitleIndex:
    """The lesson's titles, to find the likeliest confusions for one without comparing all pairs:
    posts of the same country or body only (`place_of`), never a foreigner's post."""

    COMMON = 50  # a word in more titles than this ("minister") says nothing about likeness

    def __init__(self, titles: Iterable[str]) -> None:
        self.titles = sorted(set(titles))
        self.by_word: dict[str, set[str]] = {}
        self.places = {title: place_of(title) for title in self.titles}
        # A title that names no place ('Attorney General') is of the one place the lesson's other titles
        # name, when they name one; else it is compared only with other titles that name none.
        named = {place for place in self.places.values() if place}
        if len(named) == 1:
            self.places = {title: place or next(iter(named)) for title, place in self.places.items()}
        for title in self.titles:
            for word in title_words(title):
                self.by_word.setdefault(word, set()).add(title)

    def similar(self, title: str, fits: Callable[[str], bool] = lambda _: True) -> tuple[str, ...]:
        """Up to SIMILAR_KEPT other titles of the same place that `fits`: most words in common first, then A-Z.
        A seat ('MP for Lenby') is offered only for a seat, a post ('Chancellor') only for a post, and a
        post of one service only for a post of the same (no police chief for a Home Secretary)."""
        place = self.places[title] if title in self.places else place_of(title)
        seat = held_by_many(title)
        given = fits

        family = service_of(title)

        def fits(other: str) -> bool:
            return held_by_many(other) == seat and service_of(other) == family and given(other)

        words = title_words(title)
        shared: dict[str, int] = {}
        for word in words:
            group = self.by_word.get(word, set())
            if len(group) <= self.COMMON:
                for other in group:
                    shared[other] = shared.get(other, 0) + 1
        shared.pop(title, None)
        alike = [t for t in shared if self.places[t] == place and fits(t)]
        ranked = sorted(alike, key=lambda t: (-shared[t], t))[:SIMILAR_KEPT]
        for other in self.titles:  # too few alike: fill up in A-Z order
            if len(ranked) >= SIMILAR_KEPT:
                break
            if other != title and other not in ranked and self.places[other] == place and fits(other):
                ranked.append(other)
        return tuple(ranked)


# Words that make a different office, not another way of naming the same one.
_RANKS = frozenset(
    "deputy vice assistant associate under acting shadow junior former first second third chief general "
    "permanent principal".split()
) - {"general"}  # "Secretary General" and "General Secretary" are the same office
_FILLER = frozenset({"the", "of", "for", "and", "then", "to", "a", "an"})
_UNITED_STATES, _UNITED_KINGDOM, _SOVIET_UNION = ("united", "states"), ("united", "kingdom"), ("soviet", "union")
_ALIASES = {"us": _UNITED_STATES, "u.s": _UNITED_STATES, "usa": _UNITED_STATES, "american": _UNITED_STATES,
            "uk": _UNITED_KINGDOM, "british": _UNITED_KINGDOM, "britain": _UNITED_KINGDOM,
            "soviet": _SOVIET_UNION, "ussr": _SOVIET_UNION}  # fmt: skip
# A country's adjective names the country: "Russian Foreign Minister" is Russia's foreign minister.
_ALIASES.update((adjective, (country,)) for adjective, country in (
    ("russian", "russia"), ("german", "germany"), ("french", "france"), ("chinese", "china"), ("cuban", "cuba"),
    ("japanese", "japan"), ("canadian", "canada"), ("indian", "india"), ("italian", "italy"),
    ("spanish", "spain"), ("polish", "poland"), ("israeli", "israel"), ("iranian", "iran"), ("iraqi", "iraq"),
    ("turkish", "turkey"), ("greek", "greece"), ("mexican", "mexico"), ("egyptian", "egypt"),
    ("ukrainian", "ukraine"), ("african", "africa"), ("korean", "korea"), ("australian", "australia"),
    ("english", "england"), ("irish", "ireland"), ("scottish", "scotland"), ("welsh", "wales"),
    ("brazilian", "brazil"), ("dutch", "netherlands"), ("swedish", "sweden"), ("norwegian", "norway"),
))  # fmt: skip


def adjectives_of(place: str) -> tuple[str, ...]:
    """The words that name a country as its adjective or short name do ("norwegian" of "Norway"; "british"
    and "uk" of "Britain" or "the United Kingdom"), lower case; none for a place the table does not know."""
    words = tuple(w for w in place.lower().split() if w != "the")
    country = _ALIASES.get(" ".join(words), words)
    return tuple(sorted(a for a, named in _ALIASES.items() if named == country and a != " ".join(words)))


# Words that say what a post is, not where: the rest of a title names its country or body.
_POST_WORDS = _RANKS | frozenset(
    "president minister ministry secretary state foreign affairs defence defense interior home finance "
    "treasury justice trade labour labor education health transport leader prime premier chancellor "
    "ambassador envoy governor mayor governing chairman chairwoman chair head chief commander king queen "
    "speaker spokesman spokeswoman member senator adviser advisor aide director attorney general party "
    "communist politburo committee central council commission parliament assembly congress senate cabinet "
    "national federal high commissioner officer navy army air force exchequer employment agriculture "
    "environment culture energy industry commerce war economy development security intelligence police "
    "works welfare information communications housing planning science technology".split()
)
# Rank words of posts that several people hold at once: "a deputy foreign minister", not "the".
_SEVERAL_HOLDERS = frozenset({"deputy", "vice", "assistant", "associate", "under", "junior"})
# Posts whose deputy is one person: a party's deputy leader, a deputy prime minister, a vice-chairman.
_ONE_HOLDER = frozenset("leader prime premier chairman chairwoman chair".split())


# Seats that many people hold at once: "Who was Member of Parliament in 1945?" has hundreds of answers.
_SHARED_SEATS = frozenset(
    "member members senator congressman congresswoman mp mps mep meps legislator lawmaker assemblyman "
    "assemblywoman councillor councilor alderman delegate".split()
)


# Services whose posts are no confusion for a politician's, nor for each other's: a student who knows
# what a Home Secretary is rules out a police commissioner. A post none of these words names is a
# politician's (minister, president, party leader, mayor).
_SERVICES = (
    ("courts", frozenset("judge judges court courts magistrate lord-justice chief-justice law-lord".split())),
    ("police", frozenset("police constable detective inspector sheriff".split())),
    ("armed forces", frozenset("army navy air-force admiral colonel general-officer commander marshal".split())),
    ("civil service", frozenset("civil-service cabinet-secretary permanent-secretary".split())),
    ("press", frozenset("editor journalist correspondent reporter columnist broadcaster".split())),
    ("church", frozenset("bishop archbishop priest pope cardinal imam rabbi ayatollah".split())),
    ("inquiry", frozenset("inquiry commission-of-inquiry tribunal".split())),
)


def service_of(title: str) -> str:
    """The service a post belongs to ('police' for 'Harbour Police Commissioner', 'civil service' for
    'Cabinet Secretary'), or 'politics' for the posts of ministers, presidents, party leaders and mayors."""
    words = re.findall(r"[a-z]+", title.lower())
    terms = {*words, *(f"{a}-{b}" for a, b in itertools.pairwise(words))}
    return next((name for name, marks in _SERVICES if not marks.isdisjoint(terms)), "politics")


def seat_kind(title: str) -> str:
    """A seat as the kind of seat it is ('an MP' of 'MP for Lenby'): a question that names the seat to set
    it aside gives away no date of winning that constituency; any other post as its title."""
    if not held_by_many(title):
        return title
    # The kind's last word ("an MP" of "Harbour Party MP for Lenby"), or the whole kind where it is a
    # phrase ("a Member of Parliament" of "Member of Parliament for Lenby"; a judge: "a Member").
    head = title.split(" for ", 1)[0]
    head = head if " of " in head else head.split()[-1]
    return ("an " if head[:1].lower() in "aeiou" or (head.isupper() and head[:1] in "AEFHILMNORSX") else "a ") + head


def _besides(lesson: Lesson, role: Role) -> str:
    """A post held alongside, as an office question names it: a seat by its kind, and a post someone's
    word gives with whose word it is ("director of the Lenby trust (according to the trust)")."""
    owner = lesson.owner_name(role.according_to)
    return seat_kind(role.title) + (f" (according to {owner})" if owner else "")


def _same_time(role: Role, other: Role, published: PartialDate | None) -> bool:
    """Whether two roles were held at once, as far as the lesson says: both undated, both dated and
    overlapping, or one undated (held when the article was written) and the other held then."""
    if (role.when is None) == (other.when is None):
        return _overlap(role, other)
    dated = role.when or other.when
    return published is not None and dated is not None and (dated.open_end or dated.contains(published))


def held_by_many(title: str) -> bool:
    """Whether an office title names one of many seats ('Member of Parliament', 'US senator') rather than
    a post one person holds at a time ('Speaker of the House', 'Mayor of Kestrel Bay')."""
    return not _SHARED_SEATS.isdisjoint(re.findall(r"[a-z]+", title.lower()))


def office_words(title: str) -> frozenset[str]:
    """The words that name an office, in any order: 'US Secretary of State' -> {united, states, secretary, state}."""
    words: list[str] = []
    for word in re.findall(r"[\w.']+", title.lower()):
        word = word.strip(".'")
        if word and word not in _FILLER:
            words.extend(_ALIASES.get(word, (word,)))
    return frozenset(words)


_COUNTRIES = frozenset(_ALIASES.values())


def countries_in(text: str) -> frozenset[tuple[str, ...]]:
    """The countries a text names, by name or adjective: 'the USSR', 'Soviet leaders' and 'the Soviet
    Union' all name ('soviet', 'union')."""
    words = office_words(text)
    return frozenset(country for country in _COUNTRIES if words.issuperset(country))


_NAMED_AFTER = re.compile(r"\b(?:of|to)\s+(?:the\s+)?((?:[A-Z][\w'-]*\s*)+)")
_POSSESSOR = re.compile(r"\b([A-Z][\w-]*)'s\b")
_ACRONYM = re.compile(r"\b[A-Z]{2,}\b")
_SENT_TO = re.compile(r"\b(?:ambassador|envoy|delegate|representative|consul)\b.*", re.IGNORECASE)


def place_of(title: str) -> frozenset[str]:
    """The country or body a post belongs to, as words, when the title names one: 'Russian Foreign Minister'
    and 'President of Russia' -> {russia}; 'leader of East Germany' -> {east, germany}; 'NATO General
    Secretary' -> {nato}; 'Sudmark's envoy' -> {sudmark}; empty when it names none ('Attorney General')."""
    title = _SENT_TO.sub("", title)  # an ambassador is the sending country's: "Soviet ambassador to the US"
    named = " ".join(_NAMED_AFTER.findall(title) + _POSSESSOR.findall(title) + _ACRONYM.findall(title))
    words = {w.lower() for w in re.findall(r"[\w-]+", named)} - _POST_WORDS
    words = {part for w in words for part in _ALIASES.get(w, (w,))}
    return frozenset(words.union(*countries_in(title)))


def several_hold(title: str) -> bool:
    """Whether a post is one that several people hold at once ('Deputy Foreign Minister', 'Junior Minister'),
    as its rank word says: a question asks who was *a* deputy foreign minister, not *the*. A deputy of a
    leader, a chair or a head of government is one person ('Deputy Leader of the Harbour Party',
    'Deputy Prime Minister'); where the article says there were two, the role is `shared: true`."""
    words = re.findall(r"[a-z]+", title.lower())
    return any(w in _SEVERAL_HOLDERS and words[i + 1 : i + 2] != [] and words[i + 1] not in _ONE_HOLDER
               for i, w in enumerate(words))  # fmt: skip


def one_of(title: str) -> str:
    """'a Russian deputy foreign minister' for 'Russian Deputy Foreign Minister': one of several holders,
    the words of the post in lower case as in running text, from its rank word to an "of" (names of
    countries and bodies keep theirs: "a Metropolitan Police deputy commissioner", "a deputy president
    of South Africa")."""
    words, post = [], False
    for word in title.split():
        post = word.lower() in _RANKS or (post and word.lower() not in ("of", "for", "to"))
        words.append(word.lower() if post and word.lower() in _POST_WORDS else word)
    text = " ".join(words)
    return ("an " if text[:1].lower() in "aeiou" else "a ") + text


def is_variant(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two titles name the same office: one's words within the other's, the rest no rank.

    'Prime Minister' and 'Labour prime minister', 'NATO General Secretary' and 'NATO Secretary
    General' are variants; 'Foreign Minister' and 'Deputy Foreign Minister' are not.
    """
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return bool(small) and small <= large and not (large - small) & _RANKS


class OfficeIndex:
    """Every office of a lesson by its words, to find a title's variants without comparing all pairs."""

    def __init__(self, lesson: Lesson) -> None:
        self.holders: list[tuple[Person, Role]] = [
            (person, role) for person in lesson.people.values() for role in person.roles if role.is_office
        ]
        self.by_words: dict[frozenset[str], list[tuple[Person, Role]]] = {}
        self.by_word: dict[str, set[frozenset[str]]] = {}
        for person, role in self.holders:
            words = office_words(role.title)
            self.by_words.setdefault(words, []).append((person, role))
            for word in words:
                self.by_word.setdefault(word, set()).add(words)

    def variants(self, title: str) -> list[tuple[Person, Role]]:
        """Everyone's roles that name the same office as `title` (itself included)."""
        words = office_words(title)
        if not words:
            return []
        found: set[frozenset[str]] = set()
        rarest = min(words, key=lambda w: len(self.by_word.get(w, ())))
        found.update(other for other in self.by_word.get(rarest, ()) if words <= other)  # supersets
        if len(words) <= 8:  # subsets: few enough to list
            items = sorted(words)
            for size in range(1, len(items)):
                found.update(frozenset(c) for c in itertools.combinations(items, size) if frozenset(c) in self.by_words)
        return [
            held for other in sorted(found, key=sorted) if is_variant(words, other) for held in self.by_words[other]
        ]


# Party words, each with the party it names: an office that names a party is that party's.
_PARTIES = {"labour": "labour", "labor": "labour", "tory": "conservative", "tories": "conservative",
            "conservative": "conservative", "conservatives": "conservative", "liberal": "liberal",
            "liberals": "liberal", "democrat": "democratic", "democrats": "democratic",
            "democratic": "democratic", "republican": "republican", "republicans": "republican",
            "socialist": "socialist", "socialists": "socialist", "communist": "communist",
            "communists": "communist", "nationalist": "nationalist", "unionist": "unionist",
            "green": "green", "greens": "green"}  # fmt: skip


def parties_in(text: str) -> frozenset[str]:
    """The parties a title or description names: 'Tory spokesman on foreign affairs' -> {conservative}."""
    return frozenset(_PARTIES[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _PARTIES)


def _is_shadow(title: str) -> bool:
    """Whether a post is the opposition's ('Shadow Chancellor'): of the other side from the government's."""
    return "shadow" in re.findall(r"[a-z]+", title.lower())


class _Rivals:
    """Which of the lesson's offices and people are plausible wrong answers for someone's office at a time.

    A student who has read the lesson rules out a post of another party ('Tory spokesman' for a
    Labour minister); one of the other side of the house (a government post for a shadow minister
    and the reverse, while a party's own post and a seat fit either; a government post for anyone
    of a party the lesson shows out of government then, another party holding a government post
    over the whole time); a one-holder post the lesson gives at that time to someone of another
    party, or to the person its title names (their post is what the whole lesson teaches); and, as
    the holder of a post, someone of another party than its holder then, or someone dead by then.
    Such choices are no choices. Other posts held then by others stay: 'Defence Minister' for a
    foreign minister is a fair confusion."""

    def __init__(self, lesson: Lesson) -> None:
        self.holders: dict[str, list[tuple[Person, Role]]] = {}
        for person in lesson.people.values():
            for role in person.roles:
                if role.is_office:
                    self.holders.setdefault(role.title, []).append((person, role))
        self.parties = {
            person.id: parties_in(" ".join([person.description, *(r.title for r in person.roles)]))
            for person in lesson.people.values()
        }
        self.in_title = {
            p.id for p in lesson.people.values() if any(named_in(name, lesson.title) for name in (p.name, *p.aliases))
        }
        # Who died when, from events "X died" stated as fact (by full name: not "X's son died").
        names = {person.name: person.id for person in lesson.people.values()}
        self.died: dict[str, int] = {}
        for fact in lesson.facts:
            what = fact.what or ""
            if fact.kind == "event" and fact.when is not None and fact.according_to is None and " died" in what:
                before = what.split(" died", 1)[0].split()
                dead = next((names[n] for i in range(len(before)) if (n := " ".join(before[i:])) in names), None)
                if dead is not None:
                    self.died.setdefault(dead, fact.when.end)
        # Government posts held by someone of a known party: who governs when.
        self.governing = [
            (o, r) for title, held in self.holders.items() if _is_government(title)
            for o, r in held if r.when is not None and self.parties[o.id]
        ]  # fmt: skip

    def _of_other_parties(self, a: Person, b: Person) -> bool:
        return bool(self.parties[a.id] and self.parties[b.id] and not self.parties[a.id] & self.parties[b.id])

    def _out_of_government(self, person: Person, when: PartialDate) -> bool:
        """Whether someone of another party holds a government post over the whole of `when`."""
        return any(r.when.contains(when) and self._of_other_parties(person, o) for o, r in self.governing)  # type: ignore[union-attr]

    def plausible(self, person: Person, role: Role, title: str) -> bool:
        """Whether `title` is a fair wrong answer for what `person` held as `role`."""
        if held_by_many(title):  # a seat: anyone of any side may hold one
            return True
        if not parties_in(title) <= self.parties[person.id]:
            return False
        # A shadow post and a government post are of two sides; a party's own post fits either.
        if not (parties_in(title) or parties_in(role.title)) and _is_shadow(title) != _is_shadow(role.title):
            return False
        if role.when is not None and _is_government(title) and self._out_of_government(person, role.when):
            return False
        return several_hold(title) or not any(
            other is not person and not r.shared and r.when is not None and role.when is not None
            and r.when.overlaps(role.when) and (other.id in self.in_title or self._of_other_parties(person, other))
            for other, r in self.holders.get(title, ())
        )  # fmt: skip

    def plausible_holder(self, candidate: Person, holder: Person, role: Role) -> bool:
        """Whether `candidate` is a fair wrong answer to who held `role`, which `holder` held."""
        if self._of_other_parties(candidate, holder):
            return False
        if (died := self.died.get(candidate.id)) is not None and role.when is not None and died < role.when.start:
            return False
        return (
            not (parties := parties_in(role.title))
            or not self.parties[candidate.id]
            or bool(parties & self.parties[candidate.id])
        )


def _is_government(title: str) -> bool:
    """A post of whoever governs: no shadow post, no party's own post, no seat."""
    return not (_is_shadow(title) or parties_in(title) or held_by_many(title))


def _role_sources(lesson: Lesson, role: Role, dated: bool = True) -> tuple[tuple[str, str], ...]:
    """Who gives an office and its dates (unless the question leaves them out: `dated`): the article,
    someone it quotes (according_to), or the teacher (from_teacher, also for one part of a date)."""

    def given(key: str) -> str:
        if teacher_gave(role.from_teacher, key):
            return TEACHER
        owner = lesson.owner_name(role.according_to) or ARTICLE_ITSELF
        parts = teacher_parts(role.from_teacher, key)
        return f"{owner}; the {' and '.join(parts)} from the teacher" if parts else owner

    dates = ((role.when.answer(), given("when")),) if role.when and dated else ()
    return ((role.title, given("title")), *dates)


def _summary(person: Person, role: Role) -> str:
    when = f" {date_phrase(role.when)}" if role.when else ""
    return f"{person.name}: {role.title}{when}."


@kind("office", "contextualisation", "What office did someone hold (in a year or span, when the lesson gives one).")
def office_questions(lesson: Lesson) -> Iterator[Draft]:
    died = death_years(lesson)
    article_of = functools.cache(lambda: Article(lesson.article or ""))
    titles = TitleIndex(role.title for person in lesson.people.values() for role in person.roles if role.is_office)
    rivals = _Rivals(lesson)
    for person in lesson.people.values():
        # A seat or party post held alongside (alongside: true) competes with no office.
        offices = [(index, role) for index, role in enumerate(person.roles) if role.is_main_office]
        own = [office_words(role.title) for _, role in offices]
        for index, role in offices:
            # One answer only: no other office of the same person may fit the same time.
            if any(_overlap(role, other) for _, other in offices if other is not role):
                yield left_out(role_key(person, role), (), role.pos,
                               f"{person.name} held another office at the same time, so it would have two answers; "
                               "give each office its dates (when:) if they did not overlap")  # fmt: skip
                continue
            # Every other title of the person, offices held alongside and descriptions too ("leader of
            # East Germany" for the head of its ruling party), is true of them: never a wrong answer.
            others = [r.title for r in person.roles if r is not role] + list(role.alternatives)
            # Never offer one of the person's own titles under another name as a wrong answer, nor
            # two names of one office ("US President" and "President of the United States").
            # Only posts of the same country or body: "President of the United States" is no plausible
            # wrong answer for a Russian minister.
            candidates: list[str] = []
            seen = list(own)
            for title in titles.similar(role.title, lambda t: rivals.plausible(person, role, t)):  # noqa: B023
                words = office_words(title)
                if not any(is_variant(words, other) for other in seen):
                    candidates.append(title)
                    seen.append(words)
            # A post held alongside at the same time (a seat, a party post; both undated, or dated to
            # one time) is also an office they held then: the question names it, so that it asks for
            # the other ("..., besides being an MP?"), which a student answering "MP" would not know.
            alongside = [_besides(lesson, r) for r in person.roles if r.is_office and r is not role
                         and not r.is_main_office and _same_time(role, r, lesson.source.published)]  # fmt: skip
            # A description the lesson dates to the same time (a charity's chair beside a judgeship) is
            # also what they were then: a short answer accepts it.
            beside = tuple(r.title for r in person.roles if r.when and not r.is_office and _overlap(role, r))
            # "According to X, what office did Y hold in 1985?" reads as X's date, though it may be the
            # teacher's or another paragraph's ("who was then harbour master"): such dates are left out of
            # someone's account where the person held no other office to tell apart.
            undated = bool(role.according_to) and len(offices) == 1 and not _dated_by_owner(lesson, role, article_of)
            # An undated post is the one the article gives them as it appeared: "What office did Jon Vik hold?"
            # has a second answer in any post they held before or after (two judges). Not of someone the
            # lesson shows dead, whose posts are all past.
            now = "at the time of the article" if person.id not in died else ""
            # "According to X, what office did Y hold?" claims no time: it asks what X called them.
            if role.when is None and now and not undated and (earlier := _placed_earlier(role, article_of())):
                yield left_out(role_key(person, role), (), role.pos,
                               f"the article places {person.name}'s post as {role.title} before its own time "
                               f"('{earlier}'), so a question without its year would ask for a post they no "
                               "longer held",
                               "give the role the year the article ties it to (when:), marked from_teacher: [when] "
                               "if the article does not give it")  # fmt: skip
                continue
            if role.when is None:  # what else the article calls them then is also what they were
                beside += tuple(r.title for r in person.roles if r.when is None and not r.is_office)
            ongoing = _still_held(role, person.id in died)
            yield Draft(
                key=role_key(person, role),
                variables={
                    "person": person.name,
                    "when": "" if undated else _since(role.when) if ongoing else date_phrase(role.when) or now,
                    "ongoing": ongoing,
                    "description": person.description,
                    "according_to": lesson.owner_name(role.according_to),
                    "besides": " and ".join(alongside),
                },
                answer=role.title,
                alternatives=role.alternatives + beside,
                answer_type="office",
                facts=(),
                pos=role.pos,
                forbidden=(role.title,),
                context_keys=(f"{person.id}.roles.{index}",),
                summary=_summary(person, role),
                people=(person.id,),
                true_values=frozenset(others),  # the person's other offices are not wrong
                candidates=tuple(candidates),
                sources=_role_sources(lesson, role, dated=not undated),
            )


# Words that put a post before the article's own time, next to the words that give it: "the official
# originally in charge, deputy commissioner Jon Vik, said at the time", "then harbour master", "who was
# chairman of the inquiry", "former mayor".
_EARLIER = re.compile(
    r"\b(?:originally|formerly|former|previously|then|at the time|who (?:was|had been)|had been|ex-)(?!\w)",
    re.IGNORECASE,
)
_BEFORE, _AFTER = 60, 20  # characters around the evidence, within its sentence, that may place it


def _placed_earlier(role: Role, article: Article) -> str:
    """The words by which the article places an undated post before its own time ('' if none)."""
    for passage in role.evidence:
        if (span := article.find(passage)) is None:
            continue
        start, end = article.paragraph_bounds(span[0])  # a wrapped line of news copy is no sentence's end
        text, first, last = article.original, max(start, span[0] - _BEFORE), min(end, span[1] + _AFTER)
        first = max((m.end() for m in SENTENCE_END.finditer(text, first, span[0] + 1)), default=first)
        last = stop.start() if (stop := SENTENCE_END.search(text, span[1], last + 1)) else last
        if match := _EARLIER.search(" ".join(text[first:last].split())):
            return match.group(0)
    return ""


def _still_held(role: Role, dead: bool) -> bool:
    """Whether a post from a year on is one the article says the person still holds: "has served since
    1990 as its chairman" is asked "Who has been its chairman since 1990?", not "Who was ... from 1990?"."""
    return (
        not dead and role.when is not None and role.when.open_end
        and any(re.search(rf"\bsince (?:\w+ )?{role.when.start}\b", p) for p in role.evidence)
    )  # fmt: skip


def _since(when: PartialDate) -> str:
    return "since " + when.phrase().removeprefix("from ")


def _dated_by_owner(lesson: Lesson, role: Role, article_of: Callable[[], Article]) -> bool:
    """Whether the one whose account a role is gives its date: a passage of its evidence that holds the
    year stands in a paragraph naming them ("... in 2000, Ordzhonikidze added"), and no date is the teacher's.
    `article_of` gives the article, indexed once per lesson and only when a role needs it."""
    if role.when is None or role.according_to not in lesson.people or teacher_gave(role.from_teacher, "when"):
        return False
    article = article_of()
    names = lesson.people[role.according_to].names
    for passage in role.evidence:
        if not any(year in passage for year in role.when.years) or (span := article.find(passage)) is None:
            continue
        start, end = article.paragraph_bounds(span[0])
        if any(named_in(name, article.original[start:end]) for name in names):
            return True
    return False


_NUMBER_WORDS = {w: n for n, w in enumerate("two three four five six seven eight nine ten eleven twelve".split(), 2)}


def holders_counted(role: Role, same_office: list[tuple[Person, Role]]) -> int | None:
    """How many held a shared office at once, as its evidence counts them: 'the two deputy mayors', 'one of
    five judges' (a number word before the office's noun in the plural); None when no evidence counts them."""
    nouns = {w for w in re.findall(r"[a-z]+", role.title.lower()) if len(w) >= 4}
    for passage in (e for _, r in same_office for e in r.evidence) if same_office else role.evidence:
        words = re.findall(r"[a-z]+", passage.lower())
        for at, word in enumerate(words):
            if word in _NUMBER_WORDS and any(
                w.endswith("s") and any(w.startswith(n) for n in nouns) for w in words[at + 1 : at + 4]
            ):
                return _NUMBER_WORDS[word]
    return None


@kind("office-holder", "contextualisation", "Who held an office in a given year or span (dated roles only).")
def office_holder_questions(lesson: Lesson) -> Iterator[Draft]:
    index_of = OfficeIndex(lesson)
    held_by: dict[str, list[tuple[Person, Role]]] = {}
    for holder, office in index_of.holders:
        held_by.setdefault(office.title.lower(), []).append((holder, office))
    titles = TitleIndex(office.title for _, office in index_of.holders)
    rivals = _Rivals(lesson)
    shared_asked: set[tuple[frozenset[str], tuple[int, int, int], tuple[int, int, int]]] = set()
    for person in lesson.people.values():
        for index, role in enumerate(person.roles):
            if role.when is None or person.kind != "person" or not role.is_office:
                continue
            if held_by_many(role.title):
                yield left_out(role_key(person, role), (), role.pos,
                               f"{role.title} is one of many seats held at once: asking who held it "
                               f"{date_phrase(role.when)} would have many answers")  # fmt: skip
                continue
            if bare_post(role.title):
                yield left_out(role_key(person, role), (), role.pos,
                               f"'Who was {role.title} {date_phrase(role.when)}?' does not say of which country "
                               "or body", "name it in the title (e.g. 'UK Prime Minister')", code="worth")  # fmt: skip
                continue
            same_office = index_of.variants(role.title)  # "US President" is "President of the United States"
            # "Who was transport minister from 1960 to 1966?" has one answer even if the
            # successor took office in 1966: only someone in office the whole time also fits.
            # An undated holder held it when the article appeared (the lesson gives no other time): an
            # undated "Mayor of Orvik" in an article of 2021 is no second answer for 1990 to 1994.
            published = lesson.source.published
            holders = list(
                dict.fromkeys(
                    other.name
                    for other, r in same_office
                    if (r.when.contains(role.when) if r.when else published is None or role.when.contains(published))
                )
            )
            shared = role.shared or any(r.shared for _, r in same_office)  # "one of two deputy presidents"
            several = shared or several_hold(role.title)  # asked as "a deputy president"
            if shared:  # one question for the office and time, accepting each holder: not one per holder
                asked = (office_words(role.title), role.when.first_day, role.when.last_day)
                if asked in shared_asked:
                    continue
                shared_asked.add(asked)
                if holders_counted(role, same_office) != len(holders):
                    yield left_out(role_key(person, role), (), role.pos,
                                   f"several people held {role.title} at once, and the evidence does not say the "
                                   f"lesson names them all ('the two deputy mayors'): 'Who was {one_of(role.title)} "
                                   f"{date_phrase(role.when)}?' would have right answers the article never gives",
                                   "nothing to fix: the office question asks it the other way round",
                                   code="worth")  # fmt: skip
                    continue
            # "Who was Leader of Lenby in 1989?" of a leader who died in 1989: a successor held it that year.
            if not role.when.is_span and rivals.died.get(person.id) == role.when.end:
                yield left_out(role_key(person, role), (), role.pos,
                               f"{person.name} died in {role.when.end}, and someone else held {role.title} "
                               f"after that in the year, so 'Who was {role.title} {date_phrase(role.when)}?' would "
                               "have two answers", "give the office its span (from ... to ...)",
                               code="worth")  # fmt: skip
                continue
            if holders != [person.name] and not shared:
                others = [name for name in holders if name != person.name] or ["nobody"]
                yield left_out(role_key(person, role), (), role.pos,
                               f"{' and '.join(others)} also held {role.title} (or an office of that name) "
                               f"{date_phrase(role.when)}, so it would have two answers")  # fmt: skip
                continue
            # Whoever the lesson says held it during any part of the time is not a wrong answer either.
            also_true = frozenset(other.name for other, r in same_office if _overlap(r, role)) - {person.name}
            ongoing = _still_held(role, person.id in rivals.died)
            yield Draft(
                key=role_key(person, role),
                variables={
                    "title": one_of(role.title) if several else role.title,
                    "when": _since(role.when) if ongoing else date_phrase(role.when),
                    "ongoing": ongoing,
                    "shared": several,
                    "according_to": lesson.owner_name(role.according_to),
                },
                answer=person.name,
                alternatives=accepted_names(lesson, person.id)
                + (tuple(n for n in holders if n != person.name) if shared else ()),
                answer_type="person",
                facts=(),
                pos=role.pos,
                forbidden=person.names,
                context_keys=(f"{person.id}.roles.{index}",),
                summary=_summary(person, role),
                people=(person.id,),
                true_values=also_true,  # co-holders of a shared office among them: never offered as wrong
                sources=_role_sources(lesson, role),
                # Holders of comparable posts: of the same country or body, in the same period, the
                # most similar offices first. Never anyone else: a wrong answer must be of the same kind.
                # None for a post several hold at once: any of them may have been another holder the
                # lesson does not name (both deputy presidents of 1994 are of one country and period).
                candidates=()
                if several
                else tuple(
                    dict.fromkeys(
                        p.name
                        for title in titles.similar(role.title)
                        for p, r in held_by[title.lower()]
                        if _overlap(r, role, PERIOD_YEARS) and rivals.plausible_holder(p, person, role)
                    )
                ),
            )
