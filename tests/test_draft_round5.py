"""Issue 32, fifth round: interview transcripts, first-person accounts, obituaries and wire copy, each rule on
a text of our own. Every test here fails with its rule taken out."""

from __future__ import annotations

from studygen.draft import draft_article
from studygen.draft.writer import draft_yaml


def _quotes(text: str) -> list[tuple[str, str]]:
    """The quotations drafted with a speaker, not left to the teacher with candidates."""
    drafted = draft_article(text).quotes
    return [(q.speaker.name if q.speaker else q.description, q.text) for q in drafted if not q.candidates]


_QA = (
    "Lighthouse keeper looks back\n\n"
    "Nora Quayle, a retired engineer, kept the Skerry light for thirty years. Quayle, now 80, spoke to Ben Otway at"
    " her cottage.\n\n"
    "Q: Were you lonely?\n\n"
    "A: Never. The radio talked all night.\n\n"
    "Q: What did your husband think?\n\n"
    'A: He said, "Take the job." My neighbour, Tom Reddy, said the opposite. He said, "You will go mad."\n'
)


def test_question_and_answer_turns_are_the_interviewer_s_and_the_subject_s_words() -> None:
    quotes = _quotes(_QA)
    assert quotes[:4] == [
        ("Ben Otway", "Were you lonely?"),
        ("Nora Quayle", "Never. The radio talked all night"),
        ("Ben Otway", "What did your husband think?"),
        (
            "Nora Quayle",
            'He said, "Take the job." My neighbour, Tom Reddy, said the opposite. He said, "You will go mad."',
        ),
    ]


def test_he_inside_someone_s_words_is_whom_those_words_name_or_no_one() -> None:
    # "He said" inside her answer: her husband (named by no one: left out), then Tom Reddy whom she names;
    # never whoever the article named last outside her words
    assert _quotes(_QA)[4:] == [("Tom Reddy", "You will go mad")]


def test_without_an_interviewer_named_the_only_byline_asks_the_questions() -> None:
    text = (
        "A Potter at 90\n\nBy JANE FARRIS\n\n"
        "Aldo Venn has made pots in Truro since 1958. Mr. Venn talked about clay and his hands.\n\n"
        "Q. Do your hands hurt?\n\nA. Every morning.\n\nQ. And the wheel?\n\nA. The wheel does not care.\n"
    )
    assert _quotes(text) == [
        ("Jane Farris", "Do your hands hurt?"),
        ("Aldo Venn", "Every morning"),
        ("Jane Farris", "And the wheel?"),
        ("Aldo Venn", "The wheel does not care"),
    ]


def test_one_labelled_paragraph_is_no_transcript() -> None:
    text = "By JANE FARRIS\n\nAldo Venn, a potter, talked about clay.\n\nQ. Do your hands hurt?\n\nA. Every morning.\n"
    assert _quotes(text) == []


def test_a_name_label_shared_by_two_is_the_one_the_introduction_names() -> None:
    text = (
        "The presenter, Ann Lyle, spoke to the mayor, Carl Dunn, and to Councillor Rita Mohr.\n\n"
        "LYLE: Is the budget safe?\n\n"
        "DUNN: It is safe this year.\n\n"
        "MOHR: It is safe until the next letter from the Treasury.\n\n"
        'Later her husband, Councillor Paul Mohr, said the mayor had "dodged the question".\n'
    )
    assert _quotes(text) == [
        ("Ann Lyle", "Is the budget safe?"),
        ("Carl Dunn", "It is safe this year"),
        ("Rita Mohr", "It is safe until the next letter from the Treasury"),
        ("Paul Mohr", "dodged the question"),
    ]


