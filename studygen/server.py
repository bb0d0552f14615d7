"""`studygen serve`: the teacher's workbench, a local web page over the library.

Starlette (routing, requests, responses) on uvicorn, with watchfiles telling it when a
lesson's files change; the page then updates through server-sent events. Safe on a shared
machine, as Jupyter is: it listens on 127.0.0.1 only, every request carries a random
per-run token, the Host header must name this machine (no DNS rebinding), a decision is a
POST with the token in a header, no file outside the lesson folders is ever served, and the
only file written is each lesson's review.yaml (see `review.save_decision`).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hmac
import html
import json
import secrets
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import quote

import anyio.to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send
from watchfiles import awatch

from . import __version__
from .confine import UnsafeFile, inside, read_regular
from .files import STAGING_MARK, OutputError
from .html import html_templates
from .review import REASONS, REVIEW_FILE, Decision, ReviewFileDamaged, Verdict, save_decision, shown_hash
from .workbench import LessonState, rejudged

LOCAL_HOSTS = ("127.0.0.1", "localhost")
TOKEN_HEADER = "X-Studygen-Token"
KEEP_ALIVE_SECONDS = 15


def new_token() -> str:
    return secrets.token_urlsafe(24)


class TokenRequired:
    """Refuse every request without the run's token: in the query of a GET (the URL printed), in a
    header of anything else (a page of another site can neither read the token nor set the header)."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app, self.token = app, token.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            request = Request(scope)
            given = (
                request.query_params.get("token", "")
                if request.method in ("GET", "HEAD")
                else request.headers.get(TOKEN_HEADER, "")
            )
            if not hmac.compare_digest(given.encode(), self.token):
                response = PlainTextResponse("studygen serve: this page needs the link with its token", 403)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


@dataclasses.dataclass
class Workbench:
    """The lessons being served, and who is listening for their changes."""

    lessons: list[LessonState]
    token: str
    editor: str | None = None  # a URL template: {path}, {line}, {col}
    listeners: set[asyncio.Queue[str]] = dataclasses.field(default_factory=set)
    written: dict[Path, bytes | None] = dataclasses.field(default_factory=dict)  # review.yaml as we last wrote it
    lock: asyncio.Lock = dataclasses.field(default_factory=asyncio.Lock)

    def state(self, index: int) -> LessonState | None:
        return self.lessons[index] if 0 <= index < len(self.lessons) else None

    def announce(self, index: int) -> None:
        message = json.dumps({"lesson": index, "version": self.lessons[index].version})
        for queue in self.listeners:
            queue.put_nowait(message)

    def edit_link(self, index: int, path: Path, line: int, col: int = 1) -> str | None:
        """Where a lesson's file opens at a line: the teacher's editor, or else this server's view of it."""
        path = path.resolve()
        if self.editor:
            return self.editor.format(path=quote(str(path), safe="/:\\"), line=line, col=col)
        if path.parent != self.lessons[index].folder.resolve():
            return None
        return f"/lesson/{index}/file/{quote(path.name)}?token={self.token}#L{line}"


def _render(template: str, **values: object) -> str:
    return html_templates.get_template(template).render(**values)


def _nonce_headers(nonce: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        "Referrer-Policy": "no-referrer",
        "Cache-Control": "no-store",
    }


