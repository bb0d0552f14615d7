"""Issue 29: a lesson, its outputs, its manifest and format plugins are untrusted.

Nothing outside the lesson is followed or shown, a plugin fails as a plugin, a tampered
manifest is an input error, hostile sizes cost linear time, a killed build's leftovers are
removed, and every refusal has its exit code, message and hint.
"""

from __future__ import annotations

import calendar
import errno
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.generate import write_common_evidence_lesson, write_long_comment_lesson
from bench.generate import write_lesson as write_generated_lesson
from studygen.confine import MAX_FILE_BYTES, TooLarge, UnsafeFile, inside, read_regular
from studygen.export import ExportError
from studygen.export import manifest as manifest_module
from studygen.export.manifest import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    MAX_ROLE_ID_CHARS,
    MAX_TIME,
    Entry,
    Manifest,
    read_manifest,
)
from studygen.files import LOCK_NAME
from studygen.lessons import read_lesson
from studygen.load import MAX_LINE_CHARS
from studygen.outputs import RECORD_NAME

from . import test_hostile
from .conftest import CASES
from .hostile import BUILD, CHECK, Case, Setup, _both, _removed, _source, _symlink, _write
from .test_hostile import built_lesson, snapshot  # noqa: F401 - built_lesson is a fixture

# -- Bounded cost ------------------------------------------------------------------------------


def _cpu_seconds_of_check(facts: Path) -> tuple[float, list[str]]:
    started = time.process_time()
    checked = read_lesson(facts)
    return time.process_time() - started, [d.code for d in checked.diagnostics if d.is_error]


def test_long_comment_lines_are_measured_in_linear_time(tmp_path: Path) -> None:
    """20 comment lines of 100,000 characters took 50 s: a pattern for a long line restarted at every
    character. At the limit the lines are accepted, one character over they are refused."""
    facts = write_long_comment_lesson(tmp_path, 20, MAX_LINE_CHARS)
    seconds, errors = _cpu_seconds_of_check(facts)
    assert errors == [] and seconds < 5
    facts.write_text("\n" * 20 + "#" + facts.read_text(encoding="utf-8"), encoding="utf-8")
    [error] = read_lesson(facts).diagnostics
    assert (error.line, error.col, error.code) == (21, 1, "load.long-line")
    assert error.message == "a line is longer than 100,000 characters"
    assert error.hint == "write one value per line; long text can be split over lines with a '>' block"


def test_thousands_of_facts_with_a_common_word_as_evidence_are_found_through_the_index(tmp_path: Path) -> None:
    """3,000 facts whose evidence is "the" in a 2 MB article took 300 s: each walked every "the..."."""
    facts = write_common_evidence_lesson(tmp_path, 3000, 2_000_000)
    seconds, errors = _cpu_seconds_of_check(facts)
    assert errors == [] and seconds < 5
    article = (tmp_path / "article.txt").read_text(encoding="utf-8")
    first_the = article.index(" the ") + 1
    spans = read_lesson(facts).report.spans
    assert len(spans) == 3000 and set(map(tuple, spans.values())) == {((first_the, first_the + 3),)}


# -- The hostile corpus, grown: links, manifests, command lines ------------------------------------

_SECRET = "root: '$6$not-a-real-hash$x:19000:0:99999:7:::'\ndaemon: '*:19000:0:99999:7:::'\n"  # YAML


def _link_out(relative: str, outside: str) -> Setup:
    """`relative` becomes a link to the file `outside`, which holds what looks like password hashes."""
    return _both(_write(outside, _SECRET), _symlink(relative, "{root}/" + outside))


def _moved_out(relative: str, outside: str) -> Setup:
    """The folder `relative` is moved to `outside` and a link to it left in its place."""

    def setup(root: Path) -> None:
        shutil.move(root / relative, root / outside)
        (root / relative).symlink_to(root / outside)

    return setup


_NOT_SHOWN = r"\A(?![\s\S]*(not-a-real-hash|daemon|secret-name))"  # nothing of the outside file in the output
LINK_CASES = [
    Case(
        "facts-link-out",
        CHECK,
        1,
        _NOT_SHOWN + r"[\s\S]*facts\.yaml:1:1: error: 'facts\.yaml' leads outside the lesson folder \(through a "
        r"symbolic link\) \[load\.unreadable\]\n  hint: copy what the link points to into the lesson folder in place "
        r"of the link",
        _link_out("lesson/facts.yaml", "passwd"),
    ),
    Case(
        "facts-link-out-build",
        BUILD,
        1,
        _NOT_SHOWN + r"[\s\S]*leads outside the lesson folder[\s\S]*stopped: .*has errors",
        _link_out("lesson/facts.yaml", "passwd"),
    ),
    Case(
        "facts-link-out-by-folder",
        ("check", "{root}"),
        1,
        _NOT_SHOWN + r"[\s\S]*'facts\.yaml' leads outside",
        _link_out("lesson/facts.yaml", "passwd"),
    ),
    Case(
        "facts-link-to-other-lesson",
        CHECK,
        1,
        r"'facts\.yaml' leads outside the lesson folder \(through a symbolic link\)",
        _both(
            lambda root: shutil.copytree(root / "lesson", root / "other"),
            _symlink("lesson/facts.yaml", "../other/facts.yaml"),
        ),
    ),
    Case(
        "facts-link-inside",
        CHECK,
        0,
        r"^lesson/facts\.yaml: 3 facts, 4 people.* 0 error",
        _both(
            lambda root: (root / "lesson" / "facts.yaml").rename(root / "lesson" / "real.yaml"),
            _symlink("lesson/facts.yaml", "real.yaml"),
        ),
    ),
    Case(
        "templates-folder-link-out",
        CHECK,
        1,
        _NOT_SHOWN + r"[\s\S]*templates:1:1: error: 'templates' leads outside the lesson folder \(through a "
        r"symbolic link\) \[questions\.template-file\]\n  hint: copy what the link points to",
        _both(_write("elsewhere/secret-name.j2", "{{ said }}"), _symlink("lesson/templates", "{root}/elsewhere")),
    ),
    Case(
        "article-under-a-file",
        CHECK,
        1,
        r"error: the article file 'article\.txt/x' does not exist \[source\.missing\]",
        _source("article.txt/x"),
    ),
    Case(
        "out-folder-link",
        BUILD,
        2,
        r"^studygen: cannot write into .*decks/broken: it is a symbolic link; a lesson's outputs go into a real "
        r"folder, so that no file from elsewhere is published with them: remove the link \(the build then makes the "
        r"folder\), or choose the folder with --out; the previous outputs are unchanged$",
        _both(_moved_out("decks/broken", "keys"), _write("keys/id_rsa", "PRIVATE KEY")),
    ),
    Case(
        "out-folder-link-new-manifest",
        (*BUILD, "--new-manifest", "-f", "gift"),
        2,
        r"decks/broken: it is a symbolic link",
        _both(_moved_out("decks/broken", "keys"), _write("keys/id_rsa", "PRIVATE KEY")),
    ),
    Case(
        "out-folder-dangling-link",
        BUILD,
        2,
        r"decks/broken: it is a symbolic link",
        _both(_removed("decks/broken"), _symlink("decks/broken", "{root}/nowhere")),
    ),
    Case(
        "staging-copy-is-not-a-lesson",
        ("check", "{root}"),
        0,
        r"\A(?![\s\S]*(studygen-new|duplicate-id))lesson/facts\.yaml: 3 facts",
        lambda root: shutil.copytree(root / "lesson", root / ".lesson.studygen-new-x1y2"),
    ),
]