def test_a_turn_whose_label_two_people_share_and_no_introduction_settles_is_left_to_the_teacher() -> None:
    text = (
        "LYLE: Is the budget safe?\n\n"
        "DUNN: It is safe this year.\n\n"
        "MOHR: It is safe until the next letter from the Treasury.\n\n"
        "Rita Mohr, a councillor, and her husband, Paul Mohr, a teacher, met the presenter, Ann Lyle, and the mayor,"
        " Carl Dunn, afterwards.\n"
    )
    draft = draft_article(text)
    unsure = [q for q in draft.quotes if q.candidates]
    assert [(q.text, sorted(p.name for p in q.candidates)) for q in unsure] == [
        ("It is safe until the next letter from the Treasury", ["Paul Mohr", "Rita Mohr"])
    ]
    assert "speaker could be" in draft_yaml(draft, "budget", "article.txt", text)


def test_he_after_a_relative_the_article_does_not_name_is_not_the_speaker_named_before() -> None:
    text = (
        'Tom Hart, the manager, read out the notice. "We close on Friday," he said.\n\n'
        "When I got home I told my father. He went out to the yard and sat there until dark.\n\n"
        '"Forty years," he said at last. "Forty years, and a notice on a board."\n'
    )
    assert _quotes(text) == [("Tom Hart", "We close on Friday")]


def test_a_sentence_about_her_husband_named_before_makes_him_the_next_he() -> None:
    text = (
        "Ada Mole, a surgeon, lives in Leeds with her husband, Ben Mole, a retired pilot.\n\n"
        '"I have never cooked a meal," Ada Mole says. Her husband laughs. "Not one," he says.\n'
    )
    assert _quotes(text) == [("Ada Mole", "I have never cooked a meal"), ("Ben Mole", "Not one")]


def test_the_subject_called_by_a_surname_a_relative_shares_is_the_one_the_introduction_names_in_full() -> None:
    text = (
        "A Potter at 90\n\nBy JANE FARRIS\n\n"
        "Aldo Venn, a potter, has worked in Truro since 1958. Mr. Venn talked about clay and his hands.\n\n"
        "Q. Do your hands hurt?\n\nA. Every morning.\n\nQ. And the wheel?\n\nA. The wheel does not care.\n\n"
        'His son, Marco Venn, a teacher, said his father "will never stop".\n'
    )
    assert _quotes(text) == [
        ("Jane Farris", "Do your hands hurt?"),
        ("Aldo Venn", "Every morning"),
        ("Jane Farris", "And the wheel?"),
        ("Aldo Venn", "The wheel does not care"),
        ("Marco Venn", "will never stop"),
    ]


def test_she_after_a_sentence_about_dr_kell_is_the_one_kell_who_is_a_doctor() -> None:
    text = (
        "Professor Ruth Kell, a chemist, has died. Her daughter, Dr Ann Kell, a surgeon, and her son, Tom Kell,"
        " survive her.\n\n"
        'Dr Kell said her mother had loved the laboratory. "She worked every Sunday," she said.\n'
    )
    assert _quotes(text) == [("Ann Kell", "She worked every Sunday")]


def test_a_sentence_opening_with_her_is_about_whom_her_stands_for_not_the_name_inside_it() -> None:
    text = (
        "Nora Quayle, a chemist, retired in 1990.\n\n"
        "Her best-known paper, written in 1971 with her colleague Tom Hart, changed the field."
        ' She called it "a lucky accident".\n'
    )
    assert _quotes(text) == [("Nora Quayle", "a lucky accident")]


def test_a_name_inside_a_quotation_of_several_sentences_is_not_whom_the_next_she_stands_for() -> None:
    text = (
        'Ann Lyle, a curator, showed the logbooks. "I read every page. Tom Hart wrote them all in pencil."\n\n'
        'She said: "It took a year."\n'
    )
    assert _quotes(text)[-1] == ("Ann Lyle", "It took a year")


def test_he_went_on_is_a_verb_of_saying_the_talks_went_on_is_not() -> None:
    text = (
        'Tom Hart, the mayor, spoke on Monday. "The bridge is safe," he said.\n\n'
        'He went on: "It will open in May."\n\n'
        'The talks went on. "Nobody is happy."\n'
    )
    assert _quotes(text)[:2] == [("Tom Hart", "The bridge is safe"), ("Tom Hart", "It will open in May")]
    assert ("Tom Hart", "Nobody is happy") not in _quotes(text)


