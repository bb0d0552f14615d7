"""The worksheet exporter: printable HTML and PDFs (WeasyPrint), shuffled versions, answer keys.

Writes `worksheet.html` (every version and key, for printing from a browser),
`worksheet-A.pdf`, `worksheet-B.pdf`, ... for students, and `answer-key.pdf` with each
version's key starting on its own page.
"""

from __future__ import annotations

from ..html import html_templates
from ..schema import PAPER_SIZES
from . import LessonBuild, Output, exporter
from .worksheet_layout import Version, versions

CSS_PAGE_SIZE = {"A4": "A4", "Letter": "letter"}
assert set(CSS_PAGE_SIZE) == set(PAPER_SIZES)


def render_html(build: LessonBuild, documents: list[tuple[Version, bool]], paper: str) -> str:
    """One HTML document holding the given (version, is_key) pages, each starting a new page."""
    template = html_templates.get_template("worksheet.html.j2")
    return template.render(
        lesson=build.lesson,
        citation=build.lesson.source.citation(),
        paper=CSS_PAGE_SIZE[paper],
        documents=[{"version": version, "is_key": is_key} for version, is_key in documents],
    )


def _pdf(html: str, base: str) -> bytes:
    import weasyprint  # imported here: it is slow to import and only this format needs it

    return weasyprint.HTML(string=html, base_url=base).write_pdf()


@exporter("worksheet", "Printable worksheets (HTML and PDF): shuffled versions A, B, ... and answer keys")
def export_worksheet(build: LessonBuild) -> list[Output]:
    lesson = build.lesson
    paper = build.options.get("paper") or lesson.worksheet.paper
    sheets = versions(lesson, build.questions.questions)
    base = str(lesson.directory)
    outputs = [
        Output(
            "worksheet.html",
            render_html(build, [(v, False) for v in sheets] + [(v, True) for v in sheets], paper).encode("utf-8"),
        )
    ]
    for version in sheets:
        outputs.append(
            Output(f"worksheet-{version.letter}.pdf", _pdf(render_html(build, [(version, False)], paper), base))
        )
    outputs.append(Output("answer-key.pdf", _pdf(render_html(build, [(v, True) for v in sheets], paper), base)))
    return outputs
