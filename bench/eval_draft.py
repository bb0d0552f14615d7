"""Score `studygen draft` against hand-made gold lists (format: ../shared/eval/README.md).

    python bench/eval_draft.py [FOLDER]      (default ../shared/eval/articles)

For every `<name>.txt` with a `<name>.gold.yaml`, prints precision, recall and F1 for
quotation-speaker pairs, people with roles and dated events, per article and pooled (a list
the gold file leaves out is not scored: bench/articles has quotations only).
Matching follows the gold README: quotation texts overlap substantially and speakers
match after dropping titles (a surname matches a full name); people match on name,
then role; events on the normalised time expression and the drafted clause (`what`, not
its evidence sentence) sharing the gold description's content words.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from studygen.draft import draft_article
from studygen.draft.people import HONORIFICS, TITLES
from studygen.draft.times import MONTHS

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "articles"
_STOP = frozenset("the a an of and in on to for by with was were is that this as at its it his her their".split())


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("``", " ").replace("''", " "))


def _content(text: str) -> set[str]:
    return {w for w in _words(text) if w not in _STOP and len(w) > 2}


def same_speaker(a: str, b: str) -> bool:
    def norm(name: str) -> list[str]:
        name = re.sub(r"\(.*?\)", "", name)
        return [w for w in _words(name) if w.capitalize() not in TITLES and w.capitalize() not in HONORIFICS]

    x, y = norm(a), norm(b)
    return bool(x and y) and (x == y or x[-1] == y[-1])


def same_quote(a: str, b: str) -> bool:
    x, y = _words(a), _words(b)
    if not x or not y:
        return False
    common = len(set(x) & set(y))
    return common / min(len(set(x)), len(set(y))) >= 0.6 and common / max(len(set(x)), len(set(y))) >= 0.3


def same_event(drafted: str, gold: str) -> bool:
    """The drafted clause says what the gold event says: two content words in common (one when the gold
    description has no more than three). Only the drafted `what` counts, never its evidence sentence."""
    common = _content(drafted) & _content(gold)
    return len(common) >= (1 if len(_content(gold)) <= 3 else 2)


def normal_time(text: str) -> str:
    """'June 12', '12 June', 'March 17 2003' and '17 March 2003' compare equal; spans as 'a-b'."""
    text = text.lower().replace(",", " ")
    if span := re.search(r"(\d{4})\D+(\d{4})", text):
        return f"{span[1]}-{span[2]}"
    words = text.split()
    months = [w for w in words if w.capitalize() in MONTHS]
    numbers = sorted((w for w in words if w.isdigit()), key=len)
    rest = [w for w in words if w not in months and not w.isdigit() and w not in ("in", "on", "the", "of")]
    return " ".join(months + numbers + rest)


def score(predicted: list, gold: list, match: Callable[[object, object], bool]) -> tuple[int, int, int]:
    """(true positives, predicted, gold), pairing each gold item with at most one prediction."""
    used: set[int] = set()
    hits = 0
    for item in gold:
        for index, guess in enumerate(predicted):
            if index not in used and match(guess, item):
                used.add(index)
                hits += 1
                break
    return hits, len(predicted), len(gold)


def prf(hits: int, predicted: int, gold: int) -> str:
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.2f}  R {r:.2f}  F1 {f:.2f}  ({hits}/{predicted} predicted, {hits}/{gold} gold)"


def evaluate(text: str, gold: dict) -> dict[str, tuple[int, int, int]]:
    draft = draft_article(text)
    quotes = [(q.speaker.name if q.speaker else q.description, q.text) for q in draft.quotes]
    people = [(p.name, "; ".join(r.title for r in p.roles)) for p in draft.people if p.roles]
    events = [(e.when, e.what) for e in draft.events]
    scores = {
        "quotes": score(
            quotes,
            gold.get("quotes") or [],
            lambda q, g: same_speaker(q[0], g["speaker"]) and same_quote(q[1], g["text"]),
        ),
        "people": score(
            people,
            [p for p in gold.get("people") or [] if p.get("role")],
            lambda p, g: same_speaker(p[0], g["name"]) and bool(_content(p[1]) & _content(g["role"])),
        ),
        "events": score(
            events,
            gold.get("events") or [],
            lambda e, g: normal_time(e[0]) == normal_time(str(g["when"])) and same_event(e[1], g["what"]),
        ),
    }
    return {name: counts for name, counts in scores.items() if name in gold}  # the lists the gold file has


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    pooled: dict[str, list[int]] = {}
    for gold_path in sorted(folder.glob("*.gold.yaml")):
        text_path = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt"))
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        result = evaluate(text_path.read_text(encoding="utf-8"), gold)
        print(text_path.stem)
        for name, counts in result.items():
            print(f"  {name:7} {prf(*counts)}")
            pooled[name] = [a + b for a, b in zip(pooled.get(name, [0, 0, 0]), counts, strict=True)]
    print("pooled")
    for name, counts in pooled.items():
        print(f"  {name:7} {prf(*counts)}")


if __name__ == "__main__":
    main()
