"""The suite's own UD parses as spaCy Docs in spaCy's English (ClearNLP-style) scheme.

The coder reads spaCy's English labels (prep/pobj, dobj, nsubjpass, auxpass, agent, prt, poss,
neg, attr/acomp under a copula verb); the file has Universal Dependencies, mostly v1 (nmod,
dobj, name, neg) with some v2 (obj, obl, aux:pass). Relabelling is not enough where the two
schemes disagree about heads, so the structure is changed in six places:
- case: UD hangs the preposition under its noun; spaCy's preposition heads the noun (prep/pobj,
  `agent` for "by" under a passive verb);
- copula: UD heads "X is Y" by Y; spaCy by "is", with Y as attr/acomp;
- flat: UD v2 heads a name by its first word; spaCy's compound by its last;
- "after leaving": UD marks the gerund; spaCy makes the preposition head a pcomp;
- reporting: UD makes a trailing "..., an official said" parataxis; spaCy makes it the root;
- particles: a `case` tagged RP is a verb particle (prt) and its noun the object.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from benchmarks.validation_suite.reader import UdToken

RELABEL = {
    "root": "ROOT", "obj": "dobj", "iobj": "dative", "nsubj:pass": "nsubjpass",
    "csubj:pass": "csubjpass", "aux:pass": "auxpass", "compound:prt": "prt", "nmod:poss": "poss",
    "acl:relcl": "relcl", "det:predet": "predet", "cc:preconj": "preconj", "name": "compound",
    "flat": "compound", "flat:name": "compound", "nmod:tmod": "npadvmod", "obl:tmod": "npadvmod",
    "nmod:npmod": "npadvmod", "obl:npmod": "npadvmod", "discourse": "intj",
    "vocative": "npadvmod", "mwe": "dep", "fixed": "dep", "goeswith": "dep", "list": "dep",
    "dislocated": "dep", "orphan": "dep", "reparandum": "dep", "obl": "npadvmod",
}
NEGATIONS = frozenset({"not", "n't", "never"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X", "SYM"})
# Dependents of a copular predicate that belong to the clause, so move to the copula verb.
CLAUSAL = frozenset({
    "nsubj", "nsubjpass", "csubj", "csubjpass", "aux", "auxpass", "neg", "mark", "punct", "expl",
    "advcl", "parataxis", "ccomp",
})
# Prepositions spaCy makes head a gerund ("after leaving"); "while", "when" stay marks.
GERUND_PREPOSITIONS = frozenset({
    "after", "before", "by", "without", "upon", "on", "in", "of", "from", "despite", "for",
    "since", "with", "about", "against",
})


@dataclass(frozen=True, slots=True)
class Arc:
    head: int  # 0-based; a root is its own head, as in spaCy
    dep: str


def _children(heads: list[int], index: int) -> list[int]:
    return [i for i, h in enumerate(heads) if h == index and i != index]


def _flip_flat(tokens: Sequence[UdToken], heads: list[int], deps: list[str]) -> None:
    for h in range(len(tokens)):
        flats = [c for c in _children(heads, h) if deps[c] in ("flat", "flat:name")]
        if not flats:
            continue
        last = flats[-1]
        heads[last], deps[last] = (last if heads[h] == h else heads[h]), deps[h]
        for c in _children(heads, h):
            if c != last:
                heads[c] = last
        heads[h], deps[h] = last, "compound"
        for c in flats[:-1]:
            deps[c] = "compound"


def _lift_copulas(tokens: Sequence[UdToken], heads: list[int], deps: list[str]) -> None:
    for p in range(len(tokens)):
        cops = [c for c in _children(heads, p) if deps[c] == "cop"]
        if not cops:
            continue
        cop = cops[0]
        heads[cop], deps[cop] = (cop if heads[p] == p else heads[p]), deps[p]
        for c in _children(heads, p):
            verbal_conj = deps[c] == "conj" and tokens[c].upos == "VERB"
            negation = deps[c] == "advmod" and tokens[c].form.lower() in NEGATIONS
            if c != cop and (deps[c] in CLAUSAL or verbal_conj or negation):
                heads[c] = cop
        has_case = any(deps[c] == "case" and tokens[c].xpos != "POS" for c in _children(heads, p))
        # With a preposition ("is in Gondor") the case step below turns it into prep/pobj.
        deps[p] = "nmod" if has_case else ("acomp" if tokens[p].upos == "ADJ" else "attr")
        heads[p] = cop


def _particles_from_cases(tokens: Sequence[UdToken], heads: list[int], deps: list[str]) -> None:
    """A `case` tagged RP ("broken down relations") is the verb's particle; its noun the object."""
    for c in range(len(tokens)):
        noun = heads[c]
        if deps[c] != "case" or tokens[c].xpos != "RP" or heads[noun] == noun:
            continue
        verb = heads[noun]
        if tokens[verb].upos == "VERB" and deps[noun] in ("nmod", "obl"):
            heads[c], deps[c] = verb, "prt"
            deps[noun] = "dobj"


