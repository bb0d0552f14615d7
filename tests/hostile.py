"""The hostile corpus: lesson folders, files and command lines a shared lesson could hold.

Each case changes a copy of a small valid lesson (tests/cases/valid-base), runs one
command through the real entry point (`studygen.cli.run`, as the console script does)
and states the exit code and a pattern its output must hold. test_hostile.py runs them
and checks that nothing outside what the case wrote has changed.
"""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

Setup = Callable[[Path], None]  # receives the case's folder: lesson/ and decks/ are inside


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]  # "{lesson}", "{out}" and "{root}" are replaced by the case's paths
    code: int
    pattern: str  # a regular expression searched in stdout + stderr
    setup: Setup = field(default=lambda root: None)


def _edit(old: str, new: str) -> Setup:
    def setup(root: Path) -> None:
        path = root / "lesson" / "facts.yaml"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return setup


def _append(text: str) -> Setup:
    def setup(root: Path) -> None:
        with (root / "lesson" / "facts.yaml").open("a", encoding="utf-8") as stream:
            stream.write(text)

    return setup


NO_CLOZE = _append("questions:\n  skip_kinds: [cloze]\n")


def _write(relative: str, data: bytes | str) -> Setup:
    def setup(root: Path) -> None:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)

    return setup


def _both(*setups: Setup) -> Setup:
    def setup(root: Path) -> None:
        for item in setups:
            item(root)

    return setup


def _source(name: str) -> Setup:
    return _edit("file: article.txt", f"file: {name}")


def _symlink(relative: str, target: str) -> Setup:
    def setup(root: Path) -> None:
        link = root / relative
        link.parent.mkdir(parents=True, exist_ok=True)
        if link.exists() or link.is_symlink():
            link.unlink()
        link.symlink_to(target.replace("{root}", str(root)))

    return setup


def _fifo(relative: str) -> Setup:
    def setup(root: Path) -> None:
        path = root / relative
        if path.exists():
            path.unlink()
        os.mkfifo(path)

    return setup


def _socket(relative: str) -> Setup:
    def setup(root: Path) -> None:
        path = root / relative
        if path.exists():
            path.unlink()
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.close()

    return setup


def _removed(relative: str) -> Setup:
    def setup(root: Path) -> None:
        shutil.rmtree(root / relative)

    return setup


def _folder(relative: str) -> Setup:
    def setup(root: Path) -> None:
        path = root / relative
        if path.is_file():
            path.unlink()
        path.mkdir(parents=True, exist_ok=True)

    return setup


CHECK = ("check", "{lesson}")
QUESTIONS = ("questions", "{lesson}")
BUILD = ("build", "{lesson}", "--out", "{out}")
ERR = r"facts\.yaml:\d+:\d+: error: .*\[{code}[^\]]*\]"


def _error(code: str) -> str:
    return ERR.replace("{code}", code.replace(".", r"\."))


# -- YAML: tags, numbers, structure, aliases, size -----------------------------------------

_TAGGED_VALUES = [
    ('!!int "x"', "load.value"),
    ('!!float "x"', "load.value"),
    ('!!bool "x"', "load.value"),
    ("!!binary aGk=", "load.tag"),
    ("!!python/name:os.system ''", "load.tag"),
    ("!!python/object/apply:os.system ['touch PWNED']", "load.tag"),
    ("!!python/object/new:os.system ['touch PWNED']", "load.tag"),
    ("!!set {a: null}", "load.tag"),
    ("!!omap [{a: 1}]", "load.tag"),
    ("!!pairs [{a: 1}]", "load.tag"),
    ("!custom x", "load.tag"),
    ("!<tag:example.com,2000:x> y", "load.tag"),
    ("!!null x", "schema.type"),
]
# Places a value can sit, as (text to replace, replacement template with {value}).
_PLACES = [
    ("title: A broken lesson", "title: {value}"),
    ("said: has no allies, but only vassals", "said: {value}"),
    ("name: James Baker", "name: {value}"),
    ("what: NATO was created", "what: {value}"),
]

