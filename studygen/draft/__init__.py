"""Drafting a facts file from a raw article: people, quotations, dated events and proposals.

Offline rules over the text (see attribution.py for the quotation sieve); each item
keeps the sentence it came from and says when it is unsure, because the teacher
curates the draft before it becomes a lesson.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import re
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from ..dates import PartialDate
from ..memory import gc_paused
from ..sentences import sentence_spans
from .attribution import (
    ACCORDING_OPENS,
    AFTER_VERB_FIRST,
    AFTER_WHO_FIRST,
    APPOSITIVE,
    BEFORE,
    VERB_WORD,
    WORD,
    Context,
    attribute,
    note_descriptions,
    note_titles,
    outside_quotes,
    relative_said,
    role_subject,
    scan_speakers,
)
from .narrator import narrator
from .people import NAME, PAST_TENSE, ROLE_NOUN, ROLE_NOUNS, People, Person, tenure_spans
from .quotes import QuoteSpan, as_american, double_quotes, nested_quotes
from .text import CleanArticle, clean, names_in_capitals, normalise_marks
from .times import TimeExpression, find_times, resolve
from .transcript import Turn, transcript_turns

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
    # The people it could be when the text does not say which ("Hiss" with two Hisses in the article): the
    # speaker is then left to the teacher, never guessed.
    candidates: list[Person] = field(default_factory=list)
    doubt: str = ""  # why the speaker is less than sure, for the teacher ("tony-hiss: the Hiss last named")


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
    counted_from: datetime.date | None = None  # a relative time ("Wednesday") resolved from the article's date
    according_to: Person | None = None  # whose claim the sentence reports ("X said that ...")
    said_when: PartialDate | None = None  # when that claim was made, when the sentence says


@dataclass
class ArticleDraft:
    article: CleanArticle
    people: list[Person] = field(default_factory=list)
    quotes: list[DraftQuote] = field(default_factory=list)
    events: list[DraftEvent] = field(default_factory=list)
    unattributed: list[str] = field(default_factory=list)


_PROPOSAL = re.compile(
    rf"(?P<who>{NAME})(?:,[^,]{{1,80}},)?\s+(?:had\s+|once\s+|also\s+)*(?:proposed|suggested|offered)\s+"
    rf"(?:to\s+(?P<to>{NAME})\s+)?(?P<what>(?:that|to)\s+[^,;]+|(?<=proposed\s)(?:a|an|the)\s+[^,;]+)"
)  # "proposed that ...", "suggested to Y that ...", "proposed a League of Nations" (a plan named by its noun)
_PROPOSAL_VERB = re.compile(r"proposed|suggested|offered")  # what `_PROPOSAL` needs, looked for first
# "She followed Tom to Warsaw.", "In Moscow, she was admired": a sentence whose subject is "he" or "she"
_PRONOUN_SUBJECT_START = re.compile(
    r"\s*(?:(?:In|At|On|During|After|Before|By|Later)\b[^,\"]{0,60},\s+)?(?:[Hh]e|[Ss]he)\s+[a-z]"
)
# Rules that tie a quotation to its speaker through a verb in the same sentence.
_LINKED_RULES = frozenset(("after", "before", "participle", "verb in sentence"))
# The events drafted from one sentence at most: a sentence with more dates is a list or a table.
_MOST_EVENTS = 8
_SPOKEN_SENTENCE = re.compile(r"\s*[A-Z][^\"]*[.!?]\s*")  # "Including me.", "Never!": a sentence, not a label
_WHEN_CLAUSE = re.compile(r"\b[Ww]hen\s+(?P<sub>[^,]+?),\s*(?P<main>[^.;]+)")


def _is_title(text: str) -> bool:
    """'Big Ditch', "The Harbour Diaries": a name in quotation marks, not a quotation."""
    words = text.split()
    return len(words) <= 4 and all(w[:1].isupper() or w.lower() in ("of", "the", "and", "a") for w in words)


def draft_article(raw: str) -> ArticleDraft:
    """Read a raw article (plain text or SGML news) and draft its facts."""
    article = clean(raw)
    paragraphs = [normalise_marks(p) for p in article.paragraphs]
    written = paragraphs  # with the article's own quotation marks, for the texts the draft shows
    paragraphs = as_american(paragraphs) or paragraphs  # British marks turned: the same lengths, offsets hold
    paragraphs = [names_in_capitals(p) for p in paragraphs]  # "Mr. PARRY" read as "Mr. Parry": the same lengths
    sentences = [sentence_spans(p) for p in paragraphs]
    people = People()
    people.read_full_names("\n".join(paragraphs))
    for scan in (people.scan_sentence, lambda text, where: scan_speakers(text, people, where)):
        for index, paragraph in enumerate(paragraphs):
            for start, end in sentences[index]:
                scan(paragraph[start:end], (index, start))
    people.complete_names()
    people.add_namesakes()
    people.date_from_headline(paragraphs)
    people.reported_pronouns()
    turns = transcript_turns(paragraphs, people)
    draft = ArticleDraft(article)
    ctx = Context(people, narrator=narrator(paragraphs, people))
    previous_sentence = ""
    last_quote_at: tuple[int, int] | None = None
    last_quote_open = False
    last_quote_ends_paragraph = False  # it ends in the paragraph's last sentence ('"...," he said.')
    for index, paragraph in enumerate(paragraphs):
        ctx.words_read.update(WORD.findall(paragraph))
        ctx.at = (index, 0)
        spans = sentences[index]
        span_starts = [start for start, _ in spans]
        quotes = double_quotes(paragraph)
        if index in turns:
            _turn(draft, paragraph, written[index], turns[index], quotes, ctx)
            quotes, last_quote_at = [], None  # the turn is one quotation; the next paragraph is no continuation
        opening = [q.start - 1 for q in quotes]  # in order: sentences and followers are found by bisection
        unquoted = _unquoted(paragraph, quotes)
        said_here: list[tuple[QuoteSpan, Person | None]] = []  # the paragraph's quotations and their speakers
        for number, (start, end) in enumerate(spans):
            sentence = paragraph[start:end]
            ctx.sentence += 1
            before_here = previous_sentence if number == 0 else paragraph[spans[number - 1][0] : spans[number - 1][1]]
            in_sentence = quotes[bisect.bisect_left(opening, start) : bisect.bisect_left(opening, end)]
            quotes_before = len(draft.quotes)
            for position, quote in enumerate(in_sentence):
                prev_end = in_sentence[position - 1].end + 1 if position else start
                local_before = paragraph[prev_end : quote.start - 1]
                later = bisect.bisect_right(opening, quote.end - 1)
                following = quotes[later] if later < len(quotes) else None
                after = paragraph[quote.end + 1 : following.start - 1 if following else len(paragraph)][:160]
                continues = position > 0 or (
                    last_quote_at is not None
                    and (
                        last_quote_at in ((index, number), (index, number - 1))
                        or (number == 0 and last_quote_open)
                        # 'a run-on quotation. "The next part' in a paragraph that holds several: the same speech
                        or (last_quote_open and last_quote_at[0] == index and not local_before.strip())
                        or (  # a paragraph that opens with a quotation, after one that ends with a quotation
                            number == 0
                            and last_quote_ends_paragraph
                            and last_quote_at[0] == index - 1
                            and not local_before.strip()
                        )
                    )
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
                if (
                    found is not None
                    and len(words.split()) <= 2
                    and found.rule not in _LINKED_RULES
                    and not (
                        found.rule == "continuation" and _SPOKEN_SENTENCE.fullmatch(paragraph, quote.start, quote.end)
                    )
                ):
                    found = None  # a word or two in quote marks with no verb of saying: a scare quote or a label
                    # (not a sentence of its own that goes on a quotation: '..., she said. "Including me."')
                if found is None or (found.person is None and not found.description):
                    title = _is_title(words)
                    if not title:
                        draft.unattributed.append(words)
                    if not title or AFTER_WHO_FIRST.match(after) or AFTER_VERB_FIRST.match(after):
                        # whoever spoke it, a quotation that follows with no speaker of its own is not the
                        # earlier speaker's: '"I gave it six months," she said. "That was two years ago."' (nor
                        # after a word or two with a speaker: '"Cordial," she says. "Well. ..."')
                        ctx.last_speaker, ctx.last_description = None, ""
                    continue
                if _is_title(words) and found.rule not in ("after", "before"):
                    continue
                shown = quote.text(written[index])  # the article's marks in a quotation within it
                draft.quotes.append(
                    DraftQuote(
                        shown,
                        found.person,
                        found.cue,
                        found.rule,
                        sentence,
                        found.confident,
                        found.description,
                        candidates=found.candidates,
                        doubt=found.doubt,
                    )
                )
                if found.person is not None:
                    ctx.last_speaker, ctx.speaker_at = found.person, ctx.sentence
                    ctx.speakers.append(found.person)
                    ctx.speaker_unsure = bool(found.candidates)
                ctx.last_description = "" if found.person is not None else found.description
                # the sentence where the quotation ends: '"Wind south. Rain." she says. "A nice night."' goes on
                last_quote_at = (index, max(number, bisect.bisect_right(span_starts, quote.end) - 1))
                last_quote_open = not quote.closed
                last_quote_ends_paragraph = quote.end >= spans[-1][0]
                for nested in nested_quotes(paragraph, [quote]):
                    earlier = " ".join(paragraph[q.start : q.end] for q, who in said_here if who is found.person)
                    _nested(draft, paragraph, written[index], quote, nested, found.person, ctx, sentence, earlier)
                said_here.append((quote, found.person))
            plain = sentence if unquoted is paragraph or (part := unquoted[start:end]) == sentence else part
            times = _dated_times(sentence)
            whole = bool(times) and plain is sentence  # its events need everyone it names; else the first will do
            mentions = people.mentions(plain, first_only=not whole)
            # "She followed Tom to Warsaw.": about whom it was about (or someone unnamed), not about Tom
            about_before = ctx.last_subject is not None and _PRONOUN_SUBJECT_START.match(plain) is not None
            if (
                mentions
                and not about_before
                and not (plain.startswith(("His ", "Her ")) and _about_whom_a_pronoun_means(plain, mentions[0][0]))
            ):
                ctx.last_subject, ctx.subject_at = people.subject(plain, mentions), ctx.sentence
            elif not mentions and (holder := role_subject(plain, ctx)):
                ctx.last_subject, ctx.subject_at = holder, ctx.sentence  # "The new senator smiled."
            # a quotation drafted with its speaker: "he" in the next sentence is likely that speaker ("Resign!",
            # shouted by no one named, says nothing of who "he" is)
            ctx.previous_had_quote = len(draft.quotes) > quotes_before
            note_descriptions(plain, ctx)
            note_titles(plain, ctx)
            if times:
                pronoun_person = ctx.last_speaker or ctx.last_subject
                _events(draft, sentence, people, article.published, pronoun_person, times, mentions if whole else None)
            previous_sentence = sentence
    draft.people = sorted(people.by_name.values(), key=lambda p: p.first_seen)
    if written is not paragraphs:
        _show_as_written(draft, paragraphs, written, sentences)
    return draft


def _unquoted(paragraph: str, quotes: list[QuoteSpan]) -> str:
    """The paragraph with its quoted words and marks blanked out (the same length), so that a sentence of it
    names no one within a quotation, even one that began in an earlier sentence or goes on into a later one
    ('"It is strange. Dad and Grandad slept there."'); the paragraph itself when it has none."""
    if not quotes:
        return paragraph
    pieces, at = [], 0
    for quote in quotes:
        start, end = max(quote.start - 1, at), min(quote.end + 1, len(paragraph))
        pieces += [paragraph[at:start], " " * (end - start)]
        at = end
    pieces.append(paragraph[at:])
    return "".join(pieces)


_WORDS_OF_AN_APPOSITION = 6  # "Her husband, the retired geologist Nils Solberg": the name is the phrase's


def _about_whom_a_pronoun_means(sentence: str, first_named: int) -> bool:
    """Whether a sentence that opens with "His" or "Her" is about whom the pronoun stands for, not about the
    first person it names: "Her most cited work, written with her collaborator Dr Peter Marsh, showed ..."
    (but "Her son, Erik Solberg, said" is about him)."""
    return len(sentence[:first_named].split()) > _WORDS_OF_AN_APPOSITION


def _show_as_written(
    draft: ArticleDraft, paragraphs: list[str], written: list[str], sentences: list[list[tuple[int, int]]]
) -> None:
    """Evidence sentences with the quotation marks the article uses: British single marks, not the double
    ones the drafter read them as."""
    as_written = {
        paragraph[start:end]: own[start:end]
        for paragraph, own, spans in zip(paragraphs, written, sentences, strict=True)
        for start, end in spans
    }
    for quote in draft.quotes:
        quote.evidence = as_written.get(quote.evidence, quote.evidence)
    for event in draft.events:
        event.evidence = as_written.get(event.evidence, event.evidence)
    for person in draft.people:
        for role in person.roles:
            role.evidence = as_written.get(role.evidence, role.evidence)


def _turn(draft: ArticleDraft, paragraph: str, written: str, turn: Turn, quotes: list[QuoteSpan], ctx: Context) -> None:
    """A turn of an interview transcript: its words are its speaker's, a quotation without marks; the
    quotations inside are nested in it."""
    speaker = turn.speaker or (turn.candidates[0] if turn.candidates else None)
    if speaker is None:
        return
    outer = QuoteSpan(turn.start, len(paragraph))
    cue = "asked" if turn.asks else "said"
    evidence = written.strip()  # the whole turn, with the article's own quotation marks
    draft.quotes.append(
        DraftQuote(outer.text(written), speaker, cue, "transcript", evidence, False, candidates=turn.candidates)
    )
    ctx.last_speaker, ctx.last_description = None, ""
    for nested in quotes:
        _nested(draft, paragraph, written, outer, nested, turn.speaker, ctx, evidence)


def _nested(
    draft: ArticleDraft,
    paragraph: str,
    written: str,
    outer: QuoteSpan,
    nested: QuoteSpan,
    outer_speaker: Person | None,
    ctx: Context,
    sentence: str,
    earlier: str = "",
) -> None:
    """A quotation inside a quotation, such as Clinton's reply in Putin's recollection. `earlier` is what the
    paragraph quotes the same speaker saying before the outer quotation."""
    before = paragraph[outer.start : nested.start - 1]
    clause = re.split(r"[.!?]\s", before)[-1]
    if (described := BEFORE.search(clause)) and _ROLE_DESCRIPTION.fullmatch(described["who"]):
        # "The mayor told me, 'There is no money'": someone the account does not name, not whoever the
        # article named last (nor is that person made a mayor); the one person of the article who holds that
        # role, when only one does ("The treasurer told me", and Helen Marsh is the county treasurer)
        holders = ctx.people.holders(described["who"].split()[-1].lower())
        if len(holders) == 1 and holders[0] is not outer_speaker:
            draft.quotes.append(
                DraftQuote(
                    nested.text(written),
                    holders[0],
                    described["verb"].lower(),
                    "nested",
                    sentence,
                    confident=False,
                    within=outer_speaker.name if outer_speaker else "",
                    doubt=f"'{described['who']}' taken to be {holders[0].name}, the article's only one",
                )
            )
            return
        draft.quotes.append(
            DraftQuote(
                nested.text(written),
                None,
                described["verb"].lower(),
                "nested",
                sentence,
                confident=False,
                description=described["who"],
                within=outer_speaker.name if outer_speaker else "",
            )
        )
        return
    found = relative_said(clause, outer_speaker, ctx) or attribute(clause, "", clause, "", ctx, continues=False)
    if found is not None and (said := BEFORE.search(clause)) and (pronoun := said["who"].lower()) in ("he", "she"):
        # 'My deputy, Tom Hart, put it better. He said, "..."': "he" is someone the outer speaker has named, in
        # these words or in the words of theirs the paragraph quotes before, not whoever the article named
        # last; no one, when those words name no one who fits
        words = earlier + " " + outside_quotes(before)
        named = [p for _, p in ctx.people.mentions(words) if p.answers_to(pronoun)]
        found = replace(found, person=named[-1] if named else None)
    if found is None or found.person is None or found.person is outer_speaker or found.rule not in ("before",):
        return
    draft.quotes.append(
        DraftQuote(
            nested.text(written),
            found.person,
            found.cue,
            "nested",
            sentence,
            confident=False,
            within=outer_speaker.name if outer_speaker else "",
        )
    )


# "the mayor", "The Thai minister": a speaker described by a role, not named.
_ROLE_DESCRIPTION = re.compile(rf"[Tt]he\s+(?:[\w'’-]+\s+)?(?i:{ROLE_NOUN})")


def _dated_times(sentence: str) -> list[TimeExpression]:
    """The time expressions of a sentence that date events: not those of a tenure, which belong to a role."""
    times = find_times(sentence)
    if not times:
        return times
    tenures = tenure_spans(sentence)
    return [t for t in times if not any(a <= t.start < b for a, b in tenures)]


def _events(
    draft: ArticleDraft,
    sentence: str,
    people: People,
    published: datetime.date | None,
    pronoun_person: Person | None,
    times: list[TimeExpression],
    mentions: list[tuple[int, Person]] | None = None,
) -> None:
    """The events `times` (`_dated_times(sentence)`) date; `pronoun_person` is who "He" or "She" at its start
    is (the last speaker), `mentions` the people it names when already known (`people.mentions(sentence)`)."""
    claim = _claim(sentence, people, times, pronoun_person)
    actors = list(dict.fromkeys(p.name for _, p in (people.mentions(sentence) if mentions is None else mentions)))
    seen: set[str] = set()
    for time in times:
        if time.text in seen:
            continue  # the same time twice in a sentence is one event
        if len(seen) == _MOST_EVENTS:
            break
        seen.add(time.text)
        event = _dated_event(sentence, time, people, claim, actors, published)
        events = [(event, sentence)]
        if (
            "hen " in sentence  # most sentences have no "when": no search
            and (when := _WHEN_CLAUSE.search(sentence))
            and when.start("sub") <= time.start < when.end("sub")
        ):
            # "when NATO was created in 1949, the Soviet Union proposed...": two events at one time
            main = replace(event, what=_tidy(when["main"]))
            events = [(event, when["sub"]), (main, when["main"])]
        for dated, clause in events:
            if _PROPOSAL_VERB.search(clause) and (proposal := _PROPOSAL.search(clause)):
                proposer = people.find(proposal["who"])
                if proposer is not None:
                    dated.proposer = proposer
                    dated.proposal = _without_time(proposal["what"].strip().rstrip("."), time)
                    dated.addressee = people.find(proposal["to"]) if proposal["to"] else None
            draft.events.append(dated)


def _without_time(proposal: str, time: TimeExpression) -> str:
    """A proposal without the date that ends its sentence: "a ban on dredging (in 1984)"; the date is the
    proposal's `when`."""
    if proposal.endswith(" " + time.text) and (rest := _TIME_WORDS.sub("", proposal[: -len(time.text)]).strip()):
        return rest
    return proposal