_ROLE = '"baker": ["us-secretary-of-state"]'


def _manifest_sub(pattern: str, new: str) -> Setup:
    """Replace the first match of `pattern` in the built deck's manifest with `new`, taken as it is."""

    def setup(root: Path) -> None:
        path = root / "decks" / "broken" / MANIFEST_NAME
        text = path.read_text(encoding="utf-8")
        assert re.search(pattern, text), pattern
        path.write_text(re.sub(pattern, lambda _: new, text, count=1), encoding="utf-8")

    return setup


def _manifest_edit(old: str, new: str) -> Setup:
    return _manifest_sub(re.escape(old), new)


def _first_mod(value: str) -> Setup:
    return _manifest_sub(r'"mod": \d+', f'"mod": {value}')


def _latest(value: str) -> Setup:
    return _manifest_sub(r'"latest": \d+', f'"latest": {value}')


_RESTORE = r"; restore it from version control, or delete it and build with --new-manifest"
_IN = r"^studygen: cannot read .*decks/broken/anki-manifest\.json: "
_NOTE = _IN + r"the note \"[^\"]+\": "
MANIFEST_CASES = [
    Case(
        "manifest-mod-2-63",
        BUILD,
        1,
        _IN + r"the note .*: 'mod' is 9223372036854775808, not a time",
        _first_mod(str(2**63)),
    ),
    Case("manifest-mod-2-64", BUILD, 1, _NOTE + r"'mod' is 18446744073709551616, not a time", _first_mod(str(2**64))),
    Case(
        "manifest-mod-year-10000",
        BUILD,
        1,
        _NOTE + r"'mod' is 253402300800, not a time \(whole seconds since "
        r"1970, before the year 10000\)" + _RESTORE,
        _first_mod("253402300800"),
    ),
    Case("manifest-mod-negative", BUILD, 1, _NOTE + r"'mod' is -5, not a time", _first_mod("-5")),
    Case("manifest-mod-text", BUILD, 1, _NOTE + r"'mod' is \"17\", not a whole number", _first_mod('"17"')),
    Case(
        "manifest-mod-missing",
        BUILD,
        1,
        _NOTE + r"'mod' is missing, not a whole number",
        _manifest_edit(', "mod": ', ', "mtime": '),
    ),
    Case(
        "manifest-latest-2-63",
        BUILD,
        1,
        _IN
        + r"'latest' is 9223372036854775808, not a time \(whole seconds since 1970, before the year 10000\)"
        + _RESTORE,
        _latest(str(2**63)),
    ),
    Case("manifest-latest-negative", BUILD, 1, _IN + r"'latest' is -1, not a time", _latest("-1")),
    Case("manifest-latest-float", BUILD, 1, _IN + r"'latest' is 1\.5, not a whole number", _latest("1.5")),
    Case("manifest-latest-true", BUILD, 1, _IN + r"'latest' is true, not a whole number", _latest("true")),
    Case(
        "manifest-role-id-long",
        BUILD,
        1,
        _IN + r"a role id of 'baker' is \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\.\.\., not an id a build writes",
        _manifest_edit(_ROLE, '"baker": ["' + "x" * 100_000 + '"]'),
    ),
    Case(
        "manifest-role-id-nul",
        (*BUILD, "-f", "moodle"),
        1,
        _IN + r"a role id of 'baker' is \"us\\u0000x\", not an id a build writes",
        _manifest_edit(_ROLE, '"baker": ["us\\u0000x"]'),
    ),
    Case(
        "manifest-role-id-script",
        (*BUILD, "-f", "qti"),
        1,
        _IN + r"a role id of 'baker' is \"<script>alert\(1\)</script>\", not an id a build writes",
        _manifest_edit(_ROLE, '"baker": ["<script>alert(1)</script>"]'),
    ),
    Case(
        "manifest-role-id-number",
        BUILD,
        1,
        _IN + r"a role id of 'baker' is 7, not an id",
        _manifest_edit(_ROLE, '"baker": [7]'),
    ),
    Case(
        "manifest-role-ids-not-list",
        BUILD,
        1,
        _IN + r"'roles' holds \"baker\": \"us-secretary-of-state\", not a "
        r"person's id and a list of role ids",
        _manifest_edit(_ROLE, '"baker": "us-secretary-of-state"'),
    ),
    Case(
        "manifest-role-person-bad",
        BUILD,
        1,
        _IN + r"'roles' holds \"Baker\\n\"",
        _manifest_edit(_ROLE, '"Baker\\n": ["us-secretary-of-state"]'),
    ),
    Case(
        "manifest-roles-list",
        BUILD,
        1,
        _IN + r"'roles' is \[\], not an object",
        _manifest_edit('"roles": {', '"roles": [], "x": {'),
    ),
    Case(
        "manifest-lesson-number",
        BUILD,
        1,
        _IN + r"'lesson' is 3, not a string",
        _manifest_edit('"lesson": "broken"', '"lesson": 3'),
    ),
    Case(
        "manifest-lesson-not-id",
        BUILD,
        1,
        _IN + r"'lesson' is \"\.\./x\", not a lesson id",
        _manifest_edit('"lesson": "broken"', '"lesson": "../x"'),
    ),
    Case(
        "manifest-notes-list",
        BUILD,
        1,
        _IN + r"'notes' is \[\], not an object",
        _write("decks/broken/anki-manifest.json", '{"lesson": "broken", "notes": []}'),
    ),
    Case(
        "manifest-hash-quote",
        BUILD,
        1,
        _IN + r"the note .*'hash' or 'type' is not what a build writes",
        _manifest_edit('"hash": "', '"hash": "\\"'),
    ),
    Case(
        "manifest-type-long",
        BUILD,
        1,
        _NOTE + r"'hash' or 'type' is not what a build writes",
        _manifest_edit('"type": "', '"type": "' + "q" * 17),
    ),
    Case(
        "manifest-array",
        BUILD,
        1,
        _IN + r"it holds \[1, 2\], not a studygen manifest",
        _write("decks/broken/anki-manifest.json", "[1, 2]"),
    ),
]

