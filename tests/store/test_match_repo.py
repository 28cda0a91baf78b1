"""tracker.store.match_repo: the reads matching makes of stored facts."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from tracker import Tracker
from tracker.store import match_repo
from tracker.store.models import Source

STORY = (
    "Floods kill 12 in Korvast province\n\n"
    "At least 12 people have died in floods in Korvast province, in western Velmora, the governor said on "
    "Tuesday.\n\n"
    "Rescuers from Lindby joined the search on Wednesday, the governor said.\n"
)


def test_the_lead_places_are_the_places_the_first_claimed_sentence_names(tmp_path: Path, db_url: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    with Tracker(db_url) as tracker:
        tracker.ingest([path])
        with tracker._session() as session:
            (source_id,) = session.scalars(select(Source.id))
            named = match_repo.lead_names(session, [source_id])
            places = {i: {name for kind, name in found if kind == "place"} for i, found in named.items()}
    # the places of the lead sentence, not Lindby of a later one
    assert places[source_id] >= {"Velmora"}
    assert any("Korvast" in place for place in places[source_id])
    assert not any("Lindby" in place for place in places[source_id])


def test_keys_shared_are_added_up_over_the_parts_a_long_list_of_keys_is_asked_in(tmp_path: Path, db_url: str) -> None:
    """More usable keys than one statement carries (a batch of articles): a pair sharing three of them, two in
    one part and one in another, shares three, not two and one (each under the bar of three)."""
    from tracker.store.models import Claim

    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    with Tracker(db_url) as tracker:
        tracker.ingest([path])
        with tracker._session(write=True) as session:
            a, b = list(session.scalars(select(Claim.id).order_by(Claim.id)))[:2]
            many = {f"w:k{n:04}" for n in range(match_repo.CHUNK + 100)}
            match_repo.replace_keys(session, [a, b], {a: many, b: {"w:k0001", "w:k0002", "w:k0599"}})
            found = [row for row in match_repo.shared_keys(session, [a], many, ("e:",)) if row[1] == b]
    assert found == [(a, b, 3, 0)]


def test_block_sizes_are_counted_to_their_caps_many_keys_a_statement(tmp_path: Path, db_url: str) -> None:
    """Blocks of 1, 3 and 5 claims counted up to a cap of 4 (plus a key's own margin), among more keys than
    one statement counts, most of them filed under no claim."""
    from tracker.store.models import Claim

    for n in range(3):
        (tmp_path / f"story{n}.txt").write_text(STORY.replace("12", str(12 + n)), encoding="utf-8")
    with Tracker(db_url) as tracker:
        tracker.ingest(sorted(tmp_path.glob("story*.txt")))
        with tracker._session(write=True) as session:
            claims = list(session.scalars(select(Claim.id).order_by(Claim.id)))[:5]
            assert len(claims) == 5
            match_repo.clear_index(session)
            keys = {c: {"w:five"} | ({"w:three"} if n < 3 else set()) | ({"w:one"} if n == 0 else set())
                    for n, c in enumerate(claims)}  # fmt: skip
            match_repo.replace_keys(session, keys, keys)
            unused = [f"w:none{n:03}" for n in range(match_repo.SIZES_PER_STATEMENT + 20)]
            sizes = match_repo.block_sizes(session, ["w:one", "w:three", "w:five", *unused], 4)
            margined = match_repo.block_sizes(session, {"w:five": 1, "w:three": -2}, 3)
    assert sizes == {"w:one": 1, "w:three": 3, "w:five": 4}
    assert margined == {"w:five": 4, "w:three": 3}
