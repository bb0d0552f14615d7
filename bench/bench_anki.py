"""Benchmark: build a generated lesson's Anki deck, against a minimal genanki script.

    python bench/bench_anki.py [FACTS]      (default 10,000)

Prints the time of each stage of `studygen build --format anki`, the time of a plain
genanki script writing the same notes (same fields, tags and GUIDs), their ratio, and
the peak memory of the process.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import genanki
from generate import write_lesson

from studygen.build import build_lessons
from studygen.export import LessonBuild
from studygen.export.anki import note_fields, note_tags
from studygen.lessons import read_lesson
from studygen.questions import build_questions


def raw_genanki(build: LessonBuild, out: Path) -> None:
    """What a teacher's own 20-line genanki script would do with the same notes."""
    deck = genanki.Deck(2_059_400_110, build.lesson.deck or build.lesson.title)
    fact_tags = {fact.id: fact.tags for fact in build.lesson.facts}
    for question in build.questions.questions:
        model, fields = note_fields(question)
        tags = note_tags(build.lesson, fact_tags, question)
        deck.add_note(genanki.Note(model=model, fields=fields, tags=tags, guid=genanki.guid_for(question.id)))
    genanki.Package(deck).write_to_file(str(out))


def main() -> None:
    facts = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    with tempfile.TemporaryDirectory() as tmp:
        path = write_lesson(Path(tmp) / "bench", facts)
        start = time.perf_counter()
        checked = read_lesson(path)
        read = time.perf_counter()
        assert checked.ok and checked.lesson is not None, [d.render() for d in checked.diagnostics[:3]]
        questions = build_questions(checked.lesson, checked.contexts())
        asked = time.perf_counter()
        build_lessons([(checked.lesson, questions)], Path(tmp) / "decks", ["anki"], now=1_800_000_000)
        built = time.perf_counter()
        job = LessonBuild(checked.lesson, questions, Path(tmp) / "unused", 1_800_000_000)
        raw_start = time.perf_counter()
        raw_genanki(job, Path(tmp) / "raw.apkg")
        raw = time.perf_counter() - raw_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    export = built - asked
    print(f"{facts:,} facts -> {len(questions.questions):,} notes")
    print(f"  read + check     {read - start:7.2f} s")
    print(f"  questions        {asked - read:7.2f} s")
    print(f"  anki export      {export:7.2f} s   (manifest, escaping, genanki, atomic write)")
    print(f"  raw genanki      {raw:7.2f} s   ratio export/raw {export / raw:.2f}x")
    print(f"  whole build      {built - start:7.2f} s   ratio whole/raw {(built - start) / raw:.2f}x")
    print(f"  peak memory      {peak_mb:7.0f} MB")


if __name__ == "__main__":
    main()
