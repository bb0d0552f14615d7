"""Raw YAML data to a `Lesson`, reporting every problem with its file, line and column.

Validation never stops at the first problem: a bad fact is reported and left out, and
the rest of the lesson is still built so that grounding can check it in the same run.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .confine import UnsafeFile, inside, read_regular
from .diagnostics import DiagnosticSink, Position
from .fields import ID_HINT, KIND_FIELD, SLUG, FieldChecker, as_tuple, doc, is_list_of_text, suggest, type_name
from .load import Loaded, PathKey
from .model import Fact, Lesson, Person, QuestionSettings, Reply, Role, Source, WorksheetSettings, title_slug
from .schema import COMMON_FACT_KEYS, FACT_KINDS, SECTIONS, SOURCED_KEYS, WORKSHEET_SECTIONS, Field

_ELISION = re.compile(r"(?<=\S)\s*(?:\.\.\.|…)\s*(?=\S)")


def elided(said: str | None) -> str | None:
    """A quotation with its left-out words (or the article's interruption: "Even so, ... the
    ferry will pay") shown as a reader writes them: " … " between the parts."""
    return _ELISION.sub(" … ", said) if said else said


class _Validator(FieldChecker):
    # -- sections --------------------------------------------------------------------

    def lesson(self) -> Lesson | None:
        root = self.loaded.data
        if not isinstance(root, dict):
            self.error(
                (),
                "schema.top-level",
                f"the file must be a mapping with lesson:, people: and facts:, not {type_name(root)}",
                "start the file with 'lesson:' at the left margin; see `studygen schema` or the README",
            )
            return None
        top = self.section(root, (), "root", "the file")
        meta = self.section(top.get("lesson", {}), ("lesson",), "lesson", "lesson:") if "lesson" in top else {}
        source = self.source(meta.get("source"))
        people = self.people(top.get("people", {}))
        facts = self.facts(top.get("facts", []))
        settings = self.question_settings(top.get("questions"), [f.id for f in facts])
        sheet = self.worksheet_settings(top.get("worksheet"))
        article = self.article(source)
        title = meta.get("title", "")
        return Lesson(
            id=meta.get("id", self.loaded.path.parent.name),
            title=title,
            deck=meta.get("deck", title),
            source=source or Source(file=""),
            people=people,
            facts=tuple(facts),
            path=self.loaded.path,
            article=article,
            tags=tuple(meta.get("tags", ())),
            questions=settings,
            worksheet=sheet,
            review_required=meta.get("review") == "required",
            id_pos=self.pos(("lesson", "id")),
        )

    def source(self, data: Any) -> Source | None:
        if data is None:
            return None
        path: PathKey = ("lesson", "source")
        good = self.section(data, path, "source", "source:")
        if "file" not in good:
            return None
        published = self.date(good.get("published"), path + ("published",), "published")
        return Source(
            file=good["file"],
            title=good.get("title", ""),
            author=good.get("author", ""),
            publisher=good.get("publisher", ""),
            published=published,
            url=good.get("url", ""),
        )

    def article(self, source: Source | None) -> str:
        if source is None:
            return ""
        path: PathKey = ("lesson", "source", "file")
        folder = self.loaded.path.parent
        try:
            article_path = inside(folder, source.file)
            if article_path.resolve() == self.loaded.path.resolve():
                raise UnsafeFile(
                    f"the article '{source.file}' is this facts file itself", "name the article's text file here"
                )
            raw = read_regular(article_path)
        except UnsafeFile as exc:
            self.error(path, "source.unsafe", exc.message, exc.hint)
            return ""
        except FileNotFoundError:
            article_path = folder / source.file
            nearby = sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
            close = suggest(article_path.name, nearby)
            prefix = source.file[: len(source.file) - len(article_path.name)]
            hint = (
                close.replace("'", f"'{prefix}", 1)
                if close
                else (f"put the article next to the facts file as {source.file}, or correct the file name")
            )
            self.error(path, "source.missing", f"the article file '{source.file}' does not exist", hint)
            return ""
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            self.error(
                path,
                "source.encoding",
                f"the article '{source.file}' is not UTF-8 (bad byte at offset {exc.start})",
                "save the article as UTF-8 text",
            )
            return ""
        if not text.strip():
            self.error(
                path, "source.empty", f"the article '{source.file}' is empty", "paste the article's text into it"
            )
            return ""
        return text

    def people(self, data: dict[str, Any]) -> dict[str, Person]:
        # Ids first, so that facts and replies can refer to any of them.
        ids = [key for key in data if isinstance(key, str)]
        self.person_ids = [key for key in ids if SLUG.fullmatch(key)]
        people: dict[str, Person] = {}
        for key, value in data.items():
            path: PathKey = ("people", key)
            if not SLUG.fullmatch(key):
                self.error(path, "schema.id", f"the person id '{key}' is not a valid id",
                           ID_HINT,
                           at_key=True)  # fmt: skip
                continue
            good = self.section(value, path, "person", f"person '{key}'")
            if "name" not in good:
                continue
            self.person_names[good["name"].lower()] = key
            for alias in good.get("aliases", []):
                self.person_names[alias.lower()] = key
            roles = self.role_ids(
                [self.role(item, path + ("roles", i), key) for i, item in enumerate(good.get("roles", []))], path
            )
            author = self.author(good, path, key, data)
            speaks_for = self.speaks_for(good, path, key)
            people[key] = Person(
                id=key,
                name=good["name"],
                aliases=tuple(good.get("aliases", ())),
                kind=good.get("kind", "person"),
                description=good.get("description", ""),
                author=author,
                speaks_for=speaks_for,
                roles=roles,
                from_teacher=self.teacher_keys(good.get("from_teacher"), list(good), path + ("from_teacher",)),
                draft=self.draft(good.get("draft"), path + ("draft",), f"person '{key}'"),
                pos=self.loaded.key_pos(path),
                positions=self.loaded.value_positions(value),
            )
        return people

    def author(self, good: dict[str, Any], path: PathKey, key: str, people: dict[str, Any]) -> str | None:
        """A document's author: a declared person or group, not a document (nor the document itself)."""
        if "author" not in good:
            return None
        if good.get("kind") != "document":
            self.error(path + ("author",), "schema.value", f"person '{key}' has an author but is not a document",
                       "add kind: document for a report, letter or memo, or remove author:", at_key=True)  # fmt: skip
            return None
        written_by = people.get(good["author"])
        if good["author"] == key or (isinstance(written_by, dict) and written_by.get("kind") == "document"):
            self.error(path + ("author",), "schema.value",
                       f"the author of the document '{key}' is '{good['author']}', a document",
                       "give the id of the person or group who wrote it")  # fmt: skip
            return None
        return self.person_ref(good["author"], path + ("author",), f"'author' of person '{key}'")

    def speaks_for(self, good: dict[str, Any], path: PathKey, key: str) -> str | None:
        """Whose voice a spokesman is: a declared person or group, not themselves."""
        if "speaks_for" not in good:
            return None
        if good["speaks_for"] == key:
            hint = "give the id of the person, government or party they speak for, or remove speaks_for:"
            self.error(path + ("speaks_for",), "schema.value", f"person '{key}' speaks for themselves", hint)
            return None
        return self.person_ref(good["speaks_for"], path + ("speaks_for",), f"'speaks_for' of person '{key}'")

    def role_ids(self, roles: list[Role | None], path: PathKey) -> tuple[Role, ...]:
        """Each role with its id: the teacher's, else the title's slug (with -2, -3 for a title held twice)."""
        taken = {role.id for role in roles if role is not None and role.id}
        result: list[Role] = []
        seen: set[str] = set()
        for index, role in enumerate(roles):
            if role is None:
                continue
            if role.id:
                if role.id in seen:
                    self.error(path + ("roles", index, "id"), "ref.duplicate-id",
                               f"two roles of '{path[-1]}' have the id '{role.id}'",
                               "give each role its own id, or remove it to use one made from the title")  # fmt: skip
                seen.add(role.id)
                result.append(role)
                continue
            base = title_slug(role.title)
            role_id, number = base, 1
            while role_id in taken:
                number += 1
                role_id = f"{base}-{number}"
            taken.add(role_id)
            result.append(replace(role, id=role_id))
        return tuple(result)

    def role(self, data: Any, path: PathKey, person: str) -> Role | None:
        good = self.section(data, path, "role", f"a role of '{person}'")
        if "title" not in good:
            return None
        when = self.date(good.get("when"), path + ("when",), "when")
        return Role(
            title=good["title"],
            id=good.get("id", ""),
            id_given="id" in good,
            when=when,
            kind=good.get("kind", "office"),
            alternatives=tuple(good.get("alternatives", ())),
            shared=good.get("shared", False),
            alongside=good.get("alongside", False),
            according_to=self.person_ref(
                good.get("according_to"),
                path + ("according_to",),
                f"'according_to' in a role of '{person}'",
                allow_article=True,
            ),
            evidence=as_tuple(good.get("evidence")),
            from_teacher=self.teacher_keys(
                good.get("from_teacher"), list(good), path + ("from_teacher",), {"when": when}
            ),
            note=good.get("note", ""),
            draft=self.draft(good.get("draft"), path + ("draft",), f"the role '{good['title']}' of '{person}'"),
            pos=self.pos(path),
            positions=self.loaded.value_positions(data),
        )

    def facts(self, data: list[Any]) -> list[Fact]:
        facts: list[Fact] = []
        seen: dict[str, Position] = {}
        for index, item in enumerate(data):
            fact = self.fact(item, ("facts", index))
            if fact is None:
                continue
            if fact.id in seen:
                first = seen[fact.id]
                self.error(("facts", index, "id"), "ref.duplicate-id", f"the fact id '{fact.id}' is used twice",
                           f"it was first used at line {first.line}; give each fact its own id")  # fmt: skip
                continue
            seen[fact.id] = fact.field_pos("id")
            facts.append(fact)
        return facts

    def fact(self, data: Any, path: PathKey) -> Fact | None:
        kind = data.get("kind") if isinstance(data, dict) else None
        fact_id = data.get("id") if isinstance(data, dict) and isinstance(data.get("id"), str) else f"#{path[-1] + 1}"
        good = self.section(data, path, "fact", f"fact '{fact_id}'")
        if "kind" not in good or "id" not in good:
            return None
        rule = FACT_KINDS[kind]
        allowed = set(COMMON_FACT_KEYS) | set(rule["required"]) | set(rule["uses"])
        ok = True
        for key in good:
            if key not in allowed:
                owners = [k for k, r in FACT_KINDS.items() if key in r["required"] or key in r["uses"]]
                message = f"fact '{fact_id}' is of kind '{kind}', which has no '{key}'"
                self.error(path + (key,), "schema.kind-key", message,
                           f"'{key}' belongs to {' or '.join(owners)} facts; remove it or change the kind",
                           at_key=True)  # fmt: skip
                ok = False
        for key in rule["required"]:
            if key not in data:
                self.error(path, "schema.missing", f"the {kind} fact '{fact_id}' has no '{key}'",
                           f"add '{key}:' ({doc(SECTIONS['fact'][key])})")  # fmt: skip
                ok = False
        for key in rule["required"]:
            if key in data and key not in good:
                ok = False
        blank, said = good.get("blank"), good.get("said") or good.get("what")
        if blank and said and not re.search(rf"(?<!\w){re.escape(blank)}(?!\w)", said):
            where, key = ("quotation", "said") if good.get("said") else ("proposal", "what")
            self.error(path + ("blank",), "schema.value", f"blank: '{blank}' is not a word of the {where} of fact "
                       f"'{fact_id}'", f"copy a word (or a few) of {key}: exactly as it is written there")  # fmt: skip
            ok = False
        by = self.person_ref(good.get("by"), path + ("by",), f"'by' in fact '{fact_id}'")
        to = [
            self.person_ref(p, path + ("to",) + ((i,) if isinstance(good["to"], list) else ()),
                            f"'to' in fact '{fact_id}'")
            for i, p in enumerate(as_tuple(good.get("to")))
        ]  # fmt: skip
        who = [
            self.person_ref(p, path + ("who", i), f"'who' in fact '{fact_id}'")
            for i, p in enumerate(good.get("who", []))
        ]
        accounts = [
            self.person_ref(owner, path + ("according_to",) + ((i,) if isinstance(good["according_to"], list) else ()),
                            f"'according_to' in fact '{fact_id}'", allow_article=True)
            for i, owner in enumerate(as_tuple(good.get("according_to")))
        ]  # fmt: skip
        according = accounts[0] if accounts and all(accounts) else None
        ok = self.frame(good, path, fact_id) and ok
        sources = self.sources(good.get("sources", {}), good, path + ("sources",), fact_id)
        reply = self.reply(good.get("reply"), path + ("reply",), fact_id)
        when = self.date(good.get("when"), path + ("when",), f"'when' in fact '{fact_id}'")
        said_when = self.date(good.get("said_when"), path + ("said_when",), f"'said_when' in fact '{fact_id}'")
        if "said_when" in good and "according_to" not in good:
            self.error(path + ("said_when",), "schema.missing",
                       f"said_when: in fact '{fact_id}' dates an account, but the fact has no according_to",
                       "add according_to: with who gave the account, or remove said_when:", at_key=True)  # fmt: skip
            ok = False
        refs_ok = (by or "by" not in good) and all(to) and all(who)
        refs_ok = refs_ok and (according or "according_to" not in good) and (reply or "reply" not in good)
        if not ok or not refs_ok or ("when" in good and when is None) or ("said_when" in good and said_when is None):
            return None
        return Fact(
            id=good["id"],
            kind=kind,
            by=by,
            to=tuple(p for p in to if p),
            who=tuple(p for p in who if p),
            said=elided(good.get("said")),
            what=good.get("what"),
            about=good.get("about"),
            when=when,
            where=good.get("where"),
            purpose=good.get("purpose"),
            frame=good.get("frame"),
            hearsay=good.get("hearsay", False),
            cue=good.get("cue"),
            blank=good.get("blank"),
            reply=reply,
            proposal_verb=good.get("verb"),
            according_to=according,
            accounts=tuple(a for a in accounts if a) if according else (),
            said_when=said_when,
            sources=sources,
            evidence=as_tuple(good.get("evidence")),
            from_teacher=self.teacher_keys(
                good.get("from_teacher"), list(good), path + ("from_teacher",), {"when": when, "said_when": said_when}
            ),
            tags=tuple(good.get("tags", ())),
            note=good.get("note", ""),
            draft=self.draft(good.get("draft"), path + ("draft",), f"fact '{good['id']}'"),
            pos=self.pos(path),
            positions=self.loaded.value_positions(data),
        )

    def frame(self, good: dict[str, Any], path: PathKey, fact_id: str) -> bool:
        """A frame marks the quotation's place at most once; hearsay needs a frame to say how it is reported."""
        frame = good.get("frame")
        if frame is not None and frame.count("...") + frame.count("…") > 1:
            self.error(path + ("frame",), "schema.value", f"the frame of fact '{fact_id}' marks the quotation twice",
                       "write '...' once, where the quotation stands: told colleagues she did not ...")  # fmt: skip
            return False
        if good.get("hearsay") and frame is None:
            self.error(path + ("hearsay",), "schema.missing",
                       f"fact '{fact_id}' is hearsay but has no frame saying how the article reports it",
                       "add the article's words, e.g. frame: is said to believe ...", at_key=True)  # fmt: skip
            return False
        return True

    def sources(self, data: dict[str, Any], fact: dict[str, Any], path: PathKey, fact_id: str) -> dict[str, str]:
        """`sources: {when: ordzhonikidze}`: values of the fact that someone other than its account gives."""
        sources: dict[str, str] = {}
        for key, owner in data.items():
            if key not in SOURCED_KEYS:
                hint = suggest(str(key), list(SOURCED_KEYS)) or f"a source can be given for: {', '.join(SOURCED_KEYS)}"
                self.error(path + (key,), "schema.unknown-key", f"sources: of fact '{fact_id}' cannot name '{key}'",
                           hint, at_key=True)  # fmt: skip
            elif key not in fact:
                message = f"sources: names '{key}', which fact '{fact_id}' does not give"
                self.error(path + (key,), "schema.value", message,
                           f"add '{key}:' to the fact, or remove it from sources:", at_key=True)  # fmt: skip
            elif not isinstance(owner, str) or not owner.strip():
                self.error(path + (key,), "schema.type", f"the source of '{key}' must be a person id or 'article'")
            elif ref := self.person_ref(owner, path + (key,), f"the source of '{key}' in fact '{fact_id}'", True):
                sources[key] = ref
        return sources

    def reply(self, data: Any, path: PathKey, fact_id: str) -> Reply | None:
        if data is None:
            return None
        good = self.section(data, path, "reply", f"the reply of fact '{fact_id}'")
        by = self.person_ref(good.get("by"), path + ("by",), f"the reply of fact '{fact_id}'")
        given = [key for key in ("said", "reaction") if key in data]
        if len(given) != 1:
            problem = "has both 'said' and 'reaction'" if given else "has neither 'said' nor 'reaction'"
            self.error(path, "schema.reply", f"the reply of fact '{fact_id}' {problem}",
                       "use said: for the reply's quoted words, or reaction: for how the article reports it "
                       "(e.g. reaction: dismissed the idea as a \"dream\")")  # fmt: skip
            return None
        key = given[0]
        if key not in good or ("by" in good and by is None):
            return None
        return Reply(
            said=elided(good.get("said")),
            reaction=good.get("reaction"),
            by=by,
            evidence=as_tuple(good.get("evidence")),
            pos=self.pos(path + (key,)),
        )

    def question_settings(self, data: Any, fact_ids: list[str]) -> QuestionSettings:
        if data is None:
            return QuestionSettings()
        path: PathKey = ("questions",)
        good = self.section(data, path, "questions", "questions:")
        exclude: dict[str, frozenset[str]] = {}
        for kind, ids in good.get("exclude", {}).items():
            if not self.check_type(kind, KIND_FIELD, path + ("exclude", kind), "a kind under exclude"):
                continue
            if not is_list_of_text(ids):
                self.error(path + ("exclude", kind), "schema.type", f"exclude: {kind} must be a list of fact ids")
                continue
            for index, fact_id in enumerate(ids):
                if fact_id not in fact_ids:
                    self.error(path + ("exclude", kind, index), "ref.unknown-fact",
                               f"exclude: {kind} names '{fact_id}', which is not a fact id",
                               suggest(fact_id, fact_ids))  # fmt: skip
            exclude[kind] = frozenset(ids)
        templates: dict[str, str] = {}
        for kind, text in good.get("templates", {}).items():
            if not self.check_type(kind, KIND_FIELD, path + ("templates", kind), "a kind under templates"):
                continue
            if self.check_type(text, Field("text", ""), path + ("templates", kind), f"the template for {kind}"):
                templates[kind] = text
        return QuestionSettings(
            skip_kinds=frozenset(good.get("skip_kinds", ())),
            exclude=exclude,
            templates=templates,
            template_positions={kind: self.pos(path + ("templates", kind)) for kind in templates},
            seed=good.get("seed", 0),
            key_terms=frozenset(term.lower() for term in good.get("key_terms", ())),
            one_sheet=good.get("one_sheet", True),
        )

    def worksheet_settings(self, data: Any) -> WorksheetSettings:
        if data is None:
            return WorksheetSettings()
        path: PathKey = ("worksheet",)
        good = self.section(data, path, "worksheet", "worksheet:")
        counts: dict[str, int] = {}
        names = list(WORKSHEET_SECTIONS)
        for name, count in good.get("sections", {}).items():
            if name not in names:
                self.error(path + ("sections", name), "schema.unknown-key", f"unknown worksheet section '{name}'",
                           suggest(name, names) or f"use one of: {', '.join(names)}", at_key=True)  # fmt: skip
            elif not isinstance(count, int) or isinstance(count, bool) or count < 0:
                self.error(path + ("sections", name), "schema.type", f"the count for {name} must be a whole number")
            else:
                counts[name] = count
        versions = good.get("versions", 2)
        if not 1 <= versions <= 26:
            self.error(path + ("versions",), "schema.value", f"versions must be between 1 and 26, not {versions}")
            versions = 2
        return WorksheetSettings(
            versions=versions, paper=good.get("paper", "A4"), seed=good.get("seed", 0), sections=counts
        )


def validate(loaded: Loaded, sink: DiagnosticSink) -> Lesson | None:
    """Build the lesson from loaded data, reporting problems to `sink`."""
    return _Validator(loaded, sink).lesson()
