"""Read a facts file: YAML text to plain data plus the position of every key and value.

libyaml parses the text into events; the data is built from them here rather than by
PyYAML's composer and constructor, so that hostile input stays bounded (a size cap, a
depth limit, a budget on alias expansion: the "billion laughs") and every position is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .confine import TooLarge, UnsafeFile, inside, read_regular
from .diagnostics import DiagnosticSink, Position
from .indentation import explain_indentation

try:  # the C parser is much faster; fall back to pure Python where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 32_000_000  # a 100,000-fact lesson is about 20 MB
MAX_DEPTH = 64
MAX_ALIAS_VALUES = 100_000
MAX_KEYS = 200  # in any mapping but those of ids chosen by the teacher
MAX_LINE_CHARS = 100_000
# Anchored at a line's start: unanchored, the search restarted at every character of a long line
# (quadratic: 50 s for 20 lines of 100,000 characters); anchored, each line is scanned once.
_LONG_LINE = re.compile(f"^[^\n]{{{MAX_LINE_CHARS + 1}}}", re.MULTILINE)
_ID_MAPPINGS = {"people"}  # top-level mappings keyed by ids the teacher chooses

PathKey = tuple[str | int, ...]

_constructor = yaml.constructor.SafeConstructor()


def _construct(method: Any) -> Any:
    return lambda value: method(yaml.ScalarNode("", value))


_SCALAR_TAGS = {
    "tag:yaml.org,2002:null": lambda value: None,
    "tag:yaml.org,2002:bool": _construct(_constructor.construct_yaml_bool),
    "tag:yaml.org,2002:int": _construct(_constructor.construct_yaml_int),
    "tag:yaml.org,2002:float": _construct(_constructor.construct_yaml_float),
    # Dates stay as text: studygen parses partial dates itself.
    "tag:yaml.org,2002:timestamp": lambda value: value,
    "tag:yaml.org,2002:str": lambda value: value,
}


@dataclass
class Loaded:
    """The data of one YAML file and where each piece of it was written.

    Positions are kept beside the data, one small table per mapping or list (keyed by
    the container's id), rather than by path: a 100,000-fact lesson has over a million
    values, and a path tuple for each would cost hundreds of megabytes.
    """

    path: Path
    data: Any
    # 0-based line and column packed in one int, turned into Positions only when a diagnostic needs one.
    root_mark: int = 0
    marks: dict[int, Any] = field(default_factory=dict)  # id(container) -> {key: mark} or [mark, ...]
    key_marks: dict[int, dict[str, int]] = field(default_factory=dict)  # id(mapping) -> {key: mark of the key}

    def _container(self, path: PathKey) -> Any:
        """The value at `path`, or None when the path leads nowhere."""
        node = self.data
        for step in path:
            try:
                node = node[step]
            except (KeyError, IndexError, TypeError):
                return None
        return node

    def pos(self, path: PathKey) -> Position:
        """Position of the value at `path`, or of its nearest ancestor that has one."""
        node, best = self.data, self.root_mark
        for step in path:
            table = self.marks.get(id(node)) if isinstance(node, (dict, list)) else None
            try:
                best, node = table[step], node[step]  # type: ignore[index]
            except (KeyError, IndexError, TypeError):
                break
        return _unpack(best)

    def value_positions(self, mapping: Any) -> Mapping[str, Position]:
        """Where each value of `mapping` (a mapping of this file's data) was written."""
        return _Positions(self.marks.get(id(mapping), {}) if isinstance(mapping, dict) else {})

    def key_pos(self, path: PathKey) -> Position:
        """Position of the key naming `path` (falls back to the value's position)."""
        if path:
            parent = self._container(path[:-1])
            table = self.key_marks.get(id(parent)) if isinstance(parent, dict) else None
            if table is not None and path[-1] in table:
                return _unpack(table[path[-1]])
        return self.pos(path)


class _Positions(Mapping[str, Position]):
    """A mapping's value positions, unpacked only when a diagnostic asks for one."""

    __slots__ = ("_marks",)

    def __init__(self, marks: dict[str, int]) -> None:
        self._marks = marks

    def __getitem__(self, key: str) -> Position:
        return _unpack(self._marks[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._marks)

    def __len__(self) -> int:
        return len(self._marks)


class _TooBig(Exception):
    pass


def _mark(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def _unpack(packed: int) -> Position:
    return Position((packed >> 32) + 1, (packed & 0xFFFFFFFF) + 1)


def _check_text(raw: bytes, sink: DiagnosticSink) -> str | None:
    """Decode and pre-screen the bytes; report what YAML would explain badly."""
    if len(raw) > MAX_BYTES:
        sink.error(
            None,
            "load.too-large",
            f"the file is {len(raw) / 1e6:.1f} MB; a facts file may be at most {MAX_BYTES // 1_000_000} MB",
            "split the lesson into several lessons",
        )
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        sink.error(
            Position(line, col),
            "load.encoding",
            f"byte 0x{raw[exc.start]:02x} is not valid UTF-8",
            "save the file as UTF-8 (most editors offer this under 'Save with encoding')",
        )
        return None
    if not text.strip():
        sink.error(
            None,
            "load.empty",
            "the file is empty",
            "start from `studygen draft ARTICLE` or copy the first lesson's facts.yaml",
        )
        return None
    if long_line := _LONG_LINE.search(text):
        sink.error(
            Position(text.count("\n", 0, long_line.start()) + 1, 1),
            "load.long-line",
            f"a line is longer than {MAX_LINE_CHARS:,} characters",
            "write one value per line; long text can be split over lines with a '>' block",
        )
        return None
    tabs = False
    for number, line in enumerate(text.splitlines() if "\t" in text else (), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            tabs = True
            sink.error(
                Position(number, indent.index("\t") + 1),
                "load.tab",
                "a tab is used for indentation; YAML allows only spaces",
                "replace the tab with spaces (set your editor to insert spaces for Tab)",
            )
    return None if tabs else text


def load_yaml(path: Path, sink: DiagnosticSink, raw: bytes | None = None, plain: bool = False) -> Loaded | None:
    """Parse `path` (or `raw`) into a `Loaded`; on failure report to `sink` and return None.

    `plain`: every untagged scalar is text as written (`false`, `1949`, `no` stay words), for files
    where no value is a number or a truth value (review.yaml)."""
    if raw is None:
        try:
            raw = read_regular(inside(path.parent, path.name), MAX_BYTES)
        except TooLarge as exc:
            sink.error(None, "load.too-large", exc.message, "split the lesson into several lessons")
            return None
        except FileNotFoundError:
            sink.error(None, "load.unreadable", "the file does not exist")
            return None
        except UnsafeFile as exc:
            sink.error(None, "load.unreadable", exc.message, exc.hint)
            return None
    text = _check_text(raw, sink)
    if text is None:
        return None
    loaded = Loaded(path, None)
    try:
        loaded.data = _build(text, loaded, plain)
    except yaml.MarkedYAMLError as exc:
        if "expected a single document" in str(exc.context):
            sink.error(
                _mark(exc.problem_mark) if exc.problem_mark else None,
                "load.multiple-documents",
                "the file holds more than one YAML document ('---')",
                "keep one lesson per file and remove the extra '---'",
            )
            return None
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "the YAML is malformed"
        if mark and (explained := explain_indentation(text, mark.line, mark.column, problem)):
            sink.error(explained.pos, "load.indentation", explained.message, explained.hint)
            return None
        if exc.context and exc.problem and exc.context_mark and exc.context_mark is not mark:
            where = exc.context_mark
            problem = f"{problem} {exc.context} that starts at line {where.line + 1}, column {where.column + 1}"
        sink.error(
            _mark(mark) if mark else None,
            "load.syntax",
            f"YAML syntax error: {problem}",
            _syntax_hint(problem, exc.context or ""),
        )
        return None
    except yaml.YAMLError as exc:
        sink.error(None, "load.syntax", f"YAML syntax error: {exc}")
        return None
    except RecursionError:
        sink.error(None, "load.too-complex", f"the data is nested more than {MAX_DEPTH} levels deep")
        return None
    except _TooBig as exc:
        sink.error(None, "load.too-complex", str(exc), "remove YAML anchors (&) and aliases (*) or the deep nesting")
        return None
    except _BadNode as exc:
        sink.error(exc.pos, exc.code, exc.message, exc.hint)
        return None
    if loaded.data is None:
        sink.error(None, "load.empty", "the file has no content, only comments")
        return None
    return loaded


def _syntax_hint(problem: str, context: str) -> str:
    if "quoted scalar" in context:
        return "a quotation mark is opened and never closed; close it, or quote the value with the other kind of mark"
    if "mapping values are not allowed" in problem:
        return "a value containing ': ' must be quoted, for example said: \"Why not: now?\""
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "check the indentation and that every quotation mark and bracket is closed"
    if "found character" in problem and "that cannot start any token" in problem:
        return "values starting with @, ` or % must be quoted"
    return "check the indentation and quoting near this position"


class _BadNode(Exception):
    def __init__(self, pos: Position, code: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.pos, self.code, self.message, self.hint = pos, code, message, hint


class _Yaml12Resolver(yaml.resolver.BaseResolver):
    """Plain values read as YAML 1.2's core schema reads them, not YAML 1.1's: only true/false are
    booleans, only decimal whole numbers without leading zeros are numbers. So `on`, `no`, `yes`
    stay words, `0044` stays the text of a year (not octal 36), `1:20` stays text (not 80), and
    `1.5` stays text (no value of a facts file is a fraction)."""


_Yaml12Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Yaml12Resolver.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"),
                                      list("-+0123456789"))  # fmt: skip
_Yaml12Resolver.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"),
                                      ["~", "n", "N", ""])  # fmt: skip
_Yaml12Resolver.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^<<$"), ["<"])
_RESOLVER = _Yaml12Resolver()
_IMPLICIT_FIRST = frozenset(ch for ch in _RESOLVER.yaml_implicit_resolvers if ch is not None)  # null, bool, numbers...
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


def _scalar(event: yaml.ScalarEvent) -> Any:
    tag, value = event.tag, event.value
    if tag is None or tag == "!":
        plain, quoted = event.implicit
        if quoted or (plain and value and value[0] not in _IMPLICIT_FIRST):
            return value  # quoted, or plain text no implicit type starts with (most values): text
        tag = _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit)
    convert = _SCALAR_TAGS.get(tag)
    if tag == "tag:yaml.org,2002:merge":
        raise _BadNode(_mark(event.start_mark), "load.merge", "'<<' merge keys are not supported in a facts file",
                       "write the keys out in full")  # fmt: skip
    if convert is None:
        raise _BadNode(_mark(event.start_mark), "load.tag", f"the tag '{tag}' is not allowed in a facts file",
                       "remove the '!' tag")  # fmt: skip
    try:
        return convert(event.value)
    except (ValueError, KeyError, TypeError, OverflowError):
        # '!!int "x"', '!!bool "maybe"', or an integer past Python's 4,300-digit limit
        shown = event.value if len(event.value) <= 40 else event.value[:37] + "..."
        message = f"'{shown}' cannot be read as {tag.rsplit(':', 1)[-1]}"
        hint = "put the value in quotation marks to keep it as text, or write a shorter number"
        raise _BadNode(_mark(event.start_mark), "load.value", message, hint) from None


def _collection_tag(event: yaml.CollectionStartEvent, default: str) -> None:
    if event.tag not in (None, "!", default):
        raise _BadNode(
            _mark(event.start_mark), "load.tag", f"the tag '{event.tag}' is not allowed", "remove the '!' tag"
        )


class _Open:
    """A mapping or list being filled, with the key waiting for its value (mappings)."""

    __slots__ = ("anchor", "id_keys", "is_map", "key", "key_marks", "marks", "size", "value")

    def __init__(self, value: Any, anchor: str | None, id_keys: bool) -> None:
        self.value, self.anchor, self.id_keys = value, anchor, id_keys
        self.is_map = type(value) is dict
        self.key: str | None = None
        self.size = 1  # values inside, for the alias budget
        self.marks: Any = {} if type(value) is dict else []
        self.key_marks: dict[str, int] = {}


def _build(text: str, loaded: Loaded, plain: bool = False) -> Any:
    """Turn libyaml's event stream into plain data, recording where each value and key was.

    Building from events rather than from composed nodes is several times faster and
    bounds the work: nesting is limited, an alias to an anchor reuses its value and is
    charged its size against a budget (the "billion laughs"), and an alias can only name
    a finished anchor, so there are no cycles.
    """
    stack: list[_Open] = []
    anchors: dict[str, tuple[Any, int]] = {}
    expanded = 0
    documents = 0
    root: Any = None
    scalar_event, alias_event, mapping_start = yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent
    ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    for event in yaml.parse(text, Loader=_Loader):
        kind = type(event)
        parent = stack[-1] if stack else None
        if kind is scalar_event and parent is not None and parent.key is None and parent.is_map:
            _add_key(parent, event)
            continue
        if kind in ends:
            done = stack.pop()
            value, size = done.value, done.size
            loaded.marks[id(value)] = done.marks
            if done.key_marks:
                loaded.key_marks[id(value)] = done.key_marks
            if done.anchor is not None:
                anchors[done.anchor] = (value, size)
        elif kind is scalar_event or kind is alias_event or kind is mapping_start or kind is yaml.SequenceStartEvent:
            if parent is not None and parent.is_map and parent.key is None:  # a list or mapping as a key
                raise _BadNode(_mark(event.start_mark), "load.complex-key",
                               "a key must be a plain word, not a list or mapping")  # fmt: skip
            start = event.start_mark
            mark = (start.line << 32) | start.column
            if parent is None:
                loaded.root_mark = mark
            elif parent.is_map:
                parent.marks[parent.key] = mark
            else:
                parent.marks.append(mark)
            if kind is scalar_event:
                value, size = (event.value if plain and event.tag in (None, "!") else _scalar(event)), 1
                if event.anchor is not None:
                    anchors[event.anchor] = (value, 1)
            elif kind is alias_event:
                if event.anchor not in anchors:
                    raise _BadNode(_mark(event.start_mark), "load.alias",
                                   f"the alias '*{event.anchor}' names no anchor defined before it",
                                   "define '&name' on a value before using '*name'")  # fmt: skip
                value, size = anchors[event.anchor]
                expanded += size
                if expanded > MAX_ALIAS_VALUES:
                    raise _TooBig(f"YAML aliases expand to more than {MAX_ALIAS_VALUES:,} values")
            else:
                if len(stack) >= MAX_DEPTH:
                    raise _TooBig(f"the data is nested more than {MAX_DEPTH} levels deep")
                is_map = kind is mapping_start
                _collection_tag(event, _MAP if is_map else _SEQ)
                # The teacher's ids under people: are the one mapping that may be long.
                id_keys = is_map and len(stack) == 1 and parent is not None and parent.key in _ID_MAPPINGS
                stack.append(_Open({} if is_map else [], event.anchor, id_keys))
                continue
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _BadNode(_mark(event.start_mark), "load.multiple-documents",
                               "the file holds more than one YAML document ('---')",
                               "keep one lesson per file and remove the extra '---'")  # fmt: skip
            continue
        else:  # the stream's and documents' other marks
            continue
        # A finished value: attach it to its parent.
        if not stack:
            root = value
            continue
        parent = stack[-1]
        parent.size += size
        if parent.is_map:
            parent.value[parent.key] = value
            parent.key = None
        else:
            parent.value.append(value)
    return root


def _add_key(parent: _Open, event: yaml.ScalarEvent) -> None:
    """Record a mapping's key, refusing what YAML would silently accept."""
    if len(parent.value) >= MAX_KEYS and not parent.id_keys:
        raise _BadNode(_mark(event.start_mark), "load.too-many-keys",
                       f"this mapping has more than {MAX_KEYS} keys; no part of a facts file has so many",
                       "check the indentation: the keys of one entry belong together")  # fmt: skip
    name = _scalar(event)
    name = name if type(name) is str else str(name)
    if name in parent.value:
        raise _BadNode(_mark(event.start_mark), "load.duplicate-key",
                       f"the key '{name}' appears twice in the same mapping",
                       "remove one of them; YAML would silently keep only the last")  # fmt: skip
    parent.key = name
    parent.value[name] = None
    start = event.start_mark
    parent.key_marks[name] = (start.line << 32) | start.column
