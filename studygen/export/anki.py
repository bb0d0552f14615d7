"""The Anki exporter: one .apkg per lesson that students can re-import to get corrections.

Anki's rules (DESIGN.md, Output): notes match on GUID, so GUIDs come from the question
id (lesson, fact, kind); a matched note is updated only when newer, so each note's time
comes from the manifest; note types have fixed ids and a version in their name.
"""

from __future__ import annotations

import functools
import hashlib
import html
import io
import itertools
import re
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import genanki

from ..files import OutputError
from ..model import Lesson
from ..questions import Question
from . import LessonBuild, Output, exporter
from .manifest import MANIFEST_NAME, Entry, content_hash, manifest_bytes, read_manifest, stamp

CSS = """\
.card { --ink: #1d1d1f; --muted: #5f6368; --accent: #1a5fb4; --ok: #1e7b34; --line: #d0d0d6;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 20px; line-height: 1.45;
  color: var(--ink); background: #fff; text-align: left; max-width: 40em; margin: 0 auto; padding: 0 .5em; }
.card.nightMode, .nightMode .card, .night_mode .card { --ink: #e8e8ea; --muted: #a8abb2; --accent: #8ab4f8;
  --ok: #81c995; --line: #4a4a52; background: #1f1f23; }
.skill { font-size: .7em; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
.question { font-weight: 600; margin: .3em 0 .6em; }
ol.choices { list-style: upper-alpha; padding-left: 1.6em; }
ol.choices li { margin: .2em 0; }
ol.choices li.correct { color: var(--ok); font-weight: 700; }
ol.choices li.correct::after { content: " \\2713"; }
ol.items { padding-left: 1.6em; }
.answer { font-size: 1.1em; color: var(--ok); font-weight: 700; }
.account { display: inline-block; margin-top: .4em; font-size: .8em; color: var(--accent); }
blockquote.context { margin: .8em 0; padding-left: .7em; border-left: 3px solid var(--line); font-size: .85em; }
.source { font-size: .7em; color: var(--muted); }
table.pairs { border-collapse: collapse; font-size: .85em; }
table.pairs td { border-top: 1px solid var(--line); padding: .2em .4em; vertical-align: top; }
.cloze { font-weight: 700; color: var(--accent); }
"""

_BACK_DETAILS = (
    '{{#Account}}<div class="account">{{Account}}</div>{{/Account}}'
    '{{#Context}}<blockquote class="context">{{Context}}</blockquote>{{/Context}}'
    '<div class="source">{{Source}}</div>'
)

# Fixed ids: changing a model's fields means a new id and a new version in its name,
# or students' collections would hold two incompatible note types under one id.
QA_MODEL = genanki.Model(
    1_733_100_001,
    "studygen Q/A v1",
    fields=[{"name": n} for n in ("Question", "Answer", "Context", "Source", "Skill", "Account")],
    templates=[
        {
            "name": "Card 1",
            "qfmt": '<div class="skill">{{Skill}}</div><div class="question">{{Question}}</div>',
            "afmt": '{{FrontSide}}<hr id="answer"><div class="answer">{{Answer}}</div>' + _BACK_DETAILS,
        }
    ],
    css=CSS,
)
CHOICE_MODEL = genanki.Model(
    1_733_100_002,
    "studygen Multiple choice v1",
    fields=[
        {"name": n} for n in ("Question", "Choices", "ChoicesMarked", "Answer", "Context", "Source", "Skill", "Account")
    ],
    templates=[
        {
            "name": "Card 1",
            "qfmt": '<div class="skill">{{Skill}}</div><div class="question">{{Question}}</div>{{Choices}}',
            # The back marks the correct choice in the HTML itself: no JavaScript, so it works
            # the same in Anki desktop, AnkiDroid and AnkiMobile.
            "afmt": '<div class="skill">{{Skill}}</div><div class="question">{{Question}}</div>{{ChoicesMarked}}'
            '<hr id="answer"><div class="answer">{{Answer}}</div>' + _BACK_DETAILS,
        }
    ],
    css=CSS,
)
CLOZE_MODEL = genanki.Model(
    1_733_100_003,
    "studygen Cloze v1",
    fields=[{"name": n} for n in ("Text", "Context", "Source", "Skill", "Account")],
    templates=[
        {
            "name": "Cloze",
            "qfmt": '<div class="skill">{{Skill}}</div>{{cloze:Text}}',
            "afmt": '<div class="skill">{{Skill}}</div>{{cloze:Text}}<hr id="answer">' + _BACK_DETAILS,
        }
    ],
    css=CSS,
    model_type=genanki.Model.CLOZE,
)
MODELS = (QA_MODEL, CHOICE_MODEL, CLOZE_MODEL)

