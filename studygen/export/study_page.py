"""The study page: one self-contained HTML file a student opens from disk or a link, with no
network at all, to study the lesson's questions as flashcards, multiple choice, typed answers and
orderings, spaced by a scheduler of its own (SM-2) and remembered in the browser.

The lesson is untrusted: its questions travel as JSON inside `<script type="application/json">`
(every `<` written `\\u003c`, so no `</script>` or `<!--` can end the block) and the script puts
them on the page with `textContent` only. A Content-Security-Policy allows nothing but the page's
own style sheet and script (by their hashes): no request, no other script.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from importlib.resources import files
from typing import Any

from markupsafe import Markup

from ..html import html_templates
from ..questions import Question
from ..questions.shapes import Shape
from . import LessonBuild, Output, exporter
from .plain_text import plain

# Answers a student can reasonably type: not a whole account or reaction, which are told apart by
# their choices, nor anything longer than a name, a date, an office or a few words.
NOT_TYPED = frozenset({"account", "reaction"})
TYPED_LENGTH = 40


def content_key(question: Question) -> str:
    """The question as the student sees it, hashed: progress is kept under this key, so a corrected
    lesson keeps the progress of every question whose wording, answer and choices did not change
    (a changed passage or source does not count: the question is the same)."""
    seen = {
        "shape": str(question.shape),
        "prompt": question.prompt,
        "answer": question.answer,
        "alternatives": question.alternatives,
        "choices": question.choices,
        "correct": question.correct,
        "items": question.items,
        "pairs": question.pairs,
        "cloze": question.to_json().get("cloze"),
    }
    text = json.dumps(seen, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def typeable(question: Question) -> bool:
    """Whether the typed-answer mode asks this question."""
    if question.shape is Shape.CLOZE:
        return all(len(blank.answer) <= TYPED_LENGTH for blank in question.cloze.blanks)  # type: ignore[union-attr]
    return (
        question.shape in (Shape.SHORT, Shape.CHOICE)
        and question.answer_type not in NOT_TYPED
        and len(question.answer) <= TYPED_LENGTH
    )


def page_data(build: LessonBuild) -> dict[str, Any]:
    """What the page's script reads: the questions in the order `build` gives them, and the
    article's passages once each (many questions share one)."""
    passages: dict[str, int] = {}
    questions = []
    for question in build.questions.questions:
        item: dict[str, Any] = {
            "key": content_key(question),
            "shape": str(question.shape),
            "prompt": question.prompt,
            "answer": question.answer,
            "alternatives": list(question.alternatives),
            "according": question.according_to,
            "sources": [list(pair) for pair in question.sources],
            "passage": passages.setdefault(question.context, len(passages)) if question.context else -1,
            "typed": typeable(question),
            "blanks": [
                {"answer": blank.answer, "alternatives": list(blank.alternatives)}
                for blank in (question.cloze.blanks if question.cloze else ())
            ],
        }
        if question.shape is Shape.CHOICE:
            item["choices"], item["correct"] = list(question.choices), question.correct
        if question.shape is Shape.MATCHING:
            item["matches"] = [[match.prompt, match.answer] for match in question.matches]
        if question.shape is Shape.ORDERING:
            item["items"] = list(question.items)
            item["sequence"] = [[event.when, event.label] for event in question.sequence]
        questions.append(item)
    return {"lesson": build.lesson.id, "passages": list(passages), "questions": questions}


def script_json(data: object) -> Markup:
    """JSON for a `<script type="application/json">` block: every `<` escaped, so the text can hold
    neither `</script>` nor `<!--`; JSON.parse reads `\\u003c` back as `<`."""
    return Markup(plain(json.dumps(data, ensure_ascii=False, separators=(",", ":"))).replace("<", "\\u003c"))


@cache
def _asset(name: str) -> str:
    return files("studygen").joinpath("templates", "study", name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def render_page(build: LessonBuild) -> str:
    style = _asset("study.css")
    script = _asset("scheduler.js") + "\n" + _asset("study.js")
    return html_templates.get_template("study.html.j2").render(
        lesson=build.lesson,
        citation=build.lesson.source.citation(),
        count=len(build.questions.questions),
        style=Markup(style),  # our own files, not the lesson's
        script=Markup(script),
        style_hash=_csp_hash(style),
        script_hash=_csp_hash(script),
        data=script_json(page_data(build)),
    )


def page_name(lesson_id: str) -> str:
    return f"{lesson_id}.study.html"


@exporter(
    "study",
    "Self-quiz page (one HTML file, works offline): flashcards, multiple choice, typed answers, ordering",
    writes={
        Shape.CHOICE: "flashcard, multiple choice and typed answer",
        Shape.SHORT: "flashcard and typed answer",
        Shape.CLOZE: "flashcard and typed answer (the missing words)",
        Shape.MATCHING: "flashcard: the quotations, then each with its speaker",
        Shape.ORDERING: "flashcard, and put the events in order",
    },
)
def export_study_page(build: LessonBuild) -> list[Output]:
    return [Output(page_name(build.lesson.id), render_page(build).encode("utf-8"))]
