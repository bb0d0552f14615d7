"""The fact format, declared once: validation reads it and `studygen schema` prints it.

Keeping one declaration means the JSON Schema editors use and the checks studygen
runs cannot drift apart (a test validates the first lesson with both).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .dates import DATE_HINT
from .verbs import PROPOSAL_VERBS


@dataclass(frozen=True)
class Field:
    """One key of a section: its type, whether it is required, and what it means."""

    type: str
    doc: str
    required: bool = False
    section: str = ""
    enum: tuple[str, ...] = ()


# Types: text, slug, int, bool, date, person, accounts (a person id or a list of them), people (list of
# person ids), texts (list of text), slugs, evidence (text or list of text), teacher (true or list of keys),
# section (nested mapping), sections (list of mappings), mapping (id -> section), draft (true, false or the
# reason to check an entry).

MAX_ID_CHARS = 64  # ids name files and folders, and are typed by hand
SLUG_PATTERN = rf"^[a-z0-9][a-z0-9-]{{0,{MAX_ID_CHARS - 1}}}$"
QUESTION_KINDS = (
    "attribution", "when", "proposal", "response", "office", "office-holder",
    "cloze", "chronology", "matching", "claim",
)  # fmt: skip
FACT_KINDS = {
    "quote": {"required": ("by", "said"), "uses": ("to", "about", "when", "where", "frame", "hearsay", "cue", "blank")},
    "proposal": {"required": ("by", "what"), "uses": ("to", "verb", "when", "where", "purpose", "reply", "blank")},
    "event": {"required": ("what",), "uses": ("who", "when", "where")},
}
COMMON_FACT_KEYS = (
    "id", "kind", "according_to", "said_when", "sources", "evidence", "from_teacher", "tags", "note", "draft",
)  # fmt: skip
SOURCED_KEYS = ("when",)  # the values that may carry their own source
PAPER_SIZES = ("A4", "Letter")
PERSON_KINDS = ("person", "group", "unnamed", "document")
ROLE_KINDS = ("office", "description")
# from_teacher: [when.year]: the teacher gives one part of a date; [when.from] or [when.to]: one end of a span.
DATE_PARTS = ("year", "month", "day", "from", "to")
WORKSHEET_SECTIONS = ("multiple_choice", "matching", "timeline", "fill_in", "short_answer")
DRAFT_DOC = (
    "Marks an entry `studygen draft` wrote that the teacher has not checked yet: true, or the reason to "
    "check it, e.g. 'speaker could be tony-hiss or alger-hiss'. `check` warns of it and `build` leaves it out "
    "of every output (with the facts of a drafted person) until you remove the mark or set it to false."
)

SECTIONS: dict[str, dict[str, Field]] = {
    "root": {
        "lesson": Field("section", "What the lesson is and where its article is.", True, "lesson"),
        "people": Field("mapping", "Everyone the facts mention, declared once under a short id.", True, "person"),
        "facts": Field("sections", "The curated facts, in any order.", True, "fact"),
        "questions": Field("section", "Optional control over which questions are made.", section="questions"),
        "worksheet": Field("section", "Optional layout of the printed worksheets.", section="worksheet"),
    },
    "lesson": {
        "id": Field("slug", "Short id used in file names and Anki note ids; never change it once shared.", True),
        "title": Field("text", "Title shown on worksheets and in Anki.", True),
        "deck": Field("text", "Anki deck name; use '::' for subdecks. Defaults to the title."),
        "source": Field("section", "The article the facts come from.", True, "source"),
        "tags": Field("slugs", "Tags added to every Anki note of the lesson."),
        "review": Field(
            "text",
            "'required': builds export only the questions a teacher approved in review.yaml (studygen serve); "
            "'optional' (default): every question but the rejected ones.",
            enum=("optional", "required"),
        ),
    },
    "source": {
        "file": Field("text", "The article's file name, relative to this facts file.", True),
        "title": Field("text", "The article's headline, for the citation."),
        "author": Field("text", "Who wrote the article."),
        "publisher": Field("text", "Who published it (newspaper, agency, website)."),
        "published": Field("date", "When it was published, e.g. 2017-06."),
        "url": Field("text", "Where it can be found online."),
    },
    "person": {
        "name": Field("text", "Full name as students should learn it.", True),
        "aliases": Field("texts", "Other names the article uses (surname alone, title and name)."),
        "kind": Field(
            "text",
            "'person' (default), 'group' for a country, government or body, or 'unnamed' for a speaker the "
            "article does not name ('an official', 'diplomats in the capital'; the name is the article's words): "
            "an unnamed speaker is never offered as a wrong answer for a named one, and no question asks for one; "
            "or 'document' for a report, letter or memo that says or finds something ('His report said ...'): "
            "asked 'Which document said ...?', with only other documents as wrong answers (a short-answer "
            "question, with a note, when the lesson has fewer than three others).",
            enum=PERSON_KINDS,
        ),
        "author": Field(
            "person",
            "Who wrote a document (kind: document): a person or group id, not a document ('His report found "
            "...'). Questions that ask who said or proposed what the document says accept the author too ('Who "
            "or which document found ...?'); a matching set never offers the document and its author as two "
            "speakers (the document's quotations are left out of it); 'fact or account?' never offers one's "
            "account against the other's; 'Who said ...?' of words that speak of the document ('The report is "
            "...') offers neither as a wrong answer.",
        ),
        "speaks_for": Field(
            "person",
            "Whose voice they are, when the article reports both ('the mayor's press office' for the mayor, "
            "'a party spokeswoman' for the party): 'fact or account?' never offers one's account "
            "against the other's, nor either for a statement that names the other.",
        ),
        "description": Field("text", "How the article describes them, e.g. 'a veteran diplomat'; shown on card backs."),
        "roles": Field("sections", "Offices and positions held, each with its dates if stated.", section="role"),
        "from_teacher": Field(
            "teacher",
            "Keys whose values the teacher added from outside the article "
            "(e.g. [name] for a first name the article omits), or true.",
        ),
        "note": Field("text", "A note for the teacher; never shown to students."),
        "draft": Field("draft", DRAFT_DOC),
    },
    "role": {
        "title": Field("text", "The office or position, e.g. Russian Foreign Minister.", True),
        "id": Field(
            "slug",
            "Keeps the role's Anki cards when its title is corrected; by default made from the title "
            "when first built, and remembered by the deck's manifest.",
        ),
        "kind": Field(
            "text",
            "'office' (default): a post someone holds for a time, e.g. President of Russia; or 'description': "
            "what someone is or does, e.g. political analyst, film-maker. Only offices make office questions.",
            enum=ROLE_KINDS,
        ),
        "when": Field(
            "date",
            "When it was held: a year, a span such as 1998-2004 or 2010-05 to 2014-07, or 'from 1994' (also "
            "1994-) when the article gives no end: questions never take such an office as ended.",
        ),
        "alternatives": Field(
            "texts",
            "Other ways a student may write the title and be right: ['Tory leader'] for Leader of the "
            "Conservative Party, ['head of the civil service'] for Cabinet Secretary. A typed answer accepts "
            "them, the answer key lists them, and a text on the sheet that shows one gives the office away.",
        ),
        "shared": Field(
            "bool",
            "true when several people hold the office at once ('one of his two deputy presidents'): every "
            "holder the lesson names is a right answer, none is offered as a wrong one; 'Who was ...?' is "
            "asked only where the evidence counts the holders the lesson names ('his two deputy presidents').",
        ),
        "alongside": Field(
            "bool",
            "true for a role held alongside offices without competing with them (a seat in parliament, a party "
            "post, a membership): the person's other offices are still asked, this one is not asked as 'What "
            "office did ... hold?'.",
        ),
        "according_to": Field(
            "person",
            "Who gives the role, when the article has it only from someone's words: a person id, 'article', "
            "or 'reports' / 'rumour' when the article names no source.",
        ),
        "evidence": Field("evidence", "The words of the article that state it (a passage or a list of passages)."),
        "from_teacher": Field(
            "teacher",
            "Keys the teacher supplied from outside the article, e.g. [when], or [when.year] for one part, "
            "or [when.from] / [when.to] for one end of a span.",
        ),
        "draft": Field("draft", DRAFT_DOC),
        "note": Field("text", "A note for the teacher; never shown to students."),
    },
    "fact": {
        "id": Field("slug", "Short id, unique in the lesson; Anki notes are keyed on it.", True),
        "kind": Field("text", "What sort of fact: quote, proposal or event.", True, enum=tuple(FACT_KINDS)),
        "by": Field("person", "Who said it (quote) or proposed it (proposal): a person id."),
        "to": Field("accounts", "To whom it was said or proposed: a person id, or a list of ids, asked 'to X and Y'."),
        "verb": Field(
            "text",
            "The verb of a proposal when it was not a proposal: an appeal, a request, a demand, an offer, an "
            "ultimatum. Every question words it so ('Who appealed to X and Y ...?', 'When did X urge Y ...?'); "
            "'proposed' when not given. Check warns when the article's evidence has no word of the verb "
            "('appeal', 'appealed').",
            enum=tuple(PROPOSAL_VERBS),
        ),
        "who": Field("people", "People involved in an event: person ids."),
        "said": Field("text", "The exact quoted words, as they appear in the article."),
        "what": Field("text", "What was proposed or happened, as a clause: 'that Russia might join NATO'."),
        "about": Field(
            "text",
            "What or whom a quotation is about, e.g. Washington. Questions leave it out where "
            "the quotation already says most of it ('about the toll, “the toll was unfair”').",
        ),
        "when": Field(
            "date",
            "When: a year, month, day, season, part of a year (early 2002, mid-2002, late 2002: never asked as "
            "the year), decade, century, span or open span (from 1994); BC, circa and uncertain dates too.",
        ),
        "where": Field("text", "Where it happened."),
        "purpose": Field("text", "Why, as the article gives it: 'to turn it into a mechanism for peace'."),
        "frame": Field(
            "text",
            "The article's words around a quotation that change what it means, with '...' where the quotation "
            "stands: 'told colleagues she did not ...', 'is said to believe ...', 'wrote in the margin ...'. "
            "Every question that shows the quotation shows it in its frame, after 'Who' or the speaker's name, "
            "so a frame reads as a phrase after 'Who' ('Who told colleagues she did not “...”?'). Check warns "
            "when its words are not the article's around the quotation (as a phrase, or every word of it); a "
            "name may stand for the article's pronoun ('told Ada Linnet' for 'told her'); a frame in your own "
            "words goes with from_teacher: [frame], and students are told it is yours.",
        ),
        "hearsay": Field(
            "bool",
            "true when the article reports the words as others attribute them to the speaker ('is said to "
            "believe', 'reportedly told friends'): no question says the speaker said them. Needs frame.",
        ),
        "cue": Field(
            "text",
            "The verb the article uses for a quotation (said, added, shouted...); used as the frame when "
            "no frame is given.",
        ),
        "blank": Field(
            "text",
            "The word of the quotation (of a proposal: of its what) to leave out in its fill-in-the-blank question.",
        ),
        "reply": Field("section", "The answer a proposal received.", section="reply"),
        "according_to": Field(
            "accounts",
            "Whose account this is, when the article reports it as a claim: a person id, 'article' for the "
            "article's own contestable statement, 'reports' or 'rumour' when the article names no source "
            "('there are reports that', 'he is said to have', 'there are rumours'; asked 'According to "
            "reports, ...'), or a list of ids when several sources make the claim ('navy officials and experts "
            "say').",
        ),
        "said_when": Field(
            "date",
            "When the account was given, for a claim about something that happened at another time: officials "
            "said on 2000-08-21 (said_when) that the submarine sank on 2000-08-12 (when). Needs according_to.",
        ),
        "sources": Field(
            "sources",
            "Who gives a value, when it is not the fact's account: {when: ordzhonikidze} for a year that "
            "Ordzhonikidze gives to Putin's account. A person id, or 'article'.",
        ),
        "evidence": Field(
            "evidence",
            "The words of the article that state the fact (a passage or a list of passages); "
            "pieces of one passage may be joined with '...'.",
        ),
        "from_teacher": Field(
            "teacher",
            "Keys the teacher supplied from outside the article (e.g. [when]; [when.year] when the article gives "
            "the day and month but not the year; [when.from] or [when.to] for one end of a span; [frame] for a "
            "frame in your own words), or true for the whole fact. Students see which answers are "
            "the teacher's.",
        ),
        "tags": Field("slugs", "Extra Anki tags for this fact's notes."),
        "note": Field("text", "A note for the teacher; never shown to students."),
        "draft": Field("draft", DRAFT_DOC),
    },
    "reply": {
        "said": Field("text", "The reply's words as the article quotes them (or give 'reaction' instead)."),
        "reaction": Field(
            "text",
            "How the article reports the response when it does not quote a reply, in a few words: "
            "'dismissed the idea as a \"dream\"'. A word the article calls someone's goes in quotation marks.",
        ),
        "by": Field("person", "Who replied: a person id (leave out when the article does not say)."),
        "evidence": Field("evidence", "The words of the article that report the reply."),
    },
    "questions": {
        "skip_kinds": Field("texts", "Question kinds not to make for this lesson.", enum=QUESTION_KINDS),
        "exclude": Field("exclude", "Facts to leave out of a kind: {kind: [fact ids]}."),
        "templates": Field("templates", "Your own wording for a kind: {kind: Jinja2 template}."),
        "seed": Field("int", "Changes which distractors are picked and where the answer sits."),
        "key_terms": Field("texts", "Words worth a blank although common in English, e.g. [treaty, alliance]."),
        "one_sheet": Field(
            "bool",
            "true (default): no question gives another away, all read as one sheet; false: every question of "
            "every kind, for a deck whose cards a student sees days apart.",
        ),
    },
    "worksheet": {
        "versions": Field("int", "How many shuffled student versions to print (default 2: A and B)."),
        "paper": Field("text", "Paper size: A4 (default) or Letter.", enum=PAPER_SIZES),
        "seed": Field("int", "Changes the shuffled order of the versions."),
        "sections": Field("counts", "How many questions each section holds: {section: number}."),
    },
}


def _json_type(spec: Field) -> dict[str, Any]:
    text = {"type": "string", "minLength": 1}
    texts = {"type": "array", "items": {"type": "string", "minLength": 1}}
    match spec.type:
        case "text" if spec.enum:
            schema: dict[str, Any] = {"type": "string", "enum": list(spec.enum)}
        case "text" | "person":
            schema = dict(text)
        case "slug":
            schema = {"type": "string", "pattern": SLUG_PATTERN}
        case "slugs":
            schema = {"type": "array", "items": {"type": "string", "pattern": SLUG_PATTERN}}
        case "int":
            schema = {"type": "integer", "minimum": 0}
        case "bool":
            schema = {"type": "boolean"}
        case "accounts":
            schema = {"oneOf": [text, {**texts, "minItems": 1}]}
        case "date":
            schema = {"type": ["integer", "string"], "description": DATE_HINT}
        case "texts" if spec.enum:
            schema = {"type": "array", "items": {"type": "string", "enum": list(spec.enum)}}
        case "texts" | "people":
            schema = dict(texts)
        case "evidence":
            schema = {"oneOf": [text, texts]}
        case "teacher":
            schema = {"oneOf": [{"const": True}, texts]}
        case "draft":
            schema = {"oneOf": [{"type": "boolean"}, text]}
        case "section":
            schema = {"$ref": f"#/$defs/{spec.section}"}
        case "sections":
            schema = {"type": "array", "items": {"$ref": f"#/$defs/{spec.section}"}}
        case "mapping":
            schema = {
                "type": "object",
                "propertyNames": {"pattern": SLUG_PATTERN},
                "additionalProperties": {"$ref": f"#/$defs/{spec.section}"},
            }
        case "exclude":
            schema = {"type": "object", "propertyNames": {"enum": list(QUESTION_KINDS)}, "additionalProperties": texts}
        case "templates":
            schema = {"type": "object", "propertyNames": {"enum": list(QUESTION_KINDS)}, "additionalProperties": text}
        case "sources":
            schema = {"type": "object", "propertyNames": {"enum": list(SOURCED_KEYS)}, "additionalProperties": text}
        case "counts":
            schema = {
                "type": "object",
                "propertyNames": {"enum": list(WORKSHEET_SECTIONS)},
                "additionalProperties": {"type": "integer", "minimum": 0},
            }
        case _:  # pragma: no cover - a new type must be added above
            raise AssertionError(spec.type)
    return {"description": spec.doc, **schema}


def _object(name: str) -> dict[str, Any]:
    fields = SECTIONS[name]
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {key: _json_type(spec) for key, spec in fields.items()},
        "required": [key for key, spec in fields.items() if spec.required],
        "additionalProperties": False,
    }
    if name == "fact":
        schema["allOf"] = [
            {"if": {"properties": {"kind": {"const": kind}}}, "then": {"required": list(rule["required"])}}
            for kind, rule in FACT_KINDS.items()
        ]
    return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a facts file, for editors and other tools."""
    root = _object("root")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://studygen.invalid/facts.schema.json",
        "title": "studygen lesson facts file",
        **root,
        "$defs": {name: _object(name) for name in SECTIONS if name != "root"},
    }


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


