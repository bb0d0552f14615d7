"""Moodle XML and GIFT as Moodle reads them (issue 27).

Every shipped lesson and the stress lesson (tests/lessons/stress: names, quotations, offices and
answers holding / & " { } ~ # = \\ * -> < > and accents) are built by the command line into Moodle
XML and GIFT, and each file is read by Moodle's own import parsers, as Moodle 4.5 and as Moodle 4.3
(without the ordering type). Each question Moodle would save is compared with the question studygen
made: type, text, answers, fractions, alternatives, points, ID number and tags; and every answer a
student types is put to Moodle's own matcher, which must accept it as the student would type it and
nothing more (a `*` in an answer is no wildcard).
"""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studygen.build import build_lessons
from studygen.cli import app
from studygen.export import LessonBuild, gift, load_exporters, moodle
from studygen.export.classroom import PLACES_PROMPT, bank_id, feedback, question_tags, title
from studygen.lessons import read_lesson
from studygen.model import Lesson
from studygen.questions import Question, QuestionSet, build_questions
from studygen.questions.shapes import Blank, ClozeText, Shape

from .conftest import ROOT
from .moodle import FORMAT_HTML, FORMAT_PLAIN, moodle_accepts_all, moodle_import, moodle_import_errors
from .test_safe_outputs import DROPPED, _around_gap, _hostile_question, _runs, as_plain, one_line

STRESS = ROOT / "tests" / "lessons" / "stress"
LESSONS = {path.parent.name: path.parent for path in sorted((ROOT / "seeds").glob("*/facts.yaml"))} | {"stress": STRESS}
VERSIONS = pytest.mark.parametrize("moodle_4_3", [False, True], ids=["moodle-4.5", "moodle-4.3"])


def _lesson(lesson_id: str) -> tuple[Lesson, list[Question]]:
    checked = read_lesson(LESSONS[lesson_id] / "facts.yaml")
    assert checked.lesson is not None
    return checked.lesson, build_questions(checked.lesson, checked.contexts()).questions


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """The Moodle XML and GIFT files of every lesson, built by the command line as a teacher would, by
    default and with `--moodle-version 4.5`: each build's folder and its notes."""
    builds = {}
    for name, options in (("default", []), ("4.5", ["--moodle-version", "4.5"])):
        out = tmp_path_factory.mktemp(name.replace(".", "-"))
        arguments = [
            "--verbose",
            "build",
            "-f",
            "moodle",
            "gift",
            *options,
            "-o",
            str(out),
            *map(str, LESSONS.values()),
        ]
        result = CliRunner().invoke(app, arguments)
        assert result.exit_code == 0, result.stderr
        builds[name] = out, result.stderr
    return builds


def _file(built: dict[str, tuple[Path, str]], build: str, lesson_id: str, kind: str) -> Path:
    extension = "moodle.xml" if kind == "xml" else "gift.txt"
    return built[build][0] / lesson_id / f"{lesson_id}.{extension}"


class Typed:
    """What students type, and the answers Moodle stored, to put to Moodle's matcher all at once."""

    def __init__(self) -> None:
        self.accepted: list[tuple[str, str]] = []
        self.rejected: list[tuple[str, str]] = []

    def expect(self, answers: list[str], stored: list[str]) -> None:
        """Each answer, typed as plain text, is accepted by the answer stored in its place; the answer
        with more after it is not, nor with a letter where it has a star (a wildcard would take it)."""
        assert len(stored) == len(answers), (answers, stored)
        for answer, kept in zip(answers, stored, strict=True):
            typed = one_line(answer)
            self.accepted.append((typed, kept))
            self.rejected.append((typed + " and more", kept))
            if "*" in typed:
                self.rejected.append((typed.replace("*", "x"), kept))

    def check(self) -> None:
        assert self.accepted, "no answer was typed"
        verdicts = moodle_accepts_all(self.accepted + self.rejected)
        wrong = [pair for pair, ok in zip(self.accepted, verdicts, strict=False) if not ok]
        wrong += [pair for pair, ok in zip(self.rejected, verdicts[len(self.accepted) :], strict=True) if ok]
        assert not wrong, wrong


