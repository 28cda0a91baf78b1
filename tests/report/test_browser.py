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
    from selenium.webdriver.support.ui import Select, WebDriverWait

    db = f"sqlite:///{tmp_path / 'browser.db'}"
    ok(invoke(db, "ingest", str(write_first(tmp_path / "first"))))
    out = tmp_path / "reports"
    ok(invoke(db, "report", "--output", str(out)))
    data = json.loads(ok(invoke(db, "export", "--format", "json", "--output", "-")).stdout)

    chrome.get((out / "index.html").as_uri())
    assert chrome.title.startswith("Index")
    assert len(chrome.find_elements(By.CSS_SELECTOR, "#claims tbody tr")) == len(data["claims"])  # one page here
    chrome.find_element(By.LINK_TEXT, "search").click()
    assert chrome.title.startswith("Search")
    rows = chrome.find_elements(By.CSS_SELECTOR, "#results li")
    assert len(rows) == len(data["claims"]) and chrome.find_element(By.ID, "count").text == str(len(rows))
    outlet = data["sources"][0]["outlet"]
    Select(chrome.find_element(By.NAME, "outlet")).select_by_visible_text(outlet)
    shown = chrome.find_elements(By.CSS_SELECTOR, "#results li")
    assert 0 < len(shown) < len(rows)
    assert chrome.find_element(By.ID, "count").text == str(len(shown))
    word = "shelters"
    chrome.find_element(By.NAME, "q").send_keys(word)
    shown = chrome.find_elements(By.CSS_SELECTOR, "#results li")
    assert shown and all(word in r.find_element(By.TAG_NAME, "a").text for r in shown)
    outlet_of = {s["id"]: s["outlet"] for s in data["sources"]}
    assert len(shown) == sum(1 for c in data["claims"] if word in c["text"] and outlet_of[c["source_id"]] == outlet)

    link = shown[0].find_element(By.TAG_NAME, "a")
    expected = link.text
    link.click()
    WebDriverWait(chrome, 10).until(lambda driver: "/claims/" in driver.current_url)
    assert chrome.current_url.endswith(".html")
    assert chrome.find_element(By.TAG_NAME, "h1").text == expected
    mark = chrome.find_element(By.ID, "quote")
    assert mark.is_displayed() and mark.size["height"] > 0
    claim = next(c for c in data["claims"] if c["text"] == expected)
    assert mark.text == " ".join(claim["quote"].split())
    background = chrome.execute_script("return getComputedStyle(arguments[0]).backgroundColor", mark)
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    chrome.save_screenshot(str(tmp_path / "claim.png"))
    assert (tmp_path / "claim.png").stat().st_size > 10_000


# Script that sets the sentinel (and opens an alert) if it ever runs, in every form a page could carry it.
RUN = "window.__pwned=1;alert(1)"
PAYLOADS = [
    f"<script>{RUN}</script>",
    f'<img src=x onerror="{RUN}">',
    f'"><svg onload="{RUN}">',
    f'\'><iframe src="javascript:{RUN}"></iframe>',
    f"</script><script>{RUN}</script><!--",
    f"javascript:{RUN}",
]
BAD_URLS = [f"javascript:{RUN}", f" JaVaScRiPt:{RUN}", "data:text/html,<script>window.__pwned=1</script>"]