YAML_CASES = [
    Case(f"tag-{i}-{j}", CHECK, 1, _error(code), _edit(old, new.format(value=value)))
    for i, (value, code) in enumerate(_TAGGED_VALUES)
    for j, (old, new) in enumerate(_PLACES)
]
_BIG = "9" * 5000
YAML_CASES += [
    Case("big-int-title", CHECK, 1, _error("load.value"), _edit("title: A broken lesson", f"title: {_BIG}")),
    Case("big-int-when", CHECK, 1, _error("load.value"), _edit("when: 1949", f"when: {_BIG}")),
    Case("big-int-key", CHECK, 1, _error("load.syntax"), _append(f"{_BIG}: x\n")),
    Case("big-int-seed", CHECK, 1, _error("load.value"), _append(f"questions: {{seed: {_BIG}}}\n")),
    Case("big-int-versions", CHECK, 1, _error("load.value"), _append(f"worksheet: {{versions: {_BIG}}}\n")),
    Case("big-negative-int", CHECK, 1, _error("load.value"), _append(f"questions: {{seed: -{_BIG}}}\n")),
    Case("big-int-in-list", CHECK, 1, _error("load.value"), _edit("aliases: [Gorbachev]", f"aliases: [{_BIG}]")),
    Case("long-int-seed", CHECK, 1, _error("schema.value"), _append(f"questions: {{seed: {'9' * 4000}}}\n")),
    Case("long-int-versions", CHECK, 1, _error("schema.value"), _append(f"worksheet: {{versions: {'9' * 4000}}}\n")),
    Case("long-int-when", CHECK, 1, _error("schema.date"), _edit("when: 1949", f"when: {'9' * 4000}")),
    Case(
        "negative-versions",
        CHECK,
        1,
        r"versions.*must be a whole number \(0 or more\), not -3",
        _append("worksheet: {versions: -3}\n"),
    ),
    Case("float-versions", CHECK, 1, _error("schema.type"), _append("worksheet: {versions: 2.5}\n")),
    Case("infinite-seed", CHECK, 1, _error("schema.type"), _append("questions: {seed: .inf}\n")),
    # YAML 1.2's core schema: '.nan' and '0x7a5' are text, read as dates and refused as dates.
    Case("nan-when", CHECK, 1, _error("schema.date"), _edit("when: 1949", "when: .nan")),
    Case("hex-when", CHECK, 1, _error("schema.date"), _edit("when: 1949", "when: 0x7a5")),
    Case("date-when", CHECK, 0, r"0 error", _edit("when: 1949", "when: 1949-04-04")),
    Case("timestamp-when", CHECK, 1, _error("schema.date"), _edit("when: 1949", "when: 1949-04-04 10:00:00")),
    Case("bool-id", CHECK, 1, _error("schema.type"), _edit("id: vassals", "id: true")),
    Case("yes-is-a-word", CHECK, 0, r"0 error", _edit("id: vassals", "id: yes")),  # YAML 1.2: not a boolean
    Case("null-id", CHECK, 1, _error("schema.type"), _edit("id: vassals", "id:")),
    Case("id-trailing-newline", CHECK, 1, _error("schema.type"), _edit("id: vassals", 'id: "vassals\\n"')),
    Case("lesson-id-trailing-newline", CHECK, 1, _error("schema.type"), _edit("id: broken", 'id: "broken\\n"')),
    Case("lesson-id-too-long", CHECK, 1, _error("schema.type"), _edit("id: broken", f"id: {'a' * 65}")),
    Case("lesson-id-huge", CHECK, 1, _error("schema.type"), _edit("id: broken", f"id: {'a' * 5000}")),
    Case("lesson-id-path", CHECK, 1, _error("schema.type"), _edit("id: broken", 'id: "../../evil"')),
    Case("lesson-id-slash", CHECK, 1, _error("schema.type"), _edit("id: broken", 'id: "a/b"')),
    Case("lesson-id-dot", CHECK, 1, _error("schema.type"), _edit("id: broken", 'id: "."')),
    Case("lesson-id-unicode", CHECK, 1, _error("schema.type"), _edit("id: broken", "id: brökén")),
    Case("lesson-id-upper", CHECK, 1, _error("schema.type"), _edit("id: broken", "id: Broken")),
    Case("fact-id-too-long", CHECK, 1, _error("schema.type"), _edit("id: vassals", f"id: {'v' * 65}")),
    Case(
        "person-id-too-long",
        CHECK,
        1,
        _error("schema.id"),
        _edit("  putin: {name: Putin}", f"  {'p' * 65}: {{name: Putin}}"),
    ),
    Case(
        "person-id-newline",
        CHECK,
        1,
        _error("schema.id"),
        _edit("  putin: {name: Putin}", '  "putin\\n": {name: Putin}'),
    ),
    Case(
        "duplicate-key",
        CHECK,
        1,
        _error("load.duplicate-key"),
        _edit("    about: Washington", "    about: Washington\n    about: Moscow"),
    ),
    Case("complex-key", CHECK, 1, _error("load.complex-key"), _append("? [a, b]\n: c\n")),
    Case("mapping-key", CHECK, 1, _error("load.complex-key"), _append("? {a: b}\n: c\n")),
    Case("merge-key", CHECK, 1, _error("load.merge"), _append("base: &b {x: 1}\nother:\n  <<: *b\n")),
    Case("top-list", CHECK, 1, _error("schema.top-level"), _write("lesson/facts.yaml", "- a\n- b\n")),
    Case("top-scalar", CHECK, 1, _error("schema.top-level"), _write("lesson/facts.yaml", "just text\n")),
    Case("top-number", CHECK, 1, _error("schema.top-level"), _write("lesson/facts.yaml", "42\n")),
    Case("top-null", CHECK, 1, _error("load.empty"), _write("lesson/facts.yaml", "~\n")),
    Case("empty", CHECK, 1, _error("load.empty"), _write("lesson/facts.yaml", "")),
    Case("only-spaces", CHECK, 1, _error("load.empty"), _write("lesson/facts.yaml", "   \n\n  \n")),
    Case("only-comments", CHECK, 1, _error("load.empty"), _write("lesson/facts.yaml", "# nothing\n# here\n")),
    Case("lesson-list", CHECK, 1, _error("schema.type"), _edit("lesson:\n", "lesson: []\nold_lesson:\n")),
    Case("people-text", CHECK, 1, _error("schema.type"), _both(_edit("people:\n", "people: text\nold_people:\n"))),
    Case("facts-mapping", CHECK, 1, _error("schema.type"), _append("questions: [1, 2]\n")),
    Case(
        "source-list",
        CHECK,
        1,
        _error("schema.type"),
        _edit("source: {file: article.txt, title: Test article}", "source: [article.txt]"),
    ),
    Case("file-number", CHECK, 1, _error("schema.type"), _edit("file: article.txt", "file: 12")),
    Case("file-list", CHECK, 1, _error("schema.type"), _edit("file: article.txt", "file: [a, b]")),
    Case("file-empty", CHECK, 1, _error("schema.type"), _edit("file: article.txt", 'file: ""')),
    Case(
        "roles-mapping",
        CHECK,
        1,
        _error("schema.type"),
        _edit("    roles:\n      - title: US Secretary", "    roles:\n      x:\n        title: US Secretary"),
    ),
    Case("multiple-documents", CHECK, 1, _error("load.multiple-documents"), _append("---\nlesson: {}\n")),
    Case("document-end", CHECK, 0, r"0 error", _append("...\n")),
    Case("tab-indent", CHECK, 1, _error("load.tab"), _edit("    kind: event", "\tkind: event")),
    Case("nul-byte", CHECK, 1, _error("load.syntax"), _edit("said: has no", "said: has\0 no")),
    Case("not-utf8", CHECK, 1, _error("load.encoding"), _write("lesson/facts.yaml", b"lesson:\n  title: caf\xe9\n")),
    Case("utf16", CHECK, 1, _error("load.encoding"), _write("lesson/facts.yaml", "lesson: {}\n".encode("utf-16"))),
    Case("unclosed-quote", CHECK, 1, _error("load.syntax"), _edit("said: has no allies", 'said: "has no allies')),
    Case("unclosed-flow", CHECK, 1, _error("load.syntax"), _edit("aliases: [Gorbachev]", "aliases: [Gorbachev")),
    Case("bad-indent", CHECK, 1, _error("load.indentation"), _edit("    kind: event", "      kind: event")),
    Case("directive", CHECK, 1, _error("load.syntax"), _write("lesson/facts.yaml", "%YAML 9.9\n---\na: b\n")),
    Case("undefined-alias", CHECK, 1, _error("load"), _append("extra: *nowhere\n")),
    Case("recursive-alias", CHECK, 1, _error("load"), _append("extra: &a [*a]\n")),
    Case("alias-in-mapping", CHECK, 1, _error("load"), _append("extra: &a {x: *a}\n")),
    Case(
        "long-line",
        CHECK,
        1,
        _error("load.long-line"),
        _edit("said: has no allies", f"said: {'x' * 200_000} has no allies"),
    ),
    Case(
        "flow-mapping-5mb",
        CHECK,
        1,
        _error("load"),
        _write("lesson/facts.yaml", "{" + ", ".join(f"k{i}: v" for i in range(500_000)) + "}\n"),
    ),
    Case(
        "keys-200k",
        CHECK,
        1,
        _error("load.too-many-keys"),
        _write("lesson/facts.yaml", "lesson:\n" + "".join(f"  k{i}: v\n" for i in range(200_000))),
    ),
    Case(
        "unknown-keys-many",
        CHECK,
        1,
        r"more unknown keys",
        _edit("  title: A broken lesson", "  title: A broken lesson\n" + "".join(f"  x{i}: 1\n" for i in range(150))),
    ),
    Case(
        "too-large", CHECK, 1, _error("load.too-large"), _write("lesson/facts.yaml", b"# " + b"x" * 33_000_000 + b"\n")
    ),
    Case(
        "many-errors",
        CHECK,
        1,
        r"more problems are not shown",
        _append("".join(f"  - {{id: f{i}, kind: quote}}\n" for i in range(600))),
    ),
]
# The format's newer keys, given the wrong shapes.
_REPLY = "reply: {by: baker, said: dream}"
_BID = "    what: that the Soviet Union might join NATO\n    when: 1990\n"
YAML_CASES += [
    Case("sources-list", CHECK, 1, _error("schema.type"), _edit(_BID, _BID + "    sources: [ivanov]\n")),
    Case(
        "sources-unknown-key",
        CHECK,
        1,
        _error("schema.unknown-key"),
        _edit(_BID, _BID + "    sources: {where: ivanov}\n"),
    ),
    Case("sources-number", CHECK, 1, _error("schema.type"), _edit(_BID, _BID + "    sources: {when: 5}\n")),
    Case(
        "sources-unknown-person",
        CHECK,
        1,
        _error("ref.unknown-person"),
        _edit(_BID, _BID + "    sources: {when: nobody}\n"),
    ),
    Case(
        "sources-without-value",
        CHECK,
        1,
        _error("schema.value"),
        _edit("    what: NATO was created\n    when: 1949", "    what: NATO was created\n    sources: {when: ivanov}"),
    ),
    Case(
        "reply-both",
        CHECK,
        1,
        _error("schema.reply"),
        _edit(_REPLY, 'reply: {by: baker, said: dream, reaction: "a \\"dream\\""}'),
    ),
    Case("reply-neither", CHECK, 1, _error("schema.reply"), _edit(_REPLY, "reply: {by: baker}")),
    Case("reply-reaction-number", CHECK, 1, _error("schema.type"), _edit(_REPLY, "reply: {by: baker, reaction: 5}")),
    Case(
        "reaction-quotes-unknown",
        CHECK,
        1,
        _error("ground.quote-not-found"),
        _edit(_REPLY, "reply: {by: baker, reaction: 'dismissed it as a \"fantasy\"'}"),
    ),
    Case(
        "reaction-ok",
        CHECK,
        0,
        r"0 error",
        _edit(_REPLY, "reply: {by: baker, reaction: 'dismissed it as a \"dream\"'}"),
    ),
    Case(
        "blank-not-in-quote",
        CHECK,
        1,
        _error("schema.value"),
        _edit("    about: Washington", "    about: Washington\n    blank: treaty"),
    ),
    Case(
        "blank-list",
        CHECK,
        1,
        _error("schema.type"),
        _edit("    about: Washington", "    about: Washington\n    blank: [a]"),
    ),
    Case(
        "blank-on-event",
        CHECK,
        1,
        _error("schema.kind-key"),
        _edit("    what: NATO was created", "    what: NATO was created\n    blank: NATO"),
    ),
    Case("key-terms-text", CHECK, 1, _error("schema.type"), _append("questions: {key_terms: treaty}\n")),
    Case(
        "role-kind-unknown",
        CHECK,
        1,
        _error("schema.value"),
        _edit("title: US Secretary of State", "title: US Secretary of State\n        kind: post"),
    ),
    Case(
        "role-kind-description",
        CHECK,
        0,
        r"0 error",
        _edit("title: US Secretary of State", "title: US Secretary of State\n        kind: description"),
    ),
]

