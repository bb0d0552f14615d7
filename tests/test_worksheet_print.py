"""Worksheets as they leave the printer: from a browser (headless Chromium), as PDFs on a machine
with or without HarfBuzz's subsetter, on pages that are not left near empty, and with a clear
message on a machine that lacks Pango or the fonts."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from studygen.build import build_lessons
from studygen.lessons import read_lesson
from studygen.questions import build_questions

from .browser import CHROMIUM_FLAGS, chromium_path
from .conftest import ROOT, SEED

SOURCE = "Source: “Putin says he once proposed Russia joining NATO to Clinton”, June 2017"
LESSONS = sorted((ROOT / "seeds").glob("*/facts.yaml")) + sorted((ROOT / "tests" / "lessons").glob("*/facts.yaml"))
MM = 72 / 25.4


def _build(facts: Path, out: Path) -> Path:
    checked = read_lesson(facts)
    lesson = checked.lesson
    build_lessons([(lesson, build_questions(lesson, checked.contexts()))], out, ["worksheet"], now=1_800_000_000)
    return out / lesson.id


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(SEED, tmp_path_factory.mktemp("decks"))


def _texts(pdf: bytes) -> list[str]:
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def _studygen(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "studygen", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=300,
    )


def _chromium_pdf(html: Path, out: Path) -> bytes:
    subprocess.run(
        [chromium_path(), "--headless", *CHROMIUM_FLAGS, "--no-pdf-header-footer", f"--print-to-pdf={out}"]
        + [html.as_uri()],
        capture_output=True,
        check=True,
        timeout=120,
    )
    return out.read_bytes()


def test_each_version_and_the_keys_print_from_chromium_as_their_own_documents(built: Path, tmp_path: Path) -> None:
    for name in ("worksheet-A", "worksheet-B", "answer-key"):
        pages = _texts(_chromium_pdf(built / f"{name}.html", tmp_path / f"{name}.pdf"))
        assert 1 <= len(pages) <= 6, (name, len(pages))
        for number, text in enumerate(pages, 1):
            assert f"Page {number} of {len(pages)}" in text, (name, number, text[:200])
            assert SOURCE in text, (name, number)
        whole = " ".join(pages)
        if name == "answer-key":
            assert "Answer key for version A" in whole and "Answer key for version B" in whole
            assert "Name:" not in whole
        else:
            assert "Name:" in pages[0] and "Answer key" not in whole
            assert whole.count("Name:") == 1, "one version per print job"


def _harfbuzz_off(tmp_path: Path) -> dict[str, str]:
    """An environment in which libharfbuzz-subset cannot load: the library path offers a file
    of that name that is not a library, as on a machine without Debian's libharfbuzz-subset0."""
    fake = tmp_path / "lib"
    fake.mkdir()
    for name in ("libharfbuzz-subset.so.0", "libharfbuzz-subset-0", "libharfbuzz-subset.so"):
        (fake / name).write_text("not a library")
    return {"LD_LIBRARY_PATH": str(fake), "TZ": "Pacific/Kiritimati", "LC_ALL": "C"}


