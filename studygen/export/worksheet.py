"""The worksheet exporter: printable HTML and PDFs (WeasyPrint), shuffled versions, answer keys.

Writes `worksheet.html` (every version and key, for printing from a browser),
`worksheet-A.pdf`, `worksheet-B.pdf`, ... for students, and `answer-key.pdf` with each
version's key starting on its own page.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import ctypes
import multiprocessing
import os
import signal

from ..html import html_templates
from ..schema import PAPER_SIZES
from . import LessonBuild, Output, exporter
from .worksheet_layout import Version, versions

CSS_PAGE_SIZE = {"A4": "A4", "Letter": "letter"}
_PR_SET_PDEATHSIG = 1  # from <sys/prctl.h>
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


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def render_pdfs(documents: list[str], base: str) -> list[bytes]:
    """Each HTML document as PDF bytes, side by side where there are cores for it.

    Rendering is nearly all of a worksheet build's time and each PDF is independent, so
    with two cores or more they render in forked processes (which share the already
    imported WeasyPrint); the bytes are the same either way.
    """
    workers = min(_cores(), len(documents))
    if workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return [_pdf(html, base) for html in documents]
    import weasyprint  # noqa: F401 - before the fork, so that no worker imports it again

    context = multiprocessing.get_context("fork")
    pool = concurrent.futures.ProcessPoolExecutor(
        workers, mp_context=context, initializer=_worker_start, initargs=(os.getpid(),)
    )
    with pool:
        return list(pool.map(_pdf, documents, [base] * len(documents)))


def _worker_start(parent: int) -> None:
    """A renderer leaves interruptions to the build that started it, and never outlives it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the build handles it
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # Linux: be killed with the build, even by SIGKILL, rather than wait on its queue forever.
    with contextlib.suppress(OSError, AttributeError):  # elsewhere the check below is what there is
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the build died before the line above took effect
        os._exit(1)


@exporter("worksheet", "Printable worksheets (HTML and PDF): shuffled versions A, B, ... and answer keys")
def export_worksheet(build: LessonBuild) -> list[Output]:
    lesson = build.lesson
    paper = build.options.get("paper") or lesson.worksheet.paper
    sheets = versions(lesson, build.questions.questions)
    every_page = [(v, False) for v in sheets] + [(v, True) for v in sheets]
    names = [f"worksheet-{version.letter}.pdf" for version in sheets] + ["answer-key.pdf"]
    documents = [render_html(build, [(version, False)], paper) for version in sheets]
    documents.append(render_html(build, [(v, True) for v in sheets], paper))
    pdfs = render_pdfs(documents, str(lesson.directory))
    html = Output("worksheet.html", render_html(build, every_page, paper).encode("utf-8"))
    return [html, *(Output(name, pdf) for name, pdf in zip(names, pdfs, strict=True))]
