"""People in news text: names with their titles, roles and tenures, and later mentions.

Rules, not a trained model: a capitalised name counts as a person when the text gives
a signal (a title or role before it, a role in apposition after it, or a quotation
attributed to it), which keeps places and organisations out without a gazetteer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..sentences import LOWER, UPPER

ROLE_NOUNS = frozenset(
    """president leader minister secretary spokesman spokeswoman spokesperson adviser advisor chairman
    chairwoman chair director governor senator ambassador envoy diplomat expert analyst professor general
    commander chief official mayor premier chancellor sponsor author editor correspondent historian
    economist lawyer judge prosecutor attorney qc member deputy head founder representative congressman
    congresswoman lawmaker negotiator officer aide strategist researcher scientist activist campaigner
    candidate speaker treasurer whip king queen emperor admiral colonel captain consul delegate inspector
    commissioner administrator manager executive ceo journalist reporter columnist writer biographer
    interviewer producer filmmaker secretary-general justice mediator scholar engineer architect physicist
    chemist biologist mathematician surgeon physician nurse teacher poet novelist playwright painter sculptor
    composer musician photographer inventor explorer industrialist banker philosopher archbishop bishop
    predecessor successor counterpart colleague broadcaster presenter councillor councilor ranger alderman
    sheriff""".split()
)
# Role nouns that describe what someone does rather than name a post held for a time: drafted with
# `kind: description`, so that no "What office did X hold?" question is made from them.
DESCRIPTION_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson adviser advisor expert analyst sponsor author editor correspondent
    historian economist lawyer qc founder negotiator aide strategist researcher scientist activist campaigner
    candidate journalist reporter columnist writer biographer interviewer producer filmmaker diplomat
    official member mediator scholar engineer architect physicist chemist biologist mathematician surgeon
    physician nurse teacher poet novelist playwright painter sculptor composer musician photographer inventor
    explorer industrialist banker philosopher predecessor successor counterpart colleague broadcaster presenter
    """.split()
)


def is_description(title: str) -> bool:
    """Whether a drafted role title describes rather than names an office ("lawyer", "former minister")."""
    words = title.lower().split()
    return bool(words) and (words[0] == "former" or words[0].startswith("ex-") or words[-1] in DESCRIPTION_NOUNS)


# Words that are part of a name as the text gives it ("Lord Ashby", "Baroness Reed").
HONORIFICS = frozenset("Lord Lady Baroness Baron Sir Dame King Queen Pope Prince Princess Sheikh".split())
# Titles and honorifics that say which pronoun stands for the person: "he" for Mr Crane, "she" for Mrs Reed.
PRONOUN_OF_TITLE = {
    **dict.fromkeys("Mr Sir Lord Baron King Prince Duke Earl".split(), "he"),
    **dict.fromkeys("Mrs Ms Miss Dame Lady Baroness Queen Princess Duchess Countess".split(), "she"),
}
# Titles a news article calls someone by instead of "Mr" or "Ms": a doctor's, a professor's, a rank.
CALLED_BY_TITLE = frozenset(
    "Dr Professor Prof Gen Adm Col Lt Capt Colonel Lieutenant Captain Admiral Sergeant Sgt".split()
)
# Titles before a name that are not part of it, with the role they state.
TITLES = {
    "Mr": "",
    "Mrs": "",
    "Ms": "",
    "Miss": "",
    "Dr": "",
    "Rep": "Representative",
    "Sen": "Senator",
    "Gov": "Governor",
    "Gen": "General",
    "Adm": "Admiral",
    "Col": "Colonel",
    "Lt": "Lieutenant",
    "Capt": "Captain",
    "Maj": "Major",
    "Major": "Major",
    "Coun": "Councillor",
    "Alderman": "Alderman",
    "Ald": "Alderman",
    "Canon": "",  # "Canon Philippa Dace": a priest
    "Con": "Constable",
    "PC": "Constable",
    "Colonel": "Colonel",
    "Lieutenant": "Lieutenant",
    "Captain": "Captain",
    "Admiral": "Admiral",
    "Sergeant": "Sergeant",
    "Sgt": "Sergeant",
    "President": "President",
    "Senator": "Senator",
    "Governor": "Governor",
    "Chancellor": "Chancellor",
    "Premier": "Premier",
    "Ambassador": "Ambassador",
    "Judge": "Judge",
    "Professor": "Professor",
    "Prof": "Professor",
    "Councillor": "Councillor",
    "Cllr": "Councillor",
    "Rev": "",  # "Rev. Carla Munro": a member of the clergy, whatever post she holds
    "Reverend": "",
    "Fr": "",  # "Fr Liam Furlong": a priest
    "Det": "Detective",
    "Detective": "Detective",
    "Gda": "Garda",
    "Garda": "Garda",
    "Insp": "Inspector",
    "Inspector": "Inspector",
    "Supt": "Superintendent",
    "Superintendent": "Superintendent",
    "Constable": "Constable",
}
NOT_NAMES = frozenset(
    """The A An And But Or In On At By For From With Without To Of It Its He She They We I You This That These
    Those There Here When While After Before Since Until As If Then However Therefore Meanwhile According
    Speaking Commenting Asked Years Today Yesterday Tomorrow Monday Tuesday Wednesday Thursday Friday Saturday
    Sunday January February March April May June July August September October November December Once What Why
    How Who Where Which Not No Yes Also All Some Many Most Such Both Each Every Now Later Earlier Still Yet
    Our Their His Her My Your Another One Other Others Opposition""".split()
)
# A capitalised phrase with one of these is an organisation or a place, not a person.
ORGANISATION_WORDS = frozenset(
    """Committee Council House Party Union Ministry Department Office Street Agency Commission Bank Court
    Parliament Senate Congress Company University Institute Government Administration Army Navy Force
    Forces Services Pact Treaty Alliance Organisation Organization Republic Kingdom States Nations News
    Times Post Journal Press Group Association Federation League Church School College Hospital Division
    Authority Foundation Society Corporation Centre Center Museum Police Bureau Trust Fund Movement Front
    Assembly Cabinet Airlines Airways Television Radio Embassy Tribunal Board Ferries Railways Railway Lines
    Shipping Motors Industries Holdings Partners Mining Steel Energy Systems Technologies Inc Ltd State Line
    Holidays Tours Travel Studios Films Pictures Hotels Records
    Defense Defence Interior Treasury Commerce Agriculture Finance Transport Labour Labor Health Education""".split()
)
STOP_ROLE_WORDS = frozenset(
    """the a an and or but to by for with from in on at as that which who whom whose his her their its our
    said says told met also has have had was were is are be been will would could not than this these
    those said, during while after before""".split()
)
# One word of a name: "Putin", "Putin's", "O'Brien", "McNamara", "Butler-Sloss".
NAME_WORD = (
    rf"(?:[{UPPER}](?:[{LOWER}]+|['’][{UPPER}][{LOWER}]+)"  # Putin, O'Brien
    rf"(?:['’][{LOWER}]+)?(?:[{UPPER}][{LOWER}]+)?(?:-[{UPPER}][{LOWER}]+)?)"  # Putin's, McNamara, Butler-Sloss
)
# Between the words of a name: an initial ("John F. Kennedy") or a particle ("Charles de Gaulle",
# "Ludwig van der Rohe", "Bashar al-Assad").
_INITIAL = rf"[{UPPER}]\.\s+"
_PARTICLES = "de da di du del della dos das van von der den ter la le bin ibn".split()
_PARTICLE = rf"(?:(?:{'|'.join(_PARTICLES)})\s+(?:(?:der|den|la)\s+)?|(?:al|el)-)"
NEXT_NAME_WORD = rf"\s+(?:{_INITIAL})?{_PARTICLE}?{NAME_WORD}"
_SUFFIX = r"(?:\s+(?:Jr\.|Sr\.|II|III|IV)(?![\w.]))"  # "Martin Luther King III"
# and a name after initials: "J. W. Pickersgill", "D. Gwilym Parry"
_AFTER_INITIALS = rf"(?:[{UPPER}]\.\s+){{1,3}}{NAME_WORD}(?:{NEXT_NAME_WORD}){{0,2}}"
NAME = rf"(?:{_AFTER_INITIALS}|{NAME_WORD}(?:{NEXT_NAME_WORD}){{0,3}}{_SUFFIX}?)"
_TITLE = r"(?:" + "|".join(sorted(TITLES, key=len, reverse=True)) + r")\.?"
# A look-ahead for the letter a pattern starts with. Python's regex engine tries a pattern that opens
# with a look-behind or \b at every position of the text; testing one letter first turns most positions
# away at once (a tenth to a fifth faster for the patterns that open with a name).
AT_CAPITAL = rf"(?=[{UPPER}])"
# and two titles: "Coun. Mrs. Edith Harbottle" (the one next to the name says "she")
TITLE_NAME = re.compile(rf"{AT_CAPITAL}\b(?:(?P<outer>{_TITLE})\s+)?(?P<title>{_TITLE})\s+(?P<name>{NAME})")
ROLE_NOUN = r"(?:" + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True)) + r")"
ROLE_BEFORE_NAME = re.compile(
    rf"\b(?P<noun>(?i:{ROLE_NOUN}))(?P<of>\s+of\s+(?:the\s+)?[A-Z]\w+(?:\s+[A-Z]\w+)??)?\s+(?P<name>{NAME})"
)
APPOSITION = re.compile(
    rf"(?P<name>{NAME})(?:\s+of\s+[A-Z]\w+)?,\s+(?:[RDI]-[A-Za-z.]{{2,6}},\s+)?"
    r"(?P<role>(?:(?:a|an|the)\s+)?(?:[^,;.()\"]|\.(?=[A-Za-z])){3,120}?)(?=,|\.(?:\s|$)|;|\s+who\b|$)"
)
# "the senior presiding judge, Lord Ashby," / "the transport minister, Ana Pérez," / "a former border
# commander, Heinz Keller," / "Poland's deputy justice minister, Anna Zielinska," / "the chief U.S. negotiator,
# Karen Blum," / "Brazil's ambassador to the World Trade Organisation, Luiz Prado," / "Her deputy during the
# strike, Liam Ash,": the role first.
ROLE_THEN_NAME = re.compile(
    rf"(?<![\w-])(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Mm]y|[Oo]ur|[Aa]n?|{NAME_WORD}['’]s)\s+"
    rf"(?P<role>(?:[\w.'’-]+\s+){{0,5}}(?i:{ROLE_NOUN})(?:\s+(?:to|of|for|at|in|during)\s+[^,;\"]{{3,60}}?)?),"
    rf"\s+(?P<name>{NAME})(?:\s+of\s+[A-Z][\w'’-]+)?(?:,|\.(?:\s|$))"
)
_YEARS = r"(?:between\s+(?P<a1>\d{4})\s+and\s+(?P<a2>\d{4})|from\s+(?P<b1>\d{4})\s+(?:to|until)\s+(?P<b2>\d{4}))"
# "..., Trygve Lie, served from 1946 to 1952": the years of the role just named.
SERVED = re.compile(rf"\s*(?:served|ruled|reigned|governed|held\s+the\s+post)\s+{_YEARS}")
# "Fenwick served as the union's secretary from 1921 to 1939": a role and its years after a name.
SERVED_AS = re.compile(rf"\s+served\s+as\s+(?:the\s+|an?\s+)?(?P<role>[^,;.]{{3,80}}?)\s+{_YEARS}")
_NAME_AT_END = re.compile(rf"(?<![\w'’-])(?P<name>{NAME})$")
# "Prime Minister Arvid Lunde, who served from 1917 to 1920," / "Chancellor Otto Brenn, in office from 1950 to
# 1958,": the years of the role just named before the name.
TENURE_AFTER_NAME = re.compile(
    r",\s+(?:who\s+(?:had\s+|has\s+)?(?:served|ruled|reigned|governed|held\s+(?:the\s+post|office)|was\s+in\s+office)"
    rf"|in\s+office)\s+{_YEARS}\b"
)
TENURE = re.compile(
    r"\bwho\s+(?:served|was|has\s+served|had\s+been)\s+as\s+(?P<role>[^,;.]{3,80}?)\s+"
    r"(?:between\s+(?P<a1>\d{4})\s+and\s+(?P<a2>\d{4})|from\s+(?P<b1>\d{4})\s+(?:to|until)\s+(?P<b2>\d{4}))"
)


