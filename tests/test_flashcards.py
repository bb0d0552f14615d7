"""Printable flashcards (`studygen build --format flashcards`), read back from the PDF with pypdf: every
card's front and back text sits in one card, and the back lands behind its front when the sheet is
printed on both sides and flipped on its long edge (a point x from the left of a front page is then
x from the right of the back page, at the same height)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from studygen.cli import app
from studygen.export import LessonBuild
from studygen.export.flashcards import FILE_NAME, LARGE_PRINT, STANDARD, Card, Grid, lesson_cards
from studygen.lessons import read_lesson
from studygen.questions import build_questions

from .conftest import ROOT, SEED, write_lesson

runner = CliRunner()
MM = 72 / 25.4
PAPER_PT = {"A4": (595.28, 841.89), "Letter": (612.0, 792.0)}
SHIPPED = sorted((ROOT / "seeds").glob("*/facts.yaml"))


def build(facts: Path, out: Path, *options: str) -> Path:
    result = runner.invoke(app, ["build", str(facts.parent), "--format", "flashcards", "--out", str(out), *options])
    assert result.exit_code == 0, result.output
    return out / facts.parent.name / FILE_NAME


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., Path]:
    """Build once per lesson and options in this module (each PDF takes seconds)."""
    done: dict[tuple[Path, tuple[str, ...]], Path] = {}

    def get(facts: Path, *options: str) -> Path:
        if (facts, options) not in done:
            done[facts, options] = build(facts, tmp_path_factory.mktemp("flashcards"), *options)
        return done[facts, options]

    return get


def cards_of(facts: Path) -> list[Card]:
    checked = read_lesson(facts)
    assert checked.lesson is not None
    questions = build_questions(checked.lesson, checked.contexts())
    return lesson_cards(LessonBuild(checked.lesson, questions, Path(), 0))


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def cells(page, grid: Grid, flipped: bool) -> dict[tuple[int, int], list[tuple[float, float, str]]]:
    """The text of a page by card cell of the front's grid, centred on the paper; a back page's
    positions are first turned over on the long edge (x becomes the width less x)."""
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    left = (width - grid.columns * grid.width * MM) / 2
    top = (height - grid.rows * grid.height * MM) / 2
    found: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)

    def visit(text, cm, tm, font, size) -> None:
        if not text.strip():
            return
        x, y = cm[4] + tm[4] * cm[0], cm[5] + tm[5] * cm[3]
        if flipped:
            x = width - x
        down = height - y
        row, column = int((down - top) // (grid.height * MM)), int((x - left) // (grid.width * MM))
        if 0 <= row < grid.rows and 0 <= column < grid.columns:
            found[row, column].append((down, x if not flipped else -x, text))

    page.extract_text(visitor_text=visit)
    return found


def read_cards(pdf: Path, grid: Grid) -> list[tuple[str, str, str, str]]:
    """(number on the front, front text, number on the back, back text) of every card cell with a
    front, sheet by sheet; the back is what lies behind the front under long-edge duplex."""
    pages = PdfReader(pdf).pages
    assert len(pages) % 2 == 0
    read = []
    for front_page, back_page in zip(pages[::2], pages[1::2], strict=True):
        fronts, backs = cells(front_page, grid, flipped=False), cells(back_page, grid, flipped=True)
        assert set(backs) == set(fronts)  # no back without its front, nor the reverse
        for cell in sorted(fronts):
            front = [text for _, _, text in sorted(fronts[cell])]
            back = [text for _, _, text in sorted(backs[cell])]
            read.append((front[0], "".join(front[1:]), back[0], "".join(back[1:])))
    return read


CASES = [(facts, "A4", ()) for facts in SHIPPED] + [
    (SEED, "Letter", ()),
    (SEED, "A4", ("--large-print",)),
    (SEED, "Letter", ("--large-print",)),
]


@pytest.mark.parametrize(
    ("facts", "paper", "extra"), CASES, ids=[f"{f.parent.name}-{p}{'-large' if e else ''}" for f, p, e in CASES]
)
def test_every_back_lands_behind_its_front_under_long_edge_duplex(
    facts: Path, paper: str, extra: tuple[str, ...], built: Callable[..., Path]
) -> None:
    pdf = built(facts, "--paper", paper, *extra)
    reader = PdfReader(pdf)
    assert [round(float(x), 2) for x in reader.pages[0].mediabox[2:]] == list(PAPER_PT[paper])
    grid = LARGE_PRINT if extra else STANDARD
    cards = cards_of(facts)
    read = read_cards(pdf, grid)
    assert len(read) == len(cards)
    assert len(reader.pages) == 2 * -(-len(cards) // grid.per_sheet)
    for card, (front_number, front, back_number, back) in zip(cards, read, strict=True):
        # Numbers are the first text of a cell (they sit at its top); the whole text of the card is in it.
        assert front_number == back_number == str(card.number)
        assert squeezed(front) == squeezed(card.front)
        assert squeezed(back) == squeezed(card.back + card.note)


def test_a_cloze_card_has_its_blank_on_the_front(built: Callable[..., Path]) -> None:
    pdf = built(SEED, "--paper", "A4")
    read = {int(number): (front, back) for number, front, _, back in read_cards(pdf, STANDARD)}
    checked = read_lesson(SEED)
    assert checked.lesson is not None
    clozes = [q for q in build_questions(checked.lesson, checked.contexts()).questions if q.cloze]
    assert clozes
    by_front = {squeezed(front): back for front, back in read.values()}
    for question in clozes:
        front = squeezed(question.cloze.with_gaps("_____"))  # type: ignore[union-attr]
        assert front in by_front, question.prompt
        blank = question.cloze.blanks[0].answer  # type: ignore[union-attr]
        assert squeezed(blank) in squeezed(by_front[front])


def test_the_same_lesson_gives_the_same_bytes(built: Callable[..., Path], tmp_path: Path) -> None:
    first = built(SEED, "--paper", "A4")
    assert build(SEED, tmp_path).read_bytes() == first.read_bytes()  # A4: the lesson's paper
    assert built(SEED, "--paper", "Letter").read_bytes() != first.read_bytes()


def test_cut_marks_lie_outside_the_cards_in_line_with_their_edges(built: Callable[..., Path]) -> None:
    """The page's only filled rectangles are the marks, 0.4 px thick (WeasyPrint draws a border so, in
    CSS pixels from the top left): each in line with a card edge and clear of every card."""
    page = PdfReader(built(SEED, "--paper", "Letter")).pages[0]
    content = page.get_contents().get_data().decode("latin-1")
    px = 25.4 / 96
    marks = [[float(n) * px for n in m] for m in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re\nf\*", content)]
    width, height = 215.9, 279.4
    grid = STANDARD
    left, top = (width - grid.columns * grid.width) / 2, (height - grid.rows * grid.height) / 2
    right, bottom = left + grid.columns * grid.width, top + grid.rows * grid.height
    columns = [left + i * grid.width for i in range(grid.columns + 1)]
    rows = [top + i * grid.height for i in range(grid.rows + 1)]
    vertical = [m for m in marks if m[2] < 0.2]
    horizontal = [m for m in marks if m[3] < 0.2]
    assert (
        len(vertical) == 2 * len(columns)
        and len(horizontal) == 2 * len(rows)
        and len(marks) == len(vertical) + len(horizontal)
    )
    for x, y, _, length in vertical:
        assert min(abs(x - edge) for edge in columns) < 0.2
        assert y + length < top or y > bottom
    for x, y, length, _ in horizontal:
        assert min(abs(y - edge) for edge in rows) < 0.2
        assert x + length < left or x > right


def test_a_card_too_long_even_in_small_type_is_cut_at_its_edge_with_a_note(tmp_path: Path) -> None:
    words = " ".join(f"the council weighed clause {n} of the harbour charter with care" for n in range(30))
    lesson = tmp_path / "long"
    write_lesson(
        lesson,
        f'The envoy said "{words}" in 1921.\n',
        "lesson: {id: long, title: 'A <b>long</b> quotation', source: {file: article.txt}}\n"
        "people: {envoy: {name: Ada Envoy, aliases: [The envoy]}}\n"
        f"facts:\n  - {{id: q, kind: quote, by: envoy, said: '{words}', evidence: 'The envoy said'}}\n",
    )
    out = str(tmp_path / "out")
    result = runner.invoke(app, ["--verbose", "build", str(lesson), "--format", "flashcards", "--out", out])  # notes
    assert result.exit_code == 0, result.output
    note = r"facts\.yaml:4:\d+: note: flashcard 1 is too long for a card even in small type; its end is left off"
    assert re.search(note, result.output), result.output
    pdf = tmp_path / "out" / "long" / FILE_NAME
    assert PdfReader(pdf).pages[0].extract_text().startswith("A <b>long</b> quotation: flashcards 1-1 of 1")  # text
    number, front, _, back = read_cards(pdf, STANDARD)[0]  # nothing outside it
    assert number == "1" and squeezed(back) == "AdaEnvoy"
    assert front.endswith("…")
    assert squeezed(front[:-1]) in squeezed(f"Who said “{words}”?") and len(front) > 600
