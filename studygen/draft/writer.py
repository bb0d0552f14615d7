"""Write an `ArticleDraft` as a facts file a teacher can curate: valid, commented, checkable.

Written by hand rather than with yaml.dump, so that each unsure item carries a comment
saying why, and the file reads like the first lesson's.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import yaml

from ..article import Article
from ..dates import DateError
from . import ArticleDraft
from .people import Person, is_description
from .times import parse_date  # cached: a long article dates many events alike

_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
# Control characters and what else a YAML reader refuses in a file (U+FFFE, U+FFFF, lone surrogates).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_JSON_STRING = json.JSONEncoder(ensure_ascii=False).encode  # made once: json.dumps with options makes one per call


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML), on one line, without the characters a
    YAML reader refuses."""
    line = " ".join(text.split())
    return _JSON_STRING(line if line.isprintable() else _CONTROL.sub("", line))


_SLUG_WORD = re.compile(r"[a-z0-9]+")


def slug(text: str) -> str:
    return "-".join(_SLUG_WORD.findall(text.lower()))[:40].strip("-") or "item"


def yaml_id(text: str) -> str:
    """An id as YAML text: quoted when YAML would read it as something else (`yes`, `no`, `1990`)."""
    return text if _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR else json.dumps(text)


class _Ids:
    """Ids handed out so far, and the next number to try for each base."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.next_number: dict[str, int] = {}

    def new(self, base: str) -> str:
        """`base`, or `base-2`, `base-3`... whichever is free (a count per base, not a search from 2),
        as YAML text."""
        number = self.next_number.get(base, 1)
        candidate = base if number == 1 else f"{base}-{number}"
        while candidate in self.taken:
            number += 1
            candidate = f"{base}-{number}"
        self.next_number[base] = number + 1
        self.taken.add(candidate)
        return yaml_id(candidate)


class _CheckedArticle(Article):
    """The article the draft is checked against. One sentence is the evidence of several
    items (a quotation, a role, an event), so each passage is looked up once."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._seen: dict[str, bool] = {}

    def has(self, passage: str) -> bool:
        if (found := self._seen.get(passage)) is None:
            found = self._seen[passage] = self.contains(passage)
        return found


