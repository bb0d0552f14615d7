"""Checking raw YAML data against the format's declaration (schema.SECTIONS).

The generic half of validation: unknown keys with "did you mean", value types, dates,
references to people. `validate.py` walks the sections of a lesson with it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

from .dates import DATE_HINT, DateError, PartialDate, parse_date
from .diagnostics import DiagnosticSink, Position
from .load import Loaded, PathKey
from .model import ARTICLE
from .schema import DATE_PARTS, MAX_ID_CHARS, QUESTION_KINDS, SECTIONS, SLUG_PATTERN, Field

SLUG = re.compile(SLUG_PATTERN)  # use fullmatch: '$' alone would accept a trailing new line
ID_HINT = f"ids use lower-case letters, digits and '-', at most {MAX_ID_CHARS} of them, e.g. putin-asks-clinton"
MAX_INT = 1_000_000_000  # seeds and counts; larger is a typing slip
DRAFTED = "drafted, not yet checked"  # the reason of a bare `draft: true`
MAX_UNKNOWN_KEYS = 20  # reported one by one in a mapping; the rest are counted
KIND_FIELD = Field("text", "a question kind", enum=QUESTION_KINDS)
_TYPE_WORDS = {
    "text": "text", "slug": "an id (lower-case letters, digits and '-')", "int": "a whole number (0 or more)",
    "date": "a date", "person": "a person id", "people": "a list of person ids", "texts": "a list of texts",
    "slugs": "a list of ids", "evidence": "a passage of the article or a list of passages",
    "teacher": "true or a list of keys", "section": "a mapping of keys", "sections": "a list of mappings",
    "mapping": "a mapping of ids", "exclude": "a mapping {kind: [fact ids]}",
    "templates": "a mapping {kind: template}", "counts": "a mapping {section: number}",
    "sources": "a mapping {key: person id}", "bool": "true or false",
    "accounts": "a person id or a list of person ids", "draft": "true, false or the reason to check the entry",
}  # fmt: skip


def type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    return {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping"}[
        type(value)
    ]


# Words teachers reach for that difflib would not connect with the right key.
_SYNONYMS = {
    "persons": "people", "person": "people", "speakers": "people", "fact": "facts",
    "since": "when", "from": "when", "until": "when", "to": "when", "date": "when", "year": "when",
    "tenure": "when", "years": "when", "quote": "said", "text": "said", "speaker": "by", "source": "evidence",
}  # fmt: skip


def suggest(word: str, options: list[str]) -> str:
    if _SYNONYMS.get(word) in options and word not in options:
        return f"did you mean '{_SYNONYMS[word]}'?"
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def is_list_of_text(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def _text(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


# One test per field type, looked up for each value (the schema's types, in fields order).
_TYPE_TESTS: dict[str, Callable[[Any], bool]] = {
    "text": _text,
    "person": _text,
    "slug": lambda v: isinstance(v, str) and SLUG.fullmatch(v) is not None,
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
    "bool": lambda v: isinstance(v, bool),
    "accounts": lambda v: _text(v) or (is_list_of_text(v) and v != []),
    "date": lambda v: isinstance(v, (int, str)) and not isinstance(v, bool),
    "texts": is_list_of_text,
    "people": is_list_of_text,
    "slugs": lambda v: isinstance(v, list) and all(isinstance(i, str) and SLUG.fullmatch(i) for i in v),
    "evidence": lambda v: _text(v) or (is_list_of_text(v) and v != []),
    "teacher": lambda v: v is True or is_list_of_text(v),
    "draft": lambda v: isinstance(v, bool) or _text(v),
    "section": lambda v: isinstance(v, dict),
    "sections": lambda v: isinstance(v, list),
    "mapping": lambda v: isinstance(v, dict),
    "exclude": lambda v: isinstance(v, dict),
    "templates": lambda v: isinstance(v, dict),
    "counts": lambda v: isinstance(v, dict),
    "sources": lambda v: isinstance(v, dict),
}


class FieldChecker:
    """Reports what is wrong with one file's values; `validate._Validator` walks its sections."""

    def __init__(self, loaded: Loaded, sink: DiagnosticSink) -> None:
        self.loaded = loaded
        self.sink = sink
        self.person_ids: list[str] = []
        self.person_names: dict[str, str] = {}

    def pos(self, path: PathKey) -> Position:
        return self.loaded.pos(path)

    def error(self, path: PathKey, code: str, message: str, hint: str = "", at_key: bool = False) -> None:
        self.sink.error(self.loaded.key_pos(path) if at_key else self.pos(path), code, message, hint)

    def section(
        self, data: Any, path: PathKey, name: str, where: str, extra_ok: tuple[str, ...] = ()
    ) -> dict[str, Any]:
        """Check a mapping against SECTIONS[name]: unknown keys, missing keys, value types."""
        if not isinstance(data, dict):
            self.error(path, "schema.type", f"{where} must be {_TYPE_WORDS['section']}, not {type_name(data)}")
            return {}
        fields = SECTIONS[name]
        allowed = [*fields, *extra_ok]
        good: dict[str, Any] = {}
        unknown = 0
        for key, value in data.items():
            if key not in fields:
                unknown += 1
                if unknown <= MAX_UNKNOWN_KEYS:
                    hint = suggest(key, allowed) or f"the keys allowed here are: {', '.join(allowed)}"
                    self.error(path + (key,), "schema.unknown-key", f"unknown key '{key}' in {where}", hint, True)
                continue
            if self.check_type(value, fields[key], path + (key,), f"'{key}' in {where}"):
                good[key] = value
        if unknown > MAX_UNKNOWN_KEYS:
            self.error(path, "schema.unknown-key", f"{where} has {unknown - MAX_UNKNOWN_KEYS:,} more unknown keys",
                       f"the keys allowed here are: {', '.join(allowed)}")  # fmt: skip
        for key, spec in fields.items():
            if spec.required and key not in data:
                self.error(path, "schema.missing", f"{where} has no '{key}'", f"add '{key}:' ({doc(spec)})")
        return good

    def check_type(self, value: Any, spec: Field, path: PathKey, what: str) -> bool:
        ok = _TYPE_TESTS[spec.type](value)
        if ok and spec.type == "int" and value > MAX_INT:
            self.error(path, "schema.value", f"{what} must be at most {MAX_INT:,}", "write a smaller number")
            return False
        if ok and spec.enum:
            values = value if isinstance(value, list) else [value]
            for index, item in enumerate(values):
                if item not in spec.enum:
                    item_path = path + (index,) if isinstance(value, list) else path
                    hint = suggest(str(item), list(spec.enum)) or f"use one of: {', '.join(spec.enum)}"
                    self.error(item_path, "schema.value", f"{what} cannot be '{item}'", hint)
                    return False
        if not ok:
            hint = 'put quotation marks around text that YAML reads as a number, date or true/false, e.g. "yes"'
            if spec.type in ("slug", "slugs") and isinstance(value, (str, list)):
                hint = ID_HINT
            elif spec.type == "bool" and isinstance(value, str):
                hint = f"write true or false (YAML reads '{value}' as a word)"
            elif isinstance(value, (list, dict)) or spec.type not in ("text", "person"):
                hint = f"write {_TYPE_WORDS[spec.type]} here"
            elif value is None or (isinstance(value, str) and not value.strip()):
                hint = "fill in a value or remove the key"
            shown = type_name(value)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and len(str(value)) <= 20:
                shown = str(value)  # "not -3" says more than "not a number"
            self.error(path, "schema.type", f"{what} must be {_TYPE_WORDS[spec.type]}, not {shown}", hint)
        return ok

    def date(self, value: Any, path: PathKey, what: str) -> PartialDate | None:
        if value is None:
            return None
        try:
            return parse_date(value)
        except DateError as exc:
            self.error(path, "schema.date", f"{what}: {exc}", exc.hint or DATE_HINT)
            return None

    def person_ref(self, value: str | None, path: PathKey, what: str, allow_article: bool = False) -> str | None:
        if value is None or value in self.person_ids or (allow_article and value == ARTICLE):
            return value
        if not self.person_ids:
            return None  # no usable people: section, which is reported once already
        options = self.person_ids + ([ARTICLE] if allow_article else [])
        hint = suggest(value, options)
        by_name = self.person_names.get(value.lower())
        if by_name:
            hint = f"refer to people by their id: use '{by_name}'"
        if not hint:
            hint = f"declare '{value}' under people:, or use one of: {', '.join(options) or '(none declared)'}"
        self.error(path, "ref.unknown-person", f"{what} names '{value}', who is not declared under people:", hint)
        return None

    def draft(self, value: Any, path: PathKey, what: str) -> str:
        """The reason an entry is still a draft ("" when it is none), warned of at its `draft:` key."""
        if value is None or value is False:
            return ""
        reason = DRAFTED if value is True else " ".join(value.split())
        self.sink.warning(self.loaded.key_pos(path), "draft.unchecked", f"{what} is a draft: {reason}",
                          "remove the draft mark once you have checked this entry; until then build leaves it "
                          "out of every output")  # fmt: skip
        return reason

    def teacher_keys(
        self, value: Any, allowed: list[str], path: PathKey, dates: tuple[str, ...] = ()
    ) -> frozenset[str]:
        """The keys `from_teacher:` lists ("*" for true); `dates` are the keys whose parts may be listed
        alone ('when.year': the article gives the day and month, the teacher the year)."""
        if value is True:
            return frozenset(["*"])
        allowed = allowed + [f"{key}.{part}" for key in dates if key in allowed for part in DATE_PARTS]
        keys = []
        for index, key in enumerate(value or []):
            if key not in allowed:
                hint = suggest(key, allowed) or f"list keys of this entry: {', '.join(allowed)}"
                self.error(
                    path + (index,), "schema.value", f"from_teacher lists '{key}', which is not a key here", hint
                )
            else:
                keys.append(key)
        return frozenset(keys)


def doc(spec: Field) -> str:
    """A field's doc as a clause inside parentheses."""
    return (spec.doc[0].lower() + spec.doc[1:]).split(". ")[0].rstrip(".")


def as_tuple(value: str | list[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)
