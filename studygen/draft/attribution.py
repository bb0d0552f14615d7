"""Who said each quotation: a sieve of rules, from the surest to the weakest.

1. a speech verb right after the quotation ("...," Okafor recalled / said Mr Holm);
2. a speech verb right before it (Lady Ashby said: "..." / dismissed as a "fantasy");
3. a participle in the same sentence (..., adding that Washington "...");
4. a continuation: a quotation that follows another with no verb of its own;
5. a quotation alone in its sentence: the person the previous sentence was about.

Pronouns and descriptions ("he added", "the expert recalled") resolve to the latest
speaker, or the latest person named outside quotation marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..sentences import sentence_spans
from .namesakes import first_name, the_principal, which_one
from .people import (
    AT_CAPITAL,
    CALLED_BY_TITLE,
    COURTESY_TITLES,
    NAME,
    NAME_WORD,
    NEXT_NAME_WORD,
    RELATIONS,
    ROLE_NOUN,
    ROLE_NOUNS,
    STOP_ROLE_WORDS,
    TITLES,
    People,
    Person,
    Role,
    is_possessive,
    may_be_called,
)
from .text import ends_just_before

SPEECH_VERBS = frozenset(
    """said says say added adds told tells asked asks replied replies recalled recalls noted notes explained
    explains lamented laments argued argues insisted insists claimed claims warned warns stated states
    declared declares wrote writes suggested suggests emphasized emphasised stressed acknowledged admitted
    answered responded commented observed remarked announced concluded dismissed called described
    cited repeated reiterated urged countered conceded predicted quipped joked complained told praised
    criticised criticized condemned hailed welcomed accused denounced branded labelled labeled dubbed
    promised vowed pledged maintained contended contends denied confirmed revealed testified recounted
    boasted wondered expressed voiced defined assured
    admits acknowledges answers responds comments observes remarks announces concludes repeats counters concedes
    predicts quips jokes complains maintains recounts confirms reveals denies stresses describes calls
    defines""".split()
)  # the present tense of an interview too: "she admits", "he concedes"
PARTICIPLES = frozenset(
    "saying adding warning telling asking noting explaining insisting arguing recalling writing declaring "
    "stressing calling describing denouncing dismissing urging promising vowing accusing claiming announcing "
    "complaining admitting predicting".split()
)
PRONOUNS = frozenset("he she they".split())
FIRST_PERSON = frozenset("i we".split())
# "He went on: '...'", '"...," she went on.': going on speaking, not "the talks went on for hours"
_GOING_ON = r"(?:went|goes)\s+on(?=\s*[:,.])"
_VERB = r"(?:" + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True)) + r")"
_SAY = rf"(?:{_VERB}|{_GOING_ON})"  # in the two patterns that need it: a longer alternation is slower
_GOING_ON_WORDS = re.compile(_GOING_ON)
_AT_VERB = "(?=[" + "".join(sorted({verb[0] for verb in SPEECH_VERBS})) + "])"  # see people.AT_CAPITAL
VERB_WORD = re.compile(rf"{_AT_VERB}\b{_VERB}\b")
_TITLE = r"(?:(?:" + "|".join(TITLES) + r")\.?\s+)?"
# A speaker may come with a role in front: "Foreign Minister Karl Weiss said".
_LONG_NAME = rf"{NAME_WORD}(?:{NEXT_NAME_WORD}){{0,6}}"  # "South Korean Foreign Minister Han Dongsu"
# Words that may stand between a speaker and the verb: "Mr Smith also said", "she reportedly told".
_ADVERB = r"(?:(?:also|then|later|reportedly|once|had|has|have|would|again|further|meanwhile|however)\s+)*"
# A role written with a capital, as older reports do: "said the Alderman", "the Lord Mayor".
_CAPITALISED_ROLE = "|".join(sorted((noun.capitalize() for noun in ROLE_NOUNS), key=len, reverse=True))
# The speaker: a name, a pronoun, or a description ("the envoy", "the Thai minister").
_WHO = (
    rf"(?P<who>{_TITLE}{_LONG_NAME}|[Hh]e|[Ss]he|[Tt]hey|[Hh](?:is|er)\s+(?:{RELATIONS})\b"
    r"|[Tt]he\s+(?:[A-Z][a-z]+\s+)?[a-z-]+(?:\s+(?!(?:he|she|they|also|then|later|meanwhile|however)\b)[a-z-]+)?"
    rf"|[Tt]he\s+(?:Lord\s+)?(?:{_CAPITALISED_ROLE}))"
)  # and a relative: "his mother said"; not "(On) the platform he (said)"
_AGE = r",\s+\d{1,3}"  # "Kari Nordby, 34, said"
_OWNER = rf"{_TITLE}(?:{NAME_WORD}\s+){{0,3}}{NAME_WORD}['’]s"  # "Poland's", "Andes Copper's" (chief executive)
AFTER_VERB_FIRST = re.compile(rf"^\s*[,.!?]?\s*(?P<verb>{_VERB})\s+{_WHO}")
# '"...," Rolf Dahl said', and with a phrase or two set off: '"...," Rolf Dahl, 45, a teacher, said'.
AFTER_WHO_FIRST = re.compile(rf"^\s*[,.!?]?\s*{_WHO}(?:(?:,[^,\"]{{1,60}}){{1,2}},)?\s+{_ADVERB}(?P<verb>{_SAY})\b")
# '"...," said its general secretary, Mike Doyle' / 'said Poland's deputy minister, Anna Zielinska':
# the role first, the name set off by commas.
AFTER_ROLE_THEN_NAME = re.compile(
    rf"^\s*[,.!?]?\s*(?P<verb>{_VERB})\s+(?:the|its|his|her|their|{_OWNER})\s+[a-z][\w'’ -]{{1,60}}?,"
    rf"\s+(?P<who>{_TITLE}{NAME})"
)
# '"...," the chief negotiator, Karen Blum, told Reuters': the role, then the name set off, then the verb.
AFTER_ROLE_NAME_VERB = re.compile(
    rf"^\s*[,.!?]?\s*(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|{_OWNER})\s+[^,\"]{{1,60}}?,"
    rf"\s+(?P<who>{_TITLE}{NAME}),\s+{_ADVERB}(?P<verb>{_VERB})\b"
)
# '"...," the historian Clara Usk writes': a description before the name.
AFTER_DESCRIBED_NAME = re.compile(
    r"^\s*[,.!?]?\s*(?!(?i:and|but|or|while|as|then|yet|so|because|although|though)\b)"
    rf"(?:[\w'’.-]+\s+){{1,4}}?(?P<who>{NAME})\s+{_ADVERB}(?P<verb>{_VERB})\b"
)  # and '"...," the Rev. Rolf Dahl said', '"...," union leader Mike Doyle said', 'Pentagon spokesman Ken Ochoa
# said' (not '"...," but Doyle said')
# Words for a person that are no role: "the veteran said", "the 45-year-old added". Any other noun after
# "the" ("the report said", "the company added") is a document's or a body's: drafted as that speaker,
# never as the last person named.
PERSON_NOUNS = frozenset(
    """man woman boy girl veteran owner farmer resident worker driver pilot player coach singer actor actress
    mother father son daughter wife husband widow widower brother sister grandmother grandfather victim
    survivor witness patient pupil student neighbour neighbor friend priest vicar doctor source observer insider
    critic supporter protester demonstrator voter passenger mourner eyewitness soldier sailor conscript guard
    prisoner inmate miner fisherman villager teenager employee labourer laborer shopkeeper clerk volunteer""".split()
)
_PERSON_NOUN = "(?:" + "|".join(sorted(PERSON_NOUNS, key=len, reverse=True)) + ")"
# A speaker the article does not name: "said an envoy in the capital", "a senior official, who asked not to
# be named, said:". A role noun heads the description.
_DESCRIBED = (
    rf"(?P<described>\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:(?!(?:his|her|their|its|the|an?|my|our)\s)[\w'’-]+\s+){{0,3}}"
    rf"(?:{ROLE_NOUN}|{_PERSON_NOUN})\b"
    r"(?:\s+(?:in|at|of|from|for|with|close\s+to)\s+[^,.;:\"]{1,60})?)"
)
AFTER_DESCRIBED = re.compile(rf"^\s*[,.!?]?\s*(?P<verb>{_VERB})\s+{_DESCRIBED}")
# '"...," one diplomat said', '"...," a senior official, who asked not to be named, told Reuters'
AFTER_DESCRIBED_FIRST = re.compile(rf"^\s*[,!?]?\s*{_DESCRIBED}(?:,[^,\"]{{1,80}},)?\s+{_ADVERB}(?P<verb>{_SAY})\b")
_ENDED_OUTSIDE = re.compile(r"\s*\.\s+[A-Z]")
# '"...", according to the minister' and 'According to Ana Pérez, "..."'
AFTER_ACCORDING = re.compile(rf"^\s*[,.!?]?\s*(?P<verb>according to)\s+{_WHO}")
BEFORE_ACCORDING = re.compile(rf"\b(?P<verb>[Aa]ccording to)\s+{_WHO}\s*,?\s*$")
# From the verb to the opening mark: up to four words and a comma or colon ("said of the plan:").
_UP_TO_QUOTE = r",?(?:\s+[\w'’-]+){0,4}?\s*[,:]?\s*$"  # and "he said, in"
BEFORE = re.compile(
    rf"(?<![\w'’-]){_WHO.replace('(?P<who>', '(?P<who>[Ii]|[Ww]e|')}(?:{_AGE},)?\s+{_ADVERB}(?P<verb>{_SAY})"
    + _UP_TO_QUOTE
)
BEFORE_DESCRIBED = re.compile(rf"{_DESCRIBED}(?:,[^,\"]{{1,80}},)?\s+{_ADVERB}(?P<verb>{_VERB})" + _UP_TO_QUOTE)
BEFORE_SET_OFF = re.compile(rf",\s+{_WHO},\s+{_ADVERB}(?P<verb>{_VERB})" + _UP_TO_QUOTE)
# "One of them, retired teacher June Parfitt, said:" / "The chair, the historian Robert Ainsley, called the book" /
# "The head of the mission, former Ghanaian foreign minister Kwame Asante, said":
# a role and a name set off by commas before the verb.
BEFORE_ROLE_SET_OFF = re.compile(
    rf",\s+(?:(?:[Tt]he|[Aa]n?)\s+)?(?:[a-z][\w'’-]*\s+)?(?:[\w'’-]+\s+){{0,2}}(?i:{ROLE_NOUN})\s+(?P<who>{_TITLE}{NAME}),"
    rf"\s+{_ADVERB}(?P<verb>{_VERB})" + _UP_TO_QUOTE
)
# '... he called it "ambitious," and warned that buyers would "smell desperation"': a verb of saying joined
# to the last by "and", with no subject of its own, after a quotation in the same sentence.
BEFORE_JOINED = re.compile(rf"\s*,?\s*(?:and|but)\s+{_ADVERB}(?P<verb>{_VERB})" + _UP_TO_QUOTE)
# '... he said the talks had been "brief" and that he "respected her decision"': more of the same reported words.
# So are '... was investing "record amounts" and would "study the report"' (a second verb of the reported clause,
# with no subject of its own) and '... there had been "isolated irregularities" but "nothing that ..."'.
_AND_THAT = re.compile(
    r"\s*,?\s*(?:and\s+that\s+(?:[\w'’-]+\s+){0,4}|(?:and|but)\s+(?:(?:would|will|had|has|have|was|were|is|are"
    r"|be|been|could|should|might|must|not|also|then|still)\s+){0,3})$"
)
# 'According to Kiptoo, the shilling is "fairly valued"': the whole sentence is the words of who opens it.
ACCORDING_OPENS = re.compile(rf"\s*[Aa]ccording to\s+{_WHO}\s*,")
_PARTICIPLE = re.compile(r"\b(?P<verb>" + "|".join(PARTICIPLES) + r")\b")
# "(Anna Berg) quoted Tom Hart as saying": the one quoted is the speaker.
_QUOTED_AS = re.compile(rf"\bquoted\s+(?P<who>{_TITLE}{NAME})\s+as\s+(?:saying|telling|writing)\b")
_POSSESSIVE_END = re.compile(r"['’]s?$")
# The subject of a verb of saying that is a body or a document: "The regulator", "Her office", "the Environment
# Select Committee", after a phrase that sets the scene ("In a report published on Thursday").
_BODY_BEFORE_VERB = re.compile(
    r"\s*(?:(?:In|On|At|After|Before)\s+[^,\"]{1,60}?,?\s+)?(?P<who>(?:[Tt]he|[Ii]ts)\s+"
    r"(?:(?:[A-Z][\w'’-]*|\w*\d[\w'’-]*|[a-z]+-[a-z]+)\s+){0,4}"  # "The Audit Committee", "The 412-page report"
    r"(?P<noun>[A-Za-z][\w'’-]*)|(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?P<body>office|campaign|party|foundation|ministry"
    r"|report|statement|lawsuit|will|ruling|judgment|verdict|citation|minutes))"
    rf"\s+{_ADVERB}"
)  # "His letter" is his words, "Her office" and "His report" are not his
# "A report by council officers,", "One citation", "Its report": a document, the subject of what follows (not
# a letter, which is its writer's words, nor a statement, which is a body's or a person's).
_DOCUMENT_SUBJECT = re.compile(
    r"\s*(?P<who>(?:[Aa]n?|[Oo]ne|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:report|review|study|audit|survey|ruling|judgment|verdict|citation|notice|minutes)"
    r"(?:\s+(?:by|from|of|into|on)\s+[^,\"]{1,50}(?=,))?)(?=\s|,)"
)
_IT_SAID = re.compile(rf"\s*It\s+{_ADVERB}(?P<verb>{_VERB})\b")
# "A long-awaited government report has found the force to be "...": a document's finding, in its words.
_DOCUMENT_FOUND = re.compile(
    r"\s*(?:[A-Z][A-Z ]+_\s+|[A-Z]+\s+--?\s+)?"  # a dateline: "LONDON _ ", "PARIS -- "
    r"(?P<who>(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Aa]n?)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:report|inquiry|review|study|survey|audit|investigation))\s+(?:has\s+|had\s+)?(?:found|finds|concluded|concludes)\b"
)
# "The former cabinet secretary (said)": someone the article has named, by a role.
_ROLE_OPENS = re.compile(rf"\s*(?P<who>[Tt]he\s+(?:[a-z][\w-]*\s+){{0,3}}(?:{ROLE_NOUN}))\s+{_ADVERB}")
# "A senior official (said)", "In a statement, one diplomat (said)": someone unnamed, the subject of the verb.
_DESCRIBED_OPENS = re.compile(rf"\s*(?:(?:In|On|At|After|Before)\s+[^,\"]{{1,60}}?,?\s+)?{_DESCRIBED}\s+{_ADVERB}")
# "with prosecutors calling", "with the mayor's office saying": a participle with a subject of its own.
_WITH_SUBJECT = re.compile(r"\b[Ww]ith\s+(?P<who>(?:[\w'’.-]+\s+){1,4}?)$")
# "The city's mayor, calling ...": a described subject and its verb, in small letters ("The White House's
# choice to run the National Parks" is no subject and verb).
_DESCRIBED_SUBJECT = re.compile(r"^(?P<who>[Tt]he\s+[\w'’ -]{3,50}?)\s+(?:also\s+)?[a-z]+(?:ed|s)\b")


SPEAKER_BEFORE_VERB = re.compile(rf"{AT_CAPITAL}(?<![\w'’-])(?P<who>{NAME})(?:{_AGE},)?\s+{_ADVERB}(?P<verb>{_VERB})\b")
# A name set off by commas after its role: "the minister, Ana Pérez, said".
SPEAKER_SET_OFF = re.compile(rf",\s+(?P<who>{_TITLE}{NAME})(?:{_AGE})?,\s+{_ADVERB}(?P<verb>{_VERB})\b")
SPEAKER_AFTER_VERB = re.compile(rf"[,\"]\s*(?P<verb>{_VERB})\s+(?P<who>{_TITLE}{NAME})")
# A first and last name doing something in the past tense ("Hanna Lunde disagreed"): weaker,
# so only full names count (a single capitalised word is too often a country or a city).
SUBJECT_NAME = re.compile(
    rf"{AT_CAPITAL}(?<![\w'’-])(?P<who>{NAME_WORD}\s+{NAME_WORD}(?:\s+{NAME_WORD})?)"
    r"(?:,[^,\"]{1,60},)?\s+(?:also\s+)?(?:had\s+|has\s+)?[a-z]+ed\b"  # "Jelena Petrovic, his wife, had waited"
)
# "Joan Metcalfe was a 28-year-old staff nurse": a full name said to be a person of some kind.
NAME_IS_A = re.compile(
    rf"{AT_CAPITAL}(?<![\w'’-])(?P<who>{NAME_WORD}\s+{NAME_WORD})\s+(?:is|was)\s+(?:a|an|the)\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}(?:{ROLE_NOUN}|{_PERSON_NOUN})\b"
)
# "According to Hanna Vik, the cranes ...": whose account the sentence is, a person when named in full or
# with a title ("According to Mr Sands"; a single word is as often "Reuters" or "Nasa").
ACCORDING_NAMED = re.compile(
    rf"\b[Aa]ccording to\s+(?P<who>(?:{'|'.join(TITLES)})\.?\s+{NAME}|{NAME_WORD}(?:{NEXT_NAME_WORD}){{1,3}})"
    r"(?=\s*[,.;])"
)
# A full name with an age set off by commas is a person's: "Salvatore Esposito, 82, still comes in".
NAME_WITH_AGE = re.compile(rf"{AT_CAPITAL}(?<![\w'’-])(?P<who>{NAME_WORD}(?:{NEXT_NAME_WORD}){{1,3}}){_AGE},")
_AGE_CUE = re.compile(r",\s+\d{1,3},")
# An obituary's subject: "Dame Freya Holt, the first British woman to climb three of the world's 8,000m peaks,
# has died aged 94"; "Mountaineer Dame Freya Holt dies aged 94".
WHO_DIED = re.compile(
    rf"{AT_CAPITAL}(?<![\w'’-])(?P<who>{NAME})(?:,[^\"]{{1,150}}?,|,\s+who)?\s+(?:has\s+)?(?:died|dies)\b"
)  # and the Guardian's "Lord Pemberton, who has died aged 91, was ..."

_SMALL_WORD = re.compile(r"[a-z]+")
_PAST_WORD = re.compile(r"[a-z]ed\b")
# "He later wrote", and after a phrase that sets the scene: "In a 1988 judgment he wrote", "Later, she said".
_PRONOUN_AFTER_NAME = re.compile(r",\s+(?P<who>he|she)\b")
_PRONOUN_BEFORE_VERB = re.compile(
    r"\s*(?:(?:(?:In|At|On|During|After|Before|Years|Decades)\s+[^,\"]{1,40}?|Later|Earlier|Then),?\s+"
    r"(?P<who_after>he|she)|(?P<who>He|She))\s+(?:(?:also|later|then|once|has|had|[a-z]+ly)\s+)*"
)
# "Asked whether the vote would help her, she said it might, then added:": the pronoun after the question
# (the rest of the sentence looks like a phrase set off by commas, so it is read before they are taken out).
_ASKED_PRONOUN = re.compile(rf"\s*Asked\s+[^,\"]{{1,80}},\s+(?P<who>he|she)\s+{_ADVERB}(?P<verb>{_VERB})\b")
# Before a capitalised name that is not a person's: "the ministry said", "the Greens and the Liberals say",
# "the timber company Maderas del Sur said".
_ORGANISATION_NOUN = (
    r"(?:company|firm|group|agency|organi[sz]ation|party|club|union|bank|newspaper|magazine|ministry|council|"
    r"committee|charity|airline|band|team|court|board)"
)
_NOT_A_PERSON_BEFORE = re.compile(rf"\b(?:the|and|{_ORGANISATION_NOUN})\s+$", re.IGNORECASE)
_ORGANISATION_BEFORE = re.compile(rf"\b{_ORGANISATION_NOUN}\s+$", re.IGNORECASE)
# "The operator, Clydelink, said": one word set off after a noun for a business is the business's name.
# "churchwarden at St Peter's, Brackley Green, said": a place set off after a place, not a speaker
_PLACE_SET_OFF = re.compile(rf"\b(?:at|of|in|from|near)\s+(?:{NAME_WORD}\s+){{0,3}}{NAME_WORD}['’]?s?,\s+$")
_ORGANISATION_SET_OFF = re.compile(
    rf"\b(?:{_ORGANISATION_NOUN}|operator|owner|maker|carrier|retailer|supplier|manufacturer|insurer|developer|"
    r"publisher|broadcaster|network),\s+$",
    re.IGNORECASE,
)


def _organisation_named(text: str, who: re.Match[str]) -> bool:
    """Whether the one word a pattern found as the speaker is a business's or a place's name, not a
    person's: set off after "the operator," or after "of" or "in" ("The First Minister of Wales said")."""
    start = who.start("who")
    if " " in who["who"].strip() or who["who"].lower() in PRONOUNS:
        return False  # "then-US Secretary of State James Baker": a name of its own; "Outside court, she said"
    return text.endswith((" of ", " in "), 0, start) or ends_just_before(_ORGANISATION_SET_OFF, text, start)


