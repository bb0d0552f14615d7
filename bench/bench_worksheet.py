"""Benchmark: the sample lesson's full build against WeasyPrint rendering its worksheet once.

    python bench/bench_worksheet.py

Times whole commands (best of three): `studygen build` of seeds/russia-nato (Anki deck,
worksheet HTML and the three PDFs) into a fresh folder, on every core and pinned to one;
and, as the reference, WeasyPrint rendering the committed decks/russia-nato/worksheet.html
(every version and key in one document) to PDF once. Targets: within 1.3x on one core,
faster than the reference where there are cores to render versions side by side.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from timing import PYTHON, ROOT, STUDYGEN, best, report

RENDER_ONCE = "import sys, weasyprint; weasyprint.HTML(sys.argv[1]).write_pdf(sys.argv[2])"


def main() -> None:
    lesson = ROOT / "seeds" / "russia-nato"
    html = ROOT / "decks" / "russia-nato" / "worksheet.html"
    with tempfile.TemporaryDirectory() as tmp:
        reference = best([PYTHON, "-c", RENDER_ONCE, str(html), str(Path(tmp) / "once.pdf")])
        outs = iter(range(100))

        def build(one_core: bool):  # a fresh output folder each run: nothing is reused
            samples = [best([*STUDYGEN, "build", str(lesson), "--out", str(Path(tmp) / f"out{next(outs)}")],
                            times=1, one_core=one_core) for _ in range(3)]  # fmt: skip
            return min(samples, key=lambda s: s.wall)

        report("studygen build (sample lesson), one core", build(True), reference, "WeasyPrint once", 1.3)
        cores = len(os.sched_getaffinity(0))
        report(f"studygen build (sample lesson), {cores} cores", build(False), reference, "WeasyPrint once", 1.0)


if __name__ == "__main__":
    main()
