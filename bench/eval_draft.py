"""Score `studygen draft` against hand-made gold lists (format: ../shared/eval/README.md).

    python bench/eval_draft.py [FOLDER]      (default ../shared/eval/articles)

For every `<name>.txt` with a `<name>.gold.yaml`, prints precision, recall and F1 for
quotation-speaker pairs, people with roles and dated events, per article and pooled (a list
the gold file leaves out is not scored: bench/articles has quotations only).

Speakers are scored strictly: a drafted speaker is right only when it is the SAME PERSON as
the gold one. Names compare after dropping titles, honorifics and initials ("Lord Baker",
"Kenneth W. Baker" and "Kenneth Baker" are one), and two full names are one person when first
name, surname and suffix agree ("Margaret Caldwell Lund" is Margaret Lund; "James Caldwell Jr."
is not James Caldwell); a surname alone matches a full name only when no two people in the
article share it ("Hiss" names neither Alger nor Tony Hiss); an unnamed gold speaker matches only
a drafted description with the same role noun or the same head noun ("the review" for "The
review (unnamed)"). A
quotation the draft leaves to the teacher with several possible speakers
(`draft: "speaker could be ..."`) is not a prediction: it counts against recall, never
precision, and is reported apart with whether the right person was among its candidates.
People match on name, then role; events on the normalised time expression and the drafted
clause (`what`, not its evidence sentence) sharing the gold description's content words.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import yaml

from studygen.draft import draft_article
from studygen.draft.people import HONORIFICS, NOT_NAMES, ROLE_NOUNS, TITLES
from studygen.draft.times import MONTHS

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "articles"
_STOP = frozenset("the a an of and in on to for by with was were is that this as at its it his her their".split())


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("``", " ").replace("''", " "))


def _content(text: str) -> set[str]:
    return {w for w in _words(text) if w not in _STOP and len(w) > 2}


_DROPPED = frozenset(w.lower() for w in (*TITLES, *HONORIFICS))


def name_words(name: str) -> list[str]:
    """A name as compared: no parenthesis, title, honorific or initial ("Lord Kenneth W. Baker" -> kenneth baker)."""
    name = re.sub(r"\(.*?\)", "", name)
    return [w for w in re.findall(r"[a-z][\w'’-]*", name.lower().replace("’", "'")) if w not in _DROPPED and len(w) > 1]


_SUFFIXES = frozenset("jr sr ii iii iv".split())  # "James Caldwell Jr." is not his father James Caldwell


def _split_suffix(words: list[str]) -> tuple[list[str], str]:
    """(the name's words, its suffix): ["james", "caldwell", "jr"] -> (["james", "caldwell"], "jr")."""
    return (words[:-1], words[-1]) if len(words) > 1 and words[-1] in _SUFFIXES else (words, "")


def _is_first_name(word: str) -> bool:
    return word not in (*TITLES, *HONORIFICS, *NOT_NAMES) and word.lower() not in ROLE_NOUNS


def shared_surnames(article: str, names: list[str]) -> set[str]:
    """Surnames two people of the article share: a surname given two people (a first name and a suffix),
    in the gold lists or in the article ("Alger Hiss" ... "Tony Hiss"; "James Caldwell" ... "James Caldwell
    Jr."). A middle name is no first name ("Margaret Caldwell Lund" and "Margaret Lund" are one person)."""
    given: dict[str, set[tuple[str, str]]] = {}
    for name in names:
        words, suffix = _split_suffix(name_words(name))
        if len(words) > 1 and "(unnamed)" not in name:
            given.setdefault(words[-1], set()).add((words[0], suffix))
    for surname in list(given):
        pattern = (
            rf"\b(?:([A-Z][a-z]+)\s+)?([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?{re.escape(surname.capitalize())}\b"
            r"(?:,?\s+(Jr|Sr|II|III|IV)\b)?"
        )
        for before, first, suffix in re.findall(pattern, article):
            if before and _is_first_name(before) and _is_first_name(first):
                first = before  # "Margaret Caldwell Lund": Caldwell is a middle name
            if _is_first_name(first):
                given[surname].add((first.lower(), suffix.lower()))
    return {surname for surname, people in given.items() if len(people) > 1}


def same_person(drafted: str, described: bool, gold: str, shared: set[str]) -> bool:
    """Whether a drafted speaker is the gold speaker (see the module's docstring). Two full names are one
    person when first name, surname and suffix agree, whatever middle names either gives."""
    if "(unnamed)" in gold:
        head = _words(gold.replace("(unnamed)", ""))[-1:]
        drafted_words = set(_words(drafted))
        return described and bool(drafted_words & set(_words(gold)) & ROLE_NOUNS or drafted_words & set(head))
    x, y = name_words(drafted), name_words(gold)
    if described or not x or not y:
        return False
    if x == y:
        return True
    (x, x_suffix), (y, y_suffix) = _split_suffix(x), _split_suffix(y)
    if len(x) > 1 and len(y) > 1:
        return x_suffix == y_suffix and x[0] == y[0] and x[-1] == y[-1]
    short, full = sorted((x, y), key=len)
    return len(short) == 1 and len(full) > 1 and short[0] == full[-1] and short[0] not in shared


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
    """(true positives, predicted, gold): the most gold items that can each be paired with a different
    prediction that matches it (a maximum matching, so that a loose match of an earlier gold item never takes
    the prediction a later one needs)."""
    fits = [[index for index, guess in enumerate(predicted) if match(guess, item)] for item in gold]
    paired: dict[int, int] = {}  # prediction -> gold item

    def pair(item: int, seen: set[int]) -> bool:
        for index in fits[item]:
            if index not in seen:
                seen.add(index)
                if index not in paired or pair(paired[index], seen):
                    paired[index] = item
                    return True
        return False

    hits = sum(pair(item, set()) for item in range(len(gold)))
    return hits, len(predicted), len(gold)


def prf(hits: int, predicted: int, gold: int, unsure: int = 0, among: int = 0) -> str:
    p = hits / predicted if predicted else 0.0
    r = hits / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    left = f"; {unsure} left to the teacher, {among} with the speaker among the candidates" if unsure else ""
    return f"P {p:.2f}  R {r:.2f}  F1 {f:.2f}  ({hits}/{predicted} predicted, {hits}/{gold} gold{left})"


def evaluate(text: str, gold: dict) -> dict[str, tuple[int, ...]]:
    """(hits, predicted, gold) for each list the gold file has; for quotations also (left to the teacher,
    of those with the right person among the candidates)."""
    draft = draft_article(text)
    sure = [q for q in draft.quotes if not q.candidates]
    unsure = [q for q in draft.quotes if q.candidates]
    gold_quotes = gold.get("quotes") or []
    shared = shared_surnames(text, [g["speaker"] for g in gold_quotes] + [p["name"] for p in gold.get("people") or []])
    quotes = [(q.speaker.name if q.speaker else q.description, q.speaker is None, q.text) for q in sure]
    people = [(p.name, "; ".join(r.title for r in p.roles)) for p in draft.people if p.roles]
    events = [(e.when, e.what) for e in draft.events]
    quote_hits = score(
        quotes, gold_quotes, lambda q, g: same_person(q[0], q[1], g["speaker"], shared) and same_quote(q[2], g["text"])
    )
    among = sum(
        any(
            same_person(c.name, False, g["speaker"], shared) and same_quote(q.text, g["text"])
            for c in q.candidates
            for g in gold_quotes
        )
        for q in unsure
    )
    scores = {
        "quotes": (*quote_hits, len(unsure), among),
        "people": score(
            people,
            [p for p in gold.get("people") or [] if p.get("role")],
            lambda p, g: same_person(p[0], False, g["name"], shared) and bool(_content(p[1]) & _content(g["role"])),
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
            pooled[name] = [a + b for a, b in zip(pooled.get(name, [0] * len(counts)), counts, strict=True)]
    print("pooled")
    for name, counts in pooled.items():
        print(f"  {name:7} {prf(*counts)}")


if __name__ == "__main__":
    main()
