"""The real tracker CLI with a number of ingest workers: ``python bench/scale_cli.py WORKERS --db URL ingest DIR``.

``IngestSettings.workers`` (tracker/config.py) has no CLI option, environment variable or settings file yet, so
this sets it as the default settings of ``tracker.pipeline.ingest`` and then runs the CLI unchanged.
"""

from __future__ import annotations

import dataclasses
import inspect
import sys

from tracker import pipeline
from tracker.config import INGEST


def with_workers(workers: int) -> None:
    """Make ``pipeline.ingest`` default to ``workers`` preparation processes (the CLI passes no settings)."""
    function = pipeline.ingest
    defaulted = [p for p in inspect.signature(function).parameters.values() if p.default is not p.empty]
    if "settings" not in [p.name for p in defaulted]:
        raise SystemExit(
            "bench: tracker.pipeline.ingest takes no settings argument any more; update bench/scale_cli.py"
        )
    settings = dataclasses.replace(INGEST, workers=workers)
    function.__defaults__ = tuple(settings if p.name == "settings" else p.default for p in defaulted)


def main() -> None:
    with_workers(int(sys.argv[1]))
    from tracker.cli import cli

    cli(args=sys.argv[2:], prog_name="tracker")


if __name__ == "__main__":
    main()