def _dated_event(
    sentence: str,
    time: TimeExpression,
    people: People,
    claim: Claim | None,
    actors: list[str],
    published: datetime.date | None,
) -> DraftEvent:
    """The event a time expression dates: its clause, its date (counted from the article's date when
    the text gives no year) and, in reported speech, whose claim it is and when it was made."""
    date, counted_from = time.date, None
    if date is None and published is not None and (date := resolve(time, published)) is not None:
        counted_from = published
    reported = claim is not None and claim.said_at is not time and time.start > claim.begin
    if reported:  # what the claim says happened
        what = event_clause(sentence, time, people, begin=claim.begin)  # type: ignore[union-attr]
    elif claim is not None and claim.said_at is time:  # the claim itself: "X told MPs on Monday (that ...)"
        what = event_clause(_THAT_AT_END.sub("", sentence[: claim.begin]), time, people)
    else:
        what = event_clause(sentence, time, people)
    event = DraftEvent(time.text, date, what, actors, sentence, counted_from=counted_from)
    if reported and claim is not None:
        event.according_to = claim.person
        if claim.said_at is not None:
            event.said_when = claim.said_at.date or (resolve(claim.said_at, published) if published else None)
        said = event.said_when
        if event.date is None and said is not None and said.day is not None:
            # "said on 21 August 2000 that the submarine sank on 12 August": the year of the claim
            event.counted_from = datetime.date(said.start, said.month or 1, said.day)
            event.date = resolve(time, event.counted_from)
    return event


