"""The desk's routes: sign-in, the queue, a flag's evidence and rulings, approvals, the published pages.

Every handler reads and acts through the facade only, in a worker thread (the facade is synchronous), and
turns the facade's refusals into a page that says why: 409 when another editor got there first (a stale
version), 400 for any other refusal, 403 for a viewer or a bad form token. Nothing is ever shown as a
traceback.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Receive, Scope, Send

from tracker.api import Tracker
from tracker.errors import TrackerError
from tracker.urls import check_url, safe_url
from tracker.users import User
from tracker.verdicts import RATINGS
from tracker.web.security import (
    CSRF_FIELD,
    LoginLimiter,
    SecurityHeaders,
    csrf_ok,
    csrf_token,
    new_csrf_token,
)

log = logging.getLogger("tracker.web")
HERE = Path(__file__).parent
SECRET_NAME = "desk-session"
QUEUE_KINDS = ("conflict", "temporal_change")
# The keys that choose a rating on a flag page (desk.js), shown beside each choice.
RATING_KEYS = {"accurate": "a", "inaccurate": "i", "outdated": "o", "misattributed": "m", "unproven": "u"}
STALE = "another editor got there first"
CLAIMREVIEW_FILE = "claimreview.jsonld"
MAX_FORM_BYTES = 256 * 1024
USER_KEY = "user"
FLASH_KEY = "flash"


@dataclass(frozen=True)
class DeskConfig:
    reports: str | None = None  # the report folder rewritten after a published ruling or a review
    report_url: str | None = None  # where the reports are published (absolute http(s))
    https_only: bool = False  # the session cookie is sent over https only
    secret_key: str | None = None  # signs session cookies; by default generated once and kept in the database


class Refused(Exception):
    """A request the desk answers with a page that says why (and its status code)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _is_stale(exc: TrackerError) -> bool:
    """A refusal because someone changed the thing since the editor read it (flag_repo.StaleReview,
    verdicts.StaleVerdict): both name "Stale" in their class."""
    return any(cls.__name__.startswith("Stale") for cls in type(exc).__mro__)