COMMAND_CASES = [
    Case(
        "format-empty",
        ("build", "{lesson}", "--format", ""),
        2,
        r"^studygen: --format names no format; choose from: anki, worksheet, ",
    ),
    Case("format-commas", ("build", "{lesson}", "-f", " , "), 2, r"--format names no format"),
    Case(
        "draft-too-large",
        ("draft", "{root}/big.txt"),
        1,
        r"^studygen: cannot read .*big\.txt: the file is 34\.0 MB; at most 32 MB can be read; split it into smaller "
        r"lessons$",
        _write("big.txt", b"word " * 6_800_000),
    ),
    Case(
        "new-too-large",
        ("new", "{root}/big.txt", "--id", "big", "--seeds", "{root}/s"),
        1,
        r"the file is 34\.0 MB; at most 32 MB",
        _write("big.txt", b"word " * 6_800_000),
    ),
    Case(
        "article-too-large-same-code",
        CHECK,
        1,
        r"error: the file is 34\.0 MB; at most 32 MB can be read \[source\.unsafe\]\n  hint: split it into smaller",
        _write("lesson/article.txt", b"word " * 6_800_000),
    ),
]


@pytest.mark.parametrize("case", LINK_CASES + MANIFEST_CASES + COMMAND_CASES, ids=lambda case: case.name)
def test_safe_case(
    case: Case,
    built_lesson: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Run as the corpus runs: exit code, message, no traceback, nothing changed."""
    test_hostile.test_hostile_case(case, built_lesson, tmp_path, monkeypatch, capsys)


def _edited_copy(base: Path, tmp_path: Path) -> Path:
    """A copy of the built lesson with one fact changed, so that a build publishes new outputs."""
    root = tmp_path / "case"
    shutil.copytree(base, root, symlinks=True)
    facts = root / "lesson" / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("about: Washington", "about: Moscow"), encoding="utf-8")
    return root


def _studygen(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "studygen", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=300
    )


def test_a_link_inside_the_output_folder_stays_a_link_and_nothing_is_copied_through_it(
    built_lesson: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
) -> None:
    root = _edited_copy(built_lesson, tmp_path)
    (root / "keys").mkdir()
    (root / "keys" / "id_rsa").write_text("PRIVATE KEY", encoding="utf-8")
    (root / "decks" / "broken" / "keys").symlink_to(root / "keys")
    (root / "decks" / "broken" / "key").symlink_to(root / "keys" / "id_rsa")
    result = _studygen("build", str(root / "lesson"), "--out", str(root / "decks"))
    assert result.returncode == 0, result.stderr
    out = root / "decks" / "broken"
    assert os.readlink(out / "keys") == str(root / "keys") and os.readlink(out / "key") == str(root / "keys" / "id_rsa")
    assert [p.name for p in (root / "keys").iterdir()] == ["id_rsa"]
    assert not any(path.is_file() and not path.is_symlink() and path.read_bytes() == b"PRIVATE KEY"
                   for path in (root / "decks").rglob("*"))  # fmt: skip
    assert sorted(p.name for p in (root / "decks").iterdir()) == [LOCK_NAME, "broken"]  # the builds' lock


def test_a_leftover_staging_link_is_removed_not_what_it_points_to(
    built_lesson: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
) -> None:
    """A build killed in the middle of the old swap left `decks/.<lesson>.studygen-new-*` as a link."""
    root = _edited_copy(built_lesson, tmp_path)
    (root / "keys").mkdir()
    (root / "keys" / "id_rsa").write_text("PRIVATE KEY", encoding="utf-8")
    (root / "decks" / ".broken.studygen-new-abc123").symlink_to(root / "keys")
    (root / "decks" / ".broken.studygen-old").symlink_to(root / "keys")
    result = _studygen("build", str(root / "lesson"), "--out", str(root / "decks"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (root / "decks").iterdir()) == [LOCK_NAME, "broken"]  # the builds' lock
    assert (root / "keys" / "id_rsa").read_text(encoding="utf-8") == "PRIVATE KEY"
    assert not (root / "decks" / "broken" / "id_rsa").exists()


def test_a_staging_copy_of_a_lesson_beside_it_is_not_read_and_the_next_build_removes_it(
    built_lesson: Path,  # noqa: F811 - the fixture
    tmp_path: Path,
) -> None:
    """With --out seeds, a build killed while publishing left `seeds/.<lesson>.studygen-new-*`, a full copy
    of the lesson: `check seeds` read it as a second lesson with the same id, and so every build failed."""
    seeds = tmp_path / "seeds"
    shutil.copytree(built_lesson / "lesson", seeds / "broken")
    shutil.copytree(seeds / "broken", seeds / ".broken.studygen-new-x1y2")
    checked = _studygen("check", str(seeds))
    assert checked.returncode == 0, checked.stderr
    assert (
        checked.stdout.startswith(f"{seeds.relative_to(tmp_path)}/broken/facts.yaml: 3 facts")
        or "3 facts" in checked.stdout
    )
    assert "studygen-new" not in checked.stdout + checked.stderr
    built = _studygen("build", str(seeds), "--out", str(seeds), "-f", "gift", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert sorted(p.name for p in seeds.iterdir()) == [LOCK_NAME, "broken"]
    assert (seeds / "broken" / "broken.gift.txt").is_file()


# -- Format plugins fail as plugins ------------------------------------------------------------------

_PLUGIN = """
import sys
from studygen.export import Exporter, Output
from studygen.questions.shapes import Shape

{at_import}


def export(build):
    {in_export}
    return [Output({name}, b"a line\\n")]


exporter = Exporter("evil", "A hostile format", export, {{Shape.SHORT: "a line"}})
"""


def _install_plugin(
    folder: Path, at_import: str = "", in_export: str = "pass", name: str = '"evil.txt"'
) -> dict[str, str]:
    """A real installed package `evil-format` (a module and its dist-info on the path) declaring the
    format `evil` in the studygen.formats entry point group; the environment to run studygen with."""
    folder.mkdir(exist_ok=True)
    source = _PLUGIN.format(at_import=at_import, in_export=in_export, name=name)
    (folder / "evil_format.py").write_text(source, encoding="utf-8")
    info = folder / "evil_format-1.0.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: evil-format\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[studygen.formats]\nevil = evil_format:exporter\n", encoding="utf-8")
    return {**os.environ, "PYTHONPATH": str(folder)}


@pytest.fixture(scope="module")
def gift_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The valid lesson with its GIFT file built: the outputs a failing plugin must leave as they are."""
    root = tmp_path_factory.mktemp("plugin-base")
    shutil.copytree(CASES / "valid-base", root / "lesson")
    result = _studygen("build", str(root / "lesson"), "--out", str(root / "decks"), "-f", "gift")
    assert result.returncode == 0, result.stderr
    return root


_EVIL = "the format 'evil' of the package evil-format"
_UNINSTALL = "; nothing was written; upgrade or uninstall evil-format (or build without that format)"


@pytest.mark.parametrize(
    ("in_export", "name", "message"),
    [
        ("raise RuntimeError('boom')", '"evil.txt"', f"{_EVIL} failed: RuntimeError: boom{_UNINSTALL}"),
        ("sys.exit(0)", '"evil.txt"', f"{_EVIL} failed: SystemExit: 0{_UNINSTALL}"),
        ("sys.exit(5)", '"evil.txt"', f"{_EVIL} failed: SystemExit: 5{_UNINSTALL}"),
        ("sys.exit()", '"evil.txt"', f"{_EVIL} failed: SystemExit{_UNINSTALL}"),
        ("return [b'x']", '"evil.txt"', f"{_EVIL} made bytes, not an Output of bytes{_UNINSTALL}"),
        ("pass", '"../x.txt"', f"{_EVIL} names its file '../x.txt', not a plain file name: a format writes only"),
        ("pass", '"../../outside/" + build.lesson.title', f"{_EVIL} names its file '../../outside/A broken lesson'"),
        ("pass", "str(build.out_dir.parent / 'x.txt')", "names its file '/"),
        ("pass", '"sub/x.txt"', "names its file 'sub/x.txt', not a plain file name"),
        ("pass", '"sub\\\\x.txt"', "names its file 'sub\\\\x.txt', not a plain file name"),
        ("pass", '".."', "names its file '..', not a plain file name"),
        ("pass", '""', "names its file '', not a plain file name"),
        ("pass", '"a\\nb"', "names its file 'a\\nb', not a plain file name"),
        ("pass", '".broken.studygen-old"', "names its file '.broken.studygen-old', not a plain file name"),
        ("pass", '"anki-manifest.json"', f"{_EVIL} names its file 'anki-manifest.json', the Anki manifest: a format "
         "writes only files of its own, named without a folder, inside the lesson's output folder" + _UNINSTALL),
        ("pass", '"broken.gift.txt"', f"{_EVIL} names its file 'broken.gift.txt', the gift format's file"),
    ],
)  # fmt: skip
def test_a_failing_format_plugin_is_named_and_the_outputs_stay(
    gift_built: Path, tmp_path: Path, in_export: str, name: str, message: str
) -> None:
    root = tmp_path / "case"
    shutil.copytree(gift_built, root)
    before = snapshot(root)
    env = _install_plugin(tmp_path / "plugin", in_export=in_export, name=name)
    result = _studygen("build", str(root / "lesson"), "--out", str(root / "decks"), "-f", "gift,evil", env=env)
    assert result.returncode == 2, result.stderr
    [line] = re.findall("^studygen: .*", result.stderr, re.MULTILINE)  # one message
    assert line.startswith(f"studygen: {_EVIL} ") and message in line, line
    assert "Traceback" not in result.stderr
    assert snapshot(root) == before
    assert not (tmp_path / "x.txt").exists() and not (tmp_path / "outside").exists()


@pytest.mark.parametrize("at_import", ["sys.exit(5)", "sys.exit(0)", "raise ValueError('no config')"])
def test_a_plugin_that_fails_to_load_stops_builds_but_the_list_of_formats_is_shown(
    gift_built: Path, tmp_path: Path, at_import: str
) -> None:
    env = _install_plugin(tmp_path / "plugin", at_import=at_import)
    what = {"sys.exit(5)": "SystemExit: 5", "sys.exit(0)": "SystemExit: 0"}.get(at_import, "ValueError: no config")
    message = (
        f"studygen: the format 'evil' (evil_format:exporter) failed to load: {what}; upgrade or uninstall the "
        "package evil-format that provides it\n"
    )
    listed = _studygen("build", "--list-formats", env=env)
    assert listed.returncode == 2 and listed.stderr == message
    assert (
        listed.stdout.startswith("anki       Anki deck") and "\ngift " in listed.stdout and "evil" not in listed.stdout
    )
    root = tmp_path / "case"
    shutil.copytree(gift_built, root)
    before = snapshot(root)
    built = _studygen("build", str(root / "lesson"), "--out", str(root / "decks"), "-f", "gift", env=env)
    assert (built.returncode, built.stderr) == (2, message)
    assert snapshot(root) == before


def test_a_working_plugin_still_writes_its_file(gift_built: Path, tmp_path: Path) -> None:
    """The checks above refuse only what they should: a plain name of the format's own is written."""
    root = tmp_path / "case"
    shutil.copytree(gift_built, root)
    env = _install_plugin(tmp_path / "plugin", name="build.lesson.id + '.evil.txt'")
    result = _studygen("build", str(root / "lesson"), "--out", str(root / "decks"), "-f", "gift,evil", env=env)
    assert result.returncode == 0, result.stderr
    assert (root / "decks" / "broken" / "broken.evil.txt").read_bytes() == b"a line\n"


# -- Leftovers of killed builds ----------------------------------------------------------------------

_HOLD_LOCK = (  # a live build holding its scratch folder, as files.scratch_folder does
    "import sys, time\n"
    "from pathlib import Path\n"
    "from studygen.files import LOCK_NAME\n"
    "import filelock\n"
    "with filelock.FileLock(Path(sys.argv[1]) / LOCK_NAME):\n"
    "    print('locked', flush=True)\n"
    "    time.sleep(600)\n"
)


def _aged(path: Path, seconds: float = 3600) -> Path:
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)
    return path


