"""Issue 32: `new` and `draft` read articles as teachers have them: web pages, PDFs, Word files and news
SGML with each common date stamp. Every file here is made by the test, with words of our own."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import weasyprint
import yaml
from pypdf import PdfReader
from typer.testing import CliRunner

from studygen.cli import app
from studygen.draft import draft_article
from studygen.draft.readers import ArticleError, article_text
from studygen.draft.text import clean

runner = CliRunner()

PAGE = """<!DOCTYPE html>
<html><head><title>Varel harbour talks resume | The Coast Courier</title>
<meta property="article:published_time" content="2023-11-02T08:00:00Z"></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li><li>Subscribe now</li></ul></nav>
<header><p>Sign up for our newsletter &ndash; it&rsquo;s free!</p></header>
<main><article>
<h1>Varel harbour talks resume</h1>
<p>Talks on the future of the Varel harbour resumed on Sunday after a month of strikes by dock workers
who say the new cranes will cost them their jobs.</p>
<p>&ldquo;We will not give up the quays,&rdquo; said Nora Hale, the leader of the dockers&rsquo; union,
as she arrived at the town hall with a dozen of her members.</p>
<p>Mayor Tomas Berg said the city &ldquo;cannot wait another winter&rdquo; for the port to reopen &amp;
promised that no worker would be laid off before the end of the talks.</p>
<p>The harbour, built in 1871, handled half a million tonnes of timber last year.</p>
</article></main>
<aside><h3>Most read</h3><ul><li>Ferry timetable changes</li><li>Storm warning</li></ul></aside>
<footer><p>&copy; 2023 The Coast Courier. All rights reserved. Cookie settings.</p></footer>
</body></html>
"""


def test_a_web_page_gives_its_article_without_boilerplate_and_with_entities_decoded(tmp_path: Path) -> None:
    text = article_text("talks.html", PAGE.encode())
    assert "“We will not give up the quays,” said Nora Hale, the leader of the dockers’ union," in text
    assert "reopen & promised" in text and "&ldquo;" not in text and "&amp;" not in text
    for boilerplate in ("Subscribe now", "Most read", "Cookie settings", "newsletter", "Ferry timetable"):
        assert boilerplate not in text
    article = clean(text)
    assert article.published is not None and article.published.isoformat() == "2023-11-02"
    assert article.paragraphs[0].startswith("Varel harbour talks resume")
    quotes = [(q.speaker.name, q.text) for q in draft_article(text).quotes if q.speaker]
    assert quotes == [("Nora Hale", "We will not give up the quays"), ("Tomas Berg", "cannot wait another winter")]


TWO_COLUMNS = """<html lang="en"><head><style>
@page { size: A5; margin: 1.5cm }
body { font: 10pt/1.3 'DejaVu Serif'; hyphens: auto } div { columns: 2; column-gap: 1cm }
</style></head><body>
<h1 style="font-size: 18pt">Varel harbour talks resume</h1>
<div><p>Talks on the future of the Varel harbour resumed on Sunday after a month of strikes by dock workers who say
the new cranes will cost them their jobs and their pensions.</p>
<p>"We will not give up the quays," said Nora Hale, the leader of the dockers' union, as she arrived at the
town hall with a dozen of her members and a petition with four thousand names.</p>
<p>The city council will meet again on Tuesday to discuss a compromise put forward by the harbour's
owners, who want to keep the new cranes but offer training for the workers they replace.</p></div>
<div style="break-before: page"><p>Mayor Tomas Berg said the city "cannot wait another winter" for the port to
reopen, and he pro&shy;mised that no worker would be laid off before the end of the talks on the harbour's
future, and he said it again to the reporters who waited for him outside the town hall in the rain.</p></div>
</body></html>"""


def test_draft_of_a_web_page_inside_the_lesson_folder_gives_the_lesson_its_text(tmp_path: Path) -> None:
    lesson = tmp_path / "varel"
    lesson.mkdir()
    (lesson / "page.html").write_text(PAGE, encoding="utf-8")
    result = runner.invoke(app, ["draft", str(lesson / "page.html"), "-o", str(lesson / "facts.yaml")])
    assert result.exit_code == 0, result.output
    facts = yaml.safe_load((lesson / "facts.yaml").read_text(encoding="utf-8"))
    assert facts["lesson"]["source"]["file"] == "article.txt"  # a lesson's article is text, not the page
    assert "Nora Hale" in (lesson / "article.txt").read_text(encoding="utf-8")
    assert runner.invoke(app, ["check", str(lesson)]).exit_code == 0


def test_a_two_column_pdf_of_two_pages_reads_column_by_column_with_broken_words_joined(tmp_path: Path) -> None:
    pdf = weasyprint.HTML(string=TWO_COLUMNS).write_pdf()
    text = article_text("talks.pdf", pdf)
    paragraphs = clean(text).paragraphs
    assert any(p.startswith('"We will not give up the quays," said Nora Hale') for p in paragraphs)
    broken = re.findall(
        "([a-z]+)[-\u2010]\n([a-z]+)", "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    )
    assert broken, "the test needs words that WeasyPrint hyphenates at the ends of lines"
    for start, end in broken:
        assert f"{start}{end}" in text and f"{start}\u2010" not in text and f"{start}-" not in text
    assert "new cranes will cost them" in text
    quotes = [(q.speaker.name, q.text) for q in draft_article(text).quotes if q.speaker]
    assert quotes == [("Nora Hale", "We will not give up the quays"), ("Tomas Berg", "cannot wait another winter")]
    assert len(paragraphs) == 5 and paragraphs[0] == "Varel harbour talks resume"  # the headline is its own
    assert paragraphs[3].startswith("The city council will meet again")
    assert paragraphs[4].startswith("Mayor Tomas Berg said")  # on the second page
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 2


def test_a_scanned_pdf_without_text_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(weasyprint.HTML(string='<div style="width:5cm;height:8cm;background:#333"></div>').write_pdf())
    with pytest.raises(ArticleError, match="no text layer: it is a scanned image"):
        article_text(str(scan), scan.read_bytes())
    result = runner.invoke(app, ["new", str(scan), "--id", "scan", "--seeds", str(tmp_path / "seeds")])
    assert result.exit_code == 1 and "run it through OCR first" in result.output
    assert not (tmp_path / "seeds").exists()


def _docx(paragraphs: list[str]) -> bytes:
    """A minimal Word file: the parts Word itself needs, and one run of text per paragraph."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{p.replace("&", "&amp;")}</w:t></w:r></w:p>' for p in paragraphs
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {ns}><w:body>{body}</w:body></w:document>'
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("word/document.xml", document)
    return buffer.getvalue()