def scan_speakers(sentence: str, people: People, where: tuple[int, int]) -> None:
    """Register the names that speak ("Lindqvist explained", '," said Mr Holm') as people,
    so that later pronouns and descriptions can point back to them."""
    plain = outside_quotes(sentence)
    searches: list[tuple[re.Pattern[str], str]] = []
    # Three of the patterns need a verb of saying, a whole word in small letters: many sentences have none.
    if not SPEECH_VERBS.isdisjoint(_SMALL_WORD.findall(plain)):
        searches += [(pattern, plain) for pattern in (SPEAKER_BEFORE_VERB, SPEAKER_SET_OFF, SPEAKER_AFTER_VERB)]
        if (short := APPOSITIVE.sub("", plain)) != plain:
            searches.append((SPEAKER_BEFORE_VERB, short))  # "Calder, who denied the plan, said"
    if _PAST_WORD.search(plain):  # the last pattern needs a verb in -ed
        searches.append((SUBJECT_NAME, plain))
    if " was a" in plain or " is a" in plain or " was the " in plain or " is the " in plain:
        searches.append((NAME_IS_A, plain))
    if " die" in plain:
        searches.append((WHO_DIED, plain))
    if _AGE_CUE.search(plain):  # ", 82,": few sentences give an age
        searches.append((NAME_WITH_AGE, plain))
    if "ccording to " in plain:
        searches.append((ACCORDING_NAMED, plain))
    for pattern, text in searches:
        for match in pattern.finditer(text):
            if (
                ends_just_before(_NOT_A_PERSON_BEFORE, text, match.start("who"))
                or text.endswith((" of ", " in "), 0, match.start())
                or _organisation_named(text, match)
                or ends_just_before(_PLACE_SET_OFF, text, match.start("who"))
            ):
                continue  # "the ministry said", "the Greens and the Liberals say", "Dicks of Washington cited"
            people.add(match["who"], where, extend=False)