class Claim(NamedTuple):
    """A sentence reporting what a named person said: "X said on Monday that the ship sank on 12 May"."""

    person: Person
    begin: int  # where the reported clause starts
    said_at: TimeExpression | None  # the time given to the verb of saying itself


# A short noun phrase that a sentence starts with, and a clause that starts with its verb: "The talks" and
# "were meant to end".
_THING_SUBJECT = re.compile(r"\s*(?:The|A|An|Its|Their|His|Her|This|These)(?:\s+[\w'’-]+){1,5}\s*")
_PARTICIPLE = (
    r"(?:[a-z]+ed|built|bought|sold|made|held|won|lost|begun|written|taken|given|known|shown|chosen|broken|"
    r"driven|sent|spent|paid|laid|found|kept|stolen|seized|drawn|thrown|hidden|sunk|struck)"
)
_PARTICIPLE_ONLY = re.compile(rf"\s*(?:{_PARTICIPLE}|left|met|set|born)(?:\s+[a-z]+){{0,2}}\s*")
_AUXILIARIES = r"(?:was|were|is|are|has|have|had|will|would|could|should|might|must)"
_AUXILIARY = re.compile(rf"\s*{_AUXILIARIES}\b")
# A noun phrase after the clause's verb, with a participle of its own that the time belongs to: "(The
# museum has handed back) twelve bronze heads taken from Benin City (in 1897)": the heads were taken
# then. The participle is followed by a short phrase with a preposition, never an object ("reported
# delegates signed the charter" is not one), and the noun phrase opens no clause ("and the House agreed").
_REDUCED_RELATIVE = re.compile(
    r"\b(?:has|have|had|was|were|is|are|[a-z]+ed)\s.*?"
    r"(?<![\w'’-])(?<!\band )(?<!\bbut )(?<!\bthat )(?<!\bwhen )(?<!\bas )(?<!\bafter )(?<!\bwhile )"
    r"(?P<np>(?:the|a|an|its|his|her|their|some|several|many|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|\d[\d,]*)(?:\s+(?!(?:was|were|is|are|has|have|had|and|or|but)\b)[\w'’-]+){1,3})"
    rf"\s+(?P<part>{_PARTICIPLE})(?P<rest>(?:\s+(?:from|by|at|to|into|under|with|for|during|near|off)(?:\s+[\w'’-]+){{1,3}}?)?)"
    r"\s*(?:\b(?:in|on|at|during|between|from|by)\s+)?$"
)
# Verbs in the past that take no object, so are never a participle after a noun: "the troops arrived".
_INTRANSITIVE = frozenset(
    "arrived died happened occurred started ended stayed remained returned resigned retired emerged appeared "
    "disappeared failed collapsed existed lived worked travelled traveled voted agreed protested marched "
    "rallied landed sailed waited".split()
)


