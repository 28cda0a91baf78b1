"""tracker.pipeline: what ingest stores for a file — text, passages as exact slices, encoding, date origin."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.articles import FERRY, FERRY_BODY, RUSSIAN
from tracker.ingest import InputFile, SourceMeta, discover
from tracker.pipeline import FileError, ingest, prepare
from tracker.store import open_store, session_scope
from tracker.store.models import Source


def prepared(path: Path, meta: SourceMeta | None = None):
    return prepare(InputFile(path.resolve(), str(path), meta or SourceMeta()))


def test_passages_index_the_text_as_python_reads_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_bytes(codecs.BOM_UTF8 + FERRY.replace("\n", "\r\n").encode("utf-8"))
    new = prepared(path)
    assert new.text == path.read_text(encoding="utf-8-sig")
    assert [p.of(new.text) for p in new.passages] == FERRY_BODY
    assert new.encoding == "utf-8-sig"
    assert new.media_type == "text/plain"


def test_cp1251_article_is_stored_in_cyrillic(tmp_path: Path) -> None:
    path = tmp_path / "most.txt"
    path.write_bytes(RUSSIAN.replace("\n", "\r\n").encode("cp1251"))
    new = prepared(path)
    assert new.encoding == "cp1251"
    assert new.text == RUSSIAN
    assert [p.of(new.text) for p in new.passages] == RUSSIAN.strip().split("\n\n")[1:]


def test_date_origin_prefers_metadata_then_the_dateline(tmp_path: Path) -> None:
    import datetime as dt

    path = tmp_path / "ferry.txt"
    path.write_text(FERRY)
    assert (prepared(path).published, prepared(path).published_origin) == (dt.date(2023, 3, 9), "dateline")
    given = prepared(path, SourceMeta(published=dt.date(2023, 3, 1)))
    assert (given.published, given.published_origin) == (dt.date(2023, 3, 1), "metadata")


def test_given_title_wins(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(FERRY)
    assert prepared(path, SourceMeta(title="Council backs ferry terminal")).title == "Council backs ferry terminal"


def test_title_is_guessed_from_the_heading_of_a_plain_page(tmp_path: Path) -> None:
    path = tmp_path / "bridge.txt"
    path.write_text("Footbridge over the river to open next spring\n\n" + "\n\n".join(FERRY_BODY))
    assert prepared(path).title == "Footbridge over the river to open next spring"


def test_title_is_not_taken_from_page_furniture(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(FERRY)
    assert prepared(path).title == "Harbour council approves new ferry terminal"


def test_unreadable_file_is_a_file_error(tmp_path: Path) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    with pytest.raises(FileError, match=r"gone\.txt: cannot read"):
        prepared(link)


def test_ingest_stores_text_and_passages(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_bytes(FERRY.replace("\n", "\r\n").encode("utf-8"))
    engine = open_store(db_url)
    try:
        report = ingest(engine, discover([str(path)]))
        assert [o.status for o in report.outcomes] == ["stored"]
        with session_scope(engine) as session:
            source = session.scalars(select(Source)).one()
            assert source.text == path.read_text(encoding="utf-8")
            assert [source.text[p.start : p.end] for p in source.passages] == FERRY_BODY
    finally:
        engine.dispose()


def _stored(engine) -> list[tuple]:
    from tracker.store.models import Claim

    with session_scope(engine) as session:
        rows = session.execute(select(Source.path, Claim.text, Claim.start, Claim.end).join(Claim).order_by(Claim.id))
        return [tuple(row) for row in rows]


def test_workers_store_what_one_process_stores_in_the_same_order(tmp_path: Path) -> None:
    from tests.articles import write_corpus
    from tracker.config import IngestSettings

    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    (corpus / "empty.txt").write_text("   \n", encoding="utf-8")  # fails in a worker as it fails here
    files = discover([str(corpus)])
    import threading

    assert threading.active_count() == 1  # else the second run would prepare here too and prove nothing
    results = []
    runs = (("one", IngestSettings(workers=1)), ("two", IngestSettings(workers=2, parallel_min_files=2)))
    for name, settings in runs:
        engine = open_store(f"sqlite:///{tmp_path / name}.db")
        try:
            report = ingest(engine, files, settings=settings)
            results.append(([(o.path, o.status, o.claims, o.message) for o in report.outcomes], _stored(engine)))
        finally:
            engine.dispose()
    assert results[0] == results[1]
    outcomes, claims = results[0]
    assert [path for path, *_ in outcomes] == [f.given for f in files]
    assert "failed" in [status for _, status, *_ in outcomes] and claims