# Nesting and alias expansion: the "billion laughs" and its relatives.
_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)
)
YAML_CASES += [
    Case("billion-laughs", CHECK, 1, _error("load.too-complex"), _write("lesson/facts.yaml", _LAUGHS)),
    Case(
        "billion-laughs-in-lesson",
        CHECK,
        1,
        _error("load.too-complex"),
        _append("laughs:\n  " + _LAUGHS.replace("\n", "\n  ").rstrip() + "\n"),
    ),
    Case(
        "deep-flow",
        CHECK,
        1,
        _error("load.too-complex"),
        _write("lesson/facts.yaml", "a: [\n" + "  [\n" * 100_000 + "  ]\n" * 100_001),
    ),
    Case("deep-flow-unclosed", CHECK, 1, _error("load"), _write("lesson/facts.yaml", "a: " + "[" * 100_000 + "\n")),
    Case(
        "deep-block",
        CHECK,
        1,
        _error("load.too-complex"),
        _write("lesson/facts.yaml", "".join(" " * i + f"k{i}:\n" for i in range(100)) + " " * 100 + "v\n"),
    ),
    Case(
        "deep-mapping-flow",
        CHECK,
        1,
        _error("load.too-complex"),
        _write("lesson/facts.yaml", "a: " + "{b: " * 1000 + "c" + "}" * 1000 + "\n"),
    ),
    Case(
        "wide-alias",
        CHECK,
        1,
        _error("load.too-complex"),
        _write("lesson/facts.yaml", "a: &a [" + ", ".join(["x"] * 1000) + "]\nb: [" + ", ".join(["*a"] * 200) + "]\n"),
    ),
]

