"""Interview transcripts: paragraphs that open with the speaker's label ("Q:", "A.", "HATHERLEY:").

Each such turn is its speaker's words, with no quotation marks. "Q" is the interviewer: the one the
introduction says the subject spoke to, else the article's only byline. "A" is the subject: the person
the introduction names most. A name label is the person of that name; a surname two people share is the
one of them introduced before the transcript begins. A turn whose speaker the text does not settle is
left to the teacher with the people it could be, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .attribution import outside_quotes
from .people import NAME, NAME_WORD, People, Person

_QA_LABEL = re.compile(r"(?P<label>[QA])[:.]\s+(?=\S)")
# "HATHERLEY:", "JOHN SMITH:", "Hatherley:": one to three name words and a colon, then the words.
_NAME_LABEL = re.compile(
    rf"(?P<label>[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){{0,2}}|{NAME_WORD}(?: {NAME_WORD}){{0,2}}):\s+(?=\S)"
)
# "She spoke to Tom Ashworth", "in conversation with ...", "interviewed by ...": the interviewer.
_INTERVIEWER = re.compile(
    rf"\b(?:(?:spoke|speaks|talked|talks|talking|speaking)\s+(?:to|with)|in\s+conversation\s+with|"
    rf"interviewed\s+by)\s+(?P<who>{NAME})"
)
_BYLINE = re.compile(r"[Bb][Yy]\s+(?P<who>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]+){1,3})\s*$")
_LEAST_TURNS = 2  # of each kind: one "Q." is an initial as often as an interviewer's question


@dataclass
class Turn:
    """A paragraph of a transcript: where its words start, who speaks them and whether it is a question."""

    start: int
    speaker: Person | None
    asks: bool
    candidates: list[Person] = field(default_factory=list)


def transcript_turns(paragraphs: list[str], people: People) -> dict[int, Turn]:
    """The turns of an interview transcript in `paragraphs`, by paragraph index; {} for an article that
    has none (at least two question and two answer turns, or three turns labelled with the names of
    two people of the article or more)."""
    qa = {i: m for i, p in enumerate(paragraphs) if (m := _QA_LABEL.match(p))}
    labels = [m["label"] for m in qa.values()]
    if labels.count("Q") >= _LEAST_TURNS and labels.count("A") >= _LEAST_TURNS:
        return _question_and_answer(paragraphs, qa, people)
    return _named_turns(paragraphs, people)


def _question_and_answer(paragraphs: list[str], qa: dict[int, re.Match[str]], people: People) -> dict[int, Turn]:
    first = min(qa)
    intro = "\n".join(paragraphs[:first])
    interviewer = _interviewer(paragraphs[:first], people)
    counts: dict[int, tuple[int, Person]] = {}
    mentioned = [person for _, person in people.mentions(outside_quotes(intro))]
    for person in mentioned:
        if shared := people.shared_by(person):  # "Mr. Halasz": the Halasz the introduction names in full
            named = [p for p in shared if any(p is m for m in mentioned)]
            person = named[0] if len(named) == 1 else None
        if person is not None and person is not interviewer:
            seen, _ = counts.get(id(person), (0, person))
            counts[id(person)] = (seen + 1, person)
    ranked = sorted(counts.values(), key=lambda c: -c[0])
    subject = ranked[0][1] if ranked and (len(ranked) == 1 or ranked[0][0] > ranked[1][0]) else None
    tied = [person for seen, person in ranked if seen == ranked[0][0]] if subject is None else []
    turns = {}
    for index, match in qa.items():
        asks = match["label"] == "Q"
        speaker = interviewer if asks else subject
        turns[index] = Turn(match.end(), speaker, asks, [] if asks or speaker else tied)
    return turns


def _interviewer(intro: list[str], people: People) -> Person | None:
    """Who asks the questions: the one the subject spoke to, else the only byline's writer."""
    for index, paragraph in enumerate(intro):
        if match := _INTERVIEWER.search(paragraph):
            who = match["who"]  # named in full: "She spoke to Reuters" names no one who asks
            if person := people.find(who) or (people.add(who, (index, 0)) if " " in who else None):
                return person
    bylines = [(i, m["who"]) for i, p in enumerate(intro) if (m := _BYLINE.match(p.strip()))]
    if len(bylines) != 1 or " and " in bylines[0][1].lower():
        return None
    index, written = bylines[0]
    name = " ".join(_as_name(word) for word in written.split())
    return people.find(name) or people.add(name, (index, 0))


def _as_name(word: str) -> str:
    """ "OKONKWO" as a name is written: "Okonkwo"."""
    return word.capitalize() if word.isupper() else word


def _named_turns(paragraphs: list[str], people: People) -> dict[int, Turn]:
    labels: dict[int, tuple[int, list[str]]] = {}  # paragraph -> (where its words start, the label's words)
    for index, paragraph in enumerate(paragraphs):
        if match := _NAME_LABEL.match(paragraph):
            words = [_as_name(w) for w in match["label"].split()]
            if people.find(" ".join(words)) or (len(words) == 1 and people.bearers(words[0])):
                labels[index] = (match.end(), words)  # not "Transcript:" or "Note:"
    if len(labels) < 3:
        return {}
    intro = {id(p) for _, p in people.mentions("\n".join(paragraphs[: min(labels)]))}
    turns: dict[int, Turn] = {}
    for index, (start, words) in labels.items():
        bearers = people.bearers(words[-1]) if len(words) == 1 else []
        if len(bearers) > 1:  # "SANDHU:" with two Sandhus: the one the introduction names
            introduced = [p for p in bearers if id(p) in intro]
            speaker, candidates = (introduced[0], []) if len(introduced) == 1 else (None, bearers)
        else:
            speaker, candidates = people.find(" ".join(words)) or (bearers[0] if bearers else None), []
        turns[index] = Turn(start, speaker, False, candidates)
    speakers = {id(t.speaker) for t in turns.values() if t.speaker is not None}
    return turns if len(speakers) >= 2 else {}
