"""tracker.ingest.discover: which files a command line names, with their sources.csv metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tracker.ingest import IngestError, ManifestError, SourceMeta, discover
from tracker.ingest.reader import ReadError

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


def by_name(found) -> dict[str, object]:
    return {Path(f.given).name: f for f in found}


def test_symlink_to_a_file_inside_the_folder_is_read_as_its_target(tmp_path: Path) -> None:
    root = tmp_path / "in"
    target = touch(root / "sub" / "a.txt")
    (root / "b.txt").symlink_to(Path("sub") / "a.txt")
    (root / "sources.csv").write_text("path,outlet\nsub/a.txt,Velmora Evening Star\n")
    found = by_name(discover([str(root)]))
    assert found["b.txt"].problem is None and found["b.txt"].path == target.resolve()
    assert found["b.txt"].meta.outlet == "Velmora Evening Star"
    assert found["b.txt"].read_bytes() == TEXT.encode()


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda root, outside: (root / "p.txt").symlink_to(outside / "secret.txt"), "a file outside"),
        (lambda root, outside: (root / "p.txt").symlink_to("/dev/zero"), "a file outside"),
        (lambda root, outside: (root / "p.txt").symlink_to(outside), "a folder outside"),
        (lambda root, outside: (root / "p.txt").symlink_to(root / "p.txt"), "symbolic link to nothing"),
        (lambda root, outside: (root / "p.txt").symlink_to(root / "nowhere.txt"), "symbolic link to nothing"),
    ],
    ids=["file-outside", "device-outside", "folder-outside", "loop", "dangling"],
)
def test_symlink_out_of_the_folder_or_to_nothing_is_kept_as_a_failure_and_never_read(
    tmp_path: Path, make, problem: str
) -> None:
    outside = tmp_path / "private"
    touch(outside / "secret.txt")
    root = tmp_path / "in"
    touch(root / "a.txt")
    make(root, outside)
    found = by_name(discover([str(root)]))
    assert found["a.txt"].problem is None
    assert problem in (found["p.txt"].problem or "")
    with pytest.raises(ReadError, match=r"p\.txt: .*" + problem):
        found["p.txt"].read_bytes()


def test_two_symlinks_in_a_loop_do_not_stop_the_walk(tmp_path: Path) -> None:
    touch(tmp_path / "a.txt")
    (tmp_path / "x.txt").symlink_to(tmp_path / "y.txt")
    (tmp_path / "y.txt").symlink_to(tmp_path / "x.txt")
    found = by_name(discover([str(tmp_path)]))
    assert sorted(found) == ["a.txt", "x.txt", "y.txt"]
    assert [name for name, f in found.items() if f.problem] == ["x.txt", "y.txt"]


def test_symlinked_folders_are_not_walked(tmp_path: Path) -> None:
    root = tmp_path / "in"
    touch(root / "sub" / "a.txt")
    (root / "again").symlink_to(root / "sub")  # inside: its files are found once, through the real folder
    (root / "up").symlink_to(root)  # a loop through a folder
    assert [f.given for f in discover([str(root)])] == [str(root / "sub" / "a.txt")]


def test_a_fifo_in_a_folder_is_kept_so_that_it_is_refused_unread(tmp_path: Path) -> None:
    import os

    touch(tmp_path / "a.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    found = by_name(discover([str(tmp_path)]))
    with pytest.raises(ReadError, match=r"pipe\.txt: not a regular file \(a FIFO\)"):
        found["pipe.txt"].read_bytes()


def test_a_symlink_named_on_the_command_line_is_followed_to_a_regular_file(tmp_path: Path) -> None:
    target = touch(tmp_path / "elsewhere" / "a.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    [found] = discover([str(link)])
    assert found.given == str(link) and found.read_bytes() == TEXT.encode()
    device = tmp_path / "zero.txt"
    device.symlink_to("/dev/zero")
    [found] = discover([str(device)])
    with pytest.raises(ReadError, match=r"zero\.txt: not a regular file \(a character device\)"):
        found.read_bytes()


def test_a_symlink_loop_named_on_the_command_line_is_an_error(tmp_path: Path) -> None:
    link = tmp_path / "loop.txt"
    link.symlink_to(link)
    with pytest.raises(IngestError, match=r"loop\.txt: no such file or directory \(a symbolic link to nothing"):
        discover([str(link)])


def test_sources_csv_that_links_out_of_the_folder_refuses_it(tmp_path: Path) -> None:
    (tmp_path / "private.csv").write_text("path,outlet\na.txt,Velmora Evening Star\n")
    root = tmp_path / "in"
    touch(root / "a.txt")
    (root / "sources.csv").symlink_to(tmp_path / "private.csv")
    with pytest.raises(ManifestError, match=r"sources\.csv: a symbolic link to nothing or to a file outside"):
        discover([str(root)])