def test_the_scratch_folder_of_a_killed_build_is_removed_by_the_next_build(tmp_path: Path) -> None:
    """SIGKILL cannot be caught, so the Anki writer's folder in TMPDIR stays; the next build removes it,
    but never a folder a live build holds, one just made, a link or what it points to."""
    lesson = write_generated_lesson(tmp_path / "lesson", 600).parent
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "TMPDIR": str(scratch)}
    command = [sys.executable, "-m", "studygen", "build", str(lesson), "--out", str(tmp_path / "decks"), "-f", "anki"]
    killed = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (found := list(scratch.glob("studygen-anki-*"))) and killed.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.002)
    killed.kill()
    killed.wait()
    assert killed.returncode == -signal.SIGKILL, "the build finished before it could be killed"
    [left] = found
    assert left.is_dir()
    _aged(left)
    live = scratch / "studygen-anki-live"
    live.mkdir()
    _aged(live)
    holder = subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(live)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        young = scratch / "studygen-anki-young"
        young.mkdir()
        (tmp_path / "elsewhere").mkdir()
        (tmp_path / "elsewhere" / "keep.txt").write_text("mine", encoding="utf-8")
        link = scratch / "studygen-anki-link"
        link.symlink_to(tmp_path / "elsewhere")
        _aged(link)
        rebuilt = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        assert rebuilt.returncode == 0, rebuilt.stderr
        left_now = {
            p.name: (p.lstat().st_mtime, sorted(os.listdir(p)) if p.is_dir() else None) for p in scratch.iterdir()
        }
        assert sorted(left_now) == ["studygen-anki-link", "studygen-anki-live", "studygen-anki-young"], (
            left.name,
            time.time(),
            left_now,
            rebuilt.stderr[-2000:],
        )
        assert (tmp_path / "elsewhere" / "keep.txt").read_text(encoding="utf-8") == "mine"
    finally:
        holder.kill()
        holder.wait()