def _sentence_case(text: str) -> None:
    """The sentence starts with its gap or with a capital letter."""
    first = re.search(r"\{#\d+\}|_____|[^\W\d_]", text)
    assert first is not None and (first[0][0] in "{_" or first[0].isupper()), text


def _cloze_answers(blank: Blank) -> list[str]:
    return [blank.answer, *blank.alternatives]


# -- Moodle XML --------------------------------------------------------------------------------------


def _check_xml(got: dict, question: Question, lesson: Lesson, typed: Typed, native_ordering: bool) -> None:
    """Moodle's question `got` is `question` as intended."""
    assert got["name"] == title(question)
    assert got["idnumber"] == bank_id(question, 100)
    assert got["tags"] == question_tags(lesson, question)
    assert html.unescape(got["generalfeedback"]) == as_plain(feedback(question))
    text = html.unescape(got["questiontext"])
    assert got["questiontextformat"] == FORMAT_HTML
    shape = question.shape
    if shape is Shape.CLOZE:
        assert got["qtype"] == "multianswer"
        gaps = iter(range(1, len(question.cloze.blanks) + 1))
        parts = [f"{{#{next(gaps)}}}" if isinstance(p, Blank) else as_plain(p) for p in question.cloze.parts]
        assert text == "".join(parts)
        _sentence_case(text)
        assert got["defaultmark"] == len(question.cloze.blanks)  # a point a gap
        stored = list(got["options"]["questions"].values())
        assert len(stored) == len(question.cloze.blanks)
        for gap, blank in zip(stored, question.cloze.blanks, strict=True):
            assert (gap["qtype"], gap["usecase"], gap["defaultmark"]) == ("shortanswer", 0, "1")
            assert gap["fraction"] == ["1"] * len(_cloze_answers(blank))
            typed.expect(_cloze_answers(blank), gap["answer"])
        return
    assert float(got["defaultmark"]) == 1
    if shape is Shape.ORDERING and not native_ordering:
        assert (got["qtype"], text) == ("match", as_plain(question.prompt + PLACES_PROMPT))
        places = {event.label: str(n) for n, event in enumerate(question.sequence, 1)}
        assert [html.unescape(s["text"]) for s in got["subquestions"]] == list(question.items)
        assert got["subanswers"] == [places[label] for label in question.items]
        return
    assert text == as_plain(question.prompt)
    if shape is Shape.CHOICE:
        assert (got["qtype"], got["single"]) == ("multichoice", 1)
        assert [html.unescape(a["text"]) for a in got["answer"]] == [as_plain(c) for c in question.choices]
        assert got["fraction"] == [int(i == question.correct) for i in range(len(question.choices))]
    elif shape is Shape.SHORT:
        assert (got["qtype"], got["usecase"]) == ("shortanswer", "0")
        assert got["fraction"] == [1] * (1 + len(question.alternatives))
        typed.expect([question.answer, *question.alternatives], got["answer"])
    elif shape is Shape.MATCHING:
        assert got["qtype"] == "match"
        assert [html.unescape(s["text"]) for s in got["subquestions"]] == [as_plain(m.prompt) for m in question.matches]
        assert got["subanswers"] == [as_plain(m.answer) for m in question.matches]
    else:
        assert shape is Shape.ORDERING and got["qtype"] == "ordering"
        assert [html.unescape(a["text"]) for a in got["answer"]] == [e.label for e in question.sequence]
        assert got["fraction"] == [1] * len(question.sequence)


