"""The library facade (tracker.Tracker) on real SQLite files with the invented articles: every stage through it,
settings from a file, and one error type for every failure."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.articles import ORIGINAL, write_corpus
from tests.test_cli_flags import write_first
from tracker import Settings, Tracker, TrackerError
from tracker.config import SettingsError
from tracker.store.flag_repo import StaleReview


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One SQLite file with the invented corpus and the harbour folder ingested; tests get copies of it."""
    root = tmp_path_factory.mktemp("api")
    write_corpus(root / "corpus")
    write_first(root / "first")
    with Tracker(f"sqlite:///{root / 'template.db'}") as t:
        report = t.ingest([root / "corpus", root / "first"])
    assert report.count("stored") == 7 and not report.failures
    return root / "template.db"


@pytest.fixture
def t(ingested: Path, tmp_path: Path) -> Iterator[Tracker]:
    path = tmp_path / "t.db"
    shutil.copy(ingested, path)
    with Tracker(f"sqlite:///{path}") as tracker:
        yield tracker


def test_ingest_reports_what_it_stored_and_unchanged_files_on_a_second_run(t: Tracker, tmp_path: Path) -> None:
    write_corpus(tmp_path / "again")
    report = t.ingest([tmp_path / "again"])
    assert (report.count("stored"), report.count("unchanged"), report.failures) == (0, 4, [])
    status = t.status()
    assert status.sources == 7
    assert status.flags["conflict"] == 1


def test_claims_filter_by_kind_outlet_entity_and_limit(t: Tracker) -> None:
    everything = list(t.claims())
    assert everything and all(c.quote for c in everything)
    star = list(t.claims(outlet="VELMORA evening star"))
    assert star and {c.outlet for c in star} == {"Velmora Evening Star"}
    kind = everything[0].kind
    assert {c.kind for c in t.claims(kind=kind)} == {kind}
    assert [c.id for c in t.claims(limit=2)] == [c.id for c in everything[:2]]
    mayor = next(e for e in t.entities(kind="person") if e.name == "Ilse Drummond")
    about = list(t.claims(entity=mayor.id))
    assert about and len(about) < len(everything)
    assert any("Drummond" in c.text for c in about)
    with pytest.raises(TrackerError, match="no entity 9999"):
        t.claims(entity=9999)
    with pytest.raises(TrackerError, match="no such source"):
        t.claims(source=9999)


def test_review_with_a_stale_version_is_refused_and_changes_nothing(t: Tracker) -> None:
    [conflict] = list(t.flags(kind="conflict"))
    done = t.review(conflict.id, "confirm", "Ana Sorel", note="minutes checked", expected_version=conflict.version)
    assert (done.from_status, done.to_status, done.version) == ("open", "confirmed", conflict.version + 1)
    with pytest.raises(StaleReview, match="now confirmed at version"):
        t.review(conflict.id, "dismiss", "Karl Odin", expected_version=conflict.version)
    assert [f.status for f in t.flags(kind="conflict")] == ["confirmed"]
    assert [r.reviewer for r in t.history(conflict.id)] == ["Ana Sorel"]
    with pytest.raises(TrackerError, match="not a review action"):
        t.review(conflict.id, "approve", "Ana Sorel")
    with pytest.raises(TrackerError, match="no flag 9999"):
        t.flag(9999)


def test_merge_joins_entities_and_matches_the_claims_again(t: Tracker) -> None:
    places = {e.name: e.id for e in t.entities(kind="place")}
    keep, gone = places["Velmora"], places["Korvast"]
    report = t.merge([keep, gone])
    assert report.entities == len(t.entities())
    assert gone not in {e.id for e in t.entities()}
    assert t.entity(gone).entity.merged_into == keep
    assert t.status().flags["conflict"] == 1  # matched again in the same transaction: the flags are still there
    with pytest.raises(TrackerError, match="cannot merge an entity with itself"):
        t.merge([keep, keep])
    for too_few in ([keep], []):
        with pytest.raises(TrackerError, match="two entities or more"):
            t.merge(too_few)


