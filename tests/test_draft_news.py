"""The drafter's rules for news text (issue 32), each on a text of our own: who said what, roles with
their years, proposals named by a noun. Every test here fails with its rule taken out."""

from __future__ import annotations

import yaml

from studygen.draft import draft_article, draft_facts


def _quotes(text: str) -> list[tuple[str, str]]:
    return [(q.speaker.name if q.speaker else q.description, q.text) for q in draft_article(text).quotes]


def _roles(text: str) -> dict[str, list[tuple[str, str]]]:
    return {p.name: [(r.title, r.tenure) for r in p.roles] for p in draft_article(text).people}


def test_a_tenure_after_a_titled_name_is_the_years_of_that_title_not_an_event() -> None:
    text = (
        "Prime Minister Arvid Lunde, who served from 1917 to 1920, signed the treaty in 1919.\n"
        "Chancellor Otto Brenn, in office from 1950 to 1958, opened the canal in 1955.\n"
    )
    draft = draft_article(text)
    roles = {p.name: [(r.title, r.tenure) for r in p.roles] for p in draft.people}
    assert roles == {"Arvid Lunde": [("Prime Minister", "1917-1920")], "Otto Brenn": [("Chancellor", "1950-1958")]}
    assert [e.when for e in draft.events] == ["1919", "1955"]


def test_one_post_named_more_or_less_fully_is_one_role() -> None:
    text = (
        "US President Carla Neves met the press in 1984.\n"
        'President Neves said: "We are ready."\n'
        "Foreign Minister Per Aas flew to Oslo. The minister, Per Aas, said the talks had ended.\n"
    )
    assert _roles(text) == {"Carla Neves": [("US President", "")], "Per Aas": [("Foreign Minister", "")]}


def test_the_fuller_title_replaces_the_shorter_but_not_the_one_with_years() -> None:
    text = (
        "President Carla Neves, who governed from 1981 to 1989, died on Monday.\n"
        "As US President Carla Neves had signed the accord.\n"
    )
    assert _roles(text) == {"Carla Neves": [("President", "1981-1989")]}


def test_proposed_with_a_noun_is_a_proposal_without_its_date() -> None:
    text = (
        "In 1918 Arvid Lunde proposed a League of Northern States.\nCarla Neves proposed a ban on dredging in 1984.\n"
    )
    facts = yaml.safe_load(draft_facts(text, "treaty", "article.txt"))
    proposals = [(f["by"], f["what"], f["when"]) for f in facts["facts"] if f["kind"] == "proposal"]
    assert proposals == [
        ("lunde", "a League of Northern States", "1918"),
        ("neves", "a ban on dredging", "1984"),
    ]


def test_according_to_a_named_person_makes_them_the_one_the_next_pronoun_stands_for() -> None:
    text = 'According to Hanna Vik, the cranes are old. "Nobody has replaced them since 1980," she said.\n'
    assert _quotes(text) == [("Hanna Vik", "Nobody has replaced them since 1980")]


def test_according_to_a_named_person_is_their_claim() -> None:
    text = "According to Hanna Vik, the port director, the cranes were bought in 1962.\n"
    events = draft_article(text).events
    assert [(e.when, e.what, e.according_to.name if e.according_to else None) for e in events] == [
        ("1962", "the cranes were bought", "Hanna Vik")
    ]


def test_a_nested_quotation_of_a_described_speaker_is_theirs_and_makes_no_one_else_a_holder_of_the_role() -> None:
    text = "Marta Lind said: \"The mayor told me, 'There is no money for the pier,' and I believed him.\"\n"
    draft = draft_article(text)
    nested = [(q.description, q.text, q.within) for q in draft.quotes if q.rule == "nested"]
    assert nested == [("The mayor", "There is no money for the pier", "Marta Lind")]
    assert [(p.name, p.roles) for p in draft.people] == [("Marta Lind", [])]
    facts = yaml.safe_load(draft_facts(text, "pier", "article.txt"))
    inner = next(f for f in facts["facts"] if f["said"] == "There is no money for the pier")
    assert (facts["people"][inner["by"]]["name"], inner["according_to"], inner["draft"]) == (
        "The mayor",
        "lind",
        "a quotation inside Marta Lind's words",
    )


