"""Throughput of the pure stages on a corpus: clean + dates (prepare) and claim extraction alone.

Usage: python bench/extract_speed.py [CORPUS_DIR] [--repeat N]

Prints articles per second for each stage and the peak memory of the extraction pass. Extraction is a
pure function of the clean body, so it is timed on bodies prepared beforehand.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

from tracker.analyse import analyse
from tracker.extract import extract_claims
from tracker.ingest import discover
from tracker.pipeline import prepare

DEFAULT_CORPUS = Path(__file__).resolve().parents[1] / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    files = discover([args.corpus])
    prepare(files[0])  # warm up: imports, the sentence segmenter, the HTML extractor

    started = time.perf_counter()
    prepared = [prepare(f) for _ in range(args.repeat) for f in files]
    prepare_seconds = time.perf_counter() - started

    started = time.perf_counter()
    documents = [(analyse(s.text, s.passages), s.published) for s in prepared]
    analyse_seconds = time.perf_counter() - started

    started = time.perf_counter()
    claims = sum(len(extract_claims(d, published)) for d, published in documents)
    extract_seconds = time.perf_counter() - started

    # memory is measured on a separate pass: tracemalloc slows Python down several times
    tracemalloc.start()
    for d, published in documents:
        extract_claims(d, published)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    articles = len(prepared)
    print(f"corpus: {args.corpus} ({len(files)} articles x {args.repeat})")
    print(f"prepare (decode, clean, dates, claims): {articles / prepare_seconds:.1f} articles/s")
    print(f"parse only (analyse): {articles / analyse_seconds:.1f} articles/s")
    print(f"extract claims only: {articles / extract_seconds:.1f} articles/s, {claims / extract_seconds:.0f} claims/s")
    print(f"extract peak memory (tracemalloc): {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
