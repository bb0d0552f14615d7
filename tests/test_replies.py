"""A reported reaction is not a reply: "Baker dismissed it as a 'dream'" never becomes Baker's words."""

from __future__ import annotations

from pathlib import Path

from studygen.questions import build_questions

from .conftest import write_lesson

ARTICLE = (
    "In 1990, Gorbachev proposed that the Soviet Union might join NATO, "
    'a possibility that Baker dismissed as a "dream."\n'
    'In 2000, Putin proposed to Clinton that Russia might join NATO. Clinton replied, "Why not?"\n'
)


def _lesson(tmp_path: Path, baker_reply: str):
    people = "".join(
        f"  {pid}: {{name: {name}, from_teacher: [name], aliases: [{alias}]}}\n"
        for pid, name, alias in [("gorbachev", "Mikhail Gorbachev", "Gorbachev"), ("baker", "James Baker", "Baker"),
                                 ("putin", "Vladimir Putin", "Putin"), ("clinton", "Bill Clinton", "Clinton")]
    )  # fmt: skip
    return write_lesson(
        tmp_path / "lesson",
        ARTICLE,
        "lesson: {id: replies, title: Replies, source: {file: article.txt}}\n"
        f"people:\n{people}"
        "facts:\n"
        "  - id: gorbachev-bid\n    kind: proposal\n    by: gorbachev\n"
        "    what: that the Soviet Union might join NATO\n    when: 1990\n"
        f"    reply: {baker_reply}\n"
        "    evidence: In 1990, Gorbachev proposed that the Soviet Union might join NATO\n"
        "  - id: putin-asks\n    kind: proposal\n    by: putin\n    to: clinton\n"
        "    what: that Russia might join NATO\n    when: 2000\n"
        '    reply: {by: clinton, said: "Why not?"}\n'
        "    evidence: In 2000, Putin proposed to Clinton that Russia might join NATO\n",
    )


def test_a_reaction_is_asked_as_a_reaction_and_a_reply_as_words(tmp_path: Path) -> None:
    checked = _lesson(tmp_path, '{by: baker, reaction: dismissed the idea as a "dream"}')
    assert checked.ok, [d.render() for d in checked.diagnostics]
    questions = {q.id: q for q in build_questions(checked.lesson, checked.contexts(), one_sheet=False).questions}
    reaction = questions["replies/gorbachev-bid/response"]
    assert reaction.prompt == (
        "How did James Baker respond when Mikhail Gorbachev proposed in 1990 that the Soviet Union might join NATO?"
    )
    assert reaction.answer == 'dismissed the idea as a "dream"'
    assert "reply" not in reaction.prompt and not reaction.choices  # rejected: Baker's "reply"
    reply = questions["replies/putin-asks/response"]  # kept: Clinton's words
    assert reply.prompt.startswith("What was Bill Clinton's reply") and reply.answer == "“Why not?”"
    for question in questions.values():  # the word "dream" is nobody's quotation
        assert "“dream”" not in question.choices


def test_a_reply_needs_words_or_a_reaction_but_not_both(tmp_path: Path) -> None:
    both = _lesson(tmp_path, '{by: baker, said: dream, reaction: dismissed it as a "dream"}')
    assert [d.code for d in both.diagnostics if d.is_error] == ["schema.reply"]
    assert "both 'said' and 'reaction'" in both.diagnostics[0].message


def test_the_quoted_words_of_a_reaction_must_be_the_articles(tmp_path: Path) -> None:
    checked = _lesson(tmp_path, '{by: baker, reaction: dismissed the idea as a "fantasy"}')
    errors = [d for d in checked.diagnostics if d.is_error]
    assert [d.code for d in errors] == ["ground.quote-not-found"] and "fantasy" in errors[0].message