@dataclass
class Attribution:
    person: Person | None
    cue: str
    rule: str
    confident: bool = True
    description: str = ""  # "The mayor's press officer": a speaker without a name
    candidates: list[Person] = field(default_factory=list)  # who a surname two people share may be
    doubt: str = ""  # why the speaker is less than sure, said in the draft
    pronoun: str = ""  # "he" or "she" when the speaker was named so: whoever it is answers to it


@dataclass
class Context:
    """What the sieve remembers while reading the article in order."""

    people: People
    last_speaker: Person | None = None
    last_description: str = ""  # the last quotation's speaker when the article does not name them
    last_subject: Person | None = None
    previous_had_quote: bool = False
    # Unnamed people described so far ("One longtime adviser"), by their noun, for "the adviser said" later;
    # and the last sentence's subject when it is one ("Another government source was less diplomatic."),
    # whom the next "he said" stands for.
    described: dict[str, str] = field(default_factory=dict)
    subject_described: str = ""
    # Sentences read so far, the one where last_subject and last_speaker were set, and the last where someone
    # the article does not name ("my brother", "a sergeant") was mentioned, by the pronoun they may take: a
    # "he" after such a mention may be that person rather than the one named before it.
    sentence: int = 0
    subject_at: int = 0
    speaker_at: int = 0
    unnamed_at: dict[str, int] = field(default_factory=dict)
    # The last speaker was one of several candidates, left to the teacher: its quotation's continuations are
    # left so too, but "he" after it is not taken to be that guess.
    speaker_unsure: bool = False
    # The narrator's relatives the article has named ("My father, Joseph Reddy, ..."), by relation: whom a later
    # "my father" stands for.
    relatives: dict[str, Person] = field(default_factory=dict)
    # Surnames the article has used alone for someone else than the one it is about (namesakes.the_principal):
    # a surname alone then no longer stands for that one by convention.
    surnames_shared: set[str] = field(default_factory=set)
    narrator: Person | None = None  # who "I" is, in an extract from a diary or a memoir (see narrator.py)
    at: tuple[int, int] = (0, 0)  # where the paragraph being read starts: first_seen of people found reading it
    words_read: set[str] = field(default_factory=set)  # the words of the article up to the paragraph being read
    speakers: list[Person] = field(default_factory=list)  # everyone quoted so far


# "One longtime adviser", "a senior official", "Another government source": someone the article does not name,
# a determiner and up to four words, the last of them a role or a word for a person (looked up in a set: an
# alternation of every such noun tried at every "a" is slower).
_INDEFINITE = re.compile(r"(?=[AaO])\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?P<words>(?:[\w'’-]+\s+){0,3}[\w'’-]+)")


# "The prime minister's official spokesman said", "Mr Hart's lawyer told": someone the article describes by
# whose they are, the subject of a verb of saying.
_OWNED_SPEAKER = re.compile(
    r"(?P<described>(?:[Tt]he\s+)?(?:[\w.-]+\s+){0,3}?[\w.-]+['’]s?\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z]+))"
    rf"\s+{_ADVERB}(?={_VERB}\b)"
)