@dataclass
class Role:
    title: str
    tenure: str = ""
    evidence: str = ""  # empty for a role known only from a description ("the expert recalled")


@functools.cache
def _surname(name: str) -> str:
    """The last word of a name that is not an honorific or a suffix: "Caldwell" for James Caldwell Jr."""
    words = [w for w in name.split() if w not in HONORIFICS and w.rstrip(".") not in _SUFFIXES]
    return words[-1] if words else name


_SUFFIXES = frozenset("Jr Sr II III IV".split())


@dataclass
class Person:
    name: str
    roles: list[Role] = field(default_factory=list)
    first_seen: tuple[int, int] = (0, 0)
    family_first: bool = False  # "Zhu Bangzao", later "Zhu": the family name comes first
    # "Aurelio Benavente Soto", later "Benavente": the first of two surnames is the one used alone
    first_surname: bool = False
    # "he" or "she" when a title ("Mrs Reed", "Sir Edwin Hale"), a relation ("his wife, Ann Reed") or a pronoun
    # that stood for the person says so; else unknown
    pronoun: str = ""
    relation: str = ""  # how the article introduces a relative: "son" for "his son, Peter Caldwell"
    titles: set[str] = field(default_factory=set)  # those the article gives the name: "Dr" for "Dr. Ramon Ortiz"
    # The people of the article by the words of their roles, kept up to date as roles are added: "the
    # premier" is looked up there (set by People when the person joins it).
    holders: dict[str, dict[int, Person]] | None = field(default=None, repr=False, compare=False)

    def titled(self, title: str) -> None:
        """Learn the title before the name ("Dr", "Mrs") and the pronoun it gives, unless one is known."""
        title = title.rstrip(".")
        if title in TITLES or title in PRONOUN_OF_TITLE:
            self.titles.add(title)
        if not self.pronoun:
            self.pronoun = PRONOUN_OF_TITLE.get(title, "")

    def related_as(self, relation: str) -> None:
        """Learn how the article introduces the person ("his son, Peter Caldwell") and the pronoun it gives."""
        self.relation = self.relation or relation
        self.pronoun = self.pronoun or _RELATION_PRONOUN[relation]

    def answers_to(self, pronoun: str) -> bool:
        """Whether "he" or "she" may stand for this person: not when a title says otherwise."""
        return self.pronoun in ("", pronoun.lower())

    @property
    def surname(self) -> str:
        """The name the article uses alone: the last word, or the first for a name written family first."""
        if self.first_surname:
            return self.name.split()[-2]
        return self.name.split()[0] if self.family_first else _surname(self.name)

    @property
    def forms(self) -> tuple[str, ...]:
        """How the article may name the person: the name, the surname and, for a knight or a dame, the
        title with the first name ("Sir Hugh" for Sir Hugh Penrose)."""
        return (self.name, self.surname, *_knightly_form(self.name))

    def add_role(self, role: Role) -> None:
        """Add a role, unless it is one the person has: "President" and "US President", or "the minister"
        and "Foreign Minister", are one post named more or less fully (the last words of the fuller name),
        kept once, as the fuller title, or the one whose sentence gives its years."""
        words = role.title.lower().split()
        for existing in self.roles:
            known = existing.title.lower().split()
            if known[-len(words) :] != words and words[-len(known) :] != known:
                continue
            if role.evidence and (
                (role.tenure and not existing.tenure)
                or (len(words) > len(known) and (role.tenure or not existing.tenure))
                or not existing.evidence
            ):
                existing.title, existing.tenure, existing.evidence = role.title, role.tenure, role.evidence
                self._hold(words)
            return
        self.roles.append(role)
        self._hold(words)

    def _hold(self, words: list[str]) -> None:
        """Index the person under the words of a role (see `holders`)."""
        if self.holders is not None:
            for word in words:
                self.holders.setdefault(word, {})[id(self)] = self


