"""Which web addresses the tracker keeps and links to: absolute http(s) URLs with a host, nothing else.

A pure helper (no I/O, no other stage) so ingest refuses a bad address where it enters, and report and export
check again before writing one as a link, however it got into the database. Anything that could make a
browser run code or leave the web is refused: other schemes (``javascript:``, ``data:``, ``vbscript:``,
``file:``), relative and scheme-relative addresses, control, space and invisible characters browsers
silently strip (``java\\tscript:``), characters that could close an attribute, user names before the host
(``https://bank.example@elsewhere.example``) and addresses longer than any real article's.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from tracker.errors import TrackerError

# Longest address kept: browsers and servers commonly stop at about 2,000 characters; an article's is far shorter.
MAX_LENGTH = 2048
SCHEMES = ("http", "https")
_REFUSED_CHARS = set('<>"`\\')
_HOST = re.compile(r"[^\W_](?:[\w-]*[^\W_])?(?:\.[^\W_](?:[\w-]*[^\W_])?)*\.?")
_IPV6 = re.compile(r"[0-9A-Fa-f:.]+")


class UrlError(TrackerError, ValueError):
    """An address the tracker will not store or link to; the message says why in a few words."""


def url_problem(value: object) -> str | None:
    """Why ``value`` is not an absolute http(s) URL the tracker may link to, or None when it is one."""
    if not isinstance(value, str) or not value:
        return "is empty"
    if len(value) > MAX_LENGTH:
        return f"is longer than {MAX_LENGTH} characters"
    for ch in value:
        if ch.isspace() or unicodedata.category(ch)[0] in "CZ":
            return "contains a space, control or invisible character"
        if ch in _REFUSED_CHARS:
            return f"contains {ch!r}"
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018  (raises ValueError on a port that is not a number in range)
    except ValueError:
        return "is not a well-formed URL"
    if parts.scheme.lower() not in SCHEMES:
        return "is not an absolute http(s) URL"
    if "@" in parts.netloc:
        return "has a user name before its host"
    host = parts.hostname or ""
    if not host:
        return "has no host"
    bracketed = parts.netloc.startswith("[")
    if not (_IPV6.fullmatch(host) and ":" in host if bracketed else _HOST.fullmatch(host)):
        return "has a host that is not a domain name or IP address"
    return None


def safe_url(value: object) -> str | None:
    """``value`` with its scheme in lower case when it is a URL the tracker may link to; otherwise None."""
    if url_problem(value) is not None:
        return None
    assert isinstance(value, str)
    scheme = urlsplit(value).scheme
    return scheme.lower() + value[len(scheme) :]


def check_url(value: str, what: str = "url") -> str:
    """The URL, normalised as by ``safe_url``; UrlError naming ``what`` and the problem when it is not one."""
    problem = url_problem(value)
    if problem is not None:
        raise UrlError(f"{what} {shown(value)} {problem} (give an address starting with http:// or https://)")
    return safe_url(value) or ""


def shown(value: str, limit: int = 80) -> str:
    """The value quoted for a one-line message: control characters escaped, long values cut."""
    text = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(text)
