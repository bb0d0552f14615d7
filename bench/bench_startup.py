"""Benchmark: `studygen --help` and `--version` against importing typer alone.

    python bench/bench_startup.py

Target: within 1.5x of `python -c "import typer"` (median of 10 runs each).
"""

from __future__ import annotations

from timing import PYTHON, STUDYGEN, median_wall


def main() -> None:
    reference = median_wall([PYTHON, "-c", "import typer"])
    for flag in ("--help", "--version"):
        ours = median_wall([*STUDYGEN, flag])
        ratio = ours / reference
        print(f"studygen {flag}: {ours:.3f} s; python -c 'import typer': {reference:.3f} s; ratio {ratio:.2f}x"
              f"   target <= 1.5x: {'met' if ratio <= 1.5 else 'NOT met'}")  # fmt: skip


if __name__ == "__main__":
    main()
