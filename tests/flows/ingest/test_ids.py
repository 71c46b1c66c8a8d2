import re

from flows.ingest.ids import article_id, content_id


def test_content_id_is_16_hex_digits_and_the_same_across_calls() -> None:
    first = content_id("Germany pledges aid", "Germany pledged aid to Ukraine.")
    assert re.fullmatch(r"[0-9a-f]{16}", first)
    assert content_id("Germany pledges aid", "Germany pledged aid to Ukraine.") == first


def test_content_id_ignores_whitespace_and_line_wrapping() -> None:
    tidy = content_id("Germany pledges aid", "Germany pledged aid.\n\nTalks follow.")
    messy = content_id("  Germany  pledges\naid ", "Germany   pledged\naid.\n \n\n Talks follow. ")
    assert messy == tidy


def test_content_id_changes_when_the_words_change() -> None:
    assert content_id("T", "Germany pledged aid.") != content_id("T", "Germany denied aid.")
    assert content_id("T", "Body.") != content_id("U", "Body.")


def test_content_id_keeps_title_and_text_apart() -> None:
    assert content_id("A B", "C") != content_id("A", "B C")


def test_article_id_prefers_the_publisher_id_verbatim() -> None:
    assert article_id("  AFP0808020625_4 ", "T", "Body.") == "AFP0808020625_4"
    assert article_id("", "T", "Body.") == content_id("T", "Body.")
