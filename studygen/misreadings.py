"""Warnings for what a facts file says that its own evidence does not.

A teacher copies a passage and writes the fact beside it; what gets lost on the way is
the words that change the meaning: "were in fact his spokesman's summary", "according
to the partial results", "did not" before a quotation. Each check here reads the fact's
evidence (and the article around its quotation) for such words and warns, with a hint.
"""

from __future__ import annotations

import re

from .article import Article
from .diagnostics import DiagnosticSink
from .model import Fact, Lesson

_NAME = r"(?P<name>[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|de|van|von|al|bin))*)"
_WORDS_OF = r"(?:words?|summary|phrase|paraphrase|line|coinage|remark|quip|formula)"
# "the words were in fact his spokesman Gennadi Gerasimov's summary", "Gerasimov's words, not Gorbachev's"
_OTHER_SPEAKER = (
    re.compile(rf"\b(?:in fact|actually|really|originally)\s+(?:[a-z]+\s+){{0,3}}{_NAME}['’]s?\s+{_WORDS_OF}"),
    re.compile(rf"{_NAME}['’]s?\s+{_WORDS_OF},?\s+not\s+(?P<not>[A-Z][\w.'-]*)"),
    re.compile(rf"\b(?:coined|first used|first said|written)\s+by\s+(?:[a-z]+\s+){{0,3}}{_NAME}"),
)
# Words that make a statement someone's account rather than the article's.
_REPORTED = re.compile(
    r"\b(?:according to|reportedly|allegedly|supposedly|is said to|are said to|was said to|were said to|"
    r"said|say|says|claimed|claims)\b",
    re.I,
)
_NEGATIONS = frozenset("not never no nor neither hardly n't".split())
# Reporting verbs that change what the words are: a denial, a joke, a written note, a threat.
_MEANING_VERBS = frozenset(
    "denied denies wrote writes scrawled shouted joked quipped mocked claimed insisted conceded admitted "
    "complained warned threatened promised rejected dismissed sang chanted tweeted posted whispered".split()
)
_HEARSAY = re.compile(r"\b(?:(?:is|are|was|were) said to|reportedly|allegedly|supposedly|rumou?red to)\b", re.I)
_OPENING = "\"“‘'«"
_LOOK_BACK = 60  # characters before a quotation's opening mark that may frame it
_TRAILING = ",;:"


def check_misreadings(lesson: Lesson, article: Article, spans: dict[str, list[tuple[int, int]]],
                      sink: DiagnosticSink) -> None:  # fmt: skip
    """Warn of facts whose evidence says something they do not."""
    names = {name.lower(): person.id for person in lesson.people.values() for name in person.names}
    for fact in lesson.facts:
        evidence = " ".join(fact.evidence)
        if fact.kind == "quote":
            around = _around_quotation(fact, article)
            _other_speaker(fact, f"{evidence} {around[1]}", names, sink)
            _missing_frame(fact, around[0], lesson.people[fact.by].names if fact.by else (), sink)
            _copied_punctuation(fact, sink)
        elif fact.according_to is None and "*" not in fact.from_teacher:
            _unattributed(fact, evidence, sink)
    _same_sentence(lesson, spans, article, sink)


def _around_quotation(fact: Fact, article: Article) -> tuple[str, str]:
    """The article's words just before the quotation's opening mark, and its whole sentence."""
    span = article.find(fact.said or "")
    if span is None:
        return "", ""
    text = article.original
    start = span[0]
    while start > 0 and text[start - 1] in _OPENING + " ":
        start -= 1
    before = text[max(0, start - _LOOK_BACK) : start]
    before = re.split(r"[.!?]\s|[\"”’]\s", before)[-1]  # this sentence's words only
    if before.rstrip().endswith((".", "!", "?")):
        before = ""  # the quotation starts a sentence of its own
    first, _ = article.sentence_bounds(span[0])
    _, last = article.sentence_bounds(max(span[0], span[1] - 1))
    return before, text[first:last]


