"""Issue 31: one sentence splitter, for the drafter and for the article passages on card backs."""

from __future__ import annotations

from studygen.article import SHORT_PARAGRAPH, Article
from studygen.sentences import sentence_spans

PARAGRAPH = (
    "The harbour board met on 3 May 1921 under its chair, Mr. Tomas Rell, and the engineer J. P. Okafor "
    "presented the plans for the new quay at No. 4 Dock. Asked whether the work could start at once, Rell "
    "answered: ‘Not yet, and perhaps not this year either; the answer today is no.’ The board adjourned. "
    "The vote on the quay came a month later. " + "The minutes record every speaker in turn. " * 6
)


def _sentences(text: str) -> list[str]:
    return [text[start:end].strip() for start, end in sentence_spans(text)]


def test_abbreviations_initials_and_numbers_do_not_end_a_sentence() -> None:
    sentences = _sentences(PARAGRAPH)
    assert sentences[0].startswith("The harbour board met") and sentences[0].endswith("at No. 4 Dock.")
    assert sentences[1].endswith("the answer today is no.’")  # a closing mark after "no." ends it
    assert sentences[2] == "The board adjourned."


def test_a_card_back_shows_the_whole_sentence_around_a_passage() -> None:
    assert len(PARAGRAPH) > SHORT_PARAGRAPH  # long enough to be cut into sentences
    article = Article(f"Heading\n\n{PARAGRAPH}\n")
    start = article.original.index("Tomas Rell")
    passage = article.passage_at(start, start + len("Tomas Rell"))
    assert passage.startswith("The harbour board met") and passage.endswith("at No. 4 Dock.")
    start = article.original.index("perhaps not")
    passage = article.passage_at(start, start + 5)
    assert passage.startswith("Asked whether") and passage.endswith("is no.’")
