"""What keeps the desk's sessions and forms safe: CSRF tokens, the sign-in rate limit, response headers.

None of it is a domain rule; it guards the doors of the web app only.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections import deque
from collections.abc import Callable

from starlette.datastructures import MutableHeaders
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSRF_FIELD = "csrf"
NAME_KEY_CHARS = 200  # a user name is at most this long; longer guesses count under their first 200 characters
_CSRF_KEY = "csrf"

# Pages of the desk: nothing but the desk's own files may load or run, no frames, forms only to the desk.
DESK_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)


def csrf_token(request: Request) -> str:
    """The session's form token, made on first use (one per session, renewed when signing in)."""
    token = request.session.get(_CSRF_KEY)
    if not isinstance(token, str) or not token:
        token = secrets.token_urlsafe(32)
        request.session[_CSRF_KEY] = token
    return token


def new_csrf_token(request: Request) -> str:
    request.session[_CSRF_KEY] = token = secrets.token_urlsafe(32)
    return token


def csrf_ok(request: Request, submitted: object) -> bool:
    """The submitted token is the session's, compared in constant time; a missing one never matches."""
    expected = request.session.get(_CSRF_KEY)
    if not isinstance(submitted, str) or not submitted or not isinstance(expected, str) or not expected:
        return False
    return hmac.compare_digest(submitted.encode("utf-8"), expected.encode("utf-8"))


class LoginLimiter:
    """Failed sign-ins counted per user name and per client address over a sliding window.

    Once either has ``max_failures`` failures within ``window_s`` seconds, sign-ins for it are refused until
    the oldest failure leaves the window. Kept in the server's memory (one process serves the desk); a success
    clears its name's failures, never the address's.
    """

    def __init__(self, max_failures: int, window_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_failures = max_failures
        self.window_s = window_s
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    @staticmethod
    def _keys(name: str, address: str) -> tuple[str, str]:
        return "name:" + name.strip().casefold()[:NAME_KEY_CHARS], "addr:" + address

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures.get(key)
        if times is None:
            return deque()
        while times and times[0] <= now - self.window_s:
            times.popleft()
        if not times:
            del self._failures[key]
        return times

    def retry_after(self, name: str, address: str) -> float | None:
        """Seconds until a sign-in for this name and address may be tried again; None when it may now."""
        now = self.clock()
        with self._lock:
            waits = [
                times[0] + self.window_s - now
                for key in self._keys(name, address)
                if len(times := self._recent(key, now)) >= self.max_failures
            ]
        return max(waits) if waits else None

    def failed(self, name: str, address: str) -> None:
        now = self.clock()
        with self._lock:
            for key in self._keys(name, address):
                self._recent(key, now)
                self._failures.setdefault(key, deque()).append(now)
            if len(self._failures) > 100_000:  # bounded memory under a flood of names: drop the expired
                for key in list(self._failures):
                    self._recent(key, now)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(self._keys(name, "")[0], None)


class SecurityHeaders:
    """Headers on every response: the desk's CSP (report pages bring their own), no sniffing, no framing, no
    caching of signed-in pages, and no referrer leaving the desk."""

    def __init__(self, app: ASGIApp, own_csp_prefixes: tuple[str, ...] = ()) -> None:
        self.app = app
        self.own_csp_prefixes = own_csp_prefixes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if not any(path.startswith(p) for p in self.own_csp_prefixes):
                    headers.setdefault("Content-Security-Policy", DESK_CSP)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("X-Frame-Options", "DENY")
                headers.setdefault("Referrer-Policy", "same-origin")
                if not path.startswith("/static/"):
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        await self.app(scope, receive, send_wrapper)
