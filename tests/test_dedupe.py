"""tracker.dedupe: a syndicated copy is recognised, another outlet's own report on the event is not."""

from __future__ import annotations

from tests.articles import FERRY, FERRY_BODY, FERRY_COPY, FERRY_OTHER_REPORT, ORCHARD
from tracker.clean import clean_text
from tracker.config import DedupeSettings
from tracker.dedupe import Fingerprint, find_original, sample, shingles


def fingerprint(source_id: int, text: str) -> Fingerprint:
    return Fingerprint(source_id, shingles(clean_text(text).body))


def test_syndicated_copy_is_a_duplicate_of_the_original() -> None:
    earlier = [fingerprint(1, ORCHARD), fingerprint(2, FERRY)]
    match = find_original(shingles(clean_text(FERRY_COPY).body), earlier)
    assert match is not None
    assert match.original_id == 2
    assert 0.6 <= match.containment < 1.0  # a few words were changed


def test_copy_matches_the_first_stored_of_several_originals() -> None:
    earlier = [fingerprint(1, FERRY), fingerprint(2, FERRY)]
    match = find_original(shingles(clean_text(FERRY_COPY).body), earlier)
    assert match is not None and match.original_id == 1


def test_other_report_on_the_same_event_is_not_a_copy() -> None:
    earlier = [fingerprint(1, FERRY), fingerprint(2, ORCHARD)]
    assert find_original(shingles(clean_text(FERRY_OTHER_REPORT).body), earlier) is None


def test_identical_body_has_full_containment() -> None:
    match = find_original(shingles(clean_text(FERRY).body), [fingerprint(7, FERRY)])
    assert match is not None and match.original_id == 7 and match.containment == 1.0


def test_copy_with_an_extra_paragraph_is_still_a_copy() -> None:
    longer = FERRY + "\nThe regional government welcomed the decision and promised to speed up the permits.\n"
    match = find_original(shingles(clean_text(longer).body), [fingerprint(3, FERRY)])
    assert match is not None and match.original_id == 3


def test_short_bodies_are_never_called_copies() -> None:
    body = "Officials in Brindlemoor said on Tuesday that the new footbridge would open next spring."
    assert len(body.split()) < DedupeSettings().min_words
    assert shingles(body) == frozenset()
    assert find_original(shingles(body), [Fingerprint(1, shingles(body * 5))]) is None


def test_shingles_ignore_case_and_punctuation_and_are_stable() -> None:
    body = " ".join(FERRY_BODY)
    assert shingles(body) == shingles(body.upper().replace(",", " ;"))
    # The shingle of "the council of velmora approved" is a fixed number (crc32), not hash(), which changes
    # from one process to the next: fingerprints of stored sources must compare across runs.
    assert 2089732137 in shingles(body)


def test_settings_change_the_threshold() -> None:
    strict = DedupeSettings(min_containment=0.99)
    earlier = [fingerprint(1, FERRY)]
    assert find_original(shingles(clean_text(FERRY_COPY).body), earlier, strict) is None
    assert find_original(shingles(clean_text(FERRY_COPY).body), earlier) is not None


def test_a_copy_shares_most_of_its_originals_samples() -> None:
    original, copy = sample(shingles(clean_text(FERRY).body)), sample(shingles(clean_text(FERRY_COPY).body))
    assert original and len(original & copy) >= len(original) // 2


def test_another_outlets_report_shares_no_sample() -> None:
    original, other = sample(shingles(clean_text(FERRY).body)), sample(shingles(clean_text(FERRY_OTHER_REPORT).body))
    assert not original & other


def test_a_short_body_is_filed_under_its_smallest_shingles() -> None:
    few = shingles(clean_text(FERRY).body)
    settings = DedupeSettings(sample_every=2**40, sample_least=5)
    assert sample(few, settings) == frozenset(sorted(few)[:5])
