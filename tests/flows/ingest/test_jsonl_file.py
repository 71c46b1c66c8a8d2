import json
from datetime import UTC, datetime
from pathlib import Path

from flows.ingest.jsonl_file import read_jsonl

from .helpers import NOW, read, split


def _line(**fields: str) -> str:
    return json.dumps(fields) + "\n"


def test_jsonl_reads_each_line_as_an_article(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        _line(id="w1", title="T1", text="Body one.", date="2026-01-02", source="S", url="u")
        + "\n"
        + _line(title="T2", text="Body two.", date="2026-01-03T10:00:00Z"),
        encoding="utf-8",
    )
    articles, problems = split(read(read_jsonl, path))
    assert problems == []
    assert [(a.article_id, a.title, a.text, a.source, a.url) for a in articles[:1]] == [
        ("w1", "T1", "Body one.", "S", "u")
    ]
    assert articles[1].published_at == datetime(2026, 1, 3, 10, tzinfo=UTC)
    assert len(articles[1].article_id) == 16


def test_jsonl_truncated_line_is_a_problem_and_the_rest_continues(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    good = _line(text="Good.", date="2026-01-02")
    path.write_text(good + '{"text": "cut off in the mi\n' + "[1, 2]\n" + good, encoding="utf-8")
    articles, problems = split(read(read_jsonl, path))
    assert len(articles) == 2
    assert [(p.source, p.line) for p in problems] == [(str(path), 2), (str(path), 3)]
    assert problems[0].reason.startswith("invalid JSON: Unterminated string")
    assert problems[1].reason == "expected a JSON object, found list"


def test_jsonl_missing_text_and_missing_date_are_reported_by_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(_line(id="x", title="No body") + _line(text="Undated."), encoding="utf-8")
    articles, problems = split(read(read_jsonl, path))
    assert [(p.line, p.reason) for p in problems] == [
        (1, "missing text (only a title)"),
        (2, "no date given; published_at set to ingest time"),
    ]
    assert [a.published_at for a in articles] == [NOW]


def test_jsonl_invalid_utf8_line_is_decoded_with_fallback_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    first = _line(text="Fine.", date="2026-01-02").encode()
    path.write_bytes(first + '{"text": "Caf\u00e9.", "date": "2026-01-02"}\n'.encode("cp1252"))
    articles, problems = split(read(read_jsonl, path))
    offset = len(first) + len('{"text": "Caf')
    assert [(p.line, p.reason) for p in problems] == [
        (2, f"invalid UTF-8 at byte {offset} (decoded as cp1252)")
    ]
    assert articles[1].text == "Caf\u00e9."


def test_jsonl_accepts_alternative_key_names_and_non_string_ids(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    record = {"article_id": 7, "headline": "H", "body": "B.", "published_at": "2026-04-05"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = split(read(read_jsonl, path))[0]
    assert (article.article_id, article.title, article.text) == ("7", "H", "B.")


def test_jsonl_binary_file_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"PK\x03\x04\x00\x00 zip archive")
    articles, problems = split(read(read_jsonl, path))
    assert articles == []
    assert [(p.line, p.reason) for p in problems] == [(0, "binary file (NUL byte at offset 4)")]


def test_jsonl_empty_file_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    articles, problems = split(read(read_jsonl, path))
    assert articles == []
    assert [(p.line, p.reason) for p in problems] == [(0, "empty file")]
