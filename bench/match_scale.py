"""Benchmark: cross-outlet matching at about 1k, 10k and 100k claims, time and peak memory per stage.

The synthetic corpus is the dev corpus's claims, ingested once, then copied with varied names, words,
numbers, dates and outlets: each copy reads like another set of stories (its people and places renamed, half
its other words varied, its dates moved by months), so copies do not match each other wholesale but share
the common vocabulary of news prose, as a real archive does.

    python bench/match_scale.py [CORPUS] [--sizes 1000,10000,100000]

Matching must grow sub-quadratically: the script prints the ratio of times between sizes (10x the claims
must take at most 15x the time).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import itertools
import random
import re
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from tracker.config import MATCH
from tracker.ingest import discover
from tracker.match.compare import ClaimFacts, CorpusFacts, EntityInfo, MatchResult, Reading, _clusters, compare
from tracker.match.pairs import candidate_pairs
from tracker.match.run import load_claim_facts, load_entities
from tracker.pipeline import ingest
from tracker.store import open_store, session_scope

_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_WORD = re.compile(r"\b[a-z]{4,}\b")
_NUMBER = re.compile(r"\b\d[\d,]*\b")
_SYLLABLES = ("ka", "lo", "mi", "ra", "te", "vu", "sen", "dor", "bel", "nik", "zo", "har")


def base_corpus(corpus: str) -> tuple[list[ClaimFacts], dict[int, EntityInfo]]:
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_store(f"sqlite:///{Path(tmp) / 'bench.db'}")
        ingest(engine, discover([corpus]))
        with session_scope(engine) as session:
            claims, entities = load_claim_facts(session), load_entities(session)
        engine.dispose()
    return claims, entities


def _tag(k: int) -> str:
    rng = random.Random(k)
    return "".join(rng.choice(_SYLLABLES) for _ in range(2))


def synthetic(claims: list[ClaimFacts], entities: dict[int, EntityInfo], size: int):
    """``size`` claims: copy k renames capitals, varies half the words, shifts dates and numbers."""
    out: list[ClaimFacts] = []
    all_entities: dict[int, EntityInfo] = {}
    span = max(entities) + 1 if entities else 1
    k = 0
    while len(out) < size:
        tag = _tag(k)
        rng = random.Random(1000 + k)
        shift = dt.timedelta(days=45 * k)
        for e in entities.values():
            new_id = e.id + k * span
            forms = frozenset(" ".join(w + tag for w in f.split()) for f in e.forms)
            all_entities[new_id] = EntityInfo(new_id, e.name, e.type, forms)
        for c in claims:
            if len(out) >= size:
                break
            text = _CAPITALISED.sub(lambda m, tag=tag: m.group(0) + tag, c.text)
            text = _WORD.sub(lambda m, tag=tag, rng=rng: m.group(0) + tag if rng.random() < 0.5 else m.group(0), text)
            factor = 1 + k % 7
            text = _NUMBER.sub(lambda m, factor=factor: str(int(m.group(0).replace(",", "")) * factor), text)
            out.append(
                dataclasses.replace(
                    c,
                    id=c.id + k * 1_000_000,
                    source_id=c.source_id + k * 10_000,
                    outlet=f"{c.outlet} {tag}",
                    published=c.published + shift if c.published else None,
                    time_first=c.time_first + shift if c.time_first else None,
                    time_last=c.time_last + shift if c.time_last else None,
                    text=text,
                    entities=frozenset(e + k * span for e in c.entities),
                )
            )
        k += 1
    return out, all_entities


def measure(label: str, work):
    tracemalloc.start()
    started = time.perf_counter()
    value = work()
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"  {label:<10} {seconds:8.2f} s  peak {peak / 2**20:8.1f} MiB", flush=True)
    return value, seconds


def run(claims, entities) -> float:
    readings, t_read = measure("read", lambda: {c.id: Reading(c, entities) for c in claims})
    pairs, t_pairs = measure("pairs", lambda: list(candidate_pairs(list(readings.values()), MATCH)))

    corpus = CorpusFacts.of(list(readings.values()))

    def decide():
        result = MatchResult()
        corroborating = []
        for a, b in pairs:
            ra, rb = readings[a], readings[b]
            if ra.claim.source_id == rb.claim.source_id or ra.claim.outlet == rb.claim.outlet:
                continue
            result.pairs_compared += 1
            verdict = compare(ra, rb, entities, MATCH, corpus)
            if verdict and verdict.kind == "corroboration":
                corroborating.append((1.0, a, b, verdict))
            elif verdict:
                result.links.append(verdict)
        _clusters(corroborating, {i: r.claim for i, r in readings.items()}, result)
        return result

    result, t_decide = measure("compare", decide)
    total = t_read + t_pairs + t_decide
    print(
        f"  {len(claims):,} claims: {len(pairs):,} candidate pairs, {result.pairs_compared:,} compared, "
        f"{len(result.links):,} links; total {total:.2f} s"
    )
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/corpus/dev"))
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    base, entities = base_corpus(args.corpus)
    print(f"base: {len(base)} claims from {args.corpus}")
    totals = []
    for size in (int(s) for s in args.sizes.split(",")):
        claims, all_entities = synthetic(base, entities, size)
        print(f"{size:,} claims")
        totals.append((size, run(claims, all_entities)))
    for (n1, t1), (n2, t2) in itertools.pairwise(totals):
        print(f"{n2 // n1}x the claims: {t2 / t1:.1f}x the time (limit 15x)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