# -- Articles: paths outside the lesson, special files, empty and odd text -------------

ARTICLE_CASES = [
    Case(
        "article-etc-passwd", CHECK, 1, r"'/etc/passwd' is an absolute path.*\[source\.unsafe\]", _source("/etc/passwd")
    ),
    Case(
        "article-absolute-inside",
        CHECK,
        1,
        r"absolute path.*\[source\.unsafe\]",
        _source("{root}/lesson/article.txt".replace("{root}", "/tmp")),
    ),
    Case(
        "article-dotdot",
        CHECK,
        1,
        r"leads outside the lesson folder.*\[source\.unsafe\]",
        _source("../../../../etc/passwd"),
    ),
    Case(
        "article-dotdot-sibling",
        CHECK,
        1,
        r"leads outside.*\[source\.unsafe\]",
        _both(_write("other/article.txt", "Secret text."), _source("../other/article.txt")),
    ),
    Case("article-dotdot-back-inside", CHECK, 0, r"0 error", _source("../lesson/article.txt")),
    Case(
        "article-subfolder",
        CHECK,
        0,
        r"0 error",
        _both(_symlink("lesson/texts/a.txt", "../article.txt"), _source("texts/a.txt")),
    ),
    Case(
        "article-symlink-out",
        CHECK,
        1,
        r"through a symbolic link.*\[source\.unsafe\]",
        _symlink("lesson/article.txt", "/etc/passwd"),
    ),
    Case(
        "article-symlink-relative-out",
        CHECK,
        1,
        r"through a symbolic link",
        _both(_write("secret.txt", "secret"), _symlink("lesson/article.txt", "../secret.txt")),
    ),
    Case(
        "article-symlink-inside",
        CHECK,
        0,
        r"0 error",
        _both(
            _write("lesson/real.txt", (Path(__file__).parent / "cases" / "valid-base" / "article.txt").read_text()),
            _symlink("lesson/article.txt", "real.txt"),
        ),
    ),
    Case(
        "article-symlink-folder-out",
        CHECK,
        1,
        r"through a symbolic link",
        _both(_symlink("lesson/texts", "/etc"), _source("texts/passwd")),
    ),
    Case(
        "article-symlink-loop",
        CHECK,
        1,
        r"\[source\.",
        _both(_symlink("lesson/loop.txt", "loop.txt"), _source("loop.txt")),
    ),
    Case("article-dev-zero", CHECK, 1, r"\[source\.unsafe\]", _source("/dev/zero")),
    Case("article-dev-zero-link", CHECK, 1, r"\[source\.unsafe\]", _symlink("lesson/article.txt", "/dev/zero")),
    Case("article-proc", CHECK, 1, r"\[source\.unsafe\]", _source("/proc/self/environ")),
    Case("article-fifo", CHECK, 1, r"not a regular file.*\[source\.unsafe\]", _fifo("lesson/article.txt")),
    Case("article-socket", CHECK, 1, r"not a regular file.*\[source\.unsafe\]", _socket("lesson/article.txt")),
    Case("article-folder", CHECK, 1, r"is a folder.*\[source\.unsafe\]", _folder("lesson/article.txt")),
    Case("article-dot", CHECK, 1, r"is a folder.*\[source\.unsafe\]", _source('"."')),
    Case("article-is-facts", CHECK, 1, r"this facts file itself.*\[source\.unsafe\]", _source("facts.yaml")),
    Case("article-is-facts-dotted", CHECK, 1, r"this facts file itself", _source("./facts.yaml")),
    Case("article-empty", CHECK, 1, _error("source.empty"), _write("lesson/article.txt", "")),
    Case("article-blank", CHECK, 1, _error("source.empty"), _write("lesson/article.txt", " \n\n\t \n")),
    Case("article-bom-only", CHECK, 1, _error("source.empty"), _write("lesson/article.txt", "\ufeff")),
    Case("article-not-utf8", CHECK, 1, _error("source.encoding"), _write("lesson/article.txt", b"caf\xe9 au lait")),
    Case("article-utf16", CHECK, 1, _error("source.encoding"), _write("lesson/article.txt", "text".encode("utf-16"))),
    Case("article-missing", CHECK, 1, _error("source.missing"), _source("nowhere.txt")),
    Case("article-missing-folder", CHECK, 1, _error("source.missing"), _source("no/such/article.txt")),
    Case("article-nul-name", CHECK, 1, r"NUL.*\[source\.unsafe\]", _source('"article\\0.txt"')),
    Case("article-long-name", CHECK, 1, r"\[source\.", _source("x" * 5000)),
    Case("article-url", CHECK, 1, _error("source.missing"), _source("https://example.com/article")),
    Case("article-file-url", CHECK, 1, _error("source.missing"), _source("file:///etc/passwd")),
    Case("article-home", CHECK, 1, _error("source.missing"), _source("~/article.txt")),
    Case("article-windows-absolute", CHECK, 1, r"absolute path", _source('"C:\\\\article.txt"')),
    Case("article-too-large", CHECK, 1, r"MB.*\[source\.unsafe\]", _write("lesson/article.txt", b"word " * 7_000_000)),
    Case("article-only-controls", CHECK, 1, r"error", _write("lesson/article.txt", "\x1b[2J\x1b[31m")),
]

