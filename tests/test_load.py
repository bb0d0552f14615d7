"""The loader turns any bytes into data or diagnostics, never an exception or a hang."""

from __future__ import annotations

from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studygen.diagnostics import DiagnosticSink, Position
from studygen.lessons import read_lesson
from studygen.load import MAX_BYTES, load_yaml

FILE = Path("facts.yaml")

yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=30,
)


def _assert_clean(raw: bytes) -> None:
    sink = DiagnosticSink(FILE)
    loaded = load_yaml(FILE, sink, raw)
    assert (loaded is None) == sink.has_errors
    for diagnostic in sink.items:
        assert diagnostic.line >= 1 and diagnostic.col >= 1 and diagnostic.code.startswith("load.")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_random_text_gives_data_or_diagnostics(text: str) -> None:
    _assert_clean(text.encode("utf-8"))


@settings(max_examples=200)
@given(st.binary(max_size=200))
def test_random_bytes_give_data_or_diagnostics(raw: bytes) -> None:
    _assert_clean(raw)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(yaml_values)
def test_random_yaml_round_trips_or_is_reported(value: object) -> None:
    raw = yaml.safe_dump(value, allow_unicode=True).encode("utf-8")
    sink = DiagnosticSink(FILE)
    loaded = load_yaml(FILE, sink, raw)
    if value is None:
        assert loaded is None and [d.code for d in sink.items] == ["load.empty"]
    else:  # the same data PyYAML's own safe loader gives
        assert loaded is not None, sink.items
        assert loaded.data == yaml.load(raw, Loader=yaml.CSafeLoader)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(value=yaml_values)
def test_random_yaml_as_a_lesson_gives_diagnostics(value: object, tmp_path_factory) -> None:
    folder = tmp_path_factory.mktemp("lesson")
    path = folder / "facts.yaml"
    raw = yaml.safe_dump({"lesson": value, "people": value, "facts": value}).encode("utf-8")
    checked = read_lesson(path, raw=raw)
    assert checked.diagnostics, "a random lesson cannot be valid"


def test_positions_of_nested_values() -> None:
    sink = DiagnosticSink(FILE)
    loaded = load_yaml(FILE, sink, b"facts:\n  - id: a\n    when: 1990\n")
    assert loaded is not None
    assert loaded.data == {"facts": [{"id": "a", "when": 1990}]}
    assert loaded.pos(("facts", 0, "when")) == Position(3, 11)
    assert loaded.key_pos(("facts", 0, "when")) == Position(3, 5)


def test_dates_stay_text() -> None:
    sink = DiagnosticSink(FILE)
    loaded = load_yaml(FILE, sink, b"when: 2017-06-12\n")
    assert loaded is not None and loaded.data == {"when": "2017-06-12"}


def test_a_50_megabyte_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    with path.open("wb") as handle:
        line = b"- id: fact\n  said: " + b"x" * 80 + b"\n"
        handle.write(line * (50_000_000 // len(line)))
    assert path.stat().st_size > MAX_BYTES
    checked = read_lesson(path)
    assert [d.code for d in checked.diagnostics] == ["load.too-large"]
    assert "50.0 MB" in checked.diagnostics[0].message
