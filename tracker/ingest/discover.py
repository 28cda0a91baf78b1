"""Find the article files named on the command line, with the metadata their sources.csv gives."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tracker.errors import TrackerError
from tracker.ingest.manifest import MANIFEST_NAME, SourceMeta, read_manifest

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
# Conventional documentation files that sit beside articles in a folder; never articles themselves.
DOC_STEMS = ("readme", "notes", "license", "licence", "changelog", "contributing")


class IngestError(TrackerError, ValueError):
    """A path given on the command line cannot be ingested at all."""


@dataclass(frozen=True)
class InputFile:
    """One article file to ingest; ``given`` is the path as the user named it (kept for export)."""

    path: Path
    given: str
    meta: SourceMeta = field(default_factory=SourceMeta)

    @property
    def is_html(self) -> bool:
        return self.path.suffix.lower() in {".html", ".htm"}


def discover(paths: list[str]) -> list[InputFile]:
    """Expand files and directories (recursively) into article files, in a stable order.

    Raises IngestError for a missing path or an explicitly named file of an unsupported type, and
    ManifestError for a malformed sources.csv, before anything is read or stored.
    """
    found: dict[Path, InputFile] = {}
    for given in paths:
        path = Path(given)
        if not path.exists():
            raise IngestError(f"{given}: no such file or directory")
        if path.is_dir():
            for item in _walk_directory(path):
                found.setdefault(item.path, item)
        else:
            if path.suffix.lower() not in ARTICLE_SUFFIXES:
                raise IngestError(f"{given}: unsupported file type (use .txt, .md, .html or .htm)")
            resolved = path.resolve()
            found.setdefault(resolved, InputFile(resolved, given))
    return list(found.values())


def _walk_directory(root: Path) -> list[InputFile]:
    items: list[InputFile] = []
    # Rows of every sources.csv read so far: a folder's sources.csv may name files in its subfolders
    # ("sub/a.txt"), and a folder is always walked before its subfolders. The nearest sources.csv wins.
    listed: dict[Path, SourceMeta] = {}
    for directory in sorted([root, *[p for p in root.rglob("*") if p.is_dir()]]):
        if _hidden(directory.relative_to(root)):
            continue
        manifest_path = directory / MANIFEST_NAME
        if manifest_path.is_file():
            listed.update(read_manifest(manifest_path))
        # A broken symbolic link is kept: reading it fails, so it is listed among the failures, not skipped.
        for file in sorted(p for p in directory.iterdir() if p.is_file() or _broken_link(p)):
            if not _is_article(file):
                continue
            resolved = file.resolve()
            items.append(InputFile(resolved, str(file), listed.get(resolved, SourceMeta())))
    return items


def _broken_link(path: Path) -> bool:
    return path.is_symlink() and not path.exists()


def _is_article(file: Path) -> bool:
    if file.name.startswith(".") or file.suffix.lower() not in ARTICLE_SUFFIXES:
        return False
    return not file.stem.lower().startswith(DOC_STEMS)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
