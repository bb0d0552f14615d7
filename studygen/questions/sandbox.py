"""Teacher templates: a small, bounded language run in Jinja2's sandbox.

A lesson folder is shared between teachers, so a template in it is untrusted input.
Jinja2's sandbox stops attribute tricks (`cycler.__init__.__globals__`); on top of it,
the template is checked before it runs so that it can only do what wording needs:
print the documented variables, choose with `if`, name a value with `set`, and apply
a few text filters. There are no loops, macros, includes, calls or attributes, so a
template's running time is bounded by its length, and its output is capped.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterator
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

MAX_TEMPLATE_CHARS = 4_000
MAX_OUTPUT_CHARS = 4_000  # a question prompt is a sentence or two; far longer is a runaway template

ALLOWED_FILTERS = (
    "capitalize", "default", "d", "first", "join", "last", "length", "count", "lower",
    "replace", "title", "trim", "truncate", "upper", "wordcount", "int", "string", "abs", "round",
)  # fmt: skip
_ALLOWED_NODES = (
    nodes.Template, nodes.Output, nodes.TemplateData, nodes.Const, nodes.Name, nodes.If, nodes.CondExpr,
    nodes.Assign, nodes.Filter, nodes.Test, nodes.Compare, nodes.Operand, nodes.And, nodes.Or, nodes.Not,
    nodes.Neg, nodes.Pos, nodes.Concat, nodes.Add, nodes.Sub, nodes.Mul, nodes.Div, nodes.FloorDiv, nodes.Mod,
    nodes.Getitem, nodes.Dict, nodes.Pair, nodes.List, nodes.Tuple, nodes.Keyword,
)  # fmt: skip
_STATEMENT_WORDS = {
    nodes.For: "{% for %}", nodes.Macro: "{% macro %}", nodes.CallBlock: "{% call %}", nodes.Include: "{% include %}",
    nodes.Import: "{% import %}", nodes.FromImport: "{% from ... import %}", nodes.Extends: "{% extends %}",
    nodes.Block: "{% block %}", nodes.FilterBlock: "{% filter %}", nodes.With: "{% with %}",
    nodes.AssignBlock: "{% set %}...{% endset %}", nodes.Call: "a function call ( )",
    nodes.Getattr: "'.' to reach inside a value", nodes.Pow: "'**'",
}  # fmt: skip


class TemplateRefused(Exception):
    """A teacher template uses something outside the template language; `lineno` says where."""

    def __init__(self, message: str, lineno: int | None = None) -> None:
        super().__init__(message)
        self.message, self.lineno = message, lineno


def _capped(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose result may not grow past the output cap (`replace` chains, `join`...)."""

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = function(*args, **kwargs)
        if isinstance(result, (str, list, tuple)) and len(result) > MAX_OUTPUT_CHARS:
            raise SecurityError(f"a filter made a value longer than {MAX_OUTPUT_CHARS:,} characters")
        return result

    return wrapper


class TeacherEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox with no globals, a few capped filters and bounded arithmetic."""

    intercepted_binops = frozenset(["*", "/", "//", "%"])

    def __init__(self) -> None:
        super().__init__(
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
        )
        self.globals.clear()
        self.filters = {name: _capped(self.filters[name]) for name in ALLOWED_FILTERS}
        self.tests = {name: test for name, test in self.tests.items() if name not in ("callable", "test", "filter")}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return False  # templates see the documented variables only, never inside them

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (left, right))
        if not numbers:
            raise SecurityError(f"'{operator_name}' works on numbers only in a template; join text with '~'")
        result = {"*": operator.mul, "/": operator.truediv, "//": operator.floordiv, "%": operator.mod}[operator_name](
            left, right
        )
        if isinstance(result, int) and abs(result) > 10**18:
            raise SecurityError("a number in the template grew too large")
        return result


_ENVIRONMENT = TeacherEnvironment()


def _walk(node: nodes.Node) -> Iterator[nodes.Node]:
    yield node
    for child in node.iter_child_nodes():
        yield from _walk(child)


def _check(tree: nodes.Template) -> None:
    """Refuse every construct outside the template language, naming it and its line."""
    assigned: set[str] = set()
    for node in _walk(tree):
        word = next((text for kind, text in _STATEMENT_WORDS.items() if isinstance(node, kind)), None)
        if word is not None:
            raise TemplateRefused(f"templates may not use {word}", node.lineno)
        if not isinstance(node, _ALLOWED_NODES):
            raise TemplateRefused(f"templates may not use {type(node).__name__}", node.lineno)
        if isinstance(node, nodes.Filter) and node.name not in ALLOWED_FILTERS:
            raise TemplateRefused(
                f"the filter '{node.name}' is not available; use one of: {', '.join(ALLOWED_FILTERS)}", node.lineno
            )
        if isinstance(node, nodes.Assign):
            if not isinstance(node.target, nodes.Name):
                raise TemplateRefused("{% set %} names one value at a time", node.lineno)
            # A value built from another `set` could double at every step; one level is enough for wording.
            used = {name.name for name in node.node.find_all(nodes.Name)}
            if used & assigned:
                raise TemplateRefused("a {% set %} value may not use another {% set %} value", node.lineno)
            assigned.add(node.target.name)


def compile_teacher_template(source: str) -> jinja2.Template:
    """Parse, check and compile a teacher's template.

    Raises jinja2.TemplateSyntaxError for a syntax error and TemplateRefused for a
    construct the template language does not have.
    """
    if len(source) > MAX_TEMPLATE_CHARS:
        raise TemplateRefused(f"the template is {len(source):,} characters long; at most {MAX_TEMPLATE_CHARS:,}")
    _check(_ENVIRONMENT.parse(source))
    return _ENVIRONMENT.from_string(source)


def render_bounded(template: jinja2.Template, variables: dict[str, Any]) -> str:
    """Render, stopping as soon as the output passes the cap; every failure is a jinja2.TemplateError."""
    pieces: list[str] = []
    size = 0
    try:
        for piece in template.generate(**variables):
            size += len(piece)
            if size > MAX_OUTPUT_CHARS:
                raise SecurityError(f"the template's output passed {MAX_OUTPUT_CHARS:,} characters")
            pieces.append(piece)
    except (ArithmeticError, TypeError, ValueError, LookupError, RecursionError) as exc:
        # `{{ 1 / 0 }}`, `{{ said - 1 }}`: the teacher's mistake, reported like any template error
        raise jinja2.TemplateRuntimeError(f"{type(exc).__name__}: {exc}") from None
    return "".join(pieces)
