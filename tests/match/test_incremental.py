"""Incremental matching gives what a rebuild gives: the dev corpus (../shared/corpus/dev, which exercises every
comparison rule) ingested one source at a time, in several orders, leaves the same clusters and flags as one
full rebuild (``tracker entities resolve``) of the same database; a flag reviewed along the way keeps its
status and audit trail.

Each file is prepared once (the slow part, the parse) and stored through the real ingest for every order.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from tracker import pipeline
from tracker.config import DEFAULTS, Settings
from tracker.ingest import discover
from tracker.store import open_store, session_scope
from tracker.store.models import Claim, ClaimKey, ClaimLink, Flag, FlagClaim, FlagEntity, FlagReview

DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "dev"

pytestmark = pytest.mark.skipif(
    not (DEV / "gold.json").is_file(),
    reason=f"dev corpus not found at {DEV.resolve()} (shared/ is checked out beside the repository)",
)

MATCH_KINDS = ("corroboration", "conflict", "temporal_change")


@pytest.fixture(scope="module")
def prepared() -> dict[str, pipeline.Prepared]:
    return {file.given: pipeline.prepare_or_error(file) for file in discover([str(DEV)])}


@pytest.fixture
def stored(prepared, monkeypatch: pytest.MonkeyPatch):
    """Ingest files one by one (each its own ingest, each with its corpus stage), from the prepared cache."""
    monkeypatch.setattr(pipeline, "prepare_or_error", lambda file, settings=None: prepared[file.given])

    def ingest(engine: Engine, order: list[str], settings: Settings = DEFAULTS) -> None:
        files = {f.given: f for f in discover([str(DEV)])}
        for given in order:
            report = pipeline.ingest(engine, [files[given]], settings=settings)
            assert not report.failures, report.failures

    return ingest


def state(engine: Engine) -> tuple[dict[int, int | None], set[tuple]]:
    """Each claim's cluster, and every matching flag as (kind, claims, entities, rule, explanation, frames,
    status)."""
    with session_scope(engine) as session:
        clusters = {claim_id: cluster for claim_id, cluster in session.execute(select(Claim.id, Claim.cluster_id))}
        claims: dict[int, list[int]] = {}
        for flag_id, claim_id in session.execute(select(FlagClaim.flag_id, FlagClaim.claim_id)):
            claims.setdefault(flag_id, []).append(claim_id)
        entities: dict[int, list[int]] = {}
        for flag_id, entity_id in session.execute(select(FlagEntity.flag_id, FlagEntity.entity_id)):
            entities.setdefault(flag_id, []).append(entity_id)
        flags = {
            (
                f.kind,
                tuple(sorted(claims.get(f.id, []))),
                tuple(sorted(entities.get(f.id, []))),
                f.rule,
                f.explanation,
                f.frames,
                f.status,
            )
            for f in session.scalars(select(Flag).where(Flag.kind.in_(MATCH_KINDS)))
        }
    return clusters, flags


def rebuilt(engine: Engine, invoke, url: str, *settings: str) -> tuple[dict[int, int | None], set[tuple]]:
    result = invoke(url, *settings, "entities", "resolve")
    assert result.exit_code == 0, result.output
    return state(engine)


def same(incremental: tuple[dict, set], rebuild: tuple[dict, set]) -> None:
    """Equal, or an assertion that names only what differs."""
    clusters = {c: (incremental[0].get(c), rebuild[0].get(c)) for c in incremental[0].keys() | rebuild[0].keys()}
    assert {c: v for c, v in clusters.items() if v[0] != v[1]} == {}
    only = sorted(incremental[1] - rebuild[1]), sorted(rebuild[1] - incremental[1])
    assert only[0] == only[1], "\n".join(
        [f"incremental only: {f[:5]}" for f in only[0]] + [f"rebuild only: {f[:5]}" for f in only[1]]
    )


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[tuple[Engine, str]]:
    url = f"sqlite:///{tmp_path / 'inc.db'}"
    engine = open_store(url)
    yield engine, url
    engine.dispose()


@pytest.fixture
def any_engine(db_url: str) -> Iterator[tuple[Engine, str]]:
    """On SQLite and (when configured) PostgreSQL."""
    engine = open_store(db_url)
    yield engine, db_url
    engine.dispose()


def orders(files: list[str]) -> list[list[str]]:
    shuffled = list(files)
    random.Random(14).shuffle(shuffled)
    return [files, list(reversed(files)), shuffled]


@pytest.mark.parametrize("which", [0, 1, 2], ids=["forward", "backward", "shuffled"])
def test_one_source_at_a_time_matches_as_a_rebuild(which: int, prepared, stored, engine, invoke) -> None:
    engine, url = engine
    order = orders(sorted(prepared))[which]
    stored(engine, order)
    incremental = state(engine)
    clusters, flags = incremental
    assert sum(1 for c in clusters.values() if c is not None) >= 10  # the corpus corroborates
    assert {f[3] for f in flags} & {"post-changed", "count-changed", "stale-report", "there-and-not"}
    same(incremental, rebuilt(engine, invoke, url))


def test_a_batch_matched_against_stored_sources_matches_as_a_rebuild(prepared, monkeypatch, engine, invoke) -> None:
    """Three sources, then the rest in one ingest, as a newsroom adds a day's articles: the batch is matched
    against the stored sources through the stored keys (more usable keys than one statement asks at once, so
    they are asked in parts; that the parts add up is ``tests/store/test_match_repo.py``'s), and leaves what a
    rebuild leaves."""
    from tracker.config import IngestSettings
    from tracker.store import match_repo

    engine, url = engine
    monkeypatch.setattr(pipeline, "prepare_or_error", lambda file, settings=None: prepared[file.given])
    files = {f.given: f for f in discover([str(DEV)])}
    order = orders(sorted(prepared))[2]
    asked: list[int] = []
    shared = match_repo.shared_keys

    def counted(session, ids, keys, *rest):
        keys = set(keys)
        asked.append(len(keys))
        return shared(session, ids, keys, *rest)

    monkeypatch.setattr(match_repo, "shared_keys", counted)
    for batch in (order[:3], order[3:]):  # prepared here (the cache is no worker's to pickle)
        report = pipeline.ingest(engine, [files[g] for g in batch], settings=IngestSettings(workers=1))
        assert not report.failures, report.failures
    assert max(asked) > match_repo.CHUNK  # the batch's keys were asked in parts
    same(state(engine), rebuilt(engine, invoke, url))


@pytest.mark.parametrize("which", [0, 2], ids=["forward", "shuffled"])
def test_blocks_that_grow_past_max_block_propose_what_a_rebuild_proposes(
    which: int, prepared, stored, engine, invoke, tmp_path: Path
) -> None:
    """With small blocks, keys cross ``max_block`` as sources arrive: pairs they proposed are dropped."""
    engine, url = engine
    toml = tmp_path / "small.toml"
    toml.write_text("[match]\nmax_block = 6\n", encoding="utf-8")
    stored(engine, orders(sorted(prepared))[which], Settings.from_file(toml))
    incremental = state(engine)
    assert incremental[1]
    same(incremental, rebuilt(engine, invoke, url, "--settings", str(toml)))
    assert incremental != state_with_defaults(engine, invoke, url)


def state_with_defaults(engine: Engine, invoke, url: str) -> tuple[dict[int, int | None], set[tuple]]:
    return rebuilt(engine, invoke, url)


def test_stored_keys_and_verdicts_are_what_a_rebuild_stores(prepared, stored, engine, invoke) -> None:
    engine, url = engine
    stored(engine, orders(sorted(prepared))[2])
    keys, links = index(engine)
    assert keys and links
    rebuilt(engine, invoke, url)
    assert index(engine) == (keys, links)


def index(engine: Engine) -> tuple[set[tuple], set[tuple]]:
    """The stored keys, and the stored verdicts with every column."""
    with session_scope(engine) as session:
        keys = {tuple(row) for row in session.execute(select(ClaimKey.claim_id, ClaimKey.key))}
        links = {tuple(row) for row in session.execute(select(*ClaimLink.__table__.columns))}
    return keys, links


def test_a_reviewed_flag_keeps_its_status_and_trail_through_later_ingests(prepared, stored, any_engine, invoke) -> None:
    engine, url = any_engine
    order = sorted(prepared)
    half = len(order) // 2
    stored(engine, order[:half])
    with session_scope(engine) as session:
        flag = session.scalars(select(Flag).where(Flag.kind.in_(MATCH_KINDS)).order_by(Flag.id)).first()
        assert flag is not None
        flag_id, kind = flag.id, flag.kind
    result = invoke(url, "flags", "confirm", str(flag_id), "--by", "Ada", "--note", "checked")
    assert result.exit_code == 0, result.output
    stored(engine, order[half:])
    with session_scope(engine) as session:
        kept = session.get(Flag, flag_id)
        assert kept is not None and kept.status == "confirmed" and kept.kind == kind
        assert session.scalar(select(func.count()).select_from(FlagReview).where(FlagReview.flag_id == flag_id)) == 1
    incremental = state(engine)
    same(incremental, rebuilt(engine, invoke, url))


ROLE_ARTICLES = {
    "before.txt": (
        "Kestrel Ledger,https://ledger.example/a,2024-01-10",
        "Karl Odin is the Velmoran Defence Minister. He spoke to reporters in the capital on Tuesday about the "
        "budget for the coming year.",
    ),
    "moved.txt": (
        "Harrow Post,https://post.example/b,2024-03-01",
        "Karl Odin was appointed secretary of the Velmora Security Council. The council met in the capital on "
        "Friday to discuss the budget.",
    ),
    "stale.txt": (
        "Brenmoor Courier,https://courier.example/c,2024-07-15",
        "Karl Odin is the Velmoran Defence Minister. The minister visited a training ground near the northern "
        "border on Monday.",
    ),
}


def test_a_report_of_an_older_holding_makes_a_stored_change_a_stale_report(any_engine, invoke, tmp_path) -> None:
    """Moved, then the old title again: a change. Then an earlier report of that title arrives: the later one
    is stale (the stored verdict read the person's holdings, so it is compared again)."""
    engine, url = any_engine
    folder = tmp_path / "roles"
    folder.mkdir()
    rows = ["path,outlet,url,published"]
    for name, (meta, text) in ROLE_ARTICLES.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
        rows.append(f"{name},{meta}")
    (folder / "sources.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    files = {Path(f.given).name: f for f in discover([str(folder)])}
    for name in ("moved.txt", "stale.txt"):
        pipeline.ingest(engine, [files[name]])
    assert "stale-report" not in {f[3] for f in state(engine)[1]}
    pipeline.ingest(engine, [files["before.txt"]])
    incremental = state(engine)
    assert "stale-report" in {f[3] for f in incremental[1]}
    same(incremental, rebuilt(engine, invoke, url))


def test_corrections_match_again_only_what_they_touch_and_give_a_rebuilds_flags(
    prepared, stored, engine, invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A merge, a split and an alias each re-match only the claims of the entities they touched (never the whole
    corpus), and leave the clusters and flags a full rebuild gives with the same corrections."""
    from tracker.match import run as match_run

    engine, url = engine
    stored(engine, sorted(prepared))
    with session_scope(engine) as session:
        from tracker.store.models import Entity, SourceEntity

        counted = (
            select(Entity.id, func.count(SourceEntity.id))
            .join(SourceEntity, SourceEntity.entity_id == Entity.id)
            .where(Entity.merged_into_id.is_(None), Entity.type == "person")
            .group_by(Entity.id)
            .order_by(func.count(SourceEntity.id).desc(), Entity.id)
        )
        people = [entity_id for entity_id, _n in session.execute(counted)]
    rebuilds: list[object] = []
    real = match_run.match_claims

    def spy(session, settings, new_sources=None, touched_entities=None):
        if new_sources is None and touched_entities is None:
            rebuilds.append(True)
        return real(session, settings, new_sources, touched_entities)

    monkeypatch.setattr(match_run, "match_claims", spy)
    corrections = [
        ("entities", "merge", str(people[0]), str(people[1])),  # two well-known people are one: alarms move
        ("entities", "alias", "add", str(people[2]), "Velmor Quist"),
    ]
    for args in corrections:
        result = invoke(url, *args)
        assert result.exit_code == 0, result.output
        assert not rebuilds, args  # the correction matched incrementally
        incremental = state(engine)
        monkeypatch.setattr(match_run, "match_claims", real)
        same(incremental, rebuilt(engine, invoke, url))
        monkeypatch.setattr(match_run, "match_claims", spy)
    with session_scope(engine) as session:
        form = session.scalars(
            select(SourceEntity.name).where(SourceEntity.entity_id == people[0]).order_by(SourceEntity.id)
        ).first()
    assert form
    result = invoke(url, "entities", "split", str(people[0]), form)
    assert result.exit_code == 0, result.output
    assert not rebuilds
    incremental = state(engine)
    monkeypatch.setattr(match_run, "match_claims", real)
    same(incremental, rebuilt(engine, invoke, url))
