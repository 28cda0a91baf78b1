"""How many rulings it takes to clear every open conflict, counted from the desk (HTTP, in-process).

    python bench/desk_rulings.py ../shared/corpus/dev [--json] [--db URL]

Ingests the corpus into a fresh SQLite database (or uses --db, already ingested), registers two editors, and
drives the desk as they would, through its pages and forms only: read the queue of open conflicts, open each
flag's page to see which claims it joins, and rule, one claim at a time, on the claim that most open conflicts
share (editor A proposes it inaccurate, editor B approves it on the approval list), until the queue holds no
open conflict. A published ruling that one side is wrong resolves every conflict that claim is in, so one
ruling can clear several. Prints the number of open conflicts, the rulings it took, and the HTTP requests made.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from starlette.testclient import TestClient

from tracker import Tracker
from tracker.web import create_app

PASSWORD = "bench password, not secret"
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')
_FLAG_LINK = re.compile(r'<a href="/flags/(\d+)">#')
_CLAIM = re.compile(r'name="claim_id" value="(\d+)"')
_VERSION = re.compile(r'name="version" value="(\d+)"')
_APPROVE = re.compile(r'action="/verdicts/(\d+)/approve"[^>]*>\s*<input[^>]*>\s*<input[^>]*value="(\d+)"')
_OLDER = re.compile(r'<a href="/queue\?([^"]+)" rel="next">')


class Editor:
    def __init__(self, client: TestClient, name: str) -> None:
        self.client = client
        self.requests = 0
        page = self.get("/login")
        self.post("/login", page, {"name": name, "password": PASSWORD}, expect="/queue")

    def get(self, path: str) -> str:
        self.requests += 1
        response = self.client.get(path, follow_redirects=False)
        if response.status_code != 200:
            raise SystemExit(f"GET {path}: {response.status_code}")
        return response.text

    def post(self, path: str, page: str, data: dict[str, str], expect: str | None = None) -> str:
        """Submit a form of ``page`` (its CSRF token); the page the desk redirects to is read back."""
        found = _CSRF.search(page)
        assert found, f"no form token on the page before {path}"
        self.requests += 1
        response = self.client.post(path, data={**data, "csrf": found.group(1)}, follow_redirects=False)
        if response.status_code != 303:
            message = re.search(r'<p class="error" role="alert">(.*?)</p>', response.text)
            raise SystemExit(f"POST {path}: {response.status_code} {message.group(1) if message else ''}")
        if expect is not None and response.headers["location"] != expect:
            raise SystemExit(f"POST {path}: went to {response.headers['location']}, not {expect}")
        return response.headers["location"]

    def open_flags(self, kind: str = "conflict") -> list[int]:
        ids, query = [], f"kind={kind}"
        while True:
            page = self.get(f"/queue?{query}")
            ids += [int(i) for i in _FLAG_LINK.findall(page)]
            older = _OLDER.search(page)
            if older is None:
                return ids
            query = older.group(1).replace("&amp;", "&")


def count(db: str) -> dict[str, object]:
    with Tracker(db) as t:
        for name in ("Bench Editor A", "Bench Editor B"):
            if t.user(name) is None:
                t.add_user(name, "editor", PASSWORD)
        app = create_app(t)
        with TestClient(app) as client_a, TestClient(app) as client_b:
            a, b = Editor(client_a, "Bench Editor A"), Editor(client_b, "Bench Editor B")
            first = a.open_flags()
            rulings: list[dict[str, object]] = []
            while open_ := a.open_flags():
                pages = {flag_id: a.get(f"/flags/{flag_id}") for flag_id in open_}
                claims_of = {flag_id: [int(c) for c in _CLAIM.findall(page)] for flag_id, page in pages.items()}
                shared = Counter(c for claims in claims_of.values() for c in set(claims))
                if not shared:
                    raise SystemExit(f"open conflicts {open_} offer no claim to rule on")
                claim, _in_conflicts = min(shared.items(), key=lambda kv: (-kv[1], kv[0]))
                flag_id = next(f for f, claims in claims_of.items() if claim in claims)
                page = pages[flag_id]
                version = _VERSION.search(page)
                assert version is not None
                a.post(
                    f"/flags/{flag_id}/rule",
                    page,
                    {"claim_id": str(claim), "rating": "inaccurate", "version": version.group(1), "note": "bench"},
                )
                approvals = b.get("/approve")
                form = _APPROVE.search(approvals)
                assert form, "the proposal is not on the approval list"
                b.post(f"/verdicts/{form.group(1)}/approve", approvals, {"version": form.group(2)})
                after = set(a.open_flags())
                rulings.append({"claim": claim, "flag": flag_id, "cleared": sorted(set(open_) - after)})
                if not set(open_) - after:
                    raise SystemExit(f"a published ruling on claim {claim} cleared no conflict")
            # Changes over time are cleared by confirming their order: one bulk confirmation from the queue.
            changes = a.open_flags("temporal_change")
            if changes:
                queue = a.get("/queue?kind=temporal_change")
                a.post("/queue/bulk", queue, {"action": "confirm", "flag": changes, "note": "bench"})  # type: ignore[dict-item]
            left = a.open_flags("temporal_change")
        return {
            "open_changes": len(changes),
            "changes_left_after_one_bulk_confirm": len(left),
            "open_conflicts": len(first),
            "rulings": len(rulings),
            "http_requests": a.requests + b.requests,
            "conflicts_per_ruling": [len(r["cleared"]) for r in rulings],  # type: ignore[arg-type]
            "detail": rulings,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", help="folder of articles to ingest into a fresh database")
    parser.add_argument("--db", help="an ingested database to use instead (it is changed: rulings are published)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if (args.corpus is None) == (args.db is None):
        parser.error("give a corpus folder or --db, not both")
    with tempfile.TemporaryDirectory(prefix="desk-rulings-") as work:
        db = args.db or f"sqlite:///{Path(work) / 'desk.db'}"
        if args.corpus is not None:
            with Tracker(db) as t:
                t.ingest([args.corpus])
        figures = count(db)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(
            f"open conflicts: {figures['open_conflicts']}; rulings to clear them: {figures['rulings']} "
            f"(each proposed by one editor and approved by another; conflicts cleared per ruling: "
            f"{figures['conflicts_per_ruling']}); open changes over time: {figures['open_changes']}, "
            f"{figures['changes_left_after_one_bulk_confirm']} left after one bulk confirmation; "
            f"HTTP requests: {figures['http_requests']}"
        )


if __name__ == "__main__":
    main()