# -- The edges of confine.py: limits, races, every refusal with its hint -----------------------------


def _refusal(call: Callable[[], object]) -> tuple[str, str, type]:
    with pytest.raises(UnsafeFile) as refused:
        call()
    return refused.value.message, refused.value.hint, type(refused.value)


def _open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd"))


def test_confine_the_size_limit_exactly_and_one_over(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 2_000_000)
    assert read_regular(path, 2_000_000) == b"x" * 2_000_000
    path.write_bytes(b"x" * 2_000_001)
    opened = _open_descriptors()
    assert _refusal(lambda: read_regular(path, 2_000_000)) == (
        "the file is 2.0 MB; at most 2 MB can be read",
        "split it into smaller lessons",
        TooLarge,
    )
    for size, limit, message in [  # sizes in MB, rounded as people read them (at the edges of rounding)
        (2_049_999, 1_500_000, "the file is 2.0 MB; at most 2 MB can be read"),
        (2_050_001, 2_000_000, "the file is 2.1 MB; at most 2 MB can be read"),
        (2_500_001, 2_500_000, "the file is 2.5 MB; at most 2 MB can be read"),
        (3_500_001, 3_500_000, "the file is 3.5 MB; at most 4 MB can be read"),
    ]:
        path.write_bytes(b"x" * size)
        assert _refusal(lambda: read_regular(path, limit))[0] == message  # noqa: B023 - called at once
    assert _open_descriptors() == opened  # the refused files are closed
    assert read_regular(path) == b"x" * 3_500_001  # the default limit is MAX_FILE_BYTES
    assert MAX_FILE_BYTES == 32_000_000


def test_confine_a_file_that_gives_more_than_its_size_is_cut_at_the_limit(tmp_path: Path) -> None:
    """/proc files say they are empty and then give text: the bytes read are counted, not the size."""
    maps = Path("/proc/self/maps")
    size = len(maps.read_bytes())
    assert _refusal(lambda: read_regular(maps, 99)) == (  # an odd limit: limit + 1 bytes are read, not limit | 1
        "'maps' is larger than 99 bytes",
        "split it into smaller lessons",
        TooLarge,
    )
    assert len(read_regular(maps, 1_000_000)) >= size // 2


