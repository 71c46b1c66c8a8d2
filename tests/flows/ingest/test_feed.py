from datetime import UTC, datetime
from pathlib import Path

from flows.ingest.feed import read_feed
from flows.ingest.html_text import html_to_text

from .helpers import read, split

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Example Wire</title>
<item>
  <guid>https://example.org/1</guid>
  <title>Germany pledges aid to Ukraine</title>
  <link>https://example.org/1</link>
  <pubDate>Fri, 20 Nov 2026 08:30:00 +0100</pubDate>
  <description>&lt;p&gt;Germany pledged aid to Ukraine.&lt;/p&gt;
    &lt;p&gt;Talks follow.&lt;/p&gt;</description>
</item>
<item>
  <title>Headline only</title>
  <pubDate>Fri, 20 Nov 2026 09:00:00 GMT</pubDate>
</item>
<item>
  <title>Undated</title>
  <description>Kenya hosted talks.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Atom Desk</title>
<entry>
  <id>urn:example:42</id>
  <title>Japan protests deployment</title>
  <link href="https://example.org/42"/>
  <updated>2026-07-08T03:15:00Z</updated>
  <content type="html">&lt;p&gt;Japan lodged a protest with China.&lt;/p&gt;</content>
</entry>
</feed>
"""


def test_rss_entries_become_articles_with_feed_title_as_source(tmp_path: Path) -> None:
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    articles, problems = split(read(read_feed, path))
    first = articles[0]
    assert (first.article_id, first.title, first.source, first.url) == (
        "https://example.org/1",
        "Germany pledges aid to Ukraine",
        "Example Wire",
        "https://example.org/1",
    )
    assert first.text == "Germany pledged aid to Ukraine.\n\nTalks follow."
    assert first.published_at == datetime(2026, 11, 20, 7, 30, tzinfo=UTC)
    assert [(p.line, p.reason) for p in problems] == [
        (0, "entry 2: missing text (only a title)"),
        (0, "entry 3: no date given; published_at set to ingest time"),
    ]
    assert [a.title for a in articles] == ["Germany pledges aid to Ukraine", "Undated"]


def test_atom_entry_reads_content_id_link_and_updated_date(tmp_path: Path) -> None:
    path = tmp_path / "desk.atom"
    path.write_text(ATOM, encoding="utf-8")
    articles, problems = split(read(read_feed, path))
    assert problems == []
    [article] = articles
    assert (article.article_id, article.url, article.source) == (
        "urn:example:42",
        "https://example.org/42",
        "Atom Desk",
    )
    assert article.text == "Japan lodged a protest with China."
    assert article.published_at == datetime(2026, 7, 8, 3, 15, tzinfo=UTC)


def test_feed_that_is_not_a_feed_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("just some words, no markup", encoding="utf-8")
    articles, problems = split(read(read_feed, path))
    assert articles == []
    assert [p.reason for p in problems] == ["not a readable feed: syntax error"]


def test_truncated_feed_is_reported_and_its_entries_still_read(tmp_path: Path) -> None:
    path = tmp_path / "cut.rss"
    path.write_text(RSS[: RSS.index("<item>\n  <title>Headline only")], encoding="utf-8")
    articles, problems = split(read(read_feed, path))
    assert [a.title for a in articles] == ["Germany pledges aid to Ukraine"]
    assert len(problems) == 1
    assert problems[0].reason.startswith("feed is not well-formed")
    assert problems[0].reason.endswith("its entries were read anyway")


def test_html_to_text_keeps_paragraphs_and_drops_scripts() -> None:
    markup = "<p>One <b>bold</b> line.</p><script>var x = 1;</script><p>Two &amp; three.</p>"
    assert " ".join(html_to_text(markup).split()) == "One bold line. Two & three."
    assert html_to_text(markup).count("\n\n") >= 2
