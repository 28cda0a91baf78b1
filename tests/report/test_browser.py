"""The reports in a real browser: Debian's headless Chromium driven by Selenium, pages opened from disk."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_cli_flags import ok, write_first

CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
DRIVERS = ("chromedriver", "chromium-driver")


def _find(names: tuple[str, ...]) -> str | None:
    for name in names:
        found = shutil.which(name) or (f"/usr/bin/{name}" if Path(f"/usr/bin/{name}").exists() else None)
        if found:
            return found
    return None


def _browser() -> tuple[str, str]:
    """Chromium and its driver: found on PATH, or installed from Debian when this is a root Debian box."""
    browser, driver = _find(CHROMIUM), _find(DRIVERS)
    if (browser is None or driver is None) and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(
            ["apt-get", "install", "-y", "-q", "chromium", "chromium-driver"],
            check=False, capture_output=True, timeout=900,
        )  # fmt: skip
        browser, driver = _find(CHROMIUM), _find(DRIVERS)
    if browser is None or driver is None:
        pytest.skip(
            "no Chromium and chromedriver here, and they cannot be installed (apt-get install chromium chromium-driver)"
        )
    return browser, driver


@pytest.fixture(scope="module")
def chrome():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[test]')")
    from selenium.webdriver.chrome.service import Service

    browser, driver = _browser()
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900"):
        options.add_argument(flag)
    session = webdriver.Chrome(service=Service(executable_path=driver), options=options)
    try:
        yield session
    finally:
        session.quit()


def test_index_to_claim_page_shows_the_highlighted_quote(chrome, invoke, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    db = f"sqlite:///{tmp_path / 'browser.db'}"
    ok(invoke(db, "ingest", str(write_first(tmp_path / "first"))))
    out = tmp_path / "reports"
    ok(invoke(db, "report", "--output", str(out)))
    data = json.loads(ok(invoke(db, "export", "--format", "json", "--output", "-")).stdout)

    chrome.get((out / "index.html").as_uri())
    assert chrome.title.startswith("Index")
    rows = chrome.find_elements(By.CSS_SELECTOR, "#claims tbody tr")
    assert len(rows) == len(data["claims"])
    outlet = data["sources"][0]["outlet"]
    Select(chrome.find_element(By.NAME, "outlet")).select_by_visible_text(outlet)
    shown = [r for r in rows if r.is_displayed()]
    assert 0 < len(shown) < len(rows)
    assert chrome.find_element(By.ID, "shown").text == str(len(shown))

    link = shown[0].find_element(By.TAG_NAME, "a")
    expected = link.text
    link.click()
    assert chrome.current_url.endswith(".html") and "/claims/" in chrome.current_url
    assert chrome.find_element(By.TAG_NAME, "h1").text == expected
    mark = chrome.find_element(By.ID, "quote")
    assert mark.is_displayed() and mark.size["height"] > 0
    claim = next(c for c in data["claims"] if c["text"] == expected)
    assert mark.text == " ".join(claim["quote"].split())
    background = chrome.execute_script("return getComputedStyle(arguments[0]).backgroundColor", mark)
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    chrome.save_screenshot(str(tmp_path / "claim.png"))
    assert (tmp_path / "claim.png").stat().st_size > 10_000
