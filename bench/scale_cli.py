"""The real tracker CLI with a number of ingest workers: ``python bench/scale_cli.py WORKERS --db URL ingest DIR``.

The worker count reaches the ingest as the CLI's own settings file would set it (``--settings`` with
``[ingest] workers = WORKERS``): the CLI runs unchanged.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def settings_file(folder: Path, workers: int) -> Path:
    """A settings file in ``folder`` that sets the number of ingest workers."""
    path = folder / "workers.toml"
    path.write_text(f"[ingest]\nworkers = {workers}\n", encoding="utf-8")
    return path


def main() -> None:
    workers = int(sys.argv[1])
    from tracker.cli import cli

    with tempfile.TemporaryDirectory() as folder:
        cli(args=["--settings", str(settings_file(Path(folder), workers)), *sys.argv[2:]], prog_name="tracker")


if __name__ == "__main__":
    main()
