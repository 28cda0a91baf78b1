"""The scale benchmark's fast path: synthetic articles stored as a real ingest stores them, and its runner."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from tests.bench.conftest import BENCH
from tests.conftest import PG_ENV, PG_SKIP_REASON
from tracker import pipeline
from tracker.ingest import discover
from tracker.store import open_store
from tracker.store.models import (
    Claim,
    ClaimEntity,
    ClaimQuantity,
    ClaimRole,
    ClaimTime,
    Entity,
    Mention,
    Passage,
    Source,
    SourceEntity,
)

scale = pytest.importorskip("scale")
scale_corpus = pytest.importorskip("scale_corpus")
scale_cli = pytest.importorskip("scale_cli")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    engine = open_store(f"sqlite:///{tmp_path_factory.mktemp('scale') / 'scale.db'}")
    scale_corpus.build(engine, 300)
    yield engine
    engine.dispose()


def test_every_offset_points_into_the_stored_text(built) -> None:
    with built.connect() as c:
        texts = dict(c.execute(select(Source.id, Source.text)).all())
        for source_id, start, end in c.execute(select(Passage.source_id, Passage.start, Passage.end)):
            assert 0 <= start < end <= len(texts[source_id])
        claims = c.execute(select(Claim.id, Claim.source_id, Claim.start, Claim.end, Claim.time_text)).all()
        assert claims
        for _id, source_id, start, end, time_text in claims:
            quote = texts[source_id][start:end]
            assert quote.strip() == quote and quote
            assert time_text is None or time_text in quote
        of_claim = {claim_id: source_id for claim_id, source_id, *_ in claims}
        for claim_id, value, kind, start, end in c.execute(
            select(
                ClaimQuantity.claim_id, ClaimQuantity.value, ClaimQuantity.kind, ClaimQuantity.start, ClaimQuantity.end
            )
        ):
            words = texts[of_claim[claim_id]][start:end].replace(",", "")
            assert words == value or (kind == "money" and words == f"{int(value) // 1_000_000} million")
        for claim_id, title, start, end in c.execute(
            select(ClaimRole.claim_id, ClaimRole.title, ClaimRole.title_start, ClaimRole.title_end)
        ):
            assert start is None or texts[of_claim[claim_id]][start:end] == title
        for source_id, name, start, end, title_start in c.execute(
            select(SourceEntity.source_id, SourceEntity.name, Mention.start, Mention.end, Mention.title_start).join(
                Mention, Mention.source_entity_id == SourceEntity.id
            )
        ):
            written = texts[source_id][start:end]
            assert written == name or name.endswith(" " + written), (written, name)
            assert title_start is None or title_start < start


def test_links_and_facts_stay_within_their_article(built) -> None:
    with built.connect() as c:
        pairs = c.execute(
            select(Claim.source_id, SourceEntity.source_id)
            .join(ClaimEntity, ClaimEntity.claim_id == Claim.id)
            .join(SourceEntity, SourceEntity.id == ClaimEntity.source_entity_id)
        ).all()
        assert pairs and all(a == b for a, b in pairs)
        assert c.scalar(select(ClaimTime.id).limit(1)) is not None
        copies = c.execute(select(Source.id).where(Source.duplicate_of_id.is_not(None))).scalars().all()
        assert copies  # some syndicated copies, stored without claims
        assert not c.execute(select(Claim.id).where(Claim.source_id.in_(copies))).first()


def test_a_few_entities_are_in_many_articles_and_most_in_few(built) -> None:
    with built.connect() as c:
        per_entity = Counter(
            entity_id
            for entity_id, _source in c.execute(select(SourceEntity.entity_id, SourceEntity.source_id).distinct())
        )
        entities = c.scalar(select(Entity.id).order_by(Entity.id.desc()).limit(1))
    ranked = sorted(per_entity.values(), reverse=True)
    assert entities == len(per_entity)
    assert ranked[0] >= 0.1 * 300
    assert ranked[len(ranked) // 2] <= 3


def test_the_next_real_ingest_joins_the_synthetic_entities(tmp_path: Path) -> None:
    engine = open_store(f"sqlite:///{tmp_path / 'small.db'}")
    scale_corpus.build(engine, 20)
    with engine.connect() as c:
        anchor = c.scalar(select(Entity.id).where(Entity.name == "Ana Sorel"))
    report = pipeline.ingest(engine, discover([str(BENCH / "data" / "velmora-grid.txt")]))
    assert report.count("stored") == 1
    with engine.connect() as c:
        newest = c.scalar(select(Source.id).order_by(Source.id.desc()).limit(1))
        joined = c.scalar(
            select(SourceEntity.entity_id).where(SourceEntity.source_id == newest, SourceEntity.name == "Ana Sorel")
        )
    engine.dispose()
    assert anchor is not None and joined == anchor


def test_a_step_past_its_timeout_is_stopped_and_said_to_be() -> None:
    result = scale.run([sys.executable, "-c", "import time; time.sleep(60)"], timeout=0.5, mem_limit_mib=4096)
    assert result.timed_out and not result.ok and result.returncode is None


def test_a_step_past_its_memory_limit_is_killed() -> None:
    grow = "import time; x = bytearray(300 * 2**20); x[::4096] = b'x' * len(x[::4096]); time.sleep(60)"
    result = scale.run([sys.executable, "-c", grow], timeout=60, mem_limit_mib=100)
    assert result.killed_memory and not result.ok


def test_the_peak_of_a_finished_step_is_its_own() -> None:
    grow = "x = bytearray(200 * 2**20); x[::4096] = b'x' * len(x[::4096])"
    result = scale.run([sys.executable, "-c", grow], timeout=60, mem_limit_mib=4096)
    assert result.ok and result.peak_mib is not None and result.peak_mib >= 200


def test_the_peak_of_a_step_is_not_the_size_of_the_process_that_runs_it() -> None:
    # the benchmark holds hundreds of MiB after building a database; a step it runs is charged only its own pages
    held = bytearray(400 * 2**20)
    held[::4096] = b"x" * len(held[::4096])
    result = scale.run([sys.executable, "-c", "pass"], timeout=60, mem_limit_mib=4096)
    assert result.ok and result.peak_mib is not None and result.peak_mib < 200
    del held


def test_the_worker_count_reaches_the_ingest_the_cli_calls(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: list[int] = []

    def ingest(engine, files, progress=None, settings=None, preparation=None):
        seen.append(settings.ingest.workers)
        return pipeline.IngestReport()

    monkeypatch.setattr(pipeline, "ingest", ingest)  # the facade the CLI calls looks it up on the module
    article = str(BENCH / "data" / "velmora-grid.txt")
    monkeypatch.setattr(sys, "argv", ["scale_cli.py", "3", "--db", f"sqlite:///{tmp_path / 't.db'}", "ingest", article])
    with pytest.raises(SystemExit) as exited:
        scale_cli.main()
    assert exited.value.code == 0 and seen == [3]


def test_the_index_pass_files_what_a_matching_rebuild_files(tmp_path: Path) -> None:
    """The fast path's index (keys, owners, entity digests and forms, no comparisons) is what tracker's own
    matching stores for the same claims, so that the next ingest matches incrementally against it."""
    from tracker.config import MATCH
    from tracker.match.run import match_claims
    from tracker.store import session_scope
    from tracker.store.models import ClaimKey, ClaimOwner, MatchedEntity, MatchedForm

    engine = open_store(f"sqlite:///{tmp_path / 'indexed.db'}")
    scale_corpus.build(engine, 120)

    def stored() -> tuple[set, ...]:
        with session_scope(engine) as session:
            return tuple(
                {tuple(row) for row in session.execute(select(*model.__table__.columns))}
                for model in (ClaimKey, ClaimOwner, MatchedEntity, MatchedForm)
            )

    figures = scale_corpus.index(engine, chunk=200)  # several chunks
    assert figures["claims_indexed"] > 600 and figures["keys"] > 0
    indexed = stored()
    assert indexed[0] and indexed[2] and indexed[3]
    with session_scope(engine, write=True) as session:
        match_claims(session, MATCH)
    assert stored() == indexed
    engine.dispose()


def test_one_more_runs_in_rounds_of_every_size_and_reports_each_sizes_median(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # Each round ingests once at every size, so that the machine's drift weighs on every size alike; a size
    # whose run fails runs no more.
    order: list[int] = []
    seconds = {1: iter([3.0, 1.0, 2.0]), 2: iter([5.0, 4.0, 6.0]), 3: iter([9.0])}

    def fake_step(budget, cmd, mem, env):
        size = int(Path(cmd[cmd.index("--db") + 1].removeprefix("sqlite:///")).stem.split("-")[-1])
        order.append(size)
        took = next(seconds[size])
        ok = size != 3
        return scale.Run(took, 0 if ok else 1, 100.0 * size, False, False, "", "")

    monkeypatch.setattr(scale, "step", fake_step)
    databases = {}
    for size in (1, 2, 3):
        databases[size] = tmp_path / f"db-{size}.db"
        databases[size].write_bytes(b"")
    results = scale.Results([1, 2, 3])
    ran = scale.one_more(databases, tmp_path, scale.Budget(0, 60), results, 8192, repeat=3)
    assert order == [1, 2, 3, 1, 2, 1, 2]
    assert results.data["one_more_s"] == {"1": 2.0, "2": 5.0, "3": None}
    assert results.notes["one_more_runs_s"] == {"1": [3.0, 1.0, 2.0], "2": [5.0, 4.0, 6.0]}
    assert ran[2] is not None and ran[2].peak_mib == 200.0
    assert ran[3] is not None and not ran[3].ok


def test_the_postgresql_runs_go_in_rounds_of_both_worker_counts_and_report_each_median(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(PG_SKIP_REASON)
    if not (scale.SHARED / "corpus" / "realpages" / "ground-truth.json").exists():
        pytest.skip(f"realpages corpus not found under {scale.SHARED.resolve()} (shared/ is beside the repository)")
    # Each round ingests once with 1 and once with 2 workers, each into a fresh database (made here: the fake
    # ingest finds it empty), so that the machine's drift weighs on both alike.
    order: list[int] = []
    seconds = {1: iter([12.0, 10.0, 11.0]), 2: iter([7.0, 5.0, 6.0])}

    def fake_step(budget, cmd, mem, env):
        workers = int(cmd[2])
        order.append(workers)
        target = create_engine(cmd[cmd.index("--db") + 1])
        with target.connect() as c:
            assert c.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).scalar() == 0
            c.execute(text("CREATE TABLE stored (id integer)"))
            c.commit()
        target.dispose()
        return scale.Run(next(seconds[workers]), 0, 100.0, False, False, "", "")

    monkeypatch.setattr(scale, "step", fake_step)
    results = scale.Results([1])
    scale.pg_workers(url, 3, tmp_path, scale.Budget(0, 60), results, 8192, repeat=3)
    assert order == [1, 2, 1, 2, 1, 2]
    assert results.data["pg_workers"] == {"1": round(3 / 11.0, 2), "2": round(3 / 6.0, 2)}
    assert results.notes["pg_workers_runs_s"] == {"1": [12.0, 10.0, 11.0], "2": [7.0, 5.0, 6.0]}
