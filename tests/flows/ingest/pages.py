"""Fixture documents served or written by the HTML and URL tests."""

PARAGRAPHS = [
    "Kenyan President William Ruto hosted Somali President Hassan Sheikh Mohamud in Nairobi "
    "on Wednesday for talks on border security and trade between the two countries.",
    "The two governments signed an agreement to share intelligence about armed groups along "
    "the border and to reopen two crossing points that have been closed since last year.",
    "Somalia released twelve Kenyan fishermen who had been detained since January, officials "
    "from both countries said after the meeting ended late in the afternoon.",
]

ARTICLE_HTML = f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Kenya and Somalia sign border deal | Example News</title>
<meta property="og:title" content="Kenya and Somalia sign border deal">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2026-05-14T12:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Kenya and Somalia sign border deal</h1>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<p>{PARAGRAPHS[2]}</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Served Wire</title>
<item><guid>served-1</guid><title>Japan protests deployment</title>
<pubDate>Wed, 08 Jul 2026 03:15:00 GMT</pubDate>
<description>Japan lodged a formal protest with China.</description></item>
</channel></rss>
"""