def _is_reduced_relative(lead: str, reduced: re.Match[str]) -> bool:
    """Whether a `_REDUCED_RELATIVE` match is one, not a clause of its own: "announced the troops arrived
    in 1945" and "said the ferries sailed in May" are what the troops and the ferries did."""
    before = lead[: reduced.start("np")].split()
    return reduced["part"] not in _INTRANSITIVE and not (before and VERB_WORD.fullmatch(before[-1]))


# The rest of a noun phrase after an attributive year: "(the 1981) harbour riots", "(the 2017) general election".
_NOUN_AFTER_YEAR = re.compile(r"(?:\s+(?!(?:was|were|is|are|has|had|and|but|that|which|who)\b)[A-Za-z][\w'’-]*){1,4}")
_SMALL_FIRST_WORDS = frozenset(
    "the a an this these those that its his her their our some many most all both each every few several no "
    "he she it they we there one two three four five six seven eight nine ten".split()
)
_JOINED = re.compile(r"[\s,;]*(?:but|and|yet|although|though|while)\b")  # a clause joined on, not the main one
_AGE_AT_END = re.compile(r",\s*\d{1,3}$")  # "Mr. Keller, 81, who commanded ..."
_WHICH = re.compile(r"\s*which\s+")
_NOUN_PHRASE = re.compile(r"\b(?:the|a|an|its|his|her|their|our)\s+\w")
_THAT_START = re.compile(r"^\s*(?:that\s+)?")
_PRONOUN_SUBJECT = re.compile(r"\s*(?P<word>He|She)\s+(?:also\s+)?")
_THAT_AT_END = re.compile(r"\s+that\s*$")
_REPORTED = re.compile(r"\s+(?:[^.\"]{0,40}?\bthat\s+|(?=(?:the|a|an|it|he|she|they|we|[A-Z])\b))")


