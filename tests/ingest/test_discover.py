"""tracker.ingest.discover: which files a command line names, with their sources.csv metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tracker.ingest import IngestError, ManifestError, SourceMeta, discover

TEXT = "An article about the Velmora ferry terminal.\n"


def touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_folder_is_walked_recursively_in_stable_order_skipping_docs_and_hidden(tmp_path: Path) -> None:
    root = tmp_path / "in"
    for name in (
        "b.txt",
        "a.html",
        "sub/c.md",
        "sub/d.htm",
        "README.md",
        "notes.txt",
        ".hidden.txt",
        ".cache/e.txt",
        "photo.jpg",
        "data.csv",
    ):
        touch(root / name)
    found = discover([str(root)])
    assert [f.given for f in found] == [
        str(root / "a.html"),
        str(root / "b.txt"),
        str(root / "sub" / "c.md"),
        str(root / "sub" / "d.htm"),
    ]
    assert [f.is_html for f in found] == [True, False, False, True]


def test_a_file_named_twice_is_ingested_once(tmp_path: Path) -> None:
    path = touch(tmp_path / "a.txt")
    found = discover([str(path), str(tmp_path), "a.txt"])
    assert len(found) == 1
    assert found[0].given == str(path)


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match=r"nothere\.txt: no such file or directory"):
        discover([str(tmp_path / "nothere.txt")])


def test_unsupported_file_type_named_explicitly_is_an_error(tmp_path: Path) -> None:
    path = touch(tmp_path / "story.pdf")
    with pytest.raises(IngestError, match=r"story\.pdf: unsupported file type"):
        discover([str(path)])


def test_folder_metadata_comes_from_its_sources_csv(tmp_path: Path) -> None:
    touch(tmp_path / "a.txt")
    touch(tmp_path / "b.txt")
    (tmp_path / "sources.csv").write_text("path,outlet,published\na.txt,Velmora Evening Star,2023-03-09\n")
    found = {Path(f.given).name: f.meta for f in discover([str(tmp_path)])}
    assert found == {
        "a.txt": SourceMeta(outlet="Velmora Evening Star", published=dt.date(2023, 3, 9)),
        "b.txt": SourceMeta(),
    }


def test_sources_csv_row_for_a_file_in_a_subfolder_is_applied(tmp_path: Path) -> None:
    touch(tmp_path / "sub" / "a.txt")
    touch(tmp_path / "sub" / "b.txt")
    (tmp_path / "sources.csv").write_text("path,outlet\nsub/a.txt,Velmora Evening Star\nsub/b.txt,Outer\n")
    (tmp_path / "sub" / "sources.csv").write_text("path,outlet\nb.txt,Inner\n")
    found = {Path(f.given).name: f.meta.outlet for f in discover([str(tmp_path)])}
    # The row in the parent folder is not lost; the subfolder's own sources.csv wins where both speak.
    assert found == {"a.txt": "Velmora Evening Star", "b.txt": "Inner"}


def test_broken_symlink_in_a_folder_is_kept_so_that_it_is_reported(tmp_path: Path) -> None:
    touch(tmp_path / "a.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert sorted(Path(f.given).name for f in discover([str(tmp_path)])) == ["a.txt", "gone.txt"]


def test_malformed_sources_csv_refuses_the_folder(tmp_path: Path) -> None:
    touch(tmp_path / "a.txt")
    (tmp_path / "sources.csv").write_text("path,byline\na.txt,Ilse Drummond\n")
    with pytest.raises(ManifestError, match="unknown column 'byline'"):
        discover([str(tmp_path)])
