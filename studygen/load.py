"""Read a facts file: YAML text to plain data plus the position of every key and value.

libyaml composes the node graph; the data is built from it here rather than by
PyYAML's constructor so that hostile input stays bounded (a size cap, a depth limit,
a budget on alias expansion: the "billion laughs") and every position is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .confine import TooLarge, UnsafeFile, read_regular
from .diagnostics import DiagnosticSink, Position

try:  # the C parser is much faster; fall back to pure Python where libyaml is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 32_000_000  # a 100,000-fact lesson is about 20 MB
MAX_DEPTH = 64
MAX_ALIAS_VALUES = 100_000

PathKey = tuple[str | int, ...]

_constructor = yaml.constructor.SafeConstructor()
_SCALAR_TAGS = {
    "tag:yaml.org,2002:null": lambda node: None,
    "tag:yaml.org,2002:bool": _constructor.construct_yaml_bool,
    "tag:yaml.org,2002:int": _constructor.construct_yaml_int,
    "tag:yaml.org,2002:float": _constructor.construct_yaml_float,
    # Dates stay as text: studygen parses partial dates itself.
    "tag:yaml.org,2002:timestamp": lambda node: node.value,
    "tag:yaml.org,2002:str": lambda node: node.value,
}


@dataclass
class Loaded:
    """The data of one YAML file and where each piece of it was written."""

    path: Path
    data: Any
    # libyaml marks (0-based), turned into Positions only when a diagnostic needs one.
    positions: dict[PathKey, Any] = field(default_factory=dict)
    key_positions: dict[PathKey, Any] = field(default_factory=dict)

    def pos(self, path: PathKey) -> Position:
        """Position of the value at `path`, or of its nearest ancestor that has one."""
        while path and path not in self.positions:
            path = path[:-1]
        mark = self.positions.get(path)
        return _mark(mark) if mark is not None else Position(1, 1)

    def key_pos(self, path: PathKey) -> Position:
        """Position of the key naming `path` (falls back to the value's position)."""
        mark = self.key_positions.get(path)
        return _mark(mark) if mark is not None else self.pos(path)


class _TooBig(Exception):
    pass


def _mark(mark: Any) -> Position:
    return Position(mark.line + 1, mark.column + 1)


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
    tabs = False
    for number, line in enumerate(text.splitlines(), 1):
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


def load_yaml(path: Path, sink: DiagnosticSink, raw: bytes | None = None) -> Loaded | None:
    """Parse `path` (or `raw`) into a `Loaded`; on failure report to `sink` and return None."""
    if raw is None:
        try:
            raw = read_regular(path, MAX_BYTES)
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
        loaded.data = _build(yaml.compose(text, Loader=_Loader), loaded)
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


def _scalar(node: yaml.ScalarNode) -> Any:
    convert = _SCALAR_TAGS.get(node.tag)
    if convert is None:
        raise _BadNode(_mark(node.start_mark), "load.tag", f"the tag '{node.tag}' is not allowed in a facts file",
                       "remove the '!' tag")  # fmt: skip
    try:
        return convert(node)
    except (ValueError, KeyError, TypeError, OverflowError):
        # '!!int "x"', '!!bool "maybe"', or an integer past Python's 4,300-digit limit
        shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
        message = f"'{shown}' cannot be read as {node.tag.rsplit(':', 1)[-1]}"
        hint = "put the value in quotation marks to keep it as text, or write a shorter number"
        raise _BadNode(_mark(node.start_mark), "load.value", message, hint) from None


def _build(root: yaml.Node | None, loaded: Loaded) -> Any:
    """Turn the composed node graph into plain data, iteratively, recording positions by path.

    libyaml composes the graph in C without expanding aliases; expanding them here is
    where a "billion laughs" would explode, so repeated visits are budgeted.
    """
    if root is None:
        return None
    result: dict[str, Any] = {}
    seen: set[int] = set()
    repeats = 0
    # Work items: (node, path, parent container, key in parent, depth). An alias to a
    # list that contains it makes a cycle, which the depth limit ends.
    work: list[tuple[yaml.Node, PathKey, Any, Any, int]] = [(root, (), result, "root", 0)]
    while work:
        node, path, parent, key, depth = work.pop()
        if id(node) in seen:
            repeats += 1
            if repeats > MAX_ALIAS_VALUES:
                raise _TooBig(f"YAML aliases expand to more than {MAX_ALIAS_VALUES:,} values")
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _TooBig(f"the data is nested more than {MAX_DEPTH} levels deep")
        loaded.positions[path] = node.start_mark
        if isinstance(node, yaml.ScalarNode):
            value: Any = _scalar(node)
        elif isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise _BadNode(
                    _mark(node.start_mark), "load.tag", f"the tag '{node.tag}' is not allowed", "remove the '!' tag"
                )
            value = [None] * len(node.value)
            work.extend((child, path + (i,), value, i, depth + 1) for i, child in reversed(list(enumerate(node.value))))
        else:
            if node.tag != "tag:yaml.org,2002:map":
                raise _BadNode(
                    _mark(node.start_mark), "load.tag", f"the tag '{node.tag}' is not allowed", "remove the '!' tag"
                )
            value = {}
            pending = []
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    raise _BadNode(
                        _mark(key_node.start_mark),
                        "load.complex-key",
                        "a key must be a plain word, not a list or mapping",
                    )
                name = _scalar(key_node)
                name = name if isinstance(name, str) else str(name)
                if name in value:
                    raise _BadNode(
                        _mark(key_node.start_mark),
                        "load.duplicate-key",
                        f"the key '{name}' appears twice in the same mapping",
                        "remove one of them; YAML would silently keep only the last",
                    )
                value[name] = None
                loaded.key_positions[path + (name,)] = key_node.start_mark
                pending.append((value_node, path + (name,), value, name, depth + 1))
            work.extend(reversed(pending))
        parent[key] = value
    return result["root"]
