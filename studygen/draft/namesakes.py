"""Which of two people of one surname a surname alone stands for ("Hiss said", with Alger and Tony Hiss).

A wrong speaker costs a teacher more than a missing one, so only a few signals count: the one
of them named just before, the only one the article gives the title used ("Dr. Ortiz", in the
words around the quotation or the sentence before), and, where the article follows the news
convention, the one it is about (`the_principal`: attribution.py says when it applies).
Otherwise the quotation is left to the teacher, with the people it could be.
"""

from __future__ import annotations

import re

from .people import COURTESY_TITLES, HONORIFICS, NAME_WORD, PRONOUN_OF_TITLE, RELATIONS, TITLES, Person, called_plainly

# A title before a name: "Dr. Ortiz", "Mrs Metcalfe".
_ANY_TITLE = "|".join(sorted(PRONOUN_OF_TITLE.keys() | TITLES.keys(), key=len, reverse=True))
_TITLED = re.compile(rf"\b({_ANY_TITLE})\.?\s+({NAME_WORD})")
_WORD = re.compile(r"[\w'’-]+")


def which_one(
    surname: str, bearers: list[Person], history: str, nearby: str
) -> tuple[Person | None, str, list[Person], bool]:
    """The one of `bearers` that `surname` stands for and the reason to give the teacher; when the text does
    not tell, (None, "", the bearers the title used allows). `history` is the sentence before and this one up
    to the quotation (outside quotation marks), `nearby` the words around the quotation that name its speaker.
    The last item says whether the surname stood alone, with no title or "younger" to tell who it was."""
    # "Dr. Ortiz said", and only Ramon Ortiz is a doctor
    titled = [t.rstrip(".") for t, s in _TITLED.findall(nearby) if s == surname]
    if not titled:  # 'Dr Solberg said her mother ... "...," she said': the title the sentence before used
        used = {t.rstrip(".") for t, s in _TITLED.findall(history) if s == surname}
        titled = list(used) if len(used) == 1 else []
    fitting = [p for p in bearers if any(t in p.titles for t in titled)]
    if not fitting and any(t in COURTESY_TITLES for t in titled):
        # "Mr Reid" is never Sir Malcolm Reid: a knight, a dame or a peer is called by that title, and so is a
        # doctor or a professor ("Mr Hale" is not Professor Anna Hale)
        fitting = [p for p in bearers if called_plainly(p)]
        # and "Miss Tilley" is not the one the article calls "Mrs Tilley", nor the other way round
        fitting = [p for p in fitting if not any(p.titles & _EXCLUDES.get(t, set()) for t in titled)]
    # "Lady Hale", "Mr. Dunmore": a title that says "she" or "he" rules out those known to be otherwise
    said = {PRONOUN_OF_TITLE[t] for t in titled if t in PRONOUN_OF_TITLE}
    if len(said) == 1:
        pronoun = said.pop()
        fitting = [p for p in fitting or bearers if p.answers_to(pronoun)]
    age = next((m for m in _AGE.finditer(nearby) if m[2] == surname), None)
    if age and (of_age := _of_age(age[1].lower() == "younger", fitting or bearers)):
        fitting = of_age  # "the younger Mr. Caldwell": the son (or the one who is not the father) of two
    else:
        age = None
    allowed = fitting or bearers
    # "Her son said ... '...,' Mr. Solvang said.": the one bearer who is her son
    relations = {m["relation"].lower() for m in _OWNED_RELATION.finditer(history)}
    related = [p for p in allowed if p.relation in relations]
    if len(related) == 1 and not age:
        reason = f"'{surname}' taken to be {related[0].name}, the {related[0].relation} just mentioned"
        return related[0], f"{reason}; {_others(related[0], bearers)}", [], not titled
    # named just before, by first name too ("Brian and Susan Metcalfe" names both), if the title allows
    words = set(_WORD.findall(history)) if age is None else set()
    named = [p for p in allowed if first_name(p) in words]
    alone = not titled and age is None
    if len(named) == 1:
        reason = f"'{surname}' taken to be {named[0].name}, named just before"
        return named[0], f"{reason}; {_others(named[0], bearers)}", [], alone
    if len(fitting) == 1:
        called = f"the {age[1].lower()} one" if age else "the one the article calls so"
        reason = f"'{surname}' taken to be {fitting[0].name}, {called}"
        return fitting[0], f"{reason}; {_others(fitting[0], bearers)}", [], alone
    return None, "", allowed, alone


_EXCLUDES = {"Mrs": {"Miss"}, "Miss": {"Mrs"}}
_OWNED_RELATION = re.compile(
    rf"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?:elder|younger|eldest|youngest)\s+)?(?P<relation>{RELATIONS})\b(?!,?\s+[A-Z])"
)  # not "her son, Erik Solvang,", which names him
_AGE = re.compile(rf"\b([Yy]ounger|[Ee]lder|[Oo]lder)\s+(?:(?:{_ANY_TITLE})\.?\s+)?({NAME_WORD})")
_CHILDREN = frozenset("son daughter grandson granddaughter nephew niece".split())
_PARENTS = frozenset("father mother grandfather grandmother".split())


def _of_age(younger: bool, bearers: list[Person]) -> list[Person]:
    """Those of `bearers` that "the younger" (or "the elder") names: a son or daughter ("Jr."), a father or
    mother ("Sr."); of two, the other one than the one known to be the elder (or the younger)."""
    young = [p for p in bearers if p.relation in _CHILDREN or p.name.endswith(("Jr.", "Jr"))]
    old = [p for p in bearers if p.relation in _PARENTS or p.name.endswith(("Sr.", "Sr"))]
    if len(bearers) == 2 and len(young) + len(old) == 1:
        known = (young or old)[0]
        other = [p for p in bearers if p is not known]
        young, old = (young, other) if young else (other, old)
    return young if younger else old


def first_name(person: Person) -> str:
    """ "Malcolm" for Sir Malcolm Reid: the first word that is not an honorific."""
    return next((word for word in person.name.split() if word not in HONORIFICS), "")


def _others(person: Person, bearers: list[Person]) -> str:
    return " or ".join(p.name for p in bearers if p is not person) + " has the surname too"


def the_principal(bearers: list[Person]) -> Person | None:
    """The one of `bearers` a surname alone stands for by the convention of news writing: the one named
    first, introduced as nobody's relative (the subject of an obituary or a profile), when the article
    introduces every other one as a relative ("Her son, Erik Solberg") or names it in its first paragraphs,
    before any other; else None."""
    first = min(bearers, key=lambda p: p.first_seen)
    others = [p for p in bearers if p is not first]
    if first.relation:
        return None
    if all(p.relation for p in others):
        return first
    # or the one the headline or the first paragraph names, before any other (an obituary's "Tillman")
    leads = first.first_seen[0] <= _LEAD_PARAGRAPHS and all(p.first_seen[0] > first.first_seen[0] for p in others)
    return first if leads else None


_LEAD_PARAGRAPHS = 2  # the headline, a byline, the first paragraph
