"""Lists of nouns: which actors a phrase names together ("Russia and China", "Mali, Chad and
Sudan"). Asked by the actor lookup (every actor of a list), by the matcher (a PETRARCH "%"
pattern needs a listed subject) and by reciprocity (listed actors act on each other)."""

from __future__ import annotations

from spacy.tokens import Token

from coding.tree import Tree, tree_of

NOUN_TAGS = frozenset({"NOUN", "PROPN"})
_COORDINATED = "cameoflow_coordinated"  # Doc.user_data key of coordinated_heads' answers


def coordinated_heads(head: Token) -> list[Token]:
    """The head and the nouns listed with it: "Russia and China", "Mali, the Niger, Chad and
    Sudan" (the parser may hang list members as conj, appos or nmod; all count). A verb
    with two subjects is a list the parser split ("Eagles, hawks, and Russia attacked").
    Kept per Doc: a phrase is asked for as a slot of each verb and as a subject."""
    doc = head.doc
    known = doc.user_data.setdefault(_COORDINATED, {})
    members = known.get(head.i)
    if members is None:
        members = known[head.i] = _coordinated(tree_of(doc), head.i)
    return [doc[i] for i in members]


def _coordinated(tree: Tree, head: int) -> tuple[int, ...]:
    """The positions of coordinated_heads(head), in order."""
    group = {head, *_listed_nouns(tree, head)}
    if tree.deps[head] == "nsubj":
        for sibling in tree.children[tree.heads[head]]:
            if (sibling != head and tree.deps[sibling] == "nsubj" and tree.pos[sibling] in NOUN_TAGS
                    and not _clause_between(tree, head, sibling)):
                group.add(sibling)
                group.update(_listed_nouns(tree, sibling))
    for child in tree.children[head]:
        # Only inside a list: "Sudan's minister" (nmod) or "Zelensky, the president"
        # (appos) name one actor, not two.
        if tree.deps[child] in ("appos", "nmod") and tree.pos[child] == "PROPN" and (
            len(group) > 1 or any(tree.deps[c] == "conj" for c in tree.children[child])
        ):
            group.add(child)
            group.update(_listed_nouns(tree, child))
    return tuple(sorted(group))


def _listed_nouns(tree: Tree, i: int) -> list[int]:
    return [c for c in tree.conjuncts(i) if tree.pos[c] in NOUN_TAGS]


def _clause_between(tree: Tree, a: int, b: int) -> bool:
    """ "Israeli strikes killed 30 people, the health ministry said": a clause between the two
    subjects makes them the subjects of two verbs, whatever the parser says."""
    return any(tree.pos[i] == "VERB" for i in range(min(a, b) + 1, max(a, b)))
