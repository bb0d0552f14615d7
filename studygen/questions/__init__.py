"""The question engine: every kind's drafts, worded, gated and given choices, in a stable order."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import jinja2

from ..confine import UnsafeFile
from ..dates import WEEKDAYS, DateError, PartialDate, parse_date
from ..diagnostics import Diagnostic, DiagnosticSink, Position, Severity
from ..forking import ForkedCall, can_fork
from ..memory import gc_paused
from ..model import Lesson
from ..paths import display_path
from . import chronology, cloze, offices, proposals, sourcing  # noqa: F401 - registers the kinds
from .base import KINDS, TEACHER, Draft, Question, account_dates, teacher_values, with_teacher_names
from .choices import TYPED, YEAR_TYPES, Chooser, balance_letters, position_for
from .chronology import outside_period, title_period
from .gates import first_failure, unique_prompts
from .selection import PRINTED, select
from .sourcing import within_share, without_drill
from .triage import Flag, flag_reasons, triage
from .wording import TEMPLATE_FOLDER, Wording, load_wordings, render, template_names_in_folder

__all__ = ["KINDS", "Question", "QuestionSet", "build_questions"]

TEACHER_DATE = "The date is your teacher's, not the article's."
TEACHER_DATE_FROM = "The date is your teacher's, worked out from the article's “%s”."
TEACHER_DATES = "The dates are your teacher's, not the article's."
TEACHER_YEARS = "The years are your teacher's, not the article's."
TEACHER_YEAR = "The year is your teacher's, not the article's."
TEACHER_OFFICE = "The office and its dates are your teacher's, not the article's."
TEACHER_FRAME = "The words around the quotation are your teacher's."


@dataclass
class QuestionSet:
    questions: list[Question] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Why a question needs a teacher's look (by question id; those that need none are not listed).
    flags: dict[str, tuple[str, ...]] = field(default_factory=dict)  # why a question needs a look (triage)

    def triage(self) -> list[Flag]:
        """The questions to look at first, and the questions left out, each with why."""
        return triage(self.flags, self.diagnostics)

    def by_kind(self) -> dict[str, list[Question]]:
        grouped: dict[str, list[Question]] = {name: [] for name in KINDS}
        for question in self.questions:
            grouped[question.kind].append(question)
        return {name: items for name, items in grouped.items() if items}


def _teacher_date_said(
    prompt: str, sources: tuple[tuple[str, str], ...], evidence: tuple[str, ...] = (), office: str = ""
) -> str:
    """The prompt, with a word that its date is the teacher's where a date it asks or shows is wholly theirs,
    and, where the evidence gives the day by the article's own ("on Saturday night"), that it is worked
    out from those words: the student can find them, and the date is no outsider's. `office`: the title
    of the office a "Who was ...?" shows, which is said to be the teacher's too where it is."""
    if office and (office, TEACHER) in sources and any(_date_or_none(v) for v, by in sources if by == TEACHER):
        return f"{prompt} {TEACHER_OFFICE}"  # the whole role: "UK Prime Minister from 1979 to 1990"
    for value, given_by in sources:
        if given_by.endswith(f"; the year from {TEACHER}"):
            return f"{prompt} {TEACHER_YEAR}"  # "in what month and year?": the month the article's
        if given_by != TEACHER:
            continue
        date = _date_or_none(value)
        if date is None:
            continue
        if not date.is_span or date.open_end:  # "in 1998", "from 1997": one date shown
            day = next((m.group().removeprefix("on ") for text in evidence if (m := _ARTICLES_DAY.search(text))), "")
            return f"{prompt} {TEACHER_DATE_FROM % day if day else TEACHER_DATE}"
        return f"{prompt} {TEACHER_DATES if date.month or date.end_month else TEACHER_YEARS}"
    return prompt


def _date_or_none(value: str) -> PartialDate | None:
    """A source's value as a date, or None for a name, a title or words."""
    try:
        return parse_date(value)
    except DateError:
        return None


# A day the article gives by its own: "on Saturday night", "yesterday", "last Tuesday".
_ARTICLES_DAY = re.compile(
    rf"\b(?:(?:last |on |this |next )?(?:{WEEKDAYS})"
    r"(?: (?:morning|afternoon|evening|night))?|yesterday|last night|tonight)\b"
)


# The gate a kind's own refusals belong to, for the note's code.
_LEFT_OUT_GATE = {"cloze": "meaning", "when": "attribution", "claim": "worth"}


