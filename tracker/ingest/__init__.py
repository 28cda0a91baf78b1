"""Ingest: turn files on disk (and an optional sources.csv) into decoded documents with their metadata."""

from tracker.ingest.decode import DecodeError, decode_bytes
from tracker.ingest.discover import IngestError, InputFile, discover
from tracker.ingest.manifest import ManifestError, SourceMeta, read_manifest

__all__ = [
    "DecodeError",
    "IngestError",
    "InputFile",
    "ManifestError",
    "SourceMeta",
    "decode_bytes",
    "discover",
    "read_manifest",
]
