"""Benchmark: `studygen build --format anki` against a plain genanki script writing the same notes.

    python bench/bench_anki.py [--large]

Times whole commands (best of three): studygen building the deck of a generated
10,000-fact lesson from its facts file, and `bench/plain_genanki.py` writing the same
notes (same note types, fields, tags and GUIDs, prepared beforehand) with genanki
(target: within 1.5x). With --large, the peak memory of a 100,000-fact build (target:
under 1 GB).
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import genanki
from generate import write_lesson
from timing import PYTHON, ROOT, STUDYGEN, YAML_FLOOR, best, report

from studygen.export.anki import MODELS, NOTE_TYPES, anki_questions, kind_note_type, note_fields, note_tags
from studygen.lessons import read_lesson
from studygen.questions import build_questions


def write_notes(lesson: Path, target: Path) -> int:
    """The deck's notes as plain data, for the reference script (not timed)."""
    checked = read_lesson(lesson / "facts.yaml")
    assert checked.lesson is not None
    questions = build_questions(checked.lesson, checked.contexts()).questions
    fact_tags = {fact.id: fact.tags for fact in checked.lesson.facts}
    notes = []
    for question in (item for asked in questions for item in anki_questions(asked)):
        type_ = kind_note_type(question)  # a first build: every note is new
        model, fields = NOTE_TYPES[type_], note_fields(question, type_)
        tags = note_tags(checked.lesson, fact_tags, question)
        notes.append({"model": model.model_id, "fields": fields, "tags": tags, "guid": genanki.guid_for(question.id)})
    models = [{"id": m.model_id, "name": m.name, "fields": m.fields, "templates": m.templates, "css": m.css,
               "type": m.model_type} for m in MODELS]  # fmt: skip
    data = {"models": models, "deck_id": 2_059_400_110, "deck_name": checked.lesson.deck, "notes": notes}
    target.write_text(json.dumps(data), encoding="utf-8")
    return len(notes)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lesson = write_lesson(folder / "lesson", 10_000).parent
        count = write_notes(lesson, folder / "notes.json")
        runs = iter(range(100))
        ours = best([*STUDYGEN, "build", str(lesson), "--format", "anki", "--out", str(folder / f"out{next(runs)}")])
        plain = best([PYTHON, str(ROOT / "bench" / "plain_genanki.py"), str(folder / "notes.json"),
                      str(folder / "plain.apkg")])  # fmt: skip
        report(f"studygen build --format anki, 10,000 facts ({count:,} notes)", ours, plain,
               "plain genanki script, same notes", 1.5)  # fmt: skip
        # What no tool that reads the teacher's file can go below: parsing it with PyYAML's C loader.
        floor = best([PYTHON, "-c", YAML_FLOOR, str(lesson / "facts.yaml")])
        print(
            f"  for scale: yaml.load (C loader) of the facts file alone: {floor.wall:.2f} s, "
            f"{floor.wall / plain.wall:.2f}x the plain genanki script"
        )
        if "--large" in sys.argv:
            big = write_lesson(folder / "large", 100_000).parent
            large = best(
                [*STUDYGEN, "build", str(big), "--format", "anki", "--out", str(folder / "large-out")], times=1
            )
            print(f"studygen build --format anki, 100,000 facts: {large.wall:.1f} s, peak memory {large.peak_mb:.0f} MB"
                  f"   target < 1000 MB: {'met' if large.peak_mb < 1000 else 'NOT met'}")  # fmt: skip


if __name__ == "__main__":
    main()