_REFERENCE_SECTIONS = (
    ("lesson", "`lesson:`"),
    ("source", "`lesson:` `source:`"),
    ("person", "`people:` (a mapping from an id you choose to a person)"),
    ("role", "each of a person's `roles:`"),
    ("fact", "each of `facts:`"),
    ("reply", "a proposal's `reply:`"),
    ("questions", "`questions:` (optional)"),
    ("worksheet", "`worksheet:` (optional)"),
)


def key_reference() -> str:
    """Every key of a facts file as Markdown, from the one declaration above (the README shows it)."""
    lines: list[str] = []
    for name, title in _REFERENCE_SECTIONS:
        lines += [f"**{title}**", "", "| key | | what it holds |", "|---|---|---|"]
        for key, spec in SECTIONS[name].items():
            choices = f" One of: {', '.join(f'`{c}`' for c in spec.enum)}." if spec.enum and spec.type == "text" else ""
            lines.append(f"| `{key}` | {'required' if spec.required else ''} | {spec.doc}{choices} |")
        lines.append("")
    lines += ["**What each kind of fact needs**", "", "| kind | required | also uses |", "|---|---|---|"]
    for kind, rule in FACT_KINDS.items():
        required = ", ".join(f"`{key}`" for key in rule["required"])
        uses = ", ".join(f"`{key}`" for key in rule["uses"])
        lines.append(f"| `{kind}` | {required} | {uses} |")
    common = ", ".join(f"`{key}`" for key in COMMON_FACT_KEYS)
    lines += ["", f"Every kind also takes {common}."]
    return "\n".join(lines) + "\n"
