"""Issue 32: who a name stands for within one article, on texts of our own. A wrong speaker costs a
teacher more than a missing one, so a name that could be two people is left to the teacher."""

from __future__ import annotations

import yaml

from studygen.draft import draft_article, draft_facts

FATHER_AND_DAUGHTER = (
    "A court in Dunmore on Friday cleared Walter Brennick, the town's former mayor, of fraud.\n\n"
    "Brennick's daughter, Alice, welcomed the ruling, saying her father had \"never taken a penny that was not "
    'his."\n\n'
    "Brennick, 81, served as mayor from 1970 to 1988.\n\n"
    "Alice Brennick, a lawyer in Leeds, said the case had aged him.\n\n"
    '"He stopped sleeping the week they charged him," Brennick said.\n\n'
    '"I will go fishing now," Brennick told reporters outside the court.\n'
)


def _speakers(text: str) -> list[tuple[str, list[str]]]:
    return [
        (q.speaker.name if q.speaker else q.description, [c.name for c in q.candidates])
        for q in draft_article(text).quotes
    ]


def test_a_relative_named_by_first_name_is_a_person_of_the_family() -> None:
    """ "Brennick's daughter, Alice," is Alice Brennick, not the Brennick named before, even where the article
    never writes her name in full."""
    (first, *_) = _speakers(FATHER_AND_DAUGHTER)
    assert first == ("Alice Brennick", [])
    two_paragraphs = "\n\n".join(FATHER_AND_DAUGHTER.split("\n\n")[:2])
    assert _speakers(two_paragraphs) == [("Alice Brennick", [])]


def test_a_shared_surname_is_the_one_named_in_full_just_before_else_left_to_the_teacher() -> None:
    quotes = draft_article(FATHER_AND_DAUGHTER).quotes
    assert quotes[1].speaker.name == "Alice Brennick"  # "Alice Brennick ... said" is the sentence before
    assert "Walter Brennick has the surname too" in quotes[1].doubt
    assert quotes[2].candidates and {c.name for c in quotes[2].candidates} == {"Walter Brennick", "Alice Brennick"}


def test_the_draft_says_which_people_an_unsure_speaker_could_be() -> None:
    facts = yaml.safe_load(draft_facts(FATHER_AND_DAUGHTER, "dunmore", "article.txt"))
    people = facts["people"]
    assert {"walter-brennick", "alice-brennick"} <= set(people)  # two Brennicks: named in full
    assert (
        people["brennick"]["draft"] == "'Brennick' may be walter-brennick or alice-brennick: check each of its entries"
    )
    fishing = next(f for f in facts["facts"] if f.get("said", "").startswith("I will go fishing"))
    assert fishing["by"] == "brennick"
    assert fishing["draft"] == "speaker could be walter-brennick or alice-brennick"
    assert all("aliases" not in person for person in people.values() if "Brennick" in person["name"])


def test_a_surname_one_person_has_is_that_person() -> None:
    text = (
        "Walter Brennick, the former mayor of Dunmore, was cleared of fraud on Friday.\n\n"
        '"I will go fishing now," Brennick said.\n'
    )
    ((speaker, candidates),) = _speakers(text)
    assert (speaker, candidates) == ("Walter Brennick", [])


def test_a_peer_s_title_and_a_knight_s_first_name_are_one_person_each() -> None:
    text = (
        "Kenneth Baker, the education secretary, opened the debate on Tuesday.\n\n"
        '"Every child deserves a good school," Lord Baker said.\n\n'
        'Sir Keith said: "We cannot spend what we do not earn."\n\n'
        'Later Sir Keith Joseph, the industry secretary, added that "the pits must pay their way."\n'
    )
    assert [speaker for speaker, _ in _speakers(text)] == ["Kenneth Baker", "Sir Keith Joseph", "Sir Keith Joseph"]
    assert [p.name for p in draft_article(text).people] == ["Kenneth Baker", "Sir Keith Joseph"]


def test_a_relative_with_a_clause_after_the_first_name_and_one_with_a_surname_of_their_own() -> None:
    text = (
        "Harold Pike, who built the paper mill in 1948, died on Wednesday.\n\n"
        'Pike\'s son, Daniel, who now runs the mill, told mourners that his father "never missed a shift."\n\n'
        'Pike\'s daughter, Ruth Ames, said the town "owes him everything."\n'
    )
    assert _speakers(text) == [("Daniel Pike", []), ("Ruth Ames", [])]


def test_a_member_of_the_clergy_is_named_without_the_title() -> None:
    text = 'Talks ended.\n\n"He knew every worker\'s name," said Rev. Carla Munro, who led the service.\n'
    assert _speakers(text) == [("Carla Munro", [])]


def test_a_surname_given_two_first_names_names_neither_even_if_one_was_named_only_in_passing() -> None:
    text = (
        "Prosecutors say Michael Devane and his brother took deposits for houses never built.\n\n"
        "Lawyers for Paul Devane said he had no role in the company's finances.\n\n"
        "The trial is expected to last six weeks.\n\n"
        '"I want these families to know I am sorry," Devane told reporters.\n'
    )
    ((speaker, candidates),) = _speakers(text)
    assert speaker == "Devane" and sorted(candidates) == ["Michael Devane", "Paul Devane"]