def test_confine_a_missing_file_and_a_path_under_a_file_are_missing(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text("text", encoding="utf-8")
    for name in ("nowhere.txt", "article.txt/x"):
        with pytest.raises(FileNotFoundError) as missing:
            read_regular(tmp_path / name)
        assert (missing.value.errno, missing.value.filename) == (errno.ENOENT, str(tmp_path / name))


def test_confine_refuses_folders_pipes_sockets_loops_and_nul(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    os.symlink("loop", tmp_path / "loop")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "socket"))
    server.close()
    regular = "save the text as an ordinary file"
    assert _refusal(lambda: read_regular(tmp_path)) == (
        f"'{tmp_path.name}' is a folder, not a file",
        "name the file inside it",
        UnsafeFile,
    )
    assert _refusal(lambda: read_regular(tmp_path / "pipe")) == (
        "'pipe' is not a regular file (a pipe, device or socket)",
        regular,
        UnsafeFile,
    )
    assert _refusal(lambda: read_regular(tmp_path / "socket"))[:2] == (
        "'socket' is not a regular file (a pipe, device or socket)",
        regular,
    )
    assert _refusal(lambda: read_regular(Path("/dev/zero")))[:2] == (
        "'zero' is not a regular file (a pipe, device or socket)",
        regular,
    )
    ordinary = "name an ordinary file inside the lesson folder"
    assert _refusal(lambda: read_regular(tmp_path / "loop"))[:2] == (
        "cannot read 'loop': Too many levels of symbolic links",
        ordinary,
    )
    assert _refusal(lambda: read_regular(tmp_path / "a\0b"))[:2] == ("cannot read 'a\0b': embedded null byte", ordinary)
    assert _refusal(lambda: read_regular(Path("/proc/self/mem")))[:2] == (
        "cannot read 'mem': Input/output error",
        "check the disk, or copy the file again",
    )