def owned_speaker(clause: str) -> str:
    """The description of an unnamed speaker by whose they are ("Mr Hart's official spokesman") when it is
    the subject that opens `clause`; empty for a relative ("Mr Hart's father") or a thing ("Hart's remarks")."""
    match = _OWNED_SPEAKER.match(clause.lstrip())
    noun = match["noun"] if match else ""
    return match["described"] if match and noun in ROLE_NOUNS and noun not in _RELATIVE_PRONOUN else ""


def note_descriptions(plain: str, ctx: Context) -> None:
    """Remember the unnamed people a sentence (outside its quotations) describes, and whether one is its
    subject (see `Context.described`); and when it mentions a relative it does not name (`Context.unnamed_at`)."""
    start = len(plain) - len(plain.lstrip())
    ctx.subject_described = owned_speaker(plain)
    for match in _INDEFINITE.finditer(plain):
        words = match["words"].split()
        last = next((i for i in range(len(words) - 1, -1, -1) if _is_person_noun(words[i].lower())), None)
        if last is None or words[last].endswith("-old"):
            continue
        described = plain[match.start() : match.start("words")] + " ".join(words[: last + 1])
        ctx.described[words[last].lower()] = described
        if match.start() == start:
            ctx.subject_described = described
    if (  # few sentences name a relative: substring tests first, faster than a search
        " his " in plain or " her " in plain or " my " in plain or " our " in plain or " their " in plain
        or "His " in plain or "Her " in plain or "My " in plain or "Our " in plain or "Their " in plain
    ):  # fmt: skip
        for match in _UNNAMED_RELATIVE.finditer(plain):
            owner, relation = match.group().split()[0].lower(), match["relation"].lower()
            if named := ctx.people.mentions(plain[match.end() : match.end() + 40], first_only=True):
                if owner in ("my", "our") and named[0][0] <= 2:  # "My father, Joseph Reddy,": the narrator's
                    ctx.relatives[relation] = named[0][1]
                continue
            if owner in ("his", "her") and (given := _GIVEN_NEXT.match(plain, match.end())):
                # "said her son, Erik.": Erik, of the surname of whom "her" stands for
                pronoun = "he" if owner == "his" else "she"
                candidates = (ctx.last_speaker, ctx.last_subject, ctx.people.first_named())
                of = next((p for p in candidates if p and p.answers_to(pronoun)), None)
                if of is not None and " " in of.name and (named := ctx.people.add(f"{given[1]} {of.surname}", ctx.at)):
                    named.related_as(relation)
                    continue
            if owner in ("his", "her"):
                relative = _relative_of(f"{owner} {relation}", ctx)
            else:
                relative = ctx.relatives.get(relation)
            if relative is not None:
                if match.start() == start or not ctx.people.mentions(plain, first_only=True):
                    # 'Her husband laughs.', 'When I told my father, he went out': about the relative named before
                    ctx.last_subject, ctx.subject_at = relative, ctx.sentence
                continue
            ctx.unnamed_at[_RELATIVE_PRONOUN[relation]] = ctx.sentence


_GIVEN_NEXT = re.compile(rf",\s+({NAME_WORD})(?=[,.;]|\s+(?:and|who)\b)")  # ", Erik." after "her son"
# "my brother Tommy", "his late father", "Her mother": a relative, and the pronoun one takes; not when a known
# name follows ("My father, Joseph Reddy,": see note_descriptions).
_RELATIVE_PRONOUN = {
    **dict.fromkeys("father dad brother son husband uncle grandfather grandson nephew".split(), "he"),
    **dict.fromkeys("mother mum mom sister daughter wife aunt grandmother granddaughter niece".split(), "she"),
}
_UNNAMED_RELATIVE = re.compile(
    r"(?=[MmHhOoTt])\b(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur|[Tt]heir)\s+(?:(?:elder|younger|eldest|youngest|older|late)\s+)?"
    rf"(?P<relation>{'|'.join(_RELATIVE_PRONOUN)})\b"
)


def _resolve(who: str, ctx: Context, before_text: str) -> tuple[Person | None, bool]:
    """The person the words naming a speaker refer to, and whether that is certain."""
    word = who.strip()
    lower = word.lower()
    if lower == "they":
        return None, False  # a family, the police, officials: not the one person last named
    if lower in PRONOUNS:
        # "he said" after a sentence about someone is about that someone; after a quotation,
        # it is the one who was quoted; never one whose title says otherwise ("Mrs Reed" is not "he").
        speaker = None if ctx.speaker_unsure else ctx.last_speaker
        first, second = (speaker, ctx.last_subject) if ctx.previous_had_quote else (ctx.last_subject, speaker)
        fitting = [p for p in (first, second) if p is not None and p.answers_to(lower)]
        if fitting and ctx.unnamed_at.get(lower, -1) > (
            ctx.subject_at if fitting[0] is ctx.last_subject else ctx.speaker_at
        ):
            return None, False  # 'Critchley said ... My father went out. "...," he said.': the father, maybe
        return (fitting[0] if fitting else None), False
    if lower.startswith("the "):
        noun = lower.split()[-1]
        if noun.endswith("s") and noun[:-1] in ROLE_NOUNS:
            return None, False  # "the ministers pledged": many people, not the one last named
        person = _holder_of(lower.split()[1:], ctx, before_text)
        if person is None and word.split()[-1][:1].islower():  # "said the Lord Mayor": only one known to be so
            person = _latest_mention(ctx, before_text) or ctx.last_speaker
        if person is not None:
            person.add_role(Role(noun))
        return person, False
    person = ctx.people.find(word)
    if person is None:
        person = ctx.people.add(word, (0, 0), extend=False)
    return person, person is not None


_CONJUNCTIONS = STOP_ROLE_WORDS | frozenset("if unless because so when whether where".split())


def _relative_of(words: str, ctx: Context) -> Person | None:
    """The person "his mother" or "her husband" stands for: the one the article introduces as that relative
    of someone with the surname of whom "his" or "her" stands for (the last speaker, else the last named),
    when there is exactly one; else None."""
    owner_word, relation = words.split()
    pronoun = "he" if owner_word == "his" else "she"
    owner = next((p for p in (ctx.last_speaker, ctx.last_subject) if p and p.answers_to(pronoun)), None)
    if owner is None:
        return None
    fitting = [p for p in ctx.people.bearers(owner.surname) if p is not owner and p.relation == relation]
    return fitting[0] if len(fitting) == 1 else None


_MY_RELATIVE = re.compile(rf"\b[Mm]y\s+(?:{RELATIONS}|dad|mum|mom|grandad|grandmother|grandfather)\b")
_MY_RELATIVE_SAID = re.compile(rf"\b[Mm]y\s+(?P<relation>{RELATIONS})\s+{_ADVERB}(?P<verb>{_VERB}){_UP_TO_QUOTE}")


def relative_said(clause: str, owner: Person | None, ctx: Context) -> Attribution | None:
    """'My wife said, "..."' in Peter Whitcombe's words: the one relative of his the article names so
    ("His wife, Anne Whitcombe"); None when it names none or several."""
    if owner is None or not (said := _MY_RELATIVE_SAID.search(clause)):
        return None
    fitting = [p for p in ctx.people.bearers(owner.surname) if p is not owner and p.relation == said["relation"]]
    return Attribution(fitting[0], said["verb"].lower(), "before", False) if len(fitting) == 1 else None


def _is_person_noun(word: str) -> bool:
    """Whether a noun after "the" stands for a person: a role ("the minister"), a word for a person ("the
    widow") or an age ("the 45-year-old")."""
    return word in ROLE_NOUNS or word in PERSON_NOUNS or word.endswith("-old")


