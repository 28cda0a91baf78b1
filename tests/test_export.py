"""The JSON export contract (shared/eval/export-contract.md) as `tracker export` writes it."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from tests.articles import COPY, ORIGINAL, write_corpus
from tracker.ingest import decode_bytes

TOP_LEVEL = {"schema_version", "sources", "entities", "claims", "flags", "outlets"}
SOURCE_KEYS = {"id", "path", "outlet", "url", "title", "published", "content_sha256", "duplicate_of"}
CLAIM_KEYS = {"id", "source_id", "text", "quote", "start", "end", "kind", "entity_ids", "attributed_to", "cluster_id"}


def ingest_and_export(invoke, db: str, tmp_path: Path) -> tuple[dict, str]:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    result = invoke(db, "ingest", str(corpus))
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "tracker.json"
    result = invoke(db, "export", "--format", "json", "--output", str(out))
    assert result.exit_code == 0, result.stderr
    raw = out.read_text(encoding="utf-8")
    return json.loads(raw), raw


def test_export_follows_the_contract(invoke, db_url: str, tmp_path: Path) -> None:
    data, _ = ingest_and_export(invoke, db_url, tmp_path)
    assert set(data) >= TOP_LEVEL
    assert data["schema_version"] == 1
    for key in TOP_LEVEL - {"schema_version"}:
        assert isinstance(data[key], list), key

    sources = data["sources"]
    assert len(sources) == 4
    ids = [s["id"] for s in sources]
    assert len(set(ids)) == len(ids)
    for source in sources:
        assert set(source) >= SOURCE_KEYS, SOURCE_KEYS - set(source)
        assert isinstance(source["id"], str)
        raw = Path(source["path"]).read_bytes()
        assert source["content_sha256"] == hashlib.sha256(raw).hexdigest()
        assert source["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", source["published"])
        assert source["duplicate_of"] is None or source["duplicate_of"] in ids
        for key in ("outlet", "url", "title"):
            assert source[key] is None or isinstance(source[key], str)
    by_name = {Path(s["path"]).name: s for s in sources}
    assert by_name[COPY]["duplicate_of"] == by_name[ORIGINAL]["id"]


def test_claims_in_the_export_quote_their_source_exactly(invoke, db_url: str, tmp_path: Path) -> None:
    data, _ = ingest_and_export(invoke, db_url, tmp_path)
    paths = {s["id"]: Path(s["path"]) for s in data["sources"]}
    for claim in data["claims"]:
        assert set(claim) >= CLAIM_KEYS, CLAIM_KEYS - set(claim)
        assert claim["source_id"] in paths
        text = decode_bytes(paths[claim["source_id"]].read_bytes()).text
        assert text[claim["start"] : claim["end"]] == claim["quote"]
    assert len(data["sources"]) == 4


def test_export_is_utf8_json_not_ascii_escapes(invoke, db_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    manifest = corpus / "sources.csv"
    manifest.write_text(manifest.read_text().replace("Velmora Evening Star", "Вечерний Велмор"), encoding="utf-8")
    result = invoke(db_url, "ingest", str(corpus))
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "tracker.json"
    assert invoke(db_url, "export", "--output", str(out)).exit_code == 0
    raw = out.read_text(encoding="utf-8")
    assert "Вечерний Велмор" in raw
    assert json.loads(raw)["sources"][0]["outlet"] == "Вечерний Велмор"


def test_export_replaces_an_older_file_whole(invoke, db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "tracker.json"
    out.write_text("an older export that is much longer than an empty one " * 200)
    assert invoke(db_url, "export", "--output", str(out)).exit_code == 0
    assert json.loads(out.read_text())["sources"] == []
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("tracker.json")] == ["tracker.json"]


def test_claims_carry_their_rule_sentence_and_role_fact(invoke, db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "facts"
    folder.mkdir()
    body = (
        "Harbour Talks Resume\n\n"
        "Deputy Transport Minister Ivo Marek said on Monday that the ferry link to Saltmarsh would reopen in May.\n"
    )
    (folder / "ferry.txt").write_text(body, encoding="utf-8")
    db = str(db_url)
    assert invoke(db, "ingest", str(folder)).exit_code == 0
    out = tmp_path / "facts.json"
    assert invoke(db, "export", "--format", "json", "--output", str(out)).exit_code == 0
    claims = json.loads(out.read_text(encoding="utf-8"))["claims"]
    roles = [c for c in claims if c["kind"] == "role"]
    assert roles, [c["text"] for c in claims]
    role = roles[0]["role"]
    assert role["holder"] == "Ivo Marek"
    assert "Minister" in role["title"] and role["title_quote"] and role["title_quote"] in body
    assert roles[0]["rule"] and roles[0]["subject"] == "Ivo Marek"
    statements = [c for c in claims if c["kind"] != "role"]
    assert statements and all(c["rule"] and c["role"] is None for c in statements)
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    with engine.connect() as connection:
        rules = set(connection.execute(text("select rule from mentions")).scalars())
    engine.dispose()
    assert rules and None not in rules


def test_an_html_source_records_which_reading_gave_its_text(invoke, sqlite_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    paragraphs = "".join(
        f"<p>The harbour board of Lindby met for the {n}th time this year and approved the ferry budget again.</p>"
        for n in range(4, 9)
    )
    (folder / "page.html").write_text(f"<html><body><article>{paragraphs}</article></body></html>", encoding="utf-8")
    (folder / "note.txt").write_text("The harbour board of Lindby approved the ferry budget on Monday.\n")
    assert invoke(sqlite_url, "ingest", str(folder)).exit_code == 0
    out = tmp_path / "e.json"
    assert invoke(sqlite_url, "export", "--format", "json", "--output", str(out)).exit_code == 0
    sources = {Path(s["path"]).name: s for s in json.loads(out.read_text(encoding="utf-8"))["sources"]}
    assert sources["page.html"]["extraction"] == "main text"
    assert sources["note.txt"]["extraction"] is None


def test_claims_carry_the_quantities_they_state(invoke, db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "numbers"
    folder.mkdir()
    (folder / "aid.txt").write_text(
        "Harbour Aid\n\nThe council of Lindby approved nearly $40 billion in loans for the harbour on Monday.\n"
        "More than 1,500 volunteers have joined the clean-up so far.\n",
        encoding="utf-8",
    )
    db = str(db_url)
    assert invoke(db, "ingest", str(folder)).exit_code == 0
    out = tmp_path / "numbers.json"
    assert invoke(db, "export", "--format", "json", "--output", str(out)).exit_code == 0
    stated = [q for c in json.loads(out.read_text(encoding="utf-8"))["claims"] for q in c["quantities"]]
    money = next(q for q in stated if q["kind"] == "money")
    assert (money["value"], money["currency"], money["modifier"]) == ("40000000000", "USD", "nearly")
    count = next(q for q in stated if q["kind"] == "count")
    assert (count["value"], count["noun"], count["cumulative"]) == ("1500", "volunteer", True)


def test_claims_carry_every_time_they_state(invoke, db_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "times"
    folder.mkdir()
    (folder / "storm.txt").write_text(
        "Storm Report\n\nThe storm struck the coast of Lindby on 5 and 6 March and closed the harbour.\n",
        encoding="utf-8",
    )
    (folder / "sources.csv").write_text("path,outlet,url,published,title\nstorm.txt,Lindby Post,,2024-03-14,\n")
    db = str(db_url)
    assert invoke(db, "ingest", str(folder)).exit_code == 0
    out = tmp_path / "times.json"
    assert invoke(db, "export", "--format", "json", "--output", str(out)).exit_code == 0
    claims = json.loads(out.read_text(encoding="utf-8"))["claims"]
    times = [t for c in claims for t in c["times"]]
    assert {"text": "5 and 6 March", "first": "2024-03-05", "last": "2024-03-06", "role": "event"} in times, times


FRAMES_ARTICLE = """Velmora Evening Star

