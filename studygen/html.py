"""The Jinja2 environment of every HTML output (review page, worksheets): escaping on.

A fact's text never becomes markup; the few filters that do make markup escape what
they wrap.
"""

from __future__ import annotations

import string

import jinja2
from markupsafe import Markup, escape

from .questions.cloze import BLANK

LETTERS = string.ascii_uppercase


def with_gaps(text: str) -> Markup:
    """A cloze prompt with a line to write on where the blank is (the rest escaped)."""
    return Markup('<span class="gap"></span>').join(escape(part) for part in text.split(BLANK))


html_templates = jinja2.Environment(
    loader=jinja2.PackageLoader("studygen", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
html_templates.filters["letter"] = lambda index: LETTERS[index]
html_templates.filters["letter_index"] = LETTERS.index
html_templates.filters["with_gaps"] = with_gaps
