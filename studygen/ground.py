"""Check a lesson's facts against its article.

Every quoted text must be the article's words, evidence passages are located (so that
questions can show the sentence they came from), and names and years are checked
against what the article says.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from .article import Article
from .dates import PartialDate
from .diagnostics import DiagnosticSink, Position
from .differences import MarkedDifference, mark_differences
from .misreadings import check_misreadings
from .model import Fact, Lesson, Person


@dataclass
class GroundReport:
    """What grounding found: where each fact's words are in the article, and counts."""

    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    quotations_checked: int = 0
    quotations_found: int = 0


_QUOTED = re.compile(r'["“]([^"”]+)["”]')  # words in quotation marks


def ground(lesson: Lesson, sink: DiagnosticSink, article: Article | None = None) -> GroundReport:
    """Check every quotation, evidence passage, name and year of `lesson` against its article."""
    report = GroundReport()
    if not lesson.article:
        return report  # a missing article was reported by validation
    article = article or Article(lesson.article)
    _ground_people(lesson, article, sink, report)
    for fact in lesson.facts:
        _ground_fact(fact, article, sink, report)
    check_misreadings(lesson, article, report.spans, sink)
    return report


def _locate(
    passages: tuple[str, ...], pos: Position, what: str, article: Article, sink: DiagnosticSink, code: str
) -> list[tuple[int, int]]:
    spans = []
    for passage in passages:
        span = article.find(passage)
        if span is None:
            closest = article.closest(passage)
            if closest and "..." not in passage and (marked := _misquoted(passage, closest, article)):
                message = f'{what} is not in the article: "{marked.quoted}"'
                hint = f'the article has: "{marked.article}" (the words in [ ] differ; copy the article\'s words)'
            else:
                message = f'{what} is not in the article: "{_short(passage)}"'
                hint = (
                    f'the closest passage in the article is: "{closest}"'
                    if closest
                    else "copy the words from the article"
                )
            sink.error(pos, code, message, hint)
        else:
            spans.append(span)
    return spans


def _misquoted(passage: str, closest: str, article: Article) -> MarkedDifference | None:
    """How `passage` differs from the article's `closest` passage, which may have lost words at its end
    (it has as many words as `passage`): compared with the article's text that runs on after it."""
    span = article.find(closest)
    return mark_differences(passage, article.original[span[0] : span[1] + 200] if span else closest)


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_years(
    when: PartialDate | None,
    texts: list[str],
    teacher: frozenset[str],
    pos: Position,
    what: str,
    sink: DiagnosticSink,
    key: str = "when",
    article: str = "",
    evidence_start: int = 0,
) -> None:
    """Warn when a date's year is not in its evidence. A day or month the evidence names ("on 16
    October") takes its year from the article before the evidence, as news reports write the year once."""
    if when is None or not texts or key in teacher or "*" in teacher or f"{key}.year" in teacher:
        return
    joined = " ".join(texts)
    running = bool(when.month) and calendar.month_name[when.month or 1] in joined
    # One end of a span from the teacher (from_teacher: [when.from]): the article need not give its year.
    ends = ("from", "to") if when.is_span else ()
    given = {year for year, end in zip(when.years, ends, strict=False) if f"{key}.{end}" in teacher}
    missing = [y for y in when.unmentioned(joined)
               if y not in given and not (running and article.find(y, 0, evidence_start) >= 0)]  # fmt: skip
    if missing:
        sink.warning(
            pos,
            "ground.year-not-in-evidence",
            f"{what} gives {when.text}, but its evidence does not mention {' or '.join(missing)}",
            "add the passage that gives the date to evidence:, "
            f"or list '{key}' (or '{key}.year') under from_teacher: if you know it from elsewhere",
        )
    _check_day_and_month(when, joined, teacher, pos, what, sink, key)