_WORD_BEFORE = re.compile(rf"(?<![\w'’-])({NAME_WORD}) $")


def _middle_name(text: str, start: int) -> bool:
    """Whether the capitalised word at `start` follows a first name: "(Ada) Margaret Lyle"."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    word = before[1] if before else ""
    return (
        bool(word) and _is_name(word) and not _is_title_word(word) and word != "Born" and not _POSSESSIVE.search(word)
    )


def _honorific_and_surname(name: str) -> bool:
    """ "Lord Baker": a peer by title and surname alone, with no first name to tell two Bakers apart (but
    "Sir Malcolm Reid" has one)."""
    words = name.split()
    return len(words) == 2 and words[0] in HONORIFICS


_PLAIN_TITLES = (TITLES.keys() | PRONOUN_OF_TITLE.keys()) - HONORIFICS  # titles that are no part of a name


def _given_name(person: Person) -> str:
    """The first name of a person named in full ("Tobias" for Tobias Venn), or "" (a name written family
    first, a knight's or a peer's: "Sir Hugh" is the knight's form)."""
    words = person.name.split()
    return words[0] if len(words) > 1 and not person.family_first and words[0] not in HONORIFICS else ""


def _knightly_form(name: str) -> tuple[str, ...]:
    """ "Sir Hugh" for "Sir Hugh Penrose": how the British name a knight or a dame after the first time."""
    words = name.split()
    return (f"{words[0]} {words[1]}",) if len(words) >= 3 and words[0] in ("Sir", "Dame") else ()


# "Under questioning from Sir Robin Astley, (Mr Hale accepted)": a phrase set off before the subject, whose
# names are not whom the sentence is about.
_OPENING_PHRASE = re.compile(
    r"(?:Under|After|Before|With|Without|Despite|Following|During|Unlike|Like|From|Against|Alongside|Beside"
    r"|Behind|Among|Asked\s+by|Pressed\s+by|Challenged\s+by|Questioned\s+by)\s[^,]{1,80},"
)


_OPENING_INITIALS = frozenset("UABWDFLP")


def _before_surname(words: list[str]) -> str:
    """The word before a surname and its particles: "Henk" in "Henk de Wit"; "" for a surname alone."""
    rest = words[:-1]
    while rest and rest[-1] in _PARTICLES:
        rest = rest[:-1]
    return rest[-1] if rest else ""


def _is_title_word(word: str) -> bool:
    """A word before a surname that is a title, not a first name: "President", "Lord", "Minister"."""
    return word.rstrip(".") in TITLES or word in HONORIFICS or _bare(word) in ROLE_NOUNS


def _bare(word: str) -> str:
    """A word as ROLE_NOUNS has it: "Minister's" -> "minister"."""
    return _POSSESSIVE_END.sub("", word.lower())


_POSSESSIVE_END = re.compile(r"['’]s$")


@functools.cache  # the same names come back sentence after sentence
def _is_name(text: str) -> bool:
    words = text.split()
    return (
        bool(words)
        and len(words) <= 4
        and all(w not in NOT_NAMES and w not in ORGANISATION_WORDS and not _is_role_word(w) for w in words)
    )


def _is_role_word(word: str) -> bool:
    """A role noun, or its plural at the start of a sentence ("Analysts said", "Officials denied")."""
    lower = word.lower()
    return lower in ROLE_NOUNS or (lower.endswith("s") and lower[:-1] in ROLE_NOUNS)


_POSSESSIVE = re.compile(r"['’]s\b")


# Party words that may stand before a name as a label, not a first name.
_PARTY_WORDS = frozenset(
    "Conservative Tory Labour Liberal Democrat Democratic Republican Socialist Communist Unionist Nationalist".split()
)


def _two_surnames_form(words: list[str]) -> bool:
    """Whether a name's words may be a first name and two surnames ("Aurelio Benavente Soto")."""
    return len(words) == 3 and words[0] not in HONORIFICS and words[2].rstrip(".") not in _SUFFIXES


def _is_given_word(word: str) -> bool:
    """Whether a capitalised word may be a first name: a name, and no title or honorific ("Dr", "Sir")."""
    return _is_name(word) and word.rstrip(".") not in TITLES and word not in HONORIFICS


# Titles that go with a surname alone: "Mr Hale", "Mrs Hale".
COURTESY_TITLES = frozenset("Mr Mrs Ms Miss".split())


def called_plainly(person: Person) -> bool:
    """Whether "Mr" or "Mrs" may stand for `person`: not a knight, a dame or a peer, called by that title,
    nor a doctor, a professor or an officer ("Mr Hale" is not Professor Anna Hale, nor Colonel Hale)."""
    return person.name.split()[0] not in HONORIFICS and not person.titles & CALLED_BY_TITLE


def may_be_called(person: Person, title: str) -> bool:
    """Whether `title` may stand for `person`: a courtesy title only if `called_plainly`, and no title against
    the pronoun the article gives them."""
    return (title not in COURTESY_TITLES or called_plainly(person)) and _title_allows(title, person)


def _title_allows(name: str, person: Person) -> bool:
    """Whether the title a name opens with ("Mr.", "Mrs") may stand for `person`, whose pronoun may say not."""
    said = PRONOUN_OF_TITLE.get(name.split()[0].rstrip(".")) if name else None
    return said is None or person.answers_to(said)


@functools.cache
def _clean_name(name: str) -> str:
    words = name.split()
    if "'" in name or "’" in name:
        # "Plaid Cymru's Rhun Evans": the name comes after a possessive inside it; "Putin's": it is the name's
        inner = [index for index, word in enumerate(words[:-1]) if _POSSESSIVE.search(word)]
        words = [_POSSESSIVE.sub("", word) for word in words[inner[-1] + 1 if inner else 0 :]]
    while words and (words[0].rstrip(".") in TITLES or words[0] in NOT_NAMES):
        words.pop(0)
    while len(words) > 2 and words[0] in _PARTY_WORDS:
        words.pop(0)  # "(Earlier) Conservative Jon Vik", "Liberal Democrat Ann Hale": a party, then the name
    while words and words[-1] in NOT_NAMES:
        words.pop()
    if len(words) > 2 and words[-1].rstrip(".") in _SUFFIXES:
        words[-1] = words[-1].rstrip(".")  # "James Caldwell Jr." and "James Caldwell Jr" are one
    honorific = next((index for index, word in enumerate(words) if word in HONORIFICS), 0)
    return " ".join(words[honorific:])  # a name starts with its honorific: "(Mountaineer) Dame Freya Holt"


def _role_phrase(text: str, noun_start: int, noun: str) -> str:
    """The role words before a role noun: "Green Party transport spokesman"."""
    words = text[:noun_start].split()
    kept: list[str] = []
    for word in reversed(words[-6:]):
        bare = word.strip(",;:()\"'").lower()
        if not bare or not bare[0].isalpha() or "(" in word or ")" in word:
            break  # a dash, a number, a "(Reuters)": the role cannot reach back past it
        if bare in STOP_ROLE_WORDS or word.endswith((",", ";", ":", ".")):
            break
        if bare.startswith(("then-", "ex-", "former")) or bare == "then":
            if bare.startswith("ex-"):
                kept.insert(0, word.strip(",;:()\"'"))
            elif bare.startswith("then-"):
                kept.insert(0, word.strip(",;:()\"'")[5:])
            break
        if bare.endswith(("ed", "ing", "ly")) and not word[0].isupper():
            break
        kept.insert(0, word.strip(",;:()\"'"))
        if len(kept) >= 5:
            break
    return " ".join([*kept, noun]).strip()


# Runs of capitalised words; "Putin's" gives "Putin" (apostrophes end a word here).
_RUN_STARTS = "".join(sorted({word[0] for word in _PARTICLES} | {"a", "e"}))  # and al-, el-
_CAPITALISED_RUN = re.compile(
    rf"(?=[{UPPER}{_RUN_STARTS}])"  # a capital, or the first letter of a particle
    rf"(?<![\w'’-]){_PARTICLE}?[{UPPER}][\w-]*(?:\s+{_PARTICLE}?[{UPPER}][\w-]*)*"
)  # with the particles of a name: "Abdullah al-Faisal", "van der Berg"


_NAME = re.compile(NAME)
_POSSESSIVE_MARK = ("'", "’")  # "Andreou's", "the Jameses' house"


def _other_given_name(before: str, form: str, person: Person) -> bool:
    """Whether the word before a surname in a run of capitalised words is a first name that is not the
    person's: "Jelena Petrovic" is not Dragan Petrovic (but "John F Kennedy" is John F. Kennedy, and
    "Gareth Pryce" may be Lord Pryce)."""
    if " " in form or len(before.rstrip(".")) < 2 or not _is_name(before) or _is_title_word(before):
        return False
    words = person.name.split()
    given = {word.rstrip(".") for word in (words[1:] if person.family_first else words[:-1])}
    given = {word for word in given if not _is_title_word(word)}
    return bool(given) and before.rstrip(".") not in given


def is_possessive(text: str, start: int) -> bool:
    """Whether the name at `start` is in the possessive: "Andreou's", "the Jameses' house"."""
    if "'" not in text and "’" not in text:
        return False  # most sentences
    run = _CAPITALISED_RUN.match(text, start)
    return run is not None and text.startswith(_POSSESSIVE_MARK, run.end())


# A verb in the past tense: regular, or one of the common irregular ones.
PAST_TENSE = (
    r"(?:[a-z]+ed|told|said|gave|took|made|met|led|won|became|began|wrote|spoke|sent|left|came|went|saw|held"
    r"|paid|brought|sought|fought|kept|lost|ran|rose|fell|broke|chose|drew|drove|grew|knew|sold|struck|swore"
    r"|taught|threw|built|bought|caught|found|heard|laid|stood|signed)"
)
# A verb in the past tense and its object: "praised the ruling", "told the assembly" (not a role in apposition).
_PREDICATE = re.compile(rf"\s*{PAST_TENSE}\s+(?:the|a|an|his|her|its|their|this|that)\b")
_THEN_NAME = re.compile(rf",\s+{NAME_WORD}")
_APPOSITION_CUE = re.compile(r",|\s+of\s")
# "Hiss' son, Tony," / "Brennick's daughter, Alice, who ...": a relative named by a first name after the
# family's (not "his daughter, Alice Smith,": a name of her own).
RELATIONS = "son|daughter|wife|husband|widow|widower|brother|sister|father|mother|nephew|niece|grandson|granddaughter"
# The pronoun a relation gives: "his wife, Margaret," is "she".
_RELATION_PRONOUN = {
    **dict.fromkeys("son husband widower brother father nephew grandson".split(), "he"),
    **dict.fromkeys("daughter wife widow sister mother niece granddaughter".split(), "she"),
}
_OLDER_OR_YOUNGER = r"(?:(?:elder|younger|eldest|youngest|older|late)\s+)?"
_RELATION_OF = rf"(?P<relation>{RELATIONS})(?:\s+of\s+[\w ]{{1,20}}?)?"  # "wife of sixty years"
_RELATIVE_AFTER = re.compile(
    rf"(?:['’]s?)\s+{_OLDER_OR_YOUNGER}{_RELATION_OF},\s+(?P<given>{NAME_WORD})(?![\w'’-]|\s+[{UPPER}])"
)
_RELATIVE = re.compile(rf"{AT_CAPITAL}(?<![\w'’-])(?P<family>{NAME_WORD}){_RELATIVE_AFTER.pattern}")
# "Ms. Tolland, 63, and her husband, Glen, 66,": a relative named by first name beside the one named by surname.
_AND_RELATIVE = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?P<family>{NAME_WORD})(?:,\s+\d{{1,3}},)?\s+and\s+(?:his|her)\s+"
    rf"(?P<relation>{RELATIONS}),\s+(?P<given>{NAME_WORD})(?=,)"
)
# 'Marjorie "Midge" Tolland': a name given with the one the person goes by.
_NICKNAME = re.compile(rf"\b(?P<given>{NAME_WORD})\s+[\"“‘'](?P<nick>{NAME_WORD})[\"”’']\s+(?P<family>{NAME_WORD})\b")
# Looked for before _RELATIVE_NAMED, as plain substrings ("son" is in "grandson", "widow" in "widower").
_RELATION_WORD = re.compile("son|daughter|wife|husband|widow|brother|sister|father|mother|nephew|niece")
# A relative named in full: "his daughter, Dr Frances Hale,", "Sophie Carrow's father, the retired GP Dr Michael
# Carrow,", "Ray Dunmore, her husband,": the relation says "he" or "she".
_RELATIVE_NAMED = re.compile(
    rf"(?:\b[Hh]is|\b[Hh]er|\b[Tt]heir|['’]s?)\s+{_OLDER_OR_YOUNGER}{_RELATION_OF},\s+"
    rf"(?:(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?)?(?:{_TITLE}\s+)?(?P<name>{NAME_WORD}(?:{NEXT_NAME_WORD}){{1,3}}{_SUFFIX}?)"
    rf"|(?P<named>{NAME_WORD}(?:{NEXT_NAME_WORD}){{1,3}}),\s+(?:his|her|their)\s+{_OLDER_OR_YOUNGER}"
    rf"(?P<related>{RELATIONS})\b"
    # and "Tom Reddy said his mother ...": the speaker's own pronoun
    rf"|(?P<speaker>{NAME_WORD}(?:{NEXT_NAME_WORD}){{1,3}})\s+(?:said|says|told|recalled|recalls)\s+(?:that\s+)?"
    rf"(?P<own>his|her)\s+{_OLDER_OR_YOUNGER}(?:{RELATIONS})\b"
)
# "Tom Pryce, who rose to be ambassador, told an interviewer in 1995 that he had ...": in reported speech, "he"
# or "she" right after the verb (and whom it was told) is most often the speaker (see People.reported_pronouns).
_OWN_PRONOUN = re.compile(
    rf"{AT_CAPITAL}(?<![\w'’-])(?P<speaker>{NAME_WORD}(?:{NEXT_NAME_WORD}){{1,3}})(?:,[^,\"]{{1,80}},)?\s+"
    r"(?:said|says|told|recalled|recalls|added|insisted|admitted|wrote)\s+(?:(?:an?|the)\s+[a-z]+\s+)?"
    r"(?:in\s+\d{4}\s+)?(?:that\s+)?(?P<own>he|she)\s+[a-z]"
)
# Where a name followed by a comma (or "of Ohio,") may start: the only places an apposition or a tenure can.
_NAME_BEFORE_COMMA = re.compile(rf"{AT_CAPITAL}(?<![\w'’-])(?={NAME}(?:,|\s+of\s))")
_LATIN_WORD = re.compile(r"\b[A-Za-z]+")  # where a role noun can start (the nouns are ASCII words)
# "Brian and Susan Metcalfe": two first names, one surname (two people, so "Metcalfe" names neither).
_KNIGHT = re.compile(rf"\b(Sir|Dame) ({NAME_WORD}) {NAME_WORD}(?![\w'’-])")
_WORD_AT_END = re.compile(rf"(?<![\w'’-]){NAME_WORD}$")
_AND_NAME = re.compile(rf" and (?=[{UPPER}])(?:{NAME_WORD}) (?P<surname>{NAME_WORD})(?![\w'’-])")
_SUFFIX_AT = re.compile(_SUFFIX)
_THIRD_NAME_WORD = re.compile(rf" {NAME_WORD}(?![\w-])")
_HEADLINE_LENGTH = 150
_THREE_NAME_WORDS = re.compile(
    rf"(?=(?<![\w'’-])(?<!\b(?:in|at|of|to|by) )({NAME_WORD}) ({NAME_WORD}) ({NAME_WORD})(?![\w'’-]))"
)
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_WORD_PAIR = re.compile(rf"{AT_CAPITAL}(?<![\w'’-])(?=({NAME_WORD})\s+({NAME_WORD})(?![\w-]))")


