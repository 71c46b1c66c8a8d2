"""Ingest: read sources (files, folders, feeds, pages) into normalized Article records."""

from flows.ingest.normalize import normalize_text
from flows.ingest.problems import IngestProblem
from flows.ingest.sources import read_inputs

__all__ = ["IngestProblem", "normalize_text", "read_inputs"]
