"""`studygen serve` over HTTP (issue 28): what a page of another site, another user or a DNS-rebinding
attack could ask is refused; a decision with the token is recorded in review.yaml."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from markupsafe import escape
from starlette.testclient import TestClient
from typer.testing import CliRunner

from studygen.cli import app
from studygen.fields import DRAFTED
from studygen.lessons import read_lesson
from studygen.questions import build_questions
from studygen.review import REVIEW_FILE, shown_hash
from studygen.server import TOKEN_HEADER, Workbench, create_app, new_token
from studygen.workbench import open_lessons

from .conftest import ROOT

LESSON = "russia-nato"


@pytest.fixture
def lesson(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds" / LESSON, tmp_path / LESSON)
    return tmp_path / LESSON


@pytest.fixture
def served(lesson: Path) -> tuple[TestClient, Workbench]:
    bench = Workbench(open_lessons([lesson / "facts.yaml"]), new_token())
    return TestClient(create_app(bench), base_url="http://127.0.0.1:8123", follow_redirects=False), bench


def _first(bench: Workbench) -> dict[str, str]:
    judged = bench.lessons[0].view.judged[0]
    return {"question": judged.question.id, "shown": shown_hash(judged.question), "verdict": "approved"}


def test_the_page_with_the_token_shows_every_question(served) -> None:
    client, bench = served
    response = client.get(f"/?token={bench.token}")
    assert response.status_code == 303 and response.headers["location"] == f"/lesson/0?token={bench.token}"
    page = client.get(f"/lesson/0?token={bench.token}")
    assert page.status_code == 200 and page.text.count('<article class="q"') == len(bench.lessons[0].view.judged)
    assert "script-src 'nonce-" in page.headers["content-security-policy"]


@pytest.mark.parametrize("query", ["", "?token=", "?token=wrong", "?token=" + "x" * 32])
def test_no_token_or_a_wrong_one_is_refused(served, query: str) -> None:
    client, _ = served
    for path in ("/", "/lesson/0", "/lesson/0/view", "/events", "/lesson/0/file/facts.yaml"):
        response = client.get(path + query)
        assert response.status_code == 403, path
        assert "facts" not in response.text


def test_a_foreign_host_header_is_refused(served) -> None:
    client, bench = served
    for host in ("evil.example", "evil.example:8123", "127.0.0.1.evil.example", "localhost.evil.example"):
        response = client.get(f"/lesson/0?token={bench.token}", headers={"Host": host})
        assert response.status_code == 400, host
    assert client.get(f"/lesson/0?token={bench.token}", headers={"Host": "localhost:8123"}).status_code == 200


def test_a_get_never_changes_state(served, lesson: Path) -> None:
    client, bench = served
    response = client.get("/lesson/0/review", params={**_first(bench), "token": bench.token})
    assert response.status_code == 405
    assert not (lesson / REVIEW_FILE).exists()


def test_a_decision_needs_the_token_in_its_header(served, lesson: Path) -> None:
    client, bench = served
    assert client.post(f"/lesson/0/review?token={bench.token}", json=_first(bench)).status_code == 403
    assert client.post("/lesson/0/review", json=_first(bench), headers={TOKEN_HEADER: "wrong"}).status_code == 403
    assert not (lesson / REVIEW_FILE).exists()
    response = client.post("/lesson/0/review", json=_first(bench), headers={TOKEN_HEADER: bench.token})
    assert response.status_code == 200 and response.json()["status"] == "approved"
    assert response.json()["counts"]["approved"] == 1
    assert f"- id: {_first(bench)['question']}\n  verdict: approved" in (lesson / REVIEW_FILE).read_text("utf-8")


def test_a_decision_on_what_the_page_no_longer_shows_is_refused(served, lesson: Path) -> None:
    client, bench = served
    stale = {**_first(bench), "shown": "0000000000000000"}
    response = client.post("/lesson/0/review", json=stale, headers={TOKEN_HEADER: bench.token})
    assert response.status_code == 409 and response.json()["reload"] is True
    rejected = {**_first(bench), "verdict": "rejected"}
    assert client.post("/lesson/0/review", json=rejected, headers={TOKEN_HEADER: bench.token}).status_code == 400
    assert not (lesson / REVIEW_FILE).exists()


def test_a_damaged_review_on_disk_is_not_written_over(served, lesson: Path) -> None:
    client, bench = served
    damaged = "questions:\n  - id: [\n"
    (lesson / REVIEW_FILE).write_text(damaged, encoding="utf-8")
    response = client.post("/lesson/0/review", json=_first(bench), headers={TOKEN_HEADER: bench.token})
    assert response.status_code == 409 and "review.yaml" in response.json()["error"]
    assert (lesson / REVIEW_FILE).read_text(encoding="utf-8") == damaged


def test_no_file_outside_the_lesson_is_served(served, lesson: Path, tmp_path: Path) -> None:
    client, bench = served
    secret = tmp_path / "secret.txt"
    secret.write_text("the secret\n", encoding="utf-8")
    os.symlink(secret, lesson / "link.txt")
    for name in ("..%2Fsecret.txt", "%2E%2E/secret.txt", "%2Fetc%2Fpasswd", "link.txt", "nothing.txt"):
        response = client.get(f"/lesson/0/file/{name}?token={bench.token}")
        assert response.status_code == 404, name
        assert "the secret" not in response.text and "root:" not in response.text
    shown = client.get(f"/lesson/0/file/facts.yaml?token={bench.token}")
    assert shown.status_code == 200 and '<li id="L2">' in shown.text
    assert client.get(f"/lesson/7?token={bench.token}").status_code == 404


def test_diagnostics_link_to_the_editor_template(lesson: Path) -> None:
    facts = lesson / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("said: Why not?", "said: Why ever not?"), "utf-8")
    bench = Workbench(open_lessons([facts]), new_token(), "vscode://file/{path}:{line}:{col}")
    assert bench.lessons[0].problems  # the misquotation is an error: the page shows it
    client = TestClient(create_app(bench), base_url="http://127.0.0.1")
    page = client.get(f"/lesson/0/view?token={bench.token}").text
    assert f'href="vscode://file/{facts.resolve()}:' in page


def test_serve_refuses_a_bad_editor_template_and_a_path_that_is_not_a_lesson(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["serve", str(tmp_path), "--no-open"])
    assert result.exit_code == 2 and "is not a lesson" in result.stderr
    result = runner.invoke(app, ["serve", str(ROOT / "seeds" / LESSON), "--no-open", "--editor", "x://{file}"])
    assert result.exit_code == 2 and "--editor" in result.stderr


def test_a_decision_keeps_what_was_written_to_review_yaml_meanwhile(served, lesson: Path) -> None:
    client, bench = served
    judged = bench.lessons[0].view.judged
    (lesson / REVIEW_FILE).write_text(
        f"questions:\n  - id: {judged[1].question.id}\n    verdict: rejected\n    reason: trivial\n"
        f"    shown: {shown_hash(judged[1].question)}\n",
        encoding="utf-8",
    )
    response = client.post("/lesson/0/review", json=_first(bench), headers={TOKEN_HEADER: bench.token})
    assert response.status_code == 200 and response.json()["reload"] is True
    assert response.json()["counts"] == {"approved": 1, "to_review": len(judged) - 2, "rejected": 1, "changed": 0}
    page = client.get(f"/lesson/0/view?token={bench.token}").text
    assert page.count('data-status="rejected"') == 1 and page.count('data-status="approved"') == 1


ARTICLE = """\
HARWICK - The county board of Harwick voted on Tuesday to shut the old ferry landing on the Tarn.

