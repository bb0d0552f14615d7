"""Drafting a facts file from a raw article: people, quotations, dated events and proposals.

Offline rules over the text (see attribution.py for the quotation sieve); each item
keeps the sentence it came from and says when it is unsure, because the teacher
curates the draft before it becomes a lesson.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..dates import PartialDate
from .attribution import Context, attribute, outside_quotes, scan_speakers
from .people import NAME, TENURE, People, Person
from .quotes import QuoteSpan, double_quotes, nested_quotes
from .text import CleanArticle, clean, normalise_marks, sentence_spans
from .times import find_times

__all__ = ["ArticleDraft", "DraftEvent", "DraftQuote", "draft_article"]


@dataclass
class DraftQuote:
    text: str
    speaker: Person | None
    cue: str
    rule: str
    evidence: str
    confident: bool = True
    description: str = ""  # a speaker the text does not name
    within: str = ""  # for a nested quotation: whose account it is


@dataclass
class DraftEvent:
    when: str  # the time expression as the text gives it
    date: PartialDate | None
    what: str
    actors: list[str]
    evidence: str
    proposer: Person | None = None
    proposal: str = ""
    addressee: Person | None = None


@dataclass
class ArticleDraft:
    article: CleanArticle
    people: list[Person] = field(default_factory=list)
    quotes: list[DraftQuote] = field(default_factory=list)
    events: list[DraftEvent] = field(default_factory=list)
    unattributed: list[str] = field(default_factory=list)


_PROPOSAL = re.compile(
    rf"(?P<who>{NAME})(?:,[^,]{{1,80}},)?\s+(?:had\s+|once\s+|also\s+)*(?:proposed|suggested|offered)\s+"
    rf"(?:to\s+(?P<to>{NAME})\s+)?(?P<what>(?:that|to)\s+[^,;]+)"
)
# Rules that tie a quotation to its speaker through a verb in the same sentence.
_LINKED_RULES = frozenset(("after", "before", "participle", "verb in sentence"))
_WHEN_CLAUSE = re.compile(r"\b[Ww]hen\s+(?P<sub>[^,]+?),\s*(?P<main>[^.;]+)")


def _is_title(text: str) -> bool:
    """'Star Wars', "The Putin Interviews": a name in quotation marks, not a quotation."""
    words = text.split()
    return len(words) <= 4 and all(w[:1].isupper() or w.lower() in ("of", "the", "and", "a") for w in words)


def draft_article(raw: str) -> ArticleDraft:
    """Read a raw article (plain text or SGML news) and draft its facts."""
    article = clean(raw)
    paragraphs = [normalise_marks(p) for p in article.paragraphs]
    sentences = [sentence_spans(p) for p in paragraphs]
    people = People()
    for scan in (people.scan_sentence, lambda text, where: scan_speakers(text, people, where)):
        for index, paragraph in enumerate(paragraphs):
            for start, end in sentences[index]:
                scan(paragraph[start:end], (index, start))
    people.complete_names("\n".join(paragraphs))
    draft = ArticleDraft(article)
    ctx = Context(people)
    previous_sentence = ""
    last_quote_at: tuple[int, int] | None = None
    last_quote_open = False
    for index, paragraph in enumerate(paragraphs):
        spans = sentences[index]
        quotes = double_quotes(paragraph)
        opening = [q.start - 1 for q in quotes]  # in order: sentences and followers are found by bisection
        for number, (start, end) in enumerate(spans):
            sentence = paragraph[start:end]
            before_here = previous_sentence if number == 0 else paragraph[spans[number - 1][0] : spans[number - 1][1]]
            in_sentence = quotes[bisect.bisect_left(opening, start) : bisect.bisect_left(opening, end)]
            for position, quote in enumerate(in_sentence):
                prev_end = in_sentence[position - 1].end + 1 if position else start
                local_before = paragraph[prev_end : quote.start - 1]
                later = bisect.bisect_right(opening, quote.end - 1)
                following = quotes[later] if later < len(quotes) else None
                after = paragraph[quote.end + 1 : following.start - 1 if following else len(paragraph)][:160]
                continues = position > 0 or (
                    last_quote_at is not None
                    and (last_quote_at in ((index, number), (index, number - 1)) or (last_quote_open and number == 0))
                )
                found = attribute(
                    local_before,
                    after,
                    paragraph[start : quote.start - 1],
                    before_here,
                    ctx,
                    continues,
                    paragraph[quote.start : quote.end],
                )
                words = quote.text(paragraph)
                if found is not None and len(words.split()) <= 2 and found.rule not in _LINKED_RULES:
                    found = None  # a word or two in quote marks with no verb of saying: a scare quote or a label
                if found is None or (found.person is None and not found.description):
                    if not _is_title(words):
                        draft.unattributed.append(words)
                    continue
                if _is_title(words) and found.rule not in ("after", "before"):
                    continue
                draft.quotes.append(
                    DraftQuote(words, found.person, found.cue, found.rule, sentence, found.confident, found.description)
                )
                if found.person is not None:
                    ctx.last_speaker = found.person
                last_quote_at = (index, number)
                last_quote_open = not quote.closed
                for nested in nested_quotes(paragraph, [quote]):
                    _nested(draft, paragraph, quote, nested, found.person, ctx, sentence)
            plain = outside_quotes(sentence)
            mentions = people.mentions(plain)
            if mentions:
                ctx.last_subject = mentions[0][1]
            ctx.previous_had_quote = bool(in_sentence)
            _events(draft, sentence, people)
            previous_sentence = sentence
    draft.people = sorted(people.by_name.values(), key=lambda p: p.first_seen)
    return draft


def _nested(
    draft: ArticleDraft,
    paragraph: str,
    outer: QuoteSpan,
    nested: QuoteSpan,
    outer_speaker: Person | None,
    ctx: Context,
    sentence: str,
) -> None:
    """A quotation inside a quotation, such as Clinton's reply in Putin's recollection."""
    before = paragraph[outer.start : nested.start - 1]
    clause = re.split(r"[.!?]\s", before)[-1]
    found = attribute(clause, "", clause, "", ctx, continues=False)
    if found is None or found.person is None or found.person is outer_speaker or found.rule not in ("before",):
        return
    draft.quotes.append(
        DraftQuote(
            nested.text(paragraph),
            found.person,
            found.cue,
            "nested",
            sentence,
            confident=False,
            within=outer_speaker.name if outer_speaker else "",
        )
    )


def _events(draft: ArticleDraft, sentence: str, people: People) -> None:
    tenures = [m.span() for m in TENURE.finditer(sentence)]
    seen: set[str] = set()
    for time in find_times(sentence):
        if any(a <= time.start < b for a, b in tenures) or time.text in seen:
            continue  # a tenure belongs to its person's role, not to the timeline
        seen.add(time.text)
        actors = list(dict.fromkeys(p.name for _, p in people.mentions(sentence)))
        clauses = [sentence]
        if (when := _WHEN_CLAUSE.search(sentence)) and when.start("sub") <= time.start < when.end("sub"):
            clauses = [when["sub"], when["main"]]  # "when NATO was created in 1949, the Soviet Union proposed..."
        for clause in clauses:
            event = DraftEvent(time.text, time.date, _short(clause), actors, sentence)
            if proposal := _PROPOSAL.search(clause):
                proposer = people.find(proposal["who"])
                if proposer is not None:
                    event.proposer = proposer
                    event.proposal = proposal["what"].strip().rstrip(".")
                    event.addressee = people.find(proposal["to"]) if proposal["to"] else None
            draft.events.append(event)


def _short(text: str, words: int = 30) -> str:
    parts = " ".join(text.split()).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def draft_facts(raw: str, lesson_id: str, source_file: str, article_text: str | None = None) -> str:
    """The drafted facts file (YAML text) for a raw article.

    `article_text` is the text the facts file will be checked against (default: `raw`).
    """
    from .writer import draft_yaml

    return draft_yaml(draft_article(raw), lesson_id, source_file, raw if article_text is None else article_text)
