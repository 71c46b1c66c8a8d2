"""A Doc's dependency tree as plain lists, read once per Doc.

The coder asks the same questions of a parse many times per sentence (which words hang on this
verb, with which label; what is this word's head), and spaCy answers each one by building new
Token objects. Here the answers are read once per Doc into lists indexed by token position, so
the busiest rules look positions up and make a Token only for what they return.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, LEMMA, LENGTH, LOWER, ORTH, POS, SPACY
from spacy.tokens import Doc, Span

_TREE = "cameoflow_tree"
_ENTITIES = "cameoflow_entities"


@dataclass(frozen=True, slots=True)
class Tree:
    heads: list[int]  # each token's head; a root is its own head
    deps: list[str]  # dependency labels (Token.dep_)
    pos: list[str]  # coarse part-of-speech tags (Token.pos_)
    lower: list[str]  # lower-case forms (Token.lower_)
    lemmas: list[str]  # lower-case lemmas (Token.lemma_.lower())
    ent_types: list[str]  # named-entity labels, "" outside an entity (Token.ent_type_)
    children: list[list[int]]  # each token's dependents in sentence order (Token.children)
    text: str  # the Doc's text (Doc.text joins it token by token on every call)
    starts: list[int]  # each token's first character in `text` (Token.idx)
    ends: list[int]  # each token's end in `text`, its trailing space left out

    def text_of(self, start: int, end: int) -> str:
        """doc[start:end].text, cut from the Doc's text."""
        return self.text[self.starts[start] : self.ends[end - 1]] if end > start else ""

    def conjuncts(self, i: int) -> list[int]:
        """Token.conjuncts: the tokens listed with this one (by "conj" links), not itself."""
        first = i
        while self.heads[first] != first and self.deps[first] == "conj":
            first = self.heads[first]
        listed = [first]
        for word in listed:  # grows while read: each member's own conjuncts follow it
            for child in self.children[word]:
                if child > word and self.deps[child] == "conj":
                    listed.append(child)
        return [w for w in listed if w != i]

    def subtree(self, i: int) -> list[int]:
        """Token.subtree: the token and everything under it, in the same order."""
        order: list[int] = []

        def walk(token: int) -> None:
            below = self.children[token]
            for child in below:
                if child < token:
                    walk(child)
            order.append(token)
            for child in below:
                if child > token:
                    walk(child)

        walk(i)
        return order

    def depth(self, i: int) -> int:
        """How many heads lie above the token (len(list(token.ancestors)))."""
        steps = 0
        while self.heads[i] != i and steps < len(self.heads):
            i = self.heads[i]
            steps += 1
        return steps


def tree_of(doc: Doc) -> Tree:
    """The Doc's tree, built on first use and kept in doc.user_data."""
    try:  # asked some fifty times per sentence: a subscript is the cheapest way to ask
        return doc.user_data[_TREE]
    except KeyError:
        tree = doc.user_data[_TREE] = _read_tree(doc)
        return tree


def _read_tree(doc: Doc) -> Tree:
    strings = doc.vocab.strings
    heads, deps, pos, lower, lemmas, ent_types, starts, ends = [], [], [], [], [], [], [], []
    pieces = []  # each token's text and trailing space: Doc.text, which looks each word up again
    children: list[list[int]] = [[] for _ in range(len(doc))]
    for i, (offset, dep, tag, low, lemma, ent_type, start, length, orth, space) in enumerate(
        doc.to_array([HEAD, DEP, POS, LOWER, LEMMA, ENT_TYPE, IDX, LENGTH, ORTH, SPACY]).tolist()
    ):
        # HEAD is the head's offset from the token, stored unsigned like the string ids.
        head = i + offset - (1 << 64 if offset >= 1 << 63 else 0)
        if head != i:
            children[head].append(i)
        heads.append(head)
        deps.append(strings[dep])
        pos.append(strings[tag])
        lower.append(strings[low])
        lemmas.append(strings[lemma].lower())
        ent_types.append(strings[ent_type])
        starts.append(start)
        ends.append(start + length)
        pieces.append(strings[orth] + " " if space else strings[orth])
    text = "".join(pieces)
    return Tree(heads, deps, pos, lower, lemmas, ent_types, children, text, starts, ends)


def span_text(span: Span) -> str:
    """span.text, cut from the Doc's text (Span.text joins it token by token)."""
    return tree_of(span.doc).text_of(span.start, span.end)


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity of doc.ents that holds token `i`, or None. Their bounds are read once per Doc
    (Doc.ents builds every entity's Span on each call); kept as numbers, not Spans, so that
    user_data does not tie the Doc in a reference cycle."""
    bounds = doc.user_data.get(_ENTITIES)
    if bounds is None:
        bounds = doc.user_data[_ENTITIES] = tuple(
            (e.start, e.end, e.label, e.kb_id, e.id) for e in doc.ents
        )
    for start, end, label, kb_id, span_id in bounds:
        if start <= i < end:
            return Span(doc, start, end, label=label, kb_id=kb_id, span_id=span_id)
    return None
