"""tracker.urls: only absolute http(s) addresses with a host are kept or linked to."""

from __future__ import annotations

import pytest

from tracker.errors import TrackerError
from tracker.urls import MAX_LENGTH, UrlError, check_url, safe_url, url_problem

GOOD = [
    "https://ledger.example/talks",
    "http://ledger.example",
    "https://ledger.example:8443/a/b?c=1&d=2#top",
    "https://sub.ledger.example./path",
    "http://192.0.2.7/story",
    "http://[2001:db8::1]/story",
    "https://hafen-blatt.example/straße",
    "https://ledger.example/o'brien",
    "https://ledger.example/a%22b%3Cc",
]

BAD = [
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "JaVaScRiPt:alert(document.domain)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "\x01javascript:alert(1)",
    " javascript:alert(1)",
    " https://ledger.example/",
    "https://ledger.example/ ",
    "javascript&#58;alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript&#x3A;alert(1)",
    "%6Aavascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://ledger.example/file",
    "/relative/path",
    "relative/path",
    "//ledger.example/scheme-relative",
    "https:ledger.example",
    "http:///no-host",
    "https://",
    "https://bank.example@evil.example/",
    "https://ledger.example:99999/",
    "https://-ledger.example/",
    'https://ledger.example/"><svg onload=alert(1)>',
    "https://ledger.example/<script>",
    "https:\\\\evil.example\\",
    "https://ledger.example/\u200bhidden",
    "https://ledger.example/\u202eevil",
    "https://ledger.example/" + "a" * MAX_LENGTH,
    "",
]


@pytest.mark.parametrize("url", GOOD)
def test_absolute_http_urls_are_kept(url: str) -> None:
    assert url_problem(url) is None
    assert safe_url(url) == url
    assert check_url(url) == url


@pytest.mark.parametrize("url", BAD)
def test_everything_else_is_refused(url: str) -> None:
    assert url_problem(url) is not None
    assert safe_url(url) is None
    with pytest.raises(UrlError) as error:
        check_url(url, "--url")
    message = str(error.value)
    assert isinstance(error.value, TrackerError)
    assert message.startswith("--url ") and "\n" not in message and len(message) < 250, message


def test_scheme_case_is_normalised_and_non_strings_are_refused() -> None:
    assert safe_url("HTTPS://Ledger.example/Talks") == "https://Ledger.example/Talks"
    assert safe_url(None) is None and safe_url(42) is None
