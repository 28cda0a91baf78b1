"""tracker.ingest.manifest: a folder's sources.csv, read strictly so no article gets wrong metadata."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tracker.ingest import ManifestError, SourceMeta, read_manifest


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    for name in ("a.txt", "b.html", "c.md"):
        (root / name).write_text("An article about the Velmora ferry terminal.\n", encoding="utf-8")
    return root


def write(folder: Path, text: str, encoding: str = "utf-8") -> Path:
    path = folder / "sources.csv"
    path.write_text(text, encoding=encoding)
    return path


def test_good_manifest_maps_resolved_paths_to_metadata(folder: Path) -> None:
    path = write(
        folder,
        "path,outlet,url,published,title\n"
        'a.txt,Velmora Evening Star,https://star.example/ferry,2023-03-09,"Council backs ferry, at last"\n'
        "b.html,,,,\n"
        "c.md,Northbay Courier,,2023-03-10T08:30:00,\n",
    )
    rows = read_manifest(path)
    assert rows == {
        (folder / "a.txt").resolve(): SourceMeta(
            outlet="Velmora Evening Star",
            url="https://star.example/ferry",
            published=dt.date(2023, 3, 9),
            title="Council backs ferry, at last",
        ),
        (folder / "b.html").resolve(): SourceMeta(),
        (folder / "c.md").resolve(): SourceMeta(outlet="Northbay Courier", published=dt.date(2023, 3, 10)),
    }


def test_columns_may_come_in_any_order_and_only_path_is_required(folder: Path) -> None:
    path = write(folder, "title,path\nFerry vote,a.txt\n")
    assert read_manifest(path) == {(folder / "a.txt").resolve(): SourceMeta(title="Ferry vote")}


def test_byte_order_mark_and_crlf_are_accepted(folder: Path) -> None:
    path = folder / "sources.csv"
    path.write_bytes("\ufeffpath,outlet\r\na.txt,Velmora Evening Star\r\n".encode())
    assert read_manifest(path) == {(folder / "a.txt").resolve(): SourceMeta(outlet="Velmora Evening Star")}


def test_unknown_column_is_named(folder: Path) -> None:
    path = write(folder, "path,outlet,author\na.txt,Velmora Evening Star,Ilse Drummond\n")
    with pytest.raises(ManifestError, match="unknown column 'author'") as error:
        read_manifest(path)
    assert str(path) in str(error.value)


def test_row_naming_a_missing_file_names_the_file_and_line(folder: Path) -> None:
    path = write(folder, "path,outlet\na.txt,Star\nmissing-story.txt,Star\n")
    with pytest.raises(ManifestError, match=r"sources\.csv:3: names 'missing-story.txt', which does not exist"):
        read_manifest(path)


@pytest.mark.parametrize("value", ["17.12.2021", "2021-02-30", "yesterday", "2021/12/17"])
def test_bad_date_is_an_error(folder: Path, value: str) -> None:
    path = write(folder, f"path,published\na.txt,{value}\n")
    with pytest.raises(ManifestError, match=r"sources\.csv:2: published .* is not a date"):
        read_manifest(path)


def test_missing_path_column_is_an_error(folder: Path) -> None:
    path = write(folder, "file,outlet\na.txt,Star\n")
    with pytest.raises(ManifestError, match="no 'path' column"):
        read_manifest(path)


def test_empty_manifest_has_no_path_column(folder: Path) -> None:
    with pytest.raises(ManifestError, match="no 'path' column"):
        read_manifest(write(folder, ""))


def test_empty_path_cell_is_an_error(folder: Path) -> None:
    with pytest.raises(ManifestError, match=r":2: empty path"):
        read_manifest(write(folder, "path,outlet\n,Star\n"))


def test_more_cells_than_columns_is_an_error(folder: Path) -> None:
    with pytest.raises(ManifestError, match=r":2: more cells than columns"):
        read_manifest(write(folder, "path,outlet\na.txt,Star,extra\n"))


def test_manifest_that_is_not_utf8_is_an_error(folder: Path) -> None:
    path = folder / "sources.csv"
    path.write_bytes("path,outlet\na.txt,Gazette de Montclaire \u00e9t\u00e9\n".encode("latin-1"))
    with pytest.raises(ManifestError, match="not UTF-8"):
        read_manifest(path)


@pytest.mark.parametrize(
    "value", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,hi", "/story", "ledger.example/story"]
)
def test_url_that_is_not_absolute_http_refuses_the_folder_naming_the_row(folder: Path, value: str) -> None:
    path = write(folder, f'path,url\na.txt,https://star.example/ferry\nb.html,"{value}"\n')
    with pytest.raises(ManifestError, match=r"sources\.csv:3: url .* is not an absolute http\(s\) URL") as error:
        read_manifest(path)
    assert "\n" not in str(error.value)


def test_url_with_a_tab_inside_is_refused(folder: Path) -> None:
    path = write(folder, 'path,url\na.txt,"java\tscript:alert(1)"\n')
    with pytest.raises(ManifestError, match=r"sources\.csv:2: url 'java\\tscript:alert\(1\)' contains a space"):
        read_manifest(path)


def test_url_scheme_is_stored_in_lower_case(folder: Path) -> None:
    path = write(folder, "path,url\na.txt,HTTPS://star.example/ferry\n")
    assert read_manifest(path)[(folder / "a.txt").resolve()].url == "https://star.example/ferry"


@pytest.mark.parametrize(
    ("cell", "problem"),
    [
        ("../outside.txt", "outside the folder"),
        ("sub/../a.txt", "outside the folder"),
        ("/etc/passwd", "outside the folder"),
        ("link.txt", "symbolic link to nothing or to a file outside"),
        ("loop.txt", "symbolic link to nothing or to a file outside"),
        ("pipe.txt", "not a regular file (a FIFO)"),
    ],
)
def test_a_row_must_name_a_regular_file_inside_the_folder(folder: Path, cell: str, problem: str) -> None:
    import os

    (folder.parent / "outside.txt").write_text("private")
    (folder / "link.txt").symlink_to(folder.parent / "outside.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    path = write(folder, f"path,outlet\na.txt,Velmora Evening Star\n{cell},Northbay Courier\n")
    with pytest.raises(ManifestError) as caught:
        read_manifest(path)
    assert str(caught.value).startswith(f"{path}:3: names {cell!r}")
    assert problem in str(caught.value)


def test_a_row_may_name_a_symlink_to_a_file_inside_the_folder(folder: Path) -> None:
    (folder / "alias.txt").symlink_to(folder / "a.txt")
    rows = read_manifest(write(folder, "path,outlet\nalias.txt,Velmora Evening Star\n"))
    assert rows == {(folder / "a.txt").resolve(): SourceMeta(outlet="Velmora Evening Star")}


def test_an_outlet_wider_than_its_column_is_refused_naming_the_row(folder: Path) -> None:
    from tracker.store.limits import OUTLET_NAME

    assert read_manifest(write(folder, f"path,outlet\na.txt,{'x' * OUTLET_NAME}\n"))
    path = write(folder, f"path,outlet\na.txt,{'x' * (OUTLET_NAME + 1)}\n")
    with pytest.raises(ManifestError, match=rf":2: outlet is {OUTLET_NAME + 1} characters long; at most {OUTLET_NAME}"):
        read_manifest(path)


@pytest.mark.parametrize("column", ["outlet", "title"])
def test_a_control_character_in_a_cell_is_refused(folder: Path, column: str) -> None:
    path = write(folder, f'path,{column}\na.txt,"Velmora\x00Star"\n')
    with pytest.raises(ManifestError, match=rf":2: {column} contains a control character \(U\+0000\)"):
        read_manifest(path)


def test_sources_csv_that_is_not_a_regular_file_refuses_the_folder(folder: Path) -> None:
    import os

    os.mkfifo(folder / "sources.csv")
    with pytest.raises(ManifestError, match=r"sources\.csv: not a regular file \(a FIFO\)"):
        read_manifest(folder / "sources.csv")
