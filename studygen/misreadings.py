"""Warnings for what a facts file says that its own evidence does not.

A teacher copies a passage and writes the fact beside it; what gets lost on the way is
the words that change the meaning: "were in fact his spokesman's summary", "according
to the partial results", "did not" before a quotation. Each check here reads the fact's
evidence (and the article around its quotation) for such words and warns, with a hint.
"""

from __future__ import annotations

import re

from .article import Article, fold_text
from .diagnostics import DiagnosticSink
from .model import Fact, Lesson
from .verbs import DEFAULT_VERB, PROPOSAL_VERBS

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
    r"said|say|says|claimed|claims|rumou?rs?|rumou?red|there (?:are|were|have been) reports)\b",
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
            _frame_not_in_article(fact, lesson, article, sink)
            _copied_punctuation(fact, sink)
        elif fact.according_to is None and "*" not in fact.from_teacher:
            _unattributed(fact, evidence, sink)
        if fact.proposal_verb:
            _verb_not_in_evidence(fact, evidence, sink)
            _what_after_addressee(fact, sink)
        elif fact.kind == "proposal":
            _other_verb_in_evidence(fact, evidence, sink)
    _same_sentence(lesson, spans, article, sink)


def _verb_not_in_evidence(fact: Fact, evidence: str, sink: DiagnosticSink) -> None:
    """A proposal's `verb:` is the article's ('appealed', 'an appeal'): every question says it, so a verb
    the evidence does not have ('demanded' of a polite request) would put a word in the proposer's mouth."""
    if not evidence or {"verb", "*"} & fact.from_teacher:
        return
    stem = fact.proposing.stem
    if any(word.startswith(stem) for word in re.findall(r"[a-z]+", fold_text(evidence).lower())):
        return
    sink.warning(fact.field_pos("verb"), "ground.verb-not-found",
                 f"fact '{fact.id}' has verb: {fact.proposal_verb}, but its evidence has no word like "
                 f"'{fact.proposing.base}': every question about it says '{fact.proposing.past}'",
                 "use the verb the article uses, remove verb: for 'proposed', or, if the word is yours, "
                 "list 'verb' under from_teacher")  # fmt: skip


def _what_after_addressee(fact: Fact, sink: DiagnosticSink) -> None:
    """'urged Jack Straw an increase' is no English: after its addressee, such a verb takes 'to ...' (or, for
    some, 'that ...'); and without one, 'urged to block the sale' is none either (a judge): a verb that takes
    a clause after whom it addresses needs whom before its 'to ...'."""
    starts = fact.proposing.clause_starts
    first = (fact.what or "").split(" ", 1)[0]
    if not fact.to and starts and first.lower() == "to":
        sink.warning(fact.field_pos("what"), "ground.proposal-wording",
                     f"fact '{fact.id}' is asked '{fact.proposing.past} to ...', which is not English without "
                     f"whom they {fact.proposing.past}",
                     f"add to: (whom they {fact.proposing.past}, a person or group of the lesson), or write what: "
                     "as 'that ...'")  # fmt: skip
        return
    if not fact.to or not starts or first.lower() in starts:
        return
    sink.warning(fact.field_pos("what"), "ground.proposal-wording",
                 f"fact '{fact.id}' is asked '{fact.proposing.past} <whom> {first} ...', which is not English: "
                 f"after whom, '{fact.proposing.past}' takes {' or '.join(repr(w + ' ...') for w in starts)}",
                 f"write what: as a clause, e.g. '{starts[0]} ...'")  # fmt: skip


def _other_verb_in_evidence(fact: Fact, evidence: str, sink: DiagnosticSink) -> None:
    """A proposal without `verb:` is asked as 'proposed': where the evidence has no word like 'propose' but
    says 'appealed' or 'urged', the questions would turn a plea or a demand into a suggestion."""
    if not evidence or "*" in fact.from_teacher:
        return
    words = re.findall(r"[a-z]+", fold_text(evidence).lower())
    if any(word.startswith(PROPOSAL_VERBS[DEFAULT_VERB].stem) for word in words):
        return
    said = next((v for v in PROPOSAL_VERBS.values() if v.past != DEFAULT_VERB and any(
        word.startswith(v.stem) for word in words)), None)  # fmt: skip
    if said is None:
        return
    sink.warning(fact.pos, "ground.verb-not-given",
                 f"fact '{fact.id}' is asked as 'proposed', but its evidence says '{said.base}' and no word like "
                 "'propose'",
                 f"add verb: {said.past} to the fact, so that its questions say what the article says")  # fmt: skip


