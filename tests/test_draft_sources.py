"""Issue 32, fourth round: quotations of documents and bodies, described speakers and titles, each on a text
of our own. Every test here fails with its rule taken out."""

from __future__ import annotations

from studygen.draft import draft_article


def _quotes(text: str) -> list[tuple[str, str]]:
    return [(q.speaker.name if q.speaker else q.description, q.text) for q in draft_article(text).quotes]


def test_a_document_that_says_something_is_the_document_not_the_last_person_named() -> None:
    text = (
        "Tom Hart, the harbour master, inspected the pier on Sunday.\n\n"
        'The interim report said the pier "could not survive another winter."\n'
    )
    assert _quotes(text) == [("The interim report", "could not survive another winter")]


def test_many_holders_of_a_role_are_neither_a_person_nor_a_document() -> None:
    text = 'Tom Hart, the minister, arrived late.\n\nThe ministers said the talks were "frank and long."\n'
    assert _quotes(text) == []


def test_a_capitalised_phrase_with_a_verb_in_it_is_no_described_speaker() -> None:
    text = (
        "Tom Hart, the mayor, spoke on Sunday.\n\n"
        "The city's choice to run the National Archives appeared before the committee, saying the building"
        ' was "falling apart".\n'
    )
    assert _quotes(text) == []


def test_a_councillor_is_named_without_the_title() -> None:
    text = 'Its planning spokesman, Councillor Rhoda Pym, said: "We were never asked."\n'
    draft = draft_article(text)
    assert [(q.speaker.name, q.text) for q in draft.quotes] == [("Rhoda Pym", "We were never asked")]
    assert [(p.name, [r.title for r in p.roles]) for p in draft.people] == [
        ("Rhoda Pym", ["Councillor", "planning spokesman"])
    ]


def test_the_role_of_someone_unnamed_described_paragraphs_before_is_theirs_not_the_last_named() -> None:
    text = (
        "One veteran adviser, who asked not to be named, said the campaign had stalled.\n\n"
        "Nora Pell, the candidate, toured the docks on Friday.\n\n"
        'She shook hands with workers. "This has been coming for years," the adviser said.\n'
    )
    assert _quotes(text) == [("One veteran adviser", "This has been coming for years")]


def test_he_said_after_a_sentence_about_someone_unnamed_is_theirs() -> None:
    text = (
        'Tom Hart, the chief whip, said the vote was "safe".\n\n'
        'Another government source was less sure. "We are three votes short," he said.\n'
    )
    assert _quotes(text) == [("Tom Hart", "safe"), ("Another government source", "We are three votes short")]


def test_the_words_after_the_before_a_conjunction_are_no_described_speaker() -> None:
    text = 'Nora Pell said she would sit on the committee if asked, "but they will have to ask nicely."\n'
    assert _quotes(text) == [("Nora Pell", "but they will have to ask nicely")]


def _speakers(text: str) -> list[tuple[str, list[str]]]:
    return [
        (q.speaker.name if q.speaker else q.description, [c.name for c in q.candidates])
        for q in draft_article(text).quotes
    ]


def test_a_plain_title_with_a_shared_surname_is_not_given_to_whoever_was_found_first() -> None:
    text = (
        "Dame Ruth Amory, who held the seat for 27 years, watched from the back of the hall.\n\n"
        '"I did not ask for her vote," Ms Amory said.\n\n'
        "Clara Amory, 38, a barrister, won the selection on Saturday.\n"
    )
    assert _speakers(text) == [("Clara Amory", [])]


def test_a_title_that_says_he_or_she_rules_out_a_relative_known_to_be_otherwise() -> None:
    text = (
        "Ray Dunmore is running for mayor against his wife, Patricia Dunmore, a council member.\n\n"
        "Both want a new sewer plant, but not at the same time.\n\n"
        '"We cannot pay twice," Mr. Dunmore said.\n'
    )
    assert _speakers(text) == [("Ray Dunmore", [])]