def test_he_after_a_quotation_left_to_the_teacher_is_not_its_guessed_speaker() -> None:
    text = (
        "Tom Hart, the challenger, conceded on Monday.\n\n"
        'Carl Dunn, the mayor, thanked Tom Hart, the challenger, for what he called "a fair fight." Speaking'
        ' later, he promised "a new bridge."\n'
    )
    draft = draft_article(text)
    assert [(q.text, [p.name for p in q.candidates]) for q in draft.quotes if q.candidates] == [
        ("a fair fight", ["Tom Hart", "Carl Dunn"])
    ]
    assert _quotes(text) == [("Carl Dunn", "a new bridge")]


def test_on_the_platform_he_said_is_he_not_a_speaker_called_the_platform_he() -> None:
    text = 'Frank Hale, a teacher, went home on Friday. On the platform he said, "Tell them we ran out of cups."\n'
    assert _quotes(text) == [("Frank Hale", "Tell them we ran out of cups")]


def test_another_after_a_quotation_is_no_person_called_another() -> None:
    text = 'Samuel Pike, a teacher, kept a diary. One entry reads: "Gale. Bread bad." Another notes a storm.\n'
    draft = draft_article(text)
    assert [p.name for p in draft.people] == ["Samuel Pike"]
    assert all(q.speaker is None or q.speaker.name != "Another" for q in draft.quotes)


def test_a_namesake_whose_surname_has_a_particle_is_told_apart_by_the_given_name() -> None:
    text = (
        'Caroline de Wit, the party leader, said the talks were "over".\n\n'
        'Its deputy leader, Henk de Wit, said the others had "spent five months lecturing farmers".\n'
    )
    assert _quotes(text) == [("Caroline de Wit", "over"), ("Henk de Wit", "spent five months lecturing farmers")]


def test_a_name_in_a_phrase_set_off_before_the_subject_is_not_whom_the_sentence_is_about() -> None:
    text = (
        "Sir Robin Astley, a committee member, opened the hearing.\n\n"
        "Under questioning from Sir Robin Astley, Tom Hart, the former chief executive, accepted the warnings were"
        ' missed. "That was my failure," he said.\n'
    )
    assert _quotes(text) == [("Tom Hart", "That was my failure")]


def test_mr_hale_is_not_the_professor_who_shares_his_surname() -> None:
    text = (
        "Stephen Hale, the former chief executive, gave evidence on Monday. Professor Anna Hale, a hydrologist,"
        " gave evidence on Tuesday.\n\n"
        '"That was a failure," Mr Hale told the committee.\n'
    )
    assert _quotes(text) == [("Stephen Hale", "That was a failure")]


def test_a_second_quotation_of_the_same_reported_clause_joined_by_and_would_is_the_same_speaker() -> None:
    text = 'A spokesman for the port said the company was spending "record amounts" and would "study the report".\n'
    assert _quotes(text) == [
        ("A spokesman for the port", "record amounts"),
        ("A spokesman for the port", "study the report"),
    ]


def test_a_role_with_a_capitalised_adjective_before_the_name_set_off_and_a_quotation_after_but() -> None:
    text = (
        "The head of the mission, former Ghanaian foreign minister Kwame Asante, said there had been"
        ' "isolated irregularities" but "nothing that would change the result."\n'
    )
    assert _quotes(text) == [
        ("Kwame Asante", "isolated irregularities"),
        ("Kwame Asante", "nothing that would change the result"),
    ]


def test_a_body_that_says_something_at_a_distance_from_the_quotation_is_the_body() -> None:
    text = (
        'Tom Hart, the minister, said the figures were "a scandal".\n\n'
        'The regulator said in a statement that it "accepts the findings in full".\n\n'
        'In a report published on Thursday, the Environment Select Committee said the board had been "asleep".\n'
    )
    assert _quotes(text) == [
        ("Tom Hart", "a scandal"),
        ("The regulator", "accepts the findings in full"),
        ("the Environment Select Committee", "asleep"),
    ]


