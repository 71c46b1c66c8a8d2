"""Every kind of bad input gives one located problem with its reason, the good input around it
is read, and nothing is held in memory whole (ingest only: no model, fast)."""

from __future__ import annotations

import tracemalloc
from datetime import UTC, datetime

from coding.records import Article
from flows.ingest import IngestProblem, read_inputs
from flows.ingest.language import not_english_reason
from tests.faults.corpus import ARTICLES, HUGE_BYTES, INJECTION_TITLE, SKIPPED, write_corpus

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def test_bad_corpus_reports_every_bad_record_and_reads_every_good_one(tmp_path):
    expected = write_corpus(tmp_path / "in")
    items = list(read_inputs([tmp_path / "in"], now=NOW))
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, IngestProblem)]

    for want in expected:
        found = [p for p in problems if p.source.endswith(want.file) and p.line == want.line
                 and want.reason in p.reason]
        assert len(found) == 1, (want, [str(p) for p in problems])
        assert found[0].skipped is want.skipped
    assert len(problems) == len(expected), [str(p) for p in problems]
    assert len(articles) == ARTICLES
    assert sum(p.skipped for p in problems) == SKIPPED
    titles = {a.title for a in articles}
    assert INJECTION_TITLE in titles  # stored as text, like any title
    html = next(a for a in articles if a.title == "Iran and the IAEA")
    assert "<" not in html.text and "tracking" not in html.text
    assert "criticized the International Atomic Energy Agency" in html.text
    future = next(a for a in articles if a.article_id == "future")
    assert future.published_at == NOW


def test_each_problem_prints_as_one_line_with_file_and_line(tmp_path):
    write_corpus(tmp_path / "in")
    problems = [i for i in read_inputs([tmp_path / "in"], now=NOW) if isinstance(i, IngestProblem)]
    for problem in problems:
        text = str(problem)
        assert "\n" not in text
        assert text.startswith(problem.source)
    truncated = "13-feed.jsonl:2: invalid JSON: Unterminated string starting at (column 47)"
    assert any(str(p).endswith(truncated) for p in problems), [str(p) for p in problems]


def test_a_50_mb_article_is_refused_without_reading_it_whole(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"Title\n\n" + b"Kenya and Somalia held talks. " * (HUGE_BYTES // 30))
    jsonl = tmp_path / "huge.jsonl"
    jsonl.write_bytes(b'{"id": "h", "text": "' + b"x" * HUGE_BYTES + b'"}\n{"id": "after", '
                      b'"text": "Kenya and Somalia held talks.", "date": "2026-05-01"}\n')
    tracemalloc.start()
    items = list(read_inputs([huge, jsonl], now=NOW))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    reasons = [str(i) for i in items if isinstance(i, IngestProblem)]
    assert any("huge.txt: record of at least 4,000,001 bytes exceeds" in r for r in reasons)
    line_size = len(b'{"id": "h", "text": "') + HUGE_BYTES + len(b'"}\n')
    assert any(f"huge.jsonl:1: record of at least {line_size:,} bytes" in r for r in reasons)
    assert [i.article_id for i in items if isinstance(i, Article)] == ["after"]
    assert peak < 20 * 1024 * 1024, f"peak {peak:,} bytes for a 50 MB input"


def test_language_check_accepts_english_news_and_short_texts():
    assert not_english_reason("Russia attacked Ukraine on Monday.") == ""
    english = ("The government of Kenya said on Monday that it would send more troops to the "
               "border after an attack by militants killed three police officers in the north of "
               "the country, officials said.")
    assert not_english_reason(english) == ""
    spanish = ("El gobierno de España anunció el lunes un nuevo paquete de ayuda para las regiones "
               "afectadas por las inundaciones, según un comunicado oficial del ministerio.")
    assert not_english_reason(spanish).startswith("not English: ")
    assert "not Latin script" in not_english_reason("Министр иностранных дел России заявил " * 5)


def test_over_long_paragraph_is_parsed_in_pieces_cut_at_spaces():
    from coding.pipeline import MAX_PARAGRAPH_CHARS, split_long

    paragraph = " ".join(f"word{i}" for i in range(60_000))  # 588,889 characters
    pieces = split_long(paragraph)
    assert len(pieces) == 6
    assert all(len(p) <= MAX_PARAGRAPH_CHARS for p in pieces)
    assert "".join(pieces) == paragraph
    assert all(p.endswith(" ") for p in pieces[:-1])  # no word cut in two