def _as_regular(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """The check before opening sees a regular file at `path`: what it was when it was looked at, before
    another process replaced it."""
    regular = os.stat(__file__)
    real_stat = os.stat
    monkeypatch.setattr(os, "stat", lambda p, *a, **k: regular if Path(p) == path else real_stat(p, *a, **k))


def test_confine_a_file_that_turns_into_a_pipe_after_the_check_is_refused_without_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened without O_NONBLOCK, a pipe with no writer would block for ever; and after opening, the
    file is looked at again, so the pipe is refused instead of read."""
    pipe = tmp_path / "article.txt"
    os.mkfifo(pipe)
    _as_regular(monkeypatch, pipe)
    outcome: list[object] = []
    reader = threading.Thread(target=lambda: outcome.append(_refusal(lambda: read_regular(pipe))), daemon=True)
    opened = _open_descriptors()
    reader.start()
    reader.join(10)
    if reader.is_alive():  # blocked in open() or read(): a writer lets it go, and the test fails
        with open(pipe, "wb") as writer:
            writer.write(b"text")
        reader.join(10)
        pytest.fail("reading a pipe blocked")
    assert outcome == [
        (
            "'article.txt' is not a regular file (a pipe, device or socket)",
            "save the text as an ordinary file",
            UnsafeFile,
        )
    ]
    assert _open_descriptors() == opened


def test_confine_a_file_that_vanishes_or_changes_after_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "article.txt").write_text("text", encoding="utf-8")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "socket"))
    server.close()
    for name in ("gone.txt", "article.txt/x", "socket", "folder"):
        _as_regular(monkeypatch, tmp_path / name)
    (tmp_path / "folder").mkdir()
    for name in ("gone.txt", "article.txt/x"):
        with pytest.raises(FileNotFoundError) as missing:
            read_regular(tmp_path / name)
        assert (missing.value.errno, missing.value.filename) == (errno.ENOENT, str(tmp_path / name))
    assert _refusal(lambda: read_regular(tmp_path / "socket")) == (
        "cannot read 'socket': No such device or address",
        "check the file's permissions",
        UnsafeFile,
    )
    assert _refusal(lambda: read_regular(tmp_path / "folder")) == (
        "'folder' is a folder, not a file",
        "name the file inside it",
        UnsafeFile,
    )


def test_confine_inside_the_lesson_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lesson = tmp_path / "lesson"
    (lesson / "texts").mkdir(parents=True)
    (tmp_path / "secret.txt").write_text("secret", encoding="utf-8")
    (lesson / "out.txt").symlink_to(tmp_path / "secret.txt")
    (lesson / "in.txt").symlink_to("texts")
    (lesson / "loop").symlink_to("loop")
    assert inside(lesson, "a") == lesson / "a"  # one character: not a drive letter
    assert inside(lesson, "") == lesson / ""
    assert inside(lesson, ".") == lesson / "."
    assert inside(lesson, "../lesson/texts/a.txt") == lesson / "../lesson/texts/a.txt"
    assert inside(lesson, "in.txt/a") == lesson / "in.txt/a"
    link = "copy what the link points to into the lesson folder in place of the link"
    assert _refusal(lambda: inside(lesson, "out.txt")) == (
        "'out.txt' leads outside the lesson folder (through a symbolic link)",
        link,
        UnsafeFile,
    )
    assert _refusal(lambda: inside(lesson, "../secret.txt"))[:2] == (
        "'../secret.txt' leads outside the lesson folder",
        "put the file inside the lesson folder and name it relative to facts.yaml",
    )
    assert _refusal(lambda: inside(lesson, ".."))[0] == "'..' leads outside the lesson folder"
    assert _refusal(lambda: inside(lesson, "a\0b"))[:2] == (
        "the path 'a\\x00b' holds a NUL character",
        "write a plain file name",
    )
    absolute = "'{}' is an absolute path; a lesson may only name files inside its own folder"
    assert _refusal(lambda: inside(lesson, "/etc/passwd"))[:2] == (
        absolute.format("/etc/passwd"),
        "copy the file into the lesson folder and write its name, e.g. passwd",
    )
    assert _refusal(lambda: inside(lesson, "C:"))[0] == absolute.format("C:")
    assert _refusal(lambda: inside(lesson, "C:x.txt"))[:2] == (
        absolute.format("C:x.txt"),
        "copy the file into the lesson folder and write its name, e.g. C:x.txt",
    )
    message, hint, _ = _refusal(lambda: inside(lesson, "loop"))
    assert (
        message.startswith("'loop' cannot be followed: Symlink loop from ")
        and hint == "name an ordinary file inside the lesson folder"
    )
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()  # the working folder is gone: a relative lesson path cannot be resolved
    assert _refusal(lambda: inside(Path("lesson"), "a.txt"))[:2] == (
        "'a.txt' cannot be followed: No such file or directory",
        "name an ordinary file inside the lesson folder",
    )


# -- The edges of the manifest reader ----------------------------------------------------------------

_GOOD_NOTE = {"hash": "0123456789abcdef", "mod": 1_700_000_000, "type": "choice"}


def _read(tmp_path: Path, manifest: object) -> Manifest:
    path = tmp_path / MANIFEST_NAME
    path.write_text(manifest if isinstance(manifest, str) else json.dumps(manifest), encoding="utf-8")
    return read_manifest(path)


def _damaged(tmp_path: Path, manifest: object) -> str:
    """What the reader says of a damaged manifest, between the file's name and the advice."""
    with pytest.raises(ExportError) as refused:
        _read(tmp_path, manifest)
    head, advice = (
        f"cannot read {tmp_path / MANIFEST_NAME}: ",
        (
            "; restore it from version control, or delete it and build with --new-manifest (every note then gets a new "
            "time, and students' Anki updates all of them once)"
        ),
    )
    text = str(refused.value)
    assert text.startswith(head) and text.endswith(advice), text
    return text[len(head) : -len(advice)]


def _with(**changes: object) -> dict[str, object]:
    manifest: dict[str, object] = {
        "lesson": "a-lesson",
        "latest": 1_700_000_000,
        "roles": {},
        "notes": {"g1": _GOOD_NOTE},
    }
    manifest.update(changes)
    return manifest


def test_manifest_reader_accepts_the_edges_of_what_a_build_writes(tmp_path: Path) -> None:
    assert read_manifest(tmp_path / "none.json") == Manifest()
    long_role = "r" * MAX_ROLE_ID_CHARS
    read = _read(tmp_path, _with(
        latest=MAX_TIME,
        roles={"p": [long_role, "teacher-s-id-", "a--b", "président-2"]},
        notes={"g" * 64: {**_GOOD_NOTE, "mod": MAX_TIME, "type": "q" * 16}, "x": {**_GOOD_NOTE, "mod": 0, "type": ""},
               "y": {"hash": "fedcba9876543210", "mod": 5}},
    ))  # fmt: skip
    assert read.lesson == "a-lesson" and read.latest == MAX_TIME
    assert read.roles == {"p": [long_role, "teacher-s-id-", "a--b", "président-2"]}
    assert read.notes == {
        "g" * 64: Entry("0123456789abcdef", MAX_TIME, "q" * 16),
        "x": Entry("0123456789abcdef", 0, ""),
        "y": Entry("fedcba9876543210", 5, ""),
    }
    older = _with(notes={"a": {**_GOOD_NOTE, "mod": 7}, "b": {**_GOOD_NOTE, "mod": 9}})
    del older["latest"], older["roles"]  # a manifest written before either was kept
    notes = {"a": Entry("0123456789abcdef", 7, "choice"), "b": Entry("0123456789abcdef", 9, "choice")}
    assert _read(tmp_path, older) == Manifest("a-lesson", notes, {}, 9)
    assert _read(tmp_path, {"lesson": "a-lesson", "notes": {}}) == Manifest("a-lesson", {}, {}, 0)


_NOT_A_TIME = ", not a time (whole seconds since 1970, before the year 10000)"
_G1 = 'the note "g1": '
_NOT_WRITTEN = "'hash' or 'type' is not what a build writes"
_NOT_AN_ID = "not an id a build writes"


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"latest": MAX_TIME + 1}, "'latest' is 253402300800" + _NOT_A_TIME),
        ({"latest": -1}, "'latest' is -1" + _NOT_A_TIME),
        ({"latest": 2**63}, "'latest' is 9223372036854775808" + _NOT_A_TIME),
        ({"latest": None}, "'latest' is null, not a whole number"),
        ({"latest": False}, "'latest' is false, not a whole number"),
        ({"notes": {"g1": {**_GOOD_NOTE, "mod": MAX_TIME + 1}}}, _G1 + "'mod' is 253402300800" + _NOT_A_TIME),
        ({"notes": {"g1": {**_GOOD_NOTE, "mod": -1}}}, _G1 + "'mod' is -1" + _NOT_A_TIME),
        ({"notes": {"g1": {**_GOOD_NOTE, "mod": 1.0}}}, _G1 + "'mod' is 1.0, not a whole number"),
        ({"notes": {"g1": {**_GOOD_NOTE, "mod": True}}}, _G1 + "'mod' is true, not a whole number"),
        ({"notes": {"g1": {"hash": "0123456789abcdef"}}}, _G1 + "'mod' is missing, not a whole number"),
        ({"notes": {"g1": {**_GOOD_NOTE, "hash": 7}}}, _G1 + "'hash' is 7, not a string"),
        ({"notes": {"g1": {**_GOOD_NOTE, "hash": "0123456789abcde"}}}, _G1 + _NOT_WRITTEN),
        ({"notes": {"g1": {**_GOOD_NOTE, "hash": "0123456789abcdef0"}}}, _G1 + _NOT_WRITTEN),
        ({"notes": {"g1": {**_GOOD_NOTE, "hash": "0123456789ABCDEF"}}}, _G1 + _NOT_WRITTEN),
        ({"notes": {"g1": {**_GOOD_NOTE, "type": "q" * 17}}}, _G1 + _NOT_WRITTEN),
        ({"notes": {"g1": {**_GOOD_NOTE, "type": "QA"}}}, _G1 + _NOT_WRITTEN),
        ({"notes": {"g1": {**_GOOD_NOTE, "type": 1}}}, _G1 + _NOT_WRITTEN),
        ({"notes": {"g1": [1]}}, _G1 + "'hash' is missing, not a string"),
        ({"notes": {"g" * 65: _GOOD_NOTE}}, '"' + "g" * 36 + "... is not a note's GUID"),
        ({"notes": {"": _GOOD_NOTE}}, "\"\" is not a note's GUID"),
        ({"notes": {"a\tb": _GOOD_NOTE}}, "\"a\\tb\" is not a note's GUID"),
        ({"notes": []}, "'notes' is [], not an object"),
        ({"notes": None}, "'notes' is null, not an object"),
        ({"notes": {"g1": {**_GOOD_NOTE, "mod": None}}}, _G1 + "'mod' is null, not a whole number"),
        ({"lesson": ["a"]}, "'lesson' is [\"a\"], not a string"),
        ({"lesson": "X" * 38}, f"'lesson' is \"{'X' * 38}\", not a lesson id"),  # 40 characters of JSON: whole
        ({"lesson": "X" * 39}, f"'lesson' is \"{'X' * 36}..., not a lesson id"),  # 41: cut after 37
        ({"lesson": "A-Lesson"}, "'lesson' is \"A-Lesson\", not a lesson id"),
        ({"lesson": "a-lesson\n"}, "'lesson' is \"a-lesson\\n\", not a lesson id"),
        ({"roles": {"p": ["r" * (MAX_ROLE_ID_CHARS + 1)]}}, f"a role id of 'p' is \"{'r' * 36}..., {_NOT_AN_ID}"),
        ({"roles": {"p": [""]}}, "a role id of 'p' is \"\", not an id a build writes"),
        ({"roles": {"p": ["Us"]}}, "a role id of 'p' is \"Us\", not an id a build writes"),
        ({"roles": {"p": ["a b"]}}, "a role id of 'p' is \"a b\", not an id a build writes"),
        ({"roles": {"p": ["-a"]}}, "a role id of 'p' is \"-a\", not an id a build writes"),
        ({"roles": {"p": ["a_b"]}}, "a role id of 'p' is \"a_b\", not an id a build writes"),
        ({"roles": {"p": ["Über\u202e"]}}, "a role id of 'p' is \"\\u00dcber\\u202e\", not an id a build writes"),
        ({"roles": {"p": [None]}}, "a role id of 'p' is null, not an id a build writes"),
        ({"roles": {"p": "r"}}, "'roles' holds \"p\": \"r\", not a person's id and a list of role ids"),
        ({"roles": {"P": ["r"]}}, "'roles' holds \"P\": [\"r\"], not a person's id and a list of role ids"),
        ({"roles": ["p"]}, "'roles' is [\"p\"], not an object"),
    ],
)  # fmt: skip
def test_manifest_reader_names_what_is_wrong(tmp_path: Path, changes: dict[str, object], problem: str) -> None:
    assert _damaged(tmp_path, _with(**changes)) == problem


