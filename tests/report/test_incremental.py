"""Incremental reports: only the pages whose content changed are written, pages of gone subjects are removed,
the index is paged in its order, and the search page carries every claim."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import sqlite3
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from tests.report.test_reports import MANIFEST, parse
from tests.test_cli_flags import ok, write_first, write_unrelated
from tracker import Tracker
from tracker.store import open_store, report_repo, session_scope
from tracker.store.models import Claim, Flag, FlagClaim, Outlet, Source


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every page: (inode, modification time, bytes); a rewritten page (a new file renamed in) has a new inode."""
    out = {}
    for page in folder.rglob("*.html"):
        stat = page.stat()
        out[page.relative_to(folder).as_posix()] = (stat.st_ino, stat.st_mtime_ns, page.read_bytes())
    return out


def rewritten(before: dict, after: dict) -> set[str]:
    return {p for p in after if p not in before or after[p][:2] != before[p][:2]}


def changed(before: dict, after: dict) -> set[str]:
    return {p for p in after if p not in before or after[p][2] != before[p][2]}


def summary_line(result) -> str:
    return result.stdout.splitlines()[-2]


@pytest.fixture
def first(invoke, db_url: str, tmp_path: Path) -> Path:
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    out = tmp_path / "reports"
    ok(invoke(db_url, "report", "--output", str(out)))
    return out


def test_a_second_report_after_no_change_writes_nothing(invoke, db_url: str, first: Path) -> None:
    before = snapshot(first)
    result = ok(invoke(db_url, "report", "--output", str(first)))
    assert summary_line(result).startswith(f"wrote 0 pages, {len(before)} unchanged, 0 removed")
    assert snapshot(first) == before


def test_one_new_article_rewrites_only_the_pages_it_changes(invoke, db_url: str, tmp_path: Path, first: Path) -> None:
    before = snapshot(first)
    ok(invoke(db_url, "ingest", str(write_unrelated(tmp_path / "more"))))
    result = ok(invoke(db_url, "report", "--output", str(first)))
    after = snapshot(first)
    new_claims = {p for p in after if p.startswith("claims/") and p not in before}
    assert new_claims and "outlets/fenwick-observer.html" in after
    # Exactly the pages whose bytes differ are written: the new claims, the new outlet, the lists that show them.
    assert rewritten(before, after) == changed(before, after)
    assert changed(before, after) == new_claims | {"outlets/fenwick-observer.html", "index.html", "search.html"}
    unchanged = len(before) - 2  # all but the index and the search page
    assert summary_line(result).startswith(f"wrote {len(new_claims) + 3} pages, {unchanged} unchanged, 0 removed")
    # What was left alone is what a full report renders.
    full = tmp_path / "full"
    ok(invoke(db_url, "report", "--output", str(full)))
    assert {p: b for p, (_i, _t, b) in after.items()} == {p: b for p, (_i, _t, b) in snapshot(full).items()}


def test_a_changed_flag_rewrites_its_pages_and_its_claims(invoke, db_url: str, first: Path) -> None:
    flags = json.loads(ok(invoke(db_url, "export", "--format", "json", "--output", "-")).stdout)["flags"]
    flag = next(f for f in flags if f["kind"] == "conflict")
    before = snapshot(first)
    ok(invoke(db_url, "flags", "confirm", str(flag["id"]), "--by", "Ana", "--note", "checked with the council"))
    ok(invoke(db_url, "report", "--output", str(first)))
    after = snapshot(first)
    claims = {f"claims/{c}.html" for c in flag["claim_ids"]}
    assert f"flags/{flag['id']}.html" in rewritten(before, after) and claims <= rewritten(before, after)
    assert rewritten(before, after) == changed(before, after)
    assert not {p for p in rewritten(before, after) if p.startswith("claims/")} - claims
    assert "checked with the council" in (first / f"flags/{flag['id']}.html").read_text(encoding="utf-8")


