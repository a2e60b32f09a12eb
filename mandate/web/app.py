"""The Starlette application: routes call the pipeline and the renderers (through ``work``), nothing
else. Every answer carries a Content-Security-Policy and same-origin headers; bad input is one
sentence with 400, 413 or 415, never a traceback.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import anyio
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mandate.read import DEFAULT_MAX_BYTES
from mandate.resources import reports_dir
from mandate.web import pages
from mandate.web.uploads import ACCEPTED_SUFFIXES, UploadError, read_form, require_file
from mandate.web.work import check_upload, diff_uploads

log = logging.getLogger("mandate.web")

# The server's own pages load their CSS and script from itself, nothing else.
PAGE_CSP = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# A report is self-contained: inline styles only, no script, no form (the CLI's own policy).
REPORT_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SAME_ORIGIN = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"cross-origin-embedder-policy", b"require-corp"),
    (b"cache-control", b"no-store"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


class _Headers:
    """Security headers on every answer; a route's own CSP (reports) wins over the page one."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", PAGE_CSP.encode()))
                headers += [h for h in SAME_ORIGIN if h[0] not in names]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, sending)


def _cross_site(request: Request) -> bool:
    """A POST sent by another site's page: refused, the server answers only its own page.

    Browsers say where a request comes from in Sec-Fetch-Site; without it, Origin must be ours.
    """
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site not in {"same-origin", "none"}
    origin = request.headers.get("origin")
    if origin is None:
        return False  # not a browser (curl, scripts): nothing to forge
    return urlsplit(origin).netloc != request.headers.get("host", "")