def _note(sink: DiagnosticSink, pos: Position, key: str, kind: str, reason: str, gate: str, hint: str = "") -> None:
    sink.add(
        Severity.NOTE,
        pos,
        f"question.{gate}",
        f"left out the {kind} question about '{key}': {reason}",
        hint or f"reword it with your own template, or list '{key}' under questions: exclude: {kind}: to silence this",
    )


# From this many facts, the kinds are shared with a forked process: below it, forking and sending
# the questions back cost more than they save.
FORK_FROM_FACTS = 2_000


def build_questions(
    lesson: Lesson, contexts: Mapping[str, str] | None = None, share: bool | None = None, one_sheet: bool = True
) -> QuestionSet:
    """All questions of a lesson; what fails a gate is left out with a note for the teacher.

    `share`: make half the kinds in a forked process (default: for a lesson of FORK_FROM_FACTS
    facts or more, where there are cores for it). The questions are the same either way.
    `one_sheet`: read the questions as one sheet and leave out each that gives another away
    (`selection`); False keeps every kind's questions, to look at one kind on its own.
    """
    if share is None:
        share = len(lesson.facts) >= FORK_FROM_FACTS and can_fork()
    with gc_paused():
        return _build_questions(lesson, contexts or {}, share, one_sheet)


def _build_questions(lesson: Lesson, contexts: Mapping[str, str], share: bool, one_sheet: bool) -> QuestionSet:
    sink = DiagnosticSink(display_path(lesson.path))
    if outside := outside_period(lesson):
        first, last = title_period(lesson.title)  # type: ignore[misc]
        for fact in outside:
            sink.add(Severity.NOTE, fact.pos, "question.worth",
                     f"no questions about '{fact.id}': it is dated {fact.when.display()}, outside the "  # type: ignore[union-attr]
                     f"lesson's period ({first}-{last}, from its title)",
                     "to ask about it, widen the period in the lesson's title")  # fmt: skip
        lesson = dataclasses.replace(lesson, facts=tuple(f for f in lesson.facts if f not in outside))
    names = [name for name in KINDS if name not in lesson.questions.skip_kinds]
    try:
        files = template_names_in_folder(lesson)
    except UnsafeFile as exc:
        sink.add(Severity.ERROR, None, "questions.template-file", exc.message, exc.hint,
                 path=display_path(lesson.directory / TEMPLATE_FOLDER))  # fmt: skip
        return QuestionSet(diagnostics=sink.items)
    for file in files:
        if file.stem not in KINDS:
            sink.add(Severity.WARNING, None, "questions.unknown-template",
                     f"the template '{file.name}' is not named after a question kind",
                     f"name it after one of: {', '.join(KINDS)}", path=display_path(file))  # fmt: skip
    wordings = load_wordings(lesson, names, sink)
    maker = _KindMaker(lesson, contexts, wordings)
    names = [name for name in names if name in wordings]  # a template that did not compile is reported
    made = _made_sharing(maker, names) if share else maker.make_all(names)
    questions: list[Question] = []
    origins: dict[str, tuple[Position, str]] = {}
    year_options: dict[str, dict[int, tuple[str, ...]]] = {}
    for name in names:  # in the kinds' order, whichever process made them
        questions += made[name].questions
        origins.update(made[name].origins)
        year_options.update(made[name].year_options)
        for note in made[name].notes:
            sink.keep(note)
    ambiguous = unique_prompts(questions)
    for question in questions:
        if question.id in ambiguous:
            pos, key = origins[question.id]
            _note(sink, pos, key, question.kind, ambiguous[question.id], "not-unique")
    questions = [q for q in questions if q.id not in ambiguous]
    questions = _within_share(questions, origins, sink)
    if one_sheet and lesson.questions.one_sheet:
        questions = _without_giveaways(lesson, questions, wordings, origins, sink)
        questions = _within_share(questions, origins, sink)  # again: selection may leave fewer others
        questions, drilled = without_drill(questions, lesson.title)
        for question in drilled:
            pos, key = origins[question.id]
            _note(sink, pos, key, "attribution",
                  f"{question.answer} would answer most of the 'who said ...?' questions left on the sheet; two "
                  "short answers, or three in all, are kept, so that it stays a question about sources rather than "
                  "a drill", "worth",
                  "nothing to fix; exclude a kept one under questions: exclude: attribution: to ask this one "
                  "instead")  # fmt: skip
    questions = balance_letters(questions, year_options)
    return QuestionSet(questions, sink.items, flag_reasons(lesson, questions))