def _named(who: str, verb: str, rule: str, ctx: Context, history: str) -> Attribution | None:
    """The attribution to whoever the words naming a speaker stand for (`_resolve`). For "he" or "she", the
    draft says whom it was taken to be, and who else it could be: the last person quoted or the last named;
    after a sentence with no quotation that names two people the pronoun fits, both are the candidates and
    the speaker is left to the teacher (`_could_be`)."""
    pronoun = who.strip().lower()
    if pronoun.startswith(("his ", "her ")):
        if (relative := _relative_of(pronoun, ctx)) is None:
            return None  # "his mother said", and no mother of his named: no one to name
        return Attribution(relative, verb, rule, False, doubt=f"'{who.strip()}' taken to be {relative.name}")
    if pronoun in PRONOUNS and ctx.subject_described and not ctx.previous_had_quote:
        # 'Another government source was less diplomatic. "...," he said.'
        return Attribution(None, verb, rule, False, ctx.subject_described)
    if (
        pronoun in ("he", "she")
        and ctx.previous_had_quote
        and ctx.last_description
        and _is_person_noun(_head_noun(ctx.last_description))  # "one observer in Orvik", never "a report"
    ):
        # '"...," one observer said. [new paragraph] "...," he said.': the observer again
        return Attribution(None, verb, rule, False, ctx.last_description)
    words = who.split()
    noun = words[-1]
    if (
        pronoun.startswith("the ")
        and noun.islower()
        and not _is_person_noun(noun.removesuffix("s"))
        and _CONJUNCTIONS.isdisjoint(words[1:])  # "(serve on) the committee if (asked)": no subject at all
    ):
        return Attribution(None, verb, rule, False, who.strip())  # "the interim report said": a document's words
    person, confident = _resolve(who, ctx, history)
    named = _could_be(pronoun, ctx, history) if pronoun in PRONOUNS and not ctx.previous_had_quote else []
    if person is None and len(named) == 1:
        person = named[0]  # "Mrs Berg accused Tom Hart of lying. '...,' he replied.": the one "he" can be
    if person is None and not named and (only := _only_one_called(pronoun, ctx, history)):
        # 'She pauses. "Ask me later," she says.' in an interview with one woman: her
        doubt = f"'{who.strip()}' taken to be {only.name}: no one else it may stand for is named nearby"
        return Attribution(only, verb, rule, False, doubt=doubt, pronoun=pronoun)
    if person is None:
        return None
    doubt = ""
    if pronoun in PRONOUNS:
        if len(named) > 1:
            return Attribution(person, verb, rule, False, candidates=named)
        others = [p for p in (ctx.last_speaker, ctx.last_subject) if p and p is not person and p.answers_to(pronoun)]
        doubt = f"'{who.strip()}' taken to be {person.name}" + (f"; it could be {others[0].name}" if others else "")
        if (
            pronoun != "they"
            and not person.pronoun
            and not ctx.people.shared_by(person)
            and all(p is person for _, p in ctx.people.mentions(outside_quotes(history)))
        ):
            person.pronoun = pronoun  # "he said" once of the one person named nearby: no "she said" later is his
    return Attribution(person, verb, rule, confident, doubt=doubt, pronoun=pronoun if pronoun in PRONOUNS else "")


_AFTER_PREPOSITION = re.compile(rf"\b(?:about|to|with|for|from|of|by|against|at|on|in)\s+(?:the\s+)?{_TITLE}$")


def _unnamed_relative(pronoun: str, text: str) -> bool:
    """Whether `text` mentions a relative that `pronoun` may stand for and that it does not name ("her father")."""
    return any(
        _RELATIVE_PRONOUN[m["relation"].lower()] == pronoun and not _NAMED_NEXT.match(text, m.end())
        for m in _UNNAMED_RELATIVE.finditer(text)
    )


_NAMED_NEXT = re.compile(rf",?\s+{NAME_WORD}")  # "her father, Tom Lund," or "my brother Tommy": named


_LEAD_PARAGRAPHS = 2  # the headline, a standfirst or byline, the first paragraph
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]+")


def _head_noun(description: str) -> str:
    """The noun a description is about: "observer" in "one observer in Orvik", "report" in "A report by ..."."""
    return _PREPOSITION.split(description, maxsplit=1)[0].split()[-1].lower()


_PREPOSITION = re.compile(r"\s+(?:in|at|of|from|for|with|by|close\s+to|representing)\s+")


def _only_one_called(pronoun: str, ctx: Context, history: str) -> Person | None:
    """The one person quoted so far whom the article calls "he" (or "she"), or with no one quoted so, the one
    it is about; when no one unnamed was mentioned with that pronoun since, nor in `history` ("her father's
    advice: he had told her")."""
    if pronoun not in ("he", "she") or ctx.unnamed_at.get(pronoun, -1) > ctx.speaker_at:
        return None
    if _unnamed_relative(pronoun, history) or any(
        ctx.people.bearers(word) or word in ctx.people.by_name for word in _CAPITALISED.findall(history)
    ):
        return None  # "a letter Lindqvist had written, in which he said": whoever Lindqvist is, it is he
    called = {id(p): p for p in ctx.speakers if p.pronoun == pronoun}
    if len(called) == 1:
        return next(iter(called.values()))
    # or, with no one quoted so, whom the article is about: the first person it names, in its first paragraphs
    # (an obituary's or a profile's subject)
    first = sorted(ctx.people.by_name.values(), key=lambda p: p.first_seen)[:2]
    if called or not first or (len(first) == 2 and first[1].first_seen[0] == first[0].first_seen[0]):
        return None  # "Jon Vik and his brother, Piet Vik,": the first paragraph names two
    lead = first[0]
    return lead if lead.first_seen[0] <= _LEAD_PARAGRAPHS and lead.pronoun == pronoun else None


def _subjects_before(pronoun: str, ctx: Context, clause: str) -> list[Person]:
    """Those `_could_be` finds in `clause` who are not named in a clause of their own ("when Mors raised it,")."""
    plain = outside_quotes(clause)
    return [
        person
        for person in _could_be(pronoun, ctx, clause)
        if not any(
            _SUBORDINATE_BEFORE.search(plain, 0, start)
            for start, named in ctx.people.mentions(plain)
            if named is person
        )
    ]


_SUBORDINATE_BEFORE = re.compile(
    r"\b(?:when|while|after|before|if|as|because|since|that|until|once)\s+(?:[A-Z][\w.'’-]*\s+){0,3}$"
)


def _could_be(pronoun: str, ctx: Context, history: str) -> list[Person]:
    """Everyone "he" or "she" (or, with no pronoun, anyone) may stand for after a sentence with no quotation:
    the people `history` (that sentence and this one up to the quotation) names, not in the possessive,
    whom no title rules out.
    "Anna Berg accused Tom Hart of lying. '...,' he replied." may be either: the text does not say."""
    plain = outside_quotes(history)
    found: dict[int, Person] = {}
    for start, person in ctx.people.mentions(plain):
        if (
            (not pronoun or person.answers_to(pronoun))
            and not is_possessive(plain, start)
            and (  # "Asked about Anna Berg, he said"; but "..., according to Paul. '...,' he said" is Paul
                not ends_just_before(_AFTER_PREPOSITION, plain, start) or plain.endswith("according to ", 0, start)
            )
        ):
            found.setdefault(id(person), person)
    return list(found.values())


def _described_earlier(who: str, history: str, ctx: Context) -> str:
    """ "the official" after "A union official said ...": the unnamed speaker described before, not
    the last person named; further back ("One longtime adviser", paragraphs before), when no one named
    has the role. Empty when `who` is not such a description or none came before."""
    words = who.split()
    if len(words) < 2 or words[0].lower() != "the" or not words[-1].isalpha():
        return ""
    found = re.findall(rf"\b(?:[Aa]n?)\s+(?:[\w'’-]+\s+){{0,3}}{re.escape(words[-1])}\b", history)
    if found:
        return found[-1]
    noun = words[-1].lower()
    return ctx.described.get(noun, "") if not ctx.people.holders(noun) else ""


def _holder_of(words: list[str], ctx: Context, text: str) -> Person | None:
    """The person "the premier" stands for: the one known by that role ("Chinese Premier Wen Jiahe"), the
    latest named in `text` if several are, not whoever was named last. "The Thai minister" is one whose
    role has both words, if anyone's has."""
    holders = _holders_so_far(words[-1], ctx)  # not one named later
    if len(holders) > 1 and len(words) > 1:
        ids = {id(person) for person in ctx.people.holders(words[0])}
        holders = [person for person in holders if id(person) in ids] or holders
    if len(holders) > 1:
        ids = {id(person) for person in holders}
        named = [person for _, person in ctx.people.mentions(text) if id(person) in ids]
        if named:
            return named[-1]
        if "former" not in words:  # "the president" is not "Former President Douglas Crane"
            holders = [person for person in holders if not all(_former(role.title) for role in person.roles)]
        return holders[0] if len(holders) == 1 else None
    return holders[0] if holders else None


def _former(title: str) -> bool:
    """Whether a role is one held before: "Former President", "ex-chairman"."""
    return title.lower().startswith(("former ", "ex-"))


def _only_holder(description: str, ctx: Context) -> Person | None:
    """ "The chancellor (has defended ...)", when the one person of the article with a role of that noun has
    it in just those words: that person, who may be named only later ("Chancellor Mark Ellison"). None
    when another has the noun, or has it with more words ("Shadow chancellor Helen Price" is not "the
    chancellor")."""
    words = description.lower().split()[1:]
    if not words or words[-1] not in ROLE_NOUNS:
        return None
    holders = ctx.people.holders(words[-1])
    fitting = [p for p in holders if any(r.title.lower().split() == words for r in p.roles if r.evidence)]
    return fitting[0] if len(fitting) == 1 and len(holders) == 1 else None


def _latest_mention(ctx: Context, text: str) -> Person | None:
    mentions = ctx.people.mentions(text)
    return mentions[-1][1] if mentions else ctx.last_subject


