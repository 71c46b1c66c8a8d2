import inspect
from pathlib import Path

from coding.records import Article
from flows.ingest import IngestProblem, read_inputs

from .helpers import NOW, split

SAMPLES = Path(__file__).resolve().parents[3] / "samples"


def _story(path: Path, title: str) -> None:
    path.write_text(f"{title}\nDate: 2026-01-01\n\n{title} happened today.\n", encoding="utf-8")


def test_folder_with_bad_file_between_good_ones_yields_the_good_and_one_problem(
    tmp_path: Path,
) -> None:
    _story(tmp_path / "a.txt", "Alpha")
    (tmp_path / "b.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    sub = tmp_path / "sub"
    sub.mkdir()
    _story(sub / "c.txt", "Gamma")
    articles, problems = split(read_inputs([tmp_path], now=NOW))
    assert [a.title for a in articles] == ["Alpha", "Gamma"]
    binary = IngestProblem(str(tmp_path / "b.txt"), 0, "binary file (NUL byte at offset 7)")
    assert problems == [binary]


def test_unsupported_file_type_is_skipped_with_a_problem(tmp_path: Path) -> None:
    _story(tmp_path / "a.txt", "Alpha")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7")
    articles, problems = split(read_inputs([tmp_path], now=NOW))
    assert [a.title for a in articles] == ["Alpha"]
    assert [(p.source, p.reason) for p in problems] == [
        (str(tmp_path / "report.pdf"), "unsupported file type '.pdf'")
    ]


def test_hidden_files_and_folders_are_skipped_when_walking_a_folder(tmp_path: Path) -> None:
    _story(tmp_path / "a.txt", "Alpha")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / ".git").mkdir()
    _story(tmp_path / ".git" / "x.txt", "Hidden")
    articles, problems = split(read_inputs([tmp_path], now=NOW))
    assert [a.title for a in articles] == ["Alpha"]
    assert problems == []


def test_missing_path_is_a_problem_and_later_paths_are_still_read(tmp_path: Path) -> None:
    _story(tmp_path / "a.txt", "Alpha")
    articles, problems = split(read_inputs([tmp_path / "nope", str(tmp_path / "a.txt")], now=NOW))
    assert [a.title for a in articles] == ["Alpha"]
    assert [(p.source, p.reason) for p in problems] == [
        (str(tmp_path / "nope"), "no such file or directory")
    ]


def test_read_inputs_streams_lazily_and_ids_are_stable_across_runs(tmp_path: Path) -> None:
    _story(tmp_path / "a.txt", "Alpha")
    stream = read_inputs([tmp_path], now=NOW)
    assert inspect.isgenerator(stream)
    first = next(stream)
    assert isinstance(first, Article)
    again = [a.article_id for a in read_inputs([tmp_path]) if isinstance(a, Article)]
    assert again == [first.article_id]


def test_problem_str_names_file_and_line() -> None:
    assert str(IngestProblem("a.jsonl", 3, "invalid JSON")) == "a.jsonl:3: invalid JSON"
    assert str(IngestProblem("a.txt", 0, "empty file")) == "a.txt: empty file"


def test_samples_read_into_eleven_clean_articles_dated_2026() -> None:
    articles, problems = split(read_inputs([SAMPLES], now=NOW))
    assert problems == []
    assert len(articles) == 11
    assert len({a.article_id for a in articles}) == 11
    assert all(a.published_at.year == 2026 for a in articles)
    assert all(a.title and a.text.count("\n\n") >= 3 for a in articles)
    assert sum(a.article_id.startswith("sample-jsonl-") for a in articles) == 3


def test_same_article_read_twice_in_one_run_is_skipped_the_second_time(tmp_path: Path) -> None:
    _story(tmp_path / "a.txt", "Alpha")
    articles, problems = split(read_inputs([tmp_path, tmp_path / "a.txt"], now=NOW))
    assert [a.title for a in articles] == ["Alpha"]
    skipped = f"article {articles[0].article_id!r} already read in this run; skipped"
    assert [(p.source, p.reason) for p in problems] == [(str(tmp_path / "a.txt"), skipped)]


def test_reused_publisher_id_with_different_text_is_kept_under_a_suffixed_id(
    tmp_path: Path,
) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"id": "X1", "text": "Kenya hosted talks.", "date": "2026-01-01"}\n'
        '{"id": "X1", "text": "Japan protested.", "date": "2026-01-01"}\n',
        encoding="utf-8",
    )
    first, second = (read_inputs([path], now=NOW) for _ in range(2))
    ids = [a.article_id for a in first if isinstance(a, Article)]
    assert ids[0] == "X1"
    assert ids[1].startswith("X1~") and len(ids[1]) == len("X1~") + 8
    assert [a.article_id for a in second if isinstance(a, Article)] == ids
