from datetime import UTC, datetime
from pathlib import Path

from flows.ingest.html_page import read_html

from .helpers import read, split
from .pages import ARTICLE_HTML, PARAGRAPHS


def test_html_page_main_text_title_date_and_site_are_extracted(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(ARTICLE_HTML, encoding="utf-8")
    articles, problems = split(read(read_html, path))
    assert problems == []
    [article] = articles
    assert article.title == "Kenya and Somalia sign border deal"
    assert article.text == "\n\n".join(PARAGRAPHS)  # no navigation, no footer
    assert article.published_at == datetime(2026, 5, 14, tzinfo=UTC)
    assert article.source == "Example News"


def test_html_page_without_main_text_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", "utf-8")
    articles, problems = split(read(read_html, path))
    assert articles == []
    assert [p.reason for p in problems] == ["no main text found in the HTML page"]