def test_the_page_of_a_subject_that_is_gone_is_removed(invoke, db_url: str, tmp_path: Path, first: Path) -> None:
    ok(invoke(db_url, "ingest", str(write_unrelated(tmp_path / "more"))))
    ok(invoke(db_url, "report", "--output", str(first)))
    engine = open_store(db_url)
    with session_scope(engine, write=True) as session:
        source_id = session.scalar(select(Source.id).where(Source.url == "https://observer.example/choir"))
        gone = set(session.scalars(select(Claim.id).where(Claim.source_id == source_id)))
        outlet_id = session.scalar(select(Source.outlet_id).where(Source.id == source_id))
        session.execute(delete(Source).where(Source.id == source_id))
        session.execute(delete(Outlet).where(Outlet.id == outlet_id))
    engine.dispose()
    result = ok(invoke(db_url, "report", "--output", str(first)))
    assert gone and not any((first / f"claims/{c}.html").exists() for c in gone)
    assert not (first / "outlets/fenwick-observer.html").exists()
    assert f"{len(gone) + 1} removed" in summary_line(result)
    with contextlib.closing(sqlite3.connect(first / MANIFEST)) as db:
        listed = {p for (p,) in db.execute("SELECT path FROM pages")}
    assert listed == {p.relative_to(first).as_posix() for p in first.rglob("*.html")}


def test_all_and_a_template_change_render_every_page(invoke, db_url: str, first: Path) -> None:
    before = snapshot(first)
    ok(invoke(db_url, "report", "--output", str(first), "--all"))
    after = snapshot(first)
    assert rewritten(before, after) == set(before) and changed(before, after) == set()
    with contextlib.closing(sqlite3.connect(first / MANIFEST)) as db, db:
        db.execute("UPDATE meta SET value = 'an older tracker' WHERE name = 'version'")
    result = ok(invoke(db_url, "report", "--output", str(first)))
    assert rewritten(after, snapshot(first)) == set(before)
    assert summary_line(result).startswith(f"wrote {len(before)} pages, 0 unchanged")


def test_a_page_deleted_by_hand_is_written_again(invoke, db_url: str, first: Path) -> None:
    page = sorted(p for p in snapshot(first) if p.startswith("claims/"))[0]
    text = (first / page).read_bytes()
    (first / page).unlink()
    result = ok(invoke(db_url, "report", "--output", str(first)))
    assert summary_line(result).startswith("wrote 1 pages") and (first / page).read_bytes() == text


def test_an_unreadable_manifest_is_refused_and_nothing_is_touched(invoke, db_url: str, first: Path) -> None:
    (first / MANIFEST).write_bytes(b"not a manifest at all" * 100)
    before = snapshot(first)
    result = invoke(db_url, "report", "--output", str(first))
    assert result.exit_code == 2 and "cannot be read" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert snapshot(first) == before


def test_an_earlier_trackers_report_folder_is_taken_over(invoke, db_url: str, first: Path) -> None:
    """A folder an earlier tracker wrote (its JSON list of pages) is rendered anew, its stale pages removed."""
    pages = sorted(snapshot(first))
    (first / MANIFEST).unlink()
    (first / "claims/999999.html").write_text("an old page", encoding="utf-8")
    old = {"written_by": "tracker report", "version": 1, "files": [*pages, "claims/999999.html"]}
    (first / ".tracker-report-manifest.json").write_text(json.dumps(old), encoding="utf-8")
    result = ok(invoke(db_url, "report", "--output", str(first)))
    assert summary_line(result).startswith(f"wrote {len(pages)} pages, 0 unchanged, 1 removed")
    assert not (first / "claims/999999.html").exists() and not (first / ".tracker-report-manifest.json").exists()


def test_pages_carry_no_local_paths(first: Path, tmp_path: Path) -> None:
    for page in first.rglob("*.html"):
        assert str(tmp_path) not in page.read_text(encoding="utf-8"), page


def test_only_the_sources_of_rendered_claim_pages_have_their_text_read(
    db_url: str, tmp_path: Path, first: Path, monkeypatch, invoke
) -> None:
    ok(invoke(db_url, "ingest", str(write_unrelated(tmp_path / "more"))))
    read: list[set[int]] = []
    real = report_repo.source_texts

    def spy(session, source_ids):
        read.append(set(source_ids))
        return real(session, source_ids)

    monkeypatch.setattr(report_repo, "source_texts", spy)
    tracker = Tracker(db_url)
    tracker.report(first)
    engine = open_store(db_url)
    with session_scope(engine) as session:
        new = session.scalar(select(Source.id).where(Source.url == "https://observer.example/choir"))
    engine.dispose()
    assert set().union(*read) == {new}
    read.clear()
    tracker.report(first)
    assert set().union(*read) == set()


# -- the paged index --------------------------------------------------------------------------------------------