def test_a_peer_by_title_and_a_shared_surname_is_left_to_the_teacher_when_the_title_does_not_tell() -> None:
    text = (
        "Edmund Thorne, the former judge, has died aged 88.\n\n"
        "His son, Felix Thorne, and his daughter, Alice Thorne, were with him.\n\n"
        "The funeral will be private.\n\n"
        'Lord Thorne said in 1999 that the courts were "too slow for the poor".\n'
    )
    assert _speakers(text) == [("Lord Thorne", ["Edmund Thorne", "Felix Thorne"])]


def test_a_quotation_joined_by_and_after_a_document_s_is_the_document_s() -> None:
    text = (
        "Rui Lobo, the finance minister, defended the budget on Monday.\n\n"
        'The document said the plan "carries a real risk" and warned that "the figures look hopeful".\n'
    )
    assert _quotes(text) == [("The document", "carries a real risk"), ("The document", "the figures look hopeful")]


def test_someone_named_in_the_possessive_before_the_verb_is_not_the_speaker() -> None:
    text = (
        "Sophie Carrow won the selection on Saturday.\n\n"
        'Sophie Carrow\'s father, the retired doctor Ian Carrow, said he had spent the evening "out of the way".\n'
    )
    assert _quotes(text) == []


def test_a_later_verb_of_saying_with_a_subject_of_its_own_is_not_the_sentence_subject_s() -> None:
    text = (
        "Keith Moran recalled a dinner at which the Lord Mayor had warned the changes would"
        ' "end in chaos".\n\n'
        'Tom Reddy said his mother had told him to "never sell the land".\n'
    )
    assert _quotes(text) == []


def test_the_role_a_former_holder_no_longer_has_is_the_present_holder_s() -> None:
    text = (
        "President Ana Ruiz spoke at the funeral on Tuesday.\n\n"
        "Former President Tom Crane, under whom the diplomat served, sat in the front row.\n\n"
        "She said the country owed Vik Lund a debt.\n\n"
        '"Today," the president said, "we pay it."\n'
    )
    draft = draft_article(text)
    assert [(q.speaker.name, q.text) for q in draft.quotes] == [("Ana Ruiz", "Today"), ("Ana Ruiz", "we pay it")]
    assert {p.name: [r.title for r in p.roles] for p in draft.people}["Tom Crane"] == ["Former President"]


def test_a_person_he_stood_for_is_not_who_she_stands_for_later() -> None:
    text = (
        "Olu Bako, the former president, disputed the account on Monday.\n\n"
        'In a statement, he said the talks had been "short and polite".\n\n'
        'She smiles at this. "Polite," she says. "He was always kind to his own memory."\n'
    )
    assert _quotes(text) == [("Olu Bako", "short and polite")]


def test_a_first_name_alone_is_the_one_person_who_has_it() -> None:
    text = (
        "Sir Hugh Penn designed the tower in 1971. His son, Felix Penn, wants it pulled down.\n\n"
        '"It is the best thing I ever built," Sir Hugh says.\n\n'
        'Felix, told of this, laughs. "He would say that," he says.\n'
    )
    assert _quotes(text) == [
        ("Sir Hugh Penn", "It is the best thing I ever built"),
        ("Felix Penn", "He would say that"),
    ]


def test_and_that_before_a_second_quotation_goes_on_with_the_same_reported_words() -> None:
    text = (
        "Olu Bako, the former president, disputed the account.\n\n"
        "In a statement issued through his office last week, he said the talks had been"
        ' "short and polite" and that he "wishes her well".\n'
    )
    assert _quotes(text) == [("Olu Bako", "short and polite"), ("Olu Bako", "wishes her well")]


def test_he_or_she_after_asked_about_something_is_the_sentence_speaker() -> None:
    text = (
        "Rosa Pell toured the shipyard on Monday.\n\n"
        'Asked whether the vote would help her, she said it might, then added: "I am not running on a name."\n'
    )
    assert _quotes(text) == [("Rosa Pell", "I am not running on a name")]


def test_a_word_or_two_whose_speaker_is_not_found_ends_the_last_speaker_s_turn() -> None:
    text = (
        "Olu Bako, the former president, disputed the account on Monday.\n\n"
        'In a statement, he said the talks had been "short and polite".\n\n'
        'She smiles at this. "Polite," she says. "Well. He was always kind to himself."\n'
    )
    assert _quotes(text) == [("Olu Bako", "short and polite")]