# An apposition's role ends before a preposition or a relative pronoun; its article and words.
_ROLE_ENDS = re.compile(r"\s+(?:on|in|at|with|that|which|who|whose|whom|for|from|to)\s+")
_ARTICLE_START = re.compile(r"^(?:a|an|the)\s+")
_ROLE_WORD = re.compile(r"[\w'’-]+")
_SERVED_CUE = re.compile(r"\b(?:served|ruled|reigned|governed|held the post)\s")


def tenure_spans(sentence: str) -> list[tuple[int, int]]:
    """Where a sentence gives someone's years in a post ("who served as mayor from 1920 to 1929", "served
    from 1946 to 1952"): the years of a role, not the date of an event."""
    patterns = [TENURE] if "who " in sentence else []
    if _SERVED_CUE.search(sentence):
        patterns += [SERVED_AS, SERVED]
    if "office" in sentence or _SERVED_CUE.search(sentence):
        patterns.append(TENURE_AFTER_NAME)
    return [m.span() for pattern in patterns for m in pattern.finditer(sentence)]


def _tenure_after(sentence: str, end: int) -> str:
    """The years a clause right after a titled name gives its role (`TENURE_AFTER_NAME`), or ""."""
    tenure = TENURE_AFTER_NAME.match(sentence, end)
    return _years(tenure) if tenure else ""


