import pytest

from flows.ingest.kinds import kind_of


@pytest.mark.parametrize(
    ("name", "head", "media_type", "expected"),
    [
        ("a/story.TXT", b"", "", "text"),
        ("a.ndjson", b"", "", "jsonl"),
        ("a.csv", b"", "", "csv"),
        ("a.htm", b"", "", "html"),
        ("wire.atom", b"", "", "feed"),
        ("feed.xml", b'<?xml version="1.0"?><rss version="2.0">', "", "feed"),
        ("sample.xml", b"<!-- header -->\n<Sentences>\n<Sentence date=", "", "petrarch"),
        ("other.xml", b"<?xml version='1.0'?><catalog/>", "", None),
        ("report.pdf", b"%PDF-1.7", "", None),
        ("https://e.org/news/story.html?x=1", b"", "text/plain", "html"),
        ("https://e.org/feed", b"<?xml version='1.0'?><feed>", "application/atom+xml", "feed"),
        ("https://e.org/feed", b"<?xml version='1.0'?><rss>", "", "feed"),
        ("https://e.org/page", b"<!DOCTYPE html><html>", "", "html"),
        ("https://e.org/data", b"{}", "application/x-ndjson", "jsonl"),
        ("https://e.org/blob", b"\x00\x01", "application/octet-stream", None),
    ],
)
def test_kind_of_uses_name_then_media_type_then_content(
    name: str, head: bytes, media_type: str, expected: str | None
) -> None:
    assert kind_of(name, head, media_type) == expected
