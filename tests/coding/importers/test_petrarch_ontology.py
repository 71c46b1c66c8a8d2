"""The PETRARCH-2 coding ontology reader: what a negated verb codes."""

from __future__ import annotations

from pathlib import Path

from coding.dictionaries import load_dictionaries, petrarch_kind
from coding.entries import NegatedCode, Severity
from coding.importers.petrarch import read_ontology

ONTOLOGY = (
    "# a made-up ontology in PETRARCH's notation\n"
    "010:0x1000#Say\n"
    "011:0x1000-0xFFFF   # decline comment: 'not say'\n"
    "050:0x0080\n"
    "110:0x1007f#0xFFFF+0x0080#Disapprove\n"
    "122:-0xFFFF+0x2040+0x300# masked: no verb's negation lands here\n"
    "023:0x2040\n"
    "190:0x00A0\n"
    "050:0x0081\n"
    "19x:0x00A1\n"
    "195:0xZZ\n"
    "---:0\n"
)


def test_negations_are_read_from_values_that_differ_by_the_negation_offset(tmp_path: Path):
    path = tmp_path / "PETR.Internal.Coding.Ontology.txt"
    path.write_text(ONTOLOGY, encoding="utf-8")
    negations, problems = read_ontology(path)
    assert sorted(negations, key=lambda n: n.code) == [
        NegatedCode(f"{path.name}:3", "010", "011"),
        NegatedCode(f"{path.name}:4", "110", "050"),
    ]
    by_line = {(p.line, p.severity) for p in problems}
    assert by_line == {
        (9, Severity.WARNING),  # 050 listed twice: the first line is kept
        (10, Severity.ERROR),  # 19x is no code
        (11, Severity.ERROR),  # 0xZZ is no number
    }


def test_an_ontology_file_in_a_petrarch_folder_is_loaded_with_the_rest(tmp_path: Path):
    (tmp_path / "PETR.Internal.Coding.Ontology.txt").write_text(ONTOLOGY, encoding="utf-8")
    assert petrarch_kind("PETR.Internal.Coding.Ontology.txt") == "ontology"
    dictionaries = load_dictionaries([tmp_path])
    assert {(n.code, n.negated_code) for n in dictionaries.negations} == {
        ("010", "011"), ("110", "050")
    }
