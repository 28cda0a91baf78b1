"""The desk in a real browser: Debian's headless Chromium through Selenium, against `tracker serve`'s app on uvicorn.

Editor A signs in, opens the queue and the conflict (12 or 18 flood shelters on one day), and rules with the
keyboard that the Harrow Post's side is inaccurate; editor B signs in and approves; the published claim page
shows the verdict, and the Kestrel Ledger (the outlet that was right) did not fall. Screenshots are saved in the
test's tmp folder (``desk-*.png``; ``--basetemp`` chooses where). Skipped, with the reason, when Chromium or
chromedriver is missing.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.report.test_browser import chrome  # noqa: F401  (the module's Chromium, as a fixture here too)
from tests.test_cli_flags import SHELTERS_POST
from tests.web.conftest import PASSWORD, ingest_harbour
from tracker import Tracker
from tracker.web import DeskConfig, create_app


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Tracker, Path]]:
    """The desk served by uvicorn on a free local port, in a thread: (base URL, its facade, report folder)."""
    import uvicorn

    url = f"sqlite:///{tmp_path / 'desk.db'}"
    ingest_harbour(url, tmp_path / "articles")
    reports = tmp_path / "reports"
    tracker = Tracker(url)
    app = create_app(tracker, DeskConfig(reports=str(reports)))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}", tracker, reports
    finally:
        server.should_exit = True
        thread.join()
        sock.close()
        tracker.close()


def test_two_editors_rule_and_publish_in_a_browser(chrome, served, tmp_path: Path) -> None:  # noqa: F811
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    base, t, reports = served
    [conflict] = list(t.flags(kind="conflict"))
    post_claim = next(c.id for c in t.flag(conflict.id).claims.values() if c.text == SHELTERS_POST)
    before = {o.name: o for o in t.outlets()}
    shots: list[Path] = []

    def shot(name: str) -> None:
        path = tmp_path / f"desk-{len(shots) + 1}-{name}.png"
        chrome.save_screenshot(str(path))
        assert path.stat().st_size > 10_000
        shots.append(path)

    def seen(css: str):
        """The element, once the page the last action loads shows it (a form's answer arrives after the key)."""
        try:
            return WebDriverWait(chrome, 20).until(lambda driver: driver.find_element(By.CSS_SELECTOR, css))
        except TimeoutException:
            page = chrome.find_element(By.TAG_NAME, "body").text[:300].replace("\n", " ")
            raise AssertionError(f"no {css!r} on {chrome.current_url}: {page}") from None

    def sign_in(name: str) -> None:
        chrome.delete_all_cookies()
        chrome.get(base + "/queue")
        assert "/login" in chrome.current_url  # signed out: sent to sign in
        chrome.find_element(By.NAME, "name").send_keys(name)
        chrome.find_element(By.NAME, "password").send_keys(PASSWORD + Keys.ENTER)
        assert seen(".who").text.startswith(name)

    # 1. Editor A: the queue, the conflict, a ruling made with the keyboard.
    sign_in("Ada Editor")
    assert chrome.current_url.endswith("/queue")
    row = next(r for r in chrome.find_elements(By.CSS_SELECTOR, "table.queue tbody tr") if "conflict" in r.text)
    shot("queue")
    row.find_element(By.LINK_TEXT, f"#{conflict.id}").click()
    seen(".evidence .side")
    marks = chrome.find_elements(By.TAG_NAME, "mark")
    assert len(marks) == 2 and all(m.is_displayed() for m in marks)
    sides = chrome.find_elements(By.CSS_SELECTOR, ".evidence .side")
    assert sides[0].location["y"] == sides[1].location["y"] and sides[0].location["x"] < sides[1].location["x"]
    shot("flag-side-by-side")
    body = chrome.find_element(By.TAG_NAME, "body")
    side = chrome.find_element(By.ID, f"claim-{post_claim}")
    for _ in sides:  # j moves to the next side; stop on the Harrow Post's
        if chrome.switch_to.active_element == side:
            break
        body.send_keys("j")
    assert chrome.switch_to.active_element == side
    chrome.switch_to.active_element.send_keys("i")  # inaccurate; the note field takes the focus
    assert side.find_element(By.CSS_SELECTOR, "input[value=inaccurate]").is_selected()
    chrome.switch_to.active_element.send_keys("The council's own list gives 12 shelters.")
    shot("ruling-typed")
    chrome.switch_to.active_element.send_keys(Keys.CONTROL + Keys.ENTER)
    assert "proposed: claim" in seen(".flash").text
    [proposal] = t.verdicts(status="proposed")
    assert (proposal.claim_id, proposal.rating, proposal.proposed_by) == (post_claim, "inaccurate", "Ada Editor")
    chrome.find_element(By.CSS_SELECTOR, "form.logout button").click()
    # The sign-out's answer clears the session cookie: wait for it, or it may land after the next sign-in page
    # was served and void that page's form token (the sign-in is then refused).
    WebDriverWait(chrome, 20).until(lambda driver: "/login" in driver.current_url)

    # 2. Editor B approves.
    sign_in("Ben Editor")
    chrome.get(base + "/approve")
    article = seen(f"#verdict-{proposal.id}")
    assert "inaccurate" in article.text and "Ada Editor" in article.text and "12 shelters" in article.text
    shot("to-approve")
    article.find_element(By.XPATH, ".//button[text()='Approve']").click()
    assert "published" in seen(".flash").text
    shot("approved")
    assert t.flag(conflict.id).flag.status == "resolved"

    # 3. The published claim page shows the verdict (rewritten after the approval's response was sent).
    page = reports / "claims" / f"{post_claim}.html"
    for _ in range(600):  # a wait for the background rewrite, not a measure of its speed
        if page.is_file() and "inaccurate" in page.read_text(encoding="utf-8").lower():
            break
        time.sleep(0.1)
    chrome.get(f"{base}/published/claims/{post_claim}.html")
    text = chrome.find_element(By.TAG_NAME, "body").text
    assert "inaccurate" in text.lower() and "Ben Editor" in text
    lower = "translate(., 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
    deepest = f"//body//*[contains({lower}, 'inaccurate') and not(./*[contains({lower}, 'inaccurate')])]"
    where = chrome.find_element(By.XPATH, deepest)
    chrome.execute_script("arguments[0].scrollIntoView({block: 'center'})", where)
    shot("published-claim")

    # 4. The outlet that was right did not fall; the one ruled wrong did.
    after = {o.name: o for o in t.outlets()}
    assert after["Kestrel Ledger"].reliability >= before["Kestrel Ledger"].reliability
    assert after["Harrow Post"].reliability < before["Harrow Post"].reliability
    assert len(shots) == 6
