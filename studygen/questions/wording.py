"""Question wording: the shipped Jinja2 templates, a teacher's overrides, and tidying.

Templates render plain text with StrictUndefined, so a misspelt variable is an error
the teacher sees, never the word "None" in front of a class.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from ..confine import UnsafeFile, inside, read_regular
from ..diagnostics import DiagnosticSink, Position, Severity
from ..model import Lesson
from ..paths import display_path
from .sandbox import MAX_TEMPLATE_CHARS, TemplateRefused, compile_teacher_template, render_bounded

TEMPLATE_FOLDER = "templates"

_shipped = jinja2.Environment(
    loader=jinja2.PackageLoader("studygen", "templates/questions"),
    undefined=jinja2.StrictUndefined,
    autoescape=False,  # plain text; HTML outputs escape it when they insert it
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)


@dataclass(frozen=True)
class Wording:
    """A compiled template and where it came from, for diagnostics."""

    template: jinja2.Template
    path: str
    pos: Position
    teacher: bool = False  # untrusted: rendered with the sandbox's output cap


def load_wordings(lesson: Lesson, kinds: list[str], sink: DiagnosticSink) -> dict[str, Wording]:
    """The template of each kind: the teacher's (facts.yaml, then templates/<kind>.j2) or ours.

    A teacher's template is untrusted (lesson folders are shared): it is read only from
    inside the lesson folder and compiled by the sandbox in `sandbox.py`.
    """
    wordings: dict[str, Wording] = {}
    facts_path = display_path(lesson.path)
    for name in kinds:
        pos = lesson.questions.template_positions.get(name, Position(1, 1))
        inline = name in lesson.questions.templates  # written in facts.yaml, not in templates/
        if inline:
            source, path = lesson.questions.templates[name], facts_path
        else:
            try:
                source, path = _template_file(lesson, name)
            except (UnsafeFile, UnicodeDecodeError) as exc:
                message = exc.message if isinstance(exc, UnsafeFile) else "the template is not UTF-8 text"
                hint = exc.hint if isinstance(exc, UnsafeFile) else "save it as UTF-8"
                sink.add(Severity.ERROR, None, "questions.template-file", message, hint,
                         path=display_path(lesson.directory / TEMPLATE_FOLDER / f"{name}.j2"))  # fmt: skip
                continue
        if source is None:
            wordings[name] = Wording(_shipped.get_template(f"{name}.j2"), f"{name}.j2", pos)
            continue
        try:
            template = compile_teacher_template(source)
        except (jinja2.TemplateSyntaxError, TemplateRefused) as exc:
            lineno = exc.lineno
            where = pos if inline else Position(lineno or 1, 1)
            line_note = f" (line {lineno} of the template)" if inline and lineno else ""
            refused = isinstance(exc, TemplateRefused)
            sink.add(
                Severity.ERROR,
                where,
                "questions.template-refused" if refused else "questions.template-syntax",
                f"the {name} template {'is refused' if refused else 'has a syntax error'}{line_note}: {exc.message}",
                "teacher templates use {{ variable }}, {{ variable|upper }}, {% if x %}...{% endif %} and "
                "{% set name = ... %}; see the README's Questions section",
                path=path,
            )
            continue
        wordings[name] = Wording(template, path, pos, teacher=True)
    return wordings


def _template_file(lesson: Lesson, name: str) -> tuple[str | None, str]:
    """The text of templates/<name>.j2 when the lesson has one (confined to the lesson folder)."""
    relative = f"{TEMPLATE_FOLDER}/{name}.j2"
    file = lesson.directory / relative
    if not os.path.lexists(file):
        return None, ""
    text = read_regular(inside(lesson.directory, relative), MAX_TEMPLATE_CHARS * 4).decode("utf-8")
    return text, display_path(file)


def render(wording: Wording, variables: dict[str, Any]) -> str:
    """Render and tidy; raises jinja2.TemplateError for the caller to report."""
    if wording.teacher:
        return tidy(render_bounded(wording.template, variables))
    # Our own templates use no globals: a shared context skips copying them for every question.
    template = wording.template
    return tidy("".join(template.root_render_func(template.new_context(variables, shared=True))))


_SPACES = re.compile(r"\s+")
_DOUBLE_END = re.compile(r"([?!][\"'’]*)”\?")
_STOP_IN_QUOTE = re.compile(r"[.,]”\?")


def tidy(text: str) -> str:
    """One line, single spaces, capitalised, no '?”?' where a quotation ends a question."""
    text = _SPACES.sub(" ", text).strip()
    if "”" in text:  # most prompts quote nothing
        text = _DOUBLE_END.sub(r"\1”", text)
        text = _STOP_IN_QUOTE.sub("”?", text)
    text = text.replace(" ,", ",").replace(" ?", "?").replace(" .", ".")
    return text[:1].upper() + text[1:]


def template_names_in_folder(lesson: Lesson) -> list[Path]:
    """The template files in the lesson's templates/ folder; UnsafeFile when the folder is a link out of
    the lesson (whose file names are not the lesson's to show)."""
    folder = lesson.directory / TEMPLATE_FOLDER
    return sorted(inside(lesson.directory, TEMPLATE_FOLDER).glob("*.j2")) if folder.is_dir() else []