# "A spokesman for Mr Hart", "a lawyer representing Tom Hart", "a friend of Hart": a name after these is not
# the speaker, whoever is.
_ON_BEHALF_OF = re.compile(
    rf"\b(?:for|of|from|with|by|against|representing|behalf\s+of|close\s+to)\s+(?:the\s+)?{_TITLE}$"
)
# "Brian and Susan Metcalfe said": two people speaking as one, so neither is the speaker alone.
_JOINT = re.compile(rf"{NAME_WORD}\s+and\s+$")

# A comma-bounded phrase that starts with a small letter: "..., the president of X, ...", ", who ...,".
APPOSITIVE = re.compile(
    r",\s+[a-z][^,\"]*\b(?:at|of|in|from)\s+[A-Z][^,\"]*,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3},"
    r"|,\s+[a-z][^,\"]*,"
)  # and one that ends in a place named in two parts: ", churchwarden at St Peter's, Brackley Green,"


def _starts_own_sentence(after: str, end: int, quoted: str) -> bool:
    """Whether the name and verb after a quotation that ends in a full stop begin a sentence of their own
    ('"... all the arguments." Mr Vik described the remarks as ...'), not a tag that closes it ('"... all
    the arguments." Mr Vik said.'): the verb is followed by more than the end of its clause."""
    return quoted.rstrip().endswith(".") and not re.match(r"\s*(?:[.,;:]|$)", after[end:])


def _introduces_next(after: str, end: int, quoted: str) -> bool:
    """Whether the speaker and verb found after a quotation start a new sentence that introduces
    the next quotation ('"...". He said: "..."') rather than closing this one."""
    new_sentence = after.lstrip().startswith(".") or quoted.rstrip().endswith((".", "!", "?"))
    return new_sentence and bool(re.match(r"\s*[:\"]", after[end:]))


_QUOTED = re.compile(r'"[^"]*"')


def outside_quotes(text: str) -> str:
    """`text` with quoted words blanked out, so that names inside quotations are not mentions."""
    if '"' not in text:
        return text  # most sentences: no regular expression needed
    return _QUOTED.sub(lambda m: " " * len(m.group()), text)


def attribute(
    local_before: str,
    after: str,
    sentence_before: str,
    previous_sentence: str,
    ctx: Context,
    continues: bool,
    quoted: str = "",
) -> Attribution | None:
    """Apply the sieve to one quotation (see `_sieve` for the arguments). A speaker named by a surname two
    people of the article share is the one of them who spoke last when the quotation goes on, else the one
    `namesakes.which_one` finds, said so in the draft; else it is left to the teacher with its candidates."""
    found = _sieve(local_before, after, sentence_before, previous_sentence, ctx, continues, quoted)
    if found is not None and found.pronoun and _unnamed_relative(found.pronoun, outside_quotes(sentence_before)):
        return None  # 'she described her father's advice: he had told her, "..."': the father, whom no one names
    if found is None or found.person is None or not (bearers := ctx.people.shared_by(found.person)):
        return found
    if found.pronoun:
        # '"...," he said' of a surname that a woman and a man share: only he, if the article has named him yet
        if not (bearers := [p for p in bearers if p.answers_to(found.pronoun) and _named_so_far(p, ctx.words_read)]):
            return None
        if len(bearers) == 1:
            return replace(found, person=bearers[0], confident=False)
    going_on = found.rule == "continuation" or (found.rule == "previous sentence" and ctx.previous_had_quote)
    if going_on and any(p is ctx.last_speaker for p in bearers):
        return replace(found, person=ctx.last_speaker)
    introduced = [p for p in bearers if _named_so_far(p, ctx.words_read)]
    title = _TITLE_BEFORE.search(local_before[-40:] + " " + after[:40])
    title = title if title and title["surname"] == found.person.surname else None
    if len(introduced) == 1 and not going_on and (title is None or may_be_called(introduced[0], title["title"])):
        # "Mrs Ellery said" before the article has named any other Ellery: a news article names a person in
        # full before it calls them by surname, so the surname is the one named so far
        person = introduced[0]
        if title:
            person.titled(title["title"])  # and "Mr Ellery", later, is not her
        reason = f"'{person.surname}' taken to be {person.name}, the only one named so far"
        reason += f"; {_others_named(person, bearers)}"
        return replace(found, person=person, confident=False, doubt=reason)
    history = outside_quotes(previous_sentence + " " + local_before)
    nearby = local_before[-60:] + " " + after[:60]
    person, doubt, allowed, alone = which_one(found.person.surname, bearers, history, nearby)
    principal = the_principal(bearers)
    if person is not None:
        if person is not principal and alone:
            ctx.surnames_shared.add(found.person.surname)  # '"...," Brennick said' of his daughter: no convention
        return replace(found, person=person, confident=False, doubt=doubt)
    if (
        principal is not None
        and len(allowed) == len(bearers)
        and found.person.surname not in ctx.surnames_shared
        and not _THIRD_PERSON_START.match(quoted)
        and not _MY_RELATIVE.search(quoted)
        and not (going_on and ctx.speaker_unsure)  # the rest of words left to the teacher is left so too
    ):
        # the subject of an obituary or a profile, quoted in words that do not speak of another ("He taught me")
        # or of family ("My father taught me": a son's, maybe), in an article that has called no one else by the
        # surname alone
        doubt = f"'{found.person.surname}' taken to be {principal.name}, whom the article is about"
        return replace(found, person=principal, confident=False, doubt=doubt)
    return replace(found, confident=False, candidates=allowed)


_SURNAME_TITLES = "|".join(sorted((*COURTESY_TITLES, *CALLED_BY_TITLE), key=len, reverse=True))
_TITLE_BEFORE = re.compile(rf"\b(?P<title>{_SURNAME_TITLES})\.?\s+(?P<surname>{NAME_WORD})")  # "Colonel Strand"


# "(Asked whether he might run, ) the new senator smiled.": a subject named by a role, and its verb.
_ROLE_SUBJECT = re.compile(
    rf"(?:^\s*|,\s+)(?P<who>[Tt]he\s+(?:[a-z][\w-]*\s+){{0,3}}(?:{ROLE_NOUN}))\s+(?:{_ADVERB})[a-z]+(?:ed|s)\b"
)


def role_subject(plain: str, ctx: Context) -> Person | None:
    """The one person named so far with the role that a sentence naming no one has as its subject ("the new
    senator smiled"), for a "he said" after it; else None."""
    if not (match := _ROLE_SUBJECT.search(plain)):
        return None
    words = match["who"].lower().split()[1:]
    holders = _holders_so_far(words[-1], ctx)
    return holders[0] if len(holders) == 1 else None


def _holders_so_far(word: str, ctx: Context) -> list[Person]:
    """The people with `word` in a role whom the text read so far names."""
    return [p for p in ctx.people.holders(word) if _named_so_far(p, ctx.words_read)]


def note_titles(plain: str, ctx: Context) -> None:
    """Give the title a sentence uses with a shared surname ("Mrs Ellery said she ...", "Colonel Strand's
    grandchildren") to the one of its
    bearers the article has named so far, when only one is: so that "Mr Ellery", once the other is named,
    is told apart from her."""
    for match in _TITLE_BEFORE.finditer(plain):
        bearers = ctx.people.bearers(_POSSESSIVE_END.sub("", match["surname"]))  # "Colonel Strand's"
        introduced = [p for p in bearers if _named_so_far(p, ctx.words_read)] if len(bearers) > 1 else []
        if len(introduced) == 1 and may_be_called(introduced[0], match["title"]):
            introduced[0].titled(match["title"])


def _named_so_far(person: Person, words_read: set[str]) -> bool:
    """Whether the text read so far names `person` by their first name ("Paul", "Paul Marchetti"), or in full
    when the name has none ("Lord Hale")."""
    first = first_name(person)
    return all(word in words_read for word in WORD.findall(person.name if first == person.surname else first))


WORD = re.compile(r"\w[\w-]*")  # a word as `words_read` holds them: "Strand's" is "Strand" and "s"


def _others_named(person: Person, bearers: list[Person]) -> str:
    return " and ".join(p.name for p in bearers if p is not person) + " (named later) has the surname too"


