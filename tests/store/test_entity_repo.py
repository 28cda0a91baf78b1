"""Entity resolution on the stored corpus (entities.run over store.entity_repo), on SQLite and (when configured)
PostgreSQL: entity ids stay put across resolution runs and corrections, and claims are linked to the entities
of the people they name.

The articles are the invented ones of tests/test_cli_entities.py, ingested with the real pipeline.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update

from tests.test_cli_entities import write_first, write_later
from tracker.entities import run as entity_run
from tracker.entities.resolve import Assertion, Candidate, resolve
from tracker.ingest import discover
from tracker.pipeline import ingest
from tracker.store import entity_repo, match_repo, open_store, repo, session_scope
from tracker.store.models import Entity, SourceEntity


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = open_store(db_url)
    yield engine
    engine.dispose()


def ingest_folder(engine: Engine, folder: Path):
    report = ingest(engine, discover([str(folder)]))
    assert not report.failures, report.failures
    assert report.entities is not None
    return report


def snapshot(engine: Engine) -> tuple[dict, dict]:
    """(entity id -> (name, type, aliases), article entity id -> entity id)."""
    with session_scope(engine) as session:
        entities = {e.id: (e.name, e.type, e.aliases) for e in entity_run.list_entities(session)}
        members = {se: entity for se, entity in session.execute(select(SourceEntity.id, SourceEntity.entity_id))}
    return entities, members


def id_of(engine: Engine, form: str) -> int:
    with session_scope(engine) as session:
        found = [e.id for e in entity_run.list_entities(session) if form in e.aliases]
    assert len(found) == 1, (form, found)
    return found[0]


def resolve_again(engine: Engine) -> entity_run.ResolutionReport:
    with session_scope(engine) as session:
        return entity_run.resolve_entities(session)


def test_entity_ids_are_stable_across_repeated_resolution(engine: Engine, tmp_path: Path) -> None:
    report = ingest_folder(engine, write_first(tmp_path / "first"))
    # Oleh Hnatiuk / Oleg Gnatyuk, Andriy Melnyk / Andrii Melnik: two people written two ways each.
    assert report.entities.spelling_variants == 2
    before = snapshot(engine)
    entities, members = before
    assert len(entities) == report.entities.entities
    assert None not in members.values()

    for _ in range(3):
        again = resolve_again(engine)
        assert (again.entities, again.spelling_variants) == (report.entities.entities, 2)
        assert snapshot(engine) == before

    # New articles add entities and mentions; every entity and article entity there before keeps its id.
    ingest_folder(engine, write_later(tmp_path / "later"))
    after_entities, after_members = snapshot(engine)
    assert set(entities) <= set(after_entities)
    assert {se: after_members[se] for se in members} == members
    for entity_id, (_name, kind, aliases) in entities.items():
        # A weak guess may be refined by the corpus ("Ostrivka" is a place once an article writes "In Ostrivka").
        assert after_entities[entity_id][1] == kind or kind == "other", (entity_id, kind, after_entities[entity_id])
        assert set(aliases) <= set(after_entities[entity_id][2])
    assert snapshot(engine) == (after_entities, after_members)
    resolve_again(engine)
    assert snapshot(engine) == (after_entities, after_members)


def test_corrections_keep_ids_across_repeated_resolution(engine: Engine, tmp_path: Path) -> None:
    ingest_folder(engine, write_first(tmp_path / "first"))
    keep, gone = id_of(engine, "Yuliia Shcherbak"), id_of(engine, "Julia Sherbuck")
    leader = id_of(engine, "Andriy Melnyk")
    with session_scope(engine) as session:
        entity_run.merge(session, keep, gone)
    with session_scope(engine) as session:
        farmer, _report = entity_run.split(session, leader, "Andrii Melnik")
    marta = id_of(engine, "Marta Kovalenko")
    with session_scope(engine) as session:
        entity_run.add_alias(session, marta, "Marta Bilyk-Kovalenko")

    before = snapshot(engine)
    for _ in range(2):
        resolve_again(engine)
        assert snapshot(engine) == before
    assert id_of(engine, "Julia Sherbuck") == keep
    assert (id_of(engine, "Andriy Melnyk"), id_of(engine, "Andrii Melnik")) == (leader, farmer)
    with session_scope(engine) as session:
        assert session.get(Entity, gone).merged_into_id == keep

    ingest_folder(engine, write_later(tmp_path / "later"))
    assert id_of(engine, "Julia Sherbuck") == keep
    assert id_of(engine, "Andrii Melnik") == farmer
    assert id_of(engine, "Marta Bilyk-Kovalenko") == marta


def test_claim_entities_link_claims_to_the_person_they_name(engine: Engine, tmp_path: Path) -> None:
    ingest_folder(engine, write_first(tmp_path / "first"))
    people = {
        name: id_of(engine, name)
        for name in ("Oleh Hnatiuk", "Oleg Gnatyuk", "Marta Kovalenko", "Ivan Kovalenko", "Andriy Melnyk")
    }
    assert people["Oleh Hnatiuk"] == people["Oleg Gnatyuk"]
    assert people["Marta Kovalenko"] != people["Ivan Kovalenko"]
    dovrensk = id_of(engine, "Dovrensk")

    with session_scope(engine) as session:
        claims = repo.list_claims(session)
        about = entity_repo.claim_entities(session)
    attributed = [c for c in claims if c.attributed_to in people]
    assert {c.attributed_to for c in attributed} == set(people)
    for claim in attributed:
        entity_ids, speaker = about[claim.id]
        assert speaker == people[claim.attributed_to], claim.text
        assert speaker in entity_ids

    def claim_saying(words: str) -> tuple[list[int], int | None]:
        (claim,) = [c for c in claims if words in c.text and c.attributed_to]
        return about[claim.id]

    assert claim_saying("two large substations") == ([people["Marta Kovalenko"]], people["Marta Kovalenko"])
    assert claim_saying("waited four days") == (
        [people["Ivan Kovalenko"], dovrensk],
        people["Ivan Kovalenko"],
    )
    # "Hnatiuk told reporters in Dovrensk": the surname alone is the minister; the town is mentioned too.
    assert claim_saying("told reporters") == ([people["Oleh Hnatiuk"], dovrensk], people["Oleh Hnatiuk"])
    # A claim that names no one is about no one.
    (unnamed,) = [c for c in claims if "diesel generators" in c.text]
    assert about.get(unnamed.id, ([], None)) == ([], None)


def test_pure_resolution_keeps_previous_ids_and_parts_first_names() -> None:
    """tracker.entities.resolve on its own: no database, candidates and assertions in, groups out."""

    def person(cid: int, name: str, previous: int | None = None) -> Candidate:
        return Candidate(cid, name, "person", (name,), strong=True, previous_entity=previous)

    candidates = [
        person(1, "Oleh Hnatiuk", previous=10),
        person(2, "Oleg Gnatyuk", previous=10),
        person(3, "Marta Kovalenko", previous=11),
        person(4, "Ivan Kovalenko", previous=12),
        person(5, "Andriy Melnyk"),
        person(6, "Andrii Melnik"),
    ]
    groups = {tuple(g.members): g for g in resolve(candidates)}
    assert set(groups) == {(1, 2), (3,), (4,), (5, 6)}
    assert (groups[(1, 2)].entity_id, groups[(3,)].entity_id, groups[(4,)].entity_id) == (10, 11, 12)
    assert groups[(5, 6)].entity_id is None  # new: the store gives it an id
    assert "romanisation" in groups[(1, 2)].reasons[2]

    # An editor's "is not" parts a pair resolution would join; "is" joins one it would not.
    parted = resolve(
        candidates,
        [
            Assertion(20, "Andriy Melnyk"),
            Assertion(20, "Andrii Melnik", positive=False),
            Assertion(21, "Andrii Melnik"),
        ],
    )
    by_member = {m: g for g in parted for m in g.members}
    assert by_member[5].entity_id == 20 and by_member[6].entity_id == 21
    joined = resolve(candidates, [Assertion(11, "Marta Kovalenko"), Assertion(11, "Ivan Kovalenko")])
    by_member = {m: g for g in joined for m in g.members}
    assert by_member[3] is by_member[4] and by_member[3].entity_id == 11


def test_a_deleted_entitys_id_is_never_given_to_another(engine: Engine) -> None:
    with session_scope(engine) as session:
        gone = Entity(name="Olek Hnat", type="person")
        session.add(gone)
        session.flush()
        gone_id = gone.id
    with session_scope(engine) as session:
        session.delete(session.get(Entity, gone_id))
    with session_scope(engine) as session:
        fresh = Entity(name="Ivan Melnyk", type="person")
        session.add(fresh)
        session.flush()
        assert fresh.id > gone_id


def test_cells_and_forms_are_the_same_read_by_kind_or_by_the_rows_own_columns(engine: Engine, tmp_path: Path) -> None:
    # Keyed article entities are counted by their kind from a covering index; rows of no kind by their own
    # columns. Either way an entity's cells and its forms' counts are the same.
    folder = tmp_path / "articles"
    write_first(folder)
    write_later(folder)
    ingest_folder(engine, folder)

    def read() -> tuple[list, dict, set]:
        with session_scope(engine) as session:
            entities = sorted(session.scalars(select(Entity.id).where(Entity.merged_into_id.is_(None))))
            cells = sorted(entity_repo.cells_of_entities(session, entities), key=repr)
            forms: dict[tuple[int, str | None], int] = {}
            for entity_id, written, times in entity_repo.entity_form_counts(session, entities):
                forms[entity_id, written] = forms.get((entity_id, written), 0) + times
            members = set(match_repo.entity_member_forms(session, entities))
            return cells, forms, members

    by_kind = read()
    assert all(by_kind)
    with session_scope(engine, write=True) as session:
        kinds = dict(session.execute(select(SourceEntity.id, SourceEntity.kind_id)).all())
        assert all(kinds.values())  # every stored article entity is keyed, so of a kind
        session.execute(update(SourceEntity).values(kind_id=None))
    assert read() == by_kind
    with session_scope(engine, write=True) as session:  # half of them of a kind again
        session.execute(update(SourceEntity), [{"id": i, "kind_id": k} for i, k in kinds.items() if i % 2])
    assert read() == by_kind


def test_a_blocks_names_and_the_kinds_of_some_of_them_are_read_as_the_whole_block_has_them(
    engine: Engine, tmp_path: Path
) -> None:
    # The neighbourhood reads a person block's names first, then the kinds of a few names: the same kinds as
    # the whole block read and filtered by name.
    folder = tmp_path / "articles"
    write_first(folder)
    write_later(folder)
    ingest_folder(engine, folder)
    with session_scope(engine) as session:
        from tracker.store.models import KindKey

        blocks = set(session.scalars(select(KindKey.key).where(KindKey.key.startswith("p:"))))
        whole = entity_repo.kinds_with_keys(session, blocks)
        names = entity_repo.names_with_keys(session, blocks)
        some = set(sorted({name for _, name in names})[::2])
        part = entity_repo.kinds_with_names(session, {(key, name) for key, name in names if name in some})
    assert len(blocks) >= 3 and len(some) >= 2
    assert sorted(names) == sorted({(key, row.name) for key, row in whole})  # each pair once
    assert sorted(part, key=repr) == sorted([(k, row) for k, row in whole if row.name in some], key=repr)
    assert len(part) < len(whole)


def sqlite_plan(tmp_path: Path, needle: str, read) -> str:
    """SQLite's plan of the first statement naming ``needle`` that ``read(session)`` runs, on an empty database."""
    from sqlalchemy import event

    engine = open_store(f"sqlite:///{tmp_path / 'plan.db'}")
    seen: list[tuple[str, tuple]] = []

    def record(conn, cursor, statement, params, context, executemany) -> None:
        if needle in statement:
            seen.append((statement, params))

    event.listen(engine, "before_cursor_execute", record)
    try:
        with session_scope(engine) as session:
            read(session)
            (statement, params), *_ = seen
            found = session.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)
            return " | ".join(row[3] for row in found)
    finally:
        engine.dispose()


def test_the_kinds_of_a_blocks_names_are_read_through_the_keys_index(tmp_path: Path) -> None:
    # A (key, name) pair names the joined kind's column, which no index of kind_keys holds: unless the keys are
    # asked on their own too, SQLite scans every stored key (1.2 GB read at 100,000 articles, cold).
    pairs = {("p:kvc", "Ivo Kovac"), ("p:mrk", "Ivo Marek")}
    plan = sqlite_plan(tmp_path, "kind_keys", lambda session: entity_repo.kinds_with_names(session, pairs))
    assert "SCAN kind_keys" not in plan, plan
    assert "kind_keys" in plan and "SEARCH" in plan, plan


def test_the_live_entities_are_counted_from_an_index(tmp_path: Path) -> None:
    # Every resolution counts them: from the index on merged_into_id, never from every entity's row.
    plan = sqlite_plan(tmp_path, "FROM entities", entity_repo.count_live_entities)
    assert "COVERING INDEX ix_entities_merged_into_id" in plan, plan