def test_a_role_and_name_set_off_by_commas_before_the_verb() -> None:
    text = (
        'One of them, retired teacher Ada Parfitt, said: "The library is all we have."\n'
        'The chair of the jury, the historian Robert Ainsley, called the book "a quiet triumph".\n'
    )
    assert _quotes(text) == [
        ("Ada Parfitt", "The library is all we have"),
        ("Robert Ainsley", "a quiet triumph"),
    ]


def test_a_participle_of_denouncing_gives_the_subject_the_quotation() -> None:
    text = (
        "Rene Dufour, a Quebec minister, hit back with a letter, "
        'denouncing the plan as an attempt to "move the goalposts".\n'
    )
    assert _quotes(text) == [("Rene Dufour", "move the goalposts")]


def test_the_role_a_sentence_opens_with_is_its_only_holder_in_just_those_words() -> None:
    text = (
        'The chancellor has defended the rise, telling MPs it was "the responsible choice".\n'
        'Chancellor Mark Ellison said: "I will not apologise."\n'
    )
    assert _quotes(text)[0] == ("Mark Ellison", "the responsible choice")
    shadow = (
        'The chancellor has defended the rise, telling MPs it was "the responsible choice".\n'
        'Shadow chancellor Helen Price said it would "hit rural families hardest".\n'
    )
    assert _quotes(shadow)[0] == ("The chancellor", "the responsible choice")


def test_he_or_she_after_a_sentence_naming_two_who_could_be_is_left_to_the_teacher() -> None:
    text = 'The mayor, Anna Berg, accused the governor, Tom Hart, of lying.\n"That is nonsense," he replied.\n'
    quotes = draft_article(text).quotes
    assert [(q.text, [c.name for c in q.candidates]) for q in quotes] == [
        ("That is nonsense", ["Anna Berg", "Tom Hart"])
    ]
    facts = yaml.safe_load(draft_facts(text, "port", "article.txt"))
    nonsense = next(f for f in facts["facts"] if f.get("said") == "That is nonsense")
    assert nonsense["draft"] == "speaker could be berg or hart"


def test_he_or_she_after_a_sentence_naming_two_of_whom_a_title_rules_one_out() -> None:
    text = 'Mrs Anna Berg, the mayor, accused the governor, Tom Hart, of lying.\n"That is nonsense," he replied.\n'
    quotes = draft_article(text).quotes
    assert [(q.speaker.name if q.speaker else None, q.text, q.candidates) for q in quotes] == [
        ("Tom Hart", "That is nonsense", [])
    ]


def test_a_name_after_for_of_or_representing_is_not_the_speaker() -> None:
    text = (
        "Tom Hart leads the union.\n"
        'A spokesman for Mr Hart said: "He is on holiday."\n'
        '"We will appeal," a lawyer representing Tom Hart said.\n'
        'A friend of Hart told reporters the union was "in good hands".\n'
    )
    # the friend, whom the article does not name, is the speaker: never Hart
    assert _quotes(text) == [("A spokesman for Mr Hart", "He is on holiday"), ("A friend of Hart", "in good hands")]


def test_a_quotation_alone_after_a_sentence_naming_two_is_left_to_the_teacher() -> None:
    two = 'Mr Tom Hart, the mayor, met Mrs Anna Berg, the governor, on Monday.\n\n"We agreed on the budget."\n'
    assert [(q.text, [c.name for c in q.candidates]) for q in draft_article(two).quotes] == [
        ("We agreed on the budget", ["Tom Hart", "Anna Berg"])
    ]
    one = 'Tom Hart, the mayor, praised Anna Berg\'s plan on Monday.\n\n"We agreed on the budget."\n'
    assert [(q.speaker.name if q.speaker else None, q.candidates) for q in draft_article(one).quotes] == [
        ("Tom Hart", [])
    ]


def test_an_obituary_that_opens_who_has_died_names_its_subject() -> None:
    text = (
        "Lord Pembury, who has died aged 88, was a judge of the old school.\n"
        'He once said that "a court is not a theatre".\n'
    )
    assert _quotes(text) == [("Lord Pembury", "a court is not a theatre")]


