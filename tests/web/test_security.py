"""tracker/web/security.py: the sign-in limiter over a sliding window, and the CSRF comparison."""

from __future__ import annotations

from types import SimpleNamespace

from tracker.web.security import LoginLimiter, csrf_ok


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_name_is_locked_after_the_failures_and_freed_as_they_age() -> None:
    clock = Clock()
    limiter = LoginLimiter(3, 60, clock)
    for _ in range(3):
        assert limiter.retry_after("Ada", "10.0.0.1") is None
        limiter.failed("Ada", "10.0.0.1")
        clock.now += 10
    assert (
        limiter.retry_after(" ADA ", "10.0.0.2") == 30
    )  # names fold case and spaces; the first failure ages out in 30 s
    assert limiter.retry_after("Ben", "10.0.0.1") == 30  # the address is locked too
    assert limiter.retry_after("Ben", "10.0.0.2") is None
    clock.now += 30
    assert limiter.retry_after("Ada", "10.0.0.1") is None


def test_success_clears_the_name_only() -> None:
    limiter = LoginLimiter(2, 60, Clock())
    limiter.failed("Ada", "a")
    limiter.failed("Ada", "a")
    limiter.succeeded("Ada")
    assert limiter.retry_after("Ada", "b") is None
    assert limiter.retry_after("Ada", "a") is not None


def test_csrf_tokens_must_match_and_exist() -> None:
    request = SimpleNamespace(session={"csrf": "abc"})
    assert csrf_ok(request, "abc")  # type: ignore[arg-type]
    assert not csrf_ok(request, "abd")  # type: ignore[arg-type]
    assert not csrf_ok(request, None)  # type: ignore[arg-type]
    assert not csrf_ok(SimpleNamespace(session={}), "")  # type: ignore[arg-type]
