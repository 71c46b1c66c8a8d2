from datetime import UTC, datetime
from pathlib import Path

from flows.ingest.csv_file import read_csv

from .helpers import read, split


def test_csv_with_header_reads_rows_and_multiline_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "id,title,text,date,source,url\n"
        'n1,First,"Body, with a comma\nand a wrapped line.",2026-05-01,Wire,https://e.org/1\n'
        "n2,Second,Second body.,2026-05-02,,\n",
        encoding="utf-8",
    )
    articles, problems = split(read(read_csv, path))
    assert problems == []
    assert [(a.article_id, a.text) for a in articles] == [
        ("n1", "Body, with a comma and a wrapped line."),
        ("n2", "Second body."),
    ]
    assert articles[0].published_at == datetime(2026, 5, 1, tzinfo=UTC)
    assert (articles[0].source, articles[0].url) == ("Wire", "https://e.org/1")


def test_csv_header_may_reorder_and_omit_columns(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("date,text\n2026-06-01,Only text.\n", encoding="utf-8")
    [article] = split(read(read_csv, path))[0]
    assert (article.title, article.text) == ("", "Only text.")
    assert article.published_at == datetime(2026, 6, 1, tzinfo=UTC)


def test_csv_without_header_uses_the_default_column_order(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("k9,Title,The text.,2026-07-08,Src,https://e.org\n", encoding="utf-8")
    [article] = split(read(read_csv, path))[0]
    assert (article.article_id, article.title, article.text) == ("k9", "Title", "The text.")
    assert article.source == "Src"


def test_csv_bad_rows_are_problems_naming_their_first_line(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "id,title,text,date\n"
        '1,A,"two\nlines",2026-01-01\n'  # lines 2-3
        "2,B,,2026-01-02\n"  # line 4: no text
        "3,C,text,someday\n"  # line 5: bad date
        "4,D,too,2026-01-01,many,columns,here\n"  # line 6
        "5,E,last,2026-01-03\n",
        encoding="utf-8",
    )
    articles, problems = split(read(read_csv, path))
    assert [a.article_id for a in articles] == ["1", "3", "5"]
    assert [(p.line, p.reason) for p in problems] == [
        (4, "missing text (only a title)"),
        (5, "unparsable date 'someday'; published_at set to ingest time"),
        (6, "7 columns, expected at most 4; row skipped"),
    ]


def test_csv_invalid_utf8_row_is_reported_before_its_article(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes("text,date\nCaf\u00e9 society.,2026-01-01\n".encode("cp1252"))
    items = list(read(read_csv, path))
    assert [type(item).__name__ for item in items] == ["IngestProblem", "Article"]
    assert items[0].line == 2
    assert items[1].text == "Caf\u00e9 society."


def test_csv_with_a_header_or_blank_cells_only_says_it_has_no_rows(tmp_path: Path) -> None:
    for content in ("title,text,date\n\n", '"', ",,\n"):
        path = tmp_path / "a.csv"
        path.write_text(content, encoding="utf-8")
        articles, problems = split(read(read_csv, path))
        assert articles == []
        assert [(p.line, p.reason) for p in problems] == [(0, "no rows to read")]