def _within_share(questions: list[Question], origins: dict[str, tuple[Position, str]],
                  sink: DiagnosticSink) -> list[Question]:  # fmt: skip
    """The questions with 'fact or account?' at most a quarter of the multiple-choice ones, with a note."""
    questions, over_share = within_share(questions)
    if over_share:
        pos, key = origins[over_share[0].id]
        _note(sink, pos, key, "claim",
              f"'fact or account?' is at most a quarter of the multiple-choice questions, so that it stays a question "
              f"about sources rather than a drill; {len(over_share)} {'was' if len(over_share) == 1 else 'were'} left "
              "out, those whose source matters least "
              f"({', '.join(q.fact for q in over_share[:6])}{', ...' if len(over_share) > 6 else ''})", "worth",
              "nothing to fix; exclude a kept one under questions: exclude: claim: to ask another instead")  # fmt: skip
    return questions


def _without_giveaways(
    lesson: Lesson,
    questions: list[Question],
    wordings: dict[str, Wording],
    origins: dict[str, tuple[Position, str]],
    sink: DiagnosticSink,
) -> list[Question]:
    """The questions read as one sheet: each left out (or each item of a matching or timeline left
    out) that a kept question gives away or that gives a kept one away, with a note saying which."""
    kept, left = select(lesson, questions, lambda q, count: render(wordings[q.kind], {"count": count}))
    for out in left:
        pos, key = origins[out.question.id]
        if out.other == PRINTED:  # the title or the citation shows its answer
            since = out.why.replace("the other ", f"{PRINTED}, printed with every question, ")
            hint = "nothing to fix; the article's title is its own, and the lesson's title is yours to reword"
        else:
            since = f"{out.other} is kept and {out.why}"
            other_key, other_kind = origins[out.other][1], out.other.rsplit("/", 1)[1]
            if lesson.facts_by_id([other_key]) and other_key not in out.question.facts:
                hint = (
                    f"nothing to fix; to ask this instead, list '{other_key}' under questions: exclude: {other_kind}:"
                )
            else:  # a role's or a set's question, or one of the same fact (whose exclusion would leave out both)
                hint = f"nothing to fix; to ask this instead, list {other_kind} under questions: skip_kinds:"
        if out.items:
            sink.add(Severity.NOTE, pos, "question.worth",
                     f"left out of the {out.question.kind} question about '{key}': the item “{out.items[0]}”, "
                     f"since {since}", hint)  # fmt: skip
        else:
            _note(sink, pos, key, out.question.kind, since, "worth", hint)
    return kept


@dataclass
class _KindQuestions:
    """One kind's questions, the notes it gives the teacher, and where each question comes from
    (its fact's position and its key, for a later note): what a forked process sends back."""

    questions: list[Question] = field(default_factory=list)
    notes: list[Diagnostic] = field(default_factory=list)
    origins: dict[str, tuple[Position, str]] = field(default_factory=dict)
    # Year questions: each place the answer can take among years in order, with those years.
    year_options: dict[str, dict[int, tuple[str, ...]]] = field(default_factory=dict)


def _made_sharing(maker: _KindMaker, names: list[str]) -> dict[str, _KindQuestions]:
    """Every second kind made in a forked process while this one makes the others. The process gets
    the lesson and the templates by being forked, and sends back only its kinds' questions."""
    with ForkedCall(maker.make_all, names[1::2]) as theirs:  # the fork keeps the collector paused
        made = maker.make_all(names[::2])
        made.update(theirs.result())
    return made