def _years(match: re.Match[str]) -> str:
    """The tenure a `_YEARS` match gives: '1946-1952'."""
    return f"{match['a1'] or match['b1']}-{match['a2'] or match['b2']}"


def _role_nouns_in(sentence: str) -> list[tuple[int, int]]:
    """Where role nouns are: a set look-up per word instead of the whole alternation of role
    nouns at every word boundary."""
    if sentence.isascii():  # lower-cased once: the same offsets
        return [word.span() for word in _LATIN_WORD.finditer(sentence.lower()) if word.group() in ROLE_NOUNS]
    return [word.span() for word in _LATIN_WORD.finditer(sentence) if word.group().lower() in ROLE_NOUNS]


def _role_before_name(sentence: str, role_nouns: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """`ROLE_BEFORE_NAME.finditer(sentence)`, tried only where a role noun starts. A match whose name has a
    role noun before its last word is left to that noun: "Deputy Prime Minister Pham Van Thanh" is read
    from "Minister", not as "Deputy" and "Prime Minister Pham Van"."""
    end = 0
    for start, _ in role_nouns:
        if start >= end and (match := ROLE_BEFORE_NAME.match(sentence, start)):
            if any(word.lower() in ROLE_NOUNS for word in match["name"].split()[1:-1]):
                continue
            end = match.end()
            yield match


def _role_then_comma(sentence: str, role_nouns: list[tuple[int, int]]) -> bool:
    """Whether a role noun is followed by a comma or by "to", "of", "for", "at", "in", "during" (what
    ROLE_THEN_NAME needs)."""
    return any(
        sentence.startswith((",", " to ", " of ", " for ", " at ", " in ", " during "), end) for _, end in role_nouns
    )


def _last_two(name: str) -> str:
    return " ".join(name.split()[-2:])


class People:
    """The people of one article, found from names with titles, roles and quotations."""

    def __init__(self) -> None:
        self.by_name: dict[str, Person] = {}
        self._forms: dict[str, Person] | None = None  # name and surname -> person, for mentions()
        self._by_surname: dict[str, list[Person]] = {}
        self._by_last_two: dict[str, list[Person]] = {}  # "Ilse Brandt" -> the people whose name ends so
        self._by_first: dict[str, list[Person]] = {}  # "Zhu" -> "Zhu Bangzao": a name written family first
        self._pairs: list[tuple[str, str]] = []  # the article's capitalised word pairs, from read_full_names
        self._named_pairs: list[tuple[str, str]] = []  # those not after "the"
        self._word_before: dict[tuple[str, str], str] = {}  # from read_full_names
        self._reported: list[tuple[Person, str]] = []  # "X said that he ...": see reported_pronouns
        self._given_names: dict[str, set[str]] = {}  # surname -> the first names the article gives it
        self._holders: dict[str, dict[int, Person]] = {}  # a word of a role -> the people whose role has it
        self._relatives: set[str] = set()  # names made from a relative's first name: "Tony Hiss"
        # "Sir Alan" -> "Sir Alan Rowe", "Midge Tolland" -> "Marjorie Tolland": the name in full, from read_full_names
        self._knights: dict[str, str] = {}
        self._by_middle: dict[str, list[Person]] = {}  # "Benavente" -> Aurelio Benavente Soto
        self._surname_titles: list[tuple[Person, str]] = []  # "Mr. Dunmore": see _title

    def _index(self, person: Person, renamed: bool = False) -> None:
        self.by_name[person.name] = person
        if person.holders is None:
            person.holders = self._holders
            for role in person.roles:
                for word in role.title.lower().split():
                    self._holders.setdefault(word, {})[id(person)] = person
        self._by_surname.setdefault(person.surname, []).append(person)
        self._by_last_two.setdefault(_last_two(person.name), []).append(person)
        if len(words := person.name.split()) > 1 and words[0] not in HONORIFICS:
            self._by_first.setdefault(words[0], []).append(person)
        if _two_surnames_form(words):
            self._by_middle.setdefault(words[1], []).append(person)
        for form in _knightly_form(person.name):
            self._by_first.setdefault(form, []).append(person)
        if renamed or self._forms is None or _given_name(person):
            self._forms = None  # rebuilt by the next mentions(), in by_name's new order (first names may clash)
        else:  # a new person comes last in by_name, so adding its forms now is what a rebuild would do
            for form in person.forms:
                self._forms.setdefault(form, person)

    def _forget(self, person: Person) -> None:
        """Take a person out of the indexes before a change of name."""
        del self.by_name[person.name]
        self._by_surname[person.surname].remove(person)
        self._by_last_two[_last_two(person.name)].remove(person)
        if len(words := person.name.split()) > 1 and words[0] not in HONORIFICS:
            self._by_first[words[0]].remove(person)
        if _two_surnames_form(words):
            self._by_middle[words[1]].remove(person)
        for form in _knightly_form(person.name):
            self._by_first[form].remove(person)

    def find(self, name: str) -> Person | None:
        """The person a name or surname refers to ("Mr Holm" -> Ada Holm), never one its title rules out
        ("Mrs. Wanyoike" is not the one called "Mr. Wanyoike", nor he Grace Wanyoike, "his wife")."""
        clean = _clean_name(name)
        if not clean:
            return None
        if clean in self.by_name and _title_allows(name, self.by_name[clean]):
            return self.by_name[clean]
        words = clean.split()
        for known_name in (" ".join(words[-3:]), " ".join(words[-2:])):  # "Chinese Foreign Minister Wang Lihua"
            if len(words) > len(known_name.split()) and known_name in self.by_name:
                return self.by_name[known_name]
        matches = [p for p in self._by_surname.get(words[-1], []) if _title_allows(name, p)]
        if not matches and (len(words) == 1 or words[0] in HONORIFICS):  # "Zhu" after "Zhu Bangzao"; "Sir Hugh"
            matches = self._by_first.get(clean, [])
        if len(matches) > 1 and len(words) > 1:  # two Brandts: "Mayor Ilse Brandt" is the one called Ilse
            matches = self._by_last_two.get(" ".join(words[-2:]), [])
        if len(matches) != 1:
            return None
        known = matches[0]
        # "Olga Brandt" is not "Ilse Brandt"; "Mayor Anna Kovacs" and "President Kovacs" are Anna Kovacs; "Henk
        # de Wit" is not "Caroline de Wit" (the word before a particle is the given name).
        given, known_given = _before_surname(words), _before_surname(known.name.split())
        if given and known_given and given != known_given and not _is_title_word(given):
            return None
        return known

    def add(self, name: str, where: tuple[int, int], extend: bool = True) -> Person | None:
        """The person `name` refers to, added if new. A fuller form of a known name ("James
        Baker" after "Baker") becomes the person's name; without `extend`, only when the
        known name is a bare surname (so "State James Baker" never replaces "James Baker")."""
        if (known := self.by_name.get(name)) is not None:
            return known  # the name exactly as known: most calls, and nothing to change
        person = self._add(name, where, extend)
        if person is not None:
            words = name.split()
            self._title(person, words[0], len(words) == 2)  # "Mr Crane" as the text names him
        return person

    def _title(self, person: Person, title: str, surname_alone: bool) -> None:
        """Give `person` the title the text names them with; with a surname alone ("Mr. Dunmore"), only once
        the whole article is read, and only if no one else has the surname (`add_namesakes`): with Patricia
        and Ray Dunmore, "Mr. Dunmore" says nothing of either until both are known. (A peer's or a knight's
        title is part of the name: "Lord Hale".)"""
        if surname_alone and title.rstrip(".") in _PLAIN_TITLES:
            self._surname_titles.append((person, title))
        else:
            person.titled(title)

    def _add(self, name: str, where: tuple[int, int], extend: bool) -> Person | None:
        clean = _clean_name(name)
        clean = self._knights.get(clean, clean)  # "Sir Alan", named in full elsewhere: Sir Alan Rowe
        if not clean or not _is_name(clean):
            return None
        known = self.find(clean)
        if known is not None and not _title_allows(name, known):
            known = None  # "Mr. Wanyoike" is not Grace Wanyoike, "his wife"
        if len(clean) < 3 and known is None and len(self.bearers(clean)) < 2:
            # a word of two letters is a new person's name too rarely; "Li" after "Li Hongwen" is his (and "Ba",
            # with Ousmane and Cheikh Ba in the article, is the surname they share)
            return None
        if known is not None:
            bare = " " not in known.name
            longer = len(clean.split()) > len(known.name.split()) and clean.endswith(" " + known.name)
            if longer and bare and len(self._given_names.get(known.name, ())) > 1:
                known = None  # "Hiss" may be Alger Hiss or Tony Hiss: this full name is a person of its own
            elif longer and (extend or bare):
                self._forget(known)
                known.name = clean
                self._index(known, renamed=True)
            elif (
                " " not in clean
                and clean != known.surname
                and known.name.startswith(clean + " ")
                and known.name not in self._relatives  # "Tony" after "Hiss' son, Tony," is his first name
            ):
                self._forget(known)  # called by the first word of the name: it is the family name
                known.family_first = True
                self._index(known, renamed=True)
        if known is None and " " not in clean and name == clean and (double := self._two_surnames(clean)):
            # "Benavente said", after "Fisheries Minister Aurelio Benavente Soto": the first of his two surnames
            # (not after a title: "Mr. Caldwell" is no one's middle name)
            self._forget(double)
            double.first_surname = True
            self._index(double, renamed=True)
            known = double
        if known is not None:
            return known
        person = Person(clean, first_seen=where)
        self._index(person)
        return person

    def _two_surnames(self, word: str) -> Person | None:
        """The one person whose name of three words has `word` second ("Aurelio Benavente Soto"), when no one
        has it as a surname or a first name; else None."""
        if self._by_surname.get(word) or self._given_names.get(word) or self._by_first.get(word):
            return None
        found = [p for p in self._by_middle.get(word, ()) if not p.family_first]
        return found[0] if len(found) == 1 else None

    def scan_sentence(self, sentence: str, where: tuple[int, int]) -> None:
        """Names with titles, role nouns before them, roles in apposition, tenures, relatives."""
        for match in _RELATIVE.finditer(sentence) if "'" in sentence or "’" in sentence else ():
            family = _POSSESSIVE_END.sub("", match["family"]).rstrip("'’")
            if sentence.endswith(("Sir ", "Dame "), 0, match.start()):  # "Sir Alan's daughter": Sir Alan Rowe's
                knight = self._knights.get(sentence[: match.start()].split()[-1] + " " + family, "")
                family = knight.split()[-1] if knight else ""
            if _is_name(family) and _is_name(match["given"]) and match["given"] not in HONORIFICS:
                self._given_names.setdefault(family, set()).add(match["given"])
                self._relatives.add(f"{match['given']} {family}")
                if relative := self.add(f"{match['given']} {family}", where):
                    relative.related_as(match["relation"])
        for match in _AND_RELATIVE.finditer(sentence) if " and " in sentence else ():
            if _is_name(match["given"]) and (relative := self.add(f"{match['given']} {match['family']}", where)):
                relative.related_as(match["relation"])
                self._given_names.setdefault(match["family"], set()).add(match["given"])
        for match in _RELATIVE_NAMED.finditer(sentence) if _RELATION_WORD.search(sentence) else ():
            if match["speaker"]:
                if (speaker := self.add(match["speaker"], where)) and not speaker.pronoun:
                    speaker.pronoun = "he" if match["own"] == "his" else "she"
            elif relative := self.add(match["name"] or match["named"], where):
                relative.related_as(match["relation"] or match["related"])
        for match in _OWN_PRONOUN.finditer(sentence) if " he " in sentence or " she " in sentence else ():
            if speaker := self.add(match["speaker"], where):
                self._reported.append((speaker, match["own"]))
        for match in TITLE_NAME.finditer(sentence):
            # a surname alone keeps its title, by which add() knows it is no one's middle name ("Mr. Caldwell")
            person = self.add(match["name"] if " " in match["name"] else match.group(), where)
            if person is not None:
                self._title(person, match["title"], " " not in match["name"])
            role = TITLES[match["title"].rstrip(".")] or TITLES.get((match["outer"] or "").rstrip("."), "")
            if role and sentence.endswith(("Former ", "former "), 0, match.start()):
                role = f"Former {role}"  # "Former President Douglas Crane" is not the president now
            if person and role:
                person.add_role(Role(role, _tenure_after(sentence, match.end()), sentence))
        role_nouns = _role_nouns_in(sentence)
        for match in _role_before_name(sentence, role_nouns):
            words = match["name"].split()
            noun = match["noun"] + (match["of"] or "")
            # "General Secretary George Robertson": role words at the front belong to the role.
            while len(words) > 1 and words[0].lower() in ROLE_NOUNS:
                noun += " " + words.pop(0)
            name = " ".join(words)
            if words[0] in NOT_NAMES or (match["of"] and _THEN_NAME.match(sentence, match.end())):
                continue  # "the mayor of Kestrel Bay, Alma Fenn,": "Bay" ends the place, the name comes after
            title = _role_phrase(sentence, match.start("noun"), noun)
            person = self.add(name, where)
            if person:
                person.add_role(Role(title, _tenure_after(sentence, match.end()), sentence))
        # "the minister, Ana Pérez,": a role noun and a comma
        for match in ROLE_THEN_NAME.finditer(sentence) if _role_then_comma(sentence, role_nouns) else ():
            role = match["role"].strip()
            if person := self.add(match["name"], where):
                served = SERVED.match(sentence, match.end())
                person.add_role(Role(role, _years(served) if served else "", sentence))
        for match in SERVED_AS.finditer(sentence) if "served as" in sentence else ():
            named = _NAME_AT_END.search(sentence, 0, match.start())
            if named is None or not _role_nouns_in(match["role"]) or named["name"].split()[0] in NOT_NAMES:
                continue  # "Paris served as a refuge from 1940 to 1944": not a role
            if person := self.add(named["name"], where):
                person.add_role(Role(match["role"].strip(), _years(match), sentence))
        used_to = 0  # the end of the last name given a role here: "Okoro" in "Dan Okoro," is not another one
        for start in (m.start() for m in _NAME_BEFORE_COMMA.finditer(sentence)):
            name_match = _NAME.match(sentence, start)  # no look-behind in NAME: the same as matching a slice
            if name_match is None or start < used_to:
                continue
            after = name_match.end()
            if sentence.startswith(", ", after) and (tenure := TENURE.match(sentence, after + 2)):
                used_to = after
                person = self.add(name_match.group(), where)
                if person is not None:
                    first, last = tenure["a1"] or tenure["b1"], tenure["a2"] or tenure["b2"]
                    person.add_role(Role(tenure["role"].strip(), f"{first}-{last}", sentence))
                continue
            if not _APPOSITION_CUE.match(sentence, after):
                continue  # an apposition needs a comma (or "of Ohio,") right after the name
            match = APPOSITION.match(sentence, start)
            # Not a title in quotation marks ('The Putin Interviews'), nor a place ("Novak of Ohio").
            if (
                match is None
                or (sentence[start - 1 : start] in "'\"‘“" and start)
                or sentence[:start].endswith((" of ", " in "))
            ):
                continue
            if (
                match["role"].lstrip().startswith("who ")
                or _THEN_NAME.match(sentence, match.end())  # "Usk, the envoy, Piet Darr,": the role is Darr's
                or _PREDICATE.match(match["role"])  # "his son, Tony, praised the ruling": no role at all
            ):
                continue
            role = _ROLE_ENDS.split(match["role"].strip())[0]
            role = _ARTICLE_START.sub("", role)
            words = {_bare(w) for w in _ROLE_WORD.findall(role)}
            if not words & ROLE_NOUNS or match["name"].split()[0] in NOT_NAMES:
                continue
            person = self.add(match["name"], where)
            if person is None:
                continue
            used_to = match.end("name")
            person.add_role(Role(role, evidence=sentence))
            rest = sentence[match.end() :]
            if tenure := TENURE.match(rest.lstrip(", ").strip()) or TENURE.search(rest[:160]):
                start, end = tenure["a1"] or tenure["b1"], tenure["a2"] or tenure["b2"]
                person.add_role(Role(tenure["role"].strip(), f"{start}-{end}", sentence))

    def read_full_names(self, text: str) -> None:
        """Note the article's pairs of capitalised words, in order, before reading it: a surname with two
        first names in the text ("Alger Hiss", "Tony Hiss") stands for neither alone."""
        # the word before each pair of name words on the same line ("Emmanuel" before "Kwesi Amoako-Dadzie"),
        # not after a preposition ("in Burgundy Hélène Carvallo")
        self._word_before = {}
        for three in _THREE_NAME_WORDS.finditer(text):
            self._word_before.setdefault((three[2], three[3]), three[1])
        self._pairs = []
        self._named_pairs = []
        for match in _WORD_PAIR.finditer(text):
            first, last = pair = match.groups()
            # "James Caldwell Jr." is not his father James Caldwell: the suffix goes with the first name
            suffix = _SUFFIX_AT.match(text, match.end(2))
            if not suffix and _THIRD_NAME_WORD.match(text, match.end(2)):
                continue  # "Margaret Hollis Dunne": a first and a middle name, no Hollis's full name
            self._pairs.append(pair)
            after_the = _THE_BEFORE.search(text, max(0, match.start() - 4), match.start()) is not None
            if not after_the and not _WORD_BEFORE.search(text, max(0, match.start() - 30), match.start()):
                self._named_pairs.append(pair)  # not "The Putin Interviews", a title, nor "(Margaret) Caldwell Lund"
            if (
                _is_given_word(first)
                and not _middle_name(text, match.start())  # "Ada Margaret Lyle": Margaret is no other Lyle's
                and not after_the  # "on the Blackwater Varga"
            ):
                self._given_names.setdefault(last, set()).add(first + (suffix.group() if suffix else ""))
        for joint in _AND_NAME.finditer(text):  # "Brian and Susan Metcalfe": looked for from the "and"
            first = _WORD_AT_END.search(text, max(0, joint.start() - 40), joint.start())
            if first and _is_given_word(first[0]):
                self._given_names.setdefault(joint["surname"], set()).add(first[0])
        self._knights = {}
        for knight in _KNIGHT.finditer(text):  # "Sir Alan" is Sir Alan Rowe when the article names him in full
            self._knights.setdefault(f"{knight[1]} {knight[2]}", knight.group())
        for named in _NICKNAME.finditer(text):  # "Midge Tolland" is Marjorie "Midge" Tolland, no second Tolland
            self._knights.setdefault(f"{named['nick']} {named['family']}", f"{named['given']} {named['family']}")
            self._given_names.setdefault(named["family"], set()).add(named["given"])
            self._given_names[named["family"]].discard(named["nick"])

    def _with_first_word(self, first: str, last: str) -> str:
        """A pair of name words with the first name before it, where the text gives one: "Kwesi Amoako-Dadzie"
        is "Emmanuel Kwesi Amoako-Dadzie" in an article that names him so."""
        word = self._word_before.get((first, last), "")
        if word and _is_given_word(word):
            return f"{word} {first} {last}"
        return f"{first} {last}"

    def complete_names(self) -> None:
        """Give a first name to people known by surname alone when the text has one
        ("Shevardnadze", then "his counterpart Eduard Shevardnadze"), from `read_full_names`."""
        singles = {p.name: p for p in self.by_name.values() if " " not in p.name}
        if not singles:
            return
        for first, last in self._pairs:
            person = singles.pop(last, None)
            if person is None:
                continue
            if _is_given_word(first):
                self.add(self._with_first_word(first, last), person.first_seen)
            else:
                singles[last] = person  # "President Clinton": keep looking for a first name
        # and a surname to people known by first name alone ("Frank says", after "Frank Dewhurst was 11"), when
        # the text gives that first name one surname
        surnames: dict[str, set[str]] = {}
        for first, last in self._named_pairs:
            surnames.setdefault(first, set()).add(last)
        for name, person in singles.items():
            lasts = surnames.get(name, set())
            others = [p for p in self._by_surname.get(name, ()) if p is not person]  # "Frank" the surname of none
            if len(lasts) == 1 and not others and name not in NOT_NAMES:
                last = next(iter(lasts))
                full = f"{name} {last}"
                if (
                    _is_name(last)
                    and last not in TITLES
                    and last not in ORGANISATION_WORDS
                    and full not in self.by_name
                ):
                    self._forget(person)
                    person.name = full
                    self._index(person, renamed=True)

    def add_namesakes(self) -> None:
        """Everyone the article names in full with the surname of one of its people, when it gives that
        surname two first names or more ("Paul Devane", and "Michael Devane" named only in passing): then
        "Devane" alone names neither (`shared_by`), whoever was found first."""
        for surname, firsts in list(self._given_names.items()):
            bearers = self.bearers(surname) if len(firsts) > 1 else []
            for first in sorted(firsts) if bearers else ():
                given, _, suffix = first.partition(" ")  # "James Jr." (see read_full_names)
                self.add(f"{given} {surname} {suffix}".strip(), bearers[0].first_seen)
        for person, title in self._surname_titles:
            said = PRONOUN_OF_TITLE.get(title.rstrip("."), "")
            if len(self.bearers(person.surname)) < 2 and (not said or person.answers_to(said)):
                person.titled(title)  # not "Mrs. Reddy" for Tom Reddy, who spoke of "his mother"

    def _one_word(self, word: str, person: Person, text: str, end: int) -> Person:
        """Who a name of one word at `text[:end]` stands for: a relative named after it ("Hiss' son, Tony,"
        is Tony Hiss); a surname two people of the article share stands for neither (`bearers`)."""
        if text.startswith(_POSSESSIVE_MARK, end) and (relative := _RELATIVE_AFTER.match(text, end)):
            return self.by_name.get(f"{relative['given']} {word}", person)
        if len(self._given_names.get(word, ())) > 1 and len(self.bearers(word)) > 1:
            return self.by_name.get(word) or self.add(word, person.first_seen, extend=False) or person
        return person

    def first_named(self) -> Person | None:
        """The person the article names first: whom an obituary or a profile is about."""
        return min(self.by_name.values(), key=lambda p: p.first_seen, default=None)

    def reported_pronouns(self) -> None:
        """Give "Tom Pryce told an interviewer that he had ..." its pronoun, once everyone is known: only when it
        is not the pronoun of whom the article is about (the first person named), which "she" in "Tom Quayle
        recalled that she would not allow ..." of an obituary's subject stands for."""
        lead = self.first_named()
        for speaker, pronoun in self._reported:
            if lead is not None and lead.pronoun and lead.pronoun != pronoun and not speaker.pronoun:
                speaker.pronoun = pronoun

    def date_from_headline(self, paragraphs: list[str]) -> None:
        """Date from the headline those it names in full ("Reg Tolley obituary", "At 81, Vera Lindqvist is still
        ..."), where the scan found them only later: whom an article is about is whom its headline names, by a
        name the article uses again (not a nickname only the headline uses: "Chayo Benavides")."""
        headline = paragraphs[0].strip() if paragraphs else ""
        if not headline or len(headline) > _HEADLINE_LENGTH or headline.endswith((".", '."', ".”")):
            return  # a sentence, not a headline
        body = "\n".join(paragraphs[1:])
        for person in self.by_name.values():
            if (
                " " in person.name
                and person.name in headline  # most people are not: no pattern to build
                and person.name in body
                and re.search(rf"(?<![\w'’-]){re.escape(person.name)}(?![\w-])", headline)
            ):
                person.first_seen = (0, 0)

    def bearers(self, surname: str) -> list[Person]:
        """The people named in full with a surname (in the order they were found): "Hiss" alone names
        neither Alger nor Tony Hiss when there are two."""
        return [p for p in self._by_surname.get(surname, ()) if " " in p.name and not _honorific_and_surname(p.name)]

    def shared_by(self, person: Person) -> list[Person]:
        """The people a bare surname may stand for, when two or more of the article have it; else []."""
        # "Lord Hale" with Kenneth and Margaret Hale: the title says no more than the surname (see namesakes)
        name = person.surname if _honorific_and_surname(person.name) else person.name
        if " " in name or len(self._given_names.get(name, ())) < 2:
            return []
        bearers = self.bearers(name)
        return bearers if len(bearers) > 1 else []

    def holders(self, word: str) -> list[Person]:
        """The people with `word` in a role ("premier": Wen Jiahe, Chinese Premier), in the order they got it."""
        return list(self._holders.get(word, {}).values())

    def subject(self, text: str, mentions: list[tuple[int, Person]]) -> Person | None:
        """Who a sentence is about, of the people it names (`mentions(text)`, or its first): the first
        not named in the possessive. "Mr. Andreou's predecessor, Kostas Ioannou, was cautious" is
        about Kostas Ioannou."""
        if not mentions:
            return None
        opening = _OPENING_PHRASE.match(text) if text[:1] in _OPENING_INITIALS else None
        first = mentions[0][0]
        if not is_possessive(text, first) and not (opening and first < opening.end()):
            return mentions[0][1]
        others = [
            person
            for start, person in self.mentions(text)
            if not is_possessive(text, start) and not (opening and start < opening.end())
        ]
        return others[0] if others else mentions[0][1]

    def mentions(self, text: str, first_only: bool = False) -> list[tuple[int, Person]]:
        """Where known people are named in `text` (full name, or surname alone), in order; only the
        first with `first_only`."""
        if not self.by_name:
            return []
        if self._forms is None:
            self._forms = {}
            for person in self.by_name.values():
                for form in person.forms:
                    self._forms.setdefault(form, person)
            # "Tobias, told of this, laughs": a first name alone is the one person of the article who has it
            firsts: dict[str, list[Person]] = {}
            for person in self.by_name.values():
                if first := _given_name(person):
                    firsts.setdefault(first, []).append(person)
            for first, bearers in firsts.items():
                if len(bearers) == 1:
                    self._forms.setdefault(first, bearers[0])
        found: list[tuple[int, Person]] = []
        # Look up runs of capitalised words rather than searching for every name.
        for run in _CAPITALISED_RUN.finditer(text):
            if (single := run.group()).isalpha() or len(single.split()) == 1:
                if (person := self._forms.get(single)) is not None:  # one word: most runs
                    found.append((run.start(), self._one_word(single, person, text, run.end())))
                    if first_only:
                        return found
                continue
            words, at = [], run.start()
            for word in single.split():  # the run's words and where each starts
                at = text.index(word, at)
                words.append((at, word))
                at += len(word)
            index = 0
            while index < len(words):
                for end in range(min(len(words), index + 4), index, -1):
                    form = " ".join(w for _, w in words[index:end])
                    # the word before a surname, unless the run gives a name at birth ("Born Rolihlahla Mandela")
                    before = words[index - 1][1] if index and words[0][1] != "Born" else ""
                    if form in self._forms and not _other_given_name(before, form, self._forms[form]):
                        person = self._forms[form]
                        if end == index + 1:
                            person = self._one_word(form, person, text, words[index][0] + len(form))
                        found.append((words[index][0], person))
                        if first_only:
                            return found
                        index = end
                        break
                else:
                    index += 1
        return found