def _check_day_and_month(when: PartialDate, joined: str, teacher: frozenset[str], pos: Position, what: str,
                         sink: DiagnosticSink, key: str) -> None:  # fmt: skip
    """Warn when the month or day of a date is in neither the evidence nor the teacher's parts."""
    missing = []
    if f"{key}.from" in teacher:
        return  # the month and day checked are the start's, which the teacher gives
    if when.month and f"{key}.month" not in teacher:
        names = (calendar.month_name[when.month], calendar.month_abbr[when.month])
        if not re.search(rf"\b(?:{'|'.join(names)})\b|\b\d{{4}}-0?{when.month}\b", joined):
            missing.append(calendar.month_name[when.month])
    if when.day and f"{key}.day" not in teacher and not re.search(rf"(?<!\d){when.day}(?!\d)", joined):
        missing.append(f"day {when.day}")
    if missing:
        sink.warning(pos, "ground.date-not-in-evidence",
                     f"{what} gives {when.text}, but its evidence does not mention {' or '.join(missing)}",
                     f"add the passage that gives the date to evidence:, or list '{key}.month' or '{key}.day' "
                     "under from_teacher: if you know it from elsewhere")  # fmt: skip


def _ground_people(lesson: Lesson, article: Article, sink: DiagnosticSink, report: GroundReport) -> None:
    for person in lesson.people.values():
        teacher = person.from_teacher
        if "*" not in teacher:
            if "name" not in teacher and not _name_in_article(person, article):
                sink.warning(
                    person.positions.get("name", person.pos),
                    "ground.name-not-in-article",
                    f"the name '{person.name}' of '{person.id}' does not occur in the article",
                    "list the article's forms of it under aliases: (a first name and a surname the article "
                    "uses count), or, if you added part of the name yourself, add 'name' to from_teacher:",
                )
            if "aliases" not in teacher:
                for alias in person.aliases:
                    if not article.mentions(alias):
                        sink.warning(
                            person.positions.get("aliases", person.pos),
                            "ground.alias-not-in-article",
                            f"the alias '{alias}' of '{person.id}' does not occur in the article",
                            "remove it, or add 'aliases' to from_teacher:",
                        )
        for index, role in enumerate(person.roles):
            key = f"{person.id}.roles.{index}"
            where = role.positions.get("evidence", role.pos)
            spans = _locate(
                role.evidence,
                where,
                f"evidence for the role '{role.title}'",
                article,
                sink,
                "ground.evidence-not-found",
            )
            report.spans[key] = spans
            if not role.evidence and not (role.from_teacher & {"*", "title"}):
                sink.warning(
                    role.pos,
                    "ground.no-evidence",
                    f"the role '{role.title}' of '{person.id}' has no evidence",
                    "add evidence: with the article's words, or from_teacher: true if you know it from elsewhere",
                )
            _check_years(role.when, list(role.evidence), role.from_teacher, role.positions.get("when", role.pos),
                         f"the role '{role.title}' of '{person.id}'", sink)  # fmt: skip
            if role.is_office and (word := description_word(role.title)):
                sink.warning(role.positions.get("title", role.pos), "role.description-as-office",
                             f"the role '{role.title}' of '{person.id}' is kept as an office, but '{word}' says what "
                             "someone is or does, not a post held for a time: it would be asked 'What office did "
                             f"{person.name} hold?'",
                             "add kind: description to the role (it is then shown, not asked), or give the post's "
                             "title (e.g. 'President of ...')")  # fmt: skip
            if role.is_office and bare_post(role.title):
                sink.warning(role.positions.get("title", role.pos), "role.no-place",
                             f"the office '{role.title}' of '{person.id}' names no country or body: 'Who was "
                             f"{role.title} then?' does not say of where",
                             "name it in the title as the article does (e.g. 'UK Prime Minister', 'President of "
                             "France')")  # fmt: skip


# Head words of roles that say what someone is or does, not a post they hold: "dictator of X",
# "political analyst", "salesman for a shipping line".
DESCRIPTION_WORDS = frozenset(
    "dictator strongman tyrant hero icon activist campaigner critic veteran analyst expert commentator "
    "journalist reporter columnist editor writer author novelist poet historian scholar academic lawyer "
    "businessman businesswoman entrepreneur salesman saleswoman farmer worker student teacher doctor artist "
    "actor actress singer filmmaker film-maker".split()
)


# Posts that many countries and bodies have: the title alone does not say whose.
_BARE_POST = re.compile(
    r"(?:the )?(?:former )?(?:(?:vice[- ])?president|prime minister|premier|chancellor|king|queen|mayor|governor"
    r"|ambassador|(?:foreign|defen[cs]e|finance|interior|justice) minister|minister)",
    re.IGNORECASE,
)


