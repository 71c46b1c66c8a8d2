from datetime import UTC, datetime
from pathlib import Path

import pytest

from flows.ingest import read_inputs
from flows.ingest.petrarch_xml import read_petrarch_xml

from .helpers import NOW, read, split

SHARED = Path(__file__).resolve().parents[3] / ".." / "shared" / "data"

SENTENCES = """<!-- a comment with <Sentence> in prose is not read: it is on this line -->
<Sentences>
<Sentence date = "20260806" id ="WIRE0806_1" source = "WIRE" sentence = "True">
<Text>
Kenya and Somalia signed a border
agreement on Wednesday.
</Text>
<Parse>(ROOT (S (NP (NNP Kenya))))</Parse>
</Sentence>
<Sentence date="20260807" id="WIRE0807_2" source="WIRE">
<Text>
Russian forces shelled Kharkiv &amp; Izium.</Text>
</Sentence>
<Sentence date="20260808" id="WIRE0808_3"><Text>Japan protested.</Text></Sentence>
<Sentence date="yesterday" id="WIRE0809_4">
<Text>Iran rejected the demand.</Text>
</Sentence>
<Sentence date="20260810" id="WIRE0810_5">
<Parse>(ROOT)</Parse>
</Sentence>
</Sentences>
"""


def test_petrarch_xml_reads_each_sentence_tolerating_text_close_on_the_text_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "s.xml"
    path.write_text(SENTENCES, encoding="utf-8")
    articles, problems = split(read(read_petrarch_xml, path))
    assert [(a.article_id, a.text) for a in articles] == [
        ("WIRE0806_1", "Kenya and Somalia signed a border agreement on Wednesday."),
        ("WIRE0807_2", "Russian forces shelled Kharkiv & Izium."),
        ("WIRE0808_3", "Japan protested."),
        ("WIRE0809_4", "Iran rejected the demand."),
    ]
    assert articles[0].published_at == datetime(2026, 8, 6, tzinfo=UTC)
    assert (articles[0].source, articles[0].title) == ("WIRE", "")
    assert [(p.line, p.reason) for p in problems] == [
        (15, "unparsable date 'yesterday'; published_at set to ingest time"),
        (18, "<Sentence> without <Text>"),
    ]


def test_petrarch_xml_unclosed_sentence_at_end_is_reported_and_still_read(tmp_path: Path) -> None:
    path = tmp_path / "s.xml"
    path.write_text('<Sentences>\n<Sentence date="20260101" id="a">\n<Text>Cut.', encoding="utf-8")
    articles, problems = split(read(read_petrarch_xml, path))
    assert [a.text for a in articles] == ["Cut."]
    assert [(p.line, p.reason) for p in problems] == [
        (2, "<Sentence> not closed at end of file")
    ]


def test_petrarch_xml_without_sentences_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "s.xml"
    path.write_text("<Sentences>\n</Sentences>\n", encoding="utf-8")
    articles, problems = split(read(read_petrarch_xml, path))
    assert articles == []
    assert [p.reason for p in problems] == ["no <Sentence> records found"]


def test_petrarch_xml_reads_the_gigaword_sample_from_shared_data() -> None:
    sample = SHARED / "phoenix" / "GigaWord.sample.PETR.xml"
    if not sample.exists():
        pytest.skip(f"shared data not found at {sample}")
    articles, problems = split(read_inputs([sample], now=NOW))
    # The sample has records with an empty <Text> (each one located problem) and one id,
    # GOLD_9, used for two different sentences (the second is kept under a suffixed id).
    renamed = [p.reason for p in problems if p.reason != "missing text"]
    assert len(renamed) == 1
    assert renamed[0].startswith("id 'GOLD_9' already used by another article; kept as 'GOLD_9~")
    assert len(articles) + len(problems) - 1 == sample.read_text("utf-8").count("<Sentence ")
    assert len(articles) > 50
    assert len({a.article_id for a in articles}) == len(articles)
    assert all(a.published_at.year in (2008, 2015) and a.source == "AFP" for a in articles)
    assert all("</Text>" not in a.text and "\n" not in a.text for a in articles)
