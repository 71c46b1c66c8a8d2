"""Consistency of the bundled CAMEO code table and verb dictionaries (no spaCy model needed).

Reads the files with a tiny local parser on purpose, so these checks hold whatever the real
reader (coding/dictionaries.py) does with a malformed line.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

DICTIONARIES = Path(__file__).resolve().parents[2] / "dictionaries"
VERB_DIR = DICTIONARIES / "verbs"
COLUMNS = re.compile(r"\t| {2,}")


def _code_table() -> dict[str, list[str]]:
    lines = (DICTIONARIES / "cameo_codes.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["code", "name", "goldstein", "quad_class", "plover"]
    return {row[0]: row for row in (line.split("\t") for line in lines[1:] if line.strip())}


def _verb_entries() -> list[tuple[str, int, str, str]]:
    """(file name, line number, code, pattern) for every entry of every verb file."""
    entries = []
    for path in sorted(VERB_DIR.glob("*.txt")):
        for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            code, pattern = COLUMNS.split(line, maxsplit=1)
            entries.append((path.name, number, code, " ".join(pattern.split())))
    return entries


CODES = _code_table()
ENTRIES = _verb_entries()


def test_code_table_rows_have_five_non_empty_columns():
    bad = [row for row in CODES.values() if len(row) != 5 or not all(cell.strip() for cell in row)]
    assert bad == []


def test_code_table_covers_every_cameo_root_with_three_or_four_digit_codes():
    assert all(re.fullmatch(r"\d{3,4}", code) for code in CODES)
    assert {code[:2] for code in CODES} == {f"{n:02d}" for n in range(1, 21)}
    assert len(CODES) > 280


def test_goldstein_scores_lie_between_minus_ten_and_ten():
    assert all(-10.0 <= float(row[2]) <= 10.0 for row in CODES.values())


def test_quad_class_follows_gdelt_root_ranges():
    def expected(root: int) -> int:
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4

    assert all(int(row[3]) == expected(int(code[:2])) for code, row in CODES.items())


def test_code_table_matches_shared_goldstein_file():
    shared = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "cameo"
    goldstein = shared / "CAMEO.goldsteinscale.txt"
    if not goldstein.exists():
        pytest.skip(f"shared CAMEO data not found at {goldstein}")
    listed = {}
    for line in goldstein.read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            code, score = line.split("\t")
            if len(code) >= 3:  # two-digit roots are the x0 base codes, not separate rows
                listed[code] = float(score)
    assert {code: float(row[2]) for code, row in CODES.items()} == listed


def test_every_root_has_its_own_verb_file():
    roots = {path.name[:2] for path in VERB_DIR.glob("*.txt")}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_every_verb_entry_uses_a_known_code_of_its_file_root():
    # "040:040" also gives the code of the reverse event; every code must be known, and the
    # first one belongs to the file's root.
    unknown = [e for e in ENTRIES for c in e[2].split(":") if c != "---" and c not in CODES]
    misfiled = [e for e in ENTRIES if e[2] != "---" and e[2][:2] != e[0][:2]]
    assert unknown == []
    assert misfiled == []


def test_every_cameo_code_is_reachable_by_a_verb_pattern():
    used = {code for _, _, code, _ in ENTRIES}
    assert sorted(set(CODES) - used) == []


def test_no_pattern_line_is_repeated_across_files():
    counts = Counter((code, pattern) for _, _, code, pattern in ENTRIES)
    assert [key for key, n in counts.items() if n > 1] == []


def test_no_pattern_maps_to_two_different_codes():
    codes_by_pattern: dict[str, set[str]] = {}
    for _, _, code, pattern in ENTRIES:
        codes_by_pattern.setdefault(pattern, set()).add(code)
    assert {p: c for p, c in codes_by_pattern.items() if len(c) > 1} == {}


def test_patterns_are_lowercase_lemmas_with_well_formed_slots():
    bad = []
    for name, number, _, pattern in ENTRIES:
        head, *rest = pattern.split()
        lemma = head.removeprefix("n:")
        if not re.fullmatch(r"[a-z]+(_[a-z]+)?", lemma) and not head.startswith("n:"):
            bad.append((name, number, pattern))
        if any(tok.startswith("@") and len(tok) == 1 for tok in rest) or "||" in pattern:
            bad.append((name, number, pattern))
    assert bad == []


def test_dictionary_is_large_enough_to_code_news():
    lemmas = {pattern.split()[0] for _, _, _, pattern in ENTRIES}
    per_root = Counter(name[:2] for name, _, _, _ in ENTRIES)
    assert len(ENTRIES) >= 4000
    assert len(lemmas) >= 1000
    assert min(per_root.values()) >= 30


def test_patterns_have_one_target_and_single_prepositions():
    prepositions = set(
        "of with to against on for from in into at over about toward by between among across after"
        " under through upon near outside within without amid".split()
    )
    bad = []
    for name, number, _, pattern in ENTRIES:
        tokens = pattern.split()
        mixed = [t for t in tokens[1:] if "|" in t and prepositions & set(t.split("|"))]
        if tokens.count("+") > 1 or mixed:
            bad.append((name, number, pattern))
    assert bad == []


def test_real_reader_loads_code_table_and_verb_files_without_problems():
    dictionaries = pytest.importorskip("coding.dictionaries")
    loaded = dictionaries.load_dictionaries()
    ours = [str(p) for p in loaded.problems if "verbs/" in p.path or "cameo_codes" in p.path]
    assert ours == []
    assert len(loaded.codes) == len(CODES)
    assert sum(1 for v in loaded.verbs if v.rule_id.startswith("verbs/")) >= 4000
