"""`tracker flags` and the matching stage end to end: real CLI, real databases (SQLite, and PostgreSQL when set).

Invented outlets report on an invented harbour town, Velmora: who heads its Harbour Office (Ilse Drummond in
January, Tomas Brandt by June), the flood shelters it has opened (12, later 30) and the day of its fishing
talks with Korvast. That gives a corroboration, a conflict (12 or 18 shelters on one day) and changes over time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import Result
from sqlalchemy import select, update

from tests.articles import write_folder
from tracker.match.compare import RULES
from tracker.store import open_store, session_scope
from tracker.store.flag_repo import FlagDraft, list_flags, sync_flags
from tracker.store.models import Flag


def article(outlet: str, *paragraphs: str) -> str:
    return "\n\n".join([outlet, *paragraphs]) + "\n"


LEDGER = article(
    "Kestrel Ledger",
    "Harbour office prepares for fishing talks with Korvast",
    "Velmora Harbour Office chief Ilse Drummond said on Monday that the town was ready to reopen the northern "
    "fishing grounds.",
    "Negotiators from Velmora and Korvast held fishing talks in Lindby on 10 January.",
    "The town council has opened 12 flood shelters for families who lost their homes in the December storm.",
    "Drummond said that the harbour would remain closed to large cargo ships until the breakwater was repaired.",
)

POST = article(
    "Harrow Post",
    "Fishing dispute between Velmora and Korvast drags on",
    "The town council has opened 18 flood shelters for families who lost their homes in the December storm.",
    "Ilse Drummond, the head of the Velmora Harbour Office, said that both sides wanted a deal before the "
    "spring season.",
    "Local fishermen said that they had not been able to sail for almost six weeks because of the dispute.",
    "The council said that it would publish a new plan for the harbour at the end of the month.",
)

COURIER = article(
    "Brenmoor Courier",
    "New harbour chief promises faster repairs in Velmora",
    "Tomas Brandt, the head of the Velmora Harbour Office, said on Tuesday that the breakwater would be repaired "
    "by the autumn.",
    "The town council has opened 30 flood shelters for families who lost their homes in the December storm.",
    "Brandt said that the northern fishing grounds had reopened after the agreement with Korvast in the spring.",
    "Shipping companies said that cargo traffic through the harbour was slowly returning to its usual level.",
)

OBSERVER = article(
    "Fenwick Observer",
    "Quillby school choir wins regional contest",
    "The choir of the Quillby primary school won the regional singing contest in Marrow on Saturday afternoon.",
    "Music teacher Rosa Calloway said that the children had rehearsed every evening for two months before the contest.",
    "The school will use the prize money to buy new instruments for its music room next year.",
)

# Claims as the extractor writes them (checked against the real pipeline).
DRUMMOND_LEDGER = "Ilse Drummond is Velmora Harbour Office chief."
DRUMMOND_POST = "Ilse Drummond is head of the Velmora Harbour Office."
BRANDT_COURIER = "Tomas Brandt is head of the Velmora Harbour Office."
SHELTERS_LEDGER = (
    "The town council has opened 12 flood shelters for families who lost their homes in the December storm."
)
SHELTERS_POST = "The town council has opened 18 flood shelters for families who lost their homes in the December storm."
SHELTERS_COURIER = (
    "The town council has opened 30 flood shelters for families who lost their homes in the December storm."
)

EXPECTED = {
    ("corroboration", frozenset({DRUMMOND_LEDGER, DRUMMOND_POST})),
    ("conflict", frozenset({SHELTERS_LEDGER, SHELTERS_POST})),
    ("temporal_change", frozenset({DRUMMOND_LEDGER, BRANDT_COURIER})),
    ("temporal_change", frozenset({DRUMMOND_POST, BRANDT_COURIER})),
    ("temporal_change", frozenset({SHELTERS_LEDGER, SHELTERS_COURIER})),
    ("temporal_change", frozenset({SHELTERS_POST, SHELTERS_COURIER})),
}
SUMMARY = "flags: 1 corroboration, 1 conflict, 4 temporal_change, 0 spelling_variant"


def write_first(root: Path) -> Path:
    return write_folder(
        root,
        [
            ("1-ledger.txt", LEDGER, "Kestrel Ledger", "https://ledger.example/talks", "2024-01-15",
             "Harbour office prepares"),
            ("2-post.txt", POST, "Harrow Post", "https://post.example/dispute", "2024-01-15",
             "Fishing dispute drags on"),
            ("3-courier.txt", COURIER, "Brenmoor Courier", "https://courier.example/chief", "2024-06-20",
             "New harbour chief"),
        ],
    )  # fmt: skip


def write_unrelated(root: Path) -> Path:
    return write_folder(
        root,
        [("4-observer.txt", OBSERVER, "Fenwick Observer", "https://observer.example/choir", "2024-06-25",
          "Quillby choir wins")],
    )  # fmt: skip


# -- helpers -----------------------------------------------------------------------------------------------


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    return result


def export(invoke, db: str) -> dict:
    return json.loads(ok(invoke(db, "export", "--format", "json", "--output", "-")).stdout)


def claim_ids(data: dict) -> dict[str, str]:
    """Claim text -> id, for the texts this module names (each must be unique)."""
    found: dict[str, list[str]] = {}
    for c in data["claims"]:
        found.setdefault(c["text"], []).append(c["id"])
    return {text: ids[0] for text, ids in found.items() if len(ids) == 1}


def flag_shapes(data: dict) -> set[tuple[str, frozenset[str]]]:
    text = {c["id"]: c["text"] for c in data["claims"]}
    return {(f["kind"], frozenset(text[c] for c in f["claim_ids"])) for f in data["flags"]}


def flag_id(data: dict, kind: str, *texts: str) -> str:
    ids = claim_ids(data)
    wanted = {ids[t] for t in texts}
    found = [f["id"] for f in data["flags"] if f["kind"] == kind and set(f["claim_ids"]) == wanted]
    assert len(found) == 1, (kind, texts, data["flags"])
    return found[0]


def table(result: Result) -> list[dict[str, str]]:
    lines = ok(result).stdout.splitlines()
    header = re.split(r"\s{2,}", lines[0].strip())
    assert header == ["id", "kind", "status", "claims", "explanation"]
    rows = []
    for line in lines[1:]:
        cells = re.split(r"\s{2,}", line.strip(), maxsplit=4)
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def set_status(db: str, flag: str, status: str) -> None:
    engine = open_store(db)
    try:
        with session_scope(engine) as session:
            session.execute(update(Flag).where(Flag.id == int(flag)).values(status=status))
    finally:
        engine.dispose()


@pytest.fixture
def first(invoke, db_url: str, tmp_path: Path) -> dict:
    """The three harbour reports ingested; returns the export."""
    result = ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    assert "sources: 3 stored" in result.stdout
    assert SUMMARY in result.stdout.splitlines()
    return export(invoke, db_url)


# -- the matching stage through ingest -----------------------------------------------------------------------


def test_ingest_flags_corroboration_conflict_and_changes(first: dict) -> None:
    assert flag_shapes(first) == EXPECTED
    assert all(f["status"] == "open" and f["explanation"] for f in first["flags"])
    outlets = {s["id"]: s["outlet"] for s in first["sources"]}
    by_id = {c["id"]: c for c in first["claims"]}
    for flag in first["flags"]:
        if flag["kind"] == "conflict":  # names both outlets
            for c in flag["claim_ids"]:
                assert outlets[by_id[c]["source_id"]] in flag["explanation"], flag
    changed = flag_id(first, "temporal_change", DRUMMOND_LEDGER, BRANDT_COURIER)
    explanation = next(f["explanation"] for f in first["flags"] if f["id"] == changed)
    for part in ("Ilse Drummond", "Tomas Brandt", "Kestrel Ledger", "Brenmoor Courier", "2024-01-15", "2024-06-20"):
        assert part in explanation, explanation
    # Each flag names its rule and carries the frames it compared, their words as written.
    assert all(set(f["rule"].split("+")) <= set(RULES) and f["frames"] for f in first["flags"]), first["flags"]
    conflict = next(f for f in first["flags"] if f["kind"] == "conflict")
    assert conflict["rule"] == "count-conflict"
    assert sorted(frame["quantity"]["words"] for frame in conflict["frames"]) == ["12", "18"]
    change = next(f for f in first["flags"] if f["id"] == changed)
    assert change["rule"] == "post-changed-hands"
    assert [frame["role"]["holder"] for frame in change["frames"]] == ["Ilse Drummond", "Tomas Brandt"]


def test_export_gives_clusters_to_corroborated_claims_only(first: dict) -> None:
    ids = claim_ids(first)
    cluster = str(min(int(ids[DRUMMOND_LEDGER]), int(ids[DRUMMOND_POST])))
    clustered = {c["id"]: c["cluster_id"] for c in first["claims"] if c["cluster_id"] is not None}
    assert clustered == {ids[DRUMMOND_LEDGER]: cluster, ids[DRUMMOND_POST]: cluster}
    assert "cluster_id" in first["claims"][0]
    corroboration = next(f for f in first["flags"] if f["kind"] == "corroboration")
    assert sorted(corroboration["claim_ids"], key=int) == sorted(clustered, key=int)
    assert set(first["flags"][0]) >= {"id", "kind", "claim_ids", "entity_ids", "status", "explanation"}


def test_run_prints_the_flag_summary(invoke, db_url: str, tmp_path: Path) -> None:
    result = ok(invoke(db_url, "run", str(write_first(tmp_path / "first"))))
    assert SUMMARY in result.stdout.splitlines()


# -- tracker flags ---------------------------------------------------------------------------------------


def test_flags_lists_every_flag(invoke, db_url: str, first: dict) -> None:
    rows = table(invoke(db_url, "flags"))
    assert [r["id"] for r in rows] == sorted((f["id"] for f in first["flags"]), key=int)
    by_id = {f["id"]: f for f in first["flags"]}
    for row in rows:
        flag = by_id[row["id"]]
        assert (row["kind"], row["status"]) == (flag["kind"], "open")
        assert row["claims"] == ",".join(sorted(flag["claim_ids"], key=int))
        assert flag["explanation"].startswith(row["explanation"].rstrip("…"))
        assert len(row["explanation"]) <= 110


def test_flags_filters_by_kind_status_and_outlet(invoke, db_url: str, first: dict) -> None:
    def listed(*args: str) -> set[str]:
        return {r["id"] for r in table(invoke(db_url, "flags", *args))}

    flags = first["flags"]
    of_kind = {k: {f["id"] for f in flags if f["kind"] == k} for k in ("corroboration", "conflict", "temporal_change")}
    assert len(of_kind["conflict"]) == 1 and len(of_kind["temporal_change"]) == 4
    for kind, ids in of_kind.items():
        assert listed("--kind", kind) == ids
    assert ok(invoke(db_url, "flags", "--kind", "spelling_variant")).stdout == "no flags match\n"
    assert listed("--status", "open") == {f["id"] for f in flags}
    assert ok(invoke(db_url, "flags", "--status", "dismissed")).stdout == "no flags match\n"
    assert listed("--kind", "conflict", "--status", "open") == of_kind["conflict"]

    # Outlets: the Harrow Post is in the corroboration, the conflict and two changes; case does not matter.
    changes = {
        flag_id(first, "temporal_change", DRUMMOND_POST, BRANDT_COURIER),
        flag_id(first, "temporal_change", SHELTERS_POST, SHELTERS_COURIER),
    }
    post = {
        flag_id(first, "corroboration", DRUMMOND_LEDGER, DRUMMOND_POST),
        flag_id(first, "conflict", SHELTERS_LEDGER, SHELTERS_POST),
        *changes,
    }
    assert listed("--outlet", "Harrow Post") == post
    assert listed("--outlet", "hArRoW pOsT") == post
    assert listed("--outlet", "Brenmoor Courier") == of_kind["temporal_change"]
    assert listed("--outlet", "Harrow Post", "--kind", "temporal_change") == changes
    assert ok(invoke(db_url, "flags", "--outlet", "Fenwick Observer")).stdout == "no flags match\n"
    assert invoke(db_url, "flags", "--kind", "rumour").exit_code == 2


def test_flags_show_gives_explanation_and_each_claim_with_outlet_date_and_quote(
    invoke, db_url: str, first: dict
) -> None:
    conflict = flag_id(first, "conflict", SHELTERS_LEDGER, SHELTERS_POST)
    explanation = next(f["explanation"] for f in first["flags"] if f["id"] == conflict)
    out = ok(invoke(db_url, "flags", "show", conflict)).stdout
    lines = out.splitlines()
    assert lines[0] == f"[{conflict}] conflict · open · version 1"
    assert lines[1] == f"  {explanation}"
    ids = claim_ids(first)
    for text, outlet, published in (
        (SHELTERS_LEDGER, "Kestrel Ledger", "2024-01-15"),
        (SHELTERS_POST, "Harrow Post", "2024-01-15"),
    ):
        assert f"  claim {ids[text]} · {outlet} · {published} · cluster -" in lines
        assert f"    {text}" in lines
        assert any(line.startswith("    quote [") and line.endswith(text) for line in lines), out
    corroboration = flag_id(first, "corroboration", DRUMMOND_LEDGER, DRUMMOND_POST)
    shown = ok(invoke(db_url, "flags", "show", corroboration)).stdout
    cluster = min(int(ids[DRUMMOND_LEDGER]), int(ids[DRUMMOND_POST]))
    assert f"  claim {ids[DRUMMOND_POST]} · Harrow Post · 2024-01-15 · cluster {cluster}" in shown
    assert "quote [" in shown and "Ilse Drummond, the head of the Velmora Harbour Office" in shown


def test_flags_show_of_a_missing_flag_is_a_one_line_error(invoke, db_url: str, first: dict) -> None:
    missing = str(max(int(f["id"]) for f in first["flags"]) + 100)
    result = invoke(db_url, "flags", "show", missing)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [f"tracker: error: no flag {missing}"]


def test_flags_on_an_empty_database(invoke, db_url: str) -> None:
    assert ok(invoke(db_url, "flags")).stdout == "no flags match\n"


# -- re-runs keep flags and their review -------------------------------------------------------------------


def test_an_unrelated_article_keeps_every_flag_and_its_review(invoke, db_url: str, first: dict, tmp_path: Path) -> None:
    conflict = flag_id(first, "conflict", SHELTERS_LEDGER, SHELTERS_POST)
    set_status(db_url, conflict, "dismissed")
    before = {f["id"]: f for f in export(invoke, db_url)["flags"]}

    result = ok(invoke(db_url, "ingest", str(write_unrelated(tmp_path / "later"))))
    assert "sources: 1 stored" in result.stdout
    assert SUMMARY in result.stdout.splitlines()

    after = export(invoke, db_url)
    assert {f["id"]: f for f in after["flags"]} == before  # same ids, claims, explanations and statuses
    assert flag_shapes(after) == EXPECTED
    assert before[conflict]["status"] == "dismissed"
    assert {r["id"] for r in table(invoke(db_url, "flags", "--status", "dismissed"))} == {conflict}
    assert conflict not in {r["id"] for r in table(invoke(db_url, "flags", "--status", "open"))}
    assert f"[{conflict}] conflict · dismissed · version 1" in ok(invoke(db_url, "flags", "show", conflict)).stdout
    # Re-ingesting the same folder changes nothing either.
    again = ok(invoke(db_url, "ingest", str(tmp_path / "first")))
    assert "sources: 0 stored, 3 unchanged" in again.stdout
    assert {f["id"]: f for f in export(invoke, db_url)["flags"]} == before


def test_sync_flags_keeps_found_flags_drops_open_lost_ones_and_keeps_reviewed_ones(db_url: str, first: dict) -> None:
    kinds = {"corroboration", "conflict", "temporal_change"}
    engine = open_store(db_url)
    try:
        with session_scope(engine) as session:
            stored = {f.key: f for f in session.scalars(select(Flag).where(Flag.kind.in_(kinds)))}
            assert len(stored) == 6
            keys = sorted(stored)
            kept, reviewed, lost = keys[0], keys[1], keys[2:]
            stored[reviewed].status = "confirmed"
            ids = {key: flag.id for key, flag in stored.items()}
            claims_of = {f.id: f.claim_ids for f in list_flags(session)}
        # Found again: the first flag only, with a new explanation.
        draft = FlagDraft(stored[kept].kind, kept, "reworded explanation", claims_of[ids[kept]], ())
        with session_scope(engine) as session:
            sync_flags(session, kinds, {kept: draft})
        with session_scope(engine) as session:
            now = {f.id: f for f in list_flags(session) if f.kind in kinds}
        assert set(now) == {ids[kept], ids[reviewed]}
        assert now[ids[kept]].explanation == "reworded explanation"
        assert now[ids[kept]].version == 2 and now[ids[kept]].status == "open"
        assert now[ids[kept]].claim_ids == claims_of[ids[kept]]
        assert now[ids[reviewed]].status == "confirmed"
        assert all(ids[key] not in now for key in lost)
    finally:
        engine.dispose()


def test_matching_loads_every_claims_frames_in_a_few_queries(db_url: str, first: dict) -> None:
    from sqlalchemy import event

    from tracker.match.compare import COUNT_WINDOW
    from tracker.match.run import load_claim_facts

    engine = open_store(db_url)
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    try:
        with session_scope(engine) as session:
            facts = {c.text: c for c in load_claim_facts(session)}
    finally:
        engine.dispose()
    queries = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    # one per frame table and one for the places of their sources' leads (the story's setting), none per claim
    assert len(facts) == len(first["claims"]) and len(queries) == 9
    role = facts[BRANDT_COURIER].role
    assert role is not None and (role.holder, role.title) == ("Tomas Brandt", "head of the Velmora Harbour Office")
    (shelters,) = facts[SHELTERS_POST].quantities
    assert (shelters.value, shelters.noun) == (18, "shelter")
    post = facts[SHELTERS_POST]
    assert post.written(shelters.span.start, shelters.span.end) == "18"
    # Only a window round the counts is read, never the whole text; a claim without counts reads none.
    assert post.text_at == shelters.span.start > 0
    assert len(post.source_text) <= shelters.span.end - shelters.span.start + COUNT_WINDOW
    assert facts[BRANDT_COURIER].source_text == ""
