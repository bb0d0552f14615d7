"""YAML indentation mistakes explained in a teacher's words, with the lines shown against each other.

PyYAML reports one space too many as "mapping values are not allowed here" (the line is read as
the rest of the value above it) and one too few as "did not find expected key": both true of the
parser, neither says what to change. When the line PyYAML stops at is indented unlike the lines
above it, this says so, and shows the two lines with a mark under the first character.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .diagnostics import Position

_KEY_WITH_VALUE = re.compile(r"(?:[^\s#:][^#:]*|\"[^\"]*\"|'[^']*'):[ \t]+[^\s#]")
_KEY = re.compile(r"[^\s#:][^#:]*?(?=:(?:\s|$))")


@dataclass(frozen=True)
class Explanation:
    pos: Position
    message: str
    hint: str


def explain_indentation(text: str, line: int, column: int, problem: str) -> Explanation | None:
    """An explanation of PyYAML's `problem` at 0-based `line` and `column` of `text` when that line's
    indentation is out of step with the lines above it; None when it is not (then PyYAML's own words
    stand). PyYAML must have stopped at the line's first key: elsewhere (inside a quotation left open
    lines above, say) the line's indentation is not what is wrong."""
    lines = text.splitlines()
    if not 0 < line < len(lines) or not lines[line].strip() or lines[line].lstrip().startswith("#"):
        return None
    indent = _indent(lines[line])
    key = _key_of(lines[line][indent:])
    if column not in (indent, indent + len(key)):
        return None
    levels = _levels_above(lines, line)
    if not levels:
        return None
    above, column = levels[0]
    if "mapping values are not allowed" in problem:
        # The line is read as the rest of the value on the line above: it is indented past that line's key.
        if indent <= column or not _KEY_WITH_VALUE.match(lines[above][column:]):
            return None
        target, target_line = column, above
        why = f"so YAML reads it as part of the value on line {above + 1}"
    elif "expected <block end>" in problem or "did not find expected" in problem:
        if any(indent == level for _, level in levels):
            return None
        nearest = min(abs(level - indent) for _, level in levels)
        (target_line, target), *other = [(at, level) for at, level in levels if abs(level - indent) == nearest]
        why = "and lines of one list or mapping must start in the same column"
        if other:  # as near to a level in and a level out: either may be meant
            return _either(lines, line, indent, (target_line, target), other[0], why)
    else:
        return None
    this_key, that_key = _key_of(lines[line][indent:]), _key_of(lines[target_line][target:])
    message = f"line {line + 1} is indented {_spaces(indent)}, line {target_line + 1} above it {_spaces(target)}, {why}"
    hint = (
        f"indent line {line + 1} by {_spaces(target)}"
        + (f", so that '{this_key}' lines up with '{that_key}'" if this_key and that_key else "")
        + ":\n"
        + _excerpt(lines, target_line, line, indent, target)
    )
    return Explanation(Position(line + 1, indent + 1), message, hint)


def _either(
    lines: list[str], line: int, indent: int, inner: tuple[int, int], outer: tuple[int, int], why: str
) -> Explanation:
    """The explanation when the line is as far from the block above it as from the block around that."""
    message = (
        f"line {line + 1} is indented {_spaces(indent)}, between line {inner[0] + 1} ({_spaces(inner[1])}) "
        f"and line {outer[0] + 1} ({_spaces(outer[1])}) above it, {why}"
    )
    this_key = _key_of(lines[line][indent:])
    choices = " or ".join(
        f"by {_spaces(level)} to line up with '{_key_of(lines[at][level:])}' on line {at + 1}"
        for at, level in (inner, outer)
    )
    hint = f"indent {f'{this_key!r}' if this_key else f'line {line + 1}'} {choices}:\n" + _excerpt(
        lines, inner[0], line, indent, inner[1], off=True
    )
    return Explanation(Position(line + 1, indent + 1), message, hint)


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _key_column(text: str) -> int:
    """Where a line's content starts, after its indentation and any list dashes ('  - title:' is 4)."""
    column = _indent(text)
    while text[column : column + 2] in ("- ", "-\t"):
        column += 1
        while column < len(text) and text[column] == " ":
            column += 1
    return column


def _levels_above(lines: list[str], line: int) -> list[tuple[int, int]]:
    """(line, column) of the blocks the lines above `line` open, innermost first: each line whose
    content starts left of every line after it, counting from the nearest line with content."""
    levels: list[tuple[int, int]] = []
    for index in range(line - 1, -1, -1):
        stripped = lines[index].strip()
        if not stripped or stripped.startswith("#"):
            continue
        column = _key_column(lines[index])
        if not levels or column < levels[-1][1]:
            levels.append((index, column))
        if column == 0:
            break
    return levels


def _key_of(content: str) -> str:
    found = _KEY.match(content)
    return found.group().strip() if found else ""


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


def _excerpt(lines: list[str], above: int, line: int, indent: int, target: int, off: bool = False) -> str:
    """The two lines with their numbers, and a mark under the misplaced one saying by how much."""
    width = len(str(line + 1))
    shown = [above] if above == line - 1 else [above, -1]
    rows = [f"{'':>{width}} | ..." if index < 0 else f"{index + 1:>{width}} | {lines[index]}" for index in shown]
    rows.append(f"{line + 1:>{width}} | {lines[line]}")
    difference = indent - target
    amount = "one space" if abs(difference) == 1 else f"{abs(difference)} spaces"
    change = f"off by {amount}" if off else f"{amount} too {'many' if difference > 0 else 'few'}"
    rows.append(f"{'':>{width}} | {' ' * indent}^ {change}")
    return "\n".join(rows)