def _claim(sentence: str, people: People, times: list[TimeExpression], pronoun_person: Person | None) -> Claim | None:
    """The claim a sentence reports, if it reports one of a named person (or "he added that ...")."""
    plain = outside_quotes(sentence)
    if (according := ACCORDING_OPENS.match(plain)) and (person := people.find(according["who"])) is not None:
        return Claim(person, according.end(), None)  # "According to X, the port closed in 1980"
    verb = VERB_WORD.search(plain)
    if verb is None or not (reported := _REPORTED.match(plain, verb.end())):
        return None  # not reported speech: "X said (that) ..."
    mentions = people.mentions(APPOSITIVE.sub(" ", plain[: verb.start()]))
    if (
        not mentions
        and pronoun_person is not None
        and (pronoun := _PRONOUN_SUBJECT.fullmatch(plain[: verb.start()]))
        and pronoun_person.answers_to(pronoun["word"])  # never "She" for Mr Crane
    ):
        mentions = [(0, pronoun_person)]
    if not mentions:
        return None
    # "said on Monday (that)", "told reporters on 3 May that": a time before the reported clause
    said_at = next(
        (t for t in times if verb.end() <= t.start and (t.start <= verb.end() + 12 or t.end < reported.end())), None
    )
    return Claim(mentions[-1][1], reported.end(), said_at)