def test_manifest_reader_refuses_what_is_not_a_manifest(tmp_path: Path) -> None:
    assert _damaged(tmp_path, {"lesson": "a-lesson"}) == "'notes' is missing, not an object"
    assert _damaged(tmp_path, {"notes": {}}) == "'lesson' is missing, not a string"
    assert _damaged(tmp_path, [1]) == "it holds [1], not a studygen manifest (an object with 'lesson' and 'notes')"
    assert _damaged(tmp_path, "{") == (
        "it is not a studygen manifest (JSONDecodeError: Expecting property name enclosed in double quotes: line 1 "
        "column 2 (char 1))"
    )
    assert _damaged(tmp_path, "[" * 100_000).startswith("it is not a studygen manifest (RecursionError: ")
    assert _damaged(tmp_path, '{"lesson": ' + "9" * 5000 + "}") == (  # the reason is cut at 120 characters
        "it is not a studygen manifest (ValueError: Exceeds the limit (4300 digits) for integer string conversion: "
        "value has 5000 digits; use sys.set_int_max_str_digits() t)"
    )
    (tmp_path / MANIFEST_NAME).write_bytes(b"\xff")
    with pytest.raises(ExportError, match=r"it is not a studygen manifest \(UnicodeDecodeError: 'utf-8' codec"):
        read_manifest(tmp_path / MANIFEST_NAME)
    (tmp_path / MANIFEST_NAME).unlink()
    (tmp_path / MANIFEST_NAME).mkdir()
    with pytest.raises(
        ExportError, match=r"anki-manifest\.json: 'anki-manifest\.json' is a folder, not a file; restore"
    ):
        read_manifest(tmp_path / MANIFEST_NAME)
    assert (MAX_MANIFEST_BYTES, MAX_ROLE_ID_CHARS, MAX_TIME) == (64_000_000, 1_000, 253_402_300_799)
    assert calendar.timegm((9999, 12, 31, 23, 59, 59)) == MAX_TIME


def test_manifest_reader_takes_a_manifest_up_to_its_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = json.dumps(_with())
    monkeypatch.setattr(manifest_module, "MAX_MANIFEST_BYTES", len(text))
    assert _read(tmp_path, text).lesson == "a-lesson"
    assert _damaged(tmp_path, text + " ") == "the file is 0.0 MB; at most 0 MB can be read"


def test_an_output_root_that_is_a_link_is_the_teachers_choice_and_is_used(gift_built: Path, tmp_path: Path) -> None:
    """Only a lesson's own output folder must be real: `--out` (or decks/) may be a link the teacher made."""
    (tmp_path / "synced").mkdir()
    (tmp_path / "decks").symlink_to(tmp_path / "synced")
    result = _studygen("build", str(gift_built / "lesson"), "--out", str(tmp_path / "decks"), "-f", "gift")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "synced" / "broken").iterdir()) == ["broken.gift.txt", RECORD_NAME]