def test_the_elder_and_the_younger_of_a_father_and_son_are_told_apart() -> None:
    text = (
        "James Caldwell, the town's mayor, has backed the sale. His son, Peter Caldwell, a councillor, opposes it.\n\n"
        '"This is progress," the elder Mr. Caldwell said on Monday.\n\n'
        '"It is a sell-out," the younger Mr. Caldwell said.\n'
    )
    draft = draft_article(text)
    assert [(q.speaker.name, q.doubt) for q in draft.quotes] == [
        ("James Caldwell", "'Caldwell' taken to be James Caldwell, the elder one; Peter Caldwell has the surname too"),
        (
            "Peter Caldwell",
            "'Caldwell' taken to be Peter Caldwell, the younger one; James Caldwell has the surname too",
        ),
    ]


def test_an_interview_s_present_tense_names_the_speaker() -> None:
    text = 'Ruth Ames has kept the garden for forty years. Tom Ames concedes: "It was always hers."\n'
    assert _quotes(text) == [("Tom Ames", "It was always hers")]


def test_a_son_named_junior_is_a_person_of_his_own_and_their_surname_names_neither() -> None:
    text = (
        "James Caldwell, the mayor, backs the sale; his son, James Caldwell Jr., a councillor, opposes it.\n\n"
        '"It is a sell-out," Caldwell said.\n'
    )
    (quote,) = draft_article(text).quotes
    assert sorted(c.name for c in quote.candidates) == ["James Caldwell", "James Caldwell Jr"]


def test_a_first_and_a_middle_name_give_no_first_name_to_someone_called_by_the_middle_name() -> None:
    text = 'Margaret Caldwell Lund, the harbour master, backed the sale.\n\n"This is progress," Mr. Caldwell said.\n'
    assert _quotes(text) == [("Caldwell", "This is progress")]


def test_a_man_who_speaks_of_his_mother_is_not_the_mrs_of_his_surname() -> None:
    text = (
        'Tom Reddy said his mother had told him to "never sell the land". Mrs. Reddy died in 2010.\n\n'
        '"We will appeal," she added.\n'
    )
    assert _quotes(text) == []


def test_a_quotation_alone_after_an_aside_about_someone_else_may_be_the_last_speaker_s() -> None:
    text = (
        '"We will strike on Monday," Tom Hart, the union leader, said.\n\n'
        '"Nobody wants this," he added. Anna Berg, the chief executive, was not available for comment.\n\n'
        '"It is the last resort for our members."\n'
    )
    assert _speakers(text)[-1] == ("Anna Berg", ["Anna Berg", "Tom Hart"])


def test_he_or_she_after_a_place_named_by_a_body_s_noun_is_a_person() -> None:
    text = 'Rosa Pell, 40, wept in the gallery. Outside court, she said: "He told the truth."\n'
    assert _quotes(text) == [("Rosa Pell", "He told the truth")]


def test_his_wife_is_the_one_the_article_introduced_as_his_wife() -> None:
    text = (
        "Ray Dunmore is running for mayor against his wife, Patricia Dunmore, a council member.\n\n"
        '"We cannot pay twice," Mr. Dunmore said. "We are paying nothing yet," his wife replied.\n\n'
        '"Ask our son," his mother said.\n'
    )
    draft = draft_article(text)
    assert [(q.speaker.name, q.doubt) for q in draft.quotes] == [
        (
            "Ray Dunmore",
            "'Dunmore' taken to be Ray Dunmore, named just before; Patricia Dunmore has the surname too",
        ),
        ("Patricia Dunmore", "'his wife' taken to be Patricia Dunmore"),
    ]


def test_a_verb_after_an_abbreviation_is_still_the_quotations_own() -> None:
    """'"...," a lawyer for Mr. Berg said': the full stop of "Mr." ends no sentence, so the verb is the
    quotation's own and the words are not the previous speaker's continuation."""
    text = 'Tom Hart said: "We will win."\n\n"We will appeal," a lawyer for Mr. Berg said.\n'
    assert ("Tom Hart", "We will appeal") not in _quotes(text)
    assert ("Tom Hart", "We will win") in _quotes(text)
