"""Benchmark: `studygen check` on generated lessons, against loading the same YAML.

    python bench/bench_check.py [--large]

Times whole commands (best of three): `studygen check` of a 10,000-fact lesson against
`yaml.load` of the same file with PyYAML's C loader (target: within 2x); the same
lesson with 100 misquoted quotations (each needs a "closest passage" hint); and with
--large, a 100,000-fact lesson (targets: at most 11x the 10,000-fact time, peak memory
under 1 GB). Then two hostile inputs whose cost once grew with the square of their size: a facts
file with 20 comment lines of 100,000 characters, and 3,000 facts whose evidence is "the" in a
2 MB article (target: each under 5 s).
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from generate import write_common_evidence_lesson, write_lesson, write_long_comment_lesson
from timing import PYTHON, STUDYGEN, YAML_FLOOR, best, report


def misquote(lesson: Path, count: int) -> None:
    """Change one word in the first `count` quotations, so that they are no longer the article's."""
    facts = lesson / "facts.yaml"
    text = re.sub(r"(    said: Quotation) number", r"\1 numero", facts.read_text(encoding="utf-8"), count=count)
    facts.write_text(text, encoding="utf-8")


def main() -> None:
    large = "--large" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        small = write_lesson(Path(tmp) / "small", 10_000).parent
        ours = best([*STUDYGEN, "check", str(small)])
        floor = best([PYTHON, "-c", YAML_FLOOR, str(small / "facts.yaml")])
        report("studygen check, 10,000 facts", ours, floor, "yaml.load (C loader) of the same file", 2.0)

        # Misquotes: both lessons have errors (so neither makes questions); the only difference
        # is 100 quotations that each need a "closest passage" hint.
        plain = write_lesson(Path(tmp) / "one-error", 10_000).parent
        with (plain / "facts.yaml").open("a", encoding="utf-8") as stream:
            stream.write("unknown_key: 1\n")
        wrong = write_lesson(Path(tmp) / "misquoted", 10_000).parent
        misquote(wrong, 100)
        one_error = best([*STUDYGEN, "check", str(plain)], expect=1)
        misquoted = best([*STUDYGEN, "check", str(wrong)], expect=1)
        per = (misquoted.wall - one_error.wall) / 100
        print(
            f"studygen check, 10,000 facts with 100 misquoted quotations: {misquoted.wall:.2f} s; "
            f"with one unrelated error instead: {one_error.wall:.2f} s; about {per * 1000:.1f} ms per misquote"
        )

        for label, facts in (
            ("20 comment lines of 100,000 characters", write_long_comment_lesson(Path(tmp) / "long-lines")),
            ("3,000 facts whose evidence is 'the', 2 MB article", write_common_evidence_lesson(Path(tmp) / "common")),
        ):
            hostile = best([*STUDYGEN, "check", str(facts)])
            verdict = "met" if hostile.wall < 5 else "NOT met"
            print(
                f"studygen check, {label}: {hostile.wall:.2f} s wall, {hostile.cpu:.2f} s cpu   target < 5 s: {verdict}"
            )

        if large:
            big = write_lesson(Path(tmp) / "large", 100_000).parent
            huge = best([*STUDYGEN, "check", str(big)], times=1)
            report("studygen check, 100,000 facts", huge, ours, "studygen check, 10,000 facts", 11.0)
            print(
                f"  peak memory {huge.peak_mb:.0f} MB   target < 1000 MB: {'met' if huge.peak_mb < 1000 else 'NOT met'}"
            )


if __name__ == "__main__":
    main()
