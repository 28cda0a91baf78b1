"""`tracker entities ...` end to end through the real CLI, on real databases (SQLite, and PostgreSQL when set).

The articles are invented: invented outlets, a storm in an invented town, invented officials. The names exercise
romanisation (Oleh Hnatiuk / Oleg Gnatyuk: one person, joined automatically), a shared surname (Marta and Ivan
Kovalenko: two people, kept apart), a spelling too far apart to join (Yuliia Shcherbak / Julia Sherbuck: one
person, joined by an editor's merge), a false join (Andriy Melnyk, union leader / Andrii Melnik, farmer: two
people, parted by an editor's split) and a married name only an editor can place
(Marta Bilyk-Kovalenko is Marta Kovalenko).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import Result

from tests.articles import write_folder

MANIFEST = "path,outlet,url,published,title\n"

# -- the articles ------------------------------------------------------------------------------------------


def article(outlet: str, *paragraphs: str) -> str:
    """A plain-text page: the outlet's name, then a headline and paragraphs separated by blank lines."""
    return "\n\n".join([outlet, *paragraphs]) + "\n"


LEDGER = article(
    "Kestrel Ledger",
    "Grid repairs in the north will take weeks, minister says",
    "Deputy Energy Minister Oleh Hnatiuk said on Monday that the northern power grid would be fully "
    "repaired before the end of the winter.",
    "Hnatiuk told reporters in Dovrensk that repair crews had restored electricity to nine thousand homes "
    "since the storm on Friday.",
    "Grid operator chief Marta Kovalenko said that two large substations near the river were still out of service.",
    "Company spokeswoman Yuliia Shcherbak said that the operator had asked neighbouring regions to lend "
    "it more engineers.",
    "Union leader Andriy Melnyk warned that electricians had been working double shifts for almost a week.",
    "The storm brought down more than three hundred power lines across the valley and closed the main "
    "road for two days.",
)

TRIBUNE = article(
    "Harrowgate Tribune",
    "Residents of Dovrensk lose patience as heating stays off",
    "Deputy Energy Minister Oleg Gnatyuk said on Tuesday that the repairs to the northern grid would be "
    "finished well before the spring.",
    "Mayor Ivan Kovalenko said that many residents of Dovrensk had now waited four days for their heating to return.",
    "Grid operator spokeswoman Julia Sherbuck said that engineers from three other regions had arrived "
    "in the town overnight.",
    "The mayor said the town would open two more warming centres in its schools until the power supply "
    "was stable again.",
    "Volunteers have been handing out blankets and hot meals to older residents who live alone in the "
    "outlying streets.",
)

COURIER = article(
    "Brenmoor Courier",
    "Farmers count the cost of the long blackout",
    "In the village of Ostrivka, the grain farmer Andrii Melnik said that the outage had spoiled most of "
    "the seed in his barns.",
    "Deputy Energy Minister Oleg Gnatyuk promised on Wednesday that farmers who lost stock during the "
    "blackout would be compensated.",
    "Other farmers in the district said that they had bought diesel generators to keep their livestock "
    "sheds warm through the nights.",
    "The regional farming association has asked for the compensation to be paid before the sowing season "
    "begins in April.",
)

OBSERVER = article(
    "Fenwick Observer",
    "Power returns to the last villages near Dovrensk",
    "Grid operator spokeswoman Julia Sherbuck said on Friday that the last two substations had been switched back on.",
    "In Ostrivka, the grain farmer Andrii Melnik said that he was still waiting for the compensation the "
    "ministry had promised.",
    "Grid operator chief Marta Bilyk-Kovalenko said that the warming centres in the schools would close "
    "on Monday, once every house had heating again.",
    "Engineers from the neighbouring regions are expected to return home over the weekend after twelve "
    "days of repairs.",
)


def write_first(root: Path) -> Path:
    """Three outlets' reports of the storm (5-7 February 2024)."""
    return write_folder(
        root,
        [
            ("1-ledger.txt", LEDGER, "Kestrel Ledger", "https://ledger.example/grid", "2024-02-05",
             "Grid repairs in the north"),
            ("2-tribune.txt", TRIBUNE, "Harrowgate Tribune", "https://tribune.example/heat", "2024-02-06",
             "Residents lose patience"),
            ("3-courier.txt", COURIER, "Brenmoor Courier", "https://courier.example/farm", "2024-02-07",
             "Farmers count the cost"),
        ],
    )  # fmt: skip