# Words around a time expression that go with it: "in 1990", "on Monday", "since March", "the 1981 riots".
_TIME_WORDS = re.compile(
    r"(?:\b(?:in|on|at|since|until|by|during|from|of|for|last|early|late|mid|the)\s+"
    r"|\b[\w-]+\s+(?:years?|months?|weeks?|days?|decades?|centuries|century)\s+(?:ago|later|earlier)\s+)*$",
    re.IGNORECASE,
)  # what is left of a time phrase before its time expression: "in", "on the", "Seventy years ago (this summer)"
_NAME_BEFORE = re.compile(rf"(?P<name>{NAME})\s*$")
# Where clauses end: punctuation, a dash, or "and"/"but" before a verb ("was jailed in 1952 and emigrated in 1954").
_PUNCTUATION = r'(?<!\d),|,(?!\d|\s[12]\d{3}\b)|[;:()"—–]|\s-{1,2}\s'  # not the commas of "1,500", "June 5, 1947"
# Each opens with a look-ahead for its first character (see people.AT_CAPITAL).
_CLAUSE_BREAK = re.compile(rf'(?=[\s,;:()"—–])(?:{_PUNCTUATION}|\s(?:and|but)\s(?=(?!the\b|a\b|an\b)[a-z]+\b))')
_PUNCTUATION_OR_STOP = re.compile(rf'(?=[\s,;:()"—–.])(?:{_PUNCTUATION}|[.]$)')
_LEADING = re.compile(r"^(?:(?:and|but|then|also|so|while|as|when|after|before|that|says|said)\s+)+", re.IGNORECASE)
# A sentence that starts with who it is about: "Maric, an official, was accused ..."; "She was jailed ...".
_PRONOUN_SUBJECTS = ("He", "She", "They", "It")
_SUBJECT_START = re.compile(rf"^\s*(?P<name>{NAME}|{'|'.join(_PRONOUN_SUBJECTS)})\b")
# A clause that starts with its verb ("who led ...", "was accused ...", "died ..."), not with a noun phrase.
_STARTS_LOW = re.compile(r"\s*(?:who\s+)?(?=[a-z])(?!(?:the|a|an|his|her|its|their|our|this|these|those|some|all)\b)")
# The verb such a clause starts with (after an adverb or two): a past tense, an auxiliary or a common
# irregular verb; "up 7 percent" and "rescue exercise" are no clause of a subject's.
_VERB_FIRST = re.compile(
    rf"(?:(?:also|later|then|once|still|never|soon|[a-z]+ly)\s+)*(?:{PAST_TENSE}|{_AUXILIARIES}|can|may|did|does|"
    r"becomes|begins|wins|leads|says|spent|got|flew|shot|set|put|cut|let|hit|quit|read|remains|dies)\b"
)
# A phrase that sets the scene of a main clause rather than saying what happened: a preposition and a short
# noun phrase, or a participle and its object ("In a speech", "Reviewing the figures from").
_SCENE = re.compile(
    r"\s*(?:in|at|during|with|under|after|following|[a-z]+ing(?:\s+(?:at|on|to|about|over|after|from|with|into))?)"
    r"\s+(?:a|an|the|his|her|its|their|my|our|this|that|these|those)(?:\s+(?![\w'’-]+ed\b)[\w'’-]+){0,4}\s*$",
    re.IGNORECASE,
)
# A clause that is only more time: "a few years after the war", "just weeks later", "soon after".
_TIME_PHRASE = re.compile(
    r"\s*(?:(?:just|only|some|about|a|several|two|three|\d+)\s+)*(?:few\s+)?"
    r"(?:years?|months?|weeks?|days?|decades?|after|before|following|during|shortly|soon|later|earlier)\b"
)