def test_pdfs_are_the_same_bytes_with_and_without_harfbuzz_subset(tmp_path: Path) -> None:
    env = _harfbuzz_off(tmp_path)
    probe = subprocess.run(
        [sys.executable, "-c", "import weasyprint.text.ffi as f; print(f.harfbuzz_subset is None)"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=True,
    )
    assert probe.stdout.strip() == "True", "the test's premise: HarfBuzz's subsetter is off"
    result = _studygen("build", str(SEED.parent), "--format", "worksheet", "-o", str(tmp_path / "out"), env=env)
    assert result.returncode == 0, result.stderr
    committed = ROOT / "decks" / "russia-nato"  # built on a machine that has libharfbuzz-subset0
    for name in ("worksheet-A.pdf", "worksheet-B.pdf", "answer-key.pdf"):
        assert (tmp_path / "out" / "russia-nato" / name).read_bytes() == (committed / name).read_bytes(), name


def _lowest_text(page) -> float:
    """How far down the page the body text reaches, as a fraction of the space for it."""
    height = float(page.mediabox.height)
    top, bottom = height - 18 * MM, 20 * MM  # the worksheet's page margins
    ys: list[float] = []

    def visit(text, cm, tm, font, size) -> None:
        y = cm[5] + tm[5] * cm[3]
        if text.strip() and bottom < y < top:
            ys.append(y)

    page.extract_text(visitor_text=visit)
    return (top - min(ys)) / (top - bottom) if ys else 0.0


def _worksheets_of(facts: Path, tmp_path: Path) -> Path:
    """A lesson's worksheets: the committed ones of a shipped lesson (test_shipped_lessons checks,
    byte for byte, that they are what a build makes), else built here."""
    if facts.is_relative_to(ROOT / "seeds"):
        return ROOT / "decks" / facts.parent.name
    return _build(facts, tmp_path)


@pytest.mark.parametrize("facts", LESSONS, ids=lambda p: p.parent.name)
def test_no_page_but_the_last_is_less_than_a_third_full(facts: Path, tmp_path: Path) -> None:
    out = _worksheets_of(facts, tmp_path)
    assert sorted(p.name for p in out.glob("*.pdf")) == ["answer-key.pdf", "worksheet-A.pdf", "worksheet-B.pdf"]
    for pdf in sorted(out.glob("*.pdf")):
        reader = PdfReader(pdf)
        pages = reader.pages
        if pdf.name == "answer-key.pdf":  # each version's key starts a page: its last page may be short
            starts = [i for i, page in enumerate(pages) if "Answer key for version" in (page.extract_text() or "")]
            lasts = {i - 1 for i in starts[1:]} | {len(pages) - 1}
        else:
            lasts = {len(pages) - 1}
        for index, page in enumerate(pages):
            if index not in lasts:
                assert _lowest_text(page) > 1 / 3, (pdf.name, index + 1)


def test_lines_to_write_on_are_at_least_8_mm_apart(built: Path) -> None:
    html = (built / "worksheet-A.html").read_text(encoding="utf-8")
    assert ".lines div { border-bottom: .6pt solid #777; height: 9mm;" in html
    assert '<div class="lines"><div></div></div>' in html  # a name or a date: one line


def test_large_print_is_bigger_and_longer(built: Path, tmp_path: Path) -> None:
    result = _studygen("build", str(SEED.parent), "--format", "worksheet", "--large-print", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    large = PdfReader(tmp_path / "russia-nato" / "worksheet-A.pdf")
    normal = PdfReader(built / "worksheet-A.pdf")
    assert len(large.pages) > len(normal.pages)
    sizes: list[float] = []  # over every page: the first may hold only the header (no item splits)
    for page in large.pages:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: sizes.append(size * tm[0] * cm[0]))
    body = sorted(s for s in sizes if s)[len(sizes) // 2]
    assert body >= 14, body
    assert _texts((tmp_path / "russia-nato" / "worksheet-A.pdf").read_bytes())[0].startswith("A")


def test_a_source_title_cannot_break_out_of_the_style_sheet(tmp_path: Path) -> None:
    """The source line is a CSS string in the page's style sheet: quotes, backslashes and
    `</style>` in a title stay text, in the HTML and in the printed footer."""
    folder = tmp_path / "lesson"
    shutil.copytree(ROOT / "tests" / "lessons" / "treaty", folder)
    facts = folder / "facts.yaml"
    title = 'Talks \\ "end" </style><script>alert(1)</script>'
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("title: How the Isel dispute was settled", f"title: '{title}'"), encoding="utf-8")
    out = _build(facts, tmp_path / "out")
    html = (out / "worksheet-A.html").read_text(encoding="utf-8")
    assert "<script>" not in html and '"end"' not in html
    footer = _texts((out / "worksheet-A.pdf").read_bytes())[0]
    assert f"Source: “{title}”" in footer


def test_a_machine_without_pango_gets_the_install_command(tmp_path: Path) -> None:
    fake = tmp_path / "lib"
    fake.mkdir()
    (fake / "libgobject-2.0.so.0").write_text("not a library")
    out = str(tmp_path / "out")
    result = _studygen(
        "build", str(SEED.parent), "--format", "worksheet", "-o", out, env={"LD_LIBRARY_PATH": str(fake)}
    )
    assert result.returncode == 2, result.stderr
    assert "worksheet PDFs need Pango" in result.stderr and "apt-get install libpango-1.0-0" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_machine_without_the_fonts_gets_the_install_command(tmp_path: Path) -> None:
    (tmp_path / "fonts").mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        f'<?xml version="1.0"?><fontconfig><dir>{tmp_path / "fonts"}</dir>'
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    out = str(tmp_path / "out")
    result = _studygen(
        "build", str(SEED.parent), "--format", "worksheet", "-o", out, env={"FONTCONFIG_FILE": str(conf)}
    )
    assert result.returncode == 2, result.stderr
    assert "need the fonts DejaVu Serif and DejaVu Sans" in result.stderr and "fonts-dejavu-core" in result.stderr
    assert not (tmp_path / "out").exists()
