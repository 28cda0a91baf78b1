"""Analyse: one parsed document per article (sentences, tokens, parts of speech, dependency parse, named
entities), shared by every later stage."""

from tracker.analyse.document import Document, Entity, Parsed, Sentence, analyse
from tracker.analyse.model import PARSE, ModelMissing, ParseSettings

__all__ = ["PARSE", "Document", "Entity", "ModelMissing", "ParseSettings", "Parsed", "Sentence", "analyse"]