def event_clause(sentence: str, time: TimeExpression, people: People, begin: int = 0, most: int = 25) -> str:
    """What happened, as a short clause without its date: "NATO was created in 1949." gives "NATO was
    created". The clause around the time expression (from `begin`: the start of a reported claim),
    without quote marks, except where the date belongs elsewhere: to the noun of an attributive year,
    to the antecedent of "which", to a neighbouring clause when the time stands alone, or to the main
    clause after a phrase that only sets the scene. A clause that starts with its verb gets its subject."""
    cuts = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(sentence, begin)]
    bounds = [(begin, begin), *cuts, (len(sentence), len(sentence))]
    index = max(i for i, (b, _) in enumerate(bounds[:-1]) if b <= time.start)
    start, end = bounds[index][1], bounds[index + 1][0]
    lead = sentence[start : time.start]
    if lead.endswith(("the ", "The ")) and (thing := _NOUN_AFTER_YEAR.match(sentence, time.end)):
        # "the 1981 riots", "after the 2017 election": the year is the riots', not the clause's
        return _tidy("the " + thing.group(), most)
    text = _TIME_WORDS.sub("", lead) + " " + sentence[time.end : end]
    if index > 0 and _WHICH.match(text) and sentence[bounds[index][0]] == ",":
        text = _which_clause(sentence[bounds[index - 1][1] : bounds[index][0]], text)
    elif (
        index > 0
        and _PARTICIPLE_ONLY.fullmatch(text)
        and _THING_SUBJECT.fullmatch(head := sentence[begin : bounds[index][0]].strip())
    ):  # "The planes, bought between 1978 and 1981, cost ...": the planes were bought then
        text = f"{head} {'were' if head.endswith('s') else 'was'} {text.strip()}"
        start = begin
    elif (reduced := _REDUCED_RELATIVE.search(lead)) and _is_reduced_relative(lead, reduced):
        # "The museum has handed back twelve bronze heads taken from Benin City in 1897": the heads were taken
        noun_phrase = reduced["np"]
        verb = "were" if noun_phrase.endswith("s") and not noun_phrase.endswith("ss") else "was"
        text = f"{noun_phrase} {verb} {reduced['part']}{reduced['rest']}"
        start = begin
    elif len(_words(text)) < 3:
        start, text = _beside_the_time(sentence, time, bounds, index, begin, start, text)
    elif _ROLE_SUBJECT.match(text) and (apposed := _APPOSED.match(sentence, end)) and apposed["name"]:
        # "In September 1947 the Soviet deputy foreign minister, Andrei Vyshinsky, told ...": what the
        # minister did, said of its name
        text = _past_apposition(sentence, time.end, end)
    elif _SCENE.match(text) and sentence.startswith(",", end):
        # A phrase that only sets the scene ("In a speech on Monday, Holt opened ..."): the event is the
        # main clause after it, without the comma phrases inside it ("the council, after a long debate, voted").
        start = end + 1
        rest = APPOSITIVE.sub(" ", sentence[start:])
        text = rest[: cut.start()] if (cut := _CLAUSE_BREAK.search(rest)) else rest
    if start > begin:
        text = _with_subject(sentence, start, text, people)
    return _tidy(text, most) or " ".join(sentence.split())


def _which_clause(antecedent: str, clause: str) -> str:
    """ "(Analysts said) the dispute over quotas, which began in the 1990s": what began is the nearest noun
    phrase before, without whoever reports it. "a plan to rebuild the old harbour, which" is about the
    harbour, but "the head of the union, which" about the head."""
    if said := VERB_WORD.search(antecedent):
        antecedent = _THAT_START.sub("", antecedent[said.end() :])
    phrases = [m.start() for m in _NOUN_PHRASE.finditer(antecedent) if not antecedent.endswith("of ", 0, m.start())]
    return antecedent[phrases[-1] if phrases else 0 :] + " " + _WHICH.sub("", clause, count=1)


