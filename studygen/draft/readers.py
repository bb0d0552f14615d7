"""Articles as teachers have them: plain text and news SGML, web pages, PDFs and Word files.

Each reader turns a file's bytes into text with a blank line between paragraphs, which
`text.clean` then reads like any plain article. The extractors are imported only for
their own kind of file: trafilatura (a web page's main text, without menus, links and
comments) takes about half a second to import, pypdf a tenth.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath
from xml.etree import ElementTree

MAX_DOCX_XML = 50_000_000  # bytes of word/document.xml: a larger one is a zip bomb, not an article
_WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A word broken at the end of a PDF line: "negoti-\nations" (not "Anglo-\nIrish": a capital follows).
_HYPHEN_AT_LINE_END = re.compile(r"(?<=[a-zà-ÿ])-\n(?=[a-zà-ÿ])")
_SENTENCE_END = re.compile(r"[.!?:\"”’')]\s*$")


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
    """A PDF's text, page by page: lines joined into paragraphs, words broken at line ends joined again."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pages = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise ArticleError(
            f"{name} is not a PDF that can be read ({exc}); save it again or export it as text"
        ) from None
    if not any(page.strip() for page in pages):
        raise ArticleError(
            f"{name} has no text layer: it is a scanned image of pages, whose words studygen cannot read; "
            "run it through OCR first (for example ocrmypdf) or paste the article into a .txt file"
        )
    return "\n\n".join(_paragraphs_of_page(page) for page in pages if page.strip()) + "\n"


def _paragraphs_of_page(page: str) -> str:
    """Lines of a PDF page joined into paragraphs: a paragraph ends at a blank line, or at a line that ends
    a sentence well short of the page's full lines."""
    page = _HYPHEN_AT_LINE_END.sub("", page)
    lines = [line.strip() for line in page.splitlines()]
    full = max((len(line) for line in lines), default=0)
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line:
            paragraphs[-1].append(line)
        if not line or (_SENTENCE_END.search(line) and len(line) < 0.8 * full):
            paragraphs.append([])
    return "\n\n".join(" ".join(words) for words in paragraphs if words)


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