# -- Teacher templates: the sandbox ---------------------------------------------------------

_RCE = "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}"
_TEMPLATE_ATTACKS = [
    (_RCE, "template-refused"),
    ("{{ self.__init__.__globals__ }}", "template-refused"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "template-refused"),
    ("{{ said.__class__ }}", "template-refused"),
    ("{{ said['__class__'] }}", "template-error"),
    ("{{ said|attr('__class__') }}", "template-refused"),
    ("{{ lipsum.__globals__ }}", "template-refused"),
    ("{{ lipsum(1000) }}", "template-refused"),
    ("{{ namespace() }}", "template-refused"),
    ("{{ joiner }}", "template-error"),
    ("{{ config }}", "template-error"),
    ("{{ request }}", "template-error"),
    ("{% for i in range(100000000) %}{% endfor %}", "template-refused"),
    ("{% for a in said %}{% for b in said %}x{% endfor %}{% endfor %}", "template-refused"),
    ("{% macro m(n) %}{{ m(n) }}{% endmacro %}{{ m(1) }}", "template-refused"),
    ("{% include '/etc/passwd' %}", "template-refused"),
    ("{% import 'x' as y %}", "template-refused"),
    ("{% from 'x' import y %}", "template-refused"),
    ("{% extends '/etc/passwd' %}", "template-refused"),
    ("{% block b %}x{% endblock %}", "template-refused"),
    ("{% filter upper %}x{% endfilter %}", "template-refused"),
    ("{% with x = said %}{{ x }}{% endwith %}", "template-refused"),
    ("{% set x %}{{ said }}{% endset %}{{ x }}", "template-refused"),
    ("{% call m() %}{% endcall %}", "template-refused"),
    ("{{ said * 1000000000 }}", "template-error"),
    ("{{ 9 ** 999999 }}", "template-refused"),
    (
        "{{ 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 * 10 }}",
        "template-error",
    ),
    ("{{ '%999999999d' % 1 }}", "template-error"),
    (
        "{{ said|replace('a', said ~ said ~ said)|replace('a', said ~ said)|replace('a', said ~ said) }}",
        "template-error",
    ),
    ("{{ said|center(1000000000) }}", "template-refused"),
    ("{{ said|wordwrap(1) }}", "template-refused"),
    ("{{ said|format(1) }}", "template-refused"),
    ("{{ said|random }}", "template-refused"),
    ("{{ said|safe }}", "template-refused"),
    ("{{ said|map('upper')|list }}", "template-refused"),
    ("{% set a = said ~ said %}{% set b = a ~ a %}{{ b }}", "template-refused"),
    ("{{ said[::-1] }}", "template-refused"),
    ("{{ said.upper() }}", "template-refused"),
    ("{{ (said ~ said ~ said ~ said ~ said ~ said ~ said ~ said ~ said ~ said)|truncate(5000) }}", None),
    ("{{ said", "template-syntax"),
    ("{% if said %}", "template-syntax"),
    ("{{ 1 / 0 }}", "template-error"),
    ("{{ undefined_name }}", "template-error"),
    ("x" * 5000, "template-refused"),
]
TEMPLATE_CASES = [
    Case(
        f"template-inline-{i}",
        QUESTIONS,
        1,
        rf"\[questions\.{code}\]",
        _append("questions:\n  templates:\n    attribution: " + _yaml_quote + "\n"),
    )
    for i, (template, code) in enumerate(_TEMPLATE_ATTACKS)
    if code is not None
    for _yaml_quote in ['"' + template.replace("\\", "\\\\").replace('"', '\\"') + '"']
]
TEMPLATE_CASES += [
    Case(
        f"template-file-{i}",
        QUESTIONS,
        1,
        rf"templates/attribution\.j2:\d+:\d+: error: .*\[questions\.{code}\]",
        _write("lesson/templates/attribution.j2", template),
    )
    for i, (template, code) in enumerate(_TEMPLATE_ATTACKS)
    if code is not None
]
TEMPLATE_CASES += [
    Case(
        "template-long-output",
        QUESTIONS,
        1,
        r"\[questions\.template-error\]",
        _write("lesson/templates/attribution.j2", "{{ " + " ~ ".join(["said"] * 200) + " }}"),
    ),
    Case(
        "template-link-out",
        QUESTIONS,
        1,
        r"leads outside.*\[questions\.template-file\]",
        _symlink("lesson/templates/attribution.j2", "/etc/passwd"),
    ),
    Case(
        "template-folder-link-out",
        QUESTIONS,
        1,
        r"leads outside.*\[questions\.template-file\]",
        _both(_write("elsewhere/attribution.j2", "{{ said }}?"), _symlink("lesson/templates", "{root}/elsewhere")),
    ),
    Case(
        "template-fifo",
        QUESTIONS,
        1,
        r"not a regular file.*\[questions\.template-file\]",
        _both(_folder("lesson/templates"), _fifo("lesson/templates/attribution.j2")),
    ),
    Case(
        "template-folder",
        QUESTIONS,
        1,
        r"is a folder.*\[questions\.template-file\]",
        _folder("lesson/templates/attribution.j2"),
    ),
    Case(
        "template-not-utf8",
        QUESTIONS,
        1,
        r"not UTF-8.*\[questions\.template-file\]",
        _write("lesson/templates/attribution.j2", b"Who said \xe9?"),
    ),
    Case(
        "template-huge-file",
        QUESTIONS,
        1,
        r"\[questions\.template-file\]",
        _write("lesson/templates/attribution.j2", b"x" * 1_000_000),
    ),
    Case(
        "template-unknown-name",
        QUESTIONS,
        0,
        r"warning: the template 'nonsense\.j2'",
        _write("lesson/templates/nonsense.j2", "{{ said }}"),
    ),
    Case(
        "template-good",
        QUESTIONS,
        0,
        r"Whose words are these: “has no allies",
        # (no cloze, which would show the words with the speaker: the set asks the quotation one way)
        _both(_write("lesson/templates/attribution.j2", "Whose words are these: “{{ said }}”?"), NO_CLOZE),
    ),
    Case(
        "template-good-filters",
        QUESTIONS,
        0,
        r"HAS NO ALLIES",
        _both(
            _write(
                "lesson/templates/attribution.j2",
                "{% set s = said|upper %}Who said “{{ s }}”{% if about %}, about {{ about|title }}{% endif %}?",
            ),
            NO_CLOZE,
        ),
    ),
    Case(
        "template-good-inline",
        QUESTIONS,
        0,
        r"Whose words: “has no allies",
        _append('questions:\n  skip_kinds: [cloze]\n  templates:\n    attribution: "Whose words: “{{ said }}”?"\n'),
    ),
]

