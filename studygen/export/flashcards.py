"""Printable flashcards: a PDF of cut-out cards (WeasyPrint), fronts on one page and backs on the
next, each back placed where long-edge duplex printing puts it behind its front.

A portrait sheet turned over on its long edge is mirrored left to right: the card in column c of a
front page has its back in column (columns - 1 - c) of the next page, in the same row. The grid is
centred on the paper, so the mirrored places are the same on A4 and Letter; cut marks outside it
show where to cut. Bytes are the same on every machine, as for worksheets (see print_setup).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from ..html import html_templates
from ..questions.shapes import Shape
from ..schema import PAPER_SIZES
from . import LessonBuild, Output, exporter
from .quizlet import CARDS_WRITTEN
from .quizlet import cards as card_texts
from .worksheet import CSS_PAGE_SIZE, render_pdfs

PAPER_MM = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
assert set(PAPER_MM) == set(PAPER_SIZES)


@dataclass(frozen=True)
class Grid:
    """Where the cards sit on a sheet, in millimetres; the same on fronts and backs."""

    columns: int
    rows: int
    width: float  # of a card
    height: float
    font_pt: float  # the text size a card starts from; long texts are set smaller to fit
    smallest_pt: float
    small_pt: float  # card numbers and the line at the top of each page

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows


STANDARD = Grid(columns=2, rows=4, width=90.0, height=60.0, font_pt=11.0, smallest_pt=7.0, small_pt=7.0)
LARGE_PRINT = Grid(columns=2, rows=2, width=90.0, height=120.0, font_pt=16.0, smallest_pt=12.0, small_pt=10.0)
PADDING_MM = 5.0
MARK_MM = 5.0  # length of a cut mark, outside the grid (clear of the lines at the top and foot of a page)
PT_MM = 25.4 / 72
FILE_NAME = "flashcards.pdf"  # large print under the same name, as worksheets: build it into another --out


@dataclass(frozen=True)
class Card:
    number: int
    fact: str | None  # the fact it asks about (None for a set of facts: a matching, an ordering)
    front: str
    back: str
    note: str  # whose account the back gives, when it is someone's


@dataclass(frozen=True)
class Placed:
    """One side of a card where it goes on its page: its number, text, a smaller note, and size."""

    number: int
    text: str
    note: str
    left: float
    top: float
    font_pt: float


def lesson_cards(build: LessonBuild) -> list[Card]:
    """The cards, in the order of the questions: one a question (one a pair of a matching set), a
    cloze with its blank on the front."""
    cards = []
    for question in build.questions.questions:
        note = f"According to {question.according_to}" if question.according_to else ""
        fact = None if question.shape in (Shape.MATCHING, Shape.ORDERING) else question.fact
        for front, back in card_texts(question):
            cards.append(Card(len(cards) + 1, fact, front, back, note))
    return cards


def _lines(grid: Grid, size: float, texts: list[str]) -> tuple[float, int, int]:
    """Characters a line holds at `size` (DejaVu Sans letters average 0.55 em; a line wraps about 15%
    short of full), the lines `texts` take with one for the card's number, and the lines there is
    room for."""
    per_line = (grid.width - 2 * PADDING_MM) / (0.55 * size * PT_MM)
    used = 1 + sum(math.ceil(1.15 * len(text) / per_line) for text in texts if text)
    return per_line, used, int((grid.height - 2 * PADDING_MM) / (1.3 * size * PT_MM))


def fitted(grid: Grid, text: str, note: str = "") -> tuple[str, float, bool]:
    """The text, at the largest size in half points from the grid's at which it and its note fit a
    card; at the grid's smallest size, a text that still does not fit is cut at a word with '…'
    (and the third value is True)."""
    size = grid.font_pt
    while size - 0.5 >= grid.smallest_pt and _lines(grid, size, [text, note])[1] > _lines(grid, size, [])[2]:
        size -= 0.5
    per_line, used, room = _lines(grid, size, [text, note])
    if used <= room:
        return text, size, False
    note_lines = _lines(grid, size, [note])[1] - 1
    keep = int((room - 1 - note_lines) * per_line / 1.15) - 2
    return text[:keep].rsplit(" ", 1)[0] + " …", size, True


def grid_origin(grid: Grid, paper: str) -> tuple[float, float]:
    """The top left corner of the grid, centred on the paper (so that it is the same turned over)."""
    page_width, page_height = PAPER_MM[paper]
    return (page_width - grid.columns * grid.width) / 2, (page_height - grid.rows * grid.height) / 2


def sheets(
    cards: list[Card], grid: Grid, paper: str, too_long: Callable[[Card], None]
) -> list[tuple[list[Placed], list[Placed]]]:
    """Each sheet's fronts and backs, placed: a back mirrored left to right from its front. A side
    too long for a card even in small type is cut short, and `too_long` is told."""
    left0, top0 = grid_origin(grid, paper)

    def side(card: Card, text: str, note: str, left: float, top: float) -> Placed:
        shown, size, cut = fitted(grid, text, note)
        if cut:
            too_long(card)
        return Placed(card.number, shown, note, left, top, size)

    out = []
    for start in range(0, len(cards), grid.per_sheet):
        fronts, backs = [], []
        for i, card in enumerate(cards[start : start + grid.per_sheet]):
            row, column = divmod(i, grid.columns)
            top = top0 + row * grid.height
            mirrored = grid.columns - 1 - column
            fronts.append(side(card, card.front, "", left0 + column * grid.width, top))
            backs.append(side(card, card.back, card.note, left0 + mirrored * grid.width, top))
        out.append((fronts, backs))
    return out


def cut_marks(grid: Grid, paper: str) -> list[tuple[float, float, float, float]]:
    """Short lines (left, top, width, height in mm) outside the grid, in line with every card edge."""
    left0, top0 = grid_origin(grid, paper)
    right0, bottom0 = left0 + grid.columns * grid.width, top0 + grid.rows * grid.height
    gap = 2.0
    marks = []
    for column in range(grid.columns + 1):
        x = left0 + column * grid.width
        marks += [(x, top0 - gap - MARK_MM, 0, MARK_MM), (x, bottom0 + gap, 0, MARK_MM)]
    for row in range(grid.rows + 1):
        y = top0 + row * grid.height
        marks += [(left0 - gap - MARK_MM, y, MARK_MM, 0), (right0 + gap, y, MARK_MM, 0)]
    return marks


def render_html(build: LessonBuild, paper: str, large_print: bool) -> str:
    grid = LARGE_PRINT if large_print else STANDARD
    cards = lesson_cards(build)

    told: set[int] = set()

    def too_long(card: Card) -> None:
        if card.number in told:  # its front and its back
            return
        told.add(card.number)
        message = f"flashcard {card.number} is too long for a card even in small type; its end is left off (…)"
        hint = "shorten the quotation or the fact's wording, or leave the question out with questions: exclude:"
        if card.fact is None:
            build.lesson_note("flashcards.too-long", message, hint)
        else:
            build.note(card.fact, "flashcards.too-long", message, hint)

    placed = sheets(cards, grid, paper, too_long)
    return html_templates.get_template("flashcards.html.j2").render(
        lesson=build.lesson,
        citation=build.lesson.source.citation(),
        paper=CSS_PAGE_SIZE[paper],
        grid=grid,
        padding=PADDING_MM,
        sheets=placed,
        marks=cut_marks(grid, paper),
        total=len(cards),
    )


@exporter(
    "flashcards",
    "Printable flashcards (PDF): cut-out cards, backs placed for long-edge duplex printing",
    writes=CARDS_WRITTEN,
)
def export_flashcards(build: LessonBuild) -> list[Output]:
    paper = build.options.get("paper") or build.lesson.worksheet.paper
    large_print = bool(build.options.get("large_print"))
    html = render_html(build, paper, large_print)
    (pdf,) = render_pdfs([html], str(build.lesson.directory))
    return [Output(FILE_NAME, pdf)]