# Anki stores a package's timestamp in model and card rows; a fixed one keeps builds
# byte-identical. Note times come from the manifest instead.
PACKAGE_EPOCH = 1_733_000_000
_NOT_TAG = re.compile(r"[^\w:-]")


# Anki reads its own syntax inside field text: cloze markers, sound and LaTeX tags, and
# MathJax delimiters. A fact that quotes such text must show it, not run it.
_ANKI_SYNTAX = re.compile(r"[{}]|\[(?=sound:|/?latex\]|/?\$\$?\]|/?anki:)|\\(?=[()\[\]])")
_ANKI_SAFE = {"{": "&#123;", "}": "&#125;", "[": "&#91;", "\\": "\\\u2060"}  # word joiner breaks \( for MathJax


@functools.lru_cache(maxsize=65_536)
def _e(text: str) -> str:
    """HTML-escape text for a field, and neutralise Anki's own syntax in it (cached: names, years and
    the source recur in every note)."""
    return _ANKI_SYNTAX.sub(lambda m: _ANKI_SAFE[m.group()], html.escape(text, quote=False))


def _stable_id(text: str, low: int = 1 << 30, high: int = 1 << 31) -> int:
    value = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")
    return low + value % (high - low)


@functools.lru_cache(maxsize=4096)
def _tag(text: str) -> str:
    """An Anki tag: no spaces or punctuation other than '-', '_' and the '::' of hierarchies."""
    return _NOT_TAG.sub("-", text.strip()).strip("-")


def _choices_html(question: Question, marked: bool) -> str:
    items = []
    for index, choice in enumerate(question.choices):
        css = ' class="correct"' if marked and index == question.correct else ""
        items.append(f"<li{css}>{_e(choice)}</li>")
    return f'<ol class="choices">{"".join(items)}</ol>'


def _question_html(question: Question) -> str:
    body = _e(question.prompt)
    if question.kind == "matching":
        quotes = "".join(f"<li>{_e(left)}</li>" for left, _ in question.pairs)
        speakers = ", ".join(_e(s) for s in sorted({right for _, right in question.pairs}))
        return f'{body}<ol class="items">{quotes}</ol><div>Speakers: {speakers}</div>'
    if question.items:
        return body + '<ol class="items" type="a">' + "".join(f"<li>{_e(i)}</li>" for i in question.items) + "</ol>"
    return body


def _answer_html(question: Question) -> str:
    if question.answer_type == "pairs":
        rows = "".join(f"<tr><td>{_e(left)}</td><td>{_e(right)}</td></tr>" for left, right in question.pairs)
        return f'<table class="pairs">{rows}</table>'
    if question.answer_type == "order":
        return "<ol>" + "".join(f"<li>{_e(when)}: {_e(label)}</li>" for when, label in question.pairs) + "</ol>"
    if question.choices:
        return f"{'ABCD'[question.correct or 0]}. {_e(question.answer)}"
    return _e(question.answer)


def _cloze_html(question: Question) -> str:
    before, rest = question.cloze.split("{{c1::", 1)
    answer, after = rest.split("}}", 1)
    return f"{_e(before)}{{{{c1::{_e(answer).replace('::', ':&#58;')}}}}}{_e(after)}"


def note_model(question: Question) -> genanki.Model:
    """The note type of a question."""
    if question.kind == "cloze" and question.cloze:
        return CLOZE_MODEL
    return CHOICE_MODEL if question.choices else QA_MODEL


def note_fields(question: Question) -> tuple[genanki.Model, list[str]]:
    """The note type and the escaped HTML fields of a question."""
    model = note_model(question)
    account = f"According to {_e(question.according_to)}" if question.according_to else ""
    details = [_e(question.context), _e(question.source), _e(question.skill), account]
    if model is CLOZE_MODEL:
        return model, [_cloze_html(question), *details]
    if model is CHOICE_MODEL:
        return model, [
            _question_html(question),
            _choices_html(question, marked=False),
            _choices_html(question, marked=True),
            _answer_html(question),
            *details,
        ]
    return model, [_question_html(question), _answer_html(question), *details]


