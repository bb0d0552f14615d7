"""Generate a large synthetic lesson (article + facts.yaml) for the benchmarks."""

from __future__ import annotations

import sys
from pathlib import Path

KINDS = ("quote", "proposal", "event")


def write_lesson(folder: Path, facts: int) -> Path:
    """Write a lesson of `facts` facts whose every quotation and evidence is in the article."""
    folder.mkdir(parents=True, exist_ok=True)
    people = max(10, facts // 50)
    article, yaml = (
        [],
        [
            "lesson:",
            "  id: bench",
            "  title: A generated lesson",
            "  source: {file: article.txt, title: Generated}",
            "people:",
        ],
    )
    for p in range(people):
        yaml += [f"  p{p}:", f"    name: Person{p} Example{p}", "    roles:",
                 f"      - {{title: Minister number {p}, when: {1900 + p % 100}-{1901 + p % 100},"
                 f" evidence: 'minister from {1900 + p % 100} to {1901 + p % 100}'}}"]  # fmt: skip
        article.append(f"Person{p} Example{p} served as minister from {1900 + p % 100} to {1901 + p % 100}.")
    yaml.append("facts:")
    for i in range(facts):
        year = 1800 + i % 200
        who = f"p{i % people}"
        kind = KINDS[i % 3]
        if kind == "quote":
            words = f"quotation number {i} about the treaty"
            article.append(f'"{words.capitalize()}," Example{i % people} said in {year}.')
            yaml += [f"  - id: f{i}", "    kind: quote", f"    by: {who}", f"    said: {words.capitalize()}",
                     f"    when: {year}", f"    evidence: Example{i % people} said in {year}"]  # fmt: skip
        elif kind == "proposal":
            article.append(f"In {year}, Example{i % people} proposed measure {i} to the council.")
            evidence = f"In {year}, Example{i % people} proposed measure {i}"
            yaml += [f"  - id: f{i}", "    kind: proposal", f"    by: {who}", f"    what: that measure {i} pass",
                     f"    when: {year}", f"    evidence: {evidence}"]  # fmt: skip
        else:
            article.append(f"Event {i} happened in {year}.")
            yaml += [f"  - id: f{i}", "    kind: event", f"    what: Event {i} happened",
                     f"    when: {year}", f"    evidence: Event {i} happened in {year}"]  # fmt: skip
    (folder / "article.txt").write_text("\n".join(article) + "\n", encoding="utf-8")
    path = folder / "facts.yaml"
    path.write_text("\n".join(yaml) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_lesson(Path(sys.argv[1]), int(sys.argv[2])))
