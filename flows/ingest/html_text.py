"""Text from an HTML fragment (a feed entry's summary), keeping paragraph breaks."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Tags that end a paragraph; everything else (a, b, span, ...) is inline.
BLOCK_TAGS = frozenset(
    "p br div li ul ol h1 h2 h3 h4 h5 h6 blockquote pre table tr section article header footer"
    .split()
)
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})
# Markup in what should be plain text (a scraper that saved the page source): opening or closing
# tags of elements that only web pages have. Two are needed, so "x <b> y" in prose is left alone.
HTML_TAG = re.compile(
    r"</?(?:html|head|body|p|div|span|br|a|b|i|em|strong|script|style|table|tr|td|ul|ol|li|"
    r"h[1-6]|img|iframe|meta|link|section|article|header|footer|nav)\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
MIN_HTML_TAGS = 2


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Visible text with a blank line at each block boundary; normalize_text tidies the rest."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    return "".join(collector.parts)


def html_tag_count(text: str) -> int:
    """How many HTML tags `text` holds, counting up to MIN_HTML_TAGS (enough to decide)."""
    return sum(1 for _, _ in zip(HTML_TAG.finditer(text), range(MIN_HTML_TAGS), strict=False))


def looks_like_html(text: str) -> bool:
    return html_tag_count(text) >= MIN_HTML_TAGS
