"""Text from a lesson stays text: HTML, Anki's own syntax and terminal escapes, in every output.

A fact quoting `<script>`, `{{c2::...}}`, `[sound:...]` or `[latex]` must show those
characters to the student: in the Anki deck (imported with the real Anki library), the
preview (opened in a real browser), the worksheets (read back from the PDFs) and the
terminal (escaped, so that the lesson cannot drive it).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pypdf
import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from typer.testing import CliRunner

from studygen.build import build_lessons
from studygen.cli import app
from studygen.export.anki import CHOICES_SCRIPT, anki_questions
from studygen.lessons import read_lesson
from studygen.questions import build_questions

from .browser import browser

runner = CliRunner()

SAID = [
    "<script>alert(1)</script> is no treaty",
    "the {{c2::secret}} clause stays",
    "play [sound:anthem.mp3] at dawn",
    "write [latex]x^2[/latex] on the board",
    r"the \(x + y\) rule holds",
    "the \u202edaer\u202c word is kept",  # a right-to-left override: shown as stored, never reordered
]
BIDI = ("\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069")


def _lesson(folder: Path) -> Path:
    """A lesson whose quotations hold markup and Anki syntax, all of them in its article."""
    folder.mkdir(parents=True)
    lines = [f'"{said.capitalize()}," the envoy of Ostmark said in {1920 + i}.' for i, said in enumerate(SAID)]
    (folder / "article.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    speakers = "".join(f"  s{i}: {{name: Speaker {i}, from_teacher: true}}\n" for i in range(len(SAID)))
    facts = "".join(
        f"  - id: q{i}\n    kind: quote\n    by: s{i}\n    said: '{said.capitalize()}'\n    when: {1920 + i}\n"
        f"    evidence: the envoy of Ostmark said in {1920 + i}\n"
        for i, said in enumerate(SAID)
    )
    (folder / "facts.yaml").write_text(
        "lesson: {id: markup, title: Markup <b>test</b>, source: {file: article.txt}}\n"
        f"people:\n{speakers}facts:\n{facts}",
        encoding="utf-8",
    )
    return folder / "facts.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    root = tmp_path_factory.mktemp("markup")
    checked = read_lesson(_lesson(root / "lesson"))
    assert checked.ok, [d.render() for d in checked.diagnostics]
    questions = build_questions(checked.lesson, checked.contexts())
    assert questions.questions
    build_lessons([(checked.lesson, questions)], root / "decks", now=1_800_000_000)
    return root, questions.questions


def test_anki_shows_markup_and_anki_syntax_as_text(built: tuple[Path, list], tmp_path: Path) -> None:
    root, questions = built
    collection = Collection(str(tmp_path / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(
            package_path=str(root / "decks" / "markup" / "markup.apkg"),
            options=ImportAnkiPackageOptions(with_scheduling=False),
        )
        collection.import_anki_package(request)
        notes = sum(len(anki_questions(question)) for question in questions)  # a set's items are notes of their own
        assert collection.note_count() == notes
        assert collection.card_count() == notes  # `{{c2::` made no second cloze card
        shown = []
        for card_id in collection.find_cards(""):
            card = collection.get_card(card_id)
            for side in (card.question(), card.answer()):
                assert "<script" not in side.replace(CHOICES_SCRIPT, "")  # no script but the deck's own
                shown.append(side)
            assert card.question_av_tags() == [] and card.answer_av_tags() == []  # no sound was played
        text = "\n".join(shown)
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "&#123;&#123;c2::secret&#125;&#125;" in text  # shown as {{c2::secret}}
        assert "&#91;sound:anthem.mp3]" in text and "&#91;latex]x^2&#91;/latex]" in text
        assert "<img" not in text  # Anki renders [latex] as an image
        assert "daer word is kept" in text and not any(c in text for c in BIDI)
    finally:
        collection.close()


def test_preview_shows_them_as_text_in_a_browser(built: tuple[Path, list], tmp_path: Path) -> None:
    root, _ = built
    out = tmp_path / "preview.html"
    result = runner.invoke(app, ["preview", str(root / "lesson"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    with browser() as chromium:
        page = chromium.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(out.as_uri())
        text = page.locator("body").inner_text()
    assert dialogs == []
    for said in SAID:
        assert said.capitalize().translate(dict.fromkeys(map(ord, BIDI))) in text
    assert not any(c in out.read_text(encoding="utf-8") for c in BIDI)


def test_worksheets_print_them_as_text(built: tuple[Path, list], tmp_path: Path) -> None:
    # Every quotation asked "Who said ...?": a blank in "the {{c2::secret}} clause" (the lesson's set asks
    # it so) would need more rare words for its word bank than this small article has, and be left off.
    root, _ = built
    lesson = tmp_path / "lesson"
    shutil.copytree(root / "lesson", lesson)
    with (lesson / "facts.yaml").open("a", encoding="utf-8") as facts:
        facts.write("questions: {skip_kinds: [cloze]}\n")
    result = runner.invoke(app, ["build", str(lesson), "-f", "worksheet", "-o", str(tmp_path / "decks")])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "decks" / "markup"
    html = (folder / "worksheet-A.html").read_text(encoding="utf-8")
    assert "<script>" not in html and "&lt;script&gt;" in html
    pdf_text = " ".join(page.extract_text() for page in pypdf.PdfReader(folder / "worksheet-A.pdf").pages)
    flat = " ".join(pdf_text.split())
    assert "<script>alert(1)</script>" in flat and "{{c2::secret}}" in flat
    sheets = [(folder / name).read_text(encoding="utf-8") for name in ("worksheet-A.html", "worksheet-B.html",
              "answer-key.html")]  # fmt: skip
    assert "daer word is kept" in sheets[0] + sheets[1] and not any(c in "".join(sheets) for c in BIDI)


def test_the_study_page_holds_no_bidirectional_control(built: tuple[Path, list], tmp_path: Path) -> None:
    root, _ = built
    result = runner.invoke(app, ["build", str(root / "lesson"), "-f", "study", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    [page] = (tmp_path / "markup").glob("*.html")
    shown = page.read_text(encoding="utf-8")
    assert "daer word is kept" in shown and not any(c in shown for c in BIDI)


def test_terminal_escapes_are_shown_escaped(tmp_path: Path) -> None:
    facts = _lesson(tmp_path / "lesson")
    text = facts.read_text(encoding="utf-8").replace("Speaker 0", "Speaker \\e[2J\\e]0;pwned\\a0")
    facts.write_text(text.replace("name: Speaker \\e", 'name: "Speaker \\e').replace("\\a0,", '\\a0",'), "utf-8")
    result = runner.invoke(app, ["questions", str(tmp_path / "lesson")])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b[2J" in result.output and "\\x07" in result.output
    as_json = runner.invoke(app, ["questions", "--json", str(tmp_path / "lesson")])
    assert "\x1b" not in as_json.output and "\\u001b[2J" in as_json.output
