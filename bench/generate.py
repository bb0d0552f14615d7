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


def write_long_comment_lesson(folder: Path, lines: int = 20, length: int = 100_000) -> Path:
    """A small lesson whose facts file opens with `lines` comment lines of `length` characters (the
    longest a line may be): checking it must take time linear in the line length."""
    path = write_lesson(folder, 10)
    comments = "".join(f"# {'x' * (length - 2)}\n" for _ in range(lines))
    path.write_text(comments + path.read_text(encoding="utf-8"), encoding="utf-8")
    return path


_COMMON_WORDS = "There the theory of the treaty then met the other nation and the minister said so. "


def write_common_evidence_lesson(folder: Path, facts: int = 3000, article_bytes: int = 2_000_000) -> Path:
    """A lesson of `facts` facts whose evidence is "the" in an article of `article_bytes` bytes where
    "the" starts thousands of other words: finding the evidence must not walk them all for each fact."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "article.txt").write_text(_COMMON_WORDS * (article_bytes // len(_COMMON_WORDS)), encoding="utf-8")
    yaml = [
        "lesson:\n  id: common\n  title: Common words\n  source: {file: article.txt, title: Words}\n",
        "people:\n  ann: {name: Ann Vale, from_teacher: true}\nfacts:\n",
    ]
    yaml += [f"  - {{id: f{i}, kind: event, what: event {i}, evidence: the}}\n" for i in range(facts)]
    path = folder / "facts.yaml"
    path.write_text("".join(yaml), encoding="utf-8")
    return path


if __name__ == "__main__":
    print(write_lesson(Path(sys.argv[1]), int(sys.argv[2])))