def test_he_or_she_after_a_phrase_that_sets_the_scene() -> None:
    text = (
        "Judge Ruth Amsel was appointed in 1979.\n"
        'In a 1988 judgment she wrote that the liberty of every citizen was "not a technicality".\n'
        'Later, she said the ruling on the harbour strike was "the proudest day of my career".\n'
    )
    assert _quotes(text) == [
        ("Ruth Amsel", "not a technicality"),
        ("Ruth Amsel", "the proudest day of my career"),
    ]


def test_mr_with_a_surname_a_knight_shares_is_the_one_who_is_no_knight() -> None:
    text = (
        "Sir Malcolm Reid, the chairman, is to step down.\n"
        "The director, Tom Reid, is staying.\n"
        "The trust was founded in 1950.\n\n"
        '"He never stopped," Mr Reid said.\n'
    )
    quotes = draft_article(text).quotes
    assert [(q.speaker.name if q.speaker else None, q.candidates) for q in quotes] == [("Tom Reid", [])]
    assert "Sir Malcolm Reid has the surname too" in quotes[0].doubt


def test_a_surname_a_knight_and_another_share_names_neither() -> None:
    text = (
        "Sir Malcolm Reid, the chairman, is to step down.\n"
        "The director, Tom Reid, is staying.\n"
        "The trust was founded in 1950.\n\n"
        '"He never stopped," Reid said.\n'
    )
    quotes = draft_article(text).quotes
    assert [[c.name for c in q.candidates] for q in quotes] == [["Sir Malcolm Reid", "Tom Reid"]]


def test_a_participle_with_a_subject_of_its_own_is_not_the_sentence_subjects() -> None:
    text = (
        "The trial of the developer Victor Lam, a former councillor, ended on Monday, "
        'with prosecutors calling him "a man who treated investors as a bank".\n'
    )
    assert _quotes(text) == []


def test_a_name_in_the_possessive_is_not_the_speaker_its_spokesman_is() -> None:
    text = 'Tom Hart is on holiday. "No comment," said Mr. Hart\'s spokesman, Rolf Dahl.\n'
    assert _quotes(text) == [("Rolf Dahl", "No comment")]


def test_quoted_as_saying_is_the_words_of_the_one_quoted() -> None:
    text = 'Anna Berg, the auditor, quoted Tom Hart as saying: "The money is gone."\n'
    assert _quotes(text) == [("Tom Hart", "The money is gone")]


def test_two_named_people_speaking_together_are_neither_alone() -> None:
    text = 'Tom Hart and Anna Berg said in a joint statement: "We will work together."\n'
    assert _quotes(text) == []


def test_a_speaker_after_the_quotation_with_two_phrases_set_off_or_a_title_with_a_full_stop() -> None:
    text = '"The school is full," Rolf Dahl, 45, a teacher, said.\n"The church is empty," the Rev. Ilse Brandt said.\n'
    assert _quotes(text) == [("Rolf Dahl", "The school is full"), ("Ilse Brandt", "The church is empty")]


def test_a_quotation_alone_that_speaks_of_the_person_before_is_not_theirs() -> None:
    about = (
        "Police arrested Tom Hart, the mayor, on Monday.\n\n"
        '"He is innocent and we will prove it."\n\n'
        'Tom Hart, the mayor, was released on Tuesday. "Hart has done nothing wrong."\n'
    )
    assert _quotes(about) == []
    own = 'Tom Hart, the mayor, spoke on Monday. "We have done nothing wrong."\n'
    assert _quotes(own) == [("Tom Hart", "We have done nothing wrong")]


def test_someone_named_after_a_preposition_is_not_who_he_or_she_could_be() -> None:
    text = (
        "The governor, Anna Berg, criticised the harbour plan on Monday.\n"
        'The mayor, Tom Hart, was asked about Anna Berg. "She is wrong," he said.\n'
    )
    quotes = draft_article(text).quotes
    assert [(q.speaker.name if q.speaker else None, q.candidates) for q in quotes] == [("Tom Hart", [])]