@VERSIONS
@pytest.mark.parametrize("lesson_id", LESSONS)
def test_moodle_xml_imports_every_question_as_intended(built, lesson_id: str, moodle_4_3: bool) -> None:
    """By default the file imports whole into Moodle 4.3 as into 4.5: orderings as matching."""
    lesson, questions = _lesson(lesson_id)
    read = moodle_import("xml", _file(built, "default", lesson_id, "xml"), moodle_4_3=moodle_4_3)
    assert [q["name"] for q in read] == [title(q) for q in questions]
    typed = Typed()
    for got, question in zip(read, questions, strict=True):
        _check_xml(got, question, lesson, typed, native_ordering=False)
    if not moodle_4_3:  # the matcher is the same in both
        typed.check()


@pytest.mark.parametrize("lesson_id", [lesson for lesson in LESSONS if lesson != "russia-nato"])
def test_moodle_xml_for_moodle_4_4_and_later_writes_the_ordering_type(built, lesson_id: str) -> None:
    """`--moodle-version 4.5`: Moodle's own ordering type, which Moodle 4.3 does not know (its import
    stops at it): the reason it is not the default."""
    lesson, questions = _lesson(lesson_id)
    path = _file(built, "4.5", lesson_id, "xml")
    read = moodle_import("xml", path)
    assert [q["name"] for q in read] == [title(q) for q in questions]
    typed = Typed()
    for got, question in zip(read, questions, strict=True):
        _check_xml(got, question, lesson, typed, native_ordering=True)
    assert "ordering" in {q["qtype"] for q in read}
    assert moodle_import_errors("xml", path, moodle_4_3=True) == sum(q.shape is Shape.ORDERING for q in questions)


def test_the_default_build_says_how_to_get_the_ordering_type(built) -> None:
    notes = built["default"][1]
    _, questions = _lesson("stress")
    count = sum(q.shape is Shape.ORDERING for q in questions)
    assert count == 1
    assert (
        "note: 1 ordering question is written in the Moodle XML file as matching (each event to its place, 1 the "
        "earliest), which every Moodle imports" in " ".join(notes.split())
    )
    assert "build with --moodle-version 4.4" in notes
    assert "moodle.ordering-as-matching" not in built["4.5"][1]