def test_a_word_file_keeps_its_paragraphs(tmp_path: Path) -> None:
    source = tmp_path / "talks.docx"
    source.write_bytes(
        _docx(
            [
                "Varel harbour talks resume",
                "Talks on the harbour resumed on Sunday after a month of strikes.",
                '"We will not give up the quays," said Nora Hale, the union leader.',
                "",
                "The harbour was built in 1871 & rebuilt in 1952.",
            ]
        )
    )
    result = runner.invoke(app, ["new", str(source), "--id", "varel", "--seeds", str(tmp_path / "seeds")])
    assert result.exit_code == 0, result.output
    article = (tmp_path / "seeds" / "varel" / "article.txt").read_text(encoding="utf-8")
    assert article == (
        "Varel harbour talks resume\n\nTalks on the harbour resumed on Sunday after a month of strikes.\n\n"
        '"We will not give up the quays," said Nora Hale, the union leader.\n\n'
        "The harbour was built in 1871 & rebuilt in 1952.\n"
    )
    facts = yaml.safe_load((tmp_path / "seeds" / "varel" / "facts.yaml").read_text(encoding="utf-8"))
    assert [f["said"] for f in facts["facts"] if f["kind"] == "quote"] == ["We will not give up the quays"]


def test_a_damaged_word_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="not a Word"):
        article_text("x.docx", b"PK\x03\x04 not really a zip")


@pytest.mark.parametrize(
    "stamp",
    ["1998-12-06 23:10:00", "12/06/1998 23:10:00", "Sun, 06 Dec 1998 23:10:00 -0500", "1998-12-06"],
)
def test_sgml_date_stamps_anchor_relative_dates(stamp: str) -> None:
    sgml = (
        f"<DOC>\n<DOCNO> XYZ19981206.0001 </DOCNO>\n<DATE_TIME> {stamp} </DATE_TIME>\n<TEXT>\n<P>\n"
        "   VAREL (AP) -- The harbour talks collapsed Sunday, and the union said it\n"
        "would strike again on Nov. 8, ``whatever the mayor says.''\n</P>\n</TEXT>\n</DOC>\n"
    )
    draft = draft_article(sgml)
    assert draft.article.published is not None and draft.article.published.isoformat() == "1998-12-06"
    dated = {event.when: event.date.text if event.date else None for event in draft.events}
    assert dated["Sunday"] == "1998-12-06" and dated["Nov. 8"] == "1998-11-08"
    assert "“whatever the mayor says.”" in clean(sgml).text  # typewriter marks turned


def test_a_plain_text_date_line_anchors_and_leaves_the_text() -> None:
    article = clean("Harbour strike\n\n12/06/1998 23:10:00\n\nThe dockers walked out on Sunday.\n")
    assert article.published is not None and article.published.isoformat() == "1998-12-06"
    assert article.paragraphs == ("Harbour strike", "The dockers walked out on Sunday.")
