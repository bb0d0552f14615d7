"""Varied synthetic news text for the drafting benchmark: no sentence repeats.

Each story has its own cast (names made from syllables, with titles and tenures), its
own quotations, proposals and dated events, written in the shapes news text uses:
speakers before and after quotations, pronouns, continuation quotes, relative dates.
A longer text is more stories, so the number of distinct people grows with the size,
as it would in a real archive (the case that exposed quadratic drafting).
"""

from __future__ import annotations

import random
import sys

_SYLLABLES = "ka lo mi re su ta vo ne ri da ben gor lin mar sol tev win har pel dor".split()
_TITLES = ["Foreign Minister", "Defense Minister", "President", "Prime Minister", "Senator", "Ambassador",
           "Governor", "Secretary of State", "Chancellor", "Mayor"]  # fmt: skip
_COUNTRIES = ["Norland", "Estavia", "Karelia", "Ostmark", "Valdoria", "Sudmark", "Lusitania", "Merovia"]
_TOPICS = ["the treaty", "the border talks", "the trade pact", "the missile plan", "the alliance", "the budget",
           "the ceasefire", "the inquiry", "the election", "the reforms"]  # fmt: skip
_VERBS = ["said", "told reporters", "added", "warned", "declared", "insisted", "recalled", "noted"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]  # fmt: skip
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
_WORDS = ("we will never accept terms that leave our people without a voice in their own future "
          "this is a moment for courage and patience rather than threats or easy slogans "
          "the agreement must be signed before the winter or the talks will collapse again "
          "nobody in this government wants a new arms race but we cannot stand still").split()  # fmt: skip


def _name(rng: random.Random) -> tuple[str, str]:
    first = "".join(rng.choice(_SYLLABLES) for _ in range(2)).capitalize()
    last = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return first, last


def _quote(rng: random.Random) -> str:
    start = rng.randrange(len(_WORDS) - 12)
    words = _WORDS[start : start + rng.randint(5, 12)]
    return " ".join(words).capitalize()


def story(rng: random.Random, number: int) -> str:
    """One article of five to eight paragraphs with its own cast."""
    cast = [(*_name(rng), rng.choice(_TITLES), rng.choice(_COUNTRIES)) for _ in range(rng.randint(3, 6))]
    topic = rng.choice(_TOPICS)
    year = rng.randint(1900, 2015)
    paragraphs = [f"{cast[0][3]} and {cast[1][3]} clash over {topic} (story {number})"]
    for first, last, title, country in cast:
        kind = rng.randrange(6)
        start = rng.randint(year - 20, year)
        if kind == 0:
            paragraphs.append(f'"{_quote(rng)}," {country} {title} {first} {last} {rng.choice(_VERBS)} on '
                              f"{rng.choice(_WEEKDAYS)}.")  # fmt: skip
        elif kind == 1:
            paragraphs.append(f"{first} {last}, who served as {country}'s {title.lower()} between {start} and "
                              f"{start + rng.randint(1, 8)}, said {topic} was \"{_quote(rng).lower()}.\"")  # fmt: skip
        elif kind == 2:
            paragraphs.append(f"In {start}, {first} {last} proposed that {country} might join {topic}. "
                              f'"{_quote(rng)}," he added.')  # fmt: skip
        elif kind == 3:
            paragraphs.append(f"On {rng.randint(1, 28)} {rng.choice(_MONTHS)} {start}, {title} {last} signed "
                              f"{topic} in {country}'s capital, officials said.")  # fmt: skip
        elif kind == 4:
            paragraphs.append(f'"{_quote(rng)}," said {last}, the {country} {title.lower()}. "{_quote(rng)}."')
        else:
            paragraphs.append(f"Last week {first} {last} told the parliament that {topic} had failed in the "
                              f"mid-{str(start)[:3]}0s, and that \"{_quote(rng).lower()}.\"")  # fmt: skip
    return "\n\n".join(paragraphs)


def news_text(size: int, seed: int = 0) -> str:
    """At least `size` bytes of stories separated by blank lines."""
    rng = random.Random(seed)
    stories: list[str] = []
    total = 0
    while total < size:
        stories.append(story(rng, len(stories) + 1))
        total += len(stories[-1].encode("utf-8")) + 2
    return "\n\n".join(stories) + "\n"


if __name__ == "__main__":
    sys.stdout.write(news_text(int(float(sys.argv[1]) * 1_000_000)))