def create_app(bench: Workbench) -> Starlette:
    """The workbench's web application (served by uvicorn; tested with Starlette's TestClient)."""

    def fragment(index: int) -> str:
        state = bench.lessons[index]
        return _render(
            "workbench_lesson.html.j2",
            state=state,
            view=state.view,
            index=index,
            link=lambda d: bench.edit_link(index, Path(d.path), d.line, d.col),
            fact_link=lambda line: bench.edit_link(index, state.path, line),
            reasons=list(REASONS),
            shown_hash=shown_hash,
        )

    async def home(request: Request) -> RedirectResponse:
        return RedirectResponse(f"/lesson/0?token={bench.token}", 303)

    async def page(request: Request) -> HTMLResponse:
        index = request.path_params["index"]
        if bench.state(index) is None:
            return HTMLResponse("no such lesson", 404)
        nonce = secrets.token_urlsafe(16)
        body = _render(
            "workbench.html.j2",
            lessons=bench.lessons,
            index=index,
            token=bench.token,
            nonce=nonce,
            version=__version__,
            lesson_html=fragment(index),
            reasons=list(REASONS),
        )
        return HTMLResponse(body, headers=_nonce_headers(nonce))

    async def view(request: Request) -> HTMLResponse:
        index = request.path_params["index"]
        if bench.state(index) is None:
            return HTMLResponse("no such lesson", 404)
        return HTMLResponse(fragment(index), headers={"Cache-Control": "no-store"})

    async def lesson_file(request: Request) -> HTMLResponse:
        """A file of the lesson folder with numbered lines (#L12), for a teacher with no editor configured."""
        state = bench.state(request.path_params["index"])
        name = request.path_params["name"]
        if state is None:
            return HTMLResponse("no such lesson", 404)
        try:
            data = read_regular(inside(state.folder, name))
        except (UnsafeFile, OSError, ValueError) as exc:
            reason = exc.message if isinstance(exc, UnsafeFile) else "no such file in the lesson folder"
            return HTMLResponse(html.escape(f"studygen serve: {reason}"), 404)
        nonce = secrets.token_urlsafe(16)
        lines = data.decode("utf-8", errors="replace").splitlines()
        body = _render("workbench_file.html.j2", name=name, lines=lines, nonce=nonce)
        return HTMLResponse(body, headers=_nonce_headers(nonce))

    async def review(request: Request) -> JSONResponse:
        index = request.path_params["index"]
        state = bench.state(index)
        if state is None or state.view is None:
            return JSONResponse({"error": "no such lesson, or it has not read without errors yet"}, 404)
        try:
            body = await request.json()
            question_id, shown, verdict = str(body["question"]), str(body["shown"]), Verdict(body["verdict"])
            reason = body.get("reason")
        except (ValueError, KeyError, TypeError):
            return JSONResponse({"error": "expected question, shown and verdict (approved, rejected or skipped)"}, 400)
        if verdict is Verdict.REJECTED and reason not in REASONS:
            return JSONResponse({"error": f"a rejection needs a reason: one of {', '.join(REASONS)}"}, 400)
        async with bench.lock:
            view = state.view
            judged = {j.question.id: j for j in view.judged}
            if question_id not in judged:
                return JSONResponse({"error": f"the lesson has no question {question_id} now", "reload": True}, 409)
            question = judged[question_id].question
            if shown_hash(question) != shown:
                return JSONResponse({"error": "the question changed since the page showed it", "reload": True}, 409)
            decision = Decision.of(question, verdict, reason)
            try:
                saved = await anyio.to_thread.run_sync(save_decision, view.ledger, view.lesson.id, decision)
            except ReviewFileDamaged as exc:
                return JSONResponse({"error": f"review.yaml was not written: {exc}"}, 409)
            except OutputError as exc:
                return JSONResponse({"error": str(exc)}, 500)
            bench.written[state.folder] = saved.ledger.read_bytes
            state.view = rejudged(view, saved.ledger)
        status = next(j.status for j in state.view.judged if j.question.id == question_id)
        counts = state.view.counts
        return JSONResponse(
            {
                "status": status.value,
                "counts": dataclasses.asdict(counts),
                "reload": saved.changed_on_disk,  # others' decisions were read too: show them
            }
        )

    async def events(request: Request) -> StreamingResponse:
        queue: asyncio.Queue[str] = asyncio.Queue()
        bench.listeners.add(queue)

        async def stream() -> AsyncIterator[str]:
            try:
                yield "retry: 500\n\n"
                while True:
                    try:
                        message = await asyncio.wait_for(queue.get(), KEEP_ALIVE_SECONDS)
                    except TimeoutError:
                        yield ": keep-alive\n\n"
                        continue
                    yield f"data: {message}\n\n"
            finally:
                bench.listeners.discard(queue)

        return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        stop = asyncio.Event()
        task = asyncio.create_task(watch(bench, stop))
        try:
            yield
        finally:
            stop.set()
            await task

    routes = [
        Route("/", home),
        Route("/lesson/{index:int}", page),
        Route("/lesson/{index:int}/view", view),
        Route("/lesson/{index:int}/file/{name:path}", lesson_file),
        Route("/lesson/{index:int}/review", review, methods=["POST"]),
        Route("/events", events),
    ]
    middleware = [
        Middleware(TrustedHostMiddleware, allowed_hosts=list(LOCAL_HOSTS)),
        Middleware(TokenRequired, token=bench.token),
    ]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def _ours(bench: Workbench, state: LessonState, changed: set[Path]) -> bool:
    """Whether the only change is review.yaml as this server wrote it (nothing to show again)."""
    review = state.folder.resolve() / REVIEW_FILE
    if changed != {review} or state.folder not in bench.written:
        return False
    try:
        return review.read_bytes() == bench.written[state.folder]
    except OSError:
        return False


async def watch(bench: Workbench, stop: asyncio.Event) -> None:
    """Read a lesson again when any file of its folder changes, and tell the pages."""
    folders = {state.folder.resolve(): index for index, state in enumerate(bench.lessons)}
    async for changes in awatch(*folders, stop_event=stop, debounce=50, step=20, recursive=True):
        touched: dict[int, set[Path]] = {}
        for _, name in changes:
            path = Path(name)
            if STAGING_MARK in path.name:
                continue
            for folder, index in folders.items():
                if folder == path.parent or folder in path.parents:
                    touched.setdefault(index, set()).add(path)
        for index, paths in touched.items():
            state = bench.lessons[index]
            if _ours(bench, state, paths):
                continue
            async with bench.lock:  # not while a decision is being recorded: its view would be lost
                await anyio.to_thread.run_sync(state.refresh)
            bench.announce(index)
