"""The per-Doc tree gives what spaCy's Token and Doc attributes give, on hand-built parses."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from coding.tree import entity_at, span_text, tree_of


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


@pytest.fixture
def doc(vocab) -> Doc:
    # "Russia, China and Iran condemned the strikes on Kyiv on Monday ." with "on Kyiv" hung
    # on the verb and "on Monday" on "strikes": the two arcs cross (a non-projective tree).
    words = ["Russia", ",", "China", "and", "Iran", "condemned", "the", "strikes", "on", "Kyiv",
             "on", "Monday", "."]
    return Doc(
        vocab,
        words=words,
        spaces=[False, True, True, True, True, True, True, True, True, True, True, False, False],
        heads=[5, 0, 0, 2, 2, 5, 7, 5, 5, 8, 7, 10, 5],
        deps=["nsubj", "punct", "conj", "cc", "conj", "ROOT", "det", "dobj", "prep", "pobj",
              "prep", "pobj", "punct"],
        pos=["PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN",
             "ADP", "PROPN", "PUNCT"],
        lemmas=["Russia", ",", "China", "and", "Iran", "condemn", "the", "strike", "on", "Kyiv",
                "on", "Monday", "."],
        ents=["B-GPE", "O", "B-GPE", "O", "B-GPE", "O", "O", "O", "O", "B-GPE", "O", "B-DATE",
              "O"],
    )


def test_tree_lists_match_the_token_attributes(doc):
    tree = tree_of(doc)
    assert tree.heads == [t.head.i for t in doc]
    assert tree.deps == [t.dep_ for t in doc]
    assert tree.pos == [t.pos_ for t in doc]
    assert tree.lower == [t.lower_ for t in doc]
    assert tree.lemmas == [t.lemma_.lower() for t in doc]
    assert tree.ent_types == [t.ent_type_ for t in doc]
    assert tree.children == [[c.i for c in t.children] for t in doc]


def test_tree_walks_match_spacys(doc):
    tree = tree_of(doc)
    for token in doc:
        assert tree.conjuncts(token.i) == [c.i for c in token.conjuncts]
        assert tree.subtree(token.i) == [t.i for t in token.subtree]
        assert tree.depth(token.i) == len(list(token.ancestors))


def test_texts_are_cut_as_spans_join_them(doc):
    tree = tree_of(doc)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert tree.text_of(start, end) == doc[start:end].text
    assert span_text(doc[0:6]) == "Russia, China and Iran condemned"


def test_entity_at_gives_the_entity_span_doc_ents_gives(doc):
    for token in doc:
        expected = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        found = entity_at(doc, token.i)
        assert found == expected
        if found is not None:
            assert found.label_ == expected.label_


def test_the_tree_is_read_once_per_doc(doc):
    assert tree_of(doc) is tree_of(doc)