"We cannot keep it open through another winter," said board chair Ruth Okafor.

The landing, which has served the villages since 1902, will be rebuilt in 2028, Okafor said.
"""


def test_a_drafted_lesson_lists_first_what_the_draft_marks_for_checking(tmp_path: Path) -> None:
    (tmp_path / "harwick.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(
        app, ["new", str(tmp_path / "harwick.txt"), "--id", "harwick", "--seeds", str(tmp_path)]
    )
    assert result.exit_code == 0, result.stderr
    facts = read_lesson(tmp_path / "harwick" / "facts.yaml").lesson
    assert facts is not None
    # Facts the draft doubts for a reason of its own ("the text says only 'Tuesday'"), in the file's order.
    doubted = [f.id for f in facts.facts if f.draft and f.draft != DRAFTED]
    assert doubted, "the draft doubts nothing in this article"
    view = open_lessons([tmp_path / "harwick" / "facts.yaml"])[0].view
    order = [group.key for group in view.groups]
    assert order[: len(doubted)] == doubted
    assert all(group.checks and group.checks[0] != DRAFTED for group in view.groups[: len(doubted)])
    assert all(DRAFTED in group.checks[-1] for group in view.groups[len(doubted) :] if group.checks)


def test_the_command_listens_on_this_machine_prints_its_link_and_stops_on_ctrl_c(lesson: Path) -> None:
    command = [sys.executable, "-m", "studygen", "serve", str(lesson), "--no-open"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = [process.stdout.readline() for _ in range(2)]
        url = lines[1].strip()
        assert url.startswith("http://127.0.0.1:") and "/?token=" in url, lines
        token = url.split("token=")[1]
        assert len(token) >= 32
        deadline = time.monotonic() + 20
        while True:
            try:
                page = httpx.get(url, follow_redirects=True)
                break
            except httpx.ConnectError:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        checked = read_lesson(lesson / "facts.yaml")
        shown = page.text.count('<article class="q"')
        assert page.status_code == 200 and shown == len(build_questions(checked.lesson, checked.contexts()).questions)
        assert httpx.get(url.split("?")[0]).status_code == 403
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    assert process.returncode == 0 and "studygen serve: stopped" in out, err


def test_diagnostics_sit_beside_the_fact_they_concern(lesson: Path) -> None:
    facts = lesson / "facts.yaml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("aliases: [Ordzhonikidze]", "aliases: [Ordzhonikidze, Sergei O.]", 1), "utf-8")
    view = open_lessons([facts])[0].view
    placed = {d.line: g.key for g in view.groups for d in g.diagnostics}
    for group in view.groups:
        following = [g.line for g in view.groups if g.line > group.line]
        for diagnostic in group.diagnostics:  # inside the fact's entry: from its line to the next entry's
            assert group.line <= diagnostic.line < min(following, default=10**9)
    # A warning about a person is about no fact, and not about the role of the person declared before.
    assert [d.code for d in view.general] == ["ground.alias-not-in-article"]
    assert placed
    client = TestClient(create_app(Workbench(open_lessons([facts]), "t" * 32)), base_url="http://127.0.0.1")
    page = client.get("/lesson/0/view?token=" + "t" * 32).text
    first = min(placed)
    assert page.index(f'id="fact-{placed[first]}"') < page.index(f"facts.yaml:{first}</a>")


def test_each_question_shows_why_the_engine_flags_it_and_only_those_flagged(served, lesson: Path) -> None:
    client, bench = served
    checked = read_lesson(lesson / "facts.yaml")
    flags = build_questions(checked.lesson, checked.contexts()).flags
    page = client.get(f"/lesson/0/view?token={bench.token}").text
    cards = {card.split('"', 1)[0]: card for card in page.split('<article class="q" tabindex="-1" data-id="')[1:]}
    assert flags and set(cards) == {j.question.id for j in bench.lessons[0].view.judged}
    for question_id, card in cards.items():
        card = card.split("</article>", 1)[0]
        if question_id in flags:
            assert '<ul class="flags"' in card and all(str(escape(why)) in card for why in flags[question_id])
        else:
            assert '<ul class="flags"' not in card
