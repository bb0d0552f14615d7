"""The drafter on small texts of our own, one for each thing real news text does."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from studygen.cli import app
from studygen.draft import draft_article, draft_facts
from studygen.draft.quotes import double_quotes
from studygen.draft.text import clean
from studygen.draft.writer import yaml_id
from studygen.lessons import read_lesson

runner = CliRunner()


def _quotes(text: str) -> list[tuple[str, str]]:
    return [(q.speaker.name if q.speaker else q.description, q.text) for q in draft_article(text).quotes]


def _roles(text: str) -> dict[str, list[tuple[str, str]]]:
    return {p.name: [(r.title, r.tenure) for r in p.roles] for p in draft_article(text).people}


def test_sgml_news_is_stripped_to_paragraphs() -> None:
    raw = (
        "<DOC>\n<DOCNO> XYZ19990101.0001 </DOCNO>\n<HEADLINE> Port Talks Resume </HEADLINE>\n<TEXT>\n<P>\n"
        "\tVAREL (AP) -- Talks on the harbour resumed Monday,  \nofficials said. \n</P>\n<P>\n"
        "\tThe mayor was hopeful. \n</P>\n</TEXT>\n</DOC>\n"
    )
    article = clean(raw)
    assert article.title == "Port Talks Resume"
    assert article.paragraphs == ("Talks on the harbour resumed Monday, officials said.", "The mayor was hopeful.")


def test_straight_curly_and_wire_quotes() -> None:
    text = (
        'Anna Kovacs said, "The harbour is open."\n'
        "“We will grow,” said Tomas Berg.\n"
        "``Ships are coming,'' Erik Sand said.\n"
    )
    assert _quotes(text) == [
        ("Anna Kovacs", "The harbour is open"),
        ("Tomas Berg", "We will grow"),
        ("Erik Sand", "Ships are coming"),
    ]


@pytest.mark.parametrize(
    ("paragraph", "words"),
    [
        ('"We will win," she said.', "We will win"),
        ('She said: "It is over."', "It is over"),
        ('He said: "No, no..."', "No, no"),
        ('He asked: "Why not?"', "Why not?"),
        ('He asked: "Why not?."', "Why not?."),  # the full stop after a question mark stays
        ('She shouted: "Stop!,,"', "Stop!,"),
    ],
)
def test_a_quotation_loses_its_trailing_comma_or_full_stop(paragraph: str, words: str) -> None:
    (quote,) = double_quotes(paragraph)
    assert quote.text(paragraph) == words


def test_quotation_across_hard_line_breaks() -> None:
    raw = "<P>\n``The storm is coming, and it will reach  \nthe coast tonight,'' Senator Lina Holm said.\n</P>\n"
    assert _quotes(raw) == [("Lina Holm", "The storm is coming, and it will reach the coast tonight")]


def test_nested_quotation_gets_its_own_speaker() -> None:
    text = "\"I said, 'we should talk.' Karl Weiss replied, 'Never.'\" Ivo Maric recalled.\n"
    quotes = draft_article(text).quotes
    assert [(q.speaker.name, q.text) for q in quotes] == [
        ("Ivo Maric", "I said, 'we should talk.' Karl Weiss replied, 'Never.'"),
        ("Karl Weiss", "Never"),
    ]
    assert quotes[1].within == "Ivo Maric"  # Weiss's word as Maric tells it


def test_speaker_before_and_after_the_quotation() -> None:
    text = (
        'Minister Hanna Lunde said: "The river is shared."\n'
        '"We disagree," Ivo Maric told reporters.\n'
        '"It will take years," said Mr Maric.\n'
    )
    assert _quotes(text) == [
        ("Hanna Lunde", "The river is shared"),
        ("Ivo Maric", "We disagree"),
        ("Ivo Maric", "It will take years"),
    ]


def test_pronoun_speaker_resolves_to_the_last_speaker() -> None:
    text = (
        '"Talks failed," Karl Weiss said on Monday.\n'
        "Hanna Lunde disagreed with the account.\n"
        '"They were only paused," she said. "But the delegation got very nervous," she added.\n'
    )
    quotes = _quotes(text)
    assert quotes[0] == ("Karl Weiss", "Talks failed")
    assert quotes[1][0] == "Hanna Lunde"  # the person the previous sentence was about
    assert quotes[2][0] == "Hanna Lunde"  # after a quotation: the one just quoted


def test_a_family_name_of_two_letters_is_the_person_named_before() -> None:
    text = (
        "Vice Premier Wu Jianguo received the delegation from Laos on Tuesday.\n"
        'Wu praised the new railway, calling it "a road of friendship on steel."\n'
    )
    assert _quotes(text) == [("Wu Jianguo", "a road of friendship on steel")]


def test_the_person_named_in_the_possessive_is_not_who_the_sentence_is_about() -> None:
    text = (
        '"We will finish the tunnel by spring," Mayor Rosa Ilves said.\n'
        "Mayor Ilves's predecessor, Anton Kask, who opposed the tunnel for ten years, was less sure.\n"
        'In a radio interview, he called the schedule "a fairy tale."\n'
    )
    assert _quotes(text)[1] == ("Anton Kask", "a fairy tale")


def test_a_verb_of_saying_joined_by_and_keeps_the_speaker_of_the_quotation_before() -> None:
    text = (
        "Senator Ruth Okafor voted against the bill on Friday.\n"
        'In a letter to members, she called the budget "a retreat," and warned that schools would "pay for it first."\n'
    )
    assert _quotes(text) == [("Ruth Okafor", "a retreat"), ("Ruth Okafor", "pay for it first")]


def test_a_sentence_that_opens_with_according_to_is_the_words_of_who_it_names() -> None:
    text = (
        "Central bank governor Ines Faria spoke after the meeting.\n"
        'According to Faria, the escudo is "no longer under attack" and reserves are rising.\n'
    )
    assert _quotes(text) == [("Ines Faria", "no longer under attack")]


def test_words_expressed_or_voiced_in_quotation_marks_are_the_speakers() -> None:
    text = (
        "Foreign Minister Sun Liwei met the Chilean envoy on Monday.\n"
        'Sun expressed the hope that both sides would "keep the Pacific a bridge, not a wall."\n'
    )
    assert _quotes(text) == [("Sun Liwei", "keep the Pacific a bridge, not a wall")]


def test_a_counterpart_or_a_successor_set_off_by_commas_is_a_person() -> None:
    roles = _roles("Envoy Lars Holm met his Finnish counterpart, Eero Laine, in Oslo on Friday.\n")
    assert roles["Eero Laine"] == [("Finnish counterpart", "")]


def test_a_paragraph_that_opens_with_a_quotation_continues_the_speaker_of_the_paragraph_before() -> None:
    text = (
        '"The bridge held," engineer Tomas Varga said. "Not a crack," he said.\n\n'
        '"We checked every bolt twice.\n\n'
        '"I have never slept so badly," Varga added.\n'
    )
    assert [speaker for speaker, _ in _quotes(text)] == ["Tomas Varga"] * 4


def test_a_surname_after_another_first_name_is_another_person() -> None:
    text = (
        '"The water came from the north," foreman Pavel Novak said.\n'
        "Irena Novak, his sister, had waited at the gate all night.\n"
        '"I knew he would come up," she said.\n'
    )
    assert _quotes(text) == [
        ("Pavel Novak", "The water came from the north"),
        ("Irena Novak", "I knew he would come up"),
    ]


def test_the_name_after_a_role_with_a_word_of_its_own_is_read_whole() -> None:
    roles = _roles("Deputy Prime Minister Tran Van Long, who chaired the talks, thanked the delegates.\n")
    assert roles == {"Tran Van Long": [("Deputy Prime Minister", "")]}


def test_a_longer_title_before_a_known_name_is_that_person() -> None:
    text = (
        "Foreign Minister Han Dongsu arrived on Monday.\n"
        '"The talks were useful," said South Korean Foreign Minister Han Dongsu.\n'
    )
    assert _quotes(text) == [("Han Dongsu", "The talks were useful")]


def test_officials_in_the_plural_are_not_the_person_last_named() -> None:
    text = (
        '"We are ready," Governor Alma Reyes said.\n'
        'After the vote, the ministers promised to "respect the result in full."\n'
    )
    assert _quotes(text) == [("Alma Reyes", "We are ready")]


def test_an_unnamed_speaker_with_a_nationality_keeps_the_next_quotation() -> None:
    text = '"It was a long night," said one Dutch negotiator. "Nobody wanted to be the first to leave."\n'
    assert _quotes(text) == [
        ("one Dutch negotiator", "It was a long night"),
        ("one Dutch negotiator", "Nobody wanted to be the first to leave"),
    ]


def test_a_knight_is_named_by_his_first_name_after_the_first_time() -> None:
    text = (
        "The presenter Sir Alan Bright, who read the news for forty years, has died.\n"
        "Sir Alan was known for his patience.\n"
        "He once said: 'A fact needs no adjective.'\n"
    )
    assert _quotes(text) == [("Sir Alan Bright", "A fact needs no adjective")]


def test_a_speaker_after_a_description_with_capitals_but_not_after_a_new_sentence() -> None:
    text = (
        '"The figures have not moved," Treasury spokesman Ivo Brandt said.\n'
        '"We hold the line," Governor Alma Reyes said. "We always have." Her deputy Tomas Vik said the board '
        "would meet again on Friday.\n"
    )
    assert _quotes(text) == [
        ("Ivo Brandt", "The figures have not moved"),
        ("Alma Reyes", "We hold the line"),
        ("Alma Reyes", "We always have"),
    ]


def test_an_obituary_names_its_subject_in_the_headline_by_title_and_at_birth() -> None:
    text = (
        "Composer Dame Ada Lyle dies aged 90\n\n"
        "Dame Ada Lyle, whose operas were staged in 40 countries, Japan among them, has died aged 90.\n\n"
        "Born Ada Margaret Lyle in Leeds in 1934, she studied in Vienna.\n\n"
        "Asked in 2001 what music was for, Dame Ada gave a short answer. 'To keep us company,' she said.\n"
    )
    draft = draft_article(text)
    assert [(q.speaker.name if q.speaker else "", q.text) for q in draft.quotes] == [
        ("Dame Ada Lyle", "To keep us company")
    ]
    born = next(event for event in draft.events if event.when == "1934")
    assert born.actors == ["Dame Ada Lyle"]


def test_an_event_gets_a_subject_only_before_a_verb_or_a_role() -> None:
    text = (
        "Finance Minister Ivo Maric spoke on Monday.\n"
        "He said exports reached 12 million tons last year, up 7 percent from 2006.\n"
        "The bridge was opened by Mayor Rosa Ilves, mayor until her defeat in 1998, and her deputy.\n"
    )
    events = {event.when: event.what for event in draft_article(text).events}
    assert events["2006"] == "up 7 percent"  # not "he up 7 percent"
    assert events["1998"] == "Mayor Rosa Ilves was mayor until her defeat"


def test_a_name_after_company_or_group_is_not_a_person() -> None:
    text = (
        "The timber company Maderas del Sur, which holds the concession, said it would appeal.\n"
        'The campaign group Bosque Vivo said the ruling was "a victory for the forest."\n'
    )
    draft = draft_article(text)
    assert draft.people == []
    assert draft.unattributed == ["a victory for the forest"]


def test_a_sentence_that_lists_many_years_gives_at_most_eight_events() -> None:
    years = ", ".join(str(year) for year in range(1901, 1913))
    text = f"The regatta was held in {years} and then abandoned.\n"
    assert [event.when for event in draft_article(text).events] == [str(year) for year in range(1901, 1909)]


def test_numbers_that_look_like_years_after_resolution_or_flight_are_not_dates() -> None:
    text = "The council passed Resolution 1441 on Friday, and flight 1549 landed on the river in 2009.\n"
    assert {event.when for event in draft_article(text).events} == {"Friday", "2009"}


def test_a_title_in_place_of_a_name_is_the_person_who_holds_it() -> None:
    text = (
        "Premier Song Lihua arrived in Lima on Monday.\n"
        "He held talks with President Ana Quispe at the palace.\n"
        '"Our trade can double in five years," the premier said.\n'
    )
    assert _quotes(text) == [("Song Lihua", "Our trade can double in five years")]


def test_a_speaker_with_an_age_set_off_by_commas() -> None:
    text = (
        "One of the volunteers, Nils Berg, 12, said he had sold 300 tickets.\n"
        '"I counted twice," he said.\n'
        'Ada Holm, 71, said: "We built this hall in one summer."\n'
    )
    assert _quotes(text) == [("Nils Berg", "I counted twice"), ("Ada Holm", "We built this hall in one summer")]


def test_a_description_with_a_nationality_is_the_holder_of_that_role() -> None:
    text = (
        "Lao Deputy Prime Minister Somsak Vong met Thai Energy Minister Arun Chai on Monday.\n"
        '"The power line will be finished by 2006," the Lao minister said.\n'
        '"Both peoples gain," the Thai minister said.\n'
    )
    assert _quotes(text) == [
        ("Somsak Vong", "The power line will be finished by 2006"),
        ("Arun Chai", "Both peoples gain"),
    ]


def test_a_name_after_a_possessive_is_the_name_alone() -> None:
    text = (
        "Health Minister Eira Price spoke first.\n"
        'Plaid Cymru\'s Rhun Evans accused ministers of "hiding behind the figures".\n'
    )
    assert _quotes(text) == [("Rhun Evans", "hiding behind the figures")]


def test_description_speaker_resolves_to_the_person_last_named() -> None:
    text = (
        'Speaking to the press, Ivo Maric explained the plan.\n"It is known that Weiss refused," the envoy recalled.\n'
    )
    assert _quotes(text) == [("Ivo Maric", "It is known that Weiss refused")]


def test_continuations_belong_to_the_current_speaker() -> None:
    text = (
        '"What are we supposed to do?" Anna Kovacs asked. "We have to build cranes."\n'
        'Board chair Olga Brandt spoke next, warning: "The queue will only grow. "Every captain wants a berth."\n'
        'Spokesman Tomas Berg repeated the council\'s call. "The port must stay open."\n'
    )
    assert _quotes(text) == [
        ("Anna Kovacs", "What are we supposed to do?"),
        ("Anna Kovacs", "We have to build cranes"),
        ("Olga Brandt", "The queue will only grow"),
        ("Olga Brandt", "Every captain wants a berth"),
        ("Tomas Berg", "The port must stay open"),
    ]


def test_titles_in_quotation_marks_are_not_quotations() -> None:
    text = 'The canal scheme, nicknamed "Big Ditch" by critics, was proposed by Mayor Ilse Brandt in 1911.\n'
    assert _quotes(text) == []


def test_titles_and_roles_before_names_and_in_apposition() -> None:
    roles = _roles(
        "In 1990, then-US Secretary of State James Baker dismissed the idea.\n"
        "Green Party transport spokesman Pavel Novak agreed.\n"
        "Rep. Dora Lindqvist, D-Vt., chief author of the harbour bill, objected.\n"
    )
    assert roles["James Baker"] == [("US Secretary of State", "")]
    assert roles["Pavel Novak"] == [("Green Party transport spokesman", "")]
    assert ("chief author of the harbour bill", "") in roles["Dora Lindqvist"]


def test_tenures() -> None:
    roles = _roles(
        "Igor Ivanov, a veteran diplomat who served as Russia's foreign minister between 1998 and 2004, spoke.\n"
        "Sergei Ordzhonikidze, a veteran diplomat who served as deputy foreign minister from 1999 to 2002, agreed.\n"
    )
    assert ("Russia's foreign minister", "1998-2004") in roles["Igor Ivanov"]
    assert ("deputy foreign minister", "1999-2002") in roles["Sergei Ordzhonikidze"]


def test_dated_events_with_decades_qualifiers_and_proposals() -> None:
    draft = draft_article(
        "Before that, in the mid-1950s, Soviet leaders proposed that the USSR join the alliance.\n"
        "In 1990, Soviet leader Mikhail Gorbachev proposed that the Soviet Union might join NATO.\n"
        "The treaty was signed on 14 March 1923, and ratified in the 1920s.\n"
    )
    whens = [(e.when, e.date.text if e.date else None) for e in draft.events]
    assert ("mid-1950s", "mid-1950s") in whens and ("1990", "1990") in whens
    assert ("14 March 1923", "1923-03-14") in whens and ("1920s", "1920s") in whens
    proposal = next(e for e in draft.events if e.when == "1990")
    assert proposal.proposer is not None and proposal.proposer.name == "Mikhail Gorbachev"
    assert proposal.proposal == "that the Soviet Union might join NATO"


def test_british_single_quotes_keep_apostrophes() -> None:
    text = (
        "'We have won a fair deal for our members,' said Margaret Okonkwo, the union's general secretary. "
        "'The workers' pay will rise this year.'\n\n"
        "The port's chief executive, Sean O'Malley, called the agreement 'a relief for everyone'.\n\n"
        "'It's been a hard few months,' he admitted. 'But we're past the '90s.'\n"
    )
    assert _quotes(text) == [
        ("Margaret Okonkwo", "We have won a fair deal for our members"),
        ("Margaret Okonkwo", "The workers' pay will rise this year"),
        ("Sean O'Malley", "a relief for everyone"),
        ("Sean O'Malley", "It's been a hard few months"),
        ("Sean O'Malley", "But we're past the '90s"),
    ]


def test_british_quotes_with_a_quotation_inside_in_double_marks_and_american_titles_in_single_ones() -> None:
    british = (
        "'The board told us \"no\" twice,' said Priya Natarajan, a shop steward. 'We kept asking.'\n\n"
        "'Nothing has changed since,' she added.\n"
    )
    assert _quotes(british) == [
        ("Priya Natarajan", 'The board told us "no" twice'),  # the article's own marks
        ("Priya Natarajan", "We kept asking"),
        ("Priya Natarajan", "Nothing has changed since"),
    ]
    # and so is the evidence
    assert draft_article(british).quotes[0].evidence.startswith("'The board told us \"no\" twice,' said")
    american = (
        '"We will appeal," said Dale Ortiz, the county attorney.\n\n'
        "The case features in the film 'Harbor Lights', which opens this week.\n"
    )
    assert _quotes(american) == [("Dale Ortiz", "We will appeal")]


def test_speakers_after_a_role_past_a_relative_clause_and_not_across_a_full_stop() -> None:
    text = (
        '"We have seen this before," said its general secretary, Ines Lobo.\n\n'
        "Aldo Brek, who has denied any plans to close the yard, said on Monday that it had "
        '"a long future".\n\n'
        'The opposition leader, Mara Veit, called the sale "a scandal". He said the council would vote again.\n'
    )
    assert _quotes(text) == [
        ("Ines Lobo", "We have seen this before"),
        ("Aldo Brek", "a long future"),
        ("Mara Veit", "a scandal"),
    ]


def test_unnamed_speakers_roles_after_a_possessive_and_ages() -> None:
    text = (
        '"The vote was calm," said an envoy in the capital, Tarvo.\n\n'
        'A senior official, who asked not to be named, said: "Nothing will change."\n\n'
        '"We will appeal," said Norland\'s deputy justice minister, Ewa Dorn.\n\n'
        "The court refused to hand over a former border commander, Pavel Rusk, to Norland.\n\n"
        "Mr. Rusk, 81, who commanded the border guard from 1971 to 1979, denies the charges.\n"
    )
    draft = draft_article(text)
    assert [(q.speaker.name if q.speaker else q.description, q.text) for q in draft.quotes] == [
        ("an envoy in the capital", "The vote was calm"),
        ("A senior official", "Nothing will change"),
        ("Ewa Dorn", "We will appeal"),
    ]
    roles = {p.name: [r.title for r in p.roles] for p in draft.people}
    assert roles["Ewa Dorn"] == ["deputy justice minister"]
    assert roles["Pavel Rusk"] == ["former border commander"]
    assert [(e.when, e.what) for e in draft.events] == [("from 1971 to 1979", "Rusk commanded the border guard")]
    facts = draft_facts(text, "court", "article.txt")
    assert 'title: "former border commander"\n        kind: description' in facts  # no office question
    assert 'title: "deputy justice minister"\n        evidence' in facts  # an office


def test_they_is_not_the_last_person_named() -> None:
    text = (
        '"She led the mill for thirty years," said the mayor, Tova Lind.\n\n'
        'In a statement, the family said she died at home. "She was a devoted mother," they said.\n'
    )
    draft = draft_article(text)
    assert [(q.speaker.name, q.text) for q in draft.quotes] == [("Tova Lind", "She led the mill for thirty years")]
    assert draft.unattributed == ["She was a devoted mother"]  # listed for the teacher, not given to Lind


def test_family_name_first_and_a_claim_made_by_he() -> None:
    raw = (
        "<DOC>\n<DATE_TIME> 1998-01-05 09:30 </DATE_TIME>\n<TEXT>\n<P>\n"
        "Foreign Ministry spokesman Liu Wenhai said the two deputy ministers had met their counterparts, "
        "the envoys of both states, on Sunday.\n</P>\n<P>\n"
        '"Both sides want an early settlement," Liu said. He added that a treaty had been signed in October 1993.\n'
        "</P>\n</TEXT>\n</DOC>\n"
    )
    draft = draft_article(raw)
    assert [(p.name, p.surname) for p in draft.people] == [("Liu Wenhai", "Liu")]  # "Liu" is Liu Wenhai
    assert [(q.speaker.name, q.text) for q in draft.quotes] == [("Liu Wenhai", "Both sides want an early settlement")]
    events = {e.when: e for e in draft.events}
    assert events["Sunday"].what == "the two deputy ministers had met their counterparts the envoys of both states"
    assert (events["October 1993"].what, events["October 1993"].according_to.name) == (  # type: ignore[union-attr]
        "a treaty had been signed",
        "Liu Wenhai",
    )


def test_a_time_that_closes_a_clause_dates_what_comes_before_it() -> None:
    draft = draft_article(
        "The ferry plan was first put forward by the harbour master, Jon Ek, in 2004, but was shelved.\n"
        "In 2009, the council revived it.\n"
    )
    assert [(e.when, e.what) for e in draft.events] == [
        ("2004", "the ferry plan was first put forward by the harbour master Jon Ek"),
        ("2009", "the council revived it"),
    ]


def test_roles_with_abbreviations_and_objects_and_an_apposition_that_ends_the_sentence() -> None:
    text = (
        '"We are further apart than ever," the chief U.N. mediator, Ines Varga, told reporters.\n\n'
        "Norland's ambassador to the Fishing Council, Tomas Ek, said the quota was unfair.\n\n"
        '"I doubt there will be a deal until 2031," said Ada Moro, a fisheries economist at Sund University.\n'
    )
    draft = draft_article(text)
    assert _quotes(text) == [
        ("Ines Varga", "We are further apart than ever"),
        ("Ada Moro", "I doubt there will be a deal until 2031"),
    ]
    assert {p.name: [r.title for r in p.roles] for p in draft.people} == {
        "Ines Varga": ["chief U.N. mediator"],
        "Tomas Ek": ["ambassador to the Fishing Council"],
        "Ada Moro": ["fisheries economist"],
    }
    (event,) = draft.events
    assert (event.when, event.date) == ("until 2031", None)  # the end of a period, not the date of an event


def test_a_role_of_a_place_before_a_name_set_off_and_the_nearest_noun_of_a_which_clause() -> None:
    draft = draft_article(
        "The mayor of Kestrel Bay, Alma Fenn, unveiled a plan to rebuild the old harbour, which was destroyed "
        "by a storm in 1987.\n"
    )
    assert {p.name: [r.title for r in p.roles] for p in draft.people} == {"Alma Fenn": ["mayor of Kestrel Bay"]}
    assert [(e.when, e.what) for e in draft.events] == [("1987", "the old harbour was destroyed by a storm")]


def test_a_tenure_brings_its_sentence_and_a_shared_surname_is_no_alias() -> None:
    text = (
        "Former Harbour Minister Lord Vane dies aged 90\n\n"
        "Lord Vane, who served as Harbour Minister between 1979 and 1983, has died.\n\n"
        "'He loved the sea,' said his daughter, Ida Vane.\n"
    )
    facts = yaml.safe_load(draft_facts(text, "vane", "article.txt"))
    lord, ida = facts["people"]["lord-vane"], facts["people"]["ida-vane"]  # named in full: two Vanes
    assert lord["roles"] == [
        {
            "title": "Harbour Minister",
            "when": "1979-1983",
            "evidence": "Lord Vane, who served as Harbour Minister between 1979 and 1983, has died.",
            "draft": True,
        }
    ]
    assert "aliases" not in lord and "aliases" not in ida  # "Vane" alone would name either


def test_a_description_before_the_name_and_a_role_that_belongs_to_the_next_name() -> None:
    text = (
        '"Both sides wanted a deal," the historian Clara Usk writes in her account.\n\n'
        "According to Usk, the prime minister's envoy, Piet Darr, had warned of a long quarrel.\n"
    )
    draft = draft_article(text)
    assert _quotes(text) == [("Clara Usk", "Both sides wanted a deal")]
    roles = {p.name: [r.title for r in p.roles] for p in draft.people}
    assert roles["Clara Usk"] == ["historian"]  # not "the prime minister's envoy", which is Darr's
    assert roles["Piet Darr"] == ["prime minister's envoy"]


def test_two_people_of_one_surname_and_appositions_that_are_not_roles() -> None:
    text = (
        "Ruth Okoro was a senior U.S. trade negotiator for two decades.\n\n"
        "Okoro, a former Treasury Department aide, denied the charges.\n\n"
        "Her son, Dan, praised the judge's ruling.\n\n"
        "Dan Okoro, a visiting scholar at Lakeside University, said his mother was not bitter.\n\n"
        "Ivo Brant, a spokesman for the U.S. Marshal Nadia Pell, said no appeal was planned.\n"
    )
    roles = _roles(text)
    # "Okoro" alone could be either: it stays a person of its own, for the teacher to merge, and neither
    # Ruth nor Dan gets the other's role
    assert roles["Okoro"] == [("former Treasury Department aide", "")]
    assert roles["Ruth Okoro"] == []
    assert roles["Dan Okoro"] == [("visiting scholar", "")]
    assert roles["Ivo Brant"] == [("spokesman", "")]  # "U.S." does not end the apposition
    assert "Dan" not in roles  # "praised the judge's ruling" is what Dan did, not a role


def test_a_clause_after_a_comma_phrase_gets_the_noun_it_is_about() -> None:
    draft = draft_article("The old ferries, bought from Norway in 1990, were sold for scrap in 2001.\n")
    assert [(e.when, e.what) for e in draft.events][1] == ("2001", "the old ferries were sold for scrap")


def test_split_quotations_and_the_official_described_before() -> None:
    text = (
        '"The strike," said Nora Hale, the union leader, "will go on until the company talks to us."\n\n'
        'A union official said workers had lost a month of pay. "It is hard," the official said, "but we are united."\n'
    )
    assert _quotes(text) == [
        ("Nora Hale", "The strike"),
        ("Nora Hale", "will go on until the company talks to us"),
        ("A union official", "It is hard"),  # not Nora Hale, the last person named
        ("A union official", "but we are united"),
    ]


def test_names_with_a_particle_inside_a_sentence_a_suffix_or_four_words() -> None:
    text = (
        'The envoy Abdullah al-Rashid, who attended as an observer, said the talks were "useful."\n\n'
        'Martin Lucas Kane III, who spoke on Saturday, urged them to "think of the next generation."\n\n'
        'Ana Maria Lopez Vidal, the trade minister, said: "We will meet again."\n'
    )
    assert _quotes(text) == [
        ("Abdullah al-Rashid", "useful"),
        ("Martin Lucas Kane III", "think of the next generation"),
        ("Ana Maria Lopez Vidal", "We will meet again"),
    ]


def test_numbers_with_commas_deadlines_and_a_participle_between_commas() -> None:
    draft = draft_article(
        "The old ferries, bought between 1978 and 1981, carried 1,500 passengers a day.\n"
        "The company will close three routes by 2026.\n"
    )
    assert [(e.when, e.date.text if e.date else None, e.what) for e in draft.events] == [
        ("between 1978 and 1981", "1978-1981", "the old ferries were bought"),
        ("by 2026", None, "the company will close three routes"),  # a deadline, not a date
    ]


def test_plural_role_words_are_not_names_and_which_clauses_date_their_antecedent() -> None:
    draft = draft_article(
        "Officials said the dispute over fishing rights, which began in the early 1970s, was not settled.\n"
        "The harbour master, Jon Ek, told reporters on 3 May 2001 that the quay would close.\n"
    )
    assert "Officials" not in [p.name for p in draft.people]
    assert [(e.when, e.what) for e in draft.events] == [
        ("early 1970s", "the dispute over fishing rights began"),
        ("3 May 2001", "Jon Ek told reporters"),  # the saying itself, without what was said
    ]


def test_names_with_initials_particles_and_diacritics() -> None:
    text = (
        'President Recep Tayyip Erdoğan said: "The bridge will open."\n'
        '"We choose to go," said John F. Kennedy.\n'
        'Charles de Gaulle replied, "Never."\n'
        '"The odds were poor," Robert McNamara told reporters.\n'
        'Émile Zola wrote: "The truth is on the march."\n'
    )
    assert _quotes(text) == [
        ("Recep Tayyip Erdoğan", "The bridge will open"),
        ("John F. Kennedy", "We choose to go"),
        ("Charles de Gaulle", "Never"),
        ("Robert McNamara", "The odds were poor"),
        ("Émile Zola", "The truth is on the march"),
    ]


def test_role_before_a_name_set_off_by_commas_and_subjects_past_appositions() -> None:
    text = (
        "The Senior Presiding Judge, Lord Ashby, who has sat on the bench for thirty years, said it was "
        'Lord Reed\'s "quiet courage" that won the case.\n'
        'Dame Ruth Imre, the president of the Tax Division, called him a "patient and humane judge".\n'
        'The transport minister, Ana Pérez, said: "The line will reopen."\n'
    )
    assert _quotes(text) == [
        ("Lord Ashby", "quiet courage"),
        ("Dame Ruth Imre", "patient and humane judge"),
        ("Ana Pérez", "The line will reopen"),
    ]
    roles = _roles(text)
    assert roles["Lord Ashby"] == [("Senior Presiding Judge", "")]
    assert roles["Ana Pérez"] == [("transport minister", "")]
    assert "Tax Division" not in roles and "Justice" not in " ".join(roles)


def test_according_to_reportedly_and_the_speaker_who_introduces_the_next_quotation() -> None:
    text = (
        '"The bridge will close for a year," according to Mayor Ilse Brandt.\n'
        'Pavel Novak reportedly told colleagues: "We were not consulted."\n'
        'Olga Brandt praised the crew\'s "calm courage". She said: "They never stopped working."\n'
    )
    assert _quotes(text) == [
        ("Ilse Brandt", "The bridge will close for a year"),
        ("Pavel Novak", "We were not consulted"),
        ("Olga Brandt", "calm courage"),
        ("Olga Brandt", "They never stopped working"),
    ]


def test_scare_quotes_are_not_quotations() -> None:
    text = 'Pavel Novak arrived late. The so-called "quarantine" of the port ended after a week.\n'
    assert _quotes(text) == []


def test_events_are_short_clauses_without_their_date() -> None:
    draft = draft_article(
        "The canal was opened in 1911.\n"
        "When the canal opened in 1911, the dockers struck.\n"
        "Lord Reed, who led the review of the 1981 harbour riots, has died.\n"
        "Before that, in the mid-1950s, a few years after the war, dockers proposed a union.\n"
        "Ivo Maric, a port official, was accused of fraud in 1948.\n"
        "She was jailed for two years in 1952 and emigrated in 1954 with her son.\n"
    )
    assert [(e.when, e.what) for e in draft.events] == [
        ("1911", "the canal was opened"),
        ("1911", "the canal opened"),
        ("1911", "the dockers struck"),
        ("1981", "the harbour riots"),  # the year is the riots', not the review's
        ("mid-1950s", "dockers proposed a union"),
        ("1948", "Ivo Maric was accused of fraud"),
        ("1952", "she was jailed for two years"),
        ("1954", "she emigrated with her son"),
    ]


def test_a_phrase_that_sets_the_scene_gives_way_to_the_main_clause() -> None:
    draft = draft_article(
        "In a speech in 1936, Mayor Lena Holt opened the new library.\n"
        "Reviewing the figures from last month, the council, after a long debate, voted to close the mill.\n"
        "After the strike ended in 1926, the union was banned.\n"
    )
    assert [(e.when, e.what) for e in draft.events] == [
        ("1936", "Mayor Lena Holt opened the new library"),
        ("last month", "the council voted to close the mill"),
        ("1926", "the strike ended"),  # a clause with its own verb is the event its date belongs to
    ]


def test_since_a_year_is_a_period_not_a_date(tmp_path: Path) -> None:
    text = "Since 1962, no ferry has crossed the strait in winter.\n"
    (event,) = draft_article(text).events
    assert (event.when, event.date, event.what) == ("Since 1962", None, "no ferry has crossed the strait in winter")
    facts = yaml.safe_load(draft_facts(text, "ferries", "article.txt"))
    assert "when" not in facts["facts"][0]  # the ferries did not stop crossing in 1962
    assert "draft: \"the text says 'Since 1962', a period rather than a date\"" in draft_facts(text, "f", "a.txt")


def test_relative_dates_count_from_the_article_date_and_claims_keep_their_speaker(tmp_path: Path) -> None:
    raw = (
        "<DOC>\n<DATE_TIME> 2000-08-22 10:00 </DATE_TIME>\n<HEADLINE> Navy Account </HEADLINE>\n<TEXT>\n<P>\n"
        "PORTVILLE, August 22 (AP) -- Navy officials led by Admiral Ana Perez said on Monday\n"
        "that the submarine sank on 12 August after a collision.\n</P>\n<P>\n"
        "The harbour reopened yesterday, and the inquiry will report next year.\n</P>\n</TEXT>\n</DOC>\n"
    )
    draft = draft_article(raw)
    events = {e.when: e for e in draft.events}
    assert draft.article.paragraphs[0].startswith("Navy officials")  # the dateline is not an event
    assert events["Monday"].date.text == "2000-08-21"
    sank = events["12 August"]
    assert (sank.what, sank.date.text, sank.said_when.text) == (
        "the submarine sank after a collision",
        "2000-08-12",
        "2000-08-21",
    )
    assert sank.according_to is not None and sank.according_to.name == "Ana Perez"
    assert events["yesterday"].date.text == "2000-08-21" and events["next year"].date.text == "2001"
    article = tmp_path / "navy.sgml"
    article.write_text(raw, encoding="utf-8")
    out = tmp_path / "facts.yaml"
    assert runner.invoke(app, ["draft", str(article), "-o", str(out)]).exit_code == 0
    checked = read_lesson(out)
    assert checked.ok, [d.render() for d in checked.diagnostics]
    claim = next(f for f in checked.lesson.facts if f.kind == "event" and f.when and f.when.text == "2000-08-12")
    assert claim.according_to == "perez" and claim.said_when.text == "2000-08-21"
    assert "when" in claim.from_teacher
    assert checked.lesson.source.published.text == "2000-08-22"


def test_draft_passes_check_and_never_overwrites(tmp_path: Path) -> None:
    article = tmp_path / "talks.txt"
    article.write_text(
        "Orsk talks end\n\n"
        "Talks opened in Geneva in 1920, officials said.\n\n"
        '"Equal seats for unequal banks? Never," Foreign Minister Karl Weiss said.\n\n'
        "In 1921, Ivo Maric, Sudmark's envoy to the talks, proposed that the commission have equal seats.\n",
        encoding="utf-8",
    )
    out = tmp_path / "lesson" / "facts.yaml"
    result = runner.invoke(app, ["draft", str(article), "-o", str(out)])
    assert result.exit_code == 0, result.output
    checked = read_lesson(out)
    assert checked.ok, [d.render() for d in checked.diagnostics]
    kinds = sorted(f.kind for f in checked.lesson.facts)
    assert kinds == ["event", "proposal", "quote"]
    before = out.read_bytes()
    again = runner.invoke(app, ["draft", str(article), "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.stderr and out.read_bytes() == before
    assert runner.invoke(app, ["draft", str(article), "-o", str(out), "--force"]).exit_code == 0


def test_new_lesson_from_sgml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    raw = tmp_path / "wire.sgml"
    raw.write_text(
        "<DOC>\n<HEADLINE> Harbour Plan Approved </HEADLINE>\n<TEXT>\n<P>\n\tVAREL (AP) -- The council approved"
        " the plan Thursday. ``It is a promise,'' said Mayor Anna Kovacs.\n</P>\n</TEXT>\n</DOC>\n"
    )
    result = runner.invoke(app, ["new", str(raw), "--id", "harbour-plan"])
    assert result.exit_code == 0, result.output
    lesson = tmp_path / "seeds" / "harbour-plan"
    assert (lesson / "article.txt").read_text() == (
        "The council approved the plan Thursday. “It is a promise,” said Mayor Anna Kovacs.\n"
    )
    checked = read_lesson(lesson / "facts.yaml")
    assert checked.ok and checked.lesson.title == "Harbour Plan Approved"
    assert [f.said for f in checked.lesson.facts if f.kind == "quote"] == ["It is a promise"]
    assert runner.invoke(app, ["new", str(raw), "--id", "harbour-plan"]).exit_code == 2
    assert runner.invoke(app, ["new", str(raw), "--id", "Harbour Plan"]).exit_code == 2


def test_missing_or_binary_article_is_a_usage_error(tmp_path: Path) -> None:
    assert runner.invoke(app, ["draft", str(tmp_path / "none.txt")]).exit_code == 2
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    result = runner.invoke(app, ["draft", str(binary)])
    assert result.exit_code == 2 and "UTF-8" in result.stderr


def test_ids_yaml_would_misread_are_quoted_and_control_characters_dropped(tmp_path: Path) -> None:
    article = tmp_path / "talks.txt"
    article.write_text(
        'Talks end\n\n"We will not \x01sign," Foreign Minister Karl Weiss said.\n\n'
        "In 1990, Karl Weiss proposed that the banks merge.\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["new", str(article), "--id", "yes", "--seeds", str(tmp_path / "seeds")])
    assert result.exit_code == 0, result.output
    facts = tmp_path / "seeds" / "yes" / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    assert '  id: "yes"' in text and "\x01" not in text
    assert "\x01" not in (tmp_path / "seeds" / "yes" / "article.txt").read_text(encoding="utf-8")
    checked = read_lesson(facts)
    assert checked.ok, [d.render() for d in checked.diagnostics]
    assert checked.lesson is not None and checked.lesson.id == "yes"
    assert [yaml_id(word) for word in ("no", "on", "1990", "null", "putin")] == [
        '"no"',
        '"on"',
        '"1990"',
        '"null"',
        "putin",
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        " ".join(f'"Word{i}," he said.' for i in range(10_000)),  # 10,000 short quotations in one paragraph
        " ".join(f'He said "word{i} and more' for i in range(10_000)),  # 10,000 quotation marks never closed
        "x " * 200_000,  # one "sentence" of 400,000 characters
    ],
    ids=["short-quotations", "unclosed-marks", "no-full-stop"],
)
def test_pathological_paragraphs_are_drafted_in_bounded_time(paragraph: str, tmp_path: Path) -> None:
    """Each takes about a second; the quadratic drafter took minutes (the limit leaves room for a slow machine)."""
    article = tmp_path / "article.txt"
    article.write_text(f"Talks\n\n{paragraph}\n", encoding="utf-8")
    started = time.perf_counter()
    result = runner.invoke(app, ["draft", str(article), "-o", str(tmp_path / "lesson" / "facts.yaml")])
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - started < 20


def test_american_dates_spans_that_open_a_sentence_and_phrases_in_apposition() -> None:
    draft = draft_article(
        "On March 4, 1921, Governor Elsa Brandt, who had won by 900 votes, opened the new bridge.\n"
        "Between 1930 and 1934 the mill lost half its workers.\n"
        "Forty years ago this spring, the river flooded the lower town.\n"
        "On May 2, 1936, the city treasurer, Hal Osei, resigned over the accounts.\n"
        "On June 9, 1938, Mayor Tom Vale, a former miner, signed the new charter.\n"
        "In August 1939 the port director, Ida Rusk, closed the port to foreign ships.\n"
    )
    assert [(e.when, e.date.text if e.date else None, e.what) for e in draft.events] == [
        ("March 4, 1921", "1921-03-04", "Governor Elsa Brandt opened the new bridge"),  # the comma of the date
        ("Between 1930 and 1934", "1930-1934", "the mill lost half its workers"),
        ("this spring", None, "the river flooded the lower town"),  # not "Forty years ago"
        ("May 2, 1936", "1936-05-02", "Hal Osei resigned over the accounts"),
        ("June 9, 1938", "1938-06-09", "Mayor Tom Vale signed the new charter"),
        ("August 1939", "1939-08", "Ida Rusk closed the port to foreign ships"),
    ]
    roles = _roles("In May 1936 the party secretary, Lena Fox, told the General Assembly that the charter was void.\n")
    assert roles["Lena Fox"] == [("party secretary", "")]  # "told the General Assembly" is what she did


def test_professions_are_roles_and_the_subject_of_an_obituary_is_who_she_is() -> None:
    text = (
        "Nora Vance, the architect whose bridges span the Tamar, has died. She was 88.\n"
        'At the opening, the transport minister, Hugh Pell, called the Saltash bridge "a poem in steel".\n'
        "Vance was less impressed.\n"
        '"A bridge is only as good as its worst gale," she told a local paper.\n'
        "The service was led by Archbishop Leo Marsh.\n"
    )
    assert _quotes(text) == [
        ("Hugh Pell", "a poem in steel"),
        ("Nora Vance", "A bridge is only as good as its worst gale"),  # not the last speaker, Pell
    ]
    roles = _roles(text)
    assert roles["Nora Vance"] == [("architect", "")]  # not "architect whose bridges span the Tamar"
    assert roles["Leo Marsh"] == [("Archbishop", "")]


def test_a_pronoun_before_a_distant_verb_of_saying_is_the_person_the_text_is_about() -> None:
    text = (
        "The mill's chairman, Sir Amos Reddle, refused to meet the weavers.\n"
        'He later wrote in a letter, sent in 1931, that he had expected the strike "to fail within days".\n'
    )
    assert _quotes(text) == [("Sir Amos Reddle", "to fail within days")]


def test_years_in_a_post_after_a_role_and_name_or_served_as() -> None:
    roles = _roles(
        "Its first chancellor, Ada Brill of Halden, served from 1946 to 1952.\n"
        "Tom Osk served as the guild's treasurer from 1921 to 1939 and was elected mayor in 1945.\n"
        "Carthen served as a refuge from 1940 to 1944.\n"
    )
    assert roles == {
        "Ada Brill": [("first chancellor", "1946-1952")],
        "Tom Osk": [("guild's treasurer", "1921-1939")],
    }
    events = draft_article("Tom Osk served as the guild's treasurer from 1921 to 1939 and was elected mayor in 1945.\n")
    assert [(e.when, e.what) for e in events.events] == [("1945", "Tom Osk was elected mayor")]  # not the tenure


def test_a_company_after_a_role_is_not_a_person() -> None:
    roles = _roles(
        '"We cannot absorb it any longer," said Marit Solberg, chief executive of Nordlys Ferries.\n'
        "Secretary of State Dane signed the pact.\n"
    )
    assert roles == {
        "Marit Solberg": [("chief executive of Nordlys Ferries", "")],
        "Dane": [("Secretary of State", "")],  # one word after "of State" is still a name
    }


def test_a_time_after_a_participle_dates_what_the_participle_says() -> None:
    draft = draft_article(
        "The Tarn Museum has returned nine carved panels taken from Orlu in 1903, ending a long campaign.\n"
        "The guild restored the chapel built by the weavers in 1650.\n"
        "The council voted and the mayor agreed to the plan in 1921.\n"
        "Clerks reported that delegates from 40 towns signed the charter in 1930.\n"
        "The guild announced the weavers arrived in 1931.\n"
    )
    assert [(e.when, e.what) for e in draft.events] == [
        ("1903", "nine carved panels were taken from Orlu"),  # not when the museum returned them
        ("1650", "the chapel was built by the weavers"),
        ("1921", "the council voted and the mayor agreed to the plan"),  # "agreed" is the mayor's verb
        ("1930", "Clerks reported that delegates from 40 towns signed the charter"),  # "signed" has an object
        ("1931", "the guild announced the weavers arrived"),  # what the weavers did, after a verb of saying
    ]


def test_he_and_she_never_go_to_someone_whose_title_says_otherwise() -> None:
    text = (
        "Mr Tom Crane, the opposition leader, attacked the budget.\n"
        '"It is a fantasy," said Mr Crane.\n'
        "Mrs Alma Reed was unmoved.\n"
        '"We have the votes," he added.\n'  # not Mrs Reed, the subject of the sentence before
        '"And we will use them," she said.\n'
    )
    assert _quotes(text) == [
        ("Tom Crane", "It is a fantasy"),
        ("Tom Crane", "We have the votes"),
        ("Alma Reed", "And we will use them"),
    ]
    claims = draft_article(
        '"It is a fantasy," said Mr Tom Crane.\n'
        "She said on Monday that the vote had been held in 1990.\n"  # not Mr Crane's claim
        "He said on Tuesday that the budget was passed in 1991.\n"
    ).events
    assert [(e.when, e.according_to.name if e.according_to else None) for e in claims if e.date] == [
        ("1990", None),
        ("1991", "Tom Crane"),
    ]