Delegations from Velmora and Ostrava held talks in Korvast on Friday.

Kovac did not attend the summit in Korvast on Friday.

Ana Sorel was appointed interim head of the port authority on Monday.

The former transport minister Karl Odin said the road to the harbour was closed.

The number of injured passengers rose to 42 people on Saturday.
"""


def test_frames_are_stored_and_exported(invoke, db_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "frames.txt").write_text(FRAMES_ARTICLE, encoding="utf-8")
    assert invoke(db_url, "ingest", str(corpus)).exit_code == 0
    out = tmp_path / "tracker.json"
    assert invoke(db_url, "export", "--format", "json", "--output", str(out)).exit_code == 0
    claims = json.loads(out.read_text(encoding="utf-8"))["claims"]
    text = (corpus / "frames.txt").read_text(encoding="utf-8")
    for claim in claims:
        assert set(claim) >= {"event", "presence"}
        if claim["event"] is not None:
            event = claim["event"]
            assert " ".join(text[event["start"] : event["end"]].split()) == event["words"]
            assert claim["start"] <= event["start"] and event["end"] <= claim["end"]
    talks = next(c for c in claims if c["quote"].startswith("Delegations"))
    assert (talks["event"]["kind"], talks["event"]["place"], talks["event"]["negated"]) == ("meeting", "Korvast", False)
    absent = next(c for c in claims if c["quote"].startswith("Kovac did not attend"))
    assert [(p["who"], p["present"], p["remote"]) for p in absent["presence"]] == [("Kovac", False, False)]
    appointed = next(c for c in claims if c["role"] and c["role"]["holder"] == "Ana Sorel")
    assert (appointed["role"]["change"], appointed["role"]["change_words"]) == ("appointed", "appointed")
    former = next(c for c in claims if c["role"] and c["role"]["holder"] == "Karl Odin")
    assert former["role"]["former"] is True
    rose = next(c for c in claims if "rose to 42" in c["quote"])
    (quantity,) = rose["quantities"]
    assert (quantity["value"], quantity["trend"], quantity["trend_words"]) == ("42", "rise", "rose to")