def _sieve(
    local_before: str,
    after: str,
    sentence_before: str,
    previous_sentence: str,
    ctx: Context,
    continues: bool,
    quoted: str = "",
) -> Attribution | None:
    """The sieve's attribution of one quotation. `local_before` is the sentence up to the opening mark
    (from the end of any earlier quotation in it), `sentence_before` the whole sentence up to it,
    `after` the text after the closing mark, `continues` whether another quotation just ended,
    `quoted` the words between the marks."""
    history = outside_quotes(previous_sentence + " " + local_before)
    # A full stop after the closing mark ends the sentence: "... called it 'a betrayal'. He said the
    # party would ..." begins a sentence about something else, whoever "he" is.
    ended = _ENDED_OUTSIDE.match(after) is not None
    afters = (
        AFTER_ROLE_THEN_NAME, AFTER_ROLE_NAME_VERB, AFTER_VERB_FIRST, AFTER_WHO_FIRST, AFTER_DESCRIBED_NAME,
        AFTER_ACCORDING,
    )  # fmt: skip
    for pattern in () if ended else afters:
        if pattern is AFTER_DESCRIBED_NAME and quoted.rstrip().endswith("."):
            continue  # '"We always have." Her deputy Tomas Vik said the board would meet ...': a new sentence
        if (
            (match := pattern.match(after))
            and not _introduces_next(after, match.end(), quoted)
            and not _starts_own_sentence(after, match.end(), quoted)
            and not ends_just_before(
                _ORGANISATION_BEFORE, after, match.start("who")
            )  # "the campaign group Bosque Vivo"
            and not ends_just_before(_ON_BEHALF_OF, after, match.start("who"))
            and not _POSSESSIVE_END.search(match["who"])  # "said Mr. Hart's spokesman": not Mr. Hart
        ):
            if ends_just_before(_JOINT, after, match.start("who")) or _organisation_named(after, match):
                return None  # '"...," Brian and Susan Metcalfe said': the two of them; "said the operator, Clydelink"
            if described := _described_earlier(match["who"], history, ctx):
                return Attribution(None, match["verb"].lower(), "after", False, described)
            if found := _named(match["who"], match["verb"].lower(), "after", ctx, history):
                return found
    for pattern in () if ended else (AFTER_DESCRIBED, AFTER_DESCRIBED_FIRST):
        if (match := pattern.match(after)) and not _introduces_next(after, match.end(), quoted):
            return Attribution(None, match["verb"].lower(), "after", False, match["described"])
    # The second part of a split quotation: '"The strike," said Nora Hale, the union leader, "will go on."'
    for pattern in (AFTER_VERB_FIRST, AFTER_WHO_FIRST) if continues else ():
        if (
            (match := pattern.match(outside_quotes(local_before)))
            and not _described_earlier(match["who"], history, ctx)
            and (found := _named(match["who"], match["verb"].lower(), "between", ctx, history))
        ):
            # '"The strike," said Nora Hale, "will go on."' is between; '"..." Nora Hale called it "a farce"', a
            # sentence of its own, names its speaker before the quotation
            return found if local_before.lstrip()[:1] in ",;:-—–" else replace(found, rule="before")
    if continues and (ctx.last_speaker or ctx.last_description) and (joined := BEFORE_JOINED.match(local_before)):
        # 'The document said the plan "..." and warned that "...": whoever spoke the quotation before
        return Attribution(_last_named(ctx), joined["verb"].lower(), "before", False, ctx.last_description)
    if continues and (ctx.last_speaker or ctx.last_description) and _AND_THAT.fullmatch(local_before):
        return Attribution(_last_named(ctx), "continued", "before", False, ctx.last_description)
    # The patterns with a verb of saying before the quotation need one among the last words before it:
    # up to four words and a comma or colon may follow the verb (_UP_TO_QUOTE).
    verb_before = any(word.rstrip(",:") in SPEECH_VERBS for word in local_before.split()[-6:]) or (
        " on" in local_before[-6:] and _GOING_ON_WORDS.search(local_before[-12:]) is not None
    )
    match = (
        verb_before
        and (
            BEFORE.search(local_before)
            or BEFORE_SET_OFF.search(local_before)
            or BEFORE_ROLE_SET_OFF.search(local_before)
        )
    ) or BEFORE_ACCORDING.search(local_before)
    if (
        match
        and not ends_just_before(_ON_BEHALF_OF, local_before, match.start("who"))  # not "a lawyer for Hart"
        and not _POSSESSIVE_END.search(match["who"])  # "Lord Hale's comments were": a noun, not Lord Hale speaking
        and not _AFTER_A_PREPOSITION.search(local_before, 0, match.start("who"))  # "presented to the meeting said"
        and not ends_just_before(_PLACE_SET_OFF, local_before, match.start("who"))  # "at St Peter's, Brackley Green,"
    ):
        if match["who"] == "I" and ctx.narrator is not None:
            # 'I said, "Tell them the King."' in a diary's extract: the diarist's words
            return Attribution(ctx.narrator, match["verb"].lower(), "before", False)
        if (
            match["who"].lower() in FIRST_PERSON
            or ends_just_before(_ORGANISATION_BEFORE, local_before, match.start("who"))
            or _organisation_named(local_before, match)
            or ends_just_before(_JOINT, local_before, match.start("who"))  # "Hart and Anna Berg said"
        ):
            return None
        if described := _described_earlier(match["who"], history, ctx):
            return Attribution(None, match["verb"].lower(), "before", False, described)
        pronoun = match["who"].lower()
        if (
            pronoun in ("he", "she")
            and len(here := _subjects_before(pronoun, ctx, local_before[: match.start("who")])) == 1
        ):
            # "Coun. Ann Hale supported the plan but attacked the committee for what she called its "...": she
            doubt = f"'{match['who']}' taken to be {here[0].name}, named before it in the sentence"
            return Attribution(here[0], match["verb"].lower(), "before", False, doubt=doubt, pronoun=pronoun)
        if found := _named(match["who"], match["verb"].lower(), "before", ctx, history):
            return found
    if verb_before and (match := BEFORE_DESCRIBED.search(local_before)):
        return Attribution(None, match["verb"].lower(), "before", False, match["described"])
    plain_before = outside_quotes(local_before)
    whole_before = outside_quotes(sentence_before)
    if "quoted " in whole_before and (
        quoted_as := _QUOTED_AS.search(whole_before)
    ):  # "Anna Berg quoted Tom Hart as saying:"
        return _named(quoted_as["who"], "quoted", "participle", ctx, history)
    if participle := _PARTICIPLE.search(whole_before):
        if own := _WITH_SUBJECT.search(whole_before, 0, participle.start()):
            # "... on Monday, with prosecutors calling him '...'": the participle's subject is the with-phrase's
            named = ctx.people.mentions(own["who"])
            return Attribution(named[-1][1], participle["verb"], "participle", False) if named else None
        subject = ctx.people.mentions(whole_before[: participle.start()])
        if (
            (pronoun := _PRONOUN_BEFORE_VERB.match(whole_before))
            and VERB_WORD.match(whole_before, pronoun.end())  # "He said ..., adding": not "She refused ..., telling"
            and (not subject or subject[0][0] > pronoun.end())
        ):
            # 'He said Mr Hart had spoken with "...", adding:': whoever "he" is, never the one he speaks of
            by_pronoun = _named(
                pronoun["who"] or pronoun["who_after"],
                participle["verb"],
                "participle",
                ctx,
                outside_quotes(previous_sentence + " " + whole_before[: pronoun.end()]),
            )
            return replace(by_pronoun, confident=False) if by_pronoun else None
        if subject:
            return Attribution(subject[0][1], participle["verb"], "participle", True)
        if described := _DESCRIBED_SUBJECT.match(whole_before.strip()):
            if not _is_person_noun(described["who"].split()[-1]):
                return None  # "The city's choice to run the National Archives appeared ..., saying": no one's
            if holder := _only_holder(described["who"], ctx):
                return Attribution(holder, participle["verb"], "participle", False)
            return Attribution(None, participle["verb"], "participle", False, described["who"])
    # The verb and its subject outside appositions and relative clauses: "Dame Ann Roe, the president of
    # the Tax Division, said" is Dame Ann Roe; "Calder, who has denied the plan, said" is said by Calder.
    if (asked := _ASKED_PRONOUN.match(whole_before)) and (
        found := _named(asked["who"], asked["verb"], "verb in sentence", ctx, history)
    ):
        return replace(found, confident=False)
    main_clause = APPOSITIVE.sub(" ", whole_before)
    if verb_here := VERB_WORD.search(main_clause):
        mentions = ctx.people.mentions(main_clause[: verb_here.start()])
        if described := owned_speaker(main_clause):
            return Attribution(None, verb_here.group(), "verb in sentence", False, described)
        if (
            not mentions
            and (role := _ROLE_OPENS.fullmatch(main_clause[: verb_here.start()]))
            and (found := _named(role["who"], verb_here.group(), "verb in sentence", ctx, history))
        ):
            # 'The former cabinet secretary said in an interview with a weekly:' (see _resolve for "the ...")
            return replace(found, confident=False)
        if not mentions and (described := _DESCRIBED_OPENS.fullmatch(main_clause[: verb_here.start()])):
            # 'A senior party source said the party had been "complacent"'
            return Attribution(None, verb_here.group(), "verb in sentence", False, described["described"])
        if _other_subject_speaks(main_clause, verb_here.end()):
            return None  # 'He said Thewlis had told him the clock had "..."': Thewlis's words, as he tells them
        if (
            len(mentions) > 1
            and mentions[0][0] <= _SUBJECT_AT
            and _IN_CLAUSE.search(main_clause, 0, mentions[-1][0])
            and _BACK_TO_MAIN.search(main_clause, mentions[-1][0], verb_here.start())
        ):
            mentions = mentions[:1]  # "Judge Carr accepted that Pettigrew was sorry but said": the judge
        if mentions and (
            ends_just_before(_JOINT, main_clause, mentions[-1][0])
            or ends_just_before(_ON_BEHALF_OF, main_clause, mentions[-1][0])
            or _owner_not_speaker(main_clause, *mentions[-1])  # "Sophie Carrow's father, the GP, said": his words
        ):
            return None  # "Brian and Susan Metcalfe said the hall ...": the two of them; "a lawyer for Hart said"
        if mentions and (pronoun := _PRONOUN_AFTER_NAME.search(main_clause, mentions[-1][0], verb_here.start())):
            # "According to Quinlan, he took her aside and said:": "he", not the one named before
            found = _named(pronoun["who"], verb_here.group(), "verb in sentence", ctx, history)
            return replace(found, confident=False) if found else None
        if mentions:
            return Attribution(mentions[-1][1], verb_here.group(), "verb in sentence", False)
        # 'He later wrote in his memoirs that the strike "would collapse"': whoever "he" is; never one named after
        # the verb ('He said Mr Hart had spoken with "..."' is not Mr Hart's)
        if (pronoun := _PRONOUN_BEFORE_VERB.fullmatch(main_clause[: verb_here.start()])) and (
            found := _named(
                pronoun["who"] or pronoun["who_after"],
                verb_here.group(),
                "verb in sentence",
                ctx,
                outside_quotes(previous_sentence + " " + main_clause[: verb_here.start()]),
            )
        ):
            return replace(found, confident=False)
        # 'The regulator said in a statement that it "accepts ..."', 'In a report, the Environment Committee said
        # ...': a body's or a document's words, not the last person named
        if (body := _BODY_BEFORE_VERB.fullmatch(main_clause[: verb_here.start()])) and not _is_person_noun(
            (body["noun"] or body["body"]).lower().removesuffix("s")
        ):
            return Attribution(None, verb_here.group(), "verb in sentence", False, body["who"])
    if found_by := _DOCUMENT_FOUND.match(main_clause):
        return Attribution(None, "found", "verb in sentence", False, found_by["who"])
    if (
        (document := _DOCUMENT_SUBJECT.match(whole_before))
        and (verb := VERB_WORD.search(main_clause))
        and not ctx.people.mentions(main_clause[: verb.start()])
    ):
        # 'A report by council officers, sent last week, put the cost at £2m and described the plant as "..."'
        return Attribution(None, verb.group(), "verb in sentence", False, document["who"])
    if (
        ctx.last_description
        and ctx.previous_had_quote
        and (it := _IT_SAID.match(main_clause))
        and _DOCUMENT_SUBJECT.match(ctx.last_description + " ")
    ):
        # '... described the plant as "...". It warned that another season would carry "..."': the report again
        return Attribution(None, it["verb"], "verb in sentence", False, ctx.last_description)
    if (
        (according := ACCORDING_OPENS.match(whole_before))
        and according["who"].lower() not in FIRST_PERSON
        and (found := _named(according["who"], "according to", "before", ctx, history))
    ):
        return found
    # '"We will appeal," a lawyer for the family said.': a quotation with a verb of its own after it, whose
    # speaker the rules above could not name, is nobody's continuation.
    if continues and not plain_before.strip(" ,.;:-—") and not _own_verb(after, ended, quoted):
        if ctx.last_description:  # '"...," said one European diplomat. "..."'
            return Attribution(None, "continued", "continuation", False, ctx.last_description)
        if ctx.last_speaker is not None:
            return Attribution(ctx.last_speaker, "continued", "continuation", True)
    if not plain_before.strip(" ,.;:-—") and not VERB_WORD.search(outside_quotes(after)):
        # the person the previous sentence was about; after a quotation said by "he" or "she", its speaker
        subject = _subject_of(previous_sentence, ctx) or (ctx.last_speaker if ctx.previous_had_quote else None)
        if subject is not None and _speaks_of(quoted, subject, ctx):
            return None  # 'Police arrested Tom Hart. "He is innocent."': words about him, not his
        if subject is not None and not VERB_WORD.search(outside_quotes(previous_sentence)):
            # a sentence with no verb of saying that names two people: the quotation may be either's; and one
            # about someone else than the last speaker may be an aside in the last speaker's words ('"...," he
            # added. Anna Berg was not available for comment. [new paragraph] "It is the last resort."')
            named = _could_be("", ctx, previous_sentence)
            if ctx.last_speaker is not None and all(p is not ctx.last_speaker for p in named):
                named.append(ctx.last_speaker)
            if len(named) > 1:
                return Attribution(subject, "continued", "previous sentence", False, candidates=named)
        if subject is not None:
            return Attribution(subject, "continued", "previous sentence", False)
    return None


