"""Benchmark: draft facts from 1 MB of news text (target: under 2 seconds).

    python bench/bench_draft.py [MEGABYTES]

The text is the project's own articles (the first lesson and the test lessons), repeated
with the names and years varied so that the drafter cannot lean on repetition.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from studygen.draft import draft_article

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "seeds" / "russia-nato" / "article.txt",
    ROOT / "tests" / "lessons" / "biography" / "article.txt",
    ROOT / "tests" / "lessons" / "treaty" / "article.txt",
]


def corpus(size: int) -> str:
    texts = [path.read_text(encoding="utf-8") for path in SOURCES]
    parts, total, round_ = [], 0, 0
    while total < size:
        suffix = "".join(chr(97 + int(d)) for d in str(round_))  # 12 -> "bc": names stay names
        for text in texts:
            varied = text
            for name in ("Putin", "Clinton", "Gorbachev", "Baker", "Ivanov", "Lukyanov", "Kovacs", "Weiss", "Maric"):
                varied = varied.replace(name, name + suffix)
            varied = varied.replace("1990", str(1800 + round_ % 200))
            parts.append(varied)
            total += len(varied.encode("utf-8"))
        round_ += 1
    return "\n".join(parts)


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    text = corpus(int(megabytes * 1_000_000))
    times = []
    for _ in range(3):
        start = time.perf_counter()
        draft = draft_article(text)
        times.append(time.perf_counter() - start)
    print(
        f"draft {len(text.encode()) / 1e6:.2f} MB: best {min(times):.2f} s "
        f"({len(draft.quotes)} quotations, {len(draft.people)} people, {len(draft.events)} events)"
    )


if __name__ == "__main__":
    main()