def test_his_letter_is_no_body_but_her_office_is() -> None:
    text = (
        'Tom Hart, the surgeon, raised the alarm in May. His letter said a serious incident was "a certainty".\n\n'
        'Ann Lyle, the treasurer, was not available. Her office said only that "the figures will be published".\n'
    )
    assert ("His letter", "a certainty") not in _quotes(text)
    assert ("Her office", "the figures will be published") in _quotes(text)


def test_a_quotation_joined_to_a_described_speaker_s_is_theirs_not_the_last_person_named() -> None:
    text = (
        'Tom Hart, the minister, said the report was "fair".\n\n'
        'The regulator said it was spending "record amounts" and would "study the report".\n'
    )
    assert _quotes(text) == [
        ("Tom Hart", "fair"),
        ("The regulator", "record amounts"),
        ("The regulator", "study the report"),
    ]


def test_my_father_is_the_father_the_narrator_has_named() -> None:
    text = (
        "My father, Joseph Reddy, a retired engineer, had worked at the mill since 1920.\n\n"
        'Tom Hart, the manager, read the notice. "We close on Friday," he said.\n\n'
        "When I told my father, he went out to the yard and sat there until dark.\n\n"
        '"Forty years," he said.\n'
    )
    assert _quotes(text) == [("Tom Hart", "We close on Friday"), ("Joseph Reddy", "Forty years")]


_OBITUARY = (
    "Ruth Kell, a chemist who made paint safe, has died aged 90.\n\n"
    'Her son, Tom Kell, said she had died at home. "She was working until Friday," he said.\n\n'
    'Kell once told an interviewer she was "never bored, only busy".\n\n'
    'Her daughter, Ann Kell, a teacher, said: "She taught me to read labels."\n\n'
    "The company she founded in 1961 still makes paint in Leeds.\n\n"
    '"She taught everyone to read labels," Kell said at the funeral.\n'
)


def test_a_surname_alone_in_an_obituary_is_its_subject_whose_relatives_the_others_are() -> None:
    quotes = _quotes(_OBITUARY)
    assert ("Ruth Kell", "never bored, only busy") in quotes
    assert ("Tom Kell", "She was working until Friday") in quotes
    assert ("Ann Kell", "She taught me to read labels") in quotes


def test_words_that_speak_of_her_in_the_third_person_are_not_the_subject_s_own() -> None:
    draft = draft_article(_OBITUARY)
    last = draft.quotes[-1]
    assert last.text == "She taught everyone to read labels"
    assert sorted(p.name for p in last.candidates) == ["Ann Kell", "Ruth Kell", "Tom Kell"]


def test_a_surname_of_two_letters_two_people_share_is_one_of_them_not_nobody() -> None:
    text = (
        "Opposition leader Ousmane Ba, a lawyer, conceded defeat on Monday.\n\n"
        '"The people have spoken," Ba told supporters.\n\n'
        'His brother, Cheikh Ba, a teacher, said the count was "untidy".\n'
    )
    assert _quotes(text) == [("Ousmane Ba", "The people have spoken"), ("Cheikh Ba", "untidy")]


def test_a_sentence_of_two_words_that_goes_on_a_quotation_is_speech_not_a_label() -> None:
    text = 'Tom Hart, the mayor, was calm. "Everybody needs to take a breath," he said. "Including me."\n'
    assert _quotes(text) == [("Tom Hart", "Everybody needs to take a breath"), ("Tom Hart", "Including me")]


def _nested(text: str) -> list[tuple[str, str]]:
    return [(q.speaker.name, q.text) for q in draft_article(text).quotes if q.rule == "nested" and q.speaker]