# -- Markup and terminal escapes in a lesson ---------------------------------------------------

MARKUP_CASES = [
    Case(
        "escape-in-said-check",
        CHECK,
        1,
        r"\\x1b\[2J",
        _edit("said: has no allies, but only vassals", 'said: "has no \\e[2J allies"'),
    ),
    Case(
        "escape-in-name-warning",
        CHECK,
        0,
        r"\\x1b\]0;pwned\\x07",
        _edit("name: James Baker", 'name: "James Baker\\e]0;pwned\\a"'),
    ),
    Case(
        "escape-in-key",
        CHECK,
        1,
        r"unknown key 'x\\x1b\[31m'",
        _edit("    about: Washington", '    about: Washington\n    "x\\e[31m": 1'),
    ),
    Case(
        "bidi-in-key",
        CHECK,
        1,
        r"unknown key 'x\\u202e'",
        _edit("    about: Washington", '    about: Washington\n    "x\\u202e": 1'),
    ),
    Case("escape-in-path", ("check", "no\x1b[31mthing"), 2, r"no\\x1b\[31mthing"),
    Case("newline-in-value", CHECK, 1, r"'vassals\\x0a'", _edit("id: vassals", 'id: "vassals\\n"')),
]

# -- Output failures: folders, files in the way, devices, damaged manifests -------------------

