"""The UD-PETRARCH validation suite as cameoflow's accuracy benchmark.

    python -m benchmarks.validation [--parse spacy|gold-ud|both] [--report-dir DIR]
                                    [--misses CATEGORY] [--all-records]

Codes every scored record of PETR_Validate_records_2_02.xml with the suite's own dictionaries,
scores it by UD-PETRARCH's formula and strictly, prints both tables per category beside
UD-PETRARCH's published figures, times spaCy's parse against the coding step, and writes
DIR/validation-<mode>.txt with every record (explain output for each one not coded exactly).
The suite lives in ../shared/data/validation (never copied into this repository); without it
the command says so and exits 0.
"""

from __future__ import annotations

import logging
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from benchmarks.validation_suite.reader import read_suite, scored_records
from benchmarks.validation_suite.report import misses, record_text, summary_text, write_report
from benchmarks.validation_suite.run import MODES, Mode, run_mode, suite_coder

REPO = Path(__file__).resolve().parents[1]
SUITE_FILE = REPO / ".." / "shared" / "data" / "validation" / "PETR_Validate_records_2_02.xml"
PEER_RECORD_COUNT = 244

log = logging.getLogger(__name__)
app = typer.Typer(add_completion=False, help="The UD-PETRARCH validation suite as a benchmark.")


class ParseChoice(StrEnum):
    SPACY = "spacy"
    GOLD_UD = "gold-ud"
    BOTH = "both"


@app.command()
def main(
    parse: Annotated[
        ParseChoice, typer.Option(help="spacy: what users get; gold-ud: the file's own UD parses.")
    ] = ParseChoice.BOTH,
    report_dir: Annotated[
        Path, typer.Option(help="Where validation-<mode>.txt is written.")
    ] = REPO / "benchmarks" / "results",
    misses_of: Annotated[
        str | None,
        typer.Option("--misses", help="Also print the records of this category (or 'all') "
                     "not coded exactly, with explain output."),
    ] = None,
    all_records: Annotated[
        bool, typer.Option(help="Also score PATTERN-21, which UD-PETRARCH's reader never "
                           "reaches (245 records instead of its 244).")
    ] = False,
    suite_file: Annotated[Path, typer.Option("--suite", help="The validation XML.")] = SUITE_FILE,
    repeats: Annotated[int, typer.Option(min=1, help="Timing passes (best/median).")] = 3,
) -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if not suite_file.is_file():
        print(f"validation suite not found at {suite_file.resolve()}: nothing to benchmark")
        raise typer.Exit(0)
    suite = read_suite(suite_file)
    records = scored_records(suite, like_peer=not all_records)
    print(f"{suite_file.name}: {len(suite.records)} records, {len(records)} scored "
          f"(categories {' '.join(suite.include)})")
    if not all_records and len(records) != PEER_RECORD_COUNT:
        log.warning("expected %d scored records (UD-PETRARCH's count), got %d",
                    PEER_RECORD_COUNT, len(records))
    coder = suite_coder(suite)
    modes: tuple[Mode, ...] = tuple(m for m in MODES if parse.value in (m, "both"))
    header = (f"cameoflow {coder.version}, dictionaries {coder.dictionary_version} "
              f"({', '.join(p.name for p in suite.dictionary_files.values())}), "
              f"{len(records)} records scored")
    for mode in modes:
        result = run_mode(coder, records, mode, repeats)
        path = write_report(result, suite.include, report_dir, header)
        print(f"\n{summary_text(result, suite.include)}\n\nreport: {path}")
        if misses_of:
            found = misses(result, misses_of)
            print(f"\n[{mode}] {len(found)} records of {misses_of} not coded exactly:")
            for miss in found:
                print(f"\n{record_text(miss)}")


if __name__ == "__main__":
    app()
