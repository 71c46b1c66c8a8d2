import os
from datetime import UTC, datetime
from pathlib import Path

from flows.ingest.text_file import read_text

from .helpers import NOW, read, split

STORY = """
Russian forces shell Kharkiv
Date: 2026-11-20T08:30:00Z
Source: Example Wire
URL: https://example.org/kharkiv

Russian forces shell Kharkiv

Russian forces shelled the Ukrainian city of Kharkiv on Tuesday,
officials said.

The governor said two people were hurt.
"""


def test_text_file_reads_title_headers_and_body(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    articles, problems = split(read(read_text, path))
    assert problems == []
    [article] = articles
    assert article.title == "Russian forces shell Kharkiv"
    assert article.text == (
        "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday, officials said.\n\n"
        "The governor said two people were hurt."
    )  # the body line repeating the title is gone
    assert article.published_at == datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    assert article.source == "Example Wire"
    assert article.url == "https://example.org/kharkiv"
    assert article.ingested_at == NOW
    assert len(article.article_id) == 16


def test_text_file_without_date_header_uses_modification_time_in_utc(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Title\n\nBody text.\n", encoding="utf-8")
    stamp = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC).timestamp()
    os.utime(path, (stamp, stamp))
    articles, problems = split(read(read_text, path))
    assert problems == []
    assert articles[0].published_at == datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)


def test_text_file_with_unparsable_date_reports_its_line_and_uses_ingest_time(
    tmp_path: Path,
) -> None:
    path = tmp_path / "story.txt"
    path.write_text("\nTitle\nDate: next Tuesday-ish\n\nBody.\n", encoding="utf-8")
    articles, problems = split(read(read_text, path))
    assert [(p.line, p.reason) for p in problems] == [
        (3, "unparsable date 'next Tuesday-ish'; published_at set to ingest time")
    ]
    assert articles[0].published_at == NOW


def test_text_file_with_only_a_title_is_a_missing_text_problem(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Title only\nDate: 2026-01-01\n", encoding="utf-8")
    articles, problems = split(read(read_text, path))
    assert articles == []
    assert [(p.source, p.line, p.reason) for p in problems] == [
        (str(path), 1, "missing text (only a title)")
    ]


def test_text_file_empty_or_blank_is_one_empty_file_problem(tmp_path: Path) -> None:
    cases = [("empty.txt", b""), ("blank.txt", b" \n\n\t\n"), ("bom.txt", b"\xef\xbb\xbf")]
    for name, data in cases:
        path = tmp_path / name
        path.write_bytes(data)
        articles, problems = split(read(read_text, path))
        assert articles == []
        assert [p.reason for p in problems] == ["empty file"], name


def test_text_file_with_nul_bytes_is_reported_as_binary(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    articles, problems = split(read(read_text, path))
    assert articles == []
    assert [p.reason for p in problems] == ["binary file (NUL byte at offset 8)"]


def test_text_file_in_cp1252_is_decoded_and_the_fallback_reported(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("Caf\u00e9 talks\n\nThe minister\u2019s caf\u00e9 visit.\n".encode("cp1252"))
    articles, problems = split(read(read_text, path))
    assert [p.reason for p in problems] == ["invalid UTF-8 at byte 3 (decoded as cp1252)"]
    assert articles[0].title == "Caf\u00e9 talks"
    assert articles[0].text == "The minister's caf\u00e9 visit."


def test_text_file_header_keys_are_case_insensitive_and_id_header_sets_the_id(
    tmp_path: Path,
) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Title\nDATE: 2026-02-02\nid: wire-42\n\nBody.\n", encoding="utf-8")
    articles, _ = split(read(read_text, path))
    assert articles[0].article_id == "wire-42"
    assert articles[0].published_at == datetime(2026, 2, 2, tzinfo=UTC)
