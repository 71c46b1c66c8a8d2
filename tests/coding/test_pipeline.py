"""The coder's own text preparation: paragraphs and wire datelines."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from coding.pipeline import paragraphs
from coding.records import Article
from tests.coding.builders import code, small_coder, triples


@pytest.mark.parametrize("dateline", [
    "KYIV, March 3 (Wire) - ", "UNITED NATIONS (AP) -- ", "NEW DELHI, Jan. 5 - ",
    "BAMAKO, Mali, May 2 (Reuters) - ", "WASHINGTON \u2014 ",
])
def test_a_wire_dateline_is_no_part_of_the_lede(dateline):
    article = Article("a", "", dateline + "Russia attacked Poland.\n\nNATO - the alliance - met.",
                      datetime(2024, 3, 3, tzinfo=UTC))
    assert paragraphs(article) == ["Russia attacked Poland.", "NATO - the alliance - met."]


def test_the_dateline_city_is_not_a_second_subject(nlp):
    coded = code(small_coder(nlp), "KYIV, March 3 (Wire) - Poland's government condemned Russia.")
    assert triples(coded) == [("POLGOV", "RUS", "111")]