def write_later(root: Path) -> Path:
    """A fourth outlet, days later: writes Julia Sherbuck, Andrii Melnik, Marta Bilyk-Kovalenko."""
    return write_folder(
        root,
        [("4-observer.txt", OBSERVER, "Fenwick Observer", "https://observer.example/power", "2024-02-09",
          "Power returns")],
    )  # fmt: skip


# -- helpers -----------------------------------------------------------------------------------------------


def ok(result: Result) -> Result:
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    return result


def one_line_error(result: Result, *fragments: str) -> str:
    """Exit code 2, nothing on stdout, and exactly one ``tracker: error:`` line naming every fragment."""
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr, result.exception)
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("tracker: error: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


def export(invoke, db: str) -> dict:
    result = ok(invoke(db, "export", "--format", "json", "--output", "-"))
    return json.loads(result.stdout)


def entity_of(data: dict, form: str) -> dict:
    """The one entity written ``form`` (or given it by an editor)."""
    found = [e for e in data["entities"] if form in e["aliases"]]
    assert len(found) == 1, (form, [(e["id"], e["aliases"]) for e in data["entities"]])
    return found[0]


def speakers(data: dict) -> dict[str, set[str | None]]:
    """Name a claim is attributed to, as written -> the entity ids those claims are attributed to."""
    out: dict[str, set[str | None]] = defaultdict(set)
    for claim in data["claims"]:
        if claim["attributed_to_name"]:
            out[claim["attributed_to_name"]].add(claim["attributed_to"])
    return out


def spelling_flags(data: dict) -> dict[str, dict]:
    """Entity id -> its spelling_variant flag."""
    flags = [f for f in data["flags"] if f["kind"] == "spelling_variant"]
    out = {}
    for flag in flags:
        assert len(flag["entity_ids"]) == 1, flag
        out[flag["entity_ids"][0]] = flag
    return out


def table(result: Result) -> dict[str, dict[str, str]]:
    """`tracker entities` as rows keyed by id."""
    lines = ok(result).stdout.splitlines()
    header = re.split(r"\s{2,}", lines[0].strip())
    assert header == ["id", "type", "name", "sources", "mentions", "also written"]
    rows = {}
    for line in lines[1:]:
        cells = re.split(r"\s{2,}", line.strip())
        row = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
        rows[row["id"]] = row
    return rows


def alias_rows(invoke, db: str) -> list[tuple[str, ...]]:
    text = ok(invoke(db, "entities", "alias", "export")).stdout
    reader = csv.reader(io.StringIO(text))
    assert next(reader) == ["entity", "type", "alias", "relation", "origin"]
    return [tuple(row) for row in reader]


def state(invoke, db: str) -> tuple:
    """Everything an entity correction could change: entities, claims' links, flags, the alias file."""
    data = export(invoke, db)
    claims = [(c["id"], c["entity_ids"], c["attributed_to"]) for c in data["claims"]]
    return data["entities"], claims, data["flags"], alias_rows(invoke, db)


@pytest.fixture
def first(invoke, db_url: str, tmp_path: Path) -> dict:
    """The database holds the three first reports; returns their export."""
    result = ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first"))))
    assert "sources: 3 stored" in result.stdout
    return export(invoke, db_url)


@pytest.fixture
def second_db_url(db_url: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Another fresh, empty database of the same backend as ``db_url``."""
    if db_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'second.db'}"
        return
    server = request.getfixturevalue("pg_server")
    url = server.create_database()
    yield url
    server.drop_database(url)


# -- 1. automatic resolution -------------------------------------------------------------------------------


def test_romanisations_resolve_to_one_entity_and_namesakes_stay_apart(invoke, db_url: str, first: dict) -> None:
    data = first
    hnatiuk = entity_of(data, "Oleh Hnatiuk")
    assert entity_of(data, "Oleg Gnatyuk")["id"] == hnatiuk["id"]
    assert hnatiuk["type"] == "person"
    assert {"Oleh Hnatiuk", "Oleg Gnatyuk", "Hnatiuk"} <= set(hnatiuk["aliases"])
    assert hnatiuk["sources"] == 3

    marta, ivan = entity_of(data, "Marta Kovalenko"), entity_of(data, "Ivan Kovalenko")
    assert marta["id"] != ivan["id"]
    assert (marta["type"], ivan["type"]) == ("person", "person")
    assert marta["aliases"] == ["Marta Kovalenko"] and ivan["aliases"] == ["Ivan Kovalenko"]

    # Claims are attributed to the entity of the person who made them, whichever spelling the outlet used.
    said = speakers(data)
    assert said["Oleh Hnatiuk"] == said["Oleg Gnatyuk"] == {hnatiuk["id"]}
    assert said["Marta Kovalenko"] == {marta["id"]}
    assert said["Ivan Kovalenko"] == {ivan["id"]}

    flags = spelling_flags(data)
    flag = flags[hnatiuk["id"]]
    assert flag["status"] == "open"
    for part in ("Oleh Hnatiuk", "Oleg Gnatyuk", "Kestrel Ledger", "Harrowgate Tribune"):
        assert part in flag["explanation"], flag["explanation"]
    # The flag points at claims that use the spellings.
    claims = {c["id"]: c for c in data["claims"]}
    assert flag["claim_ids"] and all(hnatiuk["id"] in claims[c]["entity_ids"] for c in flag["claim_ids"])
    # Two first names are two people, not two spellings.
    assert marta["id"] not in flags and ivan["id"] not in flags


def test_entities_table_lists_spellings_and_filters(invoke, db_url: str, first: dict) -> None:
    hnatiuk = entity_of(first, "Oleh Hnatiuk")
    rows = table(invoke(db_url, "entities", "--type", "person"))
    assert {r["type"] for r in rows.values()} == {"person"}
    row = rows[hnatiuk["id"]]
    assert (row["sources"], row["mentions"]) == ("3", str(hnatiuk["mentions"]))
    assert set(row["also written"].split("; ")) == set(hnatiuk["aliases"]) - {row["name"]}
    assert {r["name"] for r in rows.values()} >= {"Marta Kovalenko", "Ivan Kovalenko", "Yuliia Shcherbak"}

    assert list(table(invoke(db_url, "entities", "--min-sources", "3"))) == [hnatiuk["id"]]
    assert ok(invoke(db_url, "entities", "--min-sources", "4")).stdout == "no entities match\n"


# -- 2. merge ----------------------------------------------------------------------------------------------


def test_merge_survives_resolve_and_new_articles(invoke, db_url: str, first: dict, tmp_path: Path) -> None:
    keep, gone = entity_of(first, "Yuliia Shcherbak")["id"], entity_of(first, "Julia Sherbuck")["id"]
    assert keep != gone  # too far apart for resolution: the editor knows better

    result = ok(invoke(db_url, "entities", "merge", keep, gone))
    assert f"merged entity {gone} into {keep}" in result.stdout

    def check(data: dict, sources: int) -> None:
        kept = entity_of(data, "Julia Sherbuck")
        assert kept["id"] == keep
        assert {"Yuliia Shcherbak", "Julia Sherbuck"} <= set(kept["aliases"])
        assert kept["sources"] == sources
        assert gone not in {e["id"] for e in data["entities"]}
        said = speakers(data)
        assert said["Julia Sherbuck"] == said["Yuliia Shcherbak"] == {keep}
        assert all(gone not in c["entity_ids"] for c in data["claims"])
        # One person in two spellings: the merge makes it a spelling variant worth a look.
        explanation = spelling_flags(data)[keep]["explanation"]
        for part in ("Yuliia Shcherbak", "Julia Sherbuck", "Kestrel Ledger", "Harrowgate Tribune"):
            assert part in explanation, explanation

    check(export(invoke, db_url), sources=2)
    shown = ok(invoke(db_url, "entities", "show", gone)).stdout
    assert f"entity {gone} (Julia Sherbuck) was merged into entity {keep}" in shown
    detail = ok(invoke(db_url, "entities", "show", keep)).stdout
    assert "editor: 'Julia Sherbuck' is this entity (merge)" in detail

    ok(invoke(db_url, "entities", "resolve"))
    check(export(invoke, db_url), sources=2)

    # A new outlet writes the merged-away spelling: its mention lands in the kept entity.
    result = ok(invoke(db_url, "ingest", str(write_later(tmp_path / "later"))))
    assert "sources: 1 stored" in result.stdout
    data = export(invoke, db_url)
    check(data, sources=3)
    observer = next(c for c in data["claims"] if "last two substations" in c["text"])
    assert observer["attributed_to"] == keep
    assert "Fenwick Observer" in ok(invoke(db_url, "entities", "show", keep)).stdout
    assert f"merged into entity {keep}" in ok(invoke(db_url, "entities", "show", gone)).stdout

    # The merged-away id cannot be merged again; it points to the kept one.
    one_line_error(invoke(db_url, "entities", "merge", keep, gone), f"entity {gone} was merged into {keep}")


def test_merge_of_a_merged_entity_redirects_the_whole_chain(invoke, db_url: str, first: dict) -> None:
    a, b = entity_of(first, "Yuliia Shcherbak")["id"], entity_of(first, "Julia Sherbuck")["id"]
    c = entity_of(first, "Marta Kovalenko")["id"]
    ok(invoke(db_url, "entities", "merge", b, a))
    ok(invoke(db_url, "entities", "merge", c, b))
    for old in (a, b):
        assert f"was merged into entity {c}" in ok(invoke(db_url, "entities", "show", old)).stdout
    data = export(invoke, db_url)
    assert entity_of(data, "Yuliia Shcherbak")["id"] == entity_of(data, "Julia Sherbuck")["id"] == c


# -- 3. split ----------------------------------------------------------------------------------------------


def test_split_survives_resolve_and_new_articles(invoke, db_url: str, first: dict, tmp_path: Path) -> None:
    leader = entity_of(first, "Andriy Melnyk")
    # Resolution joins the union leader and the farmer (same name in two romanisations) and flags the spellings.
    assert "Andrii Melnik" in leader["aliases"]
    assert leader["id"] in spelling_flags(first)
    old = leader["id"]

    result = ok(invoke(db_url, "entities", "split", old, "Andrii Melnik"))
    match = re.search(rf"split 'Andrii Melnik' out of entity {old} into entity (\d+)", result.stdout)
    assert match, result.stdout
    new = match.group(1)
    assert new != old

    def check(data: dict, farmer_sources: int) -> None:
        assert entity_of(data, "Andriy Melnyk")["id"] == old
        farmer = entity_of(data, "Andrii Melnik")
        assert farmer["id"] == new and farmer["type"] == "person" and farmer["sources"] == farmer_sources
        assert entity_of(data, "Andriy Melnyk")["aliases"] == ["Andriy Melnyk"]
        said = speakers(data)
        assert said["Andriy Melnyk"] == {old}
        assert said["Andrii Melnik"] == {new}
        assert old not in spelling_flags(data)  # one spelling each now

    check(export(invoke, db_url), farmer_sources=1)
    detail = ok(invoke(db_url, "entities", "show", old)).stdout
    assert "editor: 'Andrii Melnik' is not this entity (split)" in detail

    ok(invoke(db_url, "entities", "resolve"))
    check(export(invoke, db_url), farmer_sources=1)

    # The farmer is written the same way again by a new outlet: he goes to his own entity.
    ok(invoke(db_url, "ingest", str(write_later(tmp_path / "later"))))
    data = export(invoke, db_url)
    check(data, farmer_sources=2)
    observer = next(c for c in data["claims"] if "still waiting for the compensation" in c["text"])
    assert observer["attributed_to"] == new


def test_split_of_a_name_never_written_fails_and_changes_nothing(invoke, db_url: str, first: dict) -> None:
    hnatiuk = entity_of(first, "Oleh Hnatiuk")["id"]
    before = state(invoke, db_url)
    one_line_error(
        invoke(db_url, "entities", "split", hnatiuk, "Oleg Gnatiuk"),
        f"entity {hnatiuk} is never written 'Oleg Gnatiuk'",
        "Oleh Hnatiuk",  # the message lists the forms it is written in
    )
    # Another person's name is not one of its forms either.
    one_line_error(invoke(db_url, "entities", "split", hnatiuk, "Marta Kovalenko"), "never written")
    assert state(invoke, db_url) == before


# -- 4. alias add ------------------------------------------------------------------------------------------


def test_alias_add_places_a_later_unmatchable_spelling(invoke, db_url: str, first: dict, tmp_path: Path) -> None:
    marta, ivan = entity_of(first, "Marta Kovalenko")["id"], entity_of(first, "Ivan Kovalenko")["id"]
    result = ok(invoke(db_url, "entities", "alias", "add", marta, "Marta Bilyk-Kovalenko"))
    assert f"'Marta Bilyk-Kovalenko' is now an alias of entity {marta}" in result.stdout
    # Listed before any source writes it.
    assert "Marta Bilyk-Kovalenko" in table(invoke(db_url, "entities"))[marta]["also written"]
    detail = ok(invoke(db_url, "entities", "show", marta)).stdout
    assert "editor: 'Marta Bilyk-Kovalenko' is this entity (alias)" in detail

    ok(invoke(db_url, "ingest", str(write_later(tmp_path / "later"))))
    data = export(invoke, db_url)
    assert entity_of(data, "Marta Bilyk-Kovalenko")["id"] == entity_of(data, "Marta Kovalenko")["id"] == marta
    assert entity_of(data, "Marta Kovalenko")["sources"] == 2
    assert entity_of(data, "Ivan Kovalenko")["id"] == ivan
    said = speakers(data)
    assert said["Marta Bilyk-Kovalenko"] == said["Marta Kovalenko"] == {marta}
    assert "Fenwick Observer" in ok(invoke(db_url, "entities", "show", marta)).stdout


def test_without_the_alias_the_married_name_is_someone_else(invoke, db_url: str, tmp_path: Path) -> None:
    """The control for the test above: resolution alone does not place the married name; the alias does."""
    ok(invoke(db_url, "ingest", str(write_first(tmp_path / "first")), str(write_later(tmp_path / "later"))))
    data = export(invoke, db_url)
    marta, married = entity_of(data, "Marta Kovalenko")["id"], entity_of(data, "Marta Bilyk-Kovalenko")["id"]
    assert marta != married

    # Added afterwards, the alias moves the mentions already stored.
    ok(invoke(db_url, "entities", "alias", "add", marta, "Marta Bilyk-Kovalenko"))
    data = export(invoke, db_url)
    assert entity_of(data, "Marta Bilyk-Kovalenko")["id"] == marta
    assert married not in {e["id"] for e in data["entities"]}
    assert speakers(data)["Marta Bilyk-Kovalenko"] == {marta}


# -- 5. alias file round trip ------------------------------------------------------------------------------


def test_alias_file_round_trip_into_a_fresh_database(
    invoke, db_url: str, second_db_url: str, first: dict, tmp_path: Path
) -> None:
    keep, gone = entity_of(first, "Yuliia Shcherbak")["id"], entity_of(first, "Julia Sherbuck")["id"]
    ok(invoke(db_url, "entities", "merge", keep, gone))
    ok(invoke(db_url, "entities", "split", entity_of(first, "Andriy Melnyk")["id"], "Andrii Melnik"))
    marta = entity_of(first, "Marta Kovalenko")["id"]
    ok(invoke(db_url, "entities", "alias", "add", marta, "Marta Bilyk-Kovalenko"))

    aliases = tmp_path / "aliases.csv"
    result = ok(invoke(db_url, "entities", "alias", "export", "-o", str(aliases)))
    rows = list(csv.reader(io.StringIO(aliases.read_text(encoding="utf-8"))))
    assert rows[0] == ["entity", "type", "alias", "relation", "origin"]
    data_rows = [tuple(r) for r in rows[1:]]
    assert f"wrote {aliases}: {len(data_rows)} aliases" in result.stderr
    assert data_rows == alias_rows(invoke, db_url)  # -o and stdout agree
    assert ("Andriy Melnyk", "person", "Andrii Melnik", "is not", "split") in data_rows
    assert ("Andrii Melnik", "person", "Andrii Melnik", "is", "split") in data_rows
    owner = {alias: entity for entity, _t, alias, relation, _o in data_rows if relation == "is"}
    assert owner["Julia Sherbuck"] == owner["Yuliia Shcherbak"]
    assert owner["Marta Bilyk-Kovalenko"] == owner["Marta Kovalenko"] != owner["Ivan Kovalenko"]
    assert ("Marta Kovalenko", "person", "Marta Bilyk-Kovalenko", "is", "alias") in data_rows
    assert owner["Oleg Gnatyuk"] == owner["Oleh Hnatiuk"]
    assert ("Oleh Hnatiuk", "seen") in {(r[2], r[4]) for r in data_rows}

    # A fresh database learns the aliases before it has seen a single article.
    result = ok(invoke(second_db_url, "entities", "alias", "import", str(aliases)))
    assert f"imported {len(data_rows)} aliases from {aliases}" in result.stdout
    assert ok(invoke(second_db_url, "entities", "alias", "export")).stdout.count("import") == len(data_rows)

    ok(invoke(second_db_url, "ingest", str(write_first(tmp_path / "first2"))))
    ok(invoke(second_db_url, "ingest", str(write_later(tmp_path / "later2"))))
    data = export(invoke, second_db_url)
    shcherbak = entity_of(data, "Yuliia Shcherbak")
    assert entity_of(data, "Julia Sherbuck")["id"] == shcherbak["id"] and shcherbak["sources"] == 3
    leader, farmer = entity_of(data, "Andriy Melnyk"), entity_of(data, "Andrii Melnik")
    assert leader["id"] != farmer["id"] and farmer["sources"] == 2 and leader["aliases"] == ["Andriy Melnyk"]
    marta = entity_of(data, "Marta Kovalenko")
    assert entity_of(data, "Marta Bilyk-Kovalenko")["id"] == marta["id"] != entity_of(data, "Ivan Kovalenko")["id"]
    assert entity_of(data, "Oleg Gnatyuk")["id"] == entity_of(data, "Oleh Hnatiuk")["id"]
    said = speakers(data)
    assert said["Julia Sherbuck"] == said["Yuliia Shcherbak"] == {shcherbak["id"]}
    assert said["Andrii Melnik"] == {farmer["id"]}
    assert said["Marta Bilyk-Kovalenko"] == {marta["id"]}
    assert (
        "'Andrii Melnik' is not this entity (import)"
        in ok(invoke(second_db_url, "entities", "show", leader["id"])).stdout
    )


BAD_ALIAS_FILES = {
    "missing alias column": (
        "entity,type,relation\nIvan Kovalenko,person,is\n",
        ("line 1", "missing column(s) alias"),
    ),
    "bad relation": (
        "entity,type,alias,relation\nIvan Kovalenko,person,Jan Kowalenko,is\nIvan Kovalenko,person,Iwan,maybe\n",
        ("line 3", "relation 'maybe'"),
    ),
    "bad type": (
        "entity,type,alias,relation,origin\n"
        "Ivan Kovalenko,person,Jan Kowalenko,is,alias\n"
        "Marta Kovalenko,person,Marta Kowalenko,is,alias\n"
        "Oleh Hnatiuk,human,Oleg Gnatyuk,is,seen\n",
        ("line 4", "type 'human'"),
    ),
    "empty alias": (
        "entity,type,alias,relation\nIvan Kovalenko,person,,is\n",
        ("line 2", "entity and alias must both be given"),
    ),
}


@pytest.mark.parametrize("case", list(BAD_ALIAS_FILES))
def test_malformed_alias_file_stores_nothing(invoke, db_url: str, tmp_path: Path, case: str) -> None:
    text, fragments = BAD_ALIAS_FILES[case]
    bad = tmp_path / "aliases.csv"
    bad.write_text(text, encoding="utf-8")
    one_line_error(invoke(db_url, "entities", "alias", "import", str(bad)), str(bad), *fragments)
    # The good rows before the bad one were not applied either.
    assert alias_rows(invoke, db_url) == []
    assert ok(invoke(db_url, "entities", "--min-sources", "0")).stdout == "no entities match\n"


def test_missing_alias_file_is_a_one_line_error(invoke, db_url: str, tmp_path: Path) -> None:
    one_line_error(invoke(db_url, "entities", "alias", "import", str(tmp_path / "nowhere.csv")), "nowhere.csv")


def test_alias_file_error_names_the_physical_line_after_a_blank_line(invoke, db_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "aliases.csv"
    bad.write_text(
        "entity,type,alias,relation\nIvan Kovalenko,person,Jan Kowalenko,is\n\nIvan Kovalenko,person,Iwan,maybe\n",
        encoding="utf-8",
    )
    one_line_error(invoke(db_url, "entities", "alias", "import", str(bad)), "line 4:", "relation 'maybe'")


def test_over_long_alias_is_refused_with_one_line(invoke, db_url: str, first: dict) -> None:
    ivan = entity_of(first, "Ivan Kovalenko")["id"]
    before = alias_rows(invoke, db_url)
    one_line_error(invoke(db_url, "entities", "alias", "add", ivan, "Jan " + "Kowalenko" * 40))
    assert alias_rows(invoke, db_url) == before


def test_over_long_alias_in_file_is_refused_with_one_line(invoke, db_url: str, tmp_path: Path) -> None:
    bad = tmp_path / "aliases.csv"
    bad.write_text(f"entity,type,alias,relation\nIvan Kovalenko,person,Jan {'Kowalenko' * 40},is\n", encoding="utf-8")
    one_line_error(invoke(db_url, "entities", "alias", "import", str(bad)), str(bad), "line 2")
    assert alias_rows(invoke, db_url) == []


# -- 6. errors ---------------------------------------------------------------------------------------------


def test_missing_ids_and_self_merge_are_one_line_errors(invoke, db_url: str, first: dict) -> None:
    some = entity_of(first, "Oleh Hnatiuk")["id"]
    missing = str(max(int(e["id"]) for e in first["entities"]) + 100)
    before = state(invoke, db_url)
    for args, fragment in [
        (("show", missing), f"no entity {missing}"),
        (("merge", some, missing), f"no entity {missing}"),
        (("merge", missing, some), f"no entity {missing}"),
        (("split", missing, "Oleh Hnatiuk"), f"no entity {missing}"),
        (("alias", "add", missing, "Oleg Gnatiuk"), f"no entity {missing}"),
        (("merge", some, some), "cannot merge an entity with itself"),
    ]:
        one_line_error(invoke(db_url, "entities", *args), fragment)
    assert state(invoke, db_url) == before


# -- recognition -----------------------------------------------------------------------------

OPENER_TRIBUNE = article(
    "Harrowgate Tribune",
    "Mayor Ivan Kovalenko said on Tuesday that the town of Dovrensk would open two more warming centres.",
    "The mayor added that the schools would stay closed until the heating in every building worked again.",
)

OPENER_LEDGER = article(
    "Kestrel Ledger",
    "Marta Kovalenko said on Monday that two large substations near the river were still out of service.",
    "The regional grid operator has asked neighbouring regions to lend it more engineers for the repairs.",
)


def test_namesake_opening_a_sentence_stays_apart(invoke, db_url: str, tmp_path: Path) -> None:
    root = tmp_path / "opener"
    root.mkdir()
    (root / "a-tribune.txt").write_text(OPENER_TRIBUNE, encoding="utf-8")
    (root / "b-ledger.txt").write_text(OPENER_LEDGER, encoding="utf-8")
    (root / "sources.csv").write_text(
        MANIFEST
        + "a-tribune.txt,Harrowgate Tribune,,2024-02-06,Heating\nb-ledger.txt,Kestrel Ledger,,2024-02-05,Grid\n",
        encoding="utf-8",
    )
    ok(invoke(db_url, "ingest", str(root)))
    data = export(invoke, db_url)
    ivan = entity_of(data, "Ivan Kovalenko")["id"]
    said = speakers(data)
    assert said["Marta Kovalenko"] and ivan not in said["Marta Kovalenko"]
    assert entity_of(data, "Marta Kovalenko")["id"] != ivan
