"""The reference for bench_anki.py: a plain genanki script, as a teacher might write one.

    python bench/plain_genanki.py NOTES.json OUT.apkg

NOTES.json holds the note types and the notes (fields, tags, GUID) of a deck, written by
bench_anki.py from the same lesson studygen builds; this script only turns them into an
.apkg with genanki, the way its README shows.
"""

from __future__ import annotations

import json
import sys

import genanki


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as stream:
        data = json.load(stream)
    models = {
        item["id"]: genanki.Model(
            item["id"], item["name"], fields=item["fields"], templates=item["templates"], css=item["css"],
            model_type=item["type"],
        )
        for item in data["models"]
    }  # fmt: skip
    deck = genanki.Deck(data["deck_id"], data["deck_name"])
    for note in data["notes"]:
        deck.add_note(genanki.Note(model=models[note["model"]], fields=note["fields"], tags=note["tags"],
                                   guid=note["guid"]))  # fmt: skip
    genanki.Package(deck).write_to_file(sys.argv[2])


if __name__ == "__main__":
    main()