def _invert_reporting(tokens: Sequence[UdToken], heads: list[int], deps: list[str]) -> None:
    """UD: "X did Y, an official said" heads by "did", with "said" as parataxis; spaCy heads by
    "said" with the reported clause as its ccomp. Only for a later verb that has no object or
    complement of its own, so it can take the clause as one."""
    roots = [r for r in range(len(tokens)) if heads[r] == r]
    for root in roots:
        for v in _children(heads, root):
            own = {deps[c] for c in _children(heads, v)}
            if (deps[v] == "parataxis" and v > root and tokens[v].upos == "VERB"
                    and not own & {"dobj", "obj", "ccomp", "xcomp"}):
                heads[v], deps[v] = v, deps[root]
                heads[root], deps[root] = v, "ccomp"
                for c in _children(heads, root):
                    if c > v and deps[c] == "punct":
                        heads[c] = v
                break


def _is_passive(heads: list[int], deps: list[str], verb: int) -> bool:
    return any(deps[c] in ("nsubjpass", "auxpass") for c in _children(heads, verb))


def _raise_prepositions(tokens: Sequence[UdToken], heads: list[int], deps: list[str]) -> None:
    """Make the preposition head its noun; conjoined prepositional phrases are done last so
    they can attach to the preposition of the first conjunct."""
    nouns = [n for n in range(len(tokens))
             if any(deps[c] == "case" and tokens[c].xpos != "POS" for c in _children(heads, n))]
    for n in sorted(nouns, key=lambda n: deps[n] == "conj"):
        cases = [c for c in _children(heads, n) if deps[c] == "case" and tokens[c].xpos != "POS"]
        first = cases[0]
        head = n if heads[n] == n else heads[n]
        if deps[n] == "conj" and deps[head] == "pobj":
            heads[first], deps[first] = heads[head], "conj"
        elif heads[n] == n:
            heads[first], deps[first] = first, "ROOT"
        elif tokens[first].lemma.lower() == "by" and _is_passive(heads, deps, head):
            heads[first], deps[first] = head, "agent"
        else:
            heads[first], deps[first] = head, "prep"
        chain = first
        for c in cases[1:]:  # "out of": each further preposition under the one before
            heads[c], deps[c] = chain, "prep"
            chain = c
        heads[n], deps[n] = chain, "pcomp" if tokens[n].upos == "VERB" else "pobj"


def _raise_gerund_marks(tokens: Sequence[UdToken], heads: list[int], deps: list[str]) -> None:
    for v in range(len(tokens)):
        if tokens[v].xpos != "VBG" or deps[v] not in ("advcl", "acl") or heads[v] == v:
            continue
        marks = [c for c in _children(heads, v)
                 if deps[c] == "mark" and tokens[c].lemma.lower() in GERUND_PREPOSITIONS]
        if marks:
            heads[marks[0]], deps[marks[0]] = heads[v], "prep"
            heads[v], deps[v] = marks[0], "pcomp"


def _relabel(tokens: Sequence[UdToken], deps: list[str]) -> None:
    for i, token in enumerate(tokens):
        dep = deps[i]
        if dep == "advmod" and token.form.lower() in NEGATIONS:
            dep = "neg"
        elif dep == "mark" and token.xpos == "TO":
            dep = "aux"  # infinitival "to" is aux in spaCy's scheme
        dep = RELABEL.get(dep, dep)
        deps[i] = dep.split(":")[0] if ":" in dep else dep


def _check_tree(heads: list[int]) -> None:
    for start in range(len(heads)):
        seen = {start}
        node = start
        while heads[node] != node:
            node = heads[node]
            if node in seen:
                raise ValueError(f"conversion made a cycle through token {node + 1}")
            seen.add(node)


def convert_ud(tokens: Sequence[UdToken]) -> list[Arc]:
    """UD arcs -> spaCy English arcs, token for token (no token is added or removed)."""
    heads = [t.head - 1 if t.head > 0 else i for i, t in enumerate(tokens)]
    deps = [t.deprel for t in tokens]
    _flip_flat(tokens, heads, deps)
    _lift_copulas(tokens, heads, deps)
    _particles_from_cases(tokens, heads, deps)
    _raise_prepositions(tokens, heads, deps)
    _raise_gerund_marks(tokens, heads, deps)
    _invert_reporting(tokens, heads, deps)
    _relabel(tokens, deps)
    _check_tree(heads)
    return [Arc(h, d) for h, d in zip(heads, deps, strict=True)]


def token_spaces(words: Sequence[str], text: str) -> list[bool]:
    """Whether each word is followed by whitespace in the text. A word the text does not hold
    where expected was normalised by the parser ("-LRB-" for "("): it takes one character."""
    spaces = []
    pos = 0
    for word in words:
        found = text.find(word, pos)
        if found >= 0 and not text[pos:found].strip():
            pos = found + len(word)
        else:
            while pos < len(text) and text[pos].isspace():
                pos += 1
            pos = min(pos + 1, len(text))
        spaces.append(pos < len(text) and text[pos].isspace())
    return spaces


def gold_doc(nlp: Language, tokens: Sequence[UdToken], text: str) -> Doc:
    """One sentence's Doc from its UD parse: converted arcs, the file's tags and lemmas, spaCy's
    POS from those tags (attribute_ruler, so POS follow spaCy's conventions) and spaCy's NER."""
    arcs = convert_ud(tokens)
    words = [t.form for t in tokens]
    doc = Doc(
        nlp.vocab,
        words=words,
        spaces=token_spaces(words, text),
        heads=[a.head for a in arcs],
        deps=[a.dep for a in arcs],
        tags=[t.xpos for t in tokens],
        pos=[t.upos for t in tokens],
        lemmas=[t.lemma for t in tokens],
    )
    for name in ("attribute_ruler", "ner"):
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    return doc