def test_my_wife_in_his_words_is_the_wife_the_article_names() -> None:
    text = (
        "Peter Hart, a dentist, found the diary in a shoebox.\n\n"
        "\"My wife said, 'Peter, that handwriting is too pretty for a tax return.' She was right,\" Hart said.\n\n"
        "His wife, Anne Hart, a teacher, laughed.\n"
    )
    assert _nested(text) == [("Anne Hart", "Peter, that handwriting is too pretty for a tax return")]


def test_he_in_his_words_may_be_someone_he_named_in_the_quotation_before() -> None:
    text = (
        "Kenneth Hale, the minister, proposed the reform in 1990. Keith Moran, a judge, recalled the meeting.\n\n"
        '"Kenneth listened for twenty minutes," Moran said. "Then he said, \'Chaos is what we have now.\''
        ' That was the end of it."\n'
    )
    assert _nested(text) == [("Kenneth Hale", "Chaos is what we have now")]


_GOVERNOR = (
    "Raymond Kell, governor who fought the dams, dies at 88\n\n"
    "Raymond Kell, a farmer's son who served two terms as governor, died on Saturday. He was 88.\n\n"
    "His son, state Sen. Raymond Kell Jr., said his father had died at home."
    ' "He loved the noise of the tractors," the younger Kell said.\n\n'
    '"I did not become governor to hand good soil to a lake," Kell said in a speech in 1980.\n\n'
    "His brother, Carl Kell, a farmer, said the governor had never changed.\n\n"
    'The family farm is still worked. "My father taught us both to plant beans," Kell said. "We still do."\n'
)


def test_a_surname_alone_is_the_one_the_lead_names_before_any_namesake() -> None:
    quotes = _quotes(_GOVERNOR)
    assert ("Raymond Kell Jr", "He loved the noise of the tractors") in quotes  # "the younger Kell"
    assert ("Raymond Kell", "I did not become governor to hand good soil to a lake") in quotes


def test_words_about_my_father_and_what_follows_them_are_left_to_the_teacher() -> None:
    unsure = [(q.text, len(q.candidates)) for q in draft_article(_GOVERNOR).quotes if q.candidates]
    assert unsure == [("My father taught us both to plant beans", 3), ("We still do", 3)]


def test_the_treasurer_in_his_words_is_the_article_s_only_treasurer() -> None:
    text = (
        "Tom Hart, the council leader, spoke on Monday.\n\n"
        "\"The treasurer told me last week, 'Add another nine.' So it is bad,\" Hart said.\n\n"
        "The county treasurer, Helen Marsh, declined to comment.\n"
    )
    assert _nested(text) == [("Helen Marsh", "Add another nine")]


_DIARY = (
    "The porter's war: extracts from a diary kept at Dover, 1940\n\n"
    "Arthur Penn, a retired engineer, kept a diary through the summer of 1940. His diary was given to the"
    " archive by his granddaughter, Mary Penn, a teacher.\n\n"
    'Tuesday 4 June. The trains came all night. I said, "Tell them the King is paying."\n'
)


def test_i_said_in_an_extract_from_a_diary_is_the_diarist() -> None:
    assert ("Arthur Penn", "Tell them the King is paying") in _quotes(_DIARY)


def test_i_said_in_a_report_that_prints_no_extract_is_nobody_s() -> None:
    report = _DIARY.replace("extracts from a diary kept", "a diary kept")
    assert all(text != "Tell them the King is paying" for _, text in _quotes(report))


def test_my_deputy_set_off_before_a_name_in_an_interview_answer_is_a_role_and_a_person() -> None:
    text = (
        "Nora Quayle, a retired engineer, spoke to Ben Otway at her home.\n\n"
        "Q: What did the survey say?\n\n"
        'A: My deputy, Gareth Rowe, put it better than I could. He said, "We are building on sand."\n\n'
        "Q: And then?\n\nA: Nothing happened.\n"
    )
    draft = draft_article(text)
    assert ("Gareth Rowe", ["deputy"]) in [(p.name, [r.title for r in p.roles]) for p in draft.people]
    assert _nested(text) == [("Gareth Rowe", "We are building on sand")]
