"""The question engine: every kind's drafts, worded, gated and given choices, in a stable order."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field

import jinja2

from ..diagnostics import Diagnostic, DiagnosticSink, Severity
from ..memory import gc_paused
from ..model import Lesson
from ..paths import display_path
from . import chronology, cloze, offices, proposals, sourcing  # noqa: F401 - registers the kinds
from .base import KINDS, Draft, Question, account_dates
from .choices import CHOICES, TYPED, YEAR_TYPES, Chooser, position_for
from .gates import first_failure, unique_prompts
from .wording import load_wordings, render, template_names_in_folder

__all__ = ["KINDS", "Question", "QuestionSet", "build_questions"]


@dataclass
class QuestionSet:
    questions: list[Question] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def by_kind(self) -> dict[str, list[Question]]:
        grouped: dict[str, list[Question]] = {name: [] for name in KINDS}
        for question in self.questions:
            grouped[question.kind].append(question)
        return {name: items for name, items in grouped.items() if items}


# The gate a kind's own refusals belong to, for the note's code.
_LEFT_OUT_GATE = {"cloze": "meaning", "when": "attribution", "claim": "worth"}


def _note(sink: DiagnosticSink, draft: Draft, kind: str, reason: str, gate: str, hint: str = "") -> None:
    sink.add(
        Severity.NOTE,
        draft.pos,
        f"question.{gate}",
        f"left out the {kind} question about '{draft.key}': {reason}",
        hint
        or f"reword it with your own template, or list '{draft.key}' under questions: exclude: {kind}: to silence this",
    )


def build_questions(lesson: Lesson, contexts: Mapping[str, str] | None = None) -> QuestionSet:
    """All questions of a lesson; what fails a gate is left out with a note for the teacher."""
    with gc_paused():
        return _build_questions(lesson, contexts or {})


def _build_questions(lesson: Lesson, contexts: Mapping[str, str]) -> QuestionSet:
    sink = DiagnosticSink(display_path(lesson.path))
    settings = lesson.questions
    names = [name for name in KINDS if name not in settings.skip_kinds]
    for file in template_names_in_folder(lesson):
        if file.stem not in KINDS:
            sink.add(Severity.WARNING, None, "questions.unknown-template",
                     f"the template '{file.name}' is not named after a question kind",
                     f"name it after one of: {', '.join(KINDS)}", path=display_path(file))  # fmt: skip
    wordings = load_wordings(lesson, names, sink)
    citation = lesson.source.citation()
    chooser = Chooser(lesson)
    questions: list[Question] = []
    drafts_of: dict[str, Draft] = {}

    @functools.cache
    def context_of(keys: tuple[str, ...]) -> str:
        """The article's sentences behind some facts: one string shared by all their questions."""
        return " … ".join(dict.fromkeys(contexts[k] for k in keys if contexts.get(k)))

    for name in names:
        if name not in wordings:
            continue  # its template did not compile; reported
        kind = KINDS[name]
        excluded = settings.exclude.get(name, frozenset())
        drafts = [d for d in kind.make(lesson) if d.key not in excluded and not excluded & set(d.facts)]
        for draft in drafts:
            if draft.left_out:
                silence = f"to silence this note, list '{draft.key}' under questions: exclude: {name}:"
                hint = draft.left_out_hint or silence
                _note(sink, draft, name, draft.left_out, _LEFT_OUT_GATE.get(name, "not-unique"), hint)
                continue
            try:
                prompt = render(wordings[name], draft.variables)
            except jinja2.TemplateError as exc:
                wording = wordings[name]
                sink.add(Severity.ERROR, wording.pos, "questions.template-error",
                         f"the {name} template failed for '{draft.key}': {exc}",
                         f"the variables of {name} are: {', '.join(sorted(draft.variables))}",
                         path=wording.path)  # fmt: skip
                break
            question_id = f"{lesson.id}/{draft.key}/{name}"
            choices, correct = (), None
            if draft.answer_type in TYPED:
                choices, correct = chooser.choices(draft, position_for(settings.seed, question_id), prompt)
            if not choices and draft.answer_type in YEAR_TYPES:
                # Years stay in order, so the answer cannot always go where its id puts it.
                for position in range(CHOICES):
                    choices, correct = chooser.choices(draft, position, prompt)
                    if choices:
                        break
            if draft.answer_type in TYPED and not choices:
                sink.add(Severity.NOTE, draft.pos, "question.no-choices",
                         f"the {name} question about '{draft.key}' has no multiple-choice version: "
                         "the lesson has fewer than three plausible wrong answers of its type",
                         "add facts or people of the same kind, or accept a short-answer question")  # fmt: skip
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
                source=citation,
                according_to=draft.according_to,
                choices=choices,
                correct=correct,
                items=draft.items,
                pairs=draft.pairs,
                cloze=draft.cloze,
                context=context_of(draft.context_keys),
                fact_summary=draft.summary,
                people=draft.people,
                sources=draft.sources
                + account_dates(lesson, draft.facts, prompt + (draft.cloze.filled() if draft.cloze else "")),
            )
            failed = first_failure(question, draft.forbidden)
            if failed is not None:
                gate, reason = failed
                _note(sink, draft, name, reason, gate)
                continue
            questions.append(question)
            drafts_of[question.id] = draft
    ambiguous = unique_prompts(questions)
    for question in questions:
        if question.id in ambiguous:
            _note(sink, drafts_of[question.id], question.kind, ambiguous[question.id], "not-unique")
    questions = [q for q in questions if q.id not in ambiguous]
    return QuestionSet(questions, sink.items)