def test_export_writes_files_or_returns_the_text(t: Tracker, tmp_path: Path) -> None:
    done = t.export("json", tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert done.paths == (tmp_path / "out.json",) and done.text is None
    assert done.counts["sources"] == len(data["sources"]) == 7
    assert ORIGINAL in {Path(s["path"]).name for s in data["sources"]}
    assert json.loads(t.export("json").text or "") == data
    claims_csv, flags_csv = t.export("csv", tmp_path / "claims.csv").paths
    assert flags_csv == tmp_path / "claims-flags.csv" and claims_csv.read_text(encoding="utf-8").startswith("claim_id")
    with pytest.raises(TrackerError, match="csv writes two files"):
        t.export("csv")
    with pytest.raises(TrackerError, match="claimreview needs"):
        t.export("claimreview", tmp_path / "r.jsonld")
    with pytest.raises(TrackerError, match="not an export format"):
        t.export("xml")
    assert not (tmp_path / "r.jsonld").exists()


def test_report_writes_the_pages_and_refuses_a_file_as_folder(t: Tracker, tmp_path: Path) -> None:
    written = t.report(tmp_path / "reports")
    assert written.index.is_file() and written.claims > 0
    (tmp_path / "plain").write_text("not a folder", encoding="utf-8")
    with pytest.raises(TrackerError, match=r"^--output .*plain"):
        t.report(tmp_path / "plain")


# -- settings ----------------------------------------------------------------------------------------------------


def test_settings_file_sets_the_named_values_and_keeps_the_others(tmp_path: Path) -> None:
    path = tmp_path / "tracker.toml"
    path.write_text("[match]\ncorroborate_at = 0.9\nmax_block = 50\n\n[reliability]\ninterval = 0.8\n")
    settings = Settings.from_file(path)
    assert (settings.match.corroborate_at, settings.match.max_block) == (0.9, 50)
    assert settings.reliability.interval == 0.8
    assert settings.match.undated_window_days == Settings().match.undated_window_days
    assert settings.entities == Settings().entities


def test_the_facade_runs_with_its_settings(ingested: Path, tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    shutil.copy(ingested, path)
    (tmp_path / "tracker.toml").write_text("[match]\nmax_block = 1\n")  # no key is rare enough to pair claims
    with Tracker(f"sqlite:///{path}", Settings.from_file(tmp_path / "tracker.toml")) as t:
        assert t.status().flags.get("conflict") == 1
        t.resolve()
        assert t.status().flags.get("conflict") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[match]\ncorroborate_at = 0.9\nmerge_at = 7\n", "[match] unknown key 'merge_at'"),
        ("[match]\nmax_block = 2.5\n", "[match] max_block = 2.5: expected a whole number"),
        ("[match]\ncorroborate_at = 'high'\n", "[match] corroborate_at = 'high': expected a decimal number"),
        ("[ingest]\nworkers = true\n", "[ingest] workers = True: expected a whole number"),
        ("[matching]\nmax_block = 2\n", "unknown section [matching]"),
        ("max_block = 2\n", "max_block is outside any section"),
        ("[match\n", "not valid TOML"),
    ],
)
def test_a_bad_settings_file_is_one_line_naming_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "tracker.toml"
    path.write_text(text)
    with pytest.raises(SettingsError) as raised:
        Settings.from_file(path)
    assert isinstance(raised.value, TrackerError)
    assert str(raised.value).startswith(f"{path}: ") and message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_missing_settings_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="no such settings file"):
        Settings.from_file(tmp_path / "missing.toml")


# -- one error type ------------------------------------------------------------------------------------------------


def test_every_failure_is_a_one_line_tracker_error(ingested: Path, tmp_path: Path) -> None:
    with pytest.raises(TrackerError, match="does not exist"):
        Tracker(f"sqlite:///{tmp_path / 'no' / 'such' / 'dir.db'}").sources()
    with pytest.raises(TrackerError, match="no such file or directory"):
        Tracker(f"sqlite:///{tmp_path / 'x.db'}").ingest([tmp_path / "missing"])
    with pytest.raises(TrackerError, match="is not a date"):
        Tracker(f"sqlite:///{tmp_path / 'x.db'}").add_source(tmp_path / "a.txt", published="2024-13-01")
    # A database that refuses the write: the database's own reason, in one line, as a TrackerError.
    path = tmp_path / "ro.db"
    shutil.copy(ingested, path)
    with Tracker(f"sqlite:///file:{path}?mode=ro&uri=true") as t:
        [conflict] = list(t.flags(kind="conflict"))
        with pytest.raises(TrackerError, match="readonly database") as raised:
            t.review(conflict.id, "confirm", "Ana Sorel")
    assert str(raised.value).startswith("--db ") and "\n" not in str(raised.value)
