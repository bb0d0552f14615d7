"""The Jinja2 environment of every HTML output (review page, worksheets): escaping on.

A fact's text never becomes markup; the few filters that do make markup escape what
they wrap.
"""

from __future__ import annotations

import string

import jinja2
from markupsafe import Markup, escape

from .export.plain_text import plain
from .questions.cloze import BLANK

LETTERS = string.ascii_uppercase


def with_gaps(text: str) -> Markup:
    """A cloze prompt with a line to write on where the blank is (the rest escaped)."""
    return Markup('<span class="gap"></span>').join(escape(plain(part)) for part in text.split(BLANK))


def _shown(value: object) -> object:
    """Every value a page prints, as plain text (export/plain_text.py): no bidirectional override
    reorders what a student or a teacher reads; markup our own filters made is left as it is."""
    return plain(value) if isinstance(value, str) and not isinstance(value, Markup) else value


def css_string(text: str) -> Markup:
    """A quoted CSS string holding `text`, safe inside a <style> element.

    Everything but letters, digits, spaces and a little punctuation is written as a CSS
    escape (`\\201C `), so no quote, backslash, `<` or line break of a teacher's title can
    end the string or the style sheet.
    """
    safe = set(string.ascii_letters + string.digits + " ,.:;-_()!?/")
    return Markup('"' + "".join(c if c in safe else f"\\{ord(c):X} " for c in text) + '"')


html_templates = jinja2.Environment(
    loader=jinja2.PackageLoader("studygen", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    finalize=_shown,
)
html_templates.filters["letter"] = lambda index: LETTERS[index]
html_templates.filters["letter_index"] = LETTERS.index
html_templates.filters["with_gaps"] = with_gaps
html_templates.filters["css_string"] = css_string