def test_a_middle_name_is_not_a_shared_surname() -> None:
    text = (
        "George Hollis, the museum's chairman, opened the galleries.\n\n"
        "His cousin, Margaret Hollis Dunne, who sits on the board, voted against the plan.\n\n"
        '"She has opposed every decision," Mr. Hollis said.\n'
    )
    assert _speakers(text) == [("George Hollis", [])]


def test_a_knight_s_relative_and_a_knight_by_first_name_have_his_surname() -> None:
    text = (
        "Sir Alan Rowe obituary\n\n"
        "Sir Alan Rowe, who has died aged 88, built the Severn Valley reservoirs.\n\n"
        '"Water is not a product like any other," Sir Alan told a select committee in 1988.\n\n'
        'Sir Alan\'s daughter, Jane, said her father "never stopped drawing dams on napkins".\n'
    )
    assert [speaker for speaker, _ in _speakers(text)] == ["Sir Alan Rowe", "Jane Rowe"]


COUPLE = (
    'Brian and Susan Metcalfe, both 71, said the hall had been "the heart of the village".\n\n'
    '"We don\'t need a yacht," Mr Metcalfe said.\n'
)


def test_two_people_speaking_as_one_are_neither_alone_and_their_surname_names_neither() -> None:
    draft = draft_article(COUPLE)
    assert draft.unattributed == ["the heart of the village"]  # "Brian and Susan Metcalfe said": the two of them
    (quote,) = draft.quotes
    assert sorted(c.name for c in quote.candidates) == ["Brian Metcalfe", "Susan Metcalfe"]


def test_a_shared_surname_with_a_title_only_one_of_them_has_is_that_one() -> None:
    text = (
        "Dr. Ramon Ortiz, 64, took over the school in 1996.\n\n"
        "His deputy, Grace Ortiz, who is his wife, is also retiring.\n\n"
        "Last year, 91 percent of students graduated.\n\n"
        '"The teachers did this," Dr. Ortiz said in an interview.\n'
    )
    (quote,) = draft_article(text).quotes
    assert quote.speaker.name == "Ramon Ortiz" and not quote.candidates
    assert quote.doubt == (
        "'Ortiz' taken to be Ramon Ortiz, the one the article calls so; Grace Ortiz has the surname too"
    )


def test_he_said_across_a_paragraph_says_whom_it_was_taken_to_be_and_who_else_it_could_be() -> None:
    text = (
        'Tomas Berg, the mayor, said: "The harbour will reopen."\n\n'
        "Erik Sand, the union leader, spoke on Monday.\n\n"
        '"It is a promise," he said.\n'
    )
    facts = yaml.safe_load(draft_facts(text, "varel", "article.txt"))
    promise = next(f for f in facts["facts"] if f.get("said") == "It is a promise")
    assert promise["draft"] == "'he' taken to be Erik Sand; it could be Tomas Berg"


def test_a_quotation_after_an_unattributed_one_is_not_the_earlier_speaker_s() -> None:
    text = (
        '"I missed the noise," Antonio Ruggiero said.\n\n'
        'His wife, who grew up in Ohio, was less sure. "I gave it six months," they said. "That was long ago."\n'
    )
    assert [speaker for speaker, _ in _speakers(text)] == ["Antonio Ruggiero"]


def test_a_full_name_with_an_age_is_a_person_whom_he_can_stand_for() -> None:
    text = (
        '"I missed the noise," Antonio Ruggiero said.\n\n'
        "The former owner, Salvatore Esposito, 82, still comes in for lunch.\n\n"
        'He says the sauce is "almost as good as mine."\n'
    )
    assert [speaker for speaker, _ in _speakers(text)] == ["Antonio Ruggiero", "Salvatore Esposito"]


def test_a_role_after_a_company_s_name_in_the_possessive_is_the_named_person_s() -> None:
    text = (
        'Workers voted to return. "We are pleased," said Andes Copper\'s chief executive, Claudia Ferrer. '
        'She said the company would "learn the lessons of this dispute".\n'
    )
    assert [speaker for speaker, _ in _speakers(text)] == ["Claudia Ferrer", "Claudia Ferrer"]


def test_a_business_set_off_after_its_noun_and_a_place_after_of_are_no_speakers() -> None:
    text = (
        'The operator, Ferrylink, said it was "deeply disappointed" by the vote.\n\n'
        'The First Minister of Wales said the poet had been "a giant of Welsh culture".\n\n'
        'Then-US Secretary of State James Baker dismissed the idea as "a dream that will not come true."\n'
    )
    draft = draft_article(text)
    assert [(q.speaker.name if q.speaker else q.description) for q in draft.quotes] == ["James Baker"]
    assert [p.name for p in draft.people] == ["James Baker"]
