"""The strict scorer of bench/eval_draft.py (issue 32): the same person is right, a surname two people share
names neither, a middle name changes no one and a son named "Jr." is not his father."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("eval_draft", Path(__file__).parents[1] / "bench" / "eval_draft.py")
assert _SPEC is not None and _SPEC.loader is not None
eval_draft = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(eval_draft)


def test_a_middle_name_is_the_same_person_and_no_other_bearer_of_the_surname() -> None:
    article = "Margaret Caldwell Lund, the harbour master, spoke first. Later Lund said the yard was sold."
    shared = eval_draft.shared_surnames(article, ["Margaret Lund"])
    assert shared == set()
    assert eval_draft.same_person("Margaret Caldwell Lund", False, "Margaret Lund", shared)
    assert eval_draft.same_person("Lund", False, "Margaret Lund", shared)
    assert not eval_draft.same_person("Margaret Lund", False, "Peter Lund", shared)


def test_a_son_named_junior_is_not_his_father_and_their_surname_names_neither() -> None:
    article = "James Caldwell, the mayor, and his son, James Caldwell Jr., a councillor, disagreed."
    shared = eval_draft.shared_surnames(article, ["James Caldwell"])
    assert shared == {"caldwell"}
    assert not eval_draft.same_person("James Caldwell", False, "James Caldwell Jr.", shared)
    assert not eval_draft.same_person("James Caldwell Jr", False, "James Caldwell", shared)
    assert eval_draft.same_person("James Caldwell Jr", False, "James Caldwell Jr.", shared)
    assert not eval_draft.same_person("Caldwell", False, "James Caldwell", shared)


def test_two_first_names_share_a_surname_and_titles_are_dropped() -> None:
    article = "Alger Hiss was convicted. His son, Tony Hiss, wrote a book. Lord Kenneth Baker spoke."
    shared = eval_draft.shared_surnames(article, ["Alger Hiss", "Kenneth Baker"])
    assert shared == {"hiss"}
    assert not eval_draft.same_person("Hiss", False, "Alger Hiss", shared)
    assert eval_draft.same_person("Lord Baker", False, "Kenneth Baker", shared)
    assert eval_draft.same_person("Councillor Robert Dyce", False, "Robert Dyce", shared)


def test_an_unnamed_speaker_is_a_description_with_its_role_or_its_head_noun() -> None:
    assert eval_draft.same_person("An internal review", True, "The review (unnamed)", set())
    assert eval_draft.same_person("a senior official", True, "an official (unnamed)", set())
    assert not eval_draft.same_person("the mayor", True, "The review (unnamed)", set())
    assert not eval_draft.same_person("Tom Hart", False, "The review (unnamed)", set())


def test_an_unnamed_speaker_gives_no_first_name_to_a_surname() -> None:
    shared = eval_draft.shared_surnames("Tom Ellery spoke.", ["Tom Ellery", "An internal Ellery (unnamed)"])
    assert shared == set()