class Republisher:
    """Rewrites the report folder after a change, one rewrite at a time; changes that arrive during a rewrite
    are taken in by one more rewrite after it."""

    def __init__(self, tracker: Tracker, folder: str | None, report_url: str | None) -> None:
        self.tracker = tracker
        self.folder = folder
        self.report_url = report_url
        self._lock = threading.Lock()
        self._wanted = threading.Event()
        self.runs = 0
        self.last_error: str | None = None

    def __call__(self) -> None:
        if self.folder is None:
            return
        self._wanted.set()
        while self._wanted.is_set():
            if not self._lock.acquire(blocking=False):
                return  # the rewrite running now sees the flag and runs again
            try:
                self._wanted.clear()
                self._render()
            finally:
                self._lock.release()

    def _render(self) -> None:
        assert self.folder is not None
        try:
            self.tracker.report(self.folder, report_url=self.report_url)
            if self.report_url is not None:  # the published verdicts as ClaimReview, beside the pages
                self.tracker.export("claimreview", Path(self.folder) / CLAIMREVIEW_FILE, report_url=self.report_url)
            self.runs += 1
            self.last_error = None
        except TrackerError as exc:
            self.last_error = str(exc)
            log.warning("tracker desk: the published pages were not updated: %s", exc)


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        autoescape=select_autoescape(["html"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = safe_url
    return env


class Desk:
    def __init__(self, tracker: Tracker, config: DeskConfig) -> None:
        self.t = tracker
        self.config = config
        settings = tracker.settings.desk
        self.limiter = LoginLimiter(settings.login_max_failures, settings.login_window_s)
        self.page_size = settings.queue_page_size
        self.templates = Jinja2Templates(env=_environment())
        self.republish = Republisher(tracker, config.reports, config.report_url)

    # -- plumbing ----------------------------------------------------------------------------------------------

    async def call(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return await run_in_threadpool(fn, *args, **kwargs)

    async def current_user(self, request: Request) -> User | None:
        name = request.session.get(USER_KEY)
        if not isinstance(name, str):
            return None
        user = await self.call(self.t.user, name)
        if user is None or not user.active:  # removed or disabled since signing in
            request.session.clear()
            return None
        return user

    def render(self, request: Request, template: str, user: User | None, status: int = 200, **context: Any) -> Response:
        flashes = request.session.pop(FLASH_KEY, []) if USER_KEY in request.session else []
        return self.templates.TemplateResponse(
            request,
            template,
            {
                "user": user,
                "csrf": csrf_token(request),
                "csrf_field": CSRF_FIELD,
                "flashes": flashes,
                "reports": self.config.reports is not None,
                **context,
            },
            status_code=status,
        )

    def refusal(self, request: Request, user: User | None, status: int, message: str) -> Response:
        titles = {400: "Refused", 403: "Not allowed", 404: "Not found", 409: "Another editor got there first"}
        titles[429] = "Too many attempts"
        return self.render(
            request, "message.html", user, status=status, title=titles.get(status, "Refused"), message=message
        )

    @staticmethod
    def flash(request: Request, message: str) -> None:
        request.session[FLASH_KEY] = [*request.session.get(FLASH_KEY, []), message][-5:]

    @staticmethod
    def back(path: str) -> RedirectResponse:
        return RedirectResponse(path, status_code=303)

    def page(
        self, handler: Callable[..., Awaitable[Response]], editor: bool = False
    ) -> Callable[[Request], Awaitable[Response]]:
        """A route's endpoint: signed in or sent to sign in; a POST must carry the session's CSRF token, and an
        action (``editor``) needs a user who may edit; the facade's refusals become pages that say why."""

        async def endpoint(request: Request) -> Response:
            user = await self.current_user(request)
            if user is None:
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                return self.back("/login?" + urlencode({"next": target}))
            form: FormData | None = None
            try:
                if request.method == "POST":
                    form = await request.form()
                    if not csrf_ok(request, form.get(CSRF_FIELD)):
                        raise Refused(403, "the form's security token is missing or out of date; reload the page")
                if editor and not user.can_edit:
                    raise Refused(403, f"you are signed in as a {user.role}: you may read the desk but not act")
                return await handler(request, user, form)
            except Refused as exc:
                return self.refusal(request, user, exc.status, exc.message)
            except TrackerError as exc:
                if _is_stale(exc):
                    message = str(exc)
                    if not message.startswith(STALE):
                        message = f"{STALE}: {message}"
                    return self.refusal(request, user, 409, message)
                return self.refusal(request, user, 400, str(exc))

        return endpoint

    # -- signing in and out ------------------------------------------------------------------------------------

    @staticmethod
    def _next(value: object) -> str:
        """Where to go after signing in: a path of the desk only, never another site."""
        if isinstance(value, str) and value.startswith("/") and not value.startswith(("//", "/\\")):
            return value
        return "/queue"

    async def login_form(self, request: Request) -> Response:
        user = await self.current_user(request)
        if user is not None:
            return self.back(self._next(request.query_params.get("next")))
        return self.render(request, "login.html", None, next=self._next(request.query_params.get("next")))

    async def login(self, request: Request) -> Response:
        form = await request.form()
        name = str(form.get("name") or "").strip()
        password = str(form.get("password") or "")
        target = self._next(form.get("next"))
        if not csrf_ok(request, form.get(CSRF_FIELD)):
            return self.refusal(request, None, 403, "the form's security token is missing or out of date; reload")
        address = request.client.host if request.client else "?"
        wait = self.limiter.retry_after(name, address)
        if wait is not None:
            minutes = max(1, round(wait / 60))
            return self.refusal(
                request,
                None,
                429,
                f"too many failed sign-ins for this name or from this address; try again in {minutes} minute"
                + ("s" if minutes != 1 else ""),
            )
        user = await self.call(self.t.authenticate, name, password) if name and password else None
        if user is None:
            self.limiter.failed(name, address)
            return self.render(
                request, "login.html", None, status=401, next=target, name=name, error="wrong name or password"
            )
        self.limiter.succeeded(name)
        request.session.clear()  # a new session on signing in: nothing from before carries over
        request.session[USER_KEY] = user.name
        new_csrf_token(request)
        return self.back(target)

    async def logout(self, request: Request, user: User, form: FormData) -> Response:
        request.session.clear()
        return self.back("/login")

    async def home(self, request: Request, user: User, form: FormData | None) -> Response:
        return self.back("/queue")

    # -- the queue ---------------------------------------------------------------------------------------------

    async def queue(self, request: Request, user: User, form: FormData | None) -> Response:
        q = request.query_params
        kind = q.get("kind") or ""
        outlet = q.get("outlet") or ""
        entity = _int(q.get("entity"))
        mine = q.get("mine") == "1"
        page = max(1, _int(q.get("page")) or 1)
        kinds = [kind] if kind in QUEUE_KINDS else list(QUEUE_KINDS)

        def read() -> tuple[list, list, dict[int, str], list]:
            flags = [
                f
                for k in kinds
                for f in self.t.flags(
                    kind=k, status="open", outlet=outlet or None, assigned_to=user.name if mine else None
                )
            ]
            names = self.t.entity_names({e for f in flags for e in f.entity_ids})
            return flags, self.t.outlet_names(), names, [u for u in self.t.users() if u.can_edit]

        flags, outlets, entity_names, editors = await self.call(read)
        in_queue = sorted({e for f in flags for e in f.entity_ids if e in entity_names}, key=lambda e: entity_names[e])
        if entity is not None:
            flags = [f for f in flags if entity in f.entity_ids]
        flags.sort(key=lambda f: f.id, reverse=True)  # newest first
        pages = max(1, -(-len(flags) // self.page_size))
        page = min(page, pages)
        shown = flags[(page - 1) * self.page_size : page * self.page_size]
        filters = {"kind": kind, "outlet": outlet, "entity": entity or "", "mine": "1" if mine else ""}
        return self.render(
            request,
            "queue.html",
            user,
            flags=shown,
            total=len(flags),
            page=page,
            pages=pages,
            filters=filters,
            query=lambda **changes: urlencode({k: v for k, v in {**filters, **changes}.items() if v}),
            kinds=QUEUE_KINDS,
            outlets=outlets,
            entities=[(e, entity_names[e]) for e in in_queue],
            editors=editors,
            entity_names=entity_names,
        )

    async def bulk(self, request: Request, user: User, form: FormData) -> Response:
        ids = sorted({i for v in form.getlist("flag") if (i := _int(v)) is not None})
        action = form.get("action")
        if not ids:
            raise Refused(400, "no flags chosen: tick the flags to act on first")
        if action in ("dismiss", "confirm"):
            note = _text(form.get("note"))
            done = await self.call(self.t.review_many, ids, action, user.name, note)
            self.flash(request, f"{action}ed {len(done)} flag{'s' if len(done) != 1 else ''}")
            return self._after_change(self.back("/queue"))
        if action == "assign":
            to = _text(form.get("to"))
            count = await self.call(self.t.assign, ids, to, user.name)
            self.flash(
                request, f"{count} flag{'s' if count != 1 else ''} " + (f"assigned to {to}" if to else "unassigned")
            )
            return self.back("/queue")
        raise Refused(400, "choose what to do with the flags: assign, confirm or dismiss")

    # -- one flag ----------------------------------------------------------------------------------------------

    async def flag_page(self, request: Request, user: User, form: FormData | None) -> Response:
        flag_id = _path_id(request, "flag_id")

        def read() -> dict[str, Any]:
            detail = self.t.flag(flag_id)
            ids = list(detail.flag.claim_ids)
            return {
                "detail": detail,
                "evidence": self.t.evidence(ids),
                "verdicts": self.t.verdicts(claim_ids=ids),
                "history": self.t.history(flag_id),
                "editors": [u for u in self.t.users() if u.can_edit],
            }

        data = await self.call(read)
        by_claim: dict[int, list] = {}
        for v in data["verdicts"]:
            by_claim.setdefault(v.claim_id, []).append(v)
        return self.render(
            request,
            "flag.html",
            user,
            flag=data["detail"].flag,
            claims=data["detail"].claims,
            evidence=data["evidence"],
            verdicts=by_claim,
            history=data["history"],
            editors=data["editors"],
            ratings=RATINGS,
            rating_keys=RATING_KEYS,
        )

    async def rule(self, request: Request, user: User, form: FormData) -> Response:
        flag_id = _path_id(request, "flag_id")
        claim_id = _int(form.get("claim_id"))
        rating = form.get("rating")
        if claim_id is None:
            raise Refused(400, "say which claim the ruling is on")
        if not isinstance(rating, str) or not rating:
            raise Refused(400, f"choose a rating ({', '.join(RATINGS)})")
        seen = _int(form.get("version"))
        evidence_url = _text(form.get("evidence_url"))
        if evidence_url is not None:
            evidence_url = check_url(evidence_url, "source of the ruling")

        def act() -> Any:
            if seen is not None:
                current = self.t.flag(flag_id).flag
                if current.version != seen:
                    raise Refused(
                        409,
                        f"{STALE}: flag {flag_id} changed since you read it (version "
                        f"{seen}); it is now {current.status} at version {current.version}; look again",
                    )
            return self.t.propose_verdict(
                claim_id, rating, user.name, note=_text(form.get("note")), evidence_url=evidence_url, flag_id=flag_id
            )

        verdict = await self.call(act)
        self.flash(
            request,
            f"proposed: claim {verdict.claim_id} {verdict.rating} (verdict {verdict.id}); a second editor publishes it",
        )
        return self.back(f"/flags/{flag_id}")

    async def review(self, request: Request, user: User, form: FormData) -> Response:
        flag_id = _path_id(request, "flag_id")
        action = form.get("action")
        if action not in ("confirm", "dismiss", "reopen"):
            raise Refused(400, "choose confirm, dismiss or reopen")
        done = await self.call(
            self.t.review, flag_id, action, user.name, _text(form.get("note")), _int(form.get("version"))
        )
        self.flash(request, f"flag {flag_id}: {done.from_status} -> {done.to_status}")
        return self._after_change(self.back(f"/flags/{flag_id}"))

    async def assign(self, request: Request, user: User, form: FormData) -> Response:
        flag_id = _path_id(request, "flag_id")
        to = _text(form.get("to"))
        await self.call(self.t.assign, [flag_id], to, user.name)
        self.flash(request, f"flag {flag_id} " + (f"assigned to {to}" if to else "unassigned"))
        return self.back(f"/flags/{flag_id}")

    # -- approvals ---------------------------------------------------------------------------------------------

    async def approvals(self, request: Request, user: User, form: FormData | None) -> Response:
        def read() -> tuple[list, dict]:
            proposed = self.t.verdicts(status="proposed")
            return proposed, self.t.evidence([v.claim_id for v in proposed])

        proposed, evidence = await self.call(read)
        proposed = sorted(proposed, key=lambda v: v.id)
        return self.render(
            request,
            "approve.html",
            user,
            others=[v for v in proposed if v.proposed_by != user.name],
            mine=[v for v in proposed if v.proposed_by == user.name],
            evidence=evidence,
        )

    async def decide(self, request: Request, user: User, form: FormData) -> Response:
        verdict_id = _path_id(request, "verdict_id")
        action = request.url.path.rsplit("/", 1)[-1]
        version = _int(form.get("version"))
        if action == "approve":
            verdict = await self.call(self.t.approve_verdict, verdict_id, user.name, expected_version=version)
        elif action == "reject":
            verdict = await self.call(
                self.t.reject_verdict, verdict_id, user.name, note=_text(form.get("note")), expected_version=version
            )
        else:
            verdict = await self.call(self.t.withdraw_verdict, verdict_id, user.name, expected_version=version)
        self.flash(request, f"verdict {verdict.id} on claim {verdict.claim_id} ({verdict.rating}): {verdict.status}")
        response = self.back(_back_to(form.get("back")))
        return self._after_change(response) if verdict.status == "published" else response

    def _after_change(self, response: Response) -> Response:
        """The published pages are rewritten after the response is sent (when the desk has a report folder)."""
        if self.config.reports is not None:
            response.background = BackgroundTask(self.republish)
        return response


def _int(value: object) -> int | None:
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 10:
        number = int(value.strip())
        return number if 1 <= number <= 2**31 - 1 else None
    return None


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


def _path_id(request: Request, name: str) -> int:
    number = _int(str(request.path_params[name]))
    if number is None:
        raise Refused(404, f"{request.path_params[name]!r} is not an id")
    return number


def _back_to(value: object) -> str:
    return value if value in ("/approve", "/queue") or (isinstance(value, str) and _is_flag_path(value)) else "/approve"


def _is_flag_path(value: str) -> bool:
    head, _, tail = value.partition("/flags/")
    return head == "" and tail.isdigit()


class _SignedInOnly:
    """The published report pages, for signed-in users of the desk only."""

    def __init__(self, desk: Desk, app: ASGIApp) -> None:
        self.desk = desk
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        if await self.desk.current_user(request) is None:
            target = "/published" + quote(scope.get("path", "")[len(scope.get("root_path", "")) :] or "/")
            response: Response = RedirectResponse("/login?" + urlencode({"next": target}), status_code=303)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


def create_app(tracker: Tracker, config: DeskConfig | None = None) -> Starlette:
    """The desk as an ASGI app over ``tracker``. The database is opened (and migrated) here, once."""
    config = config or DeskConfig()
    if config.report_url is not None:
        config = replace(config, report_url=check_url(config.report_url, "--report-url"))
    if config.reports is not None:
        folder = Path(config.reports)
        if folder.exists() and not folder.is_dir():
            raise TrackerError(f"--reports {config.reports}: exists and is not a folder")
    secret = config.secret_key or tracker.secret(SECRET_NAME)
    desk = Desk(tracker, config)
    p = desk.page

    def post(path: str, endpoint: Callable[[Request], Awaitable[Response]]) -> Route:
        return Route(path, endpoint, methods=["POST"], max_body_size=MAX_FORM_BYTES)

    routes: list[Route | Mount] = [
        Route("/", p(desk.home), methods=["GET"]),
        Route("/login", desk.login_form, methods=["GET"]),
        post("/login", desk.login),
        post("/logout", p(desk.logout)),
        Route("/queue", p(desk.queue), methods=["GET"]),
        post("/queue/bulk", p(desk.bulk, editor=True)),
        Route("/flags/{flag_id}", p(desk.flag_page), methods=["GET"]),
        post("/flags/{flag_id}/rule", p(desk.rule, editor=True)),
        post("/flags/{flag_id}/review", p(desk.review, editor=True)),
        post("/flags/{flag_id}/assign", p(desk.assign, editor=True)),
        Route("/approve", p(desk.approvals), methods=["GET"]),
        post("/verdicts/{verdict_id}/approve", p(desk.decide, editor=True)),
        post("/verdicts/{verdict_id}/reject", p(desk.decide, editor=True)),
        post("/verdicts/{verdict_id}/withdraw", p(desk.decide, editor=True)),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    if config.reports is not None:
        Path(config.reports).mkdir(parents=True, exist_ok=True)
        published = StaticFiles(directory=config.reports, html=True, check_dir=False)
        routes.append(Mount("/published", _SignedInOnly(desk, published), name="published"))

    async def not_found(request: Request, exc: Exception) -> Response:
        status = exc.status_code if isinstance(exc, HTTPException) else 500
        message = {404: "no such page", 405: "not here: this address takes another method"}.get(
            status, "something went wrong; the error was logged"
        )
        if status == 500:
            log.error("tracker desk: %s on %s", exc, request.url.path)
        return desk.refusal(request, None, status, message)

    app = Starlette(
        routes=routes,
        middleware=[
            Middleware(SecurityHeaders, own_csp_prefixes=("/published",)),
            Middleware(
                SessionMiddleware,
                secret_key=secret,
                session_cookie="__Host-tracker" if config.https_only else "tracker_session",
                max_age=tracker.settings.desk.session_max_age_s,
                same_site="lax",
                https_only=config.https_only,
            ),
        ],
        exception_handlers={404: not_found, 405: not_found, 413: not_found, 500: not_found},
    )
    app.state.desk = desk
    return app