class Rows(HTMLParser):
    """The claim (or flag) ids a list page shows, in order, and its previous and next links."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[int] = []
        self.links: dict[str, set[str]] = {"prev": set(), "next": set()}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "tr" and attrs.get("id", "").startswith(("claim-", "flag-")):
            self.ids.append(int(attrs["id"].split("-")[1]))
        if tag == "a" and attrs.get("rel") in self.links:
            self.links[attrs["rel"]].add(attrs["href"])


def walk(folder: Path, first: str) -> tuple[list[int], list[str]]:
    """Follow the next links from ``first``: every id in order and the pages visited; checks previous links."""
    ids, visited, page = [], [], first
    while page:
        rows = Rows()
        rows.feed((folder / page).read_text(encoding="utf-8"))
        assert rows.links["prev"] == ({visited[-1]} if visited else set()), page
        visited.append(page)
        ids += rows.ids
        [page] = rows.links["next"] or {""}
    return ids, visited


def test_the_index_is_paged_open_conflicts_first_then_open_changes(invoke, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'paged.db'}"
    settings = tmp_path / "settings.toml"
    settings.write_text("[report]\npage_size = 4\n", encoding="utf-8")
    ok(invoke(db, "--settings", str(settings), "ingest", str(write_first(tmp_path / "first"))))
    out = tmp_path / "reports"
    ok(invoke(db, "--settings", str(settings), "report", "--output", str(out)))
    engine = open_store(db)
    with session_scope(engine) as session:
        every = list(session.scalars(select(Claim.id).order_by(Claim.id)))

        def open_of(kind: str) -> set[int]:
            query = select(FlagClaim.claim_id).join(Flag).where(Flag.kind == kind, Flag.status == "open")
            return set(session.scalars(query))

        conflicts, changes = open_of("conflict"), open_of("temporal_change")
        flags = list(session.scalars(select(Flag.id).order_by(Flag.id)))
    engine.dispose()
    assert conflicts and changes - conflicts
    ids, pages = walk(out, "index.html")
    expected = sorted(conflicts) + sorted(changes - conflicts) + [c for c in every if c not in conflicts | changes]
    assert ids == expected and len(pages) == -(-len(every) // 4)
    assert pages == ["index.html"] + [f"index-{n}.html" for n in range(2, len(pages) + 1)]
    titles = [parse(out / p).tags for p in pages]
    assert all(any(tag == "table" for tag, _ in t) for t in titles)
    flag_ids, _flag_pages = walk(out, "flag-list.html")
    assert sorted(flag_ids) == flags
    # Claims that join the end of the list change the last page and the first (its totals), not those between.
    before = snapshot(out)
    ok(invoke(db, "--settings", str(settings), "ingest", str(write_unrelated(tmp_path / "more"))))
    ok(invoke(db, "--settings", str(settings), "report", "--output", str(out)))
    ids, longer = walk(out, "index.html")
    assert ids[: len(expected)] == expected and len(ids) > len(expected)
    lists = {p for p in rewritten(before, snapshot(out)) if p.startswith("index")}
    assert lists == {"index.html", pages[-1], *longer[len(pages) :]} and len(pages) > 3
    expected = ids
    # Fewer claims: the pages past the end are removed.
    settings.write_text("[report]\npage_size = 100\n", encoding="utf-8")
    ok(invoke(db, "--settings", str(settings), "report", "--output", str(out)))
    assert walk(out, "index.html") == (expected, ["index.html"])
    assert not (out / "index-2.html").exists()


def test_the_search_page_holds_every_claim_and_its_script_is_allowed(invoke, db_url: str, first: Path) -> None:
    data = json.loads(ok(invoke(db_url, "export", "--format", "json", "--output", "-")).stdout)
    page = parse(first / "search.html")
    [block] = [s for s in page.scripts if s.lstrip().startswith('{"outlets"')]
    table = json.loads(block)
    assert sorted(str(row[0]) for row in table["claims"]) == sorted(c["id"] for c in data["claims"])
    texts = {c["id"]: c["text"] for c in data["claims"]}
    assert all(texts[str(row[0])] == row[1] for row in table["claims"])
    assert {table["outlets"][row[2]] for row in table["claims"]} == {s["outlet"] for s in data["sources"]}
    [code] = page.code
    digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii")
    [policy] = [a["content"] for tag, a in page.tags if tag == "meta" and a.get("http-equiv")]
    assert f"'sha256-{digest}'" in policy
