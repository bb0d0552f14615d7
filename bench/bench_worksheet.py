"""Benchmark: the sample lesson's full build against WeasyPrint rendering its worksheet once.

    python bench/bench_worksheet.py

Times whole commands (best of three): `studygen build` of seeds/russia-nato (Anki deck,
worksheet HTML and the three PDFs) into a fresh folder, on every core and pinned to one;
and, as the reference, one Python process in which WeasyPrint renders the committed
decks/russia-nato/worksheet-A.html, worksheet-B.html and answer-key.html to PDF, one
after another. Targets: the whole build under 2 s; within 1.3x of the reference on one
core, faster than it where there are cores to render the documents side by side.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from timing import PYTHON, ROOT, STUDYGEN, best, report

_RENDER_LOOP = "for i, html in enumerate(sys.argv[2:]): weasyprint.HTML(html).write_pdf(f'{sys.argv[1]}{i}.pdf')"
RENDER_EACH = "import sys, weasyprint\n" + _RENDER_LOOP
# The same with the font subsetting studygen uses for the same bytes on every machine (fontTools, not the
# HarfBuzz subsetter WeasyPrint prefers where libharfbuzz-subset0 is installed): printed for scale.
RENDER_EACH_AS_STUDYGEN = (
    "import sys\nfrom studygen.export.print_setup import fixed_font_times, load_weasyprint\n"
    "weasyprint = load_weasyprint()\n"
    "with fixed_font_times():\n    " + _RENDER_LOOP
)
DOCUMENTS = ("worksheet-A.html", "worksheet-B.html", "answer-key.html")


def main() -> None:
    lesson = ROOT / "seeds" / "russia-nato"
    htmls = [str(ROOT / "decks" / "russia-nato" / name) for name in DOCUMENTS]
    with tempfile.TemporaryDirectory() as tmp:
        reference = best([PYTHON, "-c", RENDER_EACH, str(Path(tmp) / "ref"), *htmls])
        outs = iter(range(100))

        def build(one_core: bool):  # a fresh output folder each run: nothing is reused
            samples = [best([*STUDYGEN, "build", str(lesson), "--out", str(Path(tmp) / f"out{next(outs)}")],
                            times=1, one_core=one_core) for _ in range(3)]  # fmt: skip
            return min(samples, key=lambda s: s.wall)

        label = "WeasyPrint, the same three documents"
        report("studygen build (sample lesson), one core", build(True), reference, label, 1.3)
        cores = len(os.sched_getaffinity(0))
        every_core = build(False)
        report(f"studygen build (sample lesson), {cores} cores", every_core, reference, label, 1.0)
        print(f"  whole build {every_core.wall:.2f} s   target < 2 s: {'met' if every_core.wall < 2 else 'NOT met'}")
        same_fonts = best([PYTHON, "-c", RENDER_EACH_AS_STUDYGEN, str(Path(tmp) / "fonttools"), *htmls])
        print(f"  for scale: WeasyPrint subsetting fonts as studygen does (fontTools): {same_fonts.wall:.2f} s, "
              f"{same_fonts.wall / reference.wall:.2f}x the reference")  # fmt: skip


if __name__ == "__main__":
    main()