class Settings:
    """What the server was started with; the private upload folder lives as long as the app."""

    def __init__(self, max_bytes: int, workers: int, temp_parent: Path | None) -> None:
        self.max_bytes = max_bytes
        self.limiter = anyio.CapacityLimiter(workers)
        self.root = Path(tempfile.mkdtemp(prefix="mandate-serve-", dir=temp_parent))
        os.chmod(self.root, 0o700)
        self.accept = ",".join(ACCEPTED_SUFFIXES)
        self._mandates: list[tuple[str, str]] | None = None

    def mandates(self) -> list[tuple[str, str]]:
        """The shipped mandates as (id, label): the only values ``mandate`` may take."""
        if self._mandates is None:
            from mandate.rules import load_mandate, mandate_files

            found = [load_mandate(p) for p in mandate_files()]
            self._mandates = [(m.id, f"{m.resolution} ({m.id})") for m in found]
        return self._mandates

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def create_app(
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    allowed_hosts: list[str] | None = None,
    temp_parent: Path | None = None,
) -> Starlette:
    """The web application. ``workers`` bounds the checks run at once (default: cores, 2 to 4)."""
    settings = Settings(max_bytes, workers or max(2, min(4, os.cpu_count() or 2)), temp_parent)

    def lang_of(request: Request, form: dict[str, Any] | None = None) -> str:
        choice = request.query_params.get("lang")
        if form is not None and isinstance(form.get("ui"), str):
            choice = form["ui"]
        return pages.negotiate(request.headers.get("accept-language"), choice)

    def page(lang: str, error: str | None = None, status: int = 200) -> HTMLResponse:
        max_mb = settings.max_bytes / 1_048_576
        body = pages.upload_page(lang, settings.mandates(), max_mb, settings.accept, error, status)
        return HTMLResponse(body, status_code=status, headers={"content-language": lang})

    def failure(request: Request, lang: str, exc: UploadError) -> Response:
        if request.query_params.get("format") == "json":
            return JSONResponse({"error": exc.sentence}, status_code=exc.status)
        return page(lang, exc.sentence, exc.status)

    async def work(fn: Callable[..., Any], *args: Any) -> Any:
        """CPU work in the bounded worker pool, never on the event loop."""
        return await anyio.to_thread.run_sync(partial(fn, *args), limiter=settings.limiter)

    async def guarded(
        request: Request, answer: Callable[[dict[str, Any], str], Awaitable[Response]], files: int
    ) -> Response:
        lang = lang_of(request)
        try:
            if _cross_site(request):
                raise UploadError(403, "This server only answers its own page.")
            form = await read_form(request, files, settings.max_bytes)
            lang = lang_of(request, form)
            return await answer(form, lang)
        except UploadError as exc:
            return failure(request, lang, exc)
        except Exception as exc:  # a bug, not the input: say so without the letter's text
            log.error("internal error: %s", type(exc).__name__)
            return failure(
                request,
                lang,
                UploadError(500, f"Internal error ({type(exc).__name__}); please report it."),
            )

    def mandate_field(form: dict[str, Any]) -> str | None:
        value = form.get("mandate")
        if not isinstance(value, str) or not value:
            return None
        if value not in {m for m, _ in settings.mandates()}:
            raise UploadError(400, f"No shipped mandate is called {value[:40]!r}.")
        return value

    def report_lang(form: dict[str, Any]) -> str | None:
        value = form.get("lang")
        return value if isinstance(value, str) and value in pages.report_languages() else None

    async def index(request: Request) -> Response:
        return page(lang_of(request))

    async def check(request: Request) -> Response:
        as_json = request.query_params.get("format") == "json"

        async def answer(form: dict[str, Any], lang: str) -> Response:
            letter = require_file(form, "letter")
            checked = await work(
                check_upload,
                settings.root,
                letter,
                mandate_field(form),
                report_lang(form),
                settings.max_bytes,
                not as_json,
            )
            if as_json:
                return Response(checked.json_text, media_type="application/json")
            html = pages.with_downloads(checked.html, lang, checked.downloads)
            return HTMLResponse(html, headers={"content-security-policy": REPORT_CSP})

        return await guarded(request, answer, files=1)

    async def diff(request: Request) -> Response:
        async def answer(form: dict[str, Any], lang: str) -> Response:
            old, new = require_file(form, "old"), require_file(form, "new")
            html = await work(
                diff_uploads, settings.root, old, new, mandate_field(form), settings.max_bytes
            )
            from mandate.web.work import Download

            bar = [Download(f"{Path(new.name).stem}.diff.html", "text/html", html.encode())]
            return HTMLResponse(
                pages.with_downloads(html, lang, bar),
                headers={"content-security-policy": REPORT_CSP},
            )

        return await guarded(request, answer, files=2)

    assets = {
        "serve.css": "text/css; charset=utf-8",
        "serve.js": "text/javascript; charset=utf-8",
    }
    asset_bytes = {name: (reports_dir() / name).read_bytes() for name in assets}

    async def asset(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in assets:
            return Response("Not found.", status_code=404, media_type="text/plain")
        return Response(asset_bytes[name], media_type=assets[name])

    async def not_found(request: Request, exc: Exception) -> Response:
        return Response("Not found.", status_code=404, media_type="text/plain")

    async def not_allowed(request: Request, exc: Exception) -> Response:
        return Response("Method not allowed.", status_code=405, media_type="text/plain")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(settings.mandates)  # warm: fail at start, not per request
        try:
            yield
        finally:
            settings.close()

    hosts = allowed_hosts or ["127.0.0.1", "localhost", "[::1]", "::1"]
    app = Starlette(
        routes=[
            Route("/", index, methods=["GET"]),
            Route("/check", check, methods=["POST"]),
            Route("/diff", diff, methods=["POST"]),
            Route("/assets/{name}", asset, methods=["GET"]),
        ],
        middleware=[
            Middleware(_Headers),
            Middleware(TrustedHostMiddleware, allowed_hosts=hosts, www_redirect=False),
        ],
        exception_handlers={404: not_found, 405: not_allowed},
        lifespan=lifespan,
    )
    app.state.settings = settings
    return app