def bare_post(title: str) -> bool:
    """Whether an office's title is one many countries and bodies have, with nothing to say whose."""
    return _BARE_POST.fullmatch(title.strip()) is not None


def description_word(title: str) -> str | None:
    """The head word of a role's title when it describes someone rather than names a post ("analyst" of
    "political analyst", "dictator" of "dictator of Chile"), else None."""
    head = re.split(r" (?:of|for|at|in|to|with)\b", title.lower(), maxsplit=1)[0].split()
    return head[-1] if head and head[-1] in DESCRIPTION_WORDS else None


_GIVEN_NAME = r"[A-Z][\w'.-]*(?: [A-Z][\w'.-]*)?"  # one or two capitalised words: "Doreen", "Mary Ann"


def _name_in_article(person: Person, article: Article) -> bool:
    """Whether the article gives the person's name: whole ("Tove Lindqvist"); with the surname shared
    by several people named before it ("Tove and Mats Lindqvist", "Tove, Mats and Ebba Lindqvist");
    or word by word in forms the article uses, of which at least one is an alias the teacher lists
    ("Tove" and "Lindqvist"). A body's "the" is English, not the article's word: "the Lenby Harbour
    Trust" where the article has "the Lenby and Varel harbour trusts' ... Lenby Harbour Trust"."""
    if article.mentions(person.name) or article.mentions(re.sub(r"^[Tt]he ", "", person.name)):
        return True
    words = person.name.split()
    if len(words) < 2:
        return False
    given, surname = re.escape(" ".join(words[:-1])), re.escape(words[-1])
    shared = rf"\b{given}(?:, {_GIVEN_NAME})*,? (?:and|&) {_GIVEN_NAME} {surname}\b"
    if re.search(shared, article.normal.text):
        return True
    aliases = [alias for alias in person.aliases if article.mentions(alias)]
    surname = [words[-1]] if person.kind == "person" and article.mentions(words[-1]) else []
    return bool(aliases) and all(any(word in form.split() for form in aliases + surname) for word in words)


def _ground_fact(fact: Fact, article: Article, sink: DiagnosticSink, report: GroundReport) -> None:
    spans: list[tuple[int, int]] = []
    supporting: list[str] = list(fact.evidence)
    if fact.said is not None:
        report.quotations_checked += 1
        found = _locate(
            (fact.said,),
            fact.field_pos("said"),
            f"the quotation of fact '{fact.id}'",
            article,
            sink,
            "ground.quote-not-found",
        )
        report.quotations_found += len(found)
        spans += found
        supporting.append(fact.said)
    if fact.reply is not None:
        # A reply's words, or the words a reported reaction quotes ("dismissed it as a “dream”").
        quoted_words = (fact.reply.said,) if fact.reply.said else tuple(_QUOTED.findall(fact.reply.reaction or ""))
        report.quotations_checked += len(quoted_words)
        found = _locate(
            quoted_words,
            fact.reply.pos,
            f"the reply in fact '{fact.id}'",
            article,
            sink,
            "ground.quote-not-found",
        )
        report.quotations_found += len(found)
        spans += found
        spans += _locate(
            fact.reply.evidence,
            fact.reply.pos,
            f"evidence for the reply in fact '{fact.id}'",
            article,
            sink,
            "ground.evidence-not-found",
        )
        # The reply's evidence dates the reply, not the proposal: it supports no year of the fact.
    spans += _locate(
        fact.evidence,
        fact.field_pos("evidence"),
        f"evidence for fact '{fact.id}'",
        article,
        sink,
        "ground.evidence-not-found",
    )
    report.spans[fact.id] = spans
    if fact.said is None and not fact.evidence and "*" not in fact.from_teacher:
        sink.warning(
            fact.pos,
            "ground.no-evidence",
            f"the fact '{fact.id}' has no evidence",
            "add evidence: with the article's words, or from_teacher: true if the fact comes from elsewhere",
        )
    start = min((begin for begin, _ in spans), default=0)  # a search bound, not a copy of the article
    _check_years(fact.when, supporting, fact.from_teacher, fact.field_pos("when"), f"the fact '{fact.id}'", sink,
                 article=article.original, evidence_start=start)  # fmt: skip
    _check_years(fact.said_when, supporting, fact.from_teacher, fact.field_pos("said_when"),
                 f"the fact '{fact.id}'", sink, "said_when", article.original, start)  # fmt: skip
