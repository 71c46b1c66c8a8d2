import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flows.ingest.normalize import normalize_text, normalize_title


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ukraine s failure to act", "Ukraine's failure to act"),
        ("the US s role in talks", "the US's role in talks"),
        ("Kenya s foreign minister", "Kenya's foreign minister"),
        ("Ukraine needs'meaningful guarantees", "Ukraine needs 'meaningful guarantees"),
        (
            "he said Kyiv needs'meaningful guarantees'now",
            "he said Kyiv needs 'meaningful guarantees' now",
        ),
        ("we don t accept it", "we don't accept it"),
        ("Don t shoot", "Don't shoot"),
        ("Moscow can t and won t agree", "Moscow can't and won't agree"),
        ("it s clear that they re ready", "it's clear that they're ready"),
        ("we ve said that we ll respond", "we've said that we'll respond"),
        ("I m certain", "I'm certain"),
        ("Ukraine 's army", "Ukraine's army"),
        ("Ukraine' s army", "Ukraine's army"),
        ("they do n't agree", "they don't agree"),
        ("AT&amp;T and &quot;partners&quot;", 'AT&T and "partners"'),
        ("the minister&#39;s visit", "the minister's visit"),
        ("Ukraine\u2019s army", "Ukraine's army"),
        ("\u201cWe will respond,\u201d he said", '"We will respond," he said'),
        ("``We will respond,'' he said", '"We will respond," he said'),
        ("Cafe\u0301 talks", "Caf\u00e9 talks"),
        ("zero\u200bwidth and soft\u00adhyphen", "zerowidth and softhyphen"),
        ("an anti- government rally", "an anti-government rally"),
        ("Pro- Russian separatists", "Pro-Russian separatists"),
    ],
)
def test_normalize_text_repairs_unambiguous_damage(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(
    "unchanged",
    [
        "The s key is broken",  # a determiner, not a possessor
        "the letter s is silent",  # lower-case word before s
        "He wrote Ukraine s.",  # no word after the s
        "Plan S funding",  # capital S is a name
        "O'Brien met d'Estaing in Cote d'Ivoire",
        "al-Qa'ida and Ba'ath and Sana'a",
        "rock'n'roll and o'clock and ma'am",
        "they're sure we've won and you'll see",
        "I d like it",  # "I'd" or a grade: ambiguous
        "R&D spending and Q&A sessions",
        "this &not that &copy",  # legacy entities without ";" are plain text
        "the ministers' meeting",
        "Ukraine's army",
        "Israel says 'no' to talks",
        "pro- and anti-war groups",  # a suspended hyphen
        "pre- or post-war borders",
        "a score of 3- 2",
    ],
)
def test_normalize_text_leaves_ambiguous_or_correct_text_alone(unchanged: str) -> None:
    assert normalize_text(unchanged) == unchanged


def test_normalize_text_splits_paragraphs_on_blank_lines_and_collapses_inner_whitespace() -> None:
    raw = "  First   line\nwraps here.\n \n\n\tSecond\u00a0para.\r\n\r\nThird. "
    assert normalize_text(raw) == "First line wraps here.\n\nSecond para.\n\nThird."


def test_normalize_text_drops_repeated_paragraphs_keeping_the_first() -> None:
    raw = "Lede.\n\nMore.\n\nLede.\n\n  More. \n\nEnd."
    assert normalize_text(raw) == "Lede.\n\nMore.\n\nEnd."


def test_normalize_text_of_blank_input_is_empty() -> None:
    assert normalize_text(" \n\n \t ") == ""


def test_normalize_title_puts_a_wrapped_title_on_one_line() -> None:
    assert normalize_title("Russia s envoy\n  meets   Kenya") == "Russia's envoy meets Kenya"


def test_normalize_text_is_idempotent_on_repaired_text() -> None:
    raw = "Ukraine s army said it s ready.\n\nKyiv needs'meaningful guarantees'now"
    once = normalize_text(raw)
    assert normalize_text(once) == once


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abstTUS '\u2019`\n&;#39amp")), max_size=60))
def test_normalize_text_is_idempotent_on_any_text(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once