def draft_yaml(draft: ArticleDraft, lesson_id: str, source_file: str, article_text: str) -> str:
    """The facts file for `draft`; items whose words are not in `article_text` are left out."""
    article = _CheckedArticle(article_text)
    title = draft.article.title or lesson_id.replace("-", " ").capitalize()
    lines = [
        "# Drafted by `studygen draft`. Check every item against the article, fix or delete it,",
        "# and add what the draft missed. Each item is marked `draft:` (with the reason to doubt it, where",
        "# the drafter has one): `check` warns of the marks, and `build` leaves a marked item out of every",
        "# output until you delete its `draft:` line.",
        "",
        "lesson:",
        f"  id: {yaml_id(lesson_id)}",
        f"  title: {_q(title)}",
        f"  source: {{file: {_q(source_file)}, title: {_q(title)}"
        + (f", published: {_q(draft.article.published.isoformat())}}}" if draft.article.published else "}"),
        "",
        "people:",
    ]
    ids: dict[int, str] = {}
    person_ids = _Ids()
    speakers = {id(q.speaker) for q in draft.quotes if q.speaker is not None}
    speakers |= {id(person) for q in draft.quotes for person in q.candidates}
    proposers = {id(e.proposer) for e in draft.events if e.proposer is not None}
    people = [p for p in draft.people if p.roles or id(p) in speakers or id(p) in proposers]
    id_by_name: dict[str, str] = {}  # the first person of each name, for the look-ups below
    surnames = Counter(person.surname for person in people)  # "Pryce" alone names neither of two Pryces
    for person in people:  # two Hisses are alger-hiss and tony-hiss
        ids[id(person)] = person_ids.new(slug(person.name if surnames[person.surname] > 1 else person.surname))
    named_in_full: dict[str, list[str]] = {}  # surname -> the ids of people named in full with it
    for person in people:
        if " " in person.name:
            named_in_full.setdefault(person.surname, []).append(ids[id(person)])
    for person in people:
        pid = ids[id(person)]
        id_by_name.setdefault(person.name, pid)
        # "Hiss" alone, when two people are called Hiss
        namesakes = named_in_full.get(person.name, []) if " " not in person.name else []
        doubt = f"'{person.name}' may be {' or '.join(namesakes)}: check each of its entries" if namesakes[1:] else ""
        lines += _person(person, pid, article, surnames[person.surname] > 1, doubt)
    rank = {pid: number for number, pid in enumerate(id_by_name.values())}  # actors are listed in this order
    described: dict[str, str] = {}
    for quote in draft.quotes:
        if quote.speaker is None and quote.description and quote.description not in described:
            pid = described[quote.description] = person_ids.new(slug(quote.description))
            lines += [
                f"  {pid}:",
                f"    name: {_q(quote.description)}",
                f"    draft: {_q('the article does not name this speaker')}",
            ]
    if len(lines) and lines[-1] == "people:":
        lines[-1] = "people: {}"
    lines += ["", "facts:"]
    fact_ids = _Ids()
    count = 0
    for quote in draft.quotes:
        speaker = ids.get(id(quote.speaker)) if quote.speaker else described.get(quote.description)
        if speaker is None or not article.has(quote.text):
            continue
        count += 1
        fid = fact_ids.new(f"{slug(quote.speaker.surname) if quote.speaker else 'unnamed'}-quote")
        notes = []
        if quote.candidates:
            could_be = [ids[id(person)] for person in quote.candidates if id(person) in ids]
            notes.append(f"speaker could be {' or '.join(could_be)}")
        elif quote.doubt:
            notes.append(quote.doubt)
        elif not quote.confident and not quote.within:  # a nested quotation's note says whose words hold it
            notes.append(_UNSURE_RULES.get(quote.rule, "the speaker was found with less certainty"))
        if quote.within:
            notes.append(f"a quotation inside {quote.within}'s words")
        lines += [
            f"  - id: {fid}",
            "    kind: quote",
            f"    by: {speaker}",
            f"    said: {_q(quote.text)}",
            f"    cue: {_q(quote.cue)}",
            _draft_mark("; ".join(notes)),
        ]
        owner = id_by_name.get(quote.within) if quote.within else None
        if owner:
            lines.append(f"    according_to: {owner}")  # a quotation inside someone's account
    for event in draft.events:
        if not article.has(event.evidence):
            continue
        count += 1
        when = None
        if event.date is not None:
            try:
                when = parse_date(event.date.text).text
            except DateError:
                when = None
        proposer = ids.get(id(event.proposer)) if event.proposer else None
        doubt = ""
        if proposer:
            fid = fact_ids.new(f"{slug(event.proposer.surname)}-proposal")  # type: ignore[union-attr]
            lines += [f"  - id: {fid}", "    kind: proposal", f"    by: {proposer}"]
            if event.addressee is not None and id(event.addressee) in ids:
                lines.append(f"    to: {ids[id(event.addressee)]}")
            lines.append(f"    what: {_q(event.proposal)}")
        else:
            fid = fact_ids.new(f"event-{slug(event.when)}")
            doubt = "" if when else f"the text says only '{event.when}'; add the year if you know it"
            if event.when.split()[0].lower() in ("since", "until", "before", "after", "by"):
                doubt = f"the text says '{event.when}', a period rather than a date"
            if when and event.counted_from:
                doubt = f"the text says '{event.when}', counted from {event.counted_from.isoformat()}"
            lines += [f"  - id: {fid}", "    kind: event", f"    what: {_q(event.what)}"]
            actors = sorted({id_by_name[name] for name in event.actors if name in id_by_name}, key=rank.__getitem__)
            if actors:
                lines.append(f"    who: [{', '.join(actors)}]")
        if when:
            lines.append(f"    when: {_q(when)}")
            if event.counted_from:
                lines.append("    from_teacher: [when]  # the article gives no year: the date is counted")
        claimant = ids.get(id(event.according_to)) if event.according_to else None
        if claimant and claimant != proposer:
            lines.append(f"    according_to: {claimant}")
            doubt = "; ".join(filter(None, (doubt, f"the article reports this as {claimant}'s claim")))
            if event.said_when is not None and event.said_when.text != when:
                lines.append(f"    said_when: {_q(event.said_when.text)}")
        lines += [f"    evidence: {_q(event.evidence)}", _draft_mark(doubt)]
    if count == 0:
        lines[-1] = "facts: []"
    if draft.unattributed:
        lines += ["", "# Quotations with no speaker found (add them as quote facts if you know who spoke):"]
        lines += [f"#   {_q(text)}" for text in draft.unattributed]
    return "\n".join(lines) + "\n"


def _person(person: Person, pid: str, article: _CheckedArticle, shared_surname: bool, doubt: str) -> list[str]:
    lines = [f"  {pid}:", f"    name: {_q(person.name)}", _draft_mark(doubt, 4)]
    if person.surname != person.name and not shared_surname and article.mentions(person.surname):
        lines.append(f"    aliases: [{_q(person.surname)}]")
    roles = [r for r in person.roles if r.evidence and article.has(r.evidence)]
    if roles:
        lines.append("    roles:")
    for role in roles:
        lines.append(f"      - title: {_q(role.title)}")
        if is_description(role.title):
            lines.append("        kind: description")
        if role.tenure:
            lines.append(f"        when: {_q(role.tenure)}")
        lines += [f"        evidence: {_q(role.evidence)}", _draft_mark("", 8)]
    return lines


# Why a speaker found by a weaker rule of the sieve (draft/attribution.py) needs a look, in the teacher's words.
_UNSURE_RULES = {
    "previous sentence": "the speaker is who the sentence before is about: the quotation names no one",
    "verb in sentence": "the speaker is the subject of the sentence's verb of saying: check the words are theirs",
    "continuation": "a quotation with no speaker of its own: taken to be the last speaker going on",
    "before": "the speaker was named by a description or a pronoun before the quotation",
    "after": "the speaker was named by a description or a pronoun after the quotation",
    "between": "the speaker was named between the parts of the quotation by a description or a pronoun",
    "participle": "the speaker is the subject of the sentence",
    "nested": "a quotation inside another's words",
    "transcript": "a turn of an interview transcript: the speaker is who its label (Q, A or a name) stands for",
}


def _draft_mark(reason: str, indent: int = 4) -> str:
    """The `draft:` line every drafted entry carries until the teacher has checked it: its reason, if any."""
    return " " * indent + f"draft: {_q(reason) if reason else 'true'}"