class _KindMaker:
    """Makes the questions of one kind at a time, with what all kinds of a lesson share."""

    def __init__(self, lesson: Lesson, contexts: Mapping[str, str], wordings: dict[str, Wording]) -> None:
        self.lesson = lesson
        self.contexts = contexts
        self.wordings = wordings
        self.citation = lesson.source.citation()
        self.chooser = Chooser(lesson)
        self._contexts_of: dict[tuple[str, ...], str] = {}

    def context_of(self, keys: tuple[str, ...]) -> str:
        """The article's sentences behind some facts: one string shared by all their questions."""
        if (context := self._contexts_of.get(keys)) is None:
            context = self._contexts_of[keys] = " … ".join(
                dict.fromkeys(self.contexts[k] for k in keys if self.contexts.get(k))
            )
        return context

    def make_all(self, names: list[str]) -> dict[str, _KindQuestions]:
        return {name: self.make(name) for name in names}

    def make(self, name: str) -> _KindQuestions:
        lesson, settings, chooser, wording = self.lesson, self.lesson.questions, self.chooser, self.wordings[name]
        made = _KindQuestions()
        sink = DiagnosticSink(display_path(lesson.path))
        kind = KINDS[name]
        excluded = settings.exclude.get(name, frozenset())
        drafts = [d for d in kind.make(lesson) if d.key not in excluded and not excluded & set(d.facts)]
        for draft in drafts:
            if draft.left_out:
                silence = f"to silence this note, list '{draft.key}' under questions: exclude: {name}:"
                hint = draft.left_out_hint or silence
                gate = draft.left_out_code or _LEFT_OUT_GATE.get(name, "not-unique")
                _note(sink, draft.pos, draft.key, name, draft.left_out, gate, hint)
                continue
            try:
                prompt = render(wording, draft.variables)
            except jinja2.TemplateError as exc:
                sink.add(Severity.ERROR, wording.pos, "questions.template-error",
                         f"the {name} template failed for '{draft.key}': {exc}",
                         f"the variables of {name} are: {', '.join(sorted(draft.variables))}",
                         path=wording.path)  # fmt: skip
                break
            question_id = f"{lesson.id}/{draft.key}/{name}"
            choices, correct = (), None
            preferred = position_for(settings.seed, question_id)
            if draft.answer_type in YEAR_TYPES:
                # Years stay in order, so the answer cannot always go where its id puts it.
                options = chooser.year_places(draft, prompt)
                if options:
                    correct = preferred if preferred in options else min(options)
                    choices = options[correct]
                    made.year_options[question_id] = options
            elif draft.answer_type in TYPED:
                choices, correct = chooser.choices(draft, preferred, prompt)
            if draft.answer_type in TYPED and not choices:
                sink.add(Severity.NOTE, draft.pos, "question.no-choices",
                         f"the {name} question about '{draft.key}' has no multiple-choice version: "
                         "the lesson has fewer than three wrong answers of the same kind",
                         "add facts or people of the same kind, or accept a short-answer question")  # fmt: skip
            sources = _with_teacher_values(lesson, draft, prompt, names=name != "claim")
            # A date no student can find in the article, asked ("died on Tuesday" made a day) or standing
            # for the answer ("Who was president from 1970 to 1973?", "What office did X hold then?"):
            # the front says whose.
            # A frame in the teacher's words ("charged that ...") is no words of the article's: the front says so.
            frames = {fact.frame for fact in lesson.facts_by_id(draft.facts) if fact.frame}
            if any(given_by == TEACHER and value in frames for value, given_by in sources):
                prompt = f"{prompt} {TEACHER_FRAME}"
            if name in ("when", "office-holder", "office"):
                evidence = tuple(text for fact in lesson.facts_by_id(draft.facts) for text in fact.evidence)
                office = str(draft.variables.get("title") or "") if name == "office-holder" else ""
                prompt = _teacher_date_said(prompt, sources, evidence if name == "when" else (), office)
            question = Question(
                id=question_id,
                lesson=lesson.id,
                fact=draft.facts[0] if len(draft.facts) == 1 else draft.key,
                facts=draft.facts,
                kind=name,
                skill=kind.skill,
                prompt=prompt,
                answer=draft.answer,
                alternatives=draft.alternatives,
                answer_type=draft.answer_type,
                source=self.citation,
                according_to=draft.according_to,
                choices=choices,
                correct=correct,
                items=draft.items,
                pairs=draft.pairs,
                cloze=draft.cloze,
                context=self.context_of(draft.context_keys),
                fact_summary=draft.summary,
                people=draft.people,
                sources=sources,
            )
            failed = first_failure(question, draft.forbidden, lesson.title, self.citation)
            if failed is not None:
                gate, reason = failed
                _note(sink, draft.pos, draft.key, name, reason, gate)
                continue
            made.questions.append(question)
            made.origins[question.id] = (draft.pos, draft.key)
        made.notes = sink.items
        return made


def _with_teacher_values(lesson: Lesson, draft: Draft, prompt: str, names: bool = True) -> tuple[tuple[str, str], ...]:
    """The draft's sources, with the dates of accounts and the values the teacher added that it shows; with
    `names`, the names the teacher completed too (not for "fact or account?", whose choices label sources)."""
    filled = prompt + (draft.cloze.filled() if draft.cloze else "")
    # The back and the key say whose account it is, with its date ("what Jon Vik said in March 2001").
    sources = draft.sources + account_dates(lesson, draft.facts, f"{filled} {draft.according_to or ''}")
    shown = " ".join([filled, draft.answer, *draft.items])
    known = {value for value, _ in sources}
    sources += tuple(s for s in teacher_values(lesson, draft.facts, shown) if s[0] not in known)
    return with_teacher_names(lesson, sources, shown) if names else sources
