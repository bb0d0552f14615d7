"""The worksheet exporter: printable HTML and PDFs (WeasyPrint), shuffled versions, answer keys.

Writes, for each version, `worksheet-A.html` and `worksheet-A.pdf`, `worksheet-B...`, and
the keys of every version (each on its own page) in `answer-key.html` and
`answer-key.pdf`. Every HTML file prints from a browser as its own document, with its
own page numbers and source line, so that keys never share a print job with the sheets.
"""

from __future__ import annotations

from ..forking import can_fork, cores, forked_pool
from ..html import html_templates
from ..questions.shapes import Shape
from ..schema import PAPER_SIZES
from . import LessonBuild, Output, exporter
from .print_setup import check_fonts, fixed_font_times, load_weasyprint
from .worksheet_check import leaks
from .worksheet_layout import Version, compose, versions

CSS_PAGE_SIZE = {"A4": "A4", "Letter": "letter"}
LEFT_OFF_HINT = "nothing to fix; to keep this question instead, exclude the other under questions: exclude:"
LEAK_HINT = (
    "this is a fault of studygen's: please report it with the lesson; exclude one of the two questions meanwhile"
)
assert set(CSS_PAGE_SIZE) == set(PAPER_SIZES)


def render_html(build: LessonBuild, sheets: list[Version], is_key: bool, paper: str, large_print: bool) -> str:
    """One HTML document: a version's sheet, or the keys of the given versions, each on new pages."""
    template = html_templates.get_template("worksheet.html.j2")
    letters = ", ".join(version.letter for version in sheets)
    return template.render(
        lesson=build.lesson,
        citation=build.lesson.source.citation(),
        paper=CSS_PAGE_SIZE[paper],
        large_print=large_print,
        document_title=f"answer key ({letters})" if is_key else f"worksheet {letters}",
        documents=[{"version": version, "is_key": is_key} for version in sheets],
    )


def _pdf(html: str, base: str) -> bytes:
    weasyprint = load_weasyprint()
    with fixed_font_times():
        return weasyprint.HTML(string=html, base_url=base).write_pdf()


def render_pdfs(documents: list[str], base: str) -> list[bytes]:
    """Each HTML document as PDF bytes, side by side where there are cores for it.

    Rendering is nearly all of a worksheet build's time and each PDF is independent, so
    with two cores or more each renders in a forked process of its own (which shares the
    already imported WeasyPrint). One process per document rather than per core: with three
    documents on two cores, the third does not wait for a core to finish (at most four
    processes a core, for memory). The bytes are the same either way.
    """
    load_weasyprint()  # before the fork, so that no worker imports it again, and to fail early
    check_fonts()
    if len(documents) < 2 or not can_fork():
        return [_pdf(html, base) for html in documents]
    with forked_pool(min(len(documents), 4 * cores())) as pool:
        return list(pool.map(_pdf, documents, [base] * len(documents)))


@exporter(
    "worksheet",
    "Printable worksheets (HTML and PDF): shuffled versions A, B, ... and answer keys",
    writes={
        Shape.CHOICE: "multiple choice",
        Shape.SHORT: "short answer",
        Shape.CLOZE: "fill in the blank",
        Shape.MATCHING: "matching",
        Shape.ORDERING: "timeline",
    },
    default=True,
)
def export_worksheet(build: LessonBuild) -> list[Output]:
    lesson = build.lesson
    paper = build.options.get("paper") or lesson.worksheet.paper
    large_print = bool(build.options.get("large_print"))
    composition = compose(lesson, build.questions.questions)
    for fact, message in composition.notes:
        build.note(fact, "worksheet.left-off", message, LEFT_OFF_HINT)
    sheets = versions(lesson, build.questions.questions, composition=composition)
    for version in sheets:  # read again as a student reads it: the composer should have left no leak
        for leak in leaks(lesson, version):
            build.warn("worksheet.leak", leak, LEAK_HINT)
    names = [f"worksheet-{version.letter}" for version in sheets] + ["answer-key"]
    documents = [render_html(build, [version], False, paper, large_print) for version in sheets]
    documents.append(render_html(build, sheets, True, paper, large_print))
    pdfs = render_pdfs(documents, str(lesson.directory))
    outputs = [Output(f"{name}.html", html.encode("utf-8")) for name, html in zip(names, documents, strict=True)]
    return outputs + [Output(f"{name}.pdf", pdf) for name, pdf in zip(names, pdfs, strict=True)]