OUTPUT_CASES = [
    Case(
        "out-is-file",
        ("build", "{lesson}", "--out", "{root}/afile"),
        2,
        r"afile: it is a file, not a folder",
        _write("afile", "x"),
    ),
    Case(
        "out-under-proc", ("build", "{lesson}", "--out", "/proc/studygen-test"), 2, r"cannot write /proc/studygen-test"
    ),
    Case(
        "out-under-file",
        ("build", "{lesson}", "--out", "{root}/afile/sub"),
        2,
        r"it is a file, not a folder",
        _write("afile", "x"),
    ),
    Case("out-nul", ("build", "{lesson}", "--out", "de\0cks"), 2, r"embedded null byte"),
    Case("out-long", ("build", "{lesson}", "--out", "d" * 5000), 2, r"studygen: cannot write .*(too long|File name)"),
    Case("out-apkg-is-folder", BUILD, 2, r"broken\.apkg: it is a folder", _folder("decks/broken/broken.apkg")),
    Case("out-pdf-is-folder", BUILD, 2, r"worksheet-A\.pdf: it is a folder", _folder("decks/broken/worksheet-A.pdf")),
    Case(
        "out-lesson-is-file",
        BUILD,
        2,
        r"decks/broken: it is a file",
        _both(_removed("decks/broken"), _write("decks/broken", "x")),
    ),
    Case(
        "manifest-folder",
        BUILD,
        1,
        r"anki-manifest\.json.*is a folder.*restore it",
        _folder("decks/broken/anki-manifest.json"),
    ),
    Case(
        "manifest-fifo", BUILD, 1, r"anki-manifest\.json.*not a regular file", _fifo("decks/broken/anki-manifest.json")
    ),
    Case(
        "manifest-link-out",
        BUILD,
        1,
        r"anki-manifest\.json.*not a studygen manifest",
        _symlink("decks/broken/anki-manifest.json", "/etc/passwd"),
    ),
]
_BAD_MANIFESTS = [
    "",
    "not json",
    "[]",
    "{}",
    '{"notes": []}',
    '{"notes": {"x": 1}}',
    '{"notes": {"x": {"hash": 1, "mod": 1}}}',
    '{"notes": {"x": {"hash": "a", "mod": "1"}}}',
    '{"notes": {"x": {"hash": "a", "mod": 1.5}}}',
    '{"notes": {"x": {"hash": "a", "mod": 1e400}}}',
    '{"notes": {"x": {"hash": "a", "mod": -1}}}',
    '{"notes": {"x": {"hash": "a", "mod": true}}}',
    '{"notes": {"x": {"hash": "a"}}}',
    '{"notes": {"x": {"mod": 1}}}',
    '{"notes": {"x": {"hash": "a", "mod": NaN}}}',
    "\xff\xfe",
    '{"notes": {"x": {"hash": "a", "mod": ' + "9" * 5000 + "}}}",
    '{"notes": ' * 100_000,
]
OUTPUT_CASES += [
    Case(
        f"manifest-corrupt-{i}",
        BUILD,
        1,
        r"anki-manifest\.json.*restore it from version control",
        _write("decks/broken/anki-manifest.json", text.encode("utf-8", "surrogateescape")),
    )
    for i, text in enumerate(_BAD_MANIFESTS)
]
OUTPUT_CASES += [
    Case(
        "preview-dev-full",
        ("preview", "{lesson}", "-o", "/dev/full", "--force"),
        2,
        r"/dev/full: it is not a regular file",
    ),
    Case(
        "preview-dev-null",
        ("preview", "{lesson}", "-o", "/dev/null", "--force"),
        2,
        r"/dev/null: it is not a regular file",
    ),
    Case("preview-onto-folder", ("preview", "{lesson}", "-o", "{root}/decks", "--force"), 2, r"is a directory"),
    Case(
        "preview-exists",
        ("preview", "{lesson}", "-o", "{root}/p.html"),
        2,
        r"already exists; use --force",
        _write("p.html", "mine"),
    ),
    Case("preview-nul", ("preview", "{lesson}", "-o", "p\0.html"), 2, r"embedded null byte"),
    Case("preview-long", ("preview", "{lesson}", "-o", "p" * 5000), 2, r"studygen: cannot write"),
    Case("preview-under-proc", ("preview", "{lesson}", "-o", "/proc/x/p.html"), 2, r"studygen: cannot write"),
    Case(
        "preview-fifo", ("preview", "{lesson}", "-o", "{root}/pipe", "--force"), 2, r"not a regular file", _fifo("pipe")
    ),
]

