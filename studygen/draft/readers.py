"""Articles as teachers have them: plain text and news SGML, web pages, PDFs and Word files.

Each reader turns a file's bytes into text with a blank line between paragraphs, which
`text.clean` then reads like any plain article. The extractors are imported only for
their own kind of file: trafilatura (a web page's main text, without menus, links and
comments) takes about half a second to import, pypdf a tenth.
"""

from __future__ import annotations

import io
import itertools
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING
from xml.etree import ElementTree

if TYPE_CHECKING:
    from pypdf import PageObject

MAX_DOCX_XML = 50_000_000  # bytes of word/document.xml: a larger one is a zip bomb, not an article
_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A word broken at the end of a PDF line: "negoti-\nations", with a hyphen-minus, the hyphen U+2010 (what
# WeasyPrint draws) or a soft hyphen; not "Anglo-\nIrish": a capital follows.
_HYPHEN_AT_LINE_END = re.compile("(?<=[a-zà-ÿ])[-\u2010\u00ad]\n(?=[a-zà-ÿ])")
_SENTENCE_END = re.compile(r"[.!?:\"”’')]$")


class ArticleError(Exception):
    """An article that cannot be read: the message says why and what to do."""


class NotUtf8Error(ArticleError):
    """A text file in another encoding: the teacher saves it again (a usage error, like a wrong path)."""


def kind_of(name: str, data: bytes) -> str:
    """'pdf', 'docx', 'html' or 'text', from the file's first bytes (else its name)."""
    head = data[:1024].lstrip().lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith((b"<!doctype html", b"<html")) or PurePath(name).suffix.lower() in (".html", ".htm"):
        return "html"
    return "text"


def article_text(name: str, data: bytes) -> str:
    """The article in a file's bytes as plain text (paragraphs apart); ArticleError if it cannot be read."""
    kind = kind_of(name, data)
    if kind == "pdf":
        return _pdf_text(name, data)
    if kind == "docx":
        return _docx_text(name, data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotUtf8Error(f"{name} is not UTF-8 text; save it as UTF-8 and try again") from None
    return _html_text(name, text) if kind == "html" else text


def _html_text(name: str, page: str) -> str:
    """A web page's headline, date and main text: menus, links, adverts and comments left out."""
    import trafilatura  # half a second to import: for web pages only

    document = trafilatura.bare_extraction(page, include_comments=False, include_tables=False, with_metadata=True)
    body = (document.text or "") if document is not None else ""
    if not body.strip():
        raise ArticleError(f"{name}: no article text found in this web page; copy the article into a .txt file")
    lines = [" ".join(line.split()) for line in body.splitlines()]
    head = [document.title or "", document.date or ""]  # the date line anchors "Sunday" (see text.clean)
    return "\n\n".join(line for line in [*head, *lines] if line) + "\n"


def _pdf_text(name: str, data: bytes) -> str:
    """A PDF's text, page by page: its lines joined into paragraphs (see `_PdfLine`), words broken at the
    ends of lines joined again."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pages = [_page_lines(page) for page in PdfReader(io.BytesIO(data)).pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        message = f"{name} is not a PDF that can be read ({exc}); save it again or export it as text"
        raise ArticleError(message) from None
    if not any(pages):
        raise ArticleError(
            f"{name} has no text layer: it is a scanned image of pages, whose words studygen cannot read; "
            "run it through OCR first (for example ocrmypdf) or paste the article into a .txt file"
        )
    return "\n\n".join(_paragraphs(lines) for lines in pages if lines) + "\n"


@dataclass
class _PdfLine:
    """One line of a PDF page as drawn: where it starts, its type size and its words."""

    x: float
    y: float
    size: float
    text: str


def _page_lines(page: PageObject) -> list[_PdfLine]:
    """The lines of a page in the order the PDF draws them (a column after another), with their places."""
    lines: list[_PdfLine] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        x, y = tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5]
        if lines and abs(lines[-1].y - y) < 1 and not lines[-1].text.endswith("\n"):
            lines[-1].text += text  # more of the same line
        elif text.strip():
            lines.append(_PdfLine(x, y, size * abs(cm[3]), text))

    page.extract_text(visitor_text=visit)
    for line in lines:
        line.text = " ".join(line.text.split())
    return [line for line in lines if line.text]


def _paragraphs(lines: list[_PdfLine]) -> str:
    """Lines joined into paragraphs. A paragraph ends where the gap to the next line is wider than the
    page's usual line spacing, where the type size changes (a headline), or at the end of a column whose
    last line ends a sentence (a sentence that happens to end a column's last line splits its paragraph
    in two, which the drafter reads as well as one)."""
    steps = sorted(a.y - b.y for a, b in itertools.pairwise(lines) if a.y > b.y)
    step = steps[len(steps) // 2] if steps else 0.0
    paragraphs = [[lines[0].text]]
    for before, line in itertools.pairwise(lines):
        drop = before.y - line.y
        new_column = drop <= 0 or abs(line.x - before.x) > 2 * before.size
        if (
            abs(line.size - before.size) > 1
            or (not new_column and drop > 1.4 * step)
            or (new_column and _SENTENCE_END.search(before.text))
        ):
            paragraphs.append([])
        paragraphs[-1].append(line.text)
    return "\n\n".join(_HYPHEN_AT_LINE_END.sub("", "\n".join(words)).replace("\n", " ") for words in paragraphs)


def _docx_text(name: str, data: bytes) -> str:
    """A Word file's paragraphs, read from its word/document.xml (tabs and line breaks as spaces)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            info = package.getinfo("word/document.xml")
            if info.file_size > MAX_DOCX_XML:
                raise ArticleError(f"{name}: its text is over {MAX_DOCX_XML // 1_000_000} MB; split it up")
            root = ElementTree.fromstring(package.read(info))
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError) as exc:
        raise ArticleError(f"{name} is not a Word (.docx) file that can be read ({exc}); save it again") from None
    paragraphs = []
    for paragraph in root.iter(f"{_WORD}p"):
        words = []
        for element in paragraph.iter():
            if element.tag == f"{_WORD}t":
                words.append(element.text or "")
            elif element.tag in (f"{_WORD}tab", f"{_WORD}br", f"{_WORD}cr"):
                words.append(" ")
        if text := " ".join("".join(words).split()):
            paragraphs.append(text)
    if not paragraphs:
        raise ArticleError(f"{name} has no text; is the article in it an image?")
    return "\n\n".join(paragraphs) + "\n"