@pytest.mark.parametrize("version", ["4", "4.x", "four", "4.5.1", "", "100.1"])
def test_a_moodle_version_that_is_none_is_refused(version: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["build", str(STRESS), "-f", "moodle", "--moodle-version", version, "-o", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert f"--moodle-version must be a Moodle release such as 4.3 or 4.5, not {version!r}" in result.stderr
    assert not (tmp_path / "stress").exists()


@pytest.mark.parametrize(("version", "native"), [("4.3", False), ("4.4", True), ("3.11", False), ("5.0", True)])
def test_the_ordering_type_from_moodle_4_4(version: str, native: bool, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["build", str(STRESS), "-f", "moodle", "--moodle-version", version, "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.stderr
    types = {q["qtype"] for q in moodle_import("xml", tmp_path / "stress" / "stress.moodle.xml", moodle_4_3=not native)}
    assert ("ordering" in types) is native


# -- GIFT -------------------------------------------------------------------------------------------


def _typed_arrow(question: Question) -> bool:
    """Whether a typed answer holds `->`, which GIFT reads as a matching pair."""
    if question.shape is Shape.SHORT:
        return any("->" in a for a in (question.answer, *question.alternatives))
    return question.shape is Shape.CLOZE and any("->" in a for b in question.cloze.blanks for a in _cloze_answers(b))


def _check_gift(got: dict, question: Question, lesson: Lesson, typed: Typed) -> None:
    assert got["name"] == title(question)
    assert got["idnumber"] == bank_id(question, 100)
    assert got["tags"] == question_tags(lesson, question)
    assert (got["defaultmark"], got["questiontextformat"]) == (1, FORMAT_PLAIN)
    assert got["generalfeedback"] == one_line(feedback(question))
    shape = question.shape
    if shape is Shape.CLOZE:
        before, after = _around_gap(question)
        assert got["qtype"] == "shortanswer"
        assert got["questiontext"] == (_runs(before) + "_____" + _runs(after)).strip()
        _sentence_case(got["questiontext"])
        typed.expect(_cloze_answers(question.cloze.blanks[0]), got["answer"])
        return
    prompt = question.prompt + (PLACES_PROMPT if shape is Shape.ORDERING else "")
    assert got["questiontext"] == one_line(prompt)
    if shape is Shape.CHOICE:
        assert got["qtype"] == "multichoice"
        assert [(a["text"], a["format"]) for a in got["answer"]] == [
            (one_line(c), FORMAT_PLAIN) for c in question.choices
        ]
        assert got["fraction"] == [int(i == question.correct) for i in range(len(question.choices))]
    elif shape is Shape.SHORT:
        assert got["qtype"] == "shortanswer"
        assert got["fraction"] == [1] * (1 + len(question.alternatives))
        typed.expect([question.answer, *question.alternatives], got["answer"])
    else:
        if shape is Shape.MATCHING:
            pairs = [(m.prompt, m.answer) for m in question.matches]
        else:
            places = {event.label: str(n) for n, event in enumerate(question.sequence, 1)}
            pairs = [(label, places[label]) for label in question.items]
        assert got["qtype"] == "match"
        for sub, (left, _) in zip(got["subquestions"], pairs, strict=True):  # `->` only as HTML, shown the same
            shown = html.unescape(sub["text"]) if sub["format"] == FORMAT_HTML else sub["text"]
            assert (shown, sub["format"]) == (one_line(left), FORMAT_HTML if "->" in left else FORMAT_PLAIN)
        assert got["subanswers"] == [one_line(right) for _, right in pairs]


@VERSIONS
@pytest.mark.parametrize("lesson_id", LESSONS)
def test_gift_imports_every_question_as_intended(built, lesson_id: str, moodle_4_3: bool) -> None:
    """Every question but one whose typed answer holds `->` (left out with a note) comes back whole,
    with its id and tags from the comment above it."""
    lesson, questions = _lesson(lesson_id)
    path = _file(built, "default", lesson_id, "gift")
    read = moodle_import("gift", path, moodle_4_3=moodle_4_3)
    written = [q for q in questions if not _typed_arrow(q)]
    assert [q["name"] for q in read] == [title(q) for q in written]
    typed = Typed()
    for got, question in zip(read, written, strict=True):
        _check_gift(got, question, lesson, typed)
    if not moodle_4_3:
        typed.check()
    notes = " ".join(built["default"][1].split())
    for question in questions:
        if question not in written:
            assert f"question {question.id} is left out of the GIFT file: '->' in a typed answer" in notes


def test_the_stress_lesson_carries_what_it_is_for() -> None:
    """Every shape, answers with each character Moodle reads as syntax, the matching quotation with
    `->` that GIFT now writes, and the one reply GIFT cannot."""
    _, questions = _lesson("stress")
    assert {q.shape for q in questions} == set(Shape)
    answers = {a for q in questions if q.cloze for b in q.cloze.blanks for a in _cloze_answers(b)}
    assert {"K*R*A", "the Vend/Ostra Commission", 'Tomáš "Tom" Hájek', "~", "7\\B"} <= answers
    assert [q.id for q in questions if _typed_arrow(q)] == ["stress/pier-rebuilt/response"]
    (matching,) = [q for q in questions if q.shape is Shape.MATCHING]
    assert sum("->" in m.prompt for m in matching.matches) == 1
    assert any(q.cloze and not _around_gap(q)[0] for q in questions)  # a sentence opening on its gap
    assert max(len(q.prompt) for q in questions) > 300


# -- Each defect, on one question --------------------------------------------------------------------


def _export(
    format_name: str, question: Question, tmp_path: Path, lesson: Lesson | None = None
) -> tuple[Path, list[str]]:
    """One question exported as `format_name` from the stress lesson (or `lesson`): the file and the notes."""
    lesson = lesson or _lesson("stress")[0]
    build = LessonBuild(lesson, QuestionSet([question]), tmp_path, 0)
    (output,) = load_exporters()[format_name].export(build)
    path = tmp_path / output.name
    path.write_bytes(output.data)
    return path, [note.message for note in build.notes]


def _stress_question(shape: Shape) -> Question:
    _, questions = _lesson("stress")
    return next(q for q in questions if q.shape is shape)


def test_gift_writes_a_matching_quotation_holding_an_arrow(tmp_path: Path) -> None:
    """Moodle splits a pair at its first `->`: the quotation is written as HTML, `>` as `&gt;`."""
    question = _stress_question(Shape.MATCHING)
    (got,) = moodle_import("gift", _export("gift", question, tmp_path)[0])
    arrow = next(i for i, m in enumerate(question.matches) if "->" in m.prompt)
    assert got["subquestions"][arrow] == {
        "text": "“Port -&gt; port, ship -&gt; ship: that is how the sea keeps its promises”",
        "format": FORMAT_HTML,
        "files": [],
    }
    assert got["subanswers"] == [m.answer for m in question.matches]


def test_two_gaps_print_no_blank_object(tmp_path: Path) -> None:
    """A sentence of two gaps: two gaps in Moodle XML, each a point; left out of GIFT with a note."""
    question = _hostile_question(
        Shape.CLOZE, cloze=ClozeText(("In ", Blank("1961", ("61",)), ", ", Blank("K*R*A"), " spoke."))
    )
    path, _ = _export("moodle", question, tmp_path)
    assert b"Blank(" not in path.read_bytes()
    (got,) = moodle_import("xml", path)
    assert (html.unescape(got["questiontext"]), got["defaultmark"]) == ("In {#1}, {#2} spoke.", 2)
    first, second = got["options"]["questions"].values()
    assert (first["answer"], second["answer"]) == (["1961", "61"], ["K\\*R\\*A"])
    path, notes = _export("gift", question, tmp_path)
    assert "Blank(" not in path.read_text(encoding="utf-8")
    assert notes == [f"question {question.id} is left out of the GIFT file: it has 2 gaps, and GIFT asks one"]


def test_a_long_question_id_gives_a_stable_id_number_of_100_characters() -> None:
    question = _stress_question(Shape.CHOICE)
    long = Question(**{**{f: getattr(question, f) for f in question.__slots__}, "id": "stress/" + "x" * 120 + "/when"})
    other = Question(
        **{**{f: getattr(question, f) for f in question.__slots__}, "id": "stress/" + "x" * 120 + "/cloze"}
    )
    assert len(bank_id(long, 100)) == 100 and bank_id(long, 100).startswith("stress/xxx")
    assert bank_id(long, 100) == bank_id(long, 100) != bank_id(other, 100)
    exact = Question(**{**{f: getattr(question, f) for f in question.__slots__}, "id": "s/" + "y" * 98})
    assert bank_id(exact, 100) == exact.id


def test_tags_over_moodles_limit_are_named_in_a_note(tmp_path: Path) -> None:
    """Moodle cuts a tag at 50 characters: one of 51 is written whole and named in a note, one of 50 is not."""
    question = _stress_question(Shape.CHOICE)
    lesson, _ = _lesson("stress")
    long = "t" * 51
    path, notes = _export("moodle", question, tmp_path, dataclasses.replace(lesson, tags=(long, "u" * 50)))
    (got,) = moodle_import("xml", path)
    assert got["tags"] == sorted(["stress", long, "u" * 50])
    assert notes == [f"Moodle keeps the first 50 characters of a tag: {long} will be cut there"]


# -- One escaping function per format, over every character of the stress lesson ----------------------

STRESS_TEXT = (STRESS / "article.txt").read_text(encoding="utf-8") + (STRESS / "facts.yaml").read_text(encoding="utf-8")
CONTROLS = "\x00\x01\x08\x0b\x1b\x1f\ufffe\uffff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
# Every character the stress lesson holds, one of each, then the controls: a word of them.
EVERY = "".join(sorted(set(STRESS_TEXT) - {"\n"})).strip() + CONTROLS


def test_every_character_is_written_and_read_back_by_each_escaping_function(tmp_path: Path) -> None:
    assert {*'/&"{}~#=\\*-><', "á", "Ø"} <= set(EVERY)
    text = f"Say {EVERY} -> {EVERY}"
    question = _hostile_question(Shape.CHOICE, prompt=text, choices=(text, "b"), correct=0)
    (got,) = moodle_import("xml", _export("moodle", question, tmp_path)[0])
    assert html.unescape(got["questiontext"]) == html.unescape(got["answer"][0]["text"]) == as_plain(text)
    assert moodle.html_text("<b>&amp;") == "&lt;b&gt;&amp;amp;"
    (got,) = moodle_import("gift", _export("gift", question, tmp_path)[0])
    assert got["questiontext"] == got["answer"][0]["text"] == one_line(text)
    typed = Typed()
    answer = one_line(as_plain(EVERY))
    for shape, cloze in ((Shape.SHORT, None), (Shape.CLOZE, ClozeText(("Said ", Blank(answer, (answer + "!",)), ".")))):
        question = _hostile_question(shape, answer=answer, alternatives=(answer + "!",), cloze=cloze)
        for kind, name in (("xml", "moodle"), ("gift", "gift")):
            (got,) = moodle_import(kind, _export(name, question, tmp_path)[0])
            stored = got["options"]["questions"]["1"]["answer"] if got["qtype"] == "multianswer" else got["answer"]
            typed.expect([answer, answer + "!"], stored)
    typed.check()
    assert not DROPPED & set(answer)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("a}b~c#d{e\\f", "a&#125;b&#126;c&#35;d&#123;e&#92;f"),
        ("A&", "A&#38;"),  # `&amp;` before `~` or `}` would keep the answer from ending there
        ("<i>", "&#60;i&#62;"),
        ("K*R*A", "K\\*R\\*A"),
        ('Tom "Ike"/x', 'Tom "Ike"/x'),
    ],
)
def test_cloze_answer_escaping(text: str, written: str) -> None:
    assert moodle.cloze_answer(text) == written


def test_a_cloze_answer_ending_in_an_ampersand_ends_there(tmp_path: Path) -> None:
    question = _hostile_question(Shape.CLOZE, cloze=ClozeText(("Paid by ", Blank("Ames &", ("Ames",)), " {x}.")))
    (got,) = moodle_import("xml", _export("moodle", question, tmp_path)[0])
    assert html.unescape(got["questiontext"]) == "Paid by {#1} {x}."
    (gap,) = got["options"]["questions"].values()
    assert gap["answer"] == ["Ames &", "Ames"]


def test_gift_escaping() -> None:
    assert gift.escape('a~b=c#d{e}f:g\\h "i" /j *k ->l <m> &n') == 'a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h "i" /j *k ->l <m> &n'
    assert gift.left_side("a -> b & <c>") == "[html]a -&gt; b &amp; &lt;c&gt;"
    assert gift.left_side("a - > b") == "a - > b"


def test_the_python_api_refuses_a_moodle_version_that_is_none(tmp_path: Path) -> None:
    lesson, questions = _lesson("stress")
    with pytest.raises(ValueError) as raised:
        build_lessons([(lesson, QuestionSet(questions))], tmp_path, ["moodle"], options={"moodle_version": "4"})
    assert str(raised.value) == "--moodle-version must be a Moodle release such as 4.3 or 4.5, not '4'"
    assert not (tmp_path / "stress").exists()