def write_hostile(root: Path) -> Path:
    """The harbour stories (so claims match and flags form) with hostile titles, outlets and text."""
    import csv

    from tests.test_cli_flags import LEDGER, POST

    root.mkdir(parents=True)
    rows = [["path", "outlet", "url", "published", "title"]]
    for i, text in enumerate([LEDGER, POST]):
        lines = text.splitlines()
        # The payloads as text of the article: the outlet line, and a paragraph of their own.
        lines[0] = f"{lines[0]} {PAYLOADS[i]}"
        body = "\n".join(lines) + f"\n\nThe clerk said the note read {' and '.join(PAYLOADS)} and nothing more.\n"
        (root / f"{i}.txt").write_text(body, encoding="utf-8")
        outlet = f"{['Kestrel Ledger', 'Harrow Post', 'Brenmoor Courier'][i]} {PAYLOADS[(i + 1) % len(PAYLOADS)]}"
        rows.append([f"{i}.txt", outlet, f"https://s{i}.example/a", "2024-01-15", PAYLOADS[(i + 2) % 6]])
    with (root / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    (root / "page.html").write_text(  # a page whose own URLs are script; not in sources.csv
        f"<html><head><title>{PAYLOADS[0].replace('<', '&lt;')}</title>"
        f'<link rel="canonical" href="javascript:{RUN}"><meta property="og:url" content="javascript:{RUN}">'
        f'<meta property="og:site_name" content="&lt;img src=x onerror=&quot;{RUN}&quot;&gt;"></head><body><article>'
        f"<h1>Harbour</h1><p>The harbour council of Velmora met on Monday to discuss the costs of the new pier "
        f'and its <a href="javascript:{RUN}">budget</a>, said &lt;script&gt;{RUN}&lt;/script&gt; the clerk.</p>'
        "<p>The council said repairs to the eastern pier would cost forty thousand pounds and take months.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    return root


def test_hostile_sources_render_pages_where_nothing_runs(chrome, invoke, tmp_path: Path) -> None:
    """Open every page and click every distinct link: no script of the corpus runs, no link leaves file:."""
    from selenium.common.exceptions import NoAlertPresentException, UnexpectedAlertPresentException
    from selenium.webdriver.common.by import By
    from sqlalchemy import update

    from tracker.store import open_store, session_scope
    from tracker.store.models import Source

    def pwned() -> bool:
        """An alert is open or the sentinel is set, once the tasks queued so far (a javascript: link's) ran."""
        try:
            chrome.switch_to.alert.dismiss()
            return True
        except NoAlertPresentException:
            pass
        try:
            chrome.execute_async_script("var done = arguments[0]; setTimeout(function () { setTimeout(done, 0); }, 0);")
            return bool(chrome.execute_script("return window.__pwned === 1"))
        except UnexpectedAlertPresentException:
            return True

    control = tmp_path / "control.html"  # the check itself can fail: a page whose markup does run
    control.write_text('<img src=x onerror="window.__pwned=1">', encoding="utf-8")
    chrome.get(control.as_uri())
    assert pwned()

    db = f"sqlite:///{tmp_path / 'hostile.db'}"
    ok(invoke(db, "ingest", str(write_hostile(tmp_path / "hostile"))))
    engine = open_store(db)
    with session_scope(engine) as session:  # addresses an old database may hold: never checked on the way in
        for i, url in enumerate(BAD_URLS):
            session.execute(update(Source).where(Source.url == f"https://s{i}.example/a").values(url=url))
    engine.dispose()
    data = json.loads(ok(invoke(db, "export", "--format", "json", "--output", "-")).stdout)
    flag = next(f for f in data["flags"] if f["kind"] == "conflict")
    ok(invoke(db, "flags", "confirm", flag["id"], "--by", PAYLOADS[1], "--note", PAYLOADS[2]))
    out = tmp_path / "reports"
    ok(invoke(db, "report", "--output", str(out)))

    pages = sorted(out.rglob("*.html"))
    assert len(pages) > 5 and len(pages) <= 80  # a small corpus keeps this quick
    links_of: dict[str, list[str]] = {}  # each page opened, with the links it holds

    def check_page() -> None:
        assert not pwned()
        uri = chrome.current_url
        assert uri.startswith("file:"), uri
        if uri not in links_of:
            links_of[uri] = chrome.execute_script("return Array.from(document.querySelectorAll('a'), a => a.href)")
            # Every source URL of this corpus is script, so every link stays inside the report folder.
            assert all(h.startswith("file:") for h in links_of[uri]), (uri, links_of[uri])

    clicked: set[str] = set()
    for page in pages:
        uri = page.as_uri()
        if uri not in links_of:
            chrome.get(uri)
            check_page()
        for index, href in enumerate(links_of[uri]):
            if href in clicked:
                continue
            clicked.add(href)
            if chrome.current_url != uri:
                chrome.get(uri)
            chrome.find_elements(By.TAG_NAME, "a")[index].click()  # a real click: WebDriver waits for the page
            check_page()  # the page the link led to: opened by the click, checked as it is
    assert {p.as_uri() for p in pages} <= set(links_of)
    assert len(clicked) >= len(pages) - 1  # every page but the one it all starts from is reached by a link
    texts = "".join(p.read_text(encoding="utf-8") for p in pages)
    assert "&lt;script&gt;window.__pwned=1" in texts and "javascript:window.__pwned=1" in texts  # shown as text