def _beside_the_time(
    sentence: str,
    time: TimeExpression,
    bounds: list[tuple[int, int]],
    index: int,
    begin: int,
    start: int,
    text: str,
) -> tuple[int, str]:
    """The clause a time stands alone beside, and where it starts. "In 1990, ..." and "in the mid-1950s, a
    few years later, Soviet leaders proposed": the next clause that is not more time. "X met Y, his
    counterpart, on Sunday." and "proposed by the minister, Rhys Morgan, in 2016, but was delayed": what
    comes before."""
    end = bounds[index + 1][0]
    later = [(a, b) for (_, a), (b, _) in itertools.pairwise(bounds[index + 1 :]) if b > a]
    main = next((c for c in later if not _TIME_PHRASE.match(sentence, c[0])), None)
    if index > 0 and not _words(text) and (not later or _JOINED.match(sentence, end)):
        return begin, _TIME_WORDS.sub("", sentence[begin : time.start])
    if main or later:
        start, end = main or later[0]
        return start, _past_apposition(sentence, start, end)
    return start, text


# A role that opens a clause, before the name in apposition: "the Soviet deputy foreign minister" (not "the
# talks with the envoy": no preposition).
_ROLE_SUBJECT = re.compile(
    r"\s*(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur)\s+"
    rf"(?:(?!(?:of|with|in|on|at|for|to|from|by|and)\b)[\w'’-]+\s+){{0,4}}(?i:{ROLE_NOUN})s?\s*$"
)
# A phrase set off by commas after a clause's first words: ", president from 1981 to 1989," or ", Helmut Kohl,"
# (not one of a list: "Britain, France, and Germany").
_APPOSED = re.compile(rf",\s+(?:(?P<name>{NAME})|[a-z][^,\"]*),(?!\s+(?:and|or)\b)")


def _past_apposition(sentence: str, start: int, end: int) -> str:
    """The clause from `start`, read past a phrase in apposition that ends its first part at `end`:
    "Ronald Reagan, president from 1981 to 1989, addressed the crowd" gives "Ronald Reagan addressed the
    crowd"; "the West German chancellor, Helmut Kohl, proposed a plan" gives "Helmut Kohl proposed a plan"."""
    apposed = _APPOSED.match(sentence, end)
    if apposed is None:
        return sentence[start:end]
    following = _CLAUSE_BREAK.search(sentence, apposed.end())
    rest = sentence[apposed.end() : following.start() if following else len(sentence)]
    first = sentence[start:end]
    if apposed["name"] and _ROLE_SUBJECT.match(first):  # the name of the role that opens the clause
        first = apposed["name"]
    return first + " " + rest.strip()


def _with_subject(sentence: str, start: int, text: str, people: People) -> str:
    """A clause that starts with its verb (or a role), with the subject it lost: "Lord Roe, who led the 1981 inquiry";
    "Maric, an official, was accused in 1948"; "She was jailed in 1952 and emigrated in 1954"; "The talks,
    launched in 2001, were meant to end in 2004". A subject is a person or a pronoun, never just any
    capitalised first word ("Since 1962, no ferry ...", "Speaking from the dock")."""
    opening = _STARTS_LOW.match(text)
    if not opening:
        return text
    # "(Thabo Mbeki,) president from 1999 to 2008": a role in apposition is what its name was
    role_first = text[opening.end() :].split(" ", 1)[0] in ROLE_NOUNS
    if not role_first and not _VERB_FIRST.match(text, opening.end()):
        return text
    head = _AGE_AT_END.sub("", APPOSITIVE.sub("", sentence[:start].rstrip(" ,") + ",").rstrip(" ,"))
    named = _NAME_BEFORE.search(head)
    if named and ("who" in opening.group() or people.find(named["name"]) is not None):
        return named["name"] + (" was " if role_first else " ") + text[opening.end() :]
    if role_first:
        return text
    subject = _SUBJECT_START.match(sentence)
    if subject and (subject["name"] in _PRONOUN_SUBJECTS or people.find(subject["name"]) is not None):
        return subject["name"] + " " + text[opening.end() :]
    if _THING_SUBJECT.fullmatch(head) and _AUXILIARY.match(text):
        return head + " " + text
    return text


def _tidy(text: str, most: int = 25) -> str:
    """A clause as an event's `what`: without punctuation marks, a leading "and" or "said", or a
    full stop, at most `most` words, written as a teacher writes one (the questions put it inside a
    sentence): "the Wall fell", "he was elected", but "NATO was created"."""
    words = _LEADING.sub("", " ".join(_words(text))).split()
    if not words:
        return ""
    if words[0].lower() in _SMALL_FIRST_WORDS:
        words[0] = words[0].lower()  # "The talks" began the article's sentence, not the teacher's
    return " ".join(words[:most]) + (" …" if len(words) > most else "")


def _words(text: str) -> list[str]:
    return _PUNCTUATION_OR_STOP.sub(" ", text.strip()).split()


def draft_facts(raw: str, lesson_id: str, source_file: str, article_text: str | None = None) -> str:
    """The drafted facts file (YAML text) for a raw article.

    `article_text` is the text the facts file will be checked against (default: `raw`).
    """
    from .writer import draft_yaml

    with gc_paused():  # a long article makes hundreds of thousands of small acyclic objects
        return draft_yaml(draft_article(raw), lesson_id, source_file, raw if article_text is None else article_text)
