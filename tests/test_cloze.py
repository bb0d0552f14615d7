"""A cloze blank carries meaning: a rare word (by wordfreq), a key term of the teacher's, or the
teacher's chosen blank; never a common word such as "consider" or "supposed"."""

from __future__ import annotations

from pathlib import Path

from studygen.questions import build_questions
from studygen.questions.cloze import keyword

from .conftest import write_lesson

QUOTES = {
    "vassals": "Washington has no allies, but only vassals",
    "consider": "we should consider an option that Russia might join",
    "supposed": "What are we supposed to do now, then?",
}


def _lesson(tmp_path: Path, extra: str = "", key_terms: str = ""):
    facts = "".join(
        f"  - id: {key}\n    kind: quote\n    by: putin\n    said: '{said}'\n" for key, said in QUOTES.items()
    )
    return write_lesson(
        tmp_path / "lesson",
        " ".join(f'"{q}," Putin said.' for q in QUOTES.values()) + "\n",
        "lesson: {id: cloze, title: Cloze, source: {file: article.txt}}\n"
        "people:\n  putin: {name: Putin}\n"
        f"facts:\n{facts}{extra}" + (f"questions: {{key_terms: [{key_terms}]}}\n" if key_terms else ""),
    )


def _clozes(checked) -> tuple[dict[str, str], list]:
    assert checked.ok, [d.render() for d in checked.diagnostics]
    made = build_questions(checked.lesson, checked.contexts(), one_sheet=False)
    return {q.fact: q.answer for q in made.questions if q.kind == "cloze"}, made.diagnostics


def test_a_blank_is_a_rare_word_never_a_common_one(tmp_path: Path) -> None:
    answers, notes = _clozes(_lesson(tmp_path))
    assert answers == {"vassals": "vassals"}  # kept: a word worth recalling
    left_out = {d.message.split("'")[1] for d in notes if d.code == "question.meaning"}
    assert left_out == {"consider", "supposed"}  # rejected, each with a note: no blank worth asking
    assert keyword("we should consider an option that Russia might join") is None


def test_the_teacher_picks_a_blank_or_names_key_terms(tmp_path: Path) -> None:
    extra = (
        "  - id: chosen\n    kind: quote\n    by: putin\n"
        "    said: 'we should consider an option that Russia might join'\n"
    )
    answers, _ = _clozes(_lesson(tmp_path / "a", extra=extra.replace("said:", "blank: option\n    said:")))
    assert answers["chosen"] == "option"
    answers, _ = _clozes(_lesson(tmp_path / "b", key_terms="option"))
    assert answers["consider"] == "option"


def test_a_blank_must_be_a_word_of_the_quotation(tmp_path: Path) -> None:
    extra = (
        "  - id: wrong\n    kind: quote\n    by: putin\n    blank: treaty\n"
        "    said: 'has no allies, but only vassals'\n"
    )
    checked = _lesson(tmp_path, extra=extra)
    assert [d.code for d in checked.diagnostics if d.is_error] == ["schema.value"]


def test_about_is_left_out_when_the_quotation_says_it(tmp_path: Path) -> None:
    extra = (
        "  - id: nervous\n    kind: quote\n    by: putin\n    about: the US delegation\n"
        "    said: 'But the US delegation got very nervous'\n"
        "  - id: nato\n    kind: quote\n    by: putin\n    about: NATO\n"
        "    said: 'Washington has no allies, but only vassals'\n"
    )
    checked = write_lesson(
        tmp_path / "lesson",
        '"But the US delegation got very nervous," Putin said. '
        '"Washington has no allies, but only vassals," he said.\n',
        "lesson: {id: about, title: About, source: {file: article.txt}}\npeople:\n  putin: {name: Putin}\n"
        f"facts:\n{extra}",
    )
    questions = {q.id: q.prompt for q in build_questions(checked.lesson, checked.contexts(), one_sheet=False).questions}
    assert questions["about/nervous/attribution"] == "Who said “But the US delegation got very nervous”?"  # rejected
    assert questions["about/nato/attribution"].startswith("Who said, about NATO,")  # kept


def test_a_nul_in_a_facts_text_leaves_its_cloze_out_rather_than_misplace_the_blank(tmp_path: Path) -> None:
    """The blank's place is marked while a sentence is built; a fact whose text holds the same
    character (a "\\0" escape in the YAML) would put the blank in the wrong place."""
    article = "In 1905 the Vell assembly signed the harbour accord. In 1907 the Vell assembly opened the port.\n"
    facts = (
        "lesson: {id: vell, title: Vell, source: {file: article.txt}}\n"
        "facts:\n"
        '  - id: accord\n    kind: event\n    what: "the Vell\\0 assembly signed the harbour accord"\n'
        "    when: 1905\n    evidence: In 1905 the Vell assembly signed the harbour accord\n"
        "  - id: port\n    kind: event\n    what: the Vell assembly opened the port\n    when: 1907\n"
        "    evidence: In 1907 the Vell assembly opened the port\n"
        "questions: {skip_kinds: [when]}\n"
    )
    checked = write_lesson(tmp_path, article, facts)
    assert checked.lesson is not None
    made = build_questions(checked.lesson, checked.contexts(), one_sheet=False)
    clozes = {q.fact: q for q in made.questions if q.kind == "cloze"}
    assert set(clozes) == {"port"}  # the other fact's cloze is left out, and says why
    assert clozes["port"].prompt == "The Vell assembly opened the port in [...]." and clozes["port"].answer == "1907"
    assert any("NUL character" in d.message and d.line == 3 for d in made.diagnostics)


def test_a_quotation_the_article_gives_according_to_its_speaker_is_asked_who_said_it(tmp_path: Path) -> None:
    """`studygen draft` writes `cue: according to` for "According to X, ... 'words'": no verb to ask with."""
    article = 'According to Ada Renn, the new tolls were "a tax on every barge" that would ruin the canal.\n'
    facts = (
        "lesson: {id: renn, title: Canal tolls, source: {file: article.txt}}\n"
        "people:\n  renn: {name: Ada Renn}\n"
        "facts:\n  - id: tolls\n    kind: quote\n    by: renn\n    said: a tax on every barge\n"
        "    cue: according to\n"
    )
    checked = write_lesson(tmp_path, article, facts)
    assert checked.lesson is not None
    (question,) = [
        q
        for q in build_questions(checked.lesson, checked.contexts(), one_sheet=False).questions
        if q.kind == "attribution"
    ]
    assert question.prompt == "Who said “a tax on every barge”?"
