"""Question wording: the shipped Jinja2 templates, a teacher's overrides, and tidying.

Templates render plain text with StrictUndefined, so a misspelt variable is an error
the teacher sees, never the word "None" in front of a class.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from ..diagnostics import DiagnosticSink, Position, Severity
from ..lessons import display_path
from ..model import Lesson

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


def load_wordings(lesson: Lesson, kinds: list[str], sink: DiagnosticSink) -> dict[str, Wording]:
    """The template of each kind: the teacher's (facts.yaml, then templates/<kind>.j2) or ours."""
    wordings: dict[str, Wording] = {}
    folder = lesson.directory / TEMPLATE_FOLDER
    facts_path = display_path(lesson.path)
    for name in kinds:
        source, path, pos = None, facts_path, Position(1, 1)
        inline = name in lesson.questions.templates  # written in facts.yaml, not in templates/
        if inline:
            source = lesson.questions.templates[name]
            pos = lesson.questions.template_positions.get(name, pos)
        elif (folder / f"{name}.j2").is_file():
            file = folder / f"{name}.j2"
            source, path = file.read_text(encoding="utf-8"), display_path(file)
        if source is None:
            wordings[name] = Wording(_shipped.get_template(f"{name}.j2"), f"{name}.j2", pos)
            continue
        try:
            template = _shipped.from_string(source)
        except jinja2.TemplateSyntaxError as exc:
            where = pos if inline else Position(exc.lineno or 1, 1)
            line_note = f" (line {exc.lineno} of the template)" if inline else ""
            sink.add(
                Severity.ERROR,
                where,
                "questions.template-syntax",
                f"the {name} template has a syntax error{line_note}: {exc.message}",
                "Jinja2 syntax: {{ variable }} for values, {% if x %}...{% endif %} for conditions",
                path=path,
            )
            continue
        wordings[name] = Wording(template, path, pos)
    return wordings


def render(wording: Wording, variables: dict[str, Any]) -> str:
    """Render and tidy; raises jinja2.TemplateError for the caller to report."""
    return tidy(wording.template.render(**variables))


_SPACES = re.compile(r"\s+")
_DOUBLE_END = re.compile(r"([?!][\"'’]*)”\?")
_STOP_IN_QUOTE = re.compile(r"[.,]”\?")


def tidy(text: str) -> str:
    """One line, single spaces, capitalised, no '?”?' where a quotation ends a question."""
    text = _SPACES.sub(" ", text).strip()
    text = _DOUBLE_END.sub(r"\1”", text)
    text = _STOP_IN_QUOTE.sub("”?", text)
    text = text.replace(" ,", ",").replace(" ?", "?").replace(" .", ".")
    return text[:1].upper() + text[1:]


def template_names_in_folder(lesson: Lesson) -> list[Path]:
    folder = lesson.directory / TEMPLATE_FOLDER
    return sorted(folder.glob("*.j2")) if folder.is_dir() else []