def note_tags(lesson: Lesson, fact_tags: dict[str, tuple[str, ...]], question: Question) -> list[str]:
    """Tags: the lesson's, its facts', and kind, skill and people as `kind::`, `skill::`, `person::`."""
    tags = [
        lesson.id,
        *lesson.tags,
        *(t for fact_id in question.facts for t in fact_tags.get(fact_id, ())),
        f"kind::{question.kind}",
        f"skill::{question.skill}",
        *(f"person::{p}" for p in question.people),
    ]
    return sorted({tag for tag in map(_tag, tags) if tag})


class _TimedNote(genanki.Note):
    """A note that writes its own modification time rather than the package's."""

    def __init__(self, mod: int, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.mod = mod

    def write_to_db(self, cursor, timestamp, deck_id, id_gen):  # type: ignore[no-untyped-def]
        super().write_to_db(cursor, self.mod, deck_id, id_gen)


def _write_apkg(deck: genanki.Deck, notes: Iterator[genanki.Note], first_id: int) -> bytes:
    """genanki's package, with fixed ids and zip dates so the same notes give the same bytes.

    The deck is written without notes, then each note as it is made: a 100,000-fact lesson
    has 270,000 notes, which held in memory together would take most of a gigabyte. The
    rows are the ones genanki's Deck would write, in the same order.
    """
    ids = itertools.count(first_id)
    with tempfile.TemporaryDirectory(prefix="studygen-anki-") as folder:
        db_path = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(db_path)
        try:
            cursor = connection.cursor()
            genanki.Package(deck).write_to_db(cursor, PACKAGE_EPOCH, ids)
            for note in notes:
                note.write_to_db(cursor, PACKAGE_EPOCH, deck.deck_id, ids)
            connection.commit()
        except sqlite3.OperationalError as exc:  # a full or failing disk under the temporary folder
            raise OutputError(
                f"cannot write {db_path}: {exc} (free some space, or set TMPDIR to another folder)"
            ) from None
        finally:
            connection.close()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            info = zipfile.ZipInfo("collection.anki2", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.file_size = db_path.stat().st_size
            with db_path.open("rb") as source, archive.open(info, "w") as target:
                shutil.copyfileobj(source, target, 1 << 20)
            media = zipfile.ZipInfo("media", date_time=(1980, 1, 1, 0, 0, 0))
            media.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(media, b"{}")
    return buffer.getvalue()


def apkg_name(lesson_id: str) -> str:
    return f"{lesson_id}.apkg"


@exporter("anki", "Anki deck (.apkg) that updates in place on re-import, with its note-time manifest")
def export_anki(build: LessonBuild) -> list[Output]:
    lesson = build.lesson
    previous = read_manifest(build.out_dir / MANIFEST_NAME)
    deck = genanki.Deck(
        _stable_id(f"studygen deck {lesson.id}"),
        lesson.deck,  # validation defaults it to the title
        description=_e(f"{lesson.title}. Source: {lesson.source.citation()}. Made with studygen."),
    )
    entries: dict[str, Entry] = {}
    fact_tags = {fact.id: fact.tags for fact in lesson.facts}
    questions = build.questions.questions
    for question in questions:  # note types in order of first use, as genanki's Deck would list them
        deck.add_model(note_model(question))

    def notes() -> Iterator[genanki.Note]:
        for question in questions:
            model, fields = note_fields(question)
            tags = note_tags(lesson, fact_tags, question)
            guid = genanki.guid_for(question.id)
            entry = stamp(previous, guid, content_hash(str(model.model_id), *fields, *tags), build.now)
            entries[guid] = entry
            yield _TimedNote(entry.mod, model=model, fields=fields, tags=tags, guid=guid)

    data = _write_apkg(deck, notes(), _stable_id(f"studygen ids {lesson.id}", 1 << 40, 1 << 41))
    return [Output(apkg_name(lesson.id), data), Output(MANIFEST_NAME, manifest_bytes(lesson.id, entries))]
