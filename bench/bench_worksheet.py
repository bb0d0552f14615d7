"""Benchmark: render worksheets (HTML + PDFs for versions A and B and the answer keys).

    python bench/bench_worksheet.py

Times the first lesson's worksheets and a generated 200-question worksheet (best of three).
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_lesson  # noqa: E402

from studygen.export import LessonBuild  # noqa: E402
from studygen.export.worksheet import export_worksheet  # noqa: E402
from studygen.export.worksheet_layout import versions  # noqa: E402
from studygen.lessons import read_lesson  # noqa: E402
from studygen.model import WorksheetSettings  # noqa: E402
from studygen.questions import build_questions  # noqa: E402


def best_of_three(job: LessonBuild) -> tuple[float, int]:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        outputs = export_worksheet(job)
        times.append(time.perf_counter() - start)
    return min(times), sum(len(o.data) for o in outputs)


def main() -> None:
    export_worksheet  # noqa: B018 - imported above; WeasyPrint itself loads on first use
    checked = read_lesson(ROOT / "seeds" / "russia-nato" / "facts.yaml")
    seed = LessonBuild(checked.lesson, build_questions(checked.lesson, checked.contexts()), Path("."), 0)
    export_worksheet(seed)  # warm-up: imports WeasyPrint and loads fonts
    seconds, size = best_of_three(seed)
    count = len(versions(seed.lesson, seed.questions.questions)[0].questions)
    print(f"first lesson: {count} questions x 2 versions + keys: {seconds:.2f} s ({size / 1e3:.0f} kB)")

    with tempfile.TemporaryDirectory() as tmp:
        checked = read_lesson(write_lesson(Path(tmp) / "big", 400))
        sections = {"multiple_choice": 130, "fill_in": 40, "short_answer": 28, "timeline": 1, "matching": 1}
        lesson = dataclasses.replace(checked.lesson, worksheet=WorksheetSettings(sections=sections))
        job = LessonBuild(lesson, build_questions(lesson, checked.contexts()), Path(tmp), 0)
        count = len(versions(lesson, job.questions.questions)[0].questions)
        seconds, size = best_of_three(job)
        print(f"generated lesson: {count} questions x 2 versions + keys: {seconds:.2f} s ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