def _other_speaker(fact: Fact, text: str, names: dict[str, str], sink: DiagnosticSink) -> None:
    for pattern in _OTHER_SPEAKER:
        for match in pattern.finditer(text):
            named = names.get(match["name"].lower()) or names.get(match["name"].split()[-1].lower())
            denied = "not" in pattern.groupindex and names.get(match["not"].lower()) == fact.by
            if named != fact.by or denied:
                sink.warning(fact.field_pos("by"), "ground.other-speaker",
                             f"fact '{fact.id}' gives the words to '{fact.by}', but the article says: "
                             f"\"{' '.join(match.group().split())}\"",
                             "give the words to whoever the article says they were (by:), or, if the article "
                             "reports them as the other's, add frame: with its words")  # fmt: skip
                return


def _missing_frame(fact: Fact, before: str, speaker: tuple[str, ...], sink: DiagnosticSink) -> None:
    """A negation or a hearsay word right before the opening mark changes what the quotation says."""
    if fact.frame is not None or not before.strip():
        return
    words = re.findall(r"[\w']+", before.lower().replace("n't", " n't"))[-6:]
    negation = next((w for w in words if w in _NEGATIONS), None)
    hearsay = _HEARSAY.search(before)
    last = words[-1] if words else ""
    verb = last if last in _MEANING_VERBS and last != (fact.cue or "").lower() else None
    found = negation or (hearsay.group() if hearsay else None) or verb
    if found:
        # The hint's frame starts after the speaker's name: "Linnet told colleagues she did not" -> "told ..."
        cut = max((before.rfind(name) + len(name) for name in speaker if name in before), default=-1)
        shown = " ".join((before[cut:] if cut >= 0 else before).split()[-6:])
        sink.warning(fact.field_pos("said"), "ground.frame-missing",
                     f"in the article, '{found}' comes right before the quotation of fact '{fact.id}' "
                     f"(\"{shown} ...\"), but the fact gives no frame: questions would ask who said the words",
                     f"add the words around it with '...' for the quotation, e.g. frame: {shown} ...")  # fmt: skip


def _copied_punctuation(fact: Fact, sink: DiagnosticSink) -> None:
    said = (fact.said or "").rstrip()
    if said and said[-1] in _TRAILING:
        sink.warning(fact.field_pos("said"), "ground.quote-punctuation",
                     f"the quotation of fact '{fact.id}' ends with '{said[-1]}', which questions print as "
                     f"“...{said[-1]}”", f"end said: at the last word: \"{said[:-1].rstrip()}\"")  # fmt: skip


def _unattributed(fact: Fact, evidence: str, sink: DiagnosticSink) -> None:
    """An event or proposal reported as someone's word, asked as established fact."""
    unquoted = re.sub(r"[\"“‘][^\"”’]*[\"”’]", "", evidence)  # words inside a quotation are someone's own
    match = _REPORTED.search(unquoted)
    if match and match.group().lower() not in (fact.what or "").lower():  # not when the fact is the saying
        sink.warning(fact.field_pos("evidence"), "ground.unattributed-claim",
                     f"the evidence of fact '{fact.id}' reports it with '{match.group()}', but the fact has no "
                     "according_to: questions would teach it as established fact",
                     "add according_to: with whose account it is (a person id, a list of them, or 'article'), "
                     "or cut the evidence to the words that state it as fact")  # fmt: skip


def _same_sentence(lesson: Lesson, spans: dict[str, list[tuple[int, int]]], article: Article,
                   sink: DiagnosticSink) -> None:  # fmt: skip
    """Two dated facts resting on one sentence with one date: the same date would be asked twice."""
    seen: dict[tuple[int, str], Fact] = {}
    asked = [f for f in lesson.facts if f.id not in lesson.questions.exclude.get("when", ())]
    for fact in asked:
        if fact.when is None or not spans.get(fact.id) or "when" in fact.from_teacher:
            continue
        key = (article.sentence_bounds(spans[fact.id][0][0])[0], fact.when.answer())
        if key in seen:
            sink.warning(fact.field_pos("when"), "ground.same-sentence",
                         f"facts '{seen[key].id}' and '{fact.id}' rest on the same sentence with the same date "
                         f"({fact.when.answer()}): the date would be asked twice",
                         f"make them one fact, or list '{fact.id}' under questions: exclude: when:")  # fmt: skip
        else:
            seen[key] = fact