# -- Command lines --------------------------------------------------------------------------

_ARTICLE_TEXT = 'Talks end\n\nIn 1990, Karl Weiss proposed that the banks merge.\n\n"Never," Ivo Maric said.\n'
COMMAND_CASES = [
    Case("no-such-lesson", ("check", "{root}/nowhere"), 2, r"is not a lesson"),
    Case("nul-in-path", ("check", "a\0b"), 2, r"embedded null byte"),
    Case("long-path", ("check", "x" * 5000), 2, r"cannot be used as a path|is not a lesson"),
    Case("empty-path", ("check", ""), 0, r"^lesson/facts\.yaml: 3 facts"),
    Case("not-a-lesson-folder", ("check", "{root}/decks"), 2, r"is not a lesson"),
    Case("fifo-as-facts", ("check", "{root}/lesson/facts.yaml"), 2, r"is not a lesson", _fifo("lesson/facts.yaml")),
    Case(
        "fifo-as-facts-in-folder",
        ("check", "{root}"),
        1,
        r"facts\.yaml:1:1: error: 'facts\.yaml' is not a regular file",
        _fifo("lesson/facts.yaml"),
    ),
    Case("unknown-option", ("check", "--nope"), 2, r"No such option"),
    Case("unknown-command", ("frobnicate",), 2, r"No such command"),
    Case("bad-format", ("build", "{lesson}", "--format", "pdf"), 2, r"unknown format pdf"),
    Case("bad-paper", ("build", "{lesson}", "--paper", "B5"), 2, r"--paper must be A4 or Letter"),
    Case("paper-newline", ("build", "{lesson}", "--paper", "A4\n"), 2, r"--paper must be"),
    Case(
        "new-bad-id",
        ("new", "{root}/a.txt", "--id", "Bad Id", "--seeds", "{root}/s"),
        2,
        r"--id must use",
        _write("a.txt", _ARTICLE_TEXT),
    ),
    Case(
        "new-id-newline",
        ("new", "{root}/a.txt", "--id", "ok\n", "--seeds", "{root}/s"),
        2,
        r"--id must use",
        _write("a.txt", _ARTICLE_TEXT),
    ),
    Case(
        "new-id-long",
        ("new", "{root}/a.txt", "--id", "a" * 65, "--seeds", "{root}/s"),
        2,
        r"at most 64",
        _write("a.txt", _ARTICLE_TEXT),
    ),
    Case(
        "new-id-dots",
        ("new", "{root}/a.txt", "--id", "..", "--seeds", "{root}/s"),
        2,
        r"--id must use",
        _write("a.txt", _ARTICLE_TEXT),
    ),
    Case(
        "new-exists",
        ("new", "{root}/a.txt", "--id", "lesson", "--seeds", "{root}"),
        2,
        r"already exists; use --force",
        _write("a.txt", _ARTICLE_TEXT),
    ),
    Case(
        "new-seeds-is-file",
        ("new", "{root}/a.txt", "--id", "x", "--seeds", "{root}/a.txt"),
        2,
        r"cannot write",
        _write("a.txt", _ARTICLE_TEXT),
    ),
    Case("draft-missing", ("draft", "{root}/none.txt"), 2, r"no such article"),
    Case("draft-folder", ("draft", "{root}/lesson"), 2, r"is a folder"),
    Case("draft-fifo", ("draft", "{root}/pipe"), 2, r"not a regular file", _fifo("pipe")),
    Case("draft-dev-zero", ("draft", "/dev/zero"), 2, r"not a regular file"),
    Case("draft-nul", ("draft", "a\0b"), 2, r"embedded null byte"),
    Case("draft-not-utf8", ("draft", "{root}/a.txt"), 2, r"not UTF-8", _write("a.txt", b"caf\xe9")),
    Case("draft-empty", ("draft", "{root}/a.txt"), 1, r"is empty", _write("a.txt", "  \n")),
    Case("draft-onto-folder", ("draft", "{root}/lesson/article.txt", "-o", "{root}/decks"), 2, r"it is a folder"),
    Case(
        "draft-onto-existing",
        ("draft", "{root}/lesson/article.txt", "-o", "{root}/lesson/facts.yaml"),
        2,
        r"already exists; use --force",
    ),
    Case(
        "draft-onto-dev-full",
        ("draft", "{root}/lesson/article.txt", "-o", "/dev/full", "--force"),
        2,
        r"not a regular file",
    ),
    Case("draft-o-nul", ("draft", "{root}/lesson/article.txt", "-o", "x\0y"), 2, r"embedded null byte"),
    Case(
        "two-lessons-one-id",
        ("build", "{lesson}", "{root}/twin", "--out", "{out}"),
        1,
        r"twin/facts\.yaml:\d+:\d+: error: the lesson id 'broken' is also the id of .*\[lesson\.duplicate-id\]",
        lambda root: shutil.copytree(root / "lesson", root / "twin"),
    ),
    Case("same-lesson-twice", ("check", "{lesson}", "{lesson}/facts.yaml"), 0, r"^(?![\s\S]*duplicate-id)"),
]

ALL_CASES = YAML_CASES + ARTICLE_CASES + TEMPLATE_CASES + MARKUP_CASES + OUTPUT_CASES + COMMAND_CASES
