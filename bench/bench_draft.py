"""Benchmark: `studygen draft` on 100 KB, 1 MB (and with --large, 10 MB) of varied news text.

    python bench/bench_draft.py [--large]

The text comes from bench/newsgen.py: stories with their own casts, quotations, dates and
proposals, no sentence repeated, so the number of people grows with the size. Each run is
a whole `studygen draft FILE` process pinned to one core (best of three; one run at 10 MB).
Targets: 1 MB in under 2 s; 10x the text in at most 11x the time.
"""

from __future__ import annotations

import itertools
import sys
import tempfile
from pathlib import Path

from newsgen import news_text
from timing import STUDYGEN, best


def main() -> None:
    sizes = [100_000, 1_000_000] + ([10_000_000] if "--large" in sys.argv else [])
    times: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            article = Path(tmp) / f"news-{size}.txt"
            article.write_text(news_text(size), encoding="utf-8")
            sample = best([*STUDYGEN, "draft", str(article)], times=1 if size > 1_000_000 else 3, one_core=True)
            times[size] = sample.wall
            print(f"studygen draft, {size / 1e6:g} MB: {sample.wall:.2f} s wall, {sample.peak_mb:.0f} MB peak")
    one_mb = times[1_000_000]
    print(f"  1 MB in {one_mb:.2f} s   target < 2 s: {'met' if one_mb < 2 else 'NOT met'}")
    for small, large in itertools.pairwise(sizes):
        ratio = times[large] / times[small]
        print(f"  {large / small:g}x the text ({small / 1e6:g} -> {large / 1e6:g} MB): {ratio:.1f}x the time"
              f"   target <= 11x: {'met' if ratio <= 11 else 'NOT met'}")  # fmt: skip


if __name__ == "__main__":
    main()