def _around_quotation(fact: Fact, article: Article) -> tuple[str, str]:
    """The article's words just before the quotation's opening mark, and its whole sentence."""
    span = article.find_in(fact.said or "", fact.evidence)
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


# A frame may name whom the article calls by a pronoun: "told Linnet's colleagues" for "told her colleagues".
_PRONOUNS = "he|she|him|her|his|hers|they|them|their|theirs|it|its"
_NAMED = "\x00"  # where a frame names a person of the lesson


def _frame_not_in_article(fact: Fact, lesson: Lesson, article: Article, sink: DiagnosticSink) -> None:
    """A frame is the article's words around the quotation (after folding quotes, dashes and spaces; whole
    words, as a phrase or at least every word), from the sentence before the quotation to the sentence
    after it, or in its paragraph; a name in the frame may stand for the article's pronoun. A frame the teacher wrote is
    listed under from_teacher: [frame]."""
    span = article.find_in(fact.said or "", fact.evidence)
    if fact.frame is None or span is None or {"frame", "*"} & fact.from_teacher:
        return
    text = article.original
    sentence_start = article.sentence_bounds(span[0])[0]
    start = article.sentence_bounds(max(sentence_start - 1, 0))[0]
    end = article.sentence_bounds(min(article.sentence_bounds(max(span[1] - 1, 0))[1], len(text) - 1))[1]
    # A line break ends a "sentence" (`sentences`), so in hard-wrapped wire copy the sentences around a
    # quotation may be two lines: the quotation's paragraph is searched too.
    start, end = min(start, article.paragraph_bounds(span[0])[0]), max(end, article.paragraph_bounds(span[1] - 1)[1])
    marked = fact.frame.replace("…", "...")
    before, _, after = marked.partition("...")
    names = sorted({name for person in lesson.people.values() for name in person.names}, key=len, reverse=True)
    for part, window, near in ((before, text[start : span[0]], -1), (after, text[span[1] : end], 1)):
        folded = fold_text(window)
        tokens = _frame_tokens(part, names)
        if not tokens or _pattern(tokens, names).search(folded) or _all_words_in(tokens, names, folded):
            continue
        words = window.split()
        count = len(part.split()) + 1
        shown = " ".join(words[-count:] if near < 0 else words[:count]).strip("\"“”‘’'` ")
        sink.warning(fact.field_pos("frame"), "ground.frame-not-found",
                     f"the frame of fact '{fact.id}' has \"{part.strip()}\", which is not the article's words "
                     "around its quotation", f"copy the article's words (\"{shown}\"); a name may stand for its "
                     "pronoun ('told Linnet' for 'told her'); if you wrote the frame yourself, list 'frame' under "
                     "from_teacher:")  # fmt: skip
        return


def _frame_tokens(part: str, names: list[str]) -> list[str]:
    """The words of one side of a frame, each name of a person of the lesson as one `_NAMED` token."""
    folded = fold_text(part)
    for name in names:
        folded = re.sub(rf"(?<!\w){re.escape(fold_text(name))}(?:'s)?(?!\w)", _NAMED, folded)
    return re.findall(rf"{_NAMED}|[\w']+", folded)


def _named(names: list[str]) -> str:
    """A pattern for what a name in a frame may be in the article: the pronoun or any name."""
    alternatives = "|".join(re.escape(fold_text(name)) for name in names)
    return rf"(?:{_PRONOUNS}|(?:{alternatives})(?:'s)?)" if alternatives else rf"(?:{_PRONOUNS})"


def _pattern(tokens: list[str], names: list[str]) -> re.Pattern[str]:
    """The frame's words in order, as one phrase over folded text."""
    body = r"\W+".join(_named(names) if token == _NAMED else re.escape(token) for token in tokens)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.I)


def _all_words_in(tokens: list[str], names: list[str], text: str) -> bool:
    """A close match: every word of the frame is a word of `text`, in any order ("answered those who
    claimed ..." for "To those who claimed ..., he answered")."""
    return all(re.search(rf"(?<!\w){_named(names) if t == _NAMED else re.escape(t)}(?!\w)", text, re.I)
               for t in tokens)  # fmt: skip


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
                     "add according_to: with whose account it is (a person id, a list of them, 'article', or "
                     "'reports' or 'rumour' when the article names no source), or cut the evidence to the words "
                     "that state it as fact")  # fmt: skip


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
