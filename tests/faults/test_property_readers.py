"""Arbitrary input never crashes a reader: it parses or is reported, located.

The bundled-format line parsers are fuzzed on strings in tests/coding/test_dictionaries.py;
here the readers are fuzzed on arbitrary bytes written to files, as a user's file reaches them:
the ingest readers through read_inputs (every format), the dictionary loader on a bundled-layout
folder, and the PETRARCH importers."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coding.dictionaries import load_dictionaries
from coding.errors import DictionaryError
from coding.importers.petrarch_actors import read_actors
from coding.importers.petrarch_agents import read_agents, read_discards
from coding.importers.petrarch_verbs import read_verbs
from coding.records import Article
from flows.ingest import IngestProblem, read_inputs

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SUFFIXES = (".txt", ".jsonl", ".csv", ".xml", ".rss", ".html")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Bytes that look a little like each format, mixed with noise, reach deeper than pure noise.
fragments = st.sampled_from([
    b"{", b"}", b'"id": "x", ', b'"text": "', b"\n", b"\r\n", b"\x00", b"\xff\xfe", b"\xe9",
    b"<rss>", b"<item><title>", b"<Sentence date='20260101' id='1'>", b"<Text>", b"</Text>",
    b"Date: 2026-01-01\n", b"title,text,date\n", b'"', b",", b"<p>", b"Russia attacked Ukraine.",
])
contents = st.lists(st.one_of(fragments, st.binary(max_size=40)), max_size=30).map(b"".join)


def in_file(factory, data: bytes, name: str) -> Path:
    path = factory.mktemp("fuzz") / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


@FUZZ
@given(data=contents, suffix=st.sampled_from(SUFFIXES))
def test_ingest_readers_read_or_report_any_bytes(tmp_path_factory, data, suffix):
    path = in_file(tmp_path_factory, data, f"input{suffix}")
    items = list(read_inputs([path], now=NOW))
    assert all(isinstance(i, Article | IngestProblem) for i in items)
    for item in items:
        if isinstance(item, IngestProblem):
            assert item.source == str(path) and item.line >= 0 and item.reason
            assert "\n" not in str(item)
        else:
            assert item.text.strip() and item.published_at.tzinfo is not None
    assert items, "every file gives at least an article or a problem"


@FUZZ
@given(data=contents, where=st.sampled_from(["verbs/01_x.txt", "actors/x.txt", "agents.txt",
                                            "discards.txt", "cameo_codes.tsv"]))
def test_dictionary_loader_loads_or_raises_a_located_error_on_any_bytes(
    tmp_path_factory, data, where
):
    path = in_file(tmp_path_factory, data, where)
    try:
        dictionaries = load_dictionaries([path.parent if "/" not in where else path.parents[1]])
    except DictionaryError as error:
        assert error.path and error.line >= 0 and error.message
        return
    mine = [p for p in dictionaries.problems if p.path == where]
    assert all(p.line >= 1 and p.message for p in mine)


@FUZZ
@given(data=contents, reader=st.sampled_from([read_actors, read_agents, read_discards,
                                              read_verbs]))
def test_petrarch_readers_parse_or_report_any_bytes(tmp_path_factory, data, reader):
    path = in_file(tmp_path_factory, data, "fuzz.txt")
    try:
        *entries, problems = reader(path)
    except DictionaryError as error:  # undecodable: refused whole, located
        assert error.path.endswith("fuzz.txt") and error.message
        return
    assert all(isinstance(group, list) for group in entries)
    assert all(p.line >= 0 and p.path.endswith("fuzz.txt") for p in problems)