def _last_named(ctx: Context) -> Person | None:
    """The last quotation's speaker when the text named one: not when it was someone described ("A spokesman
    for the port"), after whom `last_speaker` is still whoever was named before."""
    return None if ctx.last_description else ctx.last_speaker


# The subject of a later verb of saying: "(Moran recalled a meeting at which) the Lord Chief Justice had
# (warned)", "(Tom Reddy said) his mother had (told him)", "(Hart said) Anna Berg (denied)".
_OWN_SUBJECT = re.compile(
    rf"(?:\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Aa]n?)\s+(?:[\w'’-]+\s+){{0,3}}?[\w'’-]+|{NAME})\s+{_ADVERB}$"
)


def _owner_not_speaker(clause: str, start: int, person: Person) -> bool:
    """Whether the name at `start` is in the possessive and so not the speaker: "Sophie Carrow's father said"
    (but "Pike's son, Daniel, told" is Daniel Pike, the relative named after it)."""
    first = person.name.split()[0]
    return is_possessive(clause, start) and not re.search(rf"\b{re.escape(first)}\b", clause[start + len(first) :])


_AFTER_A_PREPOSITION = re.compile(r"\b(?:to|at|in|before|by|for|with|from|into|about)\s+$")
_SUBJECT_AT = 12  # a name this near the start of a clause is its subject ("Judge Ann Carr", "Mr Bo Lind")
_IN_CLAUSE = re.compile(r"\b(?:that|whether|because|after|when|while|if)\s+[^,]*$")  # "accepted that (Pettigrew)"
_BACK_TO_MAIN = re.compile(r"\s(?:but|and)\s")  # "(Pettigrew) was sorry but (said)": the main clause's verb again


def _other_subject_speaks(clause: str, after: int) -> bool:
    """Whether a verb of saying after `after` has a subject of its own, so the quotation that ends the clause
    is that subject's words, not those of the sentence's subject: 'Sir Keith recalled a meeting at which
    the Lord Chief Justice had warned the changes would "end in chaos"'."""
    # "... said he thought Lord Hale's comments were": after a possessive, a noun ("comments"), not a verb
    later = [
        verb for verb in VERB_WORD.finditer(clause, after) if not _POSSESSIVE_BEFORE.search(clause, 0, verb.start())
    ]
    return bool(later) and _OWN_SUBJECT.search(clause, after, later[-1].start()) is not None


_POSSESSIVE_BEFORE = re.compile(r"['’]s?\s+$")


_THIRD_PERSON_START = re.compile(r"\s*(?:He|She|His|Her|Him)\b")


def _speaks_of(quoted: str, person: Person, ctx: Context) -> bool:
    """Whether a quotation speaks of `person` in the third person, so is not theirs: it opens with "He",
    "She", "His" or "Her", or names them ("Hart has done nothing wrong")."""
    if _THIRD_PERSON_START.match(quoted):
        return True
    return any(named is person for _, named in ctx.people.mentions(quoted))


def _own_verb(after: str, ended: bool, quoted: str) -> bool:
    """Whether a verb of saying follows the quotation in its sentence: '"...," a lawyer for the family said'
    (not '"We always have." Her deputy said ...', a new sentence)."""
    if ended or quoted.rstrip().endswith((".", "!", "?")):
        return False
    first = sentence_spans(after)[0][1] if after else 0  # "Mr." ends no sentence ('a lawyer for Mr. Berg said')
    return VERB_WORD.search(outside_quotes(after[:first])) is not None


def _subject_of(sentence: str, ctx: Context) -> Person | None:
    """The person a sentence is about: the one before its speech verb, else the first named."""
    plain = outside_quotes(sentence)
    verb = VERB_WORD.search(plain)
    if verb:
        before = ctx.people.mentions(plain[: verb.start()])
        if before:
            return before[-1][1]
    mentions = ctx.people.mentions(plain)
    return mentions[0][1] if mentions else None
