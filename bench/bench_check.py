"""Benchmark: load, validate and ground a generated lesson of 10,000 facts.

    python bench/bench_check.py [FACTS]

Prints the best of five runs (target: under 1 second on a 2-core machine).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_lesson

from studygen.lessons import read_lesson


def main() -> None:
    facts = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        path = write_lesson(Path(tmp) / "bench", facts)
        size = path.stat().st_size + (path.parent / "article.txt").stat().st_size
        times = []
        for _ in range(5):
            start = time.perf_counter()
            checked = read_lesson(path)
            times.append(time.perf_counter() - start)
        assert checked.ok, checked.diagnostics[:3]
        assert checked.lesson is not None and len(checked.lesson.facts) == facts
    print(f"check {facts:,} facts ({size / 1e6:.1f} MB of YAML and article): "
          f"best {min(times):.3f} s, median {sorted(times)[2]:.3f} s")  # fmt: skip


if __name__ == "__main__":
    main()
