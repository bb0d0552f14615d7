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
import random
import re
import shutil
import sqlite3
import zipfile
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import genanki

from ..files import OutputError, scratch_folder
from ..model import Lesson
from ..questions import Question
from ..questions.items import set_items
from ..questions.shapes import Blank, Shape
from . import ExportError, LessonBuild, Output, exporter
from .manifest import MANIFEST_NAME, Entry, Manifest, content_hash, manifest_bytes, read_manifest, role_ids
from .plain_text import plain
from .withdrawn import SEARCH, WITHDRAWN_TAG, Withdrawn, withdrawn_fields

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


class _DatedModel(genanki.Model):
    """A note type that writes its own modification time rather than the package's: Anki replaces a
    student's copy of a note type (templates, CSS) on import only when the imported one is newer."""

    def __init__(self, mod: int, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.mod = mod

    def to_json(self, timestamp, deck_id):  # type: ignore[no-untyped-def]
        return {**super().to_json(timestamp, deck_id), "mod": self.mod}


# The script that shows the choices in a new order at each review (templates/anki/choices.js).
_SCRIPT = files("studygen").joinpath("templates", "anki", "choices.js").read_text("utf-8")
CHOICES_SCRIPT = f"<script>\n{_SCRIPT}</script>"
# When the multiple-choice templates last changed. Its fields are unchanged, so it keeps its id and
# name; this later time makes students' Anki take the new templates on their next import.
CHOICE_TEMPLATES_TIME = 1_765_000_000
CHOICE_MODEL = _DatedModel(
    CHOICE_TEMPLATES_TIME,
    1_733_100_002,
    "studygen Multiple choice v1",
    fields=[
        {"name": n} for n in ("Question", "Choices", "ChoicesMarked", "Answer", "Context", "Source", "Skill", "Account")
    ],
    templates=[
        {
            "name": "Card 1",
            "qfmt": '<div class="skill">{{Skill}}</div><div class="question">{{Question}}</div>{{Choices}}'
            + CHOICES_SCRIPT,
            # The back marks the correct choice in the HTML itself, so that it is marked without
            # JavaScript too; the script only puts the choices in the front's order.
            "afmt": '<div class="skill">{{Skill}}</div><div class="question">{{Question}}</div>{{ChoicesMarked}}'
            + CHOICES_SCRIPT
            + '<hr id="answer"><div class="answer">{{Answer}}</div>'
            + _BACK_DETAILS,
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
    return _ANKI_SYNTAX.sub(lambda m: _ANKI_SAFE[m.group()], html.escape(plain(text), quote=False))


def _stable_id(text: str, low: int = 1 << 30, high: int = 1 << 31) -> int:
    value = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")
    return low + value % (high - low)


@functools.lru_cache(maxsize=4096)
def _tag(text: str) -> str:
    """An Anki tag: no spaces or punctuation other than '-', '_' and the '::' of hierarchies."""
    return _NOT_TAG.sub("-", text.strip()).strip("-")


def _choices_html(question: Question, marked: bool) -> str:
    """The choices in the note's own shuffled order (drawn from its id, so the same on every build):
    the order shown where card scripts do not run; the card's script shows a new one at each review."""
    if not question.choices:
        return ""
    order = list(range(len(question.choices)))
    random.Random(f"studygen choices {question.id}").shuffle(order)
    mark = {question.correct: ' class="correct"'} if marked else {}
    items = "".join(f"<li{mark.get(index, '')}>{_e(question.choices[index])}</li>" for index in order)
    return f'<ol class="choices">{items}</ol>'


def anki_questions(question: Question) -> list[Question]:
    """What a question's notes ask: a matching or chronology set as one multiple-choice question per
    item (`questions.items`), which a student grades on its own; any other question as it is."""
    return set_items(question)


# Why a set's old note is withdrawn, in the notice on it.
SET_NOW_ITEMS = "each item of this set is now a card of its own, which you grade on its own"


def _with_items(question: Question) -> list[Question]:
    """A question and, for a set, its items: every note it may have in students' collections."""
    items = anki_questions(question)
    return items if items == [question] else [question, *items]


def _cloze_html(question: Question) -> str:
    """The sentence in Anki's cloze syntax: each blank a deletion of its own ({{c1::…}}, {{c2::…}})."""
    numbers = itertools.count(1)
    return "".join(
        f"{{{{c{next(numbers)}::{_e(part.answer).replace('::', ':&#58;')}}}}}" if isinstance(part, Blank) else _e(part)
        for part in question.cloze.parts  # type: ignore[union-attr]
    )


# A note's type is fixed for life (Anki cannot change it on import without damaging the
# student's collection), so it is chosen by the question's kind, never by whether the
# question has choices this time: a multiple-choice note without choices is a plain
# question, and a Q/A note shows its choices in the question field.
NOTE_TYPES = {"qa": QA_MODEL, "choice": CHOICE_MODEL, "cloze": CLOZE_MODEL}


def kind_note_type(question: Question) -> str:
    """The note type of a new note: cloze for cloze, multiple choice for the rest (sets are shipped as
    their items, `anki_questions`; notes shipped before as one Q/A note per set keep that type)."""
    return "cloze" if question.shape is Shape.CLOZE else "choice"


def legacy_note_type(question: Question) -> str:
    """The type a note got before manifests recorded it: chosen by whether it had choices."""
    if question.shape is Shape.CLOZE:
        return "cloze"
    return "choice" if question.choices else "qa"


def note_fields(question: Question, type_: str) -> list[str]:
    """The escaped HTML fields of a question, in the note type `type_`."""
    account = " · ".join(
        filter(None, (f"According to {question.according_to}" if question.according_to else "", question.teacher_note))
    )  # whose account it is, and what the teacher added: students find neither in the article's text
    account = _e(account[:1].upper() + account[1:])
    details = [_e(question.context), _e(question.source), _e(question.skill), account]
    if type_ == "cloze":
        return [_cloze_html(question), *details]
    if type_ == "choice":
        return [
            _e(question.prompt),
            _choices_html(question, marked=False),
            _choices_html(question, marked=True),
            _e(question.answer),  # its text: the letter of a choice changes at each review
            *details,
        ]
    return [_e(question.prompt) + _choices_html(question, marked=False), _e(question.answer), *details]


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
    with scratch_folder("anki") as folder:
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


MANY_CHANGES = 10  # a correction touching more notes than this gets a warning


def _note_type(question: Question, guid: str, known: Manifest) -> str:
    """The type the note has in students' collections, or a new note's type; ExportError if the
    manifest records a type this question cannot take (a hand-edited manifest)."""
    entry = known.notes.get(guid)
    if entry is None:
        return kind_note_type(question)
    type_ = entry.type or legacy_note_type(question)
    if type_ not in NOTE_TYPES or (type_ == "cloze") != (question.shape is Shape.CLOZE):
        raise ExportError(
            f"the manifest records the note of question {question.id} (fact '{question.fact}') with the note type "
            f"'{entry.type}', which a {question.kind} question cannot have; restore {MANIFEST_NAME} from version "
            "control"
        )
    return type_


def _check_manifest(build: LessonBuild, known: Manifest) -> None:
    """Stop before a build that would lose what students hold: a deck without its manifest, or another
    lesson's manifest. --new-manifest starts afresh."""
    folder, lesson_id = build.out_dir, build.lesson.id
    if build.options.get("new_manifest"):
        return
    if known.lesson is None and (decks := sorted(p.name for p in folder.glob("*.apkg"))):
        raise ExportError(
            f"{folder} holds {decks[0]} but no {MANIFEST_NAME}: without it, corrections may never reach students "
            f"who imported that deck; restore {MANIFEST_NAME} from version control or from where the deck was "
            "built, or build with --new-manifest to start a new one (students' Anki then updates every note once)"
        )
    if known.lesson is not None and known.lesson != lesson_id:
        raise ExportError(
            f"{folder / MANIFEST_NAME} belongs to the lesson '{known.lesson}', not '{lesson_id}'; build into "
            "another folder with --out, or build with --new-manifest to replace it"
        )


def _report(build: LessonBuild, known: Manifest, entries: dict[str, Entry]) -> None:
    """Tell the teacher what students' Anki will do with this deck."""
    added = sum(guid not in known.notes for guid in entries)
    changed = sum(guid in known.notes and known.notes[guid].hash != e.hash for guid, e in entries.items())
    gone = sum(guid not in entries for guid in known.notes)
    unchanged = len(entries) - added - changed
    text = f"{added} {'note' if added == 1 else 'notes'} added, {changed} changed, {unchanged} unchanged"
    if gone:
        text += f"; {gone} no longer in the deck (students who have them keep them)"
    build.report(f"{build.lesson.id}: Anki deck: {text}")
    if known.lesson is not None and changed > MANY_CHANGES:
        build.warn(
            "anki.many-changes",
            f"this build changes {changed} of the {len(entries)} notes students already have",
            "on each changed note, students' Anki replaces their own edits and tags (marked, leech); reviews and "
            "scheduling are kept. A renamed person changes every note that shows the name, choices included",
        )


@exporter(
    "anki",
    "Anki deck (.apkg) that updates in place on re-import, with its note-time manifest",
    writes={
        Shape.CHOICE: "multiple-choice note",
        Shape.SHORT: "multiple-choice note without choices (a plain question)",
        Shape.CLOZE: "cloze note",
        Shape.MATCHING: "one multiple-choice note per quotation (whose words are these?)",
        Shape.ORDERING: "one multiple-choice note per event but the last (which came next?)",
    },
    default=True,
)
def export_anki(build: LessonBuild) -> list[Output]:
    lesson = build.lesson
    known = Manifest() if build.options.get("new_manifest") else read_manifest(build.out_dir / MANIFEST_NAME)
    _check_manifest(build, known)
    deck = genanki.Deck(
        _stable_id(f"studygen deck {lesson.id}"),
        lesson.deck,  # validation defaults it to the title
        description=_e(f"{lesson.title}. Source: {lesson.source.citation()}. Made with studygen."),
    )
    entries: dict[str, Entry] = {}
    fact_tags = {fact.id: fact.tags for fact in lesson.facts}
    asked = [(question, anki_questions(question)) for question in build.questions.questions]  # items once
    questions = [item for _, items in asked for item in items]
    guids = [genanki.guid_for(question.id) for question in questions]
    # A question rejected after its note went out: the note is updated to say so (Anki never deletes one);
    # a set's, and its items' notes. A set shipped as one note before is now its items: that note says so.
    gone = [Withdrawn(q, w.why) for w in build.withdrawn for q in _with_items(w.question)]
    gone += [Withdrawn(q, SET_NOW_ITEMS) for q, items in asked if items != [q]]
    withdrawn = {guid: w for w in gone if (guid := genanki.guid_for(w.question.id)) in known.notes}
    questions = [*questions, *(w.question for w in withdrawn.values())]
    guids += list(withdrawn)
    types = [_note_type(question, guid, known) for question, guid in zip(questions, guids, strict=True)]
    for type_ in types:  # note types in order of first use, as genanki's Deck would list them
        deck.add_model(NOTE_TYPES[type_])

    def notes() -> Iterator[genanki.Note]:
        for question, guid, type_ in zip(questions, guids, types, strict=True):
            model = NOTE_TYPES[type_]
            tags = note_tags(lesson, fact_tags, question)
            if guid in withdrawn:
                fields, tags = withdrawn_fields(withdrawn[guid], type_, _e), sorted({*tags, WITHDRAWN_TAG})
            else:
                fields = note_fields(question, type_)
            entry = known.stamp(guid, content_hash(str(model.model_id), *fields, *tags), type_, build.now)
            entries[guid] = entry
            yield _TimedNote(entry.mod, model=model, fields=fields, tags=tags, guid=guid)

    data = _write_apkg(deck, notes(), _stable_id(f"studygen ids {lesson.id}", 1 << 40, 1 << 41))
    _report(build, known, entries)
    if rejected := sum(w.why != SET_NOW_ITEMS for w in withdrawn.values()):
        build.report(
            f"{lesson.id}: Anki deck: {rejected} rejected {'question' if rejected == 1 else 'questions'} "
            f"already shipped: their notes now say they were withdrawn (students find them with {SEARCH})"
        )
    now_items = [g for g, w in withdrawn.items() if w.why == SET_NOW_ITEMS and entries[g].hash != known.notes[g].hash]
    if sets := len(now_items):  # said once, on the build that makes the change
        build.report(
            f"{lesson.id}: Anki deck: {sets} matching or chronology {'set' if sets == 1 else 'sets'} shipped as one "
            f"note each {'is' if sets == 1 else 'are'} now one note per item: students' old notes say so, tagged "
            f"{WITHDRAWN_TAG}, and keep their reviews"
        )
    latest = max([known.latest, *(e.mod for e in entries.values())])
    manifest = manifest_bytes(lesson.id, entries, role_ids(lesson), latest)
    return [Output(apkg_name(lesson.id), data), Output(MANIFEST_NAME, manifest)]
