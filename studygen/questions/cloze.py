"""Cloze: the fact as a sentence with one key term blanked."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..model import Fact, Lesson
from .base import (
    Draft,
    about_of,
    accepted_names,
    date_phrase,
    date_source,
    event_date_phrase,
    excluded_from,
    kind,
    left_out,
    name_of,
    names_of,
    sole_proposer,
    value_source,
)
from .shapes import Blank, ClozeText

BLANK = "[...]"
GAP = "\x00"  # where the blank goes while a sentence is built; a fact holding it is left out
_STOPWORDS = frozenset(
    "about above after again against because before being below between could during further having "
    "other should their there these those through under until which while would really something "
    "think things where whether without".split()
)  # fmt: skip
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]")
# "minister's" is as common as "minister", though wordfreq rates the possessive rare: "the prime [...]
# statement" would blank a word its neighbours give away.
_POSSESSIVE = re.compile(r"['’]s$")


RARE_ZIPF = 4.0  # wordfreq's scale: "alliance" 4.4 and "consider" 5.0 are common; "vassals" 2.9 is not


@functools.lru_cache(maxsize=16_384)
def _zipf(word: str) -> float:
    """How common an English word is (wordfreq's Zipf scale, about 1 to 8); imported when first needed.

    The small list (words from Zipf 3 up) loads ten times faster than the large one and is enough
    here: a word missing from it is rarer than any it holds, so it counts as 0, the rarest.
    """
    from wordfreq import zipf_frequency

    return zipf_frequency(_POSSESSIVE.sub("", word), "en", wordlist="small")


def keyword_candidates(text: str) -> list[tuple[str, float]]:
    """The words of a text that could make blanks (lower case, five letters or more, not a function
    word, each part of it a syllable: no wire-copy codes such as "kq-zt"), each with its Zipf
    frequency, in text order."""
    plain = re.sub(r"\[[^\]]*\]", " ", text)
    return [
        (w, _zipf(w))
        for w in _WORD.findall(plain)
        if len(w) >= 5 and w.islower() and w not in _STOPWORDS and all(map(_VOWEL.search, w.split("-")))
    ]


_VOWEL = re.compile("[aeiouy]")


def keyword(text: str, avoid: str = "", key_terms: frozenset[str] = frozenset()) -> str | None:
    """The word of a quotation most worth recalling: a key term of the teacher's, else its rarest
    word, if it is rare enough to carry meaning (never "consider", "supposed" or "working").

    Names and titles (capitalised), editorial insertions in [brackets], words used twice
    and words that also occur in `avoid` (the rest of the sentence) would be poor blanks.
    """
    if len(text.split()) < 4:
        return None
    words = [
        w
        for w, _ in keyword_candidates(text)
        if len(re.findall(rf"\b{re.escape(w)}\b", text)) == 1
        and not re.search(rf"\b{re.escape(w)}\b", avoid, re.IGNORECASE)
    ]
    # An adverb of degree or manner ("hugely", "frankly") says how, not what: any other fits its blank;
    # so does a verb after "to" or a modal ("designed to [...] in", "changed to [...] diversity"), where
    # "promote" or "teach" would do as well; so does a participle after "have" or "been".
    chosen = [w for w in words if w.lower() in key_terms] or [
        w
        for w in words
        if _zipf(w) < RARE_ZIPF
        and not w.endswith("ly")
        and not _INFINITIVE.search(_before(text, w))
        and not (w.endswith("ed") and _AUXILIARY.search(_before(text, w)))
    ]
    if not chosen:
        return None
    rarest = min(_zipf(w) for w in chosen)
    return [w for w in chosen if _zipf(w) == rarest][-1]


_INFINITIVE = re.compile(r"\b(?:to|will|would|could|should|must|might|may|can|cannot|shall)\s+$", re.IGNORECASE)
# A participle after "have" or "been" ("have [...] greatly": prospered, gained, profited) is a verb that
# another fits as well.
_AUXILIARY = re.compile(r"\b(?:have|has|had|having|been)\s+$", re.IGNORECASE)


def _before(text: str, word: str) -> str:
    """The text before a word's first use as a whole word."""
    match = re.search(rf"\b{re.escape(word)}\b", text)
    return text[: match.start()] if match else ""


def _with_blank(sentence: str, answer: str, alternatives: tuple[str, ...]) -> tuple[str, ClozeText]:
    """The prompt and its cloze parts, both starting with a capital wherever they are shown (a card, a
    sheet, an export): "In the mid-1950s, [...] proposed", never "in the mid-1950s"."""
    before, after = sentence.split(GAP, 1)
    before = _INDEFINITE.sub(lambda m: f"{m[1][0]}(n) ", before)  # "an [...]" tells a word starting with a vowel
    before = before[:1].upper() + before[1:]
    return before + BLANK + after, ClozeText((before, Blank(answer, alternatives), after))


_INDEFINITE = re.compile(r"(?<![\w'’])(an?) $", re.IGNORECASE)


def _lead(lesson: Lesson, fact: Fact) -> str:
    """'According to Putin, ' for an attributed fact: the sentence keeps whose account it is."""
    owner = lesson.account_owner(fact)
    return f"According to {owner}, " if owner else ""


def _proposal(lesson: Lesson, fact: Fact, sole: str | None) -> tuple[str, str, tuple[str, ...]] | None:
    """`sole`: the lesson's one proposer, if it has one (`sole_proposer`, worked out once per lesson)."""
    lead = _lead(lesson, fact)
    proposed = fact.proposing.phrase("past", lesson.names_of(fact.to) if fact.to else "")
    when = date_phrase(fact.when) if fact.date_agrees else ""
    names = names_of(lesson, fact.by)
    if sole is not None or fact.blank:  # who proposed is no question, or the teacher names the word to ask
        by = f"{lead}{when + ', ' if when else ''}{name_of(lesson, fact.by)} {proposed}"
        word = fact.blank or keyword(fact.what or "", by, lesson.questions.key_terms)
        if word is None:
            return None
        what = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", GAP, fact.what or "", count=1)
        return f"{by} {what}.", word, ()
    sentence_without_by = f"{lead}{when + ', ' if when else ''}{GAP} {proposed} {fact.what}."
    if not any(n.lower() in sentence_without_by.lower() for n in names):
        return sentence_without_by, name_of(lesson, fact.by), accepted_names(lesson, fact.by)
    if fact.when is not None and not fact.when.is_span and fact.date_agrees:
        prefix = date_phrase(fact.when).split(" ", 1)[0]
        sentence = f"{lead}{prefix} {GAP}, {name_of(lesson, fact.by)} {proposed} {fact.what}."
        return sentence, fact.when.display(), ()
    return None


# Words that start a clause of their own: a date put after "..., though the number was never clear"
# would date the wrong clause.
_CLAUSE_START = re.compile(
    r"[,;:]|\b(?:that|which|who|whom|whose|when|where|while|though|although|because|but|whereas|unless)\b"
)


def _date_fits_after(fact: Fact) -> bool:
    """Whether the date can be blanked after the event's words: the article says it so ("NATO was created
    in 1949"), or the words are one clause, which the date then belongs to."""
    phrase = f"{fact.what} {date_phrase(fact.when)}".lower()
    if any(phrase in passage.lower() for passage in fact.evidence):
        return True
    return _CLAUSE_START.search(fact.what or "") is None


def _event(lesson: Lesson, fact: Fact) -> tuple[str, str, tuple[str, ...]] | None:
    if fact.when is None or fact.when.is_span or not fact.date_agrees or not _date_fits_after(fact):
        return None
    lead = _lead(lesson, fact)
    prefix = event_date_phrase(fact).split(" ", 1)[0]
    return f"{lead}{fact.what} {prefix} {GAP}.", fact.when.display(), ()


def _quote(lesson: Lesson, fact: Fact) -> tuple[str, str, tuple[str, ...]] | None:
    said = fact.said or ""
    lead = _lead(lesson, fact)
    about = f" about {subject}" if (subject := about_of(fact)) else ""
    word = fact.blank or keyword(said, f"{lead} {name_of(lesson, fact.by)} {about}", lesson.questions.key_terms)
    if word is None:
        return None
    blanked = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", GAP, said, count=1)
    # No full stop after a quotation that ends its own sentence, even inside a nested quote ('Why not?').
    end = "" if said.rstrip().rstrip("'\"’”").endswith((".", "?", "!")) else "."
    if fact.frame:  # in the article's frame: 'told colleagues she did not “...”'
        framed = f"{lead}{name_of(lesson, fact.by)} {fact.framed(blanked)}"
        return framed + ("" if framed.rstrip("”").endswith((".", "?", "!")) else "."), word, ()
    link = " that" if fact.runs_on else ":"  # "said that “any officer ...”": a clause, not a whole sentence
    return f"{lead}{name_of(lesson, fact.by)} {fact.verb}{about}{link} “{blanked}”{end}", word, ()


@kind("cloze", "recall", "Fill in the blank: the fact as a sentence with its key term left out.")
def cloze_questions(lesson: Lesson) -> Iterator[Draft]:
    makers = {"proposal": functools.partial(_proposal, sole=sole_proposer(lesson)), "event": _event, "quote": _quote}
    for fact in lesson.facts:
        made = makers[fact.kind](lesson, fact)
        if made is None and fact.kind == "quote" and len((fact.said or "").split()) >= 4:
            yield Draft(key=fact.id, variables={}, answer="", answer_type="term", facts=(fact.id,), pos=fact.pos,
                        left_out="no word of the quotation is rare enough to be worth recalling "
                        "(common words such as 'consider' or 'alliance' make poor blanks); name one with blank:, "
                        "or list your key terms under questions: key_terms:")  # fmt: skip
            continue
        if made is None:
            continue
        sentence, answer, alternatives = made
        blanks_date = fact.when is not None and answer == fact.when.display()
        # What the teacher excluded from `when` (its date) or `proposal` (its proposer) is not asked here either.
        asks = "when" if blanks_date else "proposal" if fact.kind == "proposal" else None
        if asks and fact.id in excluded_from(lesson, asks):
            continue
        if blanks_date and "when" not in lesson.questions.skip_kinds:
            yield left_out(fact.id, (fact.id,), fact.pos, "its date is asked by the when question: "
                           "one date question per event", code="worth")  # fmt: skip
            continue
        if sentence.count(GAP) != 1:  # the fact's own text holds the gap's mark (a "\0" escape in the YAML)
            yield left_out(fact.id, (fact.id,), fact.pos, "its text holds a NUL character, which would misplace "
                           "the blank; remove the \\0 escape from the facts file")  # fmt: skip
            continue
        prompt, cloze = _with_blank(sentence, answer, alternatives)
        if fact.kind == "quote":  # the speaker's words, as the article (or someone's account) reports them
            given_by = lesson.owner_name(fact.according_to) or name_of(lesson, fact.by)
        else:
            given_by = value_source(lesson, fact, "when" if blanks_date else "by")
        yield Draft(
            key=fact.id,
            variables={"sentence": prompt},
            answer=answer,
            alternatives=alternatives,
            answer_type="term",
            facts=(fact.id,),
            pos=fact.pos,
            according_to=lesson.account_owner(fact),
            forbidden=(answer, *alternatives),
            cloze=cloze,
            context_keys=(fact.id,),
            summary=cloze.filled(),
            people=fact.people,
            sources=((answer, given_by), *date_source(lesson, fact, prompt)),
        )
